//! Dates of the `Date…` operators: the W3C profile of ISO 8601, or epoch seconds, read by one strict
//! grammar (not by a general parser's leniencies).

use time::{Date, Month, PlainDateTime, Time, Timestamp};

/// The longest date read, in bytes. The longest valid form,
/// `2024-06-01T12:00:00.123456789+02:00`, has 35; an epoch value of a few dozen digits is already
/// out of range.
pub(crate) const MAX_DATE_LEN: usize = 64;

const NANOS_PER_SECOND: i128 = 1_000_000_000;

/// The earliest instant read, `-9999-01-02T01:59:59Z`, in nanoseconds since the epoch. The range of
/// dates read is the one they had while jiff did the arithmetic (its `Timestamp::MIN` and `MAX`:
/// years ±9999 in every offset up to ±25:59:59), kept so that no policy reads differently; it lies
/// within what `time::Timestamp` holds (years ±9999 in UTC).
const EARLIEST: i128 = -377_705_023_201 * NANOS_PER_SECOND;

/// The latest instant read, `9999-12-30T22:00:00.999999999Z` (see [`EARLIEST`]).
const LATEST: i128 = 253_402_207_200 * NANOS_PER_SECOND + 999_999_999;

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
    let total = seconds.checked_mul(NANOS_PER_SECOND)?.checked_add(nanos)?;
    timestamp(if negative { -total } else { total })
}

/// The instant `nanos` after the epoch, if it lies in the range read ([`EARLIEST`]..=[`LATEST`]).
fn timestamp(nanos: i128) -> Option<Timestamp> {
    if !(EARLIEST..=LATEST).contains(&nanos) {
        return None;
    }
    Timestamp::from_nanoseconds(nanos).ok()
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
    // `from_calendar_date` refuses a day the month does not have (`2023-02-29`, `2024-04-31`).
    let date = Date::from_calendar_date(
        year,
        Month::try_from(u8::try_from(month).ok()?).ok()?,
        u8::try_from(day).ok()?,
    )
    .ok()?;
    let time = Time::from_hms_nano(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
        u32::try_from(nanos).ok()?,
    )
    .ok()?;
    // The wall-clock time read as UTC, then moved by the offset: `+02:00` is two hours before.
    let wall = PlainDateTime::new(date, time)
        .as_utc()
        .unix_timestamp_nanos();
    timestamp(wall.checked_sub(i128::from(offset_seconds) * NANOS_PER_SECOND)?)
}

fn in_range(value: i32, max: i32) -> Option<i32> {
    (0..=max).contains(&value).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::{EARLIEST, LATEST, parse_date};

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

    /// The range read is -9999-01-02T01:59:59Z to 9999-12-30T22:00:00.999999999Z, the range of
    /// jiff's `Timestamp` (its `MIN` and `MAX`), which did the arithmetic before `time` did: the
    /// same text is still a date, and the same text is still refused, at both ends and in both forms.
    /// Four-digit years stop at 9999, so the earliest instant is reached by epoch seconds only.
    #[test]
    fn reads_the_same_range_at_both_ends() {
        for text in [
            "9999-12-30T22:00:00.999999999Z",
            "9999-12-31T00:00:00+02:00",
            "253402207200",
            "253402207200.999999999",
            "-377705023201",
            "0000-01-01",
            "0000-01-01T00:00:00+23:59",
        ] {
            assert!(parse_date(text).is_some(), "{text:?}");
        }
        for text in [
            "9999-12-30T22:00:01Z",
            "9999-12-31",
            "9999-12-31T23:59:59.999999999-23:59",
            "253402207201",
            "-377705023201.000000001",
            "-377705023202",
            "2024-04-31",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
        assert_eq!(
            parse_date("9999-12-31T00:00:00+02:00"),
            parse_date("253402207200")
        );
        assert_eq!(
            parse_date("0000-01-01T00:00:00Z"),
            parse_date("-62167219200")
        );
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's
    /// `days_from_civil`): the oracle the calendar arithmetic is checked against.
    fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// "Every year that is exactly divisible by four is a leap year, except for years that are
    /// exactly divisible by 100, but these centurial years are leap years if they are exactly
    /// divisible by 400" (the Gregorian rule), with the W3C profile's fields (months 01-12, hours
    /// 00-23, minutes and seconds 00-59, `Z` or `±hh:mm`): every combination of edge values of
    /// every field, at both ends of the four-digit years, is read exactly when the fields are valid
    /// and the instant lies in the range, and then as the instant the oracle counts. No panic on
    /// any of them (out-of-range fields, offsets that push year 9999 past the end).
    #[test]
    fn every_edge_of_every_field_reads_as_the_calendar_says() {
        let (mut read, mut bad_fields, mut out_of_range) = (0_u32, 0_u32, 0_u32);
        let clocks: [(i64, i64, i64, &str, i128); 5] = [
            (0, 0, 0, "", 0),
            (12, 34, 56, ".5", 500_000_000),
            (23, 59, 59, ".999999999", 999_999_999),
            (24, 0, 0, "", 0),
            (23, 60, 0, "", 0),
        ];
        let zones: [(&str, Option<i64>); 8] = [
            ("", Some(0)),
            ("Z", Some(0)),
            ("+00:00", Some(0)),
            ("-23:59", Some(-86_340)),
            ("+23:59", Some(86_340)),
            ("+02:00", Some(7_200)),
            ("+24:00", None),
            ("-00:60", None),
        ];
        for year in [0_i64, 1, 1969, 1970, 2000, 2024, 2100, 9998, 9999] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                    let month_days = match month {
                        2 if leap => 29,
                        2 => 28,
                        4 | 6 | 9 | 11 => 30,
                        _ => 31,
                    };
                    let date_valid = (1..=12).contains(&month) && (1..=month_days).contains(&day);
                    let days = i128::from(days_from_civil(year, month, day));
                    for (hour, minute, second, fraction, nanos) in clocks {
                        let clock_valid = hour <= 23 && minute <= 59 && second <= 59;
                        for (zone, offset) in zones {
                            let text = format!(
                                "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}{zone}"
                            );
                            let expected = match offset {
                                Some(offset) if date_valid && clock_valid => {
                                    let seconds = days * 86_400
                                        + i128::from(hour * 3600 + minute * 60 + second - offset);
                                    let instant = seconds * 1_000_000_000 + nanos;
                                    if (EARLIEST..=LATEST).contains(&instant) {
                                        read += 1;
                                        Some(instant)
                                    } else {
                                        out_of_range += 1;
                                        None
                                    }
                                }
                                _ => {
                                    bad_fields += 1;
                                    None
                                }
                            };
                            assert_eq!(
                                parse_date(&text).map(time::Timestamp::as_nanoseconds),
                                expected,
                                "{text:?}"
                            );
                        }
                    }
                }
            }
        }
        // The cases reach every outcome: read, refused by a field, refused by the range.
        assert!(read > 10_000, "{read}");
        assert!(bad_fields > 10_000, "{bad_fields}");
        assert!(out_of_range > 10, "{out_of_range}");
    }
}
