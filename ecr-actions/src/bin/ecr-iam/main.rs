//! `ecr-iam`: the IAM actions of Amazon ECR on the command line.
//!
//! ```text
//! ecr-iam list [--access-level L] [--resource-type R] [--json]   actions and their metadata, a table
//! ecr-iam show ACTION [--json]                                   everything known about one action
//! ecr-iam expand PATTERN... [--json]                             the actions patterns match
//! ecr-iam compact ACTION... [--json]                             the shortest list of patterns
//! ecr-iam spec [--json]                                          the metadata of every action
//! ecr-iam spec diff OLD NEW [--json]                             what changed between two tables
//! ecr-iam lint FILE... [--json]                                  findings in policy documents
//! ecr-iam simulate --cases FILE.jsonl [--check]                  decisions for conformance cases
//! ecr-iam check no-new-access OLD NEW [--json]                   policy checks for CI (also
//!               access-not-granted POLICY --action A… [--resource ARN…], no-public-access POLICY)
//! ```
//!
//! Human output fits an 80-column terminal; `--json` prints JSON for tools. Exit status: 0 success, 1
//! nothing matched, 2 bad usage (an unknown action, a malformed pattern, a wrong option), with the reason
//! and the nearest names on stderr. Built with the `cli` feature of `ecr-actions`.

mod args;
mod check;
mod compact;
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
    let cli = Cli::parse();
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
        Err(failure) => failure.report(&mut err),
    }
}
