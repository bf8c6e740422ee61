//! Stream ROPs (MS-OXCPRPT 2.2.14 - 2.2.25, MS-OXCROPS 2.2.9): a property opened as a Stream
//! object holding its bytes, read, written, sized, sought and committed back to its object.

use std::cell::Cell;

use super::{Handlers, Object, StoreEvent, StreamObject, with_mailbox};
use crate::emulator::engine::{Outcome, RopCx};
use crate::emulator::store::ObjectRef;
use crate::wire::ErrorCode;
use crate::wire::property::{PropertyTag, PropertyType};
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::stream::{
    CopyToStreamResponse, GetStreamSizeResponse, OpenStreamRequest, OpenStreamResponse,
    ReadStreamRequest, ReadStreamResponse, SeekOrigin, SeekStreamRequest, SeekStreamResponse,
    StreamOpenModeFlags, WriteStreamRequest, WriteStreamResponse,
};

/// MS-OXCPRPT 3.2.5.18 StreamSeekError (STG_E_SEEKERROR): a seek before the start or past
/// 2^31 bytes.
pub const STREAM_SEEK_ERROR: ErrorCode = ErrorCode(0x8003_0019);
/// MS-OXCPRPT 3.2.5.17 StreamSizeError (STG_E_MEDIUMFULL): a size past 2^31 bytes.
pub const STREAM_SIZE_ERROR: ErrorCode = ErrorCode(0x8003_0070);
/// The largest stream (MS-OXCPRPT 3.2.5.17, 3.2.5.18).
const MAX_STREAM: u64 = 1 << 31;
/// ByteCount value that says MaximumByteCount follows (MS-OXCROPS 2.2.9.2.1).
const USE_MAXIMUM: u16 = 0xBABE;

thread_local! {
    /// Bytes a RopReadStream still owes its packed continuation buffers, with the stream's
    /// handle. The engine asks for continuations right after the first response, on the same
    /// thread and within the same Execute (MS-OXCRPC 3.1.4.2.1.2), so nothing else runs
    /// between them.
    static READ_OWED: Cell<Option<(u32, u64)>> = const { Cell::new(None) };
}

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    h: &mut Handlers,
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
) -> Option<Outcome<Object>> {
    let result = match request {
        RopRequest::OpenStream(r) => open_stream(h, cx, r),
        RopRequest::ReadStream(r) => return Some(read_stream(cx, request, r)),
        RopRequest::WriteStream(r) => write(cx, r).map(|w| {
            Outcome::respond(RopResponse::WriteStream(WriteStreamResponse {
                header: ok(r.input_handle_index),
                written_size: w,
            }))
        }),
        RopRequest::WriteAndCommitStream(r) => write(cx, &r.0).and_then(|w| {
            commit(h, cx)?;
            Ok(Outcome::respond(RopResponse::WriteAndCommitStream(
                WriteStreamResponse {
                    header: ok(r.0.input_handle_index),
                    written_size: w,
                },
            )))
        }),
        RopRequest::CommitStream(r) => commit(h, cx)
            .map(|()| Outcome::respond(RopResponse::CommitStream(ok(r.input_handle_index)))),
        RopRequest::GetStreamSize(r) => stream(cx).map(|s| {
            Outcome::respond(RopResponse::GetStreamSize(GetStreamSizeResponse::Success {
                input_handle_index: r.input_handle_index,
                stream_size: u32::try_from(s.data.len()).unwrap_or(u32::MAX),
            }))
        }),
        RopRequest::SetStreamSize(r) => set_size(cx, r.stream_size)
            .map(|()| Outcome::respond(RopResponse::SetStreamSize(ok(r.input_handle_index)))),
        RopRequest::SeekStream(r) => seek(cx, r),
        RopRequest::CopyToStream(r) => copy_to_stream(cx, r),
        // MS-OXCPRPT 3.2.5.21, 3.2.5.22, 3.2.5.23 and their product notes: Exchange 2010 and
        // later do not implement RopLockRegionStream, RopUnlockRegionStream or
        // RopCloneStream (only Exchange 2003/2007 did).
        RopRequest::LockRegions(_) | RopRequest::UnlockRegions(_) | RopRequest::CloneStream(_) => {
            Err(ErrorCode::NOT_SUPPORTED)
        }
        _ => return None,
    };
    Some(result.unwrap_or_else(|code| Outcome::fail(request, code)))
}

fn ok(handle_index: u8) -> crate::wire::rop::ResponseHeader {
    super::message::ok(handle_index)
}

/// The Stream object the ROP acts on; ecNotSupported for any other object.
fn stream<'c>(cx: &'c RopCx<'_, Object>) -> Result<&'c StreamObject, ErrorCode> {
    match cx.input() {
        Some(Object::Stream(s)) => Ok(s),
        Some(_) => Err(ErrorCode::NOT_SUPPORTED),
        None => Err(ErrorCode::NULL_OBJECT),
    }
}

fn stream_mut<'c>(cx: &'c mut RopCx<'_, Object>) -> Result<&'c mut StreamObject, ErrorCode> {
    match cx.input_mut() {
        Some(Object::Stream(s)) => Ok(s),
        Some(_) => Err(ErrorCode::NOT_SUPPORTED),
        None => Err(ErrorCode::NULL_OBJECT),
    }
}

/// The store form of a stream's property: PtypObject attachment data is read as PtypBinary.
fn store_tag(tag: PropertyTag) -> PropertyTag {
    if tag.prop_type() == PropertyType::OBJECT {
        tag.with_type(PropertyType::BINARY)
    } else {
        tag
    }
}

/// MS-OXCPRPT 3.2.5.13 RopOpenStream: on Folder, Message and Attachment objects; folders take
/// PtypBinary only, messages and attachments PtypBinary, PtypObject, PtypString8 and
/// PtypString (2.2.14). ReadOnly and ReadWrite need the property (ecNotFound otherwise);
/// Create starts empty. Write access on a read-only message is ecAccessDenied; BestAccess
/// falls back to read-only.
fn open_stream(
    h: &Handlers,
    cx: &RopCx<'_, Object>,
    r: &OpenStreamRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let input = cx.input().ok_or(ErrorCode::NULL_OBJECT)?;
    let (mailbox, target, object_writable) = match input {
        Object::Folder(f) => {
            if r.property_tag.prop_type() != PropertyType::BINARY {
                return Err(ErrorCode::NOT_SUPPORTED);
            }
            (f.mailbox.clone(), ObjectRef::Folder(f.fid), true)
        }
        Object::Message(m) | Object::Attachment(m) => (
            m.mailbox.clone(),
            ObjectRef::Instance(m.instance),
            m.writable,
        ),
        _ => return Err(ErrorCode::NOT_SUPPORTED),
    };
    let ty = r.property_tag.prop_type();
    if ![
        PropertyType::BINARY,
        PropertyType::OBJECT,
        PropertyType::STRING,
        PropertyType::STRING8,
    ]
    .contains(&ty)
    {
        return Err(ErrorCode::NOT_SUPPORTED);
    }
    let mode = r.open_mode_flags;
    let writable = match mode {
        StreamOpenModeFlags::READ_ONLY => false,
        StreamOpenModeFlags::READ_WRITE | StreamOpenModeFlags::CREATE => {
            if !object_writable {
                return Err(ErrorCode::ACCESS_DENIED);
            }
            true
        }
        StreamOpenModeFlags::BEST_ACCESS => object_writable,
        _ => return Err(ErrorCode::INVALID_PARAMETER),
    };
    let data = if mode == StreamOpenModeFlags::CREATE {
        Vec::new()
    } else {
        let mut store = h.store();
        with_mailbox(&mut store, &mailbox, |mb| {
            mb.read_stream(target, store_tag(r.property_tag), h.code_page())
        })?
    };
    let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
    Ok(Outcome::created(
        RopResponse::OpenStream(OpenStreamResponse::Success {
            output_handle_index: r.output_handle_index,
            stream_size: size,
        }),
        Object::Stream(StreamObject {
            mailbox,
            target,
            tag: r.property_tag,
            data,
            position: 0,
            writable,
            // Create replaces the value even if nothing is written (MS-OXCPRPT 2.2.14.1).
            dirty: mode == StreamOpenModeFlags::CREATE,
        }),
    ))
}

/// MS-OXCPRPT 3.2.5.14 RopReadStream: up to ByteCount bytes (MaximumByteCount when ByteCount
/// is 0xBABE) from the seek pointer, fewer when the output buffer is smaller; with packing the
/// rest follows in continuation buffers, each a further RopReadStream response.
fn read_stream(
    cx: &mut RopCx<'_, Object>,
    request: &RopRequest,
    r: &ReadStreamRequest,
) -> Outcome<Object> {
    let handle = cx.input_handle().unwrap_or(0);
    let wanted = if cx.continuation() == 0 {
        match (r.byte_count, r.maximum_byte_count) {
            (USE_MAXIMUM, Some(max)) => u64::from(max),
            (n, _) => u64::from(n),
        }
    } else {
        match READ_OWED.with(Cell::take) {
            Some((h, owed)) if h == handle => owed,
            _ => 0,
        }
    };
    // RopId, InputHandleIndex, ReturnValue, DataSize.
    let room = cx.room().saturating_sub(8) as u64;
    let can_pack = cx.can_pack();
    let s = match stream_mut(cx) {
        Ok(s) => s,
        Err(code) => return Outcome::fail(request, code),
    };
    let len = s.data.len() as u64;
    let available = len.saturating_sub(s.position);
    let n = wanted.min(available).min(room).min(u64::from(u16::MAX));
    let start = usize::try_from(s.position).unwrap_or(usize::MAX);
    let end = usize::try_from(s.position + n).unwrap_or(usize::MAX);
    let data = s
        .data
        .get(start..end)
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    s.position += data.len() as u64;
    let owed = wanted.saturating_sub(data.len() as u64);
    let more = can_pack && owed > 0 && s.position < len;
    if more {
        READ_OWED.with(|c| c.set(Some((handle, owed))));
    }
    Outcome::respond(RopResponse::ReadStream(ReadStreamResponse {
        header: ok(r.input_handle_index),
        data,
    }))
    .with_more(more)
}

/// MS-OXCPRPT 3.2.5.15 RopWriteStream: writes at the seek pointer, growing the stream; a
/// read-only stream is STG_E_ACCESSDENIED, past 2^31 bytes StreamSizeError.
fn write(cx: &mut RopCx<'_, Object>, r: &WriteStreamRequest) -> Result<u16, ErrorCode> {
    let s = stream_mut(cx)?;
    if !s.writable {
        return Err(ErrorCode::STORAGE_ACCESS_DENIED);
    }
    let end = s.position + r.data.len() as u64;
    if end > MAX_STREAM {
        return Err(STREAM_SIZE_ERROR);
    }
    let start = usize::try_from(s.position).map_err(|_| STREAM_SIZE_ERROR)?;
    let end = usize::try_from(end).map_err(|_| STREAM_SIZE_ERROR)?;
    if s.data.len() < end {
        s.data.resize(end, 0);
    }
    if let Some(dst) = s.data.get_mut(start..end) {
        dst.copy_from_slice(&r.data);
    }
    s.position = end as u64;
    s.dirty = true;
    Ok(u16::try_from(r.data.len()).unwrap_or(u16::MAX))
}

/// Writes a stream's bytes back to its property (RopCommitStream, and what Exchange does when
/// a written stream is released). A folder's change raises ObjectModified.
pub(super) fn commit_stream(h: &Handlers, s: &StreamObject) -> Result<(), ErrorCode> {
    if !s.dirty || !s.writable {
        return Ok(());
    }
    {
        let mut store = h.store();
        with_mailbox(&mut store, &s.mailbox, |mb| {
            mb.write_stream(s.target, store_tag(s.tag), &s.data, h.code_page())
        })?;
    }
    if let ObjectRef::Folder(fid) = s.target {
        super::message::raise(
            h,
            StoreEvent::Modified {
                mailbox: s.mailbox.clone(),
                fid,
                mid: None,
            },
        );
    }
    Ok(())
}

/// MS-OXCPRPT 3.2.5.16 RopCommitStream.
fn commit(h: &Handlers, cx: &mut RopCx<'_, Object>) -> Result<(), ErrorCode> {
    commit_stream(h, stream(cx)?)?;
    stream_mut(cx)?.dirty = false;
    Ok(())
}

/// MS-OXCPRPT 3.2.5.17 RopSetStreamSize: truncates or zero-extends; the seek pointer stays.
fn set_size(cx: &mut RopCx<'_, Object>, size: u64) -> Result<(), ErrorCode> {
    let s = stream_mut(cx)?;
    if !s.writable {
        return Err(ErrorCode::STORAGE_ACCESS_DENIED);
    }
    if size > MAX_STREAM {
        return Err(STREAM_SIZE_ERROR);
    }
    s.data
        .resize(usize::try_from(size).map_err(|_| STREAM_SIZE_ERROR)?, 0);
    s.dirty = true;
    Ok(())
}

/// MS-OXCPRPT 3.2.5.18 RopSeekStream: Offset is signed relative to the origin; a position
/// before the start or past 2^31 is StreamSeekError, an unknown Origin StreamInvalidParam;
/// seeking past the end extends the stream with zeros.
fn seek(cx: &mut RopCx<'_, Object>, r: &SeekStreamRequest) -> Result<Outcome<Object>, ErrorCode> {
    let s = stream_mut(cx)?;
    let base = match r.origin {
        SeekOrigin::BEGINNING => 0i128,
        SeekOrigin::CURRENT => i128::from(s.position),
        SeekOrigin::END => s.data.len() as i128,
        _ => return Err(ErrorCode::STORAGE_INVALID_PARAMETER),
    };
    let target = base + i128::from(r.offset as i64);
    if target < 0 || target > i128::from(MAX_STREAM) {
        return Err(STREAM_SEEK_ERROR);
    }
    let position = target as u64;
    let new_len = usize::try_from(position).map_err(|_| STREAM_SEEK_ERROR)?;
    if new_len > s.data.len() {
        s.data.resize(new_len, 0);
        s.dirty |= s.writable;
    }
    s.position = position;
    Ok(Outcome::respond(RopResponse::SeekStream(
        SeekStreamResponse::Success {
            input_handle_index: r.input_handle_index,
            new_position: position,
        },
    )))
}

/// MS-OXCPRPT 3.2.5.19 RopCopyToStream: ByteCount bytes from the source's seek pointer to the
/// destination stream's, both pointers advancing; ecDstNullObject when DestHandleIndex names
/// no object, ecNotSupported when it names no stream.
fn copy_to_stream(
    cx: &mut RopCx<'_, Object>,
    r: &crate::wire::rop::stream::CopyToStreamRequest,
) -> Result<Outcome<Object>, ErrorCode> {
    let src_handle = cx.input_handle().ok_or(ErrorCode::NULL_OBJECT)?;
    stream(cx)?;
    let dst_handle = cx
        .resolve(r.dest_handle_index)
        .ok_or(ErrorCode::NULL_DESTINATION_OBJECT)?;
    let bytes = {
        let s = stream_mut(cx)?;
        let start = usize::try_from(s.position).unwrap_or(usize::MAX);
        let n = usize::try_from(r.byte_count).unwrap_or(usize::MAX);
        let chunk: Vec<u8> = s
            .data
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take(n)
            .copied()
            .collect();
        s.position += chunk.len() as u64;
        chunk
    };
    let written = if dst_handle == src_handle {
        return Err(ErrorCode::INVALID_PARAMETER);
    } else {
        match cx.objects().get_mut(dst_handle) {
            Some(Object::Stream(d)) => {
                if !d.writable {
                    return Err(ErrorCode::STORAGE_ACCESS_DENIED);
                }
                let start = usize::try_from(d.position).map_err(|_| STREAM_SIZE_ERROR)?;
                let end = start + bytes.len();
                if end as u64 > MAX_STREAM {
                    return Err(STREAM_SIZE_ERROR);
                }
                if d.data.len() < end {
                    d.data.resize(end, 0);
                }
                if let Some(slot) = d.data.get_mut(start..end) {
                    slot.copy_from_slice(&bytes);
                }
                d.position = end as u64;
                d.dirty = true;
                bytes.len() as u64
            }
            Some(_) => return Err(ErrorCode::NOT_SUPPORTED),
            None => return Err(ErrorCode::NULL_DESTINATION_OBJECT),
        }
    };
    Ok(Outcome::respond(RopResponse::CopyToStream(
        CopyToStreamResponse {
            header: ok(r.source_handle_index),
            dest_handle_index: None,
            read_byte_count: bytes.len() as u64,
            written_byte_count: written,
        },
    )))
}
