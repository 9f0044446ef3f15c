//! The suggestions users see come from one routine (`ecr_actions_pattern::suggest`): the parse errors,
//! the linter and the compile-time checks (the UI tests) agree on case and distance.
//!
//! IAM User Guide, *IAM JSON policy elements: Action*: "The prefix and the action name are case
//! insensitive." A suggestion for a mistyped action therefore ignores ASCII case.

#![allow(clippy::unwrap_used, reason = "a test fails by panicking")]

use ecr_actions::lint::{LintCode, lint};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, ResourceType};

fn lint_action(action: &str) -> String {
    let json = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"{action}","Resource":"*"}}]}}"#
    );
    let findings = lint(&PolicyDocument::from_json(&json).unwrap());
    let finding = findings
        .iter()
        .find(|f| {
            matches!(
                f.code,
                LintCode::PatternMatchesNothing | LintCode::UnknownAction
            )
        })
        .unwrap();
    finding.message.clone()
}

#[test]
fn parse_errors_ignore_case() {
    let error = "ECR:BATCHGETIMAGES".parse::<Action>().unwrap_err();
    assert_eq!(error.suggestion(), Some("ecr:BatchGetImage"));
    let error = "Repositry".parse::<ResourceType>().unwrap_err();
    assert_eq!(error.suggestion(), Some("repository"));
    // Nothing near: no suggestion rather than a far-fetched one.
    assert_eq!(
        "ecr:LaunchRocket"
            .parse::<Action>()
            .unwrap_err()
            .suggestion(),
        None
    );
}

/// A wildcard pattern's literal text is compared with the best-matching stretch of each name, as
/// `actions!` does at compile time: `ecr:GetLifecyclePolicyPreveiw*` is one swap from `ecr:GetLifecyclePolicyPreview`.
#[test]
fn the_linter_suggests_for_a_pattern_that_matches_nothing() {
    let message = lint_action("ecr:GetLifecyclePolicyPreveiw*");
    assert!(
        message.contains("(the nearest action is `ecr:GetLifecyclePolicyPreview`)"),
        "{message}"
    );
    let message = lint_action("ecr:ZZZZZZZZZ*");
    assert!(!message.contains("nearest"), "{message}");
    let message = lint_action("ecr:batchgetimages");
    assert!(
        message.contains("did you mean `ecr:BatchGetImage`?"),
        "{message}"
    );
}
