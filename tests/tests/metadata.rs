//! Each generated service's metadata, read through the public API, equals the sample's
//! `*-expected.json`: an independent reading of the same table.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions::metadata::ServiceMetadata;
use ecr_actions::service::IamAction;
use ecr_actions_tests::{cloudformation, eks, kms, sqs};
use serde_json::{Value, json};

fn expected(file: &str) -> Value {
    let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The metadata as JSON; `cut_descriptions` (in the newer samples) counts descriptions with a cut word.
fn actual<A: IamAction>(expected: &Value) -> Value {
    let mut value = serde_json::to_value(ServiceMetadata::of::<A>()).unwrap();
    if expected.get("cut_descriptions").is_some() {
        let cut = A::ALL
            .iter()
            .filter(|a| a.description().contains('…'))
            .count();
        value["cut_descriptions"] = json!(cut);
    }
    value
}

fn assert_same(actual: &Value, expected: &Value) {
    // Compare action by action first, so that a failure names the action.
    let (a, e) = (
        actual["actions"].as_array().unwrap(),
        expected["actions"].as_array().unwrap(),
    );
    for (a, e) in a.iter().zip(e) {
        assert_eq!(a, e);
    }
    assert_eq!(actual, expected);
}

#[test]
fn ecr_matches_the_independent_reading_of_the_seed() {
    let expected = expected("ecr-expected.json");
    assert_same(&actual::<ecr_actions::Action>(&expected), &expected);
    assert_eq!(ecr_actions::Action::COUNT, 43);
}

#[test]
fn sqs_matches_its_sample() {
    let expected = expected("sqs-expected.json");
    assert_same(&actual::<sqs::Action>(&expected), &expected);
}

#[test]
fn eks_matches_its_sample() {
    let expected = expected("eks-expected.json");
    assert_same(&actual::<eks::Action>(&expected), &expected);
}

#[test]
fn cloudformation_matches_its_sample() {
    let expected = expected("cloudformation-expected.json");
    assert_same(&actual::<cloudformation::Action>(&expected), &expected);
}

#[test]
fn kms_written_out_matches_its_sample() {
    let mut expected = expected("kms-expected.json");
    // The 24 written-out cells are no longer cut, so `names` lists only the cells still cut.
    let names: Vec<Value> = expected["names"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| {
            !n.as_str()
                .unwrap()
                .starts_with("kms:RecipientAttestation:NitroTPMPC")
        })
        .cloned()
        .collect();
    expected["names"] = Value::Array(names);
    assert_same(&actual::<kms::Action>(&expected), &expected);
}
