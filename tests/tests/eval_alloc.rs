//! `Evaluator::evaluate` allocates nothing: a counting global allocator (its own test binary, so no
//! other test allocates meanwhile) watches a realistic policy set decide twenty requests many times.

use std::alloc::System;

use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, RepositoryArn};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

#[path = "../../ecr-actions/benches/fixtures/policy_set.rs"]
mod policy_set;
use policy_set::{IDENTITY, REPOSITORY};

#[path = "../../ecr-actions/benches/fixtures/layers.rs"]
mod layers;

#[test]
fn evaluate_allocates_nothing_after_warm_up() -> Result<(), Box<dyn std::error::Error>> {
    let identity = PolicyDocument::from_json(IDENTITY)?;
    let repository_policy = PolicyDocument::from_json(REPOSITORY)?;
    let evaluator = Evaluator::new(&[identity], Some(&repository_policy))?;
    allocates_nothing(&evaluator)
}

/// The same with two SCP levels, an RCP level and a permissions boundary (which let these requests
/// through as before): every layer is evaluated without allocating either.
#[test]
fn evaluate_allocates_nothing_with_every_layer() -> Result<(), Box<dyn std::error::Error>> {
    let document = PolicyDocument::from_json;
    let identity = [document(IDENTITY)?];
    let repository_policy = document(REPOSITORY)?;
    let (root, ou) = ([document(layers::SCP_ROOT)?], [document(layers::SCP_OU)?]);
    let rcp = [document(layers::RCP_ACCOUNT)?];
    let boundary = document(layers::BOUNDARY)?;
    let evaluator = Evaluator::builder()
        .identity(&identity)
        .resource_policy(&repository_policy)
        .scp_level(&root)
        .scp_level(&ou)
        .rcp_level(&rcp)
        .permissions_boundary(&boundary)
        .build()?;
    assert_eq!(evaluator.statement_count(), 12 + 1 + 3 + 1 + 2);
    allocates_nothing(&evaluator)
}

/// Twenty requests, decided as expected, then decided many times without an allocation.
fn allocates_nothing(evaluator: &Evaluator) -> Result<(), Box<dyn std::error::Error>> {
    let web: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/web/api".parse()?;
    let shared: RepositoryArn =
        "arn:aws:ecr:us-east-1:111122223333:repository/shared/base".parse()?;
    let alice = "arn:aws:iam::111122223333:user/alice";
    let bob = "arn:aws:iam::444455556666:user/bob";
    let ci = "arn:aws:sts::111122223333:assumed-role/ci-builder/build-42";

    let office = Context::new()
        .with("aws:SourceIp", "203.0.113.7")
        .with("aws:SecureTransport", "true")
        .with("aws:CurrentTime", "2026-06-01T12:00:00Z")
        .with("aws:username", "alice")
        .with("aws:PrincipalTag/team", "web")
        .with("aws:ViaAWSService", "false");
    let home = office.clone().with("aws:SourceIp", "198.51.100.9");
    let ipv6 = office.clone().with("aws:SourceIp", "2001:db8::42");
    let untagged = Context::new()
        .with("aws:SourceIp", "203.0.113.8")
        .with("aws:SecureTransport", "true")
        .with("aws:username", "carol");
    let tagging = office.clone().with("aws:TagKeys", ["env", "team"]);
    let bad_tags = office.clone().with("aws:TagKeys", ["env", "cost-center"]);
    let owned = office.clone().with("aws:ResourceTag/owner", "alice-team");
    let mfa = office.clone().with("aws:MultiFactorAuthPresent", "true");
    let partner = Context::new().with("aws:SourceIp", "203.0.113.20");
    let org = untagged.clone().with("aws:PrincipalOrgID", "o-a1b2c3d4e5");
    let ci_context = office
        .clone()
        .with(
            "aws:PrincipalArn",
            "arn:aws:iam::111122223333:role/ci-builder",
        )
        .with("aws:MultiFactorAuthAge", "120");

    let repository = |arn| Resource::Repository(arn);
    let requests = [
        (
            Request::new(alice, Action::BatchGetImage, repository(&web), &office),
            Decision::Allow,
        ),
        (
            Request::new(alice, Action::PutImage, repository(&web), &office),
            Decision::Allow,
        ),
        (
            Request::new(alice, Action::PutImage, repository(&shared), &office),
            Decision::ImplicitDeny,
        ),
        (
            Request::new(alice, Action::PutImage, repository(&shared), &untagged),
            Decision::Allow,
        ),
        (
            Request::new(alice, Action::PutImage, repository(&web), &home),
            Decision::ExplicitDeny,
        ),
        (
            Request::new(alice, Action::PutImage, repository(&web), &ipv6),
            Decision::Allow,
        ),
        (
            Request::new(alice, Action::GetAuthorizationToken, Resource::Any, &office),
            Decision::Allow,
        ),
        (
            Request::new(alice, Action::TagResource, repository(&web), &tagging),
            Decision::Allow,
        ),
        (
            Request::new(alice, Action::TagResource, repository(&web), &bad_tags),
            Decision::ImplicitDeny,
        ),
        (
            Request::new(alice, Action::TagResource, repository(&web), &office),
            Decision::ImplicitDeny,
        ),
        (
            Request::new(alice, Action::DeleteRepository, repository(&web), &owned),
            Decision::ExplicitDeny,
        ),
        (
            Request::new(alice, Action::DeleteRepository, repository(&web), &office),
            Decision::ExplicitDeny,
        ),
        (
            Request::new(alice, Action::StartImageScan, repository(&web), &owned),
            Decision::Allow,
        ),
        (
            Request::new(alice, Action::StartImageScan, repository(&web), &mfa),
            Decision::ImplicitDeny,
        ),
        (
            Request::new(bob, Action::BatchGetImage, repository(&web), &partner),
            Decision::Allow,
        ),
        (
            Request::new(bob, Action::PutImage, repository(&web), &partner),
            Decision::ImplicitDeny,
        ),
        (
            Request::new(bob, Action::DescribeImages, repository(&web), &org),
            Decision::Allow,
        ),
        (
            Request::new(ci, Action::PutImage, repository(&shared), &ci_context),
            Decision::Allow,
        ),
        (
            Request::new(
                ci,
                Action::SetRepositoryPolicy,
                repository(&web),
                &ci_context,
            ),
            Decision::ExplicitDeny,
        ),
        (
            Request::new(alice, Action::ListImages, repository(&shared), &untagged),
            Decision::Allow,
        ),
    ];

    // Warm-up: patterns with policy variables are compiled for the values these requests give them.
    for (request, expected) in &requests {
        assert_eq!(
            evaluator.evaluate(request),
            *expected,
            "{} {} {}",
            request.principal(),
            request.action(),
            request.resource().as_str()
        );
    }

    // The counter is global: the test harness's own thread may allocate while a region is open
    // (seen on a loaded machine: 4 allocations of the harness, none of ours). Each round does the
    // same warmed-up work, so an allocation of `evaluate` shows in every round; the quietest of
    // three rounds must be zero.
    let mut rounds = Vec::new();
    for _ in 0..3 {
        let region = Region::new(GLOBAL);
        let mut allowed = 0_usize;
        for _ in 0..200 {
            for (request, _) in &requests {
                allowed += usize::from(evaluator.evaluate(request) == Decision::Allow);
            }
        }
        let change = region.change();
        assert_eq!(allowed, 200 * 11);
        rounds.push(change);
    }
    assert!(
        rounds
            .iter()
            .any(|change| (change.allocations, change.reallocations) == (0, 0)),
        "evaluate allocated in every round: {rounds:?}"
    );

    // The counter does count: an explanation is built on the heap.
    let region = Region::new(GLOBAL);
    let evaluation = evaluator.evaluate_explained(&requests[0].0);
    assert!(region.change().allocations > 0);
    assert_eq!(evaluation.decision, Decision::Allow);
    Ok(())
}
