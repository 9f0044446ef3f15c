//! `ecr-iam list`: the actions with their access levels, resource types and condition keys, as an aligned
//! table or as JSON, optionally filtered by access level and resource type.

use std::io::Write;

use ecr_actions::metadata::{ActionMetadata, ServiceMetadata};
use ecr_actions::{Action, ActionSet};

use crate::args::ListArgs;
use crate::failure::{Failure, print_json, print_lines};
use crate::table::{Column, Fit, Table, WIDTH, paragraph};

/// Runs the subcommand.
pub(crate) fn run(args: &ListArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let selected: ActionSet = Action::ALL
        .into_iter()
        .filter(|action| {
            args.access_level
                .is_none_or(|level| action.access_levels().contains(level))
        })
        .filter(|action| {
            args.resource_type.is_none_or(|wanted| {
                action
                    .resource_types()
                    .iter()
                    .any(|used| used.resource_type() == wanted)
            })
        })
        .collect();
    if args.json {
        let chosen: Vec<ActionMetadata> = ServiceMetadata::of::<Action>()
            .actions
            .into_iter()
            .zip(Action::ALL)
            .filter(|(_, action)| selected.contains(*action))
            .map(|(metadata, _)| metadata)
            .collect();
        print_json(out, &chosen)?;
    } else if !selected.is_empty() {
        print_lines(out, &human(selected))?;
    }
    if selected.is_empty() {
        return Err(Failure::NoMatch(vec![no_match(args)]));
    }
    Ok(())
}

/// The table of `actions` and a closing line that explains it.
fn human(actions: ActionSet) -> Vec<String> {
    let mut table = Table::new(vec![
        Column::new("Action", Fit::Cut),
        Column::new("Access level", Fit::Wrap),
        Column::new("Resource types", Fit::Cut),
        Column::new("Keys", Fit::Wrap).right(),
    ]);
    for action in actions {
        let resource_types: Vec<String> = action
            .resource_types()
            .iter()
            .map(|used| {
                let mark = if used.required() { "*" } else { "" };
                format!("{}{mark}", used.resource_type())
            })
            .collect();
        let keys = action.condition_keys().len()
            + action
                .resource_types()
                .iter()
                .map(|used| used.condition_keys().len())
                .sum::<usize>();
        table.push(vec![
            action.name().to_owned(),
            action.access_levels().to_string(),
            if resource_types.is_empty() {
                "-".to_owned()
            } else {
                resource_types.join("\n")
            },
            if keys == 0 {
                "-".to_owned()
            } else {
                keys.to_string()
            },
        ]);
    }
    let mut lines = table.render(WIDTH);
    let count = actions.len();
    let noun = if count == 1 { "action" } else { "actions" };
    lines.push(String::new());
    lines.extend(paragraph(
        &format!(
            "{count} {noun}. Resource types marked `*` are required. Keys: how many condition \
             keys the action has; `ecr-iam show ACTION` lists them."
        ),
        0,
    ));
    lines
}

/// Why the filters select nothing.
fn no_match(args: &ListArgs) -> String {
    let mut filters = Vec::new();
    if let Some(level) = args.access_level {
        filters.push(format!("access level `{level}`"));
    }
    if let Some(resource_type) = args.resource_type {
        filters.push(format!("resource type `{resource_type}`"));
    }
    format!("no `ecr` action has {}", filters.join(" and "))
}
