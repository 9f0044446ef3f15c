//! `…` resolution: a cell cut to `P…` takes the full value from `names` that starts with `P` and is longer
//! than the cell. Actions cut alike take the fitting names in sorted order; a cut value anywhere else must
//! fit exactly one name; a name that resolves nothing is an error.

use std::collections::{BTreeMap, HashMap};

use crate::problem::{Problems, Source};
use crate::table::{Pos, Text};

const ELLIPSIS: char = '…';

/// How many fitting names a message lists (the KMS table has a cut key that fits 24).
const LISTED: usize = 32;

/// Whether a cell value was cut by the renderer.
pub(crate) fn is_cut(text: &str) -> bool {
    text.ends_with(ELLIPSIS)
}

/// Whether `name` fits a cell that shows `prefix…`: it starts with `prefix`, and since the renderer puts
/// `…` in place of at least two characters, it has at least two more.
pub(crate) fn fits(prefix: &str, name: &str) -> bool {
    name.strip_prefix(prefix)
        .is_some_and(|rest| rest.chars().nth(1).is_some())
}

/// Where a cut value was first seen, and how many cells show it.
struct Sighting {
    source: Source,
    what: &'static str,
    pos: Pos,
    count: usize,
    /// The first action whose cut cells show it, with all those cells' texts in table order: the
    /// `names_for` entry an ambiguous cell's message proposes.
    owner: Option<usize>,
}

pub(crate) struct Resolver<'n> {
    names: &'n [String],
    /// The names with their indices, sorted (equal names by index): the names a prefix fits stand
    /// together there, found by binary search.
    sorted: Vec<(&'n str, usize)>,
    used: Vec<bool>,
    /// Owners of sightings (see [`Resolver::own`]), each stored once however many values it owns.
    owners: Vec<(String, Vec<String>)>,
    /// Cut values outside the action-name column, by visible prefix, in first-seen order.
    seen: BTreeMap<String, Sighting>,
    resolved: HashMap<String, String>,
}

impl<'n> Resolver<'n> {
    pub(crate) fn new(names: &'n [String]) -> Self {
        let mut sorted: Vec<(&str, usize)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        sorted.sort_unstable();
        Self {
            names,
            sorted,
            used: vec![false; names.len()],
            owners: Vec::new(),
            seen: BTreeMap::new(),
            resolved: HashMap::new(),
        }
    }

    /// Indices of the names that fit `prefix…`, in sorted order of the names.
    ///
    /// The names that start with `prefix` are one run of `sorted`; a name is in the runs of at most as
    /// many distinct prefixes as it has characters, so over all the cut values this walks no more than
    /// the total length of `names`.
    fn candidates(&self, prefix: &str) -> Vec<usize> {
        let first = self.sorted.partition_point(|(name, _)| *name < prefix);
        let end = self
            .sorted
            .partition_point(|(name, _)| *name < prefix || name.starts_with(prefix));
        self.sorted
            .iter()
            .take(end)
            .skip(first)
            // The cell showed `prefix` and `…`: a value that fits is longer than both together, so it
            // has at least two characters after the prefix.
            .filter(|(name, _)| fits(prefix, name))
            .map(|(_, i)| *i)
            .collect()
    }

    /// The names, quoted; past [`LISTED`] of them, how many more (a message must not grow with `names`).
    fn listed(&self, indices: &[usize]) -> String {
        let mut listed = indices
            .iter()
            .take(LISTED)
            .filter_map(|i| self.names.get(*i))
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if let Some(more) = indices.len().checked_sub(LISTED).filter(|m| *m > 0) {
            listed.push_str(&format!(" and {more} more"));
        }
        listed
    }

    fn mark_used(&mut self, indices: &[usize]) {
        for i in indices {
            if let Some(flag) = self.used.get_mut(*i) {
                *flag = true;
            }
        }
    }

    /// The full names of the actions, one per group head; `None` where a cut name did not resolve.
    pub(crate) fn action_names(
        &mut self,
        heads: &[&Text],
        problems: &mut Problems,
    ) -> Vec<Option<String>> {
        let mut out: Vec<Option<String>> = heads.iter().map(|h| Some(h.text.clone())).collect();
        let mut cut: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, head) in heads.iter().enumerate() {
            if let Some(prefix) = head.text.strip_suffix(ELLIPSIS) {
                cut.entry(prefix).or_default().push(index);
            }
        }
        for (prefix, groups) in cut {
            let fits = self.candidates(prefix);
            self.mark_used(&fits);
            let first = groups
                .first()
                .and_then(|g| heads.get(*g))
                .map_or(Pos::new(1, 1), |h| h.pos);
            if fits.len() == groups.len() {
                for (group, name) in groups.iter().zip(&fits) {
                    if let Some(slot) = out.get_mut(*group) {
                        *slot = self.names.get(*name).cloned();
                    }
                }
                continue;
            }
            for group in &groups {
                if let Some(slot) = out.get_mut(*group) {
                    *slot = None;
                }
            }
            let shown = format!("{prefix}{ELLIPSIS}");
            let message = match (groups.len(), fits.len()) {
                (1, 0) => format!(
                    "action name `{shown}` is cut: add its full name (it starts with `{prefix}`) to the macro's `names`"
                ),
                (1, _) => format!(
                    "action name `{shown}` is cut and fits {} listed names: {}; keep only its own full name in `names`",
                    fits.len(),
                    self.listed(&fits)
                ),
                (k, 0) => format!(
                    "{k} actions are cut to `{shown}` (at lines {}): add their full names to the macro's `names`",
                    lines(&groups, heads)
                ),
                (k, m) => format!(
                    "{k} actions are cut to `{shown}` (at lines {}) but {m} listed names fit: {}; \
                     `names` needs exactly one full name per cut action",
                    lines(&groups, heads),
                    self.listed(&fits)
                ),
            };
            problems.table(Source::Actions, first, message);
        }
        out
    }

    /// Notes cut values of a column, to be resolved together by [`Resolver::resolve`].
    pub(crate) fn note<'t>(
        &mut self,
        source: Source,
        what: &'static str,
        cells: impl Iterator<Item = &'t Text>,
    ) {
        for cell in cells {
            if let Some(prefix) = cell.text.strip_suffix(ELLIPSIS) {
                self.seen
                    .entry(prefix.to_owned())
                    .and_modify(|s| s.count += 1)
                    .or_insert(Sighting {
                        source,
                        what,
                        pos: cell.pos,
                        count: 1,
                        owner: None,
                    });
            }
        }
    }

    /// Notes the action whose rows hold `cells` (its cut cells, in table order) as the owner of each
    /// noted value that has none yet.
    pub(crate) fn own(&mut self, action: &str, cells: &[&Text]) {
        let mut index: Option<usize> = None;
        for cell in cells {
            if let Some(prefix) = cell.text.strip_suffix(ELLIPSIS)
                && let Some(sighting) = self.seen.get_mut(prefix)
                && sighting.owner.is_none()
            {
                let owner = *index.get_or_insert_with(|| {
                    self.owners.push((
                        action.to_owned(),
                        cells.iter().map(|c| c.text.clone()).collect(),
                    ));
                    self.owners.len() - 1
                });
                sighting.owner = Some(owner);
            }
        }
    }

    /// The `names_for` entry that settles the owner's cells: each cut cell's one fitting name, and for a
    /// cell that fits several, the k-th cell cut alike takes the k-th fitting name in `names` order (to
    /// be checked against AWS's page, since the drawing cannot tell).
    fn entry(&self, (action, cells): &(String, Vec<String>)) -> String {
        let mut taken: HashMap<&str, usize> = HashMap::new();
        let values: Vec<String> = cells
            .iter()
            .map(|text| {
                let prefix = text.strip_suffix(ELLIPSIS).unwrap_or(text);
                let mut fits = self.candidates(prefix);
                fits.sort_unstable();
                let k = taken.entry(prefix).or_insert(0);
                let value = fits
                    .get(if fits.len() == 1 { 0 } else { *k })
                    .and_then(|i| self.names.get(*i))
                    .map_or_else(|| format!("{text} (its full value)"), Clone::clone);
                *k += 1;
                format!("{value:?}")
            })
            .collect();
        format!("names_for = {{ {action:?} = [{}] }}", values.join(", "))
    }

    /// Resolves every noted cut value: each must fit exactly one listed name.
    pub(crate) fn resolve(&mut self, problems: &mut Problems) {
        let seen = std::mem::take(&mut self.seen);
        for (prefix, sighting) in &seen {
            let fits = self.candidates(prefix);
            self.mark_used(&fits);
            let shown = format!("{prefix}{ELLIPSIS}");
            let also = match sighting.count {
                1 => String::new(),
                2 => " (1 more cell is cut alike)".to_owned(),
                n => format!(" ({} more cells are cut alike)", n - 1),
            };
            match fits.as_slice() {
                [one] => {
                    if let Some(name) = self.names.get(*one) {
                        self.resolved.insert(prefix.clone(), name.clone());
                    }
                }
                [] => problems.table(
                    sighting.source,
                    sighting.pos,
                    format!(
                        "{} `{shown}` is cut{also}: add its full value to the macro's `names`, \
                         or write the cell out in the table",
                        sighting.what
                    ),
                ),
                _ => problems.table(
                    sighting.source,
                    sighting.pos,
                    format!(
                        "cut {} `{shown}`{also} is ambiguous: it fits {} listed names: {}; \
                         give each action's cut cells in `names_for`, in table order{}",
                        sighting.what,
                        fits.len(),
                        self.listed(&fits),
                        sighting.owner.and_then(|o| self.owners.get(o)).map_or_else(
                            String::new,
                            |owner| format!(
                                ", e.g. for `{}` (check each value against AWS's page): `{}`",
                                owner.0,
                                self.entry(owner)
                            )
                        )
                    ),
                ),
            }
        }
    }

    /// A cell's value: its text, or for a cut cell the name it resolved to (`None` if it did not).
    pub(crate) fn value(&self, cell: &Text) -> Option<String> {
        match cell.text.strip_suffix(ELLIPSIS) {
            Some(prefix) => self.resolved.get(prefix).cloned(),
            None => Some(cell.text.clone()),
        }
    }

    /// Every listed name that resolved nothing is an error, reported once the tables themselves are sound.
    pub(crate) fn report_unused(&self, problems: &mut Problems) {
        if !problems.is_empty() {
            return;
        }
        for (index, (name, used)) in self.names.iter().zip(&self.used).enumerate() {
            if !used {
                problems.name(
                    index,
                    format!(
                        "`{name}` resolves no cut cell: no cell shows a beginning of it followed by `…`; \
                         delete it from `names`"
                    ),
                );
            }
        }
    }
}

fn lines(groups: &[usize], heads: &[&Text]) -> String {
    groups
        .iter()
        .filter_map(|g| heads.get(*g))
        .map(|h| h.pos.line.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
