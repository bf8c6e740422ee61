//! Tests of the property codecs: known answers built field by field from the MS-OXCDATA
//! layouts, round trips over generated values in both count widths, and hostile input.
//!
//! Compiled only under `#[cfg(test)]` (declared so in `property/mod.rs`).

use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::wire::error::{ErrorKind, WireError, decode_all};
use crate::wire::restriction::{PropertyRestriction, RelOp, Restriction};
use crate::wire::{CountWidth, ErrorCode, FileTime, String8, Wire};

pub(crate) fn widths() -> impl Strategy<Value = CountWidth> {
    prop_oneof![Just(CountWidth::U16), Just(CountWidth::U32)]
}

fn bytes_s() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..40)
}

fn text_s() -> impl Strategy<Value = String> {
    "[^\u{0}]{0,12}"
}

fn string8_s() -> impl Strategy<Value = String8> {
    proptest::collection::vec(1u8..=255, 0..20).prop_map(String8::from_bytes)
}

fn guid_s() -> impl Strategy<Value = Uuid> {
    any::<[u8; 16]>().prop_map(Uuid::from_bytes)
}

fn vec_s<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Box<Vec<T>>> {
    proptest::collection::vec(s, 0..6).prop_map(Box::new)
}

/// Non-NaN floats, so that `==` compares round trips (NaN != NaN).
fn f32_s() -> impl Strategy<Value = f32> {
    any::<f32>().prop_filter("not NaN", |f| !f.is_nan())
}

fn f64_s() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("not NaN", |f| !f.is_nan())
}

/// Every value type except PtypRestriction (leaf values).
pub(crate) fn leaf_value_s() -> impl Strategy<Value = PropertyValue> {
    prop_oneof![
        Just(PropertyValue::Null),
        any::<i16>().prop_map(PropertyValue::Integer16),
        any::<i32>().prop_map(PropertyValue::Integer32),
        f32_s().prop_map(PropertyValue::Floating32),
        f64_s().prop_map(PropertyValue::Floating64),
        any::<i64>().prop_map(PropertyValue::Currency),
        f64_s().prop_map(PropertyValue::FloatingTime),
        any::<u32>().prop_map(|e| PropertyValue::ErrorCode(ErrorCode(e))),
        any::<bool>().prop_map(PropertyValue::Boolean),
        any::<i64>().prop_map(PropertyValue::Integer64),
        text_s().prop_map(PropertyValue::string),
        string8_s().prop_map(|s| PropertyValue::String8(Box::new(s))),
        any::<u64>().prop_map(|t| PropertyValue::Time(FileTime(t))),
        guid_s().prop_map(|g| PropertyValue::Guid(Box::new(g))),
        bytes_s().prop_map(|b| PropertyValue::ServerId(Box::new(b.into()))),
        proptest::collection::vec(bytes_s(), 0..4)
            .prop_map(|blocks| PropertyValue::RuleAction(Box::new(RuleAction { blocks }))),
        bytes_s().prop_map(PropertyValue::binary),
        vec_s(any::<i16>()).prop_map(PropertyValue::MultipleInteger16),
        vec_s(any::<i32>()).prop_map(PropertyValue::MultipleInteger32),
        vec_s(f32_s()).prop_map(PropertyValue::MultipleFloating32),
        vec_s(f64_s()).prop_map(PropertyValue::MultipleFloating64),
        vec_s(any::<i64>()).prop_map(PropertyValue::MultipleCurrency),
        vec_s(f64_s()).prop_map(PropertyValue::MultipleFloatingTime),
        vec_s(any::<i64>()).prop_map(PropertyValue::MultipleInteger64),
        vec_s(text_s()).prop_map(PropertyValue::MultipleString),
        vec_s(string8_s()).prop_map(PropertyValue::MultipleString8),
        vec_s(any::<u64>().prop_map(FileTime)).prop_map(PropertyValue::MultipleTime),
        vec_s(guid_s()).prop_map(PropertyValue::MultipleGuid),
        vec_s(bytes_s()).prop_map(PropertyValue::MultipleBinary),
    ]
}

fn tagged_s(
    value: impl Strategy<Value = PropertyValue>,
) -> impl Strategy<Value = TaggedPropertyValue> {
    (any::<u16>(), value).prop_map(|(id, v)| TaggedPropertyValue::new(id, v))
}

/// Restrictions of every type, nested a few levels, with PtypRestriction values inside.
pub(crate) fn restriction_s() -> impl Strategy<Value = Restriction> {
    use crate::wire::restriction::*;
    let tag = any::<u32>().prop_map(PropertyTag);
    let leaf = prop_oneof![
        (any::<u8>(), tag.clone(), any::<u32>()).prop_map(|(r, t, mask)| Restriction::Bitmask(
            BitmaskRestriction {
                relop: BitmapRelOp(r),
                prop_tag: t,
                mask
            }
        )),
        (any::<u8>(), tag.clone(), any::<u32>()).prop_map(|(r, t, size)| Restriction::Size(
            SizeRestriction {
                relop: RelOp(r),
                prop_tag: t,
                size
            }
        )),
        (any::<u8>(), tag.clone(), tag.clone()).prop_map(|(r, a, b)| {
            Restriction::CompareProperties(ComparePropertiesRestriction {
                relop: RelOp(r),
                prop_tag1: a,
                prop_tag2: b,
            })
        }),
        tag.clone().prop_map(Restriction::Exist),
        (
            any::<u16>(),
            any::<u16>(),
            tag.clone(),
            tagged_s(leaf_value_s())
        )
            .prop_map(|(lo, hi, t, v)| Restriction::Content(ContentRestriction {
                fuzzy_level_low: FuzzyLevelLow(lo),
                fuzzy_level_high: FuzzyLevelHigh(hi),
                prop_tag: t,
                value: v,
            })),
        (any::<u8>(), tag.clone(), tagged_s(leaf_value_s())).prop_map(|(r, t, v)| {
            Restriction::Property(PropertyRestriction {
                relop: RelOp(r),
                prop_tag: t,
                value: v,
            })
        }),
    ];
    leaf.prop_recursive(4, 24, 4, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Restriction::And),
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Restriction::Or),
            inner.clone().prop_map(|r| Restriction::Not(Box::new(r))),
            (any::<u32>(), inner.clone()).prop_map(|(t, r)| Restriction::SubObject(
                SubObjectRestriction {
                    subobject: PropertyTag(t),
                    restriction: Box::new(r)
                }
            )),
            (any::<u32>(), inner.clone()).prop_map(|(count, r)| Restriction::Count(
                CountRestriction {
                    count,
                    restriction: Box::new(r)
                }
            )),
            (
                proptest::collection::vec(tagged_s(leaf_value_s()), 0..3),
                proptest::option::of(inner.clone())
            )
                .prop_map(|(values, r)| Restriction::Comment(CommentRestriction {
                    values,
                    restriction: r.map(Box::new),
                })),
            (any::<u8>(), any::<u16>(), inner.clone()).prop_map(|(relop, id, r)| {
                let value = TaggedPropertyValue::new(id, PropertyValue::Restriction(Box::new(r)));
                Restriction::Property(PropertyRestriction {
                    relop: RelOp(relop),
                    prop_tag: value.tag,
                    value,
                })
            }),
        ]
    })
}

pub(crate) fn value_s() -> impl Strategy<Value = PropertyValue> {
    prop_oneof![
        8 => leaf_value_s(),
        1 => restriction_s().prop_map(|r| PropertyValue::Restriction(Box::new(r))),
    ]
}

fn enc_value(v: &PropertyValue, w: CountWidth) -> Vec<u8> {
    let mut out = Vec::new();
    v.encode_with(w, &mut out).unwrap();
    out
}

fn dec_value(
    ty: PropertyType,
    w: CountWidth,
    b: &[u8],
) -> Result<PropertyValue, crate::wire::DecodeError> {
    decode_all(b, |i| PropertyValue::decode_with(ty, w, i))
}

fn kind<T: std::fmt::Debug>(r: crate::wire::PResult<'_, T>) -> ErrorKind {
    match r {
        Err(nom::Err::Error(WireError { kind, .. }))
        | Err(nom::Err::Failure(WireError { kind, .. })) => kind,
        other => panic!("expected an error, got {other:?}"),
    }
}

// ---- known answers (MS-OXCDATA 2.11.1 layouts, byte by byte) ----

#[test]
fn property_value_is_compact() {
    assert!(
        std::mem::size_of::<PropertyValue>() <= 16,
        "{}",
        std::mem::size_of::<PropertyValue>()
    );
    assert!(std::mem::size_of::<FlaggedPropertyValue>() <= 16);
    // Empty strings and binaries allocate only the outer box.
    assert_eq!(std::mem::size_of::<Box<str>>(), 16);
}

#[test]
fn fixed_size_values() {
    let w = CountWidth::U16;
    assert_eq!(enc_value(&PropertyValue::Integer16(-2), w), [0xFE, 0xFF]);
    assert_eq!(
        enc_value(&PropertyValue::Integer32(0x0102_0304), w),
        [4, 3, 2, 1]
    );
    assert_eq!(enc_value(&PropertyValue::Boolean(true), w), [1]);
    assert_eq!(enc_value(&PropertyValue::Null, w), [] as [u8; 0]);
    assert_eq!(
        enc_value(&PropertyValue::Floating64(1.0), w),
        1.0f64.to_le_bytes()
    );
    assert_eq!(
        enc_value(&PropertyValue::ErrorCode(ErrorCode(0x8004_010F)), w),
        [0x0F, 0x01, 0x04, 0x80]
    );
    // PtypBoolean: any nonzero byte is true.
    assert_eq!(
        dec_value(PropertyType::BOOLEAN, w, &[0xFF]).unwrap(),
        PropertyValue::Boolean(true)
    );
}

#[test]
fn string_and_binary_layouts() {
    // PtypString "Hi": UTF-16LE + 0x0000.
    let v = PropertyValue::string("Hi");
    assert_eq!(enc_value(&v, CountWidth::U16), [0x48, 0, 0x69, 0, 0, 0]);
    // PtypString8 "Hi" + 0x00.
    let v8 = PropertyValue::String8(Box::new(String8::from_bytes(*b"Hi")));
    assert_eq!(enc_value(&v8, CountWidth::U32), [0x48, 0x69, 0]);
    // PtypBinary: 16-bit count in ROPs, 32-bit in NSPI.
    let b = PropertyValue::binary([0xAA, 0xBB]);
    assert_eq!(enc_value(&b, CountWidth::U16), [2, 0, 0xAA, 0xBB]);
    assert_eq!(enc_value(&b, CountWidth::U32), [2, 0, 0, 0, 0xAA, 0xBB]);
}

#[test]
fn multi_value_counts_are_32_bit_in_both_contexts() {
    // MS-OXCDATA 2.11.1.1: value counts of PtypMultiple types are 32 bits even in ROP buffers;
    // only the byte counts of the binaries inside follow the context.
    let v = PropertyValue::MultipleInteger16(Box::new(vec![1, 2]));
    assert_eq!(enc_value(&v, CountWidth::U16), [2, 0, 0, 0, 1, 0, 2, 0]);
    let mvb = PropertyValue::MultipleBinary(Box::new(vec![vec![0xAA], vec![]]));
    assert_eq!(
        enc_value(&mvb, CountWidth::U16),
        [2, 0, 0, 0, 1, 0, 0xAA, 0, 0]
    );
    assert_eq!(
        enc_value(&mvb, CountWidth::U32),
        [2, 0, 0, 0, 1, 0, 0, 0, 0xAA, 0, 0, 0, 0]
    );
}

#[test]
fn guid_value_is_mixed_endian() {
    let g = Uuid::parse_str("00020329-0000-0000-c000-000000000046").unwrap();
    let b = enc_value(&PropertyValue::Guid(Box::new(g)), CountWidth::U16);
    assert_eq!(
        b,
        [
            0x29, 0x03, 0x02, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46
        ]
    );
}

#[test]
fn server_id_parses_the_server_form() {
    // MS-OXCDATA 2.11.1.4: 16-bit count, Ours = 0x01, FID, MID, Instance.
    let mut wire = vec![21, 0, 0x01];
    wire.extend_from_slice(&0x1122_3344_5566_0001u64.to_le_bytes());
    wire.extend_from_slice(&0u64.to_le_bytes());
    wire.extend_from_slice(&7u32.to_le_bytes());
    for w in [CountWidth::U16, CountWidth::U32] {
        let v = dec_value(PropertyType::SERVER_ID, w, &wire).unwrap();
        let id = v.as_server_id().unwrap();
        assert_eq!(id.folder_id, 0x1122_3344_5566_0001);
        assert_eq!(id.message_id, 0);
        assert_eq!(id.instance, 7);
        assert_eq!(id.to_value_bytes(), v.as_bytes().unwrap());
        assert_eq!(enc_value(&v, w), wire);
    }
    // Client-defined (Ours = 0x00) server ids stay bytes.
    let client = PropertyValue::ServerId(Box::new(vec![0x00, 1, 2].into()));
    assert!(client.as_server_id().is_none());
}

#[test]
fn rule_action_framing_follows_the_width() {
    // MS-OXORULE 2.2.5: NoOfActions and ActionLength are 2 bytes (standard) / 4 (extended).
    let r = PropertyValue::RuleAction(Box::new(RuleAction {
        blocks: vec![vec![0x01, 0x02, 0x03]],
    }));
    assert_eq!(enc_value(&r, CountWidth::U16), [1, 0, 3, 0, 1, 2, 3]);
    assert_eq!(
        enc_value(&r, CountWidth::U32),
        [1, 0, 0, 0, 3, 0, 0, 0, 1, 2, 3]
    );
}

#[test]
fn tagged_typed_and_flagged_values() {
    // TaggedPropertyValue: PidTagDisplayName (0x3001001F) = "A".
    let t = TaggedPropertyValue::new(0x3001, PropertyValue::string("A"));
    let mut out = Vec::new();
    t.encode_with(CountWidth::U16, &mut out).unwrap();
    assert_eq!(out, [0x1F, 0x00, 0x01, 0x30, 0x41, 0, 0, 0]);
    let back = decode_all(&out, |i| {
        TaggedPropertyValue::decode_with(CountWidth::U16, i)
    })
    .unwrap();
    assert_eq!(back, t);
    // TypedPropertyValue: PtypInteger32 5.
    let mut out = Vec::new();
    TypedPropertyValue(PropertyValue::Integer32(5))
        .encode_with(CountWidth::U16, &mut out)
        .unwrap();
    assert_eq!(out, [0x03, 0x00, 5, 0, 0, 0]);
    // FlaggedPropertyValue: 0x0A then an error code.
    let f = decode_all(&[0x0A, 0x0F, 0x01, 0x04, 0x80], |i| {
        FlaggedPropertyValue::decode_with(PropertyType::STRING, CountWidth::U16, i)
    })
    .unwrap();
    assert_eq!(
        f,
        FlaggedPropertyValue::Error(PropertyType::STRING, ErrorCode(0x8004_010F))
    );
    // FlaggedPropertyValueWithType: type, flag 0x01, nothing else.
    let f = decode_all(&[0x03, 0x00, 0x01], |i| {
        FlaggedPropertyValueWithType::decode_with(CountWidth::U16, i)
    })
    .unwrap();
    assert_eq!(f.0, FlaggedPropertyValue::NoValue(PropertyType::INTEGER32));
    // Any other flag is refused.
    assert!(matches!(
        kind(FlaggedPropertyValue::decode_with(
            PropertyType::INTEGER32,
            CountWidth::U16,
            &[0x02, 0, 0, 0, 0]
        )),
        ErrorKind::InvalidValue {
            field: "Flag",
            value: 2
        }
    ));
}

#[test]
fn tag_and_value_type_must_agree_on_encode() {
    let t = TaggedPropertyValue {
        tag: PropertyTag(0x3001_001F),
        value: PropertyValue::Integer32(1),
    };
    assert!(t.encode_with(CountWidth::U16, &mut Vec::new()).is_err());
}

#[test]
fn typed_strings() {
    let cases: [(TypedString, &[u8]); 5] = [
        (TypedString::NoString, &[0x00]),
        (TypedString::Empty, &[0x01]),
        (
            TypedString::String8(String8::from_bytes(*b"ab")),
            &[0x02, b'a', b'b', 0],
        ),
        (TypedString::ReducedUnicode("é".into()), &[0x03, 0xE9, 0]),
        (TypedString::Unicode("a".into()), &[0x04, b'a', 0, 0, 0]),
    ];
    for (v, bytes) in cases {
        assert_eq!(v.to_bytes().unwrap(), bytes);
        assert_eq!(TypedString::from_bytes(bytes).unwrap(), v);
    }
    assert!(TypedString::ReducedUnicode("€".into()).to_bytes().is_err());
}

// ---- rows ----

const COLS: [PropertyTag; 3] = [
    PropertyTag(0x3001_001F), // PidTagDisplayName
    PropertyTag(0x0E08_0003), // PidTagMessageSize
    PropertyTag(0x0E1B_000B), // PidTagHasAttachments
];

#[test]
fn standard_row_known_answer() {
    // Flag 0x00, "A", 0x10 (u32), true.
    let wire = [0x00, 0x41, 0, 0, 0, 0x10, 0, 0, 0, 0x01];
    let row = decode_all(&wire, |i| {
        PropertyRow::decode_with(&COLS, CountWidth::U16, i)
    })
    .unwrap();
    assert_eq!(row.get(0).and_then(PropertyValue::as_str), Some("A"));
    assert_eq!(
        row.find(&COLS, PropertyTag(0x0E08_0003))
            .and_then(PropertyValue::as_i32),
        Some(16)
    );
    assert_eq!(row.get(2).and_then(PropertyValue::as_bool), Some(true));
    assert_eq!(row.values().count(), 3);
    let mut out = Vec::new();
    row.encode_with(&COLS, CountWidth::U16, &mut out).unwrap();
    assert_eq!(out, wire);
}

#[test]
fn flagged_row_with_missing_and_error_values() {
    // Flag 0x01; value 0: flag 0x00 "A"; value 1: flag 0x0A MAPI_E_NOT_FOUND; value 2: flag 0x01.
    let wire = [
        0x01, 0x00, 0x41, 0, 0, 0, 0x0A, 0x0F, 0x01, 0x04, 0x80, 0x01,
    ];
    let row = decode_all(&wire, |i| {
        PropertyRow::decode_with(&COLS, CountWidth::U16, i)
    })
    .unwrap();
    assert!(matches!(row, PropertyRow::Flagged(_)));
    assert_eq!(row.get(0).and_then(PropertyValue::as_str), Some("A"));
    assert_eq!(row.get(1), None);
    assert_eq!(row.error(1), Some(ErrorCode(0x8004_010F)));
    assert_eq!(row.get(2), None);
    assert_eq!(row.error(2), None);
    let mut out = Vec::new();
    row.encode_with(&COLS, CountWidth::U16, &mut out).unwrap();
    assert_eq!(out, wire);
}

#[test]
fn unspecified_columns_carry_their_type() {
    let cols = [PropertyTag(0x3001_0000)];
    // Standard: TypedPropertyValue (2.11.3).
    let wire = [0x00, 0x03, 0x00, 7, 0, 0, 0];
    let row = decode_all(&wire, |i| {
        PropertyRow::decode_with(&cols, CountWidth::U16, i)
    })
    .unwrap();
    assert_eq!(row.get(0), Some(&PropertyValue::Integer32(7)));
    assert_eq!(
        row.find(&cols, PropertyTag(0x3001_0003)),
        Some(&PropertyValue::Integer32(7))
    );
    // Flagged: FlaggedPropertyValueWithType (2.11.6), here an error.
    let wire = [0x01, 0x1F, 0x00, 0x0A, 0x0E, 0x00, 0x07, 0x80];
    let row = decode_all(&wire, |i| {
        PropertyRow::decode_with(&cols, CountWidth::U16, i)
    })
    .unwrap();
    assert_eq!(row.error(0), Some(ErrorCode(0x8007_000E)));
    let mut out = Vec::new();
    row.encode_with(&cols, CountWidth::U16, &mut out).unwrap();
    assert_eq!(out, wire);
}

#[test]
fn row_set_known_answer_and_errors() {
    let cols = [PropertyTag(0x0E1B_000B)];
    let wire = [2, 0, 0x00, 0x01, 0x01, 0x01];
    let set = decode_all(&wire, |i| {
        PropertyRowSet::decode_with(&cols, CountWidth::U16, i)
    })
    .unwrap();
    assert_eq!(set.rows.len(), 2);
    assert_eq!(set.rows[0].get(0), Some(&PropertyValue::Boolean(true)));
    assert_eq!(set.rows[1].get(0), None);
    // A row count the input cannot hold fails before any allocation.
    let lying = [0xFF, 0xFF, 0x00, 0x01];
    assert!(matches!(
        kind(PropertyRowSet::decode_with(&cols, CountWidth::U16, &lying)),
        ErrorKind::LengthExceedsInput {
            field: "RowCount",
            ..
        }
    ));
    // A flag byte other than 0x00 / 0x01.
    assert!(matches!(
        kind(PropertyRow::decode_with(
            &cols,
            CountWidth::U16,
            &[0x02, 0x01]
        )),
        ErrorKind::InvalidValue { .. }
    ));
}

#[test]
fn row_values_must_match_columns_on_encode() {
    let row = PropertyRow::Standard(StandardPropertyRow {
        values: vec![PropertyValue::Integer32(1)],
    });
    assert!(
        row.encode_with(&COLS, CountWidth::U16, &mut Vec::new())
            .is_err()
    );
    assert!(
        row.encode_with(
            &[PropertyTag(0x3001_001F)],
            CountWidth::U16,
            &mut Vec::new()
        )
        .is_err()
    );
}

// ---- hostile input ----

#[test]
fn unknown_property_type() {
    assert_eq!(
        dec_value(PropertyType(0x0033), CountWidth::U16, &[0; 8])
            .unwrap_err()
            .kind,
        ErrorKind::UnknownPropertyType(0x0033)
    );
    // PtypObject has no wire layout in property values (MS-OXCDATA 2.11.1.5).
    assert_eq!(
        dec_value(PropertyType::OBJECT, CountWidth::U16, &[0; 8])
            .unwrap_err()
            .kind,
        ErrorKind::UnknownPropertyType(0x000D)
    );
}

#[test]
fn truncated_values_fail() {
    let all = [
        PropertyType::INTEGER16,
        PropertyType::INTEGER32,
        PropertyType::FLOATING64,
        PropertyType::GUID,
        PropertyType::STRING,
        PropertyType::STRING8,
        PropertyType::BINARY,
        PropertyType::SERVER_ID,
        PropertyType::RESTRICTION,
        PropertyType::RULE_ACTION,
        PropertyType::MULTIPLE_INTEGER32,
        PropertyType::MULTIPLE_STRING,
        PropertyType::MULTIPLE_BINARY,
    ];
    for ty in all {
        for w in [CountWidth::U16, CountWidth::U32] {
            assert!(dec_value(ty, w, &[0x05]).is_err(), "{ty:?}");
        }
    }
}

#[test]
fn lying_counts_fail_fast() {
    let huge = [0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3];
    for ty in [
        PropertyType::MULTIPLE_INTEGER64,
        PropertyType::MULTIPLE_STRING,
        PropertyType::MULTIPLE_STRING8,
        PropertyType::MULTIPLE_GUID,
        PropertyType::MULTIPLE_BINARY,
        PropertyType::BINARY,
        PropertyType::RULE_ACTION,
    ] {
        let err = dec_value(ty, CountWidth::U32, &huge).unwrap_err();
        assert!(
            matches!(err.kind, ErrorKind::LengthExceedsInput { .. }),
            "{ty:?}: {err}"
        );
    }
    // Unterminated strings.
    assert_eq!(
        dec_value(PropertyType::STRING, CountWidth::U16, &[0x41, 0x00])
            .unwrap_err()
            .kind,
        ErrorKind::UnterminatedString
    );
}

// ---- names, problems, tag arrays, sort orders ----

#[test]
fn property_name_known_answers() {
    let ps_public = Uuid::parse_str("00020329-0000-0000-c000-000000000046").unwrap();
    let lid = PropertyName {
        guid: ps_public,
        kind: PropertyNameKind::Lid(0x8501),
    };
    let b = lid.to_bytes().unwrap();
    assert_eq!(b[0], 0x00);
    assert_eq!(&b[17..], &[0x01, 0x85, 0, 0]);
    let name = PropertyName {
        guid: ps_public,
        kind: PropertyNameKind::Name("Keywords".into()),
    };
    let b = name.to_bytes().unwrap();
    assert_eq!(b[0], 0x01);
    assert_eq!(b[17], 18); // 8 UTF-16 units plus the terminator.
    assert_eq!(b.len(), 18 + 18);
    assert_eq!(PropertyName::from_bytes(&b).unwrap(), name);
    // A name sent without its terminator reads the same.
    let mut bare = b[..17].to_vec();
    bare.push(16);
    bare.extend_from_slice(&b[18..34]);
    assert_eq!(PropertyName::from_bytes(&bare).unwrap(), name);
    let none = PropertyName {
        guid: ps_public,
        kind: PropertyNameKind::None,
    };
    assert_eq!(none.to_bytes().unwrap().len(), 17);
    assert!(PropertyName::from_bytes(&[0x05; 17]).is_err());
}

/// Found by `cargo fuzz run property_values`: a Name with a NUL inside it decoded, but no
/// null-terminated encoding can carry it; and a bare 254-byte name has no room for the
/// terminator the encoder writes. Both are refused now.
#[test]
fn property_name_refuses_names_it_cannot_encode() {
    let mut inner_nul = vec![PropertyName::KIND_NAME];
    inner_nul.extend_from_slice(&[0x11; 16]);
    inner_nul.push(8);
    inner_nul.extend_from_slice(&[b'a', 0, 0, 0, b'b', 0, 0, 0]);
    assert!(PropertyName::from_bytes(&inner_nul).is_err());
    let mut too_long = vec![PropertyName::KIND_NAME];
    too_long.extend_from_slice(&[0x11; 16]);
    too_long.push(254);
    too_long.extend(std::iter::repeat_n([b'a', 0], 127).flatten());
    assert!(PropertyName::from_bytes(&too_long).is_err());
    // The longest bare name still reads, and its encoding (with terminator) fits.
    let mut longest = vec![PropertyName::KIND_NAME];
    longest.extend_from_slice(&[0x11; 16]);
    longest.push(252);
    longest.extend(std::iter::repeat_n([b'a', 0], 126).flatten());
    let name = PropertyName::from_bytes(&longest).unwrap();
    assert_eq!(
        PropertyName::from_bytes(&name.to_bytes().unwrap()).unwrap(),
        name
    );
}

#[test]
fn problems_tags_and_sort_orders_known_answers() {
    let p = PropertyProblemArray(vec![PropertyProblem {
        index: 1,
        tag: PropertyTag(0x0037_001F),
        error: ErrorCode(0x8004_0102),
    }]);
    assert_eq!(
        p.to_bytes().unwrap(),
        [1, 0, 1, 0, 0x1F, 0x00, 0x37, 0x00, 0x02, 0x01, 0x04, 0x80]
    );
    let t = PropertyTagArray(vec![PropertyTag(0x3001_001F)]);
    assert_eq!(t.to_bytes().unwrap(), [1, 0, 0x1F, 0, 0x01, 0x30]);
    let mut nspi = Vec::new();
    t.encode_with(CountWidth::U32, &mut nspi).unwrap();
    assert_eq!(nspi, [1, 0, 0, 0, 0x1F, 0, 0x01, 0x30]);
    let s = SortOrderSet {
        categorized_count: 0,
        expanded_count: 0,
        sort_orders: vec![SortOrder {
            tag: PropertyTag(0x0E06_0040),
            order: SortDirection::DESCEND,
        }],
    };
    // PropertyType 0x0040, PropertyId 0x0E06, Order 0x01.
    assert_eq!(
        s.to_bytes().unwrap(),
        [1, 0, 0, 0, 0, 0, 0x40, 0x00, 0x06, 0x0E, 0x01]
    );
    assert!(PropertyTagArray::from_bytes(&[0xFF, 0xFF, 0, 0]).is_err());
    assert!(SortOrderSet::from_bytes(&[0xFF, 0xFF, 0, 0, 0, 0]).is_err());
}

proptest! {
    #[test]
    fn property_value_round_trips(v in value_s(), w in widths()) {
        let bytes = enc_value(&v, w);
        let back = dec_value(v.prop_type(), w, &bytes).unwrap();
        prop_assert_eq!(back, v);
    }

    #[test]
    fn float_bit_patterns_round_trip(bits32 in any::<u32>(), bits64 in any::<u64>()) {
        // NaN payloads included: compare bits, not values.
        let v = PropertyValue::Floating32(f32::from_bits(bits32));
        let b = enc_value(&v, CountWidth::U16);
        match dec_value(PropertyType::FLOATING32, CountWidth::U16, &b).unwrap() {
            PropertyValue::Floating32(f) => prop_assert_eq!(f.to_bits(), bits32),
            other => prop_assert!(false, "{:?}", other),
        }
        let v = PropertyValue::FloatingTime(f64::from_bits(bits64));
        let b = enc_value(&v, CountWidth::U32);
        match dec_value(PropertyType::FLOATING_TIME, CountWidth::U32, &b).unwrap() {
            PropertyValue::FloatingTime(f) => prop_assert_eq!(f.to_bits(), bits64),
            other => prop_assert!(false, "{:?}", other),
        }
    }

    #[test]
    fn typed_tagged_flagged_round_trip(v in value_s(), id in any::<u16>(), flag in 0u8..3, e in any::<u32>(), w in widths()) {
        let typed = TypedPropertyValue(v.clone());
        let mut out = Vec::new();
        typed.encode_with(w, &mut out).unwrap();
        prop_assert_eq!(decode_all(&out, |i| TypedPropertyValue::decode_with(w, i)).unwrap(), typed);

        let tagged = TaggedPropertyValue::new(id, v.clone());
        let mut out = Vec::new();
        tagged.encode_with(w, &mut out).unwrap();
        prop_assert_eq!(decode_all(&out, |i| TaggedPropertyValue::decode_with(w, i)).unwrap(), tagged);

        let ty = v.prop_type();
        let flagged = match flag {
            0 => FlaggedPropertyValue::Value(v),
            1 => FlaggedPropertyValue::NoValue(ty),
            _ => FlaggedPropertyValue::Error(ty, ErrorCode(e)),
        };
        let mut out = Vec::new();
        flagged.encode_with(w, &mut out).unwrap();
        prop_assert_eq!(&decode_all(&out, |i| FlaggedPropertyValue::decode_with(ty, w, i)).unwrap(), &flagged);
        let with_type = FlaggedPropertyValueWithType(flagged);
        let mut out = Vec::new();
        with_type.encode_with(w, &mut out).unwrap();
        prop_assert_eq!(decode_all(&out, |i| FlaggedPropertyValueWithType::decode_with(w, i)).unwrap(), with_type);
    }

    #[test]
    fn rows_round_trip(
        cells in proptest::collection::vec((leaf_value_s(), any::<u16>(), any::<bool>(), 0u8..3, any::<u32>()), 0..6),
        nrows in 0usize..4,
        flagged in any::<bool>(),
        w in widths(),
    ) {
        let columns: Vec<PropertyTag> = cells
            .iter()
            .map(|(v, id, unspecified, _, _)| {
                PropertyTag::from_parts(*id, if *unspecified { PropertyType::UNSPECIFIED } else { v.prop_type() })
            })
            .collect();
        let row = if flagged {
            PropertyRow::Flagged(FlaggedPropertyRow {
                values: cells
                    .iter()
                    .map(|(v, _, _, f, e)| match f {
                        0 => FlaggedPropertyValue::Value(v.clone()),
                        1 => FlaggedPropertyValue::NoValue(v.prop_type()),
                        _ => FlaggedPropertyValue::Error(v.prop_type(), ErrorCode(*e)),
                    })
                    .collect(),
            })
        } else {
            PropertyRow::Standard(StandardPropertyRow { values: cells.iter().map(|c| c.0.clone()).collect() })
        };
        let set = PropertyRowSet { rows: vec![row; nrows] };
        let mut out = Vec::new();
        set.encode_with(&columns, w, &mut out).unwrap();
        prop_assert!(out.len() >= 2 + nrows * PropertyRow::min_wire_size(&columns, w));
        let back = decode_all(&out, |i| PropertyRowSet::decode_with(&columns, w, i)).unwrap();
        prop_assert_eq!(back, set);
    }

    #[test]
    fn names_problems_tags_sorts_round_trip(
        g in guid_s(), k in 0u8..3, lid in any::<u32>(), name in "[^\u{0}]{0,40}",
        problems in proptest::collection::vec((any::<u16>(), any::<u32>(), any::<u32>()), 0..5),
        tags in proptest::collection::vec(any::<u32>(), 0..6),
        sorts in proptest::collection::vec((any::<u32>(), any::<u8>()), 0..5),
        cat in any::<u16>(), exp in any::<u16>(), w in widths(),
    ) {
        let n = PropertyName {
            guid: g,
            kind: match k { 0 => PropertyNameKind::Lid(lid), 1 => PropertyNameKind::Name(name), _ => PropertyNameKind::None },
        };
        prop_assert_eq!(PropertyName::from_bytes(&n.to_bytes().unwrap()).unwrap(), n);
        let p = PropertyProblemArray(problems.into_iter().map(|(index, t, e)| PropertyProblem { index, tag: PropertyTag(t), error: ErrorCode(e) }).collect());
        prop_assert_eq!(PropertyProblemArray::from_bytes(&p.to_bytes().unwrap()).unwrap(), p);
        let t = PropertyTagArray(tags.into_iter().map(PropertyTag).collect());
        let mut out = Vec::new();
        t.encode_with(w, &mut out).unwrap();
        prop_assert_eq!(decode_all(&out, |i| PropertyTagArray::decode_with(w, i)).unwrap(), t);
        let s = SortOrderSet {
            categorized_count: cat,
            expanded_count: exp,
            sort_orders: sorts.into_iter().map(|(t, o)| SortOrder { tag: PropertyTag(t), order: SortDirection(o) }).collect(),
        };
        prop_assert_eq!(SortOrderSet::from_bytes(&s.to_bytes().unwrap()).unwrap(), s);
    }

    #[test]
    fn typed_string_round_trips(k in 0u8..5, s8 in string8_s(), reduced in "[\u{1}-\u{ff}]{0,10}", uni in text_s()) {
        let v = match k {
            0 => TypedString::NoString,
            1 => TypedString::Empty,
            2 => TypedString::String8(s8),
            3 => TypedString::ReducedUnicode(reduced),
            _ => TypedString::Unicode(uni),
        };
        prop_assert_eq!(TypedString::from_bytes(&v.to_bytes().unwrap()).unwrap(), v);
    }

    #[test]
    fn arbitrary_bytes_never_panic(ty in any::<u16>(), bytes in proptest::collection::vec(any::<u8>(), 0..64), w in widths()) {
        let _ = PropertyValue::decode_with(PropertyType(ty), w, &bytes);
        let _ = PropertyRow::decode_with(&COLS, w, &bytes);
        let _ = PropertyRowSet::decode_with(&[PropertyTag(0x3001_0000)], w, &bytes);
        let _ = PropertyName::decode(&bytes);
        let _ = TypedString::decode(&bytes);
        let _ = Restriction::decode_with(w, &bytes);
    }
}

#[test]
fn restriction_value_inside_a_row() {
    // A PtypRestriction column: the restriction sits inline in the row.
    let r = Restriction::Property(PropertyRestriction {
        relop: RelOp::EQ,
        prop_tag: PropertyTag(0x0E08_0003),
        value: TaggedPropertyValue::new(0x0E08, PropertyValue::Integer32(1)),
    });
    let cols = [PropertyTag(0x6679_00FD)];
    let row = PropertyRow::Standard(StandardPropertyRow {
        values: vec![PropertyValue::Restriction(Box::new(r))],
    });
    let mut out = Vec::new();
    row.encode_with(&cols, CountWidth::U16, &mut out).unwrap();
    assert_eq!(
        out,
        [
            0x00, 0x04, 0x04, 0x03, 0x00, 0x08, 0x0E, 0x03, 0x00, 0x08, 0x0E, 1, 0, 0, 0
        ]
    );
    assert_eq!(
        decode_all(&out, |i| PropertyRow::decode_with(
            &cols,
            CountWidth::U16,
            i
        ))
        .unwrap(),
        row
    );
}

#[test]
fn conversions_and_json() {
    assert_eq!(PropertyValue::from("a"), PropertyValue::string("a"));
    assert_eq!(PropertyValue::from(7i32).as_i64(), Some(7));
    assert_eq!(
        PropertyValue::from(vec![1u8, 2]).as_bytes(),
        Some(&[1u8, 2][..])
    );
    let row = PropertyRow::Flagged(FlaggedPropertyRow {
        values: vec![
            FlaggedPropertyValue::Value(PropertyValue::binary([0xAB])),
            FlaggedPropertyValue::Error(PropertyType::STRING, ErrorCode(0x8004_010F)),
        ],
    });
    let json = serde_json::to_string(&row).unwrap();
    assert!(json.contains("\"ab\""), "{json}");
    assert!(json.contains("Binary"), "{json}");
    let r = Restriction::eq(TaggedPropertyValue::new(0x0037, PropertyValue::string("x")));
    assert!(serde_json::to_string(&r).unwrap().contains("\"x\""));
}

#[test]
fn multivalue_instance_columns_carry_single_values() {
    // MS-OXCDATA 2.11.1.3: PidTagKeywords-like column 0x1234101F | 0x2000 yields one string per row.
    let cols = [PropertyTag(0x1234_301F)];
    assert!(cols[0].prop_type().is_mv_instance());
    assert_eq!(cols[0].value_type(), PropertyType::STRING);
    let wire = [0x00, 0x41, 0x00, 0x00, 0x00];
    let row = decode_all(&wire, |i| {
        PropertyRow::decode_with(&cols, CountWidth::U16, i)
    })
    .unwrap();
    assert_eq!(row.get(0).and_then(PropertyValue::as_str), Some("A"));
    assert_eq!(
        row.find(&cols, PropertyTag(0x1234_001F))
            .and_then(PropertyValue::as_str),
        Some("A")
    );
    let mut out = Vec::new();
    row.encode_with(&cols, CountWidth::U16, &mut out).unwrap();
    assert_eq!(out, wire);
    // A tagged value with the MVI bit (as in a restriction on such a column).
    let t = TaggedPropertyValue {
        tag: PropertyTag(0x1234_301F),
        value: PropertyValue::string("A"),
    };
    let mut out = Vec::new();
    t.encode_with(CountWidth::U16, &mut out).unwrap();
    assert_eq!(
        decode_all(&out, |i| TaggedPropertyValue::decode_with(
            CountWidth::U16,
            i
        ))
        .unwrap(),
        t
    );
}

#[test]
fn truncated_rows_say_where() {
    // The PtypInteger32 of column 1 is cut after two of its four bytes.
    let wire = [0x00, 0x41, 0, 0, 0, 0x10, 0];
    let err = decode_all(&wire, |i| {
        PropertyRow::decode_with(&COLS, CountWidth::U16, i)
    })
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Truncated { needed: 2 });
    assert_eq!(err.offset, 5);
    assert_eq!(err.structure, "PropertyValue");
    // A flagged row cut right after a value's flag.
    let wire = [0x01, 0x00];
    let err = decode_all(&wire, |i| {
        PropertyRow::decode_with(&COLS, CountWidth::U16, i)
    })
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnterminatedString);
    assert_eq!(err.offset, 2);
    // A row set whose second row is missing.
    let wire = [2, 0, 0x00, 0x41, 0, 0, 0, 1, 0, 0, 0, 1];
    let err = decode_all(&wire, |i| {
        PropertyRowSet::decode_with(&COLS, CountWidth::U16, i)
    })
    .unwrap_err();
    assert!(matches!(
        err.kind,
        ErrorKind::LengthExceedsInput {
            field: "RowCount",
            ..
        } | ErrorKind::Truncated { .. }
    ));
}
