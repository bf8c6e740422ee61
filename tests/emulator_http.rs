//! The emulator's mailbox endpoint over real HTTP/1.1 on 127.0.0.1, driven by a raw TCP
//! client (so malformed requests can be sent too) and small test doubles for the
//! authenticator and the backend.
//!
//! Cases named `s01_tcNN_*` mirror the HTTP-layer checks of Microsoft's interop suite
//! (OfficeDev/Interop-TestSuites, ExchangeMAPI/Source/MS-OXCMAPIHTTP/TestSuite/
//! S01_RequestTypesForMailboxServerEndpoint.cs).
#![cfg(feature = "emulator")]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mapi_http::emulator::server::{
    AnonymousPolicy, CONTEXT_COOKIE, Latency, MailboxServer, RunningServer, SEQUENCE_COOKIE,
    ServerConfig,
};
use mapi_http::emulator::{
    AuthOutcome, Authenticator, ConnectGranted, ConnectRefused, ConnectionId, MailboxBackend,
    SessionContext,
};
use mapi_http::wire::mapihttp::{
    ConnectFlags, ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse,
    ExecuteFlags, ExecuteRequest, ExecuteResponse, FramedResponse, NotificationWaitRequest,
    NotificationWaitResponse, RequestType, ResponseCode, ResponseFramer,
};
use mapi_http::wire::{ErrorCode, Wire};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::watch;

// ---------------------------------------------------------------------------------------
// Test doubles

/// Accepts `Bearer <login>`; no header gets the offer; `Negotiate <token>` is a handshake
/// leg (Challenge); anything else is Denied. Records closed connections.
#[derive(Default)]
struct TestAuth {
    closed: Mutex<Vec<ConnectionId>>,
}

impl Authenticator for TestAuth {
    fn authenticate(&self, _c: ConnectionId, authorization: Option<&str>) -> AuthOutcome {
        match authorization {
            None => {
                AuthOutcome::Challenge(vec!["Bearer realm=\"emulator\"".into(), "Negotiate".into()])
            }
            Some(v) if v.starts_with("Bearer ") => {
                AuthOutcome::Authenticated(v.trim_start_matches("Bearer ").to_owned())
            }
            Some(v) if v.starts_with("Negotiate ") => {
                AuthOutcome::Challenge(vec!["Negotiate TlRMTVNTUAACAAAA".into()])
            }
            Some(_) => AuthOutcome::Denied,
        }
    }

    fn connection_closed(&self, connection: ConnectionId) {
        self.closed.lock().unwrap().push(connection);
    }
}

/// A login's event flag and the signal that wakes its NotificationWaits.
type EventSource = (Arc<AtomicBool>, watch::Sender<u64>);

/// Shared knobs and counters of the test backend.
#[derive(Default)]
struct Counters {
    connects: AtomicUsize,
    executes: AtomicUsize,
    disconnects: AtomicUsize,
    execute_sleep: Mutex<Duration>,
    /// Per login: raise an event on every context of that login.
    events: Mutex<HashMap<String, EventSource>>,
}

impl Counters {
    fn raise_event(&self, login: &str) {
        let events = self.events.lock().unwrap();
        let (flag, tx) = events.get(login).expect("a context for this login");
        flag.store(true, Ordering::SeqCst);
        tx.send_modify(|v| *v += 1);
    }
}

/// Execute echoes the ROP buffer (and sleeps when told to; panics on `b"panic"`).
struct EchoBackend(Arc<Counters>);

struct EchoContext {
    counters: Arc<Counters>,
    pending: Arc<AtomicBool>,
    signal: watch::Receiver<u64>,
}

impl MailboxBackend for EchoBackend {
    fn connect(
        &self,
        login: &str,
        _mailbox_id: Option<&str>,
        request: &ConnectRequest,
    ) -> Result<(ConnectGranted, Box<dyn SessionContext>), ConnectRefused> {
        if request.user_dn == "/o=refused" {
            return Err(ConnectRefused(ErrorCode(0x0000_04B6)));
        }
        self.0.connects.fetch_add(1, Ordering::SeqCst);
        let mut events = self.0.events.lock().unwrap();
        let (pending, tx) = events
            .entry(login.to_owned())
            .or_insert_with(|| (Arc::new(AtomicBool::new(false)), watch::channel(0).0));
        let ctx = EchoContext {
            counters: self.0.clone(),
            pending: pending.clone(),
            signal: tx.subscribe(),
        };
        Ok((
            ConnectGranted {
                max_polling_interval: 60_000,
                max_retry_count: 6,
                retry_delay: 10_000,
                dn_prefix: String::new(),
                display_name: format!("User {login}"),
            },
            Box::new(ctx),
        ))
    }
}

impl SessionContext for EchoContext {
    fn execute(&mut self, request: &ExecuteRequest) -> ExecuteResponse {
        self.counters.executes.fetch_add(1, Ordering::SeqCst);
        if request.rop_buffer == b"panic" {
            panic!("test backend asked to panic");
        }
        let sleep = *self.counters.execute_sleep.lock().unwrap();
        if !sleep.is_zero() {
            std::thread::sleep(sleep);
        }
        ExecuteResponse::Success {
            error_code: ErrorCode(0),
            flags: 0,
            rop_buffer: request.rop_buffer.clone(),
            auxiliary_buffer: Vec::new(),
        }
    }
    fn event_pending(&self) -> bool {
        self.pending.load(Ordering::SeqCst)
    }
    fn event_signal(&self) -> Option<watch::Receiver<u64>> {
        Some(self.signal.clone())
    }
    fn disconnect(&mut self) {
        self.counters.disconnects.fetch_add(1, Ordering::SeqCst);
    }
}

struct Harness {
    server: RunningServer,
    auth: Arc<TestAuth>,
    counters: Arc<Counters>,
}

async fn harness(config: ServerConfig) -> Harness {
    let auth = Arc::new(TestAuth::default());
    let counters = Arc::new(Counters::default());
    let server = MailboxServer::new(
        config,
        auth.clone(),
        Arc::new(EchoBackend(counters.clone())),
    )
    .start()
    .await
    .expect("server starts");
    Harness {
        server,
        auth,
        counters,
    }
}

async fn default_harness() -> Harness {
    harness(ServerConfig::localhost()).await
}

// ---------------------------------------------------------------------------------------
// A raw HTTP/1.1 client

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    /// De-chunked body.
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
    fn set_cookie(&self, name: &str) -> Option<String> {
        self.all("set-cookie").into_iter().find_map(|c| {
            let first = c.split(';').next()?;
            let (n, v) = first.split_once('=')?;
            (n.trim() == name).then(|| v.trim().to_owned())
        })
    }
    fn is_framed(&self) -> bool {
        self.header("content-type") == Some("application/mapi-http")
    }
    fn framed(&self) -> FramedResponse {
        assert!(self.is_framed(), "not a framed response: {self:?}");
        let mut f = ResponseFramer::default();
        f.feed(&self.body).expect("framing");
        f.finish().expect("complete framing")
    }
    /// The final X-ResponseCode: the meta block's, else the header's (MS-OXCMAPIHTTP 3.2.5.2).
    fn code(&self) -> ResponseCode {
        let header = self.header("x-responsecode");
        if self.is_framed() {
            let framed = self.framed();
            return framed
                .final_response_code(header)
                .expect("an X-ResponseCode")
                .expect("numeric");
        }
        ResponseCode::parse_header(header.expect("an X-ResponseCode header")).expect("numeric")
    }
}

struct Conn {
    stream: BufReader<TcpStream>,
}

impl Conn {
    async fn open(addr: SocketAddr) -> Conn {
        Conn {
            stream: BufReader::new(TcpStream::connect(addr).await.expect("connect")),
        }
    }

    async fn write(&mut self, bytes: &[u8]) {
        self.stream.get_mut().write_all(bytes).await.expect("write");
    }

    /// Reads the status line and headers.
    async fn read_head(&mut self) -> std::io::Result<(u16, Vec<(String, String)>)> {
        let mut line = String::new();
        if self.stream.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or(std::io::ErrorKind::InvalidData)?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            if self.stream.read_line(&mut line).await? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((n, v)) = l.split_once(':') {
                headers.push((n.trim().to_owned(), v.trim().to_owned()));
            }
        }
        Ok((status, headers))
    }

    async fn read_body(&mut self, headers: &[(String, String)]) -> std::io::Result<Vec<u8>> {
        let get = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let mut body = Vec::new();
        if get("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
            loop {
                let mut line = String::new();
                if self.stream.read_line(&mut line).await? == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                let size = usize::from_str_radix(line.trim(), 16)
                    .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidData))?;
                if size == 0 {
                    line.clear();
                    self.stream.read_line(&mut line).await?;
                    return Ok(body);
                }
                let start = body.len();
                body.resize(start + size, 0);
                self.stream.read_exact(&mut body[start..]).await?;
                let mut crlf = [0u8; 2];
                self.stream.read_exact(&mut crlf).await?;
            }
        } else if let Some(n) = get("content-length").and_then(|v| v.parse::<usize>().ok()) {
            body.resize(n, 0);
            self.stream.read_exact(&mut body).await?;
            Ok(body)
        } else {
            self.stream.read_to_end(&mut body).await?;
            Ok(body)
        }
    }

    async fn try_send(&mut self, request: &Rq) -> std::io::Result<Resp> {
        self.write(&request.bytes()).await;
        let (status, headers) = self.read_head().await?;
        let body = self.read_body(&headers).await?;
        Ok(Resp {
            status,
            headers,
            body,
        })
    }

    async fn send(&mut self, request: &Rq) -> Resp {
        self.try_send(request).await.expect("a complete response")
    }
}

async fn send(addr: SocketAddr, request: &Rq) -> Resp {
    Conn::open(addr).await.send(request).await
}

/// One HTTP request.
#[derive(Clone)]
struct Rq {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    content_length: bool,
}

impl Rq {
    fn bytes(&self) -> Vec<u8> {
        let mut out = format!(
            "{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\n",
            self.method, self.path
        );
        for (n, v) in &self.headers {
            out.push_str(&format!("{n}: {v}\r\n"));
        }
        if self.content_length {
            out.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }

    fn without(mut self, name: &str) -> Rq {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self
    }

    fn with(mut self, name: &str, value: &str) -> Rq {
        self = self.without(name);
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

const CLIENT_INFO: &str = "{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:1";

/// A MAPI/HTTP client for one Session Context: keeps the cookies as the server set them and
/// counts X-RequestId up.
struct Client {
    addr: SocketAddr,
    login: String,
    guid: String,
    counter: u64,
    context: Option<String>,
    sequence: Option<String>,
}

impl Client {
    fn new(addr: SocketAddr, login: &str) -> Client {
        Client {
            addr,
            login: login.to_owned(),
            guid: "{E2EA6C1C-E61B-49E9-9CFB-38184F907552}".to_owned(),
            counter: 0,
            context: None,
            sequence: None,
        }
    }

    fn request(&mut self, request_type: &str, body: Vec<u8>) -> Rq {
        self.counter += 1;
        let mut headers = vec![
            (
                "Content-Type".to_owned(),
                "application/mapi-http".to_owned(),
            ),
            ("X-RequestType".to_owned(), request_type.to_owned()),
            (
                "X-RequestId".to_owned(),
                format!("{}:{}", self.guid, self.counter),
            ),
            ("X-ClientInfo".to_owned(), CLIENT_INFO.to_owned()),
            (
                "X-ClientApplication".to_owned(),
                "Outlook/16.0.18025.20000".to_owned(),
            ),
            ("Authorization".to_owned(), format!("Bearer {}", self.login)),
        ];
        let mut cookies = Vec::new();
        if let Some(c) = &self.context {
            cookies.push(format!("{CONTEXT_COOKIE}={c}"));
        }
        if let Some(s) = &self.sequence {
            cookies.push(format!("{SEQUENCE_COOKIE}={s}"));
        }
        if !cookies.is_empty() {
            headers.push(("Cookie".to_owned(), cookies.join("; ")));
        }
        Rq {
            method: "POST".to_owned(),
            path: "/mapi/emsmdb/?MailboxId=alice@example.test".to_owned(),
            headers,
            body,
            content_length: true,
        }
    }

    /// Takes the cookies of a response (a Set-Cookie replaces the stored value).
    fn absorb(&mut self, r: &Resp) {
        if let Some(c) = r.set_cookie(CONTEXT_COOKIE) {
            self.context = Some(c);
        }
        if let Some(s) = r.set_cookie(SEQUENCE_COOKIE) {
            self.sequence = Some(s);
        }
    }

    async fn send(&mut self, rq: &Rq) -> Resp {
        let r = send(self.addr, rq).await;
        self.absorb(&r);
        r
    }

    fn connect_rq(&mut self) -> Rq {
        let body = ConnectRequest {
            user_dn: format!("/o=Contoso/ou=Exchange/cn=Recipients/cn={}", self.login),
            flags: ConnectFlags::NONE,
            default_code_page: 1252,
            lcid_sort: 1033,
            lcid_string: 1033,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap();
        self.request("Connect", body)
    }

    async fn connect(&mut self) -> Resp {
        let rq = self.connect_rq();
        self.send(&rq).await
    }

    fn execute_rq(&mut self, rop: &[u8]) -> Rq {
        let body = ExecuteRequest {
            flags: ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC,
            rop_buffer: rop.to_vec(),
            max_rop_out: 0x40000,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap();
        self.request("Execute", body)
    }

    async fn execute(&mut self, rop: &[u8]) -> Resp {
        let rq = self.execute_rq(rop);
        self.send(&rq).await
    }

    fn disconnect_rq(&mut self) -> Rq {
        let body = DisconnectRequest::default().to_bytes().unwrap();
        self.request("Disconnect", body)
    }

    async fn disconnect(&mut self) -> Resp {
        let rq = self.disconnect_rq();
        self.send(&rq).await
    }

    fn wait_rq(&mut self) -> Rq {
        let body = NotificationWaitRequest::default().to_bytes().unwrap();
        self.request("NotificationWait", body)
    }

    async fn ping(&mut self) -> Resp {
        let rq = self.request("PING", Vec::new());
        self.send(&rq).await
    }
}

fn execute_echo(r: &Resp) -> Vec<u8> {
    match ExecuteResponse::from_bytes(&r.framed().body).expect("Execute body") {
        ExecuteResponse::Success {
            error_code,
            rop_buffer,
            ..
        } => {
            assert_eq!(error_code, ErrorCode(0));
            rop_buffer
        }
        other => panic!("{other:?}"),
    }
}

fn event_pending(r: &Resp) -> bool {
    NotificationWaitResponse::from_bytes(&r.framed().body)
        .expect("NotificationWait body")
        .has_event_pending()
}

async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..500 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("never happened: {what}");
}

// ---------------------------------------------------------------------------------------
// Connect, Execute, Disconnect

/// S01_TC01: Connect sets cookies (R1147, R1219), echoes X-ClientInfo (R156) and
/// X-RequestId; X-ServerApplication has Exchange's form (R165); X-ExpirationInfo in every
/// response (R167); Disconnect succeeds (R1250) and the cookie then gets 10 (R146, R1253).
#[tokio::test]
async fn s01_tc01_connect_execute_disconnect() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let r = c.connect().await;
    assert_eq!(r.status, 200);
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    assert_eq!(r.header("x-responsecode"), Some("0"));
    assert_eq!(r.header("x-requesttype"), Some("Connect"));
    assert_eq!(
        r.header("x-requestid"),
        Some("{E2EA6C1C-E61B-49E9-9CFB-38184F907552}:1")
    );
    assert_eq!(r.header("x-clientinfo"), Some(CLIENT_INFO));
    assert_eq!(r.header("x-pendingperiod"), Some("30000"));
    assert_eq!(r.header("x-expirationinfo"), Some("900000"));
    assert_eq!(
        r.header("x-serverapplication"),
        Some("Exchange/15.02.1544.004")
    );
    assert_eq!(r.header("transfer-encoding"), Some("chunked"));
    assert!(r.header("content-length").is_none());
    let ctx = r.set_cookie(CONTEXT_COOKIE).expect("MapiContext cookie");
    let seq = r.set_cookie(SEQUENCE_COOKIE).expect("MapiSequence cookie");
    assert_ne!(ctx, seq);
    assert_eq!(h.server.live_contexts(), 1);
    assert_eq!(h.server.context_ids(), vec![ctx.clone()]);

    let framed = r.framed();
    assert_eq!(framed.processing_count, 1);
    assert!(
        framed
            .meta_value("X-ElapsedTime")
            .unwrap()
            .parse::<u64>()
            .is_ok()
    );
    assert!(httpdate::parse_http_date(framed.meta_value("X-StartTime").unwrap()).is_ok());
    match ConnectResponse::from_bytes(&framed.body).unwrap() {
        ConnectResponse::Success {
            error_code,
            display_name,
            max_polling_interval,
            ..
        } => {
            assert_eq!(error_code, ErrorCode(0));
            assert_eq!(display_name, "User alice");
            assert_eq!(max_polling_interval, 60_000);
        }
        other => panic!("{other:?}"),
    }

    let r = c.execute(b"\x01\x02\x03").await;
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    assert_eq!(execute_echo(&r), b"\x01\x02\x03");
    assert_eq!(r.header("x-clientinfo"), Some(CLIENT_INFO));
    assert_eq!(r.set_cookie(CONTEXT_COOKIE), Some(ctx.clone()));
    assert_ne!(r.set_cookie(SEQUENCE_COOKIE), Some(seq));

    let r = c.disconnect().await;
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    assert!(matches!(
        DisconnectResponse::from_bytes(&r.framed().body).unwrap(),
        DisconnectResponse::Success {
            error_code: ErrorCode(0),
            ..
        }
    ));
    assert_eq!(h.server.live_contexts(), 0);
    assert_eq!(h.counters.disconnects.load(Ordering::SeqCst), 1);

    // The cookies as the server left them now name a dead context.
    let r = c.execute(b"x").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.code(), ResponseCode::CONTEXT_NOT_FOUND);
    assert_eq!(r.header("content-type"), Some("text/html"));
    assert!(r.set_cookie(CONTEXT_COOKIE).is_none());

    let log = h.server.request_log();
    assert_eq!(log.count(&RequestType::Connect), 1);
    assert_eq!(log.count(&RequestType::Execute), 2);
    assert_eq!(log.count(&RequestType::Disconnect), 1);
    let records = log.records();
    assert_eq!(records[0].context_id.as_deref(), Some(ctx.as_str()));
    assert_eq!(records[0].mailbox_id.as_deref(), Some("alice@example.test"));
    assert_eq!(records[0].login.as_deref(), Some("alice"));
    assert_eq!(
        records[3].response_code,
        Some(ResponseCode::CONTEXT_NOT_FOUND)
    );
    assert!(records.iter().all(|r| r.http_status == 200));
    assert_eq!(records[1].parsed_request_id.unwrap().counter, 2);
    h.server.shutdown().await;
}

/// A backend's refusal is a MAPI-level failure: X-ResponseCode 0, StatusCode 0, the
/// ErrorCode in the body, no context.
#[tokio::test]
async fn refused_connect_is_a_mapi_error_not_a_transport_error() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let body = ConnectRequest {
        user_dn: "/o=refused".into(),
        flags: ConnectFlags::NONE,
        default_code_page: 1252,
        lcid_sort: 1033,
        lcid_string: 1033,
        auxiliary_buffer: Vec::new(),
    }
    .to_bytes()
    .unwrap();
    let rq = c.request("Connect", body);
    let r = c.send(&rq).await;
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    match ConnectResponse::from_bytes(&r.framed().body).unwrap() {
        ConnectResponse::Success { error_code, .. } => assert_eq!(error_code, ErrorCode(0x4B6)),
        other => panic!("{other:?}"),
    }
    assert_eq!(h.server.live_contexts(), 0);
    let r = c.execute(b"x").await;
    assert_eq!(r.code(), ResponseCode::CONTEXT_NOT_FOUND);
}

/// S01_TC02: an expired context answers 10 (R1283); a Connect carrying its cookies gets a new
/// context and cookies (R1278, R1280), with or without the sequence cookie (R1329).
#[tokio::test]
async fn s01_tc02_expiry_and_reconnect() {
    let h = harness(ServerConfig::localhost().with_expiration(Duration::from_millis(60))).await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let r = c.connect().await;
    assert_eq!(r.header("x-expirationinfo"), Some("60"));
    let old = c.context.clone().unwrap();
    eventually("the context expires", || h.server.live_contexts() == 0).await;
    assert_eq!(h.counters.disconnects.load(Ordering::SeqCst), 1);
    assert_eq!(
        c.execute(b"x").await.code(),
        ResponseCode::CONTEXT_NOT_FOUND
    );

    let r = c.connect().await;
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    let new = r.set_cookie(CONTEXT_COOKIE).unwrap();
    assert_ne!(new, old);
    assert_eq!(c.execute(b"y").await.code(), ResponseCode::SUCCESS);

    // Reconnect without the sequence cookie while the old context is still alive.
    c.sequence = None;
    let r = c.connect().await;
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    assert_eq!(c.execute(b"z").await.code(), ResponseCode::SUCCESS);
}

/// MS-OXCMAPIHTTP 3.2.5.6: a reconnect destroys the still-live context it names.
#[tokio::test]
async fn reconnect_destroys_the_old_context() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let old = c.context.clone().unwrap();
    let old_seq = c.sequence.clone();
    c.connect().await;
    assert_eq!(h.server.live_contexts(), 1);
    assert_eq!(h.counters.disconnects.load(Ordering::SeqCst), 1);
    c.context = Some(old);
    c.sequence = old_seq;
    assert_eq!(
        c.execute(b"x").await.code(),
        ResponseCode::CONTEXT_NOT_FOUND
    );
}

/// S01_TC03: an invalid X-RequestType is 5 (R141); an Execute without cookies is 13 (R149).
#[tokio::test]
async fn s01_tc03_invalid_request_type_and_missing_cookie() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let rq = c.execute_rq(b"x").with("X-RequestType", "invalidValue");
    assert_eq!(c.send(&rq).await.code(), ResponseCode::INVALID_REQUEST_TYPE);
    // An address book request type on the mailbox endpoint.
    let rq = c.execute_rq(b"x").with("X-RequestType", "Bind");
    assert_eq!(c.send(&rq).await.code(), ResponseCode::INVALID_REQUEST_TYPE);

    let rq = c.execute_rq(b"x").without("Cookie");
    let r = send(h.server.local_addr(), &rq).await;
    assert_eq!(r.code(), ResponseCode::MISSING_COOKIE);
    // Only the sequence cookie missing.
    let rq = c.execute_rq(b"x").with(
        "Cookie",
        &format!("{CONTEXT_COOKIE}={}", c.context.clone().unwrap()),
    );
    let r = send(h.server.local_addr(), &rq).await;
    assert_eq!(r.code(), ResponseCode::MISSING_COOKIE);
    // The failures changed nothing: the stored cookies still work.
    assert_eq!(c.execute(b"x").await.code(), ResponseCode::SUCCESS);
}

/// S01_TC04: a context cookie the server never issued is 6 (R142); a well-formed one it does
/// not know is 10.
#[tokio::test]
async fn s01_tc04_invalid_context_cookie() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let seq = c.sequence.clone().unwrap();
    let rq = c.execute_rq(b"x").with(
        "Cookie",
        &format!("{CONTEXT_COOKIE}=Invalid cookie; {SEQUENCE_COOKIE}=Invalid cookie"),
    );
    assert_eq!(
        send(h.server.local_addr(), &rq).await.code(),
        ResponseCode::INVALID_CONTEXT_COOKIE
    );
    let rq = c.execute_rq(b"x").with(
        "Cookie",
        &format!(
            "{CONTEXT_COOKIE}={}; {SEQUENCE_COOKIE}={seq}",
            "0".repeat(32)
        ),
    );
    assert_eq!(
        send(h.server.local_addr(), &rq).await.code(),
        ResponseCode::CONTEXT_NOT_FOUND
    );
}

/// S01_TC05: an Execute body whose RopBufferSize exceeds the data is 12 (R148).
#[tokio::test]
async fn s01_tc05_invalid_request_body() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let mut body = Vec::new();
    body.extend(3u32.to_le_bytes()); // Flags
    body.extend(40u32.to_le_bytes()); // RopBufferSize, but no RopBuffer follows
    body.extend(0x10008u32.to_le_bytes());
    body.extend(0u32.to_le_bytes());
    let rq = c.request("Execute", body);
    assert_eq!(c.send(&rq).await.code(), ResponseCode::INVALID_REQUEST_BODY);
    // Trailing garbage after a valid body is invalid too.
    let mut rq = c.execute_rq(b"x");
    rq.body.push(0);
    assert_eq!(c.send(&rq).await.code(), ResponseCode::INVALID_REQUEST_BODY);
    let rq = c.request("Connect", b"no terminator".to_vec());
    assert_eq!(
        send(h.server.local_addr(), &rq).await.code(),
        ResponseCode::INVALID_REQUEST_BODY
    );
    assert_eq!(c.execute(b"ok").await.code(), ResponseCode::SUCCESS);
    assert_eq!(h.counters.executes.load(Ordering::SeqCst), 1);
}

/// S01_TC06: PING answers 0 (R1124) with meta-tags and no body (MS-OXCMAPIHTTP 2.2.6, 4.3),
/// without cookies; with a dead context's cookie it answers 10.
#[tokio::test]
async fn s01_tc06_ping() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let r = c.ping().await;
    assert_eq!(r.status, 200);
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    assert_eq!(r.header("x-requesttype"), Some("PING"));
    assert!(r.header("content-length").is_some());
    let f = r.framed();
    assert_eq!(f.processing_count, 1);
    assert!(f.body.is_empty());
    assert!(r.set_cookie(CONTEXT_COOKIE).is_none());

    c.connect().await;
    let r = c.ping().await;
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    let ctx = c.context.clone().unwrap();
    assert!(h.server.faults().expire_context(&ctx).await);
    assert_eq!(c.ping().await.code(), ResponseCode::CONTEXT_NOT_FOUND);
}

/// MS-OXCMAPIHTTP 4.3: a PING with the context's cookies keeps it from timing out, and
/// leaves the sequence cookie alone.
#[tokio::test]
async fn ping_refreshes_an_idle_context() {
    let h = harness(ServerConfig::localhost().with_expiration(Duration::from_millis(500))).await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let seq = c.sequence.clone();
    for _ in 0..15 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let r = c.ping().await;
        assert_eq!(r.code(), ResponseCode::SUCCESS);
        let left: u64 = r.header("x-expirationinfo").unwrap().parse().unwrap();
        assert!(left <= 500);
    }
    assert_eq!(c.sequence, seq);
    assert_eq!(c.execute(b"still here").await.code(), ResponseCode::SUCCESS);
}

/// S01_TC07: of two simultaneous requests on one context, one gets 15 (R1228, R151).
#[tokio::test]
async fn s01_tc07_simultaneous_requests_get_invalid_sequence() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    *h.counters.execute_sleep.lock().unwrap() = Duration::from_millis(300);
    let first = c.execute_rq(b"first");
    let second = c.execute_rq(b"second");
    let mut conn1 = Conn::open(h.server.local_addr()).await;
    conn1.write(&first.bytes()).await;
    // The headers come with PROCESSING, before the work ends: the first is in progress.
    let (status, headers) = conn1.read_head().await.unwrap();
    assert_eq!(status, 200);
    let r2 = send(h.server.local_addr(), &second).await;
    assert_eq!(r2.code(), ResponseCode::INVALID_SEQUENCE);
    let body = conn1.read_body(&headers).await.unwrap();
    let r1 = Resp {
        status,
        headers,
        body,
    };
    assert_eq!(r1.code(), ResponseCode::SUCCESS);
    assert_eq!(execute_echo(&r1), b"first");
    assert_eq!(h.counters.executes.load(Ordering::SeqCst), 1);
}

/// A replayed (stale) sequence cookie is 15 and changes nothing.
#[tokio::test]
async fn stale_sequence_cookie_is_invalid_sequence() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let stale = c.sequence.clone();
    c.execute(b"1").await;
    let current = c.sequence.clone();
    c.sequence = stale;
    assert_eq!(c.execute(b"2").await.code(), ResponseCode::INVALID_SEQUENCE);
    c.sequence = current;
    assert_eq!(c.execute(b"3").await.code(), ResponseCode::SUCCESS);
}

/// R1225: a context used by another authenticated user is 10.
#[tokio::test]
async fn other_users_context_is_not_found() {
    let h = default_harness().await;
    let mut alice = Client::new(h.server.local_addr(), "alice");
    alice.connect().await;
    let mut mallory = Client::new(h.server.local_addr(), "mallory");
    mallory.context = alice.context.clone();
    mallory.sequence = alice.sequence.clone();
    assert_eq!(
        mallory.execute(b"x").await.code(),
        ResponseCode::CONTEXT_NOT_FOUND
    );
    // Alice's context is untouched.
    assert_eq!(alice.execute(b"x").await.code(), ResponseCode::SUCCESS);
}

/// S01_TC08: Execute streams PROCESSING first and DONE last (R1134, R1136, R1268), chunked
/// (R1230, R1266); with latency, PENDING keep-alives in between (R1135, R1178).
#[tokio::test]
async fn s01_tc08_execute_streams_pending_under_latency() {
    let config = ServerConfig::localhost()
        .with_pending_period(Duration::from_millis(10))
        .with_latency(Latency {
            execute: Duration::from_millis(300),
            ..Latency::default()
        });
    let h = harness(config).await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let r = c.execute(b"slow").await;
    assert_eq!(r.header("x-pendingperiod"), Some("10"));
    assert_eq!(r.header("transfer-encoding"), Some("chunked"));
    let f = r.framed();
    assert!(f.pending_count >= 1, "{f:?}");
    assert!(r.body.starts_with(b"PROCESSING\r\nPENDING\r\n"));
    assert_eq!(execute_echo(&r), b"slow");
    let rec = h.server.request_log().records().pop().unwrap();
    assert_eq!(u64::from(rec.pending_count), f.pending_count);
    assert_eq!(rec.response_body_size, r.body.len());
    assert_eq!(rec.request_body_size, c.execute_rq(b"slow").body.len());
}

/// S01_TC09: with an event pending, NotificationWait answers at once with EventPending 1
/// (R1371, R1375); raised during the wait, it ends the wait early.
#[tokio::test]
async fn s01_tc09_notification_wait_with_pending_event() {
    let h = harness(ServerConfig::localhost().with_notification_wait_max(Duration::from_secs(600)))
        .await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    h.counters.raise_event("alice");
    let rq = c.wait_rq();
    let r = c.send(&rq).await;
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    assert!(event_pending(&r));
    assert!(r.set_cookie(SEQUENCE_COOKIE).is_none());

    // A fresh context without an event, then the event arrives while the wait runs.
    h.counters.events.lock().unwrap().clear();
    let mut d = Client::new(h.server.local_addr(), "bob");
    d.connect().await;
    let rq = d.wait_rq();
    let mut conn = Conn::open(h.server.local_addr()).await;
    conn.write(&rq.bytes()).await;
    let (status, headers) = conn.read_head().await.unwrap();
    h.counters.raise_event("bob");
    let body = conn.read_body(&headers).await.unwrap();
    let r = Resp {
        status,
        headers,
        body,
    };
    assert!(event_pending(&r));
}

/// S01_TC10: without an event NotificationWait waits its limit with PENDING keep-alives
/// (R1135, R1178, R1185) and answers EventPending 0 (R1372, R1256). It may overlap an
/// Execute on the same context; a second NotificationWait may not.
#[tokio::test]
async fn s01_tc10_notification_wait_without_event() {
    let config = ServerConfig::localhost()
        .with_pending_period(Duration::from_millis(10))
        .with_notification_wait_max(Duration::from_millis(400));
    let h = harness(config).await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let rq = c.wait_rq();
    let mut conn = Conn::open(h.server.local_addr()).await;
    conn.write(&rq.bytes()).await;
    let (status, headers) = conn.read_head().await.unwrap();
    // Overlapping Execute: fine. Overlapping NotificationWait: 15.
    assert_eq!(c.execute(b"meanwhile").await.code(), ResponseCode::SUCCESS);
    let second = c.wait_rq();
    assert_eq!(c.send(&second).await.code(), ResponseCode::INVALID_SEQUENCE);
    let body = conn.read_body(&headers).await.unwrap();
    let r = Resp {
        status,
        headers,
        body,
    };
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    assert!(!event_pending(&r));
    let f = r.framed();
    assert!(f.pending_count >= 1);
    assert!(r.body.starts_with(b"PROCESSING\r\nPENDING\r\n"));
}

/// A NotificationWait on a context that is destroyed meanwhile ends with 10 in the meta block.
#[tokio::test]
async fn notification_wait_ends_when_its_context_dies() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let rq = c.wait_rq();
    let mut conn = Conn::open(h.server.local_addr()).await;
    conn.write(&rq.bytes()).await;
    let (status, headers) = conn.read_head().await.unwrap();
    assert_eq!(h.server.faults().expire_all_contexts().await, 1);
    let body = conn.read_body(&headers).await.unwrap();
    let r = Resp {
        status,
        headers,
        body,
    };
    assert_eq!(r.header("x-responsecode"), Some("0"));
    assert_eq!(r.code(), ResponseCode::CONTEXT_NOT_FOUND);
}

/// S01_TC11: a missing X-RequestId is 7 with HTTP 200 (R143, R49); success is 200 (R48); an
/// anonymous request gets 401 (R1331, R36).
#[tokio::test]
async fn s01_tc11_http_status_codes() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let rq = c.connect_rq().without("X-RequestId");
    let r = c.send(&rq).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.code(), ResponseCode::MISSING_HEADER);
    assert_eq!(r.header("x-requesttype"), Some("Connect"));
    assert!(r.set_cookie(CONTEXT_COOKIE).is_none());
    assert_eq!(h.server.live_contexts(), 0);

    let r = c.connect().await;
    assert_eq!(r.status, 200);

    let rq = c.connect_rq().without("Authorization");
    let r = send(h.server.local_addr(), &rq).await;
    assert_eq!(r.status, 401);
    assert_eq!(
        r.all("www-authenticate"),
        vec!["Bearer realm=\"emulator\"", "Negotiate"]
    );
    assert!(r.header("x-responsecode").is_none());
}

#[tokio::test]
async fn missing_and_invalid_headers() {
    let h = default_harness().await;
    let addr = h.server.local_addr();
    let mut c = Client::new(addr, "alice");
    for name in ["X-RequestType", "Content-Type"] {
        let rq = c.connect_rq().without(name);
        assert_eq!(
            send(addr, &rq).await.code(),
            ResponseCode::MISSING_HEADER,
            "{name}"
        );
    }
    let mut rq = c.connect_rq();
    rq.content_length = false;
    assert_eq!(
        send(addr, &rq.clone()).await.code(),
        ResponseCode::MISSING_HEADER
    );
    let rq = c
        .connect_rq()
        .with("Content-Type", "application/octet-stream");
    assert_eq!(send(addr, &rq).await.code(), ResponseCode::INVALID_HEADER);
    let rq = c
        .connect_rq()
        .with("Content-Type", "Application/MAPI-HTTP; charset=binary");
    assert_eq!(send(addr, &rq).await.code(), ResponseCode::SUCCESS);
}

#[tokio::test]
async fn verb_and_path() {
    let h = default_harness().await;
    let addr = h.server.local_addr();
    let mut c = Client::new(addr, "alice");
    let mut rq = c.connect_rq();
    rq.method = "GET".into();
    rq.body.clear();
    let r = send(addr, &rq).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.code(), ResponseCode::INVALID_VERB);
    let mut rq = c.connect_rq();
    rq.path = "/mapi/emsmdb/elsewhere".into();
    assert_eq!(send(addr, &rq).await.code(), ResponseCode::INVALID_PATH);
    let mut rq = c.connect_rq();
    rq.path = "/mapi/emsmdb".into();
    assert_eq!(send(addr, &rq).await.code(), ResponseCode::SUCCESS);
}

#[tokio::test]
async fn too_large_bodies() {
    let h = harness(ServerConfig::localhost().with_max_body_size(128)).await;
    let addr = h.server.local_addr();
    let mut c = Client::new(addr, "alice");
    assert_eq!(c.connect().await.code(), ResponseCode::SUCCESS);
    let rq = c.execute_rq(&[7u8; 200]);
    assert_eq!(c.send(&rq).await.code(), ResponseCode::TOO_LARGE);
    // Chunked, so only counting the bytes can tell.
    let mut rq = c.execute_rq(&[7u8; 200]);
    rq.content_length = false;
    let body = std::mem::take(&mut rq.body);
    let mut bytes = rq.with("Transfer-Encoding", "chunked").bytes();
    bytes.extend(format!("{:x}\r\n", body.len()).as_bytes());
    bytes.extend(&body);
    bytes.extend(b"\r\n0\r\n\r\n");
    let mut conn = Conn::open(addr).await;
    conn.write(&bytes).await;
    let (status, headers) = conn.read_head().await.unwrap();
    let body = conn.read_body(&headers).await.unwrap();
    let r = Resp {
        status,
        headers,
        body,
    };
    assert_eq!(r.code(), ResponseCode::TOO_LARGE);
    assert_eq!(c.execute(b"small").await.code(), ResponseCode::SUCCESS);
}

#[tokio::test]
async fn anonymous_policies() {
    let h = harness(ServerConfig::localhost().with_anonymous(AnonymousPolicy::Refuse)).await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let rq = c.connect_rq().without("Authorization");
    let r = send(h.server.local_addr(), &rq).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.code(), ResponseCode::ANONYMOUS_NOT_ALLOWED);
    // With credentials it works as usual.
    assert_eq!(c.connect().await.code(), ResponseCode::SUCCESS);

    let h = harness(
        ServerConfig::localhost().with_anonymous(AnonymousPolicy::Allow {
            login: "guest".into(),
        }),
    )
    .await;
    let mut c = Client::new(h.server.local_addr(), "x");
    let rq = c.connect_rq().without("Authorization");
    let r = c.send(&rq).await;
    assert_eq!(r.code(), ResponseCode::SUCCESS);
    match ConnectResponse::from_bytes(&r.framed().body).unwrap() {
        ConnectResponse::Success { display_name, .. } => assert_eq!(display_name, "User guest"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn authentication_legs_and_denial() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let rq = c
        .connect_rq()
        .with("Authorization", "Negotiate TlRMTVNTUAABAAAA");
    let r = send(h.server.local_addr(), &rq).await;
    assert_eq!(r.status, 401);
    assert_eq!(
        r.all("www-authenticate"),
        vec!["Negotiate TlRMTVNTUAACAAAA"]
    );
    let rq = c
        .connect_rq()
        .with("Authorization", "Basic d3Jvbmc6d3Jvbmc=");
    let r = send(h.server.local_addr(), &rq).await;
    assert_eq!(r.status, 401);
    // Denied: the initial offer again.
    assert_eq!(r.all("www-authenticate").len(), 2);
    assert_eq!(h.server.live_contexts(), 0);
    assert_eq!(h.server.request_log().records()[0].http_status, 401);
}

/// Every request of a keep-alive connection carries its ConnectionId; closing it tells the
/// authenticator.
#[tokio::test]
async fn connection_ids_and_close_notifications() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let mut conn = Conn::open(h.server.local_addr()).await;
    let rq = c.connect_rq();
    let r = conn.send(&rq).await;
    c.absorb(&r);
    let rq = c.execute_rq(b"x");
    assert_eq!(conn.send(&rq).await.code(), ResponseCode::SUCCESS);
    let records = h.server.request_log().records();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].connection, records[1].connection);
    let id = records[0].connection;
    assert!(!h.auth.closed.lock().unwrap().contains(&id));
    drop(conn);
    eventually("connection_closed is called", || {
        h.auth.closed.lock().unwrap().contains(&id)
    })
    .await;
    c.ping().await;
    let other = h.server.request_log().records().pop().unwrap().connection;
    assert_ne!(other, id);
}

/// Garbage on the wire never takes the server down.
#[tokio::test]
async fn malformed_http_is_survived() {
    let h = default_harness().await;
    let addr = h.server.local_addr();
    for garbage in [
        &b"\x00\x01\x02\x03\r\n\r\n"[..],
        b"POST /mapi/emsmdb/ HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        b"POST /mapi/emsmdb/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
    ] {
        let mut conn = Conn::open(addr).await;
        conn.write(garbage).await;
        let _ = conn.stream.get_mut().shutdown().await;
        let mut rest = Vec::new();
        let _ = conn.stream.read_to_end(&mut rest).await;
    }
    let mut c = Client::new(addr, "alice");
    assert_eq!(c.connect().await.code(), ResponseCode::SUCCESS);
}

/// A backend that panics in Execute costs the request (Unknown Failure in the meta block),
/// not the server.
#[tokio::test]
async fn backend_panic_is_unknown_failure() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let r = c.execute(b"panic").await;
    assert_eq!(r.header("x-responsecode"), Some("0"));
    assert_eq!(r.code(), ResponseCode::UNKNOWN_FAILURE);
    assert!(r.framed().body.is_empty());
    assert_eq!(c.ping().await.code(), ResponseCode::SUCCESS);
}

// ---------------------------------------------------------------------------------------
// Faults

#[tokio::test]
async fn fault_response_code_for_next_requests() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    h.server
        .faults()
        .respond_with(ResponseCode::ENDPOINT_DISABLED, 2);
    assert_eq!(
        c.execute(b"1").await.code(),
        ResponseCode::ENDPOINT_DISABLED
    );
    assert_eq!(c.ping().await.code(), ResponseCode::ENDPOINT_DISABLED);
    assert_eq!(c.execute(b"3").await.code(), ResponseCode::SUCCESS);
    assert_eq!(h.counters.executes.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn fault_service_unavailable() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    h.server
        .faults()
        .service_unavailable(1, Duration::from_millis(1500));
    let r = c.connect().await;
    assert_eq!(r.status, 503);
    assert_eq!(r.header("retry-after"), Some("2"));
    assert!(r.header("x-responsecode").is_none());
    assert_eq!(c.connect().await.status, 200);
    let rec = h.server.request_log().records();
    assert_eq!(rec[0].http_status, 503);
    assert_eq!(rec[0].response_code, None);
}

#[tokio::test]
async fn fault_delay_before_done_sends_pending() {
    let h = harness(ServerConfig::localhost().with_pending_period(Duration::from_millis(10))).await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    h.server
        .faults()
        .delay_before_done(Duration::from_millis(300), 1);
    let r = c.execute(b"x").await;
    assert!(r.framed().pending_count >= 1);
    assert_eq!(execute_echo(&r), b"x");
    // Only once.
    let r = c.execute(b"y").await;
    assert_eq!(execute_echo(&r), b"y");
}

#[tokio::test]
async fn fault_close_after_bytes() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    h.server.faults().close_after_bytes(40);
    let rq = c.execute_rq(b"x");
    let mut conn = Conn::open(h.server.local_addr()).await;
    conn.write(&rq.bytes()).await;
    let mut got = Vec::new();
    let _ = conn.stream.read_to_end(&mut got).await;
    assert_eq!(got.len(), 40, "{}", String::from_utf8_lossy(&got));
    assert!(got.starts_with(b"HTTP/1.1 200 OK\r\n"));
    // The cut response still rotated the sequence: the client lost it and must reconnect.
    assert_eq!(c.execute(b"y").await.code(), ResponseCode::INVALID_SEQUENCE);
    assert_eq!(c.connect().await.code(), ResponseCode::SUCCESS);
    assert_eq!(c.execute(b"z").await.code(), ResponseCode::SUCCESS);
}

#[tokio::test]
async fn fault_expire_contexts() {
    let h = default_harness().await;
    let mut a = Client::new(h.server.local_addr(), "alice");
    let mut b = Client::new(h.server.local_addr(), "bob");
    a.connect().await;
    b.connect().await;
    let faults = h.server.faults();
    assert!(faults.expire_context(a.context.as_deref().unwrap()).await);
    assert!(!faults.expire_context(a.context.as_deref().unwrap()).await);
    assert_eq!(h.counters.disconnects.load(Ordering::SeqCst), 1);
    assert_eq!(
        a.execute(b"x").await.code(),
        ResponseCode::CONTEXT_NOT_FOUND
    );
    assert_eq!(b.execute(b"x").await.code(), ResponseCode::SUCCESS);
    assert_eq!(faults.expire_all_contexts().await, 1);
    assert_eq!(
        b.execute(b"x").await.code(),
        ResponseCode::CONTEXT_NOT_FOUND
    );
    assert_eq!(h.server.live_contexts(), 0);
}

// ---------------------------------------------------------------------------------------
// Scale and shutdown

#[tokio::test]
async fn thousand_connect_disconnect_cycles_leave_no_context() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    let mut conn = Conn::open(h.server.local_addr()).await;
    for _ in 0..1000 {
        c.context = None;
        c.sequence = None;
        let rq = c.connect_rq();
        let r = conn.send(&rq).await;
        assert_eq!(r.code(), ResponseCode::SUCCESS);
        c.absorb(&r);
        let rq = c.disconnect_rq();
        let r = conn.send(&rq).await;
        assert_eq!(r.code(), ResponseCode::SUCCESS);
    }
    assert_eq!(h.server.live_contexts(), 0);
    assert_eq!(h.counters.connects.load(Ordering::SeqCst), 1000);
    assert_eq!(h.counters.disconnects.load(Ordering::SeqCst), 1000);
    let log = h.server.request_log();
    assert_eq!(log.count(&RequestType::Connect), 1000);
    assert_eq!(log.count(&RequestType::Disconnect), 1000);
}

#[tokio::test]
async fn shutdown_disconnects_contexts() {
    let h = default_harness().await;
    let mut c = Client::new(h.server.local_addr(), "alice");
    c.connect().await;
    let addr = h.server.local_addr();
    h.server.shutdown().await;
    assert_eq!(h.counters.disconnects.load(Ordering::SeqCst), 1);
    assert!(TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn urls() {
    let h = default_harness().await;
    let port = h.server.local_addr().port();
    assert_ne!(port, 0);
    assert_eq!(h.server.base_url(), format!("http://127.0.0.1:{port}"));
    assert_eq!(
        h.server.mailbox_url("a@b"),
        format!("http://127.0.0.1:{port}/mapi/emsmdb/?MailboxId=a@b")
    );
}
