// `actions!` builds a set of ECR actions: a pattern of another service cannot add to it.
fn main() {
    let _set = ecr_actions::actions!("s3:GetObject");
}
