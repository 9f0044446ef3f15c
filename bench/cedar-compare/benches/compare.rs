//! ecr-actions' `Evaluator::evaluate` (decision only) and `Evaluator::evaluate_explained` (decision
//! and explanation) against cedar-policy's `Authorizer::is_authorized` on the same policy set and the
//! same 22 requests (see the crate's `src/lib.rs`), in one criterion run; and what the rest of the
//! IAM decision chain costs: `Evaluator::evaluate` with two SCP levels, an RCP level and a
//! permissions boundary added (`src/lib.rs`'s `layers`, which decide every request as before).
//!
//! What each side computes per request:
//! - `evaluate`: the decision (`Allow`, `ExplicitDeny`, `ImplicitDeny`), stopping at the first
//!   matching `Deny`;
//! - `evaluate_explained`: the decision, the decisive statements and the outcome of every statement
//!   (it allocates the explanation);
//! - `is_authorized`: the decision and Cedar's diagnostics (the ids of the determining policies and
//!   any evaluation errors) — the counterpart of the explanation. Equal work is therefore
//!   `evaluate_explained` against `is_authorized`; `evaluate` is what a service that only needs the
//!   answer pays.
//!
//! Everything is built before timing: the compiled evaluator, the IAM requests and contexts; the
//! Cedar `PolicySet`, `Entities`, `Request`s and `Authorizer`. One iteration is one pass over the 22
//! requests.
//!
//! `cargo bench --manifest-path bench/cedar-compare/Cargo.toml` checks first that both engines decide
//! every request the same, runs the criterion groups, then prints a summary from its own sampling:
//! 41 rounds, each timing one batch (about 50 ms) of every engine in turn, so that the machine's
//! drift hits all three alike; it reports the median time per decision with the quartiles, and each
//! ratio as the median of the per-round ratios with their quartiles. No best-of-N minimum anywhere.

#![allow(clippy::panic, reason = "a benchmark fails by panicking")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use cedar_compare::{
    CASES, Cedar, Iam, cedar_pass, check_agreement, iam_pass, iam_pass_explained,
};
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
    let layered = iam.layered_evaluator();
    group.bench_function("ecr-actions Evaluator::evaluate, 2 SCP levels + RCP + boundary", |b| {
        b.iter(|| iam_pass(black_box(layered), black_box(&requests)));
    });
    group.bench_function("ecr-actions Evaluator::evaluate_explained", |b| {
        b.iter(|| iam_pass_explained(black_box(evaluator), black_box(&requests)));
    });
    group.bench_function("cedar-policy Authorizer::is_authorized", |b| {
        b.iter(|| cedar_pass(black_box(cedar)));
    });
    group.finish();
}

/// How many passes make a batch of about `target`.
fn calibrate(pass: &mut dyn FnMut() -> usize, target: Duration) -> u32 {
    let start = Instant::now();
    let mut passes = 0_u32;
    while start.elapsed() < Duration::from_millis(20) {
        black_box(pass());
        passes += 1;
    }
    let per_pass = start.elapsed().as_secs_f64() / f64::from(passes.max(1));
    // Truncation is fine: a batch needs to be about `target`, not exactly.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a positive count well below u32::MAX"
    )]
    let batch = (target.as_secs_f64() / per_pass).ceil() as u32;
    batch.max(1)
}

/// Nanoseconds per decision of one batch of `passes` passes.
fn batch(pass: &mut dyn FnMut() -> usize, passes: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..passes {
        black_box(pass());
    }
    start.elapsed().as_secs_f64() * 1e9 / (f64::from(passes) * CASES.len() as f64)
}

/// The median and the first and third quartiles of `values` (nearest rank).
fn quartiles(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "an index into a short slice"
        )]
        let index = ((values.len() - 1) as f64 * q).round() as usize;
        values[index]
    };
    (at(0.25), at(0.5), at(0.75))
}

fn main() {
    let (iam, cedar) = fixtures();
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion, &iam, &cedar);
    criterion.final_summary();

    let evaluator = iam.evaluator();
    let requests = iam.requests();
    let mut ours = || iam_pass(black_box(evaluator), black_box(&requests));
    let layered = iam.layered_evaluator();
    let mut layers = || iam_pass(black_box(layered), black_box(&requests));
    let mut explained = || iam_pass_explained(black_box(evaluator), black_box(&requests));
    let mut theirs = || cedar_pass(black_box(&cedar));
    let target = Duration::from_millis(50);
    let sizes = [
        calibrate(&mut ours, target),
        calibrate(&mut explained, target),
        calibrate(&mut theirs, target),
        calibrate(&mut layers, target),
    ];
    const ROUNDS: usize = 41;
    let mut times = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    for _ in 0..ROUNDS {
        times[0].push(batch(&mut ours, sizes[0]));
        times[1].push(batch(&mut explained, sizes[1]));
        times[2].push(batch(&mut theirs, sizes[2]));
        times[3].push(batch(&mut layers, sizes[3]));
    }
    let mut ratio = |side: usize| -> Vec<f64> {
        times[2].iter().zip(&times[side]).map(|(c, o)| c / o).collect()
    };
    let (mut decision_ratio, mut explained_ratio) = (ratio(0), ratio(1));
    // What the layers cost: the layered evaluator's time over the plain one's, round by round.
    let mut layers_ratio: Vec<f64> = times[3].iter().zip(&times[0]).map(|(l, o)| l / o).collect();
    let names = [
        "ecr-actions evaluate          ",
        "ecr-actions evaluate_explained",
        "cedar-policy is_authorized    ",
        "ecr-actions evaluate + layers ",
    ];
    println!(
        "per decision over {} requests, {ROUNDS} interleaved rounds (median [q1, q3]):",
        CASES.len()
    );
    for (name, samples) in names.iter().zip(times.iter_mut()) {
        let (q1, median, q3) = quartiles(samples);
        println!("  {name} {median:8.1} ns  [{q1:.1}, {q3:.1}]");
    }
    let (q1, median, q3) = quartiles(&mut decision_ratio);
    println!("cedar / evaluate:           {median:.1}x  [{q1:.1}, {q3:.1}]");
    let (q1, median, q3) = quartiles(&mut explained_ratio);
    println!("cedar / evaluate_explained: {median:.1}x  [{q1:.1}, {q3:.1}]");
    let (q1, median, q3) = quartiles(&mut layers_ratio);
    println!("evaluate + layers / evaluate: {median:.2}x  [{q1:.2}, {q3:.2}]");
}
