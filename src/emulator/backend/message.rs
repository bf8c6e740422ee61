//! Message and attachment ROPs (MS-OXCMSG, MS-OXCROPS 2.2.6): opening, creating and saving
//! messages, their recipients, read flags and status, and their attachments.

use super::with_mailbox;
use super::{Handlers, InstanceObject, MailboxKey, Object, StoreEvent, TableObject};
use crate::emulator::engine::{Outcome, RopCx};
use crate::emulator::store::{Mailbox, ObjHandle, ObjectRef, Recipient, TableKind, TableView};
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::property::row::FlaggedPropertyRow;
use crate::wire::property::tags as t;
use crate::wire::property::{
    FlaggedPropertyValue, PropertyRow, PropertyTag, PropertyType, PropertyValue,
    StandardPropertyRow, TypedString,
};
use crate::wire::rop::ResponseHeader;
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::message::{
    CreateAttachmentResponse, CreateMessageResponse, GetValidAttachmentsResponse, MessageInfo,
    MessageStatusFlags, MessageStatusResponse, ModifyRecipientsRequest,
    OpenEmbeddedMessageResponse, OpenMessageResponse, OpenModeFlags, OpenRecipientRow,
    ReadRecipientRow, ReadRecipientsResponse, RecipientFlags, RecipientRow, RecipientString,
    RecipientType, ReloadCachedInformationResponse, SaveChangesMessageResponse,
    SetMessageReadFlagResponse, SetReadFlagsResponse, X500Recipient,
};
use crate::wire::rop::message::{ReadStatusChange, RecipientAddressType};
use crate::wire::{ErrorCode, String8};

/// Raises a store change for the subscriptions of every session (MS-OXCNOTIF 3.2.5).
pub(super) fn raise(h: &Handlers, event: StoreEvent) {
    h.hub().publish(event);
}

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
) -> Option<Outcome<Object>> {
    let result = match request {
        RopRequest::OpenMessage(r) => open_message(h, cx, r),
        RopRequest::CreateMessage(r) => create_message(h, cx, r),
        RopRequest::SaveChangesMessage(r) => save_message(h, cx, r),
        RopRequest::RemoveAllRecipients(r) => instance_op(h, cx, |mb, i| {
            mb.remove_all_recipients(i)
        })
        .map(|()| Outcome::respond(RopResponse::RemoveAllRecipients(ok(r.input_handle_index)))),
        RopRequest::ModifyRecipients(r) => modify_recipients(h, cx, r),
        RopRequest::ReadRecipients(r) => read_recipients(h, cx, r.input_handle_index, r.row_id),
        RopRequest::ReloadCachedInformation(r) => {
            let info = message_info_of_input(h, cx, h.code_page() as u16);
            info.map(|message| {
                Outcome::respond(RopResponse::ReloadCachedInformation(
                    ReloadCachedInformationResponse::Success {
                        input_handle_index: r.input_handle_index,
                        message,
                    },
                ))
            })
        }
        RopRequest::SetMessageStatus(r) => set_message_status(h, cx, r),
        RopRequest::GetMessageStatus(r) => get_message_status(h, cx, r),
        RopRequest::SetReadFlags(r) => set_read_flags(h, cx, r),
        RopRequest::SetMessageReadFlag(r) => set_message_read_flag(h, cx, r),
        RopRequest::GetAttachmentTable(r) => get_attachment_table(h, cx, r),
        RopRequest::OpenAttachment(r) => open_attachment(h, cx, r),
        RopRequest::CreateAttachment(r) => create_attachment(h, cx, r),
        RopRequest::DeleteAttachment(r) => {
            let num = r.attachment_id;
            instance_op(h, cx, |mb, i| mb.delete_attachment(i, num))
                .map(|()| Outcome::respond(RopResponse::DeleteAttachment(ok(r.input_handle_index))))
        }
        RopRequest::SaveChangesAttachment(r) => save_attachment(h, cx, r.response_handle_index),
        RopRequest::OpenEmbeddedMessage(r) => open_embedded(h, cx, r),
        RopRequest::GetValidAttachments(r) => instance_op(h, cx, |mb, i| {
            Ok(mb.attachments(i)?.iter().map(|a| a.num).collect::<Vec<_>>())
        })
        .map(|attachment_ids| {
            Outcome::respond(RopResponse::GetValidAttachments(
                GetValidAttachmentsResponse::Success {
                    input_handle_index: r.input_handle_index,
                    attachment_ids,
                },
            ))
        }),
        _ => return None,
    };
    Some(result.unwrap_or_else(|code| Outcome::fail(request, code)))
}

/// A success header (header-only responses).
pub(super) fn ok(handle_index: u8) -> ResponseHeader {
    ResponseHeader {
        handle_index,
        return_value: ErrorCode::SUCCESS,
    }
}

/// The Message object the ROP acts on (ecNotSupported for any other kind of object,
/// MS-OXCMSG 3.2.5).
pub(super) fn message_input(cx: &RopCx<'_, Object>) -> Result<InstanceObject, ErrorCode> {
    match cx.input() {
        Some(Object::Message(m)) => Ok(m.clone()),
        Some(_) => Err(ErrorCode::NOT_SUPPORTED),
        None => Err(ErrorCode::NULL_OBJECT),
    }
}

/// The folder a ROP naming a FolderId acts in: a Logon object takes the id as given, a Folder
/// object is that folder (MS-OXCMSG 2.2.3.1.1: InputHandleIndex names a Logon or Folder).
fn folder_input(cx: &RopCx<'_, Object>) -> Result<(MailboxKey, Option<FolderId>), ErrorCode> {
    match cx.input() {
        Some(Object::Logon(l)) => Ok((l.mailbox.clone(), None)),
        Some(Object::Folder(f)) => Ok((f.mailbox.clone(), Some(f.fid))),
        Some(_) => Err(ErrorCode::NOT_SUPPORTED),
        None => Err(ErrorCode::NULL_OBJECT),
    }
}

fn instance_op<T>(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    f: impl FnOnce(&mut Mailbox, ObjHandle) -> Result<T, ErrorCode>,
) -> Result<T, ErrorCode> {
    let m = message_input(cx)?;
    let mut store = h.store();
    with_mailbox(&mut store, &m.mailbox, |mb| f(mb, m.instance))
}

/// A string of RopOpenMessage's response (MS-OXCDATA 2.11.7): none, empty, reduced Unicode
/// when every character fits one byte, else UTF-16LE.
fn typed_string(value: Option<&str>) -> TypedString {
    match value {
        None => TypedString::NoString,
        Some("") => TypedString::Empty,
        Some(s) if s.chars().all(|c| c != '\0' && u32::from(c) < 0x100) => {
            TypedString::ReducedUnicode(s.to_owned())
        }
        Some(s) => TypedString::Unicode(s.to_owned()),
    }
}

/// Properties that travel in a recipient row's own fields (MS-OXCDATA 2.8.3.2) rather than in
/// its RecipientProperties.
const ROW_FIELDS: &[PropertyTag] = &[
    t::PID_TAG_RECIPIENT_TYPE,
    t::PID_TAG_ROWID,
    t::PID_TAG_DISPLAY_NAME,
    t::PID_TAG_EMAIL_ADDRESS,
    t::PID_TAG_ADDRESS_TYPE,
    t::PID_TAG_ADDRESS_BOOK_DISPLAY_NAME_PRINTABLE,
    t::PID_TAG_TRANSMITTABLE_DISPLAY_NAME,
    t::PID_TAG_RESPONSIBILITY,
    t::PID_TAG_SEND_RICH_INFO,
];

fn is_row_field(tag: PropertyTag) -> bool {
    ROW_FIELDS.iter().any(|f| f.id() == tag.id())
}

/// The RecipientColumns of a message: every property its recipients carry beyond the row's
/// own fields, in tag order, with their stored types.
pub(super) fn recipient_columns(recipients: &[Recipient]) -> Vec<PropertyTag> {
    let mut columns: Vec<PropertyTag> = Vec::new();
    for r in recipients {
        for tag in r.props.tags() {
            if !is_row_field(tag) && !columns.iter().any(|c| c.id() == tag.id()) {
                columns.push(tag);
            }
        }
    }
    columns.sort_by_key(|c| c.0);
    columns
}

/// The recipient columns of an open message, for the engine to lay out RopReadRecipients
/// rows against (the session knows them from RopOpenMessage). `None` for anything else.
/// The integrator wires it into `Handlers::table_columns` (backend/mod.rs).
#[allow(dead_code)]
pub(super) fn recipient_columns_of(h: &Handlers, object: &Object) -> Option<Vec<PropertyTag>> {
    let Object::Message(m) = object else {
        return None;
    };
    let mut store = h.store();
    with_mailbox(&mut store, &m.mailbox, |mb| {
        Ok(recipient_columns(mb.recipients(m.instance)?))
    })
    .ok()
}

fn text(r: &Recipient, tag: PropertyTag) -> Option<String> {
    r.props.str(tag).map(str::to_owned)
}

/// One recipient as a RecipientRow (MS-OXCDATA 2.8.3): EX addresses as X500DN, SMTP as SMTP
/// with the address in EmailAddress, other types as NoType with the O bit and AddressType;
/// Unicode strings; the remaining properties against `columns`.
fn recipient_row(r: &Recipient, columns: &[PropertyTag]) -> RecipientRow {
    let addr_type = text(r, t::PID_TAG_ADDRESS_TYPE);
    let email = text(r, t::PID_TAG_EMAIL_ADDRESS);
    let display = text(r, t::PID_TAG_DISPLAY_NAME);
    let simple = text(r, t::PID_TAG_ADDRESS_BOOK_DISPLAY_NAME_PRINTABLE);
    let transmittable = text(r, t::PID_TAG_TRANSMITTABLE_DISPLAY_NAME);
    let mut flags = RecipientFlags::UNICODE.0;
    let mut x500 = None;
    let mut address_type = None;
    let mut email_address = None;
    match addr_type.as_deref() {
        Some(a) if a.eq_ignore_ascii_case("EX") => {
            flags |= u16::from(RecipientAddressType::X500_DN.0);
            x500 = Some(X500Recipient {
                address_prefix_used: 0,
                display_type: r
                    .props
                    .i32(t::PID_TAG_DISPLAY_TYPE)
                    .and_then(|v| u8::try_from(v).ok())
                    .unwrap_or(0),
                x500_dn: email.clone().unwrap_or_default(),
            });
        }
        Some(a) if a.eq_ignore_ascii_case("SMTP") => {
            flags |= u16::from(RecipientAddressType::SMTP.0);
            email_address = email.clone();
        }
        Some(a) if !a.is_empty() && !a.contains('\0') => {
            flags |= RecipientFlags::NON_STANDARD.0;
            address_type = Some(String8::from_bytes(a.as_bytes().to_vec()));
            email_address = email.clone();
        }
        _ => email_address = email.clone(),
    }
    if email_address.is_some() {
        flags |= RecipientFlags::EMAIL.0;
    }
    if display.is_some() {
        flags |= RecipientFlags::DISPLAY.0;
    }
    if simple.is_some() {
        flags |= RecipientFlags::SIMPLE.0;
    }
    let transmittable = match (&transmittable, &display) {
        (Some(tr), Some(d)) if tr == d => {
            flags |= RecipientFlags::SAME.0;
            None
        }
        (Some(_), _) => {
            flags |= RecipientFlags::TRANSMITTABLE.0;
            transmittable
        }
        _ => None,
    };
    if r.props.raw(t::PID_TAG_RESPONSIBILITY.id()) == Some(&PropertyValue::Boolean(true)) {
        flags |= RecipientFlags::RESPONSIBLE.0;
    }
    if r.props.raw(t::PID_TAG_SEND_RICH_INFO.id()) == Some(&PropertyValue::Boolean(false)) {
        flags |= RecipientFlags::NON_RICH.0;
    }
    let values: Vec<Option<PropertyValue>> =
        columns.iter().map(|c| r.props.get(*c, 1200)).collect();
    let properties = if values.iter().all(Option::is_some) {
        PropertyRow::Standard(StandardPropertyRow {
            values: values.into_iter().flatten().collect(),
        })
    } else {
        PropertyRow::Flagged(FlaggedPropertyRow {
            values: values
                .into_iter()
                .zip(columns)
                .map(|(v, c)| match v {
                    Some(v) => FlaggedPropertyValue::Value(v),
                    None => FlaggedPropertyValue::NoValue(c.value_type()),
                })
                .collect(),
        })
    };
    RecipientRow {
        flags: RecipientFlags(flags),
        x500,
        distribution_list: None,
        address_type,
        email_address: email_address.map(RecipientString::Unicode),
        display_name: display.map(RecipientString::Unicode),
        simple_display_name: simple.map(RecipientString::Unicode),
        transmittable_display_name: transmittable.map(RecipientString::Unicode),
        properties,
    }
}

fn recipient_type(r: &Recipient) -> RecipientType {
    RecipientType(
        r.props
            .i32(t::PID_TAG_RECIPIENT_TYPE)
            .and_then(|v| u8::try_from(v).ok())
            .unwrap_or(RecipientType::TO.0),
    )
}

fn encoded_len(row: &RecipientRow, columns: &[PropertyTag]) -> usize {
    let mut buf = Vec::new();
    match row.encode_with(columns, &mut buf) {
        Ok(()) => buf.len(),
        Err(_) => usize::MAX / 4,
    }
}

/// The message part of RopOpenMessage / RopReloadCachedInformation / RopOpenEmbeddedMessage
/// (MS-OXCMSG 2.2.3.1.2): subject prefix, normalized subject, RecipientCount, the recipient
/// columns and as many rows as fit `room` (the client reads the rest with
/// RopReadRecipients).
fn message_info(
    mb: &Mailbox,
    instance: ObjHandle,
    code_page: u16,
    room: usize,
) -> Result<MessageInfo, ErrorCode> {
    let obj = ObjectRef::Instance(instance);
    let string = |tag: PropertyTag| {
        mb.get_prop(obj, tag, 1200)
            .and_then(|v| v.as_str().map(str::to_owned))
    };
    let has_named_properties = mb.prop_list(obj)?.iter().any(|tag| tag.id() >= 0x8000);
    let recipients = mb.recipients(instance)?;
    let columns = recipient_columns(recipients);
    let mut info = MessageInfo {
        has_named_properties,
        subject_prefix: typed_string(string(t::PID_TAG_SUBJECT_PREFIX).as_deref()),
        normalized_subject: typed_string(string(t::PID_TAG_NORMALIZED_SUBJECT).as_deref()),
        recipient_count: u16::try_from(recipients.len()).unwrap_or(u16::MAX),
        recipient_columns: columns.clone(),
        recipient_rows: Vec::new(),
    };
    // Fixed part: flags and strings (at most ~1 KB for typical subjects), column count and
    // columns, row count.
    let mut used = 64 + 4 * columns.len();
    for s in [&info.subject_prefix, &info.normalized_subject] {
        if let TypedString::Unicode(v) | TypedString::ReducedUnicode(v) = s {
            used += 2 * v.len() + 2;
        }
    }
    for r in recipients.iter().take(usize::from(u8::MAX)) {
        let row = recipient_row(r, &columns);
        // RecipientType, CodePageId, Reserved, RecipientRowSize.
        let len = 7 + encoded_len(&row, &columns);
        if used + len > room {
            break;
        }
        used += len;
        info.recipient_rows.push(OpenRecipientRow {
            recipient_type: recipient_type(r),
            code_page_id: code_page,
            reserved: 0,
            row,
        });
    }
    Ok(info)
}

fn message_info_of_input(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    code_page: u16,
) -> Result<MessageInfo, ErrorCode> {
    let room = cx.room();
    instance_op(h, cx, |mb, i| message_info(mb, i, code_page, room))
}

/// Read/write when the flags ask for it (ReadWrite 0x01, BestAccess 0x03: the owner always
/// has write access).
fn wants_write(flags: OpenModeFlags) -> bool {
    flags.0 & OpenModeFlags::READ_WRITE.0 != 0
}

/// MS-OXCMSG 3.2.5.1 RopOpenMessage: ecNotFound when the message is not in the folder named.
fn open_message(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::OpenMessageRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let (key, folder) = folder_input(cx)?;
    if folder.is_some_and(|f| f != r.folder_id) {
        return Err(ErrorCode::NOT_FOUND);
    }
    let writable = wants_write(r.open_mode_flags);
    let room = cx.room().saturating_sub(8);
    let mut store = h.store();
    let (instance, message) = with_mailbox(&mut store, &key, |mb| {
        let instance = mb.open_message(r.folder_id, r.message_id, writable)?;
        match message_info(mb, instance, r.code_page_id, room) {
            Ok(info) => Ok((instance, info)),
            Err(e) => {
                mb.release(instance);
                Err(e)
            }
        }
    })?;
    drop(store);
    Ok(Outcome::created(
        RopResponse::OpenMessage(OpenMessageResponse::Success {
            output_handle_index: r.output_handle_index,
            message,
        }),
        Object::Message(InstanceObject {
            mailbox: key,
            instance,
            writable,
        }),
    ))
}

/// MS-OXCMSG 3.2.5.2 RopCreateMessage: a new message, not visible until saved; it has no
/// MessageId yet (HasMessageId 0).
fn create_message(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::CreateMessageRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let (key, folder) = folder_input(cx)?;
    if folder.is_some_and(|f| f != r.folder_id) {
        return Err(ErrorCode::NOT_FOUND);
    }
    let instance = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.create_message(r.folder_id, r.associated)
        })?
    };
    Ok(Outcome::created(
        RopResponse::CreateMessage(CreateMessageResponse::Success {
            output_handle_index: r.output_handle_index,
            message_id: None,
        }),
        Object::Message(InstanceObject {
            mailbox: key,
            instance,
            writable: true,
        }),
    ))
}

/// MS-OXCMSG 3.2.5.3 RopSaveChangesMessage: commits the instance; a new message gets its id
/// and appears in its folder (ObjectCreated, and the folder's ObjectModified), a saved one
/// raises ObjectModified. An embedded message is written into its attachment (no event: it is
/// visible only once the attachment and the top-level message are saved).
fn save_message(
    h: &Handlers,
    cx: &mut RopCx<'_, Object>,
    r: &crate::wire::rop::message::SaveChangesMessageRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let m = message_input(cx)?;
    let (before, fid, mid) = {
        let mut store = h.store();
        with_mailbox(&mut store, &m.mailbox, |mb| {
            let before = mb.instance_message_id(m.instance)?;
            let fid = mb.instance_folder_id(m.instance)?;
            let mid = mb.save_message(m.instance)?;
            Ok((before, fid, mid))
        })?
    };
    if mid.0 != 0 {
        if before.is_none() {
            raise(
                h,
                StoreEvent::Created {
                    mailbox: m.mailbox.clone(),
                    fid,
                    mid: Some(mid),
                    parent: fid,
                },
            );
            raise(
                h,
                StoreEvent::Modified {
                    mailbox: m.mailbox.clone(),
                    fid,
                    mid: None,
                },
            );
        } else {
            raise(
                h,
                StoreEvent::Modified {
                    mailbox: m.mailbox.clone(),
                    fid,
                    mid: Some(mid),
                },
            );
        }
    }
    // KeepOpenReadOnly: the object stays open but no longer takes changes.
    let keep_read_only = r.save_flags.0 & 0x03 == 0x01;
    if keep_read_only && let Some(Object::Message(o)) = cx.input_mut() {
        o.writable = false;
    }
    Ok(Outcome::respond(RopResponse::SaveChangesMessage(
        SaveChangesMessageResponse::Success {
            response_handle_index: r.response_handle_index,
            input_handle_index: r.input_handle_index,
            message_id: mid,
        },
    )))
}

/// The properties of one RopModifyRecipients row: its own fields (MS-OXCDATA 2.8.3.2) and its
/// RecipientProperties against the request's columns.
fn modify_row_props(
    row: &RecipientRow,
    recipient_type: RecipientType,
    columns: &[PropertyTag],
    code_page: u32,
) -> Vec<(PropertyTag, PropertyValue)> {
    let text = |s: &RecipientString| match s {
        RecipientString::Unicode(v) => v.clone(),
        RecipientString::String8(v) => v.decode_text(code_page).into_owned(),
    };
    let mut props = vec![(
        t::PID_TAG_RECIPIENT_TYPE,
        PropertyValue::Integer32(i32::from(recipient_type.0)),
    )];
    let mut put = |tag: PropertyTag, v: PropertyValue| {
        props.retain(|(x, _)| x.id() != tag.id());
        props.push((tag, v));
    };
    let kind = row.flags.address_type();
    if let Some(x) = &row.x500 {
        put(t::PID_TAG_ADDRESS_TYPE, PropertyValue::string("EX"));
        put(t::PID_TAG_EMAIL_ADDRESS, PropertyValue::string(&x.x500_dn));
        put(
            t::PID_TAG_DISPLAY_TYPE,
            PropertyValue::Integer32(i32::from(x.display_type)),
        );
    } else if kind == RecipientAddressType::SMTP {
        put(t::PID_TAG_ADDRESS_TYPE, PropertyValue::string("SMTP"));
    } else if let Some(a) = &row.address_type {
        put(
            t::PID_TAG_ADDRESS_TYPE,
            PropertyValue::string(a.decode_text(code_page).into_owned()),
        );
    }
    if let Some(e) = &row.email_address {
        put(t::PID_TAG_EMAIL_ADDRESS, PropertyValue::string(text(e)));
    }
    if let Some(d) = &row.display_name {
        put(t::PID_TAG_DISPLAY_NAME, PropertyValue::string(text(d)));
        if row.flags.0 & RecipientFlags::SAME.0 != 0 {
            put(
                t::PID_TAG_TRANSMITTABLE_DISPLAY_NAME,
                PropertyValue::string(text(d)),
            );
        }
    }
    if let Some(s) = &row.simple_display_name {
        put(
            t::PID_TAG_ADDRESS_BOOK_DISPLAY_NAME_PRINTABLE,
            PropertyValue::string(text(s)),
        );
    }
    if let Some(s) = &row.transmittable_display_name {
        put(
            t::PID_TAG_TRANSMITTABLE_DISPLAY_NAME,
            PropertyValue::string(text(s)),
        );
    }
    put(
        t::PID_TAG_RESPONSIBILITY,
        PropertyValue::Boolean(row.flags.0 & RecipientFlags::RESPONSIBLE.0 != 0),
    );
    put(
        t::PID_TAG_SEND_RICH_INFO,
        PropertyValue::Boolean(row.flags.0 & RecipientFlags::NON_RICH.0 == 0),
    );
    for (column, value) in columns.iter().zip(row.properties.values()) {
        if let Some(v) = value
            && v.prop_type() != PropertyType::ERROR_CODE
        {
            put(column.with_type(v.prop_type()), v.clone());
        }
    }
    props
}

/// MS-OXCMSG 3.2.5.5 RopModifyRecipients: each row replaces (or adds) the recipient with its
/// RowId; a row without data removes it. PtypErrorCode/PtypObject columns are
/// ecInvalidParameter.
fn modify_recipients(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &ModifyRecipientsRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    if r.recipient_columns
        .iter()
        .any(|c| c.prop_type() == PropertyType::ERROR_CODE || c.prop_type() == PropertyType::OBJECT)
    {
        return Err(ErrorCode::INVALID_PARAMETER);
    }
    let cp = h.code_page();
    let rows: Vec<(u32, Vec<(PropertyTag, PropertyValue)>)> = r
        .recipient_rows
        .iter()
        .map(|row| {
            let props = row
                .row
                .as_ref()
                .map(|rr| modify_row_props(rr, row.recipient_type, &r.recipient_columns, cp))
                .unwrap_or_default();
            (row.row_id, props)
        })
        .collect();
    instance_op(h, cx, |mb, i| mb.modify_recipients(i, &rows, cp))?;
    Ok(Outcome::respond(RopResponse::ModifyRecipients(ok(
        r.input_handle_index
    ))))
}

/// MS-OXCMSG 3.2.5.6 RopReadRecipients: the recipients from RowId on, as many as fit (at
/// most 255); ecNotFound when there is none at or after that RowId.
fn read_recipients(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    input_handle_index: u8,
    row_id: u32,
) -> Result<Outcome<Object>, ErrorCode> {
    let cp = u16::try_from(h.code_page()).unwrap_or(1252);
    let room = cx.room().saturating_sub(7);
    let rows = instance_op(h, cx, |mb, i| {
        let columns = recipient_columns(mb.recipients(i)?);
        let recips = mb.read_recipients(i, row_id, usize::from(u8::MAX))?;
        let mut used = 0;
        let mut rows = Vec::new();
        for rc in &recips {
            let row = recipient_row(rc, &columns);
            let len = 11 + encoded_len(&row, &columns);
            if used + len > room {
                break;
            }
            used += len;
            rows.push(ReadRecipientRow {
                row_id: rc.row_id,
                recipient_type: recipient_type(rc),
                code_page_id: cp,
                reserved: 0,
                row,
            });
        }
        Ok(rows)
    })?;
    Ok(Outcome::respond(RopResponse::ReadRecipients(
        ReadRecipientsResponse::Success {
            input_handle_index,
            recipient_rows: rows,
        },
    )))
}

/// The Folder object of RopSetMessageStatus, RopGetMessageStatus and RopSetReadFlags
/// (MS-OXCMSG 2.2.3.8 - 2.2.3.10).
fn folder_object(cx: &RopCx<'_, Object>) -> Result<(MailboxKey, FolderId), ErrorCode> {
    match cx.input() {
        Some(Object::Folder(f)) => Ok((f.mailbox.clone(), f.fid)),
        Some(_) => Err(ErrorCode::NOT_SUPPORTED),
        None => Err(ErrorCode::NULL_OBJECT),
    }
}

/// MS-OXCMSG 3.2.5.8 RopSetMessageStatus: sets the masked bits of PidTagMessageStatus and
/// answers the previous status.
fn set_message_status(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::SetMessageStatusRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let (key, fid) = folder_object(cx)?;
    let old = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.set_message_status(
                fid,
                r.message_id,
                r.message_status_flags.0,
                r.message_status_mask.0,
            )
        })?
    };
    raise(
        h,
        StoreEvent::Modified {
            mailbox: key,
            fid,
            mid: Some(r.message_id),
        },
    );
    Ok(Outcome::respond(RopResponse::SetMessageStatus(
        MessageStatusResponse::Success {
            input_handle_index: r.input_handle_index,
            message_status_flags: MessageStatusFlags(old),
        },
    )))
}

/// MS-OXCMSG 3.2.5.9 RopGetMessageStatus.
fn get_message_status(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::GetMessageStatusRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let (key, fid) = folder_object(cx)?;
    let status = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.get_message_status(fid, r.message_id)
        })?
    };
    Ok(Outcome::respond(RopResponse::GetMessageStatus(
        MessageStatusResponse::Success {
            input_handle_index: r.input_handle_index,
            message_status_flags: MessageStatusFlags(status),
        },
    )))
}

/// MS-OXCMSG 3.2.5.10 RopSetReadFlags: read state of the listed messages of the folder (all of
/// them for an empty list); ids not in the folder make it PartialCompletion. Each message
/// changed and the folder (its unread count) raise ObjectModified.
fn set_read_flags(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::SetReadFlagsRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let (key, fid) = folder_object(cx)?;
    let (partial, touched) = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            let in_folder = mb.message_ids(fid, false)?;
            let touched: Vec<MessageId> = if r.message_ids.is_empty() {
                in_folder
            } else {
                r.message_ids
                    .iter()
                    .copied()
                    .filter(|m| in_folder.contains(m))
                    .collect()
            };
            let partial = mb.set_read_flags(fid, &r.message_ids, r.read_flags.0)?;
            Ok((partial, touched))
        })?
    };
    for mid in &touched {
        raise(
            h,
            StoreEvent::Modified {
                mailbox: key.clone(),
                fid,
                mid: Some(*mid),
            },
        );
    }
    if !touched.is_empty() {
        raise(
            h,
            StoreEvent::Modified {
                mailbox: key,
                fid,
                mid: None,
            },
        );
    }
    Ok(Outcome::respond(RopResponse::SetReadFlags(
        SetReadFlagsResponse {
            header: ok(r.input_handle_index),
            partial_completion: partial,
        },
    )))
}

/// MS-OXCMSG 3.2.5.11 RopSetMessageReadFlag on an open message. ReadStatusChanged (with the
/// request's LogonId and ClientData) is reported for public folder messages only, whose read
/// state is per user (MS-OXCROPS 2.2.6.11.2); a private message answers 0.
fn set_message_read_flag(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::SetMessageReadFlagRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let m = message_input(cx)?;
    let (changed, ids) = instance_op(h, cx, |mb, i| {
        let changed = mb.set_message_read_flag(i, r.read_flags.0)?;
        let ids = match mb.instance_message_id(i)? {
            Some(mid) => Some((mb.instance_folder_id(i)?, mid)),
            None => None,
        };
        Ok((changed, ids))
    })?;
    if changed && let Some((fid, mid)) = ids {
        raise(
            h,
            StoreEvent::Modified {
                mailbox: m.mailbox.clone(),
                fid,
                mid: Some(mid),
            },
        );
        raise(
            h,
            StoreEvent::Modified {
                mailbox: m.mailbox.clone(),
                fid,
                mid: None,
            },
        );
    }
    let read_status_changed =
        (changed && m.mailbox == MailboxKey::Public).then(|| ReadStatusChange {
            logon_id: r.logon_id,
            client_data: r.client_data.unwrap_or([0; 24]),
        });
    Ok(Outcome::respond(RopResponse::SetMessageReadFlag(
        SetMessageReadFlagResponse::Success {
            response_handle_index: r.response_handle_index,
            read_status_changed,
        },
    )))
}

/// MS-OXCMSG 3.2.5.17 RopGetAttachmentTable: a table over the open message's attachments.
fn get_attachment_table(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::GetAttachmentTableRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let m = message_input(cx)?;
    let view = {
        let mut store = h.store();
        with_mailbox(&mut store, &m.mailbox, |mb| {
            TableView::open(mb, TableKind::Attachments(m.instance), true, h.code_page())
        })?
        .0
    };
    Ok(Outcome::created(
        RopResponse::GetAttachmentTable(ok(r.output_handle_index)),
        Object::Table(Box::new(TableObject {
            mailbox: m.mailbox,
            view,
            columns: None,
        })),
    ))
}

/// MS-OXCMSG 3.2.5.12 RopOpenAttachment: ecNotFound for an attachment number the message
/// lacks; writable with ReadWrite or BestAccess on a writable message.
fn open_attachment(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::OpenAttachmentRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let m = message_input(cx)?;
    let writable = r.open_attachment_flags.0 & 0x01 != 0 && m.writable;
    if r.open_attachment_flags.0 & 0x03 == 0x01 && !m.writable {
        // ReadWrite (not BestAccess) on a read-only message.
        return Err(ErrorCode::ACCESS_DENIED);
    }
    let num = r.attachment_id;
    let instance = instance_op(h, cx, |mb, i| mb.open_attachment(i, num, writable))?;
    Ok(Outcome::created(
        RopResponse::OpenAttachment(ok(r.output_handle_index)),
        Object::Attachment(InstanceObject {
            mailbox: m.mailbox,
            instance,
            writable,
        }),
    ))
}

/// MS-OXCMSG 3.2.5.13 RopCreateAttachment: a new attachment with the next number; part of the
/// message once RopSaveChangesAttachment and then RopSaveChangesMessage run.
fn create_attachment(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::CreateAttachmentRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let m = message_input(cx)?;
    if !m.writable {
        return Err(ErrorCode::ACCESS_DENIED);
    }
    let (instance, num) = instance_op(h, cx, |mb, i| mb.create_attachment(i))?;
    Ok(Outcome::created(
        RopResponse::CreateAttachment(CreateAttachmentResponse::Success {
            output_handle_index: r.output_handle_index,
            attachment_id: num,
        }),
        Object::Attachment(InstanceObject {
            mailbox: m.mailbox,
            instance,
            writable: true,
        }),
    ))
}

/// MS-OXCMSG 3.2.5.15 RopSaveChangesAttachment: writes the attachment into its message.
fn save_attachment(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    response_handle_index: u8,
) -> Result<Outcome<Object>, ErrorCode> {
    let a = match cx.input() {
        Some(Object::Attachment(a)) => a.clone(),
        Some(_) => return Err(ErrorCode::NOT_SUPPORTED),
        None => return Err(ErrorCode::NULL_OBJECT),
    };
    {
        let mut store = h.store();
        with_mailbox(&mut store, &a.mailbox, |mb| mb.save_attachment(a.instance))?;
    }
    Ok(Outcome::respond(RopResponse::SaveChangesAttachment(ok(
        response_handle_index,
    ))))
}

/// MS-OXCMSG 3.2.5.16 RopOpenEmbeddedMessage: the message in an attachment; with Create
/// (0x02) one is made if absent, else ecNotFound.
fn open_embedded(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &crate::wire::rop::message::OpenEmbeddedMessageRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let a = match cx.input() {
        Some(Object::Attachment(a)) => a.clone(),
        Some(_) => return Err(ErrorCode::NOT_SUPPORTED),
        None => return Err(ErrorCode::NULL_OBJECT),
    };
    let create = r.open_mode_flags.0 & OpenModeFlags::CREATE.0 != 0;
    let writable = a.writable && r.open_mode_flags.0 & 0x03 != 0;
    let room = cx.room().saturating_sub(17);
    let mut store = h.store();
    let (instance, message) = with_mailbox(&mut store, &a.mailbox, |mb| {
        let instance = mb.open_embedded(a.instance, create)?;
        match message_info(mb, instance, r.code_page_id, room) {
            Ok(info) => Ok((instance, info)),
            Err(e) => {
                mb.release(instance);
                Err(e)
            }
        }
    })?;
    drop(store);
    Ok(Outcome::created(
        RopResponse::OpenEmbeddedMessage(OpenEmbeddedMessageResponse::Success {
            output_handle_index: r.output_handle_index,
            reserved: 0,
            // Embedded messages have no id of their own in this store.
            message_id: MessageId(0),
            message,
        }),
        Object::Message(InstanceObject {
            mailbox: a.mailbox,
            instance,
            writable,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::Backend;
    use super::super::testkit::{self, Session};
    use crate::emulator::store::{ObjectRef, SpecialFolder};
    use crate::wire::ErrorCode;
    use crate::wire::entry_id::{FolderId, MessageId};
    use crate::wire::property::tags as t;
    use crate::wire::property::{
        PropertyName, PropertyNameKind, PropertyRow, PropertyTag, PropertyTagArray, PropertyType,
        PropertyValue, TaggedPropertyValue,
    };
    use crate::wire::rop::any::{RopRequest, RopResponse};
    use crate::wire::rop::message::*;
    use crate::wire::rop::property::*;
    use crate::wire::rop::stream::*;
    use crate::wire::rop::transport::*;

    const NONE: u32 = 0xFFFF_FFFF;
    /// PidTagRtfCompressed, a binary property streams carry.
    const RTF: PropertyTag = PropertyTag::new(0x1009_0102);

    fn alice_dn() -> String {
        testkit::user("alice", "").legacy_dn
    }

    fn setup() -> (Backend, Session, u32) {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (logon, _) = s.logon_private("alice");
        (b, s, logon)
    }

    fn inbox_newest(b: &Backend) -> (FolderId, MessageId) {
        let store = b.store();
        let store = store.lock().unwrap();
        let mb = store.mailbox(&alice_dn()).unwrap();
        let inbox = mb.special_folder(SpecialFolder::Inbox).unwrap();
        let mid = *mb.message_ids(inbox, false).unwrap().last().unwrap();
        (inbox, mid)
    }

    fn open(folder_id: FolderId, message_id: MessageId, out: u8) -> RopRequest {
        RopRequest::OpenMessage(OpenMessageRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: out,
            code_page_id: 1252,
            folder_id,
            open_mode_flags: OpenModeFlags::READ_WRITE,
            message_id,
        })
    }

    fn get_props(index: u8, limit: u16, unicode: u16, tags: &[PropertyTag]) -> RopRequest {
        RopRequest::GetPropertiesSpecific(GetPropertiesSpecificRequest {
            logon_id: 0,
            input_handle_index: index,
            property_size_limit: limit,
            want_unicode: unicode,
            property_tags: PropertyTagArray(tags.to_vec()),
        })
    }

    fn row(r: &RopResponse) -> &PropertyRow {
        match r {
            RopResponse::GetPropertiesSpecific(GetPropertiesSpecificResponse::Success {
                row_data,
                ..
            }) => row_data,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn open_message_carries_subject_and_recipients_from_the_store() {
        let (b, mut s, logon) = setup();
        let (inbox, mid) = inbox_newest(&b);
        let (resp, _) = s.run(&[open(inbox, mid, 1)], &[logon, NONE]);
        let RopResponse::OpenMessage(OpenMessageResponse::Success { message, .. }) = &resp[0]
        else {
            panic!("{resp:?}")
        };
        let store = b.store();
        let mut store = store.lock().unwrap();
        let mb = store.mailbox_mut(&alice_dn()).unwrap();
        let h = mb.open_message(inbox, mid, false).unwrap();
        let subject = mb
            .get_prop(ObjectRef::Instance(h), t::PID_TAG_NORMALIZED_SUBJECT, 1252)
            .and_then(|v| v.as_str().map(str::to_owned));
        let text = match &message.normalized_subject {
            crate::wire::property::TypedString::ReducedUnicode(s)
            | crate::wire::property::TypedString::Unicode(s) => Some(s.clone()),
            _ => None,
        };
        assert!(subject.is_some());
        assert_eq!(text, subject);
        let recips = mb.recipients(h).unwrap().to_vec();
        assert_eq!(usize::from(message.recipient_count), recips.len());
        assert_eq!(message.recipient_rows.len(), recips.len());
        let first = &message.recipient_rows[0].row;
        assert_eq!(
            first.display_name.as_ref().map(|d| d.text().into_owned()),
            recips[0]
                .props
                .str(t::PID_TAG_DISPLAY_NAME)
                .map(str::to_owned)
        );
        // Not in this folder: ecNotFound.
        let outbox = mb.special_folder(SpecialFolder::Outbox).unwrap();
        drop(store);
        let (resp, _) = s.run(&[open(outbox, mid, 1)], &[logon, NONE]);
        assert!(
            matches!(&resp[0], RopResponse::OpenMessage(OpenMessageResponse::Failure(h)) if h.return_value == ErrorCode::NOT_FOUND)
        );
    }

    #[test]
    fn properties_specific_all_set_delete_and_named() {
        let (b, mut s, logon) = setup();
        let (inbox, mid) = inbox_newest(&b);
        let (_, hs) = s.run(&[open(inbox, mid, 1)], &[logon, NONE]);
        let unspecified = t::PID_TAG_SUBJECT.with_type(PropertyType::UNSPECIFIED);
        let missing = PropertyTag::new(0x6700_0003);
        let (resp, _) = s.run(
            &[get_props(
                1,
                0,
                0,
                &[unspecified, missing, t::PID_TAG_SUBJECT],
            )],
            &hs,
        );
        let r = row(&resp[0]);
        assert!(matches!(r, PropertyRow::Flagged(_)));
        assert!(matches!(r.get(0), Some(PropertyValue::String8(_))));
        assert_eq!(r.error(1), Some(ErrorCode::NOT_FOUND));
        // PropertySizeLimit 4: the subject is too large.
        let (resp, _) = s.run(&[get_props(1, 4, 1, &[t::PID_TAG_SUBJECT])], &hs);
        assert_eq!(row(&resp[0]).error(0), Some(ErrorCode::OUT_OF_MEMORY));
        // Set: a read-only property is a problem, the rest is set.
        let set = RopRequest::SetProperties(SetPropertiesRequest {
            logon_id: 0,
            input_handle_index: 1,
            property_values: vec![
                TaggedPropertyValue {
                    tag: t::PID_TAG_MID,
                    value: PropertyValue::Integer64(1),
                },
                TaggedPropertyValue {
                    tag: t::PID_TAG_SUBJECT,
                    value: PropertyValue::string("Changed"),
                },
            ],
        });
        let (resp, _) = s.run(&[set, get_props(1, 0, 1, &[t::PID_TAG_SUBJECT])], &hs);
        let RopResponse::SetProperties(ProblemsResponse::Success {
            property_problems, ..
        }) = &resp[0]
        else {
            panic!("{resp:?}")
        };
        assert_eq!(property_problems.0.len(), 1);
        assert_eq!(property_problems.0[0].error, ErrorCode::ACCESS_DENIED);
        assert_eq!(
            row(&resp[1]).get(0).and_then(|v| v.as_str()),
            Some("Changed")
        );
        let del = RopRequest::DeleteProperties(DeletePropertiesRequest {
            logon_id: 0,
            input_handle_index: 1,
            property_tags: PropertyTagArray(vec![t::PID_TAG_SUBJECT, t::PID_TAG_ENTRY_ID]),
        });
        let (resp, _) = s.run(&[del, get_props(1, 0, 1, &[t::PID_TAG_SUBJECT])], &hs);
        let RopResponse::DeleteProperties(ProblemsResponse::Success {
            property_problems, ..
        }) = &resp[0]
        else {
            panic!("{resp:?}")
        };
        assert_eq!(property_problems.0.len(), 1);
        assert_eq!(row(&resp[1]).error(0), Some(ErrorCode::NOT_FOUND));
        // GetPropertiesAll counts what the store lists.
        let all = RopRequest::GetPropertiesAll(GetPropertiesAllRequest {
            logon_id: 0,
            input_handle_index: 0,
            property_size_limit: 0,
            want_unicode: 1,
        });
        let (resp, _) = s.run(&[all], &hs);
        let RopResponse::GetPropertiesAll(GetPropertiesAllResponse::Success {
            property_values,
            ..
        }) = &resp[0]
        else {
            panic!("{resp:?}")
        };
        let expected = {
            let store = b.store();
            let store = store.lock().unwrap();
            store
                .mailbox(&alice_dn())
                .unwrap()
                .get_all_props(ObjectRef::Store, true, 1252)
                .unwrap()
                .len()
        };
        assert_eq!(property_values.len(), expected);
        // Named properties: unknown without create, mapped with it, and back to the name.
        let name = PropertyName {
            guid: uuid::Uuid::from_u128(0x0002_0329_0000_0000_C000_0000_0000_0046),
            kind: PropertyNameKind::Name("X-Test".into()),
        };
        let ids = |flags| {
            RopRequest::GetPropertyIdsFromNames(GetPropertyIdsFromNamesRequest {
                logon_id: 0,
                input_handle_index: 0,
                flags: GetPropertyIdsFlags(flags),
                property_names: vec![name.clone()],
            })
        };
        let (resp, _) = s.run(&[ids(0), ids(2)], &hs);
        let RopResponse::GetPropertyIdsFromNames(GetPropertyIdsFromNamesResponse::Success {
            return_value,
            property_ids,
            ..
        }) = &resp[0]
        else {
            panic!("{resp:?}")
        };
        assert_eq!(*return_value, ErrorCode::ERRORS_RETURNED);
        assert_eq!(property_ids, &vec![0]);
        let RopResponse::GetPropertyIdsFromNames(GetPropertyIdsFromNamesResponse::Success {
            property_ids,
            ..
        }) = &resp[1]
        else {
            panic!("{resp:?}")
        };
        let id = property_ids[0];
        assert!(id >= 0x8000);
        let back = RopRequest::GetNamesFromPropertyIds(GetNamesFromPropertyIdsRequest {
            logon_id: 0,
            input_handle_index: 1,
            property_ids: vec![id],
        });
        let (resp, _) = s.run(&[back], &hs);
        assert!(
            matches!(&resp[0], RopResponse::GetNamesFromPropertyIds(GetNamesFromPropertyIdsResponse::Success { property_names, .. }) if property_names == &vec![name.clone()])
        );
        // CopyTo to an empty slot: ecDstNullObject.
        let copy = RopRequest::CopyTo(CopyToRequest {
            logon_id: 0,
            source_handle_index: 1,
            dest_handle_index: 5,
            want_asynchronous: false,
            want_sub_objects: true,
            copy_flags: CopyFlags(0),
            excluded_tags: PropertyTagArray(vec![]),
        });
        let (resp, _) = s.run(&[copy], &hs);
        assert!(matches!(
            &resp[0],
            RopResponse::CopyTo(CopyResponse::NullDestinationObject { .. })
        ));
    }

    fn create(inbox: FolderId) -> RopRequest {
        RopRequest::CreateMessage(CreateMessageRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            code_page_id: 1252,
            folder_id: inbox,
            associated: false,
        })
    }

    fn save(index: u8) -> RopRequest {
        RopRequest::SaveChangesMessage(SaveChangesMessageRequest {
            logon_id: 0,
            response_handle_index: index,
            input_handle_index: index,
            save_flags: SaveFlags(0x02),
        })
    }

    fn bob_row() -> ModifyRecipientRow {
        ModifyRecipientRow {
            row_id: 0,
            recipient_type: RecipientType::TO,
            row: Some(RecipientRow {
                flags: RecipientFlags(
                    RecipientFlags::UNICODE.0
                        | RecipientFlags::EMAIL.0
                        | RecipientFlags::DISPLAY.0
                        | u16::from(RecipientAddressType::SMTP.0),
                ),
                x500: None,
                distribution_list: None,
                address_type: None,
                email_address: Some(RecipientString::Unicode("bob@example.test".into())),
                display_name: Some(RecipientString::Unicode("Bob Example".into())),
                simple_display_name: None,
                transmittable_display_name: None,
                properties: PropertyRow::Standard(crate::wire::property::StandardPropertyRow {
                    values: vec![PropertyValue::string("bob@example.test")],
                }),
            }),
        }
    }

    #[test]
    fn create_modify_attach_save_reopen_and_submit() {
        let (b, mut s, logon) = setup();
        let (inbox, _) = inbox_newest(&b);
        let drafts = {
            let store = b.store();
            let store = store.lock().unwrap();
            store
                .mailbox(&alice_dn())
                .unwrap()
                .special_folder(SpecialFolder::Drafts)
                .unwrap()
        };
        let _ = inbox;
        let set_subject = RopRequest::SetProperties(SetPropertiesRequest {
            logon_id: 0,
            input_handle_index: 1,
            property_values: vec![TaggedPropertyValue {
                tag: t::PID_TAG_SUBJECT,
                value: PropertyValue::string("Hello Bob"),
            }],
        });
        let modify = RopRequest::ModifyRecipients(ModifyRecipientsRequest {
            logon_id: 0,
            input_handle_index: 1,
            recipient_columns: vec![t::PID_TAG_SMTP_ADDRESS],
            recipient_rows: vec![bob_row()],
        });
        let attach = RopRequest::CreateAttachment(CreateAttachmentRequest {
            logon_id: 0,
            input_handle_index: 1,
            output_handle_index: 2,
        });
        let attach_save = RopRequest::SaveChangesAttachment(SaveChangesAttachmentRequest {
            logon_id: 0,
            response_handle_index: 2,
            input_handle_index: 2,
            save_flags: SaveFlags(0x02),
        });
        let (resp, hs) = s.run(
            &[
                create(drafts),
                set_subject,
                modify,
                attach,
                attach_save,
                save(1),
            ],
            &[logon, NONE, NONE],
        );
        let RopResponse::SaveChangesMessage(SaveChangesMessageResponse::Success {
            message_id, ..
        }) = &resp[5]
        else {
            panic!("{resp:?}")
        };
        let mid = *message_id;
        let (resp, _) = s.run(&[open(drafts, mid, 2)], &hs);
        let RopResponse::OpenMessage(OpenMessageResponse::Success { message, .. }) = &resp[0]
        else {
            panic!("{resp:?}")
        };
        assert_eq!(message.recipient_count, 1);
        let valid = RopRequest::GetValidAttachments(GetValidAttachmentsRequest {
            logon_id: 0,
            input_handle_index: 1,
        });
        let (resp, _) = s.run(&[valid], &hs);
        assert!(
            matches!(&resp[0], RopResponse::GetValidAttachments(GetValidAttachmentsResponse::Success { attachment_ids, .. }) if attachment_ids == &vec![0])
        );
        // Submit: the message leaves Drafts for Sent Items, and Bob gets it in his Inbox.
        let submit = RopRequest::SubmitMessage(SubmitMessageRequest {
            logon_id: 0,
            input_handle_index: 1,
            submit_flags: SubmitFlags::NONE,
        });
        let (resp, _) = s.run(&[submit], &hs);
        assert!(
            matches!(&resp[0], RopResponse::SubmitMessage(h) if h.return_value == ErrorCode::SUCCESS)
        );
        let store = b.store();
        let mut store = store.lock().unwrap();
        let mb = store.mailbox_mut(&alice_dn()).unwrap();
        assert!(!mb.message_ids(drafts, false).unwrap().contains(&mid));
        let sent = mb.special_folder(SpecialFolder::SentItems).unwrap();
        let last = *mb.message_ids(sent, false).unwrap().last().unwrap();
        let h = mb.open_message(sent, last, false).unwrap();
        assert_eq!(
            mb.get_prop(ObjectRef::Instance(h), t::PID_TAG_SUBJECT, 1252)
                .and_then(|v| v.as_str().map(str::to_owned))
                .as_deref(),
            Some("Hello Bob")
        );
        let bob = store
            .mailbox_mut(&testkit::user("bob", "").legacy_dn)
            .unwrap();
        let binbox = bob.special_folder(SpecialFolder::Inbox).unwrap();
        let newest = *bob.message_ids(binbox, false).unwrap().last().unwrap();
        let bh = bob.open_message(binbox, newest, false).unwrap();
        let flags = bob
            .get_prop(ObjectRef::Instance(bh), t::PID_TAG_MESSAGE_FLAGS, 1252)
            .and_then(|v| v.as_i32())
            .unwrap();
        assert_eq!(flags & 0x09, 0, "delivered unread and sent");
        assert_eq!(bob.attachments(bh).unwrap().len(), 1);
    }

    #[test]
    fn read_flags_and_status() {
        let (b, mut s, logon) = setup();
        let (inbox, mid) = inbox_newest(&b);
        let open_folder = RopRequest::OpenFolder(crate::wire::rop::folder::OpenFolderRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            folder_id: inbox,
            open_mode_flags: crate::wire::rop::folder::OpenModeFlags(0),
        });
        let clear = RopRequest::SetReadFlags(SetReadFlagsRequest {
            logon_id: 0,
            input_handle_index: 1,
            want_asynchronous: false,
            read_flags: ReadFlags::CLEAR_READ_FLAG,
            message_ids: vec![mid, MessageId(0x7777_0001)],
        });
        let status = RopRequest::SetMessageStatus(SetMessageStatusRequest {
            logon_id: 0,
            input_handle_index: 1,
            message_id: mid,
            message_status_flags: MessageStatusFlags::HIGHLIGHTED,
            message_status_mask: MessageStatusFlags::HIGHLIGHTED,
        });
        let get = RopRequest::GetMessageStatus(GetMessageStatusRequest {
            logon_id: 0,
            input_handle_index: 1,
            message_id: mid,
        });
        let (resp, _) = s.run(&[open_folder, clear, status, get], &[logon, NONE]);
        assert!(matches!(&resp[1], RopResponse::SetReadFlags(r) if r.partial_completion));
        assert!(
            matches!(&resp[3], RopResponse::GetMessageStatus(MessageStatusResponse::Success { message_status_flags, .. }) if message_status_flags.0 & 0x08 != 0)
        );
        let store = b.store();
        let mut store = store.lock().unwrap();
        let mb = store.mailbox_mut(&alice_dn()).unwrap();
        let h = mb.open_message(inbox, mid, false).unwrap();
        let read = mb.get_prop(ObjectRef::Instance(h), t::PID_TAG_READ, 1252);
        assert_eq!(read, Some(PropertyValue::Boolean(false)));
    }

    #[test]
    fn stream_write_commit_read_packed_and_seek_errors() {
        let (b, mut s, logon) = setup();
        let (inbox, _) = inbox_newest(&b);
        let open_stream = RopRequest::OpenStream(OpenStreamRequest {
            logon_id: 0,
            input_handle_index: 1,
            output_handle_index: 2,
            property_tag: RTF,
            open_mode_flags: StreamOpenModeFlags::CREATE,
        });
        let (_, hs) = s.run(&[create(inbox), open_stream], &[logon, NONE, NONE]);
        let data: Vec<u8> = (0..60_000u32).map(|i| (i % 251) as u8).collect();
        for chunk in data.chunks(20_000) {
            let w = RopRequest::WriteStream(WriteStreamRequest {
                logon_id: 0,
                input_handle_index: 2,
                data: chunk.to_vec(),
            });
            let (resp, _) = s.run(&[w], &hs);
            assert!(
                matches!(&resp[0], RopResponse::WriteStream(w) if usize::from(w.written_size) == chunk.len())
            );
        }
        let commit = RopRequest::CommitStream(CommitStreamRequest {
            logon_id: 0,
            input_handle_index: 2,
        });
        let (resp, _) = s.run(&[commit, get_props(1, 0, 1, &[RTF])], &hs);
        // Too large for one response: NotEnoughMemory, read it as a stream.
        assert_eq!(row(&resp[1]).error(0), Some(ErrorCode::OUT_OF_MEMORY));
        let seek = |origin, offset: i64| {
            RopRequest::SeekStream(SeekStreamRequest {
                logon_id: 0,
                input_handle_index: 2,
                origin,
                offset: offset as u64,
            })
        };
        let (resp, _) = s.run(
            &[
                seek(SeekOrigin::CURRENT, -70_000),
                seek(SeekOrigin::BEGINNING, 0),
            ],
            &hs,
        );
        assert!(
            matches!(&resp[0], RopResponse::SeekStream(SeekStreamResponse::Failure(h)) if h.return_value == super::super::stream::STREAM_SEEK_ERROR)
        );
        // Small chunks.
        let read = |n: u16, max: Option<u32>| {
            RopRequest::ReadStream(ReadStreamRequest {
                logon_id: 0,
                input_handle_index: 2,
                byte_count: n,
                maximum_byte_count: max,
            })
        };
        let (resp, _) = s.run(&[read(1000, None), read(1000, None)], &hs);
        let got: Vec<u8> = resp
            .iter()
            .flat_map(|r| match r {
                RopResponse::ReadStream(r) => r.data.clone(),
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(&got[..], &data[..2000]);
        // The rest in one request, packed across output buffers.
        let (resp, _) = s.run(&[read(0xBABE, Some(100_000))], &hs);
        let rest: Vec<u8> = resp
            .iter()
            .flat_map(|r| match r {
                RopResponse::ReadStream(r) => r.data.clone(),
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(&rest[..], &data[2000..]);
        // A small value written and committed is seen by GetPropertiesSpecific.
        let (_, hs2) = s.run(
            &[RopRequest::OpenStream(OpenStreamRequest {
                logon_id: 0,
                input_handle_index: 1,
                output_handle_index: 2,
                property_tag: RTF,
                open_mode_flags: StreamOpenModeFlags::CREATE,
            })],
            &hs,
        );
        let w = RopRequest::WriteAndCommitStream(WriteAndCommitStreamRequest(WriteStreamRequest {
            logon_id: 0,
            input_handle_index: 2,
            data: b"small".to_vec(),
        }));
        let (resp, _) = s.run(&[w, get_props(1, 0, 1, &[RTF])], &hs2);
        assert_eq!(
            row(&resp[1]).get(0),
            Some(&PropertyValue::binary(b"small".to_vec()))
        );
        // Reading a missing property read-only: ecNotFound.
        let (resp, _) = s.run(
            &[RopRequest::OpenStream(OpenStreamRequest {
                logon_id: 0,
                input_handle_index: 1,
                output_handle_index: 2,
                property_tag: PropertyTag::new(0x6701_0102),
                open_mode_flags: StreamOpenModeFlags::READ_ONLY,
            })],
            &hs,
        );
        assert!(
            matches!(&resp[0], RopResponse::OpenStream(OpenStreamResponse::Failure(h)) if h.return_value == ErrorCode::NOT_FOUND)
        );
    }
}
