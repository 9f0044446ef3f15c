//! The values a condition operator takes: one value, written as a string, or several (an array, a
//! `Vec` or a slice), written as an array.

use crate::policy::OneOrMany;
use crate::{Arn, RepositoryArn};

/// One value as the policy writes it.
trait ToText {
    fn to_text(self) -> String;
}

impl ToText for &str {
    fn to_text(self) -> String {
        self.to_owned()
    }
}

impl ToText for String {
    fn to_text(self) -> String {
        self
    }
}

impl ToText for &String {
    fn to_text(self) -> String {
        self.clone()
    }
}

impl ToText for Arn {
    fn to_text(self) -> String {
        self.into_string()
    }
}

impl ToText for &Arn {
    fn to_text(self) -> String {
        self.as_str().to_owned()
    }
}

impl ToText for RepositoryArn {
    fn to_text(self) -> String {
        self.as_str().to_owned()
    }
}

impl ToText for &RepositoryArn {
    fn to_text(self) -> String {
        self.as_str().to_owned()
    }
}

macro_rules! numbers_to_text {
    ($($ty:ty),*) => {
        $(
            impl ToText for $ty {
                fn to_text(self) -> String {
                    self.to_string()
                }
            }
        )*
    };
}

numbers_to_text!(i32, i64, u32, u64, f64);

macro_rules! values_trait {
    (
        $(#[$doc:meta])* $name:ident, $sealed:ident, $message:literal, $label:literal:
        $($elem:ty),+ $(,)?
    ) => {
        mod $sealed {
            /// Sealed: public in a private module, so that no other crate implements the trait.
            pub trait Sealed {}
        }

        $(#[$doc])*
        #[diagnostic::on_unimplemented(
            message = $message,
            label = $label,
            note = "one value, or several in an array, a `Vec` or a slice"
        )]
        pub trait $name: $sealed::Sealed {
            /// The values, one (written alone) or several (written as an array).
            #[doc(hidden)]
            fn __into_values(self) -> OneOrMany<String>;
        }

        $(
            impl $sealed::Sealed for $elem {}
            impl $name for $elem {
                fn __into_values(self) -> OneOrMany<String> {
                    OneOrMany::one(self.to_text())
                }
            }

            impl<const N: usize> $sealed::Sealed for [$elem; N] {}
            impl<const N: usize> $name for [$elem; N] {
                fn __into_values(self) -> OneOrMany<String> {
                    OneOrMany::many(self.into_iter().map(ToText::to_text).collect())
                }
            }

            impl $sealed::Sealed for Vec<$elem> {}
            impl $name for Vec<$elem> {
                fn __into_values(self) -> OneOrMany<String> {
                    OneOrMany::many(self.into_iter().map(ToText::to_text).collect())
                }
            }

            impl $sealed::Sealed for &[$elem] {}
            impl $name for &[$elem] {
                fn __into_values(self) -> OneOrMany<String> {
                    OneOrMany::many(self.iter().cloned().map(ToText::to_text).collect())
                }
            }
        )+
    };
}

values_trait! {
    /// Values of the `String…`, `IpAddress`, `NotIpAddress` and `BinaryEquals` operators: `&str`,
    /// `String` or `&String`, alone or in an array, a `Vec` or a slice. Policy variables such as
    /// `${aws:PrincipalTag/team}` are written as given.
    StringValues, string_sealed, "`{Self}` is not a string value", "expected `&str` or `String`": &str, String, &String,
}

values_trait! {
    /// Values of the `Arn…` operators: strings (patterns such as `arn:aws:iam::*:role/ci-*` for
    /// `ArnLike`), [`Arn`]s or [`RepositoryArn`]s, alone or in an array, a `Vec` or a slice.
    ArnValues, arn_sealed, "`{Self}` is not an ARN value", "expected `&str`, `String`, `Arn` or `RepositoryArn`": &str, String, &String, Arn, &Arn, RepositoryArn, &RepositoryArn,
}

values_trait! {
    /// Values of the `Numeric…` operators: `i32`, `i64`, `u32`, `u64` or `f64`, alone or in an array, a
    /// `Vec` or a slice. Written as strings (`"10"`), as AWS's examples do.
    NumericValues, numeric_sealed, "`{Self}` is not a numeric value", "expected `i32`, `i64`, `u32`, `u64` or `f64`": i32, i64, u32, u64, f64,
}

values_trait! {
    /// Values of the `Date…` operators: ISO 8601 strings (`2025-01-01T00:00:00Z`) or epoch seconds
    /// (`i32`, `i64`, `u32`, `u64`), alone or in an array, a `Vec` or a slice.
    DateValues, date_sealed, "`{Self}` is not a date value", "expected an ISO 8601 `&str`/`String`, or epoch seconds": &str, String, &String, i32, i64, u32, u64,
}
