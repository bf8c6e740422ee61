//! MS-OXCDATA 2.11 property values: the bare value (2.11.2.1) and the typed, tagged and
//! flagged wrappers around it (2.11.3 - 2.11.6), plus TypedString (2.11.7).

use bytes::BufMut;
use serde::Serialize;
use uuid::Uuid;

use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{
    CountWidth, FileTime, String8, check_count, cstr8, f32 as le_f32, f64 as le_f64, guid,
    i16 as le_i16, i32 as le_i32, i64 as le_i64, put_guid, put_utf16z, take_len, u8 as le_u8,
    u16 as le_u16, u32 as le_u32, u64 as le_u64, utf16z,
};
use crate::wire::restriction::Restriction;

use super::tag::{PropertyTag, PropertyType};

/// How deep restrictions and the property values inside them may nest (a PtypRestriction value
/// holds a restriction, whose TaggedPropertyValue may hold another PtypRestriction ...).
/// Hostile input can nest thousands of levels; the decoder stops here with
/// [`ErrorKind::TooDeep`] long before the stack is at risk.
pub const MAX_DEPTH: usize = 64;

/// Fails with [`ErrorKind::TooDeep`] when `depth` passes [`MAX_DEPTH`].
pub(crate) fn check_depth<'a>(
    input: &'a [u8],
    depth: usize,
    structure: &'static str,
) -> PResult<'a, ()> {
    if depth > MAX_DEPTH {
        fail(input, structure, ErrorKind::TooDeep { limit: MAX_DEPTH })
    } else {
        Ok((input, ()))
    }
}

/// The encoder's counterpart of [`check_depth`]: a value built in memory deeper than the decoder
/// accepts is refused, so that what we send we could also read back.
pub(crate) fn check_encode_depth(depth: usize, structure: &'static str) -> Result<(), EncodeError> {
    if depth > MAX_DEPTH {
        Err(EncodeError::Invalid {
            structure,
            reason: "nested deeper than the decoder's limit",
        })
    } else {
        Ok(())
    }
}

/// The width of the count in front of every PtypMultiple value.
///
/// MS-OXCDATA 2.11.1 / 2.11.1.1: in ROP buffers binary byte counts are 16 bits wide but value
/// counts of all PtypMultiple types are 32 bits wide; in extended rules and the MAPI/HTTP NSPI
/// bodies both are 32 bits. So the multi-value count is 32 bits in every context; only the
/// byte counts of binaries (also those inside PtypMultipleBinary) follow the [`CountWidth`].
const MULTI_COUNT: CountWidth = CountWidth::U32;

/// MS-OXCDATA 2.11.2.1 PropertyValue: one property value laid out according to its property
/// type (2.11.1), without the type or tag in front of it.
///
/// The enum is kept to 16 bytes (large or rare payloads are boxed) because table rows are
/// decoded into vectors of these values and a row of 1-byte booleans must not blow up in memory.
/// Floating-point variants compare with `==`, so a NaN value is not equal to itself.
///
/// The double boxes are deliberate: a thin outer box keeps the enum at 16 bytes where `Vec`,
/// `String` or `Box<[T]>` inline would make every value 24 or 32 bytes, and an inner `Box<str>`
/// / `Box<[u8]>` (16 bytes, no allocation when empty) is smaller than a `String` / `Vec`. An
/// empty PtypString or PtypBinary (2 wire bytes) then costs 32 bytes of memory, 16x its size.
#[allow(clippy::box_collection)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value")]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub enum PropertyValue {
    /// PtypNull: a placeholder with no bytes on the wire.
    Null,
    /// PtypInteger16.
    Integer16(i16),
    /// PtypInteger32.
    Integer32(i32),
    /// PtypFloating32.
    Floating32(f32),
    /// PtypFloating64.
    Floating64(f64),
    /// PtypCurrency: a 64-bit signed integer scaled by 10,000.
    Currency(i64),
    /// PtypFloatingTime: days since 1899-12-30 as a double (the OLE automation date).
    FloatingTime(f64),
    /// PtypErrorCode.
    ErrorCode(ErrorCode),
    /// PtypBoolean: one byte; any nonzero byte reads as true, true is written as 0x01.
    Boolean(bool),
    /// PtypInteger64.
    Integer64(i64),
    /// PtypString: UTF-16LE with a two-byte terminator.
    String(Box<Box<str>>),
    /// PtypString8: 8-bit text in a code page the value does not name.
    String8(Box<String8>),
    /// PtypTime: a FILETIME.
    Time(FileTime),
    /// PtypGuid.
    Guid(Box<Uuid>),
    /// PtypServerId: the raw bytes after the 16-bit count (see [`ServerId`]).
    ServerId(#[serde(serialize_with = "crate::wire::serde_bytes::hex")] Box<Box<[u8]>>),
    /// PtypRestriction: a restriction (MS-OXCDATA 2.12) inline, without a count.
    Restriction(Box<Restriction>),
    /// PtypRuleAction: MS-OXORULE 2.2.5 RuleAction, kept as its framed action blocks.
    RuleAction(Box<RuleAction>),
    /// PtypBinary: a COUNT-prefixed byte string.
    Binary(#[serde(serialize_with = "crate::wire::serde_bytes::hex")] Box<Box<[u8]>>),
    /// PtypMultipleInteger16.
    MultipleInteger16(Box<Vec<i16>>),
    /// PtypMultipleInteger32.
    MultipleInteger32(Box<Vec<i32>>),
    /// PtypMultipleFloating32.
    MultipleFloating32(Box<Vec<f32>>),
    /// PtypMultipleFloating64.
    MultipleFloating64(Box<Vec<f64>>),
    /// PtypMultipleCurrency.
    MultipleCurrency(Box<Vec<i64>>),
    /// PtypMultipleFloatingTime.
    MultipleFloatingTime(Box<Vec<f64>>),
    /// PtypMultipleInteger64.
    MultipleInteger64(Box<Vec<i64>>),
    /// PtypMultipleString.
    MultipleString(Box<Vec<String>>),
    /// PtypMultipleString8.
    MultipleString8(Box<Vec<String8>>),
    /// PtypMultipleTime.
    MultipleTime(Box<Vec<FileTime>>),
    /// PtypMultipleGuid.
    MultipleGuid(Box<Vec<Uuid>>),
    /// PtypMultipleBinary: a 32-bit value count, then each binary with its COUNT byte count.
    MultipleBinary(
        #[serde(serialize_with = "crate::wire::serde_bytes::hex_vec")] Box<Vec<Vec<u8>>>,
    ),
}

#[allow(clippy::box_collection)]
/// Reads `count` fixed-size items after checking the input can hold them.
fn fixed_items<'a, T>(
    input: &'a [u8],
    size: usize,
    item: impl Fn(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, Box<Vec<T>>> {
    let (mut input, n) = MULTI_COUNT.read(input)?;
    check_count(input, n, size, "multi-value count")?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let (rest, v) = item(input)?;
        input = rest;
        out.push(v);
    }
    Ok((input, Box::new(out)))
}

#[allow(clippy::box_collection)]
/// Reads `count` variable-size items. The count is checked against the smallest item first, so
/// the exact reservation is bounded by the input; these items never nest, so reservations do
/// not stack up.
fn variable_items<'a, T>(
    input: &'a [u8],
    min_size: usize,
    mut item: impl FnMut(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, Box<Vec<T>>> {
    let (mut input, n) = MULTI_COUNT.read(input)?;
    check_count(input, n, min_size, "multi-value count")?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let (rest, v) = item(input)?;
        input = rest;
        out.push(v);
    }
    Ok((input, Box::new(out)))
}

fn put_multi<B: BufMut, T>(
    out: &mut B,
    items: &[T],
    mut put: impl FnMut(&mut B, &T) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    MULTI_COUNT.put(out, items.len(), "PropertyValue", "multi-value count")?;
    for item in items {
        put(out, item)?;
    }
    Ok(())
}

fn binary(input: &[u8], width: CountWidth) -> PResult<'_, &[u8]> {
    let (rest, n) = width.read(input)?;
    take_len(rest, n, "PtypBinary byte count")
}

fn put_binary<B: BufMut>(out: &mut B, bytes: &[u8], width: CountWidth) -> Result<(), EncodeError> {
    width.put(out, bytes.len(), "PtypBinary", "byte count")?;
    out.put_slice(bytes);
    Ok(())
}

fn string8(input: &[u8]) -> PResult<'_, String8> {
    let (rest, bytes) = cstr8(input)?;
    Ok((rest, String8::from_bytes(bytes)))
}

fn put_string8<B: BufMut>(out: &mut B, s: &String8) -> Result<(), EncodeError> {
    if s.bytes.contains(&0) {
        return Err(EncodeError::Invalid {
            structure: "PtypString8",
            reason: "string with an embedded NUL cannot be null-terminated",
        });
    }
    out.put_slice(&s.bytes);
    out.put_u8(0);
    Ok(())
}

impl PropertyValue {
    /// The property type this value is laid out as.
    pub fn prop_type(&self) -> PropertyType {
        match self {
            Self::Null => PropertyType::NULL,
            Self::Integer16(_) => PropertyType::INTEGER16,
            Self::Integer32(_) => PropertyType::INTEGER32,
            Self::Floating32(_) => PropertyType::FLOATING32,
            Self::Floating64(_) => PropertyType::FLOATING64,
            Self::Currency(_) => PropertyType::CURRENCY,
            Self::FloatingTime(_) => PropertyType::FLOATING_TIME,
            Self::ErrorCode(_) => PropertyType::ERROR_CODE,
            Self::Boolean(_) => PropertyType::BOOLEAN,
            Self::Integer64(_) => PropertyType::INTEGER64,
            Self::String(_) => PropertyType::STRING,
            Self::String8(_) => PropertyType::STRING8,
            Self::Time(_) => PropertyType::TIME,
            Self::Guid(_) => PropertyType::GUID,
            Self::ServerId(_) => PropertyType::SERVER_ID,
            Self::Restriction(_) => PropertyType::RESTRICTION,
            Self::RuleAction(_) => PropertyType::RULE_ACTION,
            Self::Binary(_) => PropertyType::BINARY,
            Self::MultipleInteger16(_) => PropertyType::MULTIPLE_INTEGER16,
            Self::MultipleInteger32(_) => PropertyType::MULTIPLE_INTEGER32,
            Self::MultipleFloating32(_) => PropertyType::MULTIPLE_FLOATING32,
            Self::MultipleFloating64(_) => PropertyType::MULTIPLE_FLOATING64,
            Self::MultipleCurrency(_) => PropertyType::MULTIPLE_CURRENCY,
            Self::MultipleFloatingTime(_) => PropertyType::MULTIPLE_FLOATING_TIME,
            Self::MultipleInteger64(_) => PropertyType::MULTIPLE_INTEGER64,
            Self::MultipleString(_) => PropertyType::MULTIPLE_STRING,
            Self::MultipleString8(_) => PropertyType::MULTIPLE_STRING8,
            Self::MultipleTime(_) => PropertyType::MULTIPLE_TIME,
            Self::MultipleGuid(_) => PropertyType::MULTIPLE_GUID,
            Self::MultipleBinary(_) => PropertyType::MULTIPLE_BINARY,
        }
    }

    /// The fewest bytes a value of type `ty` occupies on the wire, for checking counts of
    /// values against the input before allocating. `None` for types with no layout.
    pub fn min_wire_size(ty: PropertyType, width: CountWidth) -> Option<usize> {
        Some(match ty {
            PropertyType::NULL => 0,
            PropertyType::BOOLEAN | PropertyType::STRING8 | PropertyType::RESTRICTION => 1,
            PropertyType::INTEGER16 | PropertyType::STRING | PropertyType::SERVER_ID => 2,
            PropertyType::INTEGER32 | PropertyType::FLOATING32 | PropertyType::ERROR_CODE => 4,
            PropertyType::FLOATING64
            | PropertyType::CURRENCY
            | PropertyType::FLOATING_TIME
            | PropertyType::INTEGER64
            | PropertyType::TIME => 8,
            PropertyType::GUID => 16,
            PropertyType::RULE_ACTION | PropertyType::BINARY => width.size(),
            t if t.is_multiple() && Self::min_wire_size(t.element(), width).is_some() => {
                MULTI_COUNT.size()
            }
            _ => return None,
        })
    }

    /// Decodes a value of type `ty` whose counts have the given width (MS-OXCDATA 2.11.1).
    ///
    /// Types without a value layout (PtypUnspecified, PtypObject / PtypEmbeddedTable, which
    /// MS-OXCDATA 2.11.1.5 keeps out of property value lists, and unknown types) fail with
    /// [`ErrorKind::UnknownPropertyType`]: the rest of the buffer cannot be located.
    pub fn decode_with(ty: PropertyType, width: CountWidth, input: &[u8]) -> PResult<'_, Self> {
        Self::decode_depth(ty, width, input, 0)
    }

    /// As [`PropertyValue::decode_with`], `depth` levels inside restrictions already.
    pub(crate) fn decode_depth(
        ty: PropertyType,
        width: CountWidth,
        input: &[u8],
        depth: usize,
    ) -> PResult<'_, Self> {
        named("PropertyValue", input, |i| {
            Ok(match ty {
                PropertyType::NULL => (i, Self::Null),
                PropertyType::INTEGER16 => map(le_i16(i), Self::Integer16)?,
                PropertyType::INTEGER32 => map(le_i32(i), Self::Integer32)?,
                PropertyType::FLOATING32 => map(le_f32(i), Self::Floating32)?,
                PropertyType::FLOATING64 => map(le_f64(i), Self::Floating64)?,
                PropertyType::CURRENCY => map(le_i64(i), Self::Currency)?,
                PropertyType::FLOATING_TIME => map(le_f64(i), Self::FloatingTime)?,
                PropertyType::ERROR_CODE => map(le_u32(i), |v| Self::ErrorCode(ErrorCode(v)))?,
                PropertyType::BOOLEAN => map(le_u8(i), |b| Self::Boolean(b != 0))?,
                PropertyType::INTEGER64 => map(le_i64(i), Self::Integer64)?,
                PropertyType::STRING => {
                    map(utf16z(i), |s| Self::String(Box::new(s.into_boxed_str())))?
                }
                PropertyType::STRING8 => map(string8(i), |s| Self::String8(Box::new(s)))?,
                PropertyType::TIME => map(le_u64(i), |v| Self::Time(FileTime(v)))?,
                PropertyType::GUID => map(guid(i), |g| Self::Guid(Box::new(g)))?,
                PropertyType::SERVER_ID => {
                    // MS-OXCDATA 2.11.1: "a 16-bit COUNT field followed by a structure", in
                    // every context.
                    map(binary(i, CountWidth::U16), |b| {
                        Self::ServerId(Box::new(b.into()))
                    })?
                }
                PropertyType::RESTRICTION => {
                    map(Restriction::decode_depth(width, i, depth + 1), |r| {
                        Self::Restriction(Box::new(r))
                    })?
                }
                PropertyType::RULE_ACTION => map(RuleAction::decode_with(width, i), |r| {
                    Self::RuleAction(Box::new(r))
                })?,
                PropertyType::BINARY => {
                    map(binary(i, width), |b| Self::Binary(Box::new(b.into())))?
                }
                PropertyType::MULTIPLE_INTEGER16 => {
                    map(fixed_items(i, 2, le_i16), Self::MultipleInteger16)?
                }
                PropertyType::MULTIPLE_INTEGER32 => {
                    map(fixed_items(i, 4, le_i32), Self::MultipleInteger32)?
                }
                PropertyType::MULTIPLE_FLOATING32 => {
                    map(fixed_items(i, 4, le_f32), Self::MultipleFloating32)?
                }
                PropertyType::MULTIPLE_FLOATING64 => {
                    map(fixed_items(i, 8, le_f64), Self::MultipleFloating64)?
                }
                PropertyType::MULTIPLE_CURRENCY => {
                    map(fixed_items(i, 8, le_i64), Self::MultipleCurrency)?
                }
                PropertyType::MULTIPLE_FLOATING_TIME => {
                    map(fixed_items(i, 8, le_f64), Self::MultipleFloatingTime)?
                }
                PropertyType::MULTIPLE_INTEGER64 => {
                    map(fixed_items(i, 8, le_i64), Self::MultipleInteger64)?
                }
                PropertyType::MULTIPLE_TIME => map(
                    fixed_items(i, 8, |i| map(le_u64(i), FileTime)),
                    Self::MultipleTime,
                )?,
                PropertyType::MULTIPLE_GUID => map(fixed_items(i, 16, guid), Self::MultipleGuid)?,
                PropertyType::MULTIPLE_STRING => {
                    map(variable_items(i, 2, utf16z), Self::MultipleString)?
                }
                PropertyType::MULTIPLE_STRING8 => {
                    map(variable_items(i, 1, string8), Self::MultipleString8)?
                }
                PropertyType::MULTIPLE_BINARY => map(
                    variable_items(i, width.size(), |i| map(binary(i, width), <[u8]>::to_vec)),
                    Self::MultipleBinary,
                )?,
                other => return fail(i, "PropertyValue", ErrorKind::UnknownPropertyType(other.0)),
            })
        })
    }

    /// Encodes the value (without type or tag) with counts of the given width.
    pub fn encode_with<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        self.encode_depth(width, out, 0)
    }

    pub(crate) fn encode_depth<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
        depth: usize,
    ) -> Result<(), EncodeError> {
        match self {
            Self::Null => {}
            Self::Integer16(v) => out.put_i16_le(*v),
            Self::Integer32(v) => out.put_i32_le(*v),
            Self::Floating32(v) => out.put_f32_le(*v),
            Self::Floating64(v) | Self::FloatingTime(v) => out.put_f64_le(*v),
            Self::Currency(v) | Self::Integer64(v) => out.put_i64_le(*v),
            Self::ErrorCode(e) => out.put_u32_le(e.0),
            Self::Boolean(b) => out.put_u8(u8::from(*b)),
            Self::String(s) => put_utf16z(out, s, "PtypString")?,
            Self::String8(s) => put_string8(out, s)?,
            Self::Time(t) => out.put_u64_le(t.0),
            Self::Guid(g) => put_guid(out, g),
            Self::ServerId(b) => put_binary(out, b, CountWidth::U16)?,
            Self::Restriction(r) => r.encode_depth(width, out, depth + 1)?,
            Self::RuleAction(r) => r.encode_with(width, out)?,
            Self::Binary(b) => put_binary(out, b, width)?,
            Self::MultipleInteger16(v) => put_multi(out, v, |o, x| {
                o.put_i16_le(*x);
                Ok(())
            })?,
            Self::MultipleInteger32(v) => put_multi(out, v, |o, x| {
                o.put_i32_le(*x);
                Ok(())
            })?,
            Self::MultipleFloating32(v) => put_multi(out, v, |o, x| {
                o.put_f32_le(*x);
                Ok(())
            })?,
            Self::MultipleFloating64(v) | Self::MultipleFloatingTime(v) => {
                put_multi(out, v, |o, x| {
                    o.put_f64_le(*x);
                    Ok(())
                })?
            }
            Self::MultipleCurrency(v) | Self::MultipleInteger64(v) => put_multi(out, v, |o, x| {
                o.put_i64_le(*x);
                Ok(())
            })?,
            Self::MultipleString(v) => put_multi(out, v, |o, s| put_utf16z(o, s, "PtypString"))?,
            Self::MultipleString8(v) => put_multi(out, v, |o, s| put_string8(o, s))?,
            Self::MultipleTime(v) => put_multi(out, v, |o, t| {
                o.put_u64_le(t.0);
                Ok(())
            })?,
            Self::MultipleGuid(v) => put_multi(out, v, |o, g| {
                put_guid(o, g);
                Ok(())
            })?,
            Self::MultipleBinary(v) => put_multi(out, v, |o, b| put_binary(o, b, width))?,
        }
        Ok(())
    }

    /// A PtypString value.
    pub fn string(s: impl Into<String>) -> Self {
        Self::String(Box::new(s.into().into_boxed_str()))
    }

    /// A PtypBinary value.
    pub fn binary(b: impl Into<Vec<u8>>) -> Self {
        Self::Binary(Box::new(b.into().into_boxed_slice()))
    }

    /// The text of a PtypString value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The bytes of a PtypString8 value (read them with the session code page).
    pub fn as_string8(&self) -> Option<&String8> {
        match self {
            Self::String8(s) => Some(s),
            _ => None,
        }
    }

    /// A PtypInteger32 value (PtypInteger16 widened).
    pub fn as_i32(&self) -> Option<i32> {
        match self {
            Self::Integer32(v) => Some(*v),
            Self::Integer16(v) => Some(i32::from(*v)),
            _ => None,
        }
    }

    /// A PtypInteger64 or PtypCurrency value (smaller integers widened).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Integer64(v) | Self::Currency(v) => Some(*v),
            Self::Integer32(v) => Some(i64::from(*v)),
            Self::Integer16(v) => Some(i64::from(*v)),
            _ => None,
        }
    }

    /// A PtypBoolean value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    /// The bytes of a PtypBinary or PtypServerId value.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Self::Binary(b) | Self::ServerId(b) => Some(b),
            _ => None,
        }
    }

    /// A PtypTime value.
    pub fn as_time(&self) -> Option<FileTime> {
        match self {
            Self::Time(t) => Some(*t),
            _ => None,
        }
    }

    /// A PtypGuid value.
    pub fn as_guid(&self) -> Option<Uuid> {
        match self {
            Self::Guid(g) => Some(**g),
            _ => None,
        }
    }

    /// A PtypErrorCode value.
    pub fn as_error(&self) -> Option<ErrorCode> {
        match self {
            Self::ErrorCode(e) => Some(*e),
            _ => None,
        }
    }

    /// A PtypServerId value in its server-defined form (see [`ServerId::parse`]).
    pub fn as_server_id(&self) -> Option<ServerId> {
        match self {
            Self::ServerId(b) => ServerId::parse(b),
            _ => None,
        }
    }
}

macro_rules! from_impls {
    ($($t:ty => |$v:ident| $e:expr),* $(,)?) => {$(
        impl From<$t> for PropertyValue {
            fn from($v: $t) -> Self {
                $e
            }
        }
    )*};
}

from_impls! {
    i16 => |v| Self::Integer16(v),
    i32 => |v| Self::Integer32(v),
    i64 => |v| Self::Integer64(v),
    f32 => |v| Self::Floating32(v),
    f64 => |v| Self::Floating64(v),
    bool => |v| Self::Boolean(v),
    ErrorCode => |v| Self::ErrorCode(v),
    FileTime => |v| Self::Time(v),
    Uuid => |v| Self::Guid(Box::new(v)),
    String => |v| Self::String(Box::new(v.into_boxed_str())),
    &str => |v| Self::String(Box::new(v.into())),
    String8 => |v| Self::String8(Box::new(v)),
    Vec<u8> => |v| Self::Binary(Box::new(v.into_boxed_slice())),
    &[u8] => |v| Self::Binary(Box::new(v.into())),
    Restriction => |v| Self::Restriction(Box::new(v)),
    Vec<String> => |v| Self::MultipleString(Box::new(v)),
    Vec<i32> => |v| Self::MultipleInteger32(Box::new(v)),
    Vec<Vec<u8>> => |v| Self::MultipleBinary(Box::new(v)),
}

#[inline]
fn map<'a, T, U>(r: PResult<'a, T>, f: impl FnOnce(T) -> U) -> PResult<'a, U> {
    r.map(|(rest, v)| (rest, f(v)))
}

/// MS-OXCDATA 2.11.1.4 PtypServerId in its server-defined form: `Ours` = 0x01, then a Folder ID,
/// a Message ID and an instance number. Values whose first byte is 0x00 are client-defined and
/// have no structure; those stay bytes in [`PropertyValue::ServerId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ServerId {
    /// The Folder ID structure (MS-OXCDATA 2.2.1.1) as a little-endian u64, the same form
    /// PidTagFolderId has as PtypInteger64.
    pub folder_id: u64,
    /// The Message ID structure (2.2.1.2), all zeros when the object is a folder.
    pub message_id: u64,
    /// The instance number within a multi-valued property (zero elsewhere).
    pub instance: u32,
}

impl ServerId {
    /// Bytes of the server-defined form after the count.
    pub const LEN: usize = 21;

    /// Parses the bytes of a PtypServerId value; `None` unless they are the 21-byte server form.
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        let (&ours, rest) = bytes.split_first()?;
        if ours != 0x01 || bytes.len() != Self::LEN {
            return None;
        }
        let (fid, rest) = rest.split_first_chunk::<8>()?;
        let (mid, rest) = rest.split_first_chunk::<8>()?;
        let inst = rest.first_chunk::<4>()?;
        Some(Self {
            folder_id: u64::from_le_bytes(*fid),
            message_id: u64::from_le_bytes(*mid),
            instance: u32::from_le_bytes(*inst),
        })
    }

    /// The bytes of a PtypServerId value for this server-defined id.
    pub fn to_value_bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(Self::LEN);
        v.push(0x01);
        v.extend_from_slice(&self.folder_id.to_le_bytes());
        v.extend_from_slice(&self.message_id.to_le_bytes());
        v.extend_from_slice(&self.instance.to_le_bytes());
        v
    }
}

/// PtypRuleAction (MS-OXCDATA 2.11.1): an MS-OXORULE 2.2.5 RuleAction structure.
///
/// Only the framing is decoded here: NoOfActions, then ActionBlocks each prefixed by their
/// ActionLength. Both fields are 2 bytes for standard rules (ROP buffers) and 4 bytes for
/// extended rules, so they follow the [`CountWidth`]. Each block keeps the bytes after its
/// ActionLength (ActionType, ActionFlavor, ActionFlags, ActionData) for an MS-OXORULE codec.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct RuleAction {
    /// The action blocks' contents, without their length prefixes.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex_vec")]
    pub blocks: Vec<Vec<u8>>,
}

impl RuleAction {
    /// Decodes the framing with counts and lengths of `width`.
    pub fn decode_with(width: CountWidth, input: &[u8]) -> PResult<'_, Self> {
        named("RuleAction", input, |i| {
            let (mut i, n) = width.read(i)?;
            check_count(i, n, width.size(), "NoOfActions")?;
            let mut blocks = Vec::new();
            for _ in 0..n {
                let (rest, len) = width.read(i)?;
                let (rest, body) = take_len(rest, len, "ActionLength")?;
                blocks.push(body.to_vec());
                i = rest;
            }
            Ok((i, Self { blocks }))
        })
    }

    /// Encodes the framing with counts and lengths of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        width.put(out, self.blocks.len(), "RuleAction", "NoOfActions")?;
        for b in &self.blocks {
            width.put(out, b.len(), "RuleAction", "ActionLength")?;
            out.put_slice(b);
        }
        Ok(())
    }
}

/// MS-OXCDATA 2.11.3 TypedPropertyValue: a PropertyType then the value. The type is the value's
/// own ([`PropertyValue::prop_type`]), so this is a newtype that only changes the framing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct TypedPropertyValue(pub PropertyValue);

impl TypedPropertyValue {
    /// Decodes with counts of `width`.
    pub fn decode_with(width: CountWidth, input: &[u8]) -> PResult<'_, Self> {
        Self::decode_depth(width, input, 0)
    }

    pub(crate) fn decode_depth(width: CountWidth, input: &[u8], depth: usize) -> PResult<'_, Self> {
        named("TypedPropertyValue", input, |i| {
            let (i, ty) = le_u16(i)?;
            map(
                PropertyValue::decode_depth(PropertyType(ty), width, i, depth),
                Self,
            )
        })
    }

    /// Encodes with counts of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        out.put_u16_le(self.0.prop_type().0);
        self.0.encode_with(width, out)
    }
}

/// MS-OXCDATA 2.11.4 TaggedPropertyValue: a PropertyTag then the value of the tag's type (the
/// element type when the tag has the MultivalueInstance bit, as restrictions on such columns do).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaggedPropertyValue {
    /// The property tag; its type says how the value is laid out.
    pub tag: PropertyTag,
    /// The value.
    pub value: PropertyValue,
}

/// Structure-aware fuzzing builds tags whose type is the value's: a tag of another type says
/// the bytes are laid out differently, which the encoder rightly refuses.
#[cfg(feature = "fuzzing")]
impl<'a> arbitrary::Arbitrary<'a> for TaggedPropertyValue {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let id = u16::arbitrary(u)?;
        Ok(TaggedPropertyValue::new(id, PropertyValue::arbitrary(u)?))
    }
}

impl TaggedPropertyValue {
    /// A tagged value whose tag is `id` with the value's own type.
    pub fn new(id: u16, value: PropertyValue) -> Self {
        Self {
            tag: PropertyTag::from_parts(id, value.prop_type()),
            value,
        }
    }

    /// Decodes with counts of `width`.
    pub fn decode_with(width: CountWidth, input: &[u8]) -> PResult<'_, Self> {
        Self::decode_depth(width, input, 0)
    }

    pub(crate) fn decode_depth(width: CountWidth, input: &[u8], depth: usize) -> PResult<'_, Self> {
        named("TaggedPropertyValue", input, |i| {
            let (i, tag) = le_u32(i)?;
            let tag = PropertyTag(tag);
            let (i, value) = PropertyValue::decode_depth(tag.value_type(), width, i, depth)?;
            Ok((i, Self { tag, value }))
        })
    }

    /// Encodes with counts of `width`; the value's type must be the tag's.
    pub fn encode_with<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        self.encode_depth(width, out, 0)
    }

    pub(crate) fn encode_depth<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
        depth: usize,
    ) -> Result<(), EncodeError> {
        if self.value.prop_type() != self.tag.value_type() {
            return Err(EncodeError::Invalid {
                structure: "TaggedPropertyValue",
                reason: "the value's type differs from the tag's",
            });
        }
        out.put_u32_le(self.tag.0);
        self.value.encode_depth(width, out, depth)
    }
}

/// MS-OXCDATA 2.11.5 FlaggedPropertyValue: a Flag byte, then a value only if the flag says so.
///
/// Flag 0x00: the value follows; 0x01: the property has no value (nothing follows); 0x0A: a
/// PtypErrorCode follows instead of the value. The missing and error cases keep the property
/// type so that a row with PtypUnspecified columns (2.11.6) round-trips.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum FlaggedPropertyValue {
    /// Flag 0x00 and the value.
    Value(PropertyValue),
    /// Flag 0x01: no value; the type it would have had.
    NoValue(PropertyType),
    /// Flag 0x0A: an error code in place of a value of the given type.
    Error(PropertyType, ErrorCode),
}

impl FlaggedPropertyValue {
    /// Flag: the value is present.
    pub const FLAG_VALUE: u8 = 0x00;
    /// Flag: the property has no value.
    pub const FLAG_NO_VALUE: u8 = 0x01;
    /// Flag: an error code replaces the value.
    pub const FLAG_ERROR: u8 = 0x0A;

    /// Decodes a flagged value of type `ty` with counts of `width`.
    pub fn decode_with(ty: PropertyType, width: CountWidth, input: &[u8]) -> PResult<'_, Self> {
        named("FlaggedPropertyValue", input, |i| {
            let (rest, flag) = le_u8(i)?;
            match flag {
                Self::FLAG_VALUE => map(PropertyValue::decode_with(ty, width, rest), Self::Value),
                Self::FLAG_NO_VALUE => Ok((rest, Self::NoValue(ty))),
                Self::FLAG_ERROR => map(le_u32(rest), |e| Self::Error(ty, ErrorCode(e))),
                other => fail(
                    i,
                    "FlaggedPropertyValue",
                    ErrorKind::InvalidValue {
                        field: "Flag",
                        value: u64::from(other),
                    },
                ),
            }
        })
    }

    /// Encodes the flag and what follows it with counts of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match self {
            Self::Value(v) => {
                out.put_u8(Self::FLAG_VALUE);
                v.encode_with(width, out)
            }
            Self::NoValue(_) => {
                out.put_u8(Self::FLAG_NO_VALUE);
                Ok(())
            }
            Self::Error(_, e) => {
                out.put_u8(Self::FLAG_ERROR);
                out.put_u32_le(e.0);
                Ok(())
            }
        }
    }

    /// The property type: the value's, or the one recorded for a missing or failed value.
    pub fn prop_type(&self) -> PropertyType {
        match self {
            Self::Value(v) => v.prop_type(),
            Self::NoValue(t) | Self::Error(t, _) => *t,
        }
    }

    /// The value, if present.
    pub fn value(&self) -> Option<&PropertyValue> {
        match self {
            Self::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The error code, if the server sent one instead of the value.
    pub fn error(&self) -> Option<ErrorCode> {
        match self {
            Self::Error(_, e) => Some(*e),
            _ => None,
        }
    }
}

/// MS-OXCDATA 2.11.6 FlaggedPropertyValueWithType: a PropertyType, then a
/// [`FlaggedPropertyValue`] of that type.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct FlaggedPropertyValueWithType(pub FlaggedPropertyValue);

impl FlaggedPropertyValueWithType {
    /// Decodes with counts of `width`.
    pub fn decode_with(width: CountWidth, input: &[u8]) -> PResult<'_, Self> {
        named("FlaggedPropertyValueWithType", input, |i| {
            let (i, ty) = le_u16(i)?;
            map(
                FlaggedPropertyValue::decode_with(PropertyType(ty), width, i),
                Self,
            )
        })
    }

    /// Encodes with counts of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        out.put_u16_le(self.0.prop_type().0);
        self.0.encode_with(width, out)
    }
}

/// MS-OXCDATA 2.11.7 TypedString: a StringType byte choosing how (and whether) a string
/// follows. Used in recipient rows and message status fields of ROPs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum TypedString {
    /// 0x00: no string is present.
    NoString,
    /// 0x01: the string is empty (no bytes follow).
    Empty,
    /// 0x02: a null-terminated 8-bit string in the code page of the logon.
    String8(String8),
    /// 0x03: a null-terminated "reduced Unicode" string, one byte per character (the low byte
    /// of a UTF-16 code unit whose high byte is zero).
    ReducedUnicode(String),
    /// 0x04: a null-terminated UTF-16LE string.
    Unicode(String),
}

impl crate::wire::Wire for TypedString {
    const NAME: &'static str = "TypedString";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named("TypedString", input, |i| {
            let (rest, kind) = le_u8(i)?;
            match kind {
                0x00 => Ok((rest, Self::NoString)),
                0x01 => Ok((rest, Self::Empty)),
                0x02 => map(string8(rest), Self::String8),
                0x03 => map(cstr8(rest), |b| {
                    Self::ReducedUnicode(b.iter().map(|&c| char::from(c)).collect())
                }),
                0x04 => map(utf16z(rest), Self::Unicode),
                other => fail(
                    i,
                    "TypedString",
                    ErrorKind::InvalidValue {
                        field: "StringType",
                        value: u64::from(other),
                    },
                ),
            }
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::NoString => out.put_u8(0x00),
            Self::Empty => out.put_u8(0x01),
            Self::String8(s) => {
                out.put_u8(0x02);
                put_string8(out, s)?;
            }
            Self::ReducedUnicode(s) => {
                if s.chars().any(|c| c == '\0' || u32::from(c) > 0xFF) {
                    return Err(EncodeError::Invalid {
                        structure: "TypedString",
                        reason: "reduced Unicode holds only characters U+0001..U+00FF",
                    });
                }
                out.put_u8(0x03);
                for c in s.chars() {
                    out.put_u8(u32::from(c) as u8);
                }
                out.put_u8(0);
            }
            Self::Unicode(s) => {
                out.put_u8(0x04);
                put_utf16z(out, s, "TypedString")?;
            }
        }
        Ok(())
    }
}

impl TypedString {
    /// The text, if any (String8 read as Windows-1252 where it is not UTF-8; use the session
    /// code page through [`String8::decode_text`] for exact text).
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Self::NoString => None,
            Self::Empty => Some("".into()),
            Self::String8(s) => Some(s.decode_text(1252)),
            Self::ReducedUnicode(s) | Self::Unicode(s) => Some(s.as_str().into()),
        }
    }
}
