// `Strng` is not a condition key type.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ Says hello  │ Read         │ thing*         │ aws:TagKeys    │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
    condition_keys = inline("
┏━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━┓
┃ Condition keys ┃ Description         ┃ Type  ┃
┡━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━┩
│ aws:TagKeys    │ Filters by tag keys │ Strng │
└────────────────┴─────────────────────┴───────┘
"),
}

fn main() {}
