// The setters consume the builder and return it: dropping the result loses the setting.
#![deny(unused_must_use)]
use ecr_actions::Action;
use ecr_actions::builder::StatementBuilder;

fn main() {
    let statement = StatementBuilder::allow();
    statement.clone().action(Action::BatchGetImage);
    let _ = statement;
}
