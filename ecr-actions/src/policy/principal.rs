//! `Principal` and `NotPrincipal`.

use core::fmt;

use super::OneOrMany;

/// The kinds of principal a policy names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PrincipalKind {
    /// `AWS`: accounts, users, roles, sessions, or `*`.
    Aws,
    /// `Service`: an AWS service principal such as `ecs-tasks.amazonaws.com`.
    Service,
    /// `Federated`: an identity provider.
    Federated,
    /// `CanonicalUser`: an S3 canonical user ID.
    CanonicalUser,
}

impl PrincipalKind {
    /// Every kind, in the order they are written back.
    pub const ALL: [Self; 4] = [
        Self::Aws,
        Self::Service,
        Self::Federated,
        Self::CanonicalUser,
    ];

    /// The key as written in a policy.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Aws => "AWS",
            Self::Service => "Service",
            Self::Federated => "Federated",
            Self::CanonicalUser => "CanonicalUser",
        }
    }
}

impl fmt::Display for PrincipalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The value of `Principal`/`NotPrincipal`: `"*"`, or principals by kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Principals {
    /// `"*"`: everyone.
    Any,
    /// `{"AWS": …, "Service": …}`, kinds in the order written.
    Kinds(Vec<(PrincipalKind, OneOrMany<String>)>),
}

impl Principals {
    /// The principals of one kind.
    pub fn of(&self, kind: PrincipalKind) -> impl Iterator<Item = &str> {
        let values = match self {
            Self::Any => None,
            Self::Kinds(kinds) => kinds.iter().find(|(k, _)| *k == kind).map(|(_, v)| v),
        };
        values
            .into_iter()
            .flat_map(|v| v.iter().map(String::as_str))
    }
}

/// A statement's `Principal` (or, with `negated`, `NotPrincipal`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PrincipalClause {
    /// `NotPrincipal` rather than `Principal`.
    pub negated: bool,
    /// The principals.
    pub principals: Principals,
}
