//! `action_set!`: the proc macro behind `actions!("ecr:Get*", "ecr:BatchGetImage")`. It receives the
//! service's action names from the hidden `macro_rules!` that `iam_actions!` generates, checks every
//! pattern at compile time with the same matcher the runtime uses, and expands to a `const`-evaluable set.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::quote;
use syn::LitStr;
use syn::parse::{Parse, ParseStream};

use ecr_actions_pattern::{ActionPattern, suggest};

/// `set = <path>, service = "…", names = ["…", …], patterns = ["…", …],`
struct Input {
    set: TokenStream,
    service: LitStr,
    names: Vec<String>,
    /// How many leading `names` wildcards may match.
    current: usize,
    patterns: Vec<TokenTree>,
}

/// The tokens up to the next top-level comma (a `$set:path` arrives as one invisible group).
fn until_comma(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(syn::Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

fn key(input: ParseStream<'_>, expected: &str) -> syn::Result<()> {
    let ident: syn::Ident = input.parse()?;
    if ident != expected {
        return Err(syn::Error::new(
            ident.span(),
            format!("expected `{expected}`"),
        ));
    }
    input.parse::<syn::Token![=]>()?;
    Ok(())
}

fn bracketed_trees(input: ParseStream<'_>) -> syn::Result<Vec<TokenTree>> {
    let content;
    syn::bracketed!(content in input);
    let mut trees = Vec::new();
    while !content.is_empty() {
        trees.push(content.parse::<TokenTree>()?);
        if content.is_empty() {
            break;
        }
        content.parse::<syn::Token![,]>()?;
    }
    Ok(trees)
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        key(input, "set")?;
        let set = until_comma(input)?;
        input.parse::<syn::Token![,]>()?;
        key(input, "service")?;
        let service: LitStr = input.parse()?;
        input.parse::<syn::Token![,]>()?;
        key(input, "names")?;
        let names = bracketed_trees(input)?
            .into_iter()
            .map(|tree| syn::parse2::<LitStr>(tree.into()).map(|l| l.value()))
            .collect::<syn::Result<Vec<String>>>()?;
        input.parse::<syn::Token![,]>()?;
        // How many of `names` a wildcard may match (the rest are deprecated actions of earlier tables);
        // all of them when absent.
        let current = if input.peek(syn::Ident) && input.fork().parse::<syn::Ident>()? == "current"
        {
            key(input, "current")?;
            let count: syn::LitInt = input.parse()?;
            input.parse::<syn::Token![,]>()?;
            count.base10_parse::<usize>()?
        } else {
            names.len()
        };
        key(input, "patterns")?;
        let patterns = bracketed_trees(input)?;
        if !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
        }
        Ok(Self {
            set,
            service,
            names,
            current,
            patterns,
        })
    }
}

/// The token inside the invisible groups a `macro_rules!` fragment may wrap it in: its span is the
/// user's literal, where errors belong.
fn innermost(tree: &TokenTree) -> TokenTree {
    match tree {
        TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
            let mut inner = group.stream().into_iter();
            match (inner.next(), inner.next()) {
                (Some(only), None) => innermost(&only),
                _ => tree.clone(),
            }
        }
        _ => tree.clone(),
    }
}

/// Checks one pattern; the indices of the actions it matches, or the error to report on its literal.
fn check(
    tree: &TokenTree,
    service: &str,
    names: &[String],
    lowercase: &[String],
    current: usize,
) -> Result<Vec<usize>, syn::Error> {
    let tree = innermost(tree);
    let span = tree.span();
    let Ok(literal) = syn::parse2::<LitStr>(tree.into()) else {
        return Err(syn::Error::new(
            span,
            "expected a string literal such as `\"ecr:Get*\"`",
        ));
    };
    let text = literal.value();
    let pattern = ActionPattern::new(&text).map_err(|e| syn::Error::new(span, e.to_string()))?;
    if !pattern.may_match_service(service) {
        return Err(syn::Error::new(
            span,
            format!(
                "`{text}` names no `{service}` action: this set holds `{service}` actions only"
            ),
        ));
    }
    let matched: Vec<usize> = lowercase
        .iter()
        .enumerate()
        // A wildcard matches only current actions (IAM knows no other); a deprecated one is named.
        .filter(|(index, name)| {
            (pattern.is_literal() || *index < current) && pattern.matches_name_folded(name)
        })
        .map(|(index, _)| index)
        .collect();
    if !matched.is_empty() {
        return Ok(matched);
    }
    let action_part = text.split_once(':').map_or(text.as_str(), |(_, a)| a);
    let near = suggest::ranked_for_pattern(action_part, names.iter().map(String::as_str));
    let hint = suggest::did_you_mean(near.iter().map(|name| format!("{service}:{name}")));
    let message = if pattern.is_literal() {
        format!("unknown `{service}` action `{text}`{hint}")
    } else {
        format!("`{text}` matches no `{service}` action{hint}")
    };
    Err(syn::Error::new(span, message))
}

/// Expands `action_set!`.
pub fn expand(input: TokenStream) -> TokenStream {
    let input: Input = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let service = input.service.value();
    let lowercase: Vec<String> = input.names.iter().map(|n| n.to_ascii_lowercase()).collect();
    let mut indices: Vec<usize> = Vec::new();
    let mut errors: Option<syn::Error> = None;
    if input.patterns.is_empty() {
        errors = Some(syn::Error::new(
            Span::call_site(),
            format!("`actions!` needs at least one pattern, e.g. `actions!(\"{service}:*\")`"),
        ));
    }
    for tree in &input.patterns {
        match check(tree, &service, &input.names, &lowercase, input.current) {
            Ok(matched) => indices.extend(matched),
            Err(error) => match errors.as_mut() {
                Some(all) => all.combine(error),
                None => errors = Some(error),
            },
        }
    }
    // `<…>` so that the set may be a path or a qualified path (`<<K as SetOf<_>>::Set>`, whose `_` the
    // one impl for the invocation's key settles: see `__private::SetOf`).
    let set = input.set;
    if let Some(errors) = errors {
        // Several `compile_error!`s are statements: a block keeps the expansion an expression, of the
        // set's type, so that one mistake does not bring more errors after it.
        let errors = errors.to_compile_error();
        return quote!({ #errors <#set>::EMPTY });
    }
    indices.sort_unstable();
    indices.dedup();
    // The patterns as written, in the order given, kept by the set for a policy builder to write.
    let written = input
        .patterns
        .iter()
        .filter_map(|tree| syn::parse2::<LitStr>(innermost(tree).into()).ok());
    // An inline `const` rather than a `const` item: its type may be inferred (see above).
    quote! {
        {
            const WRITTEN: &[&str] = &[#(#written),*];
            const { <#set>::__written(&[#(#indices),*], &WRITTEN) }
        }
    }
}

#[cfg(test)]
mod tests {
    /// With `current = 1`, a wildcard matches only the first name (the second is a deprecated action
    /// of an earlier table, which IAM no longer knows); its own name still does.
    #[test]
    fn wildcards_match_current_names_only() {
        let expanded = |pattern: &str| {
            super::expand(quote::quote!(
                set = S, service = "demo", names = ["Ping", "PingEveryone"], current = 1,
                patterns = [#pattern]
            ))
            .to_string()
        };
        assert!(expanded("demo:*").contains("__written (& [0usize]"));
        assert!(expanded("demo:Ping*").contains("__written (& [0usize]"));
        assert!(expanded("demo:PingEveryone").contains("__written (& [1usize]"));
        assert!(expanded("demo:*Everyone").contains("matches no `demo` action"));
    }
}
