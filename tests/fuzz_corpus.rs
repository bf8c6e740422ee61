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
