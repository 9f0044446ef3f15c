//! One statement: effect, principals, actions, resources, conditions.

use super::key::is_tag_key;
use super::{BuildError, Condition, Principal};
use crate::policy::{
    ActionClause, ActionItem, ConditionBlock, ConditionEntry, ConditionValue, Effect, JsonPath,
    OneOrMany, PrincipalClause, PrincipalKind, Principals, ResourceClause, ResourceItem, Statement,
};
use crate::{Action, ActionPattern, ActionSet, Arn, ArnPattern, RepositoryArn};

mod sealed {
    /// Sealed: public in a private module, so that no other crate implements the traits.
    pub trait Sealed {}
}

/// What [`StatementBuilder::action`] and [`not_action`](StatementBuilder::not_action) take: an
/// [`Action`], an [`ActionSet`], or an [`ActionPattern`] (by value or by reference).
///
/// Each is written as its author wrote it:
///
/// - a set from [`actions!`](crate::actions) as the patterns given to the macro, in that order:
///   `actions!("ecr:Describe*")` is written `"ecr:Describe*"`, which keeps matching the `Describe`
///   actions AWS adds later, as its author meant (IAM User Guide, "IAM JSON policy elements: Action":
///   "You can use wildcards (`*` or `?`) as part of the action name");
/// - any other set (set algebra, [`ActionSet::matching`], collected actions), and a set passed through
///   [`ActionSet::expanded`], as its action names, one entry each, in table order: exactly the actions
///   the set holds today, none AWS adds later (`ActionSet::to_patterns` would write wildcards that
///   could match new ones);
/// - an [`Action`] as its name, and an [`ActionPattern`] as given (`ecr:*`, `s3:GetObject`).
///
/// ```
/// use ecr_actions::builder::{PolicyBuilder, StatementBuilder};
/// use ecr_actions::{ActionSet, actions};
///
/// const DESCRIBE: ActionSet = actions!("ecr:Describe*");
/// let action = |set: ActionSet| {
///     let policy = PolicyBuilder::new()
///         .statement(StatementBuilder::allow().action(set).any_resource())
///         .build()?;
///     Ok::<_, ecr_actions::BuildError>(policy.to_value()["Statement"][0]["Action"].clone())
/// };
/// assert_eq!(action(DESCRIBE)?, "ecr:Describe*");
/// assert_eq!(action(DESCRIBE.expanded())?.as_array().map(Vec::len), Some(DESCRIBE.len()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an action, a set of actions or an action pattern",
    label = "expected an `Action`, an `ActionSet` or an `ActionPattern`",
    note = "name actions with `Action::BatchGetImage` or `actions!(\"ecr:BatchGetImage\")`, patterns with `\"ecr:Get*\".parse::<ActionPattern>()?`"
)]
pub trait IntoActions: sealed::Sealed {
    /// The entries, as written.
    #[doc(hidden)]
    fn __into_texts(self) -> Vec<String>;
}

impl sealed::Sealed for Action {}
impl IntoActions for Action {
    fn __into_texts(self) -> Vec<String> {
        vec![self.as_str().to_owned()]
    }
}

impl sealed::Sealed for ActionSet {}
impl IntoActions for ActionSet {
    fn __into_texts(self) -> Vec<String> {
        match self.as_written() {
            Some(patterns) => patterns.iter().map(|&p| p.to_owned()).collect(),
            None => self.iter().map(|a| a.as_str().to_owned()).collect(),
        }
    }
}

impl sealed::Sealed for ActionPattern {}
impl IntoActions for ActionPattern {
    fn __into_texts(self) -> Vec<String> {
        vec![self.as_str().to_owned()]
    }
}

impl sealed::Sealed for &ActionPattern {}
impl IntoActions for &ActionPattern {
    fn __into_texts(self) -> Vec<String> {
        vec![self.as_str().to_owned()]
    }
}

/// What [`StatementBuilder::resource`] and [`not_resource`](StatementBuilder::not_resource) take: a
/// [`RepositoryArn`], an [`Arn`] or an [`ArnPattern`] (by value or reference), written as given.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a resource ARN or ARN pattern",
    label = "expected a `RepositoryArn`, an `Arn` or an `ArnPattern`",
    note = "parse the text first: `ArnPattern::new(\"arn:aws:ecr:*:111122223333:repository/app/*\")?`; for `*`, call `any_resource()`"
)]
pub trait IntoResource: sealed::Sealed {
    /// The entry, as written.
    #[doc(hidden)]
    fn __into_text(self) -> String;
}

macro_rules! resources {
    ($($ty:ty => |$v:ident| $text:expr;)*) => {
        $(
            impl sealed::Sealed for $ty {}
            impl IntoResource for $ty {
                fn __into_text(self) -> String {
                    let $v = self;
                    $text
                }
            }
        )*
    };
}

resources! {
    RepositoryArn => |r| r.as_str().to_owned();
    &RepositoryArn => |r| r.as_str().to_owned();
    Arn => |a| a.into_string();
    &Arn => |a| a.as_str().to_owned();
    ArnPattern => |p| p.as_str().to_owned();
    &ArnPattern => |p| p.as_str().to_owned();
}

/// Builds one statement of a [`PolicyBuilder`](super::PolicyBuilder): consuming setters, each adding to
/// what was set before.
///
/// - the effect: [`allow`](Self::allow) or [`deny`](Self::deny);
/// - [`sid`](Self::sid);
/// - [`principal`](Self::principal) / [`not_principal`](Self::not_principal), for resource policies
///   (a repository policy): [`Principal`]s, written grouped by kind (`AWS`, then `Service`);
/// - [`action`](Self::action) / [`not_action`](Self::not_action): [`Action`], [`ActionSet`],
///   [`ActionPattern`], each written as its author wrote it (see [`IntoActions`]);
/// - [`resource`](Self::resource) / [`not_resource`](Self::not_resource): [`RepositoryArn`], [`Arn`],
///   [`ArnPattern`]; [`any_resource`](Self::any_resource) is `*`. A repository policy has none;
/// - [`condition`](Self::condition): typed [`Condition`]s, grouped by operator when written (all must
///   hold).
///
/// One entry is written as a string, several as an array; an entry given twice is written once.
///
/// ```
/// use ecr_actions::ActionPattern;
/// use ecr_actions::builder::{Condition, PolicyBuilder, StatementBuilder, key};
///
/// let deny_plain_http = StatementBuilder::deny()
///     .sid("DenyWithoutTls")
///     .action("ecr:*".parse::<ActionPattern>()?)
///     .any_resource()
///     .condition(Condition::bool(key::SECURE_TRANSPORT, false));
/// let policy = PolicyBuilder::new().statement(deny_plain_http).build()?;
/// assert_eq!(
///     policy.to_json(),
///     r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyWithoutTls","Effect":"Deny","Action":"ecr:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a statement does nothing until it is given to `PolicyBuilder::statement`"]
pub struct StatementBuilder {
    sid: Option<String>,
    effect: Effect,
    principals: Vec<Principal>,
    not_principals: Vec<Principal>,
    actions: Vec<String>,
    not_actions: Vec<String>,
    resources: Vec<String>,
    not_resources: Vec<String>,
    conditions: Vec<Condition>,
}

fn push_new(list: &mut Vec<String>, texts: impl IntoIterator<Item = String>) {
    for text in texts {
        if !list.contains(&text) {
            list.push(text);
        }
    }
}

impl StatementBuilder {
    /// A statement with the given effect, and nothing else yet.
    pub fn new(effect: Effect) -> Self {
        Self {
            sid: None,
            effect,
            principals: Vec::new(),
            not_principals: Vec::new(),
            actions: Vec::new(),
            not_actions: Vec::new(),
            resources: Vec::new(),
            not_resources: Vec::new(),
            conditions: Vec::new(),
        }
    }

    /// An `Allow` statement.
    pub fn allow() -> Self {
        Self::new(Effect::Allow)
    }

    /// A `Deny` statement: it overrides any allow.
    pub fn deny() -> Self {
        Self::new(Effect::Deny)
    }

    /// The statement ID, `Sid` (ASCII letters and digits; the linter checks it).
    pub fn sid(mut self, sid: impl Into<String>) -> Self {
        self.sid = Some(sid.into());
        self
    }

    /// Adds a principal to `Principal`.
    pub fn principal(mut self, principal: Principal) -> Self {
        if !self.principals.contains(&principal) {
            self.principals.push(principal);
        }
        self
    }

    /// Adds a principal to `NotPrincipal`.
    pub fn not_principal(mut self, principal: Principal) -> Self {
        if !self.not_principals.contains(&principal) {
            self.not_principals.push(principal);
        }
        self
    }

    /// Adds actions to `Action`.
    pub fn action(mut self, actions: impl IntoActions) -> Self {
        push_new(&mut self.actions, actions.__into_texts());
        self
    }

    /// Adds actions to `NotAction`.
    pub fn not_action(mut self, actions: impl IntoActions) -> Self {
        push_new(&mut self.not_actions, actions.__into_texts());
        self
    }

    /// Adds a resource to `Resource`.
    pub fn resource(mut self, resource: impl IntoResource) -> Self {
        push_new(&mut self.resources, [resource.__into_text()]);
        self
    }

    /// Adds `*`, every resource, to `Resource`: for actions without resource types, such as
    /// `ecr:GetAuthorizationToken`.
    pub fn any_resource(mut self) -> Self {
        push_new(&mut self.resources, ["*".to_owned()]);
        self
    }

    /// Adds a resource to `NotResource`.
    pub fn not_resource(mut self, resource: impl IntoResource) -> Self {
        push_new(&mut self.not_resources, [resource.__into_text()]);
        self
    }

    /// Adds a condition: every condition of the statement must hold.
    pub fn condition(mut self, condition: impl Into<Condition>) -> Self {
        self.conditions.push(condition.into());
        self
    }

    /// The statement, checked; `path` is where it goes in the document.
    pub(super) fn into_statement(self, path: &JsonPath) -> Result<Statement, BuildError> {
        let conflict = |first, second| BuildError::Conflict {
            path: path.clone(),
            first,
            second,
        };
        let principal = match (self.principals.is_empty(), self.not_principals.is_empty()) {
            (false, false) => return Err(conflict("Principal", "NotPrincipal")),
            (false, true) => Some(principals(self.principals, false, path)?),
            (true, false) => Some(principals(self.not_principals, true, path)?),
            (true, true) => None,
        };
        let (negated, actions) = match (self.actions.is_empty(), self.not_actions.is_empty()) {
            (false, false) => return Err(conflict("Action", "NotAction")),
            (false, true) => (false, self.actions),
            (true, false) => (true, self.not_actions),
            (true, true) => {
                return Err(BuildError::Missing {
                    path: path.clone(),
                    element: "Action",
                    hint: "give the statement actions with `action` (or `not_action`); an empty `ActionSet` adds none",
                });
            }
        };
        let action = ActionClause {
            negated,
            items: one_or_many(actions).map(|a| ActionItem::new(&a)),
        };
        let resource = match (self.resources.is_empty(), self.not_resources.is_empty()) {
            (false, false) => return Err(conflict("Resource", "NotResource")),
            (false, true) => Some((false, self.resources)),
            (true, false) => Some((true, self.not_resources)),
            (true, true) => None,
        }
        .map(|(negated, items)| ResourceClause {
            negated,
            items: one_or_many(items).map(|r| ResourceItem::new(&r)),
        });
        let condition = if self.conditions.is_empty() {
            None
        } else {
            Some(conditions(self.conditions, &path.key("Condition"))?)
        };
        Ok(Statement {
            sid: self.sid,
            effect: self.effect,
            principal,
            action,
            resource,
            condition,
        })
    }
}

fn one_or_many<T>(mut items: Vec<T>) -> OneOrMany<T> {
    match (items.pop(), items.is_empty()) {
        (Some(only), true) => OneOrMany::one(only),
        (Some(last), false) => {
            items.push(last);
            OneOrMany::many(items)
        }
        (None, _) => OneOrMany::many(items),
    }
}

/// The path of entry `index` of `count` values written at `path`: the path itself for one.
fn entry(path: &JsonPath, index: usize, count: usize) -> JsonPath {
    if count == 1 {
        path.clone()
    } else {
        path.index(index)
    }
}

fn principals(
    given: Vec<Principal>,
    negated: bool,
    statement: &JsonPath,
) -> Result<PrincipalClause, BuildError> {
    let path = statement.key(if negated { "NotPrincipal" } else { "Principal" });
    if given.iter().all(Principal::is_any) {
        return Ok(PrincipalClause {
            negated,
            principals: Principals::Any,
        });
    }
    let mut kinds = Vec::new();
    for kind in PrincipalKind::ALL {
        let of_kind: Vec<&Principal> = given.iter().filter(|p| p.kind() == kind).collect();
        let path = path.key(kind.as_str());
        for (index, principal) in of_kind.iter().enumerate() {
            if let Some(expected) = principal.problem() {
                return Err(BuildError::InvalidValue {
                    path: entry(&path, index, of_kind.len()),
                    value: principal.as_str().to_owned(),
                    expected,
                });
            }
        }
        let texts: Vec<String> = of_kind.iter().map(|p| p.as_str().to_owned()).collect();
        if !texts.is_empty() {
            kinds.push((kind, one_or_many(texts)));
        }
    }
    Ok(PrincipalClause {
        negated,
        principals: Principals::Kinds(kinds),
    })
}

fn conditions(given: Vec<Condition>, path: &JsonPath) -> Result<ConditionBlock, BuildError> {
    let mut block = ConditionBlock::default();
    for condition in given {
        let operator = condition.operator();
        let op_path = path.key(&operator.to_string());
        let key_path = op_path.key(condition.key());
        if let Some(tag) = condition.tag()
            && !is_tag_key(tag)
        {
            return Err(BuildError::InvalidValue {
                path: key_path,
                value: tag.to_owned(),
                expected: "a tag key: 1 to 128 letters, digits, spaces and `_ . : / = + - @`",
            });
        }
        let count = condition.values().len();
        for (index, value) in condition.values().enumerate() {
            // A value with a policy variable is read once a request gives it a value; the linter
            // (run by `build`) judges its syntax as the evaluator does.
            let expected = condition
                .check()
                .value_kind()
                .filter(|value_kind| !value.contains("${") && !value_kind.accepts(value))
                .map(|value_kind| value_kind.expected());
            if let Some(expected) = expected {
                return Err(BuildError::InvalidValue {
                    path: entry(&key_path, index, count),
                    value: value.to_owned(),
                    expected,
                });
            }
        }
        let (operator, key, values) = condition.into_entry();
        let values = values.map(ConditionValue::String);
        match block.entries.iter_mut().find(|e| e.operator == operator) {
            Some(existing) => {
                if existing
                    .keys
                    .iter()
                    .any(|(k, _)| k.eq_ignore_ascii_case(&key))
                {
                    return Err(BuildError::DuplicateCondition {
                        path: op_path,
                        operator: operator.to_string(),
                        key,
                    });
                }
                existing.keys.push((key, values));
            }
            None => block.entries.push(ConditionEntry {
                operator,
                keys: vec![(key, values)],
            }),
        }
    }
    Ok(block)
}
