//! Field codecs the body declarations in [`super::bodies`] are built from: one zero-sized type
//! per field layout, so that each body is a list of `name: Type => Layout` lines and cannot
//! disagree with itself between decoding and encoding.

use bytes::BufMut;
use uuid::Uuid;

use super::structures::{
    AddressBookPropertyValueList, aux, count, entry_id, items, minimal_ids, optional, put_aux,
    put_count, put_entry_id, put_minimal_ids, put_optional, put_strings_array, put_wstrings_array,
    strings_array, wstrings_array,
};
use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, PResult};
use crate::wire::primitives::{
    Wire, ascii_z, bool8, guid, i32 as le_i32, put_ascii_z, put_guid, put_utf16z, u32 as le_u32,
    utf16z,
};
use crate::wire::property::PropertyTag;
use crate::wire::restriction::Restriction;

/// A field layout for values of type `T`.
pub(crate) trait Field<T> {
    fn dec(input: &[u8]) -> PResult<'_, T>;
    fn enc<B: BufMut>(out: &mut B, v: &T) -> Result<(), EncodeError>;
}

/// A Has... byte and a Wire type.
pub(crate) struct Opt;
impl<T: Wire> Field<Option<T>> for Opt {
    fn dec(input: &[u8]) -> PResult<'_, Option<T>> {
        optional(input, T::decode)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<T>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, x| x.encode(o))
    }
}

/// A 4-byte unsigned integer.
pub(crate) struct U32;
impl Field<u32> for U32 {
    fn dec(input: &[u8]) -> PResult<'_, u32> {
        le_u32(input)
    }
    fn enc<B: BufMut>(out: &mut B, v: &u32) -> Result<(), EncodeError> {
        out.put_u32_le(*v);
        Ok(())
    }
}

/// A Has... byte and a 4-byte unsigned integer.
pub(crate) struct OptU32;
impl Field<Option<u32>> for OptU32 {
    fn dec(input: &[u8]) -> PResult<'_, Option<u32>> {
        optional(input, le_u32)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<u32>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, x| U32::enc(o, x))
    }
}

/// A 4-byte signed integer.
pub(crate) struct I32;
impl Field<i32> for I32 {
    fn dec(input: &[u8]) -> PResult<'_, i32> {
        le_i32(input)
    }
    fn enc<B: BufMut>(out: &mut B, v: &i32) -> Result<(), EncodeError> {
        out.put_i32_le(*v);
        Ok(())
    }
}

/// A Has... byte and a 4-byte signed integer.
pub(crate) struct OptI32;
impl Field<Option<i32>> for OptI32 {
    fn dec(input: &[u8]) -> PResult<'_, Option<i32>> {
        optional(input, le_i32)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<i32>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, x| I32::enc(o, x))
    }
}

/// A one-byte Boolean (written 0x01 / 0x00).
pub(crate) struct Bool;
impl Field<bool> for Bool {
    fn dec(input: &[u8]) -> PResult<'_, bool> {
        bool8(input)
    }
    fn enc<B: BufMut>(out: &mut B, v: &bool) -> Result<(), EncodeError> {
        out.put_u8(u8::from(*v));
        Ok(())
    }
}

/// ErrorCode (4 bytes).
pub(crate) struct Error;
impl Field<ErrorCode> for Error {
    fn dec(input: &[u8]) -> PResult<'_, ErrorCode> {
        le_u32(input).map(|(r, v)| (r, ErrorCode(v)))
    }
    fn enc<B: BufMut>(out: &mut B, v: &ErrorCode) -> Result<(), EncodeError> {
        out.put_u32_le(v.0);
        Ok(())
    }
}

/// A property tag (4 bytes).
pub(crate) struct Tag;
impl Field<PropertyTag> for Tag {
    fn dec(input: &[u8]) -> PResult<'_, PropertyTag> {
        PropertyTag::decode(input)
    }
    fn enc<B: BufMut>(out: &mut B, v: &PropertyTag) -> Result<(), EncodeError> {
        v.encode(out)
    }
}

/// A GUID (16 bytes, mixed-endian).
pub(crate) struct Guid;
impl Field<Uuid> for Guid {
    fn dec(input: &[u8]) -> PResult<'_, Uuid> {
        guid(input)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Uuid) -> Result<(), EncodeError> {
        put_guid(out, v);
        Ok(())
    }
}

/// AuxiliaryBufferSize + AuxiliaryBuffer.
pub(crate) struct Aux;
impl Field<Vec<u8>> for Aux {
    fn dec(input: &[u8]) -> PResult<'_, Vec<u8>> {
        aux(input)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Vec<u8>) -> Result<(), EncodeError> {
        put_aux(out, v, "AuxiliaryBuffer")
    }
}

/// A null-terminated UTF-16LE string.
pub(crate) struct Utf16;
impl Field<String> for Utf16 {
    fn dec(input: &[u8]) -> PResult<'_, String> {
        utf16z(input)
    }
    fn enc<B: BufMut>(out: &mut B, v: &String) -> Result<(), EncodeError> {
        put_utf16z(out, v, "UTF-16 string")
    }
}

/// A Has... byte and a null-terminated ASCII string.
pub(crate) struct OptAscii;
impl Field<Option<String>> for OptAscii {
    fn dec(input: &[u8]) -> PResult<'_, Option<String>> {
        optional(input, ascii_z)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<String>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, s| put_ascii_z(o, s, "ASCII string"))
    }
}

/// A count and Minimal Entry IDs, always present.
pub(crate) struct Mids;
impl Field<Vec<u32>> for Mids {
    fn dec(input: &[u8]) -> PResult<'_, Vec<u32>> {
        minimal_ids(input)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Vec<u32>) -> Result<(), EncodeError> {
        put_minimal_ids(out, v)
    }
}

/// A Has... byte, a count and Minimal Entry IDs.
pub(crate) struct OptMids;
impl Field<Option<Vec<u32>>> for OptMids {
    fn dec(input: &[u8]) -> PResult<'_, Option<Vec<u32>>> {
        optional(input, minimal_ids)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<Vec<u32>>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, x| put_minimal_ids(o, x))
    }
}

/// A Has... byte and a StringsArray (ASCII).
pub(crate) struct OptStrings;
impl Field<Option<Vec<String>>> for OptStrings {
    fn dec(input: &[u8]) -> PResult<'_, Option<Vec<String>>> {
        optional(input, strings_array)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<Vec<String>>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, x| put_strings_array(o, x))
    }
}

/// A Has... byte and a WStringsArray (UTF-16).
pub(crate) struct OptWStrings;
impl Field<Option<Vec<String>>> for OptWStrings {
    fn dec(input: &[u8]) -> PResult<'_, Option<Vec<String>>> {
        optional(input, wstrings_array)
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<Vec<String>>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, x| put_wstrings_array(o, x))
    }
}

/// A Has... byte and a restriction with 32-bit counts (MS-OXCDATA 2.12).
pub(crate) struct OptRestriction;
impl Field<Option<Restriction>> for OptRestriction {
    fn dec(input: &[u8]) -> PResult<'_, Option<Restriction>> {
        optional(input, |i| {
            Restriction::decode_with(super::structures::NSPI_WIDTH, i)
        })
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<Restriction>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, r| {
            r.encode_with(super::structures::NSPI_WIDTH, o)
        })
    }
}

/// A Has... byte, a count and entry IDs (ModLinkAtt).
pub(crate) struct OptEntryIds;
impl Field<Option<Vec<Vec<u8>>>> for OptEntryIds {
    fn dec(input: &[u8]) -> PResult<'_, Option<Vec<Vec<u8>>>> {
        optional(input, |i| {
            let (i, n) = count(i, 1, "EntryIdCount")?;
            items(i, n, entry_id)
        })
    }
    fn enc<B: BufMut>(out: &mut B, v: &Option<Vec<Vec<u8>>>) -> Result<(), EncodeError> {
        put_optional(out, v, |o, ids| {
            put_count(o, ids.len(), "ModLinkAttRequestBody", "EntryIdCount")?;
            for id in ids {
                put_entry_id(o, id)?;
            }
            Ok(())
        })
    }
}

/// A Has... byte, a count (4 bytes) and AddressBookPropertyValueList rows (GetSpecialTable).
pub(crate) struct OptListArray;
impl Field<Option<Vec<AddressBookPropertyValueList>>> for OptListArray {
    fn dec(input: &[u8]) -> PResult<'_, Option<Vec<AddressBookPropertyValueList>>> {
        optional(input, |i| {
            let (i, n) = count(i, 4, "RowsCount")?;
            items(i, n, AddressBookPropertyValueList::decode)
        })
    }
    fn enc<B: BufMut>(
        out: &mut B,
        v: &Option<Vec<AddressBookPropertyValueList>>,
    ) -> Result<(), EncodeError> {
        put_optional(out, v, |o, rows| {
            put_count(o, rows.len(), "GetSpecialTableResponseBody", "RowsCount")?;
            for r in rows {
                r.encode(o)?;
            }
            Ok(())
        })
    }
}
