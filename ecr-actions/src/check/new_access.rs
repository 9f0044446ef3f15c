//! `no_new_access`: every request NEW allows, OLD allows too.
//!
//! A request NEW allows matches an Allow statement `A` of NEW and no Deny of NEW. It is allowed by
//! OLD if (1) an Allow of OLD covers it and (2) no Deny of OLD matches it. The check proves both,
//! statement by statement:
//!
//! 1. For each action of `A` (less those a Deny of NEW removes: a Deny whose principals, resources
//!    and conditions include `A`'s), some Allow `B` of OLD holds the action, includes `A`'s
//!    principals with the same standing, `A`'s conditions imply `B`'s, and `B`'s resources include
//!    the resource pattern of `A` (pattern by pattern: different patterns may be covered by
//!    different statements).
//! 2. For each Deny `D` of OLD that may meet `A` (shared actions, resources not proven disjoint),
//!    a Deny of NEW includes `D` for those actions. For a repository policy every Deny of OLD must
//!    stay, whatever NEW allows: the caller's identity policies may allow what it denied.
//!
//! Whatever is not proven is searched for a witness (a request NEW allows and OLD does not, as the
//! evaluator decides): found, a proven FAIL; not found, FAIL (could not prove).

use super::condition::implies_all;
use super::cover::{
    others_contain, others_included, others_may_overlap, pattern_included, principals_included,
    resources_included, resources_may_overlap,
};
use super::grants::{Grant, Grants, OtherActions, PolicyKind, PrincipalName, PrincipalSet};
use super::witness::{self, CallerIdentity, Witness};
use super::{Access, CheckResult, Evidence, Finding, Reason};
use crate::ActionSet;
use crate::policy::Effect;

/// Whether every request NEW allows is also allowed by OLD (see the [module docs](super) for what
/// is exact). Both must be policies of the same kind; for repository policies, whatever the
/// caller's identity policies are.
///
/// ```
/// use ecr_actions::check::{self, Grants, Verdict};
/// use ecr_actions::policy::PolicyDocument;
/// let read = |resource: &str| -> Result<Grants, Box<dyn std::error::Error>> {
///     Ok(Grants::new(&PolicyDocument::from_json(&format!(r#"{{"Version": "2012-10-17",
///         "Statement": {{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "{resource}"}}}}"#))?)?)
/// };
/// let old = read("arn:aws:ecr:*:*:repository/*")?;
/// let new = read("arn:aws:ecr:*:111122223333:repository/app/*")?;
/// assert_eq!(check::no_new_access(&old, &new).verdict, Verdict::Pass);
/// assert_eq!(check::no_new_access(&new, &old).verdict, Verdict::Fail);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn no_new_access(old: &Grants, new: &Grants) -> CheckResult {
    if old.kind() != new.kind() {
        return CheckResult::from_reasons(vec![Reason {
            finding: Finding::KindMismatch {
                old: old.kind(),
                new: new.kind(),
            },
            statement: None,
            access: None,
            evidence: Evidence::CouldNotProve(
                "an identity policy and a repository policy grant in different ways".to_owned(),
            ),
        }]);
    }
    let every_deny = new.kind() == PolicyKind::Repository;
    compare(
        old,
        new,
        Mode {
            allows: true,
            every_deny,
        },
    )
}

/// What [`compare`] proves of one pair of policies of the same kind.
#[derive(Clone, Copy, Debug)]
pub(super) struct Mode {
    /// Whether NEW's Allow statements must be covered by OLD's (not for RCPs, whose only Allow
    /// is `RCPFullAWSAccess`, implied at every level).
    pub(super) allows: bool,
    /// Whether every Deny of OLD must stay in NEW, or only those that may meet an Allow of NEW
    /// (enough for a policy that alone decides; not when other layers may allow what it denied).
    pub(super) every_deny: bool,
}

/// The comparison behind [`no_new_access`]: a PASS proves that NEW's Allows are covered by OLD's
/// (when `mode.allows`) and OLD's Denies by NEW's (every one with `mode.every_deny`), which is
/// what a layer of a policy set needs (see `set.rs`). `old` and `new` are of the same kind.
pub(super) fn compare(old: &Grants, new: &Grants, mode: Mode) -> CheckResult {
    let kind = new.kind();
    let separates = |w: &Witness| allowed(new, w) && !allowed(old, w);
    let mut reasons = Vec::new();
    let allows = new.allows().filter(|_| mode.allows);
    for a in allows {
        let removed = new
            .denies()
            .filter(|d| includes(a, d, Effect::Deny))
            .fold(ActionSet::EMPTY, |s, d| s.union(d.actions));
        let need = a.actions.difference(removed);
        let covered = covered_actions(a, need, old);
        let uncovered = need.difference(covered);
        if !uncovered.is_empty() {
            let hints = hints(old.allows(), uncovered);
            let evidence = match witness::search(kind, a, None, &hints, uncovered, separates) {
                Some(w) => Evidence::Witness(w),
                None => Evidence::CouldNotProve(explain(a, uncovered, old)),
            };
            reasons.push(reason(
                Finding::NewAccess,
                a,
                uncovered,
                OtherActions::None,
                evidence,
            ));
        }
        if !a.other_actions.is_none()
            && !new.denies().any(|d| {
                includes(a, d, Effect::Deny) && others_included(&a.other_actions, &d.other_actions)
            })
            && !old.allows().any(|b| {
                includes(a, b, Effect::Allow) && others_included(&a.other_actions, &b.other_actions)
            })
        {
            let evidence = other_service_witness(a, old, new).map_or_else(
                || {
                    Evidence::CouldNotProve(
                        "no statement of OLD is shown to cover its actions of other services"
                            .to_owned(),
                    )
                },
                |action| Evidence::OtherService { action },
            );
            let others = a.other_actions.clone();
            reasons.push(reason(
                Finding::NewAccess,
                a,
                ActionSet::EMPTY,
                others,
                evidence,
            ));
        }
        if !mode.every_deny {
            for d in old.denies() {
                if !resources_may_overlap(&a.resources, &d.resources) {
                    continue;
                }
                let left = need
                    .intersection(covered)
                    .intersection(d.actions)
                    .difference(kept(d, new));
                let finding = Finding::DenyRemoved {
                    old_statement: d.statement.clone(),
                };
                if !left.is_empty() {
                    let hints = hints(new.denies(), left);
                    let evidence = match witness::search(kind, a, Some(d), &hints, left, separates)
                    {
                        Some(w) => Evidence::Witness(w),
                        None => Evidence::CouldNotProve(format!(
                            "OLD {} denies part of it, and no Deny of NEW is shown to include it",
                            d.statement
                        )),
                    };
                    reasons.push(reason(
                        finding.clone(),
                        a,
                        left,
                        OtherActions::None,
                        evidence,
                    ));
                }
                if others_may_overlap(&a.other_actions, &d.other_actions) && !others_kept(d, new) {
                    let evidence = Evidence::CouldNotProve(format!(
                        "OLD {} denies actions of other services, and no Deny of NEW is shown to include it",
                        d.statement
                    ));
                    let others = d.other_actions.clone();
                    reasons.push(reason(finding, a, ActionSet::EMPTY, others, evidence));
                }
            }
        }
    }
    if mode.every_deny {
        // "Whatever the caller's identity policies are": any request not denied may be allowed by
        // them, so every Deny of OLD must stay.
        for d in old.denies() {
            let left = d.actions.difference(kept(d, new));
            let finding = Finding::DenyRemoved {
                old_statement: d.statement.clone(),
            };
            if !left.is_empty() {
                let hints = hints(new.denies(), left);
                let evidence = match witness::search(kind, d, None, &hints, left, separates) {
                    Some(w) => Evidence::Witness(w),
                    None => Evidence::CouldNotProve(
                        "no Deny of NEW is shown to include this Deny of OLD".to_owned(),
                    ),
                };
                let mut r = reason(finding.clone(), d, left, OtherActions::None, evidence);
                r.statement = None;
                reasons.push(r);
            }
            if !d.other_actions.is_none() && !others_kept(d, new) {
                let evidence = Evidence::CouldNotProve(
                    "no Deny of NEW is shown to include this Deny of OLD's actions of other services"
                        .to_owned(),
                );
                let mut r = reason(
                    finding,
                    d,
                    ActionSet::EMPTY,
                    d.other_actions.clone(),
                    evidence,
                );
                r.statement = None;
                reasons.push(r);
            }
        }
    }
    CheckResult::from_reasons(reasons)
}

/// The resource patterns of `statements` that hold some of `actions`.
fn hints<'g>(statements: impl Iterator<Item = &'g Grant>, actions: ActionSet) -> Vec<&'g str> {
    statements
        .filter(|g| !g.actions.is_disjoint(&actions))
        .flat_map(|g| g.resources.patterns.iter().map(|p| p.pattern.as_str()))
        .collect()
}

fn reason(
    finding: Finding,
    grant: &Grant,
    actions: ActionSet,
    others: OtherActions,
    evidence: Evidence,
) -> Reason {
    Reason {
        finding,
        statement: Some(grant.statement.clone()),
        access: Some(Access::of(grant, actions, others)),
        evidence,
    }
}

/// Whether the evaluator allows the witness request under `grants`.
pub(super) fn allowed(grants: &Grants, w: &Witness) -> bool {
    let evaluator = match w.identity {
        CallerIdentity::AllowsEverything => grants.with_any_identity.as_ref(),
        CallerIdentity::Checked | CallerIdentity::NoPolicy => Some(&grants.evaluator),
    };
    evaluator.is_some_and(|e| e.evaluate(&w.request()).is_allowed())
}

/// Whether `b` applies to every request `a` applies to (actions aside).
pub(super) fn includes(a: &Grant, b: &Grant, b_effect: Effect) -> bool {
    principals_included(&a.principals, &b.principals, b_effect)
        && implies_all(&a.conditions, &b.conditions)
        && resources_included(&a.resources, &b.resources)
}

/// The actions of `need` that Allows of OLD cover for every request `a` applies to.
fn covered_actions(a: &Grant, need: ActionSet, old: &Grants) -> ActionSet {
    let candidates: Vec<&Grant> = old
        .allows()
        .filter(|b| !b.actions.intersection(need).is_empty())
        .filter(|b| {
            principals_included(&a.principals, &b.principals, Effect::Allow)
                && implies_all(&a.conditions, &b.conditions)
        })
        .collect();
    if a.resources.negated {
        return candidates
            .iter()
            .filter(|b| resources_included(&a.resources, &b.resources))
            .fold(ActionSet::EMPTY, |s, b| s.union(b.actions));
    }
    let mut covered = need;
    for p in &a.resources.patterns {
        // The statements most like the pattern first (the longest common prefix): the one that
        // covers it is usually found first, and the rest are not needed.
        let mut ranked: Vec<(usize, &Grant)> = candidates
            .iter()
            .map(|b| {
                let likeness = b
                    .resources
                    .patterns
                    .iter()
                    .map(|q| common_prefix(q.pattern.as_str(), p.pattern.as_str()))
                    .max()
                    .unwrap_or(0);
                (likeness, *b)
            })
            .collect();
        ranked.sort_by_key(|(likeness, _)| core::cmp::Reverse(*likeness));
        let mut for_p = ActionSet::EMPTY;
        for (_, b) in ranked {
            if covered.is_subset(&for_p) {
                break;
            }
            if b.actions.intersection(covered).is_subset(&for_p) {
                continue;
            }
            if pattern_included(p, &b.resources) {
                for_p = for_p.union(b.actions);
            }
        }
        covered = covered.intersection(for_p);
        if covered.is_empty() {
            break;
        }
    }
    covered
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// The actions of OLD's Deny `d` that Denies of NEW keep denying wherever `d` does.
fn kept(d: &Grant, new: &Grants) -> ActionSet {
    new.denies()
        .filter(|e| !e.actions.intersection(d.actions).is_empty() && includes(d, e, Effect::Deny))
        .fold(ActionSet::EMPTY, |s, e| s.union(e.actions))
}

fn others_kept(d: &Grant, new: &Grants) -> bool {
    d.other_actions.is_none()
        || new.denies().any(|e| {
            includes(d, e, Effect::Deny) && others_included(&d.other_actions, &e.other_actions)
        })
}

/// Why the actions are not shown to be covered: what each Allow of OLD that holds some of them
/// lacks.
fn explain(a: &Grant, actions: ActionSet, old: &Grants) -> String {
    let mut parts = Vec::new();
    for b in old.allows().filter(|b| !b.actions.is_disjoint(&actions)) {
        let lacks = if !principals_included(&a.principals, &b.principals, Effect::Allow) {
            "its principals do not include NEW's with the same standing"
        } else if !implies_all(&a.conditions, &b.conditions) {
            "NEW's conditions are not shown to imply its conditions"
        } else {
            "its resources are not shown to include NEW's"
        };
        parts.push(format!("OLD {}: {lacks}", b.statement));
    }
    if parts.is_empty() {
        "no Allow of OLD holds these actions".to_owned()
    } else {
        parts.join("; ")
    }
}

/// An action of another service that `a` grants without condition, in a way the evaluator's rules
/// make allowed, that no Allow of OLD names and no Deny of NEW names: new access for certain.
fn other_service_witness(a: &Grant, old: &Grants, new: &Grants) -> Option<String> {
    let direct = match &a.principals {
        PrincipalSet::Identity => true,
        PrincipalSet::Named(names) => names
            .iter()
            .any(|n| !matches!(n, PrincipalName::Account(_))),
        PrincipalSet::AllExcept(_) => false,
    };
    if !a.conditions.is_empty()
        || !direct
        || a.resources.negated
        || a.resources.patterns.is_empty()
        || a.resources.patterns.iter().any(|p| p.variables)
    {
        return None;
    }
    let mut candidates: Vec<String> = match &a.other_actions {
        OtherActions::Named(patterns) => patterns
            .iter()
            .filter(|p| p.as_str().contains(':'))
            .map(|p| p.as_str().replace(['*', '?'], "x"))
            .collect(),
        OtherActions::AllExcept(_) | OtherActions::None => Vec::new(),
    };
    candidates.extend(["s3:GetObject", "sts:AssumeRole", "iam:PassRole"].map(str::to_owned));
    candidates.into_iter().find(|action| {
        !action.to_ascii_lowercase().starts_with("ecr:")
            && others_contain(&a.other_actions, action)
            && !old
                .allows()
                .any(|b| others_contain(&b.other_actions, action))
            && !new
                .denies()
                .any(|d| others_contain(&d.other_actions, action))
    })
}
