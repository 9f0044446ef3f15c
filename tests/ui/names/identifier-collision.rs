// `Foo-Bar` and `FooBar` both become the variant `FooBar`.

mod x {
    ecr_actions::iam_actions! {
        service = "demo",
        actions = inline("
┏━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions ┃ Description ┃ Access level ┃ Resource types ┃ Condition keys ┃
┡━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Foo-Bar │ Does foo    │ Read         │                │                │
├─────────┼─────────────┼──────────────┼────────────────┼────────────────┤
│ FooBar  │ Does bar    │ Write        │                │                │
└─────────┴─────────────┴──────────────┴────────────────┴────────────────┘
"),
    }
}

fn main() {}
