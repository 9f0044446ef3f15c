//! Hostile input for the ARN parsers: `Arn`, `RepositoryArn` and `ArnPattern` neither panic on random
//! or mutated text nor take more than linear time on inputs of a mebibyte; short `Resource` patterns
//! match as the IAM User Guide says, checked against an independent reading of its rule.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions::{Arn, ArnPattern, ParseArnError, ParseArnPatternError, RepositoryArn};
use proptest::prelude::*;

const SEEDS: [&str; 6] = [
    "arn:aws:ecr:us-east-1:111122223333:repository/app/web",
    "arn:aws-us-gov:ecr:us-gov-west-1:111122223333:repository/a",
    "arn:aws:iam::111122223333:role/ci:builder",
    "arn:aws:s3:::bucket/key",
    "arn:aws:ecr:*:*:repository/*",
    "arn:aws:ecr:us-east-1:*",
];

/// One edit of a text: insert, delete or replace a character, at a position given as a fraction.
#[derive(Clone, Debug)]
enum Edit {
    Insert(f64, char),
    Delete(f64),
    Replace(f64, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    let character = prop_oneof![
        Just(':'),
        Just('/'),
        Just('*'),
        Just('?'),
        Just('$'),
        Just(' '),
        Just('\u{0}'),
        Just('é'),
        Just('\u{10FFFF}'),
        any::<char>(),
    ];
    prop_oneof![
        (0.0..1.0, character.clone()).prop_map(|(at, c)| Edit::Insert(at, c)),
        (0.0..1.0).prop_map(Edit::Delete),
        (0.0..1.0, character).prop_map(|(at, c)| Edit::Replace(at, c)),
    ]
}

fn mutate(seed: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for edit in edits {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "a fraction of a short length"
        )]
        let at = |fraction: f64, len: usize| ((fraction * len as f64) as usize).min(len);
        match *edit {
            Edit::Insert(fraction, c) => chars.insert(at(fraction, chars.len()), c),
            Edit::Delete(fraction) if !chars.is_empty() => {
                chars.remove(at(fraction, chars.len() - 1));
            }
            Edit::Replace(fraction, c) if !chars.is_empty() => {
                let i = at(fraction, chars.len() - 1);
                chars[i] = c;
            }
            Edit::Delete(_) | Edit::Replace(..) => {}
        }
    }
    chars.into_iter().collect()
}

/// Every parser reads `input` or refuses it naming it; a pattern that reads matches without panicking.
fn parse_everything(input: &str) -> Result<(), TestCaseError> {
    match input.parse::<Arn>() {
        Ok(arn) => {
            prop_assert_eq!(arn.as_str(), input);
            let rebuilt = format!(
                "arn:{}:{}:{}:{}:{}",
                arn.partition(),
                arn.service(),
                arn.region(),
                arn.account(),
                arn.resource()
            );
            prop_assert_eq!(rebuilt.as_str(), input);
        }
        Err(error) => prop_assert_eq!(error.input(), input),
    }
    match input.parse::<RepositoryArn>() {
        Ok(arn) => prop_assert!(input.ends_with(arn.name())),
        Err(error) => prop_assert_eq!(error.input(), input),
    }
    match input.parse::<ArnPattern>() {
        Ok(pattern) => {
            for seed in SEEDS {
                let _ = pattern.matches(seed);
            }
            let _ = pattern.matches(input);
        }
        Err(error) => prop_assert_eq!(error.input(), input),
    }
    Ok(())
}

/// An independent reading of the guide's rule for short patterns ("If the `*` wildcard is the last
/// character of a resource ARN segment, it can expand to match beyond the colon boundaries"), for
/// patterns whose only wildcard is the final `*` and ARNs without wildcards: the ARN starts with the
/// text before the star, and the star covers the rest, colons included.
fn short_pattern_matches(pattern: &str, arn: &str) -> bool {
    let head = pattern.strip_suffix('*').unwrap();
    arn.starts_with(head)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Random text, and valid ARNs and patterns with a few edits, never make a parser panic.
    #[test]
    fn mutated_arns_never_panic(
        seed in proptest::sample::select(SEEDS.to_vec()),
        edits in proptest::collection::vec(edit(), 0..6),
        random in any::<String>(),
    ) {
        parse_everything(&mutate(seed, &edits))?;
        parse_everything(&random)?;
    }

    /// A valid ARN cut after its n-th part and ended with `*` is a valid pattern that matches it and
    /// every ARN starting with the same text, as the guide's rule says.
    #[test]
    fn short_patterns_match_as_the_guide_says(
        seed in proptest::sample::select(SEEDS[..4].to_vec()),
        other in proptest::sample::select(SEEDS[..4].to_vec()),
        parts in 1usize..6,
        extra in "[a-z0-9-]{0,3}",
    ) {
        let head: Vec<&str> = seed.splitn(6, ':').take(parts).collect();
        let pattern = format!("{}:{extra}*", head.join(":"));
        let compiled = ArnPattern::new(&pattern).unwrap();
        for arn in [seed, other] {
            prop_assert_eq!(compiled.matches(arn), short_pattern_matches(&pattern, arn), "{} ~ {}", pattern, arn);
        }
        // Without its star, a short pattern matches no ARN and is refused.
        let cut = pattern.trim_end_matches('*');
        if cut.split(':').count() < 6 {
            let refused = matches!(ArnPattern::new(cut), Err(ParseArnPatternError::TooFewParts { .. }));
            prop_assert!(refused, "{}", cut);
        }
    }
}

/// Inputs of a mebibyte in the shapes that hurt a careless parser (all colons, all slashes, non-ASCII,
/// a long resource, all stars) are refused by the length caps or read in one pass. No durations are
/// asserted: a quadratic parser would not finish these sizes in a test run.
#[test]
fn a_mebibyte_of_hostile_text_is_refused_or_read() {
    const MIB: usize = 1 << 20;
    let shapes = [
        ":".repeat(MIB),
        "/".repeat(MIB),
        "é".repeat(MIB / 2),
        "\u{10FFFF}".repeat(MIB / 4),
        format!("arn:{}", ":".repeat(MIB)),
        format!(
            "arn:aws:ecr:us-east-1:111122223333:repository/{}",
            "a/".repeat(MIB / 2)
        ),
        format!("arn:aws:ecr:{}", "*".repeat(MIB)),
        format!("arn:aws:ecr:{}*", "é:".repeat(MIB / 3)),
        format!("arn:{}", "*:".repeat(MIB / 2)),
    ];
    for text in &shapes {
        parse_everything(text).unwrap();
        let chars = text.chars().count();
        if chars > Arn::MAX_LEN {
            assert!(
                matches!(text.parse::<Arn>(), Err(ParseArnError::TooLong { length, .. }) if length == chars)
            );
        }
        if chars > ArnPattern::MAX_LEN {
            assert!(matches!(
                ArnPattern::new(text),
                Err(ParseArnPatternError::TooLong { .. })
            ));
        }
    }
    // Just under the caps, the longest inputs still read, and a pattern that reads matches them.
    let arn = format!("arn:aws:s3:::{}", ":/é".repeat((Arn::MAX_LEN - 13) / 3));
    assert!(arn.parse::<Arn>().is_ok());
    let pattern = format!("arn:{}", "*?:".repeat((ArnPattern::MAX_LEN - 4) / 3));
    let compiled = ArnPattern::new(&pattern).unwrap();
    let _ = compiled.matches(&arn);
    // Many stars inside one segment (they cannot cross `:`) against a long segment without colons.
    let resource = format!("arn:aws:s3:::{}", "/é".repeat((Arn::MAX_LEN - 13) / 2));
    let stars = format!(
        "arn:aws:s3:::{}",
        "*é".repeat((ArnPattern::MAX_LEN - 13) / 16)
    );
    assert!(ArnPattern::new(&stars).unwrap().matches(&resource));
    assert!(!ArnPattern::new(&stars).unwrap().matches(&arn));
}
