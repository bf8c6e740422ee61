//! Replays every committed fuzz input (`fuzz/corpus/<family>/`, seeds and finds, and
//! `fuzz/artifacts/<family>/`, crashes once found) through its family's decoder, so a plain
//! `cargo test` guards every input that ever broke a decoder, without a nightly toolchain.
#![cfg(feature = "fuzzing")]

use std::path::Path;

use mapi_http::fuzzing::{Family, Outcome, run_selected};

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_committed_fuzz_input_is_handled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    let mut failures = Vec::new();
    for family in Family::ALL {
        for kind in ["corpus", "artifacts"] {
            for file in files(&root.join(kind).join(family.name())) {
                let data = std::fs::read(&file).expect("readable corpus file");
                replayed += 1;
                if let Some((decoder, Outcome::Mismatch(why))) = run_selected(*family, &data) {
                    failures.push(format!("{}: {decoder:?}: {why}", file.display()));
                }
            }
        }
    }
    println!("replayed {replayed} fuzz inputs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_family_has_decoders_and_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for family in Family::ALL {
        assert!(
            family.decoders().next().is_some(),
            "family {} has no decoder",
            family.name()
        );
        let target = root
            .join("fuzz_targets")
            .join(format!("{}.rs", family.name()));
        assert!(target.is_file(), "no fuzz target {}", target.display());
    }
}

/// Regenerates the seed corpora from the recordings: `cargo test --all-features --test
/// fuzz_corpus -- --ignored write_seed_corpus`. Each decoder gets the fixture-derived inputs
/// it accepts (prefixed with its selector byte) and a few it refuses, so fuzzing starts from
/// real traffic rather than from nothing.
#[test]
#[ignore = "writes fuzz/corpus; run by hand after changing the registry or fixtures"]
fn write_seed_corpus() {
    use mapi_http::fuzzing::Mode;
    use mapi_http::wire::Wire;
    use mapi_http::wire::mapihttp::framing::{FramerLimits, frame_all};
    use mapi_http::wire::mapihttp::{
        ConnectRequest, ConnectResponse, ExecuteRequest, ExecuteResponse,
    };
    use mapi_http::wire::rpc_ext::decode_chain;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pool: Vec<Vec<u8>> = Vec::new();
    let mut streams: Vec<Vec<u8>> = Vec::new();
    let add_chain = |pool: &mut Vec<Vec<u8>>, bytes: &[u8]| {
        if bytes.is_empty() {
            return;
        }
        pool.push(bytes.to_vec());
        if let Ok(chain) = decode_chain(bytes) {
            pool.extend(chain.into_iter().map(|b| b.payload));
        }
    };
    for dir in files(&root.join("fixtures/bodies")).into_iter().chain(
        std::fs::read_dir(root.join("fixtures/bodies"))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .flat_map(|d| files(&d)),
    ) {
        let bytes = std::fs::read(&dir).unwrap();
        let name = dir.to_string_lossy().to_string();
        let body = if name.ends_with("-response.bin") {
            streams.push(bytes.clone());
            match frame_all(&bytes, FramerLimits::default()) {
                Ok(f) => f.body,
                Err(_) => continue,
            }
        } else {
            bytes
        };
        if let Ok(r) = ExecuteRequest::from_bytes(&body) {
            add_chain(&mut pool, &r.rop_buffer);
        }
        if let Ok(ExecuteResponse::Success { rop_buffer, .. }) = ExecuteResponse::from_bytes(&body)
        {
            add_chain(&mut pool, &rop_buffer);
        }
        if let Ok(ConnectResponse::Success {
            auxiliary_buffer, ..
        }) = ConnectResponse::from_bytes(&body)
        {
            add_chain(&mut pool, &auxiliary_buffer);
        }
        if let Ok(r) = ConnectRequest::from_bytes(&body) {
            add_chain(&mut pool, &r.auxiliary_buffer);
        }
        pool.push(body);
    }
    // ROP lists: each recorded request RopsList, and `[len][requests][responses]` pairs.
    let rops_of = |chain: &[u8]| -> Option<Vec<u8>> {
        let buffers = decode_chain(chain).ok()?;
        let first = buffers.into_iter().next()?;
        mapi_http::wire::RopBuffer::from_bytes(&first.payload)
            .ok()
            .map(|b| b.rops)
    };
    for dir in std::fs::read_dir(root.join("fixtures/bodies"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
    {
        for req_file in files(&dir) {
            let name = req_file.to_string_lossy().to_string();
            let Some(stem) = name.strip_suffix("-execute-request.bin") else {
                continue;
            };
            let Ok(req) = ExecuteRequest::from_bytes(&std::fs::read(&req_file).unwrap()) else {
                continue;
            };
            let Some(req_rops) = rops_of(&req.rop_buffer) else {
                continue;
            };
            pool.push(req_rops.clone());
            let Ok(resp) = std::fs::read(format!("{stem}-execute-response.bin")) else {
                continue;
            };
            let Ok(framed) = frame_all(&resp, FramerLimits::default()) else {
                continue;
            };
            if let Ok(ExecuteResponse::Success { rop_buffer, .. }) =
                ExecuteResponse::from_bytes(&framed.body)
                && let Some(resp_rops) = rops_of(&rop_buffer)
                && let Ok(len) = u16::try_from(req_rops.len())
            {
                let mut pair = len.to_le_bytes().to_vec();
                pair.extend_from_slice(&req_rops);
                pair.extend_from_slice(&resp_rops);
                pool.push(pair);
            }
        }
    }
    for file in files(&root.join("fixtures/lz77")) {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.to_string_lossy().to_string();
        if let Some(plain_name) = name.strip_suffix(".lz77") {
            if let Ok(plain) = std::fs::read(format!("{plain_name}.bin"))
                && let Ok(len) = u16::try_from(plain.len())
            {
                let mut seed = len.to_le_bytes().to_vec();
                seed.extend_from_slice(&bytes);
                pool.push(seed);
            }
        } else if name.ends_with(".bin") {
            pool.push(bytes);
        }
    }

    for family in Family::ALL {
        let dir = root.join("fuzz/corpus").join(family.name());
        std::fs::create_dir_all(&dir).unwrap();
        for (selector, decoder) in family.decoders().enumerate() {
            let selector = u8::try_from(selector).unwrap();
            let slug: String = decoder
                .name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let candidates = pool.iter().chain(&streams).flat_map(|p| {
                // Context-taking decoders read a few bytes of context first (count width,
                // property type, columns); offer the pool with and without such prefixes.
                [vec![], vec![0u8], vec![1u8], vec![0u8, 0u8], vec![1u8, 0u8]]
                    .into_iter()
                    .map(move |prefix| [prefix, p.clone()].concat())
            });
            let (mut accepted, mut rejected) = (Vec::new(), Vec::new());
            for input in candidates {
                match (decoder.run)(&input, Mode::RoundTrip) {
                    Outcome::RoundTripped if accepted.len() < 24 && !accepted.contains(&input) => {
                        accepted.push(input)
                    }
                    Outcome::Rejected if rejected.len() < 3 => rejected.push(input),
                    _ => {}
                }
            }
            for (n, input) in accepted.iter().chain(&rejected).enumerate() {
                let mut seed = vec![selector];
                seed.extend_from_slice(input);
                std::fs::write(dir.join(format!("seed-{slug}-{n:02}")), seed).unwrap();
            }
            println!(
                "{}: {} accepted, {} refused seeds",
                decoder.name,
                accepted.len(),
                rejected.len()
            );
        }
    }
}
