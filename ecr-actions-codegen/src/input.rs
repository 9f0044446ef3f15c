//! The macro's arguments: `service = "…", actions = "…" | inline("…"), … , crate = path`.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, bracketed, parenthesized};

/// Where a table comes from.
pub enum TableArg {
    /// A path relative to the invoking crate's `CARGO_MANIFEST_DIR`.
    Path(LitStr),
    /// The table text itself, written `inline("…")`.
    Inline(LitStr),
}

impl TableArg {
    /// The literal, for spans.
    pub fn literal(&self) -> &LitStr {
        match self {
            Self::Path(lit) | Self::Inline(lit) => lit,
        }
    }
}

/// The parsed arguments of `iam_actions!`.
pub struct Input {
    /// `service = "ecr"`.
    pub service: LitStr,
    /// `actions = …`.
    pub actions: TableArg,
    /// `resource_types = …`, optional.
    pub resource_types: Option<TableArg>,
    /// `condition_keys = …`, optional.
    pub condition_keys: Option<TableArg>,
    /// `names = ["…", …]`, optional.
    pub names: Vec<LitStr>,
    /// `names_for = { "Action" = ["…", …], … }`, optional: per action, the full values of its cut cells.
    pub names_for: Vec<(LitStr, Vec<LitStr>)>,
    /// `previous = ["…", inline("…"), …]`, optional: earlier actions tables of the same service, oldest
    /// first. Their actions the current table lacks are generated `#[deprecated]`.
    pub previous: Vec<TableArg>,
    /// `crate = path`, optional.
    pub krate: Option<syn::Path>,
}

const ARGUMENTS: &str = "`service`, `actions`, `resource_types`, `condition_keys`, `names`, `names_for`, `previous`, `crate`";

fn table_arg(input: ParseStream<'_>) -> syn::Result<TableArg> {
    if input.peek(syn::Ident) && input.peek2(syn::token::Paren) {
        let word: syn::Ident = input.parse()?;
        if word != "inline" {
            return Err(syn::Error::new(
                word.span(),
                format!("expected a path string or `inline(\"…\")`, found `{word}(…)`"),
            ));
        }
        let content;
        parenthesized!(content in input);
        let lit: LitStr = content.parse()?;
        if !content.is_empty() {
            return Err(content.error("`inline(…)` takes one string literal"));
        }
        return Ok(TableArg::Inline(lit));
    }
    let lit: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected a table: a path string such as `\"spec/ecr-actions.txt\"`, or `inline(\"…\")`",
        )
    })?;
    if lit.value().contains('\n') {
        return Err(syn::Error::new(
            lit.span(),
            "this string holds several lines, so it is not a path: to give a table inline, write `inline(\"…\")`",
        ));
    }
    Ok(TableArg::Path(lit))
}

/// `{ "Action" = ["…", …], … }`.
fn names_for_arg(input: ParseStream<'_>) -> syn::Result<Vec<(LitStr, Vec<LitStr>)>> {
    let content;
    syn::braced!(content in input);
    let mut entries = Vec::new();
    while !content.is_empty() {
        let action: LitStr = content.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected an action's full name, as in `names_for = { \"CreateKey\" = [\"…\"] }`",
            )
        })?;
        content.parse::<Token![=]>()?;
        let list;
        bracketed!(list in content);
        let values = list.parse_terminated(<LitStr as Parse>::parse, Token![,])?;
        entries.push((action, values.into_iter().collect()));
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(entries)
}

fn duplicate(span: Span, key: &str) -> syn::Error {
    syn::Error::new(span, format!("argument `{key}` is given twice: keep one"))
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut service: Option<LitStr> = None;
        let mut actions: Option<TableArg> = None;
        let mut resource_types: Option<TableArg> = None;
        let mut condition_keys: Option<TableArg> = None;
        let mut names: Option<Vec<LitStr>> = None;
        let mut names_for: Option<Vec<(LitStr, Vec<LitStr>)>> = None;
        let mut krate: Option<syn::Path> = None;
        let mut previous: Option<Vec<TableArg>> = None;

        while !input.is_empty() {
            if input.peek(Token![crate]) {
                let token: Token![crate] = input.parse()?;
                input.parse::<Token![=]>()?;
                let path = syn::Path::parse_mod_style(input)?;
                if krate.replace(path).is_some() {
                    return Err(duplicate(token.span, "crate"));
                }
            } else {
                let key: syn::Ident = input.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        format!("expected an argument name, one of {ARGUMENTS}"),
                    )
                })?;
                input.parse::<Token![=]>()?;
                let name = key.to_string();
                let twice = match name.as_str() {
                    "service" => service.replace(input.parse()?).is_some(),
                    "actions" => actions.replace(table_arg(input)?).is_some(),
                    "resource_types" => resource_types.replace(table_arg(input)?).is_some(),
                    "condition_keys" => condition_keys.replace(table_arg(input)?).is_some(),
                    "names" => {
                        let content;
                        bracketed!(content in input);
                        let list = content.parse_terminated(<LitStr as Parse>::parse, Token![,])?;
                        names.replace(list.into_iter().collect()).is_some()
                    }
                    "names_for" => names_for.replace(names_for_arg(input)?).is_some(),
                    "previous" => {
                        let content;
                        bracketed!(content in input);
                        let list = content.parse_terminated(table_arg, Token![,])?;
                        previous.replace(list.into_iter().collect()).is_some()
                    }
                    _ => {
                        let known = [
                            "service",
                            "actions",
                            "resource_types",
                            "condition_keys",
                            "names",
                            "names_for",
                            "previous",
                            "crate",
                        ];
                        let hint = ecr_actions_pattern::suggest::hint(&name, known);
                        return Err(syn::Error::new(
                            key.span(),
                            format!("unknown argument `{name}`: expected one of {ARGUMENTS}{hint}"),
                        ));
                    }
                };
                if twice {
                    return Err(duplicate(key.span(), &name));
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }

        let missing = |what: &str, example: &str| {
            syn::Error::new(
                Span::call_site(),
                format!("missing argument `{what}`: add `{what} = {example}`"),
            )
        };
        Ok(Self {
            service: service.ok_or_else(|| missing("service", "\"ecr\""))?,
            actions: actions.ok_or_else(|| {
                missing(
                    "actions",
                    "\"spec/<service>-actions.txt\"` or `actions = inline(\"…\")",
                )
            })?,
            resource_types,
            condition_keys,
            names: names.unwrap_or_default(),
            names_for: names_for.unwrap_or_default(),
            previous: previous.unwrap_or_default(),
            krate,
        })
    }
}
