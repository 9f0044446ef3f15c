//! What went wrong, and where: problems are collected, never thrown, so a user sees all of them at once.

use crate::table::{Pos, TableErrors};

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
    /// The entry at this index of the `names_for` argument.
    NameFor(usize),
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
/// first one left out, reads `… and K more errors: mend the ones above and build again`; K counts every
/// problem found, the drawing faults the table reader counted without keeping them included.
pub const MAX_REPORTED: usize = 50;

/// Problems collected over all the checks, in the order found.
#[derive(Clone, Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
    /// Drawing faults a table reader counted past the ones it kept: where the first is, how many.
    counted: Vec<(Place, usize)>,
}

/// The problems of a service that has some: never empty, so that the macro always has one to report.
#[derive(Clone, Debug)]
pub(crate) struct Reported {
    /// The first problem in reading order.
    pub(crate) first: Problem,
    /// The others, in reading order; the last may be the `… and K more errors` one.
    pub(crate) rest: Vec<Problem>,
}

impl Reported {
    /// Every problem, in reading order.
    pub(crate) fn into_vec(self) -> Vec<Problem> {
        let mut all = Vec::with_capacity(self.rest.len() + 1);
        all.push(self.first);
        all.extend(self.rest);
        all
    }
}

/// The order problems are reported in: arguments first, then each table top to bottom.
fn reading_order(place: &Place) -> (usize, usize, usize, usize) {
    match place {
        Place::Service => (0, 0, 0, 0),
        Place::Name(index) => (1, 0, *index, 0),
        Place::NameFor(index) => (1, 1, *index, 0),
        Place::Table(source, pos) => (2, *source as usize, pos.line, pos.column),
    }
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

    pub(crate) fn name_for(&mut self, index: usize, message: impl Into<String>) {
        self.list.push(Problem {
            place: Place::NameFor(index),
            message: message.into(),
        });
    }

    pub(crate) fn service(&mut self, message: impl Into<String>) {
        self.list.push(Problem {
            place: Place::Service,
            message: message.into(),
        });
    }

    /// The faults of a drawing: those the reader kept, and the count of those past them.
    pub(crate) fn grid(&mut self, source: Source, errors: TableErrors) {
        for error in errors.errors {
            self.table(source, error.pos, error.message);
        }
        if let Some(more) = errors.more {
            self.counted
                .push((Place::Table(source, more.pos), more.count));
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty() && self.counted.is_empty()
    }

    /// The problems in reading order, `None` when there are none. Past [`MAX_REPORTED`], one last
    /// problem at the first one left out says how many more there are.
    pub(crate) fn report(mut self) -> Option<Reported> {
        self.list.sort_by_key(|p| reading_order(&p.place));
        let kept_out = self.list.split_off(MAX_REPORTED.min(self.list.len()));
        // A reader keeps `MAX_REPORTED` faults before it counts any, so the counted ones come after at
        // least that many problems: they are left out too, and the first left out is whichever of
        // them and of the list's tail comes first.
        let more = kept_out.len() + self.counted.iter().map(|(_, n)| n).sum::<usize>();
        let first_left_out = kept_out
            .into_iter()
            .map(|p| p.place)
            .chain(self.counted.into_iter().map(|(place, _)| place))
            .min_by_key(reading_order);
        if let Some(place) = first_left_out {
            self.list.push(Problem {
                place,
                message: format!(
                    "… and {more} more error{}: mend the ones above and build again",
                    if more == 1 { "" } else { "s" }
                ),
            });
        }
        let mut list = self.list.into_iter();
        let first = list.next()?;
        Some(Reported {
            first,
            rest: list.collect(),
        })
    }
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
