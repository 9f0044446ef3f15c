//! `Context`: key names ignore ASCII case ("Context key names are not case-sensitive. For example,
//! including the aws:SourceIP context key is equivalent to testing for AWS:SourceIp", IAM User Guide,
//! *IAM JSON policy elements: Condition*), checked against a naive model (a vector searched
//! linearly); building is O(log n) per key (a bounded-work test, not timed); `try_insert` refuses
//! what passes a cap, leaving the context as it was.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use ecr_actions::eval::{Context, ContextError, ContextValue, ContextValueRef};
use proptest::prelude::*;

/// The model: entries in insertion order, searched one by one ignoring ASCII case.
#[derive(Default)]
struct Model(Vec<(String, String)>);

impl Model {
    fn insert(&mut self, key: &str, value: &str) -> Option<String> {
        for entry in &mut self.0 {
            if entry.0.eq_ignore_ascii_case(key) {
                let old = std::mem::replace(&mut entry.1, value.to_owned());
                entry.0 = key.to_owned();
                return Some(old);
            }
        }
        self.0.push((key.to_owned(), value.to_owned()));
        None
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    /// Ordered by the name in ASCII lower case, as `Context::iter` documents.
    fn sorted(&self) -> Vec<(String, String)> {
        let mut entries = self.0.clone();
        entries.sort_by_key(|(k, _)| k.to_ascii_lowercase());
        entries
    }
}

/// Key names from a small alphabet so that case variants and repeats are common; some long (past
/// the 256 bytes `get` folds on the stack).
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[aAbB:/é]{0,6}",
        1 => "[aA]{250,260}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn behaves_as_the_model(ops in prop::collection::vec((key(), "[a-z]{0,3}", any::<bool>()), 0..100)) {
        let mut context = Context::new();
        let mut model = Model::default();
        for (key, value, insert) in &ops {
            if *insert {
                let old = context.insert(key, value.as_str());
                let want = model.insert(key, value);
                prop_assert_eq!(old, want.map(ContextValue::Single));
            }
            let swapped: String = key.chars().map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect();
            for probe in [key.as_str(), swapped.as_str()] {
                let got = match context.get(probe) {
                    Some(ContextValueRef::Single(v)) => Some(v),
                    Some(ContextValueRef::Multi(_)) => panic!("only single values were inserted"),
                    None => None,
                };
                prop_assert_eq!(got, model.get(probe));
            }
            prop_assert_eq!(context.len(), model.0.len());
        }
        let listed: Vec<(String, String)> = context
            .iter()
            .map(|(k, v)| match v {
                ContextValueRef::Single(v) => (k.to_owned(), v.to_owned()),
                ContextValueRef::Multi(_) => panic!("only single values were inserted"),
            })
            .collect();
        prop_assert_eq!(listed, model.sorted());
    }
}

/// 200,000 keys in the order that made the old sorted-vector insert quadratic (each new key sorting
/// first); an O(log n) insert does it at once, a quadratic one could not finish. Not timed.
#[test]
fn two_hundred_thousand_keys_in_adversarial_order() {
    let n = 200_000;
    let mut context = Context::new();
    for i in (0..n).rev() {
        context.insert(&format!("aws:PrincipalTag/k{i:07}"), "v");
    }
    assert_eq!(context.len(), n);
    assert_eq!(
        context.get("AWS:PRINCIPALTAG/K0000000"),
        Some(ContextValueRef::Single("v"))
    );
    assert_eq!(
        context.iter().next().map(|(k, _)| k),
        Some("aws:PrincipalTag/k0000000")
    );
}

#[test]
fn try_insert_refuses_past_each_cap_and_changes_nothing() {
    let mut context = Context::new().with("aws:username", "alice");
    let before = context.clone();
    let long_key = "k".repeat(Context::MAX_KEY_BYTES + 1);
    assert!(matches!(
        context.try_insert(&long_key, "v"),
        Err(ContextError::KeyTooLong { len, .. }) if len == Context::MAX_KEY_BYTES + 1
    ));
    let long_value = "v".repeat(Context::MAX_VALUE_BYTES + 1);
    assert!(matches!(
        context.try_insert("aws:username", long_value.as_str()),
        Err(ContextError::ValueTooLong { .. })
    ));
    let many: Vec<String> = vec!["x".to_owned(); Context::MAX_VALUES + 1];
    assert!(matches!(
        context.try_insert("aws:TagKeys", many),
        Err(ContextError::TooManyValues { count, .. }) if count == Context::MAX_VALUES + 1
    ));
    assert_eq!(context, before);
    // At the caps themselves, everything is taken.
    let key = "k".repeat(Context::MAX_KEY_BYTES);
    assert_eq!(context.try_insert(&key, "v"), Ok(None));
    let values: Vec<String> = vec!["x".to_owned(); Context::MAX_VALUES];
    assert_eq!(context.try_insert("aws:TagKeys", values), Ok(None));
    let message = context.try_insert(&long_key, "v").unwrap_err().to_string();
    assert!(
        message.contains("a key name is at most 1024 bytes"),
        "{message}"
    );
}

#[test]
fn try_insert_caps_the_number_of_keys_and_the_bytes() {
    let mut context = Context::new();
    for i in 0..Context::MAX_KEYS {
        context.try_insert(&format!("k{i}"), "").unwrap();
    }
    assert!(matches!(
        context.try_insert("one-more", ""),
        Err(ContextError::TooManyKeys { .. })
    ));
    // Replacing an existing key is no new key.
    assert_eq!(
        context.try_insert("K0", "v"),
        Ok(Some(ContextValue::Single(String::new())))
    );

    let mut context = Context::new();
    let value = "v".repeat(Context::MAX_VALUE_BYTES);
    let fit = Context::MAX_BYTES / (Context::MAX_VALUE_BYTES + 8);
    for i in 0..fit {
        context
            .try_insert(&format!("k{i}"), value.as_str())
            .unwrap();
    }
    assert!(matches!(
        context.try_insert("last", value.as_str()),
        Err(ContextError::TooLarge { .. })
    ));
    assert_eq!(context.len(), fit);
}
