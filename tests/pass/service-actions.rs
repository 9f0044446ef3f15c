//! The `actions!` that each `iam_actions!` invocation generates, used as a user would: from the module,
//! from other modules by path, in `const` items, for two services and two invocations of one service,
//! and for an invocation at the crate root.

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
    /// In the module itself.
    pub const SEND: ActionSet = self::actions!("sqs:Send*");
}

/// The same service generated again elsewhere: its own `actions!`, its own `ActionSet`.
mod sqs_again {
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

/// Another service in the same crate.
pub mod queue_tools {
    pub mod sns {
        ecr_actions::iam_actions! {
            service = "sns",
            actions = inline("
┏━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Actions   ┃ Description              ┃ Access level ┃ Resource types (*required) ┃ Condition keys ┃
┡━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│ Publish   │ Grants permission to     │ Write        │ topic*                     │                │
│           │ publish a message        │              │                            │                │
├───────────┼──────────────────────────┼──────────────┼────────────────────────────┼────────────────┤
│ Subscribe │ Grants permission to     │ Write        │ topic*                     │                │
│           │ subscribe to a topic     │              │                            │                │
└───────────┴──────────────────────────┴──────────────┴────────────────────────────┴────────────────┘
"),
        }
    }

    pub mod uses {
        /// From a sibling module, through `super`, and from the crate root.
        pub const PUBLISH: super::sns::ActionSet = super::sns::actions!("sns:Publish");
        pub const RECEIVE: crate::sqs::ActionSet = crate::sqs::actions!("SQS:receivemessage");
    }
}

// At the crate root: `crate::actions!`.
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

const EVERYTHING: sqs::ActionSet = sqs::actions!("sqs:*");
const ROOT_SEND: ActionSet = crate::actions!("sqs:SendMessage");

fn main() {
    use queue_tools::uses::{PUBLISH, RECEIVE};
    assert_eq!(sqs::SEND.len(), 2);
    assert_eq!(sqs::SEND.as_written(), Some(&["sqs:Send*"][..]));
    assert!(sqs::SEND.contains(sqs::Action::SendMessageBatch));
    assert_eq!(EVERYTHING.len(), 3);
    assert_eq!(EVERYTHING - sqs::SEND, RECEIVE);
    assert_eq!(PUBLISH.iter().collect::<Vec<_>>(), [queue_tools::sns::Action::Publish]);
    let again: sqs_again::ActionSet = sqs_again::actions!("sqs:ReceiveMessage", "sqs:SendMessage");
    assert_eq!(again.len(), 2);
    assert_eq!(ROOT_SEND.iter().collect::<Vec<_>>(), [Action::SendMessage]);
    // Inside another macro's arguments, and with a trailing comma.
    assert_eq!(format!("{:?}", sqs::actions!("sqs:SendMessage",).expanded()), "{SendMessage}");
}
