//! Stream ROPs: MS-OXCROPS 2.2.9, semantics in MS-OXCPRPT 2.2.14 - 2.2.26.
//!
//! A Stream object is opened on one property (RopOpenStream) and then read, written, sized,
//! sought, locked, committed, cloned and copied. Response conventions are those of
//! [`super::property`]: split layouts are `Success`/`Failure` enums; ROPs whose response has
//! one layout for every ReturnValue are structs holding the [`ResponseHeader`]; ROPs whose
//! response is only the header use [`ResponseHeader`] itself.

use bytes::BufMut;
use serde::Serialize;

use super::property::{check_failure, logon_and_handle, put_success};
use super::{ResponseContext, ResponseHeader, Rop, RopId};
use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, PResult, named};
use crate::wire::primitives::{
    CountWidth, put_counted_bytes, take_len, u8 as le_u8, u16 as le_u16, u32 as le_u32,
    u64 as le_u64,
};
use crate::wire::property::PropertyTag;

fn header_only<'a>(structure: &'static str, input: &'a [u8]) -> PResult<'a, ResponseHeader> {
    named(structure, input, ResponseHeader::decode)
}

/// Implements [`Rop`] for a request whose response is just a [`ResponseHeader`].
macro_rules! header_response {
    ($name:literal) => {
        fn decode_response<'a>(
            &self,
            _ctx: &ResponseContext<'_>,
            input: &'a [u8],
        ) -> PResult<'a, Self::Response> {
            header_only($name, input)
        }

        fn encode_response<B: BufMut>(
            &self,
            response: &Self::Response,
            _ctx: &ResponseContext<'_>,
            out: &mut B,
        ) -> Result<(), EncodeError> {
            response.encode(out);
            Ok(())
        }
    };
}

// ---------------------------------------------------------------------------------------------
// RopOpenStream

/// MS-OXCPRPT 2.2.14.1 OpenModeFlags of RopOpenStream (one value, not bits). Unknown values
/// are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct StreamOpenModeFlags(pub u8);

impl StreamOpenModeFlags {
    /// ReadOnly (0x00).
    pub const READ_ONLY: Self = Self(0x00);
    /// ReadWrite (0x01).
    pub const READ_WRITE: Self = Self(0x01);
    /// Create (0x02): a new, empty stream (the property's value is dropped); needed for a
    /// property that has no value yet.
    pub const CREATE: Self = Self(0x02);
    /// BestAccess (0x03): read/write if the user may write, read-only otherwise.
    pub const BEST_ACCESS: Self = Self(0x03);
}

/// MS-OXCROPS 2.2.9.1.1 RopOpenStream request (MS-OXCPRPT 2.2.14.1): opens a property of a
/// Folder, Message or Attachment object as a Stream object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OpenStreamRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object that has the property.
    pub input_handle_index: u8,
    /// The handle table index for the new Stream object.
    pub output_handle_index: u8,
    /// The property to stream.
    pub property_tag: PropertyTag,
    /// How to open it.
    pub open_mode_flags: StreamOpenModeFlags,
}

/// MS-OXCROPS 2.2.9.1.2 / 2.2.9.1.3 RopOpenStream response (MS-OXCPRPT 2.2.14.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum OpenStreamResponse {
    /// ReturnValue 0.
    Success {
        /// The request's OutputHandleIndex.
        output_handle_index: u8,
        /// The stream's size in bytes.
        stream_size: u32,
    },
    /// Any other ReturnValue (the handle index is the OutputHandleIndex).
    Failure(ResponseHeader),
}

impl Rop for OpenStreamRequest {
    const ID: RopId = RopId::OPEN_STREAM;
    type Response = OpenStreamResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopOpenStream", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, output_handle_index) = le_u8(i)?;
            let (i, tag) = le_u32(i)?;
            let (i, mode) = le_u8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                    property_tag: PropertyTag(tag),
                    open_mode_flags: StreamOpenModeFlags(mode),
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.output_handle_index);
        out.put_u32_le(self.property_tag.0);
        out.put_u8(self.open_mode_flags.0);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopOpenStream", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, OpenStreamResponse::Failure(h)));
            }
            let (i, stream_size) = le_u32(i)?;
            Ok((
                i,
                OpenStreamResponse::Success {
                    output_handle_index: h.handle_index,
                    stream_size,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            OpenStreamResponse::Success {
                output_handle_index,
                stream_size,
            } => {
                put_success(out, *output_handle_index);
                out.put_u32_le(*stream_size);
            }
            OpenStreamResponse::Failure(h) => {
                check_failure(h, "RopOpenStream")?;
                h.encode(out);
            }
        }
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }

    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

// ---------------------------------------------------------------------------------------------
// RopReadStream

/// MS-OXCROPS 2.2.9.2.1 RopReadStream request (MS-OXCPRPT 2.2.15.1).
///
/// ByteCount 0xBABE is a sentinel: the real limit then follows as the 4-byte
/// MaximumByteCount, which is present exactly then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReadStreamRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the Stream object.
    pub input_handle_index: u8,
    /// The most bytes to read, or [`ReadStreamRequest::BABE`].
    pub byte_count: u16,
    /// The most bytes to read when `byte_count` is 0xBABE; `None` otherwise.
    pub maximum_byte_count: Option<u32>,
}

impl ReadStreamRequest {
    /// The ByteCount sentinel announcing MaximumByteCount.
    pub const BABE: u16 = 0xBABE;

    /// The limit the request sets, whichever field holds it.
    pub fn limit(&self) -> u32 {
        self.maximum_byte_count
            .unwrap_or(u32::from(self.byte_count))
    }
}

/// MS-OXCROPS 2.2.9.2.2 RopReadStream response (MS-OXCPRPT 2.2.15.2): one layout whatever the
/// ReturnValue, so a failed read still says how many bytes it read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadStreamResponse {
    /// InputHandleIndex and ReturnValue.
    pub header: ResponseHeader,
    /// DataSize and Data: the bytes read.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub data: Vec<u8>,
}

impl Rop for ReadStreamRequest {
    const ID: RopId = RopId::READ_STREAM;
    type Response = ReadStreamResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopReadStream", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, byte_count) = le_u16(i)?;
            let (i, maximum_byte_count) = if byte_count == Self::BABE {
                let (i, m) = le_u32(i)?;
                (i, Some(m))
            } else {
                (i, None)
            };
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    byte_count,
                    maximum_byte_count,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        if (self.byte_count == Self::BABE) != self.maximum_byte_count.is_some() {
            return Err(EncodeError::Invalid {
                structure: "RopReadStream",
                reason: "MaximumByteCount must be present exactly when ByteCount is 0xBABE",
            });
        }
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u16_le(self.byte_count);
        if let Some(m) = self.maximum_byte_count {
            out.put_u32_le(m);
        }
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopReadStream", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            let (i, n) = le_u16(i)?;
            let (i, data) = take_len(i, usize::from(n), "DataSize")?;
            Ok((
                i,
                ReadStreamResponse {
                    header,
                    data: data.to_vec(),
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.header.encode(out);
        put_counted_bytes(out, &response.data, CountWidth::U16, "RopReadStream")
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopWriteStream, RopWriteAndCommitStream

/// MS-OXCROPS 2.2.9.3.1 RopWriteStream request (MS-OXCPRPT 2.2.16.1); the same layout is
/// RopWriteAndCommitStream's (MS-OXCROPS 2.2.9.12.1), see [`WriteAndCommitStreamRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WriteStreamRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the Stream object.
    pub input_handle_index: u8,
    /// DataSize and Data: the bytes to write at the seek pointer.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub data: Vec<u8>,
}

/// MS-OXCROPS 2.2.9.12.1 RopWriteAndCommitStream request (MS-OXCPRPT 2.2.26.1): a write
/// followed by a commit, in one ROP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct WriteAndCommitStreamRequest(pub WriteStreamRequest);

/// MS-OXCROPS 2.2.9.3.2 RopWriteStream response (and 2.2.9.12.2 RopWriteAndCommitStream;
/// MS-OXCPRPT 2.2.16.2, 2.2.26.2): one layout whatever the ReturnValue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WriteStreamResponse {
    /// InputHandleIndex and ReturnValue.
    pub header: ResponseHeader,
    /// How many bytes were written.
    pub written_size: u16,
}

impl WriteStreamRequest {
    fn decode_as<'a>(structure: &'static str, input: &'a [u8]) -> PResult<'a, Self> {
        named(structure, input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, n) = le_u16(i)?;
            let (i, data) = take_len(i, usize::from(n), "DataSize")?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    data: data.to_vec(),
                },
            ))
        })
    }

    fn encode_as<B: BufMut>(
        &self,
        structure: &'static str,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_counted_bytes(out, &self.data, CountWidth::U16, structure)
    }
}

fn decode_write_response<'a>(
    structure: &'static str,
    input: &'a [u8],
) -> PResult<'a, WriteStreamResponse> {
    named(structure, input, |i| {
        let (i, header) = ResponseHeader::decode(i)?;
        let (i, written_size) = le_u16(i)?;
        Ok((
            i,
            WriteStreamResponse {
                header,
                written_size,
            },
        ))
    })
}

fn encode_write_response<B: BufMut>(r: &WriteStreamResponse, out: &mut B) {
    r.header.encode(out);
    out.put_u16_le(r.written_size);
}

impl Rop for WriteStreamRequest {
    const ID: RopId = RopId::WRITE_STREAM;
    type Response = WriteStreamResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_as("RopWriteStream", input)
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_as("RopWriteStream", out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        decode_write_response("RopWriteStream", input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_write_response(response, out);
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

impl Rop for WriteAndCommitStreamRequest {
    const ID: RopId = RopId::WRITE_AND_COMMIT_STREAM;
    type Response = WriteStreamResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        let (i, r) = WriteStreamRequest::decode_as("RopWriteAndCommitStream", input)?;
        Ok((i, Self(r)))
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.0.encode_as("RopWriteAndCommitStream", out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        decode_write_response("RopWriteAndCommitStream", input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_write_response(response, out);
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        self.0.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopCommitStream, RopGetStreamSize, RopSetStreamSize

/// MS-OXCROPS 2.2.9.5.1 RopCommitStream request (MS-OXCPRPT 2.2.18): makes the stream's
/// changes part of the property. The response is a [`ResponseHeader`] (2.2.9.5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CommitStreamRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the Stream object.
    pub input_handle_index: u8,
}

impl Rop for CommitStreamRequest {
    const ID: RopId = RopId::COMMIT_STREAM;
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCommitStream", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
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

    header_response!("RopCommitStream");

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

/// MS-OXCROPS 2.2.9.6.1 RopGetStreamSize request (MS-OXCPRPT 2.2.19).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GetStreamSizeRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the Stream object.
    pub input_handle_index: u8,
}

/// MS-OXCROPS 2.2.9.6.2 / 2.2.9.6.3 RopGetStreamSize response (MS-OXCPRPT 2.2.19.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum GetStreamSizeResponse {
    /// ReturnValue 0.
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// The stream's size in bytes.
        stream_size: u32,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for GetStreamSizeRequest {
    const ID: RopId = RopId::GET_STREAM_SIZE;
    type Response = GetStreamSizeResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetStreamSize", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
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
        named("RopGetStreamSize", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, GetStreamSizeResponse::Failure(h)));
            }
            let (i, stream_size) = le_u32(i)?;
            Ok((
                i,
                GetStreamSizeResponse::Success {
                    input_handle_index: h.handle_index,
                    stream_size,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            GetStreamSizeResponse::Success {
                input_handle_index,
                stream_size,
            } => {
                put_success(out, *input_handle_index);
                out.put_u32_le(*stream_size);
            }
            GetStreamSizeResponse::Failure(h) => {
                check_failure(h, "RopGetStreamSize")?;
                h.encode(out);
            }
        }
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

/// MS-OXCROPS 2.2.9.7.1 RopSetStreamSize request (MS-OXCPRPT 2.2.20): the response is a
/// [`ResponseHeader`] (2.2.9.7.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SetStreamSizeRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the Stream object.
    pub input_handle_index: u8,
    /// The new size in bytes.
    pub stream_size: u64,
}

impl Rop for SetStreamSizeRequest {
    const ID: RopId = RopId::SET_STREAM_SIZE;
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSetStreamSize", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, stream_size) = le_u64(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    stream_size,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u64_le(self.stream_size);
        Ok(())
    }

    header_response!("RopSetStreamSize");

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopSeekStream

/// MS-OXCPRPT 2.2.21.1 Origin of RopSeekStream. Unknown values are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct SeekOrigin(pub u8);

impl SeekOrigin {
    /// Beginning (0x00): from the start of the stream.
    pub const BEGINNING: Self = Self(0x00);
    /// Current (0x01): from the seek pointer.
    pub const CURRENT: Self = Self(0x01);
    /// End (0x02): from the end of the stream.
    pub const END: Self = Self(0x02);
}

/// MS-OXCROPS 2.2.9.8.1 RopSeekStream request (MS-OXCPRPT 2.2.21.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SeekStreamRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the Stream object.
    pub input_handle_index: u8,
    /// Where the offset counts from.
    pub origin: SeekOrigin,
    /// The 8-byte offset, as it is on the wire (a backward seek is its two's complement).
    pub offset: u64,
}

/// MS-OXCROPS 2.2.9.8.2 / 2.2.9.8.3 RopSeekStream response (MS-OXCPRPT 2.2.21.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SeekStreamResponse {
    /// ReturnValue 0.
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// The seek pointer after the seek.
        new_position: u64,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for SeekStreamRequest {
    const ID: RopId = RopId::SEEK_STREAM;
    type Response = SeekStreamResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSeekStream", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, origin) = le_u8(i)?;
            let (i, offset) = le_u64(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    origin: SeekOrigin(origin),
                    offset,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.origin.0);
        out.put_u64_le(self.offset);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopSeekStream", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, SeekStreamResponse::Failure(h)));
            }
            let (i, new_position) = le_u64(i)?;
            Ok((
                i,
                SeekStreamResponse::Success {
                    input_handle_index: h.handle_index,
                    new_position,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            SeekStreamResponse::Success {
                input_handle_index,
                new_position,
            } => {
                put_success(out, *input_handle_index);
                out.put_u64_le(*new_position);
            }
            SeekStreamResponse::Failure(h) => {
                check_failure(h, "RopSeekStream")?;
                h.encode(out);
            }
        }
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopCopyToStream

/// MS-OXCROPS 2.2.9.9.1 RopCopyToStream request (MS-OXCPRPT 2.2.22.1): copies bytes from the
/// source stream's seek pointer to the destination stream's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CopyToStreamRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the source Stream object.
    pub source_handle_index: u8,
    /// The handle table index of the destination Stream object.
    pub dest_handle_index: u8,
    /// How many bytes to copy.
    pub byte_count: u64,
}

/// MS-OXCROPS 2.2.9.9.2 / 2.2.9.9.3 RopCopyToStream response (MS-OXCPRPT 2.2.22.2): the byte
/// counts come with every ReturnValue; NullDestinationObject (0x00000503) adds the
/// DestHandleIndex in front of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CopyToStreamResponse {
    /// SourceHandleIndex and ReturnValue.
    pub header: ResponseHeader,
    /// DestHandleIndex (4 bytes), present exactly when ReturnValue is NullDestinationObject.
    pub dest_handle_index: Option<u32>,
    /// Bytes read from the source.
    pub read_byte_count: u64,
    /// Bytes written to the destination.
    pub written_byte_count: u64,
}

impl Rop for CopyToStreamRequest {
    const ID: RopId = RopId::COPY_TO_STREAM;
    type Response = CopyToStreamResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCopyToStream", input, |i| {
            let (i, (logon_id, source_handle_index)) = logon_and_handle(i)?;
            let (i, dest_handle_index) = le_u8(i)?;
            let (i, byte_count) = le_u64(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    source_handle_index,
                    dest_handle_index,
                    byte_count,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.source_handle_index);
        out.put_u8(self.dest_handle_index);
        out.put_u64_le(self.byte_count);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopCopyToStream", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            let (i, dest_handle_index) =
                if header.return_value == ErrorCode::NULL_DESTINATION_OBJECT {
                    let (i, d) = le_u32(i)?;
                    (i, Some(d))
                } else {
                    (i, None)
                };
            let (i, read_byte_count) = le_u64(i)?;
            let (i, written_byte_count) = le_u64(i)?;
            Ok((
                i,
                CopyToStreamResponse {
                    header,
                    dest_handle_index,
                    read_byte_count,
                    written_byte_count,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        let null_dest = response.header.return_value == ErrorCode::NULL_DESTINATION_OBJECT;
        if null_dest != response.dest_handle_index.is_some() {
            return Err(EncodeError::Invalid {
                structure: "RopCopyToStream",
                reason: "DestHandleIndex must be present exactly for NullDestinationObject",
            });
        }
        response.header.encode(out);
        if let Some(d) = response.dest_handle_index {
            out.put_u32_le(d);
        }
        out.put_u64_le(response.read_byte_count);
        out.put_u64_le(response.written_byte_count);
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        self.source_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopLockRegionStream, RopUnlockRegionStream

/// MS-OXCPRPT 2.2.24.1 LockFlags of RopLockRegionStream and RopUnlockRegionStream (the
/// unlock must repeat the lock's value). Every value other than 0x00000001 is an exclusive
/// lock; the value is kept as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct LockFlags(pub u32);

impl LockFlags {
    /// 0x00000001: others may still read the region, only the owner may write it.
    pub const WRITE_ONLY_BY_OWNER: Self = Self(0x0000_0001);
    /// 0x00000000 (or any value but 1): nobody but the owner may read or write the region.
    pub const EXCLUSIVE: Self = Self(0x0000_0000);

    /// Whether the lock keeps others from reading too.
    pub fn is_exclusive(self) -> bool {
        self.0 != 1
    }
}

/// MS-OXCROPS 2.2.9.10.1 RopLockRegionStream request (MS-OXCPRPT 2.2.24.1), RopId 0x5B
/// ([`RopId::LOCK_REGIONS`]); the same layout is RopUnlockRegionStream's (MS-OXCROPS
/// 2.2.9.11.1), see [`UnlockRegionsRequest`]. The response is a [`ResponseHeader`]
/// (2.2.9.10.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LockRegionsRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the Stream object.
    pub input_handle_index: u8,
    /// Where the region starts.
    pub region_offset: u64,
    /// The region's length in bytes.
    pub region_size: u64,
    /// The kind of lock.
    pub lock_flags: LockFlags,
}

/// MS-OXCROPS 2.2.9.11.1 RopUnlockRegionStream request (MS-OXCPRPT 2.2.25.1), RopId 0x5C:
/// releases a region that RopLockRegionStream locked (same fields; response 2.2.9.11.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct UnlockRegionsRequest(pub LockRegionsRequest);

impl LockRegionsRequest {
    fn decode_as<'a>(structure: &'static str, input: &'a [u8]) -> PResult<'a, Self> {
        named(structure, input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, region_offset) = le_u64(i)?;
            let (i, region_size) = le_u64(i)?;
            let (i, lock_flags) = le_u32(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    region_offset,
                    region_size,
                    lock_flags: LockFlags(lock_flags),
                },
            ))
        })
    }

    fn encode_as<B: BufMut>(&self, out: &mut B) {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u64_le(self.region_offset);
        out.put_u64_le(self.region_size);
        out.put_u32_le(self.lock_flags.0);
    }
}

impl Rop for LockRegionsRequest {
    const ID: RopId = RopId::LOCK_REGIONS;
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_as("RopLockRegionStream", input)
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_as(out);
        Ok(())
    }

    header_response!("RopLockRegionStream");

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

impl Rop for UnlockRegionsRequest {
    const ID: RopId = RopId::UNLOCK_REGIONS;
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        let (i, r) = LockRegionsRequest::decode_as("RopUnlockRegionStream", input)?;
        Ok((i, Self(r)))
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.0.encode_as(out);
        Ok(())
    }

    header_response!("RopUnlockRegionStream");

    fn input_handle_index(&self) -> u8 {
        self.0.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopCloneStream

/// MS-OXCROPS 2.2.9.13.1 RopCloneStream request (MS-OXCPRPT 2.2.27.1): a second Stream object
/// on the same data with its own seek pointer. The response is a [`ResponseHeader`] holding the
/// OutputHandleIndex (2.2.9.13.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CloneStreamRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the Stream object to clone.
    pub input_handle_index: u8,
    /// The handle table index for the clone.
    pub output_handle_index: u8,
}

impl Rop for CloneStreamRequest {
    const ID: RopId = RopId::CLONE_STREAM;
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCloneStream", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, output_handle_index) = le_u8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    output_handle_index,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.output_handle_index);
        Ok(())
    }

    header_response!("RopCloneStream");

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }

    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::rop::property::tests::{
        failure_s, header_s, request_from, request_prefixes_fail, request_round_trip,
        response_from, response_prefixes_fail, response_round_trip,
    };
    use proptest::prelude::*;

    /// MS-OXCPRPT 4.4.1.1: RopOpenStream on PidTagExtendedRuleMessageCondition, ReadWrite.
    #[test]
    fn spec_open_stream_request() {
        let bytes = [0x2B, 0x01, 0x00, 0x01, 0x02, 0x01, 0x9A, 0x0E, 0x01];
        let r: OpenStreamRequest = request_from(&bytes);
        assert_eq!(
            r,
            OpenStreamRequest {
                logon_id: 1,
                input_handle_index: 0,
                output_handle_index: 1,
                property_tag: PropertyTag(0x0E9A_0102),
                open_mode_flags: StreamOpenModeFlags::READ_WRITE,
            }
        );
        assert_eq!(r.output_handle_index(), Some(1));
        request_prefixes_fail::<OpenStreamRequest>(&bytes);
        // MS-OXCROPS 2.2.9.1.2 success layout: OutputHandleIndex, ReturnValue, StreamSize.
        let resp = [0x2B, 0x01, 0, 0, 0, 0, 0x10, 0x00, 0x00, 0x00];
        assert_eq!(
            response_from(&r, &resp),
            OpenStreamResponse::Success {
                output_handle_index: 1,
                stream_size: 16
            }
        );
        response_prefixes_fail(&r, &resp);
        // ecNotFound: just the header.
        let fail = [0x2B, 0x01, 0x0F, 0x01, 0x04, 0x80];
        assert!(matches!(
            response_from(&r, &fail),
            OpenStreamResponse::Failure(_)
        ));
    }

    #[test]
    fn read_stream_babe_sentinel() {
        // ByteCount 0xBABE: MaximumByteCount follows.
        let bytes = [0x2C, 0x00, 0x02, 0xBE, 0xBA, 0x00, 0x00, 0x01, 0x00];
        let r: ReadStreamRequest = request_from(&bytes);
        assert_eq!(r.maximum_byte_count, Some(0x0001_0000));
        assert_eq!(r.limit(), 0x0001_0000);
        request_prefixes_fail::<ReadStreamRequest>(&bytes);
        // Any other ByteCount stands alone.
        let bytes = [0x2C, 0x00, 0x02, 0x00, 0x10];
        let r: ReadStreamRequest = request_from(&bytes);
        assert_eq!((r.byte_count, r.maximum_byte_count), (0x1000, None));
        // A request that breaks the rule is not encodable.
        let bad = ReadStreamRequest {
            maximum_byte_count: Some(1),
            ..r
        };
        assert!(bad.encode_request(&mut Vec::new()).is_err());
        // The response carries DataSize and Data even on failure.
        let resp = [0x2C, 0x02, 0x05, 0x00, 0x07, 0x80, 0x02, 0x00, 0xAA, 0xBB];
        let back = response_from(&r, &resp);
        assert_eq!(back.header.return_value, ErrorCode(0x8007_0005));
        assert_eq!(back.data, [0xAA, 0xBB]);
        response_prefixes_fail(&r, &resp);
    }

    #[test]
    fn copy_to_stream_null_destination() {
        let req = CopyToStreamRequest {
            logon_id: 0,
            source_handle_index: 1,
            dest_handle_index: 2,
            byte_count: 100,
        };
        let mut resp = vec![0x3A, 0x01, 0x03, 0x05, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00];
        resp.extend_from_slice(&[0; 16]);
        let back = response_from(&req, &resp);
        assert_eq!(back.dest_handle_index, Some(2));
        response_prefixes_fail(&req, &resp);
        let bad = CopyToStreamResponse {
            dest_handle_index: None,
            ..back
        };
        assert!(
            req.encode_response(&bad, &ResponseContext::default(), &mut Vec::new())
                .is_err()
        );
    }

    #[test]
    fn hostile_data_size_fails_before_allocating() {
        let r = WriteStreamRequest::decode_request(&[0, 0, 0xFF, 0xFF, 1]);
        let Err(nom::Err::Error(e)) = r else {
            panic!("{r:?}")
        };
        assert!(matches!(
            e.kind,
            crate::wire::ErrorKind::LengthExceedsInput { .. }
        ));
        assert_eq!(e.structure, "RopWriteStream");
    }

    fn data_s() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(any::<u8>(), 0..64)
    }

    proptest! {
        #[test]
        fn open_stream_round_trip(
            l in any::<u8>(), i in any::<u8>(), o in any::<u8>(), t in any::<u32>(), m in any::<u8>(),
            size in any::<u32>(), fail in failure_s(),
        ) {
            let req = OpenStreamRequest {
                logon_id: l, input_handle_index: i, output_handle_index: o,
                property_tag: PropertyTag(t), open_mode_flags: StreamOpenModeFlags(m),
            };
            request_round_trip(&req)?;
            response_round_trip(&req, &OpenStreamResponse::Success { output_handle_index: o, stream_size: size })?;
            response_round_trip(&req, &OpenStreamResponse::Failure(fail))?;
        }

        #[test]
        fn read_stream_round_trip(
            l in any::<u8>(), i in any::<u8>(), count in any::<u16>(), max in any::<u32>(),
            header in header_s(), data in data_s(),
        ) {
            let req = ReadStreamRequest {
                logon_id: l, input_handle_index: i, byte_count: count,
                maximum_byte_count: (count == ReadStreamRequest::BABE).then_some(max),
            };
            request_round_trip(&req)?;
            let babe = ReadStreamRequest { byte_count: ReadStreamRequest::BABE, maximum_byte_count: Some(max), ..req };
            request_round_trip(&babe)?;
            response_round_trip(&req, &ReadStreamResponse { header, data })?;
        }

        #[test]
        fn write_stream_round_trip(
            l in any::<u8>(), i in any::<u8>(), data in data_s(), header in header_s(), written in any::<u16>(),
        ) {
            let req = WriteStreamRequest { logon_id: l, input_handle_index: i, data };
            let resp = WriteStreamResponse { header, written_size: written };
            request_round_trip(&req)?;
            response_round_trip(&req, &resp)?;
            let req = WriteAndCommitStreamRequest(req);
            request_round_trip(&req)?;
            response_round_trip(&req, &resp)?;
        }

        #[test]
        fn header_only_round_trips(
            l in any::<u8>(), i in any::<u8>(), o in any::<u8>(), size in any::<u64>(),
            off in any::<u64>(), len in any::<u64>(), flags in any::<u32>(), header in header_s(),
        ) {
            let commit = CommitStreamRequest { logon_id: l, input_handle_index: i };
            request_round_trip(&commit)?;
            response_round_trip(&commit, &header)?;
            let set = SetStreamSizeRequest { logon_id: l, input_handle_index: i, stream_size: size };
            request_round_trip(&set)?;
            response_round_trip(&set, &header)?;
            let lock = LockRegionsRequest {
                logon_id: l, input_handle_index: i, region_offset: off, region_size: len,
                lock_flags: LockFlags(flags),
            };
            request_round_trip(&lock)?;
            response_round_trip(&lock, &header)?;
            let unlock = UnlockRegionsRequest(lock);
            request_round_trip(&unlock)?;
            response_round_trip(&unlock, &header)?;
            let clone = CloneStreamRequest { logon_id: l, input_handle_index: i, output_handle_index: o };
            request_round_trip(&clone)?;
            response_round_trip(&clone, &header)?;
        }

        #[test]
        fn get_stream_size_round_trip(l in any::<u8>(), i in any::<u8>(), size in any::<u32>(), fail in failure_s()) {
            let req = GetStreamSizeRequest { logon_id: l, input_handle_index: i };
            request_round_trip(&req)?;
            response_round_trip(&req, &GetStreamSizeResponse::Success { input_handle_index: i, stream_size: size })?;
            response_round_trip(&req, &GetStreamSizeResponse::Failure(fail))?;
        }

        #[test]
        fn seek_stream_round_trip(
            l in any::<u8>(), i in any::<u8>(), origin in any::<u8>(), off in any::<u64>(),
            pos in any::<u64>(), fail in failure_s(),
        ) {
            let req = SeekStreamRequest { logon_id: l, input_handle_index: i, origin: SeekOrigin(origin), offset: off };
            request_round_trip(&req)?;
            response_round_trip(&req, &SeekStreamResponse::Success { input_handle_index: i, new_position: pos })?;
            response_round_trip(&req, &SeekStreamResponse::Failure(fail))?;
        }

        #[test]
        fn copy_to_stream_round_trip(
            l in any::<u8>(), s in any::<u8>(), d in any::<u8>(), n in any::<u64>(),
            header in header_s(), dest in any::<u32>(), read in any::<u64>(), written in any::<u64>(),
        ) {
            let req = CopyToStreamRequest { logon_id: l, source_handle_index: s, dest_handle_index: d, byte_count: n };
            request_round_trip(&req)?;
            let dest = (header.return_value == ErrorCode::NULL_DESTINATION_OBJECT).then_some(dest);
            response_round_trip(&req, &CopyToStreamResponse {
                header, dest_handle_index: dest, read_byte_count: read, written_byte_count: written,
            })?;
            let null = ResponseHeader { handle_index: s, return_value: ErrorCode::NULL_DESTINATION_OBJECT };
            response_round_trip(&req, &CopyToStreamResponse {
                header: null, dest_handle_index: Some(u32::from(d)), read_byte_count: read, written_byte_count: written,
            })?;
        }

        /// Arbitrary bytes never panic any decoder of this family.
        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let ctx = ResponseContext::default();
            let _ = OpenStreamRequest::decode_request(&bytes);
            let _ = ReadStreamRequest::decode_request(&bytes);
            let _ = WriteStreamRequest::decode_request(&bytes);
            let _ = WriteAndCommitStreamRequest::decode_request(&bytes);
            let _ = CommitStreamRequest::decode_request(&bytes);
            let _ = GetStreamSizeRequest::decode_request(&bytes);
            let _ = SetStreamSizeRequest::decode_request(&bytes);
            let _ = SeekStreamRequest::decode_request(&bytes);
            let _ = CopyToStreamRequest::decode_request(&bytes);
            let _ = LockRegionsRequest::decode_request(&bytes);
            let _ = UnlockRegionsRequest::decode_request(&bytes);
            let _ = CloneStreamRequest::decode_request(&bytes);
            let read = ReadStreamRequest { logon_id: 0, input_handle_index: 0, byte_count: 10, maximum_byte_count: None };
            let _ = read.decode_response(&ctx, &bytes);
            let copy = CopyToStreamRequest { logon_id: 0, source_handle_index: 0, dest_handle_index: 1, byte_count: 1 };
            let _ = copy.decode_response(&ctx, &bytes);
            let seek = SeekStreamRequest { logon_id: 0, input_handle_index: 0, origin: SeekOrigin::END, offset: 0 };
            let _ = seek.decode_response(&ctx, &bytes);
        }
    }
}
