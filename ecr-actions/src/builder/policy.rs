//! The policy: `Version`, `Id`, statements; `build` checks and lints.

use super::{BuildError, StatementBuilder};
use crate::lint::{Finding, Severity, lint};
use crate::policy::{JsonPath, OneOrMany, PolicyDocument, Version};

/// Builds a [`PolicyDocument`]: consuming setters, then [`build`](Self::build), which checks the
/// statements and runs the [linter](crate::lint), refusing a policy with an error finding.
///
/// The document has `Version` `2012-10-17` (the version that reads policy variables) and its
/// statements in an array, in the order given. See the [module docs](super) for complete examples.
///
/// ```
/// use ecr_actions::builder::{PolicyBuilder, StatementBuilder};
/// use ecr_actions::Action;
///
/// let policy = PolicyBuilder::new()
///     .id("login")
///     .statement(StatementBuilder::allow().action(Action::GetAuthorizationToken).any_resource())
///     .build()?;
/// assert_eq!(
///     policy.to_json(),
///     r#"{"Version":"2012-10-17","Id":"login","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}"#
/// );
/// # Ok::<(), ecr_actions::builder::BuildError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a policy builder does nothing until `build` is called"]
pub struct PolicyBuilder {
    id: Option<String>,
    statements: Vec<StatementBuilder>,
}

impl Default for PolicyBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl PolicyBuilder {
    /// An empty policy, `Version` `2012-10-17`.
    pub fn new() -> Self {
        Self {
            id: None,
            statements: Vec::new(),
        }
    }

    /// The policy's `Id`.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Adds a statement.
    pub fn statement(mut self, statement: StatementBuilder) -> Self {
        self.statements.push(statement);
        self
    }

    /// The document, checked and linted: the linter's warnings and suggestions are dropped (see
    /// [`build_with_findings`](Self::build_with_findings) to keep them).
    ///
    /// # Errors
    ///
    /// [`BuildError::NoStatement`]; [`BuildError::Missing`] for a statement without actions;
    /// [`BuildError::Conflict`] for a statement with both `Action` and `NotAction` (or principals,
    /// resources); [`BuildError::InvalidValue`] for an account ID, a service principal, a tag key, an
    /// IP address or a date with the wrong syntax; [`BuildError::DuplicateCondition`] for one key tested
    /// twice by one operator; [`BuildError::Lint`] when the linter reports an error
    /// ([`Severity::Error`]).
    pub fn build(self) -> Result<PolicyDocument, BuildError> {
        self.build_with_findings().map(|(document, _)| document)
    }

    /// As [`build`](Self::build), also returning the linter's findings that are not errors (warnings,
    /// security warnings, suggestions), in document order.
    ///
    /// # Errors
    ///
    /// As [`build`](Self::build).
    pub fn build_with_findings(self) -> Result<(PolicyDocument, Vec<Finding>), BuildError> {
        if self.statements.is_empty() {
            return Err(BuildError::NoStatement);
        }
        let path = JsonPath::root().key("Statement");
        let statements = self
            .statements
            .into_iter()
            .enumerate()
            .map(|(index, statement)| statement.into_statement(&path.index(index)))
            .collect::<Result<Vec<_>, _>>()?;
        let document = PolicyDocument {
            version: Some(Version::V2012_10_17),
            id: self.id,
            statements: OneOrMany::many(statements),
        };
        let (errors, others): (Vec<Finding>, Vec<Finding>) = lint(&document)
            .into_iter()
            .partition(|f| f.severity == Severity::Error);
        if errors.is_empty() {
            Ok((document, others))
        } else {
            Err(BuildError::Lint {
                document: Box::new(document),
                errors,
            })
        }
    }
}
