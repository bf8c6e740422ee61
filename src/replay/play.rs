//! Replay: a transport that answers from a HAR file and checks that the client asks what the
//! recording holds.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use uuid::Uuid;

use super::dissect::{entry_request_type, first_difference, request_json, rop_requests};
use super::har::{Entry, Har};
use super::record::{AUTH_LEG, ERROR, error_from_json, lane_of};
use crate::session::{HttpRequest, HttpResponse};
use crate::transport::{Transport, TransportError};
use crate::wire::Wire;
use crate::wire::mapihttp::{ExecuteRequest, RequestId, RequestType};
use crate::wire::rop::any::LogonKinds;

/// How closely the client's requests must follow the recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayMode {
    /// For recordings made by this crate: the recorded order (per lane, see
    /// [`ReplayTransport`]), the same endpoint, request type, X-RequestId and X-ClientInfo
    /// counters (their GUIDs are mapped one to one: they are random per run), the cookies
    /// the recording's server set, and request bodies equal byte for byte.
    Strict,
    /// For recordings made by other clients: the same endpoint, request type and ROP (or
    /// NSPI call) sequence; headers, cookies and the rest of the bodies may differ.
    Semantic,
}

/// Why a replay could not go on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    /// The HAR file could not be read.
    #[error("cannot read the recording: {0}")]
    Read(String),
    /// An entry of the recording is unusable.
    #[error("step {step}: the recording is unusable: {reason}")]
    BadRecording {
        /// 1-based entry number.
        step: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The client sent a request the recording has no more entries for.
    #[error(
        "after step {after}: the recording has no more {lane} requests, but the client sent {request_type}"
    )]
    Exhausted {
        /// The last recorded step of that lane (0 when the lane has none).
        after: usize,
        /// Which lane: the endpoint path and `MailboxId` of a session context, `#wait` for
        /// its NotificationWait connection.
        lane: String,
        /// What the client sent.
        request_type: String,
    },
    /// The client's request differs from the recorded one.
    #[error("step {step} ({request_type}): {field}: recorded {recorded}, client sent {live}")]
    Mismatch {
        /// 1-based entry number in the recording.
        step: usize,
        /// The recorded request type.
        request_type: String,
        /// The first differing field, decoded (`X-RequestType`, `rops[2].SetColumns...`).
        field: String,
        /// The recorded value.
        recorded: String,
        /// What the client sent.
        live: String,
    },
    /// The client stopped before the recording did.
    #[error("step {step} ({request_type}) and {more} later steps were never requested")]
    Unused {
        /// The first unused entry.
        step: usize,
        /// Its request type.
        request_type: String,
        /// How many more after it.
        more: usize,
    },
}

impl ReplayError {
    /// The 1-based recorded step the error is about, if it names one.
    pub fn step(&self) -> Option<usize> {
        match self {
            ReplayError::BadRecording { step, .. }
            | ReplayError::Mismatch { step, .. }
            | ReplayError::Unused { step, .. } => Some(*step),
            ReplayError::Exhausted { after, .. } => Some(*after),
            ReplayError::Read(_) => None,
        }
    }
}

struct Step {
    /// 1-based entry number.
    number: usize,
    /// The connection label ([`lane_of`]) the request travelled on.
    lane: String,
    request_type: RequestType,
    entry: Entry,
}

#[derive(Default)]
struct Progress {
    used: Vec<bool>,
    /// Recorded GUID -> the client's GUID, and back (X-RequestId and X-ClientInfo).
    guids: HashMap<Uuid, Uuid>,
    guids_back: HashMap<Uuid, Uuid>,
    /// The first error: once a replay has diverged every later request fails with it.
    failed: Option<ReplayError>,
}

/// A [`Transport`] serving a HAR recording in place of the network.
///
/// Requests are matched in recorded order per lane, as a client sends them over one connection
/// per session context: a lane is the endpoint and `MailboxId` of a context (the mailbox, the
/// address book, a second store reached by a redirect), and each context's NotificationWait
/// has a lane of its own. Requests on different lanes may come in any order. Each request must match the
/// next unused recorded entry of its lane ([`ReplayMode`] says how closely); the answer is that
/// entry's response exactly as recorded (Set-Cookie included), or the transport error the
/// recording holds. The first divergence is kept ([`ReplayTransport::error`]) and every later
/// request fails with it, reported to the client as
/// [`TransportError::InvalidRequest`] naming the step.
pub struct ReplayTransport {
    steps: Vec<Step>,
    mode: ReplayMode,
    progress: Mutex<Progress>,
}

impl std::fmt::Debug for ReplayTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplayTransport")
            .field("steps", &self.steps.len())
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

impl ReplayTransport {
    /// Serves `har` in `mode`.
    pub fn new(har: Har, mode: ReplayMode) -> Self {
        let steps: Vec<Step> = har
            .log
            .entries
            .into_iter()
            .enumerate()
            // Handshake legs were the network's business; the replay answers the exchange.
            .filter(|(_, entry)| !entry.extra.contains_key(AUTH_LEG))
            .map(|(i, entry)| {
                let request_type = entry_request_type(&entry);
                Step {
                    number: i + 1,
                    lane: lane_of(&entry.request.url, &request_type),
                    request_type,
                    entry,
                }
            })
            .collect();
        let used = vec![false; steps.len()];
        ReplayTransport {
            steps,
            mode,
            progress: Mutex::new(Progress {
                used,
                ..Progress::default()
            }),
        }
    }

    /// Serves the HAR file at `path` in `mode`.
    pub fn open(path: impl AsRef<Path>, mode: ReplayMode) -> Result<Self, ReplayError> {
        let path = path.as_ref();
        let text = std::fs::read(path)
            .map_err(|e| ReplayError::Read(format!("{}: {e}", path.display())))?;
        let har = Har::from_json(&text)
            .map_err(|e| ReplayError::Read(format!("{}: {e}", path.display())))?;
        Ok(Self::new(har, mode))
    }

    /// The mode.
    pub fn mode(&self) -> ReplayMode {
        self.mode
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Progress> {
        self.progress.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The first divergence, if the replay has diverged.
    pub fn error(&self) -> Option<ReplayError> {
        self.lock().failed.clone()
    }

    /// Recorded steps served so far.
    pub fn served(&self) -> usize {
        self.lock().used.iter().filter(|u| **u).count()
    }

    /// Recorded steps not served yet.
    pub fn remaining(&self) -> usize {
        self.steps.len() - self.served()
    }

    /// Ends the replay: the first divergence, or [`ReplayError::Unused`] when the client
    /// stopped before the recording did.
    pub fn finish(&self) -> Result<(), ReplayError> {
        let progress = self.lock();
        if let Some(e) = &progress.failed {
            return Err(e.clone());
        }
        let unused: Vec<&Step> = self
            .steps
            .iter()
            .zip(&progress.used)
            .filter(|(_, u)| !**u)
            .map(|(s, _)| s)
            .collect();
        match unused.first() {
            None => Ok(()),
            Some(first) => Err(ReplayError::Unused {
                step: first.number,
                request_type: first.request_type.as_str().to_owned(),
                more: unused.len() - 1,
            }),
        }
    }

    /// Matches `request` against the next step of its lane and returns that step's index.
    /// When its lane has nothing left, the earliest unused step on any connection of the same
    /// kind is compared instead, so a request to the wrong endpoint or mailbox is reported as
    /// the difference it is rather than as an exhausted lane.
    fn next_step(
        &self,
        progress: &mut Progress,
        request: &HttpRequest,
    ) -> Result<usize, ReplayError> {
        let lane = lane_of(&request.url, &request.request_type);
        let waits = request.request_type == RequestType::NotificationWait;
        let unused = |same: &dyn Fn(&Step) -> bool| {
            self.steps
                .iter()
                .zip(&progress.used)
                .position(|(s, used)| !*used && same(s))
        };
        let index = unused(&|s| s.lane == lane)
            .or_else(|| unused(&|s| (s.request_type == RequestType::NotificationWait) == waits))
            .ok_or_else(|| ReplayError::Exhausted {
                after: self
                    .steps
                    .iter()
                    .rev()
                    .find(|s| s.lane == lane)
                    .map_or(0, |s| s.number),
                lane: lane.clone(),
                request_type: request.request_type.as_str().to_owned(),
            })?;
        let step = &self.steps[index];
        self.compare(progress, step, request)?;
        progress.used[index] = true;
        Ok(index)
    }

    fn compare(
        &self,
        progress: &mut Progress,
        step: &Step,
        request: &HttpRequest,
    ) -> Result<(), ReplayError> {
        let mismatch = |field: &str, recorded: String, live: String| ReplayError::Mismatch {
            step: step.number,
            request_type: step.request_type.as_str().to_owned(),
            field: field.to_owned(),
            recorded,
            live,
        };
        let recorded_path = endpoint_path(&step.entry.request.url);
        let live_path = endpoint_path(&request.url);
        if recorded_path != live_path {
            return Err(mismatch("endpoint", recorded_path, live_path));
        }
        if step.request_type != request.request_type {
            return Err(mismatch(
                "X-RequestType",
                step.request_type.as_str().to_owned(),
                request.request_type.as_str().to_owned(),
            ));
        }
        let recorded_body = step
            .entry
            .request
            .body()
            .map_err(|e| ReplayError::BadRecording {
                step: step.number,
                reason: e.to_string(),
            })?;
        match self.mode {
            ReplayMode::Strict => {
                let recorded_mailbox = mailbox_id(&step.entry.request.url);
                let live_mailbox = mailbox_id(&request.url);
                if recorded_mailbox != live_mailbox {
                    let show = |m: Option<String>| m.unwrap_or_else(|| "(none)".into());
                    return Err(mismatch(
                        "MailboxId",
                        show(recorded_mailbox),
                        show(live_mailbox),
                    ));
                }
                for name in ["X-RequestId", "X-ClientInfo"] {
                    self.compare_id(progress, step, name, request)
                        .map_err(|(r, l)| mismatch(name, r, l))?;
                }
                let recorded_cookie = step.entry.request.header("cookie").unwrap_or_default();
                let live_cookie = request.header("cookie").unwrap_or_default();
                if cookie_pairs(recorded_cookie) != cookie_pairs(live_cookie) {
                    return Err(mismatch(
                        "Cookie",
                        format!("{recorded_cookie:?}"),
                        format!("{live_cookie:?}"),
                    ));
                }
                if recorded_body != request.body {
                    let recorded = request_json(&step.request_type, &recorded_body);
                    let live = request_json(&request.request_type, &request.body);
                    let (field, r, l) = first_difference(&recorded, &live).unwrap_or_else(|| {
                        (
                            "body".into(),
                            format!("{} bytes", recorded_body.len()),
                            format!("{} bytes (same decoded form)", request.body.len()),
                        )
                    });
                    return Err(mismatch(&format!("body.{field}"), r, l));
                }
            }
            ReplayMode::Semantic => {
                if step.request_type == RequestType::Execute {
                    let recorded =
                        rop_ids(&recorded_body).map_err(|e| ReplayError::BadRecording {
                            step: step.number,
                            reason: format!("the recorded Execute request does not decode: {e}"),
                        })?;
                    let live = rop_ids(&request.body)
                        .map_err(|e| mismatch("body", "a decodable Execute".into(), e))?;
                    if recorded != live {
                        let at = recorded
                            .iter()
                            .zip(&live)
                            .position(|(a, b)| a != b)
                            .unwrap_or(recorded.len().min(live.len()));
                        return Err(mismatch(
                            &format!("rops[{at}]"),
                            recorded
                                .get(at)
                                .cloned()
                                .unwrap_or_else(|| "(nothing)".into()),
                            live.get(at).cloned().unwrap_or_else(|| "(nothing)".into()),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// Compares a `{GUID}:n` header: counters equal, GUIDs mapped one to one.
    fn compare_id(
        &self,
        progress: &mut Progress,
        step: &Step,
        name: &str,
        request: &HttpRequest,
    ) -> Result<(), (String, String)> {
        let recorded = step.entry.request.header(name);
        let live = request.header(name);
        let show = |v: Option<&str>| v.unwrap_or("(none)").to_owned();
        let (r, l) = match (recorded.map(RequestId::parse), live.map(RequestId::parse)) {
            (None, None) => return Ok(()),
            (Some(Ok(r)), Some(Ok(l))) => (r, l),
            _ => return Err((show(recorded), show(live))),
        };
        if r.counter != l.counter {
            return Err((
                format!("counter {}", r.counter),
                format!("counter {}", l.counter),
            ));
        }
        match (
            progress.guids.get(&r.guid),
            progress.guids_back.get(&l.guid),
        ) {
            (None, None) => {
                progress.guids.insert(r.guid, l.guid);
                progress.guids_back.insert(l.guid, r.guid);
                Ok(())
            }
            (Some(mapped), _) if *mapped == l.guid => Ok(()),
            _ => Err((
                format!("GUID {} (a different session context or client)", r.guid),
                format!("GUID {}", l.guid),
            )),
        }
    }

    fn respond(&self, index: usize) -> Result<HttpResponse, TransportError> {
        let step = &self.steps[index];
        if let Some(error) = step.entry.response.extra.get(ERROR) {
            return Err(error_from_json(error));
        }
        if step.entry.response.status == 0 {
            return Err(TransportError::Interrupted {
                received: 0,
                reason: format!("step {}: the recording holds no response", step.number),
            });
        }
        let body = step.entry.response.body().map_err(|e| {
            TransportError::InvalidRequest(format!("replay step {}: {e}", step.number))
        })?;
        let headers = step
            .entry
            .response
            .headers
            .iter()
            .map(|h| (h.name.clone(), h.value.clone()))
            .collect();
        let response = HttpResponse::from_raw(step.entry.response.status, headers, &body);
        check_response(&step.request_type, &response).map_err(|reason| {
            let e = ReplayError::BadRecording {
                step: step.number,
                reason,
            };
            self.lock().failed.get_or_insert(e.clone());
            TransportError::InvalidRequest(format!("replay: {e}"))
        })?;
        Ok(response)
    }
}

/// A recorded MAPI/HTTP success response must frame and decode for its request type, so a
/// damaged recording fails naming its step rather than somewhere inside the client.
fn check_response(request_type: &RequestType, response: &HttpResponse) -> Result<(), String> {
    use crate::session::ResponseBody;
    use crate::wire::mapihttp::{ConnectResponse, DisconnectResponse, ExecuteResponse};
    use crate::wire::mapihttp::{FramerLimits, NotificationWaitResponse, framing::frame_all};
    use crate::wire::nspi::NspiResponse;
    let mapi = response.status == 200
        && response
            .header("content-type")
            .is_some_and(|v| v.to_ascii_lowercase().starts_with("application/mapi-http"));
    if !mapi {
        return Ok(());
    }
    let framed = match &response.body {
        ResponseBody::Framed(f) => f.clone(),
        ResponseBody::Plain(raw) => frame_all(raw, FramerLimits::default())
            .map_err(|e| format!("the recorded response does not frame: {e}"))?,
    };
    let code = framed
        .meta_value("X-ResponseCode")
        .or(response.header("x-responsecode"))
        .unwrap_or("0");
    if code.trim() != "0" {
        return Ok(());
    }
    let body = &framed.body[..];
    let decoded = match request_type {
        RequestType::Connect => ConnectResponse::from_bytes(body).map(drop),
        RequestType::Execute => ExecuteResponse::from_bytes(body).map(drop),
        RequestType::Disconnect => DisconnectResponse::from_bytes(body).map(drop),
        RequestType::NotificationWait => NotificationWaitResponse::from_bytes(body).map(drop),
        RequestType::Ping | RequestType::Other(_) => Ok(()),
        t => NspiResponse::decode(t, body).map(drop),
    };
    decoded.map_err(|e| {
        format!(
            "the recorded {} response does not decode: {e}",
            request_type.as_str()
        )
    })
}

impl Transport for ReplayTransport {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let index = {
            let mut progress = self.lock();
            if let Some(e) = &progress.failed {
                return Err(TransportError::InvalidRequest(format!("replay: {e}")));
            }
            match self.next_step(&mut progress, request) {
                Ok(i) => i,
                Err(e) => {
                    progress.failed = Some(e.clone());
                    return Err(TransportError::InvalidRequest(format!("replay: {e}")));
                }
            }
        };
        self.respond(index)
    }
}

/// Shared, so the caller keeps a handle to ask [`ReplayTransport::error`] and
/// [`ReplayTransport::finish`] while a session owns the transport.
impl Transport for std::sync::Arc<ReplayTransport> {
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        self.as_ref().send(request).await
    }
}

/// The path of a URL, lower-cased and without a trailing slash: the endpoint, whatever host
/// and port the recording was made against.
fn endpoint_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("", |i| &after_scheme[i..])
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    path.trim_end_matches('/').to_ascii_lowercase()
}

/// The `MailboxId` query parameter of a URL, lower-cased: which mailbox (and so which server)
/// a session context was made on.
fn mailbox_id(url: &str) -> Option<String> {
    url.split_once('?')?
        .1
        .split(['&', '#'])
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("MailboxId"))
        .map(|(_, v)| v.to_ascii_lowercase())
}

fn cookie_pairs(header: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = header
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    pairs.sort();
    pairs
}

/// The ROP names of an Execute request body, in order.
fn rop_ids(body: &[u8]) -> Result<Vec<String>, String> {
    let request = ExecuteRequest::from_bytes(body).map_err(|e| e.to_string())?;
    let (rops, _) =
        rop_requests(&request.rop_buffer, &mut LogonKinds::new()).map_err(|e| e.to_string())?;
    Ok(rops.iter().map(|r| r.id().to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_compare_by_path_whatever_the_host() {
        assert_eq!(
            endpoint_path("http://127.0.0.1:8080/mapi/emsmdb/?MailboxId=a@b"),
            "/mapi/emsmdb"
        );
        assert_eq!(
            endpoint_path("https://mail.example/MAPI/nspi/?x"),
            "/mapi/nspi"
        );
        assert_eq!(endpoint_path("http://h"), "");
    }
}
