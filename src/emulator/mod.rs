//! An embedded Exchange server for MAPI/HTTP, built on this crate's wire codecs only.
//!
//! The emulator is how the project runs offline (the demo) and how every integration test
//! talks to "Exchange" over real HTTP on 127.0.0.1. It imports [`crate::wire`] and nothing
//! else of ours, so the client is never checked against its own logic.
//!
//! The pieces meet at the traits in this module:
//! - the HTTP front end (axum) checks headers, cookies and sequence, authenticates through an
//!   [`Authenticator`], and hands decoded bodies to a [`MailboxBackend`];
//! - the backend creates one [`SessionContext`] per Connect, which runs Executes (ROP buffers
//!   against the in-memory store) and reports pending notifications.

pub mod address_book;
pub mod auth;
pub mod autodiscover;
pub mod backend;
pub mod engine;
#[cfg(feature = "fuzzing")]
pub mod fuzz;
pub mod run;
pub mod server;
pub mod store;
pub mod users;

pub use address_book::{AddressBookBackend, AddressBookContext};
pub use run::{Emulator, EmulatorConfig};

use std::fmt;

use crate::wire::ErrorCode;
use crate::wire::mapihttp::{ConnectRequest, ExecuteRequest, ExecuteResponse};

/// One mailbox user the emulator knows.
///
/// The password is the emulator's own test credential, never a real one; it is still kept out
/// of `Debug` so that logs of a test run do not teach anyone to print it.
#[derive(Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct User {
    /// Logon name as typed at a Basic/NTLM prompt (`alice`, or `CONTOSO\alice` for NTLM).
    pub login: String,
    /// Password for Basic and NTLM.
    pub password: String,
    /// Display name (Connect's DisplayName, PidTagDisplayName of the mailbox and GAL entry).
    pub display_name: String,
    /// Primary SMTP address (autodiscover's EMailAddress).
    pub smtp_address: String,
    /// The user's legacy DN (ESSDN), as Connect's UserDn and RopLogon's Essdn carry it.
    pub legacy_dn: String,
    /// Server the mailbox lives on. A session context acts as one server (chosen by its
    /// URL's `MailboxId`, see [`backend::Backend::server_for`]); a private RopLogon to a
    /// mailbox homed on another server answers ecWrongServer naming that server. `None`: the
    /// emulator's default server (`EmulatorConfig::server_name`).
    #[serde(default)]
    pub home_server: Option<String>,
}

impl fmt::Debug for User {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("User")
            .field("login", &self.login)
            .field("password", &"<redacted>")
            .field("display_name", &self.display_name)
            .field("smtp_address", &self.smtp_address)
            .field("legacy_dn", &self.legacy_dn)
            .field("home_server", &self.home_server)
            .finish()
    }
}

/// Identifies one TCP connection to the front end, so connection-oriented authentication
/// (NTLM, Negotiate) can keep its handshake state per connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnectionId(pub u64);

/// What an [`Authenticator`] decided about one HTTP request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthOutcome {
    /// The request is from this user (its `login`).
    Authenticated(String),
    /// Answer 401 with these `WWW-Authenticate` values (a handshake leg or the initial offer).
    Challenge(Vec<String>),
    /// Answer 401 with the initial offer: wrong credentials or a scheme not enabled.
    Denied,
}

/// Decides who sends a request, from its `Authorization` header and the connection it came on.
pub trait Authenticator: Send + Sync + 'static {
    /// Looks at one request. `authorization` is the raw header value, if any.
    fn authenticate(&self, connection: ConnectionId, authorization: Option<&str>) -> AuthOutcome;
    /// Forgets handshake state of a connection that closed.
    fn connection_closed(&self, connection: ConnectionId);
}

/// Why a backend refused a Connect: the body's ErrorCode (StatusCode stays 0, as Exchange
/// reports MAPI-level failures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectRefused(pub ErrorCode);

/// The fields of a successful Connect response that the backend decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectGranted {
    /// Longest time in milliseconds between client polls.
    pub max_polling_interval: u32,
    /// How often the client may retry a failed request.
    pub max_retry_count: u32,
    /// Milliseconds between retries.
    pub retry_delay: u32,
    /// DN prefix of the server.
    pub dn_prefix: String,
    /// The user's display name.
    pub display_name: String,
}

/// The mailbox behind the HTTP front end: it opens session contexts.
pub trait MailboxBackend: Send + Sync + 'static {
    /// Handles a Connect for the authenticated `login`: a new session context, or a refusal.
    ///
    /// `mailbox_id` is the request URL's `MailboxId` query value (percent-decoded), which
    /// Exchange 2013 and later route on: autodiscover hands out
    /// `.../mapi/emsmdb/?MailboxId=<mailbox guid>@<domain>` and a client following
    /// ecWrongServer puts the redirect's server name there. A backend that models several
    /// mailbox servers decides from it which server the new context is on.
    fn connect(
        &self,
        login: &str,
        mailbox_id: Option<&str>,
        request: &ConnectRequest,
    ) -> Result<(ConnectGranted, Box<dyn SessionContext>), ConnectRefused>;
}

/// The server side of one MAPI/HTTP session context (one Connect to its Disconnect).
///
/// Calls on one context never overlap: the front end serialises them, as MS-OXCMAPIHTTP 3.2.4
/// requires of the client.
pub trait SessionContext: Send + 'static {
    /// Runs one Execute request and builds its response body.
    fn execute(&mut self, request: &ExecuteRequest) -> ExecuteResponse;
    /// Whether a notification is waiting to be delivered (NotificationWait's EventPending).
    fn event_pending(&self) -> bool;
    /// A channel that wakes when [`SessionContext::event_pending`] may have turned true, so a
    /// NotificationWait can return early. `None` if this context never raises events.
    fn event_signal(&self) -> Option<tokio::sync::watch::Receiver<u64>>;
    /// Ends the context (Disconnect, expiry): releases every server object it holds.
    fn disconnect(&mut self);
}
