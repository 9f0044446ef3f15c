//! The `tour` example runs, and says what the IAM User Guide says it should.

#![cfg(feature = "policy")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[allow(
    dead_code,
    unreachable_pub,
    reason = "the example's `main` is not what this test calls"
)]
#[path = "../examples/tour.rs"]
mod tour;

fn output() -> String {
    let mut out = Vec::new();
    tour::tour(&mut out).expect("the tour runs");
    String::from_utf8(out).expect("the tour writes UTF-8")
}

/// The tour visits every part a newcomer needs, in order.
#[test]
fn the_tour_covers_actions_sets_builder_lint_and_evaluation() {
    let text = output();
    let mut at = 0;
    for heading in [
        "1. Actions",
        "2. Sets and patterns",
        "3. The builder",
        "4. The linter",
        "5. An evaluation",
    ] {
        let found = text[at..]
            .find(&format!("\n{heading}"))
            .unwrap_or_else(|| panic!("no {heading:?} after byte {at} in:\n{text}"));
        at += found + 1;
    }
}

/// The decisions the tour prints are the IAM User Guide's ("Policy evaluation logic"): a request is
/// allowed only if a statement allows it and its conditions hold (`"Bool": {"aws:SecureTransport":
/// "true"}` holds only over TLS), and "by default, all requests are implicitly denied" — so a pull
/// without TLS and a push the policy never mentions are `ImplicitDeny`.
#[test]
fn the_tour_decides_as_iam_does() {
    let text = output();
    for line in [
        "ecr:BatchGetImage on repository web/api over TLS: Allow",
        "ecr:BatchGetImage on repository web/api over plain HTTP: ImplicitDeny",
        "ecr:PutImage on repository web/api over TLS: ImplicitDeny",
    ] {
        assert!(text.lines().any(|l| l == line), "no {line:?} in:\n{text}");
    }
}

/// The linter part shows the two mistakes of the hand-written policy: a misspelt action (the
/// Service Authorization Reference lists `ecr:BatchGetImage`) and `ecr:GetAuthorizationToken`
/// with a repository ARN (it supports no resource type, so IAM needs `"Resource": "*"`).
#[test]
fn the_tour_shows_the_linter_findings_one_a_line() {
    let text = output();
    assert!(
        text.contains("\nerror[unknown-action] at Statement[0].Action: "),
        "{text}"
    );
    assert!(
        text.contains("\nerror[resource-star-required] at Statement[1].Action: "),
        "{text}"
    );
}
