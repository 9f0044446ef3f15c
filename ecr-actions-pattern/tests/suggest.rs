//! The shared "did you mean" checked against an independent oracle (`strsim`'s optimal string
//! alignment distance, over every stretch of a candidate by brute force), never panicking on any input,
//! and bounded: inputs of a mebibyte that a search quadratic in the input could not finish. Nothing
//! here asserts on time.

use ecr_actions_pattern::suggest::{
    MAX_LEN, MAX_SUGGESTIONS, did_you_mean, nearest, ranked, ranked_for_pattern,
};
use proptest::prelude::*;

const MIB: usize = 1 << 20;

/// IAM User Guide, *IAM JSON policy elements: Action*: "The prefix and the action name are case
/// insensitive." A suggestion therefore compares names in ASCII lowercase.
fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// The oracle: the distance to the best stretch of `candidate`, from its start unless `free_start`,
/// to its end unless `free_end`.
fn oracle(text: &str, candidate: &str, free_start: bool, free_end: bool) -> usize {
    let text = fold(text);
    let candidate: Vec<char> = fold(candidate).chars().collect();
    let n = candidate.len();
    let starts = if free_start { 0..=n } else { 0..=0 };
    let mut best = usize::MAX;
    for start in starts {
        let ends = if free_end { start..=n } else { n..=n };
        for end in ends {
            let stretch: String = candidate
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .collect();
            best = best.min(strsim::osa_distance(&text, &stretch));
        }
    }
    best
}

/// Near enough: a third of the longer name's length, at least one.
fn near(input: &str, candidate: &str) -> bool {
    let limit = (input.chars().count().max(candidate.chars().count()) / 3).max(1);
    oracle(input, candidate, false, false) <= limit
}

/// Names of IAM's alphabet, with case to fold and neighbours to swap.
fn name() -> impl Strategy<Value = String> {
    "[aAbBcC:*?]{0,12}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn a_name_is_suggested_exactly_when_it_is_near(input in name(), candidate in name()) {
        let input = input.replace(['*', '?'], "");
        let expected = !input.is_empty() && near(&input, &candidate);
        prop_assert_eq!(nearest(&input, [candidate.as_str()]).is_some(), expected);
    }

    #[test]
    fn a_pattern_is_compared_with_the_best_stretch(pattern in name(), candidate in "[aAbBcC:]{0,12}") {
        let literal: String = pattern.chars().filter(|c| !matches!(c, '*' | '?')).collect();
        let wildcard = literal.len() != pattern.len();
        let expected = if !wildcard {
            !literal.is_empty() && near(&literal, &candidate)
        } else if literal.is_empty() {
            false
        } else {
            let free_start = pattern.starts_with(['*', '?']);
            let free_end = pattern.ends_with(['*', '?']);
            let limit = (literal.chars().count() / 3).max(1);
            oracle(&literal, &candidate, free_start, free_end) <= limit
        };
        prop_assert_eq!(!ranked_for_pattern(&pattern, [candidate.as_str()]).is_empty(), expected);
    }

    /// Any input, any candidates: no panic; at most three suggestions, each a candidate, all equally near.
    #[test]
    fn never_panics_and_ranks(input in any::<String>(), candidates in prop::collection::vec(any::<String>(), 0..20)) {
        for found in [
            ranked(&input, candidates.iter().map(String::as_str)),
            ranked_for_pattern(&input, candidates.iter().map(String::as_str)),
        ] {
            prop_assert!(found.len() <= MAX_SUGGESTIONS);
            prop_assert!(found.iter().all(|f| candidates.iter().any(|c| c == f)));
        }
        let found = ranked(&input, candidates.iter().map(String::as_str));
        let distances: Vec<usize> = found.iter().map(|f| oracle(&input, f, false, false)).collect();
        prop_assert!(distances.windows(2).all(|w| w.first() == w.get(1)));
    }
}

/// A mistyped ECR action finds the name a reader meant, whatever its case.
#[test]
fn typos_users_make() {
    let names = [
        "ecr:BatchGetImage",
        "ecr:BatchCheckLayerAvailability",
        "ecr:GetAuthorizationToken",
        "ecr:GetDownloadUrlForLayer",
        "ecr:PutImage",
    ];
    assert_eq!(
        nearest("ECR:BATCHGETIMAGES", names),
        Some("ecr:BatchGetImage")
    );
    assert_eq!(
        nearest("ecr:GetAuthorisationToken", names),
        Some("ecr:GetAuthorizationToken")
    );
    assert_eq!(nearest("ecr:PtuImage", names), Some("ecr:PutImage"));
    assert_eq!(nearest("s3:GetObject", names), None);
    assert_eq!(
        ranked_for_pattern("ecr:GetDownload*", names),
        ["ecr:GetDownloadUrlForLayer"]
    );
    // The nearest only: one edit from `ecr:BatchCheck…`, not four from `ecr:BatchGetI…`.
    assert_eq!(
        did_you_mean(ranked_for_pattern("ecr:BatchChek*", names)),
        "; did you mean `ecr:BatchCheckLayerAvailability`?"
    );
    // Equally near: both, in the candidates' order.
    assert_eq!(
        did_you_mean(ranked_for_pattern("ecr:Gte*", names)),
        "; did you mean `ecr:GetAuthorizationToken` or `ecr:GetDownloadUrlForLayer`?"
    );
}

/// A mebibyte of input, of pattern, of candidate: refused by length, never compared.
#[test]
fn a_mebibyte_is_refused_by_its_length() {
    let huge = "a".repeat(MIB);
    let names: Vec<String> = (0..1_000).map(|i| format!("a{i}")).collect();
    let names = || names.iter().map(String::as_str);
    assert!(ranked(&huge, names()).is_empty());
    assert!(ranked_for_pattern(&format!("*{huge}*"), names()).is_empty());
    assert!(ranked_for_pattern(&"*".repeat(MIB), names()).is_empty());
    assert_eq!(nearest("a1", [huge.as_str()]), None);
    // The longest input that is compared, with the longest candidates: each comparison is
    // MAX_LEN × MAX_LEN, whatever the candidates hold.
    let longest = "ab".repeat(MAX_LEN / 2);
    let candidates: Vec<String> = (0..1_000).map(|i| format!("{i:0>128}")).collect();
    let found = ranked_for_pattern(
        &format!("*{}*", &longest[2..]),
        candidates.iter().map(String::as_str),
    );
    assert!(found.is_empty());
    assert_eq!(
        nearest(&longest, [longest.as_str()]),
        Some(longest.as_str())
    );
}
