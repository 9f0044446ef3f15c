//! The model of each sample table equals its `*-expected.json`, an independent reading of the table.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions_codegen::model::{Service, Tables};
use serde_json::{Value, json};

fn data(name: &str) -> String {
    let path = format!("{}/../tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn metadata(service: &Service) -> Value {
    let actions: Vec<Value> = service
        .actions
        .iter()
        .map(|a| {
            json!({
                "name": a.name,
                "description": a.description,
                "access_level": a.access_levels.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", "),
                "resource_types": a.resource_types.iter().map(|r| json!({
                    "name": r.name,
                    "required": r.required,
                    "condition_keys": r.condition_keys,
                    "dependent_actions": r.dependent_actions,
                })).collect::<Vec<_>>(),
                "condition_keys": a.condition_keys,
                "dependent_actions": a.dependent_actions,
            })
        })
        .collect();
    json!({ "service": service.prefix, "names": service.names, "actions": actions })
}

fn check(prefix: &str, actions_file: &str) {
    let expected: Value = serde_json::from_str(&data(&format!("{prefix}-expected.json"))).unwrap();
    check_against(prefix, actions_file, expected);
}

/// The expected reading of a sample: a value its page lists twice in one cell is taken once (the
/// Service Authorization Reference's lists are sets: "The Condition keys column of the Actions defined
/// by … table includes keys that you can specify in a policy statement's Condition element"; a key
/// applies or it does not).
fn taken_once(prefix: &str) -> Value {
    let mut expected: Value =
        serde_json::from_str(&data(&format!("{prefix}-expected.json"))).unwrap();
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

/// A sample's `names_for`, as its expected file gives it (an object: action → full values in order).
fn names_for(expected: &Value) -> Vec<(String, Vec<String>)> {
    expected
        .get("names_for")
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                .map(|(action, values)| {
                    (
                        action.clone(),
                        serde_json::from_value(values.clone()).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn check_against(prefix: &str, actions_file: &str, mut expected: Value) {
    let names: Vec<String> = serde_json::from_value(expected["names"].clone()).unwrap();
    let names_for = names_for(&expected);
    // `names_for` is an argument, not part of the reading.
    expected.as_object_mut().unwrap().remove("names_for");
    let text = data(actions_file);
    let tables = Tables {
        service: prefix,
        actions: &text,
        resource_types: None,
        condition_keys: None,
        names: &names,
        names_for: &names_for,
    };
    let service = Service::from_tables(&tables).unwrap_or_else(|p| panic!("{p:#?}"));
    let mut got = metadata(&service);
    if expected.get("cut_descriptions").is_some() {
        let cut = service
            .actions
            .iter()
            .filter(|a| a.description.contains('…'))
            .count();
        got["cut_descriptions"] = json!(cut);
    }
    if got != expected {
        let (g, e) = (
            got["actions"].as_array().unwrap(),
            expected["actions"].as_array().unwrap(),
        );
        for (a, b) in g.iter().zip(e) {
            assert_eq!(a, b);
        }
        assert_eq!(g.len(), e.len());
    }
    assert_eq!(got, expected);
}

#[test]
fn sqs() {
    check("sqs", "sqs-actions.txt");
}

#[test]
fn eks() {
    check("eks", "eks-actions.txt");
}

#[test]
fn cloudformation() {
    check("cloudformation", "cloudformation-actions.txt");
}

#[test]
fn ecr() {
    check("ecr", "../../spec/ecr-actions.txt");
}

/// The KMS table cuts `kms:RecipientAttestation:NitroTPMPCR0` … `PCR23` all to the same visible text:
/// no rule can tell which cell is which, so the table is refused, naming the cell and the candidates.
#[test]
fn kms_is_refused_with_the_ambiguous_cell_and_its_candidates() {
    let expected: Value = serde_json::from_str(&data("kms-expected.json")).unwrap();
    // `names` as given, and the 24 keys the cut cells stand for: each fits every one of those cells.
    let mut names: Vec<String> = serde_json::from_value(expected["names"].clone()).unwrap();
    names.extend((0..24).map(|n| format!("kms:RecipientAttestation:NitroTPMPCR{n}")));
    let text = data("kms-actions.txt");
    let tables = Tables {
        service: "kms",
        actions: &text,
        resource_types: None,
        condition_keys: None,
        names: &names,
        names_for: &[],
    };
    let problems = Service::from_tables(&tables).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = &problems[0];
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            l.find("kms:RecipientAttestation:NitroTPMPC…")
                .map(|b| (i + 1, l[..b].chars().count() + 1))
        })
        .unwrap();
    assert_eq!(
        problem.place,
        ecr_actions_codegen::problem::Place::Table(
            ecr_actions_codegen::problem::Source::Actions,
            ecr_actions_codegen::table::Pos::new(line, column)
        )
    );
    assert!(
        problem
            .message
            .contains("`kms:RecipientAttestation:NitroTPMPC…`"),
        "{}",
        problem.message
    );
    assert!(
        problem.message.contains("fits 24 listed names"),
        "{}",
        problem.message
    );
    for n in 0..24 {
        assert!(
            problem
                .message
                .contains(&format!("`kms:RecipientAttestation:NitroTPMPCR{n}`"))
        );
    }
    // The message shows the `names_for` entry that settles the first action showing the cell: the
    // expected file's entry for `Decrypt`, written as the macro argument.
    let decrypt: Vec<String> =
        serde_json::from_value(expected["names_for"]["Decrypt"].clone()).unwrap();
    let entry = format!(
        "names_for = {{ \"Decrypt\" = [{}] }}",
        decrypt
            .iter()
            .map(|v| format!("{v:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(problem.message.contains(&entry), "{}", problem.message);
}

/// The KMS table yields `kms-expected.json` with the `names_for` given there: each action whose cut cells
/// `names` cannot settle lists the full values of all its cut cells, in table order.
#[test]
fn kms_with_names_for() {
    check("kms", "kms-actions.txt");
}

/// The DMS table cuts resource type `ReplicationTaskAssessmentRun` to `ReplicationTaskAssessmentR…`, which
/// has lost its `*`: the type is required in some actions and optional in others (the Service Authorization
/// Reference: "If the column includes an asterisk (*), then that resource type is required"), so only
/// `names_for`, entry `name*` or `name`, can settle each cell; the table yields `dms-expected.json`.
#[test]
fn dms_with_names_for() {
    check("dms", "dms-actions.txt");
}

/// The codebuild sample, from its real table with the `names_for` of its expected file. It holds distinct
/// condition keys that differ only in punctuation, such as `codebuild:environment.type` and
/// `codebuild:environmentType`: the Service Authorization Reference lists them as different keys, so both
/// must be read, each with its own identifier.
#[test]
fn codebuild_with_names_for() {
    check_against(
        "codebuild",
        "codebuild-actions.txt",
        taken_once("codebuild"),
    );
}

/// The s3 sample, from its real table with the `names_for` of its expected file. Its page lists
/// `s3:signatureversion` twice in one cell of several actions; the expected reading takes it once.
#[test]
fn s3_with_names_for() {
    let expected = taken_once("s3");
    let action = |name: &str| {
        expected["actions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .unwrap()
            .clone()
    };
    // The page lists the key twice in this action's cell; the reading takes it once.
    assert_eq!(
        action("GetBucketObjectLockConfiguration")["condition_keys"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|k| *k == "s3:signatureversion")
            .count(),
        1
    );
    check_against("s3", "s3-actions.txt", expected);
}
