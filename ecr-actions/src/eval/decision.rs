//! What an evaluation decides, and why.

use std::borrow::Cow;

use core::fmt;
use core::str::FromStr;

use thiserror::Error;

use super::PrincipalMatch;
use crate::policy::Effect;

/// The outcome of evaluating a request.
///
/// Not `#[non_exhaustive]`: a caller should break if a new outcome appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Decision {
    /// A statement allows the request and none denies it.
    Allow,
    /// A matching `Deny` statement: it overrides every allow.
    ExplicitDeny,
    /// Nothing allows the request (or, across accounts, only one side does): denied by default.
    ImplicitDeny,
}

impl Decision {
    /// The name as the conformance cases write it: `Allow`, `ExplicitDeny`, `ImplicitDeny`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Allow => "Allow",
            Self::ExplicitDeny => "ExplicitDeny",
            Self::ImplicitDeny => "ImplicitDeny",
        }
    }

    /// Whether the request is allowed.
    #[must_use]
    pub const fn is_allowed(self) -> bool {
        matches!(self, Self::Allow)
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Decision {
    /// Every decision, in the order of [`Ord`]: `Allow`, `ExplicitDeny`, `ImplicitDeny`.
    pub const ALL: [Self; 3] = [Self::Allow, Self::ExplicitDeny, Self::ImplicitDeny];
}

impl FromStr for Decision {
    type Err = ParseDecisionError;

    /// Reads a decision as [`as_str`](Decision::as_str) writes it, exactly (the conformance cases'
    /// spelling; the case of the letters counts).
    ///
    /// ```
    /// use ecr_actions::eval::{Decision, ParseDecisionError};
    ///
    /// assert_eq!("ExplicitDeny".parse::<Decision>(), Ok(Decision::ExplicitDeny));
    /// let error = "allow".parse::<Decision>().unwrap_err();
    /// assert_eq!(error.input(), "allow");
    /// assert_eq!(
    ///     error.to_string(),
    ///     "`allow` is not a decision: expected one of `Allow`, `ExplicitDeny`, `ImplicitDeny` \
    ///      (did you mean `Allow`? the case of the letters counts)"
    /// );
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|decision| decision.as_str() == s)
            .ok_or_else(|| ParseDecisionError {
                input: s.to_owned(),
            })
    }
}

/// Why a text is not a [`Decision`]: it is none of `Allow`, `ExplicitDeny`, `ImplicitDeny`.
///
/// The message names the input (its first 60 characters, then `…`, for a long one), lists the
/// accepted spellings, and names the decision the input spells in another case, if any.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Error)]
#[error(
    "`{}` is not a decision: expected one of `Allow`, `ExplicitDeny`, `ImplicitDeny`{}",
    shortened(&self.input),
    self.hint()
)]
pub struct ParseDecisionError {
    input: String,
}

impl ParseDecisionError {
    /// The text that is no decision, whole.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The decision the input spells in another case, as a hint for the message.
    fn hint(&self) -> String {
        Decision::ALL
            .into_iter()
            .find(|decision| decision.as_str().eq_ignore_ascii_case(self.input.trim()))
            .map_or_else(String::new, |decision| {
                format!(" (did you mean `{decision}`? the case of the letters counts)")
            })
    }
}

/// At most the first 60 characters of `text`, then `…` if it is longer: a message quotes what it
/// refuses without echoing a megabyte of it.
fn shortened(text: &str) -> Cow<'_, str> {
    const SHOWN: usize = 60;
    if text.chars().nth(SHOWN).is_some() {
        Cow::Owned(text.chars().take(SHOWN).chain(['…']).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Which policy a statement belongs to: its layer of the IAM decision and its place there.
///
/// Indexes count from 0 in the order the policies were given; an organization level counts from the
/// root (level 0), through each OU, to the account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PolicyId {
    /// The identity policy at this index of those given to the evaluator.
    Identity(usize),
    /// The repository (resource) policy.
    Resource,
    /// A service control policy (SCP) of the principal's organization.
    ServiceControl {
        /// The organization level: 0 is the root, then each OU, then the account.
        level: usize,
        /// The policy's index among those attached at that level.
        index: usize,
    },
    /// A resource control policy (RCP) of the resource's organization.
    ResourceControl {
        /// The organization level: 0 is the root, then each OU, then the account.
        level: usize,
        /// The policy's index among the customer RCPs attached at that level.
        index: usize,
    },
    /// The principal's permissions boundary.
    PermissionsBoundary,
    /// The session policy at this index of those given to the evaluator.
    Session(usize),
    /// The policy of the VPC endpoint the request went through.
    VpcEndpoint,
}

impl PolicyId {
    /// The type of the policy: which rules AWS enforces on it
    /// ([`PolicyType::validate`](crate::policy::PolicyType::validate)).
    ///
    /// ```
    /// use ecr_actions::eval::PolicyId;
    /// use ecr_actions::policy::PolicyType;
    /// let id = PolicyId::ServiceControl { level: 2, index: 0 };
    /// assert_eq!(id.policy_type(), PolicyType::ServiceControl);
    /// ```
    #[must_use]
    pub const fn policy_type(self) -> crate::policy::PolicyType {
        use crate::policy::PolicyType;
        match self {
            Self::Identity(_) => PolicyType::Identity,
            Self::Resource => PolicyType::Resource,
            Self::ServiceControl { .. } => PolicyType::ServiceControl,
            Self::ResourceControl { .. } => PolicyType::ResourceControl,
            Self::PermissionsBoundary => PolicyType::PermissionsBoundary,
            Self::Session(_) => PolicyType::Session,
            Self::VpcEndpoint => PolicyType::VpcEndpoint,
        }
    }
}

impl fmt::Display for PolicyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Identity(index) => write!(f, "identity policy {index}"),
            Self::Resource => f.write_str("repository policy"),
            Self::ServiceControl { level, index } => write!(f, "SCP level {level} policy {index}"),
            Self::ResourceControl { level, index } => write!(f, "RCP level {level} policy {index}"),
            Self::PermissionsBoundary => f.write_str("permissions boundary"),
            Self::Session(index) => write!(f, "session policy {index}"),
            Self::VpcEndpoint => f.write_str("VPC endpoint policy"),
        }
    }
}

/// Where a statement is: its policy, its index in the policy, its `Sid`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatementId {
    /// The policy.
    pub policy: PolicyId,
    /// The statement's index in the policy (0 for a policy whose `Statement` is one object).
    pub index: usize,
    /// The statement's `Sid`, if it has one.
    pub sid: Option<String>,
}

impl fmt::Display for StatementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, statement {}", self.policy, self.index)?;
        if let Some(sid) = &self.sid {
            write!(f, " (`{sid}`)")?;
        }
        Ok(())
    }
}

/// How one statement fared against the request.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The statement applies: its action, principal, resource and conditions all match.
    Matched {
        /// For a repository-policy statement, how its `Principal` matched (`Account` for an Allow
        /// only delegates to the account's identity policies); `Direct` for identity policies.
        principal: PrincipalMatch,
    },
    /// The action is not in `Action` (or is in `NotAction`).
    ActionNotMatched,
    /// The principal is not in `Principal` (or is in `NotPrincipal`).
    PrincipalNotMatched,
    /// The resource is not in `Resource` (or is in `NotResource`).
    ResourceNotMatched,
    /// A condition does not hold: the first one that fails, as written.
    ConditionNotMet {
        /// The operator, e.g. `ForAnyValue:StringLike`.
        operator: String,
        /// The condition key as written in the policy.
        key: String,
    },
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Matched {
                principal: PrincipalMatch::Account,
            } => f.write_str(
                "matches through the principal's account (delegates to its identity policies)",
            ),
            Self::Matched {
                principal: PrincipalMatch::Role,
            } => f.write_str(
                "matches through the session's role (within its permissions boundary and session \
                 policies)",
            ),
            Self::Matched { .. } => f.write_str("matches"),
            Self::ActionNotMatched => f.write_str("the action does not match"),
            Self::PrincipalNotMatched => f.write_str("the principal does not match"),
            Self::ResourceNotMatched => f.write_str("the resource does not match"),
            Self::ConditionNotMet { operator, key } => {
                write!(f, "the condition `{operator}` on `{key}` does not hold")
            }
        }
    }
}

/// One statement's effect and outcome.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatementTrace {
    /// Which statement.
    pub id: StatementId,
    /// Its effect.
    pub effect: Effect,
    /// How it fared.
    pub outcome: Outcome,
}

/// Why the decision is what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// A `Deny` statement matches: it overrides every allow.
    ExplicitDeny,
    /// Same account: an identity policy allows.
    IdentityAllows,
    /// Same account: the repository policy allows the principal itself (not only its account).
    RepositoryPolicyAllows,
    /// Across accounts: the identity policies and the repository policy both allow.
    BothAllow,
    /// Nothing allows the request.
    NothingAllows,
    /// Same account: the repository policy names only the principal's account, which delegates to
    /// the identity policies, and they do not allow.
    RepositoryPolicyOnlyDelegates,
    /// Across accounts: the repository policy allows but the identity policies do not.
    IdentityDoesNotAllow,
    /// Across accounts: the identity policies allow but the repository policy does not.
    RepositoryPolicyDoesNotAllow,
    /// No service control policy at this organization level (0 is the root) allows the request:
    /// every level must allow.
    ServiceControlPolicyDoesNotAllow {
        /// The first level that does not allow.
        level: usize,
    },
    /// The VPC endpoint policy does not allow the request.
    VpcEndpointPolicyDoesNotAllow,
    /// What grants the request on the principal's side (its identity policies, or a repository
    /// policy naming its role) is not allowed by its permissions boundary.
    PermissionsBoundaryDoesNotAllow,
    /// What grants the request on the principal's side (its identity policies, or a repository
    /// policy naming its role) is not allowed by any session policy.
    SessionPoliciesDoNotAllow,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ExplicitDeny => "an explicit deny overrides every allow",
            Self::IdentityAllows => "an identity policy allows",
            Self::RepositoryPolicyAllows => "the repository policy allows the principal",
            Self::BothAllow => {
                "cross-account: both the identity policies and the repository policy allow"
            }
            Self::NothingAllows => "no statement allows the request",
            Self::RepositoryPolicyOnlyDelegates => {
                "the repository policy names only the principal's account, which delegates to \
                 the identity policies, and none allows"
            }
            Self::IdentityDoesNotAllow => {
                "cross-account: the repository policy allows but no identity policy does"
            }
            Self::RepositoryPolicyDoesNotAllow => {
                "cross-account: an identity policy allows but the repository policy does not"
            }
            Self::ServiceControlPolicyDoesNotAllow { level } => {
                return write!(
                    f,
                    "no service control policy at level {level} allows the request"
                );
            }
            Self::VpcEndpointPolicyDoesNotAllow => {
                "the VPC endpoint policy does not allow the request"
            }
            Self::PermissionsBoundaryDoesNotAllow => {
                "the permissions boundary does not allow what the principal's policies grant"
            }
            Self::SessionPoliciesDoNotAllow => {
                "no session policy allows what the principal's policies grant"
            }
        })
    }
}

/// Why a request got its decision: the statements that decided, and how every statement fared.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Explanation {
    /// The reason.
    pub reason: Reason,
    /// Whether the principal and the repository are in different accounts.
    pub cross_account: bool,
    /// The statements that decided: the matching denies for [`Decision::ExplicitDeny`]; for
    /// [`Decision::Allow`] the matching allows of every layer the decision needed (the grant, and
    /// the SCPs, boundary, session policies and endpoint policy it had to pass); none for
    /// [`Decision::ImplicitDeny`] (the [`Reason`] names the layer that allowed nothing).
    pub decisive: Vec<StatementId>,
    /// Every statement, layer by layer: identity policies, repository policy, SCPs (root first),
    /// RCPs (root first), permissions boundary, session policies, VPC endpoint policy.
    pub statements: Vec<StatementTrace>,
}

/// A decision and its explanation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Evaluation {
    /// The decision.
    pub decision: Decision,
    /// Why.
    pub explanation: Explanation,
}

impl fmt::Display for Evaluation {
    /// Several lines: the decision and its reason, the deciding statements, every other statement
    /// and why it did not match.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let explanation = &self.explanation;
        writeln!(f, "{}: {}", self.decision, explanation.reason)?;
        for id in &explanation.decisive {
            writeln!(f, "  decided by {id}")?;
        }
        for trace in &explanation.statements {
            if !explanation.decisive.contains(&trace.id) {
                writeln!(f, "  {} ({}): {}", trace.id, trace.effect, trace.outcome)?;
            }
        }
        Ok(())
    }
}
