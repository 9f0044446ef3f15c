// No `actions` argument.

ecr_actions::iam_actions! {
    service = "demo",
}

fn main() {}
