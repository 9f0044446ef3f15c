//! Hostile shapes of a mebibyte, compiled and matched: a matcher that is quadratic in the pattern or in
//! the text, or that scans a list per distinct character (as this crate once did: minutes and gigabytes
//! for the first shape), would not finish these. Speed itself is measured by `benches/hostile.rs`;
//! nothing here asserts on time.
//!
//! The cost of matching is O(text × ⌈chunk / 64⌉) for the largest chunk between two stars that match
//! anything, so the shapes pair a huge pattern with a name-sized text, or a huge text with short chunks.

use ecr_actions_pattern::Glob;

const MIB: usize = 1 << 20;

/// `count` distinct characters outside ASCII.
fn distinct(count: usize) -> String {
    ('\u{4E00}'..).take(count).collect()
}

const ARN: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app/web";

#[test]
fn a_mebibyte_of_distinct_non_ascii_characters() {
    // 3 bytes each: 349,525 distinct characters.
    let pattern = distinct(MIB / 3);
    for glob in [
        Glob::new(&pattern),
        Glob::new(&format!("*{pattern}*")),
        Glob::new(&format!("?{pattern}?")),
        Glob::arn(&format!("arn:aws:ecr:*:*:repository/{pattern}/*")),
    ] {
        assert!(!glob.is_match(ARN));
        assert!(!glob.is_match(&pattern[..30_000]));
    }
    // A prefix of the characters is found in a text of 64 KiB, character by character.
    let head: String = pattern.chars().take(2_000).collect();
    let text = format!("{}{head}", "x".repeat(64 * 1024));
    assert!(Glob::new(&format!("*{head}")).is_match(&text));
    assert!(Glob::new(&format!("*{head}?*")).is_match(&format!("{text}!")));
}

#[test]
fn a_mebibyte_of_stars_and_short_chunks() {
    let text = "a".repeat(MIB);
    // `*a*a*…`: 524,288 literal chunks.
    assert!(Glob::new(&"*a".repeat(MIB / 2)).is_match(&text));
    assert!(!Glob::new(&("*a".repeat(MIB / 2) + "*b")).is_match(&text));
    assert!(!Glob::new(&"*a".repeat(MIB / 2)).is_match(ARN));
    // `*a?*a?…`: 349,525 automaton chunks.
    let ab = "ab".repeat(MIB / 2);
    assert!(Glob::new(&"*a?".repeat(MIB / 3)).is_match(&ab));
    assert!(!Glob::new(&"*a?".repeat(MIB / 3)).is_match(&ab[..MIB / 2]));
    // Only `?`: one chunk of a mebibyte of positions.
    let questions = Glob::new(&"?".repeat(MIB));
    assert!(!questions.is_match(ARN));
    assert!(!questions.is_match(&text[1..]));
}

#[test]
fn a_mebibyte_of_text_against_short_chunks() {
    let text = format!("{}b", "aé:".repeat(MIB / 4));
    assert!(Glob::new("*a?:*b").is_match(&text));
    assert!(!Glob::new("*a?:*c").is_match(&text));
    assert!(!Glob::new("*é?é*").is_match(&text));
    assert!(!Glob::arn("arn:*?b").is_match(&text));
    // 64 positions of `?`-heavy chunks: one word each, scanned once.
    let chunk = "a?".repeat(32);
    assert!(!Glob::new(&format!("*{chunk}*{chunk}*b?")).is_match(&text));
}

#[test]
fn a_mebibyte_arn_pattern_with_many_segments() {
    // `?*:` repeated: each `*` ends its segment, so 349,525 chunks of one or two positions.
    let segments = "?*:".repeat(MIB / 3);
    let glob = Glob::arn(&format!("arn:aws:ecr:{segments}*"));
    let text = format!("arn:aws:ecr:{}tail", "ab:".repeat(MIB / 3));
    assert!(glob.is_match(&text));
    assert!(!glob.is_match(&text.replace("ab:", ":")));
    assert!(!glob.is_match(ARN));
}
