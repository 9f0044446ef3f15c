#![doc = include_str!("../README.md")]
//!
//! # The crate
//!
//! | item | what |
//! |---|---|
//! | [`Action`], [`ResourceType`], [`ConditionKey`], [`ResourceTypeUse`], [`LAST_UPDATED`] | ECR as AWS published it on 2026-10-27, generated from `spec/2026-10-27/` |
//! | [`AccessLevel`], [`AccessLevels`], [`ConditionValueType`] | the vocabulary of the tables |
//! | [`ActionSet`], [`actions!`] | sets of actions: a `Copy` bitset usable in `const`, by access level, by pattern, compacted back to patterns ([`compact`]); `actions!` checks its patterns at compile time |
//! | [`ActionPattern`], [`Glob`] | IAM wildcards (`*`, `?`) matched in linear time, ignoring case for actions |
//! | [`ParseActionError`], [`ParseNameError`], [`ParsePatternError`] | what the parsers return, with suggestions |
//! | [`Arn`], [`RepositoryArn`], [`ArnPattern`] (errors: [`ParseArnError`], [`RepositoryArnError`], [`ParseArnPatternError`], [`FillArnFormatError`]) | ARNs: parsed, built from the table's format with ECR's naming rules, matched by `Resource` patterns; see [`arn`] |
//! | [`service`] | traits over any generated service, for generic code |
//! | [`metadata`] | a service's metadata as plain data (and JSON with `serde`) |
//! | [`iam_actions!`] | the macro, for any AWS service's table; each invocation also generates its own `ActionSet` and `actions!` |
//! | [`strum`] | re-exported: the strum traits the generated enums implement, usable without a dependency of your own |
#![cfg_attr(
    feature = "policy",
    doc = "| [`policy`]: [`PolicyDocument`](policy::PolicyDocument) (feature `policy`) | the IAM JSON policy grammar, read with typed errors and JSON paths, written back exactly |"
)]
#![cfg_attr(
    feature = "policy",
    doc = "| [`lint`]: [`lint()`](lint::lint), [`Finding`](lint::Finding) (feature `policy`) | the policy linter: stable codes and severities as IAM Access Analyzer grades them |"
)]
#![cfg_attr(
    feature = "policy",
    doc = "| [`builder`]: [`PolicyBuilder`], [`StatementBuilder`], [`Principal`], [`Condition`] (feature `policy`) | policies written in Rust: typed actions, resources, principals and condition keys; `build` lints and refuses a policy with an error |"
)]
#![cfg_attr(
    feature = "policy",
    doc = "| [`eval`]: [`Evaluator`], [`Request`], [`Context`], [`Decision`], [`Evaluation`], [`PolicySetError`] (feature `policy`) | policy evaluation as IAM decides: identity and repository policies compiled once, requests decided without allocating, explained on demand |"
)]
#![cfg_attr(
    feature = "policy",
    doc = "| [`check`]: [`Grants`](check::Grants), [`no_new_access`](check::no_new_access), [`access_not_granted`](check::access_not_granted), [`no_public_access`](check::no_public_access) (feature `policy`) | policy checks for CI: what a policy grants, exactly; PASS only when proven, FAIL with a witness request the evaluator confirms |"
)]
//!
//! # Feature flags
//!
//! - `serde` (default): `Serialize`/`Deserialize` for actions, action sets, resource types, condition
//!   keys, access levels, ARNs and metadata, as their IAM strings (`"ecr:BatchGetImage"`); nothing more.
//! - `policy`: the IAM policy modules `policy`, `lint`, `builder`, `eval` and `check` (and `serde`).
//!
//! The `ecr-iam` command-line tool is a package of its own (`cargo install ecr-iam`), so that clap is
//! never part of a library user's build.

#![deny(missing_docs)]

pub mod arn;
#[cfg(feature = "policy")]
pub mod builder;
#[cfg(feature = "policy")]
pub mod check;
pub mod compact;
mod ecr;
mod error;
#[cfg(feature = "policy")]
pub mod eval;
#[cfg(feature = "policy")]
pub mod lint;
pub mod metadata;
#[cfg(feature = "policy")]
pub mod policy;
pub mod service;
pub mod set;
#[cfg(feature = "policy")]
pub mod value;

#[doc(hidden)]
pub mod __private;

pub use arn::{
    Arn, ArnPattern, FillArnFormatError, ParseArnError, ParseArnPatternError, RepositoryArn,
    RepositoryArnError,
};
#[cfg(feature = "policy")]
pub use builder::{BuildError, Condition, PolicyBuilder, Principal, StatementBuilder};
pub use ecr::{Action, ActionSet, ConditionKey, LAST_UPDATED, ResourceType, ResourceTypeUse};
/// ```
/// use ecr_actions::{AccessLevel, Action};
/// assert_eq!(Action::SetRepositoryPolicy.access_level(), AccessLevel::PermissionsManagement);
/// assert_eq!(Action::TagResource.access_levels().to_string(), "Tagging, Write");
/// ```
pub use ecr_actions_pattern::AccessLevel;
/// ```
/// use ecr_actions::{AccessLevel, Action};
/// let levels = Action::TagResource.access_levels();
/// assert!(levels.contains(AccessLevel::Tagging));
/// assert_eq!(levels.first(), AccessLevel::Tagging);
/// ```
pub use ecr_actions_pattern::AccessLevels;
/// ```
/// use ecr_actions::{ConditionKey, ConditionValueType};
/// assert_eq!(ConditionKey::AwsTagKeys.value_type(), Some(ConditionValueType::ArrayOfString));
/// ```
pub use ecr_actions_pattern::ConditionValueType;
/// ```
/// use ecr_actions::ResourceType;
/// let error = "repositry".parse::<ResourceType>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown resource type `repositry`; did you mean `repository`?");
/// ```
pub use ecr_actions_pattern::ParseNameError;
pub use ecr_actions_pattern::{ActionPattern, Glob, ParsePatternError};
pub use error::ParseActionError;
#[cfg(feature = "policy")]
pub use eval::{Context, Decision, Evaluation, Evaluator, PolicySetError, Request};

/// The [strum](https://docs.rs/strum) crate, whose traits every generated `Action` implements
/// (`EnumCount`, `VariantArray`, `VariantNames`, `IntoEnumIterator`): re-exported so that calling them
/// needs no `strum` in your `Cargo.toml`.
///
/// ```
/// use ecr_actions::Action;
/// use ecr_actions::strum::{EnumCount, IntoEnumIterator, VariantArray, VariantNames};
///
/// assert_eq!(Action::iter().count(), <Action as EnumCount>::COUNT);
/// assert_eq!(Action::iter().next(), Some(<Action as VariantArray>::VARIANTS[0]));
/// assert!(<Action as VariantNames>::VARIANTS.contains(&"ecr:PutImage"));
/// ```
pub use strum;

/// Generates typed Rust for one AWS service from its IAM actions table.
///
/// ```
/// mod sqs {
///     ecr_actions::iam_actions! {
///         service = "sqs",
///         actions = inline("
/// ┏━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
/// ┃ Actions     ┃ Description                      ┃ Access level ┃ Resource types (*required) ┃ Condition keys ┃
/// ┡━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
/// │ SendMessage │ Grants permission to deliver a   │ Write        │ queue*                     │                │
/// │             │ message to the specified queue   │              │                            │                │
/// └─────────────┴──────────────────────────────────┴──────────────┴────────────────────────────┴────────────────┘
/// "),
///     }
/// }
/// assert_eq!(sqs::Action::SendMessage.as_str(), "sqs:SendMessage");
/// assert_eq!(sqs::Action::SendMessage.description(), "Grants permission to deliver a message to the specified queue");
/// assert_eq!("SQS:sendmessage".parse(), Ok(sqs::Action::SendMessage));
///
/// // The invocation's own set type and `actions!`, checked at compile time like `ecr_actions::actions!`.
/// const SEND: sqs::ActionSet = sqs::actions!("sqs:Send*");
/// assert!(SEND.contains(sqs::Action::SendMessage));
///
/// // The strum traits, through the re-export.
/// use ecr_actions::strum::IntoEnumIterator;
/// assert_eq!(sqs::Action::iter().collect::<Vec<_>>(), [sqs::Action::SendMessage]);
/// ```
///
/// The arguments, what it generates and the errors it reports are described in
/// [`ecr_actions_macros::iam_actions!`](ecr_actions_macros::iam_actions).
pub use ecr_actions_macros::iam_actions;

/// A set of ECR actions from IAM action patterns, checked at compile time.
///
/// Each argument is an IAM action string or pattern (`*` and `?`, any ASCII case); the set holds every
/// ECR action that one of them matches. An unknown action, a pattern that matches no ECR action (or names
/// another service), or a malformed pattern fails the build with the error on that literal and the
/// nearest action names. The expansion is a constant expression. The set keeps the patterns as written
/// ([`ActionSet::as_written`]): the policy builder (feature `policy`) writes
/// `actions!("ecr:Describe*")` as `"ecr:Describe*"`, and [`ActionSet::expanded`] as today's names.
/// Every other service's `actions!` is generated next to its `ActionSet` by [`iam_actions!`].
///
/// ```
/// use ecr_actions::{Action, ActionSet, actions};
/// const PULL: ActionSet = actions!("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability");
/// assert_eq!(PULL.len(), 3);
/// let reads = actions!("ecr:Get*", "ecr:Describe*");
/// assert!(reads.contains(Action::GetAuthorizationToken));
/// assert!(!reads.contains(Action::PutImage));
/// ```
///
/// ```compile_fail
/// // A typo is a compile error: unknown `ecr` action `ecr:BatchGetImag`; did you mean `ecr:BatchGetImage`?
/// let set = ecr_actions::actions!("ecr:BatchGetImag");
/// ```
#[macro_export]
macro_rules! actions {
    ($($pattern:literal),* $(,)?) => {
        $crate::__iam_actions_ecr!($($pattern),*)
    };
}
