//! One session context on one endpoint, as a sans-I/O machine: it builds each HTTP request
//! (headers, cookies, request ids) and judges each HTTP response (status, X-ResponseCode,
//! cookies, expiry), and never touches a socket or a clock.
//!
//! MS-OXCMAPIHTTP 3.1.5: a session context lives from Connect (mailbox) or Bind (address
//! book) to Disconnect/Unbind or expiry; its cookies go back on every request; requests on it
//! are strictly one at a time, except that a NotificationWait may be outstanding beside them
//! (it is what the client waits on while it works).

use std::fmt;
use std::time::{Duration, Instant};

use uuid::Uuid;

use super::cookies::{CookieError, CookieJar};
use crate::wire::mapihttp::framing::frame_all;
use crate::wire::mapihttp::headers::{
    CONTENT_TYPE_MAPI_HTTP, X_CLIENT_APPLICATION, X_CLIENT_INFO, X_EXPIRATION_INFO,
    X_PENDING_PERIOD, X_REQUEST_ID, X_REQUEST_TYPE, X_RESPONSE_CODE, X_SERVER_APPLICATION,
};
use crate::wire::mapihttp::{FramedResponse, FramerLimits, RequestId, RequestType, ResponseCode};

/// Which MAPI/HTTP endpoint a channel talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// `/mapi/emsmdb/`: Connect, Execute, Disconnect, NotificationWait, PING.
    Mailbox,
    /// `/mapi/nspi/`: Bind, Unbind and the NSPI calls.
    AddressBook,
}

impl Endpoint {
    fn opens(self, t: &RequestType) -> bool {
        match self {
            Endpoint::Mailbox => *t == RequestType::Connect,
            Endpoint::AddressBook => *t == RequestType::Bind,
        }
    }

    fn closes(self, t: &RequestType) -> bool {
        match self {
            Endpoint::Mailbox => *t == RequestType::Disconnect,
            Endpoint::AddressBook => *t == RequestType::Unbind,
        }
    }
}

/// Who the client is, shared by every channel of one client instance.
///
/// MS-OXCMAPIHTTP 2.2.3.2.4: X-ClientInfo is one GUID per client instance with a counter that
/// changes for each new session context. Clones are the same client instance: they share the
/// counter, so session contexts opened through different clones (a second mailbox behind
/// another URL) still get distinct X-ClientInfo values.
#[derive(Debug, Clone)]
pub struct ClientIdentity {
    guid: Uuid,
    contexts: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// `X-ClientApplication`, e.g. `Outlook/16.0.18025.20000`: servers gate features on it.
    pub application: String,
    /// `User-Agent`.
    pub user_agent: String,
}

impl PartialEq for ClientIdentity {
    fn eq(&self, other: &Self) -> bool {
        self.guid == other.guid
            && self.application == other.application
            && self.user_agent == other.user_agent
    }
}

impl Eq for ClientIdentity {}

impl ClientIdentity {
    /// A client instance named by `guid` (callers pass a random one).
    pub fn new(guid: Uuid, application: impl Into<String>, user_agent: impl Into<String>) -> Self {
        ClientIdentity {
            guid,
            contexts: std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0)),
            application: application.into(),
            user_agent: user_agent.into(),
        }
    }

    /// The X-ClientInfo value for the next new session context.
    fn next_context(&mut self) -> RequestId {
        let n = self
            .contexts
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .wrapping_add(1);
        RequestId::new(self.guid, n)
    }
}

/// An HTTP request the caller should send, exactly as built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Full URL (the endpoint URL as autodiscover gave it, query included).
    pub url: String,
    /// The request type, also in the `X-RequestType` header.
    pub request_type: RequestType,
    /// Headers in order. `Content-Length`, `Host` and `Authorization` are the transport's.
    pub headers: Vec<(&'static str, String)>,
    /// The request body (empty for PING).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// The value of header `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An HTTP response body as the transport hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseBody {
    /// A meta-tag framed MAPI/HTTP body, already through the incremental framer.
    Framed(FramedResponse),
    /// Anything else (error pages, 401 text): kept for diagnostics.
    Plain(Vec<u8>),
}

/// An HTTP response, as the transport received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Headers in wire order, duplicates kept (servers send several `Set-Cookie`).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: ResponseBody,
}

impl HttpResponse {
    /// Builds a response from a complete de-chunked body: framed when the server said
    /// `application/mapi-http` with status 200 and the body frames, plain otherwise.
    pub fn from_raw(status: u16, headers: Vec<(String, String)>, body: &[u8]) -> Self {
        let mapi = status == 200
            && headers.iter().any(|(n, v)| {
                n.eq_ignore_ascii_case("content-type")
                    && v.to_ascii_lowercase().starts_with(CONTENT_TYPE_MAPI_HTTP)
            });
        let body = match mapi.then(|| frame_all(body, FramerLimits::default())) {
            Some(Ok(framed)) => ResponseBody::Framed(framed),
            _ => ResponseBody::Plain(body.to_vec()),
        };
        HttpResponse {
            status,
            headers,
            body,
        }
    }

    /// The last value of header `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .rev()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a session context can no longer be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LossReason {
    /// The server answered this X-ResponseCode (context not found, invalid cookie, missing
    /// cookie, invalid sequence): the context is gone or out of step.
    Refused(ResponseCode),
    /// The X-ExpirationInfo deadline passed with no request.
    Expired,
    /// A request's outcome is unknown (the connection dropped mid-response): the sequence
    /// cookie may have moved on the server.
    OutcomeUnknown,
}

/// Where a channel stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelState {
    /// No Connect/Bind has succeeded yet.
    New,
    /// A session context exists on the server.
    Established,
    /// The context is unusable; only a new Connect/Bind may follow.
    Lost(LossReason),
    /// Disconnect/Unbind succeeded: the channel is finished.
    Closed,
}

/// What a channel refuses to do, or what a response said went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChannelError {
    /// The channel was closed by Disconnect/Unbind.
    #[error("session context closed")]
    Closed,
    /// The context is lost; reconnect before anything else.
    #[error("session context lost ({0:?}); a new Connect or Bind is needed")]
    ContextLost(LossReason),
    /// A request of this kind is already outstanding on the context.
    #[error("a {0} request is already outstanding on this session context")]
    Busy(String),
    /// The request type does not belong to this endpoint.
    #[error("request type {0} is not served by the {1:?} endpoint")]
    WrongEndpoint(String, Endpoint),
    /// A response arrived that no request is waiting for.
    #[error("no {0} request is outstanding")]
    NotOutstanding(String),
    /// HTTP 401: authentication failed or must continue; the challenges offered.
    #[error("HTTP 401 Unauthorized (offered: {})", .challenges.join(", "))]
    Unauthorized {
        /// `WWW-Authenticate` values.
        challenges: Vec<String>,
    },
    /// HTTP 503: the server asks to come back later.
    #[error("HTTP 503 Service Unavailable (retry after {retry_after:?})")]
    ServiceUnavailable {
        /// `Retry-After` in seconds, if the server gave a number.
        retry_after: Option<Duration>,
    },
    /// Any other HTTP status.
    #[error("HTTP status {status}")]
    HttpStatus {
        /// The status.
        status: u16,
    },
    /// The server refused the request with a non-zero X-ResponseCode.
    #[error("X-ResponseCode {code}")]
    Protocol {
        /// The final response code.
        code: ResponseCode,
    },
    /// A 200 response with no (or an unreadable) X-ResponseCode.
    #[error("response carries no valid X-ResponseCode")]
    MissingResponseCode,
    /// X-ResponseCode 0 but the body is not meta-tag framed.
    #[error("response body is not a MAPI/HTTP framed body")]
    NotFramed,
    /// A `Set-Cookie` the channel would not store.
    #[error("Set-Cookie refused: {0}")]
    Cookie(#[from] CookieError),
}

/// A successful response, ready for the body decoder of its request type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The request type answered.
    pub request_type: RequestType,
    /// The binary response body (after the meta block).
    pub body: Vec<u8>,
    /// PENDING keep-alives that came before DONE.
    pub pending_count: u64,
    /// `X-ServerApplication`, if sent.
    pub server_application: Option<String>,
}

/// One session context on one endpoint. See the module documentation.
pub struct Channel {
    endpoint: Endpoint,
    url: String,
    request_id: RequestId,
    client_info: RequestId,
    cookies: CookieJar,
    state: ChannelState,
    expires_at: Option<Instant>,
    pending_period: Option<Duration>,
    in_flight: Option<RequestType>,
    waiting: bool,
}

impl fmt::Debug for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Channel")
            .field("endpoint", &self.endpoint)
            .field("url", &self.url)
            .field("request_id", &self.request_id)
            .field("state", &self.state)
            .field("cookies", &self.cookies)
            .finish_non_exhaustive()
    }
}

impl Channel {
    /// A channel for a new session context at `url`. `context_guid` names the context in
    /// X-RequestId (callers pass a random GUID); X-ClientInfo comes from `client`.
    pub fn new(
        endpoint: Endpoint,
        url: impl Into<String>,
        context_guid: Uuid,
        client: &mut ClientIdentity,
    ) -> Self {
        Channel {
            endpoint,
            url: url.into(),
            request_id: RequestId::new(context_guid, 0),
            client_info: client.next_context(),
            cookies: CookieJar::new(),
            state: ChannelState::New,
            expires_at: None,
            pending_period: None,
            in_flight: None,
            waiting: false,
        }
    }

    /// The endpoint URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The endpoint.
    pub fn endpoint(&self) -> Endpoint {
        self.endpoint
    }

    /// Where the channel stands at `now` (an Established context past its X-ExpirationInfo
    /// deadline counts as lost).
    pub fn state(&self, now: Instant) -> ChannelState {
        match (self.state, self.expires_at) {
            (ChannelState::Established, Some(deadline)) if now >= deadline => {
                ChannelState::Lost(LossReason::Expired)
            }
            (state, _) => state,
        }
    }

    /// When the server will drop the context if nothing is sent (from X-ExpirationInfo).
    pub fn expires_at(&self) -> Option<Instant> {
        self.expires_at
    }

    /// The server's announced keep-alive interval (X-PendingPeriod), for read timeouts.
    pub fn pending_period(&self) -> Option<Duration> {
        self.pending_period
    }

    /// The cookies held (for replay and diagnostics).
    pub fn cookies(&self) -> &CookieJar {
        &self.cookies
    }

    /// The X-RequestId the last built request carried.
    pub fn last_request_id(&self) -> RequestId {
        self.request_id
    }

    /// The channel's X-ClientInfo value.
    pub fn client_info(&self) -> RequestId {
        self.client_info
    }

    /// Builds the next request of `request_type` with `body`.
    pub fn begin(
        &mut self,
        request_type: RequestType,
        body: Vec<u8>,
        client: &ClientIdentity,
        now: Instant,
    ) -> Result<HttpRequest, ChannelError> {
        let fits = match self.endpoint {
            Endpoint::Mailbox => request_type.is_mailbox(),
            Endpoint::AddressBook => request_type.is_address_book(),
        } || matches!(request_type, RequestType::Other(_));
        if !fits {
            return Err(ChannelError::WrongEndpoint(
                request_type.as_str().to_owned(),
                self.endpoint,
            ));
        }
        let opening = self.endpoint.opens(&request_type);
        match self.state(now) {
            ChannelState::Closed => return Err(ChannelError::Closed),
            ChannelState::Lost(reason) if !opening => {
                return Err(ChannelError::ContextLost(reason));
            }
            _ => {}
        }
        if request_type == RequestType::NotificationWait {
            if self.waiting {
                return Err(ChannelError::Busy(request_type.as_str().to_owned()));
            }
            self.waiting = true;
        } else {
            if let Some(outstanding) = &self.in_flight {
                return Err(ChannelError::Busy(outstanding.as_str().to_owned()));
            }
            self.in_flight = Some(request_type.clone());
        }
        self.request_id = self.request_id.next();
        let mut headers: Vec<(&'static str, String)> = vec![
            ("Content-Type", CONTENT_TYPE_MAPI_HTTP.to_owned()),
            ("Accept", CONTENT_TYPE_MAPI_HTTP.to_owned()),
            (X_REQUEST_TYPE, request_type.as_str().to_owned()),
            (X_REQUEST_ID, self.request_id.to_string()),
            (X_CLIENT_INFO, self.client_info.to_string()),
            (X_CLIENT_APPLICATION, client.application.clone()),
            ("User-Agent", client.user_agent.clone()),
        ];
        if let Some(cookie) = self.cookies.header_value() {
            headers.push(("Cookie", cookie));
        }
        Ok(HttpRequest {
            url: self.url.clone(),
            request_type,
            headers,
            body,
        })
    }

    /// Tells the channel that the request of `request_type` ended without a response (the
    /// connection dropped, the caller gave up). The sequence may have moved on the server, so
    /// the context is treated as lost; a NotificationWait carries no sequence and only frees
    /// its slot.
    pub fn abandon(&mut self, request_type: &RequestType) {
        if *request_type == RequestType::NotificationWait {
            self.waiting = false;
            return;
        }
        if self.in_flight.as_ref() == Some(request_type) {
            self.in_flight = None;
            if self.state == ChannelState::Established {
                self.state = ChannelState::Lost(LossReason::OutcomeUnknown);
            }
        }
    }

    /// Judges the response to the outstanding request of `request_type`.
    pub fn finish(
        &mut self,
        request_type: &RequestType,
        response: HttpResponse,
        now: Instant,
    ) -> Result<Reply, ChannelError> {
        if *request_type == RequestType::NotificationWait {
            if !self.waiting {
                return Err(ChannelError::NotOutstanding(
                    request_type.as_str().to_owned(),
                ));
            }
            self.waiting = false;
        } else {
            if self.in_flight.as_ref() != Some(request_type) {
                return Err(ChannelError::NotOutstanding(
                    request_type.as_str().to_owned(),
                ));
            }
            self.in_flight = None;
        }
        for value in response.headers_named("set-cookie") {
            self.cookies.apply_set_cookie(value)?;
        }
        match response.status {
            200 => {}
            401 => {
                return Err(ChannelError::Unauthorized {
                    challenges: response
                        .headers_named("www-authenticate")
                        .map(str::to_owned)
                        .collect(),
                });
            }
            503 => {
                return Err(ChannelError::ServiceUnavailable {
                    retry_after: response
                        .header("retry-after")
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .map(Duration::from_secs),
                });
            }
            status => return Err(ChannelError::HttpStatus { status }),
        }
        let header_code = response.header(X_RESPONSE_CODE);
        let (code, framed) = match &response.body {
            ResponseBody::Framed(framed) => (framed.final_response_code(header_code), Some(framed)),
            ResponseBody::Plain(_) => (header_code.map(ResponseCode::parse_header), None),
        };
        let code = match code {
            Some(Ok(code)) => code,
            _ => return Err(ChannelError::MissingResponseCode),
        };
        if !code.is_success() {
            if matches!(
                code,
                ResponseCode::CONTEXT_NOT_FOUND
                    | ResponseCode::INVALID_CONTEXT_COOKIE
                    | ResponseCode::MISSING_COOKIE
                    | ResponseCode::INVALID_SEQUENCE
            ) && self.state != ChannelState::Closed
            {
                self.state = ChannelState::Lost(LossReason::Refused(code));
            }
            return Err(ChannelError::Protocol { code });
        }
        if framed.is_none() {
            return Err(ChannelError::NotFramed);
        }
        if self.endpoint.opens(request_type) {
            // A new context: the old deadline belonged to the one it replaces.
            self.expires_at = None;
        }
        if let Some(ms) = response
            .header(X_EXPIRATION_INFO)
            .and_then(|v| v.trim().parse::<u64>().ok())
        {
            self.expires_at = now.checked_add(Duration::from_millis(ms));
        }
        if let Some(ms) = response
            .header(X_PENDING_PERIOD)
            .and_then(|v| v.trim().parse::<u64>().ok())
        {
            self.pending_period = Some(Duration::from_millis(ms));
        }
        if self.endpoint.opens(request_type) {
            self.state = ChannelState::Established;
        } else if self.endpoint.closes(request_type) {
            self.state = ChannelState::Closed;
            self.cookies.clear();
            self.expires_at = None;
        }
        let server_application = response.header(X_SERVER_APPLICATION).map(str::to_owned);
        let ResponseBody::Framed(framed) = response.body else {
            return Err(ChannelError::NotFramed);
        };
        Ok(Reply {
            request_type: request_type.clone(),
            body: framed.body,
            pending_count: framed.pending_count,
            server_application,
        })
    }

    /// Starts this (new) channel with the cookies of the context it replaces: a reconnect
    /// presents them (MS-OXCMAPIHTTP 4.4) and the server answers with new ones.
    pub fn restore_cookies(&mut self, cookies: CookieJar) {
        self.cookies = cookies;
    }

    /// Marks a context refused at the MAPI level (Connect answered with a non-zero ErrorCode
    /// and no cookies) as never established, so the next Connect starts clean.
    pub fn reset(&mut self) {
        self.state = ChannelState::New;
        self.cookies.clear();
        self.expires_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> ClientIdentity {
        ClientIdentity::new(
            Uuid::from_u128(7),
            "Outlook/16.0.18025.20000",
            "mapi-http-test",
        )
    }

    fn ok(set_cookies: &[&str], extra: &[(&str, &str)]) -> HttpResponse {
        let mut headers = vec![
            (
                "Content-Type".to_owned(),
                "application/mapi-http".to_owned(),
            ),
            ("X-ResponseCode".to_owned(), "0".to_owned()),
        ];
        headers.extend(
            set_cookies
                .iter()
                .map(|c| ("Set-Cookie".to_owned(), (*c).to_owned())),
        );
        headers.extend(
            extra
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
        );
        HttpResponse::from_raw(
            200,
            headers,
            b"PROCESSING\r\nPENDING\r\nDONE\r\nX-ResponseCode: 0\r\n\r\nBODY",
        )
    }

    fn refused(code: u32) -> HttpResponse {
        HttpResponse::from_raw(
            200,
            vec![
                ("Content-Type".into(), "text/html".into()),
                ("X-ResponseCode".into(), code.to_string()),
            ],
            b"<html>refused</html>",
        )
    }

    fn connected(now: Instant) -> (Channel, ClientIdentity) {
        let mut client = client();
        let mut ch = Channel::new(
            Endpoint::Mailbox,
            "http://h/mapi/emsmdb/",
            Uuid::from_u128(1),
            &mut client,
        );
        ch.begin(RequestType::Connect, vec![1], &client, now)
            .unwrap();
        let reply = ch
            .finish(
                &RequestType::Connect,
                ok(
                    &["MapiContext=c1", "MapiSequence=s1"],
                    &[("X-ExpirationInfo", "900000"), ("X-PendingPeriod", "15000")],
                ),
                now,
            )
            .unwrap();
        assert_eq!(reply.body, b"BODY");
        assert_eq!(reply.pending_count, 1);
        (ch, client)
    }

    #[test]
    fn clones_of_one_client_give_each_context_its_own_client_info() {
        let mut a = client();
        let mut b = a.clone();
        let first = Channel::new(Endpoint::Mailbox, "http://x/", Uuid::from_u128(1), &mut a);
        let second = Channel::new(Endpoint::Mailbox, "http://y/", Uuid::from_u128(2), &mut b);
        assert_ne!(first.client_info(), second.client_info());
        assert_eq!(a, b, "still the same client instance");
    }

    #[test]
    fn request_ids_count_up_and_cookies_follow_the_server() {
        let now = Instant::now();
        let (mut ch, client) = connected(now);
        assert_eq!(ch.state(now), ChannelState::Established);
        assert_eq!(ch.pending_period(), Some(Duration::from_secs(15)));
        let req = ch
            .begin(RequestType::Execute, vec![], &client, now)
            .unwrap();
        assert_eq!(
            req.header("X-RequestId"),
            Some("{00000000-0000-0000-0000-000000000001}:2")
        );
        assert_eq!(
            req.header("X-ClientInfo"),
            Some("{00000000-0000-0000-0000-000000000007}:1")
        );
        assert_eq!(
            req.header("Cookie"),
            Some("MapiContext=c1; MapiSequence=s1")
        );
        assert_eq!(req.header("X-RequestType"), Some("Execute"));
        ch.finish(&RequestType::Execute, ok(&["MapiSequence=s2"], &[]), now)
            .unwrap();
        let req = ch.begin(RequestType::Ping, vec![], &client, now).unwrap();
        assert_eq!(
            req.header("Cookie"),
            Some("MapiContext=c1; MapiSequence=s2")
        );
    }

    #[test]
    fn one_request_at_a_time_but_notification_wait_beside_it() {
        let now = Instant::now();
        let (mut ch, client) = connected(now);
        ch.begin(RequestType::Execute, vec![], &client, now)
            .unwrap();
        assert_eq!(
            ch.begin(RequestType::Execute, vec![], &client, now),
            Err(ChannelError::Busy("Execute".into()))
        );
        ch.begin(RequestType::NotificationWait, vec![], &client, now)
            .unwrap();
        assert!(matches!(
            ch.begin(RequestType::NotificationWait, vec![], &client, now),
            Err(ChannelError::Busy(_))
        ));
        ch.finish(&RequestType::NotificationWait, ok(&[], &[]), now)
            .unwrap();
        ch.finish(&RequestType::Execute, ok(&[], &[]), now).unwrap();
        assert!(matches!(
            ch.finish(&RequestType::Execute, ok(&[], &[]), now),
            Err(ChannelError::NotOutstanding(_))
        ));
    }

    #[test]
    fn expiry_loses_the_context_and_connect_may_resend_old_cookies() {
        let now = Instant::now();
        let (mut ch, client) = connected(now);
        let later = now + Duration::from_secs(901);
        assert_eq!(ch.state(later), ChannelState::Lost(LossReason::Expired));
        assert_eq!(
            ch.begin(RequestType::Execute, vec![], &client, later),
            Err(ChannelError::ContextLost(LossReason::Expired))
        );
        // MS-OXCMAPIHTTP 4.4: re-establishing sends the expired context's cookies.
        let req = ch
            .begin(RequestType::Connect, vec![], &client, later)
            .unwrap();
        assert_eq!(
            req.header("Cookie"),
            Some("MapiContext=c1; MapiSequence=s1")
        );
        ch.finish(&RequestType::Connect, ok(&["MapiContext=c2"], &[]), later)
            .unwrap();
        assert_eq!(ch.state(later), ChannelState::Established);
    }

    #[test]
    fn context_refusals_lose_the_context_other_codes_do_not() {
        for (code, lost) in [
            (10, true),
            (6, true),
            (13, true),
            (15, true),
            (12, false),
            (4, false),
            (7, false),
        ] {
            let now = Instant::now();
            let (mut ch, client) = connected(now);
            ch.begin(RequestType::Execute, vec![], &client, now)
                .unwrap();
            assert_eq!(
                ch.finish(&RequestType::Execute, refused(code), now),
                Err(ChannelError::Protocol {
                    code: ResponseCode(code)
                })
            );
            let expected = if lost {
                ChannelState::Lost(LossReason::Refused(ResponseCode(code)))
            } else {
                ChannelState::Established
            };
            assert_eq!(ch.state(now), expected, "code {code}");
        }
    }

    #[test]
    fn abandoned_execute_makes_the_outcome_unknown() {
        let now = Instant::now();
        let (mut ch, client) = connected(now);
        ch.begin(RequestType::NotificationWait, vec![], &client, now)
            .unwrap();
        ch.abandon(&RequestType::NotificationWait);
        assert_eq!(ch.state(now), ChannelState::Established);
        ch.begin(RequestType::Execute, vec![], &client, now)
            .unwrap();
        ch.abandon(&RequestType::Execute);
        assert_eq!(
            ch.state(now),
            ChannelState::Lost(LossReason::OutcomeUnknown)
        );
    }

    #[test]
    fn http_failures_are_typed() {
        let now = Instant::now();
        let (mut ch, client) = connected(now);
        ch.begin(RequestType::Execute, vec![], &client, now)
            .unwrap();
        let busy = HttpResponse::from_raw(503, vec![("Retry-After".into(), "30".into())], b"");
        assert_eq!(
            ch.finish(&RequestType::Execute, busy, now),
            Err(ChannelError::ServiceUnavailable {
                retry_after: Some(Duration::from_secs(30))
            })
        );
        ch.begin(RequestType::Execute, vec![], &client, now)
            .unwrap();
        let denied = HttpResponse::from_raw(
            401,
            vec![
                ("WWW-Authenticate".into(), "Negotiate".into()),
                ("WWW-Authenticate".into(), "NTLM".into()),
            ],
            b"",
        );
        assert_eq!(
            ch.finish(&RequestType::Execute, denied, now),
            Err(ChannelError::Unauthorized {
                challenges: vec!["Negotiate".into(), "NTLM".into()]
            })
        );
        ch.begin(RequestType::Execute, vec![], &client, now)
            .unwrap();
        let no_code = HttpResponse::from_raw(200, vec![], b"hello");
        assert_eq!(
            ch.finish(&RequestType::Execute, no_code, now),
            Err(ChannelError::MissingResponseCode)
        );
        assert_eq!(
            ch.begin(RequestType::Bind, vec![], &client, now),
            Err(ChannelError::WrongEndpoint(
                "Bind".into(),
                Endpoint::Mailbox
            ))
        );
    }

    #[test]
    fn disconnect_closes_for_good() {
        let now = Instant::now();
        let (mut ch, client) = connected(now);
        ch.begin(RequestType::Disconnect, vec![], &client, now)
            .unwrap();
        ch.finish(&RequestType::Disconnect, ok(&[], &[]), now)
            .unwrap();
        assert_eq!(ch.state(now), ChannelState::Closed);
        assert!(ch.cookies().is_empty());
        assert_eq!(
            ch.begin(RequestType::Connect, vec![], &client, now),
            Err(ChannelError::Closed)
        );
    }
}
