//! The `ecr-iam` binary, run as a user runs it: every subcommand's human and JSON output (JSON compared
//! with what the library computes), exit statuses, error messages, and the 80-column limit.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::path::Path;
use std::process::{Command, Stdio};

use ecr_actions::metadata::ServiceMetadata;
use ecr_actions::{AccessLevel, Action, ActionPattern, ActionSet, LAST_UPDATED};
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

    fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
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

fn names(set: ActionSet) -> Vec<String> {
    set.iter().map(|a| a.as_str().to_owned()).collect()
}

fn strings(value: &Value) -> Vec<String> {
    serde_json::from_value(value.clone()).expect("an array of strings")
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

#[test]
fn show_prints_everything_about_an_action_within_80_columns() {
    let run = ecr_iam(&["show", "ecr:BatchGetImage"]);
    run.assert_status(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_fits_80_columns(&run.stdout);
    let text = &run.stdout;
    assert_eq!(run.lines()[0], "ecr:BatchGetImage");
    assert!(text.contains("Name:          BatchGetImage"), "{text}");
    assert!(text.contains("Access level:  Read"), "{text}");
    assert!(text.contains("  repository (required)"), "{text}");
    assert!(
        text.contains(
            "ARN: arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}"
        ),
        "{text}"
    );
    assert!(
        text.contains("ecr:ResourceTag/${TagKey} (String)"),
        "{text}"
    );
    assert!(text.contains("Dependent actions: none"), "{text}");
    // The description, wrapped and indented, reads as the table's text.
    let description: Vec<&str> = run
        .lines()
        .iter()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.trim())
        .collect();
    assert_eq!(description.join(" "), Action::BatchGetImage.description());
}

#[test]
fn show_lists_condition_keys_with_value_types_and_descriptions() {
    let run = ecr_iam(&["show", "ecr:TagResource"]);
    run.assert_status(0);
    assert_fits_80_columns(&run.stdout);
    assert!(run.stdout.contains("Condition keys:\n  aws:RequestTag/${TagKey} (String)\n    Filters access by the allowed set of values for each of the tags\n  aws:TagKeys (ArrayOfString)\n"), "{}", run.stdout);
    let none = ecr_iam(&["show", "ecr:GetAuthorizationToken"]);
    assert!(
        none.stdout.contains("Resource types: none"),
        "{}",
        none.stdout
    );
}

#[test]
fn show_takes_any_case_and_bare_names() {
    let expected = ecr_iam(&["show", "ecr:BatchGetImage"]).stdout;
    for input in ["BatchGetImage", "batchgetimage", "ECR:BATCHGETIMAGE"] {
        let run = ecr_iam(&["show", input]);
        run.assert_status(0);
        assert_eq!(run.stdout, expected, "{input}");
    }
}

#[test]
fn show_json_is_the_action_metadata() {
    let run = ecr_iam(&["show", "--json", "PutImage"]);
    run.assert_status(0);
    let metadata = ServiceMetadata::of::<Action>();
    let expected = serde_json::to_value(&metadata.actions[Action::PutImage.index()]).unwrap();
    assert_eq!(run.json(), expected);
}

#[test]
fn show_of_an_unknown_action_suggests_the_nearest() {
    for input in ["ecr:BatchGetImag", "BatchGetImag"] {
        let run = ecr_iam(&["show", input]);
        run.assert_status(2);
        assert!(run.stdout.is_empty());
        assert_eq!(
            run.stderr,
            "error: unknown `ecr` action `ecr:BatchGetImag`; did you mean `ecr:BatchGetImage`?\n"
        );
    }
    // A pattern is no action; the message points to `expand`.
    let run = ecr_iam(&["show", "Get*"]);
    run.assert_status(2);
    assert!(
        run.stderr.contains("`ecr-iam expand 'ecr:Get*'`"),
        "{}",
        run.stderr
    );
}

#[test]
fn list_is_a_table_of_every_action_within_80_columns() {
    let run = ecr_iam(&["list"]);
    run.assert_status(0);
    assert_fits_80_columns(&run.stdout);
    let lines = run.lines();
    assert!(lines[0].starts_with("Action "), "{}", lines[0]);
    assert!(lines[1].starts_with("------"), "{}", lines[1]);
    // A row starts with its action's name; continuation lines (a wrapped cell) start with blanks.
    let rows: Vec<&str> = lines[2..]
        .iter()
        .take_while(|l| !l.is_empty())
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let all: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
    assert_eq!(rows, all);
    let get_image = lines
        .iter()
        .find(|l| l.starts_with("BatchGetImage "))
        .unwrap();
    assert_eq!(
        get_image.split_whitespace().collect::<Vec<_>>(),
        ["BatchGetImage", "Read", "repository*", "-"]
    );
    let tag = lines
        .iter()
        .find(|l| l.starts_with("TagResource "))
        .unwrap();
    assert_eq!(
        tag.split_whitespace().collect::<Vec<_>>(),
        ["TagResource", "Tagging,", "Write", "repository*", "2"]
    );
    assert!(run.stdout.contains("64 actions."), "{}", run.stdout);
}

#[test]
fn list_filters_by_access_level_and_resource_type() {
    let run = ecr_iam(&["list", "--access-level", "PERMISSIONS MANAGEMENT", "--json"]);
    run.assert_status(0);
    let listed: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = ActionSet::with_access_level(AccessLevel::PermissionsManagement)
        .iter()
        .map(|a| a.name().to_owned())
        .collect();
    assert_eq!(listed, expected);

    let run = ecr_iam(&[
        "list",
        "--access-level",
        "read",
        "--resource-type",
        "Repository",
    ]);
    run.assert_status(0);
    assert_fits_80_columns(&run.stdout);
    assert!(run.stdout.contains("BatchGetImage "));
    assert!(
        !run.stdout.contains("GetAuthorizationToken"),
        "no resource type"
    );
    assert!(!run.stdout.contains("PutImage"), "not Read");
}

#[test]
fn list_json_is_the_metadata_of_the_listed_actions() {
    let run = ecr_iam(&["list", "--json"]);
    run.assert_status(0);
    let expected = serde_json::to_value(ServiceMetadata::of::<Action>().actions).unwrap();
    assert_eq!(run.json(), expected);
}

#[test]
fn list_with_a_misspelt_filter_suggests_the_nearest() {
    let run = ecr_iam(&["list", "--access-level", "reed"]);
    run.assert_status(2);
    assert!(
        run.stderr
            .contains("unknown access level `reed`; did you mean `Read`?"),
        "{}",
        run.stderr
    );
    let run = ecr_iam(&["list", "--resource-type", "repositry"]);
    run.assert_status(2);
    assert!(
        run.stderr.contains("did you mean `repository`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn expand_prints_the_matching_actions_in_table_order() {
    let describe = ActionSet::matching(&"ecr:Describe*".parse::<ActionPattern>().unwrap());
    let run = ecr_iam(&["expand", "ecr:Describe*"]);
    run.assert_status(0);
    assert_eq!(run.lines(), names(describe));

    let run = ecr_iam(&["expand", "--json", "ecr:Describe*"]);
    run.assert_status(0);
    assert_eq!(strings(&run.json()), names(describe));

    // The union of several patterns, each action once, in table order.
    let put = ActionSet::matching(&"ecr:put*".parse::<ActionPattern>().unwrap());
    let run = ecr_iam(&["expand", "ecr:put*", "ecr:Describe*", "ecr:PutImage"]);
    run.assert_status(0);
    assert_eq!(run.lines(), names(put | describe));
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    let run = ecr_iam(&["expand", "*"]);
    assert_eq!(run.lines(), names(ActionSet::ALL));
}

/// One rule for an unknown `ecr:` action, in every subcommand that takes one: bad input, exit
/// status 2, the same message (the Service Authorization Reference lists `ecr:BatchGetImage`, not
/// `ecr:BatchGetImag`).
#[test]
fn an_unknown_action_exits_2_in_show_expand_and_compact() {
    let message =
        "error: unknown `ecr` action `ecr:BatchGetImag`; did you mean `ecr:BatchGetImage`?\n";
    for args in [
        &["show", "ecr:BatchGetImag"][..],
        &["expand", "ecr:BatchGetImag"],
        &["expand", "--json", "ecr:PutImage", "ecr:BatchGetImag"],
        &["compact", "ecr:BatchGetImag"],
        &["compact", "ecr:PutImage", "ECR:BatchGetImag"],
    ] {
        let run = ecr_iam(args);
        run.assert_status(2);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert_eq!(
            run.stderr.to_ascii_lowercase(),
            message.to_ascii_lowercase(),
            "{args:?}"
        );
    }
}

#[test]
fn expand_of_nothing_exits_1_and_says_why() {
    // Another service's pattern is valid and matches nothing; JSON still prints an (empty) array.
    let run = ecr_iam(&["expand", "--json", "s3:*", "ecr:Nothing*"]);
    run.assert_status(1);
    assert_eq!(run.json(), serde_json::json!([]));
    assert!(run.stderr.contains("`s3:*`"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`ecr:Nothing*` matches no `ecr` action"),
        "{}",
        run.stderr
    );

    // Another service's action is valid too: nothing matched.
    let run = ecr_iam(&["expand", "s3:GetObject"]);
    run.assert_status(1);
    assert!(run.stderr.contains("another service"), "{}", run.stderr);

    // A pattern that matches nothing beside one that matches: a warning, success.
    let run = ecr_iam(&["expand", "ecr:PutImage", "ecr:Nothing*"]);
    run.assert_status(0);
    assert_eq!(run.lines(), ["ecr:PutImage"]);
    assert!(run.stderr.starts_with("warning: "), "{}", run.stderr);
}

#[test]
fn expand_of_a_malformed_pattern_exits_2() {
    let run = ecr_iam(&["expand", "ecr:Get:Image"]);
    run.assert_status(2);
    assert!(run.stdout.is_empty());
    let error = "ecr:Get:Image".parse::<ActionPattern>().unwrap_err();
    assert_eq!(run.stderr, format!("error: {error}\n"));
    assert!(run.stderr.contains("second `:`"), "{}", run.stderr);

    // Every malformed argument is reported, even beside a good one.
    let run = ecr_iam(&["expand", "ecr:Get*", "GetObject", "ecr:"]);
    run.assert_status(2);
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
}

#[test]
fn compact_prints_the_compacted_patterns() {
    let args = ["ecr:Get*", "ecr:BatchGetImage", "ecr:describe*"];
    let mut set = ActionSet::EMPTY;
    for pattern in args {
        set |= ActionSet::matching(&pattern.parse::<ActionPattern>().unwrap());
    }
    let run = ecr_iam(&[&["compact"][..], &args[..]].concat());
    run.assert_status(0);
    assert_eq!(run.lines(), set.to_patterns());

    let run = ecr_iam(&[&["compact", "--json"][..], &args[..]].concat());
    run.assert_status(0);
    assert_eq!(strings(&run.json()), set.to_patterns());

    let every: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    let run = ecr_iam(&[&["compact"][..], &every[..]].concat());
    assert_eq!(run.lines(), ["ecr:*"]);
}

#[test]
fn compact_refuses_what_matches_nothing_and_malformed_patterns() {
    let run = ecr_iam(&["compact", "ecr:PutImage", "ecr:Nothing*"]);
    run.assert_status(1);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "error: `ecr:Nothing*` matches no `ecr` action (`ecr-iam list` lists them)\n"
    );
    let run = ecr_iam(&["compact", "BatchGetImage"]);
    run.assert_status(2);
    assert!(
        run.stderr.contains("e.g. `ecr:BatchGetImage`"),
        "{}",
        run.stderr
    );
}

/// The text of a JSON document without the whitespace between tokens: two documents that differ only in
/// indentation are equal, and keys must come in the same order.
fn without_layout(json: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            (in_string, escaped) = (escaped || c != '"', !escaped && c == '\\');
        } else if !c.is_whitespace() {
            out.push(c);
            in_string = c == '"';
        }
    }
    out
}

/// `ecr-iam spec --json` prints exactly `spec/2026-10-27/ecr-expected.json` (the 2026-10-27 tables read
/// independently): the same keys in the same order with the same values, up to indentation.
#[test]
fn spec_json_is_the_expected_metadata() {
    let run = ecr_iam(&["spec", "--json"]);
    run.assert_status(0);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/2026-10-27/ecr-expected.json");
    let text = std::fs::read_to_string(path).unwrap();
    let expected: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(run.json(), expected);
    assert_eq!(without_layout(&run.stdout), without_layout(&text));
    // Byte for byte, as the file is kept (one-space indentation), plus the line's end.
    assert_eq!(run.stdout, format!("{text}\n"));
    let library = serde_json::to_value(ServiceMetadata::of::<Action>()).unwrap();
    assert_eq!(run.json(), library);
}

#[test]
fn spec_summary_counts_the_actions() {
    let run = ecr_iam(&["spec"]);
    run.assert_status(0);
    assert_fits_80_columns(&run.stdout);
    assert!(
        run.stdout.starts_with("Service:         ecr\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("Last updated:    {}", LAST_UPDATED.unwrap())),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Actions:         64\n"),
        "{}",
        run.stdout
    );
    let read = ActionSet::with_access_level(AccessLevel::Read).len();
    assert!(
        run.stdout
            .contains(&format!("  Read                     {read:>3}\n")),
        "{}",
        run.stdout
    );
}

#[test]
fn usage_errors_exit_2_and_help_fits_80_columns() {
    for args in [
        &["lst"][..],
        &["list", "--jsn"],
        &["show"],
        &["expand"],
        &["compact"],
        &[],
    ] {
        let run = ecr_iam(args);
        run.assert_status(2);
        assert!(
            run.stderr.starts_with("error: ") || run.stderr.contains("Usage:"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(ecr_iam(&["lst"]).stderr.contains("'list'"));
    for command in ["list", "show", "expand", "compact", "spec"] {
        let run = ecr_iam(&[command, "--help"]);
        run.assert_status(0);
        assert_fits_80_columns(&run.stdout);
    }
    let run = ecr_iam(&["--help"]);
    run.assert_status(0);
    assert_fits_80_columns(&run.stdout);
    assert!(run.stdout.contains("Exit status"), "{}", run.stdout);
}

/// The exit-status rule is in the help of the tool and of every subcommand that follows it whole.
#[test]
fn every_help_states_the_one_exit_status_rule() {
    let rule = "Exit status, the same for every subcommand:\n  0  success\n  1  the answer is no";
    for args in [
        &["--help"][..],
        &["list", "--help"],
        &["show", "--help"],
        &["expand", "--help"],
        &["compact", "--help"],
        &["spec", "--help"],
        &["spec", "diff", "--help"],
        &["lint", "--help"],
    ] {
        let run = ecr_iam(args);
        run.assert_status(0);
        assert!(run.stdout.contains(rule), "{args:?}:\n{}", run.stdout);
        assert!(
            run.stdout.contains("2  the command could not do its work"),
            "{args:?}"
        );
        assert_fits_80_columns(&run.stdout);
    }
}

/// An enormous argument (100 KB; Linux passes at most 128 KiB in one argument) is quoted by its
/// first 60 characters and `…` — in the subcommands' messages and in clap's own.
#[test]
fn an_enormous_argument_is_quoted_cut() {
    let long = "A".repeat(100_000);
    let prefixed = format!("ecr:{long}");
    let flag = format!("--{long}");
    for args in [
        &["show", long.as_str()][..],
        &["show", prefixed.as_str()],
        &["expand", prefixed.as_str()],
        &["compact", long.as_str()],
        &["list", "--access-level", long.as_str()],
        &["lint", prefixed.as_str()],
        &["list", flag.as_str()],
    ] {
        let run = ecr_iam(args);
        run.assert_status(2);
        assert!(
            run.stderr.len() < 1000,
            "{} bytes of stderr",
            run.stderr.len()
        );
        // The argument's first 60 characters: `AAAA…`, `ecr:AAAA…` or `--AAAA…`.
        assert!(
            run.stderr.contains(&format!("{}…", "A".repeat(56))),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains(&"A".repeat(61)), "{}", run.stderr);
    }
}

/// Output that cannot be written (a full disk: `/dev/full`) is the command failing to do its work:
/// exit status 2 and the reason, not a panic. A closed pipe stays a success (below).
#[test]
fn a_write_failure_exits_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // Not Linux: nothing to test with.
    };
    let output = Command::new(env!("CARGO_BIN_EXE_ecr-iam"))
        .args(["spec", "--json"])
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: cannot write the output: "),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_closed_pipe_is_no_error() {
    // The reader goes away before the binary writes: the write fails with a broken pipe, which the
    // binary takes as the reader having all it wanted (as `ecr-iam spec --json | head -1` does).
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecr-iam"))
        .args(["spec", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
