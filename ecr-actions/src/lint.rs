//! The policy linter: findings with stable codes, like IAM Access Analyzer's policy validation.
//!
//! [`lint`] checks a [`PolicyDocument`] against what the ECR tables say (actions, resource types,
//! condition keys and their types) and against the policy grammar's pitfalls, and returns
//! [`Finding`]s: a stable [`LintCode`], a [`Severity`] as Access Analyzer uses them, a message and the
//! [`JsonPath`] it points at. Actions and condition keys of other services are not judged: only `ecr:`
//! entries and the global `aws:` keys are.

use core::fmt;

use crate::policy::{JsonPath, PolicyDocument};

/// How serious a finding is, as IAM Access Analyzer's policy validation grades them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The policy does not work as written (AWS may refuse it, or a part of it can never apply).
    Error,
    /// The policy grants more than is usually safe.
    SecurityWarning,
    /// The policy works but probably not as meant.
    Warning,
    /// The policy could be written more simply.
    Suggestion,
}

impl Severity {
    /// The severity as written in reports: `error`, `security-warning`, `warning`, `suggestion`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::SecurityWarning => "security-warning",
            Self::Warning => "warning",
            Self::Suggestion => "suggestion",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every check the linter makes; each has a stable kebab-case code and a severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LintCode {
    /// `unknown-action`: an `ecr:` action that does not exist (with the nearest names).
    UnknownAction,
    /// `pattern-matches-nothing`: an `ecr:` wildcard that matches no action.
    PatternMatchesNothing,
    /// `malformed-action`: an entry that is not an action pattern at all.
    MalformedAction,
    /// `resource-mismatch`: no `Resource` can match any resource type of the statement's actions.
    ResourceMismatch,
    /// `resource-star-required`: an action without resource types given a specific ARN.
    ResourceStarRequired,
    /// `malformed-arn`: a `Resource` entry that is not `*` or an ARN.
    MalformedArn,
    /// `unknown-condition-key`: an `ecr:` or `aws:` key that does not exist.
    UnknownConditionKey,
    /// `condition-key-not-applicable`: a key that no action of the statement supports.
    ConditionKeyNotApplicable,
    /// `operator-type-mismatch`: an operator that does not fit the key's value type.
    OperatorTypeMismatch,
    /// `wildcard-without-like-operator`: `*` or `?` in a value of an operator that reads them literally.
    WildcardWithoutLikeOperator,
    /// `for-all-values-with-single-valued-key`: a set qualifier on a key with one value.
    ForAllValuesWithSingleValuedKey,
    /// `null-with-if-exists`: `NullIfExists`, which means nothing.
    NullWithIfExists,
    /// `missing-version`: no `Version`, so IAM reads the document as `2008-10-17`.
    MissingVersion,
    /// `old-version-with-variables`: `${…}` variables under `2008-10-17` or no `Version`: read literally.
    OldVersionWithVariables,
    /// `duplicate-sid`: two statements with one `Sid`.
    DuplicateSid,
    /// `invalid-sid`: a `Sid` with characters other than ASCII letters and digits.
    InvalidSid,
    /// `redundant-action`: an action entry another entry of the statement already covers.
    RedundantAction,
    /// `allow-with-not-action`: `Allow` with `NotAction` grants every other action, of every service.
    AllowWithNotAction,
    /// `allow-with-not-resource`: `Allow` with `NotResource` grants every other resource.
    AllowWithNotResource,
    /// `allow-all-ecr-on-all-resources`: `ecr:*` (or `*`) allowed on `*`.
    AllowAllEcrOnAllResources,
}

impl LintCode {
    /// The stable kebab-case code, e.g. `unknown-action`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::UnknownAction => "unknown-action",
            Self::PatternMatchesNothing => "pattern-matches-nothing",
            Self::MalformedAction => "malformed-action",
            Self::ResourceMismatch => "resource-mismatch",
            Self::ResourceStarRequired => "resource-star-required",
            Self::MalformedArn => "malformed-arn",
            Self::UnknownConditionKey => "unknown-condition-key",
            Self::ConditionKeyNotApplicable => "condition-key-not-applicable",
            Self::OperatorTypeMismatch => "operator-type-mismatch",
            Self::WildcardWithoutLikeOperator => "wildcard-without-like-operator",
            Self::ForAllValuesWithSingleValuedKey => "for-all-values-with-single-valued-key",
            Self::NullWithIfExists => "null-with-if-exists",
            Self::MissingVersion => "missing-version",
            Self::OldVersionWithVariables => "old-version-with-variables",
            Self::DuplicateSid => "duplicate-sid",
            Self::InvalidSid => "invalid-sid",
            Self::RedundantAction => "redundant-action",
            Self::AllowWithNotAction => "allow-with-not-action",
            Self::AllowWithNotResource => "allow-with-not-resource",
            Self::AllowAllEcrOnAllResources => "allow-all-ecr-on-all-resources",
        }
    }
}

impl fmt::Display for LintCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for LintCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One finding: what, how serious, where, and a message that says how to mend it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    /// The check.
    pub code: LintCode,
    /// How serious.
    pub severity: Severity,
    /// What is wrong and how to mend it.
    pub message: String,
    /// Where in the document.
    pub path: JsonPath,
}

/// Checks a policy document; findings in document order.
///
/// (Being written: returns no findings yet.)
#[must_use]
pub fn lint(document: &PolicyDocument) -> Vec<Finding> {
    let _ = document;
    Vec::new()
}
