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

/// Amazon SQS again, from the same table with the same arguments in another module: two invocations for
/// one service compile in one crate (each exports its hidden helper macro under a name of its own).
pub mod sqs_snapshot {
    ecr_actions::iam_actions! {
        service = "sqs",
        actions = "data/sqs-actions.txt",
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

/// AWS CodeBuild, from `data/codebuild-actions-written-out.txt`: the sample table with the cells its
/// `names_for` settles written out by hand. It lists distinct condition keys whose plain identifiers
/// collide (`codebuild:environment.type`, `codebuild:environmentType`): each takes its exact identifier.
pub mod codebuild {
    ecr_actions::iam_actions! {
        service = "codebuild",
        actions = "data/codebuild-actions-written-out.txt",
        names = [
            "codebuild:computeConfiguration.instanceType",
            "codebuild:computeConfiguration.machineType",
            "codebuild:computeConfiguration.memory",
        ],
    }
}

/// Amazon S3, from `data/s3-actions-written-out.txt`: the sample table with the cells its `names_for`
/// settles written out by hand. Its page lists `s3:signatureversion` twice in one cell: taken once.
pub mod s3 {
    ecr_actions::iam_actions! {
        service = "s3",
        actions = "data/s3-actions-written-out.txt",
        names = [
            "CreateBucketMetadataTableConfiguration",
            "DeleteAccessGrantsInstanceResourcePolicy",
            "DeleteAccessPointPolicyForObjectLambda",
            "DeleteBucketMetadataTableConfiguration",
            "DeleteStorageLensConfigurationTagging",
            "DescribeMultiRegionAccessPointOperation",
            "DissociateAccessGrantsIdentityCenter",
            "GetAccessGrantsInstanceResourcePolicy",
            "GetAccessPointConfigurationForObjectLambda",
            "GetAccessPointPolicyStatusForObjectLambda",
            "GetMultiRegionAccessPointPolicyStatus",
            "PutAccessGrantsInstanceResourcePolicy",
            "PutAccessPointConfigurationForObjectLambda",
            "UpdateBucketMetadataInventoryTableConfiguration",
            "UpdateBucketMetadataJournalTableConfiguration",
            "objectlambdaaccesspoint*",
            "s3:GetReplicationConfiguration",
            "s3:PutReplicationConfiguration",
            "s3:object-lock-remaining-retention-days",
            "s3:x-amz-server-side-encryption-aws-kms-key-id",
            "s3:x-amz-server-side-encryption-customer-algorithm",
            "s3tables:CreateNamespace",
            "s3tables:CreateTableBucket",
            "s3tables:PutTableBucketPolicy",
            "s3tables:PutTableEncryption",
            "s3tables:PutTablePolicy",
            "storagelensconfiguration*",
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

/// A made-up service upgraded from an earlier table (2025-06-30) that had one more action,
/// `PingEveryone`, to the current one (2026-01-31) that lacks it: the `previous` argument keeps
/// `PingEveryone`, `#[deprecated]`, out of wildcard expansions.
pub mod upgraded {
    ecr_actions::iam_actions! {
        service = "demo",
        actions = inline("
                                 Last updated: 2026-01-31T00:00:00+00:00
┏━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓
┃ Actions      ┃ Description          ┃ Resource types ┃ Condition keys ┃ Access level ┃
┡━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩
│ Ping         │ Grants permission to │ thing*         │                │ Read         │
│              │ ping a thing         │                │                │              │
├──────────────┼──────────────────────┼────────────────┼────────────────┼──────────────┤
│ PingAll      │ Grants permission to │                │                │ Write        │
│              │ ping every thing     │                │                │              │
└──────────────┴──────────────────────┴────────────────┴────────────────┴──────────────┘
"),
        previous = [inline("
                                 Last updated: 2025-06-30T00:00:00+00:00
┏━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓
┃ Actions      ┃ Description          ┃ Resource types ┃ Condition keys ┃ Access level ┃
┡━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩
│ Ping         │ Grants permission to │ thing*         │                │ Read         │
│              │ ping a thing         │                │                │              │
├──────────────┼──────────────────────┼────────────────┼────────────────┼──────────────┤
│ PingAll      │ Grants permission to │                │                │ Write        │
│              │ ping every thing     │                │                │              │
├──────────────┼──────────────────────┼────────────────┼────────────────┼──────────────┤
│ PingEveryone │ Grants permission to │ thing*         │                │ Write        │
│              │ ping everyone        │                │                │              │
└──────────────┴──────────────────────┴────────────────┴────────────────┴──────────────┘
")],
    }
}
