//! What went wrong, and where: problems are collected, never thrown, so a user sees all of them at once.

use crate::table::{Pos, TableError};

/// Which of the macro's tables a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// The `actions` table.
    Actions,
    /// The `resource_types` companion table.
    ResourceTypes,
    /// The `condition_keys` companion table.
    ConditionKeys,
}

impl Source {
    /// The macro argument that names this table.
    pub const fn argument(self) -> &'static str {
        match self {
            Self::Actions => "actions",
            Self::ResourceTypes => "resource_types",
            Self::ConditionKeys => "condition_keys",
        }
    }

    /// How messages name this kind of table.
    pub(crate) const fn table_name(self) -> &'static str {
        match self {
            Self::Actions => "an actions table",
            Self::ResourceTypes => "a resource-types table",
            Self::ConditionKeys => "a condition-keys table",
        }
    }
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A line and column of one of the tables.
    Table(Source, Pos),
    /// The entry at this index of the `names` argument.
    Name(usize),
    /// The `service` argument.
    Service,
}

/// One problem: where, and what is wrong and how to mend it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub place: Place,
    /// The message: lowercase, no final period, input in backticks, with the mend.
    pub message: String,
}

/// Problems collected over all the checks, in the order found.
#[derive(Clone, Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    pub(crate) fn table(&mut self, source: Source, pos: Pos, message: impl Into<String>) {
        self.list.push(Problem {
            place: Place::Table(source, pos),
            message: message.into(),
        });
    }

    pub(crate) fn name(&mut self, index: usize, message: impl Into<String>) {
        self.list.push(Problem {
            place: Place::Name(index),
            message: message.into(),
        });
    }

    pub(crate) fn service(&mut self, message: impl Into<String>) {
        self.list.push(Problem {
            place: Place::Service,
            message: message.into(),
        });
    }

    pub(crate) fn grid(&mut self, source: Source, errors: Vec<TableError>) {
        for error in errors {
            self.table(source, error.pos, error.message);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn into_vec(self) -> Vec<Problem> {
        self.list
    }
}
