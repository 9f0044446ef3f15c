//! IP addresses and CIDR blocks of `IpAddress` and `NotIpAddress`.

use core::net::IpAddr;
use core::str::FromStr;

use ipnet::{IpNet, Ipv4Net};

/// The longest address or block read, in bytes. The longest valid one,
/// `ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128`, has 49.
pub(crate) const MAX_IP_LEN: usize = 64;

/// A policy's block (`203.0.113.0/24`, `2001:db8::/32`) or one address (a `/32` or `/128`), as
/// [`crate::value`] says: strict dotted quads, prefixes without leading zeros and within the family's
/// length, host bits cleared, IPv4-mapped IPv6 blocks of prefix 96 or more read as IPv4.
pub(crate) fn parse_network(text: &str) -> Option<IpNet> {
    if text.len() > MAX_IP_LEN {
        return None;
    }
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (text, None),
    };
    let address = IpAddr::from_str(address).ok()?;
    let max = match address {
        IpAddr::V4(_) => 32,
        IpAddr::V6(_) => 128,
    };
    let prefix = match prefix {
        None => max,
        Some(prefix) => parse_prefix(prefix, max)?,
    };
    let network = IpNet::new(address, prefix).ok()?.trunc();
    Some(canonical(network))
}

/// `0` to `max`, decimal, without a sign or a leading zero (`/08` is refused like `010.0.0.0`).
fn parse_prefix(text: &str, max: u8) -> Option<u8> {
    let valid = match text.as_bytes() {
        [b'0'] => true,
        [b'1'..=b'9', rest @ ..] => rest.len() <= 2 && rest.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if !valid {
        return None;
    }
    text.parse::<u8>().ok().filter(|prefix| *prefix <= max)
}

/// An IPv6 block inside `::ffff:0:0/96` is the IPv4 block it maps (RFC 4291, section 2.5.5.2).
fn canonical(network: IpNet) -> IpNet {
    if let IpNet::V6(v6) = network
        && let Some(prefix) = v6.prefix_len().checked_sub(96)
        && let Some(v4) = v6.network().to_ipv4_mapped()
        && let Ok(v4) = Ipv4Net::new(v4, prefix)
    {
        return IpNet::V4(v4);
    }
    network
}

/// An address of the request (`aws:SourceIp`): one address, no block; an IPv4-mapped IPv6 address
/// (`::ffff:10.1.2.3`, what a dual-stack socket reports for an IPv4 client) is that IPv4 address.
pub(crate) fn parse_address(text: &str) -> Option<IpAddr> {
    if text.len() > MAX_IP_LEN {
        return None;
    }
    IpAddr::from_str(text)
        .ok()
        .map(|address| address.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::{parse_address, parse_network};

    fn contains(network: &str, address: &str) -> Option<bool> {
        Some(parse_network(network)?.contains(&parse_address(address)?))
    }

    /// "IP address condition operators let you construct Condition elements that restrict access
    /// based on comparing a key to an IPv4 or IPv6 address or range of IP addresses. … The value must
    /// be in the standard CIDR format (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64). If
    /// you specify an IP address without the associated routing prefix, IAM uses the default prefix
    /// value of /32." (IAM User Guide, "IAM JSON policy elements: Condition operators".)
    #[test]
    fn standard_cidr_format() {
        assert_eq!(contains("203.0.113.0/24", "203.0.113.9"), Some(true));
        assert_eq!(contains("203.0.113.0/24", "203.0.114.9"), Some(false));
        assert_eq!(
            contains("2001:DB8:1234:5678::/64", "2001:db8:1234:5678::1"),
            Some(true)
        );
        assert_eq!(contains("203.0.113.7", "203.0.113.7"), Some(true));
        assert_eq!(contains("203.0.113.7", "203.0.113.8"), Some(false));
        assert_eq!(contains("0.0.0.0/0", "198.51.100.1"), Some(true));
        // Host bits set: the block they lie in (iam-simulate masks them the same way).
        assert_eq!(contains("10.1.2.3/8", "10.200.0.1"), Some(true));
        for text in [
            "203.0.113.0/33",
            "2001:db8::/129",
            "010.0.0.0/8",
            "10.0.0.0/08",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "10.0.0/8",
            "10.0.0.0.0",
            "256.0.0.0",
            "fe80::1%eth0",
            " 10.0.0.0/8",
            "10.0.0.0/8 ",
            "",
        ] {
            assert_eq!(parse_network(text), None, "{text:?}");
        }
    }

    /// An IPv4-mapped IPv6 address denotes an IPv4 node (RFC 4291, section 2.5.5.2): it is in the
    /// IPv4 blocks its IPv4 address is in, whichever side writes it mapped.
    #[test]
    fn ipv4_mapped_addresses_are_ipv4() {
        assert_eq!(contains("10.0.0.0/8", "::ffff:10.1.2.3"), Some(true));
        assert_eq!(contains("10.0.0.0/8", "::ffff:11.1.2.3"), Some(false));
        assert_eq!(contains("::ffff:10.0.0.0/104", "10.1.2.3"), Some(true));
        assert_eq!(
            contains("::ffff:10.0.0.0/104", "::ffff:10.1.2.3"),
            Some(true)
        );
        assert_eq!(contains("::ffff:10.1.2.3", "10.1.2.3"), Some(true));
        // An IPv6 block does not hold IPv4 clients, mapped or not.
        assert_eq!(contains("::/0", "10.1.2.3"), Some(false));
        assert_eq!(contains("::/0", "::ffff:10.1.2.3"), Some(false));
        assert_eq!(parse_address("010.1.2.3"), None);
        assert_eq!(parse_address("10.1.2.3/32"), None);
    }
}
