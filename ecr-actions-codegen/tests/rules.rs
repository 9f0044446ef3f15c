//! The rules across rows and tables (`model::Service::from_tables`) on small hand-drawn tables: sub-rows
//! merged, access levels, several tables, `…` resolution from `names`, identifiers, companion tables, and
//! every malformed input refused with the exact place and a message that says how to mend it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;
use common::draw;

use ecr_actions_codegen::ident::upper_camel;
use ecr_actions_codegen::model::{
    AccessLevel, Action, ConditionKey, ConditionValueType, ResourceType, ResourceUse, Service,
    Tables,
};
use ecr_actions_codegen::problem::{Place, Problem, Source};
use ecr_actions_codegen::table::Pos;

use AccessLevel::{List, PermissionsManagement, Read, Tagging, Write};

/// The actions table as the AWS reference drew it until mid-2026.
const OLD: [&str; 6] = [
    "Actions",
    "Description",
    "Access level",
    "Resource types (*required)",
    "Condition keys",
    "Dependent actions",
];

/// The newer layout: no `Dependent actions`, `Access level` last.
const NEW: [&str; 5] = [
    "Actions",
    "Description",
    "Resource types (*required)",
    "Condition keys",
    "Access level",
];

const RESOURCE_TYPES: [&str; 3] = ["Resource types", "ARN", "Condition keys"];
const CONDITION_KEYS: [&str; 3] = ["Condition keys", "Description", "Type"];

// ---------------------------------------------------------------------------------------------------
// Drawing and reading helpers
// ---------------------------------------------------------------------------------------------------

/// An actions table in the old layout.
fn old(rows: &[[&'static str; 6]]) -> String {
    draw(&OLD, rows)
}

/// Line and column (in characters) of the `nth` (0-based) occurrence of `needle`.
fn at_nth(text: &str, needle: &str, nth: usize) -> Pos {
    let mut seen = 0;
    for (index, line) in text.split('\n').enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(needle) {
            let byte = from + found;
            if seen == nth {
                return Pos::new(index + 1, line[..byte].chars().count() + 1);
            }
            seen += 1;
            from = byte + needle.len();
        }
    }
    panic!("`{needle}` #{nth} is not in\n{text}")
}

fn at(text: &str, needle: &str) -> Pos {
    at_nth(text, needle, 0)
}

/// Where the cell after the `k`-th (1-based) vertical bar of `line` starts: just after that bar.
fn cell_start(text: &str, line: usize, k: usize) -> Pos {
    let row = text.split('\n').nth(line - 1).unwrap();
    let (index, _) = row
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '│' || *c == '┃')
        .nth(k - 1)
        .unwrap();
    Pos::new(line, index + 2)
}

fn in_actions(pos: Pos) -> Place {
    Place::Table(Source::Actions, pos)
}

struct Input<'a> {
    service: &'a str,
    actions: &'a str,
    resource_types: Option<&'a str>,
    condition_keys: Option<&'a str>,
    names: &'a [&'a str],
}

impl<'a> Input<'a> {
    fn new(actions: &'a str) -> Self {
        Self {
            service: "demo",
            actions,
            resource_types: None,
            condition_keys: None,
            names: &[],
        }
    }

    fn names(mut self, names: &'a [&'a str]) -> Self {
        self.names = names;
        self
    }

    fn resource_types(mut self, table: &'a str) -> Self {
        self.resource_types = Some(table);
        self
    }

    fn condition_keys(mut self, table: &'a str) -> Self {
        self.condition_keys = Some(table);
        self
    }

    fn service(mut self, service: &'a str) -> Self {
        self.service = service;
        self
    }

    fn run(&self) -> Result<Service, Vec<Problem>> {
        let names: Vec<String> = self.names.iter().map(|n| (*n).to_owned()).collect();
        Service::from_tables(&Tables {
            service: self.service,
            actions: self.actions,
            resource_types: self.resource_types,
            condition_keys: self.condition_keys,
            names: &names,
            names_for: &[],
        })
    }

    fn ok(&self) -> Service {
        self.run()
            .unwrap_or_else(|problems| panic!("expected Ok, got {problems:#?}"))
    }

    fn problems(&self) -> Vec<Problem> {
        match self.run() {
            Ok(service) => panic!("expected problems, got {service:#?}"),
            Err(problems) => problems,
        }
    }

    /// The one problem the input has.
    fn problem(&self) -> Problem {
        let problems = self.problems();
        assert_eq!(problems.len(), 1, "expected one problem: {problems:#?}");
        problems.into_iter().next().unwrap()
    }
}

fn problem(place: Place, message: &str) -> Problem {
    Problem {
        place,
        message: message.to_owned(),
    }
}

fn action(name: &str, ident: &str, description: &str, levels: &[AccessLevel]) -> Action {
    Action {
        name: name.to_owned(),
        ident: ident.to_owned(),
        description: description.to_owned(),
        access_levels: levels.to_vec(),
        resource_types: Vec::new(),
        condition_keys: Vec::new(),
        dependent_actions: Vec::new(),
    }
}

fn uses(name: &str, required: bool, keys: &[&str], deps: &[&str]) -> ResourceUse {
    ResourceUse {
        name: name.to_owned(),
        required,
        condition_keys: strings(keys),
        dependent_actions: strings(deps),
    }
}

fn resource_type(name: &str, ident: &str) -> ResourceType {
    ResourceType {
        name: name.to_owned(),
        ident: ident.to_owned(),
        arn_format: None,
        condition_keys: Vec::new(),
    }
}

fn key(name: &str, ident: &str) -> ConditionKey {
    ConditionKey {
        name: name.to_owned(),
        ident: ident.to_owned(),
        description: None,
        value_type: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn names_of(service: &Service) -> Vec<&str> {
    service.actions.iter().map(|a| a.name.as_str()).collect()
}

const PING: [&str; 6] = ["Ping", "Says hello", "Read", "thing*", "", ""];

// ---------------------------------------------------------------------------------------------------
// Layouts and merging
// ---------------------------------------------------------------------------------------------------

#[test]
fn the_drawing_helper_draws_what_the_reader_reads() {
    let text = old(&[PING]);
    let grid = ecr_actions_codegen::table::read(&text).unwrap();
    assert_eq!(grid.tables.len(), 1);
    assert_eq!(grid.tables[0].header.len(), 6);
    assert_eq!(grid.tables[0].rows.len(), 1);
    assert_eq!(at(&text, "Ping"), Pos::new(4, 3));
}

#[test]
fn one_action_old_layout_gives_the_whole_service() {
    let text = old(&[PING]);
    let service = Input::new(&text).ok();
    assert_eq!(
        service,
        Service {
            prefix: "demo".to_owned(),
            last_updated: None,
            removed_after: Vec::new(),
            names: Vec::new(),
            actions: vec![Action {
                resource_types: vec![uses("thing", true, &[], &[])],
                ..action("Ping", "Ping", "Says hello", &[Read])
            }],
            resource_types: vec![resource_type("thing", "Thing")],
            condition_keys: Vec::new(),
        }
    );
}

#[test]
fn title_line_gives_last_updated() {
    let text = format!(
        "          Last updated: 2026-04-02T09:30:00+00:00          \n{}",
        old(&[PING])
    );
    let service = Input::new(&text).ok();
    assert_eq!(
        service.last_updated.as_deref(),
        Some("2026-04-02T09:30:00+00:00")
    );
}

#[test]
fn newer_layout_without_dependent_actions_and_access_level_last() {
    let text = draw(
        &NEW,
        &[
            [
                "CreateThing",
                "Creates a\nthing",
                "",
                "aws:TagKeys",
                "Write",
            ],
            ["ListThings", "Lists things", "", "", "List"],
            [
                "PutThingPolicy",
                "Sets a policy",
                "thing*",
                "",
                "Permissions\nmanagement",
            ],
            ["TagThing", "Tags a thing", "thing*", "", "Tagging, Write"],
        ],
    );
    let service = Input::new(&text).ok();
    assert_eq!(
        service.actions,
        vec![
            Action {
                condition_keys: strings(&["aws:TagKeys"]),
                ..action("CreateThing", "CreateThing", "Creates a thing", &[Write])
            },
            action("ListThings", "ListThings", "Lists things", &[List]),
            Action {
                resource_types: vec![uses("thing", true, &[], &[])],
                ..action(
                    "PutThingPolicy",
                    "PutThingPolicy",
                    "Sets a policy",
                    &[PermissionsManagement]
                )
            },
            Action {
                resource_types: vec![uses("thing", true, &[], &[])],
                ..action("TagThing", "TagThing", "Tags a thing", &[Tagging, Write])
            },
        ]
    );
    assert_eq!(
        service.condition_keys,
        vec![key("aws:TagKeys", "AwsTagKeys")]
    );
}

#[test]
fn columns_are_found_by_header_in_any_order_and_wrapped_headers_join() {
    let header = [
        "Access level",
        "Resource types\n(*required)",
        "Actions",
        "Dependent\nactions",
        "Condition keys",
        "Description",
    ];
    let text = draw(
        &header,
        &[[
            "Read",
            "thing",
            "Ping",
            "demo:Pong",
            "aws:TagKeys",
            "Says hello",
        ]],
    );
    let service = Input::new(&text).ok();
    assert_eq!(
        service.actions,
        vec![Action {
            resource_types: vec![uses("thing", false, &["aws:TagKeys"], &["demo:Pong"])],
            ..action("Ping", "Ping", "Says hello", &[Read])
        }]
    );
}

#[test]
fn access_level_cell_with_two_levels_keeps_table_order() {
    let text = old(&[
        ["A", "a", "Tagging, Write", "", "", ""],
        ["B", "b", "Write, Tagging", "", "", ""],
        ["C", "c", "Permissions management, Write", "", "", ""],
        ["D", "d", "Permissions\nmanagement,\nWrite", "", "", ""],
    ]);
    let service = Input::new(&text).ok();
    let levels: Vec<&[AccessLevel]> = service
        .actions
        .iter()
        .map(|a| a.access_levels.as_slice())
        .collect();
    assert_eq!(
        levels,
        [
            &[Tagging, Write][..],
            &[Write, Tagging],
            &[PermissionsManagement, Write],
            &[PermissionsManagement, Write],
        ]
    );
}

#[test]
fn sub_rows_of_one_action_merge() {
    let text = old(&[
        [
            "CreateThing",
            "Creates a\nthing",
            "Write",
            "",
            "aws:RequestTag/${TagKey}\naws:TagKeys",
            "demo:TagThing",
        ],
        [
            "TagThing",
            "Tags a thing and\nsays so",
            "Tagging",
            "thing*",
            "demo:ResourceTag/${TagKey}",
            "demo:DescribeThing",
        ],
        [
            "TagThing",
            "Tags a thing and\nsays so",
            "Tagging",
            "other",
            "",
            "",
        ],
        [
            "TagThing",
            "Tags a thing and\nsays so",
            "Tagging",
            "",
            "aws:RequestTag/${TagKey}\naws:TagKeys",
            "demo:CreateThing\ndemo:ListThings",
        ],
        ["UntagThing", "Untags", "Tagging", "thing*", "", ""],
    ]);
    let service = Input::new(&text).ok();
    assert_eq!(
        service.actions,
        vec![
            Action {
                condition_keys: strings(&["aws:RequestTag/${TagKey}", "aws:TagKeys"]),
                dependent_actions: strings(&["demo:TagThing"]),
                ..action("CreateThing", "CreateThing", "Creates a thing", &[Write])
            },
            Action {
                resource_types: vec![
                    uses(
                        "thing",
                        true,
                        &["demo:ResourceTag/${TagKey}"],
                        &["demo:DescribeThing"]
                    ),
                    uses("other", false, &[], &[]),
                ],
                condition_keys: strings(&["aws:RequestTag/${TagKey}", "aws:TagKeys"]),
                dependent_actions: strings(&["demo:CreateThing", "demo:ListThings"]),
                ..action(
                    "TagThing",
                    "TagThing",
                    "Tags a thing and says so",
                    &[Tagging]
                )
            },
            Action {
                resource_types: vec![uses("thing", true, &[], &[])],
                ..action("UntagThing", "UntagThing", "Untags", &[Tagging])
            },
        ]
    );
    // without companion tables: resource types in order of first use, condition keys sorted
    assert_eq!(
        service.resource_types,
        vec![
            resource_type("thing", "Thing"),
            resource_type("other", "Other")
        ]
    );
    assert_eq!(
        service.condition_keys,
        vec![
            key("aws:RequestTag/${TagKey}", "AwsRequestTag"),
            key("aws:TagKeys", "AwsTagKeys"),
            key("demo:ResourceTag/${TagKey}", "DemoResourceTag"),
        ]
    );
}

#[test]
fn action_level_row_may_come_first() {
    let text = old(&[
        ["TagThing", "Tags", "Tagging", "", "aws:TagKeys", ""],
        ["TagThing", "Tags", "Tagging", "thing*", "", ""],
    ]);
    let service = Input::new(&text).ok();
    assert_eq!(
        service.actions,
        vec![Action {
            resource_types: vec![uses("thing", true, &[], &[])],
            condition_keys: strings(&["aws:TagKeys"]),
            ..action("TagThing", "TagThing", "Tags", &[Tagging])
        }]
    );
}

#[test]
fn sub_rows_with_different_descriptions_disagree() {
    let text = old(&[PING, ["Ping", "Says hullo", "Read", "other", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at(&text, "Says hullo")),
            "sub-rows of `Ping` disagree: this description `Says hullo` differs from `Says hello` at line 4; \
             every row of an action repeats the same description"
        )
    );
}

#[test]
fn sub_rows_with_different_access_levels_disagree() {
    let text = old(&[PING, ["Ping", "Says hello", "Write", "other", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at(&text, "Write")),
            "sub-rows of `Ping` disagree: this access level `Write` differs from `Read` at line 4; \
             every row of an action repeats the same access level"
        )
    );
}

/// The one fault is that the rows stand apart: it is not also an identifier collision ("rename one").
#[test]
fn action_repeated_apart_from_its_group_is_one_problem() {
    let text = old(&[
        PING,
        ["Pong", "Says hello back", "Read", "", "", ""],
        ["Ping", "Says hello", "Read", "other", "", ""],
    ]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at_nth(&text, "Ping", 1)),
            "`Ping` appears again, apart from its rows at line 4: keep all rows of an action together"
        )
    );
}

#[test]
fn action_repeated_in_another_case() {
    let text = old(&[
        PING,
        ["Pong", "Says hello back", "Read", "", "", ""],
        ["ping", "Says hello", "Read", "other", "", ""],
    ]);
    let problems = Input::new(&text).problems();
    assert_eq!(
        problems[0],
        problem(
            in_actions(at_nth(&text, "ping", 0)),
            "`ping` is `Ping` in another case (IAM names ignore case), apart from its rows at line 4: \
             keep all rows of an action together"
        )
    );
}

#[test]
fn unknown_access_level_lists_the_expected_ones() {
    let text = old(&[["Ping", "Says hello", "Wrte", "", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at(&text, "Wrte")),
            "unknown access level `Wrte`: expected one of `List`, `Read`, `Write`, \
             `Permissions management`, `Tagging`; did you mean `Write`?"
        )
    );
}

#[test]
fn unknown_second_access_level_is_placed_on_its_word() {
    let text = old(&[["Ping", "Says hello", "Tagging,  Wrte", "", "", ""]]);
    let problem = Input::new(&text).problem();
    assert_eq!(problem.place, in_actions(at(&text, "Wrte")));
    assert!(
        problem
            .message
            .starts_with("unknown access level `Wrte`: expected one of `List`"),
        "{}",
        problem.message
    );
}

#[test]
fn unknown_access_level_on_a_wrapped_line_is_placed_on_that_line() {
    let text = old(&[["Ping", "Says hello", "Tagging,\nWrte", "", "", ""]]);
    let problem = Input::new(&text).problem();
    assert_eq!(problem.place, in_actions(at(&text, "Wrte")));
}

#[test]
fn empty_or_repeated_access_level() {
    let text = old(&[["Ping", "Says hello", "", "", "", ""]]);
    let empty_cell = cell_start(&text, 4, 3);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(empty_cell),
            "empty access level: write one of `List`, `Read`, `Write`, `Permissions management`, `Tagging`"
        )
    );
    let text = old(&[["Ping", "Says hello", "Write, Write", "", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at_nth(&text, "Write", 1)),
            "access level `Write` is named twice in one cell: delete one"
        )
    );
}

#[test]
fn a_cut_access_level_that_fits_one_level_is_read() {
    let text = old(&[["Ping", "Says hello", "Permissions manage…", "", "", ""]]);
    let service = Input::new(&text).ok();
    assert_eq!(service.actions[0].access_levels, [PermissionsManagement]);
}

#[test]
fn several_tables_in_one_file() {
    let first = old(&[PING, ["Pong", "Says hello back", "Write", "", "", ""]]);
    let second = old(&[["Zap", "Permission only", "Write", "", "", ""]]);
    let text = format!("{first}\n  Permission-only actions\n\n{second}");
    let service = Input::new(&text).ok();
    assert_eq!(names_of(&service), ["Ping", "Pong", "Zap"]);
    assert_eq!(
        service.actions[2],
        action("Zap", "Zap", "Permission only", &[Write])
    );
}

#[test]
fn several_tables_in_the_newer_layout() {
    let first = draw(&NEW, &[["GetThing", "Gets", "thing*", "", "Read"]]);
    let second = draw(&NEW, &[["PassThing", "Passes", "", "", "Write"]]);
    let text = format!("{first}{second}");
    let service = Input::new(&text).ok();
    assert_eq!(names_of(&service), ["GetThing", "PassThing"]);
}

#[test]
fn rows_of_different_tables_never_merge() {
    let first = old(&[PING]);
    let second = old(&[PING]);
    let text = format!("{first}\n{second}");
    let problems = Input::new(&text).problems();
    assert_eq!(
        problems[0],
        problem(
            in_actions(at_nth(&text, "Ping", 1)),
            "`Ping` appears again, apart from its rows at line 4: keep all rows of an action together"
        )
    );
}

#[test]
fn two_rows_without_resource_type() {
    let text = old(&[
        ["Ping", "Says hello", "Read", "", "aws:TagKeys", ""],
        ["Ping", "Says hello", "Read", "", "", "demo:Pong"],
    ]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at_nth(&text, "Ping", 1)),
            "`Ping` has a second row without a resource type (the first is at line 4): put its condition \
             keys and dependent actions on one row"
        )
    );
}

#[test]
fn resource_type_named_twice_by_one_action() {
    let text = old(&[PING, ["Ping", "Says hello", "Read", "thing", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at_nth(&text, "thing", 1)),
            "`Ping` names resource type `thing` twice: merge the two rows"
        )
    );
}

#[test]
fn lone_star_and_two_resource_types_in_one_cell() {
    let text = old(&[["Ping", "Says hello", "Read", "*", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at_nth(&text, "*", 1)),
            "a lone `*`: write the resource type before it"
        )
    );
    let text = old(&[["Ping", "Says hello", "Read", "thing*\nother", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at(&text, "other")),
            "this resource type cell holds 2 lines: a row holds one resource type; give each its own row"
        )
    );
}

#[test]
fn empty_action_name_and_two_line_action_name() {
    let text = old(&[PING, ["", "Says hello", "Read", "other", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(Pos::new(at_nth(&text, "Says hello", 1).line, 2)),
            "empty action name: every row names its action, also the second and later rows of one action"
        )
    );
    let text = old(&[["Ping\nPong", "Says hello", "Read", "", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at(&text, "Pong")),
            "this action name cell holds 2 lines: a row holds one action name; give each its own row"
        )
    );
}

/// A value listed twice in one cell is taken once: the Service Authorization Reference's lists are sets
/// ("The Condition keys column of the Actions defined by … table includes keys that you can specify in
/// a policy statement's Condition element": a key applies or not), and the s3 page itself repeats
/// `s3:signatureversion` in one cell.
#[test]
fn value_listed_twice_in_one_cell_is_taken_once() {
    let text = old(&[[
        "Ping",
        "Says hello",
        "Read",
        "",
        "aws:TagKeys\naws:RequestTag/${TagKey}\naws:TagKeys",
        "ecr:Pong\necr:Pong",
    ]]);
    let service = Input::new(&text).ok();
    assert_eq!(
        service.actions[0].condition_keys,
        ["aws:TagKeys", "aws:RequestTag/${TagKey}"]
    );
    assert_eq!(service.actions[0].dependent_actions, ["ecr:Pong"]);
}

#[test]
fn a_cut_description_is_kept_verbatim() {
    let text = old(&[[
        "Ping",
        "Grants permission to\nretrieve configurati…",
        "Read",
        "",
        "",
        "",
    ]]);
    let service = Input::new(&text).ok();
    assert_eq!(
        service.actions[0].description,
        "Grants permission to retrieve configurati…"
    );
}

// ---------------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------------

#[test]
fn unknown_column() {
    let mut header = OLD;
    header[1] = "Descripton";
    let text = draw(&header, &[PING]);
    assert_eq!(
        Input::new(&text).problems(),
        vec![
            problem(
                in_actions(Pos::new(1, 1)),
                "an actions table has no `Description` column: add it to the header"
            ),
            problem(
                in_actions(at(&text, "Descripton")),
                "unknown column `Descripton` in an actions table: expected one of `Actions`, \
                 `Description`, `Access level`, `Resource types`, `Condition keys`, `Dependent actions`; \
                 did you mean `Description`?"
            ),
        ]
    );
}

#[test]
fn missing_and_repeated_columns() {
    let text = draw(
        &["Actions", "Description", "Access level", "Resource types"],
        &[["Ping", "Says hello", "Read", ""]],
    );
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(Pos::new(1, 1)),
            "an actions table has no `Condition keys` column: add it to the header"
        )
    );
    let mut header = OLD.to_vec();
    header.push("Description");
    let text = draw(
        &header,
        &[["Ping", "Says hello", "Read", "", "", "", "Again"]],
    );
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at_nth(&text, "Description", 1)),
            "the header names `Description` twice: delete one of the columns"
        )
    );
}

#[test]
fn empty_table_and_no_table() {
    let text = draw(&OLD, &[] as &[[&str; 6]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(Pos::new(1, 1)),
            "empty table: this actions table has no rows; add at least one action, or delete the table"
        )
    );
    let text = "  Last updated: 2026-04-02T09:30:00+00:00\n\nNothing drawn here.\n";
    assert_eq!(
        Input::new(text).problem(),
        problem(
            in_actions(Pos::new(1, 1)),
            "no table found: an actions table is drawn with box characters, starting with `┏━┳━┓`"
        )
    );
}

#[test]
fn drawing_faults_become_problems_at_their_place() {
    let text = old(&[PING]).replace("│ Read ", "  Read ");
    let problem = Input::new(&text).problem();
    assert_eq!(problem.place, in_actions(Pos::new(4, 1)));
    assert!(
        problem.message.starts_with("ragged row: found 5 cells"),
        "{}",
        problem.message
    );
}

// ---------------------------------------------------------------------------------------------------
// `…` resolution
// ---------------------------------------------------------------------------------------------------

#[test]
fn cut_action_name_resolved_from_names() {
    let text = old(&[
        [
            "BatchGetImage",
            "Gets images",
            "Read",
            "repository*",
            "",
            "",
        ],
        [
            "BatchGetRepositoryScanningConfigur…",
            "Gets scanning configuration",
            "Read",
            "repository*",
            "",
            "",
        ],
    ]);
    let names = ["BatchGetRepositoryScanningConfiguration"];
    let service = Input::new(&text).names(&names).ok();
    assert_eq!(
        names_of(&service),
        ["BatchGetImage", "BatchGetRepositoryScanningConfiguration"]
    );
    assert_eq!(
        service.actions[1].ident,
        "BatchGetRepositoryScanningConfiguration"
    );
    assert_eq!(service.names, strings(&names));
}

#[test]
fn actions_cut_alike_take_the_listed_names_in_sorted_order() {
    let text = old(&[
        ["GetThingAttr…", "Gets alpha", "Read", "", "", ""],
        ["GetThingAttr…", "Gets mu", "Read", "thing*", "", ""],
        ["GetThingAttr…", "Gets mu", "Read", "other", "", ""],
        ["GetThingAttr…", "Gets zeta", "Read", "", "", ""],
    ]);
    let names = [
        "GetThingAttributeZeta",
        "GetThingAttributeAlpha",
        "GetThingAttributeMu",
    ];
    let service = Input::new(&text).names(&names).ok();
    assert_eq!(
        service.actions,
        vec![
            action(
                "GetThingAttributeAlpha",
                "GetThingAttributeAlpha",
                "Gets alpha",
                &[Read]
            ),
            Action {
                resource_types: vec![
                    uses("thing", true, &[], &[]),
                    uses("other", false, &[], &[])
                ],
                ..action(
                    "GetThingAttributeMu",
                    "GetThingAttributeMu",
                    "Gets mu",
                    &[Read]
                )
            },
            action(
                "GetThingAttributeZeta",
                "GetThingAttributeZeta",
                "Gets zeta",
                &[Read]
            ),
        ]
    );
}

#[test]
fn cut_action_name_without_its_full_name() {
    let text = old(&[["GetThingAttr…", "Gets", "Read", "", "", ""]]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at(&text, "GetThingAttr…")),
            "action name `GetThingAttr…` is cut: add its full name (it starts with `GetThingAttr`) to the \
             macro's `names`"
        )
    );
    // a name no longer than the cell is no fit: the renderer cuts only what does not fit
    let names = ["GetThingAttrs"];
    let problems = Input::new(&text).names(&names).problems();
    assert_eq!(problems[0].place, in_actions(at(&text, "GetThingAttr…")));
    assert!(
        problems[0]
            .message
            .starts_with("action name `GetThingAttr…` is cut: add its full name")
    );
}

#[test]
fn cut_action_name_fitting_two_names() {
    let text = old(&[["GetThingAttr…", "Gets", "Read", "", "", ""]]);
    let names = ["GetThingAttributeZeta", "GetThingAttributeAlpha"];
    assert_eq!(
        Input::new(&text).names(&names).problem(),
        problem(
            in_actions(at(&text, "GetThingAttr…")),
            "action name `GetThingAttr…` is cut and fits 2 listed names: `GetThingAttributeAlpha`, \
             `GetThingAttributeZeta`; keep only its own full name in `names`"
        )
    );
}

#[test]
fn actions_cut_alike_with_too_few_names() {
    let text = old(&[
        ["GetThingAttr…", "Gets alpha", "Read", "", "", ""],
        ["GetThingAttr…", "Gets zeta", "Read", "", "", ""],
    ]);
    let names = ["GetThingAttributeAlpha"];
    assert_eq!(
        Input::new(&text).names(&names).problem(),
        problem(
            in_actions(at(&text, "GetThingAttr…")),
            "2 actions are cut to `GetThingAttr…` (at lines 4, 6) but 1 listed names fit: \
             `GetThingAttributeAlpha`; `names` needs exactly one full name per cut action"
        )
    );
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at(&text, "GetThingAttr…")),
            "2 actions are cut to `GetThingAttr…` (at lines 4, 6): add their full names to the macro's `names`"
        )
    );
}

#[test]
fn cut_values_in_other_columns_resolve() {
    let text = old(&[[
        "Ping",
        "Says hello",
        "Read",
        "reposit…",
        "demo:ResourceTag/${TagK…",
        "demo:DescribeRepo…",
    ]]);
    let names = [
        "demo:DescribeRepositories",
        "repository*",
        "demo:ResourceTag/${TagKey}",
    ];
    let service = Input::new(&text).names(&names).ok();
    assert_eq!(
        service.actions[0].resource_types,
        vec![uses(
            "repository",
            true,
            &["demo:ResourceTag/${TagKey}"],
            &["demo:DescribeRepositories"]
        )]
    );
}

#[test]
fn cut_condition_key_fitting_two_names_is_ambiguous() {
    let text = old(&[
        ["Ping", "Says hello", "Read", "", "demo:Attest…", ""],
        ["Pong", "Says hello back", "Read", "", "demo:Attest…", ""],
    ]);
    let names = ["demo:AttestationPcr1", "demo:AttestationPcr0"];
    assert_eq!(
        Input::new(&text).names(&names).problem(),
        problem(
            in_actions(at(&text, "demo:Attest…")),
            "cut condition key `demo:Attest…` (1 more cell is cut alike) is ambiguous: it fits 2 listed \
             names: `demo:AttestationPcr0`, `demo:AttestationPcr1`; give each action's cut cells in \
             `names_for`, in table order, e.g. for `Ping` (check each value against AWS's page): \
             `names_for = { \"Ping\" = [\"demo:AttestationPcr1\"] }`"
        )
    );
}

#[test]
fn cut_value_that_fits_no_name() {
    let text = old(&[["Ping", "Says hello", "Read", "", "", "demo:DescribeRepo…"]]);
    let names = ["demo:ListRepositories"];
    assert_eq!(
        Input::new(&text).names(&names).problem(),
        problem(
            in_actions(at(&text, "demo:DescribeRepo…")),
            "dependent action `demo:DescribeRepo…` is cut: add its full value to the macro's `names`, or \
             write the cell out in the table"
        )
    );
}

#[test]
fn listed_name_that_resolves_nothing() {
    let text = old(&[["GetThingAttr…", "Gets", "Read", "", "", ""]]);
    let names = ["GetThingAttributes", "GetOtherThing"];
    assert_eq!(
        Input::new(&text).names(&names).problem(),
        problem(
            Place::Name(1),
            "`GetOtherThing` resolves no cut cell: no cell shows a beginning of it followed by `…`; delete \
             it from `names`"
        )
    );
}

#[test]
fn names_that_are_not_full_values() {
    let text = old(&[PING]);
    let names = ["", "GetThing…", " Padded ", "Twice", "Twice"];
    assert_eq!(
        Input::new(&text).names(&names).problems(),
        vec![
            problem(
                Place::Name(0),
                "empty name: `names` lists the full values of cells cut with `…`"
            ),
            problem(
                Place::Name(1),
                "`GetThing…` is cut itself: `names` lists the full values of cells cut with `…`"
            ),
            problem(
                Place::Name(2),
                "` Padded ` has blanks around it: delete them"
            ),
            problem(
                Place::Name(4),
                "`Twice` is listed twice (first as entry 4): delete this one"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------------

#[test]
fn upper_camel_cases_of_the_design() {
    for (name, ident) in [
        ("connect", "Connect"),
        ("repository", "Repository"),
        ("BatchGetImage", "BatchGetImage"),
        (
            "AssociateViaAWSService-EventsAndStates",
            "AssociateViaAWSServiceEventsAndStates",
        ),
        ("aws:RequestTag/${TagKey}", "AwsRequestTag"),
        ("aws:TagKeys", "AwsTagKeys"),
        ("aws:ResourceTag/${TagKey}", "AwsResourceTag"),
        ("ecr:ResourceTag/${TagKey}", "EcrResourceTag"),
        (
            "kms:EncryptionContext:${EncryptionContextKey}",
            "KmsEncryptionContext",
        ),
        ("s3:x-amz-acl", "S3XAmzAcl"),
        ("snake_case_name", "SnakeCaseName"),
        ("All", "All"),
    ] {
        assert_eq!(upper_camel(name).as_deref(), Some(ident), "{name}");
    }
}

#[test]
fn upper_camel_refuses_what_is_no_identifier() {
    for name in [
        "",
        "2fa",
        "-",
        "${TagKey}",
        "Café",
        "日本",
        "ALL",
        "COUNT",
        "SERVICE",
        "self",
        "Self",
    ] {
        assert_eq!(upper_camel(name), None, "{name}");
    }
}

/// Action names that differ only in ASCII case are one action for IAM (IAM User Guide, IAM JSON policy
/// elements: Action, "The prefix and the action name are case insensitive."): an error, like two
/// identical names.
#[test]
fn actions_that_differ_only_in_case_are_one_name() {
    let text = old(&[
        ["FooBar", "Camel", "Read", "", "", ""],
        ["Foobar", "Flat", "Read", "", "", ""],
    ]);
    assert_eq!(
        Input::new(&text).problem(),
        problem(
            in_actions(at(&text, "Foobar")),
            "`Foobar` is `FooBar` in another case (IAM names ignore case), apart from its rows at line 4: \
             keep all rows of an action together"
        )
    );
}

/// Distinct AWS names whose plain identifiers collide (`codebuild:environment.type` and
/// `codebuild:environmentType` are both listed in the Service Authorization Reference for CodeBuild)
/// each take their exact identifier; a name that collides with none keeps its plain one.
#[test]
fn resource_types_and_condition_keys_that_collide_take_exact_identifiers() {
    let text = old(&[
        ["Ping", "Says hello", "Read", "my-thing", "", ""],
        ["Pong", "Says hello back", "Read", "my_thing", "", ""],
        ["Puff", "Says hi", "Read", "other", "", ""],
    ]);
    let service = Input::new(&text).ok();
    let types: Vec<(&str, &str)> = service
        .resource_types
        .iter()
        .map(|t| (t.name.as_str(), t.ident.as_str()))
        .collect();
    assert_eq!(
        types,
        [
            ("my-thing", "My_hThing"),
            ("my_thing", "My_uThing"),
            ("other", "Other")
        ]
    );
    let text = old(&[
        [
            "Ping",
            "Says hello",
            "Read",
            "",
            "aws:RequestTag/${TagKey}\naws:TagKeys",
            "",
        ],
        [
            "Pong",
            "Says hello back",
            "Read",
            "",
            "aws:RequestTag\ncodebuild:environment.type\ncodebuild:environmentType",
            "",
        ],
    ]);
    let service = Input::new(&text).ok();
    let mut keys: Vec<(&str, &str)> = service
        .condition_keys
        .iter()
        .map(|k| (k.name.as_str(), k.ident.as_str()))
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            ("aws:RequestTag", "Aws_RequestTag"),
            ("aws:RequestTag/${TagKey}", "Aws_RequestTag_s_vTagKey"),
            ("aws:TagKeys", "AwsTagKeys"),
            ("codebuild:environment.type", "Codebuild_Environment_dType"),
            ("codebuild:environmentType", "Codebuild_EnvironmentType"),
        ]
    );
}

/// A name's identifier does not change when the table gains a name unrelated to it (one whose plain
/// identifier is another): AWS adds keys to its pages over time, and a user's code names the variants.
#[test]
fn identifiers_are_stable_when_an_unrelated_name_is_added() {
    let idents = |keys: &'static str| {
        let text = old(&[["Ping", "Says hello", "Read", "", keys, ""]]);
        let mut keys: Vec<(String, String)> = Input::new(&text)
            .ok()
            .condition_keys
            .into_iter()
            .map(|k| (k.name, k.ident))
            .collect();
        keys.sort_unstable();
        keys
    };
    let before = idents("codebuild:environment.type\ncodebuild:environmentType\naws:TagKeys");
    let after = idents(
        "codebuild:environment.type\ncodebuild:environmentType\naws:TagKeys\naws:RequestTag/${TagKey}\ncodebuild:source.type",
    );
    for pair in &before {
        assert!(after.contains(pair), "{pair:?} changed: {after:?}");
    }
}

/// The exact identifier is injective up to ASCII case: every pair of names up to four pieces long over
/// letters, digits, every separator AWS uses and a placeholder either differs in its identifier or is
/// the same name up to case (which IAM does not tell apart).
#[test]
fn exact_identifiers_are_injective_up_to_case() {
    let pieces = [
        "a", "A", "b", "1", ":", ".", "-", "/", "_", "*", "${X}", "${x}", "X", "x", "=",
    ];
    let mut names = vec![String::new()];
    for _ in 0..4 {
        let longer: Vec<String> = names
            .iter()
            .flat_map(|n| pieces.iter().map(move |p| format!("{n}{p}")))
            .collect();
        names.extend(longer);
    }
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut made = 0;
    for name in &names {
        let Some(ident) = ecr_actions_codegen::ident::exact(name) else {
            continue;
        };
        made += 1;
        if let Some(other) = seen.insert(ident.clone(), name.clone()) {
            assert!(
                other.eq_ignore_ascii_case(name),
                "`{other}` and `{name}` both become `{ident}`"
            );
        }
    }
    // The cases reach the encoder: the names that start with one of the 5 letter pieces (of 15) get an
    // identifier, a third of all.
    assert!(made >= names.len() / 3, "{made} of {}", names.len());
}

/// Each cell value is read by its kind's grammar, and a value outside it is refused at its cell, never
/// made a variant: the Service Authorization Reference names actions like `ecr:BatchGetImage` (and
/// `vpc-lattice:AssociateViaAWSService-EventsAndStates`), resource types like `repository`, condition
/// keys like `aws:RequestTag/${TagKey}` and dependent actions like `iam:PassRole`; none holds a control
/// character, a space, `**` or `...`.
#[test]
fn values_outside_their_grammar() {
    for name in ["2Fa", "Café", "-", "Get...", "Get**"] {
        let text = old(&[[name, "Odd", "Read", "", "", ""]]);
        let got = Input::new(&text).problem();
        assert_eq!(got.place, in_actions(at(&text, name)), "{name}");
        assert!(
            got.message.starts_with(&format!("action name `{name}` ")),
            "{name}: {}",
            got.message
        );
    }
    for (resource, keys, deps, bad, fault) in [
        ("repos itory**", "", "", "repos itory**", "holds a space"),
        ("repos itory*", "", "", "repos itory*", "holds a space"),
        ("repository**", "", "", "repository**", "ends with `**`"),
        ("größe", "", "", "größe", "holds `ö`"),
        (
            "thing*",
            "aws:Tag...Keys",
            "",
            "aws:Tag...Keys",
            "holds `..`",
        ),
        (
            "thing*",
            "aws:Tag\u{7}Keys",
            "",
            "aws:Tag\u{7}Keys",
            "U+0007",
        ),
        (
            "thing*",
            "aws:TagKeys",
            "PassRole",
            "PassRole",
            "has no `:`",
        ),
        (
            "thing*",
            "aws:TagKeys",
            "iam:Pass Role",
            "iam:Pass Role",
            "holds a space",
        ),
    ] {
        let text = old(&[["Ping", "Says hello", "Read", resource, keys, deps]]);
        let got = Input::new(&text).problem();
        assert_eq!(got.place, in_actions(at(&text, bad)), "{bad}");
        assert!(got.message.contains(fault), "{bad}: {}", got.message);
        assert!(
            got.message.ends_with("; correct the cell"),
            "{}",
            got.message
        );
    }
}

#[test]
fn names_that_clash_with_the_generated_items() {
    for (name, made) in [
        ("ALL", "ALL"),
        ("Self", "Self"),
        ("self", "Self"),
        ("COUNT", "COUNT"),
    ] {
        let text = old(&[[name, "Odd", "Read", "", "", ""]]);
        assert_eq!(
            Input::new(&text).problem(),
            problem(
                in_actions(at(&text, name)),
                &format!(
                    "action `{name}` would become the variant `{made}`, which clashes with the generated \
                     `{made}` item of the enum; rename it in the table"
                )
            ),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// Companion tables
// ---------------------------------------------------------------------------------------------------

fn companion_actions() -> String {
    old(&[
        [
            "CreateThing",
            "Creates",
            "Write",
            "",
            "aws:RequestTag/${TagKey}\naws:TagKeys",
            "",
        ],
        ["GetThing", "Gets", "Read", "thing*", "", ""],
        ["GetThing", "Gets", "Read", "other", "", ""],
    ])
}

fn resource_types_table() -> String {
    draw(
        &RESOURCE_TYPES,
        &[
            [
                "other",
                "arn:${Partition}:demo:${Region}:${Account}:other/${OtherId}",
                "",
            ],
            [
                "thing",
                "arn:${Partition}:demo:${Region}:${Account}:thing/${ThingName}",
                "aws:ResourceTag/${TagKey}\ndemo:ResourceTag/${TagKey}",
            ],
        ],
    )
}

fn condition_keys_table() -> String {
    draw(
        &CONDITION_KEYS,
        &[
            [
                "aws:RequestTag/${TagKey}",
                "Filters access by the tags that\nare passed in the request",
                "String",
            ],
            [
                "aws:ResourceTag/${TagKey}",
                "Filters access by the tags",
                "String",
            ],
            [
                "aws:TagKeys",
                "Filters access by the tag keys",
                "ArrayOfString",
            ],
            [
                "demo:ResourceTag/${TagKey}",
                "Filters access by tag",
                "String",
            ],
        ],
    )
}

#[test]
fn companion_tables_give_arn_formats_descriptions_and_types() {
    let (actions, types, keys) = (
        companion_actions(),
        resource_types_table(),
        condition_keys_table(),
    );
    let service = Input::new(&actions)
        .resource_types(&types)
        .condition_keys(&keys)
        .ok();
    assert_eq!(
        service.resource_types,
        vec![
            ResourceType {
                arn_format: Some(
                    "arn:${Partition}:demo:${Region}:${Account}:other/${OtherId}".to_owned()
                ),
                ..resource_type("other", "Other")
            },
            ResourceType {
                arn_format: Some(
                    "arn:${Partition}:demo:${Region}:${Account}:thing/${ThingName}".to_owned()
                ),
                condition_keys: strings(&[
                    "aws:ResourceTag/${TagKey}",
                    "demo:ResourceTag/${TagKey}"
                ]),
                ..resource_type("thing", "Thing")
            },
        ]
    );
    let string = Some(ConditionValueType::String);
    assert_eq!(
        service.condition_keys,
        vec![
            ConditionKey {
                description: Some(
                    "Filters access by the tags that are passed in the request".to_owned()
                ),
                value_type: string,
                ..key("aws:RequestTag/${TagKey}", "AwsRequestTag")
            },
            ConditionKey {
                description: Some("Filters access by the tags".to_owned()),
                value_type: string,
                ..key("aws:ResourceTag/${TagKey}", "AwsResourceTag")
            },
            ConditionKey {
                description: Some("Filters access by the tag keys".to_owned()),
                value_type: Some(ConditionValueType::ArrayOfString),
                ..key("aws:TagKeys", "AwsTagKeys")
            },
            ConditionKey {
                description: Some("Filters access by tag".to_owned()),
                value_type: string,
                ..key("demo:ResourceTag/${TagKey}", "DemoResourceTag")
            },
        ]
    );
    assert_eq!(
        "ArrayOfString"
            .parse::<ConditionValueType>()
            .map(|t| t.variant()),
        Ok("ArrayOfString")
    );
}

#[test]
fn resource_type_missing_from_the_resource_types_table() {
    let actions = old(&[
        ["GetThing", "Gets", "Read", "thing*", "", ""],
        ["GetThing", "Gets", "Read", "ghost", "", ""],
    ]);
    let types = resource_types_table();
    assert_eq!(
        Input::new(&actions).resource_types(&types).problem(),
        problem(
            in_actions(at(&actions, "ghost")),
            "`GetThing` uses resource type `ghost`, which the resource-types table does not list: add a \
             row for it there, or correct the name"
        )
    );
}

#[test]
fn condition_key_missing_from_the_condition_keys_table() {
    let actions = old(&[
        ["GetThing", "Gets", "Read", "thing*", "", ""],
        ["GetThing", "Gets", "Read", "", "demo:Ghost", ""],
    ]);
    let keys = condition_keys_table();
    assert_eq!(
        Input::new(&actions).condition_keys(&keys).problem(),
        problem(
            in_actions(at(&actions, "demo:Ghost")),
            "condition key `demo:Ghost` is not in the condition-keys table: add a row for it there, or \
             correct the name"
        )
    );
    // a key of the resource-types table is placed there
    let types = draw(
        &RESOURCE_TYPES,
        &[[
            "thing",
            "arn:${Partition}:demo:::thing/${Id}",
            "demo:Spooky",
        ]],
    );
    let actions = old(&[["GetThing", "Gets", "Read", "thing*", "", ""]]);
    assert_eq!(
        Input::new(&actions)
            .resource_types(&types)
            .condition_keys(&keys)
            .problem(),
        problem(
            Place::Table(Source::ResourceTypes, at(&types, "thing")),
            "condition key `demo:Spooky` is not in the condition-keys table: add a row for it there, or \
             correct the name"
        )
    );
}

#[test]
fn unknown_condition_key_type() {
    let keys = draw(
        &CONDITION_KEYS,
        &[[
            "aws:TagKeys",
            "Filters access by the tag keys",
            "ArrayOfStrings",
        ]],
    );
    let actions = old(&[["Ping", "Says hello", "Read", "", "aws:TagKeys", ""]]);
    let problem = Input::new(&actions).condition_keys(&keys).problem();
    assert_eq!(
        problem.place,
        Place::Table(Source::ConditionKeys, at(&keys, "ArrayOfStrings"))
    );
    assert!(
        problem.message.starts_with(
            "unknown condition key type `ArrayOfStrings`: expected one of `String`, `ArrayOfString`, `ARN`"
        ),
        "{}",
        problem.message
    );
    assert!(
        problem
            .message
            .ends_with("`Binary`, `ArrayOfBinary`; did you mean `ArrayOfString`?"),
        "{}",
        problem.message
    );
}

#[test]
fn companion_table_faults() {
    let actions = old(&[PING]);
    // a condition key without a type
    let keys = draw(&CONDITION_KEYS, &[["aws:TagKeys", "Filters", ""]]);
    let problem = Input::new(&actions).condition_keys(&keys).problem();
    assert_eq!(
        problem,
        self::problem(
            Place::Table(Source::ConditionKeys, cell_start(&keys, 4, 3)),
            "condition key `aws:TagKeys` has no type: write one, e.g. `String`"
        )
    );
    // a resource type given two rows
    let types = draw(
        &RESOURCE_TYPES,
        &[["thing", "arn:a", ""], ["thing", "arn:b", ""]],
    );
    assert_eq!(
        Input::new(&actions).resource_types(&types).problem(),
        self::problem(
            Place::Table(Source::ResourceTypes, at_nth(&types, "thing", 1)),
            "resource type `thing` has two rows: delete one"
        )
    );
    // a companion table with the wrong columns
    let types = draw(&["Resource types", "ARN"], &[["thing", "arn:a"]]);
    let header_problem = self::problem(
        Place::Table(Source::ResourceTypes, Pos::new(1, 1)),
        "a resource-types table has no `Condition keys` column: add it to the header",
    );
    assert!(
        Input::new(&actions)
            .resource_types(&types)
            .problems()
            .contains(&header_problem)
    );
    // a companion file without a table
    assert_eq!(
        Input::new(&actions).condition_keys("\n").problem(),
        self::problem(
            Place::Table(Source::ConditionKeys, Pos::new(1, 1)),
            "no table found: a condition-keys table is drawn with box characters, starting with `┏━┳━┓`"
        )
    );
}

/// A companion table refused for its header was not read: its rows are not missing.
#[test]
fn companion_table_with_a_wrong_header_is_one_problem() {
    let actions = old(&[["Ping", "Says hello", "Read", "thing*", "aws:TagKeys", ""]]);
    let types = draw(&["Resource types", "ARN"], &[["thing", "arn:a"]]);
    assert_eq!(
        Input::new(&actions).resource_types(&types).problem(),
        problem(
            Place::Table(Source::ResourceTypes, Pos::new(1, 1)),
            "a resource-types table has no `Condition keys` column: add it to the header"
        )
    );
    let keys = draw(
        &["Condition keys", "Description"],
        &[["aws:TagKeys", "Filters"]],
    );
    assert_eq!(
        Input::new(&actions).condition_keys(&keys).problem(),
        problem(
            Place::Table(Source::ConditionKeys, Pos::new(1, 1)),
            "a condition-keys table has no `Type` column: add it to the header"
        )
    );
}

#[test]
fn the_seed_with_its_companion_tables() {
    let actions = include_str!("../../spec/ecr-actions.txt");
    let types = include_str!("../../spec/ecr-resource-types.txt");
    let keys = include_str!("../../spec/ecr-condition-keys.txt");
    let names = ["BatchGetRepositoryScanningConfiguration"];
    let service = Input::new(actions)
        .service("ecr")
        .names(&names)
        .resource_types(types)
        .condition_keys(keys)
        .ok();
    assert_eq!(service.prefix, "ecr");
    assert_eq!(
        service.last_updated.as_deref(),
        Some("2022-11-10T16:11:37+00:00")
    );
    assert_eq!(
        service.resource_types,
        vec![ResourceType {
            arn_format: Some(
                "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}".to_owned()
            ),
            condition_keys: strings(&["aws:ResourceTag/${TagKey}", "ecr:ResourceTag/${TagKey}"]),
            ..resource_type("repository", "Repository")
        }]
    );
    let keys: Vec<(&str, &str, Option<&str>)> = service
        .condition_keys
        .iter()
        .map(|k| {
            (
                k.name.as_str(),
                k.ident.as_str(),
                k.value_type.map(|t| t.as_str()),
            )
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("aws:RequestTag/${TagKey}", "AwsRequestTag", Some("String")),
            (
                "aws:ResourceTag/${TagKey}",
                "AwsResourceTag",
                Some("String")
            ),
            ("aws:TagKeys", "AwsTagKeys", Some("ArrayOfString")),
            (
                "ecr:ResourceTag/${TagKey}",
                "EcrResourceTag",
                Some("String")
            ),
        ]
    );
    let create = service
        .actions
        .iter()
        .find(|a| a.name == "CreateRepository")
        .unwrap();
    assert_eq!(
        create.condition_keys,
        ["aws:RequestTag/${TagKey}", "aws:TagKeys"]
    );
    assert!(names_of(&service).contains(&"BatchGetRepositoryScanningConfiguration"));
}

// ---------------------------------------------------------------------------------------------------
// The service prefix
// ---------------------------------------------------------------------------------------------------

#[test]
fn bad_service_prefix() {
    let text = old(&[PING]);
    for bad in ["ECR", "ec r", "", "ecr:", "écr"] {
        assert_eq!(
            Input::new(&text).service(bad).problem(),
            problem(
                Place::Service,
                &format!(
                    "`{bad}` is not an IAM service prefix: use lowercase ASCII letters, digits and `-`, e.g. `ecr`"
                )
            ),
            "{bad}"
        );
    }
    for good in ["ecr", "ecr-public", "s3", "route53-recovery-control-config"] {
        assert_eq!(Input::new(&text).service(good).ok().prefix, good);
    }
}

#[test]
fn every_problem_is_reported_together() {
    let text = old(&[
        ["Ping", "Says hello", "Wrte", "", "", ""],
        ["Pong", "Says hello back", "Raed", "", "", ""],
    ]);
    let problems = Input::new(&text).service("ECR").problems();
    let places: Vec<&Place> = problems.iter().map(|p| &p.place).collect();
    assert_eq!(
        places,
        [
            &Place::Service,
            &in_actions(at(&text, "Wrte")),
            &in_actions(at(&text, "Raed")),
        ]
    );
}

#[test]
fn an_empty_second_table_is_an_error() {
    let first = old(&[PING]);
    let empty = "┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓\n\
                 ┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃\n\
                 ┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩\n\
                 └─────────┴─────────────┴──────────────┴────────────────┴────────────────┘\n";
    let text = format!("{first}{empty}");
    let line = text.lines().count() - 3;
    let problem = Input::new(&text).problem();
    assert_eq!(
        problem.place,
        Place::Table(Source::Actions, Pos::new(line, 1))
    );
    assert!(
        problem.message.starts_with("empty table"),
        "{}",
        problem.message
    );
}
