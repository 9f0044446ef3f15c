// An action named `ALL`: its variant would clash with the generated `Action::ALL`.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description     ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ ALL     │ Does everything │ Write        │                │                │
└─────────┴─────────────────┴──────────────┴────────────────┴────────────────┘
"),
}

fn main() {}
