//! Decode (and encode) throughput of whole Execute response bodies full of RopQueryRows rows,
//! the path a client takes for every contents-table page (and a server for every answer): ExecuteResponse body -> extended buffer chain
//! (MS-OXCRPC 2.2.2.1, with LZ77 and XorMagic undone) -> ROP output buffer per payload
//! (MS-OXCROPS 2.2.1) -> typed responses against the RopQueryRows request and the table's
//! columns (MS-OXCTABL 2.2.2.5.2).
//!
//! The input is laid out as a server answers a RopQueryRows with EnablePackedBuffers under the
//! Chain flag (MS-OXCRPC 3.1.4.2.1.2): each Execute body carries several extended buffers, each
//! holding one ROP output buffer with one RopQueryRows response of as many whole rows as fit in
//! 32 KB; enough bodies are built to pass 1 MiB. Rows mix an i64, two UTF-16 strings, a
//! FILETIME, an i32, a boolean, a binary, and every tenth row is flagged with an error value.
//!
//! Each group reports Throughput::Bytes of its own Execute body bytes (for both directions) and
//! has a `memcpy` line over the same bodies as the ceiling to compare with.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mapi_http::wire::mapihttp::ExecuteResponse;
use mapi_http::wire::property::tags::{
    PID_TAG_HAS_ATTACHMENTS, PID_TAG_MESSAGE_DELIVERY_TIME, PID_TAG_MESSAGE_SIZE, PID_TAG_MID,
    PID_TAG_SEARCH_KEY, PID_TAG_SENDER_NAME, PID_TAG_SUBJECT,
};
use mapi_http::wire::property::{
    FlaggedPropertyRow, FlaggedPropertyValue, PropertyRow, PropertyRowSet, PropertyTag,
    PropertyValue, StandardPropertyRow,
};
use mapi_http::wire::rop::any::{
    ColumnState, RopRequest, RopResponse, decode_responses, encode_responses,
};
use mapi_http::wire::rop::table::{
    BookmarkOrigin, QueryRowsFlags, QueryRowsRequest, QueryRowsResponse,
};
use mapi_http::wire::rpc_ext::{self, EncodeOptions, MAX_PAYLOAD_SIZE};
use mapi_http::wire::{CountWidth, ErrorCode, FileTime, RopBuffer, Wire};

const COLUMNS: [PropertyTag; 7] = [
    PID_TAG_MID,
    PID_TAG_SUBJECT,
    PID_TAG_MESSAGE_DELIVERY_TIME,
    PID_TAG_SENDER_NAME,
    PID_TAG_MESSAGE_SIZE,
    PID_TAG_HAS_ATTACHMENTS,
    PID_TAG_SEARCH_KEY,
];

/// Handle-table index of the contents table the rows come from.
const TABLE_INDEX: u8 = 1;
/// Server object handles in each ROP output buffer (logon/folder, then the table).
const HANDLES: [u32; 2] = [0x0000_0017, 0x0000_0042];
/// Extended buffers packed into one Execute body.
const BUFFERS_PER_BODY: usize = 7;
/// Fixed bytes of a ROP output buffer around the rows: RopSize, RopId, InputHandleIndex,
/// ReturnValue, Origin, RowCount, and the handle table.
const ROP_OVERHEAD: usize = 2 + 1 + 1 + 4 + 1 + 2 + 4 * HANDLES.len();

fn request() -> RopRequest {
    RopRequest::QueryRows(QueryRowsRequest {
        logon_id: 0,
        input_handle_index: TABLE_INDEX,
        flags: QueryRowsFlags::ENABLE_PACKED_BUFFERS,
        forward_read: true,
        row_count: 0x7FFF,
    })
}

fn columns() -> ColumnState {
    ColumnState {
        by_index: HashMap::from([(TABLE_INDEX, COLUMNS.to_vec())]),
        by_handle: HashMap::new(),
    }
}

/// Row `i` of the synthetic contents table.
fn row(i: u64) -> PropertyRow {
    let subjects = [
        "Quarterly report",
        "Re: lunch on Friday?",
        "Invoice 2026-11",
        "Project status update — draft",
        "FW: travel booking confirmation",
    ];
    let senders = [
        "Alice Example",
        "Bob Builder",
        "Carol Jones",
        "Frank Müller",
    ];
    let values = vec![
        PropertyValue::Integer64(0x0001_0000_0000_0001 + (i << 16) as i64),
        PropertyValue::string(format!("{} #{i}", subjects[i as usize % subjects.len()])),
        PropertyValue::Time(FileTime(134_432_000_000_000_000 + i * 9_000_000_000)),
        PropertyValue::string(senders[i as usize % senders.len()]),
        PropertyValue::Integer32(1_000 + (i % 50_000) as i32),
        PropertyValue::Boolean(i.is_multiple_of(7)),
        PropertyValue::binary((0..16).map(|b| (b as u64 ^ i) as u8).collect::<Vec<_>>()),
    ];
    if i % 10 == 9 {
        // A property the server could not supply (MAPI_E_NOT_FOUND), as real tables have.
        let mut flagged: Vec<FlaggedPropertyValue> = values
            .into_iter()
            .map(FlaggedPropertyValue::Value)
            .collect();
        flagged[3] =
            FlaggedPropertyValue::Error(PID_TAG_SENDER_NAME.prop_type(), ErrorCode(0x8004_010F));
        PropertyRow::Flagged(FlaggedPropertyRow { values: flagged })
    } else {
        PropertyRow::Standard(StandardPropertyRow { values })
    }
}

/// ROP output buffers (each one RopQueryRows response, as many whole rows as fit in 32 KB)
/// with about `target` bytes in all, the typed response of each, and the number of rows.
fn rop_payloads(target: usize) -> (Vec<Vec<u8>>, Vec<RopResponse>, usize) {
    let requests = [request()];
    let known = columns();
    let mut payloads = Vec::new();
    let mut responses = Vec::new();
    let mut total = 0usize;
    let mut next: u64 = 0;
    let mut row_total = 0usize;
    while total < target {
        let mut rows = Vec::new();
        let mut size = ROP_OVERHEAD;
        loop {
            let candidate = row(next);
            let mut one = Vec::new();
            candidate
                .encode_with(&COLUMNS, CountWidth::U16, &mut one)
                .unwrap();
            if size + one.len() > MAX_PAYLOAD_SIZE {
                break;
            }
            size += one.len();
            rows.push(candidate);
            next += 1;
        }
        row_total += rows.len();
        let response = RopResponse::QueryRows(QueryRowsResponse::Success {
            handle_index: TABLE_INDEX,
            origin: BookmarkOrigin::CURRENT,
            rows: PropertyRowSet { rows },
        });
        let rops = encode_responses(&requests, &known, std::slice::from_ref(&response)).unwrap();
        responses.push(response);
        let payload = RopBuffer {
            rops,
            handles: HANDLES.to_vec(),
        }
        .to_bytes()
        .unwrap();
        assert!(payload.len() <= MAX_PAYLOAD_SIZE);
        assert_eq!(payload.len(), size);
        total += payload.len();
        payloads.push(payload);
    }
    (payloads, responses, row_total)
}

/// The server's side of the same path, measured: typed RopQueryRows responses -> ROP output
/// buffers -> extended buffer chains (compressed and obfuscated as `options` say) -> Execute
/// response bodies.
fn encode_bodies(
    responses: &[RopResponse],
    requests: &[RopRequest],
    known: &ColumnState,
    options: EncodeOptions,
) -> Vec<Vec<u8>> {
    let payloads: Vec<Vec<u8>> = responses
        .iter()
        .map(|r| {
            RopBuffer {
                rops: encode_responses(requests, known, std::slice::from_ref(r)).unwrap(),
                handles: HANDLES.to_vec(),
            }
            .to_bytes()
            .unwrap()
        })
        .collect();
    bodies(&payloads, options)
}

/// Execute response bodies, `BUFFERS_PER_BODY` packed extended buffers each.
fn bodies(payloads: &[Vec<u8>], options: EncodeOptions) -> Vec<Vec<u8>> {
    payloads
        .chunks(BUFFERS_PER_BODY)
        .map(|group| {
            let slices: Vec<&[u8]> = group.iter().map(Vec::as_slice).collect();
            let mut rop_buffer = Vec::new();
            rpc_ext::encode_chain(&slices, options, &mut rop_buffer).unwrap();
            ExecuteResponse::Success {
                error_code: ErrorCode(0),
                flags: 0,
                rop_buffer,
                auxiliary_buffer: Vec::new(),
            }
            .to_bytes()
            .unwrap()
        })
        .collect()
}

/// The measured path; returns the number of rows decoded.
fn decode_bodies(bodies: &[Vec<u8>], requests: &[RopRequest], known: &ColumnState) -> usize {
    let mut rows = 0;
    for body in bodies {
        let ExecuteResponse::Success { rop_buffer, .. } =
            ExecuteResponse::from_bytes(body).unwrap()
        else {
            panic!("Execute failed");
        };
        for buffer in rpc_ext::decode_chain(&rop_buffer).unwrap() {
            let rop = RopBuffer::from_bytes(&buffer.payload).unwrap();
            let list = decode_responses(requests, known, &rop.rops).unwrap();
            for response in &list.responses {
                if let RopResponse::QueryRows(QueryRowsResponse::Success { rows: set, .. }) =
                    response
                {
                    rows += set.rows.len();
                }
            }
            black_box(list);
        }
    }
    rows
}

fn bench_group(
    c: &mut Criterion,
    name: &str,
    bodies: &[Vec<u8>],
    responses: &[RopResponse],
    options: EncodeOptions,
    expected_rows: usize,
) {
    let requests = [request()];
    let known = columns();
    assert_eq!(decode_bodies(bodies, &requests, &known), expected_rows);
    assert_eq!(
        encode_bodies(responses, &requests, &known, options),
        bodies,
        "encoding writes the measured bodies"
    );
    let bytes: usize = bodies.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("memcpy", |b| {
        let mut dst = vec![0u8; bodies.iter().map(Vec::len).max().unwrap_or(0)];
        b.iter(|| {
            for body in bodies {
                dst[..body.len()].copy_from_slice(black_box(body));
                black_box(&dst);
            }
        })
    });
    g.bench_function("decode", |b| {
        b.iter(|| black_box(decode_bodies(black_box(bodies), &requests, &known)))
    });
    g.bench_function("encode", |b| {
        b.iter(|| {
            black_box(encode_bodies(
                black_box(responses),
                &requests,
                &known,
                options,
            ))
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let (payloads, responses, rows) = rop_payloads(1 << 20);
    let packed_options = EncodeOptions {
        compress: true,
        xor_magic: true,
    };
    let plain = bodies(&payloads, EncodeOptions::default());
    let packed = bodies(&payloads, packed_options);
    let plain_bytes: usize = plain.iter().map(Vec::len).sum();
    let packed_bytes: usize = packed.iter().map(Vec::len).sum();
    eprintln!(
        "Execute bench input: {rows} rows in {} ROP output buffers of at most {MAX_PAYLOAD_SIZE} \
         bytes, {} Execute bodies; uncompressed {plain_bytes} bytes, compressed + XorMagic \
         {packed_bytes} bytes (ratio {:.3}, {:.2}x)",
        payloads.len(),
        plain.len(),
        packed_bytes as f64 / plain_bytes as f64,
        plain_bytes as f64 / packed_bytes as f64
    );
    bench_group(
        c,
        "execute_query_rows_uncompressed",
        &plain,
        &responses,
        EncodeOptions::default(),
        rows,
    );
    bench_group(
        c,
        "execute_query_rows_compressed_xor",
        &packed,
        &responses,
        packed_options,
        rows,
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
