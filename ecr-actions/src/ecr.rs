//! The ECR service, generated from the tables in `spec/`.

crate::iam_actions! {
    service = "ecr",
    actions = "spec/ecr-actions.txt",
    resource_types = "spec/ecr-resource-types.txt",
    condition_keys = "spec/ecr-condition-keys.txt",
    names = ["BatchGetRepositoryScanningConfiguration"],
    crate = crate,
}
