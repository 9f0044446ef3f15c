//! Policy evaluation: identity policies and a repository policy, compiled once, then requests
//! decided as AWS IAM decides them — [`Decision::Allow`], [`Decision::ExplicitDeny`] or
//! [`Decision::ImplicitDeny`] — with an explanation on demand.
//!
//! ```
//! use ecr_actions::{Action, RepositoryArn};
//! use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
//! use ecr_actions::policy::PolicyDocument;
//!
//! let identity = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Action": "ecr:*",
//!      "Resource": "arn:aws:ecr:*:111122223333:repository/${aws:PrincipalTag/team}/*"},
//!     {"Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "*"}]}"#)?;
//! let evaluator = Evaluator::new(&[identity], None)?;
//!
//! let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/web/api".parse()?;
//! let context = Context::new().with("aws:PrincipalTag/team", "web");
//! let alice = "arn:aws:iam::111122223333:user/alice";
//! let push = Request::new(alice, Action::PutImage, Resource::Repository(&repository), &context);
//! assert_eq!(evaluator.evaluate(&push), Decision::Allow);
//!
//! let delete = Request::new(alice, Action::DeleteRepository, Resource::Repository(&repository), &context);
//! let evaluation = evaluator.evaluate_explained(&delete);
//! assert_eq!(evaluation.decision, Decision::ExplicitDeny);
//! assert_eq!(evaluation.explanation.decisive[0].index, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How a request is decided
//!
//! As the IAM User Guide's "Policy evaluation logic" and "Cross-account policy evaluation logic"
//! describe it, for identity policies and one resource policy (no SCPs, RCPs, permissions
//! boundaries or session policies):
//!
//! 1. A matching `Deny` in any policy decides [`Decision::ExplicitDeny`]. In the repository policy a
//!    `Deny` that names the principal's account denies everyone in it.
//! 2. Same account (the resource `*` counts as the principal's own account): [`Decision::Allow`] if an
//!    identity policy allows, or the repository policy allows the principal itself (`*`, its ARN,
//!    its role for a session). A repository policy that names only the account delegates to the
//!    account's identity policies: it does not allow by itself.
//! 3. Across accounts: [`Decision::Allow`] only if an identity policy *and* the repository policy
//!    allow (naming the account is enough on the repository side).
//! 4. Otherwise [`Decision::ImplicitDeny`].
//!
//! A statement matches when its action, principal (repository policy), resource and every condition
//! match. The details of each part are in the submodules' documentation: principals
//! (`Principal`/`NotPrincipal`), conditions (every operator family, `…IfExists`, set operators, key
//! case), policy variables (`${aws:username}`, defaults, `${*}` `${?}` `${$}`, literal under Version
//! 2008-10-17).
//!
//! # Cost
//!
//! [`Evaluator::new`] compiles everything: action sets, principals, ARN patterns, condition values
//! (numbers, dates, networks). [`Evaluator::evaluate`] then allocates nothing. A pattern that holds a
//! policy variable is compiled when a request first gives it a value, and kept in a bounded cache.
//! One exception, in [`Glob`](crate::Glob) itself: a pattern with `?`, or with a `*` inside an ARN
//! segment (`repository/*/web`), is matched by its automaton, which allocates two small buffers per
//! match; `*` at the end of a segment or of the pattern (`repository/app/*`, `arn:aws:ecr:*:…`) does
//! not.

mod arn_like;
mod compile;
mod condition;
pub mod conformance;
mod context;
mod decision;
mod principal;
mod request;
mod variables;

pub use compile::CompileError;
pub(crate) use condition::{ConditionError, check_value as check_condition_value};
pub use decision::{
    Decision, Evaluation, Explanation, Outcome, PolicyId, Reason, StatementId, StatementTrace,
};
pub use principal::PrincipalMatch;
pub(crate) use principal::{Entry as PrincipalEntry, aws_entry};
pub use request::{Context, ContextError, ContextValue, ContextValueRef, Request, Resource};

use compile::{Check, Compiled};
use variables::GlobCache;

use crate::policy::{Effect, PolicyDocument};

/// Identity policies and an optional repository policy, compiled to evaluate requests.
///
/// An `Evaluator` is `Send` and `Sync`: share it between threads.
#[derive(Debug)]
pub struct Evaluator {
    identity: Vec<Compiled>,
    resource: Vec<Compiled>,
    cache: GlobCache,
}

/// What the statements of the policies say about a request.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    deny: bool,
    identity_allows: bool,
    /// The repository policy allows the principal itself.
    resource_allows: bool,
    /// The repository policy allows the principal's account.
    resource_delegates: bool,
}

impl Tally {
    fn add(&mut self, statement: &Compiled, check: Check<'_>) {
        let Check::Matched(principal) = check else {
            return;
        };
        match (statement.effect, statement.id.policy) {
            (Effect::Deny, _) => self.deny = true,
            (Effect::Allow, PolicyId::Identity(_)) => self.identity_allows = true,
            (Effect::Allow, PolicyId::Resource) => match principal {
                PrincipalMatch::Direct => self.resource_allows = true,
                PrincipalMatch::Account => self.resource_delegates = true,
                PrincipalMatch::None => {}
            },
        }
    }

    fn decide(self, cross_account: bool) -> (Decision, Reason) {
        if self.deny {
            return (Decision::ExplicitDeny, Reason::ExplicitDeny);
        }
        let resource_side = self.resource_allows || self.resource_delegates;
        match (cross_account, self.identity_allows, resource_side) {
            (false, true, _) => (Decision::Allow, Reason::IdentityAllows),
            (false, false, _) if self.resource_allows => {
                (Decision::Allow, Reason::RepositoryPolicyAllows)
            }
            (false, false, true) => (
                Decision::ImplicitDeny,
                Reason::RepositoryPolicyOnlyDelegates,
            ),
            (true, true, true) => (Decision::Allow, Reason::BothAllow),
            (true, false, true) => (Decision::ImplicitDeny, Reason::IdentityDoesNotAllow),
            (true, true, false) => (Decision::ImplicitDeny, Reason::RepositoryPolicyDoesNotAllow),
            (_, false, false) => (Decision::ImplicitDeny, Reason::NothingAllows),
        }
    }
}

impl Evaluator {
    /// Compiles `identity` policies (those attached to the principal) and the repository policy, if
    /// any.
    ///
    /// # Errors
    ///
    /// What AWS would refuse: a `Principal` in an identity policy, an identity statement without
    /// `Resource`, a repository statement without `Principal`, a malformed action, resource or
    /// principal (a partial wildcard in a principal), a condition value its operator cannot read (a
    /// number, date, boolean or CIDR block), `NullIfExists`, a malformed policy variable.
    pub fn new(
        identity: &[PolicyDocument],
        resource: Option<&PolicyDocument>,
    ) -> Result<Self, CompileError> {
        let mut compiled_identity = Vec::new();
        for (index, document) in identity.iter().enumerate() {
            compile::policy(document, PolicyId::Identity(index), &mut compiled_identity)?;
        }
        let mut compiled_resource = Vec::new();
        if let Some(document) = resource {
            compile::policy(document, PolicyId::Resource, &mut compiled_resource)?;
        }
        Ok(Self {
            identity: compiled_identity,
            resource: compiled_resource,
            cache: GlobCache::default(),
        })
    }

    /// Decides `request`. Allocates nothing (but for a pattern with a policy variable that meets a
    /// value for the first time).
    #[must_use]
    pub fn evaluate(&self, request: &Request<'_>) -> Decision {
        let mut tally = Tally::default();
        for statement in self.identity.iter().chain(&self.resource) {
            // Once the policies allow on one side, further allows there change nothing; denies do.
            let redundant = statement.effect == Effect::Allow
                && match statement.id.policy {
                    PolicyId::Identity(_) => tally.identity_allows,
                    PolicyId::Resource => tally.resource_allows,
                };
            if redundant {
                continue;
            }
            tally.add(statement, statement.check(request, &self.cache));
            if tally.deny {
                return Decision::ExplicitDeny;
            }
        }
        tally.decide(request.is_cross_account()).0
    }

    /// Decides `request` and explains why: which statements decided, and how every statement fared.
    #[must_use]
    pub fn evaluate_explained(&self, request: &Request<'_>) -> Evaluation {
        let mut tally = Tally::default();
        let mut statements = Vec::with_capacity(self.identity.len() + self.resource.len());
        let mut matched = Vec::new();
        for statement in self.identity.iter().chain(&self.resource) {
            let check = statement.check(request, &self.cache);
            tally.add(statement, check);
            if let Check::Matched(principal) = check {
                matched.push((statement, principal));
            }
            statements.push(StatementTrace {
                id: statement.id.clone(),
                effect: statement.effect,
                outcome: Compiled::outcome(check),
            });
        }
        let cross_account = request.is_cross_account();
        let (decision, reason) = tally.decide(cross_account);
        let decisive = matched
            .into_iter()
            .filter(|(statement, principal)| match decision {
                Decision::ExplicitDeny => statement.effect == Effect::Deny,
                Decision::Allow => {
                    statement.effect == Effect::Allow
                        && (cross_account || *principal == PrincipalMatch::Direct)
                }
                Decision::ImplicitDeny => false,
            })
            .map(|(statement, _)| statement.id.clone())
            .collect();
        Evaluation {
            decision,
            explanation: Explanation {
                reason,
                cross_account,
                decisive,
                statements,
            },
        }
    }

    /// How many statements were compiled (identity policies and repository policy).
    #[must_use]
    pub fn statement_count(&self) -> usize {
        self.identity.len() + self.resource.len()
    }

    /// How many patterns with policy variables have been compiled for the values requests gave them
    /// (kept for later requests; bounded).
    #[must_use]
    pub fn cached_patterns(&self) -> usize {
        self.cache.len()
    }
}
