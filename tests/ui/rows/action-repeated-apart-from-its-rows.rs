// `Ping` appears again after `Pong`, apart from its first row.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ Says hello  │ Read         │ thing*         │                │
├─────────┼─────────────┼──────────────┼────────────────┼────────────────┤
│ Pong    │ Says bye    │ Write        │ thing*         │                │
├─────────┼─────────────┼──────────────┼────────────────┼────────────────┤
│ Ping    │ Says hello  │ Read         │                │ aws:TagKeys    │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
}

fn main() {}
