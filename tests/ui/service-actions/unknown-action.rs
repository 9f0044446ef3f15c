// A misspelt action in the `actions!` that `iam_actions!` generated for SQS: the error is on the
// literal and suggests the action meant.
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
    let _send = sqs::actions!("sqs:SendMessage", "sqs:SendMesage");
}
