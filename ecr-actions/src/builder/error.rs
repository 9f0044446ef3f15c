//! Why a builder refuses to build.

use core::fmt;

use thiserror::Error;

use crate::lint::Finding;
use crate::policy::{JsonPath, PolicyDocument};

/// Why [`PolicyBuilder::build`](super::PolicyBuilder::build) refused: a statement the grammar does not
/// allow, a value with the wrong syntax, or the linter's errors.
///
/// ```
/// use ecr_actions::Action;
/// use ecr_actions::builder::{BuildError, PolicyBuilder, Principal, StatementBuilder};
///
/// let error = PolicyBuilder::new()
///     .statement(StatementBuilder::allow().principal(Principal::account("4444-5555-6666")).action(Action::BatchGetImage))
///     .build()
///     .unwrap_err();
/// assert!(matches!(error, BuildError::InvalidValue { .. }));
/// assert_eq!(
///     error.to_string(),
///     "Statement[0].Principal.AWS: `4444-5555-6666` is not an account ID: 12 ASCII digits"
/// );
/// ```
///
/// `Debug` stays short: for [`BuildError::Lint`] it shows each finding as one line (its
/// [`Display`](crate::lint::Finding#impl-Display-for-Finding)) and the document only by its number
/// of statements — the document is in the value for a caller who wants it, not in a log line.
#[derive(Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The policy has no statement.
    #[error("$: the policy has no statement: add one with `PolicyBuilder::statement`")]
    NoStatement,
    /// A statement lacks an element it must have (`Action` or `NotAction`).
    #[error("{path}: missing `{element}`: {hint}")]
    Missing {
        /// The statement.
        path: JsonPath,
        /// The element.
        element: &'static str,
        /// How to mend it.
        hint: &'static str,
    },
    /// A statement was given both of two exclusive elements (`Action` and `NotAction`, …).
    #[error("{path}: both `{first}` and `{second}`: a statement has one of them")]
    Conflict {
        /// The statement.
        path: JsonPath,
        /// One element.
        first: &'static str,
        /// The other.
        second: &'static str,
    },
    /// A value that does not have the syntax its place needs: an account ID, a service principal, a
    /// tag key, an IP address, a date.
    #[error("{path}: `{value}` is not {expected}")]
    InvalidValue {
        /// Where it would be written.
        path: JsonPath,
        /// The value.
        value: String,
        /// What it should be.
        expected: &'static str,
    },
    /// One operator tests one key twice in a statement: JSON cannot hold both, and merging their values
    /// would turn AND into OR.
    #[error("{path}: `{key}` is tested twice with `{operator}`: give both values to one condition")]
    DuplicateCondition {
        /// The operator's entry.
        path: JsonPath,
        /// The operator, e.g. `StringEquals`.
        operator: String,
        /// The key.
        key: String,
    },
    /// The linter reported errors: the policy would not work as written. The document is kept, for a
    /// caller that knows better.
    #[error("the linter refused the policy: {}", describe(errors))]
    Lint {
        /// The document as built.
        document: Box<PolicyDocument>,
        /// The findings of severity [`Error`](crate::lint::Severity::Error), in document order.
        errors: Vec<Finding>,
    },
}

/// The findings as [`Finding`]'s `Display` writes them (the one format of a finding), `; `-separated.
fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoStatement => f.write_str("NoStatement"),
            Self::Missing {
                path,
                element,
                hint,
            } => f
                .debug_struct("Missing")
                .field("path", &format_args!("{path}"))
                .field("element", element)
                .field("hint", hint)
                .finish(),
            Self::Conflict {
                path,
                first,
                second,
            } => f
                .debug_struct("Conflict")
                .field("path", &format_args!("{path}"))
                .field("first", first)
                .field("second", second)
                .finish(),
            Self::InvalidValue {
                path,
                value,
                expected,
            } => f
                .debug_struct("InvalidValue")
                .field("path", &format_args!("{path}"))
                .field("value", value)
                .field("expected", expected)
                .finish(),
            Self::DuplicateCondition {
                path,
                operator,
                key,
            } => f
                .debug_struct("DuplicateCondition")
                .field("path", &format_args!("{path}"))
                .field("operator", operator)
                .field("key", key)
                .finish(),
            Self::Lint { document, errors } => f
                .debug_struct("Lint")
                .field(
                    "errors",
                    &errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
                )
                .field(
                    "document",
                    &format_args!(
                        "PolicyDocument {{ {} statements, .. }}",
                        document.statements.len()
                    ),
                )
                .finish(),
        }
    }
}
