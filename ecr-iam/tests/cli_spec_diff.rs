//! `ecr-iam spec diff OLD NEW`, run as a user runs it: the ECR data update from the seed (2022-11-10) to
//! the tables of 2026-10-27, checked against the tables themselves, and a made-up pair that exercises
//! every kind of change.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn ecr_iam(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_ecr-iam"))
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        status: output.status.code().expect("the binary exits, not killed"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn workspace(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

/// The seed's metadata with its companion tables (the independent reading in
/// `tests/data/ecr-expected.json`, plus the date and the 2022 resource-type and condition-key tables).
fn old_ecr() -> String {
    workspace("tests/data/ecr-2022-11-10-expected.json")
}

/// The 2026-10-27 tables' metadata, as AWS published them.
fn new_ecr() -> String {
    workspace("spec/2026-10-27/ecr-expected.json")
}

/// A file of its own in the system's temporary folder, holding `value`.
fn temp_json(name: &str, value: &Value) -> PathBuf {
    let path =
        std::env::temp_dir().join(format!("ecr-iam-spec-diff-{}-{name}", std::process::id()));
    std::fs::write(&path, serde_json::to_string(value).unwrap()).unwrap();
    path
}

/// The actions ECR added between 2022-11-10 and 2026-10-27, in the 2026 table's order: every action
/// name of `spec/2026-10-27/ecr-actions.txt` that `spec/ecr-actions.txt` lacks.
const ADDED: [&str; 21] = [
    "CreateRepositoryCreationTemplate",
    "DeleteRepositoryCreationTemplate",
    "DeleteSigningConfiguration",
    "DeregisterPullTimeUpdateExclusion",
    "DescribeImageSigningStatus",
    "DescribeReplicationBackfillResults",
    "DescribeRepositoryCreationTemplates",
    "GetAccountSetting",
    "GetImageCopyStatus",
    "GetSigningConfiguration",
    "ListPullTimeUpdateExclusions",
    "ListReplicationBackfills",
    "PutAccountSetting",
    "PutSigningConfiguration",
    "RegisterPullTimeUpdateExclusion",
    "StartReplicationBackfill",
    "StopReplicationBackfill",
    "UpdateImageStorageClass",
    "UpdatePullThroughCacheRule",
    "UpdateRepositoryCreationTemplate",
    "ValidatePullThroughCacheRule",
];

/// The ECR update, as JSON: 21 actions added, none removed; the changes the two tables show side by side
/// (four `Permissions management` actions now also `Write`, `TagResource`/`UntagResource` now `Tagging,
/// Write`, `repository*` now required by `BatchImportUpstreamImage`, `CreateRepository` and
/// `DescribeRepositories`, `UntagResource` no longer lists `aws:RequestTag/${TagKey}`), and the new
/// condition key `ecr:AccountSetting`.
#[test]
fn the_ecr_update_from_2022_to_2026() {
    let run = ecr_iam(&["spec", "diff", &old_ecr(), &new_ecr(), "--json"]);
    // The tables differ: the answer to "are they the same?" is no (as `diff` exits), and stderr
    // adds nothing to what stdout says.
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let diff: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(diff["service"], "ecr");
    assert_eq!(diff["old_last_updated"], "2022-11-10T16:11:37+00:00");
    assert_eq!(diff["new_last_updated"], "2026-10-27T04:50:33+00:00");
    assert_eq!(diff["added_actions"], json!(ADDED));
    assert_eq!(diff["removed_actions"], json!([]));
    let pm_write = |name: &str| json!({"name": name, "access_level": {"old": "Permissions management", "new": "Permissions management, Write"}});
    let repository = json!([{"name": "repository", "required": true}]);
    assert_eq!(
        diff["changed_actions"],
        json!([
            {"name": "BatchImportUpstreamImage", "added_resource_types": repository},
            {"name": "CreateRepository", "added_resource_types": repository},
            pm_write("DeleteRegistryPolicy"),
            pm_write("DeleteRepositoryPolicy"),
            {"name": "DescribeRepositories", "changed_resource_types": [
                {"name": "repository", "required": {"old": false, "new": true}}
            ]},
            pm_write("PutRegistryPolicy"),
            pm_write("SetRepositoryPolicy"),
            {"name": "TagResource", "access_level": {"old": "Tagging", "new": "Tagging, Write"}},
            {"name": "UntagResource", "access_level": {"old": "Tagging", "new": "Tagging, Write"},
             "condition_keys": {"removed": ["aws:RequestTag/${TagKey}"]}},
        ])
    );
    assert_eq!(diff["added_resource_types"], json!([]));
    assert_eq!(diff["removed_resource_types"], json!([]));
    assert_eq!(diff["added_condition_keys"], json!(["ecr:AccountSetting"]));
    assert_eq!(diff["removed_condition_keys"], json!([]));
}

#[test]
fn the_ecr_update_for_a_reader() {
    let run = ecr_iam(&["spec", "diff", &old_ecr(), &new_ecr()]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.starts_with("ecr: 2022-11-10T16:11:37+00:00 -> 2026-10-27T04:50:33+00:00\n"),
        "{out}"
    );
    for line in [
        "Added actions (21):\n  ecr:CreateRepositoryCreationTemplate\n",
        "Removed actions (0):\n  none\n",
        "Changed actions (9):\n",
        "  ecr:DescribeRepositories\n    resource type repository: optional -> required\n",
        "  ecr:CreateRepository\n    resource type added: repository (required)\n",
        "  ecr:SetRepositoryPolicy\n    access level: Permissions management -> Permissions management, Write\n",
        "    condition keys removed: aws:RequestTag/${TagKey}\n",
        "Added condition keys (1):\n  ecr:AccountSetting\n",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
}

#[test]
fn a_table_against_itself_has_no_changes() {
    let run = ecr_iam(&["spec", "diff", &new_ecr(), &new_ecr(), "--json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let diff: Value = serde_json::from_str(&run.stdout).unwrap();
    for list in [
        "added_actions",
        "removed_actions",
        "changed_actions",
        "added_resource_types",
        "removed_resource_types",
        "added_condition_keys",
        "removed_condition_keys",
    ] {
        assert_eq!(diff[list], json!([]), "{list}");
    }
}

fn action(name: &str, level: &str, resource_types: Value, keys: Value, dependent: Value) -> Value {
    json!({"name": name, "description": "Grants permission to do it", "access_level": level,
           "resource_types": resource_types, "condition_keys": keys, "dependent_actions": dependent})
}

/// A made-up pair: an action removed, one renamed only in case (the same action for IAM: "The prefix and
/// the action name are case insensitive", IAM User Guide, "IAM JSON policy elements: Action"), a resource
/// type dropped, its keys and dependent actions changed, a key listed twice (once in the diff), and
/// service-wide parts removed. Older documents without the service-wide lists still read.
#[test]
fn every_kind_of_change_in_a_made_up_pair() {
    let old = json!({
        "service": "demo",
        "names": [],
        "actions": [
            action("CreateWidget", "Write",
                json!([{"name": "widget", "required": true, "condition_keys": ["demo:Color"], "dependent_actions": ["iam:PassRole"]},
                       {"name": "gadget", "required": false, "condition_keys": [], "dependent_actions": []}]),
                json!(["aws:TagKeys"]), json!([])),
            action("Listwidgets", "List", json!([]), json!([]), json!([])),
            action("DeleteWidget", "Write", json!([]), json!([]), json!([])),
        ],
        "resource_types": [{"name": "widget", "condition_keys": []}, {"name": "gadget", "condition_keys": []}],
        "condition_keys": [{"name": "demo:Color"}, {"name": "aws:TagKeys"}],
    });
    let new = json!({
        "service": "demo",
        "names": [],
        "actions": [
            action("CreateWidget", "Write",
                json!([{"name": "widget", "required": true, "condition_keys": ["demo:Size", "demo:Size"], "dependent_actions": []}]),
                json!(["aws:TagKeys", "aws:RequestTag/${TagKey}"]), json!(["demo:DescribeWidget"])),
            action("ListWidgets", "List", json!([]), json!([]), json!([])),
        ],
    });
    let (old, new) = (temp_json("old.json", &old), temp_json("new.json", &new));
    let run = ecr_iam(&[
        "spec",
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let diff: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(diff["old_last_updated"], Value::Null);
    assert_eq!(diff["added_actions"], json!([]));
    assert_eq!(diff["removed_actions"], json!(["DeleteWidget"]));
    assert_eq!(
        diff["changed_actions"],
        json!([
            {"name": "CreateWidget",
             "removed_resource_types": [{"name": "gadget", "required": false}],
             "changed_resource_types": [{"name": "widget",
                 "condition_keys": {"added": ["demo:Size"], "removed": ["demo:Color"]},
                 "dependent_actions": {"removed": ["iam:PassRole"]}}],
             "condition_keys": {"added": ["aws:RequestTag/${TagKey}"]},
             "dependent_actions": {"added": ["demo:DescribeWidget"]}},
            {"name": "ListWidgets", "old_name": "Listwidgets"},
        ])
    );
    assert_eq!(diff["removed_resource_types"], json!(["widget", "gadget"]));
    assert_eq!(
        diff["removed_condition_keys"],
        json!(["demo:Color", "aws:TagKeys"])
    );
    let human = ecr_iam(&["spec", "diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(human.status, 1, "{}", human.stderr);
    for line in [
        "demo: (no date) -> (no date)\n",
        "Removed actions (1):\n  demo:DeleteWidget\n",
        "    resource type removed: gadget (optional)\n",
        "    resource type widget: condition keys added: demo:Size\n",
        "    resource type widget: dependent actions removed: iam:PassRole\n",
        "    name: Listwidgets -> ListWidgets\n",
    ] {
        assert!(
            human.stdout.contains(line),
            "no {line:?} in:\n{}",
            human.stdout
        );
    }
    let _ignored = (std::fs::remove_file(old), std::fs::remove_file(new));
}

/// Bad input is bad usage (exit 2), with the reason: a missing file, a file that is not metadata or
/// is empty, two services, an action listed twice.
#[test]
fn bad_input_is_refused_with_the_reason() {
    let missing = ecr_iam(&["spec", "diff", "/nonexistent/old.json", &new_ecr()]);
    assert_eq!(missing.status, 2);
    assert!(
        missing
            .stderr
            .contains("error: OLD `/nonexistent/old.json`: cannot read it"),
        "{}",
        missing.stderr
    );

    let not_json = temp_json("not-metadata.json", &json!({"service": "ecr"}));
    let run = ecr_iam(&["spec", "diff", &new_ecr(), not_json.to_str().unwrap()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains(":1:17: not service metadata as `ecr-iam spec --json` prints it: missing field `names`\n"),
        "{}",
        run.stderr
    );
    // The JSON reader's position is given once, in front.
    assert!(!run.stderr.contains("at line"), "{}", run.stderr);

    // An empty file says so.
    let empty = not_json.with_file_name("empty-metadata.json");
    std::fs::write(&empty, "\n").unwrap();
    let run = ecr_iam(&["spec", "diff", empty.to_str().unwrap(), &new_ecr()]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: OLD `{}` is empty: expected service metadata as `ecr-iam spec --json` prints it\n",
            empty.display()
        )
    );
    let _ignored = std::fs::remove_file(empty);

    let other = temp_json(
        "other.json",
        &json!({"service": "sqs", "names": [], "actions": []}),
    );
    let run = ecr_iam(&["spec", "diff", &new_ecr(), other.to_str().unwrap()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("OLD is service `ecr` and NEW is service `sqs`"),
        "{}",
        run.stderr
    );

    let twice = temp_json(
        "twice.json",
        &json!({"service": "ecr", "names": [], "actions": [
            action("PutImage", "Write", json!([]), json!([]), json!([])),
            action("putimage", "Write", json!([]), json!([]), json!([])),
        ]}),
    );
    let run = ecr_iam(&["spec", "diff", twice.to_str().unwrap(), &new_ecr()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("OLD lists action `putimage` twice"),
        "{}",
        run.stderr
    );

    let usage = ecr_iam(&["spec", "diff", &new_ecr()]);
    assert_eq!(usage.status, 2);
    for path in [not_json, other, twice] {
        let _ignored = std::fs::remove_file(path);
    }
}
