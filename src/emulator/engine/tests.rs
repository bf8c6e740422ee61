//! Engine tests against a small handler with toy objects: a logon, folders, contents tables of
//! integer rows, streams of bytes.
//!
//! Compiled only under `#[cfg(test)]` (declared so in `engine/mod.rs`).

use super::*;
use crate::wire::entry_id::FolderId;
use crate::wire::property::{PropertyRow, PropertyRowSet, PropertyValue, StandardPropertyRow};
use crate::wire::rop::any::{
    ColumnState, DecodedOutputBuffer, LogonKinds, decode_output_buffers, decode_requests,
    encode_requests, join_packed,
};
use crate::wire::rop::folder::{
    GetContentsTableRequest, GetTableResponse, OpenFolderRequest, OpenFolderResponse,
    OpenModeFlags, TableFlags,
};
use crate::wire::rop::notify::{NotificationData, NotificationFlags};
use crate::wire::rop::special::{BackoffRop, ReleaseRequest};
use crate::wire::rop::store::{LogonFlags, LogonRequest, LogonResponse, OpenFlags, StoreState};
use crate::wire::rop::stream::{
    OpenStreamRequest, OpenStreamResponse, ReadStreamRequest, ReadStreamResponse,
    StreamOpenModeFlags,
};
use crate::wire::rop::table::{
    AsyncFlags, BookmarkOrigin, QueryRowsFlags, QueryRowsRequest, QueryRowsResponse,
    SetColumnsRequest, TableStatus, TableStatusResponse,
};
use crate::wire::rop::{ResponseHeader, RopId};
use crate::wire::rpc_ext::ExtFlags;
use proptest::prelude::*;

const INBOX: u64 = 0x0001_0000_0000_0001;
const ROW_TAG: PropertyTag = PropertyTag::new(0x0E08_0003);

#[derive(Debug)]
enum Toy {
    Logon,
    Folder,
    Table {
        columns: Option<Vec<PropertyTag>>,
        rows: Vec<i32>,
        cursor: usize,
        /// Rows given to the RopQueryRows being answered (across its packed continuations).
        given: usize,
    },
    Stream {
        data: Vec<u8>,
        position: usize,
        given: usize,
    },
}

impl Toy {
    fn kind(&self) -> &'static str {
        match self {
            Toy::Logon => "logon",
            Toy::Folder => "folder",
            Toy::Table { .. } => "table",
            Toy::Stream { .. } => "stream",
        }
    }
}

/// Answers the ROPs the tests use from its toy objects; every other ROP fails with
/// ecNotSupported, which exercises each ROP's failure layout.
struct ToyHandler {
    rows: usize,
    stream: Vec<u8>,
    released: Vec<(u32, &'static str)>,
}

impl ToyHandler {
    fn new(rows: usize) -> Self {
        ToyHandler {
            rows,
            stream: (0..100_000u32).map(|n| (n % 251) as u8).collect(),
            released: Vec::new(),
        }
    }
}

/// RopQueryRows success without rows: RopId, index, ReturnValue, Origin, RowCount.
const QUERY_ROWS_FIXED: usize = 9;
/// One row of one PtypInteger32 column: the StandardPropertyRow flag byte and the value.
const ROW_SIZE: usize = 5;
/// RopReadStream success without data: RopId, index, ReturnValue, DataSize.
const READ_STREAM_FIXED: usize = 8;

impl RopHandler for ToyHandler {
    type Object = Toy;

    fn handle(&mut self, cx: &mut RopCx<'_, Toy>, request: &RopRequest) -> Outcome<Toy> {
        match request {
            RopRequest::Logon(r) => Outcome::created(
                RopResponse::Logon(LogonResponse::Public {
                    output_handle_index: r.output_handle_index,
                    logon_flags: r.logon_flags,
                    folder_ids: [FolderId(INBOX); 13],
                    repl_id: 1,
                    repl_guid: uuid::Uuid::nil(),
                    per_user_guid: uuid::Uuid::nil(),
                }),
                Toy::Logon,
            ),
            RopRequest::OpenFolder(r) => {
                if !matches!(cx.input(), Some(Toy::Logon | Toy::Folder)) {
                    return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
                }
                if r.folder_id != FolderId(INBOX) {
                    return Outcome::fail(request, ErrorCode::NOT_FOUND);
                }
                Outcome::created(
                    RopResponse::OpenFolder(OpenFolderResponse::Success {
                        output_handle_index: r.output_handle_index,
                        has_rules: false,
                        ghost: None,
                    }),
                    Toy::Folder,
                )
            }
            RopRequest::GetContentsTable(r) => {
                if !matches!(cx.input(), Some(Toy::Folder)) {
                    return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
                }
                let rows: Vec<i32> = (0..self.rows as i32).collect();
                Outcome::created(
                    RopResponse::GetContentsTable(GetTableResponse::Success {
                        output_handle_index: r.output_handle_index,
                        row_count: rows.len() as u32,
                    }),
                    Toy::Table {
                        columns: None,
                        rows,
                        cursor: 0,
                        given: 0,
                    },
                )
            }
            RopRequest::SetColumns(r) => match cx.input_mut() {
                Some(Toy::Table { columns, .. }) => {
                    *columns = Some(r.property_tags.clone());
                    Outcome::respond(RopResponse::SetColumns(TableStatusResponse::Success {
                        handle_index: r.input_handle_index,
                        table_status: TableStatus(0),
                    }))
                }
                _ => Outcome::fail(request, ErrorCode::NOT_SUPPORTED),
            },
            RopRequest::QueryRows(r) => {
                let continuation = cx.continuation();
                let room = cx.room();
                let can_pack =
                    cx.can_pack() && r.flags.contains(QueryRowsFlags::ENABLE_PACKED_BUFFERS);
                let Some(Toy::Table {
                    columns: Some(_),
                    rows,
                    cursor,
                    given,
                }) = cx.input_mut()
                else {
                    return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
                };
                if continuation == 0 {
                    *given = 0;
                }
                let wanted = usize::from(r.row_count).saturating_sub(*given);
                let fit = room.saturating_sub(QUERY_ROWS_FIXED) / ROW_SIZE;
                let available = rows.len().saturating_sub(*cursor);
                let n = wanted.min(fit).min(available);
                let out: Vec<PropertyRow> = rows[*cursor..*cursor + n]
                    .iter()
                    .map(|v| {
                        PropertyRow::Standard(StandardPropertyRow {
                            values: vec![PropertyValue::Integer32(*v)],
                        })
                    })
                    .collect();
                *cursor += n;
                *given += n;
                let more = can_pack && n < wanted && *cursor < rows.len();
                let origin = if *cursor >= rows.len() { 2 } else { 1 };
                Outcome::respond(RopResponse::QueryRows(QueryRowsResponse::Success {
                    handle_index: r.input_handle_index,
                    origin: BookmarkOrigin(origin),
                    rows: PropertyRowSet { rows: out },
                }))
                .with_more(more)
            }
            RopRequest::OpenStream(r) => {
                if cx.input().is_none() {
                    return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
                }
                Outcome::created(
                    RopResponse::OpenStream(OpenStreamResponse::Success {
                        output_handle_index: r.output_handle_index,
                        stream_size: self.stream.len() as u32,
                    }),
                    Toy::Stream {
                        data: self.stream.clone(),
                        position: 0,
                        given: 0,
                    },
                )
            }
            RopRequest::ReadStream(r) => {
                let continuation = cx.continuation();
                let room = cx.room();
                let can_pack = cx.can_pack();
                let Some(Toy::Stream {
                    data,
                    position,
                    given,
                }) = cx.input_mut()
                else {
                    return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
                };
                if continuation == 0 {
                    *given = 0;
                }
                let wanted = usize::from(r.byte_count).saturating_sub(*given);
                let n = wanted
                    .min(room.saturating_sub(READ_STREAM_FIXED))
                    .min(data.len() - *position);
                let chunk = data[*position..*position + n].to_vec();
                *position += n;
                *given += n;
                let more = can_pack && n < wanted && *position < data.len();
                Outcome::respond(RopResponse::ReadStream(ReadStreamResponse {
                    header: ResponseHeader {
                        handle_index: r.input_handle_index,
                        return_value: ErrorCode::SUCCESS,
                    },
                    data: chunk,
                }))
                .with_more(more)
            }
            _ => Outcome::fail(request, ErrorCode::NOT_SUPPORTED),
        }
    }

    fn released(&mut self, handle: u32, object: Toy) {
        self.released.push((handle, object.kind()));
    }

    fn table_columns(&self, object: &Toy) -> Option<Vec<PropertyTag>> {
        match object {
            Toy::Table { columns, .. } => columns.clone(),
            _ => None,
        }
    }
}

// ---- request builders ----

fn logon(logon_id: u8, out: u8) -> RopRequest {
    RopRequest::Logon(LogonRequest {
        logon_id,
        output_handle_index: out,
        logon_flags: LogonFlags(0),
        open_flags: OpenFlags(0x0100_0000),
        store_state: StoreState(0),
        essdn: None,
    })
}

fn open_folder(input: u8, out: u8, folder: u64) -> RopRequest {
    RopRequest::OpenFolder(OpenFolderRequest {
        logon_id: 0,
        input_handle_index: input,
        output_handle_index: out,
        folder_id: FolderId(folder),
        open_mode_flags: OpenModeFlags(0),
    })
}

fn contents_table(input: u8, out: u8) -> RopRequest {
    RopRequest::GetContentsTable(GetContentsTableRequest {
        logon_id: 0,
        input_handle_index: input,
        output_handle_index: out,
        table_flags: TableFlags(0),
    })
}

fn set_columns(input: u8) -> RopRequest {
    RopRequest::SetColumns(SetColumnsRequest {
        logon_id: 0,
        input_handle_index: input,
        flags: AsyncFlags(0),
        property_tags: vec![ROW_TAG],
    })
}

fn query_rows(input: u8, row_count: u16, packed: bool) -> RopRequest {
    let flags = if packed {
        QueryRowsFlags::ENABLE_PACKED_BUFFERS
    } else {
        QueryRowsFlags(0)
    };
    RopRequest::QueryRows(QueryRowsRequest {
        logon_id: 0,
        input_handle_index: input,
        flags,
        forward_read: true,
        row_count,
    })
}

fn open_stream(input: u8, out: u8) -> RopRequest {
    RopRequest::OpenStream(OpenStreamRequest {
        logon_id: 0,
        input_handle_index: input,
        output_handle_index: out,
        property_tag: PropertyTag::new(0x1000_0102),
        open_mode_flags: StreamOpenModeFlags(0),
    })
}

fn read_stream(input: u8, byte_count: u16) -> RopRequest {
    RopRequest::ReadStream(ReadStreamRequest {
        logon_id: 0,
        input_handle_index: input,
        byte_count,
        maximum_byte_count: None,
    })
}

fn release(index: u8) -> RopRequest {
    RopRequest::Release(ReleaseRequest {
        logon_id: 0,
        input_handle_index: index,
    })
}

fn rop_input(requests: &[RopRequest], handles: Vec<u32>) -> Vec<u8> {
    let payload = RopBuffer {
        rops: encode_requests(requests).unwrap(),
        handles,
    }
    .to_bytes()
    .unwrap();
    let mut out = Vec::new();
    rpc_ext::encode_extended_buffer(&payload, EncodeOptions::default(), true, &mut out).unwrap();
    out
}

fn execute_request(
    requests: &[RopRequest],
    handles: Vec<u32>,
    flags: ExecuteFlags,
    max_rop_out: u32,
) -> ExecuteRequest {
    ExecuteRequest {
        flags,
        rop_buffer: rop_input(requests, handles),
        max_rop_out,
        auxiliary_buffer: Vec::new(),
    }
}

const PLAIN: ExecuteFlags = ExecuteFlags(0x3);

/// The extended buffers of a response's rgbOut, decoded.
fn out_chain(response: &ExecuteResponse) -> Vec<rpc_ext::ExtendedBuffer> {
    let ExecuteResponse::Success {
        error_code,
        flags,
        rop_buffer,
        auxiliary_buffer,
    } = response
    else {
        panic!("not a success body: {response:?}");
    };
    assert_eq!(*error_code, ErrorCode::SUCCESS);
    assert_eq!(*flags, 0);
    assert!(auxiliary_buffer.is_empty());
    rpc_ext::decode_chain(rop_buffer).unwrap()
}

fn run(
    engine: &mut Engine<ToyHandler>,
    requests: &[RopRequest],
    handles: Vec<u32>,
    flags: ExecuteFlags,
    max_rop_out: u32,
    known: &ColumnState,
) -> Vec<DecodedOutputBuffer> {
    let response = engine
        .execute(&execute_request(requests, handles, flags, max_rop_out))
        .unwrap();
    let chain = out_chain(&response);
    let payloads: Vec<&[u8]> = chain.iter().map(|b| &b.payload[..]).collect();
    decode_output_buffers(requests, known, &payloads).unwrap()
}

/// The ReturnValue of an answer (every answer has one after RopId and a handle index).
fn return_value(response: &RopResponse) -> ErrorCode {
    let mut bytes = Vec::new();
    let request = match response {
        RopResponse::Logon(_) => logon(0, 0),
        RopResponse::OpenFolder(_) => open_folder(0, 0, 0),
        RopResponse::GetContentsTable(_) => contents_table(0, 0),
        RopResponse::SetColumns(_) => set_columns(0),
        RopResponse::QueryRows(_) => query_rows(0, 0, false),
        RopResponse::OpenStream(_) => open_stream(0, 0),
        RopResponse::ReadStream(_) => read_stream(0, 0),
        other => panic!("not an answer the tests expect: {other:?}"),
    };
    let ctx = ResponseContext {
        table_columns: Some(&[ROW_TAG]),
    };
    request.encode_response(response, &ctx, &mut bytes).unwrap();
    ErrorCode(u32::from_le_bytes(bytes[2..6].try_into().unwrap()))
}

/// Logon, inbox, its contents table with columns: handles at 0, 1, 2.
fn open_inbox_table(engine: &mut Engine<ToyHandler>) -> Vec<u32> {
    let requests = [
        logon(0, 0),
        open_folder(0, 1, INBOX),
        contents_table(1, 2),
        set_columns(2),
    ];
    let out = run(
        engine,
        &requests,
        vec![NULL_HANDLE; 3],
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    assert_eq!(out.len(), 1);
    out[0].handles.clone()
}

fn known_columns(index: u8) -> ColumnState {
    let mut known = ColumnState::default();
    known.by_index.insert(index, vec![ROW_TAG]);
    known
}

#[test]
fn chained_handles_flow_from_rop_to_rop() {
    let mut engine = Engine::new(ToyHandler::new(5));
    let requests = [
        logon(0, 0),
        open_folder(0, 1, INBOX),
        contents_table(1, 2),
        set_columns(2),
        query_rows(2, 10, false),
    ];
    let out = run(
        &mut engine,
        &requests,
        vec![NULL_HANDLE; 3],
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    let [buffer] = &out[..] else { panic!() };
    let handles = &buffer.handles;
    assert_eq!(handles.len(), 3);
    assert!(handles.iter().all(|h| *h != NULL_HANDLE));
    let responses = &buffer.list.responses;
    assert_eq!(responses.len(), 5);
    assert!(
        responses
            .iter()
            .all(|r| return_value(r) == ErrorCode::SUCCESS)
    );
    let RopResponse::QueryRows(QueryRowsResponse::Success { rows, origin, .. }) = &responses[4]
    else {
        panic!("{:?}", responses[4]);
    };
    assert_eq!(rows.rows.len(), 5);
    assert_eq!(*origin, BookmarkOrigin(2));
    // Ownership follows the handle chain: table -> folder -> logon.
    let objects = engine.objects();
    assert_eq!(objects.parent(handles[2]), Some(handles[1]));
    assert_eq!(objects.parent(handles[1]), Some(handles[0]));
    assert_eq!(objects.parent(handles[0]), None);
    assert_eq!(objects.logon_handle(0), Some(handles[0]));
}

#[test]
fn release_cascades_to_owned_objects_and_has_no_response() {
    let mut engine = Engine::new(ToyHandler::new(3));
    let h = open_inbox_table(&mut engine);
    // A second folder under the logon, released with the logon later.
    let out = run(
        &mut engine,
        &[open_folder(0, 1, INBOX)],
        vec![h[0], NULL_HANDLE],
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    let second = out[0].handles[1];
    assert_eq!(engine.objects().len(), 4);
    // Releasing the first folder takes its table along, and nothing else.
    let out = run(
        &mut engine,
        &[release(0)],
        vec![h[1]],
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    assert!(out[0].list.responses.is_empty());
    assert_eq!(
        engine.handler().released,
        [(h[2], "table"), (h[1], "folder")]
    );
    assert!(engine.objects().contains(second));
    // Releasing the logon takes everything left; a second release of it is ignored.
    engine.handler_mut().released.clear();
    let out = run(
        &mut engine,
        &[release(0), release(0)],
        vec![h[0]],
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    assert!(out[0].list.responses.is_empty());
    assert_eq!(
        engine.handler().released,
        [(second, "folder"), (h[0], "logon")]
    );
    assert!(engine.objects().is_empty());
}

#[test]
fn unresolvable_input_fails_with_null_object() {
    let mut engine = Engine::new(ToyHandler::new(3));
    let h = open_inbox_table(&mut engine);
    let requests = [
        // Index past the table.
        open_folder(5, 1, INBOX),
        // Handle 0xFFFFFFFF.
        open_folder(1, 1, INBOX),
        // A handle the server never gave out.
        open_folder(2, 1, INBOX),
        // An object of logon 0 used under LogonId 1 (MS-OXCROPS 3.2.5.1).
        RopRequest::OpenFolder(OpenFolderRequest {
            logon_id: 1,
            input_handle_index: 0,
            output_handle_index: 1,
            folder_id: FolderId(INBOX),
            open_mode_flags: OpenModeFlags(0),
        }),
        // OutputHandleIndex past the table.
        open_folder(0, 9, INBOX),
    ];
    let out = run(
        &mut engine,
        &requests,
        vec![h[0], NULL_HANDLE, 0x1234_5678],
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    let responses = &out[0].list.responses;
    assert_eq!(responses.len(), 5);
    for (r, want_index) in responses.iter().zip([1u8, 1, 1, 1, 9]) {
        assert_eq!(
            r,
            &RopResponse::OpenFolder(OpenFolderResponse::Failure(ResponseHeader {
                handle_index: want_index,
                return_value: ErrorCode::NULL_OBJECT,
            }))
        );
    }
    // Nothing was opened.
    assert_eq!(engine.objects().len(), 3);
}

#[test]
fn rop_after_a_failed_open_fails_with_null_object() {
    let mut engine = Engine::new(ToyHandler::new(3));
    let h = open_inbox_table(&mut engine);
    let requests = [
        open_folder(0, 1, 0xDEAD),
        contents_table(1, 2),
        query_rows(2, 1, false),
    ];
    // The client left a stale but valid handle in slot 2: it must not be reached either.
    let out = run(
        &mut engine,
        &requests,
        vec![h[0], NULL_HANDLE, h[2]],
        PLAIN,
        0x40000,
        &known_columns(2),
    );
    let codes: Vec<_> = out[0].list.responses.iter().map(return_value).collect();
    assert_eq!(
        codes,
        [
            ErrorCode::NOT_FOUND,
            ErrorCode::NULL_OBJECT,
            ErrorCode::NULL_OBJECT
        ]
    );
    assert_eq!(out[0].handles, [h[0], NULL_HANDLE, NULL_HANDLE]);
}

#[test]
fn small_max_rop_out_ends_the_list_with_buffer_too_small() {
    let mut engine = Engine::new(ToyHandler::new(400));
    let h = open_inbox_table(&mut engine);
    let requests = [
        open_folder(0, 1, INBOX),
        query_rows(2, 400, false),
        contents_table(1, 3),
    ];
    let table = vec![h[0], NULL_HANDLE, h[2], NULL_HANDLE];
    let overhead = 8 + 2 + 4 * table.len();
    let open_folder_len = 1 + 1 + 4 + 1 + 1; // success, no ghost
    // QueryRows is given this room less the 8 bytes a RopBufferTooSmall carrying the last
    // request needs, fills it with 16 rows (89 bytes) and leaves 9: too few for the 10 of
    // RopGetContentsTable, enough for the RopBufferTooSmall.
    let rows_room = 98;
    let max = overhead + open_folder_len + rows_room;
    let out = run(
        &mut engine,
        &requests,
        table.clone(),
        PLAIN,
        max as u32,
        &known_columns(2),
    );
    let responses = &out[0].list.responses;
    assert_eq!(responses.len(), 3, "{responses:?}");
    let RopResponse::QueryRows(QueryRowsResponse::Success { rows, .. }) = &responses[1] else {
        panic!("{:?}", responses[1]);
    };
    // QueryRows filled the room it was given.
    assert_eq!(
        rows.rows.len(),
        (rows_room - 8 - QUERY_ROWS_FIXED) / ROW_SIZE
    );
    let RopResponse::BufferTooSmall(too_small) = &responses[2] else {
        panic!("{:?}", responses[2]);
    };
    // SizeNeeded: header, RopSize, the response that did not fit, the handle table.
    let get_table_len = 1 + 1 + 4 + 4;
    assert_eq!(usize::from(too_small.size_needed), overhead + get_table_len);
    // RequestBuffers: exactly the unprocessed request, as the client sent it.
    assert_eq!(
        decode_requests(&too_small.request_buffers).unwrap(),
        [contents_table(1, 3)]
    );
    // The table that was opened but not announced was dropped again.
    assert_eq!(engine.handler().released, [(NULL_HANDLE, "table")]);
    assert_eq!(out[0].handles[3], NULL_HANDLE);
    // Resent with SizeNeeded as MaxRopOut, it goes through.
    let mut table = out[0].handles.clone();
    table[3] = NULL_HANDLE;
    let resent = decode_requests(&too_small.request_buffers).unwrap();
    let out = run(
        &mut engine,
        &resent,
        table,
        PLAIN,
        u32::from(too_small.size_needed),
        &ColumnState::default(),
    );
    assert_eq!(return_value(&out[0].list.responses[0]), ErrorCode::SUCCESS);
    assert_ne!(out[0].handles[3], NULL_HANDLE);
}

#[test]
fn max_rop_out_too_small_for_anything_fails_the_call() {
    let mut engine = Engine::new(ToyHandler::new(1));
    let request = execute_request(&[logon(0, 0)], vec![NULL_HANDLE], PLAIN, 12);
    let error = engine.execute(&request).unwrap_err();
    assert!(matches!(
        error,
        ExecuteError::BufferTooSmall {
            max_rop_out: 12,
            ..
        }
    ));
    assert_eq!(
        error.to_response(),
        ExecuteResponse::Success {
            error_code: ErrorCode::BUFFER_TOO_SMALL,
            flags: 0,
            rop_buffer: Vec::new(),
            auxiliary_buffer: Vec::new(),
        }
    );
    // The logon that did not fit is not kept.
    assert!(engine.objects().is_empty());
}

#[test]
fn chained_query_rows_pack_across_buffers() {
    const ROWS: usize = 20_000;
    let mut engine = Engine::new(ToyHandler::new(ROWS));
    let h = open_inbox_table(&mut engine);
    let requests = [query_rows(2, ROWS as u16, true)];
    let flags = ExecuteFlags(0x3) | ExecuteFlags::CHAIN;
    let out = run(
        &mut engine,
        &requests,
        h.clone(),
        flags,
        0x40000,
        &known_columns(2),
    );
    assert!(out.len() >= 3, "{} buffers", out.len());
    for buffer in &out {
        assert_eq!(buffer.handles, h);
    }
    let joined = join_packed(out);
    let [RopResponse::QueryRows(QueryRowsResponse::Success { rows, origin, .. })] =
        &joined.responses[..]
    else {
        panic!("{:?}", joined.responses.len());
    };
    let values: Vec<i32> = rows
        .rows
        .iter()
        .map(|r| match r {
            PropertyRow::Standard(s) => match s.values[..] {
                [PropertyValue::Integer32(v)] => v,
                _ => panic!(),
            },
            PropertyRow::Flagged(_) => panic!(),
        })
        .collect();
    assert_eq!(values, (0..ROWS as i32).collect::<Vec<_>>());
    assert_eq!(*origin, BookmarkOrigin(2));
}

#[test]
fn packing_needs_the_chain_flag() {
    const ROWS: usize = 20_000;
    let mut engine = Engine::new(ToyHandler::new(ROWS));
    let h = open_inbox_table(&mut engine);
    let requests = [query_rows(2, ROWS as u16, true)];
    let out = run(
        &mut engine,
        &requests,
        h.clone(),
        PLAIN,
        0x40000,
        &known_columns(2),
    );
    let [buffer] = &out[..] else {
        panic!("{} buffers", out.len())
    };
    let RopResponse::QueryRows(QueryRowsResponse::Success { rows, .. }) = &buffer.list.responses[0]
    else {
        panic!();
    };
    // One 32 KB payload's worth: RopSize, the fixed fields, rows, the 3-entry table.
    let room = MAX_PAYLOAD_SIZE - 2 - 12 - QUERY_ROWS_FIXED;
    assert_eq!(rows.rows.len(), room / ROW_SIZE);
}

#[test]
fn chained_read_stream_packs_and_joins() {
    let mut engine = Engine::new(ToyHandler::new(0));
    let out = run(
        &mut engine,
        &[logon(0, 0), open_stream(0, 1)],
        vec![NULL_HANDLE; 2],
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    let h = out[0].handles.clone();
    let flags = ExecuteFlags(0x3) | ExecuteFlags::CHAIN;
    let requests = [read_stream(1, 65_000)];
    let out = run(
        &mut engine,
        &requests,
        h,
        flags,
        0x40000,
        &ColumnState::default(),
    );
    assert!(out.len() >= 2);
    let joined = join_packed(out);
    let [RopResponse::ReadStream(read)] = &joined.responses[..] else {
        panic!();
    };
    assert_eq!(read.data, engine.handler().stream[..65_000]);
}

#[test]
fn compression_and_xor_follow_the_flags() {
    for (flags, compressed, xored) in [
        (ExecuteFlags(0x3), false, false),
        (ExecuteFlags(0x2), true, false),
        (ExecuteFlags(0x1), false, true),
        (ExecuteFlags(0x0), true, true),
    ] {
        let mut engine = Engine::new(ToyHandler::new(2_000));
        let h = open_inbox_table(&mut engine);
        let requests = [query_rows(2, 2_000, false)];
        let response = engine
            .execute(&execute_request(&requests, h, flags, 0x40000))
            .unwrap();
        let chain = out_chain(&response);
        let [buffer] = &chain[..] else { panic!() };
        assert_eq!(
            buffer.header.flags.contains(ExtFlags::COMPRESSED),
            compressed
        );
        assert_eq!(buffer.header.flags.contains(ExtFlags::XOR_MAGIC), xored);
        assert!(buffer.is_last());
        let out = decode_output_buffers(&requests, &known_columns(2), &[&buffer.payload]).unwrap();
        let RopResponse::QueryRows(QueryRowsResponse::Success { rows, .. }) =
            &out[0].list.responses[0]
        else {
            panic!();
        };
        assert_eq!(rows.rows.len(), 2_000);
    }
}

#[test]
fn garbage_is_a_typed_whole_call_error() {
    let mut engine = Engine::new(ToyHandler::new(1));
    let with = |rop_buffer: Vec<u8>, aux: Vec<u8>| ExecuteRequest {
        flags: PLAIN,
        rop_buffer,
        max_rop_out: 0x40000,
        auxiliary_buffer: aux,
    };
    // Not an extended buffer at all.
    let e = engine
        .execute(&with(vec![1, 2, 3], Vec::new()))
        .unwrap_err();
    assert!(matches!(e, ExecuteError::RopFormat(_)));
    assert_eq!(e.error_code(), ErrorCode::RPC_FORMAT);
    // A reserved RopId (0x00) in a well-formed buffer.
    let mut rops = vec![0x00, 0, 0];
    let payload = RopBuffer {
        rops: std::mem::take(&mut rops),
        handles: vec![NULL_HANDLE],
    }
    .to_bytes()
    .unwrap();
    let mut rgb = Vec::new();
    rpc_ext::encode_extended_buffer(&payload, EncodeOptions::default(), true, &mut rgb).unwrap();
    let e = engine.execute(&with(rgb, Vec::new())).unwrap_err();
    let ExecuteError::RopFormat(d) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(d.offset, 0);
    // A truncated ROP.
    let mut rops = encode_requests(&[logon(0, 0)]).unwrap();
    rops.pop();
    let payload = RopBuffer {
        rops,
        handles: vec![NULL_HANDLE],
    }
    .to_bytes()
    .unwrap();
    let mut rgb = Vec::new();
    rpc_ext::encode_extended_buffer(&payload, EncodeOptions::default(), true, &mut rgb).unwrap();
    assert!(matches!(
        engine.execute(&with(rgb, Vec::new())),
        Err(ExecuteError::RopFormat(_))
    ));
    // Two extended buffers (packed input).
    let one = rop_input(&[logon(0, 0)], vec![NULL_HANDLE]);
    let mut two = Vec::new();
    let payload = RopBuffer {
        rops: encode_requests(&[logon(0, 0)]).unwrap(),
        handles: vec![NULL_HANDLE],
    }
    .to_bytes()
    .unwrap();
    rpc_ext::encode_extended_buffer(&payload, EncodeOptions::default(), false, &mut two).unwrap();
    two.extend_from_slice(&one);
    assert!(matches!(
        engine.execute(&with(two, Vec::new())),
        Err(ExecuteError::RopFormat(_))
    ));
    // A valid ROP buffer with a garbage auxiliary buffer.
    let e = engine
        .execute(&with(one.clone(), vec![0xAA; 5]))
        .unwrap_err();
    assert!(matches!(e, ExecuteError::AuxFormat(_)));
    assert_eq!(
        e.to_response(),
        ExecuteResponse::Success {
            error_code: ErrorCode::RPC_FORMAT,
            flags: 0,
            rop_buffer: Vec::new(),
            auxiliary_buffer: Vec::new(),
        }
    );
    // None of it reached the handlers.
    assert!(engine.objects().is_empty());
    // An empty auxiliary buffer chain is fine.
    let mut aux = Vec::new();
    rpc_ext::encode_extended_buffer(&[], EncodeOptions::default(), true, &mut aux).unwrap();
    assert!(engine.execute(&with(one, aux)).is_ok());
}

fn folder_deleted(handle: u32) -> NotifyResponse {
    NotifyResponse {
        notification_handle: handle,
        logon_id: 0,
        data: NotificationData {
            flags: NotificationFlags::OBJECT_DELETED,
            table_event_type: None,
            table_row: None,
            insert_after: None,
            table_row_data: None,
            ics: None,
            folder_id: Some(FolderId(INBOX)),
            message_id: None,
            parent_folder_id: Some(FolderId(INBOX + 1)),
            old_folder_id: None,
            old_message_id: None,
            old_parent_folder_id: None,
            tag_count: None,
            tags: Vec::new(),
            total_message_count: None,
            unread_message_count: None,
            new_mail: None,
        },
    }
}

#[test]
fn unsolicited_responses_follow_the_answers() {
    let mut engine = Engine::new(ToyHandler::new(1)).with_session_index(7);
    let queue = engine.notifications().clone();
    let mut signal = queue.subscribe();
    let h = open_inbox_table(&mut engine);
    for _ in 0..3 {
        queue.push(folder_deleted(h[1]));
    }
    assert!(signal.has_changed().unwrap());
    signal.mark_unchanged();
    assert!(engine.event_pending());
    let backoff = BackoffResponse {
        logon_id: 0,
        duration: 1000,
        backoff_rops: vec![BackoffRop {
            rop_id: RopId::QUERY_ROWS,
            duration: 5000,
        }],
        additional_data: Vec::new(),
    };
    engine.inject_backoff(backoff.clone());
    // Room for the answer, the backoff and two notifications: the third stays queued and a
    // RopPending says so.
    let table = vec![h[0], NULL_HANDLE];
    let notify_len = encode_unsolicited(&RopResponse::Notify(folder_deleted(h[1])), None).len();
    let backoff_len = encode_unsolicited(&RopResponse::Backoff(backoff.clone()), None).len();
    let max = 8 + 2 + 8 + 8 + backoff_len + 2 * notify_len + 3;
    let out = run(
        &mut engine,
        &[open_folder(0, 1, INBOX)],
        table,
        PLAIN,
        max as u32,
        &ColumnState::default(),
    );
    let responses = &out[0].list.responses;
    assert_eq!(responses.len(), 5, "{responses:?}");
    assert!(matches!(responses[0], RopResponse::OpenFolder(_)));
    assert_eq!(responses[1], RopResponse::Backoff(backoff));
    assert_eq!(responses[2], RopResponse::Notify(folder_deleted(h[1])));
    assert_eq!(responses[3], RopResponse::Notify(folder_deleted(h[1])));
    assert_eq!(
        responses[4],
        RopResponse::Pending(PendingResponse { session_index: 7 })
    );
    assert_eq!(queue.len(), 1);
    // The next Execute, even one with no ROPs, delivers the rest.
    let out = run(
        &mut engine,
        &[],
        Vec::new(),
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    assert_eq!(
        out[0].list.responses,
        [RopResponse::Notify(folder_deleted(h[1]))]
    );
    assert!(!engine.event_pending());
}

#[test]
fn every_rop_kind_fails_cleanly_through_the_engine() {
    // One of each request the wire layer knows, aimed at the logon: the toy handler fails
    // all it does not know, with each ROP's own failure layout.
    let mut engine = Engine::new(ToyHandler::new(1));
    let out = run(
        &mut engine,
        &[logon(0, 0)],
        vec![NULL_HANDLE],
        PLAIN,
        0x40000,
        &ColumnState::default(),
    );
    let table = out[0].handles.clone();
    for request in sample_requests() {
        // The toy logon is a public one, and the samples of RopSetMessageReadFlag and
        // RopWritePerUserInformation have their private-logon layouts (the engine reads them
        // by the logon's kind; the wire tests cover both forms).
        if matches!(
            request.id(),
            RopId::RELEASE
                | RopId::LOGON
                | RopId::QUERY_ROWS
                | RopId::FIND_ROW
                | RopId::EXPAND_ROW
                | RopId::SET_MESSAGE_READ_FLAG
                | RopId::WRITE_PER_USER_INFORMATION
        ) {
            continue;
        }
        let out = run(
            &mut engine,
            std::slice::from_ref(&request),
            table.clone(),
            PLAIN,
            0x40000,
            &ColumnState::default(),
        );
        assert_eq!(out[0].list.responses.len(), 1, "{request:?}");
    }
}

/// One request of every kind, decoded from its RopId and zero bytes.
fn sample_requests() -> Vec<RopRequest> {
    RopRequest::KNOWN_IDS
        .iter()
        .map(|id| {
            // RopSetProperties needs a PropertyValueSize of 2 to hold its PropertyValueCount.
            [[0, 0, 0], [0, 2, 0]]
                .iter()
                .find_map(|head| {
                    let mut bytes = vec![id.0, 0];
                    bytes.extend_from_slice(head);
                    bytes.extend_from_slice(&[0; 64]);
                    RopRequest::decode(&bytes).ok().map(|(_, r)| r)
                })
                .unwrap_or_else(|| panic!("{id:?} does not decode"))
        })
        .collect()
}

fn arb_request() -> impl Strategy<Value = RopRequest> {
    let samples = sample_requests();
    let n = samples.len();
    prop_oneof![
        (0u8..4, 0u8..4).prop_map(|(i, o)| open_folder(i, o, INBOX)),
        (0u8..4, 0u8..4).prop_map(|(i, o)| contents_table(i, o)),
        (0u8..4).prop_map(set_columns),
        (0u8..4, any::<u16>(), any::<bool>()).prop_map(|(i, c, p)| query_rows(i, c, p)),
        (0u8..4, 0u8..4).prop_map(|(i, o)| open_stream(i, o)),
        (0u8..4, any::<u16>()).prop_map(|(i, c)| read_stream(i, c)),
        (0u8..4).prop_map(release),
        (0u8..2, 0u8..4).prop_map(|(l, o)| logon(l, o)),
        (0..n, 0u8..4).prop_map(move |(k, i)| {
            // Retarget a sample's indexes by rewriting its InputHandleIndex byte (every
            // request has LogonId then InputHandleIndex after the RopId).
            let mut bytes = encode_requests(&samples[k..=k]).unwrap();
            if let Some(b) = bytes.get_mut(2) {
                *b = i;
            }
            RopRequest::decode(&bytes)
                .map(|(_, r)| r)
                .unwrap_or_else(|_| samples[k].clone())
        }),
    ]
}

/// Gives the two logon-dependent layouts the form a real client would send for the logon
/// kinds the engine has seen (a public logon anywhere earlier in the session, even one whose
/// Execute then failed, since the engine learns the kind while decoding); otherwise the
/// generator writes requests the engine must refuse.
fn fit_to_logons(requests: &mut [RopRequest], logons: &mut LogonKinds) {
    for request in requests.iter_mut() {
        let public = logons.is_public(request.logon_id());
        match request {
            RopRequest::Logon(logon) => logons.set_public(
                logon.logon_id,
                !logon.logon_flags.contains(LogonFlags::PRIVATE),
            ),
            RopRequest::WritePerUserInformation(w) => {
                w.repl_guid = match (public, w.data_offset) {
                    (false, 0) => Some(w.repl_guid.unwrap_or_default()),
                    _ => None,
                };
            }
            RopRequest::SetMessageReadFlag(m) => {
                m.client_data = public.then(|| m.client_data.unwrap_or_default());
            }
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn valid_requests_never_panic_and_always_decode(
        batches in prop::collection::vec(
            (prop::collection::vec(arb_request(), 0..8), 0u8..5, any::<u8>(), 0u32..0x50000),
            1..4,
        ),
    ) {
        let mut engine = Engine::new(ToyHandler::new(50));
        let mut known_handles: Vec<u32> = Vec::new();
        let mut logons = LogonKinds::new();
        for (mut requests, slots, flag_bits, max_rop_out) in batches {
            fit_to_logons(&mut requests, &mut logons);
            let handles: Vec<u32> = (0..slots)
                .map(|i| known_handles.get(usize::from(i)).copied().unwrap_or(NULL_HANDLE))
                .collect();
            let flags = ExecuteFlags(u32::from(flag_bits & 0x7));
            let request = execute_request(&requests, handles, flags, max_rop_out);
            match engine.execute(&request) {
                Ok(response) => {
                    let chain = out_chain(&response);
                    let payloads: Vec<&[u8]> = chain.iter().map(|b| &b.payload[..]).collect();
                    let decoded = decode_output_buffers(&requests, &ColumnState::default(), &payloads);
                    prop_assert!(decoded.is_ok(), "{:?}", decoded.err());
                    let total: usize = chain.iter().map(|b| 8 + b.payload.len()).sum();
                    prop_assert!(chain.iter().all(|b| b.payload.len() <= MAX_PAYLOAD_SIZE));
                    prop_assert!(total <= max_rop_out as usize);
                    if let Some(first) = decoded.ok().and_then(|d| d.into_iter().next()) {
                        known_handles = first.handles;
                    }
                }
                Err(e) => prop_assert!(matches!(e, ExecuteError::BufferTooSmall { .. }), "{e:?}"),
            }
        }
        engine.release_all();
        prop_assert!(engine.objects().is_empty());
    }
}
