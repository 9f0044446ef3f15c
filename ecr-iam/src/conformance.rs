//! The conformance case formats, read for `ecr-iam simulate` and for the tests crate (which
//! includes this file with `#[path]`): one JSON object per case with identity policies, an optional
//! repository policy, a request and the decision AWS IAM reaches (`conformance/policy-eval/`), and
//! optionally the rest of the decision chain (`conformance/policy-eval-stack/`):
//! `service_control_policies` and `resource_control_policies` (lists of organization levels, root
//! first, each a list of policies), `permission_boundaries` (exactly one policy),
//! `session_policies` and `vpc_endpoint_policy`. An absent key means no policy of that type
//! applies.
//!
//! This is CLI and test plumbing, not library API: it reads `serde_json::Value`s and reports
//! errors as text naming the part of the case, which is all `simulate` prints. It uses only the
//! public API of `ecr-actions`, as any other program would.

use ecr_actions::eval::{Context, ContextValue, Decision, Evaluator, Request, Resource};
use ecr_actions::policy::{PolicyDocument, PolicyError, parse_json};
use ecr_actions::{Action, RepositoryArn};
use serde_json::Value;

/// The longest case line [`parse_case`] reads, in bytes (1 MiB, as a policy document; the cases of
/// the shared samples are under 8 KiB).
pub(crate) const MAX_CASE_BYTES: usize = 1 << 20;

/// Reads one case line: JSON text holding one object, with no key written twice anywhere in it (a
/// duplicate `Effect` or `expected` would otherwise be read as whichever came last).
///
/// # Errors
///
/// A message for a line longer than [`MAX_CASE_BYTES`], text that is not JSON, nesting deeper
/// than 128, a duplicate key (with its path), or JSON that is not an object.
pub(crate) fn parse_case(line: &str) -> Result<Value, String> {
    if line.len() > MAX_CASE_BYTES {
        return Err(format!(
            "the line is {} bytes; a case is at most {MAX_CASE_BYTES} bytes",
            line.len()
        ));
    }
    let value = parse_json(line).map_err(|error| match error {
        // A case is one line, which the caller names: the column is the position to add.
        PolicyError::Json {
            message, column, ..
        } => format!("column {column}: not JSON: {message}"),
        other => other.to_string(),
    })?;
    if value.is_object() {
        Ok(value)
    } else {
        Err("a case is a JSON object (one a line)".to_owned())
    }
}

/// The case's `id`, if it has one.
#[must_use]
pub(crate) fn case_id(case: &Value) -> Option<&str> {
    case.get("id").and_then(Value::as_str)
}

/// The case's `expected` decision.
///
/// # Errors
///
/// When `expected` is missing or not one of `Allow`, `ExplicitDeny`, `ImplicitDeny`.
pub(crate) fn expected(case: &Value) -> Result<Decision, String> {
    let text = case
        .get("expected")
        .and_then(Value::as_str)
        .ok_or_else(|| "`expected`: missing, or not a string".to_owned())?;
    text.parse().map_err(|error| format!("`expected`: {error}"))
}

/// The policies of one case, every layer, read from its JSON.
#[derive(Debug, Default)]
struct Layers {
    identity: Vec<PolicyDocument>,
    resource: Option<PolicyDocument>,
    scps: Vec<Vec<PolicyDocument>>,
    rcps: Vec<Vec<PolicyDocument>>,
    boundary: Option<PolicyDocument>,
    session: Vec<PolicyDocument>,
    endpoint: Option<PolicyDocument>,
}

/// One policy at `at` (a key of the case, with its index).
fn policy(value: &Value, at: &str) -> Result<PolicyDocument, String> {
    PolicyDocument::from_value(value).map_err(|e| format!("{at}: {e}"))
}

/// A list of policies under `key`: absent or `null` is no policy.
fn policies(case: &Value, key: &str) -> Result<Vec<PolicyDocument>, String> {
    match case.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| policy(item, &format!("{key}[{i}]")))
            .collect(),
        Some(_) => Err(format!("`{key}`: expected an array of policies")),
    }
}

/// Organization levels under `key` (a list of lists of policies, root first).
fn levels(case: &Value, key: &str) -> Result<Vec<Vec<PolicyDocument>>, String> {
    match case.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(levels)) => levels
            .iter()
            .enumerate()
            .map(|(level, items)| match items {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| policy(item, &format!("{key}[{level}][{i}]")))
                    .collect(),
                _ => Err(format!(
                    "`{key}[{level}]`: expected an array of policies (one organization level)"
                )),
            })
            .collect(),
        Some(_) => Err(format!(
            "`{key}`: expected an array of organization levels, each an array of policies"
        )),
    }
}

/// One policy under `key`: absent or `null` is none.
fn single(case: &Value, key: &str) -> Result<Option<PolicyDocument>, String> {
    match case.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => policy(value, key).map(Some),
    }
}

impl Layers {
    fn read(case: &Value) -> Result<Self, String> {
        let mut boundaries = policies(case, "permission_boundaries")?;
        // AWS attaches at most one boundary to a user or role.
        if boundaries.len() > 1 {
            return Err(format!(
                "`permission_boundaries`: {} policies; a user or role has at most one permissions \
                 boundary",
                boundaries.len()
            ));
        }
        Ok(Self {
            identity: policies(case, "identity_policies")?,
            resource: single(case, "resource_policy")?,
            scps: levels(case, "service_control_policies")?,
            rcps: levels(case, "resource_control_policies")?,
            boundary: boundaries.pop(),
            session: policies(case, "session_policies")?,
            endpoint: single(case, "vpc_endpoint_policy")?,
        })
    }

    fn evaluator(&self) -> Result<Evaluator, String> {
        let mut builder = Evaluator::builder()
            .identity(&self.identity)
            .session_policies(&self.session);
        if let Some(resource) = &self.resource {
            builder = builder.resource_policy(resource);
        }
        for level in &self.scps {
            builder = builder.scp_level(level);
        }
        for level in &self.rcps {
            builder = builder.rcp_level(level);
        }
        if let Some(boundary) = &self.boundary {
            builder = builder.permissions_boundary(boundary);
        }
        if let Some(endpoint) = &self.endpoint {
            builder = builder.vpc_endpoint_policy(endpoint);
        }
        builder.build().map_err(|e| e.to_string())
    }
}

/// Evaluates one case: compiles its policies, builds its request, decides.
///
/// # Errors
///
/// A message naming the part of the case that cannot be read: a policy that is malformed or that
/// the evaluator refuses, an unknown action, a resource that is neither `*` nor a repository ARN, a
/// context value that is neither a string nor an array of strings, a context past one of
/// [`Context`]'s caps ([`Context::try_insert`]).
pub(crate) fn run_case(case: &Value) -> Result<Decision, String> {
    let evaluator = Layers::read(case)?.evaluator()?;
    let request = case
        .get("request")
        .ok_or_else(|| "missing `request`".to_owned())?;
    let text = |name: &str| {
        request
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("`request.{name}`: missing, or not a string"))
    };
    let principal = text("principal")?;
    let action: Action = text("action")?
        .parse()
        .map_err(|e| format!("`request.action`: {e}"))?;
    let resource_text = text("resource")?;
    let repository: Option<RepositoryArn> = match resource_text {
        "*" => None,
        arn => Some(
            arn.parse()
                .map_err(|e| format!("`request.resource`: {e}"))?,
        ),
    };
    let resource = repository
        .as_ref()
        .map_or(Resource::Any, Resource::Repository);
    let context = context(request.get("context"))?;
    Ok(evaluator.evaluate(&Request::new(principal, action, resource, &context)))
}

fn context(value: Option<&Value>) -> Result<Context, String> {
    let mut context = Context::new();
    let Some(value) = value else {
        return Ok(context);
    };
    let map = match value {
        Value::Null => return Ok(context),
        Value::Object(map) => map,
        _ => return Err("`request.context`: expected an object".to_owned()),
    };
    for (key, value) in map {
        let value = match value {
            Value::String(s) => ContextValue::Single(s.clone()),
            Value::Array(items) => ContextValue::Multi(
                items
                    .iter()
                    .map(|item| {
                        item.as_str().map(str::to_owned).ok_or_else(|| {
                            format!("`request.context[\"{key}\"]`: expected strings")
                        })
                    })
                    .collect::<Result<_, _>>()?,
            ),
            _ => {
                return Err(format!(
                    "`request.context[\"{key}\"]`: expected a string or an array of strings"
                ));
            }
        };
        context
            .try_insert(key, value)
            .map_err(|e| format!("`request.context`: {e}"))?;
    }
    Ok(context)
}
