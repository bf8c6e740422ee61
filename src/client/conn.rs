//! One session context on one mailbox URL, driven through a transport: the request queue, the
//! reconnect, the waits the server asks for, and the logons that must survive a reconnect.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex as StdMutex};
use std::time::{Duration, Instant};

use tokio::sync::{Mutex, broadcast, watch};

use super::DynTransport;
use super::error::ClientError;
use crate::session::{
    BatchReply, ChannelError, ClientIdentity, ConnectInfo, MailboxOptions, MailboxSession,
    RopBatch, ServerHandle, SessionError,
};
use crate::wire::ErrorCode;
use crate::wire::mapihttp::RequestType;
use crate::wire::rop::RopId;
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::notify::NotifyResponse;
use crate::wire::rop::store::{LogonRequest, LogonResponse};

/// How a session context is doing, as the status table reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Health {
    /// The last exchange worked.
    Available,
    /// The server could not be reached or refused the session; the text says why.
    Failed(String),
    /// Logged off.
    Closed,
}

/// Counters shared by every context of a session.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub http_requests: AtomicU64,
    pub connects: AtomicU64,
    pub executes: AtomicU64,
    pub reconnects: AtomicU64,
    pub redirects: AtomicU64,
    pub backoff_waits: AtomicU64,
    pub busy_retries: AtomicU64,
}

/// What the contexts of a session share.
pub(crate) struct Shared {
    pub transport: Arc<dyn DynTransport>,
    pub counters: Counters,
    pub health: watch::Sender<Health>,
    /// Every RopNotify seen, with the URL of the context it came on. Shared (`Arc`), so the
    /// channel's 256 slots cost a pointer each rather than a whole event: the buffer is
    /// allocated with the session, advised or not.
    pub notifications: broadcast::Sender<Arc<(String, NotifyResponse)>>,
    /// Longest total wait for RopBackoff and 503 before a call gives up.
    pub max_busy_wait: Duration,
}

impl Shared {
    /// Sleeps `delay` (a 503's Retry-After, a RopBackoff) when the call's total wait,
    /// `waited`, stays within [`Shared::max_busy_wait`], counting it in `counter`; otherwise
    /// gives up with [`ClientError::Busy`] saying `why` the server kept the call waiting.
    pub async fn wait_within(
        &self,
        waited: &mut Duration,
        delay: Duration,
        counter: &AtomicU64,
        why: impl FnOnce() -> String,
    ) -> Result<(), ClientError> {
        if *waited + delay > self.max_busy_wait {
            return Err(ClientError::Busy(format!(
                "{} for longer than the {:?} allowed",
                why(),
                self.max_busy_wait
            )));
        }
        *waited += delay;
        counter.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(delay).await;
        Ok(())
    }
}

/// A logon the context keeps, to repeat it after a reconnect.
#[derive(Debug, Clone)]
pub(crate) struct LogonRecord {
    pub logon_id: u8,
    pub request: LogonRequest,
    pub handle: Option<ServerHandle>,
    pub response: LogonResponse,
}

/// Objects given up by their Rust owners, waiting for the next Execute.
#[derive(Debug, Clone, Copy)]
enum Dropped {
    Object(u8, ServerHandle),
    Logon(u8),
}

struct State {
    session: MailboxSession,
    logons: Vec<LogonRecord>,
    backoff_until: Option<Instant>,
    closed: bool,
}

/// One session context. See the module documentation.
pub(crate) struct Conn {
    url: String,
    shared: Arc<Shared>,
    state: Mutex<State>,
    dropped: StdMutex<Vec<Dropped>>,
}

/// What a batch builder may resolve: logon handles (current, they survive reconnects) and
/// object handles (refused when they belong to an older context).
pub(crate) struct BatchCx<'a> {
    session: &'a MailboxSession,
    logons: &'a [LogonRecord],
}

impl BatchCx<'_> {
    /// The slot of the logon `logon_id` in `batch`.
    pub fn logon(&self, batch: &mut RopBatch, logon_id: u8) -> Result<u8, ClientError> {
        let handle = self
            .logons
            .iter()
            .find(|l| l.logon_id == logon_id)
            .and_then(|l| l.handle)
            .ok_or(ClientError::Stale)?;
        self.object(batch, handle)
    }

    /// The slot of `handle` in `batch`.
    pub fn object(&self, batch: &mut RopBatch, handle: ServerHandle) -> Result<u8, ClientError> {
        self.session.slot(batch, handle).map_err(|e| match e {
            SessionError::Stale => ClientError::Stale,
            other => ClientError::Session(other),
        })
    }
}

/// An Execute's outcome with the generation its handles belong to.
pub(crate) struct Executed {
    pub batch: RopBatch,
    pub reply: BatchReply,
    pub generation: u64,
}

impl Executed {
    /// The answer to request `i`, or an error when the server did not reach it.
    pub fn answer(&self, i: usize) -> Result<&RopResponse, ClientError> {
        let id = self
            .batch
            .requests()
            .get(i)
            .map(RopRequest::id)
            .unwrap_or(RopId(0));
        self.reply
            .answers
            .get(i)
            .and_then(Option::as_ref)
            .ok_or(ClientError::UnexpectedResponse(id))
    }

    /// The server handle now in slot `index`, wrapped with the generation.
    pub fn handle(&self, index: u8) -> Option<ServerHandle> {
        self.reply.handle(index).map(|handle| ServerHandle {
            handle,
            generation: self.generation,
        })
    }
}

/// Why one exchange did not produce a reply.
enum Attempt {
    /// The server refused it without processing it (context gone): reconnect and build again.
    ContextLost,
    /// HTTP 503: wait and send again.
    Unavailable(Option<Duration>),
    /// Anything else, final.
    Fail(ClientError),
}

impl Conn {
    /// A context at `options.url`, not connected yet.
    pub fn new(shared: Arc<Shared>, client: ClientIdentity, options: MailboxOptions) -> Self {
        let url = options.url.clone();
        Conn {
            url,
            shared,
            state: Mutex::new(State {
                session: MailboxSession::new(client, uuid::Uuid::new_v4(), options),
                logons: Vec::new(),
                backoff_until: None,
                closed: false,
            }),
            dropped: StdMutex::new(Vec::new()),
        }
    }

    /// The mailbox URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Connects (the first Connect of the context).
    pub async fn connect(&self) -> Result<ConnectInfo, ClientError> {
        let mut st = self.state.lock().await;
        if st.closed {
            return Err(ClientError::LoggedOff);
        }
        self.connect_locked(&mut st).await
    }

    /// What the last Connect said.
    pub async fn connect_info(&self) -> Option<ConnectInfo> {
        self.state.lock().await.session.connect_info().cloned()
    }

    /// The next free LogonId (0..=255).
    pub async fn free_logon_id(&self) -> Result<u8, ClientError> {
        let st = self.state.lock().await;
        (0..=u8::MAX)
            .find(|id| !st.logons.iter().any(|l| l.logon_id == *id))
            .ok_or_else(|| ClientError::InvalidArgument("every LogonId is in use".into()))
    }

    /// Remembers a successful logon so a reconnect repeats it.
    pub async fn keep_logon(&self, record: LogonRecord) {
        let mut st = self.state.lock().await;
        st.logons.retain(|l| l.logon_id != record.logon_id);
        st.logons.push(record);
    }

    /// Queues the RopRelease of an object whose owner dropped it.
    pub fn drop_object(&self, logon_id: u8, handle: ServerHandle) {
        if let Ok(mut d) = self.dropped.lock() {
            d.push(Dropped::Object(logon_id, handle));
        }
    }

    /// Queues the release of a logon (the store object was dropped).
    pub fn drop_logon(&self, logon_id: u8) {
        if let Ok(mut d) = self.dropped.lock() {
            d.push(Dropped::Logon(logon_id));
        }
    }

    /// Runs one batch, built by `build` against the current handles. When the context turns
    /// out to be lost before the server processed the batch, the context is reconnected, its
    /// logons repeated and `build` asked again (objects of the old context then fail with
    /// [`ClientError::Stale`]). RopBufferTooSmall is answered by sending the rest again.
    pub async fn run<F>(&self, mut build: F) -> Result<Executed, ClientError>
    where
        F: FnMut(&BatchCx<'_>) -> Result<RopBatch, ClientError>,
    {
        let mut st = self.state.lock().await;
        let mut lost = 0u32;
        let mut busy = 0u32;
        let mut waited = Duration::ZERO;
        loop {
            if st.closed {
                return Err(ClientError::LoggedOff);
            }
            if st.session.needs_connect(Instant::now()) {
                self.reconnect_locked(&mut st).await?;
            }
            self.wait_backoff(&mut st, &mut waited).await?;
            self.apply_drops(&mut st);
            let mut batch = build(&BatchCx {
                session: &st.session,
                logons: &st.logons,
            })?;
            match self.exchange(&mut st, &mut batch).await {
                Ok(reply) => {
                    let generation = st.session.generation();
                    let mut done = Executed {
                        batch,
                        reply,
                        generation,
                    };
                    self.after_reply(&mut st, &done.reply);
                    // MS-OXCROPS 3.1.4.1.1: what the server did not reach goes out again.
                    let mut rounds = 0;
                    while let Some(mut rest) = done.reply.continuation(&done.batch) {
                        rounds += 1;
                        if rounds > 16 {
                            return Err(ClientError::Rop {
                                rop: RopId::BUFFER_TOO_SMALL,
                                code: ErrorCode::BUFFER_TOO_SMALL,
                            });
                        }
                        let reply = match self.exchange(&mut st, &mut rest).await {
                            Ok(r) => r,
                            Err(Attempt::Fail(e)) => return Err(e),
                            Err(_) => return Err(ClientError::Stale),
                        };
                        self.after_reply(&mut st, &reply);
                        merge(&mut done, rest, reply);
                    }
                    return Ok(done);
                }
                Err(Attempt::ContextLost) if lost < 2 => lost += 1,
                Err(Attempt::ContextLost) => {
                    return Err(ClientError::Session(SessionError::Channel(
                        ChannelError::ContextLost(crate::session::LossReason::OutcomeUnknown),
                    )));
                }
                Err(Attempt::Unavailable(after)) => {
                    // Connect's RetryCount and RetryDelay (MS-OXCMAPIHTTP 2.2.4.1.2) bound
                    // how often and how soon; Retry-After, when sent, sets the delay.
                    busy += 1;
                    let max = st
                        .session
                        .connect_info()
                        .map_or(6, |i| i.max_retry_count.max(1));
                    if busy > max {
                        return Err(ClientError::Busy(format!(
                            "HTTP 503 {busy} times, more than the server's RetryCount {max}"
                        )));
                    }
                    let delay = after.unwrap_or_else(|| retry_delay(&st.session));
                    self.shared
                        .wait_within(
                            &mut waited,
                            delay,
                            &self.shared.counters.busy_retries,
                            || "HTTP 503".into(),
                        )
                        .await?;
                }
                Err(Attempt::Fail(e)) => return Err(e),
            }
        }
    }

    /// PING (MS-OXCMAPIHTTP 2.2.6): whether the server answers on this context; a lost
    /// context is reconnected and its logons repeated first (ValidateState).
    pub async fn ping(&self) -> Result<(), ClientError> {
        let mut st = self.state.lock().await;
        if st.closed {
            return Err(ClientError::LoggedOff);
        }
        if st.session.needs_connect(Instant::now()) {
            self.reconnect_locked(&mut st).await?;
        }
        let request = st.session.ping(Instant::now())?;
        let response = self.send(&mut st, &request).await?;
        st.session.on_ping(response, Instant::now())?;
        self.set_health(Health::Available);
        Ok(())
    }

    /// One NotificationWait (MS-OXCMAPIHTTP 2.2.4.4): returns whether an event is pending.
    /// The context lock is not held while the server waits, so Executes go on meanwhile.
    pub async fn notification_wait(&self) -> Result<bool, ClientError> {
        let request = {
            let mut st = self.state.lock().await;
            if st.closed {
                return Err(ClientError::LoggedOff);
            }
            if st.session.needs_connect(Instant::now()) {
                self.reconnect_locked(&mut st).await?;
            }
            st.session.notification_wait(Instant::now())?
        };
        self.shared
            .counters
            .http_requests
            .fetch_add(1, Ordering::Relaxed);
        let result = self.shared.transport.send_dyn(&request).await;
        let mut st = self.state.lock().await;
        match result {
            Ok(response) => Ok(st.session.on_notification_wait(response, Instant::now())?),
            Err(e) => {
                st.session.abandon(&RequestType::NotificationWait);
                Err(ClientError::Transport(e))
            }
        }
    }

    /// Releases every logon and object and sends Disconnect; the context refuses work after.
    pub async fn close(&self) -> Result<(), ClientError> {
        let mut st = self.state.lock().await;
        if st.closed {
            return Ok(());
        }
        st.closed = true;
        if st.session.needs_connect(Instant::now()) {
            // Nothing lives on the server.
            return Ok(());
        }
        self.apply_drops(&mut st);
        let logons = std::mem::take(&mut st.logons);
        for l in &logons {
            if let Some(h) = l.handle {
                st.session.queue_release(l.logon_id, h);
            }
        }
        if let Some((batch, request)) = st.session.flush_releases(Instant::now())? {
            let response = self.send(&mut st, &request).await?;
            st.session
                .on_execute(&batch, response, Instant::now())
                .map(|_| ())?;
        }
        let request = st.session.disconnect(Instant::now())?;
        let response = self.send(&mut st, &request).await?;
        st.session.on_disconnect(response, Instant::now())?;
        Ok(())
    }

    fn set_health(&self, health: Health) {
        self.shared.health.send_if_modified(|h| {
            if *h == health || *h == Health::Closed {
                false
            } else {
                *h = health;
                true
            }
        });
    }

    fn apply_drops(&self, st: &mut State) {
        let dropped = match self.dropped.lock() {
            Ok(mut d) => std::mem::take(&mut *d),
            Err(_) => return,
        };
        for d in dropped {
            match d {
                Dropped::Object(logon_id, handle) => st.session.queue_release(logon_id, handle),
                Dropped::Logon(logon_id) => {
                    if let Some(pos) = st.logons.iter().position(|l| l.logon_id == logon_id) {
                        let record = st.logons.remove(pos);
                        if let Some(h) = record.handle {
                            st.session.queue_release(logon_id, h);
                        }
                    }
                }
            }
        }
    }

    async fn wait_backoff(&self, st: &mut State, waited: &mut Duration) -> Result<(), ClientError> {
        if let Some(until) = st.backoff_until.take() {
            let now = Instant::now();
            if until > now {
                let delay = until - now;
                self.shared
                    .wait_within(waited, delay, &self.shared.counters.backoff_waits, || {
                        format!("RopBackoff (asking for {delay:?})")
                    })
                    .await?;
            }
        }
        Ok(())
    }

    /// RopBackoff sets the next send time; RopNotify goes to the advise sinks.
    fn after_reply(&self, st: &mut State, reply: &BatchReply) {
        for r in &reply.unsolicited {
            match r {
                RopResponse::Backoff(b) => {
                    let longest = b
                        .backoff_rops
                        .iter()
                        .map(|r| r.duration)
                        .chain(std::iter::once(b.duration))
                        .max()
                        .unwrap_or(0);
                    let until = Instant::now() + Duration::from_millis(u64::from(longest));
                    st.backoff_until = Some(st.backoff_until.map_or(until, |u| u.max(until)));
                }
                RopResponse::Notify(n) => {
                    // No receiver is fine: nobody advised.
                    let _ = self
                        .shared
                        .notifications
                        .send(Arc::new((self.url.clone(), n.clone())));
                }
                _ => {}
            }
        }
    }

    async fn send(
        &self,
        st: &mut State,
        request: &crate::session::HttpRequest,
    ) -> Result<crate::session::HttpResponse, ClientError> {
        self.shared
            .counters
            .http_requests
            .fetch_add(1, Ordering::Relaxed);
        match self.shared.transport.send_dyn(request).await {
            Ok(r) => Ok(r),
            Err(e) => {
                st.session.abandon(&request.request_type);
                self.set_health(Health::Failed(e.to_string()));
                if e.request_not_sent() {
                    Err(ClientError::Transport(e))
                } else {
                    Err(ClientError::OutcomeUnknown {
                        request_type: request.request_type.as_str().to_owned(),
                        source: e,
                    })
                }
            }
        }
    }

    async fn exchange(&self, st: &mut State, batch: &mut RopBatch) -> Result<BatchReply, Attempt> {
        let request = st
            .session
            .execute(batch, Instant::now())
            .map_err(|e| Attempt::Fail(e.into()))?;
        self.shared
            .counters
            .executes
            .fetch_add(1, Ordering::Relaxed);
        let response = match self.send(st, &request).await {
            Ok(r) => r,
            // Never reached the server: a reconnect and a resend are safe.
            Err(ClientError::Transport(e)) if e.request_not_sent() => {
                return Err(Attempt::ContextLost);
            }
            Err(e) => return Err(Attempt::Fail(e)),
        };
        match st.session.on_execute(batch, response, Instant::now()) {
            Ok(reply) => {
                self.set_health(Health::Available);
                if reply.error_code.0 != 0 {
                    return Err(Attempt::Fail(ClientError::Execute(reply.error_code)));
                }
                Ok(reply)
            }
            Err(e) => Err(judge(e, &st.session)),
        }
    }

    async fn connect_locked(&self, st: &mut State) -> Result<ConnectInfo, ClientError> {
        let request = st.session.connect(uuid::Uuid::new_v4(), Instant::now())?;
        self.shared
            .counters
            .connects
            .fetch_add(1, Ordering::Relaxed);
        let mut waited = Duration::ZERO;
        let mut request = request;
        loop {
            let response = self.send(st, &request).await?;
            match st.session.on_connect(response, Instant::now()) {
                Ok(info) => {
                    let info = info.clone();
                    self.set_health(Health::Available);
                    return Ok(info);
                }
                Err(SessionError::Channel(ChannelError::ServiceUnavailable { retry_after })) => {
                    let delay = retry_after.unwrap_or(Duration::from_secs(1));
                    self.shared
                        .wait_within(
                            &mut waited,
                            delay,
                            &self.shared.counters.busy_retries,
                            || "HTTP 503 on Connect".into(),
                        )
                        .await?;
                    request = st.session.connect(uuid::Uuid::new_v4(), Instant::now())?;
                }
                Err(SessionError::Channel(ChannelError::Unauthorized { challenges })) => {
                    self.set_health(Health::Failed("authentication failed".into()));
                    return Err(ClientError::Auth(format!(
                        "the server refused the credentials (offered: {})",
                        challenges.join(", ")
                    )));
                }
                Err(SessionError::ConnectRefused(code))
                    if code == ErrorCode::LOGON_FAILED || code == ErrorCode::RPC_FAILED =>
                {
                    self.set_health(Health::Failed(format!("Connect refused: {code}")));
                    return Err(ClientError::Auth(format!(
                        "Connect refused with {code}: the user DN does not belong to the authenticated user"
                    )));
                }
                Err(e) => {
                    self.set_health(Health::Failed(e.to_string()));
                    return Err(e.into());
                }
            }
        }
    }

    /// A new session context, then every kept logon again in one Execute.
    async fn reconnect_locked(&self, st: &mut State) -> Result<(), ClientError> {
        let first = st.session.generation() == 0;
        self.connect_locked(st).await?;
        if !first {
            self.shared
                .counters
                .reconnects
                .fetch_add(1, Ordering::Relaxed);
        }
        if st.logons.is_empty() {
            return Ok(());
        }
        let mut batch = RopBatch::new();
        let mut slots = Vec::new();
        for l in &st.logons {
            let slot = batch.new_slot().map_err(SessionError::from)?;
            let mut request = l.request.clone();
            request.output_handle_index = slot;
            batch.push(RopRequest::Logon(request));
            slots.push(slot);
        }
        let reply = match self.exchange(st, &mut batch).await {
            Ok(r) => r,
            Err(Attempt::Fail(e)) => return Err(e),
            Err(_) => {
                return Err(ClientError::Busy(
                    "the server refused the new session context at once".into(),
                ));
            }
        };
        let generation = st.session.generation();
        for (i, (l, slot)) in st.logons.iter_mut().zip(slots).enumerate() {
            match reply.answers.get(i).and_then(Option::as_ref) {
                Some(RopResponse::Logon(
                    r @ (LogonResponse::Private { .. } | LogonResponse::Public { .. }),
                )) => {
                    l.handle = reply
                        .handle(slot)
                        .map(|handle| ServerHandle { handle, generation });
                    l.response = r.clone();
                }
                _ => l.handle = None,
            }
        }
        Ok(())
    }
}

/// The retry delay Connect announced (MS-OXCRPC RetryDelay), at least 100 ms.
fn retry_delay(session: &MailboxSession) -> Duration {
    let ms = session.connect_info().map_or(1000, |i| i.retry_delay);
    Duration::from_millis(u64::from(ms).clamp(100, 60_000))
}

/// Whether a failed Execute may be sent again after a reconnect or a wait.
fn judge(e: SessionError, session: &MailboxSession) -> Attempt {
    match e {
        SessionError::Channel(ChannelError::ServiceUnavailable { retry_after }) => {
            Attempt::Unavailable(retry_after)
        }
        SessionError::Channel(ChannelError::Protocol { .. })
            if session.needs_connect(Instant::now()) =>
        {
            // Context not found, invalid cookie or sequence: refused before processing.
            Attempt::ContextLost
        }
        SessionError::Channel(ChannelError::Unauthorized { challenges }) => {
            Attempt::Fail(ClientError::Auth(format!(
                "the server refused the credentials (offered: {})",
                challenges.join(", ")
            )))
        }
        other => Attempt::Fail(other.into()),
    }
}

/// Folds the reply to a continuation batch into the first one.
fn merge(done: &mut Executed, rest: RopBatch, reply: BatchReply) {
    let start = done
        .reply
        .answers
        .iter()
        .zip(done.batch.requests())
        .position(|(a, r)| a.is_none() && r.has_response());
    if let Some(start) = start {
        for (slot, answer) in done
            .reply
            .answers
            .iter_mut()
            .skip(start)
            .zip(reply.answers.iter())
        {
            *slot = answer.clone();
        }
    }
    done.reply.unsolicited.extend(reply.unsolicited);
    done.reply.buffer_too_small = reply.buffer_too_small;
    done.reply.handles = reply.handles;
    let _ = rest;
}
