//! Principals of a resource policy's statement.

use crate::Arn;
use crate::policy::PrincipalKind;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Repr {
    Any,
    Account(String),
    Arn(Arn),
    Service(String),
}

/// Who a resource policy's statement is about: for `Principal` or `NotPrincipal` of
/// [`StatementBuilder`](super::StatementBuilder).
///
/// | constructor | written as |
/// |---|---|
/// | [`any`](Self::any) | `"Principal": "*"` (alone) or `"AWS": "*"` (among others) |
/// | [`account`](Self::account) | `"AWS": "444455556666"`, which AWS reads as the account's root, `arn:aws:iam::444455556666:root` |
/// | [`arn`](Self::arn) | `"AWS": "arn:aws:iam::111122223333:role/ci"` (a root, user, role or session ARN of IAM or STS) |
/// | [`service`](Self::service) | `"Service": "codebuild.amazonaws.com"` |
///
/// The account, ARN and service name are checked by [`build`](super::PolicyBuilder::build): an account
/// is 12 ASCII digits; an ARN is one of service `iam` or `sts`; a service principal is lowercase letters,
/// digits, `-` and `.`, ending in `.amazonaws.com` (or `.amazonaws.com.cn`).
///
/// ```
/// use ecr_actions::builder::Principal;
/// use ecr_actions::policy::PrincipalKind;
///
/// let ci = Principal::arn("arn:aws:iam::111122223333:role/ci".parse()?);
/// assert_eq!((ci.kind(), ci.as_str()), (PrincipalKind::Aws, "arn:aws:iam::111122223333:role/ci"));
/// assert_eq!(Principal::service("codebuild.amazonaws.com").kind(), PrincipalKind::Service);
/// assert_eq!(Principal::any().as_str(), "*");
/// # Ok::<(), ecr_actions::ParseArnError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Principal(Repr);

impl Principal {
    /// Everyone, anonymous callers included: `"*"`. In an `Allow` statement, usually with a condition
    /// that narrows it (`aws:PrincipalOrgID`).
    #[must_use]
    pub fn any() -> Self {
        Self(Repr::Any)
    }

    /// An account by its 12-digit ID, `444455556666`: the account's root, which lets the account's
    /// administrators delegate to its users and roles.
    #[must_use]
    pub fn account(id: &str) -> Self {
        Self(Repr::Account(id.to_owned()))
    }

    /// An IAM or STS principal by its ARN: an account root (`arn:aws:iam::444455556666:root`), a user,
    /// a role, or an assumed-role session.
    #[must_use]
    pub fn arn(arn: Arn) -> Self {
        Self(Repr::Arn(arn))
    }

    /// An AWS service principal, such as `codebuild.amazonaws.com`.
    #[must_use]
    pub fn service(name: &str) -> Self {
        Self(Repr::Service(name.to_owned()))
    }

    /// The kind it is written under: [`PrincipalKind::Aws`] or [`PrincipalKind::Service`].
    #[must_use]
    pub fn kind(&self) -> PrincipalKind {
        match self.0 {
            Repr::Any | Repr::Account(_) | Repr::Arn(_) => PrincipalKind::Aws,
            Repr::Service(_) => PrincipalKind::Service,
        }
    }

    /// The value as written: `*`, the account ID, the ARN, or the service name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Any => "*",
            Repr::Account(text) | Repr::Service(text) => text,
            Repr::Arn(arn) => arn.as_str(),
        }
    }

    pub(super) fn is_any(&self) -> bool {
        self.0 == Repr::Any
    }

    /// What the value should be, when it is not.
    pub(super) fn problem(&self) -> Option<&'static str> {
        match &self.0 {
            Repr::Any => None,
            Repr::Account(id) => (!is_account(id)).then_some("an account ID: 12 ASCII digits"),
            Repr::Arn(arn) => (!matches!(arn.service(), "iam" | "sts")).then_some(
                "a principal ARN: an `iam` or `sts` ARN of a root, user, role or session",
            ),
            Repr::Service(name) => (!is_service_principal(name))
                .then_some("a service principal such as `codebuild.amazonaws.com`"),
        }
    }
}

fn is_account(id: &str) -> bool {
    id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit())
}

fn is_service_principal(name: &str) -> bool {
    let host = name
        .strip_suffix(".amazonaws.com")
        .or_else(|| name.strip_suffix(".amazonaws.com.cn"));
    host.is_some_and(|host| {
        !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            })
    })
}
