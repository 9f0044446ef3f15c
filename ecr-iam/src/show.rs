//! `ecr-iam show ACTION`: everything the tables say about one action — description, access levels,
//! resource types with their ARN formats and condition keys, condition keys with their value types, and
//! dependent actions.

use std::io::Write;

use ecr_actions::metadata::ServiceMetadata;
use ecr_actions::{Action, ConditionKey, ResourceTypeUse};

use crate::args::ShowArgs;
use crate::failure::{Failure, print_json, print_lines};
use crate::table::paragraph;

/// Runs the subcommand.
pub(crate) fn run(args: &ShowArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let action = resolve(&args.action)?;
    if args.json {
        let metadata = ServiceMetadata::of::<Action>()
            .actions
            .into_iter()
            .nth(action.index());
        print_json(out, &metadata)
    } else {
        print_lines(out, &human(action))
    }
}

/// The action `input` names: an IAM action string in any case, or a bare action name.
fn resolve(input: &str) -> Result<Action, Failure> {
    // A bare name: the error of the IAM string explains a miss better ("unknown `ecr` action …").
    let iam_name = if input.contains(':') {
        input.to_owned()
    } else {
        format!("ecr:{input}")
    };
    iam_name.parse().map_err(|error| {
        let hint = if input.contains(['*', '?']) {
            format!(" (a pattern: `ecr-iam expand '{iam_name}'` lists the actions it matches)")
        } else {
            String::new()
        };
        Failure::usage(format!("{error}{hint}"))
    })
}

/// The description of `action`, for a reader.
fn human(action: Action) -> Vec<String> {
    let mut lines = vec![action.as_str().to_owned()];
    lines.extend(paragraph(action.description(), 2));
    lines.push(String::new());
    lines.push(format!("Name:          {}", action.name()));
    lines.push(format!("Access level:  {}", action.access_levels()));
    lines.push(String::new());

    if action.resource_types().is_empty() {
        lines.push(
            "Resource types: none (a statement allows the action with \"Resource\": \"*\")"
                .to_owned(),
        );
    } else {
        lines.push("Resource types:".to_owned());
        for used in action.resource_types() {
            resource_type(&mut lines, used);
        }
    }
    lines.push(String::new());

    keys(&mut lines, "Condition keys:", action.condition_keys(), 0);
    dependents(
        &mut lines,
        "Dependent actions:",
        action.dependent_actions(),
        0,
    );
    lines
}

/// One resource type as the action uses it.
fn resource_type(lines: &mut Vec<String>, used: &ResourceTypeUse) {
    let kind = used.resource_type();
    let required = if used.required() {
        "required"
    } else {
        "optional"
    };
    lines.push(format!("  {kind} ({required})"));
    if let Some(arn) = kind.arn_format() {
        lines.extend(paragraph(&format!("ARN: {arn}"), 4));
    }
    if !used.condition_keys().is_empty() {
        keys(lines, "Condition keys:", used.condition_keys(), 4);
    }
    if !kind.condition_keys().is_empty() {
        keys(
            lines,
            "Condition keys of the resource type:",
            kind.condition_keys(),
            4,
        );
    }
    if !used.dependent_actions().is_empty() {
        dependents(lines, "Dependent actions:", used.dependent_actions(), 4);
    }
}

/// A heading and condition keys below it, each with its value type and description, or `none`.
fn keys(lines: &mut Vec<String>, heading: &str, keys: &[ConditionKey], indent: usize) {
    let margin = " ".repeat(indent);
    if keys.is_empty() {
        lines.push(format!("{margin}{heading} none"));
        return;
    }
    lines.push(format!("{margin}{heading}"));
    for key in keys {
        let typed = match key.value_type() {
            Some(value_type) => format!("{key} ({value_type})"),
            None => key.to_string(),
        };
        lines.extend(paragraph(&typed, indent + 2));
        if let Some(description) = key.description() {
            lines.extend(paragraph(description, indent + 4));
        }
    }
}

/// A heading and dependent actions below it, one a line, or `none`.
fn dependents(lines: &mut Vec<String>, heading: &str, actions: &[&str], indent: usize) {
    let margin = " ".repeat(indent);
    if actions.is_empty() {
        lines.push(format!("{margin}{heading} none"));
        return;
    }
    lines.push(format!("{margin}{heading}"));
    for action in actions {
        lines.extend(paragraph(action, indent + 2));
    }
}
