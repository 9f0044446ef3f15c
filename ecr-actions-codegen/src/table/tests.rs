//! The reader on well-drawn and hand-widened tables: every cell, line and column.

use super::*;

/// A two-column table: a wrapped cell, an empty cell, two rows.
const SIMPLE: &str = "\
┏━━━━━┳━━━━━━━━━┓
┃ A   ┃ Bee     ┃
┡━━━━━╇━━━━━━━━━┩
│ 1   │ one     │
│     │ uno     │
├─────┼─────────┤
│ 2   │         │
└─────┴─────────┘
";

const TITLE: &str = "Last updated: 2022-11-10T16:11:37+00:00";

fn pos(line: usize, column: usize) -> Pos {
    Pos::new(line, column)
}

fn text(text: &str, line: usize, column: usize) -> Text {
    Text {
        text: text.to_owned(),
        pos: pos(line, column),
    }
}

fn cell(line: usize, column: usize, lines: &[(&str, usize, usize)]) -> Cell {
    Cell {
        pos: pos(line, column),
        lines: lines.iter().map(|&(t, l, c)| text(t, l, c)).collect(),
    }
}

fn ok(input: &str) -> Grid {
    read(input).unwrap_or_else(|errors| panic!("expected Ok, got {errors:#?}"))
}

/// The faults of a drawing that has fewer than the cap of them.
fn errors(input: &str) -> Vec<TableError> {
    match read(input) {
        Ok(grid) => panic!("expected errors, got {grid:#?}"),
        Err(TableErrors { errors, more: None }) => errors,
        Err(errors) => panic!("expected no count past the cap, got {errors:#?}"),
    }
}

fn error(at: Pos, message: &str) -> TableError {
    TableError {
        pos: at,
        message: message.to_owned(),
    }
}

/// The grid of `SIMPLE` when its first line is `first_line`.
fn simple_grid(first_line: usize) -> Grid {
    let l = first_line - 1;
    Grid {
        last_updated: None,
        tables: vec![simple_table(l)],
    }
}

fn simple_table(offset: usize) -> Table {
    let l = offset;
    Table {
        pos: pos(l + 1, 1),
        header: vec![text("A", l + 2, 3), text("Bee", l + 2, 9)],
        rows: vec![
            Row {
                pos: pos(l + 4, 1),
                cells: vec![
                    cell(l + 4, 3, &[("1", l + 4, 3)]),
                    cell(l + 4, 9, &[("one", l + 4, 9), ("uno", l + 5, 9)]),
                ],
            },
            Row {
                pos: pos(l + 7, 1),
                cells: vec![cell(l + 7, 3, &[("2", l + 7, 3)]), cell(l + 7, 8, &[])],
            },
        ],
    }
}

/// Line (1-based) and column (1-based, in characters) of the `nth` (0-based) occurrence of `needle`.
fn find(input: &str, needle: &str, nth: usize) -> Pos {
    let mut seen = 0;
    for (index, line) in input.split('\n').enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(needle) {
            let byte = from + found;
            if seen == nth {
                return pos(index + 1, line[..byte].chars().count() + 1);
            }
            seen += 1;
            from = byte + needle.len();
        }
    }
    panic!("`{needle}` #{nth} not in input")
}

#[test]
fn simple_table_every_cell_and_position() {
    assert_eq!(ok(SIMPLE), simple_grid(1));
}

#[test]
fn simple_table_without_final_newline() {
    assert_eq!(ok(SIMPLE.trim_end_matches('\n')), simple_grid(1));
}

#[test]
fn joined_cell_and_empty_cell() {
    let grid = ok(SIMPLE);
    let rows = &grid.tables[0].rows;
    assert_eq!(rows[0].cells[1].joined(), Some(text("one uno", 4, 9)));
    assert_eq!(rows[1].cells[1].joined(), None);
}

#[test]
fn leading_blanks_before_the_table_shift_columns() {
    let indented: String = SIMPLE
        .lines()
        .map(|l| format!("  {l}\n"))
        .collect::<String>();
    let grid = ok(&indented);
    let table = &grid.tables[0];
    assert_eq!(table.pos, pos(1, 3));
    assert_eq!(table.header, vec![text("A", 2, 5), text("Bee", 2, 11)]);
    assert_eq!(table.rows[0].pos, pos(4, 3));
    assert_eq!(table.rows[1].cells[1], cell(7, 10, &[]));
}

#[test]
fn wrapped_header_cells_join_with_one_space() {
    let input = "\
┏━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃         ┃ Resource types ┃
┃ Actions ┃ (*required)    ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ thing*         │
└─────────┴────────────────┘
";
    let grid = ok(input);
    let table = &grid.tables[0];
    assert_eq!(
        table.header,
        vec![
            text("Actions", 3, 3),
            text("Resource types (*required)", 2, 13)
        ]
    );
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.rows[0].cells[1], cell(5, 13, &[("thing*", 5, 13)]));
}

#[test]
fn crlf_line_ends_read_like_lf() {
    let crlf = SIMPLE.replace('\n', "\r\n");
    assert_eq!(ok(&crlf), simple_grid(1));
    let titled = format!("{TITLE}\r\n{crlf}");
    let grid = ok(&titled);
    assert_eq!(
        grid.last_updated,
        Some(text("2022-11-10T16:11:37+00:00", 1, 15))
    );
    assert_eq!(grid.tables, simple_grid(2).tables);
}

#[test]
fn utf8_byte_order_mark_is_skipped_and_not_counted() {
    let input = format!("\u{feff}{SIMPLE}");
    assert_eq!(ok(&input), simple_grid(1));
    let titled = format!("\u{feff}{TITLE}\n{SIMPLE}");
    let grid = ok(&titled);
    assert_eq!(
        grid.last_updated,
        Some(text("2022-11-10T16:11:37+00:00", 1, 15))
    );
}

#[test]
fn centred_title_line_gives_last_updated_with_its_position() {
    let input = format!("   {TITLE}   \n{SIMPLE}");
    let grid = ok(&input);
    assert_eq!(
        grid.last_updated,
        Some(text("2022-11-10T16:11:37+00:00", 1, 18))
    );
    assert_eq!(grid.tables, simple_grid(2).tables);
}

#[test]
fn same_title_twice_is_fine_and_the_first_is_kept() {
    let input = format!("{TITLE}\n{SIMPLE}\n  {TITLE}\n{SIMPLE}");
    let grid = ok(&input);
    assert_eq!(
        grid.last_updated,
        Some(text("2022-11-10T16:11:37+00:00", 1, 15))
    );
    assert_eq!(grid.tables.len(), 2);
}

#[test]
fn two_titles_that_disagree_are_an_error_at_the_second() {
    let input = format!("{TITLE}\n{SIMPLE}\n    Last updated: 2023-01-01T00:00:00+00:00\n{SIMPLE}");
    // line 1 title, lines 2..=9 table, line 10 blank, line 11 second title
    assert_eq!(
        errors(&input),
        vec![error(
            pos(11, 5),
            "`Last updated: 2023-01-01T00:00:00+00:00` disagrees with \
             `Last updated: 2022-11-10T16:11:37+00:00` at line 1: a file has one date"
        )]
    );
}

#[test]
fn empty_title_is_an_error() {
    let input = format!("  Last updated:  \n{SIMPLE}");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(1, 3),
            "empty `Last updated:` title: write the time after the colon, e.g. \
             `Last updated: 2022-11-10T16:11:37+00:00`"
        )]
    );
}

#[test]
fn cut_values_keep_their_ellipsis_verbatim() {
    let input = "\
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Actions                             ┃ Description           ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━┩
│ BatchGetRepositoryScanningConfigur… │ Grants permission to  │
│                                     │ retrieve repository   │
│                                     │ scanning configurati… │
└─────────────────────────────────────┴───────────────────────┘
";
    let grid = ok(input);
    let row = &grid.tables[0].rows[0];
    assert_eq!(
        row.cells[0],
        cell(4, 3, &[("BatchGetRepositoryScanningConfigur…", 4, 3)])
    );
    assert_eq!(
        row.cells[1].joined(),
        Some(text(
            "Grants permission to retrieve repository scanning configurati…",
            4,
            41
        ))
    );
    assert_eq!(row.cells[1].lines[2], text("scanning configurati…", 6, 41));
}

#[test]
fn cell_widened_by_hand_on_one_line_still_parses() {
    let input = "\
┏━━━━━┳━━━━━━━━━┓
┃ A   ┃ Bee     ┃
┡━━━━━╇━━━━━━━━━┩
│ 1   │ one     │
│     │ uno, widened by hand │
│   x     │ tres    │
└─────┴─────────┘
";
    let grid = ok(input);
    let row = &grid.tables[0].rows[0];
    assert_eq!(row.cells[0], cell(4, 3, &[("1", 4, 3), ("x", 6, 5)]));
    assert_eq!(
        row.cells[1],
        cell(
            4,
            9,
            &[
                ("one", 4, 9),
                ("uno, widened by hand", 5, 9),
                ("tres", 6, 13)
            ]
        )
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    // `é`, `…`, `日本` and the bars are several bytes each; columns count characters.
    let input = "\
┏━━━━━━━━━┳━━━━━━┳━━━┓
┃ Zürich… ┃ 日本 ┃ B ┃
┡━━━━━━━━━╇━━━━━━╇━━━┩
│ é…      │ x    │ y │
└─────────┴──────┴───┘
";
    let grid = ok(input);
    let table = &grid.tables[0];
    assert_eq!(
        table.header,
        vec![text("Zürich…", 2, 3), text("日本", 2, 13), text("B", 2, 18)]
    );
    assert_eq!(
        table.rows[0].cells,
        vec![
            cell(4, 3, &[("é…", 4, 3)]),
            cell(4, 13, &[("x", 4, 13)]),
            cell(4, 20, &[("y", 4, 20)]),
        ]
    );
    // an error after multi-byte text is also placed in characters
    let ragged = input.replace("│ x    │ y │", "│ x      y │");
    assert_eq!(
        errors(&ragged),
        vec![error(
            pos(4, 1),
            "ragged row: found 2 cells where the header has 3 columns; put a `│` between every two cells"
        )]
    );
    let unended = input.replace("│ x    │ y │", "│ x    │ y");
    assert_eq!(
        errors(&unended),
        vec![error(
            pos(4, 19),
            "row line does not end with `│`: add the right border"
        )]
    );
}

#[test]
fn several_tables_in_one_file_with_captions_ignored() {
    let input = format!(
        "{TITLE}\n{SIMPLE}\nPermission-only actions\n(a caption: ignored)\n\n{SIMPLE}Fin.\n"
    );
    let grid = ok(&input);
    assert_eq!(
        grid,
        Grid {
            last_updated: Some(text("2022-11-10T16:11:37+00:00", 1, 15)),
            tables: vec![simple_table(1), simple_table(13)],
        }
    );
}

#[test]
fn table_without_rows() {
    let input = "┏━━━┓\n┃ A ┃\n┡━━━┩\n└───┘\n";
    assert_eq!(
        ok(input).tables,
        vec![Table {
            pos: pos(1, 1),
            header: vec![text("A", 2, 3)],
            rows: vec![],
        }]
    );
}

#[test]
fn the_seed_table_reads() {
    let seed = include_str!("../../../spec/ecr-actions.txt");
    let grid = ok(seed);
    assert_eq!(
        grid.last_updated.as_ref().map(|t| t.text.as_str()),
        Some("2022-11-10T16:11:37+00:00")
    );
    assert_eq!(grid.tables.len(), 1);
    let table = &grid.tables[0];
    assert_eq!(table.pos, pos(2, 1));
    let header: Vec<&str> = table.header.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        header,
        [
            "Actions",
            "Description",
            "Access level",
            "Resource types (*required)",
            "Condition keys",
            "Dependent actions"
        ]
    );
    let cut = &table.rows[3].cells[0];
    assert_eq!(cut.lines[0].text, "BatchGetRepositoryScanningConfigur…");
    assert_eq!(
        cut.lines[0].pos,
        find(seed, "BatchGetRepositoryScanningConfigur…", 0)
    );
    assert_eq!(table.rows[0].pos, pos(5, 1));
    assert_eq!(
        table.rows[0].cells[1].joined().map(|t| t.text),
        Some(
            "Grants permission to check the availability of multiple image layers in a specified \
             registry and repository"
                .to_owned()
        )
    );
}

#[test]
fn display_of_pos_and_error() {
    assert_eq!(pos(3, 14).to_string(), "3:14");
    assert_eq!(
        error(pos(2, 1), "what is wrong").to_string(),
        "2:1: what is wrong"
    );
}

mod faults;
