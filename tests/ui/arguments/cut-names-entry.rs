// An entry of `names` that is cut with `…` itself.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
┏━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions           ┃ Description    ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ GetRepositoryPol… │ Reads a policy │ Read         │ repository*    │                │
└───────────────────┴────────────────┴──────────────┴────────────────┴────────────────┘
"),
    names = ["GetRepositoryPol…"],
}

fn main() {}
