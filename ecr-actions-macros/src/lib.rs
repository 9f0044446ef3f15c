//! The `iam_actions!` macro: typed Rust for an AWS service, generated at compile time from the service's
//! IAM actions table (the table of the AWS service authorization reference, drawn with box characters).
//!
//! Most users depend on [`ecr-actions`](https://docs.rs/ecr-actions), which invokes this macro for Amazon
//! ECR and re-exports it as `ecr_actions::iam_actions!`. The work is done by
//! [`ecr-actions-codegen`](https://docs.rs/ecr-actions-codegen), an ordinary library; this crate only
//! forwards to it.

/// Generates the typed actions, resource types and condition keys of one AWS service from its tables.
///
/// ```ignore
/// ecr_actions::iam_actions! {
///     service = "ecr",                                     // the IAM service prefix
///     actions = "spec/ecr-actions.txt",                    // from the invoking crate's CARGO_MANIFEST_DIR
///     resource_types = "spec/ecr-resource-types.txt",      // optional companion table
///     condition_keys = "spec/ecr-condition-keys.txt",      // optional companion table
///     names = ["BatchGetRepositoryScanningConfiguration"], // full values of cells cut with `…`
///     names_for = { "PutImage" = ["repository*"] },        // optional: one action's cut cells, in order
///     previous = ["spec/2022-11-10/ecr-actions.txt"],      // optional: earlier actions tables
///     crate = ::ecr_actions,                               // optional: path of the runtime crate
/// }
/// ```
///
/// (A runnable example with an inline table is on `ecr_actions::iam_actions`.)
///
/// # Arguments
///
/// - `service`: the IAM service prefix, lowercase ASCII letters, digits and `-`.
/// - `actions`, `resource_types`, `condition_keys`: a path relative to the invoking crate's folder, or the
///   table itself as `inline("…")`. A change to a table file rebuilds the invoking crate.
/// - `names`: the full value of every cell the table cut with `…`. A cut value `P…` takes the listed name
///   that starts with `P` and is longer than the cell; actions cut alike take the names with that prefix
///   in sorted order; a cut value in any other column that fits several names is an error, and so is a
///   listed name that resolves nothing. An entry is the cell's full value: for a resource type, `name*`
///   when it is required and `name` when not, since a cut cell has lost its `*` (the macro never
///   guesses it: a cut resource type without its `*` in `names` is optional because its entry says so).
/// - `names_for`: for cells that `names` cannot settle (one cut text standing for `name*` in one action
///   and `name` in another, or for several keys, as KMS's `kms:RecipientAttestation:NitroTPMPC…` stands
///   for 24), per action, the full values of **all** its cut cells except its name:
///   `names_for = { "CreateKey" = ["kms:RecipientAttestation:NitroTPMPCR0", …], … }`. The key is the
///   action's full name; the list is in table order: sub-row by sub-row; within a sub-row, column by
///   column from left to right; within a column, top to bottom. Each value must fit its cell (the text
///   before `…` is a prefix of it). A missing, extra or non-fitting value is an error at its cell, and so
///   is a key that names no action. An action given here takes its cut cells only from here, not from
///   `names`. Without either, a cut cell that fits several names is an error that lists them and shows
///   the `names_for` entry that settles it.
/// - `previous`: earlier actions tables of the same service, oldest first, each a path or `inline("…")`,
///   so that a data update never breaks a user's build silently. An action an earlier table has and the
///   current one lacks is still generated, after the current ones: `#[deprecated]` with a note naming the
///   date (the earlier table's `Last updated`) it disappeared after, still parsed by `FromStr` and serde,
///   but not current (`Action::CURRENT`, `is_current()`), so no wildcard expansion includes it —
///   `ActionSet::matching`, `actions!("svc:*")`, compact pattern lists — because IAM no longer knows it;
///   its own name still matches it. It keeps the earlier table's description and access levels, and those
///   of its resource types and condition keys the current tables still define. An earlier table is read
///   with `names` when they resolve it, else without; its errors name it.
/// - `crate`: where the runtime crate is, `::ecr_actions` unless given (`crate` inside `ecr-actions`).
///
/// Several invocations may generate one service in one crate (two snapshots of a table in two modules,
/// say), each with its own types and its own `actions!`. Only the runtime crate's own invocation
/// (`crate = crate`) exports the fixed name `__iam_actions_<service>` that `ecr_actions::actions!` calls,
/// so that crate invokes it with `crate = crate` once per service.
///
/// # The table
///
/// Columns are found by their header, so both the 6-column layout (`Actions`, `Description`,
/// `Access level`, `Resource types (*required)`, `Condition keys`, `Dependent actions`) and the newer one
/// (no `Dependent actions`, `Access level` last) are read; a header may wrap over several lines, and a
/// file may hold several tables one after another. Each row is one sub-row of an action: one per resource
/// type (a trailing `*` marks it required) with that type's condition keys and dependent actions, plus
/// one with an empty resource-type cell for action-level keys. The sub-rows of an action repeat its name,
/// description and access level, and must agree. The resource-types table has `Resource types`, `ARN`
/// and `Condition keys`; the condition-keys table `Condition keys`, `Description` and `Type`. A CRLF line
/// end and a byte-order mark are tolerated.
///
/// # Cell values
///
/// Each value is read by its kind's grammar: an action name is an ASCII letter, then letters and digits
/// with single `-` or `_` between them (`AssociateViaAWSService-EventsAndStates`); a resource type the
/// same with `.` too, and one trailing `*` when required; a condition key is `prefix:Name`, a service
/// prefix then letters, digits and placeholders (`${TagKey}`, `<key>`) with single `:`, `/`, `.`, `-`
/// or `_` between them; a dependent action is `prefix:Action`. Control characters, spaces inside a
/// value, `**` and `...` are refused at their cell. A value a cell lists twice is taken once: AWS's
/// lists are sets (the s3 page repeats `s3:signatureversion` in one cell).
///
/// # Identifiers
///
/// A name becomes its plain UpperCamelCase identifier (`aws:RequestTag/${TagKey}` → `AwsRequestTag`,
/// `AssociateViaAWSService-EventsAndStates` → `AssociateViaAWSServiceEventsAndStates`). When distinct
/// names of one kind share a plain identifier (CodeBuild's `codebuild:environment.type` and
/// `codebuild:environmentType`), each of them takes its exact identifier instead, which keeps every
/// separator and placeholder: `:` is `_`, `.` is `_d`, `-` is `_h`, `/` is `_s`, `_` is `_u`, a
/// placeholder `${Name}` is `_vName` (`Codebuild_Environment_dType`, `Codebuild_EnvironmentType`,
/// `Ec2_Attribute_s_vAttributeName`). The exact identifier depends on the name alone and is injective up
/// to ASCII case, so identifiers never collide and do not change when AWS adds an unrelated name. Names
/// equal up to ASCII case are one name for IAM, and an error.
///
/// # What it generates
///
/// In the invoking module, each item with rustdoc (so the documentation of your crate shows them):
///
/// - `pub enum Action` (`#[non_exhaustive]`, `Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord`):
///   one documented variant per action in table order (description, access level, resource types,
///   condition keys, dependent actions), deprecated ones of `previous` tables last. Constants `ALL`,
///   `COUNT`, `CURRENT` (without the deprecated ones), `SERVICE`; methods `name()`, `name_lowercase()`,
///   `as_str()` (`ecr:BatchGetImage`), `description()`, `access_levels()`, `access_level()`,
///   `resource_types()`, `condition_keys()`, `dependent_actions()`, `index()`, `from_index()`,
///   `is_current()`, `matches(&ActionPattern)`, `lookup()`. Traits: `Display` (the IAM string),
///   `FromStr` (any ASCII case; the error suggests the nearest action), `From<Action> for &'static str`,
///   the runtime crate's `service::IamAction`, the [strum](https://docs.rs/strum) traits `EnumCount`,
///   `VariantArray`, `VariantNames` (the IAM strings) and `IntoEnumIterator` (`Action::iter()`), which
///   `ecr_actions::strum` re-exports so that calling them needs no dependency of your own, and with the
///   runtime crate's `serde` feature `Serialize`/`Deserialize` as the IAM string.
/// - `pub struct ActionSet`: a `Copy` bitset of the service's actions, usable in `const`, with set
///   algebra (`|`, `&`, `-`, `^`, `!`), `with_access_level`, `matching`, `to_patterns`, iteration in
///   table order, `as_written`/`expanded` (below), the runtime crate's `set::IamActionSet`, and with
///   `serde` a sequence of IAM strings.
/// - `actions!`, the invocation's own macro: `sqs::actions!("sqs:Send*", "sqs:ReceiveMessage")` is an
///   `ActionSet` checked at compile time (an unknown action, a pattern that matches nothing or names
///   another service, or a malformed pattern fails the build on that literal, with the nearest names),
///   a constant expression that keeps the patterns as written for a policy builder to write. Call it by
///   its path: `self::actions!`, `crate::sqs::actions!`, `super::sqs::actions!`.
/// - `pub enum ResourceType`: `ALL`, `COUNT`, `name()`, `arn_format()`, `condition_keys()`,
///   `from_name()`, `Display`, `FromStr`, `service::IamResourceType`, serde; and `pub enum ConditionKey`:
///   `ALL`, `COUNT`, `as_str()`, `description()`, `value_type()`, `from_name()`, `Display`, `FromStr`,
///   `service::IamConditionKey`, serde.
/// - `pub type ResourceTypeUse` and `pub const LAST_UPDATED: Option<&str>`.
///
/// # `actions!` beyond the invoking crate
///
/// `actions!` is a `#[macro_export]` helper (hidden, at the crate root, under a name unique to the
/// invocation) re-exported as `<module>::actions`. A `macro_rules!` that a macro generated can be
/// reached by a path of its own crate only through such a re-export, made by its textual name where it
/// is defined: `crate::__helper!` is refused (the deny-by-default lint
/// `macro_expanded_macro_exports_accessed_by_absolute_paths`, rust-lang/rust#52234), and a
/// `pub(crate) use` would keep it from other crates. So:
///
/// - In the invoking crate, `crate::sqs::actions!` works from any module, and `self::actions!` in the
///   module itself; an invocation at the crate root gives `crate::actions!`. Two invocations in one
///   module clash (both generate `Action`, `ActionSet` and `actions`).
/// - A library that invokes `iam_actions!` in a public module exports `actions!` with it:
///   `my_lib::sqs::actions!(…)` works in its users' crates. Its expansion names the runtime crate by the
///   `crate` argument (`::ecr_actions` unless given), so a user of the library needs `ecr-actions` as a
///   dependency too, unless the library names a path its users reach: `extern crate self as my_lib;`,
///   `#[doc(hidden)] pub use ecr_actions as __ecr;` at its root, and `crate = ::my_lib::__ecr`.
/// - Re-exporting `actions` under another name or module (`pub use sqs::actions as sqs_actions;`)
///   works like any re-export of a macro.
///
/// # Errors
///
/// Every malformed input is a compile error, never a panic or a guess, and all of them are reported at
/// once. A message names the table, line and column, what is wrong and how to mend it, e.g.
/// `spec/ecr-actions.txt:17:3: unknown access level `Reed`; did you mean `Read`?: expected one of …`.
/// Columns count characters. In an inline table, line 1 is the line of the opening quote, so a table that
/// starts on the next line has its top border on line 2. The first 50 problems in reading order are
/// reported, then one more that counts all the rest, faults in the drawing included (`… and K more
/// errors`); a table of more than 16 MiB is
/// refused unread. The time and memory the macro takes are linear in the size of its tables.
#[proc_macro]
pub fn iam_actions(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    // The call site tells two invocations for one service apart (their hidden exported macros).
    let site = proc_macro::Span::call_site();
    let site = format!("{}:{}:{}", site.file(), site.line(), site.column());
    ecr_actions_codegen::expand_at(input.into(), &site).into()
}

/// Checks action patterns at compile time and builds their set: the engine behind `ecr_actions::actions!`.
/// Called by the hidden `macro_rules!` that `iam_actions!` generates; not for direct use.
#[doc(hidden)]
#[proc_macro]
pub fn action_set(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    ecr_actions_codegen::action_set::expand(input.into()).into()
}
