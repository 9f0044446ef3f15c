// A pattern is a string literal.
fn main() {
    let _set = ecr_actions::actions!(42);
}
