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

/// The action names of ECR's actions table as AWS published it on 2026-10-27 (written out here, so
/// that the bench builds from the package alone).
const ECR: &[&str] = &[
    "BatchCheckLayerAvailability",
    "BatchDeleteImage",
    "BatchGetImage",
    "BatchGetRepositoryScanningConfiguration",
    "BatchImportUpstreamImage",
    "CompleteLayerUpload",
    "CreatePullThroughCacheRule",
    "CreateRepository",
    "CreateRepositoryCreationTemplate",
    "DeleteLifecyclePolicy",
    "DeletePullThroughCacheRule",
    "DeleteRegistryPolicy",
    "DeleteRepository",
    "DeleteRepositoryCreationTemplate",
    "DeleteRepositoryPolicy",
    "DeleteSigningConfiguration",
    "DeregisterPullTimeUpdateExclusion",
    "DescribeImageReplicationStatus",
    "DescribeImageScanFindings",
    "DescribeImageSigningStatus",
    "DescribeImages",
    "DescribePullThroughCacheRules",
    "DescribeRegistry",
    "DescribeReplicationBackfillResults",
    "DescribeRepositories",
    "DescribeRepositoryCreationTemplates",
    "GetAccountSetting",
    "GetAuthorizationToken",
    "GetDownloadUrlForLayer",
    "GetImageCopyStatus",
    "GetLifecyclePolicy",
    "GetLifecyclePolicyPreview",
    "GetRegistryPolicy",
    "GetRegistryScanningConfiguration",
    "GetRepositoryPolicy",
    "GetSigningConfiguration",
    "InitiateLayerUpload",
    "ListImages",
    "ListPullTimeUpdateExclusions",
    "ListReplicationBackfills",
    "ListTagsForResource",
    "PutAccountSetting",
    "PutImage",
    "PutImageScanningConfiguration",
    "PutImageTagMutability",
    "PutLifecyclePolicy",
    "PutRegistryPolicy",
    "PutRegistryScanningConfiguration",
    "PutReplicationConfiguration",
    "PutSigningConfiguration",
    "RegisterPullTimeUpdateExclusion",
    "ReplicateImage",
    "SetRepositoryPolicy",
    "StartImageScan",
    "StartLifecyclePolicyPreview",
    "StartReplicationBackfill",
    "StopReplicationBackfill",
    "TagResource",
    "UntagResource",
    "UpdateImageStorageClass",
    "UpdatePullThroughCacheRule",
    "UpdateRepositoryCreationTemplate",
    "UploadLayerPart",
    "ValidatePullThroughCacheRule",
];

fn ecr_names() -> Vec<String> {
    ECR.iter().map(|name| format!("ecr:{name}")).collect()
}

fn suggest(c: &mut Criterion) {
    let names = ecr_names();
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
