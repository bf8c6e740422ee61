//! Identifiers of stores, folders, messages and address book objects (MS-OXCDATA 2.2).
//!
//! Two families live here:
//!
//! * the compact IDs used inside ROPs, where the logon already fixes the store:
//!   [`FolderId`] / [`MessageId`] (2.2.1.1 / 2.2.1.2), and their store-independent forms
//!   [`GlobalIdentifier`] (2.2.1.3) and [`LongTermId`] (2.2.1.3.1);
//! * EntryIDs, the self-describing binaries carried in `PtypBinary` properties
//!   (PidTagEntryId, PidTagMailboxOwnerEntryId, ...): [`FolderEntryId`], [`MessageEntryId`],
//!   [`StoreObjectEntryId`] (2.2.4), [`OneOffEntryId`], [`AddressBookEntryId`],
//!   [`ContactEntryId`] (2.2.5), plus the NSPI [`EphemeralEntryId`] (MS-OXNSPI 2.2.9.2) and the
//!   personal distribution list member [`WrappedEntryId`] (MS-OXOCNTC 2.2.2.2.4.1.1).
//!
//! [`EntryId`] classifies any EntryID by its ProviderUID (and, for NSPI ephemeral IDs, by the
//! 0x87 ID type byte); what it does not recognise is kept verbatim in [`EntryId::Other`].
//! Every field the wire carries, including the ones the specification says "MUST be zero",
//! is kept, so decoding and re-encoding any EntryID gives back the same bytes.
//!
//! EntryIDs only ever travel as complete `PtypBinary` values, so the decoders of the forms that
//! end in optional or opaque data ([`StoreObjectEntryId`], [`WrappedEntryId`], [`EntryId`])
//! consume their whole input; the others stop at the end of their structure.

use std::borrow::Cow;
use std::fmt;

use bytes::BufMut;
use serde::{Serialize, Serializer};
use uuid::Uuid;

use super::error::{EncodeError, ErrorKind, PResult, fail, named};
use super::primitives::{
    String8, Wire, ascii_z, cstr8, guid, put_ascii_z, put_guid, put_utf16z, take_array, take_len,
    u8 as le_u8, u16 as le_u16, u32 as le_u32, u64 as le_u64, utf16z,
};
use super::serde_bytes::to_hex;

fn ser_hex_array<S: Serializer, const N: usize>(bytes: &[u8; N], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&to_hex(bytes))
}

// ---------------------------------------------------------------------------------------------
// Provider UIDs
// ---------------------------------------------------------------------------------------------

/// A MAPIUID: the 16-byte ProviderUID that routes an EntryID to the provider that made it.
///
/// Unlike a GUID field it is compared and written as plain bytes (MS-OXCDATA 2.2.4 / 2.2.5
/// give every constant as a byte string `%xDC.A7...`), so it is kept as bytes here; use
/// [`MapiUid::from_guid`] for the private-mailbox case, where the ProviderUID is the
/// MailboxGuid of the RopLogon response.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MapiUid(pub [u8; 16]);

impl MapiUid {
    /// MS-OXCDATA 2.2.5.2 / MS-OXNSPI 2.2.1.7: Address Book EntryIDs and NSPI Permanent Entry
    /// IDs (the Exchange directory provider, MUIDEMSAB).
    pub const ADDRESS_BOOK: Self = Self([
        0xDC, 0xA7, 0x40, 0xC8, 0xC0, 0x42, 0x10, 0x1A, 0xB4, 0xB9, 0x08, 0x00, 0x2B, 0x2F, 0xE1,
        0x82,
    ]);
    /// MS-OXCDATA 2.2.5.1: One-Off EntryIDs (MAPI_ONE_OFF_UID).
    pub const ONE_OFF: Self = Self([
        0x81, 0x2B, 0x1F, 0xA4, 0xBE, 0xA3, 0x10, 0x19, 0x9D, 0x6E, 0x00, 0xDD, 0x01, 0x0F, 0x54,
        0x02,
    ]);
    /// MS-OXCDATA 2.2.4.3: the outer ProviderUID of a Store Object EntryID (MUIDSTOREWRAP).
    pub const STORE_WRAP: Self = Self([
        0x38, 0xA1, 0xBB, 0x10, 0x05, 0xE5, 0x10, 0x1A, 0xA1, 0xBB, 0x08, 0x00, 0x2B, 0x2A, 0x56,
        0xC2,
    ]);
    /// MS-OXCDATA 2.2.4.3: WrappedProviderUID of a mailbox store (EMSMDB private store).
    pub const EMSMDB_PRIVATE: Self = Self([
        0x1B, 0x55, 0xFA, 0x20, 0xAA, 0x66, 0x11, 0xCD, 0x9B, 0xC8, 0x00, 0xAA, 0x00, 0x2F, 0xC4,
        0x5A,
    ]);
    /// MS-OXCDATA 2.2.4.3: WrappedProviderUID of the public folder store (EMSMDB public store).
    pub const EMSMDB_PUBLIC: Self = Self([
        0x1C, 0x83, 0x02, 0x10, 0xAA, 0x66, 0x11, 0xCD, 0x9B, 0xC8, 0x00, 0xAA, 0x00, 0x2F, 0xC4,
        0x5A,
    ]);
    /// MS-OXCDATA 2.2.4.1 / 2.2.4.2: ProviderUID of Folder and Message EntryIDs in the public
    /// folder store (private mailboxes use their MailboxGuid instead).
    pub const PUBLIC_FOLDERS: Self = Self([
        0x1A, 0x44, 0x73, 0x90, 0xAA, 0x66, 0x11, 0xCD, 0x9B, 0xC8, 0x00, 0xAA, 0x00, 0x2F, 0xC4,
        0x5A,
    ]);
    /// MS-OXCDATA 2.2.5.3 / 2.2.5.4: Contact Address and Personal Distribution List EntryIDs
    /// (the contact address book provider).
    pub const CONTACT_AB: Self = Self([
        0xFE, 0x42, 0xAA, 0x0A, 0x18, 0xC7, 0x1A, 0x10, 0xE8, 0x85, 0x0B, 0x65, 0x1C, 0x24, 0x00,
        0x00,
    ]);
    /// MS-OXOCNTC 2.2.2.2.4.1.1: WrappedEntryId of a personal distribution list member.
    pub const WRAPPED_ENTRY: Self = Self([
        0xC0, 0x91, 0xAD, 0xD3, 0x51, 0x9D, 0xCF, 0x11, 0xA4, 0xA9, 0x00, 0xAA, 0x00, 0x47, 0xFA,
        0xA4,
    ]);

    /// The ProviderUID whose bytes are `g`'s mixed-endian wire form (MS-DTYP 2.3.4.2), as the
    /// MailboxGuid of RopLogon becomes the ProviderUID of private-mailbox EntryIDs.
    pub fn from_guid(g: &Uuid) -> Self {
        Self(g.to_bytes_le())
    }

    /// The GUID whose wire form these bytes are.
    pub fn to_guid(&self) -> Uuid {
        Uuid::from_bytes_le(self.0)
    }
}

impl fmt::Debug for MapiUid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MapiUid({})", to_hex(&self.0))
    }
}

impl Serialize for MapiUid {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(&self.0))
    }
}

impl Wire for MapiUid {
    const NAME: &'static str = "ProviderUID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        let (rest, b) = take_array::<16>(input)?;
        Ok((rest, MapiUid(b)))
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&self.0);
        Ok(())
    }
}

/// Reads a ProviderUID that must be `expected`.
fn expect_uid<'a>(input: &'a [u8], structure: &'static str, expected: MapiUid) -> PResult<'a, ()> {
    let (rest, uid) = MapiUid::decode(input)?;
    if uid != expected {
        let mut head = [0u8; 8];
        head.copy_from_slice(&uid.0[..8]);
        return fail(
            input,
            structure,
            ErrorKind::InvalidValue {
                field: "ProviderUID",
                value: u64::from_be_bytes(head),
            },
        );
    }
    Ok((rest, ()))
}

// ---------------------------------------------------------------------------------------------
// Folder ID, Message ID, GID, LongTermID
// ---------------------------------------------------------------------------------------------

/// MS-OXCDATA 2.2.1.1 GlobalCounter: the 6-byte counter that numbers objects within a store
/// (MS-OXCFXICS 2.2.2.5 GLOBCNT).
///
/// The bytes are most significant first: the recorded Gromox Inbox, Folder ID bytes
/// `01 00 | 00 00 00 00 00 0D`, is counter 0x0D, and IDs sort by counter only when it is read
/// big-endian. [`GlobalCounter::value`] reads it that way; the raw bytes stay available.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct GlobalCounter(pub [u8; 6]);

impl GlobalCounter {
    /// The largest counter (2^48 - 1).
    pub const MAX: u64 = (1 << 48) - 1;

    /// The counter with value `v`, or `None` when `v` does not fit in 48 bits.
    pub fn from_u64(v: u64) -> Option<Self> {
        if v > Self::MAX {
            return None;
        }
        let b = v.to_be_bytes();
        Some(GlobalCounter([b[2], b[3], b[4], b[5], b[6], b[7]]))
    }

    /// The counter's value (big-endian reading of the six bytes).
    pub fn value(&self) -> u64 {
        let [a, b, c, d, e, f] = self.0;
        u64::from_be_bytes([0, 0, a, b, c, d, e, f])
    }
}

impl fmt::Debug for GlobalCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GlobalCounter(0x{:X})", self.value())
    }
}

impl Serialize for GlobalCounter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.value())
    }
}

impl Wire for GlobalCounter {
    const NAME: &'static str = "GlobalCounter";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        let (rest, b) = take_array::<6>(input)?;
        Ok((rest, GlobalCounter(b)))
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&self.0);
        Ok(())
    }
}

macro_rules! short_id {
    ($(#[$doc:meta])* $name:ident, $spec:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub u64);

        impl $name {
            /// The ID of object `global_counter` in the store numbered `replica_id`.
            pub fn new(replica_id: u16, global_counter: GlobalCounter) -> Self {
                let r = replica_id.to_le_bytes();
                let [a, b, c, d, e, f] = global_counter.0;
                $name(u64::from_le_bytes([r[0], r[1], a, b, c, d, e, f]))
            }

            /// ReplicaId: the store, as numbered by this logon (RopLogon ReplId, RopGetReplicaId...).
            pub fn replica_id(&self) -> u16 {
                let b = self.0.to_le_bytes();
                u16::from_le_bytes([b[0], b[1]])
            }

            /// GlobalCounter: the object within its store.
            pub fn global_counter(&self) -> GlobalCounter {
                let b = self.0.to_le_bytes();
                GlobalCounter([b[2], b[3], b[4], b[5], b[6], b[7]])
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "(0x{:016X})"), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "0x{:016X}", self.0)
            }
        }

        /// Serialized as a `0x...` hex string: JSON numbers lose precision above 2^53.
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&format!("0x{:016X}", self.0))
            }
        }

        impl Wire for $name {
            const NAME: &'static str = $spec;
            fn decode(input: &[u8]) -> PResult<'_, Self> {
                named($spec, input, |i| le_u64(i).map(|(r, v)| (r, $name(v))))
            }
            fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                out.put_u64_le(self.0);
                Ok(())
            }
        }
    };
}

short_id!(
    /// MS-OXCDATA 2.2.1.1 Folder ID: ReplicaId (2 bytes) then GlobalCounter (6 bytes), 8 bytes
    /// in all. Read as a little-endian u64 (as PidTagFolderId carries it), the ReplicaId is
    /// the low 16 bits: bytes `01 00 00 00 00 00 00 0D` are `0x0D00000000000001`.
    FolderId,
    "Folder ID"
);
short_id!(
    /// MS-OXCDATA 2.2.1.2 Message ID: ReplicaId (2 bytes) then GlobalCounter (6 bytes), laid
    /// out exactly as [`FolderId`].
    MessageId,
    "Message ID"
);

/// MS-OXCDATA 2.2.1.3 Global Identifier (GID): a Folder or Message ID with the ReplicaId
/// replaced by the store's DatabaseGuid, so it means the same thing outside the logon.
/// 22 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct GlobalIdentifier {
    /// DatabaseGuid: the store (REPLGUID).
    pub database_guid: Uuid,
    /// GlobalCounter: the object within the store.
    pub global_counter: GlobalCounter,
}

impl Wire for GlobalIdentifier {
    const NAME: &'static str = "Global Identifier";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, database_guid) = guid(i)?;
            let (i, global_counter) = GlobalCounter::decode(i)?;
            Ok((
                i,
                GlobalIdentifier {
                    database_guid,
                    global_counter,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        put_guid(out, &self.database_guid);
        self.global_counter.encode(out)
    }
}

/// MS-OXCDATA 2.2.1.3.1 LongTermID: a [`GlobalIdentifier`] plus a 2-byte Pad (0x0000), 24
/// bytes; what RopLongTermIdFromId returns and RopIdFromLongTermId takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct LongTermId {
    /// DatabaseGuid: the store (REPLGUID).
    pub database_guid: Uuid,
    /// GlobalCounter: the object within the store.
    pub global_counter: GlobalCounter,
    /// Pad: zero by specification, kept as read so round trips are exact.
    pub pad: u16,
}

impl LongTermId {
    /// A LongTermID with a zero Pad.
    pub fn new(database_guid: Uuid, global_counter: GlobalCounter) -> Self {
        LongTermId {
            database_guid,
            global_counter,
            pad: 0,
        }
    }

    /// The GID part.
    pub fn gid(&self) -> GlobalIdentifier {
        GlobalIdentifier {
            database_guid: self.database_guid,
            global_counter: self.global_counter,
        }
    }
}

impl Wire for LongTermId {
    const NAME: &'static str = "LongTermID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, gid) = GlobalIdentifier::decode(i)?;
            let (i, pad) = le_u16(i)?;
            Ok((
                i,
                LongTermId {
                    database_guid: gid.database_guid,
                    global_counter: gid.global_counter,
                    pad,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.gid().encode(out)?;
        out.put_u16_le(self.pad);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Store-side EntryIDs (MS-OXCDATA 2.2.4)
// ---------------------------------------------------------------------------------------------

/// MS-OXCDATA 2.2.4.1 / 2.2.4.2: the FolderType / MessageType field of a Folder or Message
/// EntryID (the table in 2.2.4). A newtype so unknown values survive a round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct StoreObjectType(pub u16);

impl StoreObjectType {
    /// eitLTPrivateFolder.
    pub const PRIVATE_FOLDER: Self = Self(0x0001);
    /// eitLTPublicFolder.
    pub const PUBLIC_FOLDER: Self = Self(0x0003);
    /// eitLTWackyFolder (mapped public folder).
    pub const MAPPED_PUBLIC_FOLDER: Self = Self(0x0005);
    /// eitLTPrivateMessage.
    pub const PRIVATE_MESSAGE: Self = Self(0x0007);
    /// eitLTPublicMessage.
    pub const PUBLIC_MESSAGE: Self = Self(0x0009);
    /// eitLTWackyMessage (mapped public message).
    pub const MAPPED_PUBLIC_MESSAGE: Self = Self(0x000B);
    /// eitLTPublicFolderByName (public newsgroup folder).
    pub const PUBLIC_NEWSGROUP_FOLDER: Self = Self(0x000C);

    /// Whether this is one of the folder types.
    pub fn is_folder(self) -> bool {
        matches!(self.0, 0x0001 | 0x0003 | 0x0005 | 0x000C)
    }

    /// Whether this is one of the message types.
    pub fn is_message(self) -> bool {
        matches!(self.0, 0x0007 | 0x0009 | 0x000B)
    }
}

/// MS-OXCDATA 2.2.4.1 Folder EntryID: Flags (4), ProviderUID (16), FolderType (2),
/// DatabaseGuid (16), GlobalCounter (6), Pad (2); 46 bytes.
///
/// The ProviderUID is the mailbox's MailboxGuid (RopLogon) for private folders and
/// [`MapiUid::PUBLIC_FOLDERS`] for public ones.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FolderEntryId {
    /// Flags: zero for the long-term EntryIDs stored in properties.
    #[serde(serialize_with = "ser_hex_array")]
    pub flags: [u8; 4],
    /// ProviderUID: the store.
    pub provider_uid: MapiUid,
    /// FolderType.
    pub folder_type: StoreObjectType,
    /// DatabaseGuid and GlobalCounter of the folder.
    pub folder: GlobalIdentifier,
    /// Pad: zero by specification, kept as read.
    pub pad: u16,
}

impl FolderEntryId {
    /// Bytes on the wire.
    pub const SIZE: usize = 46;

    /// A long-term Folder EntryID (zero Flags and Pad).
    pub fn new(
        provider_uid: MapiUid,
        folder_type: StoreObjectType,
        folder: GlobalIdentifier,
    ) -> Self {
        FolderEntryId {
            flags: [0; 4],
            provider_uid,
            folder_type,
            folder,
            pad: 0,
        }
    }
}

impl Wire for FolderEntryId {
    const NAME: &'static str = "Folder EntryID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = take_array::<4>(i)?;
            let (i, provider_uid) = MapiUid::decode(i)?;
            let (i, folder_type) = le_u16(i)?;
            let (i, folder) = GlobalIdentifier::decode(i)?;
            let (i, pad) = le_u16(i)?;
            Ok((
                i,
                FolderEntryId {
                    flags,
                    provider_uid,
                    folder_type: StoreObjectType(folder_type),
                    folder,
                    pad,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&self.flags);
        self.provider_uid.encode(out)?;
        out.put_u16_le(self.folder_type.0);
        self.folder.encode(out)?;
        out.put_u16_le(self.pad);
        Ok(())
    }
}

/// MS-OXCDATA 2.2.4.2 Message EntryID: Flags (4), ProviderUID (16), MessageType (2),
/// FolderDatabaseGuid (16), FolderGlobalCounter (6), Pad (2), MessageDatabaseGuid (16),
/// MessageGlobalCounter (6), Pad (2); 70 bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct MessageEntryId {
    /// Flags: zero for long-term EntryIDs.
    #[serde(serialize_with = "ser_hex_array")]
    pub flags: [u8; 4],
    /// ProviderUID: the store (MailboxGuid, or [`MapiUid::PUBLIC_FOLDERS`]).
    pub provider_uid: MapiUid,
    /// MessageType.
    pub message_type: StoreObjectType,
    /// The folder holding the message.
    pub folder: GlobalIdentifier,
    /// Pad after the folder counter, kept as read.
    pub folder_pad: u16,
    /// The message.
    pub message: GlobalIdentifier,
    /// Pad after the message counter, kept as read.
    pub message_pad: u16,
}

impl MessageEntryId {
    /// Bytes on the wire.
    pub const SIZE: usize = 70;

    /// A long-term Message EntryID (zero Flags and Pads).
    pub fn new(
        provider_uid: MapiUid,
        message_type: StoreObjectType,
        folder: GlobalIdentifier,
        message: GlobalIdentifier,
    ) -> Self {
        MessageEntryId {
            flags: [0; 4],
            provider_uid,
            message_type,
            folder,
            folder_pad: 0,
            message,
            message_pad: 0,
        }
    }
}

impl Wire for MessageEntryId {
    const NAME: &'static str = "Message EntryID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = take_array::<4>(i)?;
            let (i, provider_uid) = MapiUid::decode(i)?;
            let (i, message_type) = le_u16(i)?;
            let (i, folder) = GlobalIdentifier::decode(i)?;
            let (i, folder_pad) = le_u16(i)?;
            let (i, message) = GlobalIdentifier::decode(i)?;
            let (i, message_pad) = le_u16(i)?;
            Ok((
                i,
                MessageEntryId {
                    flags,
                    provider_uid,
                    message_type: StoreObjectType(message_type),
                    folder,
                    folder_pad,
                    message,
                    message_pad,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&self.flags);
        self.provider_uid.encode(out)?;
        out.put_u16_le(self.message_type.0);
        self.folder.encode(out)?;
        out.put_u16_le(self.folder_pad);
        self.message.encode(out)?;
        out.put_u16_le(self.message_pad);
        Ok(())
    }
}

/// MS-OXCDATA 2.2.4.3 Store Object EntryID: a mailbox or the public store itself, as MAPI
/// wraps the EMSMDB provider's own ID: Flags (4), ProviderUID = [`MapiUid::STORE_WRAP`],
/// Version (1), Flag (1), DLLFileName (14, `"EMSMDB.DLL"` zero-padded), WrappedFlags (4),
/// WrappedProviderUID ([`MapiUid::EMSMDB_PRIVATE`] / [`MapiUid::EMSMDB_PUBLIC`]),
/// WrappedType (4: 0x0C mailbox, 0x06 public), ServerShortname (ASCII, null-terminated),
/// MailboxDN (ASCII, null-terminated, mailboxes only).
///
/// Outlook 2003 and later append more data after MailboxDN (the "v2"/"v3" forms with a magic
/// number and server FQDN, documented only outside MS-OXCDATA); those bytes are kept opaque in
/// [`StoreObjectEntryId::trailing`]. The decoder consumes its whole input: the MailboxDN is
/// read whenever bytes remain after ServerShortname.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct StoreObjectEntryId {
    /// Flags: zero for long-term EntryIDs.
    #[serde(serialize_with = "ser_hex_array")]
    pub flags: [u8; 4],
    /// Version: zero.
    pub version: u8,
    /// Flag: zero.
    pub flag: u8,
    /// DLLFileName: `EMSMDB.DLL` and four zero bytes.
    #[serde(serialize_with = "ser_hex_array")]
    pub dll_file_name: [u8; 14],
    /// WrappedFlags: zero.
    #[serde(serialize_with = "ser_hex_array")]
    pub wrapped_flags: [u8; 4],
    /// WrappedProviderUID: private or public EMSMDB store.
    pub wrapped_provider_uid: MapiUid,
    /// WrappedType: 0x0C for a mailbox, 0x06 for the public store.
    pub wrapped_type: u32,
    /// ServerShortname: NetBIOS name (or, from newer servers, a mailbox GUID@domain).
    pub server_short_name: String,
    /// MailboxDN: the mailbox's legacy DN; absent for the public store.
    pub mailbox_dn: Option<String>,
    /// Whatever follows MailboxDN (newer clients' extensions), verbatim.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub trailing: Vec<u8>,
}

impl StoreObjectEntryId {
    /// The DLLFileName field every Exchange store EntryID carries.
    pub const EMSMDB_DLL: [u8; 14] = *b"EMSMDB.DLL\0\0\0\0";
    /// WrappedType of a mailbox store.
    pub const WRAPPED_TYPE_MAILBOX: u32 = 0x0000_000C;
    /// WrappedType of the public folder store.
    pub const WRAPPED_TYPE_PUBLIC: u32 = 0x0000_0006;

    /// The EntryID of the mailbox `mailbox_dn` on `server`.
    pub fn mailbox(server: impl Into<String>, mailbox_dn: impl Into<String>) -> Self {
        StoreObjectEntryId {
            flags: [0; 4],
            version: 0,
            flag: 0,
            dll_file_name: Self::EMSMDB_DLL,
            wrapped_flags: [0; 4],
            wrapped_provider_uid: MapiUid::EMSMDB_PRIVATE,
            wrapped_type: Self::WRAPPED_TYPE_MAILBOX,
            server_short_name: server.into(),
            mailbox_dn: Some(mailbox_dn.into()),
            trailing: Vec::new(),
        }
    }

    /// The EntryID of the public folder store on `server`.
    pub fn public_store(server: impl Into<String>) -> Self {
        StoreObjectEntryId {
            wrapped_provider_uid: MapiUid::EMSMDB_PUBLIC,
            wrapped_type: Self::WRAPPED_TYPE_PUBLIC,
            mailbox_dn: None,
            ..Self::mailbox(server, "")
        }
    }
}

impl Wire for StoreObjectEntryId {
    const NAME: &'static str = "Store Object EntryID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = take_array::<4>(i)?;
            let (i, ()) = expect_uid(i, Self::NAME, MapiUid::STORE_WRAP)?;
            let (i, version) = le_u8(i)?;
            let (i, flag) = le_u8(i)?;
            let (i, dll_file_name) = take_array::<14>(i)?;
            let (i, wrapped_flags) = take_array::<4>(i)?;
            let (i, wrapped_provider_uid) = MapiUid::decode(i)?;
            let (i, wrapped_type) = le_u32(i)?;
            let (i, server_short_name) = ascii_z(i)?;
            let (i, mailbox_dn) = if i.is_empty() {
                (i, None)
            } else {
                let (i, dn) = ascii_z(i)?;
                (i, Some(dn))
            };
            let trailing = i.to_vec();
            Ok((
                &i[i.len()..],
                StoreObjectEntryId {
                    flags,
                    version,
                    flag,
                    dll_file_name,
                    wrapped_flags,
                    wrapped_provider_uid,
                    wrapped_type,
                    server_short_name,
                    mailbox_dn,
                    trailing,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        if self.mailbox_dn.is_none() && !self.trailing.is_empty() {
            return Err(EncodeError::Invalid {
                structure: Self::NAME,
                reason: "trailing bytes without a MailboxDN would be read back as the MailboxDN",
            });
        }
        out.put_slice(&self.flags);
        MapiUid::STORE_WRAP.encode(out)?;
        out.put_u8(self.version);
        out.put_u8(self.flag);
        out.put_slice(&self.dll_file_name);
        out.put_slice(&self.wrapped_flags);
        self.wrapped_provider_uid.encode(out)?;
        out.put_u32_le(self.wrapped_type);
        put_ascii_z(out, &self.server_short_name, Self::NAME)?;
        if let Some(dn) = &self.mailbox_dn {
            put_ascii_z(out, dn, Self::NAME)?;
        }
        out.put_slice(&self.trailing);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Address book EntryIDs (MS-OXCDATA 2.2.5, MS-OXNSPI 2.2.9)
// ---------------------------------------------------------------------------------------------

/// The Type of an Address Book EntryID (MS-OXCDATA 2.2.5.2), which is the object's display
/// type (MS-OXNSPI 2.2.1.3 "Display Type" of Permanent and Ephemeral Entry IDs). A newtype so
/// unknown values survive a round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct DisplayType(pub u32);

impl DisplayType {
    /// Local mail user (DT_MAILUSER).
    pub const MAIL_USER: Self = Self(0x0000_0000);
    /// Distribution list (DT_DISTLIST).
    pub const DIST_LIST: Self = Self(0x0000_0001);
    /// Bulletin board or public folder (DT_FORUM).
    pub const FORUM: Self = Self(0x0000_0002);
    /// Automated mailbox (DT_AGENT).
    pub const AGENT: Self = Self(0x0000_0003);
    /// Organizational mailbox (DT_ORGANIZATION).
    pub const ORGANIZATION: Self = Self(0x0000_0004);
    /// Private distribution list (DT_PRIVATE_DISTLIST).
    pub const PRIVATE_DIST_LIST: Self = Self(0x0000_0005);
    /// Remote mail user (DT_REMOTE_MAILUSER).
    pub const REMOTE_MAIL_USER: Self = Self(0x0000_0006);
    /// Container (DT_CONTAINER).
    pub const CONTAINER: Self = Self(0x0000_0100);
    /// Template (DT_TEMPLATE).
    pub const TEMPLATE: Self = Self(0x0000_0101);
    /// One-off user (DT_ADDRESS_TEMPLATE).
    pub const ONE_OFF_USER: Self = Self(0x0000_0102);
    /// Search (DT_SEARCH).
    pub const SEARCH: Self = Self(0x0000_0200);
}

/// MS-OXCDATA 2.2.5.2 Address Book EntryID, which is also MS-OXNSPI 2.2.9.3 PermanentEntryID:
/// Flags (4; the NSPI "ID Type" 0x00 and R1-R3), ProviderUID = [`MapiUid::ADDRESS_BOOK`],
/// Version (4; NSPI R4, 0x00000001), Type (4; the display type), X500DN (ASCII,
/// null-terminated).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct AddressBookEntryId {
    /// Flags: zero for long-term EntryIDs (ID Type 0x00 for NSPI permanent IDs).
    #[serde(serialize_with = "ser_hex_array")]
    pub flags: [u8; 4],
    /// Version: 1.
    pub version: u32,
    /// Type: the object's display type.
    pub display_type: DisplayType,
    /// X500DN: the object's legacy Exchange DN.
    pub x500_dn: String,
}

impl AddressBookEntryId {
    /// The long-term EntryID of `x500_dn` with display type `display_type`.
    pub fn new(display_type: DisplayType, x500_dn: impl Into<String>) -> Self {
        AddressBookEntryId {
            flags: [0; 4],
            version: 1,
            display_type,
            x500_dn: x500_dn.into(),
        }
    }
}

impl Wire for AddressBookEntryId {
    const NAME: &'static str = "Address Book EntryID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = take_array::<4>(i)?;
            let (i, ()) = expect_uid(i, Self::NAME, MapiUid::ADDRESS_BOOK)?;
            let (i, version) = le_u32(i)?;
            let (i, display_type) = le_u32(i)?;
            let (i, x500_dn) = ascii_z(i)?;
            Ok((
                i,
                AddressBookEntryId {
                    flags,
                    version,
                    display_type: DisplayType(display_type),
                    x500_dn,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&self.flags);
        MapiUid::ADDRESS_BOOK.encode(out)?;
        out.put_u32_le(self.version);
        out.put_u32_le(self.display_type.0);
        put_ascii_z(out, &self.x500_dn, Self::NAME)
    }
}

/// MS-OXNSPI 2.2.9.2 EphemeralEntryID: ID Type (1, 0x87), R1-R3 (3, zero), ProviderUID (16,
/// the issuing server's GUID as a FlatUID_r, i.e. the Bind ServerGuid), R4 (4, 0x00000001),
/// Display Type (4), MId (4); 32 bytes. Valid only within the NSPI session that issued it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EphemeralEntryId {
    /// ID Type (0x87) and R1-R3, as read.
    #[serde(serialize_with = "ser_hex_array")]
    pub flags: [u8; 4],
    /// ProviderUID: the server that issued the ID.
    pub provider_uid: MapiUid,
    /// R4: 0x00000001.
    pub r4: u32,
    /// Display Type of the object.
    pub display_type: DisplayType,
    /// MId: the object's Minimal Entry ID in the issuing session.
    pub mid: u32,
}

impl EphemeralEntryId {
    /// The ID Type byte that marks an Ephemeral Entry ID.
    pub const ID_TYPE: u8 = 0x87;
    /// Bytes on the wire.
    pub const SIZE: usize = 32;

    /// The Ephemeral Entry ID of Minimal Entry ID `mid` issued by `server_guid`.
    pub fn new(server_guid: &Uuid, display_type: DisplayType, mid: u32) -> Self {
        EphemeralEntryId {
            flags: [Self::ID_TYPE, 0, 0, 0],
            provider_uid: MapiUid::from_guid(server_guid),
            r4: 1,
            display_type,
            mid,
        }
    }

    /// The issuing server's GUID (compare with the Bind response's ServerGuid).
    pub fn server_guid(&self) -> Uuid {
        self.provider_uid.to_guid()
    }
}

impl Wire for EphemeralEntryId {
    const NAME: &'static str = "EphemeralEntryID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = take_array::<4>(i)?;
            if flags[0] != Self::ID_TYPE {
                return fail(
                    input,
                    Self::NAME,
                    ErrorKind::InvalidValue {
                        field: "ID Type",
                        value: u64::from(flags[0]),
                    },
                );
            }
            let (i, provider_uid) = MapiUid::decode(i)?;
            let (i, r4) = le_u32(i)?;
            let (i, display_type) = le_u32(i)?;
            let (i, mid) = le_u32(i)?;
            Ok((
                i,
                EphemeralEntryId {
                    flags,
                    provider_uid,
                    r4,
                    display_type: DisplayType(display_type),
                    mid,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        if self.flags[0] != Self::ID_TYPE {
            return Err(EncodeError::Invalid {
                structure: Self::NAME,
                reason: "ID Type must be 0x87",
            });
        }
        out.put_slice(&self.flags);
        self.provider_uid.encode(out)?;
        out.put_u32_le(self.r4);
        out.put_u32_le(self.display_type.0);
        out.put_u32_le(self.mid);
        Ok(())
    }
}

/// The 16-bit flags word of a One-Off EntryID (MS-OXCDATA 2.2.5.1), read little-endian as
/// MAPI writes it ("16-bit words in Intel byte order").
///
/// MS-OXCDATA draws the word with its bits numbered from the first byte's most significant
/// bit; in the little-endian value that puts U (Unicode) at 0x8000, the MAE field at 0x0060
/// (the "word values" 0x0020/0x0040/0x0060 the specification lists), the Format field at
/// 0x001E (TextOnly = 0x0006 ...) and M at 0x0001, which is MAPI_ONE_OFF_NO_RICH_INFO.
/// All 16 bits are kept, including those the specification calls padding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct OneOffFlags(pub u16);

impl OneOffFlags {
    /// U (MAPI_ONE_OFF_UNICODE): the three strings are UTF-16LE, else 8-bit.
    pub const UNICODE: u16 = 0x8000;
    /// MAPI_ONE_OFF_NO_RICH_INFO: do not send TNEF to this recipient.
    pub const NO_RICH_INFO: u16 = 0x0001;
    /// The MAE field (Macintosh attachment encoding).
    pub const MAE_MASK: u16 = 0x0060;
    /// The Format field (message format for this recipient).
    pub const FORMAT_MASK: u16 = 0x001E;

    /// Whether the strings are UTF-16LE.
    pub fn is_unicode(self) -> bool {
        self.0 & Self::UNICODE != 0
    }
}

/// A string of a One-Off EntryID: UTF-16LE when the U flag is set, otherwise 8-bit text in the
/// sender's ANSI code page, which the EntryID does not name (kept as bytes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum OneOffText {
    /// A UTF-16LE string.
    Unicode(String),
    /// An 8-bit string.
    Ansi(String8),
}

impl OneOffText {
    /// The text, reading 8-bit strings with `code_page`.
    pub fn to_text(&self, code_page: u32) -> Cow<'_, str> {
        match self {
            OneOffText::Unicode(s) => Cow::Borrowed(s),
            OneOffText::Ansi(s) => s.decode_text(code_page),
        }
    }

    fn decode(input: &[u8], unicode: bool) -> PResult<'_, Self> {
        if unicode {
            let (i, s) = utf16z(input)?;
            Ok((i, OneOffText::Unicode(s)))
        } else {
            let (i, b) = cstr8(input)?;
            Ok((i, OneOffText::Ansi(String8::from_bytes(b))))
        }
    }

    fn encode<B: BufMut>(&self, out: &mut B, unicode: bool) -> Result<(), EncodeError> {
        match (self, unicode) {
            (OneOffText::Unicode(s), true) => put_utf16z(out, s, OneOffEntryId::NAME),
            (OneOffText::Ansi(s), false) => {
                if s.bytes.contains(&0) {
                    return Err(EncodeError::Invalid {
                        structure: OneOffEntryId::NAME,
                        reason: "8-bit string with an embedded NUL",
                    });
                }
                out.put_slice(&s.bytes);
                out.put_u8(0);
                Ok(())
            }
            _ => Err(EncodeError::Invalid {
                structure: OneOffEntryId::NAME,
                reason: "string form does not match the Unicode flag",
            }),
        }
    }
}

/// MS-OXCDATA 2.2.5.1 One-Off EntryID: a recipient that is not in any directory, carried
/// whole: Flags (4), ProviderUID = [`MapiUid::ONE_OFF`], Version (2, zero), flags word
/// ([`OneOffFlags`]), DisplayName, AddressType, EmailAddress (null-terminated, UTF-16LE when
/// [`OneOffFlags::UNICODE`] is set, else 8-bit).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct OneOffEntryId {
    /// Flags: zero for long-term EntryIDs.
    #[serde(serialize_with = "ser_hex_array")]
    pub flags: [u8; 4],
    /// Version: zero.
    pub version: u16,
    /// The flags word (Unicode, format, MAE ...).
    pub one_off_flags: OneOffFlags,
    /// DisplayName.
    pub display_name: OneOffText,
    /// AddressType (`SMTP`, `EX`, ...).
    pub address_type: OneOffText,
    /// EmailAddress.
    pub email_address: OneOffText,
}

impl OneOffEntryId {
    /// A Unicode one-off recipient with the extra flag bits `flags` (the Unicode bit is set
    /// regardless).
    pub fn unicode(
        display_name: impl Into<String>,
        address_type: impl Into<String>,
        email_address: impl Into<String>,
        flags: u16,
    ) -> Self {
        OneOffEntryId {
            flags: [0; 4],
            version: 0,
            one_off_flags: OneOffFlags(flags | OneOffFlags::UNICODE),
            display_name: OneOffText::Unicode(display_name.into()),
            address_type: OneOffText::Unicode(address_type.into()),
            email_address: OneOffText::Unicode(email_address.into()),
        }
    }
}

impl Wire for OneOffEntryId {
    const NAME: &'static str = "One-Off EntryID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = take_array::<4>(i)?;
            let (i, ()) = expect_uid(i, Self::NAME, MapiUid::ONE_OFF)?;
            let (i, version) = le_u16(i)?;
            let (i, word) = le_u16(i)?;
            let one_off_flags = OneOffFlags(word);
            let unicode = one_off_flags.is_unicode();
            let (i, display_name) = OneOffText::decode(i, unicode)?;
            let (i, address_type) = OneOffText::decode(i, unicode)?;
            let (i, email_address) = OneOffText::decode(i, unicode)?;
            Ok((
                i,
                OneOffEntryId {
                    flags,
                    version,
                    one_off_flags,
                    display_name,
                    address_type,
                    email_address,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        let unicode = self.one_off_flags.is_unicode();
        out.put_slice(&self.flags);
        MapiUid::ONE_OFF.encode(out)?;
        out.put_u16_le(self.version);
        out.put_u16_le(self.one_off_flags.0);
        self.display_name.encode(out, unicode)?;
        self.address_type.encode(out, unicode)?;
        self.email_address.encode(out, unicode)
    }
}

/// MS-OXCDATA 2.2.5.3 Contact Address EntryID and 2.2.5.4 Personal Distribution List EntryID,
/// which share one layout: Flags (4), ProviderUID = [`MapiUid::CONTACT_AB`], Version (4, 3),
/// Type (4: 4 contact address, 5 personal distribution list), Index (4: 0-2 Email1-3, 3-5
/// Fax1-3, 0xFF for a distribution list), EntryIdCount (4), EntryIdBytes (the contact's or
/// list's Message EntryID, kept as bytes; see [`ContactEntryId::message_entry_id`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ContactEntryId {
    /// Flags: zero for long-term EntryIDs.
    #[serde(serialize_with = "ser_hex_array")]
    pub flags: [u8; 4],
    /// Version: 3.
    pub version: u32,
    /// Type: [`ContactEntryId::TYPE_CONTACT_ADDRESS`] or
    /// [`ContactEntryId::TYPE_DISTRIBUTION_LIST`].
    pub entry_type: u32,
    /// Index: which address of the contact.
    pub index: u32,
    /// EntryIdBytes: the Message EntryID of the Contact or Personal Distribution List object.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub entry_id: Vec<u8>,
}

impl ContactEntryId {
    /// Type of a Contact Address EntryID (2.2.5.3).
    pub const TYPE_CONTACT_ADDRESS: u32 = 4;
    /// Type of a Personal Distribution List EntryID (2.2.5.4).
    pub const TYPE_DISTRIBUTION_LIST: u32 = 5;

    /// Decodes EntryIdBytes as the Message EntryID the specification says it is.
    pub fn message_entry_id(&self) -> Result<MessageEntryId, super::DecodeError> {
        MessageEntryId::from_bytes(&self.entry_id)
    }
}

impl Wire for ContactEntryId {
    const NAME: &'static str = "Contact Address EntryID";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = take_array::<4>(i)?;
            let (i, ()) = expect_uid(i, Self::NAME, MapiUid::CONTACT_AB)?;
            let (i, version) = le_u32(i)?;
            let (i, entry_type) = le_u32(i)?;
            let (i, index) = le_u32(i)?;
            let (i, count) = le_u32(i)?;
            let count = usize::try_from(count).unwrap_or(usize::MAX);
            let (i, bytes) = take_len(i, count, "EntryIdCount")?;
            Ok((
                i,
                ContactEntryId {
                    flags,
                    version,
                    entry_type,
                    index,
                    entry_id: bytes.to_vec(),
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        let count = u32::try_from(self.entry_id.len()).map_err(|_| EncodeError::TooLong {
            structure: Self::NAME,
            field: "EntryIdCount",
            len: self.entry_id.len(),
            max: u32::MAX as usize,
        })?;
        out.put_slice(&self.flags);
        MapiUid::CONTACT_AB.encode(out)?;
        out.put_u32_le(self.version);
        out.put_u32_le(self.entry_type);
        out.put_u32_le(self.index);
        out.put_u32_le(count);
        out.put_slice(&self.entry_id);
        Ok(())
    }
}

/// MS-OXOCNTC 2.2.2.2.4.1.1 WrappedEntryId: a member of a personal distribution list,
/// Flags (4), ProviderUID = [`MapiUid::WRAPPED_ENTRY`], Type (1: low 4 bits the embedded
/// kind, 0 one-off, 3 contact, 4 personal distribution list, 5 GAL user, 6 GAL list; bits
/// 0x70 the contact address index; 0x80 set unless one-off), EmbeddedEntryID (the rest).
///
/// Not part of MS-OXCDATA 2.2 but met in PidLidDistributionListMembers; the embedded EntryID
/// is kept as bytes, so decoding never recurses (see [`WrappedEntryId::embedded`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct WrappedEntryId {
    /// Flags: zero.
    #[serde(serialize_with = "ser_hex_array")]
    pub flags: [u8; 4],
    /// Type.
    pub entry_type: u8,
    /// EmbeddedEntryID.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub embedded: Vec<u8>,
}

impl WrappedEntryId {
    /// Decodes the embedded EntryID (one level; a nested WrappedEntryId stays as bytes).
    pub fn embedded(&self) -> EntryId {
        EntryId::decode_bytes(&self.embedded)
    }
}

impl Wire for WrappedEntryId {
    const NAME: &'static str = "WrappedEntryId";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = take_array::<4>(i)?;
            let (i, ()) = expect_uid(i, Self::NAME, MapiUid::WRAPPED_ENTRY)?;
            let (i, entry_type) = le_u8(i)?;
            Ok((
                &i[i.len()..],
                WrappedEntryId {
                    flags,
                    entry_type,
                    embedded: i.to_vec(),
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&self.flags);
        MapiUid::WRAPPED_ENTRY.encode(out)?;
        out.put_u8(self.entry_type);
        out.put_slice(&self.embedded);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/// Which form an [`EntryId`] has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum EntryIdKind {
    /// [`FolderEntryId`].
    Folder,
    /// [`MessageEntryId`].
    Message,
    /// [`StoreObjectEntryId`].
    StoreObject,
    /// [`AddressBookEntryId`] (NSPI permanent).
    AddressBook,
    /// [`EphemeralEntryId`] (NSPI ephemeral).
    Ephemeral,
    /// [`OneOffEntryId`].
    OneOff,
    /// [`ContactEntryId`] of type 4.
    ContactAddress,
    /// [`ContactEntryId`] of type 5.
    PersonalDistributionList,
    /// [`WrappedEntryId`].
    Wrapped,
    /// Not recognised.
    Other,
}

/// Any EntryID (MS-OXCDATA 2.2.4, 2.2.5; MS-OXNSPI 2.2.9), classified by its ProviderUID.
///
/// Classification: a known constant ProviderUID picks its form; otherwise first byte 0x87 and
/// 32 bytes is NSPI ephemeral; otherwise 46 bytes with a folder type is a Folder EntryID and
/// 70 bytes with a message type a Message EntryID (their ProviderUID is a mailbox GUID, so
/// size and type are all there is to go on). Anything else, and any known form that does not
/// decode cleanly to exactly the input, is kept verbatim as [`EntryId::Other`], so decoding
/// an EntryID never fails and re-encoding gives back the same bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum EntryId {
    /// A folder in a store.
    Folder(FolderEntryId),
    /// A message in a store.
    Message(MessageEntryId),
    /// A mailbox or public store.
    StoreObject(StoreObjectEntryId),
    /// A directory object (permanent).
    AddressBook(AddressBookEntryId),
    /// A directory object within one NSPI session.
    Ephemeral(EphemeralEntryId),
    /// A one-off recipient.
    OneOff(OneOffEntryId),
    /// An address of a contact.
    ContactAddress(ContactEntryId),
    /// A personal distribution list.
    PersonalDistributionList(ContactEntryId),
    /// A wrapped distribution list member.
    Wrapped(WrappedEntryId),
    /// Unrecognised bytes, verbatim.
    Other(#[serde(serialize_with = "crate::wire::serde_bytes::hex")] Vec<u8>),
}

/// Decodes `input` with `T` if it fills the input exactly.
fn exactly<T: Wire>(input: &[u8]) -> Option<T> {
    match T::decode(input) {
        Ok(([], v)) => Some(v),
        _ => None,
    }
}

impl EntryId {
    /// Classifies and decodes a complete EntryID; never fails (see [`EntryId`]).
    pub fn decode_bytes(input: &[u8]) -> EntryId {
        Self::classify(input).unwrap_or_else(|| EntryId::Other(input.to_vec()))
    }

    fn classify(input: &[u8]) -> Option<EntryId> {
        let first = *input.first()?;
        let (_, uid) = input.get(4..20).map(MapiUid::decode)?.ok()?;
        // The constant ProviderUIDs first: an ephemeral ID's ProviderUID is a server GUID,
        // never one of these, so a 0x87 first byte cannot hide one of the fixed forms.
        match uid {
            MapiUid::ADDRESS_BOOK => return exactly(input).map(EntryId::AddressBook),
            MapiUid::ONE_OFF => return exactly(input).map(EntryId::OneOff),
            MapiUid::STORE_WRAP => return exactly(input).map(EntryId::StoreObject),
            MapiUid::WRAPPED_ENTRY => return exactly(input).map(EntryId::Wrapped),
            MapiUid::CONTACT_AB => {
                return exactly::<ContactEntryId>(input).map(|c| {
                    if c.entry_type == ContactEntryId::TYPE_DISTRIBUTION_LIST {
                        EntryId::PersonalDistributionList(c)
                    } else {
                        EntryId::ContactAddress(c)
                    }
                });
            }
            _ => {}
        }
        if first == EphemeralEntryId::ID_TYPE && input.len() == EphemeralEntryId::SIZE {
            return exactly(input).map(EntryId::Ephemeral);
        }
        let (_, object_type) = input.get(20..22).map(le_u16)?.ok()?;
        let object_type = StoreObjectType(object_type);
        if input.len() == FolderEntryId::SIZE && object_type.is_folder() {
            exactly(input).map(EntryId::Folder)
        } else if input.len() == MessageEntryId::SIZE && object_type.is_message() {
            exactly(input).map(EntryId::Message)
        } else {
            None
        }
    }

    /// Which form this is.
    pub fn kind(&self) -> EntryIdKind {
        match self {
            EntryId::Folder(_) => EntryIdKind::Folder,
            EntryId::Message(_) => EntryIdKind::Message,
            EntryId::StoreObject(_) => EntryIdKind::StoreObject,
            EntryId::AddressBook(_) => EntryIdKind::AddressBook,
            EntryId::Ephemeral(_) => EntryIdKind::Ephemeral,
            EntryId::OneOff(_) => EntryIdKind::OneOff,
            EntryId::ContactAddress(_) => EntryIdKind::ContactAddress,
            EntryId::PersonalDistributionList(_) => EntryIdKind::PersonalDistributionList,
            EntryId::Wrapped(_) => EntryIdKind::Wrapped,
            EntryId::Other(_) => EntryIdKind::Other,
        }
    }
}

impl Wire for EntryId {
    const NAME: &'static str = "EntryID";
    /// Consumes the whole input (an EntryID is always a complete `PtypBinary`); never fails.
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        Ok((&input[input.len()..], Self::decode_bytes(input)))
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            EntryId::Folder(v) => v.encode(out),
            EntryId::Message(v) => v.encode(out),
            EntryId::StoreObject(v) => v.encode(out),
            EntryId::AddressBook(v) => v.encode(out),
            EntryId::Ephemeral(v) => v.encode(out),
            EntryId::OneOff(v) => v.encode(out),
            EntryId::ContactAddress(v) | EntryId::PersonalDistributionList(v) => v.encode(out),
            EntryId::Wrapped(v) => v.encode(out),
            EntryId::Other(b) => {
                out.put_slice(b);
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::error::WireError;
    use base64::Engine as _;
    use proptest::prelude::*;

    const ALICE_DN: &str = "/o=Gromox default/ou=Exchange Administrative Group \
                            (FYDIBOHF23SPDLT)/cn=Recipients/cn=0100000001000000-alice";

    /// The decoded response body of entry `index` (0-based) of a recorded HAR file.
    fn har_response(file: &str, index: usize) -> Vec<u8> {
        let path = format!("{}/fixtures/gromox/{file}", env!("CARGO_MANIFEST_DIR"));
        let har: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let text = har["log"]["entries"][index]["response"]["content"]["text"]
            .as_str()
            .unwrap();
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .unwrap()
    }

    fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
        hay.windows(needle.len())
            .enumerate()
            .filter(|(_, w)| *w == needle)
            .map(|(i, _)| i)
            .collect()
    }

    fn error_kind<T: std::fmt::Debug>(r: PResult<'_, T>) -> ErrorKind {
        match r {
            Err(nom::Err::Error(WireError { kind, .. })) => kind,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn folder_id_matches_the_recorded_inbox() {
        // fixtures/gromox/README.md: Inbox is bytes 01 00 00 00 00 00 00 0D.
        let bytes = [0x01, 0, 0, 0, 0, 0, 0, 0x0D];
        let fid = FolderId::from_bytes(&bytes).unwrap();
        assert_eq!(fid, FolderId(0x0D00_0000_0000_0001));
        assert_eq!(fid.replica_id(), 1);
        // GlobalCounter bytes 00 00 00 00 00 0D: Gromox's private Inbox is folder 0x0D.
        assert_eq!(fid.global_counter().0, [0, 0, 0, 0, 0, 0x0D]);
        assert_eq!(fid.global_counter().value(), 0x0D);
        assert_eq!(
            FolderId::new(1, GlobalCounter::from_u64(0x0D).unwrap()),
            fid
        );
        assert_eq!(fid.to_bytes().unwrap(), bytes);
        let projects = FolderId(0x0000_1E00_0000_0001);
        // Projects subfolder 0x00001E0000000001: counter bytes 00 00 00 1E 00 00.
        assert_eq!(projects.global_counter().0, [0, 0, 0, 0x1E, 0, 0]);
        assert_eq!(projects.global_counter().value(), 0x1E_0000);
        assert_eq!(fid.to_string(), "0x0D00000000000001");
        assert_eq!(
            serde_json::to_string(&fid).unwrap(),
            "\"0x0D00000000000001\""
        );
    }

    #[test]
    fn global_counter_limits() {
        assert_eq!(
            GlobalCounter::from_u64(GlobalCounter::MAX).unwrap().0,
            [0xFF; 6]
        );
        assert!(GlobalCounter::from_u64(GlobalCounter::MAX + 1).is_none());
    }

    #[test]
    fn recorded_address_book_entry_ids() {
        // session-logon.har, 3rd entry (RopGetPropertiesSpecific): PidTagMailboxOwnerEntryId and
        // PidTagUserEntryId, each a PtypBinary with a 16-bit count. Found by the ProviderUID.
        let body = har_response("session-logon.har", 2);
        let hits = find_all(&body, &MapiUid::ADDRESS_BOOK.0);
        assert_eq!(hits.len(), 2);
        for at in hits {
            let start = at - 4;
            let count = u16::from_le_bytes([body[start - 2], body[start - 1]]) as usize;
            assert_eq!(count, 137);
            let bytes = &body[start..start + count];
            let id = EntryId::decode_bytes(bytes);
            assert_eq!(id.kind(), EntryIdKind::AddressBook);
            let EntryId::AddressBook(ab) = &id else {
                unreachable!()
            };
            assert_eq!(ab.flags, [0; 4]);
            assert_eq!(ab.version, 1);
            assert_eq!(ab.display_type, DisplayType::MAIL_USER);
            assert_eq!(ab.x500_dn, ALICE_DN);
            assert_eq!(id.to_bytes().unwrap(), bytes);
            assert_eq!(
                AddressBookEntryId::new(DisplayType::MAIL_USER, ALICE_DN),
                *ab
            );
            assert_eq!(AddressBookEntryId::from_bytes(bytes).unwrap(), *ab);
        }
    }

    #[test]
    fn recorded_ephemeral_entry_id() {
        // nspi-addressbook.har, 7th entry (GetMatches): PidTagEntryId is a 32-byte ephemeral
        // EntryID, a PtypBinary with a 32-bit count (NSPI), first byte 0x87.
        let body = har_response("nspi-addressbook.har", 6);
        let hits = find_all(&body, &[0x20, 0, 0, 0, 0x87, 0, 0, 0]);
        assert_eq!(hits.len(), 1);
        let bytes = &body[hits[0] + 4..hits[0] + 36];
        let id = EntryId::decode_bytes(bytes);
        let EntryId::Ephemeral(e) = &id else {
            panic!("{id:?}")
        };
        assert_eq!(e.flags, [0x87, 0, 0, 0]);
        assert_eq!(e.r4, 1);
        assert_eq!(e.display_type, DisplayType::MAIL_USER);
        assert_eq!(e.mid, 0x11); // the MId DNToMId returned for Alice
        assert_eq!(
            EphemeralEntryId::new(&e.server_guid(), DisplayType::MAIL_USER, 0x11),
            *e
        );
        assert_eq!(id.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn truncated_address_book_entry_id_is_a_typed_error() {
        let full = AddressBookEntryId::new(DisplayType::MAIL_USER, ALICE_DN)
            .to_bytes()
            .unwrap();
        for n in 0..full.len() {
            let prefix = &full[..n];
            let err = AddressBookEntryId::from_bytes(prefix).unwrap_err();
            // The innermost structure is named: the DN's string reader past the fixed part.
            let expected_kind = if n < 28 {
                err.structure == "Address Book EntryID"
                    && matches!(err.kind, ErrorKind::Truncated { .. })
            } else {
                err.structure == "null-terminated string"
                    && err.kind == ErrorKind::UnterminatedString
            };
            assert!(expected_kind, "at {n}: {err}");
            assert_eq!(
                EntryId::decode_bytes(prefix),
                EntryId::Other(prefix.to_vec())
            );
        }
    }

    #[test]
    fn wrong_provider_uid_is_refused() {
        let mut bytes = AddressBookEntryId::new(DisplayType::MAIL_USER, "/o=x")
            .to_bytes()
            .unwrap();
        bytes[4] ^= 0xFF;
        let err = AddressBookEntryId::from_bytes(&bytes).unwrap_err();
        assert_eq!(err.offset, 4);
        assert!(matches!(
            err.kind,
            ErrorKind::InvalidValue {
                field: "ProviderUID",
                ..
            }
        ));
        // Unknown ProviderUID, 33 bytes: kept verbatim.
        assert_eq!(EntryId::decode_bytes(&bytes).kind(), EntryIdKind::Other);
    }

    #[test]
    fn non_ascii_dn_is_refused() {
        let mut bytes = AddressBookEntryId::new(DisplayType::MAIL_USER, "/o=x")
            .to_bytes()
            .unwrap();
        bytes[29] = 0xE9;
        assert!(AddressBookEntryId::from_bytes(&bytes).is_err());
        assert_eq!(EntryId::decode_bytes(&bytes), EntryId::Other(bytes.clone()));
        assert!(
            AddressBookEntryId::new(DisplayType::MAIL_USER, "caf\u{e9}")
                .to_bytes()
                .is_err()
        );
    }

    #[test]
    fn store_object_entry_id_layout() {
        // MS-OXCDATA 2.2.4.3 field by field.
        let id = StoreObjectEntryId::mailbox("SERVER", ALICE_DN);
        let b = id.to_bytes().unwrap();
        assert_eq!(&b[0..4], &[0, 0, 0, 0]);
        assert_eq!(&b[4..20], &MapiUid::STORE_WRAP.0);
        assert_eq!(&b[20..22], &[0, 0]);
        assert_eq!(&b[22..36], b"EMSMDB.DLL\0\0\0\0");
        assert_eq!(&b[36..40], &[0, 0, 0, 0]);
        assert_eq!(&b[40..56], &MapiUid::EMSMDB_PRIVATE.0);
        assert_eq!(&b[56..60], &[0x0C, 0, 0, 0]);
        assert_eq!(&b[60..67], b"SERVER\0");
        assert_eq!(&b[67..], format!("{ALICE_DN}\0").as_bytes());
        assert_eq!(EntryId::decode_bytes(&b), EntryId::StoreObject(id));

        let public = StoreObjectEntryId::public_store("SERVER");
        let b = public.to_bytes().unwrap();
        assert_eq!(&b[40..56], &MapiUid::EMSMDB_PUBLIC.0);
        assert_eq!(&b[56..60], &[0x06, 0, 0, 0]);
        assert_eq!(b.len(), 67);
        assert_eq!(StoreObjectEntryId::from_bytes(&b).unwrap(), public);

        // v2-style extension after the DN survives untouched.
        let mut ext = StoreObjectEntryId::mailbox("S", "/o=x").to_bytes().unwrap();
        ext.extend_from_slice(&[0xD8, 0x35, 0x21, 0xF3, 1, 2, 3]);
        let decoded = EntryId::decode_bytes(&ext);
        let EntryId::StoreObject(s) = &decoded else {
            panic!("{decoded:?}")
        };
        assert_eq!(s.trailing, [0xD8, 0x35, 0x21, 0xF3, 1, 2, 3]);
        assert_eq!(decoded.to_bytes().unwrap(), ext);

        let bad = StoreObjectEntryId {
            trailing: vec![1],
            ..StoreObjectEntryId::public_store("S")
        };
        assert!(bad.to_bytes().is_err());
    }

    #[test]
    fn folder_and_message_entry_ids_classify_by_size_and_type() {
        let mailbox = MapiUid::from_guid(&Uuid::from_u128(0x1234));
        let folder = GlobalIdentifier {
            database_guid: Uuid::from_u128(0xABCD),
            global_counter: GlobalCounter::from_u64(0x0D).unwrap(),
        };
        let message = GlobalIdentifier {
            global_counter: GlobalCounter::from_u64(0x1_0001).unwrap(),
            ..folder
        };
        let f = FolderEntryId::new(mailbox, StoreObjectType::PRIVATE_FOLDER, folder);
        let fb = f.to_bytes().unwrap();
        assert_eq!(fb.len(), FolderEntryId::SIZE);
        assert_eq!(&fb[20..22], &[1, 0]);
        assert_eq!(&fb[38..44], &[0, 0, 0, 0, 0, 0x0D]);
        assert_eq!(EntryId::decode_bytes(&fb), EntryId::Folder(f));

        let m = MessageEntryId::new(mailbox, StoreObjectType::PRIVATE_MESSAGE, folder, message);
        let mb = m.to_bytes().unwrap();
        assert_eq!(mb.len(), MessageEntryId::SIZE);
        assert_eq!(EntryId::decode_bytes(&mb), EntryId::Message(m.clone()));

        // A folder type in a message-sized ID is not a Message EntryID.
        let mut odd = mb.clone();
        odd[20] = 1;
        assert_eq!(EntryId::decode_bytes(&odd).kind(), EntryIdKind::Other);

        // Contact address wrapping the message.
        let c = ContactEntryId {
            flags: [0; 4],
            version: 3,
            entry_type: ContactEntryId::TYPE_CONTACT_ADDRESS,
            index: 0,
            entry_id: mb.clone(),
        };
        let cb = c.to_bytes().unwrap();
        assert_eq!(
            &cb[20..36],
            &[3, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 70, 0, 0, 0]
        );
        assert_eq!(c.message_entry_id().unwrap(), m);
        assert_eq!(
            EntryId::decode_bytes(&cb),
            EntryId::ContactAddress(c.clone())
        );
        let pdl = ContactEntryId {
            entry_type: ContactEntryId::TYPE_DISTRIBUTION_LIST,
            index: 0xFF,
            ..c
        };
        let pb = pdl.to_bytes().unwrap();
        assert_eq!(
            EntryId::decode_bytes(&pb).kind(),
            EntryIdKind::PersonalDistributionList
        );
    }

    #[test]
    fn hostile_contact_count_fails_without_allocating() {
        let mut b = Vec::new();
        b.extend_from_slice(&[0; 4]);
        b.extend_from_slice(&MapiUid::CONTACT_AB.0);
        b.extend_from_slice(&[3, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0]);
        b.extend_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF, 1, 2]);
        assert!(matches!(
            error_kind(ContactEntryId::decode(&b)),
            ErrorKind::LengthExceedsInput {
                field: "EntryIdCount",
                declared: 0xFFFF_FFFF,
                available: 2
            }
        ));
        assert_eq!(EntryId::decode_bytes(&b).kind(), EntryIdKind::Other);
    }

    #[test]
    fn one_off_entry_id_unicode_and_ansi() {
        // Flags word 0x9001 as Outlook writes it (bytes 01 90): Unicode | 0x1000 | no-rich-info.
        let mut b = vec![0, 0, 0, 0];
        b.extend_from_slice(&MapiUid::ONE_OFF.0);
        b.extend_from_slice(&[0, 0, 0x01, 0x90]);
        for s in ["Bob", "SMTP", "bob@example.test"] {
            for u in s.encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            b.extend_from_slice(&[0, 0]);
        }
        let id = EntryId::decode_bytes(&b);
        let EntryId::OneOff(o) = &id else {
            panic!("{id:?}")
        };
        assert_eq!(o.one_off_flags, OneOffFlags(0x9001));
        assert!(o.one_off_flags.is_unicode());
        assert_eq!(o.one_off_flags.0 & OneOffFlags::NO_RICH_INFO, 1);
        assert_eq!(o.display_name, OneOffText::Unicode("Bob".into()));
        assert_eq!(o.address_type.to_text(1252), "SMTP");
        assert_eq!(o.email_address.to_text(1252), "bob@example.test");
        assert_eq!(
            OneOffEntryId::unicode("Bob", "SMTP", "bob@example.test", 0x1001),
            *o
        );
        assert_eq!(id.to_bytes().unwrap(), b);

        // 8-bit strings: no Unicode flag, single-byte terminators, code page not recorded.
        let mut a = vec![0, 0, 0, 0];
        a.extend_from_slice(&MapiUid::ONE_OFF.0);
        a.extend_from_slice(&[0, 0, 0x01, 0x00]);
        a.extend_from_slice(b"Caf\xE9\0SMTP\0c@x\0");
        let o = OneOffEntryId::from_bytes(&a).unwrap();
        assert_eq!(o.display_name.to_text(1252), "Caf\u{e9}");
        assert_eq!(o.to_bytes().unwrap(), a);

        // A string form that contradicts the flag cannot be written.
        let mixed = OneOffEntryId {
            display_name: OneOffText::Ansi(String8::from_bytes(b"x".to_vec())),
            ..o.clone()
        };
        assert!(mixed.to_bytes().is_ok());
        let mixed = OneOffEntryId {
            display_name: OneOffText::Unicode("x".into()),
            ..o
        };
        assert!(mixed.to_bytes().is_err());

        // Missing terminator on the last string.
        let cut = &b[..b.len() - 2];
        assert_eq!(
            OneOffEntryId::from_bytes(cut).unwrap_err().kind,
            ErrorKind::UnterminatedString
        );
    }

    #[test]
    fn wrapped_entry_id_embeds_one_level() {
        let inner = AddressBookEntryId::new(DisplayType::MAIL_USER, "/o=x");
        let w = WrappedEntryId {
            flags: [0; 4],
            entry_type: 0x85,
            embedded: inner.to_bytes().unwrap(),
        };
        let b = w.to_bytes().unwrap();
        assert_eq!(b[20], 0x85);
        let id = EntryId::decode_bytes(&b);
        assert_eq!(id, EntryId::Wrapped(w.clone()));
        assert_eq!(w.embedded(), EntryId::AddressBook(inner));
    }

    #[test]
    fn ephemeral_id_type_is_checked() {
        let mut b = EphemeralEntryId::new(&Uuid::from_u128(7), DisplayType::MAIL_USER, 5)
            .to_bytes()
            .unwrap();
        b[0] = 0x86;
        assert!(matches!(
            error_kind(EphemeralEntryId::decode(&b)),
            ErrorKind::InvalidValue {
                field: "ID Type",
                value: 0x86
            }
        ));
        assert_eq!(EntryId::decode_bytes(&b).kind(), EntryIdKind::Other);
        assert_eq!(EntryId::decode_bytes(&[]), EntryId::Other(vec![]));
    }

    #[test]
    fn long_term_id_is_24_bytes() {
        let l = LongTermId::new(Uuid::from_u128(1), GlobalCounter::from_u64(9).unwrap());
        let b = l.to_bytes().unwrap();
        assert_eq!(b.len(), 24);
        assert_eq!(&b[16..24], &[0, 0, 0, 0, 0, 9, 0, 0]);
        assert_eq!(GlobalIdentifier::from_bytes(&b[..22]).unwrap(), l.gid());
        assert!(LongTermId::from_bytes(&b[..23]).is_err());
    }

    // --- proptest strategies -------------------------------------------------------------

    fn uid() -> impl Strategy<Value = MapiUid> {
        any::<[u8; 16]>().prop_map(MapiUid)
    }
    fn uuid() -> impl Strategy<Value = Uuid> {
        any::<u128>().prop_map(Uuid::from_u128)
    }
    fn counter() -> impl Strategy<Value = GlobalCounter> {
        any::<[u8; 6]>().prop_map(GlobalCounter)
    }
    fn gid() -> impl Strategy<Value = GlobalIdentifier> {
        (uuid(), counter()).prop_map(|(database_guid, global_counter)| GlobalIdentifier {
            database_guid,
            global_counter,
        })
    }
    fn ascii() -> impl Strategy<Value = String> {
        "[\u{1}-\u{7f}]{0,60}"
    }
    fn folder_entry() -> impl Strategy<Value = FolderEntryId> {
        (any::<[u8; 4]>(), uid(), any::<u16>(), gid(), any::<u16>()).prop_map(
            |(flags, provider_uid, t, folder, pad)| FolderEntryId {
                flags,
                provider_uid,
                folder_type: StoreObjectType(t),
                folder,
                pad,
            },
        )
    }
    fn message_entry() -> impl Strategy<Value = MessageEntryId> {
        (
            any::<[u8; 4]>(),
            uid(),
            any::<u16>(),
            gid(),
            any::<u16>(),
            gid(),
            any::<u16>(),
        )
            .prop_map(
                |(flags, provider_uid, t, folder, folder_pad, message, message_pad)| {
                    MessageEntryId {
                        flags,
                        provider_uid,
                        message_type: StoreObjectType(t),
                        folder,
                        folder_pad,
                        message,
                        message_pad,
                    }
                },
            )
    }
    fn store_entry() -> impl Strategy<Value = StoreObjectEntryId> {
        (
            (
                any::<[u8; 4]>(),
                any::<u8>(),
                any::<u8>(),
                any::<[u8; 14]>(),
            ),
            (any::<[u8; 4]>(), uid(), any::<u32>()),
            ascii(),
            proptest::option::of((ascii(), proptest::collection::vec(any::<u8>(), 0..40))),
        )
            .prop_map(
                |(
                    (flags, version, flag, dll_file_name),
                    (wrapped_flags, wrapped_provider_uid, wrapped_type),
                    server_short_name,
                    dn,
                )| {
                    let (mailbox_dn, trailing) = match dn {
                        Some((dn, t)) => (Some(dn), t),
                        None => (None, Vec::new()),
                    };
                    StoreObjectEntryId {
                        flags,
                        version,
                        flag,
                        dll_file_name,
                        wrapped_flags,
                        wrapped_provider_uid,
                        wrapped_type,
                        server_short_name,
                        mailbox_dn,
                        trailing,
                    }
                },
            )
    }
    fn ab_entry() -> impl Strategy<Value = AddressBookEntryId> {
        (any::<[u8; 4]>(), any::<u32>(), any::<u32>(), ascii()).prop_map(
            |(flags, version, t, x500_dn)| AddressBookEntryId {
                flags,
                version,
                display_type: DisplayType(t),
                x500_dn,
            },
        )
    }
    fn ephemeral_entry() -> impl Strategy<Value = EphemeralEntryId> {
        (
            any::<[u8; 3]>(),
            uid(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
        )
            .prop_map(|(r, provider_uid, r4, t, mid)| EphemeralEntryId {
                flags: [0x87, r[0], r[1], r[2]],
                provider_uid,
                r4,
                display_type: DisplayType(t),
                mid,
            })
    }
    fn one_off_entry() -> impl Strategy<Value = OneOffEntryId> {
        let unicode = "[^\u{0}]{0,20}".prop_map(OneOffText::Unicode);
        let ansi = proptest::collection::vec(1u8..=255, 0..20)
            .prop_map(|b| OneOffText::Ansi(String8::from_bytes(b)));
        (
            any::<[u8; 4]>(),
            any::<u16>(),
            any::<u16>(),
            proptest::collection::vec(unicode, 3),
            proptest::collection::vec(ansi, 3),
        )
            .prop_map(|(flags, version, word, u, a)| {
                let strings = if word & OneOffFlags::UNICODE != 0 {
                    u
                } else {
                    a
                };
                let mut s = strings.into_iter();
                OneOffEntryId {
                    flags,
                    version,
                    one_off_flags: OneOffFlags(word),
                    display_name: s.next().unwrap(),
                    address_type: s.next().unwrap(),
                    email_address: s.next().unwrap(),
                }
            })
    }
    fn contact_entry() -> impl Strategy<Value = ContactEntryId> {
        (
            any::<[u8; 4]>(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            proptest::collection::vec(any::<u8>(), 0..80),
        )
            .prop_map(
                |(flags, version, entry_type, index, entry_id)| ContactEntryId {
                    flags,
                    version,
                    entry_type,
                    index,
                    entry_id,
                },
            )
    }
    fn wrapped_entry() -> impl Strategy<Value = WrappedEntryId> {
        (
            any::<[u8; 4]>(),
            any::<u8>(),
            proptest::collection::vec(any::<u8>(), 0..80),
        )
            .prop_map(|(flags, entry_type, embedded)| WrappedEntryId {
                flags,
                entry_type,
                embedded,
            })
    }

    /// Encodes, checks that decoding gives back `v` using every byte, and returns the bytes.
    fn round_trip<T: Wire + PartialEq + std::fmt::Debug>(v: &T) -> Vec<u8> {
        let bytes = v.to_bytes().unwrap();
        assert_eq!(&T::from_bytes(&bytes).unwrap(), v);
        bytes
    }

    proptest! {
        #[test]
        fn short_ids_round_trip(raw in any::<u64>(), r in any::<u16>(), c in counter()) {
            round_trip(&FolderId(raw));
            round_trip(&MessageId(raw));
            let f = FolderId::new(r, c);
            prop_assert_eq!(f.replica_id(), r);
            prop_assert_eq!(f.global_counter(), c);
            prop_assert_eq!(FolderId::new(f.replica_id(), f.global_counter()), f);
            let m = MessageId::new(r, c);
            prop_assert_eq!(m.0, f.0);
            prop_assert_eq!(GlobalCounter::from_u64(c.value()), Some(c));
        }

        #[test]
        fn gid_and_long_term_id_round_trip(g in gid(), pad in any::<u16>()) {
            round_trip(&g);
            round_trip(&LongTermId { database_guid: g.database_guid, global_counter: g.global_counter, pad });
        }

        #[test]
        fn folder_entry_round_trips(v in folder_entry()) {
            let b = round_trip(&v);
            if v.folder_type.is_folder() {
                prop_assert_eq!(EntryId::decode_bytes(&b), EntryId::Folder(v));
            }
        }

        #[test]
        fn message_entry_round_trips(v in message_entry()) {
            let b = round_trip(&v);
            if v.message_type.is_message() {
                prop_assert_eq!(EntryId::decode_bytes(&b), EntryId::Message(v));
            }
        }

        #[test]
        fn store_entry_round_trips(v in store_entry()) {
            let b = round_trip(&v);
            prop_assert_eq!(EntryId::decode_bytes(&b), EntryId::StoreObject(v));
        }

        #[test]
        fn address_book_entry_round_trips(v in ab_entry()) {
            let b = round_trip(&v);
            prop_assert_eq!(EntryId::decode_bytes(&b), EntryId::AddressBook(v));
        }

        #[test]
        fn ephemeral_entry_round_trips(v in ephemeral_entry()) {
            let b = round_trip(&v);
            let known = [MapiUid::ADDRESS_BOOK, MapiUid::ONE_OFF, MapiUid::STORE_WRAP,
                MapiUid::CONTACT_AB, MapiUid::WRAPPED_ENTRY];
            if !known.contains(&v.provider_uid) {
                prop_assert_eq!(EntryId::decode_bytes(&b), EntryId::Ephemeral(v));
            }
        }

        #[test]
        fn one_off_entry_round_trips(v in one_off_entry()) {
            let b = round_trip(&v);
            prop_assert_eq!(EntryId::decode_bytes(&b), EntryId::OneOff(v));
        }

        #[test]
        fn contact_entry_round_trips(v in contact_entry()) {
            let b = round_trip(&v);
            let id = EntryId::decode_bytes(&b);
            prop_assert_eq!(id.to_bytes().unwrap(), b);
            match id {
                EntryId::ContactAddress(c) | EntryId::PersonalDistributionList(c) => prop_assert_eq!(c, v),
                other => prop_assert!(false, "{:?}", other),
            }
        }

        #[test]
        fn wrapped_entry_round_trips(v in wrapped_entry()) {
            let b = round_trip(&v);
            prop_assert_eq!(EntryId::decode_bytes(&b), EntryId::Wrapped(v));
        }

        /// Any bytes at all: classification never fails and re-encodes byte for byte.
        #[test]
        fn any_bytes_round_trip_verbatim(b in proptest::collection::vec(any::<u8>(), 0..160)) {
            let id = EntryId::decode_bytes(&b);
            prop_assert_eq!(id.to_bytes().unwrap(), b);
        }

        /// Garbage after a known ProviderUID: decoders fail with typed errors or succeed, and
        /// never panic; EntryId still round-trips.
        #[test]
        fn garbage_after_known_uid(
            which in 0usize..6,
            flags in any::<[u8; 4]>(),
            tail in proptest::collection::vec(any::<u8>(), 0..120),
        ) {
            let uids = [MapiUid::ADDRESS_BOOK, MapiUid::ONE_OFF, MapiUid::STORE_WRAP,
                MapiUid::CONTACT_AB, MapiUid::WRAPPED_ENTRY, MapiUid([0x42; 16])];
            let mut b = flags.to_vec();
            b.extend_from_slice(&uids[which].0);
            b.extend_from_slice(&tail);
            let _ = FolderEntryId::from_bytes(&b);
            let _ = MessageEntryId::from_bytes(&b);
            let _ = StoreObjectEntryId::from_bytes(&b);
            let _ = AddressBookEntryId::from_bytes(&b);
            let _ = EphemeralEntryId::from_bytes(&b);
            let _ = OneOffEntryId::from_bytes(&b);
            let _ = ContactEntryId::from_bytes(&b);
            let _ = WrappedEntryId::from_bytes(&b);
            let id = EntryId::decode_bytes(&b);
            prop_assert_eq!(id.to_bytes().unwrap(), b);
        }
    }
}
