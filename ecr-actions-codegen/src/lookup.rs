//! The generated `Action::lookup`: an IAM action string in any ASCII case → the action, without
//! allocating. A `match` on the length, then on the byte that best tells the names of that length apart,
//! then a comparison against the lowercase name, eight bytes at a time.
//!
//! A perfect hash (length and four bytes, single-level or hash-and-displace) was tried and measured
//! slower on the ECR table (5.7 ns against 3.5 ns a parse, names in random order): its chain of
//! dependent loads costs more than two well-compiled jump tables.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::model::Service;

/// The case-insensitive lookup.
pub(crate) fn lookup(service: &Service, variants: &[Ident], krate: &syn::Path) -> TokenStream {
    let mut by_len: BTreeMap<usize, Vec<(String, &Ident)>> = BTreeMap::new();
    for (action, variant) in service.actions.iter().zip(variants) {
        let lower = format!("{}:{}", service.prefix, action.name).to_ascii_lowercase();
        by_len
            .entry(lower.len())
            .or_default()
            .push((lower, variant));
    }
    let arms = by_len.iter().map(|(len, group)| {
        let body = dispatch(group);
        quote!(#len => { #body })
    });
    // Short names for what every comparison uses: most of the tokens of a large table are here.
    let use_option = crate::expand::use_option(!service.actions.is_empty(), true);
    let use_hit = (!service.actions.is_empty())
        .then(|| quote!(use #krate::__private::eq_ignore_ascii_case_folded as hit;));
    quote! {
        #use_option
        #use_hit
        let name = iam_name.as_bytes();
        match name.len() {
            #(#arms)*
            _ => None,
        }
    }
}

/// `0x20` where the lowercase name has a letter, `0` elsewhere.
fn fold_mask(lower: &str) -> Vec<u8> {
    lower
        .bytes()
        .map(|b| if b.is_ascii_lowercase() { 0x20 } else { 0 })
        .collect()
}

fn compare_chain(group: &[(String, &Ident)]) -> TokenStream {
    let tests = group.iter().map(|(lower, variant)| {
        let bytes = Literal::byte_string(lower.as_bytes());
        let mask = Literal::byte_string(&fold_mask(lower));
        quote! {
            if hit(name, #bytes, #mask) {
                return Some(Self::#variant);
            }
        }
    });
    quote!(#(#tests)* None)
}

/// Names of one length: one or two are compared in turn; more first switch on one byte.
fn dispatch(group: &[(String, &Ident)]) -> TokenStream {
    if group.len() <= 2 {
        return compare_chain(group);
    }
    let len = group.first().map_or(0, |(n, _)| n.len());
    let distinct_at = |i: usize| {
        let mut seen: Vec<u8> = group
            .iter()
            .filter_map(|(n, _)| n.as_bytes().get(i).copied())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    // The first position with the most distinct bytes.
    let Some(position) = (0..len).rev().max_by_key(|&i| distinct_at(i)) else {
        return compare_chain(group);
    };
    let mut buckets: BTreeMap<u8, Vec<(String, &Ident)>> = BTreeMap::new();
    for (name, variant) in group {
        let key = name.as_bytes().get(position).copied().unwrap_or_default();
        buckets
            .entry(key)
            .or_default()
            .push((name.clone(), *variant));
    }
    if buckets.len() == 1 {
        return compare_chain(group);
    }
    let arms = buckets.iter().map(|(byte, bucket)| {
        let byte = Literal::u8_suffixed(*byte);
        let body = compare_chain(bucket);
        quote!(#byte => { #body })
    });
    quote! {
        match name[#position].to_ascii_lowercase() {
            #(#arms)*
            _ => None,
        }
    }
}
