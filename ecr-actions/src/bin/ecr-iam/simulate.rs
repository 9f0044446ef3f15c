//! `ecr-iam simulate --cases FILE.jsonl`: evaluates policy-evaluation conformance cases, one JSON
//! object a line, and prints one line per case in input order: `{"id": "…", "decision": "…"}`, or
//! `{"id": "…", "error": "…"}` for a case that cannot be evaluated. With `--check`, a case whose
//! decision differs from its `expected` also fails the run (exit status 1).

use std::io::{self, BufRead, BufReader, Write};

use ecr_actions::eval::conformance::{case_id, expected, run_case};
use serde_json::Value;

use crate::args::SimulateArgs;
use crate::failure::Failure;

/// Runs the subcommand.
pub(crate) fn run(args: &SimulateArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let reader: Box<dyn BufRead> = if args.cases.as_os_str() == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let file = std::fs::File::open(&args.cases)
            .map_err(|e| Failure::usage(format!("cannot read `{}`: {e}", args.cases.display())))?;
        Box::new(BufReader::new(file))
    };
    let mut disagreements = Vec::new();
    for (number, line) in reader.lines().enumerate() {
        let line = line
            .map_err(|e| Failure::usage(format!("cannot read `{}`: {e}", args.cases.display())))?;
        if line.trim().is_empty() {
            continue;
        }
        let case: Value = match serde_json::from_str(&line) {
            Ok(case) => case,
            Err(error) => {
                let message = format!("line {}: not JSON: {error}", number + 1);
                writeln!(out, "{}", line_for(&Value::Null, "error", &message))?;
                continue;
            }
        };
        let id = case_id(&case).map_or(Value::Null, |id| Value::String(id.to_owned()));
        let printed = match run_case(&case) {
            Ok(decision) => {
                if args.check && expected(&case).is_ok_and(|want| want != decision) {
                    disagreements.push(format!(
                        "{}: expected {}, got {decision}",
                        case_id(&case).unwrap_or("(no id)"),
                        expected(&case).map_or_else(|e| e, |d| d.to_string())
                    ));
                }
                line_for(&id, "decision", decision.as_str())
            }
            Err(error) => {
                if args.check {
                    disagreements.push(format!("{}: {error}", case_id(&case).unwrap_or("(no id)")));
                }
                line_for(&id, "error", &error)
            }
        };
        writeln!(out, "{printed}")?;
    }
    if disagreements.is_empty() {
        Ok(())
    } else {
        Err(Failure::NoMatch(disagreements))
    }
}

/// `{"id": …, "<name>": "<value>"}`, keys in that order (as the conformance README writes them).
fn line_for(id: &Value, name: &str, value: &str) -> String {
    format!(
        "{{\"id\": {id}, \"{name}\": {}}}",
        Value::String(value.to_owned())
    )
}
