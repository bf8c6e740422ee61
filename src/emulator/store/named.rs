//! The per-store named property map (MS-OXCPRPT 3.2.5.8 - 3.2.5.10): property names
//! (property set GUID plus LID or string) mapped to ids from 0x8000 up.

use std::collections::HashMap;

use uuid::Uuid;

use crate::wire::ErrorCode;
use crate::wire::property::{PropertyName, PropertyNameKind};

/// MS-OXPROPS 1.3.2: PS_MAPI. Names in this set are not mapped: the "named" property is the
/// tagged property whose id is the LID.
pub const PS_MAPI: Uuid = Uuid::from_u128(0x00020328_0000_0000_c000_000000000046);

/// The first id handed out to a named property (MS-OXCPRPT 3.2.5.8).
pub const FIRST_NAMED_ID: u16 = 0x8000;
/// The last assignable id; 0xFFFF is reserved.
pub const LAST_NAMED_ID: u16 = 0xFFFE;

/// Name <-> id map of one store.
#[derive(Debug, Clone, Default)]
pub struct NamedProps {
    by_name: HashMap<NameKey, u16>,
    by_id: Vec<PropertyName>,
}

/// String names match case-insensitively (MS-OXCPRPT 3.2.5.8 leaves it to the server; Exchange
/// treats them so), LIDs exactly.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum NameKey {
    Lid(Uuid, u32),
    Name(Uuid, String),
}

fn key(name: &PropertyName) -> Option<NameKey> {
    match &name.kind {
        PropertyNameKind::Lid(l) => Some(NameKey::Lid(name.guid, *l)),
        PropertyNameKind::Name(s) => Some(NameKey::Name(name.guid, s.to_lowercase())),
        PropertyNameKind::None => None,
    }
}

impl NamedProps {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// RopGetPropertyIdsFromNames: one id per name, 0 for a name that is not mapped and was not
    /// created. With `create`, unknown names get the next free id. ecWarnWithErrors
    /// (ErrorsReturned, 0x00040380) is the ReturnValue when some ids are 0; all zero is still
    /// that warning. A PS_MAPI name maps to its LID. Fails with ecNotEnoughMemory-like
    /// `NAMED_PROPERTY_QUOTA` when the id space is exhausted.
    pub fn ids_from_names(
        &mut self,
        names: &[PropertyName],
        create: bool,
    ) -> Result<(ErrorCode, Vec<u16>), ErrorCode> {
        let mut out = Vec::with_capacity(names.len());
        let mut missing = false;
        for n in names {
            if n.guid == PS_MAPI {
                if let PropertyNameKind::Lid(l) = n.kind
                    && let Ok(id) = u16::try_from(l)
                    && id < FIRST_NAMED_ID
                {
                    out.push(id);
                    continue;
                }
                out.push(0);
                missing = true;
                continue;
            }
            let Some(k) = key(n) else {
                out.push(0);
                missing = true;
                continue;
            };
            if let Some(id) = self.by_name.get(&k) {
                out.push(*id);
            } else if create {
                let next = FIRST_NAMED_ID as usize + self.by_id.len();
                let id = u16::try_from(next)
                    .ok()
                    .filter(|id| *id <= LAST_NAMED_ID)
                    .ok_or(ErrorCode::NAMED_PROPERTY_QUOTA)?;
                self.by_name.insert(k, id);
                self.by_id.push(n.clone());
                out.push(id);
            } else {
                out.push(0);
                missing = true;
            }
        }
        let rv = if missing {
            ErrorCode::ERRORS_RETURNED
        } else {
            ErrorCode::SUCCESS
        };
        Ok((rv, out))
    }

    /// The id of one name, if mapped.
    pub fn id_of(&self, name: &PropertyName) -> Option<u16> {
        key(name).and_then(|k| self.by_name.get(&k).copied())
    }

    /// RopGetNamesFromPropertyIds: the name of each id. Ids below 0x8000 are named in PS_MAPI
    /// with the id as LID; unknown ids come back as Kind 0xFF (no name), as Exchange answers.
    pub fn names_from_ids(&self, ids: &[u16]) -> Vec<PropertyName> {
        ids.iter()
            .map(|id| {
                if *id < FIRST_NAMED_ID {
                    PropertyName {
                        guid: PS_MAPI,
                        kind: PropertyNameKind::Lid(u32::from(*id)),
                    }
                } else {
                    self.name_of(*id).cloned().unwrap_or(PropertyName {
                        guid: Uuid::nil(),
                        kind: PropertyNameKind::None,
                    })
                }
            })
            .collect()
    }

    /// The name of a mapped id.
    pub fn name_of(&self, id: u16) -> Option<&PropertyName> {
        usize::from(id)
            .checked_sub(usize::from(FIRST_NAMED_ID))
            .and_then(|i| self.by_id.get(i))
    }

    /// RopQueryNamedProperties: every mapped (id, name), optionally only those of one property
    /// set, and without string or without LID names when the QueryFlags say so
    /// (NoStrings 0x01, NoIds 0x02).
    pub fn query(
        &self,
        no_strings: bool,
        no_ids: bool,
        guid: Option<Uuid>,
    ) -> Vec<(u16, PropertyName)> {
        self.by_id
            .iter()
            .enumerate()
            .filter(|(_, n)| guid.is_none_or(|g| g == n.guid))
            .filter(|(_, n)| match n.kind {
                PropertyNameKind::Lid(_) => !no_ids,
                PropertyNameKind::Name(_) => !no_strings,
                PropertyNameKind::None => false,
            })
            .filter_map(|(i, n)| {
                u16::try_from(i + usize::from(FIRST_NAMED_ID))
                    .ok()
                    .map(|id| (id, n.clone()))
            })
            .collect()
    }

    /// How many names are mapped.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether no name is mapped.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PS_PUBLIC_STRINGS: Uuid = Uuid::from_u128(0x00020329_0000_0000_c000_000000000046);

    fn lid(l: u32) -> PropertyName {
        PropertyName {
            guid: PS_PUBLIC_STRINGS,
            kind: PropertyNameKind::Lid(l),
        }
    }

    fn name(s: &str) -> PropertyName {
        PropertyName {
            guid: PS_PUBLIC_STRINGS,
            kind: PropertyNameKind::Name(s.into()),
        }
    }

    #[test]
    fn ids_start_at_0x8000_and_are_stable() {
        let mut m = NamedProps::new();
        let (rv, ids) = m.ids_from_names(&[lid(1), name("Keywords")], true).unwrap();
        assert_eq!(rv, ErrorCode::SUCCESS);
        assert_eq!(ids, vec![0x8000, 0x8001]);
        let (_, again) = m
            .ids_from_names(&[name("KEYWORDS"), lid(1)], false)
            .unwrap();
        assert_eq!(again, vec![0x8001, 0x8000]);
    }

    #[test]
    fn unknown_without_create_is_zero_with_warning() {
        let mut m = NamedProps::new();
        let (rv, ids) = m.ids_from_names(&[lid(7)], false).unwrap();
        assert_eq!(rv, ErrorCode::ERRORS_RETURNED);
        assert_eq!(ids, vec![0]);
        assert!(m.is_empty());
    }

    #[test]
    fn ps_mapi_maps_to_the_lid() {
        let mut m = NamedProps::new();
        let n = PropertyName {
            guid: PS_MAPI,
            kind: PropertyNameKind::Lid(0x0037),
        };
        let (_, ids) = m.ids_from_names(&[n], true).unwrap();
        assert_eq!(ids, vec![0x0037]);
        assert_eq!(m.names_from_ids(&[0x0037])[0].guid, PS_MAPI);
    }

    #[test]
    fn names_from_ids_and_query() {
        let mut m = NamedProps::new();
        m.ids_from_names(&[lid(5), name("x")], true).unwrap();
        let names = m.names_from_ids(&[0x8001, 0x9000]);
        assert_eq!(names[0], name("x"));
        assert_eq!(names[1].kind, PropertyNameKind::None);
        assert_eq!(m.query(false, false, None).len(), 2);
        assert_eq!(m.query(true, false, None), vec![(0x8000, lid(5))]);
        assert_eq!(m.query(false, true, None), vec![(0x8001, name("x"))]);
        assert!(m.query(false, false, Some(PS_MAPI)).is_empty());
    }
}
