//! Witnesses for a policy set: a layer's witness, or a variant of it, kept only if the layered
//! evaluators confirm it.

use super::PolicySet;
use crate::ActionSet;
use crate::RepositoryArn;
use crate::check::grants::{PrincipalName, PrincipalSet};
use crate::check::witness::{CallerIdentity, Witness};
use crate::check::{CheckResult, Evidence, Reason};
use crate::eval::Context;

/// The most requests [`confirm`] tries for one reason whose own witness the set does not confirm.
const MAX_VARIANTS: usize = 1024;

/// Principals to try witnesses with: those the repository policies name (a role, a user; a user
/// of a named account).
pub(super) fn named_principals(sets: &[&PolicySet]) -> Vec<String> {
    let mut principals: Vec<String> = Vec::new();
    for set in sets {
        for grant in set.repository.grants.statements() {
            let (PrincipalSet::Named(names) | PrincipalSet::AllExcept(names)) = &grant.principals
            else {
                continue;
            };
            for name in names {
                let principal = match name {
                    PrincipalName::Anyone => continue,
                    PrincipalName::Account(account) => {
                        format!("arn:aws:iam::{account}:user/witness")
                    }
                    PrincipalName::Role { arn, .. } => arn.clone(),
                    PrincipalName::Exact(text) if text.starts_with("arn:") => text.clone(),
                    PrincipalName::Exact(_) => continue,
                };
                if !principals.contains(&principal) {
                    principals.push(principal);
                }
            }
        }
    }
    principals
}

/// The reasons, each witness kept only if `separates` (the layered evaluators) confirms it, or a
/// variant of it: one of the reason's actions, with a principal of any layer's witness, one the
/// repository policies name or a user of a witness's repository account, and the resource and
/// context of any layer's witness (at most [`MAX_VARIANTS`] requests). Any other proof becomes
/// "could not prove": a layer alone granting more is not the whole set.
pub(super) fn confirm(
    reasons: Vec<Reason>,
    named: Vec<String>,
    separates: impl Fn(&Witness) -> bool,
) -> CheckResult {
    let pool: Vec<Witness> = reasons
        .iter()
        .filter_map(|r| match &r.evidence {
            Evidence::Witness(w) => Some(w.clone()),
            _ => None,
        })
        .collect();
    let mut principals: Vec<String> = pool.iter().map(|w| w.principal.clone()).collect();
    principals.extend(named);
    principals.extend(pool.iter().filter_map(|w| {
        w.resource
            .as_ref()
            .map(|r| format!("arn:aws:iam::{}:user/witness", r.account()))
    }));
    principals.dedup();
    // The witnesses' resources and contexts, and `*` and an empty context besides.
    let resources: Vec<Option<RepositoryArn>> = pool
        .iter()
        .map(|w| w.resource.clone())
        .chain([None])
        .collect();
    let contexts: Vec<Context> = pool
        .iter()
        .map(|w| w.context.clone())
        .chain([Context::new()])
        .collect();
    let variant = |reason: &Reason, w: &Witness| -> Option<Witness> {
        let actions = reason
            .access
            .as_ref()
            .map_or(ActionSet::EMPTY, |a| a.actions)
            .union(ActionSet::from_iter([w.action]));
        let mut tried = 0;
        for action in actions.iter() {
            for principal in &principals {
                for resource in &resources {
                    for context in &contexts {
                        if tried == MAX_VARIANTS {
                            return None;
                        }
                        tried += 1;
                        let candidate = Witness {
                            principal: principal.clone(),
                            action,
                            resource: resource.clone(),
                            context: context.clone(),
                            identity: CallerIdentity::Checked,
                        };
                        if separates(&candidate) {
                            return Some(candidate);
                        }
                    }
                }
            }
        }
        None
    };
    let reasons = reasons
        .into_iter()
        .map(|reason| {
            let evidence = match &reason.evidence {
                Evidence::Witness(w) => {
                    let w = Witness {
                        identity: CallerIdentity::Checked,
                        ..w.clone()
                    };
                    if separates(&w) {
                        Evidence::Witness(w)
                    } else if let Some(found) = variant(&reason, &w) {
                        Evidence::Witness(found)
                    } else {
                        Evidence::CouldNotProve(format!(
                            "the layer alone grants more ({w}), but the whole set was not shown to"
                        ))
                    }
                }
                Evidence::OtherService { action } => Evidence::CouldNotProve(format!(
                    "the layer grants {action} (another service's action, which the evaluator \
                     does not decide: another layer may block it)"
                )),
                Evidence::AsWritten => {
                    Evidence::CouldNotProve("the layer breaks the rule as written".to_owned())
                }
                Evidence::CouldNotProve(why) => Evidence::CouldNotProve(why.clone()),
            };
            Reason { evidence, ..reason }
        })
        .collect();
    CheckResult::from_reasons(reasons)
}
