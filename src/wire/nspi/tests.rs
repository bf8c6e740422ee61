//! Round trips of every address book body and shared structure over generated values, known
//! answers built from the MS-OXCMAPIHTTP 2.2.1 layouts, and hostile input (arbitrary bytes,
//! lying counts). Test-only: compiled under `#[cfg(test)]` from mod.rs.

use proptest::prelude::*;
use uuid::Uuid;

use super::structures::*;
use super::*;
use crate::wire::error::{ErrorKind, decode_all};
use crate::wire::mapihttp::FailureResponse;
use crate::wire::property::tests::{restriction_s, value_s};
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue};
use crate::wire::{ErrorCode, Wire};

// ---------------------------------------------------------------- strategies

fn bytes_s() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..24)
}

fn ascii_s() -> impl Strategy<Value = String> {
    "[\u{1}-\u{7f}]{0,24}"
}

fn text_s() -> impl Strategy<Value = String> {
    "[^\u{0}]{0,16}"
}

fn guid_s() -> impl Strategy<Value = Uuid> {
    any::<[u8; 16]>().prop_map(Uuid::from_bytes)
}

fn stat_s() -> impl Strategy<Value = Stat> {
    any::<[u32; 9]>().prop_map(|f| Stat {
        sort_type: f[0],
        container_id: f[1],
        current_rec: f[2],
        delta: f[3] as i32,
        num_pos: f[4],
        total_recs: f[5],
        code_page: f[6],
        template_locale: f[7],
        sort_locale: f[8],
    })
}

fn opt<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(s)
}

fn mids_s() -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(any::<u32>(), 0..6)
}

fn tags_s() -> impl Strategy<Value = LargePropertyTagArray> {
    proptest::collection::vec(any::<u32>().prop_map(PropertyTag), 0..6)
        .prop_map(LargePropertyTagArray)
}

/// A typed value: the value's own type, without a value (HasValue 0) sometimes where the type
/// allows it.
fn typed_s() -> impl Strategy<Value = AddressBookTypedPropertyValue> {
    (value_s(), any::<bool>()).prop_map(|(v, none)| {
        let prop_type = v.prop_type();
        let value = if none && has_value_field(prop_type) {
            AddressBookPropertyValue { value: None }
        } else {
            AddressBookPropertyValue::new(v)
        };
        AddressBookTypedPropertyValue { prop_type, value }
    })
}

fn tagged_s() -> impl Strategy<Value = AddressBookTaggedPropertyValue> {
    (any::<u16>(), typed_s()).prop_map(|(id, t)| AddressBookTaggedPropertyValue {
        tag: PropertyTag::from_parts(id, t.prop_type),
        value: t.value,
    })
}

fn list_s() -> impl Strategy<Value = AddressBookPropertyValueList> {
    proptest::collection::vec(tagged_s(), 0..5).prop_map(AddressBookPropertyValueList)
}

fn flagged_s() -> impl Strategy<Value = AddressBookFlaggedPropertyValueWithType> {
    (typed_s(), 0u8..3, any::<u32>()).prop_map(|(t, kind, e)| {
        AddressBookFlaggedPropertyValueWithType {
            prop_type: t.prop_type,
            value: match kind {
                0 => AddressBookFlaggedPropertyValue::Value(t.value),
                1 => AddressBookFlaggedPropertyValue::Missing,
                _ => AddressBookFlaggedPropertyValue::Error(ErrorCode(e)),
            },
        }
    })
}

/// Rows of standard and flagged values; a column gets the type its values share, or
/// PtypUnspecified (the values then carry their type on the wire).
fn row_set_s() -> impl Strategy<Value = AddressBookRowSet> {
    (0usize..4, 0usize..4).prop_flat_map(|(ncols, nrows)| {
        let row = prop_oneof![
            proptest::collection::vec(typed_s(), ncols).prop_map(AddressBookPropertyRow::Standard),
            proptest::collection::vec(flagged_s(), ncols).prop_map(AddressBookPropertyRow::Flagged),
        ];
        (
            proptest::collection::vec(row, nrows),
            proptest::collection::vec(any::<bool>(), ncols),
        )
            .prop_map(move |(rows, unspecified)| {
                let columns = (0..ncols)
                    .map(|c| {
                        let types: Vec<PropertyType> = rows
                            .iter()
                            .map(|r| match r {
                                AddressBookPropertyRow::Standard(v) => v[c].prop_type,
                                AddressBookPropertyRow::Flagged(v) => v[c].prop_type,
                            })
                            .collect();
                        let shared = types
                            .first()
                            .copied()
                            .filter(|t| types.iter().all(|x| x == t) && !unspecified[c]);
                        PropertyTag::from_parts(
                            c as u16,
                            shared.unwrap_or(PropertyType::UNSPECIFIED),
                        )
                    })
                    .collect();
                AddressBookRowSet {
                    columns: LargePropertyTagArray(columns),
                    rows,
                }
            })
    })
}

fn entry_id_s() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 31).prop_map(|mut b| {
            b.insert(0, EPHEMERAL_ID_TYPE);
            b
        }),
        (
            proptest::collection::vec(any::<u8>(), 27),
            "[\u{1}-\u{7f}]{0,20}"
        )
            .prop_map(|(mut b, dn)| {
                b.insert(0, PERMANENT_ID_TYPE);
                b.extend_from_slice(dn.as_bytes());
                b.push(0);
                b
            }),
    ]
}

fn failure_s() -> impl Strategy<Value = FailureResponse> {
    (1..=u32::MAX, bytes_s()).prop_map(|(status_code, auxiliary_buffer)| FailureResponse {
        status_code,
        auxiliary_buffer,
    })
}

fn response<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = AddressBookResponse<T>> {
    prop_oneof![
        4 => s.prop_map(AddressBookResponse::Success),
        1 => failure_s().prop_map(AddressBookResponse::Failure),
    ]
}

fn err_s() -> impl Strategy<Value = ErrorCode> {
    any::<u32>().prop_map(ErrorCode)
}

fn requests_s() -> impl Strategy<Value = NspiRequest> {
    let a = prop_oneof![
        (any::<u32>(), opt(stat_s()), bytes_s()).prop_map(|(flags, state, aux)| NspiRequest::Bind(
            BindRequest {
                flags,
                state,
                auxiliary_buffer: aux
            }
        )),
        (any::<u32>(), bytes_s()).prop_map(|(reserved, aux)| NspiRequest::Unbind(UnbindRequest {
            reserved,
            auxiliary_buffer: aux
        })),
        (
            any::<u32>(),
            opt(stat_s()),
            any::<u32>(),
            any::<u32>(),
            bytes_s()
        )
            .prop_map(|(reserved, state, minimal_id1, minimal_id2, aux)| {
                NspiRequest::CompareMIds(CompareMIdsRequest {
                    reserved,
                    state,
                    minimal_id1,
                    minimal_id2,
                    auxiliary_buffer: aux,
                })
            }),
        (
            any::<u32>(),
            opt(proptest::collection::vec(ascii_s(), 0..4)),
            bytes_s()
        )
            .prop_map(
                |(reserved, names, aux)| NspiRequest::DnToMId(DnToMIdRequest {
                    reserved,
                    names,
                    auxiliary_buffer: aux
                })
            ),
        (
            (any::<u32>(), opt(stat_s()), opt(mids_s()), any::<u32>()),
            (
                opt(restriction_s()),
                opt((guid_s(), any::<u32>())),
                any::<u32>(),
                opt(tags_s()),
                bytes_s()
            )
        )
            .prop_map(
                |((reserved, state, minimal_ids, iof), (filter, pn, row_count, columns, aux))| {
                    NspiRequest::GetMatches(GetMatchesRequest {
                        reserved,
                        state,
                        minimal_ids,
                        interface_option_flags: iof,
                        filter,
                        property_name: pn.map(|(guid, id)| PropertyNameR { guid, id }),
                        row_count,
                        columns,
                        auxiliary_buffer: aux,
                    })
                }
            ),
        (any::<u32>(), any::<u32>(), any::<u32>(), bytes_s()).prop_map(
            |(flags, minimal_id, code_page, aux)| NspiRequest::GetPropList(GetPropListRequest {
                flags,
                minimal_id,
                code_page,
                auxiliary_buffer: aux
            })
        ),
        (any::<u32>(), opt(stat_s()), opt(tags_s()), bytes_s()).prop_map(
            |(flags, state, property_tags, aux)| NspiRequest::GetProps(GetPropsRequest {
                flags,
                state,
                property_tags,
                auxiliary_buffer: aux
            })
        ),
        (any::<u32>(), opt(stat_s()), opt(any::<u32>()), bytes_s()).prop_map(
            |(flags, state, version, aux)| NspiRequest::GetSpecialTable(GetSpecialTableRequest {
                flags,
                state,
                version,
                auxiliary_buffer: aux
            })
        ),
        (
            any::<u32>(),
            any::<u32>(),
            opt(ascii_s()),
            any::<u32>(),
            any::<u32>(),
            bytes_s()
        )
            .prop_map(
                |(flags, display_type, template_dn, code_page, locale_id, aux)| {
                    NspiRequest::GetTemplateInfo(GetTemplateInfoRequest {
                        flags,
                        display_type,
                        template_dn,
                        code_page,
                        locale_id,
                        auxiliary_buffer: aux,
                    })
                }
            ),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            opt(proptest::collection::vec(entry_id_s(), 0..3)),
            bytes_s()
        )
            .prop_map(
                |(flags, tag, minimal_id, entry_ids, aux)| NspiRequest::ModLinkAtt(
                    ModLinkAttRequest {
                        flags,
                        property_tag: PropertyTag(tag),
                        minimal_id,
                        entry_ids,
                        auxiliary_buffer: aux,
                    }
                )
            ),
    ];
    let b = prop_oneof![
        (
            any::<u32>(),
            opt(stat_s()),
            opt(tags_s()),
            opt(list_s()),
            bytes_s()
        )
            .prop_map(|(reserved, state, rm, values, aux)| NspiRequest::ModProps(
                ModPropsRequest {
                    reserved,
                    state,
                    property_tags_to_remove: rm,
                    property_values: values,
                    auxiliary_buffer: aux,
                }
            )),
        (any::<u32>(), any::<u32>(), bytes_s()).prop_map(|(reserved, mapi_flags, aux)| {
            NspiRequest::QueryColumns(QueryColumnsRequest {
                reserved,
                mapi_flags,
                auxiliary_buffer: aux,
            })
        }),
        (
            any::<u32>(),
            opt(stat_s()),
            mids_s(),
            any::<u32>(),
            opt(tags_s()),
            bytes_s()
        )
            .prop_map(|(flags, state, explicit_table, row_count, columns, aux)| {
                NspiRequest::QueryRows(QueryRowsRequest {
                    flags,
                    state,
                    explicit_table,
                    row_count,
                    columns,
                    auxiliary_buffer: aux,
                })
            }),
        (
            any::<u32>(),
            opt(stat_s()),
            opt(tags_s()),
            opt(proptest::collection::vec(text_s(), 0..4)),
            bytes_s()
        )
            .prop_map(|(reserved, state, property_tags, names, aux)| {
                NspiRequest::ResolveNames(ResolveNamesRequest {
                    reserved,
                    state,
                    property_tags,
                    names,
                    auxiliary_buffer: aux,
                })
            }),
        (any::<u32>(), opt(stat_s()), opt(mids_s()), bytes_s()).prop_map(
            |(reserved, state, minimal_ids, aux)| NspiRequest::ResortRestriction(
                ResortRestrictionRequest {
                    reserved,
                    state,
                    minimal_ids,
                    auxiliary_buffer: aux,
                }
            )
        ),
        (
            any::<u32>(),
            opt(stat_s()),
            opt(tagged_s()),
            opt(mids_s()),
            opt(tags_s()),
            bytes_s()
        )
            .prop_map(|(reserved, state, target, explicit_table, columns, aux)| {
                NspiRequest::SeekEntries(SeekEntriesRequest {
                    reserved,
                    state,
                    target,
                    explicit_table,
                    columns,
                    auxiliary_buffer: aux,
                })
            }),
        (any::<u32>(), opt(stat_s()), any::<bool>(), bytes_s()).prop_map(
            |(reserved, state, delta_requested, aux)| NspiRequest::UpdateStat(UpdateStatRequest {
                reserved,
                state,
                delta_requested,
                auxiliary_buffer: aux,
            })
        ),
        (any::<u32>(), text_s(), bytes_s()).prop_map(|(flags, server_dn, aux)| {
            NspiRequest::GetMailboxUrl(GetMailboxUrlRequest {
                flags,
                server_dn,
                auxiliary_buffer: aux,
            })
        }),
        (any::<u32>(), text_s(), bytes_s()).prop_map(|(flags, user_dn, aux)| {
            NspiRequest::GetAddressBookUrl(GetAddressBookUrlRequest {
                flags,
                user_dn,
                auxiliary_buffer: aux,
            })
        }),
    ];
    prop_oneof![a, b]
}

fn responses_s() -> impl Strategy<Value = NspiResponse> {
    let a = prop_oneof![
        response(
            (err_s(), guid_s(), bytes_s()).prop_map(|(error_code, server_guid, aux)| BindSuccess {
                error_code,
                server_guid,
                auxiliary_buffer: aux
            })
        )
        .prop_map(NspiResponse::Bind),
        response(
            (err_s(), bytes_s()).prop_map(|(error_code, aux)| UnbindSuccess {
                error_code,
                auxiliary_buffer: aux
            })
        )
        .prop_map(NspiResponse::Unbind),
        response(
            (err_s(), any::<i32>(), bytes_s()).prop_map(|(error_code, result, aux)| {
                CompareMIdsSuccess {
                    error_code,
                    result,
                    auxiliary_buffer: aux,
                }
            })
        )
        .prop_map(NspiResponse::CompareMIds),
        response(
            (err_s(), opt(mids_s()), bytes_s()).prop_map(|(error_code, minimal_ids, aux)| {
                DnToMIdSuccess {
                    error_code,
                    minimal_ids,
                    auxiliary_buffer: aux,
                }
            })
        )
        .prop_map(NspiResponse::DnToMId),
        response(
            (
                err_s(),
                opt(stat_s()),
                opt(mids_s()),
                opt(row_set_s()),
                bytes_s()
            )
                .prop_map(|(error_code, state, minimal_ids, rows, aux)| {
                    GetMatchesSuccess {
                        error_code,
                        state,
                        minimal_ids,
                        rows,
                        auxiliary_buffer: aux,
                    }
                })
        )
        .prop_map(NspiResponse::GetMatches),
        response((err_s(), opt(tags_s()), bytes_s()).prop_map(
            |(error_code, property_tags, aux)| GetPropListSuccess {
                error_code,
                property_tags,
                auxiliary_buffer: aux
            }
        ))
        .prop_map(NspiResponse::GetPropList),
        response((err_s(), any::<u32>(), opt(list_s()), bytes_s()).prop_map(
            |(error_code, code_page, property_values, aux)| GetPropsSuccess {
                error_code,
                code_page,
                property_values,
                auxiliary_buffer: aux
            }
        ))
        .prop_map(NspiResponse::GetProps),
        response(
            (
                err_s(),
                any::<u32>(),
                opt(any::<u32>()),
                opt(proptest::collection::vec(list_s(), 0..3)),
                bytes_s()
            )
                .prop_map(|(error_code, code_page, version, rows, aux)| {
                    GetSpecialTableSuccess {
                        error_code,
                        code_page,
                        version,
                        rows,
                        auxiliary_buffer: aux,
                    }
                })
        )
        .prop_map(NspiResponse::GetSpecialTable),
        response((err_s(), any::<u32>(), opt(list_s()), bytes_s()).prop_map(
            |(error_code, code_page, row, aux)| GetTemplateInfoSuccess {
                error_code,
                code_page,
                row,
                auxiliary_buffer: aux
            }
        ))
        .prop_map(NspiResponse::GetTemplateInfo),
        response(
            (err_s(), bytes_s()).prop_map(|(error_code, aux)| ModLinkAttSuccess {
                error_code,
                auxiliary_buffer: aux
            })
        )
        .prop_map(NspiResponse::ModLinkAtt),
    ];
    let b = prop_oneof![
        response(
            (err_s(), bytes_s()).prop_map(|(error_code, aux)| ModPropsSuccess {
                error_code,
                auxiliary_buffer: aux
            })
        )
        .prop_map(NspiResponse::ModProps),
        response(
            (err_s(), opt(tags_s()), bytes_s()).prop_map(|(error_code, columns, aux)| {
                QueryColumnsSuccess {
                    error_code,
                    columns,
                    auxiliary_buffer: aux,
                }
            })
        )
        .prop_map(NspiResponse::QueryColumns),
        response(
            (err_s(), opt(stat_s()), opt(row_set_s()), bytes_s()).prop_map(
                |(error_code, state, rows, aux)| QueryRowsSuccess {
                    error_code,
                    state,
                    rows,
                    auxiliary_buffer: aux
                }
            )
        )
        .prop_map(NspiResponse::QueryRows),
        response(
            (
                err_s(),
                any::<u32>(),
                opt(mids_s()),
                opt(row_set_s()),
                bytes_s()
            )
                .prop_map(|(error_code, code_page, minimal_ids, rows, aux)| {
                    ResolveNamesSuccess {
                        error_code,
                        code_page,
                        minimal_ids,
                        rows,
                        auxiliary_buffer: aux,
                    }
                })
        )
        .prop_map(NspiResponse::ResolveNames),
        response((err_s(), opt(stat_s()), opt(mids_s()), bytes_s()).prop_map(
            |(error_code, state, minimal_ids, aux)| ResortRestrictionSuccess {
                error_code,
                state,
                minimal_ids,
                auxiliary_buffer: aux
            }
        ))
        .prop_map(NspiResponse::ResortRestriction),
        response(
            (err_s(), opt(stat_s()), opt(row_set_s()), bytes_s()).prop_map(
                |(error_code, state, rows, aux)| SeekEntriesSuccess {
                    error_code,
                    state,
                    rows,
                    auxiliary_buffer: aux
                }
            )
        )
        .prop_map(NspiResponse::SeekEntries),
        response(
            (err_s(), opt(stat_s()), opt(any::<i32>()), bytes_s()).prop_map(
                |(error_code, state, delta, aux)| UpdateStatSuccess {
                    error_code,
                    state,
                    delta,
                    auxiliary_buffer: aux
                }
            )
        )
        .prop_map(NspiResponse::UpdateStat),
        response(
            (err_s(), text_s(), bytes_s()).prop_map(|(error_code, server_url, aux)| {
                GetMailboxUrlSuccess {
                    error_code,
                    server_url,
                    auxiliary_buffer: aux,
                }
            })
        )
        .prop_map(NspiResponse::GetMailboxUrl),
        response(
            (err_s(), text_s(), bytes_s()).prop_map(|(error_code, server_url, aux)| {
                GetAddressBookUrlSuccess {
                    error_code,
                    server_url,
                    auxiliary_buffer: aux,
                }
            })
        )
        .prop_map(NspiResponse::GetAddressBookUrl),
    ];
    prop_oneof![a, b]
}

fn round_trip<T: Wire + PartialEq + std::fmt::Debug>(v: &T) -> Result<(), TestCaseError> {
    let b = v.to_bytes().unwrap();
    prop_assert_eq!(&T::from_bytes(&b).unwrap(), v);
    Ok(())
}

fn kind_of(e: crate::wire::DecodeError) -> ErrorKind {
    e.kind
}

// ---------------------------------------------------------------- known answers

/// MS-OXCMAPIHTTP 2.2.1.1: HasValue precedes PtypString / PtypString8 / PtypBinary /
/// PtypMultiple* values only; counts are 32 bits.
#[test]
fn has_value_only_for_variable_types() {
    let v = AddressBookTaggedPropertyValue {
        tag: PropertyTag(0x3001_001F),
        value: AddressBookPropertyValue::new(PropertyValue::string("A")),
    };
    assert_eq!(
        v.to_bytes().unwrap(),
        [0x1F, 0x00, 0x01, 0x30, 0xFF, 0x41, 0x00, 0x00, 0x00]
    );
    let b = AddressBookTaggedPropertyValue {
        tag: PropertyTag(0x0FFF_0102),
        value: AddressBookPropertyValue::new(PropertyValue::binary(vec![7, 8])),
    };
    assert_eq!(
        b.to_bytes().unwrap(),
        [0x02, 0x01, 0xFF, 0x0F, 0xFF, 0x02, 0x00, 0x00, 0x00, 7, 8]
    );
    let i = AddressBookTaggedPropertyValue {
        tag: PropertyTag(0x0FFE_0003),
        value: AddressBookPropertyValue::new(PropertyValue::Integer32(6)),
    };
    assert_eq!(i.to_bytes().unwrap(), [0x03, 0x00, 0xFE, 0x0F, 6, 0, 0, 0]);
    let mv = AddressBookTaggedPropertyValue {
        tag: PropertyTag(0x8000_1003),
        value: AddressBookPropertyValue::new(PropertyValue::MultipleInteger32(Box::new(vec![1]))),
    };
    assert_eq!(
        mv.to_bytes().unwrap(),
        [0x03, 0x10, 0x00, 0x80, 0xFF, 1, 0, 0, 0, 1, 0, 0, 0]
    );
    // HasValue 0: nothing follows.
    let none = AddressBookTaggedPropertyValue::from_bytes(&[0x1F, 0x00, 0x01, 0x30, 0x00]).unwrap();
    assert_eq!(none.value.value, None);
    // A fixed-size type cannot be without a value.
    let bad = AddressBookTaggedPropertyValue {
        tag: PropertyTag(0x0FFE_0003),
        value: AddressBookPropertyValue { value: None },
    };
    assert!(bad.to_bytes().is_err());
}

/// MS-OXCMAPIHTTP 2.2.1.5 / 2.2.1.7: a flagged row with a value, a missing value and an error.
#[test]
fn flagged_row_layout() {
    let columns = [
        PropertyTag(0x3001_001F),
        PropertyTag(0x3A00_001F),
        PropertyTag(0x0FFE_0003),
        PropertyTag(0x3900_0000),
    ];
    let bytes = [
        0x01, // Flags: flagged row
        0x00, 0xFF, 0x41, 0x00, 0x00, 0x00, // flag 0, HasValue, "A"
        0x01, // flag 1: missing
        0x0A, 0x0F, 0x01, 0x04, 0x80, // flag 0xA, ecNotFound
        0x03, 0x00, 0x00, 0x05, 0, 0, 0, // PtypUnspecified column: type, flag 0, value 5
    ];
    let (rest, row) = AddressBookPropertyRow::decode_with(&columns, &bytes).unwrap();
    assert!(rest.is_empty());
    let AddressBookPropertyRow::Flagged(v) = &row else {
        panic!("{row:?}")
    };
    assert_eq!(v[1].value, AddressBookFlaggedPropertyValue::Missing);
    assert_eq!(
        v[2].value,
        AddressBookFlaggedPropertyValue::Error(ErrorCode(0x8004_010F))
    );
    assert_eq!(v[3].prop_type, PropertyType::INTEGER32);
    let mut out = Vec::new();
    row.encode_with(&columns, &mut out).unwrap();
    assert_eq!(out, bytes);
    // A row whose value disagrees with its column is refused.
    let wrong = AddressBookPropertyRow::Standard(vec![AddressBookTypedPropertyValue {
        prop_type: PropertyType::INTEGER32,
        value: AddressBookPropertyValue::new(PropertyValue::Integer32(1)),
    }]);
    assert!(wrong.encode_with(&columns[..1], &mut Vec::new()).is_err());
    // Unknown row flags are an error.
    assert!(AddressBookPropertyRow::decode_with(&columns, &[0x02]).is_err());
}

#[test]
fn entry_ids_are_self_delimiting() {
    let mut eph = vec![EPHEMERAL_ID_TYPE];
    eph.extend_from_slice(&[0; 31]);
    let mut perm = vec![PERMANENT_ID_TYPE];
    perm.extend_from_slice(&[0; 27]);
    perm.extend_from_slice(b"/o=x\0");
    let mut both = eph.clone();
    both.extend_from_slice(&perm);
    let (rest, a) = entry_id(&both).unwrap();
    assert_eq!(a, eph);
    let (rest, b) = entry_id(rest).unwrap();
    assert_eq!(b, perm);
    assert!(rest.is_empty());
    assert!(entry_id(&[0x55; 40]).is_err());
    assert!(put_entry_id(&mut Vec::new(), &[0x87, 1]).is_err());
}

// ---------------------------------------------------------------- hostile input

fn lying(prefix: &[u8]) -> Vec<u8> {
    let mut b = prefix.to_vec();
    b.extend_from_slice(&u32::MAX.to_le_bytes());
    b.extend_from_slice(&[0; 16]);
    b
}

fn assert_length_exceeds(r: Result<impl std::fmt::Debug, crate::wire::DecodeError>) {
    match r.map_err(kind_of) {
        Err(ErrorKind::LengthExceedsInput { .. }) => {}
        other => panic!("expected LengthExceedsInput, got {other:?}"),
    }
}

#[test]
fn lying_counts_fail_without_allocating() {
    let ok = [0u8, 0, 0, 0, 0, 0, 0, 0];
    // DNToMId: HasNames + Count.
    assert_length_exceeds(NspiRequest::decode(
        &RequestType::DnToMId,
        &lying(&[0, 0, 0, 0, 1]),
    ));
    // ResolveNames: Reserved, no State, no tags, HasNames + Count.
    assert_length_exceeds(NspiRequest::decode(
        &RequestType::ResolveNames,
        &lying(&[0, 0, 0, 0, 0, 0, 1]),
    ));
    // GetProps request: Flags, no State, HasPropertyTags + PropertyTagCount.
    assert_length_exceeds(NspiRequest::decode(
        &RequestType::GetProps,
        &lying(&[0, 0, 0, 0, 0, 1]),
    ));
    // QueryRows request: ExplicitTableCount.
    assert_length_exceeds(NspiRequest::decode(
        &RequestType::QueryRows,
        &lying(&[0, 0, 0, 0, 0]),
    ));
    // ModLinkAtt: EntryIdCount.
    assert_length_exceeds(NspiRequest::decode(
        &RequestType::ModLinkAtt,
        &lying(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
    ));
    // GetSpecialTable response: StatusCode, ErrorCode, CodePage, no Version, HasRows + count.
    let mut gst = ok.to_vec();
    gst.extend_from_slice(&[0xE4, 4, 0, 0, 0, 0xFF]);
    assert_length_exceeds(NspiResponse::decode(
        &RequestType::GetSpecialTable,
        &lying(&gst),
    ));
    // GetProps response: PropertyValueCount.
    let mut gp = ok.to_vec();
    gp.extend_from_slice(&[0xE4, 4, 0, 0, 0xFF]);
    assert_length_exceeds(NspiResponse::decode(&RequestType::GetProps, &lying(&gp)));
    // QueryRows response: no State, HasColumnsAndRows, 0 columns, RowCount.
    let mut qr = ok.to_vec();
    qr.extend_from_slice(&[0, 0xFF, 0, 0, 0, 0]);
    assert_length_exceeds(NspiResponse::decode(&RequestType::QueryRows, &lying(&qr)));
    // DNToMId response: MinimalIdCount.
    let mut dn = ok.to_vec();
    dn.push(0xFF);
    assert_length_exceeds(NspiResponse::decode(&RequestType::DnToMId, &lying(&dn)));
    // A multi-valued value's count inside a value list.
    let mut mv = ok.to_vec();
    mv.extend_from_slice(&[
        0xE4, 4, 0, 0, 0xFF, 1, 0, 0, 0, 0x03, 0x10, 0x00, 0x80, 0xFF,
    ]);
    assert_length_exceeds(NspiResponse::decode(&RequestType::GetProps, &lying(&mv)));
    // The auxiliary buffer size.
    assert_length_exceeds(NspiRequest::decode(
        &RequestType::Unbind,
        &lying(&[0, 0, 0, 0]),
    ));
}

#[test]
fn truncated_and_trailing_input_is_an_error() {
    let body = UnbindRequest {
        reserved: 0,
        auxiliary_buffer: vec![],
    }
    .to_bytes()
    .unwrap();
    for n in 0..body.len() {
        assert!(UnbindRequest::from_bytes(&body[..n]).is_err());
    }
    let mut long = body.clone();
    long.push(0);
    assert!(matches!(
        decode_all(&long, UnbindRequest::decode).map_err(kind_of),
        Err(ErrorKind::TrailingBytes { count: 1 })
    ));
}

// ---------------------------------------------------------------- properties

proptest! {

    #[test]
    fn stat_round_trips(v in stat_s()) { round_trip(&v)?; }

    #[test]
    fn typed_value_round_trips(v in typed_s()) { round_trip(&v)?; }

    #[test]
    fn tagged_value_round_trips(v in tagged_s()) { round_trip(&v)?; }

    #[test]
    fn value_list_round_trips(v in list_s()) { round_trip(&v)?; }

    #[test]
    fn flagged_value_with_type_round_trips(v in flagged_s()) { round_trip(&v)?; }

    #[test]
    fn tag_array_round_trips(v in tags_s()) { round_trip(&v)?; }

    #[test]
    fn row_set_round_trips(v in row_set_s()) { round_trip(&v)?; }

    #[test]
    fn property_name_round_trips(guid in guid_s(), id in any::<u32>()) {
        round_trip(&PropertyNameR { guid, id })?;
    }

    #[test]
    fn minimal_ids_and_string_arrays_round_trip(
        ids in mids_s(),
        a in proptest::collection::vec(ascii_s(), 0..4),
        w in proptest::collection::vec(text_s(), 0..4),
    ) {
        let mut out = Vec::new();
        put_minimal_ids(&mut out, &ids).unwrap();
        prop_assert_eq!(decode_all(&out, minimal_ids).unwrap(), ids);
        let mut out = Vec::new();
        put_strings_array(&mut out, &a).unwrap();
        prop_assert_eq!(decode_all(&out, strings_array).unwrap(), a);
        let mut out = Vec::new();
        put_wstrings_array(&mut out, &w).unwrap();
        prop_assert_eq!(decode_all(&out, wstrings_array).unwrap(), w);
    }

    #[test]
    fn every_request_round_trips(v in requests_s()) {
        let b = v.to_bytes().unwrap();
        prop_assert_eq!(NspiRequest::decode(&v.request_type(), &b).unwrap(), v);
    }

    #[test]
    fn every_response_round_trips(v in responses_s()) {
        let b = v.to_bytes().unwrap();
        prop_assert_eq!(NspiResponse::decode(&v.request_type(), &b).unwrap(), v);
    }

    #[test]
    fn decoders_never_panic(b in proptest::collection::vec(any::<u8>(), 0..160)) {
        for t in RequestType::all() {
            let _ = NspiRequest::decode(&t, &b);
            let _ = NspiResponse::decode(&t, &b);
        }
        let _ = Stat::from_bytes(&b);
        let _ = AddressBookTaggedPropertyValue::from_bytes(&b);
        let _ = AddressBookTypedPropertyValue::from_bytes(&b);
        let _ = AddressBookFlaggedPropertyValueWithType::from_bytes(&b);
        let _ = AddressBookPropertyValueList::from_bytes(&b);
        let _ = AddressBookRowSet::from_bytes(&b);
        let _ = LargePropertyTagArray::from_bytes(&b);
        let _ = entry_id(&b);
    }

    /// Arbitrary bytes after a valid prefix reach the deeper decoders (rows, values).
    #[test]
    fn decoders_never_panic_past_the_header(
        tail in proptest::collection::vec(any::<u8>(), 0..200),
        has_state in any::<bool>(),
    ) {
        let mut b = vec![0u8; 8];
        b.push(u8::from(has_state));
        if has_state {
            b.extend_from_slice(&[0; 36]);
        }
        b.push(0xFF);
        b.extend_from_slice(&tail);
        for t in [RequestType::QueryRows, RequestType::SeekEntries, RequestType::GetMatches] {
            let _ = NspiResponse::decode(&t, &b);
        }
        let mut g = vec![0u8; 12];
        g.push(0xFF);
        g.extend_from_slice(&tail);
        let _ = NspiResponse::decode(&RequestType::GetProps, &g);
        let _ = NspiResponse::decode(&RequestType::GetTemplateInfo, &g);
        let _ = NspiResponse::decode(&RequestType::ResolveNames, &g);
    }
}
