//! MS-OXCDATA 2.8 property rows: values without their tags, laid out against a column list the
//! receiver already knows (the RopSetColumns columns, or the tags of RopGetPropertiesSpecific).

use bytes::BufMut;
use serde::Serialize;

use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{CountWidth, check_count, u8 as le_u8, u16 as le_u16};

use super::tag::{PropertyTag, PropertyType};
use super::value::{FlaggedPropertyValue, PropertyValue};

/// Bytes a value in column `col` occupies at least; the column's type decides, and a
/// PtypUnspecified column carries a 2-byte type in front of its value.
fn min_column_size(col: PropertyTag, width: CountWidth, flagged: bool) -> usize {
    let ty = col.value_type();
    let flag = usize::from(flagged);
    if ty == PropertyType::UNSPECIFIED {
        return 2 + flag;
    }
    if flagged {
        // A flagged value may be just its flag (0x01, no value).
        return 1;
    }
    PropertyValue::min_wire_size(ty, width).unwrap_or(0)
}

fn column_mismatch() -> EncodeError {
    EncodeError::Invalid {
        structure: "PropertyRow",
        reason: "a value's type differs from its column's",
    }
}

fn count_mismatch() -> EncodeError {
    EncodeError::Invalid {
        structure: "PropertyRow",
        reason: "the row has a different number of values than there are columns",
    }
}

/// MS-OXCDATA 2.8.1.1 StandardPropertyRow: Flag 0x00, then one value per column, every value
/// present. A column with the MultivalueInstance bit carries single values of its element type. A column of type PtypUnspecified carries its value as a TypedPropertyValue (2.11.3);
/// the decoded [`PropertyValue`] knows its type either way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardPropertyRow {
    /// One value per column, in column order.
    pub values: Vec<PropertyValue>,
}

impl StandardPropertyRow {
    /// The Flag byte of a standard row.
    pub const FLAG: u8 = 0x00;

    /// Decodes a row (flag byte included) for `columns` with counts of `width`.
    pub fn decode_with<'a>(
        columns: &[PropertyTag],
        width: CountWidth,
        input: &'a [u8],
    ) -> PResult<'a, Self> {
        named("StandardPropertyRow", input, |i| {
            let (i, flag) = le_u8(i)?;
            if flag != Self::FLAG {
                return fail(input, "StandardPropertyRow", bad_flag(flag));
            }
            Self::decode_values(columns, width, i)
        })
    }

    fn decode_values<'a>(
        columns: &[PropertyTag],
        width: CountWidth,
        mut i: &'a [u8],
    ) -> PResult<'a, Self> {
        let mut values = Vec::with_capacity(columns.len());
        for col in columns {
            let ty = col.value_type();
            let (rest, v) = if ty == PropertyType::UNSPECIFIED {
                let (rest, ty) = le_u16(i)?;
                PropertyValue::decode_with(PropertyType(ty), width, rest)?
            } else {
                PropertyValue::decode_with(ty, width, i)?
            };
            i = rest;
            values.push(v);
        }
        Ok((i, Self { values }))
    }

    /// Encodes the row (flag byte included) for `columns` with counts of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        if self.values.len() != columns.len() {
            return Err(count_mismatch());
        }
        out.put_u8(Self::FLAG);
        for (col, v) in columns.iter().zip(&self.values) {
            let ty = col.value_type();
            if ty == PropertyType::UNSPECIFIED {
                out.put_u16_le(v.prop_type().0);
            } else if ty != v.prop_type() {
                return Err(column_mismatch());
            }
            v.encode_with(width, out)?;
        }
        Ok(())
    }
}

/// MS-OXCDATA 2.8.1.2 FlaggedPropertyRow: Flag 0x01, then one FlaggedPropertyValue (2.11.5) per
/// column, or a FlaggedPropertyValueWithType (2.11.6) where the column is PtypUnspecified. Each
/// value is present, missing (flag 0x01) or an error code (flag 0x0A).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlaggedPropertyRow {
    /// One flagged value per column, in column order.
    pub values: Vec<FlaggedPropertyValue>,
}

impl FlaggedPropertyRow {
    /// The Flag byte of a flagged row.
    pub const FLAG: u8 = 0x01;

    /// Decodes a row (flag byte included) for `columns` with counts of `width`.
    pub fn decode_with<'a>(
        columns: &[PropertyTag],
        width: CountWidth,
        input: &'a [u8],
    ) -> PResult<'a, Self> {
        named("FlaggedPropertyRow", input, |i| {
            let (i, flag) = le_u8(i)?;
            if flag != Self::FLAG {
                return fail(input, "FlaggedPropertyRow", bad_flag(flag));
            }
            Self::decode_values(columns, width, i)
        })
    }

    fn decode_values<'a>(
        columns: &[PropertyTag],
        width: CountWidth,
        mut i: &'a [u8],
    ) -> PResult<'a, Self> {
        let mut values = Vec::with_capacity(columns.len());
        for col in columns {
            let mut ty = col.value_type();
            if ty == PropertyType::UNSPECIFIED {
                let (rest, t) = le_u16(i)?;
                ty = PropertyType(t);
                i = rest;
            }
            let (rest, v) = FlaggedPropertyValue::decode_with(ty, width, i)?;
            i = rest;
            values.push(v);
        }
        Ok((i, Self { values }))
    }

    /// Encodes the row (flag byte included) for `columns` with counts of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        if self.values.len() != columns.len() {
            return Err(count_mismatch());
        }
        out.put_u8(Self::FLAG);
        for (col, v) in columns.iter().zip(&self.values) {
            let ty = col.value_type();
            if ty == PropertyType::UNSPECIFIED {
                out.put_u16_le(v.prop_type().0);
            } else if ty != v.prop_type() {
                return Err(column_mismatch());
            }
            v.encode_with(width, out)?;
        }
        Ok(())
    }
}

fn bad_flag(flag: u8) -> ErrorKind {
    ErrorKind::InvalidValue {
        field: "PropertyRow Flag",
        value: u64::from(flag),
    }
}

/// MS-OXCDATA 2.8.1 PropertyRow: a standard (Flag 0x00) or flagged (Flag 0x01) row. Which one
/// the server sends is its choice: flagged when any value is missing or an error.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum PropertyRow {
    /// Every value present.
    Standard(StandardPropertyRow),
    /// Values may be missing or errors.
    Flagged(FlaggedPropertyRow),
}

impl PropertyRow {
    /// Decodes a row for `columns` (the tags that were requested or set as table columns) with
    /// counts of `width`.
    pub fn decode_with<'a>(
        columns: &[PropertyTag],
        width: CountWidth,
        input: &'a [u8],
    ) -> PResult<'a, Self> {
        named("PropertyRow", input, |i| {
            let (rest, flag) = le_u8(i)?;
            match flag {
                StandardPropertyRow::FLAG => {
                    let (rest, r) = StandardPropertyRow::decode_values(columns, width, rest)?;
                    Ok((rest, Self::Standard(r)))
                }
                FlaggedPropertyRow::FLAG => {
                    let (rest, r) = FlaggedPropertyRow::decode_values(columns, width, rest)?;
                    Ok((rest, Self::Flagged(r)))
                }
                other => fail(i, "PropertyRow", bad_flag(other)),
            }
        })
    }

    /// Encodes the row for `columns` with counts of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match self {
            Self::Standard(r) => r.encode_with(columns, width, out),
            Self::Flagged(r) => r.encode_with(columns, width, out),
        }
    }

    /// The fewest bytes a row for `columns` occupies (flag byte included).
    pub fn min_wire_size(columns: &[PropertyTag], width: CountWidth) -> usize {
        // A flagged row can be smaller than a standard one (a 1-byte flag per value), but a
        // standard row of PtypNull columns is 1 byte; take the smaller of both.
        let standard = columns.iter().fold(1usize, |acc, c| {
            acc.saturating_add(min_column_size(*c, width, false))
        });
        let flagged = columns.iter().fold(1usize, |acc, c| {
            acc.saturating_add(min_column_size(*c, width, true))
        });
        standard.min(flagged)
    }

    /// How many values the row has (one per column).
    pub fn len(&self) -> usize {
        match self {
            Self::Standard(r) => r.values.len(),
            Self::Flagged(r) => r.values.len(),
        }
    }

    /// Whether the row has no values (no columns).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value in column `index`, if present (not missing, not an error).
    pub fn get(&self, index: usize) -> Option<&PropertyValue> {
        match self {
            Self::Standard(r) => r.values.get(index),
            Self::Flagged(r) => r.values.get(index).and_then(FlaggedPropertyValue::value),
        }
    }

    /// The error code the server sent for column `index`, if it sent one.
    pub fn error(&self, index: usize) -> Option<ErrorCode> {
        match self {
            Self::Standard(_) => None,
            Self::Flagged(r) => r.values.get(index).and_then(FlaggedPropertyValue::error),
        }
    }

    /// The values in column order; `None` where a flagged row has no value or an error.
    pub fn values(&self) -> impl Iterator<Item = Option<&PropertyValue>> + '_ {
        (0..self.len()).map(move |i| self.get(i))
    }

    /// The value of the property `tag` given the `columns` the row was decoded against. The
    /// property id must match; the value type must match too unless either is PtypUnspecified
    /// (a MultivalueInstance column matches its element type).
    pub fn find(&self, columns: &[PropertyTag], tag: PropertyTag) -> Option<&PropertyValue> {
        let index = columns.iter().position(|c| {
            c.id() == tag.id()
                && (c.value_type() == tag.value_type()
                    || c.prop_type() == PropertyType::UNSPECIFIED
                    || tag.prop_type() == PropertyType::UNSPECIFIED)
        })?;
        self.get(index)
    }

    /// Converts to flagged values (standard rows' values all present).
    pub fn into_flagged(self) -> Vec<FlaggedPropertyValue> {
        match self {
            Self::Standard(r) => r
                .values
                .into_iter()
                .map(FlaggedPropertyValue::Value)
                .collect(),
            Self::Flagged(r) => r.values,
        }
    }
}

/// MS-OXCDATA 2.8.2.1 PropertyRowSet: RowCount (2 bytes), then that many PropertyRows, all laid
/// out against the same columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PropertyRowSet {
    /// The rows.
    pub rows: Vec<PropertyRow>,
}

impl PropertyRowSet {
    /// Decodes a row set for `columns` with value counts of `width`.
    pub fn decode_with<'a>(
        columns: &[PropertyTag],
        width: CountWidth,
        input: &'a [u8],
    ) -> PResult<'a, Self> {
        named("PropertyRowSet", input, |i| {
            let (mut i, n) = le_u16(i)?;
            let n = usize::from(n);
            check_count(i, n, PropertyRow::min_wire_size(columns, width), "RowCount")?;
            let mut rows = Vec::with_capacity(n);
            for _ in 0..n {
                let (rest, r) = PropertyRow::decode_with(columns, width, i)?;
                i = rest;
                rows.push(r);
            }
            Ok((i, Self { rows }))
        })
    }

    /// Encodes the row set for `columns` with value counts of `width`.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: &[PropertyTag],
        width: CountWidth,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        CountWidth::U16.put(out, self.rows.len(), "PropertyRowSet", "RowCount")?;
        for r in &self.rows {
            r.encode_with(columns, width, out)?;
        }
        Ok(())
    }
}
