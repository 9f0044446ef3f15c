//! The generated `ConditionKey` enum: its metadata in tables indexed by the variant, its impls, its docs.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{Context, alias, ident, option, strs, use_option_for};
use crate::docs;
use crate::model::Service;

/// The `ConditionKey` enum and its impls.
pub(super) fn expand(service: &Service, cx: &Context<'_>) -> TokenStream {
    let krate = cx.krate;
    let keys = &service.condition_keys;
    let count = keys.len();
    let variants: Vec<Ident> = keys.iter().map(|k| ident(&k.ident)).collect();
    let allows = super::camel_allows(&variants);
    let docs = keys.iter().map(docs::condition_key);
    let names = strs(keys.iter().map(|k| &k.name));
    let descriptions: Vec<Option<&String>> = keys.iter().map(|k| k.description.as_ref()).collect();
    let use_descriptions = use_option_for(&descriptions);
    let descriptions = descriptions.into_iter().map(option);
    let types: Vec<Option<Ident>> = keys
        .iter()
        .map(|k| k.value_type.map(|t| ident(t.variant())))
        .collect();
    let use_types = use_option_for(&types);
    let v = alias(
        types.iter().any(Option::is_some),
        "V",
        quote!(#krate::ConditionValueType),
    );
    let types = types.into_iter().map(|t| option(t.map(|t| quote!(V::#t))));
    let enum_doc = docs::condition_key_enum(service);
    quote! {
        #[doc = #enum_doc]
        #[non_exhaustive]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ConditionKey {
            #( #[doc = #docs] #allows #variants, )*
        }

        impl ConditionKey {
            /// Every condition key, in table order.
            pub const ALL: [Self; #count] = [#(Self::#variants),*];
            /// How many condition keys there are.
            pub const COUNT: usize = #count;

            const NAMES: [&'static str; #count] = [#(#names),*];
            const DESCRIPTIONS: [::core::option::Option<&'static str>; #count] = {
                #use_descriptions
                [#(#descriptions),*]
            };
            const VALUE_TYPES: [::core::option::Option<#krate::ConditionValueType>; #count] = {
                #use_types
                #v
                [#(#types),*]
            };

            /// The key as the table writes it, e.g. `aws:ResourceTag/${TagKey}`.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                Self::NAMES[self as usize]
            }

            /// The description from the condition-keys table; `None` without that table.
            #[must_use]
            pub const fn description(self) -> ::core::option::Option<&'static str> {
                Self::DESCRIPTIONS[self as usize]
            }

            /// The value type from the condition-keys table; `None` without that table.
            #[must_use]
            pub const fn value_type(self) -> ::core::option::Option<#krate::ConditionValueType> {
                Self::VALUE_TYPES[self as usize]
            }

            /// The key as the table writes it, in any ASCII case (IAM key names ignore case).
            #[must_use]
            pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                Self::NAMES
                    .iter()
                    .zip(Self::ALL)
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|(_, k)| k)
            }
        }

        impl ::core::fmt::Display for ConditionKey {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for ConditionKey {
            type Err = #krate::ParseNameError;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_name(s).ok_or_else(|| #krate::ParseNameError::__new("condition key", s, &Self::NAMES))
            }
        }

        impl #krate::service::IamConditionKey for ConditionKey {
            const ALL: &'static [Self] = &Self::ALL;

            fn as_str(self) -> &'static str { ConditionKey::as_str(self) }
            fn description(self) -> ::core::option::Option<&'static str> { ConditionKey::description(self) }
            fn value_type(self) -> ::core::option::Option<#krate::ConditionValueType> { ConditionKey::value_type(self) }
        }

        #krate::__serde_via_str!(ConditionKey, "a condition key such as `aws:TagKeys`");
    }
}
