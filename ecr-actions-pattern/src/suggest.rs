//! "Did you mean …?": the known names nearest to a mistyped one.
//!
//! The one suggestion routine of the workspace: `ecr-actions` uses it for its parse errors and its
//! linter, `ecr-actions-codegen` for the table errors of `iam_actions!` and the pattern errors of
//! `actions!`. Public so that those crates share it; it is not meant as an API of its own.
//!
//! One rule throughout:
//!
//! - **Case**: names compare in ASCII lowercase, as IAM compares action names ("The prefix and the action name
//!   are case insensitive", IAM User Guide, *IAM JSON policy elements: Action*). Other characters compare as they are.
//! - **Distance**: the optimal string alignment distance (insertions, deletions, substitutions, and a
//!   swap of two neighbours, each one edit).
//! - **Near enough**: at most a third of the longer name's length in edits, and at least one.
//! - **Bounded cost**: an input or a candidate longer than [`MAX_LEN`] bytes takes part in no
//!   suggestion, so one comparison costs at most `(MAX_LEN + 1)²` steps, and the whole search at most
//!   that times the number of candidates. A 1 MiB input is refused by its length alone, before a
//!   single character of it is read.
//! - **How many**: only the nearest (a one-letter typo suggests the one name it misses, not its
//!   neighbours two edits further), and of several equally near, at most [`MAX_SUGGESTIONS`], in the
//!   candidates' order.
//!
//! ```
//! use ecr_actions_pattern::suggest;
//! let names = ["ecr:BatchGetImage", "ecr:PutImage", "ecr:GetAuthorizationToken"];
//! assert_eq!(suggest::nearest("ECR:batchgetimag", names), Some("ecr:BatchGetImage"));
//! assert_eq!(suggest::hint("ecr:PtuImage", names), "; did you mean `ecr:PutImage`?");
//! assert_eq!(suggest::hint("ecr:Launch", names), "");
//! ```

use std::fmt::Display;

/// The longest input or candidate, in bytes, that takes part in a suggestion: an edit distance costs
/// length × length, and nobody mistypes a name of more than a hundred characters (the longest IAM
/// action names have about sixty).
pub const MAX_LEN: usize = 128;

/// How many suggestions [`ranked`] and [`ranked_for_pattern`] give at most: more is a list to read, not
/// a hint.
pub const MAX_SUGGESTIONS: usize = 3;

/// Where the compared text may start and end within a candidate.
#[derive(Clone, Copy)]
struct Ends {
    /// The text may match a stretch that starts anywhere (a pattern that starts with a wildcard).
    free_start: bool,
    /// The text may match a stretch that ends anywhere (a pattern that ends with a wildcard).
    free_end: bool,
}

const WHOLE: Ends = Ends {
    free_start: false,
    free_end: false,
};

/// The rows of the distance table, kept from one candidate to the next so that a search allocates
/// them once.
#[derive(Default)]
struct Table {
    candidate: Vec<char>,
    /// Rows i-2, i-1 and i.
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl Table {
    /// The optimal string alignment distance between `text` and `candidate` (or, with free ends, the
    /// best stretch of `candidate`), both compared in ASCII lowercase, if it is at most `limit`. The
    /// caller keeps both under [`MAX_LEN`].
    ///
    /// It stops at the first row whose every entry is past `limit`: a row's least entry is at most one
    /// more than the least of the row before (a substitution), so no later row, nor a swap reaching
    /// back two rows, can come under it again.
    fn distance(
        &mut self,
        text: &[char],
        candidate: &str,
        ends: Ends,
        limit: usize,
    ) -> Option<usize> {
        self.candidate.clear();
        self.candidate
            .extend(candidate.chars().map(|c| c.to_ascii_lowercase()));
        let width = self.candidate.len() + 1;
        let first_row = |j: usize| if ends.free_start { 0 } else { j };
        self.before.clear();
        self.before.extend((0..width).map(first_row));
        self.previous.clear();
        self.previous.extend((0..width).map(first_row));
        self.current.clear();
        self.current.resize(width, 0);
        let mut last_text: Option<char> = None;
        for (i, &a) in text.iter().enumerate() {
            if let Some(first) = self.current.first_mut() {
                *first = i + 1;
            }
            let mut row_min = i + 1;
            let mut last_candidate: Option<char> = None;
            for (j, &b) in self.candidate.iter().enumerate() {
                let at = |row: &[usize], k: usize| row.get(k).map_or(usize::MAX, |d| d + 1);
                let substitution = self
                    .previous
                    .get(j)
                    .map_or(usize::MAX, |d| d + usize::from(a != b));
                let mut best = substitution
                    .min(at(&self.previous, j + 1))
                    .min(at(&self.current, j));
                // A swap of neighbours: this pair of the text is the previous pair of the candidate,
                // crossed.
                if last_text == Some(b) && last_candidate == Some(a) && j >= 1 {
                    best = best.min(at(&self.before, j - 1));
                }
                if let Some(cell) = self.current.get_mut(j + 1) {
                    *cell = best;
                }
                row_min = row_min.min(best);
                last_candidate = Some(b);
            }
            if row_min > limit {
                return None;
            }
            last_text = Some(a);
            std::mem::swap(&mut self.before, &mut self.previous);
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        // `previous` now holds the last row.
        let d = if ends.free_end {
            self.previous.iter().copied().min()
        } else {
            self.previous.last().copied()
        }
        .unwrap_or(text.len());
        (d <= limit).then_some(d)
    }
}

/// The candidates nearest to `text` (already folded, within [`MAX_LEN`]), all equally near, at most
/// [`MAX_SUGGESTIONS`], in the candidates' order. `limit` is how many edits are near enough for a candidate of a given length.
fn rank<'a>(
    text: &[char],
    candidates: impl IntoIterator<Item = &'a str>,
    ends: Ends,
    limit: impl Fn(usize) -> usize,
) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &'a str)> = Vec::new();
    let mut table = Table::default();
    for candidate in candidates {
        if candidate.len() > MAX_LEN {
            continue;
        }
        let candidate_len = candidate.chars().count();
        let limit = limit(candidate_len);
        // The distance is at least the length the two must differ by: most candidates are ruled out
        // before the comparison.
        let shortest = match (ends.free_start, ends.free_end) {
            (false, false) => text.len().abs_diff(candidate_len),
            _ => text.len().saturating_sub(candidate_len),
        };
        if shortest > limit {
            continue;
        }
        if let Some(d) = table.distance(text, candidate, ends, limit) {
            scored.push((d, candidate));
        }
    }
    let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
        return Vec::new();
    };
    scored
        .into_iter()
        .filter(|(d, _)| *d == best)
        .take(MAX_SUGGESTIONS)
        .map(|(_, c)| c)
        .collect()
}

/// `input` folded to ASCII lowercase, as characters; `None` when it takes part in no suggestion (empty,
/// or longer than [`MAX_LEN`] bytes, which is checked before it is read).
fn folded(input: &str) -> Option<Vec<char>> {
    if input.is_empty() || input.len() > MAX_LEN {
        return None;
    }
    Some(input.chars().map(|c| c.to_ascii_lowercase()).collect())
}

/// The candidates nearest to `input`: those near enough to be a likely typo and nearest of all, at most
/// [`MAX_SUGGESTIONS`], in the candidates' order (see the [module docs](self)).
///
/// ```
/// use ecr_actions_pattern::suggest::ranked;
/// let names = ["PutImage", "PutImageScanningConfiguration", "BatchGetImage", "GetImage"];
/// assert_eq!(ranked("PutImag", names), ["PutImage"]);
/// assert_eq!(ranked("GetImge", names), ["GetImage"]);
/// assert!(ranked("Launch", names).is_empty());
/// ```
pub fn ranked<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let Some(text) = folded(input) else {
        return Vec::new();
    };
    let len = text.len();
    rank(&text, candidates, WHOLE, |other| {
        (len.max(other) / 3).max(1)
    })
}

/// The candidate nearest to `input`, if one is near enough to be a likely typo: the first of
/// [`ranked`].
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    ranked(input, candidates).into_iter().next()
}

/// The candidates nearest to what a pattern with wildcards (`*`, `?`) spells, as [`ranked`] chooses them: its literal text is compared with the best-matching stretch of each candidate,
/// anchored at the candidate's start unless the pattern starts with a wildcard, and at its end unless
/// the pattern ends with one. Near enough: a third of the literal text's length (at least one). A
/// pattern without wildcards is compared with whole candidates, as by [`ranked`].
///
/// ```
/// use ecr_actions_pattern::suggest::ranked_for_pattern;
/// let names = ["BatchGetImage", "GetAuthorizationToken", "GetLifecyclePolicy", "PutImage"];
/// assert_eq!(ranked_for_pattern("Gte*", names), ["GetAuthorizationToken", "GetLifecyclePolicy"]);
/// assert_eq!(ranked_for_pattern("*Imgae", names), ["BatchGetImage", "PutImage"]);
/// assert!(ranked_for_pattern("Launch*", names).is_empty());
/// ```
pub fn ranked_for_pattern<'a>(
    pattern: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let is_wildcard = |c: char| matches!(c, '*' | '?');
    if !pattern.contains(is_wildcard) {
        return ranked(pattern, candidates);
    }
    if pattern.len() > MAX_LEN {
        return Vec::new();
    }
    let literal: String = pattern.chars().filter(|c| !is_wildcard(*c)).collect();
    let Some(text) = folded(&literal) else {
        return Vec::new();
    };
    let ends = Ends {
        free_start: pattern.starts_with(is_wildcard),
        free_end: pattern.ends_with(is_wildcard),
    };
    let limit = (text.len() / 3).max(1);
    rank(&text, candidates, ends, |_| limit)
}

/// `; did you mean `a`?` (or `` `a` or `b` ``, or `` `a`, `b` or `c` ``) to end a message, or nothing
/// when there is no suggestion: the one wording of the workspace.
///
/// ```
/// use ecr_actions_pattern::suggest::did_you_mean;
/// assert_eq!(did_you_mean(["ecr:PutImage"]), "; did you mean `ecr:PutImage`?");
/// assert_eq!(did_you_mean(["a", "b", "c"]), "; did you mean `a`, `b` or `c`?");
/// assert_eq!(did_you_mean(None::<&str>), "");
/// ```
pub fn did_you_mean<T: Display>(suggestions: impl IntoIterator<Item = T>) -> String {
    let quoted: Vec<String> = suggestions.into_iter().map(|s| format!("`{s}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [init @ .., last] => format!("; did you mean {} or {last}?", init.join(", ")),
    }
}

/// [`did_you_mean`] of the [`nearest`] candidate: `; did you mean `x`?`, or nothing.
pub fn hint<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(nearest(input, candidates))
}

#[cfg(test)]
mod tests {
    use super::{Ends, Table, WHOLE, nearest, ranked, ranked_for_pattern};

    /// The distance, with no limit.
    fn distance(text: &str, candidate: &str, ends: Ends) -> usize {
        let text: Vec<char> = text.chars().map(|c| c.to_ascii_lowercase()).collect();
        Table::default()
            .distance(&text, candidate, ends, usize::MAX - 1)
            .unwrap_or(usize::MAX)
    }

    /// Damerau's examples: a swap of neighbours is one edit; insertions, deletions and substitutions
    /// one each.
    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("ca", "ac", WHOLE), 1);
        assert_eq!(distance("kitten", "sitting", WHOLE), 3);
        assert_eq!(distance("", "abc", WHOLE), 3);
        assert_eq!(distance("abc", "", WHOLE), 3);
        assert_eq!(distance("PutImage", "putimage", WHOLE), 0);
        let anywhere = Ends {
            free_start: true,
            free_end: true,
        };
        assert_eq!(distance("imgae", "BatchGetImage", anywhere), 1);
        let prefix = Ends {
            free_start: false,
            free_end: true,
        };
        assert_eq!(distance("gte", "GetAuthorizationToken", prefix), 1);
        assert_eq!(distance("image", "ImageBatch", prefix), 0);
    }

    #[test]
    fn finds_typos_and_ignores_case() {
        let names = [
            "ecr:BatchGetImage",
            "ecr:PutImage",
            "ecr:GetAuthorizationToken",
        ];
        assert_eq!(
            nearest("ecr:batchgetimag", names),
            Some("ecr:BatchGetImage")
        );
        assert_eq!(nearest("ecr:PutImages", names), Some("ecr:PutImage"));
        assert_eq!(nearest("ecr:PtuImage", names), Some("ecr:PutImage"));
        assert_eq!(nearest("ecr:Nothing", names), None);
        assert_eq!(nearest("", names), None);
        assert_eq!(nearest(&"x".repeat(10_000), names), None);
    }

    #[test]
    fn the_nearest_at_most_three() {
        let names = ["abcd", "abce", "abcf", "abcg", "abc"];
        assert_eq!(ranked("abc", names), ["abc"]);
        assert_eq!(ranked("abcx", names), ["abcd", "abce", "abcf"]);
        assert_eq!(ranked_for_pattern("abx*", names), ["abcd", "abce", "abcf"]);
    }
}
