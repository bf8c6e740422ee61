//! Runtime fault injection and the request log of one server instance.
//!
//! Both are per [`RunningServer`](super::RunningServer), shared with the request handlers
//! through an `Arc`, so a test changes how the next requests fail while the server runs and
//! counts round trips afterwards.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use crate::emulator::ConnectionId;
use crate::wire::mapihttp::{RequestId, RequestType, ResponseCode};

use super::contexts::ContextTable;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere never leaves these plain-data tables half-updated.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One "next K requests" fault: what to do and how many more times.
#[derive(Debug, Clone)]
struct Counted<T> {
    value: T,
    remaining: usize,
}

impl<T: Clone> Counted<T> {
    fn take(slot: &mut Option<Counted<T>>) -> Option<T> {
        let c = slot.as_mut()?;
        let v = c.value.clone();
        c.remaining = c.remaining.saturating_sub(1);
        if c.remaining == 0 {
            *slot = None;
        }
        Some(v)
    }
}

#[derive(Debug, Default)]
struct FaultState {
    response_code: Option<Counted<ResponseCode>>,
    unavailable: Option<Counted<Duration>>,
    delay_before_done: Option<Counted<Duration>>,
    close_after_bytes: Option<u64>,
    drip: Option<Duration>,
}

/// The fault state shared by the handlers (crate-internal side of [`Faults`]).
#[derive(Debug, Default)]
pub(crate) struct FaultSet {
    state: Mutex<FaultState>,
}

impl FaultSet {
    pub(crate) fn take_response_code(&self) -> Option<ResponseCode> {
        Counted::take(&mut lock(&self.state).response_code)
    }

    pub(crate) fn take_unavailable(&self) -> Option<Duration> {
        Counted::take(&mut lock(&self.state).unavailable)
    }

    pub(crate) fn take_delay_before_done(&self) -> Option<Duration> {
        Counted::take(&mut lock(&self.state).delay_before_done)
    }

    /// Claims the armed "close after N bytes" budget for the connection about to write.
    pub(crate) fn take_close_after_bytes(&self) -> Option<u64> {
        lock(&self.state).close_after_bytes.take()
    }

    pub(crate) fn has_close_after_bytes(&self) -> bool {
        lock(&self.state).close_after_bytes.is_some()
    }

    /// Claims the armed drip for the connection about to write.
    pub(crate) fn take_drip(&self) -> Option<Duration> {
        lock(&self.state).drip.take()
    }

    pub(crate) fn has_drip(&self) -> bool {
        lock(&self.state).drip.is_some()
    }
}

/// Handle to change how one server instance misbehaves, while it runs.
///
/// Every knob is one-shot or counted, so a test arms exactly the failure it checks and the
/// server is healthy again afterwards. Clones share the same state.
#[derive(Clone)]
pub struct Faults {
    pub(crate) set: Arc<FaultSet>,
    pub(crate) contexts: Arc<ContextTable>,
}

impl std::fmt::Debug for Faults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Faults")
            .field("state", &*lock(&self.set.state))
            .finish()
    }
}

impl Faults {
    /// The next `count` requests that pass authentication are answered with `code` (HTTP 200,
    /// a `text/html` body, X-ResponseCode `code`), the way the endpoint refuses requests it
    /// cannot serve (MS-OXCMAPIHTTP 2.2.2.2). Nothing reaches the backend.
    pub fn respond_with(&self, code: ResponseCode, count: usize) {
        lock(&self.set.state).response_code = (count > 0).then_some(Counted {
            value: code,
            remaining: count,
        });
    }

    /// The next `count` requests get HTTP 503 with `Retry-After` (whole seconds, rounded up):
    /// an "exceptional condition" answer of MS-OXCMAPIHTTP 2.2.2.2, as a throttled or
    /// draining front end sends it. Checked before authentication.
    pub fn service_unavailable(&self, count: usize, retry_after: Duration) {
        lock(&self.set.state).unavailable = (count > 0).then_some(Counted {
            value: retry_after,
            remaining: count,
        });
    }

    /// The next `count` streamed responses hold DONE back for `delay` after the work is done,
    /// sending PENDING keep-alives meanwhile.
    pub fn delay_before_done(&self, delay: Duration, count: usize) {
        lock(&self.set.state).delay_before_done = (count > 0).then_some(Counted {
            value: delay,
            remaining: count,
        });
    }

    /// The next connection that writes a response closes its TCP connection after `bytes`
    /// bytes of it (status line and headers included): a server or proxy dying mid-response.
    pub fn close_after_bytes(&self, bytes: u64) {
        lock(&self.set.state).close_after_bytes = Some(bytes);
    }

    /// The next connection that writes a response writes it one byte per `interval`, status
    /// line and headers included, for as long as the connection lives: a server (or a proxy)
    /// that never stops sending and never finishes. Only a deadline on the whole header block
    /// or on the response ends it; no silence is ever long.
    pub fn drip(&self, interval: Duration) {
        lock(&self.set.state).drip = Some(interval);
    }

    /// Clears every armed fault.
    pub fn clear(&self) {
        *lock(&self.set.state) = FaultState::default();
    }

    /// Destroys one Session Context now, as expiry would (its `disconnect` runs before this
    /// returns). Its cookies then get X-ResponseCode 10. False if no such live context.
    pub async fn expire_context(&self, context_id: &str) -> bool {
        self.contexts.destroy(context_id).await
    }

    /// Destroys every Session Context now; returns how many there were.
    pub async fn expire_all_contexts(&self) -> usize {
        self.contexts.destroy_all().await
    }
}

/// One request as the server saw and answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    /// Sequence number of the request on this server, from 1.
    pub seq: u64,
    /// The TCP connection it came on.
    pub connection: ConnectionId,
    /// HTTP method.
    pub method: String,
    /// Request path (without query).
    pub path: String,
    /// `MailboxId` query parameter, if any.
    pub mailbox_id: Option<String>,
    /// X-RequestType as sent, parsed; `None` if the header was missing.
    pub request_type: Option<RequestType>,
    /// X-RequestId exactly as sent.
    pub request_id: Option<String>,
    /// X-RequestId parsed, when it has the `{GUID}:counter` form.
    pub parsed_request_id: Option<RequestId>,
    /// The authenticated login, once known.
    pub login: Option<String>,
    /// The Session Context the request used or created.
    pub context_id: Option<String>,
    /// Request body bytes received.
    pub request_body_size: usize,
    /// Response body bytes sent (meta-tags, meta headers and body).
    pub response_body_size: usize,
    /// PENDING keep-alives sent.
    pub pending_count: u32,
    /// The final X-ResponseCode (the meta block's when there is one); `None` for answers
    /// without one (401, 503).
    pub response_code: Option<ResponseCode>,
    /// HTTP status.
    pub http_status: u16,
    /// When the request arrived.
    pub started: SystemTime,
    /// Time from arrival to the last response byte handed to the connection.
    pub duration: Duration,
}

/// The request log of one server instance. Clones share it.
#[derive(Debug, Clone, Default)]
pub struct RequestLog {
    records: Arc<Mutex<Vec<RequestRecord>>>,
    next_seq: Arc<AtomicU64>,
}

impl RequestLog {
    pub(crate) fn next_seq(&self) -> u64 {
        self.next_seq
            .fetch_add(1, Ordering::Relaxed)
            .saturating_add(1)
    }

    pub(crate) fn push(&self, record: RequestRecord) {
        lock(&self.records).push(record);
    }

    /// Every request so far, in completion order.
    pub fn records(&self) -> Vec<RequestRecord> {
        lock(&self.records).clone()
    }

    /// Requests so far.
    pub fn len(&self) -> usize {
        lock(&self.records).len()
    }

    /// True before the first request.
    pub fn is_empty(&self) -> bool {
        lock(&self.records).is_empty()
    }

    /// Requests of one type so far (round trips).
    pub fn count(&self, request_type: &RequestType) -> usize {
        lock(&self.records)
            .iter()
            .filter(|r| r.request_type.as_ref() == Some(request_type))
            .count()
    }

    /// Forgets every record (the sequence numbers keep counting).
    pub fn clear(&self) {
        lock(&self.records).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_faults_run_out() {
        let set = FaultSet::default();
        let faults = Faults {
            set: Arc::new(set),
            contexts: Arc::new(ContextTable::new(Duration::from_secs(1))),
        };
        faults.respond_with(ResponseCode::TOO_LARGE, 2);
        assert_eq!(faults.set.take_response_code(), Some(ResponseCode(9)));
        assert_eq!(faults.set.take_response_code(), Some(ResponseCode(9)));
        assert_eq!(faults.set.take_response_code(), None);
        faults.respond_with(ResponseCode(1), 0);
        assert_eq!(faults.set.take_response_code(), None);
        faults.close_after_bytes(10);
        assert!(faults.set.has_close_after_bytes());
        assert_eq!(faults.set.take_close_after_bytes(), Some(10));
        assert_eq!(faults.set.take_close_after_bytes(), None);
        faults.drip(Duration::from_millis(5));
        assert!(faults.set.has_drip());
        assert_eq!(faults.set.take_drip(), Some(Duration::from_millis(5)));
        assert!(
            !faults.set.has_drip(),
            "one connection drips, not every one"
        );
        faults.delay_before_done(Duration::from_millis(1), 1);
        faults.clear();
        assert_eq!(faults.set.take_delay_before_done(), None);
    }
}
