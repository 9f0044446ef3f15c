//! The generated `ResourceType` enum: its metadata in tables indexed by the variant, its impls, its docs.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{Context, Idents, alias, ident, option, strs, use_option_for};
use crate::docs;
use crate::model::Service;

/// The `ResourceType` enum and its impls.
pub(super) fn expand(service: &Service, cx: &Context<'_>) -> TokenStream {
    let krate = cx.krate;
    let types = &service.resource_types;
    let count = types.len();
    let variants: Vec<Ident> = types.iter().map(|t| ident(&t.ident)).collect();
    let allows = super::camel_allows(&variants);
    // A type only the resource-types table names has no users: zero is a count here, not a fallback.
    let users = docs::users(service);
    let docs = types
        .iter()
        .map(|t| docs::resource_type(t, users.get(t.name.as_str()).copied().unwrap_or(0)));
    let names = strs(types.iter().map(|t| &t.name));
    let arn_formats: Vec<Option<&String>> = types.iter().map(|t| t.arn_format.as_ref()).collect();
    let use_arn = use_option_for(&arn_formats);
    let arns = arn_formats.into_iter().map(option);
    let idents = Idents::of(service);
    let keys = types.iter().map(|t| {
        let keys = t.condition_keys.iter().map(|k| idents.condition_key(k));
        quote!(&[#(K::#keys),*])
    });
    let k = alias(
        types.iter().any(|t| !t.condition_keys.is_empty()),
        "K",
        quote!(ConditionKey),
    );
    let enum_doc = docs::resource_type_enum(service);
    quote! {
        #[doc = #enum_doc]
        #[non_exhaustive]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ResourceType {
            #( #[doc = #docs] #allows #variants, )*
        }

        impl ResourceType {
            /// Every resource type, in table order.
            pub const ALL: [Self; #count] = [#(Self::#variants),*];
            /// How many resource types there are.
            pub const COUNT: usize = #count;

            const NAMES: [&'static str; #count] = [#(#names),*];
            const ARN_FORMATS: [::core::option::Option<&'static str>; #count] = {
                #use_arn
                [#(#arns),*]
            };
            const CONDITION_KEYS: [&'static [ConditionKey]; #count] = {
                #k
                [#(#keys),*]
            };

            /// The resource type's name, e.g. `repository`.
            #[must_use]
            pub const fn name(self) -> &'static str {
                Self::NAMES[self as usize]
            }

            /// The ARN format from the resource-types table, e.g.
            /// `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`; `None` when the macro
            /// was given no resource-types table.
            #[must_use]
            pub const fn arn_format(self) -> ::core::option::Option<&'static str> {
                Self::ARN_FORMATS[self as usize]
            }

            /// The condition keys the resource-types table gives the type (empty without that table).
            #[must_use]
            pub const fn condition_keys(self) -> &'static [ConditionKey] {
                Self::CONDITION_KEYS[self as usize]
            }

            /// The resource type of a name, in any ASCII case.
            #[must_use]
            pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                Self::NAMES
                    .iter()
                    .zip(Self::ALL)
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|(_, t)| t)
            }
        }

        impl ::core::fmt::Display for ResourceType {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::core::str::FromStr for ResourceType {
            type Err = #krate::ParseNameError;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_name(s).ok_or_else(|| #krate::ParseNameError::__new("resource type", s, &Self::NAMES))
            }
        }

        impl #krate::service::IamResourceType for ResourceType {
            type ConditionKey = ConditionKey;
            const ALL: &'static [Self] = &Self::ALL;

            fn name(self) -> &'static str { ResourceType::name(self) }
            fn arn_format(self) -> ::core::option::Option<&'static str> { ResourceType::arn_format(self) }
            fn condition_keys(self) -> &'static [ConditionKey] { ResourceType::condition_keys(self) }
        }

        #krate::__serde_via_str!(ResourceType, "a resource type name such as `repository`");
    }
}
