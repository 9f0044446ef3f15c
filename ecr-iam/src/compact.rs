//! `ecr-iam compact ACTION...`: the shortest list of IAM action strings and wildcards that matches exactly
//! the given actions ([`ActionSet::to_patterns`]); a pattern among the arguments stands for the actions
//! it matches.

use std::io::Write;

use ecr_actions::ActionSet;

use crate::args::CompactArgs;
use crate::expand::{parse_all, why_nothing};
use crate::failure::{Failure, print_json, print_lines};

/// Runs the subcommand.
pub(crate) fn run(args: &CompactArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let patterns = parse_all(&args.actions)?;
    let mut set = ActionSet::EMPTY;
    let mut unmatched = Vec::new();
    for pattern in &patterns {
        let matched = ActionSet::matching(pattern);
        if matched.is_empty() {
            // Leaving it out would print a list that silently drops what the user asked for.
            unmatched.push(why_nothing(pattern));
        }
        set |= matched;
    }
    if !unmatched.is_empty() {
        return Err(Failure::NoMatch(unmatched));
    }
    let compacted = set.to_patterns();
    if args.json {
        print_json(out, &compacted)
    } else {
        print_lines(out, &compacted)
    }
}
