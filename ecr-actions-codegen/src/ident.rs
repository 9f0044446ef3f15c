//! Table names made Rust identifiers, injectively.
//!
//! # The rule
//!
//! A name takes its *plain* identifier ([`upper_camel`]: `aws:RequestTag/${TagKey}` → `AwsRequestTag`),
//! unless another name of the same kind (action, resource type, condition key) in the same tables has
//! the same plain identifier. Then every name of that group takes its *exact* identifier ([`exact`]),
//! which keeps every separator and placeholder: `codebuild:environment.type` →
//! `Codebuild_Environment_dType` and `codebuild:environmentType` → `Codebuild_EnvironmentType`;
//! `ec2:Attribute` → `Ec2_Attribute` and `ec2:Attribute/${AttributeName}` → `Ec2_Attribute_s_vAttributeName`.
//!
//! The exact identifier is a function of the name alone, and it is injective up to ASCII case, so
//! distinct names never share an identifier; names that differ only in ASCII case are one name for
//! IAM and stay an error, as do two identical names (IAM User Guide, IAM JSON policy elements:
//! Condition, "Condition key names are not case-sensitive."; Action, "The prefix and the action name
//! are case insensitive."). A name's identifier
//! depends only on the names its plain identifier collides with, so it is stable when AWS adds an
//! unrelated name; a new name that collides renames the group it joins.

use std::collections::{HashMap, HashSet};

use crate::cells::Placed;
use crate::cells::PlacedAction;
use crate::model::{ConditionKey, ResourceType};
use crate::problem::{Problems, Source};
use crate::table::Pos;

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

/// The exact identifier of a name: nothing it says is lost, so distinct names (up to ASCII case) never
/// share one.
///
/// Each run of ASCII letters and digits is kept with its first character made uppercase. Every other
/// character becomes `_` and a lowercase letter that names it: `:` is `_` alone (an uppercase letter or
/// a digit follows), `.` is `_d`, `-` is `_h`, `/` is `_s`, `_` is `_u`, `*` is `_a`, a placeholder
/// `${Name}` is `_vName` (and `_e` after it when letters or digits follow its `}` directly), any other
/// ASCII character is `_x` and two hex digits. A letter or digit never becomes `_`, so the output splits
/// at `_` back into the name's pieces, and each piece's letter says which character it was: the map is
/// injective up to the case of each run's first letter. `None` when the name does not start with an
/// ASCII letter or holds a character outside ASCII.
///
/// ```
/// use ecr_actions_codegen::ident::exact;
/// assert_eq!(exact("codebuild:environment.type").as_deref(), Some("Codebuild_Environment_dType"));
/// assert_eq!(exact("codebuild:environmentType").as_deref(), Some("Codebuild_EnvironmentType"));
/// assert_eq!(exact("ec2:Attribute/${AttributeName}").as_deref(), Some("Ec2_Attribute_s_vAttributeName"));
/// assert_eq!(exact("ec2:Attribute").as_deref(), Some("Ec2_Attribute"));
/// ```
pub fn exact(name: &str) -> Option<String> {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(name.len() * 2);
    let mut rest = name;
    let mut upper_next = true;
    let mut after_placeholder = false;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("${")
            && let Some(end) = rest.find('}')
            && let Some(inner) = rest.get(2..end)
            && !inner.is_empty()
            && inner.chars().all(|c| c.is_ascii_alphanumeric())
        {
            out.push_str("_v");
            let mut chars = inner.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
            }
            out.extend(chars);
            rest = rest.get(end + 1..).unwrap_or_default();
            upper_next = true;
            after_placeholder = true;
            continue;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        if c.is_ascii_alphanumeric() {
            if after_placeholder {
                out.push_str("_e");
            }
            out.push(if upper_next {
                c.to_ascii_uppercase()
            } else {
                c
            });
            upper_next = false;
        } else if c.is_ascii() {
            match c {
                ':' => out.push('_'),
                '.' => out.push_str("_d"),
                '-' => out.push_str("_h"),
                '/' => out.push_str("_s"),
                '_' => out.push_str("_u"),
                '*' => out.push_str("_a"),
                _ => {
                    // Writing to a `String` cannot fail.
                    let _ = write!(out, "_x{:02X}", u32::from(c));
                }
            }
            upper_next = true;
        } else {
            return None;
        }
        after_placeholder = false;
    }
    let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts_with_letter && !RESERVED.contains(&out.as_str())).then_some(out)
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

/// Gives each name its identifier by the rule of the module docs; a name with none, or two names with
/// one (identical up to ASCII case), is an error.
fn assign<'a>(
    what: &str,
    items: impl Iterator<Item = (&'a str, &'a mut String, Source, Pos)>,
    problems: &mut Problems,
) {
    let items: Vec<_> = items.collect();
    // How many distinct names share each plain identifier: a group of two or more takes exact ones.
    let mut plain_users: HashMap<String, HashSet<&str>> = HashMap::new();
    for (name, ..) in &items {
        if let Some(plain) = upper_camel(name) {
            plain_users.entry(plain).or_default().insert(name);
        }
    }
    let mut seen: HashMap<String, (String, Pos)> = HashMap::new();
    let mut seen_folded: HashMap<String, (String, Pos)> = HashMap::new();
    for (name, ident, source, pos) in items {
        let plain = upper_camel(name);
        let shared = plain
            .as_ref()
            .and_then(|p| plain_users.get(p))
            .is_some_and(|users| users.len() > 1);
        let made = if shared { exact(name) } else { plain };
        let Some(made) = made else {
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
        // IAM compares names without regard to ASCII case, so names equal up to case are one name.
        let folded = name.to_ascii_lowercase();
        if let Some((other, first)) = seen.get(&made).or_else(|| seen_folded.get(&folded)) {
            let how = if other == name {
                "are the same name"
            } else {
                "differ only in ASCII case, which IAM ignores"
            };
            problems.table(
                source,
                pos,
                format!(
                    "{what}s `{other}` (line {}) and `{name}` {how}: delete one from the table",
                    first.line
                ),
            );
            continue;
        }
        seen.insert(made.clone(), (name.to_owned(), pos));
        seen_folded.insert(folded, (name.to_owned(), pos));
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
