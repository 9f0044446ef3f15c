//! Columns found by their header text, and the rows of each kind of table read through them.

use crate::problem::{Problems, Source};
use crate::table::{Cell, Grid, Pos, Row, Table, Text};
use ecr_actions_pattern::suggest;

/// What the columns stage made of a companion table (resource types, condition keys): the rules check
/// the actions against it only when it was read. `R` is the rows, owned (`Vec<T>`) or borrowed (`&[T]`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Companion<R> {
    /// The macro was not given the table: the actions table alone says which names exist.
    Absent,
    /// Given, but refused (its drawing or its header has faults, already reported): nothing is checked
    /// against it, so that a refused table does not bring an error for every name it would have listed.
    Refused,
    /// Given and read: every name the actions use must have its row.
    Rows(R),
}

impl<T> Companion<Vec<T>> {
    /// The same state, the rows borrowed.
    pub(crate) fn as_slice(&self) -> Companion<&[T]> {
        match self {
            Self::Absent => Companion::Absent,
            Self::Refused => Companion::Refused,
            Self::Rows(rows) => Companion::Rows(rows),
        }
    }
}

impl<'r, T> Companion<&'r [T]> {
    /// The rows, none unless the table was read.
    pub(crate) const fn rows(self) -> &'r [T] {
        match self {
            Self::Rows(rows) => rows,
            Self::Absent | Self::Refused => &[],
        }
    }
}

/// A column the tables of the AWS service authorization reference use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    Actions,
    Description,
    AccessLevel,
    ResourceTypes,
    ConditionKeys,
    DependentActions,
    Arn,
    Type,
}

impl Column {
    const fn title(self) -> &'static str {
        match self {
            Self::Actions => "Actions",
            Self::Description => "Description",
            Self::AccessLevel => "Access level",
            Self::ResourceTypes => "Resource types",
            Self::ConditionKeys => "Condition keys",
            Self::DependentActions => "Dependent actions",
            Self::Arn => "ARN",
            Self::Type => "Type",
        }
    }

    /// Header spellings, lowercase, blanks folded.
    const fn spellings(self) -> &'static [&'static str] {
        match self {
            Self::Actions => &["actions", "action"],
            Self::Description => &["description"],
            Self::AccessLevel => &["access level"],
            Self::ResourceTypes => &[
                "resource types (*required)",
                "resource types",
                "resource type",
            ],
            Self::ConditionKeys => &["condition keys", "condition key"],
            Self::DependentActions => &["dependent actions"],
            Self::Arn => &["arn"],
            Self::Type => &["type"],
        }
    }
}

/// The columns a kind of table has: the ones it must have, and the ones it may have.
struct Layout {
    required: &'static [Column],
    optional: &'static [Column],
}

impl Source {
    const fn layout(self) -> Layout {
        match self {
            Self::Actions => Layout {
                required: &[
                    Column::Actions,
                    Column::Description,
                    Column::AccessLevel,
                    Column::ResourceTypes,
                    Column::ConditionKeys,
                ],
                optional: &[Column::DependentActions],
            },
            Self::ResourceTypes => Layout {
                required: &[Column::ResourceTypes, Column::Arn, Column::ConditionKeys],
                optional: &[],
            },
            Self::ConditionKeys => Layout {
                required: &[Column::ConditionKeys, Column::Description, Column::Type],
                optional: &[],
            },
        }
    }
}

/// Which cell index holds which column, for one table.
struct ColumnMap {
    map: Vec<(Column, usize)>,
}

impl ColumnMap {
    fn cell<'r>(&self, row: &'r Row, column: Column) -> Option<&'r Cell> {
        let (_, index) = self.map.iter().find(|(c, _)| *c == column)?;
        row.cells.get(*index)
    }
}

fn normalize(header: &str) -> String {
    header
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Finds a header's column; a header cut with `…` is matched by its visible prefix.
fn column_of(header: &str, candidates: &[Column]) -> Option<Column> {
    let text = normalize(header);
    if let Some(prefix) = text.strip_suffix('…') {
        let mut fits = candidates
            .iter()
            .filter(|c| c.spellings().iter().any(|s| s.starts_with(prefix)));
        let first = fits.next()?;
        return fits.next().is_none().then_some(*first);
    }
    candidates
        .iter()
        .find(|c| c.spellings().contains(&text.as_str()))
        .copied()
}

fn map_columns(source: Source, table: &Table, problems: &mut Problems) -> Option<ColumnMap> {
    let layout = source.layout();
    let known: Vec<Column> = layout
        .required
        .iter()
        .chain(layout.optional)
        .copied()
        .collect();
    let mut map: Vec<(Column, usize)> = Vec::new();
    let mut ok = true;
    for (index, header) in table.header.iter().enumerate() {
        match column_of(&header.text, &known) {
            Some(column) if map.iter().any(|(c, _)| *c == column) => {
                problems.table(
                    source,
                    header.pos,
                    format!(
                        "the header names `{}` twice: delete one of the columns",
                        column.title()
                    ),
                );
                ok = false;
            }
            Some(column) => map.push((column, index)),
            None => {
                let expected = known
                    .iter()
                    .map(|c| format!("`{}`", c.title()))
                    .collect::<Vec<_>>()
                    .join(", ");
                let hint = suggest::hint(&header.text, known.iter().map(|c| c.title()));
                problems.table(
                    source,
                    header.pos,
                    format!(
                        "unknown column `{}` in {}: expected one of {expected}{hint}",
                        header.text,
                        source.table_name()
                    ),
                );
                ok = false;
            }
        }
    }
    for column in layout.required {
        if !map.iter().any(|(c, _)| c == column) {
            problems.table(
                source,
                table.pos,
                format!(
                    "{} has no `{}` column: add it to the header",
                    source.table_name(),
                    column.title()
                ),
            );
            ok = false;
        }
    }
    ok.then_some(ColumnMap { map })
}

/// One row of an actions table, read through its columns.
#[derive(Clone, Debug)]
pub(crate) struct ActionRow {
    /// Index of the table in the file, so that rows of different tables never merge.
    pub table: usize,
    pub pos: Pos,
    pub name: Text,
    pub description: Text,
    pub access: Text,
    /// The access-level cell's lines, for placing a problem within a wrapped cell.
    pub access_lines: Vec<Text>,
    pub resource: Option<Text>,
    pub condition_keys: Vec<Text>,
    pub dependent_actions: Vec<Text>,
}

/// One row of a resource-types table.
#[derive(Clone, Debug)]
pub(crate) struct ResourceRow {
    pub name: Text,
    pub arn: Option<Text>,
    pub condition_keys: Vec<Text>,
}

/// One row of a condition-keys table.
#[derive(Clone, Debug)]
pub(crate) struct ConditionRow {
    pub name: Text,
    pub description: Option<Text>,
    pub value_type: Text,
}

fn empty_at(cell: Option<&Cell>, fallback: Pos) -> Text {
    Text {
        text: String::new(),
        pos: cell.map_or(fallback, |c| c.pos),
    }
}

fn list(cell: Option<&Cell>) -> Vec<Text> {
    cell.map(|c| c.lines.clone()).unwrap_or_default()
}

/// A cell that holds one value on one line; an empty cell gives `None`.
fn single(
    source: Source,
    cell: Option<&Cell>,
    what: &str,
    problems: &mut Problems,
) -> Option<Text> {
    let cell = cell?;
    if let [second, ..] = cell.lines.get(1..).unwrap_or_default() {
        problems.table(
            source,
            second.pos,
            format!(
                "this {what} cell holds {} lines: a row holds one {what}; give each its own row",
                cell.lines.len()
            ),
        );
    }
    cell.lines.first().cloned()
}

fn tables_or_error<'g>(source: Source, grid: &'g Grid, problems: &mut Problems) -> &'g [Table] {
    if grid.tables.is_empty() {
        problems.table(
            source,
            Pos::new(1, 1),
            format!(
                "no table found: {} is drawn with box characters, starting with `┏━┳━┓`",
                source.table_name()
            ),
        );
    }
    &grid.tables
}

/// The rows of every actions table in a file.
pub(crate) fn action_rows(grid: &Grid, problems: &mut Problems) -> Vec<ActionRow> {
    let source = Source::Actions;
    let mut rows = Vec::new();
    for (index, table) in tables_or_error(source, grid, problems).iter().enumerate() {
        let Some(columns) = map_columns(source, table, problems) else {
            continue;
        };
        for row in &table.rows {
            let name_cell = columns.cell(row, Column::Actions);
            let Some(name) = single(source, name_cell, "action name", problems) else {
                problems.table(
                    source,
                    empty_at(name_cell, row.pos).pos,
                    "empty action name: every row names its action, also the second and later rows of one action",
                );
                continue;
            };
            let access_cell = columns.cell(row, Column::AccessLevel);
            let description_cell = columns.cell(row, Column::Description);
            rows.push(ActionRow {
                table: index,
                pos: row.pos,
                name,
                description: description_cell
                    .and_then(Cell::joined)
                    .unwrap_or_else(|| empty_at(description_cell, row.pos)),
                access: access_cell
                    .and_then(Cell::joined)
                    .unwrap_or_else(|| empty_at(access_cell, row.pos)),
                access_lines: list(access_cell),
                resource: single(
                    source,
                    columns.cell(row, Column::ResourceTypes),
                    "resource type",
                    problems,
                ),
                condition_keys: list(columns.cell(row, Column::ConditionKeys)),
                dependent_actions: list(columns.cell(row, Column::DependentActions)),
            });
        }
    }
    for table in grid.tables.iter().filter(|t| t.rows.is_empty()) {
        problems.table(
            source,
            table.pos,
            "empty table: this actions table has no rows; add at least one action, or delete the table",
        );
    }
    rows
}

/// The rows of every companion table in a file, each named in its `name` column and read by `read`;
/// `None` when the file has no table or a table could not be read through its header (the problem is
/// reported), so that the actions are not checked against a table that was refused.
fn companion_rows<T>(
    source: Source,
    grid: &Grid,
    name: (Column, &str),
    problems: &mut Problems,
    mut read: impl FnMut(Text, &ColumnMap, &Row, &mut Problems) -> Option<T>,
) -> Option<Vec<T>> {
    if grid.tables.is_empty() {
        tables_or_error(source, grid, problems);
        return None;
    }
    let (name_column, what) = name;
    let mut rows = Vec::new();
    for table in &grid.tables {
        let columns = map_columns(source, table, problems)?;
        for row in &table.rows {
            let name_cell = columns.cell(row, name_column);
            let Some(name) = single(source, name_cell, what, problems) else {
                let message = format!("empty {what}: every row names one");
                problems.table(source, empty_at(name_cell, row.pos).pos, message);
                continue;
            };
            rows.extend(read(name, &columns, row, problems));
        }
    }
    Some(rows)
}

/// The rows of every resource-types table in a file (see [`companion_rows`]).
pub(crate) fn resource_rows(grid: &Grid, problems: &mut Problems) -> Option<Vec<ResourceRow>> {
    let source = Source::ResourceTypes;
    let name = (Column::ResourceTypes, "resource type");
    companion_rows(
        source,
        grid,
        name,
        problems,
        |name, columns, row, problems| {
            Some(ResourceRow {
                name,
                arn: single(source, columns.cell(row, Column::Arn), "ARN", problems),
                condition_keys: list(columns.cell(row, Column::ConditionKeys)),
            })
        },
    )
}

/// The rows of every condition-keys table in a file (see [`companion_rows`]).
pub(crate) fn condition_rows(grid: &Grid, problems: &mut Problems) -> Option<Vec<ConditionRow>> {
    let source = Source::ConditionKeys;
    let name = (Column::ConditionKeys, "condition key");
    companion_rows(
        source,
        grid,
        name,
        problems,
        |name, columns, row, problems| {
            let type_cell = columns.cell(row, Column::Type);
            let Some(value_type) = type_cell.and_then(Cell::joined) else {
                let message = format!(
                    "condition key `{}` has no type: write one, e.g. `String`",
                    name.text
                );
                problems.table(source, empty_at(type_cell, row.pos).pos, message);
                return None;
            };
            Some(ConditionRow {
                name,
                description: columns
                    .cell(row, Column::Description)
                    .and_then(Cell::joined),
                value_type,
            })
        },
    )
}
