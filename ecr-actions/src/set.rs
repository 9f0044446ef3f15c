//! Sets of actions: a `Copy` bitset per service, usable in `const` items.
//!
//! The macro generates one `ActionSet` type per service by invoking [`__action_set!`](crate::__action_set)
//! (the set is the same code for every service; only its size differs). Generic code uses the
//! [`IamActionSet`] trait.

use core::fmt::Debug;
use core::hash::Hash;
use core::marker::PhantomData;

use crate::service::IamAction;

/// The `ActionSet` type of a service, as [`iam_actions!`](crate::iam_actions) generates it.
///
/// ```
/// use ecr_actions::service::IamActionSet;
/// use ecr_actions::{Action, ActionSet};
///
/// fn names<S: IamActionSet>(set: S) -> Vec<&'static str> {
///     set.into_iter().map(|a| ecr_actions::service::IamAction::name(a)).collect()
/// }
/// assert_eq!(names(ActionSet::EMPTY.with(Action::PutImage)), ["PutImage"]);
/// ```
pub trait IamActionSet:
    Copy
    + Eq
    + Hash
    + Debug
    + Default
    + FromIterator<Self::Action>
    + IntoIterator<Item = Self::Action>
    + 'static
{
    /// The service's action enum.
    type Action: IamAction;
    /// The empty set.
    const EMPTY: Self;
    /// Every action of the service.
    const ALL: Self;
    /// Whether the set holds `action`.
    fn contains(&self, action: Self::Action) -> bool;
    /// Adds `action`; `true` if it was not in the set.
    fn insert(&mut self, action: Self::Action) -> bool;
    /// Removes `action`; `true` if it was in the set.
    fn remove(&mut self, action: Self::Action) -> bool;
    /// How many actions the set holds.
    fn len(&self) -> usize;
    /// Whether the set is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The actions of a set, in table order.
#[derive(Clone, Debug)]
pub struct Iter<A, const W: usize> {
    bits: [u64; W],
    word: usize,
    _action: PhantomData<A>,
}

impl<A, const W: usize> Iter<A, W> {
    /// Used by the generated code.
    #[doc(hidden)]
    #[must_use]
    pub const fn __new(bits: [u64; W]) -> Self {
        Self {
            bits,
            word: 0,
            _action: PhantomData,
        }
    }
}

impl<A: IamAction, const W: usize> Iterator for Iter<A, W> {
    type Item = A;

    fn next(&mut self) -> Option<A> {
        while let Some(bits) = self.bits.get_mut(self.word) {
            if *bits == 0 {
                self.word += 1;
                continue;
            }
            let bit = bits.trailing_zeros() as usize;
            *bits &= *bits - 1;
            return A::ALL.get(self.word * 64 + bit).copied();
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self
            .bits
            .iter()
            .skip(self.word)
            .map(|w| w.count_ones() as usize)
            .sum();
        (left, Some(left))
    }
}

impl<A: IamAction, const W: usize> ExactSizeIterator for Iter<A, W> {}
impl<A: IamAction, const W: usize> core::iter::FusedIterator for Iter<A, W> {}

/// The actions of service `A` that a pattern matches, as a bitset of `W` words.
#[doc(hidden)]
#[must_use]
pub fn __matching<A: IamAction, const W: usize>(pattern: &crate::ActionPattern) -> [u64; W] {
    let mut bits = [0u64; W];
    if !pattern.may_match_service(A::SERVICE) {
        return bits;
    }
    // A wildcard never matches an action only an earlier table has (IAM no longer knows it); the
    // action's own name still does, so a set can hold it.
    let literal = pattern.is_literal();
    for action in A::ALL {
        if (literal || action.is_current()) && pattern.matches_name_folded(action.name_lowercase())
        {
            let index = action.index();
            if let Some(word) = bits.get_mut(index / 64) {
                *word |= 1 << (index % 64);
            }
        }
    }
    bits
}

/// Generates a service's `ActionSet`: `$set` over `$action`, `$words` words of 64 bits, `$count`
/// actions. Used by the code `iam_actions!` generates.
#[doc(hidden)]
#[macro_export]
macro_rules! __action_set {
    ($set:ident, $action:ident, $words:literal, $count:literal) => {
        /// A set of actions: a `Copy` bitset, usable in `const` items, iterated in table order.
        ///
        /// Build one with the module's `actions!` macro (patterns checked at compile time),
        /// [`EMPTY`](Self::EMPTY), [`ALL`](Self::ALL), [`with`](Self::with),
        /// [`from_actions`](Self::from_actions), [`with_access_level`](Self::with_access_level),
        /// [`matching`](Self::matching) a wildcard pattern, or by collecting actions; combine sets with
        /// `|`, `&`, `-`, `^` and `!` (complement within the service's actions). Membership and set
        /// algebra are a few word operations.
        ///
        /// # The written form
        ///
        /// A set that `actions!` made also keeps the patterns as its author wrote them
        /// ([`as_written`](Self::as_written)), so that a policy builder can write `"ecr:Describe*"`
        /// rather than the actions it matches today: a wildcard in a policy keeps matching the actions
        /// AWS adds later, which is what its author meant. Only `actions!` gives a set a written form,
        /// and only a copy keeps it; every operation that makes a set (set algebra, even one that
        /// leaves the members as they were, `with`, `insert`, collecting, deserializing) makes one
        /// without, because patterns cannot be combined in `const` code without losing what each
        /// author wrote: `actions!("ecr:Get*") | actions!("ecr:Put*")` is written as the names it
        /// holds. [`expanded`](Self::expanded) drops the written form on purpose.
        ///
        /// The written form is not part of the value: `==`, `Hash` and serde see the members alone,
        /// so two sets with the same actions are equal however they were written. `Debug` prints the
        /// members, then the written form when there is one.
        #[derive(Clone, Copy)]
        pub struct $set {
            bits: [u64; $words],
            /// The patterns `actions!` was given, in the order given; a thin pointer, so that the
            /// set grows by one word.
            written: ::core::option::Option<&'static &'static [&'static str]>,
        }

        impl ::core::cmp::PartialEq for $set {
            fn eq(&self, other: &Self) -> bool {
                self.bits == other.bits
            }
        }

        impl ::core::cmp::Eq for $set {}

        impl ::core::hash::Hash for $set {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                self.bits.hash(state);
            }
        }

        impl ::core::default::Default for $set {
            fn default() -> Self {
                Self::EMPTY
            }
        }

        #[allow(
            clippy::indexing_slicing,
            reason = "an action's index is below the count the word array is sized for"
        )]
        impl $set {
            /// The empty set.
            pub const EMPTY: Self = Self::from_bits([0; $words]);

            /// Every action of the service.
            pub const ALL: Self = {
                let mut bits = [0u64; $words];
                let mut index = 0;
                while index < $count {
                    bits[index / 64] |= 1 << (index % 64);
                    index += 1;
                }
                Self::from_bits(bits)
            };

            /// A set of these members, without a written form.
            #[inline]
            const fn from_bits(bits: [u64; $words]) -> Self {
                Self {
                    bits,
                    written: ::core::option::Option::None,
                }
            }

            /// The set `actions!` made of `indices`, with the patterns it was given. Used by
            /// `actions!`.
            #[doc(hidden)]
            #[must_use]
            pub const fn __written(
                indices: &[usize],
                patterns: &'static &'static [&'static str],
            ) -> Self {
                let mut set = Self::__from_indices(indices);
                set.written = ::core::option::Option::Some(patterns);
                set
            }

            /// The patterns as `actions!` was given them, in that order, or `None` for a set made
            /// another way (see "The written form" above).
            #[must_use]
            pub const fn as_written(&self) -> ::core::option::Option<&'static [&'static str]> {
                match self.written {
                    ::core::option::Option::Some(patterns) => {
                        ::core::option::Option::Some(*patterns)
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }

            /// The same actions without the written form: a policy builder writes them as their
            /// names, exactly the actions the set holds today, none that AWS adds later.
            #[must_use]
            #[inline]
            pub const fn expanded(self) -> Self {
                Self::from_bits(self.bits)
            }

            /// The empty set.
            #[must_use]
            pub const fn new() -> Self {
                Self::EMPTY
            }

            /// The set of these actions.
            #[must_use]
            pub const fn from_actions(actions: &[$action]) -> Self {
                let mut set = Self::EMPTY;
                let mut rest = actions;
                while let [first, tail @ ..] = rest {
                    set = set.with(*first);
                    rest = tail;
                }
                set
            }

            /// The set of the actions at these positions in table order; positions past the end are
            /// ignored. Used by `actions!`.
            #[doc(hidden)]
            #[must_use]
            pub const fn __from_indices(indices: &[usize]) -> Self {
                let mut bits = [0u64; $words];
                let mut rest = indices;
                while let [index, tail @ ..] = rest {
                    if *index < $count {
                        bits[*index / 64] |= 1 << (*index % 64);
                    }
                    rest = tail;
                }
                Self::from_bits(bits)
            }

            /// This set with `action` added.
            #[must_use]
            #[inline]
            pub const fn with(self, action: $action) -> Self {
                let index = action as usize;
                let mut bits = self.bits;
                bits[index / 64] |= 1 << (index % 64);
                Self::from_bits(bits)
            }

            /// This set without `action`.
            #[must_use]
            #[inline]
            pub const fn without(self, action: $action) -> Self {
                let index = action as usize;
                let mut bits = self.bits;
                bits[index / 64] &= !(1 << (index % 64));
                Self::from_bits(bits)
            }

            /// Whether the set holds `action`.
            #[must_use]
            #[inline]
            pub const fn contains(&self, action: $action) -> bool {
                let index = action as usize;
                self.bits[index / 64] & (1 << (index % 64)) != 0
            }

            /// Adds `action`; `true` if it was not in the set.
            #[inline]
            pub fn insert(&mut self, action: $action) -> bool {
                let added = !self.contains(action);
                *self = self.with(action);
                added
            }

            /// Removes `action`; `true` if it was in the set.
            #[inline]
            pub fn remove(&mut self, action: $action) -> bool {
                let removed = self.contains(action);
                *self = self.without(action);
                removed
            }

            /// How many actions the set holds.
            #[must_use]
            #[inline]
            pub const fn len(&self) -> usize {
                let mut count = 0;
                let mut word = 0;
                while word < $words {
                    count += self.bits[word].count_ones() as usize;
                    word += 1;
                }
                count
            }

            /// Whether the set is empty.
            #[must_use]
            #[inline]
            pub const fn is_empty(&self) -> bool {
                let mut word = 0;
                while word < $words {
                    if self.bits[word] != 0 {
                        return false;
                    }
                    word += 1;
                }
                true
            }

            #[inline]
            const fn zip(self, other: Self, op: u8) -> Self {
                let mut bits = [0u64; $words];
                let mut word = 0;
                while word < $words {
                    let (a, b) = (self.bits[word], other.bits[word]);
                    bits[word] = match op {
                        0 => a | b,
                        1 => a & b,
                        2 => a & !b,
                        _ => a ^ b,
                    };
                    word += 1;
                }
                Self::from_bits(bits)
            }

            /// The actions in either set.
            #[must_use]
            #[inline]
            pub const fn union(self, other: Self) -> Self {
                self.zip(other, 0)
            }

            /// The actions in both sets.
            #[must_use]
            #[inline]
            pub const fn intersection(self, other: Self) -> Self {
                self.zip(other, 1)
            }

            /// The actions in this set and not in `other`.
            #[must_use]
            #[inline]
            pub const fn difference(self, other: Self) -> Self {
                self.zip(other, 2)
            }

            /// The actions in exactly one of the sets.
            #[must_use]
            #[inline]
            pub const fn symmetric_difference(self, other: Self) -> Self {
                self.zip(other, 3)
            }

            /// The service's actions not in this set.
            #[must_use]
            #[inline]
            pub const fn complement(self) -> Self {
                Self::ALL.difference(self)
            }

            /// Whether every action of this set is in `other`.
            #[must_use]
            #[inline]
            pub const fn is_subset(&self, other: &Self) -> bool {
                self.difference(*other).is_empty()
            }

            /// Whether every action of `other` is in this set.
            #[must_use]
            #[inline]
            pub const fn is_superset(&self, other: &Self) -> bool {
                other.is_subset(self)
            }

            /// Whether the sets have no action in common.
            #[must_use]
            #[inline]
            pub const fn is_disjoint(&self, other: &Self) -> bool {
                self.intersection(*other).is_empty()
            }

            /// The actions the table gives this access level (an action with two levels is in the sets
            /// of both).
            #[must_use]
            pub const fn with_access_level(level: $crate::AccessLevel) -> Self {
                let mut bits = [0u64; $words];
                let mut index = 0;
                while index < $count {
                    if $action::ALL[index].access_levels().contains(level) {
                        bits[index / 64] |= 1 << (index % 64);
                    }
                    index += 1;
                }
                Self::from_bits(bits)
            }

            /// The actions an IAM action pattern matches (none for a pattern of another service).
            #[must_use]
            pub fn matching(pattern: &$crate::ActionPattern) -> Self {
                Self::from_bits($crate::set::__matching::<$action, $words>(pattern))
            }

            /// The shortest list of IAM action strings (names and wildcards) that matches exactly this
            /// set among the service's actions; see [`compact`]($crate::compact::compact).
            #[must_use]
            pub fn to_patterns(&self) -> ::std::vec::Vec<::std::string::String> {
                $crate::compact::compact(*self)
            }

            /// The actions, in table order.
            #[must_use]
            pub fn iter(&self) -> $crate::set::Iter<$action, $words> {
                $crate::set::Iter::__new(self.bits)
            }
        }

        impl $crate::set::IamActionSet for $set {
            type Action = $action;
            const EMPTY: Self = Self::EMPTY;
            const ALL: Self = Self::ALL;

            #[inline]
            fn contains(&self, action: $action) -> bool {
                $set::contains(self, action)
            }
            #[inline]
            fn insert(&mut self, action: $action) -> bool {
                $set::insert(self, action)
            }
            #[inline]
            fn remove(&mut self, action: $action) -> bool {
                $set::remove(self, action)
            }
            #[inline]
            fn len(&self) -> usize {
                $set::len(self)
            }
        }

        impl ::core::fmt::Debug for $set {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_set().entries(self.iter()).finish()?;
                match self.written {
                    ::core::option::Option::Some(patterns) => {
                        f.write_str(" written as ")?;
                        f.debug_list().entries(patterns.iter()).finish()
                    }
                    ::core::option::Option::None => ::core::result::Result::Ok(()),
                }
            }
        }

        impl ::core::convert::From<$action> for $set {
            fn from(action: $action) -> Self {
                Self::EMPTY.with(action)
            }
        }

        impl ::core::iter::FromIterator<$action> for $set {
            fn from_iter<I: ::core::iter::IntoIterator<Item = $action>>(iter: I) -> Self {
                let mut set = Self::EMPTY;
                set.extend(iter);
                set
            }
        }

        impl ::core::iter::Extend<$action> for $set {
            fn extend<I: ::core::iter::IntoIterator<Item = $action>>(&mut self, iter: I) {
                for action in iter {
                    self.insert(action);
                }
            }
        }

        impl ::core::iter::IntoIterator for $set {
            type Item = $action;
            type IntoIter = $crate::set::Iter<$action, $words>;

            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }

        impl ::core::iter::IntoIterator for &$set {
            type Item = $action;
            type IntoIter = $crate::set::Iter<$action, $words>;

            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }

        impl ::core::ops::BitOr for $set {
            type Output = Self;
            #[inline]
            fn bitor(self, other: Self) -> Self {
                self.union(other)
            }
        }

        impl ::core::ops::BitAnd for $set {
            type Output = Self;
            #[inline]
            fn bitand(self, other: Self) -> Self {
                self.intersection(other)
            }
        }

        impl ::core::ops::Sub for $set {
            type Output = Self;
            #[inline]
            fn sub(self, other: Self) -> Self {
                self.difference(other)
            }
        }

        impl ::core::ops::BitXor for $set {
            type Output = Self;
            #[inline]
            fn bitxor(self, other: Self) -> Self {
                self.symmetric_difference(other)
            }
        }

        impl ::core::ops::Not for $set {
            type Output = Self;
            #[inline]
            fn not(self) -> Self {
                self.complement()
            }
        }

        impl ::core::ops::BitOrAssign for $set {
            #[inline]
            fn bitor_assign(&mut self, other: Self) {
                *self = self.union(other);
            }
        }

        impl ::core::ops::BitAndAssign for $set {
            #[inline]
            fn bitand_assign(&mut self, other: Self) {
                *self = self.intersection(other);
            }
        }

        impl ::core::ops::SubAssign for $set {
            #[inline]
            fn sub_assign(&mut self, other: Self) {
                *self = self.difference(other);
            }
        }

        $crate::__serde_action_set!($set, $action);
    };
}
