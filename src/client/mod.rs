//! The public async API: a MAPI session over MAPI/HTTP, the way Outlook's `IMAPISession`
//! presents one (the Outlook MAPI reference, "MAPI Session Handling").
//!
//! [`Session::logon`] connects to the mailbox endpoint and logs on to the user's mailbox in two
//! HTTP requests (Connect, then one Execute carrying RopLogon and the store properties the
//! identity and the status table need). From the session: the message stores table
//! ([`Session::msg_stores_table`]), stores ([`Session::open_msg_store`]), any object by entry
//! ID ([`Session::open_entry`]), the primary identity ([`Session::query_identity`]), the status
//! table and status objects ([`Session::status_table`], [`StatusObject::validate_state`]),
//! notifications ([`Session::advise`]), the address book ([`Session::address_book`], see
//! [`AddressBook`]) and [`Session::logoff`].
//!
//! # Retry policy
//!
//! A request is sent again only when the server provably did not carry it out:
//! - it never left (the connection could not be made): sent again after a reconnect;
//! - the server refused it before processing (X-ResponseCode 10 Context Not Found, 4 Invalid
//!   Context Cookie, 5/6 Missing/Invalid Cookie, 15 Invalid Sequence): the context is
//!   replaced (a new Connect presenting the old cookies, MS-OXCMAPIHTTP 4.4), the stores are
//!   logged on again, and the batch is rebuilt; objects of the old context answer
//!   [`ClientError::Stale`] instead of being silently re-targeted;
//! - HTTP 503: sent again after Retry-After (or Connect's RetryDelay), at most Connect's
//!   RetryCount times and within [`LogonOptions::max_busy_wait`].
//!
//! When the connection breaks or goes silent after the request went out, the outcome is
//! unknown: the call fails with [`ClientError::OutcomeUnknown`], nothing is re-sent, and the
//! next call starts a new session context (the old sequence cookie may have moved on).
//!
//! A session is `Send + Sync` and cheap to clone; many tasks may use it at once (requests on
//! one session context still go one at a time, as MS-OXCMAPIHTTP 3.2.4 requires).
//!
//! It survives what Exchange does to sessions: when the session context is lost (X-ResponseCode
//! 10 and its siblings, or the X-ExpirationInfo deadline passes) it reconnects and logs its
//! stores on again; objects opened before that (folders, tables, messages) answer
//! [`ClientError::Stale`]. RopBackoff and HTTP 503 are honoured by waiting; ecWrongServer is
//! followed to the server it names. Dropping a folder, table or message queues its RopRelease,
//! which rides along with the next Execute.
//!
//! ```no_run
//! # async fn demo() -> Result<(), mapi_http::client::ClientError> {
//! use mapi_http::client::{Endpoints, LogonOptions, Session};
//! use mapi_http::transport::Credentials;
//!
//! let endpoints = Endpoints::new(
//!     "https://mail.contoso.com/mapi/emsmdb/?MailboxId=f3c2...@contoso.com",
//!     "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice",
//! );
//! let session = Session::logon(endpoints, Credentials::Anonymous, LogonOptions::default()).await?;
//! println!("logged on as {}", session.query_identity().display_name());
//! let store = session.default_store()?;
//! let inbox = store.open_folder(store.inbox_id()?).await?;
//! let mut table = inbox.contents_table().await?;
//! table.set_columns(&[mapi_http::wire::property::tags::PID_TAG_SUBJECT]).await?;
//! for row in table.query_rows(10).await? {
//!     println!("{:?}", row.text(mapi_http::wire::property::tags::PID_TAG_SUBJECT));
//! }
//! session.logoff().await?;
//! # Ok(()) }
//! ```

mod address_book;
mod conn;
mod discover;
mod error;
mod notify;
mod objects;
mod session;

pub use address_book::{
    AbContainer, AbEntry, AbPages, AddressBook, MID_AMBIGUOUS, MID_UNRESOLVED, Resolution,
    ResolvedName,
};
pub use discover::autodiscover_over;
pub use error::ClientError;
pub use notify::{Advise, AdviseTarget, Notification};
pub use objects::{Folder, Message, MsgStore, PropRow, StoreKind, Table};
pub use session::{
    ConnectionState, Endpoints, LogonOptions, MsgStoreRow, OpenedEntry, Session, SessionStats,
    StatusChanges, StatusObject, StoreRef,
};

pub use crate::session::identity::Identity;
pub use crate::session::status::{StatusRow, StatusRowKind};

use std::future::Future;
use std::pin::Pin;

use crate::session::{HttpRequest, HttpResponse};
use crate::transport::{Transport, TransportError};

/// A [`Transport`] behind a pointer: the session holds one without being generic over it.
pub(crate) trait DynTransport: Send + Sync {
    fn send_dyn<'a>(
        &'a self,
        request: &'a HttpRequest,
    ) -> Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send + 'a>>;
    fn auth_exchanges_dyn(&self) -> u64;
}

impl<T: Transport> DynTransport for T {
    fn send_dyn<'a>(
        &'a self,
        request: &'a HttpRequest,
    ) -> Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send + 'a>> {
        Box::pin(self.send(request))
    }

    fn auth_exchanges_dyn(&self) -> u64 {
        self.auth_exchanges()
    }
}
