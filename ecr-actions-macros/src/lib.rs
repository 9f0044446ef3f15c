//! placeholder
#[proc_macro]
/// x
pub fn iam_actions(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    ecr_actions_codegen::expand(input.into()).into()
}
