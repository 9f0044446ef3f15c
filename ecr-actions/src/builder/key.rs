//! Typed condition keys: each key carries its value type, so that an operator of the wrong family, or a
//! tag-key template used without a tag, is a compile error.
//!
//! | item | what |
//! |---|---|
//! | [`Key`] | a complete key, e.g. `aws:SecureTransport` or `aws:ResourceTag/team`, typed by its value type |
//! | [`KeyTemplate`] | a key whose name holds `${TagKey}`, e.g. `aws:ResourceTag/${TagKey}`: give it a tag with [`KeyTemplate::tag`] |
//! | [`StringType`], [`ArnType`], [`BoolType`], [`NumericType`], [`DateType`], [`EpochType`], [`IpType`], [`BinaryType`], [`ArrayOf`] | the value types, as types |
//! | [`StringOperand`], [`ArnOperand`], [`NumericOperand`], [`DateOperand`], [`BoolOperand`], [`IpOperand`], [`BinaryOperand`] | which operator families a value type takes |
//! | [`AWS_REQUEST_TAG`], [`AWS_RESOURCE_TAG`], [`AWS_TAG_KEYS`], [`ECR_RESOURCE_TAG`], [`ECR_ACCOUNT_SETTING`] | ECR's keys, from the generated [`ConditionKey`] (checked against the table when the crate compiles) |
//! | [`SECURE_TRANSPORT`], [`SOURCE_IP`], [`PRINCIPAL_TAG`], … | the common global `aws:` keys |
//!
//! ```
//! use ecr_actions::builder::{Condition, key};
//!
//! let tls = Condition::bool(key::SECURE_TRANSPORT, true);
//! assert_eq!(tls.operator().to_string(), "Bool");
//! let team = Condition::string_equals(key::AWS_RESOURCE_TAG.tag("team"), "backend");
//! assert_eq!(team.key(), "aws:ResourceTag/team");
//! let tags = Condition::for_all_values_string_equals(key::AWS_TAG_KEYS, ["team", "env"]);
//! assert_eq!(tags.operator().to_string(), "ForAllValues:StringEquals");
//! ```
//!
//! ```compile_fail
//! // A tag-key template is not a key: give it a tag first.
//! use ecr_actions::builder::{Condition, key};
//! let team = Condition::string_equals(key::AWS_RESOURCE_TAG, "backend");
//! ```
//!
//! ```compile_fail
//! // `aws:SecureTransport` is a Bool key: string operators do not take it.
//! use ecr_actions::builder::{Condition, key};
//! let tls = Condition::string_equals(key::SECURE_TRANSPORT, "true");
//! ```
//!
//! A key this module does not list is made with [`Key::new`], its value type given by the caller:
//! `Key::<ArrayOf<StringType>>::new("aws:SourceOrgPaths")`. The linter checks the keys it knows at
//! [`build`](super::PolicyBuilder::build).

use core::marker::PhantomData;
use std::borrow::Cow;

use crate::{ConditionKey, ConditionValueType};

mod sealed {
    /// Sealed: public in a private module, so that no other crate implements the traits.
    pub trait Sealed {}
}

/// The value type of a condition key, as a type: the parameter of [`Key`] and [`KeyTemplate`].
///
/// Implemented by [`StringType`], [`ArnType`], [`BoolType`], [`NumericType`], [`DateType`],
/// [`EpochType`], [`IpType`], [`BinaryType`] and [`ArrayOf`] of each; sealed.
pub trait ValueType: sealed::Sealed {
    /// The type as the condition-keys table names it.
    const VALUE_TYPE: ConditionValueType;
}

macro_rules! value_types {
    ($($(#[$doc:meta])* $name:ident => $single:ident, $array:ident;)*) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            pub enum $name {}

            impl sealed::Sealed for $name {}

            impl ValueType for $name {
                const VALUE_TYPE: ConditionValueType = ConditionValueType::$single;
            }

            impl sealed::Sealed for ArrayOf<$name> {}

            impl ValueType for ArrayOf<$name> {
                const VALUE_TYPE: ConditionValueType = ConditionValueType::$array;
            }
        )*
    };
}

/// A multivalued key's type, `ArrayOf…`: a request may carry several values, tested with the
/// `ForAnyValue:`/`ForAllValues:` forms ([`Condition::for_any_value_string_like`]…).
///
/// [`Condition::for_any_value_string_like`]: super::Condition::for_any_value_string_like
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ArrayOf<T>(PhantomData<T>);

value_types! {
    /// `String`: compared with the `String…` operators.
    StringType => String, ArrayOfString;
    /// `ARN`: compared with the `Arn…` operators, and with the `String…` ones (IAM reads an ARN as a
    /// string).
    ArnType => Arn, ArrayOfArn;
    /// `Bool`: compared with `Bool`.
    BoolType => Bool, ArrayOfBool;
    /// `Numeric`: compared with the `Numeric…` operators.
    NumericType => Numeric, ArrayOfNumeric;
    /// `Date`: compared with the `Date…` operators, values in ISO 8601 (`2025-01-01T00:00:00Z`) or epoch
    /// seconds.
    DateType => Date, ArrayOfDate;
    /// A date that is also a number, like `aws:EpochTime`: compared with the `Date…` and the `Numeric…`
    /// operators (its table type is `Date`).
    EpochType => Date, ArrayOfDate;
    /// `IPAddress`: compared with `IpAddress` and `NotIpAddress`, values in CIDR notation.
    IpType => IpAddress, ArrayOfIpAddress;
    /// `Binary`: compared with `BinaryEquals`, values in base64.
    BinaryType => Binary, ArrayOfBinary;
}

/// Value types that the `String…` operators take: [`StringType`] and [`ArnType`].
#[diagnostic::on_unimplemented(
    message = "a `String…` operator takes a single-valued String or ARN key, not a key of type `{Self}`",
    label = "this key's values are `{Self}`",
    note = "a key takes the operators of its value type: String and ARN keys `string_…`, ARN keys `arn_…`, Numeric keys `numeric_…`, Date keys `date_…`, Bool keys `bool`, IPAddress keys `ip_address`/`not_ip_address`, Binary keys `binary_equals`; a multivalued key (`ArrayOf…`) the `for_any_value_…`/`for_all_values_…` forms"
)]
pub trait StringOperand: ValueType {}
impl StringOperand for StringType {}
impl StringOperand for ArnType {}

/// Value types that the `Arn…` operators take: [`ArnType`].
#[diagnostic::on_unimplemented(
    message = "an `Arn…` operator takes a single-valued ARN key, not a key of type `{Self}`",
    label = "this key's values are `{Self}`",
    note = "a key takes the operators of its value type: String and ARN keys `string_…`, ARN keys `arn_…`, Numeric keys `numeric_…`, Date keys `date_…`, Bool keys `bool`, IPAddress keys `ip_address`/`not_ip_address`, Binary keys `binary_equals`; a multivalued key (`ArrayOf…`) the `for_any_value_…`/`for_all_values_…` forms"
)]
pub trait ArnOperand: ValueType {}
impl ArnOperand for ArnType {}

/// Value types that the `Numeric…` operators take: [`NumericType`] and [`EpochType`].
#[diagnostic::on_unimplemented(
    message = "a `Numeric…` operator takes a single-valued Numeric key, not a key of type `{Self}`",
    label = "this key's values are `{Self}`",
    note = "a key takes the operators of its value type: String and ARN keys `string_…`, ARN keys `arn_…`, Numeric keys `numeric_…`, Date keys `date_…`, Bool keys `bool`, IPAddress keys `ip_address`/`not_ip_address`, Binary keys `binary_equals`; a multivalued key (`ArrayOf…`) the `for_any_value_…`/`for_all_values_…` forms"
)]
pub trait NumericOperand: ValueType {}
impl NumericOperand for NumericType {}
impl NumericOperand for EpochType {}

/// Value types that the `Date…` operators take: [`DateType`] and [`EpochType`].
#[diagnostic::on_unimplemented(
    message = "a `Date…` operator takes a single-valued Date key, not a key of type `{Self}`",
    label = "this key's values are `{Self}`",
    note = "a key takes the operators of its value type: String and ARN keys `string_…`, ARN keys `arn_…`, Numeric keys `numeric_…`, Date keys `date_…`, Bool keys `bool`, IPAddress keys `ip_address`/`not_ip_address`, Binary keys `binary_equals`; a multivalued key (`ArrayOf…`) the `for_any_value_…`/`for_all_values_…` forms"
)]
pub trait DateOperand: ValueType {}
impl DateOperand for DateType {}
impl DateOperand for EpochType {}

/// Value types that the `Bool` operator takes: [`BoolType`].
#[diagnostic::on_unimplemented(
    message = "the `Bool` operator takes a Bool key, not a key of type `{Self}`",
    label = "this key's values are `{Self}`",
    note = "a key takes the operators of its value type: String and ARN keys `string_…`, ARN keys `arn_…`, Numeric keys `numeric_…`, Date keys `date_…`, Bool keys `bool`, IPAddress keys `ip_address`/`not_ip_address`, Binary keys `binary_equals`; a multivalued key (`ArrayOf…`) the `for_any_value_…`/`for_all_values_…` forms"
)]
pub trait BoolOperand: ValueType {}
impl BoolOperand for BoolType {}

/// Value types that `IpAddress` and `NotIpAddress` take: [`IpType`].
#[diagnostic::on_unimplemented(
    message = "`IpAddress` and `NotIpAddress` take a single-valued IPAddress key, not a key of type `{Self}`",
    label = "this key's values are `{Self}`",
    note = "a key takes the operators of its value type: String and ARN keys `string_…`, ARN keys `arn_…`, Numeric keys `numeric_…`, Date keys `date_…`, Bool keys `bool`, IPAddress keys `ip_address`/`not_ip_address`, Binary keys `binary_equals`; a multivalued key (`ArrayOf…`) the `for_any_value_…`/`for_all_values_…` forms"
)]
pub trait IpOperand: ValueType {}
impl IpOperand for IpType {}

/// Value types that `BinaryEquals` takes: [`BinaryType`].
#[diagnostic::on_unimplemented(
    message = "`BinaryEquals` takes a Binary key, not a key of type `{Self}`",
    label = "this key's values are `{Self}`",
    note = "a key takes the operators of its value type: String and ARN keys `string_…`, ARN keys `arn_…`, Numeric keys `numeric_…`, Date keys `date_…`, Bool keys `bool`, IPAddress keys `ip_address`/`not_ip_address`, Binary keys `binary_equals`; a multivalued key (`ArrayOf…`) the `for_any_value_…`/`for_all_values_…` forms"
)]
pub trait BinaryOperand: ValueType {}
impl BinaryOperand for BinaryType {}

/// A condition key whose values have type `T`, ready for a [`Condition`](super::Condition).
///
/// Take one from this module's constants ([`SECURE_TRANSPORT`], [`AWS_TAG_KEYS`]…), from a
/// [`KeyTemplate`] with [`tag`](KeyTemplate::tag), or make one with [`new`](Self::new).
///
/// ```
/// use ecr_actions::ConditionValueType;
/// use ecr_actions::builder::key::{self, Key, StringType};
///
/// assert_eq!(key::SOURCE_IP.name(), "aws:SourceIp");
/// assert_eq!(key::SOURCE_IP.value_type(), ConditionValueType::IpAddress);
/// let team = key::PRINCIPAL_TAG.tag("team");
/// assert_eq!((team.name(), team.tag_key()), ("aws:PrincipalTag/team", Some("team")));
/// let other = Key::<StringType>::new("aws:SourceOrgID");
/// assert_eq!(other.value_type(), ConditionValueType::String);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key<T> {
    name: Cow<'static, str>,
    tag: Option<String>,
    value_type: PhantomData<fn() -> T>,
}

impl<T: ValueType> Key<T> {
    /// A key of your naming with value type `T`, for keys this module does not list (another service's,
    /// a newer global key). The name is written as given; the linter checks the keys it knows.
    #[must_use]
    pub fn new(name: impl Into<Cow<'static, str>>) -> Self {
        Self {
            name: name.into(),
            tag: None,
            value_type: PhantomData,
        }
    }

    const fn fixed(name: &'static str) -> Self {
        Self {
            name: Cow::Borrowed(name),
            tag: None,
            value_type: PhantomData,
        }
    }

    /// The key as written in a policy, e.g. `aws:ResourceTag/team`.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The tag key, for a key made from a [`KeyTemplate`].
    #[must_use]
    pub fn tag_key(&self) -> Option<&str> {
        self.tag.as_deref()
    }

    /// The value type, as the condition-keys table names it.
    #[must_use]
    pub const fn value_type(&self) -> ConditionValueType {
        T::VALUE_TYPE
    }

    /// The policy variable that IAM replaces with the request's value of the key, e.g.
    /// `${aws:PrincipalTag/team}`: a value for a condition on another key.
    ///
    /// ```
    /// use ecr_actions::builder::key;
    /// assert_eq!(key::PRINCIPAL_TAG.tag("team").variable(), "${aws:PrincipalTag/team}");
    /// ```
    #[must_use]
    pub fn variable(&self) -> String {
        format!("${{{}}}", self.name)
    }
}

impl<T> Key<T> {
    pub(super) fn into_parts(self) -> (String, Option<String>) {
        (self.name.into_owned(), self.tag)
    }
}

/// A key whose name holds `${TagKey}`, such as `aws:ResourceTag/${TagKey}`: not a key until it is given
/// a tag key with [`tag`](Self::tag), so using it without one does not compile.
///
/// ```
/// use ecr_actions::builder::key;
/// assert_eq!(key::AWS_RESOURCE_TAG.template(), "aws:ResourceTag/${TagKey}");
/// assert_eq!(key::AWS_RESOURCE_TAG.tag("team").name(), "aws:ResourceTag/team");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyTemplate<T> {
    template: &'static str,
    value_type: PhantomData<fn() -> T>,
}

const PLACEHOLDER: &str = "${TagKey}";

impl<T: ValueType> KeyTemplate<T> {
    /// The key for tag key `tag_key`: `aws:ResourceTag/${TagKey}` with `team` is `aws:ResourceTag/team`.
    ///
    /// A tag key is 1 to 128 letters, digits, spaces and `_ . : / = + - @`;
    /// [`build`](super::PolicyBuilder::build) refuses a key made with another.
    #[must_use]
    pub fn tag(&self, tag_key: &str) -> Key<T> {
        Key {
            name: Cow::Owned(self.template.replace(PLACEHOLDER, tag_key)),
            tag: Some(tag_key.to_owned()),
            value_type: PhantomData,
        }
    }

    /// The key as the table writes it, e.g. `aws:ResourceTag/${TagKey}`.
    #[must_use]
    pub const fn template(&self) -> &'static str {
        self.template
    }

    /// The value type of the keys it makes.
    #[must_use]
    pub const fn value_type(&self) -> ConditionValueType {
        T::VALUE_TYPE
    }
}

/// Whether `name` holds the `${TagKey}` placeholder.
const fn has_placeholder(name: &str) -> bool {
    const fn starts_with(mut text: &[u8], mut prefix: &[u8]) -> bool {
        loop {
            match (text, prefix) {
                (_, []) => return true,
                ([t, text_rest @ ..], [p, prefix_rest @ ..]) if *t == *p => {
                    text = text_rest;
                    prefix = prefix_rest;
                }
                _ => return false,
            }
        }
    }
    let mut rest = name.as_bytes();
    loop {
        if starts_with(rest, PLACEHOLDER.as_bytes()) {
            return true;
        }
        match rest {
            [_, tail @ ..] => rest = tail,
            [] => return false,
        }
    }
}

const fn table_type_is<T: ValueType>(key: ConditionKey) -> bool {
    match key.value_type() {
        Some(found) => found as u8 == T::VALUE_TYPE as u8,
        None => false,
    }
}

/// An ECR key without a placeholder, checked against the table when the crate compiles.
const fn table_key<T: ValueType>(key: ConditionKey) -> Key<T> {
    assert!(
        table_type_is::<T>(key) && !has_placeholder(key.as_str()),
        "the condition-keys table disagrees with the typed key"
    );
    Key::fixed(key.as_str())
}

/// An ECR key with the `${TagKey}` placeholder, checked against the table when the crate compiles.
const fn table_template<T: ValueType>(key: ConditionKey) -> KeyTemplate<T> {
    assert!(
        table_type_is::<T>(key) && has_placeholder(key.as_str()),
        "the condition-keys table disagrees with the typed key template"
    );
    KeyTemplate {
        template: key.as_str(),
        value_type: PhantomData,
    }
}

const fn global_template<T: ValueType>(template: &'static str) -> KeyTemplate<T> {
    KeyTemplate {
        template,
        value_type: PhantomData,
    }
}

/// `aws:RequestTag/${TagKey}` (ECR table, `String`): the value of a tag in the request.
pub const AWS_REQUEST_TAG: KeyTemplate<StringType> = table_template(ConditionKey::AwsRequestTag);
/// `aws:ResourceTag/${TagKey}` (ECR table, `String`): the value of a tag on the repository.
pub const AWS_RESOURCE_TAG: KeyTemplate<StringType> = table_template(ConditionKey::AwsResourceTag);
/// `aws:TagKeys` (ECR table, `ArrayOfString`): the tag keys in the request.
pub const AWS_TAG_KEYS: Key<ArrayOf<StringType>> = table_key(ConditionKey::AwsTagKeys);
/// `ecr:ResourceTag/${TagKey}` (ECR table, `String`): the value of a tag on the repository.
pub const ECR_RESOURCE_TAG: KeyTemplate<StringType> = table_template(ConditionKey::EcrResourceTag);
/// `ecr:AccountSetting` (ECR table since 2026, `String`): the name of the account setting that
/// `ecr:GetAccountSetting` or `ecr:PutAccountSetting` reads or writes.
pub const ECR_ACCOUNT_SETTING: Key<StringType> = table_key(ConditionKey::EcrAccountSetting);

macro_rules! global_keys {
    ($($(#[$doc:meta])* $name:ident: $ty:ty = $text:literal;)*) => {
        $(
            $(#[$doc])*
            pub const $name: Key<$ty> = Key::fixed($text);
        )*
    };
}

global_keys! {
    /// `aws:CalledVia` (`ArrayOfString`): the services that made the request on the principal's behalf.
    CALLED_VIA: ArrayOf<StringType> = "aws:CalledVia";
    /// `aws:CalledViaFirst` (`String`): the first service in `aws:CalledVia`.
    CALLED_VIA_FIRST: StringType = "aws:CalledViaFirst";
    /// `aws:CalledViaLast` (`String`): the last service in `aws:CalledVia`.
    CALLED_VIA_LAST: StringType = "aws:CalledViaLast";
    /// `aws:CurrentTime` (`Date`): the time of the request.
    CURRENT_TIME: DateType = "aws:CurrentTime";
    /// `aws:EpochTime` (`Date`, also `Numeric`): the time of the request in epoch seconds.
    EPOCH_TIME: EpochType = "aws:EpochTime";
    /// `aws:MultiFactorAuthAge` (`Numeric`): seconds since the principal authenticated with MFA.
    MULTI_FACTOR_AUTH_AGE: NumericType = "aws:MultiFactorAuthAge";
    /// `aws:MultiFactorAuthPresent` (`Bool`): whether the credentials were obtained with MFA.
    MULTI_FACTOR_AUTH_PRESENT: BoolType = "aws:MultiFactorAuthPresent";
    /// `aws:PrincipalAccount` (`String`): the account of the principal.
    PRINCIPAL_ACCOUNT: StringType = "aws:PrincipalAccount";
    /// `aws:PrincipalArn` (`ARN`): the ARN of the principal (the role, not the session).
    PRINCIPAL_ARN: ArnType = "aws:PrincipalArn";
    /// `aws:PrincipalIsAWSService` (`Bool`): whether the call is made by an AWS service principal.
    PRINCIPAL_IS_AWS_SERVICE: BoolType = "aws:PrincipalIsAWSService";
    /// `aws:PrincipalOrgID` (`String`): the AWS Organizations ID of the principal's account.
    PRINCIPAL_ORG_ID: StringType = "aws:PrincipalOrgID";
    /// `aws:PrincipalOrgPaths` (`ArrayOfString`): the Organizations paths of the principal's account.
    PRINCIPAL_ORG_PATHS: ArrayOf<StringType> = "aws:PrincipalOrgPaths";
    /// `aws:PrincipalServiceName` (`String`): the service principal making the call.
    PRINCIPAL_SERVICE_NAME: StringType = "aws:PrincipalServiceName";
    /// `aws:PrincipalType` (`String`): `Account`, `User`, `FederatedUser`, `AssumedRole` or `Anonymous`.
    PRINCIPAL_TYPE: StringType = "aws:PrincipalType";
    /// `aws:RequestedRegion` (`String`): the Region the request is made to.
    REQUESTED_REGION: StringType = "aws:RequestedRegion";
    /// `aws:ResourceAccount` (`String`): the account that owns the resource.
    RESOURCE_ACCOUNT: StringType = "aws:ResourceAccount";
    /// `aws:ResourceOrgID` (`String`): the Organizations ID of the resource's account.
    RESOURCE_ORG_ID: StringType = "aws:ResourceOrgID";
    /// `aws:SecureTransport` (`Bool`): whether the request was sent over TLS.
    SECURE_TRANSPORT: BoolType = "aws:SecureTransport";
    /// `aws:SourceAccount` (`String`): the account of the resource making a service-to-service request.
    SOURCE_ACCOUNT: StringType = "aws:SourceAccount";
    /// `aws:SourceArn` (`ARN`): the ARN of the resource making a service-to-service request.
    SOURCE_ARN: ArnType = "aws:SourceArn";
    /// `aws:SourceIdentity` (`String`): the source identity set when the role was assumed.
    SOURCE_IDENTITY: StringType = "aws:SourceIdentity";
    /// `aws:SourceIp` (`IPAddress`): the requester's public IP address.
    SOURCE_IP: IpType = "aws:SourceIp";
    /// `aws:SourceOrgID` (`String`): the Organizations ID of the resource making a service-to-service
    /// request.
    SOURCE_ORG_ID: StringType = "aws:SourceOrgID";
    /// `aws:SourceVpc` (`String`): the VPC the request came through (`vpc-…`).
    SOURCE_VPC: StringType = "aws:SourceVpc";
    /// `aws:SourceVpce` (`String`): the VPC endpoint the request came through (`vpce-…`).
    SOURCE_VPCE: StringType = "aws:SourceVpce";
    /// `aws:TokenIssueTime` (`Date`): when the temporary credentials were issued.
    TOKEN_ISSUE_TIME: DateType = "aws:TokenIssueTime";
    /// `aws:userid` (`String`): the principal's unique ID.
    USERID: StringType = "aws:userid";
    /// `aws:username` (`String`): the IAM user's name.
    USERNAME: StringType = "aws:username";
    /// `aws:ViaAWSService` (`Bool`): whether a service made the request with the principal's credentials.
    VIA_AWS_SERVICE: BoolType = "aws:ViaAWSService";
    /// `aws:VpcSourceIp` (`IPAddress`): the requester's IP address within the VPC.
    VPC_SOURCE_IP: IpType = "aws:VpcSourceIp";
}

/// `aws:PrincipalTag/${TagKey}` (`String`): the value of a tag on the principal.
pub const PRINCIPAL_TAG: KeyTemplate<StringType> = global_template("aws:PrincipalTag/${TagKey}");

/// Whether `tag` is a valid tag key: 1 to 128 letters, digits, spaces and `_ . : / = + - @` (AWS's
/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`).
pub(super) fn is_tag_key(tag: &str) -> bool {
    let count = tag.chars().count();
    (1..=128).contains(&count)
        && tag.chars().all(|c| {
            c.is_alphanumeric() || (c.is_whitespace() && !c.is_control()) || "_.:/=+-@".contains(c)
        })
}
