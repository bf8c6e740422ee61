//! Replays every committed input of the `emulator_execute` fuzz target (corpus and artifacts)
//! through the emulator's Execute dispatcher, every input of the `autodiscover` target through
//! the discovery walk, and every input of the `har` target through the HAR reader, dissector
//! and replaying transport, so a plain `cargo test` guards each one. Both targets need
//! more than the wire codecs (the emulator; the client's Autodiscover), which is why they
//! live here and not in `fuzz_corpus.rs`.
#![cfg(all(feature = "fuzzing", feature = "emulator", feature = "client"))]

use std::path::{Path, PathBuf};

use std::sync::Arc;

use mapi_http::autodiscover::fuzz::{discovery_bytes, encode_walk};
use mapi_http::autodiscover::request_xml;
use mapi_http::emulator::autodiscover::{Autodiscover, Redirect};
use mapi_http::emulator::fuzz::{alice_dn, execute_bytes};
use mapi_http::emulator::users::Users;
use mapi_http::replay::fuzz::har_bytes;
use mapi_http::wire::Wire;
use mapi_http::wire::mapihttp::{ExecuteFlags, ExecuteRequest};
use mapi_http::wire::rop::any::{RopRequest, encode_requests};
use mapi_http::wire::rop::buffer::RopBuffer;
use mapi_http::wire::rpc_ext::{EncodeOptions, encode_chain};

const TARGET: &str = "emulator_execute";

fn dir(kind: &str) -> PathBuf {
    target_dir(kind, TARGET)
}

fn target_dir(kind: &str, target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_committed_emulator_input_is_handled() {
    let mut replayed = 0;
    let mut failures = Vec::new();
    for kind in ["corpus", "artifacts"] {
        for file in files(&dir(kind)) {
            let data = std::fs::read(&file).expect("readable corpus file");
            replayed += 1;
            if let Err(why) = execute_bytes(&data) {
                failures.push(format!("{}: {why}", file.display()));
            }
        }
    }
    assert!(replayed > 0, "no seeds in {}", dir("corpus").display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The seeds: a logon walk as a whole Execute body (selector 0) and as a bare ROP buffer
/// (selector 1 with Chain), plus a few broken forms.
fn seeds() -> Vec<(String, Vec<u8>)> {
    use mapi_http::wire::rop::store::{
        GetReceiveFolderRequest, LogonFlags, LogonRequest, OpenFlags, StoreState,
    };
    let logon = RopRequest::Logon(LogonRequest {
        logon_id: 0,
        output_handle_index: 0,
        logon_flags: LogonFlags::PRIVATE,
        open_flags: OpenFlags(0x0100_000C),
        store_state: StoreState(0),
        essdn: Some(alice_dn()),
    });
    let receive_folder = RopRequest::GetReceiveFolder(GetReceiveFolderRequest {
        logon_id: 0,
        input_handle_index: 0,
        message_class: "IPM.Note".into(),
    });
    let rops = encode_requests(&[logon, receive_folder]).unwrap();
    let buffer = RopBuffer {
        rops,
        handles: vec![0xFFFF_FFFF],
    }
    .to_bytes()
    .unwrap();
    let mut chain = Vec::new();
    encode_chain(&[&buffer], EncodeOptions::default(), &mut chain).unwrap();
    let body = ExecuteRequest {
        flags: ExecuteFlags::CHAIN,
        rop_buffer: chain,
        max_rop_out: 0x40000,
        auxiliary_buffer: Vec::new(),
    }
    .to_bytes()
    .unwrap();
    let mut whole = vec![0u8];
    whole.extend_from_slice(&body);
    let mut bare = vec![(0x4 << 1) | 1];
    bare.extend_from_slice(&buffer);
    let mut seeds: Vec<(String, Vec<u8>)> = vec![
        ("logon-body".into(), whole),
        ("logon-rop-buffer".into(), bare),
        ("empty-rop-buffer".into(), vec![1, 2, 0]),
        ("short-body".into(), vec![0, 1, 2, 3]),
    ];
    seeds.extend(recorded_execute_seeds());
    seeds
}

/// Every Execute request of `fixtures/recorded/demo.har` as a whole-body seed, its RopLogon
/// naming the fuzzing user: real ROP sequences as this client sends them. After the first,
/// their handles name objects of the recorded session, so they mostly walk the error paths.
fn recorded_execute_seeds() -> Vec<(String, Vec<u8>)> {
    use mapi_http::replay::Har;
    use mapi_http::wire::rop::any::decode_requests;
    use mapi_http::wire::rpc_ext::decode_chain;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/recorded/demo.har");
    let har = Har::from_json(&std::fs::read(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for (n, entry) in har.log.entries.iter().enumerate() {
        if entry.request.header("X-RequestType") != Some("Execute") {
            continue;
        }
        let mut request = ExecuteRequest::from_bytes(&entry.request.body().unwrap()).unwrap();
        let mut buffers = Vec::new();
        for buffer in decode_chain(&request.rop_buffer).unwrap() {
            let mut buffer = RopBuffer::from_bytes(&buffer.payload).unwrap();
            let mut rops = decode_requests(&buffer.rops).unwrap();
            for rop in &mut rops {
                if let RopRequest::Logon(logon) = rop
                    && logon.essdn.is_some()
                {
                    logon.essdn = Some(alice_dn());
                }
            }
            buffer.rops = encode_requests(&rops).unwrap();
            buffers.push(buffer.to_bytes().unwrap());
        }
        let refs: Vec<&[u8]> = buffers.iter().map(Vec::as_slice).collect();
        request.rop_buffer.clear();
        encode_chain(&refs, EncodeOptions::default(), &mut request.rop_buffer).unwrap();
        let mut seed = vec![0u8];
        seed.extend_from_slice(&request.to_bytes().unwrap());
        out.push((format!("recorded-demo-{:02}", n + 1), seed));
    }
    out
}

/// Regenerates the seeds: `cargo test --all-features --test emulator_fuzz_corpus -- --ignored`.
#[test]
#[ignore]
fn write_emulator_seed_corpus() {
    let dir = dir("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in seeds() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

const AUTODISCOVER: &str = "autodiscover";

#[test]
fn every_committed_autodiscover_input_ends_its_walk() {
    let mut replayed = 0;
    let mut failures = Vec::new();
    for kind in ["corpus", "artifacts"] {
        for file in files(&target_dir(kind, AUTODISCOVER)) {
            let data = std::fs::read(&file).expect("readable corpus file");
            replayed += 1;
            if let Err(why) = discovery_bytes(&data) {
                failures.push(format!("{}: {why}", file.display()));
            }
        }
    }
    assert!(replayed > 0, "no autodiscover seeds");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The walk refuses to run forever even when every answer redirects somewhere new.
#[test]
fn endless_redirects_end_at_the_hop_limit() {
    let mut answers = Vec::new();
    let bodies: Vec<String> = (0..100)
        .map(|i| redirect_addr_to(&format!("u{i}@d{i}.example")))
        .collect();
    for body in &bodies {
        answers.push((0u8, body.as_bytes()));
    }
    assert_eq!(discovery_bytes(&encode_walk(7, &answers)), Ok(()));
}

fn autodiscover_service() -> Autodiscover {
    Autodiscover::new(Arc::new(Users::demo_seeded(2)))
}

/// The emulator's answer to a request for `email` (Error 600/601 as its handler sends them).
fn answer_for(service: &Autodiscover, email: &str) -> String {
    service
        .answer(
            request_xml(email).as_bytes(),
            Some("1"),
            "http://127.0.0.1:1",
        )
        .unwrap_or_else(|e| e.response_xml(1))
}

/// A redirectAddr answer pointing at `to`.
fn redirect_addr_to(to: &str) -> String {
    let service =
        autodiscover_service().with_redirect("user@contoso.example", Redirect::Addr(to.into()));
    answer_for(&service, "user@contoso.example")
}

/// Autodiscover seeds: the emulator's settings, redirect and error answers as walks.
fn autodiscover_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let service = autodiscover_service();
    let alice = service
        .users()
        .find_login("alice")
        .unwrap()
        .user
        .smtp_address
        .clone();
    let settings = answer_for(&service, &alice);
    let unknown = answer_for(&service, "nobody@contoso.example");
    let redirect_addr = redirect_addr_to(&alice);
    let redirect_url = answer_for(
        &autodiscover_service().with_redirect(
            "user@contoso.example",
            Redirect::Url(
                "https://autodiscover.contoso.example/autodiscover/autodiscover.xml".into(),
            ),
        ),
        "user@contoso.example",
    );
    let malformed = service
        .answer(b"<not-autodiscover/>", Some("1"), "http://127.0.0.1:1")
        .unwrap_or_else(|e| e.response_xml(1));
    vec![
        ("settings", encode_walk(3, &[(0, settings.as_bytes())])),
        (
            "unknown-then-settings",
            encode_walk(3, &[(0, unknown.as_bytes()), (0, settings.as_bytes())]),
        ),
        (
            "redirect-addr-then-settings",
            encode_walk(
                3,
                &[(0, redirect_addr.as_bytes()), (0, settings.as_bytes())],
            ),
        ),
        (
            "redirect-url-then-settings",
            encode_walk(3, &[(0, redirect_url.as_bytes()), (0, settings.as_bytes())]),
        ),
        (
            "http-404-redirect-transport",
            encode_walk(
                2,
                &[
                    (1, &[0x94, 0x01]),
                    (2, b"/autodiscover/autodiscover.xml"),
                    (3, b""),
                    (0, settings.as_bytes()),
                ],
            ),
        ),
        ("error-600", encode_walk(1, &[(0, malformed.as_bytes())])),
    ]
}

/// Regenerates the autodiscover seeds:
/// `cargo test --all-features --test emulator_fuzz_corpus -- --ignored`.
#[test]
#[ignore]
fn write_autodiscover_seed_corpus() {
    let dir = target_dir("corpus", AUTODISCOVER);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in autodiscover_seeds() {
        assert_eq!(discovery_bytes(&bytes), Ok(()), "{name}");
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

#[test]
fn every_committed_har_input_is_handled() {
    let mut replayed = 0;
    let mut failures = Vec::new();
    for kind in ["corpus", "artifacts"] {
        for file in files(&target_dir(kind, "har")) {
            let data = std::fs::read(&file).expect("readable corpus file");
            replayed += 1;
            if let Err(why) = har_bytes(&data) {
                failures.push(format!("{}: {why}", file.display()));
            }
        }
    }
    assert!(replayed > 0, "no har seeds");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The committed recordings themselves, whole.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for dir in ["gromox", "recorded"] {
        for file in files(&fixtures.join(dir)) {
            if file.extension().is_some_and(|e| e == "har") {
                let data = std::fs::read(&file).unwrap();
                assert_eq!(har_bytes(&data), Ok(()), "{}", file.display());
            }
        }
    }
}
