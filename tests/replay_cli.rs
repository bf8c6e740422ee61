//! `mapi decode har` over the recordings in `fixtures/`, and `mapi --record` / `mapi --replay`
//! of a session command against an emulator on 127.0.0.1.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use mapi_http::emulator::{Emulator, EmulatorConfig};
use serde_json::Value;

fn mapi() -> Command {
    let mut cmd = Command::cargo_bin("mapi").expect("the mapi binary is built");
    cmd.env_remove("MAPI_PASSWORD")
        .env_remove("MAPI_TOKEN")
        .env_remove("MAPI_CONFIG_DIR")
        .timeout(Duration::from_secs(120));
    cmd
}

/// `mapi decode har --json FILE`, which must succeed, parsed.
fn decode_har_json(file: &std::path::Path) -> Value {
    let out = mapi()
        .args(["decode", "har", "--json"])
        .arg(file)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// Every HAR file in `fixtures/`: the independent server's and this client's own.
fn fixtures() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = ["gromox", "recorded"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "har"))
        .collect();
    files.sort();
    files
}

/// The known-gaps table of fixtures/README.md is the whole list of exchanges whose response
/// `mapi decode har` shows as text rather than decoded: a new one, or one that went away,
/// fails here until the table says so.
#[test]
fn the_known_gaps_table_lists_every_response_shown_as_text() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let table = readme
        .split("## Known gaps")
        .nth(1)
        .expect("fixtures/README.md has a Known gaps section");
    let mut listed: Vec<(String, u64)> = Vec::new();
    for line in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let file = cells[1].trim_matches('`').to_owned();
        for step in cells[2].split(',') {
            listed.push((file.clone(), step.trim().parse().unwrap()));
        }
    }
    let mut found: Vec<(String, u64)> = Vec::new();
    for file in fixtures() {
        let doc = decode_har_json(&file);
        let name = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for exchange in doc["exchanges"].as_array().unwrap() {
            let response = &exchange["response"];
            if response.get("plain_body").is_some() || response.get("body").is_none() {
                found.push((name.clone(), exchange["step"].as_u64().unwrap()));
            }
        }
    }
    listed.sort();
    found.sort();
    assert_eq!(listed, found);
}

#[test]
fn decode_har_takes_every_fixture_apart_with_nothing_undecoded() {
    let files = fixtures();
    assert!(files.len() >= 10, "{files:?}");
    for file in files {
        let doc = decode_har_json(&file);
        let entries = doc["har"]["entries"].as_u64().unwrap();
        assert_eq!(
            doc["exchanges"].as_array().map(|a| a.len() as u64),
            Some(entries)
        );
        assert_eq!(
            doc["har"]["undecoded"],
            serde_json::json!([]),
            "{}",
            file.display()
        );
    }
}

#[test]
fn decode_har_text_has_a_summary_line_per_exchange() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/gromox/session-logon.har");
    let out = mapi().args(["decode", "har"]).arg(&file).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("summary: \"Execute [RopLogon] -> 200 X-ResponseCode 0\""),
        "{text}"
    );
    assert!(text.contains("summary: \"Disconnect -> 200"), "{text}");
    assert_eq!(text.matches("summary:").count(), 5);
}

#[test]
fn decode_har_refuses_what_is_not_a_har() {
    mapi()
        .args(["decode", "har", "-"])
        .write_stdin("not json")
        .assert()
        .code(65);
}

/// `mapi --record HAR <args> --auth basic --user alice` against `emu`, with alice's password.
fn recording(emu: &Emulator, har: &std::path::Path, args: &[&str]) -> Command {
    let alice = emu.user("alice").unwrap();
    let mut cmd = mapi();
    cmd.arg("--record")
        .arg(har)
        .args(args)
        .args(["--auth", "basic", "--user", "alice", "--insecure-http"])
        .args(["--mailbox-url", &emu.mailbox_url("alice").unwrap()])
        .args(["--user-dn", &alice.legacy_dn])
        .env("MAPI_PASSWORD", &alice.password);
    cmd
}

/// Runs `cmd` off the async threads (the emulator serves it meanwhile); it must succeed.
async fn succeeds(mut cmd: Command) -> std::process::Output {
    tokio::task::spawn_blocking(move || cmd.assert().success().get_output().clone())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recorded_command_replays_to_the_same_output_without_the_server() {
    let emu = Emulator::start(EmulatorConfig::demo(7)).await.unwrap();
    let alice = emu.user("alice").unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let har = dir.path().join("folders.har");

    let live = succeeds(recording(&emu, &har, &["folders"])).await.stdout;
    assert!(String::from_utf8_lossy(&live).contains("Inbox"));
    drop(emu);

    let text = std::fs::read_to_string(&har).unwrap();
    assert!(
        !text.contains(&alice.password),
        "the password is in the recording"
    );

    // No endpoints, no password: the recording has what the replay needs.
    let mut cmd = mapi();
    cmd.arg("--replay").arg(&har).arg("folders");
    let replayed = tokio::task::spawn_blocking(move || cmd.assert().success())
        .await
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&replayed.get_output().stdout),
        String::from_utf8_lossy(&live)
    );
}

#[test]
fn replaying_another_clients_recording_stops_where_this_client_asks_something_else() {
    // Gromox's client logged on with RopLogon alone; this one chains the store properties in.
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/gromox/session-logon.har");
    let out = mapi()
        .arg("--replay")
        .arg(&file)
        .arg("logon")
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("step 2 (Execute): rops[1]"), "{err}");
}

#[test]
fn record_and_replay_are_refused_where_nothing_would_be_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let out = mapi()
        .arg("--record")
        .arg(dir.path().join("x.har"))
        .arg("demo")
        .assert()
        .code(64);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("commands that talk to a server"), "{err}");
    assert!(!dir.path().join("x.har").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bearer_token_never_reaches_the_recording() {
    let emu = Emulator::start(EmulatorConfig::demo(7)).await.unwrap();
    let alice = emu.user("alice").unwrap().clone();
    let token = emu.auth().issue_token("alice").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let har = dir.path().join("whoami.har");
    let mut cmd = mapi();
    cmd.arg("--record")
        .arg(&har)
        .args(["whoami", "--auth", "bearer"])
        .args(["--mailbox-url", &emu.mailbox_url("alice").unwrap()])
        .args(["--user-dn", &alice.legacy_dn])
        .env("MAPI_TOKEN", &token);
    let out = tokio::task::spawn_blocking(move || cmd.assert().success())
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains(&alice.display_name));
    let text = std::fs::read_to_string(&har).unwrap();
    assert!(text.contains("\"Connect\""), "the exchanges are recorded");
    assert!(!text.contains(&token), "the token is in the recording");
}

/// The address book commands record and replay too (their NSPI calls travel on a lane of
/// their own), and a command that asks less than the recording holds says what it left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_book_command_replays_and_a_shorter_command_names_what_it_left() {
    let emu = Emulator::start(EmulatorConfig::demo(7)).await.unwrap();
    let alice = emu.user("alice").unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let har = dir.path().join("ab.har");
    let live = succeeds(recording(&emu, &har, &["ab", "show", "me"]))
        .await
        .stdout;
    let live = String::from_utf8_lossy(&live).into_owned();
    assert!(live.contains(&alice.smtp_address), "{live}");
    drop(emu);

    let mut cmd = mapi();
    cmd.arg("--replay").arg(&har).args(["ab", "show", "me"]);
    let replayed = tokio::task::spawn_blocking(move || cmd.assert().success())
        .await
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&replayed.get_output().stdout), live);
    let err = String::from_utf8_lossy(&replayed.get_output().stderr).into_owned();
    assert!(!err.contains("did not ask for"), "{err}");

    // `whoami` needs the mailbox's steps only: the address book's are left, and named.
    let mut cmd = mapi();
    cmd.arg("--replay").arg(&har).arg("whoami");
    let shorter = tokio::task::spawn_blocking(move || cmd.assert().success())
        .await
        .unwrap();
    let err = String::from_utf8_lossy(&shorter.get_output().stderr).into_owned();
    assert!(
        err.contains("step(s) this command did not ask for") && err.contains("(Bind)"),
        "{err}"
    );
}

/// `mapi autodiscover` records its POX exchanges (credentials redacted, the password nowhere)
/// and replays them without a server, needing no credentials then.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autodiscover_records_and_replays() {
    let emu = Emulator::start(EmulatorConfig::demo(7)).await.unwrap();
    let alice = emu.user("alice").unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let har = dir.path().join("autodiscover.har");
    let url = emu.autodiscover_url();
    let mut cmd = mapi();
    cmd.arg("--record")
        .arg(&har)
        .args(["autodiscover", &alice.smtp_address, "--url", &url])
        .args(["--auth", "basic", "--user", "alice", "--insecure-http"])
        .env("MAPI_PASSWORD", &alice.password);
    let live = succeeds(cmd).await.stdout;
    let live = String::from_utf8_lossy(&live).into_owned();
    assert!(live.contains("/mapi/emsmdb/"), "{live}");
    drop(emu);

    let text = std::fs::read_to_string(&har).unwrap();
    assert!(
        !text.contains(&alice.password),
        "the password is in the recording"
    );
    let recording = mapi_http::replay::Har::from_json(text.as_bytes()).unwrap();
    let first = &recording.log.entries[0].request;
    assert!(
        first.url.ends_with("/autodiscover/autodiscover.xml"),
        "{}",
        first.url
    );
    assert_eq!(first.header("Authorization"), Some("Basic [REDACTED]"));
    assert_eq!(first.header("X-RequestType"), None, "recorded as sent");
    // The dissector reads the POX answer.
    let doc = decode_har_json(&har);
    let exchange = &doc["exchanges"][0];
    assert!(
        exchange["summary"]
            .as_str()
            .unwrap()
            .starts_with("Autodiscover -> 200"),
        "{}",
        exchange["summary"]
    );
    let mailbox = &exchange["response"]["autodiscover"]["settings"]["mailbox"];
    assert!(
        [&mailbox["internal"], &mailbox["external"]]
            .iter()
            .any(|u| u.as_str().is_some_and(|u| u.contains("/mapi/emsmdb/"))),
        "{exchange}"
    );

    let mut cmd = mapi();
    cmd.arg("--replay")
        .arg(&har)
        .args(["autodiscover", &alice.smtp_address, "--url", &url]);
    let replayed = succeeds(cmd).await;
    assert_eq!(String::from_utf8_lossy(&replayed.stdout), live);
    let err = String::from_utf8_lossy(&replayed.stderr).into_owned();
    assert!(!err.contains("did not ask for"), "{err}");

    // Another address asks something the recording does not hold: a mismatch naming the step.
    let mut cmd = mapi();
    cmd.arg("--replay")
        .arg(&har)
        .args(["autodiscover", "ben@contoso.example", "--url", &url]);
    let out = tokio::task::spawn_blocking(move || cmd.assert().failure().get_output().clone())
        .await
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("step 1 (Autodiscover)"), "{err}");
}
