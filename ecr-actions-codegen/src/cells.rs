//! The values of cells, resolved (`…` from `names`, or from an action's `names_for` entry) and checked
//! against their grammar, and the places they first stand at, for messages: what the rules hand each
//! other.

use std::collections::{HashMap, HashSet};

use crate::grammar::{self, Kind};
use crate::model::Action;
use crate::problem::{Problems, Source};
use crate::resolve::{Resolver, is_cut};
use crate::table::{Pos, Text};

/// Where each value of an action first stands, for messages (the first place wins).
pub(crate) type Places = HashMap<String, Pos>;

/// A list cell's values, resolved, each once; `places` learns where each first stands.
///
/// A value the cell lists twice is taken once, where it first stands: the lists of the Service
/// Authorization Reference are sets ("Condition keys", "Dependent actions" name which keys and actions
/// apply, not how often), and AWS's own pages repeat values (the s3 page lists `s3:signatureversion` twice
/// in one cell of several actions).
///
/// A value outside its kind's grammar ([`crate::grammar`]) is an error at its cell, and left out.
pub(crate) fn values(
    resolver: &Cells<'_, '_>,
    (source, kind): (Source, Kind),
    cells: &[Text],
    places: &mut Places,
    problems: &mut Problems,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(cells.len());
    // A cell may hold tens of thousands of values: a set keeps the check for repeats linear.
    let mut seen: HashSet<String> = HashSet::with_capacity(cells.len());
    for cell in cells {
        let Some(value) = resolver.value(cell) else {
            continue;
        };
        if let Some(message) = grammar::check(kind, &value) {
            problems.table(source, cell.pos, message);
            continue;
        }
        if !seen.contains(&value) {
            places.entry(value.clone()).or_insert(cell.pos);
            seen.insert(value.clone());
            out.push(value);
        }
    }
    out
}

/// Where a cell's value comes from: its text, `names` for a cut cell, or for an action given in
/// `names_for`, that action's own list (by the cell's place).
pub(crate) struct Cells<'r, 'n> {
    resolver: &'r Resolver<'n>,
    own: Option<HashMap<Pos, String>>,
}

impl<'r, 'n> Cells<'r, 'n> {
    /// Cells resolved from `names` only.
    pub(crate) const fn global(resolver: &'r Resolver<'n>) -> Self {
        Self {
            resolver,
            own: None,
        }
    }

    /// Cells of an action given in `names_for`: its cut cells (by place) from `own`.
    pub(crate) const fn own(resolver: &'r Resolver<'n>, own: HashMap<Pos, String>) -> Self {
        Self {
            resolver,
            own: Some(own),
        }
    }

    /// A cell's value; `None` for a cut cell that did not resolve (already reported).
    pub(crate) fn value(&self, cell: &Text) -> Option<String> {
        match &self.own {
            Some(own) if is_cut(&cell.text) => own.get(&cell.pos).cloned(),
            _ => self.resolver.value(cell),
        }
    }
}

/// An action with where its parts stand in the table, for messages.
pub(crate) struct PlacedAction {
    /// The name cell of the action's first row.
    pub name: Pos,
    /// Where each resource type and condition key of the action first stands.
    pub values: Places,
    pub action: Action,
}

impl PlacedAction {
    pub(crate) fn place_of(&self, value: &str) -> Pos {
        self.values.get(value).copied().unwrap_or(self.name)
    }
}

/// A resource type or condition key with the place that first names it, for messages.
pub(crate) struct Placed<T> {
    pub source: Source,
    pub pos: Pos,
    pub item: T,
}
