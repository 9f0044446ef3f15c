//! The policy document model under generated input: documents of random statements round-trip
//! exactly through `PolicyDocument::from_json` and `to_json`, and the linter never panics on them
//! (each finding pointing into the document); arbitrary JSON and arbitrary text never make the
//! reader panic; deep nesting and oversized input are refused with an error, not a stack overflow.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use ecr_actions::lint::lint;
use ecr_actions::policy::{
    JsonPath, MAX_DOCUMENT_BYTES, OperatorKind, PathSegment, PolicyDocument, PolicyError,
};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Number, Value};

const ACTIONS: &[&str] = &[
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:GetAuthorizationToken",
    "ecr:CreateRepository",
    "ecr:TagResource",
    "ecr:DescribeRepositories",
    "ecr:Get*",
    "ecr:*",
    "ECR:putimage",
    "e?r:Describe*",
    "*",
    "s3:GetObject",
    "ecr:BatchGetImages",
    "ecr:*Nothing*",
    "ecr Get",
    "BatchGetImage",
    "ecr:a:b",
];

const RESOURCES: &[&str] = &[
    "*",
    "arn:aws:ecr:us-east-1:111122223333:repository/app",
    "arn:aws:ecr:*:*:repository/*",
    "arn:aws:ecr:*:111122223333:repository/${aws:username}/*",
    "arn:aws:s3:::bucket/*",
    "arn:aws:ecr:us-east-1:111122223333:repository",
    "repository/app",
    "arn:aws:ecr:us-east-1",
];

const KEYS: &[&str] = &[
    "aws:SourceIp",
    "aws:SecureTransport",
    "aws:ResourceTag/team",
    "aws:RequestTag/team",
    "aws:TagKeys",
    "ecr:ResourceTag/owner",
    "aws:PrincipalArn",
    "aws:CurrentTime",
    "aws:EpochTime",
    "aws:SourceIpp",
    "aws:ResourceTag/",
    "s3:prefix",
    "SourceVpce",
    "AWS:sourcevpce",
];

const PRINCIPAL_KINDS: &[&str] = &["AWS", "Service", "Federated", "CanonicalUser"];

/// A string from the pool, or any short text (never empty: the grammar refuses empty entries).
fn text(pool: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        3 => select(pool).prop_map(str::to_owned),
        1 => "[a-zA-Z0-9:*?/${} .-]{1,24}",
    ]
}

/// One value or a non-empty array of them.
fn one_or_many(item: impl Strategy<Value = Value> + Clone) -> impl Strategy<Value = Value> {
    prop_oneof![
        item.clone(),
        proptest::collection::vec(item, 1..4).prop_map(Value::Array),
    ]
}

fn strings(pool: &'static [&'static str]) -> impl Strategy<Value = Value> {
    one_or_many(text(pool).prop_map(Value::String))
}

fn number() -> impl Strategy<Value = Value> + Clone {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Decimals of few digits: serde_json (without its `float_roundtrip` feature) reads some
        // long floats one bit off, e.g. `-3.775134603026217e-153`, and the text would not round-trip.
        any::<i32>()
            .prop_filter_map("finite", |n| Number::from_f64(f64::from(n) / 100.0))
            .prop_map(Value::Number),
    ]
}

fn condition_value() -> impl Strategy<Value = Value> {
    let scalar = prop_oneof![
        3 => "[a-z0-9*?${}:/.-]{0,16}".prop_map(Value::String),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => number(),
    ];
    one_or_many(scalar)
}

fn operator() -> impl Strategy<Value = String> {
    (
        select(&[None, Some("ForAllValues:"), Some("ForAnyValue:")][..]),
        select(&OperatorKind::ALL[..]),
        any::<bool>(),
    )
        .prop_map(|(qualifier, kind, if_exists)| {
            format!(
                "{}{}{}",
                qualifier.unwrap_or(""),
                kind.as_str(),
                if if_exists { "IfExists" } else { "" }
            )
        })
}

fn condition() -> impl Strategy<Value = Value> {
    let keys = proptest::collection::btree_map(text(KEYS), condition_value(), 1..4)
        .prop_map(|map| Value::Object(map.into_iter().collect()));
    proptest::collection::btree_map(operator(), keys, 0..4)
        .prop_map(|map| Value::Object(map.into_iter().collect()))
}

fn principal() -> impl Strategy<Value = Value> {
    let kinds = proptest::collection::btree_map(
        select(PRINCIPAL_KINDS).prop_map(str::to_owned),
        strings(&[
            "*",
            "arn:aws:iam::111122223333:root",
            "ecs-tasks.amazonaws.com",
        ]),
        1..3,
    )
    .prop_map(|map| Value::Object(map.into_iter().collect()));
    prop_oneof![Just(Value::String("*".to_owned())), kinds]
}

/// A statement: every element optional but `Effect` and one of `Action`/`NotAction`.
fn statement() -> impl Strategy<Value = Value> {
    (
        proptest::option::of("[A-Za-z0-9 -]{0,8}"),
        select(&["Allow", "Deny"][..]),
        proptest::option::of((any::<bool>(), principal())),
        (any::<bool>(), strings(ACTIONS)),
        proptest::option::of((any::<bool>(), strings(RESOURCES))),
        proptest::option::of(condition()),
    )
        .prop_map(|(sid, effect, principal, action, resource, condition)| {
            let mut map = Map::new();
            if let Some(sid) = sid {
                map.insert("Sid".into(), Value::String(sid));
            }
            map.insert("Effect".into(), Value::String(effect.to_owned()));
            if let Some((negated, principal)) = principal {
                let key = if negated { "NotPrincipal" } else { "Principal" };
                map.insert(key.into(), principal);
            }
            let key = if action.0 { "NotAction" } else { "Action" };
            map.insert(key.into(), action.1);
            if let Some((negated, resource)) = resource {
                let key = if negated { "NotResource" } else { "Resource" };
                map.insert(key.into(), resource);
            }
            if let Some(condition) = condition {
                map.insert("Condition".into(), condition);
            }
            Value::Object(map)
        })
}

fn document() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(select(&["2012-10-17", "2008-10-17"][..])),
        proptest::option::of("[a-z0-9-]{0,12}"),
        prop_oneof![
            statement(),
            proptest::collection::vec(statement(), 1..5).prop_map(Value::Array),
        ],
    )
        .prop_map(|(version, id, statements)| {
            let mut map = Map::new();
            if let Some(version) = version {
                map.insert("Version".into(), Value::String(version.to_owned()));
            }
            if let Some(id) = id {
                map.insert("Id".into(), Value::String(id));
            }
            map.insert("Statement".into(), statements);
            Value::Object(map)
        })
}

/// Any JSON, weighted towards the names a policy uses so that the reader gets past its first checks.
fn any_json() -> impl Strategy<Value = Value> {
    const NAMES: &[&str] = &[
        "Version",
        "Id",
        "Statement",
        "Sid",
        "Effect",
        "Allow",
        "Deny",
        "Principal",
        "NotPrincipal",
        "AWS",
        "Service",
        "Action",
        "NotAction",
        "Resource",
        "NotResource",
        "Condition",
        "StringEquals",
        "ForAllValues:StringLike",
        "NullIfExists",
        "aws:TagKeys",
        "2012-10-17",
        "ecr:*",
        "*",
    ];
    let name = prop_oneof![
        3 => select(NAMES).prop_map(str::to_owned),
        1 => "\\PC{0,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        name.clone().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(name.clone(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// The value a path points at, if any.
fn resolve<'v>(value: &'v Value, path: &JsonPath) -> Option<&'v Value> {
    path.segments()
        .iter()
        .try_fold(value, |value, segment| match segment {
            PathSegment::Key(key) => value.get(key),
            PathSegment::Index(index) => value.get(index),
        })
}

/// Lints the document; each finding's path must point into `json`.
fn lint_points_into(document: &PolicyDocument, json: &Value) {
    for finding in lint(document) {
        assert!(
            resolve(json, &finding.path).is_some(),
            "{} points nowhere in {json}",
            finding.path
        );
        assert_eq!(finding.severity, finding.code.severity());
        assert!(!finding.message.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_round_trip_and_lint(json in document()) {
        let text = json.to_string();
        let document = PolicyDocument::from_json(&text)
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(&PolicyDocument::from_value(&json).unwrap(), &document);
        let written: Value = serde_json::from_str(&document.to_json()).unwrap();
        prop_assert_eq!(&written, &json);
        let pretty: Value = serde_json::from_str(&document.to_json_pretty()).unwrap();
        prop_assert_eq!(&pretty, &json);
        prop_assert_eq!(PolicyDocument::from_json(&document.to_json()).unwrap(), document.clone());
        lint_points_into(&document, &json);
    }

    #[test]
    fn arbitrary_json_never_panics(json in any_json()) {
        for candidate in [
            json.clone(),
            serde_json::json!({"Statement": json.clone()}),
            serde_json::json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*", "Condition": json.clone()}]}),
        ] {
            let from_value = PolicyDocument::from_value(&candidate);
            let from_text = PolicyDocument::from_json(&candidate.to_string());
            prop_assert_eq!(&from_value, &from_text);
            if let Ok(document) = from_value {
                lint_points_into(&document, &candidate);
                let written: Value = serde_json::from_str(&document.to_json()).unwrap();
                prop_assert_eq!(written, candidate);
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        if let Ok(document) = PolicyDocument::from_json(&text) {
            let _findings = lint(&document);
        }
    }

    #[test]
    fn arbitrary_policy_like_text_never_panics(text in "[\\[\\]{}\":, a-zA-Z0-9*${}-]{0,64}") {
        let wrapped = format!(r#"{{"Version":"2012-10-17","Statement":{text}}}"#);
        for input in [text.as_str(), wrapped.as_str()] {
            if let Ok(document) = PolicyDocument::from_json(input) {
                let _findings = lint(&document);
            }
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    const DEPTH: usize = 100_000;
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(DEPTH), "}".repeat(DEPTH));
    let in_statement = format!(
        r#"{{"Version":"2012-10-17","Statement":{}{}}}"#,
        "[".repeat(DEPTH),
        "]".repeat(DEPTH)
    );
    let unclosed = "[".repeat(DEPTH);
    for text in [arrays, objects, in_statement, unclosed] {
        let error = PolicyDocument::from_json(&text).unwrap_err();
        assert!(matches!(error, PolicyError::Json { .. }), "{error}");
    }
}

#[test]
fn a_document_over_the_limit_is_refused_before_it_is_read() {
    let statement = r#"{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"*"}"#;
    let count = 2 * 1024 * 1024 / (statement.len() + 1) + 1;
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        vec![statement; count].join(",")
    );
    assert!(text.len() > 2 * 1024 * 1024);
    let error = PolicyDocument::from_json(&text).unwrap_err();
    assert_eq!(
        error,
        PolicyError::TooLarge {
            size: text.len(),
            limit: MAX_DOCUMENT_BYTES
        }
    );
    assert_eq!(error.path().to_string(), "$");
}

#[test]
fn a_document_just_under_the_limit_is_read_and_linted() {
    // The linter's work grows with the document, not with its square: one statement repeating an
    // unknown action, a condition key and a resource tens of thousands of times, and as many
    // statements with one `Sid`.
    let entries = 18_000;
    let actions = vec![r#""ecr:BatchGetImages""#; entries].join(",");
    let resources = vec![r#""arn:aws:s3:::b""#; entries].join(",");
    let keys = (0..entries)
        .map(|i| format!(r#""aws:k{i}":"v""#))
        .collect::<Vec<_>>()
        .join(",");
    let big = format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":[{actions}],"Resource":[{resources}],"Condition":{{"StringEquals":{{{keys}}}}}}}}}"#
    );
    assert!(big.len() < MAX_DOCUMENT_BYTES, "{}", big.len());
    let findings = lint(&PolicyDocument::from_json(&big).unwrap());
    assert_eq!(findings.len(), 2 * entries);
    let statement =
        r#"{"Sid":"Same","Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}"#;
    let many = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        vec![statement; MAX_DOCUMENT_BYTES / (statement.len() + 1) - 1].join(",")
    );
    let findings = lint(&PolicyDocument::from_json(&many).unwrap());
    assert!(findings.len() > 10_000);
}
