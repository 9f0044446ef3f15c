//! Typed conditions: an operator whose family fits the key's value type, the key, and the values.

use super::key::{
    ArnOperand, ArrayOf, BinaryOperand, BoolOperand, DateOperand, IpOperand, Key, NumericOperand,
    StringOperand, ValueType,
};
use super::values::{ArnValues, DateValues, NumericValues, StringValues};
use crate::policy::{ConditionOperator, OneOrMany, OperatorKind, SetQualifier};
use crate::value::ValueKind;

/// How [`build`](super::PolicyBuilder::build) checks a condition's values: by the
/// [value grammar](crate::value) that the linter and the evaluator use too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Check {
    /// Written as given (strings, ARNs, booleans already typed).
    AsGiven,
    /// A number (typed, but `f64::NAN` and infinities are not numbers).
    Number,
    /// An IP address or CIDR block.
    Ip,
    /// An ISO 8601 date or epoch seconds.
    Date,
    /// Base64.
    Binary,
}

impl Check {
    /// The type the values must have, if any.
    pub(super) fn value_kind(self) -> Option<ValueKind> {
        match self {
            Self::AsGiven => None,
            Self::Number => Some(ValueKind::Number),
            Self::Ip => Some(ValueKind::Ip),
            Self::Date => Some(ValueKind::Date),
            Self::Binary => Some(ValueKind::Binary),
        }
    }
}

/// One test of a statement's `Condition`: an operator, a key and its values.
///
/// Made by the constructor named after the operator, which takes only keys of the matching value type
/// (see [`key`](super::key)): [`string_equals`](Self::string_equals) takes a String or ARN key,
/// [`bool`](Self::bool) a Bool key, [`ip_address`](Self::ip_address) an IPAddress key; a multivalued
/// key (`ArrayOf…`) takes the `for_any_value_…`/`for_all_values_…` forms and only those. A mismatch is
/// a compile error. [`if_exists`](Self::if_exists) appends `IfExists`.
///
/// One value is written as a string, several as an array; numbers, booleans and dates are written as
/// strings (`"10"`, `"true"`), as AWS's examples do. Values that have a syntax (numbers, dates, IP
/// addresses, base64, tag keys) are checked by [`build`](super::PolicyBuilder::build), by the same
/// grammar as the linter and the evaluator use: what `build` accepts, `Evaluator::new` accepts.
///
/// ```
/// use ecr_actions::builder::{Condition, key};
///
/// let office = Condition::ip_address(key::SOURCE_IP, ["10.0.0.0/8", "192.0.2.0/24"]);
/// assert_eq!(office.operator().to_string(), "IpAddress");
/// assert_eq!(office.values().collect::<Vec<_>>(), ["10.0.0.0/8", "192.0.2.0/24"]);
///
/// let tagged = Condition::for_any_value_string_like(key::AWS_TAG_KEYS, ["team", "env"]).if_exists();
/// assert_eq!(tagged.operator().to_string(), "ForAnyValue:StringLikeIfExists");
///
/// let recent = Condition::numeric_less_than(key::MULTI_FACTOR_AUTH_AGE, 3600);
/// assert_eq!(recent.values().collect::<Vec<_>>(), ["3600"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a condition does nothing until it is given to `StatementBuilder::condition`"]
pub struct Condition {
    operator: ConditionOperator,
    key: String,
    tag: Option<String>,
    values: OneOrMany<String>,
    check: Check,
}

impl Condition {
    fn new<T>(
        qualifier: Option<SetQualifier>,
        kind: OperatorKind,
        key: Key<T>,
        values: OneOrMany<String>,
        check: Check,
    ) -> Self {
        let (key, tag) = key.into_parts();
        Self {
            operator: ConditionOperator {
                qualifier,
                kind,
                if_exists: false,
            },
            key,
            tag,
            values,
            check,
        }
    }

    /// The operator, e.g. `StringEquals` or `ForAnyValue:StringLikeIfExists`.
    #[must_use]
    pub fn operator(&self) -> ConditionOperator {
        self.operator
    }

    /// The key as written, e.g. `aws:ResourceTag/team`.
    #[must_use]
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The values as written.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &str> {
        self.values.iter().map(String::as_str)
    }

    /// The same test, but true when the request has no value for the key (`…IfExists`).
    pub fn if_exists(mut self) -> Self {
        self.operator.if_exists = true;
        self
    }

    pub(super) fn tag(&self) -> Option<&str> {
        self.tag.as_deref()
    }

    pub(super) fn check(&self) -> Check {
        self.check
    }

    pub(super) fn into_entry(self) -> (ConditionOperator, String, OneOrMany<String>) {
        (self.operator, self.key, self.values)
    }

    /// `Bool`: the key's value is `value`.
    pub fn bool<T: BoolOperand>(key: Key<T>, value: bool) -> Self {
        let text = if value { "true" } else { "false" };
        Self::new(
            None,
            OperatorKind::Bool,
            key,
            OneOrMany::one(text.to_owned()),
            Check::AsGiven,
        )
    }

    /// `BinaryEquals`: the key's value equals one of the base64 `values`.
    pub fn binary_equals<T: BinaryOperand>(key: Key<T>, values: impl StringValues) -> Self {
        Self::new(
            None,
            OperatorKind::BinaryEquals,
            key,
            values.__into_values(),
            Check::Binary,
        )
    }

    /// `Null`: whether the request lacks the key (`true`: absent; `false`: present). Takes a key of any
    /// type; it has no `IfExists` form, so it returns a [`NullCondition`].
    pub fn null<T: ValueType>(key: Key<T>, is_absent: bool) -> NullCondition {
        let text = if is_absent { "true" } else { "false" };
        NullCondition(Self::new(
            None,
            OperatorKind::Null,
            key,
            OneOrMany::one(text.to_owned()),
            Check::AsGiven,
        ))
    }
}

/// A `Null` test, made by [`Condition::null`]: a [`Condition`] without `IfExists`, which `Null` does not
/// have. [`StatementBuilder::condition`](super::StatementBuilder::condition) takes it as it is.
///
/// ```
/// use ecr_actions::builder::{Condition, key};
/// let condition: Condition = Condition::null(key::SOURCE_VPC, true).into();
/// assert_eq!(condition.operator().to_string(), "Null");
/// ```
///
/// ```compile_fail
/// use ecr_actions::builder::{Condition, key};
/// let condition = Condition::null(key::SOURCE_VPC, true).if_exists();
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a condition does nothing until it is given to `StatementBuilder::condition`"]
pub struct NullCondition(Condition);

impl From<NullCondition> for Condition {
    fn from(condition: NullCondition) -> Self {
        condition.0
    }
}

macro_rules! operators {
    (
        $bound:ident, $values:ident, $check:ident, $what:literal;
        $($plain:ident, $any:ident, $all:ident => $kind:ident, $doc:literal;)*
    ) => {
        impl Condition {
            $(
                #[doc = concat!("`", stringify!($kind), "`: ", $doc, " Takes a single-valued ", $what, " key.")]
                pub fn $plain<T: $bound>(key: Key<T>, values: impl $values) -> Self {
                    Self::new(None, OperatorKind::$kind, key, values.__into_values(), Check::$check)
                }

                #[doc = concat!(
                    "`ForAnyValue:", stringify!($kind), "`: for a multivalued ", $what,
                    " key, at least one of the request's values passes `", stringify!($kind), "`."
                )]
                pub fn $any<T: $bound>(key: Key<ArrayOf<T>>, values: impl $values) -> Self {
                    Self::new(
                        Some(SetQualifier::ForAnyValue),
                        OperatorKind::$kind,
                        key,
                        values.__into_values(),
                        Check::$check,
                    )
                }

                #[doc = concat!(
                    "`ForAllValues:", stringify!($kind), "`: for a multivalued ", $what,
                    " key, every one of the request's values passes `", stringify!($kind),
                    "` (true when the request has none)."
                )]
                pub fn $all<T: $bound>(key: Key<ArrayOf<T>>, values: impl $values) -> Self {
                    Self::new(
                        Some(SetQualifier::ForAllValues),
                        OperatorKind::$kind,
                        key,
                        values.__into_values(),
                        Check::$check,
                    )
                }
            )*
        }
    };
}

operators! {
    StringOperand, StringValues, AsGiven, "String or ARN";
    string_equals, for_any_value_string_equals, for_all_values_string_equals
        => StringEquals, "the key's value equals one of `values`, case-sensitively.";
    string_not_equals, for_any_value_string_not_equals, for_all_values_string_not_equals
        => StringNotEquals, "the key's value equals none of `values`.";
    string_equals_ignore_case, for_any_value_string_equals_ignore_case, for_all_values_string_equals_ignore_case
        => StringEqualsIgnoreCase, "the key's value equals one of `values`, ignoring case.";
    string_not_equals_ignore_case, for_any_value_string_not_equals_ignore_case,
        for_all_values_string_not_equals_ignore_case
        => StringNotEqualsIgnoreCase, "the key's value equals none of `values`, ignoring case.";
    string_like, for_any_value_string_like, for_all_values_string_like
        => StringLike, "the key's value matches one of the patterns `values` (`*`, `?`).";
    string_not_like, for_any_value_string_not_like, for_all_values_string_not_like
        => StringNotLike, "the key's value matches none of the patterns `values`.";
}

operators! {
    ArnOperand, ArnValues, AsGiven, "ARN";
    arn_equals, for_any_value_arn_equals, for_all_values_arn_equals
        => ArnEquals, "the key's value is one of the ARNs `values`.";
    arn_not_equals, for_any_value_arn_not_equals, for_all_values_arn_not_equals
        => ArnNotEquals, "the key's value is none of the ARNs `values`.";
    arn_like, for_any_value_arn_like, for_all_values_arn_like
        => ArnLike, "the key's value matches one of the ARN patterns `values` (`*`, `?` within each part).";
    arn_not_like, for_any_value_arn_not_like, for_all_values_arn_not_like
        => ArnNotLike, "the key's value matches none of the ARN patterns `values`.";
}

operators! {
    NumericOperand, NumericValues, Number, "Numeric";
    numeric_equals, for_any_value_numeric_equals, for_all_values_numeric_equals
        => NumericEquals, "the key's value equals one of `values`.";
    numeric_not_equals, for_any_value_numeric_not_equals, for_all_values_numeric_not_equals
        => NumericNotEquals, "the key's value equals none of `values`.";
    numeric_less_than, for_any_value_numeric_less_than, for_all_values_numeric_less_than
        => NumericLessThan, "the key's value is less than the value.";
    numeric_less_than_equals, for_any_value_numeric_less_than_equals,
        for_all_values_numeric_less_than_equals
        => NumericLessThanEquals, "the key's value is at most the value.";
    numeric_greater_than, for_any_value_numeric_greater_than, for_all_values_numeric_greater_than
        => NumericGreaterThan, "the key's value is greater than the value.";
    numeric_greater_than_equals, for_any_value_numeric_greater_than_equals,
        for_all_values_numeric_greater_than_equals
        => NumericGreaterThanEquals, "the key's value is at least the value.";
}

operators! {
    DateOperand, DateValues, Date, "Date";
    date_equals, for_any_value_date_equals, for_all_values_date_equals
        => DateEquals, "the key's date is one of `values`.";
    date_not_equals, for_any_value_date_not_equals, for_all_values_date_not_equals
        => DateNotEquals, "the key's date is none of `values`.";
    date_less_than, for_any_value_date_less_than, for_all_values_date_less_than
        => DateLessThan, "the key's date is before the value.";
    date_less_than_equals, for_any_value_date_less_than_equals, for_all_values_date_less_than_equals
        => DateLessThanEquals, "the key's date is at or before the value.";
    date_greater_than, for_any_value_date_greater_than, for_all_values_date_greater_than
        => DateGreaterThan, "the key's date is after the value.";
    date_greater_than_equals, for_any_value_date_greater_than_equals,
        for_all_values_date_greater_than_equals
        => DateGreaterThanEquals, "the key's date is at or after the value.";
}

operators! {
    IpOperand, StringValues, Ip, "IPAddress";
    ip_address, for_any_value_ip_address, for_all_values_ip_address
        => IpAddress, "the key's address is in one of the CIDR blocks `values` (`10.0.0.0/8`, `2001:db8::/32`, or one address).";
    not_ip_address, for_any_value_not_ip_address, for_all_values_not_ip_address
        => NotIpAddress, "the key's address is in none of the CIDR blocks `values`.";
}
