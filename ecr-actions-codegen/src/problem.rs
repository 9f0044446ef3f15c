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

/// How many problems are reported: a person mends the first ones first, and a table with a fault on
/// every row must not bring a hundred thousand compile errors. Past it, one more problem, placed at the
/// first one left out, reads `… and K more errors: mend the ones above and build again`.
pub const MAX_REPORTED: usize = 50;

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

    /// The problems in reading order: arguments first, then each table top to bottom; past
    /// [`MAX_REPORTED`], one last problem at the first one left out says how many more there are.
    pub(crate) fn into_vec(mut self) -> Vec<Problem> {
        self.list.sort_by_key(|p| match &p.place {
            Place::Service => (0, 0, 0, 0),
            Place::Name(index) => (1, 0, *index, 0),
            Place::Table(source, pos) => (2, *source as usize, pos.line, pos.column),
        });
        let more = self.list.len().saturating_sub(MAX_REPORTED);
        if let Some(first_left_out) = self.list.get(MAX_REPORTED).cloned()
            && more > 0
        {
            self.list.truncate(MAX_REPORTED);
            self.list.push(Problem {
                place: first_left_out.place,
                message: format!(
                    "… and {more} more error{}: mend the ones above and build again",
                    if more == 1 { "" } else { "s" }
                ),
            });
        }
        self.list
    }
}

/// `; did you mean `x`?` (to end a message) for the candidate nearest to `input`, or nothing when none is near.
pub(crate) fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    let input_lower = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&input_lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(input.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map_or_else(String::new, |(_, c)| format!("; did you mean `{c}`?"))
}

/// Quoted text of another place, cut to [`QUOTED_CHARS`] characters and `…`: a message may quote a cell
/// that many other messages quote too, and their total size must stay proportional to the table's.
pub(crate) fn shortened(text: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(QUOTED_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…").into()
    } else {
        text.into()
    }
}

/// How many characters of another cell a message quotes.
const QUOTED_CHARS: usize = 100;
