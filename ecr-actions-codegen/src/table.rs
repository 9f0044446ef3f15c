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

use reader::Reader;

mod line;
mod reader;

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

/// The faults of a drawing, in file order. The reader reads the whole text and finds every fault, but
/// keeps only the first [`MAX_REPORTED`](crate::problem::MAX_REPORTED) (the number of problems the macro
/// reports) and counts the rest: a text with a fault on each of a million lines must not hold a million
/// messages, and the user still learns how many more there are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableErrors {
    /// The first faults, at most [`MAX_REPORTED`](crate::problem::MAX_REPORTED) of them.
    pub errors: Vec<TableError>,
    /// The faults found past those, if any: counted, not kept.
    pub more: Option<MoreErrors>,
}

/// Faults the reader found past the ones it kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoreErrors {
    /// Where the first of them is.
    pub pos: Pos,
    /// How many there are (at least one).
    pub count: usize,
}

impl TableErrors {
    /// Adds a fault: kept while fewer than the cap are, counted past it.
    fn push(&mut self, error: TableError) {
        if self.errors.len() < crate::problem::MAX_REPORTED {
            self.errors.push(error);
        } else {
            match &mut self.more {
                Some(more) => more.count += 1,
                None => {
                    self.more = Some(MoreErrors {
                        pos: error.pos,
                        count: 1,
                    });
                }
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.more.is_none()
    }
}

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
/// Every fault in the drawing, in file order: the first
/// [`MAX_REPORTED`](crate::problem::MAX_REPORTED) of them, and how many more ([`TableErrors`]). A text
/// of more than [`MAX_TABLE_BYTES`] is one fault, where it goes past, and is not read.
///
/// # Examples
///
/// ```
/// let text = "┏━━━┳━━━┓\n┃ A ┃ B ┃\n┡━━━╇━━━┩\n│ 1 │ 2 │\n└───┴───┘\n";
/// let grid = ecr_actions_codegen::table::read(text).unwrap();
/// assert_eq!(grid.tables[0].header[1].text, "B");
/// assert_eq!(grid.tables[0].rows[0].cells[0].lines[0].text, "1");
/// ```
pub fn read(text: &str) -> Result<Grid, TableErrors> {
    if text.len() > MAX_TABLE_BYTES {
        return Err(TableErrors {
            errors: vec![too_large(text)],
            more: None,
        });
    }
    let mut reader = Reader::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        reader.line(index + 1, line);
    }
    reader.finish()
}

#[cfg(test)]
mod tests;
