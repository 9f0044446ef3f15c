//! Inclusion and overlap against a brute-force oracle: every text of up to six characters over the
//! patterns' characters, `:` and one other character (all other characters act like it).

use proptest::prelude::*;

use super::{Inclusion, Overlap};
use crate::Glob;

/// Every text of at most `max` characters over `alphabet`.
fn texts(alphabet: &[char], max: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut layer = vec![String::new()];
    for _ in 0..max {
        let mut next = Vec::new();
        for text in &layer {
            for c in alphabet {
                let mut longer = text.clone();
                longer.push(*c);
                next.push(longer);
            }
        }
        all.extend(next.iter().cloned());
        layer = next;
    }
    all
}

fn pattern() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![Just('a'), Just('b'), Just(':'), Just('*'), Just('?')],
        0..6,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

const ALPHABET: [char; 4] = ['a', 'b', ':', 'z'];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Included means no short text separates the patterns; Excluded gives a text that does.
    #[test]
    fn inclusion_agrees_with_brute_force(p in pattern(), q in pattern(), r in pattern(), arn in any::<bool>()) {
        let make = |s: &str| if arn { Glob::arn(s) } else { Glob::new(s) };
        let (p, q, r) = (make(&p), make(&q), make(&r));
        match p.is_included_in(&[&q, &r]) {
            Inclusion::Included => {
                for text in texts(&ALPHABET, 6) {
                    prop_assert!(!p.is_match(&text) || q.is_match(&text) || r.is_match(&text), "{text}");
                }
            }
            Inclusion::Excluded { witness } => {
                prop_assert!(p.is_match(&witness) && !q.is_match(&witness) && !r.is_match(&witness));
            }
            Inclusion::Unknown => prop_assert!(false, "small patterns are always decided"),
        }
        // Among texts of exactly two colons.
        match p.is_included_in_with_colons(&[&q, &r], 2) {
            Inclusion::Included => {
                for text in texts(&ALPHABET, 6).iter().filter(|t| t.matches(':').count() == 2) {
                    prop_assert!(!p.is_match(text) || q.is_match(text) || r.is_match(text), "{text}");
                }
            }
            Inclusion::Excluded { witness } => {
                prop_assert_eq!(witness.matches(':').count(), 2);
                prop_assert!(p.is_match(&witness) && !q.is_match(&witness) && !r.is_match(&witness));
            }
            Inclusion::Unknown => prop_assert!(false, "small patterns are always decided"),
        }
    }

    /// Disjoint means no short text matches both; Common gives one that does.
    #[test]
    fn overlap_agrees_with_brute_force(p in pattern(), q in pattern(), arn in any::<bool>()) {
        let make = |s: &str| if arn { Glob::arn(s) } else { Glob::new(s) };
        let (p, q) = (make(&p), make(&q));
        match p.overlap(&q) {
            Overlap::Disjoint => {
                for text in texts(&ALPHABET, 6) {
                    prop_assert!(!(p.is_match(&text) && q.is_match(&text)), "{text}");
                }
            }
            Overlap::Common { witness } => prop_assert!(p.is_match(&witness) && q.is_match(&witness)),
            Overlap::Unknown => prop_assert!(false, "small patterns are always decided"),
        }
        match p.overlap_with_colons(&q, 1) {
            Overlap::Disjoint => {
                for text in texts(&ALPHABET, 6).iter().filter(|t| t.matches(':').count() == 1) {
                    prop_assert!(!(p.is_match(text) && q.is_match(text)), "{text}");
                }
            }
            Overlap::Common { witness } => {
                prop_assert_eq!(witness.matches(':').count(), 1);
                prop_assert!(p.is_match(&witness) && q.is_match(&witness));
            }
            Overlap::Unknown => prop_assert!(false, "small patterns are always decided"),
        }
    }
}

#[test]
fn arn_segments() {
    let app = Glob::arn("arn:aws:ecr:*:111122223333:repository/app/*");
    let all = Glob::arn("arn:aws:ecr:*:*:repository/*");
    assert_eq!(app.is_included_in(&[&all]), Inclusion::Included);
    assert!(matches!(
        all.is_included_in(&[&app]),
        Inclusion::Excluded { .. }
    ));
    // `?` stays inside its segment: `us-east-?` is not `us-east-1:…`.
    let region = Glob::arn("arn:aws:ecr:us-east-?:*");
    assert_eq!(
        region.is_included_in(&[&Glob::arn("arn:aws:ecr:*")]),
        Inclusion::Included
    );
    // A star inside a segment does not cross `:`; one that ends the pattern does.
    let inner = Glob::arn("arn:*x");
    assert!(matches!(
        inner.is_included_in(&[&Glob::arn("arn:*")]),
        Inclusion::Included
    ));
    assert_eq!(
        Glob::arn("*").is_included_in(&[]),
        Inclusion::Excluded {
            witness: String::new()
        }
    );
    // Read differently: not decided.
    assert_eq!(
        Glob::new("a").is_included_in(&[&Glob::case_insensitive("a")]),
        Inclusion::Unknown
    );
}

#[test]
fn union_is_needed() {
    let p = Glob::new("a*");
    let parts = [Glob::new("ab*"), Glob::new("a"), Glob::new("a?*")];
    let refs: Vec<&Glob> = parts.iter().collect();
    assert_eq!(p.is_included_in(&refs), Inclusion::Included);
    assert!(matches!(
        p.is_included_in(&refs[..2]),
        Inclusion::Excluded { .. }
    ));
}

/// The subset construction of `*a` followed by many `?` has exponentially many states: the answer
/// is Unknown, not a hang (no duration is asserted: the property is that it returns at all).
#[test]
fn blow_up_is_refused() {
    let q = format!("*a{}", "?".repeat(40));
    let p = Glob::new("*");
    assert_eq!(
        p.is_included_in(&[&Glob::new(&q)]),
        Inclusion::Excluded {
            witness: String::new()
        }
    );
    let p = Glob::new(&format!("*{}", "?".repeat(41)));
    assert_eq!(p.is_included_in(&[&Glob::new(&q)]), Inclusion::Unknown);
}

/// Patterns as long as a policy can hold (10,240 characters), of many stars and `?`: every question
/// returns an answer, decided or `Unknown` (the property is that it returns; no duration is
/// asserted). A quadratic exploration of these would not finish in a test run.
#[test]
fn long_patterns_are_bounded() {
    let p = "a*?".repeat(3_413);
    let q = "*a?b".repeat(2_560);
    let (p, q) = (Glob::new(&p), Glob::new(&q));
    assert!(matches!(
        p.is_included_in(&[&q]),
        Inclusion::Excluded { .. } | Inclusion::Unknown
    ));
    assert!(matches!(
        q.overlap(&p),
        Overlap::Common { .. } | Overlap::Disjoint | Overlap::Unknown
    ));
    let arn = Glob::arn(&format!(
        "arn:aws:ecr:*:*:repository/{}",
        "x*/".repeat(3_400)
    ));
    assert!(matches!(
        arn.is_included_in_with_colons(&[&arn.clone(), &Glob::arn("arn:*")], 5),
        Inclusion::Included
    ));
}
