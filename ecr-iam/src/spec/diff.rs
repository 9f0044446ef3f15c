//! `ecr-iam spec diff OLD NEW`: what changed between two metadata JSON files in the shape `ecr-iam spec
//! --json` prints (DESIGN §4) — added and removed actions; per action kept, its access levels, resource
//! types (added, removed, required flag, their condition keys and dependent actions), action-level
//! condition keys and dependent actions; added and removed resource types and condition keys of the
//! service.
//!
//! Actions are matched by name in any ASCII case, as IAM matches them (the IAM User Guide, "IAM JSON
//! policy elements: Action": "The prefix and the action name are case insensitive."); a name whose spelling changed is
//! reported as a change of that action. Resource types and condition keys are compared as the tables write
//! them. A table drawn without a `Dependent actions` column (AWS's newer layout) has no dependent actions,
//! so a diff across the two layouts reports those of the older table as removed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::Path;

use ecr_actions::metadata::{ActionMetadata, ResourceTypeMetadata, ServiceMetadata};
use serde::Serialize;

use crate::args::SpecDiffArgs;
use crate::failure::{Failure, json_message, print_json, print_lines};

/// Runs the subcommand. Like `diff(1)`, the exit status says whether the tables differ: 1 if they
/// differ in actions, resource types or condition keys (the dates alone do not count), else 0.
pub(crate) fn run(args: &SpecDiffArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let old = read("OLD", &args.old)?;
    let new = read("NEW", &args.new)?;
    let diff = diff(&old, &new)?;
    if args.json {
        print_json(out, &diff)?;
    } else {
        print_lines(out, &human(&diff))?;
    }
    if diff.count() == 0 {
        Ok(())
    } else {
        // The output says how; like `diff`, nothing more on stderr.
        Err(Failure::NoMatch(Vec::new()))
    }
}

/// Reads and parses one metadata file; `which` (`OLD`, `NEW`) names it in errors.
fn read(which: &str, path: &Path) -> Result<ServiceMetadata, Failure> {
    let text = fs::read_to_string(path).map_err(|e| {
        Failure::usage(format!("{which} `{}`: cannot read it: {e}", path.display()))
    })?;
    if text.trim().is_empty() {
        return Err(Failure::usage(format!(
            "{which} `{}` is empty: expected service metadata as `ecr-iam spec --json` prints it",
            path.display()
        )));
    }
    serde_json::from_str(&text).map_err(|e| {
        Failure::usage(format!(
            "{which} `{}`:{}:{}: not service metadata as `ecr-iam spec --json` prints it: {}",
            path.display(),
            e.line(),
            e.column(),
            json_message(&e)
        ))
    })
}

/// The differences between two tables of one service.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub(crate) struct SpecDiff {
    /// The IAM service prefix.
    service: String,
    /// The older table's date, when it gives one.
    old_last_updated: Option<String>,
    /// The newer table's date, when it gives one.
    new_last_updated: Option<String>,
    /// Actions only the newer table has, in its order.
    added_actions: Vec<String>,
    /// Actions only the older table has, in its order.
    removed_actions: Vec<String>,
    /// Actions both have that differ, in the newer table's order.
    changed_actions: Vec<ActionChange>,
    /// Resource types (service-wide) only the newer table has.
    added_resource_types: Vec<String>,
    /// Resource types (service-wide) only the older table has.
    removed_resource_types: Vec<String>,
    /// Condition keys (service-wide) only the newer table has.
    added_condition_keys: Vec<String>,
    /// Condition keys (service-wide) only the older table has.
    removed_condition_keys: Vec<String>,
}

impl SpecDiff {
    /// How many actions, resource types and condition keys were added, removed or changed.
    fn count(&self) -> usize {
        self.added_actions.len()
            + self.removed_actions.len()
            + self.changed_actions.len()
            + self.added_resource_types.len()
            + self.removed_resource_types.len()
            + self.added_condition_keys.len()
            + self.removed_condition_keys.len()
    }
}

/// How one action kept by both tables changed.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct ActionChange {
    /// The name in the newer table.
    name: String,
    /// The name in the older table, when its spelling differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    old_name: Option<String>,
    /// The access levels, as the tables write them, when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    access_level: Option<Change<String>>,
    /// Resource types the action uses only in the newer table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    added_resource_types: Vec<ResourceTypeRef>,
    /// Resource types the action uses only in the older table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    removed_resource_types: Vec<ResourceTypeRef>,
    /// Resource types the action uses in both, that differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changed_resource_types: Vec<ResourceTypeChange>,
    /// The action-level condition keys.
    #[serde(skip_serializing_if = "SetChange::is_empty")]
    condition_keys: SetChange,
    /// The action-level dependent actions.
    #[serde(skip_serializing_if = "SetChange::is_empty")]
    dependent_actions: SetChange,
}

/// A value before and after.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct Change<T> {
    old: T,
    new: T,
}

/// What a set of names gained and lost.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
struct SetChange {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    removed: Vec<String>,
}

impl SetChange {
    /// The names of `new` not in `old` (in `new`'s order), and of `old` not in `new`. A name listed
    /// twice counts once: the tables' lists are sets.
    fn of(old: &[String], new: &[String]) -> Self {
        let (old_set, new_set): (BTreeSet<&String>, BTreeSet<&String>) =
            (old.iter().collect(), new.iter().collect());
        Self {
            added: ordered_unique(new.iter().filter(|n| !old_set.contains(n))),
            removed: ordered_unique(old.iter().filter(|o| !new_set.contains(o))),
        }
    }

    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// The names in order, each once.
fn ordered_unique<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    names.filter(|n| seen.insert(*n)).cloned().collect()
}

/// A resource type as an action uses it.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct ResourceTypeRef {
    name: String,
    required: bool,
}

/// How a resource type an action uses in both tables changed.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct ResourceTypeChange {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<Change<bool>>,
    #[serde(skip_serializing_if = "SetChange::is_empty")]
    condition_keys: SetChange,
    #[serde(skip_serializing_if = "SetChange::is_empty")]
    dependent_actions: SetChange,
}

/// The actions of `metadata` by ASCII-lowercased name; a name listed twice (in any case) is an error.
fn by_name<'a>(
    which: &str,
    metadata: &'a ServiceMetadata,
) -> Result<BTreeMap<String, &'a ActionMetadata>, Failure> {
    let mut map = BTreeMap::new();
    for action in &metadata.actions {
        if map
            .insert(action.name.to_ascii_lowercase(), action)
            .is_some()
        {
            return Err(Failure::usage(format!(
                "{which} lists action `{}` twice (IAM action names are case-insensitive); fix the file",
                action.name
            )));
        }
    }
    Ok(map)
}

/// Compares two tables of one service.
pub(crate) fn diff(old: &ServiceMetadata, new: &ServiceMetadata) -> Result<SpecDiff, Failure> {
    if old.service != new.service {
        return Err(Failure::usage(format!(
            "OLD is service `{}` and NEW is service `{}`: compare two tables of one service",
            old.service, new.service
        )));
    }
    let (old_actions, new_actions) = (by_name("OLD", old)?, by_name("NEW", new)?);
    let key = |a: &ActionMetadata| a.name.to_ascii_lowercase();
    let added_actions = new
        .actions
        .iter()
        .filter(|a| !old_actions.contains_key(&key(a)))
        .map(|a| a.name.clone())
        .collect();
    let removed_actions = old
        .actions
        .iter()
        .filter(|a| !new_actions.contains_key(&key(a)))
        .map(|a| a.name.clone())
        .collect();
    let changed_actions = new
        .actions
        .iter()
        .filter_map(|a| old_actions.get(&key(a)).and_then(|o| action_change(o, a)))
        .collect();
    let names = |m: &ServiceMetadata| -> Vec<String> {
        m.resource_types.iter().map(|r| r.name.clone()).collect()
    };
    let resource_types = SetChange::of(&names(old), &names(new));
    let keys = |m: &ServiceMetadata| -> Vec<String> {
        m.condition_keys.iter().map(|k| k.name.clone()).collect()
    };
    let condition_keys = SetChange::of(&keys(old), &keys(new));
    Ok(SpecDiff {
        service: new.service.clone(),
        old_last_updated: old.last_updated.clone(),
        new_last_updated: new.last_updated.clone(),
        added_actions,
        removed_actions,
        changed_actions,
        added_resource_types: resource_types.added,
        removed_resource_types: resource_types.removed,
        added_condition_keys: condition_keys.added,
        removed_condition_keys: condition_keys.removed,
    })
}

/// How `old` became `new`, or `None` when nothing the diff reports changed.
fn action_change(old: &ActionMetadata, new: &ActionMetadata) -> Option<ActionChange> {
    let old_uses: BTreeMap<&str, &ResourceTypeMetadata> = old
        .resource_types
        .iter()
        .map(|r| (r.name.as_str(), r))
        .collect();
    let new_uses: BTreeMap<&str, &ResourceTypeMetadata> = new
        .resource_types
        .iter()
        .map(|r| (r.name.as_str(), r))
        .collect();
    let reference = |r: &ResourceTypeMetadata| ResourceTypeRef {
        name: r.name.clone(),
        required: r.required,
    };
    let change = ActionChange {
        name: new.name.clone(),
        old_name: (old.name != new.name).then(|| old.name.clone()),
        access_level: (old.access_level != new.access_level).then(|| Change {
            old: old.access_level.clone(),
            new: new.access_level.clone(),
        }),
        added_resource_types: new
            .resource_types
            .iter()
            .filter(|r| !old_uses.contains_key(r.name.as_str()))
            .map(reference)
            .collect(),
        removed_resource_types: old
            .resource_types
            .iter()
            .filter(|r| !new_uses.contains_key(r.name.as_str()))
            .map(reference)
            .collect(),
        changed_resource_types: new
            .resource_types
            .iter()
            .filter_map(|n| {
                let o = old_uses.get(n.name.as_str())?;
                let change = ResourceTypeChange {
                    name: n.name.clone(),
                    required: (o.required != n.required).then_some(Change {
                        old: o.required,
                        new: n.required,
                    }),
                    condition_keys: SetChange::of(&o.condition_keys, &n.condition_keys),
                    dependent_actions: SetChange::of(&o.dependent_actions, &n.dependent_actions),
                };
                let same = change.required.is_none()
                    && change.condition_keys.is_empty()
                    && change.dependent_actions.is_empty();
                (!same).then_some(change)
            })
            .collect(),
        condition_keys: SetChange::of(&old.condition_keys, &new.condition_keys),
        dependent_actions: SetChange::of(&old.dependent_actions, &new.dependent_actions),
    };
    let same = change.old_name.is_none()
        && change.access_level.is_none()
        && change.added_resource_types.is_empty()
        && change.removed_resource_types.is_empty()
        && change.changed_resource_types.is_empty()
        && change.condition_keys.is_empty()
        && change.dependent_actions.is_empty();
    (!same).then_some(change)
}

/// `name` (required) or `name`, as a reader sees the flag.
fn used(name: &str, required: bool) -> String {
    if required {
        format!("{name} (required)")
    } else {
        format!("{name} (optional)")
    }
}

/// The lines that say what `set` gained and lost, each starting with `indent` and naming `what`.
fn set_lines(lines: &mut Vec<String>, indent: &str, what: &str, set: &SetChange) {
    if !set.added.is_empty() {
        lines.push(format!("{indent}{what} added: {}", set.added.join(", ")));
    }
    if !set.removed.is_empty() {
        lines.push(format!(
            "{indent}{what} removed: {}",
            set.removed.join(", ")
        ));
    }
}

/// The diff for a reader.
fn human(diff: &SpecDiff) -> Vec<String> {
    let date = |d: &Option<String>| d.clone().unwrap_or_else(|| "(no date)".to_owned());
    let service = &diff.service;
    let mut lines = vec![format!(
        "{service}: {} -> {}",
        date(&diff.old_last_updated),
        date(&diff.new_last_updated)
    )];
    let list = |lines: &mut Vec<String>, title: &str, names: &[String], prefix: &str| {
        lines.push(format!("{title} ({}):", names.len()));
        if names.is_empty() {
            lines.push("  none".to_owned());
        }
        lines.extend(names.iter().map(|n| format!("  {prefix}{n}")));
    };
    let prefix = format!("{service}:");
    lines.push(String::new());
    list(&mut lines, "Added actions", &diff.added_actions, &prefix);
    list(
        &mut lines,
        "Removed actions",
        &diff.removed_actions,
        &prefix,
    );
    lines.push(format!("Changed actions ({}):", diff.changed_actions.len()));
    if diff.changed_actions.is_empty() {
        lines.push("  none".to_owned());
    }
    for change in &diff.changed_actions {
        lines.push(format!("  {prefix}{}", change.name));
        if let Some(old_name) = &change.old_name {
            lines.push(format!("    name: {old_name} -> {}", change.name));
        }
        if let Some(level) = &change.access_level {
            lines.push(format!("    access level: {} -> {}", level.old, level.new));
        }
        for r in &change.added_resource_types {
            lines.push(format!(
                "    resource type added: {}",
                used(&r.name, r.required)
            ));
        }
        for r in &change.removed_resource_types {
            lines.push(format!(
                "    resource type removed: {}",
                used(&r.name, r.required)
            ));
        }
        for r in &change.changed_resource_types {
            if let Some(required) = &r.required {
                lines.push(format!(
                    "    resource type {}: {} -> {}",
                    r.name,
                    if required.old { "required" } else { "optional" },
                    if required.new { "required" } else { "optional" },
                ));
            }
            let indent = format!("    resource type {}: ", r.name);
            set_lines(&mut lines, &indent, "condition keys", &r.condition_keys);
            set_lines(
                &mut lines,
                &indent,
                "dependent actions",
                &r.dependent_actions,
            );
        }
        set_lines(&mut lines, "    ", "condition keys", &change.condition_keys);
        set_lines(
            &mut lines,
            "    ",
            "dependent actions",
            &change.dependent_actions,
        );
    }
    lines.push(String::new());
    list(
        &mut lines,
        "Added resource types",
        &diff.added_resource_types,
        "",
    );
    list(
        &mut lines,
        "Removed resource types",
        &diff.removed_resource_types,
        "",
    );
    list(
        &mut lines,
        "Added condition keys",
        &diff.added_condition_keys,
        "",
    );
    list(
        &mut lines,
        "Removed condition keys",
        &diff.removed_condition_keys,
        "",
    );
    lines
}
