//! The engine on hostile tables (`tests/common/hostile.rs`): every shape that used to cost time quadratic
//! in its size, at 256 KiB and 1 MiB of generated table text, run as a library from the text to the
//! generated tokens (`expand_in` on an inline table: reading, columns, rules, model, code, errors).
//!
//! `cargo bench -p ecr-actions-codegen --bench hostile -- --warm-up-time 1 --measurement-time 3`. Linear
//! growth shows as a 1 MiB median about four times the 256 KiB one (criterion also prints the throughput).
//! Before the benchmarks, one run of each shape at 1 MiB, each in a child process of its own, prints its
//! time and the process's peak resident memory (Linux `VmHWM`: input, engine and output together); the
//! target is under 1 s and 128 MB per shape at 1 MiB.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark fails by panicking"
)]

#[path = "../tests/common/hostile.rs"]
mod hostile;

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use proc_macro2::TokenStream;
use quote::quote;

/// The process's peak resident memory in bytes (`VmHWM`), if Linux tells it.
fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

const SIZES: [(usize, &str); 2] = [(256 * 1024, "256KiB"), (1024 * 1024, "1MiB")];

fn input(shape: &hostile::Shape) -> TokenStream {
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
    quote! {
        service = "demo", actions = inline(#actions), #resource_types #condition_keys names = [#(#names),*],
    }
}

/// One run of one shape at 1 MiB in this process: its time, and the process's peak resident memory
/// (everything: the generated input, the macro input tokens, the engine, its output).
fn one_run(name: &str) {
    let Some((_, make)) = hostile::SHAPES.iter().find(|(s, _)| *s == name) else {
        return;
    };
    let shape = make(1024 * 1024);
    let tokens = input(&shape);
    let start = Instant::now();
    let out = ecr_actions_codegen::expand_in(tokens, Path::new("."));
    let elapsed = start.elapsed();
    drop(black_box(out));
    eprintln!(
        "{name:<28} {:>8} KiB {:>8} {:>7.1} ms {:>12}",
        hostile::text_bytes(&shape) / 1024,
        shape.count,
        elapsed.as_secs_f64() * 1e3,
        peak_rss().map_or_else(
            || "unknown".to_owned(),
            |p| format!("{:.1} MiB", p as f64 / 1_048_576.0)
        )
    );
}

/// Each shape once at 1 MiB, each in a process of its own so that the peak memory is its own.
fn peaks() {
    eprintln!(
        "{:<28} {:>12} {:>8} {:>10} {:>12}",
        "shape", "text", "repeats", "one run", "peak RSS"
    );
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    for (name, _) in hostile::SHAPES {
        let status = std::process::Command::new(&exe)
            .env("HOSTILE_ONE_RUN", name)
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("{name:<28} failed");
        }
    }
}

fn bench(c: &mut Criterion) {
    for (name, make) in hostile::SHAPES {
        let mut group = c.benchmark_group(format!("hostile/{name}"));
        group.sample_size(10);
        for (bytes, label) in SIZES {
            let shape = make(bytes);
            let tokens = input(&shape);
            group.throughput(Throughput::Bytes(hostile::text_bytes(&shape) as u64));
            group.bench_with_input(BenchmarkId::from_parameter(label), &tokens, |b, tokens| {
                b.iter(|| {
                    ecr_actions_codegen::expand_in(black_box(tokens.clone()), Path::new("."))
                });
            });
        }
        group.finish();
    }
}

/// One run of each of the three shapes the issue measured, at its size there: one action with 100,000
/// sub-rows, 50,000 keys in one cell, 40,000 cut names (`HOSTILE_ISSUE_SIZES=1`).
fn issue_sizes() {
    for (name, n) in [
        ("one_action_many_sub_rows", 100_000),
        ("many_keys_in_one_cell", 50_000),
        ("many_cut_names", 40_000),
    ] {
        let Some((_, make)) = hostile::BY_COUNT.iter().find(|(s, _)| *s == name) else {
            continue;
        };
        let shape = make(n);
        let tokens = input(&shape);
        let start = Instant::now();
        let out = ecr_actions_codegen::expand_in(tokens, Path::new("."));
        eprintln!(
            "{name:<28} {n:>7} repeats {:>8} KiB {:>9.1} ms",
            hostile::text_bytes(&shape) / 1024,
            start.elapsed().as_secs_f64() * 1e3
        );
        drop(black_box(out));
    }
}

fn main() {
    if let Some(name) = std::env::var_os("HOSTILE_ONE_RUN") {
        one_run(&name.to_string_lossy());
        return;
    }
    if std::env::var_os("HOSTILE_ISSUE_SIZES").is_some() {
        issue_sizes();
        return;
    }
    peaks();
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
