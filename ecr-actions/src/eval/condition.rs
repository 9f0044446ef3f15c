//! Condition operators, compiled once and tested against a request's context.
//!
//! The rules, from the IAM User Guide ("IAM JSON policy elements: Condition operators", "Creating a
//! condition with multiple keys or values", "Single-valued vs. multivalued context keys"):
//! - several keys, or several operators, must all hold (AND); several values of one key, any (OR);
//! - a negated operator (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`, …) holds when the request's
//!   value matches none of the policy's values; "If the key that you specify in a policy condition is
//!   not present in the request context, the values do not match … If the policy condition requires
//!   that the key is *not* matched, such as `StringNotLike` or `ArnNotLike`, and the right key is not
//!   present, the condition is true" — so an absent key fails a plain operator and satisfies a
//!   negated one;
//! - `…IfExists`: "If the policy key is present in the context of the request, process the key as
//!   specified in the policy. If the key is not present, evaluate the condition element as true";
//!   `IfExists` cannot be added to `Null`;
//! - `Null`: `true` holds when the key is absent, `false` when it is present (an empty multivalued key
//!   is present);
//! - `ForAllValues:` holds when every value of the request matches some policy value, and also when
//!   the key is absent or has no value; `ForAnyValue:` when at least one value matches, so never
//!   for an absent or empty key. A single-valued key under a set operator is a set of one value;
//! - a multivalued key needs a set operator: a plain operator on it does not hold (as the reference
//!   simulator reads it);
//! - key names ignore case; values are case-sensitive except for `…IgnoreCase` and `Bool`;
//! - `ArnEquals` and `ArnLike` are the same operator: "Each of the six colon-delimited components of
//!   the ARN is checked separately and each can include multi-character match wildcards (*) or
//!   single-character match wildcards (?)"; the request's value must be an ARN (see `arn_like`).

use core::cmp::Ordering;

use ipnet::IpNet;
use time::Timestamp;

use super::request::{Context, ContextValueRef};
use super::variables::{Flavor, GlobCache, LikePattern, Scratch, Template};
use crate::policy::{ConditionOperator, ConditionValue, OneOrMany, OperatorKind, SetQualifier};
use crate::value::{
    Decimal, Number, ValueKind, is_base64, looks_like_arn, parse_address, parse_bool, parse_date,
    parse_network,
};

/// A policy value of a typed operator: parsed once, or (holding variables) when evaluated.
#[derive(Clone, Debug)]
enum Typed<T> {
    Static(T),
    Dynamic(Template),
}

/// A pattern value: compiled once when it is plain text, else through the evaluator's cache.
#[derive(Clone, Debug)]
struct Pattern {
    template: Template,
    compiled: Option<LikePattern>,
}

impl Pattern {
    fn new(template: Template, flavor: Flavor) -> Self {
        let compiled = template.plain().map(|text| flavor.compile(text));
        Self { template, compiled }
    }

    fn is_match(&self, env: &Env<'_>, text: &str, flavor: Flavor) -> bool {
        match &self.compiled {
            Some(compiled) => compiled.is_match(text),
            None => self
                .template
                .matches_like(env.context, text, flavor, env.cache),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Compare {
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Compare {
    fn holds(self, ordering: Option<Ordering>) -> bool {
        match (self, ordering) {
            (_, None) => false,
            (Self::Equal, Some(o)) => o == Ordering::Equal,
            (Self::Less, Some(o)) => o == Ordering::Less,
            (Self::LessOrEqual, Some(o)) => o != Ordering::Greater,
            (Self::Greater, Some(o)) => o == Ordering::Greater,
            (Self::GreaterOrEqual, Some(o)) => o != Ordering::Less,
        }
    }
}

/// What an operator tests, with its policy values.
#[derive(Clone, Debug)]
enum Test {
    Null(Vec<bool>),
    Equals { values: Vec<Template>, fold: bool },
    Like(Vec<Pattern>),
    Numeric(Compare, Vec<Typed<Decimal>>),
    Date(Compare, Vec<Typed<Timestamp>>),
    Bool(Vec<Typed<bool>>),
    Binary(Vec<Template>),
    Ip(Vec<Typed<IpNet>>),
    Arn(Vec<Pattern>),
}

/// One operator on one key, compiled.
#[derive(Clone, Debug)]
pub(crate) struct Condition {
    pub(crate) operator: ConditionOperator,
    pub(crate) key: Box<str>,
    test: Test,
}

/// What a condition is evaluated with.
pub(crate) struct Env<'a> {
    pub(crate) context: &'a Context,
    pub(crate) cache: &'a GlobCache,
}

/// Why a condition is refused: the value as written, and what was expected instead.
pub(crate) enum ConditionError {
    Value(String, &'static str),
    Variable(String),
    Operator(&'static str),
}

fn typed<T>(
    template: Template,
    parse: impl Fn(&str) -> Option<T>,
    expected: &'static str,
) -> Result<Typed<T>, ConditionError> {
    match template.constant() {
        None => Ok(Typed::Dynamic(template)),
        Some(text) => parse(&text)
            .map(Typed::Static)
            .ok_or(ConditionError::Value(text, expected)),
    }
}

fn templates(
    values: &OneOrMany<ConditionValue>,
    substitute: bool,
) -> Result<Vec<Template>, ConditionError> {
    values
        .iter()
        .map(|value| {
            Template::parse(&value.as_text(), substitute).map_err(ConditionError::Variable)
        })
        .collect()
}

fn all_typed<T>(
    templates: Vec<Template>,
    parse: impl Fn(&str) -> Option<T> + Copy,
    expected: &'static str,
) -> Result<Vec<Typed<T>>, ConditionError> {
    templates
        .into_iter()
        .map(|t| typed(t, parse, expected))
        .collect()
}

impl Condition {
    /// Compiles `operator` on `key` with `values`; `substitute` reads policy variables (2012-10-17).
    pub(crate) fn compile(
        operator: ConditionOperator,
        key: &str,
        values: &OneOrMany<ConditionValue>,
        substitute: bool,
    ) -> Result<Self, ConditionError> {
        use OperatorKind as K;
        let compare = |kind| match kind {
            K::NumericLessThan | K::DateLessThan => Compare::Less,
            K::NumericLessThanEquals | K::DateLessThanEquals => Compare::LessOrEqual,
            K::NumericGreaterThan | K::DateGreaterThan => Compare::Greater,
            K::NumericGreaterThanEquals | K::DateGreaterThanEquals => Compare::GreaterOrEqual,
            _ => Compare::Equal,
        };
        let templates = templates(values, substitute)?;
        let test = match operator.kind {
            K::Null => {
                if operator.if_exists {
                    // "You can add IfExists to the end of any condition operator name except the
                    // Null condition."
                    return Err(ConditionError::Operator(
                        "`IfExists` cannot be added to `Null`",
                    ));
                }
                let mut flags = Vec::with_capacity(templates.len());
                for template in &templates {
                    let text = template.to_string();
                    flags.push(
                        parse_bool(&text)
                            .ok_or(ConditionError::Value(text, ValueKind::Bool.expected()))?,
                    );
                }
                Test::Null(flags)
            }
            K::StringEquals | K::StringNotEquals => Test::Equals {
                values: templates,
                fold: false,
            },
            K::StringEqualsIgnoreCase | K::StringNotEqualsIgnoreCase => Test::Equals {
                values: templates,
                fold: true,
            },
            K::StringLike | K::StringNotLike => Test::Like(
                templates
                    .into_iter()
                    .map(|t| Pattern::new(t, Flavor::String))
                    .collect(),
            ),
            K::NumericEquals
            | K::NumericNotEquals
            | K::NumericLessThan
            | K::NumericLessThanEquals
            | K::NumericGreaterThan
            | K::NumericGreaterThanEquals => Test::Numeric(
                compare(operator.kind),
                all_typed(
                    templates,
                    |text| Number::parse(text).map(Number::to_decimal),
                    ValueKind::Number.expected(),
                )?,
            ),
            K::DateEquals
            | K::DateNotEquals
            | K::DateLessThan
            | K::DateLessThanEquals
            | K::DateGreaterThan
            | K::DateGreaterThanEquals => Test::Date(
                compare(operator.kind),
                all_typed(templates, parse_date, ValueKind::Date.expected())?,
            ),
            K::Bool => Test::Bool(all_typed(
                templates,
                parse_bool,
                ValueKind::Bool.expected(),
            )?),
            K::BinaryEquals => {
                // Base64 values compare as text: the grammar admits only canonical base64, in
                // which equal bytes are equal text.
                for template in &templates {
                    if let Some(text) = template.constant()
                        && !is_base64(&text)
                    {
                        return Err(ConditionError::Value(text, ValueKind::Binary.expected()));
                    }
                }
                Test::Binary(templates)
            }
            K::IpAddress | K::NotIpAddress => Test::Ip(all_typed(
                templates,
                parse_network,
                ValueKind::Ip.expected(),
            )?),
            K::ArnEquals | K::ArnLike | K::ArnNotEquals | K::ArnNotLike => Test::Arn(
                templates
                    .into_iter()
                    .map(|t| Pattern::new(t, Flavor::ArnCondition))
                    .collect(),
            ),
        };
        Ok(Self {
            operator,
            key: key.into(),
            test,
        })
    }

    /// Whether the condition holds for the request's context.
    pub(crate) fn holds(&self, env: &Env<'_>) -> bool {
        let found = env.context.get(&self.key);
        if let Test::Null(flags) = &self.test {
            let absent = found.is_none();
            return flags.contains(&absent);
        }
        let negated = self.operator.kind.is_negated();
        let one = |value: &str| self.matches_any(env, value) != negated;
        match (found, self.operator.qualifier) {
            (None, _) if self.operator.if_exists => true,
            (None, None) => negated,
            (None, Some(SetQualifier::ForAllValues)) => true,
            (None, Some(SetQualifier::ForAnyValue)) => false,
            (Some(ContextValueRef::Single(value)), _) => one(value),
            (Some(ContextValueRef::Multi(_)), None) => false,
            (Some(ContextValueRef::Multi(values)), Some(SetQualifier::ForAllValues)) => {
                values.iter().all(|v| one(v))
            }
            (Some(ContextValueRef::Multi(values)), Some(SetQualifier::ForAnyValue)) => {
                values.iter().any(|v| one(v))
            }
        }
    }

    /// Whether `value` matches at least one of the policy's values (before negation).
    fn matches_any(&self, env: &Env<'_>, value: &str) -> bool {
        match &self.test {
            Test::Null(_) => false,
            Test::Equals { values, fold } => {
                values.iter().any(|t| t.equals(env.context, value, *fold))
            }
            Test::Like(patterns) => patterns
                .iter()
                .any(|p| p.is_match(env, value, Flavor::String)),
            Test::Arn(patterns) => {
                looks_like_arn(value)
                    && patterns
                        .iter()
                        .any(|p| p.is_match(env, value, Flavor::ArnCondition))
            }
            Test::Binary(values) => values.iter().any(|t| t.equals(env.context, value, false)),
            Test::Numeric(compare, values) => Number::parse(value).is_some_and(|number| {
                values.iter().any(|v| match v {
                    Typed::Static(policy) => {
                        compare.holds(Some(number.compare(policy.as_number())))
                    }
                    Typed::Dynamic(template) => rendered(env, template, |text| {
                        Number::parse(text)
                            .is_some_and(|policy| compare.holds(Some(number.compare(policy))))
                    }),
                })
            }),
            Test::Date(compare, values) => parse_date(value).is_some_and(|date| {
                values.iter().any(|v| {
                    resolve(env, v, parse_date)
                        .is_some_and(|policy| compare.holds(Some(date.cmp(&policy))))
                })
            }),
            Test::Bool(values) => parse_bool(value).is_some_and(|b| {
                values
                    .iter()
                    .any(|v| resolve(env, v, parse_bool) == Some(b))
            }),
            Test::Ip(networks) => parse_address(value).is_some_and(|address| {
                networks.iter().any(|n| {
                    resolve(env, n, parse_network).is_some_and(|net| net.contains(&address))
                })
            }),
        }
    }
}

/// A typed policy value: as compiled, or rendered with the request's variables and parsed.
fn resolve<T: Copy>(
    env: &Env<'_>,
    value: &Typed<T>,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    match value {
        Typed::Static(v) => Some(*v),
        Typed::Dynamic(template) => {
            let mut parsed = None;
            rendered(env, template, |text| {
                parsed = parse(text);
                true
            });
            parsed
        }
    }
}

/// Whether `test` holds for `template` rendered with the request's variables; false when a variable
/// has no value.
fn rendered(env: &Env<'_>, template: &Template, test: impl FnOnce(&str) -> bool) -> bool {
    let mut out = Scratch::new();
    template.render(env.context, &mut out) && test(out.as_str())
}

/// Whether [`Condition::compile`] accepts `value` for `operator`: the linter's check of a value, so
/// that it reports exactly the values the evaluator refuses.
pub(crate) fn check_value(
    operator: ConditionOperator,
    value: &ConditionValue,
    substitute: bool,
) -> Result<(), ConditionError> {
    Condition::compile(operator, "", &OneOrMany::one(value.clone()), substitute).map(drop)
}
