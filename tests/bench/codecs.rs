//! Decode and encode throughput of a ~1 MiB PropertyRowSet shaped like a contents table
//! (integers, UTF-16 strings, binaries, FILETIMEs, booleans, a flagged error value), beside a
//! plain copy of the same bytes in the same group so the report reads as a ratio to memcpy.
//! The setup also prints the LZ77 compression ratio of the recorded ROP payloads.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mapi_http::wire::property::tags::{
    PID_TAG_HAS_ATTACHMENTS, PID_TAG_MESSAGE_DELIVERY_TIME, PID_TAG_MESSAGE_SIZE, PID_TAG_MID,
    PID_TAG_SEARCH_KEY, PID_TAG_SENDER_NAME, PID_TAG_SUBJECT,
};
use mapi_http::wire::property::{
    FlaggedPropertyRow, FlaggedPropertyValue, PropertyRow, PropertyRowSet, PropertyTag,
    PropertyValue, StandardPropertyRow,
};
use mapi_http::wire::{CountWidth, ErrorCode, FileTime};

const COLUMNS: [PropertyTag; 7] = [
    PID_TAG_MID,
    PID_TAG_SUBJECT,
    PID_TAG_MESSAGE_DELIVERY_TIME,
    PID_TAG_SENDER_NAME,
    PID_TAG_MESSAGE_SIZE,
    PID_TAG_HAS_ATTACHMENTS,
    PID_TAG_SEARCH_KEY,
];

fn row_set(target_bytes: usize) -> (PropertyRowSet, Vec<u8>) {
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
    let mut rows = Vec::new();
    let mut size = 2;
    let mut i: u64 = 0;
    while size < target_bytes && rows.len() < usize::from(u16::MAX) {
        let values = vec![
            PropertyValue::Integer64(0x0001_0000_0000_0001 + (i << 16) as i64),
            PropertyValue::string(format!("{} #{i}", subjects[i as usize % subjects.len()])),
            PropertyValue::Time(FileTime(134_432_000_000_000_000 + i * 9_000_000_000)),
            PropertyValue::string(senders[i as usize % senders.len()]),
            PropertyValue::Integer32(1_000 + (i % 50_000) as i32),
            PropertyValue::Boolean(i.is_multiple_of(7)),
            PropertyValue::binary((0..16).map(|b| (b as u64 ^ i) as u8).collect::<Vec<_>>()),
        ];
        let row = if i % 10 == 9 {
            // Every tenth row has a property the server could not supply, as real tables do.
            let mut flagged: Vec<FlaggedPropertyValue> = values
                .into_iter()
                .map(FlaggedPropertyValue::Value)
                .collect();
            flagged[3] = FlaggedPropertyValue::Error(
                PID_TAG_SENDER_NAME.prop_type(),
                ErrorCode(0x8004_010F),
            );
            PropertyRow::Flagged(FlaggedPropertyRow { values: flagged })
        } else {
            PropertyRow::Standard(StandardPropertyRow { values })
        };
        let mut one = Vec::new();
        row.encode_with(&COLUMNS, CountWidth::U16, &mut one)
            .unwrap();
        size += one.len();
        rows.push(row);
        i += 1;
    }
    let set = PropertyRowSet { rows };
    let mut bytes = Vec::new();
    set.encode_with(&COLUMNS, CountWidth::U16, &mut bytes)
        .unwrap();
    (set, bytes)
}

fn print_compression_ratio() {
    use mapi_http::wire::Wire;
    use mapi_http::wire::mapihttp::ExecuteResponse;
    use mapi_http::wire::mapihttp::framing::{FramerLimits, frame_all};
    use mapi_http::wire::rpc_ext::decode_chain;
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/bodies/session-folders"
    );
    let (mut plain, mut packed) = (0usize, 0usize);
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.contains("execute-response") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let body = frame_all(&bytes, FramerLimits::default()).unwrap().body;
        if let Ok(ExecuteResponse::Success { rop_buffer, .. }) = ExecuteResponse::from_bytes(&body)
        {
            for b in decode_chain(&rop_buffer).unwrap() {
                plain += b.payload.len();
                packed += mapi_http::wire::lz77::compress(&b.payload).len();
            }
        }
    }
    eprintln!(
        "LZ77 on the recorded session-folders ROP response payloads: {plain} -> {packed} bytes \
         (ratio {:.3})",
        packed as f64 / plain.max(1) as f64
    );
}

fn bench(c: &mut Criterion) {
    print_compression_ratio();
    let (set, bytes) = row_set(1 << 20);
    eprintln!(
        "PropertyRowSet: {} rows, {} bytes",
        set.rows.len(),
        bytes.len()
    );
    let mut g = c.benchmark_group("property_row_set_1MiB");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    let mut copy = vec![0u8; bytes.len()];
    g.bench_function("memcpy", |b| {
        b.iter(|| {
            copy.copy_from_slice(black_box(&bytes));
            black_box(&copy);
        })
    });
    g.bench_function("decode", |b| {
        b.iter(|| {
            let (_, set) =
                PropertyRowSet::decode_with(&COLUMNS, CountWidth::U16, black_box(&bytes)).unwrap();
            black_box(set)
        })
    });
    g.bench_function("encode", |b| {
        let mut out = Vec::with_capacity(bytes.len());
        b.iter(|| {
            out.clear();
            black_box(&set)
                .encode_with(&COLUMNS, CountWidth::U16, &mut out)
                .unwrap();
            black_box(&out);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
