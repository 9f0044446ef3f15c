//! Table names made Rust identifiers, and the check that no two collide.

use std::collections::HashMap;

use crate::companion::Placed;
use crate::model::{ConditionKey, ResourceType};
use crate::problem::{Problems, Source};
use crate::table::Pos;
use crate::valid::PlacedAction;

/// Items the generated enums define beside their variants: a variant of the same name would clash.
const RESERVED: &[&str] = &["ALL", "COUNT", "SERVICE", "Self"];

/// The UpperCamelCase identifier for a table name.
///
/// Placeholders `${…}` are dropped, the rest is split at every character that is not an ASCII letter or
/// digit, and the parts are joined with their first letter made uppercase; the rest of each part is
/// kept, so `AssociateViaAWSService-EventsAndStates` becomes `AssociateViaAWSServiceEventsAndStates` and
/// `aws:RequestTag/${TagKey}` becomes `AwsRequestTag`. `None` when the result is not an identifier that
/// starts with a letter.
///
/// ```
/// use ecr_actions_codegen::ident::upper_camel;
/// assert_eq!(upper_camel("connect").as_deref(), Some("Connect"));
/// assert_eq!(upper_camel("ecr:ResourceTag/${TagKey}").as_deref(), Some("EcrResourceTag"));
/// assert_eq!(upper_camel("2fa"), None);
/// ```
pub fn upper_camel(name: &str) -> Option<String> {
    camel_parts(name).filter(|made| !RESERVED.contains(&made.as_str()))
}

/// The joined parts, before the check against the generated items' names.
fn camel_parts(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    let mut upper_next = true;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("${")
            && let Some(end) = rest.find('}')
        {
            rest = rest.get(end + 1..).unwrap_or_default();
            upper_next = true;
            continue;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        if c.is_ascii_alphanumeric() {
            out.push(if upper_next {
                c.to_ascii_uppercase()
            } else {
                c
            });
            upper_next = false;
        } else if c.is_ascii() {
            upper_next = true;
        } else {
            return None;
        }
    }
    let starts_with_letter = out.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    starts_with_letter.then_some(out)
}

/// Gives each name its identifier; a name with none, or two names with one, is an error.
fn assign<'a>(
    what: &str,
    items: impl Iterator<Item = (&'a str, &'a mut String, Source, Pos)>,
    problems: &mut Problems,
) {
    let mut seen: HashMap<String, (String, Pos)> = HashMap::new();
    for (name, ident, source, pos) in items {
        let Some(made) = upper_camel(name) else {
            let message = match camel_parts(name) {
                Some(made) if RESERVED.contains(&made.as_str()) => format!(
                    "{what} `{name}` would become the variant `{made}`, which clashes with the generated \
                     `{made}` item of the enum; rename it in the table"
                ),
                _ => format!(
                    "{what} `{name}` cannot be made a Rust identifier: it needs an ASCII letter first and \
                     only ASCII letters, digits and separators after it; correct the name in the table"
                ),
            };
            problems.table(source, pos, message);
            continue;
        };
        if let Some((other, first)) = seen.get(&made) {
            problems.table(
                source,
                pos,
                format!(
                    "{what}s `{other}` (line {}) and `{name}` both become the Rust identifier `{made}`: \
                     the generated enum cannot tell them apart; rename one in the table",
                    first.line
                ),
            );
            continue;
        }
        seen.insert(made.clone(), (name.to_owned(), pos));
        *ident = made;
    }
}

pub(crate) fn assign_actions(actions: &mut [PlacedAction], problems: &mut Problems) {
    let items = actions.iter_mut().map(|a| {
        let pos = a.name;
        (
            a.action.name.as_str(),
            &mut a.action.ident,
            Source::Actions,
            pos,
        )
    });
    assign("action", items, problems);
}

pub(crate) fn assign_resource_types(types: &mut [Placed<ResourceType>], problems: &mut Problems) {
    let items = types
        .iter_mut()
        .map(|t| (t.item.name.as_str(), &mut t.item.ident, t.source, t.pos));
    assign("resource type", items, problems);
}

pub(crate) fn assign_condition_keys(keys: &mut [Placed<ConditionKey>], problems: &mut Problems) {
    let items = keys
        .iter_mut()
        .map(|k| (k.item.name.as_str(), &mut k.item.ident, k.source, k.pos));
    assign("condition key", items, problems);
}
