//! Faults in the drawing: each is found, placed and explained, and the reader goes on.

use super::*;
use crate::problem::MAX_REPORTED;

#[test]
fn ragged_row_with_too_few_cells() {
    let input = SIMPLE.replace("│     │ uno     │", "│       uno     │");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(5, 1),
            "ragged row: found 1 cell where the header has 2 columns; put a `│` between every two cells"
        )]
    );
}

#[test]
fn ragged_row_with_too_many_cells() {
    let input = SIMPLE.replace("│ 2   │         │", "  │ 2   │ t │ wo  │");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(7, 3),
            "ragged row: found 3 cells where the header has 2 columns; put a `│` between every two cells"
        )]
    );
}

#[test]
fn ragged_header_line() {
    let input = SIMPLE.replace("┃ A   ┃ Bee     ┃", "┃ A     Bee     ┃");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(2, 1),
            "ragged row: found 1 cell where the header has 2 columns; put a `┃` between every two cells"
        )]
    );
}

#[test]
fn row_line_without_right_border() {
    let input = SIMPLE.replace("│ 1   │ one     │", "│ 1   │ one");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(4, 8),
            "row line does not end with `│`: add the right border"
        )]
    );
}

#[test]
fn blank_line_inside_a_table() {
    let input = SIMPLE.replace("│     │ uno     │\n", "│     │ uno     │\n\n");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(6, 1),
            "blank line inside a table: delete it; a table ends only at its bottom border `└─┴─┘`"
        )]
    );
}

#[test]
fn blank_line_inside_the_header() {
    let input = SIMPLE.replace("┃ A   ┃ Bee     ┃\n", "┃ A   ┃ Bee     ┃\n\n");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(3, 1),
            "blank line inside a table: delete it; a table ends only at its bottom border `└─┴─┘`"
        )]
    );
}

#[test]
fn missing_bottom_border_at_end_of_file() {
    let input = SIMPLE.trim_end_matches('\n');
    let input = input.rsplit_once('\n').map(|(kept, _)| kept).unwrap();
    assert_eq!(
        errors(input),
        vec![error(
            pos(7, 1),
            "the table that starts at line 1 has no bottom border: end it with `└─┴─┘`"
        )]
    );
}

/// The usual file ends with a newline; the empty text after it is no line of the file.
#[test]
fn missing_bottom_border_when_the_file_ends_with_a_newline() {
    let input = SIMPLE.trim_end_matches('\n');
    let input = format!(
        "{}\n",
        input.rsplit_once('\n').map(|(kept, _)| kept).unwrap()
    );
    assert_eq!(
        errors(&input),
        vec![error(
            pos(7, 1),
            "the table that starts at line 1 has no bottom border: end it with `└─┴─┘`"
        )]
    );
}

#[test]
fn missing_bottom_border_before_the_next_table() {
    let without_bottom = SIMPLE.replace("└─────┴─────────┘\n", "");
    let input = format!("{without_bottom}{SIMPLE}");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(8, 1),
            "expected a row line `│ … │`, a rule `├─┼─┤` or the bottom border `└─┴─┘`"
        )]
    );
}

#[test]
fn box_line_outside_a_table() {
    let message = "table line outside a table: a table starts with a top border `┏━┳━┓`";
    assert_eq!(
        errors("│ 1   │ one     │\n"),
        vec![error(pos(1, 1), message)]
    );
    assert_eq!(
        errors(&format!("{SIMPLE}  └─────┴─────────┘\n")),
        vec![error(pos(9, 3), message)]
    );
    assert_eq!(
        errors(&format!("caption\n ├─────┼─────────┤\n{SIMPLE}")),
        vec![error(pos(2, 2), message)]
    );
    // any other box-drawing character starting a line
    assert_eq!(errors("╭──╮\n"), vec![error(pos(1, 1), message)]);
}

#[test]
fn header_column_without_a_name() {
    let input = SIMPLE.replace("┃ A   ┃ Bee     ┃", "┃ A   ┃         ┃");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(1, 1),
            "column 2 of the header has no name: write its name between the `┃` bars"
        )]
    );
}

#[test]
fn broken_borders_and_rules() {
    let top = SIMPLE.replace("┏━━━━━┳━━━━━━━━━┓", "┏━━━━━┳━━━━━━━━━━");
    assert_eq!(
        errors(&top),
        vec![error(pos(1, 1), "broken rule: expected `┏━┳━┓`")]
    );
    let rule = SIMPLE.replace("├─────┼─────────┤", "├──x──┼─────────┤");
    assert_eq!(
        errors(&rule),
        vec![error(
            pos(6, 1),
            "unexpected `x` in a rule: expected `├─┼─┤`"
        )]
    );
    let head = SIMPLE.replace("┡━━━━━╇━━━━━━━━━┩", "┡━━━━━╇━━━━━━━━━┓");
    assert_eq!(
        errors(&head),
        vec![error(pos(3, 1), "broken rule: expected `┡━╇━┩`")]
    );
    let bottom = SIMPLE.replace("└─────┴─────────┘", "└─────┴─────────┤");
    assert_eq!(
        errors(&bottom),
        vec![error(pos(8, 1), "broken rule: expected `└─┴─┘`")]
    );
}

#[test]
fn two_rules_without_a_row_between() {
    let input = SIMPLE.replace(
        "├─────┼─────────┤\n",
        "├─────┼─────────┤\n├─────┼─────────┤\n",
    );
    assert_eq!(
        errors(&input),
        vec![error(
            pos(7, 1),
            "empty row: two rules with no row between them; delete one rule"
        )]
    );
}

#[test]
fn header_without_head_rule() {
    let input = SIMPLE.replace("┡━━━━━╇━━━━━━━━━┩\n", "");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(3, 1),
            "expected a header line `┃ … ┃` or the rule `┡━╇━┩` that closes the header"
        )]
    );
}

#[test]
fn text_inside_a_table_is_an_error() {
    let input = SIMPLE.replace("├─────┼─────────┤", "  a caption inside");
    assert_eq!(
        errors(&input),
        vec![error(
            pos(6, 3),
            "expected a row line `│ … │`, a rule `├─┼─┤` or the bottom border `└─┴─┘`"
        )]
    );
}

#[test]
fn errors_of_several_tables_are_all_reported_in_file_order() {
    let first = SIMPLE.replace("│ 1   │ one     │", "│ 1     one     │");
    let second = SIMPLE.replace("├─────┼─────────┤", "├──x──┼─────────┤");
    let input = format!("{first}\n{second}");
    assert_eq!(
        errors(&input),
        vec![
            error(
                pos(4, 1),
                "ragged row: found 1 cell where the header has 2 columns; put a `│` between every two cells"
            ),
            error(pos(15, 1), "unexpected `x` in a rule: expected `├─┼─┤`"),
        ]
    );
}

/// Past [`MAX_REPORTED`] faults the reader keeps reading and counts them: the first fault left out is
/// placed, and a table whose bottom border lies beyond them is not missing one.
#[test]
fn keeps_the_first_faults_and_counts_the_rest_to_the_end() {
    let mut input = String::from("┏━━━┓\n┃ A ┃\n┡━━━┩\n");
    for _ in 0..MAX_REPORTED + 30 {
        input.push_str("│ 1 │\n├─x─┤\n");
    }
    input.push_str("│ 1 │\n└───┘\n");
    let Err(TableErrors { errors, more }) = read(&input) else {
        panic!("expected errors");
    };
    assert_eq!(errors.len(), MAX_REPORTED, "{errors:#?}");
    for (i, e) in errors.iter().enumerate() {
        assert_eq!(
            *e,
            error(
                pos(5 + 2 * i, 1),
                "unexpected `x` in a rule: expected `├─┼─┤`"
            )
        );
    }
    assert_eq!(
        more,
        Some(MoreErrors {
            pos: pos(5 + 2 * MAX_REPORTED, 1),
            count: 30
        })
    );
}

/// A fault on every line: every one is found, the first ones kept, the others counted.
#[test]
fn a_fault_on_every_line_is_counted() {
    let lines = 3 * MAX_REPORTED;
    let input = "│ stray │\n".repeat(lines);
    let Err(TableErrors { errors, more }) = read(&input) else {
        panic!("expected errors");
    };
    assert_eq!(errors.len(), MAX_REPORTED);
    assert_eq!(errors.last().map(|e| e.pos), Some(pos(MAX_REPORTED, 1)));
    assert_eq!(
        more,
        Some(MoreErrors {
            pos: pos(MAX_REPORTED + 1, 1),
            count: lines - MAX_REPORTED
        })
    );
}

#[test]
fn a_rule_with_too_few_junctions_is_an_error() {
    let text = "┏━━━┳━━━┓\n┃ A ┃ B ┃\n┡━━━━━━━┩\n│ 1 │ 2 │\n└───┴───┘\n";
    let errors = errors(text);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].pos, Pos::new(3, 1));
    assert_eq!(
        errors[0].message,
        "this rule crosses 1 column where the top border has 2: draw one junction between every two columns"
    );
}
