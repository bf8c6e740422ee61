//! Feeding arbitrary server answers to the Autodiscover parser and the discovery walk, for the
//! `autodiscover` fuzz target and the corpus replay test (features `client` and `fuzzing`).
//!
//! A hostile or broken Autodiscover server must not crash the client or keep it asking
//! forever: every walk ends after a bounded number of requests, whatever the answers say
//! (redirect loops, redirects to ever new addresses, XML bombs, garbage).

use super::{Discovery, Step, parse_response};

/// Requests one walk may send before the fuzz target calls it endless. The real bound is far
/// lower (two candidates per address, times the hop limit plus one); this only has to catch
/// a walk that does not end.
const MAX_REQUESTS: usize = 256;

/// Runs one input: byte 0 is the hop limit (mod 8), then records `[kind][len u16 LE][bytes]`
/// answer the walk's requests in turn. Kind mod 4: 0, HTTP 200 with `bytes` as the body;
/// 1, the status in the first two bytes and the rest as the body; 2, an HTTP redirect to
/// `bytes` (lossy UTF-8); 3, a transport error. Each body is also parsed on its own.
///
/// Returns a description of the bug when the walk does not end or breaks its own rules.
pub fn discovery_bytes(data: &[u8]) -> Result<(), String> {
    let Some((&hops, mut rest)) = data.split_first() else {
        return Ok(());
    };
    let max_hops = u32::from(hops % 8);
    let mut discovery = Discovery::new("user@contoso.example", max_hops);
    let mut requests = 0usize;
    while let Some(request) = discovery.next_request() {
        requests += 1;
        if requests > MAX_REQUESTS {
            return Err(format!(
                "discovery sent {requests} requests with a hop limit of {max_hops}"
            ));
        }
        if request.url.is_empty() {
            return Err("discovery asked for an empty URL".into());
        }
        let Some((kind, bytes, tail)) = record(rest) else {
            // The server went away: every remaining candidate fails at the transport.
            if let Step::Done(_) = discovery.on_transport_error("connection refused") {
                return Err("a transport error produced settings".into());
            }
            continue;
        };
        rest = tail;
        let step = match kind % 4 {
            0 => {
                let _ = parse_response(bytes);
                discovery.on_response(200, bytes)
            }
            1 => {
                let (status, body) = match bytes {
                    [a, b, body @ ..] => (u16::from_le_bytes([*a, *b]), body),
                    _ => (500, bytes),
                };
                discovery.on_response(status, body)
            }
            2 => discovery.on_http_redirect(&String::from_utf8_lossy(bytes)),
            _ => discovery.on_transport_error("reset by peer"),
        };
        match step {
            Step::Done(_) | Step::Failed(_) => {
                if discovery.next_request().is_some() {
                    return Err("discovery asked again after it ended".into());
                }
                break;
            }
            Step::Next => {}
        }
    }
    Ok(())
}

fn record(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&kind, rest) = input.split_first()?;
    let (len, rest) = rest.split_first_chunk::<2>()?;
    let len = usize::from(u16::from_le_bytes(*len)).min(rest.len());
    let (bytes, tail) = rest.split_at(len);
    Some((kind, bytes, tail))
}

/// Frames `answers` as an input for [`discovery_bytes`] (seeds and tests).
pub fn encode_walk(max_hops: u8, answers: &[(u8, &[u8])]) -> Vec<u8> {
    let mut out = vec![max_hops];
    for (kind, bytes) in answers {
        out.push(*kind);
        let len = u16::try_from(bytes.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(bytes.get(..usize::from(len)).unwrap_or(bytes));
    }
    out
}
