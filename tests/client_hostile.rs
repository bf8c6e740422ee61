//! The public client against a hostile server: the emulator's real answers, tampered with on
//! their way back by a test transport (lying sizes: RopSize, RPC_HEADER_EXT Size and
//! SizeActual, a row count, a binary length; a decompression bomb, invalid UTF-16, handle
//! indexes past the table, ROPs that answer another request, thousands of cookies), and the
//! emulator's drip fault (a header block that never ends).
//!
//! Each case asserts the typed error the client reports and that the session is still in one
//! piece afterwards: the next call either works or fails with a typed error, and logoff ends.
//! A `tokio::time::timeout` guards against hangs; no test asserts a duration.
#![cfg(all(feature = "emulator", feature = "client"))]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mapi_http::client::{ClientError, Endpoints, LogonOptions, MsgStore, Session};
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::{AnonymousPolicy, ServerConfig};
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig};
use mapi_http::session::{
    ChannelError, HttpRequest, HttpResponse, ReplyError, ResponseBody, SessionError,
};
use mapi_http::transport::{
    Credentials, HttpTransport, TimeoutPhase, Transport, TransportConfig, TransportError,
};
use mapi_http::wire::Wire;
use mapi_http::wire::lz77;
use mapi_http::wire::mapihttp::{ExecuteResponse, RequestType};
use mapi_http::wire::property::tags as t;
use mapi_http::wire::rpc_ext::{EncodeOptions, ExtFlags, RpcHeaderExt, decode_chain, encode_chain};

/// Changes one response on its way to the client.
type Mutator = Box<dyn FnOnce(&mut HttpResponse) + Send>;

/// A transport to the emulator that lets a test rewrite the next Execute response.
struct Tamper {
    inner: HttpTransport,
    next_execute: Arc<Mutex<Option<Mutator>>>,
}

impl Transport for Tamper {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut response = self.inner.send(request).await?;
        if request.request_type == RequestType::Execute {
            let mutator = self.next_execute.lock().unwrap().take();
            if let Some(mutate) = mutator {
                mutate(&mut response);
            }
        }
        Ok(response)
    }
}

struct Rig {
    emu: Emulator,
    session: Session,
    arm: Arc<Mutex<Option<Mutator>>>,
}

impl Rig {
    async fn new() -> Rig {
        Rig::with(TransportConfig {
            silence_timeout: Duration::from_secs(5),
            ..TransportConfig::default()
        })
        .await
    }

    async fn with(config: TransportConfig) -> Rig {
        let emu = Emulator::start(EmulatorConfig {
            server: ServerConfig {
                pending_period: Duration::from_millis(200),
                ..ServerConfig::default()
            }
            .with_anonymous(AnonymousPolicy::Allow {
                login: "alice".into(),
            }),
            users: Users::demo_seeded(3),
            populated: 1,
            seed: 11,
            schemes: AuthSchemes::all(),
            server_name: "EMULATOR".into(),
        })
        .await
        .expect("emulator starts");
        let arm: Arc<Mutex<Option<Mutator>>> = Arc::default();
        let transport = Tamper {
            inner: HttpTransport::new(Credentials::Anonymous, config.clone()).unwrap(),
            next_execute: arm.clone(),
        };
        let endpoints = Endpoints::new(
            emu.mailbox_url("alice").unwrap(),
            emu.user("alice").unwrap().legacy_dn.clone(),
        );
        let options = LogonOptions {
            transport: config,
            ..LogonOptions::default()
        };
        let session = Session::logon_with_transport(endpoints, transport, options)
            .await
            .expect("logon");
        Rig { emu, session, arm }
    }

    fn store(&self) -> MsgStore {
        self.session.default_store().unwrap()
    }

    /// The next Execute response goes through `mutate` before the client sees it.
    fn arm(&self, mutate: impl FnOnce(&mut HttpResponse) + Send + 'static) {
        *self.arm.lock().unwrap() = Some(Box::new(mutate));
    }

    /// The next Execute response's first ROP payload (uncompressed, XOR undone) goes through
    /// `mutate`, and is sent on re-framed without compression.
    fn arm_payload(&self, mutate: impl FnOnce(&mut Vec<u8>) + Send + 'static) {
        self.arm(move |response| {
            rewrite_rop_buffer(response, |rop_buffer| {
                let mut chain = decode_chain(rop_buffer).expect("the emulator's chain decodes");
                mutate(&mut chain[0].payload);
                let payloads: Vec<&[u8]> = chain.iter().map(|b| b.payload.as_slice()).collect();
                let mut out = Vec::new();
                encode_chain(&payloads, EncodeOptions::default(), &mut out).unwrap();
                *rop_buffer = out;
            })
        });
    }

    /// After a hostile response: the session answers the next call (works or fails typed) and
    /// logs off, all without hanging.
    async fn still_in_one_piece(self) {
        let store = self.store();
        let next = tokio::time::timeout(Duration::from_secs(60), async {
            let inbox = store.inbox_id()?;
            store.open_folder(inbox).await
        })
        .await
        .expect("the next call ends");
        if let Err(e) = &next {
            // A typed failure is acceptable; a retry after reconnect must then work.
            assert!(!format!("{e}").is_empty());
            let again = tokio::time::timeout(Duration::from_secs(60), async {
                let inbox = store.inbox_id()?;
                store.open_folder(inbox).await
            })
            .await
            .expect("the retry ends");
            again.expect("the session recovers after one failed call");
        }
        tokio::time::timeout(Duration::from_secs(60), self.session.logoff())
            .await
            .expect("logoff ends")
            .expect("logoff works");
    }
}

/// Replaces the Execute response's RopBuffer field with what `edit` makes of it.
fn rewrite_rop_buffer(response: &mut HttpResponse, edit: impl FnOnce(&mut Vec<u8>)) {
    let ResponseBody::Framed(framed) = &mut response.body else {
        panic!("the emulator answers Execute with a framed body");
    };
    let (_, decoded) = ExecuteResponse::decode(&framed.body).expect("the emulator's body decodes");
    let ExecuteResponse::Success {
        error_code,
        flags,
        mut rop_buffer,
        auxiliary_buffer,
    } = decoded
    else {
        panic!("the emulator's Execute succeeded");
    };
    edit(&mut rop_buffer);
    let mut body = Vec::new();
    ExecuteResponse::Success {
        error_code,
        flags,
        rop_buffer,
        auxiliary_buffer,
    }
    .encode(&mut body)
    .unwrap();
    framed.body = body;
}

async fn open_inbox(rig: &Rig) -> Result<(), ClientError> {
    let store = rig.store();
    let inbox = store.inbox_id()?;
    tokio::time::timeout(Duration::from_secs(60), store.open_folder(inbox))
        .await
        .expect("the call ends")
        .map(drop)
}

fn decode_error(e: &ClientError) -> Option<&mapi_http::wire::DecodeError> {
    match e {
        ClientError::Session(SessionError::Decode(d))
        | ClientError::Session(SessionError::Reply(ReplyError::Decode(d))) => Some(d),
        _ => None,
    }
}

#[tokio::test]
async fn a_rop_size_past_the_payload_is_a_decode_error() {
    let rig = Rig::new().await;
    rig.arm_payload(|payload| {
        let lie = u16::try_from(payload.len() + 100).unwrap();
        payload[..2].copy_from_slice(&lie.to_le_bytes());
    });
    let err = open_inbox(&rig).await.unwrap_err();
    let d = decode_error(&err).unwrap_or_else(|| panic!("a decode error, got {err:?}"));
    assert!(!d.structure.is_empty(), "{d}");
    rig.still_in_one_piece().await;
}

#[tokio::test]
async fn a_truncated_rop_is_a_decode_error() {
    let rig = Rig::new().await;
    rig.arm_payload(|payload| {
        // Keep RopSize honest about the shorter buffer, so only the ROP itself is cut.
        let rop_size = u16::from_le_bytes([payload[0], payload[1]]);
        let handles = payload.split_off(usize::from(rop_size));
        payload.truncate(payload.len() - 3);
        let new_size = u16::try_from(payload.len()).unwrap();
        payload[..2].copy_from_slice(&new_size.to_le_bytes());
        payload.extend_from_slice(&handles);
    });
    let err = open_inbox(&rig).await.unwrap_err();
    assert!(decode_error(&err).is_some(), "a decode error, got {err:?}");
    rig.still_in_one_piece().await;
}

#[tokio::test]
async fn an_output_handle_index_past_the_table_is_refused() {
    let rig = Rig::new().await;
    // RopOpenFolder's response: RopSize(2) RopId(1) OutputHandleIndex(1) ReturnValue(4) ...
    rig.arm_payload(|payload| payload[3] = 200);
    let err = open_inbox(&rig).await.unwrap_err();
    assert!(decode_error(&err).is_some(), "a decode error, got {err:?}");
    rig.still_in_one_piece().await;
}

#[tokio::test]
async fn a_response_rop_that_answers_another_request_is_refused() {
    let rig = Rig::new().await;
    // RopOpenFolder (0x02) answered as RopOpenMessage (0x03).
    rig.arm_payload(|payload| {
        assert_eq!(payload[2], 0x02, "the first response ROP is RopOpenFolder");
        payload[2] = 0x03;
    });
    let err = open_inbox(&rig).await.unwrap_err();
    assert!(
        decode_error(&err).is_some() || matches!(err, ClientError::UnexpectedResponse(_)),
        "a decode error or an unexpected response, got {err:?}"
    );
    rig.still_in_one_piece().await;
}

#[tokio::test]
async fn size_actual_beyond_32_kib_is_refused_before_decompressing() {
    let rig = Rig::new().await;
    rig.arm(|response| {
        rewrite_rop_buffer(response, |rop_buffer| {
            // A few compressed bytes claiming to expand to 64 KiB - 1: more than any payload
            // may hold (MS-OXCRPC 3.1.4.2.1.1.1), so nothing is inflated at all.
            let compressed = lz77::compress(&[0u8; 1024]);
            let header = RpcHeaderExt {
                version: 0,
                flags: ExtFlags::COMPRESSED.with(ExtFlags::LAST),
                size: u16::try_from(compressed.len()).unwrap(),
                size_actual: u16::MAX,
            };
            let mut out = Vec::new();
            header.encode(&mut out).unwrap();
            out.extend_from_slice(&compressed);
            *rop_buffer = out;
        })
    });
    let err = open_inbox(&rig).await.unwrap_err();
    assert!(decode_error(&err).is_some(), "a decode error, got {err:?}");
    rig.still_in_one_piece().await;
}

#[tokio::test]
async fn a_stream_that_inflates_past_size_actual_is_cut_there() {
    let rig = Rig::new().await;
    rig.arm(|response| {
        rewrite_rop_buffer(response, |rop_buffer| {
            // 32 KiB of zeros compress to a few dozen bytes; the header admits to 64 of them.
            let compressed = lz77::compress(&[0u8; 32 * 1024]);
            let header = RpcHeaderExt {
                version: 0,
                flags: ExtFlags::COMPRESSED.with(ExtFlags::LAST),
                size: u16::try_from(compressed.len()).unwrap(),
                size_actual: 64,
            };
            let mut out = Vec::new();
            header.encode(&mut out).unwrap();
            out.extend_from_slice(&compressed);
            *rop_buffer = out;
        })
    });
    let err = open_inbox(&rig).await.unwrap_err();
    let d = decode_error(&err).unwrap_or_else(|| panic!("a decode error, got {err:?}"));
    assert!(
        d.structure.contains("LZ77")
            || d.structure.contains("RPC_HEADER_EXT")
            || d.structure.contains("ExtendedBuffer"),
        "{d}"
    );
    rig.still_in_one_piece().await;
}

#[tokio::test]
async fn a_header_size_past_the_body_is_a_decode_error() {
    let rig = Rig::new().await;
    rig.arm(|response| {
        rewrite_rop_buffer(response, |rop_buffer| {
            // Size claims 0x7FFF payload bytes; a handful follow.
            let header = RpcHeaderExt {
                version: 0,
                flags: ExtFlags::LAST,
                size: 0x7FFF,
                size_actual: 0x7FFF,
            };
            let mut out = Vec::new();
            header.encode(&mut out).unwrap();
            out.extend_from_slice(&[0x06, 0x00, 0x02, 0x00]);
            *rop_buffer = out;
        })
    });
    let err = open_inbox(&rig).await.unwrap_err();
    assert!(decode_error(&err).is_some(), "a decode error, got {err:?}");
    rig.still_in_one_piece().await;
}

#[tokio::test]
async fn invalid_utf16_in_a_string_property_is_typed_not_a_panic() {
    let rig = Rig::new().await;
    let store = rig.store();
    let name = store
        .get_props(&[t::PID_TAG_DISPLAY_NAME])
        .await
        .unwrap()
        .text(t::PID_TAG_DISPLAY_NAME)
        .unwrap()
        .into_owned();
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    rig.arm_payload(move |payload| {
        let at = payload
            .windows(needle.len())
            .position(|w| w == needle.as_slice())
            .expect("the display name is in the response");
        // A lone low surrogate: not UTF-16 text.
        payload[at..at + 2].copy_from_slice(&0xDC00u16.to_le_bytes());
    });
    let result = tokio::time::timeout(
        Duration::from_secs(60),
        store.get_props(&[t::PID_TAG_DISPLAY_NAME]),
    )
    .await
    .expect("the call ends");
    match result {
        // Either refused with the structure and offset...
        Err(err) => assert!(decode_error(&err).is_some(), "a decode error, got {err:?}"),
        // ...or kept, but never passed off as the original text.
        Ok(row) => assert_ne!(
            row.text(t::PID_TAG_DISPLAY_NAME).as_deref(),
            Some(name.as_str())
        ),
    }
    rig.still_in_one_piece().await;
}

#[tokio::test]
async fn thousands_of_set_cookies_are_refused_with_a_bound() {
    let rig = Rig::new().await;
    rig.arm(|response| {
        for i in 0..5000 {
            response
                .headers
                .push(("Set-Cookie".into(), format!("flood{i}=x; Path=/mapi/")));
        }
    });
    let err = open_inbox(&rig).await.unwrap_err();
    assert!(
        matches!(
            err,
            ClientError::Session(SessionError::Channel(ChannelError::Cookie(_)))
        ),
        "a cookie error, got {err:?}"
    );
    rig.still_in_one_piece().await;
}

/// A server that sends its status line and headers one byte every 50 ms is never silent for
/// long: the deadline on the whole header block ends the call. The server did the work, so
/// the outcome is unknown, and the session recovers on a new connection.
#[tokio::test]
async fn a_header_block_dripped_forever_hits_the_head_deadline() {
    let rig = Rig::with(TransportConfig {
        head_timeout: Duration::from_secs(1),
        silence_timeout: Duration::from_secs(5),
        ..TransportConfig::default()
    })
    .await;
    rig.emu.faults().drip(Duration::from_millis(50));
    let err = open_inbox(&rig).await.unwrap_err();
    assert!(
        matches!(
            err,
            ClientError::OutcomeUnknown {
                source: TransportError::Timeout(TimeoutPhase::Head),
                ..
            }
        ),
        "{err:?}"
    );
    rig.still_in_one_piece().await;
}

/// RopQueryRows claiming 65,535 rows where a page came: a typed decode error (the decoder
/// reserves nothing for what the count claims; `alloc_bounds` measures that), and the
/// session goes on.
#[tokio::test]
async fn a_row_count_past_the_rows_is_a_decode_error() {
    let rig = Rig::new().await;
    let store = rig.store();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    let mut table = inbox.contents_table().await.unwrap();
    table.set_columns(&[t::PID_TAG_SUBJECT]).await.unwrap();
    rig.arm_payload(|payload| {
        // RopSize(2), then RopSetColumns' answer if it rode along (RopId, handle index,
        // ReturnValue, TableStatus: 7 bytes), then RopQueryRows': RopId(1)
        // InputHandleIndex(1) ReturnValue(4) Origin(1) RowCount(2).
        let at = if payload[2] == 0x12 { 9 } else { 2 };
        assert_eq!(payload[at], 0x15, "RopQueryRows answers");
        payload[at + 7..at + 9].copy_from_slice(&u16::MAX.to_le_bytes());
    });
    let err = tokio::time::timeout(Duration::from_secs(60), table.query_rows(10))
        .await
        .expect("the call ends")
        .unwrap_err();
    assert!(decode_error(&err).is_some(), "a decode error, got {err:?}");
    drop(table);
    drop(inbox);
    rig.still_in_one_piece().await;
}

/// A binary property whose COUNT claims 65,535 bytes where a few came: a typed decode error.
#[tokio::test]
async fn a_binary_length_past_the_value_is_a_decode_error() {
    let rig = Rig::new().await;
    let store = rig.store();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    rig.arm_payload(|payload| {
        // RopGetPropertiesSpecific's answer: RopSize(2) RopId(1) InputHandleIndex(1)
        // ReturnValue(4) PropertyRow Flag(1), then the PtypBinary value: COUNT(2) bytes.
        assert_eq!(payload[2], 0x07, "RopGetPropertiesSpecific answers");
        assert_eq!(payload[8], 0, "a standard row");
        payload[9..11].copy_from_slice(&u16::MAX.to_le_bytes());
    });
    let err = tokio::time::timeout(
        Duration::from_secs(60),
        inbox.get_props(&[t::PID_TAG_ENTRY_ID]),
    )
    .await
    .expect("the call ends")
    .unwrap_err();
    assert!(decode_error(&err).is_some(), "a decode error, got {err:?}");
    drop(inbox);
    rig.still_in_one_piece().await;
}
