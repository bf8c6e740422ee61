//! The `mapi` session commands end to end: `mapi demo` (its own emulator), and the session
//! commands against an emulator this test process runs on 127.0.0.1.
#![cfg(feature = "cli")]

use std::time::Duration;

use assert_cmd::Command;
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::{AnonymousPolicy, ServerConfig};
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig};
use predicates::prelude::*;
use serde_json::Value;

/// The seed of the test emulator (and of its passwords).
const SEED: u64 = 7;

async fn emulator(anonymous: bool) -> Emulator {
    let mut server = ServerConfig {
        pending_period: Duration::from_millis(200),
        ..ServerConfig::default()
    };
    if anonymous {
        server = server.with_anonymous(AnonymousPolicy::Allow {
            login: "alice".into(),
        });
    }
    Emulator::start(EmulatorConfig {
        server,
        users: Users::demo_seeded(SEED),
        populated: 1,
        seed: SEED,
        schemes: AuthSchemes::all(),
        server_name: "EMULATOR".into(),
    })
    .await
    .expect("emulator starts")
}

/// `mapi` with a clean environment: no secrets inherited from the developer's shell.
fn mapi() -> Command {
    let mut cmd = Command::cargo_bin("mapi").expect("the mapi binary is built");
    cmd.env_remove("MAPI_PASSWORD")
        .env_remove("MAPI_TOKEN")
        .env_remove("MAPI_CONFIG_DIR")
        .timeout(Duration::from_secs(120));
    cmd
}

/// Runs `cmd` off the async runtime (the emulator keeps serving meanwhile).
async fn run(mut cmd: Command) -> assert_cmd::assert::Assert {
    tokio::task::spawn_blocking(move || cmd.assert())
        .await
        .expect("the command runs")
}

fn endpoint_args(emu: &Emulator) -> Vec<String> {
    vec![
        "--mailbox-url".into(),
        emu.mailbox_url("alice").expect("alice exists"),
        "--user-dn".into(),
        emu.user("alice").expect("alice exists").legacy_dn.clone(),
    ]
}

fn json_of(output: &[u8]) -> Value {
    serde_json::from_slice(output)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(output)))
}

#[test]
fn demo_prints_a_whole_session() {
    let out = mapi()
        .arg("demo")
        .assert()
        .success()
        .stdout(predicate::str::contains("Alice Anders"))
        .stdout(predicate::str::contains("Inbox"))
        .stdout(predicate::str::contains("Status table"))
        .stdout(predicate::str::contains("Logged off"))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    // The Inbox section has rows: "N of M messages" with N > 0.
    let line = text
        .lines()
        .find(|l| l.contains(" of ") && l.contains(" messages"))
        .unwrap_or_else(|| panic!("no row count in {text}"));
    let shown: u32 = line
        .split(" of ")
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no row count in {line}"));
    assert!(shown > 0, "{text}");
    assert!(text.contains("HTTP requests"), "{text}");
}

#[test]
fn demo_json_has_every_part() {
    let out = mapi().args(["demo", "--json"]).assert().success();
    let doc = json_of(&out.get_output().stdout);
    assert_eq!(doc["identity"]["display_name"], "Alice Anders");
    assert!(
        doc["identity"]["entry_id"]
            .as_str()
            .is_some_and(|h| h.len() > 40 && h.chars().all(|c| c.is_ascii_hexdigit()))
    );
    assert!(
        doc["identity"]["search_key"]
            .as_str()
            .is_some_and(|h| h.starts_with("45583A")),
        "EX: in hex"
    );
    assert_eq!(doc["status"].as_array().map(Vec::len), Some(6), "{doc:#}");
    assert_eq!(doc["logon"]["stats"]["http_requests"], 2);
    let folders = doc["folders"].as_array().expect("folders");
    assert!(folders.iter().any(|f| f["name"] == "Inbox"), "{folders:?}");
    let rows = doc["inbox"]["rows"].as_array().expect("inbox rows");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["subject"].is_string()));
    assert!(doc["stores"].as_array().is_some_and(|s| s.len() == 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whoami_ls_and_stores_against_an_emulator() {
    let emu = emulator(true).await;
    let alice = emu.user("alice").unwrap().clone();

    let mut cmd = mapi();
    cmd.arg("whoami")
        .args(endpoint_args(&emu))
        .args(["--auth", "anonymous"]);
    let out = run(cmd).await.success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains(&alice.display_name), "{text}");
    assert!(text.contains(&alice.legacy_dn), "{text}");
    assert!(text.contains("PR_IDENTITY_SEARCH_KEY"), "{text}");

    let mut cmd = mapi();
    cmd.args(["ls", "Inbox", "--limit", "5"])
        .args(endpoint_args(&emu))
        .args(["--auth", "anonymous"]);
    let out = run(cmd).await.success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("5 of "), "{text}");

    let mut cmd = mapi();
    cmd.args(["ls", "Inbox", "--limit", "3", "--json"])
        .args(endpoint_args(&emu))
        .args(["--auth", "anonymous"]);
    let out = run(cmd).await.success();
    let doc = json_of(&out.get_output().stdout);
    assert_eq!(doc["contents"]["rows"].as_array().map(Vec::len), Some(3));

    let mut cmd = mapi();
    cmd.args(["ls", "No Such Folder"])
        .args(endpoint_args(&emu))
        .args(["--auth", "anonymous"]);
    run(cmd)
        .await
        .code(66)
        .stderr(predicate::str::contains("no folder \"No Such Folder\""));

    let mut cmd = mapi();
    cmd.args(["stores", "--json"])
        .args(endpoint_args(&emu))
        .args(["--auth", "anonymous"]);
    let out = run(cmd).await.success();
    let doc = json_of(&out.get_output().stdout);
    let stores = doc.as_array().expect("an array of stores");
    assert_eq!(stores.len(), 2);
    assert_eq!(stores[0]["default_store"], true);
    assert_eq!(stores[1]["kind"], "public");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn basic_auth_needs_https_or_insecure_http_and_the_right_password() {
    let emu = emulator(false).await;
    let password = emu.user("alice").unwrap().password.clone();

    // Basic over http:// without --insecure-http: refused before any password is asked.
    let mut cmd = mapi();
    cmd.arg("whoami")
        .args(endpoint_args(&emu))
        .args(["--auth", "basic", "--user", "alice"])
        .env("MAPI_PASSWORD", &password);
    run(cmd)
        .await
        .code(78)
        .stderr(predicate::str::contains("--insecure-http"))
        .stderr(predicate::str::contains(password.as_str()).not());

    // The right password from the environment logs on.
    let mut cmd = mapi();
    cmd.arg("whoami")
        .args(endpoint_args(&emu))
        .args(["--auth", "basic", "--user", "alice", "--insecure-http"])
        .env("MAPI_PASSWORD", &password);
    run(cmd)
        .await
        .success()
        .stdout(predicate::str::contains("Alice Anders"));

    // From a command, too.
    let mut cmd = mapi();
    cmd.arg("logon")
        .args(endpoint_args(&emu))
        .args(["--auth", "basic", "--user", "alice", "--insecure-http"])
        .args([
            "--password-command",
            &format!("printf '%s\\n' '{password}'"),
        ]);
    run(cmd)
        .await
        .success()
        .stdout(predicate::str::contains("Logged off"));

    // A wrong password: the auth exit code, a message that names the failure and not the
    // password.
    let wrong = "Wr0ng-Pa55word-xyzzy";
    let mut cmd = mapi();
    cmd.arg("whoami")
        .args(endpoint_args(&emu))
        .args(["--auth", "basic", "--user", "alice", "--insecure-http"])
        .env("MAPI_PASSWORD", wrong);
    let out = run(cmd).await.code(77);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stderr.contains("authentication failed"), "{stderr}");
    assert!(
        !stderr.contains(wrong) && !stdout.contains(wrong),
        "{stderr}"
    );

    // No password at all, stdin not a terminal: a clear usage error.
    let mut cmd = mapi();
    cmd.arg("whoami").args(endpoint_args(&emu)).args([
        "--auth",
        "basic",
        "--user",
        "alice",
        "--insecure-http",
    ]);
    run(cmd)
        .await
        .code(64)
        .stderr(predicate::str::contains("MAPI_PASSWORD"));
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profiles_are_created_listed_shown_used_and_deleted() {
    let emu = emulator(true).await;
    let dir = tempfile::tempdir().expect("a temp dir");
    let config = dir.path().to_str().unwrap().to_owned();
    let with_dir = |args: &[&str]| {
        let mut cmd = mapi();
        cmd.env("MAPI_CONFIG_DIR", &config).args(args);
        cmd
    };
    // The emulator speaks plain http://: a profile for it must say so.
    let mut cmd = with_dir(&["profile", "create", "emu", "--auth", "anonymous"]);
    cmd.args(endpoint_args(&emu));
    run(cmd)
        .await
        .code(64)
        .stderr(predicate::str::contains("allow_insecure_http"));
    let mut cmd = with_dir(&[
        "profile",
        "create",
        "emu",
        "--auth",
        "anonymous",
        "--insecure-http",
    ]);
    cmd.args(endpoint_args(&emu));
    run(cmd)
        .await
        .success()
        .stdout(predicate::str::contains("Saved profile emu"));
    assert!(dir.path().join("profiles").join("emu.toml").is_file());

    let out = run(with_dir(&["profile", "list", "--json"]))
        .await
        .success();
    let doc = json_of(&out.get_output().stdout);
    assert_eq!(doc.as_array().map(Vec::len), Some(1), "{doc}");
    assert_eq!(doc[0]["name"], "emu");
    assert_eq!(doc[0]["auth"], "anonymous");

    run(with_dir(&["profile", "show", "emu"]))
        .await
        .success()
        .stdout(predicate::str::contains(emu.mailbox_url("alice").unwrap()));

    // The profile is enough to log on; the status table has its six rows.
    let out = run(with_dir(&["status", "--profile", "emu", "--json"]))
        .await
        .success();
    let doc = json_of(&out.get_output().stdout);
    let rows = doc.as_array().expect("status rows");
    assert_eq!(rows.len(), 6, "{doc:#}");
    assert!(rows.iter().any(|r| {
        r["flags"]
            .as_array()
            .is_some_and(|f| f.iter().any(|x| x == "STATUS_PRIMARY_IDENTITY"))
    }));

    run(with_dir(&["profile", "delete", "emu"])).await.success();
    run(with_dir(&["profile", "show", "emu"]))
        .await
        .code(66)
        .stderr(predicate::str::contains("no profile named \"emu\""));
    run(with_dir(&["whoami", "--profile", "emu"]))
        .await
        .code(66);
    emu.shutdown().await;
}

/// `mapi ab ...` with the emulator's endpoints, anonymous (let in as alice).
fn ab(emu: &Emulator, args: &[&str]) -> Command {
    let mut cmd = mapi();
    cmd.arg("ab")
        .args(args)
        .args(endpoint_args(emu))
        .args(["--auth", "anonymous"]);
    cmd
}

#[tokio::test(flavor = "multi_thread")]
async fn ab_hierarchy_list_and_show() {
    let emu = emulator(true).await;
    let users = Users::demo_seeded(SEED);

    let out = run(ab(&emu, &["hierarchy", "--json"])).await.success();
    let doc = json_of(&out.get_output().stdout);
    let containers = doc["containers"].as_array().expect("containers");
    assert_eq!(containers[0]["id"], 0, "{doc}");
    assert_eq!(containers[0]["name"], "Global Address List", "{doc}");
    assert!(
        containers.iter().any(|c| c["name"] == "Sales"),
        "a container per department: {doc}"
    );

    let out = run(ab(
        &emu,
        &["list", "--limit", "7", "--page-size", "3", "--json"],
    ))
    .await
    .success();
    let doc = json_of(&out.get_output().stdout);
    let entries = doc["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 7, "{doc}");
    assert!(
        doc["total"].as_u64().unwrap() >= users.entries().len() as u64,
        "{doc}"
    );
    let mut names: Vec<&str> = entries
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    let listed = names.clone();
    names.sort_by_key(|n| n.to_lowercase());
    assert_eq!(listed, names, "the GAL is in display name order");

    let out = run(ab(&emu, &["list", "sales", "--limit", "0"]))
        .await
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let in_sales = users
        .entries()
        .iter()
        .filter(|e| e.department.as_deref() == Some("Sales"))
        .count();
    assert!(
        text.starts_with(&format!("Sales ({in_sales} entries)")),
        "{text}"
    );

    let bob = emu.user("bob").unwrap().clone();
    for key in [bob.smtp_address.as_str(), bob.legacy_dn.as_str()] {
        let out = run(ab(&emu, &["show", key, "--json"])).await.success();
        let doc = json_of(&out.get_output().stdout);
        assert_eq!(doc["smtp"], bob.smtp_address.as_str(), "{doc}");
        assert_eq!(doc["dn"], bob.legacy_dn.as_str(), "{doc}");
    }
    let out = run(ab(&emu, &["show", "me"])).await.success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("PidTagSmtpAddress"), "{text}");
    assert!(
        text.contains(&emu.user("alice").unwrap().smtp_address),
        "{text}"
    );

    run(ab(&emu, &["show", "nobody@nowhere.example"]))
        .await
        .failure()
        .code(66);
    run(ab(&emu, &["list", "No Such List"]))
        .await
        .failure()
        .code(66);
}

#[tokio::test(flavor = "multi_thread")]
async fn ab_resolve_tells_resolved_ambiguous_and_unknown_names_apart() {
    let emu = emulator(true).await;
    let users = Users::demo_seeded(SEED);
    let mut seen = std::collections::HashMap::new();
    for e in users.entries() {
        *seen.entry(e.given_name.clone().unwrap()).or_insert(0) += 1;
    }
    let shared = seen
        .iter()
        .find(|(_, n)| **n > 1)
        .map(|(g, _)| g.clone())
        .expect("a given name several users share");
    let bob = emu.user("bob").unwrap().clone();

    let out = run(ab(&emu, &["resolve", &bob.display_name, "--json"]))
        .await
        .success();
    let doc = json_of(&out.get_output().stdout);
    assert_eq!(doc["names"][0]["status"], "resolved", "{doc}");
    assert_eq!(
        doc["names"][0]["entries"][0]["smtp"],
        bob.smtp_address.as_str()
    );

    let out = run(ab(
        &emu,
        &[
            "resolve",
            &shared,
            "zz-nobody-zz",
            &bob.smtp_address,
            "--json",
        ],
    ))
    .await
    .failure()
    .code(67);
    let doc = json_of(&out.get_output().stdout);
    let names = doc["names"].as_array().unwrap();
    assert_eq!(names[0]["status"], "ambiguous", "{doc}");
    let candidates = names[0]["entries"].as_array().unwrap();
    assert!(candidates.len() >= 2, "{doc}");
    assert!(
        candidates
            .iter()
            .all(|c| c["name"].as_str().unwrap().contains(&shared)),
        "{doc}"
    );
    assert_eq!(names[1]["status"], "unresolved", "{doc}");
    assert_eq!(names[2]["status"], "resolved", "{doc}");
}
