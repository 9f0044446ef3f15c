//! "Did you mean …?": the nearest known name by edit distance, ignoring ASCII case.

/// Inputs longer than this get no suggestion: edit distance costs length × length, and nobody mistypes
/// a 200-character action name.
const MAX_INPUT: usize = 128;

/// The candidate nearest to `input`, if it is near enough to be a likely typo.
///
/// Near enough: at most a third of the longer name's length in single-character edits (at least one).
/// Candidates are compared in ASCII lowercase, as IAM compares action names.
pub(crate) fn nearest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if input.is_empty() || input.len() > MAX_INPUT {
        return None;
    }
    let input = input.to_ascii_lowercase();
    let input_len = input.chars().count();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let candidate_len = candidate.chars().count();
        let limit = (input_len.max(candidate_len) / 3).max(1);
        // The distance is at least the difference in length: most candidates are ruled out before the
        // quadratic comparison.
        if input_len.abs_diff(candidate_len) > limit {
            continue;
        }
        let distance = strsim::osa_distance(&input, &candidate.to_ascii_lowercase());
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

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
        // A swap of two neighbours is one edit.
        assert_eq!(nearest("ecr:PtuImage", names), Some("ecr:PutImage"));
        assert_eq!(nearest("ecr:Nothing", names), None);
        assert_eq!(nearest("", names), None);
        assert_eq!(nearest(&"x".repeat(10_000), names), None);
    }
}
