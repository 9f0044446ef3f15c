//! The `registry_gate` example, called as a client calls it: real HTTP/1.1 requests over loopback
//! to the service started on `127.0.0.1:0`, with the example's own policy files. Each test starts
//! its own gate and is bounded in time.

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
    reason = "the example's `main` and command line are not what these tests call"
)]
#[path = "../examples/registry_gate.rs"]
mod registry_gate;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const READER: &str = "arn:aws:sts::111122223333:assumed-role/reader/alice";
const BUILDER: &str = "arn:aws:sts::111122223333:assumed-role/ci-builder/build-42";
const PARTNER: &str = "arn:aws:iam::444455556666:role/deployer";
const STRANGER: &str = "arn:aws:iam::999988887777:user/mallory";
const WEB_API: &str = "arn:aws:ecr:us-east-1:111122223333:repository/web/api";

/// A gate with the example's policies, serving on a loopback port of the test's runtime.
async fn start() -> SocketAddr {
    let gate = registry_gate::gate_from_files(
        &[PathBuf::from(registry_gate::IDENTITY_POLICY)],
        Some(Path::new(registry_gate::REPOSITORY_POLICY)),
    )
    .expect("the example's policies compile");
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(registry_gate::serve(listener, Arc::new(gate)));
    address
}

/// Sends one request with `Connection: close` and reads the status and the JSON body (`Null` if
/// there is none, as for `HEAD`).
async fn send(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> (u16, Value) {
    let (status, _, body) = exchange(
        address,
        method,
        path,
        headers.iter().map(|(n, v)| (*n, v.as_bytes())),
    )
    .await;
    (status, body)
}

/// Sends one request (header values as raw bytes) and reads the status, the response's header
/// lines (names lowercased) and the JSON body.
async fn exchange<'a>(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: impl Iterator<Item = (&'a str, &'a [u8])>,
) -> (u16, Vec<String>, Value) {
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: 0\r\n"
    )
    .into_bytes();
    for (name, value) in headers {
        text.extend_from_slice(format!("{name}: ").as_bytes());
        text.extend_from_slice(value);
        text.extend_from_slice(b"\r\n");
    }
    text.extend_from_slice(b"\r\n");
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(&text).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let response = String::from_utf8(response).unwrap();
    let (head, body) = response
        .split_once("\r\n\r\n")
        .expect("a complete response");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let lines = head
        .lines()
        .skip(1)
        .map(|line| match line.split_once(':') {
            Some((name, value)) => format!("{}:{value}", name.to_ascii_lowercase()),
            None => line.to_owned(),
        })
        .collect();
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
    };
    (status, lines, body)
}

/// The message of the first error of a body in the distribution spec's format.
fn message(body: &Value) -> &str {
    body["errors"][0]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("no error message in {body}"))
}

/// Runs `test` against a fresh gate, failing it if it takes more than ten seconds.
async fn with_gate<F: Future<Output = ()>>(test: impl FnOnce(SocketAddr) -> F) {
    let run = async { test(start().await).await };
    tokio::time::timeout(Duration::from_secs(10), run)
        .await
        .expect("the test finishes in time");
}

fn assert_allowed(response: &(u16, Value), status: u16, action: &str, resource: &str) {
    let (got, body) = response;
    assert_eq!(*got, status, "{body}");
    assert_eq!(body["action"], action, "{body}");
    assert_eq!(body["decision"], "Allow", "{body}");
    assert_eq!(body["resource"], resource, "{body}");
}

fn assert_denied<'a>(response: &'a (u16, Value), action: &str, decision: &str) -> &'a str {
    let (got, body) = response;
    assert_eq!(*got, 403, "{body}");
    assert_eq!(body["action"], action, "{body}");
    assert_eq!(body["decision"], decision, "{body}");
    body["reason"].as_str().expect("a reason")
}

#[tokio::test]
async fn a_reader_pulls_from_loopback() {
    with_gate(async |gate| {
        let who = [("X-Principal-Arn", READER)];
        let manifest = send(gate, "GET", "/v2/web/api/manifests/latest", &who).await;
        assert_allowed(&manifest, 200, "ecr:BatchGetImage", WEB_API);
        let digest = "/v2/web/api/blobs/sha256:0123abcd";
        let blob = send(gate, "GET", digest, &who).await;
        assert_allowed(&blob, 200, "ecr:GetDownloadUrlForLayer", WEB_API);
        assert_eq!(send(gate, "HEAD", digest, &who).await, (200, Value::Null));
    })
    .await;
}

#[tokio::test]
async fn a_team_pushes_to_its_repositories_over_tls() {
    with_gate(async |gate| {
        let who = [
            ("X-Principal-Arn", BUILDER),
            ("X-Principal-Tag-Team", "web"),
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-For", "10.1.2.3, 192.0.2.1"),
        ];
        let steps = [
            (
                "POST",
                "/v2/web/api/blobs/uploads/",
                202,
                "ecr:InitiateLayerUpload",
            ),
            (
                "PATCH",
                "/v2/web/api/blobs/uploads/u-1",
                202,
                "ecr:UploadLayerPart",
            ),
            (
                "PUT",
                "/v2/web/api/blobs/uploads/u-1",
                201,
                "ecr:CompleteLayerUpload",
            ),
            ("PUT", "/v2/web/api/manifests/v1.2", 201, "ecr:PutImage"),
            (
                "DELETE",
                "/v2/web/api/manifests/v1.1",
                202,
                "ecr:BatchDeleteImage",
            ),
        ];
        for (method, path, status, action) in steps {
            assert_allowed(
                &send(gate, method, path, &who).await,
                status,
                action,
                WEB_API,
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_push_without_tls_is_explicitly_denied() {
    with_gate(async |gate| {
        let who = [
            ("X-Principal-Arn", BUILDER),
            ("X-Principal-Tag-team", "web"),
        ];
        let response = send(gate, "PUT", "/v2/web/api/manifests/v1.2", &who).await;
        let reason = assert_denied(&response, "ecr:PutImage", "ExplicitDeny");
        assert!(
            reason.contains("repository policy, statement 0 (`DenyInsecureWrites`)"),
            "{reason}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_push_to_another_teams_repository_is_implicitly_denied() {
    with_gate(async |gate| {
        let who = [
            ("X-Principal-Arn", BUILDER),
            ("X-Principal-Tag-Team", "data"),
            ("X-Forwarded-Proto", "https"),
        ];
        let response = send(gate, "POST", "/v2/web/api/blobs/uploads/", &who).await;
        let reason = assert_denied(&response, "ecr:InitiateLayerUpload", "ImplicitDeny");
        assert!(
            reason.starts_with("no statement allows the request"),
            "{reason}"
        );
        assert!(
            reason.contains("(`PushOwnTeam`): the resource does not match"),
            "{reason}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_request_from_outside_the_network_is_explicitly_denied() {
    with_gate(async |gate| {
        let who = [
            ("X-Principal-Arn", READER),
            ("X-Forwarded-For", "203.0.113.7"),
        ];
        let response = send(gate, "GET", "/v2/web/api/manifests/latest", &who).await;
        let reason = assert_denied(&response, "ecr:BatchGetImage", "ExplicitDeny");
        assert!(reason.contains("(`DenyOutsideNetwork`)"), "{reason}");
    })
    .await;
}

#[tokio::test]
async fn login_and_catalog_are_decided_on_any_resource() {
    with_gate(async |gate| {
        let who = [("X-Principal-Arn", READER)];
        let token = send(gate, "GET", "/token", &who).await;
        assert_allowed(&token, 200, "ecr:GetAuthorizationToken", "*");
        let catalog = send(gate, "GET", "/v2/_catalog", &who).await;
        assert_allowed(&catalog, 200, "ecr:DescribeRepositories", "*");
    })
    .await;
}

#[tokio::test]
async fn another_account_pulls_only_if_the_repository_policy_names_it() {
    with_gate(async |gate| {
        let path = "/v2/web/api/manifests/latest";
        let partner = send(gate, "GET", path, &[("X-Principal-Arn", PARTNER)]).await;
        assert_allowed(&partner, 200, "ecr:BatchGetImage", WEB_API);
        let stranger = send(gate, "GET", path, &[("X-Principal-Arn", STRANGER)]).await;
        let reason = assert_denied(&stranger, "ecr:BatchGetImage", "ImplicitDeny");
        assert!(
            reason.starts_with("cross-account: an identity policy allows"),
            "{reason}"
        );
    })
    .await;
}

#[tokio::test]
async fn malformed_requests_are_refused_before_evaluation() {
    with_gate(async |gate| {
        let who = [("X-Principal-Arn", READER)];
        let (status, body) = send(gate, "GET", "/v2/web/api/manifests/latest", &[]).await;
        assert_eq!(status, 401, "{body}");
        assert!(
            message(&body).starts_with("missing `X-Principal-Arn` header"),
            "{body}"
        );
        assert_eq!(body["errors"][0]["code"], "UNAUTHORIZED");
        let (status, body) = send(gate, "GET", "/v2/Web/API/manifests/latest", &who).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(body["errors"][0]["code"], "NAME_INVALID");
        assert!(message(&body).contains("Web/API"), "{body}");
        let spoofed = [("X-Principal-Arn", READER), ("X-Forwarded-For", "intranet")];
        let (status, body) = send(gate, "GET", "/v2/web/api/manifests/latest", &spoofed).await;
        assert_eq!(status, 400, "{body}");
    })
    .await;
}

#[tokio::test]
async fn unknown_routes_and_methods() {
    with_gate(async |gate| {
        let who = [("X-Principal-Arn", READER)];
        for path in [
            "/v3/web/api/manifests/latest",
            "/v2/web/api/tags/list",
            "/v2/web/api/manifests/",
        ] {
            assert_eq!(send(gate, "GET", path, &who).await.0, 404, "{path}");
        }
        let (status, _) = send(gate, "DELETE", "/v2/web/api/blobs/sha256:0123abcd", &who).await;
        assert_eq!(status, 405);
        assert_eq!(send(gate, "POST", "/token", &who).await.0, 405);
    })
    .await;
}

const CHALLENGE: &str = "www-authenticate: Basic realm=\"https://111122223333.dkr.ecr.us-east-1.amazonaws.com/\",service=\"ecr.amazonaws.com\"";
const API_VERSION: &str = "docker-distribution-api-version: registry/2.0";

/// `GET /v2/` as the Docker Registry HTTP API V2 ("API Version Check") and the OCI distribution
/// spec describe it: "If a `200 OK` response is returned, the registry implements the V2(.1)
/// registry API and the client may proceed safely with other V2 operations"; "If a `401
/// Unauthorized` response is returned, the client should take action based on the contents of the
/// "WWW-Authenticate" header"; "When a `200 OK` or `401 Unauthorized` response is returned, the
/// "Docker-Distribution-API-Version" header should be set to "registry/2.0"."
///
/// Authorized means what `docker login` to ECR needs, `ecr:GetAuthorizationToken`: the example's
/// identity policy allows it, and denies everything from outside `10.0.0.0/8` and loopback (the IAM
/// User Guide: "an explicit deny in any of these policies overrides the allow").
#[tokio::test]
async fn get_v2_answers_as_a_registry_does() {
    with_gate(async |gate| {
        let reader = [("X-Principal-Arn", READER.as_bytes())];
        let (status, head, body) = exchange(gate, "GET", "/v2/", reader.into_iter()).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body, serde_json::json!({}));
        assert!(head.iter().any(|l| l == API_VERSION), "{head:?}");
        assert!(
            !head.iter().any(|l| l.starts_with("www-authenticate")),
            "{head:?}"
        );

        // Nobody named: the challenge.
        let (status, head, body) = exchange(gate, "GET", "/v2/", std::iter::empty()).await;
        assert_eq!(status, 401, "{body}");
        assert!(head.iter().any(|l| l == CHALLENGE), "{head:?}");
        assert!(head.iter().any(|l| l == API_VERSION), "{head:?}");
        assert_eq!(body["errors"][0]["code"], "UNAUTHORIZED");

        // Someone the policies do not let log in: 401 too, with the decision and its reason.
        let outside = [
            ("X-Principal-Arn", READER.as_bytes()),
            ("X-Forwarded-For", b"203.0.113.9".as_slice()),
        ];
        let (status, head, body) = exchange(gate, "GET", "/v2/", outside.into_iter()).await;
        assert_eq!(status, 401, "{body}");
        assert!(head.iter().any(|l| l == CHALLENGE), "{head:?}");
        assert_eq!(body["decision"], "ExplicitDeny", "{body}");
        assert_eq!(body["action"], "ecr:GetAuthorizationToken", "{body}");
        assert!(message(&body).contains("DenyOutsideNetwork"), "{body}");
    })
    .await;
}

/// A principal header that is missing is no credential (401 with the challenge); one that is there
/// but is no IAM principal ARN is a bad request (400), and the message says which part is wrong.
/// IAM principal ARNs, per the IAM User Guide's "IAM identifiers": `arn:aws:iam::account:root`,
/// `…:user/name`, `…:role/name`, `arn:aws:sts::account:assumed-role/role-name/role-session-name`,
/// with no region and a 12-digit account ID.
#[tokio::test]
async fn a_malformed_principal_gets_400_with_the_true_reason() {
    with_gate(async |gate| {
        for (principal, reason) in [
            ("nope", "`X-Principal-Arn`: `nope` is not an ARN"),
            (
                "arn:aws:s3:::my-bucket",
                "names a resource of `s3`, not an IAM principal",
            ),
            (
                "arn:aws:iam:us-east-1:111122223333:user/alice",
                "has a region",
            ),
            (
                "arn:aws:iam::1111:user/alice",
                "the account `1111` is not 12 digits",
            ),
            (
                "arn:aws:iam::111122223333:group/devs",
                "is no principal the gate knows",
            ),
            (
                "arn:aws:sts::111122223333:assumed-role/reader",
                "is no principal the gate knows",
            ),
        ] {
            let who = [("X-Principal-Arn", principal)];
            let (status, body) = send(gate, "GET", "/v2/web/api/manifests/latest", &who).await;
            assert_eq!(status, 400, "{principal}: {body}");
            assert!(message(&body).contains(reason), "{principal}: {body}");
            let (status, _) = send(gate, "GET", "/v2/", &who).await;
            assert_eq!(status, 400, "{principal}");
        }
        // Bytes that are no visible ASCII: the header is there, but it is no ARN.
        let latin = [(
            "X-Principal-Arn",
            b"arn:aws:iam::111122223333:user/j\xe9r\xf4me".as_slice(),
        )];
        let (status, _, body) = exchange(
            gate,
            "GET",
            "/v2/web/api/manifests/latest",
            latin.into_iter(),
        )
        .await;
        assert_eq!(status, 400, "{body}");
        assert!(message(&body).contains("not visible ASCII"), "{body}");
        // Missing, or empty: no credential at all.
        let empty = [("X-Principal-Arn", b"".as_slice())];
        let (status, head, body) = exchange(
            gate,
            "GET",
            "/v2/web/api/manifests/latest",
            empty.into_iter(),
        )
        .await;
        assert_eq!(status, 401, "{body}");
        assert!(head.iter().any(|l| l == CHALLENGE), "{head:?}");
    })
    .await;
}

/// The gate does not start on a policy the linter finds an error in (here a misspelt action, which
/// IAM matches with nothing: the statement would silently grant less than it reads), and the
/// message lists each finding on its line.
#[test]
fn the_gate_refuses_to_start_on_a_policy_with_lint_errors() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("registry-gate");
    std::fs::create_dir_all(&dir).unwrap();
    let faulty = dir.join("faulty.json");
    std::fs::write(
        &faulty,
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecr:BatchGetImag", "Resource": "*"},
            {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken",
             "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}]}"#,
    )
    .unwrap();
    let refused = registry_gate::gate_from_files(std::slice::from_ref(&faulty), None).unwrap_err();
    let message = refused.to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert!(
        lines[0].ends_with("the linter finds 2 errors (the policy would not work as written); the gate does not start on it:"),
        "{message}"
    );
    assert!(
        lines[1].contains("error[unknown-action] at Statement[0].Action: "),
        "{message}"
    );
    assert!(
        lines[2].contains("error[resource-star-required] at Statement[1].Action: "),
        "{message}"
    );
    assert_eq!(lines.len(), 3, "{message}");

    // The example's own policies start.
    assert!(
        registry_gate::gate_from_files(
            &[PathBuf::from(registry_gate::IDENTITY_POLICY)],
            Some(Path::new(registry_gate::REPOSITORY_POLICY))
        )
        .is_ok()
    );
}

/// Argument errors are sentences for a person (what `main` prints after `registry_gate: `), not
/// `Debug` strings with quotes and escapes; a huge argument is quoted cut.
#[test]
fn argument_errors_are_messages() {
    let args = |list: &[&str]| registry_gate::arguments(list.iter().map(|s| (*s).to_owned()));
    assert_eq!(
        args(&["--bogus"]),
        Err(
            "unknown argument `--bogus`: expected `--identity FILE` or `--repository FILE`"
                .to_owned()
        )
    );
    assert_eq!(
        args(&["--identity"]),
        Err("`--identity` needs a file: `--identity FILE`".to_owned())
    );
    assert_eq!(
        args(&["--identity", "a.json", "--repository"]),
        Err("`--repository` needs a file: `--repository FILE`".to_owned())
    );
    let huge = format!("--{}", "x".repeat(1 << 20));
    let error = args(&[&huge]).unwrap_err();
    assert!(error.len() < 200, "{} bytes", error.len());
    assert!(
        error.contains(&format!("`--{}…`", "x".repeat(58))),
        "{error}"
    );

    let defaults = args(&[]).unwrap();
    assert_eq!(
        defaults.identity,
        [PathBuf::from(registry_gate::IDENTITY_POLICY)]
    );
    assert_eq!(
        defaults.repository,
        PathBuf::from(registry_gate::REPOSITORY_POLICY)
    );
    let given = args(&[
        "--identity",
        "a.json",
        "--identity",
        "b.json",
        "--repository",
        "r.json",
    ])
    .unwrap();
    assert_eq!(
        given.identity,
        [PathBuf::from("a.json"), PathBuf::from("b.json")]
    );
    assert_eq!(given.repository, PathBuf::from("r.json"));
}
