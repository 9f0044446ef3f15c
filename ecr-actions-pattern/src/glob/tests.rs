//! Unit tests of the glob: hand-picked cases; the regex oracle and the hostile shapes are in `tests/`.

use super::Glob;

#[test]
fn stars_and_question_marks() {
    let cases = [
        ("*", "", true),
        ("*", "anything", true),
        ("", "", true),
        ("", "a", false),
        ("a*", "a", true),
        ("a*a", "a", false),
        ("a*a", "aa", true),
        ("*a*a*", "banana", true),
        ("*a*a*a*a*", "banana", false),
        ("?", "", false),
        ("?", "x", true),
        ("??", "x", false),
        ("a?c", "abc", true),
        ("a?c", "ac", false),
        ("*?", "", false),
        ("*?", "x", true),
        ("ab*cd*ef", "abXcdYef", true),
        ("ab*cd*ef", "abXcdYe", false),
        ("ab*ab", "ab", false),
        ("ab*ab", "abab", true),
    ];
    for (pattern, text, expected) in cases {
        assert_eq!(
            Glob::new(pattern).is_match(text),
            expected,
            "{pattern} ~ {text}"
        );
    }
}

#[test]
fn case() {
    assert!(Glob::case_insensitive("Get*").is_match("gETdownloadurl"));
    assert!(Glob::case_insensitive("GET?").is_match("gets"));
    assert!(!Glob::new("Get*").is_match("get"));
}

#[test]
fn non_ascii_characters_are_one_character() {
    assert!(Glob::new("a?b").is_match("aéb"));
    assert!(Glob::new("*é*").is_match("café au lait"));
    assert!(Glob::new("?é?").is_match("xéy"));
    assert!(!Glob::new("?é?").is_match("xey"));
}

#[test]
fn arn_wildcards_stay_in_their_segment_unless_the_star_ends_it() {
    let arn = "arn:aws:ecr:us-east-1:111122223333:repository/app/web";
    assert!(Glob::arn("arn:aws:ecr:*:*:*").is_match(arn));
    assert!(Glob::arn("arn:aws:ecr:*").is_match(arn));
    assert!(Glob::arn("arn:aws:ecr:us-east-?:111122223333:repository/*").is_match(arn));
    assert!(Glob::arn("arn:aws:ecr:us-east-1:111122223333:repository/*/web").is_match(arn));
    assert!(!Glob::arn("arn:aws:ecr:us-east-1:111122223333:repository/app/web/").is_match(arn));
    // A star inside a segment does not cross a colon.
    assert!(!Glob::arn("arn:aws:ecr:us*1:repository/app/web").is_match(arn));
    assert!(!Glob::arn("arn:aws:ecr:us-east-1?111122223333:repository/app/web").is_match(arn));
    assert!(Glob::arn("arn:aws:ecr:us-east-1:*:repository/app/web").is_match(arn));
    // ARNs are case-sensitive.
    assert!(!Glob::arn("arn:aws:ecr:us-east-1:111122223333:repository/App/web").is_match(arn));
}

#[test]
fn long_hostile_patterns_stay_fast() {
    let pattern = "*a".repeat(5_000) + "*b";
    let text = "a".repeat(2_000);
    assert!(!Glob::new(&pattern).is_match(&text));
    assert!(!Glob::new(&(pattern.clone() + "?")).is_match(&text));
    assert!(Glob::new(&"*a".repeat(1_000)).is_match(&text));
    assert!(!Glob::new(&"*a".repeat(2_001)).is_match(&text));
    // A backtracking matcher would not return from these.
}

#[test]
fn escaped_wildcards_are_characters() {
    let cases = [
        (r"a\*", "a*", true),
        (r"a\*", "ab", false),
        (r"a\?", "a?", true),
        (r"a\?", "ab", false),
        (r"a\\*", r"a\bc", true),
        (r"a\\", r"a\", true),
        (r"a\", r"a\", true),
        (r"\a", "a", true),
        (r"*\**", "x*y", true),
        (r"*\**", "xy", false),
    ];
    for (pattern, text, expected) in cases {
        assert_eq!(
            Glob::new_escaped(pattern).is_match(text),
            expected,
            "{pattern} ~ {text}"
        );
    }
    // An escaped star does not end an ARN segment: the star before it stays in its segment.
    let arn = Glob::arn_escaped(r"arn:aws:ecr:*\*:1:r");
    assert!(arn.is_match("arn:aws:ecr:us*:1:r"));
    assert!(!arn.is_match("arn:aws:ecr:a:b*:1:r"));
}

#[test]
fn escaping_is_injective_and_round_trips() {
    let texts = [
        "",
        "*",
        "?",
        r"\",
        r"\*",
        r"*\",
        "a*b?c",
        "\u{E000}*\u{F8FF}?",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for text in texts {
        let mut escaped = String::new();
        super::escape_into(text, &mut escaped);
        assert!(seen.insert(escaped.clone()), "{text:?} collides");
        let glob = Glob::new_escaped(&escaped);
        assert!(glob.is_literal(), "{escaped:?}");
        assert!(glob.is_match(text));
    }
}

#[test]
fn chunks_with_question_marks_and_segment_stars() {
    // Several chunks of each kind between stars that match anything.
    let cases = [
        ("a?*?b*c?", "axxbcz", true),
        ("a?*?b*c?", "axbcz", false),
        ("*x?y*", "axzy", true),
        ("*x?y*", "axy", false),
        ("?*?", "ab", true),
        ("?*?", "a", false),
        ("*??*??*", "abcd", true),
        ("*??*??*", "abc", false),
        ("é?*?é", "éaaé", true),
        ("é?*?é", "éaé", false),
    ];
    for (pattern, text, expected) in cases {
        assert_eq!(
            Glob::new(pattern).is_match(text),
            expected,
            "{pattern} ~ {text}"
        );
    }
    let arn = "arn:aws:ecr:us-east-1:111122223333:repository/app/web";
    assert!(Glob::arn("arn:*:ecr:us-*-?:*:repository/*/w?b").is_match(arn));
    assert!(!Glob::arn("arn:*:ecr:us-*-?:*:repository/*/w?").is_match(arn));
}

#[test]
fn long_chunks_span_several_words() {
    // 200 positions of `?` and literals: four words of states, with and without stars around.
    let body: String = (0..100)
        .map(|i| if i % 2 == 0 { "a?" } else { "éb" })
        .collect();
    let text: String = (0..100)
        .map(|i| if i % 2 == 0 { "ax" } else { "éb" })
        .collect();
    assert!(Glob::new(&body).is_match(&text));
    assert!(Glob::new(&format!("*{body}*")).is_match(&format!("zz{text}zz")));
    assert!(Glob::new(&format!("x*{body}")).is_match(&format!("xyz{text}")));
    assert!(!Glob::new(&format!("x*{body}")).is_match(&format!("xyz{text}z")));
    assert!(!Glob::new(&body).is_match(&text.replace('é', "e")));
    // 1,000 distinct non-ASCII characters: sparse masks in a chunk of 16 words.
    let distinct: String = ('\u{4E00}'..).take(1_000).collect();
    let pattern = format!("?{distinct}?");
    assert!(Glob::new(&pattern).is_match(&format!("a{distinct}b")));
    assert!(Glob::new(&format!("*{pattern}*")).is_match(&format!("zz{distinct}a{distinct}bzz")));
    assert!(!Glob::new(&pattern).is_match(&format!("a{}b", distinct.replace('\u{4E07}', "x"))));
}
