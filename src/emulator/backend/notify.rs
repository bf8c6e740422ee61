//! Notifications (MS-OXCNOTIF): subscriptions from RopRegisterNotification and the events the
//! store's changes raise, fanned out to every subscribed session's queue.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::{Handlers, MailboxKey, Object};
use crate::emulator::engine::{NotificationQueue, Outcome, RopCx};
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::rop::any::RopRequest;

/// A change in a store that subscriptions may be told about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreEvent {
    /// A folder or message was created.
    ObjectCreated {
        /// The store.
        mailbox: MailboxKey,
        /// The folder created, or the folder holding the message.
        fid: FolderId,
        /// The message created, if a message.
        mid: Option<MessageId>,
        /// The parent folder.
        parent: FolderId,
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
