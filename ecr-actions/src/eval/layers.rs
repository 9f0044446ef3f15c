//! The layers of the IAM decision and how their verdicts combine: one [`Tally`] that the fast path
//! ([`Evaluator::evaluate`](super::Evaluator::evaluate)) and the explained path fill alike, so the
//! two cannot disagree.
//!
//! The rules, read from the IAM User Guide's "Policy evaluation logic" pages (the sentence each
//! rests on is quoted where it is applied):
//!
//! 1. An explicit Deny in any layer decides: "In all those policies, the enforcement code looks for a
//!    Deny statement that applies to the request. This is called an explicit deny." ("How AWS
//!    enforcement code logic evaluates requests", *Deny evaluation*; the policies listed there are
//!    SCPs, RCPs, resource-based policies, identity-based policies, permissions boundaries and
//!    session policies; the VPC endpoint policy is a policy the request passes through as well,
//!    AWS PrivateLink Guide, "Control access to VPC endpoints using endpoint policies").
//! 2. Every SCP level must allow: "If the enforcement code does not find any applicable Allow
//!    statements in the SCPs, the enforcement code returns a final decision of Deny" (an implicit
//!    deny), level by level from the root to the account (AWS Organizations User Guide, "SCP
//!    evaluation").
//! 3. RCPs only deny: "RCPFullAWSAccess can't be detached, so there will always be an Allow
//!    statement." The evaluator adds it at every level, so an empty RCP level changes nothing,
//!    and an `Allow` in a customer RCP (AWS refuses them, "The effect of Allow is only supported
//!    for the RCPFullAWSAccess policy") is never needed.
//! 4. The VPC endpoint policy must allow: "An endpoint policy does not override or replace
//!    identity-based policies or resource-based policies" — it limits them, like a guardrail.
//! 5. The principal's side: an identity policy allows, and the permissions boundary ("An entity's
//!    permissions boundary allows it to perform only the actions that are allowed by both its
//!    identity-based policies and its permissions boundaries") and a session policy (Session
//!    policies: "The resulting session's permissions are the intersection of the role's
//!    identity-based policy and the session policies") allow, when present.
//! 6. Same account, a repository policy grant: to the user ARN, the session ARN or `*`, it stands
//!    alone ("Permissions granted directly to a session are not limited by an implicit deny in an
//!    identity-based policy, a permissions boundary, or session policy"; "Permissions boundaries
//!    and session policies do not limit permissions granted using the aws:PrincipalArn condition
//!    key with a wildcard(*) in the Principal element"); to the role ARN of a session, it needs no
//!    identity policy but is limited by the boundary and the session policies; to the account, it
//!    only delegates to the principal's side.
//! 7. Across accounts: the principal's side and the repository policy must both allow ("Cross-account
//!    policy evaluation logic"); the boundary and session policies always limit the principal's
//!    side.
//!
//! Which principals the organization layers do not affect: "SCPs do not affect any service-linked
//! role" (AWS Organizations User Guide, "Service control policies"), and RCPs do not restrict
//! service-linked roles either (AWS Organizations User Guide, "Resource control policies", the list
//! of what RCPs do not apply to). A principal is a service-linked role when its ARN, or for a
//! session the `aws:PrincipalArn` of the request, is a role under the path `/aws-service-role/`,
//! which only AWS can create roles in. Organization policies of the management account, and RCPs
//! of services that do not support them, are not given to the evaluator at all: Amazon ECR has
//! supported RCPs since June 2025.

use super::compile::{Check, Compiled};
use super::decision::{Decision, PolicyId, Reason};
use super::principal::PrincipalMatch;
use super::request::{ArnParts, Caller, ContextValueRef, Request};
use super::variables::GlobCache;
use crate::policy::Effect;

/// Which layer a group of statements belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    Identity,
    Resource,
    /// One SCP level (0 is the root): the statements of every policy attached there.
    ServiceControl(usize),
    /// Every customer RCP of every level: with `RCPFullAWSAccess` implied at each level, only their
    /// denies count, and where they are does not change the decision.
    ResourceControl,
    PermissionsBoundary,
    Session,
    VpcEndpoint,
}

/// Which optional layers apply to a request.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Present {
    pub(crate) boundary: bool,
    pub(crate) session: bool,
    pub(crate) endpoint: bool,
}

/// What each layer says about a request: its denies stop the evaluation before a tally is needed;
/// the allows are recorded here, one group at a time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tally {
    present: Present,
    pub(crate) deny: bool,
    identity: bool,
    /// The strongest way the repository policy's allows name the principal.
    resource: PrincipalMatch,
    boundary: bool,
    session: bool,
    endpoint: bool,
    /// The first SCP level that allows nothing.
    scp_gap: Option<usize>,
    /// Whether an SCP level or the endpoint policy has already decided an implicit deny: then only
    /// denies can change the decision.
    blocked: bool,
}

impl Tally {
    pub(crate) fn new(present: Present) -> Self {
        Self {
            present,
            deny: false,
            identity: false,
            resource: PrincipalMatch::None,
            boundary: false,
            session: false,
            endpoint: false,
            scp_gap: None,
            blocked: false,
        }
    }

    /// Whether the allows of `slot` can still change the decision.
    pub(crate) fn allows_matter(&self, slot: Slot) -> bool {
        !self.blocked && slot != Slot::ResourceControl
    }

    /// Records the strongest allow of one group (`None`: no allow matches).
    pub(crate) fn record(&mut self, slot: Slot, allow: PrincipalMatch) {
        let allows = allow != PrincipalMatch::None;
        match slot {
            Slot::Identity => self.identity = allows,
            Slot::Resource => self.resource = allow,
            Slot::ServiceControl(level) => {
                if !allows && self.scp_gap.is_none() {
                    self.scp_gap = Some(level);
                    self.blocked = true;
                }
            }
            Slot::ResourceControl => {}
            Slot::PermissionsBoundary => self.boundary = allows,
            Slot::Session => self.session = allows,
            Slot::VpcEndpoint => {
                self.endpoint = allows;
                self.blocked |= !allows;
            }
        }
    }

    /// The decision and its reason, by the rules of the module documentation.
    pub(crate) fn decide(&self, cross_account: bool) -> (Decision, Reason) {
        let deny = |reason| (Decision::ImplicitDeny, reason);
        if self.deny {
            return (Decision::ExplicitDeny, Reason::ExplicitDeny);
        }
        if let Some(level) = self.scp_gap {
            return deny(Reason::ServiceControlPolicyDoesNotAllow { level });
        }
        if self.present.endpoint && !self.endpoint {
            return deny(Reason::VpcEndpointPolicyDoesNotAllow);
        }
        let boundary = !self.present.boundary || self.boundary;
        let session = !self.present.session || self.session;
        // Why the principal's own grants (identity policies, a grant to its role) fall short.
        let limited = if boundary {
            Reason::SessionPoliciesDoNotAllow
        } else {
            Reason::PermissionsBoundaryDoesNotAllow
        };
        let identity_side = self.identity && boundary && session;
        if cross_account {
            let resource_side = self.resource != PrincipalMatch::None;
            return match (identity_side, resource_side) {
                (true, true) => (Decision::Allow, Reason::BothAllow),
                (true, false) => deny(Reason::RepositoryPolicyDoesNotAllow),
                (false, _) if self.identity => deny(limited),
                (false, true) => deny(Reason::IdentityDoesNotAllow),
                (false, false) => deny(Reason::NothingAllows),
            };
        }
        match self.resource {
            PrincipalMatch::Direct => return (Decision::Allow, Reason::RepositoryPolicyAllows),
            PrincipalMatch::Role if boundary && session => {
                return (Decision::Allow, Reason::RepositoryPolicyAllows);
            }
            PrincipalMatch::Role | PrincipalMatch::Account | PrincipalMatch::None => {}
        }
        if identity_side {
            return (Decision::Allow, Reason::IdentityAllows);
        }
        if self.identity || self.resource == PrincipalMatch::Role {
            return deny(limited);
        }
        if self.resource == PrincipalMatch::Account {
            return deny(Reason::RepositoryPolicyOnlyDelegates);
        }
        deny(Reason::NothingAllows)
    }

    /// Whether a matching Allow statement of `policy`, matched as `principal`, is one the decision
    /// `Allow` with `reason` needed (for the explanation).
    pub(crate) fn needed(
        &self,
        reason: Reason,
        policy: PolicyId,
        principal: PrincipalMatch,
    ) -> bool {
        // A same-account grant that names the principal itself stands alone; one to its role
        // needed the boundary and the session policies too.
        let direct_grant = matches!(reason, Reason::RepositoryPolicyAllows)
            && self.resource == PrincipalMatch::Direct;
        match policy {
            PolicyId::ServiceControl { .. } | PolicyId::VpcEndpoint => true,
            PolicyId::ResourceControl { .. } => false,
            PolicyId::Identity(_) => matches!(reason, Reason::IdentityAllows | Reason::BothAllow),
            PolicyId::Resource => match reason {
                Reason::BothAllow => true,
                Reason::RepositoryPolicyAllows => principal == self.resource,
                _ => false,
            },
            PolicyId::PermissionsBoundary | PolicyId::Session(_) => !direct_grant,
        }
    }
}

/// Scans one group for the fast path: `None` when a Deny matches, else the strongest allow (allows
/// are skipped when `allows_matter` is false, and once one names the principal directly).
pub(crate) fn scan(
    statements: &[Compiled],
    request: &Request<'_>,
    cache: &GlobCache,
    allows_matter: bool,
) -> Option<PrincipalMatch> {
    let mut allow = PrincipalMatch::None;
    for statement in statements {
        if statement.effect == Effect::Allow && (!allows_matter || allow == PrincipalMatch::Direct)
        {
            continue;
        }
        if let Check::Matched(principal) = statement.check(request, cache) {
            match statement.effect {
                Effect::Deny => return None,
                Effect::Allow => allow = allow.max(principal),
            }
        }
    }
    Some(allow)
}

/// Whether the principal is a service-linked role (or a session of one), which SCPs and RCPs do
/// not affect. Only AWS creates roles under `/aws-service-role/` (IAM User Guide, "Service-linked
/// roles": their path is `/aws-service-role/`), so neither ARN can be faked by a customer's role.
pub(crate) fn is_service_linked_role(request: &Request<'_>) -> bool {
    let service_linked = |arn: &str| {
        ArnParts::split(arn).is_some_and(|parts| {
            parts.service == "iam" && parts.resource.starts_with("role/aws-service-role/")
        })
    };
    match request.principal.caller {
        Caller::Role => service_linked(request.principal.text),
        // A session ARN carries the role's name but not its path: `aws:PrincipalArn` is the
        // role's ARN, as AWS sets it for every request of a session.
        Caller::Session { .. } => matches!(
            request.context.get("aws:PrincipalArn"),
            Some(ContextValueRef::Single(arn)) if service_linked(arn)
        ),
        Caller::Root | Caller::User | Caller::Other => false,
    }
}
