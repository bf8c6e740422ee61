//! The address book of the public client API against the emulator over HTTP on 127.0.0.1:
//! Bind on first use, the hierarchy, paging through whole containers, name resolution, the
//! lookups, the identity rule, Unbind at logoff, re-Bind after a lost context.
#![cfg(all(feature = "emulator", feature = "client"))]

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use mapi_http::client::{ClientError, Endpoints, LogonOptions, OpenedEntry, Resolution, Session};
use mapi_http::emulator::address_book::Gal;
use mapi_http::emulator::auth::{AuthSchemes, EmulatorAuth};
use mapi_http::emulator::backend::Backend;
use mapi_http::emulator::server::{AnonymousPolicy, MailboxServer, RunningServer, ServerConfig};
use mapi_http::emulator::store::Store;
use mapi_http::emulator::users::{Users, mailbox_guid};
use mapi_http::emulator::{Authenticator, User};
use mapi_http::transport::Credentials;
use mapi_http::wire::Wire;
use mapi_http::wire::entry_id::{AddressBookEntryId, DisplayType, EntryId, EphemeralEntryId};
use mapi_http::wire::mapihttp::{RequestType, ResponseCode};
use mapi_http::wire::nspi::{
    AddressBookResponse, DnToMIdRequest, ModPropsRequest, NspiRequest, NspiResponse, Stat,
};
use mapi_http::wire::property::tags as t;

/// The emulator's pieces on one listener, kept apart so the test sees the address book
/// contexts the server holds.
struct Env {
    server: RunningServer,
    users: Arc<Users>,
}

impl Env {
    async fn start(config: ServerConfig) -> Env {
        let users = Arc::new(Users::demo_seeded(5));
        let all: Vec<User> = users.entries().iter().map(|e| e.user.clone()).collect();
        let mut store = Store::empty(5);
        for (i, user) in all.iter().enumerate() {
            store.add_user(user, i < 1);
        }
        let backend = Arc::new(Backend::new(all, store, "EMULATOR"));
        let auth: Arc<dyn Authenticator> =
            Arc::new(EmulatorAuth::new(Arc::clone(&users), AuthSchemes::all()));
        let gal = Arc::new(Gal::new(Arc::clone(&users), mailbox_guid("EMULATOR")));
        let mailbox = MailboxServer::new(
            config.with_anonymous(AnonymousPolicy::Allow {
                login: "alice".into(),
            }),
            auth,
            backend,
        )
        .with_address_book(gal.clone());
        let router = mailbox.router();
        let server = mailbox.serve(router).await.expect("server starts");
        gal.set_base_url(&server.base_url());
        Env { server, users }
    }

    async fn new() -> Env {
        Env::start(ServerConfig {
            pending_period: Duration::from_millis(100),
            ..ServerConfig::default()
        })
        .await
    }

    fn user(&self, login: &str) -> User {
        self.users
            .find_login(login)
            .expect("user exists")
            .user
            .clone()
    }

    fn endpoints(&self, login: &str) -> Endpoints {
        let entry = self.users.find_login(login).expect("user exists");
        let id = format!("{}@{}", entry.mailbox_guid, self.users.domain());
        let mut e = Endpoints::new(self.server.mailbox_url(&id), entry.user.legacy_dn.clone());
        e.address_book_url = Some(self.server.address_book_url(&id));
        e
    }

    async fn logon(&self) -> Session {
        Session::logon(
            self.endpoints("alice"),
            Credentials::Anonymous,
            LogonOptions::default(),
        )
        .await
        .expect("logon")
    }
}

fn sorted_names(users: &Users, department: Option<&str>) -> Vec<String> {
    let mut names: Vec<(String, usize)> = users
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| department.is_none() || e.department.as_deref() == department)
        .map(|(i, e)| (e.user.display_name.clone(), i))
        .collect();
    names.sort_by(|a, b| {
        a.0.to_lowercase()
            .cmp(&b.0.to_lowercase())
            .then(a.1.cmp(&b.1))
    });
    names.into_iter().map(|(n, _)| n).collect()
}

#[tokio::test]
async fn binds_once_on_first_use_and_lists_the_hierarchy() {
    let env = Env::new().await;
    let session = env.logon().await;
    assert_eq!(
        session.stats().binds,
        0,
        "no Bind before the address book is used"
    );
    let ab = session.address_book().await.unwrap();
    let again = session.address_book().await.unwrap();
    assert_eq!(session.stats().binds, 1);
    assert_eq!(env.server.live_address_book_contexts(), 1);
    let containers = again.hierarchy().await.unwrap();
    let mut departments: Vec<String> = env
        .users
        .entries()
        .iter()
        .filter_map(|e| e.department.clone())
        .collect();
    departments.sort();
    departments.dedup();
    assert_eq!(containers.len(), 1 + departments.len());
    let gal = &containers[0];
    assert!(gal.is_gal());
    assert_eq!(gal.display_name, "Global Address List");
    assert_eq!(gal.depth, 0);
    assert_ne!(gal.flags & 0x1, 0, "AB_RECIPIENTS");
    for c in &containers[1..] {
        assert!(!c.is_gal());
        assert_eq!(c.depth, 1);
        assert!(departments.contains(&c.display_name), "{}", c.display_name);
        match EntryId::decode_bytes(&c.entry_id) {
            EntryId::AddressBook(p) => assert_eq!(p.display_type, DisplayType::CONTAINER),
            other => panic!("container entry ID {other:?}"),
        }
    }
    let ids: HashSet<u32> = containers.iter().map(|c| c.container_id).collect();
    assert_eq!(ids.len(), containers.len(), "container IDs are distinct");
    let stats = session.stats();
    assert_eq!(stats.nspi_requests, 2, "Bind and GetSpecialTable");
    assert_eq!(env.server.request_log().count(&RequestType::Bind), 1);
    drop(ab);
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn paging_walks_the_whole_gal_in_order_whatever_the_page_size() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let users = sorted_names(&env.users, None);
    assert!(users.len() > 300, "a GAL of a few hundred users");
    let mut first_walk: Option<Vec<String>> = None;
    // The total, then page sizes that divide it and that do not (1000 is more than the whole
    // table).
    let total = {
        let mut probe = ab.pages(0, 1);
        probe.next_page().await.unwrap();
        probe.total().unwrap()
    };
    let divisor = (2..=total / 2)
        .rev()
        .find(|d| total % d == 0 && *d < 100)
        .unwrap_or(total);
    assert_eq!(total % divisor, 0);
    for page_size in [divisor, 7, 100, 1000] {
        env.server.request_log().clear();
        let mut pages = ab.pages(0, page_size);
        assert_eq!(pages.total(), None);
        let mut names = Vec::new();
        let mut mids = HashSet::new();
        let mut page_count = 0;
        while let Some(page) = pages.next_page().await.unwrap() {
            page_count += 1;
            assert!(page.len() <= page_size as usize);
            for e in page {
                assert!(mids.insert(e.mid().expect("MId from the instance key")));
                names.push(e.display_name().unwrap());
            }
        }
        let total = pages.total().expect("STAT TotalRecs") as usize;
        assert!(pages.is_done());
        assert_eq!(pages.returned() as usize, total);
        assert_eq!(names.len(), total, "page size {page_size}");
        // The GAL holds every user (and may hold more: distribution lists), sorted by
        // display name (SortTypeDisplayName).
        let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        assert!(lower.windows(2).all(|w| w[0] <= w[1]), "sorted");
        let all: HashSet<&String> = names.iter().collect();
        assert!(users.iter().all(|u| all.contains(u)));
        match &first_walk {
            Some(first) => assert_eq!(&names, first, "page size {page_size}"),
            None => first_walk = Some(names),
        }
        let want_pages = total.div_ceil(page_size as usize);
        assert_eq!(page_count, want_pages);
        assert_eq!(
            env.server.request_log().count(&RequestType::QueryRows),
            want_pages,
            "no extra QueryRows after the last page (page size {page_size})"
        );
        assert!(pages.next_page().await.unwrap().is_none());
    }
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn a_department_container_lists_its_members_only() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let containers = ab.hierarchy().await.unwrap();
    let sales = containers
        .iter()
        .find(|c| c.display_name == "Sales")
        .expect("a Sales container");
    let rows = ab.list(sales.container_id, None).await.unwrap();
    let names: Vec<String> = rows.iter().map(|e| e.display_name().unwrap()).collect();
    assert_eq!(names, sorted_names(&env.users, Some("Sales")));
    assert!(
        rows.iter()
            .all(|e| e.department().as_deref() == Some("Sales"))
    );
    let first = ab.list(sales.container_id, Some(3)).await.unwrap();
    assert_eq!(first.len(), 3);
    assert_eq!(first, rows[..3].to_vec());
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn resolve_names_tells_resolved_ambiguous_and_unresolved_apart() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let bob = env.user("bob");
    // A given name several users share.
    let mut seen = std::collections::HashMap::new();
    for e in env.users.entries() {
        *seen.entry(e.given_name.clone().unwrap()).or_insert(0) += 1;
    }
    let shared = seen
        .iter()
        .find(|(_, n)| **n > 1)
        .map(|(g, _)| g.clone())
        .expect("a shared given name");
    let names = [
        bob.display_name.as_str(),
        shared.as_str(),
        "zz-nobody-zz",
        &bob.smtp_address,
    ];
    let resolved = ab.resolve_names(&names).await.unwrap();
    assert_eq!(resolved.len(), 4);
    assert_eq!(resolved[0].name, bob.display_name);
    match &resolved[0].resolution {
        Resolution::Resolved(e) => {
            assert_eq!(e.smtp_address().as_deref(), Some(bob.smtp_address.as_str()));
            assert_eq!(e.dn().as_deref(), Some(bob.legacy_dn.as_str()));
            assert!(e.mid().is_some());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(resolved[1].resolution, Resolution::Ambiguous, "{shared}");
    assert_eq!(resolved[2].resolution, Resolution::Unresolved);
    // The resolved row after the unresolved ones still lines up with its name.
    match &resolved[3].resolution {
        Resolution::Resolved(e) => assert_eq!(e.account().as_deref(), Some("bob")),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        ab.resolve("zz-nobody-zz").await.unwrap(),
        Resolution::Unresolved
    );
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn lookups_by_dn_smtp_mid_and_entry_id_find_the_same_entry() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let carol = env.user("carol");
    let by_dn = ab.entry_by_dn(&carol.legacy_dn).await.unwrap();
    assert_eq!(
        by_dn.display_name().as_deref(),
        Some(carol.display_name.as_str())
    );
    assert_eq!(
        by_dn.smtp_address().as_deref(),
        Some(carol.smtp_address.as_str())
    );
    assert_eq!(by_dn.account().as_deref(), Some("carol"));
    assert_eq!(by_dn.title().as_deref(), Some("Controller"));
    assert_eq!(by_dn.department().as_deref(), Some("Finance"));
    assert!(by_dn.business_phone().unwrap().starts_with("+1 425 555"));
    assert_eq!(by_dn.object_type(), Some(6), "MAPI_MAILUSER");
    assert_eq!(by_dn.display_type(), Some(DisplayType::MAIL_USER));
    assert_eq!(by_dn.dn().as_deref(), Some(carol.legacy_dn.as_str()));
    let permanent = by_dn.entry_id().unwrap().to_vec();
    assert_eq!(
        AddressBookEntryId::from_bytes(&permanent).unwrap(),
        AddressBookEntryId::new(DisplayType::MAIL_USER, carol.legacy_dn.clone())
    );
    let mid = by_dn.mid().unwrap();
    assert_eq!(ab.mid_of_dn(&carol.legacy_dn).await.unwrap(), mid);

    let by_smtp = ab
        .entry_by_smtp(&carol.smtp_address.to_uppercase())
        .await
        .unwrap();
    assert_eq!(by_smtp.dn(), by_dn.dn());
    let by_mid = ab.entry_by_mid(mid).await.unwrap();
    assert_eq!(by_mid, by_dn);
    let by_permanent = ab.entry_by_entry_id(&permanent).await.unwrap();
    assert_eq!(by_permanent.dn(), by_dn.dn());
    let guid = ab.server_guid().await.unwrap();
    let ephemeral = EphemeralEntryId::new(&guid, DisplayType::MAIL_USER, mid)
        .to_bytes()
        .unwrap();
    assert_eq!(
        ab.entry_by_entry_id(&ephemeral).await.unwrap().dn(),
        by_dn.dn()
    );
    let foreign = EphemeralEntryId::new(&uuid::Uuid::from_u128(1), DisplayType::MAIL_USER, mid)
        .to_bytes()
        .unwrap();
    assert!(matches!(
        ab.entry_by_entry_id(&foreign).await,
        Err(ClientError::InvalidArgument(_))
    ));
    // The same through `lookup`, which the CLI uses.
    assert_eq!(ab.lookup(&carol.legacy_dn).await.unwrap().dn(), by_dn.dn());
    assert_eq!(
        ab.lookup(&carol.smtp_address).await.unwrap().dn(),
        by_dn.dn()
    );
    let hex: String = permanent.iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(ab.lookup(&hex).await.unwrap().dn(), by_dn.dn());

    // Unknown names are NotFound (MAPI_E_NOT_FOUND), not empty entries.
    for e in [
        ab.entry_by_dn("/o=Contoso/cn=Recipients/cn=nobody").await,
        ab.entry_by_smtp("nobody@contoso.example").await,
        ab.entry_by_mid(0x00FF_FFF0).await,
    ] {
        let err = e.unwrap_err();
        assert!(matches!(err, ClientError::NotFound(_)), "{err:?}");
        assert_eq!(
            err.error_code(),
            Some(mapi_http::wire::ErrorCode::NOT_FOUND)
        );
    }
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn the_identity_is_the_users_gal_entry() {
    let env = Env::new().await;
    let session = env.logon().await;
    let alice = env.user("alice");
    let ab = session.address_book().await.unwrap();
    let me = ab.me().await.unwrap();
    assert_eq!(me.dn().as_deref(), Some(alice.legacy_dn.as_str()));
    assert_eq!(
        me.display_name().as_deref(),
        Some(alice.display_name.as_str())
    );
    // PR_IDENTITY_ENTRYID of the status table's primary identity row equals the permanent
    // entry ID the address book returns as PR_ENTRYID for the user.
    let identity_entry_id = session
        .status_table()
        .into_iter()
        .find_map(|row| {
            row.get(t::PID_TAG_IDENTITY_ENTRY_ID)
                .and_then(|v| v.as_bytes().map(<[u8]>::to_vec))
        })
        .expect("a status row publishes PR_IDENTITY_ENTRYID");
    assert_eq!(identity_entry_id, me.entry_id().unwrap());
    assert_eq!(identity_entry_id, session.query_identity().entry_id_bytes());
    // OpenEntry on it yields the user's GAL entry.
    match session.open_entry(&identity_entry_id).await.unwrap() {
        OpenedEntry::AddressBookEntry(e) => assert_eq!(e, me),
        other => panic!("{other:?}"),
    }
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn open_entry_binds_the_address_book_on_first_use() {
    let env = Env::new().await;
    let session = env.logon().await;
    let dave = env.user("dave");
    let id = AddressBookEntryId::new(DisplayType::MAIL_USER, dave.legacy_dn.clone())
        .to_bytes()
        .unwrap();
    match session.open_entry(&id).await.unwrap() {
        OpenedEntry::AddressBookEntry(e) => {
            assert_eq!(
                e.smtp_address().as_deref(),
                Some(dave.smtp_address.as_str())
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(session.stats().binds, 1);
    session.logoff().await.unwrap();
    assert_eq!(env.server.live_address_book_contexts(), 0);
}

#[tokio::test]
async fn logoff_unbinds_and_the_address_book_refuses_work_after() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    ab.me().await.unwrap();
    assert_eq!(env.server.live_address_book_contexts(), 1);
    session.logoff().await.unwrap();
    assert_eq!(
        env.server.live_address_book_contexts(),
        0,
        "Unbind at logoff"
    );
    assert_eq!(env.server.request_log().count(&RequestType::Unbind), 1);
    assert!(matches!(ab.me().await, Err(ClientError::LoggedOff)));
    assert!(matches!(
        session.address_book().await,
        Err(ClientError::LoggedOff)
    ));
    // A session that never used the address book sends no Bind and no Unbind.
    let other = env.logon().await;
    other.logoff().await.unwrap();
    assert_eq!(env.server.request_log().count(&RequestType::Bind), 1);
    assert_eq!(env.server.request_log().count(&RequestType::Unbind), 1);
}

#[tokio::test]
async fn a_context_the_server_refuses_is_bound_again_and_paging_resumes() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let expected: Vec<String> = ab
        .list(0, None)
        .await
        .unwrap()
        .iter()
        .map(|e| e.display_name().unwrap())
        .collect();
    let mut pages = ab.pages(0, 50);
    let mut names: Vec<String> = pages
        .next_page()
        .await
        .unwrap()
        .unwrap()
        .iter()
        .map(|e| e.display_name().unwrap())
        .collect();
    // The server no longer knows the context: X-ResponseCode 10 to the next request.
    env.server
        .faults()
        .respond_with(ResponseCode::CONTEXT_NOT_FOUND, 1);
    while let Some(page) = pages.next_page().await.unwrap() {
        names.extend(page.iter().map(|e| e.display_name().unwrap()));
    }
    assert_eq!(
        names, expected,
        "no row lost or repeated across the re-Bind"
    );
    let stats = session.stats();
    assert_eq!((stats.binds, stats.rebinds), (2, 1));
    assert_eq!(ab.generation().await, 2);
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn an_expired_context_is_bound_again() {
    let env = Env::start(ServerConfig {
        pending_period: Duration::from_millis(100),
        expiration: Duration::from_millis(400),
        ..ServerConfig::default()
    })
    .await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let me = ab.me().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(
        env.server.live_address_book_contexts(),
        0,
        "the server dropped it"
    );
    assert_eq!(ab.me().await.unwrap(), me);
    assert_eq!(session.stats().rebinds, 1);
    assert_eq!(env.server.live_address_book_contexts(), 1);
}

#[tokio::test]
async fn a_read_with_an_unknown_outcome_is_sent_again_after_a_rebind() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let erin = env.user("erin");
    // The connection dies in the middle of the next response.
    env.server.faults().close_after_bytes(40);
    let e = ab.entry_by_dn(&erin.legacy_dn).await.unwrap();
    assert_eq!(e.account().as_deref(), Some("erin"));
    assert_eq!(session.stats().rebinds, 1);
    assert_eq!(env.server.request_log().count(&RequestType::DnToMId), 2);

    session.logoff().await.unwrap();
}

#[tokio::test]
async fn a_write_with_an_unknown_outcome_is_not_sent_again() {
    // PENDING every 5 s, and a session that gives up after 1 s of silence: a response held
    // back then ends the request with its outcome unknown.
    let env = Env::start(ServerConfig {
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
    let session = Session::logon(env.endpoints("alice"), Credentials::Anonymous, options)
        .await
        .unwrap();
    let ab = session.address_book().await.unwrap();
    env.server
        .faults()
        .delay_before_done(Duration::from_secs(3), 1);
    let write = NspiRequest::ModProps(ModPropsRequest {
        reserved: 0,
        state: Some(Stat::default()),
        property_tags_to_remove: None,
        property_values: None,
        auxiliary_buffer: Vec::new(),
    });
    let err = ab.call(write).await.unwrap_err();
    assert!(matches!(err, ClientError::OutcomeUnknown { .. }), "{err:?}");
    // The server logs a request when it has answered it.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        env.server.request_log().count(&RequestType::ModProps),
        1,
        "not re-sent"
    );
    // The next call binds again and works.
    assert_eq!(ab.me().await.unwrap().account().as_deref(), Some("alice"));
    assert_eq!(session.stats().rebinds, 1);
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn without_an_address_book_url_the_mailbox_url_names_it() {
    let env = Env::new().await;
    let mut endpoints = env.endpoints("alice");
    let given = endpoints.address_book_url.take().unwrap();
    let session = Session::logon(endpoints, Credentials::Anonymous, LogonOptions::default())
        .await
        .unwrap();
    let ab = session.address_book().await.unwrap();
    assert_eq!(ab.url().await, given);
    assert!(ab.me().await.is_ok());
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn smtp_lookups_use_get_matches_and_ambiguous_names_list_their_candidates() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let carol = env.user("carol");
    env.server.request_log().clear();
    let e = ab.entry_by_smtp(&carol.smtp_address).await.unwrap();
    assert_eq!(e.dn().as_deref(), Some(carol.legacy_dn.as_str()));
    assert!(e.mid().is_some());
    let log = env.server.request_log();
    assert_eq!(log.count(&RequestType::GetMatches), 1);
    assert_eq!(
        log.count(&RequestType::ResolveNames),
        0,
        "no fallback needed"
    );

    let mut given = std::collections::HashMap::new();
    for e in env.users.entries() {
        *given.entry(e.given_name.clone().unwrap()).or_insert(0usize) += 1;
    }
    let (shared, count) = given
        .iter()
        .filter(|(_, n)| **n > 1)
        .min_by_key(|(g, _)| (*g).clone())
        .map(|(g, n)| (g.clone(), *n))
        .unwrap();
    assert_eq!(ab.resolve(&shared).await.unwrap(), Resolution::Ambiguous);
    let candidates = ab.anr_matches(&shared, 100).await.unwrap();
    assert!(candidates.len() >= count, "{shared}: {candidates:?}");
    assert!(candidates.iter().all(|c| {
        c.display_name()
            .unwrap()
            .to_lowercase()
            .contains(&shared.to_lowercase())
            || c.smtp_address()
                .unwrap_or_default()
                .starts_with(&shared.to_lowercase())
    }));
    assert!(ab.anr_matches("zz-nobody-zz", 10).await.unwrap().is_empty());
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn the_server_names_the_mailbox_and_address_book_urls() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let endpoints = env.endpoints("alice");
    assert_eq!(
        ab.address_book_url().await.unwrap(),
        endpoints.address_book_url.clone().unwrap()
    );
    let bob = env.user("bob");
    let bob_url = ab.address_book_url_for(&bob.legacy_dn).await.unwrap();
    assert_eq!(Some(bob_url), env.endpoints("bob").address_book_url);
    let mailbox_id = endpoints.mailbox_url.split("MailboxId=").nth(1).unwrap();
    let server_dn = format!(
        "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn={mailbox_id}"
    );
    assert_eq!(
        ab.mailbox_url(&server_dn).await.unwrap(),
        endpoints.mailbox_url
    );
    let err = ab
        .address_book_url_for("/o=Contoso/cn=nobody")
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::NotFound(_)), "{err:?}");
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn details_read_every_property_an_entry_has() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let me = ab.me().await.unwrap();
    let mid = me.mid().unwrap();
    let tags = ab.prop_list(mid).await.unwrap();
    assert!(tags.iter().any(|t| t.id() == t::PID_TAG_SMTP_ADDRESS.id()));
    let details = ab.entry_details(mid).await.unwrap();
    assert_eq!(details.props().values.len(), tags.len());
    assert_eq!(details.smtp_address(), me.smtp_address());
    assert_eq!(details.entry_id(), me.entry_id());
    // The JSON form carries the typed fields.
    let json = serde_json::to_value(&me).unwrap();
    assert_eq!(json["smtp_address"], me.smtp_address().unwrap().as_str());
    assert_eq!(json["dn"], me.dn().unwrap().as_str());
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn a_busy_server_is_waited_out() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    env.server
        .faults()
        .service_unavailable(1, Duration::from_secs(1));
    assert_eq!(ab.me().await.unwrap().account().as_deref(), Some("alice"));
    let stats = session.stats();
    assert_eq!(stats.busy_retries, 1);
    assert_eq!(stats.rebinds, 0, "a 503 does not lose the context");
    session.logoff().await.unwrap();
}

#[tokio::test]
async fn a_refused_bind_is_an_error_and_nothing_stays_bound() {
    let env = Env::new().await;
    // MS-OXNSPI 3.1.4.1.1: a server refuses Bind with the Unicode code page in the STAT.
    let options = LogonOptions {
        code_page: 1200,
        ..LogonOptions::default()
    };
    let session = Session::logon(env.endpoints("alice"), Credentials::Anonymous, options)
        .await
        .unwrap();
    let err = session.address_book().await.unwrap_err();
    assert!(matches!(err, ClientError::AddressBook(_)), "{err:?}");
    assert_eq!(env.server.live_address_book_contexts(), 0);
    session.logoff().await.unwrap();
    assert_eq!(env.server.request_log().count(&RequestType::Unbind), 0);
}

#[tokio::test]
async fn the_raw_call_reaches_any_request_type() {
    let env = Env::new().await;
    let session = env.logon().await;
    let ab = session.address_book().await.unwrap();
    let alice = env.user("alice");
    let response = ab
        .call(NspiRequest::DnToMId(DnToMIdRequest {
            reserved: 0,
            names: Some(vec![alice.legacy_dn.clone(), "/o=nobody".into()]),
            auxiliary_buffer: Vec::new(),
        }))
        .await
        .unwrap();
    match response {
        NspiResponse::DnToMId(AddressBookResponse::Success(s)) => {
            let mids = s.minimal_ids.unwrap();
            assert_eq!(mids.len(), 2);
            assert_ne!(mids[0], 0);
            assert_eq!(mids[1], 0, "an unknown DN maps to MId 0");
        }
        other => panic!("{other:?}"),
    }
    session.logoff().await.unwrap();
}
