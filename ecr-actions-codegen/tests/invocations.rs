//! Two invocations for one service in one crate: the hidden helper macro each exports at the crate root
//! has a name of its own, fixed by the invocation's call site.

use quote::quote;

/// The name of the `#[macro_export] macro_rules!` an expansion defines.
fn exported(tokens: &str) -> Vec<String> {
    let words: Vec<&str> = tokens.split_whitespace().collect();
    words
        .windows(3)
        .filter(|w| w.first() == Some(&"macro_rules") && w.get(1) == Some(&"!"))
        .filter_map(|w| w.get(2).map(|s| (*s).to_owned()))
        .collect()
}

const TABLE: &str = "
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ Says hello  │ Read         │                │                │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
";

#[test]
fn each_site_exports_its_own_helper_and_the_runtime_crate_the_fixed_one() {
    let input = quote!(service = "demo-x", actions = inline(#TABLE));
    let here = ecr_actions_codegen::expand_at(input.clone(), "src/a.rs:3:1").to_string();
    let there = ecr_actions_codegen::expand_at(input.clone(), "src/b.rs:3:1").to_string();
    let again = ecr_actions_codegen::expand_at(input, "src/a.rs:3:1").to_string();
    assert!(!here.contains("compile_error"), "{here}");
    // Each re-exports its helper as `actions`, and keys its `ActionSet` (`SetOf`) apart from the other.
    let site_key = |tokens: &str| {
        tokens
            .split("Site < ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .map(str::to_owned)
    };
    assert!(here.contains("as actions ;"), "{here}");
    assert!(site_key(&here).is_some());
    assert_ne!(site_key(&here), site_key(&there));
    assert_eq!(site_key(&here), site_key(&again));
    let (here, there, again) = (exported(&here), exported(&there), exported(&again));
    assert_eq!(here.len(), 1, "{here:?}");
    assert_eq!(there.len(), 1, "{there:?}");
    assert_ne!(here, there);
    // The same invocation gets the same name in every build.
    assert_eq!(here, again);
    assert!(
        here.iter().all(|n| n.starts_with("__iam_actions_demo_x_")),
        "{here:?}"
    );

    let runtime = quote!(service = "demo-x", actions = inline(#TABLE), crate = crate);
    let fixed = exported(&ecr_actions_codegen::expand_at(runtime, "src/a.rs:3:1").to_string());
    assert_eq!(fixed, ["__iam_actions_demo_x"]);
}
