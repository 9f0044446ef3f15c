//! Other services' tables, generated the way a user would: `iam_actions!` invoked from this crate on the
//! sample tables in `data/`. The tests in `tests/` compare them with the samples' expected metadata.

/// Amazon ECR as the seed table gives it (`spec/ecr-actions.txt`, 2022-11-10, 43 actions, the older layout
/// with `Dependent actions` and `Access level` third), with its companion tables. `ecr_actions::Action`
/// now comes from the 2026-10-27 tables; compiling the seed here keeps its layout supported.
pub mod ecr_2022 {
    ecr_actions::iam_actions! {
        service = "ecr",
        actions = "../spec/ecr-actions.txt",
        resource_types = "../spec/ecr-resource-types.txt",
        condition_keys = "../spec/ecr-condition-keys.txt",
        names = ["BatchGetRepositoryScanningConfiguration"],
    }
}

/// Amazon SQS, from `data/sqs-actions.txt`.
pub mod sqs {
    ecr_actions::iam_actions! {
        service = "sqs",
        actions = "data/sqs-actions.txt",
    }
}

/// Amazon EKS, from `data/eks-actions.txt`.
pub mod eks {
    ecr_actions::iam_actions! {
        service = "eks",
        actions = "data/eks-actions.txt",
        names = ["eks:bootstrapClusterCreatorAdminPermissions"],
    }
}

/// AWS CloudFormation, from `data/cloudformation-actions.txt`.
pub mod cloudformation {
    ecr_actions::iam_actions! {
        service = "cloudformation",
        actions = "data/cloudformation-actions.txt",
        names = ["cloudformation:ListStacks"],
    }
}

/// AWS KMS, from `data/kms-actions-written-out.txt`: the sample table with its 24 ambiguous cut cells
/// (`kms:RecipientAttestation:NitroTPMPC…`) written out by hand; the unchanged table is refused.
pub mod kms {
    ecr_actions::iam_actions! {
        service = "kms",
        actions = "data/kms-actions-written-out.txt",
        names = [
            "cloudhsm:DescribeClusters",
            "ec2:DescribeVpcEndpointServices",
            "iam:CreateServiceLinkedRole",
            "kms:EncryptionContext:${EncryptionContextKey}",
            "kms:ScheduleKeyDeletionPendingWindowInDays",
        ],
    }
}

/// A made-up service in the newer layout (no `Dependent actions`, `Access level` last) with an action of
/// two access levels, given inline.
pub mod demo {
    ecr_actions::iam_actions! {
        service = "demo",
        actions = inline("
┏━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions        ┃ Description              ┃ Resource types ┃ Condition keys ┃ Access level   ┃
┡━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ CreateWidget   │ Grants permission to     │ widget*        │ aws:TagKeys    │ Tagging, Write │
│                │ create a widget          │                │                │                │
├────────────────┼──────────────────────────┼────────────────┼────────────────┼────────────────┤
│ ListWidgets    │ Grants permission to     │                │                │ List           │
│                │ list widgets             │                │                │                │
└────────────────┴──────────────────────────┴────────────────┴────────────────┴────────────────┘
"),
    }
}
