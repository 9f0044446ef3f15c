//! The edges of the library's API a user touches first: the errors and the one-line forms that end
//! up in logs and terminals — [`Decision`]'s parse error, a lint [`Finding`]'s `Display`, and a short
//! `Debug` for [`BuildError`].

#![cfg(feature = "policy")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use ecr_actions::builder::{BuildError, PolicyBuilder, StatementBuilder};
use ecr_actions::eval::{Decision, ParseDecisionError};
use ecr_actions::lint::{Finding, LintCode, Severity, lint};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, RepositoryArn};

/// The three decisions of the IAM User Guide's "Policy evaluation logic" ("an explicit deny", "an
/// allow", "denied by default" — the implicit deny) read back in the spelling of the conformance
/// cases; anything else is refused with the input named and every accepted spelling listed.
#[test]
fn a_decision_parses_exactly_and_its_error_names_the_input() {
    assert_eq!("Allow".parse::<Decision>(), Ok(Decision::Allow));
    assert_eq!(
        "ExplicitDeny".parse::<Decision>(),
        Ok(Decision::ExplicitDeny)
    );
    assert_eq!(
        "ImplicitDeny".parse::<Decision>(),
        Ok(Decision::ImplicitDeny)
    );

    let error: ParseDecisionError = "Deny".parse::<Decision>().unwrap_err();
    assert_eq!(error.input(), "Deny");
    assert_eq!(
        error.to_string(),
        "`Deny` is not a decision: expected one of `Allow`, `ExplicitDeny`, `ImplicitDeny`"
    );

    let error = "implicitdeny".parse::<Decision>().unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("(did you mean `ImplicitDeny`? the case of the letters counts)"),
        "{error}"
    );

    // The error is a real error: it goes into `Box<dyn Error>` and `?`.
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(error);
    assert!(boxed.to_string().contains("`implicitdeny`"));
}

/// A megabyte of input is named by its first 60 characters, not echoed whole.
#[test]
fn a_decision_error_cuts_an_enormous_input() {
    let input = "x".repeat(1 << 20);
    let error = input.parse::<Decision>().unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("`{}…`", "x".repeat(60))),
        "{message}"
    );
    assert!(message.len() < 200, "{} bytes", message.len());
    assert_eq!(
        error.input().len(),
        1 << 20,
        "the input itself is kept whole"
    );
}

/// `ecr:BatchGetImag` is no ECR action (the Service Authorization Reference lists `BatchGetImage`):
/// the finding prints as one line, severity, code and location first, the message last.
#[test]
fn a_finding_displays_as_one_line_with_its_location() {
    let policy = PolicyDocument::from_json(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["ecr:BatchGetImage", "ecr:BatchGetImag"], "Resource": "*"}]}"#,
    )
    .unwrap();
    let findings: Vec<Finding> = lint(&policy);
    let unknown = findings
        .iter()
        .find(|f| f.code == LintCode::UnknownAction)
        .expect("the misspelt action is found");
    assert_eq!(unknown.severity, Severity::Error);
    assert_eq!(
        unknown.to_string(),
        format!(
            "error[unknown-action] at Statement[0].Action[1]: {}",
            unknown.message
        )
    );
    assert!(!unknown.to_string().contains('\n'));
}

/// A refused policy of 200 statements: `Debug` names the findings and the document's size, not its
/// content (which would be tens of kilobytes on one line), and `{:#?}` stays readable.
///
/// The finding is the IAM User Guide's rule for actions without resource types ("Actions, resources,
/// and condition keys": an action that supports no resource type needs `"Resource": "*"`), which
/// `ecr:GetAuthorizationToken` is.
#[test]
fn build_error_debug_is_short() {
    let mut builder = PolicyBuilder::new();
    for index in 0..200 {
        let repository = RepositoryArn::new(
            "aws",
            "us-east-1",
            "111122223333",
            &format!("team-{index:03}/a-rather-long-repository-name-for-service-{index:03}"),
        )
        .unwrap();
        builder = builder.statement(
            StatementBuilder::allow()
                .action(Action::BatchGetImage)
                .resource(repository),
        );
    }
    let repository = RepositoryArn::new("aws", "us-east-1", "111122223333", "app").unwrap();
    let error = builder
        .statement(
            StatementBuilder::allow()
                .action(Action::GetAuthorizationToken)
                .resource(repository),
        )
        .build()
        .unwrap_err();
    let BuildError::Lint { document, errors } = &error else {
        panic!("expected the linter's refusal, got {error}");
    };
    let whole = serde_json::to_string(document.as_ref()).unwrap();
    assert!(
        whole.len() > 20_000,
        "the document is large: {}",
        whole.len()
    );

    let debug = format!("{error:?}");
    assert!(debug.len() < 600, "{} bytes: {debug}", debug.len());
    assert!(debug.starts_with("Lint { errors: ["), "{debug}");
    assert!(
        debug.contains("error[resource-star-required] at Statement[200].Action"),
        "{debug}"
    );
    assert!(
        debug.contains("PolicyDocument { 201 statements, .. }"),
        "{debug}"
    );
    assert!(
        !debug.contains("team-000"),
        "the document's content is left out: {debug}"
    );
    assert_eq!(errors.len(), 1);

    let pretty = format!("{error:#?}");
    assert!(pretty.lines().count() <= 6, "{pretty}");
}
