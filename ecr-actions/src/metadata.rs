//! A service's metadata as plain data, in the JSON shape tools and the conformance samples share:
//! `{"service", "names", "actions": [{"name", "description", "access_level", "resource_types": [{"name",
//! "required", "condition_keys", "dependent_actions"}], "condition_keys", "dependent_actions"}]}`.

use crate::service::{IamAction, IamConditionKey, IamResourceType};

/// Everything the actions table says about a service.
///
/// ```
/// use ecr_actions::{Action, metadata::ServiceMetadata};
/// let metadata = ServiceMetadata::of::<Action>();
/// assert_eq!(metadata.service, "ecr");
/// assert_eq!(metadata.actions.len(), 43);
/// # #[cfg(feature = "serde")]
/// assert!(serde_json::to_string(&metadata).unwrap().starts_with(r#"{"service":"ecr","names":["#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ServiceMetadata {
    /// The IAM service prefix.
    pub service: String,
    /// The full values given for cells the table cut with `…`.
    pub names: Vec<String>,
    /// The actions, in table order.
    pub actions: Vec<ActionMetadata>,
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
        Self {
            service: A::SERVICE.to_owned(),
            names: strings(A::FULL_NAMES),
            actions,
        }
    }
}
