//! The store family (MS-OXCROPS 2.2.3, semantics in MS-OXCSTOR): RopLogon, receive folders,
//! store state, public folder replicas, ID conversion and per-user read state.
//!
//! Exchange behaviours chosen here, with their basis:
//! - Unknown Essdn: ecUnknownUser (MS-OXCSTOR 3.2.5.1.1: "If lookup fails specifically
//!   because the ESSDN could not be found, the server MUST fail ... ecUnknownUser").
//! - A mailbox homed elsewhere: ecWrongServer with the redirect layout naming the server
//!   (3.2.5.1.1: "If the user's configured mailbox is not hosted by this server ...",
//!   2.2.1.1.2). "This server" is the one the session context acts as (chosen at Connect by
//!   the URL's MailboxId), and a user without a `home_server` is homed on the default
//!   server, so a context on another server redirects a logon to that user's mailbox back to
//!   the default server. A public folders logon succeeds on every server (the emulator has
//!   one public folder hierarchy that every server serves).
//! - Another user's mailbox: Exchange lets the logon succeed and reports the rights in
//!   ResponseFlags (OwnerRight clear without owner permission, MS-OXCSTOR 2.2.1.1.3; the
//!   interop suite's S01_TC01 logs on to another user's mailbox and gets ReturnValue 0);
//!   folder access is then decided per folder. The emulator has no folder permissions, so it
//!   grants every user full access to every mailbox, as if an administrator had given each
//!   FullAccess: OwnerRight is set, SendAsRight only on the user's own mailbox.
//! - USE_PER_MDB_REPLID_MAPPING: ignored on the first logon of a session and on logons to
//!   the same mailbox; an additional logon to a different mailbox without it fails with
//!   ecInvalidParameter (MS-OXCSTOR 3.2.5.1.1, Exchange 2013 and later, product note <29>).

use std::time::{SystemTime, UNIX_EPOCH};

use super::{Handlers, LogonObject, MailboxKey, Object, with_mailbox};
use crate::emulator::engine::{Outcome, RopCx, RopHandler};
use crate::emulator::store::{EPOCH, Mailbox, ObjectRef, props::to_string8};
use crate::wire::ErrorCode;
use crate::wire::primitives::civil_from_days;
use crate::wire::property::tags as t;
use crate::wire::property::{PropertyTag, PropertyValue};
use crate::wire::rop::ResponseHeader;
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::store::{
    GetOwningServersResponse, GetPerUserGuidResponse, GetPerUserLongTermIdsResponse,
    GetReceiveFolderResponse, GetReceiveFolderTableRequest, GetReceiveFolderTableResponse,
    GetStoreStateResponse, IdFromLongTermIdResponse, LogonFlags, LogonRequest, LogonResponse,
    LogonResponseFlags, LogonTime, LongTermIdFromIdResponse, OpenFlags,
    PublicFolderIsGhostedResponse, ReadPerUserInformationResponse, ReplicaServers,
};

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
) -> Option<Outcome<Object>> {
    let outcome = match request {
        RopRequest::Logon(r) => logon(h, cx, request, r),
        RopRequest::GetReceiveFolder(r) => on_store(h, cx, request, |mb, _| {
            let (folder_id, explicit_message_class) = mb.get_receive_folder(&r.message_class)?;
            Ok(RopResponse::GetReceiveFolder(
                GetReceiveFolderResponse::Success {
                    input_handle_index: r.input_handle_index,
                    folder_id,
                    explicit_message_class,
                },
            ))
        }),
        RopRequest::SetReceiveFolder(r) => on_store(h, cx, request, |mb, _| {
            mb.set_receive_folder(&r.message_class, r.folder_id)?;
            Ok(RopResponse::SetReceiveFolder(ResponseHeader {
                handle_index: r.input_handle_index,
                return_value: ErrorCode::SUCCESS,
            }))
        }),
        RopRequest::GetReceiveFolderTable(r) => on_store(h, cx, request, |mb, cp| {
            // MS-OXCSTOR 3.2.5.4: a public folders logon has no receive folders.
            if mb.is_public() {
                return Err(ErrorCode::NOT_SUPPORTED);
            }
            let rows = mb
                .receive_folder_table()
                .into_iter()
                .map(|rf| {
                    crate::emulator::store::objects::build_row(
                        &GetReceiveFolderTableRequest::COLUMNS,
                        |tag| receive_folder_value(&rf, tag, cp),
                    )
                })
                .collect();
            Ok(RopResponse::GetReceiveFolderTable(
                GetReceiveFolderTableResponse::Success {
                    input_handle_index: r.input_handle_index,
                    rows,
                },
            ))
        }),
        RopRequest::GetStoreState(r) => on_store(h, cx, request, |mb, _| {
            Ok(RopResponse::GetStoreState(GetStoreStateResponse::Success {
                input_handle_index: r.input_handle_index,
                store_state: mb.store_state(),
            }))
        }),
        RopRequest::GetOwningServers(r) => on_store(h, cx, request, |mb, _| {
            let (servers, cheap) = mb.owning_servers(r.folder_id)?;
            Ok(RopResponse::GetOwningServers(
                GetOwningServersResponse::Success {
                    input_handle_index: r.input_handle_index,
                    owning_servers: ReplicaServers {
                        cheap_servers_count: cheap,
                        servers,
                    },
                },
            ))
        }),
        RopRequest::PublicFolderIsGhosted(r) => on_store(h, cx, request, |mb, _| {
            let ghosted = if mb.is_ghosted(r.folder_id)? {
                let (servers, cheap) = mb.owning_servers(r.folder_id)?;
                Some(ReplicaServers {
                    cheap_servers_count: cheap,
                    servers,
                })
            } else {
                None
            };
            Ok(RopResponse::PublicFolderIsGhosted(
                PublicFolderIsGhostedResponse::Success {
                    input_handle_index: r.input_handle_index,
                    ghosted,
                },
            ))
        }),
        RopRequest::LongTermIdFromId(r) => on_store(h, cx, request, |mb, _| {
            Ok(RopResponse::LongTermIdFromId(
                LongTermIdFromIdResponse::Success {
                    input_handle_index: r.input_handle_index,
                    long_term_id: mb.long_term_id(r.object_id)?,
                },
            ))
        }),
        RopRequest::IdFromLongTermId(r) => on_store(h, cx, request, |mb, _| {
            Ok(RopResponse::IdFromLongTermId(
                IdFromLongTermIdResponse::Success {
                    input_handle_index: r.input_handle_index,
                    object_id: mb.id_from_long_term_id(&r.long_term_id)?,
                },
            ))
        }),
        RopRequest::GetPerUserLongTermIds(r) => on_store(h, cx, request, |mb, _| {
            Ok(RopResponse::GetPerUserLongTermIds(
                GetPerUserLongTermIdsResponse::Success {
                    input_handle_index: r.input_handle_index,
                    long_term_ids: mb.per_user_long_term_ids(r.database_guid)?,
                },
            ))
        }),
        RopRequest::GetPerUserGuid(r) => on_store(h, cx, request, |mb, _| {
            Ok(RopResponse::GetPerUserGuid(
                GetPerUserGuidResponse::Success {
                    input_handle_index: r.input_handle_index,
                    database_guid: mb.per_user_guid(&r.long_term_id)?,
                },
            ))
        }),
        RopRequest::ReadPerUserInformation(r) => on_store(h, cx, request, |mb, _| {
            let (has_finished, data) =
                mb.read_per_user(&r.folder_id, r.data_offset, r.max_data_size)?;
            Ok(RopResponse::ReadPerUserInformation(
                ReadPerUserInformationResponse::Success {
                    input_handle_index: r.input_handle_index,
                    has_finished,
                    data,
                },
            ))
        }),
        RopRequest::WritePerUserInformation(r) => on_store(h, cx, request, |mb, _| {
            mb.write_per_user(
                &r.folder_id,
                r.has_finished,
                r.data_offset,
                &r.data,
                r.repl_guid,
            )?;
            Ok(RopResponse::WritePerUserInformation(ResponseHeader {
                handle_index: r.input_handle_index,
                return_value: ErrorCode::SUCCESS,
            }))
        }),
        _ => return None,
    };
    Some(outcome)
}

/// Runs a store ROP on the store of its Logon object. The store ROPs other than RopLogon
/// take a Logon object as input (MS-OXCROPS 2.2.3.x.1); any other object is ecNotSupported.
fn on_store(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    f: impl FnOnce(&mut Mailbox, u32) -> Result<RopResponse, ErrorCode>,
) -> Outcome<Object> {
    let key = match cx.input() {
        Some(Object::Logon(l)) => l.mailbox.clone(),
        _ => return Outcome::fail(request, ErrorCode::NOT_SUPPORTED),
    };
    let cp = h.code_page();
    let result = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| f(mb, cp))
    };
    match result {
        Ok(response) => Outcome::respond(response),
        Err(code) => Outcome::fail(request, code),
    }
}

/// One column of a RopGetReceiveFolderTable row (MS-OXCSTOR 2.2.1.4.2).
fn receive_folder_value(
    rf: &crate::emulator::store::ReceiveFolder,
    tag: PropertyTag,
    code_page: u32,
) -> Option<PropertyValue> {
    let [fid_tag, class_tag, time_tag] = GetReceiveFolderTableRequest::COLUMNS;
    if tag == fid_tag {
        Some(PropertyValue::Integer64(rf.folder.0 as i64))
    } else if tag == class_tag {
        Some(PropertyValue::String8(Box::new(to_string8(
            &rf.message_class,
            code_page,
        ))))
    } else if tag == time_tag {
        Some(PropertyValue::Time(rf.modified))
    } else {
        None
    }
}

/// MS-OXCSTOR 3.2.5.1: RopLogon.
fn logon(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    r: &LogonRequest,
) -> Outcome<Object> {
    let private = r.logon_flags.contains(LogonFlags::PRIVATE);
    let key = if private {
        let essdn = r.essdn.as_deref().unwrap_or_default();
        // MS-OXCSTOR 3.2.5.1.1: a mailbox not hosted by this server answers ecWrongServer.
        if let Some(owner) = h.user_by_dn(essdn) {
            let home = h.home_server_of(owner);
            if !home.eq_ignore_ascii_case(h.server_name()) {
                let server_name = home.to_owned();
                return Outcome::respond(RopResponse::Logon(LogonResponse::Redirect {
                    output_handle_index: r.output_handle_index,
                    logon_flags: r.logon_flags,
                    server_name,
                }));
            }
        }
        let exists = h.store().mailbox(essdn).is_some();
        if !exists {
            return Outcome::fail(request, ErrorCode::UNKNOWN_USER);
        }
        MailboxKey::Private(essdn.to_owned())
    } else {
        MailboxKey::Public
    };

    // Logons of this session other than the one this LogonId replaces.
    let logon_id = cx.logon_id();
    let replaced = cx.objects().logon_handle(logon_id);
    let others_differ = cx.objects().handles().into_iter().any(|hd| {
        Some(hd) != replaced
            && matches!(cx.objects().get(hd), Some(Object::Logon(l)) if !same_store(&l.mailbox, &key))
    });
    if private && others_differ && !r.open_flags.contains(OpenFlags::USE_PER_MDB_REPLID_MAPPING) {
        return Outcome::fail(request, ErrorCode::INVALID_PARAMETER);
    }

    let own = h.user().legacy_dn.eq_ignore_ascii_case(match &key {
        MailboxKey::Private(dn) => dn,
        MailboxKey::Public => "",
    });
    let cp = h.code_page();
    let response = {
        let mut store = h.store();
        with_mailbox(&mut store, &key, |mb| {
            mb.refresh_logon_props();
            Ok(if private {
                let mut flags = LogonResponseFlags::RESERVED.0 | LogonResponseFlags::OWNER_RIGHT.0;
                if own {
                    flags |= LogonResponseFlags::SEND_AS_RIGHT.0;
                }
                let oof = mb.get_prop(ObjectRef::Store, t::PID_TAG_OUT_OF_OFFICE_STATE, cp);
                if oof == Some(PropertyValue::Boolean(true)) {
                    flags |= LogonResponseFlags::OOF.0;
                }
                LogonResponse::Private {
                    output_handle_index: r.output_handle_index,
                    logon_flags: r.logon_flags,
                    folder_ids: mb.special_folder_ids(),
                    response_flags: LogonResponseFlags(flags),
                    mailbox_guid: mb.mailbox_guid(),
                    repl_id: mb.repl_id(),
                    repl_guid: mb.repl_guid(),
                    logon_time: logon_time(SystemTime::now()),
                    // The emulator's address types never change: the last change is the
                    // store's epoch.
                    gwart_time: EPOCH.0,
                    store_state: mb.store_state(),
                }
            } else {
                LogonResponse::Public {
                    output_handle_index: r.output_handle_index,
                    logon_flags: r.logon_flags,
                    folder_ids: mb.special_folder_ids(),
                    repl_id: mb.repl_id(),
                    repl_guid: mb.repl_guid(),
                    // MS-OXCSTOR 2.2.1.1.4: PerUserGuid is reserved.
                    per_user_guid: uuid::Uuid::nil(),
                }
            })
        })
    };
    let response = match response {
        Ok(r) => r,
        Err(code) => return Outcome::fail(request, code),
    };
    // MS-OXCROPS 2.2.3.1.1: a LogonId already in use is released and replaced.
    if let Some(old) = replaced {
        for (handle, object) in cx.objects().release(old) {
            RopHandler::released(h, handle, object);
        }
    }
    Outcome::created(
        RopResponse::Logon(response),
        Object::Logon(LogonObject { mailbox: key }),
    )
}

fn same_store(a: &MailboxKey, b: &MailboxKey) -> bool {
    match (a, b) {
        (MailboxKey::Private(x), MailboxKey::Private(y)) => x.eq_ignore_ascii_case(y),
        (MailboxKey::Public, MailboxKey::Public) => true,
        _ => false,
    }
}

/// MS-OXCSTOR 2.2.1.1.3 LogonTime: the server's current time, here in UTC.
fn logon_time(now: SystemTime) -> LogonTime {
    let secs = now
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days as i64);
    LogonTime {
        seconds: (rem % 60) as u8,
        minutes: ((rem / 60) % 60) as u8,
        hour: (rem / 3600) as u8,
        // 1970-01-01 was a Thursday (4, with Sunday 0).
        day_of_week: ((days + 4) % 7) as u8,
        day: day as u8,
        month: month as u8,
        year: u16::try_from(year).unwrap_or(u16::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::backend::testkit::{self, Session, user};
    use crate::emulator::backend::{Backend, MailboxKey};
    use crate::emulator::store::{SpecialFolder, Store};
    use crate::wire::Wire;
    use crate::wire::entry_id::{AddressBookEntryId, FolderId, GlobalCounter, LongTermId};
    use crate::wire::property::PropertyRow;
    use crate::wire::rop::store::{
        GetOwningServersRequest, GetPerUserGuidRequest, GetPerUserLongTermIdsRequest,
        GetReceiveFolderRequest, GetStoreStateRequest, IdFromLongTermIdRequest,
        LongTermIdFromIdRequest, PublicFolderIsGhostedRequest, ReadPerUserInformationRequest,
        SetReceiveFolderRequest, StoreState, WritePerUserInformationRequest,
    };

    const NULL: u32 = 0xFFFF_FFFF;

    fn dn(login: &str) -> String {
        user(login, "").legacy_dn
    }

    fn logon_request(logon_id: u8, essdn: Option<String>, open: u32) -> RopRequest {
        RopRequest::Logon(LogonRequest {
            logon_id,
            output_handle_index: 0,
            logon_flags: if essdn.is_some() {
                LogonFlags::PRIVATE
            } else {
                LogonFlags(0)
            },
            open_flags: OpenFlags(open),
            store_state: StoreState(0),
            essdn,
        })
    }

    const PER_MDB: u32 = OpenFlags::USE_PER_MDB_REPLID_MAPPING.0;

    fn return_value(r: &RopResponse) -> ErrorCode {
        match r {
            RopResponse::Logon(LogonResponse::Failure(h)) => h.return_value,
            RopResponse::Logon(LogonResponse::Redirect { .. }) => ErrorCode::WRONG_SERVER,
            RopResponse::Logon(_) => ErrorCode::SUCCESS,
            RopResponse::SetReceiveFolder(h) | RopResponse::WritePerUserInformation(h) => {
                h.return_value
            }
            RopResponse::GetReceiveFolder(GetReceiveFolderResponse::Failure(h))
            | RopResponse::GetReceiveFolderTable(GetReceiveFolderTableResponse::Failure(h))
            | RopResponse::GetStoreState(GetStoreStateResponse::Failure(h))
            | RopResponse::GetOwningServers(GetOwningServersResponse::Failure(h))
            | RopResponse::PublicFolderIsGhosted(PublicFolderIsGhostedResponse::Failure(h))
            | RopResponse::LongTermIdFromId(LongTermIdFromIdResponse::Failure(h))
            | RopResponse::IdFromLongTermId(IdFromLongTermIdResponse::Failure(h))
            | RopResponse::GetPerUserLongTermIds(GetPerUserLongTermIdsResponse::Failure(h))
            | RopResponse::GetPerUserGuid(GetPerUserGuidResponse::Failure(h))
            | RopResponse::ReadPerUserInformation(ReadPerUserInformationResponse::Failure(h)) => {
                h.return_value
            }
            _ => ErrorCode::SUCCESS,
        }
    }

    fn special(b: &Backend, login: &str, which: SpecialFolder) -> FolderId {
        let store = b.store();
        let store = store.lock().unwrap();
        store
            .mailbox(&dn(login))
            .and_then(|m| m.special_folder(which))
            .expect("special folder")
    }

    #[test]
    fn private_logon_to_own_mailbox_reports_the_store() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (handle, resp) = s.logon_private("alice");
        assert_ne!(handle, NULL);
        let RopResponse::Logon(LogonResponse::Private {
            folder_ids,
            response_flags,
            mailbox_guid,
            repl_id,
            repl_guid,
            logon_time,
            store_state,
            logon_flags,
            ..
        }) = resp
        else {
            panic!("not a private logon: {resp:?}")
        };
        let store = b.store();
        let store = store.lock().unwrap();
        let mb = store.mailbox(&dn("alice")).unwrap();
        assert_eq!(folder_ids, mb.special_folder_ids());
        assert_eq!(mailbox_guid, mb.mailbox_guid());
        assert_eq!(repl_guid, mb.repl_guid());
        assert_eq!(repl_id, mb.repl_id());
        assert_eq!(logon_flags, LogonFlags::PRIVATE);
        assert_eq!(store_state, StoreState(0));
        assert_eq!(
            response_flags,
            LogonResponseFlags(
                LogonResponseFlags::RESERVED.0
                    | LogonResponseFlags::OWNER_RIGHT.0
                    | LogonResponseFlags::SEND_AS_RIGHT.0
            )
        );
        assert!((1..=12).contains(&logon_time.month) && logon_time.day_of_week < 7);
        // The store-object properties Outlook reads after logon are there.
        let owner = mb
            .get_prop(ObjectRef::Store, t::PID_TAG_MAILBOX_OWNER_ENTRY_ID, 1252)
            .expect("PidTagMailboxOwnerEntryId");
        let PropertyValue::Binary(bytes) = owner else {
            panic!("{owner:?}")
        };
        let entry = AddressBookEntryId::from_bytes(&bytes).unwrap();
        assert!(entry.x500_dn.eq_ignore_ascii_case(&dn("alice")));
        for tag in [
            t::PID_TAG_USER_ENTRY_ID,
            t::PID_TAG_STORE_STATE,
            t::PID_TAG_MAILBOX_OWNER_NAME,
            t::PID_TAG_DISPLAY_NAME,
            t::PID_TAG_STORE_SUPPORT_MASK,
            t::PID_TAG_IPM_SUBTREE_ENTRY_ID,
        ] {
            assert!(
                mb.get_prop(ObjectRef::Store, tag, 1252).is_some(),
                "{tag:?} missing"
            );
        }
    }

    #[test]
    fn logon_to_another_users_mailbox_succeeds_without_send_as() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (mut r, handles) = s.run(&[logon_request(0, Some(dn("bob")), PER_MDB)], &[NULL]);
        assert_ne!(handles[0], NULL);
        let RopResponse::Logon(LogonResponse::Private {
            folder_ids,
            response_flags,
            mailbox_guid,
            ..
        }) = r.remove(0)
        else {
            panic!("not a private logon")
        };
        let store = b.store();
        let store = store.lock().unwrap();
        let bob = store.mailbox(&dn("bob")).unwrap();
        assert_eq!(mailbox_guid, bob.mailbox_guid());
        assert_eq!(folder_ids, bob.special_folder_ids());
        assert!(response_flags.contains(LogonResponseFlags::OWNER_RIGHT));
        assert!(!response_flags.contains(LogonResponseFlags::SEND_AS_RIGHT));
    }

    #[test]
    fn unknown_essdn_is_ec_unknown_user() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (r, handles) = s.run(
            &[logon_request(
                0,
                Some("/o=Nowhere/cn=nobody".into()),
                PER_MDB,
            )],
            &[NULL],
        );
        assert_eq!(return_value(&r[0]), ErrorCode::UNKNOWN_USER);
        assert_eq!(handles[0], NULL);
        // An empty Essdn names nobody either.
        let (r, _) = s.run(&[logon_request(0, Some(String::new()), PER_MDB)], &[NULL]);
        assert_eq!(return_value(&r[0]), ErrorCode::UNKNOWN_USER);
    }

    #[test]
    fn mailbox_on_another_server_redirects_with_its_name() {
        let mut alice = user("alice", "Alice Example");
        alice.home_server = Some("mbx2.example.test".into());
        let users = vec![alice, user("bob", "Bob Example")];
        let store = Store::new(&users, 7);
        let b = Backend::new(users, store, "EMULATOR");
        let mut s = Session::connect(&b, "alice");
        let (_, resp) = s.logon_private("alice");
        assert_eq!(
            resp,
            RopResponse::Logon(LogonResponse::Redirect {
                output_handle_index: 0,
                logon_flags: LogonFlags::PRIVATE,
                server_name: "mbx2.example.test".into(),
            })
        );
    }

    /// Alice on the default server "EMULATOR", Ben homed on mbx2.
    fn two_servers() -> Backend {
        let mut ben = user("ben", "Ben Example");
        ben.home_server = Some("mbx2.example.test".into());
        let users = vec![user("alice", "Alice Example"), ben];
        let store = Store::new(&users, 7);
        Backend::new(users, store, "EMULATOR")
    }

    fn redirect_to(server: &str) -> RopResponse {
        RopResponse::Logon(LogonResponse::Redirect {
            output_handle_index: 0,
            logon_flags: LogonFlags::PRIVATE,
            server_name: server.into(),
        })
    }

    /// The store's MailboxGuid of `login`'s mailbox.
    fn store_guid(b: &Backend, login: &str) -> uuid::Uuid {
        b.store()
            .lock()
            .unwrap()
            .mailbox(&dn(login))
            .unwrap()
            .mailbox_guid()
    }

    fn logged_on_guid(r: &RopResponse) -> uuid::Uuid {
        match r {
            RopResponse::Logon(LogonResponse::Private { mailbox_guid, .. }) => *mailbox_guid,
            other => panic!("not a private logon: {other:?}"),
        }
    }

    #[test]
    fn the_mailbox_id_decides_which_server_a_context_is() {
        let b = two_servers();
        let ben_guid = crate::emulator::users::mailbox_guid(&dn("ben"));
        let alice_guid = crate::emulator::users::mailbox_guid(&dn("alice"));
        for (mailbox_id, server) in [
            (None, "EMULATOR"),
            (Some(""), "EMULATOR"),
            (Some("mbx2.example.test"), "mbx2.example.test"),
            (Some("MBX2.Example.Test"), "mbx2.example.test"),
            (Some("EMULATOR"), "EMULATOR"),
            (Some("ben@example.test"), "mbx2.example.test"),
            (Some("BEN@EXAMPLE.TEST"), "mbx2.example.test"),
            (Some("alice@example.test"), "EMULATOR"),
            // The domain of a <guid>@<domain> name is not checked (one organisation).
            (
                Some(&*format!("{ben_guid}@example.test")),
                "mbx2.example.test",
            ),
            (
                Some(&*format!("{ben_guid}@elsewhere.test")),
                "mbx2.example.test",
            ),
            (Some(&*format!("{alice_guid}@example.test")), "EMULATOR"),
            // Unknown: the default server, and Connect still succeeds.
            (Some("nobody@example.test"), "EMULATOR"),
            (
                Some("00000000-0000-0000-0000-000000000000@example.test"),
                "EMULATOR",
            ),
            (Some("mbx3.example.test"), "EMULATOR"),
        ] {
            assert_eq!(b.server_for(mailbox_id), server, "{mailbox_id:?}");
        }
    }

    #[test]
    fn a_context_on_the_default_server_redirects_to_the_mailboxs_home() {
        let b = two_servers();
        let mut s = Session::connect(&b, "alice");
        let (r, h) = s.run(&[logon_request(0, Some(dn("ben")), PER_MDB)], &[NULL]);
        assert_eq!(r[0], redirect_to("mbx2.example.test"));
        assert_eq!(h[0], NULL, "a redirect creates no Logon object");
        // Alice's own mailbox is here.
        let (_, resp) = s.logon_private("alice");
        assert_eq!(logged_on_guid(&resp), store_guid(&b, "alice"));
    }

    #[test]
    fn following_the_redirect_logs_on_at_the_home_server() {
        let b = two_servers();
        // The redirect's server name as MailboxId, and Ben's autodiscover MailboxId.
        let by_guid = format!(
            "{}@example.test",
            crate::emulator::users::mailbox_guid(&dn("ben"))
        );
        for mailbox_id in ["mbx2.example.test", by_guid.as_str()] {
            let mut s = Session::connect_at(&b, "alice", Some(mailbox_id));
            let (r, h) = s.run(&[logon_request(0, Some(dn("ben")), PER_MDB)], &[NULL]);
            assert_eq!(
                logged_on_guid(&r[0]),
                store_guid(&b, "ben"),
                "at {mailbox_id}"
            );
            assert_ne!(h[0], NULL);
            let RopResponse::Logon(LogonResponse::Private { folder_ids, .. }) = &r[0] else {
                unreachable!()
            };
            let store = b.store();
            let store = store.lock().unwrap();
            assert_eq!(
                *folder_ids,
                store.mailbox(&dn("ben")).unwrap().special_folder_ids()
            );
        }
    }

    #[test]
    fn a_mailbox_without_home_server_is_on_the_default_server() {
        let b = two_servers();
        let mut s = Session::connect_at(&b, "alice", Some("mbx2.example.test"));
        // Exchange redirects every mailbox this server does not host, the default
        // server's included.
        let (_, resp) = s.logon_private("alice");
        assert_eq!(resp, redirect_to("EMULATOR"));
        // Following that redirect lands back on the default server.
        let mut s = Session::connect_at(&b, "alice", Some("EMULATOR"));
        let (_, resp) = s.logon_private("alice");
        assert_eq!(logged_on_guid(&resp), store_guid(&b, "alice"));
    }

    #[test]
    fn public_folders_log_on_at_every_server() {
        let b = two_servers();
        for mailbox_id in [None, Some("mbx2.example.test"), Some("nobody@example.test")] {
            let mut s = Session::connect_at(&b, "alice", mailbox_id);
            let (r, h) = s.run(
                &[logon_request(0, None, OpenFlags::PUBLIC.0 | PER_MDB)],
                &[NULL],
            );
            assert!(
                matches!(r[0], RopResponse::Logon(LogonResponse::Public { .. })),
                "at {mailbox_id:?}: {:?}",
                r[0]
            );
            assert_ne!(h[0], NULL);
        }
    }

    #[test]
    fn public_logon_has_the_public_layout() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (mut r, handles) = s.run(
            &[logon_request(1, None, OpenFlags::PUBLIC.0 | PER_MDB)],
            &[NULL],
        );
        assert_ne!(handles[0], NULL);
        let RopResponse::Logon(LogonResponse::Public {
            folder_ids,
            repl_guid,
            per_user_guid,
            ..
        }) = r.remove(0)
        else {
            panic!("not a public logon")
        };
        let store = b.store();
        let store = store.lock().unwrap();
        assert_eq!(folder_ids, store.public().special_folder_ids());
        assert_eq!(repl_guid, store.public().repl_guid());
        assert!(per_user_guid.is_nil());
        assert_eq!(folder_ids[9..], [FolderId(0); 4]);
    }

    #[test]
    fn additional_logon_to_another_mailbox_needs_per_mdb_replid_mapping() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (r, _) = s.run(&[logon_request(0, Some(dn("alice")), 0)], &[NULL]);
        assert_eq!(
            return_value(&r[0]),
            ErrorCode::SUCCESS,
            "first logon ignores the flag"
        );
        let (r, _) = s.run(&[logon_request(1, Some(dn("alice")), 0)], &[NULL]);
        assert_eq!(
            return_value(&r[0]),
            ErrorCode::SUCCESS,
            "same mailbox ignores it"
        );
        let (r, h) = s.run(&[logon_request(2, Some(dn("bob")), 0)], &[NULL]);
        assert_eq!(return_value(&r[0]), ErrorCode::INVALID_PARAMETER);
        assert_eq!(h[0], NULL);
        let (r, _) = s.run(&[logon_request(2, Some(dn("bob")), PER_MDB)], &[NULL]);
        assert_eq!(return_value(&r[0]), ErrorCode::SUCCESS);
    }

    #[test]
    fn relogon_with_the_same_logon_id_replaces_the_old_logon() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (first, _) = s.logon_private("alice");
        let (second, _) = s.logon_private("alice");
        assert_ne!(first, second);
        // The old handle is gone: a ROP on it fails with ecNullObject.
        let (r, _) = s.run(
            &[RopRequest::GetStoreState(GetStoreStateRequest {
                logon_id: 0,
                input_handle_index: 0,
            })],
            &[first],
        );
        assert_eq!(return_value(&r[0]), ErrorCode::NULL_OBJECT);
    }

    #[test]
    fn receive_folders_get_set_and_table() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (logon, _) = s.logon_private("alice");
        let inbox = special(&b, "alice", SpecialFolder::Inbox);
        let ipm = special(&b, "alice", SpecialFolder::IpmSubtree);
        let get = |class: &str| {
            RopRequest::GetReceiveFolder(GetReceiveFolderRequest {
                logon_id: 0,
                input_handle_index: 0,
                message_class: class.into(),
            })
        };
        let set = |class: &str, folder_id: FolderId| {
            RopRequest::SetReceiveFolder(SetReceiveFolderRequest {
                logon_id: 0,
                input_handle_index: 0,
                folder_id,
                message_class: class.into(),
            })
        };
        let table = RopRequest::GetReceiveFolderTable(
            crate::wire::rop::store::GetReceiveFolderTableRequest {
                logon_id: 0,
                input_handle_index: 0,
            },
        );
        let (r, _) = s.run(
            &[
                get("IPM.Note"),
                set("My.Class", ipm),
                get("My.Class.Sub"),
                set("", FolderId(0)),
                get("bad\u{1}class"),
                set("Other", FolderId(0)),
                set("Other", FolderId(0x7777_0001)),
                table,
            ],
            &[logon],
        );
        assert_eq!(
            r[0],
            RopResponse::GetReceiveFolder(GetReceiveFolderResponse::Success {
                input_handle_index: 0,
                folder_id: inbox,
                explicit_message_class: "IPM".into(),
            })
        );
        assert_eq!(return_value(&r[1]), ErrorCode::SUCCESS);
        assert_eq!(
            r[2],
            RopResponse::GetReceiveFolder(GetReceiveFolderResponse::Success {
                input_handle_index: 0,
                folder_id: ipm,
                explicit_message_class: "My.Class".into(),
            })
        );
        // The default entry cannot be removed (MS-OXCSTOR 3.2.5.3).
        assert_eq!(return_value(&r[3]), ErrorCode::ACCESS_DENIED);
        assert_eq!(return_value(&r[4]), ErrorCode::INVALID_PARAMETER);
        // Removing a class that has no entry succeeds (interop S01_TC03 step 3).
        assert_eq!(return_value(&r[5]), ErrorCode::SUCCESS);
        // A folder that does not exist cannot receive.
        assert_eq!(return_value(&r[6]), ErrorCode::NOT_FOUND);
        let RopResponse::GetReceiveFolderTable(GetReceiveFolderTableResponse::Success {
            rows, ..
        }) = &r[7]
        else {
            panic!("{:?}", r[7])
        };
        let store = b.store();
        let store = store.lock().unwrap();
        let expected = store.mailbox(&dn("alice")).unwrap().receive_folder_table();
        assert_eq!(rows.len(), expected.len());
        let has_my_class = rows.iter().any(|row| match row {
            PropertyRow::Standard(r) => {
                r.values.first() == Some(&PropertyValue::Integer64(ipm.0 as i64))
                    && matches!(r.values.get(1), Some(PropertyValue::String8(s)) if s.bytes == b"My.Class")
            }
            PropertyRow::Flagged(_) => false,
        });
        assert!(has_my_class, "{rows:?}");
    }

    #[test]
    fn public_logon_refuses_receive_folders_and_private_refuses_replicas() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (pr, _) = s.logon_private("alice");
        let (_, ph) = s.run(
            &[logon_request(1, None, OpenFlags::PUBLIC.0 | PER_MDB)],
            &[NULL],
        );
        let public_root = {
            let store = b.store();
            let store = store.lock().unwrap();
            store
                .public()
                .special_folder(SpecialFolder::PublicRoot)
                .unwrap()
        };
        let (r, _) = s.run(
            &[
                RopRequest::GetReceiveFolder(GetReceiveFolderRequest {
                    logon_id: 1,
                    input_handle_index: 1,
                    message_class: "IPM".into(),
                }),
                RopRequest::GetOwningServers(GetOwningServersRequest {
                    logon_id: 1,
                    input_handle_index: 1,
                    folder_id: public_root,
                }),
                RopRequest::PublicFolderIsGhosted(PublicFolderIsGhostedRequest {
                    logon_id: 1,
                    input_handle_index: 1,
                    folder_id: public_root,
                }),
                RopRequest::GetOwningServers(GetOwningServersRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    folder_id: public_root,
                }),
                RopRequest::GetOwningServers(GetOwningServersRequest {
                    logon_id: 1,
                    input_handle_index: 1,
                    folder_id: FolderId(0x1234_0001),
                }),
            ],
            &[pr, ph[0]],
        );
        assert_eq!(return_value(&r[0]), ErrorCode::NOT_SUPPORTED);
        let server_dn = b.store().lock().unwrap().public().server_dn().to_owned();
        assert_eq!(
            r[1],
            RopResponse::GetOwningServers(GetOwningServersResponse::Success {
                input_handle_index: 1,
                owning_servers: ReplicaServers {
                    cheap_servers_count: 1,
                    servers: vec![server_dn],
                },
            })
        );
        assert_eq!(
            r[2],
            RopResponse::PublicFolderIsGhosted(PublicFolderIsGhostedResponse::Success {
                input_handle_index: 1,
                ghosted: None,
            })
        );
        assert_eq!(return_value(&r[3]), ErrorCode::NOT_SUPPORTED);
        assert_eq!(return_value(&r[4]), ErrorCode::NOT_FOUND);
    }

    #[test]
    fn long_term_id_round_trip_and_unknown_replica() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (logon, _) = s.logon_private("alice");
        let inbox = special(&b, "alice", SpecialFolder::Inbox);
        let (r, _) = s.run(
            &[
                RopRequest::LongTermIdFromId(LongTermIdFromIdRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    object_id: inbox.0,
                }),
                // ReplId 0x0777 is mapped to no GUID.
                RopRequest::LongTermIdFromId(LongTermIdFromIdRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    object_id: FolderId::new(0x0777, inbox.global_counter()).0,
                }),
            ],
            &[logon],
        );
        let RopResponse::LongTermIdFromId(LongTermIdFromIdResponse::Success {
            long_term_id, ..
        }) = r[0].clone()
        else {
            panic!("{:?}", r[0])
        };
        let repl_guid = b
            .store()
            .lock()
            .unwrap()
            .mailbox(&dn("alice"))
            .unwrap()
            .repl_guid();
        assert_eq!(long_term_id.database_guid, repl_guid);
        assert_eq!(return_value(&r[1]), ErrorCode::NOT_FOUND);
        let foreign = LongTermId::new(
            uuid::Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0),
            GlobalCounter::from_u64(0x42).unwrap(),
        );
        let (r, _) = s.run(
            &[
                RopRequest::IdFromLongTermId(IdFromLongTermIdRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    long_term_id,
                }),
                RopRequest::IdFromLongTermId(IdFromLongTermIdRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    long_term_id: foreign,
                }),
            ],
            &[logon],
        );
        assert_eq!(
            r[0],
            RopResponse::IdFromLongTermId(IdFromLongTermIdResponse::Success {
                input_handle_index: 0,
                object_id: inbox.0,
            })
        );
        // A GUID the store has not seen gets a new ReplId, which maps back to it.
        let RopResponse::IdFromLongTermId(IdFromLongTermIdResponse::Success { object_id, .. }) =
            r[1]
        else {
            panic!("{:?}", r[1])
        };
        assert_ne!(FolderId(object_id).replica_id(), inbox.replica_id());
        let (r, _) = s.run(
            &[RopRequest::LongTermIdFromId(LongTermIdFromIdRequest {
                logon_id: 0,
                input_handle_index: 0,
                object_id,
            })],
            &[logon],
        );
        assert_eq!(
            r[0],
            RopResponse::LongTermIdFromId(LongTermIdFromIdResponse::Success {
                input_handle_index: 0,
                long_term_id: foreign,
            })
        );
    }

    #[test]
    fn store_state_and_per_user_information() {
        let b = testkit::backend();
        let mut s = Session::connect(&b, "alice");
        let (logon, _) = s.logon_private("alice");
        let public_guid = b.store().lock().unwrap().public().repl_guid();
        let folder = LongTermId::new(public_guid, GlobalCounter::from_u64(0x123).unwrap());
        let (r, _) = s.run(
            &[
                RopRequest::GetStoreState(GetStoreStateRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                }),
                RopRequest::WritePerUserInformation(WritePerUserInformationRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    folder_id: folder,
                    has_finished: true,
                    data_offset: 0,
                    data: vec![1, 2, 3, 4, 5],
                    repl_guid: Some(public_guid),
                }),
                RopRequest::ReadPerUserInformation(ReadPerUserInformationRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    folder_id: folder,
                    reserved: 0,
                    data_offset: 1,
                    max_data_size: 3,
                }),
                RopRequest::GetPerUserLongTermIds(GetPerUserLongTermIdsRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    database_guid: public_guid,
                }),
                RopRequest::GetPerUserGuid(GetPerUserGuidRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    long_term_id: folder,
                }),
                RopRequest::GetPerUserGuid(GetPerUserGuidRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    long_term_id: LongTermId::new(
                        public_guid,
                        GlobalCounter::from_u64(0x999).unwrap(),
                    ),
                }),
            ],
            &[logon],
        );
        assert_eq!(
            r[0],
            RopResponse::GetStoreState(GetStoreStateResponse::Success {
                input_handle_index: 0,
                store_state: StoreState(0),
            })
        );
        assert_eq!(return_value(&r[1]), ErrorCode::SUCCESS);
        assert_eq!(
            r[2],
            RopResponse::ReadPerUserInformation(ReadPerUserInformationResponse::Success {
                input_handle_index: 0,
                has_finished: false,
                data: vec![2, 3, 4],
            })
        );
        assert_eq!(
            r[3],
            RopResponse::GetPerUserLongTermIds(GetPerUserLongTermIdsResponse::Success {
                input_handle_index: 0,
                long_term_ids: vec![folder],
            })
        );
        assert_eq!(
            r[4],
            RopResponse::GetPerUserGuid(GetPerUserGuidResponse::Success {
                input_handle_index: 0,
                database_guid: public_guid,
            })
        );
        assert_eq!(return_value(&r[5]), ErrorCode::NOT_FOUND);
    }

    #[test]
    fn logon_keys_name_the_store() {
        // MailboxKey of a private logon is the Essdn as sent; lookups ignore case.
        assert!(same_store(
            &MailboxKey::Private(dn("alice").to_uppercase()),
            &MailboxKey::Private(dn("alice"))
        ));
        assert!(!same_store(
            &MailboxKey::Public,
            &MailboxKey::Private(dn("alice"))
        ));
    }

    #[test]
    fn logon_time_is_the_civil_utc_date() {
        // 2024-06-01T12:34:56Z, a Saturday.
        let t = logon_time(UNIX_EPOCH + std::time::Duration::from_secs(1_717_245_296));
        assert_eq!(
            t,
            LogonTime {
                seconds: 56,
                minutes: 34,
                hour: 12,
                day_of_week: 6,
                day: 1,
                month: 6,
                year: 2024,
            }
        );
    }
}
