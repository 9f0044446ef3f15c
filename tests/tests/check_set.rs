//! The policy checks over a policy set (`check::PolicySet`): each rule of the layer-by-layer
//! comparison on a case the IAM User Guide decides; every witness is decided again by the layered
//! evaluator (`Evaluator::builder`), built here from the same documents.

use ecr_actions::check::{
    self, CheckResult, Evidence, Finding, Layer, PolicySet, Verdict, Witness,
};
use ecr_actions::eval::Evaluator;
use ecr_actions::policy::PolicyDocument;
use ecr_actions::{Action, ActionPattern};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn document(statements: &str) -> Result<PolicyDocument> {
    Ok(PolicyDocument::from_json(&format!(
        r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#
    ))?)
}

const ALLOW_ALL: &str = r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#;
const ECR_ALL: &str = r#"{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}"#;

/// The documents of a set, by layer.
#[derive(Default)]
struct Docs {
    identity: Vec<PolicyDocument>,
    repository: Option<PolicyDocument>,
    scps: Vec<Vec<PolicyDocument>>,
    rcps: Vec<Vec<PolicyDocument>>,
    boundary: Option<PolicyDocument>,
    session: Vec<PolicyDocument>,
    endpoint: Option<PolicyDocument>,
}

impl Docs {
    fn identity(statements: &str) -> Result<Self> {
        Ok(Self {
            identity: vec![document(statements)?],
            ..Self::default()
        })
    }

    fn set(&self) -> Result<PolicySet> {
        let mut b = PolicySet::builder()
            .identity(&self.identity)
            .session_policies(&self.session);
        if let Some(p) = &self.repository {
            b = b.resource_policy(p);
        }
        for level in &self.scps {
            b = b.scp_level(level);
        }
        for level in &self.rcps {
            b = b.rcp_level(level);
        }
        if let Some(p) = &self.boundary {
            b = b.permissions_boundary(p);
        }
        if let Some(p) = &self.endpoint {
            b = b.vpc_endpoint_policy(p);
        }
        Ok(b.build()?)
    }

    fn evaluator(&self) -> Result<Evaluator> {
        let mut b = Evaluator::builder()
            .identity(&self.identity)
            .session_policies(&self.session);
        if let Some(p) = &self.repository {
            b = b.resource_policy(p);
        }
        for level in &self.scps {
            b = b.scp_level(level);
        }
        for level in &self.rcps {
            b = b.rcp_level(level);
        }
        if let Some(p) = &self.boundary {
            b = b.permissions_boundary(p);
        }
        if let Some(p) = &self.endpoint {
            b = b.vpc_endpoint_policy(p);
        }
        Ok(b.build()?)
    }
}

fn witnesses(result: &CheckResult) -> Vec<&Witness> {
    result
        .reasons
        .iter()
        .filter_map(|r| match &r.evidence {
            Evidence::Witness(w) => Some(w),
            _ => None,
        })
        .collect()
}

/// Checks OLD against NEW; every witness is allowed by NEW's layered evaluator and not by OLD's.
fn check(old: &Docs, new: &Docs) -> Result<CheckResult> {
    let result = check::no_new_access_set(&old.set()?, &new.set()?);
    let (old_eval, new_eval) = (old.evaluator()?, new.evaluator()?);
    for w in witnesses(&result) {
        assert!(new_eval.evaluate(&w.request()).is_allowed(), "{w}");
        assert!(!old_eval.evaluate(&w.request()).is_allowed(), "{w}");
    }
    Ok(result)
}

fn layers(result: &CheckResult) -> Vec<Layer> {
    result
        .reasons
        .iter()
        .filter_map(|r| match &r.finding {
            Finding::InLayer { layer, .. } => Some(*layer),
            _ => None,
        })
        .collect()
}

/// The same set passes against itself: nothing changed, nothing new.
#[test]
fn same_set_passes() -> Result {
    let mut docs = Docs::identity(ECR_ALL)?;
    docs.scps = vec![vec![document(ALLOW_ALL)?]];
    docs.boundary = Some(document(ECR_ALL)?);
    let result = check(&docs, &docs)?;
    assert_eq!(result.verdict, Verdict::Pass, "{result}");
    Ok(())
}

/// "If the enforcement code does not find any applicable Allow statements in the SCPs, the
/// enforcement code returns a final decision of Deny" (IAM User Guide, "Policy evaluation logic"):
/// an SCP that allows less lets less through, so tightening it passes, and loosening it fails.
#[test]
fn tightening_an_scp_passes() -> Result {
    let mut old = Docs::identity(ECR_ALL)?;
    old.scps = vec![vec![document(
        r#"{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:PutImage"], "Resource": "*"}"#,
    )?]];
    let mut new = Docs::identity(ECR_ALL)?;
    new.scps = vec![vec![document(
        r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
    )?]];
    let result = check(&old, &new)?;
    assert_eq!(result.verdict, Verdict::Pass, "{result}");
    let back = check(&new, &old)?;
    assert_eq!(back.verdict, Verdict::Fail, "{back}");
    assert!(
        witnesses(&back)
            .iter()
            .all(|w| w.action == Action::PutImage)
    );
    assert!(
        layers(&back)
            .iter()
            .all(|l| *l == Layer::ServiceControl { level: 0 })
    );
    Ok(())
}

/// "An entity's permissions boundary allows it to perform only the actions that are allowed by
/// both its identity-based policies and its permissions boundaries" (IAM User Guide, "Permissions
/// boundaries for IAM entities"): a boundary that allows more is new access, with a witness the
/// layered evaluator confirms.
#[test]
fn loosening_a_boundary_fails_with_a_witness() -> Result {
    let mut old = Docs::identity(ECR_ALL)?;
    old.boundary = Some(document(
        r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
    )?);
    let mut new = Docs::identity(ECR_ALL)?;
    new.boundary = Some(document(
        r#"{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:DeleteRepository"], "Resource": "*"}"#,
    )?);
    let result = check(&old, &new)?;
    assert_eq!(result.verdict, Verdict::Fail, "{result}");
    let found = witnesses(&result);
    assert!(!found.is_empty(), "{result}");
    assert!(found.iter().all(|w| w.action == Action::DeleteRepository));
    Ok(())
}

/// "If the enforcement code finds even one explicit deny that applies, the enforcement code returns
/// a final decision of Deny" (IAM User Guide, "Policy evaluation logic"), in a session policy too:
/// removing a Deny from a session policy is new access.
#[test]
fn removing_a_deny_from_a_session_policy_fails() -> Result {
    let mut old = Docs::identity(ECR_ALL)?;
    old.session = vec![document(&format!(
        r#"{ECR_ALL}, {{"Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "*"}}"#
    ))?];
    let mut new = Docs::identity(ECR_ALL)?;
    new.session = vec![document(ECR_ALL)?];
    let result = check(&old, &new)?;
    assert_eq!(result.verdict, Verdict::Fail, "{result}");
    assert!(
        witnesses(&result)
            .iter()
            .any(|w| w.action == Action::DeleteRepository)
    );
    assert!(layers(&result).contains(&Layer::Session));
    Ok(())
}

/// "If the enforcement code does not find any applicable Allow statements in the SCPs, the
/// enforcement code returns a final decision of Deny" (IAM User Guide, "Policy evaluation logic"),
/// at every level from the root to the account (AWS Organizations, "SCP evaluation"): an SCP level
/// added below the others only narrows, so it passes; removing one that allowed less fails.
#[test]
fn adding_an_scp_level_passes_and_removing_one_fails() -> Result {
    let mut old = Docs::identity(ECR_ALL)?;
    old.scps = vec![vec![document(ALLOW_ALL)?]];
    let mut new = Docs::identity(ECR_ALL)?;
    new.scps = vec![
        vec![document(ALLOW_ALL)?],
        vec![document(
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
        )?],
    ];
    let result = check(&old, &new)?;
    assert_eq!(result.verdict, Verdict::Pass, "{result}");
    let back = check(&new, &old)?;
    assert_eq!(back.verdict, Verdict::Fail, "{back}");
    assert!(
        layers(&back)
            .iter()
            .all(|l| *l == Layer::ServiceControl { level: 1 })
    );
    Ok(())
}

/// A restricting layer added (a boundary, session policies, an endpoint policy) only narrows:
/// "An endpoint policy does not override or replace identity-based policies or resource-based
/// policies" (AWS PrivateLink guide, "Control access to VPC endpoints using endpoint policies").
#[test]
fn adding_restricting_layers_passes() -> Result {
    let old = Docs::identity(ECR_ALL)?;
    let mut new = Docs::identity(ECR_ALL)?;
    new.boundary = Some(document(ECR_ALL)?);
    new.session = vec![document(
        r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
    )?];
    new.endpoint = Some(document(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
    )?);
    let result = check(&old, &new)?;
    assert_eq!(result.verdict, Verdict::Pass, "{result}");
    let back = check(&new, &old)?;
    assert_eq!(back.verdict, Verdict::Fail, "{back}");
    Ok(())
}

/// A Deny in an identity policy also denies what the repository policy grants ("even one explicit
/// deny that applies"): in a set, removing an identity Deny is new access even where no identity
/// Allow meets it.
#[test]
fn removing_an_identity_deny_that_fenced_a_repository_grant_fails() -> Result {
    let repository = document(
        r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"},
            "Action": "ecr:DeleteRepository"}"#,
    )?;
    let mut old =
        Docs::identity(r#"{"Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "*"}"#)?;
    old.repository = Some(repository.clone());
    let mut new =
        Docs::identity(r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#)?;
    new.repository = Some(repository);
    let result = check(&old, &new)?;
    assert_ne!(result.verdict, Verdict::Pass, "{result}");
    assert!(layers(&result).contains(&Layer::Identity));
    Ok(())
}

/// "The effect of Allow is only supported for the RCPFullAWSAccess policy" (Organizations User
/// Guide, "Resource control policies"): RCPs only deny, so removing an RCP's Deny is new access and
/// adding one is not.
#[test]
fn rcps_compare_by_their_denies() -> Result {
    let rcp = document(
        r#"{"Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*"}"#,
    )?;
    let old = Docs::identity(ECR_ALL)?;
    let mut new = Docs::identity(ECR_ALL)?;
    new.rcps = vec![vec![rcp]];
    let result = check(&old, &new)?;
    assert_eq!(result.verdict, Verdict::Pass, "{result}");
    let back = check(&new, &old)?;
    assert_eq!(back.verdict, Verdict::Fail, "{back}");
    assert!(layers(&back).contains(&Layer::ResourceControl));
    Ok(())
}

/// "The `NotPrincipal` element with a `Deny` effect will always deny any IAM principal that has a
/// permissions boundary policy attached, regardless of the values specified in the `NotPrincipal`
/// element" (IAM User Guide, "Permissions boundaries for IAM entities", Important box): dropping
/// the boundary changes what OLD's repository Deny covers, so the check does not pass.
#[test]
fn dropping_a_boundary_under_a_not_principal_deny_is_not_proven() -> Result {
    let repository = document(
        r#"{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/alice"},
            "Action": "ecr:*"},
           {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ecr:*"}"#,
    )?;
    let mut old = Docs::identity(ECR_ALL)?;
    old.repository = Some(repository.clone());
    old.boundary = Some(document(ALLOW_ALL)?);
    let mut new = Docs::identity(ECR_ALL)?;
    new.repository = Some(repository);
    let result = check(&old, &new)?;
    assert_ne!(result.verdict, Verdict::Pass, "{result}");
    Ok(())
}

/// `access_not_granted_set`: the granting layers (identity, repository) decide a PASS; a FAIL's
/// witness is allowed by the layered evaluator ("An entity's permissions boundary allows it to
/// perform only the actions that are allowed by both…": a boundary that blocks it leaves it
/// unproven).
#[test]
fn access_not_granted_over_a_set() -> Result {
    let delete: [ActionPattern; 1] = ["ecr:DeleteRepository".parse()?];
    let mut docs =
        Docs::identity(r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#)?;
    let result = check::access_not_granted_set(&docs.set()?, &delete, &[]);
    assert_eq!(result.verdict, Verdict::Pass, "{result}");

    docs.repository = Some(document(
        r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"},
            "Action": "ecr:DeleteRepository"}"#,
    )?);
    let result = check::access_not_granted_set(&docs.set()?, &delete, &[]);
    assert_eq!(result.verdict, Verdict::Fail, "{result}");
    let evaluator = docs.evaluator()?;
    for w in witnesses(&result) {
        assert!(evaluator.evaluate(&w.request()).is_allowed(), "{w}");
    }

    let mut fenced = Docs::identity(ECR_ALL)?;
    fenced.boundary = Some(document(
        r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
    )?);
    let result = check::access_not_granted_set(&fenced.set()?, &delete, &[]);
    assert_eq!(result.verdict, Verdict::Unproven, "{result}");
    Ok(())
}

/// A policy invalid for its layer is refused, as the evaluator refuses it: SCPs have no
/// `Principal` (AWS Organizations, "SCP syntax": the elements summary lists no `Principal`).
#[test]
fn a_policy_invalid_for_its_layer_is_refused() -> Result {
    let scp = vec![document(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}"#,
    )?];
    let result = PolicySet::builder().scp_level(&scp).build();
    assert!(result.is_err());
    Ok(())
}

/// Under `2008-10-17`, "variables such as ${aws:username} aren't recognized as variables and are
/// instead treated as literal strings in the policy" (IAM User Guide, "IAM JSON policy elements:
/// Version"): a layer whose policies differ in `Version` is not compared (FAIL (could not prove)),
/// never a PASS.
#[test]
fn a_layer_of_mixed_versions_is_not_proven() -> Result {
    let v2012 = document(
        r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage",
            "Resource": "arn:aws:ecr:*:111122223333:repository/${aws:username}/*"}"#,
    )?;
    let v2008 = PolicyDocument::from_json(
        r#"{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:PutImage",
            "Resource": "arn:aws:ecr:*:111122223333:repository/${aws:username}/*"}}"#,
    )?;
    let docs = Docs {
        identity: vec![v2012, v2008],
        ..Docs::default()
    };
    let result = check(&docs, &docs)?;
    assert_eq!(result.verdict, Verdict::Unproven, "{result}");
    Ok(())
}
