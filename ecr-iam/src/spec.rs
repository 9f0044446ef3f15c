//! `ecr-iam spec`: the metadata of every action; with `--json` in the shape of DESIGN §4 (the shape of the
//! conformance samples' `*-expected.json`), otherwise a short summary. `ecr-iam spec diff OLD NEW`
//! compares two such JSON files (module `diff`).

mod diff;

use std::io::Write;

use ecr_actions::metadata::ServiceMetadata;
use ecr_actions::service::IamAction;
use ecr_actions::{AccessLevel, Action, ActionSet, ConditionKey, LAST_UPDATED, ResourceType};

use crate::args::{SpecArgs, SpecCommand};
use crate::failure::{Failure, print_json_one_space, print_lines};
use crate::table::paragraph;

/// Runs the subcommand.
pub(crate) fn run(args: &SpecArgs, out: &mut dyn Write) -> Result<(), Failure> {
    if let Some(SpecCommand::Diff(diff_args)) = &args.command {
        return diff::run(diff_args, out);
    }
    if args.json {
        print_json_one_space(out, &ServiceMetadata::of::<Action>())
    } else {
        print_lines(out, &summary())
    }
}

/// The service, the table's date, and how many actions, resource types and condition keys it has.
fn summary() -> Vec<String> {
    let mut lines = vec![
        format!("Service:         {}", <Action as IamAction>::SERVICE),
        format!("Last updated:    {}", LAST_UPDATED.unwrap_or("(not given)")),
        format!("Actions:         {}", Action::COUNT),
    ];
    for level in AccessLevel::ALL {
        let count = ActionSet::with_access_level(level).len();
        lines.push(format!("  {:<24} {count:>3}", level.as_str()));
    }
    lines.push(format!("Resource types:  {}", ResourceType::COUNT));
    for kind in ResourceType::ALL {
        lines.push(format!("  {kind}"));
    }
    lines.push(format!("Condition keys:  {}", ConditionKey::COUNT));
    for key in ConditionKey::ALL {
        lines.push(format!("  {key}"));
    }
    lines.push(String::new());
    lines.extend(paragraph(
        "An action with two access levels counts under both. `ecr-iam spec --json` prints the \
         metadata of every action; `ecr-iam spec diff OLD NEW` compares two such files.",
        0,
    ));
    lines
}
