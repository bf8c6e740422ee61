//! MAPI/HTTP bodies and response framing against the recorded conversations in
//! `fixtures/gromox/*.har` (real server, see `fixtures/gromox/README.md`).
//!
//! For every mailbox request (Connect, Execute, Disconnect, NotificationWait) the request body
//! must decode and re-encode byte for byte; every `application/mapi-http` response must frame
//! the same in the recorded HTTP chunks, one byte at a time and all at once; the mailbox
//! response bodies must decode, re-encode byte for byte and agree with the recording client's
//! own decoding in `response.comment`; error responses must be recognisable from their headers.

use std::path::PathBuf;

use base64::Engine as _;
use mapi_http::wire::Wire;
use mapi_http::wire::mapihttp::framing::{FrameEvent, FramerLimits, frame_all};
use mapi_http::wire::mapihttp::{
    ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse, ExecuteFlags,
    ExecuteRequest, ExecuteResponse, FramedResponse, NotificationWaitRequest,
    NotificationWaitResponse, RequestType, ResponseCode, ResponseFramer,
};
use serde_json::Value;

struct Entry {
    file: String,
    index: usize,
    raw: Value,
}

impl Entry {
    fn label(&self) -> String {
        format!("{} entry {}", self.file, self.index)
    }
    fn request_headers(&self) -> &[Value] {
        self.raw["request"]["headers"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
    fn response_headers(&self) -> &[Value] {
        self.raw["response"]["headers"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
    fn request_type(&self) -> Option<RequestType> {
        header(self.request_headers(), "X-RequestType").map(RequestType::parse)
    }
    fn request_body(&self) -> Vec<u8> {
        b64(self.raw["request"]["postData"]["text"]
            .as_str()
            .unwrap_or_default())
    }
    fn response_body(&self) -> Vec<u8> {
        b64(self.raw["response"]["content"]["text"]
            .as_str()
            .unwrap_or_default())
    }
    fn response_mime(&self) -> &str {
        self.raw["response"]["content"]["mimeType"]
            .as_str()
            .unwrap_or_default()
    }
    fn is_mapi_http(&self) -> bool {
        self.response_mime().starts_with("application/mapi-http")
    }
    fn status(&self) -> u64 {
        self.raw["response"]["status"].as_u64().unwrap_or_default()
    }
    fn chunks(&self) -> Vec<usize> {
        self.raw["response"]["_chunks"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|c| c["size"].as_u64().unwrap() as usize)
                    .collect()
            })
            .unwrap_or_default()
    }
    fn response_comment(&self) -> &str {
        self.raw["response"]["comment"].as_str().unwrap_or_default()
    }
}

fn b64(s: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .expect("base64")
}

/// The last value of a header, name compared ignoring ASCII case.
fn header<'a>(headers: &'a [Value], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .rev()
        .find(|h| {
            h["name"]
                .as_str()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .and_then(|h| h["value"].as_str())
}

fn entries() -> Vec<Entry> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/gromox");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "har"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "expected the six HAR files in {dir:?}");
    let mut out = Vec::new();
    for path in files {
        let har: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for (i, e) in har["log"]["entries"].as_array().unwrap().iter().enumerate() {
            out.push(Entry {
                file: file.clone(),
                index: i + 1,
                raw: e.clone(),
            });
        }
    }
    out
}

fn is_mailbox_body_type(t: &RequestType) -> bool {
    matches!(
        t,
        RequestType::Connect
            | RequestType::Execute
            | RequestType::Disconnect
            | RequestType::NotificationWait
    )
}

/// `Key=value` from the recording client's comment; `'quoted'` values keep their spaces.
fn comment_field(comment: &str, key: &str) -> Option<String> {
    let pat = format!("{key}=");
    let mut from = 0;
    while let Some(pos) = comment[from..].find(&pat) {
        let at = from + pos;
        let boundary = at == 0
            || comment[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || c == '(');
        let rest = &comment[at + pat.len()..];
        if boundary {
            if let Some(q) = rest.strip_prefix('\'') {
                return q.find('\'').map(|end| q[..end].to_owned());
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ')' | ';' | ','))
                .unwrap_or(rest.len());
            return Some(rest[..end].to_owned());
        }
        from = at + pat.len();
    }
    None
}

fn comment_num(comment: &str, key: &str) -> Option<u64> {
    let v = comment_field(comment, key)?;
    match v.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => v.parse().ok(),
    }
}

/// Frames `bytes` fed in `sizes` (the rest in one piece), returning events and result.
fn frame_in(bytes: &[u8], sizes: &[usize]) -> (Vec<FrameEvent>, FramedResponse) {
    let mut f = ResponseFramer::new(FramerLimits::default());
    let mut events = Vec::new();
    let mut rest = bytes;
    for &n in sizes {
        let (head, tail) = rest.split_at(n.min(rest.len()));
        rest = tail;
        events.extend(f.feed(head).unwrap());
    }
    events.extend(f.feed(rest).unwrap());
    (events, f.finish().unwrap())
}

fn framed(e: &Entry) -> FramedResponse {
    let body = e.response_body();
    let (_, r) = frame_in(&body, &e.chunks());
    r
}

#[test]
fn mailbox_request_bodies_round_trip() {
    let mut counts = [0usize; 4];
    for e in entries() {
        let Some(t) = e.request_type() else { continue };
        if !is_mailbox_body_type(&t) {
            continue;
        }
        let body = e.request_body();
        let label = e.label();
        let again = match t {
            RequestType::Connect => {
                counts[0] += 1;
                let r = ConnectRequest::from_bytes(&body)
                    .unwrap_or_else(|err| panic!("{label}: {err}"));
                // README: code page 1252, LCID 1033, no auxiliary buffer, Flags 0.
                assert_eq!(r.default_code_page, 1252, "{label}");
                assert_eq!((r.lcid_sort, r.lcid_string), (1033, 1033), "{label}");
                assert_eq!(r.flags.0, 0, "{label}");
                assert!(r.auxiliary_buffer.is_empty(), "{label}");
                assert!(r.user_dn.starts_with("/o=Gromox default/"), "{label}");
                r.to_bytes()
            }
            RequestType::Execute => {
                counts[1] += 1;
                let r = ExecuteRequest::from_bytes(&body)
                    .unwrap_or_else(|err| panic!("{label}: {err}"));
                // README: Flags NoCompression|NoXorMagic, MaxRopOut 0x40000, no aux.
                assert_eq!(
                    r.flags,
                    ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC,
                    "{label}"
                );
                assert_eq!(r.max_rop_out, 0x40000, "{label}");
                assert!(r.auxiliary_buffer.is_empty(), "{label}");
                assert!(r.rop_buffer.len() >= 8, "{label}: RPC_HEADER_EXT missing");
                r.to_bytes()
            }
            RequestType::Disconnect => {
                counts[2] += 1;
                DisconnectRequest::from_bytes(&body)
                    .unwrap_or_else(|err| panic!("{label}: {err}"))
                    .to_bytes()
            }
            RequestType::NotificationWait => {
                counts[3] += 1;
                let r = NotificationWaitRequest::from_bytes(&body)
                    .unwrap_or_else(|err| panic!("{label}: {err}"));
                assert_eq!(r, NotificationWaitRequest::default(), "{label}");
                r.to_bytes()
            }
            _ => unreachable!(),
        };
        assert_eq!(again.unwrap(), body, "{label}: re-encoding differs");
    }
    // Connects: logon, folders, public, 3 in errors (incl. the refused ones), 2 in notification.
    assert!(counts[0] >= 8, "{counts:?}");
    assert!(counts[1] >= 14, "{counts:?}");
    assert!(counts[2] >= 6, "{counts:?}");
    assert_eq!(counts[3], 1, "{counts:?}");
}

#[test]
fn every_mapi_http_response_frames_the_same_in_any_chunking() {
    let mut n = 0;
    for e in entries() {
        if !e.is_mapi_http() {
            continue;
        }
        n += 1;
        let label = e.label();
        let body = e.response_body();
        let chunks = e.chunks();
        assert_eq!(
            chunks.iter().sum::<usize>(),
            body.len(),
            "{label}: chunk sizes"
        );
        let recorded = frame_in(&body, &chunks);
        let ones = frame_in(&body, &vec![1; body.len()]);
        let whole = frame_in(&body, &[]);
        assert_eq!(recorded, ones, "{label}: byte-at-a-time differs");
        assert_eq!(recorded, whole, "{label}: all-at-once differs");
        let (events, r) = recorded;
        assert!(events.contains(&FrameEvent::Done), "{label}");
        assert_eq!(events.last(), Some(&FrameEvent::BodyStart), "{label}");
        // The server's meta block carries X-ElapsedTime and X-StartTime, no X-ResponseCode:
        // the final code is then the HTTP header's.
        assert!(r.meta_value("x-starttime").is_some(), "{label}");
        let code = r
            .final_response_code(header(e.response_headers(), "X-ResponseCode"))
            .expect("a response code")
            .unwrap();
        assert!(code.is_success(), "{label}: {code}");
        // The binary body starts right after the recorded first chunk (the meta block).
        if chunks.len() == 2 {
            assert_eq!(r.body.len(), chunks[1], "{label}");
        }
    }
    assert!(n >= 35, "only {n} framed responses");
}

#[test]
fn mailbox_response_bodies_decode_and_match_the_recording() {
    let mut seen = [0usize; 4];
    for e in entries() {
        let Some(t) = e.request_type() else { continue };
        if !is_mailbox_body_type(&t) || !e.is_mapi_http() {
            continue;
        }
        let label = e.label();
        let c = e.response_comment();
        // The mailbox endpoint echoes X-RequestType unchanged.
        let echoed = header(e.response_headers(), "X-RequestType").map(RequestType::parse);
        assert_eq!(echoed.as_ref(), Some(&t), "{label}");
        let r = framed(&e);
        let body = &r.body;
        assert_eq!(comment_num(c, "StatusCode"), Some(0), "{label}: {c}");
        let again = match t {
            RequestType::Connect => {
                seen[0] += 1;
                let resp = ConnectResponse::from_bytes(body)
                    .unwrap_or_else(|err| panic!("{label}: {err}"));
                let ConnectResponse::Success {
                    error_code,
                    max_polling_interval,
                    max_retry_count,
                    retry_delay,
                    dn_prefix,
                    display_name,
                    auxiliary_buffer,
                } = &resp
                else {
                    panic!("{label}: {resp:?}")
                };
                assert_eq!(
                    Some(u64::from(error_code.0)),
                    comment_num(c, "ErrorCode"),
                    "{label}"
                );
                assert_eq!(
                    Some(u64::from(*max_polling_interval)),
                    comment_num(c, "MaxPollingInterval"),
                    "{label}"
                );
                assert_eq!(
                    Some(u64::from(*max_retry_count)),
                    comment_num(c, "MaxRetryCount"),
                    "{label}"
                );
                assert_eq!(
                    Some(u64::from(*retry_delay)),
                    comment_num(c, "RetryDelay"),
                    "{label}"
                );
                assert_eq!(
                    Some(dn_prefix.clone()),
                    comment_field(c, "DnPrefix"),
                    "{label}"
                );
                assert_eq!(
                    Some(display_name.clone()),
                    comment_field(c, "DisplayName"),
                    "{label}"
                );
                // RPC_HEADER_EXT + AUX_EXORGINFO, AUX_CLIENT_CONTROL, AUX_ENDPOINT_CAPABILITIES.
                assert_eq!(auxiliary_buffer.len(), 36, "{label}");
                if error_code.0 == 0 {
                    assert_eq!(*max_polling_interval, 60000, "{label}");
                    assert_eq!(*max_retry_count, 6, "{label}");
                    assert_eq!(*retry_delay, 10000, "{label}");
                    assert_eq!(dn_prefix, "", "{label}");
                    assert_eq!(display_name, "Alice Example", "{label}");
                }
                resp.to_bytes()
            }
            RequestType::Execute => {
                seen[1] += 1;
                let resp = ExecuteResponse::from_bytes(body)
                    .unwrap_or_else(|err| panic!("{label}: {err}"));
                let ExecuteResponse::Success {
                    error_code,
                    flags,
                    rop_buffer,
                    auxiliary_buffer,
                } = &resp
                else {
                    panic!("{label}: {resp:?}")
                };
                assert_eq!(
                    Some(u64::from(error_code.0)),
                    comment_num(c, "ErrorCode"),
                    "{label}"
                );
                assert_eq!(Some(u64::from(*flags)), comment_num(c, "Flags"), "{label}");
                assert_eq!(*flags, 0, "{label}");
                assert_eq!(
                    Some(auxiliary_buffer.len() as u64),
                    comment_num(c, "AuxiliaryBufferSize"),
                    "{label}"
                );
                // One RPC_HEADER_EXT (8 bytes) whose Size counts the bytes after it.
                let size = comment_num(c, "Size").expect("RPC_HEADER_EXT Size") as usize;
                assert_eq!(rop_buffer.len(), 8 + size, "{label}");
                resp.to_bytes()
            }
            RequestType::Disconnect => {
                seen[2] += 1;
                let resp = DisconnectResponse::from_bytes(body)
                    .unwrap_or_else(|err| panic!("{label}: {err}"));
                let DisconnectResponse::Success {
                    error_code,
                    auxiliary_buffer,
                } = &resp
                else {
                    panic!("{label}: {resp:?}")
                };
                assert_eq!(error_code.0, 0, "{label}");
                assert!(auxiliary_buffer.is_empty(), "{label}");
                resp.to_bytes()
            }
            RequestType::NotificationWait => {
                seen[3] += 1;
                let resp = NotificationWaitResponse::from_bytes(body)
                    .unwrap_or_else(|err| panic!("{label}: {err}"));
                let NotificationWaitResponse::Success {
                    error_code,
                    event_pending,
                    ..
                } = &resp
                else {
                    panic!("{label}: {resp:?}")
                };
                assert_eq!(error_code.0, 0, "{label}");
                assert_eq!(
                    Some(u64::from(*event_pending)),
                    comment_num(c, "EventPending"),
                    "{label}"
                );
                assert!(resp.has_event_pending(), "{label}");
                // PENDING came without its CRLF, then PROCESSING again; X-ElapsedTime in seconds.
                assert_eq!(r.pending_count, 1, "{label}");
                assert_eq!(r.processing_count, 2, "{label}");
                assert_eq!(r.elapsed_time(), Some(30), "{label}");
                resp.to_bytes()
            }
            _ => unreachable!(),
        };
        assert_eq!(&again.unwrap(), body, "{label}: re-encoding differs");
    }
    assert!(
        seen[0] >= 7 && seen[1] >= 14 && seen[2] >= 6 && seen[3] == 1,
        "{seen:?}"
    );
}

#[test]
fn refused_connect_is_a_mapi_failure_with_zeroed_fields() {
    // errors.har entry 4: Connect with another user's DN.
    let e = entries()
        .into_iter()
        .find(|e| e.file == "errors.har" && e.index == 4)
        .unwrap();
    assert_eq!(header(e.response_headers(), "X-ResponseCode"), Some("0"));
    assert!(header(e.response_headers(), "Set-Cookie").is_none());
    let resp = ConnectResponse::from_bytes(&framed(&e).body).unwrap();
    match resp {
        ConnectResponse::Success {
            error_code,
            max_polling_interval,
            max_retry_count,
            retry_delay,
            dn_prefix,
            display_name,
            auxiliary_buffer,
        } => {
            assert_eq!(error_code.0, 0x8004_0115);
            assert_eq!(
                (max_polling_interval, max_retry_count, retry_delay),
                (0, 0, 0)
            );
            assert_eq!(dn_prefix, "");
            assert_eq!(display_name, "");
            assert!(!auxiliary_buffer.is_empty());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn error_responses_are_recognised_from_headers() {
    let mut html = 0;
    for e in entries() {
        let label = e.label();
        if e.is_mapi_http() {
            continue;
        }
        let code = header(e.response_headers(), "X-ResponseCode");
        let content_type = header(e.response_headers(), "Content-Type").unwrap_or_default();
        if content_type.starts_with("text/html") {
            html += 1;
            assert_eq!(e.status(), 200, "{label}");
            let code = ResponseCode::parse_header(code.expect("X-ResponseCode")).unwrap();
            assert!(!code.is_success(), "{label}");
            assert!(code.name().is_some(), "{label}: {code}");
            // Not meta-tag framed: the framer refuses it at the first byte.
            let err = frame_all(&e.response_body(), FramerLimits::default()).unwrap_err();
            assert_eq!(err.offset(), 0, "{label}");
        } else {
            // errors.har entry 3: authentication failure, plain HTTP 401 without the header.
            assert_eq!(e.status(), 401, "{label}");
            assert!(code.is_none(), "{label}");
        }
    }
    // errors.har: 1, 2, 8, 9, 10; nspi-addressbook.har: 9.
    assert_eq!(html, 6);
    let codes: Vec<u32> = entries()
        .iter()
        .filter(|e| e.file == "errors.har" && !e.is_mapi_http())
        .filter_map(|e| header(e.response_headers(), "X-ResponseCode"))
        .map(|v| ResponseCode::parse_header(v).unwrap().0)
        .collect();
    assert_eq!(codes, [6, 3, 7, 8, 7]);
}
