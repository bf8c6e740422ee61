//! Recording: a transport wrapper that writes every exchange to a HAR file as it completes.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Instant, SystemTime};

use serde_json::{Value, json};

use super::har::{
    Content, Cookie, Entry, Extra, Har, NameValue, PostData, Request, Response, Timings, base64_of,
    iso8601,
};
use super::mask::Masker;
use crate::session::{HttpRequest, HttpResponse, ResponseBody};
use crate::transport::{Transport, TransportError, WireCapture};
use crate::wire::mapihttp::RequestType;

/// The extension member of `response.content` saying the body was rebuilt from its framed
/// form (PROCESSING/PENDING/DONE, meta lines, body) rather than copied from the socket: the
/// transport hands framed responses over already parsed.
pub const REENCODED: &str = "_reencoded";

/// The extension member of `response` describing a transport error (no HTTP response).
pub const ERROR: &str = "_error";

/// The extension member of an entry that is an authentication leg the server answered 401
/// (NTLM or Negotiate) before the exchange's last leg: recorded as it happened, skipped by
/// replay, which has no handshake to run.
pub const AUTH_LEG: &str = "_authLeg";

/// Collects exchanges into a HAR archive and rewrites the file after each one (to a temporary
/// file renamed over the target), so the file on disk is always a complete HAR and a crash
/// loses at most the exchange in flight.
///
/// Secrets are masked before anything is kept, in memory or on disk.
pub struct Recorder {
    path: Option<PathBuf>,
    state: Mutex<State>,
}

struct State {
    har: Har,
    masker: Masker,
    /// The first write failure, kept for [`Recorder::flush`] and [`Recorder::finish`].
    write_error: Option<io::Error>,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recorder")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Recorder {
    /// A recorder writing to `path` (created or truncated now, so a bad path fails early).
    pub fn create(path: impl AsRef<Path>) -> io::Result<Self> {
        let recorder = Recorder {
            path: Some(path.as_ref().to_owned()),
            state: Mutex::new(State {
                har: Har::new(Some("recorded by mapi-http".into())),
                masker: Masker::new(),
                write_error: None,
            }),
        };
        recorder.flush()?;
        Ok(recorder)
    }

    /// A recorder that keeps the archive in memory only (see [`Recorder::har`]).
    pub fn in_memory() -> Self {
        Recorder {
            path: None,
            state: Mutex::new(State {
                har: Har::new(Some("recorded by mapi-http".into())),
                masker: Masker::new(),
                write_error: None,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while recording leaves a consistent archive (entries are pushed whole).
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Also scrub `secret` (a password or token the client uses) from everything recorded
    /// from now on: header values, URLs, bodies.
    pub fn add_secret(&self, secret: &str) {
        self.lock().masker.add_secret(secret);
    }

    /// Sets `log.comment`: what the conversation is.
    pub fn set_comment(&self, comment: impl Into<String>) {
        self.lock().har.log.comment = Some(comment.into());
    }

    /// A copy of the archive so far.
    pub fn har(&self) -> Har {
        self.lock().har.clone()
    }

    /// Exchanges recorded so far.
    pub fn len(&self) -> usize {
        self.lock().har.log.entries.len()
    }

    /// Whether nothing was recorded yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records one exchange: `request` as sent, and the response or the error it ended with.
    /// `started` is when it was sent (wall clock, for `startedDateTime`), `elapsed` how long
    /// it took.
    pub fn record(
        &self,
        request: &HttpRequest,
        outcome: &Result<HttpResponse, TransportError>,
        started: SystemTime,
        elapsed: std::time::Duration,
    ) {
        self.record_wire(request, outcome, None, started, elapsed);
    }

    /// Like [`Recorder::record`], with the response body as it came off the wire when the
    /// transport kept it ([`Transport::send_keeping_wire`]); without it the body is rebuilt
    /// from its framed form and marked [`REENCODED`].
    pub fn record_wire(
        &self,
        request: &HttpRequest,
        outcome: &Result<HttpResponse, TransportError>,
        wire: Option<WireCapture>,
        started: SystemTime,
        elapsed: std::time::Duration,
    ) {
        let mut state = self.lock();
        let mut wire = wire;
        let legs = wire
            .as_mut()
            .map(|w| std::mem::take(&mut w.auth_legs))
            .unwrap_or_default();
        for (n, leg) in legs.into_iter().enumerate() {
            let answer = Ok(HttpResponse::from_raw(
                leg.status,
                leg.response_headers.clone(),
                &leg.response_body,
            ));
            let capture = WireCapture {
                response_body: leg.response_body,
                added_headers: leg.added_headers,
                auth_legs: Vec::new(),
            };
            let mut entry = build_entry(
                &mut state.masker,
                request,
                &answer,
                Some(capture),
                started,
                std::time::Duration::ZERO,
            );
            entry.comment = Some(format!(
                "{}: authentication leg {} (answered {})",
                request.request_type.as_str(),
                n + 1,
                entry.response.status
            ));
            entry.extra.insert(AUTH_LEG.into(), Value::Bool(true));
            state.har.log.entries.push(entry);
        }
        let entry = build_entry(&mut state.masker, request, outcome, wire, started, elapsed);
        state.har.log.entries.push(entry);
        if let Err(e) = self.write(&state) {
            state.write_error.get_or_insert(e);
        }
    }

    fn write(&self, state: &State) -> io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let text = state.har.to_json().map_err(io::Error::other)?;
        let mut tmp = path.clone().into_os_string();
        tmp.push(".partial");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path)
    }

    /// Writes the archive now; reports the first write failure since the last flush.
    pub fn flush(&self) -> io::Result<()> {
        let mut state = self.lock();
        if let Some(e) = state.write_error.take() {
            return Err(e);
        }
        self.write(&state)
    }

    /// Writes the archive a last time and reports any write failure of the run.
    pub fn finish(self) -> io::Result<Har> {
        self.flush()?;
        Ok(self
            .state
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .har)
    }
}

/// A [`Transport`] that sends through `inner` and records every exchange with a
/// [`Recorder`].
#[derive(Debug)]
pub struct RecordingTransport<T> {
    inner: T,
    recorder: std::sync::Arc<Recorder>,
}

impl<T: Transport> RecordingTransport<T> {
    /// Records what `inner` does into `recorder` (shared, so the caller can flush it).
    pub fn new(inner: T, recorder: std::sync::Arc<Recorder>) -> Self {
        RecordingTransport { inner, recorder }
    }

    /// Records what `inner` does into a new HAR file at `path`.
    pub fn create(inner: T, path: impl AsRef<Path>) -> io::Result<Self> {
        Ok(Self::new(
            inner,
            std::sync::Arc::new(Recorder::create(path)?),
        ))
    }

    /// The recorder.
    pub fn recorder(&self) -> &std::sync::Arc<Recorder> {
        &self.recorder
    }

    /// The wrapped transport.
    pub fn inner(&self) -> &T {
        &self.inner
    }
}

impl<T: Transport> Transport for RecordingTransport<T> {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let started = SystemTime::now();
        let clock = Instant::now();
        let (outcome, wire) = self.inner.send_keeping_wire(request).await;
        self.recorder
            .record_wire(request, &outcome, wire, started, clock.elapsed());
        outcome
    }

    fn auth_exchanges(&self) -> u64 {
        self.inner.auth_exchanges()
    }
}

fn status_text(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// The body of `response` as the server sent it (de-chunked). Plain bodies are exact; framed
/// ones are rebuilt from the framer's output, which keeps every meta line and the body but
/// not the order of PROCESSING and PENDING or optional line ends between them.
pub fn wire_body(response: &HttpResponse) -> (Vec<u8>, bool) {
    match &response.body {
        ResponseBody::Plain(b) => (b.clone(), false),
        ResponseBody::Framed(f) => {
            let mut out = Vec::with_capacity(f.body.len() + 128);
            match f.encode(&mut out) {
                Ok(()) => (out, true),
                // Meta lines the encoder refuses cannot have come off the wire; keep the body.
                Err(_) => (f.body.clone(), true),
            }
        }
    }
}

fn cookies_of(header: &str) -> Vec<Cookie> {
    header
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .map(|(n, v)| Cookie {
            name: n.trim().to_owned(),
            value: v.trim().to_owned(),
            path: None,
            domain: None,
            http_only: None,
            secure: None,
        })
        .collect()
}

fn set_cookie_of(header: &str) -> Option<Cookie> {
    let mut parts = header.split(';');
    let (name, value) = parts.next()?.split_once('=')?;
    let mut c = Cookie {
        name: name.trim().to_owned(),
        value: value.trim().to_owned(),
        path: None,
        domain: None,
        http_only: None,
        secure: None,
    };
    for attribute in parts {
        let (k, v) = attribute.split_once('=').unwrap_or((attribute, ""));
        match k.trim().to_ascii_lowercase().as_str() {
            "path" => c.path = Some(v.trim().to_owned()),
            "domain" => c.domain = Some(v.trim().to_owned()),
            "httponly" => c.http_only = Some(true),
            "secure" => c.secure = Some(true),
            _ => {}
        }
    }
    Some(c)
}

fn query_of(url: &str) -> Vec<NameValue> {
    let Some((_, query)) = url.split_once('?') else {
        return Vec::new();
    };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            NameValue {
                name: n.to_owned(),
                value: v.to_owned(),
            }
        })
        .collect()
}

/// The connection label: requests on one label run one after another, as on the one HTTP
/// connection a client keeps per session context. A context is the endpoint and the mailbox it
/// names (`MailboxId`, so the context a redirect leads to is a label of its own); a
/// NotificationWait runs on a connection of its own beside its context's.
pub(crate) fn lane_of(url: &str, request_type: &RequestType) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path_and_query = after_scheme.split_once('/').map_or("", |(_, p)| p);
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let path = path.trim_end_matches('/').to_ascii_lowercase();
    let mailbox = query
        .split(['&', '#'])
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("MailboxId"))
        .map(|(_, v)| format!("?mailboxid={}", v.to_ascii_lowercase()))
        .unwrap_or_default();
    if *request_type == RequestType::NotificationWait {
        format!("/{path}{mailbox}#wait")
    } else {
        format!("/{path}{mailbox}")
    }
}

fn build_entry(
    masker: &mut Masker,
    request: &HttpRequest,
    outcome: &Result<HttpResponse, TransportError>,
    wire: Option<WireCapture>,
    started: SystemTime,
    elapsed: std::time::Duration,
) -> Entry {
    let (kept_body, added_headers) = match wire {
        Some(w) => (Some(w.response_body), w.added_headers),
        None => (None, Vec::new()),
    };
    let url = masker.scrub_text(&request.url);
    let mut headers: Vec<NameValue> = request
        .headers
        .iter()
        .map(|(n, v)| NameValue {
            name: (*n).to_owned(),
            value: masker.header(n, v),
        })
        .collect();
    // A MAPI/HTTP request always carries its type; a request without the header (an
    // Autodiscover POST) is recorded as sent, and replay tells its type by its URL.
    if request.header("x-requesttype").is_none()
        && (request.request_type.is_mailbox() || request.request_type.is_address_book())
    {
        headers.push(NameValue {
            name: "X-RequestType".into(),
            value: request.request_type.as_str().to_owned(),
        });
    }
    // Below the session the transport adds Host and Authorization (already redacted).
    for (name, value) in &added_headers {
        if !headers.iter().any(|h| h.name.eq_ignore_ascii_case(name)) {
            headers.push(NameValue {
                name: name.clone(),
                value: masker.header(name, value),
            });
        }
    }
    headers.push(NameValue {
        name: "Content-Length".into(),
        value: request.body.len().to_string(),
    });
    let cookies = headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("cookie"))
        .flat_map(|h| cookies_of(&h.value))
        .collect();
    let post_data = (!request.body.is_empty()).then(|| {
        let mut body = request.body.clone();
        masker.scrub_bytes(&mut body);
        PostData {
            mime_type: request
                .header("content-type")
                .unwrap_or("application/mapi-http")
                .to_owned(),
            text: base64_of(&body),
            encoding: Some("base64".into()),
        }
    });
    let ms = elapsed.as_secs_f64() * 1000.0;
    let request_entry = Request {
        method: "POST".into(),
        query_string: query_of(&url),
        url,
        http_version: "HTTP/1.1".into(),
        headers,
        cookies,
        post_data,
        headers_size: -1,
        body_size: request.body.len() as i64,
        comment: None,
        extra: Extra::new(),
    };
    let response = match outcome {
        Ok(r) => {
            let headers: Vec<NameValue> = r
                .headers
                .iter()
                .map(|(n, v)| NameValue {
                    name: n.clone(),
                    value: masker.header(n, v),
                })
                .collect();
            let cookies = headers
                .iter()
                .filter(|h| h.name.eq_ignore_ascii_case("set-cookie"))
                .filter_map(|h| set_cookie_of(&h.value))
                .collect();
            let (mut body, reencoded) = match kept_body {
                Some(bytes) => (bytes, false),
                None => wire_body(r),
            };
            masker.scrub_bytes(&mut body);
            let mut extra = Extra::new();
            if reencoded {
                extra.insert(REENCODED.into(), Value::Bool(true));
            }
            Response {
                status: r.status,
                status_text: status_text(r.status).into(),
                http_version: "HTTP/1.1".into(),
                redirect_url: r.header("location").unwrap_or_default().to_owned(),
                cookies,
                content: Content {
                    size: body.len() as i64,
                    mime_type: r.header("content-type").unwrap_or_default().to_owned(),
                    text: Some(base64_of(&body)),
                    encoding: Some("base64".into()),
                    extra,
                },
                headers,
                headers_size: -1,
                body_size: body.len() as i64,
                comment: None,
                extra: Extra::new(),
            }
        }
        Err(e) => {
            let mut extra = Extra::new();
            extra.insert(ERROR.into(), error_json(masker, e));
            Response {
                status: 0,
                status_text: String::new(),
                http_version: String::new(),
                headers: Vec::new(),
                cookies: Vec::new(),
                content: Content {
                    size: 0,
                    mime_type: String::new(),
                    text: None,
                    encoding: None,
                    extra: Extra::new(),
                },
                redirect_url: String::new(),
                headers_size: -1,
                body_size: -1,
                comment: Some(masker.scrub_text(&e.to_string())),
                extra,
            }
        }
    };
    Entry {
        started_date_time: iso8601(started),
        time: ms,
        request: request_entry,
        response,
        cache: json!({}),
        timings: Timings {
            blocked: -1.0,
            dns: -1.0,
            connect: -1.0,
            send: 0.0,
            wait: ms,
            receive: 0.0,
            ssl: -1.0,
        },
        server_ip_address: None,
        connection: Some(lane_of(&request.url, &request.request_type)),
        comment: Some(request.request_type.as_str().to_owned()),
        extra: Extra::new(),
    }
}

/// A transport error as recorded: its kind and enough detail to rebuild it on replay.
fn error_json(masker: &Masker, e: &TransportError) -> Value {
    use crate::transport::TimeoutPhase;
    let text = masker.scrub_text(&e.to_string());
    match e {
        TransportError::Connect(_) => json!({ "kind": "connect", "message": text }),
        TransportError::Interrupted { received, .. } => {
            json!({ "kind": "interrupted", "received": received, "message": text })
        }
        TransportError::Timeout(phase) => json!({
            "kind": "timeout",
            "phase": match phase {
                TimeoutPhase::Head => "head",
                TimeoutPhase::Silence => "silence",
                TimeoutPhase::Total => "total",
            },
            "message": text,
        }),
        TransportError::BodyTooLarge { limit } => {
            json!({ "kind": "body-too-large", "limit": limit, "message": text })
        }
        TransportError::InsecureBasic => json!({ "kind": "insecure-basic", "message": text }),
        TransportError::Auth(_) => json!({ "kind": "auth", "message": text }),
        TransportError::InvalidRequest(_) => json!({ "kind": "invalid-request", "message": text }),
        TransportError::Framing(_) => json!({ "kind": "framing", "message": text }),
    }
}

/// Rebuilds the transport error a recording describes (framing errors become
/// `Interrupted`, since the original position is not kept).
pub(crate) fn error_from_json(v: &Value) -> TransportError {
    use crate::transport::TimeoutPhase;
    let message = v["message"].as_str().unwrap_or("recorded error").to_owned();
    match v["kind"].as_str().unwrap_or_default() {
        "connect" => TransportError::Connect(message),
        "timeout" => TransportError::Timeout(match v["phase"].as_str() {
            Some("head") => TimeoutPhase::Head,
            Some("total") => TimeoutPhase::Total,
            _ => TimeoutPhase::Silence,
        }),
        "body-too-large" => TransportError::BodyTooLarge {
            limit: v["limit"].as_u64().unwrap_or(0) as usize,
        },
        "insecure-basic" => TransportError::InsecureBasic,
        "auth" => TransportError::Auth(message),
        "invalid-request" => TransportError::InvalidRequest(message),
        _ => TransportError::Interrupted {
            received: v["received"].as_u64().unwrap_or(0) as usize,
            reason: message,
        },
    }
}
