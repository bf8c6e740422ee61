//! The emulator's address book endpoint `/mapi/nspi/` over real HTTP on 127.0.0.1, driven
//! with raw bodies built by the `wire::nspi` codecs (not the client): Bind/Unbind and their
//! cookies, the refusals it shares with the mailbox endpoint, GetSpecialTable, DNToMId and
//! GetProps, QueryRows paging through the whole GAL, and ResolveNames.
#![cfg(all(feature = "emulator", feature = "client"))]

use std::collections::HashSet;
use std::time::Duration;

use base64::Engine as _;
use mapi_http::emulator::address_book::{
    MID_AMBIGUOUS, MID_UNRESOLVED, PID_TAG_ADDRESS_BOOK_CONTAINER_ID,
};
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::ServerConfig;
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig, User};
use mapi_http::wire::entry_id::{AddressBookEntryId, DisplayType};
use mapi_http::wire::mapihttp::framing::frame_all;
use mapi_http::wire::mapihttp::{FramerLimits, RequestType, ResponseCode};
use mapi_http::wire::nspi::{
    AddressBookPropertyRow, AddressBookPropertyValueList, AddressBookRowSet, BindRequest,
    DnToMIdRequest, GetPropsRequest, GetSpecialTableRequest, LargePropertyTagArray, NspiRequest,
    NspiResponse, QueryRowsRequest, ResolveNamesRequest, Stat, UnbindRequest,
};
use mapi_http::wire::property::{PropertyTag, PropertyValue, tags};
use mapi_http::wire::{ErrorCode, Wire};

async fn emulator() -> Emulator {
    Emulator::start(EmulatorConfig {
        server: ServerConfig {
            pending_period: Duration::from_millis(50),
            ..ServerConfig::default()
        },
        users: Users::demo(),
        populated: 0,
        seed: 11,
        schemes: AuthSchemes::all(),
        server_name: "EMULATOR-A".into(),
    })
    .await
    .expect("emulator starts")
}

/// A raw MAPI/HTTP client of the address book endpoint: cookies by hand.
struct Raw {
    http: reqwest::Client,
    url: String,
    authorization: String,
    cookies: Vec<(String, String)>,
    cookie_paths: Vec<String>,
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
            url: emulator.address_book_url(&user.login).expect("nspi url"),
            authorization: format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            ),
            cookies: Vec::new(),
            cookie_paths: Vec::new(),
            counter: 0,
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
                format!("{{6F3C7E1A-0000-4000-8000-000000000002}}:{}", self.counter),
            )
            .header("X-ClientInfo", "{6F3C7E1A-0000-4000-8000-0000000000FE}:1")
            .header("X-ClientApplication", "Outlook/16.0.18025.20000")
            .header("Authorization", &self.authorization)
            // reqwest leaves Content-Length out of an empty body; MS-OXCMAPIHTTP 2.2.2.1
            // wants it.
            .header("Content-Length", body.len().to_string())
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
            let text = value.to_str().unwrap();
            let mut parts = text.split(';');
            let pair = parts.next().unwrap();
            if let Some(path) = parts.find_map(|p| p.trim().strip_prefix("Path=")) {
                self.cookie_paths.push(path.to_owned());
            }
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

    /// Sends one NSPI request; expects X-ResponseCode 0 and decodes the response body.
    async fn call(&mut self, request: NspiRequest) -> NspiResponse {
        let request_type = request.request_type();
        let answer = self
            .post(request_type.as_str(), request.to_bytes().unwrap())
            .await;
        assert_eq!(
            (answer.status, answer.response_code),
            (200, Some(0)),
            "{request_type}"
        );
        NspiResponse::decode(&request_type, &answer.body).expect("NSPI response body")
    }

    fn cookie(&self, name: &str) -> Option<String> {
        self.cookies
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    async fn bind(&mut self) -> uuid::Uuid {
        let response = self
            .call(NspiRequest::Bind(BindRequest {
                flags: 0,
                state: Some(stat(0)),
                auxiliary_buffer: Vec::new(),
            }))
            .await;
        let NspiResponse::Bind(bind) = response else {
            panic!("not a Bind response")
        };
        let ok = bind.success().expect("Bind success form");
        assert_eq!(ok.error_code, ErrorCode::SUCCESS);
        ok.server_guid
    }
}

/// A STAT at the beginning of `container`, code page 1252 (MS-OXNSPI 2.3.7).
fn stat(container: u32) -> Stat {
    Stat {
        sort_type: 0,
        container_id: container,
        current_rec: Stat::MID_BEGINNING_OF_TABLE,
        delta: 0,
        num_pos: 0,
        total_recs: 0,
        code_page: 1252,
        template_locale: 1033,
        sort_locale: 1033,
    }
}

fn text(v: &PropertyValue) -> String {
    match v {
        PropertyValue::String(s) => s.to_string(),
        other => panic!("not a string: {other:?}"),
    }
}

fn find(list: &AddressBookPropertyValueList, tag: PropertyTag) -> Option<&PropertyValue> {
    list.0
        .iter()
        .find(|v| v.tag == tag)
        .and_then(|v| v.value.value.as_ref())
}

/// The value of column `tag` in a row, if present.
fn cell(set: &AddressBookRowSet, row: usize, tag: PropertyTag) -> Option<PropertyValue> {
    let col = set.columns.0.iter().position(|&t| t == tag)?;
    match &set.rows[row] {
        AddressBookPropertyRow::Standard(v) => v[col].value.value.clone(),
        AddressBookPropertyRow::Flagged(v) => match &v[col].value {
            mapi_http::wire::nspi::AddressBookFlaggedPropertyValue::Value(x) => x.value.clone(),
            _ => None,
        },
    }
}

#[tokio::test]
async fn bind_and_unbind_manage_their_own_context_and_cookies() {
    let emu = emulator().await;
    let alice = emu.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emu, &alice);
    let guid = raw.bind().await;
    assert!(!guid.is_nil());
    let context = raw.cookie("MapiContext").expect("context cookie");
    let first_sequence = raw.cookie("MapiSequence").expect("sequence cookie");
    assert!(raw.cookie_paths.iter().all(|p| p == "/mapi/nspi/"));
    // No mailbox context was made by Bind.
    assert_eq!(emu.live_contexts(), 0);

    // A request on the context rotates the sequence cookie.
    raw.call(NspiRequest::GetSpecialTable(GetSpecialTableRequest {
        flags: 0,
        state: Some(stat(0)),
        version: None,
        auxiliary_buffer: Vec::new(),
    }))
    .await;
    assert_eq!(raw.cookie("MapiContext").as_deref(), Some(context.as_str()));
    assert_ne!(raw.cookie("MapiSequence").unwrap(), first_sequence);

    // A stale sequence cookie is refused with 15, as on the mailbox endpoint.
    let mut stale = Raw::new(&emu, &alice);
    stale.cookies = vec![
        ("MapiContext".into(), context.clone()),
        ("MapiSequence".into(), first_sequence.clone()),
    ];
    let answer = stale
        .post(
            "GetSpecialTable",
            NspiRequest::GetSpecialTable(GetSpecialTableRequest {
                flags: 0,
                state: Some(stat(0)),
                version: None,
                auxiliary_buffer: Vec::new(),
            })
            .to_bytes()
            .unwrap(),
        )
        .await;
    assert_eq!(answer.response_code, Some(ResponseCode::INVALID_SEQUENCE.0));

    let response = raw
        .call(NspiRequest::Unbind(UnbindRequest {
            reserved: 0,
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    let NspiResponse::Unbind(unbind) = response else {
        panic!("not an Unbind response")
    };
    assert_eq!(
        unbind.success().unwrap().error_code,
        ErrorCode::UNBIND_SUCCESS
    );
    // The context is gone: its cookie now names nothing (10).
    let answer = raw
        .post(
            "GetSpecialTable",
            NspiRequest::GetSpecialTable(GetSpecialTableRequest {
                flags: 0,
                state: Some(stat(0)),
                version: None,
                auxiliary_buffer: Vec::new(),
            })
            .to_bytes()
            .unwrap(),
        )
        .await;
    assert_eq!(
        answer.response_code,
        Some(ResponseCode::CONTEXT_NOT_FOUND.0)
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn refusals_match_the_mailbox_endpoint() {
    let emu = emulator().await;
    let alice = emu.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emu, &alice);
    // A mailbox request type on the address book endpoint: Invalid Request Type.
    let answer = raw.post("Connect", vec![0; 8]).await;
    assert_eq!(
        (answer.status, answer.response_code),
        (200, Some(ResponseCode::INVALID_REQUEST_TYPE.0))
    );
    // And the other way round.
    let mut mailbox = Raw::new(&emu, &alice);
    mailbox.url = emu.mailbox_url("alice").unwrap();
    let answer = mailbox.post("Bind", vec![0; 8]).await;
    assert_eq!(
        answer.response_code,
        Some(ResponseCode::INVALID_REQUEST_TYPE.0)
    );
    // Without a context cookie: Missing Cookie.
    let answer = raw
        .post(
            "DNToMId",
            NspiRequest::DnToMId(DnToMIdRequest {
                reserved: 0,
                names: Some(vec![alice.legacy_dn.clone()]),
                auxiliary_buffer: Vec::new(),
            })
            .to_bytes()
            .unwrap(),
        )
        .await;
    assert_eq!(answer.response_code, Some(ResponseCode::MISSING_COOKIE.0));
    // A body that is not the X-RequestType's: Invalid Request Body.
    let answer = raw.post("Bind", vec![1, 2]).await;
    assert_eq!(
        answer.response_code,
        Some(ResponseCode::INVALID_REQUEST_BODY.0)
    );
    // A GET: Invalid Verb, as on the mailbox endpoint.
    let get = raw
        .http
        .get(&raw.url)
        .header("Authorization", &raw.authorization)
        .send()
        .await
        .unwrap();
    assert_eq!(
        get.headers()
            .get("x-responsecode")
            .and_then(|v| v.to_str().ok()),
        Some("2")
    );
    // PING is served, with no context.
    let answer = raw.post("PING", Vec::new()).await;
    assert_eq!((answer.status, answer.response_code), (200, Some(0)));
    // A Bind context cookie does not work on the mailbox endpoint.
    raw.bind().await;
    mailbox.cookies = raw.cookies.clone();
    let answer = mailbox.post("Disconnect", vec![0, 0, 0, 0]).await;
    assert_eq!(
        answer.response_code,
        Some(ResponseCode::CONTEXT_NOT_FOUND.0)
    );
    // Bind with the Unicode code page is refused in the body.
    let response = raw
        .call(NspiRequest::Bind(BindRequest {
            flags: 0,
            state: Some(Stat {
                code_page: 1200,
                ..stat(0)
            }),
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    assert_eq!(response.error_code(), Some(ErrorCode::INVALID_CODEPAGE));
    emu.shutdown().await;
}

#[tokio::test]
async fn special_table_lists_the_gal_and_department_containers() {
    let emu = emulator().await;
    let alice = emu.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emu, &alice);
    raw.bind().await;
    let response = raw
        .call(NspiRequest::GetSpecialTable(GetSpecialTableRequest {
            flags: 0,
            state: Some(stat(0)),
            version: None,
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    let NspiResponse::GetSpecialTable(table) = response else {
        panic!("not a GetSpecialTable response")
    };
    let rows = table.success().unwrap().rows.clone().expect("rows");
    assert!(rows.len() >= 3, "GAL and departments: {}", rows.len());
    let ids: Vec<i32> = rows
        .iter()
        .map(|r| match find(r, PID_TAG_ADDRESS_BOOK_CONTAINER_ID) {
            Some(PropertyValue::Integer32(i)) => *i,
            other => panic!("container id {other:?}"),
        })
        .collect();
    assert_eq!(ids[0], 0, "the GAL comes first");
    let unique: HashSet<i32> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    let names: Vec<String> = rows
        .iter()
        .map(|r| text(find(r, tags::PID_TAG_DISPLAY_NAME).unwrap()))
        .collect();
    let departments: HashSet<String> = emu
        .users()
        .entries()
        .iter()
        .filter_map(|e| e.department.clone())
        .collect();
    for d in &departments {
        assert!(names.contains(d), "container for {d}");
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn dn_to_mid_and_get_props_for_alice() {
    let emu = emulator().await;
    let alice = emu.user("alice").unwrap().clone();
    let entry = emu.users().find_login("alice").unwrap().clone();
    let mut raw = Raw::new(&emu, &alice);
    raw.bind().await;
    let response = raw
        .call(NspiRequest::DnToMId(DnToMIdRequest {
            reserved: 0,
            names: Some(vec![
                alice.legacy_dn.clone(),
                "/o=Nowhere/cn=nobody".into(),
                alice.legacy_dn.to_uppercase(),
            ]),
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    let NspiResponse::DnToMId(d) = response else {
        panic!("not a DNToMId response")
    };
    let mids = d.success().unwrap().minimal_ids.clone().unwrap();
    assert_eq!(mids.len(), 3);
    assert!(mids[0] > 2, "a real MId, not a position: {:#x}", mids[0]);
    assert_eq!(mids[1], 0, "an unknown DN maps to 0");
    assert_eq!(mids[2], mids[0], "DNs compare case-insensitively");

    let wanted = vec![
        tags::PID_TAG_DISPLAY_NAME,
        tags::PID_TAG_SMTP_ADDRESS,
        tags::PID_TAG_ACCOUNT,
        tags::PID_TAG_TITLE,
        tags::PID_TAG_DEPARTMENT_NAME,
        tags::PID_TAG_BUSINESS_TELEPHONE_NUMBER,
        tags::PID_TAG_OBJECT_TYPE,
        tags::PID_TAG_DISPLAY_TYPE,
        tags::PID_TAG_ENTRY_ID,
        tags::PID_TAG_EMAIL_ADDRESS,
        tags::PID_TAG_ADDRESS_TYPE,
        tags::PID_TAG_SEARCH_KEY,
    ];
    let response = raw
        .call(NspiRequest::GetProps(GetPropsRequest {
            flags: 0,
            state: Some(Stat {
                current_rec: mids[0],
                ..stat(0)
            }),
            property_tags: Some(LargePropertyTagArray(wanted.clone())),
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    let NspiResponse::GetProps(p) = response else {
        panic!("not a GetProps response")
    };
    let ok = p.success().unwrap();
    let list = ok.property_values.clone().unwrap();
    let get = |t| find(&list, t).cloned();
    assert_eq!(
        text(&get(tags::PID_TAG_DISPLAY_NAME).unwrap()),
        alice.display_name
    );
    assert_eq!(
        text(&get(tags::PID_TAG_SMTP_ADDRESS).unwrap()),
        alice.smtp_address
    );
    assert_eq!(text(&get(tags::PID_TAG_ACCOUNT).unwrap()), "alice");
    assert_eq!(
        text(&get(tags::PID_TAG_EMAIL_ADDRESS).unwrap()),
        alice.legacy_dn
    );
    assert_eq!(text(&get(tags::PID_TAG_ADDRESS_TYPE).unwrap()), "EX");
    assert_eq!(
        get(tags::PID_TAG_OBJECT_TYPE),
        Some(PropertyValue::Integer32(6))
    );
    assert_eq!(
        get(tags::PID_TAG_DISPLAY_TYPE),
        Some(PropertyValue::Integer32(0))
    );
    let expected_id = AddressBookEntryId::new(DisplayType::MAIL_USER, alice.legacy_dn.clone())
        .to_bytes()
        .unwrap();
    match get(tags::PID_TAG_ENTRY_ID) {
        Some(PropertyValue::Binary(b)) => assert_eq!(&b[..], &expected_id[..]),
        other => panic!("entry id {other:?}"),
    }
    let mut key = format!("EX:{}", alice.legacy_dn.to_uppercase()).into_bytes();
    key.push(0);
    match get(tags::PID_TAG_SEARCH_KEY) {
        Some(PropertyValue::Binary(b)) => assert_eq!(&b[..], &key[..]),
        other => panic!("search key {other:?}"),
    }
    // Title, department and phone are what the directory says; a missing one comes back as
    // PtypErrorCode with ErrorsReturned.
    for (tag, value) in [
        (tags::PID_TAG_TITLE, &entry.title),
        (tags::PID_TAG_DEPARTMENT_NAME, &entry.department),
        (tags::PID_TAG_BUSINESS_TELEPHONE_NUMBER, &entry.phone),
    ] {
        match value {
            Some(v) => assert_eq!(text(&get(tag).unwrap()), *v),
            None => assert_eq!(ok.error_code, ErrorCode::ERRORS_RETURNED),
        }
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn query_rows_pages_through_the_whole_gal_once() {
    let emu = emulator().await;
    let alice = emu.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emu, &alice);
    raw.bind().await;
    let total = emu.users().len();
    assert!(total >= 300, "a GAL of a few hundred: {total}");
    let columns = vec![tags::PID_TAG_DISPLAY_NAME, tags::PID_TAG_SMTP_ADDRESS];
    let mut state = stat(0);
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let response = raw
            .call(NspiRequest::QueryRows(QueryRowsRequest {
                flags: 0,
                state: Some(state),
                explicit_table: Vec::new(),
                row_count: 37,
                columns: Some(LargePropertyTagArray(columns.clone())),
                auxiliary_buffer: Vec::new(),
            }))
            .await;
        let NspiResponse::QueryRows(q) = response else {
            panic!("not a QueryRows response")
        };
        let ok = q.success().unwrap();
        assert_eq!(ok.error_code, ErrorCode::SUCCESS);
        let rows = ok.rows.clone().unwrap();
        state = ok.state.unwrap();
        assert_eq!(state.total_recs as usize, total);
        assert_eq!(state.num_pos as usize, seen.len() + rows.rows.len());
        for i in 0..rows.rows.len() {
            seen.push(text(&cell(&rows, i, tags::PID_TAG_SMTP_ADDRESS).unwrap()));
        }
        pages += 1;
        if rows.rows.is_empty() {
            break;
        }
        assert!(pages < 100, "paging does not end");
    }
    assert_eq!(state.current_rec, Stat::MID_END_OF_TABLE);
    assert_eq!(seen.len(), total, "every entry once");
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), total, "no entry twice");
    emu.shutdown().await;
}

#[tokio::test]
async fn resolve_names_reports_ambiguous_unknown_and_unique() {
    let emu = emulator().await;
    let alice = emu.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emu, &alice);
    raw.bind().await;
    // A first name several generated users share is ambiguous.
    let entries = emu.users().entries();
    let first_word = |e: &mapi_http::emulator::users::DirectoryEntry| {
        e.user
            .display_name
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_owned()
    };
    let shared_first = entries
        .iter()
        .map(first_word)
        .find(|w| entries.iter().filter(|e| first_word(e) == *w).count() > 1)
        .expect("a shared first name");
    let names = vec![
        alice.smtp_address.clone(),
        "zzqx-nobody".to_owned(),
        shared_first.clone(),
        String::new(),
    ];
    let response = raw
        .call(NspiRequest::ResolveNames(ResolveNamesRequest {
            reserved: 0,
            state: Some(stat(0)),
            property_tags: Some(LargePropertyTagArray(vec![
                tags::PID_TAG_DISPLAY_NAME,
                tags::PID_TAG_SMTP_ADDRESS,
            ])),
            names: Some(names),
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    assert_eq!(response.request_type(), RequestType::ResolveNames);
    let NspiResponse::ResolveNames(r) = response else {
        panic!("not a ResolveNames response")
    };
    let ok = r.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    let mids = ok.minimal_ids.clone().unwrap();
    assert_eq!(mids.len(), 4);
    assert!(mids[0] > 2, "alice resolves to her MId");
    assert_eq!(mids[1], MID_UNRESOLVED, "unknown name");
    assert_eq!(mids[2], MID_AMBIGUOUS, "{shared_first} is ambiguous");
    assert_eq!(mids[3], MID_UNRESOLVED, "the empty string never resolves");
    let rows = ok.rows.clone().unwrap();
    assert_eq!(rows.rows.len(), 1, "a row only for the resolved name");
    assert_eq!(
        text(&cell(&rows, 0, tags::PID_TAG_SMTP_ADDRESS).unwrap()),
        alice.smtp_address
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn query_rows_in_a_department_container_lists_only_its_members() {
    let emu = emulator().await;
    let alice = emu.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emu, &alice);
    raw.bind().await;
    let response = raw
        .call(NspiRequest::GetSpecialTable(GetSpecialTableRequest {
            flags: 0,
            state: Some(stat(0)),
            version: None,
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    let NspiResponse::GetSpecialTable(table) = response else {
        panic!("not a GetSpecialTable response")
    };
    let rows = table.success().unwrap().rows.clone().unwrap();
    let department = &rows[1];
    let Some(PropertyValue::Integer32(id)) = find(department, PID_TAG_ADDRESS_BOOK_CONTAINER_ID)
    else {
        panic!("no container id")
    };
    let name = text(find(department, tags::PID_TAG_DISPLAY_NAME).unwrap());
    let members = emu
        .users()
        .entries()
        .iter()
        .filter(|e| e.department.as_deref() == Some(name.as_str()))
        .count();
    assert!(members > 0);
    let response = raw
        .call(NspiRequest::QueryRows(QueryRowsRequest {
            flags: 0,
            state: Some(stat(*id as u32)),
            explicit_table: Vec::new(),
            row_count: 1000,
            columns: Some(LargePropertyTagArray(vec![tags::PID_TAG_DEPARTMENT_NAME])),
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    let NspiResponse::QueryRows(q) = response else {
        panic!("not a QueryRows response")
    };
    let ok = q.success().unwrap();
    let set = ok.rows.clone().unwrap();
    assert_eq!(set.rows.len(), members);
    assert_eq!(ok.state.unwrap().total_recs as usize, members);
    for i in 0..set.rows.len() {
        assert_eq!(
            text(&cell(&set, i, tags::PID_TAG_DEPARTMENT_NAME).unwrap()),
            name
        );
    }
    emu.shutdown().await;
}
