//! The evaluator's public API: explanations, refusals, contexts and requests.

use ecr_actions::eval::{
    Context, ContextValueRef, Decision, Evaluator, Outcome, PolicyId, PolicySetError,
    PrincipalMatch, Reason, Request, Resource,
};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, RepositoryArn};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
const BOB: &str = "arn:aws:iam::444455556666:user/bob";

fn repository() -> Result<RepositoryArn> {
    Ok("arn:aws:ecr:us-east-1:111122223333:repository/app/web".parse()?)
}

fn policy(json: &str) -> Result<PolicyDocument> {
    Ok(PolicyDocument::from_json(json)?)
}

fn refusal(identity: &[&str], resource: Option<&str>) -> Result<PolicySetError> {
    let identity = identity
        .iter()
        .map(|j| policy(j))
        .collect::<Result<Vec<_>>>()?;
    let resource = resource.map(policy).transpose()?;
    match Evaluator::new(&identity, resource.as_ref()) {
        Ok(_) => Err("the evaluator accepted the policies".into()),
        Err(error) => Ok(error),
    }
}

#[test]
fn explains_which_statement_decided_and_why_others_did_not_match() -> Result {
    let identity = policy(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "Pull", "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"},
            {"Sid": "Push", "Effect": "Allow", "Action": "ecr:PutImage", "Resource": "*"},
            {"Sid": "Prod", "Effect": "Deny", "Action": "ecr:*",
             "Resource": "arn:aws:ecr:*:*:repository/prod/*"},
            {"Sid": "Office", "Effect": "Deny", "Action": "ecr:*", "Resource": "*",
             "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}"#,
    )?;
    let evaluator = Evaluator::new(&[identity], None)?;
    let repository = repository()?;
    let context = Context::new().with("aws:SourceIp", "203.0.113.9");
    let request = Request::new(
        ALICE,
        Action::BatchGetImage,
        Resource::Repository(&repository),
        &context,
    );
    let evaluation = evaluator.evaluate_explained(&request);
    assert_eq!(evaluation.decision, Decision::Allow);
    assert_eq!(evaluation.explanation.reason, Reason::IdentityAllows);
    assert!(!evaluation.explanation.cross_account);
    assert_eq!(evaluation.explanation.decisive.len(), 1);
    assert_eq!(
        evaluation.explanation.decisive[0].sid.as_deref(),
        Some("Pull")
    );
    assert_eq!(
        evaluation.explanation.decisive[0].policy,
        PolicyId::Identity(0)
    );
    let outcomes: Vec<&Outcome> = evaluation
        .explanation
        .statements
        .iter()
        .map(|t| &t.outcome)
        .collect();
    assert_eq!(
        outcomes,
        [
            &Outcome::Matched {
                principal: PrincipalMatch::Direct
            },
            &Outcome::ActionNotMatched,
            &Outcome::ResourceNotMatched,
            &Outcome::ConditionNotMet {
                operator: "NotIpAddress".into(),
                key: "aws:SourceIp".into()
            },
        ]
    );
    let text = evaluation.to_string();
    assert!(
        text.starts_with("Allow: an identity policy allows\n"),
        "{text}"
    );
    assert!(
        text.contains("decided by identity policy 0, statement 0 (`Pull`)"),
        "{text}"
    );
    assert!(
        text.contains("identity policy 0, statement 3 (`Office`) (Deny): the condition `NotIpAddress` on `aws:SourceIp` does not hold"),
        "{text}"
    );

    let home = Context::new().with("aws:SourceIp", "198.51.100.1");
    let request = Request::new(
        ALICE,
        Action::BatchGetImage,
        Resource::Repository(&repository),
        &home,
    );
    let evaluation = evaluator.evaluate_explained(&request);
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert_eq!(evaluation.explanation.reason, Reason::ExplicitDeny);
    assert_eq!(
        evaluation.explanation.decisive[0].sid.as_deref(),
        Some("Office")
    );
    assert_eq!(evaluator.evaluate(&request), Decision::ExplicitDeny);
    Ok(())
}

#[test]
fn explains_the_account_rules() -> Result {
    let repository = repository()?;
    let context = Context::new();
    let delegating = policy(
        r#"{"Version": "2012-10-17", "Statement": {"Sid": "Account", "Effect": "Allow",
            "Principal": {"AWS": "111122223333"}, "Action": "ecr:*"}}"#,
    )?;
    let evaluator = Evaluator::new(&[], Some(&delegating))?;
    let request = Request::new(
        ALICE,
        Action::BatchGetImage,
        Resource::Repository(&repository),
        &context,
    );
    let evaluation = evaluator.evaluate_explained(&request);
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert_eq!(
        evaluation.explanation.reason,
        Reason::RepositoryPolicyOnlyDelegates
    );
    assert!(evaluation.explanation.decisive.is_empty());
    assert_eq!(
        evaluation.explanation.statements[0].outcome,
        Outcome::Matched {
            principal: PrincipalMatch::Account
        }
    );

    let partner = policy(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"}}"#,
    )?;
    let allow_all = policy(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#,
    )?;
    let request = Request::new(
        BOB,
        Action::BatchGetImage,
        Resource::Repository(&repository),
        &context,
    );
    assert!(request.is_cross_account());
    let only_resource = Evaluator::new(&[], Some(&partner))?.evaluate_explained(&request);
    assert_eq!(
        only_resource.explanation.reason,
        Reason::IdentityDoesNotAllow
    );
    let only_identity =
        Evaluator::new(std::slice::from_ref(&allow_all), None)?.evaluate_explained(&request);
    assert_eq!(
        only_identity.explanation.reason,
        Reason::RepositoryPolicyDoesNotAllow
    );
    let both = Evaluator::new(&[allow_all], Some(&partner))?.evaluate_explained(&request);
    assert_eq!(both.decision, Decision::Allow);
    assert_eq!(both.explanation.reason, Reason::BothAllow);
    assert_eq!(both.explanation.decisive.len(), 2);
    assert_eq!(both.explanation.decisive[1].policy, PolicyId::Resource);
    Ok(())
}

#[test]
fn refuses_what_aws_refuses() -> Result {
    let error = refusal(
        &[
            r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*"}}"#,
        ],
        None,
    )?;
    assert!(
        matches!(
            error,
            PolicySetError::PrincipalInIdentityPolicy {
                element: "Principal",
                ..
            }
        ),
        "{error}"
    );

    let error = refusal(
        &[
            r#"{"Version": "2012-10-17", "Statement": {"Sid": "S", "Effect": "Allow", "Action": "ecr:*"}}"#,
        ],
        None,
    )?;
    assert_eq!(
        error.to_string(),
        "identity policy 0, statement 0 (`S`): missing `Resource`: a statement of this policy names its \
         resources in `Resource` or `NotResource`, e.g. `\"Resource\": \"*\"`"
    );

    let error = refusal(
        &[],
        Some(
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:*"}, {"Effect": "Deny", "Action": "ecr:*"}]}"#,
        ),
    )?;
    assert!(
        matches!(error, PolicySetError::MissingPrincipal { ref at } if at.index == 1 && at.policy == PolicyId::Resource),
        "{error}"
    );

    let error = refusal(
        &[
            r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr Get", "Resource": "*"}}"#,
        ],
        None,
    )?;
    assert!(
        matches!(error, PolicySetError::InvalidAction { ref text, .. } if text == "ecr Get"),
        "{error}"
    );

    let error = refusal(
        &[
            r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "repository/app"}}"#,
        ],
        None,
    )?;
    assert!(
        matches!(error, PolicySetError::InvalidResource { .. }),
        "{error}"
    );

    let error = refusal(
        &[],
        Some(
            r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/*"}, "Action": "ecr:*"}}"#,
        ),
    )?;
    assert!(
        matches!(error, PolicySetError::InvalidPrincipal { .. }),
        "{error}"
    );

    for (operator, value) in [
        ("NumericLessThan", "\"ten\""),
        ("DateGreaterThan", "\"next tuesday\""),
        ("Bool", "\"yes\""),
        ("IpAddress", "\"203.0.113.300/24\""),
        ("Null", "\"maybe\""),
    ] {
        let json = format!(
            r#"{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "ecr:*", "Resource": "*",
                "Condition": {{"{operator}": {{"aws:SomeKey": {value}}}}}}}}}"#
        );
        let error = refusal(&[&json], None)?;
        assert!(
            matches!(error, PolicySetError::InvalidConditionValue { .. }),
            "{operator}: {error}"
        );
    }

    let error = refusal(
        &[
            r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": {"NullIfExists": {"aws:TagKeys": "true"}}}}"#,
        ],
        None,
    )?;
    assert!(
        matches!(error, PolicySetError::InvalidOperator { .. }),
        "{error}"
    );

    let error = refusal(
        &[
            r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": "${aws:x, unquoted}"}}}}"#,
        ],
        None,
    )?;
    assert!(
        matches!(error, PolicySetError::InvalidVariable { .. }),
        "{error}"
    );

    // Under 2008-10-17 the same text is literal, so nothing is malformed.
    let literal = policy(
        r#"{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": "${aws:x, unquoted}"}}}}"#,
    )?;
    assert!(Evaluator::new(&[literal], None).is_ok());
    Ok(())
}

#[test]
fn variables_in_typed_operators_are_read_at_evaluation() -> Result {
    let identity = policy(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "*",
            "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "${aws:PrincipalTag/max-age, '3600'}"},
                          "IpAddress": {"aws:SourceIp": "${aws:PrincipalTag/network}"}}}}"#,
    )?;
    let evaluator = Evaluator::new(&[identity], None)?;
    let repository = repository()?;
    let decide = |context: &Context| {
        evaluator.evaluate(&Request::new(
            ALICE,
            Action::PutImage,
            Resource::Repository(&repository),
            context,
        ))
    };
    let base = Context::new()
        .with("aws:MultiFactorAuthAge", "600")
        .with("aws:SourceIp", "203.0.113.7")
        .with("aws:PrincipalTag/network", "203.0.113.0/24");
    assert_eq!(decide(&base), Decision::Allow);
    assert_eq!(
        decide(&base.clone().with("aws:PrincipalTag/max-age", "300")),
        Decision::ImplicitDeny
    );
    assert_eq!(
        decide(
            &base
                .clone()
                .with("aws:PrincipalTag/network", "not a network")
        ),
        Decision::ImplicitDeny
    );
    assert_eq!(
        decide(
            &Context::new()
                .with("aws:MultiFactorAuthAge", "1")
                .with("aws:SourceIp", "203.0.113.7")
        ),
        Decision::ImplicitDeny
    );
    Ok(())
}

#[test]
fn patterns_with_variables_are_cached_per_value() -> Result {
    let identity = policy(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*",
            "Resource": "arn:aws:ecr:*:111122223333:repository/${aws:username}/*"}}"#,
    )?;
    let evaluator = Evaluator::new(&[identity], None)?;
    let mine: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/alice/tool".parse()?;
    for name in ["alice", "bob", "alice", "carol", "bob"] {
        let context = Context::new().with("aws:username", name);
        let decision = evaluator.evaluate(&Request::new(
            ALICE,
            Action::PutImage,
            Resource::Repository(&mine),
            &context,
        ));
        assert_eq!(decision.is_allowed(), name == "alice");
    }
    assert_eq!(evaluator.cached_patterns(), 3);
    Ok(())
}

#[test]
fn contexts_ignore_key_case_and_keep_one_value_per_key() {
    let mut context = Context::new().with("aws:SourceIp", "203.0.113.1");
    assert_eq!(
        context.insert("AWS:SOURCEIP", "203.0.113.2"),
        Some(ecr_actions::eval::ContextValue::Single(
            "203.0.113.1".into()
        ))
    );
    assert_eq!(context.len(), 1);
    assert_eq!(
        context.get("aws:sourceip"),
        Some(ContextValueRef::Single("203.0.113.2"))
    );
    let context: Context = [
        ("aws:TagKeys", vec!["a".to_owned()]),
        ("aws:CalledVia", vec![]),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        context.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        ["aws:CalledVia", "aws:TagKeys"]
    );
    assert!(
        matches!(context.get("aws:calledvia"), Some(ContextValueRef::Multi(v)) if v.is_empty())
    );
}

#[test]
fn decisions_read_and_print_as_the_cases_write_them() {
    for decision in [
        Decision::Allow,
        Decision::ExplicitDeny,
        Decision::ImplicitDeny,
    ] {
        assert_eq!(decision.to_string().parse::<Decision>(), Ok(decision));
    }
    assert!("Deny".parse::<Decision>().is_err());
}

#[test]
fn requests_know_their_accounts() -> Result {
    let repository = repository()?;
    let context = Context::new();
    let token = Request::new(BOB, Action::GetAuthorizationToken, Resource::Any, &context);
    assert_eq!(token.resource_account(), "444455556666");
    assert!(!token.is_cross_account());
    assert_eq!(token.resource().as_str(), "*");
    let pull = Request::new(
        BOB,
        Action::BatchGetImage,
        Resource::from(&repository),
        &context,
    );
    assert!(pull.is_cross_account());
    assert_eq!(pull.principal(), BOB);
    Ok(())
}

#[test]
fn evaluators_are_shared_between_threads() -> Result {
    fn shareable<T: Send + Sync>(_: &T) {}
    let evaluator = Evaluator::new(&[], None)?;
    shareable(&evaluator);
    assert_eq!(evaluator.statement_count(), 0);
    Ok(())
}
