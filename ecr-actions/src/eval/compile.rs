//! Policies → compiled statements: each statement's ECR actions as a set, its principals, its
//! resource patterns and its conditions parsed once. What AWS would refuse is refused here, with
//! where it is: nothing in a policy is silently ignored.

use thiserror::Error;

use super::condition::{Condition, ConditionError, Env};
use super::decision::{Outcome, PolicyId, StatementId};
use super::principal::{CompiledPrincipal, PrincipalMatch};
use super::request::Request;
use super::variables::{Flavor, GlobCache, Scratch, Template};
use crate::policy::{ConditionOperator, Effect, PolicyDocument, Statement, Version};
use crate::{ActionSet, ArnPattern};

/// Why [`Evaluator::new`](super::Evaluator::new) refused the policy set it was given: the first part
/// of a policy that AWS would refuse, with where it is. (Named for what happened — the set of
/// policies was refused — not for how: nothing here is a compile-time error of Rust.)
///
/// ```
/// use ecr_actions::eval::{Evaluator, PolicySetError};
/// use ecr_actions::policy::PolicyDocument;
/// let policy = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": "ecr:*", "Resource": "*",
///      "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}}}}"#)?;
/// let error = Evaluator::new(&[policy], None).unwrap_err();
/// assert!(matches!(error, PolicySetError::InvalidConditionValue { .. }));
/// assert_eq!(
///     error.to_string(),
///     "identity policy 0, statement 0: `IpAddress` on `aws:SourceIp`: `203.0.113.0/33` is not \
///      an IPv4 or IPv6 address or CIDR block such as `203.0.113.0/24`"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PolicySetError {
    /// A statement of a policy that names no principal (an identity policy, a permissions
    /// boundary, a session policy, an SCP) has `Principal` or `NotPrincipal`.
    #[error(
        "{at}: this policy applies to the identity or account it is attached to: remove `{element}`"
    )]
    PrincipalInIdentityPolicy {
        /// Where.
        at: StatementId,
        /// `Principal` or `NotPrincipal`.
        element: &'static str,
    },
    /// A statement of a policy that names no principal (an identity policy, a permissions
    /// boundary, a session policy, an SCP) has neither `Resource` nor `NotResource`.
    #[error(
        "{at}: missing `Resource`: a statement of this policy names its resources in `Resource` \
         or `NotResource`, e.g. `\"Resource\": \"*\"`"
    )]
    MissingResource {
        /// Where.
        at: StatementId,
    },
    /// A statement of a policy that names principals (a repository policy, an RCP, a VPC endpoint
    /// policy) has neither `Principal` nor `NotPrincipal`.
    #[error(
        "{at}: missing `Principal`: a statement of this policy names whom it applies to, e.g. \
         `\"Principal\": {{\"AWS\": \"arn:aws:iam::111122223333:root\"}}`"
    )]
    MissingPrincipal {
        /// Where.
        at: StatementId,
    },
    /// A policy of a layer breaks a rule AWS enforces for policies of its type
    /// ([`PolicyType::validate`](crate::policy::PolicyType::validate)): an SCP with a `Principal`,
    /// an RCP with an `Allow`, a session policy over 2,048 characters…
    #[error("{policy}: {error}")]
    InvalidForType {
        /// Which policy: its layer, level and index.
        policy: PolicyId,
        /// The rules it breaks, with their paths (boxed: a refusal is rare, and keeps every `Result` small).
        error: Box<crate::policy::PolicyTypeError>,
    },
    /// An `Action`/`NotAction` entry that is not an action pattern.
    #[error("{at}: `{text}` is not an action: {reason}")]
    InvalidAction {
        /// Where.
        at: StatementId,
        /// The entry.
        text: String,
        /// Why.
        reason: String,
    },
    /// A `Resource`/`NotResource` entry that is not an ARN pattern.
    #[error("{at}: `{text}` is not a resource: {reason}")]
    InvalidResource {
        /// Where.
        at: StatementId,
        /// The entry.
        text: String,
        /// Why.
        reason: String,
    },
    /// A `Principal`/`NotPrincipal` entry AWS does not accept.
    #[error("{at}: `{text}` is not a principal: {reason}")]
    InvalidPrincipal {
        /// Where.
        at: StatementId,
        /// The entry.
        text: String,
        /// Why.
        reason: &'static str,
    },
    /// A condition value the operator cannot read.
    #[error("{at}: `{operator}` on `{key}`: `{value}` is not {expected}")]
    InvalidConditionValue {
        /// Where.
        at: StatementId,
        /// The operator.
        operator: ConditionOperator,
        /// The key as written.
        key: String,
        /// The value.
        value: String,
        /// What the operator reads.
        expected: &'static str,
    },
    /// An operator used in a way AWS refuses.
    #[error("{at}: `{operator}`: {reason}")]
    InvalidOperator {
        /// Where.
        at: StatementId,
        /// The operator.
        operator: ConditionOperator,
        /// Why.
        reason: &'static str,
    },
    /// A malformed policy variable.
    #[error("{at}: {reason}")]
    InvalidVariable {
        /// Where.
        at: StatementId,
        /// Why.
        reason: String,
    },
}

/// One `Resource`/`NotResource` entry: an ARN pattern, or one with variables.
#[derive(Clone, Debug)]
enum ResourceItem {
    Static(ArnPattern),
    Dynamic(Template),
}

#[derive(Clone, Debug)]
struct Resources {
    negated: bool,
    items: Vec<ResourceItem>,
}

/// A statement ready to evaluate.
#[derive(Clone, Debug)]
pub(crate) struct Compiled {
    pub(crate) id: StatementId,
    pub(crate) effect: Effect,
    /// The ECR actions it covers (`NotAction` already complemented).
    actions: ActionSet,
    /// `None` for identity policies.
    principal: Option<CompiledPrincipal>,
    /// `None` for a repository policy statement without `Resource` (the repository itself), and
    /// for a `Resource` that holds `*`: every resource.
    resources: Option<Resources>,
    conditions: Vec<Condition>,
}

/// How one statement fared, without allocating.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Check<'s> {
    Matched(PrincipalMatch),
    Action,
    Principal,
    Resource,
    /// The first condition that does not hold (a reference, not an index: the explanation then
    /// needs no fallback for an index out of range).
    Condition(&'s Condition),
}

impl Resources {
    /// Whether the statement applies to `resource` by its `Resource`/`NotResource` element.
    ///
    /// IAM User Guide, "IAM policy elements: Variables and tags": "If AWS cannot resolve a variable
    /// this might cause the entire statement to be invalid." An entry whose variable has no value
    /// names nothing; for `NotResource` that would make the statement apply to the resource, so an
    /// unresolved entry there decides by the effect, failing closed: an `Allow` does not apply (an
    /// entry that cannot be read never widens an Allow), a `Deny` does (it is never dropped because a
    /// key is missing).
    fn apply(&self, resource: &str, effect: Effect, env: &Env<'_>) -> bool {
        let mut unresolved = false;
        for item in &self.items {
            let named = match item {
                ResourceItem::Static(pattern) => pattern.matches(resource),
                ResourceItem::Dynamic(template) => {
                    template.matches_like(env.context, resource, Flavor::Arn, env.cache) || {
                        // Only `NotResource` needs to tell "no value" from "no match".
                        unresolved |=
                            self.negated && !template.render(env.context, &mut Scratch::new());
                        false
                    }
                }
            };
            if named {
                return !self.negated;
            }
        }
        if self.negated && unresolved {
            return effect == Effect::Deny;
        }
        self.negated
    }
}

impl Compiled {
    /// Applies the rule of the IAM User Guide's "Permissions boundaries for IAM entities"
    /// ("Important"): "The `NotPrincipal` element with a `Deny` effect will always deny any IAM
    /// principal that has a permissions boundary policy attached, regardless of the values
    /// specified in the `NotPrincipal` element." The evaluator calls it on the repository policy's
    /// statements when the principal has a boundary: such a statement then names everyone.
    pub(crate) fn deny_not_principal_to_everyone(&mut self) {
        if self.effect == Effect::Deny
            && let Some(principal) = &mut self.principal
        {
            principal.deny_everyone_if_negated();
        }
    }

    /// Evaluates the statement: action, principal, resource, conditions, cheapest first.
    pub(crate) fn check(&self, request: &Request<'_>, cache: &GlobCache) -> Check<'_> {
        if !self.actions.contains(request.action) {
            return Check::Action;
        }
        let principal = match &self.principal {
            None => PrincipalMatch::Direct,
            Some(principal) => match principal.matches(&request.principal, self.effect) {
                PrincipalMatch::None => return Check::Principal,
                matched => matched,
            },
        };
        let env = Env {
            context: request.context,
            cache,
        };
        if let Some(resources) = &self.resources
            && !resources.apply(request.resource.as_str(), self.effect, &env)
        {
            return Check::Resource;
        }
        if let Some(condition) = self.conditions.iter().find(|c| !c.holds(&env)) {
            return Check::Condition(condition);
        }
        Check::Matched(principal)
    }

    /// The outcome of `check` as an explanation shows it.
    pub(crate) fn outcome(check: Check<'_>) -> Outcome {
        match check {
            Check::Matched(principal) => Outcome::Matched { principal },
            Check::Action => Outcome::ActionNotMatched,
            Check::Principal => Outcome::PrincipalNotMatched,
            Check::Resource => Outcome::ResourceNotMatched,
            Check::Condition(condition) => Outcome::ConditionNotMet {
                operator: condition.operator.to_string(),
                key: condition.key.to_string(),
            },
        }
    }
}

/// Compiles every statement of `policy`.
pub(crate) fn policy(
    document: &PolicyDocument,
    id: PolicyId,
    out: &mut Vec<Compiled>,
) -> Result<(), PolicySetError> {
    // "Version": policy variables are read only under 2012-10-17; without a Version IAM reads
    // 2008-10-17, where `${…}` is literal text (IAM User Guide, "IAM JSON policy elements: Version").
    let substitute = document.version == Some(Version::V2012_10_17);
    for (index, statement) in document.statements.iter().enumerate() {
        let at = StatementId {
            policy: id,
            index,
            sid: statement.sid.clone(),
        };
        out.push(compile(statement, at, substitute)?);
    }
    Ok(())
}

fn compile(
    statement: &Statement,
    at: StatementId,
    substitute: bool,
) -> Result<Compiled, PolicySetError> {
    // Identity policies, boundaries, session policies and SCPs apply to the principal they are
    // attached to (or to its account): they name no principal. Repository policies, RCPs and
    // endpoint policies name the principals they apply to.
    let is_identity = !matches!(
        at.policy,
        PolicyId::Resource | PolicyId::ResourceControl { .. } | PolicyId::VpcEndpoint
    );
    let principal = match (&statement.principal, is_identity) {
        (Some(clause), true) => {
            return Err(PolicySetError::PrincipalInIdentityPolicy {
                at,
                element: if clause.negated {
                    "NotPrincipal"
                } else {
                    "Principal"
                },
            });
        }
        (None, true) => None,
        (None, false) => return Err(PolicySetError::MissingPrincipal { at }),
        (Some(clause), false) => Some(CompiledPrincipal::compile(clause).map_err(
            |(text, reason)| PolicySetError::InvalidPrincipal {
                at: at.clone(),
                text,
                reason,
            },
        )?),
    };
    for item in &statement.action.items {
        if let Err(error) = item.pattern() {
            return Err(PolicySetError::InvalidAction {
                at,
                text: item.as_str().to_owned(),
                reason: error.to_string(),
            });
        }
    }
    let actions = statement.action.covered();
    let resources = match &statement.resource {
        None if is_identity => return Err(PolicySetError::MissingResource { at }),
        None => None,
        Some(clause) => {
            let mut items = Vec::with_capacity(clause.items.len());
            for item in &clause.items {
                let invalid = |reason: String| PolicySetError::InvalidResource {
                    at: at.clone(),
                    text: item.as_str().to_owned(),
                    reason,
                };
                let pattern = item.pattern().map_err(|e| invalid(e.to_string()))?;
                let template = Template::parse(item.as_str(), substitute).map_err(&invalid)?;
                items.push(match template.plain() {
                    Some(_) => ResourceItem::Static(pattern.clone()),
                    None => ResourceItem::Dynamic(template),
                });
            }
            // `"Resource": "*"` (the guardrails' usual form: FullAWSAccess, boundaries) names every
            // resource: no pattern to match per request.
            let any = !clause.negated
                && items
                    .iter()
                    .any(|item| matches!(item, ResourceItem::Static(pattern) if pattern.is_any()));
            (!any).then_some(Resources {
                negated: clause.negated,
                items,
            })
        }
    };
    let mut conditions = Vec::new();
    if let Some(block) = &statement.condition {
        for (operator, key, values) in block.iter() {
            let condition = Condition::compile(*operator, key, values, substitute).map_err(
                |error| match error {
                    ConditionError::Value(value, expected) => {
                        PolicySetError::InvalidConditionValue {
                            at: at.clone(),
                            operator: *operator,
                            key: key.to_owned(),
                            value,
                            expected,
                        }
                    }
                    ConditionError::Variable(reason) => PolicySetError::InvalidVariable {
                        at: at.clone(),
                        reason,
                    },
                    ConditionError::Operator(reason) => PolicySetError::InvalidOperator {
                        at: at.clone(),
                        operator: *operator,
                        reason,
                    },
                },
            )?;
            conditions.push(condition);
        }
    }
    Ok(Compiled {
        id: at,
        effect: statement.effect,
        actions,
        principal,
        resources,
        conditions,
    })
}
