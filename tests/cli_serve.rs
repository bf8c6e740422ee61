//! `mapi serve` end to end: it prints where it listens and who can log on, and a Connect with
//! the printed credentials against the printed mailbox URL succeeds.
#![cfg(feature = "cli")]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use base64::Engine as _;
use mapi_http::wire::Wire;
use mapi_http::wire::mapihttp::framing::frame_all;
use mapi_http::wire::mapihttp::{ConnectFlags, ConnectRequest, ConnectResponse, FramerLimits};

/// Kills the server when the test ends, pass or fail.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn serve_prints_working_urls_and_credentials() {
    let mut child = Child(
        Command::new(env!("CARGO_BIN_EXE_mapi"))
            .args(["serve", "--seed", "5"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("mapi serve starts"),
    );
    let stdout = child.0.stdout.take().unwrap();
    let lines: Vec<String> = tokio::task::spawn_blocking(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .take_while(|l| !l.starts_with("Press Ctrl-C"))
            .collect()
    })
    .await
    .unwrap();
    let value = |key: &str| {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_owned()))
            .unwrap_or_else(|| panic!("no {key} in {lines:#?}"))
    };
    assert!(value("mapi emulator listening on").starts_with("http://127.0.0.1:"));
    assert_eq!(value("user:"), "alice");
    let (password, dn, mailbox) = (value("password:"), value("legacy DN:"), value("mailbox:"));
    assert!(mailbox.contains("/mapi/emsmdb/?MailboxId="), "{mailbox}");

    let body = ConnectRequest {
        user_dn: dn,
        flags: ConnectFlags::NONE,
        default_code_page: 1252,
        lcid_sort: 1033,
        lcid_string: 1033,
        auxiliary_buffer: Vec::new(),
    }
    .to_bytes()
    .unwrap();
    let credentials = base64::engine::general_purpose::STANDARD.encode(format!("alice:{password}"));
    let response = reqwest::Client::new()
        .post(&mailbox)
        .header("Content-Type", "application/mapi-http")
        .header("X-RequestType", "Connect")
        .header("X-RequestId", "{1D0C61A4-2B5F-4D8E-9F00-000000000001}:1")
        .header("X-ClientInfo", "{1D0C61A4-2B5F-4D8E-9F00-0000000000FF}:1")
        .header("Authorization", format!("Basic {credentials}"))
        .body(body)
        .send()
        .await
        .expect("Connect over HTTP");
    assert_eq!(response.status().as_u16(), 200);
    let framed = frame_all(&response.bytes().await.unwrap(), FramerLimits::default()).unwrap();
    match ConnectResponse::from_bytes(&framed.body).unwrap() {
        ConnectResponse::Success {
            error_code,
            display_name,
            ..
        } => {
            assert_eq!(error_code.0, 0);
            assert!(!display_name.is_empty());
        }
        other => panic!("{other:?}"),
    }
}
