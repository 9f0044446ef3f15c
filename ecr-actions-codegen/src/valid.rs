//! The rules across rows: sub-rows merged and checked to agree, `…` resolved from `names`, names made
//! Rust identifiers, and the companion tables checked against the actions table. One `fn` per rule.

use std::collections::{HashMap, HashSet};

use crate::columns::{ActionRow, ConditionRow, ResourceRow};
use crate::companion;
use crate::grammar::{self, Kind};
use crate::ident;
use crate::model::{AccessLevel, Action, ResourceUse, Service, Tables};
use crate::names_for;
use crate::problem::{Problems, Source, shortened};
use crate::resolve::{Resolver, is_cut};
use crate::table::{Pos, Text};
use ecr_actions_pattern::suggest;

/// The `service` argument: an IAM service prefix.
pub(crate) fn check_service_prefix(service: &str, problems: &mut Problems) {
    if !grammar::is_service_prefix(service) {
        problems.service(format!(
            "`{service}` is not an IAM service prefix: use lowercase ASCII letters, digits and `-`, e.g. `ecr`"
        ));
    }
}

/// The `names` argument: full values, each given once.
pub(crate) fn check_names(names: &[String], problems: &mut Problems) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, name) in names.iter().enumerate() {
        if name.trim().is_empty() {
            problems.name(
                index,
                "empty name: `names` lists the full values of cells cut with `…`",
            );
        } else if name.contains('…') {
            problems.name(
                index,
                format!(
                    "`{name}` is cut itself: `names` lists the full values of cells cut with `…`"
                ),
            );
        } else if name != name.trim() {
            problems.name(index, format!("`{name}` has blanks around it: delete them"));
        } else if let Some(first) = seen.insert(name, index) {
            problems.name(
                index,
                format!(
                    "`{name}` is listed twice (first as entry {}): delete this one",
                    first + 1
                ),
            );
        }
    }
}

/// The rows of one action, in table order.
struct Group {
    rows: Vec<ActionRow>,
}

impl Group {
    fn head(&self) -> Option<&ActionRow> {
        self.rows.first()
    }
}

/// Merges sub-rows into actions: a new action starts where the name changes, where the table changes, or
/// (for names cut alike) where the description changes.
fn group_rows(rows: Vec<ActionRow>, problems: &mut Problems) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for row in rows {
        if let Some(group) = groups.last_mut()
            && let Some(head) = group.head()
            && head.table == row.table
            && head.name.text == row.name.text
            && (!is_cut(&row.name.text) || head.description.text == row.description.text)
        {
            check_rows_agree(head, &row, problems);
            group.rows.push(row);
            continue;
        }
        groups.push(Group { rows: vec![row] });
    }
    groups
}

/// Sub-rows of one action repeat its name, description and access level: they must agree.
fn check_rows_agree(head: &ActionRow, row: &ActionRow, problems: &mut Problems) {
    let name = &head.name.text;
    for (what, first, this) in [
        ("description", &head.description, &row.description),
        ("access level", &head.access, &row.access),
    ] {
        if first.text != this.text {
            problems.table(
                Source::Actions,
                this.pos,
                format!(
                    "sub-rows of `{name}` disagree: this {what} `{}` differs from `{}` at line {}; \
                     every row of an action repeats the same {what}",
                    this.text,
                    // Each disagreeing row quotes the first one: cut it, or a long first description
                    // repeated in many messages makes their size the square of the table's.
                    shortened(&first.text),
                    first.pos.line
                ),
            );
        }
    }
}

/// Where the characters of a cell's joined text stand: the lines were joined with one space. Offsets are
/// asked for in increasing order, so the walk goes on from the line of the last one: a cell wrapped over
/// many lines is placed in linear time.
struct Placer<'l> {
    lines: &'l [Text],
    fallback: Pos,
    /// The line the last offset fell in, and the offset of that line's first character.
    line: usize,
    start: usize,
}

impl<'l> Placer<'l> {
    const fn new(lines: &'l [Text], fallback: Pos) -> Self {
        Self {
            lines,
            fallback,
            line: 0,
            start: 0,
        }
    }

    fn place(&mut self, offset: usize) -> Pos {
        while let Some(line) = self.lines.get(self.line) {
            let len = line.text.chars().count();
            if offset <= self.start + len {
                let column = line.pos.column + offset.saturating_sub(self.start);
                return Pos::new(line.pos.line, column);
            }
            self.start += len + 1;
            self.line += 1;
        }
        self.fallback
    }
}

/// Parses an access-level cell: one level or several joined with `, `.
fn access_levels(cell: &Text, lines: &[Text], problems: &mut Problems) -> Vec<AccessLevel> {
    let expected = || {
        AccessLevel::ALL
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if cell.text.is_empty() {
        problems.table(
            Source::Actions,
            cell.pos,
            format!("empty access level: write one of {}", expected()),
        );
        return Vec::new();
    }
    let mut levels = Vec::new();
    let mut offset = 0;
    let mut placer = Placer::new(lines, cell.pos);
    for part in cell.text.split(',') {
        let word = part.trim();
        let leading = part.chars().count() - part.trim_start().chars().count();
        let pos = placer.place(offset + leading);
        offset += part.chars().count() + 1;
        let level = match word.strip_suffix('…') {
            Some(prefix) => {
                let mut fits = AccessLevel::ALL
                    .into_iter()
                    .filter(|l| l.as_str().starts_with(prefix));
                match (fits.next(), fits.next()) {
                    (Some(level), None) => Some(level),
                    _ => None,
                }
            }
            None => AccessLevel::ALL.into_iter().find(|l| l.as_str() == word),
        };
        match level {
            Some(level) if levels.contains(&level) => problems.table(
                Source::Actions,
                pos,
                format!("access level `{word}` is named twice in one cell: delete one"),
            ),
            Some(level) => levels.push(level),
            None => problems.table(
                Source::Actions,
                pos,
                format!(
                    "unknown access level `{word}`: expected one of {}{}",
                    expected(),
                    suggest::hint(word, AccessLevel::ALL.iter().map(|l| l.as_str())),
                ),
            ),
        }
    }
    levels
}

/// Where each value of an action first stands, for messages (the first place wins).
pub(crate) type Places = HashMap<String, Pos>;

/// A list cell's values, resolved, each once; `places` learns where each first stands.
///
/// A value the cell lists twice is taken once, where it first stands: the lists of the Service
/// Authorization Reference are sets ("Condition keys", "Dependent actions" name which keys and actions
/// apply, not how often), and AWS's own pages repeat values (the s3 page lists `s3:signatureversion` twice
/// in one cell of several actions).
///
/// A value outside its kind's grammar ([`crate::grammar`]) is an error at its cell, and left out.
pub(crate) fn values(
    resolver: &Cells<'_, '_>,
    (source, kind): (Source, Kind),
    cells: &[Text],
    places: &mut Places,
    problems: &mut Problems,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(cells.len());
    // A cell may hold tens of thousands of values: a set keeps the check for repeats linear.
    let mut seen: HashSet<String> = HashSet::with_capacity(cells.len());
    for cell in cells {
        let Some(value) = resolver.value(cell) else {
            continue;
        };
        if let Some(message) = grammar::check(kind, &value) {
            problems.table(source, cell.pos, message);
            continue;
        }
        if !seen.contains(&value) {
            places.entry(value.clone()).or_insert(cell.pos);
            seen.insert(value.clone());
            out.push(value);
        }
    }
    out
}

/// Where a cell's value comes from: its text, `names` for a cut cell, or for an action given in
/// `names_for`, that action's own list (by the cell's place).
pub(crate) struct Cells<'r, 'n> {
    resolver: &'r Resolver<'n>,
    own: Option<HashMap<Pos, String>>,
}

impl<'r, 'n> Cells<'r, 'n> {
    /// Cells resolved from `names` only.
    pub(crate) const fn global(resolver: &'r Resolver<'n>) -> Self {
        Self {
            resolver,
            own: None,
        }
    }

    /// A cell's value; `None` for a cut cell that did not resolve (already reported).
    pub(crate) fn value(&self, cell: &Text) -> Option<String> {
        match &self.own {
            Some(own) if is_cut(&cell.text) => own.get(&cell.pos).cloned(),
            _ => self.resolver.value(cell),
        }
    }
}

/// An action with where its parts stand in the table, for messages.
pub(crate) struct PlacedAction {
    /// The name cell of the action's first row.
    pub name: Pos,
    /// Where each resource type and condition key of the action first stands.
    pub values: Places,
    pub action: Action,
}

impl PlacedAction {
    pub(crate) fn place_of(&self, value: &str) -> Pos {
        self.values.get(value).copied().unwrap_or(self.name)
    }
}

/// One action from its rows, names resolved.
fn action(
    group: &Group,
    name: String,
    resolver: &Cells<'_, '_>,
    problems: &mut Problems,
) -> Option<PlacedAction> {
    let head = group.head()?;
    let mut places = Places::new();
    let mut resource_names: HashSet<String> = HashSet::new();
    let source = Source::Actions;
    if let Some(message) = grammar::check(Kind::Action, &name) {
        problems.table(source, head.name.pos, message);
        return None;
    }
    let mut action = Action {
        ident: String::new(),
        description: head.description.text.clone(),
        access_levels: access_levels(&head.access, &head.access_lines, problems),
        resource_types: Vec::new(),
        condition_keys: Vec::new(),
        dependent_actions: Vec::new(),
        name,
    };
    let mut action_level_row: Option<Pos> = None;
    for row in &group.rows {
        let condition_keys = values(
            resolver,
            (source, Kind::ConditionKey),
            &row.condition_keys,
            &mut places,
            problems,
        );
        let dependent_actions = values(
            resolver,
            (source, Kind::DependentAction),
            &row.dependent_actions,
            &mut places,
            problems,
        );
        let Some(cell) = &row.resource else {
            if let Some(first) = action_level_row {
                problems.table(
                    source,
                    row.name.pos,
                    format!(
                        "`{}` has a second row without a resource type (the first is at line {}): \
                         put its condition keys and dependent actions on one row",
                        action.name, first.line
                    ),
                );
            }
            action_level_row = Some(row.pos);
            action.condition_keys = condition_keys;
            action.dependent_actions = dependent_actions;
            continue;
        };
        let Some(value) = resolver.value(cell) else {
            continue;
        };
        // A lone `*` has its own message below.
        if value != "*"
            && let Some(message) = grammar::check(Kind::ResourceTypeUse, &value)
        {
            problems.table(source, cell.pos, message);
            continue;
        }
        let (resource, required) = match value.strip_suffix('*') {
            Some(name) => (name.trim_end().to_owned(), true),
            None => (value, false),
        };
        if resource.is_empty() {
            problems.table(
                source,
                cell.pos,
                "a lone `*`: write the resource type before it",
            );
        } else if resource_names.contains(&resource) {
            problems.table(
                source,
                cell.pos,
                format!(
                    "`{}` names resource type `{resource}` twice: merge the two rows",
                    action.name
                ),
            );
        } else {
            places.entry(resource.clone()).or_insert(cell.pos);
            resource_names.insert(resource.clone());
            action.resource_types.push(ResourceUse {
                name: resource,
                required,
                condition_keys,
                dependent_actions,
            });
        }
    }
    Some(PlacedAction {
        name: head.name.pos,
        values: places,
        action,
    })
}

/// An action whose rows stand apart is an error: IAM names are case-insensitive, so compare so. The
/// repeat is dropped, so that later checks do not report it again.
fn drop_repeated_actions(actions: Vec<PlacedAction>, problems: &mut Problems) -> Vec<PlacedAction> {
    let mut seen: HashMap<String, (Pos, String)> = HashMap::new();
    let mut kept = Vec::with_capacity(actions.len());
    for placed in actions {
        let (pos, action) = (placed.name, &placed.action);
        let key = action.name.to_ascii_lowercase();
        if let Some((first, first_name)) = seen.get(&key) {
            let what = if *first_name == action.name {
                format!("`{}` appears again", action.name)
            } else {
                format!(
                    "`{}` is `{first_name}` in another case (IAM names ignore case)",
                    action.name
                )
            };
            problems.table(
                Source::Actions,
                pos,
                format!(
                    "{what}, apart from its rows at line {}: keep all rows of an action together",
                    first.line
                ),
            );
        } else {
            seen.insert(key, (pos, action.name.clone()));
            kept.push(placed);
        }
    }
    kept
}

/// Builds the service from its rows; every problem goes to `problems`.
pub(crate) fn build(
    tables: &Tables<'_>,
    last_updated: Option<&Text>,
    rows: Vec<ActionRow>,
    resource_rows: Option<Option<&[ResourceRow]>>,
    condition_rows: Option<Option<&[ConditionRow]>>,
    problems: &mut Problems,
) -> Service {
    let groups = group_rows(rows, problems);
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
    for (index, (action, _)) in tables.names_for.iter().enumerate() {
        if !action_names.iter().flatten().any(|n| n == action) {
            let hint = suggest::hint(action, action_names.iter().flatten().map(String::as_str));
            problems.name_for(
                index,
                format!("`names_for` names `{action}`, which is no action of the table{hint}"),
            );
        }
    }
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
    for row in resource_rows.into_iter().flatten().flatten() {
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
    for row in condition_rows.into_iter().flatten().flatten() {
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
                Cells {
                    resolver: &resolver,
                    own: Some(names_for::assign(&name, pos, &cut, given, problems)),
                }
            }
            None => Cells::global(&resolver),
        };
        if let Some(action) = action(group, name, &cells, problems) {
            placed.push(action);
        }
    }
    let mut actions = drop_repeated_actions(placed, problems);

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
