//! IAM wildcard matching and IAM action patterns, shared by [`ecr-actions`](https://docs.rs/ecr-actions)
//! and its macros (which check `actions!` patterns at compile time with the same code that matches them at
//! run time).
//!
//! - [`Glob`]: `*` and `?` in linear time (no backtracking), case-sensitive, ignoring ASCII case, or with
//!   the ARN rules of the `Resource` element; escaped patterns ([`Glob::new_escaped`], [`escape_into`])
//!   where `\*` and `\?` are characters, so that substituted text can never become a wildcard.
//! - [`ActionPattern`]: `service:Action` patterns as a policy's `Action` element holds them, with typed
//!   errors ([`ParsePatternError`]).
//! - [`AccessLevel`], [`AccessLevels`], [`ConditionValueType`]: the vocabulary of the AWS tables, with
//!   [`ParseNameError`] (`ecr-actions` re-exports them at its root; `Serialize`/`Deserialize` with the
//!   `serde` feature).
//! - [`suggest`]: the "did you mean" of both crates, one rule of case, distance and cost.

#![deny(missing_docs)]

#[cfg(feature = "serde")]
#[doc(hidden)]
pub mod __private;
mod action;
mod glob;
pub mod suggest;
mod vocabulary;

pub use action::{ActionPattern, ParsePatternError};
pub use glob::{
    Glob, Inclusion, MAX_PRODUCT_STATES, MAX_TRANSITIONS, Overlap, escape_into, escape_with,
};
pub use vocabulary::{AccessLevel, AccessLevels, ConditionValueType, ParseNameError};
