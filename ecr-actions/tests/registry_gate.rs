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
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: 0\r\n"
    );
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(text.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let response = String::from_utf8(response).unwrap();
    let (head, body) = response
        .split_once("\r\n\r\n")
        .expect("a complete response");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
    };
    (status, body)
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
        assert_eq!(
            (status, &body["error"]),
            (401, &"missing `X-Principal-Arn` header".into())
        );
        let (status, body) = send(gate, "GET", "/v2/Web/API/manifests/latest", &who).await;
        assert_eq!(status, 400, "{body}");
        assert!(
            body["error"].as_str().unwrap().contains("Web/API"),
            "{body}"
        );
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
