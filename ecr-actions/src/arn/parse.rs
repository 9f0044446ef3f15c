//! The generic ARN: six colon-separated parts, the last of which may hold more colons.

use core::fmt;
use core::str::FromStr;

use thiserror::Error;

/// An Amazon Resource Name, `arn:partition:service:region:account:resource`, owned and kept exactly as
/// written: [`Display`](fmt::Display) prints the input that [`FromStr`] read.
///
/// The parser checks the shape every ARN has, not the rules of one service:
///
/// - it starts with `arn:` and has at least six colon-separated parts; the resource, the sixth, may itself
///   hold `:` and `/` (`function:my-function:1`, `repository/app/web`);
/// - the partition is `aws` or `aws-` followed by `-`-separated groups of lowercase letters and digits
///   (`aws-cn`, `aws-us-gov`, `aws-iso-b`);
/// - the partition, the service and the resource are not empty; the region and the account may be (IAM
///   ARNs have no region, S3 bucket ARNs neither region nor account), and the account need not be digits
///   (`arn:aws:iam::aws:policy/…`);
/// - there is no whitespace and no control character anywhere;
/// - it has at most [`MAX_LEN`](Self::MAX_LEN) characters.
///
/// [`RepositoryArn`](crate::RepositoryArn) adds ECR's rules.
///
/// ```
/// use ecr_actions::Arn;
///
/// let arn: Arn = "arn:aws:ecr:us-east-1:111122223333:repository/app/web".parse()?;
/// assert_eq!(arn.partition(), "aws");
/// assert_eq!(arn.service(), "ecr");
/// assert_eq!(arn.region(), "us-east-1");
/// assert_eq!(arn.account(), "111122223333");
/// assert_eq!(arn.resource(), "repository/app/web");
///
/// // The resource may hold colons; the region may be empty.
/// let role: Arn = "arn:aws:iam::111122223333:role/ci:builder".parse()?;
/// assert_eq!((role.region(), role.resource()), ("", "role/ci:builder"));
/// assert_eq!(role.to_string(), "arn:aws:iam::111122223333:role/ci:builder");
/// # Ok::<(), ecr_actions::ParseArnError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Arn {
    /// The ARN as written. First, so that the derived order is the order of the texts.
    text: String,
    // The parts, owned rather than kept as offsets into `text`: an accessor then cannot meet an
    // offset that is no char boundary, and needs no fallback for a state that cannot happen.
    partition: Box<str>,
    service: Box<str>,
    region: Box<str>,
    account: Box<str>,
    resource: Box<str>,
}

const PREFIX: &str = "arn:";

impl Arn {
    /// The longest ARN read, in characters: 2,048, as AWS APIs bound an ARN (the IAM API Reference,
    /// `AttachedPolicy`: `PolicyArn` has "Maximum length of 2048"; the STS API Reference,
    /// `PolicyDescriptorType`: `arn` likewise).
    pub const MAX_LEN: usize = 2048;

    /// The partition, e.g. `aws` or `aws-cn`.
    ///
    /// ```
    /// let arn: ecr_actions::Arn = "arn:aws-cn:ecr:cn-north-1:111122223333:repository/app".parse()?;
    /// assert_eq!(arn.partition(), "aws-cn");
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    #[must_use]
    pub fn partition(&self) -> &str {
        &self.partition
    }

    /// The service namespace, e.g. `ecr`.
    ///
    /// ```
    /// let arn: ecr_actions::Arn = "arn:aws:iam::111122223333:user/alice".parse()?;
    /// assert_eq!(arn.service(), "iam");
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    #[must_use]
    pub fn service(&self) -> &str {
        &self.service
    }

    /// The region, e.g. `us-east-1`; empty for global resources.
    ///
    /// ```
    /// let arn: ecr_actions::Arn = "arn:aws:iam::111122223333:user/alice".parse()?;
    /// assert_eq!(arn.region(), "");
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The account, e.g. `111122223333`; empty for some resources (S3 buckets), `aws` for AWS managed
    /// policies.
    ///
    /// ```
    /// let arn: ecr_actions::Arn = "arn:aws:s3:::my-bucket".parse()?;
    /// assert_eq!(arn.account(), "");
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    #[must_use]
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The resource: everything after the fifth colon, e.g. `repository/app/web`.
    ///
    /// ```
    /// let arn: ecr_actions::Arn = "arn:aws:lambda:us-east-1:111122223333:function:build:1".parse()?;
    /// assert_eq!(arn.resource(), "function:build:1");
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    #[must_use]
    pub fn resource(&self) -> &str {
        &self.resource
    }

    /// The ARN as written.
    ///
    /// ```
    /// let arn: ecr_actions::Arn = "arn:aws:ecr:us-east-1:111122223333:repository/app".parse()?;
    /// assert_eq!(arn.as_str(), "arn:aws:ecr:us-east-1:111122223333:repository/app");
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The ARN as written, as an owned string.
    ///
    /// ```
    /// let arn: ecr_actions::Arn = "arn:aws:s3:::my-bucket".parse()?;
    /// assert_eq!(arn.into_string(), "arn:aws:s3:::my-bucket");
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    #[must_use]
    pub fn into_string(self) -> String {
        self.text
    }
}

impl FromStr for Arn {
    type Err = ParseArnError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::try_from(input.to_owned())
    }
}

impl TryFrom<String> for Arn {
    type Error = ParseArnError;

    /// Parses the string, keeping it as the ARN's storage.
    ///
    /// ```
    /// let arn = ecr_actions::Arn::try_from(String::from("arn:aws:s3:::my-bucket"))?;
    /// assert_eq!(arn.resource(), "my-bucket");
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    fn try_from(text: String) -> Result<Self, Self::Error> {
        let Parts {
            partition,
            service,
            region,
            account,
            resource,
        } = parse(&text)?;
        let (partition, service, region, account, resource) = (
            partition.into(),
            service.into(),
            region.into(),
            account.into(),
            resource.into(),
        );
        Ok(Self {
            text,
            partition,
            service,
            region,
            account,
            resource,
        })
    }
}

/// Checks `input` and splits it into its parts.
fn parse(input: &str) -> Result<Parts<'_>, ParseArnError> {
    // Bytes first: an input of at most `MAX_LEN` bytes has at most as many characters.
    if input.len() > Arn::MAX_LEN {
        let length = input.chars().count();
        if length > Arn::MAX_LEN {
            return Err(ParseArnError::TooLong {
                input: input.to_owned(),
                length,
            });
        }
    }
    if let Some((position, character)) = invalid_character(input) {
        return Err(ParseArnError::InvalidCharacter {
            input: input.to_owned(),
            character,
            position,
        });
    }
    if !input.starts_with(PREFIX) {
        return Err(ParseArnError::MissingPrefix {
            input: input.to_owned(),
        });
    }
    let parts = split(input).map_err(|found| ParseArnError::TooFewParts {
        input: input.to_owned(),
        found,
    })?;
    if parts.partition.is_empty() {
        return Err(ParseArnError::EmptyPartition {
            input: input.to_owned(),
            position: PREFIX.len(),
        });
    }
    if !is_partition(parts.partition) {
        return Err(ParseArnError::InvalidPartition {
            input: input.to_owned(),
            partition: parts.partition.to_owned(),
        });
    }
    if parts.service.is_empty() {
        return Err(ParseArnError::EmptyService {
            input: input.to_owned(),
            position: PREFIX.len() + parts.partition.len() + 1,
        });
    }
    if parts.resource.is_empty() {
        return Err(ParseArnError::EmptyResource {
            input: input.to_owned(),
            position: input.len(),
        });
    }
    Ok(parts)
}

/// The parts of `arn:partition:service:region:account:resource`, borrowed from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parts<'a> {
    pub(crate) partition: &'a str,
    pub(crate) service: &'a str,
    pub(crate) region: &'a str,
    pub(crate) account: &'a str,
    /// Everything after the fifth colon (it may hold more colons).
    pub(crate) resource: &'a str,
}

/// The parts of `input` (whose first part is not looked at), or the number of colon-separated parts
/// if there are fewer than six.
pub(crate) fn split(input: &str) -> Result<Parts<'_>, usize> {
    let mut parts = input.splitn(6, ':');
    let (Some(_), Some(partition), Some(service), Some(region), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(input.splitn(6, ':').count());
    };
    Ok(Parts {
        partition,
        service,
        region,
        account,
        resource,
    })
}

/// The first whitespace or control character and its byte offset. ASCII is checked a byte at a time;
/// characters are decoded only from the first non-ASCII byte on.
fn invalid_character(input: &str) -> Option<(usize, char)> {
    let first = input
        .bytes()
        .position(|b| b <= b' ' || b == 0x7f || !b.is_ascii())?;
    let rest = input.get(first..)?;
    rest.char_indices()
        .find(|(_, c)| c.is_whitespace() || c.is_control())
        .map(|(at, c)| (first + at, c))
}

/// Whether `partition` is `aws`, or `aws` followed by `-`-separated groups of lowercase letters and
/// digits.
pub(super) fn is_partition(partition: &str) -> bool {
    partition.strip_prefix("aws").is_some_and(|rest| {
        rest.is_empty()
            || rest.strip_prefix('-').is_some_and(|groups| {
                groups.split('-').all(|group| {
                    !group.is_empty()
                        && group
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                })
            })
    })
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Arn").field(&self.text).finish()
    }
}

impl AsRef<str> for Arn {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl From<Arn> for String {
    fn from(arn: Arn) -> Self {
        arn.text
    }
}

crate::__serde_via_str!(
    Arn,
    "an ARN such as `arn:aws:ecr:us-east-1:111122223333:repository/app`"
);

/// A string that is not an ARN: what is wrong, and where (`position` is a byte offset into the input).
///
/// ```
/// use ecr_actions::{Arn, ParseArnError};
///
/// let error = "arn:aws:ecr:us-east-1:111122223333".parse::<Arn>().unwrap_err();
/// assert!(matches!(error, ParseArnError::TooFewParts { found: 5, .. }));
/// assert_eq!(
///     error.to_string(),
///     "`arn:aws:ecr:us-east-1:111122223333` has 5 colon-separated parts, an ARN has 6: \
///      write `arn:partition:service:region:account:resource` (the region and the account may be empty)"
/// );
/// assert_eq!(error.input(), "arn:aws:ecr:us-east-1:111122223333");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseArnError {
    /// The input does not start with `arn:`.
    #[error(
        "`{input}` is not an ARN: write it with the prefix `arn:`, as in \
         `arn:aws:ecr:us-east-1:111122223333:repository/app`"
    )]
    MissingPrefix {
        /// The input.
        input: String,
    },
    /// The input has fewer than six colon-separated parts.
    #[error(
        "`{input}` has {found} colon-separated parts, an ARN has 6: write \
         `arn:partition:service:region:account:resource` (the region and the account may be empty)"
    )]
    TooFewParts {
        /// The input.
        input: String,
        /// How many parts it has.
        found: usize,
    },
    /// The partition (between the first and the second colon) is empty.
    #[error(
        "`{input}` has an empty partition at byte {position}: write `aws` (or `aws-cn`, `aws-us-gov`, …) after `arn:`"
    )]
    EmptyPartition {
        /// The input.
        input: String,
        /// Where the partition should be.
        position: usize,
    },
    /// The partition is not `aws` or `aws-` followed by lowercase letters and digits.
    #[error(
        "`{input}` has partition `{partition}`: write `aws`, or `aws-` and lowercase letters and digits \
         such as `aws-cn`, `aws-us-gov` or `aws-iso-b`"
    )]
    InvalidPartition {
        /// The input.
        input: String,
        /// The partition it names.
        partition: String,
    },
    /// The service (between the second and the third colon) is empty.
    #[error(
        "`{input}` has an empty service at byte {position}: write the service namespace, such as `ecr`, after the partition"
    )]
    EmptyService {
        /// The input.
        input: String,
        /// Where the service should be.
        position: usize,
    },
    /// Nothing follows the fifth colon.
    #[error(
        "`{input}` has an empty resource at byte {position}: write the resource, such as `repository/app`, after the account"
    )]
    EmptyResource {
        /// The input.
        input: String,
        /// Where the resource should be.
        position: usize,
    },
    /// The input is longer than [`Arn::MAX_LEN`] characters.
    #[error(
        "the ARN starting `{}` has {length} characters, more than the {max} an ARN can have",
        .input.chars().take(40).collect::<String>().escape_debug(),
        max = Arn::MAX_LEN
    )]
    TooLong {
        /// The input.
        input: String,
        /// Its length in characters.
        length: usize,
    },
    /// The input holds whitespace or a control character.
    #[error(
        "`{}` has {character:?} at byte {position}: an ARN has no whitespace or control characters, remove it",
        .input.escape_debug()
    )]
    InvalidCharacter {
        /// The input.
        input: String,
        /// The first such character.
        character: char,
        /// Its byte offset.
        position: usize,
    },
}

impl ParseArnError {
    /// The input that did not parse.
    ///
    /// ```
    /// let error = "urn:aws:ecr".parse::<ecr_actions::Arn>().unwrap_err();
    /// assert_eq!(error.input(), "urn:aws:ecr");
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        match self {
            Self::MissingPrefix { input }
            | Self::TooFewParts { input, .. }
            | Self::EmptyPartition { input, .. }
            | Self::InvalidPartition { input, .. }
            | Self::EmptyService { input, .. }
            | Self::EmptyResource { input, .. }
            | Self::InvalidCharacter { input, .. }
            | Self::TooLong { input, .. } => input,
        }
    }
}
