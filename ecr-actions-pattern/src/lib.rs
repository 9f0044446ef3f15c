//! IAM wildcard matching and IAM action patterns, shared by [`ecr-actions`](https://docs.rs/ecr-actions)
//! and its macros (which check `actions!` patterns at compile time with the same code that matches them at
//! run time).
//!
//! - [`Glob`]: `*` and `?` in linear time (no backtracking), case-sensitive, ignoring ASCII case, or with
//!   the ARN rules of the `Resource` element; escaped patterns ([`Glob::new_escaped`], [`escape_into`])
//!   where `\*` and `\?` are characters, so that substituted text can never become a wildcard.
//! - [`ActionPattern`]: `service:Action` patterns as a policy's `Action` element holds them, with typed
//!   errors ([`ParsePatternError`]).

#![deny(missing_docs)]

mod action;
mod glob;

pub use action::{ActionPattern, ParsePatternError};
pub use glob::{
    Glob, Inclusion, MAX_PRODUCT_STATES, MAX_TRANSITIONS, Overlap, escape_into, escape_with,
};
