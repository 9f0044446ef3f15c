// A cut condition key that fits two listed names.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions     ┃ Description  ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ TagResource │ Tags a thing │ Tagging      │ thing*         │ demo:Resource… │
└─────────────┴──────────────┴──────────────┴────────────────┴────────────────┘
"),
    names = ["demo:ResourceTag/${TagKey}", "demo:ResourceArn"],
}

fn main() {}
