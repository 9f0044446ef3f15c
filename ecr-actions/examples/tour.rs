//! The tour a newcomer takes: typed ECR actions and their metadata, action sets and patterns, a
//! policy written with the builder, the linter on a policy someone wrote by hand, and an evaluation
//! that explains its decision. Each step prints what it shows.
//!
//! Run it with `cargo run -p ecr-actions --features policy --example tour` (well under a second;
//! the test `ecr-actions/tests/tour.rs` runs it too).

use std::error::Error;
use std::io::{self, Write};

use ecr_actions::builder::key;
use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
use ecr_actions::lint::lint;
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{
    AccessLevel, Action, ActionPattern, ActionSet, Condition, LAST_UPDATED, PolicyBuilder,
    RepositoryArn, StatementBuilder, actions,
};

/// The actions a CI job needs to pull an image, checked when this file compiles: a misspelt name
/// or a pattern that matches nothing is a build error.
const PULL: ActionSet = actions!(
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchCheckLayerAvailability"
);

fn main() -> Result<(), Box<dyn Error>> {
    let stdout = io::stdout();
    tour(&mut stdout.lock())
}

/// Writes the tour to `out`.
///
/// # Errors
///
/// A failed write, or a step of the tour that fails (which would be a bug of the crate).
pub fn tour(out: &mut dyn Write) -> Result<(), Box<dyn Error>> {
    heading(
        out,
        "1. Actions: one enum variant per IAM action, with the AWS table's metadata",
    )?;
    writeln!(
        out,
        "{} ECR actions, from the AWS table last updated {}.",
        Action::COUNT,
        LAST_UPDATED.unwrap_or("(no date)")
    )?;
    let action = Action::BatchGetImage;
    writeln!(out, "{action}: {}", action.description())?;
    writeln!(out, "  access level:  {}", action.access_levels())?;
    for used in action.resource_types() {
        let required = if used.required() {
            "required"
        } else {
            "optional"
        };
        writeln!(
            out,
            "  resource type: {} ({required})",
            used.resource_type()
        )?;
    }
    // IAM reads action names in any case; a typo is an error that suggests the nearest name.
    let parsed: Action = "ECR:batchgetimage".parse()?;
    writeln!(out, "\"ECR:batchgetimage\" parses as Action::{parsed:?}")?;
    if let Err(error) = "ecr:BatchGetImages".parse::<Action>() {
        writeln!(out, "\"ecr:BatchGetImages\": {error}")?;
    }

    heading(out, "2. Sets and patterns: a Copy bitset over the actions")?;
    writeln!(out, "PULL = actions!(…) holds {} actions:", PULL.len())?;
    for action in PULL {
        writeln!(out, "  {action}")?;
    }
    let read = ActionSet::with_access_level(AccessLevel::Read);
    writeln!(out, "{} actions have the access level Read.", read.len())?;
    let describe: ActionPattern = "ecr:Describe*".parse()?;
    let described = ActionSet::matching(&describe);
    writeln!(out, "`{describe}` matches {} actions.", described.len())?;
    writeln!(
        out,
        "PULL and `{describe}`, compacted back to IAM strings: {}",
        (PULL | described).to_patterns().join(", ")
    )?;

    heading(
        out,
        "3. The builder: a policy written in Rust, linted when built",
    )?;
    let repository = RepositoryArn::new("aws", "us-east-1", "111122223333", "web/api")?;
    let policy = PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .sid("Pull")
                .action(PULL)
                .resource(repository.clone())
                .condition(Condition::bool(key::SECURE_TRANSPORT, true)),
        )
        .statement(
            StatementBuilder::allow()
                .sid("Login")
                .action(Action::GetAuthorizationToken)
                .any_resource(),
        )
        .build()?;
    writeln!(out, "{}", policy.to_json_pretty())?;

    heading(
        out,
        "4. The linter: findings in a policy someone wrote by hand",
    )?;
    let written = PolicyDocument::from_json(
        r#"{"Statement": [
            {"Effect": "Allow", "Action": "ecr:BatchGetImag", "Resource": "*"},
            {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken",
             "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/web/api"}]}"#,
    )?;
    for finding in lint(&written) {
        writeln!(out, "{finding}")?;
    }

    heading(
        out,
        "5. An evaluation: requests decided as IAM decides them",
    )?;
    let evaluator = Evaluator::new(&[policy], None)?;
    let principal = "arn:aws:iam::111122223333:user/alice";
    let tls = Context::new().with("aws:SecureTransport", "true");
    let plain = Context::new().with("aws:SecureTransport", "false");
    let on_repository = Resource::Repository(&repository);
    for (action, context, over) in [
        (Action::BatchGetImage, &tls, "TLS"),
        (Action::BatchGetImage, &plain, "plain HTTP"),
        (Action::PutImage, &tls, "TLS"),
    ] {
        let request = Request::new(principal, action, on_repository, context);
        let decision: Decision = evaluator.evaluate(&request);
        let name = repository.name();
        writeln!(out, "{action} on repository {name} over {over}: {decision}")?;
    }
    // The explanation says which statement decided, and why each other one did not match.
    let request = Request::new(principal, Action::BatchGetImage, on_repository, &plain);
    write!(
        out,
        "Why, for plain HTTP:\n{}",
        evaluator.evaluate_explained(&request)
    )?;
    Ok(())
}

/// A step's title, after a blank line.
fn heading(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out, "\n{title}\n{}", "-".repeat(title.chars().count()))
}
