//! What is evaluated: the request (principal, action, resource) and its context keys.

pub use super::context::{Context, ContextError, ContextValue, ContextValueRef};
use crate::{Action, RepositoryArn};

/// The resource of a request: a repository, or `*` for an action without a resource type
/// (`ecr:GetAuthorizationToken`), which counts as the principal's own account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resource<'a> {
    /// A repository.
    Repository(&'a RepositoryArn),
    /// `*`: no resource.
    Any,
}

impl Resource<'_> {
    /// The resource as `Resource` patterns match it: the ARN, or `*`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Repository(arn) => arn.as_str(),
            Self::Any => "*",
        }
    }
}

impl<'a> From<&'a RepositoryArn> for Resource<'a> {
    fn from(arn: &'a RepositoryArn) -> Self {
        Self::Repository(arn)
    }
}

/// What kind of principal a request is made by, read from its ARN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Caller<'a> {
    /// `arn:aws:iam::111122223333:root`.
    Root,
    /// `arn:aws:iam::111122223333:user/…`.
    User,
    /// `arn:aws:iam::111122223333:role/path/name`: the role itself.
    Role,
    /// `arn:aws:sts::111122223333:assumed-role/name/session`: a session of role `name`.
    Session { role: &'a str },
    /// Anything else: a federated user, a service principal, text that is no ARN.
    Other,
}

/// The parts of an ARN, borrowed from its text: what principal matching needs, without allocating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ArnParts<'a> {
    pub(crate) partition: &'a str,
    pub(crate) service: &'a str,
    pub(crate) account: &'a str,
    /// Everything after the fifth colon (it may hold more colons).
    pub(crate) resource: &'a str,
}

impl<'a> ArnParts<'a> {
    /// The parts of `arn:partition:service:region:account:resource`; `None` for text that is no ARN.
    pub(crate) fn split(text: &'a str) -> Option<Self> {
        if !text.starts_with("arn:") {
            return None;
        }
        // One splitter for every ARN the crate reads: the parser's.
        let crate::arn::ArnTextParts {
            partition,
            service,
            account,
            resource,
            ..
        } = crate::arn::split_arn_text(text).ok()?;
        Some(Self {
            partition,
            service,
            account,
            resource,
        })
    }
}

/// The principal of a request: its ARN (or service name), its account and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Principal<'a> {
    pub(crate) text: &'a str,
    pub(crate) account: &'a str,
    pub(crate) caller: Caller<'a>,
}

impl<'a> Principal<'a> {
    pub(crate) fn parse(text: &'a str) -> Self {
        let Some(ArnParts {
            service,
            account,
            resource: rest,
            ..
        }) = ArnParts::split(text)
        else {
            return Self {
                text,
                account: "",
                caller: Caller::Other,
            };
        };
        let caller = match (service, rest.split_once('/')) {
            ("iam", None) if rest == "root" => Caller::Root,
            ("iam", Some(("user", _))) => Caller::User,
            ("iam", Some(("role", _))) => Caller::Role,
            ("sts", Some(("assumed-role", session))) => match session.split_once('/') {
                Some((role, _)) => Caller::Session { role },
                None => Caller::Other,
            },
            _ => Caller::Other,
        };
        Self {
            text,
            account,
            caller,
        }
    }
}

/// One request: who asks, for which action, on which resource, with which context.
///
/// ```
/// use ecr_actions::{Action, RepositoryArn};
/// use ecr_actions::eval::{Context, Request, Resource};
/// let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app/web".parse()?;
/// let context = Context::new().with("aws:SourceIp", "203.0.113.7");
/// let request = Request::new(
///     "arn:aws:sts::111122223333:assumed-role/ci-builder/build-42",
///     Action::BatchGetImage,
///     Resource::Repository(&repository),
///     &context,
/// );
/// assert_eq!(request.principal_account(), "111122223333");
/// assert_eq!(request.resource_account(), "111122223333");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub(crate) principal: Principal<'a>,
    pub(crate) action: Action,
    pub(crate) resource: Resource<'a>,
    pub(crate) context: &'a Context,
}

impl<'a> Request<'a> {
    /// A request by `principal` — an ARN (`arn:aws:iam::111122223333:user/alice`,
    /// `arn:aws:sts::111122223333:assumed-role/ci-builder/build-42`) or a service principal — for
    /// `action` on `resource`, with `context`.
    #[must_use]
    pub fn new<P: AsRef<str> + ?Sized>(
        principal: &'a P,
        action: Action,
        resource: Resource<'a>,
        context: &'a Context,
    ) -> Self {
        Self {
            principal: Principal::parse(principal.as_ref()),
            action,
            resource,
            context,
        }
    }

    /// The principal as given.
    #[must_use]
    pub fn principal(&self) -> &'a str {
        self.principal.text
    }

    /// The principal's account: the fifth field of its ARN (empty if it is no ARN).
    #[must_use]
    pub fn principal_account(&self) -> &'a str {
        self.principal.account
    }

    /// The action.
    #[must_use]
    pub fn action(&self) -> Action {
        self.action
    }

    /// The resource.
    #[must_use]
    pub fn resource(&self) -> Resource<'a> {
        self.resource
    }

    /// The resource's account: the repository's, or the principal's for `*`.
    #[must_use]
    pub fn resource_account(&self) -> &'a str {
        match self.resource {
            Resource::Repository(arn) => arn.account(),
            Resource::Any => self.principal.account,
        }
    }

    /// Whether the principal and the resource are in different accounts: then both the identity
    /// policies and the repository policy must allow.
    #[must_use]
    pub fn is_cross_account(&self) -> bool {
        self.principal_account() != self.resource_account()
    }

    /// The context.
    #[must_use]
    pub fn context(&self) -> &'a Context {
        self.context
    }
}

#[cfg(test)]
mod tests {
    use super::{Caller, Principal};

    #[test]
    fn principals_by_kind() {
        let p = |s| Principal::parse(s).caller;
        assert_eq!(p("arn:aws:iam::111122223333:root"), Caller::Root);
        assert_eq!(p("arn:aws:iam::111122223333:user/a/b"), Caller::User);
        assert_eq!(p("arn:aws:iam::111122223333:role/path/r"), Caller::Role);
        assert_eq!(
            p("arn:aws:sts::111122223333:assumed-role/r/s"),
            Caller::Session { role: "r" }
        );
        assert_eq!(p("ecs-tasks.amazonaws.com"), Caller::Other);
        assert_eq!(
            Principal::parse("arn:aws:iam::444455556666:user/x").account,
            "444455556666"
        );
    }
}
