//! Notifications (MS-OXCNOTIF): subscriptions from RopRegisterNotification and the events the
//! store's changes raise, fanned out to every subscribed session's queue.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use super::{Handlers, MailboxKey, Object, SubscriptionObject, with_mailbox};
use crate::emulator::engine::{NULL_HANDLE, NotificationQueue, Outcome, RopCx};
use crate::wire::ErrorCode;
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::rop::ResponseHeader;
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::notify::{
    NewMail, NotificationData, NotificationFlags, NotificationTypes, NotifyResponse,
    RegisterNotificationRequest,
};

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

impl StoreEvent {
    /// The store the event happened in.
    pub fn mailbox(&self) -> &MailboxKey {
        match self {
            StoreEvent::Created { mailbox, .. }
            | StoreEvent::Deleted { mailbox, .. }
            | StoreEvent::Modified { mailbox, .. }
            | StoreEvent::MovedOrCopied { mailbox, .. }
            | StoreEvent::NewMail { mailbox, .. } => mailbox,
        }
    }

    /// The NotificationTypes bit a subscription needs to hear of this event
    /// (MS-OXCNOTIF 2.2.1.2.1).
    pub fn notification_type(&self) -> NotificationTypes {
        match self {
            StoreEvent::Created { .. } => NotificationTypes::OBJECT_CREATED,
            StoreEvent::Deleted { .. } => NotificationTypes::OBJECT_DELETED,
            StoreEvent::Modified { .. } => NotificationTypes::OBJECT_MODIFIED,
            StoreEvent::MovedOrCopied { copied: true, .. } => NotificationTypes::OBJECT_COPIED,
            StoreEvent::MovedOrCopied { copied: false, .. } => NotificationTypes::OBJECT_MOVED,
            StoreEvent::NewMail { .. } => NotificationTypes::NEW_MAIL,
        }
    }

    /// Whether a subscription on folder `fid` (MessageId 0) hears of this event: events on
    /// the folder itself, on the messages in it, and on the folders created in, removed from,
    /// moved into or out of it. MAPI's notification recommendations ("Handling Message Store
    /// Notification") name the store and the changed object as the advise sources; Exchange
    /// also reports a folder's contents to a subscription on that folder, which is what
    /// clients that watch one folder (Outlook's Inbox) rely on.
    fn touches_folder(&self, target: FolderId) -> bool {
        match self {
            StoreEvent::Created { fid, parent, .. } | StoreEvent::Deleted { fid, parent, .. } => {
                *fid == target || *parent == target
            }
            StoreEvent::Modified { fid, .. } | StoreEvent::NewMail { fid, .. } => *fid == target,
            StoreEvent::MovedOrCopied {
                fid,
                parent,
                old_fid,
                old_parent,
                ..
            } => [*fid, *parent, *old_fid, *old_parent].contains(&target),
        }
    }

    /// Whether a subscription on message `target` hears of this event.
    fn touches_message(&self, target: MessageId) -> bool {
        match self {
            StoreEvent::Created { mid, .. }
            | StoreEvent::Deleted { mid, .. }
            | StoreEvent::Modified { mid, .. } => *mid == Some(target),
            StoreEvent::MovedOrCopied { mid, old_mid, .. } => {
                *mid == Some(target) || *old_mid == Some(target)
            }
            StoreEvent::NewMail { mid, .. } => *mid == target,
        }
    }

    /// The RopNotify NotificationData for this event (MS-OXCNOTIF 2.2.1.4.1.2): the type bit,
    /// the M bit for messages, and the fields those flags put on the wire. ParentFolderId is
    /// sent for folders only (messages carry it only in search folders, which the S bit
    /// would mark); TagCount is 0 because events do not say which properties changed;
    /// NewMail's MessageClass is sent as UTF-16 (UnicodeFlag 1).
    pub fn notification_data(&self) -> NotificationData {
        let mut d = NotificationData {
            flags: NotificationFlags(0),
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
        let message_bit = |mid: &Option<MessageId>| {
            if mid.is_some() {
                NotificationFlags::MESSAGE.0
            } else {
                0
            }
        };
        match self {
            StoreEvent::Created {
                fid, mid, parent, ..
            }
            | StoreEvent::Deleted {
                fid, mid, parent, ..
            } => {
                let created = matches!(self, StoreEvent::Created { .. });
                let kind = if created {
                    NotificationFlags::OBJECT_CREATED
                } else {
                    NotificationFlags::OBJECT_DELETED
                };
                d.flags = NotificationFlags(kind.0 | message_bit(mid));
                d.folder_id = Some(*fid);
                d.message_id = *mid;
                d.parent_folder_id = mid.is_none().then_some(*parent);
                d.tag_count = created.then_some(0);
            }
            StoreEvent::Modified { fid, mid, .. } => {
                d.flags =
                    NotificationFlags(NotificationFlags::OBJECT_MODIFIED.0 | message_bit(mid));
                d.folder_id = Some(*fid);
                d.message_id = *mid;
                d.tag_count = Some(0);
            }
            StoreEvent::MovedOrCopied {
                copied,
                fid,
                mid,
                parent,
                old_fid,
                old_mid,
                old_parent,
                ..
            } => {
                let kind = if *copied {
                    NotificationFlags::OBJECT_COPIED
                } else {
                    NotificationFlags::OBJECT_MOVED
                };
                d.flags = NotificationFlags(kind.0 | message_bit(mid));
                d.folder_id = Some(*fid);
                d.message_id = *mid;
                d.old_folder_id = Some(*old_fid);
                if mid.is_some() {
                    // A message's old id is only meaningful with an old message id; a caller
                    // that has none reports the message id unchanged.
                    d.old_message_id = Some(old_mid.or(*mid).unwrap_or_default());
                } else {
                    d.parent_folder_id = Some(*parent);
                    d.old_parent_folder_id = Some(*old_parent);
                }
            }
            StoreEvent::NewMail {
                fid,
                mid,
                message_flags,
                message_class,
                ..
            } => {
                d.flags =
                    NotificationFlags(NotificationFlags::NEW_MAIL.0 | NotificationFlags::MESSAGE.0);
                d.folder_id = Some(*fid);
                d.message_id = Some(*mid);
                d.new_mail = Some(NewMail {
                    message_flags: *message_flags,
                    unicode_flag: 1,
                    message_class: message_class.clone(),
                });
            }
        }
        d
    }
}

/// One subscription: where its notifications go and what it listens for.
#[derive(Debug, Clone)]
pub struct Subscription {
    /// The subscribing session's queue.
    pub queue: NotificationQueue,
    /// The store subscribed to.
    pub mailbox: MailboxKey,
    /// The NotificationHandle RopNotify carries: the subscription's server handle.
    pub handle: u32,
    /// The LogonId RopNotify carries: the logon the subscription was made on.
    pub logon_id: u8,
    /// NotificationTypes of the request.
    pub types: NotificationTypes,
    /// `None`: the whole store (WantWholeStore); else the folder, and the message when its
    /// id is nonzero.
    pub target: Option<(FolderId, MessageId)>,
}

impl Subscription {
    /// Whether this subscription hears of `event`.
    pub fn matches(&self, event: &StoreEvent) -> bool {
        if *event.mailbox() != self.mailbox || !self.types.contains(event.notification_type()) {
            return false;
        }
        match self.target {
            None => true,
            Some((_, mid)) if mid.0 != 0 => event.touches_message(mid),
            Some((fid, _)) => event.touches_folder(fid),
        }
    }
}

#[derive(Debug, Default)]
struct HubState {
    next_id: u64,
    subscriptions: BTreeMap<u64, Subscription>,
}

/// Every subscription of every session. Cloning shares it: the [`super::Backend`] holds one
/// and gives each session's handlers a clone, so a change one session makes reaches the
/// queues of all others.
#[derive(Debug, Clone, Default)]
pub struct EventHub {
    inner: Arc<Mutex<HubState>>,
}

impl EventHub {
    /// An empty hub.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, HubState> {
        // Every update completes before the guard drops, so a poisoned hub is consistent.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a subscription and returns its id (for [`EventHub::unsubscribe`]).
    pub fn subscribe(&self, subscription: Subscription) -> u64 {
        let mut state = self.lock();
        state.next_id += 1;
        let id = state.next_id;
        state.subscriptions.insert(id, subscription);
        id
    }

    /// Forgets subscription `id`.
    pub fn unsubscribe(&self, id: u64) {
        self.lock().subscriptions.remove(&id);
    }

    /// How many subscriptions exist.
    pub fn len(&self) -> usize {
        self.lock().subscriptions.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reports one change: a RopNotify goes to the queue of every subscription that matches
    /// it (same store, its type bit set, and the whole store or the object it watches), with
    /// that subscription's handle and LogonId. Call it once per change, after the change is
    /// made. Returns how many subscriptions were told.
    pub fn publish(&self, event: StoreEvent) -> usize {
        let data = event.notification_data();
        let state = self.lock();
        let mut told = 0;
        for s in state.subscriptions.values().filter(|s| s.matches(&event)) {
            s.queue.push(NotifyResponse {
                notification_handle: s.handle,
                logon_id: s.logon_id,
                data: data.clone(),
            });
            told += 1;
        }
        told
    }
}

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
) -> Option<Outcome<Object>> {
    match request {
        RopRequest::RegisterNotification(r) => Some(register(h, cx, request, r)),
        _ => None,
    }
}

/// MS-OXCNOTIF 3.2.5.1 / MS-OXCROPS 2.2.14.1: RopRegisterNotification on a Logon object.
fn register(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    r: &RegisterNotificationRequest,
) -> Outcome<Object> {
    let mailbox = match cx.input() {
        Some(Object::Logon(l)) => l.mailbox.clone(),
        // The input of RopRegisterNotification is a Logon object (MS-OXCROPS 2.2.14.1.1).
        _ => return Outcome::fail(request, ErrorCode::NOT_SUPPORTED),
    };
    if r.notification_types.0 == 0 {
        return Outcome::fail(request, ErrorCode::INVALID_PARAMETER);
    }
    if let Some((fid, mid)) = r.target {
        let mut store = h.store();
        let found = with_mailbox(&mut store, &mailbox, |mb| {
            mb.open_folder(fid)?;
            let has = |associated| {
                mb.message_ids(fid, associated)
                    .map(|ids| ids.contains(&mid))
            };
            if mid.0 != 0 && !has(false)? && !has(true)? {
                return Err(ErrorCode::NOT_FOUND);
            }
            Ok(())
        });
        if let Err(code) = found {
            return Outcome::fail(request, code);
        }
    }
    let handle = next_handle(cx);
    let id = h.hub().subscribe(Subscription {
        queue: h.queue().clone(),
        mailbox,
        handle,
        logon_id: cx.logon_id(),
        types: r.notification_types,
        target: r.target,
    });
    Outcome::created(
        RopResponse::RegisterNotification(ResponseHeader {
            handle_index: r.output_handle_index,
            return_value: ErrorCode::SUCCESS,
        }),
        Object::Subscription(SubscriptionObject { id }),
    )
}

/// The handle the engine will give the object this ROP creates. RopNotify must carry the
/// subscription's server handle (MS-OXCNOTIF 2.2.1.4.1), and events from other sessions can
/// arrive before this session runs another ROP, so the subscription needs its handle now,
/// while the engine assigns it only after the handler returns. The object table hands out
/// handles in ascending order, skipping 0, 0xFFFFFFFF and handles in use; a probe insert
/// (removed at once) reads where that order stands, and the same skip rule gives the next
/// one. A test checks the prediction against the handle table the client gets back.
fn next_handle(cx: &mut RopCx<'_, Object>) -> u32 {
    let objects = cx.objects();
    let probe = objects.insert(Object::Subscription(SubscriptionObject { id: 0 }), 0, None);
    // The probe was never announced to the handlers or the hub; dropping it is all.
    drop(objects.release(probe));
    let mut candidate = probe.wrapping_add(1);
    while candidate == 0 || candidate == NULL_HANDLE || objects.contains(candidate) {
        candidate = candidate.wrapping_add(1);
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::backend::testkit::{self, Session, user};
    use crate::emulator::store::SpecialFolder;
    use crate::wire::rop::special::ReleaseRequest;
    use crate::wire::rop::store::GetStoreStateRequest;

    const NULL: u32 = 0xFFFF_FFFF;

    fn alice() -> MailboxKey {
        MailboxKey::Private(user("alice", "").legacy_dn)
    }

    fn folder(b: &super::super::Backend, which: SpecialFolder) -> FolderId {
        let store = b.store();
        let store = store.lock().unwrap();
        store
            .mailbox(&user("alice", "").legacy_dn)
            .and_then(|m| m.special_folder(which))
            .expect("special folder")
    }

    fn register(types: NotificationTypes, target: Option<(FolderId, MessageId)>) -> RopRequest {
        RopRequest::RegisterNotification(RegisterNotificationRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            notification_types: types,
            reserved: 0,
            want_whole_store: u8::from(target.is_none()),
            target,
        })
    }

    fn created(fid: FolderId, mid: u64) -> StoreEvent {
        StoreEvent::Created {
            mailbox: alice(),
            fid,
            mid: Some(MessageId(mid)),
            parent: fid,
        }
    }

    fn notifications(responses: &[RopResponse]) -> Vec<NotifyResponse> {
        responses
            .iter()
            .filter_map(|r| match r {
                RopResponse::Notify(n) => Some(n.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn another_sessions_change_reaches_a_folder_subscription() {
        let b = testkit::backend();
        let mut s1 = Session::connect(&b, "alice");
        let mut s2 = Session::connect(&b, "alice");
        let inbox = folder(&b, SpecialFolder::Inbox);
        let outbox = folder(&b, SpecialFolder::Outbox);
        let (logon1, _) = s1.logon_private("alice");
        let (logon2, _) = s2.logon_private("alice");
        let (r, handles) = s1.run(
            &[register(
                NotificationTypes::OBJECT_CREATED,
                Some((inbox, MessageId(0))),
            )],
            &[logon1, NULL],
        );
        assert_eq!(
            r[0],
            RopResponse::RegisterNotification(ResponseHeader {
                handle_index: 1,
                return_value: ErrorCode::SUCCESS,
            })
        );
        let subscription = handles[1];
        assert_ne!(subscription, NULL);
        assert!(!s1.ctx.event_pending());

        // Session 2's changes: one in the Inbox, one elsewhere, one of another type, one in
        // another store. Only the first is for session 1.
        assert_eq!(b.hub().publish(created(inbox, 0x0001_0000_0000_0401)), 1);
        assert_eq!(b.hub().publish(created(outbox, 0x0001_0000_0000_0402)), 0);
        b.hub().publish(StoreEvent::Modified {
            mailbox: alice(),
            fid: inbox,
            mid: None,
        });
        b.hub().publish(StoreEvent::Created {
            mailbox: MailboxKey::Private(user("bob", "").legacy_dn),
            fid: inbox,
            mid: Some(MessageId(0x0001_0000_0000_0403)),
            parent: inbox,
        });
        assert!(s1.ctx.event_pending());
        assert!(!s2.ctx.event_pending());

        // The next Execute, even one with no ROPs, carries the RopNotify.
        let (r, _) = s1.run(&[], &[logon1]);
        let got = notifications(&r);
        assert_eq!(got.len(), 1, "{r:?}");
        let n = &got[0];
        assert_eq!(n.notification_handle, subscription);
        assert_eq!(n.logon_id, 0);
        assert_eq!(
            n.data.flags,
            NotificationFlags(NotificationFlags::OBJECT_CREATED.0 | NotificationFlags::MESSAGE.0)
        );
        assert_eq!(n.data.folder_id, Some(inbox));
        assert_eq!(n.data.message_id, Some(MessageId(0x0001_0000_0000_0401)));
        assert_eq!(n.data.parent_folder_id, None);
        assert!(!s1.ctx.event_pending());
        let (r, _) = s2.run(&[], &[logon2]);
        assert!(notifications(&r).is_empty());
    }

    #[test]
    fn whole_store_subscription_hears_new_mail_until_released() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let inbox = folder(&b, SpecialFolder::Inbox);
        let (logon, _) = s.logon_private("alice");
        let (_, handles) = s.run(
            &[register(NotificationTypes::NEW_MAIL, None)],
            &[logon, NULL],
        );
        assert_eq!(b.hub().len(), 1);
        let mail = StoreEvent::NewMail {
            mailbox: alice(),
            fid: inbox,
            mid: MessageId(0x0001_0000_0000_0500),
            message_flags: 0,
            message_class: "IPM.Note".into(),
        };
        assert_eq!(b.hub().publish(mail.clone()), 1);
        let (r, _) = s.run(
            &[RopRequest::GetStoreState(GetStoreStateRequest {
                logon_id: 0,
                input_handle_index: 0,
            })],
            &[logon, handles[1]],
        );
        let got = notifications(&r);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].notification_handle, handles[1]);
        assert_eq!(
            got[0].data.new_mail,
            Some(NewMail {
                message_flags: 0,
                unicode_flag: 1,
                message_class: "IPM.Note".into(),
            })
        );
        // Releasing the subscription ends it.
        s.run(
            &[RopRequest::Release(ReleaseRequest {
                logon_id: 0,
                input_handle_index: 1,
            })],
            &[logon, handles[1]],
        );
        assert!(b.hub().is_empty());
        assert_eq!(b.hub().publish(mail), 0);
    }

    #[test]
    fn register_failures() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let inbox = folder(&b, SpecialFolder::Inbox);
        let (logon, _) = s.logon_private("alice");
        let (r, h) = s.run(
            &[
                register(
                    NotificationTypes::OBJECT_CREATED,
                    Some((FolderId(0x0001_0000_0000_7777), MessageId(0))),
                ),
                register(
                    NotificationTypes::OBJECT_MODIFIED,
                    Some((inbox, MessageId(0x0001_0000_0000_7777))),
                ),
                register(NotificationTypes(0), None),
            ],
            &[logon, NULL],
        );
        let codes: Vec<ErrorCode> = r
            .iter()
            .map(|r| match r {
                RopResponse::RegisterNotification(h) => h.return_value,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            codes,
            [
                ErrorCode::NOT_FOUND,
                ErrorCode::NOT_FOUND,
                ErrorCode::INVALID_PARAMETER
            ]
        );
        assert_eq!(h[1], NULL);
        assert!(b.hub().is_empty());
        // A subscription is not a Logon object: registering on it is refused.
        let (_, h) = s.run(
            &[register(NotificationTypes::OBJECT_CREATED, None)],
            &[logon, NULL],
        );
        let mut on_sub = register(NotificationTypes::OBJECT_CREATED, None);
        if let RopRequest::RegisterNotification(r) = &mut on_sub {
            r.input_handle_index = 1;
            r.output_handle_index = 0;
        }
        let (r, _) = s.run(&[on_sub], &[NULL, h[1]]);
        assert_eq!(
            r[0],
            RopResponse::RegisterNotification(ResponseHeader {
                handle_index: 0,
                return_value: ErrorCode::NOT_SUPPORTED,
            })
        );
    }

    #[test]
    fn every_event_encodes_as_its_notification_data() {
        let f = FolderId(0x0001_0000_0000_0100);
        let p = FolderId(0x0001_0000_0000_0101);
        let m = Some(MessageId(0x0001_0000_0000_0200));
        let events = [
            created(f, 0x0001_0000_0000_0200),
            StoreEvent::Created {
                mailbox: alice(),
                fid: f,
                mid: None,
                parent: p,
            },
            StoreEvent::Deleted {
                mailbox: alice(),
                fid: f,
                mid: m,
                parent: f,
            },
            StoreEvent::Modified {
                mailbox: alice(),
                fid: f,
                mid: None,
            },
            StoreEvent::MovedOrCopied {
                mailbox: alice(),
                copied: false,
                fid: f,
                mid: None,
                parent: p,
                old_fid: f,
                old_mid: None,
                old_parent: FolderId(0x0001_0000_0000_0102),
            },
            StoreEvent::MovedOrCopied {
                mailbox: alice(),
                copied: true,
                fid: p,
                mid: Some(MessageId(0x0001_0000_0000_0201)),
                parent: p,
                old_fid: f,
                old_mid: m,
                old_parent: f,
            },
            StoreEvent::NewMail {
                mailbox: alice(),
                fid: f,
                mid: MessageId(0x0001_0000_0000_0202),
                message_flags: 1,
                message_class: "IPM.Note".into(),
            },
        ];
        for e in events {
            let d = e.notification_data();
            assert_eq!(
                d.flags.notification_type(),
                u16::from(e.notification_type().0),
                "{e:?}"
            );
            let mut bytes = Vec::new();
            d.encode_with(None, &mut bytes)
                .unwrap_or_else(|err| panic!("{e:?}: {err:?}"));
            let (rest, back) = NotificationData::decode_with(None, &bytes).unwrap();
            assert!(rest.is_empty());
            assert_eq!(back, d);
        }
    }
}
