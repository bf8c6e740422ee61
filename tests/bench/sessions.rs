//! Whole sessions against the in-process emulator over HTTP on 127.0.0.1: how many
//! logon -> identity -> status table -> folder tree -> logoff cycles per second the client (and
//! the emulator beside it) sustain at 1, 100 and 1,000 concurrent sessions, what one "logged on, identity and status table known" costs in round trips,
//! and how much memory an idle logged-on session holds.
//!
//! Each concurrency level is its own benchmark with Throughput::Elements(sessions), so
//! criterion reports sessions/s. The first lines printed are the idle-session footprint: the
//! client's heap per logged-on session and the emulator's per context (a counting allocator,
//! measured with the sessions held, then with the client's sessions dropped while the emulator
//! keeps their contexts), and the resident set per session (Linux /proc; elsewhere not shown).

use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mapi_http::client::{Endpoints, LogonOptions, Session};
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::{AnonymousPolicy, ServerConfig};
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig};
use mapi_http::transport::Credentials;
use mapi_http::wire::property::tags as t;

/// Counts the heap bytes live, so the client's share of an idle session can be told from the
/// emulator's in one process.
#[path = "../support/counting_alloc.rs"]
mod counting_alloc;

fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

async fn start() -> (Emulator, Endpoints) {
    let emu = Emulator::start(EmulatorConfig {
        server: ServerConfig::default().with_anonymous(AnonymousPolicy::Allow {
            login: "alice".into(),
        }),
        users: Users::demo_seeded(1),
        populated: 1,
        seed: 1,
        schemes: AuthSchemes::all(),
        server_name: "BENCH".into(),
    })
    .await
    .expect("emulator");
    let endpoints = Endpoints::new(
        emu.mailbox_url("alice").expect("alice"),
        emu.user("alice").expect("alice").legacy_dn.clone(),
    );
    (emu, endpoints)
}

/// One session's life as a typical tool lives it: logon, who am I, the status table, the
/// folder tree under the IPM subtree (one Execute: open, hierarchy table with depth, columns,
/// rows), logoff.
async fn cycle(endpoints: Endpoints) {
    let session = Session::logon(endpoints, Credentials::Anonymous, LogonOptions::default())
        .await
        .expect("logon");
    std::hint::black_box(session.query_identity());
    std::hint::black_box(session.status_table());
    let store = session.default_store().expect("default store");
    let subtree = store
        .open_folder(store.ipm_subtree_id().expect("IPM subtree"))
        .await
        .expect("open IPM subtree");
    let (_table, rows) = subtree
        .table_with_rows(
            true,
            true,
            &[
                t::PID_TAG_DISPLAY_NAME,
                t::PID_TAG_FOLDER_ID,
                t::PID_TAG_DEPTH,
            ],
            200,
        )
        .await
        .expect("folder tree");
    assert!(!rows.is_empty(), "the mailbox has folders");
    drop((_table, subtree));
    session.logoff().await.expect("logoff");
}

fn sessions(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (emu, endpoints) = rt.block_on(start());

    // Footprint of idle sessions: 200 logged on at once. The heap is counted before, with
    // all of them logged on, and after the client's sessions are dropped without logoff (the
    // emulator keeps their contexts until they expire): the last step gives the client's
    // share alone.
    const IDLE: usize = 200;
    let idle_emu = rt.block_on(start());
    rt.block_on(async {
        let endpoints = idle_emu.1.clone();
        let resident_before = resident_bytes();
        let heap_before = counting_alloc::live();
        let mut held = Vec::new();
        for _ in 0..IDLE {
            held.push(
                Session::logon(
                    endpoints.clone(),
                    Credentials::Anonymous,
                    LogonOptions::default(),
                )
                .await
                .expect("logon"),
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        let heap_with = counting_alloc::live();
        let resident_with = resident_bytes();
        let requests = held[0].stats().http_requests;
        drop(held);
        tokio::time::sleep(Duration::from_millis(200)).await;
        let heap_after_drop = counting_alloc::live();
        eprintln!(
            "idle sessions ({IDLE}): client heap {} bytes per logged-on session (with the \
             emulator's half of its keep-alive connection, which closes with it); emulator \
             context {} bytes per session",
            heap_with.saturating_sub(heap_after_drop) / IDLE,
            heap_after_drop.saturating_sub(heap_before) / IDLE,
        );
        if let (Some(b), Some(a)) = (resident_before, resident_with) {
            eprintln!(
                "idle sessions ({IDLE}): {} bytes resident per session, client and emulator \
                 together",
                a.saturating_sub(b) / IDLE as u64
            );
        }
        eprintln!("round trips to logged on + identity + status table: {requests}");
    });
    rt.block_on(idle_emu.0.shutdown());

    let mut group = c.benchmark_group("sessions");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for concurrency in [1usize, 100, 1000] {
        group.throughput(Throughput::Elements(concurrency as u64));
        group.bench_function(format!("logon_logoff_x{concurrency}"), |b| {
            b.iter_custom(|iters| {
                rt.block_on(async {
                    let started = Instant::now();
                    for _ in 0..iters {
                        let tasks: Vec<_> = (0..concurrency)
                            .map(|_| tokio::spawn(cycle(endpoints.clone())))
                            .collect();
                        for t in tasks {
                            t.await.expect("task");
                        }
                    }
                    started.elapsed()
                })
            })
        });
    }
    group.finish();
    rt.block_on(emu.shutdown());
}

criterion_group!(benches, sessions);
criterion_main!(benches);
