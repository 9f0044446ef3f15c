// A row with 4 cells under a header of 5 columns.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ Says hello  │ Read         │ thing*                          │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
}

fn main() {}
