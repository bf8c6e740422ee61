//! The address book behind the `/mapi/nspi/` endpoint (MS-OXCMAPIHTTP 2.2.5, semantics of
//! MS-OXNSPI): the [`AddressBookBackend`] / [`AddressBookContext`] seam the HTTP front end
//! calls, and [`Gal`], the emulator's implementation over the directory ([`Users`]).
//!
//! [`Gal`] serves one Global Address List (container ID 0, MS-OXNSPI 2.2.1.8) and one
//! container per department. Every directory entry has a Minimal Entry ID fixed by its place
//! in the directory, so MIds stay valid across contexts of the same server (MS-OXNSPI
//! 3.1.4.1.1 lets a server keep them per server, not per context).

use std::sync::Arc;

use uuid::Uuid;

use crate::wire::entry_id::{AddressBookEntryId, DisplayType};
use crate::wire::nspi::structures::{AddressBookPropertyValue, AddressBookPropertyValueList};
use crate::wire::nspi::{
    AddressBookFlaggedPropertyValue, AddressBookFlaggedPropertyValueWithType,
    AddressBookPropertyRow, AddressBookResponse, AddressBookRowSet, AddressBookTaggedPropertyValue,
    AddressBookTypedPropertyValue, BindRequest, DnToMIdSuccess, GetPropsSuccess,
    GetSpecialTableSuccess, LargePropertyTagArray, NspiRequest, NspiResponse, QueryRowsSuccess,
    ResolveNamesSuccess, Stat,
};
use crate::wire::primitives::{String8, Wire};
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue, tags};
use crate::wire::{ErrorCode, mapihttp::FailureResponse};

use super::users::{DirectoryEntry, Users};

/// The address book behind the HTTP front end: Bind opens a context on it.
pub trait AddressBookBackend: Send + Sync + 'static {
    /// Handles a Bind (MS-OXNSPI 3.1.4.1.1) for the authenticated `login`: the server GUID
    /// and a new context, or the ErrorCode that refuses it.
    fn bind(
        &self,
        login: &str,
        request: &BindRequest,
    ) -> Result<(Uuid, Box<dyn AddressBookContext>), ErrorCode>;
}

/// The server side of one address book context (one Bind to its Unbind). Calls on one
/// context never overlap: the front end serialises them under the sequence cookie.
pub trait AddressBookContext: Send + 'static {
    /// Answers one request other than Bind and Unbind.
    fn call(&mut self, request: &NspiRequest) -> NspiResponse;
    /// Ends the context (Unbind, expiry).
    fn unbind(&mut self);
}

/// MS-OXNSPI 2.2.1.9: the MIds ANR reports for a name with no match and with several.
pub const MID_UNRESOLVED: u32 = 0x0000_0000;
/// MS-OXNSPI 2.2.1.9: several objects match the name.
pub const MID_AMBIGUOUS: u32 = 0x0000_0001;

/// MS-OXNSPI 2.2.1.3 / [MS-OXCDATA] 2.11.1: the Unicode code page, which Bind refuses.
pub const CP_WINUNICODE: u32 = 0x04B0;

/// The MId of the first directory entry; below it are the positions (0-2) and containers.
pub const FIRST_USER_MID: u32 = 0x0001_0000;
/// The MId of the first department container.
pub const FIRST_CONTAINER_MID: u32 = 0x0000_0100;

/// PidTagAddressBookContainerId (MS-OXPROPS 2.510).
pub const PID_TAG_ADDRESS_BOOK_CONTAINER_ID: PropertyTag = PropertyTag::new(0xFFFD_0003);
/// PidTagAddressBookIsMaster (MS-OXPROPS 2.524).
pub const PID_TAG_ADDRESS_BOOK_IS_MASTER: PropertyTag = PropertyTag::new(0xFFFB_000B);
/// MAPI object type of a messaging user (MAPI_MAILUSER, PidTagObjectType).
const MAPI_MAILUSER: i32 = 6;
/// MAPI object type of an address book container (MAPI_ABCONT).
const MAPI_ABCONT: i32 = 4;
/// AB_RECIPIENTS | AB_UNMODIFIABLE (MS-OXNSPI 2.2.1.10 container flags).
const CONTAINER_FLAGS: i32 = 0x1 | 0x8;

/// The default columns of QueryRows and GetProps when the client names none.
fn default_columns() -> Vec<PropertyTag> {
    vec![
        tags::PID_TAG_DISPLAY_NAME,
        tags::PID_TAG_SMTP_ADDRESS,
        tags::PID_TAG_OBJECT_TYPE,
        tags::PID_TAG_DISPLAY_TYPE,
        tags::PID_TAG_ENTRY_ID,
    ]
}

struct Container {
    mid: u32,
    name: String,
    /// Indexes into the directory, in display-name order (SortTypeDisplayName).
    members: Vec<usize>,
}

struct Directory {
    server_guid: Uuid,
    organization: String,
    users: Arc<Users>,
    /// The GAL (container 0) first, then one per department.
    containers: Vec<Container>,
}

/// The emulator's address book over the directory.
pub struct Gal {
    dir: Arc<Directory>,
}

impl std::fmt::Debug for Gal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gal")
            .field("server_guid", &self.dir.server_guid)
            .field("containers", &self.dir.containers.len())
            .finish_non_exhaustive()
    }
}

impl Gal {
    /// The address book of `users`, answering Bind with `server_guid`.
    pub fn new(users: Arc<Users>, server_guid: Uuid) -> Self {
        let entries = users.entries();
        let mut by_name: Vec<usize> = (0..entries.len()).collect();
        by_name.sort_by(|&a, &b| {
            let (ea, eb) = (&entries[a].user, &entries[b].user);
            ea.display_name
                .to_lowercase()
                .cmp(&eb.display_name.to_lowercase())
                .then(a.cmp(&b))
        });
        let mut departments: Vec<String> = entries
            .iter()
            .filter_map(|e| e.department.clone())
            .collect();
        departments.sort();
        departments.dedup();
        let mut containers = vec![Container {
            mid: 0,
            name: String::new(),
            members: by_name.clone(),
        }];
        for (i, d) in departments.into_iter().enumerate() {
            let members = by_name
                .iter()
                .copied()
                .filter(|&x| entries[x].department.as_deref() == Some(d.as_str()))
                .collect();
            containers.push(Container {
                mid: FIRST_CONTAINER_MID + i as u32,
                name: d,
                members,
            });
        }
        Gal {
            dir: Arc::new(Directory {
                server_guid,
                organization: users.organization().to_owned(),
                users,
                containers,
            }),
        }
    }

    /// The MId of the directory entry with this legacy DN.
    pub fn mid_of_dn(&self, dn: &str) -> Option<u32> {
        self.dir.mid_of_dn(dn)
    }
}

impl AddressBookBackend for Gal {
    fn bind(
        &self,
        login: &str,
        request: &BindRequest,
    ) -> Result<(Uuid, Box<dyn AddressBookContext>), ErrorCode> {
        // MS-OXNSPI 3.1.4.1.1: the STAT's CodePage must be one the server converts strings
        // to; CP_WINUNICODE is not (Unicode comes from the property type instead).
        if request
            .state
            .as_ref()
            .is_some_and(|s| s.code_page == CP_WINUNICODE)
        {
            return Err(ErrorCode::INVALID_CODEPAGE);
        }
        let me = self
            .dir
            .users
            .find_login(login)
            .map(|e| e.user.legacy_dn.clone());
        Ok((
            self.dir.server_guid,
            Box::new(GalContext {
                dir: self.dir.clone(),
                _me: me,
            }),
        ))
    }
}

impl Directory {
    fn entry(&self, mid: u32) -> Option<&DirectoryEntry> {
        let i = mid.checked_sub(FIRST_USER_MID)?;
        self.users.entries().get(i as usize)
    }

    fn mid_of_index(i: usize) -> u32 {
        FIRST_USER_MID + i as u32
    }

    fn mid_of_dn(&self, dn: &str) -> Option<u32> {
        let wanted = self.users.find_legacy_dn(dn)?;
        self.users
            .entries()
            .iter()
            .position(|e| std::ptr::eq(e, wanted))
            .map(Self::mid_of_index)
    }

    fn container(&self, id: u32) -> Option<&Container> {
        self.containers.iter().find(|c| c.mid == id)
    }

    /// A user's value of `tag` in the tag's own type (string columns may ask for String8).
    fn user_value(&self, mid: u32, e: &DirectoryEntry, tag: PropertyTag) -> Option<PropertyValue> {
        let dn = &e.user.legacy_dn;
        let text = |s: &str| -> Option<PropertyValue> {
            match tag.prop_type() {
                PropertyType::STRING => Some(PropertyValue::String(Box::new(s.into()))),
                PropertyType::STRING8 => Some(PropertyValue::String8(Box::new(
                    String8::from_bytes(s.as_bytes()),
                ))),
                _ => None,
            }
        };
        let bin = |b: Vec<u8>| Some(PropertyValue::Binary(Box::new(b.into_boxed_slice())));
        let id = tag.id();
        if id == tags::PID_TAG_DISPLAY_NAME.id() {
            text(&e.user.display_name)
        } else if id == tags::PID_TAG_SMTP_ADDRESS.id() {
            text(&e.user.smtp_address)
        } else if id == tags::PID_TAG_ACCOUNT.id() {
            text(e.user.login.rsplit('\\').next().unwrap_or(&e.user.login))
        } else if id == tags::PID_TAG_TITLE.id() {
            text(e.title.as_deref()?)
        } else if id == tags::PID_TAG_DEPARTMENT_NAME.id() {
            text(e.department.as_deref()?)
        } else if id == tags::PID_TAG_BUSINESS_TELEPHONE_NUMBER.id() {
            text(e.phone.as_deref()?)
        } else if id == tags::PID_TAG_EMAIL_ADDRESS.id() {
            text(dn)
        } else if id == tags::PID_TAG_ADDRESS_TYPE.id() {
            text("EX")
        } else if tag == tags::PID_TAG_OBJECT_TYPE {
            Some(PropertyValue::Integer32(MAPI_MAILUSER))
        } else if tag == tags::PID_TAG_DISPLAY_TYPE {
            Some(PropertyValue::Integer32(DisplayType::MAIL_USER.0 as i32))
        } else if tag == tags::PID_TAG_ENTRY_ID {
            // MS-OXNSPI 2.2.9.3 / MS-OXCDATA 2.2.5.2: the permanent entry ID.
            bin(AddressBookEntryId::new(DisplayType::MAIL_USER, dn.clone())
                .to_bytes()
                .ok()?)
        } else if tag == tags::PID_TAG_SEARCH_KEY {
            // MS-OXCPRPT / MS-OXOABK: "EX:" + the upper-case DN, null-terminated.
            let mut key = format!("EX:{}", dn.to_uppercase()).into_bytes();
            key.push(0);
            bin(key)
        } else if tag == tags::PID_TAG_INSTANCE_KEY {
            bin(mid.to_le_bytes().to_vec())
        } else if tag == PID_TAG_ADDRESS_BOOK_CONTAINER_ID {
            Some(PropertyValue::Integer32(0))
        } else {
            None
        }
    }

    fn row(&self, mid: u32, columns: &[PropertyTag]) -> AddressBookPropertyRow {
        let values: Vec<Option<PropertyValue>> = match self.entry(mid) {
            Some(e) => columns
                .iter()
                .map(|&t| self.user_value(mid, e, t))
                .collect(),
            None => vec![None; columns.len()],
        };
        if values.iter().all(Option::is_some) {
            AddressBookPropertyRow::Standard(
                columns
                    .iter()
                    .zip(values)
                    .map(|(t, v)| AddressBookTypedPropertyValue {
                        prop_type: t.prop_type(),
                        value: AddressBookPropertyValue { value: v },
                    })
                    .collect(),
            )
        } else {
            AddressBookPropertyRow::Flagged(
                columns
                    .iter()
                    .zip(values)
                    .map(|(t, v)| AddressBookFlaggedPropertyValueWithType {
                        prop_type: t.prop_type(),
                        value: match v {
                            Some(v) => {
                                AddressBookFlaggedPropertyValue::Value(AddressBookPropertyValue {
                                    value: Some(v),
                                })
                            }
                            None => AddressBookFlaggedPropertyValue::Error(ErrorCode::NOT_FOUND),
                        },
                    })
                    .collect(),
            )
        }
    }

    fn row_set(&self, mids: &[u32], columns: Vec<PropertyTag>) -> AddressBookRowSet {
        let rows = mids.iter().map(|&m| self.row(m, &columns)).collect();
        AddressBookRowSet {
            columns: LargePropertyTagArray(columns),
            rows,
        }
    }

    /// MS-OXNSPI 3.1.4.1.3: one row per container, the GAL first.
    fn special_table(&self) -> Vec<AddressBookPropertyValueList> {
        self.containers
            .iter()
            .map(|c| {
                let dn = if c.mid == 0 {
                    String::new()
                } else {
                    format!(
                        "/o={}/cn=addrlists/cn=departments/cn={}",
                        self.organization, c.name
                    )
                };
                let entry_id = AddressBookEntryId::new(DisplayType::CONTAINER, dn)
                    .to_bytes()
                    .unwrap_or_default();
                let v = |tag: PropertyTag, value: PropertyValue| AddressBookTaggedPropertyValue {
                    tag,
                    value: AddressBookPropertyValue::new(value),
                };
                AddressBookPropertyValueList(vec![
                    v(
                        tags::PID_TAG_ENTRY_ID,
                        PropertyValue::Binary(Box::new(entry_id.into_boxed_slice())),
                    ),
                    v(
                        tags::PID_TAG_CONTAINER_FLAGS,
                        PropertyValue::Integer32(CONTAINER_FLAGS),
                    ),
                    v(
                        tags::PID_TAG_DEPTH,
                        PropertyValue::Integer32(i32::from(c.mid != 0)),
                    ),
                    v(
                        PID_TAG_ADDRESS_BOOK_CONTAINER_ID,
                        PropertyValue::Integer32(c.mid as i32),
                    ),
                    v(
                        tags::PID_TAG_DISPLAY_NAME,
                        PropertyValue::String(Box::new(c.name.as_str().into())),
                    ),
                    v(
                        PID_TAG_ADDRESS_BOOK_IS_MASTER,
                        PropertyValue::Boolean(false),
                    ),
                    v(
                        tags::PID_TAG_OBJECT_TYPE,
                        PropertyValue::Integer32(MAPI_ABCONT),
                    ),
                ])
            })
            .collect()
    }

    /// ANR (MS-OXNSPI 3.1.4.7) as the emulator's local policy: an exact SMTP address, legacy
    /// DN or login resolves; otherwise a case-insensitive prefix of the display name, a word
    /// of it, or the SMTP local part.
    fn resolve(&self, name: &str) -> u32 {
        let name = name.trim();
        if name.is_empty() {
            return MID_UNRESOLVED;
        }
        let exact = self
            .users
            .find_smtp(name)
            .or_else(|| self.users.find_legacy_dn(name))
            .or_else(|| self.users.find_login(name));
        if let Some(e) = exact {
            let dn = e.user.legacy_dn.clone();
            return self.mid_of_dn(&dn).unwrap_or(MID_UNRESOLVED);
        }
        let needle = name.to_lowercase();
        let hits: Vec<usize> = self
            .users
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                let display = e.user.display_name.to_lowercase();
                let local = e
                    .user
                    .smtp_address
                    .split('@')
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                display.starts_with(&needle)
                    || display.split_whitespace().any(|w| w.starts_with(&needle))
                    || local.starts_with(&needle)
            })
            .map(|(i, _)| i)
            .collect();
        match hits.as_slice() {
            [] => MID_UNRESOLVED,
            [one] => Self::mid_of_index(*one),
            _ => MID_AMBIGUOUS,
        }
    }
}

/// One Bind's context on the [`Gal`].
struct GalContext {
    dir: Arc<Directory>,
    _me: Option<String>,
}

fn failure<T>(status_code: u32) -> AddressBookResponse<T> {
    AddressBookResponse::Failure(FailureResponse {
        status_code,
        auxiliary_buffer: Vec::new(),
    })
}

impl GalContext {
    /// MS-OXNSPI 3.1.4.1.8: rows from the STAT's position in its container, then the STAT
    /// moved past them.
    fn query_rows(&self, r: &crate::wire::nspi::QueryRowsRequest) -> QueryRowsSuccess {
        let columns = r
            .columns
            .as_ref()
            .map(|c| c.0.clone())
            .unwrap_or_else(default_columns);
        let mut stat = r.state.unwrap_or_default();
        if !r.explicit_table.is_empty() {
            return QueryRowsSuccess {
                error_code: ErrorCode::SUCCESS,
                state: Some(stat),
                rows: Some(self.dir.row_set(&r.explicit_table, columns)),
                auxiliary_buffer: Vec::new(),
            };
        }
        let Some(container) = self.dir.container(stat.container_id) else {
            return QueryRowsSuccess {
                error_code: ErrorCode::INVALID_BOOKMARK,
                state: Some(stat),
                rows: None,
                auxiliary_buffer: Vec::new(),
            };
        };
        let len = container.members.len();
        let start = match stat.current_rec {
            Stat::MID_BEGINNING_OF_TABLE => 0,
            Stat::MID_END_OF_TABLE => len,
            mid => container
                .members
                .iter()
                .position(|&i| Directory::mid_of_index(i) == mid)
                .unwrap_or((stat.num_pos as usize).min(len)),
        };
        let start = (start as i64 + i64::from(stat.delta)).clamp(0, len as i64) as usize;
        let end = start.saturating_add(r.row_count as usize).min(len);
        let mids: Vec<u32> = container.members[start..end]
            .iter()
            .map(|&i| Directory::mid_of_index(i))
            .collect();
        stat.current_rec = container
            .members
            .get(end)
            .map_or(Stat::MID_END_OF_TABLE, |&i| Directory::mid_of_index(i));
        stat.num_pos = end as u32;
        stat.total_recs = len as u32;
        stat.delta = 0;
        QueryRowsSuccess {
            error_code: ErrorCode::SUCCESS,
            state: Some(stat),
            rows: Some(self.dir.row_set(&mids, columns)),
            auxiliary_buffer: Vec::new(),
        }
    }
}

impl AddressBookContext for GalContext {
    fn call(&mut self, request: &NspiRequest) -> NspiResponse {
        let dir = &self.dir;
        match request {
            NspiRequest::GetSpecialTable(r) => {
                let code_page = r.state.as_ref().map_or(0, |s| s.code_page);
                NspiResponse::GetSpecialTable(AddressBookResponse::Success(
                    GetSpecialTableSuccess {
                        error_code: ErrorCode::SUCCESS,
                        code_page,
                        version: r.version,
                        rows: Some(dir.special_table()),
                        auxiliary_buffer: Vec::new(),
                    },
                ))
            }
            NspiRequest::DnToMId(r) => {
                let mids = r.names.as_ref().map(|names| {
                    names
                        .iter()
                        .map(|n| dir.mid_of_dn(n).unwrap_or(0))
                        .collect()
                });
                NspiResponse::DnToMId(AddressBookResponse::Success(DnToMIdSuccess {
                    error_code: ErrorCode::SUCCESS,
                    minimal_ids: mids,
                    auxiliary_buffer: Vec::new(),
                }))
            }
            NspiRequest::GetProps(r) => {
                let stat = r.state.unwrap_or_default();
                let mid = stat.current_rec;
                let Some(e) = dir.entry(mid) else {
                    return NspiResponse::GetProps(AddressBookResponse::Success(GetPropsSuccess {
                        error_code: ErrorCode::NOT_FOUND,
                        code_page: stat.code_page,
                        property_values: None,
                        auxiliary_buffer: Vec::new(),
                    }));
                };
                let columns = r
                    .property_tags
                    .as_ref()
                    .map(|c| c.0.clone())
                    .unwrap_or_else(default_columns);
                let mut missing = false;
                let values = columns
                    .iter()
                    .map(|&tag| match dir.user_value(mid, e, tag) {
                        Some(v) => AddressBookTaggedPropertyValue {
                            tag,
                            value: AddressBookPropertyValue::new(v),
                        },
                        None => {
                            // MS-OXNSPI 3.1.4.1.7: a property the object lacks comes back as
                            // PtypErrorCode ecNotFound, and the call as ErrorsReturned.
                            missing = true;
                            AddressBookTaggedPropertyValue {
                                tag: tag.with_type(PropertyType::ERROR_CODE),
                                value: AddressBookPropertyValue::new(PropertyValue::ErrorCode(
                                    ErrorCode::NOT_FOUND,
                                )),
                            }
                        }
                    })
                    .collect();
                NspiResponse::GetProps(AddressBookResponse::Success(GetPropsSuccess {
                    error_code: if missing {
                        ErrorCode::ERRORS_RETURNED
                    } else {
                        ErrorCode::SUCCESS
                    },
                    code_page: stat.code_page,
                    property_values: Some(AddressBookPropertyValueList(values)),
                    auxiliary_buffer: Vec::new(),
                }))
            }
            NspiRequest::QueryRows(r) => {
                NspiResponse::QueryRows(AddressBookResponse::Success(self.query_rows(r)))
            }
            NspiRequest::ResolveNames(r) => {
                let code_page = r.state.as_ref().map_or(0, |s| s.code_page);
                let names = r.names.clone().unwrap_or_default();
                let mids: Vec<u32> = names.iter().map(|n| dir.resolve(n)).collect();
                let columns = r
                    .property_tags
                    .as_ref()
                    .map(|c| c.0.clone())
                    .unwrap_or_else(default_columns);
                // Rows only for the names that resolved, in the order of the names.
                let resolved: Vec<u32> = mids
                    .iter()
                    .copied()
                    .filter(|&m| m != MID_UNRESOLVED && m != MID_AMBIGUOUS)
                    .collect();
                NspiResponse::ResolveNames(AddressBookResponse::Success(ResolveNamesSuccess {
                    error_code: ErrorCode::SUCCESS,
                    code_page,
                    minimal_ids: Some(mids),
                    rows: Some(dir.row_set(&resolved, columns)),
                    auxiliary_buffer: Vec::new(),
                }))
            }
            other => not_implemented(other),
        }
    }

    fn unbind(&mut self) {}
}

/// Request types the emulator does not serve yet: the failure form with StatusCode
/// 0x80004001 (E_NOTIMPL), which clients report as the server not supporting the call.
fn not_implemented(request: &NspiRequest) -> NspiResponse {
    const E_NOTIMPL: u32 = 0x8000_4001;
    match request {
        NspiRequest::Bind(_) => NspiResponse::Bind(failure(E_NOTIMPL)),
        NspiRequest::Unbind(_) => NspiResponse::Unbind(failure(E_NOTIMPL)),
        NspiRequest::CompareMIds(_) => NspiResponse::CompareMIds(failure(E_NOTIMPL)),
        NspiRequest::DnToMId(_) => NspiResponse::DnToMId(failure(E_NOTIMPL)),
        NspiRequest::GetMatches(_) => NspiResponse::GetMatches(failure(E_NOTIMPL)),
        NspiRequest::GetPropList(_) => NspiResponse::GetPropList(failure(E_NOTIMPL)),
        NspiRequest::GetProps(_) => NspiResponse::GetProps(failure(E_NOTIMPL)),
        NspiRequest::GetSpecialTable(_) => NspiResponse::GetSpecialTable(failure(E_NOTIMPL)),
        NspiRequest::GetTemplateInfo(_) => NspiResponse::GetTemplateInfo(failure(E_NOTIMPL)),
        NspiRequest::ModLinkAtt(_) => NspiResponse::ModLinkAtt(failure(E_NOTIMPL)),
        NspiRequest::ModProps(_) => NspiResponse::ModProps(failure(E_NOTIMPL)),
        NspiRequest::QueryColumns(_) => NspiResponse::QueryColumns(failure(E_NOTIMPL)),
        NspiRequest::QueryRows(_) => NspiResponse::QueryRows(failure(E_NOTIMPL)),
        NspiRequest::ResolveNames(_) => NspiResponse::ResolveNames(failure(E_NOTIMPL)),
        NspiRequest::ResortRestriction(_) => NspiResponse::ResortRestriction(failure(E_NOTIMPL)),
        NspiRequest::SeekEntries(_) => NspiResponse::SeekEntries(failure(E_NOTIMPL)),
        NspiRequest::UpdateStat(_) => NspiResponse::UpdateStat(failure(E_NOTIMPL)),
        NspiRequest::GetMailboxUrl(_) => NspiResponse::GetMailboxUrl(failure(E_NOTIMPL)),
        NspiRequest::GetAddressBookUrl(_) => NspiResponse::GetAddressBookUrl(failure(E_NOTIMPL)),
    }
}
