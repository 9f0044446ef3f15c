//! The policy checks on two 20-statement identity policies (login, pull with organization and IP
//! conditions, CI push with tag and transport conditions, lifecycle administration, tagging, for
//! four teams): `no_new_access` when NEW tightens OLD (PASS: every statement proven covered), when
//! NEW adds `ecr:DeleteRepository` (FAIL: the witness search and the evaluator run), reading both
//! into `Grants` and checking; `access_not_granted`; `no_public_access` on a 20-statement repository
//! policy; `no_new_access_set` on a policy set (identity, SCP, boundary, session). The target: well
//! under 10 ms per check.
//!
//! `cargo bench -p ecr-actions --features policy --bench check`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark fails by panicking"
)]

use std::hint::black_box;

use criterion::Criterion;
use ecr_actions::check::{self, Grants, PolicySet, Verdict};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{ActionPattern, ArnPattern};

/// Twenty statements, five kinds for four teams; `narrow` tightens resources, actions and networks.
fn policy(narrow: bool, delete: bool) -> String {
    let teams = ["payments", "ledger", "search", "web"];
    let mut statements = Vec::new();
    for (i, team) in teams.iter().enumerate() {
        let repositories = if narrow {
            format!("arn:aws:ecr:us-east-1:111122223333:repository/{team}/app-?/*")
        } else {
            format!("arn:aws:ecr:*:111122223333:repository/{team}/*")
        };
        let network = if narrow {
            "203.0.113.128/25"
        } else {
            "203.0.113.0/24"
        };
        let extra = if delete && i == 2 {
            r#","ecr:DeleteRepository""#
        } else {
            ""
        };
        statements.push(format!(
            r#"{{"Sid":"Login{i}","Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}}"#
        ));
        statements.push(format!(
            r#"{{"Sid":"Pull{i}","Effect":"Allow","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:BatchCheckLayerAvailability","ecr:DescribeImages","ecr:ListImages"],"Resource":["{repositories}","arn:aws:ecr:us-east-1:444455556666:repository/shared/base"],"Condition":{{"StringEquals":{{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}},"IpAddress":{{"aws:SourceIp":["{network}","198.51.100.0/24"]}}}}}}"#
        ));
        statements.push(format!(
            r#"{{"Sid":"Push{i}","Effect":"Allow","Action":["ecr:InitiateLayerUpload","ecr:UploadLayerPart","ecr:CompleteLayerUpload","ecr:PutImage","ecr:BatchCheckLayerAvailability"{extra}],"Resource":"{repositories}","Condition":{{"StringEquals":{{"aws:ResourceTag/team":"{team}"}},"ArnLike":{{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/ci-*"}},"Bool":{{"aws:SecureTransport":"true"}}}}}}"#
        ));
        statements.push(format!(
            r#"{{"Sid":"Lifecycle{i}","Effect":"Allow","Action":["ecr:GetLifecyclePolicy","ecr:PutLifecyclePolicy","ecr:DeleteLifecyclePolicy","ecr:StartLifecyclePolicyPreview","ecr:GetLifecyclePolicyPreview","ecr:Describe*"],"Resource":["{repositories}","arn:aws:ecr:*:111122223333:repository/{team}"]}}"#
        ));
        statements.push(format!(
            r#"{{"Sid":"Tagging{i}","Effect":"Allow","Action":["ecr:TagResource","ecr:UntagResource","ecr:ListTagsForResource"],"Resource":"{repositories}","Condition":{{"ForAllValues:StringEquals":{{"aws:TagKeys":["team","cost-center"]}},"StringEquals":{{"aws:RequestTag/team":"${{aws:PrincipalTag/team}}"}}}}}}"#
        ));
    }
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        statements.join(",")
    )
}

/// A repository policy of 20 statements: named accounts and roles, organization-restricted `*`, one
/// public statement.
fn repository_policy() -> String {
    let mut statements = Vec::new();
    for i in 0..19 {
        statements.push(match i % 3 {
            0 => format!(
                r#"{{"Sid":"Account{i}","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::4444555566{i:02}:root"}},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}}"#
            ),
            1 => format!(
                r#"{{"Sid":"Role{i}","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::111122223333:role/ci-{i}"}},"Action":["ecr:PutImage","ecr:InitiateLayerUpload"]}}"#
            ),
            _ => format!(
                r#"{{"Sid":"Org{i}","Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage","Condition":{{"StringEquals":{{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}}}}"#
            ),
        });
    }
    statements.push(
        r#"{"Sid":"Public","Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage"}"#
            .to_owned(),
    );
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        statements.join(",")
    )
}

fn grants(text: &str) -> Grants {
    Grants::new(&PolicyDocument::from_json(text).unwrap()).unwrap()
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let (old_text, tight_text, wide_text) = (
        policy(false, false),
        policy(true, false),
        policy(false, true),
    );
    let (old, tight, wide) = (grants(&old_text), grants(&tight_text), grants(&wide_text));
    assert_eq!(old.statements().len(), 20);
    assert_eq!(check::no_new_access(&old, &tight).verdict, Verdict::Pass);
    assert_eq!(check::no_new_access(&old, &wide).verdict, Verdict::Fail);
    let delete = [ActionPattern::new("ecr:Delete*").unwrap()];
    let elsewhere = [ArnPattern::new("arn:aws:ecr:*:111122223333:repository/infra/*").unwrap()];
    assert_eq!(
        check::access_not_granted(&old, &delete, &elsewhere).verdict,
        Verdict::Pass
    );
    let repository = grants(&repository_policy());
    assert_eq!(check::no_public_access(&repository).verdict, Verdict::Fail);

    let mut group = c.benchmark_group("checks, 20-statement policies");
    group.bench_function("no_new_access PASS (tightened)", |b| {
        b.iter(|| check::no_new_access(black_box(&old), black_box(&tight)).verdict)
    });
    group.bench_function(
        "no_new_access FAIL (DeleteRepository added, witness)",
        |b| b.iter(|| check::no_new_access(black_box(&old), black_box(&wide)).verdict),
    );
    group.bench_function("from_json + Grants::new x2 + no_new_access PASS", |b| {
        b.iter(|| {
            let (old, new) = (grants(black_box(&old_text)), grants(black_box(&tight_text)));
            check::no_new_access(&old, &new).verdict
        })
    });
    group.bench_function("access_not_granted PASS", |b| {
        b.iter(|| check::access_not_granted(black_box(&old), &delete, &elsewhere).verdict)
    });
    group.bench_function("no_public_access FAIL (repository policy, witness)", |b| {
        b.iter(|| check::no_public_access(black_box(&repository)).verdict)
    });
    // A policy set: the identity policy within a root SCP (allow all, deny two regions), a
    // boundary and a session policy; NEW tightens the identity policy.
    let doc = |text: &str| PolicyDocument::from_json(text).unwrap();
    let scp = [doc(r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "*", "Resource": "*",
         "Condition": {"StringEquals": {"aws:RequestedRegion": ["ap-east-1", "me-south-1"]}}}]}"#)];
    let boundary = doc(r#"{"Version": "2012-10-17", "Statement":
        {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#);
    let session = [doc(r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:*", "Resource": "arn:aws:ecr:*:111122223333:repository/*"},
        {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}]}"#)];
    let set = |identity: &[PolicyDocument]| {
        PolicySet::builder()
            .identity(identity)
            .scp_level(&scp)
            .permissions_boundary(&boundary)
            .session_policies(&session)
            .build()
            .unwrap()
    };
    let (old_identity, tight_identity) = ([doc(&old_text)], [doc(&tight_text)]);
    let (old_set, tight_set) = (set(&old_identity), set(&tight_identity));
    assert_eq!(
        check::no_new_access_set(&old_set, &tight_set).verdict,
        Verdict::Pass
    );
    group.bench_function(
        "no_new_access_set PASS (identity tightened; SCP, boundary, session)",
        |b| b.iter(|| check::no_new_access_set(black_box(&old_set), black_box(&tight_set)).verdict),
    );
    group.finish();
    c.final_summary();
}
