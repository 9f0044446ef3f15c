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

use std::collections::HashMap;
use std::sync::Mutex;

use ecr_actions_pattern::Glob;

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
        while let Some(start) = rest.find("${") {
            let (before, from) = rest.split_at(start);
            let Some(end) = from.find('}') else {
                // No closing brace: the rest is text.
                break;
            };
            if !before.is_empty() {
                pieces.push(Piece::Literal(before.into()));
            }
            let inner = from.get(2..end).unwrap_or_default();
            pieces.push(variable(inner)?);
            rest = from.get(end + 1..).unwrap_or_default();
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
        // Resolve first: a null variable matches nothing, and literal wildcards need a mapping.
        let mut literal_wildcards = false;
        for piece in &self.pieces {
            match piece {
                Piece::Escaped('*' | '?') => literal_wildcards = true,
                Piece::Variable { key, default } => {
                    match resolve(context, key, default.as_deref()) {
                        Some(value) => literal_wildcards |= value.contains(['*', '?']),
                        None => return false,
                    }
                }
                Piece::Literal(_) | Piece::Escaped(_) => {}
            }
        }
        let map = literal_wildcards.then(|| self.sentinels(context, text));
        let mut pattern = Scratch::new();
        pattern.push(flavor.tag());
        for piece in &self.pieces {
            match piece {
                Piece::Literal(literal) => pattern.push_str(literal),
                Piece::Escaped(c) => pattern.push(map_char(*c, map)),
                Piece::Variable { key, default } => {
                    let value = resolve(context, key, default.as_deref()).unwrap_or_default();
                    pattern.push_mapped(value, map);
                }
            }
        }
        let mut mapped = Scratch::new();
        let text = if map.is_some() {
            mapped.push_mapped(text, map);
            mapped.as_str()
        } else {
            text
        };
        cache.is_match(pattern.as_str(), text)
    }

    /// Two private-use characters that stand for a literal `*` and `?`: ones that occur neither in the
    /// template, in the values of its variables, nor in `text`, so that they match only each other.
    fn sentinels(&self, context: &Context, text: &str) -> (char, char) {
        let used = |c: char| {
            text.contains(c)
                || self.pieces.iter().any(|piece| match piece {
                    Piece::Literal(literal) => literal.contains(c),
                    Piece::Escaped(e) => *e == c,
                    Piece::Variable { key, default } => {
                        resolve(context, key, default.as_deref()).is_some_and(|v| v.contains(c))
                    }
                })
        };
        let mut free = ('\u{E000}'..='\u{F8FF}').filter(|c| !used(*c));
        let star = free.next().unwrap_or('\u{F8FE}');
        let question = free.next().unwrap_or('\u{F8FF}');
        (star, question)
    }
}

fn map_char(c: char, map: Option<(char, char)>) -> char {
    match (c, map) {
        ('*', Some((star, _))) => star,
        ('?', Some((_, question))) => question,
        _ => c,
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
pub(crate) struct Scratch {
    stack: [u8; Self::CAPACITY],
    len: usize,
    heap: Option<String>,
}

impl Scratch {
    const CAPACITY: usize = 512;

    pub(crate) fn new() -> Self {
        Self {
            stack: [0; Self::CAPACITY],
            len: 0,
            heap: None,
        }
    }

    pub(crate) fn push_str(&mut self, text: &str) {
        if let Some(heap) = &mut self.heap {
            heap.push_str(text);
            return;
        }
        let end = self.len + text.len();
        if let Some(slot) = self.stack.get_mut(self.len..end) {
            slot.copy_from_slice(text.as_bytes());
            self.len = end;
        } else {
            let mut heap = String::with_capacity(end * 2);
            heap.push_str(self.as_str());
            heap.push_str(text);
            self.heap = Some(heap);
        }
    }

    pub(crate) fn push(&mut self, c: char) {
        let mut buffer = [0u8; 4];
        self.push_str(c.encode_utf8(&mut buffer));
    }

    fn push_mapped(&mut self, text: &str, map: Option<(char, char)>) {
        if map.is_none() {
            self.push_str(text);
            return;
        }
        for c in text.chars() {
            self.push(map_char(c, map));
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match &self.heap {
            Some(heap) => heap,
            // Only whole `str`s are copied in, so the bytes are UTF-8.
            None => core::str::from_utf8(self.stack.get(..self.len).unwrap_or_default())
                .unwrap_or_default(),
        }
    }
}

/// How a wildcard pattern reads `*` and `?`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// `StringLike`: case-sensitive, wildcards match any character.
    String,
    /// `ArnLike` and `Resource`: case-sensitive, wildcards stay within an ARN segment.
    Arn,
}

impl Flavor {
    fn tag(self) -> char {
        match self {
            Self::String => 's',
            Self::Arn => 'a',
        }
    }

    pub(crate) fn compile(self, pattern: &str) -> Glob {
        match self {
            Self::String => Glob::new(pattern),
            Self::Arn => Glob::arn(pattern),
        }
    }
}

/// Compiled patterns by their rendered text (the flavor's tag, then the pattern), so that a pattern
/// with variables is compiled once per distinct value, not once per request.
#[derive(Debug, Default)]
pub(crate) struct GlobCache {
    globs: Mutex<HashMap<Box<str>, Glob>>,
}

impl GlobCache {
    /// Past this many patterns the cache starts over, so that it stays bounded.
    const LIMIT: usize = 4096;

    /// Whether `text` matches the pattern `key` (its first character is the flavor's tag).
    fn is_match(&self, key: &str, text: &str) -> bool {
        let mut chars = key.chars();
        let flavor = match chars.next() {
            Some('a') => Flavor::Arn,
            _ => Flavor::String,
        };
        let pattern = chars.as_str();
        let Ok(mut globs) = self.globs.lock() else {
            // A panic elsewhere poisoned the cache: compile without it.
            return flavor.compile(pattern).is_match(text);
        };
        if let Some(glob) = globs.get(key) {
            return glob.is_match(text);
        }
        if globs.len() >= Self::LIMIT {
            globs.clear();
        }
        let glob = flavor.compile(pattern);
        let matched = glob.is_match(text);
        globs.insert(key.into(), glob);
        matched
    }

    pub(crate) fn len(&self) -> usize {
        self.globs.lock().map_or(0, |globs| globs.len())
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
mod tests {
    use super::{Flavor, GlobCache, Piece, Template, strip_prefix_ignore_case};
    use crate::eval::Context;

    #[test]
    fn parses_variables_defaults_and_escapes() -> Result<(), String> {
        let t = Template::parse(
            "a/${aws:username}/${aws:PrincipalTag/team, 'none'}${*}",
            true,
        )?;
        assert_eq!(
            t.to_string(),
            "a/${aws:username}/${aws:PrincipalTag/team, 'none'}${*}"
        );
        assert!(matches!(
            &*t.pieces,
            [
                Piece::Literal(_),
                Piece::Variable { .. },
                Piece::Literal(_),
                Piece::Variable {
                    default: Some(_),
                    ..
                },
                Piece::Escaped('*')
            ]
        ));
        assert_eq!(
            Template::parse("${aws:username}", false)?.plain(),
            Some("${aws:username}")
        );
        assert_eq!(Template::parse("a${b", true)?.plain(), Some("a${b"));
        assert!(Template::parse("${}", true).is_err());
        assert!(Template::parse("${k, none}", true).is_err());
        Ok(())
    }

    #[test]
    fn equality_and_likeness_with_variables() -> Result<(), String> {
        let context = Context::new()
            .with("aws:username", "alice")
            .with("aws:PrincipalTag/star", "a*");
        let t = Template::parse("${AWS:UserName}-${missing, 'x'}", true)?;
        assert!(t.equals(&context, "alice-x", false));
        assert!(t.equals(&context, "ALICE-X", true));
        assert!(!t.equals(&context, "ALICE-X", false));
        let cache = GlobCache::default();
        let like = Template::parse("${aws:PrincipalTag/star}b", true)?;
        assert!(like.matches_like(&context, "a*b", Flavor::String, &cache));
        assert!(!like.matches_like(&context, "axb", Flavor::String, &cache));
        let escaped = Template::parse("x${*}*", true)?;
        assert!(escaped.matches_like(&context, "x*yz", Flavor::String, &cache));
        assert!(!escaped.matches_like(&context, "xyz", Flavor::String, &cache));
        let null = Template::parse("${aws:userid}", true)?;
        assert!(!null.equals(&context, "", false));
        assert!(!null.matches_like(&context, "", Flavor::String, &cache));
        Ok(())
    }

    #[test]
    fn case_insensitive_prefix() {
        assert_eq!(strip_prefix_ignore_case("ÉCOLE-x", "école"), Some("-x"));
        assert_eq!(strip_prefix_ignore_case("ab", "abc"), None);
    }
}
