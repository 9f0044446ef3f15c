//! Errors of the parsers: each names the input and, where one is near, suggests the right name.

use thiserror::Error;

use ecr_actions_pattern::suggest::nearest;

fn did_you_mean(suggestion: Option<&'static str>) -> String {
    suggestion.map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
}

/// An IAM action string that names no action of the service.
///
/// ```
/// use ecr_actions::{Action, ParseActionError};
/// let error = "ecr:BatchGetImages".parse::<Action>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown `ecr` action `ecr:BatchGetImages`; did you mean `ecr:BatchGetImage`?");
/// assert_eq!(error.suggestion(), Some("ecr:BatchGetImage"));
/// assert!(matches!("BatchGetImage".parse::<Action>(), Err(ParseActionError::MissingService { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseActionError {
    /// The input has no `service:` prefix.
    #[error("`{input}` is not an IAM action string: expected `{service}:ActionName`{}", did_you_mean(*.suggestion))]
    MissingService {
        /// The input.
        input: String,
        /// The service the parser reads actions of.
        service: &'static str,
        /// The nearest action string, if one is near.
        suggestion: Option<&'static str>,
    },
    /// The input names another service.
    #[error("`{input}` is an action of service `{found}`, not of `{service}`{}", did_you_mean(*.suggestion))]
    OtherService {
        /// The input.
        input: String,
        /// The service the parser reads actions of.
        service: &'static str,
        /// The service the input names.
        found: String,
        /// The nearest action string, if one is near (a mistyped prefix, say).
        suggestion: Option<&'static str>,
    },
    /// The service is right, the action is unknown.
    #[error("unknown `{service}` action `{input}`{}", did_you_mean(*.suggestion))]
    Unknown {
        /// The input.
        input: String,
        /// The service the parser reads actions of.
        service: &'static str,
        /// The nearest action string, if one is near.
        suggestion: Option<&'static str>,
    },
}

impl ParseActionError {
    /// Builds the error for an input that `lookup` did not find. Used by the generated code.
    #[doc(hidden)]
    #[must_use]
    pub fn __new(input: &str, service: &'static str, iam_names: &'static [&'static str]) -> Self {
        let names = || iam_names.iter().copied();
        match input.split_once(':') {
            None => {
                let bare = names().filter_map(|n| n.split_once(':').map(|(_, name)| name));
                let suggestion = nearest(input, bare).and_then(|name| {
                    names().find(|n| n.split_once(':').is_some_and(|(_, x)| x == name))
                });
                Self::MissingService {
                    input: input.to_owned(),
                    service,
                    suggestion,
                }
            }
            Some((found, _)) if !found.eq_ignore_ascii_case(service) => Self::OtherService {
                input: input.to_owned(),
                service,
                found: found.to_owned(),
                suggestion: nearest(input, names()),
            },
            Some(_) => Self::Unknown {
                input: input.to_owned(),
                service,
                suggestion: nearest(input, names()),
            },
        }
    }

    /// The input that did not parse.
    #[must_use]
    pub fn input(&self) -> &str {
        match self {
            Self::MissingService { input, .. }
            | Self::OtherService { input, .. }
            | Self::Unknown { input, .. } => input,
        }
    }

    /// The nearest action string, if one is near enough to be what was meant.
    #[must_use]
    pub const fn suggestion(&self) -> Option<&'static str> {
        match self {
            Self::MissingService { suggestion, .. }
            | Self::OtherService { suggestion, .. }
            | Self::Unknown { suggestion, .. } => *suggestion,
        }
    }
}
