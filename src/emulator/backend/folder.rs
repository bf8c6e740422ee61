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

/// Until the logon/notify helper's `EventHub::publish` lands on this branch, events raised
/// here go through this stand-in, which drops them. Once the real inherent method exists it
/// takes precedence and this trait can be deleted.
trait PublishStandIn {
    fn publish(&self, event: StoreEvent);
}

impl PublishStandIn for super::EventHub {
    fn publish(&self, _event: StoreEvent) {}
}

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
