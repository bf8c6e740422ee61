//! The whole emulator in one value: users, store, authentication, the mailbox endpoint and
//! autodiscover on one loopback listener.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::Response;

use super::auth::{AuthSchemes, EmulatorAuth};
use super::autodiscover::{self, Autodiscover, AutodiscoverAuth};
use super::backend::{Backend, RopLog};
use super::server::{ConnInfo, Faults, MailboxServer, RequestLog, RunningServer, ServerConfig};
use super::store::Store;
use super::users::Users;
use super::{Authenticator, User};
use crate::wire::rop::special::BackoffResponse;

/// How to build an emulator.
#[derive(Debug)]
pub struct EmulatorConfig {
    /// HTTP front end settings (listen address, pending period, expiration, latency ...).
    pub server: ServerConfig,
    /// The directory: every user gets a mailbox.
    pub users: Users,
    /// How many of the first users get a populated mailbox (a few hundred messages each); the
    /// rest (address-book population) get mailboxes with only the special folders.
    pub populated: usize,
    /// Seed of the generated content.
    pub seed: u64,
    /// Accepted authentication schemes.
    pub schemes: AuthSchemes,
    /// This emulator's server name (redirects name it).
    pub server_name: String,
}

impl EmulatorConfig {
    /// The demo set (`Users::demo_seeded(seed)`), five populated mailboxes, every scheme,
    /// listening on 127.0.0.1 on a free port.
    pub fn demo(seed: u64) -> Self {
        EmulatorConfig {
            server: ServerConfig::default(),
            users: Users::demo_seeded(seed),
            populated: 5,
            seed,
            schemes: AuthSchemes::all(),
            server_name: "EMULATOR".into(),
        }
    }
}

/// A running emulator. See the module documentation.
pub struct Emulator {
    server: RunningServer,
    backend: Arc<Backend>,
    users: Arc<Users>,
    auth: Arc<EmulatorAuth>,
    autodiscover: Arc<Autodiscover>,
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("local_addr", &self.server.local_addr())
            .field("users", &self.users.len())
            .finish_non_exhaustive()
    }
}

/// Puts the connection's [`super::ConnectionId`] where the autodiscover handler reads it, so
/// connection-oriented authentication works there as on the mailbox endpoint.
async fn connection_id(
    ConnectInfo(info): ConnectInfo<ConnInfo>,
    mut request: Request,
    next: Next,
) -> Response {
    request.extensions_mut().insert(info.id);
    next.run(request).await
}

impl Emulator {
    /// Builds the store and starts serving on the current tokio runtime.
    pub async fn start(config: EmulatorConfig) -> io::Result<Emulator> {
        let users = Arc::new(config.users);
        let all: Vec<User> = users.entries().iter().map(|e| e.user.clone()).collect();
        let mut store = Store::empty(config.seed);
        for (i, user) in all.iter().enumerate() {
            store.add_user(user, i < config.populated);
        }
        let server_guid = crate::emulator::users::mailbox_guid(&config.server_name);
        let backend = Arc::new(Backend::new(all, store, config.server_name));
        let auth = Arc::new(EmulatorAuth::new(Arc::clone(&users), config.schemes));
        let authenticator: Arc<dyn Authenticator> = auth.clone();
        // The address book answers Bind with the GUID of the mailbox server's name, so it is
        // stable for a given configuration.
        let gal = Arc::new(crate::emulator::address_book::Gal::new(
            Arc::clone(&users),
            server_guid,
        ));
        let mailbox =
            MailboxServer::new(config.server, Arc::clone(&authenticator), backend.clone())
                .with_address_book(gal.clone());
        let service = Arc::new(Autodiscover::new(Arc::clone(&users)));
        let discover = autodiscover::router(
            Arc::clone(&service),
            Some(AutodiscoverAuth {
                authenticator,
                offer: auth.offer(),
            }),
            None,
        )
        .layer(axum::middleware::from_fn(connection_id));
        let router = mailbox.router().merge(discover);
        let server = mailbox.serve(router).await?;
        gal.set_base_url(&server.base_url());
        Ok(Emulator {
            server,
            backend,
            users,
            auth,
            autodiscover: service,
        })
    }

    /// The listening address.
    pub fn local_addr(&self) -> SocketAddr {
        self.server.local_addr()
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        self.server.base_url()
    }

    /// The mailbox endpoint URL of the user with `login`, as autodiscover hands it out.
    pub fn mailbox_url(&self, login: &str) -> Option<String> {
        let entry = self.users.find_login(login)?;
        Some(self.autodiscover.mail_store_url(&self.base_url(), entry))
    }

    /// The address-book endpoint URL of the user with `login`, as autodiscover hands it out.
    pub fn address_book_url(&self, login: &str) -> Option<String> {
        let entry = self.users.find_login(login)?;
        Some(self.autodiscover.address_book_url(&self.base_url(), entry))
    }

    /// The POX autodiscover URL.
    pub fn autodiscover_url(&self) -> String {
        format!("{}/autodiscover/autodiscover.xml", self.base_url())
    }

    /// The directory.
    pub fn users(&self) -> &Users {
        &self.users
    }

    /// The user with login `login`.
    pub fn user(&self, login: &str) -> Option<&User> {
        self.users.find_login(login).map(|e| &e.user)
    }

    /// The authenticator (tests issue Bearer tokens with it).
    pub fn auth(&self) -> &EmulatorAuth {
        &self.auth
    }

    /// The shared store.
    pub fn store(&self) -> Arc<Mutex<Store>> {
        self.backend.store()
    }

    /// The mailbox backend (events, ROP log, RopBackoff injection).
    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// HTTP-level fault injection.
    pub fn faults(&self) -> Faults {
        self.server.faults()
    }

    /// Every HTTP request served.
    pub fn request_log(&self) -> RequestLog {
        self.server.request_log()
    }

    /// The ROPs of every Execute served.
    pub fn rop_log(&self) -> RopLog {
        self.backend.rop_log()
    }

    /// Answers the next Execute of any session with this RopBackoff added.
    pub fn inject_backoff(&self, backoff: BackoffResponse) {
        self.backend.inject_backoff(backoff);
    }

    /// Session contexts alive now.
    pub fn live_contexts(&self) -> usize {
        self.server.live_contexts()
    }

    /// Stops serving and disconnects every session context.
    pub async fn shutdown(self) {
        self.server.shutdown().await;
    }
}
