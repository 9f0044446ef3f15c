// A misspelt action name: the error is on the literal and suggests the action meant.
fn main() {
    let _pull = ecr_actions::actions!("ecr:BatchGetImage", "ecr:BatchGetImag");
}
