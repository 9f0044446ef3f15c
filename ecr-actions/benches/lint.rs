//! The linter: `PolicyDocument::from_json` and `lint` of a realistic 20-statement ECR policy (login,
//! pull, CI push with tag and transport conditions, lifecycle administration, tagging, a few mistakes
//! so that findings are built too), then each step alone.
//!
//! `cargo bench -p ecr-actions --features policy --bench lint`; it ends by printing the time per policy.

#![allow(clippy::unwrap_used, reason = "a benchmark fails by panicking")]

use std::hint::black_box;
use std::time::Instant;

use criterion::Criterion;
use ecr_actions::lint::lint;
use ecr_actions::policy::PolicyDocument;

/// Twenty statements: five kinds written for four teams, with a typo, a wildcard under
/// `StringEquals` and a single-valued key under `ForAllValues:` in each team's statements.
fn policy() -> String {
    let teams = ["payments", "ledger", "search", "web"];
    let mut statements = Vec::new();
    for (i, team) in teams.iter().enumerate() {
        let repositories = format!("arn:aws:ecr:*:111122223333:repository/{team}/*");
        statements.push(format!(
            r#"{{"Sid":"Login{i}","Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}}"#
        ));
        statements.push(format!(
            r#"{{"Sid":"Pull{i}","Effect":"Allow","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:BatchCheckLayerAvailability","ecr:DescribeImages","ecr:ListImages"],"Resource":["{repositories}","arn:aws:ecr:us-east-1:444455556666:repository/shared/base"],"Condition":{{"StringEquals":{{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}},"IpAddress":{{"aws:SourceIp":["203.0.113.0/24","198.51.100.0/24"]}}}}}}"#
        ));
        statements.push(format!(
            r#"{{"Sid":"Push{i}","Effect":"Allow","Action":["ecr:InitiateLayerUpload","ecr:UploadLayerPart","ecr:CompleteLayerUpload","ecr:PutImage","ecr:BatchCheckLayerAvailability","ecr:PutImages"],"Resource":"{repositories}","Condition":{{"StringEquals":{{"aws:ResourceTag/team":"{team}","aws:PrincipalArn":"arn:aws:iam::111122223333:role/ci-*"}},"Bool":{{"aws:SecureTransport":"true"}}}}}}"#
        ));
        statements.push(format!(
            r#"{{"Sid":"Lifecycle{i}","Effect":"Allow","Action":["ecr:GetLifecyclePolicy","ecr:PutLifecyclePolicy","ecr:DeleteLifecyclePolicy","ecr:StartLifecyclePolicyPreview","ecr:GetLifecyclePolicyPreview","ecr:Describe*"],"Resource":["{repositories}","arn:aws:ecr:*:111122223333:repository"]}}"#
        ));
        statements.push(format!(
            r#"{{"Sid":"Tagging{i}","Effect":"Allow","Action":["ecr:TagResource","ecr:UntagResource","ecr:ListTagsForResource"],"Resource":"{repositories}","Condition":{{"ForAllValues:StringEquals":{{"aws:TagKeys":["team","cost-center"],"ecr:ResourceTag/team":"{team}"}},"StringEquals":{{"aws:RequestTag/team":"${{aws:PrincipalTag/team}}"}}}}}}"#
        ));
    }
    format!(
        r#"{{"Version":"2012-10-17","Id":"ecr-teams","Statement":[{}]}}"#,
        statements.join(",")
    )
}

/// The policy with its typos mended: what a correct policy costs, without the edit-distance search
/// for the nearest names.
fn mended() -> String {
    policy().replace(r#","ecr:PutImages""#, "")
}

fn parse_and_lint(text: &str) -> usize {
    lint(&PolicyDocument::from_json(text).unwrap()).len()
}

fn bench(c: &mut Criterion) {
    let text = policy();
    let document = PolicyDocument::from_json(&text).unwrap();
    assert_eq!(document.statements.len(), 20);
    // A typo, a wildcard and a qualifier per team.
    assert_eq!(parse_and_lint(&text), 12, "{:#?}", lint(&document));

    let mut group = c.benchmark_group(format!("20-statement policy, {} bytes", text.len()));
    group.bench_function("from_json + lint", |b| {
        b.iter(|| parse_and_lint(black_box(&text)))
    });
    group.bench_function("from_json", |b| {
        b.iter(|| PolicyDocument::from_json(black_box(&text)).unwrap())
    });
    group.bench_function("lint", |b| b.iter(|| lint(black_box(&document)).len()));
    let mended = mended();
    assert_eq!(parse_and_lint(&mended), 8);
    group.bench_function("from_json + lint, typos mended", |b| {
        b.iter(|| parse_and_lint(black_box(&mended)))
    });
    group.finish();
}

/// Nanoseconds per run: the median of 11 runs of 2,000 (a median, not a best-of-N minimum, as every
/// figure the README quotes).
fn ns_per_run(mut run: impl FnMut() -> usize) -> f64 {
    let mut runs: Vec<f64> = (0..11)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..2_000 {
                black_box(run());
            }
            start.elapsed().as_secs_f64() * 1e9 / 2_000.0
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    *runs.get(runs.len() / 2).unwrap()
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();

    let text = policy();
    let document = PolicyDocument::from_json(&text).unwrap();
    let both = ns_per_run(|| parse_and_lint(black_box(&text)));
    let parse = ns_per_run(|| {
        PolicyDocument::from_json(black_box(&text))
            .unwrap()
            .statements
            .len()
    });
    let alone = ns_per_run(|| lint(black_box(&document)).len());
    let mended = mended();
    let clean = ns_per_run(|| parse_and_lint(black_box(&mended)));
    println!(
        "20-statement policy ({} bytes): from_json + lint {both:.0} ns, from_json {parse:.0} ns, \
         lint {alone:.0} ns; typos mended: from_json + lint {clean:.0} ns",
        text.len()
    );
}
