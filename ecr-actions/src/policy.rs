//! The IAM JSON policy document: a typed model that reads and writes the policy grammar exactly.
//!
//! [`PolicyDocument::from_json`] reads a policy, checks its grammar (unknown elements, wrong types,
//! missing `Effect` or `Action`, unknown condition operators…) and reports the first fault with its
//! JSON path; [`PolicyDocument::to_json`] writes it back with the keys in AWS's order. Reading and
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
//! [`ActionPattern`]: crate::ActionPattern
//! [`ArnPattern`]: crate::ArnPattern

mod condition;
mod document;
mod error;
mod json;
mod one_or_many;
mod path;
mod principal;
mod read;
mod statement;
mod write;

pub use condition::{
    ConditionBlock, ConditionEntry, ConditionOperator, ConditionValue, OperatorKind, SetQualifier,
};
pub(crate) use document::parse_json;
pub use document::{MAX_DOCUMENT_BYTES, MAX_NESTING, PolicyDocument, Version};
pub use error::PolicyError;
pub use one_or_many::OneOrMany;
pub use path::{JsonPath, PathSegment};
pub use principal::{PrincipalClause, PrincipalKind, Principals};
pub use statement::{ActionClause, ActionItem, Effect, ResourceClause, ResourceItem, Statement};
