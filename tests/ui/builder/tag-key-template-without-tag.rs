// `aws:ResourceTag/${TagKey}` is a template, not a key: it needs `.tag("team")` first.
use ecr_actions::builder::{Condition, key};

fn main() {
    let _team = Condition::string_equals(key::AWS_RESOURCE_TAG, "backend");
}
