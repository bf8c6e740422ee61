//! The session's status table (IMAPISession::GetStatusTable) and the status objects its rows
//! open, as a plain model: what each row says, derived from what the session knows (the
//! identity, the mailbox's display name, the connection state). The client layer serves it.
//!
//! # Rows
//!
//! "Status Tables" (Outlook MAPI reference): MAPI supplies a row for the MAPI subsystem, one for
//! the MAPI spooler and one for the integrated address book; each active provider adds its own.
//! This session has the three providers of the Exchange message service, so six rows, in this
//! order (also their PR_ROWID): [`StatusRowKind::Subsystem`], [`StatusRowKind::Spooler`],
//! [`StatusRowKind::IntegratedAddressBook`], [`StatusRowKind::MessageStore`],
//! [`StatusRowKind::AddressBook`], [`StatusRowKind::Transport`].
//!
//! # Columns
//!
//! Every row carries the columns "Status Tables" requires of every row (PR_DISPLAY_NAME,
//! PR_PROVIDER_DLL_NAME, PR_STATUS_CODE, PR_RESOURCE_FLAGS, PR_RESOURCE_METHODS,
//! PR_RESOURCE_TYPE, and the four MAPI computes: PR_ENTRYID, PR_INSTANCE_KEY, PR_OBJECT_TYPE =
//! MAPI_STATUS, PR_ROWID), plus PR_PROVIDER_DISPLAY (required of every status object by
//! "IMAPIStatus : IMAPIProp") and PR_STATUS_STRING. The three Exchange provider rows also carry
//! PR_IDENTITY_DISPLAY, PR_IDENTITY_ENTRYID and PR_IDENTITY_SEARCH_KEY once the identity is
//! known: IMAPISession::QueryIdentity says the other providers of the message service that
//! supplies the primary identity publish the same PR_IDENTITY_* values.
//!
//! # Where the values come from
//!
//! * Numeric values of PR_RESOURCE_TYPE, PR_RESOURCE_FLAGS, PR_RESOURCE_METHODS and
//!   PR_STATUS_CODE: the MAPI SDK header Mapidefs.h (the reference pages name the constants
//!   without values); MAPI_STATUS (PR_OBJECT_TYPE): Mapidefs.h object types.
//! * The Exchange provider rows' PR_DISPLAY_NAME, PR_PROVIDER_DISPLAY, PR_PROVIDER_DLL_NAME and
//!   PR_RESOURCE_FLAGS: the MAPISVC.INF sections of the Exchange message service (Microsoft KB
//!   Q294470, "Add Entries For Exchange Services to Mapisvc.inf": `EMS_MDB_private`,
//!   `EMS_DSA`, `EMS_MSX`). The DLL names are base names (`EMSMDB.DLL`, `EMSABP.DLL`), not the
//!   `...32.DLL` files MAPI loads: PidTagProviderDllName says the property holds the base name,
//!   MAPI appends `32` itself, and including it is an error. MAPI's own rows use `MAPI.DLL`,
//!   the base name the same page gives as its example.
//! * MAPI's own rows have no documented display names; the names here ("MAPI Subsystem",
//!   "MAPI Spooler", "MAPI Address Book") are this crate's.
//! * PR_RESOURCE_METHODS: "IMAPIStatus : IMAPIProp" says MAPI's subsystem and address book
//!   status objects support ValidateState only and the spooler ValidateState and FlushQueues.
//!   Rows here advertise only what the client implements: STATUS_VALIDATE_STATE everywhere
//!   (on the Exchange rows the client does it as a PING and, if the context is lost, a
//!   reconnect). The spooler's FlushQueues is left out: this client submits directly
//!   (RopSubmitMessage) and keeps no outbound queue to flush.
//!
//! # Status object EntryIDs
//!
//! MAPI leaves the format of a status object's PR_ENTRYID to whoever implements the object.
//! Ours is [`StatusEntryId`], 44 bytes:
//!
//! | field | bytes | value |
//! | --- | --- | --- |
//! | Flags | 4 | 0 (long-term, as MS-OXCDATA 2.2.4/2.2.5 EntryIDs in properties) |
//! | ProviderUID | 16 | [`STATUS_PROVIDER_UID`], this crate's own MAPIUID |
//! | Version | 4 | 1, little-endian |
//! | ResourceType | 4 | the row's PR_RESOURCE_TYPE, little-endian (unique per row kind) |
//! | Session | 16 | the session instance GUID (MS-DTYP 2.3.4.2 wire form) |
//!
//! The session GUID makes EntryIDs from another session (or an earlier one) refused rather
//! than silently opening this session's object.

use std::fmt;

use serde::Serialize;
use uuid::Uuid;

use super::identity::Identity;
use crate::wire::DecodeError;
use crate::wire::error::{ErrorKind, PResult, decode_all, fail, named};
use crate::wire::primitives::{guid, put_guid, take_array, u32 as le_u32};
use crate::wire::property::tags::{
    PID_TAG_DISPLAY_NAME, PID_TAG_ENTRY_ID, PID_TAG_IDENTITY_DISPLAY, PID_TAG_IDENTITY_ENTRY_ID,
    PID_TAG_IDENTITY_SEARCH_KEY, PID_TAG_INSTANCE_KEY, PID_TAG_OBJECT_TYPE,
    PID_TAG_PROVIDER_DISPLAY, PID_TAG_PROVIDER_DLL_NAME, PID_TAG_RESOURCE_FLAGS,
    PID_TAG_RESOURCE_METHODS, PID_TAG_RESOURCE_TYPE, PID_TAG_ROWID, PID_TAG_STATUS_CODE,
    PID_TAG_STATUS_STRING,
};
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue, TaggedPropertyValue};

// ---------------------------------------------------------------------------------------------
// Property value newtypes
// ---------------------------------------------------------------------------------------------

macro_rules! u32_newtype {
    ($(#[$doc:meta])* $name:ident { $($(#[$cdoc:meta])* $c:ident = $v:expr),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            $($(#[$cdoc])* pub const $c: $name = $name($v);)*

            /// Whether every bit of `other` is set.
            pub const fn contains(self, other: $name) -> bool {
                self.0 & other.0 == other.0
            }

            /// The value as the PT_LONG (PtypInteger32) a status row carries.
            pub const fn to_i32(self) -> i32 {
                self.0 as i32
            }

            /// The value of a PT_LONG column.
            pub const fn from_i32(v: i32) -> Self {
                Self(v as u32)
            }
        }

        impl std::ops::BitOr for $name {
            type Output = $name;
            fn bitor(self, rhs: $name) -> $name {
                $name(self.0 | rhs.0)
            }
        }
    };
}

u32_newtype!(
    /// PR_RESOURCE_TYPE (PidTagResourceType, 0x3E03): the kind of service the status row is
    /// for. Exactly one value, not a bitmask. Values from Mapidefs.h.
    ResourceType {
        /// Message store provider.
        MAPI_STORE_PROVIDER = 33,
        /// The integrated address book.
        MAPI_AB = 34,
        /// Address book provider.
        MAPI_AB_PROVIDER = 35,
        /// Transport provider.
        MAPI_TRANSPORT_PROVIDER = 36,
        /// The MAPI spooler.
        MAPI_SPOOLER = 37,
        /// Profile provider.
        MAPI_PROFILE_PROVIDER = 38,
        /// The MAPI subsystem itself.
        MAPI_SUBSYSTEM = 39,
        /// Spooler hook provider.
        MAPI_HOOK_PROVIDER = 40,
    }
);

u32_newtype!(
    /// PR_RESOURCE_FLAGS (PidTagResourceFlags, 0x3009) of a service provider or status
    /// object. Values from Mapidefs.h (HOOK_INBOUND 0x200 and HOOK_OUTBOUND 0x400 live in
    /// Mapihook.h and are not status-row flags).
    ResourceFlags {
        /// Modifiable: apply this transport's identity to outbound messages.
        STATUS_DEFAULT_OUTBOUND = 0x0000_0001,
        /// Modifiable: the profile's default message store.
        STATUS_DEFAULT_STORE = 0x0000_0002,
        /// Modifiable: this provider furnishes the session's primary identity (QueryIdentity).
        STATUS_PRIMARY_IDENTITY = 0x0000_0004,
        /// Dynamic: the store Simple MAPI uses.
        STATUS_SIMPLE_STORE = 0x0000_0008,
        /// Static: the transport wants to be chosen last.
        STATUS_XP_PREFER_LAST = 0x0000_0010,
        /// Static: this provider furnishes no identity in its status row.
        STATUS_NO_PRIMARY_IDENTITY = 0x0000_0020,
        /// Static: the store cannot become the default store.
        STATUS_NO_DEFAULT_STORE = 0x0000_0040,
        /// Dynamic: the store is temporary and not published in the message store table.
        STATUS_TEMP_SECTION = 0x0000_0080,
        /// Static: the transport is tied to a store and publishes PR_OWN_STORE_ENTRYID.
        STATUS_OWN_STORE = 0x0000_0100,
        /// Dynamic: the store's standard folders are not verified yet.
        STATUS_NEED_IPM_TREE = 0x0000_0800,
        /// Modifiable: the store to open at logon.
        STATUS_PRIMARY_STORE = 0x0000_1000,
        /// Modifiable: the store to open at logon when the primary one is unavailable.
        STATUS_SECONDARY_STORE = 0x0000_2000,
    }
);

u32_newtype!(
    /// PR_RESOURCE_METHODS (PidTagResourceMethods, 0x3E02): which IMAPIStatus methods the
    /// status object supports; a clear bit means "do not call". Values from Mapidefs.h.
    ResourceMethods {
        /// IMAPIStatus::ValidateState.
        STATUS_VALIDATE_STATE = 0x0000_0001,
        /// IMAPIStatus::SettingsDialog.
        STATUS_SETTINGS_DIALOG = 0x0000_0002,
        /// IMAPIStatus::ChangePassword.
        STATUS_CHANGE_PASSWORD = 0x0000_0004,
        /// IMAPIStatus::FlushQueues.
        STATUS_FLUSH_QUEUES = 0x0000_0008,
    }
);

u32_newtype!(
    /// PR_STATUS_CODE (PidTagStatusCode, 0x3E04): the resource's current state. The low 16
    /// bits are common to all status objects, the high 16 bits are for transport providers.
    /// Values from Mapidefs.h.
    StatusCode {
        /// The resource is operational.
        STATUS_AVAILABLE = 0x0000_0001,
        /// Only local data or services are available.
        STATUS_OFFLINE = 0x0000_0002,
        /// The resource has a problem.
        STATUS_FAILURE = 0x0000_0004,
        /// Transport: can receive inbound messages.
        STATUS_INBOUND_ENABLED = 0x0001_0000,
        /// Transport: receiving an inbound message.
        STATUS_INBOUND_ACTIVE = 0x0002_0000,
        /// Transport: downloading its inbound queue.
        STATUS_INBOUND_FLUSH = 0x0004_0000,
        /// Transport: can handle outbound messages.
        STATUS_OUTBOUND_ENABLED = 0x0010_0000,
        /// Transport: handling an outbound message.
        STATUS_OUTBOUND_ACTIVE = 0x0020_0000,
        /// Transport: uploading its outbound queue.
        STATUS_OUTBOUND_FLUSH = 0x0040_0000,
        /// Transport: supports remote access.
        STATUS_REMOTE_ACCESS = 0x0080_0000,
    }
);

/// PR_OBJECT_TYPE of a status object (Mapidefs.h MAPI_STATUS); "Status Tables" says MAPI sets
/// it on every status row.
pub const MAPI_STATUS: i32 = 0x0000_000A;

/// The ProviderUID of this crate's status object EntryIDs ([`StatusEntryId`]): a random GUID
/// generated once for mapi-http (`f2a2f640-d5bb-4d28-a069-9b6e4db82b4e`, kept as its plain
/// bytes as MAPIUIDs are). Never change it: saved EntryIDs carry it.
pub const STATUS_PROVIDER_UID: [u8; 16] = [
    0xF2, 0xA2, 0xF6, 0x40, 0xD5, 0xBB, 0x4D, 0x28, 0xA0, 0x69, 0x9B, 0x6E, 0x4D, 0xB8, 0x2B, 0x4E,
];

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/// Which status object a row describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum StatusRowKind {
    /// The MAPI subsystem (MAPI_SUBSYSTEM).
    Subsystem,
    /// The MAPI spooler (MAPI_SPOOLER).
    Spooler,
    /// The integrated address book (MAPI_AB).
    IntegratedAddressBook,
    /// The Exchange message store provider (MAPI_STORE_PROVIDER): the user's mailbox.
    MessageStore,
    /// The Exchange address book provider (MAPI_AB_PROVIDER): the directory, over NSPI.
    AddressBook,
    /// The Exchange transport provider (MAPI_TRANSPORT_PROVIDER).
    Transport,
}

impl StatusRowKind {
    /// Every kind, in row order.
    pub const ALL: [StatusRowKind; 6] = [
        StatusRowKind::Subsystem,
        StatusRowKind::Spooler,
        StatusRowKind::IntegratedAddressBook,
        StatusRowKind::MessageStore,
        StatusRowKind::AddressBook,
        StatusRowKind::Transport,
    ];

    /// The row's PR_RESOURCE_TYPE.
    pub const fn resource_type(self) -> ResourceType {
        match self {
            StatusRowKind::Subsystem => ResourceType::MAPI_SUBSYSTEM,
            StatusRowKind::Spooler => ResourceType::MAPI_SPOOLER,
            StatusRowKind::IntegratedAddressBook => ResourceType::MAPI_AB,
            StatusRowKind::MessageStore => ResourceType::MAPI_STORE_PROVIDER,
            StatusRowKind::AddressBook => ResourceType::MAPI_AB_PROVIDER,
            StatusRowKind::Transport => ResourceType::MAPI_TRANSPORT_PROVIDER,
        }
    }

    /// The kind whose PR_RESOURCE_TYPE is `t`, if this table has one.
    pub fn from_resource_type(t: ResourceType) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.resource_type() == t)
    }

    /// Whether the row is one of the Exchange message service's providers (as opposed to
    /// MAPI's own subsystem, spooler and integrated address book).
    pub const fn is_exchange_provider(self) -> bool {
        matches!(
            self,
            StatusRowKind::MessageStore | StatusRowKind::AddressBook | StatusRowKind::Transport
        )
    }

    /// The row's PR_ROWID: its position in the table.
    pub const fn row_id(self) -> i32 {
        match self {
            StatusRowKind::Subsystem => 0,
            StatusRowKind::Spooler => 1,
            StatusRowKind::IntegratedAddressBook => 2,
            StatusRowKind::MessageStore => 3,
            StatusRowKind::AddressBook => 4,
            StatusRowKind::Transport => 5,
        }
    }

    /// PR_PROVIDER_DLL_NAME (base names: see the module documentation).
    pub const fn provider_dll_name(self) -> &'static str {
        match self {
            StatusRowKind::Subsystem
            | StatusRowKind::Spooler
            | StatusRowKind::IntegratedAddressBook => "MAPI.DLL",
            StatusRowKind::MessageStore | StatusRowKind::Transport => "EMSMDB.DLL",
            StatusRowKind::AddressBook => "EMSABP.DLL",
        }
    }

    /// PR_PROVIDER_DISPLAY.
    pub const fn provider_display(self) -> &'static str {
        match self {
            StatusRowKind::Subsystem => "MAPI Subsystem",
            StatusRowKind::Spooler => "MAPI Spooler",
            StatusRowKind::IntegratedAddressBook => "MAPI Address Book",
            StatusRowKind::MessageStore => "Microsoft Exchange Message Store",
            StatusRowKind::AddressBook => "Microsoft Exchange Directory Service",
            StatusRowKind::Transport => "Microsoft Exchange Transport",
        }
    }

    /// PR_RESOURCE_FLAGS. Only the message store furnishes the primary identity, with the
    /// flags Exchange's `EMS_MDB_private` section gives it; Exchange's address book and
    /// transport sections set none (they publish the identity without being its source).
    pub fn resource_flags(self) -> ResourceFlags {
        match self {
            StatusRowKind::MessageStore => {
                ResourceFlags::STATUS_PRIMARY_IDENTITY
                    | ResourceFlags::STATUS_DEFAULT_STORE
                    | ResourceFlags::STATUS_PRIMARY_STORE
            }
            _ => ResourceFlags::default(),
        }
    }

    /// PR_RESOURCE_METHODS: ValidateState, the one method the client implements on every row.
    pub const fn resource_methods(self) -> ResourceMethods {
        ResourceMethods::STATUS_VALIDATE_STATE
    }
}

impl fmt::Display for StatusRowKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StatusRowKind::Subsystem => "MAPI subsystem",
            StatusRowKind::Spooler => "MAPI spooler",
            StatusRowKind::IntegratedAddressBook => "integrated address book",
            StatusRowKind::MessageStore => "Exchange message store",
            StatusRowKind::AddressBook => "Exchange address book",
            StatusRowKind::Transport => "Exchange transport",
        })
    }
}

/// What the session knows about its connection to Exchange, which the Exchange provider rows
/// report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ConnectionStatus {
    /// Connected: the last request got an answer.
    Available,
    /// Not connected and not trying (logged off, or working from local data only).
    Offline,
    /// The connection failed; the reason is shown to users in PR_STATUS_STRING, so it must be
    /// a short human text without secrets (no credentials, tokens or cookies).
    Failure(String),
}

impl ConnectionStatus {
    /// PR_STATUS_CODE of the Exchange provider rows in this state. The transport also says it
    /// can take inbound and outbound messages while connected: those bits are for transport
    /// providers only (PidTagStatusCode).
    pub fn status_code(&self, kind: StatusRowKind) -> StatusCode {
        match self {
            ConnectionStatus::Available if kind == StatusRowKind::Transport => {
                StatusCode::STATUS_AVAILABLE
                    | StatusCode::STATUS_INBOUND_ENABLED
                    | StatusCode::STATUS_OUTBOUND_ENABLED
            }
            ConnectionStatus::Available => StatusCode::STATUS_AVAILABLE,
            ConnectionStatus::Offline => StatusCode::STATUS_OFFLINE,
            ConnectionStatus::Failure(_) => StatusCode::STATUS_FAILURE,
        }
    }

    /// PR_STATUS_STRING of the Exchange provider rows in this state.
    pub fn status_string(&self) -> String {
        match self {
            ConnectionStatus::Available => "Connected".to_owned(),
            ConnectionStatus::Offline => "Disconnected".to_owned(),
            ConnectionStatus::Failure(reason) if reason.is_empty() => {
                "Connection failed".to_owned()
            }
            ConnectionStatus::Failure(reason) => format!("Connection failed: {reason}"),
        }
    }
}

/// One row of the status table: the properties of one status object.
///
/// The typed accessors read the same values the property list carries; rows are snapshots,
/// built by [`StatusTable`] and not changed afterwards.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusRow {
    kind: StatusRowKind,
    properties: Vec<TaggedPropertyValue>,
}

impl StatusRow {
    /// Which status object the row describes.
    pub fn kind(&self) -> StatusRowKind {
        self.kind
    }

    /// Every property of the row, in [`StatusTable::columns`] order; the PR_IDENTITY_* columns
    /// are absent from rows that publish no identity.
    pub fn properties(&self) -> &[TaggedPropertyValue] {
        &self.properties
    }

    /// The value of `tag`. The tag's type must be the value's, or PtypUnspecified to match
    /// any type (as a column set may ask).
    pub fn get(&self, tag: PropertyTag) -> Option<&PropertyValue> {
        self.properties
            .iter()
            .find(|p| {
                p.tag.id() == tag.id()
                    && (tag.prop_type() == PropertyType::UNSPECIFIED || p.tag == tag)
            })
            .map(|p| &p.value)
    }

    fn get_i32(&self, tag: PropertyTag) -> i32 {
        self.get(tag).and_then(PropertyValue::as_i32).unwrap_or(0)
    }

    fn get_str(&self, tag: PropertyTag) -> &str {
        self.get(tag).and_then(PropertyValue::as_str).unwrap_or("")
    }

    /// PR_DISPLAY_NAME.
    pub fn display_name(&self) -> &str {
        self.get_str(PID_TAG_DISPLAY_NAME)
    }

    /// PR_PROVIDER_DISPLAY.
    pub fn provider_display(&self) -> &str {
        self.get_str(PID_TAG_PROVIDER_DISPLAY)
    }

    /// PR_PROVIDER_DLL_NAME.
    pub fn provider_dll_name(&self) -> &str {
        self.get_str(PID_TAG_PROVIDER_DLL_NAME)
    }

    /// PR_STATUS_CODE.
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_i32(self.get_i32(PID_TAG_STATUS_CODE))
    }

    /// PR_STATUS_STRING.
    pub fn status_string(&self) -> &str {
        self.get_str(PID_TAG_STATUS_STRING)
    }

    /// PR_RESOURCE_FLAGS.
    pub fn resource_flags(&self) -> ResourceFlags {
        ResourceFlags::from_i32(self.get_i32(PID_TAG_RESOURCE_FLAGS))
    }

    /// PR_RESOURCE_METHODS.
    pub fn resource_methods(&self) -> ResourceMethods {
        ResourceMethods::from_i32(self.get_i32(PID_TAG_RESOURCE_METHODS))
    }

    /// PR_RESOURCE_TYPE.
    pub fn resource_type(&self) -> ResourceType {
        ResourceType::from_i32(self.get_i32(PID_TAG_RESOURCE_TYPE))
    }

    /// PR_ENTRYID: the [`StatusEntryId`] that opens this row's status object.
    pub fn entry_id(&self) -> &[u8] {
        self.get(PID_TAG_ENTRY_ID)
            .and_then(PropertyValue::as_bytes)
            .unwrap_or(&[])
    }

    /// PR_INSTANCE_KEY.
    pub fn instance_key(&self) -> &[u8] {
        self.get(PID_TAG_INSTANCE_KEY)
            .and_then(PropertyValue::as_bytes)
            .unwrap_or(&[])
    }

    /// PR_ROWID.
    pub fn row_id(&self) -> i32 {
        self.get_i32(PID_TAG_ROWID)
    }

    /// PR_IDENTITY_DISPLAY, on rows that publish an identity.
    pub fn identity_display(&self) -> Option<&str> {
        self.get(PID_TAG_IDENTITY_DISPLAY)
            .and_then(PropertyValue::as_str)
    }

    /// PR_IDENTITY_ENTRYID, on rows that publish an identity.
    pub fn identity_entry_id(&self) -> Option<&[u8]> {
        self.get(PID_TAG_IDENTITY_ENTRY_ID)
            .and_then(PropertyValue::as_bytes)
    }

    /// PR_IDENTITY_SEARCH_KEY, on rows that publish an identity.
    pub fn identity_search_key(&self) -> Option<&[u8]> {
        self.get(PID_TAG_IDENTITY_SEARCH_KEY)
            .and_then(PropertyValue::as_bytes)
    }
}

/// The primary identity as the status table publishes it: the row flagged
/// STATUS_PRIMARY_IDENTITY and its PR_IDENTITY_* values (what QueryIdentity reads).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrimaryIdentity {
    /// The row that furnishes the identity.
    pub row: StatusRow,
    /// PR_IDENTITY_DISPLAY.
    pub display_name: String,
    /// PR_IDENTITY_ENTRYID: QueryIdentity's answer.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub entry_id: Vec<u8>,
    /// PR_IDENTITY_SEARCH_KEY.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub search_key: Vec<u8>,
}

/// The columns of the status table, in the order rows list them: the required columns of
/// "Status Tables", then PR_PROVIDER_DISPLAY and PR_STATUS_STRING, then the identity columns.
pub const STATUS_COLUMNS: [PropertyTag; 15] = [
    PID_TAG_ROWID,
    PID_TAG_INSTANCE_KEY,
    PID_TAG_ENTRY_ID,
    PID_TAG_OBJECT_TYPE,
    PID_TAG_DISPLAY_NAME,
    PID_TAG_PROVIDER_DISPLAY,
    PID_TAG_PROVIDER_DLL_NAME,
    PID_TAG_RESOURCE_TYPE,
    PID_TAG_RESOURCE_FLAGS,
    PID_TAG_RESOURCE_METHODS,
    PID_TAG_STATUS_CODE,
    PID_TAG_STATUS_STRING,
    PID_TAG_IDENTITY_DISPLAY,
    PID_TAG_IDENTITY_ENTRY_ID,
    PID_TAG_IDENTITY_SEARCH_KEY,
];

/// The status table of one session: six rows computed from the session instance, the
/// identity (once known), the mailbox's display name and the connection state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusTable {
    session: Uuid,
    identity: Option<Identity>,
    store_display_name: String,
    connection: ConnectionStatus,
}

impl StatusTable {
    /// The table of session `session` (a GUID the caller draws at random once per session,
    /// which the rows' EntryIDs carry), for a mailbox displayed as `store_display_name` (the
    /// message store row's PR_DISPLAY_NAME, e.g. `Mailbox - Alice`).
    pub fn new(
        session: Uuid,
        identity: Option<&Identity>,
        store_display_name: impl Into<String>,
        connection: ConnectionStatus,
    ) -> Self {
        StatusTable {
            session,
            identity: identity.cloned(),
            store_display_name: store_display_name.into(),
            connection,
        }
    }

    /// The session instance the rows' EntryIDs name.
    pub fn session(&self) -> Uuid {
        self.session
    }

    /// The identity the Exchange rows publish.
    pub fn identity(&self) -> Option<&Identity> {
        self.identity.as_ref()
    }

    /// Sets (or clears) the identity; returns whether it changed.
    pub fn set_identity(&mut self, identity: Option<&Identity>) -> bool {
        if self.identity.as_ref() == identity {
            return false;
        }
        self.identity = identity.cloned();
        true
    }

    /// The connection state the Exchange rows report.
    pub fn connection(&self) -> &ConnectionStatus {
        &self.connection
    }

    /// Records a new connection state; returns whether it changed (and so whether the rows
    /// did, which is when a status table notification is due).
    pub fn set_connection(&mut self, connection: ConnectionStatus) -> bool {
        if self.connection == connection {
            return false;
        }
        self.connection = connection;
        true
    }

    /// The mailbox's display name.
    pub fn store_display_name(&self) -> &str {
        &self.store_display_name
    }

    /// Sets the message store row's PR_DISPLAY_NAME; returns whether it changed.
    pub fn set_store_display_name(&mut self, name: impl Into<String>) -> bool {
        let name = name.into();
        if self.store_display_name == name {
            return false;
        }
        self.store_display_name = name;
        true
    }

    /// The columns, in the fixed order every row lists its properties ([`STATUS_COLUMNS`]).
    pub fn columns(&self) -> &'static [PropertyTag] {
        &STATUS_COLUMNS
    }

    /// Every row, in PR_ROWID order.
    pub fn rows(&self) -> Vec<StatusRow> {
        StatusRowKind::ALL
            .into_iter()
            .map(|k| self.build(k))
            .collect()
    }

    /// The row of `kind`; `None` for a kind this table has no row for.
    pub fn row(&self, kind: StatusRowKind) -> Option<StatusRow> {
        Some(self.build(kind))
    }

    /// The row flagged STATUS_PRIMARY_IDENTITY (the message store's) with its identity, or
    /// `None` while no identity is known. IMAPISession::QueryIdentity answers with its
    /// `entry_id`.
    pub fn primary_identity(&self) -> Option<PrimaryIdentity> {
        let row = self.rows().into_iter().find(|r| {
            r.resource_flags()
                .contains(ResourceFlags::STATUS_PRIMARY_IDENTITY)
        })?;
        let display_name = row.identity_display()?.to_owned();
        let entry_id = row.identity_entry_id()?.to_vec();
        let search_key = row.identity_search_key()?.to_vec();
        Some(PrimaryIdentity {
            row,
            display_name,
            entry_id,
            search_key,
        })
    }

    /// The EntryID of the status object of `kind` in this session.
    pub fn entry_id(&self, kind: StatusRowKind) -> StatusEntryId {
        StatusEntryId {
            kind,
            session: self.session,
        }
    }

    /// Which status object `entry_id` opens, for IMAPISession::OpenEntry. Refuses bytes that
    /// are not a status object EntryID and ones minted by another session.
    pub fn resolve_entry_id(&self, entry_id: &[u8]) -> Result<StatusRowKind, StatusEntryIdError> {
        let id = StatusEntryId::decode(entry_id)?;
        if id.session != self.session {
            return Err(StatusEntryIdError::ForeignSession);
        }
        Ok(id.kind)
    }

    fn build(&self, kind: StatusRowKind) -> StatusRow {
        let (display_name, status_code, status_string) = if kind.is_exchange_provider() {
            let name = match kind {
                StatusRowKind::MessageStore => self.store_display_name.clone(),
                other => other.provider_display().to_owned(),
            };
            (
                name,
                self.connection.status_code(kind),
                self.connection.status_string(),
            )
        } else {
            // MAPI's own objects run in-process: they are up whatever the network does.
            (
                kind.provider_display().to_owned(),
                StatusCode::STATUS_AVAILABLE,
                "Available".to_owned(),
            )
        };
        let tagged = |tag: PropertyTag, value: PropertyValue| TaggedPropertyValue { tag, value };
        let row_id = kind.row_id();
        let mut properties = vec![
            tagged(PID_TAG_ROWID, PropertyValue::Integer32(row_id)),
            tagged(
                PID_TAG_INSTANCE_KEY,
                PropertyValue::binary(row_id.to_le_bytes().to_vec()),
            ),
            tagged(
                PID_TAG_ENTRY_ID,
                PropertyValue::binary(self.entry_id(kind).encode()),
            ),
            tagged(PID_TAG_OBJECT_TYPE, PropertyValue::Integer32(MAPI_STATUS)),
            tagged(PID_TAG_DISPLAY_NAME, PropertyValue::string(display_name)),
            tagged(
                PID_TAG_PROVIDER_DISPLAY,
                PropertyValue::string(kind.provider_display()),
            ),
            tagged(
                PID_TAG_PROVIDER_DLL_NAME,
                PropertyValue::string(kind.provider_dll_name()),
            ),
            tagged(
                PID_TAG_RESOURCE_TYPE,
                PropertyValue::Integer32(kind.resource_type().to_i32()),
            ),
            tagged(
                PID_TAG_RESOURCE_FLAGS,
                PropertyValue::Integer32(kind.resource_flags().to_i32()),
            ),
            tagged(
                PID_TAG_RESOURCE_METHODS,
                PropertyValue::Integer32(kind.resource_methods().to_i32()),
            ),
            tagged(
                PID_TAG_STATUS_CODE,
                PropertyValue::Integer32(status_code.to_i32()),
            ),
            tagged(PID_TAG_STATUS_STRING, PropertyValue::string(status_string)),
        ];
        if let (true, Some(identity)) = (kind.is_exchange_provider(), &self.identity) {
            properties.extend(identity.properties());
        }
        StatusRow { kind, properties }
    }
}

// ---------------------------------------------------------------------------------------------
// Status object EntryIDs
// ---------------------------------------------------------------------------------------------

/// The EntryID of a status object (PR_ENTRYID of a status row), in this crate's own format
/// (see the module documentation for the layout).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct StatusEntryId {
    /// The status object.
    pub kind: StatusRowKind,
    /// The session that minted it.
    pub session: Uuid,
}

impl StatusEntryId {
    /// The structure's name in decode errors.
    pub const NAME: &'static str = "Status EntryID";
    /// Its Version field.
    pub const VERSION: u32 = 1;
    /// Its length in bytes.
    pub const LEN: usize = 44;

    /// The 44-byte wire form.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(Self::LEN);
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&STATUS_PROVIDER_UID);
        out.extend_from_slice(&Self::VERSION.to_le_bytes());
        out.extend_from_slice(&self.kind.resource_type().0.to_le_bytes());
        put_guid(&mut out, &self.session);
        out
    }

    /// Reads a status object EntryID that fills `input` exactly.
    pub fn decode(input: &[u8]) -> Result<Self, DecodeError> {
        decode_all(input, Self::parse)
    }

    /// Whether `entry_id` starts like a status object EntryID (zero Flags and this crate's
    /// ProviderUID), for routing an OpenEntry before decoding it.
    pub fn is_status_entry_id(entry_id: &[u8]) -> bool {
        entry_id.get(..4) == Some(&[0u8; 4][..])
            && entry_id.get(4..20) == Some(&STATUS_PROVIDER_UID[..])
    }

    fn parse(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let at = i;
            let (i, flags) = le_u32(i)?;
            if flags != 0 {
                return invalid(at, "Flags", u64::from(flags));
            }
            let at = i;
            let (i, uid) = take_array::<16>(i)?;
            if uid != STATUS_PROVIDER_UID {
                let mut head = [0u8; 8];
                head.copy_from_slice(&uid[..8]);
                return invalid(at, "ProviderUID", u64::from_be_bytes(head));
            }
            let at = i;
            let (i, version) = le_u32(i)?;
            if version != Self::VERSION {
                return invalid(at, "Version", u64::from(version));
            }
            let at = i;
            let (i, resource_type) = le_u32(i)?;
            let Some(kind) = StatusRowKind::from_resource_type(ResourceType(resource_type)) else {
                return invalid(at, "ResourceType", u64::from(resource_type));
            };
            let (i, session) = guid(i)?;
            Ok((i, StatusEntryId { kind, session }))
        })
    }
}

fn invalid<'a, T>(at: &'a [u8], field: &'static str, value: u64) -> PResult<'a, T> {
    fail(
        at,
        StatusEntryId::NAME,
        ErrorKind::InvalidValue { field, value },
    )
}

/// Why an EntryID does not open one of this session's status objects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusEntryIdError {
    /// Not a status object EntryID of this crate's format (wrong provider, truncated, ...).
    #[error("not a status object EntryID: {0}")]
    Malformed(#[from] DecodeError),
    /// A well-formed status object EntryID minted by another session.
    #[error("the status object EntryID belongs to another session")]
    ForeignSession,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn alice() -> Identity {
        Identity::new("Alice Example", "/o=Org/ou=Site/cn=Recipients/cn=alice").unwrap()
    }

    fn table(connection: ConnectionStatus) -> StatusTable {
        StatusTable::new(
            Uuid::from_u128(0x0123_4567_89AB_CDEF_0011_2233_4455_6677),
            Some(&alice()),
            "Mailbox - Alice Example",
            connection,
        )
    }

    const REQUIRED: [(PropertyTag, PropertyType); 12] = [
        (PID_TAG_DISPLAY_NAME, PropertyType::STRING),
        (PID_TAG_PROVIDER_DLL_NAME, PropertyType::STRING),
        (PID_TAG_STATUS_CODE, PropertyType::INTEGER32),
        (PID_TAG_RESOURCE_FLAGS, PropertyType::INTEGER32),
        (PID_TAG_RESOURCE_METHODS, PropertyType::INTEGER32),
        (PID_TAG_RESOURCE_TYPE, PropertyType::INTEGER32),
        (PID_TAG_ENTRY_ID, PropertyType::BINARY),
        (PID_TAG_INSTANCE_KEY, PropertyType::BINARY),
        (PID_TAG_OBJECT_TYPE, PropertyType::INTEGER32),
        (PID_TAG_ROWID, PropertyType::INTEGER32),
        (PID_TAG_PROVIDER_DISPLAY, PropertyType::STRING),
        (PID_TAG_STATUS_STRING, PropertyType::STRING),
    ];

    #[test]
    fn flag_values_match_mapidefs() {
        assert_eq!(ResourceType::MAPI_STORE_PROVIDER.0, 33);
        assert_eq!(ResourceType::MAPI_SUBSYSTEM.0, 39);
        assert_eq!(ResourceFlags::STATUS_PRIMARY_IDENTITY.0, 0x4);
        assert_eq!(ResourceFlags::STATUS_NEED_IPM_TREE.0, 0x800);
        assert_eq!(ResourceFlags::STATUS_SECONDARY_STORE.0, 0x2000);
        assert_eq!(ResourceMethods::STATUS_FLUSH_QUEUES.0, 0x8);
        assert_eq!(StatusCode::STATUS_OUTBOUND_ENABLED.0, 0x0010_0000);
        assert_eq!(StatusCode::STATUS_REMOTE_ACCESS.0, 0x0080_0000);
        assert_eq!(MAPI_STATUS, 10);
        let both = StatusCode::STATUS_AVAILABLE | StatusCode::STATUS_INBOUND_ENABLED;
        assert!(both.contains(StatusCode::STATUS_INBOUND_ENABLED));
        assert!(!both.contains(StatusCode::STATUS_OUTBOUND_ENABLED));
        assert_eq!(StatusCode::from_i32(-1).0, u32::MAX);
        assert_eq!(StatusCode(u32::MAX).to_i32(), -1);
    }

    #[test]
    fn six_rows_in_order_with_their_resource_types() {
        let rows = table(ConnectionStatus::Available).rows();
        let kinds: Vec<_> = rows.iter().map(StatusRow::kind).collect();
        assert_eq!(kinds, StatusRowKind::ALL);
        let types: Vec<_> = rows.iter().map(|r| r.resource_type().0).collect();
        assert_eq!(types, [39, 37, 34, 33, 35, 36]);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r.row_id(), i as i32);
            assert_eq!(
                StatusRowKind::from_resource_type(r.resource_type()),
                Some(r.kind())
            );
        }
    }

    #[test]
    fn every_row_has_every_required_column_with_its_type() {
        for connection in [
            ConnectionStatus::Available,
            ConnectionStatus::Offline,
            ConnectionStatus::Failure("timed out".into()),
        ] {
            for row in table(connection).rows() {
                for (tag, ty) in REQUIRED {
                    let v = row
                        .get(tag)
                        .unwrap_or_else(|| panic!("{:?} lacks {tag:?}", row.kind()));
                    assert_eq!(v.prop_type(), ty, "{:?} {tag:?}", row.kind());
                    // Looked up by id alone, as a PtypUnspecified column asks.
                    assert_eq!(row.get(tag.with_type(PropertyType::UNSPECIFIED)), Some(v));
                }
                for p in row.properties() {
                    assert_eq!(p.value.prop_type(), p.tag.prop_type(), "{:?}", p.tag);
                }
                assert_eq!(
                    row.get(PID_TAG_OBJECT_TYPE),
                    Some(&PropertyValue::Integer32(10))
                );
                assert!(!row.display_name().is_empty());
                assert!(!row.provider_display().is_empty());
                assert!(!row.status_string().is_empty());
                // The wrong type does not match.
                assert_eq!(
                    row.get(PID_TAG_DISPLAY_NAME.with_type(PropertyType::STRING8)),
                    None
                );
            }
        }
    }

    #[test]
    fn properties_follow_the_column_order() {
        let t = table(ConnectionStatus::Available);
        for row in t.rows() {
            let tags: Vec<_> = row.properties().iter().map(|p| p.tag).collect();
            let expected: Vec<_> = t
                .columns()
                .iter()
                .copied()
                .filter(|c| tags.contains(c))
                .collect();
            assert_eq!(tags, expected, "{:?}", row.kind());
        }
        assert_eq!(t.columns().len(), 15);
    }

    #[test]
    fn provider_names_are_exchange_base_dll_names() {
        let t = table(ConnectionStatus::Available);
        let dll = |k| t.row(k).unwrap().provider_dll_name().to_owned();
        assert_eq!(dll(StatusRowKind::MessageStore), "EMSMDB.DLL");
        assert_eq!(dll(StatusRowKind::Transport), "EMSMDB.DLL");
        assert_eq!(dll(StatusRowKind::AddressBook), "EMSABP.DLL");
        assert_eq!(dll(StatusRowKind::Subsystem), "MAPI.DLL");
        for row in t.rows() {
            assert!(!row.provider_dll_name().contains("32"), "{:?}", row.kind());
        }
        let store = t.row(StatusRowKind::MessageStore).unwrap();
        assert_eq!(store.display_name(), "Mailbox - Alice Example");
        assert_eq!(store.provider_display(), "Microsoft Exchange Message Store");
    }

    #[test]
    fn exactly_one_primary_identity_row_the_store_with_the_identity() {
        let id = alice();
        for identity in [Some(&id), None] {
            let t = StatusTable::new(Uuid::nil(), identity, "Mailbox", ConnectionStatus::Offline);
            let flagged: Vec<_> = t
                .rows()
                .into_iter()
                .filter(|r| {
                    r.resource_flags()
                        .contains(ResourceFlags::STATUS_PRIMARY_IDENTITY)
                })
                .collect();
            assert_eq!(flagged.len(), 1);
            assert_eq!(flagged[0].kind(), StatusRowKind::MessageStore);
            assert!(
                flagged[0]
                    .resource_flags()
                    .contains(ResourceFlags::STATUS_DEFAULT_STORE)
            );
        }
        let t = table(ConnectionStatus::Available);
        let primary = t.primary_identity().unwrap();
        assert_eq!(primary.row.kind(), StatusRowKind::MessageStore);
        assert_eq!(primary.display_name, id.display_name());
        assert_eq!(primary.entry_id, id.entry_id_bytes());
        assert_eq!(primary.search_key, id.search_key());
        // The other Exchange providers publish the same identity; MAPI's rows none.
        for row in t.rows() {
            if row.kind().is_exchange_provider() {
                assert_eq!(row.identity_entry_id(), Some(&id.entry_id_bytes()[..]));
                assert_eq!(row.identity_display(), Some(id.display_name()));
                assert_eq!(row.identity_search_key(), Some(&id.search_key()[..]));
            } else {
                assert_eq!(row.identity_entry_id(), None);
                assert_eq!(row.resource_flags(), ResourceFlags::default());
            }
        }
    }

    #[test]
    fn no_identity_until_one_is_set() {
        let mut t = StatusTable::new(Uuid::nil(), None, "Mailbox", ConnectionStatus::Available);
        assert_eq!(t.primary_identity(), None);
        assert!(t.rows().iter().all(|r| r.identity_display().is_none()));
        let id = alice();
        assert!(t.set_identity(Some(&id)));
        assert!(!t.set_identity(Some(&id)));
        assert_eq!(t.primary_identity().unwrap().entry_id, id.entry_id_bytes());
        assert!(t.set_identity(None));
        assert_eq!(t.primary_identity(), None);
    }

    #[test]
    fn status_codes_follow_the_connection() {
        let mut t = table(ConnectionStatus::Available);
        let code = |t: &StatusTable, k| t.row(k).unwrap().status_code();
        let text = |t: &StatusTable, k| t.row(k).unwrap().status_string().to_owned();
        assert_eq!(
            code(&t, StatusRowKind::MessageStore),
            StatusCode::STATUS_AVAILABLE
        );
        assert_eq!(
            code(&t, StatusRowKind::AddressBook),
            StatusCode::STATUS_AVAILABLE
        );
        assert_eq!(
            code(&t, StatusRowKind::Transport),
            StatusCode::STATUS_AVAILABLE
                | StatusCode::STATUS_INBOUND_ENABLED
                | StatusCode::STATUS_OUTBOUND_ENABLED
        );
        assert_eq!(text(&t, StatusRowKind::MessageStore), "Connected");

        assert!(!t.set_connection(ConnectionStatus::Available));
        assert!(t.set_connection(ConnectionStatus::Offline));
        for k in [
            StatusRowKind::MessageStore,
            StatusRowKind::AddressBook,
            StatusRowKind::Transport,
        ] {
            assert_eq!(code(&t, k), StatusCode::STATUS_OFFLINE);
            assert_eq!(text(&t, k), "Disconnected");
        }

        assert!(t.set_connection(ConnectionStatus::Failure("HTTP 503".into())));
        assert!(!t.set_connection(ConnectionStatus::Failure("HTTP 503".into())));
        assert!(t.set_connection(ConnectionStatus::Failure("timed out".into())));
        for k in [
            StatusRowKind::MessageStore,
            StatusRowKind::AddressBook,
            StatusRowKind::Transport,
        ] {
            assert_eq!(code(&t, k), StatusCode::STATUS_FAILURE);
            assert_eq!(text(&t, k), "Connection failed: timed out");
        }
        assert!(t.set_connection(ConnectionStatus::Failure(String::new())));
        assert_eq!(text(&t, StatusRowKind::Transport), "Connection failed");

        // MAPI's own rows do not depend on the network.
        for k in [
            StatusRowKind::Subsystem,
            StatusRowKind::Spooler,
            StatusRowKind::IntegratedAddressBook,
        ] {
            assert_eq!(code(&t, k), StatusCode::STATUS_AVAILABLE);
        }
    }

    #[test]
    fn resource_methods_are_validate_state_only() {
        for row in table(ConnectionStatus::Available).rows() {
            assert_eq!(
                row.resource_methods(),
                ResourceMethods::STATUS_VALIDATE_STATE
            );
        }
    }

    #[test]
    fn row_ids_instance_keys_and_entry_ids_are_distinct() {
        let rows = table(ConnectionStatus::Available).rows();
        for (i, a) in rows.iter().enumerate() {
            for b in &rows[i + 1..] {
                assert_ne!(a.row_id(), b.row_id());
                assert_ne!(a.instance_key(), b.instance_key());
                assert_ne!(a.entry_id(), b.entry_id());
            }
            assert!(!a.instance_key().is_empty());
        }
    }

    #[test]
    fn entry_ids_resolve_to_their_row_kind() {
        let t = table(ConnectionStatus::Available);
        for row in t.rows() {
            assert!(StatusEntryId::is_status_entry_id(row.entry_id()));
            assert_eq!(row.entry_id().len(), StatusEntryId::LEN);
            assert_eq!(t.resolve_entry_id(row.entry_id()), Ok(row.kind()));
            assert_eq!(
                StatusEntryId::decode(row.entry_id()).unwrap(),
                t.entry_id(row.kind())
            );
        }
    }

    #[test]
    fn entry_id_layout() {
        let id = StatusEntryId {
            kind: StatusRowKind::Transport,
            session: Uuid::from_u128(0x0011_2233_4455_6677_8899_AABB_CCDD_EEFF),
        };
        let bytes = id.encode();
        assert_eq!(&bytes[..4], &[0; 4]);
        assert_eq!(&bytes[4..20], &STATUS_PROVIDER_UID);
        assert_eq!(&bytes[20..24], &[1, 0, 0, 0]);
        assert_eq!(&bytes[24..28], &[36, 0, 0, 0]); // MAPI_TRANSPORT_PROVIDER
        // MS-DTYP 2.3.4.2: Data1..Data3 little-endian, Data4 as is.
        assert_eq!(
            &bytes[28..],
            &[
                0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD,
                0xEE, 0xFF
            ]
        );
    }

    #[test]
    fn foreign_truncated_and_other_entry_ids_are_refused() {
        let t = table(ConnectionStatus::Available);
        let other = StatusTable::new(Uuid::from_u128(7), None, "x", ConnectionStatus::Available);
        let foreign = other.entry_id(StatusRowKind::MessageStore).encode();
        assert_eq!(
            t.resolve_entry_id(&foreign),
            Err(StatusEntryIdError::ForeignSession)
        );

        let good = t.entry_id(StatusRowKind::AddressBook).encode();
        for n in 0..good.len() {
            let err = t.resolve_entry_id(&good[..n]).unwrap_err();
            let StatusEntryIdError::Malformed(e) = err else {
                panic!("{err:?}")
            };
            assert!(matches!(e.kind, ErrorKind::Truncated { .. }), "{n}: {e}");
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(matches!(
            t.resolve_entry_id(&longer),
            Err(StatusEntryIdError::Malformed(DecodeError {
                kind: ErrorKind::TrailingBytes { count: 1 },
                ..
            }))
        ));

        let field_of = |bytes: &[u8]| match StatusEntryId::decode(bytes) {
            Err(DecodeError {
                kind: ErrorKind::InvalidValue { field, .. },
                offset,
                ..
            }) => (field, offset),
            other => panic!("{other:?}"),
        };
        let mut b = good.clone();
        b[0] = 1;
        assert_eq!(field_of(&b), ("Flags", 0));
        let mut b = good.clone();
        b[10] ^= 0xFF;
        assert_eq!(field_of(&b), ("ProviderUID", 4));
        assert!(!StatusEntryId::is_status_entry_id(&b));
        let mut b = good.clone();
        b[20] = 2;
        assert_eq!(field_of(&b), ("Version", 20));
        let mut b = good.clone();
        b[24] = 40; // MAPI_HOOK_PROVIDER: no such row
        assert_eq!(field_of(&b), ("ResourceType", 24));

        // An Exchange address book EntryID (the identity's) is not a status EntryID.
        let ab = alice().entry_id_bytes();
        assert!(!StatusEntryId::is_status_entry_id(&ab));
        assert!(matches!(
            t.resolve_entry_id(&ab),
            Err(StatusEntryIdError::Malformed(_))
        ));
    }

    fn any_kind() -> impl Strategy<Value = StatusRowKind> {
        (0..StatusRowKind::ALL.len()).prop_map(|i| StatusRowKind::ALL[i])
    }

    proptest! {
        #[test]
        fn entry_id_round_trips(kind in any_kind(), session in any::<u128>()) {
            let id = StatusEntryId { kind, session: Uuid::from_u128(session) };
            let bytes = id.encode();
            prop_assert_eq!(bytes.len(), StatusEntryId::LEN);
            prop_assert_eq!(StatusEntryId::decode(&bytes), Ok(id));
            let t = StatusTable::new(id.session, None, "m", ConnectionStatus::Offline);
            prop_assert_eq!(t.resolve_entry_id(&bytes), Ok(kind));
        }

        #[test]
        fn hostile_bytes_give_an_error_or_a_valid_id(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let Ok(id) = StatusEntryId::decode(&bytes) {
                prop_assert_eq!(id.encode(), bytes);
            }
        }

        #[test]
        fn hostile_bytes_after_a_valid_prefix(tail in proptest::collection::vec(any::<u8>(), 0..40), kind in any_kind()) {
            let mut bytes = StatusEntryId { kind, session: Uuid::nil() }.encode();
            bytes.truncate(28);
            bytes.extend_from_slice(&tail);
            match StatusEntryId::decode(&bytes) {
                Ok(id) => {
                    prop_assert_eq!(tail.len(), 16);
                    prop_assert_eq!(id.kind, kind);
                }
                Err(e) => prop_assert_ne!(tail.len(), 16, "{}", e),
            }
        }
    }
}
