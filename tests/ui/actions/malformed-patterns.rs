// Malformed patterns are reported together, each on its own literal.
fn main() {
    let _set = ecr_actions::actions!("ecr:Get:Image", "GetAuthorizationToken", "ecr: Put*");
}
