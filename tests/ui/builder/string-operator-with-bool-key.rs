// `aws:SecureTransport` is a Bool key: the `String…` operators do not take it.
use ecr_actions::builder::{Condition, key};

fn main() {
    let _tls = Condition::string_equals(key::SECURE_TRANSPORT, "true");
}
