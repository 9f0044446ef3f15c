//! What a policy grants, as a typed value: per statement, the actions, principals, resources and
//! conditions it covers.

use core::fmt;

use ecr_actions_pattern::Glob;

use super::CheckError;
use crate::eval::{Evaluator, PrincipalEntry, aws_entry};
use crate::policy::{
    ConditionOperator, Effect, PolicyDocument, PrincipalKind, Principals, Statement, Version,
};
use crate::{Action, ActionPattern, ActionSet, ArnPattern};

/// The kind of policy: it decides how principals are read and what "new access" means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PolicyKind {
    /// An identity policy: no `Principal`, it applies to the identity it is attached to.
    Identity,
    /// A repository (resource) policy: every statement names its principals.
    Repository,
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Identity => "identity policy",
            Self::Repository => "repository policy",
        })
    }
}

/// A statement's place in its policy.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatementRef {
    /// The index in `Statement` (0 for a policy whose `Statement` is one object).
    pub index: usize,
    /// The `Sid`, if written.
    pub sid: Option<String>,
}

impl fmt::Display for StatementRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "statement {}", self.index)?;
        if let Some(sid) = &self.sid {
            write!(f, " (`{sid}`)")?;
        }
        Ok(())
    }
}

/// The actions of other services a statement covers, besides its ECR actions: they are granted too,
/// and a PASS must hold for them as well.
///
/// Patterns whose service is written `ecr` are left out: their ECR actions are in the
/// [`ActionSet`], and an ECR name IAM does not know grants nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OtherActions {
    /// None (every entry names `ecr` actions).
    None,
    /// The actions these patterns match (`s3:GetObject`, `*`).
    Named(Vec<ActionPattern>),
    /// Every action but those these patterns match (`NotAction`).
    AllExcept(Vec<ActionPattern>),
}

impl OtherActions {
    /// Whether no action of another service is covered.
    #[must_use]
    pub fn is_none(&self) -> bool {
        matches!(self, Self::None) || matches!(self, Self::Named(p) if p.is_empty())
    }
}

/// One principal a repository policy names, read as the evaluator reads it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PrincipalName {
    /// `"*"` or `{"AWS": "*"}`: everyone.
    Anyone,
    /// An account (`"111122223333"` or `arn:aws:iam::111122223333:root`): in an Allow it delegates to
    /// the account's identity policies; a Deny covers everyone in it.
    Account(String),
    /// A role ARN: the role and its sessions.
    Role {
        /// The ARN as written.
        arn: String,
        /// Its account.
        account: String,
    },
    /// Any other principal (a user, a session, a service), compared exactly.
    Exact(String),
}

impl PrincipalName {
    /// The account the principal belongs to, when its text names one.
    #[must_use]
    pub fn account(&self) -> Option<&str> {
        match self {
            Self::Anyone => None,
            Self::Account(account) | Self::Role { account, .. } => Some(account),
            Self::Exact(text) => crate::arn::split_arn_text(text)
                .ok()
                .map(|parts| parts.account)
                .filter(|account| !account.is_empty()),
        }
    }
}

impl fmt::Display for PrincipalName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Anyone => f.write_str("*"),
            Self::Account(account) => write!(f, "account {account}"),
            Self::Role { arn, .. } => f.write_str(arn),
            Self::Exact(text) => f.write_str(text),
        }
    }
}

/// Whom a statement applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrincipalSet {
    /// An identity policy's statement: the identity it is attached to.
    Identity,
    /// `Principal`: these principals.
    Named(Vec<PrincipalName>),
    /// `NotPrincipal`: every principal but these (read as the evaluator reads `NotPrincipal`).
    AllExcept(Vec<PrincipalName>),
}

/// One `Resource`/`NotResource` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourcePattern {
    /// The pattern.
    pub pattern: ArnPattern,
    /// Whether it holds a policy variable (`${aws:username}` under Version 2012-10-17): then its
    /// resources depend on the request, and it is compared only by its text.
    pub variables: bool,
}

impl ResourcePattern {
    /// The pattern as a glob under the ARN rules, for inclusion.
    pub(crate) fn glob(&self) -> Glob {
        Glob::arn(self.pattern.as_str())
    }
}

/// Which resources a statement applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceSet {
    /// `NotResource`: every resource but these.
    pub negated: bool,
    /// The patterns (`*` for a repository policy statement without `Resource`: the repository).
    pub patterns: Vec<ResourcePattern>,
}

/// One condition: an operator on a key with its values, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionTest {
    /// The operator.
    pub operator: ConditionOperator,
    /// The key as written (IAM compares keys ignoring case).
    pub key: String,
    /// The values, as IAM compares them (text).
    pub values: Vec<String>,
    /// Whether a value holds a policy variable (then values are compared only by their text).
    pub variables: bool,
}

impl fmt::Display for ConditionTest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} [{}]",
            self.operator,
            self.key,
            self.values.join(", ")
        )
    }
}

/// What one statement covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    /// Which statement.
    pub statement: StatementRef,
    /// `Allow` grants, `Deny` subtracts.
    pub effect: Effect,
    /// The ECR actions (`NotAction` already complemented over every ECR action).
    pub actions: ActionSet,
    /// The actions of other services.
    pub other_actions: OtherActions,
    /// Whom it applies to.
    pub principals: PrincipalSet,
    /// Which resources.
    pub resources: ResourceSet,
    /// The conditions; all must hold.
    pub conditions: Vec<ConditionTest>,
}

/// What a policy grants: its statements as [`Grant`]s, Allow and Deny.
///
/// A request is allowed by the policy when an Allow grant covers it and no Deny grant does
/// (identity and repository policies as the evaluator combines them). `Grants` is one *layer*;
/// the permission layers of issue 11 (SCPs, RCPs, a permissions boundary, session and VPC endpoint
/// policies) only ever narrow what the layers above them allow, so a check over several layers
/// compares NEW and OLD layer by layer: if every layer of NEW grants no more than the same layer
/// of OLD, the whole does not either (an intersection of subsets is a subset):
/// [`PolicySet`](super::PolicySet) and [`no_new_access_set`](super::no_new_access_set) do that.
///
/// ```
/// use ecr_actions::check::{Grants, PolicyKind, PrincipalSet};
/// use ecr_actions::policy::PolicyDocument;
/// use ecr_actions::Action;
/// let policy = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": [
///     {"Effect": "Allow", "Action": ["ecr:Get*", "s3:GetObject"], "Resource": "*"}]}"#)?;
/// let grants = Grants::new(&policy)?;
/// assert_eq!(grants.kind(), PolicyKind::Identity);
/// let grant = &grants.statements()[0];
/// assert!(grant.actions.contains(Action::GetAuthorizationToken));
/// assert!(!grant.other_actions.is_none());
/// assert_eq!(grant.principals, PrincipalSet::Identity);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Grants {
    kind: PolicyKind,
    statements: Vec<Grant>,
    /// The policy compiled as the evaluator reads it: witnesses are confirmed with it.
    pub(super) evaluator: Evaluator,
    /// For a repository policy, compiled with an identity policy that allows everything: a request
    /// the repository policy lets through for some identity policy.
    pub(super) with_any_identity: Option<Evaluator>,
}

impl Grants {
    /// What `policy` grants; a repository policy when a statement has `Principal` or `NotPrincipal`,
    /// else an identity policy.
    ///
    /// # Errors
    ///
    /// What the evaluator refuses ([`Evaluator::new`]): a missing `Resource` in an identity policy, a
    /// missing `Principal` in a repository policy, a malformed action, resource, principal or
    /// condition value.
    pub fn new(policy: &PolicyDocument) -> Result<Self, CheckError> {
        let kind = if policy.statements.iter().any(|s| s.principal.is_some()) {
            PolicyKind::Repository
        } else {
            PolicyKind::Identity
        };
        Self::of_kind(policy, kind)
    }

    /// What `policy` grants, read as a policy of `kind`.
    ///
    /// # Errors
    ///
    /// As [`Grants::new`]; a statement without `Principal` in a repository policy.
    pub fn of_kind(policy: &PolicyDocument, kind: PolicyKind) -> Result<Self, CheckError> {
        let (evaluator, with_any_identity) = match kind {
            PolicyKind::Identity => (Evaluator::new(core::slice::from_ref(policy), None)?, None),
            PolicyKind::Repository => (
                Evaluator::new(&[], Some(policy))?,
                Some(Evaluator::new(&[allow_everything()], Some(policy))?),
            ),
        };
        let substitute = policy.version == Some(Version::V2012_10_17);
        let statements = policy
            .statements
            .iter()
            .enumerate()
            .map(|(index, statement)| grant(statement, index, substitute))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            kind,
            statements,
            evaluator,
            with_any_identity,
        })
    }

    /// No statement at all, as a policy of `kind` (a layer of a policy set that holds no policy).
    pub(super) fn empty(kind: PolicyKind) -> Result<Self, CheckError> {
        let with_any_identity = match kind {
            PolicyKind::Identity => None,
            PolicyKind::Repository => Some(Evaluator::new(&[allow_everything()], None)?),
        };
        Ok(Self {
            kind,
            statements: Vec::new(),
            evaluator: Evaluator::new(&[], None)?,
            with_any_identity,
        })
    }

    /// The kind of policy.
    #[must_use]
    pub fn kind(&self) -> PolicyKind {
        self.kind
    }

    /// Every statement, in order.
    #[must_use]
    pub fn statements(&self) -> &[Grant] {
        &self.statements
    }

    /// The Allow statements.
    pub fn allows(&self) -> impl Iterator<Item = &Grant> {
        self.statements.iter().filter(|g| g.effect == Effect::Allow)
    }

    /// The Deny statements.
    pub fn denies(&self) -> impl Iterator<Item = &Grant> {
        self.statements.iter().filter(|g| g.effect == Effect::Deny)
    }
}

/// `{"Effect": "Allow", "Action": "*", "Resource": "*"}`: the identity policy of a caller that a
/// repository policy alone decides for.
pub(super) fn allow_everything() -> PolicyDocument {
    PolicyDocument {
        version: Some(Version::V2012_10_17),
        id: None,
        statements: crate::policy::OneOrMany::one(Statement {
            sid: None,
            effect: Effect::Allow,
            principal: None,
            action: crate::policy::ActionClause {
                negated: false,
                items: crate::policy::OneOrMany::one(crate::policy::ActionItem::new("*")),
            },
            resource: Some(crate::policy::ResourceClause {
                negated: false,
                items: crate::policy::OneOrMany::one(crate::policy::ResourceItem::new("*")),
            }),
            condition: None,
        }),
    }
}

/// Whether a pattern's service part is the literal `ecr` (any case): it matches ECR names only.
fn only_ecr(pattern: &ActionPattern) -> bool {
    pattern
        .as_str()
        .split_once(':')
        .is_some_and(|(service, _)| service.eq_ignore_ascii_case(Action::SERVICE))
}

fn grant(statement: &Statement, index: usize, substitute: bool) -> Result<Grant, CheckError> {
    let at = StatementRef {
        index,
        sid: statement.sid.clone(),
    };
    let others: Vec<ActionPattern> = statement
        .action
        .items
        .iter()
        .filter_map(|item| item.pattern().ok())
        .filter(|pattern| !only_ecr(pattern))
        .cloned()
        .collect();
    let other_actions = match (statement.action.negated, others.is_empty()) {
        (false, true) => OtherActions::None,
        (false, false) => OtherActions::Named(others),
        // `NotAction: "*"` excepts every action: none is left.
        (true, _) if others.iter().any(ActionPattern::is_any) => OtherActions::None,
        (true, _) => OtherActions::AllExcept(others),
    };
    let principals = match &statement.principal {
        None => PrincipalSet::Identity,
        Some(clause) => {
            let names = match &clause.principals {
                Principals::Any => vec![PrincipalName::Anyone],
                Principals::Kinds(kinds) => {
                    let mut names = Vec::new();
                    for (kind, values) in kinds {
                        for value in values {
                            names.push(principal_name(*kind, value)?);
                        }
                    }
                    names
                }
            };
            if clause.negated {
                PrincipalSet::AllExcept(names)
            } else {
                PrincipalSet::Named(names)
            }
        }
    };
    let resources = match &statement.resource {
        None => ResourceSet {
            negated: false,
            patterns: vec![ResourcePattern {
                pattern: ArnPattern::any(),
                variables: false,
            }],
        },
        Some(clause) => ResourceSet {
            negated: clause.negated,
            patterns: clause
                .items
                .iter()
                .map(|item| {
                    item.pattern()
                        .map(|pattern| ResourcePattern {
                            pattern: pattern.clone(),
                            variables: substitute && item.as_str().contains("${"),
                        })
                        // The evaluator has compiled the policy: every entry is a pattern.
                        .map_err(|error| CheckError::Unreadable(error.to_string()))
                })
                .collect::<Result<_, _>>()?,
        },
    };
    let conditions = statement
        .condition
        .iter()
        .flat_map(|block| block.iter())
        .map(|(operator, key, values)| {
            let values: Vec<String> = values.iter().map(|v| v.as_text().into_owned()).collect();
            ConditionTest {
                operator: *operator,
                key: key.to_owned(),
                variables: substitute && values.iter().any(|v| v.contains("${")),
                values,
            }
        })
        .collect();
    Ok(Grant {
        statement: at,
        effect: statement.effect,
        actions: statement.action.covered(),
        other_actions,
        principals,
        resources,
        conditions,
    })
}

fn principal_name(kind: PrincipalKind, value: &str) -> Result<PrincipalName, CheckError> {
    if kind != PrincipalKind::Aws {
        return Ok(PrincipalName::Exact(value.to_owned()));
    }
    // The evaluator's reading, so that the checks and the evaluator agree on every entry.
    let entry = aws_entry(value).map_err(|(text, reason)| {
        CheckError::Unreadable(format!("`{text}` is not a principal: {reason}"))
    })?;
    Ok(match entry {
        PrincipalEntry::Any => PrincipalName::Anyone,
        PrincipalEntry::Account(account) => PrincipalName::Account(account.into()),
        PrincipalEntry::Role { arn, account, .. } => PrincipalName::Role {
            arn: arn.into(),
            account: account.into(),
        },
        PrincipalEntry::Exact(text) => PrincipalName::Exact(text.into()),
    })
}
