//! What the rest of the IAM decision chain costs a decision: `Evaluator::evaluate` on a realistic
//! identity and repository policy (`fixtures/policy_set.rs`), without and with two SCP levels, an
//! RCP level and a permissions boundary added (`fixtures/layers.rs`), over the same requests —
//! which both evaluators decide alike (checked before timing). Issue 11's target: the layered
//! decision costs at most twice the plain one, and allocates nothing either way (that part is
//! `tests/tests/eval_alloc.rs`).
//!
//! `cargo bench -p ecr-actions --bench eval --all-features -- --warm-up-time 1 --measurement-time 3`.
//! The Cedar comparison (`bench/cedar-compare`) times the same layers on its own policy set.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    reason = "a benchmark fails by panicking"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, RepositoryArn};

#[path = "fixtures/layers.rs"]
mod layers;
#[path = "fixtures/policy_set.rs"]
mod policy_set;

fn document(json: &str) -> PolicyDocument {
    PolicyDocument::from_json(json).expect("a fixture parses")
}

fn evaluators() -> (Evaluator, Evaluator) {
    let identity = [document(policy_set::IDENTITY)];
    let repository = document(policy_set::REPOSITORY);
    let plain = Evaluator::new(&identity, Some(&repository)).expect("the fixtures compile");
    let (root, ou) = ([document(layers::SCP_ROOT)], [document(layers::SCP_OU)]);
    let rcp = [document(layers::RCP_ACCOUNT)];
    let boundary = document(layers::BOUNDARY);
    let layered = Evaluator::builder()
        .identity(&identity)
        .resource_policy(&repository)
        .scp_level(&root)
        .scp_level(&ou)
        .rcp_level(&rcp)
        .permissions_boundary(&boundary)
        .build()
        .expect("the fixtures compile");
    (plain, layered)
}

fn main() {
    let (plain, layered) = evaluators();
    let web: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/web/api"
        .parse()
        .expect("an ARN");
    let shared: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/shared/base"
        .parse()
        .expect("an ARN");
    let alice = "arn:aws:iam::111122223333:user/alice";
    let bob = "arn:aws:iam::444455556666:user/bob";
    let ci = "arn:aws:sts::111122223333:assumed-role/ci-builder/build-42";
    let office = Context::new()
        .with("aws:SourceIp", "203.0.113.7")
        .with("aws:SecureTransport", "true")
        .with("aws:CurrentTime", "2026-06-01T12:00:00Z")
        .with("aws:username", "alice")
        .with("aws:PrincipalTag/team", "web")
        .with("aws:ViaAWSService", "false")
        .with("aws:RequestedRegion", "us-east-1");
    let home = office.clone().with("aws:SourceIp", "198.51.100.9");
    let partner = Context::new().with("aws:SourceIp", "203.0.113.20");
    let ci_context = office
        .clone()
        .with(
            "aws:PrincipalArn",
            "arn:aws:iam::111122223333:role/ci-builder",
        )
        .with("aws:MultiFactorAuthAge", "120");
    let repository = |arn| Resource::Repository(arn);
    let requests = [
        Request::new(alice, Action::BatchGetImage, repository(&web), &office),
        Request::new(alice, Action::PutImage, repository(&web), &office),
        Request::new(alice, Action::PutImage, repository(&shared), &office),
        Request::new(alice, Action::PutImage, repository(&web), &home),
        Request::new(alice, Action::GetAuthorizationToken, Resource::Any, &office),
        Request::new(alice, Action::DeleteRepository, repository(&web), &office),
        Request::new(bob, Action::BatchGetImage, repository(&web), &partner),
        Request::new(bob, Action::PutImage, repository(&web), &partner),
        Request::new(ci, Action::PutImage, repository(&shared), &ci_context),
        Request::new(
            ci,
            Action::SetRepositoryPolicy,
            repository(&web),
            &ci_context,
        ),
    ];
    let mut shares = [0_usize; 3];
    for request in &requests {
        let decision = plain.evaluate(request);
        assert_eq!(layered.evaluate(request), decision, "{request:?}");
        let share = match decision {
            Decision::Allow => &mut shares[0],
            Decision::ExplicitDeny => &mut shares[1],
            Decision::ImplicitDeny => &mut shares[2],
        };
        *share += 1;
    }
    // Every decision is timed, not only the cheapest.
    assert!(shares.iter().all(|n| *n > 0), "{shares:?}");

    let pass = |evaluator: &Evaluator| {
        requests
            .iter()
            .filter(|request| evaluator.evaluate(request) == Decision::Allow)
            .count()
    };
    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group(format!("decide {} requests", requests.len()));
    group.throughput(Throughput::Elements(requests.len() as u64));
    group.bench_function("identity + repository", |b| {
        b.iter(|| pass(black_box(&plain)));
    });
    group.bench_function("+ 2 SCP levels, RCP, boundary", |b| {
        b.iter(|| pass(black_box(&layered)));
    });
    group.finish();
    criterion.final_summary();
}
