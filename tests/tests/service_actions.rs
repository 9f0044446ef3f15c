//! The `actions!` of every `iam_actions!` invocation, used from another crate: this test crate calls
//! the macros that `ecr-actions-tests` (a library) generated in its public modules, as a library's users
//! would. What a pattern matches is checked against the IAM rule, not against the macro: IAM User
//! Guide, "IAM JSON policy elements: Action": "You can use wildcards (`*` or `?`) as part of the action
//! name", and action names are case-insensitive.

use ecr_actions_tests::{eks, sqs, sqs_snapshot};

/// The IAM names of the current actions of `all` whose name starts with `prefix` (what `<prefix>*`
/// matches), in table order.
fn starting_with<A: ecr_actions::service::IamAction>(all: &[A], prefix: &str) -> Vec<&'static str> {
    all.iter()
        .filter(|a| a.name().starts_with(prefix))
        .map(|a| a.as_str())
        .collect()
}

#[test]
fn a_library_s_actions_macro_works_in_its_users_crate() {
    const SEND: sqs::ActionSet = sqs::actions!("sqs:Send*");
    let names: Vec<&str> = SEND.iter().map(|a| a.as_str()).collect();
    assert_eq!(names, starting_with(sqs::Action::CURRENT, "Send"));
    assert!(!names.is_empty(), "{names:?}");
    assert_eq!(SEND.as_written(), Some(&["sqs:Send*"][..]));

    // Any ASCII case, several patterns, a trailing comma.
    let set = ecr_actions_tests::sqs::actions!("SQS:sendmessage", "sqs:Get*",);
    let mut expected = vec!["sqs:SendMessage"];
    expected.extend(starting_with(sqs::Action::CURRENT, "Get"));
    let mut names: Vec<&str> = set.iter().map(|a| a.as_str()).collect();
    names.sort_unstable();
    expected.sort_unstable();
    assert_eq!(names, expected);
}

#[test]
fn each_invocation_has_its_own_actions_macro_and_set_type() {
    // Two invocations for one service: the sets are of different types, with the same members.
    let here: sqs::ActionSet = sqs::actions!("sqs:*");
    let there: sqs_snapshot::ActionSet = sqs_snapshot::actions!("sqs:*");
    assert_eq!(here.len(), sqs::Action::CURRENT.len());
    assert_eq!(there.len(), sqs_snapshot::Action::CURRENT.len());
    // Another service in the same crate.
    let eks: eks::ActionSet = eks::actions!("eks:Describe*");
    let names: Vec<&str> = eks.iter().map(|a| a.as_str()).collect();
    assert_eq!(names, starting_with(eks::Action::CURRENT, "Describe"));
    assert!(!names.is_empty());
}

/// A library that names the runtime crate through itself (`crate = ::ecr_actions_tests::__ecr`), and
/// re-exports `actions` under another name: both reach its users.
#[test]
fn a_library_may_name_the_runtime_crate_through_itself_and_rename_actions() {
    use ecr_actions_tests::sqs_via_this_crate as sqs3;
    let set: sqs3::ActionSet = ecr_actions_tests::sqs_actions!("sqs:Send*");
    let names: Vec<&str> = set.iter().map(|a| a.as_str()).collect();
    assert_eq!(names, starting_with(sqs3::Action::CURRENT, "Send"));
    let direct: sqs3::ActionSet = sqs3::actions!("sqs:Send*");
    assert_eq!(set, direct);
    // The crate's own uses.
    assert_eq!(ecr_actions_tests::uses::SEND.len(), names.len());
    assert!(ecr_actions_tests::uses::RECEIVE.contains(sqs3::Action::ReceiveMessage));
}
