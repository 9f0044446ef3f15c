//! A deliberately naive reference evaluator, written straight from the IAM User Guide: it reads the
//! policies as JSON on every call, walks every statement, and matches wildcards with a plain dynamic
//! program over characters. No precompilation, no caches, no shortcuts: it is a test oracle, clarity
//! over speed. Nothing here is shared with the crate under test but the `Decision` type it answers
//! with.
//!
//! It covers what the generators produce (valid policies only); it answers `Err` on anything it does
//! not read, so a generator mistake shows instead of being decided silently.

#[path = "conditions.rs"]
mod conditions;
#[path = "stack.rs"]
pub mod stack;

use ecr_actions::eval::Decision;
use serde_json::{Map, Value};

use conditions::condition_holds;

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
    /// `*`, or the principal's own ARN (a user's, a session's).
    Directly,
    /// A session, through its role's ARN.
    ByRole,
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
                // Without a boundary or session policies, a grant to a session's role is as good as
                // one to the session.
                (Some("Allow"), Side::Repository, Named::Directly | Named::ByRole) => {
                    repository_allows = true;
                }
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
        (Some(list), None) => any_resource(list, substitute, req)? == Naming::Yes,
        // "If AWS cannot resolve a variable this might cause the entire statement to be invalid"
        // ("IAM policy elements: Variables and tags"). Where the guide leaves the outcome open, a
        // `NotResource` entry that cannot be resolved is read the careful way round (as the
        // crate documents it): it never lets an `Allow` apply, and never drops a `Deny`.
        (None, Some(list)) => match any_resource(list, substitute, req)? {
            Naming::Yes => false,
            Naming::Unresolved => effect_deny,
            Naming::No => true,
        },
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

/// Whether a `Resource`/`NotResource` list names the request's resource.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Naming {
    Yes,
    /// No entry names it, and at least one entry holds a variable with no value.
    Unresolved,
    No,
}

fn any_resource(list: &Value, substitute: bool, req: &Req<'_>) -> Result<Naming, String> {
    let mut unresolved = false;
    for entry in strings(list)? {
        match render_pattern(&entry, substitute, req.context)? {
            Some(pattern) if resource_matches(&pattern, req.resource) => return Ok(Naming::Yes),
            Some(_) => {}
            None => unresolved = true,
        }
    }
    Ok(if unresolved {
        Naming::Unresolved
    } else {
        Naming::No
    })
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
        return (role == session).then_some(Named::ByRole);
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
            } else if named.contains(&Named::ByRole) {
                Some(Named::ByRole)
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
