//! The emulator's in-memory Exchange store: private mailboxes (one per user, keyed by legacy
//! DN) and one public folder store, with the semantic operations ROP handlers translate
//! requests into. Pure synchronous code: the handler holds the [`Store`] behind a lock.
//!
//! Map of the API:
//! - [`Store`]: mailboxes by legacy DN and the public store.
//! - [`Mailbox`]: one store. Identity and ids (`mailbox_guid`, `repl_guid`,
//!   `special_folder_ids`, entry IDs, long-term IDs), receive folders, per-user data,
//!   replicas, named properties, folder and message operations, open instances
//!   ([`ObjHandle`]) and property access on any [`ObjectRef`].
//! - [`TableView`]: hierarchy, contents, attachment and recipient tables.
//! - [`restrict::evaluate`]: restriction evaluation.
//!
//! Every fallible call returns the [`ErrorCode`] a ROP's ReturnValue carries.

pub mod ext_logon;
pub mod mailbox;
pub mod model;
pub mod named;
pub mod objects;
pub mod ops;
pub mod populate;
pub mod props;
pub mod restrict;
pub mod table;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::emulator::User;
use crate::wire::ErrorCode;
use crate::wire::FileTime;
use crate::wire::property::PropertyTag;
use crate::wire::property::tags as t;

pub use mailbox::{Mailbox, ObjHandle, ObjectRef, PerUserData, SpecialFolder, StoreKind};
pub use model::{Attachment, FolderKind, MessageContent, ReceiveFolder, Recipient};
pub use ops::DeleteFolderFlags;
pub use populate::{CONTENT, INBOX_UNREAD, message_count};
pub use table::{Origin, QueryResult, SeekResult, TableKind, TableView};

/// `PidTagFolderChildCount` (MS-OXPROPS 2.694): property id 0x6638, PtypInteger32. The tag
/// table lists 0x6638 only with PtypBinary (PidTagSerializedReplidGuidMap), so it is here.
pub const PID_TAG_FOLDER_CHILD_COUNT: PropertyTag = PropertyTag::new(0x6638_0003);

/// The time generated content is anchored to (2024-06-01T00:00:00Z), so that a seed gives
/// the same times on every run.
pub const EPOCH: FileTime = FileTime(133_616_160_000_000_000);

/// Every store of the emulator.
#[derive(Debug)]
pub struct Store {
    mailboxes: BTreeMap<String, Mailbox>,
    public: Mailbox,
    seed: u64,
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

fn guid(rng: &mut populate::Rng) -> Uuid {
    let hi = rng.next_u64();
    let lo = rng.next_u64();
    uuid::Builder::from_random_bytes(((u128::from(hi) << 64) | u128::from(lo)).to_be_bytes())
        .into_uuid()
}

impl Store {
    /// A store with a populated mailbox for each user and a public store; the same `seed` and
    /// users give the same content, ids and GUIDs.
    pub fn new(users: &[User], seed: u64) -> Self {
        let mut s = Self::empty(seed);
        for u in users {
            s.add_user(u, true);
        }
        s
    }

    /// A store with only the public folders.
    pub fn empty(seed: u64) -> Self {
        let mut rng = populate::Rng::new(seed ^ 0x5055_424C_4943);
        let mg = guid(&mut rng);
        let rg = guid(&mut rng);
        let mut public = Mailbox::empty(StoreKind::Public, mg, rg, EPOCH);
        build_public(&mut public);
        Store {
            mailboxes: BTreeMap::new(),
            public,
            seed,
        }
    }

    /// Adds (or replaces) `user`'s mailbox, with generated content if `populate`.
    pub fn add_user(&mut self, user: &User, populate: bool) {
        let key = user.legacy_dn.to_ascii_lowercase();
        let mut rng = populate::Rng::new(self.seed ^ fnv(&key));
        let mg = guid(&mut rng);
        let rg = guid(&mut rng);
        let mut mb = Mailbox::empty(
            StoreKind::Private {
                legacy_dn: user.legacy_dn.clone(),
                display_name: user.display_name.clone(),
                smtp_address: user.smtp_address.clone(),
            },
            mg,
            rg,
            EPOCH,
        );
        build_private(&mut mb);
        if populate {
            mb.populate(rng.next_u64());
        }
        self.mailboxes.insert(key, mb);
    }

    /// The mailbox of the user with this legacy DN (case-insensitive, as Exchange matches DNs).
    pub fn mailbox(&self, legacy_dn: &str) -> Option<&Mailbox> {
        self.mailboxes.get(&legacy_dn.to_ascii_lowercase())
    }

    /// The mailbox to change.
    pub fn mailbox_mut(&mut self, legacy_dn: &str) -> Option<&mut Mailbox> {
        self.mailboxes.get_mut(&legacy_dn.to_ascii_lowercase())
    }

    /// RopLogon's lookup: the mailbox or ecUnknownUser (MS-OXCSTOR 3.2.5.1.1).
    pub fn logon(&mut self, legacy_dn: &str) -> Result<&mut Mailbox, ErrorCode> {
        self.mailbox_mut(legacy_dn).ok_or(ErrorCode::UNKNOWN_USER)
    }

    /// The public folder store.
    pub fn public(&self) -> &Mailbox {
        &self.public
    }

    /// The public folder store, to change.
    pub fn public_mut(&mut self) -> &mut Mailbox {
        &mut self.public
    }

    /// Legacy DNs of all mailboxes (lowercase).
    pub fn mailbox_dns(&self) -> impl Iterator<Item = &str> {
        self.mailboxes.keys().map(String::as_str)
    }
}

/// Counters of the special folders: fixed, so their FolderIds are the same in every mailbox.
fn special_counter(s: SpecialFolder) -> u64 {
    0x10 + s as u64
}

fn build_private(mb: &mut Mailbox) {
    use SpecialFolder as S;
    let root = special_counter(S::Root);
    mb.new_folder(root, None, "", FolderKind::Root, None);
    mb.special.insert(S::Root, root);
    let at_root: [(S, &str, Option<&str>); 8] = [
        (S::DeferredAction, "Deferred Action", None),
        (S::SpoolerQueue, "Spooler Queue", None),
        (S::IpmSubtree, "Top of Information Store", None),
        (S::CommonViews, "Common Views", None),
        (S::Schedule, "Schedule", None),
        (S::Finder, "Finder", None),
        (S::Views, "Views", None),
        (S::Shortcuts, "Shortcuts", None),
    ];
    for (s, name, class) in at_root {
        let c = special_counter(s);
        mb.new_folder(c, Some(root), name, FolderKind::Generic, class);
        mb.special.insert(s, c);
    }
    let ipm = special_counter(S::IpmSubtree);
    // MS-OXOSFLD 2.2.2 container classes.
    let in_ipm: [(S, &str, &str); 10] = [
        (S::Inbox, "Inbox", "IPF.Note"),
        (S::Outbox, "Outbox", "IPF.Note"),
        (S::SentItems, "Sent Items", "IPF.Note"),
        (S::DeletedItems, "Deleted Items", "IPF.Note"),
        (S::Calendar, "Calendar", "IPF.Appointment"),
        (S::Contacts, "Contacts", "IPF.Contact"),
        (S::Drafts, "Drafts", "IPF.Note"),
        (S::Journal, "Journal", "IPF.Journal"),
        (S::Notes, "Notes", "IPF.StickyNote"),
        (S::Tasks, "Tasks", "IPF.Task"),
    ];
    for (s, name, class) in in_ipm {
        let c = special_counter(s);
        mb.new_folder(c, Some(ipm), name, FolderKind::Generic, Some(class));
        mb.special.insert(s, c);
    }
    let inbox = Mailbox::fid(special_counter(S::Inbox));
    let now = mb.clock;
    for class in ["", "IPM", "REPORT.IPM"] {
        mb.receive.insert(
            class.to_owned(),
            ReceiveFolder {
                message_class: class.to_owned(),
                folder: inbox,
                modified: now,
            },
        );
    }
    mb.receive.insert(
        "IPC".to_owned(),
        ReceiveFolder {
            message_class: "IPC".to_owned(),
            folder: Mailbox::fid(root),
            modified: now,
        },
    );
    // The store's own display properties live in its bag so clients can read them back.
    mb.store_props.put(t::PID_TAG_DEFAULT_STORE, true);
}

fn build_public(mb: &mut Mailbox) {
    use SpecialFolder as S;
    let root = special_counter(S::PublicRoot);
    mb.new_folder(root, None, "", FolderKind::Root, None);
    mb.special.insert(S::PublicRoot, root);
    let tree: [(S, S, &str); 8] = [
        (S::PublicIpmSubtree, S::PublicRoot, "IPM_SUBTREE"),
        (S::NonIpmSubtree, S::PublicRoot, "NON_IPM_SUBTREE"),
        (S::EformsRegistry, S::NonIpmSubtree, "EFORMS REGISTRY"),
        (S::FreeBusy, S::NonIpmSubtree, "SCHEDULE+ FREE BUSY"),
        (
            S::OfflineAddressBook,
            S::NonIpmSubtree,
            "OFFLINE ADDRESS BOOK",
        ),
        (S::LocalizedEforms, S::EformsRegistry, "Organization Forms"),
        (
            S::LocalizedFreeBusy,
            S::FreeBusy,
            "EX:/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)",
        ),
        (
            S::LocalizedOab,
            S::OfflineAddressBook,
            "/o=Contoso/cn=addrlists/cn=oabs/cn=Default Offline Address Book",
        ),
    ];
    for (s, parent, name) in tree {
        let c = special_counter(s);
        mb.new_folder(
            c,
            Some(special_counter(parent)),
            name,
            FolderKind::Generic,
            None,
        );
        mb.special.insert(s, c);
    }
    let ipm = special_counter(S::PublicIpmSubtree);
    for (name, class) in [
        ("Company Announcements", "IPF.Note"),
        ("Team Calendar", "IPF.Appointment"),
        ("Shared Contacts", "IPF.Contact"),
    ] {
        let c = mb.alloc_counter();
        mb.new_folder(c, Some(ipm), name, FolderKind::Generic, Some(class));
    }
    if let Some(ann) = mb.child_named(ipm, "Company Announcements") {
        let c = mb.alloc_counter();
        mb.new_folder(
            c,
            Some(ann),
            "Archive",
            FolderKind::Generic,
            Some("IPF.Note"),
        );
    }
}
