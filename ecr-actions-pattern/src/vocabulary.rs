//! The vocabulary of the AWS service authorization tables: access levels and condition value types,
//! with the error of a name that is none of its kind. One definition for the engine that reads the
//! tables (`ecr-actions-codegen`) and the runtime that represents them (`ecr-actions` re-exports these
//! types at its root), so the two cannot drift apart.

use thiserror::Error;

use crate::suggest;

mod access;
mod value_type;

pub use access::{AccessLevel, AccessLevels};
pub use value_type::ConditionValueType;

fn did_you_mean(suggestion: Option<&'static str>) -> String {
    suggest::did_you_mean(suggestion)
}

/// A name that is not one of the known names of its kind (a resource type, a condition key, an access
/// level).
///
/// ```
/// use ecr_actions_pattern::AccessLevel;
/// let error = "Wirte".parse::<AccessLevel>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown access level `Wirte`; did you mean `Write`?");
/// assert_eq!(error.suggestion(), Some("Write"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("unknown {what} `{input}`{}", did_you_mean(*.suggestion))]
pub struct ParseNameError {
    what: &'static str,
    input: String,
    suggestion: Option<&'static str>,
}

impl ParseNameError {
    /// Builds the error. Used by the generated code.
    #[doc(hidden)]
    #[must_use]
    pub fn __new(what: &'static str, input: &str, names: &'static [&'static str]) -> Self {
        Self {
            what,
            input: input.to_owned(),
            suggestion: suggest::nearest(input, names.iter().copied()),
        }
    }

    /// What kind of name was expected, e.g. `resource type`.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        self.what
    }

    /// The input that did not parse.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The nearest known name, if one is near enough to be what was meant.
    #[must_use]
    pub const fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }
}

/// `Serialize` through `Display`, `Deserialize` through `FromStr`: the IAM text, as the tables write it.
#[cfg(feature = "serde")]
macro_rules! serde_via_str {
    ($ty:ty, $expecting:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::__private::deserialize_from_str(deserializer, $expecting)
            }
        }
    };
}
#[cfg(feature = "serde")]
use serde_via_str;
