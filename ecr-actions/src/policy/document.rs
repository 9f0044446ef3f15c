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

/// A document larger than this (in bytes of UTF-8) is refused before it is read, by
/// [`PolicyDocument::from_json`] and by `ecr-iam lint`, which reads no further into a file.
///
/// IAM's own limits are far smaller: "Managed policy size: You can't exceed 6,144 characters"
/// and an inline policy of a role 10,240 characters (IAM User Guide, *IAM and AWS STS quotas*);
/// "Repository policy size: 10,240 characters" (Amazon ECR User Guide, *Amazon ECR service
/// quotas*). The cap here is a bound on work for hostile input, not a copy of AWS's limits: a valid
/// AWS policy is always far below it, and reading a document is linear in its size.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

/// How deeply arrays and objects may nest in a document read from text: serde_json's own recursion
/// limit, which refuses a deeper document as JSON ("recursion limit exceeded") before the reader's
/// stack is at risk. A policy document nests at most six levels (document, `Statement` array,
/// statement, `Condition`, operator, key and its value array).
pub const MAX_NESTING: usize = 128;

impl PolicyDocument {
    /// Reads a policy document.
    ///
    /// A duplicate key in any object is refused ([`PolicyError::DuplicateKey`], with its path): JSON
    /// readers keep one of the two, and a Deny could silently become an Allow.
    ///
    /// ```
    /// use ecr_actions::policy::{PolicyDocument, PolicyError};
    /// let error = PolicyDocument::from_json(
    ///     r#"{"Statement": {"Effect": "Deny", "Effect": "Allow", "Action": "*", "Resource": "*"}}"#,
    /// ).unwrap_err();
    /// assert!(matches!(error, PolicyError::DuplicateKey { .. }));
    /// assert_eq!(error.path().to_string(), "Statement.Effect");
    /// ```
    ///
    /// # Errors
    ///
    /// The first grammar fault, with its JSON path: text that is not JSON, nesting deeper than
    /// [`MAX_NESTING`], a document over [`MAX_DOCUMENT_BYTES`] (1 MiB), a duplicate key, an unknown
    /// element, a value of the wrong type, a missing `Effect` or `Action`, both `Action` and
    /// `NotAction`, an unknown `Version`, `Effect`, principal kind or condition operator.
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(PolicyError::TooLarge {
                size: text.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        let value = parse_json(text)?;
        Self::from_value(&value)
    }

    /// Reads a policy document from parsed JSON.
    ///
    /// A `serde_json::Value` has already dropped all but one of two equal keys: read text with
    /// [`from_json`](Self::from_json) (or deserialize a `PolicyDocument` directly), which refuse
    /// duplicates, rather than through a `Value`.
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

/// Refuses duplicate keys as [`PolicyDocument::from_json`] does, whatever the deserializer.
impl<'de> serde::Deserialize<'de> for PolicyDocument {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::DeserializeSeed as _;
        let mut tracker = super::json::Tracker::default();
        let value = match super::json::Checked(&mut tracker).deserialize(deserializer) {
            Ok(value) => value,
            Err(error) => {
                return Err(match tracker.duplicate() {
                    Some((path, _)) => serde::de::Error::custom(format_args!("{path}: {error}")),
                    None => error,
                });
            }
        };
        Self::from_value(&value).map_err(serde::de::Error::custom)
    }
}

/// JSON text as a value, refusing a duplicate key anywhere (with its path) and nesting past
/// [`MAX_NESTING`] — the reader [`PolicyDocument::from_json`] uses, for JSON that holds policies
/// (conformance cases, files of several policies). No size cap: callers apply theirs.
///
/// ```
/// use ecr_actions::policy::{PolicyError, parse_json};
/// assert!(parse_json(r#"{"a": [1, {"b": 2}]}"#).is_ok());
/// let error = parse_json(r#"{"a": {"b": 1, "b": 2}}"#).unwrap_err();
/// assert!(matches!(error, PolicyError::DuplicateKey { .. }));
/// ```
///
/// # Errors
///
/// [`PolicyError::DuplicateKey`] with the key's path, or [`PolicyError::Json`] for text that is not
/// JSON or nests too deep.
pub fn parse_json(text: &str) -> Result<serde_json::Value, PolicyError> {
    super::json::parse(text).map_err(|(error, duplicate)| json_error(&error, duplicate))
}

/// The error for text the JSON reader refused: a duplicate key with its path, or a JSON fault.
fn json_error(
    error: &serde_json::Error,
    duplicate: Option<(super::JsonPath, String)>,
) -> PolicyError {
    match duplicate {
        Some((path, key)) => PolicyError::DuplicateKey {
            path,
            key,
            line: error.line(),
            column: error.column(),
        },
        None => PolicyError::Json {
            // serde_json ends its message with the position, which the error prints itself.
            message: {
                let text = error.to_string();
                let at = format!(" at line {} column {}", error.line(), error.column());
                text.strip_suffix(&at)
                    .map_or_else(|| text.clone(), str::to_owned)
            },
            line: error.line(),
            column: error.column(),
        },
    }
}
