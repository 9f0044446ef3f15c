//! The request context: condition keys and their values, names ignoring ASCII case, with caps for
//! untrusted input.

use core::cmp::Ordering;
use std::collections::BTreeMap;

/// The value of a context key: one string, or several for a multivalued key such as `aws:TagKeys`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ContextValue {
    /// A single-valued key (`aws:SourceIp`, `aws:PrincipalTag/team`).
    Single(String),
    /// A multivalued key (`aws:TagKeys`, `aws:PrincipalOrgPaths`, `aws:CalledVia`), possibly empty.
    Multi(Vec<String>),
}

impl ContextValue {
    /// The value, borrowed.
    #[must_use]
    pub fn as_ref(&self) -> ContextValueRef<'_> {
        match self {
            Self::Single(value) => ContextValueRef::Single(value),
            Self::Multi(values) => ContextValueRef::Multi(values),
        }
    }
}

impl From<&str> for ContextValue {
    fn from(value: &str) -> Self {
        Self::Single(value.to_owned())
    }
}

impl From<String> for ContextValue {
    fn from(value: String) -> Self {
        Self::Single(value)
    }
}

impl From<Vec<String>> for ContextValue {
    fn from(values: Vec<String>) -> Self {
        Self::Multi(values)
    }
}

impl From<&[&str]> for ContextValue {
    fn from(values: &[&str]) -> Self {
        Self::Multi(values.iter().map(|v| (*v).to_owned()).collect())
    }
}

impl<const N: usize> From<[&str; N]> for ContextValue {
    fn from(values: [&str; N]) -> Self {
        Self::Multi(values.iter().map(|v| (*v).to_owned()).collect())
    }
}

/// A borrowed [`ContextValue`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContextValueRef<'a> {
    /// A single-valued key.
    Single(&'a str),
    /// A multivalued key.
    Multi(&'a [String]),
}

/// Why [`Context::try_insert`] refused a key or value: one of the context's caps.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ContextError {
    /// A key name longer than [`Context::MAX_KEY_BYTES`].
    #[error("context key `{start}…` is {len} bytes long; a key name is at most {limit} bytes")]
    KeyTooLong {
        /// The key's first characters.
        start: String,
        /// Its length in bytes.
        len: usize,
        /// [`Context::MAX_KEY_BYTES`].
        limit: usize,
    },
    /// A value longer than [`Context::MAX_VALUE_BYTES`].
    #[error("context key `{key}`: a value is {len} bytes long; a value is at most {limit} bytes")]
    ValueTooLong {
        /// The key.
        key: String,
        /// The value's length in bytes.
        len: usize,
        /// [`Context::MAX_VALUE_BYTES`].
        limit: usize,
    },
    /// A multivalued key with more than [`Context::MAX_VALUES`] values.
    #[error("context key `{key}` has {count} values; a key has at most {limit}")]
    TooManyValues {
        /// The key.
        key: String,
        /// How many values it was given.
        count: usize,
        /// [`Context::MAX_VALUES`].
        limit: usize,
    },
    /// A new key past [`Context::MAX_KEYS`].
    #[error("context key `{key}`: a context holds at most {limit} keys")]
    TooManyKeys {
        /// The key that did not fit.
        key: String,
        /// [`Context::MAX_KEYS`].
        limit: usize,
    },
    /// Keys and values together past [`Context::MAX_BYTES`].
    #[error(
        "context key `{key}`: keys and values would take {bytes} bytes; a context holds at most {limit}"
    )]
    TooLarge {
        /// The key that did not fit.
        key: String,
        /// The bytes keys and values would take with it.
        bytes: usize,
        /// [`Context::MAX_BYTES`].
        limit: usize,
    },
}

/// The request context: condition keys and their values. Key names ignore ASCII case, as IAM reads
/// them; nothing is derived from the principal or the resource — a key that is not here is absent.
///
/// ```
/// use ecr_actions::eval::{Context, ContextValueRef};
/// let context = Context::new()
///     .with("aws:SourceIp", "203.0.113.7")
///     .with("aws:TagKeys", ["env", "team"]);
/// assert_eq!(context.get("AWS:sourceip"), Some(ContextValueRef::Single("203.0.113.7")));
/// assert!(matches!(context.get("aws:TagKeys"), Some(ContextValueRef::Multi(keys)) if keys.len() == 2));
/// assert_eq!(context.get("aws:username"), None);
/// ```
///
/// # Cost and caps
///
/// [`insert`](Self::insert) and [`get`](Self::get) take O(log n) steps for n keys (up to 8 keys a
/// short sorted vector, then a B-tree keyed by the name in ASCII lower case); `get` allocates nothing for a name of up to 256 bytes. [`insert`](Self::insert), [`with`](Self::with) and
/// `collect` take whatever they are given: they are for contexts a program builds itself. A context
/// read from untrusted input is built with [`try_insert`](Self::try_insert), which refuses, with a
/// [`ContextError`], a key or value past the caps below. AWS's own request contexts are far smaller
/// (a resource has at most 50 tags; a tag key is at most 128 characters, a tag value 256).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The keys (each with its name as given) and values, ordered by name ignoring ASCII case.
    entries: Entries,
    /// Bytes of keys and values, for [`MAX_BYTES`](Self::MAX_BYTES).
    bytes: usize,
}

/// The bytes a key and its value take, for the context's size cap.
fn size_of(key: &str, value: &ContextValue) -> usize {
    key.len().saturating_add(match value {
        ContextValue::Single(value) => value.len(),
        ContextValue::Multi(values) => values.iter().fold(0, |sum, v| sum.saturating_add(v.len())),
    })
}

/// Up to this many keys, a context is a sorted vector that [`Context::get`] scans: contexts hold a
/// handful of keys that mostly share their `aws:` start, and a scan that compares lengths first beats
/// folding the name and searching (about 5 ns against 43 ns for 7 keys, measured on a quiet
/// machine; a scan of a B-tree's values costs about a fifth more than a vector's).
const SCAN: usize = 8;

/// A context's entries: a short sorted vector, or past [`SCAN`] keys a B-tree keyed by the name in
/// ASCII lower case. Canonical (a vector exactly when there are at most [`SCAN`] keys, since keys
/// are never removed), so the derived equality compares contents.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Entries {
    /// Sorted by name ignoring ASCII case ([`compare_keys`]); one entry per key.
    Few(Vec<(String, ContextValue)>),
    /// Name in ASCII lower case → the name as given and its value.
    Many(BTreeMap<Box<[u8]>, (String, ContextValue)>),
}

impl Default for Entries {
    fn default() -> Self {
        Self::Few(Vec::new())
    }
}

/// Compares key names ignoring ASCII case, without allocating: the byte order of the names in ASCII
/// lower case, the order of the B-tree's keys too.
fn compare_keys(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

impl Entries {
    fn len(&self) -> usize {
        match self {
            Self::Few(entries) => entries.len(),
            Self::Many(entries) => entries.len(),
        }
    }

    fn get(&self, key: &str) -> Option<&(String, ContextValue)> {
        match self {
            Self::Few(entries) => entries.iter().find(|(candidate, _)| {
                candidate.len() == key.len() && candidate.eq_ignore_ascii_case(key)
            }),
            Self::Many(entries) => with_folded(key, |folded| entries.get(folded)),
        }
    }

    /// Sets `key`; returns the entry it replaces.
    fn insert(&mut self, key: &str, value: ContextValue) -> Option<(String, ContextValue)> {
        match self {
            Self::Many(entries) => entries.insert(fold(key), (key.to_owned(), value)),
            Self::Few(entries) => {
                if let Some(old) = entries
                    .iter_mut()
                    .find(|(candidate, _)| candidate.eq_ignore_ascii_case(key))
                {
                    return Some(core::mem::replace(old, (key.to_owned(), value)));
                }
                if entries.len() < SCAN {
                    let at = entries
                        .partition_point(|(candidate, _)| compare_keys(candidate, key).is_lt());
                    entries.insert(at, (key.to_owned(), value));
                    return None;
                }
                // One key more than the vector holds: the context becomes a B-tree (the key is new,
                // so nothing is replaced).
                let mut many: BTreeMap<Box<[u8]>, (String, ContextValue)> =
                    core::mem::take(entries)
                        .into_iter()
                        .map(|(name, value)| (fold(&name), (name, value)))
                        .collect();
                many.insert(fold(key), (key.to_owned(), value));
                *self = Self::Many(many);
                None
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = &(String, ContextValue)> {
        let (few, many) = match self {
            Self::Few(entries) => (Some(entries.iter()), None),
            Self::Many(entries) => (None, Some(entries.values())),
        };
        few.into_iter().flatten().chain(many.into_iter().flatten())
    }
}

/// The name in ASCII lower case, as the B-tree's key.
fn fold(key: &str) -> Box<[u8]> {
    key.as_bytes().to_ascii_lowercase().into()
}

impl Context {
    /// The longest key name [`try_insert`](Self::try_insert) takes, in bytes: room for `aws:RequestTag/`
    /// and a tag key of 128 characters of any script.
    pub const MAX_KEY_BYTES: usize = 1024;
    /// The longest single value [`try_insert`](Self::try_insert) takes, in bytes (1 MiB, as a policy
    /// document).
    pub const MAX_VALUE_BYTES: usize = 1 << 20;
    /// The most values one multivalued key may have in [`try_insert`](Self::try_insert).
    pub const MAX_VALUES: usize = 4096;
    /// The most keys [`try_insert`](Self::try_insert) lets a context hold.
    pub const MAX_KEYS: usize = 1 << 16;
    /// The most bytes of keys and values [`try_insert`](Self::try_insert) lets a context hold (16 MiB).
    pub const MAX_BYTES: usize = 16 << 20;

    /// An empty context.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            entries: Entries::Few(Vec::new()),
            bytes: 0,
        }
    }

    /// This context with `key` set to `value` (replacing a value of the same key in any case).
    #[must_use]
    pub fn with(mut self, key: &str, value: impl Into<ContextValue>) -> Self {
        self.insert(key, value);
        self
    }

    /// Sets `key` to `value`; returns the value it replaces, if any (the name as given last is kept).
    /// O(log n); no caps: see [`try_insert`](Self::try_insert) for untrusted input.
    pub fn insert(&mut self, key: &str, value: impl Into<ContextValue>) -> Option<ContextValue> {
        let value = value.into();
        let added = size_of(key, &value);
        let old = self.entries.insert(key, value);
        let removed = old.as_ref().map_or(0, |(key, value)| size_of(key, value));
        self.bytes = self.bytes.saturating_sub(removed).saturating_add(added);
        old.map(|(_, value)| value)
    }

    /// Sets `key` to `value` as [`insert`](Self::insert) does, unless that would pass one of the caps
    /// ([`MAX_KEY_BYTES`](Self::MAX_KEY_BYTES), [`MAX_VALUE_BYTES`](Self::MAX_VALUE_BYTES),
    /// [`MAX_VALUES`](Self::MAX_VALUES), [`MAX_KEYS`](Self::MAX_KEYS), [`MAX_BYTES`](Self::MAX_BYTES)).
    ///
    /// ```
    /// use ecr_actions::eval::{Context, ContextError};
    /// let mut context = Context::new();
    /// assert_eq!(context.try_insert("aws:username", "alice"), Ok(None));
    /// let long = "x".repeat(Context::MAX_VALUE_BYTES + 1);
    /// assert!(matches!(
    ///     context.try_insert("aws:username", long.as_str()),
    ///     Err(ContextError::ValueTooLong { .. })
    /// ));
    /// assert_eq!(context.len(), 1);
    /// ```
    ///
    /// # Errors
    ///
    /// The cap the key or value would pass; the context is then unchanged.
    pub fn try_insert(
        &mut self,
        key: &str,
        value: impl Into<ContextValue>,
    ) -> Result<Option<ContextValue>, ContextError> {
        let value = value.into();
        if key.len() > Self::MAX_KEY_BYTES {
            return Err(ContextError::KeyTooLong {
                start: key.chars().take(40).collect(),
                len: key.len(),
                limit: Self::MAX_KEY_BYTES,
            });
        }
        let values: &[String] = match &value {
            ContextValue::Single(value) => core::slice::from_ref(value),
            ContextValue::Multi(values) => values,
        };
        if values.len() > Self::MAX_VALUES {
            return Err(ContextError::TooManyValues {
                key: key.to_owned(),
                count: values.len(),
                limit: Self::MAX_VALUES,
            });
        }
        if let Some(long) = values.iter().find(|v| v.len() > Self::MAX_VALUE_BYTES) {
            return Err(ContextError::ValueTooLong {
                key: key.to_owned(),
                len: long.len(),
                limit: Self::MAX_VALUE_BYTES,
            });
        }
        let replaced = self.entries.get(key);
        if replaced.is_none() && self.entries.len() >= Self::MAX_KEYS {
            return Err(ContextError::TooManyKeys {
                key: key.to_owned(),
                limit: Self::MAX_KEYS,
            });
        }
        let removed = replaced.map_or(0, |(key, value)| size_of(key, value));
        let bytes = self
            .bytes
            .saturating_sub(removed)
            .saturating_add(size_of(key, &value));
        if bytes > Self::MAX_BYTES {
            return Err(ContextError::TooLarge {
                key: key.to_owned(),
                bytes,
                limit: Self::MAX_BYTES,
            });
        }
        Ok(self.insert(key, value))
    }

    /// The value of `key` (any ASCII case), if present. O(log n); allocates nothing for a name of up
    /// to 256 bytes (`aws:PrincipalTag/` and a tag key of 128 ASCII characters fit).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<ContextValueRef<'_>> {
        self.entries.get(key).map(|(_, value)| value.as_ref())
    }

    /// How many keys there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no keys.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.len() == 0
    }

    /// The keys (as last inserted) and their values, ordered by key ignoring ASCII case (byte order of
    /// the names in ASCII lower case).
    pub fn iter(&self) -> impl Iterator<Item = (&str, ContextValueRef<'_>)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_ref()))
    }
}

/// How long a key name may be for [`Context::get`] to fold it on the stack: `aws:PrincipalTag/` and a
/// tag key of 128 ASCII characters fit.
const FOLD_BYTES: usize = 256;

/// Calls `f` with `key` in ASCII lower case: on the stack when it fits in [`FOLD_BYTES`] (so that
/// [`Context::get`] allocates nothing), else on the heap. The B-tree is keyed by bytes, so there is no
/// UTF-8 check that could fail.
fn with_folded<R>(key: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let bytes = key.as_bytes();
    let mut buffer = [0; FOLD_BYTES];
    match buffer.get_mut(..bytes.len()) {
        Some(slot) => {
            slot.copy_from_slice(bytes);
            slot.make_ascii_lowercase();
            f(slot)
        }
        None => f(&bytes.to_ascii_lowercase()),
    }
}

impl<K: AsRef<str>, V: Into<ContextValue>> FromIterator<(K, V)> for Context {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut context = Self::new();
        for (key, value) in iter {
            context.insert(key.as_ref(), value);
        }
        context
    }
}
