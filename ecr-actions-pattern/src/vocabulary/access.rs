//! IAM access levels: the five the AWS reference classifies every action by.

use core::fmt;
use core::str::FromStr;

use super::ParseNameError;

/// An IAM access level, as the AWS service authorization reference classifies actions.
///
/// [`Display`](fmt::Display) prints the table text (`Permissions management`); [`FromStr`] reads it in
/// any ASCII case.
///
/// ```
/// use ecr_actions_pattern::AccessLevel;
/// assert_eq!(AccessLevel::PermissionsManagement.to_string(), "Permissions management");
/// assert_eq!("write".parse::<AccessLevel>(), Ok(AccessLevel::Write));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AccessLevel {
    /// `List`: lists resources, or what a resource holds.
    List,
    /// `Read`: reads a resource's contents or attributes, but does not change them.
    Read,
    /// `Write`: creates, deletes or changes resources.
    Write,
    /// `Permissions management`: grants or changes permissions (resource policies, for example).
    PermissionsManagement,
    /// `Tagging`: changes only the tags of a resource.
    Tagging,
}

impl AccessLevel {
    /// Every level, in the order the AWS reference lists them.
    pub const ALL: [Self; 5] = [
        Self::List,
        Self::Read,
        Self::Write,
        Self::PermissionsManagement,
        Self::Tagging,
    ];

    /// The table text, e.g. `Permissions management`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::List => "List",
            Self::Read => "Read",
            Self::Write => "Write",
            Self::PermissionsManagement => "Permissions management",
            Self::Tagging => "Tagging",
        }
    }

    /// The variant's name in Rust, e.g. `PermissionsManagement`: what generated code names.
    #[must_use]
    pub const fn variant(self) -> &'static str {
        match self {
            Self::List => "List",
            Self::Read => "Read",
            Self::Write => "Write",
            Self::PermissionsManagement => "PermissionsManagement",
            Self::Tagging => "Tagging",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AccessLevel {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const NAMES: &[&str] = &["List", "Read", "Write", "Permissions management", "Tagging"];
        Self::ALL
            .into_iter()
            .find(|level| level.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParseNameError::__new("access level", s, NAMES))
    }
}

/// The access levels the table names for one action: usually one, sometimes two
/// (`Tagging, Write`; `Permissions management, Write`).
///
/// A set, kept in table order: [`Display`](fmt::Display) prints it as the table does, [`first`](Self::first)
/// is the level the table names first. Equality and hashing ignore the order.
///
/// ```
/// use ecr_actions_pattern::{AccessLevel, AccessLevels};
/// let levels: AccessLevels = "Tagging, Write".parse()?;
/// assert!(levels.contains(AccessLevel::Tagging));
/// assert_eq!(levels.len(), 2);
/// assert_eq!(levels.to_string(), "Tagging, Write");
/// assert_eq!(levels.first(), AccessLevel::Tagging);
/// assert_eq!(levels, "Write, Tagging".parse()?);
/// # Ok::<(), ecr_actions_pattern::ParseNameError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AccessLevels {
    order: [AccessLevel; 5],
    len: u8,
    bits: u8,
}

impl AccessLevels {
    /// The set of one level.
    #[must_use]
    pub const fn one(level: AccessLevel) -> Self {
        Self {
            order: [level; 5],
            len: 1,
            bits: level.bit(),
        }
    }

    /// The levels of a table cell, first one first. Used by the generated code; a repeated level is kept once.
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_table(first: AccessLevel, rest: &[AccessLevel]) -> Self {
        let mut levels = Self::one(first);
        let mut rest = rest;
        while let [level, tail @ ..] = rest {
            levels = levels.with(*level);
            rest = tail;
        }
        levels
    }

    /// This set with one more level, added last unless it is already in.
    #[must_use]
    #[expect(
        clippy::indexing_slicing,
        reason = "len < 5 = order.len(), checked first"
    )]
    pub const fn with(self, level: AccessLevel) -> Self {
        if self.contains(level) || self.len as usize >= self.order.len() {
            return self;
        }
        let mut order = self.order;
        order[self.len as usize] = level;
        Self {
            order,
            len: self.len + 1,
            bits: self.bits | level.bit(),
        }
    }

    /// The level the table names first.
    #[must_use]
    pub const fn first(self) -> AccessLevel {
        let [first, ..] = self.order;
        first
    }

    /// Whether the set holds `level`.
    #[must_use]
    pub const fn contains(self, level: AccessLevel) -> bool {
        self.bits & level.bit() != 0
    }

    /// How many levels the set holds (1 to 5).
    #[must_use]
    pub const fn len(self) -> usize {
        self.len as usize
    }

    /// Always `false`: a set of access levels holds at least one.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.len == 0
    }

    /// The levels, in table order.
    #[must_use]
    pub fn iter(self) -> impl ExactSizeIterator<Item = AccessLevel> + Clone {
        self.order.into_iter().take(self.len())
    }
}

impl PartialEq for AccessLevels {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl Eq for AccessLevels {}

impl core::hash::Hash for AccessLevels {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}

impl From<AccessLevel> for AccessLevels {
    fn from(level: AccessLevel) -> Self {
        Self::one(level)
    }
}

impl fmt::Display for AccessLevels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, level) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(level.as_str())?;
        }
        Ok(())
    }
}

impl FromStr for AccessLevels {
    type Err = ParseNameError;

    /// Reads the table text, e.g. `Tagging, Write`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Every part is a level: `Tagging,` (an empty part after the comma) is refused.
        let (first, rest) = match s.split_once(',') {
            Some((first, rest)) => (first, Some(rest)),
            None => (s, None),
        };
        let first: AccessLevel = first.parse()?;
        rest.into_iter()
            .flat_map(|rest| rest.split(','))
            .try_fold(Self::one(first), |levels, part| {
                Ok(levels.with(part.parse()?))
            })
    }
}

#[cfg(feature = "serde")]
super::serde_via_str!(AccessLevel, "an IAM access level such as `Read`");
#[cfg(feature = "serde")]
super::serde_via_str!(AccessLevels, "IAM access levels such as `Tagging, Write`");
