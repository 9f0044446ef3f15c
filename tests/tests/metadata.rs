//! Each generated service's metadata, read through the public API, equals the sample's
//! `*-expected.json`: an independent reading of the same table. The ECR crate's own tables (2026-10-27)
//! come with theirs in `spec/2026-10-27/`; the seed's is `data/ecr-expected.json`.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions::metadata::ServiceMetadata;
use ecr_actions::service::IamAction;
use ecr_actions_tests::{cloudformation, codebuild, dms, ecr_2022, eks, kms, s3, sqs};
use serde_json::{Value, json};

fn expected(file: &str) -> Value {
    read(&format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR")))
}

fn read(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The metadata as JSON; `cut_descriptions` (in the newer samples) counts descriptions with a cut word.
/// The service-wide parts only the 2026 ECR sample records (`last_updated`, the resource types and
/// condition keys) are compared where the sample has them.
fn actual<A: IamAction>(expected: &Value) -> Value {
    let mut value = serde_json::to_value(ServiceMetadata::of::<A>()).unwrap();
    for part in ["last_updated", "resource_types", "condition_keys"] {
        if expected.get(part).is_none() {
            value.as_object_mut().unwrap().remove(part);
        }
    }
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

/// `ecr_actions::Action` is ECR as AWS published it on 2026-10-27: all 64 actions, the resource type,
/// the five condition keys (with the new `ecr:AccountSetting`) and the date, exactly.
#[test]
fn ecr_matches_the_2026_10_27_tables() {
    let expected = read(&format!(
        "{}/../spec/2026-10-27/ecr-expected.json",
        env!("CARGO_MANIFEST_DIR")
    ));
    for part in ["last_updated", "resource_types", "condition_keys"] {
        assert!(expected.get(part).is_some(), "the 2026 sample has {part}");
    }
    assert_same(&actual::<ecr_actions::Action>(&expected), &expected);
    assert_eq!(ecr_actions::Action::COUNT, 64);
}

/// The seed table (2022-11-10), compiled in this crate, still yields its independent reading.
#[test]
fn the_seed_matches_its_independent_reading() {
    let expected = expected("ecr-expected.json");
    assert_same(&actual::<ecr_2022::Action>(&expected), &expected);
    assert_eq!(ecr_2022::Action::COUNT, 43);
    assert_eq!(ecr_2022::LAST_UPDATED, Some("2022-11-10T16:11:37+00:00"));
    // With its companion tables (the same resource type and four of 2026's five keys, without
    // `ecr:AccountSetting`), the file `ecr-iam spec diff` tests take as the older side.
    let full = read(&format!(
        "{}/data/ecr-2022-11-10-expected.json",
        env!("CARGO_MANIFEST_DIR")
    ));
    assert_same(&actual::<ecr_2022::Action>(&full), &full);
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

/// KMS from its real table: the actions given in `names_for` take their 24 cut
/// `kms:RecipientAttestation:NitroTPMPC…` cells from there, and the whole table matches its sample.
#[test]
fn kms_matches_its_sample() {
    let expected = taken_once("kms-expected.json");
    assert_same(&actual::<kms::Action>(&expected), &expected);
}

/// DMS from its real table: `ReplicationTaskAssessmentRun` is required where `names_for` says
/// `ReplicationTaskAssessmentRun*` and optional where it says `ReplicationTaskAssessmentRun` (the Service
/// Authorization Reference: "If the column includes an asterisk (*), then that resource type is
/// required"), and the whole table matches its sample.
#[test]
fn dms_matches_its_sample() {
    let expected = taken_once("dms-expected.json");
    assert_same(&actual::<dms::Action>(&expected), &expected);
}

/// The expected reading of a sample (its `names_for` is an argument, not part of the reading): a value the
/// page lists twice in one cell is taken once
/// (the Service Authorization Reference's lists are sets: "The Condition keys column of the Actions
/// defined by … table includes keys that you can specify in a policy statement's Condition element").
fn taken_once(file: &str) -> Value {
    let mut expected = expected(file);
    expected.as_object_mut().unwrap().remove("names_for");
    let once = |list: &mut Value| {
        let mut seen = std::collections::HashSet::new();
        list.as_array_mut()
            .unwrap()
            .retain(|v| seen.insert(v.as_str().unwrap().to_owned()));
    };
    for action in expected["actions"].as_array_mut().unwrap() {
        once(&mut action["condition_keys"]);
        once(&mut action["dependent_actions"]);
        for r in action["resource_types"].as_array_mut().unwrap() {
            once(&mut r["condition_keys"]);
            once(&mut r["dependent_actions"]);
        }
    }
    expected
}

/// CodeBuild lists `codebuild:environment.type` and `codebuild:environmentType` as distinct keys: both
/// are generated, each its own variant, and the whole table matches its sample.
#[test]
fn codebuild_matches_its_sample() {
    let expected = taken_once("codebuild-expected.json");
    assert_same(&actual::<codebuild::Action>(&expected), &expected);
    let dotted = codebuild::ConditionKey::Codebuild_Environment_dType;
    let joined = codebuild::ConditionKey::Codebuild_EnvironmentType;
    assert_ne!(dotted, joined);
    assert_eq!(dotted.as_str(), "codebuild:environment.type");
    assert_eq!(joined.as_str(), "codebuild:environmentType");
}

/// S3 lists `s3:signatureversion` twice in one cell of `GetBucketObjectLockConfiguration`: it is taken
/// once, and the whole table matches its sample.
#[test]
fn s3_matches_its_sample() {
    let expected = taken_once("s3-expected.json");
    assert_same(&actual::<s3::Action>(&expected), &expected);
    let keys = s3::Action::GetBucketObjectLockConfiguration.condition_keys();
    assert_eq!(
        keys.iter()
            .filter(|k| k.as_str() == "s3:signatureversion")
            .count(),
        1
    );
}

/// Two invocations for one service in one crate (`sqs` and `sqs_snapshot`, identical arguments in two
/// modules) both compile, and each module has its own complete, equal service.
#[test]
fn two_invocations_for_one_service_in_one_crate() {
    let expected = expected("sqs-expected.json");
    assert_same(
        &actual::<ecr_actions_tests::sqs_snapshot::Action>(&expected),
        &expected,
    );
    assert_eq!(
        sqs::Action::ALL.map(|a| a.as_str()),
        ecr_actions_tests::sqs_snapshot::Action::ALL.map(|a| a.as_str())
    );
}
