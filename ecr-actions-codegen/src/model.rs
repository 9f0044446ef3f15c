//! The typed model of one service: what the tables say once read, merged, resolved and checked. Plain
//! data: the stages that build it (`pipeline.rs` and the modules it calls) depend on it, it on none of
//! them; [`Service::from_tables`] is defined by the pipeline.

/// The tables' vocabulary, one definition with the runtime's (`ecr_actions::AccessLevel`, …): the
/// cells are read through it, and the generated code names its variants.
pub use ecr_actions_pattern::{AccessLevel, ConditionValueType};

/// One resource type as an action uses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceUse {
    /// The resource type's name, e.g. `repository`.
    pub name: String,
    /// Whether the table marks it required (`*`).
    pub required: bool,
    /// Condition keys that apply with this resource type.
    pub condition_keys: Vec<String>,
    /// Actions the caller also needs with this resource type.
    pub dependent_actions: Vec<String>,
}

/// One action, merged from its sub-rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// The action name, e.g. `BatchGetImage`.
    pub name: String,
    /// The Rust variant name.
    pub ident: String,
    /// The description, wrapped lines joined.
    pub description: String,
    /// The access levels, in table order.
    pub access_levels: Vec<AccessLevel>,
    /// The resource types, in table order.
    pub resource_types: Vec<ResourceUse>,
    /// Action-level condition keys (the row with an empty resource-type cell).
    pub condition_keys: Vec<String>,
    /// Action-level dependent actions.
    pub dependent_actions: Vec<String>,
}

/// A resource type of the service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceType {
    /// The name, e.g. `repository`.
    pub name: String,
    /// The Rust variant name.
    pub ident: String,
    /// The ARN format, from the resource-types table.
    pub arn_format: Option<String>,
    /// The condition keys the resource-types table gives it.
    pub condition_keys: Vec<String>,
}

/// A condition key the service's tables name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionKey {
    /// The key as the table writes it, e.g. `aws:RequestTag/${TagKey}`.
    pub name: String,
    /// The Rust variant name.
    pub ident: String,
    /// The description, from the condition-keys table.
    pub description: Option<String>,
    /// The value type, from the condition-keys table.
    pub value_type: Option<ConditionValueType>,
}

/// Everything the tables say about one service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    /// The IAM service prefix, e.g. `ecr`.
    pub prefix: String,
    /// The `Last updated` title of the actions table.
    pub last_updated: Option<String>,
    /// The full names given for cut cells, as given.
    pub names: Vec<String>,
    /// The actions, in table order.
    pub actions: Vec<Action>,
    /// The resource types: the resource-types table's order, else first use.
    pub resource_types: Vec<ResourceType>,
    /// The condition keys: the condition-keys table's order, else sorted.
    pub condition_keys: Vec<ConditionKey>,
    /// For the last `removed_after.len()` entries of `actions`: the `Last updated` date of the latest
    /// earlier table (the macro's `previous` argument) that still had the action, which the current
    /// table no longer has. Such an action is generated `#[deprecated]` and left out of wildcard
    /// expansions; empty without `previous`.
    pub removed_after: Vec<String>,
}

/// The text of the tables one service is made from, with the arguments that go with them.
#[derive(Clone, Copy, Debug)]
pub struct Tables<'a> {
    /// The IAM service prefix.
    pub service: &'a str,
    /// The actions table.
    pub actions: &'a str,
    /// The resource-types table, if given.
    pub resource_types: Option<&'a str>,
    /// The condition-keys table, if given.
    pub condition_keys: Option<&'a str>,
    /// The full values of cut cells.
    pub names: &'a [String],
    /// Per action (its full name), the full values of all its cut cells except its name, in table
    /// order: sub-row by sub-row; within a sub-row, column by column from left to right; within a
    /// column, top to bottom. An action given here takes its cut cells only from here.
    pub names_for: &'a [(String, Vec<String>)],
}
