//! `access_not_granted` and `no_public_access`.

use super::cover::{
    names_nothing, others_contain, others_included, others_may_overlap, resources_may_overlap,
};
use super::grants::{
    ConditionTest, Grant, Grants, OtherActions, PolicyKind, PrincipalName, PrincipalSet,
    ResourcePattern, ResourceSet,
};
use super::new_access::{allowed, includes};
use super::witness::{self, Witness};
use super::{Access, CheckError, CheckResult, Evidence, Finding, Reason};
use crate::policy::{
    Effect, OperatorKind, PolicyDocument, PrincipalKind, Principals, SetQualifier,
};
use crate::{ActionPattern, ActionSet, ArnPattern};

/// Whether `grants` can allow none of `actions` (patterns accepted, other services' too) on any of
/// `resources` (every resource when empty). FAIL names each Allow statement that may grant one,
/// with a witness request the evaluator allows where one is found. For a repository policy,
/// "can allow" is with some identity policy of the caller.
///
/// ```
/// use ecr_actions::check::{self, Grants, Verdict};
/// use ecr_actions::policy::PolicyDocument;
/// use ecr_actions::{ActionPattern, ArnPattern};
/// let policy = Grants::new(&PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": "ecr:*", "Resource": "arn:aws:ecr:*:111122223333:repository/app/*"}}"#)?)?;
/// let delete = [ActionPattern::new("ecr:Delete*")?];
/// let other = [ArnPattern::new("arn:aws:ecr:*:111122223333:repository/infra/*")?];
/// assert_eq!(check::access_not_granted(&policy, &delete, &other).verdict, Verdict::Pass);
/// assert_eq!(check::access_not_granted(&policy, &delete, &[]).verdict, Verdict::Fail);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn access_not_granted(
    grants: &Grants,
    actions: &[ActionPattern],
    resources: &[ArnPattern],
) -> CheckResult {
    let listed_ecr = actions
        .iter()
        .fold(ActionSet::EMPTY, |s, p| s.union(ActionSet::matching(p)));
    let listed_others: Vec<ActionPattern> = actions
        .iter()
        .filter(|p| {
            !p.as_str()
                .split_once(':')
                .is_some_and(|(s, _)| s.eq_ignore_ascii_case(crate::Action::SERVICE))
        })
        .cloned()
        .collect();
    let listed_others = OtherActions::Named(listed_others);
    let patterns = if resources.is_empty() {
        vec![ArnPattern::any()]
    } else {
        resources.to_vec()
    };
    let listed_resources = ResourceSet {
        negated: false,
        patterns: patterns
            .into_iter()
            .map(|pattern| ResourcePattern {
                pattern,
                variables: false,
            })
            .collect(),
    };
    let mut reasons = Vec::new();
    for a in grants.allows() {
        if !resources_may_overlap(&a.resources, &listed_resources) {
            continue;
        }
        let removed = grants
            .denies()
            .filter(|d| includes(a, d, Effect::Deny))
            .fold(ActionSet::EMPTY, |s, d| s.union(d.actions));
        let hit = a.actions.intersection(listed_ecr).difference(removed);
        if !hit.is_empty() {
            let listed = Grant {
                resources: listed_resources.clone(),
                conditions: Vec::new(),
                ..a.clone()
            };
            let found = witness::search(grants.kind(), a, Some(&listed), &[], hit, |w| {
                allowed(grants, w)
                    && listed_resources.patterns.iter().any(|p| {
                        p.pattern
                            .matches(w.resource.as_ref().map_or("*", |r| r.as_str()))
                    })
            });
            let evidence = found.map_or_else(
                || {
                    Evidence::CouldNotProve(
                        "the statement may grant it, but no request it allows was found".to_owned(),
                    )
                },
                Evidence::Witness,
            );
            reasons.push(Reason {
                finding: Finding::Granted,
                statement: Some(a.statement.clone()),
                access: Some(Access::of(a, hit, OtherActions::None)),
                evidence,
            });
        }
        if others_may_overlap(&a.other_actions, &listed_others) {
            let certain = a.conditions.is_empty()
                && !grants
                    .denies()
                    .any(|d| others_may_overlap(&d.other_actions, &listed_others));
            let action = match &listed_others {
                OtherActions::Named(ps) => ps
                    .iter()
                    .find(|p| p.is_literal() && others_contain(&a.other_actions, p.as_str()))
                    .map(|p| p.as_str().to_owned()),
                OtherActions::None | OtherActions::AllExcept(_) => None,
            };
            let evidence = match action {
                Some(action) if certain && !a.resources.negated => {
                    Evidence::OtherService { action }
                }
                _ => Evidence::CouldNotProve(
                    "it may grant a listed action of another service (which the evaluator does \
                     not decide)"
                        .to_owned(),
                ),
            };
            reasons.push(Reason {
                finding: Finding::Granted,
                statement: Some(a.statement.clone()),
                access: Some(Access::of(a, ActionSet::EMPTY, a.other_actions.clone())),
                evidence,
            });
        }
    }
    CheckResult::from_reasons(reasons)
}

/// The condition keys that restrict a caller to a known set, so that a statement open to `*` is not
/// public when one of them is tested for named values: the principal's organization, organization
/// path, account and ARN; the source VPC and VPC endpoint; the source account, ARN, organization and
/// organization path (for service principals acting for a resource). They are those the IAM Access
/// Analyzer finding filters list as conditions of access ("IAM Access Analyzer filter keys":
/// `condition.aws:PrincipalArn`, `condition.aws:PrincipalOrgID`, …), less `aws:SourceIp`, which
/// names networks, not callers, and `aws:userid`/`aws:username`, which name users of any account.
pub const RESTRICTING_KEYS: [&str; 10] = [
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

/// Whether a condition restricts the caller to a known set: a [`RESTRICTING_KEYS`] key tested with
/// `StringEquals`, `StringLike`, `ArnEquals` or `ArnLike` (plain or `ForAnyValue:`, not `IfExists`,
/// which holds without the key; not `ForAllValues:`, which holds for an empty set), for values whose
/// identifying part has no wildcard: the first `/`-separated part (organization id, account, VPC),
/// and for an ARN its account.
fn restricts(condition: &ConditionTest) -> bool {
    let operator = condition.operator;
    let key_restricts = RESTRICTING_KEYS
        .iter()
        .any(|k| k.eq_ignore_ascii_case(&condition.key));
    let operator_restricts = matches!(
        operator.kind,
        OperatorKind::StringEquals
            | OperatorKind::StringLike
            | OperatorKind::ArnEquals
            | OperatorKind::ArnLike
    ) && !operator.if_exists
        && operator.qualifier != Some(SetQualifier::ForAllValues);
    let names = |value: &str| {
        let identifying = if value.starts_with("arn:") {
            value.split(':').nth(4).unwrap_or("")
        } else {
            value.split('/').next().unwrap_or("")
        };
        // `ArnEquals` reads wildcards as `ArnLike` does ("the same operator", module `eval`).
        let reads_wildcards = operator.kind.is_like() || operator.kind == OperatorKind::ArnEquals;
        let wildcard = reads_wildcards && identifying.contains(['*', '?']);
        !identifying.is_empty() && !wildcard
    };
    key_restricts
        && operator_restricts
        && !condition.variables
        && !condition.values.is_empty()
        && condition.values.iter().all(|v| names(v))
}

/// Whether `grants` (a repository policy) lets no unnamed principal perform an action: FAIL for an
/// Allow to `*` (`"*"`, `{"AWS": "*"}`) or with `NotPrincipal`, unless one of its conditions
/// restricts the caller to a known set ([`RESTRICTING_KEYS`]). Grants to named accounts, roles or
/// users, in this account or another, are not public. An identity policy names no principal: PASS.
///
/// ```
/// use ecr_actions::check::{self, Grants, Verdict};
/// use ecr_actions::policy::PolicyDocument;
/// let policy = Grants::new(&PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"}}"#)?)?;
/// assert_eq!(check::no_public_access(&policy).verdict, Verdict::Pass);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn no_public_access(grants: &Grants) -> CheckResult {
    let mut reasons = Vec::new();
    if grants.kind() == PolicyKind::Identity {
        return CheckResult::from_reasons(reasons);
    }
    let named: Vec<&PrincipalName> = grants
        .statements()
        .iter()
        .flat_map(|g| match &g.principals {
            PrincipalSet::Named(names) | PrincipalSet::AllExcept(names) => names.iter().collect(),
            PrincipalSet::Identity => Vec::new(),
        })
        .collect();
    let unnamed = |w: &Witness| {
        let account = w.principal.split(':').nth(4).unwrap_or_default();
        let repository = w.resource.as_ref().map_or(account, |r| r.account());
        account != repository
            && !named
                .iter()
                .any(|n| n.account() == Some(account) || n.to_string() == w.principal)
    };
    for a in grants.allows() {
        let open = match &a.principals {
            PrincipalSet::Named(names) => names.contains(&PrincipalName::Anyone),
            PrincipalSet::AllExcept(_) => true,
            PrincipalSet::Identity => false,
        };
        if !open || a.conditions.iter().any(restricts) || names_nothing(&a.resources) {
            continue;
        }
        // What a Deny of the policy takes away wherever the statement applies.
        let covering: Vec<&Grant> = grants
            .denies()
            .filter(|d| includes(a, d, Effect::Deny))
            .collect();
        let actions = covering
            .iter()
            .fold(a.actions, |s, d| s.difference(d.actions));
        let others_left = !a.other_actions.is_none()
            && !covering
                .iter()
                .any(|d| others_included(&a.other_actions, &d.other_actions));
        if actions.is_empty() && !others_left {
            continue;
        }
        let evidence = if actions.is_empty() {
            // Another service's action, granted to `*` without condition and denied by no
            // statement: public as written (the evaluator decides only ECR actions).
            let denied = grants
                .denies()
                .any(|d| others_may_overlap(&d.other_actions, &a.other_actions));
            match other_instance(&a.other_actions) {
                Some(action) if a.conditions.is_empty() && !denied => {
                    Evidence::OtherService { action }
                }
                _ => Evidence::CouldNotProve(
                    "it grants actions of other services, which the evaluator does not decide"
                        .to_owned(),
                ),
            }
        } else {
            witness::search(grants.kind(), a, None, &[], actions, |w| {
                unnamed(w) && allowed(grants, w)
            })
            .map_or_else(
                || {
                    Evidence::CouldNotProve(
                        "open to unnamed principals, but no request it allows was found".to_owned(),
                    )
                },
                Evidence::Witness,
            )
        };
        let others = if others_left {
            a.other_actions.clone()
        } else {
            OtherActions::None
        };
        reasons.push(Reason {
            finding: Finding::Public,
            statement: Some(a.statement.clone()),
            access: Some(Access::of(a, actions, others)),
            evidence,
        });
    }
    CheckResult::from_reasons(reasons)
}

/// [`no_public_access`] on a repository policy document: an Allow whose principal holds a wildcard
/// (`arn:aws:iam::*:root`, which AWS refuses and the evaluator cannot read) names no one in
/// particular and fails as written; otherwise the policy is read as a repository policy.
///
/// # Errors
///
/// What [`Grants::of_kind`] refuses.
pub fn no_public_access_in(policy: &PolicyDocument) -> Result<CheckResult, CheckError> {
    let mut reasons = Vec::new();
    for (index, statement) in policy.statements.iter().enumerate() {
        let Some(clause) = &statement.principal else {
            continue;
        };
        if statement.effect != Effect::Allow {
            continue;
        }
        if let Principals::Kinds(kinds) = &clause.principals {
            for (kind, values) in kinds {
                for value in values.iter() {
                    if *kind == PrincipalKind::Aws && value != "*" && value.contains(['*', '?']) {
                        reasons.push(Reason {
                            finding: Finding::WildcardPrincipal {
                                text: value.clone(),
                            },
                            statement: Some(super::StatementRef {
                                index,
                                sid: statement.sid.clone(),
                            }),
                            access: None,
                            evidence: Evidence::AsWritten,
                        });
                    }
                }
            }
        }
    }
    if !reasons.is_empty() {
        return Ok(CheckResult::from_reasons(reasons));
    }
    Ok(no_public_access(&Grants::of_kind(
        policy,
        PolicyKind::Repository,
    )?))
}

/// An action of another service that `others` covers: a pattern's own text with its wildcards
/// filled in, or a well-known action.
fn other_instance(others: &OtherActions) -> Option<String> {
    let mut candidates: Vec<String> = match others {
        OtherActions::Named(patterns) => patterns
            .iter()
            .filter(|p| p.as_str().contains(':'))
            .map(|p| p.as_str().replace(['*', '?'], "x"))
            .collect(),
        OtherActions::AllExcept(_) | OtherActions::None => Vec::new(),
    };
    candidates.extend(["s3:GetObject", "sts:AssumeRole", "iam:PassRole"].map(str::to_owned));
    candidates.into_iter().find(|action| {
        !action
            .split_once(':')
            .is_some_and(|(s, _)| s.eq_ignore_ascii_case(crate::Action::SERVICE))
            && others_contain(others, action)
    })
}
