//! One Bind's context on the [`super::Gal`]: every request type of the address book
//! endpoint, with the MS-OXNSPI 3.1.4.1.x processing rules the emulator follows.
//!
//! Every answer is the success form (StatusCode 0) with the NSPI result in ErrorCode; the
//! failure form is the HTTP layer's. A request that needs a STAT and has none (HasState 0,
//! which MAPI/HTTP allows but NSPI's `[in] STAT*` never is) answers ecInvalidParameter
//! (0x80070057): the emulator's choice, since MS-OXNSPI has no rule for a missing STAT.
//!
//! | Request type | What it answers |
//! |---|---|
//! | GetSpecialTable | the hierarchy table (GAL, one container per department), or with NspiAddressCreationTemplates the address creation table; PtypString names with NspiUnicodeStrings, else PtypString8; no rows when the client already has [`super::HIERARCHY_VERSION`] |
//! | DNToMId | a MId per DN, 0 for an unknown one |
//! | GetProps | the object at STAT.CurrentRec; missing properties as PtypErrorCode ecNotFound with ErrorsReturned; no columns = every property it has; an unknown object ecNotFound |
//! | GetPropList / QueryColumns | the properties of an object / of the address book, string types by CodePage / NspiUnicodeProptypes; MId 0 lists every property as Exchange does |
//! | QueryRows | rows from the STAT position (or of an explicit table), the STAT moved past them; default columns those of MS-OXNSPI 3.1.4.1.8 |
//! | UpdateStat | the STAT moved by Delta, Delta the movement made when asked |
//! | SeekEntries | the first row whose PidTagDisplayName >= the target (ecTooComplex for another property, ecNotFound past the end), rows of an explicit table from there |
//! | CompareMIds | the order of two rows of the STAT's container (ecGeneralFailure when one is not in it) |
//! | ResortRestriction | an explicit table sorted by display name |
//! | GetMatches | an explicit table from a restriction (PidTagAnr, property/content/exist/bitmask, and/or/not), from an input explicit table, or from a link property (STAT.ContainerID the tag, CurrentRec the object); ecTableTooBig over RowCount, ecTooComplex for unsupported restrictions |
//! | ResolveNames | per name the MId of its one match, MID_AMBIGUOUS or MID_UNRESOLVED; rows for resolved names only |
//! | GetTemplateInfo | the SMTP template (PidTagTemplateData, PidTagScriptData, PidTagAddressType by TI_* flags) for DT_MAILUSER / DT_DISTLIST or its DN; ecInvalidCodePage for CP_WINUNICODE, MAPI_E_UNKNOWN_LCID for a locale other than en-US, ecNotFound otherwise |
//! | ModProps | the caller's own certificates (PidTagAddressBookX509Certificate, PidTagUserX509Certificate); anything else MAPI_E_NO_ACCESS |
//! | ModLinkAtt | members of the distribution list (by its owner) and public delegates (on the caller's own object); others MAPI_E_NO_ACCESS, an unknown object or entry ID ecNotFound |
//! | GetMailboxUrl / GetAddressBookUrl | the emulator's `/mapi/emsmdb/` URL for a server DN, its `/mapi/nspi/` URL for a user DN; ecNotFound for unknown DNs |

use std::sync::Arc;

use crate::wire::ErrorCode;
use crate::wire::mapihttp::FailureResponse;
use crate::wire::nspi::structures::AddressBookPropertyValue;
use crate::wire::nspi::{
    AddressBookFlaggedPropertyValue, AddressBookFlaggedPropertyValueWithType,
    AddressBookPropertyRow, AddressBookPropertyValueList, AddressBookResponse, AddressBookRowSet,
    AddressBookTaggedPropertyValue, AddressBookTypedPropertyValue, CompareMIdsRequest,
    CompareMIdsSuccess, DnToMIdSuccess, GetAddressBookUrlRequest, GetAddressBookUrlSuccess,
    GetMailboxUrlRequest, GetMailboxUrlSuccess, GetMatchesRequest, GetMatchesSuccess,
    GetPropListRequest, GetPropListSuccess, GetPropsRequest, GetPropsSuccess,
    GetSpecialTableRequest, GetSpecialTableSuccess, GetTemplateInfoRequest, GetTemplateInfoSuccess,
    LargePropertyTagArray, ModLinkAttRequest, ModLinkAttSuccess, ModPropsRequest, ModPropsSuccess,
    NspiRequest, NspiResponse, QueryColumnsSuccess, QueryRowsRequest, QueryRowsSuccess,
    ResolveNamesRequest, ResolveNamesSuccess, ResortRestrictionRequest, ResortRestrictionSuccess,
    SeekEntriesRequest, SeekEntriesSuccess, Stat, UpdateStatRequest, UpdateStatSuccess,
};
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue, tags};

use super::{
    CP_WINUNICODE, Directory, Form, HIERARCHY_VERSION, MID_AMBIGUOUS, MID_UNRESOLVED, Object,
    PID_TAG_ADDRESS_BOOK_CONTAINER_ID, PID_TAG_SCRIPT_DATA, PID_TAG_TEMPLATE_DATA, TEMPLATE_LOCALE,
    text_value,
};

/// fEphID (MS-OXNSPI 2.2.1.7): PidTagEntryId as the ephemeral form.
const F_EPH_ID: u32 = 0x2;
/// fDelete of ModLinkAtt (MS-OXNSPI 2.2.1.6).
const F_DELETE: u32 = 0x1;
/// NspiAddressCreationTemplates of GetSpecialTable (MS-OXNSPI 2.2.1.5).
const NSPI_ADDRESS_CREATION_TEMPLATES: u32 = 0x2;
/// NspiUnicodeStrings of GetSpecialTable.
const NSPI_UNICODE_STRINGS: u32 = 0x4;
/// NspiUnicodeProptypes of QueryColumns (MS-OXNSPI 2.2.1.4).
const NSPI_UNICODE_PROPTYPES: u32 = 0x8000_0000;
/// TI_TEMPLATE, TI_SCRIPT, TI_EMT of GetTemplateInfo (MS-OXNSPI 2.2.1.11).
const TI_TEMPLATE: u32 = 0x1;
const TI_SCRIPT: u32 = 0x4;
const TI_EMT: u32 = 0x10;

/// The default columns of QueryRows (MS-OXNSPI 3.1.4.1.8), strings in the STAT's code page.
fn default_columns(code_page: u32) -> Vec<PropertyTag> {
    let unicode = code_page == CP_WINUNICODE;
    vec![
        PID_TAG_ADDRESS_BOOK_CONTAINER_ID,
        tags::PID_TAG_OBJECT_TYPE,
        tags::PID_TAG_DISPLAY_TYPE,
        super::string_typed(tags::PID_TAG_DISPLAY_NAME, unicode),
        super::string_typed(tags::PID_TAG_PRIMARY_TELEPHONE_NUMBER, unicode),
        super::string_typed(tags::PID_TAG_DEPARTMENT_NAME, unicode),
        super::string_typed(tags::PID_TAG_OFFICE_LOCATION, unicode),
    ]
}

/// Columns as answered: under CP_WINUNICODE, PtypString8 columns come back PtypString
/// (MS-OXNSPI 3.1.4.1.8, 3.1.4.1.7).
fn effective_columns(columns: &[PropertyTag], code_page: u32) -> Vec<PropertyTag> {
    columns
        .iter()
        .map(|&t| {
            if code_page == CP_WINUNICODE {
                super::string_typed_unicode(t)
            } else {
                t
            }
        })
        .collect()
}

fn ok<T>(t: T) -> AddressBookResponse<T> {
    AddressBookResponse::Success(t)
}

/// One Bind's context.
pub(super) struct GalContext {
    dir: Arc<Directory>,
    /// The MId of the logged-on user, if the directory has them.
    me: Option<u32>,
}

impl GalContext {
    pub(super) fn new(dir: Arc<Directory>, me: Option<u32>) -> Self {
        GalContext { dir, me }
    }
}

impl super::AddressBookContext for GalContext {
    fn call(&mut self, request: &NspiRequest) -> NspiResponse {
        match request {
            NspiRequest::GetSpecialTable(r) => {
                NspiResponse::GetSpecialTable(ok(self.get_special_table(r)))
            }
            NspiRequest::DnToMId(r) => {
                let mids = r.names.as_ref().map(|names| {
                    names
                        .iter()
                        .map(|n| self.dir.mid_of_dn(n).unwrap_or(0))
                        .collect()
                });
                NspiResponse::DnToMId(ok(DnToMIdSuccess {
                    error_code: ErrorCode::SUCCESS,
                    minimal_ids: mids,
                    auxiliary_buffer: Vec::new(),
                }))
            }
            NspiRequest::GetProps(r) => NspiResponse::GetProps(ok(self.get_props(r))),
            NspiRequest::GetPropList(r) => NspiResponse::GetPropList(ok(self.get_prop_list(r))),
            NspiRequest::QueryColumns(r) => {
                let unicode = r.mapi_flags & NSPI_UNICODE_PROPTYPES != 0;
                NspiResponse::QueryColumns(ok(QueryColumnsSuccess {
                    error_code: ErrorCode::SUCCESS,
                    columns: Some(LargePropertyTagArray(self.dir.columns(unicode))),
                    auxiliary_buffer: Vec::new(),
                }))
            }
            NspiRequest::QueryRows(r) => NspiResponse::QueryRows(ok(self.query_rows(r))),
            NspiRequest::UpdateStat(r) => NspiResponse::UpdateStat(ok(self.update_stat(r))),
            NspiRequest::SeekEntries(r) => NspiResponse::SeekEntries(ok(self.seek_entries(r))),
            NspiRequest::CompareMIds(r) => NspiResponse::CompareMIds(ok(self.compare_mids(r))),
            NspiRequest::ResortRestriction(r) => {
                NspiResponse::ResortRestriction(ok(self.resort_restriction(r)))
            }
            NspiRequest::GetMatches(r) => NspiResponse::GetMatches(ok(self.get_matches(r))),
            NspiRequest::ResolveNames(r) => NspiResponse::ResolveNames(ok(self.resolve_names(r))),
            NspiRequest::GetTemplateInfo(r) => {
                NspiResponse::GetTemplateInfo(ok(self.get_template_info(r)))
            }
            NspiRequest::ModProps(r) => NspiResponse::ModProps(ok(ModPropsSuccess {
                error_code: self.mod_props(r),
                auxiliary_buffer: Vec::new(),
            })),
            NspiRequest::ModLinkAtt(r) => NspiResponse::ModLinkAtt(ok(ModLinkAttSuccess {
                error_code: self.mod_link_att(r),
                auxiliary_buffer: Vec::new(),
            })),
            NspiRequest::GetMailboxUrl(r) => {
                NspiResponse::GetMailboxUrl(ok(self.get_mailbox_url(r)))
            }
            NspiRequest::GetAddressBookUrl(r) => {
                NspiResponse::GetAddressBookUrl(ok(self.get_address_book_url(r)))
            }
            // The front end handles these two itself; answer as a server would that sees
            // them out of place.
            NspiRequest::Bind(_) => NspiResponse::Bind(failure(0x8000_4005)),
            NspiRequest::Unbind(_) => NspiResponse::Unbind(failure(0x8000_4005)),
        }
    }

    fn unbind(&mut self) {}
}

fn failure<T>(status_code: u32) -> AddressBookResponse<T> {
    AddressBookResponse::Failure(FailureResponse {
        status_code,
        auxiliary_buffer: Vec::new(),
    })
}

impl GalContext {
    fn form(code_page: u32, flags: u32) -> Form {
        Form {
            code_page,
            ephemeral: flags & F_EPH_ID != 0,
        }
    }

    /// One row against `columns` (already effective): a standard row when every column has
    /// a value, else a flagged row with ecNotFound for the missing ones (MS-OXCMAPIHTTP
    /// 2.2.1.7).
    fn row(&self, mid: u32, columns: &[PropertyTag], form: Form) -> AddressBookPropertyRow {
        let values: Vec<Option<PropertyValue>> = columns
            .iter()
            .map(|&t| self.dir.value(mid, t, form))
            .collect();
        let typed = |t: &PropertyTag, v: &PropertyValue| {
            if t.prop_type() == PropertyType::UNSPECIFIED {
                v.prop_type()
            } else {
                t.prop_type()
            }
        };
        if values.iter().all(Option::is_some) {
            AddressBookPropertyRow::Standard(
                columns
                    .iter()
                    .zip(values)
                    .filter_map(|(t, v)| {
                        let v = v?;
                        Some(AddressBookTypedPropertyValue {
                            prop_type: typed(t, &v),
                            value: AddressBookPropertyValue::new(v),
                        })
                    })
                    .collect(),
            )
        } else {
            AddressBookPropertyRow::Flagged(
                columns
                    .iter()
                    .zip(values)
                    .map(|(t, v)| match v {
                        Some(v) => AddressBookFlaggedPropertyValueWithType {
                            prop_type: typed(t, &v),
                            value: AddressBookFlaggedPropertyValue::Value(
                                AddressBookPropertyValue::new(v),
                            ),
                        },
                        None => AddressBookFlaggedPropertyValueWithType {
                            prop_type: if t.prop_type() == PropertyType::UNSPECIFIED {
                                PropertyType::ERROR_CODE
                            } else {
                                t.prop_type()
                            },
                            value: AddressBookFlaggedPropertyValue::Error(ErrorCode::NOT_FOUND),
                        },
                    })
                    .collect(),
            )
        }
    }

    fn row_set(&self, mids: &[u32], columns: Vec<PropertyTag>, form: Form) -> AddressBookRowSet {
        let rows = mids.iter().map(|&m| self.row(m, &columns, form)).collect();
        AddressBookRowSet {
            columns: LargePropertyTagArray(columns),
            rows,
        }
    }

    /// The position of the STAT in `table`: CurrentRec's row, else NumPos (MS-OXNSPI
    /// 3.1.4.5.2), then Delta applied and kept inside the table. Also the movement made.
    fn position(table: &[u32], stat: &Stat) -> (usize, i64) {
        let len = table.len();
        let start = match stat.current_rec {
            Stat::MID_BEGINNING_OF_TABLE => 0,
            Stat::MID_END_OF_TABLE => len,
            mid => table
                .iter()
                .position(|&m| m == mid)
                .unwrap_or((stat.num_pos as usize).min(len)),
        };
        let moved = (start as i64)
            .saturating_add(i64::from(stat.delta))
            .clamp(0, len as i64);
        (moved as usize, moved - start as i64)
    }

    /// The STAT at row `pos` of `table`.
    fn stat_at(stat: Stat, table: &[u32], pos: usize) -> Stat {
        Stat {
            current_rec: table.get(pos).copied().unwrap_or(Stat::MID_END_OF_TABLE),
            num_pos: pos as u32,
            total_recs: table.len() as u32,
            delta: 0,
            ..stat
        }
    }

    fn get_special_table(&self, r: &GetSpecialTableRequest) -> GetSpecialTableSuccess {
        let stat = r.state.unwrap_or_default();
        let unicode = r.flags & NSPI_UNICODE_STRINGS != 0;
        if r.flags & NSPI_ADDRESS_CREATION_TEMPLATES != 0 {
            // MS-OXNSPI 3.1.4.1.3: the address creation table for the STAT's TemplateLocale.
            if stat.template_locale != TEMPLATE_LOCALE && stat.template_locale != 0 {
                return GetSpecialTableSuccess {
                    error_code: ErrorCode::INVALID_LOCALE,
                    code_page: stat.code_page,
                    version: None,
                    rows: None,
                    auxiliary_buffer: Vec::new(),
                };
            }
            return GetSpecialTableSuccess {
                error_code: ErrorCode::SUCCESS,
                code_page: stat.code_page,
                version: None,
                rows: Some(
                    self.dir
                        .creation_table(unicode, stat.code_page, TEMPLATE_LOCALE),
                ),
                auxiliary_buffer: Vec::new(),
            };
        }
        let rows = (r.version != Some(HIERARCHY_VERSION))
            .then(|| self.dir.special_table(unicode, stat.code_page));
        GetSpecialTableSuccess {
            error_code: ErrorCode::SUCCESS,
            code_page: stat.code_page,
            version: Some(HIERARCHY_VERSION),
            rows,
            auxiliary_buffer: Vec::new(),
        }
    }

    fn get_props(&self, r: &GetPropsRequest) -> GetPropsSuccess {
        let fail = |error_code: ErrorCode, code_page: u32| GetPropsSuccess {
            error_code,
            code_page,
            property_values: None,
            auxiliary_buffer: Vec::new(),
        };
        let Some(stat) = r.state else {
            return fail(ErrorCode::INVALID_PARAMETER, 0);
        };
        let mid = stat.current_rec;
        if self.dir.object(mid).is_none() {
            return fail(ErrorCode::NOT_FOUND, stat.code_page);
        }
        let unicode = stat.code_page == CP_WINUNICODE;
        let columns = match &r.property_tags {
            Some(c) => effective_columns(&c.0, stat.code_page),
            // MS-OXNSPI 3.1.4.1.7: no list means every property the object has.
            None => self.dir.prop_list(mid, unicode),
        };
        let form = Self::form(stat.code_page, r.flags);
        let mut missing = false;
        let values = columns
            .iter()
            .map(|&tag| match self.dir.value(mid, tag, form) {
                Some(v) => AddressBookTaggedPropertyValue {
                    tag: if tag.prop_type() == PropertyType::UNSPECIFIED {
                        tag.with_type(v.prop_type())
                    } else {
                        tag
                    },
                    value: AddressBookPropertyValue::new(v),
                },
                None => {
                    // MS-OXNSPI 3.1.4.1.7: a property the object lacks comes back as
                    // PtypErrorCode ecNotFound, and the call as ErrorsReturned.
                    missing = true;
                    AddressBookTaggedPropertyValue {
                        tag: tag.with_type(PropertyType::ERROR_CODE),
                        value: AddressBookPropertyValue::new(PropertyValue::ErrorCode(
                            ErrorCode::NOT_FOUND,
                        )),
                    }
                }
            })
            .collect();
        GetPropsSuccess {
            error_code: if missing {
                ErrorCode::ERRORS_RETURNED
            } else {
                ErrorCode::SUCCESS
            },
            code_page: stat.code_page,
            property_values: Some(AddressBookPropertyValueList(values)),
            auxiliary_buffer: Vec::new(),
        }
    }

    fn get_prop_list(&self, r: &GetPropListRequest) -> GetPropListSuccess {
        let unicode = r.code_page == CP_WINUNICODE;
        let tags = if r.minimal_id == 0 {
            // Exchange answers MId 0 with every property of the address book (the S02
            // interop cases compare its count with QueryColumns').
            Some(self.dir.columns(unicode))
        } else if self.dir.object(r.minimal_id).is_some() {
            Some(self.dir.prop_list(r.minimal_id, unicode))
        } else {
            None
        };
        GetPropListSuccess {
            error_code: if tags.is_some() {
                ErrorCode::SUCCESS
            } else {
                ErrorCode::NOT_FOUND
            },
            property_tags: tags.map(LargePropertyTagArray),
            auxiliary_buffer: Vec::new(),
        }
    }

    /// MS-OXNSPI 3.1.4.1.8: rows from the STAT's position in its container (or of the
    /// explicit table), then the STAT moved past them.
    fn query_rows(&self, r: &QueryRowsRequest) -> QueryRowsSuccess {
        let fail = |error_code: ErrorCode, state: Option<Stat>| QueryRowsSuccess {
            error_code,
            state,
            rows: None,
            auxiliary_buffer: Vec::new(),
        };
        let Some(stat) = r.state else {
            return fail(ErrorCode::INVALID_PARAMETER, None);
        };
        let columns = effective_columns(
            &r.columns
                .as_ref()
                .map(|c| c.0.clone())
                .unwrap_or_else(|| default_columns(stat.code_page)),
            stat.code_page,
        );
        let form = Self::form(stat.code_page, r.flags);
        let count = r.row_count as usize;
        if !r.explicit_table.is_empty() {
            let mids: Vec<u32> = r.explicit_table.iter().copied().take(count).collect();
            return QueryRowsSuccess {
                error_code: ErrorCode::SUCCESS,
                state: Some(stat),
                rows: Some(self.row_set(&mids, columns, form)),
                auxiliary_buffer: Vec::new(),
            };
        }
        let Some(container) = self.dir.container(stat.container_id) else {
            return fail(ErrorCode::INVALID_BOOKMARK, Some(stat));
        };
        let table = &container.members;
        let (start, _) = Self::position(table, &stat);
        let end = start.saturating_add(count).min(table.len());
        let mids = table.get(start..end).unwrap_or_default();
        QueryRowsSuccess {
            error_code: ErrorCode::SUCCESS,
            state: Some(Self::stat_at(stat, table, end)),
            rows: Some(self.row_set(mids, columns, form)),
            auxiliary_buffer: Vec::new(),
        }
    }

    /// MS-OXNSPI 3.1.4.1.9 NspiUpdateStat: applies Delta to the STAT's position.
    fn update_stat(&self, r: &UpdateStatRequest) -> UpdateStatSuccess {
        let Some(stat) = r.state else {
            return UpdateStatSuccess {
                error_code: ErrorCode::INVALID_PARAMETER,
                state: None,
                delta: None,
                auxiliary_buffer: Vec::new(),
            };
        };
        let Some(container) = self.dir.container(stat.container_id) else {
            return UpdateStatSuccess {
                error_code: ErrorCode::INVALID_BOOKMARK,
                state: Some(stat),
                delta: None,
                auxiliary_buffer: Vec::new(),
            };
        };
        let (pos, moved) = Self::position(&container.members, &stat);
        UpdateStatSuccess {
            error_code: ErrorCode::SUCCESS,
            state: Some(Self::stat_at(stat, &container.members, pos)),
            delta: r
                .delta_requested
                .then(|| moved.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32),
            auxiliary_buffer: Vec::new(),
        }
    }

    /// MS-OXNSPI 3.1.4.1.13 NspiSeekEntries on the display-name sort order.
    fn seek_entries(&self, r: &SeekEntriesRequest) -> SeekEntriesSuccess {
        let fail = |error_code: ErrorCode, state: Option<Stat>| SeekEntriesSuccess {
            error_code,
            state,
            rows: None,
            auxiliary_buffer: Vec::new(),
        };
        let Some(stat) = r.state else {
            return fail(ErrorCode::INVALID_PARAMETER, None);
        };
        let Some(target) = &r.target else {
            return fail(ErrorCode::INVALID_PARAMETER, Some(stat));
        };
        // The table is sorted by PidTagDisplayName only; seeking another property is a
        // sort order the server does not have.
        if target.tag.id() != tags::PID_TAG_DISPLAY_NAME.id() {
            return fail(ErrorCode::TOO_COMPLEX, Some(stat));
        }
        let wanted = match &target.value.value {
            Some(PropertyValue::String(s)) => s.to_string(),
            Some(PropertyValue::String8(s)) => s.decode_text(stat.code_page).into_owned(),
            _ => return fail(ErrorCode::INVALID_PARAMETER, Some(stat)),
        };
        let wanted = wanted.trim_end_matches('\0').to_lowercase();
        let table: Vec<u32> = match &r.explicit_table {
            Some(t) => t.clone(),
            None => match self.dir.container(stat.container_id) {
                Some(c) => c.members.clone(),
                None => return fail(ErrorCode::INVALID_BOOKMARK, Some(stat)),
            },
        };
        let Some(pos) = table.iter().position(|&m| {
            self.dir
                .display_name(m)
                .is_some_and(|n| n.to_lowercase() >= wanted)
        }) else {
            return fail(ErrorCode::NOT_FOUND, Some(stat));
        };
        let rows = match (&r.explicit_table, &r.columns) {
            (Some(_), Some(c)) => {
                let columns = effective_columns(&c.0, stat.code_page);
                let mids = table.get(pos..).unwrap_or_default();
                Some(self.row_set(mids, columns, Self::form(stat.code_page, 0)))
            }
            _ => None,
        };
        SeekEntriesSuccess {
            error_code: ErrorCode::SUCCESS,
            state: Some(Self::stat_at(stat, &table, pos)),
            rows,
            auxiliary_buffer: Vec::new(),
        }
    }

    /// MS-OXNSPI 3.1.4.1.4 NspiCompareMIds: the sign of the difference of the positions.
    fn compare_mids(&self, r: &CompareMIdsRequest) -> CompareMIdsSuccess {
        let answer = |error_code: ErrorCode, result: i32| CompareMIdsSuccess {
            error_code,
            result,
            auxiliary_buffer: Vec::new(),
        };
        let Some(stat) = r.state else {
            return answer(ErrorCode::INVALID_PARAMETER, 0);
        };
        let Some(container) = self.dir.container(stat.container_id) else {
            return answer(ErrorCode::INVALID_BOOKMARK, 0);
        };
        let at = |mid: u32| container.members.iter().position(|&m| m == mid);
        match (at(r.minimal_id1), at(r.minimal_id2)) {
            (Some(a), Some(b)) => answer(ErrorCode::SUCCESS, a.cmp(&b) as i32),
            _ => answer(ErrorCode::GENERAL_FAILURE, 0),
        }
    }

    /// The MIds of `mids` that name objects, sorted by display name.
    fn sorted(&self, mids: &[u32]) -> Vec<u32> {
        let mut out: Vec<u32> = mids
            .iter()
            .copied()
            .filter(|&m| self.dir.object(m).is_some())
            .collect();
        out.sort_by_cached_key(|&m| (self.dir.display_name(m).unwrap_or("").to_lowercase(), m));
        out.dedup();
        out
    }

    /// MS-OXNSPI 3.1.4.1.11 NspiResortRestriction: the explicit table in the STAT's sort
    /// order (display name), CurrentRec kept when it is in the table.
    fn resort_restriction(&self, r: &ResortRestrictionRequest) -> ResortRestrictionSuccess {
        let Some(stat) = r.state else {
            return ResortRestrictionSuccess {
                error_code: ErrorCode::INVALID_PARAMETER,
                state: None,
                minimal_ids: None,
                auxiliary_buffer: Vec::new(),
            };
        };
        let sorted = self.sorted(r.minimal_ids.as_deref().unwrap_or_default());
        let pos = sorted
            .iter()
            .position(|&m| m == stat.current_rec)
            .unwrap_or(0);
        ResortRestrictionSuccess {
            error_code: ErrorCode::SUCCESS,
            state: Some(Self::stat_at(stat, &sorted, pos)),
            minimal_ids: Some(sorted),
            auxiliary_buffer: Vec::new(),
        }
    }

    /// MS-OXNSPI 3.1.4.1.10 NspiGetMatches.
    fn get_matches(&self, r: &GetMatchesRequest) -> GetMatchesSuccess {
        let fail = |error_code: ErrorCode, state: Option<Stat>| GetMatchesSuccess {
            error_code,
            state,
            minimal_ids: None,
            rows: None,
            auxiliary_buffer: Vec::new(),
        };
        let Some(stat) = r.state else {
            return fail(ErrorCode::INVALID_PARAMETER, None);
        };
        if r.property_name.is_some() {
            // Named properties do not exist in this address book.
            return fail(ErrorCode::NOT_FOUND, Some(stat));
        }
        let found: Vec<u32> = match (&r.filter, &r.minimal_ids) {
            (Some(filter), input) => {
                let candidates: Vec<u32> = match input {
                    Some(ids) => ids.clone(),
                    None => match self.dir.container(stat.container_id) {
                        Some(c) => c.members.clone(),
                        None => return fail(ErrorCode::INVALID_BOOKMARK, Some(stat)),
                    },
                };
                let mut out = Vec::new();
                for m in candidates {
                    if self.dir.object(m).is_none() {
                        continue;
                    }
                    match self.dir.matches(m, filter) {
                        Ok(true) => out.push(m),
                        Ok(false) => {}
                        Err(e) => return fail(e, Some(stat)),
                    }
                }
                out
            }
            // An explicit table given: the rows it names.
            (None, Some(ids)) => ids
                .iter()
                .copied()
                .filter(|&m| self.dir.object(m).is_some())
                .collect(),
            // MS-OXNSPI 3.1.4.4.2.2: the objects a link property of CurrentRec refers to,
            // the property's tag in ContainerID. Only link properties map to objects.
            (None, None) => {
                let tag = PropertyTag::new(stat.container_id);
                let mid = stat.current_rec;
                let changes = self.dir.changes();
                let linked = if tag.id() == tags::PID_TAG_ADDRESS_BOOK_MEMBER.id() {
                    changes.members.get(&mid).cloned()
                } else if tag.id() == tags::PID_TAG_ADDRESS_BOOK_PUBLIC_DELEGATES.id() {
                    changes.delegates.get(&mid).cloned()
                } else {
                    None
                };
                drop(changes);
                match (self.dir.object(mid), linked) {
                    (Some(_), Some(l)) => l,
                    (Some(Object::List(_)), None)
                        if tag.id() == tags::PID_TAG_ADDRESS_BOOK_MEMBER.id() =>
                    {
                        Vec::new()
                    }
                    (Some(Object::User(_)), None)
                        if tag.id() == tags::PID_TAG_ADDRESS_BOOK_PUBLIC_DELEGATES.id() =>
                    {
                        Vec::new()
                    }
                    _ => return fail(ErrorCode::NOT_FOUND, Some(stat)),
                }
            }
        };
        // MS-OXNSPI 3.1.4.1.10: more matches than the client asked for is TableTooBig.
        if found.len() > r.row_count as usize {
            return fail(ErrorCode::TABLE_TOO_BIG, Some(stat));
        }
        let rows = r.columns.as_ref().map(|c| {
            let columns = effective_columns(&c.0, stat.code_page);
            self.row_set(&found, columns, Self::form(stat.code_page, 0))
        });
        GetMatchesSuccess {
            error_code: ErrorCode::SUCCESS,
            state: Some(Stat {
                total_recs: found.len() as u32,
                ..stat
            }),
            minimal_ids: Some(found),
            rows,
            auxiliary_buffer: Vec::new(),
        }
    }

    /// MS-OXNSPI 3.1.4.1.17 NspiResolveNamesW.
    fn resolve_names(&self, r: &ResolveNamesRequest) -> ResolveNamesSuccess {
        let Some(stat) = r.state else {
            return ResolveNamesSuccess {
                error_code: ErrorCode::INVALID_PARAMETER,
                code_page: 0,
                minimal_ids: None,
                rows: None,
                auxiliary_buffer: Vec::new(),
            };
        };
        let names = r.names.clone().unwrap_or_default();
        let mids: Vec<u32> = names.iter().map(|n| self.dir.resolve(n)).collect();
        let columns = effective_columns(
            &r.property_tags
                .as_ref()
                .map(|c| c.0.clone())
                .unwrap_or_else(|| default_columns(stat.code_page)),
            stat.code_page,
        );
        // Rows only for the names that resolved, in the order of the names.
        let resolved: Vec<u32> = mids
            .iter()
            .copied()
            .filter(|&m| m != MID_UNRESOLVED && m != MID_AMBIGUOUS)
            .collect();
        ResolveNamesSuccess {
            error_code: ErrorCode::SUCCESS,
            code_page: stat.code_page,
            minimal_ids: Some(mids),
            rows: Some(self.row_set(&resolved, columns, Self::form(stat.code_page, 0))),
            auxiliary_buffer: Vec::new(),
        }
    }

    /// MS-OXNSPI 3.1.4.1.18 NspiGetTemplateInfo, with one template (SMTP addresses) in
    /// en-US.
    fn get_template_info(&self, r: &GetTemplateInfoRequest) -> GetTemplateInfoSuccess {
        let answer = |error_code: ErrorCode, row: Option<AddressBookPropertyValueList>| {
            GetTemplateInfoSuccess {
                error_code,
                code_page: r.code_page,
                row,
                auxiliary_buffer: Vec::new(),
            }
        };
        if r.code_page == CP_WINUNICODE {
            return answer(ErrorCode::INVALID_CODEPAGE, None);
        }
        if r.locale_id != TEMPLATE_LOCALE {
            return answer(ErrorCode::INVALID_LOCALE, None);
        }
        let known = match &r.template_dn {
            Some(dn) => dn.eq_ignore_ascii_case(&self.dir.template_dn(TEMPLATE_LOCALE)),
            None => r.display_type == 0 || r.display_type == 1,
        };
        if !known {
            return answer(ErrorCode::NOT_FOUND, None);
        }
        let form = Form {
            code_page: r.code_page,
            ephemeral: false,
        };
        let mut values = Vec::new();
        let bin = |tag: PropertyTag, b: Vec<u8>| AddressBookTaggedPropertyValue {
            tag,
            value: AddressBookPropertyValue::new(PropertyValue::Binary(Box::new(
                b.into_boxed_slice(),
            ))),
        };
        if r.flags & TI_TEMPLATE != 0 {
            // MS-OXOABKT 2.2.1: a template header (version 1, no controls).
            let mut t = Vec::new();
            t.extend_from_slice(&1u32.to_le_bytes());
            t.extend_from_slice(&0u32.to_le_bytes());
            t.extend_from_slice(&12u32.to_le_bytes());
            values.push(bin(PID_TAG_TEMPLATE_DATA, t));
        }
        if r.flags & TI_SCRIPT != 0 {
            // MS-OXOABKT 2.2.3: a script of one instruction, "end".
            values.push(bin(PID_TAG_SCRIPT_DATA, 0u32.to_le_bytes().to_vec()));
        }
        if r.flags & TI_EMT != 0 {
            let tag = tags::PID_TAG_ADDRESS_TYPE.with_type(PropertyType::STRING8);
            if let Some(v) = text_value("SMTP", PropertyType::STRING8, form) {
                values.push(AddressBookTaggedPropertyValue {
                    tag,
                    value: AddressBookPropertyValue::new(v),
                });
            }
        }
        answer(
            ErrorCode::SUCCESS,
            Some(AddressBookPropertyValueList(values)),
        )
    }

    /// MS-OXNSPI 3.1.4.1.14 NspiModProps: a user may publish their own certificates; the
    /// directory refuses every other change with MAPI_E_NO_ACCESS.
    fn mod_props(&self, r: &ModPropsRequest) -> ErrorCode {
        let Some(stat) = r.state else {
            return ErrorCode::INVALID_PARAMETER;
        };
        let mid = stat.current_rec;
        if self.dir.object(mid).is_none() {
            return ErrorCode::NOT_FOUND;
        }
        let certificate = |t: PropertyTag| {
            t.id() == tags::PID_TAG_ADDRESS_BOOK_X509_CERTIFICATE.id()
                || t.id() == tags::PID_TAG_USER_X509_CERTIFICATE.id()
        };
        let removals: &[PropertyTag] = r
            .property_tags_to_remove
            .as_ref()
            .map_or(&[], |t| t.0.as_slice());
        let values: &[AddressBookTaggedPropertyValue] =
            r.property_values.as_ref().map_or(&[], |v| v.0.as_slice());
        let allowed = self.me == Some(mid)
            && removals.iter().all(|&t| certificate(t))
            && values.iter().all(|v| certificate(v.tag));
        if !allowed {
            return ErrorCode::ACCESS_DENIED;
        }
        let mut changes = self.dir.changes();
        if !removals.is_empty() {
            changes.certificates.remove(&mid);
        }
        for v in values {
            match &v.value.value {
                Some(PropertyValue::MultipleBinary(certs)) => {
                    changes.certificates.insert(mid, certs.to_vec());
                }
                Some(PropertyValue::Binary(cert)) => {
                    changes.certificates.insert(mid, vec![cert.to_vec()]);
                }
                _ => {
                    changes.certificates.remove(&mid);
                }
            }
        }
        ErrorCode::SUCCESS
    }

    /// MS-OXNSPI 3.1.4.1.15 NspiModLinkAtt: adds (or with fDelete removes) the objects the
    /// entry IDs name to a link property of the row `minimal_id`.
    fn mod_link_att(&self, r: &ModLinkAttRequest) -> ErrorCode {
        let mid = r.minimal_id;
        let Some(object) = self.dir.object(mid) else {
            return ErrorCode::NOT_FOUND;
        };
        let id = r.property_tag.id();
        let members = id == tags::PID_TAG_ADDRESS_BOOK_MEMBER.id();
        let delegates = id == tags::PID_TAG_ADDRESS_BOOK_PUBLIC_DELEGATES.id();
        let allowed = match object {
            // The list's owner manages its members.
            Object::List(i) => members && self.dir.lists.get(i).and_then(|l| l.owner) == self.me,
            // A user manages their own delegates.
            Object::User(_) => delegates && self.me == Some(mid),
        };
        if !allowed {
            return ErrorCode::ACCESS_DENIED;
        }
        let mut targets = Vec::new();
        for e in r.entry_ids.as_deref().unwrap_or_default() {
            match self.dir.mid_of_entry_id(e) {
                Some(m) => targets.push(m),
                None => return ErrorCode::NOT_FOUND,
            }
        }
        let mut changes = self.dir.changes();
        let links = if members {
            changes.members.entry(mid).or_default()
        } else {
            changes.delegates.entry(mid).or_default()
        };
        if r.flags & F_DELETE != 0 {
            links.retain(|m| !targets.contains(m));
        } else {
            for t in targets {
                if !links.contains(&t) {
                    links.push(t);
                }
            }
        }
        ErrorCode::SUCCESS
    }

    fn base_url(&self) -> String {
        self.dir.base_url.get().cloned().unwrap_or_default()
    }

    /// MS-OXCMAPIHTTP 2.2.5.18: the mailbox endpoint URL of a server DN
    /// (`.../cn=Configuration/cn=Servers/cn=<guid>@<domain>`, as autodiscover and Connect
    /// name the mailbox server).
    fn get_mailbox_url(&self, r: &GetMailboxUrlRequest) -> GetMailboxUrlSuccess {
        const SERVERS: &str = "/cn=configuration/cn=servers/cn=";
        let dn = r.server_dn.to_lowercase();
        let org = format!("/o={}/", self.dir.organization.to_lowercase());
        let server = dn
            .starts_with(&org)
            // Lower-casing can change byte offsets outside ASCII: `get` keeps a bad slice
            // from panicking, and such a DN names no server anyway.
            .then(|| {
                dn.find(SERVERS)
                    .and_then(|i| r.server_dn.get(i + SERVERS.len()..))
            })
            .flatten()
            .filter(|s| !s.is_empty() && !s.contains('/'));
        match server {
            Some(s) => GetMailboxUrlSuccess {
                error_code: ErrorCode::SUCCESS,
                server_url: format!("{}/mapi/emsmdb/?MailboxId={s}", self.base_url()),
                auxiliary_buffer: Vec::new(),
            },
            None => GetMailboxUrlSuccess {
                error_code: ErrorCode::NOT_FOUND,
                server_url: String::new(),
                auxiliary_buffer: Vec::new(),
            },
        }
    }

    /// MS-OXCMAPIHTTP 2.2.5.19: the address book endpoint URL for a user DN.
    fn get_address_book_url(&self, r: &GetAddressBookUrlRequest) -> GetAddressBookUrlSuccess {
        match self.dir.users.find_legacy_dn(&r.user_dn) {
            Some(e) => GetAddressBookUrlSuccess {
                error_code: ErrorCode::SUCCESS,
                server_url: format!(
                    "{}/mapi/nspi/?MailboxId={}@{}",
                    self.base_url(),
                    e.mailbox_guid,
                    self.dir.users.domain()
                ),
                auxiliary_buffer: Vec::new(),
            },
            None => GetAddressBookUrlSuccess {
                error_code: ErrorCode::NOT_FOUND,
                server_url: String::new(),
                auxiliary_buffer: Vec::new(),
            },
        }
    }
}
