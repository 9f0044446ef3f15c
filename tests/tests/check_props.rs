//! Soundness of the policy checks (`ecr_actions::check`), against the evaluator.
//!
//! Random policy pairs (and single policies) are drawn from pools of actions, resources,
//! principals and conditions chosen so that statements overlap, include one another and differ in
//! every dimension the checks compare. For each, the check's answer is held against the evaluator
//! over a grid of requests (principals in and out of the account, sessions, strangers; ECR actions;
//! repositories in several regions and accounts, and `*`; contexts that do and do not satisfy the
//! conditions):
//!
//! - `no_new_access` PASS: no request of the grid is allowed by NEW and not by OLD (for repository
//!   policies, with no identity policy and with one that allows everything: "whatever the caller's
//!   identity policies are");
//! - `access_not_granted` PASS: no request for a listed action on a listed resource is allowed;
//! - `no_public_access` PASS: no stranger (an account the policy does not name) is allowed without a
//!   restricting key in its context;
//! - every FAIL's witness is a request the evaluator decides as the finding says.
//!
//! The shares of PASS, FAIL and FAIL (could not prove) are asserted, so that the cases reach every
//! answer (STYLE: "assert the shares"). `CHECK_PROPS_SHOW=1` prints the cases answered FAIL (could
//! not prove), to see what the checks could learn to prove.

use std::sync::atomic::{AtomicUsize, Ordering};

use ecr_actions::check::{
    self, CallerIdentity, CheckResult, Evidence, Grants, PolicyKind, Verdict, Witness,
};
use ecr_actions::eval::{Context, Evaluator, Request, Resource};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, ActionPattern, ArnPattern, RepositoryArn};
use proptest::prelude::*;
use serde_json::{Value, json};

const ACTIONS: [&str; 9] = [
    "ecr:BatchGetImage",
    "ecr:PutImage",
    "ecr:Get*",
    "ecr:DeleteRepository",
    "ecr:*",
    "ecr:Describe*",
    "*",
    "s3:GetObject",
    "ecr:BatchGetImage",
];

const RESOURCES: [&str; 8] = [
    "*",
    "arn:aws:ecr:*:111122223333:repository/*",
    "arn:aws:ecr:us-east-1:111122223333:repository/app/*",
    "arn:aws:ecr:*:*:repository/app/*",
    "arn:aws:ecr:us-east-1:*",
    "arn:aws:ecr:*:444455556666:repository/*",
    "arn:aws:ecr:us-east-?:111122223333:repository/a*",
    "arn:aws:ecr:*:111122223333:repository/app/web",
];

const PRINCIPALS: [&str; 6] = [
    "*",
    "111122223333",
    "arn:aws:iam::111122223333:role/ci",
    "arn:aws:iam::444455556666:root",
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::444455556666:user/bob",
];

fn conditions() -> Vec<Value> {
    vec![
        json!({"StringEquals": {"aws:PrincipalTag/team": "web"}}),
        json!({"StringEquals": {"aws:PrincipalTag/team": ["web", "api"]}}),
        json!({"StringLike": {"aws:PrincipalTag/team": "w*"}}),
        json!({"StringNotEquals": {"aws:PrincipalTag/team": "ops"}}),
        json!({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}),
        json!({"IpAddress": {"aws:SourceIp": "10.1.0.0/16"}}),
        json!({"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}),
        json!({"NumericLessThanEquals": {"aws:MultiFactorAuthAge": "7200"}}),
        json!({"Bool": {"aws:SecureTransport": "true"}}),
        json!({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}),
        json!({"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}),
        json!({"StringLike": {"aws:PrincipalOrgID": "*"}}),
    ]
}

/// One statement: (deny, actions, not-action, resources or none, not-resource, principals, not-principal, condition).
fn statement(repository: bool) -> impl Strategy<Value = Value> {
    (
        prop::bool::weighted(0.3),
        prop::collection::vec(0..ACTIONS.len(), 1..3),
        prop::bool::weighted(0.15),
        prop::collection::vec(0..RESOURCES.len(), 1..3),
        prop::bool::weighted(0.15),
        prop::collection::vec(0..PRINCIPALS.len(), 1..3),
        prop::bool::weighted(0.1),
        prop::option::weighted(0.5, 0..conditions().len()),
        prop::bool::weighted(if repository { 0.7 } else { 0.0 }),
    )
        .prop_map(
            move |(
                deny,
                actions,
                not_action,
                resources,
                not_resource,
                principals,
                not_principal,
                condition,
                no_resource,
            )| {
                let mut s = serde_json::Map::new();
                s.insert("Effect".into(), json!(if deny { "Deny" } else { "Allow" }));
                let actions: Vec<&str> = actions
                    .iter()
                    .filter_map(|i| ACTIONS.get(*i).copied())
                    .collect();
                s.insert(
                    (if not_action { "NotAction" } else { "Action" }).into(),
                    json!(actions),
                );
                if !no_resource {
                    let resources: Vec<&str> = resources
                        .iter()
                        .filter_map(|i| RESOURCES.get(*i).copied())
                        .collect();
                    s.insert(
                        (if not_resource {
                            "NotResource"
                        } else {
                            "Resource"
                        })
                        .into(),
                        json!(resources),
                    );
                }
                if repository {
                    let names: Vec<&str> = principals
                        .iter()
                        .filter_map(|i| PRINCIPALS.get(*i).copied())
                        .collect();
                    let key = if not_principal && !names.contains(&"*") {
                        "NotPrincipal"
                    } else {
                        "Principal"
                    };
                    s.insert(key.into(), json!({"AWS": names}));
                }
                if let Some(c) = condition.and_then(|i| conditions().get(i).cloned()) {
                    s.insert("Condition".into(), c);
                }
                Value::Object(s)
            },
        )
}

fn document(statements: &[Value]) -> Option<PolicyDocument> {
    let text = json!({"Version": "2012-10-17", "Statement": statements}).to_string();
    PolicyDocument::from_json(&text).ok()
}

/// OLD and NEW: a shared part, each with its own additions, NEW sometimes a part of OLD only.
fn pair(repository: bool) -> impl Strategy<Value = (Vec<Value>, Vec<Value>)> {
    (
        prop::collection::vec(statement(repository), 1..4),
        prop::collection::vec(statement(repository), 0..3),
        prop::collection::vec(statement(repository), 0..3),
        prop::bool::weighted(0.4),
    )
        .prop_map(|(shared, old_extra, new_extra, subset)| {
            let mut old = shared.clone();
            old.extend(old_extra);
            let mut new = shared;
            if !subset {
                new.extend(new_extra);
            } else {
                new.truncate(new.len().div_ceil(2));
                // Denies added to NEW never add access.
                new.extend(new_extra.into_iter().map(|mut s| {
                    s["Effect"] = json!("Deny");
                    s
                }));
            }
            (old, new)
        })
}

const REQUEST_PRINCIPALS: [&str; 6] = [
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::111122223333:role/ci",
    "arn:aws:sts::111122223333:assumed-role/ci/build",
    "arn:aws:iam::444455556666:user/bob",
    "arn:aws:iam::999988887777:user/eve",
    "arn:aws:iam::111122223333:user/carol",
];
const REQUEST_ACTIONS: [Action; 5] = [
    Action::BatchGetImage,
    Action::PutImage,
    Action::GetAuthorizationToken,
    Action::DeleteRepository,
    Action::DescribeRepositories,
];
const REPOSITORIES: [&str; 5] = [
    "arn:aws:ecr:us-east-1:111122223333:repository/app/web",
    "arn:aws:ecr:us-west-2:111122223333:repository/app/web",
    "arn:aws:ecr:us-east-2:111122223333:repository/ab",
    "arn:aws:ecr:us-east-1:444455556666:repository/app/x",
    "arn:aws:ecr:eu-west-1:999988887777:repository/app/z",
];

fn contexts() -> Vec<Context> {
    vec![
        Context::new(),
        Context::new()
            .with("aws:PrincipalTag/team", "web")
            .with("aws:SourceIp", "10.1.2.3")
            .with("aws:MultiFactorAuthAge", "100")
            .with("aws:SecureTransport", "true"),
        Context::new()
            .with("aws:PrincipalTag/team", "api")
            .with("aws:SourceIp", "10.2.0.1")
            .with("aws:MultiFactorAuthAge", "5000"),
        Context::new()
            .with("aws:PrincipalTag/team", "ops")
            .with("aws:SourceIp", "192.168.1.1")
            .with("aws:SecureTransport", "false"),
        Context::new().with("aws:PrincipalTag/team", "wiki"),
        Context::new().with("aws:PrincipalOrgID", "o-a1b2c3d4e5"),
    ]
}

fn allow_all() -> PolicyDocument {
    document(&[json!({"Effect": "Allow", "Action": "*", "Resource": "*"})])
        .unwrap_or_else(|| PolicyDocument::from_json("{}").unwrap_or_else(|_| unreachable!()))
}

/// The evaluators of a policy: identity alone, or repository with each caller identity.
struct Evaluators {
    kind: PolicyKind,
    bare: Evaluator,
    any_identity: Option<Evaluator>,
}

impl Evaluators {
    fn new(document: &PolicyDocument, kind: PolicyKind) -> Option<Self> {
        Some(match kind {
            PolicyKind::Identity => Self {
                kind,
                bare: Evaluator::new(std::slice::from_ref(document), None).ok()?,
                any_identity: None,
            },
            PolicyKind::Repository => Self {
                kind,
                bare: Evaluator::new(&[], Some(document)).ok()?,
                any_identity: Some(Evaluator::new(&[allow_all()], Some(document)).ok()?),
            },
        })
    }

    fn identities(&self) -> &'static [CallerIdentity] {
        match self.kind {
            PolicyKind::Identity => &[CallerIdentity::Checked],
            PolicyKind::Repository => &[CallerIdentity::NoPolicy, CallerIdentity::AllowsEverything],
        }
    }

    fn allows(&self, request: &Request<'_>, identity: CallerIdentity) -> bool {
        let evaluator = match identity {
            CallerIdentity::AllowsEverything => self.any_identity.as_ref(),
            _ => Some(&self.bare),
        };
        evaluator.is_some_and(|e| e.evaluate(request).is_allowed())
    }

    fn allows_witness(&self, w: &Witness) -> bool {
        self.allows(&w.request(), w.identity)
    }
}

/// Every request of the grid, with each caller identity.
fn grid(identities: &[CallerIdentity], mut f: impl FnMut(&Request<'_>, CallerIdentity)) {
    let repositories: Vec<RepositoryArn> =
        REPOSITORIES.iter().filter_map(|r| r.parse().ok()).collect();
    let contexts = contexts();
    for principal in REQUEST_PRINCIPALS {
        for action in REQUEST_ACTIONS {
            let resources = repositories
                .iter()
                .map(Resource::Repository)
                .chain([Resource::Any]);
            for resource in resources {
                for context in &contexts {
                    let request = Request::new(principal, action, resource, context);
                    for identity in identities {
                        f(&request, *identity);
                    }
                }
            }
        }
    }
}

#[derive(Default)]
struct Shares {
    pass: AtomicUsize,
    fail: AtomicUsize,
    unproven: AtomicUsize,
    witnesses: AtomicUsize,
}

impl Shares {
    fn count(&self, result: &CheckResult) {
        let counter = match result.verdict {
            Verdict::Pass => &self.pass,
            Verdict::Fail => &self.fail,
            Verdict::Unproven => &self.unproven,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn report(&self, name: &str, min_pass: usize, min_fail: usize) {
        let (pass, fail, unproven, witnesses) = (
            self.pass.load(Ordering::Relaxed),
            self.fail.load(Ordering::Relaxed),
            self.unproven.load(Ordering::Relaxed),
            self.witnesses.load(Ordering::Relaxed),
        );
        println!(
            "{name}: {pass} PASS, {fail} FAIL, {unproven} FAIL (could not prove), {witnesses} witnesses confirmed"
        );
        assert!(pass >= min_pass, "{name}: only {pass} PASS");
        assert!(fail >= min_fail, "{name}: only {fail} FAIL");
    }
}

const CASES: u32 = 1_000;

fn no_new_access_sound(
    kind: PolicyKind,
    old: &[Value],
    new: &[Value],
    shares: &Shares,
) -> Result<(), TestCaseError> {
    let (Some(old_doc), Some(new_doc)) = (document(old), document(new)) else {
        return Ok(());
    };
    let (Ok(old_grants), Ok(new_grants)) = (
        Grants::of_kind(&old_doc, kind),
        Grants::of_kind(&new_doc, kind),
    ) else {
        return Ok(());
    };
    let (Some(old_eval), Some(new_eval)) = (
        Evaluators::new(&old_doc, kind),
        Evaluators::new(&new_doc, kind),
    ) else {
        return Ok(());
    };
    let result = check::no_new_access(&old_grants, &new_grants);
    shares.count(&result);
    if std::env::var_os("CHECK_PROPS_SHOW").is_some() && result.verdict == Verdict::Unproven {
        println!("UNPROVEN\nold: {old:?}\nnew: {new:?}\n{result}");
    }
    for reason in &result.reasons {
        if let Evidence::Witness(w) = &reason.evidence {
            prop_assert!(
                new_eval.allows_witness(w) && !old_eval.allows_witness(w),
                "witness {w} is not new access"
            );
            shares.witnesses.fetch_add(1, Ordering::Relaxed);
        }
    }
    if result.verdict == Verdict::Pass {
        let mut broken = None;
        grid(new_eval.identities(), |request, identity| {
            if broken.is_none()
                && new_eval.allows(request, identity)
                && !old_eval.allows(request, identity)
            {
                broken = Some(format!("{request:?} ({identity})"));
            }
        });
        prop_assert!(
            broken.is_none(),
            "PASS, but NEW allows and OLD denies {broken:?}\nold: {old:?}\nnew: {new:?}"
        );
    }
    Ok(())
}

impl Shares {
    fn new() -> Self {
        Self::default()
    }
}

/// Runs `property` on `CASES` generated values, then checks and prints the shares.
fn run<S: Strategy>(
    name: &str,
    strategy: S,
    min_pass: usize,
    min_fail: usize,
    property: impl Fn(S::Value, &Shares) -> Result<(), TestCaseError>,
) {
    let shares = Shares::new();
    let config = ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let outcome = runner.run(&strategy, |value| property(value, &shares));
    assert!(outcome.is_ok(), "{name}: {outcome:?}");
    shares.report(name, min_pass, min_fail);
}

/// IAM User Guide, "Policy evaluation logic": a request is allowed when an Allow matches and no
/// Deny does. `no_new_access` PASS must mean: nothing NEW allows is denied by OLD.
#[test]
fn identity_no_new_access() {
    run(
        "identity no_new_access",
        pair(false),
        20,
        20,
        |(old, new), shares| no_new_access_sound(PolicyKind::Identity, &old, &new, shares),
    );
}

/// The same for repository policies, "whatever the caller's identity policies are" (none, or one
/// that allows everything): IAM User Guide, "Cross-account policy evaluation logic".
#[test]
fn repository_no_new_access() {
    run(
        "repository no_new_access",
        pair(true),
        10,
        20,
        |(old, new), shares| no_new_access_sound(PolicyKind::Repository, &old, &new, shares),
    );
}

/// `access_not_granted` PASS: no listed action on a listed resource is allowed.
#[test]
fn access_not_granted_sound() {
    let strategy = (
        prop::collection::vec(statement(false), 1..5),
        prop::collection::vec(0..ACTIONS.len(), 1..3),
        prop::option::of(0..RESOURCES.len()),
    );
    run(
        "access_not_granted",
        strategy,
        20,
        20,
        |(statements, listed, resource), shares| {
            let Some(doc) = document(&statements) else {
                return Ok(());
            };
            let Ok(grants) = Grants::of_kind(&doc, PolicyKind::Identity) else {
                return Ok(());
            };
            let Some(eval) = Evaluators::new(&doc, PolicyKind::Identity) else {
                return Ok(());
            };
            let actions: Vec<ActionPattern> = listed
                .iter()
                .filter_map(|i| ACTIONS.get(*i))
                .filter_map(|a| ActionPattern::new(a).ok())
                .collect();
            let resources: Vec<ArnPattern> = resource
                .iter()
                .filter_map(|i| RESOURCES.get(*i))
                .filter_map(|r| ArnPattern::new(r).ok())
                .collect();
            let result = check::access_not_granted(&grants, &actions, &resources);
            shares.count(&result);
            let listed_action = |a: Action| actions.iter().any(|p| p.matches(a.as_str()));
            let listed_resource =
                |r: &str| resources.is_empty() || resources.iter().any(|p| p.matches(r));
            for reason in &result.reasons {
                if let Evidence::Witness(w) = &reason.evidence {
                    prop_assert!(eval.allows_witness(w) && listed_action(w.action), "{w}");
                    shares.witnesses.fetch_add(1, Ordering::Relaxed);
                }
            }
            if result.verdict == Verdict::Pass {
                let mut broken = None;
                grid(eval.identities(), |request, identity| {
                    if broken.is_none()
                        && listed_action(request.action())
                        && listed_resource(request.resource().as_str())
                        && eval.allows(request, identity)
                    {
                        broken = Some(format!("{request:?}"));
                    }
                });
                prop_assert!(broken.is_none(), "PASS, but the policy allows {broken:?}");
            }
            Ok(())
        },
    );
}

/// `no_public_access` PASS: a stranger (account 999988887777, never named) without a restricting
/// key in its context is allowed nothing on a repository of another account.
#[test]
fn no_public_access_sound() {
    let strategy = prop::collection::vec(statement(true), 1..5);
    run(
        "no_public_access",
        strategy,
        20,
        20,
        |statements, shares| {
            let Some(doc) = document(&statements) else {
                return Ok(());
            };
            let Ok(grants) = Grants::of_kind(&doc, PolicyKind::Repository) else {
                return Ok(());
            };
            let Some(eval) = Evaluators::new(&doc, PolicyKind::Repository) else {
                return Ok(());
            };
            let result = check::no_public_access(&grants);
            shares.count(&result);
            if std::env::var_os("CHECK_PROPS_SHOW").is_some() && result.verdict == Verdict::Unproven
            {
                println!("UNPROVEN\n{statements:?}\n{result}");
            }
            for reason in &result.reasons {
                if let Evidence::Witness(w) = &reason.evidence {
                    prop_assert!(eval.allows_witness(w), "{w}");
                    prop_assert!(
                        !w.principal.contains("111122223333")
                            && !w.principal.contains("444455556666"),
                        "{w}"
                    );
                    shares.witnesses.fetch_add(1, Ordering::Relaxed);
                }
            }
            if result.verdict == Verdict::Pass {
                let mut broken = None;
                grid(eval.identities(), |request, identity| {
                    let stranger = request.principal().contains("999988887777");
                    let unrestricted = request.context().get("aws:PrincipalOrgID").is_none();
                    let cross = request.resource_account() != "999988887777";
                    if broken.is_none()
                        && stranger
                        && unrestricted
                        && cross
                        && eval.allows(request, identity)
                    {
                        broken = Some(format!("{request:?} ({identity})"));
                    }
                });
                prop_assert!(
                    broken.is_none(),
                    "PASS, but a stranger is allowed {broken:?}"
                );
            }
            Ok(())
        },
    );
}
