//! The tables' vocabulary (defined once, in `ecr-actions-pattern`, re-exported by `ecr-actions` and read
//! by the engine through the same definitions) against AWS's own wording, at the runtime's paths, with
//! its `Display`, `FromStr` and serde behaviour.

#![allow(clippy::unwrap_used, reason = "a test fails by panicking")]

use ecr_actions::{AccessLevel, AccessLevels, Action, ConditionKey, ConditionValueType};

/// IAM User Guide, *Access levels in policy summaries*: "Access level summaries include whether the
/// actions in each access level (List, Read, Tagging, Write, and Permissions management) have Full or
/// Limited permissions defined in the policy." Exactly these five, spelled so.
#[test]
fn access_levels_are_the_five_aws_names() {
    let mut ours: Vec<&str> = AccessLevel::ALL.iter().map(|l| l.as_str()).collect();
    ours.sort_unstable();
    assert_eq!(
        ours,
        ["List", "Permissions management", "Read", "Tagging", "Write"]
    );
    for level in AccessLevel::ALL {
        assert_eq!(level.to_string().parse::<AccessLevel>(), Ok(level));
        assert_eq!(
            level.as_str().to_ascii_uppercase().parse::<AccessLevel>(),
            Ok(level)
        );
    }
    let error = "Permission management".parse::<AccessLevel>().unwrap_err();
    assert_eq!(error.suggestion(), Some("Permissions management"));
    // The ECR actions table: "TagResource … Tagging, Write" (two levels in one cell, in table order).
    assert_eq!(
        Action::TagResource.access_levels().to_string(),
        "Tagging, Write"
    );
    assert_eq!(
        "Tagging, Write".parse::<AccessLevels>().unwrap(),
        AccessLevels::one(AccessLevel::Write).with(AccessLevel::Tagging)
    );
    assert!("Tagging, Writ".parse::<AccessLevels>().is_err());
    assert!("Tagging,".parse::<AccessLevels>().is_err());
    assert!("".parse::<AccessLevels>().is_err());
}

/// The *Type* column of the ECR condition-keys table of the Service Authorization Reference, as AWS
/// published it (`ecr-actions/spec/2026-10-27/ecr-condition-keys.txt`): every cell is a type, spelled
/// exactly as the table writes it, and `aws:TagKeys` is the multivalued `ArrayOfString`.
#[test]
fn condition_value_types_read_the_aws_table() {
    let table = include_str!("../../ecr-actions/spec/2026-10-27/ecr-condition-keys.txt");
    let cells: Vec<&str> = table
        .lines()
        .filter_map(|line| line.split('│').nth(3))
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .collect();
    assert!(cells.len() >= 5);
    for cell in cells {
        let parsed: ConditionValueType = cell.parse().unwrap();
        assert_eq!(parsed.to_string(), cell);
    }
    assert_eq!(
        ConditionKey::AwsTagKeys.value_type(),
        Some(ConditionValueType::ArrayOfString)
    );
    // The table texts of the `ARN` and `IPAddress` types keep AWS's capitals, and `FromStr` reads them
    // exactly (a type name is table text, not user input).
    assert_eq!("ArrayOfARN".parse(), Ok(ConditionValueType::ArrayOfArn));
    assert_eq!("IPAddress".parse(), Ok(ConditionValueType::IpAddress));
    assert!("arn".parse::<ConditionValueType>().is_err());
}

/// Serde reads and writes the table text.
#[test]
fn serde_uses_the_table_text() {
    let json = serde_json::to_string(&AccessLevel::PermissionsManagement).unwrap();
    assert_eq!(json, r#""Permissions management""#);
    assert_eq!(
        serde_json::from_str::<AccessLevels>(r#""Tagging, Write""#).unwrap(),
        Action::TagResource.access_levels()
    );
    assert_eq!(
        serde_json::to_string(&ConditionValueType::ArrayOfArn).unwrap(),
        r#""ArrayOfARN""#
    );
    let error = serde_json::from_str::<AccessLevel>(r#""Wirte""#).unwrap_err();
    assert!(
        error.to_string().contains("did you mean `Write`"),
        "{error}"
    );
}
