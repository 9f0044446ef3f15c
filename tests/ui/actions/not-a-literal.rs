// Patterns are checked at compile time, so they must be literals.
fn main() {
    let pattern = "ecr:Get*";
    let _set = ecr_actions::actions!(pattern);
}
