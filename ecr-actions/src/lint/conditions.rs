//! Checks of the `Condition` element: operators, keys, set qualifiers and values.

use super::keys::{KnownKey, Resolved};
use super::{Findings, LintCode, Matched, item_path, name_list};
use crate::eval::{ConditionError, check_condition_value};
use crate::policy::{
    ConditionOperator, ConditionValue, JsonPath, OperatorKind, PolicyDocument, SetQualifier,
    Statement, Version,
};
use crate::{Action, ActionSet, ConditionKey, ConditionValueType};

/// Checks each operator, then each of its keys and their values, in order.
pub(super) fn check(
    document: &PolicyDocument,
    statement: &Statement,
    matched: &Matched,
    path: &JsonPath,
    findings: &mut Findings,
) {
    let Some(block) = &statement.condition else {
        return;
    };
    let base = path.key("Condition");
    let actions = super::actions::ecr_statement_actions(statement, matched);
    for entry in &block.entries {
        let operator = entry.operator;
        let op_path = base.key(&operator.to_string());
        if operator.kind == OperatorKind::Null && operator.if_exists {
            findings.push(
                LintCode::NullWithIfExists,
                op_path.clone(),
                format!(
                    "`{operator}` is not an operator IAM accepts: `Null` itself tests whether a key is \
                     present; write `{}`",
                    ConditionOperator {
                        if_exists: false,
                        ..operator
                    }
                ),
            );
        }
        for (key, values) in &entry.keys {
            let key_path = || op_path.key(key);
            match super::keys::resolve(key) {
                Resolved::Other => {}
                Resolved::Unknown => {
                    let message = super::keys::unknown_message(key, findings.may_suggest());
                    findings.push(LintCode::UnknownConditionKey, key_path(), message);
                }
                Resolved::Known(known) => {
                    check_key(operator, key, known, actions, &key_path, findings);
                }
            }
            for (index, value) in values.iter().enumerate() {
                let value_path = || item_path(&key_path(), values, index);
                check_value(document, operator, value, &value_path, findings);
                if let ConditionValue::String(text) = value {
                    check_wildcard(operator, text, &value_path, findings);
                    check_arn_shape(operator, text, &value_path, findings);
                    super::document::check_variables(document, text, &value_path, findings);
                }
            }
        }
    }
}

/// The checks of a known key: whether the statement's actions support it, the operator's type and
/// the set qualifier.
fn check_key(
    operator: ConditionOperator,
    key: &str,
    known: KnownKey,
    actions: Option<ActionSet>,
    path: &dyn Fn() -> JsonPath,
    findings: &mut Findings,
) {
    if let (Some(ecr_key), Some(actions)) = (known.ecr, actions)
        && !actions.iter().any(|action| supports(action, ecr_key))
    {
        let supporting: Vec<&str> = Action::ALL
            .iter()
            .filter(|a| supports(**a, ecr_key))
            .map(|a| a.as_str())
            .collect();
        let remedy = if supporting.is_empty() {
            "remove the condition".to_owned()
        } else {
            format!(
                "the key applies to {}; move the condition to a statement with those actions or \
                 remove it",
                name_list(supporting, 4)
            )
        };
        findings.push(
            LintCode::ConditionKeyNotApplicable,
            path(),
            format!(
                "no action of this statement supports `{key}`: requests for them never have it, so \
                 the condition never matches (or, with `IfExists` or a negated operator, always \
                 does); {remedy}"
            ),
        );
    }
    let value_type = known.value_type;
    if !operator_fits(operator.kind, &known) {
        findings.push(
            LintCode::OperatorTypeMismatch,
            path(),
            format!(
                "`{}` compares {}, but `{key}` holds {} ({value_type}); use {}",
                operator.kind,
                family_noun(operator.kind),
                type_noun(value_type),
                operators_for(value_type)
            ),
        );
    }
    let multivalued = value_type.is_multivalued();
    match operator.qualifier {
        Some(SetQualifier::ForAllValues) if !multivalued => findings.push(
            LintCode::ForAllValuesWithSingleValuedKey,
            path(),
            format!(
                "`ForAllValues:` on `{key}`, a key with at most one value in a request: it is also \
                 true when the request has no value for the key, so the condition grants more than \
                 it reads; write `{}` without `ForAllValues:`",
                plain(operator)
            ),
        ),
        Some(SetQualifier::ForAnyValue) if !multivalued => findings.push(
            LintCode::ForAnyValueWithSingleValuedKey,
            path(),
            format!(
                "`ForAnyValue:` on `{key}`, a key with at most one value in a request: set operators \
                 are for multivalued keys, and with a negated operator it changes what an absent key \
                 means; write `{}` without `ForAnyValue:`",
                plain(operator)
            ),
        ),
        None if multivalued && operator.kind != OperatorKind::Null => findings.push(
            LintCode::MissingSetQualifier,
            path(),
            format!(
                "`{key}` can have several values in a request ({value_type}), and `{operator}` has no \
                 set qualifier; write `ForAllValues:{operator}` (every value in the request must \
                 match) or `ForAnyValue:{operator}` (at least one must)"
            ),
        ),
        _ => {}
    }
}

/// Whether `action` supports `key`: as its own key, a key of a resource type it acts on, or a key of
/// that resource type itself.
fn supports(action: Action, key: ConditionKey) -> bool {
    action.condition_keys().contains(&key)
        || action.resource_types().iter().any(|used| {
            used.condition_keys().contains(&key)
                || used.resource_type().condition_keys().contains(&key)
        })
}

/// The operator without its set qualifier.
fn plain(operator: ConditionOperator) -> ConditionOperator {
    ConditionOperator {
        qualifier: None,
        ..operator
    }
}

/// The families of operators, by the type of value they compare.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

fn family(kind: OperatorKind) -> Family {
    use OperatorKind as K;
    match kind {
        K::StringEquals
        | K::StringNotEquals
        | K::StringEqualsIgnoreCase
        | K::StringNotEqualsIgnoreCase
        | K::StringLike
        | K::StringNotLike => Family::String,
        K::NumericEquals
        | K::NumericNotEquals
        | K::NumericLessThan
        | K::NumericLessThanEquals
        | K::NumericGreaterThan
        | K::NumericGreaterThanEquals => Family::Numeric,
        K::DateEquals
        | K::DateNotEquals
        | K::DateLessThan
        | K::DateLessThanEquals
        | K::DateGreaterThan
        | K::DateGreaterThanEquals => Family::Date,
        K::Bool => Family::Bool,
        K::BinaryEquals => Family::Binary,
        K::IpAddress | K::NotIpAddress => Family::Ip,
        K::ArnEquals | K::ArnLike | K::ArnNotEquals | K::ArnNotLike => Family::Arn,
        K::Null => Family::Null,
    }
}

/// The rule documented on [`LintCode::OperatorTypeMismatch`].
fn operator_fits(kind: OperatorKind, key: &KnownKey) -> bool {
    use ConditionValueType as T;
    let element = key.value_type.element_type();
    match family(kind) {
        Family::Null => true,
        Family::String => matches!(element, T::String | T::Arn),
        Family::Arn => element == T::Arn,
        Family::Numeric => matches!(element, T::Numeric | T::Long) || key.takes_numbers(),
        Family::Date => element == T::Date,
        Family::Bool => element == T::Bool,
        Family::Binary => element == T::Binary,
        Family::Ip => element == T::IpAddress,
    }
}

fn family_noun(kind: OperatorKind) -> &'static str {
    match family(kind) {
        Family::String => "strings",
        Family::Numeric => "numbers",
        Family::Date => "dates",
        Family::Bool => "booleans",
        Family::Binary => "binary values",
        Family::Ip => "IP addresses",
        Family::Arn => "ARNs",
        Family::Null => "presence",
    }
}

fn type_noun(value_type: ConditionValueType) -> &'static str {
    use ConditionValueType as T;
    match value_type.element_type() {
        T::Arn => "ARNs",
        T::Bool => "a boolean",
        T::Date => "a date",
        T::Numeric | T::Long => "a number",
        T::IpAddress => "an IP address",
        T::Binary => "binary data",
        _ => "a string",
    }
}

fn operators_for(value_type: ConditionValueType) -> &'static str {
    use ConditionValueType as T;
    match value_type.element_type() {
        T::Arn => "`ArnEquals`, `ArnLike` (or a `String…` operator)",
        T::Bool => "`Bool`",
        T::Date => "a `Date…` operator such as `DateLessThan`",
        T::Numeric | T::Long => "a `Numeric…` operator such as `NumericLessThan`",
        T::IpAddress => "`IpAddress` or `NotIpAddress`",
        T::Binary => "`BinaryEquals`",
        _ => "a `String…` operator such as `StringEquals` or `StringLike`",
    }
}

/// `invalid-condition-value`: the evaluator's own check of the value, so that the linter reports
/// exactly what [`Evaluator::new`](crate::eval::Evaluator::new) refuses (and so what
/// [`build`](crate::builder::PolicyBuilder::build) refuses).
fn check_value(
    document: &PolicyDocument,
    operator: ConditionOperator,
    value: &ConditionValue,
    path: &dyn Fn() -> JsonPath,
    findings: &mut Findings,
) {
    let substitute = document.version == Some(Version::V2012_10_17);
    let message = match check_condition_value(operator, value, substitute) {
        Ok(()) => return,
        Err(ConditionError::Value(text, expected)) => format!(
            "`{operator}` cannot read `{text}`: it is not {expected}; write the value in that \
             form, or remove it"
        ),
        Err(ConditionError::Variable(reason)) => {
            format!(
                "`{}` holds a malformed policy variable ({reason}); write `${{key}}` or remove it",
                value.as_text()
            )
        }
        // `null-with-if-exists` reports it, once per operator.
        Err(ConditionError::Operator(_)) => return,
    };
    findings.push(LintCode::InvalidConditionValue, path(), message);
}

/// `pattern-matches-nothing` for an `Arn…` value that is not shaped like an ARN. IAM User Guide,
/// "Amazon Resource Name (ARN) condition operators": "Each of the six colon-delimited components of
/// the ARN is checked separately", so a value of fewer than six components (`*` alone,
/// `arn:aws:iam::*`) matches no ARN: `ArnLike` never holds and `ArnNotLike` always does. A value
/// with a policy variable is left alone (the variable's value may hold colons).
fn check_arn_shape(
    operator: ConditionOperator,
    value: &str,
    path: &dyn Fn() -> JsonPath,
    findings: &mut Findings,
) {
    use OperatorKind as K;
    if !matches!(
        operator.kind,
        K::ArnEquals | K::ArnLike | K::ArnNotEquals | K::ArnNotLike
    ) || value.contains("${")
    {
        return;
    }
    let components = value.split(':').take(6).count();
    if components < 6 || !value.starts_with("arn:") {
        findings.push(
            LintCode::PatternMatchesNothing,
            path(),
            format!(
                "`{value}` is not an ARN pattern: `{operator}` compares the six colon-separated \
                 components of an ARN one by one, so it matches no ARN; write all six \
                 (`arn:aws:iam::*:role/*`), or use `StringLike` for a pattern over the whole text"
            ),
        );
    }
}

/// `wildcard-without-like-operator` for one string value.
fn check_wildcard(
    operator: ConditionOperator,
    value: &str,
    path: &dyn Fn() -> JsonPath,
    findings: &mut Findings,
) {
    use OperatorKind as K;
    let like = match operator.kind {
        K::StringEquals | K::StringEqualsIgnoreCase => K::StringLike,
        K::StringNotEquals | K::StringNotEqualsIgnoreCase => K::StringNotLike,
        _ => return,
    };
    if let Some(wildcard) = without_variables(value)
        .chars()
        .find(|c| matches!(c, '*' | '?'))
    {
        let fixed = ConditionOperator {
            kind: like,
            ..operator
        };
        findings.push(
            LintCode::WildcardWithoutLikeOperator,
            path(),
            format!(
                "`{}` compares `{value}` literally, so `{wildcard}` matches only itself; for a \
                 wildcard use `{fixed}`, or remove the `{wildcard}`",
                operator.kind
            ),
        );
    }
}

/// The text without its `${…}` variables (`${*}` is a literal `*`, not a wildcard).
fn without_variables(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("${") {
        out.push_str(before);
        match after.split_once('}') {
            Some((_, tail)) => rest = tail,
            None => {
                out.push_str("${");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
