//! Wildcard matching against a regex oracle, on random patterns and texts; and no panic on any input.

#![allow(clippy::unwrap_used, reason = "a test fails by panicking")]

use ecr_actions_pattern::{ActionPattern, Glob, escape_into};
use proptest::prelude::*;
use regex::Regex;

/// The regex a glob means: `*` any run, `?` any one character; for ARNs both stay off `:` unless the `*`
/// ends its segment.
fn oracle(pattern: &str, arn: bool, case_insensitive: bool) -> Regex {
    oracle_of(pattern, arn, case_insensitive, false)
}

/// The same, with `escaped`: a `\` makes the character after it literal (a final lone `\` is itself).
fn oracle_of(pattern: &str, arn: bool, case_insensitive: bool, escaped: bool) -> Regex {
    // Each character with whether it is a wildcard.
    let mut items: Vec<(char, bool)> = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if escaped && c == '\\' {
            items.push((chars.next().unwrap_or('\\'), false));
        } else {
            items.push((c, c == '*' || c == '?'));
        }
    }
    let mut re = String::from(if case_insensitive { "(?si)^" } else { "(?s)^" });
    for (i, (c, wildcard)) in items.iter().enumerate() {
        // What follows a run of stars decides whether its stars end their segment.
        let next = items
            .iter()
            .skip(i + 1)
            .find(|n| **n != ('*', true))
            .map(|n| n.0);
        match (c, wildcard) {
            ('*', true) if arn && !matches!(next, None | Some(':')) => re.push_str("[^:]*"),
            ('*', true) => re.push_str(".*"),
            ('?', true) if arn => re.push_str("[^:]"),
            ('?', true) => re.push('.'),
            _ => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    Regex::new(&re).unwrap()
}

fn pattern_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('B'),
            Just('b'),
            Just(':'),
            Just('*'),
            Just('?')
        ],
        0..12,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Patterns over a wider alphabet (non-ASCII, escapes), long enough to make several chunks.
fn wide_pattern_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("b"),
            Just(":"),
            Just("é"),
            Just("\u{4E00}"),
            Just("\u{E000}"),
            Just("*"),
            Just("?"),
            Just("\\"),
            Just("\\*"),
            Just("\\?"),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn wide_text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('b'),
            Just(':'),
            Just('é'),
            Just('\u{4E00}'),
            Just('\u{E000}'),
            Just('*'),
            Just('?'),
            Just('\\'),
        ],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![Just('a'), Just('A'), Just('b'), Just(':'), Just('é')],
        0..14,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn plain_globs_agree_with_the_oracle(pattern in pattern_strategy(), text in text_strategy()) {
        prop_assert_eq!(Glob::new(&pattern).is_match(&text), oracle(&pattern, false, false).is_match(&text));
    }

    #[test]
    fn case_insensitive_globs_agree_with_the_oracle(pattern in pattern_strategy(), text in text_strategy()) {
        prop_assert_eq!(
            Glob::case_insensitive(&pattern).is_match(&text),
            oracle(&pattern, false, true).is_match(&text)
        );
    }

    #[test]
    fn arn_globs_agree_with_the_oracle(pattern in pattern_strategy(), text in text_strategy()) {
        prop_assert_eq!(Glob::arn(&pattern).is_match(&text), oracle(&pattern, true, false).is_match(&text));
    }

    #[test]
    fn wide_globs_agree_with_the_oracle(pattern in wide_pattern_strategy(), text in wide_text_strategy()) {
        prop_assert_eq!(Glob::new(&pattern).is_match(&text), oracle_of(&pattern, false, false, false).is_match(&text));
        prop_assert_eq!(Glob::arn(&pattern).is_match(&text), oracle_of(&pattern, true, false, false).is_match(&text));
        prop_assert_eq!(
            Glob::new_escaped(&pattern).is_match(&text),
            oracle_of(&pattern, false, false, true).is_match(&text)
        );
        prop_assert_eq!(
            Glob::arn_escaped(&pattern).is_match(&text),
            oracle_of(&pattern, true, false, true).is_match(&text)
        );
    }

    #[test]
    fn escaped_text_matches_only_itself(text in wide_text_strategy(), other in wide_text_strategy()) {
        let mut escaped = String::new();
        escape_into(&text, &mut escaped);
        let glob = Glob::new_escaped(&escaped);
        prop_assert!(glob.is_literal());
        prop_assert!(glob.is_match(&text));
        prop_assert_eq!(glob.is_match(&other), text == other);
    }

    #[test]
    fn globs_never_panic(pattern in "\\PC{0,40}", text in "\\PC{0,40}") {
        for glob in [Glob::new(&pattern), Glob::arn(&pattern), Glob::case_insensitive(&pattern), Glob::new_escaped(&pattern), Glob::arn_escaped(&pattern)] {
            let _ = glob.is_match(&text);
            prop_assert_eq!(glob.as_str(), pattern.as_str());
        }
    }

    #[test]
    fn action_patterns_parse_or_err_and_never_panic(input in "\\PC{0,40}", name in "[a-z]{1,5}:[A-Za-z]{1,12}") {
        if let Ok(pattern) = ActionPattern::new(&input) {
            let _ = pattern.matches(&name);
            prop_assert_eq!(pattern.as_str(), input.as_str());
        }
    }

    #[test]
    fn action_patterns_match_like_their_parts(service in "[a-z*?]{1,4}", action in "[A-Za-z*?]{1,8}", name in "[a-z]{1,4}:[A-Za-z]{1,10}") {
        let pattern = ActionPattern::new(&format!("{service}:{action}")).unwrap();
        let (s, a) = name.split_once(':').unwrap();
        let expected = oracle(&service, false, true).is_match(s) && oracle(&action, false, true).is_match(a);
        prop_assert_eq!(pattern.matches(&name), expected);
    }
}
