//! The generated ECR `Action` through its public API: parsing in any case, suggestions, serde, the strum
//! traits, and the companion-table metadata, checked against the AWS tables' text.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use ecr_actions::{
    AccessLevel, AccessLevels, Action, ConditionKey, ConditionValueType, LAST_UPDATED,
    ParseActionError, ResourceType,
};
use proptest::prelude::*;

#[test]
fn every_action_parses_in_any_ascii_case() {
    for action in Action::ALL {
        let name = action.as_str();
        assert_eq!(name.parse::<Action>(), Ok(action));
        assert_eq!(name.to_ascii_lowercase().parse::<Action>(), Ok(action));
        assert_eq!(name.to_ascii_uppercase().parse::<Action>(), Ok(action));
        assert_eq!(Action::lookup(&name.to_ascii_uppercase()), Some(action));
        assert_eq!(action.to_string(), name);
        assert_eq!(name, format!("ecr:{}", action.name()));
    }
}

proptest! {
    #[test]
    fn mixed_case_parses(index in 0..Action::COUNT, flips in proptest::collection::vec(any::<bool>(), 64)) {
        let action = Action::ALL[index];
        let mixed: String = action
            .as_str()
            .chars()
            .zip(flips.iter().cycle())
            .map(|(c, flip)| if *flip { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        prop_assert_eq!(mixed.parse::<Action>(), Ok(action));
    }

    #[test]
    fn any_string_parses_or_errs_without_panicking(input in ".{0,80}") {
        match input.parse::<Action>() {
            Ok(action) => prop_assert!(action.as_str().eq_ignore_ascii_case(&input)),
            Err(error) => prop_assert_eq!(error.input(), input.as_str()),
        }
    }

    #[test]
    fn a_one_letter_typo_suggests_the_action(index in 0..Action::COUNT, at in 4usize..20) {
        let action = Action::ALL[index];
        let mut typo: Vec<char> = action.as_str().chars().collect();
        let at = at.min(typo.len() - 1);
        typo.remove(at);
        let typo: String = typo.into_iter().collect();
        if let Err(error) = typo.parse::<Action>() {
            prop_assert!(error.suggestion().is_some(), "{typo}");
            let quoted = format!("`{}`", typo);
            prop_assert!(error.to_string().contains(&quoted));
        }
    }
}

#[test]
fn errors_name_the_input_and_suggest_the_nearest_action() {
    let unknown = "ecr:DescribeImage".parse::<Action>().unwrap_err();
    assert_eq!(unknown.suggestion(), Some("ecr:DescribeImages"));
    assert!(matches!(unknown, ParseActionError::Unknown { .. }));

    let bare = "putimage".parse::<Action>().unwrap_err();
    assert!(matches!(
        bare,
        ParseActionError::MissingService {
            suggestion: Some("ecr:PutImage"),
            ..
        }
    ));

    let other = "s3:GetObject".parse::<Action>().unwrap_err();
    assert_eq!(
        other.to_string(),
        "`s3:GetObject` is an action of service `s3`, not of `ecr`"
    );

    let far = "ecr:Launch".parse::<Action>().unwrap_err();
    assert_eq!(far.suggestion(), None);
    assert_eq!(far.to_string(), "unknown `ecr` action `ecr:Launch`");

    // Prefix matching is not a thing: the whole name must match.
    assert!("ecr:BatchGetImageX".parse::<Action>().is_err());
    assert!("ecr:".parse::<Action>().is_err());
    assert!("".parse::<Action>().is_err());
    assert!(" ecr:PutImage".parse::<Action>().is_err());
}

#[test]
fn serde_round_trips_as_iam_strings() {
    for action in Action::ALL {
        let json = serde_json::to_string(&action).unwrap();
        assert_eq!(json, format!("\"{}\"", action.as_str()));
        assert_eq!(serde_json::from_str::<Action>(&json).unwrap(), action);
    }
    assert_eq!(
        serde_json::from_str::<Action>("\"ECR:putimage\"").unwrap(),
        Action::PutImage
    );
    let error = serde_json::from_str::<Action>("\"ecr:PutImages\"").unwrap_err();
    assert!(
        error.to_string().contains("did you mean `ecr:PutImage`?"),
        "{error}"
    );
    assert!(serde_json::from_str::<Action>("42").is_err());

    for key in ConditionKey::ALL {
        let json = serde_json::to_string(&key).unwrap();
        assert_eq!(serde_json::from_str::<ConditionKey>(&json).unwrap(), key);
    }
    let json = serde_json::to_string(&ResourceType::Repository).unwrap();
    assert_eq!(json, "\"repository\"");
    assert_eq!(
        serde_json::from_str::<ResourceType>(&json).unwrap(),
        ResourceType::Repository
    );
    for level in AccessLevel::ALL {
        let json = serde_json::to_string(&level).unwrap();
        assert_eq!(serde_json::from_str::<AccessLevel>(&json).unwrap(), level);
    }
    let two = AccessLevels::one(AccessLevel::Tagging).with(AccessLevel::Write);
    assert_eq!(serde_json::to_string(&two).unwrap(), "\"Tagging, Write\"");
    assert_eq!(
        serde_json::from_str::<AccessLevels>("\"Tagging, Write\"").unwrap(),
        two
    );
    for value_type in ConditionValueType::ALL {
        let json = serde_json::to_string(&value_type).unwrap();
        assert_eq!(
            serde_json::from_str::<ConditionValueType>(&json).unwrap(),
            value_type
        );
    }
}

#[test]
fn all_count_index_and_the_strum_traits_agree() {
    use ecr_actions::__private::strum::{EnumCount, IntoEnumIterator, VariantArray, VariantNames};
    // The 2026-10-27 table lists 64 actions.
    assert_eq!(Action::COUNT, 64);
    assert_eq!(<Action as EnumCount>::COUNT, Action::COUNT);
    assert_eq!(Action::iter().collect::<Vec<_>>(), Action::ALL.to_vec());
    assert_eq!(<Action as VariantArray>::VARIANTS, Action::ALL.as_slice());
    assert_eq!(
        <Action as VariantNames>::VARIANTS[0],
        "ecr:BatchCheckLayerAvailability"
    );
    for (i, action) in Action::ALL.iter().enumerate() {
        assert_eq!(action.index(), i);
        assert_eq!(Action::from_index(i), Some(*action));
        let name: &'static str = (*action).into();
        assert_eq!(name, action.as_str());
    }
    assert_eq!(Action::from_index(Action::COUNT), None);
    // Table order is the order of the enum.
    assert!(Action::BatchCheckLayerAvailability < Action::UploadLayerPart);
    assert_eq!(Action::SERVICE, "ecr");
}

#[test]
fn companion_tables_give_arn_format_descriptions_and_types() {
    assert_eq!(LAST_UPDATED, Some("2026-10-27T04:50:33+00:00"));
    assert_eq!(ResourceType::ALL, [ResourceType::Repository]);
    assert_eq!(ResourceType::Repository.name(), "repository");
    assert_eq!(
        ResourceType::Repository.condition_keys(),
        [ConditionKey::AwsResourceTag, ConditionKey::EcrResourceTag]
    );
    assert_eq!(
        ConditionKey::ALL.map(ConditionKey::as_str),
        [
            "aws:RequestTag/${TagKey}",
            "aws:ResourceTag/${TagKey}",
            "aws:TagKeys",
            "ecr:AccountSetting",
            "ecr:ResourceTag/${TagKey}"
        ]
    );
    assert_eq!(
        ConditionKey::AwsRequestTag.description(),
        Some("Filters access by the allowed set of values for each of the tags")
    );
    assert_eq!(
        ConditionKey::AwsRequestTag.value_type(),
        Some(ConditionValueType::String)
    );
    assert_eq!(
        ConditionKey::AwsTagKeys.value_type(),
        Some(ConditionValueType::ArrayOfString)
    );
    assert_eq!(
        ConditionKey::from_name("AWS:TAGKEYS"),
        Some(ConditionKey::AwsTagKeys)
    );
    assert_eq!("aws:tagkeys".parse(), Ok(ConditionKey::AwsTagKeys));
    assert!(
        "aws:TagKey"
            .parse::<ConditionKey>()
            .unwrap_err()
            .to_string()
            .contains("did you mean `aws:TagKeys`?")
    );
}

#[test]
fn action_level_and_resource_level_keys_are_kept_apart() {
    // In the 2026-10-27 table CreateRepository requires `repository*` (a row with no keys) and has a
    // second row with an empty resource-type cell: its keys are action-level, not the resource type's.
    let [used] = Action::CreateRepository.resource_types() else {
        panic!("CreateRepository uses one resource type");
    };
    assert_eq!(used.resource_type(), ResourceType::Repository);
    assert!(used.required());
    assert!(used.condition_keys().is_empty());
    assert_eq!(
        Action::CreateRepository.condition_keys(),
        [ConditionKey::AwsRequestTag, ConditionKey::AwsTagKeys]
    );
    assert_eq!(
        Action::GetAccountSetting.condition_keys(),
        [ConditionKey::EcrAccountSetting]
    );
    assert_eq!(
        Action::GetAuthorizationToken.access_level(),
        AccessLevel::Read
    );
    // The 2026-10-27 table writes `Permissions management, Write`; the first one named is the level.
    assert_eq!(
        Action::SetRepositoryPolicy.access_levels().to_string(),
        "Permissions management, Write"
    );
    assert_eq!(
        Action::SetRepositoryPolicy.access_level(),
        AccessLevel::PermissionsManagement
    );
    assert_eq!(
        Action::TagResource.access_levels(),
        AccessLevels::one(AccessLevel::Tagging).with(AccessLevel::Write)
    );
}

/// The user in 2026: `ecr:PutSigningConfiguration` (added to ECR's table after 2022; the
/// 2026-10-27 table lists it as `Write`, on no resource type) parses, and `actions!` takes it at
/// compile time.
#[test]
fn actions_aws_added_after_2022_are_known() {
    const SIGNING: ecr_actions::ActionSet = ecr_actions::actions!("ecr:PutSigningConfiguration");
    let action: Action = "ecr:PutSigningConfiguration".parse().unwrap();
    assert!(SIGNING.contains(action));
    assert_eq!(action.access_level(), AccessLevel::Write);
    assert!(action.resource_types().is_empty());
    assert_eq!(
        "ecr:getaccountsetting".parse::<Action>(),
        Ok(Action::GetAccountSetting)
    );
}
