//! Checks over a policy set: identity policies, a repository policy and the layers of
//! [`Evaluator::builder`] (SCP levels, RCP levels, a permissions boundary, session policies, a VPC
//! endpoint policy), compared layer by layer.

mod confirm;

use core::fmt;

use super::grants::{Grants, PolicyKind, allow_everything};
use super::new_access::{Mode, compare};
use super::public::access_not_granted;
use super::witness::Witness;
use super::{CheckError, CheckResult, Evidence, Finding, Reason};
use crate::eval::Evaluator;
use crate::policy::{OneOrMany, PolicyDocument, Version};
use crate::{ActionPattern, ArnPattern};
use confirm::{confirm, named_principals};

/// A layer of a [`PolicySet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// The identity policies (read together: one of them allows, none denies).
    Identity,
    /// The repository policy.
    Repository,
    /// One level of service control policies (0 is the root).
    ServiceControl {
        /// The level, from the root.
        level: usize,
    },
    /// The resource control policies, every level together (they only deny).
    ResourceControl,
    /// The permissions boundary.
    PermissionsBoundary,
    /// The session policies (read together).
    Session,
    /// The VPC endpoint policy.
    VpcEndpoint,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Identity => f.write_str("identity policies"),
            Self::Repository => f.write_str("repository policy"),
            Self::ServiceControl { level } => write!(f, "SCP level {level}"),
            Self::ResourceControl => f.write_str("RCPs"),
            Self::PermissionsBoundary => f.write_str("permissions boundary"),
            Self::Session => f.write_str("session policies"),
            Self::VpcEndpoint => f.write_str("VPC endpoint policy"),
        }
    }
}

/// The policies of one layer, read together as one policy.
#[derive(Debug)]
struct LayerGrants {
    grants: Grants,
    /// Whether its policies differ in `Version` (then policy variables are read differently from
    /// one policy to the next, and the layer is not compared).
    mixed_versions: bool,
}

impl LayerGrants {
    /// The policies of `documents` as one policy of `kind`: their statements one after the other
    /// (a statement's index counts across the layer's policies, in order).
    fn of(documents: &[PolicyDocument], kind: PolicyKind) -> Result<Self, CheckError> {
        let Some(first) = documents.first() else {
            return Ok(Self {
                grants: Grants::empty(kind)?,
                mixed_versions: false,
            });
        };
        let substitutes = |d: &PolicyDocument| d.version == Some(Version::V2012_10_17);
        let mixed_versions = documents
            .iter()
            .any(|d| substitutes(d) != substitutes(first));
        let merged = PolicyDocument {
            version: first.version,
            id: None,
            statements: OneOrMany::many(
                documents
                    .iter()
                    .flat_map(|d| d.statements.iter().cloned())
                    .collect(),
            ),
        };
        Ok(Self {
            grants: Grants::of_kind(&merged, kind)?,
            mixed_versions,
        })
    }
}

/// A policy set, as [`Evaluator::builder`] takes it, read for the checks: what each layer grants
/// ([`Grants`]), and the layered evaluator that confirms witnesses.
///
/// Built by [`PolicySet::builder`]; each policy is validated for its layer as the evaluator does
/// ([`PolicyType::validate`](crate::policy::PolicyType::validate)). Identity and session
/// policies, and the policies of one SCP level, are each read together as one policy; RCPs of
/// every level too (they only deny: `RCPFullAWSAccess` is implied at every level). A repository
/// or VPC endpoint policy is read as a repository policy ([`PolicyKind::Repository`]), SCPs,
/// boundary and session policies as identity policies.
///
/// ```
/// use ecr_actions::check::PolicySet;
/// use ecr_actions::policy::PolicyDocument;
/// let identity = [PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#)?];
/// let root = [PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#)?];
/// let set = PolicySet::builder().identity(&identity).scp_level(&root).build()?;
/// // A policy invalid for its layer is refused: an SCP has no `Principal`.
/// let scp = [PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}"#)?];
/// assert!(PolicySet::builder().scp_level(&scp).build().is_err());
/// # let _ = set;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct PolicySet {
    evaluator: Evaluator,
    identity: LayerGrants,
    repository: LayerGrants,
    scps: Vec<LayerGrants>,
    rcps: LayerGrants,
    boundary: Option<LayerGrants>,
    session: Option<LayerGrants>,
    endpoint: Option<LayerGrants>,
    /// Whether the repository policy has a `Deny` with `NotPrincipal`: with a permissions boundary,
    /// the evaluator reads it as `"*"` (see [`EvaluatorBuilder::permissions_boundary`](crate::eval::EvaluatorBuilder::permissions_boundary)).
    not_principal_deny: bool,
}

/// Builds a [`PolicySet`]; the methods are those of [`EvaluatorBuilder`](crate::eval::EvaluatorBuilder).
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct PolicySetBuilder<'a> {
    identity: &'a [PolicyDocument],
    repository: Option<&'a PolicyDocument>,
    scps: Vec<&'a [PolicyDocument]>,
    rcps: Vec<&'a [PolicyDocument]>,
    boundary: Option<&'a PolicyDocument>,
    session: &'a [PolicyDocument],
    endpoint: Option<&'a PolicyDocument>,
}

impl<'a> PolicySetBuilder<'a> {
    /// The principal's identity policies.
    pub fn identity(mut self, policies: &'a [PolicyDocument]) -> Self {
        self.identity = policies;
        self
    }

    /// The repository policy.
    pub fn resource_policy(mut self, policy: &'a PolicyDocument) -> Self {
        self.repository = Some(policy);
        self
    }

    /// One more SCP level, below those given before (the root first); an empty level allows
    /// nothing.
    pub fn scp_level(mut self, policies: &'a [PolicyDocument]) -> Self {
        self.scps.push(policies);
        self
    }

    /// One more RCP level (they only deny; an empty level changes nothing).
    pub fn rcp_level(mut self, policies: &'a [PolicyDocument]) -> Self {
        self.rcps.push(policies);
        self
    }

    /// The principal's permissions boundary.
    pub fn permissions_boundary(mut self, policy: &'a PolicyDocument) -> Self {
        self.boundary = Some(policy);
        self
    }

    /// The session policies (none: the session has none).
    pub fn session_policies(mut self, policies: &'a [PolicyDocument]) -> Self {
        self.session = policies;
        self
    }

    /// The policy of the VPC endpoint the requests go through.
    pub fn vpc_endpoint_policy(mut self, policy: &'a PolicyDocument) -> Self {
        self.endpoint = Some(policy);
        self
    }

    /// Validates and reads every layer.
    ///
    /// # Errors
    ///
    /// What [`EvaluatorBuilder::build`](crate::eval::EvaluatorBuilder::build) refuses (a policy
    /// invalid for its layer), and what [`Grants::of_kind`] refuses.
    pub fn build(self) -> Result<PolicySet, CheckError> {
        let mut builder = Evaluator::builder()
            .identity(self.identity)
            .session_policies(self.session);
        if let Some(policy) = self.repository {
            builder = builder.resource_policy(policy);
        }
        for level in &self.scps {
            builder = builder.scp_level(level);
        }
        for level in &self.rcps {
            builder = builder.rcp_level(level);
        }
        if let Some(policy) = self.boundary {
            builder = builder.permissions_boundary(policy);
        }
        if let Some(policy) = self.endpoint {
            builder = builder.vpc_endpoint_policy(policy);
        }
        let evaluator = builder.build()?;
        let one = |policy: Option<&PolicyDocument>, kind| {
            policy
                .map(|p| LayerGrants::of(core::slice::from_ref(p), kind))
                .transpose()
        };
        let rcps: Vec<PolicyDocument> = self.rcps.iter().flat_map(|l| l.iter().cloned()).collect();
        Ok(PolicySet {
            evaluator,
            identity: LayerGrants::of(self.identity, PolicyKind::Identity)?,
            repository: match self.repository {
                Some(policy) => {
                    LayerGrants::of(core::slice::from_ref(policy), PolicyKind::Repository)?
                }
                None => LayerGrants::of(&[], PolicyKind::Repository)?,
            },
            scps: self
                .scps
                .iter()
                .map(|level| LayerGrants::of(level, PolicyKind::Identity))
                .collect::<Result<_, _>>()?,
            rcps: LayerGrants::of(&rcps, PolicyKind::Repository)?,
            boundary: one(self.boundary, PolicyKind::Identity)?,
            session: if self.session.is_empty() {
                None
            } else {
                Some(LayerGrants::of(self.session, PolicyKind::Identity)?)
            },
            endpoint: one(self.endpoint, PolicyKind::Repository)?,
            not_principal_deny: self.repository.is_some_and(|p| {
                p.statements.iter().any(|s| {
                    s.effect == crate::policy::Effect::Deny
                        && s.principal.as_ref().is_some_and(|c| c.negated)
                })
            }),
        })
    }
}

impl PolicySet {
    /// A builder with no layer.
    pub fn builder<'a>() -> PolicySetBuilder<'a> {
        PolicySetBuilder::default()
    }

    /// The layered evaluator of the set.
    #[must_use]
    pub fn evaluator(&self) -> &Evaluator {
        &self.evaluator
    }

    fn allows(&self, witness: &Witness) -> bool {
        self.evaluator.evaluate(&witness.request()).is_allowed()
    }
}

/// `{"Action": "*", "Resource": "*"}` as the policy of a layer that is not there: a missing
/// boundary, session policy, SCP level or endpoint policy restricts nothing.
fn anything(kind: PolicyKind) -> Result<LayerGrants, CheckError> {
    let policy = match kind {
        PolicyKind::Identity => allow_everything(),
        PolicyKind::Repository => PolicyDocument::from_json(
            r#"{"Version": "2012-10-17", "Statement":
                {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}"#,
        )
        .map_err(|error| CheckError::Unreadable(error.to_string()))?,
    };
    LayerGrants::of(core::slice::from_ref(&policy), kind)
}

fn in_layer(layer: Layer, reason: Reason) -> Reason {
    Reason {
        finding: Finding::InLayer {
            layer,
            finding: Box::new(reason.finding),
        },
        ..reason
    }
}

fn unproven(layer: Layer, why: &str) -> Reason {
    Reason {
        finding: Finding::InLayer {
            layer,
            finding: Box::new(Finding::NewAccess),
        },
        statement: None,
        access: None,
        evidence: Evidence::CouldNotProve(why.to_owned()),
    }
}

/// Whether every request the policy set NEW allows is also allowed by OLD, as the layered
/// evaluator ([`Evaluator::builder`]) decides it. Never a false PASS.
///
/// # Why a layer-by-layer comparison is a proof
///
/// The decision is monotone in every layer: a request is allowed when a combination (and/or) of
/// "layer L has an Allow that matches" holds, and no layer has a `Deny` that matches ("If the
/// enforcement code finds even one explicit deny that applies, the enforcement code returns a final
/// decision of Deny", IAM User Guide, "Policy evaluation logic"). So if, in every layer, every
/// request NEW's Allow statements match is matched by an Allow of OLD's same layer, and every
/// request OLD's Deny statements match is matched by a Deny of NEW's same layer, then whatever NEW
/// allows, OLD allows. Each layer is compared as [`no_new_access`](super::no_new_access) compares
/// a repository policy (every Deny of OLD must stay: another layer may allow what it denied); RCPs
/// only by their Denies (their Allow, `RCPFullAWSAccess`, is implied at every level).
///
/// The shape of the sets:
/// - a restricting layer (SCP level, permissions boundary, session policies, endpoint policy) that
///   OLD lacks and NEW has only narrows: proven; one that OLD has and NEW lacks is compared as if
///   NEW's allowed everything (`"Action": "*", "Resource": "*"`), so it passes only if OLD's
///   restricted nothing;
/// - SCP levels are paired by their place from the root;
/// - no identity policy, or no repository policy, is a layer that allows nothing;
/// - a boundary that OLD has and NEW lacks, with a `NotPrincipal` `Deny` in OLD's repository
///   policy (which the boundary makes deny everyone) is not proven.
///
/// Whatever is not proven is FAIL (could not prove), unless a layer's witness, or a variant of it
/// (one of the finding's actions, with a principal the witnesses or repository policies name, a
/// witness's resource and context; at most 1,024 requests per finding), is a request the layered
/// evaluator allows under NEW and not under OLD: then FAIL, with that witness
/// ([`CallerIdentity::Checked`](super::CallerIdentity::Checked): the set's own identity
/// policies). An action of another service (which the evaluator does not decide) is never a proof
/// here: another layer may block it.
///
/// ```
/// use ecr_actions::check::{self, PolicySet, Verdict};
/// use ecr_actions::policy::PolicyDocument;
/// let identity = [PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#)?];
/// let boundary = |actions: &str| PolicyDocument::from_json(&format!(r#"{{"Version": "2012-10-17",
///     "Statement": {{"Effect": "Allow", "Action": {actions}, "Resource": "*"}}}}"#));
/// let read = boundary(r#"["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]"#)?;
/// let read_write = boundary(r#"["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:PutImage"]"#)?;
/// let old = PolicySet::builder().identity(&identity).permissions_boundary(&read).build()?;
/// let new = PolicySet::builder().identity(&identity).permissions_boundary(&read_write).build()?;
/// // Loosening the boundary is new access (ecr:PutImage), with a request that proves it.
/// assert_eq!(check::no_new_access_set(&old, &new).verdict, Verdict::Fail);
/// // Tightening it is not.
/// assert_eq!(check::no_new_access_set(&new, &old).verdict, Verdict::Pass);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn no_new_access_set(old: &PolicySet, new: &PolicySet) -> CheckResult {
    let mut reasons = pair(Layer::Identity, &old.identity, &new.identity, FULL);
    reasons.extend(pair(
        Layer::Repository,
        &old.repository,
        &new.repository,
        FULL,
    ));
    let denies_only = Mode {
        allows: false,
        every_deny: true,
    };
    reasons.extend(pair(
        Layer::ResourceControl,
        &old.rcps,
        &new.rcps,
        denies_only,
    ));
    let identity_anything = anything(PolicyKind::Identity);
    let levels = old.scps.len().max(new.scps.len());
    for level in 0..levels {
        reasons.extend(restricting(
            Layer::ServiceControl { level },
            old.scps.get(level),
            new.scps.get(level),
            &identity_anything,
        ));
    }
    reasons.extend(restricting(
        Layer::PermissionsBoundary,
        old.boundary.as_ref(),
        new.boundary.as_ref(),
        &identity_anything,
    ));
    reasons.extend(restricting(
        Layer::Session,
        old.session.as_ref(),
        new.session.as_ref(),
        &identity_anything,
    ));
    reasons.extend(restricting(
        Layer::VpcEndpoint,
        old.endpoint.as_ref(),
        new.endpoint.as_ref(),
        &anything(PolicyKind::Repository),
    ));
    if old.boundary.is_some() && new.boundary.is_none() && old.not_principal_deny {
        reasons.push(unproven(
            Layer::PermissionsBoundary,
            "OLD's boundary makes a NotPrincipal Deny of OLD's repository policy deny everyone, \
             and NEW has no boundary",
        ));
    }
    confirm(reasons, named_principals(&[old, new]), |w| {
        new.allows(w) && !old.allows(w)
    })
}

const FULL: Mode = Mode {
    allows: true,
    every_deny: true,
};

/// The reasons one layer of NEW may grant more than OLD's.
fn pair(layer: Layer, old: &LayerGrants, new: &LayerGrants, mode: Mode) -> Vec<Reason> {
    if old.mixed_versions || new.mixed_versions {
        return vec![unproven(
            layer,
            "its policies differ in Version (policy variables are read in one and not in another)",
        )];
    }
    compare(&old.grants, &new.grants, mode)
        .reasons
        .into_iter()
        .map(|r| in_layer(layer, r))
        .collect()
}

/// The reasons a restricting layer of NEW may restrict less than OLD's.
fn restricting(
    layer: Layer,
    old: Option<&LayerGrants>,
    new: Option<&LayerGrants>,
    everything: &Result<LayerGrants, CheckError>,
) -> Vec<Reason> {
    match (old, new, everything) {
        // NEW adds a restriction: it only narrows.
        (None, _, _) => Vec::new(),
        (Some(old), Some(new), _) => pair(layer, old, new, FULL),
        // NEW lifts the restriction: as if it allowed everything.
        (Some(old), None, Ok(everything)) => pair(layer, old, everything, FULL),
        // Fail closed: "everything" is a constant policy, which reads the same way every time.
        (Some(_), None, Err(error)) => vec![unproven(layer, &error.to_string())],
    }
}

/// Whether the policy set can allow any of `actions` on any of `resources` (all resources when
/// empty): [`access_not_granted`](super::access_not_granted) over the identity policies and the
/// repository policy, the only layers that grant (the others only narrow what they grant). A PASS
/// is proven by those two; a FAIL needs a witness that the layered evaluator allows, else FAIL
/// (could not prove).
///
/// ```
/// use ecr_actions::check::{self, PolicySet, Verdict};
/// use ecr_actions::policy::PolicyDocument;
/// let identity = [PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#)?];
/// let scp = [PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": [
///     {"Effect": "Allow", "Action": "*", "Resource": "*"},
///     {"Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "*"}]}"#)?];
/// let delete = ["ecr:DeleteRepository".parse()?];
/// let open = PolicySet::builder().identity(&identity).build()?;
/// assert_eq!(check::access_not_granted_set(&open, &delete, &[]).verdict, Verdict::Fail);
/// // The SCP denies it, but the check proves only what the granting layers can't allow.
/// let fenced = PolicySet::builder().identity(&identity).scp_level(&scp).build()?;
/// assert_eq!(check::access_not_granted_set(&fenced, &delete, &[]).verdict, Verdict::Unproven);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn access_not_granted_set(
    set: &PolicySet,
    actions: &[ActionPattern],
    resources: &[ArnPattern],
) -> CheckResult {
    let mut reasons = Vec::new();
    for (layer, grants) in [
        (Layer::Identity, &set.identity),
        (Layer::Repository, &set.repository),
    ] {
        if grants.mixed_versions {
            reasons.push(unproven(
                layer,
                "its policies differ in Version (policy variables are read in one and not in another)",
            ));
            continue;
        }
        let result = access_not_granted(&grants.grants, actions, resources);
        reasons.extend(result.reasons.into_iter().map(|r| in_layer(layer, r)));
    }
    let listed = |w: &Witness| {
        let resource = w.resource.as_ref().map_or("*", |r| r.as_str());
        resources.is_empty() || resources.iter().any(|p| p.matches(resource))
    };
    confirm(reasons, named_principals(&[set]), |w| {
        set.allows(w) && listed(w)
    })
}
