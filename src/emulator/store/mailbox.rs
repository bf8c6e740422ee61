//! One message store (a private mailbox or the public folders): identity, ids, the folder
//! tree, special folders, receive folders, per-user data and ID mapping.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use crate::wire::entry_id::{
    FolderEntryId, FolderId, GlobalCounter, GlobalIdentifier, LongTermId, MapiUid, MessageEntryId,
    MessageId, StoreObjectType,
};
use crate::wire::property::tags as t;
use crate::wire::property::{PropertyTag, PropertyValue};
use crate::wire::{ErrorCode, FileTime, Wire};

use super::model::{Folder, FolderKind, ReceiveFolder, StoredMessage};
use super::named::NamedProps;
use super::objects::OpenObject;
use super::props::PropBag;

/// Whether a store is a user's mailbox or the public folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreKind {
    /// A private mailbox.
    Private {
        /// The owner's legacy DN.
        legacy_dn: String,
        /// The owner's display name.
        display_name: String,
        /// The owner's SMTP address.
        smtp_address: String,
    },
    /// The public folder store.
    Public,
}

/// The folders a store creates for itself. The first 13 private ones are RopLogon's FolderIds
/// (MS-OXCSTOR 2.2.1.1.3); the public ones are the 9 named in 2.2.1.1.4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpecialFolder {
    /// Mailbox root.
    Root,
    /// Deferred Action.
    DeferredAction,
    /// Spooler Queue.
    SpoolerQueue,
    /// IPM subtree ("Top of Information Store").
    IpmSubtree,
    /// Inbox.
    Inbox,
    /// Outbox.
    Outbox,
    /// Sent Items.
    SentItems,
    /// Deleted Items.
    DeletedItems,
    /// Common Views.
    CommonViews,
    /// Schedule.
    Schedule,
    /// Search (Finder).
    Finder,
    /// Views.
    Views,
    /// Shortcuts.
    Shortcuts,
    /// Calendar (IPF.Appointment).
    Calendar,
    /// Contacts (IPF.Contact).
    Contacts,
    /// Drafts (IPF.Note).
    Drafts,
    /// Tasks (IPF.Task).
    Tasks,
    /// Notes (IPF.StickyNote).
    Notes,
    /// Journal (IPF.Journal).
    Journal,
    /// Public store root.
    PublicRoot,
    /// Public IPM_SUBTREE.
    PublicIpmSubtree,
    /// Public NON_IPM_SUBTREE.
    NonIpmSubtree,
    /// EFORMS REGISTRY.
    EformsRegistry,
    /// SCHEDULE+ FREE BUSY.
    FreeBusy,
    /// OFFLINE ADDRESS BOOK.
    OfflineAddressBook,
    /// The localized (organization) forms folder under EFORMS REGISTRY.
    LocalizedEforms,
    /// The site's folder under SCHEDULE+ FREE BUSY.
    LocalizedFreeBusy,
    /// The default offline address list folder under OFFLINE ADDRESS BOOK.
    LocalizedOab,
}

impl SpecialFolder {
    /// The 13 private-logon folders in RopLogon order (MS-OXCSTOR 2.2.1.1.3).
    pub const PRIVATE_LOGON: [SpecialFolder; 13] = [
        Self::Root,
        Self::DeferredAction,
        Self::SpoolerQueue,
        Self::IpmSubtree,
        Self::Inbox,
        Self::Outbox,
        Self::SentItems,
        Self::DeletedItems,
        Self::CommonViews,
        Self::Schedule,
        Self::Finder,
        Self::Views,
        Self::Shortcuts,
    ];

    /// The 9 public-logon folders in RopLogon order (MS-OXCSTOR 2.2.1.1.4); the 4 IDs after them
    /// are reserved and zero.
    pub const PUBLIC_LOGON: [SpecialFolder; 9] = [
        Self::PublicRoot,
        Self::PublicIpmSubtree,
        Self::NonIpmSubtree,
        Self::EformsRegistry,
        Self::FreeBusy,
        Self::OfflineAddressBook,
        Self::LocalizedEforms,
        Self::LocalizedFreeBusy,
        Self::LocalizedOab,
    ];
}

/// Per-user read state of one public folder, as RopWritePerUserInformation stored it
/// (MS-OXCSTOR 2.2.1.13 / 2.2.1.12): an opaque IDSET blob the client built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PerUserData {
    /// The bytes written so far.
    pub data: Vec<u8>,
    /// ReplGuid of the store the data came from (the public store's).
    pub repl_guid: Uuid,
    /// Whether the last write said HasFinished.
    pub complete: bool,
}

/// A handle to an object the store holds open (a message, attachment or embedded message
/// instance). The ROP handler keeps these in its server-object table and releases them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjHandle(pub u32);

/// What a property operation acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObjectRef {
    /// The store itself (the Logon object).
    Store,
    /// A folder.
    Folder(FolderId),
    /// An open message, attachment or embedded message.
    Instance(ObjHandle),
}

/// The replica id of a store's own objects (MS-OXCSTOR 2.2.1.1.3 ReplId).
pub const OWN_REPLID: u16 = 1;

/// One store.
#[derive(Debug)]
pub struct Mailbox {
    pub(super) kind: StoreKind,
    pub(super) mailbox_guid: Uuid,
    pub(super) repl_guid: Uuid,
    /// Replica GUIDs by ReplId - 1; index 0 is the store's own.
    pub(super) replicas: Vec<Uuid>,
    pub(super) next_counter: u64,
    pub(super) folders: HashMap<u64, Folder>,
    pub(super) messages: HashMap<u64, StoredMessage>,
    pub(super) named: NamedProps,
    pub(super) receive: BTreeMap<String, ReceiveFolder>,
    pub(super) per_user: HashMap<LongTermId, PerUserData>,
    pub(super) special: BTreeMap<SpecialFolder, u64>,
    pub(super) store_props: PropBag,
    pub(super) open: HashMap<u32, OpenObject>,
    pub(super) next_handle: u32,
    /// Bumped on every change; tables compare it to know when to rebuild.
    pub(super) seq: u64,
    /// The server DN RopGetOwningServers names.
    pub(super) server_dn: String,
    /// A logical clock for times the store stamps; seeded, then advanced per change so that
    /// generated content is deterministic.
    pub(super) clock: FileTime,
}

/// Counters up to this value are reserved for special folders so their ids are stable.
const FIRST_DYNAMIC_COUNTER: u64 = 0x100;

impl Mailbox {
    pub(super) fn empty(
        kind: StoreKind,
        mailbox_guid: Uuid,
        repl_guid: Uuid,
        now: FileTime,
    ) -> Self {
        Mailbox {
            kind,
            mailbox_guid,
            repl_guid,
            replicas: vec![repl_guid],
            next_counter: FIRST_DYNAMIC_COUNTER,
            folders: HashMap::new(),
            messages: HashMap::new(),
            named: NamedProps::new(),
            receive: BTreeMap::new(),
            per_user: HashMap::new(),
            special: BTreeMap::new(),
            store_props: PropBag::new(),
            open: HashMap::new(),
            next_handle: 1,
            seq: 0,
            server_dn: String::from(
                "/o=First Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=EMULATOR",
            ),
            clock: now,
        }
    }

    // ---- identity ----

    /// Private mailbox or public store.
    pub fn kind(&self) -> &StoreKind {
        &self.kind
    }

    /// Whether this is the public folder store.
    pub fn is_public(&self) -> bool {
        self.kind == StoreKind::Public
    }

    /// MailboxGuid of the RopLogon response (the ProviderUID of private entry IDs).
    pub fn mailbox_guid(&self) -> Uuid {
        self.mailbox_guid
    }

    /// ReplGuid of the RopLogon response: the DatabaseGuid of this store's ids.
    pub fn repl_guid(&self) -> Uuid {
        self.repl_guid
    }

    /// ReplId of this store's own objects (always 1).
    pub fn repl_id(&self) -> u16 {
        OWN_REPLID
    }

    /// The change counter: grows on every change to the store.
    pub fn change_seq(&self) -> u64 {
        self.seq
    }

    /// The server DN RopGetOwningServers reports.
    pub fn server_dn(&self) -> &str {
        &self.server_dn
    }

    /// Sets the server DN RopGetOwningServers reports.
    pub fn set_server_dn(&mut self, dn: impl Into<String>) {
        self.server_dn = dn.into();
    }

    // ---- ids ----

    pub(super) fn alloc_counter(&mut self) -> u64 {
        let c = self.next_counter;
        self.next_counter += 1;
        c
    }

    pub(super) fn touch(&mut self) -> FileTime {
        self.seq += 1;
        // Ten milliseconds per change keeps generated times apart yet deterministic.
        self.clock = FileTime(self.clock.0 + 100_000);
        self.clock
    }

    /// The FolderId of counter `c` in this store.
    pub fn fid(c: u64) -> FolderId {
        FolderId::new(OWN_REPLID, GlobalCounter::from_u64(c).unwrap_or_default())
    }

    /// The MessageId of counter `c` in this store.
    pub fn mid(c: u64) -> MessageId {
        MessageId::new(OWN_REPLID, GlobalCounter::from_u64(c).unwrap_or_default())
    }

    pub(super) fn folder_counter(&self, fid: FolderId) -> Result<u64, ErrorCode> {
        if fid.replica_id() != OWN_REPLID {
            return Err(ErrorCode::NOT_FOUND);
        }
        let c = fid.global_counter().value();
        if self.folders.contains_key(&c) {
            Ok(c)
        } else {
            Err(ErrorCode::NOT_FOUND)
        }
    }

    pub(super) fn message_counter(&self, mid: MessageId) -> Result<u64, ErrorCode> {
        if mid.replica_id() != OWN_REPLID {
            return Err(ErrorCode::NOT_FOUND);
        }
        let c = mid.global_counter().value();
        if self.messages.contains_key(&c) {
            Ok(c)
        } else {
            Err(ErrorCode::NOT_FOUND)
        }
    }

    /// The FolderId of a special folder, if this store has it.
    pub fn special_folder(&self, which: SpecialFolder) -> Option<FolderId> {
        self.special.get(&which).map(|c| Self::fid(*c))
    }

    /// The 13 FolderIds of the RopLogon response, in the order MS-OXCSTOR 2.2.1.1.3 (private)
    /// or 2.2.1.1.4 (public, with the 4 reserved IDs zero) gives them.
    pub fn special_folder_ids(&self) -> [FolderId; 13] {
        let mut out = [FolderId(0); 13];
        if self.is_public() {
            for (slot, which) in out.iter_mut().zip(SpecialFolder::PUBLIC_LOGON) {
                *slot = self.special_folder(which).unwrap_or_default();
            }
        } else {
            for (slot, which) in out.iter_mut().zip(SpecialFolder::PRIVATE_LOGON) {
                *slot = self.special_folder(which).unwrap_or_default();
            }
        }
        out
    }

    /// Whether `fid` is one of the store's special folders (they cannot be deleted or moved).
    pub fn is_special(&self, fid: FolderId) -> bool {
        fid.replica_id() == OWN_REPLID
            && self
                .special
                .values()
                .any(|c| *c == fid.global_counter().value())
    }

    /// MS-OXCDATA 2.2.4.1 Folder EntryID of `fid` (the folder need not exist).
    pub fn folder_entry_id(&self, fid: FolderId) -> FolderEntryId {
        let (uid, ty) = if self.is_public() {
            (MapiUid::PUBLIC_FOLDERS, StoreObjectType::PUBLIC_FOLDER)
        } else {
            (
                MapiUid::from_guid(&self.mailbox_guid),
                StoreObjectType::PRIVATE_FOLDER,
            )
        };
        FolderEntryId::new(uid, ty, self.gid(fid.replica_id(), fid.global_counter()))
    }

    /// MS-OXCDATA 2.2.4.2 Message EntryID of `mid` in folder `fid`.
    pub fn message_entry_id(&self, fid: FolderId, mid: MessageId) -> MessageEntryId {
        let (uid, ty) = if self.is_public() {
            (MapiUid::PUBLIC_FOLDERS, StoreObjectType::PUBLIC_MESSAGE)
        } else {
            (
                MapiUid::from_guid(&self.mailbox_guid),
                StoreObjectType::PRIVATE_MESSAGE,
            )
        };
        MessageEntryId::new(
            uid,
            ty,
            self.gid(fid.replica_id(), fid.global_counter()),
            self.gid(mid.replica_id(), mid.global_counter()),
        )
    }

    fn gid(&self, replid: u16, gc: GlobalCounter) -> GlobalIdentifier {
        GlobalIdentifier {
            database_guid: self.replica_guid(replid).unwrap_or_default(),
            global_counter: gc,
        }
    }

    pub(super) fn folder_entry_id_bytes(&self, c: u64) -> Vec<u8> {
        self.folder_entry_id(Self::fid(c))
            .to_bytes()
            .unwrap_or_default()
    }

    /// Resolves a Folder EntryID of this store to its FolderId (ecInvalidEntryId when it names
    /// another store, ecNotFound when the folder does not exist).
    pub fn folder_from_entry_id(&self, bytes: &[u8]) -> Result<FolderId, ErrorCode> {
        let e = FolderEntryId::from_bytes(bytes).map_err(|_| ErrorCode::INVALID_ENTRY_ID)?;
        let expected = self.folder_entry_id(FolderId(0));
        if e.provider_uid != expected.provider_uid {
            return Err(ErrorCode::INVALID_ENTRY_ID);
        }
        let replid = self.replid_of(e.folder.database_guid)?;
        let fid = FolderId::new(replid, e.folder.global_counter);
        self.folder_counter(fid)?;
        Ok(fid)
    }

    /// Resolves a Message EntryID of this store to (folder, message).
    pub fn message_from_entry_id(&self, bytes: &[u8]) -> Result<(FolderId, MessageId), ErrorCode> {
        let e = MessageEntryId::from_bytes(bytes).map_err(|_| ErrorCode::INVALID_ENTRY_ID)?;
        let expected = self.folder_entry_id(FolderId(0));
        if e.provider_uid != expected.provider_uid {
            return Err(ErrorCode::INVALID_ENTRY_ID);
        }
        let fid = FolderId::new(
            self.replid_of(e.folder.database_guid)?,
            e.folder.global_counter,
        );
        let mid = MessageId::new(
            self.replid_of(e.message.database_guid)?,
            e.message.global_counter,
        );
        let c = self.message_counter(mid)?;
        if self.messages.get(&c).map(|m| m.folder) != Some(fid.global_counter().value()) {
            return Err(ErrorCode::NOT_FOUND);
        }
        Ok((fid, mid))
    }

    // ---- replica ids and long-term ids (MS-OXCSTOR 2.2.1.8 - 2.2.1.10) ----

    /// The GUID of replica `replid` (RopGetReplicaId's inverse; ReplId 1 is this store).
    pub fn replica_guid(&self, replid: u16) -> Option<Uuid> {
        usize::from(replid)
            .checked_sub(1)
            .and_then(|i| self.replicas.get(i))
            .copied()
    }

    /// The ReplId of a replica GUID, if mapped (ecNotFound otherwise).
    pub fn replid_of(&self, guid: Uuid) -> Result<u16, ErrorCode> {
        self.replicas
            .iter()
            .position(|g| *g == guid)
            .and_then(|i| u16::try_from(i + 1).ok())
            .ok_or(ErrorCode::NOT_FOUND)
    }

    /// The ReplId of a GUID, mapping it to a new ReplId when it is new (what
    /// RopIdFromLongTermId does for GUIDs of other stores).
    pub fn map_replica(&mut self, guid: Uuid) -> Result<u16, ErrorCode> {
        if let Ok(r) = self.replid_of(guid) {
            return Ok(r);
        }
        let r = u16::try_from(self.replicas.len() + 1).map_err(|_| ErrorCode::OUT_OF_MEMORY)?;
        if r == u16::MAX {
            return Err(ErrorCode::OUT_OF_MEMORY);
        }
        self.replicas.push(guid);
        Ok(r)
    }

    /// RopLongTermIdFromId: the LongTermId of a Folder or Message ID (as its u64). ecNotFound
    /// for a ReplId that is not mapped.
    pub fn long_term_id(&self, object_id: u64) -> Result<LongTermId, ErrorCode> {
        let id = FolderId(object_id);
        let guid = self
            .replica_guid(id.replica_id())
            .ok_or(ErrorCode::NOT_FOUND)?;
        Ok(LongTermId::new(guid, id.global_counter()))
    }

    /// RopIdFromLongTermId: the Folder/Message ID (u64) of a LongTermId. A GUID the store
    /// has not seen gets a new ReplId. A non-zero Pad or a zero counter is ecInvalidParam.
    pub fn id_from_long_term_id(&mut self, ltid: &LongTermId) -> Result<u64, ErrorCode> {
        if ltid.global_counter.value() == 0 || ltid.database_guid.is_nil() {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        let replid = self.map_replica(ltid.database_guid)?;
        Ok(FolderId::new(replid, ltid.global_counter).0)
    }

    // ---- receive folders (MS-OXCSTOR 2.2.1.2 - 2.2.1.4) ----

    fn valid_class(class: &str) -> bool {
        class.len() < 255
            && class.bytes().all(|b| (32..=126).contains(&b))
            && !class.starts_with('.')
            && !class.ends_with('.')
            && !class.contains("..")
    }

    /// RopGetReceiveFolder: the folder for `message_class` and the class that matched
    /// (the longest configured prefix at a dot boundary, else the default ""). An invalid
    /// class string is ecInvalidParam.
    pub fn get_receive_folder(&self, message_class: &str) -> Result<(FolderId, String), ErrorCode> {
        if self.is_public() {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        if !message_class.is_empty() && !Self::valid_class(message_class) {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        let mut probe = message_class.to_ascii_uppercase();
        loop {
            if let Some(r) = self.receive.get(&probe) {
                return Ok((r.folder, r.message_class.clone()));
            }
            if probe.is_empty() {
                return Err(ErrorCode::NOT_FOUND);
            }
            match probe.rfind('.') {
                Some(i) => probe.truncate(i),
                None => probe.clear(),
            }
        }
    }

    /// RopSetReceiveFolder. `folder` zero removes the entry. The default entry (""), "IPM" and
    /// "REPORT.IPM" cannot be removed (ecAccessDenied), nor can "IPC" be changed; an invalid
    /// class is ecInvalidParam; a folder that does not exist is ecNotFound.
    pub fn set_receive_folder(
        &mut self,
        message_class: &str,
        folder: FolderId,
    ) -> Result<(), ErrorCode> {
        if self.is_public() {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        if !message_class.is_empty() && !Self::valid_class(message_class) {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        let key = message_class.to_ascii_uppercase();
        if key == "IPC" {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        if folder.0 == 0 {
            if key.is_empty() || key == "IPM" || key == "REPORT.IPM" {
                return Err(ErrorCode::ACCESS_DENIED);
            }
            self.receive.remove(&key);
            self.touch();
            return Ok(());
        }
        self.folder_counter(folder)?;
        let modified = self.touch();
        self.receive.insert(
            key,
            ReceiveFolder {
                message_class: message_class.to_owned(),
                folder,
                modified,
            },
        );
        Ok(())
    }

    /// RopGetReceiveFolderTable rows: every entry (FolderId, class, modification time).
    pub fn receive_folder_table(&self) -> Vec<ReceiveFolder> {
        self.receive.values().cloned().collect()
    }

    // ---- per-user information (MS-OXCSTOR 2.2.1.11 - 2.2.1.14) ----

    /// RopReadPerUserInformation: up to `max` bytes from `offset` of the data stored for the
    /// folder `ltid`, and whether that reaches the end. No data: empty and finished.
    pub fn read_per_user(
        &self,
        ltid: &LongTermId,
        offset: u32,
        max: u16,
    ) -> Result<(bool, Vec<u8>), ErrorCode> {
        let Some(d) = self.per_user.get(ltid) else {
            return Ok((true, Vec::new()));
        };
        let start = usize::try_from(offset).map_err(|_| ErrorCode::INVALID_PARAMETER)?;
        if start > d.data.len() {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        let end = start.saturating_add(usize::from(max)).min(d.data.len());
        let chunk = d.data.get(start..end).unwrap_or_default().to_vec();
        Ok((end == d.data.len(), chunk))
    }

    /// RopWritePerUserInformation: writes `data` at `offset` (0 starts over; any other
    /// offset must be the current length, else ecInvalidParam). `repl_guid` is required on
    /// the first write to a private mailbox.
    pub fn write_per_user(
        &mut self,
        ltid: &LongTermId,
        has_finished: bool,
        offset: u32,
        data: &[u8],
        repl_guid: Option<Uuid>,
    ) -> Result<(), ErrorCode> {
        let entry = self.per_user.entry(*ltid).or_default();
        let off = usize::try_from(offset).map_err(|_| ErrorCode::INVALID_PARAMETER)?;
        if off == 0 {
            entry.data.clear();
            if let Some(g) = repl_guid {
                entry.repl_guid = g;
            }
        } else if off != entry.data.len() {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        entry.data.extend_from_slice(data);
        entry.complete = has_finished;
        self.touch();
        Ok(())
    }

    /// RopGetPerUserLongTermIds: the folders with per-user data from the store `database`.
    pub fn per_user_long_term_ids(&self, database: Uuid) -> Result<Vec<LongTermId>, ErrorCode> {
        if self.is_public() {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        let mut v: Vec<LongTermId> = self
            .per_user
            .iter()
            .filter(|(_, d)| d.repl_guid == database)
            .map(|(k, _)| *k)
            .collect();
        v.sort_by_key(|l| (l.database_guid, l.global_counter));
        Ok(v)
    }

    /// RopGetPerUserGuid: the store GUID the data for `ltid` came from (ecNotFound if none).
    pub fn per_user_guid(&self, ltid: &LongTermId) -> Result<Uuid, ErrorCode> {
        if self.is_public() {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        self.per_user
            .get(ltid)
            .map(|d| d.repl_guid)
            .ok_or(ErrorCode::NOT_FOUND)
    }

    // ---- public folder replicas (MS-OXCSTOR 2.2.1.6 / 2.2.1.7) ----

    /// RopGetOwningServers: the servers holding a replica of `fid` and how many of them are
    /// cheap to reach. This store holds every replica itself. Private store: ecNotSupported.
    pub fn owning_servers(&self, fid: FolderId) -> Result<(Vec<String>, u16), ErrorCode> {
        if !self.is_public() {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        self.folder_counter(fid)?;
        Ok((vec![self.server_dn.clone()], 1))
    }

    /// RopPublicFolderIsGhosted: whether `fid` has no local replica (never here: every
    /// public folder is local). Private store: ecNotSupported.
    pub fn is_ghosted(&self, fid: FolderId) -> Result<bool, ErrorCode> {
        if !self.is_public() {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        self.folder_counter(fid)?;
        Ok(false)
    }

    // ---- named properties ----

    /// The store's named property map (RopGetPropertyIdsFromNames and friends).
    pub fn named_props(&self) -> &NamedProps {
        &self.named
    }

    /// The named property map, to allocate ids.
    pub fn named_props_mut(&mut self) -> &mut NamedProps {
        &mut self.named
    }

    // ---- store (logon) properties ----

    pub(super) fn store_computed(&self, tag: PropertyTag) -> Option<PropertyValue> {
        let id = tag.id();
        let entry = |sf: SpecialFolder| {
            self.special
                .get(&sf)
                .map(|c| PropertyValue::binary(self.folder_entry_id_bytes(*c)))
        };
        let v = match id {
            _ if id == t::PID_TAG_DISPLAY_NAME.id() => PropertyValue::string(match &self.kind {
                StoreKind::Private { display_name, .. } => format!("Mailbox - {display_name}"),
                StoreKind::Public => String::from("Public Folders"),
            }),
            _ if id == t::PID_TAG_MAILBOX_OWNER_NAME.id() => match &self.kind {
                StoreKind::Private { display_name, .. } => {
                    PropertyValue::string(display_name.clone())
                }
                StoreKind::Public => return None,
            },
            _ if id == t::PID_TAG_STORE_RECORD_KEY.id() || id == t::PID_TAG_RECORD_KEY.id() => {
                PropertyValue::binary(self.mailbox_guid.to_bytes_le().to_vec())
            }
            _ if id == t::PID_TAG_OBJECT_TYPE.id() => PropertyValue::Integer32(1),
            _ if id == t::PID_TAG_STORE_SUPPORT_MASK.id() => {
                // STORE_ENTRYID_UNIQUE | READONLY? no | MODIFY | CREATE | ATTACH | OLE |
                // NOTIFY | MV_PROPS | CATEGORIZE | RTF | RESTRICTION | SORT | HTML | UNICODE
                // | SEARCH | SUBMIT (private only): the bits Exchange sets.
                let base = 0x0004_0000
                    | 0x0000_0001
                    | 0x0000_0010
                    | 0x0000_0020
                    | 0x0000_0040
                    | 0x0000_0100
                    | 0x0000_0200
                    | 0x0000_0400
                    | 0x0000_0800
                    | 0x0000_1000
                    | 0x0000_2000
                    | 0x0001_0000
                    | 0x0000_0008;
                PropertyValue::Integer32(if self.is_public() {
                    base
                } else {
                    base | 0x0000_0004
                })
            }
            _ if id == t::PID_TAG_VALID_FOLDER_MASK.id() => {
                if self.is_public() {
                    return None;
                }
                PropertyValue::Integer32(0xFF)
            }
            _ if id == t::PID_TAG_IPM_SUBTREE_ENTRY_ID.id() => entry(if self.is_public() {
                SpecialFolder::PublicIpmSubtree
            } else {
                SpecialFolder::IpmSubtree
            })?,
            _ if id == t::PID_TAG_NON_IPM_SUBTREE_ENTRY_ID.id() => {
                entry(SpecialFolder::NonIpmSubtree)?
            }
            _ if id == t::PID_TAG_IPM_OUTBOX_ENTRY_ID.id() => entry(SpecialFolder::Outbox)?,
            _ if id == t::PID_TAG_IPM_WASTEBASKET_ENTRY_ID.id() => {
                entry(SpecialFolder::DeletedItems)?
            }
            _ if id == t::PID_TAG_IPM_SENT_MAIL_ENTRY_ID.id() => entry(SpecialFolder::SentItems)?,
            _ if id == t::PID_TAG_VIEWS_ENTRY_ID.id() => entry(SpecialFolder::Views)?,
            _ if id == t::PID_TAG_COMMON_VIEWS_ENTRY_ID.id() => entry(SpecialFolder::CommonViews)?,
            _ if id == t::PID_TAG_FINDER_ENTRY_ID.id() => entry(SpecialFolder::Finder)?,
            _ if id == t::PID_TAG_SCHEDULE_PLUS_FREE_BUSY_ENTRY_ID.id() => {
                entry(SpecialFolder::FreeBusy)?
            }
            _ => return None,
        };
        Some(v)
    }
}

/// Folder lookups that never fail on the caller's input (the counter came from the store).
impl Mailbox {
    pub(super) fn folder(&self, c: u64) -> Result<&Folder, ErrorCode> {
        self.folders.get(&c).ok_or(ErrorCode::NOT_FOUND)
    }

    pub(super) fn folder_mut(&mut self, c: u64) -> Result<&mut Folder, ErrorCode> {
        self.folders.get_mut(&c).ok_or(ErrorCode::NOT_FOUND)
    }

    pub(super) fn new_folder(
        &mut self,
        counter: u64,
        parent: Option<u64>,
        name: &str,
        kind: FolderKind,
        class: Option<&str>,
    ) -> u64 {
        let now = self.touch();
        let cn = self.alloc_counter();
        let mut props = PropBag::new();
        props.put(t::PID_TAG_DISPLAY_NAME, name);
        if let Some(c) = class {
            props.put(t::PID_TAG_CONTAINER_CLASS, c);
        }
        props.put(t::PID_TAG_FOLDER_TYPE, kind.folder_type());
        self.folders.insert(
            counter,
            Folder {
                counter,
                parent,
                props,
                kind,
                children: Default::default(),
                normal: Default::default(),
                fai: Default::default(),
                search: None,
                change_number: cn,
                created: now,
                modified: now,
            },
        );
        if let Some(p) = parent
            && let Some(pf) = self.folders.get_mut(&p)
        {
            pf.children.insert(counter);
        }
        counter
    }
}
