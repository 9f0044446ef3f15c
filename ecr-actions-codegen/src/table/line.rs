//! One line of a drawing: its kind, its rules checked, its cells split on the bars.

use super::{Pos, TableError, Text};

/// The kind of a line, told by its first character that is not blank.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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

pub(super) fn kind(line: &str) -> Kind {
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
pub(super) fn first_column(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count() + 1
}

/// Checks a horizontal rule; returns how many column separators it has.
pub(super) fn check_rule(
    line: &str,
    left: char,
    inner: &[char],
    right: char,
) -> Result<usize, String> {
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
pub(super) fn split(
    line: &str,
    number: usize,
    bar: char,
    columns: usize,
) -> Result<Vec<Text>, TableError> {
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
