//! What RopLogon and the Logon object need of a store beyond the core store API: the store
//! state, and the store-object properties Outlook reads right after logon that the store
//! does not compute itself (MS-OXCSTOR 2.2.2.1).

use crate::emulator::User;
use crate::wire::Wire;
use crate::wire::entry_id::{AddressBookEntryId, DisplayType};
use crate::wire::property::tags as t;
use crate::wire::property::{PropertyTag, PropertyValue};
use crate::wire::rop::store::StoreState;

use super::mailbox::{Mailbox, StoreKind};

/// The MS-OXCDATA 2.2.5.2 address-book permanent entry ID of a mail user's legacy DN, as
/// PidTagMailboxOwnerEntryId and PidTagUserEntryId carry it.
pub fn user_entry_id(legacy_dn: &str) -> Vec<u8> {
    AddressBookEntryId::new(DisplayType::MAIL_USER, legacy_dn)
        .to_bytes()
        .unwrap_or_default()
}

impl Mailbox {
    /// StoreState of RopLogon and RopGetStoreState (MS-OXCSTOR 2.2.1.1.3, 2.2.1.5.2):
    /// STORE_HAS_SEARCHES once any search folder of the mailbox has search criteria.
    pub fn store_state(&self) -> StoreState {
        if self.folders.values().any(|f| f.search.is_some()) {
            StoreState::STORE_HAS_SEARCHES
        } else {
            StoreState(0)
        }
    }

    /// Puts the store-object properties that depend on who owns the store, and its state,
    /// into the store's property bag, so that RopGetPropertiesSpecific/All on the Logon
    /// object answer them (MS-OXCSTOR 2.2.2.1.1): PidTagMailboxOwnerEntryId, and for a
    /// private mailbox PidTagUserEntryId of its owner (the usual logon: a delegate's own
    /// entry ID comes from [`logon_property`]), PidTagStoreState. Called at each logon;
    /// values only change when the state does.
    pub fn refresh_logon_props(&mut self) {
        let state = self.store_state();
        self.store_props.put(
            t::PID_TAG_STORE_STATE,
            PropertyValue::Integer32(state.0 as i32),
        );
        if let StoreKind::Private { legacy_dn, .. } = &self.kind {
            let entry = user_entry_id(legacy_dn);
            self.store_props.put(
                t::PID_TAG_MAILBOX_OWNER_ENTRY_ID,
                PropertyValue::binary(entry.clone()),
            );
            self.store_props
                .put(t::PID_TAG_USER_ENTRY_ID, PropertyValue::binary(entry));
        }
    }
}

/// A Logon-object property whose value depends on the session, not only on the store:
/// PidTagUserEntryId is the logged-on user's address-book entry ID (MS-OXCSTOR 2.2.2.1.1),
/// which differs from the owner's when one user opens another's mailbox. Property handlers
/// consult this before the store for a Logon object. `None`: ask the store.
pub fn logon_property(user: &User, tag: PropertyTag) -> Option<PropertyValue> {
    if tag.id() == t::PID_TAG_USER_ENTRY_ID.id() {
        return Some(PropertyValue::binary(user_entry_id(&user.legacy_dn)));
    }
    None
}
