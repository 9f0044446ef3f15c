//! Numbers of the `Numeric…` operators, compared exactly (no `f64` on the way).

use core::cmp::Ordering;

/// The longest number read, in bytes: longer text is not a number. Generous for any integer or
/// decimal a policy holds (a `u128` has 39 digits), and a bound on the work per comparison.
pub(crate) const MAX_NUMBER_LEN: usize = 256;

/// A number as written, normalized so that equal values have equal parts: `0.D × 10^exponent`, where
/// the significant digits `D` (`head` then `tail`) have no leading and no trailing zero. Zero has no
/// digits and is never negative. Borrows the text it was read from, so reading a request's value
/// allocates nothing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Number<'a> {
    negative: bool,
    exponent: i64,
    head: &'a [u8],
    tail: &'a [u8],
}

/// A [`Number`] that owns its digits: a policy's value, read once when the policy is compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    negative: bool,
    exponent: i64,
    digits: Box<[u8]>,
}

impl Decimal {
    /// The number, to compare with another.
    pub(crate) fn as_number(&self) -> Number<'_> {
        Number {
            negative: self.negative,
            exponent: self.exponent,
            head: &self.digits,
            tail: &[],
        }
    }
}

/// The leading ASCII digits of `bytes`, and the rest. `None` cannot happen (the count is at most the
/// length); the caller then reads "not a number", failing closed.
fn digit_run(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let n = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    bytes.split_at_checked(n)
}

fn trim_leading_zeros(mut bytes: &[u8]) -> &[u8] {
    while let [b'0', rest @ ..] = bytes {
        bytes = rest;
    }
    bytes
}

fn trim_trailing_zeros(mut bytes: &[u8]) -> &[u8] {
    while let [rest @ .., b'0'] = bytes {
        bytes = rest;
    }
    bytes
}

impl<'a> Number<'a> {
    /// Reads `text` as the grammar of [`crate::value`] says: `-?d+(.d+)?([eE][+-]?d+)?`.
    pub(crate) fn parse(text: &'a str) -> Option<Self> {
        if text.len() > MAX_NUMBER_LEN {
            return None;
        }
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, bytes),
        };
        let (int, rest) = digit_run(rest)?;
        if int.is_empty() {
            return None;
        }
        let (frac, rest) = match rest.split_first() {
            Some((b'.', after)) => {
                let (frac, rest) = digit_run(after)?;
                if frac.is_empty() {
                    return None;
                }
                (frac, rest)
            }
            _ => (&[][..], rest),
        };
        let shift = match rest.split_first() {
            None => 0,
            Some((b'e' | b'E', after)) => {
                let (minus, digits) = match after.split_first() {
                    Some((b'-', digits)) => (true, digits),
                    Some((b'+', digits)) => (false, digits),
                    _ => (false, after),
                };
                if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let mut value: i64 = 0;
                for digit in digits {
                    value = value
                        .checked_mul(10)?
                        .checked_add(i64::from(digit - b'0'))?;
                }
                if minus { -value } else { value }
            }
            Some(_) => return None,
        };
        let int = trim_leading_zeros(int);
        let (head, tail, point) = if int.is_empty() {
            let significant = trim_leading_zeros(frac);
            let zeros = i64::try_from(frac.len() - significant.len()).ok()?;
            (significant, &[][..], -zeros)
        } else {
            (int, frac, i64::try_from(int.len()).ok()?)
        };
        let tail = trim_trailing_zeros(tail);
        let head = if tail.is_empty() {
            trim_trailing_zeros(head)
        } else {
            head
        };
        if head.is_empty() {
            return Some(Self {
                negative: false,
                exponent: 0,
                head,
                tail,
            });
        }
        Some(Self {
            negative,
            exponent: point.checked_add(shift)?,
            head,
            tail,
        })
    }

    fn digits(self) -> impl Iterator<Item = u8> + 'a {
        self.head.iter().chain(self.tail).copied()
    }

    fn signum(self) -> i8 {
        match (self.head.is_empty(), self.negative) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        }
    }

    /// The order of the values, exactly: `9007199254740993` > `9007199254740992`, `0.1` = `0.10`.
    pub(crate) fn compare(self, other: Number<'_>) -> Ordering {
        let sign = self.signum().cmp(&other.signum());
        if sign != Ordering::Equal || self.signum() == 0 {
            return sign;
        }
        let magnitude = self
            .exponent
            .cmp(&other.exponent)
            .then_with(|| self.digits().cmp(other.digits()));
        if self.negative {
            magnitude.reverse()
        } else {
            magnitude
        }
    }

    /// The same number, owning its digits.
    pub(crate) fn to_decimal(self) -> Decimal {
        Decimal {
            negative: self.negative,
            exponent: self.exponent,
            digits: self.digits().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_NUMBER_LEN, Number};
    use core::cmp::Ordering;

    fn cmp(a: &str, b: &str) -> Option<Ordering> {
        Some(Number::parse(a)?.compare(Number::parse(b)?))
    }

    /// "Numeric condition operators let you construct Condition elements that restrict access based
    /// on comparing a key to an integer or decimal value" (IAM User Guide, "IAM JSON policy elements:
    /// Condition operators"): integers and decimals, compared as the numbers they write.
    #[test]
    fn compares_exactly() {
        assert_eq!(
            cmp("9007199254740993", "9007199254740992"),
            Some(Ordering::Greater)
        );
        assert_eq!(
            cmp(
                "123456789012345678901234567890.5",
                "123456789012345678901234567890.25"
            ),
            Some(Ordering::Greater)
        );
        assert_eq!(cmp("0.1", "0.10"), Some(Ordering::Equal));
        assert_eq!(cmp("3", "3.0"), Some(Ordering::Equal));
        assert_eq!(cmp("007", "7"), Some(Ordering::Equal));
        assert_eq!(cmp("1e3", "1000"), Some(Ordering::Equal));
        assert_eq!(cmp("1.5E-1", "0.15"), Some(Ordering::Equal));
        assert_eq!(cmp("-0", "0"), Some(Ordering::Equal));
        assert_eq!(cmp("0.000", "-0.0e7"), Some(Ordering::Equal));
        assert_eq!(cmp("2.5", "3"), Some(Ordering::Less));
        assert_eq!(cmp("-2.5", "-3"), Some(Ordering::Greater));
        assert_eq!(cmp("-1", "0"), Some(Ordering::Less));
        assert_eq!(cmp("0.001", "0.01"), Some(Ordering::Less));
        assert_eq!(cmp("10", "9.99"), Some(Ordering::Greater));
        assert_eq!(cmp("0.12", "0.123"), Some(Ordering::Less));
        assert_eq!(cmp("-0.12", "-0.123"), Some(Ordering::Greater));
    }

    #[test]
    fn refuses_what_is_not_a_decimal_number() {
        for text in [
            "", "-", "+1", ".5", "5.", "1e", "1e+", "NaN", "inf", "-inf", "0x10", "1_000", " 1",
            "1 ", "1,5", "--1", "1e3.5", "١",
        ] {
            assert!(Number::parse(text).is_none(), "{text:?}");
        }
        assert!(Number::parse(&"9".repeat(MAX_NUMBER_LEN)).is_some());
        assert!(Number::parse(&"9".repeat(MAX_NUMBER_LEN + 1)).is_none());
        assert!(Number::parse("1e99999999999999999999").is_none());
    }
}
