//! `Resource` and `NotResource` through the evaluator, the linter and the builder: short patterns, the
//! service segment, and statements whose resource entry cannot be read.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions::builder::{PolicyBuilder, StatementBuilder};
use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
use ecr_actions::lint::{LintCode, lint};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, ArnPattern, RepositoryArn};

const ALICE: &str = "arn:aws:iam::111122223333:user/alice";

fn document(statements: &str) -> PolicyDocument {
    PolicyDocument::from_json(&format!(
        r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#
    ))
    .unwrap()
}

fn decide(statements: &str, repository: &str, context: &Context) -> Decision {
    let evaluator = Evaluator::new(&[document(statements)], None).unwrap();
    let repository: RepositoryArn = repository.parse().unwrap();
    let request = Request::new(
        ALICE,
        Action::BatchGetImage,
        Resource::Repository(&repository),
        context,
    );
    evaluator.evaluate(&request)
}

fn codes(statements: &str) -> Vec<LintCode> {
    lint(&document(statements))
        .into_iter()
        .map(|f| f.code)
        .collect()
}

const EAST: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app/web";
const WEST: &str = "arn:aws:ecr:us-west-2:111122223333:repository/app/web";

/// IAM User Guide, "IAM JSON policy elements: Resource": "If the `*` wildcard is the last character of
/// a resource ARN segment, it can expand to match beyond the colon boundaries." So
/// `arn:aws:ecr:us-east-1:*` is a valid `Resource` and covers every repository of `us-east-1`.
#[test]
fn a_short_pattern_allows_its_region_only() {
    let allow = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:*"}"#;
    let context = Context::new();
    assert_eq!(decide(allow, EAST, &context), Decision::Allow);
    assert_eq!(decide(allow, WEST, &context), Decision::ImplicitDeny);
    // The linter reads it as the evaluator does: no malformed-arn, no resource-mismatch.
    assert_eq!(codes(allow), []);
}

/// The same rule under `NotResource` ("IAM JSON policy elements: NotResource": the statement applies
/// to every resource except the ones listed).
#[test]
fn a_short_not_resource_pattern_denies_everything_else() {
    let statements = r#"{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "ecr:*", "NotResource": "arn:aws:ecr:us-east-1:*"}"#;
    let context = Context::new();
    assert_eq!(decide(statements, EAST, &context), Decision::Allow);
    assert_eq!(decide(statements, WEST, &context), Decision::ExplicitDeny);
}

/// A short pattern whose last part does not end with `*` matches no ARN: refused by the policy
/// reader's entry, reported by the linter, refused by the evaluator, one rule in `ArnPattern`.
#[test]
fn a_short_pattern_without_a_final_star_is_refused_everywhere() {
    let statement = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1"}"#;
    assert!(Evaluator::new(&[document(statement)], None).is_err());
    assert_eq!(codes(statement), [LintCode::MalformedArn]);
    assert!(ArnPattern::new("arn:aws:ecr:us-east-1").is_err());
    // The builder takes parsed patterns: a short one with its star builds.
    let built = PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .action(Action::BatchGetImage)
                .resource(ArnPattern::new("arn:aws:ecr:us-east-1:*").unwrap()),
        )
        .build();
    assert!(built.is_ok(), "{built:?}");
}

/// IAM User Guide, "IAM JSON policy elements: Resource": "You can't use a wildcard in the service
/// segment that identifies the AWS product." The linter reports it as `malformed-arn`.
#[test]
fn a_wildcard_in_the_service_segment_is_a_lint_error() {
    for resource in [
        "arn:aws:e?r:*:*:repository/*",
        "arn:aws:*",
        "arn:*",
        "arn:*:*:*:*:*",
    ] {
        let statement = format!(
            r#"{{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "{resource}"}}"#
        );
        assert!(
            codes(&statement).contains(&LintCode::MalformedArn),
            "{resource}: {:?}",
            codes(&statement)
        );
    }
    let fine = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:*:ecr:*"}"#;
    assert_eq!(codes(fine), []);
}

/// A slash typed for a colon (`…:111122223333/repository/*`) is a valid pattern of five parts ending
/// with `*`, but no repository ARN has a `/` in its account: the linter says the entry never applies.
#[test]
fn a_short_pattern_that_no_repository_can_match_is_reported() {
    let statement = r#"{"Effect": "Deny", "Action": "ecr:BatchGetImage",
        "Resource": "arn:aws:ecr:us-east-1:111122223333/repository/*"}"#;
    assert_eq!(codes(statement), [LintCode::ResourceMismatch]);
    assert_eq!(
        decide(statement, EAST, &Context::new()),
        Decision::ImplicitDeny
    );
}

/// IAM User Guide, "IAM policy elements: Variables and tags": "If AWS cannot resolve a variable this
/// might cause the entire statement to be invalid." Under `NotResource` an entry without a value names
/// nothing, which would make the statement apply: the evaluator fails closed instead, so an `Allow`
/// does not apply and a `Deny` does.
#[test]
fn not_resource_with_an_unresolved_variable_fails_closed() {
    let pattern = "arn:aws:ecr:*:*:repository/${aws:PrincipalTag/team}/*";
    let allow = format!(
        r#"{{"Effect": "Allow", "Action": "ecr:BatchGetImage", "NotResource": "{pattern}"}}"#
    );
    let deny = format!(
        r#"{{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}},
           {{"Effect": "Deny", "Action": "ecr:*", "NotResource": "{pattern}"}}"#
    );
    let none = Context::new();
    assert_eq!(decide(&allow, EAST, &none), Decision::ImplicitDeny);
    assert_eq!(decide(&deny, EAST, &none), Decision::ExplicitDeny);
    // With a value, the entry is read as usual.
    let app = Context::new().with("aws:PrincipalTag/team", "app");
    let web = Context::new().with("aws:PrincipalTag/team", "web");
    assert_eq!(decide(&allow, EAST, &app), Decision::ImplicitDeny);
    assert_eq!(decide(&allow, EAST, &web), Decision::Allow);
    assert_eq!(decide(&deny, EAST, &app), Decision::Allow);
    assert_eq!(decide(&deny, EAST, &web), Decision::ExplicitDeny);
}
