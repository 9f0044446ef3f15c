//! Unit tests of policy-variable parsing, substitution and the pattern cache.

use super::{Flavor, GlobCache, Piece, Template, strip_prefix_ignore_case};
use crate::eval::Context;

#[test]
fn parses_variables_defaults_and_escapes() -> Result<(), String> {
    let t = Template::parse(
        "a/${aws:username}/${aws:PrincipalTag/team, 'none'}${*}",
        true,
    )?;
    assert_eq!(
        t.to_string(),
        "a/${aws:username}/${aws:PrincipalTag/team, 'none'}${*}"
    );
    assert!(matches!(
        &*t.pieces,
        [
            Piece::Literal(_),
            Piece::Variable { .. },
            Piece::Literal(_),
            Piece::Variable {
                default: Some(_),
                ..
            },
            Piece::Escaped('*')
        ]
    ));
    assert_eq!(
        Template::parse("${aws:username}", false)?.plain(),
        Some("${aws:username}")
    );
    assert_eq!(Template::parse("a${b", true)?.plain(), Some("a${b"));
    assert!(Template::parse("${}", true).is_err());
    assert!(Template::parse("${k, none}", true).is_err());
    Ok(())
}

#[test]
fn equality_and_likeness_with_variables() -> Result<(), String> {
    let context = Context::new()
        .with("aws:username", "alice")
        .with("aws:PrincipalTag/star", "a*");
    let t = Template::parse("${AWS:UserName}-${missing, 'x'}", true)?;
    assert!(t.equals(&context, "alice-x", false));
    assert!(t.equals(&context, "ALICE-X", true));
    assert!(!t.equals(&context, "ALICE-X", false));
    let cache = GlobCache::default();
    let like = Template::parse("${aws:PrincipalTag/star}b", true)?;
    assert!(like.matches_like(&context, "a*b", Flavor::String, &cache));
    assert!(!like.matches_like(&context, "axb", Flavor::String, &cache));
    let escaped = Template::parse("x${*}*", true)?;
    assert!(escaped.matches_like(&context, "x*yz", Flavor::String, &cache));
    assert!(!escaped.matches_like(&context, "xyz", Flavor::String, &cache));
    let null = Template::parse("${aws:userid}", true)?;
    assert!(!null.equals(&context, "", false));
    assert!(!null.matches_like(&context, "", Flavor::String, &cache));
    Ok(())
}

/// IAM User Guide, "IAM policy elements: Variables and tags", "Special characters": a `*` that
/// stands for itself is a character, not a wildcard; and a variable's value is text, so a `*` or
/// `?` inside it is a character too. Values that hold all 6,400 private-use characters of the
/// BMP (which once exhausted the sentinels that stood for literal wildcards) change nothing.
#[test]
fn a_substituted_wildcard_is_a_character_whatever_the_values_hold() -> Result<(), String> {
    let private_use: String = ('\u{E000}'..='\u{F8FF}').collect();
    assert_eq!(private_use.chars().count(), 6_400);
    let context = Context::new()
        .with("aws:PrincipalTag/pua", private_use.as_str())
        .with("aws:PrincipalTag/star", "*")
        .with("aws:PrincipalTag/question", "?");
    let cache = GlobCache::default();
    let like = Template::parse("${aws:PrincipalTag/pua}${aws:PrincipalTag/star}", true)?;
    assert!(like.matches_like(&context, &format!("{private_use}*"), Flavor::String, &cache));
    assert!(!like.matches_like(&context, &format!("{private_use}x"), Flavor::String, &cache));
    assert!(!like.matches_like(&context, &private_use, Flavor::String, &cache));
    let question = Template::parse(
        "${aws:PrincipalTag/pua}${aws:PrincipalTag/question}${?}",
        true,
    )?;
    assert!(question.matches_like(
        &context,
        &format!("{private_use}??"),
        Flavor::String,
        &cache
    ));
    assert!(!question.matches_like(
        &context,
        &format!("{private_use}ab"),
        Flavor::String,
        &cache
    ));
    // The policy's own wildcards still work beside them.
    let mixed = Template::parse("${aws:PrincipalTag/pua}*${aws:PrincipalTag/star}", true)?;
    assert!(mixed.matches_like(
        &context,
        &format!("{private_use}abc*"),
        Flavor::String,
        &cache
    ));
    assert!(!mixed.matches_like(
        &context,
        &format!("{private_use}abc"),
        Flavor::String,
        &cache
    ));
    // In a `Resource` pattern and an `ArnLike` value the same holds.
    let arn = "arn:aws:ecr:us-east-1:111122223333:repository/";
    let resource = Template::parse(
        &format!("{arn}${{aws:PrincipalTag/pua}}${{aws:PrincipalTag/star}}"),
        true,
    )?;
    assert!(resource.matches_like(
        &context,
        &format!("{arn}{private_use}*"),
        Flavor::Arn,
        &cache
    ));
    assert!(!resource.matches_like(
        &context,
        &format!("{arn}{private_use}web"),
        Flavor::Arn,
        &cache
    ));
    assert!(resource.matches_like(
        &context,
        &format!("{arn}{private_use}*"),
        Flavor::ArnCondition,
        &cache
    ));
    assert!(!resource.matches_like(
        &context,
        &format!("{arn}{private_use}web"),
        Flavor::ArnCondition,
        &cache
    ));
    // A backslash written in the policy is a character, not an escape.
    let backslash = Template::parse(r"a\${aws:PrincipalTag/star}", true)?;
    assert!(backslash.matches_like(&context, r"a\*", Flavor::String, &cache));
    assert!(!backslash.matches_like(&context, r"a\x", Flavor::String, &cache));
    Ok(())
}

/// A variable whose value is text that looks like escapes or colons: in `ArnLike` its colons
/// separate components, as the value substituted into the ARN says.
#[test]
fn arn_condition_values_with_variables() -> Result<(), String> {
    let context = Context::new().with("aws:PrincipalAccount", "111122223333");
    let cache = GlobCache::default();
    let pattern = Template::parse("arn:aws:iam::${aws:PrincipalAccount}:role/*", true)?;
    assert!(pattern.matches_like(
        &context,
        "arn:aws:iam::111122223333:role/ci",
        Flavor::ArnCondition,
        &cache
    ));
    assert!(!pattern.matches_like(
        &context,
        "arn:aws:iam::444455556666:role/ci:111122223333:role/x",
        Flavor::ArnCondition,
        &cache
    ));
    Ok(())
}

/// The cache is bounded in bytes of pattern text, not only in patterns.
#[test]
fn the_cache_is_bounded_in_bytes() -> Result<(), String> {
    let cache = GlobCache::default();
    let big = "x".repeat(GlobCache::LIMIT_BYTES / 4 + 1);
    let template = Template::parse("${aws:PrincipalTag/v}*", true)?;
    for i in 0..16 {
        let context = Context::new().with("aws:PrincipalTag/v", format!("{i}{big}").as_str());
        assert!(template.matches_like(&context, &format!("{i}{big}tail"), Flavor::String, &cache));
        let bytes = cache.maps.lock().map_or(0, |maps| maps.bytes);
        assert!(bytes <= GlobCache::LIMIT_BYTES, "{bytes} bytes cached");
        assert!(cache.len() <= 3);
    }
    // A pattern longer than the limit on its own is matched, not kept.
    let huge = "y".repeat(GlobCache::LIMIT_BYTES + 1);
    let context = Context::new().with("aws:PrincipalTag/v", huge.as_str());
    assert!(template.matches_like(&context, &huge, Flavor::String, &cache));
    assert!(cache.maps.lock().map_or(0, |maps| maps.bytes) <= GlobCache::LIMIT_BYTES);
    Ok(())
}

#[test]
fn case_insensitive_prefix() {
    assert_eq!(strip_prefix_ignore_case("ÉCOLE-x", "école"), Some("-x"));
    assert_eq!(strip_prefix_ignore_case("ab", "abc"), None);
}
