//! The conformance case format: one JSON object per case with identity policies, an optional
//! repository policy, a request and the decision AWS IAM reaches (see the project's
//! `conformance/policy-eval/README.md`). Shared by the tests and `ecr-iam simulate`.
//!
//! ```
//! use ecr_actions::eval::Decision;
//! use ecr_actions::eval::conformance::{expected, run_case};
//! let case: serde_json::Value = serde_json::from_str(r#"{
//!   "id": "example", "resource_policy": null,
//!   "identity_policies": [{"Version": "2012-10-17",
//!       "Statement": [{"Effect": "Allow", "Action": "ecr:Get*", "Resource": "*"}]}],
//!   "request": {"principal": "arn:aws:iam::111122223333:user/alice",
//!               "action": "ecr:GetAuthorizationToken", "resource": "*", "context": {}},
//!   "expected": "Allow"}"#)?;
//! assert_eq!(run_case(&case), Ok(Decision::Allow));
//! assert_eq!(expected(&case), Ok(Decision::Allow));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde_json::Value;

use super::{Context, ContextValue, Decision, Evaluator, Request, Resource};
use crate::policy::PolicyDocument;
use crate::{Action, RepositoryArn};

/// The longest case line [`parse_case`] reads, in bytes (1 MiB, as a policy document; the cases of
/// the shared sample are under 2 KiB).
pub const MAX_CASE_BYTES: usize = 1 << 20;

/// Reads one case line: JSON text holding one object, with no key written twice anywhere in it (a
/// duplicate `Effect` or `expected` would otherwise be read as whichever came last).
///
/// ```
/// use ecr_actions::eval::conformance::parse_case;
/// assert!(parse_case(r#"{"id": "a", "expected": "Allow"}"#).is_ok());
/// let error = parse_case(r#"{"id": "a", "expected": "Allow", "expected": "ExplicitDeny"}"#).unwrap_err();
/// assert!(error.starts_with("expected: duplicate key `expected`"), "{error}");
/// assert!(parse_case("[1, 2]").unwrap_err().contains("a case is a JSON object"));
/// ```
///
/// # Errors
///
/// A message for a line longer than [`MAX_CASE_BYTES`], text that is not JSON, nesting deeper
/// than 128, a duplicate key (with its path), or JSON that is not an object.
pub fn parse_case(line: &str) -> Result<Value, String> {
    if line.len() > MAX_CASE_BYTES {
        return Err(format!(
            "the line is {} bytes; a case is at most {MAX_CASE_BYTES} bytes",
            line.len()
        ));
    }
    let value = crate::policy::parse_json(line).map_err(|error| error.to_string())?;
    if value.is_object() {
        Ok(value)
    } else {
        Err("a case is a JSON object (one a line)".to_owned())
    }
}

/// The case's `id`, if it has one.
#[must_use]
pub fn case_id(case: &Value) -> Option<&str> {
    case.get("id").and_then(Value::as_str)
}

/// The case's `expected` decision.
///
/// # Errors
///
/// When `expected` is missing or not one of `Allow`, `ExplicitDeny`, `ImplicitDeny`.
pub fn expected(case: &Value) -> Result<Decision, String> {
    case.get("expected")
        .and_then(Value::as_str)
        .ok_or_else(|| "`expected`: missing, or not a string".to_owned())?
        .parse()
        .map_err(|error: super::ParseDecisionError| error.to_string())
}

/// Evaluates one case: compiles its policies, builds its request, decides.
///
/// # Errors
///
/// A message naming the part of the case that cannot be read: a policy that is malformed or that
/// the evaluator refuses, an unknown action, a resource that is neither `*` nor a repository ARN, a
/// context value that is neither a string nor an array of strings, a context past one of
/// [`Context`]'s caps ([`Context::try_insert`]).
pub fn run_case(case: &Value) -> Result<Decision, String> {
    let identity = match case.get("identity_policies") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(policies)) => policies
            .iter()
            .enumerate()
            .map(|(i, p)| {
                PolicyDocument::from_value(p).map_err(|e| format!("identity_policies[{i}]: {e}"))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("`identity_policies`: expected an array".to_owned()),
    };
    let resource_policy = match case.get("resource_policy") {
        None | Some(Value::Null) => None,
        Some(policy) => {
            Some(PolicyDocument::from_value(policy).map_err(|e| format!("resource_policy: {e}"))?)
        }
    };
    let evaluator =
        Evaluator::new(&identity, resource_policy.as_ref()).map_err(|e| e.to_string())?;
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
