//! The emulator's address book endpoint `/mapi/nspi/` over real HTTP on 127.0.0.1: Bind/Unbind
//! and their cookies and the refusals it shares with the mailbox endpoint, driven with raw
//! bodies built by the `wire::nspi` codecs; and every request type with the error codes it
//! answers, sent by the library's client (`Session::address_book`, then `AddressBook::call`:
//! the client's channel, cookies and retry rules against the emulator).
//!
//! # Microsoft's MS-OXCMAPIHTTP interop cases, scenario S02
//!
//! OfficeDev/Interop-TestSuites, `ExchangeMAPI/Source/MS-OXCMAPIHTTP/TestSuite/
//! S02_RequestTypesForAddressBookServerEndpoint.cs` (TC19-TC21 exist only in the newer
//! revision of that file). Each case's server behaviour and the test here that checks the
//! emulator does it; "StatusCode 0" means the case accepts any ErrorCode in the success form
//! (the emulator answers ecInvalidParameter when a needed STAT is missing).
//!
//! | TC | Server behaviour checked | Test |
//! |---|---|---|
//! | 01 | Bind with Flags 0 and 0x1 both succeed (flags other than fAnonymousLogin ignored); PING on the endpoint; Unbind ErrorCode 1 | `s02_tc01_bind_ignores_flags_but_anonymous_then_ping_and_unbind_answers_1` (cookies: `bind_and_unbind_manage_their_own_context_and_cookies`) |
//! | 02 | GetMailboxUrl(Flags 0, server DN) ErrorCode 0 | `s02_tc02_get_mailbox_url_answers_the_emsmdb_url_of_a_server_dn` |
//! | 03 | GetAddressBookUrl(Flags 0, user DN) ErrorCode 0 | `s02_tc03_get_address_book_url_answers_the_nspi_url_of_a_user_dn` |
//! | 04 | DnToMinId: one MId per DN; HasNames 0 still ErrorCode 0 | `s02_tc04_dn_to_mid_maps_each_dn_and_accepts_no_names`, `dn_to_mid_and_get_props_for_alice` |
//! | 05 | CompareMinIds of two users' MIds: ErrorCode 0, a signed Result; HasState 0: StatusCode 0 | `s02_tc05_compare_mids_orders_two_rows_of_the_gal` |
//! | 06 | ResortRestriction of two MIds: ErrorCode 0, then QueryRows on the returned table gives display names in order; HasState/HasMinimalIds 0 in any mix: StatusCode 0 | `s02_tc06_resort_restriction_sorts_an_explicit_table_by_display_name` |
//! | 07 | UpdateStat with Delta 1, DeltaRequested: ErrorCode 0, a changed STAT, Delta 1; HasState/DeltaRequested 0 in any mix: StatusCode 0 | `s02_tc07_update_stat_moves_by_delta_and_reports_it` |
//! | 08 | GetSpecialTable with NspiAddressCreationTemplates, CP_TELETEX: ErrorCode 0, rows; Flags 0 and 0x1 give the same rows; HasState 0: StatusCode 0 | `s02_tc08_get_special_table_hierarchy_and_address_creation_tables`, `special_table_lists_the_gal_and_department_containers` |
//! | 09 | GetTemplateInfo TI_TEMPLATE for DT_MAILUSER: ErrorCode 0 and a Row; Flags 0 and 0x2 same Row; DisplayType 1200: StatusCode 0; TI_SCRIPT by the template DN from the address creation table's PidTagEntryId: ErrorCode 0 | `s02_tc09_get_template_info_by_display_type_and_by_dn` |
//! | 10 | GetMatches with an Exist(PidTagEntryId) filter, no MinimalIds: ErrorCode 0 and rows; HasState 0: StatusCode 0 | `s02_tc10_get_matches_exist_restriction_returns_an_explicit_table`, `get_matches_finds_by_anr_and_by_smtp_address_and_email_address` |
//! | 11 | QueryRows with columns: the same columns back, standard rows with null-terminated strings; Flags 0x3 and 0x4 same rows; HasState/HasColumns 0: StatusCode 0; no columns: flagged rows allowed | `s02_tc11_query_rows_echoes_columns_and_ignores_unknown_flags`, `query_rows_pages_through_the_whole_gal_once` |
//! | 12 | ResolveNames of a DN, "", an ambiguous name, null, "XXXXXX": ErrorCode 0, MIds, the PropertyTags echoed with rows; optional fields absent: StatusCode 0 | `s02_tc12_resolve_names_mixed_names_and_optional_fields`, `resolve_names_reports_ambiguous_unknown_and_unique` |
//! | 13 | QueryRows without columns (first column read as the row's MId), UpdateStat Delta 1, SeekEntries on PidTagDisplayName over that explicit table: ErrorCode 0, rows >= the target, Columns echoed; HasState 0: StatusCode 0 | `s02_tc13_seek_entries_positions_on_display_name_and_returns_explicit_rows` |
//! | 14 | GetPropList(fSkipObjects, MId 0, CP_TELETEX): tags, as many as QueryColumns(NspiUnicodeProptypes); Flags 0 and 0x2 same tags | `s02_tc14_tc15_get_prop_list_of_mid_0_and_query_columns_agree` |
//! | 15 | QueryColumns: MapiFlags 0 and 0x1 same columns; count equals GetPropList of MId 0 | `s02_tc14_tc15_get_prop_list_of_mid_0_and_query_columns_agree` |
//! | 16 | UpdateStat to the first row, GetProps with fEphID / fSkipObjects / 0 / 0x8: ErrorCode 0, exactly the tag asked, same values for 0 and 0x8; HasState/HasPropertyTags 0: StatusCode 0; (newer revision) a PtypEmbeddedTable column gets X-ResponseCode 1 on Exchange 2013 SP1 -- not done, see `context` | `s02_tc16_get_props_on_the_first_row_with_flags`, `query_rows_and_get_props_give_ephemeral_entry_ids_with_f_eph_id` |
//! | 17 | DNToMId of the caller, GetMatches on that explicit table with PidTagAddressBookX509Certificate: ErrorCode 0; ModProps of the caller's certificate with every optional-field mix: StatusCode 0 | `s02_tc17_mod_props_publishes_the_callers_own_certificate_only` |
//! | 18 | QueryRows finds a distribution list and a user; GetProps of the list's PidTagAddressBookMember: PtypErrorCode NotFound; ModLinkAtt (PtypEmbeddedTable tag) adds the user: ErrorCode 0, GetProps then DT_DISTLIST and a member value; fDelete removes; Flags 0x2 adds like 0; PidTagAddressBookPublicDelegates of a DT_MAILUSER likewise | `s02_tc18_mod_link_att_members_and_public_delegates` |
//! | 19 | QueryRows with a PtypErrorCode-typed column: flagged values with Flag 0xA | `s02_tc19_query_rows_error_typed_column_gives_flagged_errors` |
//! | 20 | QueryRows with a PtypString8 column: values with HasValue | `s02_tc20_query_rows_string8_column_in_the_stat_code_page` |
//! | 21 | As TC18 with a PtypMultipleString member column (HasValue on multi-valued strings) | `s02_tc21_multiple_string_member_column` |
//!
//! TC18's public-delegate step has the suite's administrator edit another user's delegates;
//! the emulator has no administrator role, so there a user edits their own and anyone else
//! gets MAPI_E_NO_ACCESS.
#![cfg(all(feature = "emulator", feature = "client"))]

use std::collections::HashSet;
use std::time::Duration;

use base64::Engine as _;
use mapi_http::client::{AddressBook, Endpoints, LogonOptions, Session};
use mapi_http::emulator::address_book::{
    CP_WINUNICODE, DISTRIBUTION_LIST_NAME, MID_AMBIGUOUS, MID_UNRESOLVED,
    PID_TAG_ADDRESS_BOOK_CONTAINER_ID, PID_TAG_SCRIPT_DATA, PID_TAG_TEMPLATE_DATA,
};
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::ServerConfig;
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig, User};
use mapi_http::transport::{Credentials, Secret, TransportConfig};
use mapi_http::wire::entry_id::{AddressBookEntryId, DisplayType, EphemeralEntryId};
use mapi_http::wire::mapihttp::framing::frame_all;
use mapi_http::wire::mapihttp::{FramerLimits, RequestType, ResponseCode};
use mapi_http::wire::nspi::{
    AddressBookFlaggedPropertyValue, AddressBookPropertyRow, AddressBookPropertyValue,
    AddressBookPropertyValueList, AddressBookRowSet, AddressBookTaggedPropertyValue, BindRequest,
    CompareMIdsRequest, DnToMIdRequest, GetAddressBookUrlRequest, GetMailboxUrlRequest,
    GetMatchesRequest, GetPropListRequest, GetPropsRequest, GetSpecialTableRequest,
    GetTemplateInfoRequest, LargePropertyTagArray, ModLinkAttRequest, ModPropsRequest, NspiRequest,
    NspiResponse, QueryColumnsRequest, QueryRowsRequest, ResolveNamesRequest,
    ResortRestrictionRequest, SeekEntriesRequest, Stat, UnbindRequest, UpdateStatRequest,
};
use mapi_http::wire::property::{
    PropertyTag, PropertyType, PropertyValue, TaggedPropertyValue, tags,
};
use mapi_http::wire::restriction::{
    ContentRestriction, FuzzyLevelHigh, FuzzyLevelLow, PropertyRestriction, RelOp, Restriction,
    SizeRestriction,
};
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
    /// When set, [`Raw::call`] goes through the library client's address book instead.
    client: Option<(Session, AddressBook)>,
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
            client: None,
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
        if let Some((_, ab)) = &self.client {
            return ab
                .call(request)
                .await
                .unwrap_or_else(|e| panic!("{request_type} through the client: {e}"));
        }
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
            // NspiUnicodeStrings: the names as PtypString.
            flags: 0x4,
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
    // Every user and the one distribution list.
    let total = emu.users().len() + 1;
    assert!(total >= 300, "a GAL of a few hundred: {total}");
    let columns = vec![tags::PID_TAG_DISPLAY_NAME, tags::PID_TAG_EMAIL_ADDRESS];
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
            // Every row has a DN (the list has no SMTP address).
            seen.push(text(&cell(&rows, i, tags::PID_TAG_EMAIL_ADDRESS).unwrap()));
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
            flags: 0x4,
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

// ---------------------------------------------------------------------------------------
// The S02 interop cases (see the table in the module doc) and the error codes around them.
// ---------------------------------------------------------------------------------------

/// The success body of a response of the given variant.
macro_rules! success {
    ($response:expr, $variant:ident) => {{
        let NspiResponse::$variant(r) = $response else {
            panic!(concat!("not a ", stringify!($variant), " response"))
        };
        r.success().expect("the success form").clone()
    }};
}

/// CP_TELETEX, the code page the interop cases put in some STATs.
const CP_TELETEX: u32 = 20261;
/// fSkipObjects and fEphID (MS-OXNSPI 2.2.1.7).
const F_SKIP_OBJECTS: u32 = 0x1;
const F_EPH_ID: u32 = 0x2;

/// A session of `login` logged on through the library client, with its address book bound:
/// requests then go through `AddressBook::call`.
async fn bound(emu: &Emulator, login: &str) -> (Raw, uuid::Uuid) {
    let user = emu.user(login).unwrap().clone();
    let mut endpoints = Endpoints::new(emu.mailbox_url(login).unwrap(), user.legacy_dn.clone());
    endpoints.address_book_url = emu.address_book_url(login);
    let options = LogonOptions {
        transport: TransportConfig {
            allow_insecure_basic: true,
            ..TransportConfig::default()
        },
        ..LogonOptions::default()
    };
    let credentials = Credentials::Basic {
        user: user.login.clone(),
        password: Secret::new(user.password.clone()),
    };
    let session = Session::logon(endpoints, credentials, options)
        .await
        .expect("logon through the client");
    let ab = session
        .address_book()
        .await
        .expect("NSPI Bind through the client");
    let guid = ab.server_guid().await.expect("Bind gave the server GUID");
    let mut raw = Raw::new(emu, &user);
    raw.client = Some((session, ab));
    (raw, guid)
}

async fn dn_to_mids(raw: &mut Raw, dns: &[&str]) -> Vec<u32> {
    let d = success!(
        raw.call(NspiRequest::DnToMId(DnToMIdRequest {
            reserved: 0,
            names: Some(dns.iter().map(|s| s.to_string()).collect()),
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        DnToMId
    );
    d.minimal_ids.unwrap()
}

async fn get_props(
    raw: &mut Raw,
    flags: u32,
    state: Option<Stat>,
    columns: Option<Vec<PropertyTag>>,
) -> NspiResponse {
    raw.call(NspiRequest::GetProps(GetPropsRequest {
        flags,
        state,
        property_tags: columns.map(LargePropertyTagArray),
        auxiliary_buffer: Vec::new(),
    }))
    .await
}

async fn query_rows(
    raw: &mut Raw,
    flags: u32,
    state: Option<Stat>,
    explicit_table: Vec<u32>,
    row_count: u32,
    columns: Option<Vec<PropertyTag>>,
) -> NspiResponse {
    raw.call(NspiRequest::QueryRows(QueryRowsRequest {
        flags,
        state,
        explicit_table,
        row_count,
        columns: columns.map(LargePropertyTagArray),
        auxiliary_buffer: Vec::new(),
    }))
    .await
}

async fn update_stat(raw: &mut Raw, state: Option<Stat>, delta_requested: bool) -> NspiResponse {
    raw.call(NspiRequest::UpdateStat(UpdateStatRequest {
        reserved: 0,
        state,
        delta_requested,
        auxiliary_buffer: Vec::new(),
    }))
    .await
}

async fn get_matches(
    raw: &mut Raw,
    state: Option<Stat>,
    minimal_ids: Option<Vec<u32>>,
    filter: Option<Restriction>,
    row_count: u32,
    columns: Option<Vec<PropertyTag>>,
) -> NspiResponse {
    raw.call(NspiRequest::GetMatches(GetMatchesRequest {
        reserved: 0,
        state,
        minimal_ids,
        interface_option_flags: 0,
        filter,
        property_name: None,
        row_count,
        columns: columns.map(LargePropertyTagArray),
        auxiliary_buffer: Vec::new(),
    }))
    .await
}

async fn mod_link_att(
    raw: &mut Raw,
    flags: u32,
    tag: PropertyTag,
    mid: u32,
    ids: Vec<Vec<u8>>,
) -> ErrorCode {
    success!(
        raw.call(NspiRequest::ModLinkAtt(ModLinkAttRequest {
            flags,
            property_tag: tag,
            minimal_id: mid,
            entry_ids: Some(ids),
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        ModLinkAtt
    )
    .error_code
}

fn string8_text(v: &PropertyValue) -> String {
    match v {
        PropertyValue::String8(s) => s.decode_text(1252).into_owned(),
        other => panic!("not a PtypString8: {other:?}"),
    }
}

fn entry_bytes(v: &PropertyValue) -> Vec<u8> {
    match v {
        PropertyValue::Binary(b) => b.to_vec(),
        other => panic!("not binary: {other:?}"),
    }
}

/// The names of the rows of a set, from a PtypString PidTagDisplayName column.
fn names_of(set: &AddressBookRowSet) -> Vec<String> {
    (0..set.rows.len())
        .map(|i| text(&cell(set, i, tags::PID_TAG_DISPLAY_NAME).expect("a display name")))
        .collect()
}

fn dl_tag(ty: PropertyType) -> PropertyTag {
    tags::PID_TAG_ADDRESS_BOOK_MEMBER.with_type(ty)
}

fn delegates_tag(ty: PropertyType) -> PropertyTag {
    tags::PID_TAG_ADDRESS_BOOK_PUBLIC_DELEGATES.with_type(ty)
}

/// The MId of the emulator's distribution list, found by ANR on its name.
async fn distribution_list(raw: &mut Raw) -> u32 {
    let r = success!(
        raw.call(NspiRequest::ResolveNames(ResolveNamesRequest {
            reserved: 0,
            state: Some(stat(0)),
            property_tags: Some(LargePropertyTagArray(vec![tags::PID_TAG_DISPLAY_TYPE])),
            names: Some(vec![DISTRIBUTION_LIST_NAME.to_owned()]),
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        ResolveNames
    );
    let mid = r.minimal_ids.unwrap()[0];
    assert!(mid > 2, "the list resolves");
    mid
}

#[tokio::test]
async fn s02_tc01_bind_ignores_flags_but_anonymous_then_ping_and_unbind_answers_1() {
    let emu = emulator().await;
    let alice = emu.user("alice").unwrap().clone();
    let mut raw = Raw::new(&emu, &alice);
    for flags in [0x0, 0x1] {
        let b = success!(
            raw.call(NspiRequest::Bind(BindRequest {
                flags,
                state: Some(stat(0)),
                auxiliary_buffer: Vec::new(),
            }))
            .await,
            Bind
        );
        assert_eq!(b.error_code, ErrorCode::SUCCESS, "flags {flags:#x}");
    }
    let ping = raw.post("PING", Vec::new()).await;
    assert_eq!((ping.status, ping.response_code), (200, Some(0)));
    let u = success!(
        raw.call(NspiRequest::Unbind(UnbindRequest {
            reserved: 0,
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        Unbind
    );
    assert_eq!(u.error_code, ErrorCode::UNBIND_SUCCESS);
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc02_get_mailbox_url_answers_the_emsmdb_url_of_a_server_dn() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let entry = emu.users().find_login("alice").unwrap().clone();
    let server = format!("{}@{}", entry.mailbox_guid, emu.users().domain());
    let server_dn = format!(
        "/o={}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn={server}",
        emu.users().organization()
    );
    let ok = success!(
        raw.call(NspiRequest::GetMailboxUrl(GetMailboxUrlRequest {
            flags: 0,
            server_dn,
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        GetMailboxUrl
    );
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    assert_eq!(
        ok.server_url,
        format!("{}/mapi/emsmdb/?MailboxId={server}", emu.base_url())
    );
    assert_eq!(Some(ok.server_url.clone()), emu.mailbox_url("alice"));
    let unknown = success!(
        raw.call(NspiRequest::GetMailboxUrl(GetMailboxUrlRequest {
            flags: 0,
            server_dn: "/o=Elsewhere/cn=nothing".into(),
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        GetMailboxUrl
    );
    assert_eq!(unknown.error_code, ErrorCode::NOT_FOUND);
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc03_get_address_book_url_answers_the_nspi_url_of_a_user_dn() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let bob = emu.user("bob").unwrap().clone();
    let ok = success!(
        raw.call(NspiRequest::GetAddressBookUrl(GetAddressBookUrlRequest {
            flags: 0,
            user_dn: bob.legacy_dn.clone(),
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        GetAddressBookUrl
    );
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    assert_eq!(Some(ok.server_url), emu.address_book_url("bob"));
    let unknown = success!(
        raw.call(NspiRequest::GetAddressBookUrl(GetAddressBookUrlRequest {
            flags: 0,
            user_dn: "/o=Nowhere/cn=nobody".into(),
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        GetAddressBookUrl
    );
    assert_eq!(unknown.error_code, ErrorCode::NOT_FOUND);
    assert!(unknown.server_url.is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc04_dn_to_mid_maps_each_dn_and_accepts_no_names() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let alice = emu.user("alice").unwrap().clone();
    let mids = dn_to_mids(&mut raw, &[&alice.legacy_dn]).await;
    assert_eq!(mids.len(), 1);
    assert!(mids[0] > 2);
    let none = success!(
        raw.call(NspiRequest::DnToMId(DnToMIdRequest {
            reserved: 0,
            names: None,
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        DnToMId
    );
    assert_eq!(none.error_code, ErrorCode::SUCCESS);
    assert_eq!(none.minimal_ids, None);
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc05_compare_mids_orders_two_rows_of_the_gal() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let (alice, bob) = (
        emu.user("alice").unwrap().clone(),
        emu.user("bob").unwrap().clone(),
    );
    let mids = dn_to_mids(&mut raw, &[&alice.legacy_dn, &bob.legacy_dn]).await;
    let compare = |state: Option<Stat>, a: u32, b: u32| {
        NspiRequest::CompareMIds(CompareMIdsRequest {
            reserved: 0,
            state,
            minimal_id1: a,
            minimal_id2: b,
            auxiliary_buffer: Vec::new(),
        })
    };
    // "Alice Anders" sorts before "Bob Brennan" in the display-name order of the GAL.
    let r = success!(
        raw.call(compare(Some(stat(0)), mids[0], mids[1])).await,
        CompareMIds
    );
    assert_eq!(r.error_code, ErrorCode::SUCCESS);
    assert!(r.result < 0, "{}", r.result);
    let r = success!(
        raw.call(compare(Some(stat(0)), mids[1], mids[0])).await,
        CompareMIds
    );
    assert!(r.result > 0);
    let r = success!(
        raw.call(compare(Some(stat(0)), mids[0], mids[0])).await,
        CompareMIds
    );
    assert_eq!(r.result, 0);
    // A MId outside the table: GeneralFailure; no STAT: still the success form.
    let r = success!(
        raw.call(compare(Some(stat(0)), mids[0], 0x7777_7777)).await,
        CompareMIds
    );
    assert_eq!(r.error_code, ErrorCode::GENERAL_FAILURE);
    let r = raw.call(compare(None, mids[0], mids[1])).await;
    assert_eq!(r.status_code(), 0);
    assert_eq!(r.error_code(), Some(ErrorCode::INVALID_PARAMETER));
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc06_resort_restriction_sorts_an_explicit_table_by_display_name() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let (carol, alice) = (
        emu.user("carol").unwrap().clone(),
        emu.user("alice").unwrap().clone(),
    );
    let mids = dn_to_mids(&mut raw, &[&carol.legacy_dn, &alice.legacy_dn]).await;
    let resort = |state: Option<Stat>, ids: Option<Vec<u32>>| {
        NspiRequest::ResortRestriction(ResortRestrictionRequest {
            reserved: 0,
            state,
            minimal_ids: ids,
            auxiliary_buffer: Vec::new(),
        })
    };
    let r = success!(
        raw.call(resort(Some(stat(0)), Some(mids.clone()))).await,
        ResortRestriction
    );
    assert_eq!(r.error_code, ErrorCode::SUCCESS);
    let sorted = r.minimal_ids.clone().unwrap();
    assert_eq!(sorted, vec![mids[1], mids[0]], "Alice before Carol");
    let state = r.state.unwrap();
    assert_eq!(state.total_recs, 2);
    let q = success!(
        query_rows(
            &mut raw,
            F_SKIP_OBJECTS,
            Some(state),
            sorted.clone(),
            2,
            Some(vec![tags::PID_TAG_DISPLAY_NAME])
        )
        .await,
        QueryRows
    );
    let names = names_of(&q.rows.unwrap());
    assert_eq!(
        names,
        vec![alice.display_name.clone(), carol.display_name.clone()]
    );
    // Without a STAT or without MIds: the success form.
    for (state, ids) in [
        (None, None),
        (Some(stat(0)), None),
        (None, Some(mids.clone())),
    ] {
        let r = raw.call(resort(state, ids)).await;
        assert_eq!(r.status_code(), 0);
    }
    let empty = success!(
        raw.call(resort(Some(stat(0)), None)).await,
        ResortRestriction
    );
    assert_eq!(empty.minimal_ids, Some(vec![]));
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc07_update_stat_moves_by_delta_and_reports_it() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let start = Stat {
        delta: 1,
        ..stat(0)
    };
    let r = success!(update_stat(&mut raw, Some(start), true).await, UpdateStat);
    assert_eq!(r.error_code, ErrorCode::SUCCESS);
    assert_eq!(r.delta, Some(1));
    let moved = r.state.unwrap();
    assert_ne!(moved, start);
    assert_eq!(moved.num_pos, 1);
    assert_eq!(moved.delta, 0);
    assert_eq!(moved.total_recs as usize, emu.users().len() + 1);
    // The second row of the GAL is where QueryRows from the beginning puts it.
    let q = success!(
        query_rows(
            &mut raw,
            0,
            Some(stat(0)),
            Vec::new(),
            2,
            Some(vec![PID_TAG_ADDRESS_BOOK_CONTAINER_ID])
        )
        .await,
        QueryRows
    );
    assert_eq!(
        cell(&q.rows.unwrap(), 1, PID_TAG_ADDRESS_BOOK_CONTAINER_ID),
        Some(PropertyValue::Integer32(moved.current_rec as i32))
    );
    // A move past the end stops there, and Delta says how far it went.
    let far = Stat {
        delta: 1_000_000,
        ..stat(0)
    };
    let r = success!(update_stat(&mut raw, Some(far), true).await, UpdateStat);
    assert_eq!(r.state.unwrap().current_rec, Stat::MID_END_OF_TABLE);
    assert_eq!(r.delta, Some(emu.users().len() as i32 + 1));
    let r = success!(update_stat(&mut raw, Some(start), false).await, UpdateStat);
    assert_eq!(r.delta, None);
    for requested in [true, false] {
        assert_eq!(
            update_stat(&mut raw, None, requested).await.status_code(),
            0
        );
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc08_get_special_table_hierarchy_and_address_creation_tables() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let teletex = Stat {
        code_page: CP_TELETEX,
        ..stat(0)
    };
    let special = |flags: u32, state: Option<Stat>, version: Option<u32>| {
        NspiRequest::GetSpecialTable(GetSpecialTableRequest {
            flags,
            state,
            version,
            auxiliary_buffer: Vec::new(),
        })
    };
    // NspiAddressCreationTemplates: the address creation table, a template entry ID per row.
    let t = success!(
        raw.call(special(0x2, Some(teletex), Some(0))).await,
        GetSpecialTable
    );
    assert_eq!(t.error_code, ErrorCode::SUCCESS);
    let rows = t.rows.unwrap();
    assert!(!rows.is_empty());
    let id = entry_bytes(find(&rows[0], tags::PID_TAG_ENTRY_ID).unwrap());
    let (_, parsed) = AddressBookEntryId::decode(&id).unwrap();
    assert_eq!(parsed.display_type, DisplayType::TEMPLATE);
    // Flags other than NspiAddressCreationTemplates / NspiUnicodeStrings change nothing;
    // without NspiUnicodeStrings names are PtypString8.
    let f0 = success!(
        raw.call(special(0x0, Some(teletex), Some(0))).await,
        GetSpecialTable
    );
    let f1 = success!(
        raw.call(special(0x1, Some(teletex), Some(0))).await,
        GetSpecialTable
    );
    assert_eq!(f0.error_code, ErrorCode::SUCCESS);
    assert_eq!(f0.rows, f1.rows);
    let gal_rows = f0.rows.unwrap();
    let name8 = tags::PID_TAG_DISPLAY_NAME.with_type(PropertyType::STRING8);
    assert!(gal_rows[1..].iter().all(|r| find(r, name8).is_some()));
    // The client's copy is current: no rows.
    let current = success!(
        raw.call(special(0, Some(stat(0)), f0.version)).await,
        GetSpecialTable
    );
    assert_eq!(current.rows, None);
    // Without a STAT.
    assert_eq!(raw.call(special(0x2, None, Some(0))).await.status_code(), 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc09_get_template_info_by_display_type_and_by_dn() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let info = |flags: u32, display_type: u32, dn: Option<String>, code_page: u32, locale: u32| {
        NspiRequest::GetTemplateInfo(GetTemplateInfoRequest {
            flags,
            display_type,
            template_dn: dn,
            code_page,
            locale_id: locale,
            auxiliary_buffer: Vec::new(),
        })
    };
    // TI_TEMPLATE for DT_MAILUSER: the template data.
    let t = success!(
        raw.call(info(0x1, 0, None, 1252, 0x409)).await,
        GetTemplateInfo
    );
    assert_eq!(t.error_code, ErrorCode::SUCCESS);
    let row = t.row.unwrap();
    assert!(find(&row, PID_TAG_TEMPLATE_DATA).is_some());
    // Flags the server does not know change nothing.
    let f0 = success!(
        raw.call(info(0x0, 0, None, 1252, 0x409)).await,
        GetTemplateInfo
    );
    let f2 = success!(
        raw.call(info(0x2, 0, None, 1252, 0x409)).await,
        GetTemplateInfo
    );
    assert_eq!(f0.error_code, ErrorCode::SUCCESS);
    assert_eq!(f0.row, f2.row);
    // A display type with no template (the cases send CP_WINUNICODE's number there).
    let odd = raw.call(info(0x1, 1200, None, 1252, 0x409)).await;
    assert_eq!(odd.status_code(), 0);
    assert_eq!(odd.error_code(), Some(ErrorCode::NOT_FOUND));
    // By the DN of the address creation table's template, TI_SCRIPT, CP_TELETEX.
    let table = success!(
        raw.call(NspiRequest::GetSpecialTable(GetSpecialTableRequest {
            flags: 0x2,
            state: Some(Stat {
                code_page: CP_TELETEX,
                ..stat(0)
            }),
            version: Some(0),
            auxiliary_buffer: Vec::new(),
        }))
        .await,
        GetSpecialTable
    );
    let id = entry_bytes(find(&table.rows.unwrap()[0], tags::PID_TAG_ENTRY_ID).unwrap());
    let dn = AddressBookEntryId::decode(&id).unwrap().1.x500_dn;
    let s = success!(
        raw.call(info(0x4, 0, Some(dn), CP_TELETEX, 0x409)).await,
        GetTemplateInfo
    );
    assert_eq!(s.error_code, ErrorCode::SUCCESS);
    assert!(find(&s.row.unwrap(), PID_TAG_SCRIPT_DATA).is_some());
    // An unknown locale, the Unicode code page, an unknown template DN.
    let lcid = raw.call(info(0x1, 0, None, 1252, 0x0411)).await;
    assert_eq!(lcid.error_code(), Some(ErrorCode::INVALID_LOCALE));
    let cp = raw.call(info(0x1, 0, None, 1200, 0x409)).await;
    assert_eq!(cp.error_code(), Some(ErrorCode::INVALID_CODEPAGE));
    let dn = raw
        .call(info(0x1, 0, Some("/o=x/cn=none".into()), 1252, 0x409))
        .await;
    assert_eq!(dn.error_code(), Some(ErrorCode::NOT_FOUND));
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc10_get_matches_exist_restriction_returns_an_explicit_table() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let exists = Restriction::Exist(tags::PID_TAG_ENTRY_ID);
    let m = success!(
        get_matches(
            &mut raw,
            Some(stat(0)),
            None,
            Some(exists.clone()),
            5000,
            Some(vec![tags::PID_TAG_DISPLAY_NAME])
        )
        .await,
        GetMatches
    );
    assert_eq!(m.error_code, ErrorCode::SUCCESS);
    let ids = m.minimal_ids.unwrap();
    assert_eq!(
        ids.len(),
        emu.users().len() + 1,
        "every row has an entry ID"
    );
    assert_eq!(m.rows.unwrap().rows.len(), ids.len());
    // Without a STAT: the success form.
    let r = get_matches(
        &mut raw,
        None,
        None,
        Some(exists),
        1,
        Some(vec![tags::PID_TAG_DISPLAY_NAME]),
    )
    .await;
    assert_eq!(r.status_code(), 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn get_matches_finds_by_anr_and_by_smtp_address_and_email_address() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let bob = emu.user("bob").unwrap().clone();
    let bob_mid = dn_to_mids(&mut raw, &[&bob.legacy_dn]).await[0];
    let property = |tag: PropertyTag, value: PropertyValue| {
        Restriction::Property(PropertyRestriction {
            relop: RelOp::EQ,
            prop_tag: tag,
            value: TaggedPropertyValue { tag, value },
        })
    };
    let string = |s: &str| PropertyValue::String(Box::new(s.into()));
    for filter in [
        property(tags::PID_TAG_ANR, string(&bob.smtp_address)),
        property(
            tags::PID_TAG_SMTP_ADDRESS,
            string(&bob.smtp_address.to_uppercase()),
        ),
        property(tags::PID_TAG_EMAIL_ADDRESS, string(&bob.legacy_dn)),
        property(
            tags::PID_TAG_ADDRESS_BOOK_PROXY_ADDRESSES.with_type(PropertyType::STRING),
            string(&format!("smtp:{}", bob.smtp_address)),
        ),
    ] {
        let m = success!(
            get_matches(
                &mut raw,
                Some(stat(0)),
                None,
                Some(filter.clone()),
                10,
                Some(vec![tags::PID_TAG_DISPLAY_NAME])
            )
            .await,
            GetMatches
        );
        assert_eq!(m.error_code, ErrorCode::SUCCESS, "{filter:?}");
        assert_eq!(m.minimal_ids, Some(vec![bob_mid]), "{filter:?}");
        assert_eq!(names_of(&m.rows.unwrap()), vec![bob.display_name.clone()]);
    }
    // ANR on a shared prefix finds several; a prefix content restriction on the name too.
    let anr = property(tags::PID_TAG_ANR, string("a"));
    let many = success!(
        get_matches(&mut raw, Some(stat(0)), None, Some(anr.clone()), 5000, None).await,
        GetMatches
    );
    assert!(many.minimal_ids.unwrap().len() > 1);
    let prefix = Restriction::Content(ContentRestriction {
        fuzzy_level_low: FuzzyLevelLow::PREFIX,
        fuzzy_level_high: FuzzyLevelHigh::IGNORECASE,
        prop_tag: tags::PID_TAG_DISPLAY_NAME,
        value: TaggedPropertyValue {
            tag: tags::PID_TAG_DISPLAY_NAME,
            value: string("bob b"),
        },
    });
    let p = success!(
        get_matches(&mut raw, Some(stat(0)), None, Some(prefix), 10, None).await,
        GetMatches
    );
    assert_eq!(p.minimal_ids, Some(vec![bob_mid]));
    // More matches than RowCount: TableTooBig; what the emulator cannot evaluate: TooComplex.
    let big = get_matches(&mut raw, Some(stat(0)), None, Some(anr), 1, None).await;
    assert_eq!(big.error_code(), Some(ErrorCode::TABLE_TOO_BIG));
    let size = Restriction::Size(SizeRestriction {
        relop: RelOp::GT,
        prop_tag: tags::PID_TAG_DISPLAY_NAME,
        size: 4,
    });
    let complex = get_matches(&mut raw, Some(stat(0)), None, Some(size), 10, None).await;
    assert_eq!(complex.error_code(), Some(ErrorCode::TOO_COMPLEX));
    // Or/Not: everyone but Bob in a department container.
    let not_bob = Restriction::Not(Box::new(property(
        tags::PID_TAG_SMTP_ADDRESS,
        string(&bob.smtp_address),
    )));
    let all = success!(
        get_matches(&mut raw, Some(stat(0)), None, Some(not_bob), 5000, None).await,
        GetMatches
    );
    assert_eq!(
        all.minimal_ids.unwrap().len(),
        emu.users().len(),
        "all users and the list but Bob"
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc11_query_rows_echoes_columns_and_ignores_unknown_flags() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let columns = vec![tags::PID_TAG_DISPLAY_NAME, tags::PID_TAG_DISPLAY_TYPE];
    let q = success!(
        query_rows(
            &mut raw,
            F_SKIP_OBJECTS,
            Some(stat(0)),
            Vec::new(),
            20,
            Some(columns.clone())
        )
        .await,
        QueryRows
    );
    assert_eq!(q.error_code, ErrorCode::SUCCESS);
    let set = q.rows.unwrap();
    assert_eq!(set.columns.0, columns);
    assert_eq!(set.rows.len(), 20);
    let q3 = success!(
        query_rows(
            &mut raw,
            0x3,
            Some(stat(0)),
            Vec::new(),
            20,
            Some(columns.clone())
        )
        .await,
        QueryRows
    );
    let q4 = success!(
        query_rows(
            &mut raw,
            0x4,
            Some(stat(0)),
            Vec::new(),
            20,
            Some(columns.clone())
        )
        .await,
        QueryRows
    );
    assert_eq!(
        q3.rows, q4.rows,
        "flags other than fEphID/fSkipObjects change nothing"
    );
    for (state, cols) in [(None, Some(columns.clone())), (None, None)] {
        assert_eq!(
            query_rows(&mut raw, F_SKIP_OBJECTS, state, Vec::new(), 20, cols)
                .await
                .status_code(),
            0
        );
    }
    // No columns: the default set, whose first column is the row's MId (PidTagAddressBookContainerId).
    let d = success!(
        query_rows(
            &mut raw,
            F_SKIP_OBJECTS,
            Some(stat(0)),
            Vec::new(),
            20,
            None
        )
        .await,
        QueryRows
    );
    let set = d.rows.unwrap();
    assert_eq!(set.columns.0[0], PID_TAG_ADDRESS_BOOK_CONTAINER_ID);
    assert!(
        set.columns
            .0
            .contains(&tags::PID_TAG_DISPLAY_NAME.with_type(PropertyType::STRING8))
    );
    let ids: HashSet<i32> = (0..set.rows.len())
        .map(|i| match cell(&set, i, PID_TAG_ADDRESS_BOOK_CONTAINER_ID) {
            Some(PropertyValue::Integer32(m)) => m,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ids.len(), 20, "one MId per row");
    emu.shutdown().await;
}

#[tokio::test]
async fn query_rows_and_get_props_give_ephemeral_entry_ids_with_f_eph_id() {
    let emu = emulator().await;
    let (mut raw, guid) = bound(&emu, "alice").await;
    let alice = emu.user("alice").unwrap().clone();
    let mid = dn_to_mids(&mut raw, &[&alice.legacy_dn]).await[0];
    let q = success!(
        query_rows(
            &mut raw,
            F_EPH_ID,
            Some(stat(0)),
            vec![mid],
            1,
            Some(vec![tags::PID_TAG_ENTRY_ID])
        )
        .await,
        QueryRows
    );
    let id = entry_bytes(&cell(&q.rows.unwrap(), 0, tags::PID_TAG_ENTRY_ID).unwrap());
    assert_eq!(id[0], 0x87);
    let (_, e) = EphemeralEntryId::decode(&id).unwrap();
    assert_eq!(
        (e.server_guid(), e.mid, e.display_type),
        (guid, mid, DisplayType::MAIL_USER)
    );
    // Without fEphID: the permanent form (type 0x00, the DN).
    let p = success!(
        get_props(
            &mut raw,
            0,
            Some(Stat {
                current_rec: mid,
                ..stat(0)
            }),
            Some(vec![tags::PID_TAG_ENTRY_ID])
        )
        .await,
        GetProps
    );
    let id = entry_bytes(find(&p.property_values.unwrap(), tags::PID_TAG_ENTRY_ID).unwrap());
    assert_eq!(id[0], 0x00);
    assert_eq!(
        AddressBookEntryId::decode(&id).unwrap().1.x500_dn,
        alice.legacy_dn
    );
    // Both forms name the object for ModLinkAtt (see below) and for GetProps an unknown MId
    // is NotFound.
    let unknown = get_props(
        &mut raw,
        0,
        Some(Stat {
            current_rec: 0x7777_7777,
            ..stat(0)
        }),
        None,
    )
    .await;
    assert_eq!(unknown.error_code(), Some(ErrorCode::NOT_FOUND));
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc12_resolve_names_mixed_names_and_optional_fields() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let alice = emu.user("alice").unwrap().clone();
    let columns = vec![tags::PID_TAG_DISPLAY_NAME];
    let resolve =
        |state: Option<Stat>, cols: Option<Vec<PropertyTag>>, names: Option<Vec<String>>| {
            NspiRequest::ResolveNames(ResolveNamesRequest {
                reserved: 0,
                state,
                property_tags: cols.map(LargePropertyTagArray),
                names,
                auxiliary_buffer: Vec::new(),
            })
        };
    let names = vec![
        alice.legacy_dn.clone(),
        String::new(),
        "a".into(),
        "XXXXXX".into(),
    ];
    let r = success!(
        raw.call(resolve(
            Some(stat(0)),
            Some(columns.clone()),
            Some(names.clone())
        ))
        .await,
        ResolveNames
    );
    assert_eq!(r.error_code, ErrorCode::SUCCESS);
    let mids = r.minimal_ids.unwrap();
    let alice_mid = dn_to_mids(&mut raw, &[&alice.legacy_dn]).await[0];
    assert_eq!(
        mids,
        vec![alice_mid, MID_UNRESOLVED, MID_AMBIGUOUS, MID_UNRESOLVED]
    );
    let rows = r.rows.unwrap();
    assert_eq!(rows.columns.0, columns);
    assert_eq!(names_of(&rows), vec![alice.display_name.clone()]);
    for (state, cols, names) in [
        (None, None, None),
        (Some(stat(0)), Some(columns.clone()), None),
        (None, Some(columns.clone()), Some(names.clone())),
    ] {
        assert_eq!(raw.call(resolve(state, cols, names)).await.status_code(), 0);
    }
    let d = success!(
        raw.call(resolve(Some(stat(0)), None, Some(names))).await,
        ResolveNames
    );
    assert_eq!(d.error_code, ErrorCode::SUCCESS);
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc13_seek_entries_positions_on_display_name_and_returns_explicit_rows() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let q = success!(
        query_rows(
            &mut raw,
            F_SKIP_OBJECTS,
            Some(stat(0)),
            Vec::new(),
            50,
            None
        )
        .await,
        QueryRows
    );
    let set = q.rows.unwrap();
    let table: Vec<u32> = (0..set.rows.len())
        .map(|i| match cell(&set, i, PID_TAG_ADDRESS_BOOK_CONTAINER_ID) {
            Some(PropertyValue::Integer32(m)) => m as u32,
            other => panic!("{other:?}"),
        })
        .collect();
    let moved = success!(
        update_stat(
            &mut raw,
            Some(Stat {
                delta: 1,
                ..q.state.unwrap()
            }),
            true
        )
        .await,
        UpdateStat
    );
    assert_eq!(moved.error_code, ErrorCode::SUCCESS);
    let target_name = "Bob";
    let seek = |state: Option<Stat>, explicit: Option<Vec<u32>>, tag: PropertyTag| {
        NspiRequest::SeekEntries(SeekEntriesRequest {
            reserved: 0,
            state,
            target: Some(AddressBookTaggedPropertyValue {
                tag,
                value: AddressBookPropertyValue::new(PropertyValue::String(Box::new(
                    target_name.into(),
                ))),
            }),
            explicit_table: explicit,
            columns: Some(LargePropertyTagArray(vec![tags::PID_TAG_DISPLAY_NAME])),
            auxiliary_buffer: Vec::new(),
        })
    };
    let s = success!(
        raw.call(seek(
            moved.state,
            Some(table.clone()),
            tags::PID_TAG_DISPLAY_NAME
        ))
        .await,
        SeekEntries
    );
    assert_eq!(s.error_code, ErrorCode::SUCCESS);
    let rows = s.rows.unwrap();
    assert_eq!(rows.columns.0, vec![tags::PID_TAG_DISPLAY_NAME]);
    let names = names_of(&rows);
    assert!(!names.is_empty());
    assert!(
        names
            .iter()
            .all(|n| n.to_lowercase() >= target_name.to_lowercase())
    );
    let pos = s.state.unwrap().num_pos as usize;
    assert_eq!(rows.rows.len(), table.len() - pos);
    assert_eq!(s.state.unwrap().current_rec, table[pos]);
    // On the GAL itself: the position, no rows.
    let g = success!(
        raw.call(seek(Some(stat(0)), None, tags::PID_TAG_DISPLAY_NAME))
            .await,
        SeekEntries
    );
    assert_eq!(g.error_code, ErrorCode::SUCCESS);
    assert_eq!(g.rows, None);
    assert!(g.state.unwrap().current_rec > 2);
    // Another property than the sort order: TooComplex; no STAT: the success form.
    let other = raw
        .call(seek(Some(stat(0)), None, tags::PID_TAG_SMTP_ADDRESS))
        .await;
    assert_eq!(other.error_code(), Some(ErrorCode::TOO_COMPLEX));
    assert_eq!(
        raw.call(seek(None, None, tags::PID_TAG_DISPLAY_NAME))
            .await
            .status_code(),
        0
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc14_tc15_get_prop_list_of_mid_0_and_query_columns_agree() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let prop_list = |flags: u32, mid: u32, code_page: u32| {
        NspiRequest::GetPropList(GetPropListRequest {
            flags,
            minimal_id: mid,
            code_page,
            auxiliary_buffer: Vec::new(),
        })
    };
    let columns = |flags: u32| {
        NspiRequest::QueryColumns(QueryColumnsRequest {
            reserved: 0,
            mapi_flags: flags,
            auxiliary_buffer: Vec::new(),
        })
    };
    let l1 = success!(raw.call(prop_list(0x1, 0, CP_TELETEX)).await, GetPropList);
    assert_eq!(l1.error_code, ErrorCode::SUCCESS);
    let l1 = l1.property_tags.unwrap().0;
    let unicode = success!(raw.call(columns(0x8000_0000)).await, QueryColumns);
    assert_eq!(unicode.error_code, ErrorCode::SUCCESS);
    let unicode = unicode.columns.unwrap().0;
    assert_eq!(l1.len(), unicode.len());
    assert!(unicode.contains(&tags::PID_TAG_DISPLAY_NAME));
    assert!(l1.contains(&tags::PID_TAG_DISPLAY_NAME.with_type(PropertyType::STRING8)));
    let l0 = success!(raw.call(prop_list(0x0, 0, CP_TELETEX)).await, GetPropList);
    let l2 = success!(raw.call(prop_list(0x2, 0, CP_TELETEX)).await, GetPropList);
    assert_eq!(l0.property_tags, l2.property_tags);
    let c0 = success!(raw.call(columns(0x0)).await, QueryColumns);
    let c1 = success!(raw.call(columns(0x1)).await, QueryColumns);
    assert_eq!(c0.columns, c1.columns);
    assert!(
        c0.columns
            .unwrap()
            .0
            .contains(&tags::PID_TAG_DISPLAY_NAME.with_type(PropertyType::STRING8))
    );
    // A user's list: what it has; an unknown MId: NotFound.
    let alice = emu.user("alice").unwrap().clone();
    let mid = dn_to_mids(&mut raw, &[&alice.legacy_dn]).await[0];
    let own = success!(
        raw.call(prop_list(0, mid, CP_WINUNICODE)).await,
        GetPropList
    )
    .property_tags
    .unwrap()
    .0;
    assert!(own.contains(&tags::PID_TAG_SMTP_ADDRESS));
    assert!(
        !own.iter()
            .any(|t| t.id() == tags::PID_TAG_ADDRESS_BOOK_MEMBER.id())
    );
    let none = raw.call(prop_list(0, 0x7777_7777, 1252)).await;
    assert_eq!(none.error_code(), Some(ErrorCode::NOT_FOUND));
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc16_get_props_on_the_first_row_with_flags() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let first = success!(update_stat(&mut raw, Some(stat(0)), true).await, UpdateStat).state;
    assert!(
        first.unwrap().current_rec > 2,
        "CurrentRec on the first row"
    );
    let name = vec![tags::PID_TAG_DISPLAY_NAME];
    let p = success!(
        get_props(&mut raw, F_EPH_ID, first, Some(name.clone())).await,
        GetProps
    );
    assert_eq!(p.error_code, ErrorCode::SUCCESS);
    let values = p.property_values.unwrap();
    assert_eq!(values.0.len(), 1);
    assert_eq!(values.0[0].tag, tags::PID_TAG_DISPLAY_NAME);
    let s = success!(
        get_props(&mut raw, F_SKIP_OBJECTS, first, Some(name.clone())).await,
        GetProps
    );
    assert_eq!(s.error_code, ErrorCode::SUCCESS);
    let f0 = success!(
        get_props(&mut raw, 0x0, first, Some(name.clone())).await,
        GetProps
    );
    let f8 = success!(
        get_props(&mut raw, 0x8, first, Some(name.clone())).await,
        GetProps
    );
    assert_eq!(f0.property_values, f8.property_values);
    assert_eq!(
        get_props(&mut raw, F_EPH_ID, None, None)
            .await
            .status_code(),
        0
    );
    assert_eq!(
        get_props(&mut raw, F_EPH_ID, None, Some(name))
            .await
            .status_code(),
        0
    );
    // No column list: every property the object has, strings in the STAT's code page.
    let all = success!(get_props(&mut raw, 0, first, None).await, GetProps);
    assert_eq!(all.error_code, ErrorCode::SUCCESS);
    let all = all.property_values.unwrap();
    let name8 = find(
        &all,
        tags::PID_TAG_DISPLAY_NAME.with_type(PropertyType::STRING8),
    )
    .unwrap();
    assert!(!string8_text(name8).is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc17_mod_props_publishes_the_callers_own_certificate_only() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let (alice, bob) = (
        emu.user("alice").unwrap().clone(),
        emu.user("bob").unwrap().clone(),
    );
    let mids = dn_to_mids(&mut raw, &[&alice.legacy_dn, &bob.legacy_dn]).await;
    let cert = tags::PID_TAG_ADDRESS_BOOK_X509_CERTIFICATE;
    let me = Stat {
        current_rec: mids[0],
        ..stat(0)
    };
    let m = success!(
        get_matches(
            &mut raw,
            Some(me),
            Some(vec![mids[0]]),
            None,
            1,
            Some(vec![cert])
        )
        .await,
        GetMatches
    );
    assert_eq!(m.error_code, ErrorCode::SUCCESS);
    assert_eq!(m.minimal_ids, Some(vec![mids[0]]));
    let modify = |state: Option<Stat>, values: Option<Vec<Vec<u8>>>, remove: bool| {
        NspiRequest::ModProps(ModPropsRequest {
            reserved: 0,
            state,
            property_tags_to_remove: remove.then(|| LargePropertyTagArray(vec![cert])),
            property_values: values.map(|v| {
                AddressBookPropertyValueList(vec![AddressBookTaggedPropertyValue {
                    tag: cert,
                    value: AddressBookPropertyValue::new(PropertyValue::MultipleBinary(Box::new(
                        v,
                    ))),
                }])
            }),
            auxiliary_buffer: Vec::new(),
        })
    };
    let der = vec![0x30, 0x82, 0x01, 0x0A];
    let state = m.state;
    let r = raw.call(modify(state, Some(vec![der.clone()]), true)).await;
    assert_eq!(
        (r.status_code(), r.error_code()),
        (0, Some(ErrorCode::SUCCESS))
    );
    let p = success!(
        get_props(&mut raw, 0, Some(me), Some(vec![cert])).await,
        GetProps
    );
    assert_eq!(
        find(&p.property_values.unwrap(), cert),
        Some(&PropertyValue::MultipleBinary(Box::new(vec![der.clone()])))
    );
    for (state, values, remove) in [
        (None, None, false),
        (state, Some(vec![der.clone()]), false),
        (state, None, true),
        (None, None, true),
        (None, Some(vec![der.clone()]), false),
    ] {
        assert_eq!(
            raw.call(modify(state, values, remove)).await.status_code(),
            0
        );
    }
    // Bob's certificate, or another property of her own: MAPI_E_NO_ACCESS.
    let bobs = Stat {
        current_rec: mids[1],
        ..stat(0)
    };
    let r = raw.call(modify(Some(bobs), Some(vec![der]), false)).await;
    assert_eq!(r.error_code(), Some(ErrorCode::ACCESS_DENIED));
    let title = raw
        .call(NspiRequest::ModProps(ModPropsRequest {
            reserved: 0,
            state: Some(me),
            property_tags_to_remove: None,
            property_values: Some(AddressBookPropertyValueList(vec![
                AddressBookTaggedPropertyValue {
                    tag: tags::PID_TAG_TITLE,
                    value: AddressBookPropertyValue::new(PropertyValue::String(Box::new(
                        "CEO".into(),
                    ))),
                },
            ])),
            auxiliary_buffer: Vec::new(),
        }))
        .await;
    assert_eq!(title.error_code(), Some(ErrorCode::ACCESS_DENIED));
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc18_mod_link_att_members_and_public_delegates() {
    let emu = emulator().await;
    // The list's owner is the first user of the directory, alice.
    let (mut raw, _) = bound(&emu, "alice").await;
    let columns = vec![
        tags::PID_TAG_DISPLAY_NAME,
        tags::PID_TAG_ENTRY_ID,
        tags::PID_TAG_DISPLAY_TYPE,
        dl_tag(PropertyType::MULTIPLE_STRING8),
    ];
    let q = success!(
        query_rows(
            &mut raw,
            F_SKIP_OBJECTS,
            Some(stat(0)),
            Vec::new(),
            1000,
            Some(columns)
        )
        .await,
        QueryRows
    );
    let set = q.rows.unwrap();
    let names = names_of(&set);
    let at = |name: &str| names.iter().position(|n| n.contains(name)).expect(name);
    let list_row = at(DISTRIBUTION_LIST_NAME);
    let list_id = entry_bytes(&cell(&set, list_row, tags::PID_TAG_ENTRY_ID).unwrap());
    let list_dn = AddressBookEntryId::decode(&list_id).unwrap().1.x500_dn;
    let list = dn_to_mids(&mut raw, &[&list_dn]).await[0];
    assert_eq!(list, distribution_list(&mut raw).await);
    let bob = emu.user("bob").unwrap().clone();
    let bob_id = entry_bytes(&cell(&set, at(&bob.display_name), tags::PID_TAG_ENTRY_ID).unwrap());
    let member8 = dl_tag(PropertyType::MULTIPLE_STRING8);
    let read = vec![tags::PID_TAG_DISPLAY_TYPE, member8];
    let on_list = Stat {
        current_rec: list,
        ..stat(0)
    };
    // Empty at first: PtypErrorCode NotFound in place of the members.
    let p = success!(
        get_props(&mut raw, 0, Some(on_list), Some(read.clone())).await,
        GetProps
    );
    let values = p.property_values.unwrap();
    assert_eq!(values.0[1].tag, member8.with_type(PropertyType::ERROR_CODE));
    assert_eq!(
        values.0[1].value.value,
        Some(PropertyValue::ErrorCode(ErrorCode::NOT_FOUND))
    );
    let embedded = dl_tag(PropertyType::OBJECT);
    assert_eq!(
        mod_link_att(&mut raw, 0, embedded, list, vec![bob_id.clone()]).await,
        ErrorCode::SUCCESS
    );
    let p = success!(
        get_props(&mut raw, 0, Some(on_list), Some(read.clone())).await,
        GetProps
    );
    let values = p.property_values.unwrap();
    assert_eq!(
        values.0[0].value.value,
        Some(PropertyValue::Integer32(DisplayType::DIST_LIST.0 as i32))
    );
    match &values.0[1].value.value {
        Some(PropertyValue::MultipleString8(v)) => {
            assert_eq!(v.len(), 1);
            assert_eq!(v[0].decode_text(1252), bob.legacy_dn);
        }
        other => panic!("members {other:?}"),
    }
    // The link table of the list lists Bob.
    let link = Stat {
        container_id: embedded.0,
        current_rec: list,
        ..stat(0)
    };
    let m = success!(
        get_matches(&mut raw, Some(link), None, None, 10, None).await,
        GetMatches
    );
    assert_eq!(m.minimal_ids.unwrap().len(), 1);
    // fDelete removes; flags other than fDelete add as 0 does.
    assert_eq!(
        mod_link_att(&mut raw, 1, embedded, list, vec![bob_id.clone()]).await,
        ErrorCode::SUCCESS
    );
    assert_eq!(
        mod_link_att(&mut raw, 2, embedded, list, vec![bob_id.clone()]).await,
        ErrorCode::SUCCESS
    );
    assert_eq!(
        mod_link_att(&mut raw, 1, embedded, list, vec![bob_id.clone()]).await,
        ErrorCode::SUCCESS
    );
    let p = success!(
        get_props(&mut raw, 0, Some(on_list), Some(read)).await,
        GetProps
    );
    assert_eq!(p.error_code, ErrorCode::ERRORS_RETURNED);

    // Public delegates: a user edits their own (bob adds alice), by an ephemeral entry ID.
    let (mut bob_raw, guid) = bound(&emu, "bob").await;
    let alice = emu.user("alice").unwrap().clone();
    let mids = dn_to_mids(&mut bob_raw, &[&bob.legacy_dn, &alice.legacy_dn]).await;
    let alice_eph = EphemeralEntryId::new(&guid, DisplayType::MAIL_USER, mids[1])
        .to_bytes()
        .unwrap();
    let delegates8 = delegates_tag(PropertyType::MULTIPLE_STRING8);
    let on_bob = Stat {
        current_rec: mids[0],
        ..stat(0)
    };
    let before = success!(
        get_props(
            &mut bob_raw,
            0,
            Some(on_bob),
            Some(vec![tags::PID_TAG_DISPLAY_TYPE, delegates8])
        )
        .await,
        GetProps
    );
    assert_eq!(before.error_code, ErrorCode::ERRORS_RETURNED);
    assert_eq!(
        mod_link_att(
            &mut bob_raw,
            0,
            delegates8,
            mids[0],
            vec![alice_eph.clone()]
        )
        .await,
        ErrorCode::SUCCESS
    );
    let after = success!(
        get_props(
            &mut bob_raw,
            0,
            Some(on_bob),
            Some(vec![tags::PID_TAG_DISPLAY_TYPE, delegates8])
        )
        .await,
        GetProps
    );
    assert_eq!(after.error_code, ErrorCode::SUCCESS);
    let values = after.property_values.unwrap();
    assert_eq!(values.0[0].value.value, Some(PropertyValue::Integer32(0)));
    assert!(
        matches!(&values.0[1].value.value, Some(PropertyValue::MultipleString8(v)) if v.len() == 1)
    );
    assert_eq!(
        mod_link_att(&mut bob_raw, 1, delegates8, mids[0], vec![alice_eph]).await,
        ErrorCode::SUCCESS
    );

    // Refusals: bob is not the list's owner, alice cannot edit bob's delegates, an unknown
    // object or entry ID, a property that is no link.
    assert_eq!(
        mod_link_att(&mut bob_raw, 0, embedded, list, vec![bob_id.clone()]).await,
        ErrorCode::ACCESS_DENIED
    );
    assert_eq!(
        mod_link_att(&mut raw, 0, delegates8, mids[0], vec![bob_id.clone()]).await,
        ErrorCode::ACCESS_DENIED
    );
    assert_eq!(
        mod_link_att(&mut raw, 0, embedded, 0x7777_7777, vec![bob_id]).await,
        ErrorCode::NOT_FOUND
    );
    let stranger = AddressBookEntryId::new(DisplayType::MAIL_USER, "/o=x/cn=nobody")
        .to_bytes()
        .unwrap();
    assert_eq!(
        mod_link_att(&mut raw, 0, embedded, list, vec![stranger]).await,
        ErrorCode::NOT_FOUND
    );
    assert_eq!(
        mod_link_att(&mut raw, 0, tags::PID_TAG_TITLE, list, vec![]).await,
        ErrorCode::ACCESS_DENIED
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc19_query_rows_error_typed_column_gives_flagged_errors() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let column = tags::PID_TAG_DISPLAY_NAME.with_type(PropertyType::ERROR_CODE);
    let q = success!(
        query_rows(
            &mut raw,
            F_SKIP_OBJECTS,
            Some(stat(0)),
            Vec::new(),
            5,
            Some(vec![column])
        )
        .await,
        QueryRows
    );
    assert_eq!(q.error_code, ErrorCode::SUCCESS);
    for row in q.rows.unwrap().rows {
        let AddressBookPropertyRow::Flagged(values) = row else {
            panic!("a flagged row")
        };
        assert_eq!(
            values[0].value,
            AddressBookFlaggedPropertyValue::Error(ErrorCode::NOT_FOUND)
        );
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc20_query_rows_string8_column_in_the_stat_code_page() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let column = tags::PID_TAG_DISPLAY_NAME.with_type(PropertyType::STRING8);
    let q = success!(
        query_rows(
            &mut raw,
            F_SKIP_OBJECTS,
            Some(stat(0)),
            Vec::new(),
            5,
            Some(vec![column])
        )
        .await,
        QueryRows
    );
    let set = q.rows.unwrap();
    assert_eq!(set.columns.0, vec![column]);
    for i in 0..set.rows.len() {
        assert!(!string8_text(&cell(&set, i, column).unwrap()).is_empty());
    }
    // Under CP_WINUNICODE a PtypString8 column comes back PtypString.
    let unicode = Stat {
        code_page: CP_WINUNICODE,
        ..stat(0)
    };
    let q = success!(
        query_rows(
            &mut raw,
            0,
            Some(unicode),
            Vec::new(),
            1,
            Some(vec![column])
        )
        .await,
        QueryRows
    );
    assert_eq!(q.rows.unwrap().columns.0, vec![tags::PID_TAG_DISPLAY_NAME]);
    emu.shutdown().await;
}

#[tokio::test]
async fn s02_tc21_multiple_string_member_column() {
    let emu = emulator().await;
    let (mut raw, _) = bound(&emu, "alice").await;
    let list = distribution_list(&mut raw).await;
    let carol = emu.user("carol").unwrap().clone();
    let carol_mid = dn_to_mids(&mut raw, &[&carol.legacy_dn]).await[0];
    let member = dl_tag(PropertyType::MULTIPLE_STRING);
    let on_list = Stat {
        current_rec: list,
        ..stat(0)
    };
    let before = success!(
        get_props(&mut raw, 0, Some(on_list), Some(vec![member])).await,
        GetProps
    );
    assert_eq!(before.error_code, ErrorCode::ERRORS_RETURNED);
    let carol_id = AddressBookEntryId::new(DisplayType::MAIL_USER, carol.legacy_dn.clone())
        .to_bytes()
        .unwrap();
    assert_eq!(
        mod_link_att(
            &mut raw,
            0,
            dl_tag(PropertyType::OBJECT),
            list,
            vec![carol_id]
        )
        .await,
        ErrorCode::SUCCESS
    );
    let q = success!(
        query_rows(
            &mut raw,
            0,
            Some(stat(0)),
            vec![list, carol_mid],
            2,
            Some(vec![tags::PID_TAG_DISPLAY_NAME, member])
        )
        .await,
        QueryRows
    );
    let set = q.rows.unwrap();
    assert_eq!(
        cell(&set, 0, member),
        Some(PropertyValue::MultipleString(Box::new(vec![
            carol.legacy_dn.clone()
        ])))
    );
    assert_eq!(cell(&set, 1, member), None, "carol is no list");
    assert!(matches!(set.rows[1], AddressBookPropertyRow::Flagged(_)));
    emu.shutdown().await;
}
