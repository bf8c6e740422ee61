//! Every Execute exchange of the recordings decodes completely, end to end: Execute body ->
//! extended buffers -> ROP buffer -> typed ROPs and handle tables. Requests and responses
//! re-encode byte-identically, and the decoded values agree with the recordings' annotations.

use std::path::Path;

use base64::Engine as _;
use mapi_http::wire::RopBuffer;
use mapi_http::wire::Wire;
use mapi_http::wire::mapihttp::framing::{FramerLimits, frame_all};
use mapi_http::wire::mapihttp::{ExecuteRequest, ExecuteResponse};
use mapi_http::wire::rop::any::{
    ColumnState, RopRequest, RopResponse, decode_requests, decode_responses, encode_requests,
    encode_responses,
};
use mapi_http::wire::rop::notify::NotifyResponse;
use mapi_http::wire::rop::store::LogonResponse;
use mapi_http::wire::rop::table::QueryRowsResponse;
use mapi_http::wire::rpc_ext::decode_chain;

struct Exchange {
    file: String,
    entry: usize,
    requests: Vec<RopRequest>,
    request_handles: Vec<u32>,
    responses: Vec<RopResponse>,
    response_handles: Vec<u32>,
}

fn b64(s: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .expect("base64")
}

fn rop_buffer(chain: &[u8]) -> RopBuffer {
    let buffers = decode_chain(chain).expect("extended buffers");
    assert_eq!(buffers.len(), 1, "recordings use one extended buffer");
    RopBuffer::from_bytes(&buffers[0].payload).expect("ROP buffer")
}

/// Decodes every Execute of every recording, asserting the byte-exact round trips.
fn exchanges() -> Vec<Exchange> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gromox");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "har"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let har: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for (n, entry) in har["log"]["entries"].as_array().unwrap().iter().enumerate() {
            let headers = entry["request"]["headers"].as_array().unwrap();
            let is_execute = headers.iter().any(|h| {
                h["name"]
                    .as_str()
                    .unwrap()
                    .eq_ignore_ascii_case("X-RequestType")
                    && h["value"] == "Execute"
            });
            let Some(body) = entry["request"]["postData"]["text"].as_str() else {
                continue;
            };
            if !is_execute {
                continue;
            }
            let where_ = format!("{file} entry {}", n + 1);
            let request = ExecuteRequest::from_bytes(&b64(body)).unwrap();
            let req_buf = rop_buffer(&request.rop_buffer);
            let requests = decode_requests(&req_buf.rops)
                .unwrap_or_else(|e| panic!("{where_}: requests: {e}"));
            assert_eq!(
                encode_requests(&requests).unwrap(),
                req_buf.rops,
                "{where_}: requests re-encode"
            );
            let Some(text) = entry["response"]["content"]["text"].as_str() else {
                continue;
            };
            let framed = match frame_all(&b64(text), FramerLimits::default()) {
                Ok(f) => f,
                Err(_) => continue, // text/html error responses carry no Execute body
            };
            let ExecuteResponse::Success {
                rop_buffer: out_chain,
                ..
            } = ExecuteResponse::from_bytes(&framed.body).unwrap()
            else {
                panic!("{where_}: failure response");
            };
            let resp_buf = rop_buffer(&out_chain);
            let list = decode_responses(&requests, &ColumnState::default(), &resp_buf.rops)
                .unwrap_or_else(|e| panic!("{where_}: responses: {e}"));
            assert!(list.undecoded.is_none(), "{where_}: {:?}", list.undecoded);
            assert_eq!(
                encode_responses(&requests, &ColumnState::default(), &list.responses).unwrap(),
                resp_buf.rops,
                "{where_}: responses re-encode"
            );
            out.push(Exchange {
                file: file.clone(),
                entry: n + 1,
                requests,
                request_handles: req_buf.handles,
                responses: list.responses,
                response_handles: resp_buf.handles,
            });
        }
    }
    out
}

fn find<'a>(all: &'a [Exchange], file: &str, entry: usize) -> &'a Exchange {
    all.iter()
        .find(|e| e.file == file && e.entry == entry)
        .unwrap_or_else(|| panic!("{file} entry {entry} not decoded"))
}

#[test]
fn every_recorded_execute_decodes_and_round_trips() {
    // Every Execute answered with a body: 3 in session-logon, 4 in session-folders, 2 in
    // session-public, 2 in errors (the two stale-sequence ones are refused with text/html), 3
    // in notification.
    assert_eq!(exchanges().len(), 14);
}

#[test]
fn private_logon_matches_the_annotation() {
    let all = exchanges();
    let x = find(&all, "session-logon.har", 2);
    let [RopResponse::Logon(LogonResponse::Private { .. })] = &x.responses[..] else {
        panic!("{:?}", x.responses);
    };
    assert_eq!(x.response_handles.len(), 1);
}

#[test]
fn chained_hierarchy_query_returns_21_rows() {
    let all = exchanges();
    let x = find(&all, "session-folders.har", 2);
    assert_eq!(
        x.requests.len(),
        5,
        "logon, open folder, hierarchy, set columns, query rows"
    );
    let rows = x
        .responses
        .iter()
        .find_map(|r| match r {
            RopResponse::QueryRows(QueryRowsResponse::Success { rows, .. }) => Some(rows),
            _ => None,
        })
        .expect("a RopQueryRows answer");
    assert_eq!(rows.rows.len(), 21);
    assert_eq!(x.request_handles.len(), x.response_handles.len());
}

#[test]
fn release_has_no_response() {
    let all = exchanges();
    let x = find(&all, "session-folders.har", 5);
    assert_eq!(x.requests.len(), 6);
    assert!(x.requests.iter().all(|r| !r.has_response()));
    assert!(x.responses.is_empty());
}

#[test]
fn notifications_arrive_on_an_empty_execute() {
    let all = exchanges();
    let x = find(&all, "notification.har", 6);
    assert!(x.requests.is_empty());
    let notifies: Vec<&NotifyResponse> = x
        .responses
        .iter()
        .filter_map(|r| match r {
            RopResponse::Notify(n) => Some(n),
            _ => None,
        })
        .collect();
    assert_eq!(notifies.len(), 2);
    assert!(notifies.iter().all(|n| n.notification_handle == 1));
}
