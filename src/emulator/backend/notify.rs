//! Notifications (MS-OXCNOTIF): subscriptions from RopRegisterNotification and the events the
//! store's changes raise, fanned out to every subscribed session's queue.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::{Handlers, MailboxKey, Object};
use crate::emulator::engine::{NotificationQueue, Outcome, RopCx};
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::rop::any::RopRequest;

/// A change in a store that subscriptions may be told about (MS-OXCNOTIF 2.2.1.4.1.2 event
/// types). Handlers raise one per change with [`EventHub::publish`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreEvent {
    /// A folder or message was created (ObjectCreated).
    Created {
        /// The store.
        mailbox: MailboxKey,
        /// The folder created, or the folder holding the message.
        fid: FolderId,
        /// The message created, if a message.
        mid: Option<MessageId>,
        /// The parent folder of the folder (for a message: the same as `fid`).
        parent: FolderId,
    },
    /// A folder or message was deleted (ObjectDeleted).
    Deleted {
        /// The store.
        mailbox: MailboxKey,
        /// The folder deleted, or the folder that held the message.
        fid: FolderId,
        /// The message deleted, if a message.
        mid: Option<MessageId>,
        /// The parent folder.
        parent: FolderId,
    },
    /// A folder's or message's properties changed (ObjectModified); for folders this includes
    /// content and unread count changes.
    Modified {
        /// The store.
        mailbox: MailboxKey,
        /// The folder, or the folder holding the message.
        fid: FolderId,
        /// The message, if a message.
        mid: Option<MessageId>,
    },
    /// A folder or message moved (ObjectMoved) or was copied (ObjectCopied).
    MovedOrCopied {
        /// The store.
        mailbox: MailboxKey,
        /// Copied (true) or moved.
        copied: bool,
        /// The folder (or the message's new folder).
        fid: FolderId,
        /// The message, if a message.
        mid: Option<MessageId>,
        /// The new parent folder.
        parent: FolderId,
        /// The old folder id (or the message's old folder).
        old_fid: FolderId,
        /// The old message id, if a message.
        old_mid: Option<MessageId>,
        /// The old parent folder.
        old_parent: FolderId,
    },
    /// A message was delivered (NewMail).
    NewMail {
        /// The store.
        mailbox: MailboxKey,
        /// The folder it arrived in.
        fid: FolderId,
        /// The message.
        mid: MessageId,
        /// Its PidTagMessageFlags.
        message_flags: u32,
        /// Its PidTagMessageClass.
        message_class: String,
    },
}

/// One subscription: where its notifications go.
#[derive(Debug, Clone)]
pub struct Subscription {
    /// The subscribing session's queue.
    pub queue: NotificationQueue,
    /// The store subscribed to.
    pub mailbox: MailboxKey,
    /// The NotificationHandle RopNotify carries: the subscription's server handle.
    pub handle: u32,
}

/// Every subscription of every session. Cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct EventHub {
    inner: Arc<Mutex<BTreeMap<u64, Subscription>>>,
}

impl EventHub {
    /// An empty hub.
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets subscription `id`.
    pub fn unsubscribe(&self, id: u64) {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
    }
}

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    _h: &mut Handlers,
    _cx: &mut RopCx<'_, Object>,
    _request: &RopRequest,
) -> Option<Outcome<Object>> {
    None
}
