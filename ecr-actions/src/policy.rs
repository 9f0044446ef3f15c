//! The IAM JSON policy document: a typed model that reads and writes the policy grammar exactly.
//!
//! [`PolicyDocument::from_json`] reads a policy, checks its grammar (duplicate keys, unknown elements,
//! wrong types, missing `Effect` or `Action`, unknown condition operators…) and reports the first
//! fault with its JSON path; [`PolicyDocument::to_json`] writes it back with the keys in AWS's order. Reading and
//! writing round-trip exactly: a value given as a string stays a string, an array stays an array, a
//! number or boolean in a condition stays one.
//!
//! Actions are typed: each entry of `Action`/`NotAction` is parsed as an [`ActionPattern`]
//! (`ecr:Get*`), and [`ActionItem::matched`] gives the ECR actions it covers; an entry of another
//! service stays a valid string that matches no ECR action; a malformed entry is kept as written (the
//! linter reports it). `Resource` entries are parsed as [`ArnPattern`]s the same way.
//!
//! ```
//! use ecr_actions::policy::{Effect, PolicyDocument};
//! let json = r#"{
//!   "Version": "2012-10-17",
//!   "Statement": {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "s3:GetObject"], "Resource": "*"}
//! }"#;
//! let policy = PolicyDocument::from_json(json)?;
//! let statement = &policy.statements[0];
//! assert_eq!(statement.effect, Effect::Allow);
//! assert!(statement.action.items[0].matched().contains(ecr_actions::Action::BatchGetImage));
//! assert!(statement.action.items[1].matched().is_empty());
//! // Round trip: the single statement stays an object, the array stays an array.
//! let back: serde_json::Value = serde_json::from_str(&policy.to_json())?;
//! assert_eq!(back, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Limits on input
//!
//! Every reader of untrusted input has a cap, and an error that names it past the cap; all reading is
//! linear in the input. The caps, in one place:
//!
//! | input | cap | past it |
//! | --- | --- | --- |
//! | a policy document ([`PolicyDocument::from_json`], `ecr-iam lint FILE`) | [`MAX_DOCUMENT_BYTES`] = 1 MiB | [`PolicyError::TooLarge`]; `lint` reads no further into the file |
//! | nesting of arrays and objects in JSON text | [`MAX_NESTING`] = 128 (serde_json's recursion limit) | [`PolicyError::Json`] ("recursion limit exceeded") |
//! | a key written twice in one JSON object | none allowed | [`PolicyError::DuplicateKey`], with the path |
//! | a conformance case line (`ecr-iam simulate`) | 1 MiB | an error for that line; `simulate` skips to the next line |
//! | a context key name ([`Context::try_insert`]) | [`Context::MAX_KEY_BYTES`] = 1,024 bytes | [`ContextError::KeyTooLong`] |
//! | a context value | [`Context::MAX_VALUE_BYTES`] = 1 MiB | [`ContextError::ValueTooLong`] |
//! | values of one multivalued context key | [`Context::MAX_VALUES`] = 4,096 | [`ContextError::TooManyValues`] |
//! | keys of one context | [`Context::MAX_KEYS`] = 65,536 | [`ContextError::TooManyKeys`] |
//! | bytes of keys and values of one context | [`Context::MAX_BYTES`] = 16 MiB | [`ContextError::TooLarge`] |
//! | an ARN ([`Arn`], [`RepositoryArn`]) | [`Arn::MAX_LEN`] = 2,048 characters | `ParseArnError::TooLong` |
//! | a `Resource`/`NotResource` pattern ([`ArnPattern`]) | [`ArnPattern::MAX_LEN`] = 10,240 characters | `ParseArnPatternError::TooLong`; the linter reports `malformed-arn`, the evaluator refuses the policy |
//! | a condition value read as a number / a date / an IP address or block | 256 / 64 / 64 bytes (see [`value`](crate::value)) | not a value of that type: `invalid-condition-value`, refused by the evaluator and the builder |
//! | patterns with policy variables an evaluator keeps compiled | 4,096 patterns and 1 MiB of pattern text | the cache starts over; a larger pattern is matched without being kept |
//! | an `iam_actions!` table | 16 MiB; at most 50 errors reported, then `… and N more errors` | a compile error at the place it goes past |
//!
//! Matching a wildcard pattern against a text costs O(text × ⌈chunk / 64⌉) time, where a chunk is
//! the part of the pattern between two stars that match anything, and O(pattern) memory, whatever
//! the characters (see [`Glob`](ecr_actions_pattern::Glob)).
//!
//! AWS's own limits are far smaller: a managed policy holds at most 6,144 characters and a role's
//! inline policies 10,240 (IAM User Guide, *IAM and AWS STS quotas*), a repository policy 10,240
//! characters (Amazon ECR User Guide, *Amazon ECR service quotas*); a resource has at most 50 tags.
//! [`Context::insert`] (for contexts a program builds itself) takes any size, at O(log n) a key.
//!
//! [`ActionPattern`]: crate::ActionPattern
//! [`ArnPattern`]: crate::ArnPattern
//! [`ArnPattern::MAX_LEN`]: crate::ArnPattern::MAX_LEN
//! [`Arn`]: crate::Arn
//! [`Arn::MAX_LEN`]: crate::Arn::MAX_LEN
//! [`RepositoryArn`]: crate::RepositoryArn
//! [`Context::try_insert`]: crate::eval::Context::try_insert
//! [`Context::insert`]: crate::eval::Context::insert
//! [`Context::MAX_KEY_BYTES`]: crate::eval::Context::MAX_KEY_BYTES
//! [`Context::MAX_VALUE_BYTES`]: crate::eval::Context::MAX_VALUE_BYTES
//! [`Context::MAX_VALUES`]: crate::eval::Context::MAX_VALUES
//! [`Context::MAX_KEYS`]: crate::eval::Context::MAX_KEYS
//! [`Context::MAX_BYTES`]: crate::eval::Context::MAX_BYTES
//! [`ContextError::KeyTooLong`]: crate::eval::ContextError::KeyTooLong
//! [`ContextError::ValueTooLong`]: crate::eval::ContextError::ValueTooLong
//! [`ContextError::TooManyValues`]: crate::eval::ContextError::TooManyValues
//! [`ContextError::TooManyKeys`]: crate::eval::ContextError::TooManyKeys
//! [`ContextError::TooLarge`]: crate::eval::ContextError::TooLarge

mod condition;
mod document;
mod error;
mod json;
mod kind;
mod one_or_many;
mod path;
mod principal;
mod read;
mod statement;
mod write;

pub use condition::{
    ConditionBlock, ConditionEntry, ConditionOperator, ConditionValue, OperatorKind, SetQualifier,
};
pub use document::{MAX_DOCUMENT_BYTES, MAX_NESTING, PolicyDocument, Version, parse_json};
pub use error::PolicyError;
pub use kind::{
    Inference, ParsePolicyTypeError, PolicyType, PolicyTypeError, TypeRule, TypeViolation,
};
pub use one_or_many::OneOrMany;
pub use path::{JsonPath, PathSegment};
pub use principal::{PrincipalClause, PrincipalKind, Principals};
pub use statement::{ActionClause, ActionItem, Effect, ResourceClause, ResourceItem, Statement};
