//! Address book bodies (MS-OXCMAPIHTTP 2.2.5) against known bytes: the recorded conversation
//! `fixtures/gromox/nspi-addressbook.har` (real server, see `fixtures/gromox/README.md`) and
//! structures built field by field from the specification's layouts.
//!
//! Every address book request of the recording must decode completely and re-encode byte for
//! byte; every `application/mapi-http` response must decode completely (after the meta-tag
//! framing is removed). The one request the server refused (entry 9, QueryColumns sent with
//! the specification's X-RequestType spelling, answered with X-ResponseCode 8 and an HTML
//! body) has a valid request body but no response body to decode.

use std::path::PathBuf;

use base64::Engine as _;
use mapi_http::wire::Wire;
use mapi_http::wire::mapihttp::RequestType;
use mapi_http::wire::mapihttp::framing::{FramerLimits, frame_all};
use mapi_http::wire::nspi::*;
use mapi_http::wire::property::{PropertyTag, PropertyType, PropertyValue};
use mapi_http::wire::restriction::Restriction;
use serde_json::Value;

fn b64(s: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .expect("base64")
}

fn header<'a>(headers: &'a Value, name: &str) -> Option<&'a str> {
    headers
        .as_array()?
        .iter()
        .rev()
        .find(|h| {
            h["name"]
                .as_str()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .and_then(|h| h["value"].as_str())
}

struct Exchange {
    index: usize,
    request_type: RequestType,
    request: Vec<u8>,
    response_code: Option<String>,
    response_mime: String,
    response: Vec<u8>,
}

fn exchanges() -> Vec<Exchange> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/gromox/nspi-addressbook.har");
    let har: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    har["log"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, e)| Exchange {
            index: i + 1,
            request_type: RequestType::parse(
                header(&e["request"]["headers"], "X-RequestType").unwrap(),
            ),
            request: b64(e["request"]["postData"]["text"]
                .as_str()
                .unwrap_or_default()),
            response_code: header(&e["response"]["headers"], "X-ResponseCode").map(str::to_owned),
            response_mime: e["response"]["content"]["mimeType"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            response: b64(e["response"]["content"]["text"]
                .as_str()
                .unwrap_or_default()),
        })
        .collect()
}

fn decoded() -> Vec<(Exchange, NspiRequest, Option<NspiResponse>)> {
    exchanges()
        .into_iter()
        .map(|x| {
            let req = NspiRequest::decode(&x.request_type, &x.request)
                .unwrap_or_else(|e| panic!("entry {} request: {e}", x.index));
            let resp = if x.response_code.as_deref() == Some("0")
                && x.response_mime.starts_with("application/mapi-http")
            {
                let framed = frame_all(&x.response, FramerLimits::default()).unwrap();
                Some(
                    NspiResponse::decode(&x.request_type, &framed.body)
                        .unwrap_or_else(|e| panic!("entry {} response: {e}", x.index)),
                )
            } else {
                None
            };
            (x, req, resp)
        })
        .collect()
}

#[test]
fn every_recorded_request_decodes_and_re_encodes_identically() {
    let all = decoded();
    assert_eq!(all.len(), 12);
    for (x, req, _) in &all {
        assert_eq!(req.to_bytes().unwrap(), x.request, "entry {}", x.index);
    }
}

#[test]
fn every_recorded_response_decodes_completely() {
    let all = decoded();
    let mut decoded_responses = 0;
    for (x, _, resp) in &all {
        match resp {
            Some(r) => {
                decoded_responses += 1;
                assert_eq!(r.status_code(), 0, "entry {}", x.index);
                // Re-encoding gives the same length (the server's 0xFF booleans become 0x01).
                assert_eq!(
                    r.to_bytes().unwrap().len(),
                    frame_all(&x.response, FramerLimits::default())
                        .unwrap()
                        .body
                        .len(),
                    "entry {}",
                    x.index
                );
            }
            None => {
                // Entry 9: QueryColumns refused with X-ResponseCode 8 and an HTML body.
                assert_eq!(x.index, 9);
                assert_eq!(x.response_code.as_deref(), Some("8"));
                assert_eq!(x.request_type, RequestType::QueryColumns);
            }
        }
    }
    assert_eq!(decoded_responses, 11);
}

#[test]
fn recorded_values_match_the_fixture_readme() {
    let all = decoded();
    let resp = |n: usize| all[n - 1].2.clone().unwrap();
    let req = |n: usize| all[n - 1].1.clone();

    // 1. Bind: CodePage 1252, locales 1033; ServerGuid returned.
    let NspiRequest::Bind(b) = req(1) else {
        panic!()
    };
    let st = b.state.unwrap();
    assert_eq!(
        (st.code_page, st.template_locale, st.sort_locale),
        (1252, 1033, 1033)
    );
    let NspiResponse::Bind(AddressBookResponse::Success(bind)) = resp(1) else {
        panic!()
    };
    assert_eq!(bind.error_code.0, 0);

    // 2. GetSpecialTable: 2 rows; the GAL's PidTagDisplayName has HasValue 0.
    let NspiRequest::GetSpecialTable(g) = req(2) else {
        panic!()
    };
    assert_eq!(g.flags, 4);
    assert_eq!(g.version, None);
    let NspiResponse::GetSpecialTable(AddressBookResponse::Success(gst)) = resp(2) else {
        panic!()
    };
    let rows = gst.rows.unwrap();
    assert_eq!(rows.len(), 2);
    let name = |row: &AddressBookPropertyValueList| {
        row.0
            .iter()
            .find(|v| v.tag == PropertyTag(0x3001_001F))
            .map(|v| v.value.value.clone())
            .unwrap()
    };
    assert_eq!(name(&rows[0]), None);
    assert_eq!(name(&rows[1]), Some(PropertyValue::string("example.test")));

    // 3. DNToMId: [0x11].
    let NspiResponse::DnToMId(AddressBookResponse::Success(d)) = resp(3) else {
        panic!()
    };
    assert_eq!(d.minimal_ids, Some(vec![0x11]));

    // 4. GetProps: 7 values, the 137-byte permanent EntryID, ObjectType 6, DisplayType 0.
    let NspiResponse::GetProps(AddressBookResponse::Success(p)) = resp(4) else {
        panic!()
    };
    let vals = p.property_values.unwrap();
    assert_eq!(vals.0.len(), 7);
    let get = |tag: u32| {
        vals.0
            .iter()
            .find(|v| v.tag.0 == tag)
            .unwrap()
            .value
            .value
            .clone()
            .unwrap()
    };
    assert_eq!(get(0x0FFF_0102).as_bytes().unwrap().len(), 137);
    assert_eq!(get(0x0FFE_0003).as_i32(), Some(6));
    assert_eq!(get(0x3900_0003).as_i32(), Some(0));
    assert_eq!(get(0x3001_001F).as_str(), Some("Alice Example"));

    // 5. QueryRows: 1 row, State.CurrentRec MID_END_OF_TABLE.
    let NspiResponse::QueryRows(AddressBookResponse::Success(q)) = resp(5) else {
        panic!()
    };
    assert_eq!(q.state.unwrap().current_rec, Stat::MID_END_OF_TABLE);
    let rs = q.rows.unwrap();
    assert_eq!(rs.columns.0.len(), 7);
    assert_eq!(rs.rows.len(), 1);
    assert!(matches!(rs.rows[0], AddressBookPropertyRow::Standard(ref v) if v.len() == 7));

    // 6. ResolveNames("alice"): MID_RESOLVED, 1 row, CodePage 1200.
    let NspiRequest::ResolveNames(r) = req(6) else {
        panic!()
    };
    assert_eq!(r.names, Some(vec!["alice".to_owned()]));
    let NspiResponse::ResolveNames(AddressBookResponse::Success(rn)) = resp(6) else {
        panic!()
    };
    assert_eq!(rn.code_page, 1200);
    assert_eq!(rn.minimal_ids, Some(vec![2]));
    assert_eq!(rn.rows.unwrap().rows.len(), 1);

    // 7. GetMatches(Exist(PidTagSmtpAddress)): [0x11], a 32-byte ephemeral EntryID.
    let NspiRequest::GetMatches(m) = req(7) else {
        panic!()
    };
    assert_eq!(m.filter, Some(Restriction::Exist(PropertyTag(0x39FE_001F))));
    assert_eq!(m.row_count, 10);
    let NspiResponse::GetMatches(AddressBookResponse::Success(gm)) = resp(7) else {
        panic!()
    };
    assert_eq!(gm.minimal_ids, Some(vec![0x11]));
    let rs = gm.rows.unwrap();
    let AddressBookPropertyRow::Standard(row) = &rs.rows[0] else {
        panic!()
    };
    let eid = row[3].value.value.as_ref().unwrap().as_bytes().unwrap();
    assert_eq!(eid.len(), 32);
    assert_eq!(eid[0], 0x87);
    assert_eq!(&eid[4..20], &bind.server_guid.to_bytes_le());

    // 8. GetPropList: 22 tags.
    let NspiResponse::GetPropList(AddressBookResponse::Success(pl)) = resp(8) else {
        panic!()
    };
    assert_eq!(pl.property_tags.unwrap().0.len(), 22);

    // 11. QueryColumn (the server's spelling), NspiUnicodeProptypes: 30 columns.
    assert_eq!(
        all[10].0.request_type,
        RequestType::Other("QueryColumn".into())
    );
    let NspiRequest::QueryColumns(qc) = req(11) else {
        panic!()
    };
    assert_eq!(qc.mapi_flags, 0x8000_0000);
    let NspiResponse::QueryColumns(AddressBookResponse::Success(c)) = resp(11) else {
        panic!()
    };
    let cols = c.columns.unwrap();
    assert_eq!(cols.0.len(), 30);
    assert!(
        cols.0
            .iter()
            .any(|t| t.prop_type() == PropertyType::MULTIPLE_STRING)
    );

    // 12. Unbind: UNBIND_SUCCESS.
    let NspiResponse::Unbind(AddressBookResponse::Success(u)) = resp(12) else {
        panic!()
    };
    assert_eq!(u.error_code.0, 1);
}

/// MS-OXNSPI 2.2.8 STAT: nine 4-byte fields in order, 36 bytes.
#[test]
fn stat_layout_field_by_field() {
    let mut bytes = Vec::new();
    for v in [1u32, 2, 3, (-4i32) as u32, 5, 6, 1252, 1033, 1034] {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    let st = Stat::from_bytes(&bytes).unwrap();
    assert_eq!(
        st,
        Stat {
            sort_type: 1,
            container_id: 2,
            current_rec: 3,
            delta: -4,
            num_pos: 5,
            total_recs: 6,
            code_page: 1252,
            template_locale: 1033,
            sort_locale: 1034,
        }
    );
    assert_eq!(st.to_bytes().unwrap(), bytes);
}

/// MS-OXCMAPIHTTP 2.2.5.2: Unbind request (Reserved, AuxiliaryBufferSize) and the failure form
/// of a response (StatusCode non-zero, AuxiliaryBufferSize, AuxiliaryBuffer).
#[test]
fn failure_form_and_unbind_layouts() {
    let req = UnbindRequest::from_bytes(&[0, 0, 0, 0, 2, 0, 0, 0, 0xAA, 0xBB]).unwrap();
    assert_eq!(req.auxiliary_buffer, vec![0xAA, 0xBB]);
    let fail = [0x05, 0, 0, 0, 1, 0, 0, 0, 0x42];
    let r = NspiResponse::decode(&RequestType::GetProps, &fail).unwrap();
    assert_eq!(r.status_code(), 5);
    assert_eq!(r.error_code(), None);
    assert_eq!(r.to_bytes().unwrap(), fail);
    assert!(NspiResponse::decode(&RequestType::Execute, &fail).is_err());
    assert!(NspiRequest::decode(&RequestType::Ping, &[]).is_err());
}
