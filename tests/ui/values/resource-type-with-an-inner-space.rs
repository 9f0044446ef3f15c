// A resource type holds no space: `repos itory**` is refused, never made a variant.

mod x {
    ecr_actions::iam_actions! {
        service = "demo",
        actions = inline("
┏━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Actions  ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys  ┃ Dependent actions ┃
┡━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ Foo      │ Does foo    │ Read         │ repos itory**  │                 │                   │
└──────────┴─────────────┴──────────────┴────────────────┴─────────────────┴───────────────────┘
"),
    }
}

fn main() {}
