//! The policy-evaluation conformance cases: every sample case (`tests/data/policy-eval-sample.jsonl`,
//! a copy of the shared sample) and every case of our own (`tests/data/policy-eval-extra.jsonl`) must
//! reach the decision it expects.

use ecr_actions::eval::conformance::{case_id, expected, parse_case, run_case};

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
