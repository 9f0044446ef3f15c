//! A bit-parallel automaton (Shift-And, with self-loops for stars) for one chunk of a pattern.
//!
//! State `j` means "the first `j` positions (non-star tokens) of the chunk have matched"; a star
//! after position `j` lets state `j` stay on characters of its class. For each character of the
//! text every state advances at once: `(states << 1) & enter(c) | states & stay(c)`, one word
//! operation per 64 states.
//!
//! `enter(c)`, the states whose position accepts `c`, must cost no more than the chunk's words to
//! find, whatever the alphabet. A character that fills at least one position per word of the chunk
//! (at most 64 such characters, since there are fewer than 64 positions per word) keeps a dense mask,
//! found by binary search; every other character keeps the sorted list of its positions, fewer than
//! one per word, set into a scratch mask when the text holds it. Memory stays linear in the chunk.

use super::{Class, Token};

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Automaton {
    /// Words per state vector: `last / 64 + 1`.
    words: usize,
    /// The accepting state: the number of positions.
    last: usize,
    /// Four state vectors of `words` words (`?` of any character, `?` of any but `:`, a star of any
    /// character, a star of any but `:`), then one per dense character, in the order of `dense`.
    bits: Box<[u64]>,
    /// The characters with a dense mask, sorted.
    dense: Box<[char]>,
    /// The other characters of the chunk with one of their positions, sorted.
    sparse: Box<[(char, usize)]>,
}

const ONE_ALL: usize = 0;
const ONE_NOT_COLON: usize = 1;
const STAR_ALL: usize = 2;
const STAR_NOT_COLON: usize = 3;
const FIXED: usize = 4;

fn set(bits: &mut [u64], state: usize) {
    if let Some(word) = bits.get_mut(state / 64) {
        *word |= 1 << (state % 64);
    }
}

/// Word `w` of a state vector; vectors are read as zero past their end.
fn word(bits: &[u64], w: usize) -> u64 {
    bits.get(w).copied().unwrap_or(0)
}

/// Patterns of up to this many words run on the stack: matching them allocates nothing.
const STACK_WORDS: usize = 4;

impl Automaton {
    pub(super) fn new(tokens: &[Token]) -> Self {
        let last = tokens
            .iter()
            .filter(|t| !matches!(t, Token::Star(_)))
            .count();
        let words = last / 64 + 1;
        let mut fixed = vec![0u64; FIXED * words];
        let mut literals: Vec<(char, usize)> = Vec::new();
        let mut state = 0;
        for token in tokens {
            let (vector, at) = match token {
                Token::Star(Class::All) => (STAR_ALL, state),
                Token::Star(Class::NotColon) => (STAR_NOT_COLON, state),
                Token::One(class) => {
                    state += 1;
                    match class {
                        Class::All => (ONE_ALL, state),
                        Class::NotColon => (ONE_NOT_COLON, state),
                    }
                }
                Token::Literal(c) => {
                    state += 1;
                    literals.push((*c, state));
                    continue;
                }
            };
            if let Some(bits) = fixed.get_mut(vector * words..(vector + 1) * words) {
                set(bits, at);
            }
        }
        literals.sort_unstable();
        let mut dense = Vec::new();
        let mut sparse = Vec::new();
        let mut rest = literals.as_slice();
        while let Some(&(c, _)) = rest.first() {
            let count = rest.iter().take_while(|(d, _)| *d == c).count();
            let (run, after) = rest.split_at(count);
            if count >= words {
                dense.push(c);
                let start = fixed.len();
                fixed.resize(start + words, 0);
                for &(_, state) in run {
                    if let Some(bits) = fixed.get_mut(start..) {
                        set(bits, state);
                    }
                }
            } else {
                sparse.extend_from_slice(run);
            }
            rest = after;
        }
        Self {
            words,
            last,
            bits: fixed.into_boxed_slice(),
            dense: dense.into_boxed_slice(),
            sparse: sparse.into_boxed_slice(),
        }
    }

    /// State vector `index` of `bits`. Bit vectors are read as zero past their end (see `word`),
    /// and `new` sizes `bits` to hold every vector, so this is always the full vector.
    fn vector(&self, index: usize) -> &[u64] {
        let start = index * self.words;
        self.bits.get(start..start + self.words).unwrap_or(&[])
    }

    /// The dense mask of `c`, if it has one.
    fn dense_mask(&self, c: char) -> Option<&[u64]> {
        let at = self.dense.partition_point(|d| *d < c);
        match self.dense.get(at) {
            Some(d) if *d == c => Some(self.vector(FIXED + at)),
            _ => None,
        }
    }

    /// The positions of `c` that have no dense mask.
    fn sparse_states(&self, c: char) -> impl Iterator<Item = usize> + '_ {
        let at = self.sparse.partition_point(|(d, _)| *d < c);
        // `skip` on a slice iterator is constant time.
        self.sparse
            .iter()
            .skip(at)
            .take_while(move |(d, _)| *d == c)
            .map(|(_, state)| *state)
    }

    /// What is left of `text` after the shortest match: a prefix of `text`, or with `floating` any
    /// substring (the one that ends first).
    pub(super) fn after_first_match<'t>(&self, text: &'t str, floating: bool) -> Option<&'t str> {
        self.run(text, floating, true)
    }

    /// Whether all of `text` matches, or with `floating` some suffix of it.
    pub(super) fn matches_whole(&self, text: &str, floating: bool) -> bool {
        self.run(text, floating, false).is_some_and(str::is_empty)
    }

    /// Runs over `text`. `floating` lets a match start at any character (state 0 is entered again
    /// before each one). With `first`, stops at the first match and returns the text after it;
    /// without, returns the empty rest if the whole text ends in a match.
    fn run<'t>(&self, text: &'t str, floating: bool, first: bool) -> Option<&'t str> {
        // Each position takes a character, of one byte at least: a text too short is refused
        // before any state is built (a mebibyte of `?` against a name costs nothing).
        if text.len() < self.last {
            return None;
        }
        if self.words == 1 {
            return self.run_one_word(text, floating, first);
        }
        if self.words <= STACK_WORDS {
            // Buffers longer than the chunk's words are harmless: no mask has a bit past the
            // accepting state, so the words past it stay zero.
            let mut states = [0u64; STACK_WORDS];
            let mut next = [0u64; STACK_WORDS];
            let mut scratch = [0u64; STACK_WORDS];
            self.run_words(
                text,
                floating,
                first,
                [&mut states, &mut next, &mut scratch],
            )
        } else {
            let mut buffers = vec![0u64; 3 * self.words];
            let (states, rest) = buffers.split_at_mut(self.words);
            let (next, scratch) = rest.split_at_mut(self.words);
            self.run_words(text, floating, first, [states, next, scratch])
        }
    }

    /// `run` for chunks of fewer than 64 positions: every mask is one word, every character
    /// dense.
    fn run_one_word<'t>(&self, text: &'t str, floating: bool, first: bool) -> Option<&'t str> {
        let [one_all, one_not_colon, star_all, star_not_colon] =
            [ONE_ALL, ONE_NOT_COLON, STAR_ALL, STAR_NOT_COLON].map(|v| word(self.vector(v), 0));
        let accept = 1u64 << self.last;
        let mut states = 1u64;
        let mut chars = text.chars();
        loop {
            if floating {
                states |= 1;
            }
            if first && states & accept != 0 {
                return Some(chars.as_str());
            }
            if states == 0 {
                return None;
            }
            let Some(c) = chars.next() else {
                return (states & accept != 0).then_some(chars.as_str());
            };
            let mut enter = self.dense_mask(c).map_or(0, |m| word(m, 0)) | one_all;
            let mut stay = star_all;
            if c != ':' {
                enter |= one_not_colon;
                stay |= star_not_colon;
            }
            states = ((states << 1) & enter) | (states & stay);
        }
    }

    fn run_words<'t>(
        &self,
        text: &'t str,
        floating: bool,
        first: bool,
        [mut states, mut next, scratch]: [&mut [u64]; 3],
    ) -> Option<&'t str> {
        let (one_all, one_not_colon, star_all, star_not_colon) = (
            self.vector(ONE_ALL),
            self.vector(ONE_NOT_COLON),
            self.vector(STAR_ALL),
            self.vector(STAR_NOT_COLON),
        );
        let accepted = |states: &[u64]| word(states, self.last / 64) & (1 << (self.last % 64)) != 0;
        set(states, 0);
        let mut chars = text.chars();
        loop {
            if floating {
                set(states, 0);
            }
            if first && accepted(states) {
                return Some(chars.as_str());
            }
            if states.iter().all(|w| *w == 0) {
                return None;
            }
            let Some(c) = chars.next() else {
                return accepted(states).then_some(chars.as_str());
            };
            let literal: &[u64] = match self.dense_mask(c) {
                Some(mask) => mask,
                None => {
                    scratch.fill(0);
                    for state in self.sparse_states(c) {
                        set(scratch, state);
                    }
                    scratch
                }
            };
            let colon = c == ':';
            let mut carry = 0;
            for (w, out) in next.iter_mut().enumerate() {
                let current = word(states, w);
                let shifted = (current << 1) | carry;
                carry = current >> 63;
                let mut enter = word(literal, w) | word(one_all, w);
                let mut stay = word(star_all, w);
                if !colon {
                    enter |= word(one_not_colon, w);
                    stay |= word(star_not_colon, w);
                }
                *out = (shifted & enter) | (current & stay);
            }
            core::mem::swap(&mut states, &mut next);
        }
    }
}
