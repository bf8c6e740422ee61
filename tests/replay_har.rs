//! HAR record and replay: the client recorded against the emulator on 127.0.0.1 and replayed
//! from the file; tampered recordings; secrets and cookies in the file; the recordings of
//! another server in `fixtures/gromox/` decoded and replayed.
#![cfg(all(feature = "emulator", feature = "client"))]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use base64::Engine as _;
use mapi_http::client::{Endpoints, LogonOptions, Session};
use mapi_http::emulator::{Emulator, EmulatorConfig};
use mapi_http::replay::dissect::{Dissector, undecoded_parts};
use mapi_http::replay::{
    Har, Recorder, RecordingTransport, ReplayError, ReplayMode, ReplayTransport,
};
use mapi_http::session::HttpRequest;
use mapi_http::transport::{
    Credentials, HttpTransport, Secret, TimeoutPhase, Transport, TransportError,
};
use mapi_http::wire::mapihttp::RequestType;
use mapi_http::wire::property::tags as t;

/// What the demo-like scenario saw: compared between the live run and the replay.
#[derive(Debug, PartialEq)]
struct Seen {
    display_name: String,
    stores: usize,
    /// Address book containers, and the caller's own GAL entry (display name, SMTP address).
    containers: usize,
    me: (Option<String>, Option<String>),
    folders: Vec<String>,
    subjects: Vec<String>,
}

/// Logon, identity, stores, the IPM subtree's folders, the Inbox contents table, the address
/// book (hierarchy and the caller's own entry), logoff (which unbinds).
async fn scenario(endpoints: Endpoints, transport: impl Transport + 'static) -> Seen {
    scenario_after_logon(endpoints, transport, || {}).await
}

/// [`scenario`], with `after_logon` run once the session is logged on (to arm a fault).
async fn scenario_after_logon(
    endpoints: Endpoints,
    transport: impl Transport + 'static,
    after_logon: impl FnOnce(),
) -> Seen {
    let session = Session::logon_with_transport(endpoints, transport, options())
        .await
        .expect("logon");
    after_logon();
    let display_name = session.query_identity().display_name().to_owned();
    let stores = session.msg_stores_table().unwrap().len();
    let store = session.default_store().unwrap();
    let root = store
        .open_folder(store.ipm_subtree_id().unwrap())
        .await
        .unwrap();
    let (_table, rows) = root
        .table_with_rows(true, false, &[t::PID_TAG_DISPLAY_NAME], 100)
        .await
        .unwrap();
    let folders = rows
        .iter()
        .filter_map(|r| r.text(t::PID_TAG_DISPLAY_NAME).map(|s| s.into_owned()))
        .collect();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    let mut contents = inbox.contents_table().await.unwrap();
    contents
        .set_columns(&[t::PID_TAG_SUBJECT, t::PID_TAG_MESSAGE_DELIVERY_TIME])
        .await
        .unwrap();
    contents
        .sort(&[(t::PID_TAG_MESSAGE_DELIVERY_TIME, true)])
        .await
        .unwrap();
    let subjects = contents
        .query_all(10)
        .await
        .unwrap()
        .iter()
        .filter_map(|r| r.text(t::PID_TAG_SUBJECT).map(|s| s.into_owned()))
        .collect();
    drop(contents);
    drop(inbox);
    drop(root);
    let book = session.address_book().await.unwrap();
    let containers = book.hierarchy().await.unwrap().len();
    let own = book.me().await.unwrap();
    let me = (own.display_name(), own.smtp_address());
    session.logoff().await.unwrap();
    Seen {
        display_name,
        stores,
        containers,
        me,
        folders,
        subjects,
    }
}

fn options() -> LogonOptions {
    let mut options = LogonOptions::default();
    options.transport.allow_insecure_basic = true;
    options
}

struct Recording {
    path: PathBuf,
    password: String,
    endpoints: Endpoints,
    live: Seen,
    _dir: tempfile::TempDir,
}

/// Runs the scenario against the emulator with Basic credentials, recording it.
async fn record() -> Recording {
    let emu = Emulator::start(EmulatorConfig::demo(7)).await.unwrap();
    let alice = emu.user("alice").unwrap().clone();
    let endpoints = Endpoints::new(emu.mailbox_url("alice").unwrap(), alice.legacy_dn.clone());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.har");
    let network = HttpTransport::new(
        Credentials::Basic {
            user: "alice".into(),
            password: Secret::new(alice.password.clone()),
        },
        options().transport,
    )
    .unwrap();
    let recorder = Arc::new(Recorder::create(&path).unwrap());
    recorder.add_secret(&alice.password);
    let live = scenario(
        endpoints.clone(),
        RecordingTransport::new(network, recorder.clone()),
    )
    .await;
    recorder.flush().unwrap();
    Recording {
        path,
        password: alice.password,
        endpoints,
        live,
        _dir: dir,
    }
}

fn load(path: &Path) -> Har {
    Har::from_json(&std::fs::read(path).unwrap()).unwrap()
}

fn save(har: &Har, path: &Path) {
    std::fs::write(path, har.to_json().unwrap()).unwrap();
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[tokio::test]
async fn a_recorded_session_replays_strictly_with_the_same_results() {
    let rec = record().await;
    let har = load(&rec.path);
    let types: Vec<String> = har
        .log
        .entries
        .iter()
        .map(|e| e.request.header("X-RequestType").unwrap().to_owned())
        .collect();
    assert_eq!(types.first().map(String::as_str), Some("Connect"));
    assert_eq!(types.last().map(String::as_str), Some("Disconnect"));
    assert!(
        types.iter().filter(|t| *t == "Execute").count() >= 3,
        "{types:?}"
    );
    // Response bodies come with their meta-tags.
    let first = har.log.entries[0].response.body().unwrap();
    assert!(first.starts_with(b"PROCESSING"), "{first:?}");
    // Taken off the wire, not rebuilt from the framed form.
    assert!(
        har.log
            .entries
            .iter()
            .all(|e| !e.response.content.extra.contains_key("_reencoded"))
    );

    let replay = Arc::new(ReplayTransport::open(&rec.path, ReplayMode::Strict).unwrap());
    let seen = scenario(rec.endpoints.clone(), replay.clone()).await;
    assert_eq!(seen, rec.live);
    assert!(!seen.folders.is_empty() && !seen.subjects.is_empty());
    replay.finish().expect("every step served, no divergence");
}

#[tokio::test]
async fn no_secret_reaches_the_file_and_cookies_are_tokens_used_consistently() {
    let rec = record().await;
    let text = std::fs::read_to_string(&rec.path).unwrap();
    assert!(!text.contains(&rec.password), "the password is in the file");
    let basic = b64(format!("alice:{}", rec.password).as_bytes());
    assert!(
        !text.contains(&basic),
        "the Basic credential is in the file"
    );
    // Nor in any decoded body.
    let har = load(&rec.path);
    let wide: Vec<u8> = rec
        .password
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for e in &har.log.entries {
        for body in [e.request.body().unwrap(), e.response.body().unwrap()] {
            assert!(!contains(&body, rec.password.as_bytes()));
            assert!(!contains(&body, &wide));
        }
    }
    // Every cookie the client sent is a token the (recorded) server set before on the same
    // endpoint (the mailbox and the address book each keep their own context cookies).
    let mut set = std::collections::HashMap::new();
    let mut sent = 0;
    for e in &har.log.entries {
        let endpoint = e
            .request
            .url
            .split('?')
            .next()
            .unwrap_or_default()
            .to_owned();
        for c in &e.request.cookies {
            assert_eq!(
                set.get(&(endpoint.clone(), c.name.clone())),
                Some(&c.value),
                "cookie {} sent as {} but last set as {:?}",
                c.name,
                c.value,
                set.get(&(endpoint.clone(), c.name.clone()))
            );
            sent += 1;
        }
        for c in &e.response.cookies {
            assert!(c.value.starts_with("masked-"), "unmasked cookie {c:?}");
            set.insert((endpoint.clone(), c.name.clone()), c.value.clone());
        }
    }
    assert!(sent > 0, "the session sent cookies");
    // The headers the transport adds below the session are recorded too, the credential
    // replaced by the marker.
    for e in &har.log.entries {
        assert_eq!(e.request.header("Authorization"), Some("Basic [REDACTED]"));
        assert!(
            e.request
                .header("Host")
                .is_some_and(|h| h.starts_with("127.0.0.1:"))
        );
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Replays `har` strictly and returns the divergence.
async fn replay_error(har: &Har, dir: &Path, endpoints: Endpoints) -> ReplayError {
    let path = dir.join("tampered.har");
    save(har, &path);
    let replay = Arc::new(ReplayTransport::open(&path, ReplayMode::Strict).unwrap());
    let transport = replay.clone();
    // The client fails somewhere on the way: which error it reports is its business; the
    // replay keeps the first divergence.
    if let Ok(session) = Session::logon_with_transport(endpoints, transport, options()).await
        && let Ok(store) = session.default_store()
        && let Ok(id) = store.ipm_subtree_id()
    {
        let _ = store.open_folder(id).await;
    }
    replay.error().expect("the replay diverged")
}

/// The index of the first Execute entry after logon (the folder open).
fn second_execute(har: &Har) -> usize {
    har.log
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.request.header("X-RequestType") == Some("Execute"))
        .nth(1)
        .map(|(i, _)| i)
        .unwrap()
}

#[tokio::test]
async fn tampered_recordings_fail_naming_the_step() {
    let rec = record().await;
    let dir = tempfile::tempdir().unwrap();
    let original = load(&rec.path);
    let i = second_execute(&original);

    // One request body changed: MaxRopOut of the folder-opening Execute.
    let mut har = original.clone();
    let entry = &mut har.log.entries[i];
    let mut body = entry.request.body().unwrap();
    let rop_size = u32::from_le_bytes(body[4..8].try_into().unwrap()) as usize;
    body[8 + rop_size] ^= 0x01;
    entry.request.post_data.as_mut().unwrap().text = b64(&body);
    match replay_error(&har, dir.path(), rec.endpoints.clone()).await {
        ReplayError::Mismatch { step, field, .. } => {
            assert_eq!(step, i + 1);
            assert_eq!(field, "body.max_rop_out");
        }
        other => panic!("{other:?}"),
    }

    // One ROP changed inside the buffer: decoded, the error names the ROP field.
    let mut har = original.clone();
    let entry = &mut har.log.entries[i];
    let mut body = entry.request.body().unwrap();
    // The last byte of the ROP buffer is in the handle table; the first ROP's bytes start
    // after Flags, RopBufferSize, RPC_HEADER_EXT (8) and RopSize (2).
    body[8 + 8 + 2 + 1] ^= 0x01; // RopOpenFolder's LogonId
    entry.request.post_data.as_mut().unwrap().text = b64(&body);
    let e = replay_error(&har, dir.path(), rec.endpoints.clone()).await;
    match &e {
        ReplayError::Mismatch { step, field, .. } => {
            assert_eq!(*step, i + 1);
            assert!(field.starts_with("body.rops[0]"), "{e}");
        }
        other => panic!("{other:?}"),
    }

    // One request type changed.
    let mut har = original.clone();
    for h in &mut har.log.entries[i].request.headers {
        if h.name.eq_ignore_ascii_case("X-RequestType") {
            h.value = "Disconnect".into();
        }
    }
    let e = replay_error(&har, dir.path(), rec.endpoints.clone()).await;
    assert_eq!(
        e,
        ReplayError::Mismatch {
            step: i + 1,
            request_type: "Disconnect".into(),
            field: "X-RequestType".into(),
            recorded: "Disconnect".into(),
            live: "Execute".into(),
        }
    );
    assert!(
        e.to_string()
            .starts_with(&format!("step {} (Disconnect)", i + 1)),
        "{e}"
    );

    // A response truncated.
    let mut har = original.clone();
    let entry = &mut har.log.entries[i];
    let body = entry.response.body().unwrap();
    entry.response.content.text = Some(b64(&body[..body.len() - 6]));
    let e = replay_error(&har, dir.path(), rec.endpoints.clone()).await;
    match &e {
        ReplayError::BadRecording { step, reason } => {
            assert_eq!(*step, i + 1);
            assert!(reason.contains("Execute response does not decode"), "{e}");
        }
        other => panic!("{other:?}"),
    }
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/gromox")
        .join(format!("{name}.har"))
}

const FIXTURES: &[&str] = &[
    "session-logon",
    "session-folders",
    "session-public",
    "nspi-addressbook",
    "errors",
    "notification",
];

#[test]
fn every_fixture_decodes_with_nothing_left_undecoded() {
    for name in FIXTURES {
        let har = load(&fixture(name));
        let decoded = Dissector::all(&har);
        assert_eq!(decoded.len(), har.log.entries.len());
        for (i, d) in decoded.iter().enumerate() {
            assert_eq!(d["step"], i + 1);
            let gaps = undecoded_parts(d);
            assert!(gaps.is_empty(), "{name} step {}: {gaps:?}\n{d:#}", i + 1);
        }
    }
}

#[test]
fn fixture_rop_responses_decode_with_columns_from_earlier_executes() {
    let har = load(&fixture("session-folders"));
    let decoded = Dissector::all(&har);
    // Step 3 sets columns and queries rows in one Execute: 18 rows.
    let rops = &decoded[2]["response"]["body"]["rops"]["responses"];
    let rows = rops
        .as_array()
        .unwrap()
        .iter()
        .find_map(|r| r.get("QueryRows"))
        .expect("a QueryRows response");
    assert!(rows.to_string().contains("Coffee machine broken"), "{rows}");
}

/// Sends each recorded request again, rebuilt by this crate's codecs from its decoded form,
/// through a semantic replay: the endpoint, request type and ROP sequence line up and every
/// answer is served as recorded.
async fn codec_replay(name: &str) -> ReplayTransport {
    let har = load(&fixture(name));
    let replay = ReplayTransport::new(har.clone(), ReplayMode::Semantic);
    for e in &har.log.entries {
        let request_type = RequestType::parse(e.request.header("X-RequestType").unwrap());
        let body = reencode(&request_type, &e.request.body().unwrap());
        let request = HttpRequest {
            url: e.request.url.clone(),
            request_type: request_type.clone(),
            headers: vec![("X-RequestType", request_type.as_str().to_owned())],
            body,
        };
        let response = replay.send(&request).await;
        assert!(
            response.is_ok() || e.response.status == 0,
            "{name}: {:?} {:?}",
            response.err(),
            replay.error()
        );
    }
    replay
}

fn reencode(request_type: &RequestType, body: &[u8]) -> Vec<u8> {
    use mapi_http::wire::Wire;
    use mapi_http::wire::mapihttp::{
        ConnectRequest, DisconnectRequest, ExecuteRequest, NotificationWaitRequest,
    };
    use mapi_http::wire::nspi::NspiRequest;
    match request_type {
        RequestType::Connect => ConnectRequest::from_bytes(body)
            .unwrap()
            .to_bytes()
            .unwrap(),
        RequestType::Execute => ExecuteRequest::from_bytes(body)
            .unwrap()
            .to_bytes()
            .unwrap(),
        RequestType::Disconnect => DisconnectRequest::from_bytes(body)
            .unwrap()
            .to_bytes()
            .unwrap(),
        RequestType::NotificationWait => NotificationWaitRequest::from_bytes(body)
            .unwrap()
            .to_bytes()
            .unwrap(),
        RequestType::Ping | RequestType::Other(_) => body.to_vec(),
        t => NspiRequest::decode(t, body).unwrap().to_bytes().unwrap(),
    }
}

#[tokio::test]
async fn fixtures_replay_semantically_from_requests_this_crate_encodes() {
    // errors.har holds deliberate misuse this crate's encoders cannot produce (a Connect
    // without X-RequestId, an unknown request type): it has the decode test only.
    for name in [
        "session-logon",
        "session-folders",
        "session-public",
        "nspi-addressbook",
        "notification",
    ] {
        let replay = codec_replay(name).await;
        replay.finish().unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[tokio::test]
async fn the_client_replays_a_foreign_recording_until_it_asks_something_else() {
    // Gromox's recording logs on with RopLogon alone; this client chains the store
    // properties into the logon Execute, so the replay stops there, naming the ROP.
    let har = load(&fixture("session-logon"));
    let url = har.log.entries[0].request.url.clone();
    let dn = "/o=Gromox default/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=0100000001000000-alice";
    let replay = Arc::new(ReplayTransport::new(har, ReplayMode::Semantic));
    let err = Session::logon_with_transport(Endpoints::new(url, dn), replay.clone(), options())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("step 2"), "{err}");
    match replay.error().unwrap() {
        ReplayError::Mismatch {
            step,
            field,
            recorded,
            live,
            ..
        } => {
            assert_eq!(step, 2);
            assert_eq!(field, "rops[1]");
            assert_eq!(recorded, "(nothing)");
            assert_ne!(live, "(nothing)");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(replay.served(), 1, "the Connect was served");
}

/// Answers from a script, in order: no network at all.
struct Scripted(std::sync::Mutex<Vec<Result<mapi_http::session::HttpResponse, TransportError>>>);

impl Transport for Scripted {
    async fn send(
        &self,
        _request: &HttpRequest,
    ) -> Result<mapi_http::session::HttpResponse, TransportError> {
        self.0.lock().unwrap().remove(0)
    }
}

fn framed(set_cookie: &str, body: &[u8]) -> mapi_http::session::HttpResponse {
    let mut raw = b"PROCESSING\r\nPENDING\r\nDONE\r\nX-ResponseCode: 0\r\n\r\n".to_vec();
    raw.extend_from_slice(body);
    mapi_http::session::HttpResponse::from_raw(
        200,
        vec![
            ("Content-Type".into(), "application/mapi-http".into()),
            ("Set-Cookie".into(), set_cookie.into()),
        ],
        &raw,
    )
}

fn request(request_type: RequestType, id: &str, cookie: Option<&str>) -> HttpRequest {
    request_to(
        "http://127.0.0.1:9/mapi/emsmdb/?MailboxId=a@b",
        request_type,
        id,
        cookie,
    )
}

fn request_to(url: &str, request_type: RequestType, id: &str, cookie: Option<&str>) -> HttpRequest {
    let mut headers = vec![
        ("X-RequestType", request_type.as_str().to_owned()),
        ("X-RequestId", id.to_owned()),
    ];
    if let Some(c) = cookie {
        headers.push(("Cookie", c.to_owned()));
    }
    HttpRequest {
        url: url.into(),
        request_type,
        headers,
        body: Vec::new(),
    }
}

#[tokio::test]
async fn transport_errors_replay_as_recorded_and_notification_waits_keep_their_own_lane() {
    let script = Scripted(std::sync::Mutex::new(vec![
        Ok(framed("sid=real-secret-cookie; path=/", b"\x01")),
        Err(TransportError::Timeout(TimeoutPhase::Silence)),
        Ok(framed("sid=real-secret-cookie", b"\x02")),
    ]));
    let recorder = Arc::new(Recorder::in_memory());
    let recording = RecordingTransport::new(script, recorder.clone());
    let guid = "{11111111-2222-3333-4444-555555555555}";
    let connect = request(RequestType::Ping, &format!("{guid}:1"), None);
    let wait = request(
        RequestType::NotificationWait,
        &format!("{guid}:2"),
        Some("sid=real-secret-cookie"),
    );
    let execute = request(
        RequestType::Ping,
        &format!("{guid}:3"),
        Some("sid=real-secret-cookie"),
    );
    recording.send(&connect).await.unwrap();
    recording.send(&wait).await.unwrap_err();
    recording.send(&execute).await.unwrap();
    let har = recorder.har();
    let text = har.to_json().unwrap();
    assert!(!text.contains("real-secret-cookie"), "{text}");
    assert_eq!(har.log.entries[0].response.cookies[0].value, "masked-1");
    assert_eq!(
        har.log.entries[0].response.cookies[0].path.as_deref(),
        Some("/")
    );
    assert_eq!(har.log.entries[2].request.cookies[0].value, "masked-1");
    assert!(har.log.entries[1].response.extra.contains_key("_error"));

    // PING bodies need no decoding, so the script's one-byte bodies stand.
    // The client of the replay uses its own GUID and the tokens the replay handed out; the
    // third request comes before the NotificationWait this time (they travel on two connections).
    let replay = ReplayTransport::new(har, ReplayMode::Strict);
    let other = "{AAAAAAAA-2222-3333-4444-555555555555}";
    let first = replay
        .send(&request(RequestType::Ping, &format!("{other}:1"), None))
        .await
        .unwrap();
    assert_eq!(first.header("set-cookie"), Some("sid=masked-1; path=/"));
    let third = replay
        .send(&request(
            RequestType::Ping,
            &format!("{other}:3"),
            Some("sid=masked-1"),
        ))
        .await
        .unwrap();
    assert!(
        matches!(third.body, mapi_http::session::ResponseBody::Framed(ref f) if f.body == b"\x02" && f.pending_count == 1)
    );
    let second = replay
        .send(&request(
            RequestType::NotificationWait,
            &format!("{other}:2"),
            Some("sid=masked-1"),
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(second, TransportError::Timeout(TimeoutPhase::Silence)),
        "{second:?}"
    );
    replay.finish().unwrap();

    // A cookie other than the one the recorded server set is a mismatch naming the step.
    let replay = ReplayTransport::new(recorder.har(), ReplayMode::Strict);
    replay
        .send(&request(RequestType::Ping, &format!("{other}:1"), None))
        .await
        .unwrap();
    replay
        .send(&request(
            RequestType::Ping,
            &format!("{other}:3"),
            Some("sid=stale"),
        ))
        .await
        .unwrap_err();
    match replay.error().unwrap() {
        ReplayError::Mismatch { step, field, .. } => {
            assert_eq!((step, field.as_str()), (3, "Cookie"));
        }
        other => panic!("{other:?}"),
    }
}

/// A PING to `url` with X-RequestId counter `n` of one fixed client GUID.
fn ping(url: &str, n: u32) -> HttpRequest {
    let guid = "{11111111-2222-3333-4444-555555555555}";
    request_to(url, RequestType::Ping, &format!("{guid}:{n}"), None)
}

/// Each session context (endpoint and MailboxId) is a lane of its own: order holds within a
/// lane, not across lanes, and a request for a mailbox the recording never reached next is a
/// MailboxId mismatch naming the step.
#[tokio::test]
async fn requests_keep_their_order_per_session_context_not_across_contexts() {
    const MAILBOX_A: &str = "http://127.0.0.1:9/mapi/emsmdb/?MailboxId=a@b";
    const MAILBOX_B: &str = "http://127.0.0.1:9/mapi/emsmdb/?MailboxId=B@b";
    const BOOK: &str = "http://127.0.0.1:9/mapi/nspi/?MailboxId=a@b";
    let plan = [(MAILBOX_A, 1), (BOOK, 2), (MAILBOX_A, 3), (MAILBOX_B, 4)];
    let script = Scripted(std::sync::Mutex::new(
        plan.iter()
            .map(|(_, n)| Ok(framed("sid=x", &[*n as u8])))
            .collect(),
    ));
    let recorder = Arc::new(Recorder::in_memory());
    let recording = RecordingTransport::new(script, recorder.clone());
    for (url, n) in plan {
        recording.send(&ping(url, n)).await.unwrap();
    }
    let har = recorder.har();
    let lanes: Vec<_> = har
        .log
        .entries
        .iter()
        .map(|e| e.connection.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        lanes,
        [
            "/mapi/emsmdb?mailboxid=a@b",
            "/mapi/nspi?mailboxid=a@b",
            "/mapi/emsmdb?mailboxid=a@b",
            "/mapi/emsmdb?mailboxid=b@b"
        ]
    );

    // Mailbox B first, then the address book, then mailbox A's two in their order.
    let replay = ReplayTransport::new(har.clone(), ReplayMode::Strict);
    for (url, n) in [(MAILBOX_B, 4), (BOOK, 2), (MAILBOX_A, 1), (MAILBOX_A, 3)] {
        let answer = replay
            .send(&ping(url, n))
            .await
            .unwrap_or_else(|e| panic!("request {n}: {e}"));
        assert!(
            matches!(answer.body, mapi_http::session::ResponseBody::Framed(ref f) if f.body == [n as u8]),
            "request {n} got another step's answer"
        );
    }
    replay.finish().unwrap();

    // Within a lane the order holds: mailbox A's second request first is a counter mismatch.
    let replay = ReplayTransport::new(har.clone(), ReplayMode::Strict);
    replay.send(&ping(MAILBOX_A, 3)).await.unwrap_err();
    match replay.error().unwrap() {
        ReplayError::Mismatch { step, field, .. } => {
            assert_eq!((step, field.as_str()), (1, "X-RequestId"))
        }
        other => panic!("{other:?}"),
    }

    // A mailbox the recording never reached is compared with the earliest unused step.
    let replay = ReplayTransport::new(har, ReplayMode::Strict);
    let elsewhere = "http://127.0.0.1:9/mapi/emsmdb/?MailboxId=c@b";
    replay.send(&ping(elsewhere, 1)).await.unwrap_err();
    match replay.error().unwrap() {
        ReplayError::Mismatch {
            step,
            field,
            recorded,
            live,
            ..
        } => assert_eq!(
            (step, field.as_str(), recorded.as_str(), live.as_str()),
            (1, "MailboxId", "a@b", "c@b")
        ),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_ntlm_session_records_the_answers_not_the_handshake_legs() {
    let emu = Emulator::start(EmulatorConfig::demo(7)).await.unwrap();
    let alice = emu.user("alice").unwrap().clone();
    let endpoints = Endpoints::new(emu.mailbox_url("alice").unwrap(), alice.legacy_dn.clone());
    let network = HttpTransport::new(
        Credentials::Ntlm {
            user: "alice".into(),
            password: Secret::new(alice.password.clone()),
        },
        options().transport,
    )
    .unwrap();
    let recorder = Arc::new(Recorder::in_memory());
    recorder.add_secret(&alice.password);
    let session = Session::logon_with_transport(
        endpoints,
        RecordingTransport::new(network, recorder.clone()),
        options(),
    )
    .await
    .unwrap();
    assert!(session.stats().auth_exchanges > 0, "a handshake ran");
    session.logoff().await.unwrap();
    let har = recorder.har();
    // The handshake's 401 legs come first, marked, their tokens redacted; then the answers.
    let legs: Vec<&mapi_http::replay::har::Entry> = har
        .log
        .entries
        .iter()
        .filter(|e| e.extra.contains_key(mapi_http::replay::AUTH_LEG))
        .collect();
    assert_eq!(legs.len() as u64, session.stats().auth_exchanges);
    for leg in &legs {
        assert_eq!(leg.response.status, 401);
        assert_eq!(leg.request.header("Authorization"), Some("NTLM [REDACTED]"));
        assert!(leg.response.header("WWW-Authenticate").is_some());
    }
    assert!(
        har.log.entries[0]
            .extra
            .contains_key(mapi_http::replay::AUTH_LEG)
    );
    let answers: Vec<&mapi_http::replay::har::Entry> = har
        .log
        .entries
        .iter()
        .filter(|e| !e.extra.contains_key(mapi_http::replay::AUTH_LEG))
        .collect();
    let types: Vec<&str> = answers
        .iter()
        .map(|e| e.request.header("X-RequestType").unwrap())
        .collect();
    assert_eq!(types.first(), Some(&"Connect"), "{types:?}");
    assert_eq!(types.last(), Some(&"Disconnect"), "{types:?}");
    for e in &answers {
        assert_eq!(e.response.status, 200);
        let body = e.response.body().unwrap();
        assert!(
            body.starts_with(b"PROCESSING"),
            "{:?}",
            String::from_utf8_lossy(&body)
        );
    }
    assert!(!har.to_json().unwrap().contains(&alice.password));
    // The transport's own headers are in the file, the credential leg redacted: the Connect
    // went out on the handshake's last leg, with the NTLM AUTHENTICATE message.
    assert_eq!(
        answers[0].request.header("Authorization"),
        Some("NTLM [REDACTED]")
    );
    // Replay skips the legs: the client, with no handshake to run, is answered throughout.
    let endpoints = Endpoints::new(emu.mailbox_url("alice").unwrap(), alice.legacy_dn.clone());
    let replay = Arc::new(ReplayTransport::new(har.clone(), ReplayMode::Strict));
    let again = Session::logon_with_transport(endpoints, replay.clone(), options())
        .await
        .unwrap();
    again.logoff().await.unwrap();
    replay.finish().unwrap();
    let text = Dissector::all(&har);
    assert!(
        text[0]["summary"]
            .as_str()
            .unwrap()
            .ends_with("(authentication leg)"),
        "{}",
        text[0]["summary"]
    );
    for e in &har.log.entries {
        assert!(
            e.request
                .header("Host")
                .is_some_and(|h| h.starts_with("127.0.0.1:"))
        );
        if let Some(a) = e.request.header("Authorization") {
            assert!(a.ends_with(" [REDACTED]"), "{a}");
        }
    }
}

/// The recordings committed in `fixtures/recorded/`, made by
/// `cargo test --all-features --test replay_har -- --ignored write_recorded_fixtures`
/// (see fixtures/README.md): the demo-like scenario, and the same scenario through a lost
/// session context, through a RopBackoff, and through an ecWrongServer redirect.
const RECORDED: &[&str] = &["demo.har", "reconnect.har", "backoff.har", "redirect.har"];

/// The emulator a committed recording was made against: `EmulatorConfig::demo(7)`; for
/// `redirect.har` with alice's mailbox moved to another server, `mbx2.contoso.example`.
fn recording_config(name: &str) -> EmulatorConfig {
    let mut config = EmulatorConfig::demo(7);
    if name == "redirect.har" {
        let old = &config.users;
        let mut moved = mapi_http::emulator::users::Users::new(
            old.organization(),
            old.domain(),
            Some(old.netbios_domain()),
        );
        for entry in old.entries() {
            let mut entry = entry.clone();
            if entry.user.login == "alice" {
                entry.user.home_server = Some("mbx2.contoso.example".into());
            }
            moved.insert(entry).unwrap();
        }
        config.users = moved;
    }
    config
}

/// The mailbox URL a committed recording starts from: alice's own, except for `redirect.har`,
/// which starts from a stale URL naming the server her mailbox was on (the default one), so
/// the server answers RopLogon with ecWrongServer and the client follows it to mbx2.
fn recording_url(name: &str, emu: &Emulator) -> String {
    if name == "redirect.har" {
        format!("{}/mapi/emsmdb/?MailboxId=EMULATOR", emu.base_url())
    } else {
        emu.mailbox_url("alice").unwrap()
    }
}

fn recorded(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/recorded")
        .join(name)
}

/// What happens on the server between logon and the scenario's calls.
async fn scenario_with_fault(
    name: &str,
    emu: &Emulator,
    endpoints: Endpoints,
    transport: impl Transport + 'static,
) -> Seen {
    use mapi_http::wire::mapihttp::ResponseCode;
    use mapi_http::wire::rop::RopId;
    use mapi_http::wire::rop::special::{BackoffResponse, BackoffRop};
    scenario_after_logon(endpoints, transport, || match name {
        // The server forgets the context before the first Execute after logon: the client
        // reconnects, logs on again and re-sends (provably not processed).
        "reconnect.har" => emu
            .faults()
            .respond_with(ResponseCode::CONTEXT_NOT_FOUND, 1),
        // RopBackoff in the first Execute after logon: RopOpenFolder waits 50 ms after it.
        "backoff.har" => emu.inject_backoff(BackoffResponse {
            logon_id: 0,
            duration: 50,
            backoff_rops: vec![BackoffRop {
                rop_id: RopId::OPEN_FOLDER,
                duration: 50,
            }],
            additional_data: Vec::new(),
        }),
        _ => {}
    })
    .await
}

/// The endpoints of a committed recording: the URL of its first request (replay ignores the
/// host) and alice's DN in the `EmulatorConfig::demo(7)` directory it was made with.
fn recorded_endpoints(har: &Har) -> Endpoints {
    let url = har.log.entries[0].request.url.clone();
    let alice = mapi_http::emulator::users::Users::demo_seeded(7)
        .find_login("alice")
        .expect("alice")
        .user
        .legacy_dn
        .clone();
    Endpoints::new(url, alice)
}

/// The client of today replays each committed recording strictly, to the last step: a change
/// in what the client sends shows up here (re-record, and say why in the commit).
#[tokio::test]
async fn committed_recordings_replay_strictly() {
    for name in RECORDED {
        let path = recorded(name);
        let har = load(&path);
        let password = mapi_http::emulator::users::Users::demo_seeded(7)
            .find_login("alice")
            .expect("alice")
            .user
            .password
            .clone();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !contains(&bytes, password.as_bytes()),
            "{name} holds the password"
        );
        for e in &har.log.entries {
            assert_eq!(
                e.request.header("Authorization"),
                Some("Basic [REDACTED]"),
                "{name}"
            );
        }
        let comment = har.log.comment.clone().unwrap_or_default();
        let replay = Arc::new(ReplayTransport::open(&path, ReplayMode::Strict).unwrap());
        let seen = scenario(recorded_endpoints(&har), replay.clone()).await;
        assert_eq!(seen.display_name, "Alice Anders", "{name}");
        assert!(
            !seen.folders.is_empty() && !seen.subjects.is_empty(),
            "{name}"
        );
        replay
            .finish()
            .unwrap_or_else(|e| panic!("{name} ({comment}): {e}"));
        let types: Vec<&str> = har
            .log
            .entries
            .iter()
            .filter_map(|e| e.request.header("X-RequestType"))
            .collect();
        let connects: Vec<&str> = har
            .log
            .entries
            .iter()
            .filter(|e| e.request.header("X-RequestType") == Some("Connect"))
            .map(|e| {
                e.request
                    .url
                    .rsplit_once("MailboxId=")
                    .map_or("", |(_, m)| m)
            })
            .collect();
        match *name {
            "reconnect.har" => assert_eq!(connects.len(), 2, "{name}: {types:?}"),
            // The stale URL's context answered ecWrongServer; the second names mbx2.
            "redirect.har" => assert_eq!(
                connects,
                ["EMULATOR", "mbx2.contoso.example"],
                "{name}: {types:?}"
            ),
            _ => assert_eq!(connects.len(), 1, "{name}: {types:?}"),
        }
        // Every recording reaches the address book too: Bind, the calls, Unbind at logoff.
        for call in ["Bind", "GetSpecialTable", "Unbind"] {
            assert!(types.contains(&call), "{name}: no {call} in {types:?}");
        }
    }
}

/// Regenerates `fixtures/recorded/` against a fresh emulator.
#[tokio::test]
#[ignore]
async fn write_recorded_fixtures() {
    std::fs::create_dir_all(recorded("")).unwrap();
    for name in RECORDED {
        let emu = Emulator::start(recording_config(name)).await.unwrap();
        let alice = emu.user("alice").unwrap().clone();
        let endpoints = Endpoints::new(recording_url(name, &emu), alice.legacy_dn.clone());
        let network = HttpTransport::new(
            Credentials::Basic {
                user: "alice".into(),
                password: Secret::new(alice.password.clone()),
            },
            options().transport,
        )
        .unwrap();
        let path = recorded(name);
        let recorder = Arc::new(Recorder::create(&path).unwrap());
        recorder.add_secret(&alice.password);
        recorder.set_comment(format!(
            "mapi-http client against its emulator (EmulatorConfig::demo(7), Basic auth as \
             alice); scenario {name}; re-record with `cargo test --all-features --test \
             replay_har -- --ignored write_recorded_fixtures`"
        ));
        scenario_with_fault(
            name,
            &emu,
            endpoints,
            RecordingTransport::new(network, recorder.clone()),
        )
        .await;
        recorder.flush().unwrap();
        emu.shutdown().await;
    }
}
