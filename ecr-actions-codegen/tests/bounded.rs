//! Bounded cost on hostile tables: each shape that used to take time quadratic in its size (one action
//! with tens of thousands of sub-rows, tens of thousands of keys in one cell, tens of thousands of cut
//! names, a fault on every row, …) is run at 1 MiB, a size a quadratic pipeline cannot finish in a test
//! run. No timing is asserted (the speed is measured by `benches/hostile.rs`); the tests check that the
//! whole pipeline finishes and gives the right answer, and that past [`MAX_REPORTED`] problems one more
//! says how many were left out.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

#[path = "common/hostile.rs"]
#[allow(dead_code, reason = "the benchmark uses more of the shared shapes")]
mod hostile;

use std::path::Path;

use ecr_actions_codegen::model::{Service, Tables};
use ecr_actions_codegen::problem::{MAX_REPORTED, Place, Problem, Source};
use ecr_actions_codegen::table::{self, MAX_TABLE_BYTES, Pos};
use proptest::prelude::*;
use proptest::test_runner::Config;
use quote::quote;

const MIB: usize = 1 << 20;

fn shape(name: &str, bytes: usize) -> hostile::Shape {
    let (_, make) = hostile::SHAPES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no shape {name}"));
    make(bytes)
}

fn from_tables(shape: &hostile::Shape) -> Result<Service, Vec<Problem>> {
    Service::from_tables(&Tables {
        service: "demo",
        actions: &shape.actions,
        resource_types: shape.resource_types.as_deref(),
        condition_keys: shape.condition_keys.as_deref(),
        names: &shape.names,
        names_for: &[],
    })
}

/// The whole macro, table to tokens, on an inline table.
fn expand(shape: &hostile::Shape) -> String {
    let actions = &shape.actions;
    let resource_types = shape
        .resource_types
        .as_ref()
        .map(|t| quote!(resource_types = inline(#t),));
    let condition_keys = shape
        .condition_keys
        .as_ref()
        .map(|t| quote!(condition_keys = inline(#t),));
    let names = &shape.names;
    let input = quote! {
        service = "demo", actions = inline(#actions), #resource_types #condition_keys names = [#(#names),*],
    };
    ecr_actions_codegen::expand_in(input, std::path::Path::new(".")).to_string()
}

/// A shape whose problems are one per hostile part: exactly [`MAX_REPORTED`] are reported, in reading
/// order, then one at the first left out says how many more there are.
fn check_capped(name: &str, message: &str) {
    let shape = shape(name, MIB);
    let problems = from_tables(&shape).unwrap_err();
    assert_eq!(problems.len(), MAX_REPORTED + 1, "{name}");
    for problem in &problems[..MAX_REPORTED] {
        assert!(problem.message.contains(message), "{name}: {problem:?}");
    }
    let lines: Vec<usize> = problems
        .iter()
        .map(|p| match p.place {
            Place::Table(Source::Actions, pos) => pos.line,
            _ => panic!("{name}: {p:?} is not in the actions table"),
        })
        .collect();
    assert!(lines.is_sorted(), "{name}: not in reading order");
    let last = problems.last().unwrap();
    assert_eq!(
        last.message,
        format!(
            "… and {} more errors: mend the ones above and build again",
            shape.count - MAX_REPORTED
        ),
        "{name}"
    );
    let tokens = expand(&shape);
    assert_eq!(
        tokens.matches("compile_error").count(),
        MAX_REPORTED + 1,
        "{name}"
    );
    assert!(tokens.contains("inline actions table:"), "{name}");
}

#[test]
fn one_action_with_many_sub_rows() {
    let shape = shape("one_action_many_sub_rows", MIB);
    let service = from_tables(&shape).unwrap();
    assert_eq!(service.actions.len(), 1);
    assert_eq!(service.actions[0].resource_types.len(), shape.count);
    assert_eq!(service.resource_types.len(), shape.count);
    assert!(!expand(&shape).contains("compile_error"));
}

#[test]
fn many_keys_in_one_cell() {
    let shape = shape("many_keys_in_one_cell", MIB);
    let service = from_tables(&shape).unwrap();
    assert_eq!(service.actions[0].condition_keys.len(), shape.count);
    assert_eq!(service.condition_keys.len(), shape.count);
    assert!(!expand(&shape).contains("compile_error"));
}

/// Tens of thousands of distinct keys sharing one plain identifier each take their own exact one.
#[test]
fn many_keys_sharing_one_plain_identifier() {
    let shape = shape("many_keys_one_identifier", MIB);
    let service = from_tables(&shape).unwrap();
    assert_eq!(service.condition_keys.len(), shape.count);
    let idents: std::collections::HashSet<&str> = service
        .condition_keys
        .iter()
        .map(|k| k.ident.as_str())
        .collect();
    assert_eq!(idents.len(), shape.count);
    assert!(shape.count > 10_000, "{}", shape.count);
    assert!(!expand(&shape).contains("compile_error"));
}

#[test]
fn many_cut_names() {
    let shape = shape("many_cut_names", MIB);
    let service = from_tables(&shape).unwrap();
    assert_eq!(service.actions.len(), shape.count);
    assert!(service.actions.iter().all(|a| a.name.ends_with("XFull")));
    assert!(!expand(&shape).contains("compile_error"));
}

#[test]
fn many_actions_cut_alike() {
    let shape = shape("many_cut_alike", MIB);
    let service = from_tables(&shape).unwrap();
    // Actions cut alike take the fitting names in sorted order, as the macro's docs say.
    let mut sorted = shape.names.clone();
    sorted.sort();
    let names: Vec<&str> = service.actions.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, sorted);
}

#[test]
fn many_cut_keys_in_one_cell() {
    let shape = shape("many_cut_keys", MIB);
    let service = from_tables(&shape).unwrap();
    assert_eq!(service.actions[0].condition_keys, shape.names);
}

#[test]
fn many_actions_each_with_its_own_resource_type() {
    let shape = shape("many_actions_own_types", MIB);
    let service = from_tables(&shape).unwrap();
    assert_eq!(service.actions.len(), shape.count);
    assert_eq!(service.resource_types.len(), shape.count);
    assert!(!expand(&shape).contains("compile_error"));
}

#[test]
fn companion_tables_of_many_rows() {
    let shape = shape("companion_tables", MIB);
    let service = from_tables(&shape).unwrap();
    assert_eq!(service.resource_types.len(), shape.count);
    assert_eq!(service.condition_keys.len(), shape.count);
    assert!(
        service
            .resource_types
            .iter()
            .all(|t| t.arn_format.is_some())
    );
}

#[test]
fn a_fault_on_every_row_is_capped() {
    check_capped("many_errors", "unknown access level `Reed`");
}

#[test]
fn a_level_repeated_on_every_line_of_a_cell_is_capped() {
    check_capped(
        "long_access_cell",
        "access level `Read` is named twice in one cell",
    );
}

#[test]
fn sub_rows_disagreeing_with_a_long_first_description_are_capped_and_quote_it_cut() {
    check_capped("long_description", "sub-rows of `Act` disagree");
    let shape = shape("long_description", MIB);
    let problems = from_tables(&shape).unwrap_err();
    // The first row's description is half a MiB; each message quotes 100 characters of it and `…`.
    let quoted = format!("differs from `{}…`", "d".repeat(100));
    assert!(
        problems[0].message.contains(&quoted),
        "{}",
        problems[0].message
    );
    assert!(problems.iter().all(|p| p.message.len() < 400));
}

/// Exactly [`MAX_REPORTED`] problems are all reported, with no count line; one more brings it, in the
/// singular.
#[test]
fn the_cap_counts_exactly() {
    for (faults, last) in [
        (MAX_REPORTED, None),
        (
            MAX_REPORTED + 1,
            Some("… and 1 more error: mend the ones above and build again"),
        ),
    ] {
        let mut shape = shape("many_errors", 0);
        let row = "│ Act{i} │ Does it │ Reed │  │  │  │\n";
        let rows: Vec<String> = (0..faults)
            .map(|i| row.replace("{i}", &i.to_string()))
            .collect();
        shape.actions = format!(
            "┏━┳━┳━┳━┳━┳━┓\n┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃ Dependent actions ┃\n┡━╇━╇━╇━╇━╇━┩\n{}└─┴─┴─┴─┴─┴─┘\n",
            rows.join("├─┼─┼─┼─┼─┼─┤\n")
        );
        let problems = from_tables(&shape).unwrap_err();
        match last {
            None => {
                assert_eq!(problems.len(), MAX_REPORTED);
                assert!(problems.iter().all(|p| p.message.contains("`Reed`")));
            }
            Some(last) => {
                assert_eq!(problems.len(), MAX_REPORTED + 1);
                assert_eq!(problems[MAX_REPORTED].message, last);
                // Placed at the fault it stands for: the last row's access level.
                let Place::Table(Source::Actions, pos) = problems[MAX_REPORTED].place else {
                    panic!("{:?}", problems[MAX_REPORTED]);
                };
                assert_eq!(pos.line, 4 + 2 * MAX_REPORTED);
            }
        }
    }
}

/// A text over 16 MiB is one error, where it goes past, and is not read.
#[test]
fn a_table_over_16_mib_is_refused_where_it_goes_past() {
    let line = format!("{}\n", "x".repeat(1023));
    let text = line.repeat(MAX_TABLE_BYTES / 1024 + 1);
    let errors = table::read(&text).unwrap_err();
    assert_eq!(errors.more, None);
    let errors = errors.errors;
    assert_eq!(errors.len(), 1);
    // 16 MiB of 1 KiB lines end exactly after line 16,384: the next byte is line 16,385, column 1.
    assert_eq!(errors[0].pos, Pos::new(16_385, 1));
    assert!(
        errors[0].message.contains("16 MiB"),
        "{}",
        errors[0].message
    );
    assert!(table::read(&text[..MAX_TABLE_BYTES]).is_ok());
}

/// A table file over 16 MiB is refused before it is read, on the literal that names it.
#[test]
fn a_table_file_over_16_mib_is_refused_unread() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = "bounded-too-large-table.txt";
    std::fs::write(dir.join(file), vec![b'x'; MAX_TABLE_BYTES + 1]).unwrap();
    let tokens =
        ecr_actions_codegen::expand_in(quote!(service = "demo", actions = #file), dir).to_string();
    std::fs::remove_file(dir.join(file)).unwrap();
    assert_eq!(tokens.matches("compile_error").count(), 1, "{tokens}");
    assert!(
        tokens.contains(&format!(
            "`{file}` is {} bytes, more than the {MAX_TABLE_BYTES} bytes (16 MiB) a table may hold",
            MAX_TABLE_BYTES + 1
        )),
        "{tokens}"
    );
}

fn config() -> Config {
    Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any hostile shape of up to 256 KiB, with a few characters replaced anywhere, is read without a
    /// panic, and never gives more than the capped number of problems.
    #[test]
    fn hostile_shapes_mutated_never_panic_and_stay_capped(
        index in 0..hostile::SHAPES.len(),
        bytes in 0_usize..256 * 1024,
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&['│', '┼', '…', '*', ',', '\n', 'x', ' '][..])), 0..4),
    ) {
        let (_, make) = hostile::SHAPES[index];
        let mut shape = make(bytes);
        let mut chars: Vec<char> = shape.actions.chars().collect();
        for (at, c) in edits {
            if !chars.is_empty() {
                let i = at.index(chars.len());
                chars[i] = c;
            }
        }
        shape.actions = chars.into_iter().collect();
        if let Err(problems) = from_tables(&shape) {
            prop_assert!(!problems.is_empty() && problems.len() <= MAX_REPORTED + 1);
        }
    }
}

/// Faults in the drawing past the cap are counted to the end of the text, not dropped: a box line
/// outside a table on every line of 1 MiB gives [`MAX_REPORTED`] errors and one that counts all the
/// others, placed at the first left out.
#[test]
fn drawing_faults_past_the_cap_are_counted() {
    let shape = shape("many_drawing_faults", MIB);
    let lines = shape.count;
    let problems = from_tables(&shape).unwrap_err();
    assert_eq!(problems.len(), MAX_REPORTED + 1);
    assert!(
        problems[..MAX_REPORTED]
            .iter()
            .all(|p| p.message.starts_with("table line outside a table"))
    );
    assert_eq!(
        problems[MAX_REPORTED],
        Problem {
            place: Place::Table(Source::Actions, Pos::new(MAX_REPORTED + 1, 1)),
            message: format!(
                "… and {} more errors: mend the ones above and build again",
                lines - MAX_REPORTED
            ),
        }
    );
}

/// The count covers problems of every kind: an argument problem comes first, so one drawing fault the
/// reader kept is left out beside the ones it only counted, and the count line stands at the kept one.
#[test]
fn the_count_adds_kept_and_counted_faults() {
    let line = "│ stray │\n";
    let extra = 10;
    let actions = line.repeat(MAX_REPORTED + extra);
    let problems = Service::from_tables(&Tables {
        service: "Not A Prefix",
        actions: &actions,
        resource_types: None,
        condition_keys: None,
        names: &[],
        names_for: &[],
    })
    .unwrap_err();
    assert_eq!(problems.len(), MAX_REPORTED + 1);
    assert_eq!(problems[0].place, Place::Service);
    assert_eq!(
        problems[MAX_REPORTED],
        Problem {
            place: Place::Table(Source::Actions, Pos::new(MAX_REPORTED, 1)),
            message: format!(
                "… and {} more errors: mend the ones above and build again",
                extra + 1
            ),
        }
    );
}
