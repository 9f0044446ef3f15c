//! Items the generated code reaches through `$crate`; not part of the public API.

#[cfg(feature = "serde")]
pub use serde;
pub use strum;

/// Deserializes a value through its `FromStr`, for the generated `Deserialize` impls.
#[cfg(feature = "serde")]
pub fn deserialize_from_str<'de, T, D>(
    deserializer: D,
    expecting: &'static str,
) -> Result<T, D::Error>
where
    T: core::str::FromStr,
    T::Err: core::fmt::Display,
    D: serde::Deserializer<'de>,
{
    struct Visitor<T>(&'static str, core::marker::PhantomData<T>);

    impl<T> serde::de::Visitor<'_> for Visitor<T>
    where
        T: core::str::FromStr,
        T::Err: core::fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str(self.0)
        }

        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
            value.parse().map_err(E::custom)
        }
    }

    deserializer.deserialize_str(Visitor(expecting, core::marker::PhantomData))
}

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

/// Without the `serde` feature: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_via_str {
    ($ty:ty, $expecting:literal) => {};
}
