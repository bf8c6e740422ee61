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

#[cfg(test)]
mod tests {
    use super::super::testkit::{self, Session};
    use crate::emulator::store::{SpecialFolder, message_count};
    use crate::wire::entry_id::FolderId;
    use crate::wire::mapihttp::{ExecuteFlags, ExecuteRequest, ExecuteResponse};
    use crate::wire::property::tags as t;
    use crate::wire::property::{
        FlaggedPropertyValue, PropertyRow, PropertyTag, PropertyValue, SortDirection, SortOrder,
        SortOrderSet, TaggedPropertyValue,
    };
    use crate::wire::restriction::{PropertyRestriction, RelOp, Restriction};
    use crate::wire::rop::any::{
        ColumnState, RopRequest, RopResponse, decode_output_buffers, encode_requests, join_packed,
    };
    use crate::wire::rop::buffer::RopBuffer;
    use crate::wire::rop::folder::{
        GetContentsTableRequest, OpenFolderRequest, OpenModeFlags, TableFlags,
    };
    use crate::wire::rop::table::*;
    use crate::wire::rpc_ext::{EncodeOptions, decode_chain, encode_chain};
    use crate::wire::{ErrorCode, Wire};

    const NONE: u32 = 0xFFFF_FFFF;

    fn inbox(b: &super::super::Backend) -> FolderId {
        let store = b.store();
        let store = store.lock().unwrap();
        store
            .mailbox(&testkit::user("alice", "").legacy_dn)
            .unwrap()
            .special_folder(SpecialFolder::Inbox)
            .unwrap()
    }

    /// Logon, open Inbox, its contents table in slot 2 with `columns`.
    fn contents(b: &super::super::Backend, columns: Vec<PropertyTag>) -> (Session, u32) {
        let (mut s, logon) = super::super::folder::tests::alice(b);
        let (resp, handles) = s.run(
            &[
                RopRequest::OpenFolder(OpenFolderRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    output_handle_index: 1,
                    folder_id: inbox(b),
                    open_mode_flags: OpenModeFlags::READ_ONLY,
                }),
                RopRequest::GetContentsTable(GetContentsTableRequest {
                    logon_id: 0,
                    input_handle_index: 1,
                    output_handle_index: 2,
                    table_flags: TableFlags(0),
                }),
                RopRequest::SetColumns(SetColumnsRequest {
                    logon_id: 0,
                    input_handle_index: 2,
                    flags: AsyncFlags(0),
                    property_tags: columns,
                }),
            ],
            &[logon, NONE, NONE],
        );
        assert!(matches!(
            resp[2],
            RopResponse::SetColumns(TableStatusResponse::Success {
                table_status: TableStatus::COMPLETE,
                ..
            })
        ));
        (s, handles[2])
    }

    fn query(flags: QueryRowsFlags, forward: bool, n: u16) -> RopRequest {
        RopRequest::QueryRows(QueryRowsRequest {
            logon_id: 0,
            input_handle_index: 0,
            flags,
            forward_read: forward,
            row_count: n,
        })
    }

    fn rows_of(r: &RopResponse) -> (u8, Vec<PropertyRow>) {
        match r {
            RopResponse::QueryRows(QueryRowsResponse::Success { origin, rows, .. }) => {
                (origin.0, rows.rows.clone())
            }
            other => panic!("{other:?}"),
        }
    }

    fn value(row: &PropertyRow, i: usize) -> Option<PropertyValue> {
        match row {
            PropertyRow::Standard(r) => r.values.get(i).cloned(),
            PropertyRow::Flagged(r) => match r.values.get(i) {
                Some(FlaggedPropertyValue::Value(v)) => Some(v.clone()),
                _ => None,
            },
        }
    }

    fn mid(row: &PropertyRow) -> i64 {
        match value(row, 0) {
            Some(PropertyValue::Integer64(v)) => v,
            other => panic!("{other:?}"),
        }
    }

    fn status_rv(r: &RopResponse) -> ErrorCode {
        match r {
            RopResponse::SortTable(TableStatusResponse::Failure(h))
            | RopResponse::Restrict(TableStatusResponse::Failure(h))
            | RopResponse::Abort(TableStatusResponse::Failure(h))
            | RopResponse::QueryRows(QueryRowsResponse::Failure(h))
            | RopResponse::FindRow(FindRowResponse::Failure(h))
            | RopResponse::ExpandRow(ExpandRowResponse::Failure(h))
            | RopResponse::CollapseRow(CollapseRowResponse::Failure(h))
            | RopResponse::FreeBookmark(h) => h.return_value,
            RopResponse::SortTable(_) | RopResponse::Restrict(_) | RopResponse::QueryRows(_) => {
                ErrorCode::SUCCESS
            }
            other => panic!("{other:?}"),
        }
    }

    /// Like the test kit's `run`, with a MaxRopOut of choice; also returns how many extended
    /// buffers the answer had.
    fn run_with(
        s: &mut Session,
        requests: &[RopRequest],
        handles: &[u32],
        columns: &[PropertyTag],
        max_rop_out: u32,
    ) -> (Vec<RopResponse>, usize) {
        let payload = RopBuffer {
            rops: encode_requests(requests).unwrap(),
            handles: handles.to_vec(),
        }
        .to_bytes()
        .unwrap();
        let mut rop_buffer = Vec::new();
        encode_chain(&[&payload], EncodeOptions::default(), &mut rop_buffer).unwrap();
        let ExecuteResponse::Success { rop_buffer, .. } = s.ctx.execute(&ExecuteRequest {
            flags: ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC | ExecuteFlags::CHAIN,
            rop_buffer,
            max_rop_out,
            auxiliary_buffer: Vec::new(),
        }) else {
            panic!("Execute failed")
        };
        let chain = decode_chain(&rop_buffer).unwrap();
        let payloads: Vec<&[u8]> = chain.iter().map(|b| &b.payload[..]).collect();
        let known = ColumnState {
            by_index: [(0u8, columns.to_vec())].into_iter().collect(),
            by_handle: Default::default(),
        };
        let buffers = decode_output_buffers(requests, &known, &payloads).unwrap();
        let n = buffers.len();
        (join_packed(buffers).responses, n)
    }

    #[test]
    fn contents_sorted_by_delivery_time_descending() {
        let b = testkit::backend();
        let (mut s, table) = contents(&b, vec![t::PID_TAG_MID, t::PID_TAG_MESSAGE_DELIVERY_TIME]);
        let (resp, _) = s.run(
            &[
                RopRequest::SortTable(SortTableRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    flags: AsyncFlags(0),
                    sort_order_set: SortOrderSet {
                        categorized_count: 0,
                        expanded_count: 0,
                        sort_orders: vec![SortOrder {
                            tag: t::PID_TAG_MESSAGE_DELIVERY_TIME,
                            order: SortDirection::DESCEND,
                        }],
                    },
                }),
                query(QueryRowsFlags::ADVANCE, true, 1000),
            ],
            &[table],
        );
        assert_eq!(status_rv(&resp[0]), ErrorCode::SUCCESS);
        let (origin, rows) = rows_of(&resp[1]);
        assert_eq!(origin, BookmarkOrigin::END.0);
        assert_eq!(rows.len(), message_count(SpecialFolder::Inbox));
        let times: Vec<u64> = rows
            .iter()
            .map(|r| match value(r, 1) {
                Some(PropertyValue::Time(t)) => t.0,
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(times.windows(2).all(|w| w[0] >= w[1]), "descending");
        assert!(times.first() > times.last(), "not all equal");
    }

    #[test]
    fn paging_visits_every_row_once() {
        let b = testkit::backend();
        let (mut s, table) = contents(&b, vec![t::PID_TAG_MID]);
        let mut seen = Vec::new();
        loop {
            let (resp, _) = s.run(&[query(QueryRowsFlags::ADVANCE, true, 7)], &[table]);
            let (origin, rows) = rows_of(&resp[0]);
            seen.extend(rows.iter().map(mid));
            if rows.is_empty() {
                assert_eq!(origin, BookmarkOrigin::END.0);
                break;
            }
            assert!(seen.len() <= 1000, "runaway paging");
        }
        let inbox_fid = inbox(&b);
        let mut expected: Vec<i64> = {
            let store = b.store();
            let store = store.lock().unwrap();
            store
                .mailbox(&testkit::user("alice", "").legacy_dn)
                .unwrap()
                .message_ids(inbox_fid, false)
                .unwrap()
                .into_iter()
                .map(|m| m.0 as i64)
                .collect()
        };
        let mut sorted = seen.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), seen.len(), "no row twice");
        expected.sort_unstable();
        assert_eq!(sorted, expected);
        // Backward from the end, NoAdvance leaves the cursor where it is.
        let (resp, _) = s.run(
            &[
                query(QueryRowsFlags::NO_ADVANCE, false, 3),
                RopRequest::QueryPosition(QueryPositionRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                }),
            ],
            &[table],
        );
        let (origin, rows) = rows_of(&resp[0]);
        assert_eq!(rows.len(), 3);
        assert_eq!(origin, BookmarkOrigin::CURRENT.0);
        assert_eq!(mid(&rows[0]), *seen.last().unwrap(), "nearest first");
        let n = message_count(SpecialFolder::Inbox) as u32;
        assert!(matches!(
            resp[1],
            RopResponse::QueryPosition(QueryPositionResponse::Success { numerator, denominator, .. })
                if numerator == n && denominator == n
        ));
    }

    #[test]
    fn restrict_find_bookmarks_and_seek() {
        let b = testkit::backend();
        let (mut s, table) = contents(&b, vec![t::PID_TAG_MID]);
        let (resp, _) = s.run(&[query(QueryRowsFlags::NO_ADVANCE, true, 20)], &[table]);
        let (_, rows) = rows_of(&resp[0]);
        let target = mid(&rows[5]);
        let eq = Restriction::Property(PropertyRestriction {
            relop: RelOp::EQ,
            prop_tag: t::PID_TAG_MID,
            value: TaggedPropertyValue {
                tag: t::PID_TAG_MID,
                value: PropertyValue::Integer64(target),
            },
        });
        let pos = RopRequest::QueryPosition(QueryPositionRequest {
            logon_id: 0,
            input_handle_index: 0,
        });
        let seek = |origin: BookmarkOrigin, n: i32| {
            RopRequest::SeekRow(SeekRowRequest {
                logon_id: 0,
                input_handle_index: 0,
                origin,
                row_count: n,
                want_row_moved_count: true,
            })
        };
        let (resp, _) = s.run(
            &[
                RopRequest::FindRow(FindRowRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    flags: FindRowFlags::FORWARD,
                    restriction: Some(eq.clone()),
                    origin: BookmarkOrigin::BEGINNING,
                    bookmark: Vec::new(),
                }),
                pos.clone(),
                RopRequest::FindRow(FindRowRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    flags: FindRowFlags::BACKWARD,
                    restriction: Some(eq.clone()),
                    origin: BookmarkOrigin::BEGINNING,
                    bookmark: Vec::new(),
                }),
                seek(BookmarkOrigin::BEGINNING, 10),
                RopRequest::CreateBookmark(CreateBookmarkRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                }),
                seek(BookmarkOrigin::CURRENT, -100),
            ],
            &[table],
        );
        let RopResponse::FindRow(FindRowResponse::Success { row: Some(row), .. }) = &resp[0] else {
            panic!("{:?}", resp[0])
        };
        assert_eq!(mid(row), target);
        assert!(matches!(
            resp[1],
            RopResponse::QueryPosition(QueryPositionResponse::Success { numerator: 5, .. })
        ));
        assert_eq!(
            status_rv(&resp[2]),
            ErrorCode::NOT_FOUND,
            "nothing before row 0"
        );
        assert!(matches!(
            resp[3],
            RopResponse::SeekRow(SeekRowResponse::Success {
                has_sought_less: false,
                rows_sought: 10,
                ..
            })
        ));
        let RopResponse::CreateBookmark(BookmarkResponse::Success { bookmark, .. }) = &resp[4]
        else {
            panic!("{:?}", resp[4])
        };
        assert!(matches!(
            resp[5],
            RopResponse::SeekRow(SeekRowResponse::Success {
                has_sought_less: true,
                rows_sought: -10,
                ..
            })
        ));
        let free = RopRequest::FreeBookmark(FreeBookmarkRequest {
            logon_id: 0,
            input_handle_index: 0,
            bookmark: bookmark.clone(),
        });
        let (resp, _) = s.run(
            &[
                RopRequest::SeekRowBookmark(SeekRowBookmarkRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    bookmark: bookmark.clone(),
                    row_count: 2,
                    want_row_moved_count: true,
                }),
                pos.clone(),
                free.clone(),
                free,
                RopRequest::Restrict(RestrictRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    flags: AsyncFlags(0),
                    restriction: Some(eq),
                }),
                query(QueryRowsFlags::ADVANCE, true, 50),
                RopRequest::Abort(AbortRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                }),
                RopRequest::ExpandRow(ExpandRowRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                    max_row_count: 10,
                    category_id: 1,
                }),
            ],
            &[table],
        );
        assert!(matches!(
            resp[0],
            RopResponse::SeekRowBookmark(SeekRowBookmarkResponse::Success {
                row_no_longer_visible: false,
                rows_sought: 2,
                ..
            })
        ));
        assert!(matches!(
            resp[1],
            RopResponse::QueryPosition(QueryPositionResponse::Success { numerator: 12, .. })
        ));
        assert_eq!(status_rv(&resp[2]), ErrorCode::SUCCESS);
        assert_eq!(status_rv(&resp[3]), ErrorCode::INVALID_BOOKMARK);
        assert_eq!(status_rv(&resp[4]), ErrorCode::SUCCESS);
        let (_, rows) = rows_of(&resp[5]);
        assert_eq!(rows.iter().map(mid).collect::<Vec<_>>(), vec![target]);
        assert_eq!(status_rv(&resp[6]), ErrorCode::ABORT_FAILED);
        assert_eq!(status_rv(&resp[7]), ErrorCode::NOT_FOUND);
    }

    #[test]
    fn query_rows_without_columns_and_on_a_folder() {
        let b = testkit::backend();
        let (mut s, table) = contents(&b, vec![t::PID_TAG_MID]);
        let (resp, _) = s.run(
            &[
                RopRequest::ResetTable(ResetTableRequest {
                    logon_id: 0,
                    input_handle_index: 0,
                }),
                query(QueryRowsFlags::ADVANCE, true, 5),
            ],
            &[table],
        );
        assert_eq!(status_rv(&resp[1]), ErrorCode::NULL_OBJECT);
    }

    /// Six copies of the entry ID make each row large enough for 120 rows to overflow one
    /// 32 KB buffer.
    fn wide() -> Vec<PropertyTag> {
        let mut c = vec![t::PID_TAG_MID];
        c.extend([t::PID_TAG_ENTRY_ID; 6]);
        c
    }

    #[test]
    fn packed_query_rows_span_buffers() {
        let b = testkit::backend();
        let columns = wide();
        let (mut s, table) = contents(&b, columns.clone());
        let n = message_count(SpecialFolder::Inbox);
        // Without EnablePackedBuffers: one buffer, cut to fit.
        let (resp, buffers) = run_with(
            &mut s,
            &[query(QueryRowsFlags::NO_ADVANCE, true, 0xFFFF)],
            &[table],
            &columns,
            0x40000,
        );
        assert_eq!(buffers, 1);
        let (origin, first) = rows_of(&resp[0]);
        assert!(first.len() < n, "32 KB cannot hold {n} wide rows");
        assert_eq!(origin, BookmarkOrigin::CURRENT.0);
        // With it: every row, over more than one buffer.
        let (resp, buffers) = run_with(
            &mut s,
            &[query(QueryRowsFlags::ENABLE_PACKED_BUFFERS, true, 0xFFFF)],
            &[table],
            &columns,
            0x40000,
        );
        assert!(buffers > 1, "packed");
        let (origin, rows) = rows_of(&resp[0]);
        assert_eq!(origin, BookmarkOrigin::END.0);
        let mut mids: Vec<i64> = rows.iter().map(mid).collect();
        mids.sort_unstable();
        mids.dedup();
        assert_eq!(mids.len(), n);
    }

    #[test]
    fn packed_query_rows_stop_at_max_rop_out() {
        let b = testkit::backend();
        let columns = wide();
        let (mut s, table) = contents(&b, columns.clone());
        let n = message_count(SpecialFolder::Inbox);
        // Room for the first buffer and part of a second.
        let (resp, buffers) = run_with(
            &mut s,
            &[query(QueryRowsFlags::ENABLE_PACKED_BUFFERS, true, 0xFFFF)],
            &[table],
            &columns,
            36_000,
        );
        assert!(buffers >= 2, "packed");
        let (origin, first) = rows_of(&resp[0]);
        assert!(first.len() < n);
        assert_eq!(origin, BookmarkOrigin::CURRENT.0);
        let (resp, _) = run_with(
            &mut s,
            &[query(QueryRowsFlags::ENABLE_PACKED_BUFFERS, true, 0xFFFF)],
            &[table],
            &columns,
            0x40000,
        );
        let (_, rest) = rows_of(&resp[0]);
        let mut mids: Vec<i64> = first.iter().chain(rest.iter()).map(mid).collect();
        let total = mids.len();
        mids.sort_unstable();
        mids.dedup();
        assert_eq!(mids.len(), total, "no row twice");
        assert_eq!(total, n, "every row once");
    }
}
