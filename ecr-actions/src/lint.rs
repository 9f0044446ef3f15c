//! The policy linter: findings with stable codes, like IAM Access Analyzer's policy validation.
//!
//! [`lint`] checks a [`PolicyDocument`] against what the ECR tables say (actions, resource types,
//! condition keys and their types) and against the policy grammar's pitfalls, and returns
//! [`Finding`]s: a stable [`LintCode`], a [`Severity`] as Access Analyzer uses them, a message that says
//! what is wrong and how to mend it, and the [`JsonPath`] it points at. Findings come in document
//! order: the document first, then statement by statement, each in the order `Sid`, `Effect`,
//! `Principal`, `Action`, `Resource`, `Condition`.
//!
//! ```
//! use ecr_actions::lint::{LintCode, Severity, lint};
//! use ecr_actions::policy::PolicyDocument;
//!
//! let policy = PolicyDocument::from_json(r#"{
//!   "Version": "2012-10-17",
//!   "Statement": [{
//!     "Sid": "Pull",
//!     "Effect": "Allow",
//!     "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayr"],
//!     "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"
//!   }, {
//!     "Sid": "Login",
//!     "Effect": "Allow",
//!     "Action": "ecr:GetAuthorizationToken",
//!     "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app/*"
//!   }]
//! }"#)?;
//! let findings = lint(&policy);
//! let found: Vec<(LintCode, String)> =
//!     findings.iter().map(|f| (f.code, f.path.to_string())).collect();
//! assert_eq!(found, [
//!     (LintCode::UnknownAction, "Statement[0].Action[1]".to_owned()),
//!     (LintCode::ResourceStarRequired, "Statement[1].Action".to_owned()),
//! ]);
//! assert_eq!(findings[0].severity, Severity::Error);
//! assert!(findings[0].message.contains("did you mean `ecr:GetDownloadUrlForLayer`?"));
//! # Ok::<(), ecr_actions::policy::PolicyError>(())
//! ```
//!
//! # What is judged
//!
//! Only ECR is judged: `ecr:` actions and patterns (and the ECR actions that `*` or `NotAction`
//! cover), `ecr:` condition keys, and the global `aws:` condition keys (a table of the keys IAM
//! documents, with their value types; names compared ignoring case, `${TagKey}` standing for any tag
//! key). Actions, resources and condition keys of other services are valid in a policy and are not
//! judged: `s3:GetObject` is neither unknown nor redundant, `s3:prefix` is neither unknown nor
//! inapplicable. The checks that are about the policy language rather than a service
//! (`wildcard-without-like-operator`, `null-with-if-exists`, `Version` and `Sid` checks) apply to every
//! statement.
//!
//! Each code's severity and rule are listed on [`LintCode`]. Severities follow Access Analyzer's
//! grading: an [`Error`](Severity::Error) is a part of the policy that never works as written (or that
//! IAM refuses), a [`SecurityWarning`](Severity::SecurityWarning) a grant broader than it reads, a
//! [`Warning`](Severity::Warning) a likely mistake, a [`Suggestion`](Severity::Suggestion) something
//! that could be written more simply.
//!
//! # Linting as a policy type
//!
//! [`lint`] judges a document as the policy it reads as. [`lint_as`] lints it as one [`PolicyType`]:
//! it adds the rules AWS enforces for that type ([`PolicyType::check`], reported as
//! [`LintCode::Type`], e.g. `principal-not-allowed` in an SCP), and leaves out the checks that do not
//! fit the type: an SCP, permissions boundary, session policy or VPC endpoint policy only limits what
//! other policies grant, so `Allow` of everything (`FullAWSAccess`, the default endpoint policy) or
//! `Allow` with `NotAction`/`NotResource` is a limit, not a broad grant
//! (`allow-all-ecr-on-all-resources`, `allow-with-not-action` and `allow-with-not-resource` are
//! reported for identity and resource policies only); an RCP without `Version` gets the error
//! `version-required` instead of the suggestion `missing-version`.
//!
//! ```
//! use ecr_actions::lint::{LintCode, lint_as};
//! use ecr_actions::policy::{PolicyDocument, PolicyType, TypeRule};
//! let full_aws_access = PolicyDocument::from_json(
//!     r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#,
//! )?;
//! // As an identity policy, a grant of everything; as an SCP, the limit AWS attaches by default.
//! assert_eq!(lint_as(&full_aws_access, PolicyType::Identity)[0].code, LintCode::AllowAllEcrOnAllResources);
//! assert!(lint_as(&full_aws_access, PolicyType::ServiceControl).is_empty());
//! // A repository policy statement read as an SCP.
//! let with_principal = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": {
//!   "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*"}}"#)?;
//! let findings = lint_as(&with_principal, PolicyType::ServiceControl);
//! assert_eq!(findings[0].code, LintCode::Type(TypeRule::PrincipalNotAllowed));
//! assert_eq!(findings[0].code.as_str(), "principal-not-allowed");
//! assert_eq!(findings[0].path.to_string(), "Statement.Principal");
//! # Ok::<(), ecr_actions::policy::PolicyError>(())
//! ```

mod actions;
mod conditions;
mod document;
mod duplicates;
mod keys;
mod resources;

use core::fmt;

use crate::policy::{JsonPath, OneOrMany, PolicyDocument, PolicyType, Statement, TypeRule};
use crate::{Action, ActionSet};

/// How serious a finding is, as IAM Access Analyzer's policy validation grades them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The policy does not work as written (AWS may refuse it, or a part of it can never apply).
    Error,
    /// The policy grants more than is usually safe.
    SecurityWarning,
    /// The policy works but probably not as meant.
    Warning,
    /// The policy could be written more simply.
    Suggestion,
}

impl Severity {
    /// The severity as written in reports: `error`, `security-warning`, `warning`, `suggestion`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::SecurityWarning => "security-warning",
            Self::Warning => "warning",
            Self::Suggestion => "suggestion",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every check the linter makes: a stable kebab-case code ([`as_str`](Self::as_str)), a severity
/// ([`severity`](Self::severity)) and a rule.
///
/// | code | severity | rule |
/// |---|---|---|
/// | `unknown-action` | error | an `ecr:` action without wildcards that ECR does not have; the message names the nearest action |
/// | `pattern-matches-nothing` | error | an `ecr:` pattern with `*`/`?` that matches no ECR action; an `Arn…` condition value of fewer than six components, which matches no ARN |
/// | `malformed-action` | error | an `Action`/`NotAction` entry that is not `service:Action` or `*` |
/// | `resource-mismatch` | error | an `ecr:` action entry whose actions all act on resource types (`repository`) that no `Resource` entry can match |
/// | `resource-star-required` | error | an `ecr:` action entry whose actions take no resource ARN (`ecr:GetAuthorizationToken`), in a statement whose `Resource` has no `*` |
/// | `malformed-arn` | error | a `Resource`/`NotResource` entry that is not `*` nor an ARN pattern (six parts, or fewer ending with `*`), or has a wildcard in its service segment |
/// | `unknown-condition-key` | error | an `aws:` or `ecr:` condition key that does not exist (or names no tag key after `/`) |
/// | `condition-key-not-applicable` | warning | an `ecr:` key, or `aws:RequestTag`/`aws:ResourceTag`/`aws:TagKeys`, that no action of an all-ECR statement supports |
/// | `operator-type-mismatch` | warning | an operator of another type than the key's value (`NumericEquals` on `aws:SourceIp`) |
/// | `wildcard-without-like-operator` | warning | `*` or `?` in a value of `StringEquals`, `StringNotEquals` or their `IgnoreCase` forms |
/// | `for-all-values-with-single-valued-key` | security-warning | `ForAllValues:` on a key with at most one value (also true when the key is absent) |
/// | `for-any-value-with-single-valued-key` | warning | `ForAnyValue:` on a key with at most one value |
/// | `missing-set-qualifier` | warning | a multivalued key (`aws:TagKeys`) without `ForAllValues:`/`ForAnyValue:` |
/// | `null-with-if-exists` | error | `NullIfExists`, which IAM does not accept |
/// | `invalid-condition-value` | error | a value its operator cannot read (a number, date, boolean, CIDR block or base64 outside the [value grammar](crate::value), a malformed policy variable): the evaluator refuses the policy |
/// | `missing-version` | suggestion | no `Version`: IAM reads the document as `2008-10-17` |
/// | `old-version-with-variables` | error | `${…}` in a resource or condition value under `2008-10-17` or no `Version`: read as literal text |
/// | `duplicate-sid` | error | a `Sid` that an earlier statement has too |
/// | `invalid-sid` | error | a `Sid` with characters other than ASCII letters and digits |
/// | `redundant-action` | suggestion | an `ecr:` entry whose actions another entry of the statement already names |
/// | `allow-with-not-action` | security-warning | `Allow` with `NotAction`: every other action of every service |
/// | `allow-with-not-resource` | security-warning | `Allow` with `NotResource`: every other resource |
/// | `allow-all-ecr-on-all-resources` | security-warning | `Allow` of every ECR action on `Resource: "*"`, without a `Condition` |
/// | `duplicate-keys-with-different-case` | error | one operator block names a condition key twice, in spellings that differ only in case |
///
/// [`lint_as`] adds the rules of a [`PolicyType`] as [`LintCode::Type`], with the codes of
/// [`TypeRule`] (table and sources on [`PolicyType`]):
///
/// | code | severity | rule |
/// |---|---|---|
/// | `principal-not-allowed` | error | `Principal`/`NotPrincipal` in an identity policy, SCP, permissions boundary or session policy |
/// | `principal-required` | error | a statement without `Principal` in a resource policy, RCP or VPC endpoint policy |
/// | `principal-must-be-star` | error | an RCP `Principal` other than `"*"` |
/// | `not-principal-not-supported` | error | `NotPrincipal` in an RCP |
/// | `not-principal-with-allow` | error | `NotPrincipal` with `Allow` in a resource or VPC endpoint policy |
/// | `allow-not-supported` | error | `Allow` in an RCP (but for `RCPFullAWSAccess`'s own statement) |
/// | `not-action-not-supported` | error | `NotAction` in an RCP |
/// | `version-required` | error | an RCP without `"Version": "2012-10-17"` |
/// | `resource-required` | error | a statement without `Resource`/`NotResource` in an identity policy, boundary or session policy |
/// | `policy-too-large` | error | more characters than AWS stores for the type, even without white space |
/// | `no-allow-statement` | warning | a boundary, session policy or endpoint policy that allows nothing, so lets no request through |
///
/// ```
/// use ecr_actions::lint::{LintCode, Severity};
/// assert_eq!(LintCode::UnknownAction.as_str(), "unknown-action");
/// assert_eq!(LintCode::RedundantAction.severity(), Severity::Suggestion);
/// assert!(LintCode::ALL.iter().all(|c| c.as_str().chars().all(|ch| ch.is_ascii_lowercase() || ch == '-')));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LintCode {
    /// `unknown-action` (error): an `ecr:` action that does not exist (with the nearest names).
    UnknownAction,
    /// `pattern-matches-nothing` (error): an `ecr:` wildcard that matches no action, or an `Arn…`
    /// condition value that is not shaped like an ARN (it matches no ARN).
    PatternMatchesNothing,
    /// `malformed-action` (error): an entry that is not an action pattern at all.
    MalformedAction,
    /// `resource-mismatch` (error): no `Resource` can match any resource type of the entry's actions.
    ResourceMismatch,
    /// `resource-star-required` (error): an action without resource types given only specific ARNs.
    ResourceStarRequired,
    /// `malformed-arn` (error): a `Resource` entry that is not `*` or an ARN.
    MalformedArn,
    /// `unknown-condition-key` (error): an `ecr:` or `aws:` key that does not exist.
    UnknownConditionKey,
    /// `condition-key-not-applicable` (warning): a key that no action of the statement supports.
    ConditionKeyNotApplicable,
    /// `operator-type-mismatch` (warning): an operator that does not fit the key's value type.
    ///
    /// The rule, after Access Analyzer's type checks: a key is compared with the operators of its
    /// value type (`String…` for String, `Numeric…` for Numeric and Long, `Date…`, `Bool`,
    /// `BinaryEquals`, `IpAddress`/`NotIpAddress`); ARN keys also accept the `String…` operators, and
    /// `aws:EpochTime` also the `Numeric…` ones; `Null` fits every key. Keys of other services are not
    /// judged.
    OperatorTypeMismatch,
    /// `wildcard-without-like-operator` (warning): `*` or `?` in a value of an operator that reads them
    /// literally (`StringEquals`, `StringNotEquals`, `StringEqualsIgnoreCase`,
    /// `StringNotEqualsIgnoreCase`). The `Arn…` operators all read wildcards, `ArnEquals` included.
    WildcardWithoutLikeOperator,
    /// `for-all-values-with-single-valued-key` (security-warning): `ForAllValues:` on a key with one
    /// value; it is also true when the request has no value, so an `Allow` grants more than it reads.
    ForAllValuesWithSingleValuedKey,
    /// `for-any-value-with-single-valued-key` (warning): `ForAnyValue:` on a key with one value.
    ForAnyValueWithSingleValuedKey,
    /// `missing-set-qualifier` (warning): a multivalued key tested without `ForAllValues:` or
    /// `ForAnyValue:`.
    MissingSetQualifier,
    /// `null-with-if-exists` (error): `NullIfExists`, which means nothing.
    NullWithIfExists,
    /// `invalid-condition-value` (error): a value its operator cannot read; exactly the values
    /// [`Evaluator::new`](crate::eval::Evaluator::new) refuses.
    InvalidConditionValue,
    /// `missing-version` (suggestion): no `Version`, so IAM reads the document as `2008-10-17`.
    MissingVersion,
    /// `old-version-with-variables` (error): `${…}` variables under `2008-10-17` or no `Version`: read
    /// literally.
    OldVersionWithVariables,
    /// `duplicate-sid` (error): two statements with one `Sid`.
    DuplicateSid,
    /// `invalid-sid` (error): a `Sid` with characters other than ASCII letters and digits.
    InvalidSid,
    /// `redundant-action` (suggestion): an action entry another entry of the statement already covers.
    RedundantAction,
    /// `allow-with-not-action` (security-warning): `Allow` with `NotAction` grants every other action,
    /// of every service.
    AllowWithNotAction,
    /// `allow-with-not-resource` (security-warning): `Allow` with `NotResource` grants every other
    /// resource.
    AllowWithNotResource,
    /// `allow-all-ecr-on-all-resources` (security-warning): every ECR action (`ecr:*`, `*`) allowed on
    /// `*`, without a `Condition` to narrow it.
    AllowAllEcrOnAllResources,
    /// `duplicate-keys-with-different-case` (error): one operator block names a condition key twice in
    /// different case (`{"StringEquals": {"aws:username": "a", "AWS:UserName": "b"}}`). "Context key
    /// names are not case-sensitive" (IAM User Guide, *IAM JSON policy elements: Condition*), so both
    /// entries test the same key; the evaluator checks both, and as with any two keys of a block both
    /// must hold (logical AND), which an author rarely means. Access Analyzer grades this an error
    /// (IAM policy validation check reference, *Error – Duplicate keys with different case*,
    /// `DUPLICATE_KEYS_WITH_DIFFERENT_CASE`).
    DuplicateKeysWithDifferentCase,
    /// A rule AWS enforces for the [`PolicyType`] the document was linted as ([`lint_as`]): an
    /// error when AWS refuses the policy ([`TypeRule::is_refused`]), else a warning. Its code is the
    /// rule's (`principal-not-allowed`, …).
    Type(TypeRule),
}

impl LintCode {
    /// Every code [`lint`] finds, in the order of the first table above; [`lint_as`] adds
    /// [`LintCode::Type`] of each of [`TypeRule::ALL`].
    pub const ALL: [Self; 24] = [
        Self::UnknownAction,
        Self::PatternMatchesNothing,
        Self::MalformedAction,
        Self::ResourceMismatch,
        Self::ResourceStarRequired,
        Self::MalformedArn,
        Self::UnknownConditionKey,
        Self::ConditionKeyNotApplicable,
        Self::OperatorTypeMismatch,
        Self::WildcardWithoutLikeOperator,
        Self::ForAllValuesWithSingleValuedKey,
        Self::ForAnyValueWithSingleValuedKey,
        Self::MissingSetQualifier,
        Self::NullWithIfExists,
        Self::InvalidConditionValue,
        Self::MissingVersion,
        Self::OldVersionWithVariables,
        Self::DuplicateSid,
        Self::InvalidSid,
        Self::RedundantAction,
        Self::AllowWithNotAction,
        Self::AllowWithNotResource,
        Self::AllowAllEcrOnAllResources,
        Self::DuplicateKeysWithDifferentCase,
    ];

    /// The stable kebab-case code, e.g. `unknown-action`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::UnknownAction => "unknown-action",
            Self::PatternMatchesNothing => "pattern-matches-nothing",
            Self::MalformedAction => "malformed-action",
            Self::ResourceMismatch => "resource-mismatch",
            Self::ResourceStarRequired => "resource-star-required",
            Self::MalformedArn => "malformed-arn",
            Self::UnknownConditionKey => "unknown-condition-key",
            Self::ConditionKeyNotApplicable => "condition-key-not-applicable",
            Self::OperatorTypeMismatch => "operator-type-mismatch",
            Self::WildcardWithoutLikeOperator => "wildcard-without-like-operator",
            Self::ForAllValuesWithSingleValuedKey => "for-all-values-with-single-valued-key",
            Self::ForAnyValueWithSingleValuedKey => "for-any-value-with-single-valued-key",
            Self::MissingSetQualifier => "missing-set-qualifier",
            Self::NullWithIfExists => "null-with-if-exists",
            Self::InvalidConditionValue => "invalid-condition-value",
            Self::MissingVersion => "missing-version",
            Self::OldVersionWithVariables => "old-version-with-variables",
            Self::DuplicateSid => "duplicate-sid",
            Self::InvalidSid => "invalid-sid",
            Self::RedundantAction => "redundant-action",
            Self::AllowWithNotAction => "allow-with-not-action",
            Self::AllowWithNotResource => "allow-with-not-resource",
            Self::AllowAllEcrOnAllResources => "allow-all-ecr-on-all-resources",
            Self::DuplicateKeysWithDifferentCase => "duplicate-keys-with-different-case",
            Self::Type(rule) => rule.as_str(),
        }
    }

    /// How serious a finding of this code is (see the table above).
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self {
            Self::UnknownAction
            | Self::PatternMatchesNothing
            | Self::MalformedAction
            | Self::ResourceMismatch
            | Self::ResourceStarRequired
            | Self::MalformedArn
            | Self::UnknownConditionKey
            | Self::NullWithIfExists
            | Self::InvalidConditionValue
            | Self::OldVersionWithVariables
            | Self::DuplicateSid
            | Self::InvalidSid
            | Self::DuplicateKeysWithDifferentCase => Severity::Error,
            Self::ForAllValuesWithSingleValuedKey
            | Self::AllowWithNotAction
            | Self::AllowWithNotResource
            | Self::AllowAllEcrOnAllResources => Severity::SecurityWarning,
            Self::ConditionKeyNotApplicable
            | Self::OperatorTypeMismatch
            | Self::WildcardWithoutLikeOperator
            | Self::ForAnyValueWithSingleValuedKey
            | Self::MissingSetQualifier => Severity::Warning,
            Self::MissingVersion | Self::RedundantAction => Severity::Suggestion,
            Self::Type(rule) if rule.is_refused() => Severity::Error,
            Self::Type(_) => Severity::Warning,
        }
    }
}

impl fmt::Display for LintCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for LintCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One finding: what, how serious, where, and a message that says how to mend it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    /// The check.
    pub code: LintCode,
    /// How serious.
    pub severity: Severity,
    /// What is wrong and how to mend it.
    pub message: String,
    /// Where in the document.
    pub path: JsonPath,
}

impl fmt::Display for Finding {
    /// One line: `severity[code] at path: message`, the way compilers print a diagnostic — e.g.
    /// ``error[unknown-action] at Statement[0].Action[1]: `ecr:GetDownloadUrlForLayr` is …``. The
    /// message comes last, so that a reader that wraps lines can put it under its location.
    ///
    /// ```
    /// use ecr_actions::lint::lint;
    /// use ecr_actions::policy::PolicyDocument;
    ///
    /// let policy = PolicyDocument::from_json(
    ///     r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:BatchGetImag", "Resource": "*"}}"#,
    /// )?;
    /// let findings = lint(&policy);
    /// let line = findings[0].to_string();
    /// assert!(line.starts_with("error[unknown-action] at Statement.Action: unknown ECR action"), "{line}");
    /// assert!(line.ends_with(&findings[0].message));
    /// # Ok::<(), ecr_actions::policy::PolicyError>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] at {}: {}",
            self.severity, self.code, self.path, self.message
        )
    }
}

/// Checks a policy document; findings in document order (see the [module docs](self)).
///
/// Never panics, whatever the document holds, and its work grows linearly with the document. The
/// first 100 unknown actions and condition keys get the nearest known name in their message; later
/// ones do not (a bound on the work for a document of nothing but misspellings).
#[must_use]
pub fn lint(document: &PolicyDocument) -> Vec<Finding> {
    run(document, None)
}

/// Checks a policy document as a policy of one type: [`lint`]'s checks that fit the type, and the
/// rules AWS enforces for it, in document order (see [Linting as a policy type](self#linting-as-a-policy-type)).
///
/// Never panics, and its work grows linearly with the document, as [`lint`].
#[must_use]
pub fn lint_as(document: &PolicyDocument, policy_type: PolicyType) -> Vec<Finding> {
    run(document, Some(policy_type))
}

fn run(document: &PolicyDocument, policy_type: Option<PolicyType>) -> Vec<Finding> {
    let mut findings = Findings {
        policy_type,
        ..Findings::default()
    };
    document::check_version(document, &mut findings);
    if let Some(policy_type) = policy_type {
        findings.extend(policy_type.check_document(document));
    }
    let statements = JsonPath::root().key("Statement");
    let mut sids = document::Sids::default();
    for (index, statement) in document.statements.iter().enumerate() {
        let path = item_path(&statements, &document.statements, index);
        let matched = Matched::of(statement);
        document::check_statement(statement, &matched, &path, &mut findings);
        sids.check(statement, &path, &mut findings);
        if let Some(policy_type) = policy_type {
            findings.extend(policy_type.check_statement(statement, &path));
        }
        actions::check(statement, &matched, &path, &mut findings);
        resources::check(document, statement, &path, &mut findings);
        conditions::check(document, statement, &matched, &path, &mut findings);
        duplicates::check(statement, &path, &mut findings);
    }
    findings.found
}

/// The ECR actions of a statement's `Action`/`NotAction` entries, matched once.
struct Matched {
    /// Each entry's actions.
    entries: Vec<ActionSet>,
    /// All of them.
    named: ActionSet,
}

impl Matched {
    fn of(statement: &Statement) -> Self {
        let entries: Vec<ActionSet> = statement
            .action
            .items
            .iter()
            .map(|item| match item.pattern() {
                // A name without wildcards is one lookup, not a match against every action.
                Ok(pattern) if pattern.is_literal() => Action::lookup(item.as_str())
                    .map_or(ActionSet::EMPTY, |action| ActionSet::EMPTY.with(action)),
                _ => item.matched(),
            })
            .collect();
        let named = entries
            .iter()
            .fold(ActionSet::EMPTY, |all, set| all.union(*set));
        Self { entries, named }
    }
}

/// Unknown names that get a "did you mean" (an edit-distance search over every known name): enough
/// for any real policy, and a bound on the work for a megabyte of misspellings.
const SUGGESTIONS: usize = 100;

/// The findings so far; each gets its code's severity.
struct Findings {
    found: Vec<Finding>,
    /// How many more unknown names may be given the nearest known one.
    suggestions: usize,
    /// The type the document is linted as, if one was given: checks that do not fit it are dropped.
    policy_type: Option<PolicyType>,
}

impl Default for Findings {
    fn default() -> Self {
        Self {
            found: Vec::new(),
            suggestions: SUGGESTIONS,
            policy_type: None,
        }
    }
}

impl Findings {
    /// Whether one more unknown name may be given the nearest known one.
    fn may_suggest(&mut self) -> bool {
        let allowed = self.suggestions > 0;
        self.suggestions = self.suggestions.saturating_sub(1);
        allowed
    }

    fn push(&mut self, code: LintCode, path: JsonPath, message: String) {
        if !fits(code, self.policy_type) {
            return;
        }
        self.found.push(Finding {
            code,
            severity: code.severity(),
            message,
            path,
        });
    }
}

impl Findings {
    /// The rules a policy type breaks, as findings.
    fn extend(&mut self, violations: Vec<crate::policy::TypeViolation>) {
        for violation in violations {
            self.push(
                LintCode::Type(violation.rule),
                violation.path,
                violation.message,
            );
        }
    }
}

/// Whether a check fits the type the document is linted as (any check fits when no type is given).
///
/// Grants broader than they read matter only where a policy grants: identity and resource policies.
/// SCPs, boundaries, session policies and endpoint policies only limit (an `Allow` of `*` there is
/// `FullAWSAccess` or the default endpoint policy), and RCPs allow nothing. An RCP without `Version`
/// is the error `version-required`, not the suggestion `missing-version`.
const fn fits(code: LintCode, policy_type: Option<PolicyType>) -> bool {
    let Some(policy_type) = policy_type else {
        return true;
    };
    match code {
        LintCode::AllowAllEcrOnAllResources
        | LintCode::AllowWithNotAction
        | LintCode::AllowWithNotResource => {
            matches!(policy_type, PolicyType::Identity | PolicyType::Resource)
        }
        LintCode::MissingVersion => !matches!(policy_type, PolicyType::ResourceControl),
        _ => true,
    }
}

/// The path of entry `index` of a value written alone or in an array: the value itself when alone.
fn item_path<T>(base: &JsonPath, items: &OneOrMany<T>, index: usize) -> JsonPath {
    if items.is_single() {
        base.clone()
    } else {
        base.index(index)
    }
}

/// Whether a text holds a policy variable, `${…}`.
fn has_variable(text: &str) -> bool {
    text.split_once("${")
        .is_some_and(|(_, rest)| rest.contains('}'))
}

/// Names as a list for a message: `` `a`, `b`, `c` `` and, past `limit`, how many more.
fn name_list<'a>(names: impl IntoIterator<Item = &'a str>, limit: usize) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    let mut text = names
        .iter()
        .take(limit)
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > limit {
        text.push_str(&format!(" and {} more", names.len() - limit));
    }
    text
}
