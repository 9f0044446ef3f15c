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
//! | [`iam_actions!`] | the macro, for any AWS service's table |
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
    doc = "| [`eval`]: [`Evaluator`], [`Request`], [`Context`], [`Decision`], [`Evaluation`], [`CompileError`] (feature `policy`) | policy evaluation as IAM decides: identity and repository policies compiled once, requests decided without allocating, explained on demand |"
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
//! - `cli`: the `ecr-iam` command-line tool (and `policy`) (`list`, `show`, `expand`, `compact`, `spec --json`,
//!   `spec diff`, `lint`, `simulate`).

#![deny(missing_docs)]

mod access;
pub mod arn;
#[cfg(feature = "policy")]
pub mod builder;
#[cfg(feature = "policy")]
pub mod check;
pub mod compact;
mod condition;
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
mod suggest;
#[cfg(feature = "policy")]
pub mod value;

#[doc(hidden)]
pub mod __private;

pub use access::{AccessLevel, AccessLevels};
pub use arn::{
    Arn, ArnPattern, FillArnFormatError, ParseArnError, ParseArnPatternError, RepositoryArn,
    RepositoryArnError,
};
#[cfg(feature = "policy")]
pub use builder::{BuildError, Condition, PolicyBuilder, Principal, StatementBuilder};
pub use condition::ConditionValueType;
pub use ecr::{Action, ActionSet, ConditionKey, LAST_UPDATED, ResourceType, ResourceTypeUse};
pub use ecr_actions_pattern::{ActionPattern, Glob, ParsePatternError};
pub use error::{ParseActionError, ParseNameError};
#[cfg(feature = "policy")]
pub use eval::{CompileError, Context, Decision, Evaluation, Evaluator, Request};

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
/// nearest action names. The expansion is a constant expression.
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
        $crate::__iam_actions_ecr!($crate::ActionSet; $($pattern),*)
    };
}
