// An empty `actions!()` is almost certainly a mistake: `ActionSet::EMPTY` says it plainly.
fn main() {
    let _set = ecr_actions::actions!();
}
