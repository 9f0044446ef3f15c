//! The `Condition` element: operators, set qualifiers, keys and values.

use core::fmt;
use core::str::FromStr;

use super::OneOrMany;

/// The family of a condition operator, without its `IfExists` suffix or set qualifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OperatorKind {
    /// `StringEquals`
    StringEquals,
    /// `StringNotEquals`
    StringNotEquals,
    /// `StringEqualsIgnoreCase`
    StringEqualsIgnoreCase,
    /// `StringNotEqualsIgnoreCase`
    StringNotEqualsIgnoreCase,
    /// `StringLike`
    StringLike,
    /// `StringNotLike`
    StringNotLike,
    /// `NumericEquals`
    NumericEquals,
    /// `NumericNotEquals`
    NumericNotEquals,
    /// `NumericLessThan`
    NumericLessThan,
    /// `NumericLessThanEquals`
    NumericLessThanEquals,
    /// `NumericGreaterThan`
    NumericGreaterThan,
    /// `NumericGreaterThanEquals`
    NumericGreaterThanEquals,
    /// `DateEquals`
    DateEquals,
    /// `DateNotEquals`
    DateNotEquals,
    /// `DateLessThan`
    DateLessThan,
    /// `DateLessThanEquals`
    DateLessThanEquals,
    /// `DateGreaterThan`
    DateGreaterThan,
    /// `DateGreaterThanEquals`
    DateGreaterThanEquals,
    /// `Bool`
    Bool,
    /// `BinaryEquals`
    BinaryEquals,
    /// `IpAddress`
    IpAddress,
    /// `NotIpAddress`
    NotIpAddress,
    /// `ArnEquals`
    ArnEquals,
    /// `ArnLike`
    ArnLike,
    /// `ArnNotEquals`
    ArnNotEquals,
    /// `ArnNotLike`
    ArnNotLike,
    /// `Null`
    Null,
}

impl OperatorKind {
    /// Every operator family.
    pub const ALL: [Self; 27] = [
        Self::StringEquals,
        Self::StringNotEquals,
        Self::StringEqualsIgnoreCase,
        Self::StringNotEqualsIgnoreCase,
        Self::StringLike,
        Self::StringNotLike,
        Self::NumericEquals,
        Self::NumericNotEquals,
        Self::NumericLessThan,
        Self::NumericLessThanEquals,
        Self::NumericGreaterThan,
        Self::NumericGreaterThanEquals,
        Self::DateEquals,
        Self::DateNotEquals,
        Self::DateLessThan,
        Self::DateLessThanEquals,
        Self::DateGreaterThan,
        Self::DateGreaterThanEquals,
        Self::Bool,
        Self::BinaryEquals,
        Self::IpAddress,
        Self::NotIpAddress,
        Self::ArnEquals,
        Self::ArnLike,
        Self::ArnNotEquals,
        Self::ArnNotLike,
        Self::Null,
    ];

    /// The operator's name, e.g. `StringEquals`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::StringEquals => "StringEquals",
            Self::StringNotEquals => "StringNotEquals",
            Self::StringEqualsIgnoreCase => "StringEqualsIgnoreCase",
            Self::StringNotEqualsIgnoreCase => "StringNotEqualsIgnoreCase",
            Self::StringLike => "StringLike",
            Self::StringNotLike => "StringNotLike",
            Self::NumericEquals => "NumericEquals",
            Self::NumericNotEquals => "NumericNotEquals",
            Self::NumericLessThan => "NumericLessThan",
            Self::NumericLessThanEquals => "NumericLessThanEquals",
            Self::NumericGreaterThan => "NumericGreaterThan",
            Self::NumericGreaterThanEquals => "NumericGreaterThanEquals",
            Self::DateEquals => "DateEquals",
            Self::DateNotEquals => "DateNotEquals",
            Self::DateLessThan => "DateLessThan",
            Self::DateLessThanEquals => "DateLessThanEquals",
            Self::DateGreaterThan => "DateGreaterThan",
            Self::DateGreaterThanEquals => "DateGreaterThanEquals",
            Self::Bool => "Bool",
            Self::BinaryEquals => "BinaryEquals",
            Self::IpAddress => "IpAddress",
            Self::NotIpAddress => "NotIpAddress",
            Self::ArnEquals => "ArnEquals",
            Self::ArnLike => "ArnLike",
            Self::ArnNotEquals => "ArnNotEquals",
            Self::ArnNotLike => "ArnNotLike",
            Self::Null => "Null",
        }
    }

    /// Whether the operator negates (`StringNotEquals`, `NotIpAddress`, …): it matches when no value
    /// matches.
    #[must_use]
    pub const fn is_negated(self) -> bool {
        matches!(
            self,
            Self::StringNotEquals
                | Self::StringNotEqualsIgnoreCase
                | Self::StringNotLike
                | Self::NumericNotEquals
                | Self::DateNotEquals
                | Self::NotIpAddress
                | Self::ArnNotEquals
                | Self::ArnNotLike
        )
    }

    /// Whether the operator reads `*` and `?` in its values as wildcards.
    #[must_use]
    pub const fn is_like(self) -> bool {
        matches!(
            self,
            Self::StringLike | Self::StringNotLike | Self::ArnLike | Self::ArnNotLike
        )
    }
}

impl fmt::Display for OperatorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `ForAllValues:` or `ForAnyValue:`, for keys with several values in a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SetQualifier {
    /// `ForAllValues:`: every value in the request matches one in the policy (true when the request has
    /// none).
    ForAllValues,
    /// `ForAnyValue:`: at least one value in the request matches one in the policy.
    ForAnyValue,
}

impl SetQualifier {
    /// The prefix as written, without the colon.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ForAllValues => "ForAllValues",
            Self::ForAnyValue => "ForAnyValue",
        }
    }
}

/// A condition operator as written: an optional set qualifier, the operator, an optional `IfExists`.
///
/// ```
/// use ecr_actions::policy::{ConditionOperator, OperatorKind, SetQualifier};
/// let op: ConditionOperator = "ForAnyValue:StringLikeIfExists".parse()?;
/// assert_eq!(op.kind, OperatorKind::StringLike);
/// assert_eq!(op.qualifier, Some(SetQualifier::ForAnyValue));
/// assert!(op.if_exists);
/// assert_eq!(op.to_string(), "ForAnyValue:StringLikeIfExists");
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConditionOperator {
    /// `ForAllValues:` / `ForAnyValue:`, if written.
    pub qualifier: Option<SetQualifier>,
    /// The operator family.
    pub kind: OperatorKind,
    /// Whether `IfExists` was appended.
    pub if_exists: bool,
}

impl ConditionOperator {
    /// A plain operator, no qualifier, no `IfExists`.
    #[must_use]
    pub const fn new(kind: OperatorKind) -> Self {
        Self {
            qualifier: None,
            kind,
            if_exists: false,
        }
    }

    /// Every spelling the grammar accepts, for suggestions.
    pub(super) fn known_names() -> Vec<String> {
        OperatorKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect()
    }
}

impl FromStr for ConditionOperator {
    /// The name of the operator part that is unknown.
    type Err = String;

    /// Operator names are case-sensitive, as IAM reads them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (qualifier, rest) = match s.split_once(':') {
            Some(("ForAllValues", rest)) => (Some(SetQualifier::ForAllValues), rest),
            Some(("ForAnyValue", rest)) => (Some(SetQualifier::ForAnyValue), rest),
            Some((other, _)) => return Err(other.to_owned()),
            None => (None, s),
        };
        let (name, if_exists) = match rest.strip_suffix("IfExists") {
            Some(name) => (name, true),
            None => (rest, false),
        };
        let kind = OperatorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| rest.to_owned())?;
        Ok(Self {
            qualifier,
            kind,
            if_exists,
        })
    }
}

impl fmt::Display for ConditionOperator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(qualifier) = self.qualifier {
            write!(f, "{}:", qualifier.as_str())?;
        }
        f.write_str(self.kind.as_str())?;
        if self.if_exists {
            f.write_str("IfExists")?;
        }
        Ok(())
    }
}

/// One value in a condition, with the JSON type it was written in (`"true"` and `true` both mean true
/// to IAM, but a document round-trips as written).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConditionValue {
    /// A JSON string.
    String(String),
    /// A JSON number, kept as written.
    Number(String),
    /// A JSON boolean.
    Bool(bool),
}

impl ConditionValue {
    /// The value as IAM compares it: the string, the number's digits, or `true`/`false`.
    #[must_use]
    pub fn as_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Self::String(s) | Self::Number(s) => std::borrow::Cow::Borrowed(s),
            Self::Bool(b) => std::borrow::Cow::Borrowed(if *b { "true" } else { "false" }),
        }
    }
}

impl From<&str> for ConditionValue {
    fn from(value: &str) -> Self {
        Self::String(value.to_owned())
    }
}

impl From<bool> for ConditionValue {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

/// One operator of a `Condition` block with its keys and their values (key names as written; IAM
/// compares them ignoring case).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ConditionEntry {
    /// The operator.
    pub operator: ConditionOperator,
    /// Each key with its value or values.
    pub keys: Vec<(String, OneOrMany<ConditionValue>)>,
}

/// A statement's `Condition`: its operators. All must hold (AND); within one key, any value may match
/// (OR). Operators and keys come in the order the JSON reader keeps object keys (sorted by name): a
/// document round-trips to the same JSON value, not always to the same key order inside `Condition`.
///
/// A key written twice alike is refused by the reader ([`PolicyError::DuplicateKey`]); two spellings
/// that differ in case (`aws:username`, `AWS:UserName`) are two entries here, and since "context key
/// names are not case-sensitive" (IAM User Guide, *IAM JSON policy elements: Condition*) both test
/// the same key and both must hold; the linter reports them (`duplicate-keys-with-different-case`).
///
/// [`PolicyError::DuplicateKey`]: super::PolicyError::DuplicateKey
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ConditionBlock {
    /// The operators, in order.
    pub entries: Vec<ConditionEntry>,
}

impl ConditionBlock {
    /// Every (operator, key, values) triple, in order.
    pub fn iter(
        &self,
    ) -> impl Iterator<Item = (&ConditionOperator, &str, &OneOrMany<ConditionValue>)> {
        self.entries.iter().flat_map(|e| {
            e.keys
                .iter()
                .map(move |(k, v)| (&e.operator, k.as_str(), v))
        })
    }
}
