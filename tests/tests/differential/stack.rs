//! The reference's reading of the rest of the IAM decision chain: SCPs and RCPs by organization
//! level, a permissions boundary, session policies, a VPC endpoint policy. Naive like the rest of
//! the reference: every policy is read as JSON on every call and every statement walked; the rules
//! are written from the guides' sentences (quoted below), not from the crate's code.

use ecr_actions::eval::Decision;
use serde_json::{Value, json};

use super::{Named, Req, Side, arn_field, statement_applies};

/// The optional layers of a case, as the stack conformance format writes them.
#[derive(Clone, Copy, Default)]
pub struct Layers<'a> {
    /// `service_control_policies`: levels, each a JSON array of policies.
    pub scps: Option<&'a [Value]>,
    /// `resource_control_policies`: levels, each a JSON array of customer RCPs.
    pub rcps: Option<&'a [Value]>,
    /// `permission_boundaries[0]`.
    pub boundary: Option<&'a Value>,
    /// `session_policies`.
    pub session: Option<&'a [Value]>,
    /// `vpc_endpoint_policy`.
    pub endpoint: Option<&'a Value>,
}

/// What one policy says about the request.
#[derive(Default)]
struct Verdict {
    deny: bool,
    /// The strongest way a matching `Allow` names the requester.
    allow: Option<Named>,
}

fn rank(named: Option<Named>) -> u8 {
    match named {
        None => 0,
        Some(Named::ByAccount) => 1,
        Some(Named::ByRole) => 2,
        Some(Named::Directly) => 3,
    }
}

/// Walks every statement of `policy`. With `not_principal_denies_all`, a `Deny` with `NotPrincipal`
/// is read as if it named everyone: "The `NotPrincipal` element with a `Deny` effect will always
/// deny any IAM principal that has a permissions boundary policy attached, regardless of the
/// values specified in the `NotPrincipal` element" (Permissions boundaries for IAM entities).
fn verdict(
    policy: &Value,
    side: Side,
    req: &Req<'_>,
    not_principal_denies_all: bool,
) -> Result<Verdict, String> {
    let substitute = policy.get("Version").and_then(Value::as_str) == Some("2012-10-17");
    let statements = match policy.get("Statement") {
        Some(Value::Array(items)) => items.clone(),
        Some(one @ Value::Object(_)) => vec![one.clone()],
        _ => return Err("`Statement` missing".into()),
    };
    let mut out = Verdict::default();
    for mut statement in statements {
        let deny = statement.get("Effect").and_then(Value::as_str) == Some("Deny");
        if not_principal_denies_all
            && deny
            && let Some(map) = statement.as_object_mut()
            && map.remove("NotPrincipal").is_some()
        {
            map.insert("Principal".into(), json!("*"));
        }
        let Some(named) = statement_applies(&statement, side, substitute, req)? else {
            continue;
        };
        if deny {
            out.deny = true;
        } else if rank(Some(named)) > rank(out.allow) {
            out.allow = Some(named);
        }
    }
    Ok(out)
}

/// The decision with every layer, per the conformance README's "The decision" and the IAM User
/// Guide's "How AWS enforcement code logic evaluates requests":
/// 1. "If the enforcement code finds even one explicit deny that applies, the enforcement code
///    returns a final decision of Deny" — in any layer;
/// 2. "If the enforcement code does not find any applicable Allow statements in the SCPs, the
///    enforcement code returns a final decision of Deny", level by level; RCPs: "RCPFullAWSAccess
///    can't be detached, so there will always be an Allow statement" (customer RCPs only deny);
///    the endpoint policy must allow ("An endpoint policy does not override or replace
///    identity-based policies or resource-based policies");
/// 3. the principal's side is its identity policies, within its boundary ("allowed by both its
///    identity-based policies and its permissions boundaries") and its session policies ("the
///    intersection of the role's identity-based policy and the session policies");
/// 4. same account: a repository grant to the user, the session or `*` stands alone ("Permissions
///    granted directly to a session are not limited by an implicit deny in an identity-based
///    policy, a permissions boundary, or session policy"), one to the role needs the boundary and
///    the session policies, one to the account only delegates; across accounts both sides must
///    allow.
pub fn decide(
    identity: &[Value],
    repository: Option<&Value>,
    layers: &Layers<'_>,
    req: &Req<'_>,
) -> Result<Decision, String> {
    let principal_account = arn_field(req.principal, 4).ok_or("principal is not an ARN")?;
    let resource_account = if req.resource == "*" {
        principal_account
    } else {
        arn_field(req.resource, 4).ok_or("resource is not an ARN")?
    };
    let cross_account = principal_account != resource_account;
    let has_boundary = layers.boundary.is_some();

    let mut deny = false;
    let mut identity_allows = false;
    for policy in identity {
        let v = verdict(policy, Side::Identity, req, false)?;
        deny |= v.deny;
        identity_allows |= v.allow.is_some();
    }
    let mut repository_named = None;
    if let Some(policy) = repository {
        let v = verdict(policy, Side::Repository, req, has_boundary)?;
        deny |= v.deny;
        repository_named = v.allow;
    }
    let mut every_scp_level_allows = true;
    for level in layers.scps.unwrap_or_default() {
        let mut level_allows = false;
        for policy in level.as_array().ok_or("an SCP level is not an array")? {
            let v = verdict(policy, Side::Identity, req, false)?;
            deny |= v.deny;
            level_allows |= v.allow.is_some();
        }
        every_scp_level_allows &= level_allows;
    }
    for level in layers.rcps.unwrap_or_default() {
        for policy in level.as_array().ok_or("an RCP level is not an array")? {
            deny |= verdict(policy, Side::Repository, req, false)?.deny;
        }
    }
    let mut boundary_allows = true;
    if let Some(policy) = layers.boundary {
        let v = verdict(policy, Side::Identity, req, false)?;
        deny |= v.deny;
        boundary_allows = v.allow.is_some();
    }
    let mut session_allows = true;
    if let Some(policies) = layers.session {
        session_allows = false;
        for policy in policies {
            let v = verdict(policy, Side::Identity, req, false)?;
            deny |= v.deny;
            session_allows |= v.allow.is_some();
        }
    }
    let mut endpoint_allows = true;
    if let Some(policy) = layers.endpoint {
        let v = verdict(policy, Side::Repository, req, false)?;
        deny |= v.deny;
        endpoint_allows = v.allow.is_some();
    }

    if deny {
        return Ok(Decision::ExplicitDeny);
    }
    if !every_scp_level_allows || !endpoint_allows {
        return Ok(Decision::ImplicitDeny);
    }
    let principal_side = identity_allows && boundary_allows && session_allows;
    let repository_grants = match repository_named {
        Some(Named::Directly) => true,
        Some(Named::ByRole) => boundary_allows && session_allows,
        Some(Named::ByAccount) | None => false,
    };
    let allowed = if cross_account {
        principal_side && repository_named.is_some()
    } else {
        repository_grants || principal_side
    };
    Ok(if allowed {
        Decision::Allow
    } else {
        Decision::ImplicitDeny
    })
}
