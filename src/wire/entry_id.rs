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
/// Classification: first byte 0x87 and 32 bytes is NSPI ephemeral; a known constant
/// ProviderUID picks its form; otherwise 46 bytes with a folder type is a Folder EntryID and
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
        Ok((rest, v)) if rest.is_empty() => Some(v),
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
        if first == EphemeralEntryId::ID_TYPE && input.len() == EphemeralEntryId::SIZE {
            return exactly(input).map(EntryId::Ephemeral);
        }
        let (_, uid) = input.get(4..20).map(MapiUid::decode)?.ok()?;
        match uid {
            MapiUid::ADDRESS_BOOK => exactly(input).map(EntryId::AddressBook),
            MapiUid::ONE_OFF => exactly(input).map(EntryId::OneOff),
            MapiUid::STORE_WRAP => exactly(input).map(EntryId::StoreObject),
            MapiUid::WRAPPED_ENTRY => exactly(input).map(EntryId::Wrapped),
            MapiUid::CONTACT_AB => exactly::<ContactEntryId>(input).map(|c| {
                if c.entry_type == ContactEntryId::TYPE_DISTRIBUTION_LIST {
                    EntryId::PersonalDistributionList(c)
                } else {
                    EntryId::ContactAddress(c)
                }
            }),
            _ => {
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
