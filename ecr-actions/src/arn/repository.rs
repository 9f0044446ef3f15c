//! ECR repository ARNs: the table's ARN format, filled in with values that follow ECR's naming rules.

use core::fmt;
use core::str::FromStr;

use thiserror::Error;

use super::parse::is_partition;
use super::{Arn, FillArnFormatError, ParseArnError, fill_arn_format};
use crate::ResourceType;

const RESOURCE_PREFIX: &str = "repository/";
const NAME_LENGTH: core::ops::RangeInclusive<usize> = 2..=256;
/// The table's ARN format for repositories, the one [`RepositoryArn::new`] fills in (a unit test checks
/// that the table says the same).
const FORMAT: &str = "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}";

/// The ARN of an ECR repository, `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`,
/// checked with ECR's rules:
///
/// - the partition is `aws` or `aws-` followed by `-`-separated groups of lowercase letters and digits
///   (`aws-cn`, `aws-us-gov`);
/// - the region is lowercase words joined by `-` and ending in a number (`us-east-1`, `us-gov-west-1`,
///   `eusc-de-east-1`), never empty;
/// - the account is exactly 12 ASCII digits;
/// - the repository name is 2 to 256 characters of lowercase letters and digits, in runs joined by one
///   `.`, `_` or `-`, with `/` between namespaces: ECR's
///   `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`.
///
/// [`new`](Self::new) builds the ARN by filling in the resource-types table's format for
/// [`ResourceType::Repository`], so [`Display`](fmt::Display) prints exactly that format filled in.
/// Repository ARNs are case-sensitive.
///
/// ```
/// use ecr_actions::{RepositoryArn, RepositoryArnError};
///
/// let arn = RepositoryArn::new("aws", "us-east-1", "111122223333", "team/app-web")?;
/// assert_eq!(arn.to_string(), "arn:aws:ecr:us-east-1:111122223333:repository/team/app-web");
/// assert_eq!(arn.name(), "team/app-web");
/// assert_eq!(arn, "arn:aws:ecr:us-east-1:111122223333:repository/team/app-web".parse()?);
///
/// let error = RepositoryArn::new("aws", "us-east-1", "111122223333", "Team/app").unwrap_err();
/// assert!(matches!(error, RepositoryArnError::NameCharacter { character: 'T', position: 0, .. }));
/// # Ok::<(), RepositoryArnError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RepositoryArn {
    arn: Arn,
    /// The name, owned: the resource after `repository/`, kept so that [`name`](Self::name) needs
    /// no fallback for a prefix that cannot be missing.
    name: Box<str>,
}

impl RepositoryArn {
    /// Builds the ARN of repository `name` in `account` and `region` of `partition`, by filling in the
    /// resource-types table's ARN format.
    ///
    /// # Errors
    ///
    /// The first of the values that breaks ECR's rules (checked in the order of the arguments), as
    /// [`RepositoryArnError::InvalidPartition`], [`MissingRegion`](RepositoryArnError::MissingRegion),
    /// [`InvalidRegion`](RepositoryArnError::InvalidRegion),
    /// [`InvalidAccount`](RepositoryArnError::InvalidAccount),
    /// [`NameLength`](RepositoryArnError::NameLength),
    /// [`NameCharacter`](RepositoryArnError::NameCharacter) or
    /// [`NameSeparator`](RepositoryArnError::NameSeparator).
    ///
    /// ```
    /// use ecr_actions::{RepositoryArn, RepositoryArnError};
    ///
    /// let arn = RepositoryArn::new("aws-cn", "cn-north-1", "111122223333", "app")?;
    /// assert_eq!(arn.as_str(), "arn:aws-cn:ecr:cn-north-1:111122223333:repository/app");
    ///
    /// let error = RepositoryArn::new("aws", "us-east-1", "1111-2222-3333", "app").unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "`arn:aws:ecr:us-east-1:1111-2222-3333:repository/app` has account `1111-2222-3333`: \
    ///      write the 12-digit account ID, such as `111122223333`"
    /// );
    /// # Ok::<(), RepositoryArnError>(())
    /// ```
    pub fn new(
        partition: &str,
        region: &str,
        account: &str,
        name: &str,
    ) -> Result<Self, RepositoryArnError> {
        let shown = || format!("arn:{partition}:ecr:{region}:{account}:{RESOURCE_PREFIX}{name}");
        if !is_partition(partition) {
            return Err(RepositoryArnError::InvalidPartition {
                arn: shown(),
                partition: partition.to_owned(),
            });
        }
        check(region, account, name, shown)?;
        // The companion table always gives the repository's format; the documented one stands in
        // were it ever left out, so that `new` never fills in an empty format.
        let format = Self::resource_type().arn_format().unwrap_or(FORMAT);
        let arn = fill_arn_format(format, |placeholder| match placeholder {
            "Partition" => Some(partition),
            "Region" => Some(region),
            "Account" => Some(account),
            "RepositoryName" => Some(name),
            _ => None,
        })?;
        Self::try_from(arn)
    }

    /// The resource type whose ARN format [`new`](Self::new) fills in: [`ResourceType::Repository`].
    ///
    /// ```
    /// use ecr_actions::{RepositoryArn, ResourceType};
    /// assert_eq!(RepositoryArn::resource_type(), ResourceType::Repository);
    /// assert_eq!(
    ///     RepositoryArn::resource_type().arn_format(),
    ///     Some("arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}")
    /// );
    /// ```
    #[must_use]
    pub const fn resource_type() -> ResourceType {
        ResourceType::Repository
    }

    /// The partition, e.g. `aws`.
    ///
    /// ```
    /// let arn = ecr_actions::RepositoryArn::new("aws-us-gov", "us-gov-west-1", "111122223333", "app")?;
    /// assert_eq!(arn.partition(), "aws-us-gov");
    /// # Ok::<(), ecr_actions::RepositoryArnError>(())
    /// ```
    #[must_use]
    pub fn partition(&self) -> &str {
        self.arn.partition()
    }

    /// The region, e.g. `us-east-1`.
    ///
    /// ```
    /// let arn = ecr_actions::RepositoryArn::new("aws", "eu-west-1", "111122223333", "app")?;
    /// assert_eq!(arn.region(), "eu-west-1");
    /// # Ok::<(), ecr_actions::RepositoryArnError>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> &str {
        self.arn.region()
    }

    /// The 12-digit account ID.
    ///
    /// ```
    /// let arn = ecr_actions::RepositoryArn::new("aws", "eu-west-1", "111122223333", "app")?;
    /// assert_eq!(arn.account(), "111122223333");
    /// # Ok::<(), ecr_actions::RepositoryArnError>(())
    /// ```
    #[must_use]
    pub fn account(&self) -> &str {
        self.arn.account()
    }

    /// The repository name, namespaces included, e.g. `team/app`.
    ///
    /// ```
    /// let arn: ecr_actions::RepositoryArn = "arn:aws:ecr:eu-west-1:111122223333:repository/team/app".parse()?;
    /// assert_eq!(arn.name(), "team/app");
    /// # Ok::<(), ecr_actions::RepositoryArnError>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The ARN as an [`Arn`].
    ///
    /// ```
    /// let arn = ecr_actions::RepositoryArn::new("aws", "eu-west-1", "111122223333", "app")?;
    /// assert_eq!(arn.as_arn().resource(), "repository/app");
    /// # Ok::<(), ecr_actions::RepositoryArnError>(())
    /// ```
    #[must_use]
    pub const fn as_arn(&self) -> &Arn {
        &self.arn
    }

    /// The ARN as a string.
    ///
    /// ```
    /// let arn = ecr_actions::RepositoryArn::new("aws", "eu-west-1", "111122223333", "app")?;
    /// assert_eq!(arn.as_str(), "arn:aws:ecr:eu-west-1:111122223333:repository/app");
    /// # Ok::<(), ecr_actions::RepositoryArnError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.arn.as_str()
    }
}

/// Checks the region, the account and the name, in that order; `arn` shows the whole ARN in an error.
fn check(
    region: &str,
    account: &str,
    name: &str,
    arn: impl Fn() -> String,
) -> Result<(), RepositoryArnError> {
    if region.is_empty() {
        return Err(RepositoryArnError::MissingRegion { arn: arn() });
    }
    if !is_region(region) {
        return Err(RepositoryArnError::InvalidRegion {
            arn: arn(),
            region: region.to_owned(),
        });
    }
    if !(account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())) {
        return Err(RepositoryArnError::InvalidAccount {
            arn: arn(),
            account: account.to_owned(),
        });
    }
    let length = name.chars().count();
    if !NAME_LENGTH.contains(&length) {
        return Err(RepositoryArnError::NameLength {
            arn: arn(),
            name: name.to_owned(),
            length,
        });
    }
    let misplaced = |separator: char, position: usize| RepositoryArnError::NameSeparator {
        arn: arn(),
        name: name.to_owned(),
        separator,
        position,
    };
    // Runs of lowercase letters and digits, one separator between two runs.
    let mut after_separator = true;
    for (position, byte) in name.bytes().enumerate() {
        match byte {
            b'a'..=b'z' | b'0'..=b'9' => after_separator = false,
            b'.' | b'_' | b'-' | b'/' if after_separator => {
                return Err(misplaced(char::from(byte), position));
            }
            b'.' | b'_' | b'-' | b'/' => after_separator = true,
            _ => {
                // The first byte that is not allowed starts a character: every byte before it is ASCII.
                let character = name
                    .get(position..)
                    .and_then(|rest| rest.chars().next())
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                return Err(RepositoryArnError::NameCharacter {
                    arn: arn(),
                    name: name.to_owned(),
                    character,
                    position,
                });
            }
        }
    }
    if after_separator {
        // The name ends with a separator (an ASCII byte).
        let position = name.len().saturating_sub(1);
        let separator = name.chars().next_back().unwrap_or('/');
        return Err(misplaced(separator, position));
    }
    Ok(())
}

/// Whether `region` is a region name as ECR accepts it: a word of two or more lowercase letters, one or
/// more `-word`s, and `-` and a number (`us-east-1`, `us-gov-west-1`, `us-isob-east-1`,
/// `eusc-de-east-1`).
fn is_region(region: &str) -> bool {
    let is_word = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    let Some((words, number)) = region.rsplit_once('-') else {
        return false;
    };
    let Some((first, rest)) = words.split_once('-') else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && first.len() >= 2
        && is_word(first)
        && rest.split('-').all(is_word)
}

impl FromStr for RepositoryArn {
    type Err = RepositoryArnError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::try_from(input.parse::<Arn>()?)
    }
}

impl TryFrom<Arn> for RepositoryArn {
    type Error = RepositoryArnError;

    /// Checks that an [`Arn`] is a repository ARN.
    ///
    /// ```
    /// use ecr_actions::{Arn, RepositoryArn, RepositoryArnError};
    ///
    /// let arn: Arn = "arn:aws:iam::111122223333:user/alice".parse()?;
    /// assert!(matches!(RepositoryArn::try_from(arn), Err(RepositoryArnError::NotEcr { .. })));
    /// # Ok::<(), ecr_actions::ParseArnError>(())
    /// ```
    fn try_from(arn: Arn) -> Result<Self, Self::Error> {
        if arn.service() != "ecr" {
            return Err(RepositoryArnError::NotEcr {
                arn: arn.as_str().to_owned(),
                service: arn.service().to_owned(),
            });
        }
        let Some(name) = arn.resource().strip_prefix(RESOURCE_PREFIX) else {
            return Err(RepositoryArnError::NotRepository {
                arn: arn.as_str().to_owned(),
                resource: arn.resource().to_owned(),
            });
        };
        check(arn.region(), arn.account(), name, || {
            arn.as_str().to_owned()
        })?;
        let name = name.into();
        Ok(Self { arn, name })
    }
}

impl From<RepositoryArn> for Arn {
    fn from(arn: RepositoryArn) -> Self {
        arn.arn
    }
}

impl AsRef<Arn> for RepositoryArn {
    fn as_ref(&self) -> &Arn {
        &self.arn
    }
}

impl AsRef<str> for RepositoryArn {
    fn as_ref(&self) -> &str {
        self.arn.as_str()
    }
}

impl fmt::Display for RepositoryArn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.arn.as_str())
    }
}

impl fmt::Debug for RepositoryArn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RepositoryArn")
            .field(&self.arn.as_str())
            .finish()
    }
}

crate::__serde_via_str!(
    RepositoryArn,
    "an ECR repository ARN such as `arn:aws:ecr:us-east-1:111122223333:repository/app`"
);

fn character_hint(character: char) -> String {
    if character.is_ascii_uppercase() {
        format!(
            "repository names are lowercase, write `{}`",
            character.to_ascii_lowercase()
        )
    } else {
        "use only lowercase letters, digits, `.`, `_`, `-` and `/`".to_owned()
    }
}

/// A string or values that make no ECR repository ARN: which rule is broken, and by what.
///
/// Every variant but [`Arn`](Self::Arn) and [`Format`](Self::Format) shows the ARN (`arn`) as it was
/// read or as [`RepositoryArn::new`] would have built it. Positions in the repository name are byte
/// offsets into the name.
///
/// ```
/// use ecr_actions::{RepositoryArn, RepositoryArnError};
///
/// let error = "arn:aws:ecr:us-east-1:111122223333:repository/app//web".parse::<RepositoryArn>().unwrap_err();
/// assert!(matches!(error, RepositoryArnError::NameSeparator { separator: '/', position: 4, .. }));
/// assert_eq!(error.input(), "arn:aws:ecr:us-east-1:111122223333:repository/app//web");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RepositoryArnError {
    /// The string is not an ARN at all.
    #[error(transparent)]
    Arn(#[from] ParseArnError),
    /// The ARN is of another service.
    #[error(
        "`{arn}` is an ARN of service `{service}`: a repository ARN has service `ecr`, as in \
         `arn:aws:ecr:us-east-1:111122223333:repository/app`"
    )]
    NotEcr {
        /// The ARN.
        arn: String,
        /// The service it names.
        service: String,
    },
    /// The resource does not start with `repository/`.
    #[error(
        "`{arn}` names resource `{resource}`: a repository ARN's resource is `repository/` and the \
         repository name, as in `repository/app/web`"
    )]
    NotRepository {
        /// The ARN.
        arn: String,
        /// The resource it names.
        resource: String,
    },
    /// The partition is not `aws` or `aws-` followed by lowercase letters and digits.
    #[error(
        "`{}` has partition `{}`: write `aws`, or `aws-` and lowercase letters and digits such as \
         `aws-cn` or `aws-us-gov`",
        .arn.escape_debug(),
        .partition.escape_debug()
    )]
    InvalidPartition {
        /// The ARN.
        arn: String,
        /// The partition.
        partition: String,
    },
    /// The region is empty.
    #[error(
        "`{}` has no region: write the repository's region, such as `us-east-1`, after `ecr:`",
        .arn.escape_debug()
    )]
    MissingRegion {
        /// The ARN.
        arn: String,
    },
    /// The region is not a region name.
    #[error(
        "`{}` has region `{}`: write a region name such as `us-east-1` or `us-gov-west-1` \
         (lowercase words joined by `-`, ending in a number)",
        .arn.escape_debug(),
        .region.escape_debug()
    )]
    InvalidRegion {
        /// The ARN.
        arn: String,
        /// The region.
        region: String,
    },
    /// The account is not 12 ASCII digits.
    #[error(
        "`{}` has account `{}`: write the 12-digit account ID, such as `111122223333`",
        .arn.escape_debug(),
        .account.escape_debug()
    )]
    InvalidAccount {
        /// The ARN.
        arn: String,
        /// The account.
        account: String,
    },
    /// The repository name is shorter than 2 or longer than 256 characters.
    #[error(
        "`{}` has a repository name of length {length}: write a name of 2 to 256 characters",
        .arn.escape_debug()
    )]
    NameLength {
        /// The ARN.
        arn: String,
        /// The repository name.
        name: String,
        /// Its length in characters.
        length: usize,
    },
    /// The repository name holds a character other than a lowercase letter, a digit, `.`, `_`, `-` or `/`.
    #[error(
        "`{}` has {character:?} at byte {position} of repository name `{}`: {}",
        .arn.escape_debug(),
        .name.escape_debug(),
        character_hint(*.character)
    )]
    NameCharacter {
        /// The ARN.
        arn: String,
        /// The repository name.
        name: String,
        /// The first such character.
        character: char,
        /// Its byte offset in the name.
        position: usize,
    },
    /// The repository name starts or ends with a separator (`.`, `_`, `-`, `/`), or has two in a row.
    #[error(
        "`{}` has a misplaced `{separator}` at byte {position} of repository name `{}`: put `.`, `_`, \
         `-` and `/` only between two lowercase letters or digits",
        .arn.escape_debug(),
        .name.escape_debug()
    )]
    NameSeparator {
        /// The ARN.
        arn: String,
        /// The repository name.
        name: String,
        /// The separator.
        separator: char,
        /// Its byte offset in the name.
        position: usize,
    },
    /// The resource-types table's ARN format for repositories could not be filled in. This happens only
    /// if the table in `spec/` changes its placeholders.
    #[error("the repository ARN format of the resource-types table could not be filled in: {0}")]
    Format(#[from] FillArnFormatError),
}

impl RepositoryArnError {
    /// The ARN as it was read or would have been built (for [`Arn`](Self::Arn), the input; for
    /// [`Format`](Self::Format), the format).
    ///
    /// ```
    /// let error = ecr_actions::RepositoryArn::new("aws", "", "111122223333", "app").unwrap_err();
    /// assert_eq!(error.input(), "arn:aws:ecr::111122223333:repository/app");
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        match self {
            Self::Arn(error) => error.input(),
            Self::Format(error) => error.format(),
            Self::NotEcr { arn, .. }
            | Self::NotRepository { arn, .. }
            | Self::InvalidPartition { arn, .. }
            | Self::MissingRegion { arn }
            | Self::InvalidRegion { arn, .. }
            | Self::InvalidAccount { arn, .. }
            | Self::NameLength { arn, .. }
            | Self::NameCharacter { arn, .. }
            | Self::NameSeparator { arn, .. } => arn,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{FORMAT, RepositoryArn};

    #[test]
    fn the_table_gives_the_documented_format() {
        assert_eq!(RepositoryArn::resource_type().arn_format(), Some(FORMAT));
    }
}
