//! ARN patterns as a policy's `Resource` and `NotResource` elements hold them.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use ecr_actions_pattern::Glob;
use thiserror::Error;

use super::Arn;
use super::parse::split;

/// An ARN pattern of a policy's `Resource` element, matched as IAM matches it.
///
/// The IAM User Guide ("IAM JSON policy elements: Resource", "Using wildcards in resource ARNs"):
/// "You can use wildcard characters (`*` and `?`) within the individual segments of an ARN (the parts
/// separated by colons)", and "If the `*` wildcard is the last character of a resource ARN segment, it
/// can expand to match beyond the colon boundaries." So:
///
/// - `*` alone matches every resource;
/// - otherwise the pattern starts with `arn:`; `?` matches one character and `*` any run of characters,
///   both within one colon-separated segment, except that a `*` that ends its segment (`arn:aws:ecr:*:…`,
///   `…:repository/*`) may reach past `:`;
/// - a pattern usually has the six parts of an ARN, `arn:partition:service:region:account:resource`.
///   It may have fewer when its last part ends with `*`: that star reaches over the parts left out, so
///   `arn:aws:ecr:us-east-1:*` matches every repository of `us-east-1` (in every account), and `arn:*`
///   every ARN. A shorter pattern whose last part does not end with `*` matches no ARN (an ARN has six
///   parts) and is refused ([`ParseArnPatternError::TooFewParts`]): it is a mistake, usually a missing
///   part, and refusing it keeps the linter, the builder and the evaluator of one mind (they all read
///   `Resource` through this type);
/// - matching is case-sensitive, as ECR repository ARNs are;
/// - a pattern holds at most [`MAX_LEN`](Self::MAX_LEN) characters.
///
/// The guide also says "You can't use a wildcard in the service segment that identifies the AWS
/// product": the type still reads such a pattern (and matches it as written), the
/// linter (module `lint`) reports it as `malformed-arn`.
///
/// Policy variables (`${aws:username}`) are not resolved: substitute them before building the pattern.
/// Matching never backtracks: for a given pattern it takes time linear in the ARN's length (it is
/// [`Glob::arn`](ecr_actions_pattern::Glob::arn)).
///
/// ```
/// use ecr_actions::ArnPattern;
///
/// let pattern = ArnPattern::new("arn:aws:ecr:us-east-?:111122223333:repository/app/*")?;
/// assert!(pattern.matches("arn:aws:ecr:us-east-1:111122223333:repository/app/web"));
/// assert!(!pattern.matches("arn:aws:ecr:us-east-1:111122223333:repository/App/web"));
/// assert!(!pattern.matches("arn:aws:ecr:us-east-10:111122223333:repository/app/web"));
/// assert!(ArnPattern::new("*")?.matches("arn:aws:s3:::anything"));
///
/// // Fewer than six parts: the last `*` reaches over the account and the resource.
/// let region = ArnPattern::new("arn:aws:ecr:us-east-1:*")?;
/// assert!(region.matches("arn:aws:ecr:us-east-1:111122223333:repository/app/web"));
/// assert!(!region.matches("arn:aws:ecr:us-west-2:111122223333:repository/app/web"));
/// # Ok::<(), ecr_actions::ParseArnPatternError>(())
/// ```
#[derive(Clone)]
pub struct ArnPattern {
    glob: Glob,
}

impl ArnPattern {
    /// The longest pattern read, in characters: 10,240, the most any policy that holds it can have
    /// (the ECR API Reference, `SetRepositoryPolicy`: `policyText` has "Maximum length of 10240";
    /// the IAM User Guide, "IAM and AWS STS quotas": role policies 10,240 characters, managed policies
    /// 6,144). A longer pattern cannot come from a policy AWS accepts.
    pub const MAX_LEN: usize = 10_240;

    /// Reads a pattern.
    ///
    /// # Errors
    ///
    /// [`ParseArnPatternError::TooLong`] past [`MAX_LEN`](Self::MAX_LEN) characters,
    /// [`ParseArnPatternError::MissingPrefix`] if the pattern is neither `*` nor starts with `arn:`,
    /// [`ParseArnPatternError::TooFewParts`] if it has fewer than six colon-separated parts and its last
    /// part does not end with `*`.
    ///
    /// ```
    /// use ecr_actions::{ArnPattern, ParseArnPatternError};
    ///
    /// assert!(ArnPattern::new("arn:aws:ecr:*:*:repository/*").is_ok());
    /// assert!(ArnPattern::new("arn:aws:ecr:*").is_ok());
    /// assert!(matches!(
    ///     ArnPattern::new("arn:aws:ecr:us-east-1:111122223333"),
    ///     Err(ParseArnPatternError::TooFewParts { found: 5, .. })
    /// ));
    /// assert!(matches!(ArnPattern::new("repository/*"), Err(ParseArnPatternError::MissingPrefix { .. })));
    /// ```
    pub fn new(pattern: &str) -> Result<Self, ParseArnPatternError> {
        // Bytes first: a pattern of at most `MAX_LEN` bytes has at most as many characters.
        if pattern.len() > Self::MAX_LEN {
            let length = pattern.chars().count();
            if length > Self::MAX_LEN {
                return Err(ParseArnPatternError::TooLong {
                    input: pattern.to_owned(),
                    length,
                });
            }
        }
        if pattern != "*" {
            if !pattern.starts_with("arn:") {
                return Err(ParseArnPatternError::MissingPrefix {
                    input: pattern.to_owned(),
                });
            }
            if let Err(found) = split(pattern)
                && !pattern.ends_with('*')
            {
                return Err(ParseArnPatternError::TooFewParts {
                    input: pattern.to_owned(),
                    found,
                });
            }
        }
        Ok(Self {
            glob: Glob::arn(pattern),
        })
    }

    /// The pattern `*`, which matches every resource.
    ///
    /// ```
    /// let any = ecr_actions::ArnPattern::any();
    /// assert_eq!(any.as_str(), "*");
    /// assert!(any.matches("arn:aws:ecr:us-east-1:111122223333:repository/app"));
    /// ```
    #[must_use]
    pub fn any() -> Self {
        Self {
            glob: Glob::arn("*"),
        }
    }

    /// Whether the pattern matches all of `arn` (a string, so that a request's resource is matched as
    /// given, `*` included).
    ///
    /// ```
    /// let pattern = ecr_actions::ArnPattern::new("arn:aws:ecr:*:*:repository/*/web")?;
    /// assert!(pattern.matches("arn:aws:ecr:us-east-1:111122223333:repository/app/web"));
    /// assert!(!pattern.matches("arn:aws:ecr:us-east-1:111122223333:repository/app/api"));
    /// # Ok::<(), ecr_actions::ParseArnPatternError>(())
    /// ```
    #[must_use]
    pub fn matches(&self, arn: &str) -> bool {
        self.glob.is_match(arn)
    }

    /// Whether the pattern matches `arn`.
    ///
    /// ```
    /// use ecr_actions::{ArnPattern, RepositoryArn};
    /// let arn = RepositoryArn::new("aws", "us-east-1", "111122223333", "app/web")?;
    /// assert!(ArnPattern::new("arn:aws:ecr:us-east-1:111122223333:repository/app/*")?.matches_arn(arn.as_arn()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn matches_arn(&self, arn: &Arn) -> bool {
        self.glob.is_match(arn.as_str())
    }

    /// Whether the pattern is `*`, which matches every resource.
    ///
    /// ```
    /// assert!(ecr_actions::ArnPattern::new("*")?.is_any());
    /// assert!(!ecr_actions::ArnPattern::new("arn:*:*:*:*:*")?.is_any());
    /// # Ok::<(), ecr_actions::ParseArnPatternError>(())
    /// ```
    #[must_use]
    pub fn is_any(&self) -> bool {
        self.glob.as_str() == "*"
    }

    /// Whether the pattern has no wildcard: it matches exactly one ARN.
    ///
    /// ```
    /// use ecr_actions::ArnPattern;
    /// assert!(ArnPattern::new("arn:aws:ecr:us-east-1:111122223333:repository/app")?.is_literal());
    /// assert!(!ArnPattern::new("arn:aws:ecr:us-east-1:111122223333:repository/*")?.is_literal());
    /// # Ok::<(), ecr_actions::ParseArnPatternError>(())
    /// ```
    #[must_use]
    pub fn is_literal(&self) -> bool {
        self.glob.is_literal()
    }

    /// The pattern as written.
    ///
    /// ```
    /// let pattern = ecr_actions::ArnPattern::new("arn:aws:ecr:*:*:repository/*")?;
    /// assert_eq!(pattern.as_str(), "arn:aws:ecr:*:*:repository/*");
    /// # Ok::<(), ecr_actions::ParseArnPatternError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.glob.as_str()
    }
}

impl FromStr for ArnPattern {
    type Err = ParseArnPatternError;

    fn from_str(pattern: &str) -> Result<Self, Self::Err> {
        Self::new(pattern)
    }
}

impl fmt::Display for ArnPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ArnPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ArnPattern").field(&self.as_str()).finish()
    }
}

impl PartialEq for ArnPattern {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ArnPattern {}

impl Hash for ArnPattern {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for ArnPattern {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ArnPattern {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl AsRef<str> for ArnPattern {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

crate::__serde_via_str!(
    ArnPattern,
    "an ARN pattern such as `arn:aws:ecr:*:111122223333:repository/app/*`, or `*`"
);

/// A string that is not an ARN pattern.
///
/// ```
/// use ecr_actions::ArnPattern;
/// let error = "ecr:*".parse::<ArnPattern>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "`ecr:*` is not an ARN pattern: write `*` for every resource, or an ARN that starts with `arn:` \
///      and may hold `*` and `?`, as in `arn:aws:ecr:*:111122223333:repository/*`"
/// );
/// assert_eq!(error.input(), "ecr:*");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseArnPatternError {
    /// The pattern is not `*` and does not start with `arn:`.
    #[error(
        "`{input}` is not an ARN pattern: write `*` for every resource, or an ARN that starts with \
         `arn:` and may hold `*` and `?`, as in `arn:aws:ecr:*:111122223333:repository/*`"
    )]
    MissingPrefix {
        /// The input.
        input: String,
    },
    /// The pattern has fewer than six colon-separated parts, and its last part does not end with a
    /// `*` that could reach over the missing ones: it matches no ARN.
    #[error(
        "`{input}` has {found} colon-separated parts and matches no ARN, which has 6: write \
         `arn:partition:service:region:account:resource` with `*` for any part, as in \
         `arn:aws:ecr:*:*:repository/*`, or end the pattern with `*` to match every ARN that starts \
         like it, as in `arn:aws:ecr:us-east-1:*`"
    )]
    TooFewParts {
        /// The input.
        input: String,
        /// How many parts it has.
        found: usize,
    },
    /// The pattern is longer than [`ArnPattern::MAX_LEN`] characters.
    #[error(
        "the ARN pattern starting `{}` has {length} characters, more than the {max} any policy can \
         hold: shorten it, or use wildcards",
        .input.chars().take(40).collect::<String>(),
        max = ArnPattern::MAX_LEN
    )]
    TooLong {
        /// The input.
        input: String,
        /// Its length in characters.
        length: usize,
    },
}

impl ParseArnPatternError {
    /// The input that did not parse.
    ///
    /// ```
    /// let error = "arn:aws:ecr:us-east-1".parse::<ecr_actions::ArnPattern>().unwrap_err();
    /// assert_eq!(error.input(), "arn:aws:ecr:us-east-1");
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        match self {
            Self::MissingPrefix { input }
            | Self::TooFewParts { input, .. }
            | Self::TooLong { input, .. } => input,
        }
    }
}
