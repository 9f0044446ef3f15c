//! The linter, case by case: each policy of `data/policies/` gives exactly the listed findings
//! (code and JSON path, in document order).
//!
//! The policies are ECR policies people write (a pull-only role, a CI pusher limited by
//! `aws:ResourceTag/team` and `aws:SecureTransport`, cross-account and service-principal repository
//! policies, a lifecycle administrator, the managed read-only policy), which must be clean, and AWS's
//! documented examples of each check written for ECR. Every finding's severity is its code's, its
//! message says what is wrong and how to mend it, and its path points at a place in the document.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::collections::BTreeSet;

use ecr_actions::lint::{Finding, LintCode, Severity, lint};
use ecr_actions::policy::{JsonPath, PathSegment, PolicyDocument};
use serde_json::Value;

fn dir() -> String {
    format!("{}/data/policies", env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> String {
    let path = format!("{}/{name}.json", dir());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value a path points at, if any.
fn resolve<'v>(value: &'v Value, path: &JsonPath) -> Option<&'v Value> {
    path.segments()
        .iter()
        .try_fold(value, |value, segment| match segment {
            PathSegment::Key(key) => value.get(key),
            PathSegment::Index(index) => value.get(index),
        })
}

/// Lints case `name` and checks the findings against `expected` (code, path), and each finding's
/// severity, message and path.
#[track_caller]
fn check(name: &str, expected: &[(&str, &str)]) {
    let text = read(name);
    let document = PolicyDocument::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let findings = lint(&document);
    let found: Vec<(&str, String)> = findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.to_string()))
        .collect();
    let expected: Vec<(&str, String)> = expected
        .iter()
        .map(|(code, path)| (*code, (*path).to_owned()))
        .collect();
    assert_eq!(found, expected, "{name}:\n{}", describe(&findings));
    let json: Value = serde_json::from_str(&text).unwrap();
    for finding in &findings {
        assert_eq!(finding.severity, finding.code.severity(), "{name}");
        assert!(
            resolve(&json, &finding.path).is_some(),
            "{name}: `{}` points nowhere",
            finding.path
        );
        let message = &finding.message;
        assert!(
            message.len() > 40 && !message.ends_with('.') && message.contains('`'),
            "{name}: {message}"
        );
        // Every message says how to mend it.
        assert!(
            [
                "write",
                "use",
                "remove",
                "add",
                "set",
                "move",
                "list",
                "rename",
                "allow only",
                "check",
                "fix",
                "drop"
            ]
            .iter()
            .any(|verb| message.contains(verb)),
            "{name}: no remedy in: {message}"
        );
    }
}

fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("  {} {} {}: {}", f.severity, f.code, f.path, f.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One test per case: `name => [(code, path), …];`, the policy in `data/policies/name.json`
/// (underscores as dashes).
macro_rules! cases {
    ($($name:ident => [$(($code:literal, $path:literal)),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                check(&stringify!($name).replace('_', "-"), &[$(($code, $path)),*]);
            }
        )*
        /// Every case: its file name and its expected codes.
        const CASES: &[(&str, &[&str])] = &[$((stringify!($name), &[$($code),*])),*];
    };
}

cases! {
    // Policies people write: clean.
    clean_pull_only_role => [];
    clean_ci_push => [];
    clean_cross_account_pull => [];
    clean_lifecycle_admin => [];
    clean_managed_read_only => [];
    clean_codebuild_service_principal => [];
    clean_lambda_service_principal => [];
    clean_repository_policy_2008 => [];
    clean_tagging_on_create => [];
    clean_other_services => [];
    clean_abac_with_condition => [];
    clean_deny_insecure_transport => [];
    clean_condition_operators => [];
    clean_ecr_star_on_repository => [];
    case_insensitive_names => [];

    // Actions.
    unknown_action_typo => [("unknown-action", "Statement[0].Action[1]")];
    unknown_action_single_statement => [("unknown-action", "Statement.Action")];
    pattern_matches_nothing => [
        ("pattern-matches-nothing", "Statement[0].Action[1]"),
        ("pattern-matches-nothing", "Statement[0].Action[2]"),
    ];
    malformed_action => [
        ("malformed-action", "Statement[0].Action[0]"),
        ("malformed-action", "Statement[0].Action[2]"),
        ("malformed-action", "Statement[0].Action[3]"),
    ];
    redundant_action => [
        ("redundant-action", "Statement[0].Action[1]"),
        ("redundant-action", "Statement[0].Action[3]"),
        ("redundant-action", "Statement[0].Action[5]"),
        ("redundant-action", "Statement[1].Action[0]"),
        ("redundant-action", "Statement[1].Action[2]"),
    ];
    redundant_not_action => [("redundant-action", "Statement[0].NotAction[1]")];

    // Resources.
    resource_mismatch_s3_arn => [("resource-mismatch", "Statement[0].Action[0]")];
    resource_mismatch_repository_without_name => [
        ("resource-mismatch", "Statement[0].Action[0]"),
        ("resource-mismatch", "Statement[0].Action[1]"),
    ];
    resource_mismatch_wildcard => [
        ("resource-mismatch", "Statement[0].Action[0]"),
        ("resource-mismatch", "Statement[0].Action[1]"),
    ];
    deny_resource_mismatch => [
        ("resource-mismatch", "Statement[0].Action[0]"),
        ("resource-mismatch", "Statement[0].Action[1]"),
    ];
    resource_star_required => [("resource-star-required", "Statement[0].Action[0]")];
    resource_star_required_registry_actions => [
        ("resource-star-required", "Statement[0].Action[0]"),
        ("resource-star-required", "Statement[0].Action[1]"),
        ("resource-star-required", "Statement[0].Action[2]"),
    ];
    malformed_arn => [
        ("malformed-arn", "Statement[0].Resource[0]"),
        ("malformed-arn", "Statement[0].Resource[1]"),
        ("malformed-arn", "Statement[0].Resource[2]"),
    ];
    malformed_arn_beside_a_good_one => [
        ("resource-star-required", "Statement[0].Action[0]"),
        ("malformed-arn", "Statement[0].Resource[1]"),
    ];

    // Conditions.
    unknown_condition_key => [
        ("unknown-condition-key", r#"Statement[0].Condition.IpAddress["aws:SourceIpp"]"#),
        ("unknown-condition-key", "Statement[0].Condition.StringEquals.SourceVpce"),
        ("unknown-condition-key", r#"Statement[0].Condition.StringEquals["aws:ResourceTag/"]"#),
        ("unknown-condition-key", r#"Statement[0].Condition.StringEquals["aws:ResourceTags/team"]"#),
        ("unknown-condition-key", r#"Statement[0].Condition.StringEquals["ecr:RepositoryName"]"#),
    ];
    condition_key_not_applicable => [
        ("condition-key-not-applicable", r#"Statement[0].Condition.StringEquals["aws:RequestTag/team"]"#),
        ("condition-key-not-applicable", r#"Statement[1].Condition.StringEquals["ecr:ResourceTag/team"]"#),
        ("condition-key-not-applicable", r#"Statement[2].Condition.StringEquals["aws:ResourceTag/team"]"#),
    ];
    condition_key_on_mixed_statement_not_judged => [
        ("allow-with-not-action", "Statement[1].NotAction"),
        ("allow-with-not-resource", "Statement[1].NotResource"),
    ];
    operator_type_mismatch => [
        ("operator-type-mismatch", r#"Statement[0].Condition.ArnEquals["aws:PrincipalAccount"]"#),
        ("operator-type-mismatch", r#"Statement[0].Condition.Bool["aws:CurrentTime"]"#),
        ("operator-type-mismatch", r#"Statement[0].Condition.DateGreaterThan["aws:MultiFactorAuthAge"]"#),
        ("operator-type-mismatch", r#"Statement[0].Condition.IpAddress["aws:SourceVpc"]"#),
        ("operator-type-mismatch", r#"Statement[0].Condition.NumericEquals["aws:SourceIp"]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.NumericEquals["aws:SourceIp"]"#),
        ("operator-type-mismatch", r#"Statement[0].Condition.StringEquals["aws:SecureTransport"]"#),
    ];
    // The value grammar (module `value`) that the evaluator and the builder use too.
    invalid_condition_value => [
        ("invalid-condition-value", r#"Statement[0].Condition.BinaryEquals["s3:x-amz-content-sha256"]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.Bool["aws:SecureTransport"]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.DateLessThan["aws:CurrentTime"][0]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.DateLessThan["aws:CurrentTime"][1]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.IpAddress["aws:SourceIp"][1]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.IpAddress["aws:SourceIp"][2]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.Null["aws:SourceVpc"]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.NumericLessThan["aws:MultiFactorAuthAge"][1]"#),
        ("invalid-condition-value", r#"Statement[0].Condition.NumericLessThan["aws:MultiFactorAuthAge"][2]"#),
    ];
    arn_condition_not_an_arn => [
        ("pattern-matches-nothing", r#"Statement[0].Condition.ArnLike["aws:SourceArn"][1]"#),
        ("pattern-matches-nothing", r#"Statement[0].Condition.ArnLike["aws:SourceArn"][2]"#),
    ];
    wildcard_without_like_operator => [
        ("wildcard-without-like-operator", r#"Statement[0].Condition.StringEquals["aws:PrincipalArn"][1]"#),
        ("wildcard-without-like-operator", r#"Statement[0].Condition.StringNotEqualsIgnoreCase["aws:PrincipalTag/job-category"]"#),
    ];
    for_all_values_with_single_valued_key => [
        ("for-all-values-with-single-valued-key", r#"Statement[0].Condition["ForAllValues:StringEquals"]["aws:ResourceTag/team"]"#),
    ];
    for_any_value_with_single_valued_key => [
        ("for-any-value-with-single-valued-key", r#"Statement[0].Condition["ForAnyValue:StringNotEquals"]["aws:SourceVpce"]"#),
    ];
    missing_set_qualifier => [
        ("missing-set-qualifier", r#"Statement[0].Condition.StringEquals["aws:TagKeys"]"#),
        ("missing-set-qualifier", r#"Statement[0].Condition.StringLike["aws:CalledVia"]"#),
    ];
    null_with_if_exists => [("null-with-if-exists", "Statement[0].Condition.NullIfExists")];

    // The document: Version, Sid.
    missing_version => [("missing-version", "$")];
    missing_version_with_variables => [
        ("missing-version", "$"),
        ("old-version-with-variables", "Statement.Resource"),
    ];
    old_version_with_variables => [
        ("old-version-with-variables", "Statement[0].Resource[0]"),
        ("old-version-with-variables", r#"Statement[0].Condition.StringEquals["ecr:ResourceTag/owner"]"#),
    ];
    duplicate_sid => [
        ("duplicate-sid", "Statement[1].Sid"),
        ("duplicate-sid", "Statement[3].Sid"),
    ];
    invalid_sid => [
        ("invalid-sid", "Statement[0].Sid"),
        ("invalid-sid", "Statement[1].Sid"),
    ];
    // "Context key names are not case-sensitive" (IAM User Guide, IAM JSON policy elements:
    // Condition); Access Analyzer: "Error – Duplicate keys with different case". The reader keeps
    // object keys sorted, so the second spelling is the later one in byte order.
    duplicate_keys_with_different_case => [
        ("duplicate-keys-with-different-case", r#"Statement[0].Condition.StringEquals["aws:username"]"#),
        ("duplicate-keys-with-different-case", r#"Statement[0].Condition.StringLike["aws:principaltag/Team"]"#),
    ];

    // Grants broader than they read.
    allow_with_not_action => [
        ("allow-all-ecr-on-all-resources", "Statement[0]"),
        ("allow-with-not-action", "Statement[0].NotAction"),
        ("allow-with-not-action", "Statement[1].NotAction"),
    ];
    allow_with_not_resource => [
        ("allow-with-not-resource", "Statement[0].NotResource"),
        ("malformed-arn", "Statement[0].NotResource[1]"),
    ];
    allow_all_ecr_on_all_resources => [
        ("allow-all-ecr-on-all-resources", "Statement[0]"),
        ("allow-all-ecr-on-all-resources", "Statement[1]"),
    ];
    allow_all_administrator_access => [("allow-all-ecr-on-all-resources", "Statement")];

    // Several checks together, in document order.
    findings_in_document_order => [
        ("missing-version", "$"),
        ("invalid-sid", "Statement[0].Sid"),
        ("resource-star-required", "Statement[0].Action[0]"),
        ("redundant-action", "Statement[0].Action[2]"),
        ("old-version-with-variables", "Statement[0].Resource"),
        ("for-all-values-with-single-valued-key", r#"Statement[0].Condition["ForAllValues:StringEquals"]["aws:SourceVpce"]"#),
        ("invalid-sid", "Statement[1].Sid"),
        ("duplicate-sid", "Statement[1].Sid"),
        ("allow-with-not-action", "Statement[1].NotAction"),
    ];
    repository_policy_with_findings => [
        ("unknown-action", "Statement[0].Action[1]"),
        ("condition-key-not-applicable", r#"Statement[0].Condition.StringEquals["aws:RequestTag/team"]"#),
    ];
}

#[test]
fn there_are_at_least_40_cases_and_every_file_is_one() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let listed: BTreeSet<String> = CASES
        .iter()
        .map(|(name, _)| name.replace('_', "-"))
        .collect();
    let files: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .map(|name| name.strip_suffix(".json").unwrap_or(&name).to_owned())
        .collect();
    assert_eq!(
        listed, files,
        "a case without a file, or a file without a case"
    );
}

#[test]
fn every_code_has_a_case() {
    let exercised: BTreeSet<&str> = CASES
        .iter()
        .flat_map(|(_, codes)| codes.iter().copied())
        .collect();
    let all: BTreeSet<&str> = LintCode::ALL.iter().map(|code| code.as_str()).collect();
    assert_eq!(exercised, all);
}

#[test]
fn severities_follow_access_analyzer() {
    let severity = |code: &str| {
        LintCode::ALL
            .into_iter()
            .find(|c| c.as_str() == code)
            .unwrap()
            .severity()
    };
    for code in [
        "unknown-action",
        "pattern-matches-nothing",
        "malformed-action",
        "resource-mismatch",
        "resource-star-required",
        "malformed-arn",
        "unknown-condition-key",
        "null-with-if-exists",
        "invalid-condition-value",
        "old-version-with-variables",
        "duplicate-sid",
        "invalid-sid",
        "duplicate-keys-with-different-case",
    ] {
        assert_eq!(severity(code), Severity::Error, "{code}");
    }
    for code in [
        "allow-with-not-action",
        "allow-with-not-resource",
        "allow-all-ecr-on-all-resources",
        "for-all-values-with-single-valued-key",
    ] {
        assert_eq!(severity(code), Severity::SecurityWarning, "{code}");
    }
    for code in [
        "condition-key-not-applicable",
        "operator-type-mismatch",
        "wildcard-without-like-operator",
        "for-any-value-with-single-valued-key",
        "missing-set-qualifier",
    ] {
        assert_eq!(severity(code), Severity::Warning, "{code}");
    }
    for code in ["missing-version", "redundant-action"] {
        assert_eq!(severity(code), Severity::Suggestion, "{code}");
    }
}

#[test]
fn messages_name_the_nearest_and_the_mend() {
    let message = |name: &str, index: usize| {
        lint(&PolicyDocument::from_json(&read(name)).unwrap())[index]
            .message
            .clone()
    };
    assert_eq!(
        message("unknown-action-typo", 0),
        "unknown ECR action `ecr:BatchGetImages`; did you mean `ecr:BatchGetImage`? IAM matches no \
         action with it; write `ecr:BatchGetImage`"
    );
    assert!(message("unknown-action-single-statement", 0).contains("did you mean `ecr:PutImage`?"));
    assert!(
        message("unknown-condition-key", 0).contains("did you mean `aws:SourceIp`?"),
        "{}",
        message("unknown-condition-key", 0)
    );
    assert!(message("unknown-condition-key", 3).contains("did you mean `aws:ResourceTag/team`?"));
    let mismatch = message("resource-star-required", 0);
    assert!(mismatch.contains(r#"`"Resource": "*"`"#), "{mismatch}");
    let not_applicable = message("condition-key-not-applicable", 0);
    assert!(
        not_applicable
            .contains("`ecr:CreateRepository`, `ecr:ListTagsForResource`, `ecr:TagResource`;"),
        "{not_applicable}"
    );
    let wildcard = message("wildcard-without-like-operator", 1);
    assert!(wildcard.contains("use `StringNotLike`"), "{wildcard}");
    let sid = message("invalid-sid", 1);
    assert!(sid.contains("e.g. `AllowPullFromApp`"), "{sid}");
    let qualifier = message("missing-set-qualifier", 0);
    assert!(
        qualifier.contains("`ForAllValues:StringEquals`"),
        "{qualifier}"
    );
    let type_mismatch = message("operator-type-mismatch", 4);
    assert!(
        type_mismatch.contains("use `IpAddress` or `NotIpAddress`"),
        "{type_mismatch}"
    );
}

#[test]
fn findings_serialize_with_string_codes_paths_and_severities() {
    let document = PolicyDocument::from_json(&read("unknown-action-typo")).unwrap();
    let json = serde_json::to_value(lint(&document)).unwrap();
    assert_eq!(json[0]["code"], "unknown-action");
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(json[0]["path"], "Statement[0].Action[1]");
    assert!(
        json[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("unknown ECR action")
    );
}

#[test]
fn lint_is_the_same_on_a_round_tripped_document() {
    for (name, _) in CASES {
        let name = name.replace('_', "-");
        let document = PolicyDocument::from_json(&read(&name)).unwrap();
        let again = PolicyDocument::from_json(&document.to_json()).unwrap();
        assert_eq!(again, document, "{name}");
        assert_eq!(lint(&again), lint(&document), "{name}");
        let written: Value = serde_json::from_str(&document.to_json()).unwrap();
        let read_back: Value = serde_json::from_str(&read(&name)).unwrap();
        assert_eq!(written, read_back, "{name}");
    }
}
