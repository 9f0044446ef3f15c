//! Language inclusion and overlap of wildcard patterns: whether every text one pattern matches is
//! matched by one of several others, and whether two patterns match a common text — exactly, for
//! `*` and `?` under every syntax a [`Glob`] reads (ARN segments, escapes, ASCII case).
//!
//! # How
//!
//! A pattern is a small automaton: state `j` means "the first `j` positions have matched", a star
//! after position `j` loops on state `j` (on every character, or every character but `:` inside an
//! ARN segment). Inclusion of `p` in `q₁ ∪ … ∪ qₖ` explores the product of `p`'s automaton with the
//! subset construction of the `q`s' (their states together, one bit each): a pair `(i, S)` is reached
//! by a text that takes `p` to `i` and the `q`s to exactly the states `S`. `p` is included when no
//! reached pair has `p` accepting and `S` holding no accepting state. Overlap explores the same
//! product and looks for a pair where both accept.
//!
//! The alphabet is infinite, but only a few classes of characters behave differently: each literal
//! character of the patterns, `:`, and "any other character" (all others act alike in every
//! automaton). The exploration steps on one representative of each class, so it is exact. A text
//! that separates the patterns is built back from the path (a character outside every pattern stands
//! for "any other character").
//!
//! # Cost, and its bound
//!
//! The subset construction can blow up (`*a?????????` against its variants): the exploration stops
//! after [`MAX_PRODUCT_STATES`] pairs or [`MAX_TRANSITIONS`] transitions, whichever comes first, and
//! answers [`Inclusion::Unknown`] (or [`Overlap::Unknown`]) rather than run on. At each pair only
//! the characters its states step on are tried (at most one per active state, plus `:` and "any
//! other"), each costing a transition per active state of the `q`s: so one question costs at most
//! `MAX_TRANSITIONS` transitions (plus hashing the pairs), and memory of `MAX_PRODUCT_STATES` pairs
//! of `⌈(Σ|qᵢ| + k) / 64⌉` words each. Patterns of policies (a few stars each) stay far below it: a
//! star that ends a pattern accepts everything after it, and the exploration does not go on past a
//! pair whose `S` holds such a state.

use std::collections::HashMap;

use super::{Class, Glob, Matcher, Token, tokenize};

/// The most pairs (state of one pattern, set of states of the others) an inclusion or overlap
/// question explores before it answers `Unknown`.
pub const MAX_PRODUCT_STATES: usize = 20_000;

/// The most automaton transitions (one per active state of the others per character class tried)
/// an inclusion or overlap question makes before it answers `Unknown`: a bound on time whatever the
/// patterns' lengths (two patterns of 10,240 characters each stop here, not after the pairs).
pub const MAX_TRANSITIONS: usize = 4_000_000;

/// Whether every text a pattern matches is matched by one of others ([`Glob::is_included_in`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inclusion {
    /// Every text the pattern matches, one of the others matches too.
    Included,
    /// A text the pattern matches and none of the others does.
    Excluded {
        /// The text (in ASCII lowercase for patterns that ignore case).
        witness: String,
    },
    /// Not decided: the patterns are read differently (one ignores case, the other not; one follows
    /// the ARN rules, the other not), or the exploration went past [`MAX_PRODUCT_STATES`].
    Unknown,
}

/// Whether two patterns match a common text ([`Glob::overlap`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlap {
    /// No text matches both.
    Disjoint,
    /// A text both match.
    Common {
        /// The text.
        witness: String,
    },
    /// Not decided (see [`Inclusion::Unknown`]).
    Unknown,
}

/// One pattern as an automaton: per state, its star loop and the step to the next state.
struct Nfa {
    /// For state `j`: the class of the star that loops on it, if any.
    stay: Vec<Option<Class>>,
    /// For state `j < last`: what moves it to `j + 1`.
    step: Vec<Step>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Literal(char),
    One(Class),
}

/// A class of characters: a literal of the patterns, `:`, or any other character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Symbol {
    Char(char),
    Other,
}

fn class_accepts(class: Class, symbol: Symbol) -> bool {
    match class {
        Class::All => true,
        Class::NotColon => symbol != Symbol::Char(':'),
    }
}

impl Step {
    fn accepts(self, symbol: Symbol) -> bool {
        match self {
            Self::Literal(c) => symbol == Symbol::Char(c),
            Self::One(class) => class_accepts(class, symbol),
        }
    }
}

impl Nfa {
    fn new(tokens: &[Token]) -> Self {
        let mut stay = vec![None];
        let mut step = Vec::new();
        for token in tokens {
            match token {
                Token::Star(class) => {
                    if let Some(last) = stay.last_mut() {
                        // `tokenize` merges consecutive stars; a star of any character wins.
                        *last = match (*last, class) {
                            (Some(Class::All), _) | (_, Class::All) => Some(Class::All),
                            _ => Some(Class::NotColon),
                        };
                    }
                }
                Token::Literal(c) => {
                    step.push(Step::Literal(*c));
                    stay.push(None);
                }
                Token::One(class) => {
                    step.push(Step::One(*class));
                    stay.push(None);
                }
            }
        }
        Self { stay, step }
    }

    fn last(&self) -> usize {
        self.step.len()
    }

    /// The states `state` moves to on `symbol` (at most two).
    fn next(&self, state: usize, symbol: Symbol) -> impl Iterator<Item = usize> {
        let stays = self
            .stay
            .get(state)
            .copied()
            .flatten()
            .is_some_and(|class| class_accepts(class, symbol));
        let moves = self.step.get(state).is_some_and(|s| s.accepts(symbol));
        [stays.then_some(state), moves.then_some(state + 1)]
            .into_iter()
            .flatten()
    }

    /// Whether every text is accepted once `state` is reached: it accepts and loops on any character.
    fn universal_at(&self, state: usize) -> bool {
        state == self.last() && self.stay.get(state).copied().flatten() == Some(Class::All)
    }

    fn literals(&self) -> impl Iterator<Item = char> + '_ {
        self.step.iter().filter_map(|s| match s {
            Step::Literal(c) => Some(*c),
            Step::One(_) => None,
        })
    }
}

/// The others' automata side by side, flattened: state `j` of automaton `k` is global state
/// `offsets[k] + j`, and each global state knows its loop, its step and whether it accepts.
struct Union {
    nfas: Vec<Nfa>,
    stay: Vec<Option<Class>>,
    /// The step to the next global state (none from an accepting state).
    step: Vec<Option<Step>>,
    accept: Vec<bool>,
    /// Accepting and looping on every character: every continuation is accepted.
    universal: Vec<bool>,
    starts: Vec<usize>,
    words: usize,
}

type Bits = Box<[u64]>;

fn set_bit(bits: &mut [u64], index: usize) {
    if let Some(word) = bits.get_mut(index / 64) {
        *word |= 1 << (index % 64);
    }
}

/// The set bits of `bits`, in order.
fn ones(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(w, word)| {
        let mut rest = *word;
        core::iter::from_fn(move || {
            (rest != 0).then(|| {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                w * 64 + bit
            })
        })
    })
}

impl Union {
    fn new(nfas: Vec<Nfa>) -> Self {
        let mut stay = Vec::new();
        let mut step = Vec::new();
        let mut accept = Vec::new();
        let mut universal = Vec::new();
        let mut starts = Vec::new();
        for nfa in &nfas {
            starts.push(stay.len());
            for state in 0..=nfa.last() {
                stay.push(nfa.stay.get(state).copied().flatten());
                step.push(nfa.step.get(state).copied());
                accept.push(state == nfa.last());
                universal.push(nfa.universal_at(state));
            }
        }
        let words = stay.len() / 64 + 1;
        Self {
            nfas,
            stay,
            step,
            accept,
            universal,
            starts,
            words,
        }
    }

    fn start(&self) -> Bits {
        let mut bits = vec![0; self.words].into_boxed_slice();
        for &start in &self.starts {
            set_bit(&mut bits, start);
        }
        bits
    }

    fn step(&self, from: &[u64], symbol: Symbol) -> Bits {
        let mut bits = vec![0; self.words].into_boxed_slice();
        for state in ones(from) {
            if self
                .stay
                .get(state)
                .copied()
                .flatten()
                .is_some_and(|class| class_accepts(class, symbol))
            {
                set_bit(&mut bits, state);
            }
            if self
                .step
                .get(state)
                .copied()
                .flatten()
                .is_some_and(|step| step.accepts(symbol))
            {
                set_bit(&mut bits, state + 1);
            }
        }
        bits
    }

    fn accepts(&self, bits: &[u64]) -> bool {
        ones(bits).any(|state| self.accept.get(state).copied().unwrap_or(false))
    }

    fn universal(&self, bits: &[u64]) -> bool {
        ones(bits).any(|state| self.universal.get(state).copied().unwrap_or(false))
    }

    /// The literal characters the states of `bits` may step on.
    fn literals<'a>(&'a self, bits: &'a [u64]) -> impl Iterator<Item = char> + 'a {
        ones(bits).filter_map(|state| match self.step.get(state).copied().flatten() {
            Some(Step::Literal(c)) => Some(c),
            _ => None,
        })
    }
}

/// What the exploration looks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Goal {
    /// `p` accepts and no other does.
    Escape,
    /// `p` and the other both accept.
    Meet,
}

enum Found {
    Witness(String),
    None,
    TooCostly,
}

fn explore(p: &Nfa, others: &Union, other_char: char, goal: Goal, colons: Option<usize>) -> Found {
    // A pair, with the colons read so far when the texts are those with exactly `colons` colons.
    type Node = (usize, Bits, usize);
    // Every reached pair once, with its id (its place in `reached`), and how it was first reached:
    // the id of the pair before and the symbol.
    let mut ids: HashMap<Node, usize> = HashMap::new();
    let mut reached: Vec<(Node, Option<(usize, Symbol)>)> = Vec::new();
    let start: Node = (0, others.start(), 0);
    ids.insert(start.clone(), 0);
    reached.push((start, None));
    let mut here: Vec<Symbol> = Vec::new();
    let mut next_id = 0;
    let mut transitions: usize = 0;
    while let Some((node, _)) = reached.get(next_id) {
        let id = next_id;
        next_id += 1;
        let (i, bits, read) = node;
        let (i, read) = (*i, *read);
        let p_accepts = i == p.last() && colons.is_none_or(|c| c == read);
        let found = match goal {
            Goal::Escape => p_accepts && !others.accepts(bits),
            Goal::Meet => p_accepts && others.accepts(bits),
        };
        if found {
            return Found::Witness(path(&reached, id, other_char));
        }
        if goal == Goal::Escape && others.universal(bits) {
            // Every continuation is matched by the others: nothing to find past here.
            continue;
        }
        // Only the characters a state of this pair steps on behave apart; every other character
        // acts as "any other character" here.
        here.clear();
        here.extend([Symbol::Char(':'), Symbol::Other]);
        let literals = p
            .step
            .get(i)
            .and_then(|s| match s {
                Step::Literal(c) => Some(*c),
                Step::One(_) => None,
            })
            .into_iter()
            .chain(others.literals(bits));
        for c in literals {
            if !here.contains(&Symbol::Char(c)) {
                here.push(Symbol::Char(c));
            }
        }
        let mut successors: Vec<(Node, Symbol)> = Vec::new();
        for &symbol in &here {
            let read = match (colons, symbol) {
                (None, _) => 0,
                (Some(limit), Symbol::Char(':')) if read >= limit => continue,
                (Some(_), Symbol::Char(':')) => read + 1,
                (Some(_), _) => read,
            };
            transitions = transitions
                .saturating_add(bits.iter().map(|w| w.count_ones() as usize).sum::<usize>())
                .saturating_add(bits.len());
            if transitions > MAX_TRANSITIONS {
                return Found::TooCostly;
            }
            let next_bits = others.step(bits, symbol);
            if goal == Goal::Meet && next_bits.iter().all(|w| *w == 0) {
                continue;
            }
            for j in p.next(i, symbol) {
                successors.push(((j, next_bits.clone(), read), symbol));
            }
        }
        for (next, symbol) in successors {
            if ids.contains_key(&next) {
                continue;
            }
            if reached.len() >= MAX_PRODUCT_STATES {
                return Found::TooCostly;
            }
            ids.insert(next.clone(), reached.len());
            reached.push((next, Some((id, symbol))));
        }
    }
    Found::None
}

/// The text that leads from the start to pair `id`.
fn path<N>(reached: &[(N, Option<(usize, Symbol)>)], id: usize, other_char: char) -> String {
    let mut symbols = Vec::new();
    let mut at = id;
    while let Some((_, Some((parent, symbol)))) = reached.get(at) {
        symbols.push(*symbol);
        at = *parent;
    }
    symbols
        .iter()
        .rev()
        .map(|s| match s {
            Symbol::Char(c) => *c,
            Symbol::Other => other_char,
        })
        .collect()
}

/// A character that is no literal of `nfas` and no `:`: it stands for "any other character".
fn outside<'a>(nfas: impl Iterator<Item = &'a Nfa>) -> char {
    let mut chars: Vec<char> = nfas.flat_map(Nfa::literals).collect();
    chars.push(':');
    chars.sort_unstable();
    chars.dedup();
    ('a'..='z')
        .chain('0'..='9')
        .chain('\u{e0}'..='\u{24f}')
        .chain('\u{250}'..='\u{10ffff}')
        // Patterns hold fewer characters than there are code points: one is always free.
        .find(|c| chars.binary_search(c).is_err())
        .unwrap_or('\u{10ffff}')
}

impl Glob {
    fn nfa(&self) -> Nfa {
        Nfa::new(&tokenize(&self.pattern, self.syntax))
    }

    /// Whether every text this pattern matches is matched by one of `others` (by none when
    /// `others` is empty): exact, with a separating text when it is not so. Patterns must be read
    /// alike (both ignore case or both not, both ARN patterns or both not), else
    /// [`Inclusion::Unknown`]; the cost is bounded (see [`MAX_PRODUCT_STATES`]).
    ///
    /// ```
    /// use ecr_actions_pattern::{Glob, Inclusion};
    /// let app = Glob::arn("arn:aws:ecr:*:111122223333:repository/app/*");
    /// let all = Glob::arn("arn:aws:ecr:*:*:repository/*");
    /// assert_eq!(app.is_included_in(&[&all]), Inclusion::Included);
    /// let Inclusion::Excluded { witness } = all.is_included_in(&[&app]) else { panic!() };
    /// assert!(all.is_match(&witness) && !app.is_match(&witness));
    /// ```
    #[must_use]
    pub fn is_included_in(&self, others: &[&Self]) -> Inclusion {
        self.included(others, None)
    }

    /// Like [`is_included_in`](Self::is_included_in), among the texts that hold exactly `colons`
    /// colons: an ARN has six parts (5 colons), an action name two (1 colon). A segment's final
    /// `*` reaches past `:` (the ARN rule), so as texts `arn:aws:ecr:*:1:repository/app/*` and
    /// `…/infra/*` share `arn:aws:ecr:a:1:repository/infra/b:1:repository/app/c`; as ARNs they do not.
    ///
    /// ```
    /// use ecr_actions_pattern::{Glob, Inclusion, Overlap};
    /// let app = Glob::arn("arn:aws:ecr:*:111122223333:repository/app/*");
    /// let infra = Glob::arn("arn:aws:ecr:*:111122223333:repository/infra/*");
    /// assert!(matches!(app.overlap(&infra), Overlap::Common { .. }));
    /// assert_eq!(app.overlap_with_colons(&infra, 5), Overlap::Disjoint);
    /// let region = Glob::arn("arn:aws:ecr:us-east-1:*");
    /// let any_region = Glob::arn("arn:aws:ecr:*:*:*");
    /// assert_eq!(region.is_included_in_with_colons(&[&any_region], 5), Inclusion::Included);
    /// ```
    #[must_use]
    pub fn is_included_in_with_colons(&self, others: &[&Self], colons: usize) -> Inclusion {
        self.included(others, Some(colons))
    }

    fn included(&self, others: &[&Self], colons: Option<usize>) -> Inclusion {
        if others.iter().any(|o| {
            o.syntax.case_insensitive != self.syntax.case_insensitive
                || o.syntax.arn != self.syntax.arn
        }) {
            return Inclusion::Unknown;
        }
        // Fast paths, the common cases of policies: one text, or an other that matches everything.
        if let Matcher::Literal(text) = &self.matcher {
            return if colons.is_some_and(|c| text.matches(':').count() != c)
                || others.iter().any(|o| o.is_match_folded(text))
            {
                Inclusion::Included
            } else {
                Inclusion::Excluded {
                    witness: text.clone(),
                }
            };
        }
        if others
            .iter()
            .any(|o| o.pattern == "*" || o.pattern == self.pattern)
        {
            return Inclusion::Included;
        }
        let p = self.nfa();
        let union = Union::new(others.iter().map(|o| o.nfa()).collect());
        let other_char = outside(std::iter::once(&p).chain(&union.nfas));
        match explore(&p, &union, other_char, Goal::Escape, colons) {
            Found::Witness(witness) => Inclusion::Excluded { witness },
            Found::None => Inclusion::Included,
            Found::TooCostly => Inclusion::Unknown,
        }
    }

    /// Whether some text is matched by both patterns: exact, with the text when there is one,
    /// under the same conditions and bound as [`is_included_in`](Self::is_included_in).
    ///
    /// ```
    /// use ecr_actions_pattern::{Glob, Overlap};
    /// let get = Glob::case_insensitive("ecr:get*");
    /// assert_eq!(get.overlap(&Glob::case_insensitive("ecr:put*")), Overlap::Disjoint);
    /// let Overlap::Common { witness } = get.overlap(&Glob::case_insensitive("*image")) else { panic!() };
    /// assert_eq!(witness, "ecr:getimage");
    /// ```
    #[must_use]
    pub fn overlap(&self, other: &Self) -> Overlap {
        self.overlapping(other, None)
    }

    /// Like [`overlap`](Self::overlap), among the texts that hold exactly `colons` colons (see
    /// [`is_included_in_with_colons`](Self::is_included_in_with_colons)).
    #[must_use]
    pub fn overlap_with_colons(&self, other: &Self, colons: usize) -> Overlap {
        self.overlapping(other, Some(colons))
    }

    fn overlapping(&self, other: &Self, colons: Option<usize>) -> Overlap {
        if other.syntax.case_insensitive != self.syntax.case_insensitive
            || other.syntax.arn != self.syntax.arn
        {
            return Overlap::Unknown;
        }
        let p = self.nfa();
        let union = Union::new(vec![other.nfa()]);
        let other_char = outside(std::iter::once(&p).chain(&union.nfas));
        match explore(&p, &union, other_char, Goal::Meet, colons) {
            Found::Witness(witness) => Overlap::Common { witness },
            Found::None => Overlap::Disjoint,
            Found::TooCostly => Overlap::Unknown,
        }
    }
}

#[cfg(test)]
mod tests;
