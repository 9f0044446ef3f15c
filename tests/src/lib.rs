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

// A library whose users call its `actions!` without depending on ecr-actions names the runtime crate by
// a path they reach (see `iam_actions!`, "`actions!` beyond the invoking crate").
extern crate self as ecr_actions_tests;
#[doc(hidden)]
pub use ecr_actions as __ecr;

/// Amazon SQS a third time, naming the runtime crate through this crate (`crate =
/// ::ecr_actions_tests::__ecr`), as a library does whose users need not depend on ecr-actions; its
/// `actions!` is also re-exported at the root as `sqs_actions!`.
pub mod sqs_via_this_crate {
    ecr_actions::iam_actions! {
        service = "sqs",
        actions = "data/sqs-actions.txt",
        crate = ::ecr_actions_tests::__ecr,
    }
}

pub use sqs_via_this_crate::actions as sqs_actions;

/// Uses of the generated `actions!` inside the crate that generated it: by path from another module.
pub mod uses {
    /// `crate::sqs::actions!` from a sibling module.
    pub const SEND: crate::sqs::ActionSet = crate::sqs::actions!("sqs:Send*");
    /// Through the root re-export under another name.
    pub const RECEIVE: crate::sqs_via_this_crate::ActionSet =
        crate::sqs_actions!("sqs:ReceiveMessage");
}

/// Amazon SQS again, from the same table with the same arguments in another module: two invocations for
/// one service compile in one crate (each exports its hidden helper macro under a name of its own).
pub mod sqs_snapshot {
    ecr_actions::iam_actions! {
        service = "sqs",
        actions = "data/sqs-actions.txt",
    }
}

/// AWS KMS, from its real table `data/kms-actions.txt`: one cut key (`kms:RecipientAttestation:NitroTPMPC…`)
/// stands for 24 keys, so the actions that show it give all their cut cells in `names_for`, in table order.
pub mod kms {
    ecr_actions::iam_actions! {
        service = "kms",
        actions = "data/kms-actions.txt",
        names = [
            "cloudhsm:DescribeClusters",
            "ec2:DescribeVpcEndpointServices",
            "iam:CreateServiceLinkedRole",
            "kms:EncryptionContext:${EncryptionContextKey}",
            "kms:ScheduleKeyDeletionPendingWindowInDays",
        ],
        names_for = {
            "Decrypt" = [
                "kms:EncryptionContext:${EncryptionContextKey}",
                "kms:RecipientAttestation:NitroTPMPCR0",
                "kms:RecipientAttestation:NitroTPMPCR1",
                "kms:RecipientAttestation:NitroTPMPCR2",
                "kms:RecipientAttestation:NitroTPMPCR3",
                "kms:RecipientAttestation:NitroTPMPCR4",
                "kms:RecipientAttestation:NitroTPMPCR5",
                "kms:RecipientAttestation:NitroTPMPCR6",
                "kms:RecipientAttestation:NitroTPMPCR7",
                "kms:RecipientAttestation:NitroTPMPCR8",
                "kms:RecipientAttestation:NitroTPMPCR9",
                "kms:RecipientAttestation:NitroTPMPCR10",
                "kms:RecipientAttestation:NitroTPMPCR11",
                "kms:RecipientAttestation:NitroTPMPCR12",
                "kms:RecipientAttestation:NitroTPMPCR13",
                "kms:RecipientAttestation:NitroTPMPCR14",
                "kms:RecipientAttestation:NitroTPMPCR15",
                "kms:RecipientAttestation:NitroTPMPCR16",
                "kms:RecipientAttestation:NitroTPMPCR17",
                "kms:RecipientAttestation:NitroTPMPCR18",
                "kms:RecipientAttestation:NitroTPMPCR19",
                "kms:RecipientAttestation:NitroTPMPCR20",
                "kms:RecipientAttestation:NitroTPMPCR21",
                "kms:RecipientAttestation:NitroTPMPCR22",
                "kms:RecipientAttestation:NitroTPMPCR23",
            ],
            "DeriveSharedSecret" = [
                "kms:RecipientAttestation:NitroTPMPCR0",
                "kms:RecipientAttestation:NitroTPMPCR1",
                "kms:RecipientAttestation:NitroTPMPCR2",
                "kms:RecipientAttestation:NitroTPMPCR3",
                "kms:RecipientAttestation:NitroTPMPCR4",
                "kms:RecipientAttestation:NitroTPMPCR5",
                "kms:RecipientAttestation:NitroTPMPCR6",
                "kms:RecipientAttestation:NitroTPMPCR7",
                "kms:RecipientAttestation:NitroTPMPCR8",
                "kms:RecipientAttestation:NitroTPMPCR9",
                "kms:RecipientAttestation:NitroTPMPCR10",
                "kms:RecipientAttestation:NitroTPMPCR11",
                "kms:RecipientAttestation:NitroTPMPCR12",
                "kms:RecipientAttestation:NitroTPMPCR13",
                "kms:RecipientAttestation:NitroTPMPCR14",
                "kms:RecipientAttestation:NitroTPMPCR15",
                "kms:RecipientAttestation:NitroTPMPCR16",
                "kms:RecipientAttestation:NitroTPMPCR17",
                "kms:RecipientAttestation:NitroTPMPCR18",
                "kms:RecipientAttestation:NitroTPMPCR19",
                "kms:RecipientAttestation:NitroTPMPCR20",
                "kms:RecipientAttestation:NitroTPMPCR21",
                "kms:RecipientAttestation:NitroTPMPCR22",
                "kms:RecipientAttestation:NitroTPMPCR23",
            ],
            "GenerateDataKey" = [
                "kms:EncryptionContext:${EncryptionContextKey}",
                "kms:RecipientAttestation:NitroTPMPCR0",
                "kms:RecipientAttestation:NitroTPMPCR1",
                "kms:RecipientAttestation:NitroTPMPCR2",
                "kms:RecipientAttestation:NitroTPMPCR3",
                "kms:RecipientAttestation:NitroTPMPCR4",
                "kms:RecipientAttestation:NitroTPMPCR5",
                "kms:RecipientAttestation:NitroTPMPCR6",
                "kms:RecipientAttestation:NitroTPMPCR7",
                "kms:RecipientAttestation:NitroTPMPCR8",
                "kms:RecipientAttestation:NitroTPMPCR9",
                "kms:RecipientAttestation:NitroTPMPCR10",
                "kms:RecipientAttestation:NitroTPMPCR11",
                "kms:RecipientAttestation:NitroTPMPCR12",
                "kms:RecipientAttestation:NitroTPMPCR13",
                "kms:RecipientAttestation:NitroTPMPCR14",
                "kms:RecipientAttestation:NitroTPMPCR15",
                "kms:RecipientAttestation:NitroTPMPCR16",
                "kms:RecipientAttestation:NitroTPMPCR17",
                "kms:RecipientAttestation:NitroTPMPCR18",
                "kms:RecipientAttestation:NitroTPMPCR19",
                "kms:RecipientAttestation:NitroTPMPCR20",
                "kms:RecipientAttestation:NitroTPMPCR21",
                "kms:RecipientAttestation:NitroTPMPCR22",
                "kms:RecipientAttestation:NitroTPMPCR23",
            ],
            "GenerateDataKeyPair" = [
                "kms:EncryptionContext:${EncryptionContextKey}",
                "kms:RecipientAttestation:NitroTPMPCR0",
                "kms:RecipientAttestation:NitroTPMPCR1",
                "kms:RecipientAttestation:NitroTPMPCR2",
                "kms:RecipientAttestation:NitroTPMPCR3",
                "kms:RecipientAttestation:NitroTPMPCR4",
                "kms:RecipientAttestation:NitroTPMPCR5",
                "kms:RecipientAttestation:NitroTPMPCR6",
                "kms:RecipientAttestation:NitroTPMPCR7",
                "kms:RecipientAttestation:NitroTPMPCR8",
                "kms:RecipientAttestation:NitroTPMPCR9",
                "kms:RecipientAttestation:NitroTPMPCR10",
                "kms:RecipientAttestation:NitroTPMPCR11",
                "kms:RecipientAttestation:NitroTPMPCR12",
                "kms:RecipientAttestation:NitroTPMPCR13",
                "kms:RecipientAttestation:NitroTPMPCR14",
                "kms:RecipientAttestation:NitroTPMPCR15",
                "kms:RecipientAttestation:NitroTPMPCR16",
                "kms:RecipientAttestation:NitroTPMPCR17",
                "kms:RecipientAttestation:NitroTPMPCR18",
                "kms:RecipientAttestation:NitroTPMPCR19",
                "kms:RecipientAttestation:NitroTPMPCR20",
                "kms:RecipientAttestation:NitroTPMPCR21",
                "kms:RecipientAttestation:NitroTPMPCR22",
                "kms:RecipientAttestation:NitroTPMPCR23",
            ],
            "GenerateRandom" = [
                "kms:RecipientAttestation:NitroTPMPCR0",
                "kms:RecipientAttestation:NitroTPMPCR1",
                "kms:RecipientAttestation:NitroTPMPCR2",
                "kms:RecipientAttestation:NitroTPMPCR3",
                "kms:RecipientAttestation:NitroTPMPCR4",
                "kms:RecipientAttestation:NitroTPMPCR5",
                "kms:RecipientAttestation:NitroTPMPCR6",
                "kms:RecipientAttestation:NitroTPMPCR7",
                "kms:RecipientAttestation:NitroTPMPCR8",
                "kms:RecipientAttestation:NitroTPMPCR9",
                "kms:RecipientAttestation:NitroTPMPCR10",
                "kms:RecipientAttestation:NitroTPMPCR11",
                "kms:RecipientAttestation:NitroTPMPCR12",
                "kms:RecipientAttestation:NitroTPMPCR13",
                "kms:RecipientAttestation:NitroTPMPCR14",
                "kms:RecipientAttestation:NitroTPMPCR15",
                "kms:RecipientAttestation:NitroTPMPCR16",
                "kms:RecipientAttestation:NitroTPMPCR17",
                "kms:RecipientAttestation:NitroTPMPCR18",
                "kms:RecipientAttestation:NitroTPMPCR19",
                "kms:RecipientAttestation:NitroTPMPCR20",
                "kms:RecipientAttestation:NitroTPMPCR21",
                "kms:RecipientAttestation:NitroTPMPCR22",
                "kms:RecipientAttestation:NitroTPMPCR23",
            ],
        },
    }
}

/// AWS CodeBuild, from its real table `data/codebuild-actions.txt` with `names_for`. It lists distinct
/// condition keys whose plain identifiers collide (`codebuild:environment.type`,
/// `codebuild:environmentType`): each takes its exact identifier.
pub mod codebuild {
    ecr_actions::iam_actions! {
        service = "codebuild",
        actions = "data/codebuild-actions.txt",
        names = [
            "codebuild:computeConfiguration.instanceType",
            "codebuild:computeConfiguration.machineType",
            "codebuild:computeConfiguration.memory",
        ],
        names_for = {
            "CreateProject" = [
                "codebuild:artifacts.bucketOwnerAccess",
                "codebuild:artifacts.encryptionDisabled",
                "codebuild:secondaryArtifacts.artifactIdentifier",
                "codebuild:secondaryArtifacts.bucketOwnerAccess",
                "codebuild:secondaryArtifacts.encryptionDisabled",
                "codebuild:secondaryArtifacts.location",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.bucketOwnerAccess",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.encryptionDisabled",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.location",
                "codebuild:source.buildStatusConfig.targetUrl",
                "codebuild:source.buildStatusConfig.context",
                "codebuild:secondarySources.sourceIdentifier",
                "codebuild:secondarySources.buildStatusConfig.targetUrl",
                "codebuild:secondarySources.buildStatusConfig.context",
                "codebuild:secondarySources.auth.resource",
                "codebuild:secondarySources.insecureSsl",
                "codebuild:secondarySources/${sourceIdentifier}.buildStatusConfig.targetUrl",
                "codebuild:secondarySources/${sourceIdentifier}.buildStatusConfig.context",
                "codebuild:secondarySources/${sourceIdentifier}.location",
                "codebuild:secondarySources/${sourceIdentifier}.auth.resource",
                "codebuild:secondarySources/${sourceIdentifier}.auth.type",
                "codebuild:secondarySources/${sourceIdentifier}.buildspec",
                "codebuild:secondarySources/${sourceIdentifier}.insecureSsl",
                "codebuild:logsConfig.s3Logs.bucketOwnerAccess",
                "codebuild:logsConfig.s3Logs.encryptionDisabled",
                "codebuild:fileSystemLocations.identifier",
                "codebuild:fileSystemLocations.location",
                "codebuild:fileSystemLocations/${identifier}.type",
                "codebuild:fileSystemLocations/${identifier}.location",
                "codebuild:buildBatchConfig.serviceRole",
                "codebuild:buildBatchConfig.restrictions.computeTypesAllowed",
                "codebuild:buildBatchConfig.restrictions.fleetsAllowed",
                "codebuild:environment.imagePullCredentialsType",
                "codebuild:environment.computeConfiguration",
                "codebuild:environment.computeConfiguration.disk",
                "codebuild:environment.computeConfiguration.instanceType",
                "codebuild:environment.computeConfiguration.machineType",
                "codebuild:environment.computeConfiguration.memory",
                "codebuild:environment.computeConfiguration.vCpu",
                "codebuild:environment.environmentVariables",
                "codebuild:environment.environmentVariables.name",
                "codebuild:environment.environmentVariables.value",
                "codebuild:environment.environmentVariables/${name}.value",
                "codebuild:environment.registryCredential",
                "codebuild:environment.registryCredential.credential",
                "codebuild:environment.registryCredential.credentialProvider",
            ],
            "CreateReportGroup" = [
                "codebuild:exportConfig.s3Destination.bucket",
                "codebuild:exportConfig.s3Destination.bucketOwner",
                "codebuild:exportConfig.s3Destination.encryptionKey",
                "codebuild:exportConfig.s3Destination.encryptionDisabled",
                "codebuild:exportConfig.s3Destination.path",
            ],
            "StartBuild" = [
                "codebuild:artifacts.bucketOwnerAccess",
                "codebuild:artifacts.encryptionDisabled",
                "codebuild:secondaryArtifacts.artifactIdentifier",
                "codebuild:secondaryArtifacts.bucketOwnerAccess",
                "codebuild:secondaryArtifacts.encryptionDisabled",
                "codebuild:secondaryArtifacts.location",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.bucketOwnerAccess",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.encryptionDisabled",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.location",
                "codebuild:source.buildStatusConfig.targetUrl",
                "codebuild:source.buildStatusConfig.context",
                "codebuild:secondarySources.sourceIdentifier",
                "codebuild:secondarySources.buildStatusConfig.targetUrl",
                "codebuild:secondarySources.buildStatusConfig.context",
                "codebuild:secondarySources.auth.resource",
                "codebuild:secondarySources.insecureSsl",
                "codebuild:secondarySources/${sourceIdentifier}.buildStatusConfig.targetUrl",
                "codebuild:secondarySources/${sourceIdentifier}.buildStatusConfig.context",
                "codebuild:secondarySources/${sourceIdentifier}.location",
                "codebuild:secondarySources/${sourceIdentifier}.auth.resource",
                "codebuild:secondarySources/${sourceIdentifier}.auth.type",
                "codebuild:secondarySources/${sourceIdentifier}.buildspec",
                "codebuild:secondarySources/${sourceIdentifier}.insecureSsl",
                "codebuild:logsConfig.s3Logs.bucketOwnerAccess",
                "codebuild:logsConfig.s3Logs.encryptionDisabled",
                "codebuild:environment.imagePullCredentialsType",
                "codebuild:environment.environmentVariables",
                "codebuild:environment.environmentVariables.name",
                "codebuild:environment.environmentVariables.value",
                "codebuild:environment.environmentVariables/${name}.value",
                "codebuild:environment.registryCredential",
                "codebuild:environment.registryCredential.credential",
                "codebuild:environment.registryCredential.credentialProvider",
            ],
            "StartBuildBatch" = [
                "codebuild:artifacts.bucketOwnerAccess",
                "codebuild:artifacts.encryptionDisabled",
                "codebuild:secondaryArtifacts.artifactIdentifier",
                "codebuild:secondaryArtifacts.bucketOwnerAccess",
                "codebuild:secondaryArtifacts.encryptionDisabled",
                "codebuild:secondaryArtifacts.location",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.bucketOwnerAccess",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.encryptionDisabled",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.location",
                "codebuild:secondarySources.sourceIdentifier",
                "codebuild:secondarySources.buildStatusConfig.targetUrl",
                "codebuild:secondarySources.buildStatusConfig.context",
                "codebuild:secondarySources.auth.resource",
                "codebuild:secondarySources.insecureSsl",
                "codebuild:secondarySources/${sourceIdentifier}.buildStatusConfig.targetUrl",
                "codebuild:secondarySources/${sourceIdentifier}.buildStatusConfig.context",
                "codebuild:secondarySources/${sourceIdentifier}.location",
                "codebuild:secondarySources/${sourceIdentifier}.auth.resource",
                "codebuild:secondarySources/${sourceIdentifier}.auth.type",
                "codebuild:secondarySources/${sourceIdentifier}.buildspec",
                "codebuild:secondarySources/${sourceIdentifier}.insecureSsl",
                "codebuild:logsConfig.s3Logs.bucketOwnerAccess",
                "codebuild:logsConfig.s3Logs.encryptionDisabled",
                "codebuild:buildBatchConfig.serviceRole",
                "codebuild:buildBatchConfig.restrictions.computeTypesAllowed",
                "codebuild:buildBatchConfig.restrictions.fleetsAllowed",
                "codebuild:environment.imagePullCredentialsType",
                "codebuild:environment.environmentVariables",
                "codebuild:environment.environmentVariables.name",
                "codebuild:environment.environmentVariables.value",
                "codebuild:environment.environmentVariables/${name}.value",
                "codebuild:environment.registryCredential",
                "codebuild:environment.registryCredential.credential",
                "codebuild:environment.registryCredential.credentialProvider",
            ],
            "UpdateProject" = [
                "codebuild:artifacts.bucketOwnerAccess",
                "codebuild:artifacts.encryptionDisabled",
                "codebuild:secondaryArtifacts.artifactIdentifier",
                "codebuild:secondaryArtifacts.bucketOwnerAccess",
                "codebuild:secondaryArtifacts.encryptionDisabled",
                "codebuild:secondaryArtifacts.location",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.bucketOwnerAccess",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.encryptionDisabled",
                "codebuild:secondaryArtifacts/${artifactIdentifier}.location",
                "codebuild:source.buildStatusConfig.targetUrl",
                "codebuild:source.buildStatusConfig.context",
                "codebuild:secondarySources.sourceIdentifier",
                "codebuild:secondarySources.buildStatusConfig.targetUrl",
                "codebuild:secondarySources.buildStatusConfig.context",
                "codebuild:secondarySources.auth.resource",
                "codebuild:secondarySources.insecureSsl",
                "codebuild:secondarySources/${sourceIdentifier}.buildStatusConfig.targetUrl",
                "codebuild:secondarySources/${sourceIdentifier}.buildStatusConfig.context",
                "codebuild:secondarySources/${sourceIdentifier}.location",
                "codebuild:secondarySources/${sourceIdentifier}.auth.resource",
                "codebuild:secondarySources/${sourceIdentifier}.auth.type",
                "codebuild:secondarySources/${sourceIdentifier}.buildspec",
                "codebuild:secondarySources/${sourceIdentifier}.insecureSsl",
                "codebuild:logsConfig.s3Logs.bucketOwnerAccess",
                "codebuild:logsConfig.s3Logs.encryptionDisabled",
                "codebuild:fileSystemLocations.identifier",
                "codebuild:fileSystemLocations.location",
                "codebuild:fileSystemLocations/${identifier}.type",
                "codebuild:fileSystemLocations/${identifier}.location",
                "codebuild:buildBatchConfig.serviceRole",
                "codebuild:buildBatchConfig.restrictions.computeTypesAllowed",
                "codebuild:buildBatchConfig.restrictions.fleetsAllowed",
                "codebuild:environment.imagePullCredentialsType",
                "codebuild:environment.computeConfiguration",
                "codebuild:environment.computeConfiguration.disk",
                "codebuild:environment.computeConfiguration.instanceType",
                "codebuild:environment.computeConfiguration.machineType",
                "codebuild:environment.computeConfiguration.memory",
                "codebuild:environment.computeConfiguration.vCpu",
                "codebuild:environment.environmentVariables",
                "codebuild:environment.environmentVariables.name",
                "codebuild:environment.environmentVariables.value",
                "codebuild:environment.environmentVariables/${name}.value",
                "codebuild:environment.registryCredential",
                "codebuild:environment.registryCredential.credential",
                "codebuild:environment.registryCredential.credentialProvider",
            ],
            "UpdateReportGroup" = [
                "codebuild:exportConfig.s3Destination.bucket",
                "codebuild:exportConfig.s3Destination.bucketOwner",
                "codebuild:exportConfig.s3Destination.encryptionKey",
                "codebuild:exportConfig.s3Destination.encryptionDisabled",
                "codebuild:exportConfig.s3Destination.path",
            ],
        },
    }
}

/// Amazon S3, from its real table `data/s3-actions.txt` with `names_for`. Its page lists
/// `s3:signatureversion` twice in one cell: taken once.
pub mod s3 {
    ecr_actions::iam_actions! {
        service = "s3",
        actions = "data/s3-actions.txt",
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
        names_for = {
            "CreateMultiRegionAccessPoint" = [
                "multiregionaccesspoint*",
            ],
            "DeleteMultiRegionAccessPoint" = [
                "multiregionaccesspoint*",
            ],
            "DescribeMultiRegionAccessPointOperation" = [
                "multiregionaccesspointrequestarn*",
            ],
            "GetMultiRegionAccessPoint" = [
                "multiregionaccesspoint*",
            ],
            "GetMultiRegionAccessPointPolicy" = [
                "multiregionaccesspoint*",
            ],
            "GetMultiRegionAccessPointPolicyStatus" = [
                "multiregionaccesspoint*",
            ],
            "GetMultiRegionAccessPointRoutes" = [
                "multiregionaccesspoint*",
            ],
            "PutMultiRegionAccessPointPolicy" = [
                "multiregionaccesspoint*",
            ],
            "SubmitMultiRegionAccessPointRoutes" = [
                "multiregionaccesspoint*",
            ],
        },
    }
}

/// AWS DMS, from its real table `data/dms-actions.txt`: the cut resource type `ReplicationTaskAssessmentR…`
/// has lost its `*`, required in some actions and optional in others; `names_for` gives `name*` or `name`.
pub mod dms {
    ecr_actions::iam_actions! {
        service = "dms",
        actions = "data/dms-actions.txt",
        names = [
            "DescribeApplicableIndividualAssessments",
            "DescribeFleetAdvisorSchemaObjectSummary",
            "DescribeOrderableReplicationInstances",
            "DescribeReplicationTaskAssessmentResults",
            "DescribeReplicationTaskAssessmentRuns",
            "DescribeReplicationTaskIndividualAssessments",
            "ListMetadataModelAssessmentActionItems",
            "dms:DescribeConversionConfiguration",
            "dms:StartMetadataModelImport",
        ],
        names_for = {
            "AddTagsToResource" = [
                "ReplicationTaskAssessmentRun",
                "ReplicationTaskIndividualAssessment",
            ],
            "CancelReplicationTaskAssessmentRun" = [
                "ReplicationTaskAssessmentRun*",
            ],
            "DeleteReplicationTaskAssessmentRun" = [
                "ReplicationTaskAssessmentRun*",
            ],
            "DescribeReplicationTaskAssessmentRuns" = [
                "ReplicationTaskAssessmentRun",
            ],
            "DescribeReplicationTaskIndividualAssessments" = [
                "ReplicationTaskAssessmentRun",
            ],
            "ListTagsForResource" = [
                "ReplicationTaskAssessmentRun",
                "ReplicationTaskIndividualAssessment",
            ],
            "RemoveTagsFromResource" = [
                "ReplicationTaskAssessmentRun",
                "ReplicationTaskIndividualAssessment",
            ],
        },
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
