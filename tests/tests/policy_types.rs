//! Policy types: each rule AWS enforces on a type, checked on the documents AWS's guides show or
//! forbid, cited by sentence; the inference from content; the command line's spellings.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use ecr_actions::policy::{PolicyDocument, PolicyType, TypeRule};

fn doc(json: &str) -> PolicyDocument {
    PolicyDocument::from_json(json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

/// The rules (code and path) the document breaks as `policy_type`.
fn broken(policy_type: PolicyType, json: &str) -> Vec<(TypeRule, String)> {
    policy_type
        .check(&doc(json))
        .into_iter()
        .map(|v| (v.rule, v.path.to_string()))
        .collect()
}

const IDENTITY: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "Pull", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
   "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"}]}"#;

const REPOSITORY: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "CrossAccountPull", "Effect": "Allow",
   "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
   "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}]}"#;

/// The RCP syntax page's own example, for ECR: deny `Principal: "*"` outside the organization.
const RCP: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "EnforceOrgIdentities", "Effect": "Deny", "Principal": "*", "Action": "ecr:*",
   "Resource": "*",
   "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"},
                 "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}"#;

/// The default endpoint policy, verbatim (AWS PrivateLink Guide, *Default endpoint policy*).
const DEFAULT_ENDPOINT: &str =
    r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#;

/// `FullAWSAccess`, the SCP AWS attaches everywhere.
const FULL_AWS_ACCESS: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;

/// Well-formed documents of each type pass their own type's check: the rules do not fire on what the
/// guides show as valid.
#[test]
fn valid_documents_of_each_type_pass() {
    for (policy_type, json) in [
        (PolicyType::Identity, IDENTITY),
        (PolicyType::Resource, REPOSITORY),
        (PolicyType::ServiceControl, FULL_AWS_ACCESS),
        (PolicyType::ResourceControl, RCP),
        (PolicyType::PermissionsBoundary, FULL_AWS_ACCESS),
        (PolicyType::Session, IDENTITY),
        (PolicyType::VpcEndpoint, DEFAULT_ENDPOINT),
    ] {
        assert_eq!(broken(policy_type, json), [], "{policy_type}");
        assert!(policy_type.validate(&doc(json)).is_ok(), "{policy_type}");
    }
}

/// "You cannot use the `Principal` element in an identity-based policy" (IAM User Guide, *IAM JSON
/// policy elements: Principal*); SCPs take no `Principal`/`NotPrincipal` (AWS Organizations User
/// Guide, *SCP syntax*); boundaries and session policies are identity-style.
#[test]
fn identity_style_types_refuse_a_principal() {
    for policy_type in [
        PolicyType::Identity,
        PolicyType::ServiceControl,
        PolicyType::PermissionsBoundary,
        PolicyType::Session,
    ] {
        assert_eq!(
            broken(policy_type, REPOSITORY),
            [
                (
                    TypeRule::PrincipalNotAllowed,
                    "Statement[0].Principal".to_owned()
                ),
                // Identity-style statements need a `Resource`; the SCP rules do not ask for one.
            ]
            .into_iter()
            .chain(
                (policy_type != PolicyType::ServiceControl)
                    .then(|| (TypeRule::ResourceRequired, "Statement[0]".to_owned()))
            )
            .collect::<Vec<_>>(),
            "{policy_type}"
        );
        let not_principal = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny",
          "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "ecr:*", "Resource": "*"}}"#;
        let rules: Vec<(TypeRule, String)> = broken(policy_type, not_principal)
            .into_iter()
            // A boundary or session policy that only denies is also warned about.
            .filter(|(rule, _)| *rule != TypeRule::NoAllowStatement)
            .collect();
        assert_eq!(
            rules,
            [(
                TypeRule::PrincipalNotAllowed,
                "Statement.NotPrincipal".to_owned()
            )],
            "{policy_type}"
        );
    }
}

/// "You must use the `Principal` element in resource-based policies" (*IAM JSON policy elements:
/// Principal*); an endpoint policy "must contain a `Principal` element" (AWS PrivateLink Guide); RCPs
/// name `"Principal": "*"` (*RCP syntax*).
#[test]
fn resource_style_types_require_a_principal() {
    for policy_type in [
        PolicyType::Resource,
        PolicyType::ResourceControl,
        PolicyType::VpcEndpoint,
    ] {
        let rules: Vec<TypeRule> = broken(policy_type, IDENTITY)
            .into_iter()
            .map(|(rule, _)| rule)
            .collect();
        assert!(
            rules.contains(&TypeRule::PrincipalRequired),
            "{policy_type}: {rules:?}"
        );
    }
    assert_eq!(
        broken(PolicyType::Resource, IDENTITY),
        [(TypeRule::PrincipalRequired, "Statement[0]".to_owned())]
    );
}

/// *RCP syntax*: "The effect of `Allow` is only supported for the `RCPFullAWSAccess` policy"; the
/// `Principal` must be `"*"`; `NotPrincipal` and `NotAction` are not supported; "Every RCP must include
/// a `Version` element with the value `"2012-10-17"`".
#[test]
fn rcp_rules() {
    let rcp = PolicyType::ResourceControl;
    let allow = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*",
      "Action": "ecr:BatchGetImage", "Resource": "*"}}"#;
    assert_eq!(
        broken(rcp, allow),
        [(TypeRule::AllowNotSupported, "Statement.Effect".to_owned())]
    );
    // RCPFullAWSAccess's own statement is the one Allow RCPs take.
    let full = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
      "Action": "*", "Resource": "*"}]}"#;
    assert_eq!(broken(rcp, full), []);
    let named = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny",
      "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:*", "Resource": "*"}}"#;
    assert_eq!(
        broken(rcp, named),
        [(
            TypeRule::PrincipalMustBeStar,
            "Statement.Principal".to_owned()
        )]
    );
    let not_principal = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny",
      "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "ecr:*", "Resource": "*"}}"#;
    assert_eq!(
        broken(rcp, not_principal),
        [(
            TypeRule::NotPrincipalNotSupported,
            "Statement.NotPrincipal".to_owned()
        )]
    );
    let not_action = r#"{"Statement": {"Effect": "Deny", "Principal": "*",
      "NotAction": "ecr:BatchGetImage", "Resource": "*"}}"#;
    assert_eq!(
        broken(rcp, not_action),
        [
            (TypeRule::VersionRequired, "$".to_owned()),
            (
                TypeRule::NotActionNotSupported,
                "Statement.NotAction".to_owned()
            ),
        ]
    );
    let old = r#"{"Version": "2008-10-17", "Statement": {"Effect": "Deny", "Principal": "*",
      "Action": "ecr:*", "Resource": "*"}}"#;
    assert_eq!(
        broken(rcp, old),
        [(TypeRule::VersionRequired, "Version".to_owned())]
    );
    let error = rcp.validate(&doc(allow)).unwrap_err();
    assert_eq!(error.policy_type, rcp);
    assert_eq!(error.violations.len(), 1);
}

/// "`NotPrincipal` must be used with `"Effect":"Deny"`. Using it with `"Effect":"Allow"` is not
/// supported" (*IAM JSON policy elements: NotPrincipal*); with `Deny` it is supported "in
/// resource-based policies for some AWS services, including VPC endpoints".
#[test]
fn not_principal_only_with_deny() {
    let allow = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
      "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:*"}}"#;
    let deny = allow.replace("Allow", "Deny");
    for policy_type in [PolicyType::Resource, PolicyType::VpcEndpoint] {
        assert_eq!(
            broken(policy_type, allow),
            [(
                TypeRule::NotPrincipalWithAllow,
                "Statement.NotPrincipal".to_owned()
            )]
        );
    }
    assert_eq!(broken(PolicyType::Resource, &deny), []);
}

/// "Statements must include either a `Resource` or a `NotResource` element" (*IAM JSON policy
/// elements: Resource*), for identity-style policies; an ECR repository policy implies its
/// repository.
#[test]
fn identity_style_statements_need_a_resource() {
    let no_resource = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*"},
      {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "NotResource": "arn:aws:s3:::b"}]}"#;
    for policy_type in [
        PolicyType::Identity,
        PolicyType::PermissionsBoundary,
        PolicyType::Session,
    ] {
        assert_eq!(
            broken(policy_type, no_resource),
            [(TypeRule::ResourceRequired, "Statement[0]".to_owned())]
        );
    }
}

/// The size limits: "Maximum size of a policy document: Service control policies: 5,120 characters"
/// (*Quotas for AWS Organizations*); "The plaintext that you use for both inline and managed session
/// policies can't exceed 2,048 characters" (AWS STS, *AssumeRole*). A document over the limit written
/// without white space is over it however it is written.
#[test]
fn size_limits_per_type() {
    // One statement of ~100 characters, repeated: 30 statements are about 3,000 characters.
    let statement = r#"{"Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/r"}"#;
    let many = format!(
        r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
        vec![statement; 30].join(",")
    );
    let compact = doc(&many).to_json().chars().count();
    assert!(compact > 2_048 && compact < 5_120, "{compact}");
    assert_eq!(
        broken(PolicyType::Session, &many),
        [
            (TypeRule::PolicyTooLarge, "$".to_owned()),
            (TypeRule::NoAllowStatement, "Statement".to_owned())
        ]
    );
    assert_eq!(broken(PolicyType::ServiceControl, &many), []);
    assert_eq!(broken(PolicyType::Identity, &many), []);
    let more = format!(
        r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
        vec![statement; 60].join(",")
    );
    assert_eq!(
        broken(PolicyType::ServiceControl, &more),
        [(TypeRule::PolicyTooLarge, "$".to_owned())]
    );
    assert_eq!(PolicyType::VpcEndpoint.max_chars(), 20_480);
}

/// A boundary "does not grant permissions on its own" and a session policy "cannot grant more" than
/// the identity policy (IAM User Guide, *Permissions boundaries for IAM entities*; *Session
/// policies*): one without an `Allow` lets nothing through. AWS accepts it, so it is a warning.
#[test]
fn a_limit_without_allow_is_a_warning() {
    let deny_only = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "*"}]}"#;
    for policy_type in [PolicyType::PermissionsBoundary, PolicyType::Session] {
        let warnings = policy_type.validate(&doc(deny_only)).unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].rule, TypeRule::NoAllowStatement);
        assert!(!TypeRule::NoAllowStatement.is_refused());
    }
    // An SCP that only denies is attached beside FullAWSAccess: no warning.
    assert_eq!(broken(PolicyType::ServiceControl, deny_only), []);
}

#[test]
fn codes_are_stable_kebab_case_and_unique() {
    let codes: Vec<&str> = TypeRule::ALL.iter().map(|r| r.as_str()).collect();
    let mut unique = codes.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
    assert!(
        codes
            .iter()
            .all(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'))
    );
    for policy_type in PolicyType::ALL {
        assert_eq!(
            policy_type.as_str().parse::<PolicyType>().unwrap(),
            policy_type
        );
    }
    assert!("SCP".parse::<PolicyType>().is_err());
}

/// The inference: resource-style or identity-style from `Principal`; RCP when every statement denies
/// `"*"`; endpoint when every statement allows `"*"` with a `Resource`.
#[test]
fn inference_from_content() {
    let cases = [
        (IDENTITY, PolicyType::Identity),
        (FULL_AWS_ACCESS, PolicyType::Identity),
        (REPOSITORY, PolicyType::Resource),
        (RCP, PolicyType::ResourceControl),
        (DEFAULT_ENDPOINT, PolicyType::VpcEndpoint),
        (
            r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}"#,
            PolicyType::Resource,
        ),
    ];
    for (json, expected) in cases {
        let inference = PolicyType::infer(&doc(json));
        assert_eq!(inference.policy_type, expected, "{json}");
        assert!(!inference.reason.is_empty());
        // What is inferred is a type the document is valid as.
        assert_eq!(broken(expected, json), [], "{json}");
    }
}

/// `lint_as` judges grants only where a policy grants: `FullAWSAccess` ("Allow" of `*` on `*`) is the
/// SCP AWS attaches by default (AWS Organizations User Guide, *SCP evaluation*) and the default
/// endpoint policy "allows full access" (AWS PrivateLink Guide), so neither is reported as a broad
/// grant there, while the same document as an identity policy is; an RCP without `Version` is
/// refused ("Every RCP must include a `Version` element"), an error rather than a suggestion.
#[test]
fn lint_as_fits_the_checks_to_the_type() {
    use ecr_actions::lint::{LintCode, Severity, lint, lint_as};
    let codes = |json: &str, policy_type| -> Vec<LintCode> {
        lint_as(&doc(json), policy_type)
            .into_iter()
            .map(|f| f.code)
            .collect()
    };
    assert_eq!(
        codes(FULL_AWS_ACCESS, PolicyType::Identity),
        [LintCode::AllowAllEcrOnAllResources]
    );
    for policy_type in [
        PolicyType::ServiceControl,
        PolicyType::PermissionsBoundary,
        PolicyType::Session,
    ] {
        assert_eq!(codes(FULL_AWS_ACCESS, policy_type), [], "{policy_type}");
    }
    assert_eq!(
        codes(DEFAULT_ENDPOINT, PolicyType::VpcEndpoint),
        [LintCode::MissingVersion]
    );
    let unversioned_rcp = r#"{"Statement": {"Effect": "Deny", "Principal": "*", "Action": "ecr:*", "Resource": "*"}}"#;
    let findings = lint_as(&doc(unversioned_rcp), PolicyType::ResourceControl);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].code, LintCode::Type(TypeRule::VersionRequired));
    assert_eq!(findings[0].severity, Severity::Error);
    assert_eq!(findings[0].code.as_str(), "version-required");
    // Without a type, `lint` is unchanged.
    assert_eq!(
        lint(&doc(unversioned_rcp))
            .into_iter()
            .map(|f| f.code)
            .collect::<Vec<_>>(),
        [LintCode::MissingVersion]
    );
    // Every type rule is a lint code of the rule's own spelling, and warnings stay warnings.
    for rule in TypeRule::ALL {
        let code = LintCode::Type(rule);
        assert_eq!(code.as_str(), rule.as_str());
        assert_eq!(code.severity() == Severity::Error, rule.is_refused());
    }
}
