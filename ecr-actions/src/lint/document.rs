//! Checks of the document and of whole statements: `Version`, `Sid`, and grants broader than they read.

use std::collections::HashMap;

use super::{Findings, LintCode, Matched};
use crate::ActionSet;
use crate::policy::{Effect, JsonPath, PolicyDocument, Statement, Version};

/// `missing-version`.
pub(super) fn check_version(document: &PolicyDocument, findings: &mut Findings) {
    if document.version.is_none() {
        findings.push(
            LintCode::MissingVersion,
            JsonPath::root(),
            "the document has no `Version`, so IAM reads it in the 2008-10-17 policy language, \
             where policy variables such as `${aws:username}` are literal text; add \
             `\"Version\": \"2012-10-17\"` at the top"
                .to_owned(),
        );
    }
}

/// Whether policy variables are read as literal text: `2008-10-17`, written or implied.
pub(super) fn variables_are_literal(document: &PolicyDocument) -> bool {
    document.version != Some(Version::V2012_10_17)
}

/// `old-version-with-variables` for one value.
pub(super) fn check_variables(
    document: &PolicyDocument,
    text: &str,
    path: &dyn Fn() -> JsonPath,
    findings: &mut Findings,
) {
    if variables_are_literal(document) && super::has_variable(text) {
        let version = match document.version {
            Some(version) => format!("`\"Version\": \"{version}\"`"),
            None => "no `Version` (which means 2008-10-17)".to_owned(),
        };
        findings.push(
            LintCode::OldVersionWithVariables,
            path(),
            format!(
                "`{text}` holds a policy variable, but under {version} IAM reads `${{…}}` as literal \
                 text, so it matches only that text; set `\"Version\": \"2012-10-17\"`"
            ),
        );
    }
}

/// `allow-all-ecr-on-all-resources`: a statement that allows every ECR action on `*`, unconditionally.
pub(super) fn check_statement(
    statement: &Statement,
    matched: &Matched,
    path: &JsonPath,
    findings: &mut Findings,
) {
    let on_everything = statement.resource.as_ref().is_some_and(|resource| {
        !resource.negated
            && resource
                .items
                .iter()
                .any(|item| item.pattern().is_ok_and(crate::ArnPattern::is_any))
    });
    if statement.effect == Effect::Allow
        && statement.condition.is_none()
        && on_everything
        && covered(statement, matched) == ActionSet::ALL
    {
        findings.push(
            LintCode::AllowAllEcrOnAllResources,
            path.clone(),
            "the statement allows every ECR action on every resource: whoever has it can delete \
             repositories and images and replace repository and registry policies; allow only the \
             actions needed (to pull: `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer`, \
             `ecr:BatchCheckLayerAvailability`) on the repositories needed, or narrow it with a \
             `Condition`"
                .to_owned(),
        );
    }
}

/// The ECR actions the statement's `Action` (or `NotAction`) covers.
fn covered(statement: &Statement, matched: &Matched) -> ActionSet {
    if statement.action.negated {
        matched.named.complement()
    } else {
        matched.named
    }
}

/// The `Sid`s seen so far, for `duplicate-sid`; and `invalid-sid`.
#[derive(Default)]
pub(super) struct Sids<'d> {
    seen: HashMap<&'d str, JsonPath>,
}

impl<'d> Sids<'d> {
    /// Checks the statement's `Sid` (an empty one counts as none).
    pub(super) fn check(
        &mut self,
        statement: &'d Statement,
        path: &JsonPath,
        findings: &mut Findings,
    ) {
        let Some(sid) = statement.sid.as_deref().filter(|sid| !sid.is_empty()) else {
            return;
        };
        let sid_path = path.key("Sid");
        if let Some(bad) = sid.chars().find(|c| !c.is_ascii_alphanumeric()) {
            let fixed = mended_sid(sid);
            let example = if fixed.is_empty() {
                "AllowPull"
            } else {
                fixed.as_str()
            };
            findings.push(
                LintCode::InvalidSid,
                sid_path.clone(),
                format!(
                    "`Sid` `{sid}` holds {}, but IAM accepts only ASCII letters and digits in a \
                     `Sid`; write e.g. `{example}`",
                    describe(bad)
                ),
            );
        }
        if let Some(first) = self.seen.get(sid) {
            findings.push(
                LintCode::DuplicateSid,
                sid_path,
                format!(
                    "`Sid` `{sid}` is also the `Sid` at `{first}`: the statement IDs of a policy must be \
                     unique; rename one of them"
                ),
            );
        } else {
            self.seen.insert(sid, sid_path);
        }
    }
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

/// The `Sid` without its other characters, each word after one capitalized: `allow pull-1` →
/// `allowPull1`.
fn mended_sid(sid: &str) -> String {
    let mut out = String::with_capacity(sid.len());
    let mut capitalize = false;
    for c in sid.chars() {
        if c.is_ascii_alphanumeric() {
            if capitalize && !out.is_empty() {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
            capitalize = false;
        } else {
            capitalize = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mended_sid;

    #[test]
    fn mends_sids() {
        assert_eq!(mended_sid("Allow pull"), "AllowPull");
        assert_eq!(mended_sid("allow-pull-1"), "allowPull1");
        assert_eq!(mended_sid("--"), "");
        assert_eq!(mended_sid("é"), "");
    }
}
