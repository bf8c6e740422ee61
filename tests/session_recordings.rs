//! The sans-I/O channel driven by the recorded conversations in `fixtures/gromox/*.har`
//! (a real, independent server; see `fixtures/gromox/README.md`).
//!
//! Each recorded session context (one X-RequestId GUID) gets one `Channel`. For every entry the
//! channel builds the request (its X-RequestId counter and Cookie header must equal what the
//! recording client sent, except where the recording sent stale cookies on purpose), then
//! judges the recorded response; the outcome must be what that server meant.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use base64::Engine as _;
use mapi_http::session::{
    Channel, ChannelError, ChannelState, ClientIdentity, Endpoint, HttpResponse, LossReason,
};
use mapi_http::wire::Wire;
use mapi_http::wire::mapihttp::{ConnectResponse, RequestId, RequestType, ResponseCode};
use serde_json::Value;
use uuid::Uuid;

fn entries(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/gromox")
        .join(format!("{file}.har"));
    let har: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    har["log"]["entries"].as_array().unwrap().clone()
}

fn header<'a>(headers: &'a Value, name: &str) -> Option<&'a str> {
    headers
        .as_array()?
        .iter()
        .find(|h| {
            h["name"]
                .as_str()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .and_then(|h| h["value"].as_str())
}

fn b64(text: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}

fn response(entry: &Value) -> HttpResponse {
    let headers = entry["response"]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["name"].as_str().unwrap().to_owned(),
                h["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let body = b64(entry["response"]["content"]["text"]
        .as_str()
        .unwrap_or_default());
    HttpResponse::from_raw(
        entry["response"]["status"].as_u64().unwrap() as u16,
        headers,
        &body,
    )
}

/// What the channel made of one entry.
#[derive(Debug)]
enum Outcome {
    Ok(Vec<u8>),
    Err(ChannelError),
}

/// Runs a recording through channels; returns the outcome per entry and the channels.
fn run(file: &str, stale: &[usize]) -> (Vec<Outcome>, HashMap<String, Channel>) {
    let endpoint_of = |url: &str| {
        if url.contains("/mapi/nspi") {
            Endpoint::AddressBook
        } else {
            Endpoint::Mailbox
        }
    };
    let mut client = ClientIdentity::new(Uuid::nil(), "Outlook/16.0.18025.20000", "test");
    let mut channels: HashMap<String, Channel> = HashMap::new();
    let mut outcomes = Vec::new();
    let start = Instant::now();
    for (i, entry) in entries(file).iter().enumerate() {
        let now = start + Duration::from_secs(i as u64);
        let request = &entry["request"];
        let url = request["url"].as_str().unwrap();
        let request_type =
            RequestType::parse(header(&request["headers"], "X-RequestType").unwrap());
        let recorded_id = header(&request["headers"], "X-RequestId");
        let key = recorded_id
            .map(|id| RequestId::parse(id).unwrap().guid.to_string())
            .unwrap_or_else(|| format!("anonymous-{i}"));
        let channel = channels.entry(key.clone()).or_insert_with(|| {
            let guid = recorded_id
                .map(|id| RequestId::parse(id).unwrap().guid)
                .unwrap_or(Uuid::nil());
            Channel::new(endpoint_of(url), url, guid, &mut client)
        });
        let body = b64(request["postData"]["text"].as_str().unwrap_or_default());
        let built = channel
            .begin(request_type.clone(), body.clone(), &client, now)
            .unwrap_or_else(|e| panic!("{file} entry {}: {e}", i + 1));
        assert_eq!(built.body, body);
        assert_eq!(built.url, url);
        if let Some(id) = recorded_id {
            assert_eq!(
                built.header("X-RequestId"),
                Some(id),
                "{file} entry {}",
                i + 1
            );
        }
        if !stale.contains(&(i + 1)) {
            assert_eq!(
                built.header("Cookie"),
                header(&request["headers"], "Cookie"),
                "{file} entry {}: Cookie",
                i + 1
            );
        }
        outcomes.push(match channel.finish(&request_type, response(entry), now) {
            Ok(reply) => Outcome::Ok(reply.body),
            Err(e) => Outcome::Err(e),
        });
    }
    (outcomes, channels)
}

fn protocol(outcome: &Outcome) -> Option<u32> {
    match outcome {
        Outcome::Err(ChannelError::Protocol { code }) => Some(code.0),
        _ => None,
    }
}

#[test]
fn clean_sessions_run_through_and_close() {
    for file in ["session-logon", "session-folders", "session-public"] {
        let (outcomes, channels) = run(file, &[]);
        for (i, o) in outcomes.iter().enumerate() {
            assert!(matches!(o, Outcome::Ok(_)), "{file} entry {}: {o:?}", i + 1);
        }
        assert_eq!(channels.len(), 1, "{file}: one session context");
        let ch = channels.values().next().unwrap();
        assert_eq!(ch.state(Instant::now()), ChannelState::Closed, "{file}");
        assert!(ch.cookies().is_empty());
    }
}

#[test]
fn error_recording_means_what_the_server_meant() {
    // Entry 8 presents the previous sequence cookie on purpose.
    let (outcomes, channels) = run("errors", &[8]);
    // 1: PING without cookies; this server numbers "missing cookie" 6 (the spec says 13).
    assert_eq!(protocol(&outcomes[0]), Some(6));
    // 2: Connect without X-RequestId: 3 here (the spec's "missing header" is 7).
    assert_eq!(protocol(&outcomes[1]), Some(3));
    // 3: wrong password.
    match &outcomes[2] {
        Outcome::Err(ChannelError::Unauthorized { challenges }) => {
            assert!(challenges.iter().any(|c| c.starts_with("Basic realm=")));
        }
        other => panic!("entry 3: {other:?}"),
    }
    // 4: another user's DN: a MAPI-level refusal inside a successful response.
    let Outcome::Ok(body) = &outcomes[3] else {
        panic!("entry 4: {:?}", outcomes[3])
    };
    match ConnectResponse::from_bytes(body).unwrap() {
        ConnectResponse::Success { error_code, .. } => assert_eq!(error_code.0, 0x8004_0115),
        other => panic!("entry 4: {other:?}"),
    }
    // 5-7 set up a session; 8 is the stale sequence, 9 the bogus request type, 10 the
    // sequence the server rotated without saying so; 11 Disconnect still works.
    for i in [4, 5, 6, 10] {
        assert!(
            matches!(outcomes[i], Outcome::Ok(_)),
            "entry {}: {:?}",
            i + 1,
            outcomes[i]
        );
    }
    assert_eq!(protocol(&outcomes[7]), Some(7));
    assert_eq!(protocol(&outcomes[8]), Some(8));
    assert_eq!(protocol(&outcomes[9]), Some(7));
    let ping = channels
        .get(
            &Uuid::parse_str("1F885EE0-31DE-4A2B-9173-5046924D7EFC")
                .unwrap()
                .to_string(),
        )
        .unwrap();
    // Code 6 is "invalid context cookie" in the spec's numbering: the context is unusable.
    assert_eq!(
        ping.state(Instant::now()),
        ChannelState::Lost(LossReason::Refused(ResponseCode(6)))
    );
}

#[test]
fn notification_wait_keeps_the_sequence_cookie() {
    let (outcomes, channels) = run("notification", &[]);
    for (i, o) in outcomes.iter().enumerate() {
        assert!(matches!(o, Outcome::Ok(_)), "entry {}: {o:?}", i + 1);
    }
    // Two client instances, each one session context, both closed at the end.
    assert_eq!(channels.len(), 2);
    assert!(
        channels
            .values()
            .all(|c| c.state(Instant::now()) == ChannelState::Closed)
    );
}

#[test]
fn address_book_recording_survives_the_refused_request() {
    let (outcomes, channels) = run("nspi-addressbook", &[]);
    assert_eq!(protocol(&outcomes[8]), Some(8), "QueryColumns refused");
    for (i, o) in outcomes.iter().enumerate().filter(|(i, _)| *i != 8) {
        assert!(matches!(o, Outcome::Ok(_)), "entry {}: {o:?}", i + 1);
    }
    // The first context ends refused-but-open (the client abandoned it), the second closed.
    assert_eq!(channels.len(), 2);
    let states: Vec<_> = channels.values().map(|c| c.state(Instant::now())).collect();
    assert!(states.contains(&ChannelState::Closed));
    assert!(states.contains(&ChannelState::Established));
}

/// Every recorded Execute rebuilt as a `RopBatch`: the request body comes out byte for byte,
/// and the response lines up one answer per request, with the columns that earlier
/// RopSetColumns set carried from Execute to Execute as a session keeps them.
#[test]
fn recorded_executes_rebuild_and_line_up() {
    use mapi_http::session::RopBatch;
    use mapi_http::wire::mapihttp::{ExecuteFlags, ExecuteRequest};
    use mapi_http::wire::rop::any::{RopResponse, decode_requests};
    use mapi_http::wire::rop::buffer::RopBuffer;
    use mapi_http::wire::rpc_ext::{EncodeOptions, decode_chain};

    let mut executes = 0;
    for file in [
        "session-logon",
        "session-folders",
        "session-public",
        "notification",
        "errors",
    ] {
        let mut columns = HashMap::new();
        let mut context: Option<String> = None;
        for (i, entry) in entries(file).iter().enumerate() {
            let request = &entry["request"];
            if header(&request["headers"], "X-RequestType") != Some("Execute")
                || header(&entry["response"]["headers"], "X-ResponseCode") != Some("0")
            {
                continue;
            }
            // Columns belong to one session context: start over when it changes.
            let ctx = header(&request["headers"], "Cookie")
                .map(|c| c.split(';').next().unwrap().to_owned());
            if ctx != context {
                columns.clear();
                context = ctx;
            }
            let label = format!("{file} entry {}", i + 1);
            let body = b64(request["postData"]["text"].as_str().unwrap());
            let recorded = ExecuteRequest::from_bytes(&body).unwrap();
            let payload = &decode_chain(&recorded.rop_buffer).unwrap()[0].payload;
            let buffer = RopBuffer::from_bytes(payload).unwrap();
            let mut batch = RopBatch::new();
            for h in &buffer.handles {
                if *h == 0xFFFF_FFFF {
                    batch.new_slot()
                } else {
                    batch.slot(*h)
                }
                .unwrap();
            }
            for r in decode_requests(&buffer.rops).unwrap() {
                batch.push(r);
            }
            assert_eq!(recorded.flags, ExecuteFlags(3), "{label}");
            let rebuilt = batch
                .execute_body(
                    recorded.flags,
                    EncodeOptions::default(),
                    recorded.max_rop_out,
                )
                .unwrap();
            assert_eq!(rebuilt, body, "{label}: rebuilt Execute body");

            let mapi_http::session::ResponseBody::Framed(framed) = response(entry).body else {
                panic!("{label}: response not framed")
            };
            let reply_body = framed.body;
            let reply = batch.decode_reply(&reply_body, &columns).unwrap();
            assert_eq!(reply.error_code.0, 0, "{label}");
            assert!(reply.undecoded.is_none(), "{label}: {:?}", reply.undecoded);
            assert!(reply.buffer_too_small.is_none());
            for (request, answer) in batch.requests().iter().zip(&reply.answers) {
                assert_eq!(
                    answer.is_some(),
                    request.has_response(),
                    "{label}: {request:?}"
                );
                if let Some(answer) = answer {
                    assert_eq!(answer.id(), request.id(), "{label}");
                }
            }
            for (handle, tags) in reply.columns_set(&batch) {
                columns.insert(handle, tags);
            }
            if file == "notification" && batch.is_empty() {
                // Entry 6: the empty Execute collects two RopNotify on handle 1.
                assert_eq!(reply.unsolicited.len(), 2, "{label}");
                let events: Vec<_> = reply
                    .unsolicited
                    .iter()
                    .map(|r| match r {
                        RopResponse::Notify(n) => n,
                        other => panic!("{label}: {other:?}"),
                    })
                    .collect();
                // The events the recording's own comment describes: ObjectCreated for the new
                // folder under the Inbox, then ObjectModified (T and U bits) of the Inbox.
                assert!(events.iter().all(|n| n.notification_handle == 1));
                let created = &events[0].data;
                assert_eq!(created.flags.0 & 0x0FFF, 0x0004, "ObjectCreated");
                assert!(created.folder_id.is_some() && created.message_id.is_none());
                let inbox = created.parent_folder_id.expect("ParentFolderId");
                let modified = &events[1].data;
                assert_eq!(modified.flags.0 & 0x0FFF, 0x0010, "ObjectModified");
                assert_eq!(modified.folder_id, Some(inbox));
                assert_eq!(modified.total_message_count, Some(18));
                assert_eq!(modified.unread_message_count, Some(11));
            }
            executes += 1;
        }
    }
    assert_eq!(
        executes, 14,
        "every successful recorded Execute was checked"
    );
}
