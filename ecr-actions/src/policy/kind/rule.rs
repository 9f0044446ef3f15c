//! The rules of [`PolicyType::check`] and its errors.

use core::fmt;

use thiserror::Error;

use super::PolicyType;
use crate::policy::JsonPath;

/// A text that is not one of [`PolicyType`]'s spellings.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error(
    "`{text}` is not a policy type: expected one of `identity`, `resource`, `scp`, `rcp`, \
     `boundary`, `session`, `endpoint`"
)]
pub struct ParsePolicyTypeError {
    /// The text.
    pub text: String,
}

/// The rules of [`PolicyType::check`]; each has a stable kebab-case code, which `ecr-iam lint`
/// reports as a finding's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TypeRule {
    /// `principal-not-allowed`: `Principal`/`NotPrincipal` in an identity policy, SCP, boundary or
    /// session policy.
    PrincipalNotAllowed,
    /// `principal-required`: a statement without `Principal`/`NotPrincipal` in a resource policy,
    /// RCP or VPC endpoint policy.
    PrincipalRequired,
    /// `principal-must-be-star`: an RCP `Principal` other than `"*"`.
    PrincipalMustBeStar,
    /// `not-principal-not-supported`: `NotPrincipal` in an RCP.
    NotPrincipalNotSupported,
    /// `not-principal-with-allow`: `NotPrincipal` in an `Allow` statement.
    NotPrincipalWithAllow,
    /// `allow-not-supported`: an `Allow` statement in an RCP (other than `RCPFullAWSAccess`'s).
    AllowNotSupported,
    /// `not-action-not-supported`: `NotAction` in an RCP.
    NotActionNotSupported,
    /// `version-required`: an RCP without `"Version": "2012-10-17"`.
    VersionRequired,
    /// `resource-required`: a statement without `Resource`/`NotResource` in an identity policy,
    /// boundary or session policy.
    ResourceRequired,
    /// `policy-too-large`: more characters than AWS stores for the type, even without white space.
    PolicyTooLarge,
    /// `no-allow-statement` (a warning; AWS accepts the policy): a boundary, session policy or
    /// endpoint policy without an `Allow`, which lets no request through.
    NoAllowStatement,
}

impl TypeRule {
    /// Every rule, in the order of the table on [`PolicyType`].
    pub const ALL: [Self; 11] = [
        Self::PrincipalNotAllowed,
        Self::PrincipalRequired,
        Self::PrincipalMustBeStar,
        Self::NotPrincipalNotSupported,
        Self::NotPrincipalWithAllow,
        Self::AllowNotSupported,
        Self::NotActionNotSupported,
        Self::VersionRequired,
        Self::ResourceRequired,
        Self::PolicyTooLarge,
        Self::NoAllowStatement,
    ];

    /// The stable kebab-case code, e.g. `principal-not-allowed`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PrincipalNotAllowed => "principal-not-allowed",
            Self::PrincipalRequired => "principal-required",
            Self::PrincipalMustBeStar => "principal-must-be-star",
            Self::NotPrincipalNotSupported => "not-principal-not-supported",
            Self::NotPrincipalWithAllow => "not-principal-with-allow",
            Self::AllowNotSupported => "allow-not-supported",
            Self::NotActionNotSupported => "not-action-not-supported",
            Self::VersionRequired => "version-required",
            Self::ResourceRequired => "resource-required",
            Self::PolicyTooLarge => "policy-too-large",
            Self::NoAllowStatement => "no-allow-statement",
        }
    }

    /// Whether AWS refuses a policy that breaks the rule (rather than accepting one that lets
    /// nothing through).
    #[must_use]
    pub const fn is_refused(self) -> bool {
        !matches!(self, Self::NoAllowStatement)
    }
}

impl fmt::Display for TypeRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule a document breaks for a type: which, where, and how to mend it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{path}: {message}")]
pub struct TypeViolation {
    /// The rule.
    pub rule: TypeRule,
    /// Where in the document.
    pub path: JsonPath,
    /// What is wrong and how to mend it.
    pub message: String,
}

impl TypeViolation {
    pub(super) const fn new(rule: TypeRule, path: JsonPath, message: String) -> Self {
        Self {
            rule,
            path,
            message,
        }
    }
}

/// A document AWS would refuse as a policy of this type ([`PolicyType::validate`]).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("not a valid {}: {}", .policy_type.name(), list(.violations))]
pub struct PolicyTypeError {
    /// The type it was checked as.
    pub policy_type: PolicyType,
    /// What AWS refuses, in document order; never empty.
    pub violations: Vec<TypeViolation>,
}

fn list(violations: &[TypeViolation]) -> String {
    violations
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
