// `names_for` gives fewer values than the action has cut cells: the cell left without one is named.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions     ┃ Description  ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ TagResource │ Tags a thing │ Tagging      │ pipeline-conf… │ demo:Resource… │
└─────────────┴──────────────┴──────────────┴────────────────┴────────────────┘
"),
    names_for = { "TagResource" = ["pipeline-configuration*"] },
}

fn main() {}
