// `aws:TagKeys` and `aws:tagkeys` are one condition key for IAM, which ignores the case of key names:
// distinct names never share an identifier, but these are not distinct.

mod x {
    ecr_actions::iam_actions! {
        service = "demo",
        actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Bar     │ Does bar    │ Read         │                │ aws:TagKeys    │
├─────────┼─────────────┼──────────────┼────────────────┼────────────────┤
│ Foo     │ Does foo    │ Write        │                │ aws:tagkeys    │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
    }
}

fn main() {}
