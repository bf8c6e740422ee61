//! The address book behind the `/mapi/nspi/` endpoint (MS-OXCMAPIHTTP 2.2.5, semantics of
//! MS-OXNSPI): the [`AddressBookBackend`] / [`AddressBookContext`] seam the HTTP front end
//! calls, and [`Gal`], the emulator's implementation over the directory ([`Users`]).
//!
//! [`Gal`] serves one Global Address List (container ID 0, MS-OXNSPI 2.2.1.8) holding every
//! user and one distribution list ([`DISTRIBUTION_LIST_NAME`]), and one container per
//! department. Every object has a Minimal Entry ID fixed by its place in the directory, so
//! MIds stay valid across contexts of the same server (MS-OXNSPI 2.2.9.1 lets a server keep
//! them per server, not per context). The container ID of a row (PidTagAddressBookContainerId)
//! is its own MId, as Exchange answers it.
//!
//! Changes made through ModProps and ModLinkAtt (certificates, public delegates, list members)
//! belong to the directory, so every context of the server sees them.
//!
//! Every request type is served; see [`context`] for what each answers and with which
//! error codes.

mod context;
mod restrict;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use uuid::Uuid;

use crate::wire::ErrorCode;
use crate::wire::entry_id::{AddressBookEntryId, DisplayType, EphemeralEntryId};
use crate::wire::nspi::{BindRequest, NspiRequest, NspiResponse};
use crate::wire::primitives::{String8, Wire};
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue, tags};

use super::users::{ADMIN_GROUP, DirectoryEntry, Users};

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

/// MS-OXNSPI 2.2.1.9: the result of ANR for a name that matches no object. ResolveNames
/// reports it per name.
pub const MID_UNRESOLVED: u32 = 0x0000_0000;
/// MS-OXNSPI 2.2.1.9: the result of ANR for a name that matches several objects.
pub const MID_AMBIGUOUS: u32 = 0x0000_0001;
/// MS-OXNSPI 2.2.1.9: the ANR outcome "exactly one object". ResolveNames does not send this
/// value: it sends the MId of that object in its place (MS-OXNSPI 3.1.4.1.17), and returns a
/// row only for those names.
pub const MID_RESOLVED: u32 = 0x0000_0002;

/// MS-OXNSPI 2.2.1.3 / [MS-OXCDATA] 2.11.1: the Unicode code page, which Bind refuses.
pub const CP_WINUNICODE: u32 = 0x04B0;

/// The MId of the first directory entry; below it are the positions (0-2) and containers.
pub const FIRST_USER_MID: u32 = 0x0001_0000;
/// The MId of the first department container.
pub const FIRST_CONTAINER_MID: u32 = 0x0000_0100;
/// The MId of the first distribution list.
pub const FIRST_LIST_MID: u32 = 0x0000_1000;

/// The display name of the emulator's distribution list: empty at start, owned by the first
/// user of the directory (its only member editor, see ModLinkAtt).
pub const DISTRIBUTION_LIST_NAME: &str = "Emulator Team List";

/// The version of the address book hierarchy table GetSpecialTable reports (MS-OXNSPI
/// 3.1.4.1.3): a client that already has it gets no rows.
pub const HIERARCHY_VERSION: u32 = 1;

/// The LCID the emulator has address templates for (en-US); GetTemplateInfo answers
/// MAPI_E_UNKNOWN_LCID for others.
pub const TEMPLATE_LOCALE: u32 = 0x0409;

/// PidTagAddressBookContainerId (MS-OXPROPS 2.510).
pub const PID_TAG_ADDRESS_BOOK_CONTAINER_ID: PropertyTag = PropertyTag::new(0xFFFD_0003);
/// PidTagAddressBookIsMaster (MS-OXPROPS 2.524).
pub const PID_TAG_ADDRESS_BOOK_IS_MASTER: PropertyTag = PropertyTag::new(0xFFFB_000B);
/// PidTagTemplateData (MS-OXOABKT 2.2.2): the template GetTemplateInfo returns for TI_TEMPLATE.
pub const PID_TAG_TEMPLATE_DATA: PropertyTag = PropertyTag::new(0x0001_0102);
/// PidTagScriptData (MS-OXOABKT 2.2.3): the script GetTemplateInfo returns for TI_SCRIPT.
pub const PID_TAG_SCRIPT_DATA: PropertyTag = PropertyTag::new(0x0004_0102);

/// MAPI object type of a messaging user (MAPI_MAILUSER, PidTagObjectType).
const MAPI_MAILUSER: i32 = 6;
/// MAPI object type of a distribution list (MAPI_DISTLIST).
const MAPI_DISTLIST: i32 = 8;
/// MAPI object type of an address book container (MAPI_ABCONT).
const MAPI_ABCONT: i32 = 4;

/// What a MId names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Object {
    /// A directory entry, by index.
    User(usize),
    /// A distribution list, by index.
    List(usize),
}

struct Container {
    mid: u32,
    name: String,
    /// MIds, in display-name order (SortTypeDisplayName).
    members: Vec<u32>,
}

struct DistributionList {
    name: String,
    legacy_dn: String,
    /// The MId of the user allowed to change its members.
    owner: Option<u32>,
}

/// What ModProps and ModLinkAtt change, shared by every context of the server.
#[derive(Default)]
struct Changes {
    /// PidTagAddressBookMember of each list: member MIds.
    members: HashMap<u32, Vec<u32>>,
    /// PidTagAddressBookPublicDelegates of a user: delegate MIds.
    delegates: HashMap<u32, Vec<u32>>,
    /// PidTagAddressBookX509Certificate / PidTagUserX509Certificate of a user.
    certificates: HashMap<u32, Vec<Vec<u8>>>,
}

struct Directory {
    server_guid: Uuid,
    organization: String,
    users: Arc<Users>,
    lists: Vec<DistributionList>,
    /// The GAL (container 0) first, then one per department.
    containers: Vec<Container>,
    changes: Mutex<Changes>,
    /// `http://127.0.0.1:PORT`, once the server listens (GetMailboxUrl, GetAddressBookUrl).
    base_url: OnceLock<String>,
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
        let organization = users.organization().to_owned();
        let entries = users.entries();
        let lists = vec![DistributionList {
            name: DISTRIBUTION_LIST_NAME.to_owned(),
            legacy_dn: format!(
                "/o={organization}/ou={ADMIN_GROUP}/cn=Recipients/cn=emulator-team-list"
            ),
            owner: (!entries.is_empty()).then_some(FIRST_USER_MID),
        }];
        let name_of = |mid: u32| -> String {
            match object_of(mid, entries.len(), lists.len()) {
                Some(Object::User(i)) => entries[i].user.display_name.to_lowercase(),
                Some(Object::List(i)) => lists[i].name.to_lowercase(),
                None => String::new(),
            }
        };
        let mut all: Vec<u32> = (0..entries.len())
            .map(Directory::mid_of_user)
            .chain((0..lists.len()).map(Directory::mid_of_list))
            .collect();
        all.sort_by_cached_key(|&m| (name_of(m), m));
        let mut departments: Vec<String> = entries
            .iter()
            .filter_map(|e| e.department.clone())
            .collect();
        departments.sort();
        departments.dedup();
        let mut containers = vec![Container {
            mid: 0,
            name: String::new(),
            members: all.clone(),
        }];
        for (i, d) in departments.into_iter().enumerate() {
            let members = all
                .iter()
                .copied()
                .filter(|&m| {
                    matches!(object_of(m, entries.len(), lists.len()),
                        Some(Object::User(u)) if entries[u].department.as_deref() == Some(d.as_str()))
                })
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
                organization,
                users,
                lists,
                containers,
                changes: Mutex::new(Changes::default()),
                base_url: OnceLock::new(),
            }),
        }
    }

    /// The MId of the directory object with this legacy DN.
    pub fn mid_of_dn(&self, dn: &str) -> Option<u32> {
        self.dir.mid_of_dn(dn)
    }

    /// Tells the address book the server's base URL (`http://127.0.0.1:PORT`), which
    /// GetMailboxUrl and GetAddressBookUrl answer under. The first call wins.
    pub fn set_base_url(&self, base_url: &str) {
        let _ = self
            .dir
            .base_url
            .set(base_url.trim_end_matches('/').to_owned());
    }

    /// The number of rows of the GAL (users and distribution lists).
    pub fn gal_len(&self) -> usize {
        self.dir.containers.first().map_or(0, |c| c.members.len())
    }
}

impl AddressBookBackend for Gal {
    fn bind(
        &self,
        login: &str,
        request: &BindRequest,
    ) -> Result<(Uuid, Box<dyn AddressBookContext>), ErrorCode> {
        // MS-OXNSPI 3.1.4.1.1: the STAT's CodePage must be one the server converts strings
        // to; CP_WINUNICODE is not (Unicode comes from the property type instead). Flags
        // other than fAnonymousLogin are ignored, and the HTTP layer has authenticated.
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
            .map(|e| e.user.legacy_dn.clone())
            .and_then(|dn| self.dir.mid_of_dn(&dn));
        Ok((
            self.dir.server_guid,
            Box::new(context::GalContext::new(self.dir.clone(), me)),
        ))
    }
}

/// The object a MId names in a directory of `users` users and `lists` lists.
fn object_of(mid: u32, users: usize, lists: usize) -> Option<Object> {
    if let Some(i) = mid.checked_sub(FIRST_USER_MID) {
        let i = i as usize;
        return (i < users).then_some(Object::User(i));
    }
    let i = mid.checked_sub(FIRST_LIST_MID)? as usize;
    (i < lists).then_some(Object::List(i))
}

/// How values are asked for: the code page of PtypString8 values and whether PidTagEntryId
/// is the ephemeral form (fEphID, MS-OXNSPI 2.2.1.7).
#[derive(Clone, Copy, Debug)]
struct Form {
    code_page: u32,
    ephemeral: bool,
}

/// `text` as PtypString8 in `code_page`: characters the code page lacks become `?`, as the
/// Windows conversion Exchange uses does.
fn string8(text: &str, code_page: u32) -> String8 {
    if let Ok(s) = String8::encode_text(text, code_page) {
        return s;
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        match String8::encode_text(c.encode_utf8(&mut buf), code_page) {
            Ok(s) => bytes.extend_from_slice(&s.bytes),
            Err(_) if c.is_ascii() && c != '\0' => bytes.push(c as u8),
            Err(_) => bytes.push(b'?'),
        }
    }
    String8::from_bytes(bytes)
}

/// A text value in the type asked for (PtypUnspecified gets Unicode).
fn text_value(s: &str, ty: PropertyType, form: Form) -> Option<PropertyValue> {
    match ty {
        PropertyType::STRING | PropertyType::UNSPECIFIED => {
            Some(PropertyValue::String(Box::new(s.into())))
        }
        PropertyType::STRING8 => Some(PropertyValue::String8(Box::new(string8(s, form.code_page)))),
        _ => None,
    }
}

/// A multi-valued text value in the type asked for; `None` when empty (no value).
fn texts_value(items: &[String], ty: PropertyType, form: Form) -> Option<PropertyValue> {
    if items.is_empty() {
        return None;
    }
    match ty {
        PropertyType::MULTIPLE_STRING | PropertyType::UNSPECIFIED => {
            Some(PropertyValue::MultipleString(Box::new(items.to_vec())))
        }
        PropertyType::MULTIPLE_STRING8 => Some(PropertyValue::MultipleString8(Box::new(
            items.iter().map(|s| string8(s, form.code_page)).collect(),
        ))),
        _ => None,
    }
}

/// The properties an address book object can have, in their native types; QueryColumns
/// lists them all and GetPropList the ones an object has.
const SCHEMA: &[PropertyTag] = &[
    PID_TAG_ADDRESS_BOOK_CONTAINER_ID,
    tags::PID_TAG_OBJECT_TYPE,
    tags::PID_TAG_DISPLAY_TYPE,
    tags::PID_TAG_DISPLAY_NAME,
    tags::PID_TAG_TRANSMITTABLE_DISPLAY_NAME,
    tags::PID_TAG_SMTP_ADDRESS,
    tags::PID_TAG_EMAIL_ADDRESS,
    tags::PID_TAG_ADDRESS_TYPE,
    tags::PID_TAG_ACCOUNT,
    tags::PID_TAG_GIVEN_NAME,
    tags::PID_TAG_SURNAME,
    tags::PID_TAG_TITLE,
    tags::PID_TAG_DEPARTMENT_NAME,
    tags::PID_TAG_OFFICE_LOCATION,
    tags::PID_TAG_BUSINESS_TELEPHONE_NUMBER,
    tags::PID_TAG_PRIMARY_TELEPHONE_NUMBER,
    tags::PID_TAG_ENTRY_ID,
    tags::PID_TAG_RECORD_KEY,
    tags::PID_TAG_SEARCH_KEY,
    tags::PID_TAG_INSTANCE_KEY,
    tags::PID_TAG_TEMPLATEID,
    tags::PID_TAG_ADDRESS_BOOK_PROXY_ADDRESSES,
    PropertyTag::from_parts(
        tags::PID_TAG_ADDRESS_BOOK_MEMBER.id(),
        PropertyType::MULTIPLE_STRING,
    ),
    PropertyTag::from_parts(
        tags::PID_TAG_ADDRESS_BOOK_PUBLIC_DELEGATES.id(),
        PropertyType::MULTIPLE_STRING,
    ),
    tags::PID_TAG_ADDRESS_BOOK_X509_CERTIFICATE,
];

/// `tag` with its string types turned to PtypString8 unless `unicode`.
fn string_typed(tag: PropertyTag, unicode: bool) -> PropertyTag {
    match (tag.prop_type(), unicode) {
        (PropertyType::STRING, false) => tag.with_type(PropertyType::STRING8),
        (PropertyType::MULTIPLE_STRING, false) => tag.with_type(PropertyType::MULTIPLE_STRING8),
        _ => tag,
    }
}

/// `tag` with PtypString8 types turned to PtypString (answers under CP_WINUNICODE).
fn string_typed_unicode(tag: PropertyTag) -> PropertyTag {
    match tag.prop_type() {
        PropertyType::STRING8 => tag.with_type(PropertyType::STRING),
        PropertyType::MULTIPLE_STRING8 => tag.with_type(PropertyType::MULTIPLE_STRING),
        _ => tag,
    }
}

/// The native type of a property the schema knows.
fn native_type(id: u16) -> Option<PropertyType> {
    SCHEMA.iter().find(|t| t.id() == id).map(|t| t.prop_type())
}

impl Directory {
    fn mid_of_user(i: usize) -> u32 {
        FIRST_USER_MID + i as u32
    }

    fn mid_of_list(i: usize) -> u32 {
        FIRST_LIST_MID + i as u32
    }

    fn object(&self, mid: u32) -> Option<Object> {
        object_of(mid, self.users.entries().len(), self.lists.len())
    }

    fn mid_of_dn(&self, dn: &str) -> Option<u32> {
        if let Some(wanted) = self.users.find_legacy_dn(dn) {
            return self
                .users
                .entries()
                .iter()
                .position(|e| std::ptr::eq(e, wanted))
                .map(Self::mid_of_user);
        }
        self.lists
            .iter()
            .position(|l| l.legacy_dn.eq_ignore_ascii_case(dn))
            .map(Self::mid_of_list)
    }

    fn legacy_dn(&self, mid: u32) -> Option<&str> {
        match self.object(mid)? {
            Object::User(i) => self
                .users
                .entries()
                .get(i)
                .map(|e| e.user.legacy_dn.as_str()),
            Object::List(i) => self.lists.get(i).map(|l| l.legacy_dn.as_str()),
        }
    }

    fn display_name(&self, mid: u32) -> Option<&str> {
        match self.object(mid)? {
            Object::User(i) => self
                .users
                .entries()
                .get(i)
                .map(|e| e.user.display_name.as_str()),
            Object::List(i) => self.lists.get(i).map(|l| l.name.as_str()),
        }
    }

    fn display_type(&self, mid: u32) -> Option<DisplayType> {
        Some(match self.object(mid)? {
            Object::User(_) => DisplayType::MAIL_USER,
            Object::List(_) => DisplayType::DIST_LIST,
        })
    }

    fn container(&self, id: u32) -> Option<&Container> {
        self.containers.iter().find(|c| c.mid == id)
    }

    fn changes(&self) -> std::sync::MutexGuard<'_, Changes> {
        self.changes.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The DNs of the objects `mids` name (links stored as MIds).
    fn dns(&self, mids: &[u32]) -> Vec<String> {
        mids.iter()
            .filter_map(|&m| self.legacy_dn(m).map(str::to_owned))
            .collect()
    }

    /// MS-OXNSPI 2.2.9.3 / MS-OXCDATA 2.2.5.2: the permanent entry ID of an object.
    fn permanent_entry_id(&self, mid: u32) -> Option<Vec<u8>> {
        AddressBookEntryId::new(self.display_type(mid)?, self.legacy_dn(mid)?)
            .to_bytes()
            .ok()
    }

    /// MS-OXNSPI 2.2.9.2: the ephemeral entry ID of an object (this server's GUID, its MId).
    fn ephemeral_entry_id(&self, mid: u32) -> Option<Vec<u8>> {
        EphemeralEntryId::new(&self.server_guid, self.display_type(mid)?, mid)
            .to_bytes()
            .ok()
    }

    /// The MId an entry ID names: a permanent one by its DN, an ephemeral one by its MId
    /// when it carries this server's GUID.
    fn mid_of_entry_id(&self, bytes: &[u8]) -> Option<u32> {
        match bytes.first()? {
            &EphemeralEntryId::ID_TYPE => {
                let (_, id) = EphemeralEntryId::decode(bytes).ok()?;
                (id.server_guid() == self.server_guid && self.object(id.mid).is_some())
                    .then_some(id.mid)
            }
            _ => {
                let (_, id) = AddressBookEntryId::decode(bytes).ok()?;
                self.mid_of_dn(&id.x500_dn)
            }
        }
    }

    /// An object's value of `tag`, in the tag's type (string columns may ask for String8,
    /// PtypUnspecified gets the native type); `None` when the object has no such value or
    /// not in that type.
    fn value(&self, mid: u32, tag: PropertyTag, form: Form) -> Option<PropertyValue> {
        let object = self.object(mid)?;
        let ty = tag.prop_type();
        let id = tag.id();
        let bin = |b: Vec<u8>| -> Option<PropertyValue> {
            matches!(ty, PropertyType::BINARY | PropertyType::UNSPECIFIED)
                .then(|| PropertyValue::Binary(Box::new(b.into_boxed_slice())))
        };
        let int = |v: i32| -> Option<PropertyValue> {
            matches!(ty, PropertyType::INTEGER32 | PropertyType::UNSPECIFIED)
                .then_some(PropertyValue::Integer32(v))
        };
        let dn = self.legacy_dn(mid)?;
        // Properties every object has.
        if id == tags::PID_TAG_DISPLAY_NAME.id()
            || id == tags::PID_TAG_TRANSMITTABLE_DISPLAY_NAME.id()
        {
            return text_value(self.display_name(mid)?, ty, form);
        } else if id == tags::PID_TAG_EMAIL_ADDRESS.id() {
            return text_value(dn, ty, form);
        } else if id == tags::PID_TAG_ADDRESS_TYPE.id() {
            return text_value("EX", ty, form);
        } else if id == tags::PID_TAG_DISPLAY_TYPE.id() {
            return int(self.display_type(mid)?.0 as i32);
        } else if id == tags::PID_TAG_OBJECT_TYPE.id() {
            return int(match object {
                Object::User(_) => MAPI_MAILUSER,
                Object::List(_) => MAPI_DISTLIST,
            });
        } else if id == PID_TAG_ADDRESS_BOOK_CONTAINER_ID.id() {
            return int(mid as i32);
        } else if id == tags::PID_TAG_ENTRY_ID.id() {
            // MS-OXNSPI 2.2.1.7 fEphID: the ephemeral form on request, else the permanent.
            return if form.ephemeral {
                bin(self.ephemeral_entry_id(mid)?)
            } else {
                bin(self.permanent_entry_id(mid)?)
            };
        } else if id == tags::PID_TAG_RECORD_KEY.id() || id == tags::PID_TAG_TEMPLATEID.id() {
            return bin(self.permanent_entry_id(mid)?);
        } else if id == tags::PID_TAG_SEARCH_KEY.id() {
            // MS-OXOABK 2.2.3.7: "EX:" + the upper-case DN, null-terminated.
            let mut key = format!("EX:{}", dn.to_uppercase()).into_bytes();
            key.push(0);
            return bin(key);
        } else if id == tags::PID_TAG_INSTANCE_KEY.id() {
            return bin(mid.to_le_bytes().to_vec());
        }
        match object {
            Object::User(i) => {
                let e = self.users.entries().get(i)?;
                self.user_value(mid, e, id, ty, form)
            }
            Object::List(_) => {
                if id == tags::PID_TAG_ADDRESS_BOOK_MEMBER.id() {
                    let members = self
                        .changes()
                        .members
                        .get(&mid)
                        .cloned()
                        .unwrap_or_default();
                    texts_value(&self.dns(&members), ty, form)
                } else {
                    None
                }
            }
        }
    }

    fn user_value(
        &self,
        mid: u32,
        e: &DirectoryEntry,
        id: u16,
        ty: PropertyType,
        form: Form,
    ) -> Option<PropertyValue> {
        let text = |s: &str| text_value(s, ty, form);
        if id == tags::PID_TAG_SMTP_ADDRESS.id() {
            text(&e.user.smtp_address)
        } else if id == tags::PID_TAG_ACCOUNT.id() {
            text(e.user.login.rsplit('\\').next().unwrap_or(&e.user.login))
        } else if id == tags::PID_TAG_TITLE.id() {
            text(e.title.as_deref()?)
        } else if id == tags::PID_TAG_DEPARTMENT_NAME.id() {
            text(e.department.as_deref()?)
        } else if id == tags::PID_TAG_BUSINESS_TELEPHONE_NUMBER.id()
            || id == tags::PID_TAG_PRIMARY_TELEPHONE_NUMBER.id()
        {
            text(e.phone.as_deref()?)
        } else if id == tags::PID_TAG_OFFICE_LOCATION.id() {
            text(e.office.as_deref()?)
        } else if id == tags::PID_TAG_GIVEN_NAME.id() {
            text(e.given_name.as_deref()?)
        } else if id == tags::PID_TAG_SURNAME.id() {
            text(e.surname.as_deref()?)
        } else if id == tags::PID_TAG_ADDRESS_BOOK_PROXY_ADDRESSES.id() {
            let proxies = vec![
                format!("SMTP:{}", e.user.smtp_address),
                format!("X500:{}", e.user.legacy_dn),
            ];
            texts_value(&proxies, ty, form)
        } else if id == tags::PID_TAG_ADDRESS_BOOK_PUBLIC_DELEGATES.id() {
            let delegates = self
                .changes()
                .delegates
                .get(&mid)
                .cloned()
                .unwrap_or_default();
            texts_value(&self.dns(&delegates), ty, form)
        } else if id == tags::PID_TAG_ADDRESS_BOOK_X509_CERTIFICATE.id()
            || id == tags::PID_TAG_USER_X509_CERTIFICATE.id()
        {
            let certs = self
                .changes()
                .certificates
                .get(&mid)
                .cloned()
                .unwrap_or_default();
            (!certs.is_empty()
                && matches!(
                    ty,
                    PropertyType::MULTIPLE_BINARY | PropertyType::UNSPECIFIED
                ))
            .then(|| PropertyValue::MultipleBinary(Box::new(certs)))
        } else {
            None
        }
    }

    /// MS-OXNSPI 3.1.4.1.6: the properties with a value on an object, string types as
    /// PtypString8 unless `unicode`.
    fn prop_list(&self, mid: u32, unicode: bool) -> Vec<PropertyTag> {
        let form = Form {
            code_page: 1252,
            ephemeral: false,
        };
        SCHEMA
            .iter()
            .filter(|t| self.value(mid, **t, form).is_some())
            .map(|&t| string_typed(t, unicode))
            .collect()
    }

    /// MS-OXNSPI 3.1.4.1.5: every property the address book knows.
    fn columns(&self, unicode: bool) -> Vec<PropertyTag> {
        SCHEMA.iter().map(|&t| string_typed(t, unicode)).collect()
    }

    /// ANR (MS-OXNSPI 3.1.4.7) as the emulator's local policy: an exact SMTP address,
    /// legacy DN or login matches that one object; otherwise a case-insensitive prefix of the
    /// display name, a word of it, or the SMTP local part matches. Every match, in MId order.
    fn anr_matches(&self, name: &str) -> Vec<u32> {
        let name = name.trim();
        if name.is_empty() {
            return Vec::new();
        }
        let exact = self
            .users
            .find_smtp(name)
            .or_else(|| self.users.find_legacy_dn(name))
            .or_else(|| self.users.find_login(name));
        if let Some(e) = exact {
            let dn = e.user.legacy_dn.clone();
            return self.mid_of_dn(&dn).into_iter().collect();
        }
        if let Some(m) = self
            .lists
            .iter()
            .position(|l| l.legacy_dn.eq_ignore_ascii_case(name))
        {
            return vec![Self::mid_of_list(m)];
        }
        let needle = name.to_lowercase();
        let hit = |display: &str, local: &str| {
            let display = display.to_lowercase();
            display.starts_with(&needle)
                || display.split_whitespace().any(|w| w.starts_with(&needle))
                || local.to_lowercase().starts_with(&needle)
        };
        let users = self
            .users
            .entries()
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let local = e.user.smtp_address.split('@').next().unwrap_or("");
                hit(&e.user.display_name, local).then(|| Self::mid_of_user(i))
            });
        let lists = self
            .lists
            .iter()
            .enumerate()
            .filter(|(_, l)| hit(&l.name, ""))
            .map(|(i, _)| Self::mid_of_list(i));
        users.chain(lists).collect()
    }

    /// The ANR outcome of one name (MS-OXNSPI 3.1.4.7): the MId of the one match,
    /// MID_AMBIGUOUS or MID_UNRESOLVED.
    fn resolve(&self, name: &str) -> u32 {
        match self.anr_matches(name).as_slice() {
            [] => MID_UNRESOLVED,
            [one] => *one,
            _ => MID_AMBIGUOUS,
        }
    }

    /// The container row of the hierarchy table (MS-OXNSPI 3.1.4.1.3) for each container,
    /// the GAL first; display names as PtypString when `unicode`, else PtypString8.
    fn special_table(
        &self,
        unicode: bool,
        code_page: u32,
    ) -> Vec<crate::wire::nspi::AddressBookPropertyValueList> {
        use crate::wire::nspi::{
            AddressBookPropertyValue, AddressBookPropertyValueList, AddressBookTaggedPropertyValue,
        };
        let name_tag = string_typed(tags::PID_TAG_DISPLAY_NAME, unicode);
        let form = Form {
            code_page,
            ephemeral: false,
        };
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
                let v = |tag: PropertyTag, value: Option<PropertyValue>| {
                    AddressBookTaggedPropertyValue {
                        tag,
                        value: AddressBookPropertyValue { value },
                    }
                };
                AddressBookPropertyValueList(vec![
                    v(
                        tags::PID_TAG_ENTRY_ID,
                        Some(PropertyValue::Binary(Box::new(entry_id.into_boxed_slice()))),
                    ),
                    v(
                        tags::PID_TAG_CONTAINER_FLAGS,
                        // AB_RECIPIENTS | AB_UNMODIFIABLE (MS-OXNSPI 2.2.1.10).
                        Some(PropertyValue::Integer32(0x1 | 0x8)),
                    ),
                    v(
                        tags::PID_TAG_DEPTH,
                        Some(PropertyValue::Integer32(i32::from(c.mid != 0))),
                    ),
                    v(
                        PID_TAG_ADDRESS_BOOK_CONTAINER_ID,
                        Some(PropertyValue::Integer32(c.mid as i32)),
                    ),
                    v(name_tag, text_value(&c.name, name_tag.prop_type(), form)),
                    v(
                        PID_TAG_ADDRESS_BOOK_IS_MASTER,
                        Some(PropertyValue::Boolean(false)),
                    ),
                    v(
                        tags::PID_TAG_OBJECT_TYPE,
                        Some(PropertyValue::Integer32(MAPI_ABCONT)),
                    ),
                ])
            })
            .collect()
    }

    /// The address creation table (GetSpecialTable with NspiAddressCreationTemplates,
    /// MS-OXNSPI 3.1.4.1.3): one template, for Internet (SMTP) addresses.
    fn creation_table(
        &self,
        unicode: bool,
        code_page: u32,
        locale: u32,
    ) -> Vec<crate::wire::nspi::AddressBookPropertyValueList> {
        use crate::wire::nspi::{
            AddressBookPropertyValue, AddressBookPropertyValueList, AddressBookTaggedPropertyValue,
        };
        let form = Form {
            code_page,
            ephemeral: false,
        };
        let name_tag = string_typed(tags::PID_TAG_DISPLAY_NAME, unicode);
        let type_tag = string_typed(tags::PID_TAG_ADDRESS_TYPE, unicode);
        let entry_id = AddressBookEntryId::new(DisplayType::TEMPLATE, self.template_dn(locale))
            .to_bytes()
            .unwrap_or_default();
        let v = |tag: PropertyTag, value: Option<PropertyValue>| AddressBookTaggedPropertyValue {
            tag,
            value: AddressBookPropertyValue { value },
        };
        vec![AddressBookPropertyValueList(vec![
            v(
                tags::PID_TAG_ENTRY_ID,
                Some(PropertyValue::Binary(Box::new(entry_id.into_boxed_slice()))),
            ),
            v(
                name_tag,
                text_value("Internet Address", name_tag.prop_type(), form),
            ),
            v(type_tag, text_value("SMTP", type_tag.prop_type(), form)),
            v(
                tags::PID_TAG_DISPLAY_TYPE,
                Some(PropertyValue::Integer32(DisplayType::TEMPLATE.0 as i32)),
            ),
            v(tags::PID_TAG_DEPTH, Some(PropertyValue::Integer32(0))),
        ])]
    }

    /// The DN of the SMTP address-creation template for `locale`.
    fn template_dn(&self, locale: u32) -> String {
        format!(
            "/o={}/cn=Address Templates/cn={locale:x}/cn=SMTP",
            self.organization
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::nspi::*;
    use crate::wire::restriction::Restriction;

    fn context() -> Box<dyn AddressBookContext> {
        let gal = Gal::new(Arc::new(Users::demo()), Uuid::nil());
        let bind = BindRequest {
            flags: 0,
            state: None,
            auxiliary_buffer: Vec::new(),
        };
        gal.bind("alice", &bind).expect("bind").1
    }

    fn extreme_stats() -> Vec<Stat> {
        let edge = [0, 1, 2, FIRST_USER_MID, FIRST_LIST_MID, u32::MAX];
        let mut out = Vec::new();
        for &current_rec in &edge {
            for delta in [i32::MIN, -1, 0, 1, i32::MAX] {
                for num_pos in [0, u32::MAX] {
                    for container_id in [0, FIRST_CONTAINER_MID, u32::MAX] {
                        out.push(Stat {
                            container_id,
                            current_rec,
                            delta,
                            num_pos,
                            total_recs: u32::MAX,
                            code_page: if delta == 0 { CP_WINUNICODE } else { 1252 },
                            ..Stat::default()
                        });
                    }
                }
            }
        }
        out
    }

    /// Hostile STATs, counts, DNs and entry IDs: every request type answers, none panics.
    #[test]
    fn every_request_type_survives_hostile_values() {
        let mut ctx = context();
        let odd_dns = [
            String::new(),
            "İİİ/cn=configuration/cn=servers/cn=x".to_owned(),
            "/o=Contoso/ou=x/cn=Configuration/cn=Servers/cn=".to_owned(),
            "\u{0130}/o=contoso/cn=configuration/cn=servers/cn=ß".to_owned(),
            // Lower-casing İ adds a byte: the server name's offset shifts.
            "/o=Contoso/İİİİ/cn=Configuration/cn=Servers/cn=xé".to_owned(),
        ];
        for stat in extreme_stats() {
            let s = Some(stat);
            let tags = Some(LargePropertyTagArray(vec![
                PropertyTag::new(0),
                PropertyTag::new(u32::MAX),
                tags::PID_TAG_DISPLAY_NAME.with_type(PropertyType::UNSPECIFIED),
                tags::PID_TAG_ADDRESS_BOOK_MEMBER,
            ]));
            let requests = vec![
                NspiRequest::QueryRows(QueryRowsRequest {
                    flags: u32::MAX,
                    state: s,
                    explicit_table: vec![u32::MAX, 0, 1, 2],
                    row_count: u32::MAX,
                    columns: tags.clone(),
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::QueryRows(QueryRowsRequest {
                    flags: 0,
                    state: s,
                    explicit_table: Vec::new(),
                    row_count: u32::MAX,
                    columns: tags.clone(),
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::UpdateStat(UpdateStatRequest {
                    reserved: 0,
                    state: s,
                    delta_requested: true,
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::GetProps(GetPropsRequest {
                    flags: u32::MAX,
                    state: s,
                    property_tags: tags.clone(),
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::CompareMIds(CompareMIdsRequest {
                    reserved: 0,
                    state: s,
                    minimal_id1: stat.current_rec,
                    minimal_id2: u32::MAX,
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::GetMatches(GetMatchesRequest {
                    reserved: 0,
                    state: s,
                    minimal_ids: None,
                    interface_option_flags: 0,
                    filter: None,
                    property_name: None,
                    row_count: 0,
                    columns: tags.clone(),
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::GetMatches(GetMatchesRequest {
                    reserved: 0,
                    state: s,
                    minimal_ids: Some(vec![u32::MAX, FIRST_USER_MID]),
                    interface_option_flags: 0,
                    filter: Some(Restriction::Not(Box::new(Restriction::Exist(
                        PropertyTag::new(u32::MAX),
                    )))),
                    property_name: None,
                    row_count: u32::MAX,
                    columns: tags.clone(),
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::SeekEntries(SeekEntriesRequest {
                    reserved: 0,
                    state: s,
                    target: Some(AddressBookTaggedPropertyValue {
                        tag: tags::PID_TAG_DISPLAY_NAME,
                        value: AddressBookPropertyValue { value: None },
                    }),
                    explicit_table: Some(vec![u32::MAX]),
                    columns: tags.clone(),
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::ResortRestriction(ResortRestrictionRequest {
                    reserved: 0,
                    state: s,
                    minimal_ids: Some(vec![u32::MAX, 0, FIRST_USER_MID, FIRST_USER_MID]),
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::ModProps(ModPropsRequest {
                    reserved: 0,
                    state: s,
                    property_tags_to_remove: tags.clone(),
                    property_values: None,
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::ModLinkAtt(ModLinkAttRequest {
                    flags: u32::MAX,
                    property_tag: tags::PID_TAG_ADDRESS_BOOK_MEMBER,
                    minimal_id: stat.current_rec,
                    entry_ids: Some(vec![vec![], vec![0x87], vec![0; 40]]),
                    auxiliary_buffer: Vec::new(),
                }),
                NspiRequest::GetPropList(GetPropListRequest {
                    flags: u32::MAX,
                    minimal_id: stat.current_rec,
                    code_page: stat.code_page,
                    auxiliary_buffer: Vec::new(),
                }),
            ];
            for r in requests {
                let response = ctx.call(&r);
                assert_eq!(response.request_type(), r.request_type());
                assert!(response.to_bytes().is_ok(), "{r:?} -> {response:?}");
            }
        }
        for dn in odd_dns {
            let m = ctx.call(&NspiRequest::GetMailboxUrl(GetMailboxUrlRequest {
                flags: 0,
                server_dn: dn.clone(),
                auxiliary_buffer: Vec::new(),
            }));
            assert!(m.to_bytes().is_ok());
            let a = ctx.call(&NspiRequest::GetAddressBookUrl(GetAddressBookUrlRequest {
                flags: 0,
                user_dn: dn,
                auxiliary_buffer: Vec::new(),
            }));
            assert_eq!(a.error_code(), Some(ErrorCode::NOT_FOUND));
        }
    }

    /// Every user's legacy DN fits an entry ID, so every row has a PidTagEntryId.
    #[test]
    fn every_gal_row_has_a_permanent_entry_id() {
        let gal = Gal::new(Arc::new(Users::demo()), Uuid::nil());
        let dir = &gal.dir;
        for &mid in &dir.containers[0].members {
            assert!(
                dir.permanent_entry_id(mid).is_some(),
                "{:?}",
                dir.legacy_dn(mid)
            );
        }
    }
}
