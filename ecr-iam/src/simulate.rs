//! `ecr-iam simulate --cases FILE.jsonl`: evaluates policy-evaluation conformance cases, one JSON
//! object a line, and prints one line per case in input order: `{"id": "…", "decision": "…"}`, or
//! `{"id": "…", "error": "line N: …"}` for a line that cannot be evaluated (not UTF-8, longer than
//! `MAX_CASE_BYTES`, not JSON, a duplicate key, a case the evaluator cannot read). A bad line never
//! stops the run: the next line is read.
//!
//! With `--check` the command is a gate: every line must be a case with a valid `expected` that the
//! evaluator decides the same way. Output then ends with a summary line,
//! `N cases, A agree, D disagree, E errors`, each disagreement and error (the first 100, then how many
//! more) is repeated on stderr with its line number, and the exit status is 1 unless every case agrees;
//! 2 if there is no case at all (an empty file).

use std::io::{self, BufRead, BufReader, Write};

use crate::conformance::{MAX_CASE_BYTES, case_id, expected, parse_case, run_case};
use serde_json::Value;

use crate::args::SimulateArgs;
use crate::failure::Failure;

/// How many problems `--check` repeats on stderr; the rest are counted ("… and N more"), and every
/// one is on its line of the output anyway.
const MAX_REPEATED: usize = 100;

/// What became of one line.
enum Verdict {
    /// Decided, and (with `--check`) as expected.
    Agree,
    /// Decided otherwise than expected.
    Disagree,
    /// Not a case that could be decided and compared.
    Error,
}

/// The counts of the summary line.
#[derive(Default)]
struct Tally {
    agree: usize,
    disagree: usize,
    errors: usize,
}

/// Runs the subcommand.
pub(crate) fn run(args: &SimulateArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let mut reader: Box<dyn BufRead> = if args.cases.as_os_str() == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let file = std::fs::File::open(&args.cases)
            .map_err(|e| Failure::usage(format!("cannot read `{}`: {e}", args.cases.display())))?;
        Box::new(BufReader::new(file))
    };
    let mut problems = Vec::new();
    let mut unrepeated = 0_usize;
    let mut tally = Tally::default();
    let mut buffer = Vec::new();
    let mut number = 0_usize;
    loop {
        let line = read_line(&mut reader, &mut buffer, MAX_CASE_BYTES)
            .map_err(|e| Failure::usage(format!("cannot read `{}`: {e}", args.cases.display())))?;
        let Some(line) = line else { break };
        number += 1;
        let text = match line {
            Line::TooLong(len) => Err(format!(
                "the line is longer than {MAX_CASE_BYTES} bytes ({len} bytes or more); a case is at most that"
            )),
            Line::Read => std::str::from_utf8(&buffer)
                .map_err(|e| format!("not UTF-8 text: {e}"))
                .map(|text| text.trim_end_matches(['\r', '\n'])),
        };
        if text.as_ref().is_ok_and(|text| text.trim().is_empty()) {
            continue;
        }
        let (printed, verdict, problem) = judge(text, number, args.check);
        writeln!(out, "{printed}")?;
        match verdict {
            Verdict::Agree => tally.agree += 1,
            Verdict::Disagree => tally.disagree += 1,
            Verdict::Error => tally.errors += 1,
        }
        if let Some(problem) = problem {
            if problems.len() < MAX_REPEATED {
                problems.push(problem);
            } else {
                unrepeated += 1;
            }
        }
    }
    if !args.check {
        return Ok(());
    }
    let cases = tally.agree + tally.disagree + tally.errors;
    writeln!(
        out,
        "{cases} cases, {} agree, {} disagree, {} errors",
        tally.agree, tally.disagree, tally.errors
    )?;
    if unrepeated > 0 {
        problems.push(format!(
            "… and {unrepeated} more (each on its line of the output)"
        ));
    }
    if cases == 0 {
        // An empty input is input that cannot be used (exit status 2), as for `lint`.
        return Err(Failure::usage(format!(
            "`{}` is empty: it holds no case, nothing was checked",
            args.cases.display()
        )));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::NoMatch(problems))
    }
}

/// One line's output, its verdict, and the problem to repeat on stderr with `--check`.
fn judge(
    text: Result<&str, String>,
    number: usize,
    check: bool,
) -> (String, Verdict, Option<String>) {
    let error = |id: &Value, message: String| {
        let message = format!("line {number}: {message}");
        let problem = check.then(|| match id {
            Value::String(id) => format!("{id}: {message}"),
            _ => message.clone(),
        });
        (line_for(id, "error", &message), Verdict::Error, problem)
    };
    let case = match text.and_then(parse_case) {
        Ok(case) => case,
        Err(message) => return error(&Value::Null, message),
    };
    let id = case_id(&case).map_or(Value::Null, |id| Value::String(id.to_owned()));
    // With `--check`, a case is only worth deciding if it says what it expects.
    let want = if check {
        match expected(&case) {
            Ok(want) => Some(want),
            Err(message) => return error(&id, message),
        }
    } else {
        None
    };
    let decision = match run_case(&case) {
        Ok(decision) => decision,
        Err(message) => return error(&id, message),
    };
    let printed = line_for(&id, "decision", decision.as_str());
    match want {
        Some(want) if want != decision => {
            let name = case_id(&case).unwrap_or("(no id)");
            let problem = format!("{name}: line {number}: expected {want}, got {decision}");
            (printed, Verdict::Disagree, Some(problem))
        }
        _ => (printed, Verdict::Agree, None),
    }
}

/// How [`read_line`] ended.
enum Line {
    /// The line is in the buffer (with its newline, if it had one).
    Read,
    /// The line was longer than the cap: it was skipped up to its newline; this many bytes were seen.
    TooLong(usize),
}

/// Reads the next line into `buffer`, keeping at most `cap` bytes (plus the newline) in memory: a
/// longer line is skipped to its end and reported. `None` at the end of the input.
fn read_line(
    reader: &mut dyn BufRead,
    buffer: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<Line>> {
    buffer.clear();
    let mut seen = 0_usize;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            // The end of the input: a last line without a newline still counts.
            return Ok(match (seen, too_long) {
                (0, _) => None,
                (_, true) => Some(Line::TooLong(seen)),
                (_, false) => Some(Line::Read),
            });
        }
        let newline = available.iter().position(|&b| b == b'\n');
        let (chunk, ends) = match newline.and_then(|at| available.split_at_checked(at + 1)) {
            Some((line, _)) => (line, true),
            None => (available, false),
        };
        let used = chunk.len();
        seen = seen.saturating_add(used);
        if !too_long && buffer.len().saturating_add(used) <= cap.saturating_add(1) {
            buffer.extend_from_slice(chunk);
        } else {
            too_long = true;
            buffer.clear();
        }
        reader.consume(used);
        if ends {
            return Ok(Some(if too_long {
                Line::TooLong(seen)
            } else {
                Line::Read
            }));
        }
    }
}

/// `{"id": …, "<name>": "<value>"}`, keys in that order (as the conformance README writes them).
fn line_for(id: &Value, name: &str, value: &str) -> String {
    format!(
        "{{\"id\": {id}, \"{name}\": {}}}",
        Value::String(value.to_owned())
    )
}
