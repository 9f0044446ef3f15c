// A pattern that matches no ECR action: the error suggests the names nearest to what it spells.
fn main() {
    let _reads = ecr_actions::actions!("ecr:Gte*");
}
