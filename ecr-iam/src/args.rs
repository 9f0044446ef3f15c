//! The command line: subcommands, arguments and their help (clap derive).

use clap::{Args, Parser, Subcommand};
use ecr_actions::{AccessLevel, ResourceType};

use crate::failure::EXIT_STATUS;

/// The top-level help's closing text: the exit-status rule, and a word on quoting.
fn after_help() -> String {
    format!(
        "{EXIT_STATUS}\n\nQuote patterns so that the shell does not expand them: ecr-iam expand 'ecr:Get*'"
    )
}

// Help texts are kept within 80 columns: clap wraps nothing without its `wrap_help` feature.

/// Look up the IAM actions of Amazon ECR, expand and compact action patterns
#[derive(Debug, Parser)]
#[command(name = "ecr-iam", version, after_help = after_help())]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// List the actions with access levels, resource types, condition keys
    #[command(after_help = format!("{}\n\n{EXIT_STATUS}", list_after_help()))]
    List(ListArgs),
    /// Show everything known about one action
    #[command(after_help = EXIT_STATUS)]
    Show(ShowArgs),
    /// Print the actions that IAM action patterns match, in table order
    #[command(after_help = EXIT_STATUS)]
    Expand(ExpandArgs),
    /// Print the fewest patterns that match exactly the given actions
    #[command(after_help = EXIT_STATUS)]
    Compact(CompactArgs),
    /// Print the metadata of every action (a summary without --json)
    #[command(after_help = EXIT_STATUS)]
    Spec(SpecArgs),
    /// Check IAM policy documents for mistakes, as Access Analyzer does
    #[command(after_help = format!("{LINT_OUTPUT}\n\n{EXIT_STATUS}"))]
    Lint(LintArgs),
    /// Decide policy-evaluation conformance cases (one JSON a line)
    #[command(after_help = SIMULATE_EXIT_STATUS)]
    Simulate(SimulateArgs),
    /// Policy checks: no-new-access, access-not-granted, no-public-access
    Check(CheckArgs),
}

/// `ecr-iam check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Which check
    #[command(subcommand)]
    pub(crate) command: CheckCommand,
}

/// The subcommands of `ecr-iam check`.
#[derive(Debug, Subcommand)]
pub(crate) enum CheckCommand {
    /// PASS when every request NEW allows, OLD allows too
    #[command(after_help = CHECK_EXIT_STATUS)]
    NoNewAccess(NoNewAccessArgs),
    /// PASS when the policy allows none of the actions
    #[command(after_help = CHECK_EXIT_STATUS)]
    AccessNotGranted(AccessNotGrantedArgs),
    /// PASS when a repository policy allows no unnamed principal
    #[command(after_help = CHECK_EXIT_STATUS)]
    NoPublicAccess(NoPublicAccessArgs),
}

/// `ecr-iam check no-new-access`.
#[derive(Debug, Args)]
pub(crate) struct NoNewAccessArgs {
    /// The policy as it is (JSON file, - for stdin)
    #[arg(value_name = "OLD")]
    pub(crate) old: std::path::PathBuf,
    /// The policy as it would be
    #[arg(value_name = "NEW")]
    pub(crate) new: std::path::PathBuf,
    /// Print the result as JSON
    #[arg(long)]
    pub(crate) json: bool,
}

/// `ecr-iam check access-not-granted`.
#[derive(Debug, Args)]
pub(crate) struct AccessNotGrantedArgs {
    /// The policy (JSON file, - for stdin)
    #[arg(value_name = "POLICY")]
    pub(crate) policy: std::path::PathBuf,
    /// Actions or patterns, e.g. 'ecr:Delete*'
    #[arg(long = "action", required = true, num_args = 1.., value_name = "ACTION")]
    pub(crate) actions: Vec<String>,
    /// ARNs or patterns (default: every resource)
    #[arg(long = "resource", num_args = 1.., value_name = "ARN")]
    pub(crate) resources: Vec<String>,
    /// Print the result as JSON
    #[arg(long)]
    pub(crate) json: bool,
}

/// `ecr-iam check no-public-access`.
#[derive(Debug, Args)]
pub(crate) struct NoPublicAccessArgs {
    /// The repository policy (JSON file, - for stdin)
    #[arg(value_name = "POLICY")]
    pub(crate) policy: std::path::PathBuf,
    /// Print the result as JSON
    #[arg(long)]
    pub(crate) json: bool,
}

const CHECK_EXIT_STATUS: &str = "\
Exit status: 0 PASS; 1 FAIL (proven, or could not prove: see the reasons);
2 bad input: a file cannot be read or is not a policy, a malformed action
or resource.";

/// `ecr-iam list`.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Only actions of this access level, e.g. read
    #[arg(long, value_name = "LEVEL")]
    pub(crate) access_level: Option<AccessLevel>,
    /// Only actions that use this resource type
    #[arg(long, value_name = "TYPE")]
    pub(crate) resource_type: Option<ResourceType>,
    /// Print a JSON array of the actions' metadata
    #[arg(long)]
    pub(crate) json: bool,
}

/// `ecr-iam show`.
#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The action, e.g. ecr:BatchGetImage or BatchGetImage (any case)
    pub(crate) action: String,
    /// Print the action's metadata as a JSON object
    #[arg(long)]
    pub(crate) json: bool,
}

/// `ecr-iam expand`.
#[derive(Debug, Args)]
pub(crate) struct ExpandArgs {
    /// IAM action patterns with * and ?, e.g. 'ecr:Describe*'
    #[arg(required = true, value_name = "PATTERN")]
    pub(crate) patterns: Vec<String>,
    /// Print a JSON array of strings
    #[arg(long)]
    pub(crate) json: bool,
}

/// `ecr-iam compact`.
#[derive(Debug, Args)]
pub(crate) struct CompactArgs {
    /// Actions or patterns, e.g. ecr:BatchGetImage 'ecr:Get*'
    #[arg(required = true, value_name = "ACTION")]
    pub(crate) actions: Vec<String>,
    /// Print a JSON array of strings
    #[arg(long)]
    pub(crate) json: bool,
}

/// `ecr-iam spec`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct SpecArgs {
    /// Compare two tables instead
    #[command(subcommand)]
    pub(crate) command: Option<SpecCommand>,
    /// Print every action's metadata as JSON
    #[arg(long)]
    pub(crate) json: bool,
}

/// The subcommands of `ecr-iam spec`.
#[derive(Debug, Subcommand)]
pub(crate) enum SpecCommand {
    /// What changed from OLD to NEW (metadata as `spec --json` prints it)
    Diff(SpecDiffArgs),
}

/// `ecr-iam spec diff`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_STATUS)]
pub(crate) struct SpecDiffArgs {
    /// The older table's metadata (JSON, as `ecr-iam spec --json` prints it)
    #[arg(value_name = "OLD")]
    pub(crate) old: std::path::PathBuf,
    /// The newer table's metadata
    #[arg(value_name = "NEW")]
    pub(crate) new: std::path::PathBuf,
    /// Print the differences as JSON
    #[arg(long)]
    pub(crate) json: bool,
}

/// `ecr-iam lint`.
#[derive(Debug, Args)]
pub(crate) struct LintArgs {
    /// Policy documents (JSON files), or - for standard input
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<std::path::PathBuf>,
    /// Lint as this policy type (default: inferred; types below)
    #[arg(long = "type", value_name = "TYPE")]
    pub(crate) policy_type: Option<ecr_actions::policy::PolicyType>,
    /// Print one JSON array of the findings
    #[arg(long)]
    pub(crate) json: bool,
}

/// `ecr-iam simulate`.
#[derive(Debug, Args)]
pub(crate) struct SimulateArgs {
    /// Conformance cases, one JSON object a line (- for stdin)
    #[arg(long, value_name = "FILE")]
    pub(crate) cases: std::path::PathBuf,
    /// Gate: fail unless every line is a case that agrees with its expected
    /// decision; end with a summary line
    #[arg(long)]
    pub(crate) check: bool,
}

const SIMULATE_EXIT_STATUS: &str = "\
Prints {\"id\": ..., \"decision\": ...} or {\"id\": ..., \"error\": \"line N: ...\"}
per line (a bad line is reported and the run goes on). A line holds at most
1 MiB. With --check, a last line `N cases, A agree, D disagree, E errors`.
Exit status: 0 every line was read (with --check: every line is a case that
agrees); 1 with --check, a line is not JSON, not a case, has no valid
`expected`, cannot be evaluated or disagrees; 2 the file cannot be read
(with --check: or holds no case).";

const LINT_OUTPUT: &str = "\
Each finding: FILE: SEVERITY[CODE] at PATH: MESSAGE, on one line if it fits
80 columns, else with the message wrapped under it. Every readable file is
linted even when another cannot be read. Types: identity, resource, scp, rcp,
boundary, session, endpoint. Without --type, each file is linted as the type
its content shows, named on stderr.";

/// The values `list` filters by.
fn list_after_help() -> String {
    let levels: Vec<String> = AccessLevel::ALL
        .iter()
        .map(|level| match level.as_str() {
            name if name.contains(' ') => format!("\"{name}\""),
            name => name.to_owned(),
        })
        .collect();
    let types: Vec<&str> = ResourceType::ALL.iter().map(|t| t.name()).collect();
    format!(
        "Access levels: {} (any case)\nResource types: {}",
        levels.join(", "),
        types.join(", ")
    )
}
