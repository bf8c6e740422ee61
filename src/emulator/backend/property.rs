//! Property ROPs (MS-OXCPRPT, MS-OXCROPS 2.2.8) on Logon, Folder, Message and Attachment
//! objects: reading (specific, all, list), writing and deleting, named property mapping, and
//! copying between objects.

use super::{Handlers, MailboxKey, Object, with_mailbox};
use crate::emulator::engine::{Outcome, RopCx};
use crate::emulator::store::ObjectRef;
use crate::emulator::store::props::narrow;
use crate::wire::ErrorCode;
use crate::wire::primitives::CountWidth;
use crate::wire::property::row::FlaggedPropertyRow;
use crate::wire::property::tags as t;
use crate::wire::property::{
    FlaggedPropertyValue, PropertyProblemArray, PropertyRow, PropertyTag, PropertyTagArray,
    PropertyType, PropertyValue, StandardPropertyRow, TaggedPropertyValue,
};
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::property::{
    CopyFlags, CopyPropertiesRequest, CopyResponse, CopyToRequest, DeletePropertiesRequest,
    GetNamesFromPropertyIdsRequest, GetNamesFromPropertyIdsResponse, GetPropertiesAllRequest,
    GetPropertiesAllResponse, GetPropertiesListResponse, GetPropertiesSpecificRequest,
    GetPropertiesSpecificResponse, GetPropertyIdsFlags, GetPropertyIdsFromNamesRequest,
    GetPropertyIdsFromNamesResponse, ProblemsResponse, QueryNamedPropertiesFlags,
    QueryNamedPropertiesRequest, QueryNamedPropertiesResponse, SetPropertiesRequest,
};

/// MS-OXCDATA 2.4.2 NotEnoughMemory: on get, the value is too large for the request and must
/// be read with RopOpenStream.
pub(super) const NOT_ENOUGH_MEMORY: ErrorCode = ErrorCode::OUT_OF_MEMORY;

/// RopId, handle index and ReturnValue in front of every response.
const RESPONSE_HEADER: usize = 6;

/// The store and the property target of the ROP's input object. Objects without properties
/// (tables, streams, subscriptions) are ecNotSupported (MS-OXCPRPT 3.2.5: property ROPs are
/// valid on Logon, Folder, Message and Attachment objects only).
pub(super) fn target(cx: &RopCx<'_, Object>) -> Result<(MailboxKey, ObjectRef), ErrorCode> {
    let object = cx.input().ok_or(ErrorCode::NULL_OBJECT)?;
    let target = object.property_target().ok_or(ErrorCode::NOT_SUPPORTED)?;
    let mailbox = object.mailbox().cloned().ok_or(ErrorCode::NOT_SUPPORTED)?;
    Ok((mailbox, target))
}

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
) -> Option<Outcome<Object>> {
    let result = match request {
        RopRequest::GetPropertiesSpecific(r) => get_specific(h, cx, r),
        RopRequest::GetPropertiesAll(r) => get_all(h, cx, r),
        RopRequest::GetPropertiesList(r) => get_list(h, cx, r.input_handle_index),
        RopRequest::SetProperties(r) => set(h, cx, r).map(RopResponse::SetProperties),
        RopRequest::SetPropertiesNoReplicate(r) => {
            set(h, cx, &r.0).map(RopResponse::SetPropertiesNoReplicate)
        }
        RopRequest::DeleteProperties(r) => delete(h, cx, r).map(RopResponse::DeleteProperties),
        RopRequest::DeletePropertiesNoReplicate(r) => {
            delete(h, cx, &r.0).map(RopResponse::DeletePropertiesNoReplicate)
        }
        RopRequest::QueryNamedProperties(r) => query_named(h, cx, r),
        RopRequest::GetPropertyIdsFromNames(r) => ids_from_names(h, cx, r),
        RopRequest::GetNamesFromPropertyIds(r) => names_from_ids(h, cx, r),
        RopRequest::CopyProperties(r) => copy_properties(h, cx, r),
        RopRequest::CopyTo(r) => copy_to(h, cx, r),
        _ => return None,
    };
    Some(match result {
        Ok(response) => Outcome::respond(response),
        Err(code) => Outcome::fail(request, code),
    })
}

/// Bytes `value` takes on the wire in a row (without type or flag).
fn wire_len(value: &PropertyValue) -> usize {
    let mut buf = Vec::new();
    match value.encode_with(CountWidth::U16, &mut buf) {
        Ok(()) => buf.len(),
        Err(_) => usize::MAX / 4,
    }
}

/// One requested value as RopGetPropertiesSpecific returns it: PtypUnspecified strings in the
/// form WantUnicode asks for (MS-OXCPRPT 2.2.2.1), every other tag in its own type.
fn requested_value(
    value: Option<PropertyValue>,
    tag: PropertyTag,
    unicode: bool,
    code_page: u32,
) -> Option<PropertyValue> {
    let v = value?;
    if tag.prop_type() == PropertyType::UNSPECIFIED && !unicode {
        Some(narrow(&v, code_page))
    } else {
        Some(v)
    }
}

/// A flagged value's error, typed as its column requires: a PtypUnspecified column carries the
/// type in front, and a failed value there is a PtypErrorCode (MS-OXCDATA 2.11.6).
fn column_error(tag: PropertyTag, code: ErrorCode) -> FlaggedPropertyValue {
    let ty = if tag.value_type() == PropertyType::UNSPECIFIED {
        PropertyType::ERROR_CODE
    } else {
        tag.value_type()
    };
    FlaggedPropertyValue::Error(ty, code)
}

/// MS-OXCPRPT 3.2.5.1 RopGetPropertiesSpecific. A value larger than PropertySizeLimit, or one
/// that cannot fit the response buffer, comes back as NotEnoughMemory (MS-OXCDATA 2.4.2), the
/// largest first, so that the client reads it with RopOpenStream; the row is standard when
/// every value is present, flagged otherwise (MS-OXCDATA 2.8.1).
fn get_specific(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &GetPropertiesSpecificRequest,
) -> Result<RopResponse, ErrorCode> {
    let (key, obj) = target(cx)?;
    let cp = h.code_page();
    let unicode = r.want_unicode != 0;
    let tags = &r.property_tags.0;
    let mut values: Vec<FlaggedPropertyValue> = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            // Checks the object (ecNullObject for a released instance, ecNotFound for a
            // deleted folder) before the per-value reads.
            mb.get_props(obj, &[], cp)?;
            Ok(tags
                .iter()
                .map(|tag| {
                    let want = tag.with_type(tag.value_type());
                    // Session-dependent Logon properties (PidTagUserEntryId) before the store's.
                    let stored = match obj {
                        ObjectRef::Store => {
                            crate::emulator::store::ext_logon::logon_property(h.user(), want)
                                .or_else(|| mb.get_prop(obj, want, cp))
                        }
                        _ => mb.get_prop(obj, want, cp),
                    };
                    match requested_value(stored, *tag, unicode, cp) {
                        Some(v) => FlaggedPropertyValue::Value(v),
                        None => column_error(*tag, ErrorCode::NOT_FOUND),
                    }
                })
                .collect())
        })?
    };
    let limit = usize::from(r.property_size_limit);
    for (v, tag) in values.iter_mut().zip(tags) {
        if let FlaggedPropertyValue::Value(value) = v
            && limit != 0
            && wire_len(value) > limit
        {
            *v = column_error(*tag, NOT_ENOUGH_MEMORY);
        }
    }
    // Flag byte, then per value: a type for PtypUnspecified columns, a flag byte (a flagged
    // row is assumed, the larger form), and the value or the 4-byte error.
    let room = cx.room().saturating_sub(RESPONSE_HEADER + 1);
    let size = |vals: &[FlaggedPropertyValue]| -> usize {
        vals.iter()
            .zip(tags)
            .map(|(v, tag)| {
                let ty = if tag.value_type() == PropertyType::UNSPECIFIED {
                    2
                } else {
                    0
                };
                ty + 1
                    + match v {
                        FlaggedPropertyValue::Value(value) => wire_len(value),
                        _ => 4,
                    }
            })
            .sum()
    };
    while size(&values) > room {
        let largest = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.value().map(|value| (i, wire_len(value))))
            .filter(|(_, n)| *n > 4)
            .max_by_key(|(_, n)| *n);
        let Some((i, _)) = largest else { break };
        if let (Some(v), Some(tag)) = (values.get_mut(i), tags.get(i)) {
            *v = column_error(*tag, NOT_ENOUGH_MEMORY);
        }
    }
    let row = if values
        .iter()
        .all(|v| matches!(v, FlaggedPropertyValue::Value(_)))
    {
        PropertyRow::Standard(StandardPropertyRow {
            values: values
                .into_iter()
                .filter_map(|v| v.value().cloned())
                .collect(),
        })
    } else {
        PropertyRow::Flagged(FlaggedPropertyRow { values })
    };
    Ok(RopResponse::GetPropertiesSpecific(
        GetPropertiesSpecificResponse::Success {
            input_handle_index: r.input_handle_index,
            row_data: row,
        },
    ))
}

/// MS-OXCPRPT 3.2.5.2 RopGetPropertiesAll: as RopGetPropertiesSpecific over every property;
/// strings in the form WantUnicode asks for, too-large values as PtypErrorCode
/// NotEnoughMemory.
fn get_all(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &GetPropertiesAllRequest,
) -> Result<RopResponse, ErrorCode> {
    let (key, obj) = target(cx)?;
    let cp = h.code_page();
    let mut values = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.get_all_props(obj, r.want_unicode != 0, cp)
        })?
    };
    let too_big = |v: &mut TaggedPropertyValue| {
        *v = TaggedPropertyValue {
            tag: v.tag.with_type(PropertyType::ERROR_CODE),
            value: PropertyValue::ErrorCode(NOT_ENOUGH_MEMORY),
        };
    };
    let limit = usize::from(r.property_size_limit);
    if limit != 0 {
        for v in values.iter_mut().filter(|v| wire_len(&v.value) > limit) {
            too_big(v);
        }
    }
    // PropertyValueCount, then a 4-byte tag and the value each.
    let room = cx.room().saturating_sub(RESPONSE_HEADER + 2);
    let size = |vals: &[TaggedPropertyValue]| -> usize {
        vals.iter().map(|v| 4 + wire_len(&v.value)).sum()
    };
    while size(&values) > room {
        let largest = values
            .iter()
            .enumerate()
            .map(|(i, v)| (i, wire_len(&v.value)))
            .filter(|(_, n)| *n > 4)
            .max_by_key(|(_, n)| *n);
        let Some((i, _)) = largest else { break };
        if let Some(v) = values.get_mut(i) {
            too_big(v);
        }
    }
    Ok(RopResponse::GetPropertiesAll(
        GetPropertiesAllResponse::Success {
            input_handle_index: r.input_handle_index,
            property_values: values,
        },
    ))
}

/// MS-OXCPRPT 3.2.5.3 RopGetPropertiesList: every property tag the object has.
fn get_list(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    input_handle_index: u8,
) -> Result<RopResponse, ErrorCode> {
    let (key, obj) = target(cx)?;
    let tags = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| mb.prop_list(obj))?
    };
    Ok(RopResponse::GetPropertiesList(
        GetPropertiesListResponse::Success {
            input_handle_index,
            property_tags: PropertyTagArray(tags),
        },
    ))
}

/// MS-OXCPRPT 3.2.5.4 / 3.2.5.5 RopSetProperties(NoReplicate): values the server refuses are
/// PropertyProblems, the rest is set. Folder and store changes are immediate (a folder's
/// change is an ObjectModified event); a message's or attachment's wait for its SaveChanges.
fn set(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &SetPropertiesRequest,
) -> Result<ProblemsResponse, ErrorCode> {
    let (key, obj) = target(cx)?;
    let problems = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.set_props(obj, &r.property_values, h.code_page())
        })?
    };
    if problems.len() < r.property_values.len() {
        folder_modified(h, &key, obj);
    }
    Ok(ProblemsResponse::Success {
        input_handle_index: r.input_handle_index,
        property_problems: PropertyProblemArray(problems),
    })
}

/// MS-OXCPRPT 3.2.5.6 / 3.2.5.7 RopDeleteProperties(NoReplicate): read-only properties are
/// ecAccessDenied problems; a property the object lacks is no problem.
fn delete(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &DeletePropertiesRequest,
) -> Result<ProblemsResponse, ErrorCode> {
    let (key, obj) = target(cx)?;
    let problems = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.delete_props(obj, &r.property_tags.0)
        })?
    };
    if problems.len() < r.property_tags.0.len() {
        folder_modified(h, &key, obj);
    }
    Ok(ProblemsResponse::Success {
        input_handle_index: r.input_handle_index,
        property_problems: PropertyProblemArray(problems),
    })
}

/// A folder's properties changed: ObjectModified (MS-OXCNOTIF 2.2.1.4.1.2).
fn folder_modified(h: &Handlers, key: &MailboxKey, obj: ObjectRef) {
    if let ObjectRef::Folder(fid) = obj {
        super::message::raise(
            h,
            super::StoreEvent::Modified {
                mailbox: key.clone(),
                fid,
                mid: None,
            },
        );
    }
}

/// MS-OXCPRPT 3.2.5.8 RopQueryNamedProperties: the mapped named properties, filtered by
/// QueryFlags and PropertyGuid.
fn query_named(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &QueryNamedPropertiesRequest,
) -> Result<RopResponse, ErrorCode> {
    let (key, _) = target(cx)?;
    let pairs = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            Ok(mb.named_props().query(
                r.query_flags
                    .contains(QueryNamedPropertiesFlags::NO_STRINGS),
                r.query_flags.contains(QueryNamedPropertiesFlags::NO_IDS),
                r.property_guid,
            ))
        })?
    };
    let (property_ids, property_names) = pairs.into_iter().unzip();
    Ok(RopResponse::QueryNamedProperties(
        QueryNamedPropertiesResponse::Success {
            input_handle_index: r.input_handle_index,
            property_ids,
            property_names,
        },
    ))
}

/// MS-OXCPRPT 3.2.5.9 RopGetPropertyIdsFromNames: with the Create flag (0x02) unknown names
/// are mapped; otherwise they come back as 0 with ecWarnWithErrors (0x00040380) as the
/// response's ReturnValue. An empty name list on a Logon object asks for every mapped id.
fn ids_from_names(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &GetPropertyIdsFromNamesRequest,
) -> Result<RopResponse, ErrorCode> {
    let (key, obj) = target(cx)?;
    let create = r.flags.0 & GetPropertyIdsFlags::CREATE.0 != 0;
    let (return_value, property_ids) = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            if r.property_names.is_empty() && obj == ObjectRef::Store {
                let all = mb.named_props().query(false, false, None);
                return Ok((
                    ErrorCode::SUCCESS,
                    all.into_iter().map(|(id, _)| id).collect(),
                ));
            }
            mb.named_props_mut()
                .ids_from_names(&r.property_names, create)
        })?
    };
    Ok(RopResponse::GetPropertyIdsFromNames(
        GetPropertyIdsFromNamesResponse::Success {
            input_handle_index: r.input_handle_index,
            return_value,
            property_ids,
        },
    ))
}

/// MS-OXCPRPT 3.2.5.10 RopGetNamesFromPropertyIds: the name of each id; ids below 0x8000 are
/// PS_MAPI names, unmapped ids Kind 0xFF.
fn names_from_ids(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &GetNamesFromPropertyIdsRequest,
) -> Result<RopResponse, ErrorCode> {
    let (key, _) = target(cx)?;
    let property_names = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            Ok(mb.named_props().names_from_ids(&r.property_ids))
        })?
    };
    Ok(RopResponse::GetNamesFromPropertyIds(
        GetNamesFromPropertyIdsResponse::Success {
            input_handle_index: r.input_handle_index,
            property_names,
        },
    ))
}

/// The destination of a copy: ecDstNullObject when DestHandleIndex names no object of this
/// logon (MS-OXCROPS 2.2.8.11.3), ecNotSupported for an object without properties or in
/// another store.
fn destination(
    cx: &mut RopCx<'_, Object>,
    index: u8,
    source_mailbox: &MailboxKey,
) -> Result<ObjectRef, ErrorCode> {
    let handle = cx
        .resolve(index)
        .ok_or(ErrorCode::NULL_DESTINATION_OBJECT)?;
    let object = cx
        .objects()
        .get(handle)
        .ok_or(ErrorCode::NULL_DESTINATION_OBJECT)?;
    let dst = object.property_target().ok_or(ErrorCode::NOT_SUPPORTED)?;
    if object.mailbox() != Some(source_mailbox) {
        return Err(ErrorCode::NOT_SUPPORTED);
    }
    Ok(dst)
}

/// CopyFlags may only hold Move and NoOverwrite (MS-OXCPRPT 2.2.10.1 / 2.2.11.1); other bits
/// are ecInvalidParameter.
fn copy_flags(flags: CopyFlags) -> Result<(bool, bool), ErrorCode> {
    if flags.0 & !(CopyFlags::MOVE.0 | CopyFlags::NO_OVERWRITE.0) != 0 {
        return Err(ErrorCode::INVALID_PARAMETER);
    }
    Ok((
        flags.contains(CopyFlags::MOVE),
        flags.contains(CopyFlags::NO_OVERWRITE),
    ))
}

/// MS-OXCPRPT 3.2.5.11 RopCopyProperties: the listed properties from the input object to the
/// destination (moved with Move, kept where present with NoOverwrite); a property the source
/// lacks is an ecNotFound problem. WantAsynchronous is answered synchronously, which the
/// specification allows (the server MAY ignore it).
fn copy_properties(
    h: &Handlers,
    cx: &mut RopCx<'_, Object>,
    r: &CopyPropertiesRequest,
) -> Result<RopResponse, ErrorCode> {
    let (key, src) = target(cx)?;
    let dst = destination(cx, r.dest_handle_index, &key)?;
    let (move_props, no_overwrite) = copy_flags(r.copy_flags)?;
    let problems = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.copy_props(src, dst, &r.property_tags.0, no_overwrite, move_props)
        })?
    };
    folder_modified(h, &key, dst);
    if move_props {
        folder_modified(h, &key, src);
    }
    Ok(RopResponse::CopyProperties(CopyResponse::Success {
        source_handle_index: r.source_handle_index,
        property_problems: PropertyProblemArray(problems),
    }))
}

/// MS-OXCPRPT 3.2.5.12 RopCopyTo: every property but the excluded ones; a message's recipients
/// and attachments go along only with WantSubObjects (they are PidTagMessageRecipients and
/// PidTagMessageAttachments to the store).
fn copy_to(
    h: &Handlers,
    cx: &mut RopCx<'_, Object>,
    r: &CopyToRequest,
) -> Result<RopResponse, ErrorCode> {
    let (key, src) = target(cx)?;
    let dst = destination(cx, r.dest_handle_index, &key)?;
    let (move_props, no_overwrite) = copy_flags(r.copy_flags)?;
    let mut exclude = r.excluded_tags.0.clone();
    if !r.want_sub_objects {
        exclude.push(t::PID_TAG_MESSAGE_RECIPIENTS);
        exclude.push(t::PID_TAG_MESSAGE_ATTACHMENTS);
    }
    let problems = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.copy_to(src, dst, &exclude, no_overwrite, move_props)
        })?
    };
    folder_modified(h, &key, dst);
    if move_props {
        folder_modified(h, &key, src);
    }
    Ok(RopResponse::CopyTo(CopyResponse::Success {
        source_handle_index: r.source_handle_index,
        property_problems: PropertyProblemArray(problems),
    }))
}
