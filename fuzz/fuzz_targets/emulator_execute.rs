#![no_main]
//! Fuzzes the emulator's Execute dispatcher: arbitrary Execute bodies or ROP buffers must never
//! panic it, and whatever it answers must decode as a client would decode it.
use libfuzzer_sys::fuzz_target;
use mapi_http::emulator::fuzz::execute_bytes;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = execute_bytes(data) {
        panic!("{why}");
    }
});
