//! The data the store keeps: folders, messages, recipients, attachments, and the small
//! per-store tables (receive folders, per-user data, search criteria).

use std::collections::BTreeSet;

use crate::wire::FileTime;
use crate::wire::entry_id::FolderId;
use crate::wire::restriction::Restriction;

use super::props::PropBag;

/// A message body as stored: properties plus its recipient and attachment tables.
/// Also the content of an embedded message inside an attachment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageContent {
    /// The message's own properties.
    pub props: PropBag,
    /// The recipient table, in row-id order.
    pub recipients: Vec<Recipient>,
    /// The attachment table, in attachment-number order.
    pub attachments: Vec<Attachment>,
    /// Next PidTagAttachNumber to give out (numbers are never reused within a message).
    pub next_attach_num: u32,
}

/// One row of a message's recipient table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recipient {
    /// RowId (PidTagRowid): the client-chosen row number of RopModifyRecipients.
    pub row_id: u32,
    /// The recipient's properties (PidTagRecipientType, PidTagDisplayName ...).
    pub props: PropBag,
}

/// One attachment of a message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attachment {
    /// PidTagAttachNumber.
    pub num: u32,
    /// The attachment's properties.
    pub props: PropBag,
    /// The embedded message, for PidTagAttachMethod afEmbeddedMessage (5).
    pub embedded: Option<Box<MessageContent>>,
}

/// MS-OXCFOLD 2.2.1.2.1 FolderType of RopCreateFolder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderKind {
    /// FOLDER_GENERIC (1).
    Generic,
    /// FOLDER_SEARCH (2).
    Search,
    /// The root of a store (FOLDER_ROOT, 0); never created by clients.
    Root,
}

impl FolderKind {
    /// PidTagFolderType value.
    pub fn folder_type(self) -> i32 {
        match self {
            Self::Root => 0,
            Self::Generic => 1,
            Self::Search => 2,
        }
    }
}

/// MS-OXCFOLD 2.2.1.4.1 SetSearchCriteria: what a search folder holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchCriteria {
    /// The restriction messages must satisfy (`None`: every message).
    pub restriction: Option<Restriction>,
    /// The folders searched.
    pub folders: Vec<FolderId>,
    /// SearchFlags as the client last set them (RESTART_SEARCH 0x02, RECURSIVE_SEARCH 0x04 ...).
    pub flags: u32,
}

impl SearchCriteria {
    /// RECURSIVE_SEARCH: subfolders of the listed folders are searched too.
    pub const RECURSIVE_SEARCH: u32 = 0x0000_0004;
    /// STOP_SEARCH.
    pub const STOP_SEARCH: u32 = 0x0000_0001;
}

/// MS-OXCFOLD 2.2.1.5.2 SearchFlags returned by RopGetSearchCriteria.
pub mod search_state {
    /// SEARCH_RUNNING.
    pub const RUNNING: u32 = 0x0000_0001;
    /// SEARCH_REBUILD.
    pub const REBUILD: u32 = 0x0000_0002;
    /// SEARCH_RECURSIVE.
    pub const RECURSIVE: u32 = 0x0000_0004;
    /// SEARCH_COMPLETE.
    pub const COMPLETE: u32 = 0x0000_1000;
    /// SEARCH_STATIC.
    pub const STATIC: u32 = 0x0001_0000;
}

/// One folder of a store. Ids are the global counters of the store's own replica (ReplId 1).
#[derive(Debug, Clone)]
pub struct Folder {
    /// This folder's global counter.
    pub counter: u64,
    /// The parent folder's counter; `None` for the store root.
    pub parent: Option<u64>,
    /// Stored properties (PidTagDisplayName, PidTagContainerClass, PidTagComment ...).
    pub props: PropBag,
    /// Generic, search or root.
    pub kind: FolderKind,
    /// Subfolders, in creation order.
    pub children: BTreeSet<u64>,
    /// Normal messages, in creation order.
    pub normal: BTreeSet<u64>,
    /// Folder associated information (FAI) messages, in creation order.
    pub fai: BTreeSet<u64>,
    /// Search criteria (search folders only, once set).
    pub search: Option<SearchCriteria>,
    /// Change number of the last change.
    pub change_number: u64,
    /// PidTagCreationTime.
    pub created: FileTime,
    /// PidTagLastModificationTime.
    pub modified: FileTime,
}

/// A saved message in a folder.
#[derive(Debug, Clone)]
pub struct StoredMessage {
    /// This message's global counter.
    pub counter: u64,
    /// The folder holding it.
    pub folder: u64,
    /// Whether it is an FAI message.
    pub associated: bool,
    /// Properties, recipients, attachments.
    pub content: MessageContent,
    /// Change number of the last save.
    pub change_number: u64,
    /// MS-OXCMSG 2.2.3.8 PidTagMessageStatus bits (not transmitted with the message).
    pub status: u32,
}

/// A receive folder table entry (MS-OXCSTOR 2.2.1.4.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiveFolder {
    /// The message class as the client set it.
    pub message_class: String,
    /// The folder messages of that class go to.
    pub folder: FolderId,
    /// When the entry was last set.
    pub modified: FileTime,
}

/// MS-OXCMSG 2.2.1.6 PidTagMessageFlags bits the store maintains.
pub mod message_flags {
    /// mfRead.
    pub const READ: i32 = 0x0000_0001;
    /// mfUnmodified.
    pub const UNMODIFIED: i32 = 0x0000_0002;
    /// mfSubmitted.
    pub const SUBMITTED: i32 = 0x0000_0004;
    /// mfUnsent.
    pub const UNSENT: i32 = 0x0000_0008;
    /// mfHasAttach.
    pub const HAS_ATTACH: i32 = 0x0000_0010;
    /// mfFromMe.
    pub const FROM_ME: i32 = 0x0000_0020;
    /// mfFAI.
    pub const FAI: i32 = 0x0000_0040;
    /// mfNotifyRead.
    pub const NOTIFY_READ: i32 = 0x0000_0100;
    /// mfNotifyUnread.
    pub const NOTIFY_UNREAD: i32 = 0x0000_0200;
    /// mfEverRead.
    pub const EVER_READ: i32 = 0x0000_0400;
    /// mfInternet.
    pub const INTERNET: i32 = 0x0000_2000;
}

/// MS-OXCMSG 2.2.3.10.1 ReadFlags of RopSetReadFlags / RopSetMessageReadFlag.
pub mod read_flags {
    /// rfSuppressReceipt.
    pub const SUPPRESS_RECEIPT: u8 = 0x01;
    /// rfClearReadFlag.
    pub const CLEAR_READ_FLAG: u8 = 0x04;
    /// rfGenerateReceiptOnly.
    pub const GENERATE_RECEIPT_ONLY: u8 = 0x10;
    /// rfClearNotifyRead.
    pub const CLEAR_NOTIFY_READ: u8 = 0x20;
    /// rfClearNotifyUnread.
    pub const CLEAR_NOTIFY_UNREAD: u8 = 0x40;
}

/// MS-OXCMSG 2.2.1.46.1 PidTagAttachMethod values the store looks at.
pub mod attach_method {
    /// afByValue.
    pub const BY_VALUE: i32 = 0x0001;
    /// afEmbeddedMessage.
    pub const EMBEDDED_MESSAGE: i32 = 0x0005;
}
