//! ROP buffers built by hand from the MS-OXCROPS layouts, decoded end to end through the
//! Execute body, the RPC_HEADER_EXT chain and the RopBuffer, and malformed ones that must come
//! back as typed errors.
//!
//! The bytes are written with small builders that follow the specification's field order, not
//! with the crate's encoders, so a decoder and an encoder that agree on a wrong layout still
//! fail here.

use mapi_http::wire::entry_id::FolderId;
use mapi_http::wire::mapihttp::{ExecuteFlags, ExecuteRequest, ExecuteResponse};
use mapi_http::wire::property::{PropertyRow, PropertyTag, PropertyType, PropertyValue};
use mapi_http::wire::rop::RopId;
use mapi_http::wire::rop::any::{
    ColumnState, RopRequest, RopResponse, check_handle_indexes, decode_requests, decode_responses,
    encode_requests, encode_responses,
};
use mapi_http::wire::rop::folder::{GetTableResponse, OpenFolderResponse};
use mapi_http::wire::rop::property::GetPropertiesSpecificResponse;
use mapi_http::wire::rop::store::{LogonFlags, LogonResponse, LogonResponseFlags, LogonTime};
use mapi_http::wire::rop::table::{
    BookmarkOrigin, QueryRowsResponse, TableStatus, TableStatusResponse,
};
use mapi_http::wire::rpc_ext::{EncodeOptions, ExtFlags, decode_chain, encode_chain};
use mapi_http::wire::{DecodeError, ErrorCode, ErrorKind, RopBuffer, Wire};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

/// Little-endian bytes, field by field.
#[derive(Default, Clone)]
struct Bytes(Vec<u8>);

impl Bytes {
    fn new() -> Self {
        Self::default()
    }
    fn u8(mut self, v: u8) -> Self {
        self.0.push(v);
        self
    }
    fn u16(mut self, v: u16) -> Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    fn u32(mut self, v: u32) -> Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    fn u64(mut self, v: u64) -> Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    /// MS-OXCDATA GUIDs are Data1..3 little-endian, Data4 as is.
    fn guid(mut self, g: Uuid) -> Self {
        self.0.extend_from_slice(&g.to_bytes_le());
        self
    }
    fn raw(mut self, b: &[u8]) -> Self {
        self.0.extend_from_slice(b);
        self
    }
    fn ascii_z(self, s: &str) -> Self {
        self.raw(s.as_bytes()).u8(0)
    }
    fn utf16_z(mut self, s: &str) -> Self {
        for unit in s.encode_utf16().chain([0]) {
            self.0.extend_from_slice(&unit.to_le_bytes());
        }
        self
    }
    fn tags(self, tags: &[PropertyTag]) -> Self {
        let count = u16::try_from(tags.len()).unwrap();
        tags.iter().fold(self.u16(count), |b, t| b.u32(t.0))
    }
    fn done(self) -> Vec<u8> {
        self.0
    }
}

/// A ROP request or response: RopId first.
fn rop(id: RopId) -> Bytes {
    Bytes::new().u8(id.0)
}

/// A success response head: RopId, handle index, ReturnValue 0.
fn ok(id: RopId, handle_index: u8) -> Bytes {
    rop(id).u8(handle_index).u32(0)
}

/// MS-OXCROPS 2.2.1: RopSize (itself + RopsList), RopsList, ServerObjectHandleTable.
fn rop_buffer(rops: &[&[u8]], handles: &[u32]) -> Vec<u8> {
    let list = rops.concat();
    let size = u16::try_from(list.len() + 2).unwrap();
    handles
        .iter()
        .fold(Bytes::new().u16(size).raw(&list), |b, h| b.u32(*h))
        .done()
}

/// MS-OXCRPC 2.2.2.1: a single plain RPC_HEADER_EXT (Version 0, Flags Last) and its payload.
fn plain_chain(payload: &[u8]) -> Vec<u8> {
    let size = u16::try_from(payload.len()).unwrap();
    Bytes::new()
        .u16(0)
        .u16(ExtFlags::LAST.0)
        .u16(size)
        .u16(size)
        .raw(payload)
        .done()
}

const COMPRESSED_XOR: EncodeOptions = EncodeOptions {
    compress: true,
    xor_magic: true,
};

/// The chain with compression asked for and XOR applied. MS-OXCRPC 2.2.2.1 keeps Compressed
/// only when it makes the payload smaller, so the flag says whether LZ77 paid off.
fn packed_chain(payload: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let headers = encode_chain(&[payload], COMPRESSED_XOR, &mut out).unwrap();
    assert_eq!(headers.len(), 1);
    let flags = headers[0].flags;
    assert!(
        flags.contains(ExtFlags::XOR_MAGIC | ExtFlags::LAST),
        "{flags}"
    );
    let compressed = flags.contains(ExtFlags::COMPRESSED);
    assert_eq!(compressed, usize::from(headers[0].size) < payload.len());
    (out, compressed)
}

/// MS-OXCMAPIHTTP 2.2.4.2.1: Flags, RopBufferSize, RopBuffer, MaxRopOut, AuxiliaryBufferSize.
fn execute_request_body(flags: ExecuteFlags, chain: &[u8]) -> Vec<u8> {
    Bytes::new()
        .u32(flags.0)
        .u32(u32::try_from(chain.len()).unwrap())
        .raw(chain)
        .u32(0x0004_0000)
        .u32(0)
        .done()
}

/// MS-OXCMAPIHTTP 2.2.4.2.2: StatusCode, ErrorCode, Flags, RopBufferSize, RopBuffer,
/// AuxiliaryBufferSize.
fn execute_response_body(chain: &[u8]) -> Vec<u8> {
    Bytes::new()
        .u32(0)
        .u32(0)
        .u32(0)
        .u32(u32::try_from(chain.len()).unwrap())
        .raw(chain)
        .u32(0)
        .done()
}

// ROP requests (MS-OXCROPS 2.2.3.1.1, 2.2.8.3.1, 2.2.4.1.1, 2.2.4.13.1, 2.2.5.1.1, 2.2.5.4.1).

const ESSDN: &str = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=0a1b2c3d4e5f-alice";
const OPEN_FLAGS: u32 = 0x0100_0004 | 0x0000_0400; // UsePerMdbReplidMapping | HomeLogon | NoMail

fn logon_private(output_handle_index: u8) -> Vec<u8> {
    rop(RopId::LOGON)
        .u8(0) // LogonId
        .u8(output_handle_index)
        .u8(LogonFlags::PRIVATE.0)
        .u32(OPEN_FLAGS)
        .u32(0) // StoreState
        .u16(u16::try_from(ESSDN.len() + 1).unwrap())
        .ascii_z(ESSDN)
        .done()
}

fn get_properties_specific(input: u8, tags: &[PropertyTag]) -> Vec<u8> {
    rop(RopId::GET_PROPERTIES_SPECIFIC)
        .u8(0)
        .u8(input)
        .u16(0) // PropertySizeLimit
        .u16(1) // WantUnicode
        .tags(tags)
        .done()
}

fn open_folder(input: u8, output: u8, folder: FolderId) -> Vec<u8> {
    rop(RopId::OPEN_FOLDER)
        .u8(0)
        .u8(input)
        .u8(output)
        .u64(folder.0)
        .u8(0) // OpenModeFlags: ReadOnly
        .done()
}

fn get_hierarchy_table(input: u8, output: u8) -> Vec<u8> {
    rop(RopId::GET_HIERARCHY_TABLE)
        .u8(0)
        .u8(input)
        .u8(output)
        .u8(0x40) // TableFlags: UseUnicode
        .done()
}

fn set_columns(input: u8, tags: &[PropertyTag]) -> Vec<u8> {
    rop(RopId::SET_COLUMNS)
        .u8(0)
        .u8(input)
        .u8(0)
        .tags(tags)
        .done()
}

fn query_rows(input: u8, row_count: u16) -> Vec<u8> {
    rop(RopId::QUERY_ROWS)
        .u8(0)
        .u8(input)
        .u8(0) // QueryRowsFlags: Advance
        .u8(1) // ForwardRead
        .u16(row_count)
        .done()
}

// ROP responses.

fn folder_ids() -> [FolderId; 13] {
    std::array::from_fn(|n| FolderId(0x0100_0000_0000_0001 + ((n as u64) << 24)))
}
const IPM_SUBTREE: usize = 3;
const MAILBOX_GUID: Uuid = Uuid::from_u128(0x3f2504e0_4f89_11d3_9a0c_0305e82c3301);
const REPL_GUID: Uuid = Uuid::from_u128(0x0102_0304_0506_0708_090a_0b0c_0d0e_0f10);
const LOGON_TIME: LogonTime = LogonTime {
    seconds: 7,
    minutes: 30,
    hour: 14,
    day_of_week: 2,
    day: 11,
    month: 3,
    year: 2025,
};
const GWART_TIME: u64 = 0x01DB_9288_1234_5678;

fn logon_private_response(output_handle_index: u8) -> Vec<u8> {
    let b = ok(RopId::LOGON, output_handle_index).u8(LogonFlags::PRIVATE.0);
    folder_ids()
        .iter()
        .fold(b, |b, f| b.u64(f.0))
        .u8(LogonResponseFlags::RESERVED.0 | LogonResponseFlags::OWNER_RIGHT.0)
        .guid(MAILBOX_GUID)
        .u16(1) // ReplId
        .guid(REPL_GUID)
        .raw(&[7, 30, 14, 2, 11, 3])
        .u16(2025)
        .u64(GWART_TIME)
        .u32(0) // StoreState
        .done()
}

fn open_folder_response(output: u8) -> Vec<u8> {
    ok(RopId::OPEN_FOLDER, output).u8(0).u8(0).done() // HasRules, IsGhosted
}

fn get_hierarchy_table_response(output: u8, rows: u32) -> Vec<u8> {
    ok(RopId::GET_HIERARCHY_TABLE, output).u32(rows).done()
}

fn set_columns_response(input: u8) -> Vec<u8> {
    ok(RopId::SET_COLUMNS, input)
        .u8(TableStatus::COMPLETE.0)
        .done()
}

/// RopQueryRows success: Origin, RowCount, the rows as given.
fn query_rows_response(input: u8, origin: BookmarkOrigin, rows: &[Vec<u8>]) -> Vec<u8> {
    ok(RopId::QUERY_ROWS, input)
        .u8(origin.0)
        .u16(u16::try_from(rows.len()).unwrap())
        .raw(&rows.concat())
        .done()
}

// Properties used below.
const DISPLAY_NAME: PropertyTag = PropertyTag::new(0x3001_001F);
const MAILBOX_OWNER_NAME: PropertyTag = PropertyTag::new(0x661C_001F);
const MAX_SUBMIT_SIZE: PropertyTag = PropertyTag::new(0x666D_0003);
const STORE_SUPPORT_MASK: PropertyTag = PropertyTag::new(0x340D_0003);
const FOLDER_ID: PropertyTag = PropertyTag::new(0x6748_0014);
const CONTENT_COUNT: PropertyTag = PropertyTag::new(0x3602_0003);
const SUBFOLDERS: PropertyTag = PropertyTag::new(0x360A_000B);
const NOT_FOUND: u32 = 0x8004_010F;

const LOGON_TAGS: [PropertyTag; 4] = [
    DISPLAY_NAME,
    MAILBOX_OWNER_NAME,
    MAX_SUBMIT_SIZE,
    STORE_SUPPORT_MASK,
];
const HIERARCHY_COLUMNS: [PropertyTag; 4] = [FOLDER_ID, DISPLAY_NAME, CONTENT_COUNT, SUBFOLDERS];
const HIERARCHY: [(u64, &str, u32, bool); 3] = [
    (0x0100_0000_0000_0501, "Inbox", 12, true),
    (0x0100_0000_0000_0601, "Outbox", 0, false),
    (0x0100_0000_0000_0701, "Sent Items", 341, false),
];

/// MS-OXCDATA 2.8.1.2 FlaggedPropertyRow against LOGON_TAGS: two strings, an error, a value.
fn logon_property_row() -> Vec<u8> {
    Bytes::new()
        .u8(0x01) // Flag: flagged row
        .u8(0x00)
        .utf16_z("Alice Example")
        .u8(0x00)
        .utf16_z("Alice")
        .u8(0x0A)
        .u32(NOT_FOUND)
        .u8(0x00)
        .u32(0x0004_0E79)
        .done()
}

/// MS-OXCDATA 2.8.1.1 StandardPropertyRow against HIERARCHY_COLUMNS.
fn hierarchy_row(fid: u64, name: &str, count: u32, subfolders: bool) -> Vec<u8> {
    Bytes::new()
        .u8(0x00)
        .u64(fid)
        .utf16_z(name)
        .u32(count)
        .u8(u8::from(subfolders))
        .done()
}

/// The six requests of one realistic Execute: logon into h0, read its properties, open the
/// IPM subtree into h1, its hierarchy table into h2, set columns and read rows on h2.
fn request_rops() -> Vec<Vec<u8>> {
    vec![
        logon_private(0),
        get_properties_specific(0, &LOGON_TAGS),
        open_folder(0, 1, folder_ids()[IPM_SUBTREE]),
        get_hierarchy_table(1, 2),
        set_columns(2, &HIERARCHY_COLUMNS),
        query_rows(2, 50),
    ]
}

fn response_rops() -> Vec<Vec<u8>> {
    let rows: Vec<Vec<u8>> = HIERARCHY
        .iter()
        .map(|(f, n, c, s)| hierarchy_row(*f, n, *c, *s))
        .collect();
    vec![
        logon_private_response(0),
        ok(RopId::GET_PROPERTIES_SPECIFIC, 0)
            .raw(&logon_property_row())
            .done(),
        open_folder_response(1),
        get_hierarchy_table_response(2, 3),
        set_columns_response(2),
        query_rows_response(2, BookmarkOrigin::END, &rows),
    ]
}

const SERVER_HANDLES: [u32; 3] = [0x0000_0011, 0x0000_0022, 0x0000_0033];

fn refs(rops: &[Vec<u8>]) -> Vec<&[u8]> {
    rops.iter().map(Vec::as_slice).collect()
}

/// Offset of ROP `n` in a RopsList made of `rops`.
fn offset_of(rops: &[Vec<u8>], n: usize) -> usize {
    rops[..n].iter().map(Vec::len).sum()
}

// ---------------------------------------------------------------------------------------------
// Decoding helpers: body -> chain -> RopBuffer
// ---------------------------------------------------------------------------------------------

fn chain_payload(chain: &[u8]) -> Vec<u8> {
    let buffers = decode_chain(chain).expect("extended buffers");
    assert_eq!(buffers.len(), 1);
    assert!(buffers[0].is_last());
    buffers[0].payload.clone()
}

fn requests_of(rops: &[Vec<u8>]) -> Vec<RopRequest> {
    decode_requests(&rops.concat()).expect("requests")
}

fn decode_response_list(
    requests: &[Vec<u8>],
    responses: &[Vec<u8>],
) -> Result<mapi_http::wire::rop::any::ResponseList, DecodeError> {
    decode_responses(
        &requests_of(requests),
        &ColumnState::default(),
        &responses.concat(),
    )
}

// ---------------------------------------------------------------------------------------------
// 1. A realistic Execute, end to end
// ---------------------------------------------------------------------------------------------

fn check_requests(requests: &[RopRequest]) {
    assert_eq!(requests.len(), 6);
    let ids: Vec<RopId> = requests.iter().map(RopRequest::id).collect();
    assert_eq!(
        ids,
        [
            RopId::LOGON,
            RopId::GET_PROPERTIES_SPECIFIC,
            RopId::OPEN_FOLDER,
            RopId::GET_HIERARCHY_TABLE,
            RopId::SET_COLUMNS,
            RopId::QUERY_ROWS,
        ]
    );
    // The handle chain: h0 (logon) -> h1 (folder) -> h2 (table).
    let handles: Vec<(u8, Option<u8>)> = requests
        .iter()
        .map(|r| (r.input_handle_index(), r.output_handle_index()))
        .collect();
    assert_eq!(
        handles,
        [
            (0, Some(0)),
            (0, None),
            (0, Some(1)),
            (1, Some(2)),
            (2, None),
            (2, None),
        ]
    );
    let RopRequest::Logon(logon) = &requests[0] else {
        panic!("{:?}", requests[0]);
    };
    assert!(logon.logon_flags.contains(LogonFlags::PRIVATE));
    assert_eq!(logon.open_flags.0, OPEN_FLAGS);
    assert_eq!(logon.essdn.as_deref(), Some(ESSDN));
    let RopRequest::GetPropertiesSpecific(props) = &requests[1] else {
        panic!("{:?}", requests[1]);
    };
    assert_eq!(props.property_tags.0, LOGON_TAGS);
    assert_eq!(props.want_unicode, 1);
    let RopRequest::OpenFolder(open) = &requests[2] else {
        panic!("{:?}", requests[2]);
    };
    assert_eq!(open.folder_id, folder_ids()[IPM_SUBTREE]);
    let RopRequest::SetColumns(cols) = &requests[4] else {
        panic!("{:?}", requests[4]);
    };
    assert_eq!(cols.property_tags, HIERARCHY_COLUMNS);
    let RopRequest::QueryRows(q) = &requests[5] else {
        panic!("{:?}", requests[5]);
    };
    assert!(q.forward_read);
    assert_eq!(q.row_count, 50);
}

fn check_responses(responses: &[RopResponse]) {
    assert_eq!(responses.len(), 6);
    let RopResponse::Logon(LogonResponse::Private {
        output_handle_index: 0,
        logon_flags,
        folder_ids: ids,
        response_flags,
        mailbox_guid,
        repl_id: 1,
        repl_guid,
        logon_time,
        gwart_time,
        ..
    }) = &responses[0]
    else {
        panic!("{:?}", responses[0]);
    };
    assert_eq!(*logon_flags, LogonFlags::PRIVATE);
    assert_eq!(*ids, folder_ids());
    assert!(response_flags.contains(LogonResponseFlags::OWNER_RIGHT));
    assert_eq!(*mailbox_guid, MAILBOX_GUID);
    assert_eq!(*repl_guid, REPL_GUID);
    assert_eq!(*logon_time, LOGON_TIME);
    assert_eq!(*gwart_time, GWART_TIME);

    let RopResponse::GetPropertiesSpecific(GetPropertiesSpecificResponse::Success {
        input_handle_index: 0,
        row_data: row @ PropertyRow::Flagged(_),
    }) = &responses[1]
    else {
        panic!("{:?}", responses[1]);
    };
    assert_eq!(row.len(), 4);
    assert_eq!(
        row.get(0).and_then(PropertyValue::as_str),
        Some("Alice Example")
    );
    assert_eq!(row.get(1).and_then(PropertyValue::as_str), Some("Alice"));
    assert_eq!(row.get(2), None);
    assert_eq!(row.error(2), Some(ErrorCode(NOT_FOUND)));
    assert_eq!(row.get(3), Some(&PropertyValue::Integer32(0x0004_0E79)));

    assert_eq!(
        responses[2],
        RopResponse::OpenFolder(OpenFolderResponse::Success {
            output_handle_index: 1,
            has_rules: false,
            ghost: None,
        })
    );
    assert_eq!(
        responses[3],
        RopResponse::GetHierarchyTable(GetTableResponse::Success {
            output_handle_index: 2,
            row_count: 3,
        })
    );
    assert_eq!(
        responses[4],
        RopResponse::SetColumns(TableStatusResponse::Success {
            handle_index: 2,
            table_status: TableStatus::COMPLETE,
        })
    );
    let RopResponse::QueryRows(QueryRowsResponse::Success {
        handle_index: 2,
        origin: BookmarkOrigin::END,
        rows,
    }) = &responses[5]
    else {
        panic!("{:?}", responses[5]);
    };
    assert_eq!(rows.rows.len(), HIERARCHY.len());
    for (row, (fid, name, count, subfolders)) in rows.rows.iter().zip(HIERARCHY) {
        assert!(matches!(row, PropertyRow::Standard(_)), "{row:?}");
        assert_eq!(row.get(0), Some(&PropertyValue::Integer64(fid as i64)));
        assert_eq!(row.get(1).and_then(PropertyValue::as_str), Some(name));
        assert_eq!(row.get(2), Some(&PropertyValue::Integer32(count as i32)));
        assert_eq!(
            row.get(3).and_then(PropertyValue::as_bool),
            Some(subfolders)
        );
        assert_eq!(
            row.find(&HIERARCHY_COLUMNS, DISPLAY_NAME)
                .and_then(PropertyValue::as_str),
            Some(name)
        );
    }
}

/// Decodes an Execute request body fully and checks it re-encodes byte for byte.
fn execute_request_round_trip(body: &[u8], options: EncodeOptions) -> Vec<RopRequest> {
    let execute = ExecuteRequest::from_bytes(body).expect("Execute request body");
    assert_eq!(
        execute.flags,
        ExecuteFlags::NO_XOR_MAGIC | ExecuteFlags::CHAIN
    );
    assert_eq!(execute.max_rop_out, 0x0004_0000);
    assert!(execute.auxiliary_buffer.is_empty());
    let payload = chain_payload(&execute.rop_buffer);
    let buffer = RopBuffer::from_bytes(&payload).expect("ROP input buffer");
    assert_eq!(buffer.handles, [0xFFFF_FFFF; 3]);
    assert_eq!(buffer.rops, request_rops().concat());
    let requests = decode_requests(&buffer.rops).expect("requests");
    check_requests(&requests);
    check_handle_indexes(&requests, buffer.handles.len()).expect("indexes within the table");

    // Byte-exact, layer by layer.
    assert_eq!(encode_requests(&requests).unwrap(), buffer.rops);
    assert_eq!(buffer.to_bytes().unwrap(), payload);
    let mut chain = Vec::new();
    encode_chain(&[&payload], options, &mut chain).unwrap();
    assert_eq!(chain, execute.rop_buffer);
    assert_eq!(execute.to_bytes().unwrap(), body);
    requests
}

fn execute_response_round_trip(
    body: &[u8],
    requests: &[RopRequest],
    options: EncodeOptions,
) -> Vec<RopResponse> {
    let ExecuteResponse::Success {
        error_code,
        flags: 0,
        rop_buffer,
        auxiliary_buffer,
    } = ExecuteResponse::from_bytes(body).expect("Execute response body")
    else {
        panic!("not a success body");
    };
    assert_eq!(error_code, ErrorCode(0));
    assert!(auxiliary_buffer.is_empty());
    let payload = chain_payload(&rop_buffer);
    let buffer = RopBuffer::from_bytes(&payload).expect("ROP output buffer");
    assert_eq!(buffer.handles, SERVER_HANDLES);
    // SetColumns is in the same buffer, so no column state is needed from earlier Executes.
    let list =
        decode_responses(requests, &ColumnState::default(), &buffer.rops).expect("responses");
    assert_eq!(list.undecoded, None);
    check_responses(&list.responses);

    assert_eq!(
        encode_responses(requests, &ColumnState::default(), &list.responses).unwrap(),
        buffer.rops
    );
    assert_eq!(buffer.to_bytes().unwrap(), payload);
    let mut chain = Vec::new();
    encode_chain(&[&payload], options, &mut chain).unwrap();
    assert_eq!(chain, rop_buffer);
    assert_eq!(
        ExecuteResponse::Success {
            error_code,
            flags: 0,
            rop_buffer,
            auxiliary_buffer,
        }
        .to_bytes()
        .unwrap(),
        body
    );
    list.responses
}

fn request_payload() -> Vec<u8> {
    rop_buffer(&refs(&request_rops()), &[0xFFFF_FFFF; 3])
}

fn response_payload() -> Vec<u8> {
    rop_buffer(&refs(&response_rops()), &SERVER_HANDLES)
}

#[test]
fn realistic_execute_plain_chain_end_to_end() {
    let flags = ExecuteFlags::NO_XOR_MAGIC | ExecuteFlags::CHAIN;
    let body = execute_request_body(flags, &plain_chain(&request_payload()));
    let requests = execute_request_round_trip(&body, EncodeOptions::default());
    let body = execute_response_body(&plain_chain(&response_payload()));
    execute_response_round_trip(&body, &requests, EncodeOptions::default());
}

#[test]
fn realistic_execute_compressed_xor_chain_end_to_end() {
    let flags = ExecuteFlags::NO_XOR_MAGIC | ExecuteFlags::CHAIN;
    // The request (198 bytes, mostly the ESSDN) does not shrink under LZ77, so it travels
    // XOR-only; the response (13 folder ids, UTF-16 rows) does, so it is compressed too.
    let (request_chain, compressed) = packed_chain(&request_payload());
    assert!(!compressed);
    assert_ne!(
        request_chain[8..],
        request_payload()[..],
        "payload is obfuscated"
    );
    let body = execute_request_body(flags, &request_chain);
    let requests = execute_request_round_trip(&body, COMPRESSED_XOR);
    let (response_chain, compressed) = packed_chain(&response_payload());
    assert!(compressed);
    assert!(response_chain.len() < 8 + response_payload().len());
    let body = execute_response_body(&response_chain);
    execute_response_round_trip(&body, &requests, COMPRESSED_XOR);
}

#[test]
fn plain_and_packed_chains_carry_the_same_rop_buffer() {
    for payload in [request_payload(), response_payload()] {
        assert_eq!(chain_payload(&plain_chain(&payload)), payload);
        assert_eq!(chain_payload(&packed_chain(&payload).0), payload);
    }
}

#[test]
fn the_rop_buffer_layout_is_rop_size_list_then_table() {
    let payload = request_payload();
    let list_len = request_rops().concat().len();
    assert_eq!(
        usize::from(u16::from_le_bytes([payload[0], payload[1]])),
        list_len + 2
    );
    assert_eq!(payload.len(), 2 + list_len + 12);
    assert_eq!(payload[2], RopId::LOGON.0);
    assert_eq!(payload[payload.len() - 12..], [0xFF; 12]);
}

#[test]
fn every_prefix_of_the_response_list_is_an_error_or_a_shorter_list() {
    // The server may stop early (requests without responses are fine), but a response cut in
    // the middle never decodes.
    let rops = response_rops();
    let requests = requests_of(&request_rops());
    let all = rops.concat();
    let boundaries: Vec<usize> = (0..=rops.len()).map(|n| offset_of(&rops, n)).collect();
    for cut in 0..all.len() {
        let result = decode_responses(&requests, &ColumnState::default(), &all[..cut]);
        match boundaries.iter().position(|&b| b == cut) {
            Some(n) => assert_eq!(result.unwrap().responses.len(), n, "cut {cut}"),
            None => {
                let err = result.expect_err(&format!("cut {cut} inside a response"));
                let start = boundaries.iter().rev().find(|&&b| b < cut).unwrap();
                assert!(
                    (*start..=cut).contains(&err.offset),
                    "cut {cut}: {err} not inside the cut response at {start}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Malformed buffers are typed errors
// ---------------------------------------------------------------------------------------------

#[test]
fn rop_size_larger_than_the_buffer() {
    let mut payload = request_payload();
    let declared = u16::try_from(payload.len() + 1).unwrap();
    payload[..2].copy_from_slice(&declared.to_le_bytes());
    let err = RopBuffer::from_bytes(&payload).unwrap_err();
    assert_eq!(err.structure, "ROP buffer");
    assert_eq!(err.offset, 0);
    assert_eq!(
        err.kind,
        ErrorKind::LengthExceedsInput {
            field: "RopSize",
            declared: u64::from(declared),
            available: payload.len(),
        }
    );
    // Through the whole Execute path: the chain itself is fine, the ROP buffer is not.
    let body = execute_request_body(ExecuteFlags::CHAIN, &plain_chain(&payload));
    let execute = ExecuteRequest::from_bytes(&body).unwrap();
    let inner = chain_payload(&execute.rop_buffer);
    assert!(RopBuffer::from_bytes(&inner).is_err());
}

#[test]
fn rop_size_below_two_is_invalid() {
    for size in [0u16, 1] {
        let mut payload = request_payload();
        payload[..2].copy_from_slice(&size.to_le_bytes());
        let err = RopBuffer::from_bytes(&payload).unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidValue {
                field: "RopSize",
                value: u64::from(size),
            }
        );
    }
}

#[test]
fn handle_table_not_a_multiple_of_four() {
    let list_len = request_rops().concat().len();
    for extra in 1..4 {
        let mut payload = request_payload();
        payload.extend(std::iter::repeat_n(0xAB, extra));
        let err = RopBuffer::from_bytes(&payload).unwrap_err();
        assert_eq!(err.structure, "ServerObjectHandleTable");
        assert_eq!(
            err.offset,
            2 + list_len,
            "the table starts after RopSize + RopsList"
        );
        assert_eq!(
            err.kind,
            ErrorKind::Truncated {
                needed: 4 - (12 + extra) % 4
            }
        );
    }
}

#[test]
fn unknown_rop_id_in_a_request_list_reports_its_offset() {
    // 0x62 is no ROP at all; 0x3E (RopGetPermissionsTable) is one this crate has no layout for.
    for id in [0x62u8, 0x3E, 0x00] {
        let mut rops = request_rops();
        rops.insert(3, vec![id, 0, 1, 2, 0]);
        let err = decode_requests(&rops.concat()).unwrap_err();
        assert_eq!(err.structure, "ROP request");
        assert_eq!(err.offset, offset_of(&rops, 3), "0x{id:02X}");
        assert_eq!(
            err.kind,
            ErrorKind::InvalidValue {
                field: "RopId",
                value: u64::from(id),
            }
        );
    }
}

#[test]
fn a_truncated_request_in_the_list_is_an_error_not_a_short_list() {
    let rops = request_rops();
    let all = rops.concat();
    for cut in 1..all.len() {
        if (0..=rops.len()).any(|n| offset_of(&rops, n) == cut) {
            assert!(decode_requests(&all[..cut]).is_ok(), "cut {cut}");
        } else {
            let err = decode_requests(&all[..cut]).unwrap_err();
            assert!(err.offset <= cut, "cut {cut}: {err}");
        }
    }
}

#[test]
fn response_rop_id_not_answering_its_request() {
    let mut responses = response_rops();
    // The third request is RopOpenFolder; answer it with a RopGetHierarchyTable response.
    responses[2] = get_hierarchy_table_response(1, 0);
    let err = decode_response_list(&request_rops(), &responses).unwrap_err();
    assert_eq!(err.structure, "ROP response");
    assert_eq!(err.offset, offset_of(&responses, 2));
    assert_eq!(
        err.kind,
        ErrorKind::InvalidValue {
            field: "RopId (does not answer its request)",
            value: u64::from(RopId::GET_HIERARCHY_TABLE.0),
        }
    );
}

#[test]
fn more_responses_than_requests() {
    let requests = &request_rops()[..3];
    let responses = &response_rops()[..4];
    let err = decode_response_list(requests, responses).unwrap_err();
    assert_eq!(err.structure, "ROP response");
    assert_eq!(err.offset, offset_of(responses, 3));
    assert_eq!(
        err.kind,
        ErrorKind::InvalidValue {
            field: "RopId (a response with no request left)",
            value: u64::from(RopId::GET_HIERARCHY_TABLE.0),
        }
    );
    // The encoder refuses the same thing.
    let reqs = requests_of(requests);
    let list = decode_response_list(&request_rops(), &response_rops()).unwrap();
    assert!(encode_responses(&reqs, &ColumnState::default(), &list.responses[..4]).is_err());
}

#[test]
fn fewer_responses_than_requests_is_not_an_error() {
    let list = decode_response_list(&request_rops(), &response_rops()[..2]).unwrap();
    assert_eq!(list.responses.len(), 2);
    assert_eq!(list.undecoded, None);
}

/// A QueryRows response whose one row carries an extra PtypInteger32 value that the columns do
/// not announce: the row set ends before it, so its four bytes are read as what follows.
fn query_rows_with_extra_value(extra: u32) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let requests = request_rops();
    let mut responses = response_rops();
    let row = Bytes::new()
        .raw(&hierarchy_row(0x0100_0000_0000_0501, "Inbox", 12, true))
        .u32(extra)
        .done();
    responses[5] = query_rows_response(2, BookmarkOrigin::END, &[row]);
    (requests, responses)
}

#[test]
fn query_rows_row_with_more_values_than_columns_is_an_error() {
    // The leftover bytes start where the next response would: with no request left they are
    // "a response with no request left", whatever RopId their first byte spells.
    let rops_end = |responses: &[Vec<u8>]| responses.concat().len() - 4;
    for extra in [0x0000_0000u32, 0x0000_0015, 0x0000_0002, 0x1234_5678] {
        let (requests, responses) = query_rows_with_extra_value(extra);
        let err = decode_response_list(&requests, &responses).unwrap_err();
        assert_eq!(err.structure, "ROP response", "extra 0x{extra:08X}: {err}");
        assert_eq!(err.offset, rops_end(&responses), "extra 0x{extra:08X}");
        assert_eq!(
            err.kind,
            ErrorKind::InvalidValue {
                field: "RopId (a response with no request left)",
                value: u64::from(extra & 0xFF),
            }
        );
    }
}

#[test]
fn query_rows_extra_value_that_spells_an_unsolicited_rop_is_still_an_error() {
    // Leftover bytes whose first byte is an unsolicited RopId (RopNotify 0x2A, RopPending 0x6E,
    // RopBackoff 0xF9, RopBufferTooSmall 0xFF) must not be taken for that ROP silently.
    for extra in [0x0000_002Au32, 0x0000_006E, 0x0000_00F9, 0x0000_00FF] {
        let (requests, responses) = query_rows_with_extra_value(extra);
        let result = decode_response_list(&requests, &responses);
        assert!(
            result.is_err(),
            "extra 0x{extra:08X} decoded silently: {:?}",
            result.map(|l| l.responses.last().cloned())
        );
    }
}

#[test]
fn a_truncated_response_in_the_middle_of_the_list_reports_its_field() {
    // A PtypBinary value whose COUNT runs past the end of the RopsList, in the second of six
    // responses: the error points at that count, not at the end of the buffer.
    const ENTRY_ID: PropertyTag = PropertyTag::new(0x0FFF_0102);
    let mut requests = request_rops();
    requests[1] = get_properties_specific(0, &[ENTRY_ID]);
    let mut responses = response_rops();
    responses[1] = ok(RopId::GET_PROPERTIES_SPECIFIC, 0)
        .u8(0x00) // standard row
        .u16(0x4000) // COUNT: far more than is left
        .raw(&[1, 2, 3])
        .done();
    let total = responses.concat().len();
    let err = decode_response_list(&requests, &responses).unwrap_err();
    // RopId, InputHandleIndex, ReturnValue, the row flag, then the COUNT; the error is
    // reported where the promised bytes should start, just after it.
    let count_at = offset_of(&responses, 1) + 6 + 1;
    assert_eq!(err.offset, count_at + 2, "{err}");
    let ErrorKind::LengthExceedsInput {
        declared: 0x4000,
        available,
        ..
    } = err.kind
    else {
        panic!("{err}");
    };
    assert_eq!(available, total - count_at - 2);

    // And a fixed-size response cut short where the RopsList ends.
    let responses = &response_rops()[..3];
    let mut all = responses.concat();
    all.truncate(offset_of(responses, 2) + 3);
    let err =
        decode_responses(&requests_of(&request_rops()), &ColumnState::default(), &all).unwrap_err();
    assert_eq!(err.structure, "RopOpenFolder response");
    assert_eq!(
        err.offset,
        offset_of(responses, 2) + 2,
        "at ReturnValue: {err}"
    );
    assert!(matches!(err.kind, ErrorKind::Truncated { .. }), "{err}");
}

#[test]
fn query_rows_without_its_set_columns_is_an_undecoded_tail() {
    // The columns were set in an earlier Execute: this buffer has only GetHierarchyTable and
    // QueryRows on h2 after the logon.
    let requests = vec![
        logon_private(0),
        open_folder(0, 1, folder_ids()[IPM_SUBTREE]),
        query_rows(1, 10),
        get_hierarchy_table(1, 2),
    ];
    let query = query_rows_response(
        1,
        BookmarkOrigin::END,
        &[hierarchy_row(0x0100_0000_0000_0501, "Inbox", 12, true)],
    );
    let responses = vec![
        logon_private_response(0),
        open_folder_response(1),
        query.clone(),
        get_hierarchy_table_response(2, 3),
    ];
    let list = decode_response_list(&requests, &responses).unwrap();
    assert_eq!(list.responses.len(), 2);
    assert!(matches!(list.responses[0], RopResponse::Logon(_)));
    assert!(matches!(list.responses[1], RopResponse::OpenFolder(_)));
    let tail = list.undecoded.expect("an undecoded tail");
    assert_eq!(tail.offset, offset_of(&responses, 2));
    assert_eq!(tail.rop_id, RopId::QUERY_ROWS);
    assert!(tail.reason.contains("columns"), "{}", tail.reason);
    assert_eq!(tail.bytes, responses[2..].concat());

    // With the columns known from the earlier Execute, the same bytes decode.
    let mut known = ColumnState::default();
    known.by_index.insert(1, HIERARCHY_COLUMNS.to_vec());
    let reqs = requests_of(&requests);
    let list = decode_responses(&reqs, &known, &responses.concat()).unwrap();
    assert_eq!(list.undecoded, None);
    assert_eq!(list.responses.len(), 4);
    assert_eq!(
        encode_responses(&reqs, &known, &list.responses).unwrap(),
        responses.concat()
    );
}

#[test]
fn a_failed_query_rows_without_columns_is_still_undecoded() {
    // A failure response has no rows, but the walk cannot know it failed without reading it;
    // it stops at the first ROP whose layout needs the columns.
    let requests = vec![logon_private(0), query_rows(0, 10)];
    let responses = vec![
        logon_private_response(0),
        rop(RopId::QUERY_ROWS).u8(0).u32(0x8004_0102).done(),
    ];
    let list = decode_response_list(&requests, &responses).unwrap();
    assert_eq!(list.responses.len(), 1);
    assert_eq!(
        list.undecoded.map(|t| t.offset),
        Some(offset_of(&responses, 1))
    );
}

#[test]
fn buffer_too_small_carries_the_unprocessed_requests() {
    let requests = request_rops();
    // Two responses, then RopBufferTooSmall with the four unprocessed requests.
    let mut responses = response_rops()[..2].to_vec();
    responses.push(
        rop(RopId::BUFFER_TOO_SMALL)
            .u16(0x1000) // SizeNeeded
            .raw(&requests[2..].concat())
            .done(),
    );
    let list = decode_response_list(&requests, &responses).unwrap();
    assert_eq!(list.responses.len(), 3);
    let RopResponse::BufferTooSmall(b) = &list.responses[2] else {
        panic!("{:?}", list.responses[2]);
    };
    assert_eq!(b.size_needed, 0x1000);
    assert_eq!(b.request_buffers, requests[2..].concat());
    assert_eq!(
        decode_requests(&b.request_buffers).unwrap(),
        requests_of(&requests[2..])
    );
    let reqs = requests_of(&requests);
    assert_eq!(
        encode_responses(&reqs, &ColumnState::default(), &list.responses).unwrap(),
        responses.concat()
    );
}

#[test]
fn bytes_after_buffer_too_small_are_an_error() {
    // Every request was answered, yet a RopBufferTooSmall and another response follow: the
    // RopBufferTooSmall cannot be genuine (it carries the requests not processed, and there
    // are none), and what follows it is not part of any response.
    let requests = &request_rops()[..2];
    let mut responses = response_rops()[..2].to_vec();
    responses.push(rop(RopId::BUFFER_TOO_SMALL).u16(0x1000).done());
    responses.push(open_folder_response(1));
    let err = decode_response_list(requests, &responses).unwrap_err();
    assert_eq!(err.offset, offset_of(&responses, 2), "{err}");
    assert_eq!(err.structure, "RopBufferTooSmall");
}

// ---------------------------------------------------------------------------------------------
// 3. Handle indexes past the handle table
// ---------------------------------------------------------------------------------------------

fn index_error(offset: usize, value: u8) -> DecodeError {
    DecodeError {
        structure: "ROP request",
        offset,
        kind: ErrorKind::InvalidValue {
            field: "handle index past the handle table",
            value: u64::from(value),
        },
    }
}

#[test]
fn handle_indexes_within_the_table_pass() {
    let requests = requests_of(&request_rops());
    assert_eq!(check_handle_indexes(&requests, 3), Ok(()));
    assert_eq!(check_handle_indexes(&requests, 255), Ok(()));
    assert_eq!(check_handle_indexes(&[], 0), Ok(()));
}

#[test]
fn an_output_index_past_the_table_is_reported_at_its_rop() {
    // h2 (the hierarchy table) does not fit a two-slot table: RopGetHierarchyTable is the
    // first request to name it.
    let rops = request_rops();
    let requests = requests_of(&rops);
    assert_eq!(
        check_handle_indexes(&requests, 2),
        Err(index_error(offset_of(&rops, 3), 2))
    );
}

#[test]
fn an_input_index_past_the_table_is_reported_at_its_rop() {
    let mut rops = request_rops();
    rops[4] = set_columns(7, &HIERARCHY_COLUMNS);
    let requests = requests_of(&rops);
    assert_eq!(
        check_handle_indexes(&requests, 3),
        Err(index_error(offset_of(&rops, 4), 7))
    );
}

#[test]
fn logon_is_checked_on_its_output_handle_index() {
    let rops = vec![logon_private(5), get_properties_specific(0, &LOGON_TAGS)];
    let requests = requests_of(&rops);
    assert_eq!(requests[0].input_handle_index(), 5);
    assert_eq!(check_handle_indexes(&requests, 3), Err(index_error(0, 5)));
    assert_eq!(check_handle_indexes(&requests, 6), Ok(()));
}

#[test]
fn an_empty_handle_table_rejects_the_first_request() {
    let rops = request_rops();
    let requests = requests_of(&rops);
    assert_eq!(check_handle_indexes(&requests, 0), Err(index_error(0, 0)));
}

#[test]
fn handle_index_offsets_match_the_decoded_buffer() {
    // Every request, alone past the table, is reported at the offset where decode_requests
    // found it.
    let rops = request_rops();
    for n in 0..rops.len() {
        let mut rops = rops.clone();
        rops[n][2] = 0xEE; // LogonId, then the first handle index, in every one of these ROPs
        let requests = requests_of(&rops);
        let err = check_handle_indexes(&requests, 3).unwrap_err();
        assert_eq!(err, index_error(offset_of(&rops, n), 0xEE), "ROP {n}");
    }
}

#[test]
fn the_tags_used_here_have_the_expected_types() {
    // The row builders above lay values out by these types.
    assert_eq!(FOLDER_ID.prop_type(), PropertyType::INTEGER64);
    assert_eq!(DISPLAY_NAME.prop_type(), PropertyType::STRING);
    assert_eq!(SUBFOLDERS.prop_type(), PropertyType::BOOLEAN);
}
