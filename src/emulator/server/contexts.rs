//! The Session Contexts a server holds, keyed by the value of their context cookie
//! (MS-OXCMAPIHTTP 2.2.3.2.3, 3.2.5.1), with the sequence cookie each expects next.

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::emulator::{AddressBookContext, SessionContext};
use crate::wire::mapihttp::ResponseCode;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Length of our cookie values: 128 bits in hex.
const COOKIE_LEN: usize = 32;

/// A fresh unguessable-enough cookie value: 128 bits from two randomly keyed hashers (the
/// standard library seeds `RandomState` from the OS) over a process-wide counter.
pub(crate) fn new_cookie_value() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut out = String::with_capacity(COOKIE_LEN);
    for _ in 0..2 {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(n);
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// Whether a cookie value has the form this server hands out; anything else is an invalid
/// context cookie (X-ResponseCode 6), as opposed to a well-formed but unknown one (10).
pub(crate) fn is_well_formed(value: &str) -> bool {
    value.len() == COOKIE_LEN && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// What a context cookie names: a mailbox Session Context (Connect) or an address book one
/// (Bind). Each endpoint keeps its own [`ContextTable`], so a cookie of one endpoint names
/// nothing on the other.
pub(crate) enum Hosted {
    /// Made by Connect on `/mapi/emsmdb/`.
    Mailbox(Box<dyn SessionContext>),
    /// Made by Bind on `/mapi/nspi/`.
    AddressBook(Box<dyn AddressBookContext>),
}

impl Hosted {
    fn event_signal(&self) -> Option<watch::Receiver<u64>> {
        match self {
            Hosted::Mailbox(s) => s.event_signal(),
            Hosted::AddressBook(_) => None,
        }
    }

    fn end(&mut self) {
        match self {
            Hosted::Mailbox(s) => s.disconnect(),
            Hosted::AddressBook(s) => s.unbind(),
        }
    }
}

/// Mutable per-context bookkeeping, under a short lock.
#[derive(Debug)]
struct Slot {
    sequence: String,
    /// A Connect/Execute/Disconnect is running (MS-OXCMAPIHTTP 3.2.5.1: one at a time).
    busy: bool,
    /// A NotificationWait is outstanding (it may overlap the others, as EcDoAsyncWaitEx did
    /// on its own asynchronous context handle, MS-OXCRPC 3.3.4.1).
    waiting: bool,
    last_used: Instant,
}

/// One live Session Context.
pub(crate) struct ContextEntry {
    pub(crate) id: String,
    pub(crate) login: String,
    /// The backend's context; `None` once disconnected.
    pub(crate) session: Arc<Mutex<Option<Hosted>>>,
    /// The backend's event signal, taken once at Connect.
    pub(crate) event_signal: Option<watch::Receiver<u64>>,
    slot: Mutex<Slot>,
    /// Flips to true when the context is destroyed, to end a waiting NotificationWait.
    closed: watch::Sender<bool>,
}

impl ContextEntry {
    /// A receiver that turns true when the context is destroyed.
    pub(crate) fn closed(&self) -> watch::Receiver<bool> {
        self.closed.subscribe()
    }

    /// Milliseconds left before the context expires if unused (X-ExpirationInfo).
    pub(crate) fn remaining(&self, expiration: Duration) -> Duration {
        let s = lock(&self.slot);
        expiration.saturating_sub(s.last_used.elapsed())
    }

    /// Marks a PING on the context: it is in use, so its expiry restarts (MS-OXCMAPIHTTP 4.3).
    pub(crate) fn touch(&self) {
        lock(&self.slot).last_used = Instant::now();
    }
}

/// Why a context could not be used for a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Refusal(pub(crate) ResponseCode);

/// Holds a context busy (or waiting) for one request; releases it when dropped, whatever
/// path the request takes.
pub(crate) struct Claim {
    pub(crate) entry: Arc<ContextEntry>,
    waiting: bool,
}

impl Drop for Claim {
    fn drop(&mut self) {
        let mut s = lock(&self.entry.slot);
        if self.waiting {
            s.waiting = false;
        } else {
            s.busy = false;
        }
        s.last_used = Instant::now();
    }
}

/// All live Session Contexts of one server.
pub(crate) struct ContextTable {
    map: Mutex<HashMap<String, Arc<ContextEntry>>>,
    expiration: Duration,
}

impl ContextTable {
    pub(crate) fn new(expiration: Duration) -> Self {
        ContextTable {
            map: Mutex::new(HashMap::new()),
            expiration,
        }
    }

    /// Live contexts.
    pub(crate) fn len(&self) -> usize {
        lock(&self.map).len()
    }

    /// Cookie values of the live contexts.
    pub(crate) fn ids(&self) -> Vec<String> {
        lock(&self.map).keys().cloned().collect()
    }

    /// Fresh context and sequence cookie values for a Connect. They go out in the response
    /// headers before the backend has answered (the body streams, MS-OXCMAPIHTTP 3.2.5.2);
    /// if the backend refuses, they name nothing and get X-ResponseCode 10.
    pub(crate) fn reserve() -> (String, String) {
        (new_cookie_value(), new_cookie_value())
    }

    /// Registers a new context under values from [`ContextTable::reserve`].
    pub(crate) fn insert(
        &self,
        id: String,
        sequence: String,
        login: &str,
        session: Hosted,
    ) -> Arc<ContextEntry> {
        let event_signal = session.event_signal();
        let (closed, _) = watch::channel(false);
        let entry = Arc::new(ContextEntry {
            id: id.clone(),
            login: login.to_owned(),
            session: Arc::new(Mutex::new(Some(session))),
            event_signal,
            slot: Mutex::new(Slot {
                sequence,
                busy: false,
                waiting: false,
                last_used: Instant::now(),
            }),
            closed,
        });
        lock(&self.map).insert(id, entry.clone());
        entry
    }

    /// The live context with this cookie value, if it belongs to `login` (no expiry check).
    pub(crate) fn get_owned(&self, id: &str, login: &str) -> Option<Arc<ContextEntry>> {
        lock(&self.map)
            .get(id)
            .filter(|e| e.login == login)
            .cloned()
    }

    /// Looks a context cookie up for `login`: 6 for a value we never hand out, 10 for an
    /// unknown, expired or other user's context (MS-OXCMAPIHTTP 3.2.5.1: "If the
    /// authentication context differs, the server MUST fail the request with ... 10").
    /// An expired context found here is destroyed on the way.
    pub(crate) async fn find(&self, id: &str, login: &str) -> Result<Arc<ContextEntry>, Refusal> {
        if !is_well_formed(id) {
            return Err(Refusal(ResponseCode::INVALID_CONTEXT_COOKIE));
        }
        let entry = lock(&self.map).get(id).cloned();
        let Some(entry) = entry else {
            return Err(Refusal(ResponseCode::CONTEXT_NOT_FOUND));
        };
        if self.is_expired(&entry) {
            self.destroy(id).await;
            return Err(Refusal(ResponseCode::CONTEXT_NOT_FOUND));
        }
        if entry.login != login {
            return Err(Refusal(ResponseCode::CONTEXT_NOT_FOUND));
        }
        Ok(entry)
    }

    fn is_expired(&self, entry: &ContextEntry) -> bool {
        let s = lock(&entry.slot);
        !s.busy && !s.waiting && s.last_used.elapsed() >= self.expiration
    }

    /// Claims the context for a Connect-style request (Execute, Disconnect): the sequence
    /// cookie must be the one last handed out (15 otherwise, 13 if missing) and no other such
    /// request may be running (15, MS-OXCMAPIHTTP 3.2.5.1). Returns the claim and the next
    /// sequence cookie value, already in force.
    pub(crate) fn claim(
        entry: &Arc<ContextEntry>,
        sequence: Option<&str>,
    ) -> Result<(Claim, String), Refusal> {
        let Some(sequence) = sequence else {
            return Err(Refusal(ResponseCode::MISSING_COOKIE));
        };
        let mut s = lock(&entry.slot);
        if s.busy || s.sequence != sequence {
            return Err(Refusal(ResponseCode::INVALID_SEQUENCE));
        }
        s.busy = true;
        s.last_used = Instant::now();
        let next = new_cookie_value();
        s.sequence = next.clone();
        drop(s);
        Ok((
            Claim {
                entry: entry.clone(),
                waiting: false,
            },
            next,
        ))
    }

    /// Claims the context's single NotificationWait slot (15 if one is already outstanding).
    pub(crate) fn claim_wait(entry: &Arc<ContextEntry>) -> Result<Claim, Refusal> {
        let mut s = lock(&entry.slot);
        if s.waiting {
            return Err(Refusal(ResponseCode::INVALID_SEQUENCE));
        }
        s.waiting = true;
        s.last_used = Instant::now();
        drop(s);
        Ok(Claim {
            entry: entry.clone(),
            waiting: true,
        })
    }

    /// Removes a context from the table (its cookies stop working at once) and runs its
    /// `disconnect` on a blocking thread. False if it was not live.
    pub(crate) async fn destroy(&self, id: &str) -> bool {
        let entry = lock(&self.map).remove(id);
        match entry {
            Some(entry) => {
                disconnect(entry).await;
                true
            }
            None => false,
        }
    }

    /// Destroys every context; returns how many.
    pub(crate) async fn destroy_all(&self) -> usize {
        let entries: Vec<_> = lock(&self.map).drain().map(|(_, e)| e).collect();
        let n = entries.len();
        for e in entries {
            disconnect(e).await;
        }
        n
    }

    /// Destroys the contexts unused for the expiration period; returns how many.
    pub(crate) async fn sweep(&self) -> usize {
        let expired: Vec<Arc<ContextEntry>> = {
            let mut map = lock(&self.map);
            let ids: Vec<String> = map
                .values()
                .filter(|e| self.is_expired(e))
                .map(|e| e.id.clone())
                .collect();
            ids.iter().filter_map(|id| map.remove(id)).collect()
        };
        let n = expired.len();
        for e in expired {
            disconnect(e).await;
        }
        n
    }
}

/// Ends a removed context: wakes its NotificationWait, then calls the backend's
/// `disconnect` off the async threads (it may wait for a running Execute to finish).
pub(crate) async fn disconnect(entry: Arc<ContextEntry>) {
    entry.closed.send_replace(true);
    let session = entry.session.clone();
    let _ = tokio::task::spawn_blocking(move || {
        let taken = lock(&session).take();
        if let Some(mut s) = taken {
            s.end();
        }
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_values_are_fresh_and_well_formed() {
        let a = new_cookie_value();
        let b = new_cookie_value();
        assert_ne!(a, b);
        assert!(is_well_formed(&a));
        assert!(!is_well_formed("Invalid cookie"));
        assert!(!is_well_formed(""));
        assert!(!is_well_formed(&"g".repeat(32)));
    }
}
