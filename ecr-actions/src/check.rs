//! Policy checks for CI, offline: what a policy grants ([`Grants`]), and three questions about it,
//! as IAM Access Analyzer's custom policy checks ask them — [`no_new_access`],
//! [`access_not_granted`], [`no_public_access`] — answered [`Verdict::Pass`], [`Verdict::Fail`]
//! (proven: a witness request the evaluator confirms) or [`Verdict::Unproven`] ("FAIL (could not
//! prove)", with the reason).
//!
//! ```
//! use ecr_actions::check::{self, Evidence, Grants, Verdict};
//! use ecr_actions::policy::PolicyDocument;
//! use ecr_actions::Action;
//!
//! let old = Grants::new(&PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:PutImage"],
//!      "Resource": "arn:aws:ecr:*:111122223333:repository/*"}]}"#)?)?;
//!
//! // Tightening passes: fewer actions, fewer repositories.
//! let tighter = Grants::new(&PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Action": "ecr:BatchGetImage",
//!      "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"}]}"#)?)?;
//! assert_eq!(check::no_new_access(&old, &tighter).verdict, Verdict::Pass);
//!
//! // Adding ecr:DeleteRepository fails, with a request that proves it.
//! let wider = Grants::new(&PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:PutImage", "ecr:DeleteRepository"],
//!      "Resource": "arn:aws:ecr:*:111122223333:repository/*"}]}"#)?)?;
//! let result = check::no_new_access(&old, &wider);
//! assert_eq!(result.verdict, Verdict::Fail);
//! let Evidence::Witness(witness) = &result.reasons[0].evidence else { unreachable!() };
//! assert_eq!(witness.action, Action::DeleteRepository);
//!
//! // A repository policy open to `*` is public, unless aws:PrincipalOrgID restricts it.
//! let open = Grants::new(&PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}"#)?)?;
//! assert_eq!(check::no_public_access(&open).verdict, Verdict::Fail);
//! let org = Grants::new(&PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage",
//!      "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#)?)?;
//! assert_eq!(check::no_public_access(&org).verdict, Verdict::Pass);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Never a false PASS: what is exact, what is conservative
//!
//! A PASS is a proof: every part of it is an inclusion decided exactly. Where a comparison is not
//! exact, the check does not pass: it answers [`Verdict::Unproven`], FAIL (could not prove), with
//! the reason ([`Evidence::CouldNotProve`]). A FAIL ([`Verdict::Fail`]) is proven too: by a witness
//! request that the evaluator ([`Evaluator`](crate::Evaluator)) decides as claimed, by an action of
//! another service granted without condition that the other policy does not name, or by the text of
//! the policy (a wildcard in a principal).
//!
//! Exact:
//! - ECR actions: [`ActionSet`]s, every ECR action AWS has today;
//!   `NotAction` is complemented exactly;
//! - other services' actions (in `*`, `s3:*` or `NotAction`): their patterns compared by glob
//!   inclusion, ignoring case;
//! - resources (`Resource`/`NotResource`): ARN-pattern inclusion, exact for `*` and `?` under the
//!   ARN segment rules ([`Glob::is_included_in`](crate::Glob::is_included_in)), a pattern against
//!   the union of another statement's, over six-part ARNs and `*` (the texts a request's resource
//!   can be); its cost is bounded by [`MAX_PRODUCT_STATES`](ecr_actions_pattern::MAX_PRODUCT_STATES)
//!   pairs and [`MAX_TRANSITIONS`](ecr_actions_pattern::MAX_TRANSITIONS) transitions: past them,
//!   not proven;
//! - principals: the same entry, `*`, a Deny's account for everyone in it, `NotPrincipal` lists
//!   that except no more;
//! - conditions (see `condition.rs`): equal condition blocks and, key by key, value subsets of the
//!   same operator; `StringEquals`/`StringLike` value sets by glob inclusion; IP ranges (`ipnet`
//!   block containment); numeric and date ranges; `Bool`.
//!
//! Conservative (not proven, so never a PASS): a condition of the wider statement that no
//! condition of the narrower one implies (two different keys, operators that do not relate,
//! `…IgnoreCase` or `Arn…` values but equal ones, values or resources with policy variables but
//! equal text); a statement's reach covered only by several statements together where each alone
//! covers a part of a pattern's resources; a Deny that two statements only together replace; an
//! inclusion past the cost bound.
//!
//! # Repository policies
//!
//! A repository policy's grant depends on the caller's identity policies. [`no_new_access`] holds
//! *whatever* they are: an Allow in NEW must be matched by OLD with at least the same standing (in
//! the repository's own account, replacing the account principal by one of its roles is new
//! access: the role then needs no identity policy), and every Deny of OLD must still be in NEW
//! (an identity policy may allow what it denied). Witnesses say which identity policy they assume
//! ([`CallerIdentity`]). The check does not know which repository (in which account) the policy
//! will be attached to: a witness may place the repository in any account, as the policy may be
//! attached to a repository of any account.

//!
//! # Policy sets
//!
//! [`PolicySet`] holds the layers [`Evaluator::builder`](crate::Evaluator::builder) takes, each
//! read as [`Grants`]; [`no_new_access_set`] compares two sets layer by layer and
//! [`access_not_granted_set`] checks the layers that grant. Their witnesses are confirmed by the
//! layered evaluator; why a layer-by-layer PASS is a proof is said on [`no_new_access_set`].

mod condition;
mod cover;
mod grants;
mod new_access;
mod public;
mod set;
mod witness;

use core::fmt;

use thiserror::Error;

pub use grants::{
    ConditionTest, Grant, Grants, OtherActions, PolicyKind, PrincipalName, PrincipalSet,
    ResourcePattern, ResourceSet, StatementRef,
};
pub use new_access::no_new_access;
pub use public::{RESTRICTING_KEYS, access_not_granted, no_public_access, no_public_access_in};
pub use set::{Layer, PolicySet, PolicySetBuilder, access_not_granted_set, no_new_access_set};
pub use witness::{CallerIdentity, Witness};

use crate::ActionSet;
use crate::eval::PolicySetError;

/// Why a policy cannot be checked.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CheckError {
    /// The evaluator refuses the policy (boxed: a refusal is rare, and keeps every `Result` small).
    #[error(transparent)]
    Compile(Box<PolicySetError>),
    /// A part of the policy cannot be read.
    #[error("{0}")]
    Unreadable(String),
}

impl From<PolicySetError> for CheckError {
    fn from(error: PolicySetError) -> Self {
        Self::Compile(Box::new(error))
    }
}

/// The answer of a check.
///
/// Not `#[non_exhaustive]`: a caller should break if a new answer appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Proven: the property holds.
    Pass,
    /// Proven: the property does not hold (a reason carries the proof).
    Fail,
    /// FAIL (could not prove): the property may hold, but the comparison was not exact; the reasons
    /// say where.
    Unproven,
}

impl Verdict {
    /// `PASS`, `FAIL`, `FAIL (could not prove)`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "PASS",
            Self::Fail => "FAIL",
            Self::Unproven => "FAIL (could not prove)",
        }
    }

    /// Whether the check passed.
    #[must_use]
    pub const fn is_pass(self) -> bool {
        matches!(self, Self::Pass)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Access a policy gives: (actions, resources, principals, conditions), as one statement grants it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Access {
    /// The ECR actions.
    pub actions: ActionSet,
    /// Other services' actions.
    pub other_actions: OtherActions,
    /// The resources.
    pub resources: ResourceSet,
    /// The principals.
    pub principals: PrincipalSet,
    /// The conditions.
    pub conditions: Vec<ConditionTest>,
}

impl Access {
    fn of(grant: &Grant, actions: ActionSet, other_actions: OtherActions) -> Self {
        Self {
            actions,
            other_actions,
            resources: grant.resources.clone(),
            principals: grant.principals.clone(),
            conditions: grant.conditions.clone(),
        }
    }
}

/// What a reason is about.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// NEW allows this and OLD may not.
    NewAccess,
    /// OLD denies this with `old_statement`, and NEW may not.
    DenyRemoved {
        /// The Deny statement of OLD.
        old_statement: StatementRef,
    },
    /// The policy may allow one of the listed actions on one of the listed resources.
    Granted,
    /// An unnamed principal may be allowed, and no condition restricts the caller to a known set.
    Public,
    /// A principal entry with a wildcard: it names no one in particular (AWS refuses it in a
    /// policy; it is public as written).
    WildcardPrincipal {
        /// The entry.
        text: String,
    },
    /// OLD and NEW are policies of different kinds: they cannot be compared.
    KindMismatch {
        /// OLD's kind.
        old: PolicyKind,
        /// NEW's kind.
        new: PolicyKind,
    },
    /// A finding in one layer of a [`PolicySet`] (the statement is of that layer's policies, read
    /// together).
    InLayer {
        /// The layer.
        layer: Layer,
        /// What it is about.
        finding: Box<Finding>,
    },
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NewAccess => f.write_str("new access"),
            Self::DenyRemoved { old_statement } => {
                write!(f, "no longer denied (OLD {old_statement})")
            }
            Self::Granted => f.write_str("grants a listed action"),
            Self::Public => f.write_str("public access"),
            Self::WildcardPrincipal { text } => {
                write!(f, "principal `{text}` holds a wildcard")
            }
            Self::KindMismatch { old, new } => write!(f, "OLD is an {old}, NEW a {new}"),
            Self::InLayer { layer, finding } => write!(f, "{layer}: {finding}"),
        }
    }
}

/// How a reason is established.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Evidence {
    /// A request the evaluator decides as the finding says.
    Witness(Witness),
    /// Another service's action (which the evaluator does not know), granted without condition and
    /// not named by the other side.
    OtherService {
        /// The action, e.g. `s3:GetObject`.
        action: String,
    },
    /// The policy's text breaks the rule as written.
    AsWritten,
    /// Not proven: why the comparison was not exact.
    CouldNotProve(String),
}

impl Evidence {
    /// Whether the finding is proven.
    #[must_use]
    pub fn is_proven(&self) -> bool {
        !matches!(self, Self::CouldNotProve(_))
    }
}

/// One finding, with the statement it is about and its proof (or why there is none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// What it is about.
    pub finding: Finding,
    /// The statement (of NEW, for [`no_new_access`]).
    pub statement: Option<StatementRef>,
    /// The access in question.
    pub access: Option<Access>,
    /// How it is established.
    pub evidence: Evidence,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(statement) = &self.statement {
            write!(f, "{statement}: ")?;
        }
        write!(f, "{}", self.finding)?;
        if let Some(access) = &self.access {
            if !access.actions.is_empty() {
                write!(f, " to {}", access.actions.to_patterns().join(", "))?;
            }
            let texts = |ps: &[crate::ActionPattern]| {
                ps.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(", ")
            };
            match &access.other_actions {
                OtherActions::Named(ps) if !ps.is_empty() => {
                    write!(f, " to other services' actions {}", texts(ps))?;
                }
                OtherActions::AllExcept(ps) => {
                    write!(f, " to other services' actions but [{}]", texts(ps))?;
                }
                OtherActions::Named(_) | OtherActions::None => {}
            }
        }
        match &self.evidence {
            Evidence::Witness(witness) => write!(f, "; for example {witness}"),
            Evidence::OtherService { action } => write!(f, "; for example {action}"),
            Evidence::AsWritten => Ok(()),
            Evidence::CouldNotProve(why) => write!(f, "; could not prove: {why}"),
        }
    }
}

/// The answer of a check and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    /// The answer.
    pub verdict: Verdict,
    /// Why (empty for a PASS).
    pub reasons: Vec<Reason>,
}

impl CheckResult {
    /// The result of `reasons`: PASS if none, FAIL if one is proven, else FAIL (could not prove).
    fn from_reasons(reasons: Vec<Reason>) -> Self {
        let verdict = if reasons.is_empty() {
            Verdict::Pass
        } else if reasons.iter().any(|r| r.evidence.is_proven()) {
            Verdict::Fail
        } else {
            Verdict::Unproven
        };
        Self { verdict, reasons }
    }
}

impl fmt::Display for CheckResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.verdict)?;
        for reason in &self.reasons {
            writeln!(f, "  {reason}")?;
        }
        Ok(())
    }
}
