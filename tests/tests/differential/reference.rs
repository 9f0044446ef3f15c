//! A deliberately naive reference evaluator, written straight from the IAM User Guide: it reads the
//! policies as JSON on every call, walks every statement, and matches wildcards with a plain dynamic
//! program over characters. No precompilation, no caches, no shortcuts: it is a test oracle, clarity
//! over speed. Nothing here is shared with the crate under test but the `Decision` type it answers
//! with.
//!
//! It covers what the generators produce (valid policies only); it answers `Err` on anything it does
//! not read, so a generator mistake shows instead of being decided silently.

use std::net::IpAddr;

use ecr_actions::eval::Decision;
use serde_json::{Map, Value};

/// A request in the conformance format's terms.
pub struct Req<'a> {
    /// The principal's ARN.
    pub principal: &'a str,
    /// `ecr:BatchGetImage`.
    pub action: &'a str,
    /// A repository ARN, or `*` (no resource type).
    pub resource: &'a str,
    /// The request context: a string or an array of strings per key.
    pub context: &'a Map<String, Value>,
}

/// Which policy a statement comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Identity,
    Repository,
}

/// How a repository policy statement's `Principal` names the requester.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Named {
    /// `*`, the principal's ARN, or (for a session) its role.
    Directly,
    /// Only through its account.
    ByAccount,
}

/// The decision for `req` under `identity` policies and an optional repository policy.
///
/// IAM User Guide, "Policy evaluation logic" (the flowchart) and "Cross-account policy evaluation
/// logic":
/// - "An explicit deny in any of the policies overrides the allow." ("Policy evaluation for
///   requests within a single account") — any matching `Deny` decides `ExplicitDeny`;
/// - same account: "If an action is allowed by an identity-based policy, a resource-based policy,
///   or both, then AWS allows the action" — but a resource policy that names only the account
///   delegates to the account's IAM policies (the conformance README: "it does not allow a
///   same-account principal by itself");
/// - cross account: "The resource-based policy in the trusting account must specify the principal
///   of the trusted account that will have access to the resource" and "The principal's
///   identity-based policy must allow the requested access to the resource in the trusting
///   service" — both must allow;
/// - otherwise the default: "By default, all requests are implicitly denied".
pub fn decide(
    identity: &[Value],
    repository: Option<&Value>,
    req: &Req<'_>,
) -> Result<Decision, String> {
    let principal_account = arn_field(req.principal, 4).ok_or("principal is not an ARN")?;
    // The conformance README: the resource `*` "counts as the principal's own account".
    let resource_account = if req.resource == "*" {
        principal_account
    } else {
        arn_field(req.resource, 4).ok_or("resource is not an ARN")?
    };
    let cross_account = principal_account != resource_account;

    let mut deny = false;
    let mut identity_allows = false;
    let mut repository_allows = false;
    let mut repository_delegates = false;
    let policies = identity
        .iter()
        .map(|p| (Side::Identity, p))
        .chain(repository.map(|p| (Side::Repository, p)));
    for (side, policy) in policies {
        let substitute = policy.get("Version").and_then(Value::as_str) == Some("2012-10-17");
        let statements = match policy.get("Statement") {
            Some(Value::Array(items)) => items.iter().collect::<Vec<_>>(),
            Some(one @ Value::Object(_)) => vec![one],
            _ => return Err("`Statement` missing".into()),
        };
        for statement in statements {
            let Some(named) = statement_applies(statement, side, substitute, req)? else {
                continue;
            };
            match (statement.get("Effect").and_then(Value::as_str), side, named) {
                (Some("Deny"), _, _) => deny = true,
                (Some("Allow"), Side::Identity, _) => identity_allows = true,
                (Some("Allow"), Side::Repository, Named::Directly) => repository_allows = true,
                (Some("Allow"), Side::Repository, Named::ByAccount) => repository_delegates = true,
                _ => return Err("`Effect` is neither Allow nor Deny".into()),
            }
        }
    }
    let allowed = if cross_account {
        identity_allows && (repository_allows || repository_delegates)
    } else {
        identity_allows || repository_allows
    };
    Ok(if deny {
        Decision::ExplicitDeny
    } else if allowed {
        Decision::Allow
    } else {
        Decision::ImplicitDeny
    })
}

/// Whether the statement applies to the request, and how its principal names the requester.
fn statement_applies(
    statement: &Value,
    side: Side,
    substitute: bool,
    req: &Req<'_>,
) -> Result<Option<Named>, String> {
    // "IAM JSON policy elements: Action" / "NotAction": action names ignore case; `NotAction`
    // matches every action except those listed.
    let action = match (statement.get("Action"), statement.get("NotAction")) {
        (Some(list), None) => strings(list)?.iter().any(|p| action_matches(p, req.action)),
        (None, Some(list)) => !strings(list)?.iter().any(|p| action_matches(p, req.action)),
        _ => return Err("exactly one of Action/NotAction expected".into()),
    };
    if !action {
        return Ok(None);
    }
    let effect_deny = statement.get("Effect").and_then(Value::as_str) == Some("Deny");
    let named = match side {
        Side::Identity => Named::Directly,
        Side::Repository => match principal_named(statement, effect_deny, req.principal)? {
            Some(named) => named,
            None => return Ok(None),
        },
    };
    // "IAM JSON policy elements: Resource"; a repository policy statement without `Resource`
    // applies to the repository it is attached to.
    let resource = match (statement.get("Resource"), statement.get("NotResource")) {
        (Some(list), None) => any_resource(list, substitute, req)?,
        (None, Some(list)) => !any_resource(list, substitute, req)?,
        (None, None) if side == Side::Repository => true,
        _ => return Err("exactly one of Resource/NotResource expected".into()),
    };
    if !resource {
        return Ok(None);
    }
    // "Creating a condition with multiple context keys or values": "If your policy has multiple
    // condition operators or multiple context keys, the conditions are evaluated using a logical
    // AND."
    if let Some(block) = statement.get("Condition") {
        let block = block.as_object().ok_or("`Condition` is not an object")?;
        for (operator, keys) in block {
            let keys = keys
                .as_object()
                .ok_or("a condition operator holds no object")?;
            for (key, values) in keys {
                if !condition_holds(operator, key, values, substitute, req.context)? {
                    return Ok(None);
                }
            }
        }
    }
    Ok(Some(named))
}

fn strings(value: &Value) -> Result<Vec<String>, String> {
    match value {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Bool(b) => Ok(vec![b.to_string()]),
        Value::Number(n) => Ok(vec![n.to_string()]),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.clone()),
                Value::Bool(b) => Ok(b.to_string()),
                Value::Number(n) => Ok(n.to_string()),
                _ => Err("a list of strings expected".to_owned()),
            })
            .collect(),
        _ => Err("a string or a list of strings expected".into()),
    }
}

/// Field `index` (0-based) of an ARN, splitting at the first five colons.
fn arn_field(arn: &str, index: usize) -> Option<&str> {
    let fields: Vec<&str> = arn.splitn(6, ':').collect();
    if fields.len() == 6 && fields.first() == Some(&"arn") {
        fields.get(index).copied()
    } else {
        None
    }
}

// ---- wildcards ----

/// One position of a pattern: a character as written (or substituted), or a wildcard.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Lit(char),
    Star,
    Quest,
}

/// Plain backtracking over the pattern: whether `pattern` matches all of `text`.
/// `star_may_take(i, c)` says whether the `*` at position `i` of the pattern may take the character
/// `c`; `?` takes any one character `quest_may_take` allows. Literals and `?` are walked in a loop
/// and each `*` tries every length (recursion only per `*`: values can be long). Exponential in the
/// number of stars in the worst case, which the short generated patterns never reach.
fn glob(
    pattern: &[Tok],
    text: &[char],
    star_may_take: &dyn Fn(usize, char) -> bool,
    quest_may_take: &dyn Fn(char) -> bool,
) -> bool {
    glob_from(0, pattern, text, star_may_take, quest_may_take)
}

fn glob_from(
    start: usize,
    pattern: &[Tok],
    text: &[char],
    star_may_take: &dyn Fn(usize, char) -> bool,
    quest_may_take: &dyn Fn(char) -> bool,
) -> bool {
    let mut j = 0;
    for (offset, tok) in pattern.iter().enumerate() {
        let i = start + offset;
        match tok {
            Tok::Star => {
                let rest = &pattern[offset + 1..];
                for taken in j..=text.len() {
                    if taken > j && !star_may_take(i, text[taken - 1]) {
                        return false;
                    }
                    if glob_from(i + 1, rest, &text[taken..], star_may_take, quest_may_take) {
                        return true;
                    }
                }
                return false;
            }
            Tok::Quest => match text.get(j) {
                Some(c) if quest_may_take(*c) => j += 1,
                _ => return false,
            },
            Tok::Lit(p) => match text.get(j) {
                Some(c) if c == p => j += 1,
                _ => return false,
            },
        }
    }
    j == text.len()
}

/// Text as a pattern, without variables: every `*` and `?` is a wildcard.
fn literal_pattern(text: &str) -> Vec<Tok> {
    text.chars()
        .map(|c| match c {
            '*' => Tok::Star,
            '?' => Tok::Quest,
            c => Tok::Lit(c),
        })
        .collect()
}

/// "IAM JSON policy elements: Action": action names are case-insensitive; `*` and `?` match
/// anything (`"Action": "ecr:*"`, `"Action": "*"`).
fn action_matches(pattern: &str, action: &str) -> bool {
    let text: Vec<char> = action.to_lowercase().chars().collect();
    glob(
        &literal_pattern(&pattern.to_lowercase()),
        &text,
        &|_, _| true,
        &|_| true,
    )
}

/// "IAM JSON policy elements: Resource", "Using wildcards in resource ARNs": "You can use wildcard
/// characters (* and ?) within the individual segments of an ARN (the parts separated by colons)"
/// and "If the * wildcard is the last character of a resource ARN segment, it can expand to match
/// beyond the colon boundaries." So `?` and a `*` inside a segment never take a colon; a `*` that
/// ends a segment (before a colon, or at the end) may. `"*"` alone is every resource.
fn resource_matches(pattern: &[Tok], resource: &str) -> bool {
    let text: Vec<char> = resource.chars().collect();
    let segment_end = |i: usize| matches!(pattern.get(i + 1), None | Some(Tok::Lit(':')));
    glob(pattern, &text, &|i, c| c != ':' || segment_end(i), &|c| {
        c != ':'
    })
}

fn any_resource(list: &Value, substitute: bool, req: &Req<'_>) -> Result<bool, String> {
    for entry in strings(list)? {
        if let Some(pattern) = render_pattern(&entry, substitute, req.context)?
            && resource_matches(&pattern, req.resource)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

// ---- policy variables ----

/// One piece of a policy value under "IAM policy elements: Variables and tags".
enum Piece {
    Text(String),
    /// "Special characters": `${*}`, `${?}`, `${$}` "represent" the character itself.
    Char(char),
    Var {
        key: String,
        default: Option<String>,
    },
}

/// Splits `text` into pieces; under Version 2008-10-17 or without `Version` ("IAM JSON policy
/// elements: Version": policy variables need `2012-10-17`) everything is text.
fn pieces(text: &str, substitute: bool) -> Result<Vec<Piece>, String> {
    if !substitute {
        return Ok(vec![Piece::Text(text.to_owned())]);
    }
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push(Piece::Text(rest[..start].to_owned()));
        let inner = &rest[start + 2..start + len];
        out.push(match inner {
            "*" => Piece::Char('*'),
            "?" => Piece::Char('?'),
            "$" => Piece::Char('$'),
            _ => match inner.split_once(',') {
                // "Specifying default values": `${aws:PrincipalTag/team, 'none'}`.
                Some((key, default)) => {
                    let default = default.trim();
                    let default = default
                        .strip_prefix('\'')
                        .and_then(|d| d.strip_suffix('\''))
                        .ok_or_else(|| format!("bad default in `{inner}`"))?;
                    Piece::Var {
                        key: key.trim().to_owned(),
                        default: Some(default.to_owned()),
                    }
                }
                None => Piece::Var {
                    key: inner.trim().to_owned(),
                    default: None,
                },
            },
        });
        rest = &rest[start + len + 1..];
    }
    out.push(Piece::Text(rest.to_owned()));
    Ok(out)
}

/// A single-valued context key, its name compared ignoring case ("Condition element": "Condition
/// key names are not case-sensitive").
fn context_value<'c>(context: &'c Map<String, Value>, key: &str) -> Option<&'c Value> {
    context
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

/// The value a variable stands for: the single value of its key, else its default. "Policy
/// variables with no value": without either, the variable has no value and the entry holding it
/// matches nothing (`None`).
fn variable_value(
    context: &Map<String, Value>,
    key: &str,
    default: Option<&String>,
) -> Option<String> {
    match context_value(context, key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => None,
        None => default.cloned(),
    }
}

/// The value with its variables replaced, as plain text (for equality operators).
fn render_text(
    text: &str,
    substitute: bool,
    context: &Map<String, Value>,
) -> Result<Option<String>, String> {
    let mut out = String::new();
    for piece in pieces(text, substitute)? {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Char(c) => out.push(c),
            Piece::Var { key, default } => match variable_value(context, &key, default.as_ref()) {
                Some(v) => out.push_str(&v),
                None => return Ok(None),
            },
        }
    }
    Ok(Some(out))
}

/// The value as a pattern: wildcards only where the policy wrote them; every character that a
/// variable or an escape stands for is a literal character, whatever it is.
fn render_pattern(
    text: &str,
    substitute: bool,
    context: &Map<String, Value>,
) -> Result<Option<Vec<Tok>>, String> {
    let mut out = Vec::new();
    for piece in pieces(text, substitute)? {
        match piece {
            Piece::Text(t) => out.extend(literal_pattern(&t)),
            Piece::Char(c) => out.push(Tok::Lit(c)),
            Piece::Var { key, default } => match variable_value(context, &key, default.as_ref()) {
                Some(v) => out.extend(v.chars().map(Tok::Lit)),
                None => return Ok(None),
            },
        }
    }
    Ok(Some(out))
}

// ---- principals ----

/// The account of an entry that stands for an account: a 12-digit ID or `arn:aws:iam::ID:root`.
fn account_entry(entry: &str) -> Option<&str> {
    if entry.len() == 12 && entry.bytes().all(|b| b.is_ascii_digit()) {
        return Some(entry);
    }
    let account = arn_field(entry, 4)?;
    (arn_field(entry, 2) == Some("iam") && arn_field(entry, 5) == Some("root")).then_some(account)
}

/// For a role session `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`, the account and role name.
fn session_role(principal: &str) -> Option<(&str, &str)> {
    if arn_field(principal, 2) != Some("sts") {
        return None;
    }
    let rest = arn_field(principal, 5)?.strip_prefix("assumed-role/")?;
    let (role, _session) = rest.split_once('/')?;
    Some((arn_field(principal, 4)?, role))
}

/// For a role ARN `arn:aws:iam::ACCOUNT:role/PATH/NAME`, the account and role name.
fn role_entry(entry: &str) -> Option<(&str, &str)> {
    if arn_field(entry, 2) != Some("iam") {
        return None;
    }
    let path = arn_field(entry, 5)?.strip_prefix("role/")?;
    Some((arn_field(entry, 4)?, path.rsplit('/').next()?))
}

/// How a `Principal` entry names the requester. IAM User Guide, "AWS JSON policy elements:
/// Principal": `"*"` is everyone; an account (its ID or `arn:aws:iam::ID:root`) delegates to the
/// account, whose own policies decide (the conformance README: it "does not allow a same-account
/// principal by itself"); a role ARN stands for the role's sessions; a user or session ARN names
/// exactly that principal.
fn entry_names(entry: &str, principal: &str) -> Option<Named> {
    if entry == "*" {
        return Some(Named::Directly);
    }
    if let Some(account) = account_entry(entry) {
        return (arn_field(principal, 4) == Some(account)).then_some(Named::ByAccount);
    }
    if let (Some(role), Some(session)) = (role_entry(entry), session_role(principal)) {
        return (role == session).then_some(Named::Directly);
    }
    (entry == principal).then_some(Named::Directly)
}

fn principal_entries(value: &Value) -> Result<Vec<String>, String> {
    match value {
        Value::String(s) if s == "*" => Ok(vec!["*".into()]),
        Value::Object(map) => {
            let mut out = Vec::new();
            for (kind, entries) in map {
                if kind != "AWS" {
                    return Err(format!("principal kind `{kind}` not generated"));
                }
                out.extend(strings(entries)?);
            }
            Ok(out)
        }
        _ => Err("`Principal` malformed".into()),
    }
}

/// How the statement's `Principal` or `NotPrincipal` names `principal`; `None` if the statement does
/// not apply to it.
///
/// "AWS JSON policy elements: NotPrincipal": the statement applies to every principal except those
/// named; with `Deny` the guide's examples name the excepted principal's account too, because "AWS
/// might validate the account first, then the role, and then the assumed-role user" — a principal
/// is excepted from a `Deny` only when every link of its chain is named: its account, its role (for
/// a session) and itself. With `Allow` the statement applies only when no link is named.
fn principal_named(
    statement: &Value,
    effect_deny: bool,
    principal: &str,
) -> Result<Option<Named>, String> {
    match (statement.get("Principal"), statement.get("NotPrincipal")) {
        (Some(value), None) => {
            let entries = principal_entries(value)?;
            let named: Vec<Named> = entries
                .iter()
                .filter_map(|e| entry_names(e, principal))
                .collect();
            Ok(if named.contains(&Named::Directly) {
                Some(Named::Directly)
            } else if named.contains(&Named::ByAccount) {
                Some(Named::ByAccount)
            } else {
                None
            })
        }
        (None, Some(value)) => {
            let entries = principal_entries(value)?;
            let account = arn_field(principal, 4).unwrap_or_default();
            let mut links: Vec<bool> = Vec::new();
            // Its account.
            links.push(
                entries
                    .iter()
                    .any(|e| e == "*" || account_entry(e) == Some(account)),
            );
            // Its role, for a session.
            if let Some(role) = session_role(principal) {
                links.push(
                    entries
                        .iter()
                        .any(|e| e == "*" || role_entry(e) == Some(role)),
                );
            }
            // Itself.
            links.push(entries.iter().any(|e| e == "*" || e == principal));
            let applies = if effect_deny {
                !links.iter().all(|n| *n)
            } else {
                !links.iter().any(|n| *n)
            };
            Ok(applies.then_some(Named::Directly))
        }
        _ => Err("exactly one of Principal/NotPrincipal expected".into()),
    }
}

// ---- conditions ----

/// A condition operator: `[ForAllValues:|ForAnyValue:]Name[IfExists]`.
struct Operator<'a> {
    set: Option<&'a str>,
    name: &'a str,
    if_exists: bool,
}

fn operator(text: &str) -> Operator<'_> {
    let (set, rest) = match text.split_once(':') {
        Some((set, rest)) => (Some(set), rest),
        None => (None, text),
    };
    let (name, if_exists) = match rest.strip_suffix("IfExists") {
        Some(name) => (name, true),
        None => (rest, false),
    };
    Operator {
        set,
        name,
        if_exists,
    }
}

/// Whether one condition (operator, key, values) holds. IAM User Guide, "Condition operators":
/// - "If the key that you specify in a policy condition is not present in the request context,
///   the values do not match and the condition is false. If the policy condition requires that the
///   key is not matched, such as StringNotLike or ArnNotLike, and the right key is not present,
///   the condition is true."
/// - "…IfExists": "If the key is not present, evaluate the condition element as true."
/// - "Condition operator to check existence of condition keys" (`Null`): `true` holds when the key
///   is absent, `false` when it is present.
/// - "Creating a condition with multiple keys or values": several values of one key are OR-ed; a
///   negated operator holds when the request value matches none of them.
/// - "Set operators for multivalued context keys": `ForAllValues` holds when every request value
///   matches, and also when the key is absent or has no value; `ForAnyValue` when at least one
///   does, so never for an absent or empty key. A single value is a set of one.
fn condition_holds(
    operator_text: &str,
    key: &str,
    values: &Value,
    substitute: bool,
    context: &Map<String, Value>,
) -> Result<bool, String> {
    let op = operator(operator_text);
    let policy_values = strings(values)?;
    let found = context_value(context, key);
    if op.name == "Null" {
        let absent = found.is_none();
        return Ok(policy_values.iter().any(|v| (v == "true") == absent));
    }
    let negated = matches!(
        op.name,
        "StringNotEquals"
            | "StringNotEqualsIgnoreCase"
            | "StringNotLike"
            | "NumericNotEquals"
            | "DateNotEquals"
            | "NotIpAddress"
            | "ArnNotEquals"
            | "ArnNotLike"
    );
    let Some(found) = found else {
        return Ok(match op.set {
            _ if op.if_exists => true,
            None => negated,
            Some("ForAllValues") => true,
            Some(_) => false,
        });
    };
    let request_values: Vec<String> = match found {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => {
            if op.set.is_none() {
                return Err("a multivalued key under a plain operator is not generated".into());
            }
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        }
        _ => return Err("context value neither string nor list".into()),
    };
    let mut results = Vec::new();
    for value in &request_values {
        let mut any = false;
        for policy in &policy_values {
            if value_matches(op.name, policy, value, substitute, context)? {
                any = true;
            }
        }
        results.push(any != negated);
    }
    Ok(match op.set {
        Some("ForAllValues") => results.iter().all(|r| *r),
        Some("ForAnyValue") => results.iter().any(|r| *r),
        None => results.first().copied().unwrap_or(false),
        Some(other) => return Err(format!("unknown set operator `{other}`")),
    })
}

/// Whether a request value matches one policy value (before negation).
fn value_matches(
    name: &str,
    policy: &str,
    value: &str,
    substitute: bool,
    context: &Map<String, Value>,
) -> Result<bool, String> {
    Ok(match name {
        // "String condition operators": case-sensitive unless `IgnoreCase`.
        "StringEquals" | "StringNotEquals" | "BinaryEquals" => {
            render_text(policy, substitute, context)?.is_some_and(|p| p == value)
        }
        "StringEqualsIgnoreCase" | "StringNotEqualsIgnoreCase" => {
            render_text(policy, substitute, context)?
                .is_some_and(|p| p.to_lowercase() == value.to_lowercase())
        }
        // "StringLike": "Case-sensitive matching. The values can include multi-character match
        // wildcards (*) and single-character match wildcards (?) anywhere in the string."
        "StringLike" | "StringNotLike" => {
            let text: Vec<char> = value.chars().collect();
            render_pattern(policy, substitute, context)?
                .is_some_and(|p| glob(&p, &text, &|_, _| true, &|_| true))
        }
        // "ARN condition operators": "Each of the six colon-delimited components of the ARN is
        // checked separately and each can include multi-character match wildcards (*) or
        // single-character match wildcards (?)." — the sixth runs to the end, colons included; a
        // value that is not an ARN matches no ARN pattern.
        "ArnEquals" | "ArnLike" | "ArnNotEquals" | "ArnNotLike" => {
            let Some(pattern) = render_pattern(policy, substitute, context)? else {
                return Ok(false);
            };
            arn_components_match(&pattern, value)
        }
        "NumericEquals" | "NumericNotEquals" => {
            compare(number(policy)?, number_opt(value), |o| o.is_eq())
        }
        "NumericLessThan" => compare(number(policy)?, number_opt(value), |o| o.is_lt()),
        "NumericLessThanEquals" => compare(number(policy)?, number_opt(value), |o| o.is_le()),
        "NumericGreaterThan" => compare(number(policy)?, number_opt(value), |o| o.is_gt()),
        "NumericGreaterThanEquals" => compare(number(policy)?, number_opt(value), |o| o.is_ge()),
        "DateEquals" | "DateNotEquals" => compare(date(policy)?, date_opt(value), |o| o.is_eq()),
        "DateLessThan" => compare(date(policy)?, date_opt(value), |o| o.is_lt()),
        "DateLessThanEquals" => compare(date(policy)?, date_opt(value), |o| o.is_le()),
        "DateGreaterThan" => compare(date(policy)?, date_opt(value), |o| o.is_gt()),
        "DateGreaterThanEquals" => compare(date(policy)?, date_opt(value), |o| o.is_ge()),
        // "Boolean condition operators": `true` or `false`.
        "Bool" => policy == value,
        "IpAddress" | "NotIpAddress" => {
            let (network, prefix) = cidr(policy)?;
            value
                .parse::<IpAddr>()
                .is_ok_and(|address| in_network(address, network, prefix))
        }
        other => return Err(format!("operator `{other}` not generated")),
    })
}

/// The request value (left) against the policy value (right): `holds(request.cmp(policy))`.
fn compare<T: Ord>(
    policy: T,
    request: Option<T>,
    holds: impl Fn(std::cmp::Ordering) -> bool,
) -> bool {
    request.is_some_and(|r| holds(r.cmp(&policy)))
}

fn arn_components_match(pattern: &[Tok], value: &str) -> bool {
    let text: Vec<&str> = value.splitn(6, ':').collect();
    if text.len() != 6 || text.first() != Some(&"arn") {
        return false;
    }
    // The pattern's six components: split at its first five colons; the sixth keeps the rest.
    let mut components: Vec<Vec<Tok>> = vec![Vec::new()];
    for tok in pattern {
        if *tok == Tok::Lit(':') && components.len() < 6 {
            components.push(Vec::new());
        } else if let Some(last) = components.last_mut() {
            last.push(*tok);
        }
    }
    components.len() == 6
        && components.iter().zip(&text).all(|(p, t)| {
            let t: Vec<char> = t.chars().collect();
            glob(p, &t, &|_, _| true, &|_| true)
        })
}

// ---- numbers, dates, networks ----

/// An exact decimal: sign, integer digits without leading zeros, fraction digits without trailing
/// zeros. Ordered by value. ("Numeric condition operators" compare numbers; nothing in the guide
/// rounds them.)
#[derive(PartialEq, Eq, Debug)]
struct Decimal {
    negative: bool,
    int: String,
    frac: String,
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let magnitude = self
            .int
            .len()
            .cmp(&other.int.len())
            .then_with(|| self.int.cmp(&other.int))
            .then_with(|| self.frac.cmp(&other.frac));
        match (self.negative, other.negative) {
            (false, false) => magnitude,
            (true, true) => magnitude.reverse(),
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

fn number_opt(text: &str) -> Option<Decimal> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || !digits(int)
        || !digits(frac)
        || (unsigned.contains('.') && frac.is_empty())
    {
        return None;
    }
    let int = int.trim_start_matches('0').to_owned();
    let frac = frac.trim_end_matches('0').to_owned();
    let zero = int.is_empty() && frac.is_empty();
    Some(Decimal {
        negative: negative && !zero,
        int,
        frac,
    })
}

fn number(text: &str) -> Result<Decimal, String> {
    number_opt(text).ok_or_else(|| format!("`{text}` is not a number the generators write"))
}

/// Days from 1970-01-01 to a civil date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date as nanoseconds since the epoch. "Date condition operators" take the W3C profile of ISO
/// 8601 or epoch (UNIX) time: `YYYY-MM-DD`,
/// `YYYY-MM-DDThh:mm:ss[.s]TZD` (`TZD` = `Z` or `±hh:mm`), or epoch seconds with an optional
/// fraction and sign.
fn date_opt(text: &str) -> Option<i128> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if digits(whole) && (frac.is_empty() || digits(frac)) && !unsigned.ends_with('.') {
        let mut nanos: i128 = whole.parse::<i128>().ok()? * 1_000_000_000;
        let mut scale = 100_000_000;
        for b in frac.bytes().take(9) {
            nanos += i128::from(b - b'0') * scale;
            scale /= 10;
        }
        return Some(if text.starts_with('-') { -nanos } else { nanos });
    }
    let field = |s: &str, lo: i64, hi: i64| -> Option<i64> {
        let n: i64 = if digits(s) {
            s.parse().ok()?
        } else {
            return None;
        };
        (lo..=hi).contains(&n).then_some(n)
    };
    let (day_part, time_part) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut ymd = day_part.split('-');
    let year = ymd
        .next()
        .filter(|y| y.len() == 4)
        .and_then(|y| field(y, 0, 9999))?;
    let month = ymd
        .next()
        .filter(|m| m.len() == 2)
        .and_then(|m| field(m, 1, 12))?;
    let day = ymd
        .next()
        .filter(|d| d.len() == 2)
        .and_then(|d| field(d, 1, days_in_month(year, month)))?;
    if ymd.next().is_some() {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let mut nanos: i128 = 0;
    if let Some(time) = time_part {
        let (clock, offset) = if let Some(clock) = time.strip_suffix('Z') {
            (clock, 0)
        } else {
            let at = time.rfind(['+', '-'])?;
            let (clock, zone) = time.split_at(at);
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let (h, m) = zone.get(1..)?.split_once(':')?;
            let h = field(h, 0, 23).filter(|_| h.len() == 2)?;
            let m = field(m, 0, 59).filter(|_| m.len() == 2)?;
            (clock, sign * (h * 3600 + m * 60))
        };
        let (hms, frac) = clock.split_once('.').unwrap_or((clock, ""));
        let mut parts = hms.split(':');
        let h = parts
            .next()
            .filter(|s| s.len() == 2)
            .and_then(|s| field(s, 0, 23))?;
        let m = parts
            .next()
            .filter(|s| s.len() == 2)
            .and_then(|s| field(s, 0, 59))?;
        let s = parts
            .next()
            .filter(|s| s.len() == 2)
            .and_then(|s| field(s, 0, 59))?;
        if parts.next().is_some() || (clock.contains('.') && !digits(frac)) {
            return None;
        }
        seconds += h * 3600 + m * 60 + s - offset;
        let mut scale = 100_000_000;
        for b in frac.bytes().take(9) {
            nanos += i128::from(b - b'0') * scale;
            scale /= 10;
        }
    }
    Some(i128::from(seconds) * 1_000_000_000 + nanos)
}

fn date(text: &str) -> Result<i128, String> {
    date_opt(text).ok_or_else(|| format!("`{text}` is not a date the generators write"))
}

/// "IP address condition operators" take CIDR blocks (`203.0.113.0/24`, `2001:DB8:1234:5678::/64`);
/// an address alone is the whole-length prefix.
fn cidr(text: &str) -> Result<(IpAddr, u32), String> {
    let (address, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (text, None),
    };
    let address: IpAddr = address
        .parse()
        .map_err(|_| format!("`{text}`: not an address"))?;
    let bits = if address.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix {
        Some(p) => p
            .parse::<u32>()
            .map_err(|_| format!("`{text}`: bad prefix"))?,
        None => bits,
    };
    if prefix > bits {
        return Err(format!("`{text}`: prefix too long"));
    }
    Ok((address, prefix))
}

/// The manual prefix check: the first `prefix` bits agree. An IPv4 address is never in an IPv6
/// network or the other way round.
fn in_network(address: IpAddr, network: IpAddr, prefix: u32) -> bool {
    let (a, n, bits) = match (address, network) {
        (IpAddr::V4(a), IpAddr::V4(n)) => (u128::from(u32::from(a)), u128::from(u32::from(n)), 32),
        (IpAddr::V6(a), IpAddr::V6(n)) => (u128::from(a), u128::from(n), 128),
        _ => return false,
    };
    if prefix == 0 {
        return true;
    }
    let shift = bits - prefix;
    (a >> shift) == (n >> shift)
}
