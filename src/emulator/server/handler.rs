//! The mailbox endpoint `/mapi/emsmdb/` (MS-OXCMAPIHTTP 2.2.4, 3.2.5) and the address book
//! endpoint `/mapi/nspi/` (2.2.5): checks, cookies, dispatch to the backends, and the
//! streamed PROCESSING / PENDING / DONE response. Both endpoints share every check and the
//! framing; they differ in the request types they take and the context table they use.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant, SystemTime};

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{
    AUTHORIZATION, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, COOKIE, RETRY_AFTER, SET_COOKIE,
    TRANSFER_ENCODING, WWW_AUTHENTICATE,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;
use http_body::Frame;
use tokio::sync::{mpsc, watch};

use crate::emulator::{AddressBookBackend, AuthOutcome, ConnectRefused, ConnectionId};
use crate::wire::Wire;
use crate::wire::mapihttp::headers::{
    CONTENT_TYPE_MAPI_HTTP, X_CLIENT_INFO, X_ELAPSED_TIME, X_EXPIRATION_INFO, X_PENDING_PERIOD,
    X_REQUEST_ID, X_REQUEST_TYPE, X_RESPONSE_CODE, X_SERVER_APPLICATION, X_START_TIME,
};
use crate::wire::mapihttp::{
    ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse, ExecuteRequest,
    ExecuteResponse, NotificationWaitRequest, NotificationWaitResponse, RequestId, RequestType,
    ResponseCode,
};
use crate::wire::nspi::{
    BindRequest, BindResponse, BindSuccess, NspiRequest, UnbindResponse, UnbindSuccess,
};

use super::config::AnonymousPolicy;
use super::contexts::{Claim, ContextEntry, ContextTable, Hosted, Refusal, is_well_formed};
use super::faults::RequestRecord;
use super::{ConnInfo, Shared};

/// Name of the session context cookie. MS-OXCMAPIHTTP leaves the name to the server
/// (2.2.3.2.3); its example 4.2 shows Exchange's `MapiContext`.
pub const CONTEXT_COOKIE: &str = "MapiContext";
/// Name of the request sequence cookie (MS-OXCMAPIHTTP 4.2 shows `MapiSequence`).
pub const SEQUENCE_COOKIE: &str = "MapiSequence";

/// Which endpoint a request came to (MS-OXCMAPIHTTP 2.2.4 mailbox, 2.2.5 address book).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Endpoint {
    Mailbox,
    AddressBook,
}

impl Endpoint {
    /// Where the endpoint's cookies apply.
    fn cookie_path(self) -> &'static str {
        match self {
            Endpoint::Mailbox => super::MAILBOX_PATH,
            Endpoint::AddressBook => super::ADDRESS_BOOK_PATH,
        }
    }

    /// MS-OXCMAPIHTTP 2.2.3.3.2: a request type the endpoint does not serve gets
    /// X-ResponseCode 5, Invalid Request Type.
    fn accepts(self, request_type: &RequestType) -> bool {
        match self {
            Endpoint::Mailbox => request_type.is_mailbox(),
            Endpoint::AddressBook => request_type.is_address_book(),
        }
    }

    fn refusal(self) -> &'static str {
        match self {
            Endpoint::Mailbox => "not a request type of the mailbox endpoint",
            Endpoint::AddressBook => "not a request type of the address book endpoint",
        }
    }

    /// The endpoint's own Session Contexts.
    fn contexts(self, shared: &Shared) -> &Arc<ContextTable> {
        match self {
            Endpoint::Mailbox => &shared.contexts,
            Endpoint::AddressBook => &shared.address_book_contexts,
        }
    }
}

/// What we know of a request, for its response headers and its log record.
struct Req {
    endpoint: Endpoint,
    started: SystemTime,
    t0: Instant,
    record: RequestRecord,
    request_type_raw: Option<String>,
    request_id_raw: Option<String>,
    client_info: Option<String>,
}

impl Req {
    fn finish(mut self, shared: &Shared, status: u16, code: Option<ResponseCode>, size: usize) {
        self.record.http_status = status;
        self.record.response_code = code;
        self.record.response_body_size = size;
        self.record.duration = self.t0.elapsed();
        shared.log.push(self.record);
    }

    /// X-ExpirationInfo, X-ServerApplication and the echoed request headers, which every
    /// answer carries (MS-OXCMAPIHTTP 2.2.2.2; X-ClientInfo is echoed per 2.2.3.3.4).
    fn common_headers(&self, shared: &Shared, h: &mut HeaderMap, expiration: Duration) {
        put(h, X_SERVER_APPLICATION, &shared.config.server_application);
        put(h, X_EXPIRATION_INFO, &expiration.as_millis().to_string());
        if let Some(v) = &self.request_type_raw {
            let canonical = RequestType::parse(v);
            put(h, X_REQUEST_TYPE, canonical.as_str());
        }
        if let Some(v) = &self.request_id_raw {
            put(h, X_REQUEST_ID, v);
        }
        if let Some(v) = &self.client_info {
            put(h, X_CLIENT_INFO, v);
        }
        h.insert(CACHE_CONTROL, HeaderValue::from_static("private"));
    }
}

/// Inserts a header whose value came from config or an echoed request header; a value that
/// is not a valid header value is left out rather than failing the response.
fn put(h: &mut HeaderMap, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        h.insert(HeaderName::from_static(lower(name)), v);
    }
}

/// `HeaderName::from_static` wants lower case; our constants use the specification's case.
fn lower(name: &'static str) -> &'static str {
    match name {
        X_SERVER_APPLICATION => "x-serverapplication",
        X_EXPIRATION_INFO => "x-expirationinfo",
        X_REQUEST_TYPE => "x-requesttype",
        X_REQUEST_ID => "x-requestid",
        X_CLIENT_INFO => "x-clientinfo",
        X_RESPONSE_CODE => "x-responsecode",
        X_PENDING_PERIOD => "x-pendingperiod",
        _ => "x-unknown",
    }
}

fn header_str<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

/// A cookie value from every `Cookie` header of the request (clients may send one header per
/// cookie, as MS-OXCMAPIHTTP 4.2 shows, or join them with `;`).
fn cookie<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| n.trim() == name)
        .map(|(_, v)| v.trim())
}

fn set_cookie(h: &mut HeaderMap, endpoint: Endpoint, name: &str, value: &str) {
    let path = endpoint.cookie_path();
    if let Ok(v) = HeaderValue::from_str(&format!("{name}={value}; Path={path}; HttpOnly")) {
        h.append(SET_COOKIE, v);
    }
}

/// The meta block after DONE (MS-OXCMAPIHTTP 2.2.7): final X-ResponseCode, X-ElapsedTime in
/// milliseconds (2.2.3.3.9) and X-StartTime as an HTTP date (2.2.3.3.10), then the empty line.
fn meta_block(code: ResponseCode, req: &Req) -> String {
    format!(
        "DONE\r\n{X_RESPONSE_CODE}: {}\r\n{X_ELAPSED_TIME}: {}\r\n{X_START_TIME}: {}\r\n\r\n",
        code.0,
        req.t0.elapsed().as_millis(),
        httpdate::fmt_http_date(req.started),
    )
}

/// A refused request: HTTP 200, a `text/html` diagnostic page and the code in X-ResponseCode,
/// with no cookies (MS-OXCMAPIHTTP 2.2.2.2, 3.2.5.1).
fn refuse(shared: &Shared, req: Req, code: ResponseCode, detail: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\r\n<html><head><title>MAPI/HTTP request failed</title></head>\r\n<body><h1>X-ResponseCode {}: {}</h1>\r\n<p>{}</p></body></html>\r\n",
        code.0,
        code.name().unwrap_or("Unknown"),
        escape(detail)
    );
    let mut h = HeaderMap::new();
    req.common_headers(shared, &mut h, shared.config.expiration);
    put(&mut h, X_RESPONSE_CODE, &code.0.to_string());
    h.insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
    let size = html.len();
    req.finish(shared, 200, Some(code), size);
    let mut r = Response::new(Body::from(html));
    *r.headers_mut() = h;
    r
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn plain(
    shared: &Shared,
    req: Req,
    status: StatusCode,
    headers: HeaderMap,
    text: &str,
) -> Response {
    req.finish(shared, status.as_u16(), None, text.len());
    let mut r = Response::new(Body::from(text.to_owned()));
    *r.status_mut() = status;
    *r.headers_mut() = headers;
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    r
}

/// Entry point for `/mapi/emsmdb` and `/mapi/emsmdb/`.
pub(crate) async fn emsmdb(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    handle(shared, request, true, Endpoint::Mailbox).await
}

/// Entry point for paths below `/mapi/emsmdb/` that are not the endpoint.
pub(crate) async fn invalid_path(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    handle(shared, request, false, Endpoint::Mailbox).await
}

/// Entry point for `/mapi/nspi` and `/mapi/nspi/`.
pub(crate) async fn nspi(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    handle(shared, request, true, Endpoint::AddressBook).await
}

/// Entry point for paths below `/mapi/nspi/` that are not the endpoint.
pub(crate) async fn nspi_invalid_path(
    State(shared): State<Arc<Shared>>,
    request: Request,
) -> Response {
    handle(shared, request, false, Endpoint::AddressBook).await
}

async fn handle(
    shared: Arc<Shared>,
    request: Request,
    valid_path: bool,
    endpoint: Endpoint,
) -> Response {
    let connection = request
        .extensions()
        .get::<ConnectInfo<ConnInfo>>()
        .map(|c| c.0.id)
        .unwrap_or(ConnectionId(0));
    let (parts, body) = request.into_parts();
    let h = &parts.headers;
    let request_type_raw = header_str(h, X_REQUEST_TYPE).map(str::to_owned);
    let request_id_raw = header_str(h, X_REQUEST_ID).map(str::to_owned);
    let mailbox_id = parts.uri.query().and_then(|q| {
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| k.eq_ignore_ascii_case("MailboxId"))
            .map(|(_, v)| v.to_owned())
    });
    let mut req = Req {
        endpoint,
        started: SystemTime::now(),
        t0: Instant::now(),
        record: RequestRecord {
            seq: shared.log.next_seq(),
            connection,
            method: parts.method.to_string(),
            path: parts.uri.path().to_owned(),
            mailbox_id,
            request_type: request_type_raw.as_deref().map(RequestType::parse),
            request_id: request_id_raw.clone(),
            parsed_request_id: request_id_raw
                .as_deref()
                .and_then(|v| RequestId::parse(v).ok()),
            login: None,
            context_id: None,
            request_body_size: 0,
            response_body_size: 0,
            pending_count: 0,
            response_code: None,
            http_status: 0,
            started: SystemTime::now(),
            duration: Duration::ZERO,
        },
        request_type_raw,
        request_id_raw,
        client_info: header_str(h, X_CLIENT_INFO).map(str::to_owned),
    };
    req.record.started = req.started;

    // A front end that cannot take the request answers before authenticating it.
    if let Some(retry) = shared.faults.take_unavailable() {
        let mut hm = HeaderMap::new();
        let secs = retry.as_secs() + u64::from(retry.subsec_nanos() > 0);
        if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
            hm.insert(RETRY_AFTER, v);
        }
        return plain(
            &shared,
            req,
            StatusCode::SERVICE_UNAVAILABLE,
            hm,
            "Service Unavailable\r\n",
        );
    }
    if shared.is_shutting_down() {
        return refuse(
            &shared,
            req,
            ResponseCode::ENDPOINT_SHUTTING_DOWN,
            "the server is shutting down",
        );
    }

    // Authentication comes first, as the web server in front of the endpoint does it.
    let authorization = header_str(h, AUTHORIZATION.as_str());
    let login = match (authorization, &shared.config.anonymous) {
        (None, AnonymousPolicy::Allow { login }) => login.clone(),
        (None, AnonymousPolicy::Refuse) => {
            return refuse(
                &shared,
                req,
                ResponseCode::ANONYMOUS_NOT_ALLOWED,
                "anonymous requests are not accepted",
            );
        }
        _ => match shared.authenticator.authenticate(connection, authorization) {
            AuthOutcome::Authenticated(login) => login,
            AuthOutcome::Challenge(offers) => return unauthorized(&shared, req, &offers),
            AuthOutcome::Denied => {
                // The initial offer is what the authenticator answers a request without
                // credentials.
                let offers = match shared.authenticator.authenticate(connection, None) {
                    AuthOutcome::Challenge(o) => o,
                    _ => Vec::new(),
                };
                return unauthorized(&shared, req, &offers);
            }
        },
    };
    req.record.login = Some(login.clone());

    if let Some(code) = shared.faults.take_response_code() {
        return refuse(&shared, req, code, "injected fault");
    }
    if !valid_path {
        return refuse(
            &shared,
            req,
            ResponseCode::INVALID_PATH,
            "no endpoint at this path",
        );
    }
    // MS-OXCMAPIHTTP 2.2.2.1: every request is a POST.
    if parts.method != Method::POST {
        return refuse(
            &shared,
            req,
            ResponseCode::INVALID_VERB,
            "only POST is accepted",
        );
    }
    // MS-OXCMAPIHTTP 2.2.2.1: X-RequestType, X-RequestId, Content-Type and Content-Length
    // are required.
    let Some(type_raw) = req.request_type_raw.clone() else {
        return refuse(
            &shared,
            req,
            ResponseCode::MISSING_HEADER,
            "X-RequestType is missing",
        );
    };
    if req
        .request_id_raw
        .as_deref()
        .is_none_or(|v| v.trim().is_empty())
    {
        return refuse(
            &shared,
            req,
            ResponseCode::MISSING_HEADER,
            "X-RequestId is missing",
        );
    }
    let Some(content_type) = h.get(CONTENT_TYPE) else {
        return refuse(
            &shared,
            req,
            ResponseCode::MISSING_HEADER,
            "Content-Type is missing",
        );
    };
    let mime_ok = content_type
        .to_str()
        .ok()
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case(CONTENT_TYPE_MAPI_HTTP));
    if !mime_ok {
        return refuse(
            &shared,
            req,
            ResponseCode::INVALID_HEADER,
            "Content-Type must be application/mapi-http",
        );
    }
    let chunked = h
        .get(TRANSFER_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let declared = h.get(CONTENT_LENGTH);
    if declared.is_none() && !chunked {
        return refuse(
            &shared,
            req,
            ResponseCode::MISSING_HEADER,
            "Content-Length is missing",
        );
    }
    let request_type = RequestType::parse(&type_raw);
    if !endpoint.accepts(&request_type) {
        return refuse(
            &shared,
            req,
            ResponseCode::INVALID_REQUEST_TYPE,
            endpoint.refusal(),
        );
    }
    let limit = shared.config.max_body_size;
    let too_large = declared
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .is_some_and(|n| n > limit as u64);
    if too_large {
        return refuse(
            &shared,
            req,
            ResponseCode::TOO_LARGE,
            "request body too large",
        );
    }
    let body = match read_limited(body, limit).await {
        Ok(b) => b,
        Err(ReadError::TooLarge) => {
            return refuse(
                &shared,
                req,
                ResponseCode::TOO_LARGE,
                "request body too large",
            );
        }
        Err(ReadError::Io) => {
            return refuse(
                &shared,
                req,
                ResponseCode::INVALID_REQUEST_BODY,
                "request body could not be read",
            );
        }
    };
    req.record.request_body_size = body.len();

    let context_cookie = cookie(h, CONTEXT_COOKIE).map(str::to_owned);
    let sequence_cookie = cookie(h, SEQUENCE_COOKIE).map(str::to_owned);
    if endpoint == Endpoint::AddressBook && request_type != RequestType::Ping {
        return address_book(
            shared,
            req,
            login,
            request_type,
            &body,
            context_cookie.as_deref(),
            sequence_cookie.as_deref(),
        )
        .await;
    }
    match request_type {
        RequestType::Ping => ping(shared, req, &login, context_cookie.as_deref()).await,
        RequestType::Connect => {
            let Ok(body) = ConnectRequest::from_bytes(&body) else {
                return refuse(
                    &shared,
                    req,
                    ResponseCode::INVALID_REQUEST_BODY,
                    "not a Connect request body",
                );
            };
            connect(shared, req, login, context_cookie.as_deref(), body).await
        }
        RequestType::Execute | RequestType::Disconnect | RequestType::NotificationWait => {
            let entry =
                match live_context(&shared, endpoint, context_cookie.as_deref(), &login).await {
                    Ok(e) => e,
                    Err((code, why)) => return refuse(&shared, req, code, why),
                };
            req.record.context_id = Some(entry.id.clone());
            match request_type {
                RequestType::Execute => {
                    let Ok(body) = ExecuteRequest::from_bytes(&body) else {
                        return refuse(
                            &shared,
                            req,
                            ResponseCode::INVALID_REQUEST_BODY,
                            "not an Execute request body",
                        );
                    };
                    execute(shared, req, entry, sequence_cookie.as_deref(), body)
                }
                RequestType::Disconnect => {
                    if DisconnectRequest::from_bytes(&body).is_err() {
                        return refuse(
                            &shared,
                            req,
                            ResponseCode::INVALID_REQUEST_BODY,
                            "not a Disconnect request body",
                        );
                    }
                    disconnect(shared, req, entry, sequence_cookie.as_deref(), || {
                        DisconnectResponse::Success {
                            error_code: crate::wire::ErrorCode(0),
                            auxiliary_buffer: Vec::new(),
                        }
                        .to_bytes()
                    })
                }
                _ => {
                    if NotificationWaitRequest::from_bytes(&body).is_err() {
                        return refuse(
                            &shared,
                            req,
                            ResponseCode::INVALID_REQUEST_BODY,
                            "not a NotificationWait request body",
                        );
                    }
                    notification_wait(shared, req, entry)
                }
            }
        }
        _ => refuse(
            &shared,
            req,
            ResponseCode::INVALID_REQUEST_TYPE,
            "not a request type of the mailbox endpoint",
        ),
    }
}

/// The live context a request's context cookie names on `endpoint`: 13 (Missing Cookie)
/// without one, else what [`ContextTable::find`] decides.
async fn live_context(
    shared: &Shared,
    endpoint: Endpoint,
    cookie: Option<&str>,
    login: &str,
) -> Result<Arc<ContextEntry>, (ResponseCode, &'static str)> {
    let Some(id) = cookie else {
        return Err((
            ResponseCode::MISSING_COOKIE,
            "the session context cookie is missing",
        ));
    };
    endpoint
        .contexts(shared)
        .find(id, login)
        .await
        .map_err(|Refusal(code)| (code, "the session context is not usable"))
}

/// MS-OXCMAPIHTTP 3.2.5.1, 3.2.5.6 for Connect and Bind: a still-live context of the same
/// user named by the request's cookie is destroyed before the new one is made.
async fn end_previous(shared: &Shared, endpoint: Endpoint, old: Option<&str>, login: &str) {
    let contexts = endpoint.contexts(shared);
    if let Some(old) = old.filter(|v| is_well_formed(v))
        && contexts.get_owned(old, login).is_some()
    {
        contexts.destroy(old).await;
    }
}

/// The address book endpoint (MS-OXCMAPIHTTP 2.2.5) for every request type but PING: Bind
/// makes a context, Unbind ends it, the others run on it one at a time under the sequence
/// cookie, as Execute does on the mailbox endpoint.
async fn address_book(
    shared: Arc<Shared>,
    mut req: Req,
    login: String,
    request_type: RequestType,
    body: &[u8],
    context: Option<&str>,
    sequence: Option<&str>,
) -> Response {
    let Some(backend) = shared.address_book.get().cloned() else {
        return refuse(
            &shared,
            req,
            ResponseCode::INVALID_PATH,
            "no address book at this server",
        );
    };
    let Ok(decoded) = NspiRequest::decode(&request_type, body) else {
        return refuse(
            &shared,
            req,
            ResponseCode::INVALID_REQUEST_BODY,
            "not a request body of its X-RequestType",
        );
    };
    if let NspiRequest::Bind(bind) = decoded {
        return bind_context(shared, req, backend, login, context, bind).await;
    }
    let entry = match live_context(&shared, Endpoint::AddressBook, context, &login).await {
        Ok(e) => e,
        Err((code, why)) => return refuse(&shared, req, code, why),
    };
    req.record.context_id = Some(entry.id.clone());
    if let NspiRequest::Unbind(_) = decoded {
        return disconnect(shared, req, entry, sequence, || {
            UnbindResponse::Success(UnbindSuccess {
                error_code: crate::wire::ErrorCode::UNBIND_SUCCESS,
                auxiliary_buffer: Vec::new(),
            })
            .to_bytes()
        });
    }
    run_claimed(shared, req, entry, sequence, move |hosted| match hosted {
        Hosted::AddressBook(s) => Some(match s.call(&decoded).to_bytes() {
            Ok(b) => Outcome::ok(b),
            Err(_) => Outcome::failed(ResponseCode::UNKNOWN_FAILURE),
        }),
        Hosted::Mailbox(_) => None,
    })
}

/// MS-OXCMAPIHTTP 2.2.5.1, MS-OXNSPI 3.1.4.1.1: Bind makes an address book context, the
/// way Connect makes a mailbox one. A refusal is the ErrorCode of the success form.
async fn bind_context(
    shared: Arc<Shared>,
    mut req: Req,
    backend: Arc<dyn AddressBookBackend>,
    login: String,
    old_context: Option<&str>,
    body: BindRequest,
) -> Response {
    end_previous(&shared, Endpoint::AddressBook, old_context, &login).await;
    let (id, sequence) = ContextTable::reserve();
    req.record.context_id = Some(id.clone());
    let latency = shared.config.latency.connect;
    let contexts = shared.address_book_contexts.clone();
    let cookies = (id.clone(), sequence.clone());
    let work = async move {
        pause(latency).await;
        let who = login.clone();
        let result = tokio::task::spawn_blocking(move || backend.bind(&who, &body)).await;
        let answer = |error_code, server_guid| {
            Outcome::encoded(&BindResponse::Success(BindSuccess {
                error_code,
                server_guid,
                auxiliary_buffer: Vec::new(),
            }))
        };
        match result {
            Ok(Ok((server_guid, session))) => {
                contexts.insert(id.clone(), sequence, &login, Hosted::AddressBook(session));
                let mut out = answer(crate::wire::ErrorCode(0), server_guid);
                out.context_id = Some(id);
                out
            }
            Ok(Err(error_code)) => answer(error_code, uuid::Uuid::nil()),
            Err(_) => Outcome::failed(ResponseCode::UNKNOWN_FAILURE),
        }
    };
    stream(shared, req, Some(cookies), None, work)
}

fn unauthorized(shared: &Shared, req: Req, offers: &[String]) -> Response {
    let mut h = HeaderMap::new();
    for o in offers {
        if let Ok(v) = HeaderValue::from_str(o) {
            h.append(WWW_AUTHENTICATE, v);
        }
    }
    plain(shared, req, StatusCode::UNAUTHORIZED, h, "Unauthorized\r\n")
}

enum ReadError {
    TooLarge,
    Io,
}

/// Reads the request body, refusing to buffer more than `limit` bytes (chunked requests have
/// no Content-Length to check up front).
async fn read_limited(mut body: Body, limit: usize) -> Result<Vec<u8>, ReadError> {
    let mut out = Vec::new();
    loop {
        let frame =
            std::future::poll_fn(|cx| http_body::Body::poll_frame(Pin::new(&mut body), cx)).await;
        match frame {
            None => return Ok(out),
            Some(Err(_)) => return Err(ReadError::Io),
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    if out.len().saturating_add(data.len()) > limit {
                        return Err(ReadError::TooLarge);
                    }
                    out.extend_from_slice(&data);
                }
            }
        }
    }
}

/// MS-OXCMAPIHTTP 2.2.6 / 4.3: no request body, no response body, only the meta-tags. With a
/// context cookie it refreshes that context ("to keep the server from timing out the Session
/// Context"); a dead context answers 10. PING never takes the sequence slot.
async fn ping(shared: Arc<Shared>, mut req: Req, login: &str, context: Option<&str>) -> Response {
    let mut expiration = shared.config.expiration;
    if let Some(id) = context {
        match req.endpoint.contexts(&shared).find(id, login).await {
            Ok(entry) => {
                entry.touch();
                req.record.context_id = Some(entry.id.clone());
                expiration = entry.remaining(shared.config.expiration);
            }
            Err(Refusal(code)) => {
                return refuse(&shared, req, code, "the session context is not usable");
            }
        }
    }
    let latency = shared.config.latency.ping;
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let text = format!("PROCESSING\r\n{}", meta_block(ResponseCode::SUCCESS, &req));
    let mut h = HeaderMap::new();
    req.common_headers(&shared, &mut h, expiration);
    put(&mut h, X_RESPONSE_CODE, "0");
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(CONTENT_TYPE_MAPI_HTTP),
    );
    req.finish(&shared, 200, Some(ResponseCode::SUCCESS), text.len());
    let mut r = Response::new(Body::from(text));
    *r.headers_mut() = h;
    r
}

/// What the work of a streamed request produced: the final X-ResponseCode and the body.
struct Outcome {
    code: ResponseCode,
    body: Vec<u8>,
    context_id: Option<String>,
}

impl Outcome {
    fn ok(body: Vec<u8>) -> Self {
        Outcome {
            code: ResponseCode::SUCCESS,
            body,
            context_id: None,
        }
    }

    fn failed(code: ResponseCode) -> Self {
        Outcome {
            code,
            body: Vec::new(),
            context_id: None,
        }
    }

    /// Encodes a response body; a body the codec refuses is the backend's fault, reported
    /// as Unknown Failure in the meta block.
    fn encoded<T: Wire>(value: &T) -> Self {
        match value.to_bytes() {
            Ok(b) => Outcome::ok(b),
            Err(_) => Outcome::failed(ResponseCode::UNKNOWN_FAILURE),
        }
    }
}

/// A response body fed from a channel, so PENDING keep-alives go out while the work runs.
struct ChannelBody {
    rx: mpsc::Receiver<Bytes>,
}

impl http_body::Body for ChannelBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.rx.poll_recv(cx).map(|o| o.map(|b| Ok(Frame::data(b))))
    }
}

/// Starts a streamed response (MS-OXCMAPIHTTP 3.2.5.2, 3.2.5.3): headers with X-ResponseCode
/// 0 and `cookies`, then PROCESSING at once, PENDING every X-PendingPeriod while `work` (and
/// any injected delay) runs, then DONE, the meta block and the body. `claim` is released,
/// and the request logged, before the last chunk goes out, so a client that has the whole
/// response can send its next request at once.
fn stream<W>(
    shared: Arc<Shared>,
    req: Req,
    cookies: Option<(String, String)>,
    claim: Option<Claim>,
    work: W,
) -> Response
where
    W: Future<Output = Outcome> + Send + 'static,
{
    let mut h = HeaderMap::new();
    req.common_headers(&shared, &mut h, shared.config.expiration);
    put(&mut h, X_RESPONSE_CODE, "0");
    put(
        &mut h,
        X_PENDING_PERIOD,
        &shared.config.pending_period.as_millis().to_string(),
    );
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(CONTENT_TYPE_MAPI_HTTP),
    );
    if let Some((context, sequence)) = &cookies {
        set_cookie(&mut h, req.endpoint, CONTEXT_COOKIE, context);
        set_cookie(&mut h, req.endpoint, SEQUENCE_COOKIE, sequence);
    }
    let (tx, rx) = mpsc::channel::<Bytes>(8);
    tokio::spawn(async move {
        let mut req = req;
        let mut sent = 0usize;
        let processing = Bytes::from_static(b"PROCESSING\r\n");
        sent += processing.len();
        // A client that went away does not stop the work: the context must end consistent.
        let _ = tx.send(processing).await;
        let delay = shared.faults.take_delay_before_done();
        let period = shared.config.pending_period.max(Duration::from_millis(1));
        let mut ticker = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let work = async move {
            let out = work.await;
            if let Some(d) = delay {
                tokio::time::sleep(d).await;
            }
            out
        };
        tokio::pin!(work);
        let outcome = loop {
            tokio::select! {
                out = &mut work => break out,
                _ = ticker.tick() => {
                    let pending = Bytes::from_static(b"PENDING\r\n");
                    sent += pending.len();
                    req.record.pending_count = req.record.pending_count.saturating_add(1);
                    let _ = tx.send(pending).await;
                }
            }
        };
        if let Some(id) = outcome.context_id.clone() {
            req.record.context_id = Some(id);
        }
        let mut last = meta_block(outcome.code, &req).into_bytes();
        last.extend_from_slice(&outcome.body);
        sent += last.len();
        drop(claim);
        req.finish(&shared, 200, Some(outcome.code), sent);
        let _ = tx.send(Bytes::from(last)).await;
    });
    let mut r = Response::new(Body::new(ChannelBody { rx }));
    *r.headers_mut() = h;
    r
}

async fn pause(latency: Duration) {
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
}

/// A query value with its `%XX` escapes decoded (RFC 3986 2.1), so `<guid>%40<domain>` and
/// `<guid>@<domain>` name the same mailbox. Malformed escapes are kept as sent; bytes that do
/// not form UTF-8 are replaced, which can only make the value name no mailbox.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// MS-OXCMAPIHTTP 3.2.5.1 (Connect) and 3.2.5.6 (reconnect: a still-live context named by the
/// request's cookie is destroyed first, and its sequence cookie is ignored).
async fn connect(
    shared: Arc<Shared>,
    mut req: Req,
    login: String,
    old_context: Option<&str>,
    body: ConnectRequest,
) -> Response {
    end_previous(&shared, Endpoint::Mailbox, old_context, &login).await;
    let (id, sequence) = ContextTable::reserve();
    req.record.context_id = Some(id.clone());
    // The backend routes the context by MailboxId (which server it acts as).
    let mailbox_id = req.record.mailbox_id.as_deref().map(percent_decode);
    let latency = shared.config.latency.connect;
    let backend = shared.backend.clone();
    let contexts = shared.contexts.clone();
    let cookies = (id.clone(), sequence.clone());
    let work = async move {
        pause(latency).await;
        let who = login.clone();
        let result = tokio::task::spawn_blocking(move || {
            backend.connect(&who, mailbox_id.as_deref(), &body)
        })
        .await;
        match result {
            Ok(Ok((granted, session))) => {
                contexts.insert(id.clone(), sequence, &login, Hosted::Mailbox(session));
                let mut out = Outcome::encoded(&ConnectResponse::Success {
                    error_code: crate::wire::ErrorCode(0),
                    max_polling_interval: granted.max_polling_interval,
                    max_retry_count: granted.max_retry_count,
                    retry_delay: granted.retry_delay,
                    dn_prefix: granted.dn_prefix,
                    display_name: granted.display_name,
                    auxiliary_buffer: Vec::new(),
                });
                out.context_id = Some(id);
                out
            }
            // A MAPI-level refusal: StatusCode 0 and the ErrorCode in the success layout,
            // other fields zero (see wire::mapihttp::mailbox).
            Ok(Err(ConnectRefused(error_code))) => Outcome::encoded(&ConnectResponse::Success {
                error_code,
                max_polling_interval: 0,
                max_retry_count: 0,
                retry_delay: 0,
                dn_prefix: String::new(),
                display_name: String::new(),
                auxiliary_buffer: Vec::new(),
            }),
            Err(_) => Outcome::failed(ResponseCode::UNKNOWN_FAILURE),
        }
    };
    stream(shared, req, Some(cookies), None, work)
}

fn execute(
    shared: Arc<Shared>,
    req: Req,
    entry: Arc<ContextEntry>,
    sequence: Option<&str>,
    body: ExecuteRequest,
) -> Response {
    run_claimed(shared, req, entry, sequence, move |hosted| match hosted {
        Hosted::Mailbox(s) => Some(Outcome::encoded::<ExecuteResponse>(&s.execute(&body))),
        Hosted::AddressBook(_) => None,
    })
}

/// Claims the request sequence of `entry`, then streams what `call` makes of the context's
/// hosted session, after the configured latency and off the async threads. Execute and every
/// NSPI call go this way; `call` answers `None` when the context hosts the other endpoint's
/// session.
fn run_claimed(
    shared: Arc<Shared>,
    req: Req,
    entry: Arc<ContextEntry>,
    sequence: Option<&str>,
    call: impl FnOnce(&mut Hosted) -> Option<Outcome> + Send + 'static,
) -> Response {
    let (claim, next) = match ContextTable::claim(&entry, sequence) {
        Ok(c) => c,
        Err(Refusal(code)) => {
            return refuse(
                &shared,
                req,
                code,
                "the request sequence cookie is not valid",
            );
        }
    };
    let latency = shared.config.latency.execute;
    let session = entry.session.clone();
    let work = async move {
        pause(latency).await;
        let result = tokio::task::spawn_blocking(move || {
            let mut guard = session.lock().unwrap_or_else(|e| e.into_inner());
            guard.as_mut().and_then(call)
        })
        .await;
        match result {
            Ok(Some(outcome)) => outcome,
            // Destroyed (expired by a fault) while this request waited for the latency.
            Ok(None) => Outcome::failed(ResponseCode::CONTEXT_NOT_FOUND),
            Err(_) => Outcome::failed(ResponseCode::UNKNOWN_FAILURE),
        }
    };
    stream(
        shared,
        req,
        Some((entry.id.clone(), next)),
        Some(claim),
        work,
    )
}

/// MS-OXCMAPIHTTP 3.2.5.4: the context ends and its cookie stops working; the Set-Cookie
/// headers are still sent.
/// Unbind (MS-OXCMAPIHTTP 2.2.5.2) ends an address book context the same way; `answer`
/// builds the endpoint's response body.
fn disconnect<F>(
    shared: Arc<Shared>,
    req: Req,
    entry: Arc<ContextEntry>,
    sequence: Option<&str>,
    answer: F,
) -> Response
where
    F: FnOnce() -> Result<Vec<u8>, crate::wire::EncodeError> + Send + 'static,
{
    let (claim, next) = match ContextTable::claim(&entry, sequence) {
        Ok(c) => c,
        Err(Refusal(code)) => {
            return refuse(
                &shared,
                req,
                code,
                "the request sequence cookie is not valid",
            );
        }
    };
    let latency = shared.config.latency.disconnect;
    let contexts = req.endpoint.contexts(&shared).clone();
    let id = entry.id.clone();
    let work = async move {
        pause(latency).await;
        if contexts.destroy(&id).await {
            match answer() {
                Ok(b) => Outcome::ok(b),
                Err(_) => Outcome::failed(ResponseCode::UNKNOWN_FAILURE),
            }
        } else {
            Outcome::failed(ResponseCode::CONTEXT_NOT_FOUND)
        }
    };
    stream(
        shared,
        req,
        Some((entry.id.clone(), next)),
        Some(claim),
        work,
    )
}

/// Whether the backend has an event waiting; `None` once the context is gone.
async fn event_pending(entry: &ContextEntry) -> Option<bool> {
    let session = entry.session.clone();
    tokio::task::spawn_blocking(move || {
        let guard = session.lock().unwrap_or_else(|e| e.into_inner());
        match guard.as_ref() {
            Some(Hosted::Mailbox(s)) => Some(s.event_pending()),
            _ => None,
        }
    })
    .await
    .ok()
    .flatten()
}

async fn signal_changed(signal: &mut Option<watch::Receiver<u64>>) {
    match signal {
        Some(rx) => {
            if rx.changed().await.is_err() {
                // The backend dropped its sender: no more wake-ups, only the deadline.
                *signal = None;
            }
        }
        None => std::future::pending::<()>().await,
    }
}

/// MS-OXCMAPIHTTP 3.2.5.5: answer at once when an event is pending, else wait for one (the
/// backend's signal) up to the limit (MS-OXCRPC 3.3.4.1: 5 minutes), with PENDING meanwhile.
/// It may overlap an Execute on the same context; a second NotificationWait may not (15).
/// It neither needs nor rotates the sequence cookie and sends no Set-Cookie, so it cannot
/// overwrite the cookie an overlapping Execute hands out.
fn notification_wait(shared: Arc<Shared>, req: Req, entry: Arc<ContextEntry>) -> Response {
    let claim = match ContextTable::claim_wait(&entry) {
        Ok(c) => c,
        Err(Refusal(code)) => {
            return refuse(
                &shared,
                req,
                code,
                "a NotificationWait is already outstanding",
            );
        }
    };
    let latency = shared.config.latency.notification_wait;
    let max = shared.config.notification_wait_max;
    let work = async move {
        pause(latency).await;
        let deadline = tokio::time::Instant::now() + max;
        let mut closed = entry.closed();
        let mut signal = entry.event_signal.clone();
        if let Some(rx) = signal.as_mut() {
            rx.borrow_and_update();
        }
        let answer = |pending: bool| {
            Outcome::encoded(&NotificationWaitResponse::Success {
                error_code: crate::wire::ErrorCode(0),
                event_pending: u32::from(pending),
                auxiliary_buffer: Vec::new(),
            })
        };
        loop {
            match event_pending(&entry).await {
                None => return Outcome::failed(ResponseCode::CONTEXT_NOT_FOUND),
                Some(true) => return answer(true),
                Some(false) => {}
            }
            if tokio::time::Instant::now() >= deadline {
                return answer(false);
            }
            tokio::select! {
                _ = tokio::time::sleep_until(deadline) => {}
                _ = closed.wait_for(|c| *c) => {
                    return Outcome::failed(ResponseCode::CONTEXT_NOT_FOUND);
                }
                _ = signal_changed(&mut signal) => {}
            }
        }
    };
    stream(shared, req, None, Some(claim), work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailbox_id_escapes_are_decoded() {
        assert_eq!(
            percent_decode("0f3a%40contoso.example"),
            "0f3a@contoso.example"
        );
        assert_eq!(percent_decode("a%2fb%2Fc"), "a/b/c");
        // Malformed or cut-off escapes stay as sent.
        assert_eq!(percent_decode("50%zz%4"), "50%zz%4");
        assert_eq!(
            percent_decode("mbx2.contoso.example"),
            "mbx2.contoso.example"
        );
    }

    #[test]
    fn cookies_from_several_headers() {
        let mut h = HeaderMap::new();
        h.append(COOKIE, HeaderValue::from_static("a=1; MapiContext=abc"));
        h.append(COOKIE, HeaderValue::from_static("MapiSequence = def "));
        assert_eq!(cookie(&h, CONTEXT_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, SEQUENCE_COOKIE), Some("def"));
        assert_eq!(cookie(&h, "a"), Some("1"));
        assert_eq!(cookie(&h, "b"), None);
        h.append(COOKIE, HeaderValue::from_static("garbage;;=;x"));
        assert_eq!(cookie(&h, "x"), None);
    }

    #[test]
    fn header_names_map_to_lower_case() {
        for n in [
            X_SERVER_APPLICATION,
            X_EXPIRATION_INFO,
            X_REQUEST_TYPE,
            X_REQUEST_ID,
            X_CLIENT_INFO,
            X_RESPONSE_CODE,
            X_PENDING_PERIOD,
        ] {
            assert_eq!(lower(n), n.to_ascii_lowercase());
        }
    }
}
