//! MS-OXCDATA 2.4 error codes: the `u32` status that ROP responses (`ReturnValue`), MAPI/HTTP
//! response bodies (`ErrorCode`) and `PtypErrorCode` property values carry.
//!
//! The specification gives every code a primary name (`NotFound`, `WrongServer`) and lists the
//! names other sources use for it (`MAPI_E_NOT_FOUND`, `ecNotFound`, ...) as alternates. Logs and
//! other clients use either, so both are exposed: [`ErrorCode::name`] is the specification's
//! primary name, [`ErrorCode::alternate_names`] the rest. The tables are:
//! MS-OXCDATA 2.4.1 (common error codes), 2.4.2 (additional error codes) and 2.4.3 (warning
//! codes). Unknown values keep their number and print as hex (`0x8004ABCD`), so a newer server's
//! code survives a round trip.

use bytes::BufMut;
use serde::{Serialize, Serializer};

use crate::wire::error::{EncodeError, PResult, named};
use crate::wire::primitives::{Wire, u32 as le_u32};

/// MS-OXCDATA 2.4 error code, a newtype over the wire `u32` (little-endian on the wire, see
/// MS-OXCDATA 2.4.1: "all error codes are transmitted as integers in little-endian format").
///
/// Unknown values are kept as they are; [`std::fmt::Display`] prints the specification's
/// primary name when the code is listed and `0x%08X` otherwise.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct ErrorCode(pub u32);

/// The MS-OXCDATA table a code is listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ErrorCodeSection {
    /// MS-OXCDATA 2.4.1 Common Error Codes (mostly `MAPI_E_*` HRESULTs).
    Common,
    /// MS-OXCDATA 2.4.2 Additional Error Codes (the store's `ec*` codes).
    Additional,
    /// MS-OXCDATA 2.4.3 Warning Codes: the call succeeded with a caveat.
    Warning,
}

impl ErrorCodeSection {
    /// The section number in MS-OXCDATA.
    pub const fn section(self) -> &'static str {
        match self {
            Self::Common => "2.4.1",
            Self::Additional => "2.4.2",
            Self::Warning => "2.4.3",
        }
    }
}

/// One row of the MS-OXCDATA 2.4 tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ErrorCodeInfo {
    /// The numeric value.
    pub code: u32,
    /// The specification's primary name (`NotFound`).
    pub name: &'static str,
    /// The alternate names the specification lists (`MAPI_E_NOT_FOUND`, `ecNotFound`, ...).
    pub alternate_names: &'static [&'static str],
    /// A short meaning, after the specification's description.
    pub description: &'static str,
    /// Which table lists it.
    pub section: ErrorCodeSection,
}

const fn row(
    code: u32,
    name: &'static str,
    alternate_names: &'static [&'static str],
    description: &'static str,
    section: ErrorCodeSection,
) -> ErrorCodeInfo {
    ErrorCodeInfo {
        code,
        name,
        alternate_names,
        description,
        section,
    }
}

impl ErrorCode {
    /// `Success` (0x00000000, MS-OXCDATA 2.4.1): The operation succeeded.
    ///
    /// Also written `S_OK`, `SUCCESS_SUCCESS`, `ecNone`.
    pub const SUCCESS: Self = Self(0x00000000);
    /// `UnbindSuccess` (0x00000001, MS-OXCDATA 2.4.1): The NSPI server completed the unbind.
    pub const UNBIND_SUCCESS: Self = Self(0x00000001);
    /// `UnbindFailure` (0x00000002, MS-OXCDATA 2.4.1): The NSPI server could not complete the unbind.
    pub const UNBIND_FAILURE: Self = Self(0x00000002);
    /// `ProfileNotConfigured` (0x0000011C, MS-OXCDATA 2.4.2): The profile is not configured.
    ///
    /// Also written `ecProfileNotConfigured`.
    pub const PROFILE_NOT_CONFIGURED: Self = Self(0x0000011C);
    /// `IsamError` (0x000003EA, MS-OXCDATA 2.4.2): Unspecified database failure.
    ///
    /// Also written `ecJetError`.
    pub const ISAM_ERROR: Self = Self(0x000003EA);
    /// `UnknownUser` (0x000003EB, MS-OXCDATA 2.4.2): No home store could be identified for this user.
    ///
    /// Also written `ecUnknownUser`.
    pub const UNKNOWN_USER: Self = Self(0x000003EB);
    /// `Exiting` (0x000003ED, MS-OXCDATA 2.4.2): The server is stopping.
    ///
    /// Also written `ecExiting`.
    pub const EXITING: Self = Self(0x000003ED);
    /// `BadConfiguration` (0x000003EE, MS-OXCDATA 2.4.2): The protocol settings for this user are incorrect.
    ///
    /// Also written `ecBadConfig`.
    pub const BAD_CONFIGURATION: Self = Self(0x000003EE);
    /// `UnknownCodePage` (0x000003EF, MS-OXCDATA 2.4.2): The code page is not installed on the server.
    ///
    /// Also written `ecUnknownCodePage`.
    pub const UNKNOWN_CODE_PAGE: Self = Self(0x000003EF);
    /// `ServerMemory` (0x000003F0, MS-OXCDATA 2.4.2): The server is out of memory.
    ///
    /// Also written `ecServerOOM`, `ecMemory`.
    pub const SERVER_MEMORY: Self = Self(0x000003F0);
    /// `LoginPermission` (0x000003F2, MS-OXCDATA 2.4.2): This user has no access rights to the mailbox.
    ///
    /// Also written `ecLoginPerm`.
    pub const LOGIN_PERMISSION: Self = Self(0x000003F2);
    /// `DatabaseRolledBack` (0x000003F3, MS-OXCDATA 2.4.2): The database was restored and cannot be fixed up.
    ///
    /// Also written `ecDatabaseRolledBack`.
    pub const DATABASE_ROLLED_BACK: Self = Self(0x000003F3);
    /// `DatabaseCopiedError` (0x000003F4, MS-OXCDATA 2.4.2): The database file was copied from another server.
    ///
    /// Also written `ecDatabaseCopiedError`.
    pub const DATABASE_COPIED_ERROR: Self = Self(0x000003F4);
    /// `AuditNotAllowed` (0x000003F5, MS-OXCDATA 2.4.2): Auditing of security operations is not allowed.
    ///
    /// Also written `ecAuditNotAllowed`.
    pub const AUDIT_NOT_ALLOWED: Self = Self(0x000003F5);
    /// `ZombieUser` (0x000003F6, MS-OXCDATA 2.4.2): The user has no security identifier.
    ///
    /// Also written `ecZombieUser`.
    pub const ZOMBIE_USER: Self = Self(0x000003F6);
    /// `UnconvertableACL` (0x000003F7, MS-OXCDATA 2.4.2): The ACL cannot be converted to NTFS format.
    ///
    /// Also written `ecUnconvertableACL`.
    pub const UNCONVERTABLE_ACL: Self = Self(0x000003F7);
    /// `NoFreeJetSessions` (0x0000044C, MS-OXCDATA 2.4.2): No Jet session is available.
    ///
    /// Also written `ecNoFreeJses`.
    pub const NO_FREE_JET_SESSIONS: Self = Self(0x0000044C);
    /// `DifferentJetSession` (0x0000044D, MS-OXCDATA 2.4.2): A Jet session other than the one requested was returned.
    ///
    /// Also written `ecDifferentJses`.
    pub const DIFFERENT_JET_SESSION: Self = Self(0x0000044D);
    /// `FileRemove` (0x0000044F, MS-OXCDATA 2.4.2): A database file could not be removed.
    ///
    /// Also written `ecFileRemove`.
    pub const FILE_REMOVE: Self = Self(0x0000044F);
    /// `ParameterOverflow` (0x00000450, MS-OXCDATA 2.4.2): A parameter value overflowed.
    ///
    /// Also written `ecParameterOverflow`.
    pub const PARAMETER_OVERFLOW: Self = Self(0x00000450);
    /// `BadVersion` (0x00000451, MS-OXCDATA 2.4.2): Bad store database version number.
    ///
    /// Also written `ecBadVersion`.
    pub const BAD_VERSION: Self = Self(0x00000451);
    /// `TooManyColumns` (0x00000452, MS-OXCDATA 2.4.2): Too many columns were requested in RopSetColumns.
    ///
    /// Also written `ecTooManyCols`.
    pub const TOO_MANY_COLUMNS: Self = Self(0x00000452);
    /// `HaveMore` (0x00000453, MS-OXCDATA 2.4.2): The ROP has more data to return.
    ///
    /// Also written `ecHaveMore`.
    pub const HAVE_MORE: Self = Self(0x00000453);
    /// `DatabaseError` (0x00000454, MS-OXCDATA 2.4.2): General database problem.
    ///
    /// Also written `ecDatabaseError`.
    pub const DATABASE_ERROR: Self = Self(0x00000454);
    /// `IndexNameTooBig` (0x00000455, MS-OXCDATA 2.4.2): An index name is longer than Jet allows.
    ///
    /// Also written `ecIndexNameTooBig`.
    pub const INDEX_NAME_TOO_BIG: Self = Self(0x00000455);
    /// `UnsupportedProperty` (0x00000456, MS-OXCDATA 2.4.2): The property data type is not supported.
    ///
    /// Also written `ecUnsupportedProp`.
    pub const UNSUPPORTED_PROPERTY: Self = Self(0x00000456);
    /// `MessageNotSaved` (0x00000457, MS-OXCDATA 2.4.2): The message was not saved during AbortSubmit.
    ///
    /// Also written `ecMsgNotSaved`.
    pub const MESSAGE_NOT_SAVED: Self = Self(0x00000457);
    /// `UnpublishedNotification` (0x00000459, MS-OXCDATA 2.4.2): A notification could not be published now.
    ///
    /// Also written `ecUnpubNotif`.
    pub const UNPUBLISHED_NOTIFICATION: Self = Self(0x00000459);
    /// `DifferentRoot` (0x0000045B, MS-OXCDATA 2.4.2): Folders cannot be moved or copied to another top-level hierarchy.
    ///
    /// Also written `ecDifferentRoot`.
    pub const DIFFERENT_ROOT: Self = Self(0x0000045B);
    /// `BadFolderName` (0x0000045C, MS-OXCDATA 2.4.2): The folder name is not valid.
    ///
    /// Also written `ecBadFolderName`.
    pub const BAD_FOLDER_NAME: Self = Self(0x0000045C);
    /// `AttachmentOpen` (0x0000045D, MS-OXCDATA 2.4.2): The attachment is open.
    ///
    /// Also written `ecAttachOpen`.
    pub const ATTACHMENT_OPEN: Self = Self(0x0000045D);
    /// `InvalidCollapseState` (0x0000045E, MS-OXCDATA 2.4.2): The collapse state given to RopSetCollapseState is not valid.
    ///
    /// Also written `ecInvClpsState`.
    pub const INVALID_COLLAPSE_STATE: Self = Self(0x0000045E);
    /// `SkipMyChildren` (0x0000045F, MS-OXCDATA 2.4.2): Skip the children of this folder while walking the tree.
    ///
    /// Also written `ecSkipMyChildren`.
    pub const SKIP_MY_CHILDREN: Self = Self(0x0000045F);
    /// `SearchFolder` (0x00000460, MS-OXCDATA 2.4.2): The operation is not supported on a search folder.
    ///
    /// Also written `ecSearchFolder`.
    pub const SEARCH_FOLDER: Self = Self(0x00000460);
    /// `NotSearchFolder` (0x00000461, MS-OXCDATA 2.4.2): The operation is valid only on a search folder.
    ///
    /// Also written `ecNotSearchFolder`.
    pub const NOT_SEARCH_FOLDER: Self = Self(0x00000461);
    /// `FolderSetReceive` (0x00000462, MS-OXCDATA 2.4.2): This is a receive folder and cannot be deleted.
    ///
    /// Also written `ecFolderSetReceive`.
    pub const FOLDER_SET_RECEIVE: Self = Self(0x00000462);
    /// `NoReceiveFolder` (0x00000463, MS-OXCDATA 2.4.2): No receive folder is available.
    ///
    /// Also written `ecNoReceiveFolder`.
    pub const NO_RECEIVE_FOLDER: Self = Self(0x00000463);
    /// `DeletedSubmitMessage` (0x00000465, MS-OXCDATA 2.4.2): A message submitted for sending cannot be deleted.
    ///
    /// Also written `ecNoDelSubmitMsg`.
    pub const DELETED_SUBMIT_MESSAGE: Self = Self(0x00000465);
    /// `InvalidRecipients` (0x00000467, MS-OXCDATA 2.4.2): The message cannot be delivered to this recipient.
    ///
    /// Also written `ecInvalidRecips`.
    pub const INVALID_RECIPIENTS: Self = Self(0x00000467);
    /// `NoReplicaHere` (0x00000468, MS-OXCDATA 2.4.2): This store has no replica of the public folder.
    ///
    /// Also written `ecNoReplicaHere`.
    pub const NO_REPLICA_HERE: Self = Self(0x00000468);
    /// `NoReplicaAvailable` (0x00000469, MS-OXCDATA 2.4.2): No available store has a replica of the public folder.
    ///
    /// Also written `ecNoReplicaAvailable`.
    pub const NO_REPLICA_AVAILABLE: Self = Self(0x00000469);
    /// `PublicDatabase` (0x0000046A, MS-OXCDATA 2.4.2): The operation is not valid on a public store.
    ///
    /// Also written `ecPublicMDB`.
    pub const PUBLIC_DATABASE: Self = Self(0x0000046A);
    /// `NotPublicDatabase` (0x0000046B, MS-OXCDATA 2.4.2): The operation is valid only on a public store.
    ///
    /// Also written `ecNotPublicMDB`.
    pub const NOT_PUBLIC_DATABASE: Self = Self(0x0000046B);
    /// `RecordNotFound` (0x0000046C, MS-OXCDATA 2.4.2): The record was not found.
    ///
    /// Also written `ecRecordNotFound`.
    pub const RECORD_NOT_FOUND: Self = Self(0x0000046C);
    /// `ReplicationConflict` (0x0000046D, MS-OXCDATA 2.4.2): A replication conflict was detected.
    ///
    /// Also written `ecReplConflict`.
    pub const REPLICATION_CONFLICT: Self = Self(0x0000046D);
    /// `FXBufferOverrun` (0x00000470, MS-OXCDATA 2.4.2): A fast-transfer buffer read was stopped before an overrun.
    ///
    /// Also written `ecFXBufferOverrun`.
    pub const FX_BUFFER_OVERRUN: Self = Self(0x00000470);
    /// `FXBufferEmpty` (0x00000471, MS-OXCDATA 2.4.2): The fast-transfer buffer is empty.
    ///
    /// Also written `ecFXBufferEmpty`.
    pub const FX_BUFFER_EMPTY: Self = Self(0x00000471);
    /// `FXPartialValue` (0x00000472, MS-OXCDATA 2.4.2): Partial long value in a fast-transfer buffer.
    ///
    /// Also written `ecFxPartialValue`.
    pub const FX_PARTIAL_VALUE: Self = Self(0x00000472);
    /// `FXNoRoom` (0x00000473, MS-OXCDATA 2.4.2): No room for an atomic value in a fast-transfer buffer.
    ///
    /// Also written `ecFxNoRoom`.
    pub const FX_NO_ROOM: Self = Self(0x00000473);
    /// `TimeExpired` (0x00000474, MS-OXCDATA 2.4.2): Housekeeping exceeded its time window.
    ///
    /// Also written `ecMaxTimeExpired`.
    pub const TIME_EXPIRED: Self = Self(0x00000474);
    /// `DestinationError` (0x00000475, MS-OXCDATA 2.4.2): An error occurred on the destination folder of a copy.
    ///
    /// Also written `ecDstError`.
    pub const DESTINATION_ERROR: Self = Self(0x00000475);
    /// `DatabaseNotInitialized` (0x00000476, MS-OXCDATA 2.4.2): The store was not properly initialized.
    ///
    /// Also written `ecMDBNotInit`.
    pub const DATABASE_NOT_INITIALIZED: Self = Self(0x00000476);
    /// `WrongServer` (0x00000478, MS-OXCDATA 2.4.2): This server does not host the user's mailbox database.
    ///
    /// Also written `ecWrongServer`.
    pub const WRONG_SERVER: Self = Self(0x00000478);
    /// `BufferTooSmall` (0x0000047D, MS-OXCDATA 2.4.2): A buffer passed to the call is too small.
    ///
    /// Also written `ecBufferTooSmall`.
    pub const BUFFER_TOO_SMALL: Self = Self(0x0000047D);
    /// `AttachmentResolutionRequired` (0x0000047E, MS-OXCDATA 2.4.2): Linked attachments could not be resolved to files.
    ///
    /// Also written `ecRequiresRefResolve`.
    pub const ATTACHMENT_RESOLUTION_REQUIRED: Self = Self(0x0000047E);
    /// `ServerPaused` (0x0000047F, MS-OXCDATA 2.4.2): The server is paused.
    ///
    /// Also written `ecServerPaused`.
    pub const SERVER_PAUSED: Self = Self(0x0000047F);
    /// `ServerBusy` (0x00000480, MS-OXCDATA 2.4.2): The server is too busy to complete the operation.
    ///
    /// Also written `ecServerBusy`.
    ///
    /// The specification names it `ServerBusy` like 0x8004010B ([`Self::SERVER_BUSY`]); the
    /// constant's name tells the two apart.
    pub const SERVER_TOO_BUSY: Self = Self(0x00000480);
    /// `NoSuchLogon` (0x00000481, MS-OXCDATA 2.4.2): No such logon exists in the store's logon list.
    ///
    /// Also written `ecNoSuchLogon`.
    pub const NO_SUCH_LOGON: Self = Self(0x00000481);
    /// `LoadLibraryFailed` (0x00000482, MS-OXCDATA 2.4.2): The service could not load a required library.
    ///
    /// Also written `ecLoadLibFailed`.
    pub const LOAD_LIBRARY_FAILED: Self = Self(0x00000482);
    /// `AlreadyConfigured` (0x00000483, MS-OXCDATA 2.4.2): The synchronization object is already configured.
    ///
    /// Also written `ecObjAlreadyConfig`.
    pub const ALREADY_CONFIGURED: Self = Self(0x00000483);
    /// `NotConfigured` (0x00000484, MS-OXCDATA 2.4.2): The synchronization object is not configured yet.
    ///
    /// Also written `ecObjNotConfig`.
    pub const NOT_CONFIGURED: Self = Self(0x00000484);
    /// `DataLoss` (0x00000485, MS-OXCDATA 2.4.2): A code page conversion lost data.
    ///
    /// Also written `ecDataLoss`.
    pub const DATA_LOSS: Self = Self(0x00000485);
    /// `MaximumSendThreadExceeded` (0x00000488, MS-OXCDATA 2.4.2): The maximum number of send threads was exceeded.
    ///
    /// Also written `ecMaxSendThreadExceeded`.
    pub const MAXIMUM_SEND_THREAD_EXCEEDED: Self = Self(0x00000488);
    /// `FxErrorMarker` (0x00000489, MS-OXCDATA 2.4.2): A fast-transfer error marker was found; recovery is needed.
    ///
    /// Also written `ecFxErrorMarker`.
    pub const FX_ERROR_MARKER: Self = Self(0x00000489);
    /// `NoFreeJtabs` (0x0000048A, MS-OXCDATA 2.4.2): No more free Jet tables.
    ///
    /// Also written `ecNoFreeJtabs`.
    pub const NO_FREE_JTABS: Self = Self(0x0000048A);
    /// `NotPrivateDatabase` (0x0000048B, MS-OXCDATA 2.4.2): The operation is valid only on a private mailbox database.
    ///
    /// Also written `ecNotPrivateMDB`.
    pub const NOT_PRIVATE_DATABASE: Self = Self(0x0000048B);
    /// `IsIntegMDB` (0x0000048C, MS-OXCDATA 2.4.2): The store is locked by the ISINTEG utility.
    ///
    /// Also written `ecIsintegMDB`.
    pub const IS_INTEG_MDB: Self = Self(0x0000048C);
    /// `RecoveryMismatch` (0x0000048D, MS-OXCDATA 2.4.2): A recovery storage group operation was attempted on the wrong kind of store.
    ///
    /// Also written `ecRecoveryMDBMismatch`.
    pub const RECOVERY_MISMATCH: Self = Self(0x0000048D);
    /// `TableMayNotBeDeleted` (0x0000048E, MS-OXCDATA 2.4.2): A critical table cannot be deleted.
    ///
    /// Also written `ecTableMayNotBeDeleted`.
    pub const TABLE_MAY_NOT_BE_DELETED: Self = Self(0x0000048E);
    /// `SearchFolderScopeViolation` (0x00000490, MS-OXCDATA 2.4.2): A recursive search on a search folder was attempted.
    ///
    /// Also written `ecSearchFolderScopeViolation`.
    pub const SEARCH_FOLDER_SCOPE_VIOLATION: Self = Self(0x00000490);
    /// `RpcRegisterIf` (0x000004B1, MS-OXCDATA 2.4.2): The RPC interfaces could not be registered.
    ///
    /// Also written `ecRpcRegisterIf`.
    pub const RPC_REGISTER_IF: Self = Self(0x000004B1);
    /// `RpcListen` (0x000004B2, MS-OXCDATA 2.4.2): The RPC listener could not be started.
    ///
    /// Also written `ecRpcListen`.
    pub const RPC_LISTEN: Self = Self(0x000004B2);
    /// `RpcFormat` (0x000004B6, MS-OXCDATA 2.4.2): A badly formatted RPC buffer was detected.
    ///
    /// Also written `ecRpcFormat`.
    pub const RPC_FORMAT: Self = Self(0x000004B6);
    /// `NoCopyTo` (0x000004B7, MS-OXCDATA 2.4.2): Single-instance storage cannot be used here.
    ///
    /// Also written `ecNoCopyTo`.
    pub const NO_COPY_TO: Self = Self(0x000004B7);
    /// `NullObject` (0x000004B9, MS-OXCDATA 2.4.2): An object handle in the request could not be resolved.
    ///
    /// Also written `ecNullObject`.
    pub const NULL_OBJECT: Self = Self(0x000004B9);
    /// `RpcAuthentication` (0x000004BC, MS-OXCDATA 2.4.2): The server requires the client to authenticate.
    ///
    /// Also written `ecRpcAuthentication`.
    pub const RPC_AUTHENTICATION: Self = Self(0x000004BC);
    /// `RpcBadAuthenticationLevel` (0x000004BD, MS-OXCDATA 2.4.2): The server does not recognize the client's authentication level.
    ///
    /// Also written `ecRpcBadAuthenticationLevel`.
    pub const RPC_BAD_AUTHENTICATION_LEVEL: Self = Self(0x000004BD);
    /// `NullCommentRestriction` (0x000004BE, MS-OXCDATA 2.4.2): The subrestriction of a comment restriction is empty.
    ///
    /// Also written `ecNullCommentRestriction`.
    pub const NULL_COMMENT_RESTRICTION: Self = Self(0x000004BE);
    /// `RulesLoadError` (0x000004CC, MS-OXCDATA 2.4.2): Rule data was unavailable for this folder.
    ///
    /// Also written `ecRulesLoadError`.
    pub const RULES_LOAD_ERROR: Self = Self(0x000004CC);
    /// `RulesDeliverErr` (0x000004CD, MS-OXCDATA 2.4.2): A rule failed at delivery time.
    ///
    /// Also written `ecRulesDeliverErr`.
    pub const RULES_DELIVER_ERR: Self = Self(0x000004CD);
    /// `RulesParsingErr` (0x000004CE, MS-OXCDATA 2.4.2): A stored rule condition or action has invalid syntax.
    ///
    /// Also written `ecRulesParsingErr`.
    pub const RULES_PARSING_ERR: Self = Self(0x000004CE);
    /// `RulesCreateDae` (0x000004CF, MS-OXCDATA 2.4.2): A deferred action error message could not be created.
    ///
    /// Also written `ecRulesCreateDaeErr`.
    pub const RULES_CREATE_DAE: Self = Self(0x000004CF);
    /// `RulesCreateDAM` (0x000004D0, MS-OXCDATA 2.4.2): A deferred action message could not be created.
    ///
    /// Also written `ecRulesCreateDamErr`.
    pub const RULES_CREATE_DAM: Self = Self(0x000004D0);
    /// `RulesNoMoveCopyFolder` (0x000004D1, MS-OXCDATA 2.4.2): A move or copy rule action failed because of its target folder.
    ///
    /// Also written `ecRulesNoMoveCopyFolder`.
    pub const RULES_NO_MOVE_COPY_FOLDER: Self = Self(0x000004D1);
    /// `RuleNoFolderRights` (0x000004D2, MS-OXCDATA 2.4.2): A move or copy rule action lacks rights on its target folder.
    ///
    /// Also written `ecRulesNoFolderRights`.
    pub const RULE_NO_FOLDER_RIGHTS: Self = Self(0x000004D2);
    /// `MessageTooBig` (0x000004D4, MS-OXCDATA 2.4.2): The message exceeds the maximum size.
    ///
    /// Also written `ecMessageTooBig`.
    pub const MESSAGE_TOO_BIG: Self = Self(0x000004D4);
    /// `FormNotValid` (0x000004D5, MS-OXCDATA 2.4.2): The form mapped to the message's class is faulty.
    ///
    /// Also written `ecFormNotValid`.
    pub const FORM_NOT_VALID: Self = Self(0x000004D5);
    /// `NotAuthorized` (0x000004D6, MS-OXCDATA 2.4.2): Delivery to the folder was not authorized.
    ///
    /// Also written `ecNotAuthorized`.
    pub const NOT_AUTHORIZED: Self = Self(0x000004D6);
    /// `DeleteMessage` (0x000004D7, MS-OXCDATA 2.4.2): A rule action deleted the message.
    ///
    /// Also written `ecDeleteMessage`.
    pub const DELETE_MESSAGE: Self = Self(0x000004D7);
    /// `BounceMessage` (0x000004D8, MS-OXCDATA 2.4.2): A rule action denied delivery of the message.
    ///
    /// Also written `ecBounceMessage`.
    pub const BOUNCE_MESSAGE: Self = Self(0x000004D8);
    /// `QuotaExceeded` (0x000004D9, MS-OXCDATA 2.4.2): The operation would exceed a resource quota.
    ///
    /// Also written `ecQuotaExceeded`.
    pub const QUOTA_EXCEEDED: Self = Self(0x000004D9);
    /// `MaxSubmissionExceeded` (0x000004DA, MS-OXCDATA 2.4.2): The message exceeds the maximum submission size.
    ///
    /// Also written `ecMaxSubmissionExceeded`.
    pub const MAX_SUBMISSION_EXCEEDED: Self = Self(0x000004DA);
    /// `MaxAttachmentExceeded` (0x000004DB, MS-OXCDATA 2.4.2): The maximum number of attachments was exceeded.
    ///
    /// Also written `ecMaxAttachmentExceeded`.
    pub const MAX_ATTACHMENT_EXCEEDED: Self = Self(0x000004DB);
    /// `SendAsDenied` (0x000004DC, MS-OXCDATA 2.4.2): The account may not send as the mailbox owner.
    ///
    /// Also written `ecSendAsDenied`.
    pub const SEND_AS_DENIED: Self = Self(0x000004DC);
    /// `ShutoffQuotaExceeded` (0x000004DD, MS-OXCDATA 2.4.2): The operation would exceed the mailbox's shutoff quota.
    ///
    /// Also written `ecShutoffQuotaExceeded`.
    pub const SHUTOFF_QUOTA_EXCEEDED: Self = Self(0x000004DD);
    /// `TooManyOpenObjects` (0x000004DE, MS-OXCDATA 2.4.2): The client has opened too many objects of one type.
    ///
    /// Also written `ecMaxObjsExceeded`.
    pub const TOO_MANY_OPEN_OBJECTS: Self = Self(0x000004DE);
    /// `ClientVersionBlocked` (0x000004DF, MS-OXCDATA 2.4.2): The server blocks clients of this version.
    ///
    /// Also written `ecClientVersionDisallowed`.
    pub const CLIENT_VERSION_BLOCKED: Self = Self(0x000004DF);
    /// `RpcHttpDisallowed` (0x000004E0, MS-OXCDATA 2.4.2): The server blocks RPC over HTTP connections.
    ///
    /// Also written `ecRpcHttpDisallowed`.
    pub const RPC_HTTP_DISALLOWED: Self = Self(0x000004E0);
    /// `CachedModeRequired` (0x000004E1, MS-OXCDATA 2.4.2): The server blocks online-mode connections.
    ///
    /// Also written `ecCachedModeRequired`.
    pub const CACHED_MODE_REQUIRED: Self = Self(0x000004E1);
    /// `FolderCleanedUp` (0x000004E3, MS-OXCDATA 2.4.2): The folder was deleted but not yet cleaned up.
    ///
    /// Also written `ecFolderCleanedUp`.
    pub const FOLDER_CLEANED_UP: Self = Self(0x000004E3);
    /// `FormatError` (0x000004ED, MS-OXCDATA 2.4.2): Part of the ROP buffer was badly formatted.
    ///
    /// Also written `ecFmtError`.
    pub const FORMAT_ERROR: Self = Self(0x000004ED);
    /// `NotExpanded` (0x000004F7, MS-OXCDATA 2.4.2): Expanding or collapsing a categorized row failed.
    ///
    /// Also written `ecNotExpanded`.
    pub const NOT_EXPANDED: Self = Self(0x000004F7);
    /// `NotCollapsed` (0x000004F8, MS-OXCDATA 2.4.2): Expanding or collapsing a categorized row failed.
    ///
    /// Also written `ecNotCollapsed`.
    pub const NOT_COLLAPSED: Self = Self(0x000004F8);
    /// `NoExpandedLeafRow` (0x000004F9, MS-OXCDATA 2.4.2): Leaf rows cannot be expanded.
    ///
    /// Also written `ecLeaf`.
    pub const NO_EXPANDED_LEAF_ROW: Self = Self(0x000004F9);
    /// `UnregisteredNamedProp` (0x000004FA, MS-OXCDATA 2.4.2): No name is registered for this named property ID.
    ///
    /// Also written `ecUnregisteredNamedProp`.
    pub const UNREGISTERED_NAMED_PROP: Self = Self(0x000004FA);
    /// `FolderDisabled` (0x000004FB, MS-OXCDATA 2.4.2): Access to the folder is disabled.
    ///
    /// Also written `ecFolderDisabled`.
    pub const FOLDER_DISABLED: Self = Self(0x000004FB);
    /// `DomainError` (0x000004FC, MS-OXCDATA 2.4.2): The store's association with its server is inconsistent.
    ///
    /// Also written `ecDomainError`.
    pub const DOMAIN_ERROR: Self = Self(0x000004FC);
    /// `NoCreateRight` (0x000004FF, MS-OXCDATA 2.4.2): The user lacks the create right.
    ///
    /// Also written `ecNoCreateRight`.
    pub const NO_CREATE_RIGHT: Self = Self(0x000004FF);
    /// `PublicRoot` (0x00000500, MS-OXCDATA 2.4.2): The user lacks the create right at a public folder root.
    ///
    /// Also written `ecPublicRoot`.
    pub const PUBLIC_ROOT: Self = Self(0x00000500);
    /// `NoReadRight` (0x00000501, MS-OXCDATA 2.4.2): The user lacks the read right.
    ///
    /// Also written `ecNoReadRight`.
    pub const NO_READ_RIGHT: Self = Self(0x00000501);
    /// `NoCreateSubfolderRight` (0x00000502, MS-OXCDATA 2.4.2): The user lacks the create-subfolder right.
    ///
    /// Also written `ecNoCreateSubfolderRight`.
    pub const NO_CREATE_SUBFOLDER_RIGHT: Self = Self(0x00000502);
    /// `NullDestinationObject` (0x00000503, MS-OXCDATA 2.4.2): A destination object handle could not be resolved.
    ///
    /// Also written `ecDstNullObject`.
    pub const NULL_DESTINATION_OBJECT: Self = Self(0x00000503);
    /// `MessageCycle` (0x00000504, MS-OXCDATA 2.4.2): The source message contains the destination message.
    ///
    /// Also written `ecMsgCycle`.
    pub const MESSAGE_CYCLE: Self = Self(0x00000504);
    /// `TooManyRecips` (0x00000505, MS-OXCDATA 2.4.2): The per-message recipient limit was exceeded.
    ///
    /// Also written `ecTooManyRecips`.
    pub const TOO_MANY_RECIPS: Self = Self(0x00000505);
    /// `VirusScanInProgress` (0x0000050A, MS-OXCDATA 2.4.2): The message is being scanned for viruses.
    ///
    /// Also written `ecVirusScanInProgress`.
    pub const VIRUS_SCAN_IN_PROGRESS: Self = Self(0x0000050A);
    /// `VirusDetected` (0x0000050B, MS-OXCDATA 2.4.2): The message is infected with a virus.
    ///
    /// Also written `ecVirusDetected`.
    pub const VIRUS_DETECTED: Self = Self(0x0000050B);
    /// `MailboxInTransit` (0x0000050C, MS-OXCDATA 2.4.2): The mailbox is being moved and does not accept mail.
    ///
    /// Also written `ecMailboxInTransit`.
    pub const MAILBOX_IN_TRANSIT: Self = Self(0x0000050C);
    /// `BackupInProgress` (0x0000050D, MS-OXCDATA 2.4.2): The store is being backed up.
    ///
    /// Also written `ecBackupInProgress`.
    pub const BACKUP_IN_PROGRESS: Self = Self(0x0000050D);
    /// `VirusMessageDeleted` (0x0000050E, MS-OXCDATA 2.4.2): The message was infected with a virus and was deleted.
    ///
    /// Also written `ecVirusMessageDeleted`.
    pub const VIRUS_MESSAGE_DELETED: Self = Self(0x0000050E);
    /// `InvalidBackupSequence` (0x0000050F, MS-OXCDATA 2.4.2): Backup steps were done out of order.
    ///
    /// Also written `ecInvalidBackupSequence`.
    pub const INVALID_BACKUP_SEQUENCE: Self = Self(0x0000050F);
    /// `InvalidBackupType` (0x00000510, MS-OXCDATA 2.4.2): The backup type is not recognized.
    ///
    /// Also written `ecInvalidBackupType`.
    pub const INVALID_BACKUP_TYPE: Self = Self(0x00000510);
    /// `TooManyBackups` (0x00000511, MS-OXCDATA 2.4.2): Too many backups are in progress.
    ///
    /// Also written `ecTooManyBackupsInProgress`.
    pub const TOO_MANY_BACKUPS: Self = Self(0x00000511);
    /// `RestoreInProgress` (0x00000512, MS-OXCDATA 2.4.2): A restore is in progress.
    ///
    /// Also written `ecRestoreInProgress`.
    pub const RESTORE_IN_PROGRESS: Self = Self(0x00000512);
    /// `DuplicateObject` (0x00000579, MS-OXCDATA 2.4.2): The object already exists.
    ///
    /// Also written `ecDuplicateObject`.
    pub const DUPLICATE_OBJECT: Self = Self(0x00000579);
    /// `ObjectNotFound` (0x0000057A, MS-OXCDATA 2.4.2): An internal database object could not be found.
    ///
    /// Also written `ecObjectNotFound`.
    pub const OBJECT_NOT_FOUND: Self = Self(0x0000057A);
    /// `FixupReplyRule` (0x0000057B, MS-OXCDATA 2.4.2): The template message ID of a reply rule is missing or wrong.
    ///
    /// Also written `ecFixupReplyRule`.
    pub const FIXUP_REPLY_RULE: Self = Self(0x0000057B);
    /// `TemplateNotFound` (0x0000057C, MS-OXCDATA 2.4.2): The reply template for an auto-reply rule was not found.
    ///
    /// Also written `ecTemplateNotFound`.
    pub const TEMPLATE_NOT_FOUND: Self = Self(0x0000057C);
    /// `RuleExecution` (0x0000057D, MS-OXCDATA 2.4.2): A rule action failed.
    ///
    /// Also written `ecRuleExecution`.
    pub const RULE_EXECUTION: Self = Self(0x0000057D);
    /// `DSNoSuchObject` (0x0000057E, MS-OXCDATA 2.4.2): A server object is not in the directory.
    ///
    /// Also written `ecDSNoSuchObject`.
    pub const DS_NO_SUCH_OBJECT: Self = Self(0x0000057E);
    /// `AlreadyTombstoned` (0x0000057F, MS-OXCDATA 2.4.2): The message is already in the tombstone list.
    ///
    /// Also written `ecMessageAlreadyTombstoned`.
    pub const ALREADY_TOMBSTONED: Self = Self(0x0000057F);
    /// `ReadOnlyTransaction` (0x00000596, MS-OXCDATA 2.4.2): A write was attempted in a read-only transaction.
    ///
    /// Also written `ecRequiresRWTransaction`.
    pub const READ_ONLY_TRANSACTION: Self = Self(0x00000596);
    /// `Paused` (0x0000060E, MS-OXCDATA 2.4.2): The server is already paused.
    ///
    /// Also written `ecPaused`.
    pub const PAUSED: Self = Self(0x0000060E);
    /// `NotPaused` (0x0000060F, MS-OXCDATA 2.4.2): The server is not paused.
    ///
    /// Also written `ecNotPaused`.
    pub const NOT_PAUSED: Self = Self(0x0000060F);
    /// `WrongMailbox` (0x00000648, MS-OXCDATA 2.4.2): The operation was attempted on the wrong mailbox.
    ///
    /// Also written `ecWrongMailbox`.
    pub const WRONG_MAILBOX: Self = Self(0x00000648);
    /// `ChangePassword` (0x0000064C, MS-OXCDATA 2.4.2): The account password must be changed.
    ///
    /// Also written `ecChgPassword`.
    pub const CHANGE_PASSWORD: Self = Self(0x0000064C);
    /// `PasswordExpired` (0x0000064D, MS-OXCDATA 2.4.2): The account password has expired.
    ///
    /// Also written `ecPwExpired`.
    pub const PASSWORD_EXPIRED: Self = Self(0x0000064D);
    /// `InvalidWorkstation` (0x0000064E, MS-OXCDATA 2.4.2): The account logged on from the wrong workstation.
    ///
    /// Also written `ecInvWkstn`.
    pub const INVALID_WORKSTATION: Self = Self(0x0000064E);
    /// `InvalidLogonHours` (0x0000064F, MS-OXCDATA 2.4.2): The account logged on at the wrong time of day.
    ///
    /// Also written `ecInvLogonHrs`.
    pub const INVALID_LOGON_HOURS: Self = Self(0x0000064F);
    /// `AccountDisabled` (0x00000650, MS-OXCDATA 2.4.2): The account is disabled.
    ///
    /// Also written `ecAcctDisabled`.
    pub const ACCOUNT_DISABLED: Self = Self(0x00000650);
    /// `RuleVersion` (0x000006A4, MS-OXCDATA 2.4.2): The rule data has an invalid rule version.
    ///
    /// Also written `ecRuleVersion`.
    pub const RULE_VERSION: Self = Self(0x000006A4);
    /// `RuleFormat` (0x000006A5, MS-OXCDATA 2.4.2): A rule condition or action is badly formatted.
    ///
    /// Also written `ecRuleFormat`.
    pub const RULE_FORMAT: Self = Self(0x000006A5);
    /// `RuleSendAsDenied` (0x000006A6, MS-OXCDATA 2.4.2): The rule may not send from this mailbox.
    ///
    /// Also written `ecRuleSendAsDenied`.
    pub const RULE_SEND_AS_DENIED: Self = Self(0x000006A6);
    /// `NoServerSupport` (0x000006B9, MS-OXCDATA 2.4.2): A newer client needs something this older server lacks.
    ///
    /// Also written `ecNoServerSupport`.
    pub const NO_SERVER_SUPPORT: Self = Self(0x000006B9);
    /// `LockTimedOut` (0x000006BA, MS-OXCDATA 2.4.2): The unlock failed because the lock already timed out.
    ///
    /// Also written `ecLockTimedOut`.
    pub const LOCK_TIMED_OUT: Self = Self(0x000006BA);
    /// `ObjectLocked` (0x000006BB, MS-OXCDATA 2.4.2): The target object is locked.
    ///
    /// Also written `ecObjectLocked`.
    pub const OBJECT_LOCKED: Self = Self(0x000006BB);
    /// `InvalidLockNamespace` (0x000006BD, MS-OXCDATA 2.4.2): A lock on a nonexistent object was attempted.
    ///
    /// Also written `ecInvalidLockNamespace`.
    pub const INVALID_LOCK_NAMESPACE: Self = Self(0x000006BD);
    /// `MessageDeleted` (0x000007D6, MS-OXCDATA 2.4.2): The message has been deleted.
    ///
    /// Also written `ecMessageDeleted`.
    pub const MESSAGE_DELETED: Self = Self(0x000007D6);
    /// `ProtocolDisabled` (0x000007D8, MS-OXCDATA 2.4.2): The protocol is disabled on the server.
    ///
    /// Also written `ecProtocolDisabled`.
    pub const PROTOCOL_DISABLED: Self = Self(0x000007D8);
    /// `CleartextLogonDisabled` (0x000007D9, MS-OXCDATA 2.4.2): Clear-text logons are disabled.
    ///
    /// Also written `ecCleartextLogonDisabled`.
    pub const CLEARTEXT_LOGON_DISABLED: Self = Self(0x000007D9);
    /// `Rejected` (0x000007EE, MS-OXCDATA 2.4.2): The operation was rejected, perhaps as unsupported.
    ///
    /// Also written `ecRejected`.
    pub const REJECTED: Self = Self(0x000007EE);
    /// `AmbiguousAlias` (0x0000089A, MS-OXCDATA 2.4.2): The account information matches more than one user.
    ///
    /// Also written `ecAmbiguousAlias`.
    pub const AMBIGUOUS_ALIAS: Self = Self(0x0000089A);
    /// `UnknownMailbox` (0x0000089B, MS-OXCDATA 2.4.2): The address book has no mailbox object for this logon.
    ///
    /// Also written `ecUnknownMailbox`.
    pub const UNKNOWN_MAILBOX: Self = Self(0x0000089B);
    /// `ExpressionReserved` (0x000008FC, MS-OXCDATA 2.4.2): Internal error evaluating an expression.
    ///
    /// Also written `ecExpReserved`.
    pub const EXPRESSION_RESERVED: Self = Self(0x000008FC);
    /// `ExpressionParseDepth` (0x000008FD, MS-OXCDATA 2.4.2): The expression tree is too deep.
    ///
    /// Also written `ecExpParseDepth`.
    pub const EXPRESSION_PARSE_DEPTH: Self = Self(0x000008FD);
    /// `ExpressionArgumentType` (0x000008FE, MS-OXCDATA 2.4.2): A function argument has the wrong type.
    ///
    /// Also written `ecExpFuncArgType`.
    pub const EXPRESSION_ARGUMENT_TYPE: Self = Self(0x000008FE);
    /// `ExpressionSyntax` (0x000008FF, MS-OXCDATA 2.4.2): Syntax error in an expression.
    ///
    /// Also written `ecExpSyntax`.
    pub const EXPRESSION_SYNTAX: Self = Self(0x000008FF);
    /// `ExpressionBadStringToken` (0x00000900, MS-OXCDATA 2.4.2): Invalid string token in an expression.
    ///
    /// Also written `ecExpBadStrToken`.
    pub const EXPRESSION_BAD_STRING_TOKEN: Self = Self(0x00000900);
    /// `ExpressionBadColToken` (0x00000901, MS-OXCDATA 2.4.2): Invalid column name in an expression.
    ///
    /// Also written `ecExpBadColToken`.
    pub const EXPRESSION_BAD_COL_TOKEN: Self = Self(0x00000901);
    /// `ExpressionTypeMismatch` (0x00000902, MS-OXCDATA 2.4.2): The property types in an expression are incompatible.
    ///
    /// Also written `ecExpTypeMismatch`.
    pub const EXPRESSION_TYPE_MISMATCH: Self = Self(0x00000902);
    /// `ExpressionOperatorNotSupported` (0x00000903, MS-OXCDATA 2.4.2): The operator is not supported.
    ///
    /// Also written `ecExpOpNotSupported`.
    pub const EXPRESSION_OPERATOR_NOT_SUPPORTED: Self = Self(0x00000903);
    /// `ExpressionDivideByZero` (0x00000904, MS-OXCDATA 2.4.2): Division by zero.
    ///
    /// Also written `ecExpDivByZero`.
    pub const EXPRESSION_DIVIDE_BY_ZERO: Self = Self(0x00000904);
    /// `ExpressionUnaryArgument` (0x00000905, MS-OXCDATA 2.4.2): The argument of a unary expression has the wrong type.
    ///
    /// Also written `ecExpUnaryArgType`.
    pub const EXPRESSION_UNARY_ARGUMENT: Self = Self(0x00000905);
    /// `NotLocked` (0x00000960, MS-OXCDATA 2.4.2): Locking a resource failed.
    ///
    /// Also written `ecNotLocked`.
    pub const NOT_LOCKED: Self = Self(0x00000960);
    /// `ClientEvent` (0x00000961, MS-OXCDATA 2.4.2): A client-supplied event fired.
    ///
    /// Also written `ecClientEvent`.
    pub const CLIENT_EVENT: Self = Self(0x00000961);
    /// `CorruptEvent` (0x00000965, MS-OXCDATA 2.4.2): The event table holds bad data.
    ///
    /// Also written `ecCorruptEvent`.
    pub const CORRUPT_EVENT: Self = Self(0x00000965);
    /// `CorruptWatermark` (0x00000966, MS-OXCDATA 2.4.2): A watermark in the event table is bad.
    ///
    /// Also written `ecCorruptWatermark`.
    pub const CORRUPT_WATERMARK: Self = Self(0x00000966);
    /// `EventError` (0x00000967, MS-OXCDATA 2.4.2): General event processing error.
    ///
    /// Also written `ecEventError`.
    pub const EVENT_ERROR: Self = Self(0x00000967);
    /// `WatermarkError` (0x00000968, MS-OXCDATA 2.4.2): An event watermark is out of range or otherwise invalid.
    ///
    /// Also written `ecWatermarkError`.
    pub const WATERMARK_ERROR: Self = Self(0x00000968);
    /// `NonCanonicalACL` (0x00000969, MS-OXCDATA 2.4.2): The existing ACL is not in canonical order.
    ///
    /// Also written `ecNonCanonicalACL`.
    pub const NON_CANONICAL_ACL: Self = Self(0x00000969);
    /// `MailboxDisabled` (0x0000096C, MS-OXCDATA 2.4.2): The mailbox is disabled.
    ///
    /// Also written `ecMailboxDisabled`.
    pub const MAILBOX_DISABLED: Self = Self(0x0000096C);
    /// `RulesFolderOverQuota` (0x0000096D, MS-OXCDATA 2.4.2): A move or copy rule action failed: the target folder is over quota.
    ///
    /// Also written `ecRulesFolderOverQuota`.
    pub const RULES_FOLDER_OVER_QUOTA: Self = Self(0x0000096D);
    /// `AddressBookUnavailable` (0x0000096E, MS-OXCDATA 2.4.2): The address book server could not be reached.
    ///
    /// Also written `ecADUnavailable`.
    pub const ADDRESS_BOOK_UNAVAILABLE: Self = Self(0x0000096E);
    /// `AddressBookError` (0x0000096F, MS-OXCDATA 2.4.2): Unspecified error from the address book server.
    ///
    /// Also written `ecADError`.
    pub const ADDRESS_BOOK_ERROR: Self = Self(0x0000096F);
    /// `NotEncrypted` (0x00000970, MS-OXCDATA 2.4.2): The server requires encrypted connections.
    ///
    /// Also written `ecNotEncrypted`.
    pub const NOT_ENCRYPTED: Self = Self(0x00000970);
    /// `AddressBookObjectNotFound` (0x00000971, MS-OXCDATA 2.4.2): An object was not found in the address book.
    ///
    /// Also written `ecADNotFound`.
    pub const ADDRESS_BOOK_OBJECT_NOT_FOUND: Self = Self(0x00000971);
    /// `AddressBookPropertyError` (0x00000972, MS-OXCDATA 2.4.2): A property was not found in the address book.
    ///
    /// Also written `ecADPropertyError`.
    pub const ADDRESS_BOOK_PROPERTY_ERROR: Self = Self(0x00000972);
    /// `RpcServerTooBusy` (0x00000973, MS-OXCDATA 2.4.2): An external RPC failed: the server was too busy.
    ///
    /// Also written `ecRpcServerTooBusy`.
    pub const RPC_SERVER_TOO_BUSY: Self = Self(0x00000973);
    /// `RpcOutOfMemory` (0x00000974, MS-OXCDATA 2.4.2): An external RPC failed: the local server was out of memory.
    ///
    /// Also written `ecRpcOutOfMemory`.
    pub const RPC_OUT_OF_MEMORY: Self = Self(0x00000974);
    /// `RpcServerOutOfMemory` (0x00000975, MS-OXCDATA 2.4.2): An external RPC failed: the remote server was out of memory.
    ///
    /// Also written `ecRpcServerOutOfMemory`.
    pub const RPC_SERVER_OUT_OF_MEMORY: Self = Self(0x00000975);
    /// `RpcOutOfResources` (0x00000976, MS-OXCDATA 2.4.2): An external RPC failed: the remote server ran out of a resource.
    ///
    /// Also written `ecRpcOutOfResources`.
    pub const RPC_OUT_OF_RESOURCES: Self = Self(0x00000976);
    /// `RpcServerUnavailable` (0x00000977, MS-OXCDATA 2.4.2): An external RPC failed: the remote server was unavailable.
    ///
    /// Also written `ecRpcServerUnavailable`.
    pub const RPC_SERVER_UNAVAILABLE: Self = Self(0x00000977);
    /// `SecureSubmitError` (0x0000097A, MS-OXCDATA 2.4.2): Setting the secure submission state of a message failed.
    ///
    /// Also written `ecSecureSubmitError`.
    pub const SECURE_SUBMIT_ERROR: Self = Self(0x0000097A);
    /// `EventsDeleted` (0x0000097C, MS-OXCDATA 2.4.2): The requested events were already deleted from the queue.
    ///
    /// Also written `ecEventsDeleted`.
    pub const EVENTS_DELETED: Self = Self(0x0000097C);
    /// `SubsystemStopping` (0x0000097D, MS-OXCDATA 2.4.2): A component service is shutting down.
    ///
    /// Also written `ecSubsystemStopping`.
    pub const SUBSYSTEM_STOPPING: Self = Self(0x0000097D);
    /// `AttendantUnavailable` (0x0000097E, MS-OXCDATA 2.4.2): The system attendant service is unavailable.
    ///
    /// Also written `ecSAUnavailable`.
    pub const ATTENDANT_UNAVAILABLE: Self = Self(0x0000097E);
    /// `CIStopping` (0x00000A28, MS-OXCDATA 2.4.2): The content indexer is stopping.
    ///
    /// Also written `ecCiStopping`.
    pub const CI_STOPPING: Self = Self(0x00000A28);
    /// `FxInvalidState` (0x00000A29, MS-OXCDATA 2.4.2): An internal fast-transfer object is in an invalid state.
    ///
    /// Also written `ecFxInvalidState`.
    pub const FX_INVALID_STATE: Self = Self(0x00000A29);
    /// `FxUnexpectedMarker` (0x00000A2A, MS-OXCDATA 2.4.2): Fast-transfer parsing hit an invalid marker.
    ///
    /// Also written `ecFxUnexpectedMarker`.
    pub const FX_UNEXPECTED_MARKER: Self = Self(0x00000A2A);
    /// `DuplicateDelivery` (0x00000A2B, MS-OXCDATA 2.4.2): A copy of this message was already delivered.
    ///
    /// Also written `ecDuplicateDelivery`.
    pub const DUPLICATE_DELIVERY: Self = Self(0x00000A2B);
    /// `ConditionViolation` (0x00000A2C, MS-OXCDATA 2.4.2): The condition of a conditional operation was not met.
    ///
    /// Also written `ecConditionViolation`.
    pub const CONDITION_VIOLATION: Self = Self(0x00000A2C);
    /// `MaximumConnectionPoolsExceeded` (0x00000A2D, MS-OXCDATA 2.4.2): The client exceeded its limit of RPC connection pools.
    ///
    /// Also written `ecMaxPoolExceeded`.
    pub const MAXIMUM_CONNECTION_POOLS_EXCEEDED: Self = Self(0x00000A2D);
    /// `InvalidRpcHandle` (0x00000A2E, MS-OXCDATA 2.4.2): The RPC connection is no longer valid.
    ///
    /// Also written `ecRpcInvalidHandle`.
    pub const INVALID_RPC_HANDLE: Self = Self(0x00000A2E);
    /// `EventNotFound` (0x00000A2F, MS-OXCDATA 2.4.2): The event table is empty or the event was not found.
    ///
    /// Also written `ecEventNotFound`.
    pub const EVENT_NOT_FOUND: Self = Self(0x00000A2F);
    /// `PropertyNotPromoted` (0x00000A30, MS-OXCDATA 2.4.2): A property was not copied to the message header table.
    ///
    /// Also written `ecPropNotPromoted`.
    pub const PROPERTY_NOT_PROMOTED: Self = Self(0x00000A30);
    /// `LowFreeSpaceForDatabase` (0x00000A31, MS-OXCDATA 2.4.2): The database drive is (nearly) full.
    ///
    /// Also written `ecLowMdbSpace`.
    pub const LOW_FREE_SPACE_FOR_DATABASE: Self = Self(0x00000A31);
    /// `LowFreeSpaceForLogs` (0x00000A32, MS-OXCDATA 2.4.2): The log drive is (nearly) full.
    ///
    /// Also written `ecLowMdbLogSpace`.
    pub const LOW_FREE_SPACE_FOR_LOGS: Self = Self(0x00000A32);
    /// `MailboxIsQuarantined` (0x00000A33, MS-OXCDATA 2.4.2): An administrator quarantined the mailbox.
    ///
    /// Also written `ecMailboxQuarantined`.
    pub const MAILBOX_IS_QUARANTINED: Self = Self(0x00000A33);
    /// `DatabaseMountInProgress` (0x00000A34, MS-OXCDATA 2.4.2): The mailbox database is being mounted.
    ///
    /// Also written `ecMountInProgress`.
    pub const DATABASE_MOUNT_IN_PROGRESS: Self = Self(0x00000A34);
    /// `DatabaseDismountInProgress` (0x00000A35, MS-OXCDATA 2.4.2): The mailbox database is being dismounted.
    ///
    /// Also written `ecDismountInProgress`.
    pub const DATABASE_DISMOUNT_IN_PROGRESS: Self = Self(0x00000A35);
    /// `ConnectionsOverBudget` (0x00000A36, MS-OXCDATA 2.4.2): The client uses more RPC connections than budgeted.
    ///
    /// Also written `ecMaxConnectionsExceeded`.
    pub const CONNECTIONS_OVER_BUDGET: Self = Self(0x00000A36);
    /// `NotFoundInContainer` (0x00000A37, MS-OXCDATA 2.4.2): The mailbox is not in the mailbox metadata cache.
    ///
    /// Also written `ecNotFoundInContainer`.
    pub const NOT_FOUND_IN_CONTAINER: Self = Self(0x00000A37);
    /// `CannotRemove` (0x00000A38, MS-OXCDATA 2.4.2): An item cannot be removed from an internal list.
    ///
    /// Also written `ecCannotRemove`.
    pub const CANNOT_REMOVE: Self = Self(0x00000A38);
    /// `InvalidConnectionPool` (0x00000A39, MS-OXCDATA 2.4.2): The connection pool is unknown to the server.
    ///
    /// Also written `ecInvalidPool`.
    pub const INVALID_CONNECTION_POOL: Self = Self(0x00000A39);
    /// `VirusScanGeneralFailure` (0x00000A3A, MS-OXCDATA 2.4.2): Virus scanning an item failed.
    ///
    /// Also written `ecVirusScannerError`.
    pub const VIRUS_SCAN_GENERAL_FAILURE: Self = Self(0x00000A3A);
    /// `ErrorsReturned` (0x00040380, MS-OXCDATA 2.4.3): The call succeeded overall but failed for some properties.
    ///
    /// Also written `MAPI_W_ERRORS_RETURNED`, `ecWarnWithErrors`.
    pub const ERRORS_RETURNED: Self = Self(0x00040380);
    /// `PositionChanged` (0x00040481, MS-OXCDATA 2.4.3): The table operation succeeded but the bookmark moved.
    ///
    /// Also written `MAPI_W_POSITION_CHANGED`, `ecWarnPositionChanged`.
    pub const POSITION_CHANGED: Self = Self(0x00040481);
    /// `ApproximateCount` (0x00040482, MS-OXCDATA 2.4.3): The row count is an estimate.
    ///
    /// Also written `MAPI_W_APPROX_COUNT`, `ecWarnApproxCount`.
    pub const APPROXIMATE_COUNT: Self = Self(0x00040482);
    /// `PartiallyComplete` (0x00040680, MS-OXCDATA 2.4.3): The operation succeeded for some objects but not all.
    ///
    /// Also written `MAPI_W_PARTIAL_COMPLETION`, `ecPartialCompletion`.
    pub const PARTIALLY_COMPLETE: Self = Self(0x00040680);
    /// `SyncProgress` (0x00040820, MS-OXCDATA 2.4.3): The synchronization step succeeded and there is more to do.
    ///
    /// Also written `SYNC_W_PROGRESS`.
    pub const SYNC_PROGRESS: Self = Self(0x00040820);
    /// `NewerClientChange` (0x00040821, MS-OXCDATA 2.4.3): In a change conflict, the client has the newer change.
    ///
    /// Also written `SYNC_W_CLIENT_CHANGE_NEWER`.
    pub const NEWER_CLIENT_CHANGE: Self = Self(0x00040821);
    /// `NoInterface` (0x80004002, MS-OXCDATA 2.4.1): The requested interface is not supported.
    ///
    /// Also written `E_NOINTERFACE`, `MAPI_E_INTERFACE_NOT_SUPPORTED`, `ecInterfaceNotSupported`.
    pub const NO_INTERFACE: Self = Self(0x80004002);
    /// `GeneralFailure` (0x80004005, MS-OXCDATA 2.4.1): The operation failed for an unspecified reason.
    ///
    /// Also written `E_FAIL`, `MAPI_E_CALL_FAILED`, `ecError`, `SYNC_E_ERROR`.
    pub const GENERAL_FAILURE: Self = Self(0x80004005);
    /// `StorageInvalidFunction` (0x80030001, MS-OXCDATA 2.4.1): The server was unable to perform the requested operation.
    ///
    /// Also written `STG_E_INVALIDFUNCTION`.
    pub const STORAGE_INVALID_FUNCTION: Self = Self(0x80030001);
    /// `StorageAccessDenied` (0x80030005, MS-OXCDATA 2.4.1): The caller lacks the access rights for the operation.
    ///
    /// Also written `STG_E_ACCESSDENIED`.
    pub const STORAGE_ACCESS_DENIED: Self = Self(0x80030005);
    /// `StorageInsufficientMemory` (0x80030008, MS-OXCDATA 2.4.1): Not enough memory was available.
    ///
    /// Also written `STG_E_INSUFFICIENTMEMORY`.
    pub const STORAGE_INSUFFICIENT_MEMORY: Self = Self(0x80030008);
    /// `StorageInvalidPointer` (0x80030009, MS-OXCDATA 2.4.1): An invalid pointer was passed to the call.
    ///
    /// Also written `STG_E_INVALIDPOINTER`.
    pub const STORAGE_INVALID_POINTER: Self = Self(0x80030009);
    /// `StorageReadFault` (0x8003001E, MS-OXCDATA 2.4.1): A disk error occurred during a read.
    ///
    /// Also written `STG_E_READFAULT`.
    pub const STORAGE_READ_FAULT: Self = Self(0x8003001E);
    /// `StorageLockViolation` (0x80030021, MS-OXCDATA 2.4.1): A lock violation occurred.
    ///
    /// Also written `STG_E_LOCKVIOLATION`.
    pub const STORAGE_LOCK_VIOLATION: Self = Self(0x80030021);
    /// `StorageInvalidParameter` (0x80030057, MS-OXCDATA 2.4.1): An invalid parameter was passed to the call.
    ///
    /// Also written `STG_E_INVALIDPARAMETER`.
    pub const STORAGE_INVALID_PARAMETER: Self = Self(0x80030057);
    /// `StorageInvalidFlag` (0x800300FF, MS-OXCDATA 2.4.1): An invalid flag was passed to the call.
    ///
    /// Also written `STG_E_INVALIDFLAG`.
    pub const STORAGE_INVALID_FLAG: Self = Self(0x800300FF);
    /// `StorageCantSave` (0x80030103, MS-OXCDATA 2.4.1): The stream could not be saved.
    ///
    /// Also written `STG_E_CANTSAVE`.
    pub const STORAGE_CANT_SAVE: Self = Self(0x80030103);
    /// `NotSupported` (0x80040102, MS-OXCDATA 2.4.1): The server does not support this call.
    ///
    /// Also written `MAPI_E_NO_SUPPORT`, `ecNotSupported`, `ecNotImplemented`.
    pub const NOT_SUPPORTED: Self = Self(0x80040102);
    /// `InvalidCharacterWidth` (0x80040103, MS-OXCDATA 2.4.1): Unicode was asked for where only 8-bit strings are supported, or the reverse.
    ///
    /// Also written `MAPI_E_BAD_CHARWIDTH`, `ecBadCharwidth`.
    pub const INVALID_CHARACTER_WIDTH: Self = Self(0x80040103);
    /// `StringTooLong` (0x80040105, MS-OXCDATA 2.4.1): A string is longer than this call allows.
    ///
    /// Also written `MAPI_E_STRING_TOO_LONG`, `ecStringTooLarge`.
    pub const STRING_TOO_LONG: Self = Self(0x80040105);
    /// `InvalidFlag` (0x80040106, MS-OXCDATA 2.4.1): An unknown flag bit was passed.
    ///
    /// Also written `MAPI_E_UNKNOWN_FLAGS`, `ecUnknownFlags`, `SYNC_E_UNKNOWN_FLAGS`.
    pub const INVALID_FLAG: Self = Self(0x80040106);
    /// `InvalidEntryId` (0x80040107, MS-OXCDATA 2.4.1): An entry ID was badly formatted.
    ///
    /// Also written `MAPI_E_INVALID_ENTRYID`, `ecInvalidEntryId`.
    pub const INVALID_ENTRY_ID: Self = Self(0x80040107);
    /// `InvalidObject` (0x80040108, MS-OXCDATA 2.4.1): The object was destroyed or is not in a usable state.
    ///
    /// Also written `MAPI_E_INVALID_OBJECT`, `ecInvalidObject`.
    pub const INVALID_OBJECT: Self = Self(0x80040108);
    /// `ObjectChanged` (0x80040109, MS-OXCDATA 2.4.1): The commit failed because the object was changed separately.
    ///
    /// Also written `MAPI_E_OBJECT_CHANGED`, `ecObjectModified`.
    pub const OBJECT_CHANGED: Self = Self(0x80040109);
    /// `ObjectDeleted` (0x8004010A, MS-OXCDATA 2.4.1): The operation failed because the object was deleted separately.
    ///
    /// Also written `MAPI_E_OBJECT_DELETED`, `ecObjectDeleted`.
    pub const OBJECT_DELETED: Self = Self(0x8004010A);
    /// `ServerBusy` (0x8004010B, MS-OXCDATA 2.4.1): A table operation failed because another operation was in progress.
    ///
    /// Also written `MAPI_E_BUSY`, `ecBusy`.
    pub const SERVER_BUSY: Self = Self(0x8004010B);
    /// `OutOfDisk` (0x8004010D, MS-OXCDATA 2.4.1): Not enough disk space was available.
    ///
    /// Also written `MAPI_E_NOT_ENOUGH_DISK`, `ecDiskFull`.
    pub const OUT_OF_DISK: Self = Self(0x8004010D);
    /// `OutOfResources` (0x8004010E, MS-OXCDATA 2.4.1): Not enough of an unspecified resource was available.
    ///
    /// Also written `MAPI_E_NOT_ENOUGH_RESOURCES`, `ecInsufficientResrc`.
    pub const OUT_OF_RESOURCES: Self = Self(0x8004010E);
    /// `NotFound` (0x8004010F, MS-OXCDATA 2.4.1): The requested object could not be found.
    ///
    /// Also written `MAPI_E_NOT_FOUND`, `ecNotFound`, `ecAttachNotFound`, `ecUnknownRecip`, `ecPropNotExistent`.
    pub const NOT_FOUND: Self = Self(0x8004010F);
    /// `VersionMismatch` (0x80040110, MS-OXCDATA 2.4.1): Client and server versions are not compatible.
    ///
    /// Also written `MAPI_E_VERSION`, `ecVersionMismatch`, `ecVersion`.
    pub const VERSION_MISMATCH: Self = Self(0x80040110);
    /// `LogonFailed` (0x80040111, MS-OXCDATA 2.4.1): The client could not log on to the server.
    ///
    /// Also written `MAPI_E_LOGON_FAILED`, `ecLoginFailure`.
    pub const LOGON_FAILED: Self = Self(0x80040111);
    /// `TooManySessions` (0x80040112, MS-OXCDATA 2.4.1): The server cannot create any more sessions.
    ///
    /// Also written `MAPI_E_SESSION_LIMIT`, `ecTooManySessions`.
    pub const TOO_MANY_SESSIONS: Self = Self(0x80040112);
    /// `UserCanceled` (0x80040113, MS-OXCDATA 2.4.1): The user canceled the operation.
    ///
    /// Also written `MAPI_E_USER_CANCEL`, `ecUserAbort`.
    pub const USER_CANCELED: Self = Self(0x80040113);
    /// `AbortFailed` (0x80040114, MS-OXCDATA 2.4.1): RopAbort or RopAbortSubmit did not succeed.
    ///
    /// Also written `MAPI_E_UNABLE_TO_ABORT`, `ecUnableToAbort`.
    pub const ABORT_FAILED: Self = Self(0x80040114);
    /// `NetworkError` (0x80040115, MS-OXCDATA 2.4.1): A network operation or service failed.
    ///
    /// Also written `MAPI_E_NETWORK_ERROR`, `ecNetwork`, `ecRpcFailed`.
    pub const NETWORK_ERROR: Self = Self(0x80040115);
    /// `DiskError` (0x80040116, MS-OXCDATA 2.4.1): A disk read or write failed.
    ///
    /// Also written `MAPI_E_DISK_ERROR`, `ecWriteFault`, `ecReadFault`.
    pub const DISK_ERROR: Self = Self(0x80040116);
    /// `TooComplex` (0x80040117, MS-OXCDATA 2.4.1): The operation (usually a restriction) is too complex for the server.
    ///
    /// Also written `MAPI_E_TOO_COMPLEX`, `ecTooComplex`.
    pub const TOO_COMPLEX: Self = Self(0x80040117);
    /// `InvalidColumn` (0x80040118, MS-OXCDATA 2.4.1): The column is not allowed in this kind of table.
    ///
    /// Also written `MAPI_E_BAD_COLUMN`.
    pub const INVALID_COLUMN: Self = Self(0x80040118);
    /// `ComputedValue` (0x8004011A, MS-OXCDATA 2.4.1): The property is computed by the server and read-only.
    ///
    /// Also written `MAPI_E_COMPUTED`, `ecComputed`.
    pub const COMPUTED_VALUE: Self = Self(0x8004011A);
    /// `CorruptData` (0x8004011B, MS-OXCDATA 2.4.1): The database or a complex property value is internally inconsistent.
    ///
    /// Also written `MAPI_E_CORRUPT_DATA`, `ecCorruptData`.
    pub const CORRUPT_DATA: Self = Self(0x8004011B);
    /// `InvalidCodepage` (0x8004011E, MS-OXCDATA 2.4.1): The server does not support the requested code page.
    ///
    /// Also written `MAPI_E_UNKNOWN_CPID`.
    pub const INVALID_CODEPAGE: Self = Self(0x8004011E);
    /// `InvalidLocale` (0x8004011F, MS-OXCDATA 2.4.1): The server does not support the requested locale.
    ///
    /// Also written `MAPI_E_UNKNOWN_LCID`.
    pub const INVALID_LOCALE: Self = Self(0x8004011F);
    /// `TimeSkew` (0x80040123, MS-OXCDATA 2.4.1): The clocks of the servers differ too much.
    ///
    /// Also written `MAPI_E_INVALID_ACCESS_TIME`, `ecTimeSkew`.
    pub const TIME_SKEW: Self = Self(0x80040123);
    /// `EndOfSession` (0x80040200, MS-OXCDATA 2.4.1): The server session was destroyed, possibly by a restart.
    ///
    /// Also written `MAPI_E_END_OF_SESSION`.
    pub const END_OF_SESSION: Self = Self(0x80040200);
    /// `UnknownEntryId` (0x80040201, MS-OXCDATA 2.4.1): The entry ID was made by a different provider.
    ///
    /// Also written `MAPI_E_UNKNOWN_ENTRYID`.
    pub const UNKNOWN_ENTRY_ID: Self = Self(0x80040201);
    /// `NotCompleted` (0x80040400, MS-OXCDATA 2.4.1): A complex operation could not be completed.
    ///
    /// Also written `MAPI_E_UNABLE_TO_COMPLETE`, `ecUnableToComplete`.
    pub const NOT_COMPLETED: Self = Self(0x80040400);
    /// `Timeout` (0x80040401, MS-OXCDATA 2.4.1): An asynchronous operation did not finish in time.
    ///
    /// Also written `MAPI_E_TIMEOUT`, `ecTimeout`.
    pub const TIMEOUT: Self = Self(0x80040401);
    /// `EmptyTable` (0x80040402, MS-OXCDATA 2.4.1): A table the operation needs is empty.
    ///
    /// Also written `MAPI_E_TABLE_EMPTY`, `ecTableEmpty`.
    pub const EMPTY_TABLE: Self = Self(0x80040402);
    /// `TableTooBig` (0x80040403, MS-OXCDATA 2.4.1): The table is too big for the operation.
    ///
    /// Also written `MAPI_E_TABLE_TOO_BIG`, `ecTableTooBig`.
    pub const TABLE_TOO_BIG: Self = Self(0x80040403);
    /// `InvalidBookmark` (0x80040405, MS-OXCDATA 2.4.1): The bookmark was not made on this table.
    ///
    /// Also written `MAPI_E_INVALID_BOOKMARK`, `ecInvalidBookmark`.
    pub const INVALID_BOOKMARK: Self = Self(0x80040405);
    /// `ErrorWait` (0x80040500, MS-OXCDATA 2.4.1): A wait timed out.
    ///
    /// Also written `MAPI_E_WAIT`, `ecWait`.
    pub const ERROR_WAIT: Self = Self(0x80040500);
    /// `ErrorCancel` (0x80040501, MS-OXCDATA 2.4.1): The operation had to be canceled.
    ///
    /// Also written `MAPI_E_CANCEL`, `ecCancel`.
    pub const ERROR_CANCEL: Self = Self(0x80040501);
    /// `NoSuppress` (0x80040602, MS-OXCDATA 2.4.1): The server cannot suppress read receipts.
    ///
    /// Also written `MAPI_E_NO_SUPPRESS`.
    pub const NO_SUPPRESS: Self = Self(0x80040602);
    /// `CollidingNames` (0x80040604, MS-OXCDATA 2.4.1): An object with the same name already exists.
    ///
    /// Also written `MAPI_E_COLLISION`, `ecDuplicateName`.
    pub const COLLIDING_NAMES: Self = Self(0x80040604);
    /// `NotInitialized` (0x80040605, MS-OXCDATA 2.4.1): The subsystem is not ready.
    ///
    /// Also written `MAPI_E_NOT_INITIALIZED`, `ecNotInitialized`.
    pub const NOT_INITIALIZED: Self = Self(0x80040605);
    /// `NoRecipients` (0x80040607, MS-OXCDATA 2.4.1): The message has no recipients and cannot be sent.
    ///
    /// Also written `MAPI_E_NO_RECIPIENTS`.
    pub const NO_RECIPIENTS: Self = Self(0x80040607);
    /// `AlreadySent` (0x80040608, MS-OXCDATA 2.4.1): The message has been sent and cannot be modified.
    ///
    /// Also written `MAPI_E_SUBMITTED`, `ecSubmitted`.
    pub const ALREADY_SENT: Self = Self(0x80040608);
    /// `HasFolders` (0x80040609, MS-OXCDATA 2.4.1): The folder still has subfolders.
    ///
    /// Also written `MAPI_E_HAS_FOLDERS`, `ecFolderHasChildren`.
    pub const HAS_FOLDERS: Self = Self(0x80040609);
    /// `HasMessages` (0x8004060A, MS-OXCDATA 2.4.1): The folder still has messages.
    ///
    /// Also written `MAPI_E_HAS_MESSAGES`, `ecFolderHasContents`.
    pub const HAS_MESSAGES: Self = Self(0x8004060A);
    /// `FolderCycle` (0x8004060B, MS-OXCDATA 2.4.1): The folder move or copy would create a cycle.
    ///
    /// Also written `MAPI_E_FOLDER_CYCLE`, `ecRootFolder`.
    pub const FOLDER_CYCLE: Self = Self(0x8004060B);
    /// `TooManyLocks` (0x8004060D, MS-OXCDATA 2.4.1): Too many locks were requested.
    ///
    /// Also written `MAPI_E_LOCKID_LIMIT`, `ecLockIdLimit`.
    pub const TOO_MANY_LOCKS: Self = Self(0x8004060D);
    /// `AmbiguousRecipient` (0x80040700, MS-OXCDATA 2.4.1): An unresolved recipient matches more than one directory entry.
    ///
    /// Also written `MAPI_E_AMBIGUOUS_RECIP`, `ecAmbiguousRecip`.
    pub const AMBIGUOUS_RECIPIENT: Self = Self(0x80040700);
    /// `SyncObjectDeleted` (0x80040800, MS-OXCDATA 2.4.1): The object was deleted earlier.
    ///
    /// Also written `SYNC_E_OBJECT_DELETED`.
    pub const SYNC_OBJECT_DELETED: Self = Self(0x80040800);
    /// `IgnoreFailure` (0x80040801, MS-OXCDATA 2.4.1): An error occurred that is safe to ignore.
    ///
    /// Also written `SYNC_E_IGNORE`.
    pub const IGNORE_FAILURE: Self = Self(0x80040801);
    /// `SyncConflict` (0x80040802, MS-OXCDATA 2.4.1): Conflicting changes to an object were detected.
    ///
    /// Also written `SYNC_E_CONFLICT`.
    pub const SYNC_CONFLICT: Self = Self(0x80040802);
    /// `NoParentFolder` (0x80040803, MS-OXCDATA 2.4.1): The parent folder could not be found.
    ///
    /// Also written `SYNC_E_NO_PARENT`.
    pub const NO_PARENT_FOLDER: Self = Self(0x80040803);
    /// `CycleDetected` (0x80040804, MS-OXCDATA 2.4.1): The operation would create a cycle.
    ///
    /// Also written `SYNC_E_CYCLE`.
    pub const CYCLE_DETECTED: Self = Self(0x80040804);
    /// `NotSynchronized` (0x80040805, MS-OXCDATA 2.4.1): A synchronization did not take place.
    ///
    /// Also written `SYNC_E_UNSYNCHRONIZED`.
    pub const NOT_SYNCHRONIZED: Self = Self(0x80040805);
    /// `NamedPropertyQuota` (0x80040900, MS-OXCDATA 2.4.1): The store cannot hold any more named properties.
    ///
    /// Also written `MAPI_E_NAMED_PROP_QUOTA_EXCEEDED`, `ecNPQuotaExceeded`.
    pub const NAMED_PROPERTY_QUOTA: Self = Self(0x80040900);
    /// `NotImplemented` (0x80040FFF, MS-OXCDATA 2.4.1): The server does not implement this call.
    ///
    /// Also written `MAPI_E_NOT_IMPLEMENTED`.
    pub const NOT_IMPLEMENTED: Self = Self(0x80040FFF);
    /// `AccessDenied` (0x80070005, MS-OXCDATA 2.4.1): The caller lacks the access rights for the operation.
    ///
    /// Also written `E_ACCESSDENIED`, `MAPI_E_NO_ACCESS`, `ecAccessDenied`, `ecPropSecurityViolation`.
    pub const ACCESS_DENIED: Self = Self(0x80070005);
    /// `OutOfMemory` (0x8007000E, MS-OXCDATA 2.4.1): Not enough memory was available to complete the operation.
    ///
    /// Also written `E_NOMEMORY`, `MAPI_E_NOT_ENOUGH_MEMORY`, `ecMAPIOOM`, `ecPropSize`, `NotEnoughMemory`.
    pub const OUT_OF_MEMORY: Self = Self(0x8007000E);
    /// `InvalidParameter` (0x80070057, MS-OXCDATA 2.4.1): An invalid parameter was passed to a call.
    ///
    /// Also written `E_INVALIDARG`, `MAPI_E_INVALID_PARAMETER`, `ecInvalidParam`, `ecInvalidSession`, `ecBadBuffer`, `SYNC_E_INVALID_PARAMETER`.
    pub const INVALID_PARAMETER: Self = Self(0x80070057);

    /// `ecRpcFailed`, the name MS-OXCRPC and MS-OXCMAPIHTTP use for 0x80040115
    /// ([`Self::NETWORK_ERROR`] in MS-OXCDATA 2.4.1).
    pub const RPC_FAILED: Self = Self::NETWORK_ERROR;

    /// The table row for this code, if MS-OXCDATA 2.4 lists it.
    pub fn info(self) -> Option<&'static ErrorCodeInfo> {
        ERROR_CODES
            .binary_search_by_key(&self.0, |r| r.code)
            .ok()
            .and_then(|i| ERROR_CODES.get(i))
    }

    /// The specification's primary name (`NotFound` for 0x8004010F), if the code is listed.
    pub fn name(self) -> Option<&'static str> {
        self.info().map(|r| r.name)
    }

    /// The other names the specification lists for this code (`MAPI_E_NOT_FOUND`,
    /// `ecNotFound` ...); empty for unknown codes.
    pub fn alternate_names(self) -> &'static [&'static str] {
        self.info().map_or(&[], |r| r.alternate_names)
    }

    /// A short meaning of the code, if it is listed.
    pub fn description(self) -> Option<&'static str> {
        self.info().map(|r| r.description)
    }

    /// The table (and so the section) that lists the code.
    pub fn section(self) -> Option<ErrorCodeSection> {
        self.info().map(|r| r.section)
    }

    /// Whether this is `Success` (0). Warnings ([`Self::is_warning`]) also mean the call
    /// succeeded, but with a caveat the caller may need to act on.
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }

    /// Whether this is one of the MS-OXCDATA 2.4.3 warning codes (`ErrorsReturned`,
    /// `PositionChanged`, `ApproximateCount`, `PartiallyComplete`, `SyncProgress`,
    /// `NewerClientChange`).
    pub fn is_warning(self) -> bool {
        self.section() == Some(ErrorCodeSection::Warning)
    }

    /// Looks a code up by its primary or any alternate name (`"NotFound"`,
    /// `"MAPI_E_NOT_FOUND"`, `"ecNotFound"`), ignoring ASCII case, or parses `0x`-prefixed hex.
    /// `ServerBusy`, the primary name of two codes, gives 0x8004010B.
    pub fn from_name(name: &str) -> Option<Self> {
        if let Some(hex) = name.strip_prefix("0x").or_else(|| name.strip_prefix("0X")) {
            return u32::from_str_radix(hex, 16).ok().map(Self);
        }
        let matches = |n: &&str| n.eq_ignore_ascii_case(name);
        ERROR_CODES
            .iter()
            .filter(|r| r.section == ErrorCodeSection::Common)
            .chain(ERROR_CODES.iter())
            .find(|r| matches(&r.name) || r.alternate_names.iter().any(matches))
            .map(|r| Self(r.code))
    }

    /// Every code MS-OXCDATA 2.4 lists, sorted by value.
    pub fn all() -> &'static [ErrorCodeInfo] {
        ERROR_CODES
    }
}

/// The rows of MS-OXCDATA 2.4.1, 2.4.2 and 2.4.3, sorted by value so lookups can binary search.
static ERROR_CODES: &[ErrorCodeInfo] = &[
    row(
        0x00000000,
        "Success",
        &["S_OK", "SUCCESS_SUCCESS", "ecNone"],
        "The operation succeeded.",
        ErrorCodeSection::Common,
    ),
    row(
        0x00000001,
        "UnbindSuccess",
        &[],
        "The NSPI server completed the unbind.",
        ErrorCodeSection::Common,
    ),
    row(
        0x00000002,
        "UnbindFailure",
        &[],
        "The NSPI server could not complete the unbind.",
        ErrorCodeSection::Common,
    ),
    row(
        0x0000011C,
        "ProfileNotConfigured",
        &["ecProfileNotConfigured"],
        "The profile is not configured.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003EA,
        "IsamError",
        &["ecJetError"],
        "Unspecified database failure.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003EB,
        "UnknownUser",
        &["ecUnknownUser"],
        "No home store could be identified for this user.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003ED,
        "Exiting",
        &["ecExiting"],
        "The server is stopping.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003EE,
        "BadConfiguration",
        &["ecBadConfig"],
        "The protocol settings for this user are incorrect.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003EF,
        "UnknownCodePage",
        &["ecUnknownCodePage"],
        "The code page is not installed on the server.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003F0,
        "ServerMemory",
        &["ecServerOOM", "ecMemory"],
        "The server is out of memory.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003F2,
        "LoginPermission",
        &["ecLoginPerm"],
        "This user has no access rights to the mailbox.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003F3,
        "DatabaseRolledBack",
        &["ecDatabaseRolledBack"],
        "The database was restored and cannot be fixed up.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003F4,
        "DatabaseCopiedError",
        &["ecDatabaseCopiedError"],
        "The database file was copied from another server.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003F5,
        "AuditNotAllowed",
        &["ecAuditNotAllowed"],
        "Auditing of security operations is not allowed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003F6,
        "ZombieUser",
        &["ecZombieUser"],
        "The user has no security identifier.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000003F7,
        "UnconvertableACL",
        &["ecUnconvertableACL"],
        "The ACL cannot be converted to NTFS format.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000044C,
        "NoFreeJetSessions",
        &["ecNoFreeJses"],
        "No Jet session is available.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000044D,
        "DifferentJetSession",
        &["ecDifferentJses"],
        "A Jet session other than the one requested was returned.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000044F,
        "FileRemove",
        &["ecFileRemove"],
        "A database file could not be removed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000450,
        "ParameterOverflow",
        &["ecParameterOverflow"],
        "A parameter value overflowed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000451,
        "BadVersion",
        &["ecBadVersion"],
        "Bad store database version number.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000452,
        "TooManyColumns",
        &["ecTooManyCols"],
        "Too many columns were requested in RopSetColumns.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000453,
        "HaveMore",
        &["ecHaveMore"],
        "The ROP has more data to return.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000454,
        "DatabaseError",
        &["ecDatabaseError"],
        "General database problem.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000455,
        "IndexNameTooBig",
        &["ecIndexNameTooBig"],
        "An index name is longer than Jet allows.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000456,
        "UnsupportedProperty",
        &["ecUnsupportedProp"],
        "The property data type is not supported.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000457,
        "MessageNotSaved",
        &["ecMsgNotSaved"],
        "The message was not saved during AbortSubmit.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000459,
        "UnpublishedNotification",
        &["ecUnpubNotif"],
        "A notification could not be published now.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000045B,
        "DifferentRoot",
        &["ecDifferentRoot"],
        "Folders cannot be moved or copied to another top-level hierarchy.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000045C,
        "BadFolderName",
        &["ecBadFolderName"],
        "The folder name is not valid.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000045D,
        "AttachmentOpen",
        &["ecAttachOpen"],
        "The attachment is open.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000045E,
        "InvalidCollapseState",
        &["ecInvClpsState"],
        "The collapse state given to RopSetCollapseState is not valid.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000045F,
        "SkipMyChildren",
        &["ecSkipMyChildren"],
        "Skip the children of this folder while walking the tree.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000460,
        "SearchFolder",
        &["ecSearchFolder"],
        "The operation is not supported on a search folder.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000461,
        "NotSearchFolder",
        &["ecNotSearchFolder"],
        "The operation is valid only on a search folder.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000462,
        "FolderSetReceive",
        &["ecFolderSetReceive"],
        "This is a receive folder and cannot be deleted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000463,
        "NoReceiveFolder",
        &["ecNoReceiveFolder"],
        "No receive folder is available.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000465,
        "DeletedSubmitMessage",
        &["ecNoDelSubmitMsg"],
        "A message submitted for sending cannot be deleted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000467,
        "InvalidRecipients",
        &["ecInvalidRecips"],
        "The message cannot be delivered to this recipient.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000468,
        "NoReplicaHere",
        &["ecNoReplicaHere"],
        "This store has no replica of the public folder.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000469,
        "NoReplicaAvailable",
        &["ecNoReplicaAvailable"],
        "No available store has a replica of the public folder.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000046A,
        "PublicDatabase",
        &["ecPublicMDB"],
        "The operation is not valid on a public store.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000046B,
        "NotPublicDatabase",
        &["ecNotPublicMDB"],
        "The operation is valid only on a public store.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000046C,
        "RecordNotFound",
        &["ecRecordNotFound"],
        "The record was not found.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000046D,
        "ReplicationConflict",
        &["ecReplConflict"],
        "A replication conflict was detected.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000470,
        "FXBufferOverrun",
        &["ecFXBufferOverrun"],
        "A fast-transfer buffer read was stopped before an overrun.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000471,
        "FXBufferEmpty",
        &["ecFXBufferEmpty"],
        "The fast-transfer buffer is empty.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000472,
        "FXPartialValue",
        &["ecFxPartialValue"],
        "Partial long value in a fast-transfer buffer.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000473,
        "FXNoRoom",
        &["ecFxNoRoom"],
        "No room for an atomic value in a fast-transfer buffer.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000474,
        "TimeExpired",
        &["ecMaxTimeExpired"],
        "Housekeeping exceeded its time window.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000475,
        "DestinationError",
        &["ecDstError"],
        "An error occurred on the destination folder of a copy.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000476,
        "DatabaseNotInitialized",
        &["ecMDBNotInit"],
        "The store was not properly initialized.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000478,
        "WrongServer",
        &["ecWrongServer"],
        "This server does not host the user's mailbox database.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000047D,
        "BufferTooSmall",
        &["ecBufferTooSmall"],
        "A buffer passed to the call is too small.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000047E,
        "AttachmentResolutionRequired",
        &["ecRequiresRefResolve"],
        "Linked attachments could not be resolved to files.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000047F,
        "ServerPaused",
        &["ecServerPaused"],
        "The server is paused.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000480,
        "ServerBusy",
        &["ecServerBusy"],
        "The server is too busy to complete the operation.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000481,
        "NoSuchLogon",
        &["ecNoSuchLogon"],
        "No such logon exists in the store's logon list.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000482,
        "LoadLibraryFailed",
        &["ecLoadLibFailed"],
        "The service could not load a required library.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000483,
        "AlreadyConfigured",
        &["ecObjAlreadyConfig"],
        "The synchronization object is already configured.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000484,
        "NotConfigured",
        &["ecObjNotConfig"],
        "The synchronization object is not configured yet.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000485,
        "DataLoss",
        &["ecDataLoss"],
        "A code page conversion lost data.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000488,
        "MaximumSendThreadExceeded",
        &["ecMaxSendThreadExceeded"],
        "The maximum number of send threads was exceeded.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000489,
        "FxErrorMarker",
        &["ecFxErrorMarker"],
        "A fast-transfer error marker was found; recovery is needed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000048A,
        "NoFreeJtabs",
        &["ecNoFreeJtabs"],
        "No more free Jet tables.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000048B,
        "NotPrivateDatabase",
        &["ecNotPrivateMDB"],
        "The operation is valid only on a private mailbox database.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000048C,
        "IsIntegMDB",
        &["ecIsintegMDB"],
        "The store is locked by the ISINTEG utility.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000048D,
        "RecoveryMismatch",
        &["ecRecoveryMDBMismatch"],
        "A recovery storage group operation was attempted on the wrong kind of store.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000048E,
        "TableMayNotBeDeleted",
        &["ecTableMayNotBeDeleted"],
        "A critical table cannot be deleted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000490,
        "SearchFolderScopeViolation",
        &["ecSearchFolderScopeViolation"],
        "A recursive search on a search folder was attempted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004B1,
        "RpcRegisterIf",
        &["ecRpcRegisterIf"],
        "The RPC interfaces could not be registered.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004B2,
        "RpcListen",
        &["ecRpcListen"],
        "The RPC listener could not be started.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004B6,
        "RpcFormat",
        &["ecRpcFormat"],
        "A badly formatted RPC buffer was detected.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004B7,
        "NoCopyTo",
        &["ecNoCopyTo"],
        "Single-instance storage cannot be used here.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004B9,
        "NullObject",
        &["ecNullObject"],
        "An object handle in the request could not be resolved.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004BC,
        "RpcAuthentication",
        &["ecRpcAuthentication"],
        "The server requires the client to authenticate.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004BD,
        "RpcBadAuthenticationLevel",
        &["ecRpcBadAuthenticationLevel"],
        "The server does not recognize the client's authentication level.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004BE,
        "NullCommentRestriction",
        &["ecNullCommentRestriction"],
        "The subrestriction of a comment restriction is empty.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004CC,
        "RulesLoadError",
        &["ecRulesLoadError"],
        "Rule data was unavailable for this folder.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004CD,
        "RulesDeliverErr",
        &["ecRulesDeliverErr"],
        "A rule failed at delivery time.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004CE,
        "RulesParsingErr",
        &["ecRulesParsingErr"],
        "A stored rule condition or action has invalid syntax.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004CF,
        "RulesCreateDae",
        &["ecRulesCreateDaeErr"],
        "A deferred action error message could not be created.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D0,
        "RulesCreateDAM",
        &["ecRulesCreateDamErr"],
        "A deferred action message could not be created.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D1,
        "RulesNoMoveCopyFolder",
        &["ecRulesNoMoveCopyFolder"],
        "A move or copy rule action failed because of its target folder.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D2,
        "RuleNoFolderRights",
        &["ecRulesNoFolderRights"],
        "A move or copy rule action lacks rights on its target folder.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D4,
        "MessageTooBig",
        &["ecMessageTooBig"],
        "The message exceeds the maximum size.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D5,
        "FormNotValid",
        &["ecFormNotValid"],
        "The form mapped to the message's class is faulty.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D6,
        "NotAuthorized",
        &["ecNotAuthorized"],
        "Delivery to the folder was not authorized.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D7,
        "DeleteMessage",
        &["ecDeleteMessage"],
        "A rule action deleted the message.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D8,
        "BounceMessage",
        &["ecBounceMessage"],
        "A rule action denied delivery of the message.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004D9,
        "QuotaExceeded",
        &["ecQuotaExceeded"],
        "The operation would exceed a resource quota.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004DA,
        "MaxSubmissionExceeded",
        &["ecMaxSubmissionExceeded"],
        "The message exceeds the maximum submission size.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004DB,
        "MaxAttachmentExceeded",
        &["ecMaxAttachmentExceeded"],
        "The maximum number of attachments was exceeded.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004DC,
        "SendAsDenied",
        &["ecSendAsDenied"],
        "The account may not send as the mailbox owner.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004DD,
        "ShutoffQuotaExceeded",
        &["ecShutoffQuotaExceeded"],
        "The operation would exceed the mailbox's shutoff quota.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004DE,
        "TooManyOpenObjects",
        &["ecMaxObjsExceeded"],
        "The client has opened too many objects of one type.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004DF,
        "ClientVersionBlocked",
        &["ecClientVersionDisallowed"],
        "The server blocks clients of this version.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004E0,
        "RpcHttpDisallowed",
        &["ecRpcHttpDisallowed"],
        "The server blocks RPC over HTTP connections.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004E1,
        "CachedModeRequired",
        &["ecCachedModeRequired"],
        "The server blocks online-mode connections.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004E3,
        "FolderCleanedUp",
        &["ecFolderCleanedUp"],
        "The folder was deleted but not yet cleaned up.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004ED,
        "FormatError",
        &["ecFmtError"],
        "Part of the ROP buffer was badly formatted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004F7,
        "NotExpanded",
        &["ecNotExpanded"],
        "Expanding or collapsing a categorized row failed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004F8,
        "NotCollapsed",
        &["ecNotCollapsed"],
        "Expanding or collapsing a categorized row failed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004F9,
        "NoExpandedLeafRow",
        &["ecLeaf"],
        "Leaf rows cannot be expanded.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004FA,
        "UnregisteredNamedProp",
        &["ecUnregisteredNamedProp"],
        "No name is registered for this named property ID.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004FB,
        "FolderDisabled",
        &["ecFolderDisabled"],
        "Access to the folder is disabled.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004FC,
        "DomainError",
        &["ecDomainError"],
        "The store's association with its server is inconsistent.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000004FF,
        "NoCreateRight",
        &["ecNoCreateRight"],
        "The user lacks the create right.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000500,
        "PublicRoot",
        &["ecPublicRoot"],
        "The user lacks the create right at a public folder root.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000501,
        "NoReadRight",
        &["ecNoReadRight"],
        "The user lacks the read right.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000502,
        "NoCreateSubfolderRight",
        &["ecNoCreateSubfolderRight"],
        "The user lacks the create-subfolder right.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000503,
        "NullDestinationObject",
        &["ecDstNullObject"],
        "A destination object handle could not be resolved.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000504,
        "MessageCycle",
        &["ecMsgCycle"],
        "The source message contains the destination message.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000505,
        "TooManyRecips",
        &["ecTooManyRecips"],
        "The per-message recipient limit was exceeded.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000050A,
        "VirusScanInProgress",
        &["ecVirusScanInProgress"],
        "The message is being scanned for viruses.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000050B,
        "VirusDetected",
        &["ecVirusDetected"],
        "The message is infected with a virus.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000050C,
        "MailboxInTransit",
        &["ecMailboxInTransit"],
        "The mailbox is being moved and does not accept mail.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000050D,
        "BackupInProgress",
        &["ecBackupInProgress"],
        "The store is being backed up.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000050E,
        "VirusMessageDeleted",
        &["ecVirusMessageDeleted"],
        "The message was infected with a virus and was deleted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000050F,
        "InvalidBackupSequence",
        &["ecInvalidBackupSequence"],
        "Backup steps were done out of order.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000510,
        "InvalidBackupType",
        &["ecInvalidBackupType"],
        "The backup type is not recognized.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000511,
        "TooManyBackups",
        &["ecTooManyBackupsInProgress"],
        "Too many backups are in progress.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000512,
        "RestoreInProgress",
        &["ecRestoreInProgress"],
        "A restore is in progress.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000579,
        "DuplicateObject",
        &["ecDuplicateObject"],
        "The object already exists.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000057A,
        "ObjectNotFound",
        &["ecObjectNotFound"],
        "An internal database object could not be found.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000057B,
        "FixupReplyRule",
        &["ecFixupReplyRule"],
        "The template message ID of a reply rule is missing or wrong.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000057C,
        "TemplateNotFound",
        &["ecTemplateNotFound"],
        "The reply template for an auto-reply rule was not found.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000057D,
        "RuleExecution",
        &["ecRuleExecution"],
        "A rule action failed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000057E,
        "DSNoSuchObject",
        &["ecDSNoSuchObject"],
        "A server object is not in the directory.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000057F,
        "AlreadyTombstoned",
        &["ecMessageAlreadyTombstoned"],
        "The message is already in the tombstone list.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000596,
        "ReadOnlyTransaction",
        &["ecRequiresRWTransaction"],
        "A write was attempted in a read-only transaction.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000060E,
        "Paused",
        &["ecPaused"],
        "The server is already paused.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000060F,
        "NotPaused",
        &["ecNotPaused"],
        "The server is not paused.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000648,
        "WrongMailbox",
        &["ecWrongMailbox"],
        "The operation was attempted on the wrong mailbox.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000064C,
        "ChangePassword",
        &["ecChgPassword"],
        "The account password must be changed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000064D,
        "PasswordExpired",
        &["ecPwExpired"],
        "The account password has expired.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000064E,
        "InvalidWorkstation",
        &["ecInvWkstn"],
        "The account logged on from the wrong workstation.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000064F,
        "InvalidLogonHours",
        &["ecInvLogonHrs"],
        "The account logged on at the wrong time of day.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000650,
        "AccountDisabled",
        &["ecAcctDisabled"],
        "The account is disabled.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000006A4,
        "RuleVersion",
        &["ecRuleVersion"],
        "The rule data has an invalid rule version.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000006A5,
        "RuleFormat",
        &["ecRuleFormat"],
        "A rule condition or action is badly formatted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000006A6,
        "RuleSendAsDenied",
        &["ecRuleSendAsDenied"],
        "The rule may not send from this mailbox.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000006B9,
        "NoServerSupport",
        &["ecNoServerSupport"],
        "A newer client needs something this older server lacks.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000006BA,
        "LockTimedOut",
        &["ecLockTimedOut"],
        "The unlock failed because the lock already timed out.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000006BB,
        "ObjectLocked",
        &["ecObjectLocked"],
        "The target object is locked.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000006BD,
        "InvalidLockNamespace",
        &["ecInvalidLockNamespace"],
        "A lock on a nonexistent object was attempted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000007D6,
        "MessageDeleted",
        &["ecMessageDeleted"],
        "The message has been deleted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000007D8,
        "ProtocolDisabled",
        &["ecProtocolDisabled"],
        "The protocol is disabled on the server.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000007D9,
        "CleartextLogonDisabled",
        &["ecCleartextLogonDisabled"],
        "Clear-text logons are disabled.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000007EE,
        "Rejected",
        &["ecRejected"],
        "The operation was rejected, perhaps as unsupported.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000089A,
        "AmbiguousAlias",
        &["ecAmbiguousAlias"],
        "The account information matches more than one user.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000089B,
        "UnknownMailbox",
        &["ecUnknownMailbox"],
        "The address book has no mailbox object for this logon.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000008FC,
        "ExpressionReserved",
        &["ecExpReserved"],
        "Internal error evaluating an expression.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000008FD,
        "ExpressionParseDepth",
        &["ecExpParseDepth"],
        "The expression tree is too deep.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000008FE,
        "ExpressionArgumentType",
        &["ecExpFuncArgType"],
        "A function argument has the wrong type.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x000008FF,
        "ExpressionSyntax",
        &["ecExpSyntax"],
        "Syntax error in an expression.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000900,
        "ExpressionBadStringToken",
        &["ecExpBadStrToken"],
        "Invalid string token in an expression.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000901,
        "ExpressionBadColToken",
        &["ecExpBadColToken"],
        "Invalid column name in an expression.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000902,
        "ExpressionTypeMismatch",
        &["ecExpTypeMismatch"],
        "The property types in an expression are incompatible.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000903,
        "ExpressionOperatorNotSupported",
        &["ecExpOpNotSupported"],
        "The operator is not supported.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000904,
        "ExpressionDivideByZero",
        &["ecExpDivByZero"],
        "Division by zero.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000905,
        "ExpressionUnaryArgument",
        &["ecExpUnaryArgType"],
        "The argument of a unary expression has the wrong type.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000960,
        "NotLocked",
        &["ecNotLocked"],
        "Locking a resource failed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000961,
        "ClientEvent",
        &["ecClientEvent"],
        "A client-supplied event fired.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000965,
        "CorruptEvent",
        &["ecCorruptEvent"],
        "The event table holds bad data.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000966,
        "CorruptWatermark",
        &["ecCorruptWatermark"],
        "A watermark in the event table is bad.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000967,
        "EventError",
        &["ecEventError"],
        "General event processing error.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000968,
        "WatermarkError",
        &["ecWatermarkError"],
        "An event watermark is out of range or otherwise invalid.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000969,
        "NonCanonicalACL",
        &["ecNonCanonicalACL"],
        "The existing ACL is not in canonical order.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000096C,
        "MailboxDisabled",
        &["ecMailboxDisabled"],
        "The mailbox is disabled.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000096D,
        "RulesFolderOverQuota",
        &["ecRulesFolderOverQuota"],
        "A move or copy rule action failed: the target folder is over quota.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000096E,
        "AddressBookUnavailable",
        &["ecADUnavailable"],
        "The address book server could not be reached.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000096F,
        "AddressBookError",
        &["ecADError"],
        "Unspecified error from the address book server.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000970,
        "NotEncrypted",
        &["ecNotEncrypted"],
        "The server requires encrypted connections.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000971,
        "AddressBookObjectNotFound",
        &["ecADNotFound"],
        "An object was not found in the address book.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000972,
        "AddressBookPropertyError",
        &["ecADPropertyError"],
        "A property was not found in the address book.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000973,
        "RpcServerTooBusy",
        &["ecRpcServerTooBusy"],
        "An external RPC failed: the server was too busy.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000974,
        "RpcOutOfMemory",
        &["ecRpcOutOfMemory"],
        "An external RPC failed: the local server was out of memory.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000975,
        "RpcServerOutOfMemory",
        &["ecRpcServerOutOfMemory"],
        "An external RPC failed: the remote server was out of memory.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000976,
        "RpcOutOfResources",
        &["ecRpcOutOfResources"],
        "An external RPC failed: the remote server ran out of a resource.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000977,
        "RpcServerUnavailable",
        &["ecRpcServerUnavailable"],
        "An external RPC failed: the remote server was unavailable.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000097A,
        "SecureSubmitError",
        &["ecSecureSubmitError"],
        "Setting the secure submission state of a message failed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000097C,
        "EventsDeleted",
        &["ecEventsDeleted"],
        "The requested events were already deleted from the queue.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000097D,
        "SubsystemStopping",
        &["ecSubsystemStopping"],
        "A component service is shutting down.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x0000097E,
        "AttendantUnavailable",
        &["ecSAUnavailable"],
        "The system attendant service is unavailable.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A28,
        "CIStopping",
        &["ecCiStopping"],
        "The content indexer is stopping.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A29,
        "FxInvalidState",
        &["ecFxInvalidState"],
        "An internal fast-transfer object is in an invalid state.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A2A,
        "FxUnexpectedMarker",
        &["ecFxUnexpectedMarker"],
        "Fast-transfer parsing hit an invalid marker.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A2B,
        "DuplicateDelivery",
        &["ecDuplicateDelivery"],
        "A copy of this message was already delivered.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A2C,
        "ConditionViolation",
        &["ecConditionViolation"],
        "The condition of a conditional operation was not met.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A2D,
        "MaximumConnectionPoolsExceeded",
        &["ecMaxPoolExceeded"],
        "The client exceeded its limit of RPC connection pools.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A2E,
        "InvalidRpcHandle",
        &["ecRpcInvalidHandle"],
        "The RPC connection is no longer valid.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A2F,
        "EventNotFound",
        &["ecEventNotFound"],
        "The event table is empty or the event was not found.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A30,
        "PropertyNotPromoted",
        &["ecPropNotPromoted"],
        "A property was not copied to the message header table.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A31,
        "LowFreeSpaceForDatabase",
        &["ecLowMdbSpace"],
        "The database drive is (nearly) full.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A32,
        "LowFreeSpaceForLogs",
        &["ecLowMdbLogSpace"],
        "The log drive is (nearly) full.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A33,
        "MailboxIsQuarantined",
        &["ecMailboxQuarantined"],
        "An administrator quarantined the mailbox.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A34,
        "DatabaseMountInProgress",
        &["ecMountInProgress"],
        "The mailbox database is being mounted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A35,
        "DatabaseDismountInProgress",
        &["ecDismountInProgress"],
        "The mailbox database is being dismounted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A36,
        "ConnectionsOverBudget",
        &["ecMaxConnectionsExceeded"],
        "The client uses more RPC connections than budgeted.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A37,
        "NotFoundInContainer",
        &["ecNotFoundInContainer"],
        "The mailbox is not in the mailbox metadata cache.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A38,
        "CannotRemove",
        &["ecCannotRemove"],
        "An item cannot be removed from an internal list.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A39,
        "InvalidConnectionPool",
        &["ecInvalidPool"],
        "The connection pool is unknown to the server.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00000A3A,
        "VirusScanGeneralFailure",
        &["ecVirusScannerError"],
        "Virus scanning an item failed.",
        ErrorCodeSection::Additional,
    ),
    row(
        0x00040380,
        "ErrorsReturned",
        &["MAPI_W_ERRORS_RETURNED", "ecWarnWithErrors"],
        "The call succeeded overall but failed for some properties.",
        ErrorCodeSection::Warning,
    ),
    row(
        0x00040481,
        "PositionChanged",
        &["MAPI_W_POSITION_CHANGED", "ecWarnPositionChanged"],
        "The table operation succeeded but the bookmark moved.",
        ErrorCodeSection::Warning,
    ),
    row(
        0x00040482,
        "ApproximateCount",
        &["MAPI_W_APPROX_COUNT", "ecWarnApproxCount"],
        "The row count is an estimate.",
        ErrorCodeSection::Warning,
    ),
    row(
        0x00040680,
        "PartiallyComplete",
        &["MAPI_W_PARTIAL_COMPLETION", "ecPartialCompletion"],
        "The operation succeeded for some objects but not all.",
        ErrorCodeSection::Warning,
    ),
    row(
        0x00040820,
        "SyncProgress",
        &["SYNC_W_PROGRESS"],
        "The synchronization step succeeded and there is more to do.",
        ErrorCodeSection::Warning,
    ),
    row(
        0x00040821,
        "NewerClientChange",
        &["SYNC_W_CLIENT_CHANGE_NEWER"],
        "In a change conflict, the client has the newer change.",
        ErrorCodeSection::Warning,
    ),
    row(
        0x80004002,
        "NoInterface",
        &[
            "E_NOINTERFACE",
            "MAPI_E_INTERFACE_NOT_SUPPORTED",
            "ecInterfaceNotSupported",
        ],
        "The requested interface is not supported.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80004005,
        "GeneralFailure",
        &["E_FAIL", "MAPI_E_CALL_FAILED", "ecError", "SYNC_E_ERROR"],
        "The operation failed for an unspecified reason.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80030001,
        "StorageInvalidFunction",
        &["STG_E_INVALIDFUNCTION"],
        "The server was unable to perform the requested operation.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80030005,
        "StorageAccessDenied",
        &["STG_E_ACCESSDENIED"],
        "The caller lacks the access rights for the operation.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80030008,
        "StorageInsufficientMemory",
        &["STG_E_INSUFFICIENTMEMORY"],
        "Not enough memory was available.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80030009,
        "StorageInvalidPointer",
        &["STG_E_INVALIDPOINTER"],
        "An invalid pointer was passed to the call.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8003001E,
        "StorageReadFault",
        &["STG_E_READFAULT"],
        "A disk error occurred during a read.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80030021,
        "StorageLockViolation",
        &["STG_E_LOCKVIOLATION"],
        "A lock violation occurred.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80030057,
        "StorageInvalidParameter",
        &["STG_E_INVALIDPARAMETER"],
        "An invalid parameter was passed to the call.",
        ErrorCodeSection::Common,
    ),
    row(
        0x800300FF,
        "StorageInvalidFlag",
        &["STG_E_INVALIDFLAG"],
        "An invalid flag was passed to the call.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80030103,
        "StorageCantSave",
        &["STG_E_CANTSAVE"],
        "The stream could not be saved.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040102,
        "NotSupported",
        &["MAPI_E_NO_SUPPORT", "ecNotSupported", "ecNotImplemented"],
        "The server does not support this call.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040103,
        "InvalidCharacterWidth",
        &["MAPI_E_BAD_CHARWIDTH", "ecBadCharwidth"],
        "Unicode was asked for where only 8-bit strings are supported, or the reverse.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040105,
        "StringTooLong",
        &["MAPI_E_STRING_TOO_LONG", "ecStringTooLarge"],
        "A string is longer than this call allows.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040106,
        "InvalidFlag",
        &[
            "MAPI_E_UNKNOWN_FLAGS",
            "ecUnknownFlags",
            "SYNC_E_UNKNOWN_FLAGS",
        ],
        "An unknown flag bit was passed.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040107,
        "InvalidEntryId",
        &["MAPI_E_INVALID_ENTRYID", "ecInvalidEntryId"],
        "An entry ID was badly formatted.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040108,
        "InvalidObject",
        &["MAPI_E_INVALID_OBJECT", "ecInvalidObject"],
        "The object was destroyed or is not in a usable state.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040109,
        "ObjectChanged",
        &["MAPI_E_OBJECT_CHANGED", "ecObjectModified"],
        "The commit failed because the object was changed separately.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004010A,
        "ObjectDeleted",
        &["MAPI_E_OBJECT_DELETED", "ecObjectDeleted"],
        "The operation failed because the object was deleted separately.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004010B,
        "ServerBusy",
        &["MAPI_E_BUSY", "ecBusy"],
        "A table operation failed because another operation was in progress.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004010D,
        "OutOfDisk",
        &["MAPI_E_NOT_ENOUGH_DISK", "ecDiskFull"],
        "Not enough disk space was available.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004010E,
        "OutOfResources",
        &["MAPI_E_NOT_ENOUGH_RESOURCES", "ecInsufficientResrc"],
        "Not enough of an unspecified resource was available.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004010F,
        "NotFound",
        &[
            "MAPI_E_NOT_FOUND",
            "ecNotFound",
            "ecAttachNotFound",
            "ecUnknownRecip",
            "ecPropNotExistent",
        ],
        "The requested object could not be found.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040110,
        "VersionMismatch",
        &["MAPI_E_VERSION", "ecVersionMismatch", "ecVersion"],
        "Client and server versions are not compatible.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040111,
        "LogonFailed",
        &["MAPI_E_LOGON_FAILED", "ecLoginFailure"],
        "The client could not log on to the server.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040112,
        "TooManySessions",
        &["MAPI_E_SESSION_LIMIT", "ecTooManySessions"],
        "The server cannot create any more sessions.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040113,
        "UserCanceled",
        &["MAPI_E_USER_CANCEL", "ecUserAbort"],
        "The user canceled the operation.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040114,
        "AbortFailed",
        &["MAPI_E_UNABLE_TO_ABORT", "ecUnableToAbort"],
        "RopAbort or RopAbortSubmit did not succeed.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040115,
        "NetworkError",
        &["MAPI_E_NETWORK_ERROR", "ecNetwork", "ecRpcFailed"],
        "A network operation or service failed.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040116,
        "DiskError",
        &["MAPI_E_DISK_ERROR", "ecWriteFault", "ecReadFault"],
        "A disk read or write failed.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040117,
        "TooComplex",
        &["MAPI_E_TOO_COMPLEX", "ecTooComplex"],
        "The operation (usually a restriction) is too complex for the server.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040118,
        "InvalidColumn",
        &["MAPI_E_BAD_COLUMN"],
        "The column is not allowed in this kind of table.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004011A,
        "ComputedValue",
        &["MAPI_E_COMPUTED", "ecComputed"],
        "The property is computed by the server and read-only.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004011B,
        "CorruptData",
        &["MAPI_E_CORRUPT_DATA", "ecCorruptData"],
        "The database or a complex property value is internally inconsistent.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004011E,
        "InvalidCodepage",
        &["MAPI_E_UNKNOWN_CPID"],
        "The server does not support the requested code page.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004011F,
        "InvalidLocale",
        &["MAPI_E_UNKNOWN_LCID"],
        "The server does not support the requested locale.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040123,
        "TimeSkew",
        &["MAPI_E_INVALID_ACCESS_TIME", "ecTimeSkew"],
        "The clocks of the servers differ too much.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040200,
        "EndOfSession",
        &["MAPI_E_END_OF_SESSION"],
        "The server session was destroyed, possibly by a restart.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040201,
        "UnknownEntryId",
        &["MAPI_E_UNKNOWN_ENTRYID"],
        "The entry ID was made by a different provider.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040400,
        "NotCompleted",
        &["MAPI_E_UNABLE_TO_COMPLETE", "ecUnableToComplete"],
        "A complex operation could not be completed.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040401,
        "Timeout",
        &["MAPI_E_TIMEOUT", "ecTimeout"],
        "An asynchronous operation did not finish in time.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040402,
        "EmptyTable",
        &["MAPI_E_TABLE_EMPTY", "ecTableEmpty"],
        "A table the operation needs is empty.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040403,
        "TableTooBig",
        &["MAPI_E_TABLE_TOO_BIG", "ecTableTooBig"],
        "The table is too big for the operation.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040405,
        "InvalidBookmark",
        &["MAPI_E_INVALID_BOOKMARK", "ecInvalidBookmark"],
        "The bookmark was not made on this table.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040500,
        "ErrorWait",
        &["MAPI_E_WAIT", "ecWait"],
        "A wait timed out.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040501,
        "ErrorCancel",
        &["MAPI_E_CANCEL", "ecCancel"],
        "The operation had to be canceled.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040602,
        "NoSuppress",
        &["MAPI_E_NO_SUPPRESS"],
        "The server cannot suppress read receipts.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040604,
        "CollidingNames",
        &["MAPI_E_COLLISION", "ecDuplicateName"],
        "An object with the same name already exists.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040605,
        "NotInitialized",
        &["MAPI_E_NOT_INITIALIZED", "ecNotInitialized"],
        "The subsystem is not ready.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040607,
        "NoRecipients",
        &["MAPI_E_NO_RECIPIENTS"],
        "The message has no recipients and cannot be sent.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040608,
        "AlreadySent",
        &["MAPI_E_SUBMITTED", "ecSubmitted"],
        "The message has been sent and cannot be modified.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040609,
        "HasFolders",
        &["MAPI_E_HAS_FOLDERS", "ecFolderHasChildren"],
        "The folder still has subfolders.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004060A,
        "HasMessages",
        &["MAPI_E_HAS_MESSAGES", "ecFolderHasContents"],
        "The folder still has messages.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004060B,
        "FolderCycle",
        &["MAPI_E_FOLDER_CYCLE", "ecRootFolder"],
        "The folder move or copy would create a cycle.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8004060D,
        "TooManyLocks",
        &["MAPI_E_LOCKID_LIMIT", "ecLockIdLimit"],
        "Too many locks were requested.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040700,
        "AmbiguousRecipient",
        &["MAPI_E_AMBIGUOUS_RECIP", "ecAmbiguousRecip"],
        "An unresolved recipient matches more than one directory entry.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040800,
        "SyncObjectDeleted",
        &["SYNC_E_OBJECT_DELETED"],
        "The object was deleted earlier.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040801,
        "IgnoreFailure",
        &["SYNC_E_IGNORE"],
        "An error occurred that is safe to ignore.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040802,
        "SyncConflict",
        &["SYNC_E_CONFLICT"],
        "Conflicting changes to an object were detected.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040803,
        "NoParentFolder",
        &["SYNC_E_NO_PARENT"],
        "The parent folder could not be found.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040804,
        "CycleDetected",
        &["SYNC_E_CYCLE"],
        "The operation would create a cycle.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040805,
        "NotSynchronized",
        &["SYNC_E_UNSYNCHRONIZED"],
        "A synchronization did not take place.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040900,
        "NamedPropertyQuota",
        &["MAPI_E_NAMED_PROP_QUOTA_EXCEEDED", "ecNPQuotaExceeded"],
        "The store cannot hold any more named properties.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80040FFF,
        "NotImplemented",
        &["MAPI_E_NOT_IMPLEMENTED"],
        "The server does not implement this call.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80070005,
        "AccessDenied",
        &[
            "E_ACCESSDENIED",
            "MAPI_E_NO_ACCESS",
            "ecAccessDenied",
            "ecPropSecurityViolation",
        ],
        "The caller lacks the access rights for the operation.",
        ErrorCodeSection::Common,
    ),
    row(
        0x8007000E,
        "OutOfMemory",
        &[
            "E_NOMEMORY",
            "MAPI_E_NOT_ENOUGH_MEMORY",
            "ecMAPIOOM",
            "ecPropSize",
            "NotEnoughMemory",
        ],
        "Not enough memory was available to complete the operation.",
        ErrorCodeSection::Common,
    ),
    row(
        0x80070057,
        "InvalidParameter",
        &[
            "E_INVALIDARG",
            "MAPI_E_INVALID_PARAMETER",
            "ecInvalidParam",
            "ecInvalidSession",
            "ecBadBuffer",
            "SYNC_E_INVALID_PARAMETER",
        ],
        "An invalid parameter was passed to a call.",
        ErrorCodeSection::Common,
    ),
];

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

impl std::fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(n) => write!(f, "{n}(0x{:08X})", self.0),
            None => write!(f, "ErrorCode(0x{:08X})", self.0),
        }
    }
}

/// Serializes as the primary name when known, else as `"0x%08X"`, so JSON output reads like
/// the specification and unknown codes stay exact.
impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.name() {
            Some(n) => s.serialize_str(n),
            None => s.collect_str(&format_args!("0x{:08X}", self.0)),
        }
    }
}

impl From<u32> for ErrorCode {
    fn from(v: u32) -> Self {
        Self(v)
    }
}

impl From<ErrorCode> for u32 {
    fn from(e: ErrorCode) -> Self {
        e.0
    }
}

impl Wire for ErrorCode {
    const NAME: &'static str = "ErrorCode";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| le_u32(i).map(|(r, v)| (r, Self(v))))
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u32_le(self.0);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::error::ErrorKind;
    use proptest::prelude::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for w in ERROR_CODES.windows(2) {
            if let [a, b] = w {
                assert!(
                    a.code < b.code,
                    "{} 0x{:08X} / {} 0x{:08X}",
                    a.name,
                    a.code,
                    b.name,
                    b.code
                );
            }
        }
        assert!(ERROR_CODES.len() > 250);
    }

    #[test]
    fn every_listed_code_has_its_name() {
        for r in ERROR_CODES {
            let e = ErrorCode(r.code);
            assert_eq!(e.name(), Some(r.name));
            assert_eq!(e.to_string(), r.name);
            assert_eq!(e.description(), Some(r.description));
            assert!(!r.description.is_empty() && !r.name.is_empty());
            // Every name (except the doubled ServerBusy) leads back to its code.
            if r.code != ErrorCode::SERVER_TOO_BUSY.0 {
                assert_eq!(ErrorCode::from_name(r.name), Some(e), "{}", r.name);
            }
            for a in r.alternate_names {
                assert_eq!(ErrorCode::from_name(a), Some(e), "{a}");
            }
        }
    }

    #[test]
    fn spot_checks_against_the_specification() {
        // MS-OXCDATA 2.4.1 rows: name, alternates and value.
        assert_eq!(ErrorCode::SUCCESS.0, 0);
        assert_eq!(
            ErrorCode::SUCCESS.alternate_names(),
            ["S_OK", "SUCCESS_SUCCESS", "ecNone"]
        );
        assert_eq!(ErrorCode(0x8004010F), ErrorCode::NOT_FOUND);
        assert_eq!(ErrorCode::NOT_FOUND.name(), Some("NotFound"));
        assert!(
            ErrorCode::NOT_FOUND
                .alternate_names()
                .contains(&"MAPI_E_NOT_FOUND")
        );
        assert!(
            ErrorCode::NOT_FOUND
                .alternate_names()
                .contains(&"ecNotFound")
        );
        assert_eq!(ErrorCode(0x80004005).name(), Some("GeneralFailure"));
        assert!(
            ErrorCode::GENERAL_FAILURE
                .alternate_names()
                .contains(&"ecError")
        );
        assert_eq!(ErrorCode(0x8007000E).name(), Some("OutOfMemory"));
        assert_eq!(ErrorCode(0x80070057).name(), Some("InvalidParameter"));
        assert_eq!(ErrorCode(0x80070005).name(), Some("AccessDenied"));
        assert_eq!(ErrorCode(0x80004002).name(), Some("NoInterface"));
        // 0x80040115: NetworkError, also ecRpcFailed in MS-OXCRPC and MS-OXCMAPIHTTP.
        assert_eq!(ErrorCode(0x80040115).name(), Some("NetworkError"));
        assert_eq!(ErrorCode::RPC_FAILED, ErrorCode::NETWORK_ERROR);
        assert!(
            ErrorCode(0x80040115)
                .alternate_names()
                .contains(&"MAPI_E_NETWORK_ERROR")
        );
        assert!(
            ErrorCode(0x80040115)
                .alternate_names()
                .contains(&"ecRpcFailed")
        );
        // MS-OXCDATA 2.4.2 rows.
        assert_eq!(ErrorCode(0x00000478), ErrorCode::WRONG_SERVER);
        assert_eq!(ErrorCode::WRONG_SERVER.name(), Some("WrongServer"));
        assert_eq!(ErrorCode::WRONG_SERVER.alternate_names(), ["ecWrongServer"]);
        assert_eq!(
            ErrorCode::from_name("ecWrongServer"),
            Some(ErrorCode(0x478))
        );
        assert_eq!(ErrorCode(0x000003EA).name(), Some("IsamError"));
        assert_eq!(ErrorCode(0x000003EB).name(), Some("UnknownUser"));
        assert_eq!(ErrorCode(0x000003EE).name(), Some("BadConfiguration"));
        assert_eq!(
            ErrorCode(0x000003F0).alternate_names(),
            ["ecServerOOM", "ecMemory"]
        );
        assert_eq!(ErrorCode(0x000003F2).name(), Some("LoginPermission"));
        assert_eq!(ErrorCode(0x000003F4).name(), Some("DatabaseCopiedError"));
        // Warnings (2.4.3).
        assert!(ErrorCode(0x00040380).is_warning());
        assert!(ErrorCode::PARTIALLY_COMPLETE.is_warning());
        assert!(!ErrorCode::NOT_FOUND.is_warning());
        assert!(ErrorCode::SUCCESS.is_success());
        assert!(!ErrorCode::ERRORS_RETURNED.is_success());
        assert_eq!(
            ErrorCode::WRONG_SERVER.section(),
            Some(ErrorCodeSection::Additional)
        );
        assert_eq!(
            ErrorCode::from_name("servERbusy"),
            Some(ErrorCode::SERVER_BUSY)
        );
        assert_eq!(
            ErrorCode::from_name("0x8004010f"),
            Some(ErrorCode::NOT_FOUND)
        );
        assert_eq!(ErrorCode::from_name("nonsense"), None);
    }

    #[test]
    fn unknown_codes_print_as_hex() {
        let e = ErrorCode(0x8004_ABCD);
        assert_eq!(e.name(), None);
        assert_eq!(e.alternate_names(), [] as [&str; 0]);
        assert_eq!(e.to_string(), "0x8004ABCD");
        assert_eq!(format!("{e:?}"), "ErrorCode(0x8004ABCD)");
        assert_eq!(
            format!("{:?}", ErrorCode::NOT_FOUND),
            "NotFound(0x8004010F)"
        );
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"0x8004ABCD\"");
        assert_eq!(
            serde_json::to_string(&ErrorCode::NOT_FOUND).unwrap(),
            "\"NotFound\""
        );
    }

    /// The specification writes each value with its wire bytes, e.g. "0x8004010F" next to
    /// "%x0F.01.04.80" and "0x00000478" next to "%x78.04.00.00".
    #[test]
    fn spec_wire_bytes() {
        let cases: [(&[u8], ErrorCode); 5] = [
            (&[0x00, 0x00, 0x00, 0x00], ErrorCode::SUCCESS),
            (&[0x05, 0x40, 0x00, 0x80], ErrorCode::GENERAL_FAILURE),
            (&[0x57, 0x00, 0x07, 0x80], ErrorCode::INVALID_PARAMETER),
            (&[0x0F, 0x01, 0x04, 0x80], ErrorCode::NOT_FOUND),
            (&[0x78, 0x04, 0x00, 0x00], ErrorCode::WRONG_SERVER),
        ];
        for (bytes, code) in cases {
            assert_eq!(ErrorCode::from_bytes(bytes).unwrap(), code);
            assert_eq!(code.to_bytes().unwrap(), bytes);
        }
    }

    #[test]
    fn truncated_input_is_a_typed_error() {
        let err = ErrorCode::from_bytes(&[0x0F, 0x01]).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Truncated { needed: 2 });
        assert_eq!(err.structure, "ErrorCode");
    }

    fn any_code() -> impl Strategy<Value = ErrorCode> {
        prop_oneof![
            any::<u32>().prop_map(ErrorCode),
            proptest::sample::select(ERROR_CODES).prop_map(|r| ErrorCode(r.code)),
        ]
    }

    proptest! {
        #[test]
        fn round_trip(e in any_code()) {
            let bytes = e.to_bytes().unwrap();
            prop_assert_eq!(bytes.len(), 4);
            prop_assert_eq!(ErrorCode::from_bytes(&bytes).unwrap(), e);
            // Display is either the listed name or the exact hex value.
            let shown = e.to_string();
            prop_assert_eq!(ErrorCode::from_name(&shown).map(|c| c.name()), Some(e.name()));
        }
    }
}
