//! The policy-evaluation conformance cases: every case of every `tests/data/policy-eval*.jsonl` file
//! must reach the decision it expects — the shared samples (`policy-eval-sample.jsonl`, a copy of
//! `../shared/conformance/policy-eval/sample.jsonl`; `policy-eval-stack-sample.jsonl`, a copy of
//! `../shared/conformance/policy-eval-stack/sample.jsonl`, the whole decision chain) and our own
//! cases (`policy-eval-extra.jsonl`, `policy-eval-stack-extra.jsonl`, and any later file of that
//! name), read as `ecr-iam simulate` reads them.

#[allow(
    dead_code,
    reason = "the CLI's reader, shared: this test uses part of it"
)]
#[path = "../../ecr-iam/src/conformance.rs"]
mod conformance;

use conformance::{case_id, expected, parse_case, run_case};

/// Runs every case of `file`; returns how many there are and the disagreements, one line each.
fn run_file(file: &str) -> (usize, Vec<String>) {
    let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    let mut count = 0;
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        count += 1;
        // `parse_case` refuses a duplicate key, which `serde_json::from_str` would merge silently.
        let case = parse_case(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", number + 1));
        let id = case_id(&case).unwrap_or("(no id)").to_owned();
        let want = expected(&case).unwrap_or_else(|e| panic!("{file}:{}: {e}", number + 1));
        match run_case(&case) {
            Ok(got) if got == want => {}
            Ok(got) => failures.push(format!("{id}: expected {want}, got {got}")),
            Err(error) => failures.push(format!("{id}: expected {want}, error: {error}")),
        }
    }
    (count, failures)
}

fn check(file: &str, at_least: usize) {
    let (count, failures) = run_file(file);
    assert!(count >= at_least, "{file}: only {count} cases");
    assert!(
        failures.is_empty(),
        "{file}: {} of {count} cases disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_sample_case_agrees() {
    check("policy-eval-sample.jsonl", 70);
}

#[test]
fn every_extra_case_agrees() {
    check("policy-eval-extra.jsonl", 40);
}

/// The whole decision chain: SCPs, RCPs, boundaries, session policies, endpoint policies.
#[test]
fn every_stack_sample_case_agrees() {
    check("policy-eval-stack-sample.jsonl", 90);
}

/// Every `policy-eval*.jsonl` file, those named above and any other (the cases written for the
/// subtle rules of the decision chain, `policy-eval-stack-extra.jsonl`, among them).
#[test]
fn every_case_file_agrees() {
    let dir = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("policy-eval") && name.ends_with(".jsonl"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "only {files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let (count, failures) = run_file(file);
        if count == 0 {
            problems.push(format!("{file}: no case"));
        }
        problems.extend(failures.into_iter().map(|f| format!("{file}: {f}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
