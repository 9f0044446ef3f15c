//! Items the generated code reaches through `$crate`; not part of the public API.

pub use ecr_actions_macros::action_set;
#[cfg(feature = "serde")]
pub use serde;
pub use strum;

/// The key of one `iam_actions!` invocation (a hash of its package, site and arguments), for
/// [`SetOf`].
#[derive(Clone, Copy, Debug)]
pub struct Site<const KEY: u64>;

/// Names the `ActionSet` of the invocation keyed `KEY` from anywhere: `<Site<KEY> as SetOf<_>>::Set`.
///
/// The generated `actions!` is a `macro_rules!` whose paths resolve where it is called, and the macro
/// that wrote it cannot know the module it is in; the runtime crate has one path everywhere, and an
/// impl is seen everywhere. Each invocation implements `SetOf<ActionSet> for Site<KEY>` (the orphan
/// rule allows it: its `ActionSet` is local), so exactly one impl fits `Site<KEY>` and type inference
/// settles the `_`.
pub trait SetOf<S> {
    /// The invocation's `ActionSet`, `S`.
    type Set;
}

/// Whether `input` equals `lower` in ASCII case, where `lower` is lowercase and `mask` has `0x20` where
/// `lower` has a letter and `0` elsewhere (so case folds for letters only: `0` never matches the control
/// byte that differs from it in bit 5).
///
/// The generated `Action::lookup` calls this once, on the one candidate its hash picked. It compares
/// eight bytes at a time, the last word overlapping the one before, with no early exit.
#[inline]
#[must_use]
pub fn eq_ignore_ascii_case_folded(input: &[u8], lower: &[u8], mask: &[u8]) -> bool {
    let n = lower.len();
    if input.len() != n || mask.len() != n {
        return false;
    }
    if n < 8 {
        return input
            .iter()
            .zip(lower)
            .zip(mask)
            .all(|((a, b), m)| a | m == *b);
    }
    let word = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let last = n - 8;
    let diff_at = |at: usize| {
        let at = at.min(last);
        (word(input, at) | word(mask, at)) ^ word(lower, at)
    };
    // Names up to 32 bytes: four words, clamped to overlap at the end, so the work does not depend on
    // the length (a branch on it would be mispredicted for names in random order).
    let mut diff = diff_at(0) | diff_at(8) | diff_at(16) | diff_at(24);
    let mut at = 32;
    while at < n {
        diff |= diff_at(at);
        at += 8;
    }
    diff == 0
}

/// Deserializes a value through its `FromStr`, for the generated `Deserialize` impls: the pattern
/// crate's, which its own vocabulary types use too.
#[cfg(feature = "serde")]
pub use ecr_actions_pattern::__private::deserialize_from_str;

/// Implements `Serialize` (through `Display`) and `Deserialize` (through `FromStr`) when the `serde`
/// feature of `ecr-actions` is on, and nothing otherwise: the generated code lives in the user's crate,
/// where a `#[cfg(feature = "serde")]` would test the user's features, not ours.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_via_str {
    ($ty:ty, $expecting:literal) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_from_str(deserializer, $expecting)
            }
        }
    };
}

/// Implements `Serialize` (the IAM names, in table order) and `Deserialize` (a sequence of IAM names)
/// for a generated action set, when the `serde` feature of `ecr-actions` is on.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_action_set {
    ($set:ty, $action:ty) => {
        impl $crate::__private::serde::Serialize for $set {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.collect_seq(self.iter())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $set {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let actions: ::std::vec::Vec<$action> =
                    $crate::__private::serde::Deserialize::deserialize(deserializer)?;
                ::core::result::Result::Ok(actions.into_iter().collect())
            }
        }
    };
}

/// Without the `serde` feature: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_action_set {
    ($set:ty, $action:ty) => {};
}

/// Without the `serde` feature: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_via_str {
    ($ty:ty, $expecting:literal) => {};
}

#[cfg(test)]
mod tests {
    fn eq(input: &[u8], lower: &[u8]) -> bool {
        let mask: Vec<u8> = lower
            .iter()
            .map(|b| if b.is_ascii_lowercase() { 0x20 } else { 0 })
            .collect();
        super::eq_ignore_ascii_case_folded(input, lower, &mask)
    }

    #[test]
    fn folds_case_of_letters_only() {
        assert!(eq(b"ECR:PutImage", b"ecr:putimage"));
        assert!(eq(b"ecr:putimage", b"ecr:putimage"));
        assert!(!eq(b"ecr:putimagE2", b"ecr:putimage"));
        assert!(!eq(b"ecr:putimag", b"ecr:putimage"));
        // `:` is 0x3a and `\x1a` differs only in bit 5: not a letter, so no folding.
        assert!(!eq(b"ecr\x1aputimage", b"ecr:putimage"));
        assert!(!eq(b"x\x10", b"x0"));
        // `@` (0x40) | 0x20 is the backtick, not a letter: `@` never matches a lowercase letter's slot wrongly.
        assert!(!eq(b"@", b"`"));
        assert!(!eq(b"[", b"{"));
        // Long names: every word compared, the last one overlapping.
        let long = b"ecr:batchgetrepositoryscanningconfiguration";
        assert!(eq(b"ECR:BatchGetRepositoryScanningConfiguration", long));
        assert!(!eq(b"ECR:BatchGetRepositoryScanningConfiguratioN2", long));
        for at in 0..long.len() {
            let mut wrong = long.to_vec();
            wrong[at] ^= 1;
            assert!(!eq(&wrong, long), "{at}");
        }
    }
}
