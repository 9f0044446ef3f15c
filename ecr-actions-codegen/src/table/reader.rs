//! The state machine that reads a drawing line by line: outside a table, in its header, in its body, or
//! skipping to its bottom border after a fault.

use super::line::{Kind, check_rule, first_column, kind, split};
use super::{Cell, Grid, Pos, Row, Table, TableError, TableErrors, Text};

const TITLE_PREFIX: &str = "Last updated:";

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
pub(super) struct Reader {
    state: State,
    grid: Grid,
    errors: TableErrors,
    last_line: usize,
}

impl Reader {
    fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.errors.push(TableError::new(pos, message));
    }

    pub(super) fn line(&mut self, number: usize, line: &str) {
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

    pub(super) fn finish(mut self) -> Result<Grid, TableErrors> {
        match std::mem::take(&mut self.state) {
            State::Outside => {}
            State::Header(building) | State::Body(building) => {
                let message = format!(
                    "the table that starts at line {} has no bottom border: end it with `└─┴─┘`",
                    building.table.pos.line
                );
                self.error(Pos::new(building.last_line.max(1), 1), message);
            }
            State::Skipping => {
                let message = "the file ends inside a table: end the table with `└─┴─┘`";
                self.error(Pos::new(self.last_line.max(1), 1), message);
            }
        }
        if self.errors.is_empty() {
            Ok(self.grid)
        } else {
            Err(self.errors)
        }
    }
}
