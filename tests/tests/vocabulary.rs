//! The engine (`ecr-actions-codegen`) and the runtime crate each know the tables' vocabulary: the engine
//! to check a table, the runtime to represent it. The engine cannot depend on the runtime (the runtime
//! invokes the engine's macro), so this test keeps the two lists the same.

use ecr_actions::{AccessLevel, ConditionValueType};
use ecr_actions_codegen::model;

#[test]
fn access_levels_agree() {
    let engine: Vec<(&str, &str)> = model::AccessLevel::ALL
        .iter()
        .map(|l| (l.as_str(), l.variant()))
        .collect();
    let runtime: Vec<(&str, String)> = AccessLevel::ALL
        .iter()
        .map(|l| (l.as_str(), format!("{l:?}")))
        .collect();
    assert_eq!(engine.len(), runtime.len());
    for ((text, variant), (runtime_text, runtime_variant)) in engine.iter().zip(&runtime) {
        assert_eq!(text, runtime_text);
        assert_eq!(variant, runtime_variant);
    }
}

#[test]
fn condition_value_types_agree() {
    let engine: Vec<(&str, &str)> = model::ValueType::ALL
        .iter()
        .map(|t| (t.text, t.variant))
        .collect();
    let runtime: Vec<(&str, String)> = ConditionValueType::ALL
        .iter()
        .map(|t| (t.as_str(), format!("{t:?}")))
        .collect();
    assert_eq!(engine.len(), runtime.len());
    for ((text, variant), (runtime_text, runtime_variant)) in engine.iter().zip(&runtime) {
        assert_eq!(text, runtime_text);
        assert_eq!(variant, runtime_variant);
    }
}
