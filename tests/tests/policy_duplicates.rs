//! Duplicate keys in a policy document, and condition keys repeated in another case.
//!
//! RFC 8259 §4: "The names within an object SHOULD be unique"; when they are not, readers differ
//! on which one counts, and `serde_json::Value` keeps the last, which could turn
//! `{"Effect": "Deny", "Effect": "Allow"}` into an Allow. `PolicyDocument::from_json`, the
//! `Deserialize` impl and the conformance reader refuse such a document, naming the duplicate's path.
//!
//! "Context key names are not case-sensitive" and "If your policy has multiple condition operators
//! or multiple context keys, the conditions are evaluated using a logical AND" (IAM User Guide, *IAM
//! JSON policy elements: Condition*, and *Condition element: evaluation logic*): two spellings of one
//! key in a block are not duplicates for JSON; the evaluator checks both, and both must hold.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[allow(
    dead_code,
    reason = "the CLI's case reader, shared: this test uses part of it"
)]
#[path = "../../ecr-iam/src/conformance.rs"]
mod conformance;

use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
use ecr_actions::lint::{LintCode, lint};
use ecr_actions::policy::{MAX_NESTING, PolicyDocument, PolicyError};
use ecr_actions::{Action, RepositoryArn};
use proptest::prelude::*;

/// The path `from_json` names for `text`, which must hold a duplicate key.
#[track_caller]
fn duplicate_at(text: &str) -> (String, String) {
    match PolicyDocument::from_json(text) {
        Err(PolicyError::DuplicateKey { path, key, .. }) => (path.to_string(), key),
        other => panic!("expected a duplicate key, got {other:?}"),
    }
}

#[test]
fn a_second_effect_is_refused_not_read_as_the_last() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]}"#;
    assert_eq!(
        duplicate_at(text),
        ("Statement[0].Effect".to_owned(), "Effect".to_owned())
    );
    let message = PolicyDocument::from_json(text).unwrap_err().to_string();
    assert!(
        message.starts_with("Statement[0].Effect: duplicate key `Effect` (line 1, column "),
        "{message}"
    );
}

#[test]
fn two_operator_blocks_of_one_name_are_refused() {
    let text = r#"{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {
        "StringEquals": {"aws:username": "mallory"},
        "StringEquals": {"aws:username": "nobody"}}}}"#;
    assert_eq!(
        duplicate_at(text),
        (
            "Statement.Condition.StringEquals".to_owned(),
            "StringEquals".to_owned()
        )
    );
}

#[test]
fn two_keys_of_one_name_in_an_operator_block_are_refused() {
    let text = r#"{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {
        "StringEquals": {"aws:username": "mallory", "aws:username": "nobody"}}}}"#;
    assert_eq!(
        duplicate_at(text).0,
        r#"Statement.Condition.StringEquals["aws:username"]"#
    );
}

#[test]
fn two_statement_elements_are_refused() {
    let text = r#"{"Version": "2012-10-17",
        "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"},
        "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#;
    assert_eq!(duplicate_at(text).0, "Statement");
}

#[test]
fn duplicates_in_principals_and_deep_places_are_refused() {
    let text = r#"{"Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333", "AWS": "*"}, "Action": "*", "Resource": "*"}}"#;
    assert_eq!(duplicate_at(text).0, "Statement.Principal.AWS");
}

#[test]
fn deserializing_refuses_duplicates_too() {
    let text =
        r#"{"Statement": {"Effect": "Deny", "Effect": "Allow", "Action": "*", "Resource": "*"}}"#;
    let error = serde_json::from_str::<PolicyDocument>(text).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("Statement.Effect: duplicate key `Effect`"),
        "{error}"
    );
}

#[test]
fn keys_that_differ_in_case_are_not_json_duplicates() {
    // `effect` is another JSON key: the grammar refuses it as unknown, not as a duplicate.
    let text =
        r#"{"Statement": {"Effect": "Deny", "effect": "Allow", "Action": "*", "Resource": "*"}}"#;
    assert!(matches!(
        PolicyDocument::from_json(text),
        Err(PolicyError::UnknownElement { .. })
    ));
}

#[test]
fn a_case_line_with_a_duplicate_key_is_refused() {
    let error = conformance::parse_case(
        r#"{"id": "x", "request": {"context": {"aws:username": "a", "aws:username": "b"}}}"#,
    )
    .unwrap_err();
    assert!(
        error.starts_with(r#"request.context["aws:username"]: duplicate key"#),
        "{error}"
    );
}

#[test]
fn nesting_past_serde_json_limit_is_a_json_error() {
    let depth = MAX_NESTING + 10;
    let text = format!(
        r#"{{"Statement": {{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {{"StringEquals": {{"k": {}{}}}}}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let error = PolicyDocument::from_json(&text).unwrap_err();
    assert!(
        matches!(&error, PolicyError::Json { message, .. } if message.contains("recursion limit")),
        "{error}"
    );
}

/// Bounded work, not timed: 50,000 distinct keys in one operator block (about 1 MiB) read, and a
/// duplicate as the very last of them is still found; a quadratic check could not finish this.
#[test]
fn many_distinct_keys_read_and_a_late_duplicate_is_found() {
    let keys: Vec<String> = (0..50_000).map(|i| format!(r#""k{i}": "v""#)).collect();
    let block = keys.join(", ");
    let text = format!(
        r#"{{"Statement": {{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {{"StringEquals": {{{block}}}}}}}}}"#
    );
    assert!(text.len() < ecr_actions::policy::MAX_DOCUMENT_BYTES);
    let document = PolicyDocument::from_json(&text).unwrap();
    assert_eq!(
        document.statements[0].condition.as_ref().unwrap().entries[0]
            .keys
            .len(),
        50_000
    );
    let text = text.replacen("}}}}", r#", "k0": "w"}}}}"#, 1);
    assert_eq!(
        duplicate_at(&text).0,
        r#"Statement.Condition.StringEquals.k0"#
    );
}

fn decide(policy: &str, username: &str) -> Decision {
    let policy = PolicyDocument::from_json(policy).unwrap();
    let evaluator = Evaluator::new(&[policy], None).unwrap();
    let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app"
        .parse()
        .unwrap();
    let context = Context::new().with("aws:username", username);
    evaluator.evaluate(&Request::new(
        "arn:aws:iam::111122223333:user/alice",
        Action::BatchGetImage,
        Resource::Repository(&repository),
        &context,
    ))
}

/// Both spellings of a key are evaluated and both must hold (AND); the linter reports the second.
#[test]
fn keys_repeated_in_another_case_are_both_evaluated_and_reported() {
    let deny = |a: &str, b: &str| {
        format!(
            r#"{{"Version": "2012-10-17", "Statement": [
            {{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}},
            {{"Effect": "Deny", "Action": "ecr:*", "Resource": "*",
              "Condition": {{"StringLike": {{"aws:username": "{a}", "AWS:UserName": "{b}"}}}}}}]}}"#
        )
    };
    // Neither spelling is dropped: the Deny applies only when both hold.
    assert_eq!(decide(&deny("a*", "*e"), "alice"), Decision::ExplicitDeny);
    assert_eq!(decide(&deny("a*", "bob"), "alice"), Decision::Allow);
    assert_eq!(decide(&deny("bob", "a*"), "alice"), Decision::Allow);
    let findings = lint(&PolicyDocument::from_json(&deny("a*", "*e")).unwrap());
    let codes: Vec<(LintCode, String)> = findings
        .iter()
        .filter(|f| f.code != LintCode::AllowAllEcrOnAllResources)
        .map(|f| (f.code, f.path.to_string()))
        .collect();
    assert_eq!(
        codes,
        [(
            LintCode::DuplicateKeysWithDifferentCase,
            r#"Statement[1].Condition.StringLike["aws:username"]"#.to_owned()
        )]
    );
}

proptest! {
    /// Any key written twice in any object of a valid document is found, and the path names it.
    #[test]
    fn a_duplicate_anywhere_is_found(
        which in 0usize..6,
        statements in 1usize..4,
        at in 0usize..4,
    ) {
        let at = at % statements;
        let mut parts = Vec::new();
        for i in 0..statements {
            let extra = if i == at {
                match which {
                    0 => r#""Effect": "Allow", "#,
                    1 => r#""Sid": "B", "#,
                    2 => r#""Action": "ecr:*", "#,
                    3 => r#""Resource": "*", "#,
                    4 => r#""Condition": {}, "#,
                    _ => r#""NotResource": "x", "#,
                }
            } else {
                ""
            };
            parts.push(format!(
                r#"{{"Sid": "A{i}", "Effect": "Deny", {extra}"Action": "ecr:*", "Resource": "*", "Condition": {{"Bool": {{"aws:SecureTransport": "false"}}}}, "NotResource": "y"}}"#
            ));
        }
        let text = format!(r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#, parts.join(", "));
        let (path, key) = duplicate_at(&text);
        prop_assert!(path.starts_with(&format!("Statement[{at}].")), "{path}");
        prop_assert!(path.ends_with(&key), "{path} {key}");
    }
}
