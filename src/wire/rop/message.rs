//! Message and attachment ROPs: MS-OXCROPS 2.2.6, with the semantics of MS-OXCMSG 2.2.3.
//!
//! The hard part of this family is the recipient row (MS-OXCDATA 2.8.3): a RecipientFlags bit
//! field decides which standard fields follow, and the remaining properties are a PropertyRow
//! laid out against the first RecipientColumnCount of the message's RecipientColumns. Those
//! columns travel in the RopOpenMessage (or RopReloadCachedInformation, RopOpenEmbeddedMessage)
//! response itself, or in the RopModifyRecipients request; RopReadRecipients sends rows without
//! columns, so its response needs the columns from the session (see [`ReadRecipientsRequest`]).

use bytes::BufMut;
use serde::Serialize;

use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::error::{EncodeError, ErrorKind, PResult, WireError, fail, named};
use crate::wire::primitives::{
    CountWidth, String8, Wire, ascii_z, bool8, check_count, cstr8, put_ascii_z, put_utf16z,
    take_array, take_len, u8 as le_u8, u16 as le_u16, u32 as le_u32, utf16z,
};
use crate::wire::property::{PropertyRow, PropertyTag, PropertyTagArray, TypedString};

use super::{ResponseContext, ResponseHeader, Rop, RopId};

// ---------------------------------------------------------------------------------------------
// Flag newtypes
// ---------------------------------------------------------------------------------------------

flags_newtype!(
    /// MS-OXCMSG 2.2.3.1.1 OpenModeFlags of RopOpenMessage (and, with `CREATE`, of
    /// RopOpenEmbeddedMessage, MS-OXCMSG 2.2.3.16.1). Unknown bits are kept.
    OpenModeFlags(u8) {
        /// ReadOnly (0x00).
        READ_ONLY = 0x00,
        /// ReadWrite (0x01).
        READ_WRITE = 0x01,
        /// Create (0x02): RopOpenEmbeddedMessage only, create the embedded message if absent.
        CREATE = 0x02,
        /// BestAccess (0x03): read/write if permitted, else read-only.
        BEST_ACCESS = 0x03,
        /// OpenSoftDeleted (0x04).
        OPEN_SOFT_DELETED = 0x04,
    }
);

flags_newtype!(
    /// MS-OXCMSG 2.2.3.3.1 / 2.2.3.15.1 SaveFlags of RopSaveChangesMessage and
    /// RopSaveChangesAttachment.
    SaveFlags(u8) {
        /// KeepOpenReadOnly (0x01).
        KEEP_OPEN_READ_ONLY = 0x01,
        /// KeepOpenReadWrite (0x02).
        KEEP_OPEN_READ_WRITE = 0x02,
        /// ForceSave (0x04).
        FORCE_SAVE = 0x04,
    }
);

flags_newtype!(
    /// MS-OXCMSG 2.2.3.10.1 / 2.2.3.11.1 ReadFlags of RopSetReadFlags and RopSetMessageReadFlag.
    ReadFlags(u8) {
        /// rfDefault (0x00): set the read flag and send a receipt.
        DEFAULT = 0x00,
        /// rfSuppressReceipt (0x01).
        SUPPRESS_RECEIPT = 0x01,
        /// rfClearReadFlag (0x04).
        CLEAR_READ_FLAG = 0x04,
        /// rfReserved (0x0A): ignored by the server.
        RESERVED = 0x0A,
        /// rfGenerateReceiptOnly (0x10).
        GENERATE_RECEIPT_ONLY = 0x10,
        /// rfClearNotifyRead (0x20).
        CLEAR_NOTIFY_READ = 0x20,
        /// rfClearNotifyUnread (0x40).
        CLEAR_NOTIFY_UNREAD = 0x40,
    }
);

flags_newtype!(
    /// MS-OXCMSG 2.2.3.12.1 OpenAttachmentFlags of RopOpenAttachment.
    OpenAttachmentFlags(u8) {
        /// ReadOnly (0x00).
        READ_ONLY = 0x00,
        /// ReadWrite (0x01).
        READ_WRITE = 0x01,
        /// BestAccess (0x03).
        BEST_ACCESS = 0x03,
    }
);

flags_newtype!(
    /// MS-OXCMSG 2.2.3.17.1 TableFlags of RopGetAttachmentTable.
    AttachmentTableFlags(u8) {
        /// Standard (0x00).
        STANDARD = 0x00,
        /// Unicode (0x40): string columns in Unicode.
        UNICODE = 0x40,
    }
);

flags_newtype!(
    /// MS-OXCMSG 2.2.3.8.1 message status flags (PidTagMessageStatus) of RopSetMessageStatus
    /// and RopGetMessageStatus.
    MessageStatusFlags(u32) {
        /// msHidden (0x00000004).
        HIDDEN = 0x0000_0004,
        /// msHighlighted (0x00000008).
        HIGHLIGHTED = 0x0000_0008,
        /// msTagged (0x00000010).
        TAGGED = 0x0000_0010,
        /// msInConflict (0x00000800).
        IN_CONFLICT = 0x0000_0800,
        /// msRemoteDownload (0x00001000).
        REMOTE_DOWNLOAD = 0x0000_1000,
        /// msRemoteDelete (0x00002000).
        REMOTE_DELETE = 0x0000_2000,
    }
);

flags_newtype!(
    /// MS-OXCROPS 2.2.6.1.2 RecipientType of a recipient row: PidTagRecipientType
    /// (MS-OXOMSG 2.2.3.1) in one byte, with its resend flags.
    RecipientType(u8) {
        /// The message originator (0x00).
        ORIGINATOR = 0x00,
        /// A primary (To) recipient (0x01).
        TO = 0x01,
        /// A Cc recipient (0x02).
        CC = 0x02,
        /// A Bcc recipient (0x03).
        BCC = 0x03,
        /// Resend: deliver to this recipient again (0x10).
        RESEND_DELIVER = 0x10,
        /// Resend: do not deliver to this recipient again (0x80).
        RESEND_SKIP = 0x80,
    }
);

flags_newtype!(
    /// MS-OXCDATA 2.8.3.1 RecipientFlags: bit 0x8000 is the first bit of the specification's
    /// diagram of the second byte (O), 0x0080 the first of the first byte (R); the low three
    /// bits are the address Type (see [`RecipientAddressType`]). Unknown bits are kept.
    RecipientFlags(u16) {
        /// Type (3 bits): the address type, see [`RecipientAddressType`].
        TYPE_MASK = 0x0007,
        /// E: the EmailAddress field is present.
        EMAIL = 0x0008,
        /// D: the DisplayName field is present.
        DISPLAY = 0x0010,
        /// T: the TransmittableDisplayName field is present.
        TRANSMITTABLE = 0x0020,
        /// S: TransmittableDisplayName equals DisplayName.
        SAME = 0x0040,
        /// R: a different transport is responsible for delivery to this recipient.
        RESPONSIBLE = 0x0080,
        /// N: the recipient does not accept rich text.
        NON_RICH = 0x0100,
        /// U: the strings are UTF-16LE (else 8-bit in the row's code page).
        UNICODE = 0x0200,
        /// I: the SimpleDisplayName field is present.
        SIMPLE = 0x0400,
        /// Reserved (4 bits): servers send 0.
        RESERVED = 0x7800,
        /// O: a non-standard address type; with Type NoType, the AddressType field is present.
        NON_STANDARD = 0x8000,
    }
);

impl RecipientFlags {
    /// The address Type in the low three bits.
    pub fn address_type(self) -> RecipientAddressType {
        RecipientAddressType((self.0 & Self::TYPE_MASK.0) as u8)
    }

    fn has(self, bit: RecipientFlags) -> bool {
        self.0 & bit.0 != 0
    }
}

/// MS-OXCDATA 2.8.3.1 the Type field of RecipientFlags (3 bits, all eight values named).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct RecipientAddressType(pub u8);

impl RecipientAddressType {
    /// NoType (0x0).
    pub const NO_TYPE: Self = Self(0x0);
    /// X500DN (0x1): AddressPrefixUsed, DisplayType and X500DN are present.
    pub const X500_DN: Self = Self(0x1);
    /// MsMail (0x2).
    pub const MS_MAIL: Self = Self(0x2);
    /// SMTP (0x3).
    pub const SMTP: Self = Self(0x3);
    /// Fax (0x4).
    pub const FAX: Self = Self(0x4);
    /// ProfessionalOfficeSystem (0x5).
    pub const PROFESSIONAL_OFFICE_SYSTEM: Self = Self(0x5);
    /// PersonalDistributionList1 (0x6): EntryId and SearchKey are present.
    pub const PERSONAL_DISTRIBUTION_LIST1: Self = Self(0x6);
    /// PersonalDistributionList2 (0x7): EntryId and SearchKey are present.
    pub const PERSONAL_DISTRIBUTION_LIST2: Self = Self(0x7);

    fn is_distribution_list(self) -> bool {
        self == Self::PERSONAL_DISTRIBUTION_LIST1 || self == Self::PERSONAL_DISTRIBUTION_LIST2
    }
}

// ---------------------------------------------------------------------------------------------
// RecipientRow (MS-OXCDATA 2.8.3.2)
// ---------------------------------------------------------------------------------------------

/// A string field of a RecipientRow (EmailAddress, DisplayName, SimpleDisplayName,
/// TransmittableDisplayName): MS-OXCDATA 2.8.3.2 makes them UTF-16LE when RecipientFlags has
/// the U bit and 8-bit strings in the row's code page otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum RecipientString {
    /// U bit set: null-terminated UTF-16LE.
    Unicode(String),
    /// U bit clear: null-terminated 8-bit string (bytes kept; read them with the row's code page).
    String8(String8),
}

impl RecipientString {
    fn decode(unicode: bool, input: &[u8]) -> PResult<'_, Self> {
        if unicode {
            let (rest, s) = utf16z(input)?;
            Ok((rest, Self::Unicode(s)))
        } else {
            let (rest, b) = cstr8(input)?;
            Ok((rest, Self::String8(String8::from_bytes(b))))
        }
    }

    fn encode<B: BufMut>(&self, unicode: bool, out: &mut B) -> Result<(), EncodeError> {
        match (self, unicode) {
            (Self::Unicode(s), true) => put_utf16z(out, s, "RecipientRow"),
            (Self::String8(s), false) => put_cstr8(out, &s.bytes),
            _ => Err(EncodeError::Invalid {
                structure: "RecipientRow",
                reason: "a string's form differs from the U bit of RecipientFlags",
            }),
        }
    }

    /// The text (8-bit strings read as Windows-1252; use [`String8::decode_text`] with the row's
    /// CodePageId for exact text).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Self::Unicode(s) => s.as_str().into(),
            Self::String8(s) => s.decode_text(1252),
        }
    }
}

fn put_cstr8<B: BufMut>(out: &mut B, bytes: &[u8]) -> Result<(), EncodeError> {
    if bytes.contains(&0) {
        return Err(EncodeError::Invalid {
            structure: "RecipientRow",
            reason: "an 8-bit string with an embedded NUL cannot be null-terminated",
        });
    }
    out.put_slice(bytes);
    out.put_u8(0);
    Ok(())
}

/// MS-OXCDATA 2.8.3.2 the fields present when the address Type is X500DN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct X500Recipient {
    /// AddressPrefixUsed: how many leading characters of the DN the recipient shares with the
    /// logon's (the server strips them from X500DN).
    pub address_prefix_used: u8,
    /// DisplayType (1 byte, the PidTagDisplayType values).
    pub display_type: u8,
    /// X500DN: the (possibly shortened) distinguished name, ASCII.
    pub x500_dn: String,
}

/// MS-OXCDATA 2.8.3.2 the fields present when the address Type is PersonalDistributionList1 or
/// PersonalDistributionList2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DistributionListRecipient {
    /// EntryID of the distribution list (EntryIdSize bytes).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub entry_id: Vec<u8>,
    /// SearchKey of the distribution list (SearchKeySize bytes).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub search_key: Vec<u8>,
}

/// MS-OXCDATA 2.8.3.2 RecipientRow: RecipientFlags, the standard fields it selects, then
/// RecipientColumnCount and a PropertyRow over that many leading recipient columns.
///
/// The flags are kept as sent; each optional field is `Some` exactly when the flags say it is
/// present (the encoder refuses a row where they disagree, so re-encoding is byte-exact).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecipientRow {
    /// RecipientFlags.
    pub flags: RecipientFlags,
    /// AddressPrefixUsed, DisplayType, X500DN: present iff Type is X500DN.
    pub x500: Option<X500Recipient>,
    /// EntryIdSize/EntryID, SearchKeySize/SearchKey: present iff Type is
    /// PersonalDistributionList1 or 2.
    pub distribution_list: Option<DistributionListRecipient>,
    /// AddressType (8-bit string): present iff Type is NoType and the O bit is set.
    pub address_type: Option<String8>,
    /// EmailAddress: present iff the E bit is set.
    pub email_address: Option<RecipientString>,
    /// DisplayName: present iff the D bit is set.
    pub display_name: Option<RecipientString>,
    /// SimpleDisplayName: present iff the I bit is set.
    pub simple_display_name: Option<RecipientString>,
    /// TransmittableDisplayName: present iff the T bit is set.
    pub transmittable_display_name: Option<RecipientString>,
    /// RecipientProperties: one value per leading recipient column; its length is
    /// RecipientColumnCount.
    pub properties: PropertyRow,
}

fn recipient_columns(columns: &[PropertyTag], count: usize) -> Result<&[PropertyTag], EncodeError> {
    columns.get(..count).ok_or(EncodeError::Invalid {
        structure: "RecipientRow",
        reason: "RecipientColumnCount exceeds the recipient columns",
    })
}

impl RecipientRow {
    const NAME: &'static str = "RecipientRow";

    /// Decodes a row whose RecipientProperties are laid out against the leading columns of
    /// `columns` (the RecipientColumns of the ROP that carries the row).
    pub fn decode_with<'a>(columns: &[PropertyTag], input: &'a [u8]) -> PResult<'a, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = le_u16(i)?;
            let flags = RecipientFlags(flags);
            let ty = flags.address_type();
            let unicode = flags.has(RecipientFlags::UNICODE);

            let (i, x500) = if ty == RecipientAddressType::X500_DN {
                let (i, address_prefix_used) = le_u8(i)?;
                let (i, display_type) = le_u8(i)?;
                let (i, x500_dn) = ascii_z(i)?;
                (
                    i,
                    Some(X500Recipient {
                        address_prefix_used,
                        display_type,
                        x500_dn,
                    }),
                )
            } else {
                (i, None)
            };

            let (i, distribution_list) = if ty.is_distribution_list() {
                let (i, n) = le_u16(i)?;
                let (i, entry_id) = take_len(i, usize::from(n), "EntryIdSize")?;
                let (i, n) = le_u16(i)?;
                let (i, search_key) = take_len(i, usize::from(n), "SearchKeySize")?;
                (
                    i,
                    Some(DistributionListRecipient {
                        entry_id: entry_id.to_vec(),
                        search_key: search_key.to_vec(),
                    }),
                )
            } else {
                (i, None)
            };

            let (i, address_type) =
                if ty == RecipientAddressType::NO_TYPE && flags.has(RecipientFlags::NON_STANDARD) {
                    let (i, b) = cstr8(i)?;
                    (i, Some(String8::from_bytes(b)))
                } else {
                    (i, None)
                };

            let optional = |i, bit| -> PResult<'a, Option<RecipientString>> {
                if flags.has(bit) {
                    let (i, s) = RecipientString::decode(unicode, i)?;
                    Ok((i, Some(s)))
                } else {
                    Ok((i, None))
                }
            };
            let (i, email_address) = optional(i, RecipientFlags::EMAIL)?;
            let (i, display_name) = optional(i, RecipientFlags::DISPLAY)?;
            let (i, simple_display_name) = optional(i, RecipientFlags::SIMPLE)?;
            let (i, transmittable_display_name) = optional(i, RecipientFlags::TRANSMITTABLE)?;

            let (after_count, count) = le_u16(i)?;
            let Some(cols) = columns.get(..usize::from(count)) else {
                return fail(
                    i,
                    Self::NAME,
                    ErrorKind::InvalidValue {
                        field: "RecipientColumnCount",
                        value: u64::from(count),
                    },
                );
            };
            let (i, properties) = PropertyRow::decode_with(cols, CountWidth::U16, after_count)?;
            Ok((
                i,
                RecipientRow {
                    flags,
                    x500,
                    distribution_list,
                    address_type,
                    email_address,
                    display_name,
                    simple_display_name,
                    transmittable_display_name,
                    properties,
                },
            ))
        })
    }

    /// Encodes the row against `columns` (see [`RecipientRow::decode_with`]).
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        out: &mut B,
    ) -> Result<(), EncodeError> {
        let flags = self.flags;
        let ty = flags.address_type();
        let unicode = flags.has(RecipientFlags::UNICODE);
        let mismatch = |reason| EncodeError::Invalid {
            structure: Self::NAME,
            reason,
        };
        if self.x500.is_some() != (ty == RecipientAddressType::X500_DN) {
            return Err(mismatch("X500 fields present iff Type is X500DN"));
        }
        if self.distribution_list.is_some() != ty.is_distribution_list() {
            return Err(mismatch(
                "EntryID/SearchKey present iff Type is a personal distribution list",
            ));
        }
        if self.address_type.is_some()
            != (ty == RecipientAddressType::NO_TYPE && flags.has(RecipientFlags::NON_STANDARD))
        {
            return Err(mismatch(
                "AddressType present iff Type is NoType and O is set",
            ));
        }
        for (field, bit) in [
            (&self.email_address, RecipientFlags::EMAIL),
            (&self.display_name, RecipientFlags::DISPLAY),
            (&self.simple_display_name, RecipientFlags::SIMPLE),
            (
                &self.transmittable_display_name,
                RecipientFlags::TRANSMITTABLE,
            ),
        ] {
            if field.is_some() != flags.has(bit) {
                return Err(mismatch(
                    "a string field is present iff its flag bit is set",
                ));
            }
        }
        let cols = recipient_columns(columns, self.properties.len())?;

        out.put_u16_le(flags.0);
        if let Some(x) = &self.x500 {
            out.put_u8(x.address_prefix_used);
            out.put_u8(x.display_type);
            put_ascii_z(out, &x.x500_dn, Self::NAME)?;
        }
        if let Some(dl) = &self.distribution_list {
            CountWidth::U16.put(out, dl.entry_id.len(), Self::NAME, "EntryIdSize")?;
            out.put_slice(&dl.entry_id);
            CountWidth::U16.put(out, dl.search_key.len(), Self::NAME, "SearchKeySize")?;
            out.put_slice(&dl.search_key);
        }
        if let Some(a) = &self.address_type {
            put_cstr8(out, &a.bytes)?;
        }
        for s in [
            &self.email_address,
            &self.display_name,
            &self.simple_display_name,
            &self.transmittable_display_name,
        ]
        .into_iter()
        .flatten()
        {
            s.encode(unicode, out)?;
        }
        out.put_u16_le(cols.len() as u16);
        self.properties.encode_with(cols, CountWidth::U16, out)
    }
}

/// Runs `parser` over `body`, a sub-slice cut from an input that continues with `rest_len`
/// more bytes, requiring it to use all of `body`; error positions are made relative to the
/// whole input again.
fn sized<'a, T>(
    structure: &'static str,
    body: &'a [u8],
    rest_len: usize,
    parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> Result<T, nom::Err<WireError>> {
    let shift = |mut e: WireError| {
        e.remaining = e.remaining.saturating_add(rest_len);
        e
    };
    match parser(body) {
        Ok(([], v)) => Ok(v),
        Ok((left, _)) => Err(nom::Err::Error(shift(
            WireError::new(left, ErrorKind::TrailingBytes { count: left.len() })
                .in_structure(structure),
        ))),
        Err(e) => Err(e.map(shift)),
    }
}

/// Reads RecipientRowSize and a RecipientRow that fills exactly that many bytes.
fn decode_sized_row<'a>(
    structure: &'static str,
    columns: &[PropertyTag],
    input: &'a [u8],
) -> PResult<'a, RecipientRow> {
    let (i, size) = le_u16(input)?;
    let (rest, body) = take_len(i, usize::from(size), "RecipientRowSize")?;
    let row = sized(structure, body, rest.len(), |b| {
        RecipientRow::decode_with(columns, b)
    })?;
    Ok((rest, row))
}

/// Writes RecipientRowSize and the row.
fn encode_sized_row<B: BufMut>(
    structure: &'static str,
    row: &RecipientRow,
    columns: &[PropertyTag],
    out: &mut B,
) -> Result<(), EncodeError> {
    let mut buf = Vec::new();
    row.encode_with(columns, &mut buf)?;
    CountWidth::U16.put(out, buf.len(), structure, "RecipientRowSize")?;
    out.put_slice(&buf);
    Ok(())
}

/// MS-OXCROPS 2.2.6.1.2 OpenRecipientRow, the recipient rows of RopOpenMessage,
/// RopReloadCachedInformation and RopOpenEmbeddedMessage responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenRecipientRow {
    /// RecipientType.
    pub recipient_type: RecipientType,
    /// CodePageId: the code page of the row's 8-bit strings.
    pub code_page_id: u16,
    /// Reserved (2 bytes); servers send 0.
    pub reserved: u16,
    /// RecipientRow (RecipientRowSize is computed on encode).
    pub row: RecipientRow,
}

impl OpenRecipientRow {
    const NAME: &'static str = "OpenRecipientRow";

    /// Decodes against the response's RecipientColumns.
    pub fn decode_with<'a>(columns: &[PropertyTag], input: &'a [u8]) -> PResult<'a, Self> {
        named(Self::NAME, input, |i| {
            let (i, recipient_type) = le_u8(i)?;
            let (i, code_page_id) = le_u16(i)?;
            let (i, reserved) = le_u16(i)?;
            let (i, row) = decode_sized_row(Self::NAME, columns, i)?;
            Ok((
                i,
                Self {
                    recipient_type: RecipientType(recipient_type),
                    code_page_id,
                    reserved,
                    row,
                },
            ))
        })
    }

    /// Encodes against the response's RecipientColumns.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        out: &mut B,
    ) -> Result<(), EncodeError> {
        out.put_u8(self.recipient_type.0);
        out.put_u16_le(self.code_page_id);
        out.put_u16_le(self.reserved);
        encode_sized_row(Self::NAME, &self.row, columns, out)
    }
}

/// MS-OXCROPS 2.2.6.5.1 ModifyRecipientRow of RopModifyRecipients. MS-OXCMSG 2.2.3.5.1: a
/// RecipientRowSize of 0 (no row) deletes the recipient RowId.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModifyRecipientRow {
    /// RowId: the recipient to add, change or delete.
    pub row_id: u32,
    /// RecipientType.
    pub recipient_type: RecipientType,
    /// RecipientRow; `None` when RecipientRowSize is 0.
    pub row: Option<RecipientRow>,
}

impl ModifyRecipientRow {
    const NAME: &'static str = "ModifyRecipientRow";

    /// Decodes against the request's RecipientColumns.
    pub fn decode_with<'a>(columns: &[PropertyTag], input: &'a [u8]) -> PResult<'a, Self> {
        named(Self::NAME, input, |i| {
            let (i, row_id) = le_u32(i)?;
            let (i, recipient_type) = le_u8(i)?;
            let (i, row) = if i.get(..2) == Some(&[0, 0][..]) {
                (i.get(2..).unwrap_or_default(), None)
            } else {
                let (i, row) = decode_sized_row(Self::NAME, columns, i)?;
                (i, Some(row))
            };
            Ok((
                i,
                Self {
                    row_id,
                    recipient_type: RecipientType(recipient_type),
                    row,
                },
            ))
        })
    }

    /// Encodes against the request's RecipientColumns.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        out: &mut B,
    ) -> Result<(), EncodeError> {
        out.put_u32_le(self.row_id);
        out.put_u8(self.recipient_type.0);
        match &self.row {
            Some(row) => encode_sized_row(Self::NAME, row, columns, out),
            None => {
                out.put_u16_le(0);
                Ok(())
            }
        }
    }
}

/// MS-OXCROPS 2.2.6.6.2 ReadRecipientRow of the RopReadRecipients response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadRecipientRow {
    /// RowId.
    pub row_id: u32,
    /// RecipientType.
    pub recipient_type: RecipientType,
    /// CodePageId of the row's 8-bit strings.
    pub code_page_id: u16,
    /// Reserved (2 bytes); servers send 0.
    pub reserved: u16,
    /// RecipientRow.
    pub row: RecipientRow,
}

impl ReadRecipientRow {
    const NAME: &'static str = "ReadRecipientRow";

    /// Decodes against the message's recipient columns.
    pub fn decode_with<'a>(columns: &[PropertyTag], input: &'a [u8]) -> PResult<'a, Self> {
        named(Self::NAME, input, |i| {
            let (i, row_id) = le_u32(i)?;
            let (i, recipient_type) = le_u8(i)?;
            let (i, code_page_id) = le_u16(i)?;
            let (i, reserved) = le_u16(i)?;
            let (i, row) = decode_sized_row(Self::NAME, columns, i)?;
            Ok((
                i,
                Self {
                    row_id,
                    recipient_type: RecipientType(recipient_type),
                    code_page_id,
                    reserved,
                    row,
                },
            ))
        })
    }

    /// Encodes against the message's recipient columns.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        out: &mut B,
    ) -> Result<(), EncodeError> {
        out.put_u32_le(self.row_id);
        out.put_u8(self.recipient_type.0);
        out.put_u16_le(self.code_page_id);
        out.put_u16_le(self.reserved);
        encode_sized_row(Self::NAME, &self.row, columns, out)
    }
}

/// MS-OXCROPS 2.2.6.1.2 the body shared by the RopOpenMessage, RopReloadCachedInformation
/// (2.2.6.7.2) and RopOpenEmbeddedMessage (2.2.6.16.2) success responses, from
/// HasNamedProperties to the recipient rows (MS-OXCMSG 2.2.3.1.2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageInfo {
    /// HasNamedProperties.
    pub has_named_properties: bool,
    /// SubjectPrefix (TypedString).
    pub subject_prefix: TypedString,
    /// NormalizedSubject (TypedString).
    pub normalized_subject: TypedString,
    /// RecipientCount: all recipients of the message (may exceed the rows sent; read the rest
    /// with RopReadRecipients).
    pub recipient_count: u16,
    /// RecipientColumns (ColumnCount is their number).
    pub recipient_columns: Vec<PropertyTag>,
    /// RecipientRows (RowCount, 1 byte, is their number).
    pub recipient_rows: Vec<OpenRecipientRow>,
}

impl Wire for MessageInfo {
    const NAME: &'static str = "OpenMessageResponse";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, has_named_properties) = bool8(i)?;
            let (i, subject_prefix) = TypedString::decode(i)?;
            let (i, normalized_subject) = TypedString::decode(i)?;
            let (i, recipient_count) = le_u16(i)?;
            let (i, columns) = PropertyTagArray::decode_with(CountWidth::U16, i)?;
            let columns = columns.0;
            let (mut i, row_count) = le_u8(i)?;
            // An OpenRecipientRow is at least 1 + 2 + 2 + 2 + 2 + 2 + 1 = 12 bytes.
            check_count(i, usize::from(row_count), 12, "RowCount")?;
            let mut recipient_rows = Vec::with_capacity(usize::from(row_count));
            for _ in 0..row_count {
                let (rest, row) = OpenRecipientRow::decode_with(&columns, i)?;
                i = rest;
                recipient_rows.push(row);
            }
            Ok((
                i,
                Self {
                    has_named_properties,
                    subject_prefix,
                    normalized_subject,
                    recipient_count,
                    recipient_columns: columns,
                    recipient_rows,
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(u8::from(self.has_named_properties));
        self.subject_prefix.encode(out)?;
        self.normalized_subject.encode(out)?;
        out.put_u16_le(self.recipient_count);
        CountWidth::U16.put(out, self.recipient_columns.len(), Self::NAME, "ColumnCount")?;
        for t in &self.recipient_columns {
            out.put_u32_le(t.0);
        }
        if self.recipient_rows.len() > usize::from(u8::MAX) {
            return Err(EncodeError::TooLong {
                structure: Self::NAME,
                field: "RowCount",
                len: self.recipient_rows.len(),
                max: usize::from(u8::MAX),
            });
        }
        out.put_u8(self.recipient_rows.len() as u8);
        for r in &self.recipient_rows {
            r.encode_with(&self.recipient_columns, out)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers for the request/response boilerplate
// ---------------------------------------------------------------------------------------------

fn u64_id(input: &[u8]) -> PResult<'_, u64> {
    crate::wire::primitives::u64(input)
}

/// Decodes a header; on failure returns it as is, on success runs `body` with the handle index.
fn response<'a, T>(
    structure: &'static str,
    input: &'a [u8],
    failure: impl FnOnce(ResponseHeader) -> T,
    body: impl FnOnce(u8, &'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, T> {
    named(structure, input, |i| {
        let (i, h) = ResponseHeader::decode(i)?;
        if h.is_success() {
            body(h.handle_index, i)
        } else {
            Ok((i, failure(h)))
        }
    })
}

fn put_success<B: BufMut>(out: &mut B, handle_index: u8) {
    out.put_u8(handle_index);
    out.put_u32_le(0);
}

fn put_failure<B: BufMut>(
    out: &mut B,
    h: &ResponseHeader,
    structure: &'static str,
) -> Result<(), EncodeError> {
    if h.is_success() {
        return Err(EncodeError::Invalid {
            structure,
            reason: "a failure response needs a nonzero ReturnValue",
        });
    }
    h.encode(out);
    Ok(())
}

/// Implements [`Rop`] for a request whose response is only the handle index and ReturnValue.
macro_rules! header_only_response {
    ($req:ident, $id:expr, $name:literal, $input:ident, $output:expr) => {
        impl Rop for $req {
            const ID: RopId = $id;
            type Response = ResponseHeader;

            fn decode_request(input: &[u8]) -> PResult<'_, Self> {
                named($name, input, Self::decode_fields)
            }
            fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                self.encode_fields(out);
                Ok(())
            }
            fn decode_response<'a>(
                &self,
                _ctx: &ResponseContext<'_>,
                input: &'a [u8],
            ) -> PResult<'a, ResponseHeader> {
                named($name, input, ResponseHeader::decode)
            }
            fn encode_response<B: BufMut>(
                &self,
                response: &ResponseHeader,
                _ctx: &ResponseContext<'_>,
                out: &mut B,
            ) -> Result<(), EncodeError> {
                response.encode(out);
                Ok(())
            }
            fn input_handle_index(&self) -> u8 {
                self.$input
            }
            fn output_handle_index(&self) -> Option<u8> {
                let f: fn(&Self) -> Option<u8> = $output;
                f(self)
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// RopOpenMessage (0x03)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.1.1 RopOpenMessage request (MS-OXCMSG 2.2.3.1.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenMessageRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: a Logon or Folder object.
    pub input_handle_index: u8,
    /// OutputHandleIndex: where the Message object goes.
    pub output_handle_index: u8,
    /// CodePageId (0x0FFF: the logon's code page).
    pub code_page_id: u16,
    /// FolderId of the folder holding the message.
    pub folder_id: FolderId,
    /// OpenModeFlags.
    pub open_mode_flags: OpenModeFlags,
    /// MessageId.
    pub message_id: MessageId,
}

/// MS-OXCROPS 2.2.6.1.2 (success) / 2.2.6.1.3 (failure) RopOpenMessage response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum OpenMessageResponse {
    /// ReturnValue 0.
    Success {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// The message's subject and recipients.
        message: MessageInfo,
    },
    /// ReturnValue nonzero: OutputHandleIndex and ReturnValue only.
    Failure(ResponseHeader),
}

impl Rop for OpenMessageRequest {
    const ID: RopId = RopId::OPEN_MESSAGE;
    type Response = OpenMessageResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopOpenMessage", input, |i| {
            let (i, [logon_id, input_handle_index, output_handle_index]) = take_array(i)?;
            let (i, code_page_id) = le_u16(i)?;
            let (i, folder_id) = u64_id(i)?;
            let (i, open_mode_flags) = le_u8(i)?;
            let (i, message_id) = u64_id(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                    code_page_id,
                    folder_id: FolderId(folder_id),
                    open_mode_flags: OpenModeFlags(open_mode_flags),
                    message_id: MessageId(message_id),
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[
            self.logon_id,
            self.input_handle_index,
            self.output_handle_index,
        ]);
        out.put_u16_le(self.code_page_id);
        out.put_u64_le(self.folder_id.0);
        out.put_u8(self.open_mode_flags.0);
        out.put_u64_le(self.message_id.0);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, OpenMessageResponse> {
        response(
            "RopOpenMessage",
            input,
            OpenMessageResponse::Failure,
            |h, i| {
                let (i, message) = MessageInfo::decode(i)?;
                Ok((
                    i,
                    OpenMessageResponse::Success {
                        output_handle_index: h,
                        message,
                    },
                ))
            },
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &OpenMessageResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            OpenMessageResponse::Success {
                output_handle_index,
                message,
            } => {
                put_success(out, *output_handle_index);
                message.encode(out)
            }
            OpenMessageResponse::Failure(h) => put_failure(out, h, "RopOpenMessage"),
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

// ---------------------------------------------------------------------------------------------
// RopCreateMessage (0x06)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.2.1 RopCreateMessage request (MS-OXCMSG 2.2.3.2.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateMessageRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: a Logon or Folder object.
    pub input_handle_index: u8,
    /// OutputHandleIndex.
    pub output_handle_index: u8,
    /// CodePageId.
    pub code_page_id: u16,
    /// FolderId of the folder to create the message in.
    pub folder_id: FolderId,
    /// AssociatedFlag: create a folder-associated information (FAI) message.
    pub associated: bool,
}

/// MS-OXCROPS 2.2.6.2.2 / 2.2.6.2.3 RopCreateMessage response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CreateMessageResponse {
    /// ReturnValue 0.
    Success {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// MessageId, present when HasMessageId is nonzero.
        message_id: Option<MessageId>,
    },
    /// ReturnValue nonzero.
    Failure(ResponseHeader),
}

impl Rop for CreateMessageRequest {
    const ID: RopId = RopId::CREATE_MESSAGE;
    type Response = CreateMessageResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCreateMessage", input, |i| {
            let (i, [logon_id, input_handle_index, output_handle_index]) = take_array(i)?;
            let (i, code_page_id) = le_u16(i)?;
            let (i, folder_id) = u64_id(i)?;
            let (i, associated) = bool8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                    code_page_id,
                    folder_id: FolderId(folder_id),
                    associated,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[
            self.logon_id,
            self.input_handle_index,
            self.output_handle_index,
        ]);
        out.put_u16_le(self.code_page_id);
        out.put_u64_le(self.folder_id.0);
        out.put_u8(u8::from(self.associated));
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, CreateMessageResponse> {
        response(
            "RopCreateMessage",
            input,
            CreateMessageResponse::Failure,
            |h, i| {
                let (i, has) = bool8(i)?;
                let (i, message_id) = if has {
                    let (i, m) = u64_id(i)?;
                    (i, Some(MessageId(m)))
                } else {
                    (i, None)
                };
                Ok((
                    i,
                    CreateMessageResponse::Success {
                        output_handle_index: h,
                        message_id,
                    },
                ))
            },
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &CreateMessageResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            CreateMessageResponse::Success {
                output_handle_index,
                message_id,
            } => {
                put_success(out, *output_handle_index);
                match message_id {
                    Some(m) => {
                        out.put_u8(1);
                        out.put_u64_le(m.0);
                    }
                    None => out.put_u8(0),
                }
                Ok(())
            }
            CreateMessageResponse::Failure(h) => put_failure(out, h, "RopCreateMessage"),
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

// ---------------------------------------------------------------------------------------------
// RopSaveChangesMessage (0x0C)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.3.1 RopSaveChangesMessage request (MS-OXCMSG 2.2.3.3.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaveChangesMessageRequest {
    /// LogonId.
    pub logon_id: u8,
    /// ResponseHandleIndex: the handle index the response names.
    pub response_handle_index: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// SaveFlags.
    pub save_flags: SaveFlags,
}

/// MS-OXCROPS 2.2.6.3.2 / 2.2.6.3.3 RopSaveChangesMessage response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SaveChangesMessageResponse {
    /// ReturnValue 0.
    Success {
        /// ResponseHandleIndex.
        response_handle_index: u8,
        /// InputHandleIndex (as in the request).
        input_handle_index: u8,
        /// MessageId of the saved message.
        message_id: MessageId,
    },
    /// ReturnValue nonzero: ResponseHandleIndex and ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for SaveChangesMessageRequest {
    const ID: RopId = RopId::SAVE_CHANGES_MESSAGE;
    type Response = SaveChangesMessageResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSaveChangesMessage", input, |i| {
            let (
                i,
                [
                    logon_id,
                    response_handle_index,
                    input_handle_index,
                    save_flags,
                ],
            ) = take_array(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    response_handle_index,
                    input_handle_index,
                    save_flags: SaveFlags(save_flags),
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[
            self.logon_id,
            self.response_handle_index,
            self.input_handle_index,
            self.save_flags.0,
        ]);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, SaveChangesMessageResponse> {
        response(
            "RopSaveChangesMessage",
            input,
            SaveChangesMessageResponse::Failure,
            |h, i| {
                let (i, input_handle_index) = le_u8(i)?;
                let (i, m) = u64_id(i)?;
                Ok((
                    i,
                    SaveChangesMessageResponse::Success {
                        response_handle_index: h,
                        input_handle_index,
                        message_id: MessageId(m),
                    },
                ))
            },
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &SaveChangesMessageResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            SaveChangesMessageResponse::Success {
                response_handle_index,
                input_handle_index,
                message_id,
            } => {
                put_success(out, *response_handle_index);
                out.put_u8(*input_handle_index);
                out.put_u64_le(message_id.0);
                Ok(())
            }
            SaveChangesMessageResponse::Failure(h) => put_failure(out, h, "RopSaveChangesMessage"),
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopRemoveAllRecipients (0x0D)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.4.1 RopRemoveAllRecipients request (MS-OXCMSG 2.2.3.4); the response
/// (2.2.6.4.2) is InputHandleIndex and ReturnValue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemoveAllRecipientsRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// Reserved (4 bytes).
    pub reserved: u32,
}

impl RemoveAllRecipientsRequest {
    fn decode_fields(i: &[u8]) -> PResult<'_, Self> {
        let (i, [logon_id, input_handle_index]) = take_array(i)?;
        let (i, reserved) = le_u32(i)?;
        Ok((
            i,
            Self {
                logon_id,
                input_handle_index,
                reserved,
            },
        ))
    }
    fn encode_fields<B: BufMut>(&self, out: &mut B) {
        out.put_slice(&[self.logon_id, self.input_handle_index]);
        out.put_u32_le(self.reserved);
    }
}

header_only_response!(
    RemoveAllRecipientsRequest,
    RopId::REMOVE_ALL_RECIPIENTS,
    "RopRemoveAllRecipients",
    input_handle_index,
    |_| None
);

// ---------------------------------------------------------------------------------------------
// RopModifyRecipients (0x0E)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.5.1 RopModifyRecipients request (MS-OXCMSG 2.2.3.5.1); the response
/// (2.2.6.5.2) is InputHandleIndex and ReturnValue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModifyRecipientsRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// RecipientColumns (ColumnCount is their number).
    pub recipient_columns: Vec<PropertyTag>,
    /// RecipientRows (RowCount, 2 bytes, is their number).
    pub recipient_rows: Vec<ModifyRecipientRow>,
}

impl ModifyRecipientsRequest {
    fn decode_fields(i: &[u8]) -> PResult<'_, Self> {
        let (i, [logon_id, input_handle_index]) = take_array(i)?;
        let (i, columns) = PropertyTagArray::decode_with(CountWidth::U16, i)?;
        let columns = columns.0;
        let (mut i, n) = le_u16(i)?;
        // RowId 4 + RecipientType 1 + RecipientRowSize 2.
        check_count(i, usize::from(n), 7, "RowCount")?;
        let mut recipient_rows = Vec::with_capacity(usize::from(n));
        for _ in 0..n {
            let (rest, r) = ModifyRecipientRow::decode_with(&columns, i)?;
            i = rest;
            recipient_rows.push(r);
        }
        Ok((
            i,
            Self {
                logon_id,
                input_handle_index,
                recipient_columns: columns,
                recipient_rows,
            },
        ))
    }
}

impl Rop for ModifyRecipientsRequest {
    const ID: RopId = RopId::MODIFY_RECIPIENTS;
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopModifyRecipients", input, Self::decode_fields)
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[self.logon_id, self.input_handle_index]);
        CountWidth::U16.put(
            out,
            self.recipient_columns.len(),
            "RopModifyRecipients",
            "ColumnCount",
        )?;
        for t in &self.recipient_columns {
            out.put_u32_le(t.0);
        }
        CountWidth::U16.put(
            out,
            self.recipient_rows.len(),
            "RopModifyRecipients",
            "RowCount",
        )?;
        for r in &self.recipient_rows {
            r.encode_with(&self.recipient_columns, out)?;
        }
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, ResponseHeader> {
        named("RopModifyRecipients", input, ResponseHeader::decode)
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &ResponseHeader,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out);
        Ok(())
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopReadRecipients (0x0F)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.6.1 RopReadRecipients request (MS-OXCMSG 2.2.3.6.1).
///
/// The response's rows carry no columns: their RecipientProperties follow the message's
/// recipient columns, which the session learnt from RopOpenMessage,
/// RopReloadCachedInformation or RopOpenEmbeddedMessage. [`Rop::decode_response`] takes them
/// from `ctx.table_columns`; [`ReadRecipientsRequest::decode_response_with`] takes them
/// directly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadRecipientsRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// RowId: the first recipient to return.
    pub row_id: u32,
    /// Reserved (2 bytes).
    pub reserved: u16,
}

/// MS-OXCROPS 2.2.6.6.2 / 2.2.6.6.3 RopReadRecipients response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ReadRecipientsResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// RecipientRows (RowCount, 1 byte, is their number).
        recipient_rows: Vec<ReadRecipientRow>,
    },
    /// ReturnValue nonzero.
    Failure(ResponseHeader),
}

impl ReadRecipientsRequest {
    /// Decodes the response with the message's recipient columns.
    pub fn decode_response_with<'a>(
        &self,
        columns: &[PropertyTag],
        input: &'a [u8],
    ) -> PResult<'a, ReadRecipientsResponse> {
        response(
            "RopReadRecipients",
            input,
            ReadRecipientsResponse::Failure,
            |h, i| {
                let (mut i, n) = le_u8(i)?;
                // RowId 4 + type 1 + code page 2 + reserved 2 + size 2 + flags 2 + count 2 + 1.
                check_count(i, usize::from(n), 16, "RowCount")?;
                let mut recipient_rows = Vec::with_capacity(usize::from(n));
                for _ in 0..n {
                    let (rest, r) = ReadRecipientRow::decode_with(columns, i)?;
                    i = rest;
                    recipient_rows.push(r);
                }
                Ok((
                    i,
                    ReadRecipientsResponse::Success {
                        input_handle_index: h,
                        recipient_rows,
                    },
                ))
            },
        )
    }

    /// Encodes the response with the message's recipient columns.
    pub fn encode_response_with<B: BufMut>(
        &self,
        response: &ReadRecipientsResponse,
        columns: &[PropertyTag],
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            ReadRecipientsResponse::Success {
                input_handle_index,
                recipient_rows,
            } => {
                put_success(out, *input_handle_index);
                if recipient_rows.len() > usize::from(u8::MAX) {
                    return Err(EncodeError::TooLong {
                        structure: "RopReadRecipients",
                        field: "RowCount",
                        len: recipient_rows.len(),
                        max: usize::from(u8::MAX),
                    });
                }
                out.put_u8(recipient_rows.len() as u8);
                for r in recipient_rows {
                    r.encode_with(columns, out)?;
                }
                Ok(())
            }
            ReadRecipientsResponse::Failure(h) => put_failure(out, h, "RopReadRecipients"),
        }
    }
}

const NO_RECIPIENT_COLUMNS: ErrorKind = ErrorKind::Syntax(
    "recipient columns unknown: pass the RecipientColumns of RopOpenMessage as table_columns",
);

impl Rop for ReadRecipientsRequest {
    const ID: RopId = RopId::READ_RECIPIENTS;
    type Response = ReadRecipientsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopReadRecipients", input, |i| {
            let (i, [logon_id, input_handle_index]) = take_array(i)?;
            let (i, row_id) = le_u32(i)?;
            let (i, reserved) = le_u16(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    row_id,
                    reserved,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[self.logon_id, self.input_handle_index]);
        out.put_u32_le(self.row_id);
        out.put_u16_le(self.reserved);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, ReadRecipientsResponse> {
        match ctx.table_columns {
            Some(columns) => self.decode_response_with(columns, input),
            None => {
                // A failure response needs no columns.
                if let Ok((rest, h)) = ResponseHeader::decode(input)
                    && !h.is_success()
                {
                    return Ok((rest, ReadRecipientsResponse::Failure(h)));
                }
                fail(input, "RopReadRecipients", NO_RECIPIENT_COLUMNS)
            }
        }
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &ReadRecipientsResponse,
        ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match (response, ctx.table_columns) {
            (_, Some(columns)) => self.encode_response_with(response, columns, out),
            (ReadRecipientsResponse::Failure(_), None) => {
                self.encode_response_with(response, &[], out)
            }
            (ReadRecipientsResponse::Success { .. }, None) => Err(EncodeError::Invalid {
                structure: "RopReadRecipients",
                reason: "recipient columns unknown: pass them as table_columns",
            }),
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopReloadCachedInformation (0x10)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.7.1 RopReloadCachedInformation request (MS-OXCMSG 2.2.3.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReloadCachedInformationRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// Reserved (2 bytes).
    pub reserved: u16,
}

/// MS-OXCROPS 2.2.6.7.2 / 2.2.6.7.3 RopReloadCachedInformation response: the RopOpenMessage
/// body after InputHandleIndex and ReturnValue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ReloadCachedInformationResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// The message's subject and recipients.
        message: MessageInfo,
    },
    /// ReturnValue nonzero.
    Failure(ResponseHeader),
}

impl Rop for ReloadCachedInformationRequest {
    const ID: RopId = RopId::RELOAD_CACHED_INFORMATION;
    type Response = ReloadCachedInformationResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopReloadCachedInformation", input, |i| {
            let (i, [logon_id, input_handle_index]) = take_array(i)?;
            let (i, reserved) = le_u16(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    reserved,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[self.logon_id, self.input_handle_index]);
        out.put_u16_le(self.reserved);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, ReloadCachedInformationResponse> {
        response(
            "RopReloadCachedInformation",
            input,
            ReloadCachedInformationResponse::Failure,
            |h, i| {
                let (i, message) = MessageInfo::decode(i)?;
                Ok((
                    i,
                    ReloadCachedInformationResponse::Success {
                        input_handle_index: h,
                        message,
                    },
                ))
            },
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &ReloadCachedInformationResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            ReloadCachedInformationResponse::Success {
                input_handle_index,
                message,
            } => {
                put_success(out, *input_handle_index);
                message.encode(out)
            }
            ReloadCachedInformationResponse::Failure(h) => {
                put_failure(out, h, "RopReloadCachedInformation")
            }
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopSetMessageStatus (0x20) and RopGetMessageStatus (0x1F)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.8.1 RopSetMessageStatus request (MS-OXCMSG 2.2.3.8.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetMessageStatusRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Folder object.
    pub input_handle_index: u8,
    /// MessageId.
    pub message_id: MessageId,
    /// MessageStatusFlags: the new values of the bits in the mask.
    pub message_status_flags: MessageStatusFlags,
    /// MessageStatusMask: which bits to change.
    pub message_status_mask: MessageStatusFlags,
}

/// MS-OXCROPS 2.2.6.8.2 / 2.2.6.8.3 RopSetMessageStatus response, which RopGetMessageStatus
/// (2.2.6.9.2) shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum MessageStatusResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// MessageStatusFlags: for RopSetMessageStatus the status before the change, for
        /// RopGetMessageStatus the current status.
        message_status_flags: MessageStatusFlags,
    },
    /// ReturnValue nonzero.
    Failure(ResponseHeader),
}

fn decode_status_response<'a>(
    structure: &'static str,
    input: &'a [u8],
) -> PResult<'a, MessageStatusResponse> {
    response(structure, input, MessageStatusResponse::Failure, |h, i| {
        let (i, f) = le_u32(i)?;
        Ok((
            i,
            MessageStatusResponse::Success {
                input_handle_index: h,
                message_status_flags: MessageStatusFlags(f),
            },
        ))
    })
}

fn encode_status_response<B: BufMut>(
    structure: &'static str,
    response: &MessageStatusResponse,
    out: &mut B,
) -> Result<(), EncodeError> {
    match response {
        MessageStatusResponse::Success {
            input_handle_index,
            message_status_flags,
        } => {
            put_success(out, *input_handle_index);
            out.put_u32_le(message_status_flags.0);
            Ok(())
        }
        MessageStatusResponse::Failure(h) => put_failure(out, h, structure),
    }
}

impl Rop for SetMessageStatusRequest {
    const ID: RopId = RopId::SET_MESSAGE_STATUS;
    type Response = MessageStatusResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSetMessageStatus", input, |i| {
            let (i, [logon_id, input_handle_index]) = take_array(i)?;
            let (i, m) = u64_id(i)?;
            let (i, flags) = le_u32(i)?;
            let (i, mask) = le_u32(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    message_id: MessageId(m),
                    message_status_flags: MessageStatusFlags(flags),
                    message_status_mask: MessageStatusFlags(mask),
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[self.logon_id, self.input_handle_index]);
        out.put_u64_le(self.message_id.0);
        out.put_u32_le(self.message_status_flags.0);
        out.put_u32_le(self.message_status_mask.0);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, MessageStatusResponse> {
        decode_status_response("RopSetMessageStatus", input)
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &MessageStatusResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_status_response("RopSetMessageStatus", response, out)
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

/// MS-OXCROPS 2.2.6.9.1 RopGetMessageStatus request (MS-OXCMSG 2.2.3.9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetMessageStatusRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Folder object.
    pub input_handle_index: u8,
    /// MessageId.
    pub message_id: MessageId,
}

impl Rop for GetMessageStatusRequest {
    const ID: RopId = RopId::GET_MESSAGE_STATUS;
    type Response = MessageStatusResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetMessageStatus", input, |i| {
            let (i, [logon_id, input_handle_index]) = take_array(i)?;
            let (i, m) = u64_id(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    message_id: MessageId(m),
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[self.logon_id, self.input_handle_index]);
        out.put_u64_le(self.message_id.0);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, MessageStatusResponse> {
        decode_status_response("RopGetMessageStatus", input)
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &MessageStatusResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_status_response("RopGetMessageStatus", response, out)
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopSetReadFlags (0x66)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.10.1 RopSetReadFlags request (MS-OXCMSG 2.2.3.10.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetReadFlagsRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Folder object.
    pub input_handle_index: u8,
    /// WantAsynchronous: the client accepts RopProgress.
    pub want_asynchronous: bool,
    /// ReadFlags.
    pub read_flags: ReadFlags,
    /// MessageIds (MessageIdCount, 2 bytes, is their number).
    pub message_ids: Vec<MessageId>,
}

/// MS-OXCROPS 2.2.6.10.2 RopSetReadFlags response: one layout whatever the ReturnValue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetReadFlagsResponse {
    /// InputHandleIndex and ReturnValue.
    pub header: ResponseHeader,
    /// PartialCompletion: some messages could not be changed.
    pub partial_completion: bool,
}

impl Rop for SetReadFlagsRequest {
    const ID: RopId = RopId::SET_READ_FLAGS;
    type Response = SetReadFlagsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSetReadFlags", input, |i| {
            let (i, [logon_id, input_handle_index]) = take_array(i)?;
            let (i, want_asynchronous) = bool8(i)?;
            let (i, read_flags) = le_u8(i)?;
            let (mut i, n) = le_u16(i)?;
            check_count(i, usize::from(n), 8, "MessageIdCount")?;
            let mut message_ids = Vec::with_capacity(usize::from(n));
            for _ in 0..n {
                let (rest, m) = u64_id(i)?;
                i = rest;
                message_ids.push(MessageId(m));
            }
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    want_asynchronous,
                    read_flags: ReadFlags(read_flags),
                    message_ids,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[
            self.logon_id,
            self.input_handle_index,
            u8::from(self.want_asynchronous),
            self.read_flags.0,
        ]);
        CountWidth::U16.put(
            out,
            self.message_ids.len(),
            "RopSetReadFlags",
            "MessageIdCount",
        )?;
        for m in &self.message_ids {
            out.put_u64_le(m.0);
        }
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, SetReadFlagsResponse> {
        named("RopSetReadFlags", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            let (i, partial_completion) = bool8(i)?;
            Ok((
                i,
                SetReadFlagsResponse {
                    header,
                    partial_completion,
                },
            ))
        })
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &SetReadFlagsResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.header.encode(out);
        out.put_u8(u8::from(response.partial_completion));
        Ok(())
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopSetMessageReadFlag (0x11)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.11.1 RopSetMessageReadFlag request (MS-OXCMSG 2.2.3.11.1).
///
/// ClientData is present only when the logon is in public folder mode (created without the
/// Private flag), which the bytes do not say: [`Rop::decode_request`] assumes a private
/// mailbox logon (no ClientData); use [`SetMessageReadFlagRequest::decode_request_with`] for a
/// public folder logon. Encoding writes ClientData when it is `Some`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetMessageReadFlagRequest {
    /// LogonId.
    pub logon_id: u8,
    /// ResponseHandleIndex: the Folder object the response names.
    pub response_handle_index: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// ReadFlags.
    pub read_flags: ReadFlags,
    /// ClientData (24 bytes), public folder logons only.
    #[serde(serialize_with = "serialize_opt_client_data")]
    pub client_data: Option<[u8; 24]>,
}

fn serialize_opt_client_data<S: serde::Serializer>(
    v: &Option<[u8; 24]>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(b) => crate::wire::serde_bytes::hex(b, s),
        None => s.serialize_none(),
    }
}

/// MS-OXCROPS 2.2.6.11.2 the part of a RopSetMessageReadFlag success response present when
/// ReadStatusChanged is nonzero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadStatusChange {
    /// LogonId.
    pub logon_id: u8,
    /// ClientData (24 bytes), as sent in the request.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub client_data: [u8; 24],
}

/// MS-OXCROPS 2.2.6.11.2 / 2.2.6.11.3 RopSetMessageReadFlag response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SetMessageReadFlagResponse {
    /// ReturnValue 0.
    Success {
        /// ResponseHandleIndex.
        response_handle_index: u8,
        /// `Some` when ReadStatusChanged is nonzero (the read state changed), with the fields
        /// that follow it.
        read_status_changed: Option<ReadStatusChange>,
    },
    /// ReturnValue nonzero: ResponseHandleIndex and ReturnValue.
    Failure(ResponseHeader),
}

impl SetMessageReadFlagRequest {
    /// Decodes the request for a logon in public folder mode (`public_logon`, ClientData
    /// present) or a private mailbox logon.
    pub fn decode_request_with(public_logon: bool, input: &[u8]) -> PResult<'_, Self> {
        named("RopSetMessageReadFlag", input, |i| {
            let (
                i,
                [
                    logon_id,
                    response_handle_index,
                    input_handle_index,
                    read_flags,
                ],
            ) = take_array(i)?;
            let (i, client_data) = if public_logon {
                let (i, d) = take_array::<24>(i)?;
                (i, Some(d))
            } else {
                (i, None)
            };
            Ok((
                i,
                Self {
                    logon_id,
                    response_handle_index,
                    input_handle_index,
                    read_flags: ReadFlags(read_flags),
                    client_data,
                },
            ))
        })
    }
}

impl Rop for SetMessageReadFlagRequest {
    const ID: RopId = RopId::SET_MESSAGE_READ_FLAG;
    type Response = SetMessageReadFlagResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_request_with(false, input)
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[
            self.logon_id,
            self.response_handle_index,
            self.input_handle_index,
            self.read_flags.0,
        ]);
        if let Some(d) = &self.client_data {
            out.put_slice(d);
        }
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, SetMessageReadFlagResponse> {
        response(
            "RopSetMessageReadFlag",
            input,
            SetMessageReadFlagResponse::Failure,
            |h, i| {
                let (i, changed) = bool8(i)?;
                let (i, read_status_changed) = if changed {
                    let (i, logon_id) = le_u8(i)?;
                    let (i, client_data) = take_array::<24>(i)?;
                    (
                        i,
                        Some(ReadStatusChange {
                            logon_id,
                            client_data,
                        }),
                    )
                } else {
                    (i, None)
                };
                Ok((
                    i,
                    SetMessageReadFlagResponse::Success {
                        response_handle_index: h,
                        read_status_changed,
                    },
                ))
            },
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &SetMessageReadFlagResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            SetMessageReadFlagResponse::Success {
                response_handle_index,
                read_status_changed,
            } => {
                put_success(out, *response_handle_index);
                match read_status_changed {
                    Some(c) => {
                        out.put_u8(1);
                        out.put_u8(c.logon_id);
                        out.put_slice(&c.client_data);
                    }
                    None => out.put_u8(0),
                }
                Ok(())
            }
            SetMessageReadFlagResponse::Failure(h) => put_failure(out, h, "RopSetMessageReadFlag"),
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// Attachments: RopGetAttachmentTable (0x21), RopOpenAttachment (0x22),
// RopCreateAttachment (0x23), RopDeleteAttachment (0x24), RopSaveChangesAttachment (0x25),
// RopGetValidAttachments (0x52)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.17.1 RopGetAttachmentTable request (MS-OXCMSG 2.2.3.17.1); the response
/// (2.2.6.17.2) is OutputHandleIndex and ReturnValue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetAttachmentTableRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// OutputHandleIndex: where the Table object goes.
    pub output_handle_index: u8,
    /// TableFlags.
    pub table_flags: AttachmentTableFlags,
}

impl GetAttachmentTableRequest {
    fn decode_fields(i: &[u8]) -> PResult<'_, Self> {
        let (
            i,
            [
                logon_id,
                input_handle_index,
                output_handle_index,
                table_flags,
            ],
        ) = take_array(i)?;
        Ok((
            i,
            Self {
                logon_id,
                input_handle_index,
                output_handle_index,
                table_flags: AttachmentTableFlags(table_flags),
            },
        ))
    }
    fn encode_fields<B: BufMut>(&self, out: &mut B) {
        out.put_slice(&[
            self.logon_id,
            self.input_handle_index,
            self.output_handle_index,
            self.table_flags.0,
        ]);
    }
}

header_only_response!(
    GetAttachmentTableRequest,
    RopId::GET_ATTACHMENT_TABLE,
    "RopGetAttachmentTable",
    input_handle_index,
    |r| Some(r.output_handle_index)
);

/// MS-OXCROPS 2.2.6.12.1 RopOpenAttachment request (MS-OXCMSG 2.2.3.12.1); the response
/// (2.2.6.12.2) is OutputHandleIndex and ReturnValue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenAttachmentRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// OutputHandleIndex: where the Attachment object goes.
    pub output_handle_index: u8,
    /// OpenAttachmentFlags.
    pub open_attachment_flags: OpenAttachmentFlags,
    /// AttachmentID (PidTagAttachNumber).
    pub attachment_id: u32,
}

impl OpenAttachmentRequest {
    fn decode_fields(i: &[u8]) -> PResult<'_, Self> {
        let (i, [logon_id, input_handle_index, output_handle_index, flags]) = take_array(i)?;
        let (i, attachment_id) = le_u32(i)?;
        Ok((
            i,
            Self {
                logon_id,
                input_handle_index,
                output_handle_index,
                open_attachment_flags: OpenAttachmentFlags(flags),
                attachment_id,
            },
        ))
    }
    fn encode_fields<B: BufMut>(&self, out: &mut B) {
        out.put_slice(&[
            self.logon_id,
            self.input_handle_index,
            self.output_handle_index,
            self.open_attachment_flags.0,
        ]);
        out.put_u32_le(self.attachment_id);
    }
}

header_only_response!(
    OpenAttachmentRequest,
    RopId::OPEN_ATTACHMENT,
    "RopOpenAttachment",
    input_handle_index,
    |r| Some(r.output_handle_index)
);

/// MS-OXCROPS 2.2.6.13.1 RopCreateAttachment request (MS-OXCMSG 2.2.3.13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateAttachmentRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// OutputHandleIndex: where the Attachment object goes.
    pub output_handle_index: u8,
}

/// MS-OXCROPS 2.2.6.13.2 / 2.2.6.13.3 RopCreateAttachment response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CreateAttachmentResponse {
    /// ReturnValue 0.
    Success {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// AttachmentID of the new attachment.
        attachment_id: u32,
    },
    /// ReturnValue nonzero.
    Failure(ResponseHeader),
}

impl Rop for CreateAttachmentRequest {
    const ID: RopId = RopId::CREATE_ATTACHMENT;
    type Response = CreateAttachmentResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCreateAttachment", input, |i| {
            let (i, [logon_id, input_handle_index, output_handle_index]) = take_array(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[
            self.logon_id,
            self.input_handle_index,
            self.output_handle_index,
        ]);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, CreateAttachmentResponse> {
        response(
            "RopCreateAttachment",
            input,
            CreateAttachmentResponse::Failure,
            |h, i| {
                let (i, attachment_id) = le_u32(i)?;
                Ok((
                    i,
                    CreateAttachmentResponse::Success {
                        output_handle_index: h,
                        attachment_id,
                    },
                ))
            },
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &CreateAttachmentResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            CreateAttachmentResponse::Success {
                output_handle_index,
                attachment_id,
            } => {
                put_success(out, *output_handle_index);
                out.put_u32_le(*attachment_id);
                Ok(())
            }
            CreateAttachmentResponse::Failure(h) => put_failure(out, h, "RopCreateAttachment"),
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

/// MS-OXCROPS 2.2.6.14.1 RopDeleteAttachment request (MS-OXCMSG 2.2.3.14); the response
/// (2.2.6.14.2) is InputHandleIndex and ReturnValue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeleteAttachmentRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
    /// AttachmentID.
    pub attachment_id: u32,
}

impl DeleteAttachmentRequest {
    fn decode_fields(i: &[u8]) -> PResult<'_, Self> {
        let (i, [logon_id, input_handle_index]) = take_array(i)?;
        let (i, attachment_id) = le_u32(i)?;
        Ok((
            i,
            Self {
                logon_id,
                input_handle_index,
                attachment_id,
            },
        ))
    }
    fn encode_fields<B: BufMut>(&self, out: &mut B) {
        out.put_slice(&[self.logon_id, self.input_handle_index]);
        out.put_u32_le(self.attachment_id);
    }
}

header_only_response!(
    DeleteAttachmentRequest,
    RopId::DELETE_ATTACHMENT,
    "RopDeleteAttachment",
    input_handle_index,
    |_| None
);

/// MS-OXCROPS 2.2.6.15.1 RopSaveChangesAttachment request (MS-OXCMSG 2.2.3.15); the response
/// (2.2.6.15.2) is ResponseHandleIndex and ReturnValue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaveChangesAttachmentRequest {
    /// LogonId.
    pub logon_id: u8,
    /// ResponseHandleIndex: the handle index the response names.
    pub response_handle_index: u8,
    /// InputHandleIndex: the Attachment object.
    pub input_handle_index: u8,
    /// SaveFlags.
    pub save_flags: SaveFlags,
}

impl SaveChangesAttachmentRequest {
    fn decode_fields(i: &[u8]) -> PResult<'_, Self> {
        let (
            i,
            [
                logon_id,
                response_handle_index,
                input_handle_index,
                save_flags,
            ],
        ) = take_array(i)?;
        Ok((
            i,
            Self {
                logon_id,
                response_handle_index,
                input_handle_index,
                save_flags: SaveFlags(save_flags),
            },
        ))
    }
    fn encode_fields<B: BufMut>(&self, out: &mut B) {
        out.put_slice(&[
            self.logon_id,
            self.response_handle_index,
            self.input_handle_index,
            self.save_flags.0,
        ]);
    }
}

header_only_response!(
    SaveChangesAttachmentRequest,
    RopId::SAVE_CHANGES_ATTACHMENT,
    "RopSaveChangesAttachment",
    input_handle_index,
    |_| None
);

/// MS-OXCROPS 2.2.6.18.1 RopGetValidAttachments request (MS-OXCMSG 2.2.3.18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetValidAttachmentsRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Message object.
    pub input_handle_index: u8,
}

/// MS-OXCROPS 2.2.6.18.2 / 2.2.6.18.3 RopGetValidAttachments response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum GetValidAttachmentsResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// AttachmentIdArray (AttachmentIdCount, 2 bytes, is their number).
        attachment_ids: Vec<u32>,
    },
    /// ReturnValue nonzero.
    Failure(ResponseHeader),
}

impl Rop for GetValidAttachmentsRequest {
    const ID: RopId = RopId::GET_VALID_ATTACHMENTS;
    type Response = GetValidAttachmentsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetValidAttachments", input, |i| {
            let (i, [logon_id, input_handle_index]) = take_array(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[self.logon_id, self.input_handle_index]);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, GetValidAttachmentsResponse> {
        response(
            "RopGetValidAttachments",
            input,
            GetValidAttachmentsResponse::Failure,
            |h, i| {
                let (mut i, n) = le_u16(i)?;
                check_count(i, usize::from(n), 4, "AttachmentIdCount")?;
                let mut attachment_ids = Vec::with_capacity(usize::from(n));
                for _ in 0..n {
                    let (rest, a) = le_u32(i)?;
                    i = rest;
                    attachment_ids.push(a);
                }
                Ok((
                    i,
                    GetValidAttachmentsResponse::Success {
                        input_handle_index: h,
                        attachment_ids,
                    },
                ))
            },
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &GetValidAttachmentsResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            GetValidAttachmentsResponse::Success {
                input_handle_index,
                attachment_ids,
            } => {
                put_success(out, *input_handle_index);
                CountWidth::U16.put(
                    out,
                    attachment_ids.len(),
                    "RopGetValidAttachments",
                    "AttachmentIdCount",
                )?;
                for a in attachment_ids {
                    out.put_u32_le(*a);
                }
                Ok(())
            }
            GetValidAttachmentsResponse::Failure(h) => {
                put_failure(out, h, "RopGetValidAttachments")
            }
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopOpenEmbeddedMessage (0x46)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.6.16.1 RopOpenEmbeddedMessage request (MS-OXCMSG 2.2.3.16.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenEmbeddedMessageRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Attachment object.
    pub input_handle_index: u8,
    /// OutputHandleIndex: where the Message object goes.
    pub output_handle_index: u8,
    /// CodePageId.
    pub code_page_id: u16,
    /// OpenModeFlags (ReadOnly, ReadWrite, Create).
    pub open_mode_flags: OpenModeFlags,
}

/// MS-OXCROPS 2.2.6.16.2 / 2.2.6.16.3 RopOpenEmbeddedMessage response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum OpenEmbeddedMessageResponse {
    /// ReturnValue 0.
    Success {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// Reserved (1 byte).
        reserved: u8,
        /// MessageId of the embedded message.
        message_id: MessageId,
        /// The message's subject and recipients.
        message: MessageInfo,
    },
    /// ReturnValue nonzero.
    Failure(ResponseHeader),
}

impl Rop for OpenEmbeddedMessageRequest {
    const ID: RopId = RopId::OPEN_EMBEDDED_MESSAGE;
    type Response = OpenEmbeddedMessageResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopOpenEmbeddedMessage", input, |i| {
            let (i, [logon_id, input_handle_index, output_handle_index]) = take_array(i)?;
            let (i, code_page_id) = le_u16(i)?;
            let (i, flags) = le_u8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                    code_page_id,
                    open_mode_flags: OpenModeFlags(flags),
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[
            self.logon_id,
            self.input_handle_index,
            self.output_handle_index,
        ]);
        out.put_u16_le(self.code_page_id);
        out.put_u8(self.open_mode_flags.0);
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, OpenEmbeddedMessageResponse> {
        response(
            "RopOpenEmbeddedMessage",
            input,
            OpenEmbeddedMessageResponse::Failure,
            |h, i| {
                let (i, reserved) = le_u8(i)?;
                let (i, m) = u64_id(i)?;
                let (i, message) = MessageInfo::decode(i)?;
                Ok((
                    i,
                    OpenEmbeddedMessageResponse::Success {
                        output_handle_index: h,
                        reserved,
                        message_id: MessageId(m),
                        message,
                    },
                ))
            },
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &OpenEmbeddedMessageResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            OpenEmbeddedMessageResponse::Success {
                output_handle_index,
                reserved,
                message_id,
                message,
            } => {
                put_success(out, *output_handle_index);
                out.put_u8(*reserved);
                out.put_u64_le(message_id.0);
                message.encode(out)
            }
            OpenEmbeddedMessageResponse::Failure(h) => {
                put_failure(out, h, "RopOpenEmbeddedMessage")
            }
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ErrorCode;
    use crate::wire::error::decode_all;
    use crate::wire::mapihttp::framing::{FramerLimits, frame_all};
    use crate::wire::mapihttp::{ExecuteRequest, ExecuteResponse};
    use crate::wire::property::{
        FlaggedPropertyRow, FlaggedPropertyValue, PropertyType, PropertyValue, StandardPropertyRow,
    };
    use crate::wire::rpc_ext::decode_chain;
    use proptest::prelude::*;

    const NO_CTX: ResponseContext<'static> = ResponseContext {
        table_columns: None,
    };

    fn enc_req<R: Rop>(r: &R) -> Vec<u8> {
        let mut v = Vec::new();
        r.encode_request(&mut v).unwrap();
        v
    }

    fn enc_resp<R: Rop>(r: &R, resp: &R::Response, ctx: &ResponseContext<'_>) -> Vec<u8> {
        let mut v = Vec::new();
        r.encode_response(resp, ctx, &mut v).unwrap();
        v
    }

    /// Checks `bytes[0]` is the ROP's id and decodes the request after it.
    fn request_from_rop_bytes<R: Rop>(bytes: &[u8]) -> R {
        assert_eq!(bytes.first(), Some(&R::ID.0));
        decode_all(&bytes[1..], R::decode_request).unwrap()
    }

    /// Request round trip, and every strict prefix of the encoding fails with a typed error.
    fn check_request<R: Rop + PartialEq + std::fmt::Debug>(r: &R) {
        let bytes = enc_req(r);
        let back = decode_all(&bytes, R::decode_request).unwrap();
        assert_eq!(&back, r);
        for n in 0..bytes.len() {
            assert!(decode_all(&bytes[..n], R::decode_request).is_err());
        }
    }

    fn check_response<R: Rop>(r: &R, resp: &R::Response, ctx: &ResponseContext<'_>)
    where
        R::Response: PartialEq + std::fmt::Debug,
    {
        let bytes = enc_resp(r, resp, ctx);
        let back = decode_all(&bytes, |i| r.decode_response(ctx, i)).unwrap();
        assert_eq!(&back, resp);
        for n in 0..bytes.len() {
            assert!(decode_all(&bytes[..n], |i| r.decode_response(ctx, i)).is_err());
        }
    }

    /// MS-OXCMSG 2.2.3.16.1 and MS-OXCROPS 2.2.6.16.2 (checked against the spec pages): the
    /// request is CodePageId (2 bytes) then OpenModeFlags (1 byte: ReadOnly 0x00, ReadWrite
    /// 0x01, Create 0x02); the success response is Reserved (1), MessageId (8),
    /// HasNamedProperties (1), SubjectPrefix and NormalizedSubject (TypedString),
    /// RecipientCount (2), ColumnCount (2), RecipientColumns, RowCount, RecipientRows.
    #[test]
    fn open_embedded_message_layout_per_spec_text() {
        let req: OpenEmbeddedMessageRequest =
            request_from_rop_bytes(&[0x46, 0x00, 0x01, 0x02, 0xE4, 0x04, 0x02]);
        assert_eq!(req.input_handle_index, 1);
        assert_eq!(req.output_handle_index, 2);
        assert_eq!(req.code_page_id, 0x04E4);
        assert_eq!(req.open_mode_flags, OpenModeFlags::CREATE);
        #[rustfmt::skip]
        let bytes = [
            0x02, // OutputHandleIndex
            0x00, 0x00, 0x00, 0x00, // ReturnValue
            0x00, // Reserved
            0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // MessageId
            0x01, // HasNamedProperties
            0x00, // SubjectPrefix: TypedString, no string
            0x02, b'H', b'i', 0x00, // NormalizedSubject: String8 "Hi"
            0x00, 0x00, // RecipientCount
            0x00, 0x00, // ColumnCount
            0x00, // RowCount
        ];
        let resp = decode_all(&bytes, |i| req.decode_response(&NO_CTX, i)).unwrap();
        let OpenEmbeddedMessageResponse::Success {
            output_handle_index,
            reserved,
            message_id,
            message,
        } = &resp
        else {
            panic!("{resp:?}")
        };
        assert_eq!((*output_handle_index, *reserved), (2, 0));
        assert_eq!(message_id.0, 0x0100_0000_0000_0007);
        assert!(message.has_named_properties);
        assert_eq!(message.subject_prefix, TypedString::NoString);
        assert_eq!(enc_resp(&req, &resp, &NO_CTX), bytes);
    }

    // ----- the recording --------------------------------------------------------------------

    /// The ROP buffer payloads (RopSize, ROPs, handle table) of an Execute body pair.
    fn execute_payloads(req: &[u8], resp: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let request = ExecuteRequest::from_bytes(req).unwrap();
        let mut chain = decode_chain(&request.rop_buffer).unwrap();
        let req_payload = chain.remove(0).payload;
        let framed = frame_all(resp, FramerLimits::default()).unwrap();
        let ExecuteResponse::Success { rop_buffer, .. } =
            ExecuteResponse::from_bytes(&framed.body).unwrap()
        else {
            panic!("Execute failed");
        };
        let mut chain = decode_chain(&rop_buffer).unwrap();
        (req_payload, chain.remove(0).payload)
    }

    #[test]
    fn recorded_open_message_decodes_and_reencodes() {
        let (req, resp) = execute_payloads(
            include_bytes!("../../../fixtures/bodies/session-folders/04-execute-request.bin"),
            include_bytes!("../../../fixtures/bodies/session-folders/04-execute-response.bin"),
        );
        // Both ROP buffers start with RopSize (2 bytes); RopOpenMessage is the first ROP of
        // each, RopGetPropertiesAll (another family's) follows it.
        let req_rop = &req[2..];
        let (after, open) = OpenMessageRequest::decode_request(&req_rop[1..]).unwrap();
        assert_eq!(req_rop[0], RopId::OPEN_MESSAGE.0);
        assert_eq!(after.first(), Some(&RopId::GET_PROPERTIES_ALL.0));
        let req_len = req_rop.len() - 1 - after.len();
        assert_eq!(req_len, 22);
        assert_eq!(open.input_handle_index, 3);
        assert_eq!(open.output_handle_index, 5);
        assert_eq!(open.code_page_id, 0x0FFF);
        assert_eq!(open.folder_id, FolderId(0x0D00_0000_0000_0001));
        assert_eq!(open.open_mode_flags, OpenModeFlags::READ_ONLY);
        assert_eq!(open.message_id, MessageId(0x2300_0300_0000_0001));
        assert_eq!(enc_req(&open), req_rop[1..1 + req_len]);
        let open2: OpenMessageRequest = request_from_rop_bytes(&req_rop[..1 + req_len]);
        assert_eq!(open2, open);

        let resp_rop = &resp[2..];
        assert_eq!(resp_rop[0], RopId::OPEN_MESSAGE.0);
        let (after, decoded) = open.decode_response(&NO_CTX, &resp_rop[1..]).unwrap();
        assert_eq!(after.first(), Some(&RopId::GET_PROPERTIES_ALL.0));
        let resp_len = resp_rop.len() - 1 - after.len();
        let OpenMessageResponse::Success {
            output_handle_index,
            message,
        } = &decoded
        else {
            panic!("{decoded:?}");
        };
        assert_eq!(*output_handle_index, 5);
        assert!(!message.has_named_properties);
        assert_eq!(message.subject_prefix, TypedString::Unicode("Re: ".into()));
        assert_eq!(
            message.normalized_subject,
            TypedString::Unicode("Coffee machine broken".into())
        );
        assert_eq!(message.recipient_count, 2);
        assert_eq!(
            message.recipient_columns,
            [
                0x0FF9_0102,
                0x0FFE_0003,
                0x3900_0003,
                0x39FE_001F,
                0x5FF7_0102,
                0x5FFD_0003
            ]
            .map(PropertyTag)
        );
        assert_eq!(message.recipient_rows.len(), 2);
        let first = &message.recipient_rows[0];
        assert_eq!(first.recipient_type, RecipientType::TO);
        assert_eq!(first.code_page_id, 1252);
        let row = &first.row;
        assert_eq!(row.flags, RecipientFlags(0x02DB));
        assert_eq!(row.flags.address_type(), RecipientAddressType::SMTP);
        assert!(row.x500.is_none() && row.distribution_list.is_none());
        assert_eq!(
            row.email_address,
            Some(RecipientString::Unicode("alice@example.test".into()))
        );
        assert_eq!(
            row.display_name,
            Some(RecipientString::Unicode("Alice Example".into()))
        );
        assert!(row.simple_display_name.is_none() && row.transmittable_display_name.is_none());
        assert_eq!(row.properties.len(), 6);
        assert_eq!(
            row.properties
                .find(&message.recipient_columns, PropertyTag(0x39FE_001F)),
            Some(&PropertyValue::string("alice@example.test"))
        );
        let second = &message.recipient_rows[1];
        assert_eq!(second.recipient_type, RecipientType::CC);
        assert_eq!(
            second
                .row
                .display_name
                .as_ref()
                .map(|s| s.text().into_owned()),
            Some("Bob Builder".to_string())
        );
        // Byte-identical re-encoding.
        assert_eq!(
            enc_resp(&open, &decoded, &NO_CTX),
            resp_rop[1..1 + resp_len]
        );
    }

    // ----- RecipientRow by hand -------------------------------------------------------------

    const COLS: [PropertyTag; 3] = [
        PropertyTag(0x3001_001F), // PidTagDisplayName
        PropertyTag(0x0C15_0003), // PidTagRecipientType
        PropertyTag(0x0FFF_0102), // PidTagEntryId
    ];

    #[test]
    fn x500_row_layout() {
        let mut bytes = vec![0x51, 0x06, 0x0A, 0x00];
        bytes.extend_from_slice(b"/o=Org/cn=a\0");
        bytes.extend_from_slice(&[b'A', 0, 0, 0]); // DisplayName "A" (U set)
        bytes.extend_from_slice(&[b's', 0, 0, 0]); // SimpleDisplayName "s" (I set)
        bytes.extend_from_slice(&[1, 0, 0]); // RecipientColumnCount 1, standard row flag
        bytes.extend_from_slice(&[b'x', 0, 0, 0]);
        let row = decode_all(&bytes, |i| RecipientRow::decode_with(&COLS, i)).unwrap();
        assert_eq!(row.flags.address_type(), RecipientAddressType::X500_DN);
        assert_eq!(
            row.x500,
            Some(X500Recipient {
                address_prefix_used: 0x0A,
                display_type: 0,
                x500_dn: "/o=Org/cn=a".into()
            })
        );
        assert_eq!(row.display_name, Some(RecipientString::Unicode("A".into())));
        assert_eq!(
            row.simple_display_name,
            Some(RecipientString::Unicode("s".into()))
        );
        let mut out = Vec::new();
        row.encode_with(&COLS, &mut out).unwrap();
        assert_eq!(out, bytes);
    }

    #[test]
    fn distribution_list_and_address_type_rows() {
        // PersonalDistributionList2, 8-bit display name.
        let bytes = [0x17, 0x00, 2, 0, 0xAA, 0xBB, 1, 0, 0xCC, b'L', 0, 0, 0, 0];
        let row = decode_all(&bytes, |i| RecipientRow::decode_with(&COLS, i)).unwrap();
        assert_eq!(
            row.distribution_list,
            Some(DistributionListRecipient {
                entry_id: vec![0xAA, 0xBB],
                search_key: vec![0xCC]
            })
        );
        assert_eq!(
            row.display_name,
            Some(RecipientString::String8(String8::from_bytes(b"L".to_vec())))
        );
        // NoType with O: AddressType, then an 8-bit EmailAddress.
        let bytes = [0x08, 0x80, b'X', 0, b'e', 0, 0, 0, 0];
        let row = decode_all(&bytes, |i| RecipientRow::decode_with(&COLS, i)).unwrap();
        assert_eq!(row.address_type, Some(String8::from_bytes(b"X".to_vec())));
        let mut out = Vec::new();
        row.encode_with(&COLS, &mut out).unwrap();
        assert_eq!(out, bytes);
        // Type SMTP with O: no AddressType field.
        let bytes = [0x03, 0x80, 0, 0, 0];
        let row = decode_all(&bytes, |i| RecipientRow::decode_with(&COLS, i)).unwrap();
        assert_eq!(row.address_type, None);
    }

    #[test]
    fn recipient_row_errors_are_typed() {
        // RecipientColumnCount larger than the columns.
        let err = decode_all(&[0x00, 0x00, 4, 0, 0], |i| {
            RecipientRow::decode_with(&COLS, i)
        })
        .unwrap_err();
        assert_eq!(err.structure, "RecipientRow");
        assert!(matches!(
            err.kind,
            ErrorKind::InvalidValue {
                field: "RecipientColumnCount",
                value: 4
            }
        ));
        // A RecipientRowSize larger than the input.
        let err = decode_all(&[1, 0xE4, 4, 0, 0, 0xFF, 0x7F, 0], |i| {
            OpenRecipientRow::decode_with(&COLS, i)
        })
        .unwrap_err();
        assert!(matches!(err.kind, ErrorKind::LengthExceedsInput { .. }));
        // A row shorter than its RecipientRowSize: trailing bytes, offset in the whole input.
        let err = decode_all(&[1, 0xE4, 4, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0xEE, 0xEE], |i| {
            OpenRecipientRow::decode_with(&COLS, i)
        })
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::TrailingBytes { count: 2 });
        assert_eq!(err.offset, 12);
        // Flags and fields that disagree refuse to encode.
        let mut row = decode_all(&[0x03, 0x00, 0, 0, 0], |i| {
            RecipientRow::decode_with(&COLS, i)
        })
        .unwrap();
        row.display_name = Some(RecipientString::Unicode("x".into()));
        assert!(row.encode_with(&COLS, &mut Vec::new()).is_err());
        row.flags = RecipientFlags(0x0013);
        assert!(row.encode_with(&COLS, &mut Vec::new()).is_err()); // 8-bit flag, Unicode text
        row.flags = RecipientFlags(0x0213);
        assert!(row.encode_with(&COLS, &mut Vec::new()).is_ok());
        row.properties = PropertyRow::Standard(StandardPropertyRow {
            values: vec![PropertyValue::string("a"); 4],
        });
        assert!(row.encode_with(&COLS, &mut Vec::new()).is_err());
    }

    #[test]
    fn read_recipients_needs_columns() {
        let req = ReadRecipientsRequest {
            logon_id: 0,
            input_handle_index: 1,
            row_id: 0,
            reserved: 0,
        };
        let ok = [1, 0, 0, 0, 0, 0];
        let err = decode_all(&ok, |i| req.decode_response(&NO_CTX, i)).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)));
        // A failure needs no columns.
        let failed = [1, 0x0F, 0x01, 0x04, 0x80];
        assert_eq!(
            decode_all(&failed, |i| req.decode_response(&NO_CTX, i)).unwrap(),
            ReadRecipientsResponse::Failure(ResponseHeader {
                handle_index: 1,
                return_value: ErrorCode(0x8004_010F)
            })
        );
        let ctx = ResponseContext {
            table_columns: Some(&COLS),
        };
        assert_eq!(
            decode_all(&ok, |i| req.decode_response(&ctx, i)).unwrap(),
            ReadRecipientsResponse::Success {
                input_handle_index: 1,
                recipient_rows: vec![]
            }
        );
    }

    #[test]
    fn set_message_read_flag_client_data_by_logon() {
        let private = [0, 1, 2, 0x04];
        let r: SetMessageReadFlagRequest =
            decode_all(&private, |i| SetMessageReadFlagRequest::decode_request(i)).unwrap();
        assert_eq!(r.client_data, None);
        let mut public = private.to_vec();
        public.extend_from_slice(&[7; 24]);
        let r = decode_all(&public, |i| {
            SetMessageReadFlagRequest::decode_request_with(true, i)
        })
        .unwrap();
        assert_eq!(r.client_data, Some([7; 24]));
        assert_eq!(enc_req(&r), public);
    }

    #[test]
    fn hostile_counts_fail_before_allocating() {
        // RopSetReadFlags with MessageIdCount 0xFFFF and no ids.
        let err = decode_all(
            &[0, 1, 0, 0, 0xFF, 0xFF],
            SetReadFlagsRequest::decode_request,
        )
        .unwrap_err();
        assert!(matches!(err.kind, ErrorKind::LengthExceedsInput { .. }));
        // RopOpenMessage response with RowCount 255 and nothing after it.
        let req = OpenMessageRequest {
            logon_id: 0,
            input_handle_index: 0,
            output_handle_index: 1,
            code_page_id: 0,
            folder_id: FolderId(1),
            open_mode_flags: OpenModeFlags::READ_ONLY,
            message_id: MessageId(2),
        };
        let bytes = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF];
        let err = decode_all(&bytes, |i| req.decode_response(&NO_CTX, i)).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::LengthExceedsInput { .. }));
    }

    // ----- generated values -----------------------------------------------------------------

    fn arb_text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 @.é€]{0,12}"
    }

    fn arb_string8() -> impl Strategy<Value = String8> {
        proptest::collection::vec(1u8..=255, 0..12).prop_map(String8::from_bytes)
    }

    fn arb_props() -> impl Strategy<Value = PropertyRow> {
        (0usize..=3, arb_text(), any::<i32>(), any::<bool>()).prop_map(|(n, s, v, flagged)| {
            let all = [
                PropertyValue::string(s),
                PropertyValue::Integer32(v),
                PropertyValue::binary(vec![1, 2, 3]),
            ];
            let values: Vec<_> = all.into_iter().take(n).collect();
            if flagged {
                let mut f: Vec<_> = values
                    .into_iter()
                    .map(FlaggedPropertyValue::Value)
                    .collect();
                if let Some(first) = f.first_mut() {
                    *first =
                        FlaggedPropertyValue::Error(PropertyType(0x001F), ErrorCode(0x8004_010F));
                }
                PropertyRow::Flagged(FlaggedPropertyRow { values: f })
            } else {
                PropertyRow::Standard(StandardPropertyRow { values })
            }
        })
    }

    fn arb_rstring(unicode: bool) -> BoxedStrategy<RecipientString> {
        if unicode {
            arb_text().prop_map(RecipientString::Unicode).boxed()
        } else {
            arb_string8().prop_map(RecipientString::String8).boxed()
        }
    }

    fn arb_recipient_row() -> impl Strategy<Value = RecipientRow> {
        any::<u16>().prop_flat_map(|bits| {
            let flags = RecipientFlags(bits);
            let ty = flags.address_type();
            let unicode = flags.has(RecipientFlags::UNICODE);
            let opt = move |bit: RecipientFlags| {
                if flags.has(bit) {
                    arb_rstring(unicode).prop_map(Some).boxed()
                } else {
                    Just(None).boxed()
                }
            };
            let x500 = if ty == RecipientAddressType::X500_DN {
                (any::<u8>(), any::<u8>(), "[ -~&&[^\0]]{0,20}")
                    .prop_map(|(a, d, dn)| {
                        Some(X500Recipient {
                            address_prefix_used: a,
                            display_type: d,
                            x500_dn: dn,
                        })
                    })
                    .boxed()
            } else {
                Just(None).boxed()
            };
            let dl = if ty.is_distribution_list() {
                (
                    proptest::collection::vec(any::<u8>(), 0..30),
                    proptest::collection::vec(any::<u8>(), 0..20),
                )
                    .prop_map(|(e, s)| {
                        Some(DistributionListRecipient {
                            entry_id: e,
                            search_key: s,
                        })
                    })
                    .boxed()
            } else {
                Just(None).boxed()
            };
            let at =
                if ty == RecipientAddressType::NO_TYPE && flags.has(RecipientFlags::NON_STANDARD) {
                    arb_string8().prop_map(Some).boxed()
                } else {
                    Just(None).boxed()
                };
            (
                x500,
                dl,
                at,
                opt(RecipientFlags::EMAIL),
                opt(RecipientFlags::DISPLAY),
                opt(RecipientFlags::SIMPLE),
                opt(RecipientFlags::TRANSMITTABLE),
                arb_props(),
            )
                .prop_map(
                    move |(x500, distribution_list, address_type, e, d, s, t, p)| RecipientRow {
                        flags,
                        x500,
                        distribution_list,
                        address_type,
                        email_address: e,
                        display_name: d,
                        simple_display_name: s,
                        transmittable_display_name: t,
                        properties: p,
                    },
                )
        })
    }

    fn arb_open_row() -> impl Strategy<Value = OpenRecipientRow> {
        (any::<u8>(), any::<u16>(), any::<u16>(), arb_recipient_row()).prop_map(
            |(t, cp, r, row)| OpenRecipientRow {
                recipient_type: RecipientType(t),
                code_page_id: cp,
                reserved: r,
                row,
            },
        )
    }

    fn arb_typed_string() -> impl Strategy<Value = TypedString> {
        prop_oneof![
            Just(TypedString::NoString),
            Just(TypedString::Empty),
            arb_string8().prop_map(TypedString::String8),
            "[a-z]{1,8}".prop_map(TypedString::ReducedUnicode),
            arb_text().prop_map(TypedString::Unicode),
        ]
    }

    fn arb_message_info() -> impl Strategy<Value = MessageInfo> {
        (
            any::<bool>(),
            arb_typed_string(),
            arb_typed_string(),
            any::<u16>(),
            proptest::collection::vec(arb_open_row(), 0..3),
        )
            .prop_map(|(h, p, s, c, rows)| MessageInfo {
                has_named_properties: h,
                subject_prefix: p,
                normalized_subject: s,
                recipient_count: c,
                recipient_columns: COLS.to_vec(),
                recipient_rows: rows,
            })
    }

    fn arb_failure() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), 1u32..).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }

    fn arb_header() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), any::<u32>()).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn recipient_row_round_trip(row in arb_recipient_row()) {
            let mut out = Vec::new();
            row.encode_with(&COLS, &mut out).unwrap();
            let back = decode_all(&out, |i| RecipientRow::decode_with(&COLS, i)).unwrap();
            prop_assert_eq!(back, row);
        }

        #[test]
        fn open_message_round_trip(
            ids in any::<(u8, u8, u8, u16, u64, u8, u64)>(),
            h in any::<u8>(),
            message in arb_message_info(),
            fail in arb_failure(),
        ) {
            let req = OpenMessageRequest {
                logon_id: ids.0, input_handle_index: ids.1, output_handle_index: ids.2,
                code_page_id: ids.3, folder_id: FolderId(ids.4),
                open_mode_flags: OpenModeFlags(ids.5), message_id: MessageId(ids.6),
            };
            check_request(&req);
            check_response(&req, &OpenMessageResponse::Success { output_handle_index: h, message }, &NO_CTX);
            check_response(&req, &OpenMessageResponse::Failure(fail), &NO_CTX);
        }

        #[test]
        fn reload_and_embedded_round_trip(
            ids in any::<(u8, u8, u8, u16, u8, u8, u64)>(),
            message in arb_message_info(),
            fail in arb_failure(),
        ) {
            let req = ReloadCachedInformationRequest {
                logon_id: ids.0, input_handle_index: ids.1, reserved: ids.3,
            };
            check_request(&req);
            check_response(&req, &ReloadCachedInformationResponse::Success {
                input_handle_index: ids.1, message: message.clone() }, &NO_CTX);
            check_response(&req, &ReloadCachedInformationResponse::Failure(fail), &NO_CTX);
            let req = OpenEmbeddedMessageRequest {
                logon_id: ids.0, input_handle_index: ids.1, output_handle_index: ids.2,
                code_page_id: ids.3, open_mode_flags: OpenModeFlags(ids.4),
            };
            check_request(&req);
            check_response(&req, &OpenEmbeddedMessageResponse::Success {
                output_handle_index: ids.2, reserved: ids.5, message_id: MessageId(ids.6), message,
            }, &NO_CTX);
            check_response(&req, &OpenEmbeddedMessageResponse::Failure(fail), &NO_CTX);
        }

        #[test]
        fn create_and_save_round_trip(
            ids in any::<(u8, u8, u8, u16, u64, bool, u8)>(),
            mid in proptest::option::of(any::<u64>()),
            fail in arb_failure(),
        ) {
            let req = CreateMessageRequest {
                logon_id: ids.0, input_handle_index: ids.1, output_handle_index: ids.2,
                code_page_id: ids.3, folder_id: FolderId(ids.4), associated: ids.5,
            };
            check_request(&req);
            check_response(&req, &CreateMessageResponse::Success {
                output_handle_index: ids.2, message_id: mid.map(MessageId) }, &NO_CTX);
            check_response(&req, &CreateMessageResponse::Failure(fail), &NO_CTX);
            let req = SaveChangesMessageRequest {
                logon_id: ids.0, response_handle_index: ids.1, input_handle_index: ids.2,
                save_flags: SaveFlags(ids.6),
            };
            check_request(&req);
            check_response(&req, &SaveChangesMessageResponse::Success {
                response_handle_index: ids.1, input_handle_index: ids.2,
                message_id: MessageId(ids.4) }, &NO_CTX);
            check_response(&req, &SaveChangesMessageResponse::Failure(fail), &NO_CTX);
        }

        #[test]
        fn recipients_round_trip(
            ids in any::<(u8, u8, u32, u16)>(),
            rows in proptest::collection::vec(
                (any::<u32>(), any::<u8>(), proptest::option::of(arb_recipient_row())), 0..4),
            read_rows in proptest::collection::vec(
                (any::<u32>(), arb_open_row()), 0..3),
            header in arb_header(),
            fail in arb_failure(),
        ) {
            let req = RemoveAllRecipientsRequest {
                logon_id: ids.0, input_handle_index: ids.1, reserved: ids.2,
            };
            check_request(&req);
            check_response(&req, &header, &NO_CTX);
            let req = ModifyRecipientsRequest {
                logon_id: ids.0, input_handle_index: ids.1, recipient_columns: COLS.to_vec(),
                recipient_rows: rows.into_iter().map(|(row_id, t, row)| ModifyRecipientRow {
                    row_id, recipient_type: RecipientType(t), row }).collect(),
            };
            check_request(&req);
            check_response(&req, &header, &NO_CTX);
            let req = ReadRecipientsRequest {
                logon_id: ids.0, input_handle_index: ids.1, row_id: ids.2, reserved: ids.3,
            };
            check_request(&req);
            let ctx = ResponseContext { table_columns: Some(&COLS) };
            let recipient_rows = read_rows.into_iter().map(|(row_id, r)| ReadRecipientRow {
                row_id, recipient_type: r.recipient_type, code_page_id: r.code_page_id,
                reserved: r.reserved, row: r.row }).collect();
            check_response(&req, &ReadRecipientsResponse::Success {
                input_handle_index: ids.1, recipient_rows }, &ctx);
            check_response(&req, &ReadRecipientsResponse::Failure(fail), &ctx);
        }

        #[test]
        fn status_and_read_flags_round_trip(
            ids in any::<(u8, u8, u8, u64, u32, u32, bool)>(),
            mids in proptest::collection::vec(any::<u64>(), 0..5),
            change in proptest::option::of((any::<u8>(), any::<[u8; 24]>())),
            header in arb_header(),
            fail in arb_failure(),
        ) {
            let ok = MessageStatusResponse::Success {
                input_handle_index: ids.1, message_status_flags: MessageStatusFlags(ids.4) };
            let req = SetMessageStatusRequest {
                logon_id: ids.0, input_handle_index: ids.1, message_id: MessageId(ids.3),
                message_status_flags: MessageStatusFlags(ids.4),
                message_status_mask: MessageStatusFlags(ids.5),
            };
            check_request(&req);
            check_response(&req, &ok, &NO_CTX);
            check_response(&req, &MessageStatusResponse::Failure(fail), &NO_CTX);
            let req = GetMessageStatusRequest {
                logon_id: ids.0, input_handle_index: ids.1, message_id: MessageId(ids.3),
            };
            check_request(&req);
            check_response(&req, &ok, &NO_CTX);
            check_response(&req, &MessageStatusResponse::Failure(fail), &NO_CTX);
            let req = SetReadFlagsRequest {
                logon_id: ids.0, input_handle_index: ids.1, want_asynchronous: ids.6,
                read_flags: ReadFlags(ids.2), message_ids: mids.into_iter().map(MessageId).collect(),
            };
            check_request(&req);
            check_response(&req, &SetReadFlagsResponse { header, partial_completion: ids.6 }, &NO_CTX);
            let req = SetMessageReadFlagRequest {
                logon_id: ids.0, response_handle_index: ids.1, input_handle_index: ids.2,
                read_flags: ReadFlags(ids.2), client_data: None,
            };
            check_request(&req);
            check_response(&req, &SetMessageReadFlagResponse::Success {
                response_handle_index: ids.1,
                read_status_changed: change.map(|(logon_id, client_data)| ReadStatusChange {
                    logon_id, client_data }),
            }, &NO_CTX);
            check_response(&req, &SetMessageReadFlagResponse::Failure(fail), &NO_CTX);
        }

        #[test]
        fn attachments_round_trip(
            ids in any::<(u8, u8, u8, u8, u32)>(),
            att in proptest::collection::vec(any::<u32>(), 0..6),
            header in arb_header(),
            fail in arb_failure(),
        ) {
            let req = GetAttachmentTableRequest {
                logon_id: ids.0, input_handle_index: ids.1, output_handle_index: ids.2,
                table_flags: AttachmentTableFlags(ids.3),
            };
            check_request(&req);
            check_response(&req, &header, &NO_CTX);
            prop_assert_eq!(req.output_handle_index(), Some(ids.2));
            let req = OpenAttachmentRequest {
                logon_id: ids.0, input_handle_index: ids.1, output_handle_index: ids.2,
                open_attachment_flags: OpenAttachmentFlags(ids.3), attachment_id: ids.4,
            };
            check_request(&req);
            check_response(&req, &header, &NO_CTX);
            let req = CreateAttachmentRequest {
                logon_id: ids.0, input_handle_index: ids.1, output_handle_index: ids.2,
            };
            check_request(&req);
            check_response(&req, &CreateAttachmentResponse::Success {
                output_handle_index: ids.2, attachment_id: ids.4 }, &NO_CTX);
            check_response(&req, &CreateAttachmentResponse::Failure(fail), &NO_CTX);
            let req = DeleteAttachmentRequest {
                logon_id: ids.0, input_handle_index: ids.1, attachment_id: ids.4,
            };
            check_request(&req);
            check_response(&req, &header, &NO_CTX);
            let req = SaveChangesAttachmentRequest {
                logon_id: ids.0, response_handle_index: ids.1, input_handle_index: ids.2,
                save_flags: SaveFlags(ids.3),
            };
            check_request(&req);
            check_response(&req, &header, &NO_CTX);
            let req = GetValidAttachmentsRequest { logon_id: ids.0, input_handle_index: ids.1 };
            check_request(&req);
            check_response(&req, &GetValidAttachmentsResponse::Success {
                input_handle_index: ids.1, attachment_ids: att }, &NO_CTX);
            check_response(&req, &GetValidAttachmentsResponse::Failure(fail), &NO_CTX);
        }

        /// Garbage never panics: every decoder returns a value or a typed error.
        #[test]
        fn garbage_does_not_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let ctx = ResponseContext { table_columns: Some(&COLS) };
            let _ = RecipientRow::decode_with(&COLS, &bytes);
            let _ = MessageInfo::decode(&bytes);
            let _ = ModifyRecipientsRequest::decode_request(&bytes);
            let _ = SetReadFlagsRequest::decode_request(&bytes);
            let _ = SetMessageReadFlagRequest::decode_request_with(true, &bytes);
            if let Ok((_, r)) = OpenMessageRequest::decode_request(&bytes) {
                let _ = r.decode_response(&ctx, &bytes);
            }
            let r = ReadRecipientsRequest { logon_id: 0, input_handle_index: 0, row_id: 0, reserved: 0 };
            let _ = r.decode_response(&ctx, &bytes);
            let r = OpenEmbeddedMessageRequest {
                logon_id: 0, input_handle_index: 0, output_handle_index: 1, code_page_id: 0,
                open_mode_flags: OpenModeFlags::READ_ONLY };
            let _ = r.decode_response(&ctx, &bytes);
            let r = GetValidAttachmentsRequest { logon_id: 0, input_handle_index: 0 };
            let _ = r.decode_response(&ctx, &bytes);
        }
    }
}
