//! `ecr-iam simulate --cases FILE.jsonl`, run as a user runs it: one line per case in input order,
//! a decision or an error, `--check` against the cases' expected decisions, standard input.

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
    simulate_bytes(args, stdin.as_bytes())
}

fn simulate_bytes(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
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
        .write_all(stdin)
        .expect("stdin takes the cases");
    let output = child.wait_with_output().expect("the binary ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

/// The longest case line `simulate` reads (`MAX_CASE_BYTES` of `ecr-iam/src/conformance.rs`).
const MAX_CASE_BYTES: usize = 1 << 20;
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
            r#"{"id": "c", "error": "line 4: identity policy 0, statement 0: missing `Resource`"#
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
    assert_eq!(stdout.lines().count(), 3);
    assert_eq!(
        stdout.lines().last(),
        Some("2 cases, 1 agree, 1 disagree, 0 errors")
    );
    assert!(
        stderr.contains("error: b: line 2: expected Allow, got ImplicitDeny"),
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
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 71);
    assert!(lines[..70].iter().all(|l| l.contains("\"decision\"")));
    assert_eq!(lines[70], "70 cases, 70 agree, 0 disagree, 0 errors");
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

/// Runs `--check` on `input`; asserts it fails (status 1) and returns stdout and stderr.
fn check_fails(input: &[u8]) -> (String, String) {
    let (status, stdout, stderr) = simulate_bytes(&["--cases", "-", "--check"], input);
    assert_eq!(status, 1, "stdout: {stdout}\nstderr: {stderr}");
    (stdout, stderr)
}

#[test]
fn check_fails_on_lines_that_are_not_json_and_reads_them_all() {
    let (stdout, stderr) = check_fails(b"hello\nworld\n");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with(r#"{"id": null, "error": "line 1: "#),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(r#"{"id": null, "error": "line 2: "#),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "2 cases, 0 agree, 0 disagree, 2 errors");
    assert!(stderr.contains("error: line 1: "), "{stderr}");
    assert!(stderr.contains("error: line 2: "), "{stderr}");
}

/// A case is one line, so a JSON error's position is that line (named once) and a column: the
/// message does not add the reader's own "line 1" (issue 10: "JSON-reader errors don't repeat the
/// position").
#[test]
fn a_json_error_gives_its_position_once() {
    let (stdout, _) = check_fails(b"\n{\"id\": }\n");
    let first = stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(r#"{"id": null, "error": "line 2: column 8: not JSON: "#),
        "{first}"
    );
    assert!(!first.contains("(line"), "{first}");
}

#[test]
fn check_fails_on_a_policy_file_passed_by_mistake() {
    // Pretty-printed: no line is JSON on its own.
    let pretty = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ecr:*\", \"Resource\": \"*\"}\n}\n";
    let (stdout, _) = check_fails(pretty.as_bytes());
    assert_eq!(
        stdout.lines().last(),
        Some("4 cases, 0 agree, 0 disagree, 4 errors")
    );
    // On one line: JSON, but no case (no `expected`, no `request`).
    let one_line = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#;
    let (stdout, stderr) = check_fails(one_line.as_bytes());
    assert!(stdout.contains("line 1: `expected`: missing"), "{stdout}");
    assert!(
        stderr.contains("error: line 1: `expected`: missing"),
        "{stderr}"
    );
}

#[test]
fn check_fails_on_a_case_without_expected() {
    let case = ALLOW.replace(r#", "expected": "Allow""#, "");
    let (stdout, stderr) = check_fails(case.as_bytes());
    assert!(
        stdout.starts_with(r#"{"id": "a", "error": "line 1: `expected`: missing"#),
        "{stdout}"
    );
    assert!(
        stderr.contains("error: a: line 1: `expected`: missing"),
        "{stderr}"
    );
    // Without --check the case is decided: `expected` is only read to compare.
    let (status, stdout, _) = simulate(&["--cases", "-"], &case);
    assert_eq!(status, 0);
    assert_eq!(stdout, "{\"id\": \"a\", \"decision\": \"Allow\"}\n");
}

#[test]
fn check_fails_on_a_misspelled_expected_decision() {
    let case = ALLOW.replace(r#""expected": "Allow""#, r#""expected": "Alow""#);
    let (stdout, stderr) = check_fails(case.as_bytes());
    assert!(stdout.contains("`Alow`"), "{stdout}");
    assert!(stderr.contains("error: a: line 1:"), "{stderr}");
    assert_eq!(
        stdout.lines().last(),
        Some("1 cases, 0 agree, 0 disagree, 1 errors")
    );
}

/// An empty file (or one of blank lines) is input that cannot be used: exit status 2, as for
/// `lint`, and the message says it is empty.
#[test]
fn check_refuses_an_empty_file() {
    let (status, stdout, stderr) = simulate_bytes(&["--cases", "-", "--check"], b"\n\n");
    assert_eq!(status, 2, "{stderr}");
    assert_eq!(stdout, "0 cases, 0 agree, 0 disagree, 0 errors\n");
    assert_eq!(
        stderr,
        "error: `-` is empty: it holds no case, nothing was checked\n"
    );
}

#[test]
fn a_line_that_is_not_utf8_is_reported_and_the_run_goes_on() {
    let mut input = b"{\"id\": \"\xff\"}\n".to_vec();
    input.extend_from_slice(ALLOW.as_bytes());
    input.push(b'\n');
    let (stdout, stderr) = check_fails(&input);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with(r#"{"id": null, "error": "line 1: not UTF-8 text"#),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], r#"{"id": "a", "decision": "Allow"}"#);
    assert_eq!(lines[2], "2 cases, 1 agree, 0 disagree, 1 errors");
    assert!(stderr.contains("error: line 1: not UTF-8 text"), "{stderr}");
}

#[test]
fn an_over_long_line_is_reported_and_the_run_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(br#"{"id": ""#);
    input.resize(input.len() + MAX_CASE_BYTES, b'x');
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(ALLOW.as_bytes());
    let (stdout, _) = check_fails(&input);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0]
            .starts_with(r#"{"id": null, "error": "line 1: the line is longer than 1048576 bytes"#),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], r#"{"id": "a", "decision": "Allow"}"#);
    assert_eq!(lines[2], "2 cases, 1 agree, 0 disagree, 1 errors");
}

/// A JSON object names each key once; `serde_json::Value` would keep the last `Effect` and turn this
/// Deny into an Allow, so the case is a bad line rather than a decision.
#[test]
fn a_case_with_a_duplicate_key_is_a_bad_line() {
    let case = r#"{"id": "dup", "identity_policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}, {"Effect": "Deny", "Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]}], "resource_policy": null, "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "ecr:PutImage", "resource": "*", "context": {}}, "expected": "ExplicitDeny"}"#;
    let (stdout, _) = check_fails(case.as_bytes());
    assert!(
        stdout.starts_with(r#"{"id": null, "error": "line 1: identity_policies[0].Statement[1].Effect: duplicate key `Effect`"#),
        "{stdout}"
    );
}

#[test]
fn check_repeats_at_most_a_hundred_problems_on_stderr() {
    let input = "x\n".repeat(250);
    let (stdout, stderr) = check_fails(input.as_bytes());
    assert_eq!(stdout.lines().count(), 251);
    assert_eq!(
        stdout.lines().last(),
        Some("250 cases, 0 agree, 0 disagree, 250 errors")
    );
    assert_eq!(stderr.lines().count(), 101, "{stderr}");
    assert!(
        stderr.ends_with("error: … and 150 more (each on its line of the output)\n"),
        "{stderr}"
    );
}
