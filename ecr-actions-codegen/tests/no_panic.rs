//! Nothing in the codegen panics, on any input: `table::read`, `Service::from_tables` and `expand_in` are
//! fed random text (rich in box-drawing characters), randomly drawn tables, and the seed table mutated
//! (a character replaced, inserted or deleted; lines deleted, duplicated or swapped; the text truncated).
//! A few specific mutations of the seed must also be refused, never silently accepted.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;
use common::draw;

use std::path::Path;

use ecr_actions_codegen::model::{Service, Tables};
use ecr_actions_codegen::problem::{MAX_REPORTED, Place, Problem, Source};
use ecr_actions_codegen::table::{self, Pos};
use proc_macro2::TokenStream;
use proptest::prelude::*;
use proptest::test_runner::Config;
use quote::quote;

const SEED: &str = include_str!("../../spec/ecr-actions.txt");
const SEED_RESOURCE_TYPES: &str = include_str!("../../spec/ecr-resource-types.txt");
const SEED_CONDITION_KEYS: &str = include_str!("../../spec/ecr-condition-keys.txt");
const SEED_NAME: &str = "BatchGetRepositoryScanningConfiguration";

/// 256 cases per property, so that the file runs in a few seconds in debug mode; `PROPTEST_CASES`
/// asks for more.
fn config() -> Config {
    let default = Config::default();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            default.cases
        } else {
            256
        },
        // Only the files this suite owns may change: no regression files next to the sources.
        failure_persistence: None,
        ..default
    }
}

// ---------------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------------

/// Characters the reader gives meaning to, and a few that are several bytes wide or blank.
const ALPHABET: &[char] = &[
    '┏', '━', '┳', '┓', '┃', '┡', '╇', '┩', '│', '├', '┼', '┤', '└', '┴', '┘', '…', '*', ' ', ' ',
    '\n', '\n', '\r', '\t', ',', ':', '/', '$', '{', '}', '-', 'a', 'R', '7', 'é', '日',
    '\u{feff}', '╭', '─',
];

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::sample::select(ALPHABET),
        1 => any::<char>(),
    ]
}

/// Random text, mostly box characters and newlines.
fn box_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(), 0..400).prop_map(|chars| chars.into_iter().collect())
}

/// Words that mean something in some cell or header of some table.
const WORDS: &[&str] = &[
    "",
    "Actions",
    "Action",
    "Description",
    "Access level",
    "Resource types",
    "(*required)",
    "Resource types (*required)",
    "Condition keys",
    "Dependent actions",
    "ARN",
    "Type",
    "List",
    "Read",
    "Write",
    "Tagging, Write",
    "Permissions management",
    "Permissions",
    "management",
    "Permi…",
    "Wrte",
    "repository*",
    "repository",
    "repo…",
    "*",
    "…",
    "thing",
    "aws:TagKeys",
    "aws:RequestTag/${TagKey}",
    "aws:RequestTag",
    "ecr:ResourceTag/${TagKey}",
    "ecr:Resource…",
    "ecr:BatchGetImage",
    "String",
    "ArrayOfString",
    "Strng",
    "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}",
    "BatchGetImage",
    "BatchGetRepositoryScanningConfigur…",
    "GetThing…",
    "Foo-Bar",
    "FooBar",
    "foobar",
    "ALL",
    "Self",
    "2fa",
    "Café",
    "Grants permission to",
    "Last updated: 2022-11-10T16:11:37+00:00",
];

/// Full names a `names` argument may list.
const NAMES: &[&str] = &[
    "BatchGetRepositoryScanningConfiguration",
    "GetThingOne",
    "GetThingTwo",
    "repository*",
    "repository",
    "ecr:ResourceTag/${TagKey}",
    "ecr:ResourceTagged",
    "Permissions management",
    "",
    "Cut…",
    " padded ",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_owned),
        1 => "[a-zA-Z:*/${}…-]{0,12}",
        1 => prop::collection::vec(any_char(), 0..6).prop_map(|c| c.into_iter().collect()),
    ]
}

/// A cell: one to three lines.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => word(),
        1 => (word(), word()).prop_map(|(a, b)| format!("{a}\n{b}")),
        1 => (word(), word(), word()).prop_map(|(a, b, c)| format!("{a}\n{b}\n{c}")),
    ]
}

/// A header: one of the layouts the reference uses, or random words.
fn header() -> impl Strategy<Value = Vec<String>> {
    let layouts: Vec<Vec<String>> = [
        &[
            "Actions",
            "Description",
            "Access level",
            "Resource types (*required)",
            "Condition keys",
            "Dependent actions",
        ][..],
        &[
            "Actions",
            "Description",
            "Resource types\n(*required)",
            "Condition keys",
            "Access level",
        ],
        &["Resource types", "ARN", "Condition keys"],
        &["Condition keys", "Description", "Type"],
    ]
    .iter()
    .map(|h| h.iter().map(|s| (*s).to_owned()).collect())
    .collect();
    prop_oneof![
        4 => prop::sample::select(layouts),
        1 => prop::collection::vec(word(), 1..7),
    ]
}

/// One table drawn the way the renderer draws it, with random cells.
fn drawn_table() -> impl Strategy<Value = String> {
    header().prop_flat_map(|header| {
        let columns = header.len();
        let row = prop::collection::vec(cell(), columns..=columns);
        prop::collection::vec(row, 0..6).prop_map(move |rows| draw(&header, &rows))
    })
}

/// A file of one or more drawn tables, maybe with a title and captions.
fn drawn_file() -> impl Strategy<Value = String> {
    (
        prop::option::of(Just("   Last updated: 2026-04-02T09:30:00+00:00")),
        prop::collection::vec(drawn_table(), 1..3),
        prop::option::of(word()),
    )
        .prop_map(|(title, tables, caption)| {
            let mut out = title.map(|t| format!("{t}\n")).unwrap_or_default();
            for (i, table) in tables.iter().enumerate() {
                if i > 0
                    && let Some(caption) = &caption
                {
                    out.push_str(&format!("\n{caption}\n\n"));
                }
                out.push_str(table);
            }
            out
        })
}

fn names() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        1 => Just(Vec::new()),
        4 => Just(vec![SEED_NAME.to_owned()]),
        2 => prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(NAMES).prop_map(str::to_owned),
                1 => word(),
            ],
            0..4,
        ),
    ]
}

/// Mostly a value from `good`, sometimes one from `bad`.
fn pick(
    good: &'static [&'static str],
    bad: &'static [&'static str],
) -> impl Strategy<Value = String> {
    prop_oneof![
        40 => prop::sample::select(good).prop_map(str::to_owned),
        1 => prop::sample::select(bad).prop_map(str::to_owned),
    ]
}

const ACTION_NAMES: &[&str] = &[
    "BatchGetImage",
    "BatchGetRepositoryScanningConfigur…",
    "CreateRepository",
    "DescribeImages",
    "GetThingOne",
    "ListImages",
    "PutImage",
    "TagResource",
    "connect",
    "AssociateViaAWSService-EventsAndStates",
];
const BAD_ACTION_NAMES: &[&str] = &["Foo-Bar", "FooBar", "ALL", "2fa", "GetThing…", "", "Café"];
const DESCRIPTIONS: &[&str] = &[
    "Grants permission to\nget things",
    "Says hello",
    "Grants permission to retrieve\nconfigurati…",
];
const BAD_DESCRIPTIONS: &[&str] = &["", "…"];
const LEVELS: &[&str] = &[
    "List",
    "Read",
    "Write",
    "Tagging",
    "Permissions management",
    "Tagging, Write",
    "Permissions\nmanagement",
    "Permissions management,\nWrite",
];
const BAD_LEVELS: &[&str] = &["Wrte", "", "Write, Write", "…", "Permi…"];
const RESOURCES: &[&str] = &["repository*", "repository", "thing*", "other"];
const BAD_RESOURCES: &[&str] = &["repo…", "*", "ghost", "my-thing\nmy_thing"];
const KEYS: &[&str] = &[
    "",
    "aws:TagKeys",
    "aws:RequestTag/${TagKey}\naws:TagKeys",
    "ecr:ResourceTag/${TagKey}",
];
const BAD_KEYS: &[&str] = &[
    "ecr:Resource…",
    "aws:RequestTag",
    "aws:TagKeys\naws:TagKeys",
    "…",
];
const DEPENDENT: &[&str] = &["", "ecr:BatchGetImage", "kms:Decrypt\nkms:Encrypt"];
const BAD_DEPENDENT: &[&str] = &["ecr:Get…", "ecr:BatchGetRepositoryScanningConf…"];

/// The sub-rows of one action: `[name, description, access level, resource type, condition keys,
/// dependent actions]` each, the first three repeated on every sub-row.
fn action_rows() -> impl Strategy<Value = Vec<[String; 6]>> {
    (
        pick(ACTION_NAMES, BAD_ACTION_NAMES),
        pick(DESCRIPTIONS, BAD_DESCRIPTIONS),
        pick(LEVELS, BAD_LEVELS),
        prop::collection::vec(
            (
                pick(RESOURCES, BAD_RESOURCES),
                pick(KEYS, BAD_KEYS),
                pick(DEPENDENT, BAD_DEPENDENT),
            ),
            0..3,
        ),
        prop::option::of((pick(KEYS, BAD_KEYS), pick(DEPENDENT, BAD_DEPENDENT))),
    )
        .prop_map(|(name, description, level, mut uses, action_level)| {
            let mut seen = Vec::new();
            uses.retain(|(r, _, _)| {
                let bare = r.trim_end_matches('*').to_owned();
                let fresh = !seen.contains(&bare);
                seen.push(bare);
                fresh
            });
            let mut rows: Vec<[String; 6]> = uses
                .into_iter()
                .map(|(r, k, d)| [name.clone(), description.clone(), level.clone(), r, k, d])
                .collect();
            if rows.is_empty() || action_level.is_some() {
                let (k, d) = action_level.unwrap_or_default();
                rows.push([name, description, level, String::new(), k, d]);
            }
            rows
        })
}

/// A plausible actions file: one or two tables of sorted actions, old or new layout, often valid.
fn actions_file() -> impl Strategy<Value = String> {
    let table = prop::collection::vec(action_rows(), 1..5).prop_map(|mut actions| {
        actions.sort_by(|a, b| a[0][0].cmp(&b[0][0]));
        actions.dedup_by(|a, b| a[0][0] == b[0][0]);
        actions.concat()
    });
    (any::<bool>(), prop::collection::vec(table, 1..3)).prop_map(|(newer, tables)| {
        let mut out = String::from("Last updated: 2026-04-02T09:30:00+00:00\n");
        for rows in tables {
            let (header, rows): (Vec<&str>, Vec<Vec<String>>) = if newer {
                let header = vec![
                    "Actions",
                    "Description",
                    "Resource types\n(*required)",
                    "Condition keys",
                    "Access level",
                ];
                let rows = rows
                    .into_iter()
                    .map(|[n, d, l, r, k, _]| vec![n, d, r, k, l])
                    .collect();
                (header, rows)
            } else {
                let header = vec![
                    "Actions",
                    "Description",
                    "Access level",
                    "Resource types (*required)",
                    "Condition keys",
                    "Dependent actions",
                ];
                (header, rows.into_iter().map(Vec::from).collect())
            };
            let header: Vec<String> = header.into_iter().map(str::to_owned).collect();
            out.push_str(&draw(&header, &rows));
            out.push_str("\nPermission-only actions\n\n");
        }
        out
    })
}

/// A resource-types table for the resource types `actions_file` uses.
fn resource_types_file() -> impl Strategy<Value = String> {
    let row = (
        pick(&["repository", "thing", "other"], &["ghost", "repo…", ""]),
        pick(
            &["arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}"],
            &["arn:…", ""],
        ),
        pick(
            &["", "aws:ResourceTag/${TagKey}\necr:ResourceTag/${TagKey}"],
            &["ecr:Ghost", "ecr:Resource…"],
        ),
    )
        .prop_map(|(n, a, k)| vec![n, a, k]);
    let rows = prop_oneof![
        3 => Just(
            ["repository", "thing", "other"]
                .iter()
                .map(|n| vec![
                    (*n).to_owned(),
                    format!("arn:${{Partition}}:ecr:${{Region}}:${{Account}}:{n}/${{Name}}"),
                    "aws:ResourceTag/${TagKey}\necr:ResourceTag/${TagKey}".to_owned(),
                ])
                .collect::<Vec<_>>()
        ),
        1 => prop::collection::vec(row, 0..4),
    ];
    rows.prop_map(|rows| {
        let header: Vec<String> = ["Resource types", "ARN", "Condition keys"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        draw(&header, &rows)
    })
}

/// A condition-keys table for the keys `actions_file` uses.
fn condition_keys_file() -> impl Strategy<Value = String> {
    let row = (
        pick(
            &[
                "aws:RequestTag/${TagKey}",
                "aws:ResourceTag/${TagKey}",
                "aws:TagKeys",
                "ecr:ResourceTag/${TagKey}",
            ],
            &["aws:RequestTag", "ecr:Resource…", ""],
        ),
        pick(
            &["Filters access by tags", "Filters access\nby tags", ""],
            &["…"],
        ),
        pick(&["String", "ArrayOfString", "Bool"], &["Strng", ""]),
    )
        .prop_map(|(n, d, t)| vec![n, d, t]);
    let rows = prop_oneof![
        3 => Just(
            [
                ("aws:RequestTag/${TagKey}", "String"),
                ("aws:ResourceTag/${TagKey}", "String"),
                ("aws:TagKeys", "ArrayOfString"),
                ("ecr:ResourceTag/${TagKey}", "String"),
            ]
            .iter()
            .map(|(n, t)| vec![(*n).to_owned(), "Filters access by\na tag".to_owned(), (*t).to_owned()])
            .collect::<Vec<_>>()
        ),
        1 => prop::collection::vec(row, 0..5),
    ];
    rows.prop_map(|rows| {
        let header: Vec<String> = ["Condition keys", "Description", "Type"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        draw(&header, &rows)
    })
}

fn service_prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => Just("ecr".to_owned()),
        1 => "[a-zA-Z0-9 :-]{0,6}",
    ]
}

/// One change to a text. Indices are taken modulo the length, so any index fits any text.
#[derive(Clone, Debug)]
enum Mutation {
    Replace(usize, char),
    Insert(usize, char),
    Delete(usize),
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<usize>();
    prop_oneof![
        3 => (index, any_char()).prop_map(|(i, c)| Mutation::Replace(i, c)),
        3 => (index, any_char()).prop_map(|(i, c)| Mutation::Insert(i, c)),
        3 => index.prop_map(Mutation::Delete),
        2 => index.prop_map(Mutation::DeleteLine),
        2 => index.prop_map(Mutation::DuplicateLine),
        2 => (index, index).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => index.prop_map(Mutation::Truncate),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..4)
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<&str> = text.split('\n').collect();
    let joined = |lines: Vec<&str>| lines.join("\n");
    let n = chars.len().max(1);
    let l = lines.len();
    match *mutation {
        Mutation::Replace(i, c) => {
            if let Some(slot) = chars.get_mut(i % n) {
                *slot = c;
            }
            chars.into_iter().collect()
        }
        Mutation::Insert(i, c) => {
            chars.insert(i % (chars.len() + 1), c);
            chars.into_iter().collect()
        }
        Mutation::Delete(i) => {
            if !chars.is_empty() {
                chars.remove(i % n);
            }
            chars.into_iter().collect()
        }
        Mutation::DeleteLine(i) => {
            lines.remove(i % l);
            joined(lines)
        }
        Mutation::DuplicateLine(i) => {
            let line = lines[i % l];
            lines.insert(i % l, line);
            joined(lines)
        }
        Mutation::SwapLines(a, b) => {
            lines.swap(a % l, b % l);
            joined(lines)
        }
        Mutation::Truncate(i) => chars.into_iter().take(i % n).collect(),
    }
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    mutations
        .iter()
        .fold(text.to_owned(), |text, m| apply(&text, m))
}

// ---------------------------------------------------------------------------------------------------
// What is run
// ---------------------------------------------------------------------------------------------------

fn from_tables(
    service: &str,
    actions: &str,
    resource_types: Option<&str>,
    condition_keys: Option<&str>,
    names: &[String],
) -> Result<Service, Vec<Problem>> {
    Service::from_tables(&Tables {
        service,
        actions,
        resource_types,
        condition_keys,
        names,
        names_for: &[],
    })
}

fn seed_names() -> Vec<String> {
    vec![SEED_NAME.to_owned()]
}

fn base() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The macro's input for inline tables.
fn macro_input(
    service: &str,
    actions: &str,
    resource_types: Option<&str>,
    condition_keys: Option<&str>,
    names: &[String],
) -> TokenStream {
    let resource_types = resource_types.map(|t| quote!(resource_types = inline(#t),));
    let condition_keys = condition_keys.map(|t| quote!(condition_keys = inline(#t),));
    quote! {
        service = #service,
        actions = inline(#actions),
        #resource_types
        #condition_keys
        names = [#(#names),*],
    }
}

fn expands_to_an_error(tokens: &TokenStream) -> bool {
    tokens.to_string().contains("compile_error")
}

/// Every problem a table file has is placed inside the file (or on an argument).
fn check_places(problems: &[Problem], texts: &[(Source, &str)]) {
    for problem in problems {
        if let Place::Table(source, pos) = problem.place {
            let text = texts
                .iter()
                .find(|(s, _)| *s == source)
                .map(|(_, t)| *t)
                .unwrap_or_else(|| panic!("problem in a table not given: {problem:?}"));
            let lines = text.split('\n').count();
            assert!(
                pos.line >= 1 && pos.line <= lines && pos.column >= 1,
                "{problem:?} is outside the text of {lines} lines"
            );
        }
        assert!(!problem.message.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn read_never_panics_on_random_text(text in box_text()) {
        if let Err(errors) = table::read(&text) {
            // At most the cap kept; past it, at least one counted.
            prop_assert!(!errors.errors.is_empty() && errors.errors.len() <= MAX_REPORTED);
            prop_assert!(errors.more.is_none_or(|more| errors.errors.len() == MAX_REPORTED && more.count > 0));
        }
    }

    #[test]
    fn read_never_panics_on_drawn_tables(file in drawn_file(), mutations in prop::collection::vec(mutation(), 0..3)) {
        let text = mutate(&file, &mutations);
        let _ = table::read(&text);
    }

    #[test]
    fn read_never_panics_on_the_mutated_seed(mutations in mutations()) {
        let text = mutate(SEED, &mutations);
        let _ = table::read(&text);
    }

    #[test]
    fn from_tables_never_panics_on_random_text(
        service in service_prefix(),
        actions in box_text(),
        resource_types in prop::option::of(box_text()),
        condition_keys in prop::option::of(box_text()),
        names in names(),
    ) {
        let result = from_tables(&service, &actions, resource_types.as_deref(), condition_keys.as_deref(), &names);
        if let Err(problems) = result {
            prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn from_tables_never_panics_on_drawn_tables(
        service in service_prefix(),
        actions in prop_oneof![1 => drawn_file(), 3 => actions_file()],
        resource_types in prop::option::of(prop_oneof![1 => drawn_table(), 3 => resource_types_file()]),
        condition_keys in prop::option::of(prop_oneof![1 => drawn_table(), 3 => condition_keys_file()]),
        names in names(),
        mutations in prop_oneof![3 => Just(Vec::new()), 1 => mutations()],
    ) {
        let actions = mutate(&actions, &mutations);
        let result = from_tables(&service, &actions, resource_types.as_deref(), condition_keys.as_deref(), &names);
        if let Err(problems) = &result {
            prop_assert!(!problems.is_empty());
            let mut texts = vec![(Source::Actions, actions.as_str())];
            texts.extend(resource_types.as_deref().map(|t| (Source::ResourceTypes, t)));
            texts.extend(condition_keys.as_deref().map(|t| (Source::ConditionKeys, t)));
            check_places(problems, &texts);
        }
        // The macro agrees with the model: tables the model accepts expand without an error.
        let tokens = ecr_actions_codegen::expand_in(
            macro_input(&service, &actions, resource_types.as_deref(), condition_keys.as_deref(), &names),
            base(),
        );
        prop_assert_eq!(expands_to_an_error(&tokens), result.is_err());
    }

    #[test]
    fn from_tables_never_panics_on_the_mutated_seed(
        mutations in mutations(),
        companions in any::<bool>(),
        companion_mutations in prop::collection::vec(mutation(), 0..2),
    ) {
        let actions = mutate(SEED, &mutations);
        let resource_types = mutate(SEED_RESOURCE_TYPES, &companion_mutations);
        let condition_keys = mutate(SEED_CONDITION_KEYS, &companion_mutations);
        let (resource_types, condition_keys) = if companions {
            (Some(resource_types.as_str()), Some(condition_keys.as_str()))
        } else {
            (None, None)
        };
        let result = from_tables("ecr", &actions, resource_types, condition_keys, &seed_names());
        if let Err(problems) = &result {
            let mut texts = vec![(Source::Actions, actions.as_str())];
            texts.extend(resource_types.map(|t| (Source::ResourceTypes, t)));
            texts.extend(condition_keys.map(|t| (Source::ConditionKeys, t)));
            check_places(problems, &texts);
        }
    }

    #[test]
    fn expand_in_never_panics_on_the_mutated_seed(mutations in mutations()) {
        let actions = mutate(SEED, &mutations);
        let _ = ecr_actions_codegen::expand_in(
            macro_input("ecr", &actions, None, None, &seed_names()),
            base(),
        );
    }

    #[test]
    fn expand_in_never_panics_on_random_text(
        service in service_prefix(),
        actions in box_text(),
        names in names(),
    ) {
        let _ = ecr_actions_codegen::expand_in(macro_input(&service, &actions, None, None, &names), base());
    }

    #[test]
    fn expand_in_never_panics_on_random_tokens(source in prop_oneof![
        2 => "[a-z_=,\"()\\[\\] ]{0,60}",
        1 => "(service|actions|resource_types|condition_keys|names|crate|inline| |=|,|\"ecr\"|\"x\\ny\"|\\(|\\)|\\[|\\]|::|ecr_actions){0,14}",
    ]) {
        if let Ok(tokens) = source.parse::<TokenStream>() {
            let _ = ecr_actions_codegen::expand_in(tokens, base());
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Specific mutations of the seed are refused
// ---------------------------------------------------------------------------------------------------

fn seed_line(number: usize) -> &'static str {
    SEED.split('\n').nth(number - 1).unwrap()
}

fn replace_line(number: usize, new: &str) -> String {
    let mut lines: Vec<&str> = SEED.split('\n').collect();
    lines[number - 1] = new;
    lines.join("\n")
}

fn seed_problems(actions: &str) -> Vec<Problem> {
    match from_tables("ecr", actions, None, None, &seed_names()) {
        Ok(_) => panic!("the mutated table was accepted"),
        Err(problems) => problems,
    }
}

#[test]
fn the_seed_itself_is_accepted_and_expands_without_error() {
    let service = from_tables("ecr", SEED, None, None, &seed_names()).unwrap();
    assert!(service.actions.len() > 30);
    let tokens =
        ecr_actions_codegen::expand_in(macro_input("ecr", SEED, None, None, &seed_names()), base());
    assert!(!expands_to_an_error(&tokens));
    // by path too, relative to the base
    let tokens = ecr_actions_codegen::expand_in(
        quote!(service = "ecr", actions = "../spec/ecr-actions.txt", names = [#SEED_NAME]),
        base(),
    );
    assert!(!expands_to_an_error(&tokens));
}

#[test]
fn deleting_a_bar_from_a_row_line_is_a_ragged_row() {
    // line 5 is the first line of the first row; delete its second `│`
    let line = seed_line(5);
    assert!(line.starts_with("│ BatchCheckLayerAvailability"));
    let (byte, _) = line.match_indices('│').nth(1).unwrap();
    let mutated_line = format!("{}{}", &line[..byte], &line[byte + '│'.len_utf8()..]);
    let mutated = replace_line(5, &mutated_line);
    let message = "ragged row: found 5 cells where the header has 6 columns; put a `│` between every two cells";
    assert_eq!(
        table::read(&mutated).unwrap_err(),
        table::TableErrors {
            errors: vec![table::TableError {
                pos: Pos::new(5, 1),
                message: message.to_owned()
            }],
            more: None
        }
    );
    assert_eq!(
        seed_problems(&mutated),
        vec![Problem {
            place: Place::Table(Source::Actions, Pos::new(5, 1)),
            message: message.to_owned()
        }]
    );
    let tokens = ecr_actions_codegen::expand_in(
        macro_input("ecr", &mutated, None, None, &seed_names()),
        base(),
    );
    assert!(
        tokens
            .to_string()
            .contains(&format!("inline actions table:5:1: {message}")),
        "{tokens}"
    );
}

#[test]
fn deleting_the_right_border_of_a_row_line_is_refused() {
    // the last cell of the line is blank: without its right border the line has one cell too few
    let line = seed_line(6);
    let mutated = replace_line(6, line.trim_end().trim_end_matches('│'));
    assert_eq!(
        seed_problems(&mutated),
        vec![Problem {
            place: Place::Table(Source::Actions, Pos::new(6, 1)),
            message:
                "ragged row: found 5 cells where the header has 6 columns; put a `│` between every \
                      two cells"
                    .to_owned()
        }]
    );
    // a line whose last cell holds text says what is missing
    let line = seed_line(5);
    let cut = line.trim_end().trim_end_matches('│');
    let mutated = replace_line(5, &format!("{cut}ecr:Foo"));
    assert_eq!(
        seed_problems(&mutated),
        vec![Problem {
            place: Place::Table(Source::Actions, Pos::new(5, cut.chars().count() - 18)),
            message: "row line does not end with `│`: add the right border".to_owned()
        }]
    );
}

#[test]
fn a_misspelt_access_level_is_refused() {
    let line = seed_line(5);
    let mutated = replace_line(5, &line.replacen("│ Read ", "│ Raed ", 1));
    let problems = seed_problems(&mutated);
    let column = line.split("Read").next().unwrap().chars().count() + 1;
    assert_eq!(
        problems,
        vec![Problem {
            place: Place::Table(Source::Actions, Pos::new(5, column)),
            message: "unknown access level `Raed`: expected one of `List`, `Read`, `Write`, \
                      `Permissions management`, `Tagging`; did you mean `Read`?"
                .to_owned()
        }]
    );
}

#[test]
fn deleting_a_rule_between_two_actions_is_refused() {
    // line 9 separates BatchCheckLayerAvailability from BatchDeleteImage
    assert!(seed_line(9).starts_with('├'));
    let mut lines: Vec<&str> = SEED.split('\n').collect();
    lines.remove(8);
    let mutated = lines.join("\n");
    let problems = seed_problems(&mutated);
    let expected = Problem {
        place: Place::Table(Source::Actions, Pos::new(9, 3)),
        message: "this action name cell holds 2 lines: a row holds one action name; give each its own row"
            .to_owned(),
    };
    assert!(problems.contains(&expected), "{problems:#?}");
}

#[test]
fn duplicating_a_row_line_is_refused() {
    let mut lines: Vec<&str> = SEED.split('\n').collect();
    lines.insert(4, lines[4]);
    let problems = seed_problems(&lines.join("\n"));
    let expected = Problem {
        place: Place::Table(Source::Actions, Pos::new(6, 3)),
        message: "this action name cell holds 2 lines: a row holds one action name; give each its own row"
            .to_owned(),
    };
    assert!(problems.contains(&expected), "{problems:#?}");
}

#[test]
fn deleting_the_bottom_border_is_refused() {
    let trimmed = SEED.trim_end_matches('\n');
    let (without_bottom, _) = trimmed.rsplit_once('\n').unwrap();
    let problems = seed_problems(without_bottom);
    let last = without_bottom.split('\n').count();
    assert_eq!(
        problems,
        vec![Problem {
            place: Place::Table(Source::Actions, Pos::new(last, 1)),
            message: "the table that starts at line 2 has no bottom border: end it with `└─┴─┘`"
                .to_owned()
        }]
    );
}

#[test]
fn deleting_the_head_rule_is_refused() {
    let mut lines: Vec<&str> = SEED.split('\n').collect();
    assert!(lines[3].starts_with('┡'));
    lines.remove(3);
    let problems = seed_problems(&lines.join("\n"));
    assert_eq!(
        problems,
        vec![Problem {
            place: Place::Table(Source::Actions, Pos::new(4, 1)),
            message: "expected a header line `┃ … ┃` or the rule `┡━╇━┩` that closes the header"
                .to_owned()
        }]
    );
}

#[test]
fn the_seed_without_names_is_refused() {
    let problems = from_tables("ecr", SEED, None, None, &[]).unwrap_err();
    let pos = SEED
        .split('\n')
        .enumerate()
        .find_map(|(i, l)| {
            l.find("BatchGetRepositoryScanningConfigur…")
                .map(|b| Pos::new(i + 1, l[..b].chars().count() + 1))
        })
        .unwrap();
    assert_eq!(
        problems,
        vec![Problem {
            place: Place::Table(Source::Actions, pos),
            message: "action name `BatchGetRepositoryScanningConfigur…` is cut: add its full name (it starts \
                      with `BatchGetRepositoryScanningConfigur`) to the macro's `names`"
                .to_owned()
        }]
    );
}

#[test]
fn mutation_helpers_do_what_they_say() {
    let text = "ab\ncd\nef";
    assert_eq!(apply(text, &Mutation::Replace(1, 'X')), "aX\ncd\nef");
    assert_eq!(apply(text, &Mutation::Insert(0, 'X')), "Xab\ncd\nef");
    assert_eq!(apply(text, &Mutation::Delete(2)), "abcd\nef");
    assert_eq!(apply(text, &Mutation::DeleteLine(5)), "ab\ncd");
    assert_eq!(apply(text, &Mutation::DuplicateLine(1)), "ab\ncd\ncd\nef");
    assert_eq!(apply(text, &Mutation::SwapLines(0, 2)), "ef\ncd\nab");
    assert_eq!(apply(text, &Mutation::Truncate(4)), "ab\nc");
    assert_eq!(apply("", &Mutation::Delete(3)), "");
    assert_eq!(apply("日本", &Mutation::Truncate(1)), "日");
}
