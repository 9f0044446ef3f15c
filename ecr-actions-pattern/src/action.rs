//! IAM action patterns: `service:Action` with `*` and `?`, matched ignoring ASCII case, or `*` alone.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use crate::glob::Glob;

/// An IAM action pattern, as a policy's `Action` element holds them: `ecr:GetAuthorizationToken`,
/// `ecr:Get*`, `ecr:*`, `*`.
///
/// IAM compares action names ignoring ASCII case, and so does [`ActionPattern::matches`]. A pattern of
/// another service (`s3:GetObject`) is valid; it simply matches no action of this one.
///
/// ```
/// use ecr_actions_pattern::ActionPattern;
/// let pattern: ActionPattern = "ecr:Get*".parse()?;
/// assert!(pattern.matches("ecr:GetAuthorizationToken"));
/// assert!(pattern.matches("ECR:getdownloadurlforlayer"));
/// assert!(!pattern.matches("ecr:PutImage"));
/// assert!("*".parse::<ActionPattern>()?.matches("s3:GetObject"));
/// assert!("ecr Get*".parse::<ActionPattern>().is_err());
/// # Ok::<(), ecr_actions_pattern::ParsePatternError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ActionPattern {
    text: String,
    kind: Kind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    /// `*`: every action of every service.
    All,
    /// `service:action`, each part a case-insensitive glob.
    Parts {
        service: Box<Glob>,
        action: Box<Glob>,
    },
}

/// Why a string is not an IAM action pattern. Positions count characters from 1.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParsePatternError {
    /// The pattern is empty.
    #[error("empty action pattern: write `service:Action`, e.g. `ecr:BatchGetImage`, or `*`")]
    Empty,
    /// No `:` between service and action.
    #[error("`{pattern}` has no `:`: an action pattern is `service:Action`, e.g. `ecr:{pattern}`")]
    MissingColon {
        /// The input.
        pattern: String,
    },
    /// A second `:`.
    #[error(
        "`{pattern}` has a second `:` at character {at}: an action pattern is `service:Action`"
    )]
    SecondColon {
        /// The input.
        pattern: String,
        /// Where the second `:` is.
        at: usize,
    },
    /// Nothing before the `:`.
    #[error("`{pattern}` has no service before the `:`: write e.g. `ecr{pattern}`")]
    EmptyService {
        /// The input.
        pattern: String,
    },
    /// Nothing after the `:`.
    #[error("`{pattern}` has no action after the `:`: write e.g. `{pattern}*` for every action")]
    EmptyAction {
        /// The input.
        pattern: String,
    },
    /// A blank inside the pattern.
    #[error("`{pattern}` has a blank at character {at}: action patterns hold no spaces")]
    Whitespace {
        /// The input.
        pattern: String,
        /// Where the blank is.
        at: usize,
    },
    /// A character no action name has.
    #[error(
        "`{pattern}` has `{character}` at character {at}: action patterns hold ASCII letters, digits, `-`, `_`, `.`, `*` and `?`"
    )]
    InvalidCharacter {
        /// The input.
        pattern: String,
        /// The character.
        character: char,
        /// Where it is.
        at: usize,
    },
}

impl ActionPattern {
    /// Parses a pattern; the same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// When `pattern` is not `*` and not `service:action` with a non-empty service and action of ASCII
    /// letters, digits, `-`, `_`, `.`, `*` and `?`.
    pub fn new(pattern: &str) -> Result<Self, ParsePatternError> {
        if pattern.is_empty() {
            return Err(ParsePatternError::Empty);
        }
        let owned = || pattern.to_owned();
        let mut colon = None;
        for (index, c) in pattern.chars().enumerate() {
            let at = index + 1;
            if c.is_whitespace() {
                return Err(ParsePatternError::Whitespace {
                    pattern: owned(),
                    at,
                });
            }
            if c == ':' {
                if colon.is_some() {
                    return Err(ParsePatternError::SecondColon {
                        pattern: owned(),
                        at,
                    });
                }
                colon = Some(at);
                continue;
            }
            if !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '*' | '?')) {
                return Err(ParsePatternError::InvalidCharacter {
                    pattern: owned(),
                    character: c,
                    at,
                });
            }
        }
        if pattern == "*" {
            return Ok(Self {
                text: owned(),
                kind: Kind::All,
            });
        }
        let Some((service, action)) = pattern.split_once(':') else {
            return Err(ParsePatternError::MissingColon { pattern: owned() });
        };
        if service.is_empty() {
            return Err(ParsePatternError::EmptyService { pattern: owned() });
        }
        if action.is_empty() {
            return Err(ParsePatternError::EmptyAction { pattern: owned() });
        }
        Ok(Self {
            text: owned(),
            kind: Kind::Parts {
                service: Box::new(Glob::case_insensitive(service)),
                action: Box::new(Glob::case_insensitive(action)),
            },
        })
    }

    /// The pattern as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether this is `*`, every action of every service.
    #[must_use]
    pub fn is_any(&self) -> bool {
        matches!(self.kind, Kind::All)
    }

    /// Whether the pattern has no wildcard: it names one action.
    #[must_use]
    pub fn is_literal(&self) -> bool {
        match &self.kind {
            Kind::All => false,
            Kind::Parts { service, action } => service.is_literal() && action.is_literal(),
        }
    }

    /// Whether the pattern could match actions of `service` (an IAM service prefix, in any case).
    #[must_use]
    pub fn may_match_service(&self, service: &str) -> bool {
        match &self.kind {
            Kind::All => true,
            Kind::Parts { service: glob, .. } => glob.is_match(service),
        }
    }

    /// Whether the pattern matches an IAM action string such as `ecr:BatchGetImage`, ignoring ASCII case.
    #[must_use]
    pub fn matches(&self, iam_name: &str) -> bool {
        match &self.kind {
            Kind::All => true,
            Kind::Parts { service, action } => iam_name
                .split_once(':')
                .is_some_and(|(s, a)| service.is_match(s) && action.is_match(a)),
        }
    }

    /// Whether the action-name part matches `name_lowercase`, an action name already in ASCII lowercase
    /// (without its service prefix). With [`may_match_service`](Self::may_match_service) this matches
    /// many names of one service without folding each again.
    #[must_use]
    pub fn matches_name_folded(&self, name_lowercase: &str) -> bool {
        match &self.kind {
            Kind::All => true,
            Kind::Parts { action, .. } => action.is_match_folded(name_lowercase),
        }
    }
}

impl FromStr for ActionPattern {
    type Err = ParsePatternError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl fmt::Display for ActionPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for ActionPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ActionPattern").field(&self.text).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::{ActionPattern, ParsePatternError};

    #[test]
    fn malformed_patterns_are_typed_errors() {
        let error = |s: &str| ActionPattern::new(s).unwrap_err();
        assert_eq!(error(""), ParsePatternError::Empty);
        assert!(matches!(
            error("GetObject"),
            ParsePatternError::MissingColon { .. }
        ));
        assert!(matches!(
            error(":Get*"),
            ParsePatternError::EmptyService { .. }
        ));
        assert!(matches!(
            error("ecr:"),
            ParsePatternError::EmptyAction { .. }
        ));
        assert!(matches!(
            error("ecr:Get:Image"),
            ParsePatternError::SecondColon { at: 8, .. }
        ));
        assert!(matches!(
            error("ecr: Get"),
            ParsePatternError::Whitespace { at: 5, .. }
        ));
        assert!(matches!(
            error("ecr:Get/"),
            ParsePatternError::InvalidCharacter {
                character: '/',
                at: 8,
                ..
            }
        ));
        assert!(matches!(
            error("ecr:Gét"),
            ParsePatternError::InvalidCharacter {
                character: 'é', ..
            }
        ));
        assert_eq!(
            error("GetObject").to_string(),
            "`GetObject` has no `:`: an action pattern is `service:Action`, e.g. `ecr:GetObject`"
        );
    }

    #[test]
    fn matching() {
        let p = |s: &str| ActionPattern::new(s).unwrap();
        assert!(p("*").matches("ecr:PutImage"));
        assert!(p("*").is_any());
        assert!(p("ecr:*").matches("ecr:PutImage"));
        assert!(!p("ecr:*").matches("s3:PutObject"));
        assert!(p("EC?:put*").matches("ecr:PutImage"));
        assert!(p("ecr:*Image*").matches("ecr:BatchGetImage"));
        assert!(p("ecr:PutImage").is_literal());
        assert!(!p("ecr:PutImage").matches("ecr:PutImageX"));
        assert!(!p("ecr:PutImage").matches("PutImage"));
        assert!(p("s3:*").may_match_service("S3"));
        assert!(!p("s3:*").may_match_service("ecr"));
        assert!(p("ecr:*image*").matches_name_folded("batchgetimage"));
    }
}
