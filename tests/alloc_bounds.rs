//! Every decoder, fed random and hostile bytes, neither panics nor allocates out of proportion
//! to its input: peak allocation stays within 16 x input + 64 KiB (issue: foundation).
//!
//! A counting global allocator measures the peak during each decode. This file holds a single
//! test so that no other test thread allocates while it measures.
#![cfg(feature = "fuzzing")]

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use mapi_http::fuzzing::{DECODERS, Mode, Outcome};
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
    let base = counting_alloc::live();
    counting_alloc::reset_peak();
    drop(std::hint::black_box(vec![1u8; 100 * 1024]));
    assert!(counting_alloc::peak() - base >= 100 * 1024);

    let mut failures = Vec::new();
    for (n, decoder) in DECODERS.iter().enumerate().filter(|(_, d)| d.is_decoder) {
        let mut worst = (0usize, 0usize);
        for input in inputs(0x9E37_79B9_7F4A_7C15 ^ n as u64).chain([vec![0xFF; 10]]) {
            let bound = 16 * input.len() + 64 * 1024;
            let base = counting_alloc::live();
            counting_alloc::reset_peak();
            let outcome = (decoder.run)(&input, Mode::DecodeOnly);
            let peak = counting_alloc::peak().saturating_sub(base);
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
