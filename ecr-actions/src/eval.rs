//! Policy evaluation: identity policies, a repository policy and the rest of the IAM decision
//! chain (SCPs, RCPs, permissions boundary, session policies, VPC endpoint policy), compiled once,
//! then requests decided as AWS IAM decides them — [`Decision::Allow`], [`Decision::ExplicitDeny`] or
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
//! As the IAM User Guide's "Policy evaluation logic" (and its pages "How AWS enforcement code logic
//! evaluates requests" and "Cross-account policy evaluation logic") describe it, over every layer
//! given to [`Evaluator::builder`] (the sentences each rule rests on are quoted in the builder's
//! and the tests' documentation):
//!
//! 1. A matching `Deny` in any layer decides [`Decision::ExplicitDeny`]: identity policies, the
//!    repository policy (a `Deny` that names the principal's account denies everyone in it), SCPs,
//!    RCPs, the permissions boundary, session policies, the VPC endpoint policy.
//! 2. [`Decision::ImplicitDeny`] if an SCP level has no matching `Allow` (every level, from the
//!    root to the account, must allow) or the endpoint policy allows nothing. RCPs only deny:
//!    `RCPFullAWSAccess` is attached at every level.
//! 3. The principal's side allows when an identity policy allows, within the permissions boundary
//!    and the session policies (each must allow too, when present).
//! 4. Same account (the resource `*` counts as the principal's own account): [`Decision::Allow`] if
//!    the principal's side allows, or the repository policy allows the principal itself (`*`, a
//!    user's ARN, a session's ARN: not limited by the boundary or session policies), or allows a
//!    session's role (limited by them). A repository policy that names only the account delegates
//!    to the principal's side: it does not allow by itself.
//! 5. Across accounts: [`Decision::Allow`] only if the principal's side *and* the repository policy
//!    allow (naming the account is enough on the repository side).
//! 6. Otherwise [`Decision::ImplicitDeny`]; the explanation's [`Reason`] names the layer that
//!    allowed nothing.
//!
//! A statement matches when its action, principal (repository policy), resource and every condition
//! match. The details of each part are in the submodules' documentation: principals
//! (`Principal`/`NotPrincipal`), conditions (every operator family, `…IfExists`, set operators, key
//! case), policy variables (`${aws:username}`, defaults, `${*}` `${?}` `${$}`, literal under Version
//! 2008-10-17).
//!
//! # Cost
//!
//! [`Evaluator::new`] and [`EvaluatorBuilder::build`] compile everything: action sets, principals, ARN patterns, condition values
//! (numbers, dates, networks). [`Evaluator::evaluate`] then allocates nothing. A pattern that holds a
//! policy variable is compiled when a request first gives it a value, and kept in a bounded cache.
//! One exception, in [`Glob`](crate::Glob) itself: a pattern with `?`, or with a `*` inside an ARN
//! segment (`repository/*/web`), is matched chunk by chunk by a bit-parallel automaton whose state
//! vectors live on the stack for a chunk of up to 255 positions (the characters and `?` between two
//! `*`), so matching allocates nothing; a longer chunk allocates one buffer of 3 × (positions / 64 + 1)
//! words per match. `*` at the end of a segment or of the pattern (`repository/app/*`,
//! `arn:aws:ecr:*:…`) needs no automaton at all.

mod arn_like;
mod build;
mod compile;
mod condition;
mod context;
mod decision;
mod layers;
mod principal;
mod request;
mod variables;

pub use build::EvaluatorBuilder;
pub use compile::PolicySetError;
pub(crate) use condition::{ConditionError, check_value as check_condition_value};
pub use decision::{
    Decision, Evaluation, Explanation, Outcome, ParseDecisionError, PolicyId, Reason, StatementId,
    StatementTrace,
};
pub use principal::PrincipalMatch;
pub(crate) use principal::{Entry as PrincipalEntry, aws_entry};
pub use request::{Context, ContextError, ContextValue, ContextValueRef, Request, Resource};

use compile::{Check, Compiled};
use layers::{Present, Slot, Tally};
use variables::GlobCache;

use crate::policy::{Effect, PolicyDocument};

/// Every layer of policies that decides a request, compiled to evaluate requests: identity
/// policies, a repository policy, and — each optional — SCPs and RCPs by organization level, a
/// permissions boundary, session policies and a VPC endpoint policy. Built by [`Evaluator::new`]
/// (identity and repository policies) or [`Evaluator::builder`] (every layer).
///
/// An `Evaluator` is `Send` and `Sync`: share it between threads.
#[derive(Debug)]
pub struct Evaluator {
    identity: Vec<Compiled>,
    resource: Vec<Compiled>,
    /// SCP levels, root first, each the statements of the policies attached there. No level: no
    /// SCP applies.
    scps: Vec<Vec<Compiled>>,
    /// The statements of every customer RCP (`RCPFullAWSAccess` is implied at every level).
    rcps: Vec<Compiled>,
    /// `Some` (possibly empty) when the principal has a boundary.
    boundary: Option<Vec<Compiled>>,
    /// `Some` when the session has session policies.
    session: Option<Vec<Compiled>>,
    /// `Some` when the request goes through a VPC endpoint with a policy.
    endpoint: Option<Vec<Compiled>>,
    cache: GlobCache,
}

impl Evaluator {
    /// Compiles `identity` policies (those attached to the principal) and the repository policy, if
    /// any: the same as `Evaluator::builder().identity(identity).resource_policy(resource).build()`.
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
    ) -> Result<Self, PolicySetError> {
        let builder = Self::builder().identity(identity);
        match resource {
            Some(resource) => builder.resource_policy(resource),
            None => builder,
        }
        .build()
    }

    /// A builder that takes every layer of the IAM decision; see [`EvaluatorBuilder`].
    pub fn builder<'a>() -> EvaluatorBuilder<'a> {
        EvaluatorBuilder::default()
    }

    /// The groups of statements, layer by layer, in the order explanations list them. SCPs and
    /// RCPs are left out for a service-linked role, which they do not affect.
    fn groups(&self, organization: bool) -> impl Iterator<Item = (Slot, &[Compiled])> {
        let scps = self
            .scps
            .iter()
            .enumerate()
            .filter(move |_| organization)
            .map(|(level, statements)| (Slot::ServiceControl(level), statements.as_slice()));
        let rcps = Some((Slot::ResourceControl, self.rcps.as_slice())).filter(|_| organization);
        [
            (Slot::Identity, self.identity.as_slice()),
            (Slot::Resource, self.resource.as_slice()),
        ]
        .into_iter()
        .chain(scps)
        .chain(rcps)
        .chain(optional(Slot::PermissionsBoundary, self.boundary.as_ref()))
        .chain(optional(Slot::Session, self.session.as_ref()))
        .chain(optional(Slot::VpcEndpoint, self.endpoint.as_ref()))
    }
}

/// A group of an optional layer, if it is present.
fn optional(slot: Slot, statements: Option<&Vec<Compiled>>) -> Option<(Slot, &[Compiled])> {
    statements.map(|statements| (slot, statements.as_slice()))
}

impl Evaluator {
    /// Which optional layers there are, and whether the organization layers apply to `request`.
    fn layers(&self, request: &Request<'_>) -> (Present, bool) {
        let present = Present {
            boundary: self.boundary.is_some(),
            session: self.session.is_some(),
            endpoint: self.endpoint.is_some(),
        };
        let has_organization = !self.scps.is_empty() || !self.rcps.is_empty();
        (
            present,
            has_organization && !layers::is_service_linked_role(request),
        )
    }

    /// Decides `request`. Allocates nothing (but for a pattern with a policy variable that meets a
    /// value for the first time).
    #[must_use]
    pub fn evaluate(&self, request: &Request<'_>) -> Decision {
        let (present, organization) = self.layers(request);
        let mut tally = Tally::new(present);
        for (slot, statements) in self.groups(organization) {
            match layers::scan(statements, request, &self.cache, tally.allows_matter(slot)) {
                // A Deny in any layer decides.
                None => return Decision::ExplicitDeny,
                Some(allow) => tally.record(slot, allow),
            }
        }
        tally.decide(request.is_cross_account()).0
    }

    /// Decides `request` and explains why: which statements decided, and how every statement fared.
    #[must_use]
    pub fn evaluate_explained(&self, request: &Request<'_>) -> Evaluation {
        let (present, organization) = self.layers(request);
        let mut tally = Tally::new(present);
        let mut statements = Vec::with_capacity(self.statement_count());
        let mut matched = Vec::new();
        for (slot, group) in self.groups(organization) {
            let mut allow = PrincipalMatch::None;
            for statement in group {
                let check = statement.check(request, &self.cache);
                if let Check::Matched(principal) = check {
                    matched.push((statement, principal));
                    match statement.effect {
                        Effect::Deny => tally.deny = true,
                        Effect::Allow => allow = allow.max(principal),
                    }
                }
                statements.push(StatementTrace {
                    id: statement.id.clone(),
                    effect: statement.effect,
                    outcome: Compiled::outcome(check),
                });
            }
            tally.record(slot, allow);
        }
        let cross_account = request.is_cross_account();
        let (decision, reason) = tally.decide(cross_account);
        let decisive = matched
            .into_iter()
            .filter(|(statement, principal)| match decision {
                Decision::ExplicitDeny => statement.effect == Effect::Deny,
                Decision::Allow => {
                    statement.effect == Effect::Allow
                        && tally.needed(reason, statement.id.policy, *principal)
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

    /// How many statements were compiled, in every layer.
    #[must_use]
    pub fn statement_count(&self) -> usize {
        let optional = |layer: &Option<Vec<Compiled>>| layer.as_ref().map_or(0, Vec::len);
        self.identity.len()
            + self.resource.len()
            + self.scps.iter().map(Vec::len).sum::<usize>()
            + self.rcps.len()
            + optional(&self.boundary)
            + optional(&self.session)
            + optional(&self.endpoint)
    }

    /// How many patterns with policy variables have been compiled for the values requests gave them
    /// (kept for later requests; bounded).
    #[must_use]
    pub fn cached_patterns(&self) -> usize {
        self.cache.len()
    }
}
