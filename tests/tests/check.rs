//! The policy checks on cases the IAM User Guide decides, one rule each; every witness is decided
//! again by the evaluator.

use ecr_actions::check::{
    self, CallerIdentity, CheckResult, Evidence, Finding, Grants, PolicyKind, Verdict, Witness,
};
use ecr_actions::eval::Evaluator;
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, ActionPattern, ArnPattern};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn document(statements: &str) -> Result<PolicyDocument> {
    Ok(PolicyDocument::from_json(&format!(
        r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#
    ))?)
}

fn grants(statements: &str) -> Result<Grants> {
    Ok(Grants::new(&document(statements)?)?)
}

fn allow_all() -> Result<PolicyDocument> {
    document(r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#)
}

/// Whether the evaluator allows the witness under `statements` (a policy of `kind`).
fn allows(statements: &str, kind: PolicyKind, w: &Witness) -> Result<bool> {
    let policy = document(statements)?;
    let evaluator = match (kind, w.identity) {
        (PolicyKind::Identity, _) => Evaluator::new(&[policy], None)?,
        (PolicyKind::Repository, CallerIdentity::AllowsEverything) => {
            Evaluator::new(&[allow_all()?], Some(&policy))?
        }
        (PolicyKind::Repository, _) => Evaluator::new(&[], Some(&policy))?,
    };
    Ok(evaluator.evaluate(&w.request()).is_allowed())
}

fn witness(result: &CheckResult) -> Option<&Witness> {
    result.reasons.iter().find_map(|r| match &r.evidence {
        Evidence::Witness(w) => Some(w),
        _ => None,
    })
}

/// `no_new_access(old, new)`; a FAIL's witness must be allowed by NEW and not by OLD.
fn new_access(old: &str, new: &str) -> Result<CheckResult> {
    let (o, n) = (grants(old)?, grants(new)?);
    let result = check::no_new_access(&o, &n);
    if let Some(w) = witness(&result) {
        assert!(allows(new, n.kind(), w)?, "NEW does not allow {w}");
        assert!(!allows(old, o.kind(), w)?, "OLD allows {w}");
    }
    Ok(result)
}

const PULL_ALL: &str = r#"{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
    "Resource": "arn:aws:ecr:*:*:repository/*"}"#;

/// "Using wildcards in resource ARNs": "`*` and `?` within the individual segments of an ARN": a
/// narrower region (`us-east-1` ⊆ `us-east-?`) and path pass; the other way fails, with a witness.
#[test]
fn arn_segments() -> Result {
    let narrow = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage",
        "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"}"#;
    let region = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage",
        "Resource": "arn:aws:ecr:us-east-?:111122223333:repository/app/*"}"#;
    assert_eq!(new_access(region, narrow)?.verdict, Verdict::Pass);
    assert_eq!(new_access(PULL_ALL, narrow)?.verdict, Verdict::Pass);
    let wider = new_access(narrow, region)?;
    assert_eq!(wider.verdict, Verdict::Fail);
    let w = witness(&wider).ok_or("a witness")?;
    assert!(
        w.resource
            .as_ref()
            .is_some_and(|r| r.region() != "us-east-1")
    );
    Ok(())
}

/// "IAM JSON policy elements: NotResource" and "NotAction": an allow with `NotResource` covers
/// every resource but those named; `NotAction` every action but those named, other services'
/// included.
#[test]
fn not_resource_and_not_action() -> Result {
    let old = r#"{"Effect": "Allow", "NotAction": "ecr:Delete*",
        "NotResource": "arn:aws:ecr:*:111122223333:repository/prod/*"}"#;
    let new = r#"{"Effect": "Allow", "Action": ["ecr:PutImage", "s3:GetObject"],
        "Resource": "arn:aws:ecr:*:111122223333:repository/app/*"}"#;
    assert_eq!(new_access(old, new)?.verdict, Verdict::Pass);
    let prod = r#"{"Effect": "Allow", "Action": "ecr:PutImage",
        "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/prod/api"}"#;
    assert_eq!(new_access(old, prod)?.verdict, Verdict::Fail);
    let delete = r#"{"Effect": "Allow", "Action": "ecr:DeleteRepository", "Resource": "*"}"#;
    assert_eq!(new_access(old, delete)?.verdict, Verdict::Fail);
    Ok(())
}

/// Other services' actions are granted too: adding `s3:GetObject` is new access, proven without
/// the evaluator (which knows only ECR) because OLD names no such action.
#[test]
fn other_services() -> Result {
    let old = r#"{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}"#;
    let new = r#"{"Effect": "Allow", "Action": ["ecr:*", "s3:GetObject"], "Resource": "*"}"#;
    let result = new_access(old, new)?;
    assert_eq!(result.verdict, Verdict::Fail);
    assert!(result.reasons.iter().any(|r| r.evidence
        == Evidence::OtherService {
            action: "s3:GetObject".to_owned()
        }));
    let star = r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#;
    assert_eq!(new_access(star, new)?.verdict, Verdict::Pass);
    assert_ne!(new_access(new, star)?.verdict, Verdict::Pass);
    Ok(())
}

/// "Policy evaluation logic": "an explicit deny in any of these policies overrides the allow". A
/// Deny in NEW subtracts from its Allow; a Deny OLD had and NEW drops is new access.
#[test]
fn denies() -> Result {
    let new = r#"{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:DeleteRepository"], "Resource": "*"},
        {"Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "*"}"#;
    let old = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#;
    assert_eq!(new_access(old, new)?.verdict, Verdict::Pass);
    let guarded = r#"{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "*",
         "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}"#;
    let open = r#"{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}"#;
    let result = new_access(guarded, open)?;
    assert_eq!(result.verdict, Verdict::Fail);
    assert!(matches!(
        result.reasons[0].finding,
        Finding::DenyRemoved { .. }
    ));
    assert_eq!(new_access(open, guarded)?.verdict, Verdict::Pass);
    Ok(())
}

/// "IP address condition operators", "Numeric condition operators", "Date condition operators",
/// "String condition operators": a narrower range or value set implies the wider one.
#[test]
fn condition_ranges() -> Result {
    let with = |condition: &str| {
        format!(
            r#"{{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {condition}}}"#
        )
    };
    let cases = [
        (
            r#"{"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}"#,
            r#"{"IpAddress": {"aws:SourceIp": ["10.1.0.0/16", "10.2.3.4"]}}"#,
        ),
        (
            r#"{"NumericLessThan": {"aws:MultiFactorAuthAge": "7200"}}"#,
            r#"{"NumericLessThanEquals": {"aws:MultiFactorAuthAge": "3600"}}"#,
        ),
        (
            r#"{"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}"#,
            r#"{"DateLessThan": {"aws:CurrentTime": "2026-06-01"}}"#,
        ),
        (
            r#"{"StringLike": {"aws:PrincipalTag/team": "web-*"}}"#,
            r#"{"StringEquals": {"aws:PrincipalTag/team": ["web-a", "web-b"]}}"#,
        ),
        (
            r#"{"StringNotEquals": {"aws:PrincipalTag/team": "ops"}}"#,
            r#"{"StringNotLike": {"aws:PrincipalTag/team": "o*"}}"#,
        ),
        (
            r#"{"Bool": {"aws:SecureTransport": "true"}}"#,
            r#"{"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:PrincipalTag/team": "web"}}"#,
        ),
    ];
    for (wide, narrow) in cases {
        let (wide, narrow) = (with(wide), with(narrow));
        assert_eq!(
            new_access(&wide, &narrow)?.verdict,
            Verdict::Pass,
            "{narrow} ⊆ {wide}"
        );
        let back = new_access(&narrow, &wide)?;
        assert_ne!(back.verdict, Verdict::Pass, "{wide} ⊄ {narrow}");
    }
    Ok(())
}

/// Conditions that do not relate are never a PASS: "FAIL (could not prove)" when no witness is
/// found (here: the same values up to case under `StringEqualsIgnoreCase`, compared by text).
#[test]
fn unrelated_conditions_are_not_proven() -> Result {
    let with = |value: &str| {
        format!(
            r#"{{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*",
            "Condition": {{"StringEqualsIgnoreCase": {{"aws:PrincipalTag/team": "{value}"}}}}}}"#
        )
    };
    let result = new_access(&with("WEB"), &with("web"))?;
    assert_eq!(result.verdict, Verdict::Unproven);
    assert!(matches!(
        result.reasons[0].evidence,
        Evidence::CouldNotProve(_)
    ));
    Ok(())
}

/// "AWS JSON policy elements: Principal": naming an account in a resource policy delegates to the
/// account's identity policies; naming a role allows it without one. Replacing the account by one
/// of its roles is new access (the witness: the role, with no identity policy); the other way
/// round, the role still needs an identity policy: in its own account that is no new access, but
/// across accounts everyone of the account gains it.
#[test]
fn repository_principals() -> Result {
    let account = r#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ecr:BatchGetImage"}"#;
    let role = r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr:BatchGetImage"}"#;
    let result = new_access(account, role)?;
    assert_eq!(result.verdict, Verdict::Fail);
    let w = witness(&result).ok_or("a witness")?;
    assert_eq!(w.identity, CallerIdentity::NoPolicy);
    assert_ne!(new_access(role, account)?.verdict, Verdict::Pass);
    let everyone =
        r#"{"Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage", "ecr:PutImage"]}"#;
    assert_eq!(new_access(everyone, role)?.verdict, Verdict::Pass);
    assert_eq!(new_access(everyone, account)?.verdict, Verdict::Pass);
    // A Deny of OLD dropped: an identity policy that allows everything now gets through.
    let denied = format!(
        r#"{everyone}, {{"Effect": "Deny", "Principal": {{"AWS": "444455556666"}}, "Action": "ecr:PutImage"}}"#
    );
    let result = new_access(&denied, everyone)?;
    assert_eq!(result.verdict, Verdict::Fail);
    Ok(())
}

/// An identity policy and a repository policy grant in different ways: not compared.
#[test]
fn kinds_must_match() -> Result {
    let identity = grants(PULL_ALL)?;
    let repository =
        grants(r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}"#)?;
    let result = check::no_new_access(&identity, &repository);
    assert_eq!(result.verdict, Verdict::Unproven);
    assert!(matches!(
        result.reasons[0].finding,
        Finding::KindMismatch { .. }
    ));
    Ok(())
}

/// `access_not_granted`: FAIL names the statement and its witness is allowed; a Deny that covers
/// the statement makes it PASS.
#[test]
fn access_not_granted() -> Result {
    let policy = r#"{"Sid": "Pull", "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"},
        {"Sid": "Admin", "Effect": "Allow", "Action": "ecr:*", "Resource": "arn:aws:ecr:*:111122223333:repository/tmp/*"}"#;
    let g = grants(policy)?;
    let delete = [ActionPattern::new("ecr:DeleteRepository")?];
    let result = check::access_not_granted(&g, &delete, &[]);
    assert_eq!(result.verdict, Verdict::Fail);
    assert_eq!(result.reasons.len(), 1);
    assert_eq!(
        result.reasons[0]
            .statement
            .as_ref()
            .and_then(|s| s.sid.as_deref()),
        Some("Admin")
    );
    let w = witness(&result).ok_or("a witness")?;
    assert!(allows(policy, PolicyKind::Identity, w)?);
    assert_eq!(w.action, Action::DeleteRepository);
    let prod = [ArnPattern::new(
        "arn:aws:ecr:us-east-1:111122223333:repository/prod/api",
    )?];
    assert_eq!(
        check::access_not_granted(&g, &delete, &prod).verdict,
        Verdict::Pass
    );
    let denied =
        format!(r#"{policy}, {{"Effect": "Deny", "Action": "ecr:Delete*", "Resource": "*"}}"#);
    assert_eq!(
        check::access_not_granted(&grants(&denied)?, &delete, &[]).verdict,
        Verdict::Pass
    );
    let s3 = [ActionPattern::new("s3:GetObject")?];
    assert_eq!(
        check::access_not_granted(&g, &s3, &[]).verdict,
        Verdict::Pass
    );
    Ok(())
}

/// `no_public_access`: `*` and `NotPrincipal` Allows are public unless a condition restricts the
/// caller to a known set; `IfExists`, `ForAllValues:` and a wildcard value do not restrict.
#[test]
fn public_access() -> Result {
    let public = |statement: &str| -> Result<Verdict> {
        let g = grants(statement)?;
        let result = check::no_public_access(&g);
        if let Some(w) = witness(&result) {
            assert!(allows(statement, PolicyKind::Repository, w)?, "{w}");
        }
        Ok(result.verdict)
    };
    let open = |condition: &str| {
        format!(
            r#"{{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"{condition}}}"#
        )
    };
    assert_eq!(public(&open(""))?, Verdict::Fail);
    assert_eq!(
        public(&open(
            r#", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#
        ))?,
        Verdict::Pass
    );
    assert_eq!(
        public(&open(
            r#", "Condition": {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/*"}}"#
        ))?,
        Verdict::Pass
    );
    assert_eq!(
        public(&open(
            r#", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}"#
        ))?,
        Verdict::Pass
    );
    assert_eq!(
        public(&open(
            r#", "Condition": {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#
        ))?,
        Verdict::Fail
    );
    assert_eq!(
        public(&open(
            r#", "Condition": {"StringLike": {"aws:PrincipalOrgID": "*"}}"#
        ))?,
        Verdict::Fail
    );
    assert_eq!(
        public(&open(
            r#", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#
        ))?,
        Verdict::Fail
    );
    assert_eq!(
        public(
            r#"{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"}"#
        )?,
        Verdict::Fail
    );
    assert_eq!(
        public(
            r#"{"Effect": "Allow", "Principal": {"AWS": ["444455556666", "arn:aws:iam::111122223333:role/ci"]}, "Action": "ecr:*"}"#
        )?,
        Verdict::Pass
    );
    // A wildcard inside a principal ARN names no one in particular: public as written.
    let wild = document(
        r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root"}, "Action": "ecr:BatchGetImage"}"#,
    )?;
    let result = check::no_public_access_in(&wild)?;
    assert_eq!(result.verdict, Verdict::Fail);
    assert_eq!(result.reasons[0].evidence, Evidence::AsWritten);
    Ok(())
}

/// "IAM JSON policy elements: Version": without `"Version": "2012-10-17"`, "`${aws:username}`" is
/// literal text, not a variable; the same text under the two versions is not the same condition.
#[test]
fn variables_only_under_2012() -> Result {
    let statement = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*",
        "Condition": {"StringEquals": {"aws:PrincipalTag/owner": "${aws:username}"}}}"#;
    let old = Grants::new(&PolicyDocument::from_json(&format!(
        r#"{{"Statement": [{statement}]}}"#
    ))?)?;
    let new = grants(statement)?;
    assert_ne!(check::no_new_access(&old, &new).verdict, Verdict::Pass);
    assert_eq!(check::no_new_access(&new, &new).verdict, Verdict::Pass);
    Ok(())
}

/// `ArnEquals` reads wildcards as `ArnLike` does: a principal ARN with a wildcard account does not
/// restrict the caller.
#[test]
fn arn_equals_with_a_wildcard_account_is_public() -> Result {
    let g = grants(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage",
        "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::*:role/deployer"}}}"#,
    )?;
    assert_ne!(check::no_public_access(&g).verdict, Verdict::Pass);
    let named = grants(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage",
        "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/deploy-*"}}}"#,
    )?;
    assert_eq!(check::no_public_access(&named).verdict, Verdict::Pass);
    Ok(())
}

/// "Policy evaluation logic": an explicit deny overrides the allow — a statement open to `*` that a
/// Deny of the same policy covers grants nothing, so it is not public; another service's action
/// open to `*` without condition is public as written.
#[test]
fn public_access_and_denies() -> Result {
    let denied = grants(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"},
           {"Effect": "Deny", "Principal": "*", "Action": "ecr:*"}"#,
    )?;
    assert_eq!(check::no_public_access(&denied).verdict, Verdict::Pass);
    let s3 = grants(r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}"#)?;
    let result = check::no_public_access(&s3);
    assert_eq!(result.verdict, Verdict::Fail);
    assert_eq!(
        result.reasons[0].evidence,
        Evidence::OtherService {
            action: "s3:GetObject".to_owned()
        }
    );
    Ok(())
}
