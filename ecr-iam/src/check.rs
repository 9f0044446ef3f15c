//! `ecr-iam check …`: the policy checks of [`ecr_actions::check`] for CI.
//!
//! Prints the verdict (`PASS`, `FAIL`, `FAIL (could not prove)`) and one line per reason; with
//! `--json`, one object (its shape is in the README's "Policy checks" section). Exit status: 0 PASS,
//! 1 FAIL (proven or not), 2 bad input (a file that cannot be read or is not a policy the evaluator
//! accepts, a malformed action or resource).

use std::io::Write;
use std::path::Path;

use ecr_actions::check::{
    self, CheckResult, ConditionTest, Evidence, Finding, Grants, OtherActions, PrincipalName,
    PrincipalSet, Reason, ResourceSet, StatementRef, Verdict,
};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{ActionPattern, ArnPattern};
use serde_json::{Value, json};

use crate::args::{CheckArgs, CheckCommand};
use crate::failure::{Failure, print_json, print_lines};
use crate::table::paragraph;

/// Runs the subcommand.
pub(crate) fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let (name, result, json) = match &args.command {
        CheckCommand::NoNewAccess(a) => {
            let old = grants(&a.old)?;
            let new = grants(&a.new)?;
            if old.kind() != new.kind() {
                return Err(Failure::usage(format!(
                    "`{}` is an {} and `{}` a {}: compare policies of one kind",
                    a.old.display(),
                    old.kind(),
                    a.new.display(),
                    new.kind()
                )));
            }
            ("no-new-access", check::no_new_access(&old, &new), a.json)
        }
        CheckCommand::AccessNotGranted(a) => {
            let policy = grants(&a.policy)?;
            let mut problems = Vec::new();
            let actions: Vec<ActionPattern> = a
                .actions
                .iter()
                .filter_map(|text| {
                    ActionPattern::new(text)
                        .map_err(|e| problems.push(format!("`{text}` is not an action: {e}")))
                        .ok()
                })
                .collect();
            let resources: Vec<ArnPattern> = a
                .resources
                .iter()
                .filter_map(|text| {
                    ArnPattern::new(text)
                        .map_err(|e| problems.push(e.to_string()))
                        .ok()
                })
                .collect();
            if !problems.is_empty() {
                return Err(Failure::Usage(problems));
            }
            let result = check::access_not_granted(&policy, &actions, &resources);
            ("access-not-granted", result, a.json)
        }
        CheckCommand::NoPublicAccess(a) => {
            let document = document(&a.policy)?;
            let result = check::no_public_access_in(&document)
                .map_err(|error| Failure::usage(format!("`{}`: {error}", a.policy.display())))?;
            ("no-public-access", result, a.json)
        }
    };
    if json {
        print_json(out, &to_json(name, &result))?;
    } else {
        // Human output fits 80 columns, as every subcommand's: a reason too long for a line is
        // wrapped, its continuation indented under it.
        let lines: Vec<String> = result
            .to_string()
            .lines()
            .flat_map(|line| hanging(line.trim_start(), line.len() - line.trim_start().len()))
            .collect();
        print_lines(out, &lines)?;
    }
    match result.verdict {
        Verdict::Pass => Ok(()),
        verdict => Err(Failure::NoMatch(vec![format!("{name}: {verdict}")])),
    }
}

/// `text` wrapped within 80 columns: its first line indented by `indent`, the others by 2 more.
fn hanging(text: &str, indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text;
    let mut margin = indent;
    while !rest.is_empty() {
        let Some(first) = paragraph(rest, margin).into_iter().next() else {
            break;
        };
        // `paragraph` keeps the text's words whole or splits one wider than the line: what the
        // first line took is a prefix of `rest`.
        rest = rest
            .get(first.trim_start().len()..)
            .map_or("", str::trim_start);
        lines.push(first);
        margin = indent + 2;
    }
    lines
}

fn document(file: &Path) -> Result<PolicyDocument, Failure> {
    crate::lint::load(file, &crate::lint::display_name(file)).map_err(Failure::usage)
}

/// What the policy in `file` grants: a repository policy if a statement names a principal.
fn grants(file: &Path) -> Result<Grants, Failure> {
    Grants::new(&document(file)?)
        .map_err(|error| Failure::usage(format!("`{}`: {error}", file.display())))
}

fn statement(at: &StatementRef) -> Value {
    json!({"index": at.index, "sid": at.sid})
}

fn principal(name: &PrincipalName) -> String {
    match name {
        PrincipalName::Anyone => "*".to_owned(),
        PrincipalName::Account(account) => account.clone(),
        PrincipalName::Role { arn, .. } => arn.clone(),
        PrincipalName::Exact(text) => text.clone(),
    }
}

fn principals(set: &PrincipalSet) -> Value {
    match set {
        PrincipalSet::Identity => Value::Null,
        PrincipalSet::Named(names) => {
            json!({"Principal": names.iter().map(principal).collect::<Vec<_>>()})
        }
        PrincipalSet::AllExcept(names) => {
            json!({"NotPrincipal": names.iter().map(principal).collect::<Vec<_>>()})
        }
    }
}

fn resources(set: &ResourceSet) -> Value {
    let patterns: Vec<&str> = set.patterns.iter().map(|p| p.pattern.as_str()).collect();
    if set.negated {
        json!({"NotResource": patterns})
    } else {
        json!({"Resource": patterns})
    }
}

fn others(other: &OtherActions) -> Value {
    let texts = |ps: &[ActionPattern]| -> Vec<String> {
        ps.iter().map(|p| p.as_str().to_owned()).collect()
    };
    match other {
        OtherActions::None => Value::Null,
        OtherActions::Named(ps) => json!({"Action": texts(ps)}),
        OtherActions::AllExcept(ps) => json!({"NotAction": texts(ps)}),
    }
}

fn condition(test: &ConditionTest) -> Value {
    json!({"operator": test.operator.to_string(), "key": test.key, "values": test.values})
}

fn finding(finding: &Finding) -> (&'static str, Value) {
    match finding {
        Finding::NewAccess => ("new-access", Value::Null),
        Finding::DenyRemoved { old_statement } => ("deny-removed", statement(old_statement)),
        Finding::Granted => ("granted", Value::Null),
        Finding::Public => ("public", Value::Null),
        Finding::WildcardPrincipal { .. } => ("wildcard-principal", Value::Null),
        Finding::KindMismatch { .. } => ("kind-mismatch", Value::Null),
        _ => ("other", Value::Null),
    }
}

fn reason(reason: &Reason) -> Value {
    let (kind, old_statement) = finding(&reason.finding);
    let mut object = serde_json::Map::new();
    object.insert("finding".into(), json!(kind));
    object.insert(
        "statement".into(),
        json!(reason.statement.as_ref().map(statement)),
    );
    object.insert("old_statement".into(), old_statement);
    object.insert("proven".into(), json!(reason.evidence.is_proven()));
    object.insert("message".into(), json!(reason.to_string()));
    if let Some(access) = &reason.access {
        object.insert(
            "access".into(),
            json!({
                "actions": access.actions.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
                "other_actions": others(&access.other_actions),
                "resources": resources(&access.resources),
                "principals": principals(&access.principals),
                "conditions": access.conditions.iter().map(condition).collect::<Vec<_>>(),
            }),
        );
    }
    match &reason.evidence {
        Evidence::Witness(w) => {
            let context: serde_json::Map<String, Value> = w
                .context
                .iter()
                .map(|(key, value)| {
                    let value = match value {
                        ecr_actions::eval::ContextValueRef::Single(v) => json!(v),
                        ecr_actions::eval::ContextValueRef::Multi(vs) => json!(vs),
                    };
                    (key.to_owned(), value)
                })
                .collect();
            object.insert(
                "witness".into(),
                json!({
                    "principal": w.principal,
                    "action": w.action.as_str(),
                    "resource": w.resource.as_ref().map_or("*", |r| r.as_str()),
                    "context": context,
                    "identity_policy": match w.identity {
                        check::CallerIdentity::Checked => "checked",
                        check::CallerIdentity::NoPolicy => "none",
                        check::CallerIdentity::AllowsEverything => "allow-all",
                    },
                }),
            );
        }
        Evidence::OtherService { action } => {
            object.insert("other_service_action".into(), json!(action));
        }
        Evidence::CouldNotProve(why) => {
            object.insert("could_not_prove".into(), json!(why));
        }
        _ => {}
    }
    Value::Object(object)
}

fn to_json(name: &str, result: &CheckResult) -> Value {
    json!({
        "check": name,
        "verdict": match result.verdict {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Unproven => "unproven",
        },
        "reasons": result.reasons.iter().map(reason).collect::<Vec<_>>(),
    })
}
