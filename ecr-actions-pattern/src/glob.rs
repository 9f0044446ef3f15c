//! IAM wildcard matching: `*` matches any run of characters, `?` any one character.
//!
//! Matching is linear in the text whatever the pattern and whatever its alphabet: there is no
//! backtracking, and no step costs more than the chunk of pattern it works on.
//!
//! The stars that may match anything split a pattern into *chunks* (literal characters, `?`, and
//! the stars of an ARN segment that may not cross a `:`). The first chunk must match at the start of
//! the text, the last one at its end; each chunk between is searched for its occurrence that ends
//! first after the previous one, which is optimal because the star after it can absorb anything. So
//! the text is scanned once. A literal chunk is searched with a substring searcher built once
//! (memchr's `memmem`); any other chunk runs as a bit-parallel automaton ([`automaton`]): for a
//! chunk of `m` positions, `⌈(m + 1) / 64⌉` word operations per character of the text, and memory
//! linear in `m`.
//!
//! Escaped patterns ([`Glob::new_escaped`], [`Glob::arn_escaped`]) read `\*`, `\?` and `\\` as the
//! characters themselves, so that text made with [`escape_into`] can never act as a wildcard.

mod automaton;
mod inclusion;

pub use inclusion::{Inclusion, MAX_PRODUCT_STATES, MAX_TRANSITIONS, Overlap};

use std::fmt;

use automaton::Automaton;

/// Which characters a wildcard may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Any character.
    All,
    /// Any character but `:` (inside one ARN segment).
    NotColon,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Literal(char),
    One(Class),
    Star(Class),
}

/// A compiled wildcard pattern.
///
/// ```
/// use ecr_actions_pattern::Glob;
/// let glob = Glob::case_insensitive("get*image?");
/// assert!(glob.is_match("GetDownloadImages"));
/// assert!(!glob.is_match("GetDownloadImage"));
///
/// // In an ARN, `*` and `?` stay inside one segment, unless the `*` ends its segment.
/// let arn = Glob::arn("arn:aws:ecr:us-east-?:*:repository/*");
/// assert!(arn.is_match("arn:aws:ecr:us-east-1:111122223333:repository/app/web"));
/// assert!(!arn.is_match("arn:aws:ecr:us-east-10:111122223333:repository/app/web"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: String,
    case_insensitive: bool,
    /// How the pattern was read: language inclusion reads it again into tokens.
    syntax: Syntax,
    matcher: Matcher,
}

/// A literal chunk. Patterns of few chunks keep a substring searcher built once (memchr's `memmem`:
/// linear time, vectorized), so that matching many texts does not set one up per text; a searcher
/// takes a few hundred bytes, so patterns of many chunks build theirs per search instead, which keeps
/// memory linear in the pattern.
#[derive(Clone, Debug)]
struct Segment {
    text: Box<str>,
    finder: Option<Box<memchr::memmem::Finder<'static>>>,
}

/// Patterns of at most this many chunks keep prebuilt searchers.
const PREBUILT_SEARCHERS: usize = 8;

impl Segment {
    fn new(text: String, prebuilt: bool) -> Self {
        let finder =
            prebuilt.then(|| Box::new(memchr::memmem::Finder::new(text.as_bytes()).into_owned()));
        Self {
            text: text.into_boxed_str(),
            finder,
        }
    }

    /// Where the text first occurs in `haystack`.
    fn find(&self, haystack: &str) -> Option<usize> {
        match &self.finder {
            Some(finder) => finder.find(haystack.as_bytes()),
            None => memchr::memmem::find(haystack.as_bytes(), self.text.as_bytes()),
        }
    }
}

impl PartialEq for Segment {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Segment {}

/// The text between two stars that may match anything.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Chunk {
    Literal(Segment),
    Automaton(Automaton),
}

impl Chunk {
    fn new(tokens: &[Token], prebuilt: bool) -> Self {
        match literal_text(tokens) {
            Some(text) => Self::Literal(Segment::new(text, prebuilt)),
            None => Self::Automaton(Automaton::new(tokens)),
        }
    }

    /// What is left of `text` after the shortest prefix the chunk matches.
    fn after_prefix<'t>(&self, text: &'t str) -> Option<&'t str> {
        match self {
            Self::Literal(segment) => text.strip_prefix(&*segment.text),
            Self::Automaton(automaton) => automaton.after_first_match(text, false),
        }
    }

    /// What is left of `text` after the occurrence of the chunk that ends first.
    fn after_occurrence<'t>(&self, text: &'t str) -> Option<&'t str> {
        match self {
            Self::Literal(segment) => {
                let at = segment.find(text)?;
                // A match of a UTF-8 needle in UTF-8 text starts and ends on character boundaries
                // (UTF-8 is self-synchronizing), so `get` cannot fail; were it to, the chunk is
                // reported as not found, the answer for a text without it.
                text.get(at + segment.text.len()..)
            }
            Self::Automaton(automaton) => automaton.after_first_match(text, true),
        }
    }

    /// Whether some suffix of `text` matches the chunk.
    fn matches_suffix(&self, text: &str) -> bool {
        match self {
            Self::Literal(segment) => text.ends_with(&*segment.text),
            Self::Automaton(automaton) => automaton.matches_whole(text, true),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Matcher {
    /// No wildcard: equality.
    Literal(String),
    /// No star that may match anything: the whole text against one automaton.
    Whole(Automaton),
    /// Stars that may match anything, between an optional anchored prefix and suffix.
    Split {
        prefix: Option<Chunk>,
        middle: Box<[Chunk]>,
        suffix: Option<Chunk>,
    },
}

/// The characters of `tokens` if they are all literal.
fn literal_text(tokens: &[Token]) -> Option<String> {
    tokens
        .iter()
        .map(|token| match token {
            Token::Literal(c) => Some(*c),
            Token::One(_) | Token::Star(_) => None,
        })
        .collect()
}

/// Writes `text` into `out` escaped for [`Glob::new_escaped`] and [`Glob::arn_escaped`]: `*`, `?` and
/// `\` get a `\` before them, so that every character of `text` is a literal character of the
/// pattern. Escaping is injective: two different texts never give the same escaped text.
///
/// ```
/// use ecr_actions_pattern::{Glob, escape_into};
/// let mut pattern = String::from("team/");
/// escape_into("a*b", &mut pattern);
/// pattern.push('*');
/// assert_eq!(pattern, r"team/a\*b*");
/// let glob = Glob::new_escaped(&pattern);
/// assert!(glob.is_match("team/a*b/anything"));
/// assert!(!glob.is_match("team/axb/anything"));
/// ```
pub fn escape_into(text: &str, out: &mut String) {
    escape_with(text, |piece| out.push_str(piece));
}

/// Like [`escape_into`], but hands the escaped text to `push` piece by piece, for buffers that are
/// not a `String`.
///
/// ```
/// let mut out = String::new();
/// ecr_actions_pattern::escape_with(r"?\", |piece| out.push_str(piece));
/// assert_eq!(out, r"\?\\");
/// ```
pub fn escape_with(text: &str, mut push: impl FnMut(&str)) {
    let mut rest = text;
    while let Some(at) = rest.find(['*', '?', '\\']) {
        let (before, from) = rest.split_at(at);
        push(before);
        let mut chars = from.chars();
        let escaped = match chars.next() {
            Some('*') => r"\*",
            Some('?') => r"\?",
            _ => r"\\",
        };
        push(escaped);
        rest = chars.as_str();
    }
    push(rest);
}

/// How the characters of a pattern are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Syntax {
    case_insensitive: bool,
    /// `\*`, `\?`, `\\` (and `\` before any character) stand for the character after the `\`.
    escaped: bool,
    /// The ARN rule: a wildcard may not cross a `:` unless it is a `*` that ends its segment.
    arn: bool,
}

impl Glob {
    /// A case-sensitive pattern in which `*` and `?` match any character.
    #[must_use]
    pub fn new(pattern: &str) -> Self {
        Self::compile(
            pattern,
            Syntax {
                case_insensitive: false,
                escaped: false,
                arn: false,
            },
        )
    }

    /// Like [`Glob::new`], but `\*`, `\?` and `\\` stand for the characters `*`, `?` and `\` (a `\`
    /// before any other character stands for that character; a final lone `\` for itself). Text
    /// written with [`escape_into`] is therefore matched literally, whatever it holds.
    ///
    /// ```
    /// use ecr_actions_pattern::Glob;
    /// assert!(Glob::new_escaped(r"a\*").is_match("a*"));
    /// assert!(!Glob::new_escaped(r"a\*").is_match("ab"));
    /// ```
    #[must_use]
    pub fn new_escaped(pattern: &str) -> Self {
        Self::compile(
            pattern,
            Syntax {
                case_insensitive: false,
                escaped: true,
                arn: false,
            },
        )
    }

    /// A pattern matched ignoring ASCII case (as IAM matches action names), `*` and `?` matching any
    /// character.
    #[must_use]
    pub fn case_insensitive(pattern: &str) -> Self {
        Self::compile(
            pattern,
            Syntax {
                case_insensitive: true,
                escaped: false,
                arn: false,
            },
        )
    }

    /// A case-sensitive ARN pattern, as the `Resource` element matches ARNs: `*` and `?` match within one
    /// colon-separated segment, except that a `*` that ends its segment may reach past `:`.
    #[must_use]
    pub fn arn(pattern: &str) -> Self {
        Self::compile(
            pattern,
            Syntax {
                case_insensitive: false,
                escaped: false,
                arn: true,
            },
        )
    }

    /// Like [`Glob::arn`], with the escapes of [`Glob::new_escaped`].
    ///
    /// ```
    /// use ecr_actions_pattern::Glob;
    /// let glob = Glob::arn_escaped(r"arn:aws:ecr:*:*:repository/a\?*");
    /// assert!(glob.is_match("arn:aws:ecr:us-east-1:111122223333:repository/a?/web"));
    /// assert!(!glob.is_match("arn:aws:ecr:us-east-1:111122223333:repository/ab/web"));
    /// ```
    #[must_use]
    pub fn arn_escaped(pattern: &str) -> Self {
        Self::compile(
            pattern,
            Syntax {
                case_insensitive: false,
                escaped: true,
                arn: true,
            },
        )
    }

    fn compile(pattern: &str, syntax: Syntax) -> Self {
        let tokens = tokenize(pattern, syntax);
        let matcher = match literal_text(&tokens) {
            Some(text) => Matcher::Literal(text),
            None => split(&tokens),
        };
        Self {
            pattern: pattern.to_owned(),
            case_insensitive: syntax.case_insensitive,
            syntax,
            matcher,
        }
    }

    /// The pattern as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// Whether the pattern has no wildcard.
    #[must_use]
    pub fn is_literal(&self) -> bool {
        matches!(self.matcher, Matcher::Literal(_))
    }

    /// Whether the pattern matches all of `text`.
    #[must_use]
    pub fn is_match(&self, text: &str) -> bool {
        if self.case_insensitive && text.bytes().any(|b| b.is_ascii_uppercase()) {
            self.is_match_folded(&text.to_ascii_lowercase())
        } else {
            self.is_match_folded(text)
        }
    }

    /// Whether the pattern matches all of `text`, where `text` is already in ASCII lowercase if the
    /// pattern ignores case (callers that match many texts fold them once).
    #[must_use]
    pub fn is_match_folded(&self, text: &str) -> bool {
        match &self.matcher {
            Matcher::Literal(literal) => literal == text,
            Matcher::Whole(automaton) => automaton.matches_whole(text, false),
            Matcher::Split {
                prefix,
                middle,
                suffix,
            } => split_match(prefix.as_ref(), middle, suffix.as_ref(), text),
        }
    }
}

/// Reads `pattern` into tokens; consecutive stars are one star of the wider class.
fn tokenize(pattern: &str, syntax: Syntax) -> Vec<Token> {
    // Each character with whether it is a wildcard (not escaped).
    let mut items: Vec<(char, bool)> = Vec::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if syntax.escaped => items.push((chars.next().unwrap_or('\\'), false)),
            '*' | '?' => items.push((c, true)),
            _ => items.push((c, false)),
        }
    }
    let mut tokens: Vec<Token> = Vec::with_capacity(items.len());
    let mut rest = items.iter().peekable();
    while let Some(&(c, wildcard)) = rest.next() {
        let class = if !syntax.arn {
            Class::All
        } else {
            match (c, rest.peek()) {
                ('*', None | Some((':', false))) => Class::All,
                _ => Class::NotColon,
            }
        };
        let token = match (c, wildcard) {
            ('*', true) => Token::Star(class),
            ('?', true) => Token::One(class),
            _ if syntax.case_insensitive => Token::Literal(c.to_ascii_lowercase()),
            _ => Token::Literal(c),
        };
        if let (Token::Star(new), Some(Token::Star(old))) = (token, tokens.last_mut()) {
            if new == Class::All {
                *old = Class::All;
            }
            continue;
        }
        tokens.push(token);
    }
    tokens
}

/// Splits `tokens` (not all literal) at the stars that may match anything.
fn split(tokens: &[Token]) -> Matcher {
    let mut parts = tokens.split(|t| *t == Token::Star(Class::All));
    let (Some(first), Some(last)) = (parts.next(), parts.next_back()) else {
        // One part: no such star, the whole text must match the pattern.
        return Matcher::Whole(Automaton::new(tokens));
    };
    let prebuilt = tokens
        .iter()
        .filter(|t| **t == Token::Star(Class::All))
        .count()
        < PREBUILT_SEARCHERS;
    let chunk = |part: &[Token]| (!part.is_empty()).then(|| Chunk::new(part, prebuilt));
    Matcher::Split {
        prefix: chunk(first),
        middle: parts.filter_map(chunk).collect(),
        suffix: chunk(last),
    }
}

/// The prefix chunk matches a prefix of the text (the shortest: the star after it can absorb the
/// rest), each middle chunk the occurrence that ends first in what is left, and the suffix chunk a
/// suffix of the rest. Taking the earliest end is optimal: it leaves the most text for what follows.
fn split_match(
    prefix: Option<&Chunk>,
    middle: &[Chunk],
    suffix: Option<&Chunk>,
    text: &str,
) -> bool {
    let mut rest = text;
    if let Some(prefix) = prefix {
        match prefix.after_prefix(rest) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    for chunk in middle {
        match chunk.after_occurrence(rest) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    suffix.is_none_or(|suffix| suffix.matches_suffix(rest))
}

impl fmt::Debug for Glob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Glob").field(&self.pattern).finish()
    }
}

impl fmt::Display for Glob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.pattern)
    }
}

#[cfg(test)]
mod tests;
