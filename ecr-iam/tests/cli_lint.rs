//! `ecr-iam lint`, run as a user runs it: the human lines and the JSON array (compared with what the
//! library finds), the exit statuses (0 clean or no error, 1 an error finding, 2 unreadable or not a
//! policy), several files at once, standard input, and `--type` (the rules AWS enforces per policy
//! type, or the type inferred from content and named on stderr).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use ecr_actions::lint::{lint, lint_as};
use ecr_actions::policy::{PolicyDocument, PolicyType};
use serde_json::Value;

/// What a run of the binary left behind.
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

    /// The stderr lines but the notes that name an inferred policy type.
    fn errors(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|line| !line.starts_with("note: "))
            .collect()
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

fn ecr_iam(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecr-iam"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let output = child.wait_with_output().unwrap();
    Run {
        status: output.status.code().expect("the binary exits, not killed"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Writes `text` to a file of this test run and returns its path.
fn file(name: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-lint");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

const CLEAN: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Login", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
    {"Sid": "Pull", "Effect": "Allow",
     "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
     "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"}
  ]
}"#;

/// Two errors (an unknown action, `GetAuthorizationToken` on a repository ARN) and a suggestion.
const FAULTY: &str = r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": ["ecr:GetAuthorizationToken", "ecr:BatchGetImages"],
    "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"
  }
}"#;

/// Only warnings: a wildcard under `StringEquals`.
const WARNING_ONLY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": "ecr:BatchGetImage",
    "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app",
    "Condition": {"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci-*"}}
  }
}"#;

#[test]
fn a_clean_policy_prints_nothing_and_exits_0() {
    let clean = file("clean.json", CLEAN);
    let run = ecr_iam(&["lint", "--type", "identity", &clean], None);
    run.assert_status(0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "");
    let run = ecr_iam(&["lint", "--json", &clean], None);
    run.assert_status(0);
    assert_eq!(run.json(), Value::Array(Vec::new()));
    // Without `--type`, the type inferred is named, on stderr.
    assert_eq!(
        run.stderr,
        format!(
            "note: {clean}: linted as an identity-based policy (`--type identity`) because no \
             statement names a `Principal` (SCPs, permissions boundaries and session policies are \
             written alike; name the type to check one of those)\n"
        )
    );
}

/// Each finding reads `FILE: SEVERITY[CODE] at PATH: MESSAGE` — the library's `Display` of the
/// finding after the file's name — on one line when it fits 80 columns, else with the message
/// wrapped on word boundaries under its location. The rules found are the IAM User Guide's: an
/// action with no resource type needs `"Resource": "*"` ("Actions, resources, and condition keys"),
/// and `ecr:BatchGetImages` is no ECR action.
#[test]
fn findings_are_file_then_the_finding_wrapped_under_its_location() {
    let faulty = file("faulty.json", FAULTY);
    let run = ecr_iam(&["lint", &faulty], None);
    run.assert_status(1);
    assert_fits_80_columns(&run.stdout);
    // Every finding starts a line that is not indented; a location too long for one line goes on
    // lines indented by 2, its message on lines indented by 4.
    let findings = findings(&run.stdout);
    let locations: Vec<&str> = findings.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        locations,
        [
            format!("{faulty}: suggestion[missing-version] at $:"),
            format!("{faulty}: error[resource-star-required] at Statement.Action[0]:"),
            format!("{faulty}: error[unknown-action] at Statement.Action[1]:"),
        ],
        "{}",
        run.stdout
    );
    // The message of the last finding, rejoined, is the library's message, whole.
    assert_eq!(
        findings[2].1,
        "unknown ECR action `ecr:BatchGetImages`; did you mean `ecr:BatchGetImage`? IAM matches \
         no action with it; write `ecr:BatchGetImage`"
    );
    assert_eq!(run.errors(), ["error: 2 findings are errors in 1 file"]);
}

/// The findings of human output, each as (location, message) with its wrapped lines rejoined.
fn findings(stdout: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for line in stdout.lines() {
        let join = |text: &mut String, part: &str| {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(part.trim());
        };
        match found.last_mut() {
            Some((_, message)) if line.starts_with("    ") => join(message, line),
            Some((location, _)) if line.starts_with("  ") => join(location, line),
            _ => found.push((line.to_owned(), String::new())),
        }
    }
    found
}

#[track_caller]
fn assert_fits_80_columns(text: &str) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80,
            "line wider than 80 columns ({}): {line:?}",
            line.chars().count()
        );
        assert_eq!(line, line.trim_end(), "trailing blanks: {line:?}");
    }
}

/// An empty file (or one of blanks) says so, rather than the JSON reader's "EOF while parsing".
#[test]
fn an_empty_file_says_it_is_empty() {
    for (name, text) in [("empty.json", ""), ("blank.json", "  \n\n")] {
        let path = file(name, text);
        let run = ecr_iam(&["lint", &path], None);
        run.assert_status(2);
        assert_eq!(
            run.stderr,
            format!(
                "error: `{path}` is empty: a policy document is a JSON object such as \
                 {{\"Version\": \"2012-10-17\", \"Statement\": [...]}}\n"
            )
        );
    }
    let run = ecr_iam(&["lint", "-"], Some(""));
    run.assert_status(2);
    assert!(
        run.stderr.starts_with("error: `-` is empty"),
        "{}",
        run.stderr
    );
}

/// Text that is not JSON is placed once, `FILE:LINE:COLUMN:` in front, and the reader's message
/// does not repeat the position.
#[test]
fn a_json_error_gives_its_position_once() {
    let path = file(
        "broken.json",
        "{\"Version\": \"2012-10-17\",\n \"Statement\": [}",
    );
    let run = ecr_iam(&["lint", &path], None);
    run.assert_status(2);
    assert_eq!(
        run.stderr,
        format!("error: `{path}`:2:16: not a policy document: not JSON: expected value\n")
    );
    assert_eq!(
        run.stderr.matches("2").count(),
        path.matches('2').count() + 1
    );
}

#[test]
fn json_is_one_array_of_the_library_findings() {
    let faulty = file("faulty-json.json", FAULTY);
    let warning = file("warning-json.json", WARNING_ONLY);
    let run = ecr_iam(&["lint", "--json", &faulty, &warning], None);
    run.assert_status(1);
    let json = run.json();
    let rows = json.as_array().unwrap();
    let mut expected = Vec::new();
    for (name, text) in [(&faulty, FAULTY), (&warning, WARNING_ONLY)] {
        // Both read as identity policies, which lint as `lint` does.
        let document = PolicyDocument::from_json(text).unwrap();
        assert_eq!(lint_as(&document, PolicyType::Identity), lint(&document));
        for finding in lint(&document) {
            expected.push(serde_json::json!({
                "file": name,
                "path": finding.path.to_string(),
                "severity": finding.severity.as_str(),
                "code": finding.code.as_str(),
                "message": finding.message,
                "policy_type": "identity",
                "policy_type_inferred": true,
            }));
        }
    }
    assert_eq!(rows, &expected);
    assert_eq!(rows.len(), 4);
    for row in rows {
        let keys: Vec<&String> = row.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "code",
                "file",
                "message",
                "path",
                "policy_type",
                "policy_type_inferred",
                "severity"
            ]
        );
    }
    assert_eq!(rows[3]["code"], "wildcard-without-like-operator");
    assert_eq!(rows[3]["severity"], "warning");
    assert_eq!(
        rows[3]["path"],
        r#"Statement.Condition.StringEquals["aws:PrincipalArn"]"#
    );
}

#[test]
fn warnings_alone_exit_0() {
    let warning = file("warning.json", WARNING_ONLY);
    let run = ecr_iam(&["lint", &warning], None);
    run.assert_status(0);
    let found = findings(&run.stdout);
    assert!(
        found[0].0.ends_with(
            ": warning[wildcard-without-like-operator] at \
             Statement.Condition.StringEquals[\"aws:PrincipalArn\"]:"
        ),
        "{}",
        run.stdout
    );
    assert!(
        found[0].1.starts_with("`StringEquals` compares"),
        "{}",
        run.stdout
    );
    assert_eq!(run.errors(), Vec::<&str>::new());
}

#[test]
fn unreadable_files_and_non_policies_exit_2_and_the_rest_is_linted() {
    let faulty = file("faulty-2.json", FAULTY);
    let not_json = file("not-json.json", "{\"Statement\": [");
    let not_policy = file(
        "not-policy.json",
        r#"{"Statement": {"Effect": "Alow", "Action": "*"}}"#,
    );
    let missing = file("placeholder", "").replace("placeholder", "missing.json");
    let run = ecr_iam(&["lint", &not_json, &faulty, &missing, &not_policy], None);
    run.assert_status(2);
    assert_eq!(findings(&run.stdout).len(), 3, "{}", run.stdout);
    let stderr = run.errors();
    assert_eq!(stderr.len(), 3, "{}", run.stderr);
    assert!(
        stderr[0].starts_with(&format!(
            "error: `{not_json}`:1:15: not a policy document: not JSON: "
        )),
        "{}",
        stderr[0]
    );
    assert!(
        stderr[1].starts_with(&format!("error: cannot read `{missing}`: ")),
        "{}",
        stderr[1]
    );
    assert_eq!(
        stderr[2],
        format!(
            "error: `{not_policy}` is not a policy document: Statement.Effect: `Alow` is not an \
             effect: expected `Allow` or `Deny`; did you mean `Allow`?"
        )
    );
    let too_big = file("too-big.json", &" ".repeat(2 * 1024 * 1024));
    let run = ecr_iam(&["lint", "--json", &too_big], None);
    run.assert_status(2);
    assert_eq!(run.json(), Value::Array(Vec::new()));
    assert!(
        run.stderr.contains("more than any policy document can be"),
        "{}",
        run.stderr
    );
    let binary = file("binary.json", "\u{0}\u{1}");
    std::fs::write(&binary, [0xff_u8, 0xfe, 0x00]).unwrap();
    let run = ecr_iam(&["lint", &binary], None);
    run.assert_status(2);
    assert!(run.stderr.contains("not UTF-8"), "{}", run.stderr);
}

#[test]
fn a_dash_reads_standard_input() {
    let run = ecr_iam(&["lint", "--json", "-"], Some(FAULTY));
    run.assert_status(1);
    let json = run.json();
    assert_eq!(json[0]["file"], "-");
    assert_eq!(json.as_array().unwrap().len(), 3);
    let run = ecr_iam(&["lint", "-"], Some(CLEAN));
    run.assert_status(0);
}

#[test]
fn lint_needs_a_file_and_its_help_fits_80_columns() {
    let run = ecr_iam(&["lint"], None);
    run.assert_status(2);
    assert!(run.stderr.contains("<FILE>..."), "{}", run.stderr);
    let help = ecr_iam(&["lint", "--help"], None);
    help.assert_status(0);
    let top = ecr_iam(&["--help"], None).stdout;
    let listed = top
        .lines()
        .filter(|line| line.trim_start().starts_with("lint "));
    for line in help.stdout.lines().chain(listed) {
        assert!(
            line.chars().count() <= 80,
            "wider than 80 columns: {line:?}"
        );
    }
    assert!(
        help.stdout
            .contains("Exit status, the same for every subcommand:"),
        "{}",
        help.stdout
    );
    assert!(
        help.stdout.contains("a finding is an error (lint)"),
        "{}",
        help.stdout
    );
}

/// A key written twice would be read as whichever came last (a Deny turned into an Allow): `lint`
/// refuses the file as no policy document, naming the path, rather than lint half of it.
#[test]
fn a_duplicate_key_makes_the_file_no_policy_document() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#;
    let run = ecr_iam(&["lint", "-"], Some(text));
    run.assert_status(2);
    assert!(
        run.stderr.contains(
            "error: `-` is not a policy document: Statement.Effect: duplicate key `Effect`"
        ),
        "{}",
        run.stderr
    );
}

/// A repository policy statement (`Principal`) linted as each identity-style type: "You cannot use
/// the `Principal` element in an identity-based policy" (IAM User Guide, *IAM JSON policy elements:
/// Principal*); SCPs take no `Principal` (AWS Organizations User Guide, *SCP syntax*). As a resource
/// policy it is clean.
#[test]
fn type_rules_apply_per_type() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Sid": "DenyDelete", "Effect": "Deny",
      "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*"}}"#;
    let path = file("principal.json", text);
    for policy_type in ["identity", "scp", "boundary", "session"] {
        let run = ecr_iam(&["lint", "--type", policy_type, &path], None);
        run.assert_status(1);
        // (A boundary or session policy that only denies is also warned about.)
        let location = format!("{path}: error[principal-not-allowed] at Statement.Principal:");
        assert!(
            findings(&run.stdout).iter().any(|(at, _)| *at == location),
            "{policy_type}: {}",
            run.stdout
        );
        assert_eq!(run.errors(), ["error: 1 finding is an error in 1 file"]);
        assert!(!run.stderr.contains("note: "), "{}", run.stderr);
    }
    for policy_type in ["resource", "rcp"] {
        let run = ecr_iam(&["lint", "--type", policy_type, &path], None);
        run.assert_status(0);
        assert_eq!(run.stdout, "", "{policy_type}");
    }
    // An endpoint policy that allows nothing lets no request through the endpoint: AWS accepts it,
    // so it is a warning.
    let run = ecr_iam(&["lint", "--type", "endpoint", &path], None);
    run.assert_status(0);
    let locations: Vec<String> = findings(&run.stdout)
        .into_iter()
        .map(|(at, _)| at)
        .collect();
    assert_eq!(
        locations,
        [format!("{path}: warning[no-allow-statement] at Statement:")],
        "{}",
        run.stdout
    );
}

/// *RCP syntax*: "The effect of `Allow` is only supported for the `RCPFullAWSAccess` policy"; the
/// JSON names the type each finding was linted as.
#[test]
fn an_rcp_that_allows_is_an_error_and_json_names_the_type() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*",
      "Action": "ecr:BatchGetImage", "Resource": "*"}}"#;
    let run = ecr_iam(&["lint", "--type", "rcp", "--json", "-"], Some(text));
    run.assert_status(1);
    let json = run.json();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{json}");
    assert_eq!(rows[0]["code"], "allow-not-supported");
    assert_eq!(rows[0]["path"], "Statement.Effect");
    assert_eq!(rows[0]["severity"], "error");
    assert_eq!(rows[0]["policy_type"], "rcp");
    assert_eq!(rows[0]["policy_type_inferred"], false);
}

/// The type is inferred per file and named in both outputs: the default endpoint policy (AWS
/// PrivateLink Guide, *Default endpoint policy*) reads as an endpoint policy, where allowing
/// everything is the default limit, not a finding.
#[test]
fn the_inferred_type_is_named_per_file() {
    let endpoint = file(
        "endpoint.json",
        r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#,
    );
    let repository = file(
        "repository.json",
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"}}"#,
    );
    let run = ecr_iam(&["lint", "--json", &endpoint, &repository], None);
    run.assert_status(1);
    let notes: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.starts_with("note: "))
        .collect();
    assert_eq!(notes.len(), 2, "{}", run.stderr);
    assert!(notes[0].starts_with(&format!(
        "note: {endpoint}: linted as a VPC endpoint policy (`--type endpoint`) because"
    )));
    assert!(notes[1].starts_with(&format!(
        "note: {repository}: linted as a resource-based policy (repository policy) (`--type resource`)"
    )));
    let json = run.json();
    let rows = json.as_array().unwrap();
    // The endpoint policy has only the suggestion to add a `Version`; the repository policy has an
    // `Allow` with `NotPrincipal`, which "is not supported" (IAM User Guide, *NotPrincipal*).
    let found: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|row| {
            (
                row["file"].as_str().unwrap(),
                row["code"].as_str().unwrap(),
                row["policy_type"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (endpoint.as_str(), "missing-version", "endpoint"),
            (repository.as_str(), "not-principal-with-allow", "resource"),
        ]
    );
    assert!(rows.iter().all(|row| row["policy_type_inferred"] == true));
}

#[test]
fn an_unknown_type_is_bad_usage() {
    let run = ecr_iam(&["lint", "--type", "spc", "-"], Some("{}"));
    run.assert_status(2);
    assert!(
        run.stderr
            .contains("`spc` is not a policy type: expected one of `identity`"),
        "{}",
        run.stderr
    );
}
