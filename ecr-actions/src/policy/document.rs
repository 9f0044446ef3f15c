//! The policy document: `Version`, `Id`, `Statement`.

use core::fmt;
use core::str::FromStr;

use super::{OneOrMany, PolicyError, Statement};

/// The policy language version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Version {
    /// `2008-10-17`: the old language; policy variables are read as literal text.
    V2008_10_17,
    /// `2012-10-17`: the current language.
    V2012_10_17,
}

impl Version {
    /// The version as written.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::V2008_10_17 => "2008-10-17",
            Self::V2012_10_17 => "2012-10-17",
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An IAM policy document; see the [module docs](super).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyDocument {
    /// `Version`, if written (IAM reads a document without one as `2008-10-17`).
    pub version: Option<Version>,
    /// `Id`, if written.
    pub id: Option<String>,
    /// `Statement`: one object or an array.
    pub statements: OneOrMany<Statement>,
}

/// A document larger than this is refused before it is read: IAM's own limits are far smaller (a
/// managed policy holds at most 6,144 characters, a repository policy 10,240).
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

impl PolicyDocument {
    /// Reads a policy document.
    ///
    /// # Errors
    ///
    /// The first grammar fault, with its JSON path: text that is not JSON, nesting too deep, a document
    /// over 1 MiB, an unknown element, a value of the wrong type, a missing `Effect` or `Action`, both
    /// `Action` and `NotAction`, an unknown `Version`, `Effect`, principal kind or condition operator.
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(PolicyError::TooLarge {
                size: text.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| PolicyError::Json {
                message: e.to_string(),
                line: e.line(),
                column: e.column(),
            })?;
        Self::from_value(&value)
    }

    /// Reads a policy document from parsed JSON.
    ///
    /// # Errors
    ///
    /// As [`from_json`](Self::from_json), but for the JSON reading itself.
    pub fn from_value(value: &serde_json::Value) -> Result<Self, PolicyError> {
        super::read::document(value)
    }

    /// The document as JSON, keys in AWS's order (`Version`, `Id`, `Statement`; `Sid`, `Effect`,
    /// `Principal`, `Action`, `Resource`, `Condition`), compact.
    #[must_use]
    pub fn to_json(&self) -> String {
        super::write::to_string(self, false)
    }

    /// The document as indented JSON, keys in AWS's order.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        super::write::to_string(self, true)
    }

    /// The document as a JSON value.
    #[must_use]
    pub fn to_value(&self) -> serde_json::Value {
        super::write::to_value(self)
    }
}

impl FromStr for PolicyDocument {
    type Err = PolicyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_json(s)
    }
}

impl fmt::Display for PolicyDocument {
    /// The compact JSON, keys in AWS's order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

impl serde::Serialize for PolicyDocument {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        super::write::Document(self).serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for PolicyDocument {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Self::from_value(&value).map_err(serde::de::Error::custom)
    }
}
