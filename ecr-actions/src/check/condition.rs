//! Whether one statement's conditions imply another's: `true` only when proven, for every request.
//!
//! Each condition of `b` must follow from one condition of `a` on the same key (IAM compares key
//! names ignoring case, "IAM JSON policy elements: Condition"), with the same set qualifier, and
//! with `IfExists` on `b` if `a` has it (`a` then holds for a request without the key). The
//! evaluator tests a condition value by value ("several values of one key, any (OR)") and lifts the
//! per-value answer over the request's values the same way for both, so a per-value implication is
//! enough. Per value, exactly:
//!
//! - the same operator, values of `a` a subset of `b`'s (for a negated operator, `b`'s a subset of
//!   `a`'s), compared as text: any operator, variables included (the same text renders the same);
//! - `StringEquals`/`StringLike` and their negations: each value of `a` (a literal, or a pattern)
//!   matches only texts some value of `b` matches — glob inclusion (the other way round for the
//!   negations);
//! - `IpAddress`/`NotIpAddress`: each block of `a` inside one of `b` (the other way round for
//!   `NotIpAddress`);
//! - `Numeric…` and `Date…` ranges: `=`, `<`, `≤`, `>`, `≥` bounds compared as decimals and instants;
//! - `Bool`: the same truth values.
//!
//! Everything else (`…IgnoreCase` but by text, `Arn…` but by text, `BinaryEquals`, `Null`, values
//! with variables but by text, two different keys) is not proven.

use core::cmp::Ordering;

use ecr_actions_pattern::{Glob, Inclusion, escape_into};
use ipnet::IpNet;

use super::grants::ConditionTest;
use crate::policy::OperatorKind as K;
use crate::value::{Number, parse_bool, parse_date, parse_network};

/// Whether `a` (all its conditions) implies every condition of `b`.
pub(super) fn implies_all(a: &[ConditionTest], b: &[ConditionTest]) -> bool {
    b.iter().all(|b| a.iter().any(|a| implies(a, b)))
}

fn implies(a: &ConditionTest, b: &ConditionTest) -> bool {
    if !a.key.eq_ignore_ascii_case(&b.key)
        || a.operator.qualifier != b.operator.qualifier
        || (a.operator.if_exists && !b.operator.if_exists)
    {
        return false;
    }
    let negated = a.operator.kind.is_negated();
    // `${…}` is a variable under Version 2012-10-17 and text under 2008-10-17: equal text means the
    // same only when both policies read it alike.
    let mentions_variable = |t: &ConditionTest| t.values.iter().any(|v| v.contains("${"));
    let read_alike = a.variables == b.variables || !(mentions_variable(a) || mentions_variable(b));
    if a.operator.kind == b.operator.kind && read_alike {
        let (small, large) = if negated { (b, a) } else { (a, b) };
        if small.values.iter().all(|v| large.values.contains(v)) {
            return true;
        }
    }
    if a.variables || b.variables || negated != b.operator.kind.is_negated() {
        return false;
    }
    let (small, large) = if negated { (b, a) } else { (a, b) };
    match (small.operator.kind, large.operator.kind) {
        (
            K::StringEquals | K::StringLike | K::StringNotEquals | K::StringNotLike,
            K::StringEquals | K::StringLike | K::StringNotEquals | K::StringNotLike,
        ) => strings_included(small, large),
        (K::IpAddress, K::IpAddress) | (K::NotIpAddress, K::NotIpAddress) => {
            networks_included(small, large)
        }
        (K::Bool, K::Bool) => {
            let truths = |t: &ConditionTest| -> Option<Vec<bool>> {
                t.values.iter().map(|v| parse_bool(v)).collect()
            };
            matches!((truths(small), truths(large)), (Some(s), Some(l)) if s.iter().all(|v| l.contains(v)))
        }
        (s, l) => match (Bound::of(s), Bound::of(l)) {
            (Some(sb), Some(lb)) if is_numeric(s) == is_numeric(l) => {
                ranges_included(small, sb, large, lb, is_numeric(s))
            }
            _ => false,
        },
    }
}

/// A value of a string operator as a glob: a literal (escaped) or a pattern.
fn string_glob(kind: K, value: &str) -> Glob {
    if kind.is_like() {
        Glob::new(value)
    } else {
        let mut escaped = String::new();
        escape_into(value, &mut escaped);
        Glob::new_escaped(&escaped)
    }
}

fn strings_included(small: &ConditionTest, large: &ConditionTest) -> bool {
    let globs: Vec<Glob> = large
        .values
        .iter()
        .map(|v| string_glob(large.operator.kind, v))
        .collect();
    let refs: Vec<&Glob> = globs.iter().collect();
    small
        .values
        .iter()
        .all(|v| string_glob(small.operator.kind, v).is_included_in(&refs) == Inclusion::Included)
}

fn networks_included(small: &ConditionTest, large: &ConditionTest) -> bool {
    let nets = |t: &ConditionTest| -> Option<Vec<IpNet>> {
        t.values.iter().map(|v| parse_network(v)).collect()
    };
    match (nets(small), nets(large)) {
        (Some(s), Some(l)) => s.iter().all(|n| l.iter().any(|m| m.contains(n))),
        _ => false,
    }
}

/// The relation of a `Numeric…`/`Date…` operator: the request's value against the policy's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

fn is_numeric(kind: K) -> bool {
    matches!(
        kind,
        K::NumericEquals
            | K::NumericLessThan
            | K::NumericLessThanEquals
            | K::NumericGreaterThan
            | K::NumericGreaterThanEquals
    )
}

impl Bound {
    fn of(kind: K) -> Option<Self> {
        Some(match kind {
            K::NumericEquals | K::DateEquals => Self::Equal,
            K::NumericLessThan | K::DateLessThan => Self::Less,
            K::NumericLessThanEquals | K::DateLessThanEquals => Self::LessOrEqual,
            K::NumericGreaterThan | K::DateGreaterThan => Self::Greater,
            K::NumericGreaterThanEquals | K::DateGreaterThanEquals => Self::GreaterOrEqual,
            _ => return None,
        })
    }

    /// Whether a request value `o` (compared with the policy's) passes.
    fn holds(self, o: Ordering) -> bool {
        match self {
            Self::Equal => o == Ordering::Equal,
            Self::Less => o == Ordering::Less,
            Self::LessOrEqual => o != Ordering::Greater,
            Self::Greater => o == Ordering::Greater,
            Self::GreaterOrEqual => o != Ordering::Less,
        }
    }
}

/// Whether `{x : x sb s}` ⊆ `{x : x lb l}` given `cmp = s.cmp(l)`, for values on a dense order
/// (decimals, instants).
fn range_in(sb: Bound, lb: Bound, cmp: Ordering) -> bool {
    use Bound as B;
    match (sb, lb) {
        // A single point: does it pass `lb`?
        (B::Equal, lb) => lb.holds(cmp),
        (B::Less, B::Less | B::LessOrEqual) | (B::LessOrEqual, B::LessOrEqual) => {
            cmp != Ordering::Greater
        }
        (B::LessOrEqual, B::Less) => cmp == Ordering::Less,
        (B::Greater, B::Greater | B::GreaterOrEqual) | (B::GreaterOrEqual, B::GreaterOrEqual) => {
            cmp != Ordering::Less
        }
        (B::GreaterOrEqual, B::Greater) => cmp == Ordering::Greater,
        _ => false,
    }
}

fn ranges_included(
    small: &ConditionTest,
    sb: Bound,
    large: &ConditionTest,
    lb: Bound,
    numeric: bool,
) -> bool {
    small.values.iter().all(|s| {
        large.values.iter().any(|l| {
            let cmp = if numeric {
                match (Number::parse(s), Number::parse(l)) {
                    (Some(s), Some(l)) => s.compare(l),
                    _ => return false,
                }
            } else {
                match (parse_date(s), parse_date(l)) {
                    (Some(s), Some(l)) => s.cmp(&l),
                    _ => return false,
                }
            };
            range_in(sb, lb, cmp)
        })
    })
}
