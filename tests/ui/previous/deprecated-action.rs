// An action an earlier table (`previous`) has and the current one lacks is `#[deprecated]`: naming it
// warns, with a note that says when it disappeared; here the warning is denied so the note shows.

#![deny(deprecated)]

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("
                                 Last updated: 2026-01-31T00:00:00+00:00
┏━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓
┃ Actions      ┃ Description          ┃ Resource types ┃ Condition keys ┃ Access level ┃
┡━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩
│ Ping         │ Grants permission to │ thing*         │                │ Read         │
│              │ ping a thing         │                │                │              │
└──────────────┴──────────────────────┴────────────────┴────────────────┴──────────────┘
"),
    previous = [inline("
                                 Last updated: 2025-06-30T00:00:00+00:00
┏━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓
┃ Actions      ┃ Description          ┃ Resource types ┃ Condition keys ┃ Access level ┃
┡━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩
│ Ping         │ Grants permission to │ thing*         │                │ Read         │
│              │ ping a thing         │                │                │              │
├──────────────┼──────────────────────┼────────────────┼────────────────┼──────────────┤
│ PingEveryone │ Grants permission to │ thing*         │                │ Write        │
│              │ ping everyone        │                │                │              │
└──────────────┴──────────────────────┴────────────────┴────────────────┴──────────────┘
")],
}

fn main() {
    let _current = Action::Ping;
    let _removed = Action::PingEveryone;
}
