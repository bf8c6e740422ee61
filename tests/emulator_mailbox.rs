//! The whole emulator over real HTTP on 127.0.0.1, driven with raw request bodies built from
//! the wire codecs (not the client): Connect, RopLogon to the private and public stores, a
//! hierarchy table walk, compressed and obfuscated responses, redirects to another server and
//! following them to a session context on that server (chosen by the URL's MailboxId),
//! RopBackoff, and a thousand Connect/Logon/Disconnect cycles that leave nothing behind.
#![cfg(all(feature = "emulator", feature = "client"))]

use std::time::Duration;

use base64::Engine as _;
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::ServerConfig;
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig, User};
use mapi_http::wire::Wire;
use mapi_http::wire::entry_id::FolderId;
use mapi_http::wire::mapihttp::framing::frame_all;
use mapi_http::wire::mapihttp::{
    ConnectFlags, ConnectRequest, ConnectResponse, DisconnectRequest, ExecuteFlags, ExecuteRequest,
    ExecuteResponse, FramerLimits,
};
use mapi_http::wire::property::{PropertyRow, PropertyValue, tags};
use mapi_http::wire::rop::RopId;
use mapi_http::wire::rop::any::{
    ColumnState, RopRequest, RopResponse, decode_output_buffers, encode_requests, join_packed,
};
use mapi_http::wire::rop::buffer::RopBuffer;
use mapi_http::wire::rop::folder::{
    GetHierarchyTableRequest, OpenFolderRequest, OpenModeFlags, TableFlags,
};
use mapi_http::wire::rop::special::BackoffResponse;
use mapi_http::wire::rop::store::{LogonFlags, LogonRequest, LogonResponse, OpenFlags, StoreState};
use mapi_http::wire::rop::table::{
    AsyncFlags, QueryRowsFlags, QueryRowsRequest, SetColumnsRequest,
};
use mapi_http::wire::rpc_ext::{EncodeOptions, ExtFlags, decode_chain, encode_chain};

const EMPTY: u32 = 0xFFFF_FFFF;

async fn emulator(users: Users, populated: usize) -> Emulator {
    Emulator::start(EmulatorConfig {
        server: ServerConfig {
            pending_period: Duration::from_millis(50),
            ..ServerConfig::default()
        },
        users,
        populated,
        seed: 11,
        schemes: AuthSchemes::all(),
        server_name: "EMULATOR-A".into(),
    })
    .await
    .expect("emulator starts")
}

/// A raw MAPI/HTTP client: cookies by hand, bodies from the wire codecs.
struct Raw {
    http: reqwest::Client,
    url: String,
    authorization: String,
    cookies: Vec<(String, String)>,
    counter: u32,
}

struct Answer {
    status: u16,
    response_code: Option<u32>,
    body: Vec<u8>,
}

impl Raw {
    fn new(emulator: &Emulator, user: &User) -> Raw {
        let pair = format!("{}:{}", user.login, user.password);
        Raw {
            http: reqwest::Client::new(),
            url: emulator.mailbox_url(&user.login).expect("mailbox url"),
            authorization: format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            ),
            cookies: Vec::new(),
            counter: 0,
        }
    }

    /// `user` talking to `url` instead of its own mailbox URL.
    fn at(emulator: &Emulator, user: &User, url: String) -> Raw {
        Raw {
            url,
            ..Raw::new(emulator, user)
        }
    }

    async fn post(&mut self, request_type: &str, body: Vec<u8>) -> Answer {
        self.counter += 1;
        let mut request = self
            .http
            .post(&self.url)
            .header("Content-Type", "application/mapi-http")
            .header("X-RequestType", request_type)
            .header(
                "X-RequestId",
                format!("{{6F3C7E1A-0000-4000-8000-000000000001}}:{}", self.counter),
            )
            .header("X-ClientInfo", "{6F3C7E1A-0000-4000-8000-0000000000FF}:1")
            .header("X-ClientApplication", "Outlook/16.0.18025.20000")
            .header("Authorization", &self.authorization)
            .body(body);
        if !self.cookies.is_empty() {
            let cookie: Vec<String> = self
                .cookies
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect();
            request = request.header("Cookie", cookie.join("; "));
        }
        let response = request.send().await.expect("HTTP exchange");
        let status = response.status().as_u16();
        for value in response.headers().get_all("set-cookie") {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.retain(|(n, _)| n != name);
            self.cookies.push((name.to_owned(), value.to_owned()));
        }
        let header_code = response
            .headers()
            .get("x-responsecode")
            .and_then(|v| v.to_str().ok()?.parse().ok());
        let bytes = response.bytes().await.expect("body").to_vec();
        match frame_all(&bytes, FramerLimits::default()) {
            Ok(framed) if status == 200 => Answer {
                status,
                response_code: framed
                    .response_code()
                    .and_then(Result::ok)
                    .map(|c| c.0)
                    .or(header_code),
                body: framed.body,
            },
            _ => Answer {
                status,
                response_code: header_code,
                body: bytes,
            },
        }
    }

    async fn connect(&mut self, user: &User) -> ConnectResponse {
        let body = ConnectRequest {
            user_dn: user.legacy_dn.clone(),
            flags: ConnectFlags::NONE,
            default_code_page: 1252,
            lcid_sort: 1033,
            lcid_string: 1033,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap();
        let answer = self.post("Connect", body).await;
        assert_eq!((answer.status, answer.response_code), (200, Some(0)));
        ConnectResponse::from_bytes(&answer.body).expect("Connect response")
    }

    /// Runs ROPs; returns the responses (packed continuations joined), the handle table and
    /// the response's extended-buffer flags.
    async fn execute(
        &mut self,
        flags: ExecuteFlags,
        requests: &[RopRequest],
        handles: &[u32],
    ) -> (Vec<RopResponse>, Vec<u32>, Vec<ExtFlags>) {
        let payload = RopBuffer {
            rops: encode_requests(requests).unwrap(),
            handles: handles.to_vec(),
        }
        .to_bytes()
        .unwrap();
        let mut rop_buffer = Vec::new();
        encode_chain(&[&payload], EncodeOptions::default(), &mut rop_buffer).unwrap();
        let body = ExecuteRequest {
            flags,
            rop_buffer,
            max_rop_out: 0x40000,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap();
        let answer = self.post("Execute", body).await;
        assert_eq!((answer.status, answer.response_code), (200, Some(0)));
        let ExecuteResponse::Success {
            error_code,
            rop_buffer,
            ..
        } = ExecuteResponse::from_bytes(&answer.body).expect("Execute response")
        else {
            panic!("Execute failed")
        };
        assert_eq!(error_code.0, 0);
        let chain = decode_chain(&rop_buffer).expect("response chain");
        let ext_flags = chain.iter().map(|b| b.header.flags).collect();
        let payloads: Vec<&[u8]> = chain.iter().map(|b| &b.payload[..]).collect();
        let buffers = decode_output_buffers(requests, &ColumnState::default(), &payloads)
            .expect("responses decode against their requests");
        let out = buffers
            .first()
            .map(|b| b.handles.clone())
            .unwrap_or_default();
        let list = join_packed(buffers);
        assert!(list.undecoded.is_none());
        (list.responses, out, ext_flags)
    }

    async fn disconnect(&mut self) {
        let body = DisconnectRequest {
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap();
        let answer = self.post("Disconnect", body).await;
        assert_eq!((answer.status, answer.response_code), (200, Some(0)));
    }
}

fn private_logon(user: &User) -> RopRequest {
    RopRequest::Logon(LogonRequest {
        logon_id: 0,
        output_handle_index: 0,
        logon_flags: LogonFlags::PRIVATE,
        open_flags: OpenFlags(0x0100_000C),
        store_state: StoreState(0),
        essdn: Some(user.legacy_dn.clone()),
    })
}

fn public_logon() -> RopRequest {
    RopRequest::Logon(LogonRequest {
        logon_id: 0,
        output_handle_index: 0,
        logon_flags: LogonFlags(0),
        open_flags: OpenFlags(0x0100_0002),
        store_state: StoreState(0),
        essdn: None,
    })
}

/// Logon -> OpenFolder(IPM subtree) -> GetHierarchyTable(Depth) -> SetColumns -> QueryRows.
fn hierarchy_walk(ipm_subtree: FolderId) -> Vec<RopRequest> {
    vec![
        RopRequest::OpenFolder(OpenFolderRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            folder_id: ipm_subtree,
            open_mode_flags: OpenModeFlags(0),
        }),
        RopRequest::GetHierarchyTable(GetHierarchyTableRequest {
            logon_id: 0,
            input_handle_index: 1,
            output_handle_index: 2,
            table_flags: TableFlags(TableFlags::DEPTH.0 | TableFlags::USE_UNICODE.0),
        }),
        RopRequest::SetColumns(SetColumnsRequest {
            logon_id: 0,
            input_handle_index: 2,
            flags: AsyncFlags(0),
            property_tags: vec![tags::PID_TAG_FOLDER_ID, tags::PID_TAG_DISPLAY_NAME],
        }),
        RopRequest::QueryRows(QueryRowsRequest {
            logon_id: 0,
            input_handle_index: 2,
            flags: QueryRowsFlags(0),
            forward_read: true,
            row_count: 1000,
        }),
    ]
}

fn folder_names(response: &RopResponse) -> Vec<String> {
    let RopResponse::QueryRows(mapi_http::wire::rop::table::QueryRowsResponse::Success {
        rows,
        ..
    }) = response
    else {
        panic!("QueryRows failed: {response:?}")
    };
    rows.rows
        .iter()
        .map(|row| {
            let value = match row {
                PropertyRow::Standard(r) => r.values.get(1).cloned(),
                PropertyRow::Flagged(r) => match r.values.get(1) {
                    Some(mapi_http::wire::property::FlaggedPropertyValue::Value(v)) => {
                        Some(v.clone())
                    }
                    _ => None,
                },
            };
            match value {
                Some(PropertyValue::String(s)) => s.to_string(),
                other => panic!("display name: {other:?}"),
            }
        })
        .collect()
}

fn logon_folders(response: &RopResponse) -> [FolderId; 13] {
    match response {
        RopResponse::Logon(LogonResponse::Private { folder_ids, .. }) => *folder_ids,
        RopResponse::Logon(LogonResponse::Public { folder_ids, .. }) => *folder_ids,
        other => panic!("logon failed: {other:?}"),
    }
}

#[tokio::test]
async fn private_logon_and_hierarchy_walk_match_the_store() {
    let emulator = emulator(Users::demo_seeded(11), 2).await;
    let alice = emulator.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emulator, &alice);
    match raw.connect(&alice).await {
        ConnectResponse::Success {
            error_code,
            display_name,
            ..
        } => {
            assert_eq!(error_code.0, 0);
            assert_eq!(display_name, alice.display_name);
        }
        other => panic!("{other:?}"),
    }
    let flags = ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC;
    let (responses, handles, _) = raw.execute(flags, &[private_logon(&alice)], &[EMPTY]).await;
    let folders = logon_folders(&responses[0]);
    let expected = emulator
        .store()
        .lock()
        .unwrap()
        .mailbox(&alice.legacy_dn)
        .unwrap()
        .special_folder_ids();
    assert_eq!(folders, expected, "the 13 logon folder ids are the store's");

    let walk = hierarchy_walk(folders[3]);
    let (responses, _, ext) = raw.execute(flags, &walk, &[handles[0], EMPTY, EMPTY]).await;
    let names = folder_names(&responses[3]);
    for wanted in [
        "Inbox",
        "Outbox",
        "Sent Items",
        "Deleted Items",
        "Calendar",
        "Contacts",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted} in {names:?}");
    }
    assert!(
        ext.iter().all(|f| f.0 & 0x0003 == 0),
        "no compression or XOR when refused"
    );

    // The same walk with compression and XOR allowed: the response uses them and decodes to
    // the same rows.
    let (responses, _, ext) = raw
        .execute(ExecuteFlags(0), &walk, &[handles[0], EMPTY, EMPTY])
        .await;
    assert_eq!(folder_names(&responses[3]), names);
    assert!(ext.iter().any(|f| f.0 & 0x0001 != 0), "compressed: {ext:?}");
    assert!(ext.iter().all(|f| f.0 & 0x0002 != 0), "XORed: {ext:?}");
    raw.disconnect().await;
    emulator.shutdown().await;
}

#[tokio::test]
async fn public_logon_answers_the_public_layout() {
    let emulator = emulator(Users::demo_seeded(11), 1).await;
    let alice = emulator.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emulator, &alice);
    raw.connect(&alice).await;
    let (responses, handles, _) = raw
        .execute(ExecuteFlags(3), &[public_logon()], &[EMPTY])
        .await;
    assert!(matches!(
        responses[0],
        RopResponse::Logon(LogonResponse::Public { .. })
    ));
    let folders = logon_folders(&responses[0]);
    let expected = emulator
        .store()
        .lock()
        .unwrap()
        .public()
        .special_folder_ids();
    assert_eq!(folders, expected);
    assert_ne!(handles[0], EMPTY);
    raw.disconnect().await;
    emulator.shutdown().await;
}

#[tokio::test]
async fn a_mailbox_on_another_server_redirects_with_its_name() {
    let users = Users::from_toml(
        r#"
        organization = "Contoso"
        domain = "contoso.example"
        [[user]]
        login = "alice"
        password = "a-pw"
        display_name = "Alice"
        [[user]]
        login = "moved"
        password = "m-pw"
        display_name = "Moved User"
        home_server = "EXCH-B"
        "#,
    )
    .unwrap();
    let emulator = emulator(users, 2).await;
    let alice = emulator.user("alice").unwrap().clone();
    let moved = emulator.user("moved").unwrap().clone();
    let mut raw = Raw::new(&emulator, &alice);
    raw.connect(&alice).await;
    let (responses, handles, _) = raw
        .execute(ExecuteFlags(3), &[private_logon(&moved)], &[EMPTY])
        .await;
    match &responses[0] {
        RopResponse::Logon(LogonResponse::Redirect { server_name, .. }) => {
            assert!(server_name.contains("EXCH-B"), "{server_name}");
        }
        other => panic!("expected ecWrongServer redirect: {other:?}"),
    }
    assert_eq!(handles[0], EMPTY);
    emulator.shutdown().await;
}

/// `url` with its MailboxId query value replaced by `server`, as an Exchange 2013+ client
/// follows ecWrongServer (same scheme, host and path).
fn with_mailbox_id(url: &str, server: &str) -> String {
    let (base, _) = url.split_once("?MailboxId=").expect("a MailboxId URL");
    format!("{base}?MailboxId={server}")
}

fn redirected_to(response: &RopResponse) -> String {
    match response {
        RopResponse::Logon(LogonResponse::Redirect { server_name, .. }) => server_name.clone(),
        other => panic!("expected ecWrongServer redirect: {other:?}"),
    }
}

/// Asserts a private logon to `owner`'s mailbox with ReturnValue 0 and the store's layout.
fn assert_private_logon_to(emulator: &Emulator, response: &RopResponse, owner: &User) {
    let RopResponse::Logon(LogonResponse::Private {
        folder_ids,
        mailbox_guid,
        ..
    }) = response
    else {
        panic!("expected the private logon layout: {response:?}")
    };
    let store = emulator.store();
    let store = store.lock().unwrap();
    let mailbox = store.mailbox(&owner.legacy_dn).unwrap();
    assert_eq!(*mailbox_guid, mailbox.mailbox_guid(), "{}", owner.login);
    assert_eq!(*folder_ids, mailbox.special_folder_ids(), "{}", owner.login);
}

#[tokio::test]
async fn following_a_redirect_reaches_the_server_the_mailbox_id_names() {
    let users = Users::from_toml(
        r#"
        organization = "Contoso"
        domain = "contoso.example"
        [[user]]
        login = "alice"
        password = "a-pw"
        display_name = "Alice"
        [[user]]
        login = "ben"
        password = "b-pw"
        display_name = "Ben"
        home_server = "mbx2.contoso.example"
        "#,
    )
    .unwrap();
    let emulator = emulator(users, 2).await;
    let alice = emulator.user("alice").unwrap().clone();
    let ben = emulator.user("ben").unwrap().clone();
    let flags = ExecuteFlags(3);

    // Alice's own URL is on the default server: Ben's mailbox is elsewhere.
    let mut raw = Raw::new(&emulator, &alice);
    raw.connect(&alice).await;
    let (responses, handles, _) = raw.execute(flags, &[private_logon(&ben)], &[EMPTY]).await;
    let server = redirected_to(&responses[0]);
    assert_eq!(server, "mbx2.contoso.example");
    assert_eq!(handles[0], EMPTY);
    raw.disconnect().await;

    // A new context at the redirect's server logs on to Ben's mailbox, and a public logon
    // works there too.
    let mbx2 = with_mailbox_id(&raw.url, &server);
    let mut raw = Raw::at(&emulator, &alice, mbx2.clone());
    raw.connect(&alice).await;
    let (responses, handles, _) = raw.execute(flags, &[private_logon(&ben)], &[EMPTY]).await;
    assert_private_logon_to(&emulator, &responses[0], &ben);
    assert_ne!(handles[0], EMPTY);
    let (responses, _, _) = raw.execute(flags, &[public_logon()], &[EMPTY]).await;
    assert!(
        matches!(
            responses[0],
            RopResponse::Logon(LogonResponse::Public { .. })
        ),
        "{responses:?}"
    );
    // Alice is homed on the default server, so mbx2 sends her back there.
    let (responses, _, _) = raw.execute(flags, &[private_logon(&alice)], &[EMPTY]).await;
    let home = redirected_to(&responses[0]);
    assert_eq!(home, "EMULATOR-A");
    raw.disconnect().await;
    let mut raw = Raw::at(&emulator, &alice, with_mailbox_id(&mbx2, &home));
    raw.connect(&alice).await;
    let (responses, _, _) = raw.execute(flags, &[private_logon(&alice)], &[EMPTY]).await;
    assert_private_logon_to(&emulator, &responses[0], &alice);
    raw.disconnect().await;

    // Ben's autodiscover URL (<mailbox guid>@<domain>) is on mbx2 too, with the '@' sent
    // as is or percent-encoded; Ben himself logs on there without a redirect.
    let ben_url = emulator.mailbox_url("ben").unwrap();
    assert!(ben_url.contains("@contoso.example"), "{ben_url}");
    for (who, url) in [
        (&alice, ben_url.clone()),
        (&alice, ben_url.replace('@', "%40")),
        (&ben, ben_url.clone()),
    ] {
        let mut raw = Raw::at(&emulator, who, url.clone());
        raw.connect(who).await;
        let (responses, _, _) = raw.execute(flags, &[private_logon(&ben)], &[EMPTY]).await;
        assert_private_logon_to(&emulator, &responses[0], &ben);
        raw.disconnect().await;
    }

    // An unknown MailboxId still connects, on the default server.
    let mut raw = Raw::at(
        &emulator,
        &alice,
        with_mailbox_id(&mbx2, "nobody@contoso.example"),
    );
    raw.connect(&alice).await;
    let (responses, _, _) = raw.execute(flags, &[private_logon(&ben)], &[EMPTY]).await;
    assert_eq!(redirected_to(&responses[0]), "mbx2.contoso.example");
    let (responses, _, _) = raw.execute(flags, &[private_logon(&alice)], &[EMPTY]).await;
    assert_private_logon_to(&emulator, &responses[0], &alice);
    raw.disconnect().await;
    assert_eq!(emulator.live_contexts(), 0);
    emulator.shutdown().await;
}

#[tokio::test]
async fn wrong_password_is_401() {
    let emulator = emulator(Users::demo_seeded(11), 0).await;
    let mut alice = emulator.user("alice").unwrap().clone();
    alice.password.push('x');
    let mut raw = Raw::new(&emulator, &alice);
    let body = ConnectRequest {
        user_dn: alice.legacy_dn.clone(),
        flags: ConnectFlags::NONE,
        default_code_page: 1252,
        lcid_sort: 1033,
        lcid_string: 1033,
        auxiliary_buffer: Vec::new(),
    }
    .to_bytes()
    .unwrap();
    assert_eq!(raw.post("Connect", body).await.status, 401);
    assert_eq!(emulator.live_contexts(), 0);
    emulator.shutdown().await;
}

#[tokio::test]
async fn injected_backoff_arrives_with_the_next_execute_and_the_rop_log_counts() {
    let emulator = emulator(Users::demo_seeded(11), 1).await;
    let alice = emulator.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emulator, &alice);
    raw.connect(&alice).await;
    emulator.inject_backoff(BackoffResponse {
        logon_id: 0,
        duration: 1500,
        backoff_rops: Vec::new(),
        additional_data: Vec::new(),
    });
    let (responses, _, _) = raw
        .execute(ExecuteFlags(3), &[private_logon(&alice)], &[EMPTY])
        .await;
    assert!(
        responses
            .iter()
            .any(|r| matches!(r, RopResponse::Backoff(b) if b.duration == 1500)),
        "{responses:?}"
    );
    assert_eq!(emulator.rop_log().count(RopId::LOGON), 1);
    emulator.shutdown().await;
}

#[tokio::test]
async fn a_thousand_sessions_leave_nothing_behind() {
    let emulator = emulator(Users::demo_seeded(11), 1).await;
    let alice = emulator.user("alice").unwrap().clone();
    for _ in 0..1000 {
        let mut raw = Raw::new(&emulator, &alice);
        raw.connect(&alice).await;
        let (responses, _, _) = raw
            .execute(ExecuteFlags(3), &[private_logon(&alice)], &[EMPTY])
            .await;
        logon_folders(&responses[0]);
        raw.disconnect().await;
    }
    assert_eq!(emulator.live_contexts(), 0);
    let open = {
        let store = emulator.store();
        let store = store.lock().unwrap();
        store.mailbox(&alice.legacy_dn).unwrap().open_instances()
    };
    assert_eq!(open, 0, "no message or attachment left open in the store");
    assert_eq!(emulator.rop_log().count(RopId::LOGON), 1000);
    emulator.shutdown().await;
}

/// MS-OXCMAPIHTTP interop S01 TC08 against the real backend: an Execute with RopLogon and
/// RopOpenFolder succeeds, PROCESSING first and DONE last (the framer checked that).
#[tokio::test]
async fn s01_tc08_execute_logon_and_open_folder() {
    let emulator = emulator(Users::demo_seeded(11), 1).await;
    let alice = emulator.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emulator, &alice);
    raw.connect(&alice).await;
    let (responses, handles, _) = raw
        .execute(ExecuteFlags(3), &[private_logon(&alice)], &[EMPTY])
        .await;
    let inbox = logon_folders(&responses[0])[4];
    let open = RopRequest::OpenFolder(OpenFolderRequest {
        logon_id: 0,
        input_handle_index: 0,
        output_handle_index: 1,
        folder_id: inbox,
        open_mode_flags: OpenModeFlags(0),
    });
    let (responses, handles, _) = raw
        .execute(ExecuteFlags(3), &[open], &[handles[0], EMPTY])
        .await;
    assert!(
        matches!(
            responses[0],
            RopResponse::OpenFolder(
                mapi_http::wire::rop::folder::OpenFolderResponse::Success { .. }
            )
        ),
        "{responses:?}"
    );
    assert_ne!(handles[1], EMPTY);
    raw.disconnect().await;
    emulator.shutdown().await;
}

/// MS-OXCMAPIHTTP interop S01 TC09 against the real backend: a NotificationWait outstanding
/// on one session completes with EventPending when a second session creates a folder in the
/// Inbox the first one watches, and the first session's next (empty) Execute carries the
/// RopNotify.
#[tokio::test]
async fn s01_tc09_notification_wait_completes_on_another_sessions_change() {
    use mapi_http::wire::mapihttp::{NotificationWaitRequest, NotificationWaitResponse};
    use mapi_http::wire::rop::folder::{CreateFolderRequest, FolderName, FolderType};
    use mapi_http::wire::rop::notify::{NotificationTypes, RegisterNotificationRequest};

    let emulator = emulator(Users::demo_seeded(11), 1).await;
    let alice = emulator.user("alice").unwrap().clone();
    let mut watcher = Raw::new(&emulator, &alice);
    watcher.connect(&alice).await;
    let (responses, handles, _) = watcher
        .execute(ExecuteFlags(3), &[private_logon(&alice)], &[EMPTY])
        .await;
    let inbox = logon_folders(&responses[0])[4];
    let register = RopRequest::RegisterNotification(RegisterNotificationRequest {
        logon_id: 0,
        input_handle_index: 0,
        output_handle_index: 1,
        notification_types: NotificationTypes(NotificationTypes::OBJECT_CREATED.0),
        reserved: 0,
        want_whole_store: 0,
        target: Some((inbox, mapi_http::wire::entry_id::MessageId(0))),
    });
    let (_, handles, _) = watcher
        .execute(ExecuteFlags(3), &[register], &[handles[0], EMPTY])
        .await;
    let subscription = handles[1];
    assert_ne!(subscription, EMPTY);

    // The wait runs on its own connection with the same context cookie.
    let mut waiter = Raw::new(&emulator, &alice);
    waiter.cookies = watcher.cookies.clone();
    let wait = tokio::spawn(async move {
        let body = NotificationWaitRequest {
            flags: 0,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap();
        waiter.post("NotificationWait", body).await
    });
    tokio::time::sleep(Duration::from_millis(200)).await;

    let mut other = Raw::new(&emulator, &alice);
    other.connect(&alice).await;
    let (responses, handles, _) = other
        .execute(ExecuteFlags(3), &[private_logon(&alice)], &[EMPTY])
        .await;
    let _ = responses;
    let create = [
        RopRequest::OpenFolder(OpenFolderRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            folder_id: inbox,
            open_mode_flags: OpenModeFlags(0),
        }),
        RopRequest::CreateFolder(CreateFolderRequest {
            logon_id: 0,
            input_handle_index: 1,
            output_handle_index: 2,
            folder_type: FolderType(1),
            use_unicode_strings: true,
            open_existing: false,
            reserved: 0,
            display_name: FolderName::Unicode("Notification test".into()),
            comment: FolderName::Unicode(String::new()),
        }),
    ];
    let (responses, _, _) = other
        .execute(ExecuteFlags(3), &create, &[handles[0], EMPTY, EMPTY])
        .await;
    assert!(
        matches!(responses[1], RopResponse::CreateFolder(ref r) if format!("{r:?}").contains("Success")),
        "{responses:?}"
    );

    let answer = tokio::time::timeout(Duration::from_secs(20), wait)
        .await
        .expect("NotificationWait completes")
        .unwrap();
    assert_eq!((answer.status, answer.response_code), (200, Some(0)));
    match NotificationWaitResponse::from_bytes(&answer.body).unwrap() {
        NotificationWaitResponse::Success { event_pending, .. } => assert_ne!(event_pending, 0),
        other => panic!("{other:?}"),
    }
    let (responses, _, _) = watcher.execute(ExecuteFlags(3), &[], &[]).await;
    assert!(
        responses
            .iter()
            .any(|r| matches!(r, RopResponse::Notify(n) if n.notification_handle == subscription)),
        "{responses:?}"
    );
    emulator.shutdown().await;
}
