//! The reference's conditions: operators, typed values (exact decimals, dates, networks) and ARN
//! components, each from its section of the IAM User Guide's "Condition operators".

use std::net::IpAddr;

use serde_json::{Map, Value};

use super::{Tok, context_value, glob, render_pattern, render_text, strings};

/// A condition operator: `[ForAllValues:|ForAnyValue:]Name[IfExists]`.
struct Operator<'a> {
    set: Option<&'a str>,
    name: &'a str,
    if_exists: bool,
}

fn operator(text: &str) -> Operator<'_> {
    let (set, rest) = match text.split_once(':') {
        Some((set, rest)) => (Some(set), rest),
        None => (None, text),
    };
    let (name, if_exists) = match rest.strip_suffix("IfExists") {
        Some(name) => (name, true),
        None => (rest, false),
    };
    Operator {
        set,
        name,
        if_exists,
    }
}

/// Whether one condition (operator, key, values) holds. IAM User Guide, "Condition operators":
/// - "If the key that you specify in a policy condition is not present in the request context,
///   the values do not match and the condition is false. If the policy condition requires that the
///   key is not matched, such as StringNotLike or ArnNotLike, and the right key is not present,
///   the condition is true."
/// - "…IfExists": "If the key is not present, evaluate the condition element as true."
/// - "Condition operator to check existence of condition keys" (`Null`): `true` holds when the key
///   is absent, `false` when it is present.
/// - "Creating a condition with multiple keys or values": several values of one key are OR-ed; a
///   negated operator holds when the request value matches none of them.
/// - "Set operators for multivalued context keys": `ForAllValues` holds when every request value
///   matches, and also when the key is absent or has no value; `ForAnyValue` when at least one
///   does, so never for an absent or empty key. A single value is a set of one.
pub(super) fn condition_holds(
    operator_text: &str,
    key: &str,
    values: &Value,
    substitute: bool,
    context: &Map<String, Value>,
) -> Result<bool, String> {
    let op = operator(operator_text);
    let policy_values = strings(values)?;
    let found = context_value(context, key);
    if op.name == "Null" {
        let absent = found.is_none();
        return Ok(policy_values.iter().any(|v| (v == "true") == absent));
    }
    let negated = matches!(
        op.name,
        "StringNotEquals"
            | "StringNotEqualsIgnoreCase"
            | "StringNotLike"
            | "NumericNotEquals"
            | "DateNotEquals"
            | "NotIpAddress"
            | "ArnNotEquals"
            | "ArnNotLike"
    );
    let Some(found) = found else {
        return Ok(match op.set {
            _ if op.if_exists => true,
            None => negated,
            Some("ForAllValues") => true,
            Some(_) => false,
        });
    };
    let request_values: Vec<String> = match found {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => {
            if op.set.is_none() {
                return Err("a multivalued key under a plain operator is not generated".into());
            }
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        }
        _ => return Err("context value neither string nor list".into()),
    };
    let mut results = Vec::new();
    for value in &request_values {
        let mut any = false;
        for policy in &policy_values {
            if value_matches(op.name, policy, value, substitute, context)? {
                any = true;
            }
        }
        results.push(any != negated);
    }
    Ok(match op.set {
        Some("ForAllValues") => results.iter().all(|r| *r),
        Some("ForAnyValue") => results.iter().any(|r| *r),
        None => results.first().copied().unwrap_or(false),
        Some(other) => return Err(format!("unknown set operator `{other}`")),
    })
}

/// Whether a request value matches one policy value (before negation).
fn value_matches(
    name: &str,
    policy: &str,
    value: &str,
    substitute: bool,
    context: &Map<String, Value>,
) -> Result<bool, String> {
    Ok(match name {
        // "String condition operators": case-sensitive unless `IgnoreCase`.
        "StringEquals" | "StringNotEquals" | "BinaryEquals" => {
            render_text(policy, substitute, context)?.is_some_and(|p| p == value)
        }
        "StringEqualsIgnoreCase" | "StringNotEqualsIgnoreCase" => {
            render_text(policy, substitute, context)?
                .is_some_and(|p| p.to_lowercase() == value.to_lowercase())
        }
        // "StringLike": "Case-sensitive matching. The values can include multi-character match
        // wildcards (*) and single-character match wildcards (?) anywhere in the string."
        "StringLike" | "StringNotLike" => {
            let text: Vec<char> = value.chars().collect();
            render_pattern(policy, substitute, context)?
                .is_some_and(|p| glob(&p, &text, &|_, _| true, &|_| true))
        }
        // "ARN condition operators": "Each of the six colon-delimited components of the ARN is
        // checked separately and each can include multi-character match wildcards (*) or
        // single-character match wildcards (?)." — the sixth runs to the end, colons included; a
        // value that is not an ARN matches no ARN pattern.
        "ArnEquals" | "ArnLike" | "ArnNotEquals" | "ArnNotLike" => {
            let Some(pattern) = render_pattern(policy, substitute, context)? else {
                return Ok(false);
            };
            arn_components_match(&pattern, value)
        }
        "NumericEquals" | "NumericNotEquals" => {
            compare(number(policy)?, number_opt(value), |o| o.is_eq())
        }
        "NumericLessThan" => compare(number(policy)?, number_opt(value), |o| o.is_lt()),
        "NumericLessThanEquals" => compare(number(policy)?, number_opt(value), |o| o.is_le()),
        "NumericGreaterThan" => compare(number(policy)?, number_opt(value), |o| o.is_gt()),
        "NumericGreaterThanEquals" => compare(number(policy)?, number_opt(value), |o| o.is_ge()),
        "DateEquals" | "DateNotEquals" => compare(date(policy)?, date_opt(value), |o| o.is_eq()),
        "DateLessThan" => compare(date(policy)?, date_opt(value), |o| o.is_lt()),
        "DateLessThanEquals" => compare(date(policy)?, date_opt(value), |o| o.is_le()),
        "DateGreaterThan" => compare(date(policy)?, date_opt(value), |o| o.is_gt()),
        "DateGreaterThanEquals" => compare(date(policy)?, date_opt(value), |o| o.is_ge()),
        // "Boolean condition operators": `true` or `false`.
        "Bool" => policy == value,
        "IpAddress" | "NotIpAddress" => {
            let (network, prefix) = cidr(policy)?;
            value
                .parse::<IpAddr>()
                .is_ok_and(|address| in_network(address, network, prefix))
        }
        other => return Err(format!("operator `{other}` not generated")),
    })
}

/// The request value (left) against the policy value (right): `holds(request.cmp(policy))`.
fn compare<T: Ord>(
    policy: T,
    request: Option<T>,
    holds: impl Fn(std::cmp::Ordering) -> bool,
) -> bool {
    request.is_some_and(|r| holds(r.cmp(&policy)))
}

fn arn_components_match(pattern: &[Tok], value: &str) -> bool {
    let text: Vec<&str> = value.splitn(6, ':').collect();
    if text.len() != 6 || text.first() != Some(&"arn") {
        return false;
    }
    // The pattern's six components: split at its first five colons; the sixth keeps the rest.
    let mut components: Vec<Vec<Tok>> = vec![Vec::new()];
    for tok in pattern {
        if *tok == Tok::Lit(':') && components.len() < 6 {
            components.push(Vec::new());
        } else if let Some(last) = components.last_mut() {
            last.push(*tok);
        }
    }
    components.len() == 6
        && components.iter().zip(&text).all(|(p, t)| {
            let t: Vec<char> = t.chars().collect();
            glob(p, &t, &|_, _| true, &|_| true)
        })
}

// ---- numbers, dates, networks ----

/// An exact decimal: sign, integer digits without leading zeros, fraction digits without trailing
/// zeros. Ordered by value. ("Numeric condition operators" compare numbers; nothing in the guide
/// rounds them.)
#[derive(PartialEq, Eq, Debug)]
struct Decimal {
    negative: bool,
    int: String,
    frac: String,
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let magnitude = self
            .int
            .len()
            .cmp(&other.int.len())
            .then_with(|| self.int.cmp(&other.int))
            .then_with(|| self.frac.cmp(&other.frac));
        match (self.negative, other.negative) {
            (false, false) => magnitude,
            (true, true) => magnitude.reverse(),
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

fn number_opt(text: &str) -> Option<Decimal> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || !digits(int)
        || !digits(frac)
        || (unsigned.contains('.') && frac.is_empty())
    {
        return None;
    }
    let int = int.trim_start_matches('0').to_owned();
    let frac = frac.trim_end_matches('0').to_owned();
    let zero = int.is_empty() && frac.is_empty();
    Some(Decimal {
        negative: negative && !zero,
        int,
        frac,
    })
}

fn number(text: &str) -> Result<Decimal, String> {
    number_opt(text).ok_or_else(|| format!("`{text}` is not a number the generators write"))
}

/// Days from 1970-01-01 to a civil date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date as nanoseconds since the epoch. "Date condition operators" take the W3C profile of ISO
/// 8601 or epoch (UNIX) time: `YYYY-MM-DD`,
/// `YYYY-MM-DDThh:mm:ss[.s]TZD` (`TZD` = `Z` or `±hh:mm`), or epoch seconds with an optional
/// fraction and sign.
fn date_opt(text: &str) -> Option<i128> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if digits(whole) && (frac.is_empty() || digits(frac)) && !unsigned.ends_with('.') {
        let mut nanos: i128 = whole.parse::<i128>().ok()? * 1_000_000_000;
        let mut scale = 100_000_000;
        for b in frac.bytes().take(9) {
            nanos += i128::from(b - b'0') * scale;
            scale /= 10;
        }
        return Some(if text.starts_with('-') { -nanos } else { nanos });
    }
    let field = |s: &str, lo: i64, hi: i64| -> Option<i64> {
        let n: i64 = if digits(s) {
            s.parse().ok()?
        } else {
            return None;
        };
        (lo..=hi).contains(&n).then_some(n)
    };
    let (day_part, time_part) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut ymd = day_part.split('-');
    let year = ymd
        .next()
        .filter(|y| y.len() == 4)
        .and_then(|y| field(y, 0, 9999))?;
    let month = ymd
        .next()
        .filter(|m| m.len() == 2)
        .and_then(|m| field(m, 1, 12))?;
    let day = ymd
        .next()
        .filter(|d| d.len() == 2)
        .and_then(|d| field(d, 1, days_in_month(year, month)))?;
    if ymd.next().is_some() {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let mut nanos: i128 = 0;
    if let Some(time) = time_part {
        let (clock, offset) = if let Some(clock) = time.strip_suffix('Z') {
            (clock, 0)
        } else {
            let at = time.rfind(['+', '-'])?;
            let (clock, zone) = time.split_at(at);
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let (h, m) = zone.get(1..)?.split_once(':')?;
            let h = field(h, 0, 23).filter(|_| h.len() == 2)?;
            let m = field(m, 0, 59).filter(|_| m.len() == 2)?;
            (clock, sign * (h * 3600 + m * 60))
        };
        let (hms, frac) = clock.split_once('.').unwrap_or((clock, ""));
        let mut parts = hms.split(':');
        let h = parts
            .next()
            .filter(|s| s.len() == 2)
            .and_then(|s| field(s, 0, 23))?;
        let m = parts
            .next()
            .filter(|s| s.len() == 2)
            .and_then(|s| field(s, 0, 59))?;
        let s = parts
            .next()
            .filter(|s| s.len() == 2)
            .and_then(|s| field(s, 0, 59))?;
        if parts.next().is_some() || (clock.contains('.') && !digits(frac)) {
            return None;
        }
        seconds += h * 3600 + m * 60 + s - offset;
        let mut scale = 100_000_000;
        for b in frac.bytes().take(9) {
            nanos += i128::from(b - b'0') * scale;
            scale /= 10;
        }
    }
    Some(i128::from(seconds) * 1_000_000_000 + nanos)
}

fn date(text: &str) -> Result<i128, String> {
    date_opt(text).ok_or_else(|| format!("`{text}` is not a date the generators write"))
}

/// "IP address condition operators" take CIDR blocks (`203.0.113.0/24`, `2001:DB8:1234:5678::/64`);
/// an address alone is the whole-length prefix.
fn cidr(text: &str) -> Result<(IpAddr, u32), String> {
    let (address, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (text, None),
    };
    let address: IpAddr = address
        .parse()
        .map_err(|_| format!("`{text}`: not an address"))?;
    let bits = if address.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix {
        Some(p) => p
            .parse::<u32>()
            .map_err(|_| format!("`{text}`: bad prefix"))?,
        None => bits,
    };
    if prefix > bits {
        return Err(format!("`{text}`: prefix too long"));
    }
    Ok((address, prefix))
}

/// The manual prefix check: the first `prefix` bits agree. An IPv4 address is never in an IPv6
/// network or the other way round.
fn in_network(address: IpAddr, network: IpAddr, prefix: u32) -> bool {
    let (a, n, bits) = match (address, network) {
        (IpAddr::V4(a), IpAddr::V4(n)) => (u128::from(u32::from(a)), u128::from(u32::from(n)), 32),
        (IpAddr::V6(a), IpAddr::V6(n)) => (u128::from(a), u128::from(n), 128),
        _ => return false,
    };
    if prefix == 0 {
        return true;
    }
    let shift = bits - prefix;
    (a >> shift) == (n >> shift)
}
