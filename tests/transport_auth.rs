//! The network transport's credentials against the emulator's acceptors over real HTTP:
//! NTLM through sspi on both sides (the handshake legs on one keep-alive connection, later
//! requests riding the authenticated connection), Basic, and wrong passwords as plain 401s.
#![cfg(all(feature = "client", feature = "emulator"))]

use mapi_http::emulator::{Emulator, EmulatorConfig};
use mapi_http::session::{HttpRequest, ResponseBody};
use mapi_http::transport::{Credentials, HttpTransport, Secret, Transport, TransportConfig};
use mapi_http::wire::Wire;
use mapi_http::wire::mapihttp::{ConnectFlags, ConnectRequest, ConnectResponse, RequestType};

fn connect_request(url: &str, dn: &str, n: u32) -> HttpRequest {
    HttpRequest {
        url: url.to_owned(),
        request_type: RequestType::Connect,
        headers: vec![
            ("Content-Type", "application/mapi-http".into()),
            ("X-RequestType", "Connect".into()),
            (
                "X-RequestId",
                format!("{{3C2B9A10-0000-4000-8000-00000000000{n}}}:1"),
            ),
            (
                "X-ClientInfo",
                "{3C2B9A10-0000-4000-8000-0000000000FF}:1".into(),
            ),
        ],
        body: ConnectRequest {
            user_dn: dn.to_owned(),
            flags: ConnectFlags::NONE,
            default_code_page: 1252,
            lcid_sort: 1033,
            lcid_string: 1033,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap(),
    }
}

fn connected(response: &mapi_http::session::HttpResponse) -> bool {
    match &response.body {
        ResponseBody::Framed(f) if response.status == 200 => matches!(
            ConnectResponse::from_bytes(&f.body),
            Ok(ConnectResponse::Success { error_code, .. }) if error_code.0 == 0
        ),
        _ => false,
    }
}

#[tokio::test]
async fn ntlm_authenticates_the_connection_and_wrong_passwords_get_401() {
    let emulator = Emulator::start(EmulatorConfig::demo(3)).await.unwrap();
    let alice = emulator.user("alice").unwrap().clone();
    let url = emulator.mailbox_url("alice").unwrap();
    let transport = HttpTransport::new(
        Credentials::Ntlm {
            user: format!("CONTOSO\\{}", alice.login),
            password: Secret::new(alice.password.clone()),
        },
        TransportConfig::default(),
    )
    .unwrap();
    let first = transport
        .send(&connect_request(&url, &alice.legacy_dn, 1))
        .await
        .unwrap();
    assert!(connected(&first), "{first:?}");
    // NEGOTIATE and AUTHENTICATE legs: 2 requests so far, both on one connection.
    let log = emulator.request_log().records();
    assert_eq!(log.len(), 2, "{log:#?}");
    assert_eq!(
        log[0].connection, log[1].connection,
        "handshake legs share a connection"
    );

    // The connection stays authenticated: the next request goes out bare and succeeds.
    let second = transport
        .send(&connect_request(&url, &alice.legacy_dn, 2))
        .await
        .unwrap();
    assert!(connected(&second));
    assert_eq!(emulator.request_log().records().len(), 3);

    let wrong = HttpTransport::new(
        Credentials::Ntlm {
            user: alice.login.clone(),
            password: Secret::new("not-the-password"),
        },
        TransportConfig::default(),
    )
    .unwrap();
    let refused = wrong
        .send(&connect_request(&url, &alice.legacy_dn, 3))
        .await
        .unwrap();
    assert_eq!(refused.status, 401);
    emulator.shutdown().await;
}

#[tokio::test]
async fn basic_over_loopback_http_when_allowed() {
    let emulator = Emulator::start(EmulatorConfig::demo(3)).await.unwrap();
    let alice = emulator.user("alice").unwrap().clone();
    let url = emulator.mailbox_url("alice").unwrap();
    let transport = HttpTransport::new(
        Credentials::Basic {
            user: alice.login.clone(),
            password: Secret::new(alice.password.clone()),
        },
        TransportConfig {
            allow_insecure_basic: true,
            ..TransportConfig::default()
        },
    )
    .unwrap();
    let response = transport
        .send(&connect_request(&url, &alice.legacy_dn, 4))
        .await
        .unwrap();
    assert!(connected(&response));
    emulator.shutdown().await;
}

#[tokio::test]
async fn negotiate_with_ntlm_inside() {
    let emulator = Emulator::start(EmulatorConfig::demo(3)).await.unwrap();
    let bob = emulator.user("bob").unwrap().clone();
    let url = emulator.mailbox_url("bob").unwrap();
    let transport = HttpTransport::new(
        Credentials::Negotiate {
            user: format!("CONTOSO\\{}", bob.login),
            password: Secret::new(bob.password.clone()),
        },
        TransportConfig::default(),
    )
    .unwrap();
    let response = transport
        .send(&connect_request(&url, &bob.legacy_dn, 5))
        .await
        .unwrap();
    assert!(connected(&response), "{response:?}");
    let log = emulator.request_log().records();
    assert!(log.len() >= 2, "SPNEGO takes at least two legs: {log:#?}");
    assert!(log.windows(2).all(|w| w[0].connection == w[1].connection));
    let shown = format!("{transport:?}");
    assert!(!shown.contains(&bob.password), "{shown}");
    emulator.shutdown().await;
}
