//! The emulator's HTTP/1.1 front end: the MAPI/HTTP mailbox endpoint `/mapi/emsmdb/`
//! (MS-OXCMAPIHTTP) on axum, over the [`Authenticator`] and [`MailboxBackend`] seams.
//!
//! ```no_run
//! # async fn demo(
//! #     auth: std::sync::Arc<dyn mapi_http::emulator::Authenticator>,
//! #     backend: std::sync::Arc<dyn mapi_http::emulator::MailboxBackend>,
//! #     nspi_routes: axum::Router,
//! # ) -> std::io::Result<()> {
//! use mapi_http::emulator::server::{MailboxServer, ServerConfig};
//!
//! let server = MailboxServer::new(ServerConfig::localhost(), auth, backend);
//! // Other endpoints (address book, autodiscover) share the listener and its connection ids.
//! let router = server.router().merge(nspi_routes);
//! let running = server.serve(router).await?;
//! println!("{}", running.mailbox_url("alice@example.test"));
//! running.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! Every TCP connection gets a [`ConnectionId`] (handlers of merged routes read it with
//! `axum::extract::ConnectInfo<ConnInfo>`), and the authenticator hears
//! [`Authenticator::connection_closed`] when it goes away, so NTLM can keep per-connection
//! handshake state.

mod config;
mod contexts;
mod faults;
mod handler;

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::extract::connect_info::Connected;
use axum::routing::any;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::emulator::{AddressBookBackend, Authenticator, ConnectionId, MailboxBackend};

pub use config::{AnonymousPolicy, Latency, ServerConfig};
pub use faults::{Faults, RequestLog, RequestRecord};
pub use handler::{CONTEXT_COOKIE, SEQUENCE_COOKIE};

use contexts::ContextTable;
use faults::FaultSet;

/// The path of the mailbox endpoint, as autodiscover hands it out (MS-OXCMAPIHTTP 2.2.4).
pub const MAILBOX_PATH: &str = "/mapi/emsmdb/";
/// The path of the address book endpoint, as autodiscover hands it out (MS-OXCMAPIHTTP
/// 2.2.5).
pub const ADDRESS_BOOK_PATH: &str = "/mapi/nspi/";

/// Who is on the other end of a request: the connection number and the peer address.
/// Available to every route of the server as `axum::extract::ConnectInfo<ConnInfo>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnInfo {
    /// This TCP connection's number (from 1; 0 only for the listener's own address).
    pub id: ConnectionId,
    /// The peer's address.
    pub peer: SocketAddr,
}

impl Connected<IncomingStream<'_, TrackedListener>> for ConnInfo {
    fn connect_info(stream: IncomingStream<'_, TrackedListener>) -> Self {
        *stream.remote_addr()
    }
}

/// State shared by the handlers of one server.
pub(crate) struct Shared {
    pub(crate) config: ServerConfig,
    pub(crate) authenticator: Arc<dyn Authenticator>,
    pub(crate) backend: Arc<dyn MailboxBackend>,
    pub(crate) contexts: Arc<ContextTable>,
    /// The address book backend, if the server has the `/mapi/nspi/` endpoint.
    pub(crate) address_book: std::sync::OnceLock<Arc<dyn AddressBookBackend>>,
    /// The address book endpoint's contexts (made by Bind), apart from the mailbox's.
    pub(crate) address_book_contexts: Arc<ContextTable>,
    pub(crate) faults: Arc<FaultSet>,
    pub(crate) log: RequestLog,
    shutting_down: AtomicBool,
}

impl Shared {
    pub(crate) fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::Relaxed)
    }
}

/// A configured mailbox endpoint, not yet listening.
pub struct MailboxServer {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for MailboxServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailboxServer")
            .field("config", &self.shared.config)
            .finish_non_exhaustive()
    }
}

impl MailboxServer {
    /// A server with this configuration, authenticator and backend.
    pub fn new(
        config: ServerConfig,
        authenticator: Arc<dyn Authenticator>,
        backend: Arc<dyn MailboxBackend>,
    ) -> Self {
        let contexts = Arc::new(ContextTable::new(config.expiration));
        let address_book_contexts = Arc::new(ContextTable::new(config.expiration));
        MailboxServer {
            shared: Arc::new(Shared {
                config,
                authenticator,
                backend,
                contexts,
                address_book: std::sync::OnceLock::new(),
                address_book_contexts,
                faults: Arc::new(FaultSet::default()),
                log: RequestLog::default(),
                shutting_down: AtomicBool::new(false),
            }),
        }
    }

    /// The mailbox endpoint's routes: `/mapi/emsmdb` and `/mapi/emsmdb/` (the endpoint, any
    /// method, so a GET gets X-ResponseCode 2 rather than HTTP 405) and everything below it
    /// (X-ResponseCode 3, Invalid Path). Merge other endpoints into it and pass the result to
    /// [`MailboxServer::serve`].
    ///
    /// With [`MailboxServer::with_address_book`], the address book endpoint `/mapi/nspi/` is
    /// routed the same way.
    pub fn router(&self) -> Router {
        let mut router = Router::new()
            .route("/mapi/emsmdb", any(handler::emsmdb))
            .route(MAILBOX_PATH, any(handler::emsmdb))
            .route("/mapi/emsmdb/{*rest}", any(handler::invalid_path));
        if self.shared.address_book.get().is_some() {
            router = router
                .route("/mapi/nspi", any(handler::nspi))
                .route(ADDRESS_BOOK_PATH, any(handler::nspi))
                .route("/mapi/nspi/{*rest}", any(handler::nspi_invalid_path));
        }
        router.with_state(self.shared.clone())
    }

    /// Adds the address book endpoint `/mapi/nspi/` (MS-OXCMAPIHTTP 2.2.5) over `backend`,
    /// with the same checks, authentication and framing as the mailbox endpoint and its own
    /// Session Contexts (made by Bind).
    pub fn with_address_book(self, backend: Arc<dyn AddressBookBackend>) -> Self {
        // Only this builder sets it, once, before any router exists.
        let _ = self.shared.address_book.set(backend);
        self
    }

    /// The request log (also reachable from the [`RunningServer`]).
    pub fn request_log(&self) -> RequestLog {
        self.shared.log.clone()
    }

    /// Listens on the configured address and serves `router` on the current tokio runtime.
    pub async fn serve(self, router: Router) -> io::Result<RunningServer> {
        let listener = TcpListener::bind(self.shared.config.listen).await?;
        let local_addr = listener.local_addr()?;
        let tracked = TrackedListener {
            inner: listener,
            shared: self.shared.clone(),
            next_id: AtomicU64::new(1),
        };
        let (stop_tx, mut stop_rx) = watch::channel(false);
        let app = router.into_make_service_with_connect_info::<ConnInfo>();
        let serve = axum::serve(tracked, app).with_graceful_shutdown(async move {
            let _ = stop_rx.wait_for(|s| *s).await;
        });
        let task = tokio::spawn(async move {
            let _ = serve.await;
        });
        let contexts = self.shared.contexts.clone();
        let address_book_contexts = self.shared.address_book_contexts.clone();
        let every = (self.shared.config.expiration / 4)
            .clamp(Duration::from_millis(5), Duration::from_secs(30));
        let sweeper = tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                contexts.sweep().await;
                address_book_contexts.sweep().await;
            }
        });
        Ok(RunningServer {
            shared: self.shared,
            local_addr,
            stop: stop_tx,
            task: Some(task),
            sweeper,
        })
    }

    /// [`MailboxServer::serve`] with only the mailbox endpoint's routes.
    pub async fn start(self) -> io::Result<RunningServer> {
        let router = self.router();
        self.serve(router).await
    }
}

/// Starts a server with only the mailbox endpoint: `MailboxServer::new(..).start()`.
pub async fn start(
    config: ServerConfig,
    authenticator: Arc<dyn Authenticator>,
    backend: Arc<dyn MailboxBackend>,
) -> io::Result<RunningServer> {
    MailboxServer::new(config, authenticator, backend)
        .start()
        .await
}

/// A listening server. Dropping it stops accepting connections; [`RunningServer::shutdown`]
/// also ends the Session Contexts and waits for the server task.
pub struct RunningServer {
    shared: Arc<Shared>,
    local_addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
    sweeper: JoinHandle<()>,
}

impl std::fmt::Debug for RunningServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunningServer")
            .field("local_addr", &self.local_addr)
            .finish_non_exhaustive()
    }
}

impl RunningServer {
    /// The bound address (the real port when the configuration said 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// `http://127.0.0.1:port` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.local_addr)
    }

    /// The mailbox endpoint URL as autodiscover would hand it out:
    /// `http://127.0.0.1:port/mapi/emsmdb/?MailboxId=<mailbox_id>`.
    pub fn mailbox_url(&self, mailbox_id: &str) -> String {
        format!("{}{MAILBOX_PATH}?MailboxId={mailbox_id}", self.base_url())
    }

    /// The configuration the server runs with.
    pub fn config(&self) -> &ServerConfig {
        &self.shared.config
    }

    /// The fault injection handle of this server.
    pub fn faults(&self) -> Faults {
        Faults {
            set: self.shared.faults.clone(),
            contexts: self.shared.contexts.clone(),
        }
    }

    /// The request log of this server.
    pub fn request_log(&self) -> RequestLog {
        self.shared.log.clone()
    }

    /// Session Contexts currently alive (created by Connect, not yet disconnected or expired).
    pub fn live_contexts(&self) -> usize {
        self.shared.contexts.len()
    }

    /// Address book contexts currently alive (made by Bind, not yet unbound or expired).
    pub fn live_address_book_contexts(&self) -> usize {
        self.shared.address_book_contexts.len()
    }

    /// The address book endpoint URL as autodiscover would hand it out.
    pub fn address_book_url(&self, mailbox_id: &str) -> String {
        format!(
            "{}{ADDRESS_BOOK_PATH}?MailboxId={mailbox_id}",
            self.base_url()
        )
    }

    /// The context cookie values of the live Session Contexts.
    pub fn context_ids(&self) -> Vec<String> {
        self.shared.contexts.ids()
    }

    /// Stops the server: new requests get X-ResponseCode 18 (Endpoint Shutting Down), every
    /// Session Context is disconnected (a waiting NotificationWait ends), idle connections
    /// close, and the server task ends (given up to 10 s for requests in flight).
    pub async fn shutdown(mut self) {
        self.shared.shutting_down.store(true, Ordering::Relaxed);
        self.shared.contexts.destroy_all().await;
        self.shared.address_book_contexts.destroy_all().await;
        self.stop.send_replace(true);
        if let Some(task) = self.task.take() {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(10), task)
                .await
                .is_err()
            {
                abort.abort();
            }
        }
        self.sweeper.abort();
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.stop.send_replace(true);
        self.sweeper.abort();
    }
}

/// The TCP listener behind [`RunningServer`]: numbers connections and wraps them so closing
/// is reported to the authenticator and the close-after-bytes fault can cut them.
pub struct TrackedListener {
    inner: TcpListener,
    shared: Arc<Shared>,
    next_id: AtomicU64,
}

impl std::fmt::Debug for TrackedListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TrackedListener")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl Listener for TrackedListener {
    type Io = TrackedIo;
    type Addr = ConnInfo;

    async fn accept(&mut self) -> (TrackedIo, ConnInfo) {
        loop {
            match self.inner.accept().await {
                Ok((stream, peer)) => {
                    // MS-OXCMAPIHTTP 3.2.5.2: keep-alive chunks must not sit in Nagle's buffer.
                    let _ = stream.set_nodelay(true);
                    let id = ConnectionId(self.next_id.fetch_add(1, Ordering::Relaxed));
                    let io = TrackedIo {
                        inner: stream,
                        id,
                        shared: self.shared.clone(),
                        budget: None,
                        drip: None,
                    };
                    return (io, ConnInfo { id, peer });
                }
                // Out of file descriptors and the like: wait, as axum's own listener does.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<ConnInfo> {
        Ok(ConnInfo {
            id: ConnectionId(0),
            peer: self.inner.local_addr()?,
        })
    }
}

/// One accepted connection.
pub struct TrackedIo {
    inner: TcpStream,
    id: ConnectionId,
    shared: Arc<Shared>,
    /// Bytes this connection may still write before the close-after-bytes fault cuts it.
    budget: Option<u64>,
    /// The drip fault: one byte per interval, and the pause before the next byte.
    drip: Option<(Duration, Pin<Box<tokio::time::Sleep>>)>,
}

impl std::fmt::Debug for TrackedIo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TrackedIo")
            .field("id", &self.id)
            .field("budget", &self.budget)
            .finish_non_exhaustive()
    }
}

impl Drop for TrackedIo {
    fn drop(&mut self) {
        self.shared.authenticator.connection_closed(self.id);
    }
}

impl AsyncRead for TrackedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for TrackedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.drip.is_none()
            && self.shared.faults.has_drip()
            && let Some(interval) = self.shared.faults.take_drip()
        {
            self.drip = Some((interval, Box::pin(tokio::time::sleep(Duration::ZERO))));
        }
        if let Some((interval, pause)) = self.drip.as_mut() {
            let interval = *interval;
            if pause.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            let one = buf.get(..1).unwrap_or(buf);
            let r = Pin::new(&mut self.inner).poll_write(cx, one);
            if let (Poll::Ready(Ok(_)), Some((_, pause))) = (&r, self.drip.as_mut()) {
                pause.as_mut().reset(tokio::time::Instant::now() + interval);
            }
            return r;
        }
        if self.budget.is_none() && self.shared.faults.has_close_after_bytes() {
            self.budget = self.shared.faults.take_close_after_bytes();
        }
        let Some(budget) = self.budget else {
            return Pin::new(&mut self.inner).poll_write(cx, buf);
        };
        if budget == 0 {
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "connection cut by the close-after-bytes fault",
            )));
        }
        let n = usize::try_from(budget).unwrap_or(usize::MAX).min(buf.len());
        let slice = buf.get(..n).unwrap_or(buf);
        let r = Pin::new(&mut self.inner).poll_write(cx, slice);
        if let Poll::Ready(Ok(written)) = &r {
            self.budget = Some(budget.saturating_sub(*written as u64));
        }
        r
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
