//! The IAM policy documents and the Cedar policy set decide every request of the benchmark the same
//! way, and as expected.

use cedar_compare::{Agreement, CASES, Cedar, Iam, cedar_pass, check_agreement, iam_pass};

#[test]
fn iam_and_cedar_agree_on_every_request() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let iam = Iam::new()?;
    let cedar = Cedar::new()?;
    let agreement = match check_agreement(&iam, &cedar) {
        Ok(agreement) => agreement,
        Err(disagreement) => panic!("{disagreement}"),
    };
    assert_eq!(
        agreement,
        Agreement {
            allowed: 10,
            explicitly_denied: 4,
            implicitly_denied: 8,
        }
    );
    assert_eq!(CASES.len(), 22);
    // What the benchmark times counts the same.
    assert_eq!(iam_pass(iam.evaluator(), &iam.requests()), 10);
    assert_eq!(cedar_pass(&cedar), 10);
    Ok(())
}
