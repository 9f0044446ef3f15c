//! `names_for`: the full values of one action's cut cells, for cells that global `names` cannot settle
//! (the same cut text standing for `name*` in one action and `name` in another, or for several keys).
//!
//! An action's cut cells are taken in table order: sub-row by sub-row; within a sub-row, column by column
//! from left to right (resource type, condition keys, dependent actions); within a column, top to bottom.
//! Its name is not among them (the key of the entry is the full name). Each value must fit its cell: the
//! visible text before `…` is a prefix of it. An action given here takes its cut cells only from here.

use std::collections::HashMap;

use crate::columns::ActionRow;
use crate::problem::{Problems, Source};
use crate::resolve::{fits, is_cut};
use crate::table::{Pos, Text};

/// The cut cells of an action's rows, in the order `names_for` lists their values.
pub(crate) fn cut_cells<'r>(rows: impl Iterator<Item = &'r ActionRow>) -> Vec<&'r Text> {
    rows.flat_map(|r| {
        r.resource
            .iter()
            .chain(&r.condition_keys)
            .chain(&r.dependent_actions)
    })
    .filter(|c| is_cut(&c.text))
    .collect()
}

/// Pairs the action's cut cells with its `names_for` values, by position: every cell needs one value
/// that fits it, and every value a cell. Each mismatch is an error at its cell (or, for values beyond the
/// last cell, at the action's name).
pub(crate) fn assign(
    action: &str,
    name: Pos,
    cells: &[&Text],
    given: &[String],
    problems: &mut Problems,
) -> HashMap<Pos, String> {
    let mut own = HashMap::with_capacity(cells.len());
    let counts = format!(
        "`names_for` gives `{action}` {} value{} but it has {} cut cell{}",
        given.len(),
        if given.len() == 1 { "" } else { "s" },
        cells.len(),
        if cells.len() == 1 { "" } else { "s" },
    );
    for (index, cell) in cells.iter().enumerate() {
        let shown = &cell.text;
        let prefix = shown.strip_suffix('…').unwrap_or(shown);
        match given.get(index) {
            None => problems.table(
                Source::Actions,
                cell.pos,
                format!(
                    "{counts}: add the full value of `{shown}` (its cut cell {}) to its `names_for` list, \
                     in table order",
                    index + 1
                ),
            ),
            Some(value) if fits(prefix, value) => {
                own.insert(cell.pos, value.clone());
            }
            Some(value) => problems.table(
                Source::Actions,
                cell.pos,
                format!(
                    "`names_for` value {} of `{action}`, `{value}`, does not fit its cut cell `{shown}`: \
                     the value must start with `{prefix}`; list the full values in table order (sub-row by \
                     sub-row, columns left to right, each column top to bottom)",
                    index + 1
                ),
            ),
        }
    }
    for (index, value) in given.iter().enumerate().skip(cells.len()) {
        problems.table(
            Source::Actions,
            name,
            format!(
                "{counts}: `names_for` value {} of `{action}`, `{value}`, stands for no cut cell; delete it",
                index + 1
            ),
        );
    }
    own
}

/// The `names_for` argument itself: each action once, no value cut or blank.
pub(crate) fn check(names_for: &[(String, Vec<String>)], problems: &mut Problems) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, (action, values)) in names_for.iter().enumerate() {
        if let Some(first) = seen.insert(action, index) {
            problems.name_for(
                index,
                format!(
                    "`{action}` is given twice in `names_for` (first as entry {}): merge the two",
                    first + 1
                ),
            );
        }
        for value in values {
            if value.contains('…') || value.trim().is_empty() || value != value.trim() {
                problems.name_for(
                    index,
                    format!(
                        "`names_for` value `{value}` of `{action}` is not a full value: write the cell's whole text"
                    ),
                );
            }
        }
    }
}
