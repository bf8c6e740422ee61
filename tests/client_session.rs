//! The public client API against the emulator over HTTP on 127.0.0.1: logon, identity,
//! stores, folders, tables, releases, reconnects, back-off, redirects, logoff.
#![cfg(all(feature = "emulator", feature = "client"))]

use std::time::Duration;

use mapi_http::client::{ClientError, Endpoints, LogonOptions, Session, StoreKind, StoreRef};
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::{AnonymousPolicy, ServerConfig};
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig};
use mapi_http::transport::{Credentials, Secret};
use mapi_http::wire::mapihttp::{RequestType, ResponseCode};
use mapi_http::wire::property::tags as t;
use mapi_http::wire::rop::RopId;
use mapi_http::wire::rop::special::{BackoffResponse, BackoffRop};

async fn emulator_with(server: ServerConfig) -> Emulator {
    Emulator::start(EmulatorConfig {
        server: server.with_anonymous(AnonymousPolicy::Allow {
            login: "alice".into(),
        }),
        users: Users::demo_seeded(5),
        populated: 2,
        seed: 5,
        schemes: AuthSchemes::all(),
        server_name: "EMULATOR".into(),
    })
    .await
    .expect("emulator starts")
}

/// An emulator over `users` (anonymous requests act as alice), `populated` mailboxes filled.
async fn emulator_for(users: Users, populated: usize) -> Emulator {
    Emulator::start(EmulatorConfig {
        server: ServerConfig::default().with_anonymous(AnonymousPolicy::Allow {
            login: "alice".into(),
        }),
        users,
        populated,
        seed: 5,
        schemes: AuthSchemes::all(),
        server_name: "EMULATOR".into(),
    })
    .await
    .expect("emulator starts")
}

async fn emulator() -> Emulator {
    emulator_with(ServerConfig {
        pending_period: Duration::from_millis(100),
        ..ServerConfig::default()
    })
    .await
}

/// A server whose PENDING comes every 5 s and a session that tolerates 1 s of silence: a
/// stall armed with `delay_before_done` then ends the request as outcome-unknown.
async fn stalling_server_session() -> (Emulator, Session) {
    let emu = emulator_with(ServerConfig {
        pending_period: Duration::from_secs(5),
        ..ServerConfig::default()
    })
    .await;
    let options = LogonOptions {
        transport: mapi_http::transport::TransportConfig {
            silence_timeout: Duration::from_secs(1),
            ..Default::default()
        },
        ..LogonOptions::default()
    };
    let session = Session::logon(endpoints(&emu, "alice"), Credentials::Anonymous, options)
        .await
        .unwrap();
    (emu, session)
}

fn endpoints(emu: &Emulator, login: &str) -> Endpoints {
    Endpoints::new(
        emu.mailbox_url(login).expect("user exists"),
        emu.user(login).expect("user exists").legacy_dn.clone(),
    )
}

async fn logon(emu: &Emulator) -> Session {
    Session::logon(
        endpoints(emu, "alice"),
        Credentials::Anonymous,
        LogonOptions::default(),
    )
    .await
    .expect("logon")
}

#[tokio::test]
async fn logged_on_with_identity_and_stores_in_two_requests() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let alice = emu.user("alice").unwrap().clone();
    let identity = session.query_identity();
    assert_eq!(identity.display_name(), alice.display_name);
    assert_eq!(identity.user_dn(), alice.legacy_dn);
    let mut search_key = b"EX:".to_vec();
    search_key.extend(alice.legacy_dn.to_ascii_uppercase().bytes());
    search_key.push(0);
    assert_eq!(identity.search_key(), search_key);
    let log = emu.request_log();
    assert_eq!(log.count(&RequestType::Connect), 1);
    assert_eq!(log.count(&RequestType::Execute), 1);
    assert_eq!(log.len(), 2, "Connect and one Execute: {:?}", log.records());
    assert_eq!(session.stats().http_requests, 2);
    let stores = session.msg_stores_table().unwrap();
    assert_eq!(stores.len(), 2);
    assert!(stores[0].default_store && stores[0].open);
    assert_eq!(stores[1].kind, StoreKind::Public);
    assert_eq!(log.len(), 2, "the stores table is known locally");
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn folders_tables_and_properties_of_the_private_store() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    assert!(
        store
            .display_name()
            .contains(&emu.user("alice").unwrap().display_name)
    );
    let props = store
        .get_props(&[t::PID_TAG_DISPLAY_NAME, t::PID_TAG_MAILBOX_OWNER_NAME])
        .await
        .unwrap();
    assert_eq!(
        props.text(t::PID_TAG_MAILBOX_OWNER_NAME).as_deref(),
        Some(emu.user("alice").unwrap().display_name.as_str())
    );
    let (inbox_id, class) = store.receive_folder("IPM.Note").await.unwrap();
    assert_eq!(inbox_id, store.inbox_id().unwrap());
    assert!("IPM.Note".starts_with(&class), "{class}");

    let root = store
        .open_folder(store.ipm_subtree_id().unwrap())
        .await
        .unwrap();
    let (_table, rows) = root
        .table_with_rows(
            true,
            true,
            &[t::PID_TAG_DISPLAY_NAME, t::PID_TAG_FOLDER_ID],
            500,
        )
        .await
        .unwrap();
    let names: Vec<String> = rows
        .iter()
        .filter_map(|r| r.text(t::PID_TAG_DISPLAY_NAME).map(|s| s.into_owned()))
        .collect();
    assert!(names.iter().any(|n| n == "Inbox"), "{names:?}");
    assert!(names.iter().any(|n| n == "Sent Items"), "{names:?}");

    let inbox = store.open_folder(inbox_id).await.unwrap();
    let count = inbox
        .get_props(&[t::PID_TAG_CONTENT_COUNT])
        .await
        .unwrap()
        .i32(t::PID_TAG_CONTENT_COUNT)
        .unwrap();
    assert!(count > 0);
    let mut contents = inbox.contents_table().await.unwrap();
    contents
        .set_columns(&[
            t::PID_TAG_SUBJECT,
            t::PID_TAG_MID,
            t::PID_TAG_MESSAGE_DELIVERY_TIME,
        ])
        .await
        .unwrap();
    contents
        .sort(&[(t::PID_TAG_MESSAGE_DELIVERY_TIME, true)])
        .await
        .unwrap();
    let all = contents.query_all(50).await.unwrap();
    assert_eq!(all.len(), count as usize, "paging visits every row once");
    let (position, total) = contents.position().await.unwrap();
    assert_eq!((position, total), (count as u32, count as u32));
    contents.seek_beginning().await.unwrap();
    let first = contents.query_rows(1).await.unwrap();
    assert_eq!(first, all[..1]);
    let list = inbox.get_prop_list().await.unwrap();
    assert!(
        list.iter()
            .any(|t2| t2.id() == t::PID_TAG_DISPLAY_NAME.id())
    );
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn public_folders_and_a_second_users_mailbox() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let public = session.open_msg_store(StoreRef::Public).await.unwrap();
    assert_eq!(public.kind(), &StoreKind::Public);
    let root = public
        .open_folder(public.ipm_subtree_id().unwrap())
        .await
        .unwrap();
    let (_t, rows) = root
        .table_with_rows(true, false, &[t::PID_TAG_DISPLAY_NAME], 100)
        .await
        .unwrap();
    assert!(
        rows.iter()
            .all(|r| r.text(t::PID_TAG_DISPLAY_NAME).is_some())
    );
    let bob_dn = emu.user("bob").unwrap().legacy_dn.clone();
    let bob = session
        .open_msg_store(StoreRef::Mailbox(bob_dn.clone()))
        .await
        .unwrap();
    let owner = bob
        .get_props(&[t::PID_TAG_MAILBOX_OWNER_NAME])
        .await
        .unwrap();
    assert_eq!(
        owner.text(t::PID_TAG_MAILBOX_OWNER_NAME).as_deref(),
        Some(emu.user("bob").unwrap().display_name.as_str())
    );
    assert_ne!(bob.logon_id(), session.default_store().unwrap().logon_id());
    let table = session.msg_stores_table().unwrap();
    assert_eq!(table.len(), 3, "{table:?}");
    assert!(table.iter().any(|r| r.kind
        == StoreKind::Private {
            mailbox_dn: bob_dn.clone()
        }));
    // The store entry ID opens the same mailbox again.
    let entry = table
        .iter()
        .find(|r| {
            r.kind
                == StoreKind::Private {
                    mailbox_dn: bob_dn.clone(),
                }
        })
        .and_then(|r| r.entry_id())
        .unwrap()
        .to_vec();
    let again = session.open_entry(&entry).await.unwrap();
    assert!(matches!(again, mapi_http::client::OpenedEntry::Store(s) if s.kind() == bob.kind()));
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn folder_entry_ids_open_and_compare() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    let entry = inbox
        .get_props(&[t::PID_TAG_ENTRY_ID])
        .await
        .unwrap()
        .bytes(t::PID_TAG_ENTRY_ID)
        .unwrap()
        .to_vec();
    let opened = session.open_entry(&entry).await.unwrap();
    let mapi_http::client::OpenedEntry::Folder(folder) = opened else {
        panic!("a folder entry ID opens a folder");
    };
    assert_eq!(folder.id(), inbox.id());
    assert!(session.compare_entry_ids(&entry, &entry).unwrap());
    let sent = store
        .open_folder(store.sent_items_id().unwrap())
        .await
        .unwrap();
    let sent_entry = sent
        .get_props(&[t::PID_TAG_ENTRY_ID])
        .await
        .unwrap()
        .bytes(t::PID_TAG_ENTRY_ID)
        .unwrap()
        .to_vec();
    assert!(!session.compare_entry_ids(&entry, &sent_entry).unwrap());
    // The identity's address-book entry ID compares equal to itself with another DN case.
    let id = session.query_identity().entry_id_bytes();
    let upper = mapi_http::session::identity::Identity::new(
        "x",
        session.query_identity().user_dn().to_ascii_uppercase(),
    )
    .unwrap()
    .entry_id_bytes();
    assert!(session.compare_entry_ids(&id, &upper).unwrap());
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn dropped_objects_are_released_with_the_next_execute() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    let table = inbox.contents_table().await.unwrap();
    emu.rop_log().clear();
    drop(table);
    drop(inbox);
    assert_eq!(emu.rop_log().count(RopId::RELEASE), 0, "nothing sent yet");
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    assert_eq!(emu.rop_log().count(RopId::RELEASE), 2);
    let entries = emu.rop_log().entries();
    assert_eq!(entries.len(), 1, "the releases rode along: {entries:?}");
    session.logoff().await.unwrap();
    // Logoff releases the logon.
    assert_eq!(emu.rop_log().count(RopId::RELEASE), 3);
    assert_eq!(emu.live_contexts(), 0);
}

#[tokio::test]
async fn use_after_logoff_is_a_typed_error() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    session.logoff().await.unwrap();
    assert!(matches!(
        session.default_store(),
        Err(ClientError::LoggedOff)
    ));
    assert!(matches!(
        inbox.get_props(&[t::PID_TAG_DISPLAY_NAME]).await,
        Err(ClientError::LoggedOff)
    ));
    assert!(matches!(
        session.logoff().await,
        Err(ClientError::LoggedOff)
    ));
    assert!(matches!(
        session.open_msg_store(StoreRef::Public).await,
        Err(ClientError::LoggedOff)
    ));
}

#[tokio::test]
async fn lost_context_reconnects_and_old_objects_go_stale() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    // The server forgets the session context (X-ResponseCode 10, Context Not Found), before
    // the request reaches the mailbox: provably not processed, so it is sent again.
    emu.faults()
        .respond_with(ResponseCode::CONTEXT_NOT_FOUND, 1);
    emu.rop_log().clear();
    let props = store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    assert_eq!(
        emu.rop_log().count(RopId::GET_PROPERTIES_SPECIFIC),
        1,
        "processed once"
    );
    assert!(props.text(t::PID_TAG_DISPLAY_NAME).is_some());
    assert_eq!(session.stats().reconnects, 1);
    assert_eq!(emu.request_log().count(&RequestType::Connect), 2);
    assert!(matches!(
        inbox.get_props(&[t::PID_TAG_DISPLAY_NAME]).await,
        Err(ClientError::Stale)
    ));
    // The store itself was logged on again: new objects work.
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    inbox.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn context_expiry_mid_session_reconnects_transparently() {
    let emu = emulator_with(ServerConfig {
        pending_period: Duration::from_millis(100),
        expiration: Duration::from_millis(1000),
        ..ServerConfig::default()
    })
    .await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    assert_eq!(session.stats().reconnects, 1);
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn pending_longer_than_the_silence_timeout_is_not_a_timeout() {
    let mut server = ServerConfig {
        pending_period: Duration::from_millis(100),
        ..ServerConfig::default()
    };
    server.latency.execute = Duration::from_millis(3000);
    let emu = emulator_with(server).await;
    let mut options = LogonOptions::default();
    options.transport.silence_timeout = Duration::from_millis(1000);
    let session = Session::logon(endpoints(&emu, "alice"), Credentials::Anonymous, options)
        .await
        .expect("PENDING every 100 ms keeps a 3 s Execute alive under a 1 s silence timeout");
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn http_503_and_rop_backoff_are_honoured() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    emu.faults().service_unavailable(1, Duration::from_secs(1));
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    assert_eq!(session.stats().busy_retries, 1);

    emu.inject_backoff(BackoffResponse {
        logon_id: store.logon_id(),
        duration: 300,
        backoff_rops: vec![BackoffRop {
            rop_id: RopId::GET_PROPERTIES_SPECIFIC,
            duration: 300,
        }],
        additional_data: Vec::new(),
    });
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    let started = std::time::Instant::now();
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    assert_eq!(session.stats().backoff_waits, 1);
    // The wait happened before the request went out (the count proves it; the clock only
    // shows it was not skipped).
    assert!(started.elapsed() >= Duration::from_millis(200));
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn a_wrong_password_is_a_typed_auth_error() {
    let emu = Emulator::start(EmulatorConfig::demo(5)).await.unwrap();
    let mut options = LogonOptions::default();
    options.transport.allow_insecure_basic = true;
    let err = Session::logon(
        endpoints(&emu, "alice"),
        Credentials::Basic {
            user: "alice".into(),
            password: Secret::new("not-the-password"),
        },
        options.clone(),
    )
    .await
    .unwrap_err();
    assert!(err.is_auth(), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("not-the-password"));
    let password = emu.user("alice").unwrap().password.clone();
    let session = Session::logon(
        endpoints(&emu, "alice"),
        Credentials::Basic {
            user: "alice".into(),
            password: Secret::new(password),
        },
        options,
    )
    .await
    .expect("the right password logs on");
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn basic_over_plain_http_is_refused_unless_allowed() {
    let emu = Emulator::start(EmulatorConfig::demo(5)).await.unwrap();
    let err = Session::logon(
        endpoints(&emu, "alice"),
        Credentials::Basic {
            user: "alice".into(),
            password: Secret::new("x"),
        },
        LogonOptions::default(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(
            err,
            ClientError::Transport(mapi_http::transport::TransportError::InsecureBasic)
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn many_tasks_share_one_session() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let s = session.clone();
        tasks.push(tokio::spawn(async move {
            let store = s.default_store().unwrap();
            let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
            inbox
                .get_props(&[t::PID_TAG_CONTENT_COUNT])
                .await
                .unwrap()
                .i32(t::PID_TAG_CONTENT_COUNT)
                .unwrap()
        }));
    }
    let mut counts = Vec::new();
    for t in tasks {
        counts.push(t.await.unwrap());
    }
    assert!(counts.windows(2).all(|w| w[0] == w[1]));
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn ntlm_handshakes_are_counted_apart_from_the_two_requests() {
    let emu = Emulator::start(EmulatorConfig::demo(5)).await.unwrap();
    let password = emu.user("alice").unwrap().password.clone();
    let session = Session::logon(
        endpoints(&emu, "alice"),
        Credentials::Ntlm {
            user: "CONTOSO\\alice".into(),
            password: Secret::new(password),
        },
        LogonOptions::default(),
    )
    .await
    .expect("NTLM logon");
    let stats = session.stats();
    assert_eq!(stats.http_requests, 2, "{stats:?}");
    assert!(stats.auth_exchanges >= 1, "{stats:?}");
    let before = stats.auth_exchanges;
    session
        .default_store()
        .unwrap()
        .get_props(&[t::PID_TAG_DISPLAY_NAME])
        .await
        .unwrap();
    assert_eq!(
        session.stats().auth_exchanges,
        before,
        "the kept-alive connection stays authenticated"
    );
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn advise_delivers_what_a_second_session_does() {
    let emu = emulator().await;
    let alice = logon(&emu).await;
    let store = alice.default_store().unwrap();
    let mut advise = alice
        .advise(
            &store,
            // As the recorded client does (fixtures/gromox/notification.har): the Inbox, for
            // ObjectCreated | ObjectDeleted | ObjectModified | ObjectMoved | ObjectCopied.
            mapi_http::wire::rop::notify::NotificationTypes(0x7C),
            mapi_http::client::AdviseTarget::Folder(store.inbox_id().unwrap()),
        )
        .await
        .unwrap();
    // A second session (bob, with access to alice's mailbox) creates a folder in her Inbox.
    let bob = Session::logon(
        endpoints(&emu, "bob"),
        Credentials::Anonymous,
        LogonOptions::default(),
    )
    .await;
    // Anonymous requests are attributed to alice by this emulator; bob's DN would be refused
    // at Connect, so the second session is alice's own second session.
    assert!(
        bob.is_err(),
        "Connect checks UserDn against the authenticated user"
    );
    let second = logon(&emu).await;
    let theirs = second.default_store().unwrap();
    let inbox = theirs
        .open_folder(theirs.inbox_id().unwrap())
        .await
        .unwrap();
    let created = inbox
        .create_folder("From the second session", "", false)
        .await
        .unwrap();
    let event = tokio::time::timeout(Duration::from_secs(10), advise.next())
        .await
        .expect("the notification arrives")
        .expect("the stream is open")
        .expect("no error");
    assert_eq!(event.kind(), "ObjectCreated");
    assert_eq!(event.data.folder_id, Some(created.id()));
    assert_eq!(event.data.parent_folder_id, Some(inbox.id()));
    let modified = tokio::time::timeout(Duration::from_secs(10), advise.next())
        .await
        .expect("the second notification arrives")
        .expect("the stream is open")
        .expect("no error");
    assert_eq!(modified.kind(), "ObjectModified");
    assert_eq!(modified.data.folder_id, Some(inbox.id()));
    assert!(emu.request_log().count(&RequestType::NotificationWait) >= 1);
    drop(advise);
    second.logoff().await.unwrap();
    alice.logoff().await.unwrap();
}

#[tokio::test]
async fn ec_wrong_server_is_followed_to_the_named_server() {
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
    let emu = emulator_for(users, 2).await;
    let session = logon(&emu).await;
    let ben_dn = emu.user("ben").unwrap().legacy_dn.clone();
    let ben = session
        .open_msg_store(StoreRef::Mailbox(ben_dn))
        .await
        .expect("the redirect is followed");
    assert_eq!(session.stats().redirects, 1);
    assert!(
        ben.url().contains("MailboxId=mbx2.contoso.example"),
        "{}",
        ben.url()
    );
    let owner = ben
        .get_props(&[t::PID_TAG_MAILBOX_OWNER_NAME])
        .await
        .unwrap();
    assert_eq!(
        owner.text(t::PID_TAG_MAILBOX_OWNER_NAME).as_deref(),
        Some("Ben")
    );
    let inbox = ben.open_folder(ben.inbox_id().unwrap()).await.unwrap();
    inbox.get_props(&[t::PID_TAG_CONTENT_COUNT]).await.unwrap();
    let connects: Vec<Option<String>> = emu
        .request_log()
        .records()
        .into_iter()
        .filter(|r| r.request_type == Some(RequestType::Connect))
        .map(|r| r.mailbox_id)
        .collect();
    assert_eq!(connects.len(), 2, "{connects:?}");
    assert_eq!(connects[1].as_deref(), Some("mbx2.contoso.example"));
    drop(inbox);
    drop(ben);
    session.logoff().await.unwrap();
    assert_eq!(
        emu.live_contexts(),
        0,
        "both session contexts were disconnected"
    );
}

/// A logon that starts from a stale URL (the mailbox moved to mbx2) follows ecWrongServer and
/// disconnects the context the stale URL made: only the redirected one stays on the server.
#[tokio::test]
async fn a_redirected_logon_disconnects_the_context_it_leaves() {
    let users = Users::from_toml(
        r#"
        organization = "Contoso"
        domain = "contoso.example"
        [[user]]
        login = "alice"
        password = "a-pw"
        display_name = "Alice"
        home_server = "mbx2.contoso.example"
        "#,
    )
    .unwrap();
    let emu = emulator_for(users, 1).await;
    let alice = emu.user("alice").unwrap().legacy_dn.clone();
    let stale = format!("{}/mapi/emsmdb/?MailboxId=EMULATOR", emu.base_url());
    let session = Session::logon(
        Endpoints::new(stale, alice),
        Credentials::Anonymous,
        LogonOptions::default(),
    )
    .await
    .expect("the redirect is followed");
    assert_eq!(session.stats().redirects, 1);
    assert_eq!(
        session.query_identity().display_name(),
        "Alice",
        "logged on to her mailbox on mbx2"
    );
    let requests: Vec<(Option<RequestType>, Option<String>)> = emu
        .request_log()
        .records()
        .into_iter()
        .map(|r| (r.request_type, r.mailbox_id))
        .collect();
    assert!(
        requests.contains(&(Some(RequestType::Disconnect), Some("EMULATOR".into()))),
        "the stale context was disconnected: {requests:?}"
    );
    assert_eq!(emu.live_contexts(), 1, "{requests:?}");
    session.logoff().await.unwrap();
    assert_eq!(emu.live_contexts(), 0);
}

#[tokio::test]
async fn status_table_has_six_rows_with_every_required_column() {
    use mapi_http::session::status::{ResourceFlags, STATUS_COLUMNS, StatusCode};
    use mapi_http::wire::property::PropertyType;
    let emu = emulator().await;
    let session = logon(&emu).await;
    let rows = session.status_table();
    assert_eq!(rows.len(), 6);
    let required = [
        (t::PID_TAG_DISPLAY_NAME, PropertyType::STRING),
        (t::PID_TAG_PROVIDER_DLL_NAME, PropertyType::STRING),
        (t::PID_TAG_STATUS_CODE, PropertyType::INTEGER32),
        (t::PID_TAG_RESOURCE_FLAGS, PropertyType::INTEGER32),
        (t::PID_TAG_RESOURCE_METHODS, PropertyType::INTEGER32),
        (t::PID_TAG_RESOURCE_TYPE, PropertyType::INTEGER32),
        (t::PID_TAG_ENTRY_ID, PropertyType::BINARY),
        (t::PID_TAG_INSTANCE_KEY, PropertyType::BINARY),
        (t::PID_TAG_OBJECT_TYPE, PropertyType::INTEGER32),
        (t::PID_TAG_ROWID, PropertyType::INTEGER32),
        (t::PID_TAG_PROVIDER_DISPLAY, PropertyType::STRING),
        (t::PID_TAG_STATUS_STRING, PropertyType::STRING),
    ];
    for row in &rows {
        for (tag, ty) in required {
            let value = row
                .get(tag)
                .unwrap_or_else(|| panic!("{} lacks {tag:?}", row.kind()));
            assert_eq!(value.prop_type(), ty, "{} {tag:?}", row.kind());
        }
        assert_eq!(
            row.get(t::PID_TAG_OBJECT_TYPE).and_then(|v| v.as_i32()),
            Some(mapi_http::session::status::MAPI_STATUS)
        );
        assert!(STATUS_COLUMNS.len() >= required.len());
    }
    let primary: Vec<_> = rows
        .iter()
        .filter(|r| {
            r.resource_flags()
                .contains(ResourceFlags::STATUS_PRIMARY_IDENTITY)
        })
        .collect();
    assert_eq!(primary.len(), 1);
    let identity = session.query_identity();
    assert_eq!(primary[0].identity_display(), Some(identity.display_name()));
    assert_eq!(
        primary[0].identity_entry_id(),
        Some(identity.entry_id_bytes().as_slice())
    );
    assert_eq!(
        primary[0].identity_search_key(),
        Some(identity.search_key().as_slice())
    );
    let store_row = rows
        .iter()
        .find(|r| r.kind() == mapi_http::client::StatusRowKind::MessageStore)
        .unwrap();
    assert!(
        store_row
            .status_code()
            .contains(StatusCode::STATUS_AVAILABLE)
    );
    assert_eq!(
        emu.request_log().len(),
        2,
        "the status table is known locally"
    );
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn status_follows_the_connection_and_validate_state_recovers() {
    use mapi_http::client::{ConnectionState, OpenedEntry, StatusRowKind};
    use mapi_http::session::status::StatusCode;
    let (emu, session) = stalling_server_session().await;
    let mut changes = session.status_changes();
    let store = session.default_store().unwrap();
    // The server goes silent mid-response: the outcome is unknown and the status says failure.
    emu.faults().delay_before_done(Duration::from_secs(3), 1);
    let err = store
        .get_props(&[t::PID_TAG_DISPLAY_NAME])
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::OutcomeUnknown { .. }), "{err:?}");
    let state = tokio::time::timeout(Duration::from_secs(5), changes.changed())
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(state, ConnectionState::Failed(_)), "{state:?}");
    let row = session
        .status_table()
        .into_iter()
        .find(|r| r.kind() == StatusRowKind::MessageStore)
        .unwrap();
    assert!(row.status_code().contains(StatusCode::STATUS_FAILURE));
    // The status object's entry ID opens it; ValidateState reconnects.
    let OpenedEntry::Status(status) = session.open_entry(row.entry_id()).await.unwrap() else {
        panic!("a status entry ID opens a status object");
    };
    assert_eq!(status.kind(), StatusRowKind::MessageStore);
    status.validate_state().await.unwrap();
    assert_eq!(session.connection_state(), ConnectionState::Available);
    assert!(
        status
            .row()
            .unwrap()
            .status_code()
            .contains(StatusCode::STATUS_AVAILABLE)
    );
    assert_eq!(session.stats().reconnects, 1);
    assert!(matches!(
        status.flush_queues(),
        Err(ClientError::NoSupport(_))
    ));
    assert!(matches!(
        status.settings_dialog(),
        Err(ClientError::NoSupport(_))
    ));
    // The store works again after the reconnect.
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    // Another session's status entry IDs are refused.
    let other = logon(&emu).await;
    let foreign = other.status_table()[0].entry_id().to_vec();
    assert!(matches!(
        session.open_entry(&foreign).await,
        Err(ClientError::InvalidArgument(_))
    ));
    other.logoff().await.unwrap();
    session.logoff().await.unwrap();
    assert_eq!(session.connection_state(), ConnectionState::LoggedOff);
}

#[tokio::test]
async fn a_server_that_stays_unavailable_is_a_typed_busy_error() {
    let emu = emulator().await;
    let options = LogonOptions {
        max_busy_wait: Duration::from_secs(2),
        ..LogonOptions::default()
    };
    let session = Session::logon(endpoints(&emu, "alice"), Credentials::Anonymous, options)
        .await
        .unwrap();
    let store = session.default_store().unwrap();
    emu.faults()
        .service_unavailable(100, Duration::from_secs(1));
    let err = store
        .get_props(&[t::PID_TAG_DISPLAY_NAME])
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::Busy(_)), "{err:?}");
    emu.faults().clear();
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn an_execute_whose_outcome_is_unknown_is_not_sent_again() {
    let (emu, session) = stalling_server_session().await;
    let store = session.default_store().unwrap();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    // The server carries the RopCreateFolder out, then goes silent before DONE.
    emu.faults().delay_before_done(Duration::from_secs(3), 1);
    let err = inbox
        .create_folder("Exactly once", "", false)
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::OutcomeUnknown { .. }), "{err:?}");
    tokio::time::sleep(Duration::from_millis(2500)).await;
    // The session resynchronises (a new context); the folder exists once, not twice.
    assert!(matches!(
        inbox.get_props(&[t::PID_TAG_DISPLAY_NAME]).await,
        Err(ClientError::Stale)
    ));
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    let (_t, rows) = inbox
        .table_with_rows(true, false, &[t::PID_TAG_DISPLAY_NAME], 100)
        .await
        .unwrap();
    let copies = rows
        .iter()
        .filter(|r| r.text(t::PID_TAG_DISPLAY_NAME).as_deref() == Some("Exactly once"))
        .count();
    assert_eq!(copies, 1);
    assert_eq!(session.stats().reconnects, 1);
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn a_context_destroyed_on_the_server_is_replaced() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    let context = emu
        .request_log()
        .records()
        .into_iter()
        .rev()
        .find_map(|r| r.context_id)
        .expect("the logon's context");
    assert!(emu.faults().expire_context(&context).await);
    let folder = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    folder.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    assert_eq!(session.stats().reconnects, 1);
    assert_eq!(emu.live_contexts(), 1);
    drop(folder);
    session.logoff().await.unwrap();
    assert_eq!(emu.live_contexts(), 0);
}

#[tokio::test]
async fn releases_riding_with_a_new_object_leave_it_usable() {
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    let root = store
        .open_folder(store.ipm_subtree_id().unwrap())
        .await
        .unwrap();
    let hierarchy = root.hierarchy_table(false).await.unwrap();
    let inbox = root.open_folder(store.inbox_id().unwrap()).await.unwrap();
    drop(hierarchy);
    drop(root);
    let mut contents = inbox.contents_table().await.unwrap();
    contents.set_columns(&[t::PID_TAG_SUBJECT]).await.unwrap();
    assert!(!contents.query_rows(5).await.unwrap().is_empty());
    // A table keeps its folder on the server while it lives (MS-OXCROPS 3.1.5.3: owned
    // objects are released before their owner), whatever the caller drops first.
    emu.rop_log().clear();
    drop(inbox);
    contents.seek_beginning().await.unwrap();
    assert_eq!(contents.query_rows(5).await.unwrap().len(), 5);
    assert_eq!(emu.rop_log().count(RopId::RELEASE), 0);
    drop(contents);
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    assert_eq!(
        emu.rop_log().count(RopId::RELEASE),
        2,
        "table, then folder, in one Execute"
    );
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn restricted_contents_and_an_opened_message() {
    use mapi_http::wire::restriction::{BitmapRelOp, BitmaskRestriction, Restriction};
    let emu = emulator().await;
    let session = logon(&emu).await;
    let store = session.default_store().unwrap();
    let inbox = store.open_folder(store.inbox_id().unwrap()).await.unwrap();
    let props = inbox
        .get_props(&[t::PID_TAG_CONTENT_COUNT, t::PID_TAG_CONTENT_UNREAD_COUNT])
        .await
        .unwrap();
    let unread = props.i32(t::PID_TAG_CONTENT_UNREAD_COUNT).unwrap();
    let mut table = inbox.contents_table().await.unwrap();
    table
        .set_columns(&[t::PID_TAG_MID, t::PID_TAG_SUBJECT, t::PID_TAG_MESSAGE_FLAGS])
        .await
        .unwrap();
    // MSGFLAG_READ (0x1) clear: the unread messages only.
    table
        .restrict(Some(Restriction::Bitmask(BitmaskRestriction {
            relop: BitmapRelOp::EQZ,
            prop_tag: t::PID_TAG_MESSAGE_FLAGS,
            mask: 0x1,
        })))
        .await
        .unwrap();
    let rows = table.query_all(100).await.unwrap();
    assert_eq!(rows.len(), unread as usize);
    assert!(
        rows.iter()
            .all(|r| r.i32(t::PID_TAG_MESSAGE_FLAGS).unwrap() & 1 == 0)
    );
    table.restrict(None).await.unwrap();
    table.seek_beginning().await.unwrap();
    let all = table.query_all(100).await.unwrap();
    assert_eq!(
        all.len() as i32,
        props.i32(t::PID_TAG_CONTENT_COUNT).unwrap()
    );

    let first = &rows[0];
    let mid = match first.get(t::PID_TAG_MID) {
        Some(mapi_http::wire::property::PropertyValue::Integer64(v)) => {
            mapi_http::wire::entry_id::MessageId(*v as u64)
        }
        other => panic!("{other:?}"),
    };
    let message = inbox.open_message(mid).await.unwrap();
    assert_eq!(
        Some(message.subject().as_str()),
        first.text(t::PID_TAG_SUBJECT).as_deref()
    );
    let body = message.get_props(&[t::PID_TAG_SUBJECT]).await.unwrap();
    assert_eq!(
        body.text(t::PID_TAG_SUBJECT),
        first.text(t::PID_TAG_SUBJECT)
    );
    assert!(!message.get_prop_list().await.unwrap().is_empty());
    drop(message);
    session.logoff().await.unwrap();
}

/// Every wait shares one budget (`max_busy_wait`): a RopBackoff asking for more than it, and
/// a Connect that meets 503 for longer than it, end as typed Busy errors saying which.
#[tokio::test]
async fn backoff_and_connect_waits_past_the_budget_are_typed_busy_errors() {
    let emu = emulator().await;
    let options = LogonOptions {
        max_busy_wait: Duration::from_secs(2),
        ..LogonOptions::default()
    };
    let session = Session::logon(
        endpoints(&emu, "alice"),
        Credentials::Anonymous,
        options.clone(),
    )
    .await
    .unwrap();
    let store = session.default_store().unwrap();
    emu.inject_backoff(BackoffResponse {
        logon_id: 0,
        duration: 60_000,
        backoff_rops: Vec::new(),
        additional_data: Vec::new(),
    });
    store.get_props(&[t::PID_TAG_DISPLAY_NAME]).await.unwrap();
    let err = store
        .get_props(&[t::PID_TAG_DISPLAY_NAME])
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ClientError::Busy(why) if why.contains("RopBackoff")),
        "{err:?}"
    );
    assert_eq!(session.stats().backoff_waits, 0, "nothing was slept");
    session.logoff().await.unwrap();

    emu.faults()
        .service_unavailable(100, Duration::from_secs(1));
    let err = Session::logon(endpoints(&emu, "alice"), Credentials::Anonymous, options)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ClientError::Busy(why) if why.contains("HTTP 503 on Connect")),
        "{err:?}"
    );
    emu.faults().clear();
}
