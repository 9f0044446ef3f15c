//! ecr-actions' `Evaluator::evaluate` against cedar-policy's `Authorizer::is_authorized` on the
//! same policy set and the same 22 requests (see the crate's `src/lib.rs`), in one criterion run.
//! Everything is built before timing: the compiled evaluator, the IAM requests and contexts; the
//! Cedar `PolicySet`, `Entities`, `Request`s and `Authorizer`. One iteration is one pass over the 22
//! requests.
//!
//! `cargo bench --manifest-path bench/cedar-compare/Cargo.toml`; it checks first that both engines
//! decide every request the same, and ends by printing the per-decision times and the speedup.

#![allow(clippy::panic, reason = "a benchmark fails by panicking")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use cedar_compare::{CASES, Cedar, Iam, cedar_pass, check_agreement, iam_pass};
use criterion::{Criterion, Throughput};

fn fixtures() -> (Iam, Cedar) {
    let (iam, cedar) = match (Iam::new(), Cedar::new()) {
        (Ok(iam), Ok(cedar)) => (iam, cedar),
        (Err(error), _) | (_, Err(error)) => panic!("the fixtures do not build: {error}"),
    };
    if let Err(disagreement) = check_agreement(&iam, &cedar) {
        panic!("{disagreement}");
    }
    (iam, cedar)
}

fn bench(c: &mut Criterion, iam: &Iam, cedar: &Cedar) {
    let evaluator = iam.evaluator();
    let requests = iam.requests();
    let mut group = c.benchmark_group(format!("decide {} requests", CASES.len()));
    group.throughput(Throughput::Elements(CASES.len() as u64));
    group.bench_function("ecr-actions Evaluator::evaluate", |b| {
        b.iter(|| iam_pass(black_box(evaluator), black_box(&requests)));
    });
    group.bench_function("cedar-policy Authorizer::is_authorized", |b| {
        b.iter(|| cedar_pass(black_box(cedar)));
    });
    group.finish();
}

/// Nanoseconds per decision: the best of 7 batches of passes, each batch about 100 ms.
fn ns_per_decision(mut pass: impl FnMut() -> usize) -> f64 {
    let start = Instant::now();
    let mut calibration = 0_u32;
    while start.elapsed() < Duration::from_millis(20) {
        black_box(pass());
        calibration += 1;
    }
    let passes = (calibration * 5).max(1);
    (0..7)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..passes {
                black_box(pass());
            }
            start.elapsed().as_secs_f64() * 1e9 / (f64::from(passes) * CASES.len() as f64)
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let (iam, cedar) = fixtures();
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion, &iam, &cedar);
    criterion.final_summary();

    let evaluator = iam.evaluator();
    let requests = iam.requests();
    let ours = ns_per_decision(|| iam_pass(black_box(evaluator), black_box(&requests)));
    let theirs = ns_per_decision(|| cedar_pass(black_box(&cedar)));
    println!(
        "per decision, {} requests: ecr-actions {ours:.1} ns, cedar-policy {:.2} µs",
        CASES.len(),
        theirs / 1000.0
    );
    println!("speedup over cedar-policy: {:.1}x", theirs / ours);
}
