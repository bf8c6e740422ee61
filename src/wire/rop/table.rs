//! Table ROPs: MS-OXCROPS 2.2.5 (layouts) with the semantics of MS-OXCTABL 2.2.2.
//!
//! Every request type carries the fields after the RopId byte as MS-OXCROPS lays them out.
//! Responses are `Success { .. }` / `Failure(ResponseHeader)` enums: in this family a failure
//! response is always just the handle index and ReturnValue, so ReturnValue alone decides the
//! layout. ROPs whose success response has no fields beyond the header use
//! [`ResponseHeader`] as their response type.
//!
//! RopQueryRows, RopFindRow and RopExpandRow carry PropertyRows laid out against the columns
//! the last RopSetColumns set on the table: their decoders take them from
//! [`ResponseContext::table_columns`] and fail with a typed error when they are unknown.

use bytes::BufMut;
use serde::Serialize;

use crate::wire::error::{EncodeError, ErrorKind, PResult, WireError, named};
use crate::wire::primitives::{
    CountWidth, Wire, bool8, i32 as le_i32, take_len, u8 as le_u8, u16 as le_u16, u32 as le_u32,
    u64 as le_u64,
};
use crate::wire::property::SortOrderSet;
use crate::wire::property::{PropertyRow, PropertyRowSet, PropertyTag, PropertyTagArray};
use crate::wire::restriction::Restriction;

use super::{ResponseContext, ResponseHeader, Rop, RopId};

// ---------------------------------------------------------------------------------------------
// Shared field types
// ---------------------------------------------------------------------------------------------

/// MS-OXCTABL 2.2.2.1.4 asynchronous flags: the `SetColumnsFlags`, `SortTableFlags` and
/// `RestrictFlags` fields of RopSetColumns, RopSortTable and RopRestrict. Unknown bits survive a
/// round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct AsyncFlags(pub u8);

impl AsyncFlags {
    /// TBL_ASYNC: the server may run the operation asynchronously.
    pub const TBL_ASYNC: Self = Self(0x01);
    /// TBL_BATCH: the server may defer the operation until the data is needed.
    pub const TBL_BATCH: Self = Self(0x02);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

/// MS-OXCTABL 2.2.2.1.3 TableStatus: the state of asynchronous table operations, returned by
/// RopSetColumns, RopSortTable, RopRestrict, RopAbort and RopGetStatus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct TableStatus(pub u8);

impl TableStatus {
    /// TBLSTAT_COMPLETE: no operation is in progress.
    pub const COMPLETE: Self = Self(0x00);
    /// TBLSTAT_SORTING: an asynchronous sort is in progress.
    pub const SORTING: Self = Self(0x09);
    /// TBLSTAT_SORT_ERROR: the last sort failed.
    pub const SORT_ERROR: Self = Self(0x0A);
    /// TBLSTAT_SETTING_COLS: an asynchronous RopSetColumns is in progress.
    pub const SETTING_COLS: Self = Self(0x0B);
    /// TBLSTAT_SETCOL_ERROR: the last RopSetColumns failed.
    pub const SETCOL_ERROR: Self = Self(0x0D);
    /// TBLSTAT_RESTRICTING: an asynchronous restriction is in progress.
    pub const RESTRICTING: Self = Self(0x0E);
    /// TBLSTAT_RESTRICT_ERROR: the last RopRestrict failed.
    pub const RESTRICT_ERROR: Self = Self(0x0F);
}

/// MS-OXCTABL 2.2.2.1.1 predefined bookmarks and 2.2.2.1.2 BOOKMARK_CUSTOM: the `Origin` of
/// RopSeekRow and RopFindRow requests and of the RopQueryRows response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct BookmarkOrigin(pub u8);

impl BookmarkOrigin {
    /// BOOKMARK_BEGINNING: the first row.
    pub const BEGINNING: Self = Self(0x00);
    /// BOOKMARK_CURRENT: the current row.
    pub const CURRENT: Self = Self(0x01);
    /// BOOKMARK_END: after the last row.
    pub const END: Self = Self(0x02);
    /// BOOKMARK_CUSTOM: the position the request's `Bookmark` field names (RopFindRow).
    pub const CUSTOM: Self = Self(0x03);
}

/// MS-OXCTABL 2.2.2.5.1 QueryRowsFlags. Unknown bits survive a round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct QueryRowsFlags(pub u8);

impl QueryRowsFlags {
    /// Advance: move the cursor past the rows read (no bit set).
    pub const ADVANCE: Self = Self(0x00);
    /// NoAdvance: leave the cursor where it is.
    pub const NO_ADVANCE: Self = Self(0x01);
    /// EnablePackedBuffers: with the Execute Chain flag, the server may split the rows over
    /// several extended buffers (MS-OXCRPC 3.1.4.2.1.2); the caller joins them before decoding.
    pub const ENABLE_PACKED_BUFFERS: Self = Self(0x02);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

/// MS-OXCTABL 2.2.2.14.1 FindRowFlags: the search direction. Unknown bits survive a round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct FindRowFlags(pub u8);

impl FindRowFlags {
    /// Search forward from the origin.
    pub const FORWARD: Self = Self(0x00);
    /// Search backward from the origin.
    pub const BACKWARD: Self = Self(0x01);
}

// ---------------------------------------------------------------------------------------------
// Shared codec helpers
// ---------------------------------------------------------------------------------------------

/// Reads LogonId and InputHandleIndex, the two bytes after the RopId of every table request.
fn request_head(input: &[u8]) -> PResult<'_, (u8, u8)> {
    let (i, logon_id) = le_u8(input)?;
    let (i, input_handle_index) = le_u8(i)?;
    Ok((i, (logon_id, input_handle_index)))
}

/// Runs `parser` over `data`, a sub-slice cut from a larger input of which `rest_len` bytes
/// follow `data`, and demands it consume `data` exactly. Error positions are shifted so that
/// they stay relative to the larger input.
fn decode_exact<'a, T>(
    data: &'a [u8],
    rest_len: usize,
    structure: &'static str,
    parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> Result<T, nom::Err<WireError>> {
    let shift = |mut e: WireError| {
        e.remaining = e.remaining.saturating_add(rest_len);
        e
    };
    match parser(data) {
        Ok(([], v)) => Ok(v),
        Ok((left, _)) => Err(nom::Err::Error(shift(
            WireError::new(left, ErrorKind::TrailingBytes { count: left.len() })
                .in_structure(structure),
        ))),
        Err(e) => Err(e.map(shift)),
    }
}

/// Reads RestrictionDataSize (2 bytes) and RestrictionData: a restriction with 16-bit counts
/// (MS-OXCDATA 2.12) filling exactly that many bytes, or none when the size is 0.
fn restriction_data<'a>(
    structure: &'static str,
    input: &'a [u8],
) -> PResult<'a, Option<Restriction>> {
    let (i, size) = le_u16(input)?;
    let (rest, data) = take_len(i, usize::from(size), "RestrictionDataSize")?;
    if data.is_empty() {
        return Ok((rest, None));
    }
    let r = decode_exact(data, rest.len(), structure, |d| {
        Restriction::decode_with(CountWidth::U16, d)
    })?;
    Ok((rest, Some(r)))
}

fn put_restriction_data<B: BufMut>(
    out: &mut B,
    restriction: Option<&Restriction>,
    structure: &'static str,
) -> Result<(), EncodeError> {
    let data = match restriction {
        Some(r) => r.to_bytes_with(CountWidth::U16)?,
        None => Vec::new(),
    };
    CountWidth::U16.put(out, data.len(), structure, "RestrictionDataSize")?;
    out.put_slice(&data);
    Ok(())
}

/// Reads a 2-byte size and that many bytes (BookmarkSize/Bookmark, CollapseStateSize/...).
fn sized_blob<'a>(input: &'a [u8], field: &'static str) -> PResult<'a, Vec<u8>> {
    let (i, n) = le_u16(input)?;
    let (i, b) = take_len(i, usize::from(n), field)?;
    Ok((i, b.to_vec()))
}

fn put_sized_blob<B: BufMut>(
    out: &mut B,
    bytes: &[u8],
    structure: &'static str,
    field: &'static str,
) -> Result<(), EncodeError> {
    CountWidth::U16.put(out, bytes.len(), structure, field)?;
    out.put_slice(bytes);
    Ok(())
}

fn tag_list(input: &[u8]) -> PResult<'_, Vec<PropertyTag>> {
    let (i, tags) = PropertyTagArray::decode_with(CountWidth::U16, input)?;
    Ok((i, tags.0))
}

fn put_tag_list<B: BufMut>(
    out: &mut B,
    tags: &[PropertyTag],
    structure: &'static str,
) -> Result<(), EncodeError> {
    CountWidth::U16.put(out, tags.len(), structure, "PropertyTagCount")?;
    for t in tags {
        out.put_u32_le(t.0);
    }
    Ok(())
}

/// Writes a failure response; a failure with ReturnValue 0 would read back as a success.
fn put_failure<B: BufMut>(
    out: &mut B,
    header: &ResponseHeader,
    structure: &'static str,
) -> Result<(), EncodeError> {
    if header.is_success() {
        return Err(EncodeError::Invalid {
            structure,
            reason: "a failure response needs a nonzero ReturnValue",
        });
    }
    header.encode(out);
    Ok(())
}

fn put_success_head<B: BufMut>(out: &mut B, handle_index: u8) {
    out.put_u8(handle_index);
    out.put_u32_le(0);
}

/// The table columns a row-carrying response needs, or the typed error when no RopSetColumns
/// was seen.
fn columns_or_fail<'c>(
    columns: Option<&'c [PropertyTag]>,
    input: &[u8],
    structure: &'static str,
) -> Result<&'c [PropertyTag], nom::Err<WireError>> {
    columns
        .ok_or_else(|| nom::Err::Error(WireError::new(input, NO_COLUMNS).in_structure(structure)))
}

const NO_COLUMNS: ErrorKind = ErrorKind::Syntax("table columns unknown: RopSetColumns not seen");

fn columns_for_encode<'c>(
    columns: Option<&'c [PropertyTag]>,
    structure: &'static str,
) -> Result<&'c [PropertyTag], EncodeError> {
    columns.ok_or(EncodeError::Invalid {
        structure,
        reason: "table columns unknown: RopSetColumns not seen",
    })
}

/// The codec of a response whose layout needs no context. A local trait, so that
/// [`ResponseHeader`] (defined in the parent module) can have one here too.
trait ResponseCodec: Sized {
    fn decode_response(input: &[u8]) -> PResult<'_, Self>;
    fn encode_response<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError>;
}

impl ResponseCodec for ResponseHeader {
    fn decode_response(input: &[u8]) -> PResult<'_, Self> {
        named("ROP response", input, ResponseHeader::decode)
    }
    fn encode_response<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode(out);
        Ok(())
    }
}

macro_rules! codec_via_wire {
    ($($t:ty),*) => {$(
        impl ResponseCodec for $t {
            fn decode_response(input: &[u8]) -> PResult<'_, Self> {
                <$t as Wire>::decode(input)
            }
            fn encode_response<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                <$t as Wire>::encode(self, out)
            }
        }
    )*};
}

codec_via_wire!(
    TableStatusResponse,
    BookmarkResponse,
    QueryPositionResponse,
    SeekRowResponse,
    SeekRowBookmarkResponse,
    QueryColumnsAllResponse,
    CollapseRowResponse,
    GetCollapseStateResponse
);

/// Declares a request that is only LogonId and InputHandleIndex.
macro_rules! head_only_request {
    ($(#[$doc:meta])* $name:ident, $id:expr, $resp:ty, $structure:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        pub struct $name {
            /// LogonId.
            pub logon_id: u8,
            /// InputHandleIndex: the table.
            pub input_handle_index: u8,
        }

        impl Rop for $name {
            const ID: RopId = $id;
            type Response = $resp;

            fn decode_request(input: &[u8]) -> PResult<'_, Self> {
                named($structure, input, |i| {
                    let (i, (logon_id, input_handle_index)) = request_head(i)?;
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
                out.put_u8(self.logon_id);
                out.put_u8(self.input_handle_index);
                Ok(())
            }

            fn decode_response<'a>(
                &self,
                _ctx: &ResponseContext<'_>,
                input: &'a [u8],
            ) -> PResult<'a, Self::Response> {
                <$resp as ResponseCodec>::decode_response(input)
            }

            fn encode_response<B: BufMut>(
                &self,
                response: &Self::Response,
                _ctx: &ResponseContext<'_>,
                out: &mut B,
            ) -> Result<(), EncodeError> {
                response.encode_response(out)
            }

            fn input_handle_index(&self) -> u8 {
                self.input_handle_index
            }
        }
    };
}

/// Implements the `Rop` response methods for a context-free response type.
macro_rules! context_free_response {
    () => {
        fn decode_response<'a>(
            &self,
            _ctx: &ResponseContext<'_>,
            input: &'a [u8],
        ) -> PResult<'a, Self::Response> {
            <Self::Response as ResponseCodec>::decode_response(input)
        }

        fn encode_response<B: BufMut>(
            &self,
            response: &Self::Response,
            _ctx: &ResponseContext<'_>,
            out: &mut B,
        ) -> Result<(), EncodeError> {
            response.encode_response(out)
        }

        fn input_handle_index(&self) -> u8 {
            self.input_handle_index
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Shared response shapes
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.1.2, 2.2.5.2.2, 2.2.5.3.2, 2.2.5.5.2, 2.2.5.6.2: the response of
/// RopSetColumns, RopSortTable, RopRestrict, RopAbort and RopGetStatus, which is a TableStatus
/// (MS-OXCTABL 2.2.2.1.3) after the header on success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TableStatusResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// The state of asynchronous operations on the table.
        table_status: TableStatus,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl Wire for TableStatusResponse {
    const NAME: &'static str = "TableStatus response";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, s) = le_u8(i)?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    table_status: TableStatus(s),
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                table_status,
            } => {
                put_success_head(out, *handle_index);
                out.put_u8(table_status.0);
                Ok(())
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

/// MS-OXCROPS 2.2.5.11.2 and 2.2.5.19.2: the response of RopCreateBookmark and
/// RopSetCollapseState, a BookmarkSize (2 bytes) and Bookmark after the header on success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum BookmarkResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// The opaque bookmark (MS-OXCTABL 2.2.2.1.2); free it with RopFreeBookmark.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        bookmark: Vec<u8>,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl Wire for BookmarkResponse {
    const NAME: &'static str = "Bookmark response";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, bookmark) = sized_blob(i, "BookmarkSize")?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    bookmark,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                bookmark,
            } => {
                put_success_head(out, *handle_index);
                put_sized_blob(out, bookmark, Self::NAME, "BookmarkSize")
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// RopSetColumns (0x12)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.1.1 RopSetColumns request (MS-OXCTABL 2.2.2.2.1): the columns later
/// RopQueryRows, RopFindRow and RopExpandRow responses are laid out against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetColumnsRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// SetColumnsFlags.
    pub flags: AsyncFlags,
    /// PropertyTags (counted by PropertyTagCount, 2 bytes).
    pub property_tags: Vec<PropertyTag>,
}

/// MS-OXCROPS 2.2.5.1.2 RopSetColumns response (MS-OXCTABL 2.2.2.2.2).
pub type SetColumnsResponse = TableStatusResponse;

impl Rop for SetColumnsRequest {
    const ID: RopId = RopId::SET_COLUMNS;
    type Response = SetColumnsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSetColumns", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, flags) = le_u8(i)?;
            let (i, property_tags) = tag_list(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    flags: AsyncFlags(flags),
                    property_tags,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.flags.0);
        put_tag_list(out, &self.property_tags, "RopSetColumns")
    }

    context_free_response!();
}

// ---------------------------------------------------------------------------------------------
// RopSortTable (0x13)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.2.1 RopSortTable request (MS-OXCTABL 2.2.2.3.1). After SortTableFlags the
/// ROP lays out SortOrderCount, CategoryCount, ExpandedCount and SortOrders, which is exactly
/// an MS-OXCDATA 2.13.2 SortOrderSet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SortTableRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// SortTableFlags.
    pub flags: AsyncFlags,
    /// The sort orders with CategoryCount and ExpandedCount.
    pub sort_order_set: SortOrderSet,
}

/// MS-OXCROPS 2.2.5.2.2 RopSortTable response (MS-OXCTABL 2.2.2.3.2).
pub type SortTableResponse = TableStatusResponse;

impl Rop for SortTableRequest {
    const ID: RopId = RopId::SORT_TABLE;
    type Response = SortTableResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSortTable", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, flags) = le_u8(i)?;
            let (i, sort_order_set) = SortOrderSet::decode(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    flags: AsyncFlags(flags),
                    sort_order_set,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.flags.0);
        self.sort_order_set.encode(out)
    }

    context_free_response!();
}

// ---------------------------------------------------------------------------------------------
// RopRestrict (0x14)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.3.1 RopRestrict request (MS-OXCTABL 2.2.2.4.1): RestrictFlags,
/// RestrictionDataSize (2 bytes), RestrictionData (a restriction with 16-bit counts).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestrictRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// RestrictFlags.
    pub flags: AsyncFlags,
    /// The restriction; `None` (RestrictionDataSize 0) removes the current one.
    pub restriction: Option<Restriction>,
}

/// MS-OXCROPS 2.2.5.3.2 RopRestrict response (MS-OXCTABL 2.2.2.4.2).
pub type RestrictResponse = TableStatusResponse;

impl Rop for RestrictRequest {
    const ID: RopId = RopId::RESTRICT;
    type Response = RestrictResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopRestrict", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, flags) = le_u8(i)?;
            let (i, restriction) = restriction_data("RopRestrict", i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    flags: AsyncFlags(flags),
                    restriction,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.flags.0);
        put_restriction_data(out, self.restriction.as_ref(), "RopRestrict")
    }

    context_free_response!();
}

// ---------------------------------------------------------------------------------------------
// RopQueryRows (0x15)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.4.1 RopQueryRows request (MS-OXCTABL 2.2.2.5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QueryRowsRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// QueryRowsFlags.
    pub flags: QueryRowsFlags,
    /// ForwardRead: read forward (true) or backward from the cursor.
    pub forward_read: bool,
    /// RowCount: the most rows wanted.
    pub row_count: u16,
}

/// MS-OXCROPS 2.2.5.4.2 RopQueryRows response (MS-OXCTABL 2.2.2.5.2): Origin, RowCount
/// (2 bytes) and RowData, PropertyRows against the table's columns — the same bytes as an
/// MS-OXCDATA 2.8.2.1 PropertyRowSet.
///
/// With EnablePackedBuffers the rows may arrive split over several extended buffers; decode
/// from the joined bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum QueryRowsResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// Where the cursor now is (BOOKMARK_END once no rows remain reading forward).
        origin: BookmarkOrigin,
        /// The rows.
        rows: PropertyRowSet,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl QueryRowsResponse {
    const NAME: &'static str = "RopQueryRows";

    /// Decodes the response, rows laid out against `columns` (`None` when no RopSetColumns
    /// was seen: a success response then fails with a typed error).
    pub fn decode_with<'a>(columns: Option<&[PropertyTag]>, input: &'a [u8]) -> PResult<'a, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let columns = columns_or_fail(columns, i, Self::NAME)?;
            let (i, origin) = le_u8(i)?;
            let (i, rows) = PropertyRowSet::decode_with(columns, CountWidth::U16, i)?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    origin: BookmarkOrigin(origin),
                    rows,
                },
            ))
        })
    }

    /// Encodes the response, rows laid out against `columns`.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: Option<&[PropertyTag]>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                origin,
                rows,
            } => {
                let columns = columns_for_encode(columns, Self::NAME)?;
                put_success_head(out, *handle_index);
                out.put_u8(origin.0);
                rows.encode_with(columns, CountWidth::U16, out)
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

impl Rop for QueryRowsRequest {
    const ID: RopId = RopId::QUERY_ROWS;
    type Response = QueryRowsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopQueryRows", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, flags) = le_u8(i)?;
            let (i, forward_read) = bool8(i)?;
            let (i, row_count) = le_u16(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    flags: QueryRowsFlags(flags),
                    forward_read,
                    row_count,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.flags.0);
        out.put_u8(u8::from(self.forward_read));
        out.put_u16_le(self.row_count);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        QueryRowsResponse::decode_with(ctx.table_columns, input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode_with(ctx.table_columns, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopAbort (0x38), RopGetStatus (0x16)
// ---------------------------------------------------------------------------------------------

head_only_request!(
    /// MS-OXCROPS 2.2.5.5.1 RopAbort request (MS-OXCTABL 2.2.2.6): stop the table's
    /// asynchronous operations.
    AbortRequest,
    RopId::ABORT,
    AbortResponse,
    "RopAbort"
);

/// MS-OXCROPS 2.2.5.5.2 RopAbort response (MS-OXCTABL 2.2.2.6.2).
pub type AbortResponse = TableStatusResponse;

head_only_request!(
    /// MS-OXCROPS 2.2.5.6.1 RopGetStatus request (MS-OXCTABL 2.2.2.7).
    GetStatusRequest,
    RopId::GET_STATUS,
    GetStatusResponse,
    "RopGetStatus"
);

/// MS-OXCROPS 2.2.5.6.2 RopGetStatus response (MS-OXCTABL 2.2.2.7.2).
pub type GetStatusResponse = TableStatusResponse;

// ---------------------------------------------------------------------------------------------
// RopQueryPosition (0x17)
// ---------------------------------------------------------------------------------------------

head_only_request!(
    /// MS-OXCROPS 2.2.5.7.1 RopQueryPosition request (MS-OXCTABL 2.2.2.8).
    QueryPositionRequest,
    RopId::QUERY_POSITION,
    QueryPositionResponse,
    "RopQueryPosition"
);

/// MS-OXCROPS 2.2.5.7.2 RopQueryPosition response (MS-OXCTABL 2.2.2.8.2): the cursor position
/// as Numerator (the current row) over Denominator (the row count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum QueryPositionResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// Numerator: the index of the current row.
        numerator: u32,
        /// Denominator: the number of rows.
        denominator: u32,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl Wire for QueryPositionResponse {
    const NAME: &'static str = "RopQueryPosition";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, numerator) = le_u32(i)?;
            let (i, denominator) = le_u32(i)?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    numerator,
                    denominator,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                numerator,
                denominator,
            } => {
                put_success_head(out, *handle_index);
                out.put_u32_le(*numerator);
                out.put_u32_le(*denominator);
                Ok(())
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// RopSeekRow (0x18)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.8.1 RopSeekRow request (MS-OXCTABL 2.2.2.9.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SeekRowRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// Origin: a predefined bookmark to seek from.
    pub origin: BookmarkOrigin,
    /// RowCount: rows to move, negative for backward.
    pub row_count: i32,
    /// WantRowMovedCount: whether the server reports the rows moved.
    pub want_row_moved_count: bool,
}

/// MS-OXCROPS 2.2.5.8.2 RopSeekRow response (MS-OXCTABL 2.2.2.9.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SeekRowResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// HasSoughtLess: fewer rows were passed than asked for.
        has_sought_less: bool,
        /// RowsSought: rows moved, negative for backward.
        rows_sought: i32,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl Wire for SeekRowResponse {
    const NAME: &'static str = "RopSeekRow";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, has_sought_less) = bool8(i)?;
            let (i, rows_sought) = le_i32(i)?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    has_sought_less,
                    rows_sought,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                has_sought_less,
                rows_sought,
            } => {
                put_success_head(out, *handle_index);
                out.put_u8(u8::from(*has_sought_less));
                out.put_i32_le(*rows_sought);
                Ok(())
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

impl Rop for SeekRowRequest {
    const ID: RopId = RopId::SEEK_ROW;
    type Response = SeekRowResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSeekRow", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, origin) = le_u8(i)?;
            let (i, row_count) = le_i32(i)?;
            let (i, want_row_moved_count) = bool8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    origin: BookmarkOrigin(origin),
                    row_count,
                    want_row_moved_count,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.origin.0);
        out.put_i32_le(self.row_count);
        out.put_u8(u8::from(self.want_row_moved_count));
        Ok(())
    }

    context_free_response!();
}

// ---------------------------------------------------------------------------------------------
// RopSeekRowBookmark (0x19)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.9.1 RopSeekRowBookmark request (MS-OXCTABL 2.2.2.10.1): like RopSeekRow,
/// from a custom bookmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeekRowBookmarkRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// Bookmark (counted by BookmarkSize, 2 bytes), from RopCreateBookmark.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub bookmark: Vec<u8>,
    /// RowCount: rows to move, negative for backward.
    pub row_count: i32,
    /// WantRowMovedCount.
    pub want_row_moved_count: bool,
}

/// MS-OXCROPS 2.2.5.9.2 RopSeekRowBookmark response (MS-OXCTABL 2.2.2.10.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SeekRowBookmarkResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// RowNoLongerVisible: the bookmarked row is gone; the seek started at the next row.
        row_no_longer_visible: bool,
        /// HasSoughtLess.
        has_sought_less: bool,
        /// RowsSought: rows moved; MS-OXCROPS calls it unsigned but it carries the direction
        /// like RopSeekRow's, so it is read as signed (the bits are the same).
        rows_sought: i32,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl Wire for SeekRowBookmarkResponse {
    const NAME: &'static str = "RopSeekRowBookmark";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, row_no_longer_visible) = bool8(i)?;
            let (i, has_sought_less) = bool8(i)?;
            let (i, rows_sought) = le_i32(i)?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    row_no_longer_visible,
                    has_sought_less,
                    rows_sought,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                row_no_longer_visible,
                has_sought_less,
                rows_sought,
            } => {
                put_success_head(out, *handle_index);
                out.put_u8(u8::from(*row_no_longer_visible));
                out.put_u8(u8::from(*has_sought_less));
                out.put_i32_le(*rows_sought);
                Ok(())
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

impl Rop for SeekRowBookmarkRequest {
    const ID: RopId = RopId::SEEK_ROW_BOOKMARK;
    type Response = SeekRowBookmarkResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSeekRowBookmark", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, bookmark) = sized_blob(i, "BookmarkSize")?;
            let (i, row_count) = le_i32(i)?;
            let (i, want_row_moved_count) = bool8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    bookmark,
                    row_count,
                    want_row_moved_count,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_sized_blob(out, &self.bookmark, "RopSeekRowBookmark", "BookmarkSize")?;
        out.put_i32_le(self.row_count);
        out.put_u8(u8::from(self.want_row_moved_count));
        Ok(())
    }

    context_free_response!();
}

// ---------------------------------------------------------------------------------------------
// RopSeekRowFractional (0x1A)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.10.1 RopSeekRowFractional request (MS-OXCTABL 2.2.2.11.1): move to about
/// Numerator/Denominator of the way through the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SeekRowFractionalRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// Numerator.
    pub numerator: u32,
    /// Denominator.
    pub denominator: u32,
}

/// MS-OXCROPS 2.2.5.10.2 RopSeekRowFractional response: the header alone.
pub type SeekRowFractionalResponse = ResponseHeader;

impl Rop for SeekRowFractionalRequest {
    const ID: RopId = RopId::SEEK_ROW_FRACTIONAL;
    type Response = SeekRowFractionalResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSeekRowFractional", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, numerator) = le_u32(i)?;
            let (i, denominator) = le_u32(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    numerator,
                    denominator,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u32_le(self.numerator);
        out.put_u32_le(self.denominator);
        Ok(())
    }

    context_free_response!();
}

// ---------------------------------------------------------------------------------------------
// RopCreateBookmark (0x1B), RopQueryColumnsAll (0x37), RopResetTable (0x81)
// ---------------------------------------------------------------------------------------------

head_only_request!(
    /// MS-OXCROPS 2.2.5.11.1 RopCreateBookmark request (MS-OXCTABL 2.2.2.12).
    CreateBookmarkRequest,
    RopId::CREATE_BOOKMARK,
    CreateBookmarkResponse,
    "RopCreateBookmark"
);

/// MS-OXCROPS 2.2.5.11.2 RopCreateBookmark response (MS-OXCTABL 2.2.2.12.2).
pub type CreateBookmarkResponse = BookmarkResponse;

head_only_request!(
    /// MS-OXCROPS 2.2.5.12.1 RopQueryColumnsAll request (MS-OXCTABL 2.2.2.13).
    QueryColumnsAllRequest,
    RopId::QUERY_COLUMNS_ALL,
    QueryColumnsAllResponse,
    "RopQueryColumnsAll"
);

/// MS-OXCROPS 2.2.5.12.2 RopQueryColumnsAll response (MS-OXCTABL 2.2.2.13.2): every column the
/// table has, counted by PropertyTagCount (2 bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum QueryColumnsAllResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// PropertyTags.
        property_tags: Vec<PropertyTag>,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl Wire for QueryColumnsAllResponse {
    const NAME: &'static str = "RopQueryColumnsAll";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, property_tags) = tag_list(i)?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    property_tags,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                property_tags,
            } => {
                put_success_head(out, *handle_index);
                put_tag_list(out, property_tags, Self::NAME)
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

head_only_request!(
    /// MS-OXCROPS 2.2.5.15.1 RopResetTable request (MS-OXCTABL 2.2.2.16): drop columns,
    /// restriction and sort order and move the cursor to the start.
    ResetTableRequest,
    RopId::RESET_TABLE,
    ResetTableResponse,
    "RopResetTable"
);

/// MS-OXCROPS 2.2.5.15.2 RopResetTable response: the header alone.
pub type ResetTableResponse = ResponseHeader;

// ---------------------------------------------------------------------------------------------
// RopFindRow (0x4F)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.13.1 RopFindRow request (MS-OXCTABL 2.2.2.14.1): FindRowFlags,
/// RestrictionDataSize (2 bytes), RestrictionData, Origin, BookmarkSize (2 bytes), Bookmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindRowRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// FindRowFlags: the direction.
    pub flags: FindRowFlags,
    /// The restriction a row must match; `None` when RestrictionDataSize is 0.
    pub restriction: Option<Restriction>,
    /// Origin: where the search starts (BOOKMARK_CUSTOM uses `bookmark`).
    pub origin: BookmarkOrigin,
    /// Bookmark (counted by BookmarkSize), used with BOOKMARK_CUSTOM.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub bookmark: Vec<u8>,
}

/// MS-OXCROPS 2.2.5.13.2 RopFindRow response (MS-OXCTABL 2.2.2.14.2): RowNoLongerVisible,
/// HasRowData, and when HasRowData is nonzero a PropertyRow against the table's columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum FindRowResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// RowNoLongerVisible: the bookmarked row is gone; the search started at the next row.
        row_no_longer_visible: bool,
        /// The row found, present when HasRowData is nonzero.
        row: Option<PropertyRow>,
    },
    /// Nonzero ReturnValue (ecNotFound when nothing matched); nothing follows.
    Failure(ResponseHeader),
}

impl FindRowResponse {
    const NAME: &'static str = "RopFindRow";

    /// Decodes the response, a row laid out against `columns`.
    pub fn decode_with<'a>(columns: Option<&[PropertyTag]>, input: &'a [u8]) -> PResult<'a, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, row_no_longer_visible) = bool8(i)?;
            let (i, has_row_data) = bool8(i)?;
            let (i, row) = if has_row_data {
                let columns = columns_or_fail(columns, i, Self::NAME)?;
                let (i, row) = PropertyRow::decode_with(columns, CountWidth::U16, i)?;
                (i, Some(row))
            } else {
                (i, None)
            };
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    row_no_longer_visible,
                    row,
                },
            ))
        })
    }

    /// Encodes the response, a row laid out against `columns`.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: Option<&[PropertyTag]>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                row_no_longer_visible,
                row,
            } => {
                let cols = match row {
                    Some(_) => Some(columns_for_encode(columns, Self::NAME)?),
                    None => None,
                };
                put_success_head(out, *handle_index);
                out.put_u8(u8::from(*row_no_longer_visible));
                match (row, cols) {
                    (Some(row), Some(cols)) => {
                        out.put_u8(1);
                        row.encode_with(cols, CountWidth::U16, out)
                    }
                    _ => {
                        out.put_u8(0);
                        Ok(())
                    }
                }
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

impl Rop for FindRowRequest {
    const ID: RopId = RopId::FIND_ROW;
    type Response = FindRowResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopFindRow", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, flags) = le_u8(i)?;
            let (i, restriction) = restriction_data("RopFindRow", i)?;
            let (i, origin) = le_u8(i)?;
            let (i, bookmark) = sized_blob(i, "BookmarkSize")?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    flags: FindRowFlags(flags),
                    restriction,
                    origin: BookmarkOrigin(origin),
                    bookmark,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.flags.0);
        put_restriction_data(out, self.restriction.as_ref(), "RopFindRow")?;
        out.put_u8(self.origin.0);
        put_sized_blob(out, &self.bookmark, "RopFindRow", "BookmarkSize")
    }

    fn decode_response<'a>(
        &self,
        ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        FindRowResponse::decode_with(ctx.table_columns, input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode_with(ctx.table_columns, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopFreeBookmark (0x89)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.14.1 RopFreeBookmark request (MS-OXCTABL 2.2.2.15.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FreeBookmarkRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// Bookmark (counted by BookmarkSize, 2 bytes) to release.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub bookmark: Vec<u8>,
}

/// MS-OXCROPS 2.2.5.14.2 RopFreeBookmark response: the header alone.
pub type FreeBookmarkResponse = ResponseHeader;

impl Rop for FreeBookmarkRequest {
    const ID: RopId = RopId::FREE_BOOKMARK;
    type Response = FreeBookmarkResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopFreeBookmark", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, bookmark) = sized_blob(i, "BookmarkSize")?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    bookmark,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_sized_blob(out, &self.bookmark, "RopFreeBookmark", "BookmarkSize")
    }

    context_free_response!();
}

// ---------------------------------------------------------------------------------------------
// RopExpandRow (0x59)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.16.1 RopExpandRow request (MS-OXCTABL 2.2.2.17.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExpandRowRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// MaxRowCount: the most rows of the expanded category to return.
    pub max_row_count: u16,
    /// CategoryId: the category row to expand (its PidTagInstID).
    pub category_id: u64,
}

/// MS-OXCROPS 2.2.5.16.2 RopExpandRow response (MS-OXCTABL 2.2.2.17.2): ExpandedRowCount
/// (4 bytes), RowCount (2 bytes) and RowData against the table's columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ExpandRowResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// ExpandedRowCount: the rows in the expanded category.
        expanded_row_count: u32,
        /// RowCount and RowData.
        rows: PropertyRowSet,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl ExpandRowResponse {
    const NAME: &'static str = "RopExpandRow";

    /// Decodes the response, rows laid out against `columns`.
    pub fn decode_with<'a>(columns: Option<&[PropertyTag]>, input: &'a [u8]) -> PResult<'a, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, expanded_row_count) = le_u32(i)?;
            let columns = columns_or_fail(columns, i, Self::NAME)?;
            let (i, rows) = PropertyRowSet::decode_with(columns, CountWidth::U16, i)?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    expanded_row_count,
                    rows,
                },
            ))
        })
    }

    /// Encodes the response, rows laid out against `columns`.
    pub fn encode_with<B: BufMut>(
        &self,
        columns: Option<&[PropertyTag]>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                expanded_row_count,
                rows,
            } => {
                let columns = columns_for_encode(columns, Self::NAME)?;
                put_success_head(out, *handle_index);
                out.put_u32_le(*expanded_row_count);
                rows.encode_with(columns, CountWidth::U16, out)
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

impl Rop for ExpandRowRequest {
    const ID: RopId = RopId::EXPAND_ROW;
    type Response = ExpandRowResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopExpandRow", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, max_row_count) = le_u16(i)?;
            let (i, category_id) = le_u64(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    max_row_count,
                    category_id,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u16_le(self.max_row_count);
        out.put_u64_le(self.category_id);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        ExpandRowResponse::decode_with(ctx.table_columns, input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode_with(ctx.table_columns, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopCollapseRow (0x5A)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.17.1 RopCollapseRow request (MS-OXCTABL 2.2.2.18.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CollapseRowRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// CategoryId: the category row to collapse.
    pub category_id: u64,
}

/// MS-OXCROPS 2.2.5.17.2 RopCollapseRow response (MS-OXCTABL 2.2.2.18.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CollapseRowResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// CollapsedRowCount: rows hidden by the collapse.
        collapsed_row_count: u32,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl Wire for CollapseRowResponse {
    const NAME: &'static str = "RopCollapseRow";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, collapsed_row_count) = le_u32(i)?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    collapsed_row_count,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                collapsed_row_count,
            } => {
                put_success_head(out, *handle_index);
                out.put_u32_le(*collapsed_row_count);
                Ok(())
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

impl Rop for CollapseRowRequest {
    const ID: RopId = RopId::COLLAPSE_ROW;
    type Response = CollapseRowResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCollapseRow", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, category_id) = le_u64(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    category_id,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u64_le(self.category_id);
        Ok(())
    }

    context_free_response!();
}

// ---------------------------------------------------------------------------------------------
// RopGetCollapseState (0x6B), RopSetCollapseState (0x6C)
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.5.18.1 RopGetCollapseState request (MS-OXCTABL 2.2.2.19.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GetCollapseStateRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// RowId: the row the later RopSetCollapseState bookmark will point at (its PidTagInstID).
    pub row_id: u64,
    /// RowInstanceNumber: which instance of a multi-valued row (its PidTagInstanceNum).
    pub row_instance_number: u32,
}

/// MS-OXCROPS 2.2.5.18.2 RopGetCollapseState response (MS-OXCTABL 2.2.2.19.2): an opaque
/// CollapseState counted by CollapseStateSize (2 bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum GetCollapseStateResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex of the request.
        handle_index: u8,
        /// CollapseState, to hand to RopSetCollapseState.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        collapse_state: Vec<u8>,
    },
    /// Nonzero ReturnValue; nothing follows.
    Failure(ResponseHeader),
}

impl Wire for GetCollapseStateResponse {
    const NAME: &'static str = "RopGetCollapseState";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, Self::Failure(h)));
            }
            let (i, collapse_state) = sized_blob(i, "CollapseStateSize")?;
            Ok((
                i,
                Self::Success {
                    handle_index: h.handle_index,
                    collapse_state,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success {
                handle_index,
                collapse_state,
            } => {
                put_success_head(out, *handle_index);
                put_sized_blob(out, collapse_state, Self::NAME, "CollapseStateSize")
            }
            Self::Failure(h) => put_failure(out, h, Self::NAME),
        }
    }
}

impl Rop for GetCollapseStateRequest {
    const ID: RopId = RopId::GET_COLLAPSE_STATE;
    type Response = GetCollapseStateResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetCollapseState", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, row_id) = le_u64(i)?;
            let (i, row_instance_number) = le_u32(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    row_id,
                    row_instance_number,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u64_le(self.row_id);
        out.put_u32_le(self.row_instance_number);
        Ok(())
    }

    context_free_response!();
}

/// MS-OXCROPS 2.2.5.19.1 RopSetCollapseState request (MS-OXCTABL 2.2.2.20.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetCollapseStateRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the table.
    pub input_handle_index: u8,
    /// CollapseState (counted by CollapseStateSize, 2 bytes) from RopGetCollapseState.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub collapse_state: Vec<u8>,
}

/// MS-OXCROPS 2.2.5.19.2 RopSetCollapseState response (MS-OXCTABL 2.2.2.20.2): a bookmark to
/// the row RopGetCollapseState named.
pub type SetCollapseStateResponse = BookmarkResponse;

impl Rop for SetCollapseStateRequest {
    const ID: RopId = RopId::SET_COLLAPSE_STATE;
    type Response = SetCollapseStateResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSetCollapseState", input, |i| {
            let (i, (logon_id, input_handle_index)) = request_head(i)?;
            let (i, collapse_state) = sized_blob(i, "CollapseStateSize")?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    collapse_state,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_sized_blob(
            out,
            &self.collapse_state,
            "RopSetCollapseState",
            "CollapseStateSize",
        )
    }

    context_free_response!();
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use proptest::prelude::*;

    use super::*;
    use crate::wire::error::decode_all;
    use crate::wire::mapihttp::framing::frame_all;
    use crate::wire::mapihttp::{ExecuteRequest, ExecuteResponse, FramerLimits};
    use crate::wire::property::tags::*;
    use crate::wire::property::tests::{leaf_value_s, restriction_s};
    use crate::wire::property::{
        FlaggedPropertyRow, FlaggedPropertyValue, PropertyType, PropertyValue, SortDirection,
        SortOrder, StandardPropertyRow,
    };
    use crate::wire::rpc_ext::decode_chain;
    use crate::wire::{ErrorCode, FileTime};

    // ---- helpers ----

    /// The bytes after the RopId, checking the RopId is `R`'s.
    fn body<R: Rop>(bytes: &[u8]) -> &[u8] {
        assert_eq!(bytes.first().copied(), Some(R::ID.0), "RopId of {}", R::ID);
        &bytes[1..]
    }

    /// Decodes a whole request (RopId included) and checks it re-encodes to the same bytes.
    fn known_request<R: Rop + PartialEq + Debug>(bytes: &[u8]) -> R {
        let req = decode_all(body::<R>(bytes), R::decode_request).unwrap();
        let mut out = vec![R::ID.0];
        req.encode_request(&mut out).unwrap();
        assert_eq!(out, bytes, "{} request re-encodes byte-identically", R::ID);
        req
    }

    /// Decodes a whole response (RopId included) and checks it re-encodes to the same bytes.
    fn known_response<R: Rop>(req: &R, columns: Option<&[PropertyTag]>, bytes: &[u8]) -> R::Response
    where
        R::Response: PartialEq + Debug,
    {
        let ctx = ResponseContext {
            table_columns: columns,
        };
        let resp = decode_all(body::<R>(bytes), |i| req.decode_response(&ctx, i)).unwrap();
        let mut out = vec![R::ID.0];
        req.encode_response(&resp, &ctx, &mut out).unwrap();
        assert_eq!(out, bytes, "{} response re-encodes byte-identically", R::ID);
        // Every strict prefix is a typed error, never a panic.
        for n in 0..bytes.len() - 1 {
            assert!(
                req.decode_response(&ctx, &bytes[1..1 + n]).is_err(),
                "{} response prefix of {n} bytes",
                R::ID
            );
        }
        resp
    }

    fn request_truncations<R: Rop>(bytes: &[u8]) {
        for n in 0..bytes.len() - 1 {
            assert!(
                R::decode_request(&bytes[1..1 + n]).is_err(),
                "{} request prefix of {n} bytes",
                R::ID
            );
        }
    }

    fn round_trip_request<R: Rop + PartialEq + Debug>(req: &R) -> Result<(), TestCaseError> {
        let mut out = Vec::new();
        req.encode_request(&mut out).unwrap();
        let back = decode_all(&out, R::decode_request).unwrap();
        prop_assert_eq!(&back, req);
        Ok(())
    }

    fn round_trip_response<R: Rop>(
        req: &R,
        resp: &R::Response,
        columns: Option<&[PropertyTag]>,
    ) -> Result<(), TestCaseError>
    where
        R::Response: PartialEq + Debug,
    {
        let ctx = ResponseContext {
            table_columns: columns,
        };
        let mut out = Vec::new();
        req.encode_response(resp, &ctx, &mut out).unwrap();
        let back = decode_all(&out, |i| req.decode_response(&ctx, i)).unwrap();
        prop_assert_eq!(&back, resp);
        Ok(())
    }

    /// The ROP buffer (RopSize first) of a recorded Execute request body.
    fn request_rops(raw: &[u8]) -> Vec<u8> {
        let req = ExecuteRequest::from_bytes(raw).unwrap();
        let mut chain = decode_chain(&req.rop_buffer).unwrap();
        assert_eq!(chain.len(), 1);
        chain.remove(0).payload
    }

    /// The ROP buffer (RopSize first) of a recorded Execute response (meta-tags included).
    fn response_rops(raw: &[u8]) -> Vec<u8> {
        let framed = frame_all(raw, FramerLimits::default()).unwrap();
        match ExecuteResponse::from_bytes(&framed.body).unwrap() {
            ExecuteResponse::Success { rop_buffer, .. } => {
                let mut chain = decode_chain(&rop_buffer).unwrap();
                assert_eq!(chain.len(), 1);
                chain.remove(0).payload
            }
            other => panic!("{other:?}"),
        }
    }

    fn rop_size(buf: &[u8]) -> usize {
        usize::from(u16::from_le_bytes([buf[0], buf[1]]))
    }

    fn text(row: &PropertyRow, i: usize) -> &str {
        row.get(i).and_then(PropertyValue::as_str).unwrap()
    }

    // ---- MS-OXCTABL section 4 and MS-OXORULE 4.2.2 examples ----

    #[test]
    fn spec_query_rows_request_ms_oxctabl_4_5_3_1() {
        let bytes = [0x15, 0x00, 0x00, 0x00, 0x01, 0x32, 0x00];
        let req: QueryRowsRequest = known_request(&bytes);
        assert_eq!(
            req,
            QueryRowsRequest {
                logon_id: 0,
                input_handle_index: 0,
                flags: QueryRowsFlags::ADVANCE,
                forward_read: true,
                row_count: 50,
            }
        );
        request_truncations::<QueryRowsRequest>(&bytes);
    }

    #[test]
    fn spec_sort_table_response_ms_oxctabl_4_3_2() {
        let req = SortTableRequest {
            logon_id: 0,
            input_handle_index: 1,
            flags: AsyncFlags::default(),
            sort_order_set: SortOrderSet::default(),
        };
        let resp = known_response(&req, None, &[0x13, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]);
        assert_eq!(
            resp,
            TableStatusResponse::Success {
                handle_index: 1,
                table_status: TableStatus::COMPLETE
            }
        );
    }

    #[test]
    fn spec_rules_table_ms_oxorule_4_2_2() {
        // The excerpt of MS-OXORULE 4.2.2 shows the responses only; the columns are the ones
        // its single row decodes against: PidTagRuleId (PtypInteger64), PidTagRuleProviderData
        // (PtypBinary), PidTagRuleName (PtypString), filling the 0x38 bytes exactly.
        let cols = [
            PropertyTag(0x6674_0014),
            PropertyTag(0x6684_0102),
            PropertyTag(0x6682_001F),
        ];
        let set_columns = SetColumnsRequest {
            logon_id: 0,
            input_handle_index: 1,
            flags: AsyncFlags::default(),
            property_tags: cols.to_vec(),
        };
        let resp = known_response(&set_columns, None, &[0x12, 0x01, 0, 0, 0, 0, 0x00]);
        assert_eq!(
            resp,
            TableStatusResponse::Success {
                handle_index: 1,
                table_status: TableStatus::COMPLETE
            }
        );

        let bytes = [
            0x15, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x3f, 0xf8, 0x56, 0x10, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
            0x55, 0x55, 0x55, 0x55, 0xd1, 0x44, 0xe3, 0x40, 0x50, 0x00, 0x72, 0x00, 0x6f, 0x00,
            0x6a, 0x00, 0x65, 0x00, 0x63, 0x00, 0x74, 0x00, 0x20, 0x00, 0x58, 0x00, 0x00, 0x00,
        ];
        let query = QueryRowsRequest {
            logon_id: 0,
            input_handle_index: 1,
            flags: QueryRowsFlags::ADVANCE,
            forward_read: true,
            row_count: 0x10,
        };
        let QueryRowsResponse::Success {
            handle_index,
            origin,
            rows,
        } = known_response(&query, Some(&cols), &bytes)
        else {
            panic!("failure")
        };
        assert_eq!(handle_index, 1);
        assert_eq!(origin, BookmarkOrigin::END);
        assert_eq!(rows.rows.len(), 1);
        let row = &rows.rows[0];
        assert!(matches!(row, PropertyRow::Standard(_)));
        assert_eq!(
            row.get(0).and_then(PropertyValue::as_i64),
            Some(0x56f8_3f01_0000_0001)
        );
        assert_eq!(
            row.get(1)
                .and_then(PropertyValue::as_bytes)
                .map(<[u8]>::len),
            Some(16)
        );
        assert_eq!(text(row, 2), "Project X");
    }

    // ---- real recordings (fixtures/gromox, see fixtures/gromox/README.md) ----

    const FOLDER_COLUMNS: [PropertyTag; 6] = [
        PID_TAG_FOLDER_ID,
        PID_TAG_DISPLAY_NAME,
        PID_TAG_CONTENT_COUNT,
        PID_TAG_CONTENT_UNREAD_COUNT,
        PID_TAG_SUBFOLDERS,
        PID_TAG_CONTAINER_CLASS,
    ];

    #[test]
    fn recorded_hierarchy_table_session_folders_entry_2() {
        let req_buf = request_rops(include_bytes!(
            "../../../fixtures/bodies/session-folders/02-execute-request.bin"
        ));
        let resp_buf = response_rops(include_bytes!(
            "../../../fixtures/bodies/session-folders/02-execute-response.bin"
        ));
        // Offsets found once in the ROP buffers (RopSize at 0). Request: RopLogon,
        // RopOpenFolder, RopGetHierarchyTable, then RopSetColumns at 143 and RopQueryRows at
        // 173 up to RopSize 180. Response: RopSetColumns at 186, RopQueryRows from 193 to the
        // end of the ROPs (RopSize 1590).
        assert_eq!(rop_size(&req_buf), 180);
        assert_eq!(rop_size(&resp_buf), 1590);
        let set_columns: SetColumnsRequest = known_request(&req_buf[143..173]);
        assert_eq!(set_columns.input_handle_index, 2);
        assert_eq!(set_columns.flags, AsyncFlags::default());
        assert_eq!(set_columns.property_tags, FOLDER_COLUMNS);
        request_truncations::<SetColumnsRequest>(&req_buf[143..173]);
        let query: QueryRowsRequest = known_request(&req_buf[173..180]);
        assert!(query.forward_read);
        assert_eq!(query.row_count, 100);
        assert_eq!(query.flags, QueryRowsFlags::ADVANCE);

        assert_eq!(
            known_response(&set_columns, None, &resp_buf[186..193]),
            TableStatusResponse::Success {
                handle_index: 2,
                table_status: TableStatus::COMPLETE
            }
        );
        let QueryRowsResponse::Success { origin, rows, .. } = known_response(
            &query,
            Some(&set_columns.property_tags),
            &resp_buf[193..1590],
        ) else {
            panic!("failure")
        };
        assert_eq!(origin, BookmarkOrigin::END);
        assert_eq!(rows.rows.len(), 21);
        let inbox = rows.rows.iter().find(|r| text(r, 1) == "Inbox").unwrap();
        assert_eq!(
            inbox.get(0).and_then(PropertyValue::as_i64),
            Some(0x0D00_0000_0000_0001)
        );
        assert_eq!(inbox.get(2).and_then(PropertyValue::as_i32), Some(18));
        assert_eq!(inbox.get(3).and_then(PropertyValue::as_i32), Some(11));
        assert_eq!(inbox.get(4).and_then(PropertyValue::as_bool), Some(true));
        let mut flagged: Vec<&str> = rows
            .rows
            .iter()
            .filter(|r| matches!(r, PropertyRow::Flagged(_)))
            .map(|r| text(r, 1))
            .collect();
        flagged.sort_unstable();
        assert_eq!(flagged, ["Projects", "Receipts"]);
        for r in rows
            .rows
            .iter()
            .filter(|r| matches!(r, PropertyRow::Flagged(_)))
        {
            assert_eq!(r.error(5), Some(ErrorCode::NOT_FOUND));
            assert_eq!(r.get(5), None);
        }
    }

    #[test]
    fn recorded_contents_table_session_folders_entry_3() {
        let req_buf = request_rops(include_bytes!(
            "../../../fixtures/bodies/session-folders/03-execute-request.bin"
        ));
        let resp_buf = response_rops(include_bytes!(
            "../../../fixtures/bodies/session-folders/03-execute-response.bin"
        ));
        // Request: RopOpenFolder, RopGetContentsTable, RopSetColumns at 20, RopSortTable at
        // 54, RopQueryRows at 69 up to RopSize 76. Response: RopSetColumns at 20, RopSortTable
        // at 27, RopQueryRows from 34 to RopSize 2073.
        assert_eq!(rop_size(&req_buf), 76);
        assert_eq!(rop_size(&resp_buf), 2073);
        let set_columns: SetColumnsRequest = known_request(&req_buf[20..54]);
        assert_eq!(
            set_columns.property_tags,
            [
                PID_TAG_MID,
                PID_TAG_SUBJECT,
                PID_TAG_MESSAGE_DELIVERY_TIME,
                PID_TAG_SENDER_NAME,
                PID_TAG_MESSAGE_SIZE,
                PID_TAG_HAS_ATTACHMENTS,
                PID_TAG_MESSAGE_CLASS,
            ]
        );
        let sort: SortTableRequest = known_request(&req_buf[54..69]);
        request_truncations::<SortTableRequest>(&req_buf[54..69]);
        assert_eq!(sort.input_handle_index, 4);
        assert_eq!(
            sort.sort_order_set,
            SortOrderSet {
                categorized_count: 0,
                expanded_count: 0,
                sort_orders: vec![SortOrder {
                    tag: PID_TAG_MESSAGE_DELIVERY_TIME,
                    order: SortDirection::DESCEND
                }],
            }
        );
        let query: QueryRowsRequest = known_request(&req_buf[69..76]);
        assert_eq!(query.row_count, 1000);

        let ok = TableStatusResponse::Success {
            handle_index: 4,
            table_status: TableStatus::COMPLETE,
        };
        assert_eq!(known_response(&set_columns, None, &resp_buf[20..27]), ok);
        assert_eq!(known_response(&sort, None, &resp_buf[27..34]), ok);
        let QueryRowsResponse::Success { origin, rows, .. } = known_response(
            &query,
            Some(&set_columns.property_tags),
            &resp_buf[34..2073],
        ) else {
            panic!("failure")
        };
        assert_eq!(origin, BookmarkOrigin::END);
        assert_eq!(rows.rows.len(), 18);
        let times: Vec<FileTime> = rows
            .rows
            .iter()
            .map(|r| r.get(2).and_then(PropertyValue::as_time).unwrap())
            .collect();
        assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
        let newest = &rows.rows[0];
        assert_eq!(text(newest, 1), "Re: Coffee machine broken");
        assert_eq!(text(newest, 6), "IPM.Note");
        let with_attachments = rows
            .rows
            .iter()
            .filter(|r| r.get(5).and_then(PropertyValue::as_bool) == Some(true))
            .count();
        assert_eq!(with_attachments, 2);
    }

    #[test]
    fn recorded_public_hierarchy_session_public_entry_3() {
        let req_buf = request_rops(include_bytes!(
            "../../../fixtures/bodies/session-public/03-execute-request.bin"
        ));
        let resp_buf = response_rops(include_bytes!(
            "../../../fixtures/bodies/session-public/03-execute-response.bin"
        ));
        // Request: RopOpenFolder, RopGetHierarchyTable, RopSetColumns at 20, RopQueryRows at
        // 50 up to RopSize 57. Response: RopSetColumns at 20, RopQueryRows from 27 to 208.
        assert_eq!(rop_size(&req_buf), 57);
        assert_eq!(rop_size(&resp_buf), 208);
        let set_columns: SetColumnsRequest = known_request(&req_buf[20..50]);
        assert_eq!(set_columns.property_tags, FOLDER_COLUMNS);
        let query: QueryRowsRequest = known_request(&req_buf[50..57]);
        known_response(&set_columns, None, &resp_buf[20..27]);
        let QueryRowsResponse::Success { origin, rows, .. } =
            known_response(&query, Some(&set_columns.property_tags), &resp_buf[27..208])
        else {
            panic!("failure")
        };
        assert_eq!(origin, BookmarkOrigin::END);
        let names: Vec<&str> = rows.rows.iter().map(|r| text(r, 1)).collect();
        assert_eq!(names, ["IPM_SUBTREE", "NON_IPM_SUBTREE", "EFORMS REGISTRY"]);
        for r in &rows.rows {
            assert!(matches!(r, PropertyRow::Flagged(_)));
            assert_eq!(r.error(5), Some(ErrorCode::NOT_FOUND));
        }
    }

    // ---- layouts checked field by field against the specification text ----

    /// One Integer32 column, so row bytes are Flag 0x00 then 4 value bytes (MS-OXCDATA 2.8.1.1).
    const ONE_INT_COLUMN: [PropertyTag; 1] = [PID_TAG_CONTENT_COUNT];

    fn one_int_row(v: i32) -> PropertyRow {
        PropertyRow::Standard(StandardPropertyRow {
            values: vec![PropertyValue::Integer32(v)],
        })
    }

    /// MS-OXCTABL 2.2.2.9.1 (Origin 1, RowCount 4 signed, WantRowMovedCount 1) and MS-OXCROPS
    /// 2.2.5.8.2 (HasSoughtLess 1, RowsSought 4 signed).
    #[test]
    fn seek_row_layout_per_spec() {
        let req_bytes = [0x18, 0x00, 0x01, 0x01, 0xFD, 0xFF, 0xFF, 0xFF, 0x01];
        let req = known_request::<SeekRowRequest>(&req_bytes);
        assert_eq!(
            req,
            SeekRowRequest {
                logon_id: 0,
                input_handle_index: 1,
                origin: BookmarkOrigin::CURRENT,
                row_count: -3,
                want_row_moved_count: true,
            }
        );
        request_truncations::<SeekRowRequest>(&req_bytes);
        let resp = known_response(
            &req,
            None,
            &[0x18, 0x01, 0, 0, 0, 0, 0x01, 0xFE, 0xFF, 0xFF, 0xFF],
        );
        assert_eq!(
            resp,
            SeekRowResponse::Success {
                handle_index: 1,
                has_sought_less: true,
                rows_sought: -2,
            }
        );
    }

    /// MS-OXCTABL 2.2.2.10.1 (BookmarkSize 2, Bookmark, RowCount 4 signed, WantRowMovedCount 1)
    /// and MS-OXCROPS 2.2.5.9.2 (RowNoLongerVisible 1, HasSoughtLess 1, RowsSought 4).
    #[test]
    fn seek_row_bookmark_layout_per_spec() {
        let req_bytes = [
            0x19, 0x00, 0x01, 0x04, 0x00, 0xAA, 0xBB, 0xCC, 0xDD, 0x05, 0x00, 0x00, 0x00, 0x00,
        ];
        let req = known_request::<SeekRowBookmarkRequest>(&req_bytes);
        assert_eq!(req.bookmark, [0xAA, 0xBB, 0xCC, 0xDD]);
        assert_eq!(req.row_count, 5);
        assert!(!req.want_row_moved_count);
        request_truncations::<SeekRowBookmarkRequest>(&req_bytes);
        let resp = known_response(
            &req,
            None,
            &[0x19, 0x01, 0, 0, 0, 0, 0x01, 0x00, 0x03, 0, 0, 0],
        );
        assert_eq!(
            resp,
            SeekRowBookmarkResponse::Success {
                handle_index: 1,
                row_no_longer_visible: true,
                has_sought_less: false,
                rows_sought: 3,
            }
        );
    }

    /// MS-OXCROPS 2.2.5.10.1: Numerator (4 bytes) then Denominator (4 bytes).
    #[test]
    fn seek_row_fractional_layout_per_spec() {
        let req_bytes = [0x1A, 0x00, 0x01, 0x01, 0, 0, 0, 0x02, 0, 0, 0];
        let req = known_request::<SeekRowFractionalRequest>(&req_bytes);
        assert_eq!((req.numerator, req.denominator), (1, 2));
        request_truncations::<SeekRowFractionalRequest>(&req_bytes);
    }

    /// MS-OXCTABL 2.2.2.14.1 (FindRowFlags 1, RestrictionDataSize 2, RestrictionData; the
    /// Origin/BookmarkSize/Bookmark tail was not in the searchable text) and MS-OXCROPS 2.2.5.13.2
    /// (RowNoLongerVisible 1, HasRowData 1, RowData only when HasRowData is nonzero).
    #[test]
    fn find_row_layout_per_spec() {
        let req_bytes = [
            0x4F, 0x00, 0x01, 0x01, 0x00, 0x00, 0x03, 0x02, 0x00, 0xAA, 0xBB,
        ];
        let req = known_request::<FindRowRequest>(&req_bytes);
        assert_eq!(req.flags, FindRowFlags::BACKWARD);
        assert_eq!(req.restriction, None);
        assert_eq!(req.origin, BookmarkOrigin::CUSTOM);
        assert_eq!(req.bookmark, [0xAA, 0xBB]);
        let with_row = [0x4F, 0x01, 0, 0, 0, 0, 0x00, 0x01, 0x00, 0x2A, 0, 0, 0];
        assert_eq!(
            known_response(&req, Some(&ONE_INT_COLUMN), &with_row),
            FindRowResponse::Success {
                handle_index: 1,
                row_no_longer_visible: false,
                row: Some(one_int_row(42)),
            }
        );
        // HasRowData 0: RowData is absent, so no columns are needed.
        assert_eq!(
            known_response(&req, None, &[0x4F, 0x01, 0, 0, 0, 0, 0x01, 0x00]),
            FindRowResponse::Success {
                handle_index: 1,
                row_no_longer_visible: true,
                row: None,
            }
        );
    }

    /// MS-OXCROPS 2.2.5.16.1 (MaxRowCount 2, CategoryId 8) and 2.2.5.16.2 (ExpandedRowCount 4,
    /// RowCount 2, RowData).
    #[test]
    fn expand_row_layout_per_spec() {
        let req_bytes = [0x59, 0x00, 0x01, 0x05, 0x00, 1, 2, 3, 4, 5, 6, 7, 8];
        let req = known_request::<ExpandRowRequest>(&req_bytes);
        assert_eq!(req.max_row_count, 5);
        assert_eq!(req.category_id, 0x0807_0605_0403_0201);
        request_truncations::<ExpandRowRequest>(&req_bytes);
        let resp_bytes = [
            0x59, 0x01, 0, 0, 0, 0, 0x07, 0, 0, 0, 0x01, 0x00, 0x00, 0x2A, 0, 0, 0,
        ];
        assert_eq!(
            known_response(&req, Some(&ONE_INT_COLUMN), &resp_bytes),
            ExpandRowResponse::Success {
                handle_index: 1,
                expanded_row_count: 7,
                rows: PropertyRowSet {
                    rows: vec![one_int_row(42)],
                },
            }
        );
    }

    /// MS-OXCROPS 2.2.5.17.2: CollapsedRowCount (4 bytes). (The 2.2.5.17.1 request page was not
    /// in the searchable text; CategoryId 8 bytes as in RopExpandRow.)
    #[test]
    fn collapse_row_layout_per_spec() {
        let req = known_request::<CollapseRowRequest>(&[0x5A, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(req.category_id, 0x0807_0605_0403_0201);
        assert_eq!(
            known_response(&req, None, &[0x5A, 0x01, 0, 0, 0, 0, 0x04, 0, 0, 0]),
            CollapseRowResponse::Success {
                handle_index: 1,
                collapsed_row_count: 4,
            }
        );
    }

    /// MS-OXCROPS 2.2.5.18.1 (RowId 8, RowInstanceNumber 4), 2.2.5.18.2 (CollapseStateSize 2,
    /// CollapseState) and 2.2.5.19.1 (CollapseStateSize 2, CollapseState).
    #[test]
    fn collapse_state_layouts_per_spec() {
        let get_bytes = [0x6B, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0x02, 0, 0, 0];
        let get = known_request::<GetCollapseStateRequest>(&get_bytes);
        assert_eq!(get.row_id, 0x0807_0605_0403_0201);
        assert_eq!(get.row_instance_number, 2);
        request_truncations::<GetCollapseStateRequest>(&get_bytes);
        assert_eq!(
            known_response(
                &get,
                None,
                &[0x6B, 0x01, 0, 0, 0, 0, 0x03, 0x00, 0xAA, 0xBB, 0xCC]
            ),
            GetCollapseStateResponse::Success {
                handle_index: 1,
                collapse_state: vec![0xAA, 0xBB, 0xCC],
            }
        );
        let set_bytes = [0x6C, 0x00, 0x01, 0x03, 0x00, 0xAA, 0xBB, 0xCC];
        let set = known_request::<SetCollapseStateRequest>(&set_bytes);
        assert_eq!(set.collapse_state, [0xAA, 0xBB, 0xCC]);
        request_truncations::<SetCollapseStateRequest>(&set_bytes);
    }

    /// A failed RopQueryRows / RopFindRow / RopExpandRow carries no rows (MS-OXCROPS 2.2.5.4.3,
    /// 2.2.5.13.3, 2.2.5.16.3 are header-only), so it decodes through `Rop::decode_response`
    /// without table columns.
    #[test]
    fn failures_decode_without_columns() {
        let ctx = ResponseContext::default();
        let fail = ResponseHeader {
            handle_index: 1,
            return_value: ErrorCode::NOT_FOUND,
        };
        let bytes = [0x01, 0x0F, 0x01, 0x04, 0x80];
        let query = QueryRowsRequest {
            logon_id: 0,
            input_handle_index: 1,
            flags: QueryRowsFlags::ADVANCE,
            forward_read: true,
            row_count: 10,
        };
        assert_eq!(
            decode_all(&bytes, |i| query.decode_response(&ctx, i)).unwrap(),
            QueryRowsResponse::Failure(fail)
        );
        let find = FindRowRequest {
            logon_id: 0,
            input_handle_index: 1,
            flags: FindRowFlags::FORWARD,
            restriction: None,
            origin: BookmarkOrigin::BEGINNING,
            bookmark: vec![],
        };
        assert_eq!(
            decode_all(&bytes, |i| find.decode_response(&ctx, i)).unwrap(),
            FindRowResponse::Failure(fail)
        );
        let expand = ExpandRowRequest {
            logon_id: 0,
            input_handle_index: 1,
            max_row_count: 0,
            category_id: 1,
        };
        assert_eq!(
            decode_all(&bytes, |i| expand.decode_response(&ctx, i)).unwrap(),
            ExpandRowResponse::Failure(fail)
        );
        // And they encode without columns too.
        let mut out = Vec::new();
        expand
            .encode_response(&ExpandRowResponse::Failure(fail), &ctx, &mut out)
            .unwrap();
        assert_eq!(out, bytes);
    }

    // ---- context and hostile input ----

    #[test]
    fn rows_without_columns_are_a_typed_error() {
        let resp_buf = response_rops(include_bytes!(
            "../../../fixtures/bodies/session-public/03-execute-response.bin"
        ));
        let query = QueryRowsRequest {
            logon_id: 0,
            input_handle_index: 2,
            flags: QueryRowsFlags::ADVANCE,
            forward_read: true,
            row_count: 100,
        };
        let ctx = ResponseContext::default();
        let err = decode_all(&resp_buf[28..208], |i| query.decode_response(&ctx, i)).unwrap_err();
        assert_eq!(err.structure, "RopQueryRows");
        assert_eq!(err.kind, NO_COLUMNS);
        assert_eq!(err.offset, 5);
        // Encoding needs them too.
        let resp = QueryRowsResponse::Success {
            handle_index: 0,
            origin: BookmarkOrigin::END,
            rows: PropertyRowSet { rows: vec![] },
        };
        assert!(query.encode_response(&resp, &ctx, &mut Vec::new()).is_err());
        // A failure response needs no columns; FindRow without row data neither.
        let fail = [0x02, 0x0F, 0x01, 0x04, 0x80];
        assert_eq!(
            decode_all(&fail, |i| query.decode_response(&ctx, i)).unwrap(),
            QueryRowsResponse::Failure(ResponseHeader {
                handle_index: 2,
                return_value: ErrorCode::NOT_FOUND
            })
        );
        let find = [0x02, 0, 0, 0, 0, 0x00, 0x00];
        assert!(FindRowResponse::decode_with(None, &find).is_ok());
        let err =
            FindRowResponse::decode_with(None, &[0x02, 0, 0, 0, 0, 0x00, 0x01, 0x00]).unwrap_err();
        assert!(matches!(err, nom::Err::Error(WireError { kind, .. }) if kind == NO_COLUMNS));
        assert!(ExpandRowResponse::decode_with(None, &[0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]).is_err());
    }

    #[test]
    fn hostile_row_count_fails_before_allocating() {
        let cols = [PID_TAG_CONTENT_COUNT];
        let bytes = [0x00, 0, 0, 0, 0, 0x02, 0xFF, 0xFF, 0x00];
        let err =
            decode_all(&bytes, |i| QueryRowsResponse::decode_with(Some(&cols), i)).unwrap_err();
        assert!(
            matches!(err.kind, ErrorKind::LengthExceedsInput { .. }),
            "{err}"
        );
    }

    #[test]
    fn restriction_data_must_fill_its_size() {
        // RopRestrict with RestrictionDataSize 7: an ExistRestriction (5 bytes) and 2 extra.
        let bytes = [
            0x00, 0x01, 0x00, 0x07, 0x00, 0x08, 0x03, 0x00, 0x02, 0x36, 0xAA, 0xBB, 0xCC,
        ];
        let err = decode_all(&bytes, RestrictRequest::decode_request).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TrailingBytes { count: 2 });
        assert_eq!(err.offset, 10, "offset counted in the whole request");
        // Size 0 is no restriction.
        let req = decode_all(
            &[0x00, 0x01, 0x00, 0x00, 0x00],
            RestrictRequest::decode_request,
        )
        .unwrap();
        assert_eq!(req.restriction, None);
        // Size larger than the input.
        let err = decode_all(
            &[0x00, 0x01, 0x00, 0x09, 0x00, 0x08],
            RestrictRequest::decode_request,
        )
        .unwrap_err();
        assert!(matches!(err.kind, ErrorKind::LengthExceedsInput { .. }));
    }

    #[test]
    fn failure_with_success_code_does_not_encode() {
        let resp = TableStatusResponse::Failure(ResponseHeader {
            handle_index: 0,
            return_value: ErrorCode(0),
        });
        assert!(Wire::encode(&resp, &mut Vec::new()).is_err());
    }

    #[test]
    fn responses_serialize_to_json() {
        let resp = BookmarkResponse::Success {
            handle_index: 1,
            bookmark: vec![0xAB, 0x01],
        };
        let json = serde_json::to_value(&resp).unwrap();
        assert_eq!(json["Success"]["bookmark"], "ab01");
    }

    // ---- strategies ----

    fn header_fail_s() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), 1u32..).prop_map(|(handle_index, rv)| ResponseHeader {
            handle_index,
            return_value: ErrorCode(rv),
        })
    }

    fn head_s() -> impl Strategy<Value = (u8, u8)> {
        (any::<u8>(), any::<u8>())
    }

    fn blob_s() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(any::<u8>(), 0..40)
    }

    fn restriction_opt_s() -> impl Strategy<Value = Option<Restriction>> {
        proptest::option::of(restriction_s())
    }

    /// Columns and rows laid out against them, standard and flagged.
    fn columns_rows_s() -> impl Strategy<Value = (Vec<PropertyTag>, Vec<PropertyRow>)> {
        (
            proptest::collection::vec(
                (
                    leaf_value_s(),
                    any::<u16>(),
                    any::<bool>(),
                    0u8..3,
                    any::<u32>(),
                ),
                0..5,
            ),
            proptest::collection::vec(any::<bool>(), 0..4),
        )
            .prop_map(|(cells, kinds)| {
                let columns = cells
                    .iter()
                    .map(|(v, id, unspecified, _, _)| {
                        let ty = if *unspecified {
                            PropertyType::UNSPECIFIED
                        } else {
                            v.prop_type()
                        };
                        PropertyTag::from_parts(*id, ty)
                    })
                    .collect();
                let rows = kinds
                    .iter()
                    .map(|flagged| {
                        if *flagged {
                            PropertyRow::Flagged(FlaggedPropertyRow {
                                values: cells
                                    .iter()
                                    .map(|(v, _, _, f, e)| match f {
                                        0 => FlaggedPropertyValue::Value(v.clone()),
                                        1 => FlaggedPropertyValue::NoValue(v.prop_type()),
                                        _ => FlaggedPropertyValue::Error(
                                            v.prop_type(),
                                            ErrorCode(*e),
                                        ),
                                    })
                                    .collect(),
                            })
                        } else {
                            PropertyRow::Standard(StandardPropertyRow {
                                values: cells.iter().map(|c| c.0.clone()).collect(),
                            })
                        }
                    })
                    .collect();
                (columns, rows)
            })
    }

    fn status_resp_s() -> impl Strategy<Value = TableStatusResponse> {
        prop_oneof![
            (any::<u8>(), any::<u8>()).prop_map(|(h, s)| TableStatusResponse::Success {
                handle_index: h,
                table_status: TableStatus(s)
            }),
            header_fail_s().prop_map(TableStatusResponse::Failure),
        ]
    }

    fn bookmark_resp_s() -> impl Strategy<Value = BookmarkResponse> {
        prop_oneof![
            (any::<u8>(), blob_s()).prop_map(|(h, b)| BookmarkResponse::Success {
                handle_index: h,
                bookmark: b
            }),
            header_fail_s().prop_map(BookmarkResponse::Failure),
        ]
    }

    fn header_resp_s() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), any::<u32>()).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }

    fn tags_s() -> impl Strategy<Value = Vec<PropertyTag>> {
        proptest::collection::vec(any::<u32>().prop_map(PropertyTag), 0..10)
    }

    fn sort_order_set_s() -> impl Strategy<Value = SortOrderSet> {
        (
            any::<u16>(),
            any::<u16>(),
            proptest::collection::vec((any::<u32>(), any::<u8>()), 0..5),
        )
            .prop_map(|(c, e, orders)| SortOrderSet {
                categorized_count: c,
                expanded_count: e,
                sort_orders: orders
                    .into_iter()
                    .map(|(t, o)| SortOrder {
                        tag: PropertyTag(t),
                        order: SortDirection(o),
                    })
                    .collect(),
            })
    }

    proptest! {
        #[test]
        fn set_columns_sort_restrict_round_trip(
            (l, h) in head_s(), f in any::<u8>(), tags in tags_s(), set in sort_order_set_s(),
            r in restriction_opt_s(), resp in status_resp_s(),
        ) {
            let sc = SetColumnsRequest { logon_id: l, input_handle_index: h, flags: AsyncFlags(f), property_tags: tags };
            round_trip_request(&sc)?;
            round_trip_response(&sc, &resp, None)?;
            let st = SortTableRequest { logon_id: l, input_handle_index: h, flags: AsyncFlags(f), sort_order_set: set };
            round_trip_request(&st)?;
            round_trip_response(&st, &resp, None)?;
            let rs = RestrictRequest { logon_id: l, input_handle_index: h, flags: AsyncFlags(f), restriction: r };
            round_trip_request(&rs)?;
            round_trip_response(&rs, &resp, None)?;
            let ab = AbortRequest { logon_id: l, input_handle_index: h };
            round_trip_request(&ab)?;
            round_trip_response(&ab, &resp, None)?;
            let gs = GetStatusRequest { logon_id: l, input_handle_index: h };
            round_trip_request(&gs)?;
            round_trip_response(&gs, &resp, None)?;
        }

        #[test]
        fn query_rows_round_trip(
            (l, h) in head_s(), f in any::<u8>(), fwd in any::<bool>(), n in any::<u16>(),
            (cols, rows) in columns_rows_s(), origin in any::<u8>(), fail in header_fail_s(),
        ) {
            let req = QueryRowsRequest { logon_id: l, input_handle_index: h, flags: QueryRowsFlags(f), forward_read: fwd, row_count: n };
            round_trip_request(&req)?;
            let ok = QueryRowsResponse::Success { handle_index: h, origin: BookmarkOrigin(origin), rows: PropertyRowSet { rows } };
            round_trip_response(&req, &ok, Some(&cols))?;
            round_trip_response(&req, &QueryRowsResponse::Failure(fail), None)?;
        }

        #[test]
        fn find_row_round_trip(
            (l, h) in head_s(), f in any::<u8>(), r in restriction_opt_s(), origin in any::<u8>(),
            bookmark in blob_s(), (cols, rows) in columns_rows_s(), gone in any::<bool>(),
            fail in header_fail_s(),
        ) {
            let req = FindRowRequest { logon_id: l, input_handle_index: h, flags: FindRowFlags(f), restriction: r, origin: BookmarkOrigin(origin), bookmark };
            round_trip_request(&req)?;
            let ok = FindRowResponse::Success { handle_index: h, row_no_longer_visible: gone, row: rows.into_iter().next() };
            round_trip_response(&req, &ok, Some(&cols))?;
            round_trip_response(&req, &FindRowResponse::Failure(fail), None)?;
        }

        #[test]
        fn expand_collapse_round_trip(
            (l, h) in head_s(), max in any::<u16>(), cat in any::<u64>(), (cols, rows) in columns_rows_s(),
            expanded in any::<u32>(), collapsed in any::<u32>(), fail in header_fail_s(),
        ) {
            let ex = ExpandRowRequest { logon_id: l, input_handle_index: h, max_row_count: max, category_id: cat };
            round_trip_request(&ex)?;
            let ok = ExpandRowResponse::Success { handle_index: h, expanded_row_count: expanded, rows: PropertyRowSet { rows } };
            round_trip_response(&ex, &ok, Some(&cols))?;
            round_trip_response(&ex, &ExpandRowResponse::Failure(fail), None)?;
            let co = CollapseRowRequest { logon_id: l, input_handle_index: h, category_id: cat };
            round_trip_request(&co)?;
            round_trip_response(&co, &CollapseRowResponse::Success { handle_index: h, collapsed_row_count: collapsed }, None)?;
            round_trip_response(&co, &CollapseRowResponse::Failure(fail), None)?;
        }

        #[test]
        fn seek_and_position_round_trip(
            (l, h) in head_s(), origin in any::<u8>(), n in any::<i32>(), want in any::<bool>(),
            less in any::<bool>(), gone in any::<bool>(), bookmark in blob_s(),
            num in any::<u32>(), den in any::<u32>(), fail in header_fail_s(), hdr in header_resp_s(),
        ) {
            let sr = SeekRowRequest { logon_id: l, input_handle_index: h, origin: BookmarkOrigin(origin), row_count: n, want_row_moved_count: want };
            round_trip_request(&sr)?;
            round_trip_response(&sr, &SeekRowResponse::Success { handle_index: h, has_sought_less: less, rows_sought: n }, None)?;
            round_trip_response(&sr, &SeekRowResponse::Failure(fail), None)?;
            let sb = SeekRowBookmarkRequest { logon_id: l, input_handle_index: h, bookmark: bookmark.clone(), row_count: n, want_row_moved_count: want };
            round_trip_request(&sb)?;
            round_trip_response(&sb, &SeekRowBookmarkResponse::Success { handle_index: h, row_no_longer_visible: gone, has_sought_less: less, rows_sought: n }, None)?;
            round_trip_response(&sb, &SeekRowBookmarkResponse::Failure(fail), None)?;
            let sf = SeekRowFractionalRequest { logon_id: l, input_handle_index: h, numerator: num, denominator: den };
            round_trip_request(&sf)?;
            round_trip_response(&sf, &hdr, None)?;
            let qp = QueryPositionRequest { logon_id: l, input_handle_index: h };
            round_trip_request(&qp)?;
            round_trip_response(&qp, &QueryPositionResponse::Success { handle_index: h, numerator: num, denominator: den }, None)?;
            round_trip_response(&qp, &QueryPositionResponse::Failure(fail), None)?;
        }

        #[test]
        fn bookmarks_columns_collapse_state_round_trip(
            (l, h) in head_s(), bookmark in blob_s(), bresp in bookmark_resp_s(), hdr in header_resp_s(),
            tags in tags_s(), row_id in any::<u64>(), inst in any::<u32>(), state in blob_s(),
            fail in header_fail_s(),
        ) {
            let cb = CreateBookmarkRequest { logon_id: l, input_handle_index: h };
            round_trip_request(&cb)?;
            round_trip_response(&cb, &bresp, None)?;
            let fb = FreeBookmarkRequest { logon_id: l, input_handle_index: h, bookmark };
            round_trip_request(&fb)?;
            round_trip_response(&fb, &hdr, None)?;
            let rt = ResetTableRequest { logon_id: l, input_handle_index: h };
            round_trip_request(&rt)?;
            round_trip_response(&rt, &hdr, None)?;
            let qc = QueryColumnsAllRequest { logon_id: l, input_handle_index: h };
            round_trip_request(&qc)?;
            round_trip_response(&qc, &QueryColumnsAllResponse::Success { handle_index: h, property_tags: tags }, None)?;
            round_trip_response(&qc, &QueryColumnsAllResponse::Failure(fail), None)?;
            let gc = GetCollapseStateRequest { logon_id: l, input_handle_index: h, row_id, row_instance_number: inst };
            round_trip_request(&gc)?;
            round_trip_response(&gc, &GetCollapseStateResponse::Success { handle_index: h, collapse_state: state.clone() }, None)?;
            round_trip_response(&gc, &GetCollapseStateResponse::Failure(fail), None)?;
            let sc = SetCollapseStateRequest { logon_id: l, input_handle_index: h, collapse_state: state };
            round_trip_request(&sc)?;
            round_trip_response(&sc, &bresp, None)?;
        }

        /// Garbage never panics: every request decoder and every response decoder, with and
        /// without columns.
        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..80), with_cols in any::<bool>()) {
            let cols = [PID_TAG_DISPLAY_NAME, PID_TAG_CONTENT_COUNT, PropertyTag(0x0000_0000), PID_TAG_SUBFOLDERS];
            let ctx = ResponseContext { table_columns: with_cols.then_some(&cols[..]) };
            macro_rules! both {
                ($($t:ty),*) => {$(
                    if let Ok((_, req)) = <$t>::decode_request(&bytes) {
                        let _ = req.decode_response(&ctx, &bytes);
                    }
                )*};
            }
            both!(SetColumnsRequest, SortTableRequest, RestrictRequest, QueryRowsRequest, AbortRequest,
                GetStatusRequest, QueryPositionRequest, SeekRowRequest, SeekRowBookmarkRequest,
                SeekRowFractionalRequest, CreateBookmarkRequest, QueryColumnsAllRequest, FindRowRequest,
                FreeBookmarkRequest, ResetTableRequest, ExpandRowRequest, CollapseRowRequest,
                GetCollapseStateRequest, SetCollapseStateRequest);
            let _ = QueryRowsResponse::decode_with(ctx.table_columns, &bytes);
            let _ = FindRowResponse::decode_with(ctx.table_columns, &bytes);
            let _ = ExpandRowResponse::decode_with(ctx.table_columns, &bytes);
        }
    }
}
