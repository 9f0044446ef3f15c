//! The value types of condition keys, as the condition-keys table names them.

use core::fmt;
use core::str::FromStr;

use super::ParseNameError;

/// The type of a condition key's value, as the AWS condition-keys table names it.
///
/// The `ArrayOf…` types are multivalued: a request can carry several values for the key, and a policy tests
/// them with the `ForAllValues:` or `ForAnyValue:` set operators.
///
/// ```
/// use ecr_actions_pattern::ConditionValueType;
/// assert!(ConditionValueType::ArrayOfString.is_multivalued());
/// assert_eq!(ConditionValueType::ArrayOfString.element_type(), ConditionValueType::String);
/// assert_eq!("ArrayOfARN".parse(), Ok(ConditionValueType::ArrayOfArn));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ConditionValueType {
    /// `String`: compared with the `String…` operators.
    String,
    /// `ArrayOfString`: several strings.
    ArrayOfString,
    /// `ARN`: compared with the `Arn…` operators.
    Arn,
    /// `ArrayOfARN`: several ARNs.
    ArrayOfArn,
    /// `Bool`: compared with `Bool`.
    Bool,
    /// `ArrayOfBool`: several booleans.
    ArrayOfBool,
    /// `Date`: compared with the `Date…` operators.
    Date,
    /// `ArrayOfDate`: several dates.
    ArrayOfDate,
    /// `Numeric`: compared with the `Numeric…` operators.
    Numeric,
    /// `ArrayOfNumeric`: several numbers.
    ArrayOfNumeric,
    /// `Long`: an integer, compared with the `Numeric…` operators.
    Long,
    /// `ArrayOfLong`: several integers.
    ArrayOfLong,
    /// `IPAddress`: compared with `IpAddress` and `NotIpAddress`.
    IpAddress,
    /// `ArrayOfIPAddress`: several IP addresses.
    ArrayOfIpAddress,
    /// `Binary`: compared with `BinaryEquals`.
    Binary,
    /// `ArrayOfBinary`: several binary values.
    ArrayOfBinary,
}

impl ConditionValueType {
    /// Every type, single-valued ones each followed by their `ArrayOf…` form.
    pub const ALL: [Self; 16] = [
        Self::String,
        Self::ArrayOfString,
        Self::Arn,
        Self::ArrayOfArn,
        Self::Bool,
        Self::ArrayOfBool,
        Self::Date,
        Self::ArrayOfDate,
        Self::Numeric,
        Self::ArrayOfNumeric,
        Self::Long,
        Self::ArrayOfLong,
        Self::IpAddress,
        Self::ArrayOfIpAddress,
        Self::Binary,
        Self::ArrayOfBinary,
    ];

    /// The table text, e.g. `ArrayOfARN`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::String => "String",
            Self::ArrayOfString => "ArrayOfString",
            Self::Arn => "ARN",
            Self::ArrayOfArn => "ArrayOfARN",
            Self::Bool => "Bool",
            Self::ArrayOfBool => "ArrayOfBool",
            Self::Date => "Date",
            Self::ArrayOfDate => "ArrayOfDate",
            Self::Numeric => "Numeric",
            Self::ArrayOfNumeric => "ArrayOfNumeric",
            Self::Long => "Long",
            Self::ArrayOfLong => "ArrayOfLong",
            Self::IpAddress => "IPAddress",
            Self::ArrayOfIpAddress => "ArrayOfIPAddress",
            Self::Binary => "Binary",
            Self::ArrayOfBinary => "ArrayOfBinary",
        }
    }

    /// The variant's name in Rust, e.g. `ArrayOfArn`: what generated code names.
    #[must_use]
    pub const fn variant(self) -> &'static str {
        match self {
            Self::String => "String",
            Self::ArrayOfString => "ArrayOfString",
            Self::Arn => "Arn",
            Self::ArrayOfArn => "ArrayOfArn",
            Self::Bool => "Bool",
            Self::ArrayOfBool => "ArrayOfBool",
            Self::Date => "Date",
            Self::ArrayOfDate => "ArrayOfDate",
            Self::Numeric => "Numeric",
            Self::ArrayOfNumeric => "ArrayOfNumeric",
            Self::Long => "Long",
            Self::ArrayOfLong => "ArrayOfLong",
            Self::IpAddress => "IpAddress",
            Self::ArrayOfIpAddress => "ArrayOfIpAddress",
            Self::Binary => "Binary",
            Self::ArrayOfBinary => "ArrayOfBinary",
        }
    }

    /// Whether a request may carry several values for a key of this type (the `ArrayOf…` types).
    #[must_use]
    pub const fn is_multivalued(self) -> bool {
        matches!(
            self,
            Self::ArrayOfString
                | Self::ArrayOfArn
                | Self::ArrayOfBool
                | Self::ArrayOfDate
                | Self::ArrayOfNumeric
                | Self::ArrayOfLong
                | Self::ArrayOfIpAddress
                | Self::ArrayOfBinary
        )
    }

    /// The type of one value: the type itself for a single-valued type, `String` for `ArrayOfString`.
    #[must_use]
    pub const fn element_type(self) -> Self {
        match self {
            Self::String | Self::ArrayOfString => Self::String,
            Self::Arn | Self::ArrayOfArn => Self::Arn,
            Self::Bool | Self::ArrayOfBool => Self::Bool,
            Self::Date | Self::ArrayOfDate => Self::Date,
            Self::Numeric | Self::ArrayOfNumeric => Self::Numeric,
            Self::Long | Self::ArrayOfLong => Self::Long,
            Self::IpAddress | Self::ArrayOfIpAddress => Self::IpAddress,
            Self::Binary | Self::ArrayOfBinary => Self::Binary,
        }
    }
}

impl fmt::Display for ConditionValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ConditionValueType {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const NAMES: &[&str] = &[
            "String",
            "ArrayOfString",
            "ARN",
            "ArrayOfARN",
            "Bool",
            "ArrayOfBool",
            "Date",
            "ArrayOfDate",
            "Numeric",
            "ArrayOfNumeric",
            "Long",
            "ArrayOfLong",
            "IPAddress",
            "ArrayOfIPAddress",
            "Binary",
            "ArrayOfBinary",
        ];
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| ParseNameError::__new("condition value type", s, NAMES))
    }
}

#[cfg(feature = "serde")]
super::serde_via_str!(
    ConditionValueType,
    "a condition value type such as `ArrayOfString`"
);
