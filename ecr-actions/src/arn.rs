//! Amazon Resource Names: parsed, built from the resource-types table's format, and matched by the
//! patterns of a policy's `Resource` element.
//!
//! | item | what |
//! |---|---|
//! | [`Arn`] | any ARN, `arn:partition:service:region:account:resource`, kept exactly as written |
//! | [`RepositoryArn`] | an ECR repository ARN, checked with ECR's naming rules |
//! | [`ArnPattern`] | a `Resource` pattern, `*` and `?` as IAM matches them |
//! | [`fill_arn_format`] | fills the `${Placeholder}`s of an ARN format such as the table's |
//! | [`ParseArnError`], [`RepositoryArnError`], [`ParseArnPatternError`], [`FillArnFormatError`] | what goes wrong, and where |
//!
//! ```
//! use ecr_actions::{Arn, ArnPattern, RepositoryArn};
//!
//! let repository = RepositoryArn::new("aws", "us-east-1", "111122223333", "app/web")?;
//! assert_eq!(repository.to_string(), "arn:aws:ecr:us-east-1:111122223333:repository/app/web");
//!
//! let arn: Arn = repository.into();
//! assert_eq!((arn.service(), arn.resource()), ("ecr", "repository/app/web"));
//!
//! let pattern = ArnPattern::new("arn:aws:ecr:*:111122223333:repository/app/*")?;
//! assert!(pattern.matches_arn(&arn));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod format;
mod parse;
mod pattern;
mod repository;

pub use format::{FillArnFormatError, fill_arn_format};
pub use parse::{Arn, ParseArnError};
#[cfg(feature = "policy")]
pub(crate) use parse::{Parts as ArnTextParts, split as split_arn_text};
pub use pattern::{ArnPattern, ParseArnPatternError};
pub use repository::{RepositoryArn, RepositoryArnError};
