//! The ECR service, generated from the tables in `spec/2026-10-27/`.

crate::iam_actions! {
    service = "ecr",
    actions = "spec/2026-10-27/ecr-actions.txt",
    resource_types = "spec/2026-10-27/ecr-resource-types.txt",
    condition_keys = "spec/2026-10-27/ecr-condition-keys.txt",
    names = ["BatchGetRepositoryScanningConfiguration"],
    crate = crate,
}
