// Text with no box-drawn table in it.

ecr_actions::iam_actions! {
    service = "demo",
    actions = inline("Actions: Ping (Read), Pong (Write)"),
}

fn main() {}
