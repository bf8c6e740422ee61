//! Notification ROPs (MS-OXCROPS 2.2.14, semantics in MS-OXCNOTIF 2.2.1): RopRegisterNotification
//! and the unsolicited RopNotify with every NotificationData form.

use bytes::BufMut;
use serde::Serialize;

use crate::wire::entry_id::{FolderId, GlobalIdentifier, MessageId};
use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{
    CountWidth, Wire, ascii_z, counted, put_ascii_z, put_utf16z, take_len, u8 as le_u8,
    u16 as le_u16, u32 as le_u32, u64 as le_u64, utf16z,
};
use crate::wire::property::{PropertyRow, PropertyTag};

use super::{ResponseContext, ResponseHeader, Rop, RopId};

flags_newtype!(
    /// MS-OXCNOTIF 2.2.1.2.1 NotificationTypes of RopRegisterNotification (one byte).
    NotificationTypes(u8) {
        /// NewMail.
        NEW_MAIL = 0x02,
        /// ObjectCreated.
        OBJECT_CREATED = 0x04,
        /// ObjectDeleted.
        OBJECT_DELETED = 0x08,
        /// ObjectModified.
        OBJECT_MODIFIED = 0x10,
        /// ObjectMoved.
        OBJECT_MOVED = 0x20,
        /// ObjectCopied.
        OBJECT_COPIED = 0x40,
        /// SearchComplete.
        SEARCH_COMPLETE = 0x80,
    }
);

/// MS-OXCROPS 2.2.14.1.1 RopRegisterNotification request (MS-OXCNOTIF 2.2.1.2.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterNotificationRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex (a Logon object).
    pub input_handle_index: u8,
    /// OutputHandleIndex for the Notification object.
    pub output_handle_index: u8,
    /// NotificationTypes.
    pub notification_types: NotificationTypes,
    /// Reserved.
    pub reserved: u8,
    /// WantWholeStore as sent (nonzero: the whole store; zero: FolderId/MessageId follow).
    pub want_whole_store: u8,
    /// FolderId and MessageId of the watched object; present exactly when WantWholeStore is
    /// zero (MessageId 0 watches the folder).
    pub target: Option<(FolderId, MessageId)>,
}

impl Rop for RegisterNotificationRequest {
    const ID: RopId = RopId::REGISTER_NOTIFICATION;
    /// MS-OXCROPS 2.2.14.1.2: OutputHandleIndex and ReturnValue only.
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopRegisterNotification", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, output_handle_index) = le_u8(i)?;
            let (i, types) = le_u8(i)?;
            let (i, reserved) = le_u8(i)?;
            let (i, want_whole_store) = le_u8(i)?;
            let (i, target) = if want_whole_store == 0 {
                let (i, f) = le_u64(i)?;
                let (i, m) = le_u64(i)?;
                (i, Some((FolderId(f), MessageId(m))))
            } else {
                (i, None)
            };
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                    notification_types: NotificationTypes(types),
                    reserved,
                    want_whole_store,
                    target,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.output_handle_index);
        out.put_u8(self.notification_types.0);
        out.put_u8(self.reserved);
        out.put_u8(self.want_whole_store);
        match (self.want_whole_store == 0, self.target) {
            (true, Some((f, m))) => {
                out.put_u64_le(f.0);
                out.put_u64_le(m.0);
            }
            (false, None) => {}
            _ => {
                return Err(EncodeError::Invalid {
                    structure: "RopRegisterNotification",
                    reason: "FolderId/MessageId are sent exactly when WantWholeStore is 0",
                });
            }
        }
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, ResponseHeader> {
        named("RopRegisterNotification", input, ResponseHeader::decode)
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &ResponseHeader,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out);
        Ok(())
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

flags_newtype!(
    /// MS-OXCNOTIF 2.2.1.4.1.2 NotificationFlags: NotificationType in the low 12 bits, then the
    /// T, U, S and M bits that decide which NotificationData fields follow.
    NotificationFlags(u16) {
        /// NewMail.
        NEW_MAIL = 0x0002,
        /// ObjectCreated.
        OBJECT_CREATED = 0x0004,
        /// ObjectDeleted.
        OBJECT_DELETED = 0x0008,
        /// ObjectModified.
        OBJECT_MODIFIED = 0x0010,
        /// ObjectMoved.
        OBJECT_MOVED = 0x0020,
        /// ObjectCopied.
        OBJECT_COPIED = 0x0040,
        /// SearchComplete.
        SEARCH_COMPLETE = 0x0080,
        /// TableModified.
        TABLE_MODIFIED = 0x0100,
        /// IcsNotification (HierarchyChanged fields follow).
        ICS = 0x0200,
        /// Extended (reserved).
        EXTENDED = 0x0400,
        /// T: TotalMessageCount follows.
        TOTAL = 0x1000,
        /// U: UnreadMessageCount follows.
        UNREAD = 0x2000,
        /// S: the event is in a search folder.
        SEARCH = 0x4000,
        /// M: the event is about a message (else a folder).
        MESSAGE = 0x8000,
    }
);

impl NotificationFlags {
    /// NotificationType: the low 12 bits.
    pub const fn notification_type(self) -> u16 {
        self.0 & 0x0FFF
    }
    fn has(self, bit: NotificationFlags) -> bool {
        self.0 & bit.0 != 0
    }
    fn is_type(self, types: &[NotificationFlags]) -> bool {
        types.iter().any(|t| t.0 == self.notification_type())
    }
}

/// MS-OXCNOTIF 2.2.1.4.1.2 TableEventType values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct TableEventType(pub u16);

impl TableEventType {
    /// TABLE_CHANGED.
    pub const TABLE_CHANGED: TableEventType = TableEventType(0x0001);
    /// TABLE_ROW_ADDED.
    pub const ROW_ADDED: TableEventType = TableEventType(0x0003);
    /// TABLE_ROW_DELETED.
    pub const ROW_DELETED: TableEventType = TableEventType(0x0004);
    /// TABLE_ROW_MODIFIED.
    pub const ROW_MODIFIED: TableEventType = TableEventType(0x0005);
    /// TABLE_RESTRICT_DONE.
    pub const RESTRICT_DONE: TableEventType = TableEventType(0x0007);

    fn names_row(self) -> bool {
        matches!(self.0, 3..=5)
    }
    fn carries_row(self) -> bool {
        self.0 == 3 || self.0 == 5
    }
}

/// TableRowData of a table notification: a PropertyRow over the table's columns, or the raw
/// bytes when the columns are unknown to the decoder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TableRowData {
    /// Decoded against the columns set with RopSetColumns.
    Row(PropertyRow),
    /// The bytes as received (TableRowDataSize bytes).
    Raw(#[serde(serialize_with = "crate::wire::serde_bytes::hex")] Vec<u8>),
}

/// The row a table notification names (TableRowFolderID, TableRowMessageID, TableRowInstance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TableRowId {
    /// Folder ID of the row (TableRowFolderID, InsertAfterTableRowFolderID).
    pub folder_id: FolderId,
    /// Message ID and instance, present when the M bit is set.
    pub message: Option<(MessageId, u32)>,
}

/// MS-OXCNOTIF 2.2.1.4.1.2 IcsNotification fields (NotificationType 0x0200).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IcsChange {
    /// HierarchyChanged: nonzero when the folder hierarchy changed.
    pub hierarchy_changed: u8,
    /// FolderIds (GIDs) whose contents changed, with their ICSChangeNumbers (FolderIdNumber
    /// of each on the wire, GIDs first then the numbers).
    pub folders: Vec<(GlobalIdentifier, u32)>,
}

/// NewMail fields (NotificationType 0x0002).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewMail {
    /// MessageFlags of the new message.
    pub message_flags: u32,
    /// UnicodeFlag: nonzero when MessageClass is UTF-16.
    pub unicode_flag: u8,
    /// MessageClass of the new message.
    pub message_class: String,
}

/// MS-OXCNOTIF 2.2.1.4.1.2 NotificationData. The flags decide which fields are on the wire;
/// each field is `Some` exactly when present (encode refuses inconsistent values).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotificationData {
    /// NotificationFlags.
    pub flags: NotificationFlags,
    /// TableEventType (TableModified only).
    pub table_event_type: Option<TableEventType>,
    /// TableRowFolderID / TableRowMessageID / TableRowInstance (row added, deleted, modified).
    pub table_row: Option<TableRowId>,
    /// InsertAfterTableRowFolderID / ...ID / ...Instance (row added or modified).
    pub insert_after: Option<TableRowId>,
    /// TableRowDataSize and TableRowData (row added or modified).
    pub table_row_data: Option<TableRowData>,
    /// IcsNotification fields.
    pub ics: Option<IcsChange>,
    /// FolderId (every type but TableModified, IcsNotification, Extended).
    pub folder_id: Option<FolderId>,
    /// MessageId (with FolderId, when the M bit is set).
    pub message_id: Option<MessageId>,
    /// ParentFolderId (created, deleted, moved, copied; for folders, or for messages in a
    /// search folder).
    pub parent_folder_id: Option<FolderId>,
    /// OldFolderId (moved, copied).
    pub old_folder_id: Option<FolderId>,
    /// OldMessageId (moved, copied messages).
    pub old_message_id: Option<MessageId>,
    /// OldParentFolderId (moved, copied folders).
    pub old_parent_folder_id: Option<FolderId>,
    /// TagCount (created, modified); 0xFFFF is kept as is and carries no Tags.
    pub tag_count: Option<u16>,
    /// Tags (TagCount of them, when TagCount is neither 0 nor 0xFFFF).
    pub tags: Vec<PropertyTag>,
    /// TotalMessageCount (T bit).
    pub total_message_count: Option<u32>,
    /// UnreadMessageCount (U bit).
    pub unread_message_count: Option<u32>,
    /// NewMail fields.
    pub new_mail: Option<NewMail>,
}

const NAME: &str = "NotificationData";

fn fid(i: &[u8]) -> PResult<'_, FolderId> {
    le_u64(i).map(|(r, v)| (r, FolderId(v)))
}
fn mid(i: &[u8]) -> PResult<'_, MessageId> {
    le_u64(i).map(|(r, v)| (r, MessageId(v)))
}

/// Which optional parts the flags (and TableEventType) put on the wire.
struct Layout {
    table_event: bool,
    table_row: bool,
    insert_after: bool,
    ics: bool,
    folder_id: bool,
    message: bool,
    parent: bool,
    old: bool,
    tag_count: bool,
    new_mail: bool,
}

impl Layout {
    fn of(f: NotificationFlags, event: Option<TableEventType>) -> Self {
        let table = f.is_type(&[NotificationFlags::TABLE_MODIFIED]);
        let event = event.filter(|_| table);
        let message = f.has(NotificationFlags::MESSAGE);
        let search = f.has(NotificationFlags::SEARCH);
        let folder_id = !f.is_type(&[
            NotificationFlags::TABLE_MODIFIED,
            NotificationFlags::ICS,
            NotificationFlags::EXTENDED,
        ]);
        Layout {
            table_event: table,
            table_row: event.is_some_and(|e| e.names_row()),
            insert_after: event.is_some_and(|e| e.carries_row()),
            ics: f.is_type(&[NotificationFlags::ICS]),
            folder_id,
            message,
            parent: f.is_type(&[
                NotificationFlags::OBJECT_CREATED,
                NotificationFlags::OBJECT_DELETED,
                NotificationFlags::OBJECT_MOVED,
                NotificationFlags::OBJECT_COPIED,
            ]) && message == search,
            old: f.is_type(&[
                NotificationFlags::OBJECT_MOVED,
                NotificationFlags::OBJECT_COPIED,
            ]),
            tag_count: f.is_type(&[
                NotificationFlags::OBJECT_CREATED,
                NotificationFlags::OBJECT_MODIFIED,
            ]),
            new_mail: f.is_type(&[NotificationFlags::NEW_MAIL]),
        }
    }
}

fn row_id(message: bool, i: &[u8]) -> PResult<'_, TableRowId> {
    let (i, folder_id) = fid(i)?;
    if message {
        let (i, m) = mid(i)?;
        let (i, inst) = le_u32(i)?;
        Ok((
            i,
            TableRowId {
                folder_id,
                message: Some((m, inst)),
            },
        ))
    } else {
        Ok((
            i,
            TableRowId {
                folder_id,
                message: None,
            },
        ))
    }
}

fn inconsistent(reason: &'static str) -> EncodeError {
    EncodeError::Invalid {
        structure: NAME,
        reason,
    }
}

fn check<T>(present: bool, v: &Option<T>, reason: &'static str) -> Result<(), EncodeError> {
    if present == v.is_some() {
        Ok(())
    } else {
        Err(inconsistent(reason))
    }
}

fn put_row_id<B: BufMut>(
    out: &mut B,
    message: bool,
    r: &TableRowId,
    reason: &'static str,
) -> Result<(), EncodeError> {
    out.put_u64_le(r.folder_id.0);
    match (message, r.message) {
        (true, Some((m, inst))) => {
            out.put_u64_le(m.0);
            out.put_u32_le(inst);
        }
        (false, None) => {}
        _ => return Err(inconsistent(reason)),
    }
    Ok(())
}

impl NotificationData {
    /// Decodes NotificationData; `columns` are the table's columns (RopSetColumns) for
    /// TableRowData, `None` to keep the row bytes raw.
    pub fn decode_with<'a>(columns: Option<&[PropertyTag]>, input: &'a [u8]) -> PResult<'a, Self> {
        named(NAME, input, |i| {
            let (i, flags) = le_u16(i)?;
            let flags = NotificationFlags(flags);
            let message = flags.has(NotificationFlags::MESSAGE);
            let mut d = NotificationData {
                flags,
                table_event_type: None,
                table_row: None,
                insert_after: None,
                table_row_data: None,
                ics: None,
                folder_id: None,
                message_id: None,
                parent_folder_id: None,
                old_folder_id: None,
                old_message_id: None,
                old_parent_folder_id: None,
                tag_count: None,
                tags: Vec::new(),
                total_message_count: None,
                unread_message_count: None,
                new_mail: None,
            };
            let mut i = i;
            if Layout::of(flags, None).table_event {
                let (r, e) = le_u16(i)?;
                i = r;
                d.table_event_type = Some(TableEventType(e));
            }
            let l = Layout::of(flags, d.table_event_type);
            if l.table_row {
                let (r, v) = row_id(message, i)?;
                i = r;
                d.table_row = Some(v);
            }
            if l.insert_after {
                let (r, v) = row_id(message, i)?;
                let (r, size) = le_u16(r)?;
                let (r, bytes) = take_len(r, usize::from(size), "TableRowDataSize")?;
                i = r;
                d.insert_after = Some(v);
                d.table_row_data = Some(match columns {
                    Some(cols) => {
                        let (rest, row) = PropertyRow::decode_with(cols, CountWidth::U16, bytes)?;
                        if !rest.is_empty() {
                            return fail(
                                rest,
                                "TableRowData",
                                ErrorKind::TrailingBytes { count: rest.len() },
                            );
                        }
                        TableRowData::Row(row)
                    }
                    None => TableRowData::Raw(bytes.to_vec()),
                });
            }
            if l.ics {
                let (r, hierarchy_changed) = le_u8(i)?;
                let (r, n) = le_u32(r)?;
                let n = n as usize;
                let (r, gids) = counted(r, n, 22, "FolderIdNumber", GlobalIdentifier::decode)?;
                let (r, cns) = counted(r, n, 4, "FolderIdNumber", le_u32)?;
                i = r;
                d.ics = Some(IcsChange {
                    hierarchy_changed,
                    folders: gids.into_iter().zip(cns).collect(),
                });
            }
            if l.folder_id {
                let (r, v) = fid(i)?;
                i = r;
                d.folder_id = Some(v);
                if l.message {
                    let (r, v) = mid(i)?;
                    i = r;
                    d.message_id = Some(v);
                }
            }
            if l.parent {
                let (r, v) = fid(i)?;
                i = r;
                d.parent_folder_id = Some(v);
            }
            if l.old {
                let (r, v) = fid(i)?;
                i = r;
                d.old_folder_id = Some(v);
                if l.message {
                    let (r, v) = mid(i)?;
                    i = r;
                    d.old_message_id = Some(v);
                } else {
                    let (r, v) = fid(i)?;
                    i = r;
                    d.old_parent_folder_id = Some(v);
                }
            }
            if l.tag_count {
                let (r, n) = le_u16(i)?;
                i = r;
                d.tag_count = Some(n);
                if n != 0xFFFF {
                    let (r, tags) = counted(i, usize::from(n), 4, "TagCount", PropertyTag::decode)?;
                    i = r;
                    d.tags = tags;
                }
            }
            if flags.has(NotificationFlags::TOTAL) {
                let (r, v) = le_u32(i)?;
                i = r;
                d.total_message_count = Some(v);
            }
            if flags.has(NotificationFlags::UNREAD) {
                let (r, v) = le_u32(i)?;
                i = r;
                d.unread_message_count = Some(v);
            }
            if l.new_mail {
                let (r, message_flags) = le_u32(i)?;
                let (r, unicode_flag) = le_u8(r)?;
                let (r, message_class) = if unicode_flag != 0 {
                    utf16z(r)?
                } else {
                    ascii_z(r)?
                };
                i = r;
                d.new_mail = Some(NewMail {
                    message_flags,
                    unicode_flag,
                    message_class,
                });
            }
            Ok((i, d))
        })
    }

    /// Encodes NotificationData; `columns` are needed when TableRowData is a decoded row.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: Option<&[PropertyTag]>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        let f = self.flags;
        let l = Layout::of(f, self.table_event_type);
        out.put_u16_le(f.0);
        check(l.table_event, &self.table_event_type, "TableEventType")?;
        if let Some(e) = self.table_event_type {
            out.put_u16_le(e.0);
        }
        check(l.table_row, &self.table_row, "TableRowFolderID")?;
        if let Some(r) = &self.table_row {
            put_row_id(out, l.message, r, "TableRowMessageID follows the M bit")?;
        }
        check(
            l.insert_after,
            &self.insert_after,
            "InsertAfterTableRowFolderID",
        )?;
        check(l.insert_after, &self.table_row_data, "TableRowData")?;
        if let (Some(r), Some(data)) = (&self.insert_after, &self.table_row_data) {
            put_row_id(out, l.message, r, "InsertAfterTableRowID follows the M bit")?;
            let mut bytes = Vec::new();
            match data {
                TableRowData::Raw(b) => bytes.extend_from_slice(b),
                TableRowData::Row(row) => {
                    let cols = columns
                        .ok_or_else(|| inconsistent("a decoded TableRowData needs the columns"))?;
                    row.encode_with(cols, CountWidth::U16, &mut bytes)?;
                }
            }
            crate::wire::primitives::put_counted_bytes(out, &bytes, CountWidth::U16, NAME)?;
        }
        check(l.ics, &self.ics, "IcsNotification fields")?;
        if let Some(ics) = &self.ics {
            out.put_u8(ics.hierarchy_changed);
            let n = u32::try_from(ics.folders.len()).map_err(|_| EncodeError::TooLong {
                structure: NAME,
                field: "FolderIdNumber",
                len: ics.folders.len(),
                max: u32::MAX as usize,
            })?;
            out.put_u32_le(n);
            for (g, _) in &ics.folders {
                g.encode(out)?;
            }
            for (_, cn) in &ics.folders {
                out.put_u32_le(*cn);
            }
        }
        check(l.folder_id, &self.folder_id, "FolderId")?;
        check(l.folder_id && l.message, &self.message_id, "MessageId")?;
        if let Some(v) = self.folder_id {
            out.put_u64_le(v.0);
        }
        if let Some(v) = self.message_id {
            out.put_u64_le(v.0);
        }
        check(l.parent, &self.parent_folder_id, "ParentFolderId")?;
        if let Some(v) = self.parent_folder_id {
            out.put_u64_le(v.0);
        }
        check(l.old, &self.old_folder_id, "OldFolderId")?;
        check(l.old && l.message, &self.old_message_id, "OldMessageId")?;
        check(
            l.old && !l.message,
            &self.old_parent_folder_id,
            "OldParentFolderId",
        )?;
        if let Some(v) = self.old_folder_id {
            out.put_u64_le(v.0);
        }
        if let Some(v) = self.old_message_id {
            out.put_u64_le(v.0);
        }
        if let Some(v) = self.old_parent_folder_id {
            out.put_u64_le(v.0);
        }
        check(l.tag_count, &self.tag_count, "TagCount")?;
        match self.tag_count {
            Some(0xFFFF) | None if !self.tags.is_empty() => {
                return Err(inconsistent("Tags without a TagCount that carries them"));
            }
            Some(0xFFFF) => out.put_u16_le(0xFFFF),
            Some(n) => {
                if usize::from(n) != self.tags.len() {
                    return Err(inconsistent("TagCount differs from the number of Tags"));
                }
                out.put_u16_le(n);
                for t in &self.tags {
                    t.encode(out)?;
                }
            }
            None => {}
        }
        check(
            f.has(NotificationFlags::TOTAL),
            &self.total_message_count,
            "TotalMessageCount follows the T bit",
        )?;
        if let Some(v) = self.total_message_count {
            out.put_u32_le(v);
        }
        check(
            f.has(NotificationFlags::UNREAD),
            &self.unread_message_count,
            "UnreadMessageCount follows the U bit",
        )?;
        if let Some(v) = self.unread_message_count {
            out.put_u32_le(v);
        }
        check(l.new_mail, &self.new_mail, "NewMail fields")?;
        if let Some(n) = &self.new_mail {
            out.put_u32_le(n.message_flags);
            out.put_u8(n.unicode_flag);
            if n.unicode_flag != 0 {
                put_utf16z(out, &n.message_class, NAME)?;
            } else {
                put_ascii_z(out, &n.message_class, NAME)?;
            }
        }
        Ok(())
    }
}

/// MS-OXCROPS 2.2.14.2 RopNotify (0x2A), sent by the server without a request (MS-OXCNOTIF
/// 2.2.1.4.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotifyResponse {
    /// NotificationHandle: the server handle of the Notification object.
    pub notification_handle: u32,
    /// LogonId.
    pub logon_id: u8,
    /// NotificationData.
    pub data: NotificationData,
}

impl NotifyResponse {
    /// The RopId that starts this response.
    pub const ID: RopId = RopId::NOTIFY;

    /// Decodes the fields after the RopId byte; `columns` as for
    /// [`NotificationData::decode_with`].
    pub fn decode<'a>(columns: Option<&[PropertyTag]>, input: &'a [u8]) -> PResult<'a, Self> {
        named("RopNotify", input, |i| {
            let (i, notification_handle) = le_u32(i)?;
            let (i, logon_id) = le_u8(i)?;
            let (i, data) = NotificationData::decode_with(columns, i)?;
            Ok((
                i,
                Self {
                    notification_handle,
                    logon_id,
                    data,
                },
            ))
        })
    }

    /// Encodes the fields after the RopId byte.
    pub fn encode<B: BufMut>(
        &self,
        columns: Option<&[PropertyTag]>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        out.put_u32_le(self.notification_handle);
        out.put_u8(self.logon_id);
        self.data.encode_with(columns, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ErrorCode;
    use crate::wire::entry_id::GlobalCounter;
    use crate::wire::property::{PropertyValue, StandardPropertyRow};
    use crate::wire::rop::store::tests::{
        is_error, request_exact, response_exact, rop_at, rop_payload, round_trip,
    };
    use proptest::prelude::*;

    fn fid(counter: u64) -> FolderId {
        FolderId::new(1, GlobalCounter::from_u64(counter).unwrap())
    }

    #[test]
    fn recorded_register_notification() {
        // notification.har entry 2: RopLogon (127 bytes after RopSize) then
        // RopRegisterNotification (23 bytes), then two handles.
        let req = rop_payload("notification/02-execute-request.bin");
        let end = req.len() - 8;
        let reg: RegisterNotificationRequest =
            request_exact(rop_at(&req, end - 23..end, RopId::REGISTER_NOTIFICATION));
        assert_eq!(reg.output_handle_index, 1);
        assert_eq!(reg.notification_types, NotificationTypes(0x7C));
        assert!(
            reg.notification_types
                .contains(NotificationTypes::OBJECT_CREATED)
        );
        assert_eq!(reg.want_whole_store, 0);
        assert_eq!(reg.target, Some((fid(0x0D), MessageId(0))));
        let resp = rop_payload("notification/02-execute-response.bin");
        let end = resp.len() - 8;
        let r = response_exact(
            &reg,
            rop_at(&resp, end - 6..end, RopId::REGISTER_NOTIFICATION),
        );
        assert_eq!(
            r,
            ResponseHeader {
                handle_index: 1,
                return_value: ErrorCode(0)
            }
        );
    }

    #[test]
    fn recorded_notifications() {
        // notification.har entry 6: two RopNotify and an empty handle table.
        let resp = rop_payload("notification/06-execute-response.bin");
        assert_eq!(
            u16::from(resp[0]) | u16::from(resp[1]) << 8,
            resp.len() as u16
        );
        let mut i = &resp[2..];
        let mut got = Vec::new();
        while !i.is_empty() {
            assert_eq!(i[0], NotifyResponse::ID.0);
            let (rest, n) = NotifyResponse::decode(None, &i[1..]).unwrap();
            let used = &i[1..i.len() - rest.len()];
            let mut out = Vec::new();
            n.encode(None, &mut out).unwrap();
            assert_eq!(out, used);
            got.push(n);
            i = rest;
        }
        assert_eq!(got.len(), 2);
        let created = &got[0];
        assert_eq!(created.notification_handle, 1);
        assert_eq!(created.data.flags, NotificationFlags::OBJECT_CREATED);
        assert_eq!(
            created.data.folder_id,
            Some(FolderId(0x0000_2100_0000_0001))
        );
        assert_eq!(created.data.parent_folder_id, Some(fid(0x0D)));
        assert_eq!(created.data.message_id, None);
        assert_eq!(created.data.tag_count, Some(0));
        let modified = &got[1].data;
        assert_eq!(modified.flags, NotificationFlags(0x3010));
        assert_eq!(modified.folder_id, Some(fid(0x0D)));
        assert_eq!(modified.parent_folder_id, None);
        assert_eq!(modified.tag_count, Some(0));
        assert_eq!(modified.total_message_count, Some(18));
        assert_eq!(modified.unread_message_count, Some(11));
    }

    const COLS: [PropertyTag; 2] = [PropertyTag(0x6748_0014), PropertyTag(0x0E07_0003)];

    #[test]
    fn table_row_added_with_and_without_columns() {
        let mut bytes = vec![0x00, 0x81, 0x03, 0x00]; // TableModified | M, TABLE_ROW_ADDED
        bytes.extend_from_slice(&1u64.to_le_bytes()); // TableRowFolderID
        bytes.extend_from_slice(&2u64.to_le_bytes()); // TableRowMessageID
        bytes.extend_from_slice(&0u32.to_le_bytes()); // TableRowInstance
        bytes.extend_from_slice(&3u64.to_le_bytes()); // InsertAfterTableRowFolderID
        bytes.extend_from_slice(&4u64.to_le_bytes()); // InsertAfterTableRowID
        bytes.extend_from_slice(&0u32.to_le_bytes()); // InsertAfterTableRowInstance
        bytes.extend_from_slice(&[13, 0, 0]); // TableRowDataSize, standard row flag
        bytes.extend_from_slice(&7u64.to_le_bytes());
        bytes.extend_from_slice(&5u32.to_le_bytes());
        let (rest, d) = NotificationData::decode_with(Some(&COLS), &bytes).unwrap();
        assert!(rest.is_empty());
        assert_eq!(d.table_event_type, Some(TableEventType::ROW_ADDED));
        assert_eq!(d.table_row.unwrap().message, Some((MessageId(2), 0)));
        assert_eq!(
            d.table_row_data,
            Some(TableRowData::Row(PropertyRow::Standard(
                StandardPropertyRow {
                    values: vec![PropertyValue::Integer64(7), PropertyValue::Integer32(5)]
                }
            )))
        );
        assert_eq!(d.folder_id, None);
        let mut out = Vec::new();
        d.encode_with(Some(&COLS), &mut out).unwrap();
        assert_eq!(out, bytes);
        let (_, raw) = NotificationData::decode_with(None, &bytes).unwrap();
        assert!(matches!(raw.table_row_data, Some(TableRowData::Raw(ref b)) if b.len() == 13));
        // A row with a byte too many for its columns is refused.
        let mut long = bytes.clone();
        let at = long.len() - 13 - 2;
        long[at] = 14;
        long.push(0);
        assert!(matches!(
            is_error(NotificationData::decode_with(Some(&COLS), &long)),
            ErrorKind::TrailingBytes { count: 1 }
        ));
    }

    #[test]
    fn new_mail_and_moves() {
        // NewMail | M: FolderId, MessageId, MessageFlags, UnicodeFlag, MessageClass.
        let mut b = vec![0x02, 0x80];
        b.extend_from_slice(&fid(0x0D).0.to_le_bytes());
        b.extend_from_slice(&9u64.to_le_bytes());
        b.extend_from_slice(&[0, 0, 0, 0, 1]);
        for u in "IPM.Note".encode_utf16().chain([0]) {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (rest, d) = NotificationData::decode_with(None, &b).unwrap();
        assert!(rest.is_empty());
        assert_eq!(d.new_mail.as_ref().unwrap().message_class, "IPM.Note");
        assert_eq!(d.parent_folder_id, None);
        let mut out = Vec::new();
        d.encode_with(None, &mut out).unwrap();
        assert_eq!(out, b);
        // ObjectMoved of a folder: FolderId, ParentFolderId, OldFolderId, OldParentFolderId.
        let mut b = vec![0x20, 0x00];
        for v in 1u64..=4 {
            b.extend_from_slice(&v.to_le_bytes());
        }
        let (rest, d) = NotificationData::decode_with(None, &b).unwrap();
        assert!(rest.is_empty());
        assert_eq!(d.old_parent_folder_id, Some(FolderId(4)));
        // Message moved in a search folder (S and M): ParentFolderId present, OldMessageId.
        let mut b = vec![0x20, 0xC0];
        for v in 1u64..=5 {
            b.extend_from_slice(&v.to_le_bytes());
        }
        let (rest, d) = NotificationData::decode_with(None, &b).unwrap();
        assert!(rest.is_empty());
        assert_eq!(d.parent_folder_id, Some(FolderId(3)));
        assert_eq!(d.old_message_id, Some(MessageId(5)));
    }

    #[test]
    fn garbage_is_typed() {
        // ICS notification claiming 0xFFFFFFFF folders.
        let b = [0x00, 0x02, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0];
        assert!(matches!(
            is_error(NotificationData::decode_with(None, &b)),
            ErrorKind::LengthExceedsInput { .. }
        ));
        // TagCount beyond the input.
        let b = [
            0x04, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x00,
        ];
        assert!(matches!(
            is_error(NotificationData::decode_with(None, &b)),
            ErrorKind::LengthExceedsInput { .. }
        ));
        let b = [0x06, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
        assert!(
            is_error(RegisterNotificationRequest::decode_request(&b[..5]))
                != ErrorKind::InvalidUtf16
        );
    }

    fn ids_s() -> impl Strategy<Value = [u64; 8]> {
        any::<[u64; 8]>()
    }

    /// NotificationData with every field consistent with generated flags.
    fn data_s() -> impl Strategy<Value = NotificationData> {
        let types = prop::sample::select(vec![
            0x0002u16, 0x0004, 0x0008, 0x0010, 0x0020, 0x0040, 0x0080, 0x0100, 0x0200, 0x0400,
        ]);
        (
            types,
            0u16..16,
            prop::sample::select(vec![1u16, 3, 4, 5, 6, 7]),
            ids_s(),
            any::<[u32; 4]>(),
            prop::collection::vec(any::<u32>().prop_map(PropertyTag), 0..4),
            prop::collection::vec(any::<u8>(), 0..20),
            prop::collection::vec((any::<[u8; 6]>(), any::<u32>()), 0..3),
            "[ -~]{0,12}",
            any::<u8>(),
            prop::option::of(Just(0xFFFFu16)),
        )
            .prop_map(
                |(ty, high, event, ids, nums, tags, raw, ics, class, uni, ffff)| {
                    let flags = NotificationFlags(ty | (high << 12));
                    let event = TableEventType(event);
                    let l = Layout::of(flags, Some(event));
                    let message = l.message;
                    let row = |a: u64, b: u64, n: u32| TableRowId {
                        folder_id: FolderId(a),
                        message: message.then_some((MessageId(b), n)),
                    };
                    let tag_count = l.tag_count.then(|| ffff.unwrap_or(tags.len() as u16));
                    NotificationData {
                        flags,
                        table_event_type: l.table_event.then_some(event),
                        table_row: l.table_row.then(|| row(ids[0], ids[1], nums[0])),
                        insert_after: l.insert_after.then(|| row(ids[2], ids[3], nums[1])),
                        table_row_data: l.insert_after.then_some(TableRowData::Raw(raw)),
                        ics: l.ics.then(|| IcsChange {
                            hierarchy_changed: uni,
                            folders: ics
                                .into_iter()
                                .map(|(c, n)| {
                                    (
                                        GlobalIdentifier {
                                            database_guid: uuid::Uuid::from_u128(u128::from(n)),
                                            global_counter: GlobalCounter(c),
                                        },
                                        n,
                                    )
                                })
                                .collect(),
                        }),
                        folder_id: l.folder_id.then_some(FolderId(ids[4])),
                        message_id: (l.folder_id && message).then_some(MessageId(ids[5])),
                        parent_folder_id: l.parent.then_some(FolderId(ids[6])),
                        old_folder_id: l.old.then_some(FolderId(ids[7])),
                        old_message_id: (l.old && message).then_some(MessageId(ids[0])),
                        old_parent_folder_id: (l.old && !message).then_some(FolderId(ids[1])),
                        tag_count,
                        tags: if tag_count.is_some() && tag_count != Some(0xFFFF) {
                            tags
                        } else {
                            Vec::new()
                        },
                        total_message_count: flags.has(NotificationFlags::TOTAL).then_some(nums[2]),
                        unread_message_count: flags
                            .has(NotificationFlags::UNREAD)
                            .then_some(nums[3]),
                        new_mail: l.new_mail.then(|| NewMail {
                            message_flags: nums[0],
                            unicode_flag: uni,
                            message_class: class,
                        }),
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn notify_round_trip(h in any::<u32>(), l in any::<u8>(), data in data_s()) {
            let n = NotifyResponse { notification_handle: h, logon_id: l, data };
            let mut out = Vec::new();
            n.encode(None, &mut out).unwrap();
            let (rest, back) = NotifyResponse::decode(None, &out).unwrap();
            prop_assert!(rest.is_empty());
            prop_assert_eq!(&back, &n);
            for k in 0..out.len() {
                prop_assert!(NotifyResponse::decode(None, &out[..k]).is_err());
            }
        }

        #[test]
        fn register_round_trip(
            l in any::<u8>(), h in any::<u8>(), o in any::<u8>(), t in any::<u8>(), r in any::<u8>(),
            whole in any::<u8>(), f in any::<u64>(), m in any::<u64>(), hh in any::<u8>(), rv in any::<u32>(),
        ) {
            let req = RegisterNotificationRequest {
                logon_id: l, input_handle_index: h, output_handle_index: o,
                notification_types: NotificationTypes(t), reserved: r, want_whole_store: whole,
                target: (whole == 0).then_some((FolderId(f), MessageId(m))),
            };
            round_trip(&req, &ResponseHeader { handle_index: hh, return_value: ErrorCode(rv) });
        }
    }
}
