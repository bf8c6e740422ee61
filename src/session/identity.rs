//! The session's primary identity: the messaging user the session acts as, in the three forms
//! MAPI publishes it (IMAPISession::QueryIdentity, the PR_IDENTITY_* columns of the status
//! table).
//!
//! On Exchange the identity is the mailbox owner's directory entry: its display name, its
//! permanent Address Book EntryID (MS-OXCDATA 2.2.5.2) and its search key. The client learns
//! them from the logon (PidTagMailboxOwnerName, PidTagMailboxOwnerEntryId, or the Connect
//! response's DisplayName and the user's DN) and hands them here; nothing in this module does
//! I/O.

use serde::Serialize;

use crate::wire::entry_id::{AddressBookEntryId, DisplayType};
use crate::wire::property::tags::{
    PID_TAG_IDENTITY_DISPLAY, PID_TAG_IDENTITY_ENTRY_ID, PID_TAG_IDENTITY_SEARCH_KEY,
};
use crate::wire::property::{PropertyValue, TaggedPropertyValue};
use crate::wire::{EncodeError, Wire};

/// Why an [`Identity`] cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentityError {
    /// The DN is empty: it names nobody, and its EntryID would open nothing.
    #[error("the identity's distinguished name is empty")]
    EmptyDn,
    /// The DN cannot be carried by an Address Book EntryID, whose X500DN is a null-terminated
    /// ASCII string (MS-OXCDATA 2.2.5.2): it holds a non-ASCII or NUL character.
    #[error("the identity's distinguished name cannot be encoded: {0}")]
    InvalidDn(#[source] EncodeError),
}

/// The primary identity of a session: who the user is, as the Exchange address book names them.
///
/// Built once from the display name and legacy DN, with the EntryID and search key computed up
/// front, so the accessors cannot fail and a DN the wire cannot carry is refused at
/// construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    display_name: String,
    entry_id: AddressBookEntryId,
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    entry_id_bytes: Vec<u8>,
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    search_key: Vec<u8>,
}

impl Identity {
    /// The identity of the mail user `user_dn` (the legacy Exchange DN, e.g.
    /// `/o=Org/ou=.../cn=Recipients/cn=alice`), shown as `display_name`.
    ///
    /// Its EntryID is the permanent Address Book EntryID of a local mail user
    /// ([`DisplayType::MAIL_USER`]), as Exchange returns in PidTagMailboxOwnerEntryId.
    pub fn new(
        display_name: impl Into<String>,
        user_dn: impl Into<String>,
    ) -> Result<Self, IdentityError> {
        Self::from_entry_id(
            display_name,
            AddressBookEntryId::new(DisplayType::MAIL_USER, user_dn),
        )
    }

    /// The identity whose EntryID the server gave (PidTagMailboxOwnerEntryId decoded as an
    /// [`AddressBookEntryId`]), kept exactly as received so that
    /// [`Identity::entry_id_bytes`] compares equal byte for byte with the server's.
    pub fn from_entry_id(
        display_name: impl Into<String>,
        entry_id: AddressBookEntryId,
    ) -> Result<Self, IdentityError> {
        if entry_id.x500_dn.is_empty() {
            return Err(IdentityError::EmptyDn);
        }
        let entry_id_bytes = entry_id.to_bytes().map_err(IdentityError::InvalidDn)?;
        let search_key = ex_search_key(&entry_id.x500_dn);
        Ok(Identity {
            display_name: display_name.into(),
            entry_id,
            entry_id_bytes,
            search_key,
        })
    }

    /// The display name (PR_IDENTITY_DISPLAY).
    pub fn display_name(&self) -> &str {
        &self.display_name
    }

    /// The legacy Exchange DN, as given (case preserved).
    pub fn user_dn(&self) -> &str {
        &self.entry_id.x500_dn
    }

    /// MS-OXCDATA 2.2.5.2: the permanent Address Book EntryID of the user (PR_IDENTITY_ENTRYID
    /// decoded): Flags 0, ProviderUID `DCA740C8C042101AB4B908002B2FE182`, Version 1, Type
    /// DT_MAILUSER for identities made by [`Identity::new`], the DN.
    pub fn entry_id(&self) -> AddressBookEntryId {
        self.entry_id.clone()
    }

    /// The wire form of [`Identity::entry_id`], what QueryIdentity returns and OpenEntry takes.
    pub fn entry_id_bytes(&self) -> Vec<u8> {
        self.entry_id_bytes.clone()
    }

    /// The user's search key (PR_IDENTITY_SEARCH_KEY): `EX:`, the DN in ASCII upper case, and a
    /// 0 byte.
    ///
    /// MS-OXOABK 2.2.3.5 builds an Exchange address book object's PidTagSearchKey this way and
    /// the MAPI reference (PidTagSearchKey) gives the general rule: address type, `:`, the
    /// address upper-cased when the address type is case-insensitive, a terminating NUL. The
    /// recorded NSPI GetProps response in `fixtures/` carries exactly this form for Alice,
    /// without a space after the colon.
    pub fn search_key(&self) -> Vec<u8> {
        self.search_key.clone()
    }

    /// The three PR_IDENTITY_* columns a status row publishes for this identity ("Status
    /// Tables": a status object that provides an identity sets all three), in the order
    /// display, EntryID, search key.
    pub fn properties(&self) -> Vec<TaggedPropertyValue> {
        vec![
            TaggedPropertyValue {
                tag: PID_TAG_IDENTITY_DISPLAY,
                value: PropertyValue::string(self.display_name.as_str()),
            },
            TaggedPropertyValue {
                tag: PID_TAG_IDENTITY_ENTRY_ID,
                value: PropertyValue::binary(self.entry_id_bytes.as_slice()),
            },
            TaggedPropertyValue {
                tag: PID_TAG_IDENTITY_SEARCH_KEY,
                value: PropertyValue::binary(self.search_key.as_slice()),
            },
        ]
    }
}

/// `EX:` + the DN upper-cased (ASCII only: the DN is ASCII by construction) + NUL.
fn ex_search_key(dn: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(3 + dn.len() + 1);
    key.extend_from_slice(b"EX:");
    key.extend(dn.bytes().map(|b| b.to_ascii_uppercase()));
    key.push(0);
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::entry_id::MapiUid;

    const ALICE_DN: &str = "/o=Gromox default/ou=Exchange Administrative Group \
                            (FYDIBOHF23SPDLT)/cn=Recipients/cn=0100000001000000-alice";

    fn recorded(path: &str) -> Vec<u8> {
        let full = format!("{}/fixtures/bodies/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
    }

    fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).position(|w| w == needle)
    }

    #[test]
    fn entry_id_is_the_ms_oxcdata_address_book_layout() {
        let id = Identity::new("Alice", "/o=Org/cn=Recipients/cn=alice").unwrap();
        let mut expected = vec![0, 0, 0, 0]; // Flags: long-term
        expected.extend_from_slice(&[
            0xDC, 0xA7, 0x40, 0xC8, 0xC0, 0x42, 0x10, 0x1A, 0xB4, 0xB9, 0x08, 0x00, 0x2B, 0x2F,
            0xE1, 0x82,
        ]); // ProviderUID
        expected.extend_from_slice(&[1, 0, 0, 0]); // Version 1
        expected.extend_from_slice(&[0, 0, 0, 0]); // Type DT_MAILUSER
        expected.extend_from_slice(b"/o=Org/cn=Recipients/cn=alice\0"); // X500DN
        assert_eq!(id.entry_id_bytes(), expected);
        assert_eq!(id.entry_id().display_type, DisplayType::MAIL_USER);
        assert_eq!(id.entry_id().x500_dn, "/o=Org/cn=Recipients/cn=alice");
        assert_eq!(
            AddressBookEntryId::from_bytes(&id.entry_id_bytes()).unwrap(),
            id.entry_id()
        );
    }

    #[test]
    fn entry_id_equals_the_recorded_mailbox_owner_entry_id() {
        // session-logon, 3rd Execute response: PidTagMailboxOwnerEntryId of Alice, 137 bytes
        // after a 16-bit count, found by its ProviderUID.
        let body = recorded("session-logon/03-execute-response.bin");
        let at = find(&body, &MapiUid::ADDRESS_BOOK.0).unwrap() - 4;
        let count = usize::from(u16::from_le_bytes([body[at - 2], body[at - 1]]));
        let owner = &body[at..at + count];
        let id = Identity::new("Alice", ALICE_DN).unwrap();
        assert_eq!(id.entry_id_bytes(), owner);
        let decoded = AddressBookEntryId::from_bytes(owner).unwrap();
        let from_server = Identity::from_entry_id("Alice", decoded).unwrap();
        assert_eq!(from_server, id);
    }

    #[test]
    fn search_key_is_ex_upper_case_dn_and_nul() {
        let id = Identity::new("Alice", "/o=Org/cn=Recipients/cn=alice-1").unwrap();
        assert_eq!(
            id.search_key(),
            b"EX:/O=ORG/CN=RECIPIENTS/CN=ALICE-1\0".to_vec()
        );
        // The DN itself keeps its case.
        assert_eq!(id.user_dn(), "/o=Org/cn=Recipients/cn=alice-1");
    }

    #[test]
    fn search_key_equals_the_recorded_nspi_search_key() {
        // nspi-addressbook GetProps response: PidTagSearchKey (0x300B0102) of Alice, a binary
        // with a 32-bit count (NSPI).
        let body = recorded("nspi-addressbook/04-getprops-response.bin");
        let at = find(&body, b"EX:").unwrap();
        let count = u32::from_le_bytes(body[at - 4..at].try_into().unwrap()) as usize;
        let id = Identity::new("Alice", ALICE_DN).unwrap();
        assert_eq!(id.search_key(), &body[at..at + count]);
        assert_eq!(count, 3 + ALICE_DN.len() + 1);
    }

    #[test]
    fn properties_are_the_three_identity_columns() {
        let id = Identity::new("Alice Example", "/o=Org/cn=alice").unwrap();
        let props = id.properties();
        let tags: Vec<_> = props.iter().map(|p| p.tag).collect();
        assert_eq!(
            tags,
            [
                PID_TAG_IDENTITY_DISPLAY,
                PID_TAG_IDENTITY_ENTRY_ID,
                PID_TAG_IDENTITY_SEARCH_KEY
            ]
        );
        for p in &props {
            assert_eq!(p.value.prop_type(), p.tag.prop_type(), "{:?}", p.tag);
        }
        assert_eq!(props[0].value.as_str(), Some("Alice Example"));
        assert_eq!(props[1].value.as_bytes(), Some(&id.entry_id_bytes()[..]));
        assert_eq!(props[2].value.as_bytes(), Some(&id.search_key()[..]));
    }

    #[test]
    fn dns_the_entry_id_cannot_carry_are_refused() {
        assert_eq!(Identity::new("x", ""), Err(IdentityError::EmptyDn));
        assert!(matches!(
            Identity::new("x", "/o=caf\u{e9}"),
            Err(IdentityError::InvalidDn(_))
        ));
        assert!(matches!(
            Identity::new("x", "/o=a\0b"),
            Err(IdentityError::InvalidDn(_))
        ));
        // The display name is UTF-16 on the wire and may hold anything.
        assert!(Identity::new("Zo\u{eb} \u{1F600}", "/o=a").is_ok());
    }
}
