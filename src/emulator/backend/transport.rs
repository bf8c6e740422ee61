//! Transport ROPs (MS-OXOMSG 3.2.5, MS-OXCROPS 2.2.7): submitting a message, which this
//! emulator delivers at once (to Sent Items, and to the Inbox of recipients that have a
//! mailbox here), the transport folder and the address types the server handles.

use super::message::{message_input, ok, raise};
use super::{Handlers, MailboxKey, Object, StoreEvent, with_mailbox};
use crate::emulator::engine::{Outcome, RopCx};
use crate::emulator::store::{ObjectRef, SpecialFolder, StoreKind};
use crate::wire::ErrorCode;
use crate::wire::FileTime;
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::property::tags as t;
use crate::wire::property::{PropertyTag, PropertyValue, TaggedPropertyValue};
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::transport::{
    GetAddressTypesResponse, GetTransportFolderResponse, TransportSendResponse,
};

/// MS-OXOMSG 3.2.5.3 ecNotInQueue: the message is not (or no longer) waiting for the
/// transport.
pub const NOT_IN_QUEUE: ErrorCode = ErrorCode(0x8004_0601);

/// PidTagMessageFlags bits submission changes (MS-OXCMSG 2.2.1.6).
const MSGFLAG_READ: i32 = 0x0001;
const MSGFLAG_UNSENT: i32 = 0x0008;

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
) -> Option<Outcome<Object>> {
    let result = match request {
        RopRequest::SubmitMessage(r) => submit(h, cx)
            .map(|_| Outcome::respond(RopResponse::SubmitMessage(ok(r.input_handle_index)))),
        RopRequest::TransportSend(r) => submit(h, cx).map(|_| {
            Outcome::respond(RopResponse::TransportSend(TransportSendResponse::Success {
                input_handle_index: r.input_handle_index,
                property_values: None,
            }))
        }),
        RopRequest::AbortSubmit(r) => abort_submit(h, cx, r.folder_id, r.message_id),
        RopRequest::GetAddressTypes(r) => logon_mailbox(cx).map(|_| {
            // The address types this server routes (MS-OXOMSG 3.2.5.4): Exchange's own
            // (EX, the X500 DN) and SMTP, the only two recipient rows name here.
            Outcome::respond(RopResponse::GetAddressTypes(
                GetAddressTypesResponse::Success {
                    input_handle_index: r.input_handle_index,
                    address_types: vec!["EX".to_owned(), "SMTP".to_owned()],
                },
            ))
        }),
        RopRequest::GetTransportFolder(r) => transport_folder(h, cx).map(|folder_id| {
            Outcome::respond(RopResponse::GetTransportFolder(
                GetTransportFolderResponse::Success {
                    input_handle_index: r.input_handle_index,
                    folder_id,
                },
            ))
        }),
        _ => return None,
    };
    Some(result.unwrap_or_else(|code| Outcome::fail(request, code)))
}

/// The mailbox of a Logon input object (MS-OXOMSG: GetAddressTypes, GetTransportFolder).
fn logon_mailbox(cx: &RopCx<'_, Object>) -> Result<MailboxKey, ErrorCode> {
    match cx.input() {
        Some(Object::Logon(l)) => Ok(l.mailbox.clone()),
        Some(_) => Err(ErrorCode::NOT_SUPPORTED),
        None => Err(ErrorCode::NULL_OBJECT),
    }
}

/// MS-OXOMSG 3.2.5.5 RopGetTransportFolder: the Outbox of a private mailbox.
fn transport_folder(h: &Handlers, cx: &RopCx<'_, Object>) -> Result<FolderId, ErrorCode> {
    let key = logon_mailbox(cx)?;
    let mut store = h.store();
    with_mailbox(&mut store, &key, |mb| {
        mb.special_folder(SpecialFolder::Outbox)
            .ok_or(ErrorCode::NOT_SUPPORTED)
    })
}

/// MS-OXOMSG 3.2.5.3 RopAbortSubmit: submission completes within RopSubmitMessage here, so a
/// message is never still queued: ecNotInQueue for a message that exists, ecNotFound for one
/// that does not.
fn abort_submit(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    fid: FolderId,
    mid: MessageId,
) -> Result<Outcome<Object>, ErrorCode> {
    let key = match cx.input() {
        Some(Object::Logon(l)) => l.mailbox.clone(),
        Some(Object::Folder(f)) => f.mailbox.clone(),
        Some(_) => return Err(ErrorCode::NOT_SUPPORTED),
        None => return Err(ErrorCode::NULL_OBJECT),
    };
    let mut store = h.store();
    with_mailbox(&mut store, &key, |mb| mb.get_message_status(fid, mid))?;
    Err(NOT_IN_QUEUE)
}

/// What a delivery copies of the submitted message.
struct Outgoing {
    props: Vec<TaggedPropertyValue>,
    recipients: Vec<(u32, Vec<(PropertyTag, PropertyValue)>)>,
    attachments: Vec<Vec<TaggedPropertyValue>>,
    addresses: Vec<String>,
}

/// MS-OXOMSG 3.2.5.1 RopSubmitMessage: the message must have recipients (ecNoRecipients); it
/// is saved with PidTagClientSubmitTime and without mfUnsent, then moved to Sent Items (or
/// deleted with PidTagDeleteAfterSubmit), as Exchange's transport does once it has sent it.
/// Recipients with a mailbox in this store (by SMTP address or legacy DN) get an unread copy
/// in their Inbox, which raises NewMail for them.
fn submit(h: &Handlers, cx: &RopCx<'_, Object>) -> Result<MessageId, ErrorCode> {
    let m = message_input(cx)?;
    if !m.writable {
        return Err(ErrorCode::ACCESS_DENIED);
    }
    let cp = h.code_page();
    let mut store = h.store();
    let (outgoing, fid, mid, existed, sent) = with_mailbox(&mut store, &m.mailbox, |mb| {
        let obj = ObjectRef::Instance(m.instance);
        let recipients = mb.recipients(m.instance)?;
        if recipients.is_empty() {
            return Err(ErrorCode::NO_RECIPIENTS);
        }
        let addresses = recipients
            .iter()
            .flat_map(|r| {
                [t::PID_TAG_SMTP_ADDRESS, t::PID_TAG_EMAIL_ADDRESS]
                    .into_iter()
                    .filter_map(|tag| r.props.str(tag).map(str::to_owned))
            })
            .collect();
        let recipient_rows = recipients
            .iter()
            .map(|r| {
                (
                    r.row_id,
                    r.props.iter().map(|(tg, v)| (tg, v.clone())).collect(),
                )
            })
            .collect();
        let attachments = mb
            .attachments(m.instance)?
            .iter()
            .map(|a| a.props.tagged(true, cp))
            .collect();
        let existed = mb.instance_message_id(m.instance)?.is_some();
        let flags = mb
            .get_prop(obj, t::PID_TAG_MESSAGE_FLAGS, cp)
            .and_then(|v| v.as_i32())
            .unwrap_or(0);
        let now = submit_time(mb.get_prop(obj, t::PID_TAG_LAST_MODIFICATION_TIME, cp));
        mb.set_props(
            obj,
            &[
                TaggedPropertyValue {
                    tag: t::PID_TAG_MESSAGE_FLAGS,
                    value: PropertyValue::Integer32(flags & !MSGFLAG_UNSENT),
                },
                TaggedPropertyValue {
                    tag: t::PID_TAG_CLIENT_SUBMIT_TIME,
                    value: PropertyValue::Time(now),
                },
            ],
            cp,
        )?;
        let delete_after = mb.get_prop(obj, t::PID_TAG_DELETE_AFTER_SUBMIT, cp)
            == Some(PropertyValue::Boolean(true));
        let props = mb.get_all_props(obj, true, cp)?;
        let fid = mb.instance_folder_id(m.instance)?;
        let mid = mb.save_message(m.instance)?;
        let sent = if delete_after {
            mb.delete_messages(fid, &[mid])?;
            None
        } else {
            let sent = mb
                .special_folder(SpecialFolder::SentItems)
                .ok_or(ErrorCode::NOT_SUPPORTED)?;
            if sent == fid {
                Some((sent, mid))
            } else {
                let (_, moved) = mb.move_copy_messages(fid, sent, &[mid], false)?;
                moved.first().map(|n| (sent, *n))
            }
        };
        Ok((
            Outgoing {
                props,
                recipients: recipient_rows,
                attachments,
                addresses,
            },
            fid,
            mid,
            existed,
            sent,
        ))
    })?;
    let mut events = Vec::new();
    if existed {
        events.push(StoreEvent::Deleted {
            mailbox: m.mailbox.clone(),
            fid,
            mid: Some(mid),
            parent: fid,
        });
    }
    events.push(StoreEvent::Modified {
        mailbox: m.mailbox.clone(),
        fid,
        mid: None,
    });
    if let Some((sent, new_mid)) = sent {
        events.push(StoreEvent::Created {
            mailbox: m.mailbox.clone(),
            fid: sent,
            mid: Some(new_mid),
            parent: sent,
        });
        events.push(StoreEvent::Modified {
            mailbox: m.mailbox.clone(),
            fid: sent,
            mid: None,
        });
    }
    // Local delivery, one copy per mailbox however many of its addresses are named.
    let targets: Vec<String> = store
        .mailbox_dns()
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
        .filter(|dn| {
            store.mailbox(dn).is_some_and(|mb| match mb.kind() {
                StoreKind::Private {
                    legacy_dn,
                    smtp_address,
                    ..
                } => outgoing.addresses.iter().any(|a| {
                    a.eq_ignore_ascii_case(smtp_address) || a.eq_ignore_ascii_case(legacy_dn)
                }),
                StoreKind::Public => false,
            })
        })
        .collect();
    for dn in targets {
        let key = MailboxKey::Private(dn);
        if let Ok((inbox, new_mid, flags, class)) =
            with_mailbox(&mut store, &key, |mb| deliver(mb, &outgoing, cp))
        {
            events.push(StoreEvent::Created {
                mailbox: key.clone(),
                fid: inbox,
                mid: Some(new_mid),
                parent: inbox,
            });
            events.push(StoreEvent::Modified {
                mailbox: key.clone(),
                fid: inbox,
                mid: None,
            });
            events.push(StoreEvent::NewMail {
                mailbox: key,
                fid: inbox,
                mid: new_mid,
                message_flags: flags as u32,
                message_class: class,
            });
        }
    }
    drop(store);
    for e in events {
        raise(h, e);
    }
    Ok(mid)
}

/// The submit time: the store's clock as the message's last change saw it.
fn submit_time(v: Option<PropertyValue>) -> FileTime {
    match v {
        Some(PropertyValue::Time(t)) => t,
        _ => crate::emulator::store::EPOCH,
    }
}

/// Puts an unread copy of `out` into `mb`'s Inbox; returns the Inbox, the new id, its
/// PidTagMessageFlags and PidTagMessageClass.
fn deliver(
    mb: &mut crate::emulator::store::Mailbox,
    out: &Outgoing,
    cp: u32,
) -> Result<(FolderId, MessageId, i32, String), ErrorCode> {
    let inbox = mb
        .special_folder(SpecialFolder::Inbox)
        .ok_or(ErrorCode::NOT_FOUND)?;
    let h = mb.create_message(inbox, false)?;
    let result = (|| {
        let obj = ObjectRef::Instance(h);
        let writable: Vec<TaggedPropertyValue> = out
            .props
            .iter()
            .filter(|v| !crate::emulator::store::props::is_read_only(v.tag.id()))
            .cloned()
            .collect();
        mb.set_props(obj, &writable, cp)?;
        let flags = out
            .props
            .iter()
            .find(|v| v.tag.id() == t::PID_TAG_MESSAGE_FLAGS.id())
            .and_then(|v| v.value.as_i32())
            .unwrap_or(0)
            & !(MSGFLAG_READ | MSGFLAG_UNSENT);
        mb.set_props(
            obj,
            &[TaggedPropertyValue {
                tag: t::PID_TAG_MESSAGE_FLAGS,
                value: PropertyValue::Integer32(flags),
            }],
            cp,
        )?;
        mb.modify_recipients(h, &out.recipients, cp)?;
        for a in &out.attachments {
            let (ah, _) = mb.create_attachment(h)?;
            let props: Vec<TaggedPropertyValue> = a
                .iter()
                .filter(|v| !crate::emulator::store::props::is_read_only(v.tag.id()))
                .cloned()
                .collect();
            let saved = mb
                .set_props(ObjectRef::Instance(ah), &props, cp)
                .and_then(|_| mb.save_attachment(ah));
            mb.release(ah);
            saved?;
        }
        let class = mb
            .get_prop(obj, t::PID_TAG_MESSAGE_CLASS, cp)
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "IPM.Note".to_owned());
        let mid = mb.save_message(h)?;
        let flags = mb
            .get_prop(obj, t::PID_TAG_MESSAGE_FLAGS, cp)
            .and_then(|v| v.as_i32())
            .unwrap_or(flags);
        Ok((inbox, mid, flags, class))
    })();
    mb.release(h);
    result
}
