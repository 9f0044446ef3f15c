//! The fixtures of the cedar comparison: one realistic ECR policy set written twice — as IAM policy
//! documents for [`ecr_actions::eval::Evaluator`] and as Cedar policies for
//! [`cedar_policy::Authorizer`] — the same principals and repositories as IAM context keys and as
//! Cedar entities, the same requests in both forms, and [`check_agreement`], which runs every request
//! through both engines and fails unless they decide the same (and as [`Case::expected`] says).
//!
//! The policy set (8 statements, 8 Cedar policies):
//!
//! | IAM `Sid`              | Where              | Cedar                                                         |
//! |------------------------|--------------------|---------------------------------------------------------------|
//! | `Login`                | identity policy    | `permit` `GetAuthorizationToken`                              |
//! | `ReadersPull`          | identity policy    | `permit` `principal in Group::"readers"`, `resource in Namespace::"app"` |
//! | `TeamBrowse`           | identity policy    | `permit` describe/list when `resource.team == principal.team` |
//! | `CiPush`               | repository policy  | `permit` `principal in Role::"ci-builder"` when TLS and teams equal |
//! | `AuditorRead`          | repository policy  | `permit` `principal in Role::"auditor"`, read actions         |
//! | `AdminsManage`         | repository policy  | `permit` when `principal.role == "admin"`                     |
//! | `DeleteOnlyAdmins`     | repository policy  | `forbid` `DeleteRepository` unless `principal.role == "admin"` |
//! | `CorporateNetworkOnly` | repository policy  | `forbid` unless `context.source_ip.isInRange(ip("10.0.0.0/8"))` |
//!
//! How the two sides meet: a group is an IAM user path (`user/readers/alice`, matched with `ArnLike`
//! on `aws:PrincipalArn`) and a Cedar parent (`User::"alice"` in `Group::"readers"`); a role session
//! (`assumed-role/ci-builder/build-42`) is a `Session` entity whose parent is the `Role`; principal
//! tags (`aws:PrincipalTag/team`) are principal attributes (`principal.team`); the repository's tag
//! (`aws:ResourceTag/team`) is a resource attribute (`resource.team`); `aws:SecureTransport` and
//! `aws:SourceIp` are `context.secure_transport` and `context.source_ip` (an `ipaddr`).

use std::error::Error;
use std::fmt;
use std::str::FromStr;

use cedar_policy::{Authorizer, Effect, Entities, EntityId, EntityTypeName, EntityUid, PolicySet};
use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, RepositoryArn};
use serde_json::{Value, json};

/// The layers of the IAM decision the layered evaluator adds: two SCP levels, an RCP level and a
/// permissions boundary, which let every request through as before.
#[path = "../../../ecr-actions/benches/fixtures/layers.rs"]
mod layers;

/// What building the fixtures can fail with.
pub type FixtureError = Box<dyn Error + Send + Sync>;

/// The account of every principal and repository.
pub const ACCOUNT: &str = "111122223333";

/// The identity policy, attached to every principal of the account.
pub const IDENTITY_POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Login", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
    {"Sid": "ReadersPull", "Effect": "Allow",
     "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
     "Resource": "arn:aws:ecr:*:111122223333:repository/app/*",
     "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:user/readers/*"}}},
    {"Sid": "TeamBrowse", "Effect": "Allow",
     "Action": ["ecr:DescribeImages", "ecr:ListImages", "ecr:DescribeImageScanFindings"],
     "Resource": "arn:aws:ecr:*:111122223333:repository/*",
     "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}}
  ]
}"#;

/// The repository policy, set on every repository of the account.
pub const REPOSITORY_POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "CiPush", "Effect": "Allow",
     "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci-builder"},
     "Action": ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                "ecr:CompleteLayerUpload", "ecr:PutImage"],
     "Condition": {"Bool": {"aws:SecureTransport": "true"},
                   "StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}},
    {"Sid": "AuditorRead", "Effect": "Allow",
     "Principal": {"AWS": "arn:aws:iam::111122223333:role/auditor"},
     "Action": ["ecr:DescribeRepositories", "ecr:DescribeImages", "ecr:GetRepositoryPolicy",
                "ecr:ListTagsForResource"]},
    {"Sid": "AdminsManage", "Effect": "Allow", "Principal": "*", "Action": "ecr:*",
     "Condition": {"StringEquals": {"aws:PrincipalTag/role": "admin"}}},
    {"Sid": "DeleteOnlyAdmins", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository",
     "Condition": {"StringNotEquals": {"aws:PrincipalTag/role": "admin"}}},
    {"Sid": "CorporateNetworkOnly", "Effect": "Deny", "Principal": "*", "Action": "ecr:*",
     "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}
  ]
}"#;

/// The same policy set in Cedar, without a schema. A `has` guards every optional attribute, so that
/// no policy errors (an erroring policy is skipped, which [`check_agreement`] would report).
pub const CEDAR_POLICIES: &str = r#"
@id("Login")
permit (principal, action == Action::"GetAuthorizationToken", resource);

@id("ReadersPull")
permit (
  principal in Group::"readers",
  action in [Action::"BatchGetImage", Action::"GetDownloadUrlForLayer", Action::"BatchCheckLayerAvailability"],
  resource in Namespace::"app"
);

@id("TeamBrowse")
permit (
  principal,
  action in [Action::"DescribeImages", Action::"ListImages", Action::"DescribeImageScanFindings"],
  resource is Repository
)
when { principal has team && resource has team && resource.team == principal.team };

@id("CiPush")
permit (
  principal in Role::"ci-builder",
  action in [Action::"BatchCheckLayerAvailability", Action::"InitiateLayerUpload", Action::"UploadLayerPart",
             Action::"CompleteLayerUpload", Action::"PutImage"],
  resource
)
when {
  context.secure_transport &&
  principal has team && resource has team && resource.team == principal.team
};

@id("AuditorRead")
permit (
  principal in Role::"auditor",
  action in [Action::"DescribeRepositories", Action::"DescribeImages", Action::"GetRepositoryPolicy",
             Action::"ListTagsForResource"],
  resource
);

@id("AdminsManage")
permit (principal, action, resource)
when { principal has role && principal.role == "admin" };

@id("DeleteOnlyAdmins")
forbid (principal, action == Action::"DeleteRepository", resource)
unless { principal has role && principal.role == "admin" };

@id("CorporateNetworkOnly")
forbid (principal, action, resource)
unless { context.source_ip.isInRange(ip("10.0.0.0/8")) };
"#;

/// A principal as both engines see it.
#[derive(Clone, Copy, Debug)]
pub struct Principal {
    /// A short name for messages.
    pub name: &'static str,
    /// The principal of an IAM request.
    pub arn: &'static str,
    /// `aws:PrincipalArn`: the ARN, or a session's role ARN.
    pub principal_arn: &'static str,
    /// The Cedar entity: type and id.
    pub entity: (&'static str, &'static str),
    /// Its Cedar parents (groups, a session's role).
    pub parents: &'static [(&'static str, &'static str)],
    /// `aws:PrincipalTag/team`, `principal.team`.
    pub team: Option<&'static str>,
    /// `aws:PrincipalTag/role`, `principal.role`.
    pub role: Option<&'static str>,
}

/// The principals.
pub const PRINCIPALS: [Principal; 6] = [
    Principal {
        name: "alice",
        arn: "arn:aws:iam::111122223333:user/readers/alice",
        principal_arn: "arn:aws:iam::111122223333:user/readers/alice",
        entity: ("User", "alice"),
        parents: &[("Group", "readers")],
        team: Some("web"),
        role: Some("developer"),
    },
    Principal {
        name: "dave",
        arn: "arn:aws:iam::111122223333:user/readers/dave",
        principal_arn: "arn:aws:iam::111122223333:user/readers/dave",
        entity: ("User", "dave"),
        parents: &[("Group", "readers")],
        team: None,
        role: None,
    },
    Principal {
        name: "bob",
        arn: "arn:aws:iam::111122223333:user/bob",
        principal_arn: "arn:aws:iam::111122223333:user/bob",
        entity: ("User", "bob"),
        parents: &[],
        team: Some("data"),
        role: Some("developer"),
    },
    Principal {
        name: "carol",
        arn: "arn:aws:iam::111122223333:user/carol",
        principal_arn: "arn:aws:iam::111122223333:user/carol",
        entity: ("User", "carol"),
        parents: &[],
        team: Some("platform"),
        role: Some("admin"),
    },
    Principal {
        name: "ci",
        arn: "arn:aws:sts::111122223333:assumed-role/ci-builder/build-42",
        principal_arn: "arn:aws:iam::111122223333:role/ci-builder",
        entity: ("Session", "ci-builder/build-42"),
        parents: &[("Role", "ci-builder")],
        team: Some("web"),
        role: None,
    },
    Principal {
        name: "auditor",
        arn: "arn:aws:sts::111122223333:assumed-role/auditor/audit-7",
        principal_arn: "arn:aws:iam::111122223333:role/auditor",
        entity: ("Session", "auditor/audit-7"),
        parents: &[("Role", "auditor")],
        team: None,
        role: None,
    },
];

/// A repository: its name (`Repository::"app/web"`, whose parent is `Namespace::"app"`) and its
/// `team` tag (`aws:ResourceTag/team`, `resource.team`).
#[derive(Clone, Copy, Debug)]
pub struct Repository {
    /// The name.
    pub name: &'static str,
    /// The `team` tag.
    pub team: Option<&'static str>,
}

/// The repositories.
pub const REPOSITORIES: [Repository; 5] = [
    Repository {
        name: "app/web",
        team: Some("web"),
    },
    Repository {
        name: "app/api",
        team: Some("data"),
    },
    Repository {
        name: "app/scratch",
        team: None,
    },
    Repository {
        name: "tools/builder",
        team: Some("web"),
    },
    Repository {
        name: "infra/secrets",
        team: Some("platform"),
    },
];

/// One request: who, what, on which repository (`None`: no resource, `*`), over TLS or not, from
/// where; and the decision it must get.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// An index into [`PRINCIPALS`].
    pub principal: usize,
    /// The action.
    pub action: Action,
    /// An index into [`REPOSITORIES`], or `None` for `*`.
    pub repository: Option<usize>,
    /// `aws:SecureTransport`.
    pub secure_transport: bool,
    /// `aws:SourceIp`.
    pub source_ip: &'static str,
    /// The IAM decision.
    pub expected: Decision,
}

const OFFICE: &str = "10.1.2.3";
const VPN: &str = "10.200.0.9";
const OUTSIDE: &str = "203.0.113.7";
const OUTSIDE_V6: &str = "2001:db8::1";

const fn case(
    principal: usize,
    action: Action,
    repository: Option<usize>,
    secure_transport: bool,
    source_ip: &'static str,
    expected: Decision,
) -> Case {
    Case {
        principal,
        action,
        repository,
        secure_transport,
        source_ip,
        expected,
    }
}

const ALICE: usize = 0;
const DAVE: usize = 1;
const BOB: usize = 2;
const CAROL: usize = 3;
const CI: usize = 4;
const AUDITOR: usize = 5;
const APP_WEB: Option<usize> = Some(0);
const APP_API: Option<usize> = Some(1);
const APP_SCRATCH: Option<usize> = Some(2);
const TOOLS_BUILDER: Option<usize> = Some(3);
const INFRA_SECRETS: Option<usize> = Some(4);

/// The requests: 10 allowed, 4 explicitly denied, 8 implicitly denied.
#[rustfmt::skip]
pub const CASES: [Case; 22] = {
    use Action as A;
    use Decision::{Allow, ExplicitDeny, ImplicitDeny};
    [
        //   who      action                     repository     TLS    from        expected
        case(ALICE,   A::BatchGetImage,          APP_WEB,       true,  OFFICE,     Allow),
        case(ALICE,   A::GetDownloadUrlForLayer, APP_API,       true,  VPN,        Allow),
        case(ALICE,   A::BatchGetImage,          TOOLS_BUILDER, true,  OFFICE,     ImplicitDeny),
        case(ALICE,   A::DescribeImages,         TOOLS_BUILDER, true,  OFFICE,     Allow),
        case(ALICE,   A::PutImage,               APP_WEB,       true,  OFFICE,     ImplicitDeny),
        case(ALICE,   A::BatchGetImage,          APP_WEB,       true,  OUTSIDE,    ExplicitDeny),
        case(ALICE,   A::DeleteRepository,       APP_WEB,       true,  OFFICE,     ExplicitDeny),
        case(ALICE,   A::GetAuthorizationToken,  None,          true,  VPN,        Allow),
        case(DAVE,    A::BatchGetImage,          APP_SCRATCH,   false, OFFICE,     Allow),
        case(DAVE,    A::ListImages,             APP_SCRATCH,   true,  OFFICE,     ImplicitDeny),
        case(BOB,     A::BatchGetImage,          APP_WEB,       true,  OFFICE,     ImplicitDeny),
        case(BOB,     A::ListImages,             APP_API,       true,  VPN,        Allow),
        case(CI,      A::PutImage,               APP_WEB,       true,  OFFICE,     Allow),
        case(CI,      A::PutImage,               APP_WEB,       false, OFFICE,     ImplicitDeny),
        case(CI,      A::InitiateLayerUpload,    APP_API,       true,  OFFICE,     ImplicitDeny),
        case(CI,      A::CompleteLayerUpload,    TOOLS_BUILDER, true,  OFFICE,     Allow),
        case(CI,      A::PutImage,               APP_SCRATCH,   true,  OFFICE,     ImplicitDeny),
        case(CI,      A::DeleteRepository,       APP_WEB,       true,  OFFICE,     ExplicitDeny),
        case(CAROL,   A::DeleteRepository,       APP_SCRATCH,   true,  VPN,        Allow),
        case(CAROL,   A::DeleteRepository,       INFRA_SECRETS, true,  OUTSIDE_V6, ExplicitDeny),
        case(AUDITOR, A::DescribeRepositories,   INFRA_SECRETS, true,  OFFICE,     Allow),
        case(AUDITOR, A::PutImage,               INFRA_SECRETS, true,  OFFICE,     ImplicitDeny),
    ]
};

impl Case {
    fn principal(&self) -> Result<&'static Principal, FixtureError> {
        PRINCIPALS
            .get(self.principal)
            .ok_or_else(|| format!("no principal {}", self.principal).into())
    }

    fn repository(&self) -> Result<Option<&'static Repository>, FixtureError> {
        self.repository
            .map(|index| {
                REPOSITORIES
                    .get(index)
                    .ok_or_else(|| format!("no repository {index}").into())
            })
            .transpose()
    }
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let principal = PRINCIPALS.get(self.principal).map_or("?", |p| p.name);
        let repository = match self.repository {
            None => "*",
            Some(index) => REPOSITORIES.get(index).map_or("?", |r| r.name),
        };
        let transport = if self.secure_transport {
            "TLS"
        } else {
            "plain"
        };
        write!(
            f,
            "{principal} {} on {repository} ({transport}, from {})",
            self.action.name(),
            self.source_ip
        )
    }
}

fn repository_arn(repository: &Repository) -> String {
    format!(
        "arn:aws:ecr:us-east-1:{ACCOUNT}:repository/{}",
        repository.name
    )
}

/// The IAM side: the compiled evaluator, and each case's repository ARN and context, owned so that
/// [`Iam::requests`] can borrow them.
#[derive(Debug)]
pub struct Iam {
    evaluator: Evaluator,
    /// The same policies with two SCP levels, an RCP level and a boundary (`layers`).
    layered: Evaluator,
    resources: Vec<Option<RepositoryArn>>,
    contexts: Vec<Context>,
}

impl Iam {
    /// Compiles the policies and builds every case's context: the keys AWS would send, principal
    /// and resource tags included.
    ///
    /// # Errors
    ///
    /// If a policy or an ARN does not parse (a bug in the fixtures).
    pub fn new() -> Result<Self, FixtureError> {
        let identity = PolicyDocument::from_json(IDENTITY_POLICY)?;
        let repository = PolicyDocument::from_json(REPOSITORY_POLICY)?;
        let evaluator = Evaluator::new(std::slice::from_ref(&identity), Some(&repository))?;
        let document = PolicyDocument::from_json;
        let (root, ou) = ([document(layers::SCP_ROOT)?], [document(layers::SCP_OU)?]);
        let rcp = [document(layers::RCP_ACCOUNT)?];
        let boundary = document(layers::BOUNDARY)?;
        let layered = Evaluator::builder()
            .identity(std::slice::from_ref(&identity))
            .resource_policy(&repository)
            .scp_level(&root)
            .scp_level(&ou)
            .rcp_level(&rcp)
            .permissions_boundary(&boundary)
            .build()?;
        let mut resources = Vec::with_capacity(CASES.len());
        let mut contexts = Vec::with_capacity(CASES.len());
        for case in &CASES {
            let principal = case.principal()?;
            let repository = case.repository()?;
            resources.push(
                repository
                    .map(|r| RepositoryArn::from_str(&repository_arn(r)))
                    .transpose()?,
            );
            let mut context = Context::new()
                .with("aws:PrincipalArn", principal.principal_arn)
                .with("aws:PrincipalAccount", ACCOUNT)
                .with("aws:RequestedRegion", "us-east-1")
                .with(
                    "aws:SecureTransport",
                    if case.secure_transport {
                        "true"
                    } else {
                        "false"
                    },
                )
                .with("aws:SourceIp", case.source_ip);
            if let Some(team) = principal.team {
                context.insert("aws:PrincipalTag/team", team);
            }
            if let Some(role) = principal.role {
                context.insert("aws:PrincipalTag/role", role);
            }
            if let Some(team) = repository.and_then(|r| r.team) {
                context.insert("aws:ResourceTag/team", team);
            }
            contexts.push(context);
        }
        Ok(Self {
            evaluator,
            layered,
            resources,
            contexts,
        })
    }

    /// The evaluator.
    #[must_use]
    pub fn evaluator(&self) -> &Evaluator {
        &self.evaluator
    }

    /// The evaluator of the same policies with two SCP levels, an RCP level and a permissions
    /// boundary added (`ecr-actions/benches/fixtures/layers.rs`), which decide every request as
    /// before.
    #[must_use]
    pub fn layered_evaluator(&self) -> &Evaluator {
        &self.layered
    }

    /// The requests of [`CASES`], in order.
    #[must_use]
    pub fn requests(&self) -> Vec<Request<'_>> {
        CASES
            .iter()
            .zip(&self.resources)
            .zip(&self.contexts)
            .map(|((case, resource), context)| {
                let principal = PRINCIPALS.get(case.principal).map_or("", |p| p.arn);
                let resource = resource
                    .as_ref()
                    .map_or(Resource::Any, Resource::Repository);
                Request::new(principal, case.action, resource, context)
            })
            .collect()
    }
}

/// Decides every request; returns how many are allowed.
#[must_use]
pub fn iam_pass(evaluator: &Evaluator, requests: &[Request<'_>]) -> usize {
    requests
        .iter()
        .filter(|request| evaluator.evaluate(request) == Decision::Allow)
        .count()
}

/// Decides every request with an explanation (`Evaluator::evaluate_explained`: the decisive
/// statements and every statement's outcome, the counterpart of the reasons and errors in Cedar's
/// `Response`); returns how many were allowed.
#[must_use]
pub fn iam_pass_explained(evaluator: &Evaluator, requests: &[Request<'_>]) -> usize {
    requests
        .iter()
        .filter(|request| evaluator.evaluate_explained(request).decision == Decision::Allow)
        .count()
}

fn uid(entity_type: &str, id: &str) -> Result<EntityUid, FixtureError> {
    Ok(EntityUid::from_type_name_and_id(
        EntityTypeName::from_str(entity_type)?,
        EntityId::new(id),
    ))
}

fn uid_json((entity_type, id): (&str, &str)) -> Value {
    json!({"type": entity_type, "id": id})
}

/// The Cedar entities: principals with their attributes and parents, repositories with their
/// `team` and their namespace (`Repository::"app/web"` in `Namespace::"app"`).
fn entities_json() -> Value {
    let mut entities = Vec::new();
    for principal in &PRINCIPALS {
        let mut attrs = serde_json::Map::new();
        if let Some(team) = principal.team {
            attrs.insert("team".into(), team.into());
        }
        if let Some(role) = principal.role {
            attrs.insert("role".into(), role.into());
        }
        let parents: Vec<Value> = principal.parents.iter().map(|p| uid_json(*p)).collect();
        entities
            .push(json!({"uid": uid_json(principal.entity), "attrs": attrs, "parents": parents}));
    }
    for repository in &REPOSITORIES {
        let mut attrs = serde_json::Map::new();
        if let Some(team) = repository.team {
            attrs.insert("team".into(), team.into());
        }
        let parents: Vec<Value> = repository
            .name
            .split_once('/')
            .map(|(namespace, _)| uid_json(("Namespace", namespace)))
            .into_iter()
            .collect();
        entities.push(json!({
            "uid": uid_json(("Repository", repository.name)),
            "attrs": attrs,
            "parents": parents,
        }));
    }
    Value::Array(entities)
}

/// The Cedar side: policies, entities and the requests of [`CASES`], all built once.
#[derive(Debug)]
pub struct Cedar {
    /// The authorizer.
    pub authorizer: Authorizer,
    /// The policies.
    pub policies: PolicySet,
    /// The entities.
    pub entities: Entities,
    /// The requests of [`CASES`], in order.
    pub requests: Vec<cedar_policy::Request>,
}

impl Cedar {
    /// Parses the policies and entities, builds the requests.
    ///
    /// # Errors
    ///
    /// If the policies, the entities or a request do not parse (a bug in the fixtures).
    pub fn new() -> Result<Self, FixtureError> {
        let policies = PolicySet::from_str(CEDAR_POLICIES)?;
        let entities = Entities::from_json_value(entities_json(), None)?;
        let mut requests = Vec::with_capacity(CASES.len());
        for case in &CASES {
            let principal = case.principal()?;
            let (principal_type, principal_id) = principal.entity;
            let resource = match case.repository()? {
                Some(repository) => uid("Repository", repository.name)?,
                None => uid("Account", ACCOUNT)?,
            };
            let context = cedar_policy::Context::from_json_value(
                json!({
                    "secure_transport": case.secure_transport,
                    "source_ip": {"__extn": {"fn": "ip", "arg": case.source_ip}},
                    "requested_region": "us-east-1",
                }),
                None,
            )?;
            requests.push(cedar_policy::Request::new(
                uid(principal_type, principal_id)?,
                uid("Action", case.action.name())?,
                resource,
                context,
                None,
            )?);
        }
        Ok(Self {
            authorizer: Authorizer::new(),
            policies,
            entities,
            requests,
        })
    }

    /// Decides `request`.
    #[must_use]
    pub fn decide(&self, request: &cedar_policy::Request) -> cedar_policy::Response {
        self.authorizer
            .is_authorized(request, &self.policies, &self.entities)
    }
}

/// Decides every request; returns how many are allowed.
#[must_use]
pub fn cedar_pass(cedar: &Cedar) -> usize {
    cedar
        .requests
        .iter()
        .filter(|request| cedar.decide(request).decision() == cedar_policy::Decision::Allow)
        .count()
}

/// How the requests were decided, when both engines agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Agreement {
    /// Allowed.
    pub allowed: usize,
    /// Denied by a `Deny` statement, and by a Cedar `forbid`.
    pub explicitly_denied: usize,
    /// Denied because nothing allows (no Cedar policy applies).
    pub implicitly_denied: usize,
}

/// The requests on which the engines disagree, or that got an unexpected decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// One line per request.
    pub lines: Vec<String>,
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the IAM and Cedar policy sets disagree on {} request(s):",
            self.lines.len()
        )?;
        for line in &self.lines {
            writeln!(f, "  {line}")?;
        }
        Ok(())
    }
}

impl Error for Disagreement {}

/// Runs every request through both engines. They agree on a request when the IAM decision is the
/// expected one and Cedar decides the same way for the same reason: `Allow` by some `permit`;
/// `ExplicitDeny` by some `forbid`; `ImplicitDeny` with no policy applying. Cedar must also report
/// no error (an erroring policy is skipped, which could hide a difference).
///
/// # Errors
///
/// Every request on which they disagree.
pub fn check_agreement(iam: &Iam, cedar: &Cedar) -> Result<Agreement, Disagreement> {
    let mut agreement = Agreement {
        allowed: 0,
        explicitly_denied: 0,
        implicitly_denied: 0,
    };
    let mut lines = Vec::new();
    let requests = iam.requests();
    for ((case, iam_request), cedar_request) in CASES.iter().zip(&requests).zip(&cedar.requests) {
        let decision = iam.evaluator().evaluate(iam_request);
        let layered = iam.layered_evaluator().evaluate(iam_request);
        if layered != decision {
            lines.push(format!(
                "{case}: IAM says {decision}, with the layers {layered}"
            ));
        }
        let response = cedar.decide(cedar_request);
        let reasons: Vec<(Effect, &str)> = response
            .diagnostics()
            .reason()
            .filter_map(|id| cedar.policies.policy(id))
            .map(|policy| (policy.effect(), policy.annotation("id").unwrap_or("?")))
            .collect();
        let named: Vec<&str> = reasons.iter().map(|(_, id)| *id).collect();
        let errors: Vec<String> = response
            .diagnostics()
            .errors()
            .map(ToString::to_string)
            .collect();
        let cedar_decision = match (response.decision(), reasons.first()) {
            (cedar_policy::Decision::Allow, _) => Decision::Allow,
            (cedar_policy::Decision::Deny, Some((Effect::Forbid, _))) => Decision::ExplicitDeny,
            (cedar_policy::Decision::Deny, _) => Decision::ImplicitDeny,
        };
        if decision != case.expected || cedar_decision != case.expected || !errors.is_empty() {
            let statements: Vec<String> = iam
                .evaluator()
                .evaluate_explained(iam_request)
                .explanation
                .decisive
                .iter()
                .map(|id| id.sid.clone().unwrap_or_else(|| id.to_string()))
                .collect();
            lines.push(format!(
                "{case}: expected {}, IAM says {decision} (statements {statements:?}), Cedar says \
                 {cedar_decision} (policies {named:?}, errors {errors:?})",
                case.expected
            ));
            continue;
        }
        match decision {
            Decision::Allow => agreement.allowed += 1,
            Decision::ExplicitDeny => agreement.explicitly_denied += 1,
            Decision::ImplicitDeny => agreement.implicitly_denied += 1,
        }
    }
    if requests.len() != CASES.len() || cedar.requests.len() != CASES.len() {
        lines.push(format!(
            "{} cases, {} IAM requests, {} Cedar requests",
            CASES.len(),
            requests.len(),
            cedar.requests.len()
        ));
    }
    if lines.is_empty() {
        Ok(agreement)
    } else {
        Err(Disagreement { lines })
    }
}
