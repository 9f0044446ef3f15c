//! A policy statement and its `Action` and `Resource` clauses.

use core::fmt;

use super::{ConditionBlock, OneOrMany, PrincipalClause};
use crate::{ActionPattern, ActionSet, ArnPattern, ParseArnPatternError, ParsePatternError};

/// `Allow` or `Deny`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// The statement allows what it matches.
    Allow,
    /// The statement denies what it matches; an explicit deny overrides any allow.
    Deny,
}

impl Effect {
    /// The effect as written.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Allow => "Allow",
            Self::Deny => "Deny",
        }
    }
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of `Action`/`NotAction`: the text as written and, when it is one, the parsed pattern.
///
/// ```
/// use ecr_actions::policy::ActionItem;
/// let item = ActionItem::new("ecr:Get*");
/// assert!(item.is_ecr());
/// assert!(item.matched().contains(ecr_actions::Action::GetAuthorizationToken));
/// assert!(ActionItem::new("s3:GetObject").matched().is_empty());
/// assert!(ActionItem::new("ecr Get").pattern().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionItem {
    text: String,
    pattern: Result<ActionPattern, ParsePatternError>,
}

impl ActionItem {
    /// An entry from its text.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            pattern: ActionPattern::new(text),
        }
    }

    /// The text as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The pattern, or why the text is not one.
    ///
    /// # Errors
    ///
    /// When the text is not an action pattern; the entry is kept as written.
    pub fn pattern(&self) -> Result<&ActionPattern, &ParsePatternError> {
        self.pattern.as_ref()
    }

    /// Whether the entry can match ECR actions (`ecr:…`, `*`, `e?r:…`).
    #[must_use]
    pub fn is_ecr(&self) -> bool {
        self.pattern
            .as_ref()
            .is_ok_and(|p| p.may_match_service(crate::Action::SERVICE))
    }

    /// The ECR actions the entry matches (none for another service's or a malformed entry).
    #[must_use]
    pub fn matched(&self) -> ActionSet {
        self.pattern
            .as_ref()
            .map_or(ActionSet::EMPTY, ActionSet::matching)
    }
}

impl From<crate::Action> for ActionItem {
    fn from(action: crate::Action) -> Self {
        Self::new(action.as_str())
    }
}

/// A statement's `Action` (or, with `negated`, `NotAction`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionClause {
    /// `NotAction` rather than `Action`.
    pub negated: bool,
    /// The entries.
    pub items: OneOrMany<ActionItem>,
}

impl ActionClause {
    /// The ECR actions the entries match together (for `NotAction`, the ones it names, not its
    /// complement).
    #[must_use]
    pub fn named(&self) -> ActionSet {
        self.items
            .iter()
            .map(ActionItem::matched)
            .fold(ActionSet::EMPTY, ActionSet::union)
    }

    /// The ECR actions the clause covers: the named ones for `Action`, all others for `NotAction`.
    #[must_use]
    pub fn covered(&self) -> ActionSet {
        if self.negated {
            self.named().complement()
        } else {
            self.named()
        }
    }
}

/// One entry of `Resource`/`NotResource`: the text and, when it is one, the parsed ARN pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceItem {
    text: String,
    pattern: Result<ArnPattern, ParseArnPatternError>,
}

impl ResourceItem {
    /// An entry from its text.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            pattern: ArnPattern::new(text),
        }
    }

    /// The text as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The ARN pattern, or why the text is not one.
    ///
    /// # Errors
    ///
    /// When the text is neither `*` nor an ARN pattern; the entry is kept as written.
    pub fn pattern(&self) -> Result<&ArnPattern, &ParseArnPatternError> {
        self.pattern.as_ref()
    }
}

/// A statement's `Resource` (or, with `negated`, `NotResource`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceClause {
    /// `NotResource` rather than `Resource`.
    pub negated: bool,
    /// The entries.
    pub items: OneOrMany<ResourceItem>,
}

/// One statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// `Sid`, if written.
    pub sid: Option<String>,
    /// `Effect`.
    pub effect: Effect,
    /// `Principal`/`NotPrincipal` (resource policies have one, identity policies none).
    pub principal: Option<PrincipalClause>,
    /// `Action`/`NotAction`.
    pub action: ActionClause,
    /// `Resource`/`NotResource` (a repository policy has none: the repository is implied).
    pub resource: Option<ResourceClause>,
    /// `Condition`, if written.
    pub condition: Option<ConditionBlock>,
}
