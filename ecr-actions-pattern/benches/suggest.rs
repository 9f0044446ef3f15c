//! The cost of "did you mean" (`ecr_actions_pattern::suggest`): a typical typo against ECR's actions,
//! the worst shape the caps allow (a 128-byte wildcard pattern against 1,000 candidates of 128 bytes,
//! each comparison the full 129 × 129 table), and a 1 MiB input, refused by its length.
//!
//! `cargo bench -p ecr-actions-pattern --bench suggest`

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    missing_docs,
    reason = "a benchmark fails by panicking"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ecr_actions_pattern::suggest::{MAX_LEN, nearest, ranked_for_pattern};

/// The action names of ECR's actions table, as AWS published it.
fn ecr_names() -> Vec<String> {
    include_str!("../../ecr-actions/spec/2026-10-27/ecr-actions.txt")
        .lines()
        .filter_map(|line| line.strip_prefix('│'))
        .filter_map(|rest| rest.split('│').next())
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| format!("ecr:{name}"))
        .collect()
}

fn suggest(c: &mut Criterion) {
    let names = ecr_names();
    assert!(names.len() > 40);
    let mut group = c.benchmark_group("suggest");
    group.bench_function("ecr-typo", |b| {
        b.iter(|| {
            nearest(
                black_box("ecr:BatchGetImag"),
                names.iter().map(String::as_str),
            )
        });
    });
    group.bench_function("ecr-pattern", |b| {
        b.iter(|| {
            ranked_for_pattern(
                black_box("ecr:GetLifecyclePolicyPreveiw*"),
                names.iter().map(String::as_str),
            )
        });
    });
    let pattern = format!("*{}*", "ab".repeat((MAX_LEN - 2) / 2));
    let candidates: Vec<String> = (0..1_000).map(|i| format!("{i:0>128}")).collect();
    group.bench_function("longest-pattern-1000-longest-candidates", |b| {
        b.iter(|| ranked_for_pattern(black_box(&pattern), candidates.iter().map(String::as_str)));
    });
    let mebibyte = "a".repeat(1 << 20);
    group.bench_function("mebibyte-input", |b| {
        b.iter(|| nearest(black_box(&mebibyte), candidates.iter().map(String::as_str)));
    });
    group.finish();
}

criterion_group!(benches, suggest);
criterion_main!(benches);
