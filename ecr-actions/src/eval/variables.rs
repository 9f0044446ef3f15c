//! Policy variables in `Resource` entries and condition values: `${aws:username}`,
//! `${aws:PrincipalTag/team, 'none'}`, and the escapes `${*}`, `${?}`, `${$}`.
//!
//! IAM User Guide, "IAM policy elements: Variables and tags":
//! - a variable is `${key}`, replaced by the value of the context key (key names ignore case); a
//!   multivalued key cannot be a variable;
//! - "Specifying default values": `${key, 'default'}` stands for `default` when the key is absent;
//! - "Policy variables with no value": a variable whose key is absent (and has no default) is null:
//!   "there is no equal or like value", so the entry that holds it matches nothing;
//! - "Special characters": `${*}`, `${?}` and `${$}` stand for a literal `*`, `?` and `$` — an
//!   asterisk written this way is a character, not a wildcard;
//! - variables are only read under `"Version": "2012-10-17"`; under `2008-10-17` (or no `Version`)
//!   the text is literal (IAM User Guide, "IAM JSON policy elements: Version").
//!
//! Matching allocates nothing: equality walks the pieces against the text; wildcard patterns are
//! rendered into a stack buffer and their compiled [`Glob`] is kept in a small cache shared by an
//! evaluator, so only the first request that renders a given pattern compiles it.
//!
//! A pattern is rendered in the escaped syntax of [`Glob::new_escaped`]: the policy's own text keeps
//! its wildcards (a `\` in it becomes `\\`), while `${*}`, `${?}` and every character of a
//! variable's value are escaped ([`ecr_actions_pattern::escape_with`]), so no value, whatever
//! characters it holds, can act as a wildcard. Escaping is injective, so the rendered text is also
//! the cache key: two different patterns never share one.

use std::collections::HashMap;
use std::sync::Mutex;

use arrayvec::ArrayString;
use ecr_actions_pattern::{Glob, escape_with};

use super::arn_like::{ArnPattern, push_pattern_text};
use super::request::{Context, ContextValueRef};

/// One piece of a text that may hold variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text as written.
    Literal(Box<str>),
    /// `${*}`, `${?}`, `${$}`: the character itself, never a wildcard.
    Escaped(char),
    /// `${key}` or `${key, 'default'}`.
    Variable {
        key: Box<str>,
        default: Option<Box<str>>,
    },
}

/// A text from a policy with its variables parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Template {
    pieces: Box<[Piece]>,
}

/// Why `${…}` is not a variable.
pub(crate) type VariableError = String;

impl Template {
    /// Parses `text`; with `substitute` false (policy version 2008-10-17) the text is literal.
    pub(crate) fn parse(text: &str, substitute: bool) -> Result<Self, VariableError> {
        if !substitute || !text.contains("${") {
            return Ok(Self {
                pieces: Box::new([Piece::Literal(text.into())]),
            });
        }
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some((before, from)) = rest.split_once("${") {
            let Some((inner, after)) = from.split_once('}') else {
                // No closing brace: the rest is text.
                break;
            };
            if !before.is_empty() {
                pieces.push(Piece::Literal(before.into()));
            }
            pieces.push(variable(inner)?);
            rest = after;
        }
        if !rest.is_empty() {
            pieces.push(Piece::Literal(rest.into()));
        }
        Ok(Self {
            pieces: pieces.into_boxed_slice(),
        })
    }

    /// The text when it holds no variable (escapes replaced by their character).
    pub(crate) fn constant(&self) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Escaped(c) => out.push(*c),
                Piece::Variable { .. } => return None,
            }
        }
        Some(out)
    }

    /// Whether the text is plain: no variable and no escape, so that a wildcard pattern can be
    /// compiled once from it.
    pub(crate) fn plain(&self) -> Option<&str> {
        match &*self.pieces {
            [Piece::Literal(text)] => Some(text),
            [] => Some(""),
            _ => None,
        }
    }

    /// Whether `text` equals the template with its variables replaced (ignoring case with `fold`).
    /// An unresolved variable equals nothing.
    pub(crate) fn equals(&self, context: &Context, text: &str, fold: bool) -> bool {
        let mut rest = text;
        let mut buffer = [0u8; 4];
        for piece in &self.pieces {
            let part: &str = match piece {
                Piece::Literal(literal) => literal,
                Piece::Escaped(c) => c.encode_utf8(&mut buffer),
                Piece::Variable { key, default } => match resolve(context, key, default.as_deref())
                {
                    Some(value) => value,
                    None => return false,
                },
            };
            let stripped = if fold {
                strip_prefix_ignore_case(rest, part)
            } else {
                rest.strip_prefix(part)
            };
            match stripped {
                Some(after) => rest = after,
                None => return false,
            }
        }
        rest.is_empty()
    }

    /// Writes the text with its variables replaced into `out`; false if a variable is unresolved.
    pub(crate) fn render(&self, context: &Context, out: &mut Scratch) -> bool {
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Escaped(c) => out.push(*c),
                Piece::Variable { key, default } => {
                    match resolve(context, key, default.as_deref()) {
                        Some(value) => out.push_str(value),
                        None => return false,
                    }
                }
            }
        }
        true
    }

    /// Whether `text` matches the template read as a wildcard pattern of `flavor`, variables
    /// replaced; an escaped `*` or `?`, and any `*` or `?` inside a variable's value, is a literal
    /// character. An unresolved variable matches nothing.
    pub(crate) fn matches_like(
        &self,
        context: &Context,
        text: &str,
        flavor: Flavor,
        cache: &GlobCache,
    ) -> bool {
        let mut pattern = Scratch::new();
        if !self.render_pattern(context, &mut pattern) {
            // "Policy variables with no value": the entry matches nothing.
            return false;
        }
        cache.is_match(flavor, pattern.as_str(), text)
    }

    /// Writes the template into `out` as a pattern in the escaped syntax of [`Glob::new_escaped`]:
    /// the policy's text keeps its wildcards, escapes and variable values are literal characters.
    /// False if a variable is unresolved.
    fn render_pattern(&self, context: &Context, out: &mut Scratch) -> bool {
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => push_pattern_text(text, |p| out.push_str(p)),
                Piece::Escaped(c) => {
                    let mut buffer = [0u8; 4];
                    escape_with(c.encode_utf8(&mut buffer), |p| out.push_str(p));
                }
                Piece::Variable { key, default } => {
                    match resolve(context, key, default.as_deref()) {
                        Some(value) => escape_with(value, |p| out.push_str(p)),
                        None => return false,
                    }
                }
            }
        }
        true
    }
}

/// Parses what is between `${` and `}`.
fn variable(inner: &str) -> Result<Piece, VariableError> {
    match inner {
        "*" => return Ok(Piece::Escaped('*')),
        "?" => return Ok(Piece::Escaped('?')),
        "$" => return Ok(Piece::Escaped('$')),
        _ => {}
    }
    let (key, default) = match inner.split_once(',') {
        None => (inner.trim(), None),
        Some((key, default)) => {
            let default = default.trim();
            let Some(quoted) = default
                .strip_prefix('\'')
                .and_then(|d| d.strip_suffix('\''))
            else {
                return Err(format!(
                    "the default value of `${{{inner}}}` is not quoted: write `${{key, 'default'}}`"
                ));
            };
            (key.trim(), Some(quoted.into()))
        }
    };
    if key.is_empty() || key.contains(char::is_whitespace) {
        return Err(format!(
            "`${{{inner}}}` names no condition key: write `${{aws:username}}` or `${{key, 'default'}}`"
        ));
    }
    Ok(Piece::Variable {
        key: key.into(),
        default,
    })
}

/// The value of a variable: a single-valued key's value, else the default.
fn resolve<'a>(context: &'a Context, key: &str, default: Option<&'a str>) -> Option<&'a str> {
    match context.get(key) {
        Some(ContextValueRef::Single(value)) => Some(value),
        // A multivalued key cannot be a variable; an absent one is null.
        Some(ContextValueRef::Multi(_)) | None => default,
    }
}

/// `text` without `prefix`, comparing characters ignoring case.
pub(crate) fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut chars = text.char_indices();
    for p in prefix.chars() {
        let (_, t) = chars.next()?;
        if t != p && !t.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    let at = chars.next().map_or(text.len(), |(at, _)| at);
    text.get(at..)
}

/// A string buffer on the stack that moves to the heap only past its capacity.
#[expect(
    clippy::large_enum_variant,
    reason = "the stack variant is the point: rendering a pattern allocates nothing"
)]
pub(crate) enum Scratch {
    Stack(ArrayString<SCRATCH_CAPACITY>),
    Heap(String),
}

/// The bytes a [`Scratch`] holds on the stack.
const SCRATCH_CAPACITY: usize = 512;

impl Scratch {
    pub(crate) fn new() -> Self {
        Self::Stack(ArrayString::new())
    }

    pub(crate) fn push_str(&mut self, text: &str) {
        match self {
            Self::Heap(heap) => heap.push_str(text),
            Self::Stack(stack) => {
                if stack.try_push_str(text).is_err() {
                    let mut heap = String::with_capacity((stack.len() + text.len()) * 2);
                    heap.push_str(stack);
                    heap.push_str(text);
                    *self = Self::Heap(heap);
                }
            }
        }
    }

    pub(crate) fn push(&mut self, c: char) {
        let mut buffer = [0u8; 4];
        self.push_str(c.encode_utf8(&mut buffer));
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            Self::Stack(stack) => stack,
            Self::Heap(heap) => heap,
        }
    }
}

/// How a wildcard pattern reads `*` and `?`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// `StringLike`: case-sensitive, wildcards match any character.
    String,
    /// The `Resource` element: case-sensitive, wildcards stay within an ARN segment unless a `*`
    /// ends it ([`Glob::arn`]).
    Arn,
    /// `ArnLike` and `ArnEquals`: the six components of an ARN matched one by one ([`ArnPattern`]).
    ArnCondition,
}

/// A compiled pattern of some flavor.
#[derive(Clone, Debug)]
pub(crate) enum LikePattern {
    Glob(Glob),
    Arn(ArnPattern),
}

impl LikePattern {
    pub(crate) fn is_match(&self, text: &str) -> bool {
        match self {
            Self::Glob(glob) => glob.is_match(text),
            Self::Arn(arn) => arn.is_match(text),
        }
    }
}

impl Flavor {
    /// Compiles a pattern as written in a policy (a `\` is a character).
    pub(crate) fn compile(self, pattern: &str) -> LikePattern {
        match self {
            Self::String => LikePattern::Glob(Glob::new(pattern)),
            Self::Arn => LikePattern::Glob(Glob::arn(pattern)),
            Self::ArnCondition => LikePattern::Arn(ArnPattern::new(pattern)),
        }
    }

    /// Compiles a pattern in the escaped syntax that [`Template::matches_like`] renders.
    fn compile_escaped(self, pattern: &str) -> LikePattern {
        match self {
            Self::String => LikePattern::Glob(Glob::new_escaped(pattern)),
            Self::Arn => LikePattern::Glob(Glob::arn_escaped(pattern)),
            Self::ArnCondition => LikePattern::Arn(ArnPattern::new_escaped(pattern)),
        }
    }
}

/// Compiled patterns by flavor and rendered (escaped) text, so that a pattern with variables is
/// compiled once per distinct value, not once per request.
///
/// Bounded twice: at most [`GlobCache::LIMIT`] patterns and [`GlobCache::LIMIT_BYTES`] bytes of
/// pattern text (a compiled pattern takes memory linear in its text); past either, the cache starts
/// over. A pattern longer than the byte limit on its own is compiled for the request and not kept.
#[derive(Debug, Default)]
pub(crate) struct GlobCache {
    maps: Mutex<CacheMaps>,
}

#[derive(Debug, Default)]
struct CacheMaps {
    string: HashMap<Box<str>, LikePattern>,
    arn: HashMap<Box<str>, LikePattern>,
    arn_condition: HashMap<Box<str>, LikePattern>,
    /// The sum of the lengths of the keys of the three maps.
    bytes: usize,
}

impl CacheMaps {
    fn map(&mut self, flavor: Flavor) -> &mut HashMap<Box<str>, LikePattern> {
        match flavor {
            Flavor::String => &mut self.string,
            Flavor::Arn => &mut self.arn,
            Flavor::ArnCondition => &mut self.arn_condition,
        }
    }

    fn len(&self) -> usize {
        self.string.len() + self.arn.len() + self.arn_condition.len()
    }

    fn clear(&mut self) {
        self.string.clear();
        self.arn.clear();
        self.arn_condition.clear();
        self.bytes = 0;
    }
}

impl GlobCache {
    /// Past this many patterns the cache starts over.
    const LIMIT: usize = 4096;
    /// Past this many bytes of pattern text (1 MiB) the cache starts over.
    const LIMIT_BYTES: usize = 1 << 20;

    /// Whether `text` matches `pattern` (in the escaped syntax) read as `flavor`.
    fn is_match(&self, flavor: Flavor, pattern: &str, text: &str) -> bool {
        let Ok(mut maps) = self.maps.lock() else {
            // A panic elsewhere poisoned the cache: compile without it.
            return flavor.compile_escaped(pattern).is_match(text);
        };
        if let Some(compiled) = maps.map(flavor).get(pattern) {
            return compiled.is_match(text);
        }
        let compiled = flavor.compile_escaped(pattern);
        let matched = compiled.is_match(text);
        if pattern.len() <= Self::LIMIT_BYTES {
            if maps.len() >= Self::LIMIT || maps.bytes + pattern.len() > Self::LIMIT_BYTES {
                maps.clear();
            }
            maps.bytes += pattern.len();
            maps.map(flavor).insert(pattern.into(), compiled);
        }
        matched
    }

    pub(crate) fn len(&self) -> usize {
        self.maps.lock().map_or(0, |maps| maps.len())
    }
}
impl core::fmt::Display for Template {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => f.write_str(text)?,
                Piece::Escaped(c) => write!(f, "${{{c}}}")?,
                Piece::Variable { key, default } => match default {
                    Some(default) => write!(f, "${{{key}, '{default}'}}")?,
                    None => write!(f, "${{{key}}}")?,
                },
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
