//! Hostile input at runtime: each shape at 256 KiB and 1 MiB, so that the two medians show whether
//! the cost grows linearly (a 4× larger input should take about 4× as long, not 16×).
//!
//! | group | shape |
//! | --- | --- |
//! | `read/wide-keys` | one operator block of distinct condition keys (`from_json`, duplicate check) |
//! | `read/statements` | many small statements |
//! | `read/deep` | arrays nested 100 deep, over and over, as one condition value (refused, after reading) |
//! | `read/long-string` | one `Resource` value of non-ASCII text |
//! | `context/adversarial-keys` | `Context::insert` of 51,200 / 204,800 keys, each sorting first |
//! | `lint/long-resource` | `lint` of a document whose `Resource` is one long value of distinct non-ASCII characters (depends on the glob fix of issue 8; slow where that fix is absent, hence the small sample) |
//! | `eval/long-context-values` | `Evaluator::evaluate` with `StringLike`, `ArnLike` and `IpAddress` conditions on context values of that length |
//!
//! `cargo bench -p ecr-actions --bench hostile --all-features -- --warm-up-time 1 --measurement-time 3`.
//! Before the groups run, each shape's total heap allocation (bytes, counted by `stats_alloc`; an
//! upper bound on its peak heap) is printed once. `HOSTILE_ONCE=<group>/<size>` runs one shape once
//! and exits, for `/usr/bin/time -v` (peak resident memory).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "a benchmark fails by panicking"
)]

use std::alloc::System;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
use ecr_actions::lint::lint;
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, RepositoryArn};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const SIZES: [(&str, usize); 2] = [("256KiB", 256 << 10), ("1MiB", 1 << 20)];

/// A document of about `size` bytes: one `StringEquals` block of distinct keys.
fn wide_keys(size: usize) -> String {
    let mut keys = Vec::new();
    let mut len = 0;
    let mut i = 0;
    while len + 200 < size {
        let key = format!(r#""aws:PrincipalTag/k{i}":"v""#);
        len += key.len() + 1;
        keys.push(key);
        i += 1;
    }
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Deny","Action":"ecr:*","Resource":"*","Condition":{{"StringEquals":{{{}}}}}}}}}"#,
        keys.join(",")
    )
}

/// A document of about `size` bytes: small statements.
fn statements(size: usize) -> String {
    let one = r#"{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"arn:aws:ecr:us-east-1:111122223333:repository/app"}"#;
    let count = (size - 100) / (one.len() + 1);
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        vec![one; count].join(",")
    )
}

/// A document of about `size` bytes: arrays nested 100 deep, repeated, as one condition value.
fn deep(size: usize) -> String {
    let one = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let count = (size - 200) / (one.len() + 1);
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Deny","Action":"ecr:*","Resource":"*","Condition":{{"StringEquals":{{"k":[{}]}}}}}}}}"#,
        vec![one.as_str(); count].join(",")
    )
}

/// Distinct characters of the Private Use Area and beyond, `bytes` of them in UTF-8 (about).
fn distinct_non_ascii(bytes: usize) -> String {
    (0xE000_u32..)
        .filter_map(char::from_u32)
        .scan(0, |len, c| {
            *len += c.len_utf8();
            (*len <= bytes).then_some(c)
        })
        .collect()
}

/// A document of about `size` bytes: one `Resource` value of distinct non-ASCII characters, in the
/// service segment (which the linter matches as a wildcard pattern against `ecr`).
fn long_resource(size: usize) -> String {
    let value = format!(
        "arn:aws:{}*:us-east-1:111122223333:repository/app",
        distinct_non_ascii(size - 300)
    );
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"{value}"}}}}"#
    )
}

/// Keys in the order that made a sorted-vector insert quadratic: each new key sorts first.
fn adversarial_context(keys: usize) -> Context {
    let mut context = Context::new();
    for i in (0..keys).rev() {
        context.insert(&format!("aws:PrincipalTag/k{i:07}"), "v");
    }
    context
}

/// An evaluator whose conditions read long context values, and a context of values of `size` bytes
/// that almost match (the `h` is missing), so that matching runs to the end and nothing applies.
fn long_values(size: usize) -> (Evaluator, Context) {
    let policy = PolicyDocument::from_json(
        r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"ecr:*","Resource":"*",
         "Condition":{"StringLike":{"aws:PrincipalTag/team":"*a*b*c*d*e*f*g*h*"},
                      "ArnLike":{"aws:SourceArn":"arn:aws:ecr:*:111122223333:repository/*x*y*z"}}},
        {"Effect":"Deny","Action":"ecr:*","Resource":"*",
         "Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"},
                      "StringEquals":{"aws:PrincipalTag/team":"z"}}}]}"#,
    )
    .unwrap();
    let evaluator = Evaluator::new(&[policy], None).unwrap();
    let context = Context::new()
        .with(
            "aws:PrincipalTag/team",
            format!("{}abcdefg", "a".repeat(size)),
        )
        .with(
            "aws:SourceArn",
            format!(
                "arn:aws:ecr:us-east-1:111122223333:repository/{}xyz",
                "x".repeat(size)
            ),
        )
        .with("aws:SourceIp", "203.0.113.7");
    (evaluator, context)
}

fn decide(evaluator: &Evaluator, context: &Context) -> Decision {
    let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app"
        .parse()
        .unwrap();
    evaluator.evaluate(&Request::new(
        "arn:aws:iam::111122223333:user/alice",
        Action::BatchGetImage,
        Resource::Repository(&repository),
        context,
    ))
}

/// Runs one shape once; what it returns is only kept alive until the end.
fn run_once(group: &str, size: usize) -> usize {
    match group {
        "read/wide-keys" => usize::from(PolicyDocument::from_json(&wide_keys(size)).is_ok()),
        "read/statements" => usize::from(PolicyDocument::from_json(&statements(size)).is_ok()),
        "read/deep" => usize::from(PolicyDocument::from_json(&deep(size)).is_ok()),
        "read/long-string" => usize::from(PolicyDocument::from_json(&long_resource(size)).is_ok()),
        "context/adversarial-keys" => adversarial_context(keys_for(size)).len(),
        "lint/long-resource" => {
            lint(&PolicyDocument::from_json(&long_resource(size)).unwrap()).len()
        }
        "eval/long-context-values" => {
            let (evaluator, context) = long_values(size);
            usize::from(decide(&evaluator, &context) == Decision::ImplicitDeny)
        }
        other => panic!("unknown shape `{other}`"),
    }
}

/// 51,200 keys for 256 KiB, 204,800 for 1 MiB.
fn keys_for(size: usize) -> usize {
    size / 5
}

const GROUPS: [&str; 7] = [
    "read/wide-keys",
    "read/statements",
    "read/deep",
    "read/long-string",
    "context/adversarial-keys",
    "lint/long-resource",
    "eval/long-context-values",
];

/// Each shape's total heap allocation, once (an upper bound on its peak heap).
fn print_allocations() {
    for group in GROUPS {
        for (name, size) in SIZES {
            let region = Region::new(GLOBAL);
            black_box(run_once(group, size));
            let stats = region.change();
            println!(
                "hostile {group}/{name}: {:.1} MB allocated in total",
                stats.bytes_allocated as f64 / 1e6
            );
        }
    }
}

fn bench(c: &mut Criterion) {
    for (group_name, slow) in GROUPS.map(|g| (g, g.starts_with("lint/"))) {
        let mut group = c.benchmark_group(group_name);
        if slow {
            group.sample_size(10);
        }
        for (name, size) in SIZES {
            group.throughput(Throughput::Bytes(size as u64));
            match group_name {
                "read/wide-keys" | "read/statements" | "read/deep" | "read/long-string" => {
                    let text = match group_name {
                        "read/wide-keys" => wide_keys(size),
                        "read/statements" => statements(size),
                        "read/deep" => deep(size),
                        _ => long_resource(size),
                    };
                    group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
                        b.iter(|| PolicyDocument::from_json(black_box(text)).is_ok());
                    });
                }
                "context/adversarial-keys" => {
                    let keys: Vec<String> = (0..keys_for(size))
                        .rev()
                        .map(|i| format!("aws:PrincipalTag/k{i:07}"))
                        .collect();
                    group.bench_with_input(BenchmarkId::from_parameter(name), &keys, |b, keys| {
                        b.iter(|| {
                            let mut context = Context::new();
                            for key in keys {
                                context.insert(key, "v");
                            }
                            context.len()
                        });
                    });
                }
                "lint/long-resource" => {
                    let document = PolicyDocument::from_json(&long_resource(size)).unwrap();
                    group.bench_with_input(
                        BenchmarkId::from_parameter(name),
                        &document,
                        |b, document| b.iter(|| lint(black_box(document)).len()),
                    );
                }
                _ => {
                    let (evaluator, context) = long_values(size);
                    assert_eq!(decide(&evaluator, &context), Decision::ImplicitDeny);
                    group.bench_function(BenchmarkId::from_parameter(name), |b| {
                        b.iter(|| decide(black_box(&evaluator), black_box(&context)));
                    });
                }
            }
        }
        group.finish();
    }
}

/// Not hostile: what `Context::get` costs on a context of 7 keys (scanned) and of 1,000 (searched),
/// beside a plain vector scan (the representation before the O(log n) insert), so that the new
/// insert is seen not to slow the lookups decisions make.
fn context_get(c: &mut Criterion) {
    let small = Context::new()
        .with("aws:SourceIp", "203.0.113.7")
        .with("aws:SecureTransport", "true")
        .with("aws:PrincipalTag/team", "web")
        .with("aws:username", "alice")
        .with("aws:PrincipalArn", "arn:aws:iam::111122223333:user/alice")
        .with("aws:MultiFactorAuthPresent", "true")
        .with("aws:TagKeys", ["env", "team"]);
    let large: Context = (0..1000)
        .map(|i| (format!("aws:PrincipalTag/k{i}"), "v"))
        .collect();
    let mut group = c.benchmark_group("context/get");
    group.bench_function("7-keys", |b| {
        b.iter(|| black_box(&small).get(black_box("AWS:username")).is_some());
    });
    // The old representation's scan, for calibration on a loaded machine.
    let vec: Vec<(String, String)> = small
        .iter()
        .map(|(k, _)| (k.to_owned(), String::new()))
        .collect();
    group.bench_function("7-keys-vec-baseline", |b| {
        b.iter(|| {
            let key = black_box("AWS:username");
            black_box(&vec)
                .iter()
                .find(|(c, _)| c.len() == key.len() && c.eq_ignore_ascii_case(key))
                .is_some()
        });
    });
    group.bench_function("1000-keys", |b| {
        b.iter(|| {
            black_box(&large)
                .get(black_box("aws:principaltag/K500"))
                .is_some()
        });
    });
    group.finish();
}

fn main() {
    if let Ok(shape) = std::env::var("HOSTILE_ONCE") {
        let (group, name) = shape.rsplit_once('/').expect("HOSTILE_ONCE=<group>/<size>");
        let size = SIZES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
            .expect("a size of 256KiB or 1MiB");
        println!("{shape}: {}", black_box(run_once(group, size)));
        return;
    }
    print_allocations();
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .configure_from_args();
    bench(&mut criterion);
    context_get(&mut criterion);
    criterion.final_summary();
}
