//! Checks of `Action` and `NotAction`: entries that are malformed, unknown, match nothing or repeat
//! another; `Allow` with `NotAction`.

use std::collections::HashMap;

use super::{Findings, LintCode, Matched, item_path};
use crate::policy::{ActionItem, Effect, JsonPath, Statement};
use crate::{Action, ActionSet};

/// Whether the entry names ECR explicitly (`ecr:…`, any case): only those are judged. `*` and
/// `e?r:…` may mean other services too.
pub(super) fn is_ecr_only(item: &ActionItem) -> bool {
    item.pattern().is_ok()
        && item
            .as_str()
            .split_once(':')
            .is_some_and(|(service, _)| service.eq_ignore_ascii_case(Action::SERVICE))
}

/// The statement's actions if every entry names ECR explicitly (`Action`, not `NotAction`): the
/// statements whose condition keys are judged against the actions.
pub(super) fn ecr_statement_actions(statement: &Statement, matched: &Matched) -> Option<ActionSet> {
    let clause = &statement.action;
    if clause.negated || !clause.items.iter().all(is_ecr_only) {
        return None;
    }
    Some(matched.named).filter(|set| !set.is_empty())
}

/// Checks the clause and each entry, in order.
pub(super) fn check(
    statement: &Statement,
    matched: &Matched,
    path: &JsonPath,
    findings: &mut Findings,
) {
    let clause = &statement.action;
    let base = path.key(if clause.negated {
        "NotAction"
    } else {
        "Action"
    });
    if clause.negated && statement.effect == Effect::Allow {
        findings.push(
            LintCode::AllowWithNotAction,
            base.clone(),
            "`Allow` with `NotAction` allows every action not listed, of every AWS service, \
             including actions added later; list the actions to allow in `Action` instead"
                .to_owned(),
        );
    }
    let matched = &matched.entries;
    let judged: Vec<bool> = clause.items.iter().map(is_ecr_only).collect();
    let distinct = distinct_sets(matched, &judged);
    let targets = if clause.negated {
        None
    } else {
        super::resources::Targets::of(statement)
    };
    for (index, item) in clause.items.iter().enumerate() {
        // Paths are built only for findings: most entries have none.
        let path = || item_path(&base, &clause.items, index);
        if let Err(error) = item.pattern() {
            findings.push(
                LintCode::MalformedAction,
                path(),
                format!("{error}; IAM refuses a policy with a malformed action"),
            );
            continue;
        }
        if !is_ecr_only(item) {
            continue;
        }
        let set = matched.get(index).copied().unwrap_or(ActionSet::EMPTY);
        if set.is_empty() {
            nothing_matched(item, path(), findings);
            continue;
        }
        if let Some(other) = covering(&distinct, index, set) {
            let text = item.as_str();
            let other_text = clause
                .items
                .iter()
                .nth(other)
                .map_or("", ActionItem::as_str);
            let same = matched.get(other) == Some(&set) && judged.get(other) == Some(&true);
            let message = if same {
                format!(
                    "`{text}` matches the same actions as `{other_text}` before it in this \
                     statement; remove `{text}`"
                )
            } else {
                format!(
                    "`{text}` is redundant: `{other_text}` in this statement already matches every \
                     action it matches; remove `{text}`"
                )
            };
            findings.push(LintCode::RedundantAction, path(), message);
        }
        if let Some(targets) = &targets {
            targets.check_entry(item, set, &path, findings);
        }
    }
}

/// A set of actions that entries match, with the first entry that matches it and the first that does
/// so while matching other services' actions too (`*`).
struct Distinct {
    set: ActionSet,
    first: usize,
    first_broad: Option<usize>,
}

/// The distinct non-empty sets the entries match, so that finding a covering entry costs the number
/// of distinct sets, not of entries (a policy may repeat one action thousands of times).
fn distinct_sets(matched: &[ActionSet], judged: &[bool]) -> Vec<Distinct> {
    let mut distinct: Vec<Distinct> = Vec::new();
    let mut seen: HashMap<ActionSet, usize> = HashMap::new();
    for (index, (set, ecr_only)) in matched.iter().zip(judged).enumerate() {
        if set.is_empty() {
            continue;
        }
        let at = *seen.entry(*set).or_insert_with(|| {
            distinct.push(Distinct {
                set: *set,
                first: index,
                first_broad: None,
            });
            distinct.len() - 1
        });
        if let Some(entry) = distinct.get_mut(at)
            && !*ecr_only
            && entry.first_broad.is_none()
        {
            entry.first_broad = Some(index);
        }
    }
    distinct
}

/// The entry that makes entry `index` (an `ecr:` entry matching `set`) redundant: one matching a
/// strict superset; or, matching the same set, an `ecr:` entry before it or an entry such as `*`
/// (which matches other services' actions too) anywhere.
fn covering(distinct: &[Distinct], index: usize, set: ActionSet) -> Option<usize> {
    distinct.iter().find_map(|d| {
        if d.set == set {
            d.first_broad
                .filter(|broad| *broad != index)
                .or(Some(d.first).filter(|first| *first < index))
        } else if set.is_subset(&d.set) {
            Some(d.first)
        } else {
            None
        }
    })
}

/// `unknown-action` or `pattern-matches-nothing` for an `ecr:` entry that matches no action.
fn nothing_matched(item: &ActionItem, path: JsonPath, findings: &mut Findings) {
    let text = item.as_str();
    let is_literal = item.pattern().is_ok_and(crate::ActionPattern::is_literal);
    if is_literal {
        let suggestion = if findings.may_suggest() {
            text.parse::<Action>()
                .err()
                .and_then(|error| error.suggestion())
        } else {
            None
        };
        let message = match suggestion {
            Some(nearest) => format!(
                "unknown ECR action `{text}`; did you mean `{nearest}`? IAM matches no action with \
                 it; write `{nearest}`"
            ),
            None => format!(
                "unknown ECR action `{text}`: ECR has no action of that name, so IAM matches nothing \
                 with it; check the name against the ECR actions table"
            ),
        };
        findings.push(LintCode::UnknownAction, path, message);
    } else {
        let names = Action::ALL.iter().map(|a| a.as_str());
        let nearest = if findings.may_suggest() {
            // Its literal text against the best-matching stretch of each name (`ecr:Gte*`, say).
            ecr_actions_pattern::suggest::ranked_for_pattern(text, names)
                .into_iter()
                .next()
        } else {
            None
        };
        let hint = nearest.map_or_else(String::new, |nearest| {
            format!(" (the nearest action is `{nearest}`)")
        });
        findings.push(
            LintCode::PatternMatchesNothing,
            path,
            format!(
                "`{text}` matches no ECR action{hint}: the entry has no effect; fix the pattern or \
                 remove it"
            ),
        );
    }
}
