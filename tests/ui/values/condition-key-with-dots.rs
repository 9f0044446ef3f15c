// A condition key is `prefix:Name` with single separators: `aws:Tag...Keys` is refused.

mod x {
    ecr_actions::iam_actions! {
        service = "demo",
        actions = inline("
┏━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Actions  ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys  ┃ Dependent actions ┃
┡━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ Foo      │ Does foo    │ Read         │ repository*    │ aws:Tag...Keys  │                   │
└──────────┴─────────────┴──────────────┴────────────────┴─────────────────┴───────────────────┘
"),
    }
}

fn main() {}
