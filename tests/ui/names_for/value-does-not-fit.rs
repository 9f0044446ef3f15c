// A `names_for` value that does not start with its cell's visible text (values are in table order).

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions     ┃ Description  ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ TagResource │ Tags a thing │ Tagging      │ pipeline-conf… │ demo:Resource… │
└─────────────┴──────────────┴──────────────┴────────────────┴────────────────┘
"),
    names_for = { "TagResource" = ["demo:ResourceArn", "pipeline-configuration*"] },
}

fn main() {}
