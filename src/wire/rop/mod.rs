//! ROP buffers and the remote operations of MS-OXCROPS.
//!
//! A ROP request or response cannot always be decoded alone: a response's layout can depend
//! on its request (RopLogon private or public, the tags of RopGetPropertiesSpecific) and on
//! session state (the columns set on a table before RopQueryRows). Every ROP is therefore a
//! [`Rop`]: its request type decodes alone, and decodes its own response given a
//! [`ResponseContext`] that the caller (the session, or a buffer walker that saw the
//! RopSetColumns) fills in.

/// Declares a flags newtype over a wire integer with named constants; unknown bits survive a
/// round trip because the value is kept whole.
macro_rules! flags_newtype {
    ($(#[$doc:meta])* $name:ident($t:ty) { $($(#[$cdoc:meta])* $c:ident = $v:expr),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub $t);

        impl $name {
            $($(#[$cdoc])* pub const $c: $name = $name($v);)*

            /// Whether every bit of `other` is set.
            pub const fn contains(self, other: $name) -> bool {
                self.0 & other.0 == other.0
            }
        }
    };
}

pub mod any;
pub mod buffer;
pub mod folder;
pub mod message;
pub mod notify;
pub mod property;
pub mod special;
pub mod store;
pub mod stream;
pub mod table;
pub mod transport;

use bytes::BufMut;
use serde::Serialize;

use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, PResult};
use crate::wire::primitives::{u8 as le_u8, u32 as le_u32};
use crate::wire::property::PropertyTag;

/// MS-OXCROPS 2.2: the RopId byte that starts every ROP request and response. A newtype so
/// unknown ids survive a round trip.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RopId(pub u8);

impl RopId {
    /// RopRelease (0x01).
    pub const RELEASE: RopId = RopId(0x01);
    /// RopOpenFolder (0x02).
    pub const OPEN_FOLDER: RopId = RopId(0x02);
    /// RopOpenMessage (0x03).
    pub const OPEN_MESSAGE: RopId = RopId(0x03);
    /// RopGetHierarchyTable (0x04).
    pub const GET_HIERARCHY_TABLE: RopId = RopId(0x04);
    /// RopGetContentsTable (0x05).
    pub const GET_CONTENTS_TABLE: RopId = RopId(0x05);
    /// RopCreateMessage (0x06).
    pub const CREATE_MESSAGE: RopId = RopId(0x06);
    /// RopGetPropertiesSpecific (0x07).
    pub const GET_PROPERTIES_SPECIFIC: RopId = RopId(0x07);
    /// RopGetPropertiesAll (0x08).
    pub const GET_PROPERTIES_ALL: RopId = RopId(0x08);
    /// RopGetPropertiesList (0x09).
    pub const GET_PROPERTIES_LIST: RopId = RopId(0x09);
    /// RopSetProperties (0x0A).
    pub const SET_PROPERTIES: RopId = RopId(0x0A);
    /// RopDeleteProperties (0x0B).
    pub const DELETE_PROPERTIES: RopId = RopId(0x0B);
    /// RopSaveChangesMessage (0x0C).
    pub const SAVE_CHANGES_MESSAGE: RopId = RopId(0x0C);
    /// RopRemoveAllRecipients (0x0D).
    pub const REMOVE_ALL_RECIPIENTS: RopId = RopId(0x0D);
    /// RopModifyRecipients (0x0E).
    pub const MODIFY_RECIPIENTS: RopId = RopId(0x0E);
    /// RopReadRecipients (0x0F).
    pub const READ_RECIPIENTS: RopId = RopId(0x0F);
    /// RopReloadCachedInformation (0x10).
    pub const RELOAD_CACHED_INFORMATION: RopId = RopId(0x10);
    /// RopSetMessageReadFlag (0x11).
    pub const SET_MESSAGE_READ_FLAG: RopId = RopId(0x11);
    /// RopSetColumns (0x12).
    pub const SET_COLUMNS: RopId = RopId(0x12);
    /// RopSortTable (0x13).
    pub const SORT_TABLE: RopId = RopId(0x13);
    /// RopRestrict (0x14).
    pub const RESTRICT: RopId = RopId(0x14);
    /// RopQueryRows (0x15).
    pub const QUERY_ROWS: RopId = RopId(0x15);
    /// RopGetStatus (0x16).
    pub const GET_STATUS: RopId = RopId(0x16);
    /// RopQueryPosition (0x17).
    pub const QUERY_POSITION: RopId = RopId(0x17);
    /// RopSeekRow (0x18).
    pub const SEEK_ROW: RopId = RopId(0x18);
    /// RopSeekRowBookmark (0x19).
    pub const SEEK_ROW_BOOKMARK: RopId = RopId(0x19);
    /// RopSeekRowFractional (0x1A).
    pub const SEEK_ROW_FRACTIONAL: RopId = RopId(0x1A);
    /// RopCreateBookmark (0x1B).
    pub const CREATE_BOOKMARK: RopId = RopId(0x1B);
    /// RopCreateFolder (0x1C).
    pub const CREATE_FOLDER: RopId = RopId(0x1C);
    /// RopDeleteFolder (0x1D).
    pub const DELETE_FOLDER: RopId = RopId(0x1D);
    /// RopDeleteMessages (0x1E).
    pub const DELETE_MESSAGES: RopId = RopId(0x1E);
    /// RopGetMessageStatus (0x1F).
    pub const GET_MESSAGE_STATUS: RopId = RopId(0x1F);
    /// RopSetMessageStatus (0x20).
    pub const SET_MESSAGE_STATUS: RopId = RopId(0x20);
    /// RopGetAttachmentTable (0x21).
    pub const GET_ATTACHMENT_TABLE: RopId = RopId(0x21);
    /// RopOpenAttachment (0x22).
    pub const OPEN_ATTACHMENT: RopId = RopId(0x22);
    /// RopCreateAttachment (0x23).
    pub const CREATE_ATTACHMENT: RopId = RopId(0x23);
    /// RopDeleteAttachment (0x24).
    pub const DELETE_ATTACHMENT: RopId = RopId(0x24);
    /// RopSaveChangesAttachment (0x25).
    pub const SAVE_CHANGES_ATTACHMENT: RopId = RopId(0x25);
    /// RopSetReceiveFolder (0x26).
    pub const SET_RECEIVE_FOLDER: RopId = RopId(0x26);
    /// RopGetReceiveFolder (0x27).
    pub const GET_RECEIVE_FOLDER: RopId = RopId(0x27);
    /// RopRegisterNotification (0x29).
    pub const REGISTER_NOTIFICATION: RopId = RopId(0x29);
    /// RopNotify (0x2A).
    pub const NOTIFY: RopId = RopId(0x2A);
    /// RopOpenStream (0x2B).
    pub const OPEN_STREAM: RopId = RopId(0x2B);
    /// RopReadStream (0x2C).
    pub const READ_STREAM: RopId = RopId(0x2C);
    /// RopWriteStream (0x2D).
    pub const WRITE_STREAM: RopId = RopId(0x2D);
    /// RopSeekStream (0x2E).
    pub const SEEK_STREAM: RopId = RopId(0x2E);
    /// RopSetStreamSize (0x2F).
    pub const SET_STREAM_SIZE: RopId = RopId(0x2F);
    /// RopSetSearchCriteria (0x30).
    pub const SET_SEARCH_CRITERIA: RopId = RopId(0x30);
    /// RopGetSearchCriteria (0x31).
    pub const GET_SEARCH_CRITERIA: RopId = RopId(0x31);
    /// RopSubmitMessage (0x32).
    pub const SUBMIT_MESSAGE: RopId = RopId(0x32);
    /// RopMoveCopyMessages (0x33).
    pub const MOVE_COPY_MESSAGES: RopId = RopId(0x33);
    /// RopAbortSubmit (0x34).
    pub const ABORT_SUBMIT: RopId = RopId(0x34);
    /// RopMoveFolder (0x35).
    pub const MOVE_FOLDER: RopId = RopId(0x35);
    /// RopCopyFolder (0x36).
    pub const COPY_FOLDER: RopId = RopId(0x36);
    /// RopQueryColumnsAll (0x37).
    pub const QUERY_COLUMNS_ALL: RopId = RopId(0x37);
    /// RopAbort (0x38).
    pub const ABORT: RopId = RopId(0x38);
    /// RopCopyTo (0x39).
    pub const COPY_TO: RopId = RopId(0x39);
    /// RopCopyToStream (0x3A).
    pub const COPY_TO_STREAM: RopId = RopId(0x3A);
    /// RopCloneStream (0x3B).
    pub const CLONE_STREAM: RopId = RopId(0x3B);
    /// RopGetPermissionsTable (0x3E).
    pub const GET_PERMISSIONS_TABLE: RopId = RopId(0x3E);
    /// RopGetRulesTable (0x3F).
    pub const GET_RULES_TABLE: RopId = RopId(0x3F);
    /// RopModifyPermissions (0x40).
    pub const MODIFY_PERMISSIONS: RopId = RopId(0x40);
    /// RopModifyRules (0x41).
    pub const MODIFY_RULES: RopId = RopId(0x41);
    /// RopGetOwningServers (0x42).
    pub const GET_OWNING_SERVERS: RopId = RopId(0x42);
    /// RopLongTermIdFromId (0x43).
    pub const LONG_TERM_ID_FROM_ID: RopId = RopId(0x43);
    /// RopIdFromLongTermId (0x44).
    pub const ID_FROM_LONG_TERM_ID: RopId = RopId(0x44);
    /// RopPublicFolderIsGhosted (0x45).
    pub const PUBLIC_FOLDER_IS_GHOSTED: RopId = RopId(0x45);
    /// RopOpenEmbeddedMessage (0x46).
    pub const OPEN_EMBEDDED_MESSAGE: RopId = RopId(0x46);
    /// RopSetSpooler (0x47).
    pub const SET_SPOOLER: RopId = RopId(0x47);
    /// RopSpoolerLockMessage (0x48).
    pub const SPOOLER_LOCK_MESSAGE: RopId = RopId(0x48);
    /// RopGetAddressTypes (0x49).
    pub const GET_ADDRESS_TYPES: RopId = RopId(0x49);
    /// RopTransportSend (0x4A).
    pub const TRANSPORT_SEND: RopId = RopId(0x4A);
    /// RopFastTransferSourceCopyMessages (0x4B).
    pub const FAST_TRANSFER_SOURCE_COPY_MESSAGES: RopId = RopId(0x4B);
    /// RopFastTransferSourceCopyFolder (0x4C).
    pub const FAST_TRANSFER_SOURCE_COPY_FOLDER: RopId = RopId(0x4C);
    /// RopFastTransferSourceCopyTo (0x4D).
    pub const FAST_TRANSFER_SOURCE_COPY_TO: RopId = RopId(0x4D);
    /// RopFastTransferSourceGetBuffer (0x4E).
    pub const FAST_TRANSFER_SOURCE_GET_BUFFER: RopId = RopId(0x4E);
    /// RopFindRow (0x4F).
    pub const FIND_ROW: RopId = RopId(0x4F);
    /// RopProgress (0x50).
    pub const PROGRESS: RopId = RopId(0x50);
    /// RopTransportNewMail (0x51).
    pub const TRANSPORT_NEW_MAIL: RopId = RopId(0x51);
    /// RopGetValidAttachments (0x52).
    pub const GET_VALID_ATTACHMENTS: RopId = RopId(0x52);
    /// RopFastTransferDestinationConfigure (0x53).
    pub const FAST_TRANSFER_DESTINATION_CONFIGURE: RopId = RopId(0x53);
    /// RopFastTransferDestinationPutBuffer (0x54).
    pub const FAST_TRANSFER_DESTINATION_PUT_BUFFER: RopId = RopId(0x54);
    /// RopGetNamesFromPropertyIds (0x55).
    pub const GET_NAMES_FROM_PROPERTY_IDS: RopId = RopId(0x55);
    /// RopGetPropertyIdsFromNames (0x56).
    pub const GET_PROPERTY_IDS_FROM_NAMES: RopId = RopId(0x56);
    /// RopUpdateDeferredActionMessages (0x57).
    pub const UPDATE_DEFERRED_ACTION_MESSAGES: RopId = RopId(0x57);
    /// RopEmptyFolder (0x58).
    pub const EMPTY_FOLDER: RopId = RopId(0x58);
    /// RopExpandRow (0x59).
    pub const EXPAND_ROW: RopId = RopId(0x59);
    /// RopCollapseRow (0x5A).
    pub const COLLAPSE_ROW: RopId = RopId(0x5A);
    /// RopLockRegions (0x5B).
    pub const LOCK_REGIONS: RopId = RopId(0x5B);
    /// RopUnlockRegions (0x5C).
    pub const UNLOCK_REGIONS: RopId = RopId(0x5C);
    /// RopCommitStream (0x5D).
    pub const COMMIT_STREAM: RopId = RopId(0x5D);
    /// RopGetStreamSize (0x5E).
    pub const GET_STREAM_SIZE: RopId = RopId(0x5E);
    /// RopQueryNamedProperties (0x5F).
    pub const QUERY_NAMED_PROPERTIES: RopId = RopId(0x5F);
    /// RopGetPerUserLongTermIds (0x60).
    pub const GET_PER_USER_LONG_TERM_IDS: RopId = RopId(0x60);
    /// RopGetPerUserGuid (0x61).
    pub const GET_PER_USER_GUID: RopId = RopId(0x61);
    /// RopReadPerUserInformation (0x63).
    pub const READ_PER_USER_INFORMATION: RopId = RopId(0x63);
    /// RopWritePerUserInformation (0x64).
    pub const WRITE_PER_USER_INFORMATION: RopId = RopId(0x64);
    /// RopSetReadFlags (0x66).
    pub const SET_READ_FLAGS: RopId = RopId(0x66);
    /// RopCopyProperties (0x67).
    pub const COPY_PROPERTIES: RopId = RopId(0x67);
    /// RopGetReceiveFolderTable (0x68).
    pub const GET_RECEIVE_FOLDER_TABLE: RopId = RopId(0x68);
    /// RopFastTransferSourceCopyProperties (0x69).
    pub const FAST_TRANSFER_SOURCE_COPY_PROPERTIES: RopId = RopId(0x69);
    /// RopGetCollapseState (0x6B).
    pub const GET_COLLAPSE_STATE: RopId = RopId(0x6B);
    /// RopSetCollapseState (0x6C).
    pub const SET_COLLAPSE_STATE: RopId = RopId(0x6C);
    /// RopGetTransportFolder (0x6D).
    pub const GET_TRANSPORT_FOLDER: RopId = RopId(0x6D);
    /// RopPending (0x6E).
    pub const PENDING: RopId = RopId(0x6E);
    /// RopOptionsData (0x6F).
    pub const OPTIONS_DATA: RopId = RopId(0x6F);
    /// RopSynchronizationConfigure (0x70).
    pub const SYNCHRONIZATION_CONFIGURE: RopId = RopId(0x70);
    /// RopSynchronizationImportMessageChange (0x72).
    pub const SYNCHRONIZATION_IMPORT_MESSAGE_CHANGE: RopId = RopId(0x72);
    /// RopSynchronizationImportHierarchyChange (0x73).
    pub const SYNCHRONIZATION_IMPORT_HIERARCHY_CHANGE: RopId = RopId(0x73);
    /// RopSynchronizationImportDeletes (0x74).
    pub const SYNCHRONIZATION_IMPORT_DELETES: RopId = RopId(0x74);
    /// RopSynchronizationUploadStateStreamBegin (0x75).
    pub const SYNCHRONIZATION_UPLOAD_STATE_STREAM_BEGIN: RopId = RopId(0x75);
    /// RopSynchronizationUploadStateStreamContinue (0x76).
    pub const SYNCHRONIZATION_UPLOAD_STATE_STREAM_CONTINUE: RopId = RopId(0x76);
    /// RopSynchronizationUploadStateStreamEnd (0x77).
    pub const SYNCHRONIZATION_UPLOAD_STATE_STREAM_END: RopId = RopId(0x77);
    /// RopSynchronizationImportMessageMove (0x78).
    pub const SYNCHRONIZATION_IMPORT_MESSAGE_MOVE: RopId = RopId(0x78);
    /// RopSetPropertiesNoReplicate (0x79).
    pub const SET_PROPERTIES_NO_REPLICATE: RopId = RopId(0x79);
    /// RopDeletePropertiesNoReplicate (0x7A).
    pub const DELETE_PROPERTIES_NO_REPLICATE: RopId = RopId(0x7A);
    /// RopGetStoreState (0x7B).
    pub const GET_STORE_STATE: RopId = RopId(0x7B);
    /// RopSynchronizationOpenCollector (0x7E).
    pub const SYNCHRONIZATION_OPEN_COLLECTOR: RopId = RopId(0x7E);
    /// RopGetLocalReplicaIds (0x7F).
    pub const GET_LOCAL_REPLICA_IDS: RopId = RopId(0x7F);
    /// RopSynchronizationImportReadStateChanges (0x80).
    pub const SYNCHRONIZATION_IMPORT_READ_STATE_CHANGES: RopId = RopId(0x80);
    /// RopResetTable (0x81).
    pub const RESET_TABLE: RopId = RopId(0x81);
    /// RopSynchronizationGetTransferState (0x82).
    pub const SYNCHRONIZATION_GET_TRANSFER_STATE: RopId = RopId(0x82);
    /// RopTellVersion (0x86).
    pub const TELL_VERSION: RopId = RopId(0x86);
    /// RopFreeBookmark (0x89).
    pub const FREE_BOOKMARK: RopId = RopId(0x89);
    /// RopWriteAndCommitStream (0x90).
    pub const WRITE_AND_COMMIT_STREAM: RopId = RopId(0x90);
    /// RopHardDeleteMessages (0x91).
    pub const HARD_DELETE_MESSAGES: RopId = RopId(0x91);
    /// RopHardDeleteMessagesAndSubfolders (0x92).
    pub const HARD_DELETE_MESSAGES_AND_SUBFOLDERS: RopId = RopId(0x92);
    /// RopSetLocalReplicaMidsetDeleted (0x93).
    pub const SET_LOCAL_REPLICA_MIDSET_DELETED: RopId = RopId(0x93);
    /// RopBackoff (0xF9).
    pub const BACKOFF: RopId = RopId(0xF9);
    /// RopLogon (0xFE).
    pub const LOGON: RopId = RopId(0xFE);
    /// RopBufferTooSmall (0xFF).
    pub const BUFFER_TOO_SMALL: RopId = RopId(0xFF);

    /// The ROP's name as MS-OXCROPS spells it, if the id is known.
    pub fn name(self) -> Option<&'static str> {
        Some(match self.0 {
            0x01 => "RopRelease",
            0x02 => "RopOpenFolder",
            0x03 => "RopOpenMessage",
            0x04 => "RopGetHierarchyTable",
            0x05 => "RopGetContentsTable",
            0x06 => "RopCreateMessage",
            0x07 => "RopGetPropertiesSpecific",
            0x08 => "RopGetPropertiesAll",
            0x09 => "RopGetPropertiesList",
            0x0A => "RopSetProperties",
            0x0B => "RopDeleteProperties",
            0x0C => "RopSaveChangesMessage",
            0x0D => "RopRemoveAllRecipients",
            0x0E => "RopModifyRecipients",
            0x0F => "RopReadRecipients",
            0x10 => "RopReloadCachedInformation",
            0x11 => "RopSetMessageReadFlag",
            0x12 => "RopSetColumns",
            0x13 => "RopSortTable",
            0x14 => "RopRestrict",
            0x15 => "RopQueryRows",
            0x16 => "RopGetStatus",
            0x17 => "RopQueryPosition",
            0x18 => "RopSeekRow",
            0x19 => "RopSeekRowBookmark",
            0x1A => "RopSeekRowFractional",
            0x1B => "RopCreateBookmark",
            0x1C => "RopCreateFolder",
            0x1D => "RopDeleteFolder",
            0x1E => "RopDeleteMessages",
            0x1F => "RopGetMessageStatus",
            0x20 => "RopSetMessageStatus",
            0x21 => "RopGetAttachmentTable",
            0x22 => "RopOpenAttachment",
            0x23 => "RopCreateAttachment",
            0x24 => "RopDeleteAttachment",
            0x25 => "RopSaveChangesAttachment",
            0x26 => "RopSetReceiveFolder",
            0x27 => "RopGetReceiveFolder",
            0x29 => "RopRegisterNotification",
            0x2A => "RopNotify",
            0x2B => "RopOpenStream",
            0x2C => "RopReadStream",
            0x2D => "RopWriteStream",
            0x2E => "RopSeekStream",
            0x2F => "RopSetStreamSize",
            0x30 => "RopSetSearchCriteria",
            0x31 => "RopGetSearchCriteria",
            0x32 => "RopSubmitMessage",
            0x33 => "RopMoveCopyMessages",
            0x34 => "RopAbortSubmit",
            0x35 => "RopMoveFolder",
            0x36 => "RopCopyFolder",
            0x37 => "RopQueryColumnsAll",
            0x38 => "RopAbort",
            0x39 => "RopCopyTo",
            0x3A => "RopCopyToStream",
            0x3B => "RopCloneStream",
            0x3E => "RopGetPermissionsTable",
            0x3F => "RopGetRulesTable",
            0x40 => "RopModifyPermissions",
            0x41 => "RopModifyRules",
            0x42 => "RopGetOwningServers",
            0x43 => "RopLongTermIdFromId",
            0x44 => "RopIdFromLongTermId",
            0x45 => "RopPublicFolderIsGhosted",
            0x46 => "RopOpenEmbeddedMessage",
            0x47 => "RopSetSpooler",
            0x48 => "RopSpoolerLockMessage",
            0x49 => "RopGetAddressTypes",
            0x4A => "RopTransportSend",
            0x4B => "RopFastTransferSourceCopyMessages",
            0x4C => "RopFastTransferSourceCopyFolder",
            0x4D => "RopFastTransferSourceCopyTo",
            0x4E => "RopFastTransferSourceGetBuffer",
            0x4F => "RopFindRow",
            0x50 => "RopProgress",
            0x51 => "RopTransportNewMail",
            0x52 => "RopGetValidAttachments",
            0x53 => "RopFastTransferDestinationConfigure",
            0x54 => "RopFastTransferDestinationPutBuffer",
            0x55 => "RopGetNamesFromPropertyIds",
            0x56 => "RopGetPropertyIdsFromNames",
            0x57 => "RopUpdateDeferredActionMessages",
            0x58 => "RopEmptyFolder",
            0x59 => "RopExpandRow",
            0x5A => "RopCollapseRow",
            0x5B => "RopLockRegions",
            0x5C => "RopUnlockRegions",
            0x5D => "RopCommitStream",
            0x5E => "RopGetStreamSize",
            0x5F => "RopQueryNamedProperties",
            0x60 => "RopGetPerUserLongTermIds",
            0x61 => "RopGetPerUserGuid",
            0x63 => "RopReadPerUserInformation",
            0x64 => "RopWritePerUserInformation",
            0x66 => "RopSetReadFlags",
            0x67 => "RopCopyProperties",
            0x68 => "RopGetReceiveFolderTable",
            0x69 => "RopFastTransferSourceCopyProperties",
            0x6B => "RopGetCollapseState",
            0x6C => "RopSetCollapseState",
            0x6D => "RopGetTransportFolder",
            0x6E => "RopPending",
            0x6F => "RopOptionsData",
            0x70 => "RopSynchronizationConfigure",
            0x72 => "RopSynchronizationImportMessageChange",
            0x73 => "RopSynchronizationImportHierarchyChange",
            0x74 => "RopSynchronizationImportDeletes",
            0x75 => "RopSynchronizationUploadStateStreamBegin",
            0x76 => "RopSynchronizationUploadStateStreamContinue",
            0x77 => "RopSynchronizationUploadStateStreamEnd",
            0x78 => "RopSynchronizationImportMessageMove",
            0x79 => "RopSetPropertiesNoReplicate",
            0x7A => "RopDeletePropertiesNoReplicate",
            0x7B => "RopGetStoreState",
            0x7E => "RopSynchronizationOpenCollector",
            0x7F => "RopGetLocalReplicaIds",
            0x80 => "RopSynchronizationImportReadStateChanges",
            0x81 => "RopResetTable",
            0x82 => "RopSynchronizationGetTransferState",
            0x86 => "RopTellVersion",
            0x89 => "RopFreeBookmark",
            0x90 => "RopWriteAndCommitStream",
            0x91 => "RopHardDeleteMessages",
            0x92 => "RopHardDeleteMessagesAndSubfolders",
            0x93 => "RopSetLocalReplicaMidsetDeleted",
            0xF9 => "RopBackoff",
            0xFE => "RopLogon",
            0xFF => "RopBufferTooSmall",
            _ => return None,
        })
    }
}

impl std::fmt::Debug for RopId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(n) => write!(f, "{n}(0x{:02X})", self.0),
            None => write!(f, "RopId(0x{:02X})", self.0),
        }
    }
}

impl std::fmt::Display for RopId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "RopId(0x{:02X})", self.0),
        }
    }
}

/// What a response decoder may need beyond its own request: state that earlier ROPs set up.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResponseContext<'a> {
    /// The columns last set with RopSetColumns on the table the ROP addresses (RopQueryRows,
    /// RopFindRow, RopExpandRow, table notifications).
    pub table_columns: Option<&'a [PropertyTag]>,
}

/// A ROP that a server has no response for. RopRelease is the only one in MS-OXCROPS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NoResponse {}

/// One remote operation: its request, and how that request's response is laid out.
///
/// `decode_request`/`encode_request` and `decode_response`/`encode_response` handle the bytes
/// after the RopId byte, which the ROP buffer codec reads and writes.
pub trait Rop: Sized {
    /// The RopId of request and response.
    const ID: RopId;
    /// The response type (an enum when success and failure differ in layout).
    type Response;

    /// Decodes the request fields after the RopId byte.
    fn decode_request(input: &[u8]) -> PResult<'_, Self>;
    /// Encodes the request fields after the RopId byte.
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError>;
    /// Decodes this request's response fields after the RopId byte.
    fn decode_response<'a>(
        &self,
        ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response>;
    /// Encodes a response to this request, fields after the RopId byte.
    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError>;
    /// The handle table index the request acts on (`InputHandleIndex`).
    fn input_handle_index(&self) -> u8;
    /// The handle table index the request fills with a new object (`OutputHandleIndex`), for
    /// ROPs that create one.
    fn output_handle_index(&self) -> Option<u8> {
        None
    }
}

/// MS-OXCROPS 2.2.1: the handle index and ReturnValue that open almost every response, and
/// the whole of a failure response for ROPs whose failure form is just these fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ResponseHeader {
    /// `InputHandleIndex` or `OutputHandleIndex`, as the ROP's response defines it.
    pub handle_index: u8,
    /// The result; 0 is success.
    pub return_value: ErrorCode,
}

impl ResponseHeader {
    /// Reads the handle index and ReturnValue.
    pub fn decode(input: &[u8]) -> PResult<'_, Self> {
        let (i, handle_index) = le_u8(input)?;
        let (i, rv) = le_u32(i)?;
        Ok((
            i,
            ResponseHeader {
                handle_index,
                return_value: ErrorCode(rv),
            },
        ))
    }

    /// Writes the handle index and ReturnValue.
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        out.put_u8(self.handle_index);
        out.put_u32_le(self.return_value.0);
    }

    /// Whether ReturnValue is 0.
    pub fn is_success(&self) -> bool {
        self.return_value.0 == 0
    }
}
