//! Compaction: a set of actions as the shortest list of IAM action strings that matches exactly that set.
//!
//! The strings considered are the service wildcard (`ecr:*`), each action's name, and wildcards on word
//! boundaries of the CamelCase names: prefixes (`ecr:Describe*`), suffixes (`ecr:*Policy`) and inner
//! words (`ecr:*Image*`); a wildcard is used only where it matches at least two actions, all of them in
//! the set. Among the lists of those strings that match exactly the set, the result has the fewest
//! strings, and among those the fewest characters: an exact search (branch and bound over a set-cover),
//! stopped after a bounded number of steps, when the best list found so far is returned (it is still
//! exact in what it matches; only its minimality is then not proven — the ECR table never reaches the
//! bound). The list comes in table order of the first action each string matches.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::ActionPattern;
use crate::service::IamAction;
use crate::set::IamActionSet;

/// How many search steps compaction may take before it settles for the best list found.
const STEP_BUDGET: usize = 200_000;

/// A bitset over a service's actions.
type Bits = Vec<u64>;

fn bits_with(count: usize, members: impl IntoIterator<Item = usize>) -> Bits {
    let mut bits = vec![0; count.div_ceil(64)];
    for index in members {
        if let Some(word) = bits.get_mut(index / 64) {
            *word |= 1 << (index % 64);
        }
    }
    bits
}

fn is_subset(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x & !y == 0)
}

fn count(a: &[u64]) -> usize {
    a.iter().map(|w| w.count_ones() as usize).sum()
}

fn members(a: &[u64]) -> impl Iterator<Item = usize> + '_ {
    a.iter().enumerate().flat_map(|(w, bits)| {
        (0..64)
            .filter(move |b| bits & (1 << b) != 0)
            .map(move |b| w * 64 + b)
    })
}

/// A pattern a compact list may use, and the actions it matches.
#[derive(Clone, Debug)]
struct Candidate {
    pattern: String,
    matched: Bits,
}

/// The word boundaries of a CamelCase name: `AssociateViaAWSService-Events` → after `Associate`, `Via`,
/// `AWS`, `Service`, `-`.
fn word_boundaries(name: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let mut cuts = Vec::new();
    for (i, window) in chars.windows(2).enumerate() {
        let [(_, a), (at, b)] = window else { continue };
        let after = chars.get(i + 2).map(|(_, c)| *c);
        let upper_after_lower =
            b.is_ascii_uppercase() && (a.is_ascii_lowercase() || a.is_ascii_digit());
        let acronym_end = a.is_ascii_uppercase()
            && b.is_ascii_uppercase()
            && after.is_some_and(|c| c.is_ascii_lowercase());
        let separator = matches!(b, '-' | '_' | '.') || matches!(a, '-' | '_' | '.');
        if upper_after_lower || acronym_end || separator {
            cuts.push(*at);
        }
    }
    cuts
}

/// Every pattern a compact list of service `A` may use, with what each matches.
fn candidates<A: IamAction>() -> Vec<Candidate> {
    let total = A::ALL.len();
    let service = A::SERVICE;
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut add = |text: String| {
        texts.entry(text.to_ascii_lowercase()).or_insert(text);
    };
    for action in A::ALL {
        let name = action.name();
        add(format!("{service}:{name}"));
        let cuts = word_boundaries(name);
        for &cut in &cuts {
            if let (Some(head), Some(tail)) = (name.get(..cut), name.get(cut..)) {
                add(format!("{service}:{head}*"));
                add(format!("{service}:*{tail}"));
            }
        }
        for (i, &start) in cuts.iter().enumerate() {
            for &end in cuts.iter().skip(i + 1) {
                if let Some(inner) = name.get(start..end) {
                    add(format!("{service}:*{inner}*"));
                }
            }
        }
    }
    add(format!("{service}:*"));
    let mut candidates: Vec<Candidate> = texts
        .into_values()
        .filter_map(|text| {
            let pattern = ActionPattern::new(&text).ok()?;
            let matched = bits_with(
                total,
                A::ALL
                    .iter()
                    // Wildcards cover current actions only (IAM knows no other), so a deprecated
                    // action is written by its own name.
                    .filter(|a| {
                        (pattern.is_literal() || a.is_current())
                            && pattern.matches_name_folded(a.name_lowercase())
                    })
                    .map(|a| a.index()),
            );
            let literal = pattern.is_literal();
            (literal || count(&matched) >= 2).then_some(Candidate {
                pattern: text,
                matched,
            })
        })
        .collect();
    candidates.sort_by(|a, b| a.pattern.cmp(&b.pattern));
    candidates
}

/// The compact list of patterns for `set`; see the [module docs](self).
///
/// ```
/// use ecr_actions::{AccessLevel, Action, ActionPattern, ActionSet};
/// let images = ActionSet::matching(&"ecr:*Image*".parse::<ActionPattern>()?);
/// assert_eq!(images.to_patterns(), ["ecr:*Image*"]);
/// let two = ActionSet::from_actions(&[Action::PutImage, Action::GetAuthorizationToken]);
/// assert_eq!(two.to_patterns(), ["ecr:GetAuthorizationToken", "ecr:PutImage"]);
/// assert_eq!(ActionSet::ALL.to_patterns(), ["ecr:*"]);
/// # Ok::<(), ecr_actions::ParsePatternError>(())
/// ```
#[must_use]
pub fn compact<S: IamActionSet>(set: S) -> Vec<String> {
    let candidates = cached_candidates::<S::Action>();
    let total = S::Action::ALL.len();
    let target = bits_with(total, set.into_iter().map(IamAction::index));
    cover(&target, &candidates)
}

/// The candidates of a service, computed once per process and service.
fn cached_candidates<A: IamAction>() -> std::sync::Arc<Vec<Candidate>> {
    type Cache = std::sync::Mutex<HashMap<core::any::TypeId, std::sync::Arc<Vec<Candidate>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = core::any::TypeId::of::<A>();
    if let Ok(map) = cache.lock()
        && let Some(found) = map.get(&key)
    {
        return found.clone();
    }
    let computed = std::sync::Arc::new(candidates::<A>());
    if let Ok(mut map) = cache.lock() {
        map.entry(key).or_insert_with(|| computed.clone());
    }
    computed
}

/// The fewest (then shortest) candidates whose union is exactly `target`.
fn cover(target: &[u64], all: &[Candidate]) -> Vec<String> {
    if count(target) == 0 {
        return Vec::new();
    }
    // Only candidates inside the target; drop those another candidate matches a superset of with no
    // more characters.
    let mut pure: Vec<&Candidate> = all
        .iter()
        .filter(|c| is_subset(&c.matched, target))
        .collect();
    pure.sort_by_key(|c| (std::cmp::Reverse(count(&c.matched)), c.pattern.len()));
    let mut kept: Vec<&Candidate> = Vec::with_capacity(pure.len());
    for candidate in pure {
        let dominated = kept.iter().any(|k| {
            is_subset(&candidate.matched, &k.matched) && k.pattern.len() <= candidate.pattern.len()
        });
        if !dominated {
            kept.push(candidate);
        }
    }
    let mut search = Search {
        candidates: &kept,
        best: greedy(target, &kept),
        steps: 0,
    };
    search.run(target.to_vec(), &mut Vec::new(), 0);
    let mut patterns: Vec<(usize, String)> = search
        .best
        .iter()
        .filter_map(|&i| kept.get(i))
        .map(|c| (members(&c.matched).next().unwrap_or(0), c.pattern.clone()))
        .collect();
    patterns.sort();
    patterns.into_iter().map(|(_, p)| p).collect()
}

fn cost(chosen: &[usize], candidates: &[&Candidate]) -> (usize, usize) {
    let length = chosen
        .iter()
        .filter_map(|&i| candidates.get(i))
        .map(|c| c.pattern.len())
        .sum();
    (chosen.len(), length)
}

/// A first answer: repeatedly the candidate that covers most of what is left.
fn greedy(target: &[u64], candidates: &[&Candidate]) -> Vec<usize> {
    let mut left = target.to_vec();
    let mut chosen = Vec::new();
    while count(&left) > 0 {
        let best = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let gain: usize = c
                    .matched
                    .iter()
                    .zip(&left)
                    .map(|(m, l)| (m & l).count_ones() as usize)
                    .sum();
                (gain, std::cmp::Reverse(c.pattern.len()), i)
            })
            .max();
        let Some((_, _, index)) = best.filter(|(gain, ..)| *gain > 0) else {
            break;
        };
        if let Some(c) = candidates.get(index) {
            for (l, m) in left.iter_mut().zip(&c.matched) {
                *l &= !m;
            }
        }
        chosen.push(index);
    }
    chosen
}

struct Search<'c> {
    candidates: &'c [&'c Candidate],
    best: Vec<usize>,
    steps: usize,
}

impl Search<'_> {
    fn run(&mut self, left: Vec<u64>, chosen: &mut Vec<usize>, length: usize) {
        self.steps += 1;
        if self.steps > STEP_BUDGET {
            return;
        }
        let remaining = count(&left);
        let best_cost = cost(&self.best, self.candidates);
        if remaining == 0 {
            if (chosen.len(), length) < best_cost {
                self.best = chosen.clone();
            }
            return;
        }
        let widest = self
            .candidates
            .iter()
            .map(|c| {
                c.matched
                    .iter()
                    .zip(&left)
                    .map(|(m, l)| (m & l).count_ones() as usize)
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        if widest == 0 {
            return;
        }
        let at_least = chosen.len() + remaining.div_ceil(widest);
        if (at_least, length) >= best_cost {
            return;
        }
        // Branch on the uncovered action that the fewest candidates cover.
        let Some(element) = members(&left).min_by_key(|&e| {
            self.candidates
                .iter()
                .filter(|c| {
                    c.matched
                        .get(e / 64)
                        .is_some_and(|w| w & (1 << (e % 64)) != 0)
                })
                .count()
        }) else {
            return;
        };
        let mut options: Vec<(usize, usize)> = self
            .candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.matched
                    .get(element / 64)
                    .is_some_and(|w| w & (1 << (element % 64)) != 0)
            })
            .map(|(i, c)| {
                let gain = c
                    .matched
                    .iter()
                    .zip(&left)
                    .map(|(m, l)| (m & l).count_ones() as usize)
                    .sum();
                (i, gain)
            })
            .collect();
        options.sort_by_key(|&(i, gain)| {
            (
                std::cmp::Reverse(gain),
                self.candidates.get(i).map_or(0, |c| c.pattern.len()),
            )
        });
        for (index, _) in options {
            let Some(candidate) = self.candidates.get(index) else {
                continue;
            };
            let next: Vec<u64> = left
                .iter()
                .zip(&candidate.matched)
                .map(|(l, m)| l & !m)
                .collect();
            chosen.push(index);
            self.run(next, chosen, length + candidate.pattern.len());
            chosen.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::word_boundaries;

    #[test]
    fn camel_case_words() {
        fn cut(name: &str) -> Vec<&str> {
            let mut words = Vec::new();
            let mut start = 0;
            for cut in word_boundaries(name) {
                words.push(&name[start..cut]);
                start = cut;
            }
            words.push(&name[start..]);
            words
        }
        assert_eq!(cut("BatchGetImage"), ["Batch", "Get", "Image"]);
        assert_eq!(
            cut("AssociateViaAWSService-EventsAndStates"),
            [
                "Associate",
                "Via",
                "AWS",
                "Service",
                "-",
                "Events",
                "And",
                "States"
            ]
        );
        assert_eq!(cut("GetS3Object"), ["Get", "S3", "Object"]);
    }
}
