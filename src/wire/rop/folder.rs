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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::mapihttp::framing::frame_all;
    use crate::wire::mapihttp::{ExecuteRequest, ExecuteResponse, FramerLimits};
    use crate::wire::property::{PropertyTag, PropertyType, PropertyValue, TaggedPropertyValue};
    use crate::wire::rpc_ext::decode_chain;
    use proptest::prelude::*;
    use std::fmt::Debug;

    const CTX: ResponseContext<'static> = ResponseContext {
        table_columns: None,
    };

    /// Decodes a request whose bytes start with the RopId and checks the re-encoding.
    fn request<R: Rop + PartialEq + Debug>(bytes: &[u8]) -> R {
        assert_eq!(bytes[0], R::ID.0, "RopId");
        let (rest, req) = R::decode_request(&bytes[1..]).unwrap();
        assert!(rest.is_empty(), "{} trailing bytes", rest.len());
        let mut out = Vec::new();
        req.encode_request(&mut out).unwrap();
        assert_eq!(out, &bytes[1..]);
        req
    }

    /// Decodes a response whose bytes start with the RopId and checks the re-encoding.
    fn response<R: Rop>(req: &R, bytes: &[u8]) -> R::Response
    where
        R::Response: PartialEq + Debug,
    {
        assert_eq!(bytes[0], R::ID.0, "RopId");
        let (rest, resp) = req.decode_response(&CTX, &bytes[1..]).unwrap();
        assert!(rest.is_empty(), "{} trailing bytes", rest.len());
        let mut out = Vec::new();
        req.encode_response(&resp, &CTX, &mut out).unwrap();
        assert_eq!(out, &bytes[1..]);
        resp
    }

    /// The ROP buffer (RopSize, ROPs, handle table) of a recorded Execute request body.
    fn request_rops(body: &[u8]) -> Vec<u8> {
        let req = ExecuteRequest::from_bytes(body).unwrap();
        decode_chain(&req.rop_buffer).unwrap().remove(0).payload
    }

    /// The first ROP buffer of a recorded Execute response body (meta-tags included).
    fn response_rops(body: &[u8]) -> Vec<u8> {
        let framed = frame_all(body, FramerLimits::default()).unwrap();
        match ExecuteResponse::from_bytes(&framed.body).unwrap() {
            ExecuteResponse::Success { rop_buffer, .. } => {
                decode_chain(&rop_buffer).unwrap().remove(0).payload
            }
            ExecuteResponse::Failure(f) => panic!("StatusCode {}", f.status_code),
        }
    }

    /// The `len` bytes of one ROP at `at` in a ROP buffer.
    fn rop_at(buf: &[u8], at: usize, len: usize) -> &[u8] {
        &buf[at..at + len]
    }

    // ---- Specification examples ----

    #[test]
    fn spec_move_folder_request() {
        // MS-OXCFOLD 4.5.1: RopMoveFolder, SourceHandleIndex 1, DestHandleIndex 2, async,
        // Unicode, FolderId 0001-00000E8EDF36, NewFolderName "Folder1".
        let bytes = hex::decode(
            "350001020101\
             010000000E8EDF36\
             46006F006C0064006500720031000000",
        )
        .unwrap();
        let req: MoveFolderRequest = request(&bytes);
        assert_eq!(req.logon_id, 0);
        assert_eq!(req.source_handle_index, 1);
        assert_eq!(req.dest_handle_index, 2);
        assert!(req.want_asynchronous);
        assert!(req.use_unicode);
        assert_eq!(req.folder_id.replica_id(), 1);
        assert_eq!(
            req.folder_id.global_counter().0,
            [0, 0, 0x0E, 0x8E, 0xDF, 0x36]
        );
        assert_eq!(req.new_folder_name, FolderName::Unicode("Folder1".into()));
    }

    #[test]
    fn spec_move_folder_response_layouts() {
        // MS-OXCROPS 2.2.4.7.2: SourceHandleIndex, ReturnValue, PartialCompletion.
        let req: MoveFolderRequest = request(
            &hex::decode("350001020101010000000E8EDF3646006F006C0064006500720031000000").unwrap(),
        );
        let ok = response(&req, &hex::decode("35010000000000").unwrap());
        assert_eq!(ok.header.handle_index, 1);
        assert!(ok.header.is_success());
        assert_eq!(ok.dest_handle_index, None);
        assert!(!ok.partial_completion);
        // MS-OXCROPS 2.2.4.7.3: ecDstNullObject carries DestHandleIndex (4 bytes).
        let null = response(&req, &hex::decode("3501030500000200000001").unwrap());
        assert_eq!(null.header.return_value, ErrorCode::NULL_DESTINATION_OBJECT);
        assert_eq!(null.dest_handle_index, Some(2));
        assert!(null.partial_completion);
        // Any other failure keeps PartialCompletion.
        let other = response(&req, &hex::decode("35010F01048001").unwrap());
        assert_eq!(other.header.return_value.0, 0x8004_010F);
        assert!(other.partial_completion);
    }

    // ---- Recordings (fixtures/gromox, README "The files") ----

    #[test]
    fn recorded_session_folders_open_ipm_subtree_and_hierarchy() {
        // session-folders.har entry 2: RopLogon, RopOpenFolder, RopGetHierarchyTable,
        // RopSetColumns, RopQueryRows. Offsets found once: in the request RopLogon is 123
        // bytes from offset 2 (RopSize first), so RopOpenFolder is at 125 (13 bytes) and
        // RopGetHierarchyTable at 138 (5 bytes); in the response the private RopLogon is 166
        // bytes, RopOpenFolder is at 168 (8 bytes) and RopGetHierarchyTable at 176 (10 bytes).
        let rq = request_rops(include_bytes!(
            "../../../fixtures/bodies/session-folders/02-execute-request.bin"
        ));
        let rs = response_rops(include_bytes!(
            "../../../fixtures/bodies/session-folders/02-execute-response.bin"
        ));
        let open: OpenFolderRequest = request(rop_at(&rq, 125, 13));
        assert_eq!(open.input_handle_index, 0);
        assert_eq!(open.output_handle_index, 1);
        assert_eq!(open.folder_id, FolderId(0x0900_0000_0000_0001)); // IPM subtree
        assert_eq!(open.open_mode_flags, OpenModeFlags::READ_ONLY);
        assert_eq!(
            response(&open, rop_at(&rs, 168, 8)),
            OpenFolderResponse::Success {
                output_handle_index: 1,
                has_rules: false,
                ghost: None
            }
        );
        let table: GetHierarchyTableRequest = request(rop_at(&rq, 138, 5));
        assert_eq!(table.input_handle_index, 1);
        assert_eq!(table.output_handle_index, 2);
        assert_eq!(table.table_flags, TableFlags::DEPTH);
        assert_eq!(
            response(&table, rop_at(&rs, 176, 10)),
            GetTableResponse::Success {
                output_handle_index: 2,
                row_count: 21
            }
        );
    }

    #[test]
    fn recorded_session_folders_open_inbox_and_contents() {
        // session-folders.har entry 3: RopOpenFolder(Inbox) first at offset 2 in both
        // buffers, then RopGetContentsTable at 15 (request) / 10 (response).
        let rq = request_rops(include_bytes!(
            "../../../fixtures/bodies/session-folders/03-execute-request.bin"
        ));
        let rs = response_rops(include_bytes!(
            "../../../fixtures/bodies/session-folders/03-execute-response.bin"
        ));
        let open: OpenFolderRequest = request(rop_at(&rq, 2, 13));
        assert_eq!(open.output_handle_index, 3);
        assert_eq!(open.folder_id, FolderId(0x0D00_0000_0000_0001)); // Inbox
        assert_eq!(
            response(&open, rop_at(&rs, 2, 8)),
            OpenFolderResponse::Success {
                output_handle_index: 3,
                has_rules: false,
                ghost: None
            }
        );
        let table: GetContentsTableRequest = request(rop_at(&rq, 15, 5));
        assert_eq!(
            (table.input_handle_index, table.output_handle_index),
            (3, 4)
        );
        assert_eq!(table.table_flags, TableFlags(0));
        assert_eq!(
            response(&table, rop_at(&rs, 10, 10)),
            GetTableResponse::Success {
                output_handle_index: 4,
                row_count: 18
            }
        );
    }

    #[test]
    fn recorded_session_public_root_hierarchy() {
        // session-public.har entry 3: RopOpenFolder(public root) at 2, RopGetHierarchyTable
        // at 15 (request) / 10 (response). The public root is not ghosted here.
        let rq = request_rops(include_bytes!(
            "../../../fixtures/bodies/session-public/03-execute-request.bin"
        ));
        let rs = response_rops(include_bytes!(
            "../../../fixtures/bodies/session-public/03-execute-response.bin"
        ));
        let open: OpenFolderRequest = request(rop_at(&rq, 2, 13));
        assert_eq!(open.folder_id, FolderId(0x0100_0000_0000_0001));
        assert_eq!(
            response(&open, rop_at(&rs, 2, 8)),
            OpenFolderResponse::Success {
                output_handle_index: 1,
                has_rules: false,
                ghost: None
            }
        );
        let table: GetHierarchyTableRequest = request(rop_at(&rq, 15, 5));
        assert_eq!(table.table_flags, TableFlags::DEPTH);
        assert_eq!(
            response(&table, rop_at(&rs, 10, 10)),
            GetTableResponse::Success {
                output_handle_index: 2,
                row_count: 3
            }
        );
    }

    #[test]
    fn recorded_notification_create_folder() {
        // notification.har entry 5: RopLogon (123 bytes from 2), RopOpenFolder(Inbox) at 125,
        // RopCreateFolder at 138 running to the handle table (RopSize 264 ends it); response:
        // RopOpenFolder at 168, RopCreateFolder at 176 (15 bytes).
        let rq = request_rops(include_bytes!(
            "../../../fixtures/bodies/notification/05-execute-request.bin"
        ));
        let rs = response_rops(include_bytes!(
            "../../../fixtures/bodies/notification/05-execute-response.bin"
        ));
        let open: OpenFolderRequest = request(rop_at(&rq, 125, 13));
        assert_eq!(open.folder_id, FolderId(0x0D00_0000_0000_0001));
        response(&open, rop_at(&rs, 168, 8));
        let create: CreateFolderRequest = request(rop_at(&rq, 138, 264 - 138));
        assert_eq!(create.input_handle_index, 1);
        assert_eq!(create.output_handle_index, 2);
        assert_eq!(create.folder_type, FolderType::GENERIC);
        assert!(create.use_unicode_strings);
        assert!(!create.open_existing);
        match &create.display_name {
            FolderName::Unicode(s) => {
                let hhmmss = s.strip_prefix("Notification test ").unwrap();
                assert!(hhmmss.len() == 6 && hhmmss.bytes().all(|b| b.is_ascii_digit()));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            create.comment,
            FolderName::Unicode("created to trigger a notification".into())
        );
        assert_eq!(
            response(&create, rop_at(&rs, 176, 15)),
            CreateFolderResponse::Success {
                output_handle_index: 2,
                folder_id: FolderId(0x0000_2100_0000_0001),
                existing: None
            }
        );
    }

    // ---- Hand-built layouts the recordings lack ----

    #[test]
    fn ghosted_open_folder_response() {
        let req = OpenFolderRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            folder_id: FolderId(1),
            open_mode_flags: OpenModeFlags::READ_ONLY,
        };
        // HasRules 1, IsGhosted 1, ServerCount 2, CheapServerCount 1, "a\0", "bc\0".
        let bytes = hex::decode("020100000000010102000100610062630 0".replace(' ', "")).unwrap();
        let resp = response(&req, &bytes);
        assert_eq!(
            resp,
            OpenFolderResponse::Success {
                output_handle_index: 1,
                has_rules: true,
                ghost: Some(GhostInfo {
                    cheap_server_count: 1,
                    servers: vec!["a".into(), "bc".into()]
                })
            }
        );
    }

    #[test]
    fn eight_bit_create_folder_names() {
        let bytes = hex::decode("1C00010201000000E9006100").unwrap();
        let req: CreateFolderRequest = request(&bytes);
        assert!(!req.use_unicode_strings);
        assert_eq!(
            req.display_name,
            FolderName::String8(String8::from_bytes(vec![0xE9]))
        );
        assert_eq!(
            req.comment,
            FolderName::String8(String8::from_bytes(b"a".to_vec()))
        );
    }

    #[test]
    fn inconsistent_name_form_is_an_encode_error() {
        let req = MoveFolderRequest {
            logon_id: 0,
            source_handle_index: 0,
            dest_handle_index: 1,
            want_asynchronous: false,
            use_unicode: false,
            folder_id: FolderId(1),
            new_folder_name: FolderName::Unicode("x".into()),
        };
        assert!(matches!(
            req.encode_request(&mut Vec::new()),
            Err(EncodeError::Invalid { .. })
        ));
    }

    #[test]
    fn search_criteria_with_restriction() {
        let r = Restriction::exists(PropertyTag(0x0037_001F));
        let req = SetSearchCriteriaRequest {
            logon_id: 0,
            input_handle_index: 1,
            restriction: Some(r.clone()),
            folder_ids: vec![FolderId(0x0D00_0000_0000_0001)],
            search_flags: SearchFlags::RECURSIVE_SEARCH,
        };
        let mut bytes = vec![RopId::SET_SEARCH_CRITERIA.0];
        req.encode_request(&mut bytes).unwrap();
        // LogonId, handle, size 5, ExistRestriction (08 + tag), 1 folder, flags.
        assert_eq!(
            hex::encode(&bytes),
            "3000010500081f0037000100010000000000000d04000000"
        );
        assert_eq!(request::<SetSearchCriteriaRequest>(&bytes), req);
    }

    #[test]
    fn restriction_not_filling_its_size_is_trailing_bytes() {
        // RestrictionDataSize 6 but the ExistRestriction takes 5.
        let bytes = hex::decode("00010600081f00370000000000000000").unwrap();
        let err = SetSearchCriteriaRequest::decode_request(&bytes).unwrap_err();
        match err {
            nom::Err::Error(e) => {
                assert_eq!(e.kind, ErrorKind::TrailingBytes { count: 1 });
                // The stray byte is at offset 9 of the input.
                assert_eq!(e.at(bytes.len()).offset, 9);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn hostile_counts_fail_before_allocating() {
        // RopDeleteMessages with MessageIdCount 0xFFFF and no ids.
        let err = DeleteMessagesRequest::decode_request(
            &hex::decode("000000 00FFFF".replace(' ', "")).unwrap(),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            nom::Err::Error(WireError {
                kind: ErrorKind::LengthExceedsInput { .. },
                ..
            })
        ));
        // A ghosted response claiming 0xFFFF servers.
        let req = OpenFolderRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            folder_id: FolderId(1),
            open_mode_flags: OpenModeFlags(0),
        };
        let err = req
            .decode_response(&CTX, &hex::decode("01000000000001FFFF0100").unwrap())
            .unwrap_err();
        assert!(matches!(
            err,
            nom::Err::Error(WireError {
                kind: ErrorKind::LengthExceedsInput { .. },
                ..
            })
        ));
    }

    // ---- Checked against the specification text ----

    /// MS-OXCFOLD 2.2.1.5.1: UseUnicode, IncludeRestriction, IncludeFolders, one byte each, in
    /// that order after InputHandleIndex (MS-OXCROPS 2.2.4.5.1 adds RopId and LogonId first).
    #[test]
    fn get_search_criteria_request_per_spec() {
        let bytes = [0x31, 0x00, 0x01, 0x01, 0x00, 0x01];
        let req: GetSearchCriteriaRequest = request(&bytes);
        assert_eq!(
            req,
            GetSearchCriteriaRequest {
                logon_id: 0,
                input_handle_index: 1,
                use_unicode: true,
                include_restriction: false,
                include_folders: true,
            }
        );
        for n in 0..bytes.len() - 1 {
            assert!(GetSearchCriteriaRequest::decode_request(&bytes[1..1 + n]).is_err());
        }
    }

    /// The flag values the searchable spec text shows: MS-OXCFOLD 2.2.1.4.1 (STOP_SEARCH),
    /// 2.2.1.5.2 (SEARCH_RUNNING, SEARCH_REBUILD), 2.2.1.13.1 (Depth, DeferredErrors,
    /// NoNotifications, SoftDeletes) and 2.2.1.14.1 (Associated, DeferredErrors,
    /// NoNotifications, SoftDeletes). The tables are cut off after these rows in the text
    /// available, so the remaining constants are unchecked.
    #[test]
    fn flag_values_per_spec() {
        assert_eq!(SearchFlags::STOP_SEARCH.0, 0x0000_0001);
        assert_eq!(SearchState::RUNNING.0, 0x0000_0001);
        assert_eq!(SearchState::REBUILD.0, 0x0000_0002);
        assert_eq!(TableFlags::ASSOCIATED.0, 0x02);
        assert_eq!(TableFlags::DEPTH.0, 0x04);
        assert_eq!(TableFlags::DEFERRED_ERRORS.0, 0x08);
        assert_eq!(TableFlags::NO_NOTIFICATIONS.0, 0x10);
        assert_eq!(TableFlags::SOFT_DELETES.0, 0x20);
        // SearchFlags is the last field of RopSetSearchCriteria (MS-OXCFOLD 2.2.1.4.1), 4 bytes.
        let bytes = [
            0x30, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
        ];
        let req: SetSearchCriteriaRequest = request(&bytes);
        assert_eq!(req.search_flags, SearchFlags::STOP_SEARCH);
        assert_eq!(req.restriction, None);
        assert!(req.folder_ids.is_empty());
    }

    // ---- Truncation and garbage: every prefix fails with a typed error, nothing panics ----

    fn all_prefixes_fail<R: Rop>(full: &[u8], req: &R) {
        for n in 0..full.len() {
            assert!(R::decode_request(&full[..n]).is_err(), "request prefix {n}");
        }
        let _ = req;
    }

    #[test]
    fn truncated_requests_fail() {
        let rq = request_rops(include_bytes!(
            "../../../fixtures/bodies/notification/05-execute-request.bin"
        ));
        let create = rop_at(&rq, 139, 264 - 139);
        let req = CreateFolderRequest::decode_request(create).unwrap().1;
        all_prefixes_fail(create, &req);
        let mf = hex::decode("0001020101010000000E8EDF3646006F006C0064006500720031000000").unwrap();
        let req = MoveFolderRequest::decode_request(&mf).unwrap().1;
        all_prefixes_fail(&mf, &req);
    }

    #[test]
    fn truncated_responses_fail() {
        let req = OpenFolderRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            folder_id: FolderId(1),
            open_mode_flags: OpenModeFlags(0),
        };
        let full = hex::decode("0100000000010102000100610062630 0".replace(' ', "")).unwrap();
        for n in 0..full.len() {
            assert!(req.decode_response(&CTX, &full[..n]).is_err(), "prefix {n}");
        }
        let t = GetHierarchyTableRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            table_flags: TableFlags(0),
        };
        for n in 0..9 {
            assert!(t.decode_response(&CTX, &[0u8; 9][..n]).is_err());
        }
    }

    proptest! {
        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = OpenFolderRequest::decode_request(&bytes);
            let _ = CreateFolderRequest::decode_request(&bytes);
            let _ = DeleteFolderRequest::decode_request(&bytes);
            let _ = SetSearchCriteriaRequest::decode_request(&bytes);
            let _ = GetSearchCriteriaRequest::decode_request(&bytes);
            let _ = MoveCopyMessagesRequest::decode_request(&bytes);
            let _ = MoveFolderRequest::decode_request(&bytes);
            let _ = CopyFolderRequest::decode_request(&bytes);
            let _ = EmptyFolderRequest::decode_request(&bytes);
            let _ = HardDeleteMessagesAndSubfoldersRequest::decode_request(&bytes);
            let _ = DeleteMessagesRequest::decode_request(&bytes);
            let _ = HardDeleteMessagesRequest::decode_request(&bytes);
            let _ = GetHierarchyTableRequest::decode_request(&bytes);
            let _ = GetContentsTableRequest::decode_request(&bytes);
            let g = GetSearchCriteriaRequest { logon_id: 0, input_handle_index: 0, use_unicode: true, include_restriction: true, include_folders: true };
            let _ = g.decode_response(&CTX, &bytes);
            let c = CreateFolderRequest::decode_request(&hex::decode("0001020101000000000000").unwrap()).unwrap().1;
            let _ = c.decode_response(&CTX, &bytes);
        }
    }

    // ---- Round trips over generated values ----

    fn fid() -> impl Strategy<Value = FolderId> {
        any::<u64>().prop_map(FolderId)
    }

    fn mids() -> impl Strategy<Value = Vec<MessageId>> {
        proptest::collection::vec(any::<u64>().prop_map(MessageId), 0..5)
    }

    fn name(unicode: bool) -> BoxedStrategy<FolderName> {
        if unicode {
            "[a-zA-Z0-9 éü中😀]{0,12}"
                .prop_map(FolderName::Unicode)
                .boxed()
        } else {
            proptest::collection::vec(1u8..=255, 0..12)
                .prop_map(|b| FolderName::String8(String8::from_bytes(b)))
                .boxed()
        }
    }

    fn failure() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), 1u32..).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }

    fn header() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), any::<u32>()).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }

    fn ghost() -> impl Strategy<Value = Option<GhostInfo>> {
        proptest::option::of(
            (any::<u16>(), proptest::collection::vec("[ -~]{0,10}", 0..4)).prop_map(
                |(cheap_server_count, servers)| GhostInfo {
                    cheap_server_count,
                    servers,
                },
            ),
        )
    }

    fn restriction() -> impl Strategy<Value = Restriction> {
        let leaf = prop_oneof![
            any::<u32>().prop_map(|t| Restriction::exists(PropertyTag(t))),
            (any::<u16>(), any::<i32>()).prop_map(|(id, v)| Restriction::eq(
                TaggedPropertyValue::new(id, PropertyValue::Integer32(v))
            )),
            (any::<u16>(), "[a-z]{0,6}").prop_map(|(id, s)| Restriction::eq(TaggedPropertyValue {
                tag: PropertyTag::from_parts(id, PropertyType::STRING),
                value: PropertyValue::string(s),
            })),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            proptest::collection::vec(inner, 0..3).prop_map(Restriction::And)
        })
    }

    fn move_copy_response() -> impl Strategy<Value = MoveCopyResponse> {
        prop_oneof![
            (header(), any::<bool>()).prop_map(|(mut header, partial_completion)| {
                if header.return_value == ErrorCode::NULL_DESTINATION_OBJECT {
                    header.return_value = ErrorCode(0);
                }
                MoveCopyResponse {
                    header,
                    dest_handle_index: None,
                    partial_completion,
                }
            }),
            (any::<u8>(), any::<u32>(), any::<bool>()).prop_map(|(h, d, partial_completion)| {
                MoveCopyResponse {
                    header: ResponseHeader {
                        handle_index: h,
                        return_value: ErrorCode::NULL_DESTINATION_OBJECT,
                    },
                    dest_handle_index: Some(d),
                    partial_completion,
                }
            }),
        ]
    }

    fn partial() -> impl Strategy<Value = PartialCompletionResponse> {
        (header(), any::<bool>()).prop_map(|(header, partial_completion)| {
            PartialCompletionResponse {
                header,
                partial_completion,
            }
        })
    }

    fn table_response() -> impl Strategy<Value = GetTableResponse> {
        prop_oneof![
            (any::<u8>(), any::<u32>()).prop_map(|(output_handle_index, row_count)| {
                GetTableResponse::Success {
                    output_handle_index,
                    row_count,
                }
            }),
            failure().prop_map(GetTableResponse::Failure),
        ]
    }

    /// Encodes request and response, decodes both back and compares.
    fn roundtrip<R>(req: &R, resp: &R::Response) -> Result<(), TestCaseError>
    where
        R: Rop + PartialEq + Debug,
        R::Response: PartialEq + Debug,
    {
        let mut b = Vec::new();
        req.encode_request(&mut b).unwrap();
        let (rest, back) = R::decode_request(&b).unwrap();
        prop_assert!(rest.is_empty());
        prop_assert_eq!(&back, req);
        let mut b = Vec::new();
        req.encode_response(resp, &CTX, &mut b).unwrap();
        let (rest, back) = req.decode_response(&CTX, &b).unwrap();
        prop_assert!(rest.is_empty());
        prop_assert_eq!(&back, resp);
        Ok(())
    }

    proptest! {
        #[test]
        fn open_folder_roundtrip(
            ids in any::<[u8; 4]>(), folder_id in fid(),
            success in any::<bool>(), has_rules in any::<bool>(), ghost in ghost(), f in failure(),
        ) {
            let req = OpenFolderRequest {
                logon_id: ids[0], input_handle_index: ids[1], output_handle_index: ids[2],
                folder_id, open_mode_flags: OpenModeFlags(ids[3]),
            };
            let resp = if success {
                OpenFolderResponse::Success { output_handle_index: ids[2], has_rules, ghost }
            } else {
                OpenFolderResponse::Failure(f)
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn create_folder_roundtrip(
            ids in any::<[u8; 5]>(), open_existing in any::<bool>(),
            (unicode, display_name, comment) in any::<bool>().prop_flat_map(|u| (Just(u), name(u), name(u))),
            success in any::<bool>(), folder_id in fid(),
            existing in proptest::option::of((any::<bool>(), ghost())), f in failure(),
        ) {
            let req = CreateFolderRequest {
                logon_id: ids[0], input_handle_index: ids[1], output_handle_index: ids[2],
                folder_type: FolderType(ids[3]), use_unicode_strings: unicode, open_existing,
                reserved: ids[4], display_name, comment,
            };
            let resp = if success {
                CreateFolderResponse::Success {
                    output_handle_index: ids[2], folder_id,
                    existing: existing.map(|(has_rules, ghost)| ExistingFolderInfo { has_rules, ghost }),
                }
            } else {
                CreateFolderResponse::Failure(f)
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn delete_folder_roundtrip(ids in any::<[u8; 3]>(), folder_id in fid(), resp in partial()) {
            let req = DeleteFolderRequest {
                logon_id: ids[0], input_handle_index: ids[1],
                delete_folder_flags: DeleteFolderFlags(ids[2]), folder_id,
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn set_search_criteria_roundtrip(
            ids in any::<[u8; 2]>(), restriction in proptest::option::of(restriction()),
            folder_ids in proptest::collection::vec(fid(), 0..4), flags in any::<u32>(), resp in header(),
        ) {
            let req = SetSearchCriteriaRequest {
                logon_id: ids[0], input_handle_index: ids[1], restriction, folder_ids,
                search_flags: SearchFlags(flags),
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn get_search_criteria_roundtrip(
            ids in any::<[u8; 3]>(), bools in any::<[bool; 3]>(), success in any::<bool>(),
            restriction in proptest::option::of(restriction()),
            folder_ids in proptest::collection::vec(fid(), 0..4), flags in any::<u32>(), f in failure(),
        ) {
            let req = GetSearchCriteriaRequest {
                logon_id: ids[0], input_handle_index: ids[1], use_unicode: bools[0],
                include_restriction: bools[1], include_folders: bools[2],
            };
            let resp = if success {
                GetSearchCriteriaResponse::Success {
                    input_handle_index: ids[1], restriction, logon_id: ids[2], folder_ids,
                    search_flags: SearchState(flags),
                }
            } else {
                GetSearchCriteriaResponse::Failure(f)
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn move_copy_messages_roundtrip(
            ids in any::<[u8; 3]>(), message_ids in mids(), b in any::<[bool; 2]>(), resp in move_copy_response(),
        ) {
            let req = MoveCopyMessagesRequest {
                logon_id: ids[0], source_handle_index: ids[1], dest_handle_index: ids[2],
                message_ids, want_asynchronous: b[0], want_copy: b[1],
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn move_folder_roundtrip(
            ids in any::<[u8; 3]>(), want_asynchronous in any::<bool>(), folder_id in fid(),
            (use_unicode, new_folder_name) in any::<bool>().prop_flat_map(|u| (Just(u), name(u))),
            resp in move_copy_response(),
        ) {
            let req = MoveFolderRequest {
                logon_id: ids[0], source_handle_index: ids[1], dest_handle_index: ids[2],
                want_asynchronous, use_unicode, folder_id, new_folder_name,
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn copy_folder_roundtrip(
            ids in any::<[u8; 3]>(), b in any::<[bool; 2]>(), folder_id in fid(),
            (use_unicode, new_folder_name) in any::<bool>().prop_flat_map(|u| (Just(u), name(u))),
            resp in move_copy_response(),
        ) {
            let req = CopyFolderRequest {
                logon_id: ids[0], source_handle_index: ids[1], dest_handle_index: ids[2],
                want_asynchronous: b[0], want_recursive: b[1], use_unicode, folder_id, new_folder_name,
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn empty_folder_roundtrip(ids in any::<[u8; 2]>(), b in any::<[bool; 2]>(), resp in partial()) {
            let req = EmptyFolderRequest {
                logon_id: ids[0], input_handle_index: ids[1], want_asynchronous: b[0],
                want_delete_associated: b[1],
            };
            roundtrip(&req, &resp)?;
            let req = HardDeleteMessagesAndSubfoldersRequest {
                logon_id: ids[0], input_handle_index: ids[1], want_asynchronous: b[0],
                want_delete_associated: b[1],
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn delete_messages_roundtrip(
            ids in any::<[u8; 2]>(), b in any::<[bool; 2]>(), message_ids in mids(), resp in partial(),
        ) {
            let req = DeleteMessagesRequest {
                logon_id: ids[0], input_handle_index: ids[1], want_asynchronous: b[0],
                notify_non_read: b[1], message_ids: message_ids.clone(),
            };
            roundtrip(&req, &resp)?;
            let req = HardDeleteMessagesRequest {
                logon_id: ids[0], input_handle_index: ids[1], want_asynchronous: b[0],
                notify_non_read: b[1], message_ids,
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn get_tables_roundtrip(ids in any::<[u8; 4]>(), resp in table_response()) {
            let req = GetHierarchyTableRequest {
                logon_id: ids[0], input_handle_index: ids[1], output_handle_index: ids[2],
                table_flags: TableFlags(ids[3]),
            };
            roundtrip(&req, &resp)?;
            let req = GetContentsTableRequest {
                logon_id: ids[0], input_handle_index: ids[1], output_handle_index: ids[2],
                table_flags: TableFlags(ids[3]),
            };
            roundtrip(&req, &resp)?;
        }
    }
}
