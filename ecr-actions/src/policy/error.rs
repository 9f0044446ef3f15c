//! Faults in a policy document's grammar, each with the JSON path where it is.

use thiserror::Error;

use super::JsonPath;

/// Why a text is not a policy document: the first grammar fault, with where it is.
///
/// ```
/// use ecr_actions::policy::PolicyDocument;
/// let error = PolicyDocument::from_json(r#"{"Statement": {"Effect": "Alow", "Action": "*"}}"#).unwrap_err();
/// assert_eq!(error.path().to_string(), "Statement.Effect");
/// assert_eq!(error.to_string(), "Statement.Effect: `Alow` is not an effect: expected `Allow` or `Deny`; did you mean `Allow`?");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The text is not JSON.
    #[error("$: not JSON: {message} (line {line}, column {column})")]
    Json {
        /// What the JSON reader said.
        message: String,
        /// Where (1-based).
        line: usize,
        /// Where (1-based).
        column: usize,
    },
    /// The text is larger than a policy can be.
    #[error("$: the document is {size} bytes; a policy is at most {limit} bytes")]
    TooLarge {
        /// The size of the input.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// An object that names one key twice. JSON readers differ on which one counts (serde_json and
    /// many others keep the last), so `{"Effect": "Deny", "Effect": "Allow"}` could read as an Allow:
    /// such a document is refused, wherever the duplicate is.
    #[error(
        "{path}: duplicate key `{key}` (line {line}, column {column}): an object names each key once; merge the two or remove one"
    )]
    DuplicateKey {
        /// Where: the path of the second occurrence (its last segment is the key).
        path: JsonPath,
        /// The key.
        key: String,
        /// Where the second occurrence ends (1-based).
        line: usize,
        /// Where the second occurrence ends (1-based).
        column: usize,
    },
    /// A value of the wrong JSON type.
    #[error("{path}: expected {expected}, found {found}")]
    WrongType {
        /// Where.
        path: JsonPath,
        /// What the grammar wants there.
        expected: &'static str,
        /// What was there.
        found: &'static str,
    },
    /// An element the grammar does not have.
    #[error("{path}: unknown element `{name}`: expected one of {expected}{suggestion}")]
    UnknownElement {
        /// Where.
        path: JsonPath,
        /// The element.
        name: String,
        /// The elements allowed there.
        expected: &'static str,
        /// `; did you mean …?` or nothing.
        suggestion: String,
    },
    /// A required element is missing.
    #[error("{path}: missing `{name}`: {hint}")]
    Missing {
        /// Where.
        path: JsonPath,
        /// The element.
        name: &'static str,
        /// How to mend it.
        hint: &'static str,
    },
    /// Two elements that exclude each other.
    #[error("{path}: both `{first}` and `{second}`: a statement has one of them")]
    Conflict {
        /// Where.
        path: JsonPath,
        /// One element.
        first: &'static str,
        /// The other.
        second: &'static str,
    },
    /// A value the element does not allow.
    #[error("{path}: `{value}` is not {what}: expected {expected}{suggestion}")]
    InvalidValue {
        /// Where.
        path: JsonPath,
        /// The value.
        value: String,
        /// What the value should be.
        what: &'static str,
        /// The values allowed.
        expected: &'static str,
        /// `; did you mean …?` or nothing.
        suggestion: String,
    },
    /// An empty value where the grammar needs one.
    #[error("{path}: empty {what}")]
    Empty {
        /// Where.
        path: JsonPath,
        /// What is empty.
        what: &'static str,
    },
}

impl PolicyError {
    /// Where the fault is.
    #[must_use]
    pub fn path(&self) -> JsonPath {
        match self {
            Self::Json { .. } | Self::TooLarge { .. } => JsonPath::root(),
            Self::DuplicateKey { path, .. }
            | Self::WrongType { path, .. }
            | Self::UnknownElement { path, .. }
            | Self::Missing { path, .. }
            | Self::Conflict { path, .. }
            | Self::InvalidValue { path, .. }
            | Self::Empty { path, .. } => path.clone(),
        }
    }
}

/// `; did you mean `x`?` for the nearest candidate, or nothing.
pub(super) fn did_you_mean(input: &str, candidates: &[&'static str]) -> String {
    ecr_actions_pattern::suggest::hint(input, candidates.iter().copied())
}
