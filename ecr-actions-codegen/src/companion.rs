//! The companion tables (resource types, condition keys) checked against the actions table: with a
//! companion table, every resource type and condition key an action uses must have its row there.

use std::collections::HashSet;

use crate::cells::{Placed, PlacedAction, Places, values};
use crate::columns::{Companion, ConditionRow, ResourceRow};
use crate::grammar::{self, Kind};
use crate::model::{ConditionKey, ConditionValueType, ResourceType};
use crate::problem::{Problems, Source};
use crate::resolve::Resolver;
use crate::table::Pos;
use ecr_actions_pattern::suggest;

/// The resource types: those of the companion table in its order, checked against the actions' use.
pub(crate) fn resource_types(
    actions: &[PlacedAction],
    table: Companion<&[ResourceRow]>,
    resolver: &Resolver<'_>,
    problems: &mut Problems,
) -> Vec<Placed<ResourceType>> {
    let mut types: Vec<Placed<ResourceType>> = Vec::new();
    // The names in `types`: tables of many rows are checked in linear time.
    let mut listed: HashSet<String> = HashSet::new();
    let source = Source::ResourceTypes;
    if let Companion::Rows(rows) = table {
        for row in rows {
            let Some(mut name) = resolver.value(&row.name) else {
                continue;
            };
            // A `names` entry for a cut resource type is the full value of its cells in the actions
            // table, `name*` where required; this table's cell is the bare name.
            if crate::resolve::is_cut(&row.name.text) && name.ends_with('*') {
                name.pop();
            }
            if let Some(message) = grammar::check(Kind::ResourceType, &name) {
                problems.table(source, row.name.pos, message);
                continue;
            }
            if !listed.insert(name.clone()) {
                problems.table(
                    source,
                    row.name.pos,
                    format!("resource type `{name}` has two rows: delete one"),
                );
                continue;
            }
            let item = ResourceType {
                ident: String::new(),
                arn_format: row.arn.as_ref().and_then(|arn| resolver.value(arn)),
                condition_keys: values(
                    &crate::cells::Cells::global(resolver),
                    (source, Kind::ConditionKey),
                    &row.condition_keys,
                    &mut Places::new(),
                    problems,
                ),
                name,
            };
            types.push(Placed {
                source,
                pos: row.name.pos,
                item,
            });
        }
    }
    let strict = matches!(table, Companion::Rows(_));
    let lenient = matches!(table, Companion::Absent);
    for placed in actions {
        let action = &placed.action;
        for used in &action.resource_types {
            if listed.contains(&used.name) {
                continue;
            }
            let pos = placed.place_of(&used.name);
            if strict {
                problems.table(
                    Source::Actions,
                    pos,
                    format!(
                        "`{}` uses resource type `{}`, which the resource-types table does not list: \
                         add a row for it there, or correct the name",
                        action.name, used.name
                    ),
                );
            }
            if strict || lenient {
                listed.insert(used.name.clone());
                let item = ResourceType {
                    name: used.name.clone(),
                    ident: String::new(),
                    arn_format: None,
                    condition_keys: Vec::new(),
                };
                types.push(Placed {
                    source: Source::Actions,
                    pos,
                    item,
                });
            }
        }
    }
    types
}

fn unknown_type_message(text: &str) -> String {
    let expected = ConditionValueType::ALL
        .iter()
        .map(|t| format!("`{t}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = suggest::hint(text, ConditionValueType::ALL.iter().map(|t| t.as_str()));
    format!("unknown condition key type `{text}`: expected one of {expected}{hint}")
}

/// The condition keys: those of the companion table in its order, checked against every use.
pub(crate) fn condition_keys(
    actions: &[PlacedAction],
    types: &[Placed<ResourceType>],
    table: Companion<&[ConditionRow]>,
    resolver: &Resolver<'_>,
    problems: &mut Problems,
) -> Vec<Placed<ConditionKey>> {
    let source = Source::ConditionKeys;
    let mut keys: Vec<Placed<ConditionKey>> = Vec::new();
    // The names in `keys` and `extra` below.
    let mut listed: HashSet<String> = HashSet::new();
    if let Companion::Rows(rows) = table {
        for row in rows {
            let Some(name) = resolver.value(&row.name) else {
                continue;
            };
            if let Some(message) = grammar::check(Kind::ConditionKey, &name) {
                problems.table(source, row.name.pos, message);
                continue;
            }
            if !listed.insert(name.clone()) {
                problems.table(
                    source,
                    row.name.pos,
                    format!("condition key `{name}` has two rows: delete one"),
                );
                continue;
            }
            // The table text exactly, as `FromStr` reads it.
            let value_type = row.value_type.text.parse::<ConditionValueType>().ok();
            if value_type.is_none() {
                problems.table(
                    source,
                    row.value_type.pos,
                    unknown_type_message(&row.value_type.text),
                );
            }
            let item = ConditionKey {
                ident: String::new(),
                description: row.description.as_ref().map(|d| d.text.clone()),
                value_type,
                name,
            };
            keys.push(Placed {
                source,
                pos: row.name.pos,
                item,
            });
        }
    }
    let mut used: Vec<(&str, Source, Pos)> = Vec::new();
    for placed in actions {
        let action = &placed.action;
        let resource_keys = action.resource_types.iter().flat_map(|r| &r.condition_keys);
        for key in action.condition_keys.iter().chain(resource_keys) {
            used.push((key, Source::Actions, placed.place_of(key)));
        }
    }
    for resource_type in types {
        for key in &resource_type.item.condition_keys {
            used.push((key, resource_type.source, resource_type.pos));
        }
    }
    let strict = matches!(table, Companion::Rows(_));
    let mut extra: Vec<Placed<ConditionKey>> = Vec::new();
    for (key, from, pos) in used {
        if !listed.insert(key.to_owned()) {
            continue;
        }
        if strict {
            let message = format!(
                "condition key `{key}` is not in the condition-keys table: add a row for it there, \
                 or correct the name"
            );
            problems.table(from, pos, message);
        }
        let item = ConditionKey {
            name: key.to_owned(),
            ident: String::new(),
            description: None,
            value_type: None,
        };
        extra.push(Placed {
            source: from,
            pos,
            item,
        });
    }
    if matches!(table, Companion::Absent) {
        extra.sort_by(|a, b| a.item.name.cmp(&b.item.name));
        keys.extend(extra);
    }
    keys
}
