//! Items `ecr-actions` reaches into; not part of the public API.

/// Deserializes a value through its `FromStr`: for this crate's vocabulary, and (re-exported by
/// `ecr-actions`) for the generated `Deserialize` impls.
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
