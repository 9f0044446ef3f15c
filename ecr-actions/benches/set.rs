//! `ActionSet`: membership and set algebra (a few word operations, whatever the set), matching a
//! wildcard pattern against the 64 ECR actions, and compaction.
//!
//! `cargo bench -p ecr-actions --bench set`.

#![allow(clippy::unwrap_used, reason = "a benchmark fails by panicking")]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ecr_actions::{AccessLevel, Action, ActionPattern, ActionSet};

fn sets(c: &mut Criterion) {
    let reads = ActionSet::with_access_level(AccessLevel::Read);
    let writes = ActionSet::with_access_level(AccessLevel::Write);
    let mut group = c.benchmark_group("set algebra");
    group.bench_function("contains", |b| {
        b.iter(|| black_box(reads).contains(black_box(Action::BatchGetImage)))
    });
    group.bench_function("union", |b| b.iter(|| black_box(reads) | black_box(writes)));
    group.bench_function("intersection", |b| {
        b.iter(|| black_box(reads) & black_box(writes))
    });
    group.bench_function("difference", |b| {
        b.iter(|| black_box(reads) - black_box(writes))
    });
    group.bench_function("complement", |b| b.iter(|| !black_box(reads)));
    group.bench_function("len", |b| b.iter(|| black_box(reads).len()));
    group.bench_function("iterate (table order)", |b| {
        b.iter(|| black_box(reads).iter().count())
    });
    group.bench_function("with_access_level", |b| {
        b.iter(|| ActionSet::with_access_level(black_box(AccessLevel::Write)))
    });
    group.finish();

    let mut group = c.benchmark_group("matching");
    let pattern: ActionPattern = "ecr:*Image*".parse().unwrap();
    group.bench_function(
        "ActionSet::matching(\"ecr:*Image*\"), pattern parsed",
        |b| b.iter(|| ActionSet::matching(black_box(&pattern))),
    );
    group.bench_function("parse \"ecr:*Image*\" + ActionSet::matching", |b| {
        b.iter(|| ActionSet::matching(&black_box("ecr:*Image*").parse::<ActionPattern>().unwrap()))
    });
    let question: ActionPattern = "ecr:Get?*Policy".parse().unwrap();
    group.bench_function(
        "ActionSet::matching(\"ecr:Get?*Policy\") (automaton)",
        |b| b.iter(|| ActionSet::matching(black_box(&question))),
    );
    group.bench_function("Action::matches", |b| {
        b.iter(|| black_box(Action::BatchGetImage).matches(black_box(&pattern)))
    });
    group.finish();

    let mut group = c.benchmark_group("compaction");
    let images = ActionSet::matching(&pattern);
    group.bench_function("to_patterns of ecr:*Image*", |b| {
        b.iter(|| black_box(images).to_patterns())
    });
    let mixed = reads | ActionSet::from(Action::PutImage);
    group.bench_function("to_patterns of Read + PutImage", |b| {
        b.iter(|| black_box(mixed).to_patterns())
    });
    group.finish();
}

criterion_group!(benches, sets);
criterion_main!(benches);
