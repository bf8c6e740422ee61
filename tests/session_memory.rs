//! The client's heap per idle logged-on session, counted by a global allocator (one test in
//! this file, so no other test allocates while it counts).
//!
//! Sessions are logged on and held, then dropped without logoff: the emulator keeps their
//! contexts, so what the drop frees is the client's share (and the server's half of each
//! keep-alive connection, which closes with it). The bound guards against a session growing
//! a per-session cost again: it once held 262 KB, a TLS verifier of its own (about 100 KB)
//! and a notification buffer of 256 whole events (92 KB).
#![cfg(all(feature = "client", feature = "emulator"))]

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use std::time::Duration;

use mapi_http::client::{Endpoints, LogonOptions, Session};
use mapi_http::emulator::server::AnonymousPolicy;
use mapi_http::emulator::{Emulator, EmulatorConfig};
use mapi_http::transport::Credentials;

/// Client heap plus the server's connection buffers, per idle session; measured at about
/// 66 KB (debug build), of which about 28 KB is the emulator's half of the connection.
const BOUND: usize = 128 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_session_holds_a_bounded_heap() {
    let mut config = EmulatorConfig::demo(1);
    config.server = config.server.with_anonymous(AnonymousPolicy::Allow {
        login: "alice".into(),
    });
    let emu = Emulator::start(config).await.unwrap();
    let endpoints = Endpoints::new(
        emu.mailbox_url("alice").unwrap(),
        emu.user("alice").unwrap().legacy_dn.clone(),
    );
    let logon = || {
        Session::logon(
            endpoints.clone(),
            Credentials::Anonymous,
            LogonOptions::default(),
        )
    };
    // One session first, so one-time costs (the shared TLS set-up, lazy statics) are paid.
    logon().await.unwrap().logoff().await.unwrap();
    const N: usize = 40;
    let mut held = Vec::new();
    for _ in 0..N {
        held.push(logon().await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let with = counting_alloc::live();
    drop(held);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let without = counting_alloc::live();
    let per_session = with.saturating_sub(without) / N;
    println!("{per_session} bytes per idle session");
    assert!(
        per_session > 0,
        "dropping sessions freed nothing: the measure is broken"
    );
    assert!(
        per_session < BOUND,
        "{per_session} bytes per idle session (bound {BOUND})"
    );
    emu.shutdown().await;
}
