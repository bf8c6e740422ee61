//! MS-OXCTABL table views over a store: hierarchy, contents (normal and FAI), attachments and
//! recipients, with columns, sort orders, restrictions, a cursor and bookmarks.
//!
//! A view keeps the ordered row keys it computed and the store's change counter at that time.
//! Live views (the default, Exchange's dynamic tables) recompute when the store changed; a
//! view opened with `live = false` (the handler passes the NoNotifications table flag, 0x10)
//! keeps its snapshot until SetColumns/SortTable/Restrict/ResetTable. Queries only build the
//! rows they return, so a query costs O(rows returned) once the keys are built.
//!
//! Categorized sorts (CategorizedCount > 0) and MultivalueInstance columns are not supported:
//! SortTable answers ecNotSupported for them rather than pretending.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::wire::ErrorCode;
use crate::wire::entry_id::FolderId;
use crate::wire::property::tags as t;
use crate::wire::property::{
    PropertyRow, PropertyTag, PropertyType, PropertyValue, SortDirection, SortOrderSet,
};
use crate::wire::restriction::Restriction;

use super::mailbox::{Mailbox, ObjHandle};
use super::model::FolderKind;
use super::objects::{build_row, content_size};
use super::restrict::{
    AttachmentRow, CountState, FolderRow, MessageRow, RecipientRow, RowSource, evaluate,
};

/// What rows a table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// RopGetHierarchyTable: subfolders of `folder`; with `depth` the whole subtree
    /// (TableFlags Depth 0x04), each row with PidTagDepth.
    Hierarchy {
        /// The parent folder.
        folder: FolderId,
        /// Traverse all levels.
        depth: bool,
    },
    /// RopGetContentsTable: messages of `folder`; FAI messages with `associated` (0x02).
    Contents {
        /// The folder.
        folder: FolderId,
        /// FAI instead of normal messages.
        associated: bool,
    },
    /// RopGetAttachmentTable of an open message.
    Attachments(ObjHandle),
    /// The recipient table of an open message.
    Recipients(ObjHandle),
}

/// A row's identity within its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum RowKey {
    Folder { c: u64, depth: u32 },
    Message(u64),
    Attachment(u32),
    Recipient(u32),
}

/// MS-OXCTABL 2.2.2.1 Origin / BOOKMARK_* values of RopSeekRow, RopQueryRows, RopFindRow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// BOOKMARK_BEGINNING (0x00).
    Beginning,
    /// BOOKMARK_CURRENT (0x01).
    Current,
    /// BOOKMARK_END (0x02).
    End,
}

impl Origin {
    /// From the wire byte; `None` for a value that is not one of the three.
    pub fn from_u8(b: u8) -> Option<Self> {
        match b {
            0 => Some(Self::Beginning),
            1 => Some(Self::Current),
            2 => Some(Self::End),
            _ => None,
        }
    }

    /// The wire byte.
    pub fn to_u8(self) -> u8 {
        match self {
            Self::Beginning => 0,
            Self::Current => 1,
            Self::End => 2,
        }
    }
}

/// MS-OXCTABL 2.2.2.8 TBLSTAT_COMPLETE: the table status RopGetStatus returns (tables here
/// never run asynchronous operations).
pub const TBLSTAT_COMPLETE: u8 = 0x00;

#[derive(Debug, Clone, Copy)]
struct Bookmark {
    key: Option<RowKey>,
    index: usize,
}

/// One open table.
#[derive(Debug, Clone)]
pub struct TableView {
    kind: TableKind,
    live: bool,
    code_page: u32,
    columns: Option<Vec<PropertyTag>>,
    sort: Vec<(PropertyTag, bool)>,
    restriction: Option<Restriction>,
    rows: Vec<RowKey>,
    built_at: Option<u64>,
    cursor: usize,
    bookmarks: HashMap<u32, Bookmark>,
    next_bookmark: u32,
}

/// RopSeekRow's answer (MS-OXCTABL 2.2.2.7.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeekResult {
    /// HasSoughtLess: fewer rows were moved than asked (the cursor hit an end).
    pub has_sought_less: bool,
    /// RowsSought: signed number of rows moved.
    pub rows_sought: i32,
}

/// RopQueryRows' answer.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryResult {
    /// Origin: where the cursor is after the read.
    pub origin: Origin,
    /// The rows, in the order they were read (reverse table order when reading backward).
    pub rows: Vec<PropertyRow>,
}

impl TableView {
    /// Opens a table (RopGetHierarchyTable, RopGetContentsTable, RopGetAttachmentTable).
    /// Fails like the ROP: ecNotFound for a folder that does not exist, ecNullObject for a
    /// released message. Returns the view and its RowCount.
    pub fn open(
        mb: &Mailbox,
        kind: TableKind,
        live: bool,
        code_page: u32,
    ) -> Result<(Self, u32), ErrorCode> {
        match kind {
            TableKind::Hierarchy { folder, .. } | TableKind::Contents { folder, .. } => {
                mb.open_folder(folder)?;
            }
            TableKind::Attachments(h) | TableKind::Recipients(h) => {
                mb.attachments(h)?;
            }
        }
        let mut v = TableView {
            kind,
            live,
            code_page,
            columns: None,
            sort: Vec::new(),
            restriction: None,
            rows: Vec::new(),
            built_at: None,
            cursor: 0,
            bookmarks: HashMap::new(),
            next_bookmark: 1,
        };
        v.refresh(mb)?;
        let n = u32::try_from(v.rows.len()).unwrap_or(u32::MAX);
        Ok((v, n))
    }

    /// What the table shows.
    pub fn kind(&self) -> TableKind {
        self.kind
    }

    /// RopSetColumns. An empty column set is ecInvalidParam; PtypErrorCode or PtypObject
    /// columns are ecInvalidParam too.
    pub fn set_columns(&mut self, columns: &[PropertyTag]) -> Result<(), ErrorCode> {
        if columns.is_empty()
            || columns.iter().any(|c| {
                c.prop_type() == PropertyType::ERROR_CODE || c.prop_type() == PropertyType::OBJECT
            })
        {
            return Err(ErrorCode::INVALID_PARAMETER);
        }
        if columns.iter().any(|c| c.prop_type().is_mv_instance()) {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        self.columns = Some(columns.to_vec());
        Ok(())
    }

    /// The current columns (`None` before SetColumns).
    pub fn columns(&self) -> Option<&[PropertyTag]> {
        self.columns.as_deref()
    }

    /// RopSortTable: sorts by the keys in order, ascending or descending; moves the cursor to
    /// the beginning. Categories are ecNotSupported (see the module docs); a direction other
    /// than ascend/descend is ecInvalidParam.
    pub fn sort(&mut self, mb: &Mailbox, set: &SortOrderSet) -> Result<(), ErrorCode> {
        if set.categorized_count > 0 {
            return Err(ErrorCode::NOT_SUPPORTED);
        }
        let mut keys = Vec::with_capacity(set.sort_orders.len());
        for s in &set.sort_orders {
            let desc = match s.order {
                SortDirection::ASCEND => false,
                SortDirection::DESCEND => true,
                _ => return Err(ErrorCode::INVALID_PARAMETER),
            };
            if s.tag.prop_type().is_mv_instance() {
                return Err(ErrorCode::NOT_SUPPORTED);
            }
            keys.push((s.tag, desc));
        }
        self.sort = keys;
        self.rebuild(mb)?;
        self.cursor = 0;
        Ok(())
    }

    /// RopRestrict: filters rows; `None` removes the filter. Moves the cursor to the beginning.
    /// A restriction the store cannot evaluate is refused here (ecTooComplex).
    pub fn restrict(&mut self, mb: &Mailbox, r: Option<Restriction>) -> Result<(), ErrorCode> {
        let old = std::mem::replace(&mut self.restriction, r);
        if let Err(e) = self.rebuild(mb) {
            self.restriction = old;
            self.rebuild(mb)?;
            return Err(e);
        }
        self.cursor = 0;
        Ok(())
    }

    /// RopResetTable: drops columns, sort order, restriction and bookmarks; cursor to the
    /// beginning.
    pub fn reset(&mut self, mb: &Mailbox) -> Result<(), ErrorCode> {
        self.columns = None;
        self.sort.clear();
        self.restriction = None;
        self.bookmarks.clear();
        self.rebuild(mb)?;
        self.cursor = 0;
        Ok(())
    }

    fn refresh(&mut self, mb: &Mailbox) -> Result<(), ErrorCode> {
        if self.built_at.is_none() || (self.live && self.built_at != Some(mb.change_seq())) {
            self.rebuild(mb)?;
        }
        Ok(())
    }

    fn rebuild(&mut self, mb: &Mailbox) -> Result<(), ErrorCode> {
        let at_cursor = self.rows.get(self.cursor).copied();
        let was_end = self.cursor >= self.rows.len() && !self.rows.is_empty();
        let mut keys = self.collect(mb)?;
        if let Some(r) = &self.restriction {
            let mut st = CountState::default();
            let mut kept = Vec::with_capacity(keys.len());
            for k in keys {
                if self
                    .with_row(mb, k, |row| evaluate(r, row, &mut st))?
                    .unwrap_or(false)
                {
                    kept.push(k);
                }
            }
            keys = kept;
        }
        if !self.sort.is_empty() && !matches!(self.kind, TableKind::Hierarchy { depth: true, .. }) {
            let sort = self.sort.clone();
            let mut decorated: Vec<(Vec<Option<PropertyValue>>, RowKey)> = keys
                .into_iter()
                .map(|k| {
                    let vals = sort
                        .iter()
                        .map(|(tag, _)| self.value(mb, k, *tag))
                        .collect();
                    (vals, k)
                })
                .collect();
            decorated.sort_by(|(a, ka), (b, kb)| {
                for ((x, y), (_, desc)) in a.iter().zip(b.iter()).zip(sort.iter()) {
                    // A missing value sorts before every present one, ascending.
                    let o = match (x, y) {
                        (None, None) => Ordering::Equal,
                        (None, Some(_)) => Ordering::Less,
                        (Some(_), None) => Ordering::Greater,
                        (Some(x), Some(y)) => {
                            super::props::compare(x, y).unwrap_or(Ordering::Equal)
                        }
                    };
                    let o = if *desc { o.reverse() } else { o };
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                ka.cmp(kb)
            });
            keys = decorated.into_iter().map(|(_, k)| k).collect();
        }
        self.rows = keys;
        self.built_at = Some(mb.change_seq());
        // Keep the cursor on the same row when it is still there (MS-OXCTABL 3.2.5.1: the
        // cursor stays on its row as rows come and go).
        self.cursor = match at_cursor.and_then(|k| self.rows.iter().position(|x| *x == k)) {
            Some(i) => i,
            None if was_end => self.rows.len(),
            None => self.cursor.min(self.rows.len()),
        };
        Ok(())
    }

    fn collect(&self, mb: &Mailbox) -> Result<Vec<RowKey>, ErrorCode> {
        Ok(match self.kind {
            TableKind::Hierarchy { folder, depth } => {
                let c = mb.folder_counter(folder)?;
                let mut out = Vec::new();
                fn walk(mb: &Mailbox, c: u64, level: u32, deep: bool, out: &mut Vec<RowKey>) {
                    if let Some(f) = mb.folders.get(&c) {
                        for ch in &f.children {
                            out.push(RowKey::Folder {
                                c: *ch,
                                depth: level,
                            });
                            if deep && level < 64 {
                                walk(mb, *ch, level + 1, deep, out);
                            }
                        }
                    }
                }
                walk(mb, c, 1, depth, &mut out);
                out
            }
            TableKind::Contents { folder, associated } => {
                let c = mb.folder_counter(folder)?;
                let f = mb.folder(c)?;
                if associated {
                    f.fai.iter().map(|m| RowKey::Message(*m)).collect()
                } else if f.kind == FolderKind::Search {
                    mb.search_results(c)
                        .into_iter()
                        .map(RowKey::Message)
                        .collect()
                } else {
                    f.normal.iter().map(|m| RowKey::Message(*m)).collect()
                }
            }
            TableKind::Attachments(h) => mb
                .attachments(h)?
                .iter()
                .map(|a| RowKey::Attachment(a.num))
                .collect(),
            TableKind::Recipients(h) => mb
                .recipients(h)?
                .iter()
                .map(|r| RowKey::Recipient(r.row_id))
                .collect(),
        })
    }

    fn with_row<R>(
        &self,
        mb: &Mailbox,
        k: RowKey,
        f: impl FnOnce(&dyn RowSource) -> Result<R, ErrorCode>,
    ) -> Result<Option<R>, ErrorCode> {
        match (k, self.kind) {
            (RowKey::Folder { c, .. }, _) => f(&FolderRow { mb, c }).map(Some),
            (RowKey::Message(c), _) => match mb.stored_ctx(c) {
                Some(ctx) => f(&MessageRow { mb, m: &ctx }).map(Some),
                None => Ok(None),
            },
            (RowKey::Attachment(n), TableKind::Attachments(h)) => {
                match mb.attachments(h)?.iter().find(|a| a.num == n) {
                    Some(a) => f(&AttachmentRow(a)).map(Some),
                    None => Ok(None),
                }
            }
            (RowKey::Recipient(n), TableKind::Recipients(h)) => {
                match mb.recipients(h)?.iter().find(|r| r.row_id == n) {
                    Some(r) => f(&RecipientRow(r)).map(Some),
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    fn value(&self, mb: &Mailbox, k: RowKey, tag: PropertyTag) -> Option<PropertyValue> {
        let cp = self.code_page;
        match k {
            RowKey::Folder { c, depth } => {
                if tag.id() == t::PID_TAG_DEPTH.id() {
                    return super::props::coerce(
                        &PropertyValue::Integer32(depth as i32),
                        tag.value_type(),
                        cp,
                    );
                }
                mb.get_prop(super::mailbox::ObjectRef::Folder(Mailbox::fid(c)), tag, cp)
            }
            RowKey::Message(c) => {
                let ctx = mb.stored_ctx(c)?;
                if tag.id() == t::PID_TAG_INSTANCE_NUM.id() {
                    return Some(PropertyValue::Integer32(0));
                }
                if tag.id() == t::PID_TAG_MESSAGE_SIZE.id()
                    && tag.value_type() == PropertyType::INTEGER32
                {
                    return Some(PropertyValue::Integer32(
                        content_size(ctx.content).min(i32::MAX as usize) as i32,
                    ));
                }
                mb.message_value(&ctx, tag, cp)
            }
            RowKey::Attachment(n) => match self.kind {
                TableKind::Attachments(h) => {
                    let a = mb.attachments(h).ok()?.iter().find(|a| a.num == n)?;
                    Mailbox::attachment_value(a, tag, cp)
                }
                _ => None,
            },
            RowKey::Recipient(n) => match self.kind {
                TableKind::Recipients(h) => {
                    let r = mb.recipients(h).ok()?.iter().find(|r| r.row_id == n)?;
                    Mailbox::recipient_value(r, tag, cp)
                }
                _ => None,
            },
        }
    }

    fn row(&self, mb: &Mailbox, k: RowKey, columns: &[PropertyTag]) -> PropertyRow {
        build_row(columns, |tag| self.value(mb, k, tag))
    }

    /// RowCount of RopGetContentsTable etc. and QueryPosition's denominator.
    pub fn row_count(&mut self, mb: &Mailbox) -> Result<usize, ErrorCode> {
        self.refresh(mb)?;
        Ok(self.rows.len())
    }

    fn origin_now(&self) -> Origin {
        if self.cursor == 0 {
            Origin::Beginning
        } else if self.cursor >= self.rows.len() {
            Origin::End
        } else {
            Origin::Current
        }
    }

    /// RopQueryRows: up to `count` rows from the cursor, forward or backward; the cursor moves
    /// past them unless `no_advance`. Without SetColumns: ecNullObject. A backward read returns
    /// the rows preceding the cursor, nearest first.
    pub fn query_rows(
        &mut self,
        mb: &Mailbox,
        count: usize,
        forward: bool,
        no_advance: bool,
    ) -> Result<QueryResult, ErrorCode> {
        let columns = self.columns.clone().ok_or(ErrorCode::NULL_OBJECT)?;
        self.refresh(mb)?;
        let start = self.cursor.min(self.rows.len());
        let (range, new_cursor): (Vec<RowKey>, usize) = if forward {
            let end = start.saturating_add(count).min(self.rows.len());
            (self.rows.get(start..end).unwrap_or_default().to_vec(), end)
        } else {
            let begin = start.saturating_sub(count);
            let mut v = self.rows.get(begin..start).unwrap_or_default().to_vec();
            v.reverse();
            (v, begin)
        };
        let rows = range
            .into_iter()
            .map(|k| self.row(mb, k, &columns))
            .collect();
        if !no_advance {
            self.cursor = new_cursor;
        }
        Ok(QueryResult {
            origin: self.origin_now(),
            rows,
        })
    }

    /// RopSeekRow: moves the cursor `offset` rows from `origin`, stopping at either end.
    pub fn seek_row(
        &mut self,
        mb: &Mailbox,
        origin: Origin,
        offset: i32,
    ) -> Result<SeekResult, ErrorCode> {
        self.refresh(mb)?;
        let base = match origin {
            Origin::Beginning => 0,
            Origin::Current => self.cursor.min(self.rows.len()),
            Origin::End => self.rows.len(),
        };
        Ok(self.move_from(base, offset))
    }

    fn move_from(&mut self, base: usize, offset: i32) -> SeekResult {
        let len = self.rows.len() as i64;
        let target = base as i64 + i64::from(offset);
        let clamped = target.clamp(0, len);
        self.cursor = clamped as usize;
        SeekResult {
            has_sought_less: clamped != target,
            rows_sought: (clamped - base as i64) as i32,
        }
    }

    /// RopSeekRowFractional: cursor to `numerator / denominator` of the table. A zero
    /// denominator or a fraction above 1 puts the cursor at the end (MS-OXCTABL 3.2.5.10).
    pub fn seek_row_fractional(
        &mut self,
        mb: &Mailbox,
        numerator: u32,
        denominator: u32,
    ) -> Result<(), ErrorCode> {
        self.refresh(mb)?;
        let len = self.rows.len() as u64;
        self.cursor = if denominator == 0 || numerator >= denominator {
            if numerator == 0 { 0 } else { self.rows.len() }
        } else {
            (u64::from(numerator) * len / u64::from(denominator)) as usize
        };
        Ok(())
    }

    /// RopQueryPosition: (Numerator = cursor row index, Denominator = row count).
    pub fn query_position(&mut self, mb: &Mailbox) -> Result<(u32, u32), ErrorCode> {
        self.refresh(mb)?;
        let n = u32::try_from(self.cursor.min(self.rows.len())).unwrap_or(u32::MAX);
        let d = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        Ok((n, d))
    }

    /// RopCreateBookmark: an opaque bookmark of the cursor's row (4 bytes).
    pub fn create_bookmark(&mut self, mb: &Mailbox) -> Result<Vec<u8>, ErrorCode> {
        self.refresh(mb)?;
        let id = self.next_bookmark;
        self.next_bookmark = self.next_bookmark.wrapping_add(1).max(1);
        self.bookmarks.insert(
            id,
            Bookmark {
                key: self.rows.get(self.cursor).copied(),
                index: self.cursor,
            },
        );
        Ok(id.to_le_bytes().to_vec())
    }

    fn bookmark(&self, b: &[u8]) -> Result<Bookmark, ErrorCode> {
        let id: [u8; 4] = b.try_into().map_err(|_| ErrorCode::INVALID_BOOKMARK)?;
        self.bookmarks
            .get(&u32::from_le_bytes(id))
            .copied()
            .ok_or(ErrorCode::INVALID_BOOKMARK)
    }

    /// RopFreeBookmark: ecInvalidBookmark for one never made or already freed.
    pub fn free_bookmark(&mut self, b: &[u8]) -> Result<(), ErrorCode> {
        self.bookmark(b)?;
        let id: [u8; 4] = b.try_into().map_err(|_| ErrorCode::INVALID_BOOKMARK)?;
        self.bookmarks.remove(&u32::from_le_bytes(id));
        Ok(())
    }

    /// Resolves a bookmark to a row index and whether its row is gone (RowNoLongerVisible);
    /// a gone row resolves to the position it had.
    fn resolve(&self, b: &[u8]) -> Result<(usize, bool), ErrorCode> {
        let bm = self.bookmark(b)?;
        match bm.key {
            Some(k) => match self.rows.iter().position(|x| *x == k) {
                Some(i) => Ok((i, false)),
                None => Ok((bm.index.min(self.rows.len()), true)),
            },
            None => Ok((self.rows.len(), false)),
        }
    }

    /// RopSeekRowBookmark: moves `offset` rows from the bookmarked row. Returns
    /// RowNoLongerVisible and the seek result.
    pub fn seek_row_bookmark(
        &mut self,
        mb: &Mailbox,
        b: &[u8],
        offset: i32,
    ) -> Result<(bool, SeekResult), ErrorCode> {
        self.refresh(mb)?;
        let (base, gone) = self.resolve(b)?;
        Ok((gone, self.move_from(base, offset)))
    }

    /// RopFindRow (MS-OXCTABL 3.2.5.13): the first row from `origin` (or the bookmark) that
    /// satisfies `r`, searching forward from the origin row, or backward from the row before
    /// it. The cursor moves to the row found. ecNotFound when none matches. Returns
    /// RowNoLongerVisible and the row.
    pub fn find_row(
        &mut self,
        mb: &Mailbox,
        r: &Restriction,
        origin: Origin,
        bookmark: Option<&[u8]>,
        backward: bool,
    ) -> Result<(bool, PropertyRow), ErrorCode> {
        let columns = self.columns.clone().ok_or(ErrorCode::NULL_OBJECT)?;
        self.refresh(mb)?;
        let (start, gone) = match bookmark {
            Some(b) => self.resolve(b)?,
            None => (
                match origin {
                    Origin::Beginning => 0,
                    Origin::Current => self.cursor.min(self.rows.len()),
                    Origin::End => self.rows.len(),
                },
                false,
            ),
        };
        let order: Vec<usize> = if backward {
            (0..start).rev().collect()
        } else {
            (start..self.rows.len()).collect()
        };
        let mut st = CountState::default();
        for i in order {
            let Some(k) = self.rows.get(i).copied() else {
                continue;
            };
            if self
                .with_row(mb, k, |row| evaluate(r, row, &mut st))?
                .unwrap_or(false)
            {
                self.cursor = i;
                return Ok((gone, self.row(mb, k, &columns)));
            }
        }
        Err(ErrorCode::NOT_FOUND)
    }

    /// RopGetStatus: always TBLSTAT_COMPLETE.
    pub fn status(&self) -> u8 {
        TBLSTAT_COMPLETE
    }

    /// RopQueryColumnsAll: every property any row has (stored or computed), ids unique.
    pub fn query_columns_all(&mut self, mb: &Mailbox) -> Result<Vec<PropertyTag>, ErrorCode> {
        self.refresh(mb)?;
        let mut out: Vec<PropertyTag> = Vec::new();
        let mut push = |tag: PropertyTag| {
            if !out.iter().any(|x| x.id() == tag.id()) {
                out.push(tag);
            }
        };
        for k in self.rows.clone() {
            match k {
                RowKey::Folder { c, .. } => {
                    for tag in mb.prop_list(super::mailbox::ObjectRef::Folder(Mailbox::fid(c)))? {
                        push(tag);
                    }
                    push(t::PID_TAG_DEPTH);
                }
                RowKey::Message(c) => {
                    if let Some(m) = mb.messages.get(&c) {
                        for tag in m.content.props.tags() {
                            push(tag);
                        }
                    }
                    for tag in [
                        t::PID_TAG_MID,
                        t::PID_TAG_FOLDER_ID,
                        t::PID_TAG_ENTRY_ID,
                        t::PID_TAG_MESSAGE_SIZE,
                        t::PID_TAG_HAS_ATTACHMENTS,
                        t::PID_TAG_INSTANCE_KEY,
                        t::PID_TAG_INSTANCE_NUM,
                    ] {
                        push(tag);
                    }
                }
                RowKey::Attachment(_) | RowKey::Recipient(_) => match self.kind {
                    TableKind::Attachments(h) => {
                        for a in mb.attachments(h)? {
                            for tag in a.props.tags() {
                                push(tag);
                            }
                        }
                        push(t::PID_TAG_ATTACH_NUMBER);
                        push(t::PID_TAG_INSTANCE_KEY);
                    }
                    TableKind::Recipients(h) => {
                        for r in mb.recipients(h)? {
                            for tag in r.props.tags() {
                                push(tag);
                            }
                        }
                        push(t::PID_TAG_ROWID);
                    }
                    _ => {}
                },
            }
        }
        Ok(out)
    }

    /// The cursor's row index (for tests and notifications).
    pub fn cursor(&self) -> usize {
        self.cursor
    }
}
