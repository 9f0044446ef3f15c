// An earlier table (`previous`) is checked as the current one is, and its errors name it.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ Says hello  │ Read         │ thing*         │                │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
    previous = [inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Pong    │ Says hello  │ Reed         │ thing*         │                │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
")],
}

fn main() {}
