// The `Numeric…` operators take numbers, not text.
use ecr_actions::builder::{Condition, key};

fn main() {
    let _recent = Condition::numeric_less_than(key::MULTI_FACTOR_AUTH_AGE, "3600");
}
