//! `duplicate-keys-with-different-case`: one operator block that names a condition key twice, in two
//! spellings that differ only in case.
//!
//! Keys written exactly alike never get here: the policy reader refuses a duplicate JSON key.

use std::collections::HashMap;

use super::{Findings, LintCode};
use crate::policy::{JsonPath, Statement};

/// Reports every key of an operator block that repeats an earlier key of the block in other case.
pub(super) fn check(statement: &Statement, path: &JsonPath, findings: &mut Findings) {
    let Some(condition) = &statement.condition else {
        return;
    };
    let base = path.key("Condition");
    for entry in &condition.entries {
        let operator = entry.operator.to_string();
        // Lower-cased name → first spelling: linear in the block, whatever its size.
        let mut seen: HashMap<String, &str> = HashMap::with_capacity(entry.keys.len());
        for (key, _) in &entry.keys {
            match seen.get(&key.to_ascii_lowercase()) {
                Some(first) => findings.push(
                    LintCode::DuplicateKeysWithDifferentCase,
                    base.key(&operator).key(key),
                    format!(
                        "condition key `{key}` repeats `{first}` in `{operator}`: key names ignore case, so both test one key and both must hold; remove one of them"
                    ),
                ),
                None => {
                    seen.insert(key.to_ascii_lowercase(), key);
                }
            }
        }
    }
}
