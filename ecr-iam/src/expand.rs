//! `ecr-iam expand PATTERN...`: the ECR actions that IAM action patterns match, in table order; and the
//! pattern handling `compact` shares (parsing every argument, explaining a pattern that matches nothing).

use std::io::Write;

use ecr_actions::service::IamAction;
use ecr_actions::{Action, ActionPattern, ActionSet};

use crate::args::ExpandArgs;
use crate::failure::{Failure, print_json, print_lines, warn};

/// Runs the subcommand.
pub(crate) fn run(
    args: &ExpandArgs,
    out: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    let patterns = parse_all(&args.patterns)?;
    let mut union = ActionSet::EMPTY;
    let mut unmatched = Vec::new();
    for pattern in &patterns {
        let matched = ActionSet::matching(pattern);
        if matched.is_empty() {
            unmatched.push(why_nothing(pattern));
        }
        union |= matched;
    }
    let names: Vec<&str> = union.iter().map(Action::as_str).collect();
    if args.json {
        print_json(out, &names)?;
    } else {
        let lines: Vec<String> = names.iter().map(|name| (*name).to_owned()).collect();
        print_lines(out, &lines)?;
    }
    if union.is_empty() {
        return Err(Failure::NoMatch(unmatched));
    }
    for message in unmatched {
        warn(stderr, &message);
    }
    Ok(())
}

/// Every argument as a pattern; all the malformed ones and unknown `ecr:` actions explained, if any.
///
/// An `ecr:` action without wildcards that ECR does not have is bad input (exit status 2), as in
/// `show`: a typo, not a question whose answer is "nothing". A wildcard that matches nothing, or
/// another service's action, is a valid question answered "no" (see [`why_nothing`]).
pub(crate) fn parse_all(inputs: &[String]) -> Result<Vec<ActionPattern>, Failure> {
    let service = <Action as IamAction>::SERVICE;
    let mut patterns = Vec::with_capacity(inputs.len());
    let mut errors = Vec::new();
    for input in inputs {
        match input.parse::<ActionPattern>() {
            Ok(pattern) if pattern.is_literal() && pattern.may_match_service(service) => {
                match pattern.as_str().parse::<Action>() {
                    Ok(_) => patterns.push(pattern),
                    Err(error) => errors.push(error.to_string()),
                }
            }
            Ok(pattern) => patterns.push(pattern),
            Err(error) => errors.push(error.to_string()),
        }
    }
    if errors.is_empty() {
        Ok(patterns)
    } else {
        Err(Failure::Usage(errors))
    }
}

/// Why `pattern` (read by [`parse_all`]: no unknown `ecr:` action) matches no ECR action.
pub(crate) fn why_nothing(pattern: &ActionPattern) -> String {
    let service = <Action as IamAction>::SERVICE;
    if pattern.may_match_service(service) {
        format!("`{pattern}` matches no `{service}` action (`ecr-iam list` lists them)")
    } else {
        format!("`{pattern}` is a pattern of another service: it matches no `{service}` action")
    }
}
