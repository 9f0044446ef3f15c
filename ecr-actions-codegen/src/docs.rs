//! Rustdoc text for the generated items: every variant carries its metadata, and the `Action` enum a table
//! of all actions. Table text is escaped so that rustdoc reads it as plain text.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::model::{Action, ConditionKey, ResourceType, Service};

/// Escapes text for Markdown: rustdoc must not read table text as links, emphasis or HTML.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text inside a code span: backticks in the text would end the span early, so use a longer fence.
fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

fn code_list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.iter().map(|i| code(i)).collect::<Vec<_>>().join(", ")
    }
}

fn access(action: &Action) -> String {
    action
        .access_levels
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The doc of one `Action` variant.
pub(crate) fn action(service: &Service, action: &Action) -> String {
    let mut doc = String::new();
    let description = if action.description.is_empty() {
        "(The table gives no description.)".to_owned()
    } else {
        escape(&action.description)
    };
    let _ = writeln!(doc, "{description}\n");
    let _ = writeln!(
        doc,
        "- **IAM action:** `{}:{}`",
        service.prefix, action.name
    );
    let _ = writeln!(doc, "- **Access level:** {}", access(action));
    if action.resource_types.is_empty() {
        let _ = writeln!(
            doc,
            "- **Resource types:** none (the policy's `Resource` is `*`)"
        );
    } else {
        let _ = writeln!(doc, "- **Resource types:**");
        for used in &action.resource_types {
            let mut line = format!(
                "  - {} ({})",
                code(&used.name),
                if used.required {
                    "required"
                } else {
                    "optional"
                }
            );
            if !used.condition_keys.is_empty() {
                let _ = write!(
                    line,
                    "; condition keys: {}",
                    code_list(&used.condition_keys)
                );
            }
            if !used.dependent_actions.is_empty() {
                let _ = write!(
                    line,
                    "; dependent actions: {}",
                    code_list(&used.dependent_actions)
                );
            }
            let _ = writeln!(doc, "{line}");
        }
    }
    let _ = writeln!(
        doc,
        "- **Condition keys:** {}",
        code_list(&action.condition_keys)
    );
    let _ = writeln!(
        doc,
        "- **Dependent actions:** {}",
        code_list(&action.dependent_actions)
    );
    doc
}

/// The doc of the `Action` enum: what it is, then a table of every action.
pub(crate) fn action_enum(service: &Service) -> String {
    let prefix = &service.prefix;
    let mut doc = format!(
        "Every action of the `{prefix}` IAM service: one variant per action, in the order of the actions table{}.\n\n",
        service
            .last_updated
            .as_deref()
            .map(|t| format!(" (last updated {t})"))
            .unwrap_or_default()
    );
    let _ = writeln!(
        doc,
        "Parse an IAM action string with [`str::parse`] (any ASCII case, as IAM matches action names), \
         print one with `Display`, and read the metadata with the methods below. A `*` after a resource \
         type marks it required.\n"
    );
    let _ = writeln!(
        doc,
        "| Action | Access level | Resource types | Condition keys | Dependent actions |"
    );
    let _ = writeln!(doc, "|---|---|---|---|---|");
    for action in &service.actions {
        let resources = action
            .resource_types
            .iter()
            .map(|r| format!("`{}`{}", r.name, if r.required { "\\*" } else { "" }))
            .collect::<Vec<_>>()
            .join(", ");
        let keys: Vec<&String> = action
            .condition_keys
            .iter()
            .chain(action.resource_types.iter().flat_map(|r| &r.condition_keys))
            .collect();
        let deps: Vec<&String> = action
            .dependent_actions
            .iter()
            .chain(
                action
                    .resource_types
                    .iter()
                    .flat_map(|r| &r.dependent_actions),
            )
            .collect();
        let join = |items: &[&String]| {
            let mut seen: HashSet<&String> = HashSet::with_capacity(items.len());
            let unique: Vec<&String> = items.iter().copied().filter(|i| seen.insert(i)).collect();
            unique
                .iter()
                .map(|i| code(i))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            doc,
            "| [`{name}`](Action::{ident}) | {level} | {resources} | {keys} | {deps} |",
            name = action.name,
            ident = action.ident,
            level = access(action),
            keys = join(&keys),
            deps = join(&deps),
        );
    }
    doc
}

/// How many actions use each resource type, counted in one pass over the actions (counting per type
/// would take the product of the numbers of types and actions).
pub(crate) fn users(service: &Service) -> HashMap<&str, usize> {
    let mut users: HashMap<&str, usize> = HashMap::new();
    for action in &service.actions {
        // An action names a type once (a repeat is refused before), but count it once regardless.
        let names: HashSet<&str> = action
            .resource_types
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        for name in names {
            *users.entry(name).or_default() += 1;
        }
    }
    users
}

/// The doc of one `ResourceType` variant, used by `users` actions.
pub(crate) fn resource_type(resource: &ResourceType, users: usize) -> String {
    let mut doc = format!("The `{}` resource type.\n\n", resource.name);
    if let Some(arn) = &resource.arn_format {
        let _ = writeln!(doc, "- **ARN:** {}", code(arn));
    }
    let _ = writeln!(
        doc,
        "- **Condition keys:** {}",
        code_list(&resource.condition_keys)
    );
    let _ = writeln!(
        doc,
        "- **Used by:** {users} action{}",
        if users == 1 { "" } else { "s" }
    );
    doc
}

/// The doc of the `ResourceType` enum.
pub(crate) fn resource_type_enum(service: &Service) -> String {
    format!(
        "Every resource type of the `{}` IAM service that its tables name, in table order.",
        service.prefix
    )
}

/// The doc of one `ConditionKey` variant.
pub(crate) fn condition_key(key: &ConditionKey) -> String {
    let mut doc = code(&key.name);
    if let Some(value_type) = key.value_type {
        let _ = write!(doc, " ({value_type})");
    }
    if let Some(description) = &key.description {
        let _ = write!(doc, ": {}", escape(description));
    }
    doc
}

/// The doc of the `ConditionKey` enum.
pub(crate) fn condition_key_enum(service: &Service) -> String {
    format!(
        "Every condition key the `{}` IAM service's tables name: the service's own keys and the global \
         `aws:` keys it supports.",
        service.prefix
    )
}

#[cfg(test)]
mod tests {
    use crate::model::{Service, Tables};

    const SEED: &str = include_str!("../../spec/ecr-actions.txt");

    fn ecr() -> Service {
        let names = ["BatchGetRepositoryScanningConfiguration".to_owned()];
        let tables = Tables {
            service: "ecr",
            actions: SEED,
            resource_types: None,
            condition_keys: None,
            names: &names,
            names_for: &[],
        };
        Service::from_tables(&tables).unwrap()
    }

    #[test]
    fn a_variant_doc_carries_all_the_metadata() {
        let service = ecr();
        let tag = service
            .actions
            .iter()
            .find(|a| a.name == "TagResource")
            .unwrap();
        let doc = super::action(&service, tag);
        assert!(
            doc.starts_with("Grants permission to tag an Amazon ECR resource\n"),
            "{doc}"
        );
        assert!(doc.contains("- **IAM action:** `ecr:TagResource`"));
        assert!(doc.contains("- **Access level:** Tagging"));
        assert!(doc.contains("  - `repository` (required)"));
        assert!(doc.contains("- **Condition keys:** `aws:RequestTag/${TagKey}`, `aws:TagKeys`"));
        assert!(doc.contains("- **Dependent actions:** none"));
    }

    #[test]
    fn the_enum_doc_has_a_row_per_action() {
        let service = ecr();
        let doc = super::action_enum(&service);
        assert_eq!(doc.lines().filter(|l| l.starts_with("| [`")).count(), 43);
        assert!(
            doc.contains(
                "| [`BatchGetImage`](Action::BatchGetImage) | Read | `repository`\\* |  |  |"
            ),
            "{doc}"
        );
    }

    #[test]
    fn table_text_is_escaped_for_markdown() {
        assert_eq!(
            super::escape("a <b> [c] *d* _e_ `f` |g|"),
            r"a &lt;b&gt; \[c\] \*d\* \_e\_ \`f\` \|g\|"
        );
    }
}
