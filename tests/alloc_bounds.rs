//! Every decoder, fed random and hostile bytes, neither panics nor allocates out of proportion
//! to its input: peak allocation stays within 16 x input + 64 KiB (issue: foundation).
//!
//! A counting global allocator measures the peak during each decode. This file holds a single
//! test so that no other test thread allocates while it measures.
#![cfg(feature = "fuzzing")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use mapi_http::fuzzing::{DECODERS, Mode, Outcome};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers to the system allocator and only keeps counters beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = CURRENT.fetch_add(new_size - layout.size(), Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// xorshift64*: deterministic, dependency-free, good enough to spray bytes.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn fill(&mut self, buf: &mut [u8]) {
        for b in buf {
            *b = self.next() as u8;
        }
    }
}

const INPUTS_PER_DECODER: usize = 10_000;

fn inputs(seed: u64) -> impl Iterator<Item = Vec<u8>> {
    let mut rng = Rng(seed | 1);
    (0..INPUTS_PER_DECODER).map(move |i| {
        let len = match i % 4 {
            0 => (rng.next() % 16) as usize,
            1 => (rng.next() % 256) as usize,
            _ => (rng.next() % 2048) as usize,
        };
        let mut buf = vec![0u8; len];
        rng.fill(&mut buf);
        match i % 8 {
            // Counts and lengths at their maximum: must fail fast, not reserve gigabytes.
            0 => buf.iter_mut().for_each(|b| *b = 0xFF),
            // Mostly-zero bytes with large lengths sprinkled in.
            1 => buf.iter_mut().enumerate().for_each(|(j, b)| {
                if j % 7 != 0 {
                    *b = 0;
                }
            }),
            _ => {}
        }
        buf
    })
}

#[test]
fn decoders_allocate_in_proportion_to_their_input() {
    // The meter itself: a 100 KiB vector must show up as at least 100 KiB of peak.
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    drop(std::hint::black_box(vec![1u8; 100 * 1024]));
    assert!(PEAK.load(Relaxed) - base >= 100 * 1024);

    let mut failures = Vec::new();
    for (n, decoder) in DECODERS.iter().enumerate().filter(|(_, d)| d.is_decoder) {
        let mut worst = (0usize, 0usize);
        for input in inputs(0x9E37_79B9_7F4A_7C15 ^ n as u64).chain([vec![0xFF; 10]]) {
            let bound = 16 * input.len() + 64 * 1024;
            let base = CURRENT.load(Relaxed);
            PEAK.store(base, Relaxed);
            let outcome = (decoder.run)(&input, Mode::DecodeOnly);
            let peak = PEAK.load(Relaxed).saturating_sub(base);
            assert!(!matches!(outcome, Outcome::Mismatch(_)));
            if peak > worst.0 {
                worst = (peak, input.len());
            }
            if peak > bound {
                failures.push(format!(
                    "{decoder:?}: {peak} bytes peak for a {}-byte input (bound {bound}): {:02x?}",
                    input.len(),
                    &input[..input.len().min(32)]
                ));
                break;
            }
        }
        println!(
            "{decoder:?}: worst peak {} bytes on a {}-byte input",
            worst.0, worst.1
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
