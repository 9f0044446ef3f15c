//! The `previous` argument of `iam_actions!`: an action an earlier table has and the current one lacks
//! is still generated (deprecated), still parses, and no wildcard expands to it.
//!
//! The truth these tests hold the code to: the Service Authorization Reference lists, per service, "the
//! actions … defined by" the service, that is the actions IAM knows; an action it no longer lists is one
//! IAM no longer knows, so a policy wildcard such as `demo:*` cannot grant it, while a policy or program
//! that names it must keep compiling after an upgrade. The pair of tables is made up
//! (`ecr_actions_tests::upgraded`): the earlier one (2025-06-30) has `PingEveryone`, the current one
//! (2026-01-31) does not.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]
// The deprecated action is named on purpose: these tests are about it.
#![allow(deprecated)]

use ecr_actions::ActionPattern;
use ecr_actions::service::IamAction;
use ecr_actions_tests::upgraded::{Action, ActionSet};

fn pattern(text: &str) -> ActionPattern {
    text.parse().unwrap()
}

/// The removed action is generated after the current ones, and only the current ones are `CURRENT`.
#[test]
fn removed_action_is_generated_but_not_current() {
    assert_eq!(
        Action::ALL,
        [Action::Ping, Action::PingAll, Action::PingEveryone]
    );
    assert_eq!(Action::COUNT, 3);
    assert_eq!(Action::CURRENT, [Action::Ping, Action::PingAll]);
    assert!(Action::Ping.is_current());
    assert!(Action::PingAll.is_current());
    assert!(!Action::PingEveryone.is_current());
    assert!(!<Action as IamAction>::is_current(Action::PingEveryone));
    assert_eq!(<Action as IamAction>::CURRENT, Action::CURRENT);
    // Its metadata is the earlier table's.
    assert_eq!(
        Action::PingEveryone.description(),
        "Grants permission to ping everyone"
    );
    assert_eq!(Action::PingEveryone.access_levels().to_string(), "Write");
    assert_eq!(Action::PingEveryone.resource_types().len(), 1);
}

/// It still parses, in any ASCII case, and round-trips through serde.
#[test]
fn removed_action_still_parses() {
    assert_eq!(
        "demo:PingEveryone".parse::<Action>().unwrap(),
        Action::PingEveryone
    );
    assert_eq!(
        "DEMO:pingeveryone".parse::<Action>().unwrap(),
        Action::PingEveryone
    );
    let json = serde_json::to_string(&Action::PingEveryone).unwrap();
    assert_eq!(json, "\"demo:PingEveryone\"");
    assert_eq!(
        serde_json::from_str::<Action>(&json).unwrap(),
        Action::PingEveryone
    );
}

/// No wildcard matches it (IAM no longer knows it); its own name still does.
#[test]
fn wildcards_leave_removed_action_out() {
    let all = ActionSet::matching(&pattern("demo:*"));
    assert_eq!(
        all.iter().collect::<Vec<_>>(),
        [Action::Ping, Action::PingAll]
    );
    let pings = ActionSet::matching(&pattern("demo:Ping*"));
    assert_eq!(
        pings.iter().collect::<Vec<_>>(),
        [Action::Ping, Action::PingAll]
    );
    assert!(
        ActionSet::matching(&pattern("*"))
            .iter()
            .all(Action::is_current)
    );
    assert!(ActionSet::matching(&pattern("demo:*Everyone")).is_empty());
    assert!(!Action::PingEveryone.matches(&pattern("demo:*")));
    assert!(Action::PingEveryone.matches(&pattern("demo:pingeveryone")));
    assert!(Action::PingAll.matches(&pattern("demo:*")));
    let named = ActionSet::matching(&pattern("demo:PingEveryone"));
    assert_eq!(named.iter().collect::<Vec<_>>(), [Action::PingEveryone]);
}

/// A compact list never relies on a wildcard to cover the removed action: it names it.
#[test]
fn compact_lists_name_removed_action() {
    assert_eq!(
        ActionSet::ALL.to_patterns(),
        ["demo:*", "demo:PingEveryone"]
    );
    let current = ActionSet::from_actions(Action::CURRENT);
    assert_eq!(current.to_patterns(), ["demo:*"]);
}

/// ECR removed no action between the seed (2022-11-10) and the current tables (2026-10-27), which the
/// ECR crate passes as `previous`: every action is current, and `ecr:*` expands to all 64. The seed's 43
/// action names, read from the seed module, are each an action of the current crate.
#[test]
fn ecr_has_no_deprecated_action() {
    assert_eq!(ecr_actions::Action::CURRENT, ecr_actions::Action::ALL);
    assert_eq!(ecr_actions::Action::CURRENT.len(), 64);
    assert!(ecr_actions::Action::ALL.iter().all(|a| a.is_current()));
    assert_eq!(
        ecr_actions::ActionSet::matching(&pattern("ecr:*")),
        ecr_actions::ActionSet::ALL
    );
    for seed in ecr_actions_tests::ecr_2022::Action::ALL {
        let now: ecr_actions::Action = seed.as_str().parse().unwrap();
        assert!(now.is_current(), "{seed} is current");
    }
}
