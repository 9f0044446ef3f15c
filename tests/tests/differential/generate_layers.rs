//! Generators of the rest of the decision chain: valid SCP and RCP levels, permissions boundaries,
//! session policies and VPC endpoint policies, each present in some policy sets only. Every policy
//! keeps to the rules AWS enforces for its type (`PolicyType::validate`): SCPs, boundaries and
//! session policies are identity-style; RCPs are `Deny` statements with `"Principal": "*"`, no
//! `NotAction`, `Version` 2012-10-17; endpoint policies name principals with `Principal` only. They
//! mostly allow, so that the cases still reach every decision in the asserted shares.

use serde_json::{Map, Value, json};

use super::{
    ACTION_PATTERNS, POLICY_PRINCIPALS, RESOURCE_PATTERNS, Rng, Tuning, condition, one_or_many,
    statement,
};

/// Percent of policy sets that carry any layer beyond identity and repository policies.
const LAYERED: u64 = 45;

/// The layers' own statements deny less often than identity policies: a layer that denies what
/// it is asked decides too many cases the same way.
const LAYER_TUNING: Tuning = Tuning {
    deny: 12,
    conditions: 40,
    repository_policy: 0,
};

fn allow_all() -> Value {
    json!({"Effect": "Allow", "Action": "*", "Resource": "*"})
}

/// An identity-style policy (SCP, boundary, session policy): usually an `Allow` of everything
/// (`FullAWSAccess`-like), then up to `extra` statements drawn as identity statements are.
fn identity_style(rng: &mut Rng, allow_all_percent: u64, extra: usize) -> Value {
    let mut statements = Vec::new();
    if rng.chance(allow_all_percent) {
        statements.push(allow_all());
    }
    for _ in 0..rng.between(usize::from(statements.is_empty()), extra) {
        statements.push(statement(rng, LAYER_TUNING, false));
    }
    json!({"Version": "2012-10-17", "Statement": statements})
}

/// A customer RCP: one or two `Deny` statements for `"Principal": "*"`, usually with a condition.
fn rcp(rng: &mut Rng) -> Value {
    let statements: Vec<Value> = (0..rng.between(1, 2))
        .map(|_| {
            let mut s = Map::new();
            s.insert("Effect".into(), json!("Deny"));
            s.insert("Principal".into(), json!("*"));
            s.insert("Action".into(), one_or_many(rng, &ACTION_PATTERNS, 2));
            let resource = if rng.chance(15) {
                "NotResource"
            } else {
                "Resource"
            };
            s.insert(resource.into(), one_or_many(rng, &RESOURCE_PATTERNS, 2));
            if rng.chance(85) {
                s.insert("Condition".into(), condition(rng));
            }
            Value::Object(s)
        })
        .collect();
    json!({"Version": "2012-10-17", "Statement": statements})
}

/// A VPC endpoint policy: statements with `Principal` (`"*"` mostly), the first usually the
/// default policy's `Allow` of everything.
fn endpoint(rng: &mut Rng) -> Value {
    let mut statements = Vec::new();
    if rng.chance(80) {
        statements
            .push(json!({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}));
    }
    for _ in 0..rng.between(usize::from(statements.is_empty()), 2) {
        let mut s = Map::new();
        let deny = rng.chance(25);
        s.insert("Effect".into(), json!(if deny { "Deny" } else { "Allow" }));
        let principal = if rng.chance(75) {
            json!("*")
        } else {
            json!({"AWS": one_or_many(rng, &POLICY_PRINCIPALS, 2)})
        };
        s.insert("Principal".into(), principal);
        s.insert("Action".into(), one_or_many(rng, &ACTION_PATTERNS, 2));
        s.insert("Resource".into(), one_or_many(rng, &RESOURCE_PATTERNS, 2));
        if rng.chance(40) {
            s.insert("Condition".into(), condition(rng));
        }
        statements.push(Value::Object(s));
    }
    // The default endpoint policy has no `Version`.
    if rng.chance(20) {
        json!({"Statement": statements})
    } else {
        json!({"Version": "2012-10-17", "Statement": statements})
    }
}

/// The optional layers of a case, as the keys of the stack conformance format (none for half of
/// the policy sets).
pub fn layers(rng: &mut Rng) -> Map<String, Value> {
    let mut out = Map::new();
    if !rng.chance(LAYERED) {
        return out;
    }
    if rng.chance(50) {
        let levels: Vec<Value> = (0..rng.between(1, 3))
            .map(|_| {
                let policies: Vec<Value> = (0..rng.between(1, 2))
                    .map(|_| identity_style(rng, 90, 2))
                    .collect();
                json!(policies)
            })
            .collect();
        out.insert("service_control_policies".into(), json!(levels));
    }
    if rng.chance(35) {
        let levels: Vec<Value> = (0..rng.between(1, 3))
            .map(|_| {
                let policies: Vec<Value> = (0..rng.between(0, 1)).map(|_| rcp(rng)).collect();
                json!(policies)
            })
            .collect();
        out.insert("resource_control_policies".into(), json!(levels));
    }
    if rng.chance(40) {
        out.insert(
            "permission_boundaries".into(),
            json!([identity_style(rng, 60, 2)]),
        );
    }
    if rng.chance(30) {
        // Session policies are at most 2,048 characters: one or two short statements each.
        let policies: Vec<Value> = (0..rng.between(1, 2))
            .map(|_| identity_style(rng, 60, 1))
            .collect();
        out.insert("session_policies".into(), json!(policies));
    }
    if rng.chance(30) {
        out.insert("vpc_endpoint_policy".into(), endpoint(rng));
    }
    out
}
