//! Soundness of the policy-set checks (`check::no_new_access_set`, `check::access_not_granted_set`)
//! against the layered evaluator (`Evaluator::builder`).
//!
//! Random layered sets (identity policies, a repository policy, two SCP levels, RCPs, a boundary,
//! session policies, an endpoint policy, each present or not), and NEW drawn from OLD layer by
//! layer: kept, redrawn, cut, given a Deny, removed or added. For each pair:
//!
//! - `no_new_access_set` PASS: no request of a grid (principals in and out of the account, a
//!   session, ECR actions, repositories and `*`, contexts that do and do not meet the conditions)
//!   is allowed by NEW and not by OLD;
//! - `access_not_granted_set` PASS: no request for the listed action is allowed;
//! - every witness is decided as its finding says by the layered evaluator.
//!
//! The shares of PASS, FAIL and FAIL (could not prove) are asserted (STYLE: "assert the shares").

use std::sync::atomic::{AtomicUsize, Ordering};

use ecr_actions::check::{self, CheckResult, Evidence, PolicySet, Verdict};
use ecr_actions::eval::{Context, Evaluator, Request, Resource};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, ActionPattern, RepositoryArn};
use proptest::prelude::*;
use serde_json::{Value, json};

const ACTIONS: [&str; 7] = [
    "ecr:BatchGetImage",
    "ecr:PutImage",
    "ecr:Get*",
    "ecr:DeleteRepository",
    "ecr:*",
    "*",
    "ecr:Describe*",
];

const RESOURCES: [&str; 4] = [
    "*",
    "arn:aws:ecr:*:111122223333:repository/*",
    "arn:aws:ecr:us-east-1:111122223333:repository/app/*",
    "arn:aws:ecr:*:444455556666:repository/*",
];

const PRINCIPALS: [&str; 5] = [
    "*",
    "111122223333",
    "arn:aws:iam::111122223333:role/ci",
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::444455556666:root",
];

fn conditions() -> [Option<Value>; 4] {
    [
        None,
        None,
        Some(json!({"StringEquals": {"aws:PrincipalTag/team": "web"}})),
        Some(json!({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})),
    ]
}

/// How a layer's statements are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// No `Principal` (identity, SCP, boundary, session policies).
    Identity,
    /// A repository policy: `Principal`, sometimes no `Resource`.
    Repository,
    /// An RCP: `Deny` only, `Principal: "*"`.
    Rcp,
    /// An endpoint policy: `Principal: "*"`.
    Endpoint,
}

fn statement(shape: Shape) -> impl Strategy<Value = Value> {
    (
        prop::bool::weighted(0.3),
        prop::collection::vec(0..ACTIONS.len(), 1..3),
        0..RESOURCES.len(),
        0..PRINCIPALS.len(),
        0..conditions().len(),
    )
        .prop_map(move |(deny, actions, resource, principal, condition)| {
            let deny = deny || shape == Shape::Rcp;
            let mut s = serde_json::Map::new();
            s.insert("Effect".into(), json!(if deny { "Deny" } else { "Allow" }));
            let actions: Vec<&str> = actions
                .iter()
                .filter_map(|i| ACTIONS.get(*i).copied())
                .collect();
            s.insert("Action".into(), json!(actions));
            s.insert(
                "Resource".into(),
                json!(RESOURCES.get(resource).copied().unwrap_or("*")),
            );
            match shape {
                Shape::Identity => {}
                Shape::Repository => {
                    let name = PRINCIPALS.get(principal).copied().unwrap_or("*");
                    s.insert("Principal".into(), json!({"AWS": name}));
                }
                Shape::Rcp | Shape::Endpoint => {
                    s.insert("Principal".into(), json!("*"));
                }
            }
            if let Some(c) = conditions().get(condition).cloned().flatten() {
                s.insert("Condition".into(), c);
            }
            Value::Object(s)
        })
}

/// The layers, in this order: identity, repository, SCP level, SCP level, RCP, boundary, session,
/// endpoint. `None`: the layer is absent.
const SHAPES: [Shape; 8] = [
    Shape::Identity,
    Shape::Repository,
    Shape::Identity,
    Shape::Identity,
    Shape::Rcp,
    Shape::Identity,
    Shape::Identity,
    Shape::Endpoint,
];

type Spec = Vec<Option<Vec<Value>>>;

fn layer(shape: Shape, present: f64) -> impl Strategy<Value = Option<Vec<Value>>> {
    prop::option::weighted(present, prop::collection::vec(statement(shape), 1..4))
}

fn spec() -> impl Strategy<Value = Spec> {
    SHAPES
        .iter()
        .enumerate()
        .map(|(i, shape)| layer(*shape, if i < 2 { 0.8 } else { 0.4 }).boxed())
        .collect::<Vec<_>>()
}

/// OLD, and NEW drawn from it layer by layer.
fn pair() -> impl Strategy<Value = (Spec, Spec)> {
    spec().prop_flat_map(|old| {
        let edits: Vec<_> = SHAPES
            .iter()
            .zip(&old)
            .map(|(shape, o)| {
                let o = o.clone();
                (0..7_u8, layer(*shape, 0.7), statement(*shape))
                    .prop_map(move |(op, fresh, extra)| match op {
                        // Redrawn, or added or removed.
                        0 => fresh,
                        // Cut to its first statement.
                        1 => o.clone().map(|mut s| {
                            s.truncate(1);
                            s
                        }),
                        // One more statement, as a Deny.
                        2 => o.clone().map(|mut s| {
                            let mut extra = extra;
                            extra["Effect"] = json!("Deny");
                            s.push(extra);
                            s
                        }),
                        // One more statement as drawn.
                        3 => o.clone().map(|mut s| {
                            s.push(extra);
                            s
                        }),
                        _ => o.clone(),
                    })
                    .boxed()
            })
            .collect();
        (Just(old), edits)
    })
}

fn document(statements: &[Value]) -> Option<PolicyDocument> {
    let text = json!({"Version": "2012-10-17", "Statement": statements}).to_string();
    PolicyDocument::from_json(&text).ok()
}

/// A spec's documents by layer.
struct Docs {
    layers: Vec<Option<PolicyDocument>>,
}

impl Docs {
    fn new(spec: &Spec) -> Option<Self> {
        let layers = spec
            .iter()
            .map(|l| match l {
                None => Some(None),
                Some(s) => document(s).map(Some),
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self { layers })
    }

    fn one(&self, i: usize) -> &[PolicyDocument] {
        self.layers
            .get(i)
            .and_then(Option::as_ref)
            .map_or(&[], std::slice::from_ref)
    }

    fn set(&self) -> Option<PolicySet> {
        let mut b = PolicySet::builder()
            .identity(self.one(0))
            .session_policies(self.one(6));
        if let Some(p) = self.one(1).first() {
            b = b.resource_policy(p);
        }
        for i in [2, 3] {
            if !self.one(i).is_empty() {
                b = b.scp_level(self.one(i));
            }
        }
        if !self.one(4).is_empty() {
            b = b.rcp_level(self.one(4));
        }
        if let Some(p) = self.one(5).first() {
            b = b.permissions_boundary(p);
        }
        if let Some(p) = self.one(7).first() {
            b = b.vpc_endpoint_policy(p);
        }
        b.build().ok()
    }

    /// The layered evaluator, built independently of the check's own.
    fn evaluator(&self) -> Option<Evaluator> {
        let mut b = Evaluator::builder()
            .identity(self.one(0))
            .session_policies(self.one(6));
        if let Some(p) = self.one(1).first() {
            b = b.resource_policy(p);
        }
        for i in [2, 3] {
            if !self.one(i).is_empty() {
                b = b.scp_level(self.one(i));
            }
        }
        if !self.one(4).is_empty() {
            b = b.rcp_level(self.one(4));
        }
        if let Some(p) = self.one(5).first() {
            b = b.permissions_boundary(p);
        }
        if let Some(p) = self.one(7).first() {
            b = b.vpc_endpoint_policy(p);
        }
        b.build().ok()
    }
}

const REQUEST_PRINCIPALS: [&str; 5] = [
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::111122223333:role/ci",
    "arn:aws:sts::111122223333:assumed-role/ci/build",
    "arn:aws:iam::444455556666:user/bob",
    "arn:aws:iam::999988887777:user/eve",
];
const REQUEST_ACTIONS: [Action; 5] = [
    Action::BatchGetImage,
    Action::PutImage,
    Action::GetAuthorizationToken,
    Action::DeleteRepository,
    Action::DescribeRepositories,
];
const REPOSITORIES: [&str; 3] = [
    "arn:aws:ecr:us-east-1:111122223333:repository/app/web",
    "arn:aws:ecr:us-west-2:111122223333:repository/ab",
    "arn:aws:ecr:us-east-1:444455556666:repository/app/x",
];

fn contexts() -> Vec<Context> {
    vec![
        Context::new(),
        Context::new()
            .with("aws:PrincipalTag/team", "web")
            .with("aws:SourceIp", "10.1.2.3"),
        Context::new()
            .with("aws:PrincipalTag/team", "ops")
            .with("aws:SourceIp", "192.168.1.1"),
    ]
}

/// Every request of the grid.
fn grid(mut f: impl FnMut(&Request<'_>)) {
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
                    f(&Request::new(principal, action, resource, context));
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
    refused: AtomicUsize,
    /// FAIL (could not prove) where the grid shows new access (the witness search missed it).
    unproven_new: AtomicUsize,
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
        let load = |c: &AtomicUsize| c.load(Ordering::Relaxed);
        let (pass, fail, unproven, witnesses, refused) = (
            load(&self.pass),
            load(&self.fail),
            load(&self.unproven),
            load(&self.witnesses),
            load(&self.refused),
        );
        let unproven_new = load(&self.unproven_new);
        println!(
            "{name}: {pass} PASS, {fail} FAIL, {unproven} FAIL (could not prove) \
             ({unproven_new} of them new access on the grid), {witnesses} witnesses confirmed, \
             {refused} sets refused by the builder"
        );
        assert!(pass >= min_pass, "{name}: only {pass} PASS");
        assert!(fail >= min_fail, "{name}: only {fail} FAIL");
        assert!(
            refused * 4 <= pass + fail + unproven,
            "{name}: {refused} refused"
        );
    }
}

const CASES: u32 = 2_000;

fn run<S: Strategy>(
    name: &str,
    strategy: S,
    min_pass: usize,
    min_fail: usize,
    property: impl Fn(S::Value, &Shares) -> Result<(), TestCaseError>,
) {
    let shares = Shares::default();
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

/// IAM User Guide, "Policy evaluation logic": every layer's explicit Deny decides, every SCP level,
/// the boundary, session and endpoint policies must allow. `no_new_access_set` PASS must mean:
/// nothing NEW's layers allow is denied by OLD's.
#[test]
fn no_new_access_set_sound() {
    run(
        "no_new_access_set",
        pair(),
        200,
        50,
        |(old, new), shares| {
            let (Some(old_docs), Some(new_docs)) = (Docs::new(&old), Docs::new(&new)) else {
                shares.refused.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            };
            let (Some(old_set), Some(new_set), Some(old_eval), Some(new_eval)) = (
                old_docs.set(),
                new_docs.set(),
                old_docs.evaluator(),
                new_docs.evaluator(),
            ) else {
                shares.refused.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            };
            let result = check::no_new_access_set(&old_set, &new_set);
            shares.count(&result);
            for reason in &result.reasons {
                if let Evidence::Witness(w) = &reason.evidence {
                    prop_assert!(
                        new_eval.evaluate(&w.request()).is_allowed()
                            && !old_eval.evaluate(&w.request()).is_allowed(),
                        "witness {w} is not new access"
                    );
                    shares.witnesses.fetch_add(1, Ordering::Relaxed);
                }
            }
            if result.verdict != Verdict::Fail {
                let mut broken = None;
                grid(|request| {
                    if broken.is_none()
                        && new_eval.evaluate(request).is_allowed()
                        && !old_eval.evaluate(request).is_allowed()
                    {
                        broken = Some(format!("{request:?}"));
                    }
                });
                if result.verdict == Verdict::Unproven {
                    if broken.is_some() {
                        shares.unproven_new.fetch_add(1, Ordering::Relaxed);
                        if std::env::var_os("CHECK_PROPS_SHOW").is_some() {
                            println!("MISSED {broken:?}\nold: {old:?}\nnew: {new:?}\n{result}");
                        }
                    }
                    return Ok(());
                }
                prop_assert!(
                    broken.is_none(),
                    "PASS, but NEW allows and OLD denies {broken:?}\nold: {old:?}\nnew: {new:?}"
                );
            }
            Ok(())
        },
    );
}

/// `access_not_granted_set` PASS: no request for the listed action is allowed by the set.
#[test]
fn access_not_granted_set_sound() {
    let strategy = (spec(), 0..REQUEST_ACTIONS.len());
    run(
        "access_not_granted_set",
        strategy,
        200,
        80,
        |(spec, listed), shares| {
            let Some(action) = REQUEST_ACTIONS.get(listed).copied() else {
                return Ok(());
            };
            let (Some(docs), Ok(pattern)) =
                (Docs::new(&spec), action.as_str().parse::<ActionPattern>())
            else {
                shares.refused.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            };
            let (Some(set), Some(eval)) = (docs.set(), docs.evaluator()) else {
                shares.refused.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            };
            let result = check::access_not_granted_set(&set, &[pattern], &[]);
            shares.count(&result);
            for reason in &result.reasons {
                if let Evidence::Witness(w) = &reason.evidence {
                    prop_assert!(
                        eval.evaluate(&w.request()).is_allowed() && w.action == action,
                        "{w}"
                    );
                    shares.witnesses.fetch_add(1, Ordering::Relaxed);
                }
            }
            if result.verdict != Verdict::Fail {
                let mut broken = None;
                grid(|request| {
                    if broken.is_none()
                        && request.action() == action
                        && eval.evaluate(request).is_allowed()
                    {
                        broken = Some(format!("{request:?}"));
                    }
                });
                if result.verdict == Verdict::Unproven {
                    if broken.is_some() {
                        shares.unproven_new.fetch_add(1, Ordering::Relaxed);
                    }
                    return Ok(());
                }
                prop_assert!(broken.is_none(), "PASS, but the set allows {broken:?}");
            }
            Ok(())
        },
    );
}
