#![no_main]
//! Structure-aware fuzzing: the first byte picks a type, the rest feeds `arbitrary`, which
//! builds a value; the value is encoded and its bytes must decode to the same value.
use libfuzzer_sys::fuzz_target;
use mapi_http::fuzzing::{Family, Outcome, run_selected};

fuzz_target!(|data: &[u8]| {
    if let Some((decoder, Outcome::Mismatch(why))) = run_selected(Family::Structured, data) {
        panic!("{decoder:?}: {why}");
    }
});
