//! The box-drawing grid reader: text → tables of cells, each line of a cell with its line and column.
//!
//! This layer knows the drawing and nothing of IAM. The grammar it accepts:
//!
//! ```text
//! file   = { blank | title | text } { table { blank | title | text } }
//! table  = top header+ head-rule ( row ( rule row )* )? bottom
//! top    = "┏" ( "━" | "┳" )* "┓"          one "┳" between every two columns
//! header = "┃" cell ( "┃" cell )* "┃"       a header cell may wrap over several lines
//! head-rule = "┡" ( "━" | "╇" )* "┩"
//! row    = line+  where line = "│" cell ( "│" cell )* "│"
//! rule   = "├" ( "─" | "┼" )* "┤"
//! bottom = "└" ( "─" | "┴" )* "┘"
//! title  = "Last updated:" text            centred above a table
//! ```
//!
//! Lines are split on the vertical bars, never at fixed offsets, so a cell that a person widened by hand
//! still reads. Leading and trailing blanks of a line, a UTF-8 byte-order mark and CRLF line ends are
//! tolerated. Text outside the boxes other than the `Last updated` title (a caption, say) is ignored; a
//! box line outside a table is an error.

use std::fmt;

/// A place in a table file: 1-based line, and 1-based column counted in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The 1-based line number.
    pub line: usize,
    /// The 1-based column, counted in characters (not bytes).
    pub column: usize,
}

impl Pos {
    /// A position from a 1-based line and column.
    pub const fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A piece of text and where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The text, without the padding blanks of its cell.
    pub text: String,
    /// Where the text starts (for an empty cell: where the cell starts).
    pub pos: Pos,
}

/// One cell of a row: its non-blank lines, top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Where the cell starts on the row's first line.
    pub pos: Pos,
    /// The cell's lines that hold text, in order; empty for an empty cell.
    pub lines: Vec<Text>,
}

impl Cell {
    /// The lines joined with one space, as wrapped prose is read back; `None` for an empty cell.
    pub fn joined(&self) -> Option<Text> {
        let first = self.lines.first()?;
        let mut text = String::with_capacity(self.lines.iter().map(|l| l.text.len() + 1).sum());
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(&line.text);
        }
        Some(Text {
            text,
            pos: first.pos,
        })
    }
}

/// One row of a table body (the lines between two rules).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The position of the row's first line.
    pub pos: Pos,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// One table: its header (one text per column, wrapped lines joined) and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The position of the top border `┏`.
    pub pos: Pos,
    /// One header text per column.
    pub header: Vec<Text>,
    /// The body rows, top to bottom.
    pub rows: Vec<Row>,
}

/// Everything in a table file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// The text after `Last updated:` in a title line, if there is one.
    pub last_updated: Option<Text>,
    /// The tables, in file order.
    pub tables: Vec<Table>,
}

/// A fault in the drawing, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    /// Where the fault is.
    pub pos: Pos,
    /// What is wrong and how to mend it (lowercase, no final period).
    pub message: String,
}

impl TableError {
    fn new(pos: Pos, message: impl Into<String>) -> Self {
        Self {
            pos,
            message: message.into(),
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pos, self.message)
    }
}

/// After this many faults the reader stops: the first ones are the ones a person mends first.
const MAX_ERRORS: usize = 20;

const TITLE_PREFIX: &str = "Last updated:";

/// The largest table text read, 16 MiB: the largest table of the AWS reference is under 1 MiB, and a
/// bigger file is most likely the wrong one (the reader's time and memory are linear in its size).
pub const MAX_TABLE_BYTES: usize = 16 * 1024 * 1024;

/// A text over [`MAX_TABLE_BYTES`]: one error where it goes past.
fn too_large(text: &str) -> TableError {
    let mut end = MAX_TABLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (before, _) = text.split_at(end);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    TableError::new(
        Pos::new(line, column),
        format!(
            "the table text is {} bytes and goes past {MAX_TABLE_BYTES} bytes (16 MiB) here: a table may \
             hold at most 16 MiB, and the largest AWS service table is under 1 MiB; check that this is the \
             right file",
            text.len()
        ),
    )
}

/// Reads every table of a file.
///
/// # Errors
///
/// Every fault in the drawing found (up to 20), in file order; a text of more than [`MAX_TABLE_BYTES`]
/// is one fault, where it goes past, and is not read.
///
/// # Examples
///
/// ```
/// let text = "┏━━━┳━━━┓\n┃ A ┃ B ┃\n┡━━━╇━━━┩\n│ 1 │ 2 │\n└───┴───┘\n";
/// let grid = ecr_actions_codegen::table::read(text).unwrap();
/// assert_eq!(grid.tables[0].header[1].text, "B");
/// assert_eq!(grid.tables[0].rows[0].cells[0].lines[0].text, "1");
/// ```
pub fn read(text: &str) -> Result<Grid, Vec<TableError>> {
    if text.len() > MAX_TABLE_BYTES {
        return Err(vec![too_large(text)]);
    }
    let mut reader = Reader::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        reader.line(index + 1, line);
        if reader.errors.len() >= MAX_ERRORS {
            break;
        }
    }
    reader.finish()
}

#[derive(Default)]
enum State {
    #[default]
    Outside,
    /// Inside the heavy header box.
    Header(Building),
    /// Inside the body; the row being read, if any line of it was seen.
    Body(Building),
    /// After a fault inside a table: skip to its bottom border.
    Skipping,
}

struct Building {
    table: Table,
    columns: usize,
    header_lines: Vec<Vec<Text>>,
    row: Option<Row>,
    /// A blank line inside the table, held back: before more table lines it is an error, at the end of
    /// the text it only means the bottom border is missing.
    blank: Option<Pos>,
    /// The last line that was not blank.
    last_line: usize,
}

#[derive(Default)]
struct Reader {
    state: State,
    grid: Grid,
    errors: Vec<TableError>,
    last_line: usize,
}

/// The kind of a line, told by its first character that is not blank.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Top,
    HeaderLine,
    HeadRule,
    RowLine,
    Rule,
    Bottom,
    OtherBox,
    Text,
}

fn kind(line: &str) -> Kind {
    match line.trim_start().chars().next() {
        None => Kind::Blank,
        Some('┏') => Kind::Top,
        Some('┃') => Kind::HeaderLine,
        Some('┡') => Kind::HeadRule,
        Some('│') => Kind::RowLine,
        Some('├') => Kind::Rule,
        Some('└') => Kind::Bottom,
        Some(c) if is_box_char(c) => Kind::OtherBox,
        Some(_) => Kind::Text,
    }
}

/// U+2500..=U+257F, the Unicode box-drawing block.
fn is_box_char(c: char) -> bool {
    ('\u{2500}'..='\u{257f}').contains(&c)
}

/// The column (1-based, in characters) of the first character that is not blank.
fn first_column(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count() + 1
}

impl Reader {
    fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.errors.push(TableError::new(pos, message));
    }

    fn line(&mut self, number: usize, line: &str) {
        self.last_line = number;
        let kind = kind(line);
        let pos = Pos::new(number, first_column(line));
        match std::mem::take(&mut self.state) {
            State::Outside => self.outside(number, line, kind, pos),
            State::Skipping => {
                if kind != Kind::Bottom {
                    self.state = State::Skipping;
                }
            }
            State::Header(mut building) if kind == Kind::Blank => {
                building.blank.get_or_insert(pos);
                self.state = State::Header(building);
            }
            State::Body(mut building) if kind == Kind::Blank => {
                building.blank.get_or_insert(pos);
                self.state = State::Body(building);
            }
            State::Header(mut building) => {
                if self.blank_inside(&mut building) {
                    self.state = State::Skipping;
                    return;
                }
                building.last_line = number;
                self.header(building, number, line, kind, pos);
            }
            State::Body(mut building) => {
                if self.blank_inside(&mut building) {
                    self.state = State::Skipping;
                    return;
                }
                building.last_line = number;
                self.body(building, number, line, kind, pos);
            }
        }
    }

    fn outside(&mut self, number: usize, line: &str, kind: Kind, pos: Pos) {
        match kind {
            Kind::Blank => {}
            Kind::Text => self.title(line, pos),
            Kind::Top => match check_rule(line, '┏', &['━', '┳'], '┓') {
                Ok(separators) => {
                    self.state = State::Header(Building {
                        table: Table {
                            pos,
                            header: Vec::new(),
                            rows: Vec::new(),
                        },
                        columns: separators + 1,
                        header_lines: vec![Vec::new(); separators + 1],
                        row: None,
                        blank: None,
                        last_line: number,
                    });
                }
                Err(message) => {
                    self.error(pos, message);
                    self.state = State::Skipping;
                }
            },
            _ => self.error(
                Pos::new(number, pos.column),
                "table line outside a table: a table starts with a top border `┏━┳━┓`",
            ),
        }
    }

    fn title(&mut self, line: &str, pos: Pos) {
        let trimmed = line.trim();
        let Some(rest) = trimmed.strip_prefix(TITLE_PREFIX) else {
            return;
        };
        let value = rest.trim();
        let column = pos.column + trimmed.chars().count() - rest.trim_start().chars().count();
        if value.is_empty() {
            self.error(
                pos,
                "empty `Last updated:` title: write the time after the colon, e.g. `Last updated: 2022-11-10T16:11:37+00:00`",
            );
            return;
        }
        match &self.grid.last_updated {
            Some(first) if first.text != value => {
                let message = format!(
                    "`Last updated: {value}` disagrees with `Last updated: {}` at line {}: a file has one date",
                    first.text, first.pos.line
                );
                self.error(pos, message);
            }
            Some(_) => {}
            None => {
                self.grid.last_updated = Some(Text {
                    text: value.to_owned(),
                    pos: Pos::new(pos.line, column),
                });
            }
        }
    }

    fn header(&mut self, mut building: Building, number: usize, line: &str, kind: Kind, pos: Pos) {
        match kind {
            Kind::HeaderLine => match split(line, number, '┃', building.columns) {
                Ok(cells) => {
                    for (column, cell) in building.header_lines.iter_mut().zip(cells) {
                        if !cell.text.is_empty() {
                            column.push(cell);
                        }
                    }
                    self.state = State::Header(building);
                }
                Err(error) => {
                    self.errors.push(error);
                    self.state = State::Skipping;
                }
            },
            Kind::HeadRule => {
                let result = check_rule(line, '┡', &['━', '╇'], '┩');
                self.check_columns(result, building.columns, pos);
                let header_lines = std::mem::take(&mut building.header_lines);
                let mut missing = None;
                for (index, lines) in header_lines.into_iter().enumerate() {
                    let cell = Cell {
                        pos: building.table.pos,
                        lines,
                    };
                    match cell.joined() {
                        Some(text) => building.table.header.push(text),
                        None => {
                            missing.get_or_insert(index + 1);
                            building.table.header.push(Text {
                                text: String::new(),
                                pos: building.table.pos,
                            });
                        }
                    }
                }
                if let Some(index) = missing {
                    let message = format!(
                        "column {index} of the header has no name: write its name between the `┃` bars"
                    );
                    self.error(building.table.pos, message);
                }
                self.state = State::Body(building);
            }
            _ => {
                self.error(
                    pos,
                    "expected a header line `┃ … ┃` or the rule `┡━╇━┩` that closes the header",
                );
                self.state = self.recover(kind);
            }
        }
    }

    fn body(&mut self, mut building: Building, number: usize, line: &str, kind: Kind, pos: Pos) {
        match kind {
            Kind::RowLine => match split(line, number, '│', building.columns) {
                Ok(cells) => {
                    let row = building.row.get_or_insert_with(|| Row {
                        pos,
                        cells: cells
                            .iter()
                            .map(|cell| Cell {
                                pos: cell.pos,
                                lines: Vec::new(),
                            })
                            .collect(),
                    });
                    for (target, cell) in row.cells.iter_mut().zip(cells) {
                        if !cell.text.is_empty() {
                            target.lines.push(cell);
                        }
                    }
                    self.state = State::Body(building);
                }
                Err(error) => {
                    self.errors.push(error);
                    self.state = State::Skipping;
                }
            },
            Kind::Rule | Kind::Bottom => {
                let result = if kind == Kind::Rule {
                    check_rule(line, '├', &['─', '┼'], '┤')
                } else {
                    check_rule(line, '└', &['─', '┴'], '┘')
                };
                self.check_columns(result, building.columns, pos);
                match building.row.take() {
                    Some(row) => building.table.rows.push(row),
                    None if kind == Kind::Rule => {
                        self.error(
                            pos,
                            "empty row: two rules with no row between them; delete one rule",
                        );
                    }
                    None => {}
                }
                if kind == Kind::Bottom {
                    self.grid.tables.push(building.table);
                } else {
                    self.state = State::Body(building);
                }
            }
            _ => {
                self.error(
                    pos,
                    "expected a row line `│ … │`, a rule `├─┼─┤` or the bottom border `└─┴─┘`",
                );
                self.state = self.recover(kind);
            }
        }
    }

    /// A rule must be well drawn and cross as many columns as the top border.
    fn check_columns(&mut self, rule: Result<usize, String>, columns: usize, pos: Pos) {
        match rule {
            Err(message) => self.error(pos, message),
            Ok(separators) if separators + 1 != columns => {
                let message = format!(
                    "this rule crosses {} column{} where the top border has {columns}: draw one junction \
                     between every two columns",
                    separators + 1,
                    if separators == 0 { "" } else { "s" }
                );
                self.error(pos, message);
            }
            Ok(_) => {}
        }
    }

    /// A held-back blank line followed by more lines is an error.
    fn blank_inside(&mut self, building: &mut Building) -> bool {
        let Some(pos) = building.blank.take() else {
            return false;
        };
        self.error(
            pos,
            "blank line inside a table: delete it; a table ends only at its bottom border `└─┴─┘`",
        );
        true
    }

    fn recover(&self, kind: Kind) -> State {
        if kind == Kind::Bottom {
            State::Outside
        } else {
            State::Skipping
        }
    }

    fn finish(mut self) -> Result<Grid, Vec<TableError>> {
        match std::mem::take(&mut self.state) {
            State::Outside => {}
            State::Header(_) | State::Body(_) if self.errors.len() >= MAX_ERRORS => {}
            State::Header(building) | State::Body(building) => {
                let message = format!(
                    "the table that starts at line {} has no bottom border: end it with `└─┴─┘`",
                    building.table.pos.line
                );
                self.error(Pos::new(building.last_line.max(1), 1), message);
            }
            State::Skipping => {
                if self.errors.len() < MAX_ERRORS {
                    let message = "the file ends inside a table: end the table with `└─┴─┘`";
                    self.error(Pos::new(self.last_line.max(1), 1), message);
                }
            }
        }
        if self.errors.is_empty() {
            Ok(self.grid)
        } else {
            Err(self.errors)
        }
    }
}

/// Checks a horizontal rule; returns how many column separators it has.
fn check_rule(line: &str, left: char, inner: &[char], right: char) -> Result<usize, String> {
    let body = line.trim();
    let expected = || {
        let sep = inner.get(1).copied().unwrap_or(right);
        let bar = inner.first().copied().unwrap_or(right);
        format!("`{left}{bar}{sep}{bar}{right}`")
    };
    let mut chars = body.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return Err(format!("broken rule: expected {}", expected()));
    };
    if first != left || last != right {
        return Err(format!("broken rule: expected {}", expected()));
    }
    let mut separators = 0;
    for c in chars {
        if inner.get(1) == Some(&c) {
            separators += 1;
        } else if !inner.contains(&c) {
            return Err(format!(
                "unexpected `{c}` in a rule: expected {}",
                expected()
            ));
        }
    }
    Ok(separators)
}

/// Splits a row line on `bar`; each cell's text is trimmed and carries its position.
fn split(line: &str, number: usize, bar: char, columns: usize) -> Result<Vec<Text>, TableError> {
    let mut cells: Vec<Text> = Vec::with_capacity(columns);
    let mut current: Option<(String, usize)> = None;
    let mut last_column = 1;
    for (index, c) in line.chars().enumerate() {
        let column = index + 1;
        last_column = column;
        if c == bar {
            if let Some((raw, start)) = current.take() {
                cells.push(cell_text(&raw, number, start));
            }
            current = Some((String::new(), column + 1));
        } else if let Some((raw, _)) = current.as_mut() {
            raw.push(c);
        } else if !c.is_whitespace() {
            return Err(TableError::new(
                Pos::new(number, column),
                format!("a row line starts with `{bar}`, found `{c}`"),
            ));
        }
    }
    if let Some((rest, start)) = current
        && !rest.trim().is_empty()
    {
        return Err(TableError::new(
            Pos::new(number, start),
            format!("row line does not end with `{bar}`: add the right border"),
        ));
    }
    if cells.len() != columns {
        let found = cells.len();
        return Err(TableError::new(
            Pos::new(number, last_column.min(first_column(line))),
            format!(
                "ragged row: found {found} cell{} where the header has {columns} columns; put a `{bar}` between every two cells",
                if found == 1 { "" } else { "s" }
            ),
        ));
    }
    Ok(cells)
}

fn cell_text(raw: &str, line: usize, start: usize) -> Text {
    let leading = raw.chars().take_while(|c| c.is_whitespace()).count();
    let text = raw.trim();
    let column = if text.is_empty() {
        start
    } else {
        start + leading
    };
    Text {
        text: text.to_owned(),
        pos: Pos::new(line, column),
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
