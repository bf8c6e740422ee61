//! The network transport against scripted raw TCP servers on 127.0.0.1: keep-alives that last,
//! drips that never form a meta-tag, PENDING forever, silence, broken connections, oversized
//! bodies. Each must end in the right typed outcome; tests assert the kind, never the time.
#![cfg(feature = "client")]

use std::time::Duration;

use mapi_http::session::{HttpRequest, ResponseBody};
use mapi_http::transport::{
    Credentials, HttpTransport, Secret, TimeoutPhase, Transport, TransportConfig, TransportError,
};
use mapi_http::wire::mapihttp::RequestType;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

enum Step {
    Send(Vec<u8>),
    Sleep(u64),
    /// Send these bytes one at a time with a pause between them.
    Drip(Vec<u8>, u64),
}

const HEAD_MAPI: &[u8] =
    b"HTTP/1.1 200 OK\r\nContent-Type: application/mapi-http\r\nConnection: close\r\n\r\n";

/// A server that answers one request with `script`, then closes; returns its URL.
async fn scripted(script: Vec<Step>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/mapi/emsmdb/", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = socket.read(&mut buf).await.unwrap_or(0);
            if n == 0 {
                return;
            }
            seen.extend_from_slice(&buf[..n]);
        }
        for step in script {
            match step {
                Step::Send(bytes) => {
                    if socket.write_all(&bytes).await.is_err() {
                        return;
                    }
                }
                Step::Sleep(ms) => tokio::time::sleep(Duration::from_millis(ms)).await,
                Step::Drip(bytes, ms) => {
                    for b in bytes {
                        if socket.write_all(&[b]).await.is_err() {
                            return;
                        }
                        tokio::time::sleep(Duration::from_millis(ms)).await;
                    }
                }
            }
        }
        let _ = socket.shutdown().await;
    });
    url
}

fn request(url: &str) -> HttpRequest {
    HttpRequest {
        url: url.to_owned(),
        request_type: RequestType::Execute,
        headers: vec![("X-RequestType", "Execute".into())],
        body: vec![1, 2, 3],
    }
}

fn config() -> TransportConfig {
    TransportConfig {
        head_timeout: Duration::from_millis(1500),
        silence_timeout: Duration::from_millis(400),
        total_timeout: Duration::from_secs(3),
        ..TransportConfig::default()
    }
}

async fn send(url: &str) -> Result<mapi_http::session::HttpResponse, TransportError> {
    HttpTransport::new(Credentials::Anonymous, config())
        .unwrap()
        .send(&request(url))
        .await
}

#[tokio::test]
async fn pending_keeps_a_long_response_alive() {
    let mut script = vec![
        Step::Send(HEAD_MAPI.to_vec()),
        Step::Send(b"PROCESSING\r\n".to_vec()),
    ];
    // Twice the silence timeout in all, never silent for long.
    for _ in 0..8 {
        script.push(Step::Sleep(100));
        script.push(Step::Send(b"PENDING\r\n".to_vec()));
    }
    script.push(Step::Send(
        b"DONE\r\nX-ResponseCode: 0\r\n\r\nBODY".to_vec(),
    ));
    let url = scripted(script).await;
    let response = send(&url).await.unwrap();
    let ResponseBody::Framed(framed) = response.body else {
        panic!("not framed")
    };
    assert_eq!(framed.body, b"BODY");
    assert_eq!(framed.pending_count, 8);
}

#[tokio::test]
async fn a_drip_that_never_forms_a_meta_tag_is_silence() {
    let url = scripted(vec![
        Step::Send(HEAD_MAPI.to_vec()),
        Step::Send(b"PROCESSING\r\n".to_vec()),
        // "PENDIN" one byte at a time, then nothing: bytes, but no event.
        Step::Drip(b"PENDIN".to_vec(), 100),
        Step::Sleep(5000),
    ])
    .await;
    assert!(matches!(
        send(&url).await,
        Err(TransportError::Timeout(TimeoutPhase::Silence))
    ));
}

/// Body bytes are progress, so a body dripped a byte at a time never trips the silence
/// timeout; the deadline on the whole response does.
#[tokio::test]
async fn a_body_dripped_forever_hits_the_total_deadline() {
    let url = scripted(vec![
        Step::Send(HEAD_MAPI.to_vec()),
        Step::Send(b"PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\n\r\n".to_vec()),
        Step::Drip(vec![0u8; 1000], 100),
    ])
    .await;
    assert!(matches!(
        send(&url).await,
        Err(TransportError::Timeout(TimeoutPhase::Total))
    ));
}

/// A status line and headers dripped a byte at a time: never silent, never complete; the
/// deadline on the header block ends it.
#[tokio::test]
async fn a_header_block_dripped_forever_hits_the_head_deadline() {
    let mut head = b"HTTP/1.1 200 OK\r\nContent-Type: application/mapi-http\r\n".to_vec();
    head.extend(b"X-Padding: ".iter().chain(&[b'a'; 200]));
    let url = scripted(vec![Step::Drip(head, 50)]).await;
    assert!(matches!(
        send(&url).await,
        Err(TransportError::Timeout(TimeoutPhase::Head))
    ));
}

#[tokio::test]
async fn pending_forever_hits_the_total_cap() {
    let mut script = vec![
        Step::Send(HEAD_MAPI.to_vec()),
        Step::Send(b"PROCESSING\r\n".to_vec()),
    ];
    for _ in 0..100 {
        script.push(Step::Sleep(100));
        script.push(Step::Send(b"PENDING\r\n".to_vec()));
    }
    let url = scripted(script).await;
    assert!(matches!(
        send(&url).await,
        Err(TransportError::Timeout(TimeoutPhase::Total))
    ));
}

#[tokio::test]
async fn no_response_head_is_a_head_timeout() {
    let url = scripted(vec![Step::Sleep(5000)]).await;
    assert!(matches!(
        send(&url).await,
        Err(TransportError::Timeout(TimeoutPhase::Head))
    ));
}

#[tokio::test]
async fn connection_dropped_before_done_is_a_framing_truncation() {
    let url = scripted(vec![
        Step::Send(HEAD_MAPI.to_vec()),
        Step::Send(b"PROCESSING\r\nPENDING\r\n".to_vec()),
    ])
    .await;
    assert!(matches!(send(&url).await, Err(TransportError::Framing(_))));
}

#[tokio::test]
async fn a_huge_plain_body_is_cut_at_the_limit() {
    let head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10737418240\r\n\r\n";
    let mut script = vec![Step::Send(head.to_vec())];
    for _ in 0..64 {
        script.push(Step::Send(vec![b'x'; 64 * 1024]));
    }
    let url = scripted(script).await;
    let transport = HttpTransport::new(
        Credentials::Anonymous,
        TransportConfig {
            framer_limits: mapi_http::wire::mapihttp::FramerLimits {
                max_meta_bytes: 1024,
                max_body_bytes: 1024 * 1024,
            },
            ..config()
        },
    )
    .unwrap();
    assert!(matches!(
        transport.send(&request(&url)).await,
        Err(TransportError::BodyTooLarge { limit: 1_048_576 })
    ));
}

#[tokio::test]
async fn basic_over_plain_http_is_refused_before_sending() {
    let transport = HttpTransport::new(
        Credentials::Basic {
            user: "alice".into(),
            password: Secret::new("pw"),
        },
        config(),
    )
    .unwrap();
    let err = transport
        .send(&request("http://127.0.0.1:9/mapi/emsmdb/"))
        .await
        .unwrap_err();
    assert!(matches!(err, TransportError::InsecureBasic));
    assert!(err.request_not_sent());
}
