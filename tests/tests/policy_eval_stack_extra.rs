//! The shape of our own whole-chain cases, `tests/data/policy-eval-stack-extra.jsonl` (issue 11): every
//! line is a case of the format of `conformance/policy-eval-stack/README.md` (required keys, the five
//! optional layers in their shapes, `expected` one of the three decisions), with an `i11-` id and a
//! `note` quoting the guide's sentence it tests; every policy in it is one AWS accepts as its layer's
//! type. The decisions come from the guides' text, not from an evaluator: the conformance test runs
//! them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::collections::{BTreeMap, BTreeSet};

#[allow(
    dead_code,
    reason = "the CLI's case reader, shared: this test uses part of it"
)]
#[path = "../../ecr-iam/src/conformance.rs"]
mod conformance;

use conformance::{case_id, expected, parse_case};
use ecr_actions::policy::{PolicyDocument, PolicyType};
use serde_json::Value;

const FILE: &str = "policy-eval-stack-extra.jsonl";

fn cases() -> Vec<(usize, Value)> {
    let path = format!("{}/data/{FILE}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .map(|(number, line)| {
            let case = parse_case(line).unwrap_or_else(|e| panic!("{FILE}:{}: {e}", number + 1));
            (number + 1, case)
        })
        .collect()
}

/// Checks that `value` is a policy AWS accepts as `policy_type`.
fn policy(value: &Value, policy_type: PolicyType, at: &str) {
    let document =
        PolicyDocument::from_value(value).unwrap_or_else(|e| panic!("{at}: not a policy: {e}"));
    if let Err(error) = policy_type.validate(&document) {
        panic!("{at}: {error}");
    }
}

/// Checks a list of organization levels, each a list of policies (`[]` allowed where `empty_levels`).
fn levels(value: &Value, policy_type: PolicyType, at: &str) {
    let levels = value
        .as_array()
        .unwrap_or_else(|| panic!("{at}: not an array of levels"));
    assert!(!levels.is_empty(), "{at}: no level");
    for (i, level) in levels.iter().enumerate() {
        let policies = level
            .as_array()
            .unwrap_or_else(|| panic!("{at}[{i}]: a level is an array of policies"));
        for (j, p) in policies.iter().enumerate() {
            policy(p, policy_type, &format!("{at}[{i}][{j}]"));
        }
    }
}

fn policies(value: &Value, policy_type: PolicyType, at: &str) -> usize {
    let list = value
        .as_array()
        .unwrap_or_else(|| panic!("{at}: not an array of policies"));
    for (i, p) in list.iter().enumerate() {
        policy(p, policy_type, &format!("{at}[{i}]"));
    }
    list.len()
}

#[test]
fn every_line_is_a_case_of_the_stack_format() {
    const KEYS: [&str; 11] = [
        "id",
        "identity_policies",
        "resource_policy",
        "service_control_policies",
        "resource_control_policies",
        "permission_boundaries",
        "session_policies",
        "vpc_endpoint_policy",
        "request",
        "expected",
        "note",
    ];
    let mut ids = BTreeSet::new();
    let mut decisions: BTreeMap<String, usize> = BTreeMap::new();
    let mut layers: BTreeMap<&str, usize> = BTreeMap::new();
    let cases = cases();
    for (line, case) in &cases {
        let at = format!("{FILE}:{line}");
        let object = case.as_object().unwrap();
        for key in object.keys() {
            assert!(KEYS.contains(&key.as_str()), "{at}: unknown key `{key}`");
        }
        let id = case_id(case).unwrap_or_else(|| panic!("{at}: no `id`"));
        assert!(
            id.starts_with("i11-"),
            "{at}: `{id}` is not prefixed `i11-`"
        );
        assert!(ids.insert(id.to_owned()), "{at}: `{id}` twice");
        let note = case["note"].as_str().unwrap_or("");
        assert!(
            note.contains('"') && note.len() > 40,
            "{at}: `note` quotes no sentence"
        );
        let decision = expected(case).unwrap_or_else(|e| panic!("{at}: {e}"));
        *decisions.entry(format!("{decision:?}")).or_default() += 1;

        policies(
            &case["identity_policies"],
            PolicyType::Identity,
            &format!("{at}: identity_policies"),
        );
        match &case["resource_policy"] {
            Value::Null => {}
            p => policy(p, PolicyType::Resource, &format!("{at}: resource_policy")),
        }
        if let Some(value) = case.get("service_control_policies") {
            levels(
                value,
                PolicyType::ServiceControl,
                &format!("{at}: service_control_policies"),
            );
            *layers.entry("scp").or_default() += 1;
        }
        if let Some(value) = case.get("resource_control_policies") {
            levels(
                value,
                PolicyType::ResourceControl,
                &format!("{at}: resource_control_policies"),
            );
            *layers.entry("rcp").or_default() += 1;
        }
        if let Some(value) = case.get("permission_boundaries") {
            let count = policies(
                value,
                PolicyType::PermissionsBoundary,
                &format!("{at}: permission_boundaries"),
            );
            assert_eq!(count, 1, "{at}: a principal has exactly one boundary");
            *layers.entry("boundary").or_default() += 1;
        }
        if let Some(value) = case.get("session_policies") {
            let count = policies(
                value,
                PolicyType::Session,
                &format!("{at}: session_policies"),
            );
            assert!(
                count >= 1,
                "{at}: `session_policies` is non-empty when present"
            );
            *layers.entry("session").or_default() += 1;
        }
        if let Some(value) = case.get("vpc_endpoint_policy") {
            policy(
                value,
                PolicyType::VpcEndpoint,
                &format!("{at}: vpc_endpoint_policy"),
            );
            *layers.entry("endpoint").or_default() += 1;
        }

        let request = case["request"]
            .as_object()
            .unwrap_or_else(|| panic!("{at}: no request"));
        let principal = request["principal"].as_str().unwrap();
        assert!(
            principal.starts_with("arn:aws:iam::") && principal.contains(":user/")
                || principal.starts_with("arn:aws:sts::") && principal.contains(":assumed-role/"),
            "{at}: the principal is an IAM user or a role session: {principal}"
        );
        assert!(request["action"].as_str().unwrap().starts_with("ecr:"));
        let resource = request["resource"].as_str().unwrap();
        assert!(
            resource == "*" || resource.starts_with("arn:aws:ecr:"),
            "{at}: {resource}"
        );
        for (key, value) in request["context"].as_object().unwrap() {
            let ok = value.is_string()
                || value
                    .as_array()
                    .is_some_and(|values| values.iter().all(Value::is_string));
            assert!(ok, "{at}: context `{key}` is neither a string nor strings");
        }
        // Session policies belong to role sessions only.
        if case.get("session_policies").is_some() {
            assert!(
                principal.contains(":assumed-role/"),
                "{at}: session policies of a user"
            );
        }
    }
    assert!(cases.len() >= 40, "{} cases", cases.len());
    // Every decision and every layer is exercised, several times.
    for decision in ["Allow", "ExplicitDeny", "ImplicitDeny"] {
        assert!(
            decisions.get(decision).copied().unwrap_or(0) >= 10,
            "{decisions:?}"
        );
    }
    for layer in ["scp", "rcp", "boundary", "session", "endpoint"] {
        assert!(layers.get(layer).copied().unwrap_or(0) >= 7, "{layers:?}");
    }
    // Each theme of issue 11 has its cases.
    for theme in [
        "i11-scp-",
        "i11-rcp-",
        "i11-pb-",
        "i11-sess-",
        "i11-vpce-",
        "i11-chain-",
    ] {
        assert!(
            ids.iter().filter(|id| id.starts_with(theme)).count() >= 4,
            "{theme}"
        );
    }
    assert!(ids.iter().filter(|id| id.contains("cross-account")).count() >= 5);
}
