//! Differential test: the evaluator against a deliberately naive reference evaluator written in this
//! crate straight from the IAM User Guide (`differential/reference.rs`), on generated valid policy
//! sets and requests (`differential/generate.rs`); its conditions are in `differential/conditions.rs`.
//!
//! Since issue 11 the cases carry the rest of the IAM decision chain too: in about 40% of the
//! policy sets, SCP levels, RCP levels, a permissions boundary, session policies and a VPC
//! endpoint policy (`differential/generate_layers.rs`), decided by the reference's
//! `differential/stack.rs`, written from the guides' sentences. The layered cases must reach each
//! decision in at least 10% of them. Mutations of the evaluator's layer rules that this test
//! catches in 3,000 sets (checked by hand when it was written): a boundary that does not limit
//! identity grants (140 disagreements), a same-account direct grant limited by the boundary (105),
//! session policies ignored (90), a grant to a session's role not limited by them (10), only the
//! root SCP level checked (53), a cross-account grant to the account ignored (23). Not reached:
//! `NotPrincipal` + `Deny` with a boundary (a unit test in `eval_layers.rs` covers it).
//!
//! Every case is decided three ways — the reference, `Evaluator::evaluate` and
//! `Evaluator::evaluate_explained` — and all three must agree. The shares of the decisions are
//! asserted, so the cases reach the code that decides: at least 30% Allow and 30% ExplicitDeny, and
//! at least 100,000 cases per run. A disagreement is shrunk to a minimal case and printed as a
//! conformance JSON line (the format of `tests/data/*.jsonl`, `expected` being the reference's
//! decision), ready to be added to `tests/data/policy-eval-extra.jsonl`.

#[path = "differential/generate.rs"]
mod generate;
#[path = "differential/reference.rs"]
mod reference;
#[path = "differential/under_test.rs"]
mod under_test;

use ecr_actions::eval::Decision;
use serde_json::{Map, Value, json};

use generate::Rng;
use under_test::{decide_with, evaluator_decides, evaluator_for};

/// Policy sets per run; each is asked `REQUESTS_PER_SET` requests.
const SETS: usize = 25_000;
const REQUESTS_PER_SET: usize = 4;
/// The default seed: CI runs the same cases every time.
const SEED: u64 = 0x1A8_D1FF;
/// At most this many minimal disagreeing cases are shrunk and printed.
const MAX_REPORTED: usize = 30;
/// At most this many disagreeing cases are shrunk (shrinking recompiles the policies many times).
const MAX_SHRINKS: usize = 60;

/// The keys of the optional layers (the stack conformance format).
const LAYER_KEYS: [&str; 5] = [
    "service_control_policies",
    "resource_control_policies",
    "permission_boundaries",
    "session_policies",
    "vpc_endpoint_policy",
];

/// The layers of a case, as the reference reads them.
fn reference_layers(case: &Value) -> reference::stack::Layers<'_> {
    reference::stack::Layers {
        scps: case["service_control_policies"]
            .as_array()
            .map(Vec::as_slice),
        rcps: case["resource_control_policies"]
            .as_array()
            .map(Vec::as_slice),
        boundary: case["permission_boundaries"]
            .as_array()
            .and_then(|list| list.first()),
        session: case["session_policies"]
            .as_array()
            .map(Vec::as_slice)
            .filter(|list| !list.is_empty()),
        endpoint: Some(&case["vpc_endpoint_policy"]).filter(|p| !p.is_null()),
    }
}

/// What the reference answers for a case.
fn reference_decides(case: &Value) -> Result<Decision, String> {
    let identity = case["identity_policies"]
        .as_array()
        .ok_or("no identity_policies")?;
    let repository = match &case["resource_policy"] {
        Value::Null => None,
        policy => Some(policy),
    };
    let request = &case["request"];
    let text = |name: &str| request[name].as_str().ok_or(format!("no {name}"));
    let empty = Map::new();
    reference::stack::decide(
        identity,
        repository,
        &reference_layers(case),
        &reference::Req {
            principal: text("principal")?,
            action: text("action")?,
            resource: text("resource")?,
            context: request["context"].as_object().unwrap_or(&empty),
        },
    )
}

/// Whether the evaluator and the reference disagree on `case` (the reference must decide).
fn disagree(case: &Value) -> bool {
    match reference_decides(case) {
        Ok(expected) => evaluator_decides(case) != Ok(expected),
        Err(_) => false,
    }
}

/// Every case one removal smaller than `value`: an element of a list of two or more (a policy, a
/// statement, an action, a resource, a principal, a condition value), a condition operator or key,
/// a context key, the repository policy.
fn smaller(value: &Value, parent: Option<&str>) -> Vec<Value> {
    let mut out = Vec::new();
    match value {
        Value::Array(items) => {
            let removable = items.len() > 1
                || matches!(
                    parent,
                    Some("identity_policies" | "session_policies" | "resource_control_policies")
                );
            for i in 0..items.len() {
                if removable {
                    let mut copy = items.clone();
                    copy.remove(i);
                    out.push(Value::Array(copy));
                }
                for variant in smaller(&items[i], parent) {
                    let mut copy = items.clone();
                    copy[i] = variant;
                    out.push(Value::Array(copy));
                }
            }
        }
        Value::Object(map) => {
            let members_removable = matches!(parent, Some("Condition" | "context"));
            for (key, child) in map {
                if members_removable || key == "Condition" || LAYER_KEYS.contains(&key.as_str()) {
                    let mut copy = map.clone();
                    copy.remove(key);
                    out.push(Value::Object(copy));
                }
                if key == "resource_policy" && !child.is_null() {
                    let mut copy = map.clone();
                    copy.insert(key.clone(), Value::Null);
                    out.push(Value::Object(copy));
                }
                for variant in smaller(child, Some(key)) {
                    let mut copy = map.clone();
                    copy.insert(key.clone(), variant);
                    out.push(Value::Object(copy));
                }
            }
        }
        _ => {}
    }
    out
}

/// Shrinks a disagreeing case greedily until no single removal keeps the disagreement.
fn shrink(mut case: Value) -> Value {
    'outer: loop {
        for candidate in smaller(&case, None) {
            if disagree(&candidate) {
                case = candidate;
                continue 'outer;
            }
        }
        return case;
    }
}

fn case(
    identity: &[Value],
    repository: Option<&Value>,
    layers: &Map<String, Value>,
    request: &Value,
) -> Value {
    let mut case = json!({
        "id": "differential",
        "identity_policies": identity,
        "resource_policy": repository,
        "request": request,
    });
    if let Some(map) = case.as_object_mut() {
        map.extend(layers.clone());
    }
    case
}

/// How the generated cases were decided, and the disagreements found.
#[derive(Default)]
struct Tally {
    total: usize,
    allow: usize,
    explicit_deny: usize,
    implicit_deny: usize,
    disagreements: Vec<String>,
    disagreement_count: usize,
    /// Disagreements where the evaluator refused the (valid) policies.
    refusals: usize,
    /// Policy sets with layers beyond identity and repository policies.
    layered: usize,
    /// Cases of such sets, by the reference's decision: Allow, ExplicitDeny, ImplicitDeny.
    layered_decisions: [usize; 3],
}

/// What sets one disagreement apart from another of the same cause: for a refusal, the message
/// without where it is; for a wrong decision, both decisions and the operators and resource
/// patterns of the minimal case.
fn family(minimal: &Value, actual: &Result<Decision, String>) -> String {
    match actual {
        Err(error) => error
            .split_once(": ")
            .and_then(|(_, rest)| rest.split_once(": "))
            .map_or(error.as_str(), |(_, rest)| rest)
            .to_owned(),
        Ok(decision) => {
            let mut parts = std::collections::BTreeSet::new();
            collect_shape(minimal, None, &mut parts);
            format!("{} → {decision}: {parts:?}", minimal["expected"])
        }
    }
}

/// The condition keys with their policy values, and the resource patterns of fewer than six
/// parts: what a family of wrong decisions has in common.
fn collect_shape(
    value: &Value,
    parent: Option<&str>,
    out: &mut std::collections::BTreeSet<String>,
) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if parent.is_some_and(|p| {
                    p.contains("Equals")
                        || p.contains("Like")
                        || p.contains("Than")
                        || p.contains("Ip")
                        || p == "Bool"
                        || p == "Null"
                }) {
                    out.insert(format!("{key}={child}"));
                }
                if matches!(key.as_str(), "Resource" | "NotResource") {
                    for pattern in child
                        .as_array()
                        .cloned()
                        .unwrap_or_else(|| vec![child.clone()])
                    {
                        if pattern.as_str().is_some_and(|p| p.matches(':').count() < 5) {
                            out.insert(format!("{pattern}"));
                        }
                    }
                }
                collect_shape(child, Some(key), out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_shape(i, parent, out)),
        _ => {}
    }
}

fn run(seed: u64, sets: usize) -> Tally {
    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();
    let mut families = std::collections::BTreeSet::new();
    let mut shrinks = 0;
    let empty = Map::new();
    for _ in 0..sets {
        let layers = generate::layers(&mut rng);
        // Layers deny and limit too: under them, identity and repository policies deny less
        // often, so that the layered cases reach Allow as often as the others.
        let tuning = if layers.is_empty() {
            generate::TUNING
        } else {
            generate::LAYERED_TUNING
        };
        let (identity, repository) = generate::policies(&mut rng, tuning);
        tally.layered += usize::from(!layers.is_empty());
        // Compiled once per policy set, as a service would.
        let template = case(&identity, repository.as_ref(), &layers, &Value::Null);
        let evaluator = evaluator_for(&template);
        for _ in 0..REQUESTS_PER_SET {
            let request = generate::request(&mut rng);
            let text = |name: &str| request[name].as_str().unwrap_or_default();
            let req = reference::Req {
                principal: text("principal"),
                action: text("action"),
                resource: text("resource"),
                context: request["context"].as_object().unwrap_or(&empty),
            };
            let decided = reference::stack::decide(
                &identity,
                repository.as_ref(),
                &reference_layers(&template),
                &req,
            );
            let expected = match decided {
                Ok(decision) => decision,
                Err(error) => {
                    let case = case(&identity, repository.as_ref(), &layers, &request);
                    tally.disagreements.push(format!(
                        "the reference cannot read a generated case ({error}): {case}"
                    ));
                    tally.disagreement_count += 1;
                    continue;
                }
            };
            tally.total += 1;
            if !layers.is_empty() {
                tally.layered_decisions[match expected {
                    Decision::Allow => 0,
                    Decision::ExplicitDeny => 1,
                    Decision::ImplicitDeny => 2,
                }] += 1;
            }
            match expected {
                Decision::Allow => tally.allow += 1,
                Decision::ExplicitDeny => tally.explicit_deny += 1,
                Decision::ImplicitDeny => tally.implicit_deny += 1,
            }
            let actual = match &evaluator {
                Ok(evaluator) => decide_with(evaluator, &request),
                Err(error) => Err(error.clone()),
            };
            if actual == Ok(expected) {
                continue;
            }
            tally.disagreement_count += 1;
            tally.refusals += usize::from(actual.is_err());
            if tally.disagreements.len() >= MAX_REPORTED || shrinks >= MAX_SHRINKS {
                continue;
            }
            let refusal = actual
                .as_ref()
                .err()
                .map(|e| family(&Value::Null, &Err(e.clone())));
            if refusal.as_ref().is_some_and(|f| families.contains(f)) {
                continue;
            }
            shrinks += 1;
            let mut minimal = shrink(case(&identity, repository.as_ref(), &layers, &request));
            let actual = evaluator_decides(&minimal);
            let expected = reference_decides(&minimal).map(|d| d.to_string());
            minimal["expected"] = json!(expected.unwrap_or_default());
            let new = families.insert(family(&minimal, &actual));
            families.extend(refusal);
            if !new {
                continue;
            }
            tally
                .disagreements
                .push(format!("evaluator: {actual:?}\n{minimal}"));
        }
    }
    tally
}

fn seed() -> u64 {
    std::env::var("DIFFERENTIAL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED)
}

/// The evaluator decides every generated case as the reference does, and the cases reach every
/// decision in the asserted shares.
#[test]
fn evaluator_agrees_with_the_reference() {
    let sets = std::env::var("DIFFERENTIAL_SETS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SETS);
    let started = std::time::Instant::now();
    let tally = run(seed(), sets);
    let share = |n: usize| n as f64 / tally.total.max(1) as f64;
    println!(
        "{} cases: {} Allow ({:.1}%), {} ExplicitDeny ({:.1}%), {} ImplicitDeny ({:.1}%); {} disagreements ({} refusals of valid policies)",
        tally.total,
        tally.allow,
        100.0 * share(tally.allow),
        tally.explicit_deny,
        100.0 * share(tally.explicit_deny),
        tally.implicit_deny,
        100.0 * share(tally.implicit_deny),
        tally.disagreement_count,
        tally.refusals,
    );
    println!(
        "{} policy sets of {sets} with layers (SCPs, RCPs, boundary, session or endpoint policies); their cases: {:?} (Allow, ExplicitDeny, ImplicitDeny)",
        tally.layered, tally.layered_decisions
    );
    // Reported, not asserted: speed belongs in benches.
    println!("took {:.1?}", started.elapsed());
    for disagreement in &tally.disagreements {
        println!("{disagreement}");
    }
    assert!(tally.total >= 100_000, "only {} cases", tally.total);
    assert!(share(tally.allow) >= 0.30, "Allow share too low");
    assert!(
        share(tally.explicit_deny) >= 0.30,
        "ExplicitDeny share too low"
    );
    // The layered cases reach every decision too.
    assert!(
        tally.layered * 3 >= sets,
        "only {} layered sets",
        tally.layered
    );
    let layered_total: usize = tally.layered_decisions.iter().sum();
    for (name, count) in ["Allow", "ExplicitDeny", "ImplicitDeny"]
        .iter()
        .zip(tally.layered_decisions)
    {
        assert!(
            count * 10 >= layered_total,
            "{name}: {count} of {layered_total} layered cases"
        );
    }
    assert_eq!(
        tally.disagreement_count, 0,
        "disagreements (minimal cases above)"
    );
}

/// "IAM policy elements: Variables and tags": a variable is replaced by the value of its key, and
/// "Special characters" says a literal `*` in a value is written `${*}` — a substituted value is
/// text, never a wildcard, whatever characters it holds. Values holding all 6,400 private-use
/// characters of the BMP (which an implementation might borrow as stand-ins for literal
/// wildcards) and a `*` must still be compared literally. Few cases, each with a value of 6,400
/// characters, decided by the evaluator and the reference.
#[test]
fn substituted_values_are_never_wildcards() {
    let private = generate::private_use();
    let usernames = [format!("{private}*"), "*".to_owned()];
    // The last private-use character, after all of them: where a stand-in for `*` could collide.
    let teams = [
        format!("{private}x"),
        format!("{private}\u{F8FE}"),
        "app".to_owned(),
    ];
    let operators = [
        "StringLike",
        "StringNotLike",
        "ForAnyValue:StringLike",
        "StringEquals",
    ];
    let mut disagreements = Vec::new();
    let mut decisions = [0_usize; 2];
    for operator in operators {
        let policy = json!({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": "ecr:*", "Resource": "*",
            "Condition": {operator: {"aws:PrincipalTag/team": "${aws:username}"}}}]});
        for username in &usernames {
            for team in &teams {
                let request = json!({
                    "principal": "arn:aws:iam::111122223333:user/alice",
                    "action": "ecr:BatchGetImage",
                    "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/web",
                    "context": {"aws:username": username, "aws:PrincipalTag/team": team},
                });
                let case = case(std::slice::from_ref(&policy), None, &Map::new(), &request);
                let expected = reference_decides(&case);
                match expected {
                    Ok(Decision::Allow) => decisions[0] += 1,
                    Ok(_) => decisions[1] += 1,
                    Err(_) => {}
                }
                let actual = evaluator_decides(&case);
                if actual != expected {
                    let short = |s: &str| s.replace(&private, "{all private-use characters}");
                    disagreements.push(format!(
                        "{operator}, aws:username={}, team={}: reference {expected:?}, evaluator {actual:?}",
                        short(username),
                        short(team),
                    ));
                }
            }
        }
    }
    // Both decisions are reached: the property is not satisfied by denying everything.
    assert!(decisions[0] > 0 && decisions[1] > 0, "{decisions:?}");
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

/// The reference itself, on the rules the differential test leans on, each checked against the
/// sentence of the IAM User Guide it implements (so that agreeing with the reference means
/// something).
#[test]
fn the_reference_follows_the_guide() -> Result<(), String> {
    let decide = |condition: Value, resource: &str, context: Value| {
        let policy = json!({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": "ecr:*", "Resource": resource, "Condition": condition}]});
        let context = context.as_object().cloned().unwrap_or_default();
        reference::decide(
            &[policy],
            None,
            &reference::Req {
                principal: "arn:aws:iam::111122223333:user/alice",
                action: "ecr:BatchGetImage",
                resource: "arn:aws:ecr:us-east-1:111122223333:repository/app/web",
                context: &context,
            },
        )
    };
    let source = |arn: &str| json!({"aws:SourceArn": arn});
    // "Condition operators", ARN: "Each of the six colon-delimited components of the ARN is
    // checked separately": `*` in the region does not reach into the account.
    let like =
        json!({"ArnLike": {"aws:SourceArn": "arn:aws:someservice:*:111122223333:finance/*"}});
    let crossing =
        "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
    assert_eq!(
        decide(like.clone(), "*", source(crossing))?,
        Decision::ImplicitDeny
    );
    let plain = "arn:aws:someservice:us-east-2:111122223333:finance/a:b.txt";
    assert_eq!(decide(like.clone(), "*", source(plain))?, Decision::Allow);
    assert_eq!(
        decide(like, "*", source("not-an-arn"))?,
        Decision::ImplicitDeny
    );
    // "Resource": "If the * wildcard is the last character of a resource ARN segment, it can
    // expand to match beyond the colon boundaries."
    let none = json!({});
    assert_eq!(
        decide(none.clone(), "arn:aws:ecr:us-east-1:*", json!({}))?,
        Decision::Allow
    );
    assert_eq!(
        decide(none.clone(), "arn:aws:ecr:us-west-2:*", json!({}))?,
        Decision::ImplicitDeny
    );
    // "You can use wildcard characters (* and ?) within the individual segments": a `*` inside a
    // segment does not cross a colon.
    assert_eq!(
        decide(none, "arn:aws:ecr:us-*1:repository/app/web", json!({}))?,
        Decision::ImplicitDeny
    );
    // Numbers are compared as numbers, exactly.
    let age = |op: &str, v: &str| json!({op: {"aws:MultiFactorAuthAge": v}});
    let big = json!({"aws:MultiFactorAuthAge": "9007199254740993"});
    assert_eq!(
        decide(
            age("NumericGreaterThan", "9007199254740992"),
            "*",
            big.clone()
        )?,
        Decision::Allow
    );
    assert_eq!(
        decide(age("NumericEquals", "9007199254740993.000"), "*", big)?,
        Decision::Allow
    );
    // "Date condition operators" take epoch time: `-0.5` is before `0`.
    let epoch = json!({"DateLessThan": {"aws:EpochTime": "0"}});
    assert_eq!(
        decide(epoch, "*", json!({"aws:EpochTime": "-0.5"}))?,
        Decision::Allow
    );
    // "Variables": a substituted `*` is a character, not a wildcard.
    let like_name = json!({"StringLike": {"aws:PrincipalTag/team": "${aws:username}"}});
    let star = json!({"aws:username": "*", "aws:PrincipalTag/team": "web"});
    assert_eq!(
        decide(like_name.clone(), "*", star)?,
        Decision::ImplicitDeny
    );
    let same = json!({"aws:username": "*", "aws:PrincipalTag/team": "*"});
    assert_eq!(decide(like_name, "*", same)?, Decision::Allow);
    Ok(())
}
