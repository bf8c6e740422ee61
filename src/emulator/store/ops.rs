//! Folder and message operations with Exchange's failure codes (MS-OXCFOLD 3.2.5,
//! MS-OXCMSG 3.2.5).

use std::collections::BTreeSet;

use crate::wire::ErrorCode;
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::property::tags as t;
use crate::wire::property::{PropertyTag, PropertyValue};
use crate::wire::restriction::Restriction;

use super::mailbox::{Mailbox, ObjHandle};
use super::model::{
    Attachment, Folder, FolderKind, MessageContent, Recipient, SearchCriteria, StoredMessage,
    message_flags, read_flags, search_state,
};
use super::objects::{OpenAttachment, OpenMessage, OpenObject};
use super::props::PropBag;
use super::restrict::{MessageRow, evaluate};

/// RopDeleteFolder's DeleteFolderFlags (MS-OXCFOLD 2.2.1.3.1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeleteFolderFlags {
    /// DEL_MESSAGES (0x01).
    pub messages: bool,
    /// DEL_FOLDERS (0x04).
    pub folders: bool,
    /// DELETE_HARD_DELETE (0x10).
    pub hard: bool,
}

impl DeleteFolderFlags {
    /// From the wire byte.
    pub fn from_bits(b: u8) -> Self {
        Self {
            messages: b & 0x01 != 0,
            folders: b & 0x04 != 0,
            hard: b & 0x10 != 0,
        }
    }
}

impl Mailbox {
    // ---- folders ----

    /// RopOpenFolder: checks the folder exists (ecNotFound otherwise); whether it has
    /// rules (always false here) is RopOpenFolder's HasRules.
    pub fn open_folder(&self, fid: FolderId) -> Result<(), ErrorCode> {
        self.folder_counter(fid).map(|_| ())
    }

    /// The parent of a folder (`None` for the root).
    pub fn parent_folder(&self, fid: FolderId) -> Result<Option<FolderId>, ErrorCode> {
        let c = self.folder_counter(fid)?;
        Ok(self.folder(c)?.parent.map(Self::fid))
    }

    /// RopCreateFolder (MS-OXCFOLD 3.2.5.2). A sibling with the same display name
    /// (case-insensitive) is returned with `true` when `open_existing`, else ecDuplicateName
    /// (0x80040604). Search folders cannot be created in the public store (ecNotSupported)
    /// nor under a search folder (ecNotSupported). An empty name is ecInvalidParam.
    pub fn create_folder(
        &mut self,
        parent: FolderId,
        kind: FolderKind,
        name: &str,
        comment: &str,
        open_existing: bool,
    ) -> Result<(FolderId, bool), ErrorCode> {
        let p = self.folder_counter(parent)?;
        if name.is_empty() || kind == FolderKind::Root {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        if self.folder(p)?.kind == FolderKind::Search
            || (kind == FolderKind::Search && self.is_public())
        {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        if let Some(existing) = self.child_named(p, name) {
            if open_existing && self.folder(existing)?.kind == kind {
                return Ok((Self::fid(existing), true));
            }
            return Err(ErrorCode::COLLIDING_NAMES);
        }
        let c = self.alloc_counter();
        // Child folders inherit the parent's container class unless they say otherwise.
        let class = self
            .folder(p)?
            .props
            .str(t::PID_TAG_CONTAINER_CLASS)
            .map(str::to_owned);
        self.new_folder(c, Some(p), name, kind, class.as_deref());
        if !comment.is_empty() {
            self.folder_mut(c)?.props.put(t::PID_TAG_COMMENT, comment);
        }
        self.bump_folder(p);
        Ok((Self::fid(c), false))
    }

    pub(super) fn bump_folder(&mut self, c: u64) {
        let now = self.touch();
        let cn = self.alloc_counter();
        if let Some(f) = self.folders.get_mut(&c) {
            f.modified = now;
            f.change_number = cn;
        }
    }

    fn subtree(&self, c: u64) -> Vec<u64> {
        let mut out = vec![c];
        let mut i = 0;
        while let Some(x) = out.get(i).copied() {
            if let Some(f) = self.folders.get(&x) {
                out.extend(f.children.iter().copied());
            }
            i += 1;
        }
        out
    }

    /// RopDeleteFolder (MS-OXCFOLD 3.2.5.3). Returns PartialCompletion: a folder that still has
    /// messages without DEL_MESSAGES, or subfolders without DEL_FOLDERS, is left in place and
    /// reported as partial. A special folder cannot be deleted (ecAccessDenied); `fid` must be a
    /// child of `parent` (ecNotFound). Soft deletion removes the folder from view like a hard one.
    pub fn delete_folder(
        &mut self,
        parent: FolderId,
        fid: FolderId,
        flags: DeleteFolderFlags,
    ) -> Result<bool, ErrorCode> {
        let p = self.folder_counter(parent)?;
        let c = self.folder_counter(fid)?;
        if self.folder(c)?.parent != Some(p) {
            return Err(ErrorCode::NOT_FOUND);
        }
        if self.is_special(fid) {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        let f = self.folder(c)?;
        if (!f.normal.is_empty() || !f.fai.is_empty()) && !flags.messages {
            return Ok(true);
        }
        if !f.children.is_empty() && !flags.folders {
            return Ok(true);
        }
        for x in self.subtree(c) {
            if let Some(folder) = self.folders.remove(&x) {
                for m in folder.normal.iter().chain(folder.fai.iter()) {
                    self.messages.remove(m);
                }
            }
        }
        if let Some(pf) = self.folders.get_mut(&p) {
            pf.children.remove(&c);
        }
        self.receive.retain(|_, r| r.folder != fid);
        self.bump_folder(p);
        Ok(false)
    }

    /// RopMoveFolder (MS-OXCFOLD 3.2.5.7): moves `fid` from `src_parent` to `dst_parent` with
    /// `new_name`. ecDuplicateName if the destination has a folder of that name; moving a folder
    /// into itself or its own subtree is ecFolderCycle; a special folder is ecAccessDenied.
    pub fn move_folder(
        &mut self,
        src_parent: FolderId,
        dst_parent: FolderId,
        fid: FolderId,
        new_name: &str,
    ) -> Result<(), ErrorCode> {
        let sp = self.folder_counter(src_parent)?;
        let dp = self.folder_counter(dst_parent)?;
        let c = self.folder_counter(fid)?;
        if self.folder(c)?.parent != Some(sp) {
            return Err(ErrorCode::NOT_FOUND);
        }
        if self.is_special(fid) {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        if self.subtree(c).contains(&dp) {
            return Err(ErrorCode::FOLDER_CYCLE);
        }
        if new_name.is_empty() {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        if self.child_named(dp, new_name).is_some_and(|x| x != c) {
            return Err(ErrorCode::COLLIDING_NAMES);
        }
        if let Some(f) = self.folders.get_mut(&sp) {
            f.children.remove(&c);
        }
        if let Some(f) = self.folders.get_mut(&dp) {
            f.children.insert(c);
        }
        let f = self.folder_mut(c)?;
        f.parent = Some(dp);
        f.props.put(t::PID_TAG_DISPLAY_NAME, new_name);
        self.bump_folder(sp);
        self.bump_folder(dp);
        self.bump_folder(c);
        Ok(())
    }

    /// RopCopyFolder (MS-OXCFOLD 3.2.5.8): copies `fid` (with its messages, and its subfolders
    /// when `recursive`) under `dst_parent` as `new_name`. Same errors as
    /// [`Mailbox::move_folder`]; returns the new folder's id.
    pub fn copy_folder(
        &mut self,
        src_parent: FolderId,
        dst_parent: FolderId,
        fid: FolderId,
        new_name: &str,
        recursive: bool,
    ) -> Result<FolderId, ErrorCode> {
        let sp = self.folder_counter(src_parent)?;
        let dp = self.folder_counter(dst_parent)?;
        let c = self.folder_counter(fid)?;
        if self.folder(c)?.parent != Some(sp) {
            return Err(ErrorCode::NOT_FOUND);
        }
        if self.subtree(c).contains(&dp) {
            return Err(ErrorCode::FOLDER_CYCLE);
        }
        if new_name.is_empty() {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        if self.child_named(dp, new_name).is_some() {
            return Err(ErrorCode::COLLIDING_NAMES);
        }
        let new = self.copy_folder_rec(c, dp, recursive)?;
        self.folder_mut(new)?
            .props
            .put(t::PID_TAG_DISPLAY_NAME, new_name);
        self.bump_folder(dp);
        Ok(Self::fid(new))
    }

    fn copy_folder_rec(&mut self, c: u64, parent: u64, recursive: bool) -> Result<u64, ErrorCode> {
        let src: Folder = self.folder(c)?.clone();
        let nc = self.alloc_counter();
        let now = self.touch();
        let cn = self.alloc_counter();
        let mut nf = Folder {
            counter: nc,
            parent: Some(parent),
            props: src.props.clone(),
            kind: src.kind,
            children: BTreeSet::new(),
            normal: BTreeSet::new(),
            fai: BTreeSet::new(),
            search: src.search.clone(),
            change_number: cn,
            created: now,
            modified: now,
        };
        for m in src.normal.iter().chain(src.fai.iter()) {
            if let Some(msg) = self.messages.get(m).cloned() {
                let mc = self.alloc_counter();
                let mcn = self.alloc_counter();
                if msg.associated {
                    nf.fai.insert(mc);
                } else {
                    nf.normal.insert(mc);
                }
                self.messages.insert(
                    mc,
                    StoredMessage {
                        counter: mc,
                        folder: nc,
                        change_number: mcn,
                        ..msg
                    },
                );
            }
        }
        self.folders.insert(nc, nf);
        if let Some(p) = self.folders.get_mut(&parent) {
            p.children.insert(nc);
        }
        if recursive {
            for child in src.children {
                self.copy_folder_rec(child, nc, true)?;
            }
        }
        Ok(nc)
    }

    /// RopEmptyFolder / RopHardDeleteMessagesAndSubfolders (MS-OXCFOLD 3.2.5.9 / 3.2.5.10):
    /// deletes every normal message and subfolder, and FAI messages too with
    /// `delete_associated`. The root and IPM subtree refuse (ecAccessDenied); special
    /// subfolders are kept and make the result partial. Returns PartialCompletion.
    pub fn empty_folder(
        &mut self,
        fid: FolderId,
        delete_associated: bool,
    ) -> Result<bool, ErrorCode> {
        use super::mailbox::SpecialFolder as S;
        let c = self.folder_counter(fid)?;
        if [S::Root, S::IpmSubtree, S::PublicRoot]
            .iter()
            .any(|s| self.special.get(s) == Some(&c))
        {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        let mut partial = false;
        let f = self.folder(c)?.clone();
        for m in f.normal.iter() {
            self.messages.remove(m);
        }
        if delete_associated {
            for m in f.fai.iter() {
                self.messages.remove(m);
            }
        }
        let mut kept = BTreeSet::new();
        for child in f.children.iter().copied() {
            if self.is_special(Self::fid(child)) {
                kept.insert(child);
                partial = true;
                continue;
            }
            for x in self.subtree(child) {
                if let Some(folder) = self.folders.remove(&x) {
                    for m in folder.normal.iter().chain(folder.fai.iter()) {
                        self.messages.remove(m);
                    }
                }
            }
        }
        let folder = self.folder_mut(c)?;
        folder.normal.clear();
        if delete_associated {
            folder.fai.clear();
        }
        folder.children = kept;
        self.bump_folder(c);
        Ok(partial)
    }

    // ---- search folders ----

    /// RopSetSearchCriteria (MS-OXCFOLD 3.2.5.4). On a folder that is not a search folder:
    /// ecNotSearchFolder. An empty folder list on a search folder that has no criteria yet is
    /// ecNotInitialized; folders that do not exist are ecNotFound. `restriction` `None` keeps the
    /// previous restriction (as does an empty folder list keep the previous scope).
    pub fn set_search_criteria(
        &mut self,
        fid: FolderId,
        restriction: Option<Restriction>,
        folders: &[FolderId],
        flags: u32,
    ) -> Result<(), ErrorCode> {
        let c = self.folder_counter(fid)?;
        if self.folder(c)?.kind != FolderKind::Search {
            return Err(ErrorCode::NOT_SEARCH_FOLDER);
        }
        for f in folders {
            let fc = self.folder_counter(*f)?;
            if fc == c {
                return Err(ErrorCode::SEARCH_FOLDER_SCOPE_VIOLATION);
            }
        }
        let prev = self.folder(c)?.search.clone();
        let (restriction, scope) = match prev {
            Some(p) => (
                restriction.or(p.restriction),
                if folders.is_empty() {
                    p.folders
                } else {
                    folders.to_vec()
                },
            ),
            None => {
                if folders.is_empty() {
                    return Err(ErrorCode::NOT_INITIALIZED);
                }
                (restriction, folders.to_vec())
            }
        };
        self.folder_mut(c)?.search = Some(SearchCriteria {
            restriction,
            folders: scope,
            flags,
        });
        self.bump_folder(c);
        Ok(())
    }

    /// RopGetSearchCriteria: the restriction, the folder list and the SearchFlags state
    /// (SEARCH_COMPLETE, plus SEARCH_RECURSIVE when set; SEARCH_RUNNING never, since results
    /// are computed on demand). ecNotSearchFolder for a generic folder; ecNotInitialized when
    /// criteria were never set.
    pub fn get_search_criteria(
        &self,
        fid: FolderId,
    ) -> Result<(Option<Restriction>, Vec<FolderId>, u32), ErrorCode> {
        let c = self.folder_counter(fid)?;
        let f = self.folder(c)?;
        if f.kind != FolderKind::Search {
            return Err(ErrorCode::NOT_SEARCH_FOLDER);
        }
        let s = f.search.as_ref().ok_or(ErrorCode::NOT_INITIALIZED)?;
        let mut state = search_state::COMPLETE;
        if s.flags & SearchCriteria::RECURSIVE_SEARCH != 0 {
            state |= search_state::RECURSIVE;
        }
        if s.flags & SearchCriteria::STOP_SEARCH != 0 {
            state = search_state::STATIC | search_state::COMPLETE;
        }
        Ok((s.restriction.clone(), s.folders.clone(), state))
    }

    /// The messages a search folder currently finds (its contents table rows).
    pub(super) fn search_results(&self, c: u64) -> Vec<u64> {
        let Some(s) = self.folders.get(&c).and_then(|f| f.search.as_ref()) else {
            return Vec::new();
        };
        let mut scope: Vec<u64> = Vec::new();
        for f in &s.folders {
            if let Ok(fc) = self.folder_counter(*f) {
                if s.flags & SearchCriteria::RECURSIVE_SEARCH != 0 {
                    scope.extend(self.subtree(fc));
                } else {
                    scope.push(fc);
                }
            }
        }
        scope.sort_unstable();
        scope.dedup();
        let mut out = Vec::new();
        for fc in scope {
            if fc == c
                || self
                    .folders
                    .get(&fc)
                    .is_none_or(|f| f.kind == FolderKind::Search)
            {
                continue;
            }
            for m in self
                .folders
                .get(&fc)
                .map(|f| f.normal.iter())
                .into_iter()
                .flatten()
            {
                let matches = match &s.restriction {
                    None => true,
                    Some(r) => self.stored_ctx(*m).is_some_and(|ctx| {
                        evaluate(
                            r,
                            &MessageRow { mb: self, m: &ctx },
                            &mut Default::default(),
                        )
                        .unwrap_or(false)
                    }),
                };
                if matches {
                    out.push(*m);
                }
            }
        }
        out.sort_unstable();
        out
    }

    // ---- messages ----

    /// RopOpenMessage (MS-OXCMSG 3.2.5.1): opens a saved message of folder `fid`. ecNotFound if
    /// the message is not in that folder. The instance must be released.
    pub fn open_message(
        &mut self,
        fid: FolderId,
        mid: MessageId,
        writable: bool,
    ) -> Result<ObjHandle, ErrorCode> {
        let fc = self.folder_counter(fid)?;
        let c = self.message_counter(mid)?;
        let m = self.messages.get(&c).ok_or(ErrorCode::NOT_FOUND)?;
        let in_search = self
            .folders
            .get(&fc)
            .is_some_and(|f| f.kind == FolderKind::Search && self.search_results(fc).contains(&c));
        if m.folder != fc && !in_search {
            return Err(ErrorCode::NOT_FOUND);
        }
        let o = OpenMessage {
            folder: m.folder,
            counter: Some(c),
            associated: m.associated,
            content: m.content.clone(),
            writable,
            parent_attachment: None,
        };
        Ok(self.add_instance(OpenObject::Message(o)))
    }

    /// RopCreateMessage (MS-OXCMSG 3.2.5.2): a new message in `fid`, not visible until saved.
    /// Search folders refuse (ecNotSupported).
    pub fn create_message(
        &mut self,
        fid: FolderId,
        associated: bool,
    ) -> Result<ObjHandle, ErrorCode> {
        let fc = self.folder_counter(fid)?;
        if self.folder(fc)?.kind == FolderKind::Search {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        let now = self.clock;
        let mut props = PropBag::new();
        let mut flags = message_flags::UNSENT | message_flags::READ;
        if associated {
            flags |= message_flags::FAI;
        }
        props.put(t::PID_TAG_MESSAGE_FLAGS, flags);
        props.put(t::PID_TAG_CREATION_TIME, now);
        props.put(t::PID_TAG_LAST_MODIFICATION_TIME, now);
        props.put(t::PID_TAG_IMPORTANCE, 1i32);
        props.put(t::PID_TAG_SENSITIVITY, 0i32);
        props.put(t::PID_TAG_MESSAGE_CLASS, "IPM.Note");
        let o = OpenMessage {
            folder: fc,
            counter: None,
            associated,
            content: MessageContent {
                props,
                ..Default::default()
            },
            writable: true,
            parent_attachment: None,
        };
        Ok(self.add_instance(OpenObject::Message(o)))
    }

    /// RopSaveChangesMessage (MS-OXCMSG 3.2.5.3): writes the instance back. A new message gets
    /// its MessageId here. An embedded message is written into its (open) attachment
    /// instance. Read-only instance: ecAccessDenied. A message deleted meanwhile:
    /// ecObjectDeleted. Returns the message id (for an embedded one, that of the top-level
    /// message once it is saved, or 0).
    pub fn save_message(&mut self, h: ObjHandle) -> Result<MessageId, ErrorCode> {
        let OpenObject::Message(m) = self.instance(h)?.clone() else {
            return Err(ErrorCode::NOT_SUPPORTED);
        };
        if !m.writable {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        let now = self.touch();
        let mut content = m.content.clone();
        content.props.put(t::PID_TAG_LAST_MODIFICATION_TIME, now);
        if let Some(ah) = m.parent_attachment {
            let OpenObject::Attachment(a) = self.instance_mut(ah)? else {
                return Err(ErrorCode::NULL_OBJECT);
            };
            a.content.embedded = Some(Box::new(content));
            return Ok(MessageId(0));
        }
        self.folder_counter(Self::fid(m.folder))?;
        let cn = self.alloc_counter();
        let c = match m.counter {
            Some(c) => {
                let stored = self.messages.get_mut(&c).ok_or(ErrorCode::OBJECT_DELETED)?;
                stored.content = content;
                stored.change_number = cn;
                c
            }
            None => {
                let c = self.alloc_counter();
                self.messages.insert(
                    c,
                    StoredMessage {
                        counter: c,
                        folder: m.folder,
                        associated: m.associated,
                        content,
                        change_number: cn,
                        status: 0,
                    },
                );
                let f = self.folder_mut(m.folder)?;
                if m.associated {
                    f.fai.insert(c);
                } else {
                    f.normal.insert(c);
                }
                if let OpenObject::Message(inst) = self.instance_mut(h)? {
                    inst.counter = Some(c);
                }
                c
            }
        };
        self.bump_folder(m.folder);
        Ok(Self::mid(c))
    }

    /// RopDeleteMessages / RopHardDeleteMessages (MS-OXCFOLD 3.2.5.11): deletes the listed
    /// messages of `fid`. Ids not in the folder are skipped and make the result partial.
    pub fn delete_messages(
        &mut self,
        fid: FolderId,
        mids: &[MessageId],
    ) -> Result<bool, ErrorCode> {
        let fc = self.folder_counter(fid)?;
        let mut partial = false;
        for mid in mids {
            let Ok(c) = self.message_counter(*mid) else {
                partial = true;
                continue;
            };
            if self.messages.get(&c).map(|m| m.folder) != Some(fc) {
                partial = true;
                continue;
            }
            self.messages.remove(&c);
            let f = self.folder_mut(fc)?;
            f.normal.remove(&c);
            f.fai.remove(&c);
        }
        self.bump_folder(fc);
        Ok(partial)
    }

    /// RopMoveCopyMessages (MS-OXCFOLD 3.2.5.6): moves (or copies) the listed messages of
    /// `src` to `dst`. Ids not in `src` make the result partial. Moving to a search folder is
    /// ecNotSupported. Returns PartialCompletion and the new ids of copies/moves in order.
    pub fn move_copy_messages(
        &mut self,
        src: FolderId,
        dst: FolderId,
        mids: &[MessageId],
        copy: bool,
    ) -> Result<(bool, Vec<MessageId>), ErrorCode> {
        let sc = self.folder_counter(src)?;
        let dc = self.folder_counter(dst)?;
        if self.folder(dc)?.kind == FolderKind::Search {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        let mut partial = false;
        let mut out = Vec::new();
        for mid in mids {
            let Ok(c) = self.message_counter(*mid) else {
                partial = true;
                continue;
            };
            let Some(msg) = self.messages.get(&c).cloned() else {
                partial = true;
                continue;
            };
            if msg.folder != sc {
                partial = true;
                continue;
            }
            if !copy && sc == dc {
                out.push(*mid);
                continue;
            }
            let nc = self.alloc_counter();
            let cn = self.alloc_counter();
            if !copy {
                self.messages.remove(&c);
                let f = self.folder_mut(sc)?;
                f.normal.remove(&c);
                f.fai.remove(&c);
            }
            let d = self.folder_mut(dc)?;
            if msg.associated {
                d.fai.insert(nc);
            } else {
                d.normal.insert(nc);
            }
            self.messages.insert(
                nc,
                StoredMessage {
                    counter: nc,
                    folder: dc,
                    change_number: cn,
                    ..msg
                },
            );
            out.push(Self::mid(nc));
        }
        self.bump_folder(sc);
        self.bump_folder(dc);
        Ok((partial, out))
    }

    fn apply_read_flags(flags_prop: i32, rf: u8) -> i32 {
        let mut f = flags_prop;
        if rf & read_flags::GENERATE_RECEIPT_ONLY != 0 {
            return f & !message_flags::NOTIFY_READ;
        }
        if rf & read_flags::CLEAR_READ_FLAG != 0 {
            f &= !message_flags::READ;
        } else {
            f |= message_flags::READ | message_flags::EVER_READ;
        }
        if rf & (read_flags::SUPPRESS_RECEIPT | read_flags::CLEAR_NOTIFY_READ) != 0 {
            f &= !message_flags::NOTIFY_READ;
        }
        if rf & (read_flags::SUPPRESS_RECEIPT | read_flags::CLEAR_NOTIFY_UNREAD) != 0 {
            f &= !message_flags::NOTIFY_UNREAD;
        }
        f
    }

    /// RopSetReadFlags (MS-OXCMSG 3.2.5.10): changes mfRead on the listed messages of `fid`
    /// (every normal message when `mids` is empty). Ids not in the folder make it partial.
    pub fn set_read_flags(
        &mut self,
        fid: FolderId,
        mids: &[MessageId],
        rf: u8,
    ) -> Result<bool, ErrorCode> {
        let fc = self.folder_counter(fid)?;
        let targets: Vec<Option<u64>> = if mids.is_empty() {
            self.folder(fc)?.normal.iter().map(|c| Some(*c)).collect()
        } else {
            mids.iter()
                .map(|m| {
                    self.message_counter(*m)
                        .ok()
                        .filter(|c| self.messages.get(c).map(|x| x.folder) == Some(fc))
                })
                .collect()
        };
        let mut partial = false;
        for t in targets {
            let Some(c) = t else {
                partial = true;
                continue;
            };
            if let Some(m) = self.messages.get_mut(&c) {
                let f = m.content.props.i32(t::PID_TAG_MESSAGE_FLAGS).unwrap_or(0);
                m.content
                    .props
                    .put(t::PID_TAG_MESSAGE_FLAGS, Self::apply_read_flags(f, rf));
            }
        }
        self.touch();
        Ok(partial)
    }

    /// RopSetMessageReadFlag (MS-OXCMSG 3.2.5.11) on an open message: changes mfRead on the
    /// instance and, for a saved message, on the stored one at once. Returns ReadStatusChanged.
    pub fn set_message_read_flag(&mut self, h: ObjHandle, rf: u8) -> Result<bool, ErrorCode> {
        let OpenObject::Message(m) = self.instance_mut(h)? else {
            return Err(ErrorCode::NOT_SUPPORTED);
        };
        let before = m.content.props.i32(t::PID_TAG_MESSAGE_FLAGS).unwrap_or(0);
        let after = Self::apply_read_flags(before, rf);
        m.content.props.put(t::PID_TAG_MESSAGE_FLAGS, after);
        let counter = m.counter;
        if let Some(c) = counter
            && let Some(s) = self.messages.get_mut(&c)
        {
            s.content.props.put(t::PID_TAG_MESSAGE_FLAGS, after);
        }
        self.touch();
        Ok((before ^ after) & message_flags::READ != 0)
    }

    /// RopSetMessageStatus (MS-OXCMSG 3.2.5.7): sets the bits of `mask` to those of `status`;
    /// returns the previous status.
    pub fn set_message_status(
        &mut self,
        fid: FolderId,
        mid: MessageId,
        status: u32,
        mask: u32,
    ) -> Result<u32, ErrorCode> {
        let fc = self.folder_counter(fid)?;
        let c = self.message_counter(mid)?;
        let m = self.messages.get_mut(&c).ok_or(ErrorCode::NOT_FOUND)?;
        if m.folder != fc {
            return Err(ErrorCode::NOT_FOUND);
        }
        let old = m.status;
        m.status = (old & !mask) | (status & mask);
        self.touch();
        Ok(old)
    }

    /// RopGetMessageStatus (MS-OXCMSG 3.2.5.8).
    pub fn get_message_status(&self, fid: FolderId, mid: MessageId) -> Result<u32, ErrorCode> {
        let fc = self.folder_counter(fid)?;
        let c = self.message_counter(mid)?;
        let m = self.messages.get(&c).ok_or(ErrorCode::NOT_FOUND)?;
        if m.folder != fc {
            return Err(ErrorCode::NOT_FOUND);
        }
        Ok(m.status)
    }

    // ---- recipients (MS-OXCMSG 3.2.5.4 - 3.2.5.6) ----

    fn open_msg_mut(&mut self, h: ObjHandle) -> Result<&mut OpenMessage, ErrorCode> {
        match self.instance_mut(h)? {
            OpenObject::Message(m) => Ok(m),
            OpenObject::Attachment(_) => Err(ErrorCode::NOT_SUPPORTED),
        }
    }

    fn open_msg(&self, h: ObjHandle) -> Result<&OpenMessage, ErrorCode> {
        match self.instance(h)? {
            OpenObject::Message(m) => Ok(m),
            OpenObject::Attachment(_) => Err(ErrorCode::NOT_SUPPORTED),
        }
    }

    /// RopModifyRecipients: each row (RowId, properties) replaces or adds the recipient with
    /// that RowId; a row with no properties removes it. Read-only instance: ecAccessDenied.
    pub fn modify_recipients(
        &mut self,
        h: ObjHandle,
        rows: &[(u32, Vec<(PropertyTag, PropertyValue)>)],
        cp: u32,
    ) -> Result<(), ErrorCode> {
        let m = self.open_msg_mut(h)?;
        if !m.writable {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        for (row_id, props) in rows {
            m.content.recipients.retain(|r| r.row_id != *row_id);
            if props.is_empty() {
                continue;
            }
            let mut bag = PropBag::new();
            for (tag, v) in props {
                bag.set(*tag, v.clone(), cp);
            }
            m.content.recipients.push(Recipient {
                row_id: *row_id,
                props: bag,
            });
        }
        m.content.recipients.sort_by_key(|r| r.row_id);
        Ok(())
    }

    /// RopRemoveAllRecipients.
    pub fn remove_all_recipients(&mut self, h: ObjHandle) -> Result<(), ErrorCode> {
        let m = self.open_msg_mut(h)?;
        if !m.writable {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        m.content.recipients.clear();
        Ok(())
    }

    /// RopReadRecipients: the recipients from RowId `start_row_id` on (at most `max`).
    /// ecNotFound when there is none at or after that row.
    pub fn read_recipients(
        &self,
        h: ObjHandle,
        start_row_id: u32,
        max: usize,
    ) -> Result<Vec<Recipient>, ErrorCode> {
        let m = self.open_msg(h)?;
        let v: Vec<Recipient> = m
            .content
            .recipients
            .iter()
            .filter(|r| r.row_id >= start_row_id)
            .take(max)
            .cloned()
            .collect();
        if v.is_empty() {
            return Err(ErrorCode::NOT_FOUND);
        }
        Ok(v)
    }

    /// All recipients of an open message (RopOpenMessage's recipient rows).
    pub fn recipients(&self, h: ObjHandle) -> Result<&[Recipient], ErrorCode> {
        Ok(&self.open_msg(h)?.content.recipients)
    }

    // ---- attachments (MS-OXCMSG 3.2.5.12 - 3.2.5.17) ----

    /// RopCreateAttachment: a new attachment instance of message `h` with the next
    /// PidTagAttachNumber; visible in the message once saved (RopSaveChangesAttachment).
    pub fn create_attachment(&mut self, h: ObjHandle) -> Result<(ObjHandle, u32), ErrorCode> {
        let m = self.open_msg_mut(h)?;
        if !m.writable {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        let num = m.content.next_attach_num;
        m.content.next_attach_num += 1;
        let mut props = PropBag::new();
        props.put(t::PID_TAG_ATTACH_METHOD, 0i32);
        props.put(t::PID_TAG_RENDERING_POSITION, -1i32);
        let a = OpenAttachment {
            message: h,
            content: Attachment {
                num,
                props,
                embedded: None,
            },
            writable: true,
        };
        Ok((self.add_instance(OpenObject::Attachment(a)), num))
    }

    /// RopOpenAttachment: attachment `num` of message `h` (ecNotFound if absent).
    pub fn open_attachment(
        &mut self,
        h: ObjHandle,
        num: u32,
        writable: bool,
    ) -> Result<ObjHandle, ErrorCode> {
        let m = self.open_msg(h)?;
        let a = m
            .content
            .attachments
            .iter()
            .find(|a| a.num == num)
            .cloned()
            .ok_or(ErrorCode::NOT_FOUND)?;
        let writable = writable && m.writable;
        Ok(self.add_instance(OpenObject::Attachment(OpenAttachment {
            message: h,
            content: a,
            writable,
        })))
    }

    /// RopSaveChangesAttachment: writes the attachment into its message instance (the
    /// message must still be saved to persist it).
    pub fn save_attachment(&mut self, ah: ObjHandle) -> Result<(), ErrorCode> {
        let OpenObject::Attachment(a) = self.instance(ah)?.clone() else {
            return Err(ErrorCode::NOT_SUPPORTED);
        };
        if !a.writable {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        let m = self.open_msg_mut(a.message)?;
        m.content.attachments.retain(|x| x.num != a.content.num);
        m.content.attachments.push(a.content);
        m.content.attachments.sort_by_key(|x| x.num);
        Ok(())
    }

    /// RopDeleteAttachment: removes attachment `num` from message instance `h`.
    pub fn delete_attachment(&mut self, h: ObjHandle, num: u32) -> Result<(), ErrorCode> {
        let m = self.open_msg_mut(h)?;
        if !m.writable {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        let before = m.content.attachments.len();
        m.content.attachments.retain(|a| a.num != num);
        if m.content.attachments.len() == before {
            return Err(ErrorCode::NOT_FOUND);
        }
        Ok(())
    }

    /// RopOpenEmbeddedMessage: the message inside attachment `ah`. With `create` an
    /// attachment without one gets a new empty message (and PidTagAttachMethod 5); without it,
    /// ecNotFound.
    pub fn open_embedded(&mut self, ah: ObjHandle, create: bool) -> Result<ObjHandle, ErrorCode> {
        let OpenObject::Attachment(a) = self.instance_mut(ah)? else {
            return Err(ErrorCode::NOT_SUPPORTED);
        };
        let writable = a.writable;
        let parent_msg = a.message;
        let content = match &a.content.embedded {
            Some(e) => (**e).clone(),
            None if create && writable => {
                a.content.props.put(
                    t::PID_TAG_ATTACH_METHOD,
                    super::model::attach_method::EMBEDDED_MESSAGE,
                );
                let mut props = PropBag::new();
                props.put(t::PID_TAG_MESSAGE_CLASS, "IPM.Note");
                props.put(
                    t::PID_TAG_MESSAGE_FLAGS,
                    message_flags::UNSENT | message_flags::READ,
                );
                MessageContent {
                    props,
                    ..Default::default()
                }
            }
            None => return Err(ErrorCode::NOT_FOUND),
        };
        let folder = self.open_msg(parent_msg)?.folder;
        Ok(self.add_instance(OpenObject::Message(OpenMessage {
            folder,
            counter: None,
            associated: false,
            content,
            writable,
            parent_attachment: Some(ah),
        })))
    }

    /// The attachments of an open message (for its attachment table).
    pub fn attachments(&self, h: ObjHandle) -> Result<&[Attachment], ErrorCode> {
        Ok(&self.open_msg(h)?.content.attachments)
    }

    /// The number of an open attachment instance.
    pub fn attachment_number(&self, ah: ObjHandle) -> Result<u32, ErrorCode> {
        match self.instance(ah)? {
            OpenObject::Attachment(a) => Ok(a.content.num),
            OpenObject::Message(_) => Err(ErrorCode::NOT_SUPPORTED),
        }
    }

    /// The normal messages of a folder in creation order (ids).
    pub fn message_ids(
        &self,
        fid: FolderId,
        associated: bool,
    ) -> Result<Vec<MessageId>, ErrorCode> {
        let c = self.folder_counter(fid)?;
        let f = self.folder(c)?;
        let set = if associated { &f.fai } else { &f.normal };
        Ok(set.iter().map(|c| Self::mid(*c)).collect())
    }

    /// The subfolders of a folder in creation order.
    pub fn child_folders(&self, fid: FolderId) -> Result<Vec<FolderId>, ErrorCode> {
        let c = self.folder_counter(fid)?;
        Ok(self
            .folder(c)?
            .children
            .iter()
            .map(|c| Self::fid(*c))
            .collect())
    }

    /// Finds a subfolder by display name (case-insensitive).
    pub fn find_child(&self, parent: FolderId, name: &str) -> Result<Option<FolderId>, ErrorCode> {
        let p = self.folder_counter(parent)?;
        Ok(self.child_named(p, name).map(Self::fid))
    }
}
