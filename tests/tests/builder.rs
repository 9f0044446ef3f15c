//! The typed policy builder through the public API: the three documented policies produce exactly the
//! expected JSON and round-trip through `PolicyDocument::from_json`; the JSON forms (string or array,
//! principals by kind, conditions by operator); every `BuildError`; the linter's refusal; the typed keys
//! against the generated table and the linter's vocabulary.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions::builder::{
    BuildError, Condition, Key, PolicyBuilder, Principal, StatementBuilder, key,
};
use ecr_actions::lint::{LintCode, Severity};
use ecr_actions::policy::{Effect, PolicyDocument};
use ecr_actions::{
    Action, ActionPattern, ActionSet, ArnPattern, ConditionKey, ConditionValueType, RepositoryArn,
    actions,
};
use serde_json::{Value, json};

// The written form of `actions!` sets, beside this file (a test crate root resolves `mod` from `tests/`).
#[path = "builder/written.rs"]
mod written;

const PULL: ActionSet = actions!(
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchCheckLayerAvailability",
);

const PUSH: ActionSet = actions!(
    "ecr:BatchCheckLayerAvailability",
    "ecr:InitiateLayerUpload",
    "ecr:UploadLayerPart",
    "ecr:CompleteLayerUpload",
    "ecr:PutImage",
);

fn pattern(text: &str) -> ArnPattern {
    ArnPattern::new(text).unwrap()
}

fn pull_only_role() -> Result<PolicyDocument, BuildError> {
    PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .sid("Login")
                .action(Action::GetAuthorizationToken)
                .any_resource(),
        )
        .statement(
            StatementBuilder::allow()
                .sid("PullApp")
                .action(PULL)
                .resource(pattern(
                    "arn:aws:ecr:us-east-1:111122223333:repository/app/*",
                )),
        )
        .build()
}

fn ci_push_role() -> Result<PolicyDocument, BuildError> {
    let tls = || Condition::bool(key::SECURE_TRANSPORT, true);
    PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .sid("Login")
                .action(Action::GetAuthorizationToken)
                .any_resource()
                .condition(tls()),
        )
        .statement(
            StatementBuilder::allow()
                .sid("PushToOwnTeam")
                .action(PUSH)
                .resource(pattern("arn:aws:ecr:us-east-1:111122223333:repository/*"))
                .condition(Condition::string_equals(
                    key::AWS_RESOURCE_TAG.tag("team"),
                    key::PRINCIPAL_TAG.tag("team").variable(),
                ))
                .condition(tls()),
        )
        .build()
}

fn cross_account_repository_policy() -> Result<PolicyDocument, BuildError> {
    PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .sid("CrossAccountPull")
                .principal(Principal::account("444455556666"))
                .action(PULL),
        )
        .build()
}

#[test]
fn pull_only_role_json() {
    assert_eq!(
        pull_only_role().unwrap().to_value(),
        json!({
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "Login", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
                {
                    "Sid": "PullApp",
                    "Effect": "Allow",
                    "Action": [
                        "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer",
                        "ecr:BatchCheckLayerAvailability"
                    ],
                    "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"
                }
            ]
        })
    );
}

#[test]
fn ci_push_role_json() {
    assert_eq!(
        ci_push_role().unwrap().to_value(),
        json!({
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Login",
                    "Effect": "Allow",
                    "Action": "ecr:GetAuthorizationToken",
                    "Resource": "*",
                    "Condition": {"Bool": {"aws:SecureTransport": "true"}}
                },
                {
                    "Sid": "PushToOwnTeam",
                    "Effect": "Allow",
                    "Action": [
                        "ecr:BatchCheckLayerAvailability",
                        "ecr:InitiateLayerUpload",
                        "ecr:UploadLayerPart",
                        "ecr:CompleteLayerUpload",
                        "ecr:PutImage"
                    ],
                    "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*",
                    "Condition": {
                        "StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"},
                        "Bool": {"aws:SecureTransport": "true"}
                    }
                }
            ]
        })
    );
}

#[test]
fn cross_account_repository_policy_json() {
    assert_eq!(
        cross_account_repository_policy().unwrap().to_value(),
        json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "CrossAccountPull",
                "Effect": "Allow",
                "Principal": {"AWS": "444455556666"},
                "Action": [
                    "ecr:BatchGetImage",
                    "ecr:GetDownloadUrlForLayer",
                    "ecr:BatchCheckLayerAvailability"
                ]
            }]
        })
    );
}

#[test]
fn keys_are_written_in_aws_order() {
    // Not only equal as JSON values: the text has AWS's key order.
    assert_eq!(
        cross_account_repository_policy().unwrap().to_json(),
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"CrossAccountPull","Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:BatchCheckLayerAvailability"]}]}"#
    );
}

#[test]
fn the_examples_round_trip_through_the_reader() {
    for document in [
        pull_only_role(),
        ci_push_role(),
        cross_account_repository_policy(),
    ] {
        let document = document.unwrap();
        for text in [document.to_json(), document.to_json_pretty()] {
            let reread = PolicyDocument::from_json(&text).unwrap();
            assert_eq!(reread.to_value(), document.to_value());
            // Exactly the same model, up to the order of condition operators: the reader reads JSON
            // objects through `serde_json::Map`, which sorts keys (`Bool` before `StringEquals`).
            let mut reread = reread.statements.into_vec();
            let mut built = document.statements.clone().into_vec();
            for statement in reread.iter_mut().chain(built.iter_mut()) {
                if let Some(condition) = &mut statement.condition {
                    condition.entries.sort_by_key(|e| e.operator.to_string());
                }
            }
            assert_eq!(reread, built);
        }
    }
    // Without a second condition operator, the document itself round-trips.
    for document in [pull_only_role(), cross_account_repository_policy()] {
        let document = document.unwrap();
        assert_eq!(
            PolicyDocument::from_json(&document.to_json()).unwrap(),
            document
        );
    }
}

#[test]
fn the_examples_have_no_lint_findings_at_all() {
    for policy in [
        PolicyBuilder::new()
            .statement(
                StatementBuilder::allow()
                    .action(Action::GetAuthorizationToken)
                    .any_resource(),
            )
            .statement(StatementBuilder::allow().action(PULL).resource(pattern(
                "arn:aws:ecr:us-east-1:111122223333:repository/app/*",
            ))),
        PolicyBuilder::new().statement(
            StatementBuilder::allow()
                .principal(Principal::account("444455556666"))
                .action(PULL),
        ),
    ] {
        let (_, findings) = policy.build_with_findings().unwrap();
        assert_eq!(findings, []);
    }
}

fn only_statement(policy: PolicyBuilder) -> Value {
    let value = policy.build().unwrap().to_value();
    value["Statement"][0].clone()
}

fn one(statement: StatementBuilder) -> Value {
    only_statement(PolicyBuilder::new().statement(statement))
}

#[test]
fn entries_given_twice_are_written_once_and_patterns_as_given() {
    let statement = one(StatementBuilder::allow()
        .action(Action::BatchGetImage)
        .action(PULL)
        .action("ecr:Describe*".parse::<ActionPattern>().unwrap())
        .action(Action::BatchGetImage)
        .resource(RepositoryArn::new("aws", "us-east-1", "111122223333", "app").unwrap())
        .resource(pattern("arn:aws:ecr:us-east-1:111122223333:repository/app"))
        .resource(pattern("arn:aws:ecr:us-east-1:111122223333:repository/web")));
    assert_eq!(
        statement["Action"],
        json!([
            "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer",
            "ecr:BatchCheckLayerAvailability",
            "ecr:Describe*"
        ])
    );
    assert_eq!(
        statement["Resource"],
        json!([
            "arn:aws:ecr:us-east-1:111122223333:repository/app",
            "arn:aws:ecr:us-east-1:111122223333:repository/web"
        ])
    );
}

#[test]
fn negated_elements() {
    let statement = one(StatementBuilder::deny()
        .not_principal(Principal::arn(
            "arn:aws:iam::111122223333:role/admin".parse().unwrap(),
        ))
        .not_action(Action::BatchGetImage)
        .not_resource(pattern("arn:aws:ecr:*:111122223333:repository/public/*")));
    assert_eq!(
        statement,
        json!({
            "Effect": "Deny",
            "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"},
            "NotAction": "ecr:BatchGetImage",
            "NotResource": "arn:aws:ecr:*:111122223333:repository/public/*"
        })
    );
}

#[test]
fn principals_are_grouped_by_kind() {
    let statement = one(StatementBuilder::allow()
        .principal(Principal::service("codebuild.amazonaws.com"))
        .principal(Principal::account("444455556666"))
        .principal(Principal::arn(
            "arn:aws:iam::111122223333:role/ci".parse().unwrap(),
        ))
        .principal(Principal::account("444455556666"))
        .action(PULL));
    assert_eq!(
        statement["Principal"],
        json!({
            "AWS": ["444455556666", "arn:aws:iam::111122223333:role/ci"],
            "Service": "codebuild.amazonaws.com"
        })
    );
}

#[test]
fn any_principal() {
    let alone = one(StatementBuilder::allow()
        .principal(Principal::any())
        .action(PULL)
        .condition(Condition::string_equals(
            key::PRINCIPAL_ORG_ID,
            "o-a1b2c3d4e5",
        )));
    assert_eq!(alone["Principal"], json!("*"));
    let among = one(StatementBuilder::allow()
        .principal(Principal::any())
        .principal(Principal::service("codebuild.amazonaws.com"))
        .action(PULL));
    assert_eq!(
        among["Principal"],
        json!({"AWS": "*", "Service": "codebuild.amazonaws.com"})
    );
}

#[test]
fn conditions_are_grouped_by_operator() {
    let statement = one(StatementBuilder::allow()
        .action(Action::TagResource)
        .resource(pattern("arn:aws:ecr:us-east-1:111122223333:repository/*"))
        .condition(Condition::string_equals(
            key::AWS_REQUEST_TAG.tag("team"),
            ["backend", "frontend"],
        ))
        .condition(Condition::for_all_values_string_equals(
            key::AWS_TAG_KEYS,
            vec!["team", "env"],
        ))
        .condition(Condition::string_equals(key::REQUESTED_REGION, "us-east-1"))
        .condition(Condition::string_like(key::USERNAME, "ci-*").if_exists())
        .condition(Condition::ip_address(
            key::SOURCE_IP,
            &["10.0.0.0/8", "2001:db8::/32"][..],
        ))
        .condition(Condition::numeric_less_than(
            key::MULTI_FACTOR_AUTH_AGE,
            3600,
        ))
        .condition(Condition::date_less_than(
            key::CURRENT_TIME,
            "2030-01-01T00:00:00Z",
        ))
        .condition(Condition::numeric_greater_than(
            key::EPOCH_TIME,
            1_700_000_000,
        ))
        .condition(Condition::arn_like(
            key::PRINCIPAL_ARN,
            "arn:aws:iam::*:role/ci-*",
        ))
        .condition(Condition::null(key::SOURCE_VPC, false)));
    assert_eq!(
        statement["Condition"],
        json!({
            "StringEquals": {
                "aws:RequestTag/team": ["backend", "frontend"],
                "aws:RequestedRegion": "us-east-1"
            },
            "ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]},
            "StringLikeIfExists": {"aws:username": "ci-*"},
            "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]},
            "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"},
            "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
            "NumericGreaterThan": {"aws:EpochTime": "1700000000"},
            "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/ci-*"},
            "Null": {"aws:SourceVpc": "false"}
        })
    );
}

#[test]
fn a_key_of_your_own_naming() {
    let statement = one(StatementBuilder::allow()
        .action(PULL)
        .resource(pattern("arn:aws:ecr:*:111122223333:repository/*"))
        .condition(Condition::string_equals(
            Key::<ecr_actions::builder::key::StringType>::new("aws:SourceOrgID"),
            "o-a1b2c3d4e5",
        )));
    assert_eq!(
        statement["Condition"],
        json!({"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}})
    );
}

#[test]
fn no_statement() {
    assert_eq!(PolicyBuilder::new().build(), Err(BuildError::NoStatement));
}

#[test]
fn no_action() {
    let error = PolicyBuilder::new()
        .statement(StatementBuilder::allow().any_resource())
        .statement(
            StatementBuilder::allow()
                .action(ActionSet::EMPTY)
                .any_resource(),
        )
        .build()
        .unwrap_err();
    assert!(matches!(
        error,
        BuildError::Missing {
            element: "Action",
            ..
        }
    ));
    assert!(
        error
            .to_string()
            .starts_with("Statement[0]: missing `Action`"),
        "{error}"
    );
}

#[test]
fn exclusive_elements() {
    let cases = [
        (
            StatementBuilder::allow()
                .action(PULL)
                .not_action(Action::PutImage),
            ("Action", "NotAction"),
        ),
        (
            StatementBuilder::allow()
                .action(PULL)
                .principal(Principal::any())
                .not_principal(Principal::account("444455556666")),
            ("Principal", "NotPrincipal"),
        ),
        (
            StatementBuilder::allow()
                .action(PULL)
                .any_resource()
                .not_resource(pattern("arn:aws:ecr:*:*:repository/x")),
            ("Resource", "NotResource"),
        ),
    ];
    for (statement, (a, b)) in cases {
        let error = PolicyBuilder::new()
            .statement(StatementBuilder::allow().action(PULL).any_resource())
            .statement(statement)
            .build()
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("Statement[1]: both `{a}` and `{b}`: a statement has one of them")
        );
    }
}

fn invalid(statement: StatementBuilder) -> (String, String) {
    match PolicyBuilder::new().statement(statement).build() {
        Err(BuildError::InvalidValue { path, value, .. }) => (path.to_string(), value),
        other => panic!("expected an invalid value, got {other:?}"),
    }
}

#[test]
fn invalid_principals() {
    let pull = || StatementBuilder::allow().action(PULL);
    assert_eq!(
        invalid(pull().principal(Principal::account("44445555666"))),
        ("Statement[0].Principal.AWS".into(), "44445555666".into())
    );
    assert_eq!(
        invalid(
            pull()
                .principal(Principal::account("444455556666"))
                .principal(Principal::arn(
                    "arn:aws:ecr:us-east-1:111122223333:repository/app"
                        .parse()
                        .unwrap()
                ))
        ),
        (
            "Statement[0].Principal.AWS[1]".into(),
            "arn:aws:ecr:us-east-1:111122223333:repository/app".into()
        )
    );
    for bad in [
        "codebuild",
        "CodeBuild.amazonaws.com",
        ".amazonaws.com",
        "code build.amazonaws.com",
    ] {
        assert_eq!(
            invalid(pull().not_principal(Principal::service(bad))),
            ("Statement[0].NotPrincipal.Service".into(), bad.into())
        );
    }
    // Accepted: an STS session, a China-region service principal.
    let statement = one(pull()
        .principal(Principal::arn(
            "arn:aws:sts::111122223333:assumed-role/ci/session"
                .parse()
                .unwrap(),
        ))
        .principal(Principal::service("ecs-tasks.amazonaws.com.cn")));
    assert_eq!(
        statement["Principal"],
        json!({
            "AWS": "arn:aws:sts::111122223333:assumed-role/ci/session",
            "Service": "ecs-tasks.amazonaws.com.cn"
        })
    );
}

#[test]
fn invalid_condition_values() {
    let push = || {
        StatementBuilder::allow()
            .action(PUSH)
            .resource(pattern("arn:aws:ecr:*:111122223333:repository/*"))
    };
    assert_eq!(
        invalid(push().condition(Condition::ip_address(
            key::SOURCE_IP,
            ["10.0.0.0/8", "10.0.0.0/33"]
        ))),
        (
            r#"Statement[0].Condition.IpAddress["aws:SourceIp"][1]"#.into(),
            "10.0.0.0/33".into()
        )
    );
    for bad in [
        "10.0.0",
        "10.0.0.0/",
        "2001:db8::/129",
        "10.0.0.0/+8",
        "any",
    ] {
        assert_eq!(
            invalid(push().condition(Condition::not_ip_address(key::SOURCE_IP, bad))).1,
            bad
        );
    }
    for bad in ["tomorrow", "2025-1-01", "2025-01-01 12:00"] {
        assert_eq!(
            invalid(push().condition(Condition::date_greater_than(key::CURRENT_TIME, bad))),
            (
                r#"Statement[0].Condition.DateGreaterThan["aws:CurrentTime"]"#.into(),
                bad.into()
            )
        );
    }
    for bad in ["", "team!", &"t".repeat(129)] {
        assert_eq!(
            invalid(push().condition(Condition::string_equals(
                key::AWS_RESOURCE_TAG.tag(bad),
                "x"
            ))),
            (
                format!(
                    "Statement[0].Condition.StringEquals[{}]",
                    serde_json::to_string(&format!("aws:ResourceTag/{bad}")).unwrap()
                ),
                bad.to_owned()
            )
        );
    }
    // Accepted: IPv6, one address, a date, epoch seconds, a policy variable, a tag key with spaces.
    one(push()
        .condition(Condition::ip_address(
            key::SOURCE_IP,
            ["2001:db8::1", "192.0.2.7"],
        ))
        .condition(Condition::date_greater_than(
            key::CURRENT_TIME,
            ["2025-01-01", "1700000000"],
        ))
        .condition(Condition::date_less_than(
            key::TOKEN_ISSUE_TIME,
            "${aws:CurrentTime}",
        ))
        .condition(Condition::string_equals(
            key::AWS_RESOURCE_TAG.tag("cost center:a/b=c+d-e@f"),
            "x",
        )));
}

#[test]
fn one_key_twice_under_one_operator() {
    let error = PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .action(PULL)
                .any_resource()
                .condition(Condition::string_equals(
                    key::AWS_RESOURCE_TAG.tag("team"),
                    "a",
                ))
                .condition(Condition::string_equals(
                    key::AWS_RESOURCE_TAG.tag("Team"),
                    "b",
                )),
        )
        .build()
        .unwrap_err();
    assert_eq!(
        error,
        BuildError::DuplicateCondition {
            path: ecr_actions::policy::JsonPath::root()
                .key("Statement")
                .index(0)
                .key("Condition")
                .key("StringEquals"),
            operator: "StringEquals".into(),
            key: "aws:ResourceTag/Team".into(),
        }
    );
    // Under two operators it is fine.
    one(StatementBuilder::allow()
        .action(PULL)
        .any_resource()
        .condition(Condition::string_equals(
            key::AWS_RESOURCE_TAG.tag("team"),
            "a",
        ))
        .condition(Condition::string_equals(key::AWS_RESOURCE_TAG.tag("team"), "b").if_exists()));
}

#[test]
fn build_refuses_a_policy_with_an_error_finding() {
    // `ecr:GetAuthorizationToken` has no resource type: given only a repository ARN, it never applies.
    let repository = RepositoryArn::new("aws", "us-east-1", "111122223333", "app").unwrap();
    let error = PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .sid("Login")
                .action(Action::GetAuthorizationToken)
                .resource(&repository),
        )
        .build()
        .unwrap_err();
    let BuildError::Lint { document, errors } = &error else {
        panic!("expected the linter's refusal, got {error:?}");
    };
    assert!(
        errors.iter().all(|f| f.severity == Severity::Error),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|f| f.code == LintCode::ResourceStarRequired),
        "{errors:?}"
    );
    assert_eq!(document.statements[0].effect, Effect::Allow);
    assert!(
        error.to_string().starts_with(
            "the linter refused the policy: error[resource-star-required] at Statement[0]"
        ),
        "{error}"
    );

    // An action that does not exist, given as a pattern.
    let error = PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .action("ecr:BatchGetImag".parse::<ActionPattern>().unwrap())
                .any_resource(),
        )
        .build()
        .unwrap_err();
    assert!(
        matches!(&error, BuildError::Lint { errors, .. } if errors.iter().any(|f| f.code == LintCode::UnknownAction)),
        "{error:?}"
    );
}

#[test]
fn build_keeps_warnings() {
    // `ecr:*` allowed on `*` is a security warning, not an error.
    let (document, findings) = PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .action("ecr:*".parse::<ActionPattern>().unwrap())
                .any_resource(),
        )
        .build_with_findings()
        .unwrap();
    assert!(findings.iter().all(|f| f.severity != Severity::Error));
    assert!(
        findings
            .iter()
            .any(|f| f.code == LintCode::AllowAllEcrOnAllResources),
        "{findings:?}"
    );
    assert_eq!(document.statements[0].action.items[0].as_str(), "ecr:*");
}

#[test]
fn ecr_keys_follow_the_generated_table() {
    let tag_keys = key::AWS_TAG_KEYS;
    let account_setting = key::ECR_ACCOUNT_SETTING;
    let templates = [
        (
            key::AWS_REQUEST_TAG.template(),
            key::AWS_REQUEST_TAG.value_type(),
        ),
        (
            key::AWS_RESOURCE_TAG.template(),
            key::AWS_RESOURCE_TAG.value_type(),
        ),
        (
            key::ECR_RESOURCE_TAG.template(),
            key::ECR_RESOURCE_TAG.value_type(),
        ),
        (tag_keys.name(), tag_keys.value_type()),
        (account_setting.name(), account_setting.value_type()),
    ];
    for condition_key in ConditionKey::ALL {
        assert!(
            templates.contains(&(condition_key.as_str(), condition_key.value_type().unwrap())),
            "{condition_key} has no typed key"
        );
    }
    assert_eq!(templates.len(), ConditionKey::COUNT);
    assert_eq!(
        key::AWS_TAG_KEYS.value_type(),
        ConditionValueType::ArrayOfString
    );
}

#[test]
fn the_linter_knows_every_typed_global_key() {
    let string_keys = [
        key::CALLED_VIA_FIRST,
        key::CALLED_VIA_LAST,
        key::PRINCIPAL_ACCOUNT,
        key::PRINCIPAL_ORG_ID,
        key::PRINCIPAL_SERVICE_NAME,
        key::PRINCIPAL_TYPE,
        key::REQUESTED_REGION,
        key::RESOURCE_ACCOUNT,
        key::RESOURCE_ORG_ID,
        key::SOURCE_ACCOUNT,
        key::SOURCE_IDENTITY,
        key::SOURCE_ORG_ID,
        key::SOURCE_VPC,
        key::SOURCE_VPCE,
        key::USERID,
        key::USERNAME,
        key::PRINCIPAL_TAG.tag("team"),
    ];
    let mut statement = StatementBuilder::allow()
        .action(PULL)
        .resource(pattern("arn:aws:ecr:*:111122223333:repository/*"));
    for key in string_keys {
        statement = statement.condition(Condition::string_equals(key, "x"));
    }
    for key in [
        key::MULTI_FACTOR_AUTH_PRESENT,
        key::PRINCIPAL_IS_AWS_SERVICE,
        key::SECURE_TRANSPORT,
        key::VIA_AWS_SERVICE,
    ] {
        statement = statement.condition(Condition::bool(key, true));
    }
    for key in [key::PRINCIPAL_ARN, key::SOURCE_ARN] {
        statement = statement.condition(Condition::arn_equals(
            key,
            "arn:aws:iam::111122223333:role/ci",
        ));
    }
    for key in [key::SOURCE_IP, key::VPC_SOURCE_IP] {
        statement = statement.condition(Condition::ip_address(key, "10.0.0.0/8"));
    }
    for key in [key::CALLED_VIA, key::PRINCIPAL_ORG_PATHS] {
        statement = statement.condition(Condition::for_any_value_string_like(key, "x*"));
    }
    statement = statement
        .condition(Condition::date_greater_than(
            key::CURRENT_TIME,
            "2025-01-01",
        ))
        .condition(Condition::date_greater_than(
            key::TOKEN_ISSUE_TIME,
            "2025-01-01",
        ))
        .condition(Condition::date_greater_than(key::EPOCH_TIME, 1_700_000_000))
        .condition(Condition::numeric_less_than(
            key::MULTI_FACTOR_AUTH_AGE,
            3600,
        ));
    let (_, findings) = PolicyBuilder::new()
        .statement(statement)
        .build_with_findings()
        .unwrap();
    assert_eq!(findings, []);
}
