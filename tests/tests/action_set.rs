//! `ActionSet` against a `BTreeSet<Action>` model, by access level, by pattern (against the pattern's
//! own matcher on each action), compaction (expanding the patterns gives the set back), serde, and
//! `actions!` in `const` items.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use std::collections::BTreeSet;

use ecr_actions::{AccessLevel, Action, ActionPattern, ActionSet, actions};
use proptest::prelude::*;

/// Sets of every density: sparse, half full, nearly full.
fn set_strategy() -> impl Strategy<Value = ActionSet> {
    prop_oneof![Just(0.08), Just(0.5), Just(0.92)].prop_flat_map(|density| {
        proptest::collection::vec(proptest::bool::weighted(density), Action::COUNT).prop_map(
            |picks| {
                Action::ALL
                    .iter()
                    .zip(picks)
                    .filter(|(_, pick)| *pick)
                    .map(|(a, _)| *a)
                    .collect()
            },
        )
    })
}

#[derive(Clone, Debug)]
enum Op {
    Insert(usize),
    Remove(usize),
    Union(ActionSet),
    Intersection(ActionSet),
    Difference(ActionSet),
    SymmetricDifference(ActionSet),
    Complement,
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..Action::COUNT).prop_map(Op::Insert),
        (0..Action::COUNT).prop_map(Op::Remove),
        set_strategy().prop_map(Op::Union),
        set_strategy().prop_map(Op::Intersection),
        set_strategy().prop_map(Op::Difference),
        set_strategy().prop_map(Op::SymmetricDifference),
        Just(Op::Complement),
    ]
}

fn model_of(set: ActionSet) -> BTreeSet<Action> {
    set.iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// A state machine: every operation on the set and on a `BTreeSet` model agree, and so do
    /// membership, size and table-order iteration after each step.
    #[test]
    #[allow(clippy::assign_op_pattern, reason = "the `|` and `^` operators themselves are under test")]
    fn behaves_like_a_btreeset(ops in proptest::collection::vec(op_strategy(), 1..40)) {
        let mut set = ActionSet::EMPTY;
        let mut model: BTreeSet<Action> = BTreeSet::new();
        let all: BTreeSet<Action> = Action::ALL.into_iter().collect();
        for op in ops {
            match op {
                Op::Insert(i) => prop_assert_eq!(set.insert(Action::ALL[i]), model.insert(Action::ALL[i])),
                Op::Remove(i) => prop_assert_eq!(set.remove(Action::ALL[i]), model.remove(&Action::ALL[i])),
                Op::Union(other) => {
                    set = set | other; // the operator itself is under test
                    model = model.union(&model_of(other)).copied().collect();
                }
                Op::Intersection(other) => {
                    set &= other;
                    model = model.intersection(&model_of(other)).copied().collect();
                }
                Op::Difference(other) => {
                    set -= other;
                    model = model.difference(&model_of(other)).copied().collect();
                }
                Op::SymmetricDifference(other) => {
                    set = set ^ other;
                    model = model.symmetric_difference(&model_of(other)).copied().collect();
                }
                Op::Complement => {
                    set = !set;
                    model = all.difference(&model).copied().collect();
                }
            }
            prop_assert_eq!(set.len(), model.len());
            prop_assert_eq!(set.is_empty(), model.is_empty());
            prop_assert_eq!(set.iter().collect::<Vec<_>>(), model.iter().copied().collect::<Vec<_>>());
            for action in Action::ALL {
                prop_assert_eq!(set.contains(action), model.contains(&action));
            }
        }
    }

    #[test]
    fn subset_relations_agree_with_the_model(a in set_strategy(), b in set_strategy()) {
        let (ma, mb) = (model_of(a), model_of(b));
        prop_assert_eq!(a.is_subset(&b), ma.is_subset(&mb));
        prop_assert_eq!(a.is_superset(&b), ma.is_superset(&mb));
        prop_assert_eq!(a.is_disjoint(&b), ma.is_disjoint(&mb));
        prop_assert_eq!(a == b, ma == mb);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    /// Compaction: the patterns match exactly the set, no fewer and no more actions.
    #[test]
    fn compaction_expands_back_to_the_set(set in set_strategy()) {
        let patterns = set.to_patterns();
        let mut expanded = ActionSet::EMPTY;
        for text in &patterns {
            let pattern: ActionPattern = text.parse().unwrap();
            let matched = ActionSet::matching(&pattern);
            prop_assert!(matched.is_subset(&set), "{text} reaches outside the set");
            prop_assert!(!matched.is_empty(), "{text} matches nothing");
            expanded |= matched;
        }
        prop_assert_eq!(expanded, set);
        prop_assert!(patterns.len() <= set.len());
    }
}

#[test]
fn empty_all_and_access_levels() {
    assert!(ActionSet::EMPTY.is_empty());
    assert_eq!(ActionSet::ALL.len(), Action::COUNT);
    assert_eq!(ActionSet::ALL.iter().collect::<Vec<_>>(), Action::ALL);
    assert_eq!(!ActionSet::ALL, ActionSet::EMPTY);
    for level in AccessLevel::ALL {
        let expected: ActionSet = Action::ALL
            .into_iter()
            .filter(|a| a.access_levels().contains(level))
            .collect();
        assert_eq!(ActionSet::with_access_level(level), expected, "{level}");
    }
    const WRITE: ActionSet = ActionSet::with_access_level(AccessLevel::Write);
    assert!(WRITE.contains(Action::PutImage));
    assert!(!WRITE.contains(Action::BatchGetImage));
    let counted: usize = AccessLevel::ALL
        .iter()
        .map(|l| ActionSet::with_access_level(*l).len())
        .sum();
    // Every action has a level; the 2026-10-27 table gives six actions two (`Permissions management,
    // Write`: DeleteRegistryPolicy, DeleteRepositoryPolicy, PutRegistryPolicy, SetRepositoryPolicy;
    // `Tagging, Write`: TagResource, UntagResource), and they count under both.
    let union = AccessLevel::ALL.iter().fold(ActionSet::EMPTY, |all, l| {
        all | ActionSet::with_access_level(*l)
    });
    assert_eq!(union, ActionSet::ALL, "every ECR action has a level");
    assert_eq!(counted, Action::COUNT + 6);
}

#[test]
fn matching_patterns() {
    let matching = |p: &str| ActionSet::matching(&p.parse().unwrap());
    assert_eq!(matching("*"), ActionSet::ALL);
    assert_eq!(matching("ecr:*"), ActionSet::ALL);
    assert_eq!(matching("ECR:*"), ActionSet::ALL);
    assert_eq!(matching("s3:*"), ActionSet::EMPTY);
    assert_eq!(
        matching("ecr:BatchGetImage"),
        ActionSet::from(Action::BatchGetImage)
    );
    let images = matching("ecr:*image*");
    for action in Action::ALL {
        assert_eq!(
            images.contains(action),
            action.name().to_lowercase().contains("image"),
            "{action}"
        );
        assert_eq!(
            action.matches(&"ecr:*Image*".parse().unwrap()),
            images.contains(action)
        );
    }
    assert_eq!(
        matching("ecr:Get*").len(),
        Action::ALL
            .iter()
            .filter(|a| a.name().starts_with("Get"))
            .count()
    );
    assert_eq!(matching("ecr:?utImage"), ActionSet::from(Action::PutImage));
}

#[test]
fn compaction_finds_the_one_pattern_when_there_is_one() {
    for pattern in [
        "ecr:Describe*",
        "ecr:Get*",
        "ecr:*Image*",
        "ecr:*Policy",
        "ecr:*",
    ] {
        let set = ActionSet::matching(&pattern.parse().unwrap());
        assert_eq!(set.to_patterns(), [pattern], "{pattern}");
    }
    assert_eq!(ActionSet::EMPTY.to_patterns(), Vec::<String>::new());
    assert_eq!(
        ActionSet::from(Action::PutImage).to_patterns(),
        ["ecr:PutImage"]
    );
    // Everything but one action: the rest cannot be `ecr:*`.
    let almost = ActionSet::ALL.without(Action::PutImage);
    let patterns = almost.to_patterns();
    assert!(!patterns.contains(&"ecr:*".to_owned()));
}

#[test]
fn const_sets_from_actions_macro() {
    const PULL: ActionSet = actions!(
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer",
        "ecr:BatchCheckLayerAvailability"
    );
    assert_eq!(
        PULL,
        ActionSet::from_actions(&[
            Action::BatchGetImage,
            Action::GetDownloadUrlForLayer,
            Action::BatchCheckLayerAvailability
        ])
    );
    let described = actions!("ecr:describe*", "ECR:DescribeImages");
    assert_eq!(
        described,
        ActionSet::matching(&"ecr:Describe*".parse().unwrap())
    );
    assert_eq!(actions!("*"), ActionSet::ALL);
}

#[test]
fn debug_and_serde() {
    let set = ActionSet::from_actions(&[Action::PutImage, Action::BatchGetImage]);
    assert_eq!(format!("{set:?}"), "{BatchGetImage, PutImage}");
    let json = serde_json::to_string(&set).unwrap();
    assert_eq!(json, r#"["ecr:BatchGetImage","ecr:PutImage"]"#);
    assert_eq!(serde_json::from_str::<ActionSet>(&json).unwrap(), set);
    assert!(serde_json::from_str::<ActionSet>(r#"["ecr:Nope"]"#).is_err());
}

#[test]
fn sets_of_any_generated_service() {
    use ecr_actions_tests::{demo, sqs};
    let send = sqs::ActionSet::matching(&"sqs:Send*".parse().unwrap());
    assert_eq!(send.iter().collect::<Vec<_>>(), [sqs::Action::SendMessage]);
    assert_eq!(sqs::ActionSet::ALL.len(), sqs::Action::COUNT);
    // An action of two access levels is in the set of each.
    let tagging = demo::ActionSet::with_access_level(AccessLevel::Tagging);
    let write = demo::ActionSet::with_access_level(AccessLevel::Write);
    assert!(tagging.contains(demo::Action::CreateWidget));
    assert!(write.contains(demo::Action::CreateWidget));
    assert_eq!(
        demo::Action::CreateWidget.access_levels().to_string(),
        "Tagging, Write"
    );
    assert_eq!(
        demo::Action::CreateWidget.access_level(),
        AccessLevel::Tagging
    );
    assert_eq!(demo::ActionSet::ALL.to_patterns(), ["demo:*"]);
}
