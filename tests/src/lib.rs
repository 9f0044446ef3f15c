//! Other services' tables, generated the way a user would: `iam_actions!` invoked from this crate on the
//! sample tables in `data/`. The tests in `tests/` compare them with the samples' expected metadata.

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
