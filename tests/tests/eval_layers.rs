//! The layers of the IAM decision beyond identity and repository policies: SCPs and RCPs by
//! organization level, a permissions boundary, session policies, a VPC endpoint policy. Each test
//! quotes the sentence of the IAM User Guide (or the AWS Organizations / PrivateLink guide) it
//! checks; the expected decisions are read from those sentences, not from the evaluator.

use ecr_actions::eval::{
    Context, Decision, Evaluation, Evaluator, PolicyId, PolicySetError, Reason, Request, Resource,
};
use ecr_actions::policy::{PolicyDocument, TypeRule};
use ecr_actions::{Action, RepositoryArn};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
const BOB: &str = "arn:aws:iam::444455556666:user/bob";
const SESSION: &str = "arn:aws:sts::111122223333:assumed-role/ci-builder/build-42";
const ROLE: &str = "arn:aws:iam::111122223333:role/ci-builder";
const ALLOW_ALL: &str = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#;
const ALLOW_ECR: &str = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}}"#;
/// Allows only what this file's requests never ask for.
const ALLOW_DESCRIBE: &str = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:DescribeImages", "Resource": "*"}}"#;

fn policy(json: &str) -> Result<PolicyDocument> {
    Ok(PolicyDocument::from_json(json)?)
}

/// A repository policy that allows `ecr:BatchGetImage` to `principal` (JSON text of the `AWS` value).
fn grant_to(principal: &str) -> Result<PolicyDocument> {
    policy(&format!(
        r#"{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow",
            "Principal": {{"AWS": {principal}}}, "Action": "ecr:BatchGetImage"}}}}"#
    ))
}

/// The layers of one test, as JSON text; `None` is an absent layer.
#[derive(Default)]
struct Stack<'a> {
    identity: &'a [&'a str],
    resource: Option<PolicyDocument>,
    scps: &'a [&'a [&'a str]],
    rcps: &'a [&'a [&'a str]],
    boundary: Option<&'a str>,
    session: &'a [&'a str],
    endpoint: Option<&'a str>,
}

fn docs(texts: &[&str]) -> Result<Vec<PolicyDocument>> {
    texts.iter().map(|t| policy(t)).collect()
}

impl Stack<'_> {
    fn evaluator(&self) -> std::result::Result<Evaluator, Box<dyn std::error::Error>> {
        let identity = docs(self.identity)?;
        let scps = self
            .scps
            .iter()
            .map(|l| docs(l))
            .collect::<Result<Vec<_>>>()?;
        let rcps = self
            .rcps
            .iter()
            .map(|l| docs(l))
            .collect::<Result<Vec<_>>>()?;
        let boundary = self.boundary.map(policy).transpose()?;
        let session = docs(self.session)?;
        let endpoint = self.endpoint.map(policy).transpose()?;
        let mut builder = Evaluator::builder()
            .identity(&identity)
            .session_policies(&session);
        if let Some(resource) = &self.resource {
            builder = builder.resource_policy(resource);
        }
        for level in &scps {
            builder = builder.scp_level(level);
        }
        for level in &rcps {
            builder = builder.rcp_level(level);
        }
        if let Some(boundary) = &boundary {
            builder = builder.permissions_boundary(boundary);
        }
        if let Some(endpoint) = &endpoint {
            builder = builder.vpc_endpoint_policy(endpoint);
        }
        Ok(builder.build()?)
    }

    /// `principal` pulls (`ecr:BatchGetImage`) from `repository` in `account` with `context`; the
    /// fast and the explained path must agree.
    fn pull(&self, principal: &str, account: &str, context: &Context) -> Result<Evaluation> {
        let evaluator = self.evaluator()?;
        let repository: RepositoryArn =
            format!("arn:aws:ecr:us-east-1:{account}:repository/app/web").parse()?;
        let request = Request::new(
            principal,
            Action::BatchGetImage,
            Resource::Repository(&repository),
            context,
        );
        let evaluation = evaluator.evaluate_explained(&request);
        assert_eq!(evaluator.evaluate(&request), evaluation.decision);
        Ok(evaluation)
    }

    fn pull_home(&self, principal: &str) -> Result<Evaluation> {
        self.pull(principal, "111122223333", &session_context())
    }
}

/// What AWS puts in the context of a role session's request: `aws:PrincipalArn` is the role's ARN.
fn session_context() -> Context {
    Context::new()
        .with("aws:PrincipalArn", ROLE)
        .with("aws:RequestedRegion", "us-east-1")
}

fn outcome(evaluation: &Evaluation) -> (Decision, Reason) {
    (evaluation.decision, evaluation.explanation.reason)
}

/// "An entity's permissions boundary allows it to perform only the actions that are allowed by
/// both its identity-based policies and its permissions boundaries." (Permissions boundaries for
/// IAM entities.)
#[test]
fn the_boundary_intersects_with_identity_policies() -> Result {
    let mut stack = Stack {
        identity: &[ALLOW_ECR],
        boundary: Some(ALLOW_DESCRIBE),
        ..Stack::default()
    };
    assert_eq!(
        outcome(&stack.pull_home(ALICE)?),
        (
            Decision::ImplicitDeny,
            Reason::PermissionsBoundaryDoesNotAllow
        )
    );
    stack.boundary = Some(ALLOW_ALL);
    assert_eq!(
        outcome(&stack.pull_home(ALICE)?),
        (Decision::Allow, Reason::IdentityAllows)
    );
    // The boundary grants nothing by itself.
    stack.identity = &[];
    assert_eq!(stack.pull_home(ALICE)?.decision, Decision::ImplicitDeny);
    Ok(())
}

/// "Within an account, an implicit deny in a permissions boundary does not limit the permissions
/// granted to an IAM user by a resource-based policy" (Policy evaluation logic, the "IAM user"
/// bullet), and a grant to `*` counts as direct: "Permissions boundaries and session policies do
/// not limit permissions granted using the aws:PrincipalArn condition key with a wildcard(*) in
/// the Principal element". A grant to the account only delegates to the account's IAM policies,
/// which the boundary limits.
#[test]
fn a_same_account_grant_to_the_user_passes_the_boundary() -> Result {
    let mut stack = Stack {
        boundary: Some(ALLOW_DESCRIBE),
        resource: Some(grant_to(&format!("\"{ALICE}\""))?),
        ..Stack::default()
    };
    assert_eq!(
        outcome(&stack.pull_home(ALICE)?),
        (Decision::Allow, Reason::RepositoryPolicyAllows)
    );
    stack.resource = Some(grant_to("\"*\"")?);
    assert_eq!(stack.pull_home(ALICE)?.decision, Decision::Allow);
    stack.resource = Some(grant_to("\"111122223333\"")?);
    stack.identity = &[ALLOW_ECR];
    assert_eq!(
        outcome(&stack.pull_home(ALICE)?),
        (
            Decision::ImplicitDeny,
            Reason::PermissionsBoundaryDoesNotAllow
        )
    );
    Ok(())
}

/// Session policies: "Permissions granted directly to a session are not limited by an implicit
/// deny in an identity-based policy, a permissions boundary, or session policy" and "The
/// resource-based policy permissions are not limited by the session policy" — for a grant to the
/// session ARN. A grant to the role ARN is limited by them (Policy evaluation logic, the "IAM
/// role" bullet), though it needs no identity policy.
#[test]
fn a_grant_to_the_session_passes_session_policies_and_one_to_the_role_does_not() -> Result {
    let mut stack = Stack {
        session: &[ALLOW_DESCRIBE],
        resource: Some(grant_to(&format!("\"{SESSION}\""))?),
        ..Stack::default()
    };
    assert_eq!(
        outcome(&stack.pull_home(SESSION)?),
        (Decision::Allow, Reason::RepositoryPolicyAllows)
    );
    stack.resource = Some(grant_to(&format!("\"{ROLE}\""))?);
    assert_eq!(
        outcome(&stack.pull_home(SESSION)?),
        (Decision::ImplicitDeny, Reason::SessionPoliciesDoNotAllow)
    );
    // Within the session policy, the grant to the role needs no identity policy.
    stack.session = &[ALLOW_ECR];
    assert_eq!(
        outcome(&stack.pull_home(SESSION)?),
        (Decision::Allow, Reason::RepositoryPolicyAllows)
    );
    Ok(())
}

/// The same for a boundary: a grant to the session ARN passes it, a grant to the role ARN does
/// not (Policy evaluation logic, "IAM role session" and "IAM role" bullets).
#[test]
fn a_grant_to_the_role_is_limited_by_the_boundary() -> Result {
    let mut stack = Stack {
        boundary: Some(ALLOW_DESCRIBE),
        resource: Some(grant_to(&format!("\"{ROLE}\""))?),
        ..Stack::default()
    };
    assert_eq!(
        outcome(&stack.pull_home(SESSION)?),
        (
            Decision::ImplicitDeny,
            Reason::PermissionsBoundaryDoesNotAllow
        )
    );
    stack.resource = Some(grant_to(&format!("\"{SESSION}\""))?);
    assert_eq!(stack.pull_home(SESSION)?.decision, Decision::Allow);
    stack.resource = Some(grant_to(&format!("\"{ROLE}\""))?);
    stack.boundary = Some(ALLOW_ECR);
    let evaluation = stack.pull_home(SESSION)?;
    assert_eq!(evaluation.decision, Decision::Allow);
    // What decided: the grant to the role, and the boundary it had to pass.
    let layers: Vec<PolicyId> = evaluation
        .explanation
        .decisive
        .iter()
        .map(|id| id.policy)
        .collect();
    assert_eq!(layers, [PolicyId::Resource, PolicyId::PermissionsBoundary]);
    Ok(())
}

/// Cross-account policy evaluation logic: the request is allowed only if the principal's account
/// allows it (its identity policies, within its boundary) and the resource policy allows it; "an
/// entity's permissions boundary" still limits the principal's side, whatever the repository
/// policy names.
#[test]
fn across_accounts_the_boundary_always_limits() -> Result {
    let mut stack = Stack {
        identity: &[ALLOW_ECR],
        boundary: Some(ALLOW_DESCRIBE),
        resource: Some(grant_to(&format!("\"{BOB}\""))?),
        ..Stack::default()
    };
    let context = Context::new();
    let evaluation = stack.pull(BOB, "111122223333", &context)?;
    assert!(evaluation.explanation.cross_account);
    assert_eq!(
        outcome(&evaluation),
        (
            Decision::ImplicitDeny,
            Reason::PermissionsBoundaryDoesNotAllow
        )
    );
    stack.boundary = Some(ALLOW_ECR);
    assert_eq!(
        outcome(&stack.pull(BOB, "111122223333", &context)?),
        (Decision::Allow, Reason::BothAllow)
    );
    Ok(())
}

/// "If the enforcement code does not find any applicable Allow statements in the SCPs, the
/// enforcement code returns a final decision of Deny" — at every level from the root to the
/// account (AWS Organizations, "SCP evaluation"); a Deny at any level decides, and its
/// explanation names the level and the statement.
#[test]
fn every_scp_level_must_allow_and_a_deny_names_its_level() -> Result {
    const DENY_REGIONS: &str = r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Sid": "DenyRegions", "Effect": "Deny", "Action": "*", "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}}}]}"#;
    let mut stack = Stack {
        identity: &[ALLOW_ECR],
        scps: &[&[ALLOW_ALL], &[ALLOW_DESCRIBE], &[DENY_REGIONS]],
        ..Stack::default()
    };
    assert_eq!(
        outcome(&stack.pull_home(ALICE)?),
        (
            Decision::ImplicitDeny,
            Reason::ServiceControlPolicyDoesNotAllow { level: 1 }
        )
    );
    // Allows in several policies of one level add up.
    stack.scps = &[&[ALLOW_ALL], &[ALLOW_DESCRIBE, ALLOW_ECR], &[DENY_REGIONS]];
    assert_eq!(stack.pull_home(ALICE)?.decision, Decision::Allow);
    let away = Context::new().with("aws:RequestedRegion", "eu-west-1");
    let evaluation = stack.pull(ALICE, "111122223333", &away)?;
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert_eq!(
        evaluation.explanation.decisive,
        [ecr_actions::eval::StatementId {
            policy: PolicyId::ServiceControl { level: 2, index: 0 },
            index: 1,
            sid: Some("DenyRegions".to_owned()),
        }]
    );
    assert!(
        evaluation
            .to_string()
            .contains("decided by SCP level 2 policy 0, statement 1 (`DenyRegions`)"),
        "{evaluation}"
    );
    // A level without a policy allows nothing; no level at all is no SCP.
    stack.scps = &[&[ALLOW_ALL], &[]];
    assert_eq!(stack.pull_home(ALICE)?.decision, Decision::ImplicitDeny);
    stack.scps = &[];
    assert_eq!(stack.pull_home(ALICE)?.decision, Decision::Allow);
    Ok(())
}

/// SCPs "limit permissions" of the principals of the account, whatever grants them: a same-account
/// repository policy that names the user does not get past an SCP that allows nothing for the
/// action (Policy evaluation logic: the SCP step comes before the resource-based policies step).
#[test]
fn scps_limit_what_a_repository_policy_grants() -> Result {
    let stack = Stack {
        resource: Some(grant_to(&format!("\"{ALICE}\""))?),
        scps: &[&[ALLOW_DESCRIBE]],
        ..Stack::default()
    };
    assert_eq!(stack.pull_home(ALICE)?.decision, Decision::ImplicitDeny);
    Ok(())
}

/// "SCPs do not affect any service-linked role" (AWS Organizations, "Service control policies"),
/// nor do RCPs restrict them. A service-linked role lives under `/aws-service-role/`; its session's
/// `aws:PrincipalArn` says so.
#[test]
fn organization_policies_do_not_affect_service_linked_roles() -> Result {
    let deny_all = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}"#;
    let stack = Stack {
        identity: &[ALLOW_ECR],
        scps: &[&[deny_all]],
        ..Stack::default()
    };
    let linked = "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForECRReplication/x";
    let context = Context::new().with(
        "aws:PrincipalArn",
        "arn:aws:iam::111122223333:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication",
    );
    assert_eq!(
        stack.pull(linked, "111122223333", &context)?.decision,
        Decision::Allow
    );
    // An ordinary role's session is denied, even if named like one.
    let context = Context::new().with(
        "aws:PrincipalArn",
        "arn:aws:iam::111122223333:role/AWSServiceRoleForECRReplication",
    );
    assert_eq!(
        stack.pull(linked, "111122223333", &context)?.decision,
        Decision::ExplicitDeny
    );
    Ok(())
}

/// RCPs: "RCPFullAWSAccess can't be detached, so there will always be an Allow statement" — the
/// evaluator adds it, so an empty RCP level changes nothing; a customer RCP's Deny applies
/// "whoever the principal is", here an outside account's user granted by the repository policy.
#[test]
fn rcps_only_deny() -> Result {
    const PERIMETER: &str = r#"{"Version": "2012-10-17", "Statement": {"Sid": "Perimeter", "Effect": "Deny",
        "Principal": "*", "Action": "ecr:*", "Resource": "*",
        "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}}"#;
    let mut stack = Stack {
        identity: &[ALLOW_ECR],
        resource: Some(grant_to(&format!("\"{BOB}\""))?),
        rcps: &[&[], &[], &[]],
        ..Stack::default()
    };
    let outside = Context::new().with("aws:PrincipalOrgID", "o-zz9y8x7w6v");
    assert_eq!(
        stack.pull(BOB, "111122223333", &outside)?.decision,
        Decision::Allow
    );
    stack.rcps = &[&[], &[PERIMETER]];
    let evaluation = stack.pull(BOB, "111122223333", &outside)?;
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert_eq!(
        evaluation.explanation.decisive[0].policy,
        PolicyId::ResourceControl { level: 1, index: 0 }
    );
    let inside = Context::new().with("aws:PrincipalOrgID", "o-a1b2c3d4e5");
    assert_eq!(
        stack.pull(BOB, "111122223333", &inside)?.decision,
        Decision::Allow
    );
    Ok(())
}

/// "An endpoint policy does not override or replace identity-based policies or resource-based
/// policies" (AWS PrivateLink, "Control access to VPC endpoints using endpoint policies"): a
/// request through the endpoint must be allowed by it too — even a same-account grant to the user.
#[test]
fn the_endpoint_policy_must_allow() -> Result {
    let endpoint_other_repos = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
        "Principal": "*", "Action": "ecr:*", "Resource": "arn:aws:ecr:*:111122223333:repository/other/*"}}"#;
    let mut stack = Stack {
        resource: Some(grant_to(&format!("\"{ALICE}\""))?),
        endpoint: Some(endpoint_other_repos),
        ..Stack::default()
    };
    assert_eq!(
        outcome(&stack.pull_home(ALICE)?),
        (
            Decision::ImplicitDeny,
            Reason::VpcEndpointPolicyDoesNotAllow
        )
    );
    let default_policy =
        r#"{"Statement": [{"Action": "*", "Effect": "Allow", "Principal": "*", "Resource": "*"}]}"#;
    stack.endpoint = Some(default_policy);
    let evaluation = stack.pull_home(ALICE)?;
    assert_eq!(evaluation.decision, Decision::Allow);
    // The deciding statements: the grant, and the endpoint's allow it had to pass.
    let layers: Vec<PolicyId> = evaluation
        .explanation
        .decisive
        .iter()
        .map(|id| id.policy)
        .collect();
    assert_eq!(layers, [PolicyId::Resource, PolicyId::VpcEndpoint]);
    Ok(())
}

/// "In all those policies, the enforcement code looks for a Deny statement that applies to the
/// request ... If the enforcement code finds even one explicit deny that applies, the enforcement
/// code returns a final decision of Deny" — a Deny in the boundary or a session policy beats a
/// direct grant that an implicit deny there would not limit.
#[test]
fn a_deny_in_the_boundary_or_a_session_policy_beats_a_direct_grant() -> Result {
    const DENY_PULL: &str = r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "ecr:BatchGetImage", "Resource": "*"}]}"#;
    let mut stack = Stack {
        resource: Some(grant_to(&format!("\"{SESSION}\""))?),
        boundary: Some(DENY_PULL),
        ..Stack::default()
    };
    let evaluation = stack.pull_home(SESSION)?;
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert_eq!(
        evaluation.explanation.decisive[0].policy,
        PolicyId::PermissionsBoundary
    );
    stack.boundary = None;
    stack.session = &[ALLOW_ALL, DENY_PULL];
    let evaluation = stack.pull_home(SESSION)?;
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert_eq!(
        evaluation.explanation.decisive[0].policy,
        PolicyId::Session(1)
    );
    let deny_endpoint = r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*"}]}"#;
    stack.session = &[];
    stack.endpoint = Some(deny_endpoint);
    assert_eq!(stack.pull_home(SESSION)?.decision, Decision::ExplicitDeny);
    Ok(())
}

/// "The `NotPrincipal` element with a `Deny` effect will always deny any IAM principal that has a
/// permissions boundary policy attached, regardless of the values specified in the `NotPrincipal`
/// element." (Permissions boundaries for IAM entities, "Important".)
#[test]
fn not_principal_deny_always_denies_a_principal_with_a_boundary() -> Result {
    let repository_policy = policy(&format!(
        r#"{{"Version": "2012-10-17", "Statement": [
            {{"Effect": "Allow", "Principal": {{"AWS": "{ALICE}"}}, "Action": "ecr:*"}},
            {{"Effect": "Deny", "NotPrincipal": {{"AWS": ["{ALICE}", "arn:aws:iam::111122223333:root"]}},
              "Action": "ecr:*"}}]}}"#
    ))?;
    let mut stack = Stack {
        identity: &[ALLOW_ECR],
        resource: Some(repository_policy),
        ..Stack::default()
    };
    assert_eq!(stack.pull_home(ALICE)?.decision, Decision::Allow);
    stack.boundary = Some(ALLOW_ALL);
    assert_eq!(stack.pull_home(ALICE)?.decision, Decision::ExplicitDeny);
    Ok(())
}

/// SCPs have no `Principal` (AWS Organizations, "SCP syntax": the elements summary lists no
/// `Principal`), and "The effect of Allow is only supported for the RCPFullAWSAccess policy" (RCP
/// syntax): the evaluator refuses such layers with the rule they break, naming the layer, the level
/// and the policy.
#[test]
fn a_refusal_names_the_layer_and_the_rule() -> Result {
    let with_principal = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny",
        "Principal": "*", "Action": "*", "Resource": "*"}}"#;
    let mut stack = Stack {
        scps: &[&[ALLOW_ALL], &[ALLOW_ALL, with_principal]],
        ..Stack::default()
    };
    let refusal = |stack: &Stack<'_>| -> Result<PolicySetError> {
        match stack.evaluator() {
            Ok(_) => Err("the evaluator accepted the policies".into()),
            Err(error) => Ok(*error
                .downcast::<PolicySetError>()
                .map_err(|e| format!("not a PolicySetError: {e}"))?),
        }
    };
    let error = refusal(&stack)?;
    let PolicySetError::InvalidForType {
        policy,
        error: ref why,
    } = error
    else {
        return Err(format!("unexpected error {error}").into());
    };
    assert_eq!(policy, PolicyId::ServiceControl { level: 1, index: 1 });
    assert_eq!(why.violations[0].rule, TypeRule::PrincipalNotAllowed);
    assert!(
        error.to_string().starts_with("SCP level 1 policy 1: "),
        "{error}"
    );
    stack.scps = &[];
    stack.rcps = &[&[ALLOW_ECR]];
    let error = refusal(&stack)?;
    assert!(
        matches!(
            error,
            PolicySetError::InvalidForType {
                policy: PolicyId::ResourceControl { level: 0, index: 0 },
                ..
            }
        ),
        "{error}"
    );
    // The managed RCPFullAWSAccess, written out, is accepted (and changes nothing).
    const FULL_ACCESS: &str = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
        "Principal": "*", "Action": "*", "Resource": "*"}}"#;
    stack.rcps = &[&[FULL_ACCESS]];
    assert!(stack.evaluator().is_ok());
    Ok(())
}
