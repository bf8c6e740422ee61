//! Small MS-OXCDATA structures around properties: PropertyName (2.6.1), PropertyProblem (2.7),
//! property tag arrays (2.10), SortOrder and SortOrderSet (2.13).

use bytes::BufMut;
use serde::Serialize;
use uuid::Uuid;

use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{
    CountWidth, Wire, check_count, guid, put_guid, take_len, u8 as le_u8, u16 as le_u16,
    u32 as le_u32, utf16_to_string,
};

use super::tag::PropertyTag;

/// MS-OXCDATA 2.6.1 PropertyName: names a named property by property set GUID plus either a
/// numeric LID (Kind 0x00) or a string name (Kind 0x01); Kind 0xFF means the property has no
/// name (the GUID is still on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct PropertyName {
    /// The property set.
    pub guid: Uuid,
    /// How the property is identified within the set.
    pub kind: PropertyNameKind,
}

/// The Kind-dependent part of a [`PropertyName`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub enum PropertyNameKind {
    /// Kind 0x00: a LID.
    Lid(u32),
    /// Kind 0x01: a name.
    Name(String),
    /// Kind 0xFF: no associated name.
    None,
}

impl PropertyName {
    /// Kind value for a LID.
    pub const KIND_LID: u8 = 0x00;
    /// Kind value for a string name.
    pub const KIND_NAME: u8 = 0x01;
    /// Kind value for no name.
    pub const KIND_NONE: u8 = 0xFF;
}

impl Wire for PropertyName {
    const NAME: &'static str = "PropertyName";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (rest, kind) = le_u8(i)?;
            let (rest, guid) = guid(rest)?;
            match kind {
                Self::KIND_LID => {
                    let (rest, lid) = le_u32(rest)?;
                    Ok((
                        rest,
                        Self {
                            guid,
                            kind: PropertyNameKind::Lid(lid),
                        },
                    ))
                }
                Self::KIND_NAME => {
                    // NameSize counts the bytes of Name, which is UTF-16LE with a two-byte
                    // terminator; a sender that leaves the terminator out is read as well.
                    let (rest, size) = le_u8(rest)?;
                    let (after, bytes) = take_len(rest, usize::from(size), "NameSize")?;
                    if bytes.len() % 2 != 0 {
                        return fail(
                            rest,
                            Self::NAME,
                            ErrorKind::InvalidValue {
                                field: "NameSize",
                                value: u64::from(size),
                            },
                        );
                    }
                    let body = bytes.strip_suffix(&[0, 0]).unwrap_or(bytes);
                    // Name is one null-terminated string (MS-OXCDATA 2.6.1), so a NUL inside it
                    // ends the name early and is not part of it; and a bare name must leave room
                    // for the terminator NameSize counts. Refusing both keeps every accepted
                    // name encodable (the encoder always writes the terminator).
                    if body.chunks_exact(2).any(|c| c == [0, 0]) || body.len() + 2 > 255 {
                        return fail(
                            rest,
                            Self::NAME,
                            ErrorKind::InvalidValue {
                                field: "Name",
                                value: u64::from(size),
                            },
                        );
                    }
                    let name = utf16_to_string(body).map_err(|_| {
                        nom::Err::Error(
                            crate::wire::WireError::new(rest, ErrorKind::InvalidUtf16)
                                .in_structure(Self::NAME),
                        )
                    })?;
                    Ok((
                        after,
                        Self {
                            guid,
                            kind: PropertyNameKind::Name(name),
                        },
                    ))
                }
                Self::KIND_NONE => Ok((
                    rest,
                    Self {
                        guid,
                        kind: PropertyNameKind::None,
                    },
                )),
                other => fail(
                    i,
                    Self::NAME,
                    ErrorKind::InvalidValue {
                        field: "Kind",
                        value: u64::from(other),
                    },
                ),
            }
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match &self.kind {
            PropertyNameKind::Lid(lid) => {
                out.put_u8(Self::KIND_LID);
                put_guid(out, &self.guid);
                out.put_u32_le(*lid);
            }
            PropertyNameKind::Name(name) => {
                if name.contains('\0') {
                    return Err(EncodeError::Invalid {
                        structure: Self::NAME,
                        reason: "name with an embedded NUL",
                    });
                }
                let size = name.encode_utf16().count() * 2 + 2;
                let size = u8::try_from(size).map_err(|_| EncodeError::TooLong {
                    structure: Self::NAME,
                    field: "NameSize",
                    len: size,
                    max: usize::from(u8::MAX),
                })?;
                out.put_u8(Self::KIND_NAME);
                put_guid(out, &self.guid);
                out.put_u8(size);
                for u in name.encode_utf16() {
                    out.put_u16_le(u);
                }
                out.put_u16_le(0);
            }
            PropertyNameKind::None => {
                out.put_u8(Self::KIND_NONE);
                put_guid(out, &self.guid);
            }
        }
        Ok(())
    }
}

/// MS-OXCDATA 2.7 PropertyProblem: which property of a set/delete/copy request failed and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct PropertyProblem {
    /// Index into the request's property array.
    pub index: u16,
    /// The property.
    pub tag: PropertyTag,
    /// The error.
    pub error: ErrorCode,
}

impl Wire for PropertyProblem {
    const NAME: &'static str = "PropertyProblem";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, index) = le_u16(i)?;
            let (i, tag) = le_u32(i)?;
            let (i, error) = le_u32(i)?;
            Ok((
                i,
                Self {
                    index,
                    tag: PropertyTag(tag),
                    error: ErrorCode(error),
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u16_le(self.index);
        out.put_u32_le(self.tag.0);
        out.put_u32_le(self.error.0);
        Ok(())
    }
}

/// An array of [`PropertyProblem`]s with a 2-byte count in front, as RopSetProperties,
/// RopDeleteProperties, RopCopyProperties and RopCopyTo return it (PropertyProblemCount,
/// PropertyProblems; MS-OXCDATA 2.7 lists those ROPs).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct PropertyProblemArray(pub Vec<PropertyProblem>);

impl Wire for PropertyProblemArray {
    const NAME: &'static str = "PropertyProblemArray";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (mut i, n) = le_u16(i)?;
            let n = usize::from(n);
            check_count(i, n, 10, "PropertyProblemCount")?;
            let mut v = Vec::with_capacity(n);
            for _ in 0..n {
                let (rest, p) = PropertyProblem::decode(i)?;
                i = rest;
                v.push(p);
            }
            Ok((i, Self(v)))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        CountWidth::U16.put(out, self.0.len(), Self::NAME, "PropertyProblemCount")?;
        for p in &self.0 {
            p.encode(out)?;
        }
        Ok(())
    }
}

/// MS-OXCDATA 2.10 PropertyTagArray: a count, then that many PropertyTags. The count is 2 bytes
/// in ROP buffers ([`Wire`] uses that) and 4 bytes in NSPI (PropertyTagArray_r, via
/// [`PropertyTagArray::decode_with`] and [`CountWidth::U32`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct PropertyTagArray(pub Vec<PropertyTag>);

impl PropertyTagArray {
    /// Decodes with a count of `width`.
    pub fn decode_with(width: CountWidth, input: &[u8]) -> PResult<'_, Self> {
        named("PropertyTagArray", input, |i| {
            let (mut i, n) = width.read(i)?;
            check_count(i, n, 4, "Count")?;
            let mut v = Vec::with_capacity(n);
            for _ in 0..n {
                let (rest, t) = le_u32(i)?;
                i = rest;
                v.push(PropertyTag(t));
            }
            Ok((i, Self(v)))
        })
    }

    /// Encodes with a count of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        width.put(out, self.0.len(), "PropertyTagArray", "Count")?;
        for t in &self.0 {
            out.put_u32_le(t.0);
        }
        Ok(())
    }
}

impl Wire for PropertyTagArray {
    const NAME: &'static str = "PropertyTagArray";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_with(CountWidth::U16, input)
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_with(CountWidth::U16, out)
    }
}

/// MS-OXCDATA 2.13.1 SortOrder Order field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct SortDirection(pub u8);

impl SortDirection {
    /// Ascending.
    pub const ASCEND: Self = Self(0x00);
    /// Descending.
    pub const DESCEND: Self = Self(0x01);
    /// The category is ordered by the maximum value of the property within it.
    pub const MAXIMUM_CATEGORY: Self = Self(0x04);
}

/// MS-OXCDATA 2.13.1 SortOrder: PropertyType (2 bytes) and PropertyId (2 bytes), which together
/// are the bytes of a PropertyTag, then the Order byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct SortOrder {
    /// The column sorted on (a multi-valued type with the instance bit sorts per value).
    pub tag: PropertyTag,
    /// The direction.
    pub order: SortDirection,
}

impl Wire for SortOrder {
    const NAME: &'static str = "SortOrder";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, tag) = le_u32(i)?;
            let (i, order) = le_u8(i)?;
            Ok((
                i,
                Self {
                    tag: PropertyTag(tag),
                    order: SortDirection(order),
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u32_le(self.tag.0);
        out.put_u8(self.order.0);
        Ok(())
    }
}

/// MS-OXCDATA 2.13.2 SortOrderSet: SortOrderCount, CategorizedCount and ExpandedCount (2 bytes
/// each), then the SortOrders. The first CategorizedCount orders are categories, of which the
/// first ExpandedCount start expanded.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct SortOrderSet {
    /// CategorizedCount.
    pub categorized_count: u16,
    /// ExpandedCount.
    pub expanded_count: u16,
    /// The sort orders.
    pub sort_orders: Vec<SortOrder>,
}

impl Wire for SortOrderSet {
    const NAME: &'static str = "SortOrderSet";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, n) = le_u16(i)?;
            let (i, categorized_count) = le_u16(i)?;
            let (mut i, expanded_count) = le_u16(i)?;
            let n = usize::from(n);
            check_count(i, n, 5, "SortOrderCount")?;
            let mut sort_orders = Vec::with_capacity(n);
            for _ in 0..n {
                let (rest, s) = SortOrder::decode(i)?;
                i = rest;
                sort_orders.push(s);
            }
            Ok((
                i,
                Self {
                    categorized_count,
                    expanded_count,
                    sort_orders,
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        CountWidth::U16.put(out, self.sort_orders.len(), Self::NAME, "SortOrderCount")?;
        out.put_u16_le(self.categorized_count);
        out.put_u16_le(self.expanded_count);
        for s in &self.sort_orders {
            s.encode(out)?;
        }
        Ok(())
    }
}
