//! Checks of `Resource` and `NotResource`, and of whether an action entry can apply to them.

use super::{Findings, LintCode, item_path, name_list};
use crate::policy::{ActionItem, Effect, JsonPath, PolicyDocument, ResourceItem, Statement};
use crate::{Action, ActionSet, ArnPattern, Glob, ResourceType};

/// Checks the clause and each entry: `allow-with-not-resource`, `malformed-arn` (an entry
/// [`ArnPattern`] refuses, or one with a wildcard in its service segment),
/// `old-version-with-variables`.
pub(super) fn check(
    document: &PolicyDocument,
    statement: &Statement,
    path: &JsonPath,
    findings: &mut Findings,
) {
    let Some(clause) = &statement.resource else {
        return;
    };
    let base = path.key(if clause.negated {
        "NotResource"
    } else {
        "Resource"
    });
    if clause.negated && statement.effect == Effect::Allow {
        findings.push(
            LintCode::AllowWithNotResource,
            base.clone(),
            "`Allow` with `NotResource` allows the actions on every resource not listed, including \
             resources of other accounts and resources created later; list the resources to allow \
             in `Resource` instead"
                .to_owned(),
        );
    }
    for (index, item) in clause.items.iter().enumerate() {
        let path = || item_path(&base, &clause.items, index);
        match item.pattern() {
            Err(error) => findings.push(
                LintCode::MalformedArn,
                path(),
                format!("{error}; IAM refuses a policy with a malformed resource"),
            ),
            Ok(pattern) => {
                if let Some(service) = wildcard_service(pattern) {
                    findings.push(
                        LintCode::MalformedArn,
                        path(),
                        format!(
                            "`{}` has a wildcard in its service segment (`{service}`): the IAM User \
                             Guide says \"You can't use a wildcard in the service segment that \
                             identifies the AWS product\"; write the service namespace, such as \
                             `arn:aws:ecr:…`",
                            pattern.as_str()
                        ),
                    );
                }
            }
        }
        super::document::check_variables(document, item.as_str(), &path, findings);
    }
}

/// What a statement's `Resource` can match, worked out once for all its action entries.
pub(super) struct Targets {
    /// Whether an entry is `*`.
    any: bool,
    /// The resource types an entry could match an ARN of.
    types: Vec<ResourceType>,
    /// The entries, for messages.
    listed: String,
}

impl Targets {
    /// The statement's targets, if its entries are judged: not for a statement without `Resource` (a
    /// repository policy) or with `NotResource`, nor one whose entries are all malformed
    /// (`malformed-arn` says so).
    pub(super) fn of(statement: &Statement) -> Option<Self> {
        let clause = statement.resource.as_ref().filter(|c| !c.negated)?;
        let patterns: Vec<&ArnPattern> = clause
            .items
            .iter()
            .filter_map(|item| item.pattern().ok())
            .collect();
        if patterns.is_empty() {
            return None;
        }
        let types = ResourceType::ALL
            .into_iter()
            .filter(|t| {
                patterns.iter().any(|p| {
                    t.arn_format()
                        .is_none_or(|format| may_match_format(p, format))
                })
            })
            .collect();
        Some(Self {
            any: patterns.iter().any(|p| p.is_any()),
            types,
            listed: name_list(clause.items.iter().map(ResourceItem::as_str), 3),
        })
    }

    /// Whether `action` can apply: `*` for an action without resource types, an entry that could
    /// match an ARN of one of its resource types otherwise.
    fn admit(&self, action: Action) -> bool {
        let uses = action.resource_types();
        if uses.is_empty() {
            self.any
        } else {
            uses.iter()
                .any(|used| self.types.contains(&used.resource_type()))
        }
    }

    /// `resource-mismatch` or `resource-star-required` for an `ecr:` entry of `Action` whose actions
    /// are `set`: reported when none of its actions can apply to any `Resource` entry (so `ecr:*` on a
    /// repository ARN is fine, its repository actions apply).
    pub(super) fn check_entry(
        &self,
        item: &ActionItem,
        set: ActionSet,
        path: &dyn Fn() -> JsonPath,
        findings: &mut Findings,
    ) {
        if set.iter().any(|action| self.admit(action)) {
            return;
        }
        let text = item.as_str();
        let resources = &self.listed;
        let typed = types_of(set);
        if typed.is_empty() {
            let subject = if set.len() == 1 {
                format!("`{text}` takes no resource ARN")
            } else {
                format!(
                    "none of the {} actions `{text}` matches takes a resource ARN",
                    set.len()
                )
            };
            findings.push(
                LintCode::ResourceStarRequired,
                path(),
                format!(
                    "{subject}: IAM allows it only with `\"Resource\": \"*\"`, and this statement's \
                     `Resource` is {resources}; move it to a statement with `\"Resource\": \"*\"`"
                ),
            );
        } else {
            let types = name_list(typed.iter().map(|t| t.name()), 3);
            let example = typed.first().and_then(|t| t.arn_format()).unwrap_or(
                "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}",
            );
            let subject = if set.len() == 1 {
                format!("`{text}` acts on {types} resources")
            } else {
                format!(
                    "none of the {} actions `{text}` matches can apply: they act on {types} \
                     resources (or take no ARN)",
                    set.len()
                )
            };
            findings.push(
                LintCode::ResourceMismatch,
                path(),
                format!(
                    "{subject}, and no entry of `Resource` ({resources}) can match one, so the entry \
                     never applies; write an ARN of the form `{example}` (wildcards allowed), or `*`"
                ),
            );
        }
    }
}

/// The resource types the actions act on, in table order, each once.
fn types_of(set: ActionSet) -> Vec<ResourceType> {
    let mut types = Vec::new();
    for action in set.iter() {
        for used in action.resource_types() {
            if !types.contains(&used.resource_type()) {
                types.push(used.resource_type());
            }
        }
    }
    types
}

/// Whether `pattern` could match some ARN of the table's `format`
/// (`arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`): its service segment
/// matches the format's service, its partition, region and account segments hold only characters
/// those can have (so `…:111122223333/repository/*`, a slash typed for a colon, matches no repository),
/// and its resource segment can start with the format's fixed prefix (`repository/`) followed by a
/// name. Policy variables count as wildcards.
pub(super) fn may_match_format(pattern: &ArnPattern, format: &str) -> bool {
    if pattern.is_any() {
        return true;
    }
    let text = variables_as(pattern.as_str(), "*");
    let mut parts: Vec<&str> = text.splitn(6, ':').collect();
    // A pattern of fewer than six parts ends with a `*` that reaches over the missing parts (IAM
    // User Guide, "IAM JSON policy elements: Resource": "If the `*` wildcard is the last character of
    // a resource ARN segment, it can expand to match beyond the colon boundaries"): each is `*`.
    if text.ends_with('*') {
        parts.resize(6, "*");
    }
    let formats: Vec<&str> = format.splitn(6, ':').collect();
    let (Some(service), Some(resource)) = (parts.get(2), parts.get(5)) else {
        return false;
    };
    if let Some(wanted) = formats.get(2).filter(|s| !s.contains("${"))
        && !Glob::new(service).is_match(wanted)
    {
        return false;
    }
    // The literal characters of a segment lie in that segment of the ARN until a `*` that ends its
    // segment has reached past `:` (after it, the segments of the pattern and the ARN may not line
    // up): up to there, each must be one the format's placeholder allows.
    for (part, wanted) in parts.iter().zip(&formats).take(5) {
        if let Some(allowed) = placeholder_characters(wanted)
            && !part.chars().all(|c| matches!(c, '*' | '?') || allowed(c))
        {
            return false;
        }
        if part.ends_with('*') {
            break;
        }
    }
    let prefix = formats
        .get(5)
        .map_or("", |r| r.split_once("${").map_or(*r, |(head, _)| head));
    may_start_with(resource, prefix)
}

/// The characters a placeholder of an ARN format stands for, for the ones whose values have a fixed
/// alphabet: partitions and regions (`aws-us-gov`, `us-east-1`), 12-digit accounts.
fn placeholder_characters(format: &str) -> Option<fn(char) -> bool> {
    match format {
        "${Partition}" | "${Region}" => {
            Some(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }
        "${Account}" => Some(|c| c.is_ascii_digit()),
        _ => None,
    }
}

/// Whether the wildcard `pattern` (`*`, `?`) can match a text that starts with `prefix` and goes on.
fn may_start_with(pattern: &str, prefix: &str) -> bool {
    let mut chars = pattern.chars();
    for wanted in prefix.chars() {
        match chars.next() {
            Some('*') => return true,
            Some('?') => {}
            Some(c) if c == wanted => {}
            _ => return false,
        }
    }
    chars.next().is_some()
}

/// The service segment of `pattern` if it holds a wildcard (`e?r`, `*`), or the text a trailing `*`
/// stands for when the pattern ends before its service (`arn:*`, `arn:aws*`). Policy variables are
/// not wildcards here.
fn wildcard_service(pattern: &ArnPattern) -> Option<String> {
    if pattern.is_any() {
        return None;
    }
    let text = variables_as(pattern.as_str(), "x");
    let mut parts = text.splitn(4, ':');
    let service = match (parts.next(), parts.next(), parts.next()) {
        (_, _, Some(service)) => service,
        // `arn:*`, `arn:aws*`: the trailing star covers the service (an `ArnPattern` of fewer
        // parts ends with `*`).
        (_, Some(partition), None) => partition,
        _ => return None,
    };
    service.contains(['*', '?']).then(|| service.to_owned())
}

/// The text with each `${…}` replaced by `replacement`.
fn variables_as(text: &str, replacement: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("${") {
        out.push_str(before);
        match after.split_once('}') {
            Some((_, tail)) => {
                out.push_str(replacement);
                rest = tail;
            }
            None => {
                out.push_str("${");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{may_match_format, variables_as, wildcard_service};
    use crate::ArnPattern;

    const FORMAT: &str = "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}";

    fn may(pattern: &str) -> bool {
        may_match_format(&ArnPattern::new(pattern).unwrap(), FORMAT)
    }

    #[test]
    fn repository_patterns() {
        assert!(may("*"));
        assert!(may("arn:aws:ecr:us-east-1:111122223333:repository/app"));
        assert!(may("arn:aws:ecr:*:*:repository/*"));
        assert!(may("arn:aws:ecr:*:*:*"));
        assert!(may("arn:aws:ecr:*:*:repo*"));
        assert!(may("arn:*:*:*:*:*"));
        assert!(may("arn:aws:e?r:*:*:repository/a"));
        assert!(may("arn:aws:ecr:*:*:repository/${aws:username}"));
        assert!(!may("arn:aws:ecr:*:*:repository/"));
        assert!(!may("arn:aws:ecr:*:*:repository"));
        assert!(!may("arn:aws:ecr:*:*:image/app"));
        assert!(!may("arn:aws:s3:::bucket/*"));
        assert!(!may("arn:aws:ECR:*:*:repository/app"));
        assert!(!may("arn:aws:ecr-public::111122223333:repository/app"));
        // Fewer than six parts: the trailing `*` reaches over the rest (IAM User Guide, "IAM JSON
        // policy elements: Resource": "If the `*` wildcard is the last character of a resource ARN
        // segment, it can expand to match beyond the colon boundaries").
        assert!(may("arn:aws:ecr:us-east-1:*"));
        assert!(may("arn:aws:ecr:*"));
        assert!(may("arn:*"));
        assert!(may("arn:aws:ecr:us-east-1:111122223333*"));
        assert!(!may("arn:aws:s3:*"));
        assert!(!may("arn:aws:ecr-public:*"));
        // A slash typed for a colon: no account holds `/`, so this matches no repository.
        assert!(!may("arn:aws:ecr:us-east-1:111122223333/repository/*"));
        assert!(!may("arn:aws:ecr:US-EAST-1:*"));
        assert!(!may("arn:aws:ecr:us-east-1:1111-2222-3333:repository/app"));
        assert!(may("arn:aws:ecr:us-*"));
    }

    /// IAM User Guide, "IAM JSON policy elements: Resource": "You can't use a wildcard in the service
    /// segment that identifies the AWS product."
    #[test]
    fn wildcards_in_the_service_segment() {
        let service = |p: &str| wildcard_service(&ArnPattern::new(p).unwrap());
        assert_eq!(
            service("arn:aws:e?r:*:*:repository/a").as_deref(),
            Some("e?r")
        );
        assert_eq!(service("arn:*:*:*:*:*").as_deref(), Some("*"));
        assert_eq!(service("arn:aws:*").as_deref(), Some("*"));
        assert_eq!(service("arn:*").as_deref(), Some("*"));
        assert_eq!(service("arn:aws*").as_deref(), Some("aws*"));
        assert_eq!(service("*"), None);
        assert_eq!(service("arn:aws:ecr:*"), None);
        assert_eq!(service("arn:*:ecr:*:*:repository/*"), None);
        assert_eq!(service("arn:aws:ecr:${aws:x}:*:*"), None);
    }

    #[test]
    fn variables_become_stars() {
        assert_eq!(variables_as("a/${aws:username}/b", "*"), "a/*/b");
        assert_eq!(variables_as("a${b", "*"), "a${b");
        assert_eq!(variables_as("${x}${y}", "*"), "**");
    }
}
