// Two sub-rows of `Ping` with different descriptions.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ Says hello  │ Read         │ thing*         │                │
├─────────┼─────────────┼──────────────┼────────────────┼────────────────┤
│ Ping    │ Says hi     │ Read         │                │ aws:TagKeys    │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
}

fn main() {}
