//! `ecr-iam simulate` on the extended case format of the whole decision chain
//! (`conformance/policy-eval-stack/`): SCPs and RCPs by level, a permissions boundary, session
//! policies, a VPC endpoint policy — read beside the older format, with errors that name the layer.

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

#[test]
fn the_stack_sample_cases_all_agree() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/policy-eval-stack-sample.jsonl"
    );
    let (status, stdout, stderr) = simulate(&["--cases", path, "--check"], "");
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(
        stdout.lines().last(),
        Some("90 cases, 90 agree, 0 disagree, 0 errors")
    );
}

const REQUEST: &str = r#""request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "ecr:PutImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app", "context": {}}"#;
const ALLOW_ALL: &str = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#;

#[test]
fn reads_every_layer_and_names_the_one_it_refuses() {
    // Old format and new format, one after the other.
    let plain = format!(r#"{{"id": "plain", "identity_policies": [{ALLOW_ALL}], {REQUEST}}}"#);
    let scp_denies = format!(
        r#"{{"id": "scp", "identity_policies": [{ALLOW_ALL}], "service_control_policies": [[{ALLOW_ALL}], []], {REQUEST}}}"#
    );
    let with_principal = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}}"#;
    let bad_scp = format!(
        r#"{{"id": "bad-scp", "identity_policies": [], "service_control_policies": [[{ALLOW_ALL}], [{with_principal}]], {REQUEST}}}"#
    );
    let two_boundaries = format!(
        r#"{{"id": "two", "identity_policies": [], "permission_boundaries": [{ALLOW_ALL}, {ALLOW_ALL}], {REQUEST}}}"#
    );
    let input = format!("{plain}\n{scp_denies}\n{bad_scp}\n{two_boundaries}\n");
    let (status, stdout, stderr) = simulate(&["--cases", "-"], &input);
    assert_eq!(status, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], r#"{"id": "plain", "decision": "Allow"}"#);
    // An SCP level without a policy allows nothing.
    assert_eq!(lines[1], r#"{"id": "scp", "decision": "ImplicitDeny"}"#);
    assert!(
        lines[2].starts_with(r#"{"id": "bad-scp", "error": "line 3: SCP level 1 policy 0: not a valid service control policy (SCP)"#),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].contains("`permission_boundaries`: 2 policies; a user or role has at most one"),
        "{}",
        lines[3]
    );
}
