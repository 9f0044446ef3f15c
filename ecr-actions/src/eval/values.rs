//! The typed values of condition operators: numbers, dates, booleans, IP addresses and networks.
//! Each parser reads a policy value (at compile time) and a context value (at evaluation) the same
//! way, without allocating.

use core::cmp::Ordering;
use core::net::IpAddr;
use core::str::FromStr;

use ipnet::IpNet;
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;

/// A number as `Numeric…` operators compare it: integers exactly, anything else as `f64`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Number {
    Integer(i128),
    Float(f64),
}

impl Number {
    /// `300`, `-1`, `0.5`, `1e3`; not `NaN` nor infinities.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        if let Ok(integer) = text.parse::<i128>() {
            return Some(Self::Integer(integer));
        }
        // `f64::from_str` also reads `inf` and `NaN`: IAM's numbers are digits.
        if !text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        {
            return None;
        }
        text.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Self::Float)
    }

    pub(crate) fn compare(self, other: Self) -> Option<Ordering> {
        match (self, other) {
            (Self::Integer(a), Self::Integer(b)) => Some(a.cmp(&b)),
            #[expect(
                clippy::cast_precision_loss,
                reason = "comparing an integer with a decimal is done in f64, as IAM does"
            )]
            (Self::Integer(a), Self::Float(b)) => (a as f64).partial_cmp(&b),
            #[expect(
                clippy::cast_precision_loss,
                reason = "comparing an integer with a decimal is done in f64, as IAM does"
            )]
            (Self::Float(a), Self::Integer(b)) => a.partial_cmp(&(b as f64)),
            (Self::Float(a), Self::Float(b)) => a.partial_cmp(&b),
        }
    }
}

/// A date as `Date…` operators read it, in either form the IAM User Guide allows (its "Date condition
/// operators" take the W3C profile of ISO 8601 or epoch (UNIX) time): epoch seconds (`1700000000`,
/// `1700000000.5`), a date (`2024-06-01`, midnight UTC), a date and time with an offset
/// (`2024-06-01T12:00:00Z`, `…+02:00`, fractions of a second) or without one (read as UTC). Both
/// forms may be mixed: a policy in ISO 8601 compares with a context in epoch seconds.
pub(crate) fn parse_date(text: &str) -> Option<Timestamp> {
    let bytes = text.as_bytes();
    let digits = |b: &u8| b.is_ascii_digit();
    if !bytes.is_empty() && bytes.iter().all(|b| digits(b) || *b == b'.' || *b == b'-') {
        let unsigned = text.strip_prefix('-').unwrap_or(text);
        if !unsigned.contains('-') {
            return parse_epoch(text);
        }
    }
    if bytes.len() == 10 {
        let date = Date::from_str(text).ok()?;
        return Offset::UTC
            .to_timestamp(date.to_datetime(jiff::civil::Time::midnight()))
            .ok();
    }
    // An offset is a `Z` or a sign after the time.
    let time = text.find(['T', 't', ' ']).and_then(|at| text.get(at..));
    let has_offset = text.ends_with(['Z', 'z']) || time.is_some_and(|t| t.contains(['+', '-']));
    if has_offset {
        Timestamp::from_str(text).ok()
    } else {
        let datetime = DateTime::from_str(text).ok()?;
        Offset::UTC.to_timestamp(datetime).ok()
    }
}

fn parse_epoch(text: &str) -> Option<Timestamp> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let seconds: i64 = whole.parse().ok()?;
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut nanos: i32 = 0;
    for (i, b) in fraction.bytes().take(9).enumerate() {
        let digit = i32::from(b - b'0');
        let scale = 10_i32.pow(8 - u32::try_from(i).ok()?);
        nanos += digit * scale;
    }
    if seconds < 0 {
        nanos = -nanos;
    }
    Timestamp::new(seconds, nanos).ok()
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

/// A network in CIDR notation (`203.0.113.0/24`, `2001:DB8::/32`), or one address (`/32`, `/128`).
pub(crate) fn parse_network(text: &str) -> Option<IpNet> {
    if text.contains('/') {
        IpNet::from_str(text).ok()
    } else {
        IpAddr::from_str(text).ok().map(IpNet::from)
    }
}

/// An address of the request (`aws:SourceIp`).
pub(crate) fn parse_address(text: &str) -> Option<IpAddr> {
    IpAddr::from_str(text).ok()
}

/// Whether `text` has the shape of an ARN: `arn:` and six colon-separated parts.
pub(crate) fn looks_like_arn(text: &str) -> bool {
    text.starts_with("arn:") && text.bytes().filter(|b| *b == b':').count() >= 5
}

#[cfg(test)]
mod tests {
    use super::{Number, parse_bool, parse_date, parse_network};
    use core::cmp::Ordering;

    #[test]
    fn numbers() {
        assert_eq!(Number::parse("300"), Some(Number::Integer(300)));
        assert_eq!(Number::parse("0.5"), Some(Number::Float(0.5)));
        assert_eq!(Number::parse("NaN"), None);
        assert_eq!(Number::parse("inf"), None);
        assert_eq!(Number::parse(""), None);
        let cmp = |a, b| Number::parse(a).and_then(|a| Number::parse(b).and_then(|b| a.compare(b)));
        assert_eq!(cmp("3", "3.0"), Some(Ordering::Equal));
        assert_eq!(cmp("2.5", "3"), Some(Ordering::Less));
    }

    #[test]
    fn dates_in_every_form() {
        let a = parse_date("2024-06-01T12:00:00Z");
        assert!(a.is_some());
        assert_eq!(parse_date("1717243200"), a);
        assert_eq!(parse_date("2024-06-01T14:00:00+02:00"), a);
        assert_eq!(parse_date("2024-06-01T12:00:00.000Z"), a);
        assert_eq!(parse_date("2024-06-01T12:00:00"), a);
        assert_eq!(parse_date("2024-06-01"), parse_date("2024-06-01T00:00:00Z"));
        assert!(parse_date("1717243200.5") > a);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn booleans_and_networks() {
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("no"), None);
        assert!(parse_network("203.0.113.0/24").is_some());
        assert!(parse_network("2001:DB8:1234:5678::/64").is_some());
        assert!(parse_network("203.0.113.7").is_some());
        assert!(parse_network("203.0.113.0/33").is_none());
    }
}
