//! Typed document → JSON, keys in AWS's order, each value in the form it was read in.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{ConditionBlock, ConditionValue, OneOrMany, PolicyDocument, Principals, Statement};

pub(super) fn to_string(document: &PolicyDocument, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(&Document(document))
    } else {
        serde_json::to_string(&Document(document))
    };
    // Serializing these types into a String cannot fail: every key is a string and every number was
    // valid JSON when read.
    result.unwrap_or_default()
}

pub(super) fn to_value(document: &PolicyDocument) -> serde_json::Value {
    serde_json::to_value(Document(document)).unwrap_or(serde_json::Value::Null)
}

/// Serializes a [`OneOrMany`] of serializable items in its form.
struct Many<'a, T>(&'a OneOrMany<T>);

impl<T: Serialize> Serialize for Many<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_single()
            && let Some(only) = self.0.iter().next()
        {
            return only.serialize(serializer);
        }
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

/// Text items (actions, resources) as their strings.
struct Texts<'a, T>(&'a OneOrMany<T>, fn(&T) -> &str);

impl<T> Serialize for Texts<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.1;
        if self.0.is_single()
            && let Some(only) = self.0.iter().next()
        {
            return serializer.serialize_str(text(only));
        }
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(text(item))?;
        }
        seq.end()
    }
}

pub(super) struct Document<'a>(pub(super) &'a PolicyDocument);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let document = self.0;
        let mut map = serializer.serialize_map(None)?;
        if let Some(version) = document.version {
            map.serialize_entry("Version", version.as_str())?;
        }
        if let Some(id) = &document.id {
            map.serialize_entry("Id", id)?;
        }
        map.serialize_entry("Statement", &Statements(&document.statements))?;
        map.end()
    }
}

struct Statements<'a>(&'a OneOrMany<Statement>);

impl Serialize for Statements<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_single()
            && let Some(only) = self.0.iter().next()
        {
            return StatementOut(only).serialize(serializer);
        }
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for statement in self.0 {
            seq.serialize_element(&StatementOut(statement))?;
        }
        seq.end()
    }
}

struct StatementOut<'a>(&'a Statement);

impl Serialize for StatementOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let statement = self.0;
        let mut map = serializer.serialize_map(None)?;
        if let Some(sid) = &statement.sid {
            map.serialize_entry("Sid", sid)?;
        }
        map.serialize_entry("Effect", statement.effect.as_str())?;
        if let Some(principal) = &statement.principal {
            let key = if principal.negated {
                "NotPrincipal"
            } else {
                "Principal"
            };
            map.serialize_entry(key, &PrincipalsOut(&principal.principals))?;
        }
        let key = if statement.action.negated {
            "NotAction"
        } else {
            "Action"
        };
        map.serialize_entry(key, &Texts(&statement.action.items, |i| i.as_str()))?;
        if let Some(resource) = &statement.resource {
            let key = if resource.negated {
                "NotResource"
            } else {
                "Resource"
            };
            map.serialize_entry(key, &Texts(&resource.items, |i| i.as_str()))?;
        }
        if let Some(condition) = &statement.condition {
            map.serialize_entry("Condition", &ConditionOut(condition))?;
        }
        map.end()
    }
}

struct PrincipalsOut<'a>(&'a Principals);

impl Serialize for PrincipalsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Principals::Any => serializer.serialize_str("*"),
            Principals::Kinds(kinds) => {
                let mut map = serializer.serialize_map(Some(kinds.len()))?;
                for (kind, values) in kinds {
                    map.serialize_entry(kind.as_str(), &Many(values))?;
                }
                map.end()
            }
        }
    }
}

struct ConditionOut<'a>(&'a ConditionBlock);

impl Serialize for ConditionOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.entries.len()))?;
        for entry in &self.0.entries {
            map.serialize_entry(&entry.operator.to_string(), &KeysOut(&entry.keys))?;
        }
        map.end()
    }
}

struct KeysOut<'a>(&'a [(String, OneOrMany<ConditionValue>)]);

impl Serialize for KeysOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, values) in self.0 {
            map.serialize_entry(key, &Many(values))?;
        }
        map.end()
    }
}

impl Serialize for ConditionValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(s) => serializer.serialize_str(s),
            Self::Bool(b) => serializer.serialize_bool(*b),
            Self::Number(n) => match n.parse::<serde_json::Number>() {
                Ok(number) => number.serialize(serializer),
                Err(_) => serializer.serialize_str(n),
            },
        }
    }
}
