//! The ECR service, generated from the tables AWS published on 2026-10-27 (`spec/2026-10-27/`): the
//! Service Authorization Reference page "Actions, resources, and condition keys for Amazon Elastic
//! Container Registry", drawn as the seed was. The README's "The data, and how to update it" says how to
//! take a newer version; `ecr-iam spec diff` shows what changed. The seed table (2022-11-10) is passed as
//! `previous`: ECR removed no action between the two, so no action here is deprecated.

crate::iam_actions! {
    service = "ecr",
    actions = "spec/2026-10-27/ecr-actions.txt",
    resource_types = "spec/2026-10-27/ecr-resource-types.txt",
    condition_keys = "spec/2026-10-27/ecr-condition-keys.txt",
    names = ["BatchGetRepositoryScanningConfiguration"],
    // The seed table of 2022-11-10: an action it has and the current table lacks would stay, deprecated,
    // so that upgrading this crate never breaks a user's build silently. ECR removed none since.
    previous = ["spec/ecr-actions.txt"],
    crate = crate,
}
