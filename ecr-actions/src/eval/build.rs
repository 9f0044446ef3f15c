//! [`EvaluatorBuilder`]: every layer of the IAM decision, each optional, compiled once.

use super::compile::{self, Compiled};
use super::decision::PolicyId;
use super::variables::GlobCache;
use super::{Evaluator, PolicySetError};
use crate::policy::PolicyDocument;

/// The policies of every layer of the IAM decision, to compile into an [`Evaluator`].
///
/// Every layer is optional; a layer that is not given does not apply to the requests (as when the
/// account is not in an organization, the principal has no boundary, the session was created
/// without session policies, the request does not go through a VPC endpoint). A setter called
/// twice keeps the second value, but for [`scp_level`](Self::scp_level) and
/// [`rcp_level`](Self::rcp_level), which add one organization level each, root first.
///
/// How the layers combine (IAM User Guide, "Policy evaluation logic"): an explicit `Deny` in any
/// of them decides; every SCP level and the endpoint policy must allow; the boundary and session
/// policies limit what the identity policies grant, and what a repository policy grants to a
/// session's role, but not a same-account grant that names the user or the session itself.
///
/// ```
/// use ecr_actions::{Action, RepositoryArn};
/// use ecr_actions::eval::{Context, Decision, Evaluator, Reason, Request, Resource};
/// use ecr_actions::policy::PolicyDocument;
///
/// let doc = |json: &str| PolicyDocument::from_json(json);
/// let identity = doc(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#)?;
/// let full_access = doc(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#)?;
/// let deny_regions = doc(r#"{"Version": "2012-10-17", "Statement": [
///     {"Effect": "Allow", "Action": "*", "Resource": "*"},
///     {"Sid": "DenyRegions", "Effect": "Deny", "Action": "*", "Resource": "*",
///      "Condition": {"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}}}]}"#)?;
/// let boundary = doc(r#"{"Version": "2012-10-17", "Statement":
///     {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:PutImage"], "Resource": "*"}}"#)?;
/// let evaluator = Evaluator::builder()
///     .identity(std::slice::from_ref(&identity))
///     .scp_level(std::slice::from_ref(&full_access)) // the root
///     .scp_level(std::slice::from_ref(&deny_regions)) // the account
///     .permissions_boundary(&boundary)
///     .build()?;
///
/// let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app".parse()?;
/// let alice = "arn:aws:iam::111122223333:user/alice";
/// let home = Context::new().with("aws:RequestedRegion", "us-east-1");
/// let push = Request::new(alice, Action::PutImage, Resource::Repository(&repository), &home);
/// assert_eq!(evaluator.evaluate(&push), Decision::Allow);
///
/// // The boundary allows nothing for DeleteRepository.
/// let delete = Request::new(alice, Action::DeleteRepository, Resource::Repository(&repository), &home);
/// let evaluation = evaluator.evaluate_explained(&delete);
/// assert_eq!(evaluation.decision, Decision::ImplicitDeny);
/// assert_eq!(evaluation.explanation.reason, Reason::PermissionsBoundaryDoesNotAllow);
///
/// // The account's SCP denies every other region.
/// let away = Context::new().with("aws:RequestedRegion", "eu-west-1");
/// let push = Request::new(alice, Action::PutImage, Resource::Repository(&repository), &away);
/// let evaluation = evaluator.evaluate_explained(&push);
/// assert_eq!(evaluation.decision, Decision::ExplicitDeny);
/// assert_eq!(
///     evaluation.explanation.decisive[0].to_string(),
///     "SCP level 1 policy 0, statement 1 (`DenyRegions`)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct EvaluatorBuilder<'a> {
    identity: &'a [PolicyDocument],
    resource: Option<&'a PolicyDocument>,
    scps: Vec<&'a [PolicyDocument]>,
    rcps: Vec<&'a [PolicyDocument]>,
    boundary: Option<&'a PolicyDocument>,
    session: Option<&'a [PolicyDocument]>,
    endpoint: Option<&'a PolicyDocument>,
}

/// Compiles one policy of a layer the evaluator validates by type (every layer but the identity
/// and repository policies, whose rules `compile::policy` checks as it always has).
fn layer(
    document: &PolicyDocument,
    id: PolicyId,
    out: &mut Vec<Compiled>,
) -> Result<(), PolicySetError> {
    // Warnings (a boundary without an Allow) are policies AWS accepts: they evaluate as written.
    id.policy_type()
        .validate(document)
        .map_err(|error| PolicySetError::InvalidForType {
            policy: id,
            error: Box::new(error),
        })?;
    compile::policy(document, id, out)
}

impl<'a> EvaluatorBuilder<'a> {
    /// The identity policies: those attached to the user or role, and to the user's groups.
    pub fn identity(mut self, policies: &'a [PolicyDocument]) -> Self {
        self.identity = policies;
        self
    }

    /// The repository policy.
    ///
    /// ```
    /// use ecr_actions::{Action, RepositoryArn};
    /// use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
    /// use ecr_actions::policy::PolicyDocument;
    /// let repository_policy = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
    ///      "Action": "ecr:BatchGetImage"}}"#)?;
    /// let evaluator = Evaluator::builder().resource_policy(&repository_policy).build()?;
    /// let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app".parse()?;
    /// let context = Context::new();
    /// // Across accounts the other account's identity policies must allow too: here there are none.
    /// let pull = Request::new("arn:aws:iam::444455556666:user/bob", Action::BatchGetImage,
    ///     Resource::Repository(&repository), &context);
    /// assert_eq!(evaluator.evaluate(&pull), Decision::ImplicitDeny);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resource_policy(mut self, policy: &'a PolicyDocument) -> Self {
        self.resource = Some(policy);
        self
    }

    /// Adds one level of service control policies of the principal's organization: the SCPs
    /// attached to the root (first call), then to each OU on the path, then to the account. A
    /// request must be allowed by some SCP at every level ("If the enforcement code does not find
    /// any applicable Allow statements in the SCPs, the enforcement code returns a final decision
    /// of Deny"), so an empty level allows nothing (AWS keeps at least one SCP attached to every
    /// root, OU and account; `FullAWSAccess` is written out like any other). Without any level,
    /// no SCP applies (the management account, or an account outside an organization).
    ///
    /// ```
    /// use ecr_actions::{Action, RepositoryArn};
    /// use ecr_actions::eval::{Context, Decision, Evaluator, Reason, Request, Resource};
    /// use ecr_actions::policy::PolicyDocument;
    /// let admin = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#)?;
    /// let read_only = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:Describe*"], "Resource": "*"}}"#)?;
    /// let evaluator = Evaluator::builder()
    ///     .identity(std::slice::from_ref(&admin))
    ///     .scp_level(std::slice::from_ref(&admin))
    ///     .scp_level(std::slice::from_ref(&read_only))
    ///     .build()?;
    /// let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app".parse()?;
    /// let context = Context::new();
    /// let alice = "arn:aws:iam::111122223333:user/alice";
    /// let push = Request::new(alice, Action::PutImage, Resource::Repository(&repository), &context);
    /// let evaluation = evaluator.evaluate_explained(&push);
    /// assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    /// assert_eq!(evaluation.explanation.reason, Reason::ServiceControlPolicyDoesNotAllow { level: 1 });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scp_level(mut self, policies: &'a [PolicyDocument]) -> Self {
        self.scps.push(policies);
        self
    }

    /// Adds one level of customer resource control policies of the resource's organization (root
    /// first). The AWS managed `RCPFullAWSAccess` is attached at every level and cannot be
    /// detached, so the evaluator adds it: RCPs only deny, an empty level changes nothing ("The
    /// effect of Allow is only supported for the RCPFullAWSAccess policy"), and an `Allow` given
    /// here is never needed. Without any level, no RCP applies (the resource is in the management
    /// account, or RCPs are not enabled). Amazon ECR is among the services RCPs apply to (since
    /// June 2025); they apply whoever the principal is, in the organization or outside it, but
    /// not to service-linked roles. For an action without a resource (`ecr:GetAuthorizationToken`,
    /// resource `*`) the guides do not say whether RCPs are evaluated; the evaluator applies them
    /// (failing closed: a customer RCP can only deny).
    ///
    /// ```
    /// use ecr_actions::{Action, RepositoryArn};
    /// use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
    /// use ecr_actions::policy::PolicyDocument;
    /// let repository_policy = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}}"#)?;
    /// let perimeter = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Deny", "Principal": "*", "Action": "ecr:*", "Resource": "*",
    ///      "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}}"#)?;
    /// let evaluator = Evaluator::builder()
    ///     .resource_policy(&repository_policy)
    ///     .rcp_level(&[])
    ///     .rcp_level(std::slice::from_ref(&perimeter))
    ///     .build()?;
    /// let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app".parse()?;
    /// let outside = Context::new().with("aws:PrincipalOrgID", "o-zz9y8x7w6v");
    /// let pull = Request::new("arn:aws:iam::444455556666:user/mallory", Action::BatchGetImage,
    ///     Resource::Repository(&repository), &outside);
    /// assert_eq!(evaluator.evaluate(&pull), Decision::ExplicitDeny);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rcp_level(mut self, policies: &'a [PolicyDocument]) -> Self {
        self.rcps.push(policies);
        self
    }

    /// The principal's permissions boundary (for a role session, the role's). It grants nothing:
    /// "An entity's permissions boundary allows it to perform only the actions that are allowed by
    /// both its identity-based policies and its permissions boundaries." A same-account repository
    /// policy that names the user or the session itself grants past it; one that names the
    /// session's role does not. With a boundary, a repository-policy `Deny` with `NotPrincipal`
    /// denies the principal whatever the `NotPrincipal` lists ("The `NotPrincipal` element with a
    /// `Deny` effect will always deny any IAM principal that has a permissions boundary policy
    /// attached").
    ///
    /// ```
    /// use ecr_actions::{Action, RepositoryArn};
    /// use ecr_actions::eval::{Context, Decision, Evaluator, Request, Resource};
    /// use ecr_actions::policy::PolicyDocument;
    /// let boundary = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Action": "ecr:Describe*", "Resource": "*"}}"#)?;
    /// let repository_policy = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"},
    ///      "Action": "ecr:BatchGetImage"}}"#)?;
    /// let evaluator = Evaluator::builder()
    ///     .resource_policy(&repository_policy)
    ///     .permissions_boundary(&boundary)
    ///     .build()?;
    /// let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app".parse()?;
    /// let context = Context::new();
    /// let pull = Request::new("arn:aws:iam::111122223333:user/alice", Action::BatchGetImage,
    ///     Resource::Repository(&repository), &context);
    /// // Named directly in the same account: the boundary does not limit the grant.
    /// assert_eq!(evaluator.evaluate(&pull), Decision::Allow);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn permissions_boundary(mut self, policy: &'a PolicyDocument) -> Self {
        self.boundary = Some(policy);
        self
    }

    /// The session policies passed when the role session was created (inline and managed). They
    /// grant nothing: "The resulting session's permissions are the intersection of the role's
    /// identity-based policy and the session policies"; a Deny in any denies, an Allow in any is
    /// enough. A same-account repository policy that names the session ARN grants past them
    /// ("Permissions granted directly to a session are not limited by an implicit deny in an
    /// identity-based policy, a permissions boundary, or session policy"); one that names the role
    /// ARN does not. An empty slice is a session without session policies.
    ///
    /// ```
    /// use ecr_actions::{Action, RepositoryArn};
    /// use ecr_actions::eval::{Context, Decision, Evaluator, Reason, Request, Resource};
    /// use ecr_actions::policy::PolicyDocument;
    /// let role_policy = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#)?;
    /// let pull_only = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}}"#)?;
    /// let evaluator = Evaluator::builder()
    ///     .identity(std::slice::from_ref(&role_policy))
    ///     .session_policies(std::slice::from_ref(&pull_only))
    ///     .build()?;
    /// let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app".parse()?;
    /// let context = Context::new();
    /// let session = "arn:aws:sts::111122223333:assumed-role/ci-builder/build-42";
    /// let push = Request::new(session, Action::PutImage, Resource::Repository(&repository), &context);
    /// let evaluation = evaluator.evaluate_explained(&push);
    /// assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    /// assert_eq!(evaluation.explanation.reason, Reason::SessionPoliciesDoNotAllow);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn session_policies(mut self, policies: &'a [PolicyDocument]) -> Self {
        self.session = Some(policies).filter(|policies| !policies.is_empty());
        self
    }

    /// The policy of the VPC endpoint the request goes through. It must allow the request ("An
    /// endpoint policy does not override or replace identity-based policies or resource-based
    /// policies"): otherwise the request is implicitly denied, whatever else grants it.
    ///
    /// ```
    /// use ecr_actions::{Action, RepositoryArn};
    /// use ecr_actions::eval::{Context, Decision, Evaluator, Reason, Request, Resource};
    /// use ecr_actions::policy::PolicyDocument;
    /// let identity = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#)?;
    /// let endpoint = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage",
    ///      "Resource": "arn:aws:ecr:*:111122223333:repository/*"}}"#)?;
    /// let evaluator = Evaluator::builder()
    ///     .identity(std::slice::from_ref(&identity))
    ///     .vpc_endpoint_policy(&endpoint)
    ///     .build()?;
    /// let repository: RepositoryArn = "arn:aws:ecr:us-east-1:111122223333:repository/app".parse()?;
    /// let context = Context::new();
    /// let alice = "arn:aws:iam::111122223333:user/alice";
    /// let pull = Request::new(alice, Action::BatchGetImage, Resource::Repository(&repository), &context);
    /// assert_eq!(evaluator.evaluate(&pull), Decision::Allow);
    /// let push = Request::new(alice, Action::PutImage, Resource::Repository(&repository), &context);
    /// let evaluation = evaluator.evaluate_explained(&push);
    /// assert_eq!(evaluation.explanation.reason, Reason::VpcEndpointPolicyDoesNotAllow);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vpc_endpoint_policy(mut self, policy: &'a PolicyDocument) -> Self {
        self.endpoint = Some(policy);
        self
    }

    /// Compiles every layer.
    ///
    /// # Errors
    ///
    /// The first policy AWS would refuse, named by its layer ([`PolicyId`]). SCPs, RCPs, the
    /// boundary, session policies and the endpoint policy are first checked against the rules AWS
    /// enforces for their type ([`PolicySetError::InvalidForType`], from
    /// [`PolicyType::validate`](crate::policy::PolicyType::validate): an SCP with a `Principal`, an
    /// RCP with an `Allow` other than `RCPFullAWSAccess`'s or a `Principal` other than `"*"`, a
    /// policy over its type's size…). Then, in every layer: a `Principal` in a policy that names
    /// none, a statement without `Resource` there, a statement without `Principal` in one that
    /// names principals, a malformed action, resource, principal, condition value or policy
    /// variable.
    ///
    /// ```
    /// use ecr_actions::eval::{PolicySetError, Evaluator, PolicyId};
    /// use ecr_actions::policy::{PolicyDocument, TypeRule};
    /// let rcp = PolicyDocument::from_json(r#"{"Version": "2012-10-17", "Statement":
    ///     {"Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*"}}"#)?;
    /// let error = Evaluator::builder().rcp_level(&[]).rcp_level(&[rcp]).build().unwrap_err();
    /// let PolicySetError::InvalidForType { policy, error } = &error else { return Err(error.into()) };
    /// assert_eq!(*policy, PolicyId::ResourceControl { level: 1, index: 0 });
    /// assert_eq!(error.violations[0].rule, TypeRule::AllowNotSupported);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(self) -> Result<Evaluator, PolicySetError> {
        let mut identity = Vec::new();
        for (index, document) in self.identity.iter().enumerate() {
            compile::policy(document, PolicyId::Identity(index), &mut identity)?;
        }
        let mut resource = Vec::new();
        if let Some(document) = self.resource {
            compile::policy(document, PolicyId::Resource, &mut resource)?;
        }
        if self.boundary.is_some() {
            for statement in &mut resource {
                statement.deny_not_principal_to_everyone();
            }
        }
        let mut scps = Vec::with_capacity(self.scps.len());
        for (level, documents) in self.scps.iter().enumerate() {
            let mut statements = Vec::new();
            for (index, document) in documents.iter().enumerate() {
                let id = PolicyId::ServiceControl { level, index };
                layer(document, id, &mut statements)?;
            }
            scps.push(statements);
        }
        let mut rcps = Vec::new();
        for (level, documents) in self.rcps.iter().enumerate() {
            for (index, document) in documents.iter().enumerate() {
                let id = PolicyId::ResourceControl { level, index };
                layer(document, id, &mut rcps)?;
            }
        }
        let single = |document: Option<&PolicyDocument>, id| -> Result<_, PolicySetError> {
            document
                .map(|document| {
                    let mut statements = Vec::new();
                    layer(document, id, &mut statements).map(|()| statements)
                })
                .transpose()
        };
        let boundary = single(self.boundary, PolicyId::PermissionsBoundary)?;
        let endpoint = single(self.endpoint, PolicyId::VpcEndpoint)?;
        let session = match self.session {
            None => None,
            Some(documents) => {
                let mut statements: Vec<Compiled> = Vec::new();
                for (index, document) in documents.iter().enumerate() {
                    layer(document, PolicyId::Session(index), &mut statements)?;
                }
                Some(statements)
            }
        };
        Ok(Evaluator {
            identity,
            resource,
            scps,
            rcps,
            boundary,
            session,
            endpoint,
            cache: GlobCache::default(),
        })
    }
}
