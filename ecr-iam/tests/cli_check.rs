//! `ecr-iam check …`, run as a user runs it: the verdict lines and the JSON object (its witness
//! decided again by the evaluator), the exit statuses (0 PASS, 1 FAIL proven or not, 2 bad input).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::path::PathBuf;
use std::process::Command;

use ecr_actions::eval::{Context, Evaluator, Request, Resource};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, RepositoryArn};
use serde_json::Value;

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    #[track_caller]
    fn assert_status(&self, status: i32) -> &Self {
        assert_eq!(
            self.status, status,
            "exit status\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
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

fn file(name: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-check");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

const OLD: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "Pull", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
   "Resource": "arn:aws:ecr:*:111122223333:repository/*"}]}"#;

const TIGHTER: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "Pull", "Effect": "Allow", "Action": "ecr:BatchGetImage",
   "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"}]}"#;

const WIDER: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "Pull", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
   "Resource": "arn:aws:ecr:*:111122223333:repository/*"},
  {"Sid": "Cleanup", "Effect": "Allow", "Action": "ecr:DeleteRepository",
   "Resource": "arn:aws:ecr:*:111122223333:repository/tmp/*"}]}"#;

/// The same condition up to case under `StringEqualsIgnoreCase`: no new access, but the check
/// compares `…IgnoreCase` values by their text only, so it cannot prove it (and finds no witness).
const OTHER_KEY: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*",
   "Condition": {"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "web"}}}]}"#;
const OTHER_KEY_OLD: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*",
   "Condition": {"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "WEB"}}}]}"#;

const PUBLIC: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "Everyone", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}"#;

const ORG: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage",
   "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#;

const WILDCARD_PRINCIPAL: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root"}, "Action": "ecr:BatchGetImage"}]}"#;

/// IAM User Guide, "Policy evaluation logic": "an explicit allow in an identity-based policy"
/// allows; narrowing actions and resources only removes allows: PASS, exit 0.
#[test]
fn tightening_passes() {
    let run = ecr_iam(&[
        "check",
        "no-new-access",
        &file("old.json", OLD),
        &file("tighter.json", TIGHTER),
    ]);
    run.assert_status(0);
    assert_eq!(run.stdout.trim(), "PASS");
    let run = ecr_iam(&[
        "check",
        "no-new-access",
        &file("old.json", OLD),
        &file("tighter.json", TIGHTER),
        "--json",
    ]);
    run.assert_status(0);
    let json = run.json();
    assert_eq!(json["check"], "no-new-access");
    assert_eq!(json["verdict"], "pass");
    assert_eq!(json["reasons"], Value::Array(vec![]));
}

/// Adding `ecr:DeleteRepository`: FAIL with a witness the evaluator allows under NEW and not
/// under OLD (evaluated again here from the JSON).
#[test]
fn new_action_fails_with_a_witness() {
    let run = ecr_iam(&[
        "check",
        "no-new-access",
        &file("old.json", OLD),
        &file("wider.json", WIDER),
        "--json",
    ]);
    run.assert_status(1);
    assert!(run.stderr.contains("no-new-access: FAIL"), "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["verdict"], "fail");
    let reason = &json["reasons"][0];
    assert_eq!(reason["finding"], "new-access");
    assert_eq!(reason["statement"]["sid"], "Cleanup");
    assert_eq!(reason["proven"], true);
    assert_eq!(reason["access"]["actions"][0], "ecr:DeleteRepository");
    let witness = &reason["witness"];
    assert_eq!(witness["action"], "ecr:DeleteRepository");
    let action: Action = witness["action"].as_str().unwrap().parse().unwrap();
    let repository: RepositoryArn = witness["resource"].as_str().unwrap().parse().unwrap();
    let context = Context::new();
    let principal = witness["principal"].as_str().unwrap();
    let request = Request::new(
        principal,
        action,
        Resource::Repository(&repository),
        &context,
    );
    let old = Evaluator::new(&[PolicyDocument::from_json(OLD).unwrap()], None).unwrap();
    let new = Evaluator::new(&[PolicyDocument::from_json(WIDER).unwrap()], None).unwrap();
    assert!(new.evaluate(&request).is_allowed());
    assert!(!old.evaluate(&request).is_allowed());
    // Human output: the verdict, then the reason with its witness.
    let run = ecr_iam(&[
        "check",
        "no-new-access",
        &file("old.json", OLD),
        &file("wider.json", WIDER),
    ]);
    run.assert_status(1);
    assert!(run.stdout.starts_with("FAIL\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("statement 1 (`Cleanup`): new access to ecr:DeleteRepository; for example"),
        "{}",
        run.stdout
    );
}

/// Values that IAM compares ignoring case, written in another case: "FAIL (could not prove)",
/// exit 1, with the reason (never a PASS the check cannot prove).
#[test]
fn ignore_case_values_are_not_proven() {
    let run = ecr_iam(&[
        "check",
        "no-new-access",
        &file("other-old.json", OTHER_KEY_OLD),
        &file("other-new.json", OTHER_KEY),
        "--json",
    ]);
    run.assert_status(1);
    let json = run.json();
    assert_eq!(json["verdict"], "unproven");
    assert_eq!(json["reasons"][0]["proven"], false);
    assert!(
        json["reasons"][0]["could_not_prove"]
            .as_str()
            .unwrap()
            .contains("conditions")
    );
}

/// `access-not-granted`: FAIL names the statement; PASS for another repository path.
#[test]
fn access_not_granted() {
    let policy = file("wider.json", WIDER);
    let run = ecr_iam(&[
        "check",
        "access-not-granted",
        &policy,
        "--action",
        "ecr:Delete*",
        "--json",
    ]);
    run.assert_status(1);
    let json = run.json();
    assert_eq!(json["verdict"], "fail");
    assert_eq!(json["reasons"][0]["statement"]["sid"], "Cleanup");
    assert_eq!(
        json["reasons"][0]["witness"]["action"],
        "ecr:DeleteRepository"
    );
    let run = ecr_iam(&[
        "check",
        "access-not-granted",
        &policy,
        "--action",
        "ecr:Delete*",
        "ecr:PutImage",
        "--resource",
        "arn:aws:ecr:us-east-1:111122223333:repository/prod/api",
    ]);
    run.assert_status(0);
    assert_eq!(run.stdout.trim(), "PASS");
}

/// `no-public-access`: `"Principal": "*"` fails (a stranger's request is the witness), unless
/// `aws:PrincipalOrgID` restricts it; a wildcard in a principal ARN fails as written.
#[test]
fn no_public_access() {
    let run = ecr_iam(&[
        "check",
        "no-public-access",
        &file("public.json", PUBLIC),
        "--json",
    ]);
    run.assert_status(1);
    let json = run.json();
    assert_eq!(json["verdict"], "fail");
    assert_eq!(json["reasons"][0]["finding"], "public");
    assert_eq!(
        json["reasons"][0]["witness"]["identity_policy"],
        "allow-all"
    );
    let run = ecr_iam(&["check", "no-public-access", &file("org.json", ORG)]);
    run.assert_status(0);
    let run = ecr_iam(&[
        "check",
        "no-public-access",
        &file("wild.json", WILDCARD_PRINCIPAL),
        "--json",
    ]);
    run.assert_status(1);
    assert_eq!(run.json()["reasons"][0]["finding"], "wildcard-principal");
}

/// Human output fits 80 columns, as the README promises of every subcommand: a reason with its
/// witness is wrapped, its continuation indented under it; the whole text is still there.
#[test]
fn human_output_fits_80_columns() {
    let run = ecr_iam(&["check", "no-public-access", &file("public.json", PUBLIC)]);
    run.assert_status(1);
    assert!(run.stdout.starts_with("FAIL\n"), "{}", run.stdout);
    for line in run.stdout.lines() {
        assert!(
            line.chars().count() <= 80,
            "{line:?} is wider than 80 columns"
        );
    }
    assert!(run.stdout.lines().count() > 2, "{}", run.stdout);
    assert!(
        run.stdout
            .split_whitespace()
            .any(|word| word == "ecr:BatchGetImage"),
        "{}",
        run.stdout
    );
}

/// An empty file says it is empty, and a JSON error gives its position once (`FILE:LINE:COLUMN:`),
/// as `lint` says it: both subcommands read policy files through one function.
#[test]
fn an_empty_or_broken_file_is_said_as_lint_says_it() {
    let empty = file("empty.json", "\n");
    let run = ecr_iam(&["check", "no-public-access", &empty]);
    run.assert_status(2);
    assert!(run.stderr.contains("is empty"), "{}", run.stderr);
    let broken = file("broken.json", "{\"Statement\": }");
    let run = ecr_iam(&["check", "no-public-access", &broken]);
    run.assert_status(2);
    assert!(
        run.stderr
            .contains(":1:15: not a policy document: not JSON:"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("(line"), "{}", run.stderr);
}

/// Bad input: a missing file, a file that is no policy, a malformed action, policies of two kinds.
#[test]
fn bad_input_exits_2() {
    let old = file("old.json", OLD);
    ecr_iam(&["check", "no-new-access", &old, "/no/such/file.json"]).assert_status(2);
    ecr_iam(&[
        "check",
        "no-new-access",
        &old,
        &file("junk.json", "{\"Statement\": 3}"),
    ])
    .assert_status(2);
    let run = ecr_iam(&[
        "check",
        "access-not-granted",
        &old,
        "--action",
        "ecr Delete",
    ]);
    run.assert_status(2);
    assert!(run.stderr.contains("is not an action"), "{}", run.stderr);
    let run = ecr_iam(&["check", "no-new-access", &old, &file("public.json", PUBLIC)]);
    run.assert_status(2);
    assert!(
        run.stderr.contains("compare policies of one kind"),
        "{}",
        run.stderr
    );
    ecr_iam(&["check", "no-public-access", &old]).assert_status(2);
}

/// Every help text of `ecr-iam check` fits an 80-column terminal, as the other subcommands' do.
#[test]
fn help_fits_80_columns() {
    for args in [
        &["check", "--help"][..],
        &["check", "no-new-access", "--help"],
        &["check", "access-not-granted", "--help"],
        &["check", "no-public-access", "--help"],
        &["--help"],
    ] {
        let run = ecr_iam(args);
        run.assert_status(0);
        for line in run.stdout.lines() {
            assert!(line.chars().count() <= 80, "{args:?}: {line}");
        }
    }
}
