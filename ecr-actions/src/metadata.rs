//! A service's metadata as plain data, in the JSON shape tools and the conformance samples share:
//! `{"service", "last_updated", "names", "actions": [{"name", "description", "access_level",
//! "resource_types": [{"name", "required", "condition_keys", "dependent_actions"}], "condition_keys",
//! "dependent_actions"}], "resource_types": [{"name", "arn", "condition_keys"}], "condition_keys":
//! [{"name", "description", "type"}]}`.
//!
//! `last_updated`, `arn`, `description` and `type` are left out when the tables do not give them (no
//! title line, no companion table); `last_updated` and the two service-wide lists may be missing from a
//! document written before they existed (the seed's `ecr-expected.json`), and read as absent and empty.

use crate::service::{IamAction, IamConditionKey, IamResourceType};

/// Everything the actions table says about a service.
///
/// ```
/// use ecr_actions::{Action, metadata::ServiceMetadata};
/// let metadata = ServiceMetadata::of::<Action>();
/// assert_eq!(metadata.service, "ecr");
/// assert_eq!(metadata.actions.len(), 64);
/// assert_eq!(metadata.last_updated.as_deref(), Some("2026-10-27T04:50:33+00:00"));
/// assert_eq!(metadata.condition_keys.len(), 5);
/// # #[cfg(feature = "serde")]
/// assert!(serde_json::to_string(&metadata).unwrap().starts_with(r#"{"service":"ecr","last_updated":"#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ServiceMetadata {
    /// The IAM service prefix.
    pub service: String,
    /// The date on the table's title line (`Last updated: …`), as written there.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub last_updated: Option<String>,
    /// The full values given for cells the table cut with `…`.
    pub names: Vec<String>,
    /// The actions, in table order.
    pub actions: Vec<ActionMetadata>,
    /// The service's resource types: the companion table's rows when it is given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub resource_types: Vec<ResourceTypeInfo>,
    /// The service's condition keys: the companion table's rows when it is given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub condition_keys: Vec<ConditionKeyInfo>,
}

/// One row of the resource-types table.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ResourceTypeInfo {
    /// The resource type's name.
    pub name: String,
    /// The ARN format, e.g. `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub arn: Option<String>,
    /// The condition keys that go with the resource type, in table order.
    pub condition_keys: Vec<String>,
}

/// One row of the condition-keys table.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ConditionKeyInfo {
    /// The key as the table writes it, e.g. `aws:ResourceTag/${TagKey}`.
    pub name: String,
    /// What the key filters by.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<String>,
    /// The key's value type as the table writes it, e.g. `ArrayOfString`.
    #[cfg_attr(
        feature = "serde",
        serde(default, rename = "type", skip_serializing_if = "Option::is_none")
    )]
    pub value_type: Option<String>,
}

/// One action's metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ActionMetadata {
    /// The action name, without the service prefix.
    pub name: String,
    /// What the action grants.
    pub description: String,
    /// The access levels as the table writes them, e.g. `Tagging, Write`.
    pub access_level: String,
    /// The resource types, in table order.
    pub resource_types: Vec<ResourceTypeMetadata>,
    /// The action-level condition keys.
    pub condition_keys: Vec<String>,
    /// The action-level dependent actions.
    pub dependent_actions: Vec<String>,
}

/// One resource type as an action uses it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ResourceTypeMetadata {
    /// The resource type's name.
    pub name: String,
    /// Whether the table marks it required.
    pub required: bool,
    /// Condition keys that go with it.
    pub condition_keys: Vec<String>,
    /// Dependent actions that go with it.
    pub dependent_actions: Vec<String>,
}

fn keys<K: IamConditionKey>(keys: &[K]) -> Vec<String> {
    keys.iter().map(|k| k.as_str().to_owned()).collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

impl ServiceMetadata {
    /// The metadata of the service whose `Action` enum is `A`.
    #[must_use]
    pub fn of<A: IamAction>() -> Self {
        let actions = A::ALL
            .iter()
            .map(|action| ActionMetadata {
                name: action.name().to_owned(),
                description: action.description().to_owned(),
                access_level: action.access_levels().to_string(),
                resource_types: action
                    .resource_types()
                    .iter()
                    .map(|used| ResourceTypeMetadata {
                        name: used.resource_type().name().to_owned(),
                        required: used.required(),
                        condition_keys: keys(used.condition_keys()),
                        dependent_actions: strings(used.dependent_actions()),
                    })
                    .collect(),
                condition_keys: keys(action.condition_keys()),
                dependent_actions: strings(action.dependent_actions()),
            })
            .collect();
        let resource_types = <A::ResourceType as IamResourceType>::ALL
            .iter()
            .map(|kind| ResourceTypeInfo {
                name: kind.name().to_owned(),
                arn: kind.arn_format().map(str::to_owned),
                condition_keys: keys(kind.condition_keys()),
            })
            .collect();
        let condition_keys = <A::ConditionKey as IamConditionKey>::ALL
            .iter()
            .map(|key| ConditionKeyInfo {
                name: key.as_str().to_owned(),
                description: key.description().map(str::to_owned),
                value_type: key.value_type().map(|t| t.as_str().to_owned()),
            })
            .collect();
        Self {
            service: A::SERVICE.to_owned(),
            last_updated: A::LAST_UPDATED.map(str::to_owned),
            names: strings(A::FULL_NAMES),
            actions,
            resource_types,
            condition_keys,
        }
    }
}
