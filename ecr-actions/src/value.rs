//! The grammar of condition values: one reader per type, used by the builder
//! ([`build`](crate::builder::PolicyBuilder::build)), the linter ([`lint`](crate::lint::lint)) and the
//! evaluator ([`Evaluator::new`](crate::eval::Evaluator::new) for a policy's values, evaluation for
//! a request's), so that the three accept exactly the same values.
//!
//! Each reader reads a policy's value and a request's value the same way, and allocates nothing.
//! A value holding a policy variable (`${aws:username}`, under `"Version": "2012-10-17"`) is read
//! once the request gives the variable a value.
//!
//! # The grammar
//!
//! - **Numbers** (`Numeric…`): `-?d+(.d+)?([eE][+-]?d+)?`: an integer or a decimal, as the IAM User
//!   Guide's "Numeric condition operators" compare ("comparing a key to an integer or decimal
//!   value"), with an optional exponent so that every JSON number a policy holds reads as itself.
//!   Leading zeros are allowed (`007` is 7: decimal digits are not ambiguous); a leading `+`, a bare
//!   `.5` or `5.`, `NaN`, infinities, hexadecimal and spaces are not numbers. Compared exactly, as
//!   decimals: `9007199254740993` ≠ `9007199254740992`, `0.1` = `0.10`, `1e3` = `1000`. At most
//!   256 bytes.
//! - **Dates** (`Date…`): "one of the W3C implementations of the ISO 8601 date formats or in epoch
//!   (UNIX) time" (IAM User Guide, "Date condition operators"):
//!   - epoch seconds `-?d+(.d{1,9})?`; the sign covers the fraction (`-0.5` is half a second before
//!     `0`); a value of digits only, such as `2024`, is epoch seconds, not a year;
//!   - `YYYY-MM` and `YYYY-MM-DD` (midnight UTC; the first of the month for `YYYY-MM`);
//!   - `YYYY-MM-DDThh:mm`, `…:ss` and `…:ss.s` (1 to 9 digits of fraction), then `Z`, `+hh:mm` or
//!     `-hh:mm` (at most 23:59), or nothing, which reads as UTC;
//!   - hours 00-23, minutes and seconds 00-59, a day that exists in its month; `T` and `Z` in
//!     capitals. Refused, although general parsers take them: a space or `t` for `T`, `z`,
//!     `+24:00`, `+0200`, `+02`, `24:00:00`, a leap second `:60`, more than 9 digits of fraction.
//!
//!   At most 64 bytes. The two forms compare with each other.
//! - **Booleans** (`Bool`, and the values of `Null`): `true` or `false`, in any ASCII case.
//! - **IP addresses** (`IpAddress`, `NotIpAddress`): "the standard CIDR format (for example,
//!   203.0.113.0/24 or 2001:DB8:1234:5678::/64). If you specify an IP address without the
//!   associated routing prefix, IAM uses the default prefix value of /32" (IAM User Guide, "IP
//!   address condition operators"; `/128` for IPv6). Decisions, where the guide is silent:
//!   - IPv4 is four decimal octets without leading zeros: `010.0.0.0/8` is refused, since `010`
//!     reads as 8 (octal) to some software and as 10 to other; likewise a prefix with a leading
//!     zero (`/08`). A prefix beyond 32 (IPv4) or 128 (IPv6) is refused (`/33`).
//!   - Host bits may be set: `10.1.2.3/8` is the block `10.0.0.0/8`.
//!   - An IPv4-mapped IPv6 address (`::ffff:10.1.2.3`) denotes an IPv4 node (RFC 4291, section
//!     2.5.5.2), and is read as that IPv4 address, in a request and in a policy (a mapped block of
//!     prefix 96 or more is the IPv4 block it maps). A dual-stack server reports IPv4 clients this
//!     way; reading them as IPv6 would let an IPv4 client escape a `Deny` on its IPv4 block. An
//!     IPv6 block (`::/0`) therefore never holds an IPv4 client, mapped or not, as AWS's IPv4
//!     requests never match IPv6 blocks. (iam-simulate reads a mapped request address as IPv6.)
//!   - Zone identifiers (`fe80::1%eth0`) are refused. At most 64 bytes.
//! - **Binary** (`BinaryEquals`): base64 (RFC 4648, section 4: `A-Z a-z 0-9 + /`, padded with `=`
//!   to a multiple of 4, unused bits zero), so that equal bytes have equal text.
//! - **ARNs** (`Arn…`): in a request, `arn:` and at least five more colons (six parts); a value of
//!   another shape matches no ARN pattern.

mod date;
mod ip;
mod number;

pub(crate) use date::parse_date;
pub(crate) use ip::{parse_address, parse_network};
pub(crate) use number::{Decimal, Number};

/// What a value of a typed operator must be, as error messages say it ("`x` is not …").
pub(crate) const EXPECTED_NUMBER: &str =
    "a number: an integer or decimal such as `10`, `-1` or `0.5` (at most 256 characters)";
/// See [`EXPECTED_NUMBER`].
pub(crate) const EXPECTED_DATE: &str = "a date: ISO 8601 (W3C profile) such as `2024-06-01` or \
     `2024-06-01T12:00:00Z`, or epoch seconds such as `1717243200`";
/// See [`EXPECTED_NUMBER`].
pub(crate) const EXPECTED_BOOL: &str = "`true` or `false`";
/// See [`EXPECTED_NUMBER`].
pub(crate) const EXPECTED_IP: &str =
    "an IPv4 or IPv6 address or CIDR block such as `203.0.113.0/24`";
/// See [`EXPECTED_NUMBER`].
pub(crate) const EXPECTED_BINARY: &str =
    "base64 such as `QmluYXJ5` (`A-Z a-z 0-9 + /`, padded with `=`)";

/// The types a policy's value is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueKind {
    Number,
    Date,
    Bool,
    Ip,
    Binary,
}

impl ValueKind {
    /// What a value of this type looks like, for error messages.
    pub(crate) const fn expected(self) -> &'static str {
        match self {
            Self::Number => EXPECTED_NUMBER,
            Self::Date => EXPECTED_DATE,
            Self::Bool => EXPECTED_BOOL,
            Self::Ip => EXPECTED_IP,
            Self::Binary => EXPECTED_BINARY,
        }
    }

    /// Whether `text` is a value of this type.
    pub(crate) fn accepts(self, text: &str) -> bool {
        match self {
            Self::Number => Number::parse(text).is_some(),
            Self::Date => parse_date(text).is_some(),
            Self::Bool => parse_bool(text).is_some(),
            Self::Ip => parse_network(text).is_some(),
            Self::Binary => is_base64(text),
        }
    }
}

/// `true` or `false`, any ASCII case.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// Canonical padded base64 (RFC 4648, section 4; section 3.5 for the zero bits).
pub(crate) fn is_base64(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return false;
    }
    // The bits of the last character that pad the bytes out must be zero.
    let (data, unused_mask) = if let Some(data) = bytes.strip_suffix(b"==") {
        (data, 0b1111)
    } else if let Some(data) = bytes.strip_suffix(b"=") {
        (data, 0b11)
    } else {
        (bytes, 0)
    };
    if !data.iter().all(|b| sextet(*b).is_some()) {
        return false;
    }
    data.last()
        .and_then(|b| sextet(*b))
        .is_none_or(|last| last & unused_mask == 0)
}

fn sextet(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Whether `text` has the shape of an ARN: `arn:` and six colon-separated parts.
pub(crate) fn looks_like_arn(text: &str) -> bool {
    text.starts_with("arn:") && text.bytes().filter(|b| *b == b':').count() >= 5
}

#[cfg(test)]
mod tests {
    use super::{ValueKind, is_base64, parse_bool};

    #[test]
    fn booleans() {
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("false"), Some(false));
        assert_eq!(parse_bool("no"), None);
        assert_eq!(parse_bool("1"), None);
    }

    #[test]
    fn base64() {
        for text in ["", "QQ==", "QUI=", "QUJD", "QmluYXJ5", "+/+/"] {
            assert!(is_base64(text), "{text:?}");
        }
        for text in [
            "Q", "QQ=", "QR==", "QUJ=", "Q===", "=QQ=", "QQ==QQ==", "-_-_", "QUJD\n",
        ] {
            assert!(!is_base64(text), "{text:?}");
        }
    }

    #[test]
    fn every_type_names_what_it_expects() {
        for value_type in [
            ValueKind::Number,
            ValueKind::Date,
            ValueKind::Bool,
            ValueKind::Ip,
            ValueKind::Binary,
        ] {
            assert!(!value_type.accepts("garbage"));
            assert!(!value_type.expected().is_empty());
        }
    }
}
