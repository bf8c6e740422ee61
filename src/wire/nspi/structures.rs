//! The structures shared by the address book bodies: MS-OXCMAPIHTTP 2.2.1 (the AddressBook*
//! property structures, LargePropertyTagArray) and MS-OXNSPI 2.2 (STAT, Minimal Entry IDs).
//!
//! Every count in these bodies is 32 bits wide (MS-OXCDATA 2.11.1), so the property values are
//! read with [`CountWidth::U32`]; what differs from the ROP forms is the HasValue byte in front
//! of variable-size values (2.2.1.1), which lets a server say "no value" without a flagged row.

use bytes::BufMut;
use serde::Serialize;
use uuid::Uuid;

use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{
    CountWidth, Wire, ascii_z, bool8, check_count, cstr8, i32 as le_i32, put_ascii_z, put_guid,
    put_utf16z, take, take_len, u8 as le_u8, u16 as le_u16, u32 as le_u32, utf16z,
};
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue};

/// The count width of every NSPI body (MS-OXCDATA 2.11.1).
pub const NSPI_WIDTH: CountWidth = CountWidth::U32;

/// The byte written for `true` in the Has... fields. The recorded server sends 0xFF, clients
/// 0x01; any nonzero byte reads as true (MS-OXCMAPIHTTP Boolean fields).
pub(crate) const HAS_TRUE: u8 = 0x01;

/// The byte written for a present HasValue (2.2.1.1). Exchange and the recorded server both
/// send 0xFF here, so we do too.
pub const HAS_VALUE_TRUE: u8 = 0xFF;

/// Reads a u32 count and fails unless `count` items of `min` bytes can fit.
pub(crate) fn count<'a>(input: &'a [u8], min: usize, field: &'static str) -> PResult<'a, usize> {
    let (rest, n) = le_u32(input)?;
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    check_count(rest, n, min, field)?;
    Ok((rest, n))
}

/// Writes a u32 count.
pub(crate) fn put_count<B: BufMut>(
    out: &mut B,
    n: usize,
    structure: &'static str,
    field: &'static str,
) -> Result<(), EncodeError> {
    NSPI_WIDTH.put(out, n, structure, field)
}

/// Reads `n` items (count already checked).
pub(crate) fn items<'a, T>(
    mut input: &'a [u8],
    n: usize,
    mut item: impl FnMut(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, Vec<T>> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let (rest, v) = item(input)?;
        input = rest;
        out.push(v);
    }
    Ok((input, out))
}

/// Reads a Has... byte and, when it is nonzero, the field behind it.
pub(crate) fn optional<'a, T>(
    input: &'a [u8],
    field: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, Option<T>> {
    let (i, has) = bool8(input)?;
    if has {
        let (i, v) = field(i)?;
        Ok((i, Some(v)))
    } else {
        Ok((i, None))
    }
}

/// Writes a Has... byte and the field when present.
pub(crate) fn put_optional<B: BufMut, T>(
    out: &mut B,
    value: &Option<T>,
    field: impl FnOnce(&mut B, &T) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    match value {
        Some(v) => {
            out.put_u8(HAS_TRUE);
            field(out, v)
        }
        None => {
            out.put_u8(0);
            Ok(())
        }
    }
}

/// Reads AuxiliaryBufferSize + AuxiliaryBuffer.
pub(crate) fn aux(input: &[u8]) -> PResult<'_, Vec<u8>> {
    let (rest, n) = le_u32(input)?;
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    let (rest, b) = take_len(rest, n, "AuxiliaryBufferSize")?;
    Ok((rest, b.to_vec()))
}

/// Writes AuxiliaryBufferSize + AuxiliaryBuffer.
pub(crate) fn put_aux<B: BufMut>(
    out: &mut B,
    bytes: &[u8],
    structure: &'static str,
) -> Result<(), EncodeError> {
    put_count(out, bytes.len(), structure, "AuxiliaryBufferSize")?;
    out.put_slice(bytes);
    Ok(())
}

/// MS-OXNSPI 2.2.8 STAT: the position and locale state of a table in the address book, sent
/// and returned by most requests (36 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Stat {
    /// SortType: 0 display name, 1 phonetic display name, 2 display name ascending ...
    pub sort_type: u32,
    /// ContainerID: the Minimal Entry ID of the address book container (0 = the GAL).
    pub container_id: u32,
    /// CurrentRec: the Minimal Entry ID of the current row (0 = beginning, 2 = end of table).
    pub current_rec: u32,
    /// Delta: the movement from CurrentRec to apply.
    pub delta: i32,
    /// NumPos: the approximate fractional position in the table.
    pub num_pos: u32,
    /// TotalRecs: the number of rows in the table.
    pub total_recs: u32,
    /// CodePage for the 8-bit strings of the session.
    pub code_page: u32,
    /// TemplateLocale: the LCID of templates.
    pub template_locale: u32,
    /// SortLocale: the LCID used for sorting.
    pub sort_locale: u32,
}

impl Stat {
    /// The wire size of a STAT.
    pub const SIZE: usize = 36;
    /// MID_BEGINNING_OF_TABLE (MS-OXNSPI 2.2.1.8).
    pub const MID_BEGINNING_OF_TABLE: u32 = 0;
    /// MID_END_OF_TABLE.
    pub const MID_END_OF_TABLE: u32 = 2;
    /// MID_CURRENT.
    pub const MID_CURRENT: u32 = 1;
}

impl Wire for Stat {
    const NAME: &'static str = "STAT";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, sort_type) = le_u32(i)?;
            let (i, container_id) = le_u32(i)?;
            let (i, current_rec) = le_u32(i)?;
            let (i, delta) = le_i32(i)?;
            let (i, num_pos) = le_u32(i)?;
            let (i, total_recs) = le_u32(i)?;
            let (i, code_page) = le_u32(i)?;
            let (i, template_locale) = le_u32(i)?;
            let (i, sort_locale) = le_u32(i)?;
            Ok((
                i,
                Stat {
                    sort_type,
                    container_id,
                    current_rec,
                    delta,
                    num_pos,
                    total_recs,
                    code_page,
                    template_locale,
                    sort_locale,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u32_le(self.sort_type);
        out.put_u32_le(self.container_id);
        out.put_u32_le(self.current_rec);
        out.put_i32_le(self.delta);
        out.put_u32_le(self.num_pos);
        out.put_u32_le(self.total_recs);
        out.put_u32_le(self.code_page);
        out.put_u32_le(self.template_locale);
        out.put_u32_le(self.sort_locale);
        Ok(())
    }
}

/// Whether an AddressBookPropertyValue of type `ty` starts with a HasValue byte
/// (MS-OXCMAPIHTTP 2.2.1.1: PtypString, PtypString8, PtypBinary and the multi-valued types).
pub fn has_value_field(ty: PropertyType) -> bool {
    ty == PropertyType::STRING
        || ty == PropertyType::STRING8
        || ty == PropertyType::BINARY
        || ty.is_multiple()
}

/// MS-OXCMAPIHTTP 2.2.1.1 AddressBookPropertyValue: a property value laid out by a type the
/// context supplies, with 32-bit counts, preceded by HasValue for the variable-size types.
///
/// `value` is `None` only for a variable-size type whose HasValue was 0 (the recorded server
/// sends PidTagDisplayName of the GAL this way in GetSpecialTable).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct AddressBookPropertyValue {
    /// The value, absent when HasValue was 0.
    pub value: Option<PropertyValue>,
}

impl AddressBookPropertyValue {
    const NAME: &'static str = "AddressBookPropertyValue";

    /// A present value.
    pub fn new(value: PropertyValue) -> Self {
        AddressBookPropertyValue { value: Some(value) }
    }

    /// Decodes a value of type `ty`.
    pub fn decode_with(ty: PropertyType, input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let i = if has_value_field(ty) {
                let (i, has) = bool8(i)?;
                if !has {
                    return Ok((i, AddressBookPropertyValue { value: None }));
                }
                i
            } else {
                i
            };
            let (i, v) = PropertyValue::decode_with(ty, NSPI_WIDTH, i)?;
            Ok((i, AddressBookPropertyValue::new(v)))
        })
    }

    /// Encodes the value as type `ty`; the value must have that type.
    pub fn encode_with<B: BufMut>(&self, ty: PropertyType, out: &mut B) -> Result<(), EncodeError> {
        match &self.value {
            Some(v) => {
                if v.prop_type() != ty {
                    return Err(EncodeError::Invalid {
                        structure: Self::NAME,
                        reason: "the value's type differs from the type it is written as",
                    });
                }
                if has_value_field(ty) {
                    out.put_u8(HAS_VALUE_TRUE);
                }
                v.encode_with(NSPI_WIDTH, out)
            }
            None if has_value_field(ty) => {
                out.put_u8(0);
                Ok(())
            }
            None => Err(EncodeError::Invalid {
                structure: Self::NAME,
                reason: "only string, binary and multi-valued types can be without a value",
            }),
        }
    }
}

/// MS-OXCMAPIHTTP 2.2.1.2 AddressBookTaggedPropertyValue: a property tag, then an
/// AddressBookPropertyValue of the tag's type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AddressBookTaggedPropertyValue {
    /// The property tag; its type lays out the value.
    pub tag: PropertyTag,
    /// The value.
    pub value: AddressBookPropertyValue,
}

impl Wire for AddressBookTaggedPropertyValue {
    const NAME: &'static str = "AddressBookTaggedPropertyValue";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, tag) = PropertyTag::decode(i)?;
            let (i, value) = AddressBookPropertyValue::decode_with(tag.prop_type(), i)?;
            Ok((i, AddressBookTaggedPropertyValue { tag, value }))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u32_le(self.tag.0);
        self.value.encode_with(self.tag.prop_type(), out)
    }
}

/// MS-OXCMAPIHTTP 2.2.1.3 AddressBookPropertyValueList: PropertyValueCount (4 bytes), then
/// that many AddressBookTaggedPropertyValue structures.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct AddressBookPropertyValueList(pub Vec<AddressBookTaggedPropertyValue>);

impl Wire for AddressBookPropertyValueList {
    const NAME: &'static str = "AddressBookPropertyValueList";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, n) = count(i, 4, "PropertyValueCount")?;
            let (i, v) = items(i, n, AddressBookTaggedPropertyValue::decode)?;
            Ok((i, AddressBookPropertyValueList(v)))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        put_count(out, self.0.len(), Self::NAME, "PropertyValueCount")?;
        for v in &self.0 {
            v.encode(out)?;
        }
        Ok(())
    }
}

/// MS-OXCMAPIHTTP 2.2.1.4 AddressBookTypedPropertyValue: a property type (2 bytes), then an
/// AddressBookPropertyValue of that type. Rows use it for PtypUnspecified columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AddressBookTypedPropertyValue {
    /// The type of the value.
    pub prop_type: PropertyType,
    /// The value.
    pub value: AddressBookPropertyValue,
}

impl Wire for AddressBookTypedPropertyValue {
    const NAME: &'static str = "AddressBookTypedPropertyValue";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, ty) = le_u16(i)?;
            let prop_type = PropertyType(ty);
            let (i, value) = AddressBookPropertyValue::decode_with(prop_type, i)?;
            Ok((i, AddressBookTypedPropertyValue { prop_type, value }))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u16_le(self.prop_type.0);
        self.value.encode_with(self.prop_type, out)
    }
}

/// MS-OXCMAPIHTTP 2.2.1.5 AddressBookFlaggedPropertyValue: Flag 0x0 (a value of the type the
/// context implies follows), 0x1 (nothing follows) or 0xA (a PtypErrorCode follows).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum AddressBookFlaggedPropertyValue {
    /// Flag 0x0: the value.
    Value(AddressBookPropertyValue),
    /// Flag 0x1: no value.
    Missing,
    /// Flag 0xA: why the value is missing.
    Error(ErrorCode),
}

impl AddressBookFlaggedPropertyValue {
    const NAME: &'static str = "AddressBookFlaggedPropertyValue";

    /// Decodes a flagged value whose value (flag 0x0) has type `ty`.
    pub fn decode_with(ty: PropertyType, input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (rest, flag) = le_u8(i)?;
            match flag {
                0x0 => {
                    let (rest, v) = AddressBookPropertyValue::decode_with(ty, rest)?;
                    Ok((rest, Self::Value(v)))
                }
                0x1 => Ok((rest, Self::Missing)),
                0xA => {
                    let (rest, e) = le_u32(rest)?;
                    Ok((rest, Self::Error(ErrorCode(e))))
                }
                other => fail(
                    i,
                    Self::NAME,
                    ErrorKind::InvalidValue {
                        field: "Flag",
                        value: u64::from(other),
                    },
                ),
            }
        })
    }

    /// Encodes the flagged value with a value (flag 0x0) of type `ty`.
    pub fn encode_with<B: BufMut>(&self, ty: PropertyType, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Value(v) => {
                out.put_u8(0x0);
                v.encode_with(ty, out)
            }
            Self::Missing => {
                out.put_u8(0x1);
                Ok(())
            }
            Self::Error(e) => {
                out.put_u8(0xA);
                out.put_u32_le(e.0);
                Ok(())
            }
        }
    }
}

/// MS-OXCMAPIHTTP 2.2.1.6 AddressBookFlaggedPropertyValueWithType: a property type (2 bytes),
/// then an AddressBookFlaggedPropertyValue of that type. Flagged rows use it for
/// PtypUnspecified columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AddressBookFlaggedPropertyValueWithType {
    /// The type of the value.
    pub prop_type: PropertyType,
    /// The flagged value.
    pub value: AddressBookFlaggedPropertyValue,
}

impl Wire for AddressBookFlaggedPropertyValueWithType {
    const NAME: &'static str = "AddressBookFlaggedPropertyValueWithType";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, ty) = le_u16(i)?;
            let prop_type = PropertyType(ty);
            let (i, value) = AddressBookFlaggedPropertyValue::decode_with(prop_type, i)?;
            Ok((
                i,
                AddressBookFlaggedPropertyValueWithType { prop_type, value },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u16_le(self.prop_type.0);
        self.value.encode_with(self.prop_type, out)
    }
}

/// MS-OXCMAPIHTTP 2.2.1.7 AddressBookPropertyRow: Flags (1 byte) then one value per column of
/// the column set the row belongs to. A PtypUnspecified column carries its own type on the wire;
/// other columns do not, and their values here carry the column's type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum AddressBookPropertyRow {
    /// Flags 0x0: AddressBookPropertyValue (or AddressBookTypedPropertyValue) per column.
    Standard(Vec<AddressBookTypedPropertyValue>),
    /// Flags 0x1: AddressBookFlaggedPropertyValue (or ...WithType) per column.
    Flagged(Vec<AddressBookFlaggedPropertyValueWithType>),
}

fn row_type_mismatch() -> EncodeError {
    EncodeError::Invalid {
        structure: "AddressBookPropertyRow",
        reason: "a value's type differs from its column's, or the row has a different number of values than there are columns",
    }
}

impl AddressBookPropertyRow {
    const NAME: &'static str = "AddressBookPropertyRow";

    /// Decodes a row laid out against `columns`.
    pub fn decode_with<'a>(columns: &[PropertyTag], input: &'a [u8]) -> PResult<'a, Self> {
        named(Self::NAME, input, |i| {
            let (mut i, flags) = le_u8(i)?;
            match flags {
                0x0 => {
                    let mut values = Vec::with_capacity(columns.len().min(i.len()));
                    for col in columns {
                        let ty = col.prop_type();
                        let (rest, v) = if ty == PropertyType::UNSPECIFIED {
                            AddressBookTypedPropertyValue::decode(i)?
                        } else {
                            let (rest, value) = AddressBookPropertyValue::decode_with(ty, i)?;
                            (
                                rest,
                                AddressBookTypedPropertyValue {
                                    prop_type: ty,
                                    value,
                                },
                            )
                        };
                        i = rest;
                        values.push(v);
                    }
                    Ok((i, Self::Standard(values)))
                }
                0x1 => {
                    let mut values = Vec::with_capacity(columns.len().min(i.len()));
                    for col in columns {
                        let ty = col.prop_type();
                        let (rest, v) = if ty == PropertyType::UNSPECIFIED {
                            AddressBookFlaggedPropertyValueWithType::decode(i)?
                        } else {
                            let (rest, value) =
                                AddressBookFlaggedPropertyValue::decode_with(ty, i)?;
                            (
                                rest,
                                AddressBookFlaggedPropertyValueWithType {
                                    prop_type: ty,
                                    value,
                                },
                            )
                        };
                        i = rest;
                        values.push(v);
                    }
                    Ok((i, Self::Flagged(values)))
                }
                other => fail(
                    input,
                    Self::NAME,
                    ErrorKind::InvalidValue {
                        field: "Flags",
                        value: u64::from(other),
                    },
                ),
            }
        })
    }

    /// Encodes the row against `columns`.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match self {
            Self::Standard(values) => {
                if values.len() != columns.len() {
                    return Err(row_type_mismatch());
                }
                out.put_u8(0x0);
                for (col, v) in columns.iter().zip(values) {
                    if col.prop_type() == PropertyType::UNSPECIFIED {
                        v.encode(out)?;
                    } else if col.prop_type() != v.prop_type {
                        return Err(row_type_mismatch());
                    } else {
                        v.value.encode_with(v.prop_type, out)?;
                    }
                }
            }
            Self::Flagged(values) => {
                if values.len() != columns.len() {
                    return Err(row_type_mismatch());
                }
                out.put_u8(0x1);
                for (col, v) in columns.iter().zip(values) {
                    if col.prop_type() == PropertyType::UNSPECIFIED {
                        v.encode(out)?;
                    } else if col.prop_type() != v.prop_type {
                        return Err(row_type_mismatch());
                    } else {
                        v.value.encode_with(v.prop_type, out)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// MS-OXCMAPIHTTP 2.2.1.8 LargePropertyTagArray: PropertyTagCount (4 bytes), then the tags.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct LargePropertyTagArray(pub Vec<PropertyTag>);

impl Wire for LargePropertyTagArray {
    const NAME: &'static str = "LargePropertyTagArray";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, n) = count(i, 4, "PropertyTagCount")?;
            let (i, v) = items(i, n, PropertyTag::decode)?;
            Ok((i, LargePropertyTagArray(v)))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        put_count(out, self.0.len(), Self::NAME, "PropertyTagCount")?;
        for t in &self.0 {
            out.put_u32_le(t.0);
        }
        Ok(())
    }
}

/// The columns and rows of a table response (QueryRows, GetMatches, SeekEntries,
/// ResolveNames: MS-OXCMAPIHTTP 2.2.5.x.2): Columns (a LargePropertyTagArray), RowCount
/// (4 bytes), then RowCount AddressBookPropertyRow structures laid out against the columns.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AddressBookRowSet {
    /// The columns of every row.
    pub columns: LargePropertyTagArray,
    /// The rows.
    pub rows: Vec<AddressBookPropertyRow>,
}

impl Wire for AddressBookRowSet {
    const NAME: &'static str = "AddressBookRowSet";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, columns) = LargePropertyTagArray::decode(i)?;
            let (i, n) = count(i, 1, "RowCount")?;
            let (i, rows) = items(i, n, |i| AddressBookPropertyRow::decode_with(&columns.0, i))?;
            Ok((i, AddressBookRowSet { columns, rows }))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.columns.encode(out)?;
        put_count(out, self.rows.len(), Self::NAME, "RowCount")?;
        for r in &self.rows {
            r.encode_with(&self.columns.0, out)?;
        }
        Ok(())
    }
}

/// MS-OXNSPI 2.2.9.1 MinimalEntryID arrays as the bodies carry them: a count (4 bytes), then
/// that many 4-byte Minimal Entry IDs (MinimalIdCount + MinimalIds, ExplicitTableCount +
/// ExplicitTable).
pub fn minimal_ids(input: &[u8]) -> PResult<'_, Vec<u32>> {
    named("MinimalEntryIDArray", input, |i| {
        let (i, n) = count(i, 4, "MinimalIdCount")?;
        items(i, n, le_u32)
    })
}

/// Writes a count and the Minimal Entry IDs.
pub fn put_minimal_ids<B: BufMut>(out: &mut B, ids: &[u32]) -> Result<(), EncodeError> {
    put_count(out, ids.len(), "MinimalEntryIDArray", "MinimalIdCount")?;
    for id in ids {
        out.put_u32_le(*id);
    }
    Ok(())
}

/// MS-OXCMAPIHTTP StringsArray (DNToMId Names): Count (4 bytes), then that many
/// null-terminated ASCII strings.
pub fn strings_array(input: &[u8]) -> PResult<'_, Vec<String>> {
    named("StringsArray", input, |i| {
        let (i, n) = count(i, 1, "Count")?;
        items(i, n, ascii_z)
    })
}

/// Writes a StringsArray.
pub fn put_strings_array<B: BufMut>(out: &mut B, strings: &[String]) -> Result<(), EncodeError> {
    put_count(out, strings.len(), "StringsArray", "Count")?;
    for s in strings {
        put_ascii_z(out, s, "StringsArray")?;
    }
    Ok(())
}

/// MS-OXCMAPIHTTP WStringsArray (ResolveNames Names): Count (4 bytes), then that many
/// null-terminated UTF-16LE strings.
pub fn wstrings_array(input: &[u8]) -> PResult<'_, Vec<String>> {
    named("WStringsArray", input, |i| {
        let (i, n) = count(i, 2, "Count")?;
        items(i, n, utf16z)
    })
}

/// Writes a WStringsArray.
pub fn put_wstrings_array<B: BufMut>(out: &mut B, strings: &[String]) -> Result<(), EncodeError> {
    put_count(out, strings.len(), "WStringsArray", "Count")?;
    for s in strings {
        put_utf16z(out, s, "WStringsArray")?;
    }
    Ok(())
}

/// MS-OXNSPI 2.2.9.2 EphemeralEntryID IDType.
pub const EPHEMERAL_ID_TYPE: u8 = 0x87;
/// MS-OXNSPI 2.2.9.3 PermanentEntryID IDType.
pub const PERMANENT_ID_TYPE: u8 = 0x00;
/// Bytes of an EphemeralEntryID (IDType, R1..R3, ProviderUID, R4, DisplayType, Mid).
pub const EPHEMERAL_ENTRY_ID_SIZE: usize = 32;
/// Bytes of a PermanentEntryID before its null-terminated DN (IDType, R1..R3, ProviderUID, R4,
/// DisplayTypeString).
pub const PERMANENT_ENTRY_ID_FIXED: usize = 28;

/// Reads one address book entry ID in the ModLinkAtt EntryIds field (MS-OXCMAPIHTTP 2.2.5.10.1),
/// where the entry IDs follow each other without a length: an EphemeralEntryID (IDType 0x87,
/// 32 bytes) or a PermanentEntryID (IDType 0x00, 28 bytes and a null-terminated DN).
pub fn entry_id(input: &[u8]) -> PResult<'_, Vec<u8>> {
    named("EntryID", input, |i| {
        let (_, id_type) = le_u8(i)?;
        let len = match id_type {
            EPHEMERAL_ID_TYPE => EPHEMERAL_ENTRY_ID_SIZE,
            PERMANENT_ID_TYPE => {
                let (after, _) = take(i, PERMANENT_ENTRY_ID_FIXED)?;
                let (_, dn) = cstr8(after)?;
                PERMANENT_ENTRY_ID_FIXED + dn.len() + 1
            }
            other => {
                return fail(
                    i,
                    "EntryID",
                    ErrorKind::InvalidValue {
                        field: "IDType",
                        value: u64::from(other),
                    },
                );
            }
        };
        let (rest, bytes) = take(i, len)?;
        Ok((rest, bytes.to_vec()))
    })
}

/// Checks that `bytes` is one entry ID [`entry_id`] reads back whole, then writes it.
pub fn put_entry_id<B: BufMut>(out: &mut B, bytes: &[u8]) -> Result<(), EncodeError> {
    match entry_id(bytes) {
        Ok(([], _)) => {
            out.put_slice(bytes);
            Ok(())
        }
        _ => Err(EncodeError::Invalid {
            structure: "EntryID",
            reason: "not one EphemeralEntryID or PermanentEntryID",
        }),
    }
}

/// MS-OXNSPI PropertyName_r as GetMatches carries it (PropertyNameGuid + PropertyNameId): a
/// named property to match on instead of the restriction's tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct PropertyNameR {
    /// PropertyNameGuid: the property set.
    pub guid: Uuid,
    /// PropertyNameId: the property's long ID in the set.
    pub id: u32,
}

impl Wire for PropertyNameR {
    const NAME: &'static str = "PropertyName_r";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, guid) = crate::wire::primitives::guid(i)?;
            let (i, id) = le_u32(i)?;
            Ok((i, PropertyNameR { guid, id }))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        put_guid(out, &self.guid);
        out.put_u32_le(self.id);
        Ok(())
    }
}
