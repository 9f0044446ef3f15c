//! The evaluator under test, as the differential test drives it: a case's policies (every layer the
//! case has) compiled with `Evaluator::builder`, a request in the conformance format decided by
//! `evaluate` and `evaluate_explained`, which must agree.

use ecr_actions::eval::{Context, ContextValue, Decision, Evaluator, Request, Resource};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, RepositoryArn};
use serde_json::Value;

/// The policy documents of a case, read by the crate's reader, compiled with every layer the case
/// has.
pub fn evaluator_for(case: &Value) -> Result<Evaluator, String> {
    let read = |p: &Value| PolicyDocument::from_value(p).map_err(|e| format!("reader: {e}"));
    let list = |value: &Value| -> Result<Vec<PolicyDocument>, String> {
        value
            .as_array()
            .map_or(Ok(Vec::new()), |items| items.iter().map(read).collect())
    };
    let levels = |value: &Value| -> Result<Vec<Vec<PolicyDocument>>, String> {
        value
            .as_array()
            .map_or(Ok(Vec::new()), |levels| levels.iter().map(list).collect())
    };
    let identity = list(&case["identity_policies"])?;
    let repository = match &case["resource_policy"] {
        Value::Null => None,
        policy => Some(read(policy)?),
    };
    let scps = levels(&case["service_control_policies"])?;
    let rcps = levels(&case["resource_control_policies"])?;
    let boundary = list(&case["permission_boundaries"])?;
    let session = list(&case["session_policies"])?;
    let endpoint = match &case["vpc_endpoint_policy"] {
        Value::Null => None,
        policy => Some(read(policy)?),
    };
    let mut builder = Evaluator::builder()
        .identity(&identity)
        .session_policies(&session);
    if let Some(repository) = &repository {
        builder = builder.resource_policy(repository);
    }
    for level in &scps {
        builder = builder.scp_level(level);
    }
    for level in &rcps {
        builder = builder.rcp_level(level);
    }
    if let Some(boundary) = boundary.first() {
        builder = builder.permissions_boundary(boundary);
    }
    if let Some(endpoint) = &endpoint {
        builder = builder.vpc_endpoint_policy(endpoint);
    }
    builder.build().map_err(|e| format!("refused: {e}"))
}

/// What the evaluator under test answers for a case: its decision, or why it could not decide.
pub fn evaluator_decides(case: &Value) -> Result<Decision, String> {
    decide_with(&evaluator_for(case)?, &case["request"])
}

/// What `evaluator` answers for a request in the conformance format; `evaluate` and
/// `evaluate_explained` must agree.
pub fn decide_with(evaluator: &Evaluator, request: &Value) -> Result<Decision, String> {
    let action: Action = request["action"]
        .as_str()
        .ok_or("no action")?
        .parse()
        .map_err(|e| format!("action: {e}"))?;
    let arn: Option<RepositoryArn> = match request["resource"].as_str() {
        Some("*") => None,
        Some(text) => Some(text.parse().map_err(|e| format!("resource: {e}"))?),
        None => return Err("no resource".into()),
    };
    let mut context = Context::new();
    for (key, value) in request["context"].as_object().ok_or("no context")? {
        let value = match value {
            Value::String(s) => ContextValue::Single(s.clone()),
            Value::Array(items) => ContextValue::Multi(
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
            ),
            _ => return Err("context value".into()),
        };
        context.insert(key, value);
    }
    let principal = request["principal"].as_str().ok_or("no principal")?;
    let resource = arn.as_ref().map_or(Resource::Any, Resource::Repository);
    let request = Request::new(principal, action, resource, &context);
    let decision = evaluator.evaluate(&request);
    let explained = evaluator.evaluate_explained(&request).decision;
    if explained != decision {
        return Err(format!(
            "evaluate says {decision}, evaluate_explained says {explained}"
        ));
    }
    Ok(decision)
}
