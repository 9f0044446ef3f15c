// A table path that does not exist. It is absolute so that the message, which
// shows the path looked for, is the same whatever the target folder.

ecr_actions::iam_actions! {
    service = "demo",
    actions = "/no/such/folder/ecr-actions.txt",
}

fn main() {}
