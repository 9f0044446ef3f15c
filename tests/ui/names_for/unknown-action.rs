// `names_for` names an action the table does not have.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions     ┃ Description  ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ TagResource │ Tags a thing │ Tagging      │ pipeline-conf… │ demo:Resource… │
└─────────────┴──────────────┴──────────────┴────────────────┴────────────────┘
"),
    names_for = { "TagResources" = ["pipeline-configuration*", "demo:ResourceArn"] },
}

fn main() {}
