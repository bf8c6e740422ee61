//! Table ROPs (MS-OXCTABL, MS-OXCROPS 2.2.5) over the store's [`TableView`]s.
//!
//! Choices where Exchange has latitude, with their basis:
//! - Tables never run asynchronous operations: SetColumns/SortTable/Restrict answer
//!   TBLSTAT_COMPLETE whatever their TBL_ASYNC flag (MS-OXCTABL 2.2.2.1.4 lets the server do the
//!   work synchronously), RopGetStatus answers TBLSTAT_COMPLETE, and RopAbort answers
//!   ecUnableToAbort (0x80040114), which MS-OXCTABL 3.2.5.6 gives when nothing is in progress.
//! - RopQueryRows returns as many whole rows as fit in the room left (MS-OXCTABL 3.2.5.5); if
//!   not even one fits, ecBufferTooSmall. Reading forward past the last row gives Origin
//!   BOOKMARK_END, backward past the first BOOKMARK_BEGINNING, otherwise BOOKMARK_CURRENT.
//!   With EnablePackedBuffers, Chain and a response cut to fit, further buffers are built
//!   "as if the client sent another request with only a RopQueryRows ROP"
//!   (MS-OXCRPC 3.1.4.2.1.2.2): each continuation reads up to RowCount rows from the cursor.
//!   NoAdvance never packs (a repeated request would return the same rows).
//! - Without RopSetColumns, RopQueryRows and RopFindRow fail with ecNullObject (0x000004B9),
//!   the store's answer for a table with no columns.
//! - The store has no categorized views (SortTable with categories is ecNotSupported), so
//!   RopExpandRow/RopCollapseRow find no category row with the CategoryId: ecNotFound on a
//!   contents table, ecNotSupported on other tables (MS-OXCTABL 3.2.5.17, 3.2.5.18).
//! - A table ROP on an object that is not a table is ecNotSupported (MS-OXCTABL 3.2.5.13 says
//!   so for RopQueryColumnsAll; the other ROPs answer alike).

use super::{Handlers, Object, TableObject, with_mailbox};
use crate::emulator::engine::{Outcome, RopCx};
use crate::emulator::store::{Mailbox, Origin, TableKind};
use crate::wire::CountWidth;
use crate::wire::ErrorCode;
use crate::wire::property::PropertyRowSet;
use crate::wire::rop::ResponseHeader;
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::table::{
    BookmarkOrigin, BookmarkResponse, FindRowFlags, FindRowResponse, QueryColumnsAllResponse,
    QueryPositionResponse, QueryRowsFlags, QueryRowsResponse, SeekRowBookmarkResponse,
    SeekRowResponse, TableStatus, TableStatusResponse,
};

/// Bytes of a RopQueryRows success response before its rows: RopId, InputHandleIndex,
/// ReturnValue, Origin, RowCount (MS-OXCROPS 2.2.5.4.2).
const QUERY_ROWS_FIXED: usize = 1 + 1 + 4 + 1 + 2;

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
) -> Option<Outcome<Object>> {
    let handle_index = request.input_handle_index();
    let status = |s: TableStatus| TableStatusResponse::Success {
        handle_index,
        table_status: s,
    };
    let header = ResponseHeader {
        handle_index,
        return_value: ErrorCode::SUCCESS,
    };
    let result: Result<Outcome<Object>, ErrorCode> = match request {
        RopRequest::SetColumns(r) => on_table(h, cx, |_, t| {
            t.view.set_columns(&r.property_tags)?;
            t.columns = Some(r.property_tags.clone());
            Ok(RopResponse::SetColumns(status(TableStatus::COMPLETE)))
        })
        .map(Outcome::respond),
        RopRequest::SortTable(r) => on_table(h, cx, |mb, t| {
            t.view.sort(mb, &r.sort_order_set)?;
            Ok(RopResponse::SortTable(status(TableStatus::COMPLETE)))
        })
        .map(Outcome::respond),
        RopRequest::Restrict(r) => on_table(h, cx, |mb, t| {
            t.view.restrict(mb, r.restriction.clone())?;
            Ok(RopResponse::Restrict(status(TableStatus::COMPLETE)))
        })
        .map(Outcome::respond),
        RopRequest::QueryRows(r) => query_rows(h, cx, r),
        RopRequest::Abort(_) => on_table(h, cx, |_, _| Ok(ErrorCode::ABORT_FAILED)).and_then(Err),
        RopRequest::GetStatus(_) => on_table(h, cx, |_, t| {
            Ok(RopResponse::GetStatus(status(TableStatus(t.view.status()))))
        })
        .map(Outcome::respond),
        RopRequest::QueryPosition(_) => on_table(h, cx, |mb, t| {
            let (numerator, denominator) = t.view.query_position(mb)?;
            Ok(RopResponse::QueryPosition(QueryPositionResponse::Success {
                handle_index,
                numerator,
                denominator,
            }))
        })
        .map(Outcome::respond),
        RopRequest::SeekRow(r) => on_table(h, cx, |mb, t| {
            let origin = origin_of(r.origin)?;
            let s = t.view.seek_row(mb, origin, r.row_count)?;
            Ok(RopResponse::SeekRow(SeekRowResponse::Success {
                handle_index,
                has_sought_less: s.has_sought_less,
                rows_sought: s.rows_sought,
            }))
        })
        .map(Outcome::respond),
        RopRequest::SeekRowBookmark(r) => on_table(h, cx, |mb, t| {
            let (gone, s) = t.view.seek_row_bookmark(mb, &r.bookmark, r.row_count)?;
            Ok(RopResponse::SeekRowBookmark(
                SeekRowBookmarkResponse::Success {
                    handle_index,
                    row_no_longer_visible: gone,
                    has_sought_less: s.has_sought_less,
                    rows_sought: s.rows_sought,
                },
            ))
        })
        .map(Outcome::respond),
        RopRequest::SeekRowFractional(r) => on_table(h, cx, |mb, t| {
            t.view.seek_row_fractional(mb, r.numerator, r.denominator)?;
            Ok(RopResponse::SeekRowFractional(header))
        })
        .map(Outcome::respond),
        RopRequest::CreateBookmark(_) => on_table(h, cx, |mb, t| {
            let bookmark = t.view.create_bookmark(mb)?;
            Ok(RopResponse::CreateBookmark(BookmarkResponse::Success {
                handle_index,
                bookmark,
            }))
        })
        .map(Outcome::respond),
        RopRequest::FreeBookmark(r) => on_table(h, cx, |_, t| {
            t.view.free_bookmark(&r.bookmark)?;
            Ok(RopResponse::FreeBookmark(header))
        })
        .map(Outcome::respond),
        RopRequest::QueryColumnsAll(_) => on_table(h, cx, |mb, t| {
            let property_tags = t.view.query_columns_all(mb)?;
            Ok(RopResponse::QueryColumnsAll(
                QueryColumnsAllResponse::Success {
                    handle_index,
                    property_tags,
                },
            ))
        })
        .map(Outcome::respond),
        RopRequest::ResetTable(_) => on_table(h, cx, |mb, t| {
            t.view.reset(mb)?;
            t.columns = None;
            Ok(RopResponse::ResetTable(header))
        })
        .map(Outcome::respond),
        RopRequest::FindRow(r) => on_table(h, cx, |mb, t| {
            // MS-OXCTABL 2.2.2.14.1: the restriction is what a row must satisfy; none is not
            // a search.
            let restriction = r.restriction.as_ref().ok_or(ErrorCode::INVALID_PARAMETER)?;
            let backward = r.flags.0 & FindRowFlags::BACKWARD.0 != 0;
            if r.flags.0 & !FindRowFlags::BACKWARD.0 != 0 {
                return Err(ErrorCode::INVALID_PARAMETER);
            }
            let (origin, bookmark) = if r.origin == BookmarkOrigin::CUSTOM {
                (Origin::Beginning, Some(&r.bookmark[..]))
            } else {
                (origin_of(r.origin)?, None)
            };
            let (gone, row) = t
                .view
                .find_row(mb, restriction, origin, bookmark, backward)?;
            Ok(RopResponse::FindRow(FindRowResponse::Success {
                handle_index,
                row_no_longer_visible: gone,
                row: Some(row),
            }))
        })
        .map(Outcome::respond),
        RopRequest::ExpandRow(_) | RopRequest::CollapseRow(_) => on_table(h, cx, |_, t| {
            Ok(match t.view.kind() {
                // No category rows exist, so none has the CategoryId.
                TableKind::Contents { .. } => ErrorCode::NOT_FOUND,
                _ => ErrorCode::NOT_SUPPORTED,
            })
        })
        .and_then(Err),
        _ => return None,
    };
    Some(result.unwrap_or_else(|e| Outcome::fail(request, e)))
}

/// Runs `f` on the input table and its store: ecNotSupported when the input is not a table.
fn on_table<T>(
    h: &Handlers,
    cx: &mut RopCx<'_, Object>,
    f: impl FnOnce(&Mailbox, &mut TableObject) -> Result<T, ErrorCode>,
) -> Result<T, ErrorCode> {
    let table = match cx.input_mut() {
        Some(Object::Table(t)) => t,
        Some(_) => return Err(ErrorCode::NOT_SUPPORTED),
        None => return Err(ErrorCode::NULL_OBJECT),
    };
    let mailbox = table.mailbox.clone();
    let mut store = h.store();
    with_mailbox(&mut store, &mailbox, |mb| f(mb, table))
}

/// BOOKMARK_BEGINNING/CURRENT/END; anything else (BOOKMARK_CUSTOM where a ROP has no bookmark)
/// is ecInvalidParam.
fn origin_of(o: BookmarkOrigin) -> Result<Origin, ErrorCode> {
    Origin::from_u8(o.0).ok_or(ErrorCode::INVALID_PARAMETER)
}

/// RopQueryRows (MS-OXCTABL 3.2.5.5), cut to the room left and packed when allowed (see the
/// module docs).
fn query_rows(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    r: &crate::wire::rop::table::QueryRowsRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let known = QueryRowsFlags::NO_ADVANCE.0 | QueryRowsFlags::ENABLE_PACKED_BUFFERS.0;
    if r.flags.0 & !known != 0 {
        // MS-OXCTABL 2.2.2.5.1: no other bits may be set.
        return Err(ErrorCode::INVALID_PARAMETER);
    }
    let no_advance = r.flags.0 & QueryRowsFlags::NO_ADVANCE.0 != 0;
    let packed = r.flags.0 & QueryRowsFlags::ENABLE_PACKED_BUFFERS.0 != 0;
    let continuation = cx.continuation();
    let may_pack = packed && cx.can_pack() && !no_advance;
    if continuation > 0 && !may_pack {
        // Only a packable request is continued; say nothing more.
        return Ok(Outcome::respond(RopResponse::QueryRows(
            QueryRowsResponse::Success {
                handle_index: r.input_handle_index,
                origin: BookmarkOrigin::CURRENT,
                rows: PropertyRowSet { rows: Vec::new() },
            },
        )));
    }
    let room = cx.room().saturating_sub(QUERY_ROWS_FIXED);
    let forward = r.forward_read;
    let wanted = usize::from(r.row_count);
    let (rows, cut, origin) = on_table(h, cx, |mb, t| {
        let columns = t.columns.clone().ok_or(ErrorCode::NULL_OBJECT)?;
        let (start, len) = t.view.query_position(mb)?;
        let (start, len) = (start as usize, len as usize);
        // Every row takes at least one byte, so no more than `room` rows can fit.
        let ask = wanted.min(room.max(1));
        let read = t.view.query_rows(mb, ask, forward, true)?;
        let mut used = 0usize;
        let mut fit = Vec::with_capacity(read.rows.len());
        let mut buf = Vec::new();
        for row in read.rows {
            buf.clear();
            row.encode_with(&columns, CountWidth::U16, &mut buf)
                .map_err(|_| ErrorCode::GENERAL_FAILURE)?;
            if used + buf.len() > room {
                break;
            }
            used += buf.len();
            fit.push(row);
        }
        let n = fit.len();
        let available = if forward {
            len.saturating_sub(start)
        } else {
            start.min(len)
        };
        if n == 0 && available > 0 && wanted > 0 {
            return Err(ErrorCode::BUFFER_TOO_SMALL);
        }
        let after = if forward {
            start.saturating_add(n).min(len)
        } else {
            start.saturating_sub(n)
        };
        if !no_advance {
            let offset = i32::try_from(n).unwrap_or(i32::MAX);
            let offset = if forward { offset } else { -offset };
            t.view.seek_row(mb, Origin::Current, offset)?;
        }
        let remaining = if forward { after < len } else { after > 0 };
        let origin = match (remaining, forward) {
            (true, _) => BookmarkOrigin::CURRENT,
            (false, true) => BookmarkOrigin::END,
            (false, false) => BookmarkOrigin::BEGINNING,
        };
        let cut = n < wanted && remaining;
        Ok((fit, cut, origin))
    })
    .or_else(|e| {
        if continuation > 0 {
            // A continuation that cannot hold a row ends the packing quietly.
            Ok((Vec::new(), false, BookmarkOrigin::CURRENT))
        } else {
            Err(e)
        }
    })?;
    Ok(
        Outcome::respond(RopResponse::QueryRows(QueryRowsResponse::Success {
            handle_index: r.input_handle_index,
            origin,
            rows: PropertyRowSet { rows },
        }))
        .with_more(cut && may_pack),
    )
}
