//! Async HTTP for the session machines: POST what a session hands over, stream the response
//! body through the incremental meta-tag framer, and hand status, headers and body back.
//!
//! The transport knows nothing of ROPs and keeps no cookies (they belong to the session). It
//! owns what only I/O can do: connections, timeouts and the `Authorization` header.
//!
//! Timeouts follow how MAPI/HTTP keeps long requests alive (MS-OXCMAPIHTTP 2.2.7): a response
//! may take minutes, sending PENDING every X-PendingPeriod, so the transport times out on
//! *silence* (no meta-tag, header line or body byte for too long), not on duration; a drip of
//! bytes that never forms a meta-tag does not count as life. A cap on the whole response and a
//! deadline on the HTTP head bound what a hostile server can hold.

mod auth;
mod ntlm;

use std::fmt;
use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

pub use auth::{Credentials, Secret};

use crate::session::{HttpRequest, HttpResponse, ResponseBody};
use crate::wire::mapihttp::framing::FramerState;
use crate::wire::mapihttp::headers::CONTENT_TYPE_MAPI_HTTP;
use crate::wire::mapihttp::{FramerLimits, FramingError, ResponseFramer};

/// Limits and timeouts of a transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportConfig {
    /// Longest wait for a TCP (and TLS) connection.
    pub connect_timeout: Duration,
    /// Longest wait from sending a request to the end of the HTTP response head.
    pub head_timeout: Duration,
    /// Longest silence tolerated in a response body. PENDING counts as life; pick a few
    /// X-PendingPeriods (Exchange announces 15 s; the default is 4 of those).
    pub silence_timeout: Duration,
    /// Longest a whole response may take, PENDING or not (NotificationWait included).
    pub total_timeout: Duration,
    /// Size limits of framed bodies; a plain (error) body is cut at `max_body_bytes` too.
    pub framer_limits: FramerLimits,
    /// Allow Basic credentials over plain `http://` (only for a loopback test server).
    pub allow_insecure_basic: bool,
}

impl Default for TransportConfig {
    fn default() -> Self {
        TransportConfig {
            connect_timeout: Duration::from_secs(30),
            head_timeout: Duration::from_secs(60),
            silence_timeout: Duration::from_secs(60),
            total_timeout: Duration::from_secs(30 * 60),
            framer_limits: FramerLimits::default(),
            allow_insecure_basic: false,
        }
    }
}

/// Which wait ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutPhase {
    /// Waiting for the HTTP response head.
    Head,
    /// No sign of life in the body for longer than the silence timeout.
    Silence,
    /// The whole response took longer than the total timeout.
    Total,
}

/// What can go wrong moving one request and its response.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// The request could not be sent or the connection failed (no response started).
    #[error("connection to the server failed: {0}")]
    Connect(String),
    /// The connection broke after the response started: whether the server processed the
    /// request is unknown.
    #[error("connection broke mid-response after {received} bytes: {reason}")]
    Interrupted {
        /// Body bytes received before the break.
        received: usize,
        /// What the HTTP stack said.
        reason: String,
    },
    /// A wait ran out.
    #[error("timed out ({0:?})")]
    Timeout(TimeoutPhase),
    /// The body broke the meta-tag grammar or a size limit.
    #[error(transparent)]
    Framing(#[from] FramingError),
    /// A plain body longer than the limit.
    #[error("response body exceeds {limit} bytes")]
    BodyTooLarge {
        /// The limit.
        limit: usize,
    },
    /// Basic credentials would go over plain HTTP.
    #[error(
        "refusing to send Basic credentials over plain http:// (allow it explicitly for a test server)"
    )]
    InsecureBasic,
    /// An authentication handshake failed on the client side.
    #[error("authentication failed: {0}")]
    Auth(String),
    /// The URL or a header value is not valid HTTP.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl TransportError {
    /// Whether the server provably did not process the request (it is safe to send again):
    /// only when no response byte arrived and the connection was never established.
    pub fn request_not_sent(&self) -> bool {
        matches!(
            self,
            TransportError::Connect(_)
                | TransportError::InvalidRequest(_)
                | TransportError::InsecureBasic
        )
    }
}

/// Moves one request and its response. Implemented over the network ([`HttpTransport`]) and,
/// for tests and replay, over recordings.
pub trait Transport: Send + Sync {
    /// Sends `request` and returns the complete response.
    fn send(
        &self,
        request: &HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + Send;

    /// HTTP exchanges spent on authentication handshakes so far (NTLM/Negotiate legs answered
    /// 401), counted apart from the requests themselves. Transports without handshakes say 0.
    fn auth_exchanges(&self) -> u64 {
        0
    }

    /// Like [`Transport::send`], and also what the transport saw on the wire, for recorders:
    /// the response body exactly as it came (de-chunked, meta-tags included; the framed
    /// [`HttpResponse`] no longer says where PENDING fell or how lines ended) and the request
    /// headers the transport added to the session's. The default sees no wire.
    fn send_keeping_wire(
        &self,
        request: &HttpRequest,
    ) -> impl Future<Output = (Result<HttpResponse, TransportError>, Option<WireCapture>)> + Send
    {
        async move { (self.send(request).await, None) }
    }
}

/// What [`Transport::send_keeping_wire`] saw of one exchange (its last leg, after any
/// authentication handshake).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireCapture {
    /// The response body as read, meta-tags included; empty when no response came.
    pub response_body: Vec<u8>,
    /// Request headers sent beside the session's own, in the order sent: `Host`, and
    /// `Authorization` with everything after the scheme word replaced by [`REDACTED`], so no
    /// credential is ever held here.
    pub added_headers: Vec<(String, String)>,
    /// The authentication legs the server answered 401 before the last leg, in order.
    pub auth_legs: Vec<AuthLeg>,
}

/// One leg of an NTLM or Negotiate handshake that the server answered 401 (the challenge).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthLeg {
    /// Request headers the transport added on this leg ([`WireCapture::added_headers`]).
    pub added_headers: Vec<(String, String)>,
    /// The HTTP status (401).
    pub status: u16,
    /// The response headers, `WWW-Authenticate` with the server's challenge among them.
    pub response_headers: Vec<(String, String)>,
    /// The response body as read.
    pub response_body: Vec<u8>,
}

/// What stands in for a credential in [`WireCapture::added_headers`].
pub const REDACTED: &str = "[REDACTED]";

/// `Scheme [REDACTED]`: the scheme says how the exchange authenticated; the rest is secret.
fn redact_authorization(value: &str) -> String {
    let scheme = value.split_whitespace().next().unwrap_or_default();
    if scheme.is_empty() {
        REDACTED.to_owned()
    } else {
        format!("{scheme} {REDACTED}")
    }
}

tokio::task_local! {
    /// What the current exchange put on and read off the wire, collected only inside
    /// [`Transport::send_keeping_wire`], so requests nobody records pay for no copy.
    static WIRE: std::cell::RefCell<WireCapture>;
}

/// A new exchange starts reading: only the last one's body (after any handshake legs) counts.
fn wire_reset() {
    let _ = WIRE.try_with(|w| w.borrow_mut().response_body.clear());
}

fn wire_push(chunk: &[u8]) {
    let _ = WIRE.try_with(|w| w.borrow_mut().response_body.extend_from_slice(chunk));
}

/// The leg just read was answered 401 and another follows: it becomes an [`AuthLeg`].
fn wire_leg(response: &HttpResponse) {
    let _ = WIRE.try_with(|w| {
        let mut w = w.borrow_mut();
        let leg = AuthLeg {
            added_headers: w.added_headers.clone(),
            status: response.status,
            response_headers: response.headers.clone(),
            response_body: std::mem::take(&mut w.response_body),
        };
        w.auth_legs.push(leg);
    });
}

/// A new leg is sent: its added headers replace the previous leg's.
fn wire_sent(added: impl FnOnce() -> Vec<(String, String)>) {
    let _ = WIRE.try_with(|w| w.borrow_mut().added_headers = added());
}

/// The network transport: reqwest over HTTP/1.1 with rustls, one keep-alive connection reused
/// across requests (Windows authentication authenticates connections, not requests).
pub struct HttpTransport {
    client: reqwest::Client,
    credentials: Credentials,
    config: TransportConfig,
    /// An NTLM handshake has succeeded on the kept-alive connection.
    handshake_done: std::sync::atomic::AtomicBool,
    /// HTTP exchanges answered 401 as part of a handshake (not the requests themselves).
    auth_legs: std::sync::atomic::AtomicU64,
}

impl fmt::Debug for HttpTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpTransport")
            .field("credentials", &self.credentials)
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// The TLS client configuration every transport of the process starts from: the platform's
/// trust store behind one verifier, HTTP/1.1 by ALPN. Each session has a transport of its own
/// (Windows authentication authenticates connections), and a verifier per transport held
/// about 100 KB per session; clones share the verifier, the crypto provider and the session
/// resumption cache.
pub fn shared_tls() -> Result<rustls::ClientConfig, TransportError> {
    static TLS: std::sync::OnceLock<Result<rustls::ClientConfig, String>> =
        std::sync::OnceLock::new();
    TLS.get_or_init(|| {
        let provider = rustls::crypto::CryptoProvider::get_default()
            .cloned()
            .unwrap_or_else(|| std::sync::Arc::new(rustls::crypto::aws_lc_rs::default_provider()));
        let verifier = rustls_platform_verifier::Verifier::new(provider.clone())
            .map_err(|e| format!("the platform's certificate verifier: {e}"))?;
        let mut config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS versions: {e}"))?
            .dangerous()
            .with_custom_certificate_verifier(std::sync::Arc::new(verifier))
            .with_no_client_auth();
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(config)
    })
    .clone()
    .map_err(TransportError::Connect)
}

impl HttpTransport {
    /// A transport presenting `credentials`.
    pub fn new(credentials: Credentials, config: TransportConfig) -> Result<Self, TransportError> {
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(shared_tls()?)
            .http1_only()
            .pool_max_idle_per_host(1)
            .connect_timeout(config.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| TransportError::Connect(e.to_string()))?;
        Ok(HttpTransport {
            client,
            credentials,
            config,
            handshake_done: std::sync::atomic::AtomicBool::new(false),
            auth_legs: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &TransportConfig {
        &self.config
    }

    async fn exchange(
        &self,
        request: &HttpRequest,
        authorization: Option<String>,
    ) -> Result<HttpResponse, TransportError> {
        let url = reqwest::Url::parse(&request.url)
            .map_err(|e| TransportError::InvalidRequest(e.to_string()))?;
        if authorization
            .as_deref()
            .is_some_and(|a| a.starts_with("Basic "))
            && url.scheme() != "https"
            && !self.config.allow_insecure_basic
        {
            return Err(TransportError::InsecureBasic);
        }
        wire_sent(|| {
            let host = url.host_str().unwrap_or_default();
            let host = match url.port() {
                Some(port) => format!("{host}:{port}"),
                None => host.to_owned(),
            };
            let mut added = vec![("Host".to_owned(), host)];
            if let Some(value) = &authorization {
                added.push(("Authorization".to_owned(), redact_authorization(value)));
            }
            added
        });
        let mut builder = self.client.post(url).body(request.body.clone());
        for (name, value) in &request.headers {
            builder = builder.header(*name, value);
        }
        if let Some(value) = authorization {
            builder = builder.header("Authorization", value);
        }
        if request.body.is_empty() {
            // MS-OXCMAPIHTTP 2.2.2.1 requires Content-Length on every request; hyper leaves it
            // out of a bodiless POST (PING).
            builder = builder.header("Content-Length", "0");
        }
        let started = Instant::now();
        let total_deadline = started + self.config.total_timeout;
        let head = tokio::time::timeout(
            self.config.head_timeout.min(self.config.total_timeout),
            builder.send(),
        )
        .await
        .map_err(|_| TransportError::Timeout(TimeoutPhase::Head))?
        .map_err(|e| TransportError::Connect(e.to_string()))?;
        let status = head.status().as_u16();
        let headers: Vec<(String, String)> = head
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let framed = status == 200
            && headers.iter().any(|(n, v)| {
                n.eq_ignore_ascii_case("content-type")
                    && v.to_ascii_lowercase().starts_with(CONTENT_TYPE_MAPI_HTTP)
            });
        let body = if framed {
            ResponseBody::Framed(self.read_framed(head, total_deadline).await?.finish()?)
        } else {
            ResponseBody::Plain(self.read_plain(head, total_deadline).await?)
        };
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }

    /// Streams a meta-tag framed body; silence is measured between framer events (and body
    /// bytes once the body started).
    async fn read_framed(
        &self,
        mut response: reqwest::Response,
        total_deadline: Instant,
    ) -> Result<ResponseFramer, TransportError> {
        let mut framer = ResponseFramer::new(self.config.framer_limits);
        wire_reset();
        let mut alive_until = Instant::now() + self.config.silence_timeout;
        loop {
            let deadline = alive_until.min(total_deadline);
            let chunk = match tokio::time::timeout_at(deadline, response.chunk()).await {
                Err(_) => {
                    let phase = if deadline == total_deadline {
                        TimeoutPhase::Total
                    } else {
                        TimeoutPhase::Silence
                    };
                    return Err(TransportError::Timeout(phase));
                }
                Ok(Err(e)) => {
                    return Err(TransportError::Interrupted {
                        received: framer.bytes_fed(),
                        reason: e.to_string(),
                    });
                }
                Ok(Ok(None)) => return Ok(framer),
                Ok(Ok(Some(chunk))) => chunk,
            };
            wire_push(&chunk);
            let body_before = framer.body_len();
            let events = framer.feed(&chunk)?;
            let progressed = !events.is_empty()
                || (framer.state() == FramerState::Body && framer.body_len() > body_before);
            if progressed {
                alive_until = Instant::now() + self.config.silence_timeout;
            }
        }
    }

    /// Reads a plain body up to the size limit.
    async fn read_plain(
        &self,
        mut response: reqwest::Response,
        total_deadline: Instant,
    ) -> Result<Vec<u8>, TransportError> {
        let limit = self.config.framer_limits.max_body_bytes;
        let mut body = Vec::new();
        wire_reset();
        loop {
            let deadline = (Instant::now() + self.config.silence_timeout).min(total_deadline);
            match tokio::time::timeout_at(deadline, response.chunk()).await {
                Err(_) => return Err(TransportError::Timeout(TimeoutPhase::Silence)),
                Ok(Err(e)) => {
                    return Err(TransportError::Interrupted {
                        received: body.len(),
                        reason: e.to_string(),
                    });
                }
                Ok(Ok(None)) => return Ok(body),
                Ok(Ok(Some(chunk))) => {
                    if body.len() + chunk.len() > limit {
                        return Err(TransportError::BodyTooLarge { limit });
                    }
                    body.extend_from_slice(&chunk);
                    wire_push(&chunk);
                }
            }
        }
    }
}

impl HttpTransport {
    /// NTLM and Negotiate authenticate the connection (as IIS runs them): once a handshake
    /// succeeded the request goes out bare first, since the kept-alive connection may still
    /// be authenticated; a 401 (nothing was processed) starts the handshake: a token, the
    /// server's answer in its 401, until it accepts (at most 4 legs). reqwest keeps at most
    /// one idle connection per host and the legs run back to back, so they share it.
    async fn send_handshake(
        &self,
        scheme: ntlm::Scheme,
        request: &HttpRequest,
        user: &str,
        password: &str,
    ) -> Result<HttpResponse, TransportError> {
        use std::sync::atomic::Ordering;
        if self.handshake_done.load(Ordering::Relaxed) {
            // Only once a handshake succeeded: before that a bare request could be served as
            // some other (anonymous) identity.
            let first = self.exchange(request, None).await?;
            let offered = ntlm_offers(&first).any(|v| v.trim().eq_ignore_ascii_case(scheme.name()));
            if first.status != 401 || !offered {
                return Ok(first);
            }
            wire_leg(&first);
            self.auth_legs.fetch_add(1, Ordering::Relaxed);
        }
        let host = reqwest::Url::parse(&request.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_default();
        let mut handshake =
            ntlm::Handshake::new(scheme, user, password, &host).map_err(TransportError::Auth)?;
        let mut from_server = None;
        for _ in 0..4 {
            let token = handshake
                .step(from_server.take())
                .map_err(TransportError::Auth)?;
            let response = self
                .exchange(request, Some(ntlm::header(scheme, &token)))
                .await?;
            if response.status == 401
                && let Some(next) = ntlm::token_from(scheme, ntlm_offers(&response))
            {
                wire_leg(&response);
                self.auth_legs.fetch_add(1, Ordering::Relaxed);
                from_server = Some(next);
                continue;
            }
            self.handshake_done
                .store(response.status != 401, Ordering::Relaxed);
            return Ok(response);
        }
        Err(TransportError::Auth(format!(
            "{} handshake did not finish in 4 legs",
            scheme.name()
        )))
    }
}

/// The `WWW-Authenticate` values of a response.
fn ntlm_offers(response: &HttpResponse) -> impl Iterator<Item = &str> {
    response
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("www-authenticate"))
        .map(|(_, v)| v.as_str())
}

impl Transport for HttpTransport {
    fn auth_exchanges(&self) -> u64 {
        self.auth_legs.load(std::sync::atomic::Ordering::Relaxed)
    }

    async fn send_keeping_wire(
        &self,
        request: &HttpRequest,
    ) -> (Result<HttpResponse, TransportError>, Option<WireCapture>) {
        WIRE.scope(std::cell::RefCell::new(WireCapture::default()), async {
            let result = self.send(request).await;
            let wire = WIRE.with(|w| std::mem::take(&mut *w.borrow_mut()));
            (result, Some(wire))
        })
        .await
    }

    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        match &self.credentials {
            Credentials::Anonymous => self.exchange(request, None).await,
            Credentials::Basic { .. } | Credentials::Bearer { .. } => {
                self.exchange(request, self.credentials.authorization_header())
                    .await
            }
            Credentials::Ntlm { user, password } => {
                self.send_handshake(ntlm::Scheme::Ntlm, request, user, password.expose())
                    .await
            }
            Credentials::Negotiate { user, password } => {
                self.send_handshake(ntlm::Scheme::Negotiate, request, user, password.expose())
                    .await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captured_authorization_keeps_only_the_scheme() {
        assert_eq!(
            redact_authorization("Basic YWxpY2U6cHc="),
            "Basic [REDACTED]"
        );
        assert_eq!(redact_authorization("NTLM TlRMTVNTUAAD"), "NTLM [REDACTED]");
        assert_eq!(redact_authorization("opaque"), "opaque [REDACTED]");
        assert_eq!(redact_authorization(""), REDACTED);
    }
}
