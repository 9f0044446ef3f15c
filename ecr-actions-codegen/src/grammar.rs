//! The grammar of each kind of cell value. A value outside its kind's grammar is refused where it
//! stands, never made a variant or a name: control characters, inner spaces (`repos itory`), doubled
//! separators (`**`, `...`) and characters no AWS name holds.
//!
//! The grammars follow the names AWS publishes in the Service Authorization Reference:
//!
//! | kind | grammar | e.g. |
//! |---|---|---|
//! | action | an ASCII letter, then letters and digits, single `-` or `_` between them | `BatchGetImage`, `AssociateViaAWSService-EventsAndStates` (vpc-lattice) |
//! | resource type | an ASCII letter, then letters and digits, single `-`, `_` or `.` between them | `repository`, `media-insights-pipeline-configuration` |
//! | condition key | a service prefix, `:`, then letters, digits and placeholders (`${TagKey}`, `<key>`), single `:`, `/`, `.`, `-` or `_` between them | `aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`, `codebuild:secondarySources/${sourceIdentifier}.location` |
//! | dependent action | a service prefix, `:`, an action name | `iam:PassRole` |
//!
//! A service prefix is lowercase ASCII letters, digits and `-` (`ecr`, `vpc-lattice`).

/// What a cell value names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Action,
    ResourceType,
    /// A resource type in an actions table's cell: `name`, or `name*` when required.
    ResourceTypeUse,
    ConditionKey,
    DependentAction,
}

impl Kind {
    /// The kind in messages.
    pub(crate) const fn what(self) -> &'static str {
        match self {
            Self::Action => "action name",
            Self::ResourceType | Self::ResourceTypeUse => "resource type",
            Self::ConditionKey => "condition key",
            Self::DependentAction => "dependent action",
        }
    }

    const fn grammar(self) -> &'static str {
        match self {
            Self::Action => {
                "an action name is an ASCII letter, then letters and digits with single `-` or `_` \
                 between them, like `BatchGetImage`"
            }
            Self::ResourceType | Self::ResourceTypeUse => {
                "a resource type is an ASCII letter, then letters and digits with single `-`, `_` or \
                 `.` between them, and one trailing `*` when required, like `repository*`"
            }
            Self::ConditionKey => {
                "a condition key is `prefix:Name`: a service prefix (lowercase letters, digits, `-`), \
                 `:`, then letters, digits and placeholders like `${TagKey}` with single `:`, `/`, `.`, \
                 `-` or `_` between them, like `aws:RequestTag/${TagKey}`"
            }
            Self::DependentAction => {
                "a dependent action is `prefix:Action`: a service prefix (lowercase letters, digits, \
                 `-`), `:`, then an action name, like `iam:PassRole`"
            }
        }
    }
}

/// `None` when `value` is a well-formed value of `kind`; otherwise the message for its cell.
pub(crate) fn check(kind: Kind, value: &str) -> Option<String> {
    let fault = match kind {
        Kind::Action => letter_first(value).or_else(|| pieces(value, "-_", false)),
        Kind::ResourceType => letter_first(value).or_else(|| pieces(value, "-_.", false)),
        Kind::ResourceTypeUse => {
            let name = value.strip_suffix('*').unwrap_or(value);
            if let Some(fault) = control_or_space(value) {
                Some(fault)
            } else if name.ends_with('*') {
                Some("ends with `**` (one `*` marks a required type)".to_owned())
            } else {
                letter_first(name).or_else(|| pieces(name, "-_.", false))
            }
        }
        Kind::ConditionKey => prefixed(value, |rest| pieces(rest, ":/.-_", true)),
        Kind::DependentAction => prefixed(value, |rest| {
            letter_first(rest).or_else(|| pieces(rest, "-_", false))
        }),
    }?;
    Some(format!(
        "{} `{}` {fault}: {}; correct the cell",
        kind.what(),
        value.escape_debug(),
        kind.grammar()
    ))
}

/// A name that must start with an ASCII letter and starts with a digit.
fn letter_first(text: &str) -> Option<String> {
    text.chars()
        .next()
        .filter(char::is_ascii_digit)
        .map(|c| format!("starts with `{c}`, not a letter"))
}

/// Whether `text` is an IAM service prefix: lowercase ASCII letters, digits and `-`.
pub(crate) fn is_service_prefix(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn prefixed(value: &str, rest: impl Fn(&str) -> Option<String>) -> Option<String> {
    if let Some(fault) = control_or_space(value) {
        return Some(fault);
    }
    let Some((prefix, name)) = value.split_once(':') else {
        return Some("has no `:` after a service prefix".to_owned());
    };
    if !is_service_prefix(prefix) {
        return Some(format!("has `{prefix}` where a service prefix goes"));
    }
    rest(name)
}

/// The first control character or whitespace in `text`, described.
fn control_or_space(text: &str) -> Option<String> {
    text.chars().find_map(|c| {
        if c.is_control() {
            Some(format!(
                "holds the control character U+{:04X}",
                u32::from(c)
            ))
        } else if c.is_whitespace() {
            Some("holds a space".to_owned())
        } else {
            None
        }
    })
}

/// Letters and digits (and placeholders where `placeholders`), with one of `separators` between them.
fn pieces(text: &str, separators: &str, placeholders: bool) -> Option<String> {
    if let Some(fault) = control_or_space(text) {
        return Some(fault);
    }
    let mut rest = text;
    // The separator just read, if the last piece was one; the start counts as one.
    let mut after: Option<Option<char>> = Some(None);
    while let Some(c) = rest.chars().next() {
        if placeholders
            && let Some((open, close)) = [("${", '}'), ("<", '>')]
                .into_iter()
                .find(|(open, _)| rest.starts_with(open))
        {
            let inner = rest.get(open.len()..).unwrap_or_default();
            let Some(end) = inner.find(close) else {
                return Some(format!("opens `{open}` and does not close it"));
            };
            let name = inner.get(..end).unwrap_or_default();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Some(format!(
                    "has the placeholder `{open}{name}{close}`, which is not letters and digits"
                ));
            }
            rest = inner.get(end + close.len_utf8()..).unwrap_or_default();
            after = None;
            continue;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        if c.is_ascii_alphanumeric() {
            after = None;
        } else if separators.contains(c) {
            match after {
                Some(None) => return Some(format!("starts with `{c}`")),
                Some(Some(before)) => return Some(format!("holds `{before}{c}`")),
                None => after = Some(Some(c)),
            }
        } else {
            return Some(format!("holds `{}`", c.escape_debug()));
        }
    }
    match after {
        Some(None) => Some("is empty".to_owned()),
        Some(Some(last)) => Some(format!("ends with `{last}`")),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, check};

    /// Names AWS publishes in the Service Authorization Reference are accepted.
    #[test]
    fn real_names_pass() {
        for (kind, value) in [
            (Kind::Action, "BatchGetImage"),
            (Kind::Action, "connect"),
            (Kind::Action, "AssociateViaAWSService-EventsAndStates"),
            (Kind::ResourceType, "repository"),
            (Kind::ResourceType, "media-insights-pipeline-configuration"),
            (Kind::ResourceTypeUse, "repository*"),
            (Kind::ResourceTypeUse, "repository"),
            (Kind::ConditionKey, "aws:RequestTag/${TagKey}"),
            (
                Kind::ConditionKey,
                "kms:EncryptionContext:${EncryptionContextKey}",
            ),
            (Kind::ConditionKey, "s3:ExistingObjectTag/<key>"),
            (
                Kind::ConditionKey,
                "s3:x-amz-server-side-encryption-aws-kms-key-id",
            ),
            (
                Kind::ConditionKey,
                "codebuild:secondarySources/${sourceIdentifier}.location",
            ),
            (Kind::ConditionKey, "ec2:Attribute/${AttributeName}"),
            (Kind::DependentAction, "iam:PassRole"),
            (
                Kind::DependentAction,
                "vpc-lattice:AssociateViaAWSService-EventsAndStates",
            ),
        ] {
            assert_eq!(check(kind, value), None, "{value}");
        }
    }

    /// Control characters, inner spaces, doubled separators and stray characters are refused, each
    /// with what is wrong.
    #[test]
    fn malformed_values_are_refused() {
        for (kind, value, fault) in [
            (Kind::ResourceType, "repos itory*", "holds a space"),
            (Kind::ResourceType, "repository*", "holds `*`"),
            (Kind::ResourceTypeUse, "repository**", "ends with `**`"),
            (Kind::ResourceTypeUse, "repos itory**", "holds a space"),
            (Kind::ResourceTypeUse, "repos itory*", "holds a space"),
            (
                Kind::ResourceType,
                "repo\u{7}",
                "holds the control character U+0007",
            ),
            (Kind::ConditionKey, "aws:Tag...Keys", "holds `..`"),
            (Kind::ConditionKey, "aws:TagKeys/", "ends with `/`"),
            (Kind::ConditionKey, "TagKeys", "has no `:`"),
            (
                Kind::ConditionKey,
                "AWS:TagKeys",
                "has `AWS` where a service prefix goes",
            ),
            (
                Kind::ConditionKey,
                "aws:RequestTag/${Tag Key}",
                "holds a space",
            ),
            (Kind::ConditionKey, "aws:RequestTag/${TagKey", "opens `${`"),
            (Kind::Action, "Get**", "holds `*`"),
            (Kind::Action, "2fa", "starts with `2`"),
            (Kind::Action, "Foo--Bar", "holds `--`"),
            (Kind::Action, "", "is empty"),
            (Kind::DependentAction, "iam:Pass Role", "holds a space"),
            (Kind::DependentAction, "PassRole", "has no `:`"),
        ] {
            let message = check(kind, value).unwrap_or_default();
            assert!(message.contains(fault), "{value}: {message}");
        }
    }
}
