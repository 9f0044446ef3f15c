//! IAM wildcard matching: `*` matches any run of characters, `?` any one character.
//!
//! Matching is linear whatever the pattern: there is no backtracking. A pattern whose only wildcard is a
//! `*` that may match anything is matched segment by segment (the text between two stars), each segment
//! found leftmost with a substring searcher built once (memchr's `memmem`, linear); leftmost is optimal for
//! such patterns. Any other pattern runs as a bit-parallel automaton: one bit per position of the
//! pattern, all positions advanced together for each character of the text, so a 10 KB pattern against a
//! long name costs (text length × pattern length / 64) word operations, not an exponential search.

use std::fmt;

/// Which characters a wildcard may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Any character.
    All,
    /// Any character but `:` (inside one ARN segment).
    NotColon,
}

#[derive(Clone, Debug, PartialEq, Eq)]
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
    matcher: Matcher,
}

/// A literal run between two stars, with its substring searcher built once (memchr's `memmem`: linear
/// time, vectorized), so that matching many texts does not set up a search per text.
#[derive(Clone, Debug)]
struct Segment {
    text: String,
    finder: memchr::memmem::Finder<'static>,
}

impl Segment {
    fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            finder: memchr::memmem::Finder::new(text.as_bytes()).into_owned(),
        }
    }
}

impl PartialEq for Segment {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Segment {}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Matcher {
    /// No wildcard: equality.
    Literal(String),
    /// Only `*` of class `All`: the literal runs between stars, and whether the pattern is anchored at
    /// either end (does not start / end with a star).
    Segments {
        segments: Vec<Segment>,
        anchored_start: bool,
        anchored_end: bool,
    },
    /// Anything else.
    Automaton(Automaton),
}

impl Glob {
    /// A case-sensitive pattern in which `*` and `?` match any character.
    #[must_use]
    pub fn new(pattern: &str) -> Self {
        Self::compile(pattern, false, |_, _| Class::All)
    }

    /// A pattern matched ignoring ASCII case (as IAM matches action names), `*` and `?` matching any
    /// character.
    #[must_use]
    pub fn case_insensitive(pattern: &str) -> Self {
        Self::compile(pattern, true, |_, _| Class::All)
    }

    /// A case-sensitive ARN pattern, as the `Resource` element matches ARNs: `*` and `?` match within one
    /// colon-separated segment, except that a `*` that ends its segment may reach past `:`.
    #[must_use]
    pub fn arn(pattern: &str) -> Self {
        Self::compile(pattern, false, |wildcard, next| match (wildcard, next) {
            ('*', None | Some(':')) => Class::All,
            _ => Class::NotColon,
        })
    }

    fn compile(
        pattern: &str,
        case_insensitive: bool,
        class: impl Fn(char, Option<char>) -> Class,
    ) -> Self {
        let folded;
        let text = if case_insensitive {
            folded = pattern.to_ascii_lowercase();
            folded.as_str()
        } else {
            pattern
        };
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            let token = match c {
                '*' => Token::Star(class('*', next)),
                '?' => Token::One(class('?', next)),
                _ => Token::Literal(c),
            };
            // Consecutive stars are one star; the wider class wins.
            if let (Token::Star(new), Some(Token::Star(old))) = (&token, tokens.last_mut()) {
                if *new == Class::All {
                    *old = Class::All;
                }
                continue;
            }
            tokens.push(token);
        }
        let matcher = if tokens.iter().all(|t| matches!(t, Token::Literal(_))) {
            Matcher::Literal(text.to_owned())
        } else if tokens
            .iter()
            .all(|t| matches!(t, Token::Literal(_) | Token::Star(Class::All)))
        {
            Matcher::Segments {
                anchored_start: !text.starts_with('*'),
                anchored_end: !text.ends_with('*'),
                segments: text
                    .split('*')
                    .filter(|s| !s.is_empty())
                    .map(Segment::new)
                    .collect(),
            }
        } else {
            Matcher::Automaton(Automaton::new(&tokens, case_insensitive))
        };
        Self {
            pattern: pattern.to_owned(),
            case_insensitive,
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
            Matcher::Segments {
                segments,
                anchored_start,
                anchored_end,
            } => segments_match(segments, *anchored_start, *anchored_end, text),
            Matcher::Automaton(automaton) => automaton.is_match(text),
        }
    }
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

/// Star-only patterns: the first segment is a prefix (if anchored), the last a suffix (if anchored), and
/// the ones between are found leftmost, in order, in what is left. Leftmost is optimal: it leaves the
/// most text for the segments after it.
fn segments_match(
    segments: &[Segment],
    anchored_start: bool,
    anchored_end: bool,
    text: &str,
) -> bool {
    let mut middle: &[Segment] = segments;
    let mut rest = text;
    if anchored_start {
        let Some((first, tail)) = middle.split_first() else {
            return text.is_empty();
        };
        let Some(after) = rest.strip_prefix(first.text.as_str()) else {
            return false;
        };
        rest = after;
        middle = tail;
    }
    if anchored_end {
        let Some((last, head)) = middle.split_last() else {
            // The pattern was one anchored literal with stars nowhere: handled as Literal; or the
            // only segment was consumed as the prefix and the pattern ends with it.
            return rest.is_empty();
        };
        let Some(before) = rest.strip_suffix(last.text.as_str()) else {
            return false;
        };
        rest = before;
        middle = head;
    }
    for segment in middle {
        // A UTF-8 needle found in UTF-8 text starts and ends on character boundaries.
        match segment.finder.find(rest.as_bytes()) {
            Some(at) => rest = rest.get(at + segment.text.len()..).unwrap_or_default(),
            None => return false,
        }
    }
    true
}

/// A bit-parallel automaton (Shift-And with self-loops for stars). State `j` means "the first `j`
/// non-star tokens have matched"; a star after token `j` lets state `j` stay on characters of its class.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Automaton {
    words: usize,
    /// The state that accepts: the number of non-star tokens.
    last: usize,
    /// For each ASCII character, the states `j + 1` whose token `j + 1` accepts it.
    ascii: Vec<u64>,
    /// The same for the non-ASCII characters the pattern names.
    other: Vec<(char, Vec<u64>)>,
    /// States entered on any character (`?` of class `All`), and on any but `:` (`?` of `NotColon`).
    one_all: Vec<u64>,
    one_not_colon: Vec<u64>,
    /// States that stay on any character (a `*` of class `All` follows), and on any but `:`.
    star_all: Vec<u64>,
    star_not_colon: Vec<u64>,
}

fn set(bits: &mut [u64], state: usize) {
    if let Some(word) = bits.get_mut(state / 64) {
        *word |= 1 << (state % 64);
    }
}

impl Automaton {
    fn new(tokens: &[Token], case_insensitive: bool) -> Self {
        let last = tokens
            .iter()
            .filter(|t| !matches!(t, Token::Star(_)))
            .count();
        let words = last / 64 + 1;
        let zero = || vec![0u64; words];
        let mut automaton = Self {
            words,
            last,
            ascii: vec![0; 128 * words],
            other: Vec::new(),
            one_all: zero(),
            one_not_colon: zero(),
            star_all: zero(),
            star_not_colon: zero(),
        };
        let mut state = 0;
        for token in tokens {
            match token {
                Token::Star(Class::All) => set(&mut automaton.star_all, state),
                Token::Star(Class::NotColon) => set(&mut automaton.star_not_colon, state),
                Token::One(class) => {
                    state += 1;
                    match class {
                        Class::All => set(&mut automaton.one_all, state),
                        Class::NotColon => set(&mut automaton.one_not_colon, state),
                    }
                }
                Token::Literal(c) => {
                    state += 1;
                    let variants = if case_insensitive && c.is_ascii_alphabetic() {
                        [c.to_ascii_lowercase(), c.to_ascii_uppercase()]
                    } else {
                        [*c, *c]
                    };
                    for c in variants {
                        if let Some(bits) = automaton.literal_bits(c) {
                            set(bits, state);
                        }
                    }
                }
            }
        }
        automaton
    }

    fn literal_bits(&mut self, c: char) -> Option<&mut [u64]> {
        let words = self.words;
        if c.is_ascii() {
            let start = c as usize * words;
            return self.ascii.get_mut(start..start + words);
        }
        let index = match self.other.iter().position(|(o, _)| *o == c) {
            Some(index) => index,
            None => {
                self.other.push((c, vec![0; words]));
                self.other.len() - 1
            }
        };
        self.other
            .get_mut(index)
            .map(|(_, bits)| bits.as_mut_slice())
    }

    fn literal(&self, c: char) -> Option<&[u64]> {
        if c.is_ascii() {
            let start = c as usize * self.words;
            self.ascii.get(start..start + self.words)
        } else {
            self.other
                .iter()
                .find(|(o, _)| *o == c)
                .map(|(_, bits)| bits.as_slice())
        }
    }

    /// Patterns of up to this many words run on the stack: matching them allocates nothing.
    const STACK_WORDS: usize = 4;

    fn is_match(&self, text: &str) -> bool {
        if self.words <= Self::STACK_WORDS {
            let mut states = [0u64; Self::STACK_WORDS];
            let mut next = [0u64; Self::STACK_WORDS];
            let (states, next) = (
                states.get_mut(..self.words).unwrap_or_default(),
                next.get_mut(..self.words).unwrap_or_default(),
            );
            self.run(text, states, next)
        } else {
            self.run(
                text,
                &mut vec![0u64; self.words],
                &mut vec![0u64; self.words],
            )
        }
    }

    /// Runs the automaton over `text` with two state buffers of `self.words` words.
    fn run(&self, text: &str, states: &mut [u64], next: &mut [u64]) -> bool {
        set(states, 0);
        let (mut states, mut next) = (states, next);
        for c in text.chars() {
            let literal = self.literal(c);
            let colon = c == ':';
            let mut carry = 0;
            let mut alive = 0;
            for (w, out) in next.iter_mut().enumerate() {
                let current = states.get(w).copied().unwrap_or(0);
                let shifted = (current << 1) | carry;
                carry = current >> 63;
                let get = |bits: &[u64]| bits.get(w).copied().unwrap_or(0);
                let mut enter = literal.map_or(0, get) | get(&self.one_all);
                let mut stay = get(&self.star_all);
                if !colon {
                    enter |= get(&self.one_not_colon);
                    stay |= get(&self.star_not_colon);
                }
                *out = (shifted & enter) | (current & stay);
                alive |= *out;
            }
            if alive == 0 {
                return false;
            }
            std::mem::swap(&mut states, &mut next);
        }
        states
            .get(self.last / 64)
            .is_some_and(|word| word & (1 << (self.last % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    #[test]
    fn stars_and_question_marks() {
        let cases = [
            ("*", "", true),
            ("*", "anything", true),
            ("", "", true),
            ("", "a", false),
            ("a*", "a", true),
            ("a*a", "a", false),
            ("a*a", "aa", true),
            ("*a*a*", "banana", true),
            ("*a*a*a*a*", "banana", false),
            ("?", "", false),
            ("?", "x", true),
            ("??", "x", false),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("*?", "", false),
            ("*?", "x", true),
            ("ab*cd*ef", "abXcdYef", true),
            ("ab*cd*ef", "abXcdYe", false),
            ("ab*ab", "ab", false),
            ("ab*ab", "abab", true),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(
                Glob::new(pattern).is_match(text),
                expected,
                "{pattern} ~ {text}"
            );
        }
    }

    #[test]
    fn case() {
        assert!(Glob::case_insensitive("Get*").is_match("gETdownloadurl"));
        assert!(Glob::case_insensitive("GET?").is_match("gets"));
        assert!(!Glob::new("Get*").is_match("get"));
    }

    #[test]
    fn non_ascii_characters_are_one_character() {
        assert!(Glob::new("a?b").is_match("aéb"));
        assert!(Glob::new("*é*").is_match("café au lait"));
        assert!(Glob::new("?é?").is_match("xéy"));
        assert!(!Glob::new("?é?").is_match("xey"));
    }

    #[test]
    fn arn_wildcards_stay_in_their_segment_unless_the_star_ends_it() {
        let arn = "arn:aws:ecr:us-east-1:111122223333:repository/app/web";
        assert!(Glob::arn("arn:aws:ecr:*:*:*").is_match(arn));
        assert!(Glob::arn("arn:aws:ecr:*").is_match(arn));
        assert!(Glob::arn("arn:aws:ecr:us-east-?:111122223333:repository/*").is_match(arn));
        assert!(Glob::arn("arn:aws:ecr:us-east-1:111122223333:repository/*/web").is_match(arn));
        assert!(!Glob::arn("arn:aws:ecr:us-east-1:111122223333:repository/app/web/").is_match(arn));
        // A star inside a segment does not cross a colon.
        assert!(!Glob::arn("arn:aws:ecr:us*1:repository/app/web").is_match(arn));
        assert!(!Glob::arn("arn:aws:ecr:us-east-1?111122223333:repository/app/web").is_match(arn));
        assert!(Glob::arn("arn:aws:ecr:us-east-1:*:repository/app/web").is_match(arn));
        // ARNs are case-sensitive.
        assert!(!Glob::arn("arn:aws:ecr:us-east-1:111122223333:repository/App/web").is_match(arn));
    }

    #[test]
    fn long_hostile_patterns_stay_fast() {
        let pattern = "*a".repeat(5_000) + "*b";
        let text = "a".repeat(2_000);
        let start = std::time::Instant::now();
        assert!(!Glob::new(&pattern).is_match(&text));
        assert!(!Glob::new(&(pattern.clone() + "?")).is_match(&text));
        assert!(Glob::new(&"*a".repeat(1_000)).is_match(&text));
        assert!(!Glob::new(&"*a".repeat(2_001)).is_match(&text));
        // Not a timing assertion (benchmarks measure speed): a backtracking matcher would not return.
        let _ = start.elapsed();
    }
}
