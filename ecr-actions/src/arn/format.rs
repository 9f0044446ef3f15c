//! ARN formats as the resource-types table writes them: `${Placeholder}`s to fill.

use thiserror::Error;

use super::{Arn, ParseArnError};

/// Fills the `${Name}` placeholders of an ARN format, such as a resource-types table's
/// `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`, with the values `lookup`
/// gives, and parses the result as an [`Arn`].
///
/// The text outside the placeholders is kept as it is; a value is inserted as it is (it is not searched
/// for placeholders).
///
/// # Errors
///
/// [`FillArnFormatError::UnknownPlaceholder`] if `lookup` has no value for a placeholder,
/// [`FillArnFormatError::UnclosedPlaceholder`] for a `${` without its `}`, and
/// [`FillArnFormatError::InvalidArn`] if the filled-in format is not an ARN.
///
/// ```
/// use ecr_actions::arn::fill_arn_format;
/// use ecr_actions::{FillArnFormatError, ResourceType};
///
/// let format = ResourceType::Repository.arn_format().unwrap_or_default();
/// let lookup = |name: &str| match name {
///     "Partition" => Some("aws"),
///     "Region" => Some("us-east-1"),
///     "Account" => Some("111122223333"),
///     "RepositoryName" => Some("app/web"),
///     _ => None,
/// };
/// let arn = fill_arn_format(format, lookup)?;
/// assert_eq!(arn.as_str(), "arn:aws:ecr:us-east-1:111122223333:repository/app/web");
///
/// let error = fill_arn_format("arn:${Partition}:ecr:${Region}:${AccountId}:repository/x", lookup).unwrap_err();
/// assert!(matches!(&error, FillArnFormatError::UnknownPlaceholder { placeholder, .. } if placeholder == "AccountId"));
/// # Ok::<(), FillArnFormatError>(())
/// ```
pub fn fill_arn_format<'v>(
    format: &str,
    lookup: impl Fn(&str) -> Option<&'v str>,
) -> Result<Arn, FillArnFormatError> {
    let mut filled = String::with_capacity(format.len() + 32);
    let mut rest = format;
    while let Some((before, after)) = rest.split_once("${") {
        filled.push_str(before);
        let Some((placeholder, tail)) = after.split_once('}') else {
            return Err(FillArnFormatError::UnclosedPlaceholder {
                format: format.to_owned(),
                position: format.len() - after.len() - 2,
            });
        };
        let value = lookup(placeholder).ok_or_else(|| FillArnFormatError::UnknownPlaceholder {
            format: format.to_owned(),
            placeholder: placeholder.to_owned(),
        })?;
        filled.push_str(value);
        rest = tail;
    }
    filled.push_str(rest);
    Arn::try_from(filled).map_err(|source| FillArnFormatError::InvalidArn {
        format: format.to_owned(),
        source,
    })
}

/// An ARN format that [`fill_arn_format`] could not fill.
///
/// ```
/// use ecr_actions::arn::fill_arn_format;
///
/// let error = fill_arn_format("arn:${Partition:ecr", |_| Some("aws")).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "the ARN format `arn:${Partition:ecr` has a `${` at byte 4 without its `}`: close the placeholder, as in `${Partition}`"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum FillArnFormatError {
    /// The lookup has no value for a placeholder.
    #[error(
        "the ARN format `{format}` has placeholder `${{{placeholder}}}`, which has no value: \
         give it one, or use a format with only the placeholders you have values for"
    )]
    UnknownPlaceholder {
        /// The format.
        format: String,
        /// The placeholder's name, without `${` and `}`.
        placeholder: String,
    },
    /// A `${` has no `}` after it.
    #[error(
        "the ARN format `{format}` has a `${{` at byte {position} without its `}}`: close the placeholder, \
         as in `${{Partition}}`"
    )]
    UnclosedPlaceholder {
        /// The format.
        format: String,
        /// The byte offset of the `${`.
        position: usize,
    },
    /// The format, filled in, is not an ARN.
    #[error("the ARN format `{format}`, filled in, is not an ARN: {source}")]
    InvalidArn {
        /// The format.
        format: String,
        /// Why the filled-in format is not an ARN.
        source: ParseArnError,
    },
}

impl FillArnFormatError {
    /// The format that could not be filled.
    ///
    /// ```
    /// let error = ecr_actions::arn::fill_arn_format("${Nope}", |_| None).unwrap_err();
    /// assert_eq!(error.format(), "${Nope}");
    /// ```
    #[must_use]
    pub fn format(&self) -> &str {
        match self {
            Self::UnknownPlaceholder { format, .. }
            | Self::UnclosedPlaceholder { format, .. }
            | Self::InvalidArn { format, .. } => format,
        }
    }
}
