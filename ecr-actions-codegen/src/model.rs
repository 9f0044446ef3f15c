//! The typed model of one service: what the tables say once read, merged, resolved and checked.

use std::fmt;

use crate::columns;
use crate::problem::{Problem, Problems, Reported, Source};
use crate::table;
use crate::valid;

/// An IAM access level, as the reference names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AccessLevel {
    /// `List`
    List,
    /// `Read`
    Read,
    /// `Write`
    Write,
    /// `Permissions management`
    PermissionsManagement,
    /// `Tagging`
    Tagging,
}

impl AccessLevel {
    /// Every level, in the order the reference lists them.
    pub const ALL: [Self; 5] = [
        Self::List,
        Self::Read,
        Self::Write,
        Self::PermissionsManagement,
        Self::Tagging,
    ];

    /// The table text.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::List => "List",
            Self::Read => "Read",
            Self::Write => "Write",
            Self::PermissionsManagement => "Permissions management",
            Self::Tagging => "Tagging",
        }
    }

    /// The runtime crate's variant name.
    pub const fn variant(self) -> &'static str {
        match self {
            Self::List => "List",
            Self::Read => "Read",
            Self::Write => "Write",
            Self::PermissionsManagement => "PermissionsManagement",
            Self::Tagging => "Tagging",
        }
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type of a condition key's value, as the condition-keys table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ValueType {
    /// The table text, e.g. `ArrayOfString`.
    pub text: &'static str,
    /// The runtime crate's variant name, e.g. `ArrayOfString`.
    pub variant: &'static str,
}

impl ValueType {
    /// Every type the service authorization reference uses.
    pub const ALL: [Self; 16] = [
        Self::new("String", "String"),
        Self::new("ArrayOfString", "ArrayOfString"),
        Self::new("ARN", "Arn"),
        Self::new("ArrayOfARN", "ArrayOfArn"),
        Self::new("Bool", "Bool"),
        Self::new("ArrayOfBool", "ArrayOfBool"),
        Self::new("Date", "Date"),
        Self::new("ArrayOfDate", "ArrayOfDate"),
        Self::new("Numeric", "Numeric"),
        Self::new("ArrayOfNumeric", "ArrayOfNumeric"),
        Self::new("Long", "Long"),
        Self::new("ArrayOfLong", "ArrayOfLong"),
        Self::new("IPAddress", "IpAddress"),
        Self::new("ArrayOfIPAddress", "ArrayOfIpAddress"),
        Self::new("Binary", "Binary"),
        Self::new("ArrayOfBinary", "ArrayOfBinary"),
    ];

    const fn new(text: &'static str, variant: &'static str) -> Self {
        Self { text, variant }
    }

    /// The type a table cell names, if it is one of [`ValueType::ALL`].
    pub fn from_text(text: &str) -> Option<Self> {
        Self::ALL.iter().find(|t| t.text == text).copied()
    }
}

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
    pub value_type: Option<ValueType>,
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

impl Service {
    /// Reads, merges, resolves and checks a service's tables.
    ///
    /// # Errors
    ///
    /// Every problem found, in reading order (the arguments, then each table top to bottom): at most
    /// [`MAX_REPORTED`](crate::problem::MAX_REPORTED), then one that says how many more there are. A
    /// table of more than [`MAX_TABLE_BYTES`](crate::table::MAX_TABLE_BYTES) is refused unread.
    ///
    /// # Examples
    ///
    /// ```
    /// use ecr_actions_codegen::model::{Service, Tables};
    /// let actions = "\
    /// ┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
    /// ┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
    /// ┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
    /// │ Ping    │ Says hello  │ Read         │ thing*         │                │
    /// └─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
    /// ";
    /// let tables = Tables { service: "demo", actions, resource_types: None, condition_keys: None, names: &[], names_for: &[] };
    /// let service = Service::from_tables(&tables).unwrap();
    /// assert_eq!(service.actions[0].name, "Ping");
    /// assert!(service.actions[0].resource_types[0].required);
    /// ```
    pub fn from_tables(tables: &Tables<'_>) -> Result<Self, Vec<Problem>> {
        Self::checked(tables).map_err(Reported::into_vec)
    }

    /// [`Service::from_tables`], its problems in a list that cannot be empty.
    pub(crate) fn checked(tables: &Tables<'_>) -> Result<Self, Reported> {
        let mut problems = Problems::default();
        valid::check_service_prefix(tables.service, &mut problems);
        valid::check_names(tables.names, &mut problems);
        crate::names_for::check(tables.names_for, &mut problems);

        let actions_grid = read(Source::Actions, tables.actions, &mut problems);
        let resource_grid = tables
            .resource_types
            .map(|text| read(Source::ResourceTypes, text, &mut problems));
        let condition_grid = tables
            .condition_keys
            .map(|text| read(Source::ConditionKeys, text, &mut problems));

        let action_rows = actions_grid
            .as_ref()
            .map(|grid| columns::action_rows(grid, &mut problems))
            .unwrap_or_default();
        let resource_rows = resource_grid.as_ref().map(|grid| {
            grid.as_ref()
                .and_then(|g| columns::resource_rows(g, &mut problems))
        });
        let condition_rows = condition_grid.as_ref().map(|grid| {
            grid.as_ref()
                .and_then(|g| columns::condition_rows(g, &mut problems))
        });

        let service = valid::build(
            tables,
            actions_grid.as_ref().and_then(|g| g.last_updated.as_ref()),
            action_rows,
            resource_rows.as_ref().map(|r| r.as_deref()),
            condition_rows.as_ref().map(|r| r.as_deref()),
            &mut problems,
        );
        match problems.report() {
            None => Ok(service),
            Some(reported) => Err(reported),
        }
    }
}

fn read(source: Source, text: &str, problems: &mut Problems) -> Option<table::Grid> {
    match table::read(text) {
        Ok(grid) => Some(grid),
        Err(errors) => {
            problems.grid(source, errors);
            None
        }
    }
}
