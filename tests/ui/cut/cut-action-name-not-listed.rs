// An action name cut with `…` and no `names` to give its full name.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions           ┃ Description    ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ GetRepositoryPol… │ Reads a policy │ Read         │ repository*    │                │
└───────────────────┴────────────────┴──────────────┴────────────────┴────────────────┘
"),
}

fn main() {}
