#![no_main]
//! Fuzzes Autodiscover (MS-OXDSCLI) answers: the POX response parser and the discovery walk
//! fed hostile servers must never panic, and every walk must end.
use libfuzzer_sys::fuzz_target;
use mapi_http::autodiscover::fuzz::discovery_bytes;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = discovery_bytes(data) {
        panic!("{why}");
    }
});
