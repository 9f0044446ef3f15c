//! A tour of the typed ECR actions: metadata, parsing an IAM action string, and the error for a
//! misspelled one.
//!
//! Run it with `cargo run -p ecr-actions --example tour`.

use ecr_actions::{AccessLevel, Action, LAST_UPDATED, ParseActionError};

fn main() {
    println!(
        "{} ECR actions, from the AWS table last updated {}\n",
        Action::COUNT,
        LAST_UPDATED.unwrap_or("(no date)")
    );

    let action = Action::BatchGetImage;
    println!("{action}");
    println!("  description:   {}", action.description());
    println!("  access level:  {}", action.access_levels());
    for used in action.resource_types() {
        let required = if used.required() {
            "required"
        } else {
            "optional"
        };
        let arn = used.resource_type().arn_format().unwrap_or("-");
        println!(
            "  resource type: {} ({required}), ARN {arn}",
            used.resource_type()
        );
    }

    let tagging = Action::TagResource;
    let keys: Vec<&str> = tagging
        .resource_types()
        .iter()
        .flat_map(|r| r.condition_keys())
        .chain(tagging.condition_keys())
        .map(|k| k.as_str())
        .collect();
    println!("\n{tagging}: condition keys {}", keys.join(", "));

    let write_actions: Vec<&str> = Action::ALL
        .iter()
        .filter(|a| a.access_levels().contains(AccessLevel::Write))
        .map(|a| a.name())
        .collect();
    println!(
        "\n{} Write actions, e.g. {}",
        write_actions.len(),
        write_actions
            .iter()
            .take(4)
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    );

    let input = "ECR:batchgetimage";
    match input.parse::<Action>() {
        Ok(parsed) => println!("\nparsed {input:?} as Action::{parsed:?} ({parsed})"),
        Err(error) => println!("\n{input:?} did not parse: {error}"),
    }

    for typo in [
        "ecr:BatchGetImages",
        "BatchGetImage",
        "ecs:BatchGetImage",
        "s3:GetObject",
    ] {
        let Err(error) = typo.parse::<Action>() else {
            continue;
        };
        let error: ParseActionError = error;
        println!("{typo:?}: error: {error}");
    }
}
