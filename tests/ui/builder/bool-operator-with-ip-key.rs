// `aws:SourceIp` is an IPAddress key: `Bool` does not take it.
use ecr_actions::builder::{Condition, key};

fn main() {
    let _office = Condition::bool(key::SOURCE_IP, true);
}
