//! Table reading and code generation, as a library function over `proc_macro2`, on synthetic actions
//! tables drawn like the AWS ones: 100 to 800 actions (800 actions ≈ 9,500 lines, the size of the largest
//! AWS service), to show the time is linear in the table's size.
//!
//! `cargo bench -p ecr-actions-codegen --bench codegen`; it ends by printing the time per 1,000 lines at
//! each size.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark fails by panicking"
)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use ecr_actions_codegen::expand_in;
use ecr_actions_codegen::model::{Service, Tables};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Column widths of the seed table: name, description, access level, resource types, keys, dependents.
const WIDTHS: [usize; 6] = [35, 35, 22, 26, 36, 29];
const HEADER: [&str; 6] = [
    "Actions",
    "Description",
    "Access level",
    "Resource types (*required)",
    "Condition keys",
    "Dependent actions",
];
const VERBS: [&str; 8] = [
    "Create", "Delete", "Describe", "Get", "List", "Put", "Tag", "Update",
];
const NOUNS: [&str; 10] = [
    "Repository",
    "Image",
    "LifecyclePolicy",
    "RegistryPolicy",
    "ReplicationConfiguration",
    "PullThroughCacheRule",
    "ScanningConfigurationForRegistryAndRepositories",
    "Layer",
    "Signature",
    "Attestation",
];
const WORDS: [&str; 12] = [
    "permission",
    "to",
    "retrieve",
    "the",
    "specified",
    "resource",
    "within",
    "a",
    "registry",
    "and",
    "repository",
    "configuration",
];
const ACCESS: [&str; 6] = [
    "Read",
    "Write",
    "List",
    "Permissions management",
    "Tagging",
    "Tagging, Write",
];

/// Greedy word wrap, as the renderer does: lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// A value wider than its column is cut to `width - 1` characters and `…`.
fn cut(value: &str, width: usize) -> String {
    if value.chars().count() <= width {
        value.to_owned()
    } else {
        let mut shown: String = value.chars().take(width - 1).collect();
        shown.push('…');
        shown
    }
}

fn rule(left: char, bar: char, junction: char, right: char) -> String {
    let mut line = String::from(left);
    for (i, width) in WIDTHS.iter().enumerate() {
        if i > 0 {
            line.push(junction);
        }
        line.extend(std::iter::repeat_n(bar, width + 2));
    }
    line.push(right);
    line
}

fn row(out: &mut String, bar: char, cells: &[Vec<String>; 6]) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for i in 0..height {
        out.push(bar);
        for (cell, width) in cells.iter().zip(WIDTHS) {
            let text = cell.get(i).map_or("", String::as_str);
            let pad = width - text.chars().count();
            write!(out, " {text}{} {bar}", " ".repeat(pad)).unwrap();
        }
        out.push('\n');
    }
}

/// An actions table of `count` actions in the seed's drawing, and the full values of its cut names.
fn render(count: usize) -> (String, Vec<String>) {
    let mut names: Vec<String> = (0..count)
        .map(|i| {
            let noun = NOUNS[i / VERBS.len() % NOUNS.len()];
            format!("{}{noun}{:04}", VERBS[i % VERBS.len()], i)
        })
        .collect();
    names.sort();
    let mut out = String::new();
    writeln!(out, "{:>80}", "Last updated: 2026-04-02T09:30:00+00:00").unwrap();
    out.push_str(&rule('┏', '━', '┳', '┓'));
    out.push('\n');
    row(&mut out, '┃', &HEADER.map(|h| vec![h.to_owned()]));
    out.push_str(&rule('┡', '━', '╇', '┩'));
    out.push('\n');
    let mut full_names = Vec::new();
    let mut first = true;
    for (i, name) in names.iter().enumerate() {
        let shown = cut(name, WIDTHS[0]);
        if shown != *name {
            full_names.push(name.clone());
        }
        let description: Vec<&str> = (0..22 + i % 11)
            .map(|w| WORDS[(i + w) % WORDS.len()])
            .collect();
        let description = format!("Grants {}", description.join(" "));
        let access = ACCESS[i % ACCESS.len()];
        let mut sub_rows: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
        for r in 0..(i % 3) {
            let keys = (0..(i + r) % 3)
                .map(|k| format!("synth:ResourceKey{k}"))
                .collect();
            let deps = if (i + r) % 4 == 0 {
                vec![format!("iam:PassRole{r}")]
            } else {
                Vec::new()
            };
            sub_rows.push((
                format!("resource{r}{}", if r == 0 { "*" } else { "" }),
                keys,
                deps,
            ));
        }
        if i % 3 == 0 || i % 5 == 0 {
            let keys = vec![
                "aws:RequestTag/${TagKey}".to_owned(),
                "aws:TagKeys".to_owned(),
            ];
            sub_rows.push((String::new(), keys, Vec::new()));
        }
        for (resource, keys, deps) in sub_rows {
            if !first {
                out.push_str(&rule('├', '─', '┼', '┤'));
                out.push('\n');
            }
            first = false;
            let cells = [
                vec![shown.clone()],
                wrap(&description, WIDTHS[1]),
                wrap(access, WIDTHS[2]),
                if resource.is_empty() {
                    Vec::new()
                } else {
                    vec![resource]
                },
                keys,
                deps,
            ];
            row(&mut out, '│', &cells);
        }
    }
    out.push_str(&rule('└', '─', '┴', '┘'));
    out.push('\n');
    (out, full_names)
}

fn invocation(text: &str, names: &[String]) -> TokenStream {
    let table = Literal::string(text);
    quote!(service = "synth", actions = inline(#table), names = [#(#names),*],)
}

fn bench(c: &mut Criterion) {
    let sizes = [100, 200, 400, 800];
    let mut group = c.benchmark_group("read + generate");
    group.sample_size(20);
    for count in sizes {
        let (text, names) = render(count);
        let lines = text.lines().count();
        let tokens = invocation(&text, &names);
        let output = expand_in(tokens.clone(), Path::new(".")).to_string();
        assert!(
            !output.contains("compile_error"),
            "the synthetic table must be valid: {}",
            &output[..output.len().min(2000)]
        );
        group.throughput(Throughput::Elements(lines as u64));
        group.bench_with_input(
            BenchmarkId::new(
                "expand_in (all of the macro)",
                format!("{count} actions, {lines} lines"),
            ),
            &tokens,
            |b, tokens| b.iter(|| expand_in(black_box(tokens.clone()), Path::new("."))),
        );
        let tables = Tables {
            service: "synth",
            actions: &text,
            resource_types: None,
            condition_keys: None,
            names: &names,
            names_for: &[],
        };
        group.bench_with_input(
            BenchmarkId::new(
                "Service::from_tables (reading only)",
                format!("{count} actions, {lines} lines"),
            ),
            &tables,
            |b, tables| b.iter(|| Service::from_tables(black_box(tables)).unwrap()),
        );
    }
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();

    for count in [100, 200, 400, 800] {
        let (text, names) = render(count);
        let lines = text.lines().count();
        let tokens = invocation(&text, &names);
        let best = (0..5)
            .map(|_| {
                let start = Instant::now();
                black_box(expand_in(tokens.clone(), Path::new(".")));
                start.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "{count} actions, {lines} lines, {} cut names: {best:.2} ms, {:.3} ms per 1,000 lines",
            names.len(),
            best * 1000.0 / lines as f64
        );
    }
}
