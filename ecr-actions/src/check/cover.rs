//! Inclusion of one statement's reach in another's, dimension by dimension: principals, resources,
//! other services' actions. Each answer is `true` only when proven; `false` means "not proven"
//! (not included, or not decided within the bounds), which the checks turn into a FAIL.

use ecr_actions_pattern::{Glob, Inclusion, Overlap};

use super::grants::{OtherActions, PrincipalName, PrincipalSet, ResourcePattern, ResourceSet};
use crate::ActionPattern;
use crate::policy::Effect;

/// A request's resource is a repository ARN (six parts: five colons) or `*`: patterns are compared
/// over those texts only, where a segment's final `*` cannot reach into another segment's place.
const ARN_COLONS: usize = 5;
/// An action name is `service:action`: one colon.
const ACTION_COLONS: usize = 1;

/// Whether every resource text `p` matches, one of `qs` matches.
fn resource_included(p: &Glob, qs: &[&Glob]) -> bool {
    p.is_included_in_with_colons(qs, ARN_COLONS) == Inclusion::Included
        && (!p.is_match("*") || qs.iter().any(|q| q.is_match("*")))
}

/// Whether no resource text matches both.
fn resources_disjoint(p: &Glob, q: &Glob) -> bool {
    p.overlap_with_colons(q, ARN_COLONS) == Overlap::Disjoint
        && !(p.is_match("*") && q.is_match("*"))
}

/// Whether every principal `a` applies to, `b` applies to as well — for a `b` that allows, with at
/// least the same standing: a principal `a` allows by itself (`*`, its ARN, its role) must be allowed
/// by itself in `b`, not only through its account (in the repository's own account, an account
/// principal only delegates to identity policies; a role named instead needs none).
pub(super) fn principals_included(a: &PrincipalSet, b: &PrincipalSet, b_effect: Effect) -> bool {
    match (a, b) {
        (PrincipalSet::Identity, PrincipalSet::Identity) => true,
        (_, PrincipalSet::Named(bs)) if bs.contains(&PrincipalName::Anyone) => true,
        (PrincipalSet::Named(as_), PrincipalSet::Named(bs)) => as_
            .iter()
            .all(|a| bs.iter().any(|b| name_included(a, b, b_effect))),
        // `NotPrincipal` on both sides: `b` excepts no principal `a` does not (the guide reads each
        // link of a principal's chain; fewer names except fewer principals, for Allow and Deny).
        (PrincipalSet::AllExcept(as_), PrincipalSet::AllExcept(bs)) => {
            bs.iter().all(|b| as_.contains(b))
        }
        _ => false,
    }
}

fn name_included(a: &PrincipalName, b: &PrincipalName, b_effect: Effect) -> bool {
    if a == b || *b == PrincipalName::Anyone {
        return true;
    }
    // A Deny (or the question "is everyone this Allow reaches denied") that names an account covers
    // everyone in it: "a Deny that names an account denies everyone in it" (evaluator docs).
    match (b, b_effect) {
        (PrincipalName::Account(account), Effect::Deny) => a.account() == Some(account.as_str()),
        _ => false,
    }
}

/// Whether resource pattern `p` matches only resources `b` applies to.
pub(super) fn pattern_included(p: &ResourcePattern, b: &ResourceSet) -> bool {
    if p.variables {
        // Its resources depend on the request: only the same text, or `*`, is known to cover it.
        return !b.negated
            && b.patterns
                .iter()
                .any(|q| q.pattern.is_any() || (q.variables && q.pattern == p.pattern));
    }
    let glob = p.glob();
    if b.negated {
        // Every resource of `p` is outside every `NotResource` pattern of `b`.
        return b
            .patterns
            .iter()
            .all(|q| !q.variables && resources_disjoint(&glob, &q.glob()));
    }
    let fixed: Vec<Glob> = b
        .patterns
        .iter()
        .filter(|q| !q.variables)
        .map(ResourcePattern::glob)
        .collect();
    let refs: Vec<&Glob> = fixed.iter().collect();
    resource_included(&glob, &refs)
}

/// Whether the set names no resource: `NotResource` with `*` among its patterns, or an empty
/// `Resource`.
pub(super) fn names_nothing(set: &ResourceSet) -> bool {
    if !set.negated {
        return set.patterns.is_empty();
    }
    set.patterns
        .iter()
        .any(|p| !p.variables && p.pattern.is_any())
}

/// Whether every resource `a` applies to, `b` applies to.
pub(super) fn resources_included(a: &ResourceSet, b: &ResourceSet) -> bool {
    if names_nothing(a) {
        return true;
    }
    if !a.negated {
        return a.patterns.iter().all(|p| pattern_included(p, b));
    }
    if a.patterns.iter().any(|p| p.variables) || b.patterns.iter().any(|q| q.variables) {
        return false;
    }
    let excepted: Vec<Glob> = a.patterns.iter().map(ResourcePattern::glob).collect();
    let refs: Vec<&Glob> = excepted.iter().collect();
    if b.negated {
        // Everything but A's ⊆ everything but B's: what B excepts, A excepts too.
        b.patterns
            .iter()
            .all(|q| resource_included(&q.glob(), &refs))
    } else {
        let any = ResourcePattern {
            pattern: crate::ArnPattern::any(),
            variables: false,
        };
        pattern_included(&any, b)
    }
}

/// Whether some resource may be in both (`true` unless proven disjoint).
pub(super) fn resources_may_overlap(a: &ResourceSet, b: &ResourceSet) -> bool {
    if names_nothing(a) || names_nothing(b) {
        return false;
    }
    if a.negated || b.negated {
        return true;
    }
    a.patterns.iter().any(|p| {
        b.patterns
            .iter()
            .any(|q| p.variables || q.variables || !resources_disjoint(&p.glob(), &q.glob()))
    })
}

fn action_glob(pattern: &ActionPattern) -> Glob {
    Glob::case_insensitive(pattern.as_str())
}

fn actions_cover(p: &ActionPattern, qs: &[ActionPattern]) -> bool {
    let globs: Vec<Glob> = qs.iter().map(action_glob).collect();
    let refs: Vec<&Glob> = globs.iter().collect();
    action_glob(p).is_included_in_with_colons(&refs, ACTION_COLONS) == Inclusion::Included
}

/// Whether every action of another service `a` covers, `b` covers. Patterns compare as
/// case-insensitive globs over `service:action` (an action name has one colon).
pub(super) fn others_included(a: &OtherActions, b: &OtherActions) -> bool {
    let star = || ActionPattern::new("*");
    match (a, b) {
        (a, _) if a.is_none() => true,
        (OtherActions::Named(ps), OtherActions::Named(qs)) => {
            ps.iter().all(|p| actions_cover(p, qs))
        }
        (OtherActions::Named(ps), OtherActions::AllExcept(qs)) => ps.iter().all(|p| {
            qs.iter().all(|q| {
                action_glob(p).overlap_with_colons(&action_glob(q), ACTION_COLONS)
                    == Overlap::Disjoint
            })
        }),
        (OtherActions::AllExcept(ps), OtherActions::AllExcept(qs)) => {
            qs.iter().all(|q| actions_cover(q, ps))
        }
        (OtherActions::AllExcept(_), OtherActions::Named(qs)) => {
            star().is_ok_and(|star| actions_cover(&star, qs))
        }
        _ => false,
    }
}

/// Whether some action of another service may be in both (`true` unless proven disjoint).
pub(super) fn others_may_overlap(a: &OtherActions, b: &OtherActions) -> bool {
    match (a, b) {
        (a, b) if a.is_none() || b.is_none() => false,
        (OtherActions::Named(ps), OtherActions::Named(qs)) => ps.iter().any(|p| {
            qs.iter().any(|q| {
                action_glob(p).overlap_with_colons(&action_glob(q), ACTION_COLONS)
                    != Overlap::Disjoint
            })
        }),
        (OtherActions::Named(ps), OtherActions::AllExcept(qs))
        | (OtherActions::AllExcept(qs), OtherActions::Named(ps)) => {
            !ps.iter().all(|p| actions_cover(p, qs))
        }
        _ => true,
    }
}

/// Whether the action name `action` (another service's) is among those `others` covers.
pub(super) fn others_contain(others: &OtherActions, action: &str) -> bool {
    match others {
        OtherActions::None => false,
        OtherActions::Named(ps) => ps.iter().any(|p| p.matches(action)),
        OtherActions::AllExcept(ps) => !ps.iter().any(|p| p.matches(action)),
    }
}
