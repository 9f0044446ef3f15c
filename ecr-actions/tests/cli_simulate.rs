//! `ecr-iam simulate --cases FILE.jsonl`, run as a user runs it: one line per case in input order,
//! a decision or an error, `--check` against the cases' expected decisions, standard input.

#![cfg(feature = "cli")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::io::Write;
use std::process::{Command, Stdio};

fn simulate(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecr-iam"))
        .arg("simulate")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin takes the cases");
    let output = child.wait_with_output().expect("the binary ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

const ALLOW: &str = r#"{"id": "a", "identity_policies": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}], "resource_policy": null, "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "ecr:PutImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app", "context": {}}, "expected": "Allow"}"#;
const WRONG: &str = r#"{"id": "b", "identity_policies": [], "resource_policy": null, "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "ecr:PutImage", "resource": "*", "context": {}}, "expected": "Allow"}"#;
const BROKEN: &str = r#"{"id": "c", "identity_policies": [{"Statement": {"Effect": "Allow", "Action": "ecr:*"}}], "resource_policy": null, "request": {"principal": "x", "action": "ecr:PutImage", "resource": "*", "context": {}}, "expected": "Allow"}"#;

#[test]
fn prints_one_line_per_case_in_order() {
    let input = format!("{ALLOW}\n\n{WRONG}\n{BROKEN}\n");
    let (status, stdout, stderr) = simulate(&["--cases", "-"], &input);
    assert_eq!(status, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0], r#"{"id": "a", "decision": "Allow"}"#);
    assert_eq!(lines[1], r#"{"id": "b", "decision": "ImplicitDeny"}"#);
    assert!(
        lines[2].starts_with(
            r#"{"id": "c", "error": "identity policy 0, statement 0: missing `Resource`"#
        ),
        "{}",
        lines[2]
    );
}

#[test]
fn check_fails_on_a_disagreement() {
    let (status, _, _) = simulate(&["--cases", "-", "--check"], &format!("{ALLOW}\n"));
    assert_eq!(status, 0);
    let (status, stdout, stderr) =
        simulate(&["--cases", "-", "--check"], &format!("{ALLOW}\n{WRONG}\n"));
    assert_eq!(status, 1);
    assert_eq!(stdout.lines().count(), 2);
    assert!(
        stderr.contains("error: b: expected Allow, got ImplicitDeny"),
        "{stderr}"
    );
}

#[test]
fn the_sample_cases_all_agree() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/policy-eval-sample.jsonl"
    );
    let (status, stdout, stderr) = simulate(&["--cases", path, "--check"], "");
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(stdout.lines().count(), 70);
    assert!(stdout.lines().all(|l| l.contains("\"decision\"")));
}

#[test]
fn an_unreadable_file_is_a_usage_error() {
    let (status, _, stderr) = simulate(&["--cases", "/nonexistent/cases.jsonl"], "");
    assert_eq!(status, 2);
    assert!(
        stderr.starts_with("error: cannot read `/nonexistent/cases.jsonl`"),
        "{stderr}"
    );
}
