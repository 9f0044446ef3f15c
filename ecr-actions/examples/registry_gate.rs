//! A registry gate: an HTTP service that maps Docker Registry HTTP API v2 (ECR-style) requests to
//! typed ECR actions and lets them through only if IAM policies allow them.
//!
//! Run it with
//!
//! ```text
//! cargo run -p ecr-actions --example registry_gate --features policy
//! cargo run -p ecr-actions --example registry_gate --features policy -- \
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
//! | `GET /v2/` | `ecr:GetAuthorizationToken` on `*` | 200 `{}`; else 401 with `WWW-Authenticate` |
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
//! `GET /v2/` is the Docker Registry HTTP API V2's version check, which the OCI distribution spec
//! keeps: "If a `200 OK` response is returned, the registry implements the V2(.1) registry API and
//! the client may proceed safely with other V2 operations. […] If a `401 Unauthorized` response is
//! returned, the client should take action based on the contents of the "WWW-Authenticate" header
//! and try the endpoint again." The gate answers 200 with `{}` to a caller the policies let log in
//! (`ecr:GetAuthorizationToken`, which is what `docker login` to ECR needs), 401 otherwise, both with
//! `Docker-Distribution-API-Version: registry/2.0` ("When a `200 OK` or `401 Unauthorized` response is
//! returned, the "Docker-Distribution-API-Version" header should be set to "registry/2.0"."). Every
//! 401 carries the challenge ECR sends, `Basic realm="https://{account}.dkr.ecr.{region}.amazonaws.com/",
//! service="ecr.amazonaws.com"`.
//!
//! `{name}` may hold `/` and must follow ECR's naming rules (else 400). An allowed request gets
//! `{"action", "decision": "Allow", "resource"}`; a denied one 403 with the decision
//! (`ExplicitDeny` or `ImplicitDeny`), a one-line `reason`, and the spec's error list
//! (`{"errors": [{"code": "DENIED", "message": …}]}`); every other error has that list alone, with
//! the spec's codes (`UNAUTHORIZED`, `NAME_INVALID`, `UNSUPPORTED`) or `BAD_REQUEST`. The gate stores
//! nothing: it only decides.
//!
//! At start, the gate lints its policies and refuses to start on one with an error finding (it
//! prints them): such a policy does not work as written, and a gate should not run on it.
//!
//! # Trusted headers
//!
//! The caller's identity comes from headers that an authenticating proxy in front of the gate
//! would set (and strip from what clients send). **This example trusts them as they arrive**; do
//! not expose it to untrusted clients.
//!
//! | header | context key |
//! |---|---|
//! | `X-Principal-Arn` (required: missing or empty, 401; not an IAM principal ARN — `arn:aws:iam::{account}:root`, `:user/…`, `:role/…`, `arn:aws:sts::{account}:assumed-role/{role}/{session}` — 400, with the reason) | the request's principal |
//! | `X-Principal-Tag-<key>: <value>` | `aws:PrincipalTag/<key>` (`<key>` arrives lowercased) |
//! | `X-Forwarded-For` (first address), else the socket's peer | `aws:SourceIp` |
//! | `X-Forwarded-Proto: https` | `aws:SecureTransport` `true` (else `false`) |

use std::error::Error;
use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Path as UrlPath, Request as HttpRequest, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use ecr_actions::eval::{Context, Decision, Evaluation, Evaluator, Outcome, Request, Resource};
use ecr_actions::lint::{Severity, lint};
use ecr_actions::policy::{Effect, PolicyDocument};
use ecr_actions::{Action, RepositoryArn};
use serde_json::json;

#[path = "registry_gate/principal.rs"]
mod principal;

use principal::check_principal;

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
        let principal = match self.principal(headers) {
            Ok(principal) => principal,
            Err(refusal) => return self.refuse(refusal),
        };
        let context = match context(headers, peer(request)) {
            Ok(context) => context,
            Err(message) => return error(StatusCode::BAD_REQUEST, "BAD_REQUEST", &message),
        };
        let arn = match repository
            .map(|name| RepositoryArn::new("aws", &self.region, &self.account, name))
        {
            Some(Ok(arn)) => Some(arn),
            Some(Err(problem)) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "NAME_INVALID",
                    &problem.to_string(),
                );
            }
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
        let reason = reason(&evaluation);
        let body = json!({
            "action": action.as_str(),
            "decision": evaluation.decision.as_str(),
            "reason": reason,
            "resource": resource.as_str(),
            "errors": [{"code": "DENIED", "message": reason}],
        });
        (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
    }

    /// The caller's principal ARN from `X-Principal-Arn`, or the refusal: 401 (with the challenge)
    /// when there is none, 400 with the reason when it is not an IAM principal.
    fn principal<'h>(&self, headers: &'h HeaderMap) -> Result<&'h str, Refusal> {
        let Some(value) = headers.get("x-principal-arn").filter(|v| !v.is_empty()) else {
            return Err(Refusal::NoPrincipal);
        };
        let text = value.to_str().map_err(|_| {
            Refusal::BadPrincipal(
                "`X-Principal-Arn` is not visible ASCII, so it is no ARN".to_owned(),
            )
        })?;
        check_principal(text)
            .map(|()| text)
            .map_err(Refusal::BadPrincipal)
    }

    /// The response that refuses a request for `refusal`.
    fn refuse(&self, refusal: Refusal) -> Response {
        match refusal {
            Refusal::NoPrincipal => self.unauthorized(
                "missing `X-Principal-Arn` header: the authenticating proxy in front of the gate \
                 sets it to the caller's principal ARN",
                None,
            ),
            Refusal::BadPrincipal(reason) => error(StatusCode::BAD_REQUEST, "BAD_REQUEST", &reason),
        }
    }

    /// 401 with the challenge ECR sends, the API version header, and the spec's error list; `extra`
    /// adds fields to the body (a decision and its reason).
    fn unauthorized(&self, message: &str, extra: Option<serde_json::Value>) -> Response {
        let mut body = json!({"errors": [{"code": "UNAUTHORIZED", "message": message}]});
        if let (Some(serde_json::Value::Object(fields)), Some(object)) =
            (extra, body.as_object_mut())
        {
            object.extend(fields);
        }
        let challenge = format!(
            "Basic realm=\"https://{}.dkr.ecr.{}.amazonaws.com/\",service=\"ecr.amazonaws.com\"",
            self.account, self.region
        );
        let mut response = (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(API_VERSION_HEADER, HeaderValue::from_static(API_VERSION));
        if let Ok(value) = HeaderValue::from_str(&challenge) {
            headers.insert(header::WWW_AUTHENTICATE, value);
        }
        response
    }
}

/// Why a request names no principal the gate can decide for.
enum Refusal {
    /// No `X-Principal-Arn`, or an empty one: no credential (401).
    NoPrincipal,
    /// An `X-Principal-Arn` that is no IAM principal ARN, and why (400).
    BadPrincipal(String),
}

/// The header with which a registry says it speaks the V2 API, on `200` and `401` of `GET /v2/`.
const API_VERSION_HEADER: &str = "docker-distribution-api-version";
/// Its value.
const API_VERSION: &str = "registry/2.0";

/// A gate for account [`ACCOUNT`] in [`REGION`] with the identity policies in the files
/// `identity` and the repository policy in the file `repository`, if any.
///
/// # Errors
///
/// A file that cannot be read, is no policy, holds a policy with an error finding of the linter
/// (the message lists them, one a line), or a policy the evaluator refuses.
pub fn gate_from_files(identity: &[PathBuf], repository: Option<&Path>) -> Result<Gate, BoxError> {
    let read = |path: &Path| -> Result<PolicyDocument, BoxError> {
        let text = std::fs::read_to_string(path)
            .map_err(|problem| format!("{}: {problem}", path.display()))?;
        let document = PolicyDocument::from_json(&text)
            .map_err(|problem| format!("{}: {problem}", path.display()))?;
        let errors: Vec<String> = lint(&document)
            .into_iter()
            .filter(|finding| finding.severity == Severity::Error)
            .map(|finding| format!("  {}: {finding}", path.display()))
            .collect();
        if !errors.is_empty() {
            let mut message = format!(
                "{}: the linter finds {} {} (the policy would not work as written); \
                 the gate does not start on it:",
                path.display(),
                errors.len(),
                if errors.len() == 1 { "error" } else { "errors" }
            );
            for line in errors {
                let _infallible = write!(message, "\n{line}");
            }
            return Err(message.into());
        }
        Ok(document)
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
        .route("/v2/", get(version_check))
        .route("/v2", get(version_check))
        .route("/v2/_catalog", get(catalog))
        .route("/v2/{*path}", any(registry))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "UNSUPPORTED", "no such route") })
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

/// `GET /v2/`: 200 `{}` for a caller the policies let log in, else 401 with the challenge (see the
/// module docs).
async fn version_check(State(gate): State<Arc<Gate>>, request: HttpRequest) -> Response {
    let principal = match gate.principal(request.headers()) {
        Ok(principal) => principal,
        Err(refusal) => return gate.refuse(refusal),
    };
    let context = match context(request.headers(), peer(&request)) {
        Ok(context) => context,
        Err(message) => return error(StatusCode::BAD_REQUEST, "BAD_REQUEST", &message),
    };
    let action = Action::GetAuthorizationToken;
    let login = Request::new(principal, action, Resource::Any, &context);
    if gate.evaluator.evaluate(&login).is_allowed() {
        let mut response = (StatusCode::OK, axum::Json(json!({}))).into_response();
        response
            .headers_mut()
            .insert(API_VERSION_HEADER, HeaderValue::from_static(API_VERSION));
        return response;
    }
    let evaluation = gate.evaluator.evaluate_explained(&login);
    let reason = reason(&evaluation);
    gate.unauthorized(
        &format!("the policies do not allow `{action}` to this caller: {reason}"),
        Some(json!({"action": action.as_str(), "decision": evaluation.decision.as_str(), "reason": reason})),
    )
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
        return error(StatusCode::NOT_FOUND, "UNSUPPORTED", "no such route");
    };
    let Some((action, success)) = route.action(request.method()) else {
        return error(
            StatusCode::METHOD_NOT_ALLOWED,
            "UNSUPPORTED",
            "method not allowed here",
        );
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

/// An error as the distribution spec writes them: `{"errors": [{"code", "message"}]}`.
fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({"errors": [{"code": code, "message": message}]});
    (status, axum::Json(body)).into_response()
}

/// The policy files the gate loads.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    /// The identity policies (`--identity FILE`, repeatable; the example's own by default).
    pub identity: Vec<PathBuf>,
    /// The repository policy (`--repository FILE`; the example's own by default).
    pub repository: PathBuf,
}

/// The usage line, printed with an argument error.
pub const USAGE: &str = "usage: registry_gate [--identity FILE]... [--repository FILE]";

/// Reads `--identity FILE` (repeatable) and `--repository FILE`, defaulting to the example's
/// policies.
///
/// # Errors
///
/// An unknown argument, or a flag without its file: a message for a person (printed as it is, with
/// [`USAGE`]).
pub fn arguments(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let (mut identity, mut repository) = (Vec::new(), None);
    while let Some(flag) = args.next() {
        let mut file = || {
            args.next()
                .ok_or_else(|| format!("`{flag}` needs a file: `{flag} FILE`"))
        };
        match flag.as_str() {
            "--identity" => identity.push(PathBuf::from(file()?)),
            "--repository" => repository = Some(PathBuf::from(file()?)),
            _ => {
                let shown: String = if flag.chars().count() > 80 {
                    flag.chars().take(60).chain(['…']).collect()
                } else {
                    flag.clone()
                };
                return Err(format!(
                    "unknown argument `{shown}`: expected `--identity FILE` or `--repository FILE`"
                ));
            }
        }
    }
    if identity.is_empty() {
        identity.push(PathBuf::from(IDENTITY_POLICY));
    }
    Ok(Options {
        identity,
        repository: repository.unwrap_or_else(|| PathBuf::from(REPOSITORY_POLICY)),
    })
}

/// Runs the gate until the process ends; every failure is a message for a person (`Display`, never
/// `Debug`) and exit status 2 (1 when the policies are refused).
fn main() -> ExitCode {
    let options = match arguments(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("registry_gate: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let gate = match gate_from_files(&options.identity, Some(&options.repository)) {
        Ok(gate) => gate,
        Err(problem) => {
            eprintln!("registry_gate: {problem}");
            return ExitCode::from(1);
        }
    };
    match serve_on_port(gate) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("registry_gate: {problem}");
            ExitCode::from(2)
        }
    }
}

/// Serves on `127.0.0.1:$PORT` (8080 by default).
#[tokio::main]
async fn serve_on_port(gate: Gate) -> Result<(), BoxError> {
    let port = match std::env::var("PORT") {
        Ok(port) => port
            .parse::<u16>()
            .map_err(|problem| format!("PORT `{port}`: {problem}"))?,
        Err(_) => 8080,
    };
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|problem| format!("cannot listen on 127.0.0.1:{port}: {problem}"))?;
    println!(
        "registry_gate listening on http://{}",
        listener.local_addr()?
    );
    serve(listener, Arc::new(gate)).await?;
    Ok(())
}
