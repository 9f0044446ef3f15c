//! A registry gate: an HTTP service that maps Docker Registry HTTP API v2 (ECR-style) requests to
//! typed ECR actions and lets them through only if IAM policies allow them.
//!
//! Run it with
//!
//! ```text
//! cargo run -p ecr-actions --example registry_gate --features serde
//! cargo run -p ecr-actions --example registry_gate --features serde -- \
//!     --identity my-identity.json --identity more.json --repository my-repository.json
//! ```
//!
//! It listens on `127.0.0.1:$PORT` (8080 by default) and answers for the repositories of account
//! `111122223333` in `us-east-1`. Without arguments it loads `examples/registry_gate/identity.json`
//! (one identity policy set, the same for every caller: pull anything in the account, push to
//! `<team>/*` for the caller's `team` tag, nothing from outside `10.0.0.0/8` and loopback) and
//! `examples/registry_gate/repository.json` (one repository policy for every repository: no writes
//! without TLS, pulls by account `444455556666`).
//!
//! ```text
//! $ curl -si http://127.0.0.1:8080/v2/web/api/manifests/latest \
//!     -H 'X-Principal-Arn: arn:aws:sts::111122223333:assumed-role/reader/alice'
//! HTTP/1.1 200 OK
//! {"action":"ecr:BatchGetImage","decision":"Allow","resource":"arn:aws:ecr:us-east-1:111122223333:repository/web/api"}
//! ```
//!
//! | request | action | success |
//! |---|---|---|
//! | `GET`/`HEAD /v2/{name}/manifests/{reference}` | `ecr:BatchGetImage` | 200 |
//! | `PUT /v2/{name}/manifests/{reference}` | `ecr:PutImage` | 201 |
//! | `DELETE /v2/{name}/manifests/{reference}` | `ecr:BatchDeleteImage` | 202 |
//! | `HEAD /v2/{name}/blobs/{digest}` | `ecr:BatchCheckLayerAvailability` | 200 |
//! | `GET /v2/{name}/blobs/{digest}` | `ecr:GetDownloadUrlForLayer` | 200 |
//! | `POST /v2/{name}/blobs/uploads/` | `ecr:InitiateLayerUpload` | 202 |
//! | `PATCH /v2/{name}/blobs/uploads/{id}` | `ecr:UploadLayerPart` | 202 |
//! | `PUT /v2/{name}/blobs/uploads/{id}` | `ecr:CompleteLayerUpload` | 201 |
//! | `GET /v2/_catalog` | `ecr:DescribeRepositories` on `*` | 200 |
//! | `GET /token` | `ecr:GetAuthorizationToken` on `*` | 200 |
//!
//! `{name}` may hold `/` and must follow ECR's naming rules (else 400). An allowed request gets
//! `{"action", "decision": "Allow", "resource"}`; a denied one 403 with the decision
//! (`ExplicitDeny` or `ImplicitDeny`) and a one-line `reason`. The gate stores nothing: it only
//! decides.
//!
//! # Trusted headers
//!
//! The caller's identity comes from headers that an authenticating proxy in front of the gate
//! would set (and strip from what clients send). **This example trusts them as they arrive**; do
//! not expose it to untrusted clients.
//!
//! | header | context key |
//! |---|---|
//! | `X-Principal-Arn` (required, else 401) | the request's principal |
//! | `X-Principal-Tag-<key>: <value>` | `aws:PrincipalTag/<key>` (`<key>` arrives lowercased) |
//! | `X-Forwarded-For` (first address), else the socket's peer | `aws:SourceIp` |
//! | `X-Forwarded-Proto: https` | `aws:SecureTransport` `true` (else `false`) |

use std::error::Error;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Path as UrlPath, Request as HttpRequest, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use ecr_actions::eval::{Context, Decision, Evaluation, Evaluator, Outcome, Request, Resource};
use ecr_actions::policy::{Effect, PolicyDocument};
use ecr_actions::{Action, RepositoryArn};
use serde_json::json;

/// The identity policy set loaded when no `--identity` is given.
pub const IDENTITY_POLICY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/registry_gate/identity.json"
);
/// The repository policy loaded when no `--repository` is given.
pub const REPOSITORY_POLICY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/registry_gate/repository.json"
);
/// The account whose registry the gate guards.
pub const ACCOUNT: &str = "111122223333";
/// The region of that registry.
pub const REGION: &str = "us-east-1";

/// An error of the example, to print and exit.
pub type BoxError = Box<dyn Error + Send + Sync>;

/// The registry a gate guards, and its policies compiled.
#[derive(Debug)]
pub struct Gate {
    evaluator: Evaluator,
    region: String,
    account: String,
}

impl Gate {
    /// A gate for the registry of `account` in `region` (partition `aws`) that decides with
    /// `evaluator`.
    pub fn new(evaluator: Evaluator, region: &str, account: &str) -> Self {
        Self {
            evaluator,
            region: region.to_owned(),
            account: account.to_owned(),
        }
    }

    /// Decides `action` on `repository` (`None`: on `*`) for the caller that the headers of
    /// `request` describe, and answers `success` if it is allowed.
    fn decide(
        &self,
        request: &HttpRequest,
        action: Action,
        repository: Option<&str>,
        success: StatusCode,
    ) -> Response {
        let headers = request.headers();
        let Some(principal) = header(headers, "x-principal-arn").filter(|p| !p.is_empty()) else {
            return error(StatusCode::UNAUTHORIZED, "missing `X-Principal-Arn` header");
        };
        let context = match context(headers, peer(request)) {
            Ok(context) => context,
            Err(message) => return error(StatusCode::BAD_REQUEST, &message),
        };
        let arn = match repository
            .map(|name| RepositoryArn::new("aws", &self.region, &self.account, name))
        {
            Some(Ok(arn)) => Some(arn),
            Some(Err(problem)) => return error(StatusCode::BAD_REQUEST, &problem.to_string()),
            None => None,
        };
        let resource = arn.as_ref().map_or(Resource::Any, Resource::Repository);
        let request = Request::new(principal, action, resource, &context);
        // The allowed path stays allocation-free in the evaluator; explain only a denial.
        if self.evaluator.evaluate(&request).is_allowed() {
            let body = json!({
                "action": action.as_str(),
                "decision": Decision::Allow.as_str(),
                "resource": resource.as_str(),
            });
            return (success, axum::Json(body)).into_response();
        }
        let evaluation = self.evaluator.evaluate_explained(&request);
        let body = json!({
            "action": action.as_str(),
            "decision": evaluation.decision.as_str(),
            "reason": reason(&evaluation),
            "resource": resource.as_str(),
        });
        (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
    }
}

/// A gate for account [`ACCOUNT`] in [`REGION`] with the identity policies in the files
/// `identity` and the repository policy in the file `repository`, if any.
///
/// # Errors
///
/// A file that cannot be read, is no policy, or holds a policy the evaluator refuses.
pub fn gate_from_files(identity: &[PathBuf], repository: Option<&Path>) -> Result<Gate, BoxError> {
    let read = |path: &Path| -> Result<PolicyDocument, BoxError> {
        let text = std::fs::read_to_string(path)
            .map_err(|problem| format!("{}: {problem}", path.display()))?;
        Ok(PolicyDocument::from_json(&text)
            .map_err(|problem| format!("{}: {problem}", path.display()))?)
    };
    let identity = identity
        .iter()
        .map(|path| read(path))
        .collect::<Result<Vec<_>, _>>()?;
    let repository = repository.map(read).transpose()?;
    let evaluator = Evaluator::new(&identity, repository.as_ref()).map_err(|e| e.to_string())?;
    Ok(Gate::new(evaluator, REGION, ACCOUNT))
}

/// The service: the routes of the table above, 404 for anything else.
pub fn app(gate: Arc<Gate>) -> Router {
    Router::new()
        .route("/token", get(token))
        .route("/v2/_catalog", get(catalog))
        .route("/v2/{*path}", any(registry))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such route") })
        .with_state(gate)
}

/// Serves [`app`] on `listener` until the process ends, with each connection's peer address
/// available as the fallback for `aws:SourceIp`.
///
/// # Errors
///
/// What accepting connections fails with.
pub async fn serve(listener: tokio::net::TcpListener, gate: Arc<Gate>) -> std::io::Result<()> {
    let service = app(gate).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service).await
}

async fn token(State(gate): State<Arc<Gate>>, request: HttpRequest) -> Response {
    let action = Action::GetAuthorizationToken;
    gate.decide(&request, action, None, StatusCode::OK)
}

async fn catalog(State(gate): State<Arc<Gate>>, request: HttpRequest) -> Response {
    gate.decide(&request, Action::DescribeRepositories, None, StatusCode::OK)
}

async fn registry(
    State(gate): State<Arc<Gate>>,
    UrlPath(path): UrlPath<String>,
    request: HttpRequest,
) -> Response {
    let Some(route) = Route::parse(&path) else {
        return error(StatusCode::NOT_FOUND, "no such route");
    };
    let Some((action, success)) = route.action(request.method()) else {
        return error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed here");
    };
    gate.decide(&request, action, Some(route.name), success)
}

/// What a path under `/v2/` names: the repository, and which of its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Route<'a> {
    name: &'a str,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `{name}/manifests/{reference}`.
    Manifest,
    /// `{name}/blobs/{digest}`.
    Blob,
    /// `{name}/blobs/uploads/`.
    Uploads,
    /// `{name}/blobs/uploads/{id}`.
    Upload,
}

impl<'a> Route<'a> {
    /// Reads the path from its end, since `{name}` may hold `/`.
    fn parse(path: &'a str) -> Option<Self> {
        let route = |name, kind| Some(Self { name, kind });
        if let Some(name) = path
            .strip_suffix("/blobs/uploads/")
            .or_else(|| path.strip_suffix("/blobs/uploads"))
        {
            return route(name, Kind::Uploads);
        }
        let (head, last) = path.rsplit_once('/')?;
        let (name, part) = head.rsplit_once('/')?;
        match part {
            _ if last.is_empty() => None,
            "manifests" => route(name, Kind::Manifest),
            "blobs" => route(name, Kind::Blob),
            "uploads" => route(name.strip_suffix("/blobs")?, Kind::Upload),
            _ => None,
        }
    }

    /// The action `method` asks for on this route, and the status that answers it when allowed.
    fn action(self, method: &Method) -> Option<(Action, StatusCode)> {
        Some(match (self.kind, method.as_str()) {
            (Kind::Manifest, "GET" | "HEAD") => (Action::BatchGetImage, StatusCode::OK),
            (Kind::Manifest, "PUT") => (Action::PutImage, StatusCode::CREATED),
            (Kind::Manifest, "DELETE") => (Action::BatchDeleteImage, StatusCode::ACCEPTED),
            (Kind::Blob, "HEAD") => (Action::BatchCheckLayerAvailability, StatusCode::OK),
            (Kind::Blob, "GET") => (Action::GetDownloadUrlForLayer, StatusCode::OK),
            (Kind::Uploads, "POST") => (Action::InitiateLayerUpload, StatusCode::ACCEPTED),
            (Kind::Upload, "PATCH") => (Action::UploadLayerPart, StatusCode::ACCEPTED),
            (Kind::Upload, "PUT") => (Action::CompleteLayerUpload, StatusCode::CREATED),
            _ => return None,
        })
    }
}

/// The socket's peer address, when the service runs with connect info (see [`serve`]).
fn peer(request: &HttpRequest) -> Option<IpAddr> {
    let ConnectInfo(address) = request.extensions().get::<ConnectInfo<SocketAddr>>()?;
    Some(address.ip())
}

/// The value of header `name` as text, if present and visible ASCII.
fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name)?.to_str().ok()
}

/// The request context from the trusted headers (see the module docs).
fn context(headers: &HeaderMap, peer: Option<IpAddr>) -> Result<Context, String> {
    let mut context = Context::new();
    for (name, value) in headers {
        if let Some(key) = name.as_str().strip_prefix("x-principal-tag-") {
            let value = value
                .to_str()
                .map_err(|_| format!("`{name}` is not visible ASCII"))?;
            context.insert(&format!("aws:PrincipalTag/{key}"), value);
        }
    }
    let forwarded = header(headers, "x-forwarded-for")
        .map(|list| list.split(',').next().unwrap_or_default().trim());
    let source =
        match forwarded {
            Some(text) => Some(text.parse::<IpAddr>().map_err(|_| {
                format!("`X-Forwarded-For` starts with `{text}`, not an IP address")
            })?),
            None => peer,
        };
    if let Some(source) = source {
        context.insert("aws:SourceIp", source.to_string());
    }
    let secure =
        header(headers, "x-forwarded-proto").is_some_and(|p| p.eq_ignore_ascii_case("https"));
    context.insert("aws:SecureTransport", if secure { "true" } else { "false" });
    Ok(context)
}

/// One line on why a request is denied: the deciding denies, or the allows that came closest.
fn reason(evaluation: &Evaluation) -> String {
    let explanation = &evaluation.explanation;
    let mut parts: Vec<String> = explanation
        .decisive
        .iter()
        .map(ToString::to_string)
        .collect();
    if evaluation.decision == Decision::ImplicitDeny {
        parts.extend(
            explanation
                .statements
                .iter()
                .filter(|t| t.effect == Effect::Allow && t.outcome != Outcome::ActionNotMatched)
                .map(|t| format!("{}: {}", t.id, t.outcome)),
        );
    }
    if parts.is_empty() {
        explanation.reason.to_string()
    } else {
        format!("{}; {}", explanation.reason, parts.join("; "))
    }
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}

/// `--identity FILE` (repeatable) and `--repository FILE`, defaulting to the example's policies.
fn arguments(mut args: impl Iterator<Item = String>) -> Result<(Vec<PathBuf>, PathBuf), BoxError> {
    let (mut identity, mut repository) = (Vec::new(), None);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("`{flag}` needs a file"))?;
        match flag.as_str() {
            "--identity" => identity.push(PathBuf::from(value)),
            "--repository" => repository = Some(PathBuf::from(value)),
            _ => {
                return Err(format!(
                    "unknown argument `{flag}`: expected `--identity FILE` or `--repository FILE`"
                )
                .into());
            }
        }
    }
    if identity.is_empty() {
        identity.push(PathBuf::from(IDENTITY_POLICY));
    }
    Ok((
        identity,
        repository.unwrap_or_else(|| PathBuf::from(REPOSITORY_POLICY)),
    ))
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (identity, repository) = arguments(std::env::args().skip(1))?;
    let gate = gate_from_files(&identity, Some(&repository))?;
    let port = match std::env::var("PORT") {
        Ok(port) => port
            .parse::<u16>()
            .map_err(|problem| format!("PORT `{port}`: {problem}"))?,
        Err(_) => 8080,
    };
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    println!(
        "registry_gate listening on http://{}",
        listener.local_addr()?
    );
    serve(listener, Arc::new(gate)).await?;
    Ok(())
}
