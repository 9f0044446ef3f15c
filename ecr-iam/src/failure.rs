//! How a command ends when it does not succeed, and the exit status for each way; writing output.
//!
//! One rule for every subcommand ([`EXIT_STATUS`], printed by `ecr-iam --help`):
//!
//! | status | when |
//! | --- | --- |
//! | 0 | success, also when the reader of the output went away (a closed pipe, e.g. `| head`) |
//! | 1 | the answer is no: the input is valid but selects no action (`expand`, `list` with filters, `compact` of a pattern); a finding is an error (`lint`); the tables differ (`spec diff`); a line is not a case that agrees (`simulate --check`) |
//! | 2 | the command could not do its work: bad usage (an unknown action, a malformed pattern, a wrong option — clap's own errors), unreadable input (a missing, empty or malformed file), output that cannot be written (a full disk) |
//!
//! An unknown `ecr:` action is bad input in every subcommand (2): `show` cannot show it, and for
//! `expand` and `compact` it is a typo, not a question whose answer is "nothing". For `expand` and
//! `compact`, a pattern with a wildcard that matches nothing, or an action of another service (valid
//! in a policy), is a valid question answered "no" (1); `show` shows ECR actions only, so another
//! service's action is bad input there (2).
//!
//! Messages quote the arguments they are about; an argument longer than [`LONG_ARGUMENT`]
//! characters is quoted as its first [`SHOWN`] and `…` (see [`cut_arguments`]).

use std::io::{self, ErrorKind, Write};
use std::process::ExitCode;

use serde::Serialize;

/// The exit-status rule, as `--help` prints it (within 80 columns).
pub(crate) const EXIT_STATUS: &str = "\
Exit status, the same for every subcommand:
  0  success
  1  the answer is no: nothing matched (expand, compact, list with filters),
     a finding is an error (lint), the tables differ (spec diff), a case
     disagrees or cannot be decided (simulate --check), a check does not
     pass (check: FAIL, or FAIL could not prove)
  2  the command could not do its work: bad usage (an unknown ecr: action in
     show, expand or compact, a malformed pattern, a wrong option), a file
     that cannot be read or is empty or malformed, output that cannot be
     written
A closed pipe (ecr-iam spec --json | head) is success.";

/// An argument longer than this many characters is quoted cut in messages.
pub(crate) const LONG_ARGUMENT: usize = 100;

/// How many characters of a long argument a message quotes.
const SHOWN: usize = 60;

/// Why a command did not succeed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The command could not do its work: bad usage or unreadable input (exit status 2). Each
    /// message explains one problem.
    Usage(Vec<String>),
    /// The answer is no (exit status 1): valid input that selects no action, an error finding, a
    /// difference, a disagreement. Each message explains one of them.
    NoMatch(Vec<String>),
    /// The output could not be written (exit status 2; a closed pipe is success).
    Io(io::Error),
    /// The output could not be made JSON.
    Json(serde_json::Error),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Self::Io(error)
    }
}

impl From<serde_json::Error> for Failure {
    fn from(error: serde_json::Error) -> Self {
        Self::Json(error)
    }
}

impl Failure {
    /// Bad input explained by one message.
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self::Usage(vec![message.into()])
    }

    /// Writes the messages to `stderr` (`error: …` each, arguments longer than [`LONG_ARGUMENT`]
    /// quoted cut) and returns the exit status. A closed pipe on stdout is no error: the reader has
    /// all it wanted.
    pub(crate) fn report(self, stderr: &mut dyn Write, arguments: &[String]) -> ExitCode {
        let (messages, status) = match self {
            Self::Io(error) if error.kind() == ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Self::Io(error) => (vec![format!("cannot write the output: {error}")], 2),
            Self::Json(error) => (vec![format!("cannot write JSON: {error}")], 2),
            Self::NoMatch(messages) => (messages, 1),
            Self::Usage(messages) => (messages, 2),
        };
        for message in messages {
            // Nothing is left to tell the user if stderr is gone too.
            let _ignored = writeln!(stderr, "error: {}", cut_arguments(&message, arguments));
        }
        ExitCode::from(status)
    }
}

/// `message` with every argument longer than [`LONG_ARGUMENT`] characters replaced by its first
/// [`SHOWN`] characters and `…`: an error about a 1 MiB action name names it without echoing it.
/// Done here, where every message passes, rather than in each subcommand (the library's errors
/// quote their input whole, as a library should).
pub(crate) fn cut_arguments(message: &str, arguments: &[String]) -> String {
    let mut message = message.to_owned();
    for argument in arguments {
        if argument.chars().nth(LONG_ARGUMENT).is_some() && message.contains(argument.as_str()) {
            let shown: String = argument.chars().take(SHOWN).chain(['…']).collect();
            message = message.replace(argument.as_str(), &shown);
        }
    }
    message
}

/// What a JSON reader said, without the position it ends with (` at line L column C`), which the
/// caller prints once, in front: `FILE:L:C: message`.
pub(crate) fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let at = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&at) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// Writes `lines`, each ending with a newline.
pub(crate) fn print_lines(out: &mut dyn Write, lines: &[String]) -> Result<(), Failure> {
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Writes `value` as pretty-printed JSON and a newline.
pub(crate) fn print_json<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), Failure> {
    let json = serde_json::to_string_pretty(value)?;
    writeln!(out, "{json}")?;
    Ok(())
}

/// Writes `value` as JSON indented by one space, as the metadata files of the AWS tables are kept
/// (`spec/2026-10-27/ecr-expected.json`), so that `ecr-iam spec --json` prints them byte for byte.
pub(crate) fn print_json_one_space<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), Failure> {
    let mut json = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, formatter);
    value.serialize(&mut serializer)?;
    out.write_all(&json)?;
    writeln!(out)?;
    Ok(())
}

/// Writes a warning: something the user may not have meant, that does not change the exit status.
pub(crate) fn warn(stderr: &mut dyn Write, message: &str) {
    let _ignored = writeln!(stderr, "warning: {message}");
}
