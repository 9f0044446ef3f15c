// A column the actions table does not know: `Notes`.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃ Notes ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━┩
│ Ping    │ Says hello  │ Read         │ thing*         │                │ hi    │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┴───────┘
"),
}

fn main() {}
