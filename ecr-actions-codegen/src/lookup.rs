//! The generated `Action::lookup`: an IAM action string in any ASCII case → the action, without
//! allocating. A perfect hash of the length and three bytes picks the one candidate, which is then
//! compared in full; when no perfect hash of that shape exists for a table, a dispatch on length and
//! one byte takes its place.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::model::Service;

/// The case-insensitive lookup.
pub(crate) fn lookup(service: &Service, variants: &[Ident], krate: &syn::Path) -> TokenStream {
    let names: Vec<String> = service
        .actions
        .iter()
        .map(|a| format!("{}:{}", service.prefix, a.name).to_ascii_lowercase())
        .collect();
    match PerfectHash::find(&names, service.prefix.len() + 1) {
        Some(hash) => hashed(&hash, &names, variants, krate),
        None => dispatched(&names, variants, krate),
    }
}

/// `slot = (len·m0 ^ f(last)·m1 ^ f(last−1)·m2 ^ f(at)·m3) >> (32 − bits)`, where `f(b) = b | 0x20`
/// folds ASCII case (and merges a few non-letters, which the full comparison then tells apart).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PerfectHash {
    pub at: usize,
    pub multipliers: [u32; 4],
    pub bits: u32,
    pub min_len: usize,
    pub max_len: usize,
}

/// splitmix64: a small, well-mixed generator for trying multipliers reproducibly.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl PerfectHash {
    /// Tries a bounded number of multipliers for a few table sizes; `None` when none is collision-free.
    pub(crate) fn find(names: &[String], prefix_len: usize) -> Option<Self> {
        let min_len = names.iter().map(String::len).min()?;
        let max_len = names.iter().map(String::len).max()?;
        if min_len < 2 || names.len() >= usize::from(u16::MAX) {
            return None;
        }
        // The byte that best tells the names apart, among those every name has, past the service prefix.
        let at = (prefix_len.min(min_len - 1)..min_len).max_by_key(|&i| {
            let mut seen: Vec<u8> = names
                .iter()
                .filter_map(|n| n.as_bytes().get(i).copied())
                .collect();
            seen.sort_unstable();
            seen.dedup();
            seen.len()
        })?;
        let base_bits = usize::BITS - names.len().leading_zeros();
        let mut state = 0x5eed_u64;
        for bits in base_bits + 1..=(base_bits + 4).min(16) {
            for _ in 0..2_000 {
                let multipliers: [u32; 4] =
                    std::array::from_fn(|_| (splitmix(&mut state) as u32) | 1);
                let hash = Self {
                    at,
                    multipliers,
                    bits,
                    min_len,
                    max_len,
                };
                let mut used = vec![false; 1 << bits];
                let free = names.iter().all(|name| {
                    hash.slot(name.as_bytes())
                        .and_then(|slot| used.get_mut(slot))
                        .is_some_and(|taken| !std::mem::replace(taken, true))
                });
                if free {
                    return Some(hash);
                }
            }
        }
        None
    }

    /// The slot of a name, exactly as the generated code computes it.
    pub(crate) fn slot(&self, name: &[u8]) -> Option<usize> {
        let len = name.len();
        let last = *name.get(len.checked_sub(1)?)?;
        let before = *name.get(len.checked_sub(2)?)?;
        let at = *name.get(self.at)?;
        let [m0, m1, m2, m3] = self.multipliers;
        let h = (len as u32).wrapping_mul(m0)
            ^ u32::from(last | 0x20).wrapping_mul(m1)
            ^ u32::from(before | 0x20).wrapping_mul(m2)
            ^ u32::from(at | 0x20).wrapping_mul(m3);
        Some((h >> (32 - self.bits)) as usize)
    }
}

/// `0x20` where the lowercase name has a letter, `0` elsewhere.
fn fold_mask(lower: &str) -> Vec<u8> {
    lower
        .bytes()
        .map(|b| if b.is_ascii_lowercase() { 0x20 } else { 0 })
        .collect()
}

fn hashed(
    hash: &PerfectHash,
    names: &[String],
    variants: &[Ident],
    krate: &syn::Path,
) -> TokenStream {
    let size = 1usize << hash.bits;
    let mut slots = vec![u16::MAX; size];
    for (index, name) in names.iter().enumerate() {
        if let Some(slot) = hash.slot(name.as_bytes()).and_then(|s| slots.get_mut(s)) {
            *slot = index as u16;
        }
    }
    let count = names.len();
    let lowers = names.iter().map(|n| Literal::byte_string(n.as_bytes()));
    let masks = names.iter().map(|n| Literal::byte_string(&fold_mask(n)));
    let PerfectHash {
        at,
        multipliers: [m0, m1, m2, m3],
        bits,
        min_len,
        max_len,
    } = *hash;
    let shift = 32 - bits;
    quote! {
        const SLOTS: [u16; #size] = [#(#slots),*];
        const ENTRIES: [(&[u8], &[u8], Action); #count] = [#((#lowers, #masks, Action::#variants)),*];
        let name = iam_name.as_bytes();
        let len = name.len();
        if len < #min_len || len > #max_len {
            return ::core::option::Option::None;
        }
        let h = (len as u32).wrapping_mul(#m0)
            ^ u32::from(name[len - 1] | 0x20).wrapping_mul(#m1)
            ^ u32::from(name[len - 2] | 0x20).wrapping_mul(#m2)
            ^ u32::from(name[#at] | 0x20).wrapping_mul(#m3);
        let (lower, mask, action) = *ENTRIES.get(SLOTS[(h >> #shift) as usize] as usize)?;
        #krate::__private::eq_ignore_ascii_case_folded(name, lower, mask).then_some(action)
    }
}

/// The fallback: dispatch on length, then on the byte that best tells the names of that length apart.
fn dispatched(names: &[String], variants: &[Ident], krate: &syn::Path) -> TokenStream {
    let mut by_len: BTreeMap<usize, Vec<(String, &Ident)>> = BTreeMap::new();
    for (lower, variant) in names.iter().zip(variants) {
        by_len
            .entry(lower.len())
            .or_default()
            .push((lower.clone(), variant));
    }
    let arms = by_len.iter().map(|(len, group)| {
        let body = dispatch(group, krate);
        quote!(#len => { #body })
    });
    quote! {
        let name = iam_name.as_bytes();
        match name.len() {
            #(#arms)*
            _ => ::core::option::Option::None,
        }
    }
}

fn compare_chain(group: &[(String, &Ident)], krate: &syn::Path) -> TokenStream {
    let tests = group.iter().map(|(lower, variant)| {
        let bytes = Literal::byte_string(lower.as_bytes());
        let mask = Literal::byte_string(&fold_mask(lower));
        quote! {
            if #krate::__private::eq_ignore_ascii_case_folded(name, #bytes, #mask) {
                return ::core::option::Option::Some(Self::#variant);
            }
        }
    });
    quote!(#(#tests)* ::core::option::Option::None)
}

/// Names of one length: one or two are compared in turn; more first switch on one byte.
fn dispatch(group: &[(String, &Ident)], krate: &syn::Path) -> TokenStream {
    if group.len() <= 2 {
        return compare_chain(group, krate);
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
        return compare_chain(group, krate);
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
        return compare_chain(group, krate);
    }
    let arms = buckets.iter().map(|(byte, bucket)| {
        let byte = Literal::u8_suffixed(*byte);
        let body = compare_chain(bucket, krate);
        quote!(#byte => { #body })
    });
    quote! {
        match name[#position].to_ascii_lowercase() {
            #(#arms)*
            _ => ::core::option::Option::None,
        }
    }
}
