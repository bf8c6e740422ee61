//! Folder ROPs (MS-OXCFOLD, MS-OXCROPS 2.2.4): opening, creating, deleting, moving and copying
//! folders, emptying them, moving, copying and deleting their messages, their hierarchy and
//! contents tables, and search criteria.
//!
//! Choices where Exchange has latitude, with their basis:
//! - WantAsynchronous (RopMoveFolder, RopCopyFolder, RopEmptyFolder, RopMoveCopyMessages,
//!   RopDeleteMessages ...): MS-OXCFOLD 3.2.5.x lets the server answer synchronously (it "MAY"
//!   answer with RopProgress). The store's operations are immediate, so the final response is
//!   always sent at once.
//! - Table flags: DeferredErrors is accepted (the RowCount is exact anyway, MS-OXCFOLD
//!   2.2.1.14.2); NoNotifications gives a snapshot view (MS-OXCTABL: a table without
//!   notifications is not kept up to date); UseUnicode needs nothing (string columns take the
//!   type their tags ask for); SoftDeletes and ConversationMembers are ecNotSupported: the store
//!   keeps no soft-deleted items and no conversations, and a made-up empty table would lie.
//! - A ROP whose input object is not a folder (or, for RopOpenFolder, not a logon or folder)
//!   fails with ecNotSupported, as MS-OXCTABL 3.2.5.x and MS-OXCFOLD do for the wrong kind of
//!   object; a destination handle that names no object fails with ecDstNullObject
//!   (MS-OXCROPS 2.2.4.6.2, 2.2.4.7.2, 2.2.4.8.2).

use super::{FolderObject, Handlers, MailboxKey, Object, StoreEvent, TableObject, with_mailbox};
use crate::emulator::engine::{Outcome, RopCx};
use crate::emulator::store::{DeleteFolderFlags, FolderKind, Mailbox, TableKind, TableView};
use crate::wire::ErrorCode;
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::rop::ResponseHeader;
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::folder::{
    CreateFolderResponse, ExistingFolderInfo, FolderName, FolderType, GetSearchCriteriaResponse,
    GetTableResponse, GhostInfo, MoveCopyResponse, OpenFolderResponse, PartialCompletionResponse,
    SearchState, TableFlags,
};

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
) -> Option<Outcome<Object>> {
    let outcome = match request {
        RopRequest::OpenFolder(r) => open_folder(h, cx, request, r),
        RopRequest::CreateFolder(r) => create_folder(h, cx, request, r),
        RopRequest::DeleteFolder(r) => delete_folder(h, cx, request, r),
        RopRequest::GetHierarchyTable(r) => {
            get_table(h, cx, request, r.table_flags, r.output_handle_index, true)
        }
        RopRequest::GetContentsTable(r) => {
            get_table(h, cx, request, r.table_flags, r.output_handle_index, false)
        }
        RopRequest::MoveFolder(r) => move_copy_folder(
            h,
            cx,
            request,
            MoveCopyFolder {
                source_handle_index: r.source_handle_index,
                dest_handle_index: r.dest_handle_index,
                folder_id: r.folder_id,
                name: &r.new_folder_name,
                copy: false,
                recursive: false,
            },
        ),
        RopRequest::CopyFolder(r) => move_copy_folder(
            h,
            cx,
            request,
            MoveCopyFolder {
                source_handle_index: r.source_handle_index,
                dest_handle_index: r.dest_handle_index,
                folder_id: r.folder_id,
                name: &r.new_folder_name,
                copy: true,
                recursive: r.want_recursive,
            },
        ),
        RopRequest::EmptyFolder(r) => empty_folder(
            h,
            cx,
            request,
            r.input_handle_index,
            r.want_delete_associated,
        ),
        RopRequest::HardDeleteMessagesAndSubfolders(r) => empty_folder(
            h,
            cx,
            request,
            r.input_handle_index,
            r.want_delete_associated,
        ),
        RopRequest::DeleteMessages(r) => {
            delete_messages(h, cx, request, r.input_handle_index, &r.message_ids)
        }
        RopRequest::HardDeleteMessages(r) => {
            delete_messages(h, cx, request, r.input_handle_index, &r.message_ids)
        }
        RopRequest::MoveCopyMessages(r) => move_copy_messages(
            h,
            cx,
            request,
            r.source_handle_index,
            r.dest_handle_index,
            &r.message_ids,
            r.want_copy,
        ),
        RopRequest::GetSearchCriteria(r) => {
            let (mailbox, fid) = match input_folder(cx) {
                Ok(x) => x,
                Err(e) => return Some(Outcome::fail(request, e)),
            };
            let found = {
                let mut store = h.store();
                with_mailbox(&mut store, &mailbox, |mb| mb.get_search_criteria(fid))
            };
            match found {
                Ok((restriction, folders, state)) => {
                    Outcome::respond(RopResponse::GetSearchCriteria(
                        GetSearchCriteriaResponse::Success {
                            input_handle_index: r.input_handle_index,
                            // MS-OXCFOLD 2.2.1.5.1: each part only when asked for.
                            restriction: if r.include_restriction {
                                restriction
                            } else {
                                None
                            },
                            logon_id: r.logon_id,
                            folder_ids: if r.include_folders {
                                folders
                            } else {
                                Vec::new()
                            },
                            search_flags: SearchState(state),
                        },
                    ))
                }
                Err(e) => Outcome::fail(request, e),
            }
        }
        RopRequest::SetSearchCriteria(r) => {
            let (mailbox, fid) = match input_folder(cx) {
                Ok(x) => x,
                Err(e) => return Some(Outcome::fail(request, e)),
            };
            let done = {
                let mut store = h.store();
                with_mailbox(&mut store, &mailbox, |mb| {
                    mb.set_search_criteria(
                        fid,
                        r.restriction.clone(),
                        &r.folder_ids,
                        r.search_flags.0,
                    )
                })
            };
            match done {
                Ok(()) => {
                    h.hub().publish(StoreEvent::Modified {
                        mailbox,
                        fid,
                        mid: None,
                    });
                    Outcome::respond(RopResponse::SetSearchCriteria(ResponseHeader {
                        handle_index: r.input_handle_index,
                        return_value: ErrorCode::SUCCESS,
                    }))
                }
                Err(e) => Outcome::fail(request, e),
            }
        }
        _ => return None,
    };
    Some(outcome)
}

/// The folder a ROP's input object is; ecNotSupported for any other kind of object.
fn input_folder(cx: &RopCx<'_, Object>) -> Result<(MailboxKey, FolderId), ErrorCode> {
    match cx.input() {
        Some(Object::Folder(f)) => Ok((f.mailbox.clone(), f.fid)),
        Some(_) => Err(ErrorCode::NOT_SUPPORTED),
        None => Err(ErrorCode::NULL_OBJECT),
    }
}

/// The folder at handle-table `index` for a destination; ecDstNullObject when the slot names
/// no object of this logon, ecNotSupported when it names something that is not a folder.
fn dest_folder(cx: &mut RopCx<'_, Object>, index: u8) -> Result<(MailboxKey, FolderId), ErrorCode> {
    let handle = cx
        .resolve(index)
        .ok_or(ErrorCode::NULL_DESTINATION_OBJECT)?;
    match cx.objects().get(handle) {
        Some(Object::Folder(f)) => Ok((f.mailbox.clone(), f.fid)),
        Some(_) => Err(ErrorCode::NOT_SUPPORTED),
        None => Err(ErrorCode::NULL_DESTINATION_OBJECT),
    }
}

/// A folder name as text: UTF-16 as is, 8-bit in the session's code page.
fn name_text(name: &FolderName, code_page: u32) -> String {
    match name {
        FolderName::Unicode(s) => s.clone(),
        FolderName::String8(s) => s.decode_text(code_page).into_owned(),
    }
}

/// The replica list of a ghosted public folder (MS-OXCFOLD 2.2.1.1.2); `None` for private
/// stores and folders with a local replica.
fn ghost_info(mb: &Mailbox, fid: FolderId) -> Option<GhostInfo> {
    if !mb.is_ghosted(fid).unwrap_or(false) {
        return None;
    }
    let (servers, cheap) = mb.owning_servers(fid).ok()?;
    Some(GhostInfo {
        cheap_server_count: cheap,
        servers,
    })
}

/// RopOpenFolder (MS-OXCFOLD 3.2.5.1): input is a Logon or a Folder of the store; the folder
/// must exist (ecNotFound). OpenSoftDeleted opens a folder whether or not it is soft deleted;
/// the store has no soft-deleted folders, so every folder it finds is live.
fn open_folder(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    r: &crate::wire::rop::folder::OpenFolderRequest,
) -> Outcome<Object> {
    let mailbox = match cx.input() {
        Some(Object::Logon(l)) => l.mailbox.clone(),
        Some(Object::Folder(f)) => f.mailbox.clone(),
        Some(_) => return Outcome::fail(request, ErrorCode::NOT_SUPPORTED),
        None => return Outcome::fail(request, ErrorCode::NULL_OBJECT),
    };
    let opened = {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            mb.open_folder(r.folder_id)?;
            Ok(ghost_info(mb, r.folder_id))
        })
    };
    match opened {
        Ok(ghost) => Outcome::created(
            RopResponse::OpenFolder(OpenFolderResponse::Success {
                output_handle_index: r.output_handle_index,
                // The store keeps no rules (MS-OXORULE), so no folder has any.
                has_rules: false,
                ghost,
            }),
            Object::Folder(FolderObject {
                mailbox,
                fid: r.folder_id,
            }),
        ),
        Err(e) => Outcome::fail(request, e),
    }
}

/// RopCreateFolder (MS-OXCFOLD 3.2.5.2): a generic or search folder under the input folder.
/// FolderType other than 1 or 2 is ecInvalidParam. A sibling of the same name is
/// ecDuplicateName, or with OpenExisting that folder, answered with IsExistingFolder and its
/// HasRules/IsGhosted fields (MS-OXCROPS 2.2.4.2.2).
fn create_folder(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    r: &crate::wire::rop::folder::CreateFolderRequest,
) -> Outcome<Object> {
    let (mailbox, parent) = match input_folder(cx) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    let kind = match r.folder_type {
        FolderType::GENERIC => FolderKind::Generic,
        FolderType::SEARCH => FolderKind::Search,
        _ => return Outcome::fail(request, ErrorCode::INVALID_PARAMETER),
    };
    let cp = h.code_page();
    let name = name_text(&r.display_name, cp);
    let comment = name_text(&r.comment, cp);
    let made = {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            let (fid, existing) =
                mb.create_folder(parent, kind, &name, &comment, r.open_existing)?;
            let info = existing.then(|| ExistingFolderInfo {
                has_rules: false,
                ghost: ghost_info(mb, fid),
            });
            Ok((fid, info))
        })
    };
    match made {
        Ok((fid, existing)) => {
            if existing.is_none() {
                h.hub().publish(StoreEvent::Created {
                    mailbox: mailbox.clone(),
                    fid,
                    mid: None,
                    parent,
                });
                h.hub().publish(StoreEvent::Modified {
                    mailbox: mailbox.clone(),
                    fid: parent,
                    mid: None,
                });
            }
            Outcome::created(
                RopResponse::CreateFolder(CreateFolderResponse::Success {
                    output_handle_index: r.output_handle_index,
                    folder_id: fid,
                    existing,
                }),
                Object::Folder(FolderObject { mailbox, fid }),
            )
        }
        Err(e) => Outcome::fail(request, e),
    }
}

/// RopDeleteFolder (MS-OXCFOLD 3.2.5.3): deletes a subfolder of the input folder as the
/// DeleteFolderFlags allow; a folder left in place because it still has messages or
/// subfolders the flags do not cover is PartialCompletion with ReturnValue 0.
fn delete_folder(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    r: &crate::wire::rop::folder::DeleteFolderRequest,
) -> Outcome<Object> {
    let (mailbox, parent) = match input_folder(cx) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    let flags = DeleteFolderFlags::from_bits(r.delete_folder_flags.0);
    let done = {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            mb.delete_folder(parent, r.folder_id, flags)
        })
    };
    match done {
        Ok(partial) => {
            if !partial {
                h.hub().publish(StoreEvent::Deleted {
                    mailbox: mailbox.clone(),
                    fid: r.folder_id,
                    mid: None,
                    parent,
                });
                h.hub().publish(StoreEvent::Modified {
                    mailbox,
                    fid: parent,
                    mid: None,
                });
            }
            Outcome::respond(RopResponse::DeleteFolder(PartialCompletionResponse {
                header: ResponseHeader {
                    handle_index: r.input_handle_index,
                    return_value: ErrorCode::SUCCESS,
                },
                partial_completion: partial,
            }))
        }
        Err(e) => Outcome::fail(request, e),
    }
}

/// RopGetHierarchyTable / RopGetContentsTable (MS-OXCFOLD 3.2.5.13, 3.2.5.14): a Table object
/// over the input folder and its RowCount.
fn get_table(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    flags: TableFlags,
    output_handle_index: u8,
    hierarchy: bool,
) -> Outcome<Object> {
    let (mailbox, folder) = match input_folder(cx) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    let has = |f: TableFlags| flags.0 & f.0 != 0;
    if has(TableFlags::SOFT_DELETES) {
        return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
    }
    // 0x80 is SuppressesNotifications on a hierarchy table and ConversationMembers on a
    // contents table (MS-OXCFOLD 2.2.1.13.1, 2.2.1.14.1).
    let quiet = has(TableFlags::NO_NOTIFICATIONS)
        || (hierarchy && has(TableFlags::SUPPRESSES_NOTIFICATIONS));
    let live = !quiet;
    if !hierarchy && has(TableFlags::CONVERSATION_MEMBERS) {
        return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
    }
    let kind = if hierarchy {
        if has(TableFlags::ASSOCIATED) {
            // Associated applies to contents tables only.
            return Outcome::fail(request, ErrorCode::INVALID_PARAMETER);
        }
        TableKind::Hierarchy {
            folder,
            depth: has(TableFlags::DEPTH),
        }
    } else {
        if has(TableFlags::DEPTH) {
            return Outcome::fail(request, ErrorCode::INVALID_PARAMETER);
        }
        TableKind::Contents {
            folder,
            associated: has(TableFlags::ASSOCIATED),
        }
    };
    let cp = h.code_page();
    let opened = {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            TableView::open(mb, kind, live, cp)
        })
    };
    match opened {
        Ok((view, row_count)) => {
            let response = GetTableResponse::Success {
                output_handle_index,
                row_count,
            };
            let response = if hierarchy {
                RopResponse::GetHierarchyTable(response)
            } else {
                RopResponse::GetContentsTable(response)
            };
            Outcome::created(
                response,
                Object::Table(Box::new(TableObject {
                    mailbox,
                    view,
                    columns: None,
                })),
            )
        }
        Err(e) => Outcome::fail(request, e),
    }
}

struct MoveCopyFolder<'a> {
    source_handle_index: u8,
    dest_handle_index: u8,
    folder_id: FolderId,
    name: &'a FolderName,
    copy: bool,
    recursive: bool,
}

fn move_copy_ok(handle_index: u8, partial: bool) -> MoveCopyResponse {
    MoveCopyResponse {
        header: ResponseHeader {
            handle_index,
            return_value: ErrorCode::SUCCESS,
        },
        dest_handle_index: None,
        partial_completion: partial,
    }
}

/// RopMoveFolder / RopCopyFolder (MS-OXCFOLD 3.2.5.7, 3.2.5.8): the input folder is the
/// source parent, DestHandleIndex the destination parent, of the same store (a folder of
/// another store is ecNotSupported).
fn move_copy_folder(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    m: MoveCopyFolder<'_>,
) -> Outcome<Object> {
    let (mailbox, src) = match input_folder(cx) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    let (dest_mailbox, dst) = match dest_folder(cx, m.dest_handle_index) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    if dest_mailbox != mailbox {
        return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
    }
    let name = name_text(m.name, h.code_page());
    let done = {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            if m.copy {
                mb.copy_folder(src, dst, m.folder_id, &name, m.recursive)
            } else {
                mb.move_folder(src, dst, m.folder_id, &name)
                    .map(|()| m.folder_id)
            }
        })
    };
    match done {
        Ok(fid) => {
            h.hub().publish(StoreEvent::MovedOrCopied {
                mailbox: mailbox.clone(),
                copied: m.copy,
                fid,
                mid: None,
                parent: dst,
                old_fid: m.folder_id,
                old_mid: None,
                old_parent: src,
            });
            if !m.copy && src != dst {
                h.hub().publish(StoreEvent::Modified {
                    mailbox: mailbox.clone(),
                    fid: src,
                    mid: None,
                });
            }
            h.hub().publish(StoreEvent::Modified {
                mailbox,
                fid: dst,
                mid: None,
            });
            let response = move_copy_ok(m.source_handle_index, false);
            Outcome::respond(if m.copy {
                RopResponse::CopyFolder(response)
            } else {
                RopResponse::MoveFolder(response)
            })
        }
        Err(e) => Outcome::fail(request, e),
    }
}

/// The messages (normal and FAI) of a folder, to tell which of a list a ROP touched.
fn folder_messages(mb: &Mailbox, fid: FolderId) -> Vec<MessageId> {
    let mut all = mb.message_ids(fid, false).unwrap_or_default();
    all.extend(mb.message_ids(fid, true).unwrap_or_default());
    all
}

/// RopEmptyFolder / RopHardDeleteMessagesAndSubfolders (MS-OXCFOLD 3.2.5.9, 3.2.5.10).
fn empty_folder(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    input_handle_index: u8,
    delete_associated: bool,
) -> Outcome<Object> {
    let (mailbox, fid) = match input_folder(cx) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    let done = {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            let folders_before = mb.child_folders(fid)?;
            let messages_before = folder_messages(mb, fid);
            let partial = mb.empty_folder(fid, delete_associated)?;
            let folders_after = mb.child_folders(fid)?;
            let messages_after = folder_messages(mb, fid);
            let gone_folders: Vec<FolderId> = folders_before
                .into_iter()
                .filter(|f| !folders_after.contains(f))
                .collect();
            let gone_messages: Vec<MessageId> = messages_before
                .into_iter()
                .filter(|m| !messages_after.contains(m))
                .collect();
            Ok((partial, gone_folders, gone_messages))
        })
    };
    match done {
        Ok((partial, gone_folders, gone_messages)) => {
            for f in gone_folders {
                h.hub().publish(StoreEvent::Deleted {
                    mailbox: mailbox.clone(),
                    fid: f,
                    mid: None,
                    parent: fid,
                });
            }
            for m in gone_messages {
                h.hub().publish(StoreEvent::Deleted {
                    mailbox: mailbox.clone(),
                    fid,
                    mid: Some(m),
                    parent: fid,
                });
            }
            h.hub().publish(StoreEvent::Modified {
                mailbox,
                fid,
                mid: None,
            });
            let response = PartialCompletionResponse {
                header: ResponseHeader {
                    handle_index: input_handle_index,
                    return_value: ErrorCode::SUCCESS,
                },
                partial_completion: partial,
            };
            Outcome::respond(match request {
                RopRequest::EmptyFolder(_) => RopResponse::EmptyFolder(response),
                _ => RopResponse::HardDeleteMessagesAndSubfolders(response),
            })
        }
        Err(e) => Outcome::fail(request, e),
    }
}

/// RopDeleteMessages / RopHardDeleteMessages (MS-OXCFOLD 3.2.5.11, 3.2.5.12): ids that are not
/// messages of the folder are skipped and make the answer PartialCompletion.
fn delete_messages(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    input_handle_index: u8,
    mids: &[MessageId],
) -> Outcome<Object> {
    let (mailbox, fid) = match input_folder(cx) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    let done = {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            let before = folder_messages(mb, fid);
            let present: Vec<MessageId> = mids
                .iter()
                .copied()
                .filter(|m| before.contains(m))
                .collect();
            let partial = mb.delete_messages(fid, mids)?;
            Ok((partial, present))
        })
    };
    match done {
        Ok((partial, deleted)) => {
            for m in &deleted {
                h.hub().publish(StoreEvent::Deleted {
                    mailbox: mailbox.clone(),
                    fid,
                    mid: Some(*m),
                    parent: fid,
                });
            }
            if !deleted.is_empty() {
                h.hub().publish(StoreEvent::Modified {
                    mailbox,
                    fid,
                    mid: None,
                });
            }
            let response = PartialCompletionResponse {
                header: ResponseHeader {
                    handle_index: input_handle_index,
                    return_value: ErrorCode::SUCCESS,
                },
                partial_completion: partial,
            };
            Outcome::respond(match request {
                RopRequest::DeleteMessages(_) => RopResponse::DeleteMessages(response),
                _ => RopResponse::HardDeleteMessages(response),
            })
        }
        Err(e) => Outcome::fail(request, e),
    }
}

/// RopMoveCopyMessages (MS-OXCFOLD 3.2.5.6): messages of the input folder to the folder at
/// DestHandleIndex of the same store.
fn move_copy_messages(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    source_handle_index: u8,
    dest_handle_index: u8,
    mids: &[MessageId],
    copy: bool,
) -> Outcome<Object> {
    let (mailbox, src) = match input_folder(cx) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    let (dest_mailbox, dst) = match dest_folder(cx, dest_handle_index) {
        Ok(x) => x,
        Err(e) => return Outcome::fail(request, e),
    };
    if dest_mailbox != mailbox {
        return Outcome::fail(request, ErrorCode::NOT_SUPPORTED);
    }
    let done = {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            let before = folder_messages(mb, src);
            let present: Vec<MessageId> = mids
                .iter()
                .copied()
                .filter(|m| before.contains(m))
                .collect();
            let (partial, new_ids) = mb.move_copy_messages(src, dst, mids, copy)?;
            Ok((partial, present, new_ids))
        })
    };
    match done {
        Ok((partial, old_ids, new_ids)) => {
            let moved = copy || src != dst;
            if moved {
                for (old, new) in old_ids.iter().zip(new_ids.iter()) {
                    h.hub().publish(StoreEvent::MovedOrCopied {
                        mailbox: mailbox.clone(),
                        copied: copy,
                        fid: dst,
                        mid: Some(*new),
                        parent: dst,
                        old_fid: src,
                        old_mid: Some(*old),
                        old_parent: src,
                    });
                }
                if !new_ids.is_empty() {
                    if !copy {
                        h.hub().publish(StoreEvent::Modified {
                            mailbox: mailbox.clone(),
                            fid: src,
                            mid: None,
                        });
                    }
                    h.hub().publish(StoreEvent::Modified {
                        mailbox,
                        fid: dst,
                        mid: None,
                    });
                }
            }
            Outcome::respond(RopResponse::MoveCopyMessages(move_copy_ok(
                source_handle_index,
                partial,
            )))
        }
        Err(e) => Outcome::fail(request, e),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::testkit::{self, Session};
    use crate::emulator::store::{SpecialFolder, message_count};
    use crate::wire::ErrorCode;
    use crate::wire::entry_id::{FolderId, MessageId};
    use crate::wire::primitives::String8;
    use crate::wire::property::tags as t;
    use crate::wire::property::{FlaggedPropertyValue, PropertyRow, PropertyValue};
    use crate::wire::rop::any::{RopRequest, RopResponse};
    use crate::wire::rop::folder::*;
    use crate::wire::rop::table::{
        AsyncFlags, QueryRowsFlags, QueryRowsRequest, QueryRowsResponse, SetColumnsRequest,
    };

    const NONE: u32 = 0xFFFF_FFFF;

    /// Alice's session, logged on to her mailbox: the session and the logon handle.
    pub(in crate::emulator::backend) fn alice(b: &super::super::Backend) -> (Session, u32) {
        let mut s = Session::connect(b, "alice");
        let (logon, response) = s.logon_private("alice");
        assert!(
            matches!(
                response,
                RopResponse::Logon(crate::wire::rop::store::LogonResponse::Private { .. })
            ),
            "{response:?}"
        );
        (s, logon)
    }

    fn special(b: &super::super::Backend, which: SpecialFolder) -> FolderId {
        let store = b.store();
        let store = store.lock().unwrap();
        let mb = store
            .mailbox(&testkit::user("alice", "").legacy_dn)
            .unwrap();
        mb.special_folder(which).unwrap()
    }

    fn with_alice<T>(
        b: &super::super::Backend,
        f: impl FnOnce(&crate::emulator::store::Mailbox) -> T,
    ) -> T {
        let store = b.store();
        let store = store.lock().unwrap();
        f(store
            .mailbox(&testkit::user("alice", "").legacy_dn)
            .unwrap())
    }

    fn open(fid: FolderId, input: u8, output: u8) -> RopRequest {
        RopRequest::OpenFolder(OpenFolderRequest {
            logon_id: 0,
            input_handle_index: input,
            output_handle_index: output,
            folder_id: fid,
            open_mode_flags: OpenModeFlags::READ_ONLY,
        })
    }

    fn value(row: &PropertyRow, i: usize) -> Option<PropertyValue> {
        match row {
            PropertyRow::Standard(r) => r.values.get(i).cloned(),
            PropertyRow::Flagged(r) => match r.values.get(i) {
                Some(FlaggedPropertyValue::Value(v)) => Some(v.clone()),
                _ => None,
            },
        }
    }

    fn rv(r: &RopResponse) -> ErrorCode {
        match r {
            RopResponse::OpenFolder(OpenFolderResponse::Failure(h))
            | RopResponse::CreateFolder(CreateFolderResponse::Failure(h)) => h.return_value,
            RopResponse::OpenFolder(_) | RopResponse::CreateFolder(_) => ErrorCode::SUCCESS,
            RopResponse::DeleteFolder(p)
            | RopResponse::DeleteMessages(p)
            | RopResponse::EmptyFolder(p) => p.header.return_value,
            RopResponse::MoveFolder(m)
            | RopResponse::CopyFolder(m)
            | RopResponse::MoveCopyMessages(m) => m.header.return_value,
            RopResponse::GetHierarchyTable(GetTableResponse::Failure(h))
            | RopResponse::GetContentsTable(GetTableResponse::Failure(h)) => h.return_value,
            RopResponse::GetHierarchyTable(_) | RopResponse::GetContentsTable(_) => {
                ErrorCode::SUCCESS
            }
            RopResponse::GetSearchCriteria(GetSearchCriteriaResponse::Failure(h)) => h.return_value,
            RopResponse::SetSearchCriteria(h) => h.return_value,
            other => panic!("unexpected {other:?}"),
        }
    }

    fn create(name: FolderName, open_existing: bool, ty: FolderType) -> RopRequest {
        let unicode = name.is_unicode();
        let comment = if unicode {
            FolderName::Unicode(String::new())
        } else {
            FolderName::String8(String8::from_bytes(Vec::new()))
        };
        RopRequest::CreateFolder(CreateFolderRequest {
            logon_id: 0,
            input_handle_index: 1,
            output_handle_index: 2,
            folder_type: ty,
            use_unicode_strings: unicode,
            open_existing,
            reserved: 0,
            display_name: name,
            comment,
        })
    }

    #[test]
    fn hierarchy_walk_matches_the_store() {
        let b = testkit::backend();
        let (mut s, logon) = alice(&b);
        let ipm = special(&b, SpecialFolder::IpmSubtree);
        let columns = vec![
            t::PID_TAG_DISPLAY_NAME,
            t::PID_TAG_CONTENT_COUNT,
            t::PID_TAG_DEPTH,
        ];
        let (resp, _) = s.run(
            &[
                open(ipm, 0, 1),
                RopRequest::GetHierarchyTable(GetHierarchyTableRequest {
                    logon_id: 0,
                    input_handle_index: 1,
                    output_handle_index: 2,
                    table_flags: TableFlags::DEPTH,
                }),
                RopRequest::SetColumns(SetColumnsRequest {
                    logon_id: 0,
                    input_handle_index: 2,
                    flags: AsyncFlags(0),
                    property_tags: columns,
                }),
                RopRequest::QueryRows(QueryRowsRequest {
                    logon_id: 0,
                    input_handle_index: 2,
                    flags: QueryRowsFlags::ADVANCE,
                    forward_read: true,
                    row_count: 100,
                }),
            ],
            &[logon, NONE, NONE],
        );
        let expected: Vec<String> = with_alice(&b, |mb| {
            mb.child_folders(ipm)
                .unwrap()
                .into_iter()
                .map(|f| {
                    match mb.get_prop(
                        crate::emulator::store::ObjectRef::Folder(f),
                        t::PID_TAG_DISPLAY_NAME,
                        1252,
                    ) {
                        Some(PropertyValue::String(s)) => s.to_string(),
                        other => panic!("{other:?}"),
                    }
                })
                .collect()
        });
        let RopResponse::GetHierarchyTable(GetTableResponse::Success { row_count, .. }) = resp[1]
        else {
            panic!("{:?}", resp[1])
        };
        assert_eq!(row_count as usize, expected.len());
        let RopResponse::QueryRows(QueryRowsResponse::Success { rows, origin, .. }) = &resp[3]
        else {
            panic!("{:?}", resp[3])
        };
        assert_eq!(origin.0, 2, "BOOKMARK_END after reading everything");
        let names: Vec<String> = rows
            .rows
            .iter()
            .map(|r| match value(r, 0) {
                Some(PropertyValue::String(s)) => s.to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(names, expected);
        let inbox = rows
            .rows
            .iter()
            .find(|r| value(r, 0) == Some(PropertyValue::String(Box::new("Inbox".into()))))
            .expect("Inbox row");
        assert_eq!(
            value(inbox, 1),
            Some(PropertyValue::Integer32(
                message_count(SpecialFolder::Inbox) as i32
            ))
        );
        assert_eq!(value(inbox, 2), Some(PropertyValue::Integer32(1)));
    }

    #[test]
    fn open_folder_errors() {
        let b = testkit::backend();
        let (mut s, logon) = alice(&b);
        let (resp, handles) = s.run(
            &[open(FolderId(0x7777_0000_0000_0001), 0, 1)],
            &[logon, NONE],
        );
        assert_eq!(rv(&resp[0]), ErrorCode::NOT_FOUND);
        assert_eq!(handles[1], crate::emulator::engine::NULL_HANDLE);
        // A table is not a folder.
        let inbox = special(&b, SpecialFolder::Inbox);
        let (resp, _) = s.run(
            &[
                open(inbox, 0, 1),
                RopRequest::GetContentsTable(GetContentsTableRequest {
                    logon_id: 0,
                    input_handle_index: 1,
                    output_handle_index: 2,
                    table_flags: TableFlags(0),
                }),
                open(inbox, 2, 1),
                RopRequest::GetContentsTable(GetContentsTableRequest {
                    logon_id: 0,
                    input_handle_index: 2,
                    output_handle_index: 1,
                    table_flags: TableFlags::CONVERSATION_MEMBERS,
                }),
            ],
            &[logon, NONE, NONE],
        );
        let RopResponse::GetContentsTable(GetTableResponse::Success { row_count, .. }) = resp[1]
        else {
            panic!("{:?}", resp[1])
        };
        assert_eq!(row_count as usize, message_count(SpecialFolder::Inbox));
        assert_eq!(rv(&resp[2]), ErrorCode::NOT_SUPPORTED);
        assert_eq!(rv(&resp[3]), ErrorCode::NOT_SUPPORTED);
    }

    #[test]
    fn create_delete_move_copy_folders() {
        let b = testkit::backend();
        let (mut s, logon) = alice(&b);
        let ipm = special(&b, SpecialFolder::IpmSubtree);
        let inbox = special(&b, SpecialFolder::Inbox);
        let drafts = special(&b, SpecialFolder::Drafts);
        let projects = FolderName::Unicode("Projects".into());
        let (resp, _) = s.run(
            &[
                open(ipm, 0, 1),
                create(projects.clone(), false, FolderType::GENERIC),
                create(projects.clone(), false, FolderType::GENERIC),
                create(projects.clone(), true, FolderType::GENERIC),
                create(
                    FolderName::String8(String8::from_bytes(b"Caf\xe9".to_vec())),
                    false,
                    FolderType::GENERIC,
                ),
                create(FolderName::Unicode("Bad".into()), false, FolderType(7)),
            ],
            &[logon, NONE, NONE],
        );
        let RopResponse::CreateFolder(CreateFolderResponse::Success {
            folder_id: new,
            existing: None,
            ..
        }) = resp[1]
        else {
            panic!("{:?}", resp[1])
        };
        assert_eq!(rv(&resp[2]), ErrorCode::COLLIDING_NAMES);
        let RopResponse::CreateFolder(CreateFolderResponse::Success {
            folder_id: again,
            existing:
                Some(ExistingFolderInfo {
                    has_rules: false,
                    ghost: None,
                }),
            ..
        }) = resp[3]
        else {
            panic!("{:?}", resp[3])
        };
        assert_eq!(again, new);
        assert_eq!(rv(&resp[4]), ErrorCode::SUCCESS);
        assert_eq!(rv(&resp[5]), ErrorCode::INVALID_PARAMETER);
        with_alice(&b, |mb| {
            assert_eq!(mb.find_child(ipm, "Projects").unwrap(), Some(new));
            assert!(
                mb.find_child(ipm, "Café").unwrap().is_some(),
                "8-bit name in cp1252"
            );
        });

        // Copy Projects into Inbox, move it into Drafts, then delete it there.
        let mv = |copy: bool, name: &str, dest: u8| {
            let new_folder_name = FolderName::Unicode(name.into());
            if copy {
                RopRequest::CopyFolder(CopyFolderRequest {
                    logon_id: 0,
                    source_handle_index: 1,
                    dest_handle_index: dest,
                    want_asynchronous: false,
                    want_recursive: true,
                    use_unicode: true,
                    folder_id: new,
                    new_folder_name,
                })
            } else {
                RopRequest::MoveFolder(MoveFolderRequest {
                    logon_id: 0,
                    source_handle_index: 1,
                    dest_handle_index: dest,
                    want_asynchronous: true,
                    use_unicode: true,
                    folder_id: new,
                    new_folder_name,
                })
            }
        };
        let (resp, _) = s.run(
            &[
                open(ipm, 0, 1),
                open(inbox, 0, 2),
                open(drafts, 0, 3),
                mv(true, "Projects copy", 2),
                mv(true, "Projects copy", 2),
                mv(false, "Moved", 4),
                mv(false, "Moved", 3),
                RopRequest::DeleteFolder(DeleteFolderRequest {
                    logon_id: 0,
                    input_handle_index: 1,
                    delete_folder_flags: DeleteFolderFlags::DEL_FOLDERS,
                    folder_id: inbox,
                }),
            ],
            &[logon, NONE, NONE, NONE, NONE],
        );
        assert_eq!(rv(&resp[3]), ErrorCode::SUCCESS);
        assert_eq!(rv(&resp[4]), ErrorCode::COLLIDING_NAMES);
        let RopResponse::MoveFolder(m) = resp[5] else {
            panic!("{:?}", resp[5])
        };
        assert_eq!(m.header.return_value, ErrorCode::NULL_DESTINATION_OBJECT);
        assert_eq!(m.dest_handle_index, Some(4));
        assert_eq!(rv(&resp[6]), ErrorCode::SUCCESS);
        assert_eq!(
            rv(&resp[7]),
            ErrorCode::ACCESS_DENIED,
            "special folders stay"
        );
        with_alice(&b, |mb| {
            assert!(mb.find_child(inbox, "Projects copy").unwrap().is_some());
            assert_eq!(mb.find_child(drafts, "Moved").unwrap(), Some(new));
            assert_eq!(mb.find_child(ipm, "Projects").unwrap(), None);
        });
        let (resp, _) = s.run(
            &[
                open(drafts, 0, 1),
                RopRequest::DeleteFolder(DeleteFolderRequest {
                    logon_id: 0,
                    input_handle_index: 1,
                    delete_folder_flags: DeleteFolderFlags(
                        DeleteFolderFlags::DEL_FOLDERS.0 | DeleteFolderFlags::DEL_MESSAGES.0,
                    ),
                    folder_id: new,
                }),
            ],
            &[logon, NONE],
        );
        let RopResponse::DeleteFolder(p) = resp[1] else {
            panic!("{:?}", resp[1])
        };
        assert_eq!(p.header.return_value, ErrorCode::SUCCESS);
        assert!(!p.partial_completion);
        with_alice(&b, |mb| {
            assert_eq!(mb.find_child(drafts, "Moved").unwrap(), None)
        });
    }

    #[test]
    fn move_copy_delete_messages() {
        let b = testkit::backend();
        let (mut s, logon) = alice(&b);
        let inbox = special(&b, SpecialFolder::Inbox);
        let drafts = special(&b, SpecialFolder::Drafts);
        let mids = with_alice(&b, |mb| mb.message_ids(inbox, false).unwrap());
        let mc = |ids: Vec<MessageId>, copy: bool| {
            RopRequest::MoveCopyMessages(MoveCopyMessagesRequest {
                logon_id: 0,
                source_handle_index: 1,
                dest_handle_index: 2,
                message_ids: ids,
                want_asynchronous: false,
                want_copy: copy,
            })
        };
        let (resp, _) = s.run(
            &[
                open(inbox, 0, 1),
                open(drafts, 0, 2),
                mc(vec![mids[0], mids[1]], true),
                mc(vec![mids[2], MessageId(0x4242_0000_0000_0001)], false),
                RopRequest::DeleteMessages(DeleteMessagesRequest {
                    logon_id: 0,
                    input_handle_index: 1,
                    want_asynchronous: false,
                    notify_non_read: false,
                    message_ids: vec![mids[3], mids[2]],
                }),
            ],
            &[logon, NONE, NONE],
        );
        let RopResponse::MoveCopyMessages(copy) = resp[2] else {
            panic!("{:?}", resp[2])
        };
        assert_eq!(copy.header.return_value, ErrorCode::SUCCESS);
        assert!(!copy.partial_completion);
        let RopResponse::MoveCopyMessages(mv) = resp[3] else {
            panic!("{:?}", resp[3])
        };
        assert!(mv.partial_completion, "an id not in the folder");
        let RopResponse::DeleteMessages(del) = resp[4] else {
            panic!("{:?}", resp[4])
        };
        assert!(del.partial_completion, "mids[2] had moved away");
        with_alice(&b, |mb| {
            let n = message_count(SpecialFolder::Inbox);
            assert_eq!(mb.message_ids(inbox, false).unwrap().len(), n - 2);
            assert_eq!(
                mb.message_ids(drafts, false).unwrap().len(),
                message_count(SpecialFolder::Drafts) + 3
            );
        });
    }

    #[test]
    fn search_criteria_round_trip() {
        let b = testkit::backend();
        let (mut s, logon) = alice(&b);
        let ipm = special(&b, SpecialFolder::IpmSubtree);
        let inbox = special(&b, SpecialFolder::Inbox);
        let get = |input: u8| {
            RopRequest::GetSearchCriteria(GetSearchCriteriaRequest {
                logon_id: 0,
                input_handle_index: input,
                use_unicode: true,
                include_restriction: true,
                include_folders: true,
            })
        };
        let (resp, _) = s.run(
            &[
                open(ipm, 0, 1),
                create(
                    FolderName::Unicode("Finder".into()),
                    false,
                    FolderType::SEARCH,
                ),
                get(2),
                RopRequest::SetSearchCriteria(SetSearchCriteriaRequest {
                    logon_id: 0,
                    input_handle_index: 2,
                    restriction: None,
                    folder_ids: vec![inbox],
                    search_flags: SearchFlags::RESTART_SEARCH,
                }),
                get(2),
                get(1),
            ],
            &[logon, NONE, NONE],
        );
        assert_eq!(rv(&resp[2]), ErrorCode::NOT_INITIALIZED);
        assert_eq!(rv(&resp[3]), ErrorCode::SUCCESS);
        let RopResponse::GetSearchCriteria(GetSearchCriteriaResponse::Success {
            folder_ids,
            search_flags,
            ..
        }) = &resp[4]
        else {
            panic!("{:?}", resp[4])
        };
        assert_eq!(folder_ids, &vec![inbox]);
        assert_ne!(search_flags.0 & SearchState::COMPLETE.0, 0);
        assert_eq!(rv(&resp[5]), ErrorCode::NOT_SEARCH_FOLDER);
    }
}
