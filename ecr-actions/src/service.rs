//! What every service the macro generates has in common: traits over the generated enums, so that code
//! can work with any service's actions (sets, patterns, metadata), and the resource-type use type.

use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::str::FromStr;

use crate::{AccessLevel, AccessLevels, ConditionValueType, ParseActionError};

/// The `Action` enum of a service, as [`iam_actions!`](crate::iam_actions) generates it.
///
/// The generated enum has the same methods as inherent `const fn`s; this trait is for code that is generic
/// over services.
///
/// ```
/// use ecr_actions::service::IamAction;
///
/// fn read_only<A: IamAction>() -> Vec<&'static str> {
///     A::ALL.iter().filter(|a| a.access_level() == ecr_actions::AccessLevel::Read).map(|a| a.as_str()).collect()
/// }
/// assert!(read_only::<ecr_actions::Action>().contains(&"ecr:BatchGetImage"));
/// ```
pub trait IamAction:
    Copy + Eq + Ord + Hash + Debug + Display + FromStr<Err = ParseActionError> + Send + Sync + 'static
{
    /// The service's resource-type enum.
    type ResourceType: IamResourceType<ConditionKey = Self::ConditionKey>;
    /// The service's condition-key enum.
    type ConditionKey: IamConditionKey;
    /// The service's set of actions.
    type Set: crate::set::IamActionSet<Action = Self>;

    /// The IAM service prefix, e.g. `ecr`.
    const SERVICE: &'static str;
    /// Every action, in table order; `ALL[a.index()] == a`.
    const ALL: &'static [Self];
    /// The actions the current table has, those IAM knows: [`ALL`](Self::ALL) without the
    /// `#[deprecated]` actions only earlier tables (the macro's `previous` argument) have. Wildcard
    /// expansions go over these.
    const CURRENT: &'static [Self] = Self::ALL;
    /// The full values the macro's `names` argument gave for cells the table cut with `…`.
    const FULL_NAMES: &'static [&'static str];
    /// The `Last updated` title of the actions table.
    const LAST_UPDATED: Option<&'static str>;

    /// The action's position in table order.
    fn index(self) -> usize;
    /// The action name, e.g. `BatchGetImage`.
    fn name(self) -> &'static str;
    /// The action name in ASCII lowercase, e.g. `batchgetimage` (for matching without folding again).
    fn name_lowercase(self) -> &'static str;
    /// The IAM action string, e.g. `ecr:BatchGetImage`.
    fn as_str(self) -> &'static str;
    /// What the action grants.
    fn description(self) -> &'static str;
    /// Every access level the table names for the action.
    fn access_levels(self) -> AccessLevels;
    /// The resource types the action works on.
    fn resource_types(self) -> &'static [ResourceTypeUse<Self::ResourceType, Self::ConditionKey>];
    /// The action-level condition keys.
    fn condition_keys(self) -> &'static [Self::ConditionKey];
    /// The action-level dependent actions.
    fn dependent_actions(self) -> &'static [&'static str];
    /// The action of an IAM action string in any ASCII case; `None` if there is none.
    fn lookup(iam_name: &str) -> Option<Self>;
    /// Whether the current table has the action; `false` for a `#[deprecated]` one only an earlier
    /// table has, which no wildcard matches.
    fn is_current(self) -> bool {
        true
    }

    /// The first access level the table names for the action.
    fn access_level(self) -> AccessLevel {
        self.access_levels().first()
    }
}

/// The `ResourceType` enum of a service.
pub trait IamResourceType:
    Copy + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static
{
    /// The service's condition-key enum.
    type ConditionKey: IamConditionKey;
    /// Every resource type, in table order.
    const ALL: &'static [Self];
    /// The name, e.g. `repository`.
    fn name(self) -> &'static str;
    /// The ARN format, when the macro had the resource-types table.
    fn arn_format(self) -> Option<&'static str>;
    /// The condition keys the resource-types table gives the type.
    fn condition_keys(self) -> &'static [Self::ConditionKey];
}

/// The `ConditionKey` enum of a service.
pub trait IamConditionKey:
    Copy + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static
{
    /// Every key, in table order.
    const ALL: &'static [Self];
    /// The key as the table writes it, e.g. `aws:ResourceTag/${TagKey}`.
    fn as_str(self) -> &'static str;
    /// The description, when the macro had the condition-keys table.
    fn description(self) -> Option<&'static str>;
    /// The value type, when the macro had the condition-keys table.
    fn value_type(self) -> Option<ConditionValueType>;
}

/// A resource type as one action uses it: whether it is required, and the condition keys and dependent
/// actions that go with it.
///
/// Each generated module names its own alias, e.g. [`ecr_actions::ResourceTypeUse`](crate::ResourceTypeUse).
///
/// ```
/// use ecr_actions::{Action, ResourceType};
/// let [repository] = Action::BatchGetImage.resource_types() else { unreachable!() };
/// assert_eq!(repository.resource_type(), ResourceType::Repository);
/// assert!(repository.required());
/// assert!(repository.condition_keys().is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ResourceTypeUse<R: 'static, K: 'static> {
    resource_type: R,
    required: bool,
    condition_keys: &'static [K],
    dependent_actions: &'static [&'static str],
}

impl<R: Copy, K> ResourceTypeUse<R, K> {
    /// Used by the generated code.
    #[doc(hidden)]
    #[must_use]
    pub const fn __new(
        resource_type: R,
        required: bool,
        condition_keys: &'static [K],
        dependent_actions: &'static [&'static str],
    ) -> Self {
        Self {
            resource_type,
            required,
            condition_keys,
            dependent_actions,
        }
    }

    /// The resource type.
    #[must_use]
    pub const fn resource_type(&self) -> R {
        self.resource_type
    }

    /// Whether the table marks the resource type required (`*`): a policy statement must allow it for
    /// the action to be allowed.
    #[must_use]
    pub const fn required(&self) -> bool {
        self.required
    }

    /// The condition keys that apply when the action works on this resource type.
    #[must_use]
    pub const fn condition_keys(&self) -> &'static [K] {
        self.condition_keys
    }

    /// Other permissions the caller needs when the action works on this resource type.
    #[must_use]
    pub const fn dependent_actions(&self) -> &'static [&'static str] {
        self.dependent_actions
    }
}

pub use crate::set::IamActionSet;
