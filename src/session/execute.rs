//! One Execute round trip as a batch of ROPs: building the request body (ROP buffer, handle
//! table, RPC_HEADER_EXT) and lining the response up against the requests.
//!
//! Several ROPs travel in one Execute wherever handle indexes can chain them (MS-OXCROPS
//! 3.1.4.1): a ROP that creates an object writes its server handle into a slot of the
//! ServerObjectHandleTable, and later ROPs in the same buffer name that slot as their input.

use std::collections::HashMap;

use crate::wire::error::EncodeError;
use crate::wire::mapihttp::{ExecuteFlags, ExecuteRequest, ExecuteResponse};
use crate::wire::property::PropertyTag;
use crate::wire::rop::any::{
    ColumnState, RopRequest, RopResponse, UndecodedTail, decode_output_buffers, encode_requests,
    join_packed,
};
use crate::wire::rop::buffer::RopBuffer;
use crate::wire::rop::special::BufferTooSmallResponse;
use crate::wire::rop::table::TableStatusResponse;
use crate::wire::rpc_ext::{EncodeOptions, decode_chain, encode_chain};
use crate::wire::{DecodeError, ErrorCode, Wire};

/// The handle value of an empty slot (MS-OXCROPS 2.2.1: a slot a ROP will fill).
pub const EMPTY_SLOT: u32 = 0xFFFF_FFFF;

/// Most slots one ROP buffer can address: handle indexes are one byte.
pub const MAX_SLOTS: usize = 255;

/// Why a batch could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// More than [`MAX_SLOTS`] handle slots.
    #[error("a ROP buffer addresses at most {MAX_SLOTS} handle slots")]
    TooManySlots,
    /// A request could not be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
}

/// Why an Execute response could not be lined up with its batch.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReplyError {
    /// The body, an extended buffer or a ROP buffer did not decode.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// StatusCode non-zero: the server refused the Execute as a whole.
    #[error("Execute failed with StatusCode {status_code}")]
    Failed {
        /// StatusCode (MS-OXCMAPIHTTP 2.2.2.2: the request failed before any ROP ran).
        status_code: u32,
    },
}

/// The ROPs of one Execute and the handle table they use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RopBatch {
    requests: Vec<RopRequest>,
    handles: Vec<u32>,
}

impl RopBatch {
    /// An empty batch (an Execute with no ROPs is how a client collects pending RopNotify).
    pub fn new() -> Self {
        Self::default()
    }

    /// The slot holding the existing server object `handle` (shared when asked twice).
    pub fn slot(&mut self, handle: u32) -> Result<u8, BatchError> {
        if handle != EMPTY_SLOT
            && let Some(i) = self.handles.iter().position(|h| *h == handle)
        {
            return u8::try_from(i).map_err(|_| BatchError::TooManySlots);
        }
        self.push_slot(handle)
    }

    /// A new empty slot for an object a request in this batch will create.
    pub fn new_slot(&mut self) -> Result<u8, BatchError> {
        self.push_slot(EMPTY_SLOT)
    }

    fn push_slot(&mut self, handle: u32) -> Result<u8, BatchError> {
        if self.handles.len() >= MAX_SLOTS {
            return Err(BatchError::TooManySlots);
        }
        self.handles.push(handle);
        u8::try_from(self.handles.len() - 1).map_err(|_| BatchError::TooManySlots)
    }

    /// Appends a request; returns its position in the batch.
    pub fn push(&mut self, request: RopRequest) -> usize {
        self.requests.push(request);
        self.requests.len() - 1
    }

    /// The requests in order.
    pub fn requests(&self) -> &[RopRequest] {
        &self.requests
    }

    /// The handle table sent.
    pub fn handles(&self) -> &[u32] {
        &self.handles
    }

    /// Whether the batch holds no ROP.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
    }

    /// The ROP input buffer (RopSize, ROPs, handle table).
    pub fn rop_buffer(&self) -> Result<Vec<u8>, BatchError> {
        let rops = encode_requests(&self.requests)?;
        RopBuffer {
            rops,
            handles: self.handles.clone(),
        }
        .to_bytes()
        .map_err(BatchError::from)
    }

    /// The Execute request body: the ROP buffer in one RPC_HEADER_EXT (compressed and
    /// obfuscated as `options` say), `flags` for the response, and `max_rop_out`.
    pub fn execute_body(
        &self,
        flags: ExecuteFlags,
        options: EncodeOptions,
        max_rop_out: u32,
    ) -> Result<Vec<u8>, BatchError> {
        let payload = self.rop_buffer()?;
        let mut rop_buffer = Vec::with_capacity(payload.len() + 8);
        encode_chain(&[&payload], options, &mut rop_buffer)?;
        ExecuteRequest {
            flags,
            rop_buffer,
            max_rop_out,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .map_err(BatchError::from)
    }

    /// Lines the Execute response `body` up with this batch. `columns` holds the columns set
    /// earlier on tables by server handle (for RopQueryRows, RopFindRow, RopExpandRow and
    /// table notifications).
    pub fn decode_reply(
        &self,
        body: &[u8],
        columns: &HashMap<u32, Vec<PropertyTag>>,
    ) -> Result<BatchReply, ReplyError> {
        let (error_code, rop_buffer) = match ExecuteResponse::from_bytes(body)? {
            ExecuteResponse::Success {
                error_code,
                rop_buffer,
                ..
            } => (error_code, rop_buffer),
            ExecuteResponse::Failure(f) => {
                return Err(ReplyError::Failed {
                    status_code: f.status_code,
                });
            }
        };
        if error_code.0 != 0 {
            // MS-OXCRPC 3.1.4.2: with a non-zero ErrorCode the output buffer is not valid.
            return Ok(BatchReply {
                error_code,
                answers: vec![None; self.requests.len()],
                unsolicited: Vec::new(),
                buffer_too_small: None,
                handles: self.handles.clone(),
                undecoded: None,
            });
        }
        let buffers = decode_chain(&rop_buffer)?;
        let payloads: Vec<&[u8]> = buffers.iter().map(|b| &b.payload[..]).collect();
        let known = ColumnState {
            by_index: self
                .handles
                .iter()
                .enumerate()
                .filter_map(|(i, h)| Some((u8::try_from(i).ok()?, columns.get(h)?.clone())))
                .collect(),
            by_handle: columns.clone(),
        };
        let decoded = decode_output_buffers(&self.requests, &known, &payloads)?;
        let handles = decoded
            .first()
            .map(|b| b.handles.clone())
            .unwrap_or_default();
        let list = join_packed(decoded);
        let mut answers: Vec<Option<RopResponse>> = vec![None; self.requests.len()];
        let mut next = self
            .requests
            .iter()
            .enumerate()
            .filter(|(_, r)| r.has_response())
            .map(|(i, _)| i);
        let mut unsolicited = Vec::new();
        let mut buffer_too_small = None;
        for response in list.responses {
            match response {
                RopResponse::Notify(_) | RopResponse::Pending(_) | RopResponse::Backoff(_) => {
                    unsolicited.push(response)
                }
                RopResponse::BufferTooSmall(b) => buffer_too_small = Some(b),
                answer => {
                    // decode_responses already refused answers with no request left.
                    if let Some(slot) = next.next().and_then(|i| answers.get_mut(i)) {
                        *slot = Some(answer);
                    }
                }
            }
        }
        Ok(BatchReply {
            error_code,
            answers,
            unsolicited,
            buffer_too_small,
            handles,
            undecoded: list.undecoded,
        })
    }
}

/// An Execute response lined up with its batch.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchReply {
    /// The Execute's own ErrorCode (ROP results are in the answers).
    pub error_code: ErrorCode,
    /// One entry per request: its response, or `None` for RopRelease and for requests the
    /// server did not reach (after RopBufferTooSmall, or when it stopped early).
    pub answers: Vec<Option<RopResponse>>,
    /// RopNotify, RopPending and RopBackoff responses, in the order they came.
    pub unsolicited: Vec<RopResponse>,
    /// The RopBufferTooSmall that ended the list, if any.
    pub buffer_too_small: Option<BufferTooSmallResponse>,
    /// The handle table returned: slots of created objects now hold their server handles.
    pub handles: Vec<u32>,
    /// Responses that could not be decoded for lack of context.
    pub undecoded: Option<UndecodedTail>,
}

impl BatchReply {
    /// The server handle in slot `index` after the Execute (`None` if the slot is empty or
    /// past the table).
    pub fn handle(&self, index: u8) -> Option<u32> {
        self.handles
            .get(usize::from(index))
            .copied()
            .filter(|h| *h != EMPTY_SLOT)
    }

    /// The requests the server did not process because the output buffer was full: the
    /// batch to send again, with a larger MaxRopOut (MS-OXCROPS 3.1.4.1.1).
    pub fn unprocessed<'b>(&self, batch: &'b RopBatch) -> &'b [RopRequest] {
        if self.buffer_too_small.is_none() {
            return &[];
        }
        let first = self
            .answers
            .iter()
            .zip(batch.requests())
            .position(|(a, r)| a.is_none() && r.has_response())
            .unwrap_or(batch.requests().len());
        batch.requests().get(first..).unwrap_or_default()
    }

    /// The batch to send next when the server stopped at a RopBufferTooSmall: the requests
    /// it did not reach, over the handle table as the server returned it (slots of objects
    /// created before the stop now hold their handles). MS-OXCROPS 3.1.4.1.1.
    pub fn continuation(&self, batch: &RopBatch) -> Option<RopBatch> {
        let rest = self.unprocessed(batch);
        if rest.is_empty() {
            return None;
        }
        Some(RopBatch {
            requests: rest.to_vec(),
            handles: if self.handles.len() == batch.handles.len() {
                self.handles.clone()
            } else {
                batch.handles.clone()
            },
        })
    }

    /// Columns that successful RopSetColumns in the batch set, by the server handle of their
    /// table, for the caller's column map.
    pub fn columns_set(&self, batch: &RopBatch) -> Vec<(u32, Vec<PropertyTag>)> {
        batch
            .requests()
            .iter()
            .zip(&self.answers)
            .filter_map(|(request, answer)| match (request, answer) {
                (
                    RopRequest::SetColumns(set),
                    Some(RopResponse::SetColumns(TableStatusResponse::Success { .. })),
                ) => Some((
                    self.handle(set.input_handle_index)?,
                    set.property_tags.clone(),
                )),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::mapihttp::FailureResponse;
    use crate::wire::rop::any::encode_responses;
    use crate::wire::rop::special::ReleaseRequest;
    use crate::wire::rop::store::{GetStoreStateRequest, GetStoreStateResponse, StoreState};

    fn state_request(index: u8) -> RopRequest {
        RopRequest::GetStoreState(GetStoreStateRequest {
            logon_id: 0,
            input_handle_index: index,
        })
    }

    fn state_response(index: u8) -> RopResponse {
        RopResponse::GetStoreState(GetStoreStateResponse::Success {
            input_handle_index: index,
            store_state: StoreState(0),
        })
    }

    /// An Execute response body whose one ROP output buffer holds `responses`.
    fn reply_body(batch: &RopBatch, responses: &[RopResponse], handles: Vec<u32>) -> Vec<u8> {
        let rops = encode_responses(batch.requests(), &ColumnState::default(), responses).unwrap();
        let payload = RopBuffer { rops, handles }.to_bytes().unwrap();
        let mut rop_buffer = Vec::new();
        encode_chain(&[&payload], EncodeOptions::default(), &mut rop_buffer).unwrap();
        ExecuteResponse::Success {
            error_code: ErrorCode(0),
            flags: 0,
            rop_buffer,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap()
    }

    #[test]
    fn slots_are_shared_for_one_handle_and_bounded() {
        let mut batch = RopBatch::new();
        assert_eq!(batch.slot(0x10).unwrap(), 0);
        assert_eq!(batch.new_slot().unwrap(), 1);
        assert_eq!(batch.slot(0x10).unwrap(), 0);
        assert_eq!(batch.new_slot().unwrap(), 2);
        while batch.handles().len() < MAX_SLOTS {
            batch.new_slot().unwrap();
        }
        assert_eq!(batch.new_slot(), Err(BatchError::TooManySlots));
        assert_eq!(batch.slot(0x99), Err(BatchError::TooManySlots));
    }

    #[test]
    fn releases_have_no_answer_and_the_rest_line_up() {
        let mut batch = RopBatch::new();
        let a = batch.slot(0x10).unwrap();
        let b = batch.slot(0x20).unwrap();
        batch.push(state_request(a));
        batch.push(RopRequest::Release(ReleaseRequest {
            logon_id: 0,
            input_handle_index: b,
        }));
        batch.push(state_request(a));
        let body = reply_body(
            &batch,
            &[state_response(a), state_response(a)],
            vec![0x10, 0x20],
        );
        let reply = batch.decode_reply(&body, &HashMap::new()).unwrap();
        assert_eq!(reply.answers[0], Some(state_response(a)));
        assert_eq!(reply.answers[1], None);
        assert_eq!(reply.answers[2], Some(state_response(a)));
        assert!(reply.unprocessed(&batch).is_empty());
        assert_eq!(reply.handle(1), Some(0x20));
    }

    #[test]
    fn buffer_too_small_leaves_the_rest_to_send_again() {
        let mut batch = RopBatch::new();
        let a = batch.slot(0x10).unwrap();
        for _ in 0..3 {
            batch.push(state_request(a));
        }
        let rest = encode_requests(&batch.requests()[1..]).unwrap();
        let too_small = RopResponse::BufferTooSmall(BufferTooSmallResponse {
            size_needed: 0x100,
            request_buffers: rest,
        });
        let body = reply_body(&batch, &[state_response(a), too_small], vec![0x10]);
        let reply = batch.decode_reply(&body, &HashMap::new()).unwrap();
        assert_eq!(
            reply.buffer_too_small.as_ref().map(|b| b.size_needed),
            Some(0x100)
        );
        assert_eq!(reply.unprocessed(&batch), &batch.requests()[1..]);
    }

    #[test]
    fn execute_failures_are_typed() {
        let batch = RopBatch::new();
        let body = ExecuteResponse::Failure(FailureResponse {
            status_code: 5,
            auxiliary_buffer: Vec::new(),
        })
        .to_bytes()
        .unwrap();
        assert_eq!(
            batch.decode_reply(&body, &HashMap::new()),
            Err(ReplyError::Failed { status_code: 5 })
        );
        assert!(matches!(
            batch.decode_reply(b"\x00\x00", &HashMap::new()),
            Err(ReplyError::Decode(_))
        ));
    }

    #[test]
    fn an_empty_batch_is_a_valid_execute() {
        let batch = RopBatch::new();
        assert_eq!(batch.rop_buffer().unwrap(), vec![2, 0]);
        let body = batch
            .execute_body(ExecuteFlags(0), EncodeOptions::default(), 0x40000)
            .unwrap();
        let request = ExecuteRequest::from_bytes(&body).unwrap();
        assert_eq!(request.max_rop_out, 0x40000);
    }
}
