//! The engine of [`ecr-actions-macros`](https://docs.rs/ecr-actions-macros): reads AWS IAM
//! service-authorization tables drawn with box characters and generates typed Rust for them.
//!
//! It is an ordinary library over [`proc_macro2`], so every step is unit-tested and benchmarked without a
//! compiler run; the proc-macro crate only forwards to [`expand()`]. The steps, one module each:
//!
//! | step | module | what it does |
//! |---|---|---|
//! | arguments | [`input`] | `syn` parsing of `service = "…", actions = "…", …` |
//! | drawing | [`table`] | box-drawing lines → tables of cells with line and column |
//! | columns | `columns` | columns found by header; rows of each kind of table |
//! | rules | `valid`, `resolve`, [`ident`] | sub-rows merged and checked, `…` resolved, identifiers made |
//! | model | [`model`] | the typed [`model::Service`] |
//! | code | [`expand`](mod@expand), `docs` | `quote!` of the enums, tables, impls and their rustdoc |
//!
//! Every fault is collected as a [`problem::Problem`] and reported together, each as a compile error that
//! names the table file, line and column, what is wrong and how to mend it. Nothing here panics on any
//! input.

pub mod action_set;
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
mod previous;
pub mod problem;
mod resolve;
pub mod table;
mod valid;

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};

use crate::input::{Input, TableArg};
use crate::model::{Service, Tables};
use crate::problem::{Place, Problem, Source};

/// A table's text and what messages call it.
struct Loaded {
    label: String,
    span: Span,
    text: String,
    file: Option<PathBuf>,
}

fn load(source: Source, arg: &TableArg, base: &Path) -> Result<Loaded, syn::Error> {
    match arg {
        TableArg::Inline(lit) => Ok(Loaded {
            label: format!("inline {} table", source.argument()),
            span: lit.span(),
            text: lit.value(),
            file: None,
        }),
        TableArg::Path(lit) => {
            let written = lit.value();
            let path = base.join(&written);
            // A file past the cap is refused before it is read into memory (`table::read` refuses a
            // long inline table, and places the error where the text goes past).
            if let Ok(meta) = std::fs::metadata(&path)
                && meta.len() > table::MAX_TABLE_BYTES as u64
            {
                return Err(syn::Error::new(
                    lit.span(),
                    format!(
                        "`{written}` is {} bytes, more than the {} bytes (16 MiB) a table may hold: the \
                         largest AWS service table is under 1 MiB; check that this is the right file",
                        meta.len(),
                        table::MAX_TABLE_BYTES
                    ),
                ));
            }
            let bytes = std::fs::read(&path).map_err(|e| {
                let looked = if Path::new(&written).is_absolute() {
                    String::new()
                } else {
                    format!(" (looked for `{}`)", path.display())
                };
                syn::Error::new(
                    lit.span(),
                    format!(
                        "cannot read `{written}`{looked}: {e}; give an existing file (a relative path starts \
                         at the invoking crate's folder, CARGO_MANIFEST_DIR), or the table itself as \
                         `inline(\"…\")`"
                    ),
                )
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let valid = e
                    .as_bytes()
                    .get(..e.utf8_error().valid_up_to())
                    .unwrap_or_default();
                let before = String::from_utf8_lossy(valid);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                syn::Error::new(
                    lit.span(),
                    format!("{written}:{line}:{column}: not UTF-8 text: save the table as UTF-8"),
                )
            })?;
            Ok(Loaded {
                label: written,
                span: lit.span(),
                text,
                file: Some(path),
            })
        }
    }
}

/// The three tables, or every error of loading them, in argument order.
fn all_loaded<A, R, C>(
    actions: Result<A, syn::Error>,
    resource_types: Result<R, syn::Error>,
    condition_keys: Result<C, syn::Error>,
) -> Result<(A, R, C), syn::Error> {
    fn with(mut first: syn::Error, later: impl IntoIterator<Item = syn::Error>) -> syn::Error {
        for error in later {
            first.combine(error);
        }
        first
    }
    match (actions, resource_types, condition_keys) {
        (Ok(a), Ok(r), Ok(c)) => Ok((a, r, c)),
        (Err(e), r, c) => Err(with(e, r.err().into_iter().chain(c.err()))),
        (Ok(_), Err(e), c) => Err(with(e, c.err())),
        (Ok(_), Ok(_), Err(e)) => Err(e),
    }
}

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
    match try_expand(input, &base, site) {
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
    match try_expand(input, base, "") {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}

fn try_expand(input: TokenStream, base: &Path, site: &str) -> Result<TokenStream, syn::Error> {
    // The invocation's identity: where it stands and what it says (the arguments alone when the site
    // is unknown, as in unit tests and benches).
    let identity = format!("{site}\n{input}");
    let input: Input = syn::parse2(input)?;
    let actions = load(Source::Actions, &input.actions, base);
    let optional =
        |source: Source, arg: Option<&TableArg>| arg.map(|a| load(source, a, base)).transpose();
    let resource_types = optional(Source::ResourceTypes, input.resource_types.as_ref());
    let condition_keys = optional(Source::ConditionKeys, input.condition_keys.as_ref());
    let (actions, resource_types, condition_keys) =
        all_loaded(actions, resource_types, condition_keys)?;

    let names: Vec<String> = input.names.iter().map(syn::LitStr::value).collect();
    let names_for: Vec<(String, Vec<String>)> = input
        .names_for
        .iter()
        .map(|(action, values)| {
            (
                action.value(),
                values.iter().map(syn::LitStr::value).collect(),
            )
        })
        .collect();
    let service_name = input.service.value();
    let tables = Tables {
        service: &service_name,
        actions: &actions.text,
        resource_types: resource_types.as_ref().map(|l| l.text.as_str()),
        condition_keys: condition_keys.as_ref().map(|l| l.text.as_str()),
        names: &names,
        names_for: &names_for,
    };
    let mut service = Service::checked(&tables).map_err(|reported| {
        let loaded = |source: Source| match source {
            Source::Actions => Some(&actions),
            Source::ResourceTypes => resource_types.as_ref(),
            Source::ConditionKeys => condition_keys.as_ref(),
        };
        let error = |Problem { place, message }: Problem| match place {
            Place::Table(source, pos) => match loaded(source) {
                Some(l) => syn::Error::new(l.span, format!("{}:{pos}: {message}", l.label)),
                None => syn::Error::new(Span::call_site(), message),
            },
            Place::Name(index) => {
                let span = input
                    .names
                    .get(index)
                    .map_or_else(Span::call_site, syn::LitStr::span);
                syn::Error::new(span, message)
            }
            Place::NameFor(index) => {
                let span = input
                    .names_for
                    .get(index)
                    .map_or_else(Span::call_site, |(action, _)| action.span());
                syn::Error::new(span, message)
            }
            Place::Service => syn::Error::new(input.service.span(), message),
        };
        let mut all = error(reported.first);
        for problem in reported.rest {
            all.combine(error(problem));
        }
        all
    })?;

    let mut earlier = Vec::with_capacity(input.previous.len());
    let mut previous_files = Vec::new();
    for arg in &input.previous {
        let loaded = load(Source::Actions, arg, base)?;
        let label = match arg {
            TableArg::Inline(_) => "(inline)".to_owned(),
            TableArg::Path(_) => loaded.label.clone(),
        };
        let tables = Tables {
            actions: &loaded.text,
            resource_types: None,
            condition_keys: None,
            ..tables
        };
        let table = previous::read(&tables).map_err(|reported| {
            let mut all = syn::Error::new(loaded.span, previous::message(&label, reported.first));
            for problem in reported.rest {
                all.combine(syn::Error::new(
                    loaded.span,
                    previous::message(&label, problem),
                ));
            }
            all
        })?;
        earlier.push(table);
        previous_files.extend(loaded.file.map(|f| f.display().to_string()));
    }
    previous::merge(&mut service, earlier);

    let default_crate: syn::Path = syn::parse_quote!(::ecr_actions);
    let files: Vec<String> = [
        Some(&actions),
        resource_types.as_ref(),
        condition_keys.as_ref(),
    ]
    .into_iter()
    .flatten()
    .filter_map(|l| l.file.as_ref().map(|f| f.display().to_string()))
    .chain(previous_files)
    .collect();
    let cx = expand::Context {
        krate: input.krate.as_ref().unwrap_or(&default_crate),
        files: &files,
        site: &identity,
    };
    Ok(expand::expand(&service, &cx))
}
