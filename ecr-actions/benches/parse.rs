//! `"ecr:BatchGetImage"`-style parsing, in mixed case, over all 64 ECR actions (the 2026-10-27 table) in a
//! random order: the generated `Action::from_str` against strum's `EnumString` with
//! `ascii_case_insensitive` on the same 64 names, and
//! the case-sensitive `EnumString` as the floor, in one criterion run.
//!
//! `cargo bench -p ecr-actions --bench parse`; it ends by printing the per-parse times and the ratio.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark fails by panicking"
)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, Throughput};
use ecr_actions::Action;

/// Two strum enums over the same 64 names: one parsed in any ASCII case, one case-sensitively (an exact
/// `match` on the string, the floor).
macro_rules! strum_enums {
    ($($name:literal => $variant:ident,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString)]
        #[strum(ascii_case_insensitive)]
        enum StrumInsensitive {
            $(#[strum(serialize = $name)] $variant,)*
        }

        #[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString)]
        enum StrumExact {
            $(#[strum(serialize = $name)] $variant,)*
        }
    };
}

strum_enums! {
    "ecr:BatchCheckLayerAvailability" => BatchCheckLayerAvailability,
    "ecr:BatchDeleteImage" => BatchDeleteImage,
    "ecr:BatchGetImage" => BatchGetImage,
    "ecr:BatchGetRepositoryScanningConfiguration" => BatchGetRepositoryScanningConfiguration,
    "ecr:BatchImportUpstreamImage" => BatchImportUpstreamImage,
    "ecr:CompleteLayerUpload" => CompleteLayerUpload,
    "ecr:CreatePullThroughCacheRule" => CreatePullThroughCacheRule,
    "ecr:CreateRepository" => CreateRepository,
    "ecr:CreateRepositoryCreationTemplate" => CreateRepositoryCreationTemplate,
    "ecr:DeleteLifecyclePolicy" => DeleteLifecyclePolicy,
    "ecr:DeletePullThroughCacheRule" => DeletePullThroughCacheRule,
    "ecr:DeleteRegistryPolicy" => DeleteRegistryPolicy,
    "ecr:DeleteRepository" => DeleteRepository,
    "ecr:DeleteRepositoryCreationTemplate" => DeleteRepositoryCreationTemplate,
    "ecr:DeleteRepositoryPolicy" => DeleteRepositoryPolicy,
    "ecr:DeleteSigningConfiguration" => DeleteSigningConfiguration,
    "ecr:DeregisterPullTimeUpdateExclusion" => DeregisterPullTimeUpdateExclusion,
    "ecr:DescribeImageReplicationStatus" => DescribeImageReplicationStatus,
    "ecr:DescribeImageScanFindings" => DescribeImageScanFindings,
    "ecr:DescribeImageSigningStatus" => DescribeImageSigningStatus,
    "ecr:DescribeImages" => DescribeImages,
    "ecr:DescribePullThroughCacheRules" => DescribePullThroughCacheRules,
    "ecr:DescribeRegistry" => DescribeRegistry,
    "ecr:DescribeReplicationBackfillResults" => DescribeReplicationBackfillResults,
    "ecr:DescribeRepositories" => DescribeRepositories,
    "ecr:DescribeRepositoryCreationTemplates" => DescribeRepositoryCreationTemplates,
    "ecr:GetAccountSetting" => GetAccountSetting,
    "ecr:GetAuthorizationToken" => GetAuthorizationToken,
    "ecr:GetDownloadUrlForLayer" => GetDownloadUrlForLayer,
    "ecr:GetImageCopyStatus" => GetImageCopyStatus,
    "ecr:GetLifecyclePolicy" => GetLifecyclePolicy,
    "ecr:GetLifecyclePolicyPreview" => GetLifecyclePolicyPreview,
    "ecr:GetRegistryPolicy" => GetRegistryPolicy,
    "ecr:GetRegistryScanningConfiguration" => GetRegistryScanningConfiguration,
    "ecr:GetRepositoryPolicy" => GetRepositoryPolicy,
    "ecr:GetSigningConfiguration" => GetSigningConfiguration,
    "ecr:InitiateLayerUpload" => InitiateLayerUpload,
    "ecr:ListImages" => ListImages,
    "ecr:ListPullTimeUpdateExclusions" => ListPullTimeUpdateExclusions,
    "ecr:ListReplicationBackfills" => ListReplicationBackfills,
    "ecr:ListTagsForResource" => ListTagsForResource,
    "ecr:PutAccountSetting" => PutAccountSetting,
    "ecr:PutImage" => PutImage,
    "ecr:PutImageScanningConfiguration" => PutImageScanningConfiguration,
    "ecr:PutImageTagMutability" => PutImageTagMutability,
    "ecr:PutLifecyclePolicy" => PutLifecyclePolicy,
    "ecr:PutRegistryPolicy" => PutRegistryPolicy,
    "ecr:PutRegistryScanningConfiguration" => PutRegistryScanningConfiguration,
    "ecr:PutReplicationConfiguration" => PutReplicationConfiguration,
    "ecr:PutSigningConfiguration" => PutSigningConfiguration,
    "ecr:RegisterPullTimeUpdateExclusion" => RegisterPullTimeUpdateExclusion,
    "ecr:ReplicateImage" => ReplicateImage,
    "ecr:SetRepositoryPolicy" => SetRepositoryPolicy,
    "ecr:StartImageScan" => StartImageScan,
    "ecr:StartLifecyclePolicyPreview" => StartLifecyclePolicyPreview,
    "ecr:StartReplicationBackfill" => StartReplicationBackfill,
    "ecr:StopReplicationBackfill" => StopReplicationBackfill,
    "ecr:TagResource" => TagResource,
    "ecr:UntagResource" => UntagResource,
    "ecr:UpdateImageStorageClass" => UpdateImageStorageClass,
    "ecr:UpdatePullThroughCacheRule" => UpdatePullThroughCacheRule,
    "ecr:UpdateRepositoryCreationTemplate" => UpdateRepositoryCreationTemplate,
    "ecr:UploadLayerPart" => UploadLayerPart,
    "ecr:ValidatePullThroughCacheRule" => ValidatePullThroughCacheRule,
}

/// 1,024 IAM names drawn from the 64 in a fixed pseudo-random order, each letter's case also drawn:
/// a branch predictor cannot learn the sequence, as it could a loop over the 64 in table order.
fn mixed_case_inputs() -> Vec<String> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..1024)
        .map(|_| {
            let action = Action::ALL[(next() % Action::ALL.len() as u64) as usize];
            action
                .as_str()
                .chars()
                .map(|c| {
                    if next() % 2 == 0 {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                })
                .collect()
        })
        .collect()
}

/// The same sequence of names, in their exact case.
fn exact_inputs() -> Vec<String> {
    mixed_case_inputs()
        .iter()
        .map(|s| s.parse::<Action>().unwrap().as_str().to_owned())
        .collect()
}

fn parse_all<T: std::str::FromStr>(inputs: &[String]) -> usize {
    inputs
        .iter()
        .filter(|s| black_box(s.as_str()).parse::<T>().is_ok())
        .count()
}

fn bench(c: &mut Criterion) {
    let mixed = mixed_case_inputs();
    let exact = exact_inputs();
    assert_eq!(parse_all::<Action>(&mixed), 1024);
    assert_eq!(parse_all::<StrumInsensitive>(&mixed), 1024);
    assert_eq!(parse_all::<StrumExact>(&exact), 1024);

    let mut group = c.benchmark_group("parse 1,024 IAM action names");
    group.throughput(Throughput::Elements(1024));
    group.bench_function("ecr-actions Action::from_str, mixed case", |b| {
        b.iter(|| parse_all::<Action>(black_box(&mixed)))
    });
    group.bench_function("strum EnumString ascii_case_insensitive, mixed case", |b| {
        b.iter(|| parse_all::<StrumInsensitive>(black_box(&mixed)))
    });
    group.bench_function("strum EnumString exact case (floor)", |b| {
        b.iter(|| parse_all::<StrumExact>(black_box(&exact)))
    });
    group.bench_function("ecr-actions Action::from_str, exact case", |b| {
        b.iter(|| parse_all::<Action>(black_box(&exact)))
    });
    group.finish();
}

/// Nanoseconds per parse: the median of 11 runs of 10,000 passes over the 1,024 names (a median, not a
/// best-of-N minimum, as every figure the README quotes).
fn ns_per_parse<T: std::str::FromStr>(inputs: &[String]) -> f64 {
    let mut runs: Vec<f64> = (0..11)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..10_000 {
                black_box(parse_all::<T>(black_box(inputs)));
            }
            start.elapsed().as_secs_f64() * 1e9 / (10_000.0 * inputs.len() as f64)
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    *runs.get(runs.len() / 2).unwrap()
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();

    let (mixed, exact) = (mixed_case_inputs(), exact_inputs());
    let ours = ns_per_parse::<Action>(&mixed);
    let strum = ns_per_parse::<StrumInsensitive>(&mixed);
    let floor = ns_per_parse::<StrumExact>(&exact);
    println!(
        "per parse, mixed case: ecr-actions {ours:.2} ns, strum ascii_case_insensitive {strum:.2} ns, exact-case floor {floor:.2} ns"
    );
    println!("speedup over strum: {:.2}x", strum / ours);
}
