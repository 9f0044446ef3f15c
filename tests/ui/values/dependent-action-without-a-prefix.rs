// A dependent action is `prefix:Action`: `PassRole` alone is refused.

mod x {
    ecr_actions::iam_actions! {
        service = "demo",
        actions = inline("
┏━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Actions  ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys  ┃ Dependent actions ┃
┡━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ Foo      │ Does foo    │ Read         │ repository*    │                 │ PassRole          │
└──────────┴─────────────┴──────────────┴────────────────┴─────────────────┴───────────────────┘
"),
    }
}

fn main() {}
