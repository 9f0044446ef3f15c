//! Witnesses: concrete requests built from a statement's shape (its principals, resources and
//! conditions), which the checks keep only when the real evaluator confirms them.

use core::fmt;

use super::grants::{ConditionTest, Grant, PolicyKind, PrincipalName, PrincipalSet, ResourceSet};
use crate::eval::{Context, ContextValue, Request, Resource};
use crate::policy::{OperatorKind as K, SetQualifier};
use crate::value::parse_network;
use crate::{Action, ActionSet, RepositoryArn};

/// The identity policy a witness request is evaluated with, for a repository policy (its decision
/// depends on the caller's identity policies).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CallerIdentity {
    /// The policy under check is the identity policy.
    Checked,
    /// The caller has no identity policy: only the repository policy can allow.
    NoPolicy,
    /// The caller's identity policy allows everything (`"Action": "*", "Resource": "*"`).
    AllowsEverything,
}

impl fmt::Display for CallerIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Checked => "the identity policy checked",
            Self::NoPolicy => "no identity policy",
            Self::AllowsEverything => "an identity policy that allows everything",
        })
    }
}

/// A concrete request, confirmed by the evaluator ([`Evaluator`](crate::Evaluator)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Witness {
    /// The principal's ARN.
    pub principal: String,
    /// The action.
    pub action: Action,
    /// The repository, or `None` for `*` (an action without a resource type).
    pub resource: Option<RepositoryArn>,
    /// The request context.
    pub context: Context,
    /// The caller's identity policy, for a repository policy.
    pub identity: CallerIdentity,
}

impl Witness {
    /// The request, to evaluate again.
    #[must_use]
    pub fn request(&self) -> Request<'_> {
        let resource = self
            .resource
            .as_ref()
            .map_or(Resource::Any, Resource::Repository);
        Request::new(&self.principal, self.action, resource, &self.context)
    }
}

impl fmt::Display for Witness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let resource = self.resource.as_ref().map_or("*", RepositoryArn::as_str);
        write!(f, "{} by {} on {}", self.action, self.principal, resource)?;
        let keys: Vec<String> = self
            .context
            .iter()
            .map(|(key, value)| format!("{key}={value:?}"))
            .collect();
        if !keys.is_empty() {
            write!(f, " with {}", keys.join(", "))?;
        }
        if self.identity != CallerIdentity::Checked {
            write!(f, " ({})", self.identity)?;
        }
        Ok(())
    }
}

/// The most candidate requests one search evaluates.
const MAX_CANDIDATES: usize = 4_000;

const DEFAULT_ACCOUNT: &str = "111122223333";
/// An account no test policy names: a stranger's.
pub(super) const STRANGER_ACCOUNT: &str = "999988887777";

/// Searches requests shaped like `shape` (its principals and resources, the conditions of `shape`
/// and `also`) for one that `accept` confirms; `hints` are more resource patterns whose instances
/// are tried (those of the other policy, where the difference often lies).
pub(super) fn search(
    kind: PolicyKind,
    shape: &Grant,
    also: Option<&Grant>,
    hints: &[&str],
    actions: ActionSet,
    mut accept: impl FnMut(&Witness) -> bool,
) -> Option<Witness> {
    let mut conditions: Vec<&ConditionTest> = shape.conditions.iter().collect();
    if let Some(also) = also {
        conditions.extend(&also.conditions);
    }
    let contexts = contexts(&conditions);
    let principals = principals(kind, &shape.principals);
    let mut tried = 0;
    for action in actions.iter().take(4) {
        for (principal, account) in &principals {
            let mut accounts = vec![
                account
                    .clone()
                    .unwrap_or_else(|| DEFAULT_ACCOUNT.to_owned()),
            ];
            if kind == PolicyKind::Repository {
                // Across accounts too: a repository policy's grant depends on it.
                for other in [DEFAULT_ACCOUNT, STRANGER_ACCOUNT] {
                    if !accounts.iter().any(|a| a == other) {
                        accounts.push(other.to_owned());
                    }
                }
            }
            for resource in resources(
                &shape.resources,
                &accounts,
                also.map(|g| &g.resources),
                hints,
            ) {
                let principal = principal.clone().unwrap_or_else(|| {
                    let account = resource.as_ref().map_or(DEFAULT_ACCOUNT, |r| r.account());
                    format!("arn:aws:iam::{account}:user/witness")
                });
                for context in &contexts {
                    let identities: &[CallerIdentity] = match kind {
                        PolicyKind::Identity => &[CallerIdentity::Checked],
                        PolicyKind::Repository => {
                            &[CallerIdentity::NoPolicy, CallerIdentity::AllowsEverything]
                        }
                    };
                    for identity in identities {
                        tried += 1;
                        if tried > MAX_CANDIDATES {
                            return None;
                        }
                        let witness = Witness {
                            principal: principal.clone(),
                            action,
                            resource: resource.clone(),
                            context: context.clone(),
                            identity: *identity,
                        };
                        if accept(&witness) {
                            return Some(witness);
                        }
                    }
                }
            }
        }
    }
    None
}

/// Principals to try (`None`: a user of the resource's account) with their account.
fn principals(kind: PolicyKind, set: &PrincipalSet) -> Vec<(Option<String>, Option<String>)> {
    let stranger = || {
        (
            Some(format!("arn:aws:iam::{STRANGER_ACCOUNT}:user/witness")),
            Some(STRANGER_ACCOUNT.to_owned()),
        )
    };
    let mut out = vec![];
    match (kind, set) {
        (_, PrincipalSet::Identity) => out.push((None, None)),
        (_, PrincipalSet::AllExcept(_)) => {
            out.push((None, None));
            out.push(stranger());
        }
        (_, PrincipalSet::Named(names)) => {
            for name in names.iter().take(4) {
                match name {
                    PrincipalName::Anyone => {
                        out.push((None, None));
                        out.push(stranger());
                    }
                    PrincipalName::Account(account) => out.push((
                        Some(format!("arn:aws:iam::{account}:user/witness")),
                        Some(account.clone()),
                    )),
                    PrincipalName::Role { arn, account } => {
                        let name = arn.rsplit('/').next().unwrap_or("role");
                        out.push((Some(arn.clone()), Some(account.clone())));
                        out.push((
                            Some(format!(
                                "arn:aws:sts::{account}:assumed-role/{name}/witness"
                            )),
                            Some(account.clone()),
                        ));
                    }
                    PrincipalName::Exact(text) => {
                        out.push((Some(text.clone()), name.account().map(str::to_owned)));
                    }
                }
            }
        }
    }
    out
}

/// Values to try for each part of a repository ARN, before those made from the pattern.
const PARTS: [&[&str]; 6] = [
    &["arn"],
    &["aws", "aws-cn"],
    &["ecr"],
    &["us-east-1", "eu-west-1"],
    &[],
    &["repository/witness", "repository/app/witness"],
];

/// Repositories (or `*`, as `None`) that `set` applies to and `also` (if given) too.
fn resources(
    set: &ResourceSet,
    accounts: &[String],
    also: Option<&ResourceSet>,
    hints: &[&str],
) -> Vec<Option<RepositoryArn>> {
    let applies = |set: &ResourceSet, text: &str| {
        set.patterns
            .iter()
            .any(|p| !p.variables && p.pattern.matches(text))
            != set.negated
    };
    let mut texts: Vec<String> = Vec::new();
    for pattern in &set.patterns {
        texts.extend(instances(pattern.pattern.as_str(), accounts));
    }
    if let Some(also) = also {
        for pattern in &also.patterns {
            texts.extend(instances(pattern.pattern.as_str(), accounts));
        }
    }
    texts.extend(instances("*", accounts));
    for hint in hints {
        texts.extend(instances(hint, accounts));
    }
    let mut out: Vec<Option<RepositoryArn>> = Vec::new();
    let mut star = false;
    for text in texts {
        if !applies(set, &text) || also.is_some_and(|also| !applies(also, &text)) {
            continue;
        }
        if text == "*" {
            star = true;
        } else if let Ok(arn) = text.parse::<RepositoryArn>()
            && !out.iter().any(|o| o.as_ref() == Some(&arn))
        {
            out.push(Some(arn));
        }
    }
    out.truncate(10);
    if star {
        out.push(None);
    }
    out
}

/// Texts a resource pattern may match: per ARN part, the usual values that fit it and the part
/// with its wildcards filled in; combined, a few at most.
fn instances(pattern: &str, accounts: &[String]) -> Vec<String> {
    let mut out = vec!["*".to_owned()];
    let pattern = if pattern == "*" { "arn:*" } else { pattern };
    let written: Vec<&str> = pattern.splitn(6, ':').collect();
    let mut choices: Vec<Vec<String>> = Vec::with_capacity(6);
    for (index, usual) in PARTS.iter().enumerate() {
        let part = written.get(index).copied();
        // A part left out by a short pattern is covered by its last `*`.
        let part = part.unwrap_or("*");
        let ends_pattern = index + 1 == written.len() && written.len() < 6;
        let mut values: Vec<String> = usual.iter().map(|s| (*s).to_owned()).collect();
        if index == 4 {
            values.extend(accounts.iter().cloned());
        }
        let glob = ecr_actions_pattern::Glob::new(if ends_pattern { "*" } else { part });
        let mut fits: Vec<String> = values.into_iter().filter(|v| glob.is_match(v)).collect();
        for (filler, one) in [("witness", '2'), ("", 'a'), ("1", 'b')] {
            let filled: String = part
                .chars()
                .map(|c| match c {
                    '?' => one,
                    c => c,
                })
                .collect::<String>()
                .replace('*', filler);
            if !fits.contains(&filled) {
                fits.push(filled);
            }
        }
        fits.truncate(3);
        choices.push(fits);
    }
    let mut combos = vec![String::from("")];
    for (index, values) in choices.iter().enumerate() {
        let mut next = Vec::new();
        for prefix in &combos {
            for value in values.iter().take(if index == 5 { 3 } else { 2 }) {
                let mut text = prefix.clone();
                if index > 0 {
                    text.push(':');
                }
                text.push_str(value);
                next.push(text);
            }
        }
        combos = next;
        combos.truncate(64);
    }
    out.extend(combos);
    out
}

/// Contexts to try: none, and one that satisfies each condition that a value can satisfy.
fn contexts(conditions: &[&ConditionTest]) -> Vec<Context> {
    let mut out = vec![Context::new()];
    for filler in ["", "witness"] {
        let mut context = Context::new();
        for condition in conditions {
            if let Some(value) = satisfying(condition, filler) {
                context.insert(&condition.key, value);
            }
        }
        if !context.is_empty() && !out.contains(&context) {
            out.push(context);
        }
    }
    out
}

/// A value for which the condition holds, if one is easy to make (a negated operator, `Null: true`
/// and `ForAllValues:` hold for an absent key).
fn satisfying(condition: &ConditionTest, filler: &str) -> Option<ContextValue> {
    let operator = condition.operator;
    if operator.kind.is_negated()
        || operator.qualifier == Some(SetQualifier::ForAllValues)
        || condition.variables
    {
        return None;
    }
    let first = condition.values.first()?;
    let value = match operator.kind {
        K::Null => {
            if condition
                .values
                .iter()
                .any(|v| v.eq_ignore_ascii_case("true"))
            {
                return None;
            }
            "witness".to_owned()
        }
        K::StringLike | K::ArnLike | K::ArnEquals => first.replace('*', filler).replace('?', "a"),
        K::NumericLessThan => "-1000000000000".to_owned(),
        K::NumericGreaterThan => "1000000000000000".to_owned(),
        K::DateLessThan => "1970-01-01T00:00:00Z".to_owned(),
        K::DateGreaterThan => "2999-01-01T00:00:00Z".to_owned(),
        K::IpAddress => parse_network(first)?.network().to_string(),
        _ => first.clone(),
    };
    Some(match operator.qualifier {
        Some(SetQualifier::ForAnyValue) => ContextValue::Multi(vec![value]),
        _ => ContextValue::Single(value),
    })
}
