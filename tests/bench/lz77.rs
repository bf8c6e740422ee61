//! LZ77 + DIRECT2 throughput on ROP-like data, beside a plain copy of the same bytes.
//!
//! The input is about 1 MiB of rows shaped like a RopQueryRows answer (row flag, ids, UTF-16
//! subjects and display names, FILETIMEs, sizes, booleans), split into 32 KB payloads as
//! MS-OXCRPC 3.1.4.2.1 requires of one extended buffer. Every benchmark in the group handles
//! all the payloads, so Throughput::Bytes (uncompressed bytes) reads as MB/s and the `memcpy`
//! line is the ceiling to compare with.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mapi_http::wire::lz77;

const PAYLOAD: usize = 32 * 1024;

/// Deterministic ROP-like rows, about `target` bytes.
fn rop_rows(target: usize) -> Vec<u8> {
    let names = [
        "Alice Example",
        "Bob Builder",
        "Carol Jones",
        "Dave O'Brien",
        "Eve Martinez",
        "Frank Müller",
    ];
    let subjects = [
        "Quarterly report",
        "Re: lunch on Friday?",
        "Invoice 2026-11",
        "Project status update",
        "Meeting notes",
        "FW: travel booking confirmation",
        "Your package has shipped",
    ];
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let mut out = Vec::with_capacity(target + 256);
    let mut i: u64 = 0;
    while out.len() < target {
        out.push(0); // PropertyRow flag
        out.extend_from_slice(&(0x0001_0000_0000_0001u64 + i * 0x1_0000).to_le_bytes()); // Mid
        out.extend_from_slice(&0x0D00_0000_0000_0001u64.to_le_bytes()); // Fid
        let subject = subjects[(next() % subjects.len() as u64) as usize];
        for u in format!("{subject} #{}", next() % 10_000).encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out.extend_from_slice(&[0, 0]);
        for u in names[(next() % names.len() as u64) as usize].encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out.extend_from_slice(&[0, 0]);
        // Delivery and modification FILETIMEs in November 2026.
        let t = 134_432_000_000_000_000u64 + next() % 15_000_000_000_000;
        out.extend_from_slice(&t.to_le_bytes());
        out.extend_from_slice(&(t + next() % 10_000_000).to_le_bytes());
        out.extend_from_slice(&((next() % 200_000) as u32).to_le_bytes()); // size
        out.extend_from_slice(&((next() % 4) as u32).to_le_bytes()); // flags
        out.push((next() % 2) as u8); // has attachments
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let data = rop_rows(1 << 20);
    let payloads: Vec<&[u8]> = data.chunks(PAYLOAD).collect();
    let compressed: Vec<(Vec<u8>, usize)> = payloads
        .iter()
        .map(|p| (lz77::compress(p), p.len()))
        .collect();
    let packed: usize = compressed.iter().map(|(c, _)| c.len()).sum();
    eprintln!(
        "lz77 bench input: {} bytes in {} payloads of at most {PAYLOAD}; compressed {} bytes, ratio {:.3} ({:.2}x)",
        data.len(),
        payloads.len(),
        packed,
        packed as f64 / data.len() as f64,
        data.len() as f64 / packed as f64
    );

    let mut g = c.benchmark_group("lz77");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.bench_function("memcpy", |b| {
        let mut dst = vec![0u8; PAYLOAD];
        b.iter(|| {
            for p in &payloads {
                dst[..p.len()].copy_from_slice(black_box(p));
                black_box(&dst);
            }
        })
    });
    g.bench_function("compress", |b| {
        b.iter(|| {
            for p in &payloads {
                black_box(lz77::compress(black_box(p)));
            }
        })
    });
    g.bench_function("decompress", |b| {
        b.iter(|| {
            for (c, n) in &compressed {
                black_box(lz77::decompress(black_box(c), *n).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
