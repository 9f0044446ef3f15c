// Actions are typed: a string is not one (a typo would go unnoticed).
use ecr_actions::builder::StatementBuilder;

fn main() {
    let _pull = StatementBuilder::allow().action("ecr:BatchGetImage");
}
