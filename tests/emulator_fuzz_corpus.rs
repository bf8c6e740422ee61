//! Replays every committed input of the `emulator_execute` fuzz target (corpus and artifacts)
//! through the emulator's Execute dispatcher, so a plain `cargo test` guards each one.
#![cfg(all(feature = "fuzzing", feature = "emulator"))]

use std::path::{Path, PathBuf};

use mapi_http::emulator::fuzz::{alice_dn, execute_bytes};
use mapi_http::wire::Wire;
use mapi_http::wire::mapihttp::{ExecuteFlags, ExecuteRequest};
use mapi_http::wire::rop::any::{RopRequest, encode_requests};
use mapi_http::wire::rop::buffer::RopBuffer;
use mapi_http::wire::rpc_ext::{EncodeOptions, encode_chain};

const TARGET: &str = "emulator_execute";

fn dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(TARGET)
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
fn seeds() -> Vec<(&'static str, Vec<u8>)> {
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
    vec![
        ("logon-body", whole),
        ("logon-rop-buffer", bare),
        ("empty-rop-buffer", vec![1, 2, 0]),
        ("short-body", vec![0, 1, 2, 3]),
    ]
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
