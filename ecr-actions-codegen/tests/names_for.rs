//! `names_for`: per action, the full values of all its cut cells except its name, in table order (sub-row
//! by sub-row; within a sub-row, column by column from left to right; within a column, top to bottom).
//!
//! The rule the contract rests on, from the Service Authorization Reference ("Actions defined by …"): "If
//! the column includes an asterisk (*), then that resource type is required." A cell cut by the renderer
//! has lost that `*`, so only the full value given for it can say whether the type is required.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use ecr_actions_codegen::model::{Service, Tables};
use ecr_actions_codegen::problem::{Place, Problem, Source};
use ecr_actions_codegen::table::Pos;

/// Two actions whose resource type is cut alike; `TagResource` also has a cut condition key.
const TABLE: &str = "\
┏━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions     ┃ Description  ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ TagResource │ Tags a thing │ Tagging      │ pipeline-conf… │ demo:Resource… │
├─────────────┼──────────────┼──────────────┼────────────────┼────────────────┤
│ GetPipeline │ Reads one    │ Read         │ pipeline-conf… │                │
└─────────────┴──────────────┴──────────────┴────────────────┴────────────────┘
";

fn from(names: &[&str], names_for: &[(&str, &[&str])]) -> Result<Service, Vec<Problem>> {
    let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    let names_for: Vec<(String, Vec<String>)> = names_for
        .iter()
        .map(|(a, v)| ((*a).to_owned(), v.iter().map(|s| (*s).to_owned()).collect()))
        .collect();
    Service::from_tables(&Tables {
        service: "demo",
        actions: TABLE,
        resource_types: None,
        condition_keys: None,
        names: &names,
        names_for: &names_for,
    })
}

/// The `n`-th (0-based) place where `needle` stands in the table.
fn at(needle: &str, n: usize) -> Place {
    let (line, column) = TABLE
        .lines()
        .enumerate()
        .filter_map(|(i, l)| l.find(needle).map(|b| (i + 1, l[..b].chars().count() + 1)))
        .nth(n)
        .unwrap();
    Place::Table(Source::Actions, Pos::new(line, column))
}

/// `pipeline-configuration*` for one action and `pipeline-configuration` for the other: required in the
/// first, optional in the second, each as its entry says.
#[test]
fn names_for_settles_required_per_action() {
    let service = from(
        &[],
        &[
            (
                "TagResource",
                &["pipeline-configuration*", "demo:ResourceTag/${TagKey}"],
            ),
            ("GetPipeline", &["pipeline-configuration"]),
        ],
    )
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let tag = &service.actions[0].resource_types[0];
    assert_eq!(
        (tag.name.as_str(), tag.required),
        ("pipeline-configuration", true)
    );
    // The key stands on the resource type's sub-row, so it belongs to that resource type.
    assert_eq!(tag.condition_keys, ["demo:ResourceTag/${TagKey}"]);
    let get = &service.actions[1].resource_types[0];
    assert_eq!(
        (get.name.as_str(), get.required),
        ("pipeline-configuration", false)
    );
}

/// A global `names` entry is the full cell value: `pipeline-configuration*` makes every cell cut to
/// `pipeline-conf…` required.
#[test]
fn a_names_entry_with_its_star_is_required() {
    let service = from(
        &["pipeline-configuration*", "demo:ResourceTag/${TagKey}"],
        &[],
    )
    .unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(service.actions.iter().all(|a| a.resource_types[0].required));
}

#[test]
fn a_missing_value_is_an_error_at_the_cell_left_without_one() {
    let problems = from(
        &[],
        &[
            ("TagResource", &["pipeline-configuration*"]),
            ("GetPipeline", &["pipeline-configuration"]),
        ],
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].place, at("demo:Resource…", 0));
    assert!(
        problems[0]
            .message
            .contains("add the full value of `demo:Resource…`"),
        "{}",
        problems[0].message
    );
}

#[test]
fn an_extra_value_is_an_error_at_the_action() {
    let problems = from(
        &[],
        &[
            ("GetPipeline", &["pipeline-configuration", "demo:Other"]),
            (
                "TagResource",
                &["pipeline-configuration*", "demo:ResourceArn"],
            ),
        ],
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].place, at("GetPipeline", 0));
    assert!(
        problems[0]
            .message
            .contains("`demo:Other`, stands for no cut cell"),
        "{}",
        problems[0].message
    );
}

/// Values are taken in table order: the resource-type column stands left of the condition-key column, so
/// a list in the other order fits neither cell.
#[test]
fn a_value_that_does_not_fit_its_cell_is_an_error_there() {
    let problems = from(
        &[],
        &[
            (
                "TagResource",
                &["demo:ResourceArn", "pipeline-configuration*"],
            ),
            ("GetPipeline", &["pipeline-configuration"]),
        ],
    )
    .unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(problems[0].place, at("pipeline-conf…", 0));
    assert!(
        problems[0]
            .message
            .contains("must start with `pipeline-conf`"),
        "{}",
        problems[0].message
    );
    assert_eq!(problems[1].place, at("demo:Resource…", 0));
}

#[test]
fn an_entry_for_no_action_is_an_error_at_the_entry() {
    let problems = from(
        &["pipeline-configuration", "demo:ResourceArn"],
        &[(
            "TagResources",
            &["pipeline-configuration*", "demo:ResourceArn"],
        )],
    )
    .unwrap_err();
    assert!(
        problems.iter().any(|p| p.place == Place::NameFor(0)
            && p.message
                .contains("`TagResources`, which is no action of the table")),
        "{problems:#?}"
    );
}
