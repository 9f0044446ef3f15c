//! One grammar for condition values: for values generated per operator family (valid, near-valid
//! and garbage), the linter reports an error ⇔ `Evaluator::new` refuses ⇔ `PolicyBuilder::build`
//! refuses. The shares of accepted and refused values are asserted, so that the property cannot hold
//! by refusing (or accepting) everything.
//!
//! The families and what the IAM User Guide ("IAM JSON policy elements: Condition operators") says
//! their values are: numbers, "an integer or decimal value"; dates, "one of the W3C implementations
//! of the ISO 8601 date formats or in epoch (UNIX) time"; IP addresses, "the standard CIDR format
//! (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64)"; booleans, `true` or `false`; binary,
//! base64. Also regression cases, one per fix, against the guide's rules.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use std::sync::atomic::{AtomicUsize, Ordering};

use ecr_actions::Action;
use ecr_actions::builder::key::{BinaryType, NumericType};
use ecr_actions::builder::{Condition, Key, PolicyBuilder, StatementBuilder, key};
use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
use ecr_actions::lint::{Severity, lint};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{ArnPattern, RepositoryArn};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Number,
    Date,
    Ip,
    Bool,
    Binary,
    Null,
}

impl Family {
    const ALL: [Self; 6] = [
        Self::Number,
        Self::Date,
        Self::Ip,
        Self::Bool,
        Self::Binary,
        Self::Null,
    ];

    fn operator_and_key(self) -> (&'static str, &'static str) {
        match self {
            Self::Number => ("NumericLessThan", "aws:MultiFactorAuthAge"),
            Self::Date => ("DateLessThan", "aws:CurrentTime"),
            Self::Ip => ("IpAddress", "aws:SourceIp"),
            Self::Bool => ("Bool", "aws:SecureTransport"),
            Self::Binary => ("BinaryEquals", "s3:x-amz-content-sha256"),
            Self::Null => ("Null", "aws:SourceVpc"),
        }
    }
}

/// The document with one condition, `operator` on `key` with `value`.
fn document(family: Family, value: &str) -> PolicyDocument {
    let (operator, key) = family.operator_and_key();
    let policy = json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "ecr:BatchGetImage",
            "Resource": REPOSITORY,
            "Condition": {operator: {key: value}},
        }],
    });
    PolicyDocument::from_value(&policy).unwrap()
}

fn lint_refuses(document: &PolicyDocument) -> bool {
    lint(document)
        .iter()
        .any(|finding| finding.severity == Severity::Error)
}

fn evaluator_refuses(document: &PolicyDocument) -> bool {
    Evaluator::new(std::slice::from_ref(document), None).is_err()
}

fn build_refuses(condition: Condition) -> bool {
    PolicyBuilder::new()
        .statement(
            StatementBuilder::allow()
                .action(Action::BatchGetImage)
                .resource(ArnPattern::new(REPOSITORY).unwrap())
                .condition(condition),
        )
        .build()
        .is_err()
}

/// The builder's condition for a value given as text, where the builder takes text.
fn builder_condition(family: Family, value: &str) -> Option<Condition> {
    match family {
        Family::Date => Some(Condition::date_less_than(key::CURRENT_TIME, value)),
        Family::Ip => Some(Condition::ip_address(key::SOURCE_IP, value)),
        Family::Binary => Some(Condition::binary_equals(
            Key::<BinaryType>::new("s3:x-amz-content-sha256"),
            value,
        )),
        // Numbers, booleans and `Null` are typed in the builder: see `numbers_from_the_builder`.
        Family::Number | Family::Bool | Family::Null => None,
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Values the grammar accepts, written in the forms people use.
fn valid(family: Family) -> BoxedStrategy<String> {
    match family {
        Family::Number => prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            (any::<i32>(), "[0-9]{1,12}").prop_map(|(i, f)| format!("{i}.{f}")),
            (-99_i32..99, -30_i32..30).prop_map(|(m, e)| format!("{m}e{e}")),
            "[0-9]{17,60}",
        ]
        .boxed(),
        Family::Date => prop_oneof![
            (-20_000_000_000_i64..20_000_000_000).prop_map(|s| s.to_string()),
            (-2_000_000_000_i64..2_000_000_000, "[0-9]{1,9}").prop_map(|(s, f)| format!("{s}.{f}")),
            (1970_u32..2100, 1_u32..=12, 1_u32..=28)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            (
                (1970_u32..2100, 1_u32..=12, 1_u32..=28),
                (0_u32..24, 0_u32..60, 0_u32..60),
                prop_oneof![
                    Just(String::new()),
                    Just("Z".to_owned()),
                    (any::<bool>(), 0_u32..24, 0_u32..60).prop_map(|(minus, h, m)| format!(
                        "{}{h:02}:{m:02}",
                        if minus { '-' } else { '+' }
                    )),
                ],
            )
                .prop_map(|((y, mo, d), (h, mi, s), zone)| format!(
                    "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{zone}"
                )),
        ]
        .boxed(),
        Family::Ip => prop_oneof![
            (any::<[u8; 4]>(), 0_u8..=32)
                .prop_map(|(a, p)| format!("{}/{p}", std::net::Ipv4Addr::from(a))),
            any::<[u8; 4]>().prop_map(|a| std::net::Ipv4Addr::from(a).to_string()),
            (any::<u128>(), 0_u8..=128)
                .prop_map(|(a, p)| format!("{}/{p}", std::net::Ipv6Addr::from(a))),
            any::<[u8; 4]>().prop_map(|a| format!("::ffff:{}", std::net::Ipv4Addr::from(a))),
        ]
        .boxed(),
        Family::Bool | Family::Null => {
            prop_oneof![Just("true"), Just("false"), Just("TRUE"), Just("False")]
                .prop_map(str::to_owned)
                .boxed()
        }
        Family::Binary => proptest::collection::vec(any::<u8>(), 0..24)
            .prop_map(|bytes| base64(&bytes))
            .boxed(),
    }
}

/// A valid value with one edit: a character replaced, inserted or removed.
fn near_valid(family: Family) -> BoxedStrategy<String> {
    let edit_chars = "0123456789:.-+TZtze/ =${}a";
    (
        valid(family),
        any::<prop::sample::Index>(),
        0_u8..3,
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(text, at, kind, with)| {
            let mut chars: Vec<char> = text.chars().collect();
            let c = edit_chars
                .chars()
                .nth(with.index(edit_chars.len()))
                .unwrap();
            let at = at.index(chars.len() + 1);
            match kind {
                0 if at < chars.len() => chars[at] = c,
                1 if at < chars.len() => {
                    chars.remove(at);
                }
                _ => chars.insert(at, c),
            }
            chars.into_iter().collect()
        })
        .boxed()
}

fn value(family: Family) -> BoxedStrategy<String> {
    prop_oneof![
        2 => valid(family),
        3 => near_valid(family),
        1 => "[ -~]{0,16}",
    ]
    .boxed()
}

/// The three-way equivalence on generated values of every family, with asserted shares.
#[test]
fn linter_evaluator_and_builder_agree_on_every_value() {
    for family in Family::ALL {
        let accepted = AtomicUsize::new(0);
        let refused = AtomicUsize::new(0);
        let mut runner = TestRunner::new(Config {
            cases: 1500,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&value(family), |text| {
                let document = document(family, &text);
                let by_lint = lint_refuses(&document);
                let by_evaluator = evaluator_refuses(&document);
                prop_assert_eq!(
                    by_lint,
                    by_evaluator,
                    "{:?} `{}`: lint vs evaluator",
                    family,
                    text
                );
                if let Some(condition) = builder_condition(family, &text) {
                    prop_assert_eq!(
                        build_refuses(condition),
                        by_evaluator,
                        "{:?} `{}`: build vs evaluator",
                        family,
                        text
                    );
                }
                let counter = if by_evaluator { &refused } else { &accepted };
                counter.fetch_add(1, Ordering::Relaxed);
                Ok(())
            })
            .unwrap();
        let (accepted, refused) = (accepted.into_inner(), refused.into_inner());
        let total = accepted + refused;
        eprintln!("{family:?}: {accepted} accepted, {refused} refused");
        assert!(
            accepted * 5 >= total && refused * 5 >= total,
            "{family:?}: {accepted} accepted, {refused} refused of {total}: below 20% each"
        );
    }
}

/// The builder types numbers, so its only numbers outside the grammar are `NaN` and infinities
/// (`f64::to_string` writes no exponent); it refuses exactly those, as the evaluator does.
#[test]
fn numbers_from_the_builder() {
    let accepted = AtomicUsize::new(0);
    let refused = AtomicUsize::new(0);
    let numbers = prop_oneof![
        3 => any::<f64>(),
        1 => prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY)],
    ];
    let mut runner = TestRunner::new(Config {
        cases: 1000,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&numbers, |number| {
            let condition = Condition::numeric_less_than(
                Key::<NumericType>::new("aws:MultiFactorAuthAge"),
                number,
            );
            let text = condition.values().next().unwrap().to_owned();
            let document = document(Family::Number, &text);
            let by_evaluator = evaluator_refuses(&document);
            prop_assert_eq!(lint_refuses(&document), by_evaluator);
            prop_assert_eq!(build_refuses(condition), by_evaluator, "`{}`", text);
            let counter = if by_evaluator { &refused } else { &accepted };
            counter.fetch_add(1, Ordering::Relaxed);
            Ok(())
        })
        .unwrap();
    let (accepted, refused) = (accepted.into_inner(), refused.into_inner());
    assert!(accepted * 5 >= accepted + refused && refused * 5 >= accepted + refused);
}

/// The example: a date that does not exist passed `build()`, then `Evaluator::new` refused
/// it. Now `build()` refuses it first, and the linter reports it.
#[test]
fn a_date_that_does_not_exist_is_refused_by_all_three() {
    assert!(build_refuses(Condition::date_greater_than(
        key::CURRENT_TIME,
        "2025-13-45"
    )));
    let document = document(Family::Date, "2025-13-45");
    assert!(lint_refuses(&document));
    assert!(evaluator_refuses(&document));
}

/// `/33` passed the linter and failed the evaluator. "The value must be in the standard CIDR
/// format" (IAM User Guide, "IP address condition operators"): an IPv4 prefix is at most 32.
#[test]
fn a_prefix_beyond_the_address_is_refused_by_all_three() {
    for text in ["203.0.113.0/33", "2001:db8::/129", "010.0.0.0/8"] {
        assert!(
            build_refuses(Condition::ip_address(key::SOURCE_IP, text)),
            "{text}"
        );
        let document = document(Family::Ip, text);
        assert!(lint_refuses(&document), "{text}");
        assert!(evaluator_refuses(&document), "{text}");
    }
}

fn decide(family: Family, policy_value: &str, context_value: &str) -> Decision {
    let (_, key) = family.operator_and_key();
    let evaluator = Evaluator::new(&[document(family, policy_value)], None).unwrap();
    let repository: RepositoryArn = REPOSITORY.parse().unwrap();
    let context = Context::new().with(key, context_value);
    let request = Request::new(
        "arn:aws:iam::111122223333:user/alice",
        Action::BatchGetImage,
        Resource::Repository(&repository),
        &context,
    );
    evaluator.evaluate(&request)
}

/// "Numeric condition operators let you construct Condition elements that restrict access based on
/// comparing a key to an integer or decimal value": compared as the decimals they write, not as
/// `f64` (which reads 2^53 + 1 as 2^53 and two 30-digit decimals as one number).
#[test]
fn numbers_compare_exactly() {
    let less = |policy, request| decide(Family::Number, policy, request) == Decision::Allow;
    assert!(!less("9007199254740992.0", "9007199254740993"));
    assert!(less("9007199254740993", "9007199254740992.5"));
    assert!(less(
        "123456789012345678901234567890.5",
        "123456789012345678901234567890.25"
    ));
    assert!(!less("0.1", "0.10"));
    assert!(less("1e3", "999.999"));
}

/// "You must specify date/time values with one of the W3C implementations of the ISO 8601 date
/// formats or in epoch (UNIX) time": epoch time keeps the sign of its fraction, and offsets beyond
/// the profile's `hh:mm` (hours 00-23) are no date at all.
#[test]
fn dates_keep_their_sign_and_the_profile() {
    let before = |policy, request| decide(Family::Date, policy, request) == Decision::Allow;
    assert!(before("0", "-0.5"));
    assert!(!before("-1", "-0.5"));
    assert!(before("2024-06-01T12:00:00Z", "2024-06-01T13:59:59+02:00"));
    // A request value outside the grammar matches nothing.
    assert!(!before("2030-01-01T00:00:00Z", "2024-06-01T12:00:00+24:00"));
    assert!(!before("2030-01-01T00:00:00Z", "2024-06-01 12:00:00Z"));
    for text in [
        "2024-06-01T12:00:00+24:00",
        "2024-06-01t12:00:00z",
        "2024-06-01T12:00:00+0200",
    ] {
        assert!(evaluator_refuses(&document(Family::Date, text)), "{text}");
    }
}

/// An IPv4-mapped IPv6 address (`::ffff:10.1.2.3`, RFC 4291 section 2.5.5.2) is the IPv4 address it
/// maps, in a request and in a policy; an IPv6 block holds no IPv4 client.
#[test]
fn ipv4_mapped_addresses_are_their_ipv4_address() {
    let within = |policy, request| decide(Family::Ip, policy, request) == Decision::Allow;
    assert!(within("10.0.0.0/8", "::ffff:10.1.2.3"));
    assert!(within("::ffff:10.0.0.0/104", "10.1.2.3"));
    assert!(!within("10.0.0.0/8", "::ffff:11.1.2.3"));
    assert!(!within("::/0", "10.1.2.3"));
    assert!(within("10.1.2.3/8", "10.200.0.1"));
    assert!(!within("10.0.0.0/8", "010.1.2.3"));
}
