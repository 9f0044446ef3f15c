//! How a command ends when it does not succeed, and the exit status for each way; writing output.
//!
//! | status | when |
//! | --- | --- |
//! | 0 | success, also when the reader of the output went away (a closed pipe, e.g. `| head`) |
//! | 1 | the input is valid but selects no action (`expand`, `list` with filters, `compact`); a finding is an error (`lint`); a line is not a case that agrees (`simulate --check`) |
//! | 2 | bad usage: an unknown action or name, a malformed pattern, a wrong option (clap's own errors) |

use std::io::{self, ErrorKind, Write};
use std::process::ExitCode;

use serde::Serialize;

/// Why a command did not succeed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Bad input: an unknown action, a malformed pattern. Each message explains one problem.
    Usage(Vec<String>),
    /// Valid input that selects no action. Each message explains one pattern or filter.
    NoMatch(Vec<String>),
    /// The output could not be written.
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

    /// Writes the messages to `stderr` (`error: …` each) and returns the exit status. A closed pipe on
    /// stdout is no error: the reader has all it wanted.
    pub(crate) fn report(self, stderr: &mut dyn Write) -> ExitCode {
        let (messages, status) = match self {
            Self::Io(error) if error.kind() == ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Self::Io(error) => (vec![format!("cannot write the output: {error}")], 1),
            Self::Json(error) => (vec![format!("cannot write JSON: {error}")], 1),
            Self::NoMatch(messages) => (messages, 1),
            Self::Usage(messages) => (messages, 2),
        };
        for message in messages {
            // Nothing is left to tell the user if stderr is gone too.
            let _ignored = writeln!(stderr, "error: {message}");
        }
        ExitCode::from(status)
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
