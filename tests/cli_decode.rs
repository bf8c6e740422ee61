//! `mapi decode` end to end: the README's main job, JSON output, and the exit codes that tell
//! malformed input from usage errors.
#![cfg(feature = "cli")]

use std::process::Command;

fn mapi(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mapi"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("mapi runs")
}

#[test]
fn decodes_the_recorded_logon_response() {
    let out = mapi(&[
        "decode",
        "execute-response",
        "fixtures/bodies/session-logon/02-execute-response.bin",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("X-ElapsedTime"), "{text}");
    assert!(text.contains("size_actual: 172"), "{text}");
}

#[test]
fn json_output_names_the_connect_fields() {
    let out = mapi(&[
        "decode",
        "connect-response",
        "--json",
        "fixtures/bodies/session-logon/01-connect-response.bin",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let success = &v["connect_response"]["Success"];
    assert_eq!(success["display_name"], "Alice Example");
    assert_eq!(success["max_polling_interval"], 60000);
    let blocks = &v["auxiliary_buffer"][0]["blocks"];
    assert_eq!(blocks.as_array().map(Vec::len), Some(3), "{v}");
}

#[test]
fn hex_input_is_read_as_bytes() {
    let dir = std::env::temp_dir().join(format!("mapi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("disconnect.hex");
    // Disconnect request: AuxiliaryBufferSize 0.
    std::fs::write(&file, "00 00\n00 00\n").unwrap();
    let out = mapi(&[
        "decode",
        "disconnect-request",
        "--hex",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn malformed_input_exits_65_with_structure_and_offset() {
    let dir = std::env::temp_dir().join(format!("mapi-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("truncated.bin");
    let whole = std::fs::read("fixtures/bodies/session-logon/02-execute-response.bin").unwrap();
    std::fs::write(&file, &whole[..150]).unwrap();
    let out = mapi(&["decode", "execute-response", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(65));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ExecuteResponseBody at byte offset 98"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_and_missing_files_have_their_own_codes() {
    assert_eq!(
        mapi(&["decode", "no-such-kind", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(
        mapi(&["decode", "rpc-ext", "/nonexistent/file"])
            .status
            .code(),
        Some(66)
    );
}

#[test]
fn execute_response_decodes_its_rops_given_the_request() {
    let out = mapi(&[
        "decode",
        "execute-response",
        "--json",
        "fixtures/bodies/session-folders/02-execute-response.bin",
        "--request",
        "fixtures/bodies/session-folders/02-execute-request.bin",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let responses = v["rops"]["responses"].as_array().expect("typed responses");
    assert_eq!(responses.len(), 5);
    assert_eq!(
        responses[4]["QueryRows"]["Success"]["rows"]["rows"]
            .as_array()
            .map(Vec::len),
        Some(21)
    );
    assert!(v["rops"]["undecoded"].is_null());
}

#[test]
fn execute_response_without_its_request_says_why_rops_stay_undecoded() {
    let out = mapi(&[
        "decode",
        "execute-response",
        "--json",
        "fixtures/bodies/session-folders/02-execute-response.bin",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let why = v["rops"]["undecoded"].as_str().unwrap();
    assert!(why.contains("--request"), "{why}");
}

#[test]
fn execute_request_lists_its_rops() {
    let out = mapi(&[
        "decode",
        "execute-request",
        "--json",
        "fixtures/bodies/session-folders/02-execute-request.bin",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let requests = v["rops"]["requests"].as_array().unwrap();
    let names: Vec<&str> = requests
        .iter()
        .filter_map(|r| r.as_object()?.keys().next().map(String::as_str))
        .collect();
    assert_eq!(
        names,
        [
            "Logon",
            "OpenFolder",
            "GetHierarchyTable",
            "SetColumns",
            "QueryRows"
        ]
    );
}
