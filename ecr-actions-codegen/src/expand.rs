//! The generated Rust: the `Action`, `ResourceType` and `ConditionKey` enums, their metadata tables,
//! their trait impls, and their docs.

use std::collections::HashMap;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::docs;
use crate::model::{Action, Service};

mod actions_macro;
mod condition_key;
mod resource_type;

/// What the generated code needs besides the model.
pub struct Context<'a> {
    /// The path of the runtime crate, e.g. `::ecr_actions`.
    pub krate: &'a syn::Path,
    /// Absolute paths of the table files, for `include_str!` (so that cargo rebuilds when they change).
    pub files: &'a [String],
    /// What tells this invocation from every other one in the crate: its call site and arguments. The
    /// hidden `macro_rules!` behind `actions!`-style macros is exported at the crate root, where two
    /// invocations for one service would clash; its name carries a hash of this text.
    pub site: &'a str,
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// `#[allow(non_camel_case_types)]` for each variant that has an exact identifier (with `_`, see
/// [`crate::ident`]), so that it does not warn in the invoking crate.
fn camel_allows(variants: &[Ident]) -> Vec<Option<TokenStream>> {
    variants
        .iter()
        .map(|v| {
            v.to_string().contains('_').then(|| {
                quote!(#[allow(
                    non_camel_case_types,
                    reason = "an exact identifier keeps the name's separators apart"
                )])
            })
        })
        .collect()
}

fn strs<'s>(items: impl IntoIterator<Item = &'s String>) -> Vec<Literal> {
    items.into_iter().map(|s| Literal::string(s)).collect()
}

/// The whole expansion for one service.
pub fn expand(service: &Service, cx: &Context<'_>) -> TokenStream {
    let files = cx.files.iter().map(|f| {
        let f = Literal::string(f);
        quote!(
            const _: &str = ::core::include_str!(#f);
        )
    });
    let krate = cx.krate;
    let actions = expand_actions(service, cx);
    let resource_types = resource_type::expand(service, cx);
    let condition_keys = condition_key::expand(service, cx);
    let last_updated = match &service.last_updated {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    };
    let last_updated_doc = format!(
        "When AWS last updated the `{}` actions table this module was generated from (its `Last updated` title).",
        service.prefix
    );
    let use_doc = format!(
        "A resource type as an [`Action`] of `{}` uses it: required or not, with its condition keys and dependent actions.",
        service.prefix
    );
    quote! {
        #(#files)*

        #[doc = #last_updated_doc]
        pub const LAST_UPDATED: ::core::option::Option<&str> = #last_updated;

        #[doc = #use_doc]
        pub type ResourceTypeUse = #krate::service::ResourceTypeUse<ResourceType, ConditionKey>;

        #actions
        #resource_types
        #condition_keys
    }
}

/// The resource types of one action, inside a block that names `ResourceTypeUse::__new` `u`, the
/// `ResourceType` enum `R` and the `ConditionKey` enum `K` (see [`resource_uses_table`]): short paths
/// keep the tokens per action few, which is most of the macro's memory on a large table.
fn action_resource_uses(action: &Action, idents: &Idents<'_>) -> TokenStream {
    let uses = action.resource_types.iter().map(|r| {
        let variant = idents.resource_type(&r.name);
        let required = r.required;
        let keys = r.condition_keys.iter().map(|k| idents.condition_key(k));
        let deps = strs(&r.dependent_actions);
        quote!(u(R::#variant, #required, &[#(K::#keys),*], &[#(#deps),*]))
    });
    quote!(&[#(#uses),*])
}

/// `Action::RESOURCE_TYPES`: the slice of each action, in a block whose short names its entries use.
fn resource_uses_table(service: &Service, cx: &Context<'_>) -> TokenStream {
    let krate = cx.krate;
    let count = service.actions.len();
    let idents = Idents::of(service);
    let uses = service
        .actions
        .iter()
        .map(|a| action_resource_uses(a, &idents));
    let mut used = service.actions.iter().flat_map(|a| &a.resource_types);
    let any_use = used.clone().next().is_some();
    let r = alias(any_use, "R", quote!(ResourceType));
    let k = alias(
        used.any(|r| !r.condition_keys.is_empty()),
        "K",
        quote!(ConditionKey),
    );
    let u = any_use.then(|| {
        quote! {
            const fn u(
                resource_type: ResourceType,
                required: bool,
                condition_keys: &'static [ConditionKey],
                dependent_actions: &'static [&'static str],
            ) -> ResourceTypeUse {
                #krate::service::ResourceTypeUse::__new(resource_type, required, condition_keys, dependent_actions)
            }
        }
    });
    quote! {
        const RESOURCE_TYPES: [&'static [ResourceTypeUse]; #count] = {
            #r
            #k
            #u
            [#(#uses),*]
        };
    }
}

/// `Action::ACCESS_LEVEL_SETS` (each distinct list of levels once) and `Action::ACCESS_OF` (each action's
/// entry in it): a number per action instead of a constructor call.
fn access_tables(service: &Service, cx: &Context<'_>) -> TokenStream {
    let krate = cx.krate;
    let mut sets: Vec<&[crate::model::AccessLevel]> = Vec::new();
    let mut index: HashMap<&[crate::model::AccessLevel], u16> = HashMap::new();
    let of: Vec<Literal> = service
        .actions
        .iter()
        .map(|a| {
            let levels = a.access_levels.as_slice();
            // At most 325 distinct lists exist (ordered choices of 1 to 5 of the 5 levels, no repeat).
            let at = *index.entry(levels).or_insert_with(|| {
                let at = u16::try_from(sets.len()).unwrap_or(u16::MAX);
                sets.push(levels);
                at
            });
            Literal::u16_unsuffixed(at)
        })
        .collect();
    let set_count = sets.len();
    let count = service.actions.len();
    let sets = sets.iter().map(|levels| {
        let mut levels = levels.iter().map(|l| ident(l.variant()));
        // The model holds at least one level per action: a table without one never reaches expansion.
        let first = levels.next().unwrap_or_else(|| ident("Read"));
        quote!(#krate::AccessLevels::__from_table(#krate::AccessLevel::#first, &[#(#krate::AccessLevel::#levels),*]))
    });
    quote! {
        const ACCESS_LEVEL_SETS: [#krate::AccessLevels; #set_count] = [#(#sets),*];
        const ACCESS_OF: [u16; #count] = [#(#of),*];
    }
}

/// A short name for a type inside a table's block, only where the block uses it (an unused alias would
/// warn in the invoking crate).
fn alias(used: bool, name: &str, ty: TokenStream) -> Option<TokenStream> {
    let name = ident(name);
    used.then(|| quote!(type #name = #ty;))
}

/// `use ::core::option::Option::{None, Some}` for a table's block, each only where the block uses it.
pub(crate) fn use_option(some: bool, none: bool) -> TokenStream {
    let names = [(some, "Some"), (none, "None")]
        .into_iter()
        .filter(|(used, _)| *used)
        .map(|(_, name)| ident(name));
    if some || none {
        quote!(use ::core::option::Option::{#(#names),*};)
    } else {
        TokenStream::new()
    }
}

/// The identifiers `ident::assign_*` gave the resource types and condition keys, by name.
pub(crate) struct Idents<'s> {
    resource_types: HashMap<&'s str, &'s str>,
    condition_keys: HashMap<&'s str, &'s str>,
}

impl<'s> Idents<'s> {
    pub(crate) fn of(service: &'s Service) -> Self {
        Self {
            resource_types: service
                .resource_types
                .iter()
                .map(|t| (t.name.as_str(), t.ident.as_str()))
                .collect(),
            condition_keys: service
                .condition_keys
                .iter()
                .map(|k| (k.name.as_str(), k.ident.as_str()))
                .collect(),
        }
    }

    /// The variant of a resource type the model names; `Service::checked` made one for each.
    pub(crate) fn resource_type(&self, name: &str) -> Ident {
        // Fail closed: a name without one would make code that names no variant and does not compile.
        ident(
            self.resource_types
                .get(name)
                .copied()
                .unwrap_or("__NoVariant"),
        )
    }

    /// The variant of a condition key the model names; `Service::checked` made one for each.
    pub(crate) fn condition_key(&self, name: &str) -> Ident {
        // Fail closed, as above.
        ident(
            self.condition_keys
                .get(name)
                .copied()
                .unwrap_or("__NoVariant"),
        )
    }
}

fn expand_actions(service: &Service, cx: &Context<'_>) -> TokenStream {
    let krate = cx.krate;
    let prefix = &service.prefix;
    let count = service.actions.len();
    let variants: Vec<Ident> = service.actions.iter().map(|a| ident(&a.ident)).collect();
    let allows = camel_allows(&variants);
    // Actions only earlier tables (`previous`) have come last: deprecated, and current ones first so
    // that `index() < CURRENT.len()` tells them apart.
    let current_count = count.saturating_sub(service.removed_after.len());
    let now = service
        .last_updated
        .as_deref()
        .and_then(|text| text.split('T').next())
        .map_or_else(String::new, |date| format!(" of {date}"));
    let deprecations: Vec<TokenStream> = service
        .actions
        .iter()
        .enumerate()
        .map(|(index, action)| {
            match index
                .checked_sub(current_count)
                .and_then(|i| service.removed_after.get(i))
            {
                Some(after) => {
                    let note = format!(
                        "`{prefix}:{}` disappeared after the table of {after}: the current table{now} \
                         lacks it, so IAM no longer knows it and no wildcard matches it; remove it \
                         from your policies",
                        action.name
                    );
                    quote!(#[deprecated(note = #note)])
                }
                None => TokenStream::new(),
            }
        })
        .collect();
    let current_variants = variants.get(..current_count).unwrap_or_default();
    let current_lit = Literal::usize_unsuffixed(current_count);
    let docs = service.actions.iter().map(|a| docs::action(service, a));
    let names = strs(service.actions.iter().map(|a| &a.name));
    let lowercase: Vec<String> = service
        .actions
        .iter()
        .map(|a| a.name.to_ascii_lowercase())
        .collect();
    let names_lower = strs(&lowercase);
    let words = count.div_ceil(64);
    let words_lit = Literal::usize_unsuffixed(words);
    let count_lit = Literal::usize_unsuffixed(count);
    let actions_macro = actions_macro::expand(service, &names, cx);
    let iam_names: Vec<String> = service
        .actions
        .iter()
        .map(|a| format!("{prefix}:{}", a.name))
        .collect();
    let iam_literals = strs(&iam_names);
    let descriptions = strs(service.actions.iter().map(|a| &a.description));
    let access = access_tables(service, cx);
    let resource_uses = resource_uses_table(service, cx);
    let idents = Idents::of(service);
    let condition_keys = service.actions.iter().map(|a| {
        let keys = a.condition_keys.iter().map(|k| idents.condition_key(k));
        quote!(&[#(K::#keys),*])
    });
    let k = alias(
        service.actions.iter().any(|a| !a.condition_keys.is_empty()),
        "K",
        quote!(ConditionKey),
    );
    let dependent_actions = service.actions.iter().map(|a| {
        let deps = strs(&a.dependent_actions);
        quote!(&[#(#deps),*])
    });
    let full_names = strs(&service.names);
    let lookup = crate::lookup::lookup(service, &variants, cx.krate);
    let enum_doc = docs::action_enum(service);
    let service_doc = format!("The IAM service prefix: `{prefix}`.");
    let prefix_lit = Literal::string(prefix);

    quote! {
        #[doc = #enum_doc]
        #[non_exhaustive]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            #( #[doc = #docs] #allows #deprecations #variants, )*
        }

        // Deprecated variants (actions only `previous` tables have) are named here on purpose.
        #[allow(deprecated)]
        impl Action {
            /// Every action, in table order: the current table's actions, then those only earlier
            /// tables (the macro's `previous` argument) have, which are `#[deprecated]`.
            pub const ALL: [Self; #count] = [#(Self::#variants),*];
            /// How many actions there are, deprecated ones included.
            pub const COUNT: usize = #count;
            /// The actions the current table has, in table order: those IAM knows, and the only ones a
            /// wildcard such as `ecr:*` matches. `ALL` without the deprecated actions of earlier tables.
            pub const CURRENT: &'static [Self] = &[#(Self::#current_variants),*];
            #[doc = #service_doc]
            pub const SERVICE: &'static str = #prefix_lit;

            const NAMES: [&'static str; #count] = [#(#names),*];
            const NAMES_LOWER: [&'static str; #count] = [#(#names_lower),*];
            const IAM_NAMES: [&'static str; #count] = [#(#iam_literals),*];
            const DESCRIPTIONS: [&'static str; #count] = [#(#descriptions),*];
            #access
            #resource_uses
            const CONDITION_KEYS: [&'static [ConditionKey]; #count] = {
                #k
                [#(#condition_keys),*]
            };
            const DEPENDENT_ACTIONS: [&'static [&'static str]; #count] = [#(#dependent_actions),*];
            const FULL_NAMES: &'static [&'static str] = &[#(#full_names),*];

            /// The action's position in table order, `0..Action::COUNT`.
            #[must_use]
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The action at a position in table order, `None` past the end.
            #[must_use]
            pub const fn from_index(index: usize) -> ::core::option::Option<Self> {
                if index < #count {
                    ::core::option::Option::Some(Self::ALL[index])
                } else {
                    ::core::option::Option::None
                }
            }

            /// Whether the current table has the action (IAM knows it); `false` for a `#[deprecated]`
            /// action only an earlier table (the macro's `previous` argument) has.
            #[must_use]
            pub const fn is_current(self) -> bool {
                (self as usize) < #current_lit
            }

            /// The action name, without the service prefix, e.g. `BatchGetImage`.
            #[must_use]
            pub const fn name(self) -> &'static str {
                Self::NAMES[self as usize]
            }

            /// The action name in ASCII lowercase, e.g. `batchgetimage`.
            #[must_use]
            pub const fn name_lowercase(self) -> &'static str {
                Self::NAMES_LOWER[self as usize]
            }

            /// Whether an IAM action pattern (`ecr:Get*`, `*`) matches this action, ignoring ASCII case as
            /// IAM does. A pattern of another service matches no action of this one, and a wildcard
            /// matches no deprecated action of an earlier table (`previous`): IAM no longer knows it.
            #[must_use]
            pub fn matches(self, pattern: &#krate::ActionPattern) -> bool {
                pattern.may_match_service(Self::SERVICE)
                    && (self.is_current() || pattern.is_literal())
                    && pattern.matches_name_folded(self.name_lowercase())
            }

            /// The IAM action string, e.g. `ecr:BatchGetImage`; [`Display`](::core::fmt::Display) prints it.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                Self::IAM_NAMES[self as usize]
            }

            /// What the action grants, as the table describes it.
            #[must_use]
            pub const fn description(self) -> &'static str {
                Self::DESCRIPTIONS[self as usize]
            }

            /// Every access level the table names for the action, in table order.
            #[must_use]
            pub const fn access_levels(self) -> #krate::AccessLevels {
                Self::ACCESS_LEVEL_SETS[Self::ACCESS_OF[self as usize] as usize]
            }

            /// The first access level the table names for the action.
            #[must_use]
            pub const fn access_level(self) -> #krate::AccessLevel {
                self.access_levels().first()
            }

            /// The resource types the action works on, each with whether it is required and with the
            /// condition keys and dependent actions that go with it. Empty for an action that takes no
            /// resource (its policy `Resource` is `*`).
            #[must_use]
            pub const fn resource_types(self) -> &'static [ResourceTypeUse] {
                Self::RESOURCE_TYPES[self as usize]
            }

            /// The action-level condition keys: those that apply whatever the resource.
            #[must_use]
            pub const fn condition_keys(self) -> &'static [ConditionKey] {
                Self::CONDITION_KEYS[self as usize]
            }

            /// The action-level dependent actions: other permissions a caller needs for this action.
            #[must_use]
            pub const fn dependent_actions(self) -> &'static [&'static str] {
                Self::DEPENDENT_ACTIONS[self as usize]
            }

            /// Finds the action of an IAM action string in any ASCII case, e.g. `ecr:batchgetimage`;
            /// [`str::parse`] does the same and explains a miss.
            #[must_use]
            #[inline]
            pub fn lookup(iam_name: &str) -> ::core::option::Option<Self> {
                #lookup
            }
        }

        /// Prints the IAM action string, [`Action::as_str`].
        impl ::core::fmt::Display for Action {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Parses an IAM action string in any ASCII case, as IAM matches action names; the error names
        /// the input and suggests the nearest actions.
        impl ::core::str::FromStr for Action {
            type Err = #krate::ParseActionError;

            #[inline]
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                match Self::lookup(s) {
                    ::core::option::Option::Some(action) => ::core::result::Result::Ok(action),
                    ::core::option::Option::None => ::core::result::Result::Err(
                        #krate::ParseActionError::__new(s, #prefix_lit, &Self::IAM_NAMES),
                    ),
                }
            }
        }

        impl ::core::convert::From<Action> for &'static str {
            fn from(action: Action) -> Self {
                action.as_str()
            }
        }

        impl #krate::service::IamAction for Action {
            type ResourceType = ResourceType;
            type ConditionKey = ConditionKey;
            type Set = ActionSet;
            const SERVICE: &'static str = #prefix_lit;
            const ALL: &'static [Self] = &Self::ALL;
            const CURRENT: &'static [Self] = Self::CURRENT;
            const FULL_NAMES: &'static [&'static str] = Self::FULL_NAMES;
            const LAST_UPDATED: ::core::option::Option<&'static str> = LAST_UPDATED;

            fn index(self) -> usize { Action::index(self) }
            fn name(self) -> &'static str { Action::name(self) }
            fn name_lowercase(self) -> &'static str { Action::name_lowercase(self) }
            fn as_str(self) -> &'static str { Action::as_str(self) }
            fn description(self) -> &'static str { Action::description(self) }
            fn access_levels(self) -> #krate::AccessLevels { Action::access_levels(self) }
            fn resource_types(self) -> &'static [ResourceTypeUse] { Action::resource_types(self) }
            fn condition_keys(self) -> &'static [ConditionKey] { Action::condition_keys(self) }
            fn dependent_actions(self) -> &'static [&'static str] { Action::dependent_actions(self) }
            fn lookup(iam_name: &str) -> ::core::option::Option<Self> { Action::lookup(iam_name) }
            fn is_current(self) -> bool { Action::is_current(self) }
        }

        /// strum's count of variants, [`Action::COUNT`]; the runtime crate re-exports strum
        /// (`ecr_actions::strum`), so using the trait needs no dependency of your own.
        impl #krate::__private::strum::EnumCount for Action {
            const COUNT: usize = #count;
        }

        /// strum's array of every variant: [`Action::ALL`], in table order.
        impl #krate::__private::strum::VariantArray for Action {
            const VARIANTS: &'static [Self] = &Self::ALL;
        }

        /// strum's names of the variants: the IAM action strings ([`Action::as_str`]), in table order.
        impl #krate::__private::strum::VariantNames for Action {
            const VARIANTS: &'static [&'static str] = &Self::IAM_NAMES;
        }

        /// strum's iterator over every variant, in table order: `Action::iter()` with
        /// `use ecr_actions::strum::IntoEnumIterator`.
        impl #krate::__private::strum::IntoEnumIterator for Action {
            type Iterator = ::core::iter::Copied<::core::slice::Iter<'static, Self>>;

            fn iter() -> Self::Iterator {
                const ALL: &[Action] = &Action::ALL;
                ALL.iter().copied()
            }
        }

        #krate::__serde_via_str!(Action, "an IAM action string such as `ecr:BatchGetImage`");

        #krate::__action_set!(ActionSet, Action, #words_lit, #count_lit);

        #actions_macro
    }
}

/// `Some(value)` or `None`, in a block that imports both (see [`use_option`]).
fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(value) => quote!(Some(#value)),
        None => quote!(None),
    }
}

/// The `use_option` of a table of options: which of `Some` and `None` it holds.
fn use_option_for<T>(values: &[Option<T>]) -> TokenStream {
    use_option(
        values.iter().any(Option::is_some),
        values.iter().any(Option::is_none),
    )
}
