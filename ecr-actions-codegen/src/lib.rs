//! The engine of [`ecr-actions-macros`](https://docs.rs/ecr-actions-macros): reads AWS IAM
//! service-authorization tables drawn with box characters and generates typed Rust for them.
//!
//! It is an ordinary library over [`proc_macro2`], so every stage is unit-tested and benchmarked without a
//! compiler run; the proc-macro crate only forwards to [`expand()`].
//!
//! # The pipeline
//!
//! `pipeline.rs` is the one home of the orchestration: it calls each stage in this order, and each
//! stage depends only on the ones above it.
//!
//! 1. **arguments**: [`input`] (`syn` parsing of `service = "…", actions = "…", …`); `pipeline.rs`
//!    loads the tables, inline or from their files.
//! 2. **drawing**: [`table`] (box-drawing lines → tables of cells with line and column).
//! 3. **columns**: `columns.rs` (columns found by header; rows of each kind of table, and whether a
//!    companion table was absent, refused or read).
//! 4. **rules**: `valid.rs` (sub-rows merged and checked, one `fn` per rule), `resolve.rs` and
//!    `names_for.rs` (`…` resolved), `cells.rs` (cell values resolved and placed), `grammar.rs` (what a
//!    name may hold), `companion.rs` (the companion tables against the actions), [`ident`]
//!    (identifiers made), `previous.rs` (earlier tables merged).
//! 5. **model**: [`model`] (the typed [`model::Service`], plain data; its vocabulary is
//!    `ecr-actions-pattern`'s, shared with the runtime).
//! 6. **code**: [`expand`](mod@expand), `expand/`, `lookup.rs` and `docs.rs` (`quote!` of the enums,
//!    tables, impls and their rustdoc); [`action_set`] checks `actions!` patterns at compile time.
//!
//! Every fault is collected as a [`problem::Problem`] and reported together, each as a compile error that
//! names the table file, line and column, what is wrong and how to mend it. Nothing here panics on any
//! input.

pub mod action_set;
mod cells;
mod columns;
mod companion;
mod docs;
pub mod expand;
mod grammar;
pub mod ident;
pub mod input;
mod lookup;
pub mod model;
mod names_for;
mod pipeline;
mod previous;
pub mod problem;
mod resolve;
pub mod table;
mod valid;

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

/// Expands `iam_actions!`, resolving table paths against the `CARGO_MANIFEST_DIR` of the invoking crate.
///
/// Errors become `compile_error!` invocations in the output, so the result is always a token stream.
pub fn expand(input: TokenStream) -> TokenStream {
    expand_at(input, "")
}

/// Expands `iam_actions!` like [`expand()`], for an invocation at `site` (its file, line and column, as
/// the proc-macro crate reads them from the call site).
///
/// The site makes the name of the hidden `macro_rules!` that the invocation exports at the crate root
/// unique to it, so that two invocations for one service compile in one crate (see
/// [`expand::Context::site`]).
pub fn expand_at(input: TokenStream, site: &str) -> TokenStream {
    let base = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(PathBuf::new, PathBuf::from);
    match pipeline::expand(input, &base, site) {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}

/// Expands `iam_actions!` with table paths resolved against `base`.
///
/// # Examples
///
/// ```
/// use quote::quote;
/// let tokens = ecr_actions_codegen::expand_in(
///     quote!(service = "ecr", actions = "no/such/file.txt"),
///     std::path::Path::new("."),
/// );
/// assert!(tokens.to_string().contains("cannot read"));
/// ```
pub fn expand_in(input: TokenStream, base: &Path) -> TokenStream {
    match pipeline::expand(input, base, "") {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}
