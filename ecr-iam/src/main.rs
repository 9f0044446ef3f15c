//! `ecr-iam`: the IAM actions of Amazon ECR on the command line.
//!
//! ```text
//! ecr-iam list [--access-level L] [--resource-type R] [--json]   actions and their metadata, a table
//! ecr-iam show ACTION [--json]                                   everything known about one action
//! ecr-iam expand PATTERN... [--json]                             the actions patterns match
//! ecr-iam compact ACTION... [--json]                             the shortest list of patterns
//! ecr-iam spec [--json]                                          the metadata of every action
//! ecr-iam spec diff OLD NEW [--json]                             what changed between two tables
//! ecr-iam lint FILE... [--type TYPE] [--json]                    findings in policy documents
//! ecr-iam simulate --cases FILE.jsonl [--check]                  decisions for conformance cases
//! ecr-iam check no-new-access OLD NEW [--json]                   policy checks for CI (also
//!               access-not-granted POLICY --action A… [--resource ARN…], no-public-access POLICY)
//! ```
//!
//! Human output fits an 80-column terminal; `--json` prints JSON for tools. Exit status, the same for
//! every subcommand (module `failure`): 0 success, 1 the answer is no (nothing matched, an error
//! finding, a difference, a disagreement), 2 the command could not do its work (bad usage, unreadable
//! input, unwritable output), with the reason and the nearest names on stderr. A package of its own
//! over `ecr-actions` (feature `policy`), so that clap never enters a library user's build.

mod args;
mod check;
mod compact;
mod conformance;
mod expand;
mod failure;
mod lint;
mod list;
mod show;
mod simulate;
mod spec;
mod table;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::failure::Failure;

fn main() -> ExitCode {
    // Lossy: only to find long arguments in messages; clap reads the arguments themselves.
    let arguments: Vec<String> = std::env::args_os()
        .map(|argument| argument.to_string_lossy().into_owned())
        .collect();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return clap_failure(&error, &arguments),
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let result = match &cli.command {
        Command::List(args) => list::run(args, &mut out),
        Command::Show(args) => show::run(args, &mut out),
        Command::Expand(args) => expand::run(args, &mut out, &mut err),
        Command::Compact(args) => compact::run(args, &mut out),
        Command::Spec(args) => spec::run(args, &mut out),
        Command::Lint(args) => lint::run(args, &mut out),
        Command::Simulate(args) => simulate::run(args, &mut out),
        Command::Check(args) => check::run(args, &mut out),
    };
    let flushed = out.flush().map_err(Failure::from);
    match result.and(flushed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(&mut err, &arguments),
    }
}

/// Prints clap's error (or the help or version it was asked for) and returns its exit status: 0
/// for help and version, 2 for bad usage. A long argument is quoted cut, as in every other message.
fn clap_failure(error: &clap::Error, arguments: &[String]) -> ExitCode {
    if !error.use_stderr() {
        // `--help`, `--version`: a closed pipe is no error, so the result is not looked at.
        let _ignored = error.print();
        return ExitCode::SUCCESS;
    }
    if arguments
        .iter()
        .all(|argument| argument.chars().nth(failure::LONG_ARGUMENT).is_none())
    {
        // Clap's own rendering, with colours on a terminal.
        let _ignored = error.print();
    } else {
        let text = error.render().to_string();
        let _ignored = write!(io::stderr(), "{}", failure::cut_arguments(&text, arguments));
    }
    ExitCode::from(2)
}
