//! A value the policy grammar lets be written alone or in an array, remembering which.

use core::ops::Index;

/// One value or an array of values, as the policy grammar allows for `Statement`, `Action`,
/// `Resource`, principals and condition values — remembering which form was written, so that a
/// document round-trips exactly.
///
/// ```
/// use ecr_actions::policy::OneOrMany;
/// let one = OneOrMany::one("ecr:PutImage");
/// assert!(one.is_single());
/// let many: OneOrMany<&str> = vec!["a", "b"].into();
/// assert_eq!(many.len(), 2);
/// assert_eq!(many[1], "b");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OneOrMany<T> {
    items: Vec<T>,
    single: bool,
}

impl<T> OneOrMany<T> {
    /// A value written alone (`"Action": "ecr:PutImage"`).
    #[must_use]
    pub fn one(item: T) -> Self {
        Self {
            items: vec![item],
            single: true,
        }
    }

    /// Values written as an array (`"Action": ["ecr:PutImage"]`), even if there is one.
    #[must_use]
    pub fn many(items: Vec<T>) -> Self {
        Self {
            items,
            single: false,
        }
    }

    /// Whether the value was written alone rather than in an array.
    #[must_use]
    pub fn is_single(&self) -> bool {
        self.single && self.items.len() == 1
    }

    /// How many values there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none (an empty array).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The values, in order.
    pub fn iter(&self) -> core::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// The values, mutably.
    pub fn iter_mut(&mut self) -> core::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }

    /// The values as a slice.
    #[must_use]
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    /// Adds a value; a single value becomes an array.
    pub fn push(&mut self, item: T) {
        self.single = false;
        self.items.push(item);
    }

    /// The values, by value.
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        self.items
    }

    /// The values mapped, keeping the form.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> OneOrMany<U> {
        OneOrMany {
            items: self.items.into_iter().map(f).collect(),
            single: self.single,
        }
    }
}

impl<T> From<Vec<T>> for OneOrMany<T> {
    fn from(items: Vec<T>) -> Self {
        Self::many(items)
    }
}

impl<T> Index<usize> for OneOrMany<T> {
    type Output = T;

    /// # Panics
    ///
    /// When `index` is out of bounds, as slices do.
    fn index(&self, index: usize) -> &T {
        #[expect(
            clippy::indexing_slicing,
            reason = "Index panics out of bounds by contract, as slices do"
        )]
        &self.items[index]
    }
}

impl<'a, T> IntoIterator for &'a OneOrMany<T> {
    type Item = &'a T;
    type IntoIter = core::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T> IntoIterator for OneOrMany<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}
