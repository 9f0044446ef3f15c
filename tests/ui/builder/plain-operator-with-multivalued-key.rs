// `aws:TagKeys` is multivalued (`ArrayOfString`): it takes `ForAnyValue:`/`ForAllValues:` only.
use ecr_actions::builder::{Condition, key};

fn main() {
    let _tags = Condition::string_like(key::AWS_TAG_KEYS, "team");
}
