//! The mailbox behind the emulator's HTTP front end: one [`EmsmdbContext`] per Connect, whose
//! Execute engine hands each ROP to the family handlers in this module's files, acting on the
//! shared in-memory [`Store`].
//!
//! One backend plays every mailbox server of the organisation: each session context acts as
//! the server its Connect's `MailboxId` routes to ([`Backend::server_for`]), and RopLogon
//! redirects (ecWrongServer) a private logon to a mailbox homed on another server, as
//! Exchange 2013 and later do behind one client access namespace.
//!
//! Objects the client holds handles to are [`Object`]s. They name their store by
//! [`MailboxKey`] rather than borrowing it, so the store stays behind one lock shared by every
//! session (a change one session makes is what another session's notification reports).

mod folder;
mod logon;
mod message;
mod notify;
mod property;
mod stream;
mod table;
mod transport;

#[cfg(test)]
pub(crate) mod testkit;

use std::sync::{Arc, Mutex, MutexGuard};

pub use notify::{EventHub, StoreEvent};

use super::engine::{Engine, NotificationQueue, Outcome, RopCx, RopHandler};
use super::store::{Mailbox, ObjHandle, ObjectRef, Store, TableView};
use super::{ConnectGranted, ConnectRefused, MailboxBackend, SessionContext, User};
use crate::wire::ErrorCode;
use crate::wire::Wire;
use crate::wire::entry_id::FolderId;
use crate::wire::mapihttp::{ConnectRequest, ExecuteRequest, ExecuteResponse};
use crate::wire::property::PropertyTag;
use crate::wire::rop::RopId;
use crate::wire::rop::any::{RopRequest, decode_requests};
use crate::wire::rop::buffer::RopBuffer;
use crate::wire::rop::special::BackoffResponse;
use crate::wire::rpc_ext::decode_chain;

/// Which store an object belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MailboxKey {
    /// A private mailbox, by its owner's legacy DN.
    Private(String),
    /// The public folder store.
    Public,
}

/// A Server object a client holds a handle to.
#[derive(Debug)]
pub enum Object {
    /// A Logon object (RopLogon).
    Logon(LogonObject),
    /// A Folder object.
    Folder(FolderObject),
    /// A Message object (opened, created, or embedded in an attachment).
    Message(InstanceObject),
    /// An Attachment object.
    Attachment(InstanceObject),
    /// A Table object (hierarchy, contents, attachment, recipient, receive-folder ...).
    Table(Box<TableObject>),
    /// A Stream object (RopOpenStream).
    Stream(StreamObject),
    /// A notification subscription (RopRegisterNotification).
    Subscription(SubscriptionObject),
}

/// MS-OXCSTOR: a logon to a private mailbox or to the public folders.
#[derive(Debug, Clone)]
pub struct LogonObject {
    /// The store logged on to.
    pub mailbox: MailboxKey,
}

/// An open folder.
#[derive(Debug, Clone)]
pub struct FolderObject {
    /// Its store.
    pub mailbox: MailboxKey,
    /// Its id.
    pub fid: FolderId,
}

/// A message or attachment the store holds open.
#[derive(Debug, Clone)]
pub struct InstanceObject {
    /// Its store.
    pub mailbox: MailboxKey,
    /// The store's handle to the open instance (released with the object).
    pub instance: ObjHandle,
    /// Whether it was opened for writing.
    pub writable: bool,
}

/// An open table with its columns.
#[derive(Debug)]
pub struct TableObject {
    /// Its store.
    pub mailbox: MailboxKey,
    /// The view.
    pub view: TableView,
    /// The columns last set (RopSetColumns).
    pub columns: Option<Vec<PropertyTag>>,
}

/// An open property stream (MS-OXCPRPT 2.2.14).
#[derive(Debug)]
pub struct StreamObject {
    /// Its store.
    pub mailbox: MailboxKey,
    /// What the property belongs to.
    pub target: ObjectRef,
    /// The property.
    pub tag: PropertyTag,
    /// The stream's bytes (the whole property value).
    pub data: Vec<u8>,
    /// The seek pointer.
    pub position: u64,
    /// Opened for writing.
    pub writable: bool,
    /// Written since the last commit.
    pub dirty: bool,
}

/// A notification subscription (MS-OXCNOTIF 2.2.1.2.1).
#[derive(Debug, Clone)]
pub struct SubscriptionObject {
    /// The id the [`EventHub`] knows it by.
    pub id: u64,
}

/// The ROP handlers of one session context.
pub struct Handlers {
    store: Arc<Mutex<Store>>,
    users: Arc<Vec<User>>,
    hub: EventHub,
    queue: NotificationQueue,
    user: User,
    code_page: u32,
    /// The server this session context acts as ([`Backend::server_for`] of its MailboxId):
    /// a private logon to a mailbox homed elsewhere is redirected.
    server_name: String,
    /// The organisation's default server: home of every user whose `home_server` is `None`.
    default_server: Arc<str>,
}

impl Handlers {
    /// Locks the shared store. A poisoned lock (a panic in another session) still holds a
    /// consistent store: every operation completes or fails before it mutates.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The user of this session.
    pub fn user(&self) -> &User {
        &self.user
    }

    /// The emulator's user whose legacy DN is `dn` (case-insensitive), for logons to other
    /// users' mailboxes (their home server decides ecWrongServer).
    pub fn user_by_dn(&self, dn: &str) -> Option<&User> {
        self.users
            .iter()
            .find(|u| u.legacy_dn.eq_ignore_ascii_case(dn))
    }

    /// The session's code page (Connect's DefaultCodePage) for PtypString8 values.
    pub fn code_page(&self) -> u32 {
        self.code_page
    }

    /// The server this session context acts as.
    pub fn server_name(&self) -> &str {
        &self.server_name
    }

    /// The server `user`'s mailbox lives on: its `home_server`, or the default server when
    /// that is `None`.
    pub fn home_server_of<'a>(&'a self, user: &'a User) -> &'a str {
        user.home_server.as_deref().unwrap_or(&self.default_server)
    }

    /// The event hub shared by every session.
    pub fn hub(&self) -> &EventHub {
        &self.hub
    }

    /// This session's notification queue.
    pub fn queue(&self) -> &NotificationQueue {
        &self.queue
    }
}

/// Runs `f` on the mailbox `key` names; ecNotFound if it no longer exists.
pub fn with_mailbox<T>(
    store: &mut Store,
    key: &MailboxKey,
    f: impl FnOnce(&mut Mailbox) -> Result<T, ErrorCode>,
) -> Result<T, ErrorCode> {
    match key {
        MailboxKey::Public => f(store.public_mut()),
        MailboxKey::Private(dn) => match store.mailbox_mut(dn) {
            Some(mailbox) => f(mailbox),
            None => Err(ErrorCode::NOT_FOUND),
        },
    }
}

impl Object {
    /// The store the object belongs to (subscriptions belong to none).
    pub fn mailbox(&self) -> Option<&MailboxKey> {
        match self {
            Object::Logon(o) => Some(&o.mailbox),
            Object::Folder(o) => Some(&o.mailbox),
            Object::Message(o) | Object::Attachment(o) => Some(&o.mailbox),
            Object::Table(o) => Some(&o.mailbox),
            Object::Stream(o) => Some(&o.mailbox),
            Object::Subscription(_) => None,
        }
    }

    /// What property ROPs on this object act on.
    pub fn property_target(&self) -> Option<ObjectRef> {
        match self {
            Object::Logon(_) => Some(ObjectRef::Store),
            Object::Folder(o) => Some(ObjectRef::Folder(o.fid)),
            Object::Message(o) | Object::Attachment(o) => Some(ObjectRef::Instance(o.instance)),
            _ => None,
        }
    }
}

impl RopHandler for Handlers {
    type Object = Object;

    fn handle(&mut self, cx: &mut RopCx<'_, Object>, request: &RopRequest) -> Outcome<Object> {
        // Each family answers the requests it owns and passes (None) on the others.
        if let Some(o) = logon::handle(self, cx, request) {
            return o;
        }
        if let Some(o) = notify::handle(self, cx, request) {
            return o;
        }
        if let Some(o) = folder::handle(self, cx, request) {
            return o;
        }
        if let Some(o) = table::handle(self, cx, request) {
            return o;
        }
        if let Some(o) = property::handle(self, cx, request) {
            return o;
        }
        if let Some(o) = stream::handle(self, cx, request) {
            return o;
        }
        if let Some(o) = message::handle(self, cx, request) {
            return o;
        }
        if let Some(o) = transport::handle(self, cx, request) {
            return o;
        }
        // MS-OXCROPS 3.2.5.x: a ROP the server does not implement fails with ecNotSupported.
        Outcome::fail(request, ErrorCode::NOT_SUPPORTED)
    }

    fn released(&mut self, _handle: u32, object: Object) {
        match object {
            Object::Message(o) | Object::Attachment(o) => {
                let mut store = self.store();
                let _ = with_mailbox(&mut store, &o.mailbox, |mb| {
                    mb.release(o.instance);
                    Ok(())
                });
            }
            Object::Subscription(s) => self.hub.unsubscribe(s.id),
            // A stream released with uncommitted writes keeps them, as releasing an
            // IStream commits it; a failure has nobody left to report to.
            Object::Stream(s) if s.dirty => {
                let _ = stream::commit_stream(self, &s);
            }
            _ => {}
        }
    }

    fn table_columns(&self, object: &Object) -> Option<Vec<PropertyTag>> {
        match object {
            Object::Table(t) => t.columns.clone(),
            // RopReadRecipients rows are laid out against the message's recipient columns.
            Object::Message(_) => message::recipient_columns_of(self, object),
            _ => None,
        }
    }
}

/// One Execute as the backend saw it, for tests that count ROPs (RopRelease of dropped
/// objects, round trips).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RopLogEntry {
    /// The session's login.
    pub login: String,
    /// The RopIds of the request, in order (empty when the ROP buffer did not decode).
    pub requests: Vec<RopId>,
}

/// The ROPs of every Execute served, shared by all sessions. Cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct RopLog {
    entries: Arc<Mutex<Vec<RopLogEntry>>>,
}

impl RopLog {
    /// Every entry so far.
    pub fn entries(&self) -> Vec<RopLogEntry> {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// How many requests of `id` all Executes carried.
    pub fn count(&self, id: RopId) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|e| e.requests.iter().filter(|r| **r == id).count())
            .sum()
    }

    /// Forgets everything.
    pub fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    fn record(&self, entry: RopLogEntry) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(entry);
    }
}

/// The RopIds of an Execute request, or none when its ROP buffer does not decode (the
/// engine then answers the failure itself).
fn request_rop_ids(request: &ExecuteRequest) -> Vec<RopId> {
    let Ok(chain) = decode_chain(&request.rop_buffer) else {
        return Vec::new();
    };
    let Some(Ok(buffer)) = chain.first().map(|b| RopBuffer::from_bytes(&b.payload)) else {
        return Vec::new();
    };
    decode_requests(&buffer.rops)
        .map(|rs| rs.iter().map(RopRequest::id).collect())
        .unwrap_or_default()
}

/// The emulator's mailbox backend: users, the shared store and the event hub.
pub struct Backend {
    users: Arc<Vec<User>>,
    store: Arc<Mutex<Store>>,
    hub: EventHub,
    server_name: Arc<str>,
    rop_log: RopLog,
    backoff: Arc<Mutex<Option<BackoffResponse>>>,
}

impl Backend {
    /// A backend over `store` for `users`; `server_name` is the default server: the home of
    /// users without a `home_server`, and the server a context with no (or an unknown)
    /// MailboxId acts as.
    pub fn new(users: Vec<User>, store: Store, server_name: impl Into<String>) -> Self {
        Backend {
            users: Arc::new(users),
            store: Arc::new(Mutex::new(store)),
            hub: EventHub::new(),
            server_name: Arc::from(server_name.into()),
            rop_log: RopLog::default(),
            backoff: Arc::new(Mutex::new(None)),
        }
    }

    /// The ROPs of every Execute served.
    pub fn rop_log(&self) -> RopLog {
        self.rop_log.clone()
    }

    /// Adds `backoff` to the next Execute response of any session (MS-OXCROPS 2.2.15.3), as
    /// a busy Exchange does.
    pub fn inject_backoff(&self, backoff: BackoffResponse) {
        *self.backoff.lock().unwrap_or_else(|e| e.into_inner()) = Some(backoff);
    }

    /// The shared store (tests inspect and change it, e.g. to deliver new mail).
    pub fn store(&self) -> Arc<Mutex<Store>> {
        Arc::clone(&self.store)
    }

    /// The event hub (tests raise events through it).
    pub fn hub(&self) -> &EventHub {
        &self.hub
    }

    /// The default server's name.
    pub fn server_name(&self) -> &str {
        &self.server_name
    }

    /// The server a session context connected with this `MailboxId` acts as.
    ///
    /// Exchange 2013 and later route a MAPI/HTTP request by the URL's MailboxId to the server
    /// holding that mailbox, so the same rule decides here:
    /// - `<mailbox guid>@<domain>` (autodiscover's form, [`crate::emulator::users::mailbox_guid`]
    ///   of the user's legacy DN; the domain is not checked, the emulator has one
    ///   organisation) or a user's SMTP address: that user's home server;
    /// - a user's `home_server` (case-insensitive): that server, because ecWrongServer names
    ///   it and a client following the redirect puts it in MailboxId;
    /// - absent or unknown: the default server. Exchange's front end does not refuse a
    ///   Connect whose MailboxId resolves to no mailbox: the Connect is answered and any
    ///   mismatch surfaces as ecWrongServer at RopLogon. Connect keeps succeeding here too,
    ///   and the default server then redirects a logon to a mailbox homed elsewhere.
    pub fn server_for(&self, mailbox_id: Option<&str>) -> &str {
        let Some(id) = mailbox_id.map(str::trim).filter(|id| !id.is_empty()) else {
            return &self.server_name;
        };
        let guid = id
            .rsplit_once('@')
            .and_then(|(local, _domain)| uuid::Uuid::parse_str(local).ok());
        let owner = self.users.iter().find(|u| {
            guid.is_some_and(|g| crate::emulator::users::mailbox_guid(&u.legacy_dn) == g)
                || u.smtp_address.eq_ignore_ascii_case(id)
        });
        if let Some(user) = owner {
            return user.home_server.as_deref().unwrap_or(&self.server_name);
        }
        self.users
            .iter()
            .filter_map(|u| u.home_server.as_deref())
            .find(|server| server.eq_ignore_ascii_case(id))
            .unwrap_or(&self.server_name)
    }

    fn user_by_login(&self, login: &str) -> Option<&User> {
        let bare = login
            .rsplit('\\')
            .next()
            .unwrap_or(login)
            .split('@')
            .next()
            .unwrap_or(login);
        self.users.iter().find(|u| {
            u.login.eq_ignore_ascii_case(login)
                || u.login.eq_ignore_ascii_case(bare)
                || u.smtp_address.eq_ignore_ascii_case(login)
        })
    }
}

impl MailboxBackend for Backend {
    fn connect(
        &self,
        login: &str,
        mailbox_id: Option<&str>,
        request: &ConnectRequest,
    ) -> Result<(ConnectGranted, Box<dyn SessionContext>), ConnectRefused> {
        let user = self
            .user_by_login(login)
            .ok_or(ConnectRefused(ErrorCode::LOGON_FAILED))?;
        // MS-OXCRPC 3.1.4.1: the server checks UserDn against the authenticated user.
        if !user.legacy_dn.eq_ignore_ascii_case(&request.user_dn) {
            return Err(ConnectRefused(ErrorCode::RPC_FAILED));
        }
        let queue = NotificationQueue::new();
        let handlers = Handlers {
            store: Arc::clone(&self.store),
            users: Arc::clone(&self.users),
            hub: self.hub.clone(),
            queue: queue.clone(),
            user: user.clone(),
            code_page: request.default_code_page,
            server_name: self.server_for(mailbox_id).to_owned(),
            default_server: Arc::clone(&self.server_name),
        };
        let granted = ConnectGranted {
            max_polling_interval: 60_000,
            max_retry_count: 6,
            retry_delay: 10_000,
            dn_prefix: String::new(),
            display_name: user.display_name.clone(),
        };
        let engine = Engine::new(handlers).with_notifications(queue);
        Ok((
            granted,
            Box::new(EmsmdbContext {
                engine,
                login: user.login.clone(),
                rop_log: self.rop_log.clone(),
                backoff: Arc::clone(&self.backoff),
            }),
        ))
    }
}

/// One session context: an Execute engine over this session's handlers.
pub struct EmsmdbContext {
    engine: Engine<Handlers>,
    login: String,
    rop_log: RopLog,
    backoff: Arc<Mutex<Option<BackoffResponse>>>,
}

impl EmsmdbContext {
    /// The engine (fault injection: RopBackoff).
    pub fn engine_mut(&mut self) -> &mut Engine<Handlers> {
        &mut self.engine
    }
}

impl SessionContext for EmsmdbContext {
    fn execute(&mut self, request: &ExecuteRequest) -> ExecuteResponse {
        self.rop_log.record(RopLogEntry {
            login: self.login.clone(),
            requests: request_rop_ids(request),
        });
        if let Some(backoff) = self
            .backoff
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            self.engine.inject_backoff(backoff);
        }
        self.engine.execute_response(request)
    }

    fn event_pending(&self) -> bool {
        self.engine.event_pending()
    }

    fn event_signal(&self) -> Option<tokio::sync::watch::Receiver<u64>> {
        Some(self.engine.notifications().subscribe())
    }

    fn disconnect(&mut self) {
        self.engine.release_all();
    }
}
