//! Recorded conversations: HTTP Archive (HAR 1.2) record and replay as a
//! [`Transport`](crate::transport::Transport).
//!
//! - [`RecordingTransport`] wraps any transport and writes every exchange to a HAR file as it
//!   completes (credentials replaced by a marker, cookie values by consistent tokens).
//! - [`ReplayTransport`] serves a HAR file in place of the network, checking that the client
//!   asks what the recording holds ([`ReplayMode::Strict`] for this crate's own recordings,
//!   [`ReplayMode::Semantic`] for other clients'), and fails with a [`ReplayError`] naming the
//!   step and the first differing field otherwise.
//! - [`dissect`] decodes every exchange of a recording (request types, ROPs in and out, NSPI
//!   calls, errors) for `mapi decode har` and for mismatch reports.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use mapi_http::client::{Endpoints, LogonOptions, Session};
//! use mapi_http::replay::{ReplayMode, ReplayTransport};
//!
//! let replay = ReplayTransport::open("fixtures/demo.har", ReplayMode::Strict)?;
//! let endpoints = Endpoints::new("http://127.0.0.1:1/mapi/emsmdb/?MailboxId=a@b", "/o=x/cn=a");
//! let session = Session::logon_with_transport(endpoints, replay, LogonOptions::default()).await?;
//! session.logoff().await?;
//! # Ok(()) }
//! ```

pub mod dissect;
#[cfg(feature = "fuzzing")]
pub mod fuzz;
pub mod har;
pub mod mask;
mod play;
mod record;

pub use har::Har;
pub use mask::{Masker, REDACTED};
pub use play::{ReplayError, ReplayMode, ReplayTransport};
pub use record::{AUTH_LEG, ERROR, REENCODED, Recorder, RecordingTransport, wire_body};
