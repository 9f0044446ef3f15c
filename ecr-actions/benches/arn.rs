//! ARNs: `Arn::from_str` and `RepositoryArn::from_str` on 1,024 repository ARNs of varied shape, and
//! `ArnPattern::matches` of `arn:aws:ecr:*:*:repository/app/*` against them (about half match).
//!
//! `cargo bench -p ecr-actions --bench arn`; it ends by printing the time per ARN of each.

#![allow(clippy::unwrap_used, reason = "a benchmark fails by panicking")]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, Throughput};
use ecr_actions::{Arn, ArnPattern, RepositoryArn};

const PATTERN: &str = "arn:aws:ecr:*:*:repository/app/*";

/// 1,024 repository ARNs: regions, accounts and names (one to three namespaces, 2 to 40 characters)
/// drawn in a fixed pseudo-random order; about half in the `app/` namespace.
fn inputs() -> Vec<String> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1"];
    let words = [
        "web",
        "api",
        "build-cache",
        "ledger",
        "ml.train",
        "x9",
        "team_a",
    ];
    (0..1024)
        .map(|_| {
            let region = regions.get((next() % 4) as usize).unwrap();
            let account = format!("{:012}", next() % 1_000_000_000_000);
            let mut name = if next() % 2 == 0 {
                String::from("app")
            } else {
                String::from("svc")
            };
            for _ in 0..next() % 3 + 1 {
                name.push('/');
                name.push_str(words.get((next() % words.len() as u64) as usize).unwrap());
            }
            format!("arn:aws:ecr:{region}:{account}:repository/{name}")
        })
        .collect()
}

fn parse_all<T: std::str::FromStr>(inputs: &[String]) -> usize {
    inputs
        .iter()
        .filter(|s| black_box(s.as_str()).parse::<T>().is_ok())
        .count()
}

fn match_all(pattern: &ArnPattern, inputs: &[String]) -> usize {
    inputs
        .iter()
        .filter(|s| pattern.matches(black_box(s.as_str())))
        .count()
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    let pattern = ArnPattern::new(PATTERN).unwrap();
    assert_eq!(parse_all::<Arn>(&inputs), 1024);
    assert_eq!(parse_all::<RepositoryArn>(&inputs), 1024);
    let matching = match_all(&pattern, &inputs);
    assert!((400..=624).contains(&matching), "{matching}");

    let mut group = c.benchmark_group("1,024 repository ARNs");
    group.throughput(Throughput::Elements(1024));
    group.bench_function("Arn::from_str", |b| {
        b.iter(|| parse_all::<Arn>(black_box(&inputs)))
    });
    group.bench_function("RepositoryArn::from_str", |b| {
        b.iter(|| parse_all::<RepositoryArn>(black_box(&inputs)))
    });
    group.bench_function(format!("ArnPattern::matches `{PATTERN}`"), |b| {
        b.iter(|| match_all(black_box(&pattern), black_box(&inputs)))
    });
    group.finish();
}

/// Nanoseconds per ARN: the median of 11 runs of 2,000 passes over the 1,024 ARNs (a median, not a
/// best-of-N minimum, as every figure the README quotes).
fn ns_per_arn(inputs: &[String], mut pass: impl FnMut(&[String]) -> usize) -> f64 {
    let mut runs: Vec<f64> = (0..11)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..2_000 {
                black_box(pass(black_box(inputs)));
            }
            start.elapsed().as_secs_f64() * 1e9 / (2_000.0 * inputs.len() as f64)
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    *runs.get(runs.len() / 2).unwrap()
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();

    let inputs = inputs();
    let pattern = ArnPattern::new(PATTERN).unwrap();
    let arn = ns_per_arn(&inputs, parse_all::<Arn>);
    let repository = ns_per_arn(&inputs, parse_all::<RepositoryArn>);
    let matches = ns_per_arn(&inputs, |inputs| match_all(&pattern, inputs));
    println!(
        "per ARN: Arn::from_str {arn:.1} ns, RepositoryArn::from_str {repository:.1} ns, \
         ArnPattern::matches {matches:.1} ns"
    );
}
