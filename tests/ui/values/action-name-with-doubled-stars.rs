// An action name is letters and digits (single `-` or `_` between them): `Get**` is refused.

mod x {
    ecr_actions::iam_actions! {
        service = "demo",
        actions = inline("
┏━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Actions  ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys  ┃ Dependent actions ┃
┡━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ Get**    │ Does foo    │ Read         │ repository*    │                 │                   │
└──────────┴─────────────┴──────────────┴────────────────┴─────────────────┴───────────────────┘
"),
    }
}

fn main() {}
