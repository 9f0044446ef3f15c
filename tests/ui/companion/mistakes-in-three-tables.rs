// One mistake in each table, all reported: a ragged row in the actions table, a
// resource-types table without its `ARN` column, and the type `Strng`.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Ping    │ Says hello  │ Read         │ thing*                          │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
    resource_types = inline("
┏━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ thing          │                │
└────────────────┴────────────────┘
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
