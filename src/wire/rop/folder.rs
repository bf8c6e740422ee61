//! Folder ROPs: MS-OXCROPS 2.2.4 (layouts) with the semantics of MS-OXCFOLD 2.2.1.
//!
//! Three response shapes recur here. Most ROPs answer success with fields and failure with
//! just the handle index and ReturnValue (an enum `Success { .. } | Failure(ResponseHeader)`).
//! The deleting and emptying ROPs carry PartialCompletion whatever the ReturnValue
//! ([`PartialCompletionResponse`]). The move/copy ROPs add a DestHandleIndex when the
//! ReturnValue is ecDstNullObject (0x503) ([`MoveCopyResponse`]).

use bytes::BufMut;
use serde::Serialize;

use crate::wire::ErrorCode;
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::error::{EncodeError, ErrorKind, PResult, WireError, named};
use crate::wire::primitives::{
    CountWidth, String8, Wire, ascii_z, bool8, counted, cstr8, put_ascii_z, put_utf16z, take_len,
    u8 as le_u8, u16 as le_u16, u32 as le_u32, utf16z,
};
use crate::wire::restriction::Restriction;
use crate::wire::rop::{ResponseContext, ResponseHeader, Rop, RopId};

// ---------------------------------------------------------------------------------------------
// Flag and enumeration newtypes
// ---------------------------------------------------------------------------------------------

/// MS-OXCFOLD 2.2.1.1.1 OpenModeFlags of RopOpenFolder. A newtype so unknown bits survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct OpenModeFlags(pub u8);

impl OpenModeFlags {
    /// ReadOnly (0x00): open an existing folder.
    pub const READ_ONLY: Self = Self(0x00);
    /// OpenSoftDeleted (0x04): the folder may be a soft-deleted one.
    pub const OPEN_SOFT_DELETED: Self = Self(0x04);
}

/// MS-OXCFOLD 2.2.1.2.1 FolderType of RopCreateFolder. A newtype so unknown values survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct FolderType(pub u8);

impl FolderType {
    /// Generic folder (0x01).
    pub const GENERIC: Self = Self(0x01);
    /// Search folder (0x02).
    pub const SEARCH: Self = Self(0x02);
}

/// MS-OXCFOLD 2.2.1.3.1 DeleteFolderFlags of RopDeleteFolder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct DeleteFolderFlags(pub u8);

impl DeleteFolderFlags {
    /// DEL_MESSAGES (0x01): delete the folder's messages too.
    pub const DEL_MESSAGES: Self = Self(0x01);
    /// DEL_FOLDERS (0x04): delete its subfolders too.
    pub const DEL_FOLDERS: Self = Self(0x04);
    /// DELETE_HARD_DELETE (0x10): hard delete instead of soft delete.
    pub const DELETE_HARD_DELETE: Self = Self(0x10);
}

/// MS-OXCFOLD 2.2.1.13.1 / 2.2.1.14.1 TableFlags of RopGetHierarchyTable and
/// RopGetContentsTable (the two share the byte; 0x80 means something different in each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct TableFlags(pub u8);

impl TableFlags {
    /// Associated (0x02, contents table): list the folder's FAI messages instead.
    pub const ASSOCIATED: Self = Self(0x02);
    /// Depth (0x04, hierarchy table): list folders from all levels below.
    pub const DEPTH: Self = Self(0x04);
    /// DeferredErrors (0x08): answer at once; ReturnValue and RowCount may be inaccurate.
    pub const DEFERRED_ERRORS: Self = Self(0x08);
    /// NoNotifications (0x10): no table notifications.
    pub const NO_NOTIFICATIONS: Self = Self(0x10);
    /// SoftDeletes (0x20): list soft-deleted items only.
    pub const SOFT_DELETES: Self = Self(0x20);
    /// UseUnicode (0x40): string columns as PtypString.
    pub const USE_UNICODE: Self = Self(0x40);
    /// SuppressesNotifications (0x80, hierarchy table): no notifications from this session's
    /// own changes.
    pub const SUPPRESSES_NOTIFICATIONS: Self = Self(0x80);
    /// ConversationMembers (0x80, contents table): the messages of one conversation.
    pub const CONVERSATION_MEMBERS: Self = Self(0x80);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

/// MS-OXCFOLD 2.2.1.4.1 SearchFlags of RopSetSearchCriteria: how to run the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct SearchFlags(pub u32);

impl SearchFlags {
    /// STOP_SEARCH (0x00000001).
    pub const STOP_SEARCH: Self = Self(0x0000_0001);
    /// RESTART_SEARCH (0x00000002).
    pub const RESTART_SEARCH: Self = Self(0x0000_0002);
    /// RECURSIVE_SEARCH (0x00000004).
    pub const RECURSIVE_SEARCH: Self = Self(0x0000_0004);
    /// SHALLOW_SEARCH (0x00000008).
    pub const SHALLOW_SEARCH: Self = Self(0x0000_0008);
    /// CONTENT_INDEXED_SEARCH (0x00010000).
    pub const CONTENT_INDEXED_SEARCH: Self = Self(0x0001_0000);
    /// NON_CONTENT_INDEXED_SEARCH (0x00020000).
    pub const NON_CONTENT_INDEXED_SEARCH: Self = Self(0x0002_0000);
    /// STATIC_SEARCH (0x00040000).
    pub const STATIC_SEARCH: Self = Self(0x0004_0000);
}

/// MS-OXCFOLD 2.2.1.5.2 SearchFlags of the RopGetSearchCriteria response: the search's state
/// (a different flag set from the request's [`SearchFlags`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct SearchState(pub u32);

impl SearchState {
    /// SEARCH_RUNNING (0x00000001).
    pub const RUNNING: Self = Self(0x0000_0001);
    /// SEARCH_REBUILD (0x00000002).
    pub const REBUILD: Self = Self(0x0000_0002);
    /// SEARCH_RECURSIVE (0x00000004).
    pub const RECURSIVE: Self = Self(0x0000_0004);
    /// SEARCH_COMPLETE (0x00001000).
    pub const COMPLETE: Self = Self(0x0000_1000);
    /// SEARCH_PARTIAL (0x00002000).
    pub const PARTIAL: Self = Self(0x0000_2000);
    /// SEARCH_STATIC (0x00010000).
    pub const STATIC: Self = Self(0x0001_0000);
    /// SEARCH_MAYBE_STATIC (0x00020000).
    pub const MAYBE_STATIC: Self = Self(0x0002_0000);
    /// CI_TOTALLY (0x01000000).
    pub const CI_TOTALLY: Self = Self(0x0100_0000);
    /// CI_WITH_TWIR_RESIDUAL (0x02000000).
    pub const CI_WITH_TWIR_RESIDUAL: Self = Self(0x0200_0000);
    /// TWIR_MOSTLY (0x04000000).
    pub const TWIR_MOSTLY: Self = Self(0x0400_0000);
    /// TWIR_TOTALLY (0x08000000).
    pub const TWIR_TOTALLY: Self = Self(0x0800_0000);
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/// A folder name whose encoding a flag in the same request chooses (RopCreateFolder
/// UseUnicodeStrings, RopMoveFolder/RopCopyFolder UseUnicode): null-terminated UTF-16LE when
/// the flag is set, null-terminated 8-bit characters (code page of the logon) otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum FolderName {
    /// UTF-16LE text (flag nonzero).
    Unicode(String),
    /// 8-bit text as it came off the wire (flag zero).
    String8(String8),
}

impl FolderName {
    /// Whether this is the UTF-16 form.
    pub fn is_unicode(&self) -> bool {
        matches!(self, FolderName::Unicode(_))
    }

    /// Decodes the form `unicode` selects.
    pub fn decode_with(unicode: bool, input: &[u8]) -> PResult<'_, Self> {
        if unicode {
            let (i, s) = utf16z(input)?;
            Ok((i, FolderName::Unicode(s)))
        } else {
            let (i, b) = cstr8(input)?;
            Ok((i, FolderName::String8(String8::from_bytes(b))))
        }
    }

    /// Encodes the form `unicode` selects; fails if the value is of the other form.
    pub fn encode_with<B: BufMut>(
        &self,
        unicode: bool,
        out: &mut B,
        structure: &'static str,
    ) -> Result<(), EncodeError> {
        match (self, unicode) {
            (FolderName::Unicode(s), true) => put_utf16z(out, s, structure),
            (FolderName::String8(s), false) => {
                if s.bytes.contains(&0) {
                    return Err(EncodeError::Invalid {
                        structure,
                        reason: "8-bit folder name with an embedded NUL",
                    });
                }
                out.put_slice(&s.bytes);
                out.put_u8(0);
                Ok(())
            }
            _ => Err(EncodeError::Invalid {
                structure,
                reason: "folder name form differs from the request's Unicode flag",
            }),
        }
    }
}

/// MS-OXCROPS 2.2.4.1.2 / MS-OXCFOLD 2.2.1.1.2: the replica list of a ghosted public folder
/// (present only when IsGhosted is nonzero). ServerCount is `servers.len()`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GhostInfo {
    /// CheapServerCount: how many of the first servers share the lowest cost.
    pub cheap_server_count: u16,
    /// Servers: ESSDNs of the servers holding an active replica, as ASCII.
    pub servers: Vec<String>,
}

impl GhostInfo {
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named("GhostInfo", input, |i| {
            let (i, count) = le_u16(i)?;
            let (i, cheap_server_count) = le_u16(i)?;
            let (i, servers) = counted(i, usize::from(count), 1, "ServerCount", ascii_z)?;
            Ok((
                i,
                GhostInfo {
                    cheap_server_count,
                    servers,
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B, structure: &'static str) -> Result<(), EncodeError> {
        CountWidth::U16.put(out, self.servers.len(), structure, "ServerCount")?;
        out.put_u16_le(self.cheap_server_count);
        for s in &self.servers {
            put_ascii_z(out, s, structure)?;
        }
        Ok(())
    }
}

/// Reads IsGhosted and, when nonzero, the replica list.
fn ghost_fields(input: &[u8]) -> PResult<'_, Option<GhostInfo>> {
    let (i, ghosted) = bool8(input)?;
    if ghosted {
        let (i, g) = GhostInfo::decode(i)?;
        Ok((i, Some(g)))
    } else {
        Ok((i, None))
    }
}

fn put_ghost_fields<B: BufMut>(
    ghost: &Option<GhostInfo>,
    out: &mut B,
    structure: &'static str,
) -> Result<(), EncodeError> {
    match ghost {
        Some(g) => {
            out.put_u8(1);
            g.encode(out, structure)
        }
        None => {
            out.put_u8(0);
            Ok(())
        }
    }
}

fn put_bool<B: BufMut>(out: &mut B, b: bool) {
    out.put_u8(u8::from(b));
}

/// A failure header must carry a nonzero ReturnValue: a zero one would read back as success.
fn put_failure<B: BufMut>(
    h: &ResponseHeader,
    out: &mut B,
    structure: &'static str,
) -> Result<(), EncodeError> {
    if h.is_success() {
        return Err(EncodeError::Invalid {
            structure,
            reason: "failure response with ReturnValue 0",
        });
    }
    h.encode(out);
    Ok(())
}

/// Reads a RestrictionDataSize (u16) and that many bytes holding one restriction with 16-bit
/// counts (MS-OXCDATA 2.12, ROP buffer context); size 0 means no restriction.
fn restriction_data<'a>(
    input: &'a [u8],
    structure: &'static str,
) -> PResult<'a, Option<Restriction>> {
    let (rest, size) = le_u16(input)?;
    let (rest, data) = take_len(rest, usize::from(size), "RestrictionDataSize")?;
    if data.is_empty() {
        return Ok((rest, None));
    }
    // Errors inside the sub-slice count their remaining bytes from its end; add what follows
    // it so the absolute offset stays right.
    let after = rest.len();
    match Restriction::decode_with(CountWidth::U16, data) {
        Ok(([], r)) => Ok((rest, Some(r))),
        Ok((left, _)) => Err(nom::Err::Error(WireError {
            remaining: left.len().saturating_add(after),
            structure,
            kind: ErrorKind::TrailingBytes { count: left.len() },
        })),
        Err(e) => Err(e.map(|mut w| {
            w.remaining = w.remaining.saturating_add(after);
            w
        })),
    }
}

fn put_restriction_data<B: BufMut>(
    r: &Option<Restriction>,
    out: &mut B,
    structure: &'static str,
) -> Result<(), EncodeError> {
    match r {
        None => out.put_u16_le(0),
        Some(r) => {
            let bytes = r.to_bytes_with(CountWidth::U16)?;
            CountWidth::U16.put(out, bytes.len(), structure, "RestrictionDataSize")?;
            out.put_slice(&bytes);
        }
    }
    Ok(())
}

fn folder_ids<'a>(input: &'a [u8], field: &'static str) -> PResult<'a, Vec<FolderId>> {
    let (i, n) = le_u16(input)?;
    counted(i, usize::from(n), 8, field, FolderId::decode)
}

fn put_folder_ids<B: BufMut>(
    ids: &[FolderId],
    out: &mut B,
    structure: &'static str,
) -> Result<(), EncodeError> {
    CountWidth::U16.put(out, ids.len(), structure, "FolderIdCount")?;
    for id in ids {
        out.put_u64_le(id.0);
    }
    Ok(())
}

fn message_ids<'a>(input: &'a [u8]) -> PResult<'a, Vec<MessageId>> {
    let (i, n) = le_u16(input)?;
    counted(i, usize::from(n), 8, "MessageIdCount", MessageId::decode)
}

fn put_message_ids<B: BufMut>(
    ids: &[MessageId],
    out: &mut B,
    structure: &'static str,
) -> Result<(), EncodeError> {
    CountWidth::U16.put(out, ids.len(), structure, "MessageIdCount")?;
    for id in ids {
        out.put_u64_le(id.0);
    }
    Ok(())
}

/// MS-OXCROPS 2.2.4.3.2, 2.2.4.9.2, 2.2.4.10.2, 2.2.4.11.2, 2.2.4.12.2: the response of the
/// deleting and emptying ROPs, PartialCompletion included whatever the ReturnValue (MS-OXCFOLD
/// 2.2.1.3.2, 2.2.1.9.2, 2.2.1.10.2, 2.2.1.11.2, 2.2.1.12.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartialCompletionResponse {
    /// InputHandleIndex and ReturnValue.
    pub header: ResponseHeader,
    /// PartialCompletion: nonzero when the ROP failed for some of its targets.
    pub partial_completion: bool,
}

impl PartialCompletionResponse {
    fn decode<'a>(input: &'a [u8], structure: &'static str) -> PResult<'a, Self> {
        named(structure, input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            let (i, partial_completion) = bool8(i)?;
            Ok((
                i,
                Self {
                    header,
                    partial_completion,
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) {
        self.header.encode(out);
        put_bool(out, self.partial_completion);
    }
}

/// MS-OXCROPS 2.2.4.6.2-3, 2.2.4.7.2-3, 2.2.4.8.2-3: the response of RopMoveCopyMessages,
/// RopMoveFolder and RopCopyFolder. With ReturnValue ecDstNullObject (0x00000503) the null
/// destination failure layout adds DestHandleIndex (4 bytes) before PartialCompletion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MoveCopyResponse {
    /// SourceHandleIndex and ReturnValue.
    pub header: ResponseHeader,
    /// DestHandleIndex: present exactly when ReturnValue is 0x00000503.
    pub dest_handle_index: Option<u32>,
    /// PartialCompletion.
    pub partial_completion: bool,
}

impl MoveCopyResponse {
    fn decode<'a>(input: &'a [u8], structure: &'static str) -> PResult<'a, Self> {
        named(structure, input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            let (i, dest_handle_index) =
                if header.return_value == ErrorCode::NULL_DESTINATION_OBJECT {
                    let (i, d) = le_u32(i)?;
                    (i, Some(d))
                } else {
                    (i, None)
                };
            let (i, partial_completion) = bool8(i)?;
            Ok((
                i,
                Self {
                    header,
                    dest_handle_index,
                    partial_completion,
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B, structure: &'static str) -> Result<(), EncodeError> {
        let null_dest = self.header.return_value == ErrorCode::NULL_DESTINATION_OBJECT;
        if null_dest != self.dest_handle_index.is_some() {
            return Err(EncodeError::Invalid {
                structure,
                reason: "DestHandleIndex goes with ReturnValue 0x00000503 and only with it",
            });
        }
        self.header.encode(out);
        if let Some(d) = self.dest_handle_index {
            out.put_u32_le(d);
        }
        put_bool(out, self.partial_completion);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// RopOpenFolder
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.4.1.1 RopOpenFolder request (MS-OXCFOLD 2.2.1.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OpenFolderRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: a Logon or Folder object.
    pub input_handle_index: u8,
    /// OutputHandleIndex: where the opened folder goes.
    pub output_handle_index: u8,
    /// FolderId: the folder to open.
    pub folder_id: FolderId,
    /// OpenModeFlags.
    pub open_mode_flags: OpenModeFlags,
}

/// MS-OXCROPS 2.2.4.1.2 (success) / 2.2.4.1.3 (failure) RopOpenFolder response
/// (MS-OXCFOLD 2.2.1.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum OpenFolderResponse {
    /// ReturnValue 0.
    Success {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// HasRules.
        has_rules: bool,
        /// IsGhosted (Some) with ServerCount, CheapServerCount and Servers.
        ghost: Option<GhostInfo>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for OpenFolderRequest {
    const ID: RopId = RopId::OPEN_FOLDER;
    type Response = OpenFolderResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopOpenFolder", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, output_handle_index) = le_u8(i)?;
            let (i, folder_id) = FolderId::decode(i)?;
            let (i, flags) = le_u8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                    folder_id,
                    open_mode_flags: OpenModeFlags(flags),
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.output_handle_index);
        out.put_u64_le(self.folder_id.0);
        out.put_u8(self.open_mode_flags.0);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopOpenFolder response", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            if !header.is_success() {
                return Ok((i, OpenFolderResponse::Failure(header)));
            }
            let (i, has_rules) = bool8(i)?;
            let (i, ghost) = ghost_fields(i)?;
            Ok((
                i,
                OpenFolderResponse::Success {
                    output_handle_index: header.handle_index,
                    has_rules,
                    ghost,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        const S: &str = "RopOpenFolder response";
        match response {
            OpenFolderResponse::Success {
                output_handle_index,
                has_rules,
                ghost,
            } => {
                out.put_u8(*output_handle_index);
                out.put_u32_le(0);
                put_bool(out, *has_rules);
                put_ghost_fields(ghost, out, S)
            }
            OpenFolderResponse::Failure(h) => put_failure(h, out, S),
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }

    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

// ---------------------------------------------------------------------------------------------
// RopCreateFolder
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.4.2.1 RopCreateFolder request (MS-OXCFOLD 2.2.1.2.1). DisplayName and
/// Comment are UTF-16 when UseUnicodeStrings is set and 8-bit otherwise; both forms of
/// [`FolderName`] must agree with the flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateFolderRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the parent folder.
    pub input_handle_index: u8,
    /// OutputHandleIndex: where the new folder goes.
    pub output_handle_index: u8,
    /// FolderType.
    pub folder_type: FolderType,
    /// UseUnicodeStrings.
    pub use_unicode_strings: bool,
    /// OpenExisting: open a folder of that name if it exists instead of failing.
    pub open_existing: bool,
    /// Reserved (MUST be 0 when sent; kept for a faithful round trip).
    pub reserved: u8,
    /// DisplayName.
    pub display_name: FolderName,
    /// Comment.
    pub comment: FolderName,
}

/// The part of a RopCreateFolder success response that is present when IsExistingFolder is
/// nonzero (MS-OXCROPS 2.2.4.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExistingFolderInfo {
    /// HasRules.
    pub has_rules: bool,
    /// IsGhosted (Some) with the replica list.
    pub ghost: Option<GhostInfo>,
}

/// MS-OXCROPS 2.2.4.2.2 (success) / 2.2.4.2.3 (failure) RopCreateFolder response
/// (MS-OXCFOLD 2.2.1.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CreateFolderResponse {
    /// ReturnValue 0.
    Success {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// FolderId of the created (or opened) folder.
        folder_id: FolderId,
        /// IsExistingFolder (Some) with HasRules, IsGhosted and the replica list.
        existing: Option<ExistingFolderInfo>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for CreateFolderRequest {
    const ID: RopId = RopId::CREATE_FOLDER;
    type Response = CreateFolderResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCreateFolder", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, output_handle_index) = le_u8(i)?;
            let (i, folder_type) = le_u8(i)?;
            let (i, use_unicode_strings) = bool8(i)?;
            let (i, open_existing) = bool8(i)?;
            let (i, reserved) = le_u8(i)?;
            let (i, display_name) = FolderName::decode_with(use_unicode_strings, i)?;
            let (i, comment) = FolderName::decode_with(use_unicode_strings, i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                    folder_type: FolderType(folder_type),
                    use_unicode_strings,
                    open_existing,
                    reserved,
                    display_name,
                    comment,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        const S: &str = "RopCreateFolder";
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.output_handle_index);
        out.put_u8(self.folder_type.0);
        put_bool(out, self.use_unicode_strings);
        put_bool(out, self.open_existing);
        out.put_u8(self.reserved);
        self.display_name
            .encode_with(self.use_unicode_strings, out, S)?;
        self.comment.encode_with(self.use_unicode_strings, out, S)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopCreateFolder response", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            if !header.is_success() {
                return Ok((i, CreateFolderResponse::Failure(header)));
            }
            let (i, folder_id) = FolderId::decode(i)?;
            let (i, is_existing) = bool8(i)?;
            let (i, existing) = if is_existing {
                let (i, has_rules) = bool8(i)?;
                let (i, ghost) = ghost_fields(i)?;
                (i, Some(ExistingFolderInfo { has_rules, ghost }))
            } else {
                (i, None)
            };
            Ok((
                i,
                CreateFolderResponse::Success {
                    output_handle_index: header.handle_index,
                    folder_id,
                    existing,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        const S: &str = "RopCreateFolder response";
        match response {
            CreateFolderResponse::Success {
                output_handle_index,
                folder_id,
                existing,
            } => {
                out.put_u8(*output_handle_index);
                out.put_u32_le(0);
                out.put_u64_le(folder_id.0);
                match existing {
                    Some(e) => {
                        out.put_u8(1);
                        put_bool(out, e.has_rules);
                        put_ghost_fields(&e.ghost, out, S)
                    }
                    None => {
                        out.put_u8(0);
                        Ok(())
                    }
                }
            }
            CreateFolderResponse::Failure(h) => put_failure(h, out, S),
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }

    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

// ---------------------------------------------------------------------------------------------
// RopDeleteFolder
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.4.3.1 RopDeleteFolder request (MS-OXCFOLD 2.2.1.3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeleteFolderRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the parent folder.
    pub input_handle_index: u8,
    /// DeleteFolderFlags.
    pub delete_folder_flags: DeleteFolderFlags,
    /// FolderId: the folder to delete.
    pub folder_id: FolderId,
}

/// MS-OXCROPS 2.2.4.3.2 RopDeleteFolder response (MS-OXCFOLD 2.2.1.3.2).
pub type DeleteFolderResponse = PartialCompletionResponse;

impl Rop for DeleteFolderRequest {
    const ID: RopId = RopId::DELETE_FOLDER;
    type Response = DeleteFolderResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopDeleteFolder", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, flags) = le_u8(i)?;
            let (i, folder_id) = FolderId::decode(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    delete_folder_flags: DeleteFolderFlags(flags),
                    folder_id,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.delete_folder_flags.0);
        out.put_u64_le(self.folder_id.0);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        PartialCompletionResponse::decode(input, "RopDeleteFolder response")
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out);
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopSetSearchCriteria / RopGetSearchCriteria
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.4.4.1 RopSetSearchCriteria request (MS-OXCFOLD 2.2.1.4.1).
/// `restriction` None is RestrictionDataSize 0 (reuse the previous criteria).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetSearchCriteriaRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the search folder.
    pub input_handle_index: u8,
    /// RestrictionData (16-bit counts inside).
    pub restriction: Option<Restriction>,
    /// FolderIds: the search scope (empty: reuse the previous one).
    pub folder_ids: Vec<FolderId>,
    /// SearchFlags.
    pub search_flags: SearchFlags,
}

/// MS-OXCROPS 2.2.4.4.2 RopSetSearchCriteria response: handle index and ReturnValue only,
/// on success and failure alike.
pub type SetSearchCriteriaResponse = ResponseHeader;

impl Rop for SetSearchCriteriaRequest {
    const ID: RopId = RopId::SET_SEARCH_CRITERIA;
    type Response = SetSearchCriteriaResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSetSearchCriteria", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, restriction) = restriction_data(i, "RopSetSearchCriteria")?;
            let (i, folder_ids) = folder_ids(i, "FolderIdCount")?;
            let (i, flags) = le_u32(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    restriction,
                    folder_ids,
                    search_flags: SearchFlags(flags),
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        const S: &str = "RopSetSearchCriteria";
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_restriction_data(&self.restriction, out, S)?;
        put_folder_ids(&self.folder_ids, out, S)?;
        out.put_u32_le(self.search_flags.0);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named(
            "RopSetSearchCriteria response",
            input,
            ResponseHeader::decode,
        )
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out);
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

/// MS-OXCROPS 2.2.4.5.1 RopGetSearchCriteria request (MS-OXCFOLD 2.2.1.5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GetSearchCriteriaRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the search folder.
    pub input_handle_index: u8,
    /// UseUnicode: strings in the returned restriction as PtypString.
    pub use_unicode: bool,
    /// IncludeRestriction.
    pub include_restriction: bool,
    /// IncludeFolders.
    pub include_folders: bool,
}

/// MS-OXCROPS 2.2.4.5.2 (success) / 2.2.4.5.3 (failure) RopGetSearchCriteria response
/// (MS-OXCFOLD 2.2.1.5.2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum GetSearchCriteriaResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// RestrictionData (None: RestrictionDataSize 0).
        restriction: Option<Restriction>,
        /// LogonId.
        logon_id: u8,
        /// FolderIds: the search scope.
        folder_ids: Vec<FolderId>,
        /// SearchFlags: the search's state.
        search_flags: SearchState,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for GetSearchCriteriaRequest {
    const ID: RopId = RopId::GET_SEARCH_CRITERIA;
    type Response = GetSearchCriteriaResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetSearchCriteria", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, use_unicode) = bool8(i)?;
            let (i, include_restriction) = bool8(i)?;
            let (i, include_folders) = bool8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    use_unicode,
                    include_restriction,
                    include_folders,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_bool(out, self.use_unicode);
        put_bool(out, self.include_restriction);
        put_bool(out, self.include_folders);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopGetSearchCriteria response", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            if !header.is_success() {
                return Ok((i, GetSearchCriteriaResponse::Failure(header)));
            }
            let (i, restriction) = restriction_data(i, "RopGetSearchCriteria response")?;
            let (i, logon_id) = le_u8(i)?;
            let (i, folder_ids) = folder_ids(i, "FolderIdCount")?;
            let (i, flags) = le_u32(i)?;
            Ok((
                i,
                GetSearchCriteriaResponse::Success {
                    input_handle_index: header.handle_index,
                    restriction,
                    logon_id,
                    folder_ids,
                    search_flags: SearchState(flags),
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        const S: &str = "RopGetSearchCriteria response";
        match response {
            GetSearchCriteriaResponse::Success {
                input_handle_index,
                restriction,
                logon_id,
                folder_ids,
                search_flags,
            } => {
                out.put_u8(*input_handle_index);
                out.put_u32_le(0);
                put_restriction_data(restriction, out, S)?;
                out.put_u8(*logon_id);
                put_folder_ids(folder_ids, out, S)?;
                out.put_u32_le(search_flags.0);
                Ok(())
            }
            GetSearchCriteriaResponse::Failure(h) => put_failure(h, out, S),
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopMoveCopyMessages / RopMoveFolder / RopCopyFolder
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.4.6.1 RopMoveCopyMessages request (MS-OXCFOLD 2.2.1.6.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoveCopyMessagesRequest {
    /// LogonId.
    pub logon_id: u8,
    /// SourceHandleIndex: the source folder.
    pub source_handle_index: u8,
    /// DestHandleIndex: the destination folder.
    pub dest_handle_index: u8,
    /// MessageIds.
    pub message_ids: Vec<MessageId>,
    /// WantAsynchronous.
    pub want_asynchronous: bool,
    /// WantCopy: copy instead of move.
    pub want_copy: bool,
}

/// MS-OXCROPS 2.2.4.6.2-3 RopMoveCopyMessages response (MS-OXCFOLD 2.2.1.6.2).
pub type MoveCopyMessagesResponse = MoveCopyResponse;

impl Rop for MoveCopyMessagesRequest {
    const ID: RopId = RopId::MOVE_COPY_MESSAGES;
    type Response = MoveCopyMessagesResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopMoveCopyMessages", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, source_handle_index) = le_u8(i)?;
            let (i, dest_handle_index) = le_u8(i)?;
            let (i, message_ids) = message_ids(i)?;
            let (i, want_asynchronous) = bool8(i)?;
            let (i, want_copy) = bool8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    source_handle_index,
                    dest_handle_index,
                    message_ids,
                    want_asynchronous,
                    want_copy,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.source_handle_index);
        out.put_u8(self.dest_handle_index);
        put_message_ids(&self.message_ids, out, "RopMoveCopyMessages")?;
        put_bool(out, self.want_asynchronous);
        put_bool(out, self.want_copy);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        MoveCopyResponse::decode(input, "RopMoveCopyMessages response")
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out, "RopMoveCopyMessages response")
    }

    fn input_handle_index(&self) -> u8 {
        self.source_handle_index
    }
}

/// MS-OXCROPS 2.2.4.7.1 RopMoveFolder request (MS-OXCFOLD 2.2.1.7.1). NewFolderName is
/// UTF-16 when UseUnicode is set, 8-bit otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoveFolderRequest {
    /// LogonId.
    pub logon_id: u8,
    /// SourceHandleIndex: the current parent folder.
    pub source_handle_index: u8,
    /// DestHandleIndex: the new parent folder.
    pub dest_handle_index: u8,
    /// WantAsynchronous.
    pub want_asynchronous: bool,
    /// UseUnicode.
    pub use_unicode: bool,
    /// FolderId: the folder to move.
    pub folder_id: FolderId,
    /// NewFolderName.
    pub new_folder_name: FolderName,
}

/// MS-OXCROPS 2.2.4.7.2-3 RopMoveFolder response (MS-OXCFOLD 2.2.1.7.2).
pub type MoveFolderResponse = MoveCopyResponse;

impl Rop for MoveFolderRequest {
    const ID: RopId = RopId::MOVE_FOLDER;
    type Response = MoveFolderResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopMoveFolder", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, source_handle_index) = le_u8(i)?;
            let (i, dest_handle_index) = le_u8(i)?;
            let (i, want_asynchronous) = bool8(i)?;
            let (i, use_unicode) = bool8(i)?;
            let (i, folder_id) = FolderId::decode(i)?;
            let (i, new_folder_name) = FolderName::decode_with(use_unicode, i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    source_handle_index,
                    dest_handle_index,
                    want_asynchronous,
                    use_unicode,
                    folder_id,
                    new_folder_name,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.source_handle_index);
        out.put_u8(self.dest_handle_index);
        put_bool(out, self.want_asynchronous);
        put_bool(out, self.use_unicode);
        out.put_u64_le(self.folder_id.0);
        self.new_folder_name
            .encode_with(self.use_unicode, out, "RopMoveFolder")
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        MoveCopyResponse::decode(input, "RopMoveFolder response")
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out, "RopMoveFolder response")
    }

    fn input_handle_index(&self) -> u8 {
        self.source_handle_index
    }
}

/// MS-OXCROPS 2.2.4.8.1 RopCopyFolder request (MS-OXCFOLD 2.2.1.8.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyFolderRequest {
    /// LogonId.
    pub logon_id: u8,
    /// SourceHandleIndex: the current parent folder.
    pub source_handle_index: u8,
    /// DestHandleIndex: the parent of the copy.
    pub dest_handle_index: u8,
    /// WantAsynchronous.
    pub want_asynchronous: bool,
    /// WantRecursive: copy subfolders too.
    pub want_recursive: bool,
    /// UseUnicode.
    pub use_unicode: bool,
    /// FolderId: the folder to copy.
    pub folder_id: FolderId,
    /// NewFolderName.
    pub new_folder_name: FolderName,
}

/// MS-OXCROPS 2.2.4.8.2-3 RopCopyFolder response (MS-OXCFOLD 2.2.1.8.2).
pub type CopyFolderResponse = MoveCopyResponse;

impl Rop for CopyFolderRequest {
    const ID: RopId = RopId::COPY_FOLDER;
    type Response = CopyFolderResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCopyFolder", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, source_handle_index) = le_u8(i)?;
            let (i, dest_handle_index) = le_u8(i)?;
            let (i, want_asynchronous) = bool8(i)?;
            let (i, want_recursive) = bool8(i)?;
            let (i, use_unicode) = bool8(i)?;
            let (i, folder_id) = FolderId::decode(i)?;
            let (i, new_folder_name) = FolderName::decode_with(use_unicode, i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    source_handle_index,
                    dest_handle_index,
                    want_asynchronous,
                    want_recursive,
                    use_unicode,
                    folder_id,
                    new_folder_name,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.source_handle_index);
        out.put_u8(self.dest_handle_index);
        put_bool(out, self.want_asynchronous);
        put_bool(out, self.want_recursive);
        put_bool(out, self.use_unicode);
        out.put_u64_le(self.folder_id.0);
        self.new_folder_name
            .encode_with(self.use_unicode, out, "RopCopyFolder")
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        MoveCopyResponse::decode(input, "RopCopyFolder response")
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out, "RopCopyFolder response")
    }

    fn input_handle_index(&self) -> u8 {
        self.source_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopEmptyFolder / RopHardDeleteMessagesAndSubfolders
// ---------------------------------------------------------------------------------------------

macro_rules! empty_folder_rop {
    ($(#[$doc:meta])* $name:ident, $resp:ident, $id:expr, $label:literal, $resp_label:literal,
     $resp_doc:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        pub struct $name {
            /// LogonId.
            pub logon_id: u8,
            /// InputHandleIndex: the folder to empty.
            pub input_handle_index: u8,
            /// WantAsynchronous.
            pub want_asynchronous: bool,
            /// WantDeleteAssociated: remove FAI messages too.
            pub want_delete_associated: bool,
        }

        #[doc = $resp_doc]
        pub type $resp = PartialCompletionResponse;

        impl Rop for $name {
            const ID: RopId = $id;
            type Response = $resp;

            fn decode_request(input: &[u8]) -> PResult<'_, Self> {
                named($label, input, |i| {
                    let (i, logon_id) = le_u8(i)?;
                    let (i, input_handle_index) = le_u8(i)?;
                    let (i, want_asynchronous) = bool8(i)?;
                    let (i, want_delete_associated) = bool8(i)?;
                    Ok((
                        i,
                        Self {
                            logon_id,
                            input_handle_index,
                            want_asynchronous,
                            want_delete_associated,
                        },
                    ))
                })
            }

            fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                out.put_u8(self.logon_id);
                out.put_u8(self.input_handle_index);
                put_bool(out, self.want_asynchronous);
                put_bool(out, self.want_delete_associated);
                Ok(())
            }

            fn decode_response<'a>(
                &self,
                _ctx: &ResponseContext<'_>,
                input: &'a [u8],
            ) -> PResult<'a, Self::Response> {
                PartialCompletionResponse::decode(input, $resp_label)
            }

            fn encode_response<B: BufMut>(
                &self,
                response: &Self::Response,
                _ctx: &ResponseContext<'_>,
                out: &mut B,
            ) -> Result<(), EncodeError> {
                response.encode(out);
                Ok(())
            }

            fn input_handle_index(&self) -> u8 {
                self.input_handle_index
            }
        }
    };
}

empty_folder_rop!(
    /// MS-OXCROPS 2.2.4.9.1 RopEmptyFolder request (MS-OXCFOLD 2.2.1.9.1): soft deletes the
    /// folder's messages and subfolders.
    EmptyFolderRequest,
    EmptyFolderResponse,
    RopId::EMPTY_FOLDER,
    "RopEmptyFolder",
    "RopEmptyFolder response",
    "MS-OXCROPS 2.2.4.9.2 RopEmptyFolder response (MS-OXCFOLD 2.2.1.9.2)."
);

empty_folder_rop!(
    /// MS-OXCROPS 2.2.4.10.1 RopHardDeleteMessagesAndSubfolders request (MS-OXCFOLD
    /// 2.2.1.10.1): as RopEmptyFolder, but hard deletes.
    HardDeleteMessagesAndSubfoldersRequest,
    HardDeleteMessagesAndSubfoldersResponse,
    RopId::HARD_DELETE_MESSAGES_AND_SUBFOLDERS,
    "RopHardDeleteMessagesAndSubfolders",
    "RopHardDeleteMessagesAndSubfolders response",
    "MS-OXCROPS 2.2.4.10.2 RopHardDeleteMessagesAndSubfolders response (MS-OXCFOLD 2.2.1.10.2)."
);

// ---------------------------------------------------------------------------------------------
// RopDeleteMessages / RopHardDeleteMessages
// ---------------------------------------------------------------------------------------------

macro_rules! delete_messages_rop {
    ($(#[$doc:meta])* $name:ident, $resp:ident, $id:expr, $label:literal, $resp_label:literal,
     $resp_doc:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        pub struct $name {
            /// LogonId.
            pub logon_id: u8,
            /// InputHandleIndex: the folder holding the messages.
            pub input_handle_index: u8,
            /// WantAsynchronous.
            pub want_asynchronous: bool,
            /// NotifyNonRead: send non-read receipts where requested.
            pub notify_non_read: bool,
            /// MessageIds.
            pub message_ids: Vec<MessageId>,
        }

        #[doc = $resp_doc]
        pub type $resp = PartialCompletionResponse;

        impl Rop for $name {
            const ID: RopId = $id;
            type Response = $resp;

            fn decode_request(input: &[u8]) -> PResult<'_, Self> {
                named($label, input, |i| {
                    let (i, logon_id) = le_u8(i)?;
                    let (i, input_handle_index) = le_u8(i)?;
                    let (i, want_asynchronous) = bool8(i)?;
                    let (i, notify_non_read) = bool8(i)?;
                    let (i, message_ids) = message_ids(i)?;
                    Ok((
                        i,
                        Self {
                            logon_id,
                            input_handle_index,
                            want_asynchronous,
                            notify_non_read,
                            message_ids,
                        },
                    ))
                })
            }

            fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                out.put_u8(self.logon_id);
                out.put_u8(self.input_handle_index);
                put_bool(out, self.want_asynchronous);
                put_bool(out, self.notify_non_read);
                put_message_ids(&self.message_ids, out, $label)
            }

            fn decode_response<'a>(
                &self,
                _ctx: &ResponseContext<'_>,
                input: &'a [u8],
            ) -> PResult<'a, Self::Response> {
                PartialCompletionResponse::decode(input, $resp_label)
            }

            fn encode_response<B: BufMut>(
                &self,
                response: &Self::Response,
                _ctx: &ResponseContext<'_>,
                out: &mut B,
            ) -> Result<(), EncodeError> {
                response.encode(out);
                Ok(())
            }

            fn input_handle_index(&self) -> u8 {
                self.input_handle_index
            }
        }
    };
}

delete_messages_rop!(
    /// MS-OXCROPS 2.2.4.11.1 RopDeleteMessages request (MS-OXCFOLD 2.2.1.11.1): soft delete.
    DeleteMessagesRequest,
    DeleteMessagesResponse,
    RopId::DELETE_MESSAGES,
    "RopDeleteMessages",
    "RopDeleteMessages response",
    "MS-OXCROPS 2.2.4.11.2 RopDeleteMessages response (MS-OXCFOLD 2.2.1.11.2)."
);

delete_messages_rop!(
    /// MS-OXCROPS 2.2.4.12.1 RopHardDeleteMessages request (MS-OXCFOLD 2.2.1.12.1).
    HardDeleteMessagesRequest,
    HardDeleteMessagesResponse,
    RopId::HARD_DELETE_MESSAGES,
    "RopHardDeleteMessages",
    "RopHardDeleteMessages response",
    "MS-OXCROPS 2.2.4.12.2 RopHardDeleteMessages response (MS-OXCFOLD 2.2.1.12.2)."
);

// ---------------------------------------------------------------------------------------------
// RopGetHierarchyTable / RopGetContentsTable
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.4.13.2-3 / 2.2.4.14.2-3: the response of RopGetHierarchyTable and
/// RopGetContentsTable (MS-OXCFOLD 2.2.1.13.2, 2.2.1.14.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum GetTableResponse {
    /// ReturnValue 0.
    Success {
        /// OutputHandleIndex: the new table.
        output_handle_index: u8,
        /// RowCount (inaccurate with DeferredErrors).
        row_count: u32,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

macro_rules! get_table_rop {
    ($(#[$doc:meta])* $name:ident, $resp:ident, $id:expr, $label:literal, $resp_label:literal,
     $resp_doc:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        pub struct $name {
            /// LogonId.
            pub logon_id: u8,
            /// InputHandleIndex: the folder.
            pub input_handle_index: u8,
            /// OutputHandleIndex: where the table goes.
            pub output_handle_index: u8,
            /// TableFlags.
            pub table_flags: TableFlags,
        }

        #[doc = $resp_doc]
        pub type $resp = GetTableResponse;

        impl Rop for $name {
            const ID: RopId = $id;
            type Response = $resp;

            fn decode_request(input: &[u8]) -> PResult<'_, Self> {
                named($label, input, |i| {
                    let (i, logon_id) = le_u8(i)?;
                    let (i, input_handle_index) = le_u8(i)?;
                    let (i, output_handle_index) = le_u8(i)?;
                    let (i, flags) = le_u8(i)?;
                    Ok((
                        i,
                        Self {
                            logon_id,
                            input_handle_index,
                            output_handle_index,
                            table_flags: TableFlags(flags),
                        },
                    ))
                })
            }

            fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                out.put_u8(self.logon_id);
                out.put_u8(self.input_handle_index);
                out.put_u8(self.output_handle_index);
                out.put_u8(self.table_flags.0);
                Ok(())
            }

            fn decode_response<'a>(
                &self,
                _ctx: &ResponseContext<'_>,
                input: &'a [u8],
            ) -> PResult<'a, Self::Response> {
                named($resp_label, input, |i| {
                    let (i, header) = ResponseHeader::decode(i)?;
                    if !header.is_success() {
                        return Ok((i, GetTableResponse::Failure(header)));
                    }
                    let (i, row_count) = le_u32(i)?;
                    Ok((
                        i,
                        GetTableResponse::Success {
                            output_handle_index: header.handle_index,
                            row_count,
                        },
                    ))
                })
            }

            fn encode_response<B: BufMut>(
                &self,
                response: &Self::Response,
                _ctx: &ResponseContext<'_>,
                out: &mut B,
            ) -> Result<(), EncodeError> {
                match response {
                    GetTableResponse::Success {
                        output_handle_index,
                        row_count,
                    } => {
                        out.put_u8(*output_handle_index);
                        out.put_u32_le(0);
                        out.put_u32_le(*row_count);
                        Ok(())
                    }
                    GetTableResponse::Failure(h) => put_failure(h, out, $resp_label),
                }
            }

            fn input_handle_index(&self) -> u8 {
                self.input_handle_index
            }

            fn output_handle_index(&self) -> Option<u8> {
                Some(self.output_handle_index)
            }
        }
    };
}

get_table_rop!(
    /// MS-OXCROPS 2.2.4.13.1 RopGetHierarchyTable request (MS-OXCFOLD 2.2.1.13.1).
    GetHierarchyTableRequest,
    GetHierarchyTableResponse,
    RopId::GET_HIERARCHY_TABLE,
    "RopGetHierarchyTable",
    "RopGetHierarchyTable response",
    "MS-OXCROPS 2.2.4.13.2-3 RopGetHierarchyTable response (MS-OXCFOLD 2.2.1.13.2)."
);

get_table_rop!(
    /// MS-OXCROPS 2.2.4.14.1 RopGetContentsTable request (MS-OXCFOLD 2.2.1.14.1).
    GetContentsTableRequest,
    GetContentsTableResponse,
    RopId::GET_CONTENTS_TABLE,
    "RopGetContentsTable",
    "RopGetContentsTable response",
    "MS-OXCROPS 2.2.4.14.2-3 RopGetContentsTable response (MS-OXCFOLD 2.2.1.14.2)."
);
