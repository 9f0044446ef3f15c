//! The written form of `actions!` sets in the builder. IAM User Guide, "IAM JSON policy elements:
//! Action": "You can use wildcards (`*` or `?`) as part of the action name"; "For example, the following
//! `Action` element applies to all S3 actions: `"Action": "s3:*"`". A wildcard entry is evaluated against
//! the service's actions when a request is made, so an entry `ecr:Describe*` covers a `Describe` action
//! AWS adds later; a list of today's names does not.

use ecr_actions::builder::{BuildError, PolicyBuilder, StatementBuilder};
use ecr_actions::lint::LintCode;
use ecr_actions::{Action, ActionSet, RepositoryArn, actions};
use serde_json::json;

use super::one;

/// The names of the current ECR actions whose name starts with `prefix`, in table order: what
/// `ecr:<prefix>*` matches today (IAM User Guide, "IAM JSON policy elements: Action": wildcards match
/// part of an action name; "Action names are case-insensitive" does not matter for these names).
fn names_starting_with(prefix: &str) -> Vec<&'static str> {
    Action::CURRENT
        .iter()
        .filter(|a| a.name().starts_with(prefix))
        .map(|a| a.as_str())
        .collect()
}

/// `actions!` keeps what its author wrote: one pattern is written as that string, several in the order
/// given (IAM User Guide, "IAM JSON policy elements: Action": a wildcard entry such as `s3:*` stands in
/// the policy as written).
#[test]
fn an_actions_set_is_written_as_its_author_wrote_it() {
    let describe = one(StatementBuilder::allow()
        .action(actions!("ecr:Describe*"))
        .any_resource());
    assert_eq!(describe["Action"], json!("ecr:Describe*"));

    let mixed = one(StatementBuilder::allow()
        .action(actions!("ecr:Describe*", "ecr:BatchGetImage", "ECR:list*"))
        .any_resource());
    assert_eq!(
        mixed["Action"],
        json!(["ecr:Describe*", "ecr:BatchGetImage", "ECR:list*"])
    );

    // `NotAction` too.
    let not = one(StatementBuilder::deny()
        .not_action(actions!("ecr:Get*"))
        .any_resource());
    assert_eq!(not["NotAction"], json!("ecr:Get*"));

    // A `const` keeps it: a copy is the same value.
    const DESCRIBE: ActionSet = actions!("ecr:Describe*");
    assert_eq!(DESCRIBE.as_written(), Some(&["ecr:Describe*"][..]));
}

/// Set algebra makes a set that no author wrote: it is written as the names it holds, in table order,
/// exactly the actions it holds today (what `Action` entries naming each action grant, IAM User Guide,
/// "IAM JSON policy elements: Action").
#[test]
fn a_set_made_by_set_algebra_is_written_as_names() {
    let get_or_put = actions!("ecr:Get*") | actions!("ecr:Put*");
    assert_eq!(get_or_put.as_written(), None);
    let mut expected = names_starting_with("Get");
    expected.extend(names_starting_with("Put"));
    let in_table_order: Vec<&str> = Action::CURRENT
        .iter()
        .map(|a| a.as_str())
        .filter(|a| expected.contains(a))
        .collect();
    let written = one(StatementBuilder::allow().action(get_or_put).any_resource());
    assert_eq!(written["Action"], json!(in_table_order));

    // Even an operation that leaves the members as they were: the rule does not depend on the data.
    let same = actions!("ecr:Describe*") | ActionSet::EMPTY;
    assert_eq!(same, actions!("ecr:Describe*"));
    assert_eq!(same.as_written(), None);
    assert_eq!(
        actions!("ecr:Describe*")
            .with(Action::DescribeImages)
            .as_written(),
        None
    );
}

/// `expanded()` asks for the names on purpose: today's `Describe` actions, one entry each.
#[test]
fn expanded_writes_the_actions_a_pattern_matches_today() {
    let expanded = one(StatementBuilder::allow()
        .action(actions!("ecr:Describe*").expanded())
        .any_resource());
    let names = names_starting_with("Describe");
    assert!(names.len() > 1, "{names:?}");
    assert_eq!(expanded["Action"], json!(names));
}

/// The written form is not part of the value: equal members, equal sets, equal hashes; `Debug` shows the
/// members, then what was written.
#[test]
fn the_written_form_is_not_part_of_the_value() {
    use std::hash::BuildHasher;
    let written = actions!("ecr:Describe*");
    let expanded = written.expanded();
    assert_eq!(written, expanded);
    let hasher = std::collections::hash_map::RandomState::new();
    assert_eq!(hasher.hash_one(written), hasher.hash_one(expanded));
    assert_eq!(
        format!("{:?}", actions!("ecr:PutImage", "ecr:BatchGetImage")),
        r#"{BatchGetImage, PutImage} written as ["ecr:PutImage", "ecr:BatchGetImage"]"#
    );
    assert_eq!(
        format!("{:?}", actions!("ecr:PutImage").expanded()),
        "{PutImage}"
    );
    // Serde writes the members, not the patterns.
    assert_eq!(
        serde_json::to_value(actions!("ecr:PutImage", "ecr:BatchGetImage")).unwrap(),
        json!(["ecr:BatchGetImage", "ecr:PutImage"])
    );
}

/// The linter judges the entries as written. `ecr:GetAuthorization*` matches only
/// `ecr:GetAuthorizationToken`, which has no resource type, so given only a repository ARN the entry never
/// applies and the statement is refused in both forms (Service Authorization Reference for Amazon ECR:
/// `GetAuthorizationToken` lists no resource type, so IAM allows it only with `"Resource": "*"`). The
/// forms differ where they should: `ecr:Get*` on a repository ARN is one entry that applies to the
/// `Get` actions on repositories (IAM User Guide, "IAM JSON policy elements: Action": a wildcard entry
/// matches several actions), while its expansion has an entry, `ecr:GetAuthorizationToken`, that never
/// applies.
#[test]
fn the_linter_checks_the_written_form() {
    let repository = RepositoryArn::new("aws", "us-east-1", "111122223333", "app").unwrap();
    let build = |set: ActionSet| {
        PolicyBuilder::new()
            .statement(StatementBuilder::allow().action(set).resource(&repository))
            .build()
    };
    let refused_for_star = |set: ActionSet| matches!(build(set), Err(BuildError::Lint { errors, .. }) if errors.iter().any(|f| f.code == LintCode::ResourceStarRequired));
    let token = actions!("ecr:GetAuthorization*");
    assert_eq!(
        token.iter().collect::<Vec<_>>(),
        [Action::GetAuthorizationToken]
    );
    assert!(refused_for_star(token));
    assert!(refused_for_star(token.expanded()));

    let get = actions!("ecr:Get*");
    assert!(build(get).is_ok());
    assert!(refused_for_star(get.expanded()));

    // `ecr:*` on `*`, written as `ecr:*`, is the security warning it is when typed by hand.
    let (document, findings) = PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .action(actions!("ecr:*"))
                .any_resource(),
        )
        .build_with_findings()
        .unwrap();
    assert_eq!(document.statements[0].action.items[0].as_str(), "ecr:*");
    assert!(
        findings
            .iter()
            .any(|f| f.code == LintCode::AllowAllEcrOnAllResources),
        "{findings:?}"
    );
}

/// Both forms decide every ECR action alike through the evaluator, and as the IAM rules say: an `Allow`
/// whose `Action` matches the request allows it, and a request no statement allows is implicitly denied
/// (IAM User Guide, "Policy evaluation logic": "By default, all requests are implicitly denied"; an
/// explicit allow overrides this default).
#[test]
fn both_forms_decide_alike_in_the_evaluator() {
    use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
    const WRITTEN: ActionSet = actions!("ecr:Describe*", "ecr:Batch*", "ecr:PutImage");
    let evaluator = |set: ActionSet| {
        let policy = PolicyBuilder::new()
            .statement(StatementBuilder::allow().action(set).any_resource())
            .build()
            .unwrap();
        Evaluator::new(&[policy], None).unwrap()
    };
    let (written, expanded) = (evaluator(WRITTEN), evaluator(WRITTEN.expanded()));
    let repository = RepositoryArn::new("aws", "us-east-1", "111122223333", "app").unwrap();
    let context = Context::new();
    let principal = "arn:aws:iam::111122223333:user/alice";
    let (mut allowed, mut denied) = (0, 0);
    for &action in Action::CURRENT {
        let request = Request::new(
            &principal,
            action,
            Resource::Repository(&repository),
            &context,
        );
        let decision = written.evaluate(&request);
        assert_eq!(decision, expanded.evaluate(&request), "{action}");
        let name = action.name();
        let expected =
            if name.starts_with("Describe") || name.starts_with("Batch") || name == "PutImage" {
                Decision::Allow
            } else {
                Decision::ImplicitDeny
            };
        assert_eq!(decision, expected, "{action}");
        match decision {
            Decision::Allow => allowed += 1,
            _ => denied += 1,
        }
    }
    // Both outcomes are reached, so the comparison is not vacuous.
    assert!(
        allowed > 5 && denied > 5,
        "{allowed} allowed, {denied} denied"
    );
}

/// The written form costs one word: a thin pointer beside the bits (ECR's actions fit in one word of
/// bits), and the set stays `Copy` and usable in `const`.
#[test]
fn the_written_form_costs_one_word() {
    const fn copy(set: ActionSet) -> (ActionSet, ActionSet) {
        (set, set)
    }
    const TWICE: (ActionSet, ActionSet) = copy(actions!("ecr:Get*"));
    assert_eq!(TWICE.0.as_written(), TWICE.1.as_written());
    assert_eq!(
        size_of::<ActionSet>(),
        Action::COUNT.div_ceil(64) * size_of::<u64>() + size_of::<usize>()
    );
}
