//! Policy types: the seven kinds of policy that take part in an ECR request's decision, the rules AWS
//! enforces on each when it stores one, and a guess at a document's type from its content; see
//! [`PolicyType`].

use core::fmt;
use core::str::FromStr;

mod rule;

pub use rule::{ParsePolicyTypeError, PolicyTypeError, TypeRule, TypeViolation};

use super::{Effect, JsonPath, PolicyDocument, Principals, Statement, Version};

/// The kinds of policy that take part in a request's decision (IAM User Guide, *Policies and
/// permissions in IAM → Policy types*).
///
/// One grammar ([`PolicyDocument`]) serves every policy type; what differs is which elements a type
/// takes. [`PolicyType::check`] lists what a document breaks for one type, each a [`TypeViolation`]
/// with a stable [`TypeRule`] and the JSON path it points at; [`TypeRule::is_refused`] tells a rule AWS
/// enforces (the API that stores the policy refuses it) from a warning about a policy that is accepted
/// but can let nothing through. [`PolicyType::validate`] is the same check as a `Result`, for code that
/// must refuse a policy AWS would refuse (the evaluator compiling a layer).
///
/// ```
/// use ecr_actions::policy::{PolicyDocument, PolicyType, TypeRule};
/// let scp = PolicyDocument::from_json(r#"{
///   "Version": "2012-10-17",
///   "Statement": {"Sid": "DenyDelete", "Effect": "Deny", "Principal": "*",
///                 "Action": "ecr:DeleteRepository", "Resource": "*"}
/// }"#)?;
/// let violations = PolicyType::ServiceControl.check(&scp);
/// assert_eq!(violations[0].rule, TypeRule::PrincipalNotAllowed);
/// assert_eq!(violations[0].path.to_string(), "Statement.Principal");
/// assert!(PolicyType::ServiceControl.validate(&scp).is_err());
/// // The same statement is a well-formed repository policy.
/// assert!(PolicyType::Resource.check(&scp).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # The rules, by type
///
/// | rule | identity | resource | scp | rcp | boundary | session | endpoint |
/// |---|---|---|---|---|---|---|---|
/// | [`principal-not-allowed`](TypeRule::PrincipalNotAllowed) | ✓ | | ✓ | | ✓ | ✓ | |
/// | [`principal-required`](TypeRule::PrincipalRequired) | | ✓ | | ✓ | | | ✓ |
/// | [`principal-must-be-star`](TypeRule::PrincipalMustBeStar) | | | | ✓ | | | |
/// | [`not-principal-not-supported`](TypeRule::NotPrincipalNotSupported) | | | | ✓ | | | |
/// | [`not-principal-with-allow`](TypeRule::NotPrincipalWithAllow) | | ✓ | | | | | ✓ |
/// | [`allow-not-supported`](TypeRule::AllowNotSupported) | | | | ✓ | | | |
/// | [`not-action-not-supported`](TypeRule::NotActionNotSupported) | | | | ✓ | | | |
/// | [`version-required`](TypeRule::VersionRequired) | | | | ✓ | | | |
/// | [`resource-required`](TypeRule::ResourceRequired) | ✓ | | | | ✓ | ✓ | |
/// | [`policy-too-large`](TypeRule::PolicyTooLarge) | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
/// | [`no-allow-statement`](TypeRule::NoAllowStatement) (warning) | | | | | ✓ | ✓ | ✓ |
///
/// Every rule but `no-allow-statement` is one AWS refuses. Sources, by type:
///
/// * **Identity-based policies, permissions boundaries, session policies** are identity-style: "You
///   cannot use the `Principal` element in an identity-based policy" (IAM User Guide, *IAM JSON policy
///   elements: Principal*; a boundary is a managed policy, a session policy is passed to `AssumeRole*`
///   and is the same language); "Statements must include either a `Resource` or a `NotResource`
///   element" (*IAM JSON policy elements: Resource*).
/// * **Resource-based policies** (an ECR repository policy): "You must use the `Principal` element in
///   resource-based policies" (*IAM JSON policy elements: Principal*); "`NotPrincipal` must be used
///   with `"Effect":"Deny"`. Using it with `"Effect":"Allow"` is not supported" (*IAM JSON policy
///   elements: NotPrincipal*). ECR implies the repository, so `Resource` is optional.
/// * **SCPs** (AWS Organizations User Guide, *SCP syntax*): the elements summary lists no `Principal`
///   or `NotPrincipal`, and Organizations refuses an SCP that has one; since September 2025 SCPs take
///   the full IAM language otherwise (conditions, resource ARNs, `NotAction` and
///   `NotResource` with `Allow`).
/// * **RCPs** (*RCP syntax*): "The effect of `Allow` is only supported for the `RCPFullAWSAccess`
///   policy" (a statement equal to that policy's, `Allow` `*` on `*` for `"Principal": "*"` without a
///   condition, is accepted); the `Principal` must be `"*"` (principals are narrowed with conditions);
///   `NotPrincipal` and `NotAction` are not supported; "Every RCP must include a `Version` element with
///   the value `"2012-10-17"`". RCPs apply to Amazon ECR since June 2025 (*Resource control policies*,
///   list of supported services).
/// * **VPC endpoint policies** (AWS PrivateLink Guide, *Control access to VPC endpoints using endpoint
///   policies*): "It must contain a `Principal` element. The size of an endpoint policy cannot exceed
///   20,480 characters, including white space." `NotPrincipal` is supported ("supported in
///   resource-based policies for some AWS services, including VPC endpoints").
///
/// Sizes ([`PolicyType::max_chars`]) are measured on the document written without white space (its
/// compact JSON), the least any text of it can count: a document over the limit that way is refused
/// however it is written.
///
/// [`FromStr`] and [`Display`](fmt::Display) use the command line's spellings (`ecr-iam lint
/// --type …`):
///
/// ```
/// use ecr_actions::policy::PolicyType;
/// let spellings: Vec<&str> = PolicyType::ALL.iter().map(|t| t.as_str()).collect();
/// assert_eq!(spellings, ["identity", "resource", "scp", "rcp", "boundary", "session", "endpoint"]);
/// assert_eq!("scp".parse::<PolicyType>()?, PolicyType::ServiceControl);
/// assert_eq!(PolicyType::ServiceControl.to_string(), "scp");
/// assert_eq!(PolicyType::ServiceControl.name(), "service control policy (SCP)");
/// let error = "spc".parse::<PolicyType>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "`spc` is not a policy type: expected one of `identity`, `resource`, `scp`, `rcp`, \
///      `boundary`, `session`, `endpoint`",
/// );
/// # Ok::<(), ecr_actions::policy::ParsePolicyTypeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PolicyType {
    /// An identity-based policy attached to a user, group or role (managed or inline): `identity`.
    Identity,
    /// A resource-based policy; for ECR, a repository policy: `resource`.
    Resource,
    /// An AWS Organizations service control policy, which limits the principals of the accounts it
    /// applies to: `scp`.
    ServiceControl,
    /// An AWS Organizations resource control policy, which limits access to the resources of the
    /// accounts it applies to: `rcp`.
    ResourceControl,
    /// The permissions boundary of a user or role (a managed policy used as a boundary): `boundary`.
    PermissionsBoundary,
    /// A session policy passed to `AssumeRole*` or `GetFederationToken`: `session`.
    Session,
    /// The policy of the VPC endpoint the request went through: `endpoint`.
    VpcEndpoint,
}

impl PolicyType {
    /// Every type, in the order of the command line's list.
    pub const ALL: [Self; 7] = [
        Self::Identity,
        Self::Resource,
        Self::ServiceControl,
        Self::ResourceControl,
        Self::PermissionsBoundary,
        Self::Session,
        Self::VpcEndpoint,
    ];

    /// The command line's spelling: `identity`, `resource`, `scp`, `rcp`, `boundary`, `session`,
    /// `endpoint`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Identity => "identity",
            Self::Resource => "resource",
            Self::ServiceControl => "scp",
            Self::ResourceControl => "rcp",
            Self::PermissionsBoundary => "boundary",
            Self::Session => "session",
            Self::VpcEndpoint => "endpoint",
        }
    }

    /// The type's name in a sentence, e.g. `service control policy (SCP)`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Identity => "identity-based policy",
            Self::Resource => "resource-based policy (repository policy)",
            Self::ServiceControl => "service control policy (SCP)",
            Self::ResourceControl => "resource control policy (RCP)",
            Self::PermissionsBoundary => "permissions boundary",
            Self::Session => "session policy",
            Self::VpcEndpoint => "VPC endpoint policy",
        }
    }

    /// The name with its indefinite article, `an identity-based policy`, for messages.
    #[must_use]
    pub const fn with_article(self) -> &'static str {
        match self {
            Self::Identity => "an identity-based policy",
            Self::Resource => "a resource-based policy (repository policy)",
            Self::ServiceControl => "a service control policy (SCP)",
            Self::ResourceControl => "a resource control policy (RCP)",
            Self::PermissionsBoundary => "a permissions boundary",
            Self::Session => "a session policy",
            Self::VpcEndpoint => "a VPC endpoint policy",
        }
    }

    /// Whether statements of this type name a `Principal` (resource-style) or none (identity-style).
    #[must_use]
    pub const fn takes_principal(self) -> bool {
        matches!(
            self,
            Self::Resource | Self::ResourceControl | Self::VpcEndpoint
        )
    }

    /// The most characters AWS stores for a policy of this type.
    ///
    /// | type | limit | source |
    /// |---|---|---|
    /// | identity | 10,240 | a role's inline policies (a managed policy 6,144, a user's inline 2,048): IAM User Guide, *IAM and AWS STS quotas* |
    /// | resource | 10,240 | "Repository policy size: 10,240 characters": Amazon ECR User Guide, *Amazon ECR service quotas* |
    /// | scp, rcp | 5,120 | "Maximum size of a policy document": AWS Organizations User Guide, *Quotas for AWS Organizations* |
    /// | boundary | 6,144 | a managed policy: *IAM and AWS STS quotas* |
    /// | session | 2,048 | "The plaintext that you use for both inline and managed session policies can't exceed 2,048 characters": AWS STS API Reference, *AssumeRole* |
    /// | endpoint | 20,480 | "The size of an endpoint policy cannot exceed 20,480 characters": AWS PrivateLink Guide |
    #[must_use]
    pub const fn max_chars(self) -> usize {
        match self {
            Self::Identity | Self::Resource => 10_240,
            Self::ServiceControl | Self::ResourceControl => 5_120,
            Self::PermissionsBoundary => 6_144,
            Self::Session => 2_048,
            Self::VpcEndpoint => 20_480,
        }
    }

    /// What the document breaks for this type, in document order (document-wide rules first, then
    /// statement by statement); empty when AWS accepts it as this type and it can let something
    /// through. See [`PolicyType`] for the rules.
    #[must_use]
    pub fn check(self, document: &PolicyDocument) -> Vec<TypeViolation> {
        let mut found = self.check_document(document);
        let statements = JsonPath::root().key("Statement");
        for (index, statement) in document.statements.iter().enumerate() {
            let path = if document.statements.is_single() {
                statements.clone()
            } else {
                statements.index(index)
            };
            found.extend(self.check_statement(statement, &path));
        }
        found
    }

    /// Checks that AWS would accept the document as this type: `Ok` with the warnings
    /// ([`TypeRule::is_refused`] false) when it would.
    ///
    /// ```
    /// use ecr_actions::policy::{PolicyDocument, PolicyType, TypeRule};
    /// let rcp = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement": {
    ///   "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*"}}"#)?;
    /// let error = PolicyType::ResourceControl.validate(&rcp).unwrap_err();
    /// assert_eq!(error.violations[0].rule, TypeRule::AllowNotSupported);
    /// assert!(error.to_string().starts_with("not a valid resource control policy (RCP): Statement.Effect: "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PolicyTypeError`] with every violation AWS refuses, when there is one.
    pub fn validate(
        self,
        document: &PolicyDocument,
    ) -> Result<Vec<TypeViolation>, PolicyTypeError> {
        let (refused, warnings): (Vec<_>, Vec<_>) = self
            .check(document)
            .into_iter()
            .partition(|v| v.rule.is_refused());
        if refused.is_empty() {
            Ok(warnings)
        } else {
            Err(PolicyTypeError {
                policy_type: self,
                violations: refused,
            })
        }
    }

    /// The document-wide rules: `Version`, size, and whether any statement allows.
    pub(crate) fn check_document(self, document: &PolicyDocument) -> Vec<TypeViolation> {
        let mut found = Vec::new();
        if self == Self::ResourceControl && document.version != Some(Version::V2012_10_17) {
            let (path, what) = match document.version {
                Some(version) => (JsonPath::root().key("Version"), format!("`{version}`")),
                None => (JsonPath::root(), "no `Version`".to_owned()),
            };
            found.push(TypeViolation::new(
                TypeRule::VersionRequired,
                path,
                format!(
                    "the RCP has {what}, but every RCP must include `\"Version\": \"2012-10-17\"` \
                     (AWS Organizations User Guide, RCP syntax)"
                ),
            ));
        }
        let size = document.to_json().chars().count();
        if size > self.max_chars() {
            found.push(TypeViolation::new(
                TypeRule::PolicyTooLarge,
                JsonPath::root(),
                format!(
                    "the policy is {size} characters even without white space, more than the {} \
                     characters AWS stores for {}; split it or write it shorter",
                    self.max_chars(),
                    self.with_article()
                ),
            ));
        }
        let limits_only = matches!(
            self,
            Self::PermissionsBoundary | Self::Session | Self::VpcEndpoint
        );
        if limits_only
            && !document
                .statements
                .iter()
                .any(|s| s.effect == Effect::Allow)
        {
            found.push(TypeViolation::new(
                TypeRule::NoAllowStatement,
                JsonPath::root().key("Statement"),
                format!(
                    "no statement allows anything: {} only limits what other policies grant, so \
                     with no `Allow` it lets no request through; add the `Allow` statements that \
                     set the limit (e.g. `ecr:*` on `*`)",
                    self.with_article()
                ),
            ));
        }
        found
    }

    /// The rules of one statement, in element order (`Effect`, `Principal`, `Action`, `Resource`).
    pub(crate) fn check_statement(
        self,
        statement: &Statement,
        path: &JsonPath,
    ) -> Vec<TypeViolation> {
        let mut found = Vec::new();
        if self == Self::ResourceControl
            && statement.effect == Effect::Allow
            && !is_rcp_full_access(statement)
        {
            found.push(TypeViolation::new(
                TypeRule::AllowNotSupported,
                path.key("Effect"),
                "an RCP statement can only deny: \"The effect of `Allow` is only supported for the \
                 `RCPFullAWSAccess` policy\", which AWS attaches itself; write `\"Effect\": \"Deny\"` \
                 with a `Condition` that names what is not denied"
                    .to_owned(),
            ));
        }
        self.check_principal(statement, path, &mut found);
        if self == Self::ResourceControl && statement.action.negated {
            found.push(TypeViolation::new(
                TypeRule::NotActionNotSupported,
                path.key("NotAction"),
                "RCPs do not support `NotAction`; list the denied actions in `Action`".to_owned(),
            ));
        }
        let needs_resource = matches!(
            self,
            Self::Identity | Self::PermissionsBoundary | Self::Session
        );
        if needs_resource && statement.resource.is_none() {
            found.push(TypeViolation::new(
                TypeRule::ResourceRequired,
                path.clone(),
                format!(
                    "the statement has no `Resource`: \"Statements must include either a `Resource` \
                     or a `NotResource` element\" in {}; add e.g. `\"Resource\": \"*\"`",
                    self.with_article()
                ),
            ));
        }
        found
    }

    fn check_principal(
        self,
        statement: &Statement,
        path: &JsonPath,
        found: &mut Vec<TypeViolation>,
    ) {
        match (&statement.principal, self.takes_principal()) {
            (Some(clause), false) => {
                let element = if clause.negated {
                    "NotPrincipal"
                } else {
                    "Principal"
                };
                found.push(TypeViolation::new(
                    TypeRule::PrincipalNotAllowed,
                    path.key(element),
                    format!(
                        "{} applies to the principals it is attached to and takes no \
                         `{element}`; remove it (to narrow by principal, use a `Condition` on \
                         `aws:PrincipalArn`)",
                        self.with_article()
                    ),
                ));
            }
            (None, true) => {
                let example = if self == Self::Resource {
                    "`\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}`"
                } else {
                    "`\"Principal\": \"*\"` with a `Condition` on `aws:PrincipalAccount`"
                };
                found.push(TypeViolation::new(
                    TypeRule::PrincipalRequired,
                    path.clone(),
                    format!(
                        "the statement has no `Principal`, which every statement of {} must \
                         have; add one, e.g. {example}",
                        self.with_article()
                    ),
                ));
            }
            (Some(clause), true) if self == Self::ResourceControl => {
                if clause.negated {
                    found.push(TypeViolation::new(
                        TypeRule::NotPrincipalNotSupported,
                        path.key("NotPrincipal"),
                        "RCPs do not support `NotPrincipal`; write `\"Principal\": \"*\"` and exempt \
                         principals with a `Condition` on `aws:PrincipalArn` or \
                         `aws:PrincipalOrgID`"
                            .to_owned(),
                    ));
                } else if clause.principals != Principals::Any {
                    found.push(TypeViolation::new(
                        TypeRule::PrincipalMustBeStar,
                        path.key("Principal"),
                        "an RCP applies to every principal: its `Principal` must be `\"*\"`; narrow \
                         it with a `Condition` on `aws:PrincipalArn`, `aws:PrincipalAccount` or \
                         `aws:PrincipalOrgID`"
                            .to_owned(),
                    ));
                }
            }
            (Some(clause), true) if clause.negated && statement.effect == Effect::Allow => {
                found.push(TypeViolation::new(
                    TypeRule::NotPrincipalWithAllow,
                    path.key("NotPrincipal"),
                    "\"`NotPrincipal` must be used with `\"Effect\":\"Deny\"`. Using it with \
                     `\"Effect\":\"Allow\"` is not supported\"; name the allowed principals in \
                     `Principal`"
                        .to_owned(),
                ));
            }
            _ => {}
        }
    }

    /// The type a document most likely is, from its content, and why (`ecr-iam lint` without
    /// `--type`).
    ///
    /// The content tells resource-style from identity-style policies (a `Principal` in some
    /// statement) but not, among identity-style ones, an identity policy from an SCP, a boundary or a
    /// session policy, which are written alike: those infer as [`Identity`](Self::Identity). Among
    /// resource-style ones, a document whose statements all deny `"Principal": "*"` is an RCP (a
    /// repository policy that only denies grants nothing); one whose statements all name
    /// `"Principal": "*"` and a `Resource` is a VPC endpoint policy (a repository policy implies its
    /// repository and names no `Resource`); any other is a resource policy.
    ///
    /// ```
    /// use ecr_actions::policy::{PolicyDocument, PolicyType};
    /// let endpoint = PolicyDocument::from_json(
    ///     r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#,
    /// )?;
    /// assert_eq!(PolicyType::infer(&endpoint).policy_type, PolicyType::VpcEndpoint);
    /// let identity = PolicyDocument::from_json(
    ///     r#"{"Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]}"#,
    /// )?;
    /// assert_eq!(PolicyType::infer(&identity).policy_type, PolicyType::Identity);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn infer(document: &PolicyDocument) -> Inference {
        let statements = document.statements.as_slice();
        let named = |s: &Statement| s.principal.is_some();
        if !statements.iter().any(named) {
            return Inference {
                policy_type: Self::Identity,
                reason: "no statement names a `Principal` (SCPs, permissions boundaries and session \
                         policies are written alike; name the type to check one of those)",
            };
        }
        let everyone = |s: &Statement| {
            s.principal
                .as_ref()
                .is_some_and(|p| !p.negated && p.principals == Principals::Any)
        };
        if statements
            .iter()
            .all(|s| everyone(s) && s.effect == Effect::Deny)
        {
            return Inference {
                policy_type: Self::ResourceControl,
                reason: "every statement denies `\"Principal\": \"*\"`, as RCP statements do",
            };
        }
        if statements
            .iter()
            .all(|s| everyone(s) && s.resource.is_some())
        {
            return Inference {
                policy_type: Self::VpcEndpoint,
                reason: "every statement names `\"Principal\": \"*\"` and a `Resource`, as VPC \
                         endpoint policies do (a repository policy names no `Resource`)",
            };
        }
        Inference {
            policy_type: Self::Resource,
            reason: "a statement names a `Principal`",
        }
    }
}

/// Whether a statement is `RCPFullAWSAccess`'s own: `Allow` of `*` on `*` for `"Principal": "*"`,
/// without a condition, the one `Allow` RCPs support.
fn is_rcp_full_access(statement: &Statement) -> bool {
    let principal_star = statement
        .principal
        .as_ref()
        .is_some_and(|p| !p.negated && p.principals == Principals::Any);
    let action_star = !statement.action.negated
        && statement.action.items.len() == 1
        && statement.action.items.iter().all(|i| i.as_str() == "*");
    let resource_star = statement.resource.as_ref().is_some_and(|r| {
        !r.negated && r.items.len() == 1 && r.items.iter().all(|i| i.as_str() == "*")
    });
    principal_star && action_star && resource_star && statement.condition.is_none()
}

impl fmt::Display for PolicyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The command line's spelling, `"scp"`.
#[cfg(feature = "serde")]
impl serde::Serialize for PolicyType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The command line's spelling, `"scp"`.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for PolicyType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for PolicyType {
    type Err = ParsePolicyTypeError;

    /// Reads the command line's spelling (exactly, lowercase).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == text)
            .ok_or_else(|| ParsePolicyTypeError {
                text: text.to_owned(),
            })
    }
}

/// The type [`PolicyType::infer`] found, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inference {
    /// The type.
    pub policy_type: PolicyType,
    /// What in the document shows it, as a phrase (`a statement names a `Principal``).
    pub reason: &'static str,
}
