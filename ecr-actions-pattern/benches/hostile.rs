//! Hostile wildcard patterns and texts at 256 KiB and 1 MiB, each compiled and matched: the time grows
//! linearly (four times the input, about four times the time) and stays far under a second at 1 MiB.
//!
//! `cargo bench -p ecr-actions-pattern --bench hostile -- --quick` (or `--measurement-time 2`). The
//! shapes:
//! - `distinct`: one pattern of distinct non-ASCII characters (once minutes and gigabytes: each
//!   character had its own mask found by a linear scan), against an ARN and against a text of the
//!   same size that holds every character in reverse;
//! - `distinct-automaton`: the same characters after a `?`, so that they are compiled into sparse
//!   masks of an automaton of 5,462 words (at 1 MiB) rather than a substring search;
//! - `stars`: `*a*a*…` against as many `a`s;
//! - `questions`: `*???…?a` chunks of 64 positions against a text of the same size;
//! - `arn-segments`: an ARN pattern of `?*:` segments against a text of as many segments;
//! - `long-text`: a short pattern with `?` against a text of that size.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "a benchmark fails by panicking"
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ecr_actions_pattern::Glob;

const ARN: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app/web";

/// A hostile shape at `bytes`: how to compile its pattern, the pattern, the texts it is matched with.
struct Shape {
    name: &'static str,
    arn: bool,
    pattern: String,
    texts: Vec<String>,
}

fn shapes(bytes: usize) -> Vec<Shape> {
    let distinct: String = ('\u{4E00}'..).take(bytes / 3).collect();
    let reversed: String = distinct.chars().rev().collect();
    let questions_chunk = format!("*{}a", "?".repeat(63));
    vec![
        Shape {
            name: "distinct",
            arn: false,
            pattern: format!("*{distinct}*"),
            texts: vec![ARN.to_owned(), reversed.clone()],
        },
        Shape {
            name: "distinct-automaton",
            arn: false,
            pattern: format!("?{distinct}*?{distinct}"),
            texts: vec![ARN.to_owned(), reversed.clone() + &reversed],
        },
        Shape {
            name: "stars",
            arn: false,
            pattern: "*a".repeat(bytes / 2),
            texts: vec![ARN.to_owned(), "a".repeat(bytes)],
        },
        Shape {
            name: "questions",
            arn: false,
            pattern: questions_chunk.repeat(bytes / questions_chunk.len()),
            texts: vec![ARN.to_owned(), "ab".repeat(bytes / 2)],
        },
        Shape {
            name: "arn-segments",
            arn: true,
            pattern: format!("arn:aws:ecr:{}*", "?*:".repeat(bytes / 3)),
            texts: vec![
                ARN.to_owned(),
                format!("arn:aws:ecr:{}tail", "ab:".repeat(bytes / 3)),
            ],
        },
        Shape {
            name: "long-text",
            arn: false,
            pattern: "*a?c*a?d".to_owned(),
            texts: vec!["abc".repeat(bytes / 3)],
        },
    ]
}

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (label, bytes) in [("256KiB", 256 * 1024), ("1MiB", 1024 * 1024)] {
        for shape in shapes(bytes) {
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_with_input(BenchmarkId::new(shape.name, label), &shape, |b, shape| {
                b.iter(|| {
                    let glob = if shape.arn {
                        Glob::arn(&shape.pattern)
                    } else {
                        Glob::new(&shape.pattern)
                    };
                    shape
                        .texts
                        .iter()
                        .map(|text| glob.is_match(black_box(text)))
                        .filter(|matched| *matched)
                        .count()
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
