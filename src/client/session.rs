//! The session: logon, stores, entry IDs, identity, status, advise, logoff.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex as StdMutex, Weak};
use std::time::Duration;

use tokio::sync::{Mutex, broadcast, watch};

use super::DynTransport;
use super::address_book::{AbCounters, AbEntry, AddressBook, address_book_url_for};
use super::conn::{Conn, Counters, Health, LogonRecord, Shared};
use super::error::ClientError;
use super::notify::{Advise, AdviseTarget, spawn_pump};
use super::objects::{Folder, Message, MsgStore, PropRow, StoreInner, StoreKind, answer};
use crate::session::identity::Identity;
use crate::session::status::{
    ConnectionStatus, StatusEntryId, StatusEntryIdError, StatusRow, StatusRowKind, StatusTable,
};
use crate::session::{ClientIdentity, MailboxOptions, RopBatch, SessionError};
use crate::transport::{Credentials, HttpTransport, Transport, TransportConfig};
use crate::wire::entry_id::{
    EntryId, FolderId, GlobalIdentifier, MapiUid, MessageId, StoreObjectEntryId,
};
use crate::wire::property::tags as t;
use crate::wire::property::{PropertyTag, PropertyTagArray, PropertyValue, TaggedPropertyValue};
use crate::wire::rop::RopId;
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::notify::{NotificationTypes, RegisterNotificationRequest};
use crate::wire::rop::property::{GetPropertiesSpecificRequest, GetPropertiesSpecificResponse};
use crate::wire::rop::store::{
    IdFromLongTermIdRequest, IdFromLongTermIdResponse, LogonFlags, LogonRequest, LogonResponse,
    OpenFlags, StoreState,
};
use crate::wire::{Wire, entry_id::LongTermId};

/// Where the mailbox is and who the user is: what autodiscover or a profile provides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// The mailbox endpoint URL, verbatim (`.../mapi/emsmdb/?MailboxId=...`).
    pub mailbox_url: String,
    /// The user's legacy DN (Connect's UserDn, RopLogon's Essdn).
    pub user_dn: String,
    /// The address-book endpoint URL (`.../mapi/nspi/?MailboxId=...`), when known.
    pub address_book_url: Option<String>,
    /// The user's SMTP address, when known.
    pub smtp_address: Option<String>,
}

impl Endpoints {
    /// Endpoints with only the mailbox URL and the user's DN.
    pub fn new(mailbox_url: impl Into<String>, user_dn: impl Into<String>) -> Self {
        Endpoints {
            mailbox_url: mailbox_url.into(),
            user_dn: user_dn.into(),
            address_book_url: None,
            smtp_address: None,
        }
    }
}

impl From<&crate::profile::Profile> for Endpoints {
    fn from(p: &crate::profile::Profile) -> Self {
        Endpoints {
            mailbox_url: p.mailbox_url.clone(),
            user_dn: p.user_dn.clone(),
            address_book_url: p.address_book_url.clone(),
            smtp_address: p.smtp_address.clone(),
        }
    }
}

/// Choices for a session.
#[derive(Debug, Clone)]
pub struct LogonOptions {
    /// Timeouts and limits of the HTTP transport.
    pub transport: TransportConfig,
    /// X-ClientApplication (servers gate features on it).
    pub application: String,
    /// User-Agent.
    pub user_agent: String,
    /// Code page for PtypString8 values (Connect's DefaultCodePage).
    pub code_page: u32,
    /// Locale for sorting and strings (Connect's LcidSort and LcidString).
    pub locale: u32,
    /// Most ecWrongServer redirects followed for one logon.
    pub max_redirects: u32,
    /// Longest a call waits in total for RopBackoff and HTTP 503 before it fails with
    /// [`ClientError::Busy`].
    pub max_busy_wait: Duration,
}

impl Default for LogonOptions {
    fn default() -> Self {
        LogonOptions {
            transport: TransportConfig::default(),
            application: "Outlook/16.0.18025.20000".into(),
            user_agent: concat!("mapi-http/", env!("CARGO_PKG_VERSION")).into(),
            code_page: 1252,
            locale: 1033,
            max_redirects: 3,
            max_busy_wait: Duration::from_secs(120),
        }
    }
}

/// Which store [`Session::open_msg_store`] opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreRef {
    /// The user's own mailbox (the default store, already logged on).
    Default,
    /// The public folders.
    Public,
    /// Another user's mailbox, by the owner's legacy DN.
    Mailbox(String),
}

/// One row of the message stores table (IMAPISession::GetMsgStoresTable).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MsgStoreRow {
    /// Display name.
    pub display_name: String,
    /// Private mailbox or public folders.
    pub kind: StoreKind,
    /// Whether it is the default store.
    pub default_store: bool,
    /// Whether the session has it open now.
    pub open: bool,
    /// The row's properties: PR_DISPLAY_NAME, PR_ENTRYID (the store EntryID of
    /// MS-OXCDATA 2.2.4.3), PR_RECORD_KEY, PR_DEFAULT_STORE, PR_RESOURCE_FLAGS,
    /// PR_PROVIDER_DISPLAY, PR_OBJECT_TYPE, PR_INSTANCE_KEY.
    pub props: PropRow,
}

impl MsgStoreRow {
    /// The store's EntryID (for [`Session::open_entry`]).
    pub fn entry_id(&self) -> Option<&[u8]> {
        self.props.bytes(t::PID_TAG_ENTRY_ID)
    }
}

/// Counters of what a session sent, for tests and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct SessionStats {
    /// HTTP requests sent (auth handshake legs inside the transport are not counted here).
    pub http_requests: u64,
    /// Connect requests (first connects and reconnects).
    pub connects: u64,
    /// Execute requests.
    pub executes: u64,
    /// Reconnects after a lost session context.
    pub reconnects: u64,
    /// ecWrongServer redirects followed.
    pub redirects: u64,
    /// Waits for RopBackoff.
    pub backoff_waits: u64,
    /// Requests sent again after HTTP 503.
    pub busy_retries: u64,
    /// Extra HTTP exchanges of authentication handshakes (NTLM/Negotiate legs answered 401),
    /// not included in `http_requests`.
    pub auth_exchanges: u64,
    /// Requests to the address book endpoint (Bind and Unbind included; also counted in
    /// `http_requests`).
    pub nspi_requests: u64,
    /// Bind requests (first binds and re-binds).
    pub binds: u64,
    /// Re-binds after a lost address book context.
    pub rebinds: u64,
}

/// What a session's connection is doing, as [`Session::connection_state`] reports it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum ConnectionState {
    /// The last exchange with the server worked.
    Available,
    /// The last exchange failed; the text says why. The next call tries again.
    Failed(String),
    /// Logged off.
    LoggedOff,
}

impl From<&Health> for ConnectionState {
    fn from(h: &Health) -> Self {
        match h {
            Health::Available => ConnectionState::Available,
            Health::Failed(s) => ConnectionState::Failed(s.clone()),
            Health::Closed => ConnectionState::LoggedOff,
        }
    }
}

pub(crate) struct Inner {
    endpoints: Endpoints,
    options: LogonOptions,
    shared: Arc<Shared>,
    client: ClientIdentity,
    primary: Arc<Conn>,
    others: Mutex<Vec<Arc<Conn>>>,
    identity: Identity,
    default_store: StdMutex<Option<MsgStore>>,
    opened: StdMutex<Vec<Weak<StoreInner>>>,
    pumps: StdMutex<Vec<(String, std::sync::Weak<()>)>>,
    logged_off: AtomicBool,
    instance: uuid::Uuid,
    status: StdMutex<StatusTable>,
    address_book: Mutex<Option<AddressBook>>,
    ab_counters: Arc<AbCounters>,
}

/// A MAPI session (IMAPISession) over MAPI/HTTP. Clones share the session.
#[derive(Clone)]
pub struct Session {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("mailbox_url", &self.inner.endpoints.mailbox_url)
            .field("user_dn", &self.inner.endpoints.user_dn)
            .field("logged_off", &self.inner.logged_off.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// The store properties read with the default store's RopLogon, in the same Execute: what the
/// identity, the stores table and the status table need.
const LOGON_PROPS: [PropertyTag; 4] = [
    t::PID_TAG_DISPLAY_NAME,
    t::PID_TAG_MAILBOX_OWNER_NAME,
    t::PID_TAG_MAILBOX_OWNER_ENTRY_ID,
    t::PID_TAG_STORE_RECORD_KEY,
];

impl Session {
    /// MAPILogonEx: connects to the mailbox endpoint over HTTPS (or HTTP) with `credentials`
    /// and logs on to the user's mailbox. Two HTTP requests with anonymous or Basic auth:
    /// Connect, and one Execute carrying RopLogon and the store properties.
    pub async fn logon(
        endpoints: Endpoints,
        credentials: Credentials,
        options: LogonOptions,
    ) -> Result<Session, ClientError> {
        let transport = HttpTransport::new(credentials, options.transport.clone())?;
        Self::logon_with_transport(endpoints, transport, options).await
    }

    /// As [`Session::logon`], over any [`Transport`] (a HAR replay, a test double).
    pub async fn logon_with_transport<T: Transport + 'static>(
        endpoints: Endpoints,
        transport: T,
        options: LogonOptions,
    ) -> Result<Session, ClientError> {
        let (health, _) = watch::channel(Health::Available);
        let (notifications, _) = broadcast::channel(256);
        let transport: Arc<dyn DynTransport> = Arc::new(transport);
        let shared = Arc::new(Shared {
            transport,
            counters: Counters::default(),
            health,
            notifications,
            max_busy_wait: options.max_busy_wait,
        });
        let client = ClientIdentity::new(
            uuid::Uuid::new_v4(),
            options.application.clone(),
            options.user_agent.clone(),
        );
        let (conn, record, props) = logon_store(
            &shared,
            &client,
            &options,
            None,
            &endpoints.mailbox_url,
            &endpoints.user_dn,
            private_logon_request(&endpoints.user_dn, true),
            &LOGON_PROPS,
            &[],
        )
        .await?;
        let info = conn.connect_info().await;
        let display = props
            .text(t::PID_TAG_MAILBOX_OWNER_NAME)
            .map(|s| s.into_owned())
            .or_else(|| info.as_ref().map(|i| i.display_name.clone()))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| endpoints.user_dn.clone());
        let identity = Identity::new(display, endpoints.user_dn.clone()).map_err(|e| {
            ClientError::InvalidArgument(format!("the user DN cannot name an identity: {e}"))
        })?;
        let store_name = props
            .text(t::PID_TAG_DISPLAY_NAME)
            .map(|s| s.into_owned())
            .unwrap_or_else(|| format!("Mailbox - {}", identity.display_name()));
        let store = MsgStore {
            inner: Arc::new(StoreInner {
                conn: Arc::clone(&conn),
                logon_id: record.logon_id,
                kind: StoreKind::Private {
                    mailbox_dn: endpoints.user_dn.clone(),
                },
                logon: record.response.clone(),
                display_name: store_name,
                is_default: true,
            }),
        };
        let instance = uuid::Uuid::new_v4();
        let status = StatusTable::new(
            instance,
            Some(&identity),
            store.display_name(),
            ConnectionStatus::Available,
        );
        let inner = Arc::new(Inner {
            endpoints,
            options,
            shared,
            client,
            primary: conn,
            others: Mutex::new(Vec::new()),
            identity,
            default_store: StdMutex::new(Some(store)),
            opened: StdMutex::new(Vec::new()),
            pumps: StdMutex::new(Vec::new()),
            logged_off: AtomicBool::new(false),
            instance,
            status: StdMutex::new(status),
            address_book: Mutex::new(None),
            ab_counters: Arc::new(AbCounters::default()),
        });
        Ok(Session { inner })
    }

    fn check(&self) -> Result<(), ClientError> {
        if self.inner.logged_off.load(Ordering::Acquire) {
            Err(ClientError::LoggedOff)
        } else {
            Ok(())
        }
    }

    /// The endpoints the session was started with.
    pub fn endpoints(&self) -> &Endpoints {
        &self.inner.endpoints
    }

    /// This session's instance GUID (status object entry IDs name it).
    pub fn instance(&self) -> uuid::Uuid {
        self.inner.instance
    }

    /// What was sent so far.
    pub fn stats(&self) -> SessionStats {
        let c = &self.inner.shared.counters;
        let get = |a: &std::sync::atomic::AtomicU64| a.load(Ordering::Relaxed);
        SessionStats {
            http_requests: get(&c.http_requests),
            connects: get(&c.connects),
            executes: get(&c.executes),
            reconnects: get(&c.reconnects),
            redirects: get(&c.redirects),
            backoff_waits: get(&c.backoff_waits),
            busy_retries: get(&c.busy_retries),
            auth_exchanges: self.inner.shared.transport.auth_exchanges_dyn(),
            nspi_requests: get(&self.inner.ab_counters.nspi_requests),
            binds: get(&self.inner.ab_counters.binds),
            rebinds: get(&self.inner.ab_counters.rebinds),
        }
    }

    /// The connection state now.
    pub fn connection_state(&self) -> ConnectionState {
        ConnectionState::from(&*self.inner.shared.health.borrow())
    }

    /// A stream of connection state changes: `changed().await` on the receiver wakes when the
    /// state moves (available, failed, logged off); the status table follows the same state.
    pub fn status_changes(&self) -> StatusChanges {
        StatusChanges {
            rx: self.inner.shared.health.subscribe(),
        }
    }

    /// QueryIdentity: the primary identity, the logged-on user.
    pub fn query_identity(&self) -> &Identity {
        &self.inner.identity
    }

    /// GetStatusTable: a row each for the MAPI subsystem, the spooler, the integrated address
    /// book, the Exchange message store, the Exchange address book and the Exchange transport,
    /// with every column the MAPI reference requires ("Status Tables"). The status codes
    /// follow the connection as it is now; the message store row carries
    /// STATUS_PRIMARY_IDENTITY and the PR_IDENTITY_* of the user. Answered locally.
    pub fn status_table(&self) -> Vec<StatusRow> {
        let connection = match &*self.inner.shared.health.borrow() {
            Health::Available => ConnectionStatus::Available,
            Health::Failed(why) => ConnectionStatus::Failure(why.clone()),
            Health::Closed => ConnectionStatus::Offline,
        };
        match self.inner.status.lock() {
            Ok(mut table) => {
                table.set_connection(connection);
                table.rows()
            }
            Err(poisoned) => poisoned.into_inner().rows(),
        }
    }

    /// The status object of one status table row (IMAPIStatus).
    pub fn status_object(&self, kind: StatusRowKind) -> StatusObject {
        StatusObject {
            session: self.clone(),
            kind,
        }
    }

    /// OpenAddressBook: the session's address book on the NSPI endpoint
    /// ([`Endpoints::address_book_url`], or the mailbox URL with `/mapi/nspi/` in place of
    /// `/mapi/emsmdb/`). The first call binds (one Bind request); later calls return the same
    /// address book, and [`Session::logoff`] unbinds it.
    pub async fn address_book(&self) -> Result<AddressBook, ClientError> {
        self.check()?;
        let mut slot = self.inner.address_book.lock().await;
        if let Some(ab) = slot.as_ref() {
            return Ok(ab.clone());
        }
        let url = match &self.inner.endpoints.address_book_url {
            Some(url) => url.clone(),
            None => address_book_url_for(&self.inner.endpoints.mailbox_url)?,
        };
        let mut options = crate::session::address_book::AddressBookOptions::new(url);
        options.code_page = self.inner.options.code_page;
        options.template_locale = self.inner.options.locale;
        options.sort_locale = self.inner.options.locale;
        let ab = AddressBook::new(
            Arc::clone(&self.inner.shared),
            Arc::clone(&self.inner.ab_counters),
            self.inner.client.clone(),
            options,
            self.inner.endpoints.user_dn.clone(),
        );
        ab.ensure_bound().await?;
        *slot = Some(ab.clone());
        Ok(ab)
    }

    /// The default store: the user's mailbox, logged on by [`Session::logon`].
    pub fn default_store(&self) -> Result<MsgStore, ClientError> {
        self.check()?;
        self.inner
            .default_store
            .lock()
            .ok()
            .and_then(|s| s.clone())
            .ok_or(ClientError::LoggedOff)
    }

    /// OpenMsgStore: the default store, the public folders or another user's mailbox
    /// (RopLogon, following ecWrongServer to the server it names).
    pub async fn open_msg_store(&self, which: StoreRef) -> Result<MsgStore, ClientError> {
        self.check()?;
        let (dn, request, kind) = match which {
            StoreRef::Default => return self.default_store(),
            StoreRef::Public => (
                None,
                LogonRequest {
                    logon_id: 0,
                    output_handle_index: 0,
                    logon_flags: LogonFlags(0),
                    open_flags: OpenFlags(
                        OpenFlags::PUBLIC.0 | OpenFlags::USE_PER_MDB_REPLID_MAPPING.0,
                    ),
                    store_state: StoreState(0),
                    essdn: None,
                },
                StoreKind::Public,
            ),
            StoreRef::Mailbox(dn) => {
                if dn.eq_ignore_ascii_case(&self.inner.endpoints.user_dn) {
                    return self.default_store();
                }
                (
                    Some(dn.clone()),
                    private_logon_request(&dn, false),
                    StoreKind::Private { mailbox_dn: dn },
                )
            }
        };
        let (conn, record, props) = logon_store(
            &self.inner.shared,
            &self.inner.client,
            &self.inner.options,
            Some(&self.inner.primary),
            self.inner.primary.url(),
            &self.inner.endpoints.user_dn,
            request,
            &[t::PID_TAG_DISPLAY_NAME],
            &self.inner.others.lock().await.clone(),
        )
        .await?;
        if !Arc::ptr_eq(&conn, &self.inner.primary) {
            let mut others = self.inner.others.lock().await;
            if !others.iter().any(|c| Arc::ptr_eq(c, &conn)) {
                others.push(Arc::clone(&conn));
            }
        }
        let display_name = props
            .text(t::PID_TAG_DISPLAY_NAME)
            .map(|s| s.into_owned())
            .unwrap_or_else(|| match &dn {
                Some(dn) => format!("Mailbox - {dn}"),
                None => "Public Folders".into(),
            });
        let store = MsgStore {
            inner: Arc::new(StoreInner {
                conn,
                logon_id: record.logon_id,
                kind,
                logon: record.response,
                display_name,
                is_default: false,
            }),
        };
        if let Ok(mut opened) = self.inner.opened.lock() {
            opened.retain(|w| w.strong_count() > 0);
            opened.push(Arc::downgrade(&store.inner));
        }
        Ok(store)
    }

    /// GetMsgStoresTable: the user's mailbox, the public folders, and every other mailbox the
    /// session has open.
    pub fn msg_stores_table(&self) -> Result<Vec<MsgStoreRow>, ClientError> {
        self.check()?;
        let server = host_of(&self.inner.endpoints.mailbox_url);
        let mut rows = Vec::new();
        let default = self.default_store()?;
        let public_open = self
            .open_stores()
            .iter()
            .any(|s| s.kind == StoreKind::Public);
        rows.push(store_row(
            default.display_name(),
            &StoreKind::Private {
                mailbox_dn: self.inner.endpoints.user_dn.clone(),
            },
            &server,
            true,
            true,
            0,
        ));
        rows.push(store_row(
            "Public Folders",
            &StoreKind::Public,
            &server,
            false,
            public_open,
            1,
        ));
        for (i, s) in self.open_stores().iter().enumerate() {
            if let StoreKind::Private { .. } = s.kind {
                rows.push(store_row(
                    &s.display_name,
                    &s.kind,
                    &host_of(s.conn.url()),
                    false,
                    true,
                    2 + i as u32,
                ));
            }
        }
        Ok(rows)
    }

    fn open_stores(&self) -> Vec<Arc<StoreInner>> {
        self.inner
            .opened
            .lock()
            .map(|o| o.iter().filter_map(Weak::upgrade).collect())
            .unwrap_or_default()
    }

    /// The open store an entry ID's ProviderUID names: the mailbox GUID of a private store,
    /// or the public folders UID.
    fn store_for_provider(&self, uid: &MapiUid) -> Result<MsgStore, ClientError> {
        let mut candidates = vec![self.default_store()?];
        candidates.extend(
            self.open_stores()
                .into_iter()
                .map(|inner| MsgStore { inner }),
        );
        candidates
            .into_iter()
            .find(|s| match s.logon_response() {
                LogonResponse::Private { mailbox_guid, .. } => {
                    MapiUid::from_guid(mailbox_guid) == *uid
                }
                LogonResponse::Public { .. } => *uid == MapiUid::PUBLIC_FOLDERS,
                _ => false,
            })
            .ok_or_else(|| {
                ClientError::NotFound(
                    "the entry ID belongs to a store this session has not opened".into(),
                )
            })
    }

    /// OpenEntry: opens what an entry ID names: a store, a folder or a message of an open
    /// store, a status object, or an address book entry (permanent or ephemeral entry IDs,
    /// MS-OXNSPI 2.2.9; the address book binds if it has not yet). The identity's entry ID
    /// ([`Identity::entry_id_bytes`], PR_IDENTITY_ENTRYID) opens the user's own entry.
    pub async fn open_entry(&self, entry_id: &[u8]) -> Result<OpenedEntry, ClientError> {
        self.check()?;
        if StatusEntryId::is_status_entry_id(entry_id) {
            let resolved = match self.inner.status.lock() {
                Ok(table) => table.resolve_entry_id(entry_id),
                Err(poisoned) => poisoned.into_inner().resolve_entry_id(entry_id),
            };
            return match resolved {
                Ok(kind) => Ok(OpenedEntry::Status(self.status_object(kind))),
                Err(StatusEntryIdError::ForeignSession) => Err(ClientError::InvalidArgument(
                    "the status entry ID belongs to another session".into(),
                )),
                Err(StatusEntryIdError::Malformed(e)) => Err(ClientError::InvalidArgument(
                    format!("malformed status entry ID: {e}"),
                )),
            };
        }
        match EntryId::from_bytes(entry_id).unwrap_or(EntryId::Other(entry_id.to_vec())) {
            EntryId::StoreObject(s) => {
                let which = if s.wrapped_type == StoreObjectEntryId::WRAPPED_TYPE_PUBLIC {
                    StoreRef::Public
                } else {
                    match s.mailbox_dn {
                        Some(dn) => StoreRef::Mailbox(dn),
                        None => {
                            return Err(ClientError::InvalidArgument(
                                "mailbox store entry ID without a MailboxDN".into(),
                            ));
                        }
                    }
                };
                Ok(OpenedEntry::Store(self.open_msg_store(which).await?))
            }
            EntryId::Folder(f) => {
                let store = self.store_for_provider(&f.provider_uid)?;
                let id = self.folder_id(&store, &f.folder).await?;
                Ok(OpenedEntry::Folder(store.open_folder(id).await?))
            }
            EntryId::Message(m) => {
                let store = self.store_for_provider(&m.provider_uid)?;
                let fid = self.folder_id(&store, &m.folder).await?;
                let mid = MessageId(self.object_id(&store, &m.message).await?);
                Ok(OpenedEntry::Message(store.open_message(fid, mid).await?))
            }
            EntryId::AddressBook(_) | EntryId::Ephemeral(_) => Ok(OpenedEntry::AddressBookEntry(
                self.address_book()
                    .await?
                    .entry_by_entry_id(entry_id)
                    .await?,
            )),
            _ => Err(ClientError::InvalidArgument(
                "the entry ID names nothing this client can open".into(),
            )),
        }
    }

    async fn folder_id(
        &self,
        store: &MsgStore,
        gid: &GlobalIdentifier,
    ) -> Result<FolderId, ClientError> {
        Ok(FolderId(self.object_id(store, gid).await?))
    }

    /// A store-wide ID from a GID: RopIdFromLongTermId (MS-OXCSTOR 2.2.1.9), which maps the
    /// database GUID to the replica ID of this logon.
    async fn object_id(
        &self,
        store: &MsgStore,
        gid: &GlobalIdentifier,
    ) -> Result<u64, ClientError> {
        let long_term_id = LongTermId::new(gid.database_guid, gid.global_counter);
        let done = store
            .run(|cx, batch, logon_id| {
                let input_handle_index = cx.logon(batch, logon_id)?;
                batch.push(RopRequest::IdFromLongTermId(IdFromLongTermIdRequest {
                    logon_id,
                    input_handle_index,
                    long_term_id,
                }));
                Ok(())
            })
            .await?;
        match answer(&done, 0)? {
            RopResponse::IdFromLongTermId(IdFromLongTermIdResponse::Success {
                object_id, ..
            }) => Ok(*object_id),
            other => Err(ClientError::UnexpectedResponse(other.id())),
        }
    }

    /// CompareEntryIDs: whether two entry IDs name the same object. Folder and message entry
    /// IDs compare by store and GIDs (not by flags), store entry IDs by kind and mailbox DN,
    /// address-book entry IDs by DN (case-insensitive, as DNs are), anything else by bytes.
    pub fn compare_entry_ids(&self, a: &[u8], b: &[u8]) -> Result<bool, ClientError> {
        self.check()?;
        let decode = |x: &[u8]| EntryId::from_bytes(x).unwrap_or(EntryId::Other(x.to_vec()));
        Ok(match (decode(a), decode(b)) {
            (EntryId::Folder(x), EntryId::Folder(y)) => {
                x.provider_uid == y.provider_uid && x.folder == y.folder
            }
            (EntryId::Message(x), EntryId::Message(y)) => {
                x.provider_uid == y.provider_uid && x.folder == y.folder && x.message == y.message
            }
            (EntryId::StoreObject(x), EntryId::StoreObject(y)) => {
                x.wrapped_type == y.wrapped_type
                    && match (&x.mailbox_dn, &y.mailbox_dn) {
                        (Some(p), Some(q)) => p.eq_ignore_ascii_case(q),
                        (None, None) => true,
                        _ => false,
                    }
            }
            (EntryId::AddressBook(x), EntryId::AddressBook(y)) => {
                x.x500_dn.eq_ignore_ascii_case(&y.x500_dn)
            }
            _ => a == b,
        })
    }

    /// Advise: registers for notifications on `store` (RopRegisterNotification) and returns
    /// the stream of events. A NotificationWait loop runs on the store's session context
    /// while any advise is alive.
    pub async fn advise(
        &self,
        store: &MsgStore,
        types: NotificationTypes,
        target: AdviseTarget,
    ) -> Result<Advise, ClientError> {
        self.check()?;
        let events = self.inner.shared.notifications.subscribe();
        let mut out = 0;
        let done = store
            .run(|cx, batch, logon_id| {
                let input_handle_index = cx.logon(batch, logon_id)?;
                out = batch.new_slot().map_err(SessionError::from)?;
                let (want_whole_store, target) = match target {
                    AdviseTarget::WholeStore => (1, None),
                    AdviseTarget::Folder(f) => (0, Some((f, MessageId(0)))),
                    AdviseTarget::Message(f, m) => (0, Some((f, m))),
                };
                batch.push(RopRequest::RegisterNotification(
                    RegisterNotificationRequest {
                        logon_id,
                        input_handle_index,
                        output_handle_index: out,
                        notification_types: types,
                        reserved: 0,
                        want_whole_store,
                        target,
                    },
                ));
                Ok(())
            })
            .await?;
        answer(&done, 0)?;
        let handle = done.handle(out).ok_or(ClientError::UnexpectedResponse(
            RopId::REGISTER_NOTIFICATION,
        ))?;
        let conn = Arc::clone(&store.inner.conn);
        Ok(Advise {
            pump: Some(spawn_pump(Arc::clone(&conn))),
            conn,
            logon_id: store.logon_id(),
            handle,
            url: store.url().to_owned(),
            events,
        })
    }

    /// Checks the connection like IMAPIStatus::ValidateState: PING on every session context,
    /// reconnecting (and logging the stores on again) where the context was lost.
    pub async fn validate_state(&self) -> Result<(), ClientError> {
        self.check()?;
        self.inner.primary.ping().await?;
        for c in self.inner.others.lock().await.iter() {
            c.ping().await?;
        }
        Ok(())
    }

    /// Logoff: unbinds the address book, releases every handle, sends Disconnect on every
    /// session context, and refuses
    /// every later call with [`ClientError::LoggedOff`].
    pub async fn logoff(&self) -> Result<(), ClientError> {
        if self.inner.logged_off.swap(true, Ordering::AcqRel) {
            return Err(ClientError::LoggedOff);
        }
        if let Ok(mut d) = self.inner.default_store.lock() {
            d.take();
        }
        let mut first_error = None;
        // Unbind first: the address book context is independent of the mailbox ones.
        if let Some(ab) = self.inner.address_book.lock().await.take()
            && let Err(e) = ab.close().await
        {
            first_error = Some(e);
        }
        let others = std::mem::take(&mut *self.inner.others.lock().await);
        for c in others.iter().chain(std::iter::once(&self.inner.primary)) {
            if let Err(e) = c.close().await
                && first_error.is_none()
            {
                first_error = Some(e);
            }
        }
        self.inner.shared.health.send_replace(Health::Closed);
        if let Ok(mut p) = self.inner.pumps.lock() {
            p.clear();
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// A stream of connection state changes (see [`Session::status_changes`]).
#[derive(Debug)]
pub struct StatusChanges {
    rx: watch::Receiver<Health>,
}

impl StatusChanges {
    /// Waits for the next change and returns the new state; `None` once the session is gone.
    pub async fn changed(&mut self) -> Option<ConnectionState> {
        self.rx.changed().await.ok()?;
        Some(ConnectionState::from(&*self.rx.borrow_and_update()))
    }

    /// The state now.
    pub fn current(&self) -> ConnectionState {
        ConnectionState::from(&*self.rx.borrow())
    }
}

/// What [`Session::open_entry`] opened.
#[derive(Debug)]
pub enum OpenedEntry {
    /// A message store.
    Store(MsgStore),
    /// A folder.
    Folder(Folder),
    /// A message.
    Message(Message),
    /// A status object (from a status table row's PR_ENTRYID).
    Status(StatusObject),
    /// An address book entry (from a permanent or ephemeral address book entry ID).
    AddressBookEntry(AbEntry),
}

/// A status object (IMAPIStatus) of one status table row.
#[derive(Debug, Clone)]
pub struct StatusObject {
    session: Session,
    kind: StatusRowKind,
}

impl StatusObject {
    /// Which row.
    pub fn kind(&self) -> StatusRowKind {
        self.kind
    }

    /// The row's properties as they are now (IMAPIProp::GetProps on the status object).
    pub fn row(&self) -> Option<StatusRow> {
        self.session
            .status_table()
            .into_iter()
            .find(|r| r.kind() == self.kind)
    }

    /// ValidateState: checks the connection with PING on every session context, reconnecting
    /// and logging the stores on again where a context was lost; the status table then shows
    /// the result.
    pub async fn validate_state(&self) -> Result<(), ClientError> {
        self.session.validate_state().await
    }

    /// SettingsDialog: there is no UI here (MAPI_E_NO_SUPPORT).
    pub fn settings_dialog(&self) -> Result<(), ClientError> {
        Err(ClientError::NoSupport("IMAPIStatus::SettingsDialog".into()))
    }

    /// ChangePassword: Exchange passwords are not changed over MAPI (MAPI_E_NO_SUPPORT).
    pub fn change_password(&self) -> Result<(), ClientError> {
        Err(ClientError::NoSupport("IMAPIStatus::ChangePassword".into()))
    }

    /// FlushQueues: this client submits messages directly and keeps no queue
    /// (MAPI_E_NO_SUPPORT).
    pub fn flush_queues(&self) -> Result<(), ClientError> {
        Err(ClientError::NoSupport("IMAPIStatus::FlushQueues".into()))
    }
}

fn private_logon_request(dn: &str, own: bool) -> LogonRequest {
    // Outlook's OpenFlags (DESIGN.md): USE_PER_MDB_REPLID_MAPPING always, HOME_LOGON and
    // TAKE_OWNERSHIP for the user's own mailbox.
    let mut open = OpenFlags::USE_PER_MDB_REPLID_MAPPING.0 | OpenFlags::TAKE_OWNERSHIP.0;
    if own {
        open |= OpenFlags::HOME_LOGON.0;
    }
    LogonRequest {
        logon_id: 0,
        output_handle_index: 0,
        logon_flags: LogonFlags::PRIVATE,
        open_flags: OpenFlags(open),
        store_state: StoreState(0),
        essdn: Some(dn.to_owned()),
    }
}

/// The mailbox URL of the server an ecWrongServer names: the same endpoint with the
/// `MailboxId` query value replaced by the server name (Exchange 2013 and later name servers
/// by the personalised `<mailbox guid>@<domain>` form that MailboxId takes).
pub(crate) fn redirect_url(url: &str, server: &str) -> Result<String, ClientError> {
    reqwest::Url::parse(url)
        .map_err(|e| ClientError::InvalidArgument(format!("mailbox URL: {e}")))?;
    if server.is_empty() || server.contains(['&', '#', '?', ' ', '/']) {
        return Err(ClientError::InvalidArgument(format!(
            "ecWrongServer named an unusable server: {server:?}"
        )));
    }
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut parts = vec![format!("MailboxId={server}")];
    parts.extend(
        query
            .split('&')
            .filter(|p| !p.is_empty())
            .filter(|p| {
                !p.split('=')
                    .next()
                    .unwrap_or_default()
                    .eq_ignore_ascii_case("MailboxId")
            })
            .map(str::to_owned),
    );
    Ok(format!("{base}?{}", parts.join("&")))
}

fn host_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Disconnects a context this logon made and will not use. Best effort: when the Disconnect
/// fails the server expires the context on its own, and the logon's own outcome is what the
/// caller needs to hear about.
async fn abandon(conn: &Conn) {
    let _ = conn.close().await;
}

/// Logs on (RopLogon plus a RopGetPropertiesSpecific of `props` on the new logon, in one
/// Execute) on `first` (or a new context at `url`), following ecWrongServer.
#[allow(clippy::too_many_arguments)]
async fn logon_store(
    shared: &Arc<Shared>,
    client: &ClientIdentity,
    options: &LogonOptions,
    first: Option<&Arc<Conn>>,
    url: &str,
    user_dn: &str,
    request: LogonRequest,
    props: &[PropertyTag],
    others: &[Arc<Conn>],
) -> Result<(Arc<Conn>, LogonRecord, PropRow), ClientError> {
    let new_conn = |url: &str| {
        let mut m = MailboxOptions::new(url, user_dn);
        m.code_page = options.code_page;
        m.lcid_sort = options.locale;
        m.lcid_string = options.locale;
        Arc::new(Conn::new(Arc::clone(shared), client.clone(), m))
    };
    let mut conn = match first {
        Some(c) => Arc::clone(c),
        None => {
            let c = new_conn(url);
            c.connect().await?;
            c
        }
    };
    // A context made here for a mailbox the server then sends elsewhere is of no use to
    // anyone: it is disconnected rather than left to count against the user's connections
    // until the server expires it.
    let mut made_here = first.is_none();
    let mut hops = 0;
    loop {
        let logon_id = conn.free_logon_id().await?;
        let mut request = request.clone();
        request.logon_id = logon_id;
        let tags = props.to_vec();
        let done = conn
            .run(|_| {
                let mut batch = RopBatch::new();
                let slot = batch.new_slot().map_err(SessionError::from)?;
                let mut r = request.clone();
                r.output_handle_index = slot;
                batch.push(RopRequest::Logon(r));
                if !tags.is_empty() {
                    batch.push(RopRequest::GetPropertiesSpecific(
                        GetPropertiesSpecificRequest {
                            logon_id,
                            input_handle_index: slot,
                            property_size_limit: 0,
                            want_unicode: 1,
                            property_tags: PropertyTagArray(tags.clone()),
                        },
                    ));
                }
                Ok(batch)
            })
            .await?;
        let response = match done.answer(0)? {
            RopResponse::Logon(r) => r.clone(),
            other => return Err(ClientError::UnexpectedResponse(other.id())),
        };
        match &response {
            LogonResponse::Redirect { server_name, .. } => {
                hops += 1;
                if hops > options.max_redirects {
                    if made_here {
                        abandon(&conn).await;
                    }
                    return Err(ClientError::TooManyRedirects(server_name.clone()));
                }
                shared.counters.redirects.fetch_add(1, Ordering::Relaxed);
                let target = redirect_url(conn.url(), server_name)?;
                let next = match others.iter().find(|c| c.url() == target) {
                    Some(c) => Ok(Arc::clone(c)),
                    None => {
                        let c = new_conn(&target);
                        c.connect().await.map(|_| c)
                    }
                };
                if made_here {
                    abandon(&conn).await;
                }
                conn = next?;
                made_here = !others.iter().any(|c| Arc::ptr_eq(c, &conn));
                continue;
            }
            LogonResponse::Failure(h) => {
                if made_here {
                    abandon(&conn).await;
                }
                return Err(ClientError::Rop {
                    rop: RopId::LOGON,
                    code: h.return_value,
                });
            }
            LogonResponse::Private { .. } | LogonResponse::Public { .. } => {}
        }
        let handle = done
            .handle(0)
            .ok_or(ClientError::UnexpectedResponse(RopId::LOGON))?;
        let row = if props.is_empty() {
            PropRow::default()
        } else {
            match done.answer(1)? {
                RopResponse::GetPropertiesSpecific(GetPropertiesSpecificResponse::Success {
                    row_data,
                    ..
                }) => PropRow::from_row(props, row_data.clone()),
                _ => PropRow::default(),
            }
        };
        let record = LogonRecord {
            logon_id,
            request,
            handle: Some(handle),
            response,
        };
        conn.keep_logon(record.clone()).await;
        return Ok((conn, record, row));
    }
}

fn store_row(
    name: &str,
    kind: &StoreKind,
    server: &str,
    default: bool,
    open: bool,
    instance: u32,
) -> MsgStoreRow {
    let entry = match kind {
        StoreKind::Private { mailbox_dn } => {
            StoreObjectEntryId::mailbox(server, mailbox_dn.clone())
        }
        StoreKind::Public => StoreObjectEntryId::public_store(server),
    };
    let entry_bytes = entry.to_bytes().unwrap_or_default();
    // MAPI's STATUS_DEFAULT_STORE (0x1) and STATUS_PRIMARY_STORE (0x1000) mark the mailbox;
    // the public store is a STATUS_SECONDARY_STORE (0x2000).
    let flags: i32 = if default { 0x0000_1001 } else { 0x0000_2000 };
    let values = vec![
        TaggedPropertyValue {
            tag: t::PID_TAG_DISPLAY_NAME,
            value: PropertyValue::string(name),
        },
        TaggedPropertyValue {
            tag: t::PID_TAG_ENTRY_ID,
            value: PropertyValue::binary(entry_bytes.clone()),
        },
        TaggedPropertyValue {
            tag: t::PID_TAG_RECORD_KEY,
            value: PropertyValue::binary(entry_bytes),
        },
        TaggedPropertyValue {
            tag: t::PID_TAG_DEFAULT_STORE,
            value: PropertyValue::Boolean(default),
        },
        TaggedPropertyValue {
            tag: t::PID_TAG_RESOURCE_FLAGS,
            value: PropertyValue::Integer32(flags),
        },
        TaggedPropertyValue {
            tag: t::PID_TAG_PROVIDER_DISPLAY,
            value: PropertyValue::string("Microsoft Exchange Message Store"),
        },
        TaggedPropertyValue {
            tag: t::PID_TAG_OBJECT_TYPE,
            value: PropertyValue::Integer32(1),
        },
        TaggedPropertyValue {
            tag: t::PID_TAG_INSTANCE_KEY,
            value: PropertyValue::binary(instance.to_le_bytes().to_vec()),
        },
    ];
    MsgStoreRow {
        display_name: name.to_owned(),
        kind: kind.clone(),
        default_store: default,
        open,
        props: PropRow { values },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ErrorCode;

    #[test]
    fn redirect_replaces_only_the_mailbox_id() {
        assert_eq!(
            redirect_url(
                "https://mail.contoso.com/mapi/emsmdb/?MailboxId=a@contoso.com",
                "mbx2.contoso.com"
            )
            .unwrap(),
            "https://mail.contoso.com/mapi/emsmdb/?MailboxId=mbx2.contoso.com"
        );
        assert_eq!(
            redirect_url("http://127.0.0.1:9/mapi/emsmdb/", "b@x").unwrap(),
            "http://127.0.0.1:9/mapi/emsmdb/?MailboxId=b@x"
        );
        assert!(redirect_url("not a url", "x").is_err());
    }

    #[test]
    fn store_rows_carry_a_decodable_store_entry_id() {
        let row = store_row(
            "Mailbox - Alice",
            &StoreKind::Private {
                mailbox_dn: "/o=Org/cn=alice".into(),
            },
            "srv",
            true,
            true,
            0,
        );
        let bytes = row.entry_id().unwrap();
        match EntryId::from_bytes(bytes).unwrap() {
            EntryId::StoreObject(s) => {
                assert_eq!(s.mailbox_dn.as_deref(), Some("/o=Org/cn=alice"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(row.props.bool(t::PID_TAG_DEFAULT_STORE), Some(true));
        assert_eq!(row.props.i32(t::PID_TAG_RESOURCE_FLAGS), Some(0x1001));
    }

    #[test]
    fn error_codes_of_client_errors() {
        assert_eq!(
            ClientError::LoggedOff.error_code(),
            Some(ErrorCode::END_OF_SESSION)
        );
    }
}
