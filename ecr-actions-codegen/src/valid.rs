//! The rules across rows: sub-rows merged and checked to agree, `…` resolved from `names`, names made
//! Rust identifiers, and the companion tables checked against the actions table. One `fn` per rule.

use std::collections::{HashMap, HashSet};

use crate::cells::{Cells, PlacedAction, Places, values};
use crate::columns::ActionRow;
use crate::grammar::{self, Kind};
use crate::model::{AccessLevel, Action, ResourceUse};
use crate::problem::{Problems, Source, shortened};
use crate::resolve::is_cut;
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
pub(crate) struct Group {
    /// The rows, the head first.
    pub(crate) rows: Vec<ActionRow>,
}

impl Group {
    /// The first row.
    pub(crate) fn head(&self) -> Option<&ActionRow> {
        self.rows.first()
    }
}

/// Merges sub-rows into actions: a new action starts where the name changes, where the table changes, or
/// (for names cut alike) where the description changes.
pub(crate) fn group_rows(rows: Vec<ActionRow>, problems: &mut Problems) -> Vec<Group> {
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

/// One action from its rows, names resolved.
pub(crate) fn action(
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
pub(crate) fn drop_repeated_actions(
    actions: Vec<PlacedAction>,
    problems: &mut Problems,
) -> Vec<PlacedAction> {
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

/// Each action `names_for` names is an action of the table.
pub(crate) fn check_names_for_actions(
    names_for: &[(String, Vec<String>)],
    action_names: &[Option<String>],
    problems: &mut Problems,
) {
    for (index, (action, _)) in names_for.iter().enumerate() {
        if !action_names.iter().flatten().any(|n| n == action) {
            let hint = suggest::hint(action, action_names.iter().flatten().map(String::as_str));
            problems.name_for(
                index,
                format!("`names_for` names `{action}`, which is no action of the table{hint}"),
            );
        }
    }
}
