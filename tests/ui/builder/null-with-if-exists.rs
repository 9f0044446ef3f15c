// `Null` has no `IfExists` form.
use ecr_actions::builder::{Condition, key};

fn main() {
    let _absent = Condition::null(key::SOURCE_VPC, true).if_exists();
}
