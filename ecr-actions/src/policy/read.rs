//! JSON value → typed document, checking the grammar; every fault names its path.

use serde_json::{Map, Value};

use super::error::did_you_mean;
use super::{
    ActionClause, ActionItem, ConditionBlock, ConditionEntry, ConditionOperator, ConditionValue,
    Effect, JsonPath, OneOrMany, PolicyDocument, PolicyError, PrincipalClause, PrincipalKind,
    Principals, ResourceClause, ResourceItem, Statement, Version,
};

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn wrong(path: &JsonPath, expected: &'static str, found: &Value) -> PolicyError {
    PolicyError::WrongType {
        path: path.clone(),
        expected,
        found: kind(found),
    }
}

fn object<'v>(
    value: &'v Value,
    path: &JsonPath,
    expected: &'static str,
) -> Result<&'v Map<String, Value>, PolicyError> {
    value
        .as_object()
        .ok_or_else(|| wrong(path, expected, value))
}

fn string<'v>(value: &'v Value, path: &JsonPath) -> Result<&'v str, PolicyError> {
    value.as_str().ok_or_else(|| wrong(path, "a string", value))
}

/// Keys must be among `known`; the message lists them.
fn check_keys(
    map: &Map<String, Value>,
    path: &JsonPath,
    known: &[&'static str],
    listed: &'static str,
) -> Result<(), PolicyError> {
    for key in map.keys() {
        if !known.contains(&key.as_str()) {
            return Err(PolicyError::UnknownElement {
                path: path.key(key),
                name: key.clone(),
                expected: listed,
                suggestion: did_you_mean(key, known),
            });
        }
    }
    Ok(())
}

/// A string or an array of strings, each read by `item`; an empty array or string is an error.
fn strings<T>(
    value: &Value,
    path: &JsonPath,
    what: &'static str,
    mut item: impl FnMut(&str) -> T,
) -> Result<OneOrMany<T>, PolicyError> {
    match value {
        Value::String(s) if s.is_empty() => Err(PolicyError::Empty {
            path: path.clone(),
            what,
        }),
        Value::String(s) => Ok(OneOrMany::one(item(s))),
        Value::Array(values) if values.is_empty() => Err(PolicyError::Empty {
            path: path.clone(),
            what,
        }),
        Value::Array(values) => {
            let mut items = Vec::with_capacity(values.len());
            for (index, value) in values.iter().enumerate() {
                let path = path.index(index);
                let text = string(value, &path)?;
                if text.is_empty() {
                    return Err(PolicyError::Empty { path, what });
                }
                items.push(item(text));
            }
            Ok(OneOrMany::many(items))
        }
        other => Err(wrong(path, "a string or an array of strings", other)),
    }
}

const DOCUMENT_KEYS: &[&str] = &["Version", "Id", "Statement"];
const STATEMENT_KEYS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

pub(super) fn document(value: &Value) -> Result<PolicyDocument, PolicyError> {
    let root = JsonPath::root();
    let map = object(value, &root, "an object (a policy document)")?;
    check_keys(map, &root, DOCUMENT_KEYS, "`Version`, `Id`, `Statement`")?;
    let version = match map.get("Version") {
        None => None,
        Some(value) => {
            let path = root.key("Version");
            let text = string(value, &path)?;
            Some(match text {
                "2012-10-17" => Version::V2012_10_17,
                "2008-10-17" => Version::V2008_10_17,
                other => {
                    return Err(PolicyError::InvalidValue {
                        path,
                        value: other.to_owned(),
                        what: "a policy language version",
                        expected: "`2012-10-17` or `2008-10-17`",
                        suggestion: did_you_mean(other, &["2012-10-17", "2008-10-17"]),
                    });
                }
            })
        }
    };
    let id = map
        .get("Id")
        .map(|v| string(v, &root.key("Id")).map(str::to_owned))
        .transpose()?;
    let path = root.key("Statement");
    let statements = match map.get("Statement") {
        None => {
            return Err(PolicyError::Missing {
                path: root,
                name: "Statement",
                hint: "a policy holds one statement or an array of them",
            });
        }
        Some(Value::Array(values)) if values.is_empty() => {
            return Err(PolicyError::Empty {
                path,
                what: "statement array",
            });
        }
        Some(Value::Array(values)) => OneOrMany::many(
            values
                .iter()
                .enumerate()
                .map(|(i, v)| statement(v, &path.index(i)))
                .collect::<Result<_, _>>()?,
        ),
        Some(value @ Value::Object(_)) => OneOrMany::one(statement(value, &path)?),
        Some(other) => return Err(wrong(&path, "an object or an array of objects", other)),
    };
    Ok(PolicyDocument {
        version,
        id,
        statements,
    })
}

/// At most one of two exclusive elements.
fn one_of<'m>(
    map: &'m Map<String, Value>,
    path: &JsonPath,
    plain: &'static str,
    negated: &'static str,
) -> Result<Option<(bool, &'m Value, JsonPath)>, PolicyError> {
    match (map.get(plain), map.get(negated)) {
        (Some(_), Some(_)) => Err(PolicyError::Conflict {
            path: path.clone(),
            first: plain,
            second: negated,
        }),
        (Some(value), None) => Ok(Some((false, value, path.key(plain)))),
        (None, Some(value)) => Ok(Some((true, value, path.key(negated)))),
        (None, None) => Ok(None),
    }
}

fn statement(value: &Value, path: &JsonPath) -> Result<Statement, PolicyError> {
    let map = object(value, path, "an object (a statement)")?;
    check_keys(
        map,
        path,
        STATEMENT_KEYS,
        "`Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource`, `Condition`",
    )?;
    let sid = map
        .get("Sid")
        .map(|v| string(v, &path.key("Sid")).map(str::to_owned))
        .transpose()?;
    let effect = match map.get("Effect") {
        None => {
            return Err(PolicyError::Missing {
                path: path.clone(),
                name: "Effect",
                hint: "add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`",
            });
        }
        Some(value) => {
            let path = path.key("Effect");
            match string(value, &path)? {
                "Allow" => Effect::Allow,
                "Deny" => Effect::Deny,
                other => {
                    return Err(PolicyError::InvalidValue {
                        path,
                        value: other.to_owned(),
                        what: "an effect",
                        expected: "`Allow` or `Deny`",
                        suggestion: did_you_mean(other, &["Allow", "Deny"]),
                    });
                }
            }
        }
    };
    let principal = one_of(map, path, "Principal", "NotPrincipal")?
        .map(|(negated, value, path)| {
            principal(value, &path).map(|principals| PrincipalClause {
                negated,
                principals,
            })
        })
        .transpose()?;
    let Some((negated, value, action_path)) = one_of(map, path, "Action", "NotAction")? else {
        return Err(PolicyError::Missing {
            path: path.clone(),
            name: "Action",
            hint: "a statement names its actions in `Action` or `NotAction`, e.g. `\"Action\": \"ecr:BatchGetImage\"`",
        });
    };
    let action = ActionClause {
        negated,
        items: strings(value, &action_path, "action", ActionItem::new)?,
    };
    let resource = one_of(map, path, "Resource", "NotResource")?
        .map(|(negated, value, path)| {
            strings(value, &path, "resource", ResourceItem::new)
                .map(|items| ResourceClause { negated, items })
        })
        .transpose()?;
    let condition = map
        .get("Condition")
        .map(|v| condition(v, &path.key("Condition")))
        .transpose()?;
    Ok(Statement {
        sid,
        effect,
        principal,
        action,
        resource,
        condition,
    })
}

fn principal(value: &Value, path: &JsonPath) -> Result<Principals, PolicyError> {
    match value {
        Value::String(s) if s == "*" => Ok(Principals::Any),
        Value::String(other) => Err(PolicyError::InvalidValue {
            path: path.clone(),
            value: other.clone(),
            what: "a principal",
            expected: "`\"*\"` or an object such as `{\"AWS\": \"arn:aws:iam::111122223333:root\"}`",
            suggestion: String::new(),
        }),
        Value::Object(map) => {
            let names: Vec<&'static str> = PrincipalKind::ALL.iter().map(|k| k.as_str()).collect();
            check_keys(
                map,
                path,
                &names,
                "`AWS`, `Service`, `Federated`, `CanonicalUser`",
            )?;
            if map.is_empty() {
                return Err(PolicyError::Empty {
                    path: path.clone(),
                    what: "principal",
                });
            }
            let mut kinds = Vec::with_capacity(map.len());
            for (key, value) in map {
                let kind = PrincipalKind::ALL.into_iter().find(|k| k.as_str() == key);
                if let Some(kind) = kind {
                    kinds.push((
                        kind,
                        strings(value, &path.key(key), "principal", str::to_owned)?,
                    ));
                }
            }
            Ok(Principals::Kinds(kinds))
        }
        other => Err(wrong(path, "`\"*\"` or an object", other)),
    }
}

fn condition_value(value: &Value, path: &JsonPath) -> Result<ConditionValue, PolicyError> {
    match value {
        Value::String(s) => Ok(ConditionValue::String(s.clone())),
        Value::Number(n) => Ok(ConditionValue::Number(n.to_string())),
        Value::Bool(b) => Ok(ConditionValue::Bool(*b)),
        other => Err(wrong(path, "a string, number or boolean", other)),
    }
}

fn condition(value: &Value, path: &JsonPath) -> Result<ConditionBlock, PolicyError> {
    let map = object(value, path, "an object of condition operators")?;
    let mut entries = Vec::with_capacity(map.len());
    for (name, keys) in map {
        let op_path = path.key(name);
        let operator: ConditionOperator = name.parse().map_err(|unknown: String| {
            let known = ConditionOperator::known_names();
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            PolicyError::InvalidValue {
                path: op_path.clone(),
                value: name.clone(),
                what: "a condition operator",
                expected: "an operator such as `StringEquals`, optionally with `ForAllValues:`/`ForAnyValue:` before and `IfExists` after",
                suggestion: ecr_actions_pattern::suggest::nearest(&unknown, known.iter().copied())
                    .map_or_else(String::new, |s| format!("; did you mean `{s}`?")),
            }
        })?;
        let keys_map = object(keys, &op_path, "an object of condition keys")?;
        if keys_map.is_empty() {
            return Err(PolicyError::Empty {
                path: op_path,
                what: "condition operator",
            });
        }
        let mut keys_out = Vec::with_capacity(keys_map.len());
        for (key, values) in keys_map {
            let key_path = op_path.key(key);
            let values = match values {
                Value::Array(items) if items.is_empty() => {
                    return Err(PolicyError::Empty {
                        path: key_path,
                        what: "condition value array",
                    });
                }
                Value::Array(items) => OneOrMany::many(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| condition_value(v, &key_path.index(i)))
                        .collect::<Result<_, _>>()?,
                ),
                single => OneOrMany::one(condition_value(single, &key_path)?),
            };
            keys_out.push((key.clone(), values));
        }
        entries.push(ConditionEntry {
            operator,
            keys: keys_out,
        });
    }
    Ok(ConditionBlock { entries })
}
