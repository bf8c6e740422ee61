#![no_main]
//! Fuzzes HAR captures: the reader, the conversation dissector and the replaying transport
//! must take any file without panicking.
use libfuzzer_sys::fuzz_target;
use mapi_http::replay::fuzz::har_bytes;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = har_bytes(data) {
        panic!("{why}");
    }
});
