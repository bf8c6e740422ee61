//! Behaviour tests of the store: generated content, special folders, operations and their
//! error codes, and table views.
//!
//! Compiled only under `#[cfg(test)]` (declared so in `store/mod.rs`).
#![allow(clippy::bool_assert_comparison)] // the ROP fields are booleans; comparing reads as the spec does

use proptest::prelude::*;

use super::*;
use crate::wire::entry_id::{FolderId, LongTermId, MessageId};
use crate::wire::property::tags as t;
use crate::wire::property::{
    FlaggedPropertyValue, PropertyRow, PropertyType, PropertyValue, SortDirection, SortOrder,
    SortOrderSet, TaggedPropertyValue,
};
use crate::wire::restriction::{
    BitmapRelOp, BitmaskRestriction, CommentRestriction, ComparePropertiesRestriction,
    ContentRestriction, CountRestriction, FuzzyLevelHigh, FuzzyLevelLow, PropertyRestriction,
    RelOp, Restriction, SizeRestriction, SubObjectRestriction,
};

const DN: &str =
    "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice";

fn user() -> User {
    User {
        login: "alice".into(),
        password: "x".into(),
        display_name: "Alice Archer".into(),
        smtp_address: "alice@contoso.com".into(),
        legacy_dn: DN.into(),
        home_server: None,
    }
}

fn store() -> Store {
    Store::new(&[user()], 42)
}

fn sf(mb: &Mailbox, s: SpecialFolder) -> FolderId {
    mb.special_folder(s).unwrap()
}

fn contents(mb: &Mailbox, f: FolderId) -> TableView {
    TableView::open(
        mb,
        TableKind::Contents {
            folder: f,
            associated: false,
        },
        true,
        1252,
    )
    .unwrap()
    .0
}

fn values(row: &PropertyRow) -> Vec<Option<PropertyValue>> {
    match row {
        PropertyRow::Standard(s) => s.values.iter().cloned().map(Some).collect(),
        PropertyRow::Flagged(f) => f
            .values
            .iter()
            .map(|v| match v {
                FlaggedPropertyValue::Value(v) => Some(v.clone()),
                _ => None,
            })
            .collect(),
    }
}

fn subjects(mb: &Mailbox, tv: &mut TableView, n: usize) -> Vec<String> {
    tv.set_columns(&[t::PID_TAG_SUBJECT]).unwrap();
    tv.seek_row(mb, Origin::Beginning, 0).unwrap();
    tv.query_rows(mb, n, true, false)
        .unwrap()
        .rows
        .iter()
        .map(|r| {
            values(r)[0]
                .as_ref()
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

fn tagged(
    tag: crate::wire::property::PropertyTag,
    v: impl Into<PropertyValue>,
) -> TaggedPropertyValue {
    TaggedPropertyValue {
        tag,
        value: v.into(),
    }
}

// ---- populate ----

#[test]
fn populate_counts_match_the_constants() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    for (which, n, _) in CONTENT {
        let f = sf(mb, which);
        assert_eq!(mb.message_ids(f, false).unwrap().len(), n, "{which:?}");
        let row = mb
            .get_props(ObjectRef::Folder(f), &[t::PID_TAG_CONTENT_COUNT], 1252)
            .unwrap();
        assert_eq!(values(&row)[0], Some(PropertyValue::Integer32(n as i32)));
    }
    let inbox = sf(mb, SpecialFolder::Inbox);
    let row = mb
        .get_props(
            ObjectRef::Folder(inbox),
            &[
                t::PID_TAG_CONTENT_UNREAD_COUNT,
                t::PID_TAG_ASSOCIATED_CONTENT_COUNT,
            ],
            1252,
        )
        .unwrap();
    assert_eq!(
        values(&row),
        vec![
            Some(PropertyValue::Integer32(INBOX_UNREAD as i32)),
            Some(PropertyValue::Integer32(1))
        ]
    );
    assert_eq!(message_count(SpecialFolder::Outbox), 0);
}

#[test]
fn populate_is_deterministic_and_seed_dependent() {
    let a = Store::new(&[user()], 7);
    let b = Store::new(&[user()], 7);
    let c = Store::new(&[user()], 8);
    let (ma, mb_, mc) = (
        a.mailbox(DN).unwrap(),
        b.mailbox(DN).unwrap(),
        c.mailbox(DN).unwrap(),
    );
    assert_eq!(ma.mailbox_guid(), mb_.mailbox_guid());
    assert_ne!(ma.mailbox_guid(), mc.mailbox_guid());
    let inbox = sf(ma, SpecialFolder::Inbox);
    let mut ta = contents(ma, inbox);
    let mut tb = contents(mb_, inbox);
    let mut tc = contents(mc, inbox);
    let sa = subjects(ma, &mut ta, 500);
    assert_eq!(sa, subjects(mb_, &mut tb, 500));
    assert_ne!(sa, subjects(mc, &mut tc, 500));
}

#[test]
fn generated_messages_are_realistic() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let first = mb.message_ids(inbox, false).unwrap()[0];
    let h = mb.open_message(inbox, first, false).unwrap();
    let tags = [
        t::PID_TAG_SUBJECT,
        t::PID_TAG_SENDER_NAME,
        t::PID_TAG_SENDER_ENTRY_ID,
        t::PID_TAG_DISPLAY_TO,
        t::PID_TAG_BODY,
        t::PID_TAG_MESSAGE_CLASS,
        t::PID_TAG_IMPORTANCE,
        t::PID_TAG_MESSAGE_DELIVERY_TIME,
        t::PID_TAG_INTERNET_MESSAGE_ID,
        t::PID_TAG_CONVERSATION_TOPIC,
        t::PID_TAG_HAS_ATTACHMENTS,
        t::PID_TAG_MESSAGE_SIZE,
        t::PID_TAG_ENTRY_ID,
        t::PID_TAG_MID,
    ];
    let row = mb.get_props(ObjectRef::Instance(h), &tags, 1252).unwrap();
    assert!(matches!(row, PropertyRow::Standard(_)), "{row:?}");
    let v = values(&row);
    assert_eq!(v[3].as_ref().and_then(|x| x.as_str()), Some("Alice Archer"));
    assert_eq!(v[10], Some(PropertyValue::Boolean(true)));
    // Message 0 has two file attachments and an embedded message.
    let atts = mb.attachments(h).unwrap();
    assert_eq!(atts.len(), 3);
    let ah = mb.open_attachment(h, 2, false).unwrap();
    let eh = mb.open_embedded(ah, false).unwrap();
    let row = mb
        .get_props(ObjectRef::Instance(eh), &[t::PID_TAG_SUBJECT], 1252)
        .unwrap();
    assert!(
        values(&row)[0]
            .as_ref()
            .and_then(|v| v.as_str())
            .unwrap()
            .starts_with("Original: ")
    );
    // The entry ID round-trips to the message.
    let eid = v[12].as_ref().and_then(|x| x.as_bytes()).unwrap().to_vec();
    assert_eq!(mb.message_from_entry_id(&eid).unwrap(), (inbox, first));
    mb.release(h);
    assert_eq!(mb.open_instances(), 0);
}

// ---- special folders ----

#[test]
fn private_logon_folders_in_order() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let ids = mb.special_folder_ids();
    let names: Vec<String> = ids
        .iter()
        .map(|f| {
            values(
                &mb.get_props(ObjectRef::Folder(*f), &[t::PID_TAG_DISPLAY_NAME], 1252)
                    .unwrap(),
            )[0]
            .as_ref()
            .and_then(|v| v.as_str())
            .unwrap()
            .to_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "",
            "Deferred Action",
            "Spooler Queue",
            "Top of Information Store",
            "Inbox",
            "Outbox",
            "Sent Items",
            "Deleted Items",
            "Common Views",
            "Schedule",
            "Finder",
            "Views",
            "Shortcuts"
        ]
    );
    for f in &ids[1..] {
        assert_eq!(f.replica_id(), 1);
        assert!(mb.is_special(*f));
    }
    // Root is every special folder's ancestor; Inbox is under the IPM subtree.
    assert_eq!(mb.parent_folder(ids[4]).unwrap(), Some(ids[3]));
    assert_eq!(mb.parent_folder(ids[0]).unwrap(), None);
}

#[test]
fn ipm_entry_ids_on_inbox_and_root_and_container_classes() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let cal = sf(mb, SpecialFolder::Calendar);
    for host in [SpecialFolder::Inbox, SpecialFolder::Root] {
        let row = mb
            .get_props(
                ObjectRef::Folder(sf(mb, host)),
                &[t::PID_TAG_IPM_APPOINTMENT_ENTRY_ID],
                1252,
            )
            .unwrap();
        let eid = values(&row)[0].clone().unwrap();
        assert_eq!(
            mb.folder_from_entry_id(eid.as_bytes().unwrap()).unwrap(),
            cal
        );
    }
    let row = mb
        .get_props(
            ObjectRef::Folder(sf(mb, SpecialFolder::Outbox)),
            &[t::PID_TAG_IPM_APPOINTMENT_ENTRY_ID],
            1252,
        )
        .unwrap();
    assert_eq!(values(&row)[0], None);
    for (s_, class) in [
        (SpecialFolder::Calendar, "IPF.Appointment"),
        (SpecialFolder::Contacts, "IPF.Contact"),
        (SpecialFolder::Tasks, "IPF.Task"),
        (SpecialFolder::Notes, "IPF.StickyNote"),
        (SpecialFolder::Journal, "IPF.Journal"),
        (SpecialFolder::Drafts, "IPF.Note"),
    ] {
        let row = mb
            .get_props(
                ObjectRef::Folder(sf(mb, s_)),
                &[t::PID_TAG_CONTAINER_CLASS],
                1252,
            )
            .unwrap();
        assert_eq!(
            values(&row)[0].as_ref().and_then(|v| v.as_str()),
            Some(class)
        );
    }
    let row = mb
        .get_props(ObjectRef::Store, &[t::PID_TAG_IPM_SUBTREE_ENTRY_ID], 1252)
        .unwrap();
    let eid = values(&row)[0].clone().unwrap();
    assert_eq!(
        mb.folder_from_entry_id(eid.as_bytes().unwrap()).unwrap(),
        sf(mb, SpecialFolder::IpmSubtree)
    );
}

#[test]
fn public_logon_folders() {
    let s = store();
    let p = s.public();
    let ids = p.special_folder_ids();
    assert!(ids[..9].iter().all(|f| f.0 != 0));
    assert!(ids[9..].iter().all(|f| f.0 == 0));
    assert_eq!(p.parent_folder(ids[1]).unwrap(), Some(ids[0]));
    assert_eq!(p.parent_folder(ids[3]).unwrap(), Some(ids[2]));
    assert_eq!(p.child_folders(ids[1]).unwrap().len(), 3);
    assert_eq!(p.owning_servers(ids[1]).unwrap().1, 1);
    assert_eq!(p.is_ghosted(ids[1]).unwrap(), false);
    assert_eq!(
        p.is_ghosted(FolderId(0xFFFF_0001)),
        Err(ErrorCode::NOT_FOUND)
    );
    assert_eq!(
        s.mailbox(DN).unwrap().is_ghosted(ids[1]),
        Err(ErrorCode::NOT_SUPPORTED)
    );
}

// ---- receive folders, ids, per-user ----

#[test]
fn receive_folders() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    assert_eq!(
        mb.get_receive_folder("IPM.Note.Custom").unwrap(),
        (inbox, "IPM".to_owned())
    );
    assert_eq!(
        mb.get_receive_folder("Foo").unwrap(),
        (inbox, String::new())
    );
    let tasks = sf(mb, SpecialFolder::Tasks);
    mb.set_receive_folder("IPM.Task", tasks).unwrap();
    assert_eq!(
        mb.get_receive_folder("ipm.task.x").unwrap(),
        (tasks, "IPM.Task".to_owned())
    );
    assert_eq!(mb.receive_folder_table().len(), 5);
    mb.set_receive_folder("IPM.Task", FolderId(0)).unwrap();
    assert_eq!(mb.get_receive_folder("IPM.Task").unwrap().0, inbox);
    assert_eq!(
        mb.set_receive_folder("", FolderId(0)),
        Err(ErrorCode::ACCESS_DENIED)
    );
    assert_eq!(
        mb.set_receive_folder("IPM..x", tasks),
        Err(ErrorCode::INVALID_PARAMETER)
    );
    assert_eq!(
        mb.set_receive_folder("IPM.X", Mailbox::fid(0xFFFF)),
        Err(ErrorCode::NOT_FOUND)
    );
}

#[test]
fn long_term_ids_round_trip_and_map_new_guids() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let ltid = mb.long_term_id(inbox.0).unwrap();
    assert_eq!(ltid.database_guid, mb.repl_guid());
    assert_eq!(mb.id_from_long_term_id(&ltid).unwrap(), inbox.0);
    let other = LongTermId::new(uuid::Uuid::from_u128(99), ltid.global_counter);
    let id = FolderId(mb.id_from_long_term_id(&other).unwrap());
    assert_eq!(id.replica_id(), 2);
    assert_eq!(mb.long_term_id(id.0).unwrap(), other);
    assert_eq!(
        mb.long_term_id(FolderId::new(9, ltid.global_counter).0),
        Err(ErrorCode::NOT_FOUND)
    );
}

#[test]
fn per_user_information() {
    let mut s = store();
    let pub_guid = s.public().repl_guid();
    let pf = s
        .public()
        .special_folder(SpecialFolder::PublicIpmSubtree)
        .unwrap();
    let ltid = s.public().long_term_id(pf.0).unwrap();
    let mb = s.mailbox_mut(DN).unwrap();
    assert_eq!(mb.read_per_user(&ltid, 0, 100).unwrap(), (true, vec![]));
    mb.write_per_user(&ltid, false, 0, &[1, 2, 3], Some(pub_guid))
        .unwrap();
    assert_eq!(
        mb.write_per_user(&ltid, true, 9, &[4], None),
        Err(ErrorCode::INVALID_PARAMETER)
    );
    mb.write_per_user(&ltid, true, 3, &[4, 5], None).unwrap();
    assert_eq!(mb.read_per_user(&ltid, 1, 2).unwrap(), (false, vec![2, 3]));
    assert_eq!(mb.read_per_user(&ltid, 3, 100).unwrap(), (true, vec![4, 5]));
    assert_eq!(mb.per_user_long_term_ids(pub_guid).unwrap(), vec![ltid]);
    assert_eq!(mb.per_user_guid(&ltid).unwrap(), pub_guid);
    assert_eq!(
        s.public().per_user_guid(&ltid),
        Err(ErrorCode::NOT_SUPPORTED)
    );
}

// ---- folders ----

#[test]
fn create_folder_duplicate_and_open_existing() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let (f, existed) = mb
        .create_folder(inbox, FolderKind::Generic, "Projects", "", false)
        .unwrap();
    assert!(!existed);
    assert_eq!(
        mb.create_folder(inbox, FolderKind::Generic, "projects", "", false),
        Err(ErrorCode::COLLIDING_NAMES)
    );
    assert_eq!(ErrorCode::COLLIDING_NAMES.0, 0x8004_0604);
    assert_eq!(
        mb.create_folder(inbox, FolderKind::Generic, "PROJECTS", "", true)
            .unwrap(),
        (f, true)
    );
    assert_eq!(
        mb.create_folder(Mailbox::fid(0xFFFF), FolderKind::Generic, "x", "", false),
        Err(ErrorCode::NOT_FOUND)
    );
    let row = mb
        .get_props(
            ObjectRef::Folder(inbox),
            &[t::PID_TAG_SUBFOLDERS, super::PID_TAG_FOLDER_CHILD_COUNT],
            1252,
        )
        .unwrap();
    assert_eq!(
        values(&row),
        vec![
            Some(PropertyValue::Boolean(true)),
            Some(PropertyValue::Integer32(1))
        ]
    );
    let row = mb
        .get_props(
            ObjectRef::Folder(f),
            &[t::PID_TAG_CONTAINER_CLASS, t::PID_TAG_PARENT_FOLDER_ID],
            1252,
        )
        .unwrap();
    assert_eq!(
        values(&row),
        vec![
            Some(PropertyValue::string("IPF.Note")),
            Some(PropertyValue::Integer64(inbox.0 as i64))
        ]
    );
}

#[test]
fn delete_folder_flags_and_special_folders() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let ipm = sf(mb, SpecialFolder::IpmSubtree);
    let inbox = sf(mb, SpecialFolder::Inbox);
    assert_eq!(
        mb.delete_folder(ipm, inbox, DeleteFolderFlags::from_bits(0x15)),
        Err(ErrorCode::ACCESS_DENIED)
    );
    let (f, _) = mb
        .create_folder(inbox, FolderKind::Generic, "A", "", false)
        .unwrap();
    let (sub, _) = mb
        .create_folder(f, FolderKind::Generic, "B", "", false)
        .unwrap();
    let h = mb.create_message(sub, false).unwrap();
    mb.save_message(h).unwrap();
    mb.release(h);
    assert_eq!(
        mb.delete_folder(inbox, f, DeleteFolderFlags::default())
            .unwrap(),
        true
    );
    assert!(mb.open_folder(f).is_ok());
    assert_eq!(
        mb.delete_folder(ipm, f, DeleteFolderFlags::from_bits(0x05)),
        Err(ErrorCode::NOT_FOUND)
    );
    assert_eq!(
        mb.delete_folder(inbox, f, DeleteFolderFlags::from_bits(0x05))
            .unwrap(),
        false
    );
    assert_eq!(mb.open_folder(f), Err(ErrorCode::NOT_FOUND));
    assert_eq!(mb.open_folder(sub), Err(ErrorCode::NOT_FOUND));
}

#[test]
fn move_and_copy_folder() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let ipm = sf(mb, SpecialFolder::IpmSubtree);
    let (a, _) = mb
        .create_folder(inbox, FolderKind::Generic, "A", "", false)
        .unwrap();
    let (b, _) = mb
        .create_folder(a, FolderKind::Generic, "B", "", false)
        .unwrap();
    assert_eq!(
        mb.move_folder(inbox, b, a, "A"),
        Err(ErrorCode::FOLDER_CYCLE)
    );
    assert_eq!(
        mb.move_folder(inbox, ipm, a, "Inbox"),
        Err(ErrorCode::COLLIDING_NAMES)
    );
    mb.move_folder(inbox, ipm, a, "A2").unwrap();
    assert_eq!(mb.parent_folder(a).unwrap(), Some(ipm));
    let h = mb.create_message(b, false).unwrap();
    mb.save_message(h).unwrap();
    mb.release(h);
    let c = mb.copy_folder(ipm, inbox, a, "Copy", true).unwrap();
    let cb = mb.find_child(c, "B").unwrap().unwrap();
    assert_eq!(mb.message_ids(cb, false).unwrap().len(), 1);
    let shallow = mb.copy_folder(ipm, inbox, a, "Shallow", false).unwrap();
    assert!(mb.child_folders(shallow).unwrap().is_empty());
    assert_eq!(
        mb.move_folder(ipm, a, sf(mb, SpecialFolder::Inbox), "x"),
        Err(ErrorCode::ACCESS_DENIED)
    );
    assert_eq!(
        mb.move_folder(inbox, ipm, sf(mb, SpecialFolder::Outbox), "x"),
        Err(ErrorCode::NOT_FOUND)
    );
}

#[test]
fn empty_folder_keeps_fai_unless_asked() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    assert_eq!(mb.empty_folder(inbox, false).unwrap(), false);
    assert!(mb.message_ids(inbox, false).unwrap().is_empty());
    assert_eq!(mb.message_ids(inbox, true).unwrap().len(), 1);
    mb.empty_folder(inbox, true).unwrap();
    assert!(mb.message_ids(inbox, true).unwrap().is_empty());
    assert_eq!(
        mb.empty_folder(sf(mb, SpecialFolder::Root), true),
        Err(ErrorCode::ACCESS_DENIED)
    );
    // Emptying the IPM subtree's parent-level folder with special children keeps them.
    let del = sf(mb, SpecialFolder::DeletedItems);
    assert_eq!(mb.empty_folder(del, false).unwrap(), false);
}

#[test]
fn folder_set_props_problems() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let problems = mb
        .set_props(
            ObjectRef::Folder(inbox),
            &[
                tagged(t::PID_TAG_COMMENT, "hello"),
                tagged(t::PID_TAG_FOLDER_ID, PropertyValue::Integer64(5)),
                tagged(t::PID_TAG_DISPLAY_NAME, "Outbox"),
                tagged(t::PID_TAG_CONTENT_COUNT, PropertyValue::Integer32(1)),
            ],
            1252,
        )
        .unwrap();
    let errs: Vec<(u16, ErrorCode)> = problems.iter().map(|p| (p.index, p.error)).collect();
    assert_eq!(
        errs,
        vec![
            (1, ErrorCode::ACCESS_DENIED),
            (2, ErrorCode::COLLIDING_NAMES),
            (3, ErrorCode::ACCESS_DENIED)
        ]
    );
    let row = mb
        .get_props(
            ObjectRef::Folder(inbox),
            &[
                t::PID_TAG_COMMENT.with_type(PropertyType::STRING8),
                t::PID_TAG_DISPLAY_NAME,
            ],
            1252,
        )
        .unwrap();
    let v = values(&row);
    assert_eq!(
        v[0].as_ref()
            .and_then(|v| v.as_string8())
            .map(|s| s.bytes.clone()),
        Some(b"hello".to_vec())
    );
    assert_eq!(v[1].as_ref().and_then(|v| v.as_str()), Some("Inbox"));
    let problems = mb
        .delete_props(
            ObjectRef::Folder(inbox),
            &[t::PID_TAG_COMMENT, t::PID_TAG_ENTRY_ID],
        )
        .unwrap();
    assert_eq!(problems.len(), 1);
    let row = mb
        .get_props(ObjectRef::Folder(inbox), &[t::PID_TAG_COMMENT], 1252)
        .unwrap();
    match row {
        PropertyRow::Flagged(f) => assert_eq!(
            f.values[0],
            FlaggedPropertyValue::Error(PropertyType::STRING, ErrorCode::NOT_FOUND)
        ),
        other => panic!("{other:?}"),
    }
}

// ---- messages ----

#[test]
fn created_message_is_invisible_until_saved() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let drafts = sf(mb, SpecialFolder::Drafts);
    let (mut tv, n) = TableView::open(
        mb,
        TableKind::Contents {
            folder: drafts,
            associated: false,
        },
        true,
        1252,
    )
    .unwrap();
    assert_eq!(n, 8);
    let h = mb.create_message(drafts, false).unwrap();
    mb.set_props(
        ObjectRef::Instance(h),
        &[tagged(t::PID_TAG_SUBJECT, "New draft")],
        1252,
    )
    .unwrap();
    assert_eq!(tv.row_count(mb).unwrap(), 8);
    let row = mb
        .get_props(ObjectRef::Instance(h), &[t::PID_TAG_MID], 1252)
        .unwrap();
    assert_eq!(values(&row)[0], None);
    let mid = mb.save_message(h).unwrap();
    assert_eq!(mid.replica_id(), 1);
    assert_eq!(tv.row_count(mb).unwrap(), 9);
    let row = mb
        .get_props(ObjectRef::Instance(h), &[t::PID_TAG_MID], 1252)
        .unwrap();
    assert_eq!(
        values(&row)[0],
        Some(PropertyValue::Integer64(mid.0 as i64))
    );
    // A second save keeps the id.
    assert_eq!(mb.save_message(h).unwrap(), mid);
    mb.release(h);
    // A read-only instance cannot be saved or changed.
    let ro = mb.open_message(drafts, mid, false).unwrap();
    assert_eq!(mb.save_message(ro), Err(ErrorCode::ACCESS_DENIED));
    assert_eq!(
        mb.set_props(
            ObjectRef::Instance(ro),
            &[tagged(t::PID_TAG_SUBJECT, "x")],
            1252
        ),
        Err(ErrorCode::ACCESS_DENIED)
    );
    mb.release(ro);
    assert_eq!(
        mb.get_props(ObjectRef::Instance(ro), &[t::PID_TAG_MID], 1252),
        Err(ErrorCode::NULL_OBJECT)
    );
    assert_eq!(
        mb.open_message(sf(mb, SpecialFolder::Inbox), mid, false),
        Err(ErrorCode::NOT_FOUND)
    );
}

#[test]
fn delete_move_copy_messages_with_partial_completion() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let del = sf(mb, SpecialFolder::DeletedItems);
    let ids = mb.message_ids(inbox, false).unwrap();
    let bogus = MessageId::new(
        1,
        crate::wire::entry_id::GlobalCounter::from_u64(0xFFFF_FFFF).unwrap(),
    );
    let (partial, new) = mb
        .move_copy_messages(inbox, del, &[ids[0], ids[1], bogus], false)
        .unwrap();
    assert!(partial);
    assert_eq!(new.len(), 2);
    assert_eq!(mb.message_ids(inbox, false).unwrap().len(), 118);
    assert_eq!(mb.message_ids(del, false).unwrap().len(), 27);
    let (partial, copies) = mb.move_copy_messages(del, inbox, &new, true).unwrap();
    assert!(!partial);
    assert_eq!(copies.len(), 2);
    assert_eq!(mb.message_ids(inbox, false).unwrap().len(), 120);
    assert!(mb.delete_messages(inbox, &[ids[5], new[0]]).unwrap());
    assert_eq!(mb.message_ids(inbox, false).unwrap().len(), 119);
    assert!(!mb.delete_messages(del, &[new[0]]).unwrap());
}

#[test]
fn read_flags_bulk_and_single() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let unread = |mb: &Mailbox| {
        values(
            &mb.get_props(
                ObjectRef::Folder(inbox),
                &[t::PID_TAG_CONTENT_UNREAD_COUNT],
                1252,
            )
            .unwrap(),
        )[0]
        .clone()
    };
    assert_eq!(unread(mb), Some(PropertyValue::Integer32(40)));
    assert!(!mb.set_read_flags(inbox, &[], 0).unwrap());
    assert_eq!(unread(mb), Some(PropertyValue::Integer32(0)));
    let ids = mb.message_ids(inbox, false).unwrap();
    mb.set_read_flags(inbox, &ids[..3], model::read_flags::CLEAR_READ_FLAG)
        .unwrap();
    assert_eq!(unread(mb), Some(PropertyValue::Integer32(3)));
    let h = mb.open_message(inbox, ids[0], true).unwrap();
    assert!(mb.set_message_read_flag(h, 0).unwrap());
    assert!(!mb.set_message_read_flag(h, 0).unwrap());
    assert_eq!(unread(mb), Some(PropertyValue::Integer32(2)));
    mb.release(h);
    assert_eq!(
        mb.set_message_status(inbox, ids[1], 0x1000, 0x1000)
            .unwrap(),
        0
    );
    assert_eq!(mb.get_message_status(inbox, ids[1]).unwrap(), 0x1000);
    assert_eq!(
        mb.get_message_status(sf(mb, SpecialFolder::Outbox), ids[1]),
        Err(ErrorCode::NOT_FOUND)
    );
}

#[test]
fn recipients_and_attachments() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let drafts = sf(mb, SpecialFolder::Drafts);
    let h = mb.create_message(drafts, false).unwrap();
    mb.modify_recipients(
        h,
        &[
            (
                0,
                vec![
                    (t::PID_TAG_DISPLAY_NAME, PropertyValue::string("Bob")),
                    (t::PID_TAG_RECIPIENT_TYPE, PropertyValue::Integer32(1)),
                ],
            ),
            (
                1,
                vec![
                    (t::PID_TAG_DISPLAY_NAME, PropertyValue::string("Carol")),
                    (t::PID_TAG_RECIPIENT_TYPE, PropertyValue::Integer32(2)),
                ],
            ),
        ],
        1252,
    )
    .unwrap();
    let row = mb
        .get_props(
            ObjectRef::Instance(h),
            &[t::PID_TAG_DISPLAY_TO, t::PID_TAG_DISPLAY_CC],
            1252,
        )
        .unwrap();
    assert_eq!(
        values(&row),
        vec![
            Some(PropertyValue::string("Bob")),
            Some(PropertyValue::string("Carol"))
        ]
    );
    assert_eq!(mb.read_recipients(h, 1, 10).unwrap().len(), 1);
    assert_eq!(
        mb.read_recipients(h, 2, 10).err(),
        Some(ErrorCode::NOT_FOUND)
    );
    mb.modify_recipients(h, &[(0, vec![])], 1252).unwrap();
    assert_eq!(mb.recipients(h).unwrap().len(), 1);
    let (ah, num) = mb.create_attachment(h).unwrap();
    assert_eq!(num, 0);
    mb.set_props(
        ObjectRef::Instance(ah),
        &[tagged(t::PID_TAG_ATTACH_DATA_BINARY, vec![1u8, 2, 3])],
        1252,
    )
    .unwrap();
    assert!(mb.attachments(h).unwrap().is_empty());
    mb.save_attachment(ah).unwrap();
    assert_eq!(mb.attachments(h).unwrap().len(), 1);
    let (ah2, num2) = mb.create_attachment(h).unwrap();
    assert_eq!(num2, 1);
    let eh = mb.open_embedded(ah2, true).unwrap();
    mb.set_props(
        ObjectRef::Instance(eh),
        &[tagged(t::PID_TAG_SUBJECT, "inner")],
        1252,
    )
    .unwrap();
    mb.save_message(eh).unwrap();
    mb.save_attachment(ah2).unwrap();
    let mid = mb.save_message(h).unwrap();
    mb.release(h);
    assert_eq!(mb.open_instances(), 0);
    let h = mb.open_message(drafts, mid, true).unwrap();
    let (mut tv, n) = TableView::open(mb, TableKind::Attachments(h), true, 1252).unwrap();
    assert_eq!(n, 2);
    tv.set_columns(&[t::PID_TAG_ATTACH_NUMBER, t::PID_TAG_ATTACH_METHOD])
        .unwrap();
    let rows = tv.query_rows(mb, 10, true, false).unwrap().rows;
    assert_eq!(
        values(&rows[1]),
        vec![
            Some(PropertyValue::Integer32(1)),
            Some(PropertyValue::Integer32(5))
        ]
    );
    let ah = mb.open_attachment(h, 1, false).unwrap();
    let eh = mb.open_embedded(ah, false).unwrap();
    assert_eq!(
        values(
            &mb.get_props(ObjectRef::Instance(eh), &[t::PID_TAG_SUBJECT], 1252)
                .unwrap()
        )[0],
        Some(PropertyValue::string("inner"))
    );
    assert_eq!(mb.open_attachment(h, 9, false), Err(ErrorCode::NOT_FOUND));
    assert_eq!(
        mb.read_stream(ObjectRef::Instance(ah), t::PID_TAG_ATTACH_DATA_BINARY, 1252),
        Err(ErrorCode::NOT_FOUND)
    );
    mb.delete_attachment(h, 0).unwrap();
    assert_eq!(mb.delete_attachment(h, 0), Err(ErrorCode::NOT_FOUND));
    mb.release(h);
}

#[test]
fn streams_and_copy_props() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let ids = mb.message_ids(inbox, false).unwrap();
    let a = mb.open_message(inbox, ids[0], true).unwrap();
    let b = mb.create_message(inbox, false).unwrap();
    let body = mb
        .read_stream(ObjectRef::Instance(a), t::PID_TAG_BODY, 1252)
        .unwrap();
    assert_eq!(body.len() % 2, 0);
    mb.write_stream(ObjectRef::Instance(b), t::PID_TAG_BODY, &body, 1252)
        .unwrap();
    assert_eq!(
        mb.read_stream(ObjectRef::Instance(b), t::PID_TAG_BODY, 1252)
            .unwrap(),
        body
    );
    mb.set_props(
        ObjectRef::Instance(b),
        &[tagged(t::PID_TAG_SUBJECT, "keep me")],
        1252,
    )
    .unwrap();
    let p = mb
        .copy_props(
            ObjectRef::Instance(a),
            ObjectRef::Instance(b),
            &[
                t::PID_TAG_SUBJECT,
                t::PID_TAG_SENDER_NAME,
                t::PID_TAG_COMMENT,
            ],
            true,
            false,
        )
        .unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].error, ErrorCode::NOT_FOUND);
    let v = values(
        &mb.get_props(
            ObjectRef::Instance(b),
            &[t::PID_TAG_SUBJECT, t::PID_TAG_SENDER_NAME],
            1252,
        )
        .unwrap(),
    );
    assert_eq!(v[0], Some(PropertyValue::string("keep me")));
    assert!(v[1].is_some());
    mb.copy_to(
        ObjectRef::Instance(a),
        ObjectRef::Instance(b),
        &[],
        false,
        false,
    )
    .unwrap();
    assert_eq!(mb.attachments(b).unwrap().len(), 3);
    assert_ne!(
        values(
            &mb.get_props(ObjectRef::Instance(b), &[t::PID_TAG_SUBJECT], 1252)
                .unwrap()
        )[0],
        Some(PropertyValue::string("keep me"))
    );
    assert_eq!(
        mb.copy_to(
            ObjectRef::Instance(a),
            ObjectRef::Folder(inbox),
            &[],
            false,
            false
        ),
        Err(ErrorCode::NOT_SUPPORTED)
    );
    assert_eq!(
        mb.copy_to(
            ObjectRef::Instance(a),
            ObjectRef::Instance(a),
            &[],
            false,
            false
        ),
        Err(ErrorCode::INVALID_PARAMETER)
    );
    mb.release(a);
    mb.release(b);
}

#[test]
fn get_all_props_and_list() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let all = mb
        .get_all_props(ObjectRef::Folder(inbox), false, 1252)
        .unwrap();
    let dn = all
        .iter()
        .find(|v| v.tag.id() == t::PID_TAG_DISPLAY_NAME.id())
        .unwrap();
    assert_eq!(dn.tag.prop_type(), PropertyType::STRING8);
    let list = mb.prop_list(ObjectRef::Folder(inbox)).unwrap();
    assert!(list.contains(&t::PID_TAG_FOLDER_ID));
    assert!(list.contains(&t::PID_TAG_IPM_APPOINTMENT_ENTRY_ID));
}

#[test]
fn search_folder_criteria_and_results() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let finder = sf(mb, SpecialFolder::Finder);
    let inbox = sf(mb, SpecialFolder::Inbox);
    let (sfid, _) = mb
        .create_folder(finder, FolderKind::Search, "Unread", "", false)
        .unwrap();
    assert_eq!(
        mb.get_search_criteria(sfid).err(),
        Some(ErrorCode::NOT_INITIALIZED)
    );
    assert_eq!(
        mb.get_search_criteria(inbox).err(),
        Some(ErrorCode::NOT_SEARCH_FOLDER)
    );
    assert_eq!(
        mb.set_search_criteria(sfid, None, &[], 0),
        Err(ErrorCode::NOT_INITIALIZED)
    );
    let r = Restriction::Bitmask(BitmaskRestriction {
        relop: BitmapRelOp::EQZ,
        prop_tag: t::PID_TAG_MESSAGE_FLAGS,
        mask: 1,
    });
    mb.set_search_criteria(
        sfid,
        Some(r.clone()),
        &[sf(mb, SpecialFolder::IpmSubtree)],
        model::SearchCriteria::RECURSIVE_SEARCH,
    )
    .unwrap();
    let (got, folders, state) = mb.get_search_criteria(sfid).unwrap();
    assert_eq!(got, Some(r));
    assert_eq!(folders.len(), 1);
    assert_ne!(state & model::search_state::COMPLETE, 0);
    let (_, n) = TableView::open(
        mb,
        TableKind::Contents {
            folder: sfid,
            associated: false,
        },
        true,
        1252,
    )
    .unwrap();
    assert_eq!(n as usize, INBOX_UNREAD);
    assert_eq!(
        mb.create_message(sfid, false),
        Err(ErrorCode::NOT_SUPPORTED)
    );
}

// ---- tables ----

#[test]
fn missing_columns_are_flagged_not_found() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let mut tv = contents(mb, sf(mb, SpecialFolder::Contacts));
    assert_eq!(
        tv.query_rows(mb, 1, true, false).err(),
        Some(ErrorCode::NULL_OBJECT)
    );
    assert_eq!(tv.set_columns(&[]), Err(ErrorCode::INVALID_PARAMETER));
    tv.set_columns(&[
        t::PID_TAG_SUBJECT,
        t::PID_TAG_COMMENT,
        t::PID_TAG_SUBJECT.with_type(PropertyType::STRING8),
    ])
    .unwrap();
    let r = tv.query_rows(mb, 1, true, false).unwrap();
    match &r.rows[0] {
        PropertyRow::Flagged(f) => {
            assert!(matches!(
                f.values[0],
                FlaggedPropertyValue::Value(PropertyValue::String(_))
            ));
            assert_eq!(
                f.values[1],
                FlaggedPropertyValue::Error(PropertyType::STRING, ErrorCode::NOT_FOUND)
            );
            assert!(matches!(
                f.values[2],
                FlaggedPropertyValue::Value(PropertyValue::String8(_))
            ));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn multi_key_sort_case_insensitive() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let mut tv = contents(mb, sf(mb, SpecialFolder::Inbox));
    let set = SortOrderSet {
        categorized_count: 0,
        expanded_count: 0,
        sort_orders: vec![
            SortOrder {
                tag: t::PID_TAG_IMPORTANCE,
                order: SortDirection::DESCEND,
            },
            SortOrder {
                tag: t::PID_TAG_SENDER_NAME,
                order: SortDirection::ASCEND,
            },
        ],
    };
    tv.sort(mb, &set).unwrap();
    tv.set_columns(&[t::PID_TAG_IMPORTANCE, t::PID_TAG_SENDER_NAME])
        .unwrap();
    let rows = tv.query_rows(mb, 1000, true, false).unwrap().rows;
    assert_eq!(rows.len(), 120);
    let keys: Vec<(i32, String)> = rows
        .iter()
        .map(|r| {
            let v = values(r);
            (
                v[0].as_ref().and_then(|x| x.as_i32()).unwrap(),
                v[1].as_ref().and_then(|x| x.as_str()).unwrap().to_owned(),
            )
        })
        .collect();
    for w in keys.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            a.0 > b.0 || (a.0 == b.0 && props::cmp_text(&a.1, &b.1).is_le()),
            "{a:?} then {b:?}"
        );
    }
    assert!(keys.first().unwrap().0 > keys.last().unwrap().0);
    let cat = SortOrderSet {
        categorized_count: 1,
        expanded_count: 1,
        sort_orders: set.sort_orders.clone(),
    };
    assert_eq!(tv.sort(mb, &cat), Err(ErrorCode::NOT_SUPPORTED));
}

fn count_matching(mb: &Mailbox, f: FolderId, r: Restriction) -> usize {
    let mut tv = contents(mb, f);
    tv.restrict(mb, Some(r)).unwrap();
    tv.row_count(mb).unwrap()
}

#[test]
fn every_restriction_type() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let inbox = sf(mb, SpecialFolder::Inbox);
    let unread = Restriction::Bitmask(BitmaskRestriction {
        relop: BitmapRelOp::EQZ,
        prop_tag: t::PID_TAG_MESSAGE_FLAGS,
        mask: 1,
    });
    let read = Restriction::Bitmask(BitmaskRestriction {
        relop: BitmapRelOp::NEZ,
        prop_tag: t::PID_TAG_MESSAGE_FLAGS,
        mask: 1,
    });
    assert_eq!(count_matching(mb, inbox, unread.clone()), 40);
    assert_eq!(count_matching(mb, inbox, read.clone()), 80);
    assert_eq!(
        count_matching(mb, inbox, Restriction::Not(Box::new(unread.clone()))),
        80
    );
    assert_eq!(
        count_matching(
            mb,
            inbox,
            Restriction::Or(vec![unread.clone(), read.clone()])
        ),
        120
    );
    assert_eq!(
        count_matching(
            mb,
            inbox,
            Restriction::And(vec![unread.clone(), read.clone()])
        ),
        0
    );
    // Content: "#1" as a substring hits #1, #10-#19, #100-#120.
    let content = |low, high, s: &str| {
        Restriction::Content(ContentRestriction {
            fuzzy_level_low: low,
            fuzzy_level_high: high,
            prop_tag: t::PID_TAG_SUBJECT,
            value: tagged(t::PID_TAG_SUBJECT, s),
        })
    };
    assert_eq!(
        count_matching(
            mb,
            inbox,
            content(FuzzyLevelLow::SUBSTRING, FuzzyLevelHigh::NONE, "#1")
        ),
        1 + 10 + 21
    );
    let with_prefix = count_matching(
        mb,
        inbox,
        content(FuzzyLevelLow::PREFIX, FuzzyLevelHigh::IGNORECASE, "re: "),
    );
    assert_eq!(
        with_prefix,
        count_matching(
            mb,
            inbox,
            content(FuzzyLevelLow::PREFIX, FuzzyLevelHigh::NONE, "RE: ")
        )
    );
    assert_eq!(
        count_matching(
            mb,
            inbox,
            content(FuzzyLevelLow::PREFIX, FuzzyLevelHigh::NONE, "re: ")
        ),
        0
    );
    assert!(with_prefix > 0 && with_prefix < 120);
    // Property relops.
    let imp = |op, v: i32| {
        Restriction::Property(PropertyRestriction {
            relop: op,
            prop_tag: t::PID_TAG_IMPORTANCE,
            value: tagged(t::PID_TAG_IMPORTANCE, PropertyValue::Integer32(v)),
        })
    };
    let hi = count_matching(mb, inbox, imp(RelOp::EQ, 2));
    let lo = count_matching(mb, inbox, imp(RelOp::LT, 1));
    let normal = count_matching(mb, inbox, imp(RelOp::EQ, 1));
    assert_eq!(hi + lo + normal, 120);
    assert_eq!(count_matching(mb, inbox, imp(RelOp::NE, 1)), hi + lo);
    assert_eq!(count_matching(mb, inbox, imp(RelOp::GE, 2)), hi);
    assert_eq!(count_matching(mb, inbox, imp(RelOp::LE, 0)), lo);
    assert_eq!(count_matching(mb, inbox, imp(RelOp::GT, 0)), hi + normal);
    let mut tv = contents(mb, inbox);
    assert_eq!(
        tv.restrict(
            mb,
            Some(Restriction::Property(PropertyRestriction {
                relop: RelOp::RE,
                prop_tag: t::PID_TAG_SUBJECT,
                value: tagged(t::PID_TAG_SUBJECT, "x")
            }))
        ),
        Err(ErrorCode::TOO_COMPLEX)
    );
    assert_eq!(tv.row_count(mb).unwrap(), 120);
    // Compare properties: delivery time is after submit time on every message.
    let cmp = |op| {
        Restriction::CompareProperties(ComparePropertiesRestriction {
            relop: op,
            prop_tag1: t::PID_TAG_MESSAGE_DELIVERY_TIME,
            prop_tag2: t::PID_TAG_CLIENT_SUBMIT_TIME,
        })
    };
    assert_eq!(count_matching(mb, inbox, cmp(RelOp::GT)), 120);
    assert_eq!(count_matching(mb, inbox, cmp(RelOp::EQ)), 0);
    // Size and exist.
    let size = |op, n| {
        Restriction::Size(SizeRestriction {
            relop: op,
            prop_tag: t::PID_TAG_SUBJECT,
            size: n,
        })
    };
    assert_eq!(count_matching(mb, inbox, size(RelOp::GT, 4)), 120);
    assert_eq!(count_matching(mb, inbox, size(RelOp::LT, 4)), 0);
    assert_eq!(
        count_matching(mb, inbox, Restriction::Exist(t::PID_TAG_SUBJECT_PREFIX)),
        with_prefix
            + count_matching(
                mb,
                inbox,
                content(FuzzyLevelLow::PREFIX, FuzzyLevelHigh::NONE, "FW: ")
            )
    );
    assert_eq!(
        count_matching(mb, inbox, Restriction::Exist(t::PID_TAG_COMMENT)),
        0
    );
    // Sub-object: messages with a CC recipient, and with an attachment named data.bin.
    let cc = Restriction::SubObject(SubObjectRestriction {
        subobject: t::PID_TAG_MESSAGE_RECIPIENTS,
        restriction: Box::new(Restriction::Property(PropertyRestriction {
            relop: RelOp::EQ,
            prop_tag: t::PID_TAG_RECIPIENT_TYPE,
            value: tagged(t::PID_TAG_RECIPIENT_TYPE, PropertyValue::Integer32(2)),
        })),
    });
    let with_cc = count_matching(mb, inbox, cc);
    assert!(with_cc > 0 && with_cc < 120);
    let att = Restriction::SubObject(SubObjectRestriction {
        subobject: t::PID_TAG_MESSAGE_ATTACHMENTS,
        restriction: Box::new(content(
            FuzzyLevelLow::FULLSTRING,
            FuzzyLevelHigh::IGNORECASE,
            "x",
        )),
    });
    assert_eq!(count_matching(mb, inbox, att), 0);
    let att = Restriction::SubObject(SubObjectRestriction {
        subobject: t::PID_TAG_MESSAGE_ATTACHMENTS,
        restriction: Box::new(Restriction::Content(ContentRestriction {
            fuzzy_level_low: FuzzyLevelLow::FULLSTRING,
            fuzzy_level_high: FuzzyLevelHigh::IGNORECASE,
            prop_tag: t::PID_TAG_ATTACH_LONG_FILENAME,
            value: tagged(t::PID_TAG_ATTACH_LONG_FILENAME, "DATA.BIN"),
        })),
    });
    assert_eq!(count_matching(mb, inbox, att), 12);
    // Comment (with and without an inner restriction) and count.
    assert_eq!(
        count_matching(
            mb,
            inbox,
            Restriction::Comment(CommentRestriction {
                values: vec![],
                restriction: Some(Box::new(unread.clone()))
            })
        ),
        40
    );
    assert_eq!(
        count_matching(
            mb,
            inbox,
            Restriction::Comment(CommentRestriction {
                values: vec![],
                restriction: None
            })
        ),
        120
    );
    assert_eq!(
        count_matching(
            mb,
            inbox,
            Restriction::Count(CountRestriction {
                count: 5,
                restriction: Box::new(unread)
            })
        ),
        5
    );
}

#[test]
fn seek_bookmark_find_position() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let mut tv = contents(mb, sf(mb, SpecialFolder::Tasks));
    tv.set_columns(&[t::PID_TAG_SUBJECT]).unwrap();
    assert_eq!(
        tv.seek_row(mb, Origin::End, 5).unwrap(),
        SeekResult {
            has_sought_less: true,
            rows_sought: 0
        }
    );
    assert_eq!(tv.query_position(mb).unwrap(), (15, 15));
    assert_eq!(
        tv.seek_row(mb, Origin::Current, -20).unwrap(),
        SeekResult {
            has_sought_less: true,
            rows_sought: -15
        }
    );
    assert_eq!(
        tv.seek_row(mb, Origin::Beginning, 4).unwrap(),
        SeekResult {
            has_sought_less: false,
            rows_sought: 4
        }
    );
    let bm = tv.create_bookmark(mb).unwrap();
    let r = tv.query_rows(mb, 3, true, false).unwrap();
    assert_eq!(r.rows.len(), 3);
    assert_eq!(r.origin, Origin::Current);
    assert_eq!(tv.query_position(mb).unwrap(), (7, 15));
    let (gone, sr) = tv.seek_row_bookmark(mb, &bm, 1).unwrap();
    assert!(!gone);
    assert_eq!(sr.rows_sought, 1);
    assert_eq!(tv.query_position(mb).unwrap(), (5, 15));
    // Backward read returns the preceding rows, nearest first.
    let back = tv.query_rows(mb, 2, false, false).unwrap();
    let fwd = {
        tv.seek_row(mb, Origin::Beginning, 3).unwrap();
        tv.query_rows(mb, 2, true, true).unwrap()
    };
    assert_eq!(back.rows[0], fwd.rows[1]);
    assert_eq!(back.rows[1], fwd.rows[0]);
    tv.free_bookmark(&bm).unwrap();
    assert_eq!(tv.free_bookmark(&bm), Err(ErrorCode::INVALID_BOOKMARK));
    assert_eq!(
        tv.seek_row_bookmark(mb, &bm, 0).err(),
        Some(ErrorCode::INVALID_BOOKMARK)
    );
    assert_eq!(
        tv.seek_row_bookmark(mb, &[1, 2], 0).err(),
        Some(ErrorCode::INVALID_BOOKMARK)
    );
    // Fractional.
    tv.seek_row_fractional(mb, 1, 3).unwrap();
    assert_eq!(tv.query_position(mb).unwrap(), (5, 15));
    tv.seek_row_fractional(mb, 5, 3).unwrap();
    assert_eq!(tv.query_position(mb).unwrap(), (15, 15));
    let end = tv.query_rows(mb, 10, true, false).unwrap();
    assert!(end.rows.is_empty());
    assert_eq!(end.origin, Origin::End);
    // FindRow forward from the beginning and backward from the end.
    let find = |n: usize| {
        Restriction::Content(ContentRestriction {
            fuzzy_level_low: FuzzyLevelLow::SUBSTRING,
            fuzzy_level_high: FuzzyLevelHigh::IGNORECASE,
            prop_tag: t::PID_TAG_SUBJECT,
            value: tagged(t::PID_TAG_SUBJECT, format!("#{n}")),
        })
    };
    let any_task = Restriction::Content(ContentRestriction {
        fuzzy_level_low: FuzzyLevelLow::PREFIX,
        fuzzy_level_high: FuzzyLevelHigh::NONE,
        prop_tag: t::PID_TAG_SUBJECT,
        value: tagged(t::PID_TAG_SUBJECT, "Follow up"),
    });
    let (_, first) = tv
        .find_row(mb, &any_task, Origin::Beginning, None, false)
        .unwrap();
    assert_eq!(tv.cursor(), 0);
    let (_, last) = tv.find_row(mb, &any_task, Origin::End, None, true).unwrap();
    assert_eq!(tv.cursor(), 14);
    assert_ne!(first, last);
    assert_eq!(
        tv.find_row(mb, &find(99), Origin::Beginning, None, false)
            .err(),
        Some(ErrorCode::NOT_FOUND)
    );
    assert_eq!(tv.status(), table::TBLSTAT_COMPLETE);
    assert!(
        tv.query_columns_all(mb)
            .unwrap()
            .contains(&t::PID_TAG_SUBJECT)
    );
    tv.reset(mb).unwrap();
    assert_eq!(
        tv.query_rows(mb, 1, true, false).err(),
        Some(ErrorCode::NULL_OBJECT)
    );
}

#[test]
fn empty_table_edges() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let mut tv = contents(mb, sf(mb, SpecialFolder::Outbox));
    tv.set_columns(&[t::PID_TAG_SUBJECT]).unwrap();
    assert_eq!(tv.query_position(mb).unwrap(), (0, 0));
    assert_eq!(
        tv.seek_row(mb, Origin::Beginning, 3).unwrap(),
        SeekResult {
            has_sought_less: true,
            rows_sought: 0
        }
    );
    let r = tv.query_rows(mb, 10, true, false).unwrap();
    assert!(r.rows.is_empty());
    let bm = tv.create_bookmark(mb).unwrap();
    assert_eq!(tv.seek_row_bookmark(mb, &bm, 0).unwrap().1.rows_sought, 0);
    assert_eq!(
        tv.find_row(
            mb,
            &Restriction::Exist(t::PID_TAG_SUBJECT),
            Origin::Beginning,
            None,
            false
        )
        .err(),
        Some(ErrorCode::NOT_FOUND)
    );
    tv.seek_row_fractional(mb, 1, 2).unwrap();
    assert_eq!(tv.query_position(mb).unwrap(), (0, 0));
}

#[test]
fn live_and_static_tables_and_bookmark_of_deleted_row() {
    let mut s = store();
    let mb = s.mailbox_mut(DN).unwrap();
    let tasks = sf(mb, SpecialFolder::Tasks);
    let (mut live, _) = TableView::open(
        mb,
        TableKind::Contents {
            folder: tasks,
            associated: false,
        },
        true,
        1252,
    )
    .unwrap();
    let (mut frozen, _) = TableView::open(
        mb,
        TableKind::Contents {
            folder: tasks,
            associated: false,
        },
        false,
        1252,
    )
    .unwrap();
    live.seek_row(mb, Origin::Beginning, 2).unwrap();
    let bm = live.create_bookmark(mb).unwrap();
    let ids = mb.message_ids(tasks, false).unwrap();
    mb.delete_messages(tasks, &[ids[2]]).unwrap();
    assert_eq!(live.row_count(mb).unwrap(), 14);
    assert_eq!(frozen.row_count(mb).unwrap(), 15);
    let (gone, _) = live.seek_row_bookmark(mb, &bm, 0).unwrap();
    assert!(gone);
    assert_eq!(live.query_position(mb).unwrap(), (2, 14));
    // The cursor stays on its row when earlier rows disappear.
    live.seek_row(mb, Origin::Beginning, 5).unwrap();
    mb.delete_messages(tasks, &[ids[0]]).unwrap();
    assert_eq!(live.query_position(mb).unwrap(), (4, 13));
}

#[test]
fn hierarchy_table_with_depth() {
    let s = store();
    let mb = s.mailbox(DN).unwrap();
    let root = sf(mb, SpecialFolder::Root);
    let (_, shallow) = TableView::open(
        mb,
        TableKind::Hierarchy {
            folder: root,
            depth: false,
        },
        true,
        1252,
    )
    .unwrap();
    assert_eq!(shallow, 8);
    let (mut deep, n) = TableView::open(
        mb,
        TableKind::Hierarchy {
            folder: root,
            depth: true,
        },
        true,
        1252,
    )
    .unwrap();
    assert_eq!(n, 18);
    deep.set_columns(&[
        t::PID_TAG_DISPLAY_NAME,
        t::PID_TAG_DEPTH,
        t::PID_TAG_CONTENT_COUNT,
    ])
    .unwrap();
    let rows = deep.query_rows(mb, 100, true, false).unwrap().rows;
    let inbox = rows
        .iter()
        .map(values)
        .find(|v| v[0] == Some(PropertyValue::string("Inbox")))
        .unwrap();
    assert_eq!(inbox[1], Some(PropertyValue::Integer32(2)));
    assert_eq!(inbox[2], Some(PropertyValue::Integer32(120)));
    assert_eq!(
        TableView::open(
            mb,
            TableKind::Hierarchy {
                folder: Mailbox::fid(0xFFFF),
                depth: false
            },
            true,
            1252
        )
        .err(),
        Some(ErrorCode::NOT_FOUND)
    );
}

#[test]
fn store_is_send() {
    fn send<T: Send + Sync>() {}
    send::<Store>();
    send::<TableView>();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// QueryRows over any page size visits every row exactly once, in either direction.
    #[test]
    fn paging_visits_every_row_once(page in 1usize..40, forward in any::<bool>()) {
        let s = Store::new(&[user()], 3);
        let mb = s.mailbox(DN).unwrap();
        let mut tv = contents(mb, sf(mb, SpecialFolder::Inbox));
        tv.set_columns(&[t::PID_TAG_MID]).unwrap();
        if !forward {
            tv.seek_row(mb, Origin::End, 0).unwrap();
        }
        let mut seen = Vec::new();
        loop {
            let r = tv.query_rows(mb, page, forward, false).unwrap();
            if r.rows.is_empty() {
                break;
            }
            prop_assert!(r.rows.len() <= page);
            for row in &r.rows {
                seen.push(values(row)[0].as_ref().and_then(|v| v.as_i64()).unwrap());
            }
        }
        prop_assert_eq!(seen.len(), 120);
        let mut dedup = seen.clone();
        dedup.sort_unstable();
        dedup.dedup();
        prop_assert_eq!(dedup.len(), 120);
    }
}
