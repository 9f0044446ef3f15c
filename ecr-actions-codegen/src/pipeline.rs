//! The one home of the orchestration: each stage is called from here, in order, and no stage calls
//! another (see the crate docs for the list). A stage reports its faults to [`Problems`] and hands the
//! next stage what it could read, so that one build reports every fault at once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};

use crate::cells::{Cells, PlacedAction};
use crate::columns::{self, ActionRow, Companion, ConditionRow, ResourceRow};
use crate::input::{Input, TableArg};
use crate::model::{Service, Tables};
use crate::problem::{Place, Problem, Problems, Reported, Source};
use crate::resolve::Resolver;
use crate::table::{self, Grid, Pos, Text};
use crate::{companion, ident, names_for, previous, valid};

/// A table's text and what messages call it.
struct Loaded {
    label: String,
    span: Span,
    text: String,
    file: Option<PathBuf>,
}

/// Arguments: a table argument's text, inline or read from its file.
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

/// Drawing: a table's grid, or `None` when its drawing has faults (reported).
fn drawing(source: Source, text: &str, problems: &mut Problems) -> Option<Grid> {
    match table::read(text) {
        Ok(grid) => Some(grid),
        Err(errors) => {
            problems.grid(source, errors);
            None
        }
    }
}

/// Drawing and columns of a companion table: its rows, or why there are none.
fn companion<T>(
    source: Source,
    text: Option<&str>,
    problems: &mut Problems,
    rows: impl FnOnce(&Grid, &mut Problems) -> Option<Vec<T>>,
) -> Companion<Vec<T>> {
    let Some(text) = text else {
        return Companion::Absent;
    };
    match drawing(source, text, problems).and_then(|grid| rows(&grid, problems)) {
        Some(rows) => Companion::Rows(rows),
        None => Companion::Refused,
    }
}

/// Rules → model: the service from the rows the columns stage read; every problem goes to `problems`.
fn rules(
    tables: &Tables<'_>,
    last_updated: Option<&Text>,
    rows: Vec<ActionRow>,
    resource_rows: Companion<&[ResourceRow]>,
    condition_rows: Companion<&[ConditionRow]>,
    problems: &mut Problems,
) -> Service {
    let groups = valid::group_rows(rows, problems);
    let mut resolver = Resolver::new(tables.names);
    let heads: Vec<&Text> = groups
        .iter()
        .filter_map(|g| g.head().map(|h| &h.name))
        .collect();
    let action_names = resolver.action_names(&heads, problems);
    let own: HashMap<&str, &[String]> = tables
        .names_for
        .iter()
        .map(|(action, values)| (action.as_str(), values.as_slice()))
        .collect();
    valid::check_names_for_actions(tables.names_for, &action_names, problems);
    // An action given in `names_for` takes its cells only from there: its cut cells are not resolved
    // from `names`.
    let globally = groups
        .iter()
        .zip(&action_names)
        .filter(|(_, name)| name.as_deref().is_none_or(|n| !own.contains_key(n)))
        .collect::<Vec<_>>();
    for (group, name) in &globally {
        for row in &group.rows {
            resolver.note(Source::Actions, "resource type", row.resource.iter());
            resolver.note(Source::Actions, "condition key", row.condition_keys.iter());
            resolver.note(
                Source::Actions,
                "dependent action",
                row.dependent_actions.iter(),
            );
        }
        if let Some(name) = name {
            resolver.own(name, &names_for::cut_cells(group.rows.iter()));
        }
    }
    for row in resource_rows.rows() {
        resolver.note(
            Source::ResourceTypes,
            "resource type",
            std::iter::once(&row.name),
        );
        resolver.note(Source::ResourceTypes, "ARN", row.arn.iter());
        resolver.note(
            Source::ResourceTypes,
            "condition key",
            row.condition_keys.iter(),
        );
    }
    for row in condition_rows.rows() {
        resolver.note(
            Source::ConditionKeys,
            "condition key",
            std::iter::once(&row.name),
        );
    }
    resolver.resolve(problems);

    let mut placed: Vec<PlacedAction> = Vec::with_capacity(groups.len());
    for (group, name) in groups.iter().zip(action_names) {
        let Some(name) = name else {
            continue;
        };
        let cells = match own.get(name.as_str()) {
            Some(given) => {
                let cut = names_for::cut_cells(group.rows.iter());
                let pos = group.head().map_or(Pos::new(1, 1), |h| h.name.pos);
                Cells::own(
                    &resolver,
                    names_for::assign(&name, pos, &cut, given, problems),
                )
            }
            None => Cells::global(&resolver),
        };
        if let Some(action) = valid::action(group, name, &cells, problems) {
            placed.push(action);
        }
    }
    let mut actions = valid::drop_repeated_actions(placed, problems);

    let mut types = companion::resource_types(&actions, resource_rows, &resolver, problems);
    let mut keys = companion::condition_keys(&actions, &types, condition_rows, &resolver, problems);
    ident::assign_actions(&mut actions, problems);
    ident::assign_resource_types(&mut types, problems);
    ident::assign_condition_keys(&mut keys, problems);
    resolver.report_unused(problems);

    Service {
        prefix: tables.service.to_owned(),
        last_updated: last_updated.map(|t| t.text.clone()),
        removed_after: Vec::new(),
        names: tables.names.to_vec(),
        actions: actions.into_iter().map(|a| a.action).collect(),
        resource_types: types.into_iter().map(|t| t.item).collect(),
        condition_keys: keys.into_iter().map(|k| k.item).collect(),
    }
}

/// Arguments → drawing → columns → rules → model: the service the tables describe, or every problem
/// found, in reading order.
pub(crate) fn service(tables: &Tables<'_>) -> Result<Service, Reported> {
    let mut problems = Problems::default();
    valid::check_service_prefix(tables.service, &mut problems);
    valid::check_names(tables.names, &mut problems);
    crate::names_for::check(tables.names_for, &mut problems);

    let actions_grid = drawing(Source::Actions, tables.actions, &mut problems);
    let action_rows = actions_grid
        .as_ref()
        .map(|grid| columns::action_rows(grid, &mut problems))
        .unwrap_or_default();
    let resource_rows = companion(
        Source::ResourceTypes,
        tables.resource_types,
        &mut problems,
        columns::resource_rows,
    );
    let condition_rows = companion(
        Source::ConditionKeys,
        tables.condition_keys,
        &mut problems,
        columns::condition_rows,
    );

    let service = rules(
        tables,
        actions_grid.as_ref().and_then(|g| g.last_updated.as_ref()),
        action_rows,
        resource_rows.as_slice(),
        condition_rows.as_slice(),
        &mut problems,
    );
    match problems.report() {
        None => Ok(service),
        Some(reported) => Err(reported),
    }
}

impl Service {
    /// Reads, merges, resolves and checks a service's tables.
    ///
    /// # Errors
    ///
    /// Every problem found, in reading order (the arguments, then each table top to bottom): at most
    /// [`MAX_REPORTED`](crate::problem::MAX_REPORTED), then one that says how many more there are. A
    /// table of more than [`MAX_TABLE_BYTES`](crate::table::MAX_TABLE_BYTES) is refused unread.
    ///
    /// # Examples
    ///
    /// ```
    /// use ecr_actions_codegen::model::{Service, Tables};
    /// let actions = "\
    /// ┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
    /// ┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
    /// ┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
    /// │ Ping    │ Says hello  │ Read         │ thing*         │                │
    /// └─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
    /// ";
    /// let tables = Tables { service: "demo", actions, resource_types: None, condition_keys: None, names: &[], names_for: &[] };
    /// let service = Service::from_tables(&tables).unwrap();
    /// assert_eq!(service.actions[0].name, "Ping");
    /// assert!(service.actions[0].resource_types[0].required);
    /// ```
    pub fn from_tables(tables: &Tables<'_>) -> Result<Self, Vec<Problem>> {
        service(tables).map_err(Reported::into_vec)
    }
}

/// An earlier table (the `previous` argument) as a service model, through the same stages: with the
/// invocation's `names` and `names_for` when they resolve it, else without (an earlier table need not
/// use every name the current one needs).
fn earlier_service(tables: &Tables<'_>) -> Result<Service, Reported> {
    service(tables).or_else(|first| {
        let bare = Tables {
            names: &[],
            names_for: &[],
            ..*tables
        };
        service(&bare).map_err(|_| first)
    })
}

/// The whole macro: arguments → drawing → columns → rules → model (with earlier tables merged) → code.
pub(crate) fn expand(
    input: TokenStream,
    base: &Path,
    site: &str,
) -> Result<TokenStream, syn::Error> {
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
    let mut service = service(&tables).map_err(|reported| {
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
        let table = earlier_service(&tables).map_err(|reported| {
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
    let cx = crate::expand::Context {
        krate: input.krate.as_ref().unwrap_or(&default_crate),
        files: &files,
        site: &identity,
    };
    Ok(crate::expand::expand(&service, &cx))
}
