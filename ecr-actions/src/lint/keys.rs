//! Condition keys the linter knows: ECR's, from its condition-keys table, and the global `aws:` keys
//! IAM documents, with their value types.

use crate::{ConditionKey, ConditionValueType};

use ConditionValueType::{Arn, ArrayOfString, Bool, Date, IpAddress, Numeric, String};

/// The global condition keys of the IAM documentation ("AWS global condition context keys"), with
/// their value types; `${TagKey}` stands for any tag key. A key missing here is reported unknown, so
/// the table errs on the side of listing keys.
const GLOBAL_KEYS: &[(&str, ConditionValueType)] = &[
    ("aws:AssumedRoot", Bool),
    ("aws:CalledVia", ArrayOfString),
    ("aws:CalledViaFirst", String),
    ("aws:CalledViaLast", String),
    ("aws:ChatbotSourceArn", Arn),
    ("aws:CurrentTime", Date),
    ("aws:Ec2InstanceSourcePrivateIPv4", IpAddress),
    ("aws:Ec2InstanceSourceVpc", String),
    ("aws:EpochTime", Date),
    ("aws:FederatedProvider", String),
    ("aws:MultiFactorAuthAge", Numeric),
    ("aws:MultiFactorAuthPresent", Bool),
    ("aws:PrincipalAccount", String),
    ("aws:PrincipalArn", Arn),
    ("aws:PrincipalIsAWSService", Bool),
    ("aws:PrincipalOrgID", String),
    ("aws:PrincipalOrgPaths", ArrayOfString),
    ("aws:PrincipalServiceName", String),
    ("aws:PrincipalServiceNamesList", ArrayOfString),
    ("aws:PrincipalTag/${TagKey}", String),
    ("aws:PrincipalType", String),
    ("aws:referer", String),
    ("aws:RequestedRegion", String),
    ("aws:RequestTag/${TagKey}", String),
    ("aws:ResourceAccount", String),
    ("aws:ResourceOrgID", String),
    ("aws:ResourceOrgPaths", ArrayOfString),
    ("aws:ResourceTag/${TagKey}", String),
    ("aws:SecureTransport", Bool),
    ("aws:SourceAccount", String),
    ("aws:SourceArn", Arn),
    ("aws:SourceIdentity", String),
    ("aws:SourceIp", IpAddress),
    ("aws:SourceOrgID", String),
    ("aws:SourceOrgPaths", ArrayOfString),
    ("aws:SourceVpc", String),
    ("aws:SourceVpcArn", Arn),
    ("aws:SourceVpce", String),
    ("aws:TagKeys", ArrayOfString),
    ("aws:TokenIssueTime", Date),
    ("aws:UserAgent", String),
    ("aws:userid", String),
    ("aws:username", String),
    ("aws:ViaAWSService", Bool),
    ("aws:VpceAccount", String),
    ("aws:VpceOrgID", String),
    ("aws:VpceOrgPaths", ArrayOfString),
    ("aws:VpcSourceIp", IpAddress),
];

/// A condition key the linter knows.
#[derive(Clone, Copy, Debug)]
pub(super) struct KnownKey {
    /// The name as the table writes it, e.g. `aws:ResourceTag/${TagKey}`.
    pub(super) name: &'static str,
    /// The value type.
    pub(super) value_type: ConditionValueType,
    /// The ECR key, when ECR's table has it: only those are checked against the actions.
    pub(super) ecr: Option<ConditionKey>,
}

impl KnownKey {
    /// Whether the `Numeric…` operators also fit (`aws:EpochTime`, seconds since 1970).
    pub(super) fn takes_numbers(&self) -> bool {
        self.name == "aws:EpochTime"
    }
}

/// What the linter makes of a condition key's name.
#[derive(Debug)]
pub(super) enum Resolved {
    /// A key of another service: not judged.
    Other,
    /// A known key.
    Known(KnownKey),
    /// An `aws:` or `ecr:` key that does not exist, or a name that is not `service:Name`
    /// ([`unknown_message`] says why).
    Unknown,
}

/// Whether `name` is `template` (ignoring ASCII case), a `${…}` in the template standing for any
/// non-empty rest.
fn fits(template: &str, name: &str) -> bool {
    match template.split_once("${") {
        Some((head, _)) => {
            name.len() > head.len()
                && name
                    .get(..head.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(head))
        }
        None => name.eq_ignore_ascii_case(template),
    }
}

/// Every key name the linter knows, for suggestions.
fn known_names() -> impl Iterator<Item = &'static str> {
    ConditionKey::ALL
        .iter()
        .map(|k| k.as_str())
        .chain(GLOBAL_KEYS.iter().map(|(name, _)| *name))
}

/// Resolves a key name as written in a policy.
pub(super) fn resolve(name: &str) -> Resolved {
    let Some((service, _)) = name.split_once(':') else {
        return Resolved::Unknown;
    };
    if !service.eq_ignore_ascii_case("aws") && !service.eq_ignore_ascii_case("ecr") {
        return Resolved::Other;
    }
    if let Some(key) = ConditionKey::ALL.iter().find(|k| fits(k.as_str(), name)) {
        let value_type = key.value_type().or_else(|| global_type(key.as_str()));
        return Resolved::Known(KnownKey {
            name: key.as_str(),
            value_type: value_type.unwrap_or(String),
            ecr: Some(*key),
        });
    }
    if let Some((global, value_type)) = GLOBAL_KEYS.iter().find(|(k, _)| fits(k, name)) {
        return Resolved::Known(KnownKey {
            name: global,
            value_type: *value_type,
            ecr: None,
        });
    }
    Resolved::Unknown
}

fn global_type(name: &str) -> Option<ConditionValueType> {
    GLOBAL_KEYS
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, value_type)| *value_type)
}

/// Why `name`, which [`resolve`] found unknown, is, with the nearest key if `suggest`.
pub(super) fn unknown_message(name: &str, suggest: bool) -> std::string::String {
    if !name.contains(':') {
        return format!(
            "`{name}` is not a condition key: a key is `service:Name`, e.g. `aws:SourceIp` or \
             `aws:ResourceTag/team`; write the key with its service prefix"
        );
    }
    // A tag key template written without its tag key: `aws:ResourceTag/`.
    if let Some(template) = known_names().find(|template| {
        template
            .split_once("${")
            .is_some_and(|(head, _)| name.eq_ignore_ascii_case(head))
    }) {
        return format!(
            "`{name}` names no tag key: write the tag key after the `/`, as in `{}team`",
            template.split_once("${").map_or(template, |(head, _)| head)
        );
    }
    let suggestion = match name.split_once('/').filter(|_| suggest) {
        // `aws:ResourceTags/team`: compare the part before the `/` with the templates' heads, and keep
        // the tag key.
        Some((head, tag)) => {
            let heads = known_names().filter_map(|t| t.split_once("/${").map(|(h, _)| h));
            ecr_actions_pattern::suggest::nearest(head, heads).map(|h| format!("{h}/{tag}"))
        }
        None if suggest => {
            ecr_actions_pattern::suggest::nearest(name, known_names().filter(|t| !t.contains("${")))
                .map(str::to_owned)
        }
        None => None,
    };
    let service = name.split_once(':').map_or("aws", |(s, _)| s);
    let known = if service.eq_ignore_ascii_case("ecr") {
        "the keys of ECR's condition-keys table"
    } else {
        "the global condition keys IAM documents"
    };
    match suggestion {
        Some(nearest) => format!(
            "unknown condition key `{name}`; did you mean `{nearest}`? It is not among {known}, so \
             no request has it; write `{nearest}`"
        ),
        None => format!(
            "unknown condition key `{name}`: it is not among {known}, so no request has it; use a \
             documented key"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{Resolved, resolve, unknown_message};
    use crate::{ConditionKey, ConditionValueType};

    #[test]
    fn resolves_ecr_and_global_keys_ignoring_case() {
        let Resolved::Known(key) = resolve("AWS:resourcetag/Team") else {
            panic!("known")
        };
        assert_eq!(key.ecr, Some(ConditionKey::AwsResourceTag));
        let Resolved::Known(key) = resolve("aws:sourceip") else {
            panic!("known")
        };
        assert_eq!(
            (key.name, key.value_type, key.ecr),
            ("aws:SourceIp", ConditionValueType::IpAddress, None)
        );
        assert!(matches!(resolve("s3:prefix"), Resolved::Other));
        for unknown in [
            "SourceIp",
            "ecr:RepositoryName",
            "aws:SourceIpp",
            "aws:ResourceTag/",
        ] {
            assert!(matches!(resolve(unknown), Resolved::Unknown), "{unknown}");
        }
    }

    #[test]
    fn unknown_keys_get_the_nearest_name() {
        let message = unknown_message("aws:SourceIpp", true);
        assert!(
            message.contains("did you mean `aws:SourceIp`?"),
            "{message}"
        );
        let message = unknown_message("aws:SourceIpp", false);
        assert!(!message.contains("did you mean"), "{message}");
        let message = unknown_message("aws:ResourceTags/team", true);
        assert!(
            message.contains("did you mean `aws:ResourceTag/team`?"),
            "{message}"
        );
        let message = unknown_message("aws:ResourceTag/", true);
        assert!(message.contains("names no tag key"), "{message}");
        let message = unknown_message("SourceIp", true);
        assert!(message.contains("service prefix"), "{message}");
    }
}
