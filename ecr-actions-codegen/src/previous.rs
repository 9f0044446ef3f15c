//! The `previous` argument: earlier actions tables of the same service. An action an earlier table has
//! and the current one lacks is kept, so that a user's code naming it still compiles after a data
//! update, but it is generated `#[deprecated]` and wildcard expansions leave it out (IAM no longer knows
//! it: the Service Authorization Reference lists the actions IAM recognizes, so one no longer listed is
//! matched by no policy pattern).

use std::collections::HashSet;

use crate::model::Service;
use crate::problem::{Place, Problem};

/// The date an earlier table's `Last updated` title names: the part before any `T` time, e.g.
/// `2022-11-10` of `2022-11-10T16:11:37+00:00`.
fn date(last_updated: Option<&str>) -> String {
    last_updated
        .and_then(|text| text.split('T').next())
        .map_or_else(|| "an earlier table".to_owned(), str::to_owned)
}

/// A problem of an earlier table, as a message that names it (its line and column, when it has them).
pub(crate) fn message(label: &str, problem: Problem) -> String {
    match problem.place {
        Place::Table(_, pos) => format!("previous table {label}:{pos}: {}", problem.message),
        Place::Name(_) | Place::NameFor(_) | Place::Service => {
            format!("previous table {label}: {}", problem.message)
        }
    }
}

/// Appends to `current` every action of `earlier` (given oldest first) that `current` lacks, each with
/// the date of the latest earlier table that has it. Action names compare in ASCII lowercase, as IAM
/// compares them. Resource types and condition keys the current tables no longer have are dropped from
/// a kept action: the generated code can name only those the current tables define.
pub(crate) fn merge(current: &mut Service, earlier: Vec<Service>) {
    let known: HashSet<String> = current
        .actions
        .iter()
        .map(|a| a.name.to_ascii_lowercase())
        .collect();
    let types: HashSet<&str> = current
        .resource_types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    let keys: HashSet<&str> = current
        .condition_keys
        .iter()
        .map(|k| k.name.as_str())
        .collect();
    // Removed actions, in first-seen order, each with its latest date.
    let mut removed: Vec<(crate::model::Action, String)> = Vec::new();
    for table in earlier {
        let after = date(table.last_updated.as_deref());
        for mut action in table.actions {
            let lower = action.name.to_ascii_lowercase();
            if known.contains(&lower) {
                continue;
            }
            if let Some(seen) = removed
                .iter_mut()
                .find(|(a, _)| a.name.eq_ignore_ascii_case(&action.name))
            {
                seen.1.clone_from(&after);
                continue;
            }
            action
                .resource_types
                .retain(|r| types.contains(r.name.as_str()));
            for used in &mut action.resource_types {
                used.condition_keys.retain(|k| keys.contains(k.as_str()));
            }
            action.condition_keys.retain(|k| keys.contains(k.as_str()));
            removed.push((action, after.clone()));
        }
    }
    for (action, after) in removed {
        current.actions.push(action);
        current.removed_after.push(after);
    }
}
