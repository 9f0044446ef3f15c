//! `Principal` and `NotPrincipal` of a repository policy, compiled and matched against the principal
//! of a request.
//!
//! IAM User Guide, "AWS JSON policy elements: Principal":
//! - an account (`"111122223333"` or `arn:aws:iam::111122223333:root`) stands for the account: in a
//!   resource policy it delegates to that account's IAM policies, which must allow too (the
//!   conformance README: "it does not allow a same-account principal by itself"); a Deny that names
//!   an account denies everyone in it;
//! - a role ARN also stands for the role's sessions (`assumed-role/ROLE/SESSION`, matched by account
//!   and role name: a session ARN has no path); a session ARN names that session only;
//! - `*` (or `{"AWS": "*"}`) is everyone;
//! - "You cannot use a wildcard to match part of a principal name or ARN": such an entry is refused.
//!
//! "AWS JSON policy elements: NotPrincipal": the statement applies to every principal except the
//! ones named — and "AWS might validate the account first, then the role, and then the assumed-role
//! user": a principal is a chain of links, its account, its role (for a session) and itself, and the
//! guide's examples name every link (`[user Bob, account root]` excepts Bob and no one else in his
//! account; `[session, role, account root]` excepts that session). So:
//! - with `Deny`, the statement applies unless every link is named (naming only Bob denies Bob through
//!   his account; naming only the account root still denies its users);
//! - with `Allow`, it applies only if no link is named (a principal cannot have more than its account
//!   or its role).
//!
//! The reference simulator excepts a principal that any entry names, which contradicts the guide's
//! first example (it would except everyone in Bob's account); the guide wins.

use super::request::{ArnParts, Caller, Principal};
use crate::policy::{Effect, PrincipalClause, PrincipalKind, Principals};

/// How a principal matches a `Principal` element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PrincipalMatch {
    /// It does not.
    None,
    /// Through its account only: a resource policy's Allow delegates to the account's identity
    /// policies; a Deny applies.
    Account,
    /// A role session, through its role's ARN: in the same account a resource policy's Allow grants
    /// without an identity policy, but within the limits of the role's permissions boundary and of
    /// the session policies (IAM User Guide, "How AWS enforcement code logic evaluates requests",
    /// the "IAM role" bullet of the resource-based policies step: a grant to the role ARN is
    /// limited by an implicit deny in a permissions boundary or session policy, unlike a grant to
    /// the session ARN). A Deny applies.
    Role,
    /// By `*`, its own ARN (a user's, a session's), or a role's ARN for a request made by the role
    /// itself.
    Direct,
}

/// One compiled entry (the checks of module `check` read principals with the same rules).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    Any,
    Account(Box<str>),
    Role {
        arn: Box<str>,
        account: Box<str>,
        name: Box<str>,
    },
    /// An ARN or a service, federated or canonical-user principal, compared exactly.
    Exact(Box<str>),
}

/// A compiled `Principal`/`NotPrincipal`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CompiledPrincipal {
    negated: bool,
    entries: Vec<Entry>,
}

/// Why a principal entry is refused.
pub(crate) type PrincipalError = (String, &'static str);

fn is_account(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn aws_entry(text: &str) -> Result<Entry, PrincipalError> {
    if text == "*" {
        return Ok(Entry::Any);
    }
    if text.contains(['*', '?']) {
        return Err((
            text.to_owned(),
            "a principal cannot hold a wildcard, except `\"*\"` for everyone",
        ));
    }
    if is_account(text) {
        return Ok(Entry::Account(text.into()));
    }
    let Some(ArnParts {
        partition,
        service,
        account,
        resource: rest,
    }) = ArnParts::split(text)
    else {
        return Err((
            text.to_owned(),
            "expected `*`, a 12-digit account ID or an ARN such as `arn:aws:iam::111122223333:role/name`",
        ));
    };
    if partition.is_empty() || rest.is_empty() {
        return Err((
            text.to_owned(),
            "expected an ARN such as `arn:aws:iam::111122223333:user/name`",
        ));
    }
    Ok(match (service, rest.split_once('/')) {
        ("iam", None) if rest == "root" => Entry::Account(account.into()),
        ("iam", Some(("role", path))) => Entry::Role {
            arn: text.into(),
            account: account.into(),
            name: path.rsplit_once('/').map_or(path, |(_, name)| name).into(),
        },
        _ => Entry::Exact(text.into()),
    })
}

impl CompiledPrincipal {
    pub(crate) fn compile(clause: &PrincipalClause) -> Result<Self, PrincipalError> {
        let entries = match &clause.principals {
            Principals::Any => vec![Entry::Any],
            Principals::Kinds(kinds) => {
                let mut entries = Vec::new();
                for (kind, values) in kinds {
                    for value in values {
                        entries.push(match kind {
                            PrincipalKind::Aws => aws_entry(value)?,
                            PrincipalKind::Service
                            | PrincipalKind::Federated
                            | PrincipalKind::CanonicalUser => {
                                if value.contains(['*', '?']) {
                                    return Err((
                                        value.clone(),
                                        "a service, federated or canonical-user principal cannot hold a wildcard",
                                    ));
                                }
                                Entry::Exact(value.as_str().into())
                            }
                        });
                    }
                }
                entries
            }
        };
        Ok(Self {
            negated: clause.negated,
            entries,
        })
    }

    /// Turns a `NotPrincipal` into `"*"` (for a `Deny` and a principal with a permissions boundary:
    /// see `Compiled::deny_not_principal_to_everyone`).
    pub(crate) fn deny_everyone_if_negated(&mut self) {
        if self.negated {
            self.negated = false;
            self.entries = vec![Entry::Any];
        }
    }

    /// How `principal` matches the element of a statement with `effect`.
    pub(crate) fn matches(&self, principal: &Principal<'_>, effect: Effect) -> PrincipalMatch {
        if !self.negated {
            return self
                .entries
                .iter()
                .map(|entry| entry.matches(principal))
                // No entry names no one: `None` is where the strongest match starts, not a fallback.
                .fold(PrincipalMatch::None, Ord::max);
        }
        let links = [Link::Account, Link::Role, Link::Itself];
        let mut named = links
            .iter()
            .filter(|link| link.exists(principal))
            .map(|link| self.entries.iter().any(|e| e.names(*link, principal)));
        let applies = match effect {
            Effect::Deny => !named.all(|n| n),
            Effect::Allow => !named.any(|n| n),
        };
        if applies {
            PrincipalMatch::Direct
        } else {
            PrincipalMatch::None
        }
    }
}

/// One link of a principal's chain, as `NotPrincipal` checks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    Account,
    /// The role of a session.
    Role,
    Itself,
}

impl Link {
    fn exists(self, principal: &Principal<'_>) -> bool {
        match self {
            Self::Account => !principal.account.is_empty() && principal.caller != Caller::Root,
            Self::Role => matches!(principal.caller, Caller::Session { .. }),
            Self::Itself => true,
        }
    }
}

impl Entry {
    /// Whether the entry names `link` of `principal` exactly (for `NotPrincipal`).
    fn names(&self, link: Link, principal: &Principal<'_>) -> bool {
        match (self, link, principal.caller) {
            (Self::Any, _, _) => true,
            (Self::Account(account), Link::Account, _)
            | (Self::Account(account), Link::Itself, Caller::Root) => {
                **account == *principal.account
            }
            (Self::Role { account, name, .. }, Link::Role, Caller::Session { role }) => {
                **account == *principal.account && **name == *role
            }
            (Self::Role { arn, .. }, Link::Itself, Caller::Role)
            | (Self::Exact(arn), Link::Itself, _) => **arn == *principal.text,
            _ => false,
        }
    }

    fn matches(&self, principal: &Principal<'_>) -> PrincipalMatch {
        let direct = |yes: bool| {
            if yes {
                PrincipalMatch::Direct
            } else {
                PrincipalMatch::None
            }
        };
        match self {
            Self::Any => PrincipalMatch::Direct,
            Self::Account(account) => {
                if !principal.account.is_empty() && **account == *principal.account {
                    PrincipalMatch::Account
                } else {
                    PrincipalMatch::None
                }
            }
            Self::Role { arn, account, name } => match principal.caller {
                Caller::Session { role } => {
                    if **account == *principal.account && **name == *role {
                        PrincipalMatch::Role
                    } else {
                        PrincipalMatch::None
                    }
                }
                Caller::Role => direct(**arn == *principal.text),
                Caller::Root | Caller::User | Caller::Other => PrincipalMatch::None,
            },
            Self::Exact(text) => direct(**text == *principal.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CompiledPrincipal, PrincipalMatch};
    use crate::eval::request::Principal;
    use crate::policy::{Effect, OneOrMany, PrincipalClause, PrincipalKind, Principals};

    fn clause(negated: bool, aws: &[&str]) -> Result<CompiledPrincipal, (String, &'static str)> {
        CompiledPrincipal::compile(&PrincipalClause {
            negated,
            principals: Principals::Kinds(vec![(
                PrincipalKind::Aws,
                OneOrMany::many(aws.iter().map(|s| (*s).to_owned()).collect()),
            )]),
        })
    }

    #[test]
    fn accounts_roles_sessions() -> Result<(), (String, &'static str)> {
        let session = Principal::parse("arn:aws:sts::444455556666:assumed-role/deployer/x");
        let role = clause(false, &["arn:aws:iam::444455556666:role/ops/deployer"])?;
        assert_eq!(role.matches(&session, Effect::Allow), PrincipalMatch::Role);
        let named = clause(
            false,
            &["arn:aws:sts::444455556666:assumed-role/deployer/x"],
        )?;
        assert_eq!(
            named.matches(&session, Effect::Allow),
            PrincipalMatch::Direct
        );
        let account = clause(false, &["444455556666"])?;
        assert_eq!(
            account.matches(&session, Effect::Allow),
            PrincipalMatch::Account
        );
        let root = clause(false, &["arn:aws:iam::111122223333:root"])?;
        assert_eq!(root.matches(&session, Effect::Deny), PrincipalMatch::None);
        let not = clause(true, &["arn:aws:iam::444455556666:root"])?;
        // Naming the account alone does not except its sessions from a Deny, and keeps them from
        // an Allow.
        assert_eq!(not.matches(&session, Effect::Deny), PrincipalMatch::Direct);
        assert_eq!(not.matches(&session, Effect::Allow), PrincipalMatch::None);
        let chain = clause(
            true,
            &[
                "arn:aws:sts::444455556666:assumed-role/deployer/x",
                "arn:aws:iam::444455556666:role/deployer",
                "444455556666",
            ],
        )?;
        assert_eq!(chain.matches(&session, Effect::Deny), PrincipalMatch::None);
        let other = Principal::parse("arn:aws:sts::444455556666:assumed-role/deployer/y");
        assert_eq!(chain.matches(&other, Effect::Deny), PrincipalMatch::Direct);
        assert!(clause(false, &["arn:aws:iam::444455556666:user/*"]).is_err());
        assert!(clause(false, &["alice"]).is_err());
        Ok(())
    }
}
