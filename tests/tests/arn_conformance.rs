//! The resource cases of the policy-evaluation conformance sample, read through the ARN types.
//!
//! `data/policy-eval-sample.jsonl` is a verbatim copy of `../shared/conformance/policy-eval/sample.jsonl`.
//! A *resource case* has an id starting `res-`, or a policy whose statements use `Resource` or
//! `NotResource` with something other than `*`. Every pattern of those cases is an [`ArnPattern`], every
//! request resource an [`RepositoryArn`] (or `*`), every principal an [`Arn`]; and in the *simple* cases,
//! where the only question is whether one `Resource` pattern matches the request's resource, the expected
//! decision is `Allow` exactly when [`ArnPattern::matches`] says so.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions::{Arn, ArnPattern, RepositoryArn};
use serde_json::Value;

fn cases() -> Vec<Value> {
    let path = format!(
        "{}/data/policy-eval-sample.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let cases: Vec<Value> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(cases.len(), 70, "the sample holds 70 cases");
    cases
}

fn id(case: &Value) -> &str {
    case["id"].as_str().unwrap()
}

/// Every policy of a case: the identity policies, then the resource policy if there is one.
fn policies(case: &Value) -> Vec<&Value> {
    let mut policies: Vec<&Value> = case["identity_policies"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    if !case["resource_policy"].is_null() {
        policies.push(&case["resource_policy"]);
    }
    policies
}

/// A `Statement` (or any element) written as one value or as an array of them.
fn one_or_many(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(values) => values.iter().collect(),
        Value::Null => Vec::new(),
        value => vec![value],
    }
}

fn statements(case: &Value) -> Vec<&Value> {
    policies(case)
        .into_iter()
        .flat_map(|policy| one_or_many(&policy["Statement"]))
        .collect()
}

/// The `Resource` and `NotResource` strings of a case's statements.
fn resource_patterns(case: &Value) -> Vec<&str> {
    statements(case)
        .into_iter()
        .flat_map(|statement| {
            ["Resource", "NotResource"]
                .into_iter()
                .flat_map(|key| one_or_many(&statement[key]))
        })
        .map(|pattern| pattern.as_str().unwrap())
        .collect()
}

fn is_resource_case(case: &Value) -> bool {
    id(case).starts_with("res-") || resource_patterns(case).iter().any(|p| *p != "*")
}

/// The one `Resource` pattern of a simple case: one identity policy and no resource policy, one Allow
/// statement with no condition, no principal and no `Not…` element, whose one `Action` is the request's
/// action, and whose one `Resource` string holds no policy variable.
fn simple_pattern(case: &Value) -> Option<&str> {
    let [statement] = statements(case)[..] else {
        return None;
    };
    let simple = case["identity_policies"].as_array()?.len() == 1
        && case["resource_policy"].is_null()
        && statement["Effect"] == "Allow"
        && [
            "Condition",
            "Principal",
            "NotPrincipal",
            "NotAction",
            "NotResource",
        ]
        .iter()
        .all(|key| statement.get(key).is_none())
        && statement["Action"]
            .as_str()?
            .eq_ignore_ascii_case(case["request"]["action"].as_str()?);
    let pattern = statement["Resource"].as_str()?;
    (simple && !pattern.contains("${")).then_some(pattern)
}

#[test]
fn the_sample_has_resource_cases() {
    let cases = cases();
    let resource_cases: Vec<&str> = cases
        .iter()
        .filter(|c| is_resource_case(c))
        .map(id)
        .collect();
    let res: Vec<&&str> = resource_cases
        .iter()
        .filter(|id| id.starts_with("res-"))
        .collect();
    assert_eq!(res.len(), 7, "{resource_cases:?}");
    assert!(resource_cases.len() > res.len(), "{resource_cases:?}");
}

#[test]
fn every_resource_pattern_is_an_arn_pattern() {
    let mut patterns = 0;
    for case in cases().iter().filter(|c| is_resource_case(c)) {
        for pattern in resource_patterns(case) {
            let parsed =
                ArnPattern::new(pattern).unwrap_or_else(|error| panic!("{}: {error}", id(case)));
            assert_eq!(parsed.to_string(), pattern);
            patterns += 1;
        }
    }
    assert!(patterns >= 20, "{patterns}");
}

#[test]
fn every_request_resource_is_a_repository_arn_and_every_principal_an_arn() {
    for case in &cases() {
        let request = &case["request"];
        let resource = request["resource"].as_str().unwrap();
        if resource != "*" {
            let arn: RepositoryArn = resource
                .parse()
                .unwrap_or_else(|error| panic!("{}: {error}", id(case)));
            assert_eq!(arn.to_string(), resource);
        }
        let principal: Arn = request["principal"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap_or_else(|error| panic!("{}: {error}", id(case)));
        assert!(matches!(principal.service(), "iam" | "sts"), "{}", id(case));
        assert_eq!(principal.region(), "");
    }
}

#[test]
fn simple_resource_cases_allow_exactly_when_the_pattern_matches() {
    let cases = cases();
    let mut checked = Vec::new();
    for case in cases.iter().filter(|c| is_resource_case(c)) {
        let Some(pattern) = simple_pattern(case) else {
            assert!(
                !id(case).starts_with("res-"),
                "{} is a res- case that is not simple",
                id(case)
            );
            continue;
        };
        let resource = case["request"]["resource"].as_str().unwrap();
        let expected = case["expected"].as_str().unwrap();
        assert!(
            matches!(expected, "Allow" | "ImplicitDeny"),
            "{}: {expected}",
            id(case)
        );
        let matches = ArnPattern::new(pattern).unwrap().matches(resource);
        assert_eq!(
            matches,
            expected == "Allow",
            "{}: `{pattern}` ~ `{resource}`, expected {expected}",
            id(case)
        );
        if let Ok(arn) = resource.parse::<Arn>() {
            assert_eq!(ArnPattern::new(pattern).unwrap().matches_arn(&arn), matches);
        }
        checked.push(id(case));
    }
    // All seven `res-` cases, both outcomes among them.
    assert_eq!(
        checked.iter().filter(|id| id.starts_with("res-")).count(),
        7,
        "{checked:?}"
    );
    assert!(checked.iter().any(|id| {
        cases
            .iter()
            .any(|c| c["id"] == *id && c["expected"] == "ImplicitDeny")
    }));
}
