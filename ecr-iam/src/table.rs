//! Text laid out for an 80-column terminal: paragraphs wrapped at word boundaries, and tables of aligned
//! columns whose cells wrap (or are cut with `…`) to make the table fit.

/// The width human output is laid out for.
pub(crate) const WIDTH: usize = 80;

/// The space between two columns.
const GAP: &str = "  ";

/// The narrowest a column is squeezed to when even wrapping at word boundaries does not make a table fit.
const FLOOR: usize = 4;

/// How a cell wider than its column fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    /// Wraps at word boundaries onto more lines; a word wider than the column is split.
    Wrap,
    /// Keeps one line per value and cuts it, ending with `…`.
    Cut,
}

/// Where the text of a cell sits in its column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    /// Text starts at the left edge.
    Left,
    /// Text ends at the right edge (numbers).
    Right,
}

/// One column of a [`Table`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    header: &'static str,
    fit: Fit,
    align: Align,
}

impl Column {
    /// A left-aligned column.
    pub(crate) const fn new(header: &'static str, fit: Fit) -> Self {
        Self {
            header,
            fit,
            align: Align::Left,
        }
    }

    /// The same column, right-aligned.
    pub(crate) const fn right(self) -> Self {
        Self {
            align: Align::Right,
            ..self
        }
    }
}

/// Rows of cells under a header line; a cell holds one value per `\n`-separated line.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these columns.
    pub(crate) fn new(columns: Vec<Column>) -> Self {
        Self {
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are empty, extra ones are ignored.
    pub(crate) fn push(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as lines of at most `width` characters (when the columns can be squeezed that far), no
    /// trailing blanks: the header, a rule under each column, then the rows.
    pub(crate) fn render(&self, width: usize) -> Vec<String> {
        let widths = self.widths(width);
        let header: Vec<String> = self.columns.iter().map(|c| c.header.to_owned()).collect();
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        let mut lines = self.render_row(&header, &widths);
        lines.extend(self.render_row(&rule, &widths));
        for row in &self.rows {
            lines.extend(self.render_row(row, &widths));
        }
        lines
    }

    /// The text of column `index` in every row, header first.
    fn texts(&self, index: usize) -> impl Iterator<Item = &str> {
        let header = self.columns.get(index).map(|c| c.header);
        header.into_iter().chain(
            self.rows
                .iter()
                .filter_map(move |row| row.get(index).map(String::as_str)),
        )
    }

    /// Column widths: each column's widest value, then the widest columns squeezed one character at a
    /// time until the table fits — first the wrapping ones down to their longest word, then any down to
    /// [`FLOOR`]; last, each wrapping column narrowed to its widest line once wrapped.
    fn widths(&self, width: usize) -> Vec<usize> {
        let count = self.columns.len();
        let budget = width.saturating_sub(GAP.len() * count.saturating_sub(1));
        let mut widths: Vec<usize> = (0..count)
            .map(|i| {
                self.texts(i)
                    .flat_map(str::lines)
                    .map(chars)
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let longest_words: Vec<usize> = (0..count)
            .map(|i| {
                self.texts(i)
                    .flat_map(str::split_whitespace)
                    .map(chars)
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let word_limits: Vec<usize> = self
            .columns
            .iter()
            .zip(&longest_words)
            .zip(&widths)
            .map(|((column, word), natural)| match column.fit {
                Fit::Wrap => (*word).max(FLOOR),
                Fit::Cut => *natural,
            })
            .collect();
        for limits in [word_limits, vec![FLOOR; count]] {
            while widths.iter().sum::<usize>() > budget {
                let widest = widths
                    .iter_mut()
                    .zip(&limits)
                    .filter(|(w, limit)| **w > **limit)
                    .max_by_key(|(w, _)| **w);
                match widest {
                    Some((w, _)) => *w -= 1,
                    None => break,
                }
            }
        }
        // A wrapped column is as wide as its widest wrapped line, which may be less than it was given.
        for (i, (column, w)) in self.columns.iter().zip(&mut widths).enumerate() {
            if column.fit == Fit::Wrap {
                let given = *w;
                *w = self
                    .texts(i)
                    .flat_map(|text| fit(text, given, Fit::Wrap))
                    .map(|line| chars(&line))
                    .max()
                    .unwrap_or(given);
            }
        }
        widths
    }

    fn render_row(&self, cells: &[String], widths: &[usize]) -> Vec<String> {
        let fitted: Vec<Vec<String>> = self
            .columns
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (column, w))| {
                let text = cells.get(i).map_or("", String::as_str);
                fit(text, *w, column.fit)
            })
            .collect();
        let height = fitted.iter().map(Vec::len).max().unwrap_or(1).max(1);
        (0..height)
            .map(|line| {
                let mut text = String::new();
                for (i, ((column, w), cell)) in
                    self.columns.iter().zip(widths).zip(&fitted).enumerate()
                {
                    if i > 0 {
                        text.push_str(GAP);
                    }
                    let part = cell.get(line).map_or("", String::as_str);
                    let pad = " ".repeat(w.saturating_sub(chars(part)));
                    match column.align {
                        Align::Left => {
                            text.push_str(part);
                            text.push_str(&pad);
                        }
                        Align::Right => {
                            text.push_str(&pad);
                            text.push_str(part);
                        }
                    }
                }
                text.trim_end().to_owned()
            })
            .collect()
    }
}

/// The width of `text` in a terminal: one column per character (the tables hold no wide characters).
pub(crate) fn chars(text: &str) -> usize {
    text.chars().count()
}

/// The lines of a cell in a column `width` wide.
fn fit(text: &str, width: usize, how: Fit) -> Vec<String> {
    match how {
        Fit::Wrap => text.lines().flat_map(|line| wrap(line, width)).collect(),
        Fit::Cut => text.lines().map(|line| cut(line, width)).collect(),
    }
}

/// `text` cut to `width` characters, ending with `…` when something was cut.
pub(crate) fn cut(text: &str, width: usize) -> String {
    if chars(text) <= width {
        return text.to_owned();
    }
    let mut kept: String = text.chars().take(width.saturating_sub(1)).collect();
    kept.push('…');
    kept
}

/// `text` wrapped at word boundaries into lines of at most `width` characters; a word longer than
/// `width` is split. Blanks between words become one space. An empty text is one empty line.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        if !line.is_empty() && chars(&line) + 1 + word.len() <= width {
            line.push(' ');
            line.extend(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > width {
            let rest = word.split_off(width);
            lines.push(word.into_iter().collect());
            word = rest;
        }
        line.extend(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` wrapped to [`WIDTH`] with every line indented by `indent` spaces.
pub(crate) fn paragraph(text: &str, indent: usize) -> Vec<String> {
    let margin = " ".repeat(indent);
    wrap(text, WIDTH.saturating_sub(indent))
        .into_iter()
        .map(|line| format!("{margin}{line}").trim_end().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Column, Fit, Table, cut, wrap};

    #[test]
    fn wraps_at_words_and_splits_long_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
        assert_eq!(wrap("a  b", 10), ["a b"]);
    }

    #[test]
    fn cuts_with_an_ellipsis() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abcd", 4), "abcd");
    }

    #[test]
    fn squeezes_wrapping_columns_first() {
        let mut table = Table::new(vec![
            Column::new("Name", Fit::Cut),
            Column::new("Level", Fit::Wrap),
        ]);
        table.push(vec!["SomeName".into(), "Permissions management".into()]);
        let lines = table.render(24);
        assert_eq!(
            lines,
            [
                "Name      Level",
                "--------  -----------",
                "SomeName  Permissions",
                "          management",
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 24));
    }

    #[test]
    fn cuts_when_words_do_not_fit() {
        let mut table = Table::new(vec![
            Column::new("A", Fit::Cut),
            Column::new("B", Fit::Wrap),
        ]);
        table.push(vec!["abcdefghijkl".into(), "mnopqrstuvwx".into()]);
        let lines = table.render(14);
        assert!(lines.iter().all(|l| l.chars().count() <= 14), "{lines:?}");
        assert_eq!(lines.get(2).map(String::as_str), Some("abcde…  mnopqr"));
    }
}
