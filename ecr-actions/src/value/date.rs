//! Dates of the `Date…` operators: the W3C profile of ISO 8601, or epoch seconds, read by one strict
//! grammar (not by a general parser's leniencies).

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::Offset;

/// The longest date read, in bytes. The longest valid form,
/// `2024-06-01T12:00:00.123456789+02:00`, has 35; an epoch value of a few dozen digits is already
/// out of range.
pub(crate) const MAX_DATE_LEN: usize = 64;

/// Reads `text` as the grammar of [`crate::value`] says.
pub(crate) fn parse_date(text: &str) -> Option<Timestamp> {
    if text.len() > MAX_DATE_LEN {
        return None;
    }
    let bytes = text.as_bytes();
    let unsigned = bytes.strip_prefix(b"-").unwrap_or(bytes);
    if unsigned.iter().all(|b| b.is_ascii_digit() || *b == b'.') {
        parse_epoch(bytes)
    } else {
        parse_iso(bytes)
    }
}

/// `-?d+(.d{1,9})?`: seconds since 1970-01-01T00:00:00Z. The sign applies to the fraction too
/// (`-0.5` is half a second before the epoch).
fn parse_epoch(bytes: &[u8]) -> Option<Timestamp> {
    let (negative, unsigned) = match bytes.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let (whole, fraction) = match unsigned.iter().position(|b| *b == b'.') {
        Some(at) => {
            let (whole, dot_fraction) = unsigned.split_at_checked(at)?;
            let fraction = dot_fraction.strip_prefix(b".")?;
            if fraction.is_empty() || fraction.len() > 9 {
                return None;
            }
            (whole, fraction)
        }
        None => (unsigned, &[][..]),
    };
    if whole.is_empty() || !whole.iter().chain(fraction).all(u8::is_ascii_digit) {
        return None;
    }
    let mut seconds: i128 = 0;
    for digit in whole {
        seconds = seconds
            .checked_mul(10)?
            .checked_add(i128::from(digit - b'0'))?;
    }
    let mut nanos: i128 = 0;
    for position in 0..9 {
        let digit = fraction.get(position).map_or(0, |d| d - b'0');
        nanos = nanos * 10 + i128::from(digit);
    }
    let total = seconds.checked_mul(1_000_000_000)?.checked_add(nanos)?;
    Timestamp::from_nanosecond(if negative { -total } else { total }).ok()
}

/// A cursor over the bytes of an ISO 8601 date.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    /// Exactly `n` ASCII digits, as a number.
    fn digits(&mut self, n: usize) -> Option<i32> {
        let (digits, rest) = self.0.split_at_checked(n)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = rest;
        Some(
            digits
                .iter()
                .fold(0, |value, digit| value * 10 + i32::from(digit - b'0')),
        )
    }

    /// Whether the next byte is `byte`, consuming it if so.
    fn eat(&mut self, byte: u8) -> bool {
        match self.0.split_first() {
            Some((first, rest)) if *first == byte => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mm`, `…:ss`, `…:ss.s` (1 to 9 digits), then nothing
/// (UTC), `Z`, or `±hh:mm` (at most 23:59).
fn parse_iso(bytes: &[u8]) -> Option<Timestamp> {
    let mut r = Reader(bytes);
    let year = r.digits(4)?;
    if !r.eat(b'-') {
        return None;
    }
    let month = r.digits(2)?;
    let day = if r.eat(b'-') { r.digits(2)? } else { 1 };
    let (mut hour, mut minute, mut second, mut nanos) = (0, 0, 0, 0);
    let mut offset_seconds = 0;
    if r.eat(b'T') {
        hour = in_range(r.digits(2)?, 23)?;
        if !r.eat(b':') {
            return None;
        }
        minute = in_range(r.digits(2)?, 59)?;
        if r.eat(b':') {
            second = in_range(r.digits(2)?, 59)?;
            if r.eat(b'.') {
                let mut count = 0;
                while count < 9 && r.0.first().is_some_and(u8::is_ascii_digit) {
                    nanos = nanos * 10 + r.digits(1)?;
                    count += 1;
                }
                if count == 0 {
                    return None;
                }
                for _ in count..9 {
                    nanos *= 10;
                }
            }
        }
        let sign = if r.eat(b'+') {
            1
        } else if r.eat(b'-') {
            -1
        } else {
            0
        };
        if sign == 0 {
            r.eat(b'Z');
        } else {
            let hours = in_range(r.digits(2)?, 23)?;
            if !r.eat(b':') {
                return None;
            }
            let minutes = in_range(r.digits(2)?, 59)?;
            offset_seconds = sign * (hours * 3600 + minutes * 60);
        }
    }
    if !r.is_empty() {
        return None;
    }
    let civil = DateTime::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        nanos,
    )
    .ok()?;
    Offset::from_seconds(offset_seconds)
        .ok()?
        .to_timestamp(civil)
        .ok()
}

fn in_range(value: i32, max: i32) -> Option<i32> {
    (0..=max).contains(&value).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    /// "Date condition operators let you construct Condition elements that restrict access based on
    /// comparing a key to a date/time value. You use these condition operators with
    /// aws:CurrentTime key or aws:EpochTime key. You must specify date/time values with one of the
    /// W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time." (IAM User Guide,
    /// "IAM JSON policy elements: Condition operators".)
    #[test]
    fn reads_every_form_alike() {
        let noon = parse_date("2024-06-01T12:00:00Z");
        assert!(noon.is_some());
        assert_eq!(parse_date("1717243200"), noon);
        assert_eq!(parse_date("1717243200.000"), noon);
        assert_eq!(parse_date("2024-06-01T14:00:00+02:00"), noon);
        assert_eq!(parse_date("2024-06-01T10:30:00-01:30"), noon);
        assert_eq!(parse_date("2024-06-01T12:00:00.000Z"), noon);
        assert_eq!(parse_date("2024-06-01T12:00Z"), noon);
        assert_eq!(parse_date("2024-06-01T12:00:00"), noon);
        assert_eq!(parse_date("2024-06-01"), parse_date("2024-06-01T00:00:00Z"));
        assert_eq!(parse_date("2024-06"), parse_date("2024-06-01T00:00:00Z"));
        assert!(parse_date("1717243200.5") > noon);
        assert!(parse_date("2024-06-01T12:00:00.000000001Z") > noon);
    }

    /// Epoch time keeps its sign in the fraction: `-0.5` is before `0` (it once read as `-0`).
    #[test]
    fn negative_fractions_keep_their_sign() {
        assert!(parse_date("-0.5") < parse_date("0"));
        assert!(parse_date("-0.5") > parse_date("-1"));
        assert_eq!(parse_date("-0.5"), parse_date("1969-12-31T23:59:59.5Z"));
        assert_eq!(parse_date("-0"), parse_date("0"));
    }

    /// The W3C profile (https://www.w3.org/TR/NOTE-datetime): hours 00-23, minutes and seconds
    /// 00-59, `T` and `Z` in capitals, a time zone designator of `Z` or `±hh:mm`.
    #[test]
    fn refuses_what_the_profile_does_not_allow() {
        for text in [
            "",
            "yesterday",
            "2024-06-01T12:00:00+24:00",
            "2024-06-01T12:00:00+23:60",
            "2024-06-01T12:00:00+99:99",
            "2024-06-01T12:00:00+0200",
            "2024-06-01T12:00:00+02",
            "2024-06-01 12:00:00Z",
            "2024-06-01t12:00:00Z",
            "2024-06-01T12:00:00z",
            "2024-06-01T24:00:00Z",
            "2024-06-01T12:60:00Z",
            "2024-06-01T12:00:60Z",
            "2024-06-01T12:00:00.Z",
            "2024-06-01T12:00:00.1234567890Z",
            "2024-06-01T12Z",
            "2024-13-01",
            "2025-13-45",
            "2023-02-29",
            "2024-6-1",
            "+2024-06-01",
            "2024-06-01T",
            "2024-06-01Z",
            "1.",
            ".5",
            "1.1234567890",
            "1e9",
            "--1",
            "99999999999999999999999999",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
        assert!(parse_date("2024-02-29").is_some());
        // Digits only are epoch seconds, never a compact ISO 8601 date.
        assert_eq!(parse_date("20240601"), parse_date("1970-08-23T06:23:21Z"));
        assert!(parse_date("2024-06-01T12:00:00-23:59").is_some());
    }
}
