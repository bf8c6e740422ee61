//! `discover` against the running emulator, over HTTP with Basic authentication.
#![cfg(all(feature = "client", feature = "emulator"))]

use base64::Engine as _;
use mapi_http::autodiscover::{AutodiscoverError, DEFAULT_MAX_HOPS, Discovery, discover, run};
use mapi_http::emulator::{Emulator, EmulatorConfig};

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn discover_finds_alice_endpoints() {
    let emulator = Emulator::start(EmulatorConfig::demo(1)).await.unwrap();
    let alice = emulator.user("alice").unwrap().clone();
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", alice.login, alice.password))
    );
    let discovery = Discovery::new(&alice.smtp_address, DEFAULT_MAX_HOPS)
        .with_first_url(&emulator.autodiscover_url());
    let settings = run(&client(), discovery, Some(basic.clone()))
        .await
        .unwrap();
    assert_eq!(
        settings.mailbox.preferred(),
        emulator.mailbox_url("alice").as_deref()
    );
    assert_eq!(
        settings.address_book.preferred(),
        emulator.address_book_url("alice").as_deref()
    );
    assert_eq!(
        settings.smtp_address.as_deref(),
        Some(alice.smtp_address.as_str())
    );

    // The plain entry point with no usable candidates fails without a network round trip.
    let err = discover(&client(), "no-domain", Some(basic), DEFAULT_MAX_HOPS)
        .await
        .unwrap_err();
    assert_eq!(err, AutodiscoverError::InvalidAddress("no-domain".into()));
}
