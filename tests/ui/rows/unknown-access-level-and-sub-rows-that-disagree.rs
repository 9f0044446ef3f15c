// Two independent mistakes, both reported: the access level `Reed`, and a second
// sub-row of `Ping` whose description differs from the first.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ Says hello  │ Reed         │ thing*         │                │
├─────────┼─────────────┼──────────────┼────────────────┼────────────────┤
│ Ping    │ Says hi     │ Reed         │                │ aws:TagKeys    │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
}

fn main() {}
