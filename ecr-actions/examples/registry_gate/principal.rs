//! The principal a request names in `X-Principal-Arn`: which ARNs are IAM principals the gate can
//! decide for. The IAM User Guide ("IAM identifiers", "IAM ARNs") writes them
//! `arn:aws:iam::account:root`, `arn:aws:iam::account:user/user-name-with-path`,
//! `arn:aws:iam::account:role/role-name-with-path` and
//! `arn:aws:sts::account:assumed-role/role-name/role-session-name`: service `iam` or `sts`, no region,
//! a 12-digit account ID.

use ecr_actions::Arn;

/// Whether `text` is the ARN of an IAM principal the gate can decide for, or why not.
pub(crate) fn check_principal(text: &str) -> Result<(), String> {
    let shown: String = if text.chars().count() > 80 {
        text.chars().take(60).chain(['…']).collect()
    } else {
        text.to_owned()
    };
    let arn: Arn = text
        .parse()
        .map_err(|problem| format!("`X-Principal-Arn`: {problem}"))?;
    let kinds = "expected `arn:aws:iam::ACCOUNT:root`, `…:user/NAME`, `…:role/NAME` or \
                 `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`";
    let service = arn.service();
    if service != "iam" && service != "sts" {
        return Err(format!(
            "`X-Principal-Arn` `{shown}` names a resource of `{service}`, not an IAM principal: {kinds}"
        ));
    }
    if !arn.region().is_empty() {
        return Err(format!(
            "`X-Principal-Arn` `{shown}` has a region; IAM principal ARNs have none: {kinds}"
        ));
    }
    let account = arn.account();
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`X-Principal-Arn` `{shown}`: the account `{account}` is not 12 digits"
        ));
    }
    let resource = arn.resource();
    let named = |prefix: &str| {
        resource
            .strip_prefix(prefix)
            .is_some_and(|name| !name.is_empty())
    };
    let known = match service {
        "iam" => resource == "root" || named("user/") || named("role/"),
        _ => resource
            .strip_prefix("assumed-role/")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(role, session)| !role.is_empty() && !session.is_empty()),
    };
    if known {
        Ok(())
    } else {
        Err(format!(
            "`X-Principal-Arn` `{shown}` is no principal the gate knows: {kinds}"
        ))
    }
}
