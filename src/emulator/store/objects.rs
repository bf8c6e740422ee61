//! Property access on stores, folders, messages, attachments and recipients, with the
//! properties the store computes (MS-OXCFOLD 2.2.2, MS-OXCMSG 2.2.1, MS-OXCPRPT 3.2.5).

use crate::wire::entry_id::{FolderId, GlobalCounter, MessageId};
use crate::wire::property::row::FlaggedPropertyRow;
use crate::wire::property::tags as t;
use crate::wire::property::{
    FlaggedPropertyValue, PropertyProblem, PropertyRow, PropertyTag, PropertyType, PropertyValue,
    StandardPropertyRow, TaggedPropertyValue,
};
use crate::wire::{ErrorCode, Wire};

use super::PID_TAG_FOLDER_CHILD_COUNT;
use super::mailbox::{Mailbox, ObjHandle, ObjectRef};
use super::model::{Attachment, FolderKind, MessageContent, message_flags};
use super::props::{PropBag, coerce, is_read_only, value_size};

/// A message, attachment or embedded message the store holds open for a client.
///
/// Changes go to this instance only; RopSaveChangesMessage / RopSaveChangesAttachment copy
/// them to where the object lives (MS-OXCMSG 3.2.5.3: nothing is visible before the save).
#[derive(Debug, Clone)]
pub enum OpenObject {
    /// A message (top-level, or embedded in an attachment).
    Message(OpenMessage),
    /// An attachment of an open message.
    Attachment(OpenAttachment),
}

/// An open message instance.
#[derive(Debug, Clone)]
pub struct OpenMessage {
    /// The folder the message is (or will be saved) in.
    pub folder: u64,
    /// The message's counter once saved; `None` for a created, never saved message.
    pub counter: Option<u64>,
    /// Whether it is (to be) an FAI message.
    pub associated: bool,
    /// The working copy.
    pub content: MessageContent,
    /// Whether the client may change it.
    pub writable: bool,
    /// For an embedded message: the handle of the open attachment holding it.
    pub parent_attachment: Option<ObjHandle>,
}

/// An open attachment instance.
#[derive(Debug, Clone)]
pub struct OpenAttachment {
    /// The open message it belongs to.
    pub message: ObjHandle,
    /// The working copy (number, properties, embedded message).
    pub content: Attachment,
    /// Whether the client may change it.
    pub writable: bool,
}

/// Identity around a message's content, for computing its properties.
pub(super) struct MsgCtx<'a> {
    pub content: &'a MessageContent,
    pub folder: u64,
    pub counter: Option<u64>,
    pub associated: bool,
    pub status: u32,
    pub change_number: Option<u64>,
    pub embedded: bool,
}

fn xid(guid: &uuid::Uuid, counter: u64) -> Vec<u8> {
    let mut v = guid.to_bytes_le().to_vec();
    v.extend_from_slice(&GlobalCounter::from_u64(counter).unwrap_or_default().0);
    v
}

fn is(tag: PropertyTag, id: PropertyTag) -> bool {
    tag.id() == id.id()
}

impl Mailbox {
    pub(super) fn folder_computed(&self, c: u64, tag: PropertyTag) -> Option<PropertyValue> {
        let f = self.folders.get(&c)?;
        let fid = Self::fid(c);
        let id = tag.id();
        let v = if is(tag, t::PID_TAG_FOLDER_ID) {
            PropertyValue::Integer64(fid.0 as i64)
        } else if is(tag, t::PID_TAG_PARENT_FOLDER_ID) {
            PropertyValue::Integer64(Self::fid(f.parent?).0 as i64)
        } else if is(tag, t::PID_TAG_ENTRY_ID) || is(tag, t::PID_TAG_RECORD_KEY) {
            PropertyValue::binary(self.folder_entry_id_bytes(c))
        } else if is(tag, t::PID_TAG_PARENT_ENTRY_ID) {
            PropertyValue::binary(self.folder_entry_id_bytes(f.parent.unwrap_or(c)))
        } else if is(tag, t::PID_TAG_CONTENT_COUNT) {
            PropertyValue::Integer32(self.content_count(c) as i32)
        } else if is(tag, t::PID_TAG_CONTENT_UNREAD_COUNT) {
            PropertyValue::Integer32(self.unread_count(c) as i32)
        } else if is(tag, t::PID_TAG_ASSOCIATED_CONTENT_COUNT) {
            PropertyValue::Integer32(f.fai.len() as i32)
        } else if is(tag, t::PID_TAG_SUBFOLDERS) {
            PropertyValue::Boolean(!f.children.is_empty())
        } else if id == PID_TAG_FOLDER_CHILD_COUNT.id() && tag.value_type() != PropertyType::BINARY
        {
            PropertyValue::Integer32(f.children.len() as i32)
        } else if is(tag, t::PID_TAG_LAST_MODIFICATION_TIME) {
            PropertyValue::Time(f.modified)
        } else if is(tag, t::PID_TAG_CREATION_TIME) {
            PropertyValue::Time(f.created)
        } else if is(tag, t::PID_TAG_CHANGE_KEY) {
            PropertyValue::binary(xid(&self.repl_guid, f.change_number))
        } else if is(tag, t::PID_TAG_PREDECESSOR_CHANGE_LIST) {
            let x = xid(&self.repl_guid, f.change_number);
            let mut v = vec![x.len() as u8];
            v.extend_from_slice(&x);
            PropertyValue::binary(v)
        } else if is(tag, t::PID_TAG_CHANGE_NUMBER) {
            PropertyValue::Integer64(Self::fid(f.change_number).0 as i64)
        } else if is(tag, t::PID_TAG_SOURCE_KEY) {
            PropertyValue::binary(xid(&self.repl_guid, c))
        } else if is(tag, t::PID_TAG_PARENT_SOURCE_KEY) {
            PropertyValue::binary(
                f.parent
                    .map(|p| xid(&self.repl_guid, p))
                    .unwrap_or_default(),
            )
        } else if is(tag, t::PID_TAG_INSTANCE_KEY) {
            PropertyValue::binary(fid.0.to_le_bytes().to_vec())
        } else if is(tag, t::PID_TAG_OBJECT_TYPE) {
            PropertyValue::Integer32(3)
        } else if is(tag, t::PID_TAG_ACCESS) {
            // MS-OXCFOLD 2.2.2.2.2.1: Modify | Read | Delete | Hierarchy | Contents | FAI.
            PropertyValue::Integer32(0x3F)
        } else if is(tag, t::PID_TAG_ACCESS_LEVEL) {
            PropertyValue::Integer32(1)
        } else if is(tag, t::PID_TAG_RIGHTS) {
            // Owner rights (MS-OXCPERM 2.2.7): everything but FreeBusy bits.
            PropertyValue::Integer32(0x07FB)
        } else if is(tag, t::PID_TAG_MESSAGE_SIZE) {
            PropertyValue::Integer32(self.folder_size(c).min(i32::MAX as usize) as i32)
        } else if is(tag, t::PID_TAG_MESSAGE_SIZE_EXTENDED)
            && tag.value_type() == PropertyType::INTEGER64
        {
            PropertyValue::Integer64(self.folder_size(c) as i64)
        } else if is(tag, t::PID_TAG_FOLDER_TYPE) {
            PropertyValue::Integer32(f.kind.folder_type())
        } else if is(tag, t::PID_TAG_HIERARCHY_CHANGE_NUMBER) {
            PropertyValue::Integer32((f.change_number & 0x7FFF_FFFF) as i32)
        } else if !self.is_public() && self.is_inbox_or_root(c) {
            return self.special_entry_id_prop(tag);
        } else {
            return None;
        };
        Some(v)
    }

    fn is_inbox_or_root(&self, c: u64) -> bool {
        use super::mailbox::SpecialFolder as S;
        self.special.get(&S::Inbox) == Some(&c) || self.special.get(&S::Root) == Some(&c)
    }

    /// MS-OXOSFLD 2.2.3: the binary identification properties live on the Inbox and the root.
    fn special_entry_id_prop(&self, tag: PropertyTag) -> Option<PropertyValue> {
        use super::mailbox::SpecialFolder as S;
        let which = [
            (t::PID_TAG_IPM_APPOINTMENT_ENTRY_ID, S::Calendar),
            (t::PID_TAG_IPM_CONTACT_ENTRY_ID, S::Contacts),
            (t::PID_TAG_IPM_JOURNAL_ENTRY_ID, S::Journal),
            (t::PID_TAG_IPM_NOTE_ENTRY_ID, S::Notes),
            (t::PID_TAG_IPM_TASK_ENTRY_ID, S::Tasks),
            (t::PID_TAG_IPM_DRAFTS_ENTRY_ID, S::Drafts),
        ]
        .into_iter()
        .find(|(p, _)| p.id() == tag.id())?
        .1;
        let c = self.special.get(&which)?;
        Some(PropertyValue::binary(self.folder_entry_id_bytes(*c)))
    }

    /// Messages a folder's contents table shows: its own, or a search folder's results.
    pub(super) fn folder_messages(&self, c: u64) -> Vec<u64> {
        match self.folders.get(&c) {
            Some(f) if f.kind == FolderKind::Search => self.search_results(c),
            Some(f) => f.normal.iter().copied().collect(),
            None => Vec::new(),
        }
    }

    pub(super) fn content_count(&self, c: u64) -> usize {
        match self.folders.get(&c) {
            Some(f) if f.kind == FolderKind::Search => self.search_results(c).len(),
            Some(f) => f.normal.len(),
            None => 0,
        }
    }

    pub(super) fn unread_count(&self, c: u64) -> usize {
        self.folder_messages(c)
            .iter()
            .filter_map(|m| self.messages.get(m))
            .filter(|m| {
                m.content.props.i32(t::PID_TAG_MESSAGE_FLAGS).unwrap_or(0) & message_flags::READ
                    == 0
            })
            .count()
    }

    fn folder_size(&self, c: u64) -> usize {
        self.folders
            .get(&c)
            .map(|f| {
                f.normal
                    .iter()
                    .chain(f.fai.iter())
                    .filter_map(|m| self.messages.get(m))
                    .map(|m| content_size(&m.content))
                    .sum()
            })
            .unwrap_or(0)
    }

    pub(super) fn message_computed(
        &self,
        m: &MsgCtx<'_>,
        tag: PropertyTag,
    ) -> Option<PropertyValue> {
        let flags = || {
            let mut f = m.content.props.i32(t::PID_TAG_MESSAGE_FLAGS).unwrap_or(0);
            if m.content.attachments.is_empty() {
                f &= !message_flags::HAS_ATTACH;
            } else {
                f |= message_flags::HAS_ATTACH;
            }
            if m.associated {
                f |= message_flags::FAI;
            }
            if m.counter.is_none() {
                f |= message_flags::UNSENT;
            }
            f
        };
        let v = if is(tag, t::PID_TAG_MID) {
            PropertyValue::Integer64(Self::mid(m.counter?).0 as i64)
        } else if is(tag, t::PID_TAG_FOLDER_ID) || is(tag, t::PID_TAG_PARENT_FOLDER_ID) {
            if m.embedded {
                return None;
            }
            PropertyValue::Integer64(Self::fid(m.folder).0 as i64)
        } else if is(tag, t::PID_TAG_ENTRY_ID) || is(tag, t::PID_TAG_RECORD_KEY) {
            if m.embedded {
                return None;
            }
            let e = self.message_entry_id(Self::fid(m.folder), Self::mid(m.counter?));
            PropertyValue::binary(e.to_bytes().ok()?)
        } else if is(tag, t::PID_TAG_PARENT_ENTRY_ID) {
            if m.embedded {
                return None;
            }
            PropertyValue::binary(self.folder_entry_id_bytes(m.folder))
        } else if is(tag, t::PID_TAG_MESSAGE_SIZE) {
            PropertyValue::Integer32(content_size(m.content).min(i32::MAX as usize) as i32)
        } else if is(tag, t::PID_TAG_MESSAGE_SIZE_EXTENDED)
            && tag.value_type() == PropertyType::INTEGER64
        {
            PropertyValue::Integer64(content_size(m.content) as i64)
        } else if is(tag, t::PID_TAG_HAS_ATTACHMENTS) {
            PropertyValue::Boolean(!m.content.attachments.is_empty())
        } else if is(tag, t::PID_TAG_MESSAGE_FLAGS) {
            PropertyValue::Integer32(flags())
        } else if is(tag, t::PID_TAG_READ) {
            PropertyValue::Boolean(flags() & message_flags::READ != 0)
        } else if is(tag, t::PID_TAG_ASSOCIATED) {
            PropertyValue::Boolean(m.associated)
        } else if is(tag, t::PID_TAG_MESSAGE_STATUS) {
            PropertyValue::Integer32(m.status as i32)
        } else if is(tag, t::PID_TAG_OBJECT_TYPE) {
            PropertyValue::Integer32(5)
        } else if is(tag, t::PID_TAG_INSTANCE_KEY) {
            PropertyValue::binary(Self::mid(m.counter?).0.to_le_bytes().to_vec())
        } else if is(tag, t::PID_TAG_ACCESS) {
            // MS-OXCPRPT 2.2.1.1 PidTagAccess: Modify | Read | Delete.
            PropertyValue::Integer32(0x07)
        } else if is(tag, t::PID_TAG_ACCESS_LEVEL) {
            PropertyValue::Integer32(1)
        } else if is(tag, t::PID_TAG_CHANGE_KEY) {
            PropertyValue::binary(xid(&self.repl_guid, m.change_number?))
        } else if is(tag, t::PID_TAG_PREDECESSOR_CHANGE_LIST) {
            let x = xid(&self.repl_guid, m.change_number?);
            let mut v = vec![x.len() as u8];
            v.extend_from_slice(&x);
            PropertyValue::binary(v)
        } else if is(tag, t::PID_TAG_CHANGE_NUMBER) {
            PropertyValue::Integer64(Self::fid(m.change_number?).0 as i64)
        } else if is(tag, t::PID_TAG_SOURCE_KEY) {
            PropertyValue::binary(xid(&self.repl_guid, m.counter?))
        } else if is(tag, t::PID_TAG_PARENT_SOURCE_KEY) {
            PropertyValue::binary(xid(&self.repl_guid, m.folder))
        } else if is(tag, t::PID_TAG_DISPLAY_TO)
            || is(tag, t::PID_TAG_DISPLAY_CC)
            || is(tag, t::PID_TAG_DISPLAY_BCC)
        {
            // MS-OXCMSG 2.2.1.7 - 2.2.1.9: computed from the recipient table.
            let want = if is(tag, t::PID_TAG_DISPLAY_TO) {
                1
            } else if is(tag, t::PID_TAG_DISPLAY_CC) {
                2
            } else {
                3
            };
            let names: Vec<&str> = m
                .content
                .recipients
                .iter()
                .filter(|r| r.props.i32(t::PID_TAG_RECIPIENT_TYPE).map(|v| v & 0x0F) == Some(want))
                .filter_map(|r| r.props.str(t::PID_TAG_DISPLAY_NAME))
                .collect();
            PropertyValue::string(names.join("; "))
        } else {
            return None;
        };
        Some(v)
    }

    /// The value of `tag` on a message (computed first, then stored), as the client asked.
    pub(super) fn message_value(
        &self,
        m: &MsgCtx<'_>,
        tag: PropertyTag,
        cp: u32,
    ) -> Option<PropertyValue> {
        match self.message_computed(m, tag) {
            Some(v) => coerce(&v, tag.value_type(), cp),
            None => m.content.props.get(tag, cp),
        }
    }

    pub(super) fn stored_ctx(&self, c: u64) -> Option<MsgCtx<'_>> {
        let m = self.messages.get(&c)?;
        Some(MsgCtx {
            content: &m.content,
            folder: m.folder,
            counter: Some(c),
            associated: m.associated,
            status: m.status,
            change_number: Some(m.change_number),
            embedded: false,
        })
    }

    pub(super) fn attachment_value(
        a: &Attachment,
        tag: PropertyTag,
        cp: u32,
    ) -> Option<PropertyValue> {
        let v = if is(tag, t::PID_TAG_ATTACH_NUMBER) {
            PropertyValue::Integer32(a.num as i32)
        } else if is(tag, t::PID_TAG_OBJECT_TYPE) {
            PropertyValue::Integer32(7)
        } else if is(tag, t::PID_TAG_ATTACH_SIZE) {
            let emb = a.embedded.as_deref().map(content_size).unwrap_or(0);
            PropertyValue::Integer32((a.props.byte_size() + emb).min(i32::MAX as usize) as i32)
        } else if is(tag, t::PID_TAG_INSTANCE_KEY) || is(tag, t::PID_TAG_RECORD_KEY) {
            PropertyValue::binary(a.num.to_le_bytes().to_vec())
        } else if is(tag, t::PID_TAG_ACCESS_LEVEL) {
            PropertyValue::Integer32(1)
        } else {
            return a.props.get(tag, cp);
        };
        coerce(&v, tag.value_type(), cp)
    }

    pub(super) fn recipient_value(
        r: &super::model::Recipient,
        tag: PropertyTag,
        cp: u32,
    ) -> Option<PropertyValue> {
        let v = if is(tag, t::PID_TAG_ROWID) {
            PropertyValue::Integer32(r.row_id as i32)
        } else if is(tag, t::PID_TAG_INSTANCE_KEY) {
            PropertyValue::binary(r.row_id.to_le_bytes().to_vec())
        } else if is(tag, t::PID_TAG_OBJECT_TYPE) {
            PropertyValue::Integer32(6)
        } else {
            return r.props.get(tag, cp);
        };
        coerce(&v, tag.value_type(), cp)
    }

    // ---- open instances ----

    pub(super) fn instance(&self, h: ObjHandle) -> Result<&OpenObject, ErrorCode> {
        self.open.get(&h.0).ok_or(ErrorCode::NULL_OBJECT)
    }

    pub(super) fn instance_mut(&mut self, h: ObjHandle) -> Result<&mut OpenObject, ErrorCode> {
        self.open.get_mut(&h.0).ok_or(ErrorCode::NULL_OBJECT)
    }

    pub(super) fn add_instance(&mut self, o: OpenObject) -> ObjHandle {
        let h = self.next_handle;
        self.next_handle = self.next_handle.wrapping_add(1).max(1);
        self.open.insert(h, o);
        ObjHandle(h)
    }

    /// Forgets an open instance without saving (RopRelease). Releasing a message also releases
    /// its open attachments and their embedded messages.
    pub fn release(&mut self, h: ObjHandle) {
        if self.open.remove(&h.0).is_none() {
            return;
        }
        let children: Vec<u32> = self
            .open
            .iter()
            .filter(|(_, o)| match o {
                OpenObject::Attachment(a) => a.message == h,
                OpenObject::Message(m) => m.parent_attachment == Some(h),
            })
            .map(|(k, _)| *k)
            .collect();
        for c in children {
            self.release(ObjHandle(c));
        }
    }

    /// How many instances are open (for leak checks in tests and the handler).
    pub fn open_instances(&self) -> usize {
        self.open.len()
    }

    fn msg_ctx_of_instance<'a>(&'a self, m: &'a OpenMessage) -> MsgCtx<'a> {
        MsgCtx {
            content: &m.content,
            folder: m.folder,
            counter: m.counter,
            associated: m.associated,
            status: m
                .counter
                .and_then(|c| self.messages.get(&c))
                .map_or(0, |s| s.status),
            change_number: m
                .counter
                .and_then(|c| self.messages.get(&c))
                .map(|s| s.change_number),
            embedded: m.parent_attachment.is_some(),
        }
    }

    /// One property of an object as the client asked for it; `None` if it has none (or not of
    /// that type). Folder: ecNotFound-style `None` also for a deleted folder.
    pub fn get_prop(&self, obj: ObjectRef, tag: PropertyTag, cp: u32) -> Option<PropertyValue> {
        match obj {
            ObjectRef::Store => match self.store_computed(tag) {
                Some(v) => coerce(&v, tag.value_type(), cp),
                None => self.store_props.get(tag, cp),
            },
            ObjectRef::Folder(fid) => {
                let c = self.folder_counter(fid).ok()?;
                match self.folder_computed(c, tag) {
                    Some(v) => coerce(&v, tag.value_type(), cp),
                    None => self.folders.get(&c)?.props.get(tag, cp),
                }
            }
            ObjectRef::Instance(h) => match self.open.get(&h.0)? {
                OpenObject::Message(m) => self.message_value(&self.msg_ctx_of_instance(m), tag, cp),
                OpenObject::Attachment(a) => Self::attachment_value(&a.content, tag, cp),
            },
        }
    }

    /// RopGetPropertiesSpecific: one value per tag, a flagged row (ecNotFound in place of
    /// each missing value) when any is missing, else a standard row. ecNullObject for a
    /// released handle, ecNotFound for a deleted folder.
    pub fn get_props(
        &self,
        obj: ObjectRef,
        tags: &[PropertyTag],
        cp: u32,
    ) -> Result<PropertyRow, ErrorCode> {
        self.check_object(obj)?;
        Ok(build_row(tags, |tag| self.get_prop(obj, tag, cp)))
    }

    fn check_object(&self, obj: ObjectRef) -> Result<(), ErrorCode> {
        match obj {
            ObjectRef::Store => Ok(()),
            ObjectRef::Folder(f) => self.folder_counter(f).map(|_| ()),
            ObjectRef::Instance(h) => self.instance(h).map(|_| ()),
        }
    }

    /// Every stored and computed property tag of an object (RopGetPropertiesList).
    pub fn prop_list(&self, obj: ObjectRef) -> Result<Vec<PropertyTag>, ErrorCode> {
        self.check_object(obj)?;
        let (bag, computed): (Option<&PropBag>, &[PropertyTag]) = match obj {
            ObjectRef::Store => (Some(&self.store_props), STORE_COMPUTED),
            ObjectRef::Folder(f) => (
                self.folders.get(&self.folder_counter(f)?).map(|f| &f.props),
                FOLDER_COMPUTED,
            ),
            ObjectRef::Instance(h) => match self.instance(h)? {
                OpenObject::Message(m) => (Some(&m.content.props), MESSAGE_COMPUTED),
                OpenObject::Attachment(a) => (Some(&a.content.props), ATTACHMENT_COMPUTED),
            },
        };
        let mut out: Vec<PropertyTag> = Vec::new();
        for tag in computed {
            if let Some(v) = self.get_prop(obj, *tag, 1252)
                && !out.iter().any(|x| x.id() == tag.id())
            {
                out.push(tag.with_type(v.prop_type()));
            }
        }
        if let Some(bag) = bag {
            for tag in bag.tags() {
                if !out.iter().any(|x| x.id() == tag.id()) {
                    out.push(tag);
                }
            }
        }
        Ok(out)
    }

    /// RopGetPropertiesAll: every property with its value; strings as PtypString8 unless
    /// `unicode` (WantUnicode).
    pub fn get_all_props(
        &self,
        obj: ObjectRef,
        unicode: bool,
        cp: u32,
    ) -> Result<Vec<TaggedPropertyValue>, ErrorCode> {
        let tags = self.prop_list(obj)?;
        Ok(tags
            .into_iter()
            .filter_map(|tag| {
                let want = if !unicode && tag.prop_type() == PropertyType::STRING {
                    tag.with_type(PropertyType::STRING8)
                } else if !unicode && tag.prop_type() == PropertyType::MULTIPLE_STRING {
                    tag.with_type(PropertyType::MULTIPLE_STRING8)
                } else {
                    tag
                };
                self.get_prop(obj, want, cp)
                    .map(|value| TaggedPropertyValue {
                        tag: want.with_type(value.prop_type()),
                        value,
                    })
            })
            .collect())
    }

    fn bag_mut(&mut self, obj: ObjectRef) -> Result<&mut PropBag, ErrorCode> {
        match obj {
            ObjectRef::Store => Ok(&mut self.store_props),
            ObjectRef::Folder(f) => {
                let c = self.folder_counter(f)?;
                Ok(&mut self.folder_mut(c)?.props)
            }
            ObjectRef::Instance(h) => match self.instance_mut(h)? {
                OpenObject::Message(m) if m.writable => Ok(&mut m.content.props),
                OpenObject::Attachment(a) if a.writable => Ok(&mut a.content.props),
                _ => Err(ErrorCode::ACCESS_DENIED),
            },
        }
    }

    fn after_folder_change(&mut self, obj: ObjectRef) {
        let now = self.touch();
        if let ObjectRef::Folder(f) = obj
            && let Ok(c) = self.folder_counter(f)
        {
            let cn = self.alloc_counter();
            if let Ok(folder) = self.folder_mut(c) {
                folder.modified = now;
                folder.change_number = cn;
            }
        }
    }

    /// RopSetProperties / RopSetPropertiesNoReplicate: sets each value; read-only computed
    /// properties, PtypErrorCode values and (on folders) a PidTagDisplayName that collides
    /// with a sibling come back as problems. Folder and store changes are immediate; instance
    /// changes wait for SaveChanges.
    pub fn set_props(
        &mut self,
        obj: ObjectRef,
        values: &[TaggedPropertyValue],
        cp: u32,
    ) -> Result<Vec<PropertyProblem>, ErrorCode> {
        self.check_object(obj)?;
        let mut problems = Vec::new();
        let mut ok = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let index = u16::try_from(i).unwrap_or(u16::MAX);
            let id = v.tag.id();
            let err = if is_read_only(id) || (id == PID_TAG_FOLDER_CHILD_COUNT.id()) {
                Some(ErrorCode::ACCESS_DENIED)
            } else if v.value.prop_type() == PropertyType::ERROR_CODE
                || v.tag.prop_type() == PropertyType::OBJECT
                || v.value.prop_type() != v.tag.value_type()
            {
                Some(ErrorCode::INVALID_PARAMETER)
            } else if let (ObjectRef::Folder(f), true) = (obj, id == t::PID_TAG_DISPLAY_NAME.id()) {
                let name = super::props::widen(v.value.clone(), cp);
                match name.as_str() {
                    Some(n) if self.sibling_named(f, n) => Some(ErrorCode::COLLIDING_NAMES),
                    _ => None,
                }
            } else {
                None
            };
            match err {
                Some(error) => problems.push(PropertyProblem {
                    index,
                    tag: v.tag,
                    error,
                }),
                None => ok.push(v),
            }
        }
        let bag = self.bag_mut(obj)?;
        for v in ok {
            bag.set(v.tag, v.value.clone(), cp);
        }
        self.after_folder_change(obj);
        Ok(problems)
    }

    fn sibling_named(&self, fid: FolderId, name: &str) -> bool {
        let Ok(c) = self.folder_counter(fid) else {
            return false;
        };
        let Some(parent) = self.folders.get(&c).and_then(|f| f.parent) else {
            return false;
        };
        self.child_named(parent, name).is_some_and(|x| x != c)
    }

    pub(super) fn child_named(&self, parent: u64, name: &str) -> Option<u64> {
        let p = self.folders.get(&parent)?;
        p.children.iter().copied().find(|c| {
            self.folders
                .get(c)
                .and_then(|f| f.props.str(t::PID_TAG_DISPLAY_NAME))
                .is_some_and(|n| super::props::cmp_text(n, name).is_eq())
        })
    }

    /// RopDeleteProperties: removes each property; read-only ones are ecAccessDenied problems.
    /// Removing a property that is not there is not a problem (Exchange ignores it).
    pub fn delete_props(
        &mut self,
        obj: ObjectRef,
        tags: &[PropertyTag],
    ) -> Result<Vec<PropertyProblem>, ErrorCode> {
        self.check_object(obj)?;
        let mut problems = Vec::new();
        let bag = self.bag_mut(obj)?;
        for (i, tag) in tags.iter().enumerate() {
            if is_read_only(tag.id()) {
                problems.push(PropertyProblem {
                    index: u16::try_from(i).unwrap_or(u16::MAX),
                    tag: *tag,
                    error: ErrorCode::ACCESS_DENIED,
                });
            } else {
                bag.remove(*tag);
            }
        }
        self.after_folder_change(obj);
        Ok(problems)
    }

    /// RopCopyProperties: copies the listed properties from `src` to `dst` (or moves them with
    /// `move_props`). With `no_overwrite`, properties `dst` already has are left alone. A
    /// property `src` lacks is an ecNotFound problem. Copying an object onto itself is
    /// ecInvalidParam; between different kinds of object, ecNotSupported (MS-OXCPRPT 3.2.5.10).
    pub fn copy_props(
        &mut self,
        src: ObjectRef,
        dst: ObjectRef,
        tags: &[PropertyTag],
        no_overwrite: bool,
        move_props: bool,
    ) -> Result<Vec<PropertyProblem>, ErrorCode> {
        self.check_copy(src, dst)?;
        let mut problems = Vec::new();
        let mut vals = Vec::new();
        for (i, tag) in tags.iter().enumerate() {
            let index = u16::try_from(i).unwrap_or(u16::MAX);
            if is_read_only(tag.id()) {
                problems.push(PropertyProblem {
                    index,
                    tag: *tag,
                    error: ErrorCode::ACCESS_DENIED,
                });
                continue;
            }
            match self.stored_value(src, *tag) {
                Some(v) => vals.push((*tag, v)),
                None => problems.push(PropertyProblem {
                    index,
                    tag: *tag,
                    error: ErrorCode::NOT_FOUND,
                }),
            }
        }
        self.write_copied(dst, &vals, no_overwrite)?;
        if move_props {
            let bag = self.bag_mut(src)?;
            for (tag, _) in &vals {
                bag.remove(*tag);
            }
        }
        self.after_folder_change(dst);
        Ok(problems)
    }

    /// RopCopyTo: copies every stored property of `src` but those in `exclude` to `dst`;
    /// for messages also the recipients and attachments unless excluded by
    /// PidTagMessageRecipients / PidTagMessageAttachments. `no_overwrite` keeps what `dst` has.
    pub fn copy_to(
        &mut self,
        src: ObjectRef,
        dst: ObjectRef,
        exclude: &[PropertyTag],
        no_overwrite: bool,
        move_props: bool,
    ) -> Result<Vec<PropertyProblem>, ErrorCode> {
        self.check_copy(src, dst)?;
        let excluded = |tag: PropertyTag| exclude.iter().any(|e| e.id() == tag.id());
        let vals: Vec<(PropertyTag, PropertyValue)> = match src {
            ObjectRef::Store => self
                .store_props
                .iter()
                .map(|(t, v)| (t, v.clone()))
                .collect(),
            ObjectRef::Folder(f) => self
                .folder(self.folder_counter(f)?)?
                .props
                .iter()
                .map(|(t, v)| (t, v.clone()))
                .collect(),
            ObjectRef::Instance(h) => match self.instance(h)? {
                OpenObject::Message(m) => m
                    .content
                    .props
                    .iter()
                    .map(|(t, v)| (t, v.clone()))
                    .collect(),
                OpenObject::Attachment(a) => a
                    .content
                    .props
                    .iter()
                    .map(|(t, v)| (t, v.clone()))
                    .collect(),
            },
        };
        let vals: Vec<_> = vals.into_iter().filter(|(t, _)| !excluded(*t)).collect();
        // Sub-objects of messages and attachments.
        let subs = match src {
            ObjectRef::Instance(h) => match self.instance(h)? {
                OpenObject::Message(m) => Some((
                    (!excluded(t::PID_TAG_MESSAGE_RECIPIENTS))
                        .then(|| m.content.recipients.clone()),
                    (!excluded(t::PID_TAG_MESSAGE_ATTACHMENTS))
                        .then(|| m.content.attachments.clone()),
                    None,
                )),
                OpenObject::Attachment(a) => Some((None, None, a.content.embedded.clone())),
            },
            _ => None,
        };
        self.write_copied(dst, &vals, no_overwrite)?;
        if let (Some((recips, atts, emb)), ObjectRef::Instance(dh)) = (subs, dst) {
            match self.instance_mut(dh)? {
                OpenObject::Message(m) => {
                    if let Some(r) = recips
                        && (!no_overwrite || m.content.recipients.is_empty())
                    {
                        m.content.recipients = r;
                    }
                    if let Some(a) = atts
                        && (!no_overwrite || m.content.attachments.is_empty())
                    {
                        let next = a.iter().map(|x| x.num + 1).max().unwrap_or(0);
                        m.content.attachments = a;
                        m.content.next_attach_num = m.content.next_attach_num.max(next);
                    }
                }
                OpenObject::Attachment(a) => {
                    if emb.is_some() && !(no_overwrite && a.content.embedded.is_some()) {
                        a.content.embedded = emb;
                    }
                }
            }
        }
        if move_props {
            let bag = self.bag_mut(src)?;
            for (tag, _) in &vals {
                bag.remove(*tag);
            }
        }
        self.after_folder_change(dst);
        Ok(Vec::new())
    }

    fn check_copy(&self, src: ObjectRef, dst: ObjectRef) -> Result<(), ErrorCode> {
        self.check_object(src)?;
        self.check_object(dst)?;
        if src == dst {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        let kind = |o: ObjectRef| -> Result<u8, ErrorCode> {
            Ok(match o {
                ObjectRef::Store => 0,
                ObjectRef::Folder(_) => 1,
                ObjectRef::Instance(h) => match self.instance(h)? {
                    OpenObject::Message(_) => 2,
                    OpenObject::Attachment(_) => 3,
                },
            })
        };
        if kind(src)? != kind(dst)? {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        Ok(())
    }

    fn stored_value(&self, obj: ObjectRef, tag: PropertyTag) -> Option<PropertyValue> {
        let bag = match obj {
            ObjectRef::Store => &self.store_props,
            ObjectRef::Folder(f) => &self.folders.get(&self.folder_counter(f).ok()?)?.props,
            ObjectRef::Instance(h) => match self.open.get(&h.0)? {
                OpenObject::Message(m) => &m.content.props,
                OpenObject::Attachment(a) => &a.content.props,
            },
        };
        bag.raw(tag.id()).cloned()
    }

    fn write_copied(
        &mut self,
        dst: ObjectRef,
        vals: &[(PropertyTag, PropertyValue)],
        no_overwrite: bool,
    ) -> Result<(), ErrorCode> {
        let bag = self.bag_mut(dst)?;
        for (tag, v) in vals {
            if no_overwrite && bag.contains(*tag) {
                continue;
            }
            bag.put(*tag, v.clone());
        }
        Ok(())
    }

    /// The whole value of a property as bytes, for RopOpenStream: PtypBinary as is,
    /// PtypString as UTF-16LE without terminator, PtypString8 in `cp`. ecNotFound when the
    /// object lacks it (the handler then creates an empty stream if opened for create).
    pub fn read_stream(
        &self,
        obj: ObjectRef,
        tag: PropertyTag,
        cp: u32,
    ) -> Result<Vec<u8>, ErrorCode> {
        self.check_object(obj)?;
        let v = self.get_prop(obj, tag, cp).ok_or(ErrorCode::NOT_FOUND)?;
        match v {
            PropertyValue::Binary(b) => Ok(b.to_vec()),
            PropertyValue::String(s) => Ok(s.encode_utf16().flat_map(u16::to_le_bytes).collect()),
            PropertyValue::String8(s) => Ok(s.bytes.clone()),
            _ => Err(ErrorCode::NOT_SUPPORTED),
        }
    }

    /// Commits a stream (RopCommitStream / release of a written stream): stores `bytes` as
    /// the value of `tag`, read back as [`Mailbox::read_stream`] writes it. Only PtypBinary,
    /// PtypString and PtypString8 take streams (ecNotSupported otherwise).
    pub fn write_stream(
        &mut self,
        obj: ObjectRef,
        tag: PropertyTag,
        bytes: &[u8],
        cp: u32,
    ) -> Result<(), ErrorCode> {
        self.check_object(obj)?;
        if is_read_only(tag.id()) {
            return Err(ErrorCode::ACCESS_DENIED);
        }
        let v = match tag.prop_type() {
            PropertyType::BINARY => PropertyValue::binary(bytes.to_vec()),
            PropertyType::STRING => {
                let units: Vec<u16> = bytes
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .take_while(|u| *u != 0)
                    .collect();
                PropertyValue::string(String::from_utf16_lossy(&units))
            }
            PropertyType::STRING8 => {
                let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
                PropertyValue::String8(Box::new(crate::wire::String8::from_bytes(
                    bytes.get(..end).unwrap_or_default().to_vec(),
                )))
            }
            _ => return Err(ErrorCode::NOT_SUPPORTED),
        };
        let bag = self.bag_mut(obj)?;
        bag.set(tag, v, cp);
        self.after_folder_change(obj);
        Ok(())
    }

    /// Size in bytes of a property's stream form (RopGetStreamSize before any write).
    pub fn stream_size(
        &self,
        obj: ObjectRef,
        tag: PropertyTag,
        cp: u32,
    ) -> Result<usize, ErrorCode> {
        self.read_stream(obj, tag, cp).map(|b| b.len())
    }

    /// The message id of a saved open message instance.
    pub fn instance_message_id(&self, h: ObjHandle) -> Result<Option<MessageId>, ErrorCode> {
        match self.instance(h)? {
            OpenObject::Message(m) => Ok(m.counter.map(Self::mid)),
            OpenObject::Attachment(_) => Err(ErrorCode::NOT_SUPPORTED),
        }
    }

    /// The folder of an open message instance.
    pub fn instance_folder_id(&self, h: ObjHandle) -> Result<FolderId, ErrorCode> {
        match self.instance(h)? {
            OpenObject::Message(m) => Ok(Self::fid(m.folder)),
            OpenObject::Attachment(_) => Err(ErrorCode::NOT_SUPPORTED),
        }
    }

    /// The value size of a property, for SizeRestriction.
    pub fn prop_size(&self, obj: ObjectRef, tag: PropertyTag) -> Option<usize> {
        self.get_prop(obj, tag, 65001).map(|v| value_size(&v))
    }
}

/// Bytes a message occupies: its properties, recipients and attachments.
pub(super) fn content_size(c: &MessageContent) -> usize {
    c.props.byte_size()
        + c.recipients
            .iter()
            .map(|r| r.props.byte_size())
            .sum::<usize>()
        + c.attachments
            .iter()
            .map(|a| a.props.byte_size() + a.embedded.as_deref().map(content_size).unwrap_or(0))
            .sum::<usize>()
}

/// A row for `columns`: standard if every value is there, flagged with ecNotFound otherwise
/// (MS-OXCDATA 2.8.1; MS-OXCTABL 2.2.2.1.3 for table rows).
pub fn build_row(
    columns: &[PropertyTag],
    mut value: impl FnMut(PropertyTag) -> Option<PropertyValue>,
) -> PropertyRow {
    let vals: Vec<Option<PropertyValue>> = columns
        .iter()
        .map(|c| {
            let tag = c.with_type(c.value_type());
            value(tag)
        })
        .collect();
    if vals.iter().all(Option::is_some) {
        PropertyRow::Standard(StandardPropertyRow {
            values: vals.into_iter().flatten().collect(),
        })
    } else {
        PropertyRow::Flagged(FlaggedPropertyRow {
            values: vals
                .into_iter()
                .zip(columns)
                .map(|(v, c)| match v {
                    Some(v) => FlaggedPropertyValue::Value(v),
                    None => FlaggedPropertyValue::Error(c.value_type(), ErrorCode::NOT_FOUND),
                })
                .collect(),
        })
    }
}

const STORE_COMPUTED: &[PropertyTag] = &[
    t::PID_TAG_DISPLAY_NAME,
    t::PID_TAG_MAILBOX_OWNER_NAME,
    t::PID_TAG_STORE_RECORD_KEY,
    t::PID_TAG_RECORD_KEY,
    t::PID_TAG_OBJECT_TYPE,
    t::PID_TAG_STORE_SUPPORT_MASK,
    t::PID_TAG_VALID_FOLDER_MASK,
    t::PID_TAG_IPM_SUBTREE_ENTRY_ID,
    t::PID_TAG_NON_IPM_SUBTREE_ENTRY_ID,
    t::PID_TAG_IPM_OUTBOX_ENTRY_ID,
    t::PID_TAG_IPM_WASTEBASKET_ENTRY_ID,
    t::PID_TAG_IPM_SENT_MAIL_ENTRY_ID,
    t::PID_TAG_VIEWS_ENTRY_ID,
    t::PID_TAG_COMMON_VIEWS_ENTRY_ID,
    t::PID_TAG_FINDER_ENTRY_ID,
    t::PID_TAG_SCHEDULE_PLUS_FREE_BUSY_ENTRY_ID,
];

const FOLDER_COMPUTED: &[PropertyTag] = &[
    t::PID_TAG_FOLDER_ID,
    t::PID_TAG_PARENT_FOLDER_ID,
    t::PID_TAG_ENTRY_ID,
    t::PID_TAG_PARENT_ENTRY_ID,
    t::PID_TAG_RECORD_KEY,
    t::PID_TAG_CONTENT_COUNT,
    t::PID_TAG_CONTENT_UNREAD_COUNT,
    t::PID_TAG_ASSOCIATED_CONTENT_COUNT,
    t::PID_TAG_SUBFOLDERS,
    PID_TAG_FOLDER_CHILD_COUNT,
    t::PID_TAG_LAST_MODIFICATION_TIME,
    t::PID_TAG_CREATION_TIME,
    t::PID_TAG_CHANGE_KEY,
    t::PID_TAG_PREDECESSOR_CHANGE_LIST,
    t::PID_TAG_CHANGE_NUMBER,
    t::PID_TAG_SOURCE_KEY,
    t::PID_TAG_INSTANCE_KEY,
    t::PID_TAG_OBJECT_TYPE,
    t::PID_TAG_ACCESS,
    t::PID_TAG_ACCESS_LEVEL,
    t::PID_TAG_RIGHTS,
    t::PID_TAG_MESSAGE_SIZE,
    t::PID_TAG_FOLDER_TYPE,
    t::PID_TAG_IPM_APPOINTMENT_ENTRY_ID,
    t::PID_TAG_IPM_CONTACT_ENTRY_ID,
    t::PID_TAG_IPM_JOURNAL_ENTRY_ID,
    t::PID_TAG_IPM_NOTE_ENTRY_ID,
    t::PID_TAG_IPM_TASK_ENTRY_ID,
    t::PID_TAG_IPM_DRAFTS_ENTRY_ID,
];

const MESSAGE_COMPUTED: &[PropertyTag] = &[
    t::PID_TAG_MID,
    t::PID_TAG_FOLDER_ID,
    t::PID_TAG_ENTRY_ID,
    t::PID_TAG_PARENT_ENTRY_ID,
    t::PID_TAG_RECORD_KEY,
    t::PID_TAG_MESSAGE_SIZE,
    t::PID_TAG_HAS_ATTACHMENTS,
    t::PID_TAG_MESSAGE_FLAGS,
    t::PID_TAG_READ,
    t::PID_TAG_ASSOCIATED,
    t::PID_TAG_MESSAGE_STATUS,
    t::PID_TAG_OBJECT_TYPE,
    t::PID_TAG_INSTANCE_KEY,
    t::PID_TAG_ACCESS,
    t::PID_TAG_ACCESS_LEVEL,
    t::PID_TAG_CHANGE_KEY,
    t::PID_TAG_PREDECESSOR_CHANGE_LIST,
    t::PID_TAG_CHANGE_NUMBER,
    t::PID_TAG_SOURCE_KEY,
    t::PID_TAG_PARENT_SOURCE_KEY,
    t::PID_TAG_DISPLAY_TO,
    t::PID_TAG_DISPLAY_CC,
    t::PID_TAG_DISPLAY_BCC,
];

const ATTACHMENT_COMPUTED: &[PropertyTag] = &[
    t::PID_TAG_ATTACH_NUMBER,
    t::PID_TAG_OBJECT_TYPE,
    t::PID_TAG_ATTACH_SIZE,
    t::PID_TAG_INSTANCE_KEY,
    t::PID_TAG_RECORD_KEY,
    t::PID_TAG_ACCESS_LEVEL,
];
