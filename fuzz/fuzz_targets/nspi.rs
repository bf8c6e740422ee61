#![no_main]
//! Fuzzes the `nspi` decoder family: the first byte picks the decoder, the rest is its input;
//! decoded values must survive encode and decode.
use libfuzzer_sys::fuzz_target;
use mapi_http::fuzzing::{Family, Outcome, run_selected};

fuzz_target!(|data: &[u8]| {
    if let Some((decoder, Outcome::Mismatch(why))) = run_selected(Family::Nspi, data) {
        panic!("{decoder:?}: {why}");
    }
});
