// `aws:SourceVpc` is single-valued: a set operator (`ForAnyValue:`) does not take it.
use ecr_actions::builder::{Condition, key};

fn main() {
    let _vpc = Condition::for_any_value_string_equals(key::SOURCE_VPC, ["vpc-1", "vpc-2"]);
}
