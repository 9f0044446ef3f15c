// A wildcard that matches no SQS action fails the build on that literal, with the nearest names.
mod sqs {
    ecr_actions::iam_actions! {
        service = "sqs",
        actions = inline("
┏━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions                 ┃ Description                      ┃ Access level ┃ Resource types (*required) ┃ Condition keys ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ ReceiveMessage          │ Grants permission to retrieve    │ Read         │ queue*                     │                │
│                         │ messages from the queue          │              │                            │                │
├─────────────────────────┼──────────────────────────────────┼──────────────┼────────────────────────────┼────────────────┤
│ SendMessage             │ Grants permission to deliver a   │ Write        │ queue*                     │                │
│                         │ message to the specified queue   │              │                            │                │
├─────────────────────────┼──────────────────────────────────┼──────────────┼────────────────────────────┼────────────────┤
│ SendMessageBatch        │ Grants permission to deliver up  │ Write        │ queue*                     │                │
│                         │ to ten messages to the queue     │              │                            │                │
└─────────────────────────┴──────────────────────────────────┴──────────────┴────────────────────────────┴────────────────┘
"),
    }
}

fn main() {
    let _set = crate::sqs::actions!("sqs:Recieve*");
}
