//! The ARN condition operators (`ArnEquals`, `ArnLike`, `ArnNotEquals`, `ArnNotLike`, and their
//! `…IfExists` forms): an ARN pattern matched component by component.
//!
//! IAM User Guide, "IAM JSON policy elements: Condition operators", "Amazon Resource Name (ARN)
//! condition operators": "Each of the six colon-delimited components of the ARN is checked separately
//! and each can include multi-character match wildcards (*) or single-character match wildcards (?)."
//! So both the policy's value and the request's value are split into six components at their first
//! five colons; the sixth, the resource, runs to the end, colons included ("The resource part … can
//! contain colons", IAM User Guide, "IAM identifiers: IAM ARNs"). A wildcard never crosses into
//! another component: `arn:aws:someservice:*:111122223333:finance/*` does not match
//! `arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt`, whose
//! account is `999999999999`. Within the sixth component `*` and `?` match any character, `:`
//! included.
//!
//! Not ARNs, decided as the reference simulator (cloud-copilot `iam-simulate`, `arnMatches`) does:
//! - a request value that does not start with `arn:` or has fewer than six components is not an ARN
//!   and matches no pattern;
//! - a policy value with fewer than six components (`*` alone, `arn:aws:s3:::`'s shorter cousins)
//!   matches no value.
//!
//! Where the reference simulator makes such a value fail a negated operator too, this crate keeps the
//! guide's rule for every negated operator: `ArnNotLike` holds when the request's value matches none of
//! the policy's values, so a value that is not an ARN satisfies `ArnNotLike` (a `Deny` guarded by
//! `ArnNotLike` applies to it), as an absent key does.

use ecr_actions_pattern::Glob;

/// The number of components of an ARN.
const COMPONENTS: usize = 6;

/// A compiled ARN pattern: six component globs, or a value that is not an ARN pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ArnPattern {
    /// `None` for a policy value with fewer than six components: it matches nothing.
    components: Option<Box<Components>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Components {
    globs: [Glob; COMPONENTS],
    /// When the first five components are plain literals, their text with its five colons: an ARN
    /// matches them exactly when it starts with this text (the usual `arn:aws:iam::111122223333:`),
    /// checked at once instead of component by component.
    head: Option<Box<str>>,
}

impl ArnPattern {
    /// Compiles `pattern` written in the escaped syntax of [`Glob::new_escaped`] (`\*`, `\?`, `\\` are
    /// characters), as policy variables render it.
    pub(crate) fn new_escaped(pattern: &str) -> Self {
        let [a, b, c, d, e, f] = split_escaped(pattern);
        let components = match (a, b, c, d, e, f) {
            (Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)) => {
                let globs = [a, b, c, d, e, f].map(Glob::new_escaped);
                let plain = |glob: &Glob| glob.is_literal() && !glob.as_str().contains('\\');
                let head = globs
                    .iter()
                    .take(COMPONENTS - 1)
                    .all(plain)
                    .then(|| [a, b, c, d, e, ""].join(":").into_boxed_str());
                Some(Box::new(Components { globs, head }))
            }
            _ => None,
        };
        Self { components }
    }

    /// Compiles `pattern` as written in a policy: `*` and `?` are wildcards, `\` is a character.
    pub(crate) fn new(pattern: &str) -> Self {
        let mut escaped = String::with_capacity(pattern.len());
        push_pattern_text(pattern, |piece| escaped.push_str(piece));
        Self::new_escaped(&escaped)
    }

    /// Whether `value` is an ARN whose six components match the pattern's.
    pub(crate) fn is_match(&self, value: &str) -> bool {
        let Some(components) = &self.components else {
            return false;
        };
        if !value.starts_with("arn:") {
            return false;
        }
        let [.., resource] = &components.globs;
        if let Some(head) = &components.head {
            return value
                .strip_prefix(&**head)
                .is_some_and(|rest| resource.is_match(rest));
        }
        let mut parts = value.splitn(COMPONENTS, ':');
        // Zipping stops at the shorter side: a value of fewer than six components is refused by
        // the count check after the loop.
        let mut checked = 0;
        for (glob, part) in components.globs.iter().zip(parts.by_ref()) {
            if !glob.is_match(part) {
                return false;
            }
            checked += 1;
        }
        checked == COMPONENTS
    }
}

/// Splits an escaped pattern at its first five colons that are not escaped.
fn split_escaped(pattern: &str) -> [Option<&str>; COMPONENTS] {
    let mut escaped = false;
    // `splitn` asks the predicate about each character in order, so it can track escapes.
    let mut parts = pattern.splitn(COMPONENTS, |c| {
        let separator = !escaped && c == ':';
        escaped = !escaped && c == '\\';
        separator
    });
    [(); COMPONENTS].map(|()| parts.next())
}

/// Hands `text` as written in a policy to `push` in the escaped syntax: wildcards stay wildcards,
/// a `\` becomes `\\`.
pub(crate) fn push_pattern_text(text: &str, mut push: impl FnMut(&str)) {
    let mut pieces = text.split('\\');
    if let Some(first) = pieces.next() {
        push(first);
    }
    for piece in pieces {
        push(r"\\");
        push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::ArnPattern;

    /// IAM User Guide, "Amazon Resource Name (ARN) condition operators": "Each of the six
    /// colon-delimited components of the ARN is checked separately and each can include
    /// multi-character match wildcards (*) or single-character match wildcards (?)". The issue's
    /// example: the account component `*`-free, so a value whose fourth component is another account
    /// does not match, though the text after its colons does.
    #[test]
    fn a_wildcard_never_crosses_into_another_component() {
        let pattern = ArnPattern::new("arn:aws:someservice:*:111122223333:finance/*");
        assert!(!pattern.is_match(
            "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"
        ));
        assert!(
            pattern.is_match("arn:aws:someservice:us-east-2:111122223333:finance/document.txt")
        );
        assert!(pattern.is_match("arn:aws:someservice::111122223333:finance/"));
        // `?` is one character of its component.
        let region = ArnPattern::new("arn:aws:ecr:us-east-?:111122223333:repository/*");
        assert!(region.is_match("arn:aws:ecr:us-east-1:111122223333:repository/web"));
        assert!(!region.is_match("arn:aws:ecr:us-east-:1:111122223333:repository/web"));
        // Every component may hold wildcards.
        let any = ArnPattern::new("arn:???:*:*:*:*");
        assert!(any.is_match("arn:aws:ec2:us-east-1:123456789012:instance/i-12345"));
        assert!(!any.is_match("arn:aws-cn:ec2:us-east-1:123456789012:instance/i-12345"));
    }

    /// IAM User Guide, "IAM identifiers": the resource part of an ARN may hold colons, so the sixth
    /// component runs to the end and its wildcards match colons.
    #[test]
    fn the_sixth_component_runs_to_the_end() {
        let pattern = ArnPattern::new("arn:aws:logs:*:111122223333:log-group:*");
        assert!(pattern.is_match("arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:x"));
        let question = ArnPattern::new("arn:aws:logs:*:111122223333:a?b");
        assert!(question.is_match("arn:aws:logs:us-east-1:111122223333:a:b"));
        // Case-sensitive, like every ARN comparison.
        assert!(!pattern.is_match("arn:aws:logs:us-east-1:111122223333:LOG-GROUP:app"));
    }

    /// A value that is not an ARN matches no pattern; a pattern of fewer than six components matches
    /// no value (cloud-copilot `iam-simulate`: "Invalid ARN").
    #[test]
    fn values_and_patterns_that_are_not_arns() {
        let pattern = ArnPattern::new("arn:*:*:*:*:*");
        assert!(!pattern.is_match("arn:::bucket-name"));
        assert!(!pattern.is_match("not:an:arn:at:all:really"));
        assert!(!pattern.is_match("ARN:aws:ecr:us-east-1:1:repository/x"));
        assert!(!pattern.is_match(""));
        assert!(pattern.is_match("arn:aws:s3:::bucket"));
        for short in ["*", "arn:aws:ecr:*", "arn:*:*:*:*"] {
            assert!(!ArnPattern::new(short).is_match("arn:aws:ecr:us-east-1:1:repository/x"));
        }
    }

    /// Escaped wildcards are characters, and an escaped colon does not separate components.
    #[test]
    fn escaped_patterns() {
        let star = ArnPattern::new_escaped(r"arn:aws:iam::111122223333:user/a\*");
        assert!(star.is_match("arn:aws:iam::111122223333:user/a*"));
        assert!(!star.is_match("arn:aws:iam::111122223333:user/ab"));
        let colon = ArnPattern::new_escaped(r"arn:aws\:iam::1:2:x");
        assert!(!colon.is_match("arn:aws:iam::1:2:x"));
        let backslash = ArnPattern::new(r"arn:aws:iam::1:user/a\*");
        assert!(backslash.is_match(r"arn:aws:iam::1:user/a\bc"));
        assert!(!backslash.is_match("arn:aws:iam::1:user/abc"));
    }
}
