//! MS-OXCDATA 2.12 restrictions: the filters sent with RopRestrict, RopFindRow,
//! RopSetSearchCriteria and RopSynchronizationConfigure, and held by PtypRestriction values.
//!
//! The count of sub-restrictions in And and Or restrictions is a COUNT: 2 bytes in ROP buffers,
//! 4 bytes in extended rules and NSPI, so decoding takes a [`CountWidth`]; the property values
//! inside restrictions use the same width. Restrictions and property values nest into each
//! other (a PtypRestriction value inside a PropertyRestriction ...); one depth counter runs
//! through both and stops at [`MAX_DEPTH`].

use bytes::BufMut;
use serde::Serialize;

use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{CountWidth, check_count, u8 as le_u8, u16 as le_u16, u32 as le_u32};
use crate::wire::property::PropertyTag;
use crate::wire::property::value::{TaggedPropertyValue, check_depth, check_encode_depth};

/// MS-OXCDATA 2.12.5.1 / 2.12.6.1 / 2.12.8.1 RelOp: the comparison a property, compare-properties
/// or size restriction makes. A newtype so unknown operators survive a round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct RelOp(pub u8);

impl RelOp {
    /// RELOP_LT: less than.
    pub const LT: Self = Self(0x00);
    /// RELOP_LE: less than or equal.
    pub const LE: Self = Self(0x01);
    /// RELOP_GT: greater than.
    pub const GT: Self = Self(0x02);
    /// RELOP_GE: greater than or equal.
    pub const GE: Self = Self(0x03);
    /// RELOP_EQ: equal.
    pub const EQ: Self = Self(0x04);
    /// RELOP_NE: not equal.
    pub const NE: Self = Self(0x05);
    /// RELOP_RE: regular-expression match (LIKE).
    pub const RE: Self = Self(0x06);
    /// RELOP_MEMBER_OF_DL: member of a distribution list.
    pub const MEMBER_OF_DL: Self = Self(0x64);
}

/// MS-OXCDATA 2.12.7.1 BitmapRelOp of a bitmask restriction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct BitmapRelOp(pub u8);

impl BitmapRelOp {
    /// BMR_EQZ: `value & mask == 0`.
    pub const EQZ: Self = Self(0x00);
    /// BMR_NEZ: `value & mask != 0`.
    pub const NEZ: Self = Self(0x01);
}

/// MS-OXCDATA 2.12.4.1 FuzzyLevelLow: how much of the string must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct FuzzyLevelLow(pub u16);

impl FuzzyLevelLow {
    /// FL_FULLSTRING: the whole value must match.
    pub const FULLSTRING: Self = Self(0x0000);
    /// FL_SUBSTRING: the search string may occur anywhere.
    pub const SUBSTRING: Self = Self(0x0001);
    /// FL_PREFIX: the value must start with the search string.
    pub const PREFIX: Self = Self(0x0002);
}

/// MS-OXCDATA 2.12.4.1 FuzzyLevelHigh: comparison flags, combinable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct FuzzyLevelHigh(pub u16);

impl FuzzyLevelHigh {
    /// No flags.
    pub const NONE: Self = Self(0x0000);
    /// FL_IGNORECASE.
    pub const IGNORECASE: Self = Self(0x0001);
    /// FL_IGNORENONSPACE.
    pub const IGNORENONSPACE: Self = Self(0x0002);
    /// FL_LOOSE.
    pub const LOOSE: Self = Self(0x0004);
}

/// MS-OXCDATA 2.12.4.1 ContentRestriction (RestrictType 0x03): a string or binary search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct ContentRestriction {
    /// FuzzyLevelLow.
    pub fuzzy_level_low: FuzzyLevelLow,
    /// FuzzyLevelHigh.
    pub fuzzy_level_high: FuzzyLevelHigh,
    /// The property searched.
    pub prop_tag: PropertyTag,
    /// The value searched for.
    pub value: TaggedPropertyValue,
}

/// MS-OXCDATA 2.12.5.1 PropertyRestriction (RestrictType 0x04): compares a property with a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct PropertyRestriction {
    /// The comparison.
    pub relop: RelOp,
    /// The property compared.
    pub prop_tag: PropertyTag,
    /// The value compared with.
    pub value: TaggedPropertyValue,
}

/// MS-OXCDATA 2.12.6.1 ComparePropertiesRestriction (RestrictType 0x05): compares two properties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct ComparePropertiesRestriction {
    /// The comparison.
    pub relop: RelOp,
    /// The left property.
    pub prop_tag1: PropertyTag,
    /// The right property.
    pub prop_tag2: PropertyTag,
}

/// MS-OXCDATA 2.12.7.1 BitMaskRestriction (RestrictType 0x06): tests bits of a PtypInteger32.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct BitmaskRestriction {
    /// Zero or nonzero test.
    pub relop: BitmapRelOp,
    /// The property tested.
    pub prop_tag: PropertyTag,
    /// The bits tested.
    pub mask: u32,
}

/// MS-OXCDATA 2.12.8.1 SizeRestriction (RestrictType 0x07): compares a property's size in bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct SizeRestriction {
    /// The comparison.
    pub relop: RelOp,
    /// The property measured.
    pub prop_tag: PropertyTag,
    /// The size compared with.
    pub size: u32,
}

/// MS-OXCDATA 2.12.10.1 SubObjectRestriction (RestrictType 0x09): applies a restriction to a
/// message's recipients or attachments.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct SubObjectRestriction {
    /// PidTagMessageRecipients (0x0E12000D) or PidTagMessageAttachments (0x0E13000D).
    pub subobject: PropertyTag,
    /// The restriction applied to the sub-object's rows.
    pub restriction: Box<Restriction>,
}

/// MS-OXCDATA 2.12.11.1 CommentRestriction (RestrictType 0x0A): annotations, never evaluated,
/// optionally around a restriction that is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct CommentRestriction {
    /// TaggedValues (at most 255: TaggedValuesCount is one byte).
    pub values: Vec<TaggedPropertyValue>,
    /// The restriction, present when RestrictionPresent is nonzero.
    pub restriction: Option<Box<Restriction>>,
}

/// MS-OXCDATA 2.12.12 CountRestriction (RestrictType 0x0B): limits how many rows match.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct CountRestriction {
    /// The number of matches.
    pub count: u32,
    /// The restriction whose matches are limited.
    pub restriction: Box<Restriction>,
}

/// MS-OXCDATA 2.12 Restriction: a RestrictType byte, then the layout of that type.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub enum Restriction {
    /// 2.12.1.1 AndRestriction (0x00): all sub-restrictions hold.
    And(Vec<Restriction>),
    /// 2.12.2.1 OrRestriction (0x01): at least one holds.
    Or(Vec<Restriction>),
    /// 2.12.3.1 NotRestriction (0x02).
    Not(Box<Restriction>),
    /// 2.12.4.1 ContentRestriction (0x03).
    Content(ContentRestriction),
    /// 2.12.5.1 PropertyRestriction (0x04).
    Property(PropertyRestriction),
    /// 2.12.6.1 ComparePropertiesRestriction (0x05).
    CompareProperties(ComparePropertiesRestriction),
    /// 2.12.7.1 BitMaskRestriction (0x06).
    Bitmask(BitmaskRestriction),
    /// 2.12.8.1 SizeRestriction (0x07).
    Size(SizeRestriction),
    /// 2.12.9.1 ExistRestriction (0x08): the property exists.
    Exist(PropertyTag),
    /// 2.12.10.1 SubObjectRestriction (0x09).
    SubObject(SubObjectRestriction),
    /// 2.12.11.1 CommentRestriction (0x0A).
    Comment(CommentRestriction),
    /// 2.12.12 CountRestriction (0x0B).
    Count(CountRestriction),
}

const NAME: &str = "Restriction";

impl Restriction {
    /// RestrictType of AndRestriction.
    pub const AND: u8 = 0x00;
    /// RestrictType of OrRestriction.
    pub const OR: u8 = 0x01;
    /// RestrictType of NotRestriction.
    pub const NOT: u8 = 0x02;
    /// RestrictType of ContentRestriction.
    pub const CONTENT: u8 = 0x03;
    /// RestrictType of PropertyRestriction.
    pub const PROPERTY: u8 = 0x04;
    /// RestrictType of ComparePropertiesRestriction.
    pub const COMPARE_PROPERTIES: u8 = 0x05;
    /// RestrictType of BitMaskRestriction.
    pub const BITMASK: u8 = 0x06;
    /// RestrictType of SizeRestriction.
    pub const SIZE: u8 = 0x07;
    /// RestrictType of ExistRestriction.
    pub const EXIST: u8 = 0x08;
    /// RestrictType of SubObjectRestriction.
    pub const SUB_OBJECT: u8 = 0x09;
    /// RestrictType of CommentRestriction.
    pub const COMMENT: u8 = 0x0A;
    /// RestrictType of CountRestriction.
    pub const COUNT: u8 = 0x0B;

    /// The RestrictType byte of this restriction.
    pub fn restrict_type(&self) -> u8 {
        match self {
            Self::And(_) => Self::AND,
            Self::Or(_) => Self::OR,
            Self::Not(_) => Self::NOT,
            Self::Content(_) => Self::CONTENT,
            Self::Property(_) => Self::PROPERTY,
            Self::CompareProperties(_) => Self::COMPARE_PROPERTIES,
            Self::Bitmask(_) => Self::BITMASK,
            Self::Size(_) => Self::SIZE,
            Self::Exist(_) => Self::EXIST,
            Self::SubObject(_) => Self::SUB_OBJECT,
            Self::Comment(_) => Self::COMMENT,
            Self::Count(_) => Self::COUNT,
        }
    }

    /// Decodes a restriction whose And/Or counts and property value counts have `width`
    /// ([`CountWidth::U16`] in ROP buffers, [`CountWidth::U32`] in extended rules and NSPI).
    pub fn decode_with(width: CountWidth, input: &[u8]) -> PResult<'_, Self> {
        Self::decode_depth(width, input, 0)
    }

    /// The fewest bytes any restriction occupies: a CommentRestriction with no values and no
    /// restriction (type, count byte, present byte), or an empty And/Or with 16-bit counts.
    fn min_size(_width: CountWidth) -> usize {
        3
    }

    pub(crate) fn decode_depth(width: CountWidth, input: &[u8], depth: usize) -> PResult<'_, Self> {
        check_depth(input, depth, NAME)?;
        named(NAME, input, |i| {
            let (i, rt) = le_u8(i)?;
            match rt {
                Self::AND | Self::OR => {
                    let (mut i, n) = width.read(i)?;
                    check_count(i, n, Self::min_size(width), "RestrictCount")?;
                    // Grown as children arrive: nested And/Or each checking the same remaining
                    // input must not reserve memory for it many times over.
                    let mut children = Vec::new();
                    for _ in 0..n {
                        let (rest, r) = Self::decode_depth(width, i, depth + 1)?;
                        i = rest;
                        children.push(r);
                    }
                    Ok((
                        i,
                        if rt == Self::AND {
                            Self::And(children)
                        } else {
                            Self::Or(children)
                        },
                    ))
                }
                Self::NOT => {
                    let (i, r) = Self::decode_depth(width, i, depth + 1)?;
                    Ok((i, Self::Not(Box::new(r))))
                }
                Self::CONTENT => {
                    let (i, low) = le_u16(i)?;
                    let (i, high) = le_u16(i)?;
                    let (i, tag) = le_u32(i)?;
                    let (i, value) = TaggedPropertyValue::decode_depth(width, i, depth + 1)?;
                    Ok((
                        i,
                        Self::Content(ContentRestriction {
                            fuzzy_level_low: FuzzyLevelLow(low),
                            fuzzy_level_high: FuzzyLevelHigh(high),
                            prop_tag: PropertyTag(tag),
                            value,
                        }),
                    ))
                }
                Self::PROPERTY => {
                    let (i, relop) = le_u8(i)?;
                    let (i, tag) = le_u32(i)?;
                    let (i, value) = TaggedPropertyValue::decode_depth(width, i, depth + 1)?;
                    Ok((
                        i,
                        Self::Property(PropertyRestriction {
                            relop: RelOp(relop),
                            prop_tag: PropertyTag(tag),
                            value,
                        }),
                    ))
                }
                Self::COMPARE_PROPERTIES => {
                    let (i, relop) = le_u8(i)?;
                    let (i, t1) = le_u32(i)?;
                    let (i, t2) = le_u32(i)?;
                    Ok((
                        i,
                        Self::CompareProperties(ComparePropertiesRestriction {
                            relop: RelOp(relop),
                            prop_tag1: PropertyTag(t1),
                            prop_tag2: PropertyTag(t2),
                        }),
                    ))
                }
                Self::BITMASK => {
                    let (i, relop) = le_u8(i)?;
                    let (i, tag) = le_u32(i)?;
                    let (i, mask) = le_u32(i)?;
                    Ok((
                        i,
                        Self::Bitmask(BitmaskRestriction {
                            relop: BitmapRelOp(relop),
                            prop_tag: PropertyTag(tag),
                            mask,
                        }),
                    ))
                }
                Self::SIZE => {
                    let (i, relop) = le_u8(i)?;
                    let (i, tag) = le_u32(i)?;
                    let (i, size) = le_u32(i)?;
                    Ok((
                        i,
                        Self::Size(SizeRestriction {
                            relop: RelOp(relop),
                            prop_tag: PropertyTag(tag),
                            size,
                        }),
                    ))
                }
                Self::EXIST => {
                    let (i, tag) = le_u32(i)?;
                    Ok((i, Self::Exist(PropertyTag(tag))))
                }
                Self::SUB_OBJECT => {
                    let (i, tag) = le_u32(i)?;
                    let (i, r) = Self::decode_depth(width, i, depth + 1)?;
                    Ok((
                        i,
                        Self::SubObject(SubObjectRestriction {
                            subobject: PropertyTag(tag),
                            restriction: Box::new(r),
                        }),
                    ))
                }
                Self::COMMENT => {
                    let (mut i, n) = le_u8(i)?;
                    // A TaggedPropertyValue is at least its 4-byte tag.
                    check_count(i, usize::from(n), 4, "TaggedValuesCount")?;
                    let mut values = Vec::new();
                    for _ in 0..n {
                        let (rest, v) = TaggedPropertyValue::decode_depth(width, i, depth + 1)?;
                        i = rest;
                        values.push(v);
                    }
                    let (i, present) = le_u8(i)?;
                    let (i, restriction) = if present != 0 {
                        let (i, r) = Self::decode_depth(width, i, depth + 1)?;
                        (i, Some(Box::new(r)))
                    } else {
                        (i, None)
                    };
                    Ok((
                        i,
                        Self::Comment(CommentRestriction {
                            values,
                            restriction,
                        }),
                    ))
                }
                Self::COUNT => {
                    let (i, count) = le_u32(i)?;
                    let (i, r) = Self::decode_depth(width, i, depth + 1)?;
                    Ok((
                        i,
                        Self::Count(CountRestriction {
                            count,
                            restriction: Box::new(r),
                        }),
                    ))
                }
                other => fail(
                    input,
                    NAME,
                    ErrorKind::InvalidValue {
                        field: "RestrictType",
                        value: u64::from(other),
                    },
                ),
            }
        })
    }

    /// Encodes with And/Or counts and property value counts of `width`.
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
        check_encode_depth(depth, NAME)?;
        out.put_u8(self.restrict_type());
        match self {
            Self::And(children) | Self::Or(children) => {
                width.put(out, children.len(), NAME, "RestrictCount")?;
                for c in children {
                    c.encode_depth(width, out, depth + 1)?;
                }
            }
            Self::Not(r) => r.encode_depth(width, out, depth + 1)?,
            Self::Content(c) => {
                out.put_u16_le(c.fuzzy_level_low.0);
                out.put_u16_le(c.fuzzy_level_high.0);
                out.put_u32_le(c.prop_tag.0);
                c.value.encode_depth(width, out, depth + 1)?;
            }
            Self::Property(p) => {
                out.put_u8(p.relop.0);
                out.put_u32_le(p.prop_tag.0);
                p.value.encode_depth(width, out, depth + 1)?;
            }
            Self::CompareProperties(c) => {
                out.put_u8(c.relop.0);
                out.put_u32_le(c.prop_tag1.0);
                out.put_u32_le(c.prop_tag2.0);
            }
            Self::Bitmask(b) => {
                out.put_u8(b.relop.0);
                out.put_u32_le(b.prop_tag.0);
                out.put_u32_le(b.mask);
            }
            Self::Size(s) => {
                out.put_u8(s.relop.0);
                out.put_u32_le(s.prop_tag.0);
                out.put_u32_le(s.size);
            }
            Self::Exist(tag) => out.put_u32_le(tag.0),
            Self::SubObject(s) => {
                out.put_u32_le(s.subobject.0);
                s.restriction.encode_depth(width, out, depth + 1)?;
            }
            Self::Comment(c) => {
                let n = u8::try_from(c.values.len()).map_err(|_| EncodeError::TooLong {
                    structure: NAME,
                    field: "TaggedValuesCount",
                    len: c.values.len(),
                    max: usize::from(u8::MAX),
                })?;
                out.put_u8(n);
                for v in &c.values {
                    v.encode_depth(width, out, depth + 1)?;
                }
                match &c.restriction {
                    Some(r) => {
                        out.put_u8(1);
                        r.encode_depth(width, out, depth + 1)?;
                    }
                    None => out.put_u8(0),
                }
            }
            Self::Count(c) => {
                out.put_u32_le(c.count);
                c.restriction.encode_depth(width, out, depth + 1)?;
            }
        }
        Ok(())
    }

    /// Encodes into a fresh vector.
    pub fn to_bytes_with(&self, width: CountWidth) -> Result<Vec<u8>, EncodeError> {
        let mut out = Vec::new();
        self.encode_with(width, &mut out)?;
        Ok(out)
    }

    /// Decodes a restriction that must fill `input` exactly.
    pub fn from_bytes_with(
        width: CountWidth,
        input: &[u8],
    ) -> Result<Self, crate::wire::DecodeError> {
        crate::wire::error::decode_all(input, |i| Self::decode_with(width, i))
    }

    /// `PropertyRestriction` with RELOP_EQ: the common "property equals value" filter.
    pub fn eq(value: TaggedPropertyValue) -> Self {
        Self::Property(PropertyRestriction {
            relop: RelOp::EQ,
            prop_tag: value.tag,
            value,
        })
    }

    /// `ExistRestriction` on `tag`.
    pub fn exists(tag: PropertyTag) -> Self {
        Self::Exist(tag)
    }
}

pub use crate::wire::property::value::MAX_DEPTH;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::wire::error::{ErrorKind, decode_all};
    use crate::wire::property::PropertyValue;
    use crate::wire::property::tests::{restriction_s, widths};

    fn enc(r: &Restriction, w: CountWidth) -> Vec<u8> {
        r.to_bytes_with(w).unwrap()
    }

    #[test]
    fn and_count_width_follows_the_context() {
        // MS-OXCDATA 2.12.1.1: RestrictType 0x00, RestrictCount (2 bytes in ROPs, 4 in
        // extended rules / NSPI), then the sub-restrictions. ExistRestriction (2.12.9.1) is
        // RestrictType 0x08 plus a PropertyTag.
        let r = Restriction::And(vec![Restriction::exists(PropertyTag(0x0037_001F))]);
        assert_eq!(
            enc(&r, CountWidth::U16),
            [0x00, 0x01, 0x00, 0x08, 0x1F, 0x00, 0x37, 0x00]
        );
        assert_eq!(
            enc(&r, CountWidth::U32),
            [0x00, 0x01, 0x00, 0x00, 0x00, 0x08, 0x1F, 0x00, 0x37, 0x00]
        );
    }

    #[test]
    fn content_restriction_known_answer() {
        // Subject contains "x", ignoring case: 0x03, FuzzyLevelLow 0x0001, FuzzyLevelHigh
        // 0x0001, PropTag, TaggedValue.
        let r = Restriction::Content(ContentRestriction {
            fuzzy_level_low: FuzzyLevelLow::SUBSTRING,
            fuzzy_level_high: FuzzyLevelHigh::IGNORECASE,
            prop_tag: PropertyTag(0x0037_001F),
            value: TaggedPropertyValue::new(0x0037, PropertyValue::string("x")),
        });
        let b = enc(&r, CountWidth::U16);
        assert_eq!(
            b,
            [
                0x03, 0x01, 0x00, 0x01, 0x00, 0x1F, 0x00, 0x37, 0x00, 0x1F, 0x00, 0x37, 0x00, 0x78,
                0x00, 0x00, 0x00
            ]
        );
        assert_eq!(
            Restriction::from_bytes_with(CountWidth::U16, &b).unwrap(),
            r
        );
    }

    #[test]
    fn fixed_layout_restrictions_known_answers() {
        let cases: Vec<(Restriction, Vec<u8>)> = vec![
            (
                Restriction::Bitmask(BitmaskRestriction {
                    relop: BitmapRelOp::NEZ,
                    prop_tag: PropertyTag(0x0E07_0003),
                    mask: 0x1,
                }),
                vec![0x06, 0x01, 0x03, 0x00, 0x07, 0x0E, 0x01, 0, 0, 0],
            ),
            (
                Restriction::Size(SizeRestriction {
                    relop: RelOp::GT,
                    prop_tag: PropertyTag(0x0E08_0003),
                    size: 0x100,
                }),
                vec![0x07, 0x02, 0x03, 0x00, 0x08, 0x0E, 0x00, 0x01, 0, 0],
            ),
            (
                Restriction::CompareProperties(ComparePropertiesRestriction {
                    relop: RelOp::NE,
                    prop_tag1: PropertyTag(0x0E06_0040),
                    prop_tag2: PropertyTag(0x3008_0040),
                }),
                vec![0x05, 0x05, 0x40, 0x00, 0x06, 0x0E, 0x40, 0x00, 0x08, 0x30],
            ),
            (
                Restriction::Not(Box::new(Restriction::exists(PropertyTag(0x0E1B_000B)))),
                vec![0x02, 0x08, 0x0B, 0x00, 0x1B, 0x0E],
            ),
            (
                Restriction::SubObject(SubObjectRestriction {
                    subobject: PropertyTag(0x0E12_000D),
                    restriction: Box::new(Restriction::Or(vec![])),
                }),
                vec![0x09, 0x0D, 0x00, 0x12, 0x0E, 0x01, 0x00, 0x00],
            ),
            (
                Restriction::Count(CountRestriction {
                    count: 5,
                    restriction: Box::new(Restriction::And(vec![])),
                }),
                vec![0x0B, 5, 0, 0, 0, 0x00, 0x00, 0x00],
            ),
            (
                Restriction::Comment(CommentRestriction {
                    values: vec![TaggedPropertyValue::new(
                        0x6001,
                        PropertyValue::Integer32(2),
                    )],
                    restriction: None,
                }),
                vec![0x0A, 0x01, 0x03, 0x00, 0x01, 0x60, 2, 0, 0, 0, 0x00],
            ),
            (
                Restriction::eq(TaggedPropertyValue::new(
                    0x0E08,
                    PropertyValue::Integer32(1),
                )),
                vec![
                    0x04, 0x04, 0x03, 0x00, 0x08, 0x0E, 0x03, 0x00, 0x08, 0x0E, 1, 0, 0, 0,
                ],
            ),
        ];
        for (r, bytes) in cases {
            assert_eq!(enc(&r, CountWidth::U16), bytes, "{r:?}");
            assert_eq!(
                Restriction::from_bytes_with(CountWidth::U16, &bytes).unwrap(),
                r
            );
        }
    }

    #[test]
    fn nesting_bomb_is_too_deep_not_a_stack_overflow() {
        let mut bomb = vec![Restriction::NOT; 100_000];
        bomb.extend_from_slice(&[0x08, 0, 0, 0, 0]);
        let err = Restriction::from_bytes_with(CountWidth::U16, &bomb).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooDeep { limit: MAX_DEPTH });
        assert_eq!(err.structure, "Restriction");
    }

    #[test]
    fn depth_counts_through_restriction_values() {
        // PropertyRestriction whose value is a PtypRestriction holding another one, and so on:
        // 04 04 <tag type 0xFD> <tagged tag 0xFD> <restriction> ...
        let mut bomb = Vec::new();
        for _ in 0..10_000 {
            bomb.extend_from_slice(&[0x04, 0x04, 0xFD, 0x00, 0x01, 0x00, 0xFD, 0x00, 0x01, 0x00]);
        }
        bomb.extend_from_slice(&[0x08, 0, 0, 0, 0]);
        let err = Restriction::from_bytes_with(CountWidth::U32, &bomb).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooDeep { limit: MAX_DEPTH });
        // And the same bomb entered as a property value.
        let err = decode_all(&bomb[10..], |i| {
            PropertyValue::decode_with(
                crate::wire::property::PropertyType::RESTRICTION,
                CountWidth::U16,
                i,
            )
        })
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooDeep { limit: MAX_DEPTH });
    }

    #[test]
    fn nesting_at_the_limit_round_trips_and_beyond_is_refused_on_encode() {
        let mut r = Restriction::exists(PropertyTag(1));
        for _ in 0..MAX_DEPTH {
            r = Restriction::Not(Box::new(r));
        }
        let b = enc(&r, CountWidth::U16);
        assert_eq!(
            Restriction::from_bytes_with(CountWidth::U16, &b).unwrap(),
            r
        );
        let deeper = Restriction::Not(Box::new(r));
        assert!(deeper.to_bytes_with(CountWidth::U16).is_err());
    }

    #[test]
    fn an_and_of_one_empty_comment_fits_in_three_bytes() {
        // Found by the round-trip property: the count check assumed no restriction is shorter
        // than an empty And with 32-bit counts (5 bytes), but an empty Comment is 3.
        let bytes = [0x00, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00];
        let r = Restriction::from_bytes_with(CountWidth::U32, &bytes).unwrap();
        assert!(matches!(&r, Restriction::And(children) if children.len() == 1));
        assert_eq!(enc(&r, CountWidth::U32), bytes);
    }

    #[test]
    fn hostile_restrictions() {
        // RestrictCount promising more than the input holds.
        let err =
            Restriction::from_bytes_with(CountWidth::U32, &[0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x08])
                .unwrap_err();
        assert!(matches!(
            err.kind,
            ErrorKind::LengthExceedsInput {
                field: "RestrictCount",
                ..
            }
        ));
        // Unknown RestrictType.
        let err = Restriction::from_bytes_with(CountWidth::U16, &[0x0C]).unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidValue {
                field: "RestrictType",
                value: 0x0C
            }
        );
        assert_eq!(err.offset, 0);
        // Truncated inside a PropertyRestriction's value.
        let err = Restriction::from_bytes_with(
            CountWidth::U16,
            &[0x04, 0x04, 0x03, 0, 8, 0x0E, 0x03, 0, 8, 0x0E, 1],
        )
        .unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Truncated { .. }));
        // A property value of unknown type inside a restriction.
        let err = Restriction::from_bytes_with(
            CountWidth::U16,
            &[0x04, 0x04, 0x33, 0, 8, 0x0E, 0x33, 0, 8, 0x0E],
        )
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::UnknownPropertyType(0x33));
        // Comment with more tagged values than bytes.
        let err = Restriction::from_bytes_with(CountWidth::U16, &[0x0A, 0xFF, 0, 0]).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::LengthExceedsInput { .. }));
    }

    proptest! {
        #[test]
        fn restriction_round_trips(r in restriction_s(), w in widths()) {
            let b = enc(&r, w);
            prop_assert_eq!(Restriction::from_bytes_with(w, &b).unwrap(), r);
        }
    }
}
