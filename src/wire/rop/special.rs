//! Other ROPs (MS-OXCROPS 2.2.15): RopRelease and RopProgress, and the responses a server sends
//! with no request of their own (RopBackoff, RopBufferTooSmall, RopPending).

use bytes::BufMut;
use serde::Serialize;

use crate::wire::error::{EncodeError, PResult, named};
use crate::wire::primitives::{
    CountWidth, bool8, counted, put_counted_bytes, take_len, u8 as le_u8, u16 as le_u16,
    u32 as le_u32,
};

use super::store::{header_then, put_failure, put_success};
use super::{NoResponse, ResponseContext, ResponseHeader, Rop, RopId};

/// MS-OXCROPS 2.2.15.3.1 RopRelease request: frees the object at InputHandleIndex. The server
/// sends no response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex of the object to release.
    pub input_handle_index: u8,
}

impl Rop for ReleaseRequest {
    const ID: RopId = RopId::RELEASE;
    type Response = NoResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopRelease", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
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
    ) -> PResult<'a, NoResponse> {
        crate::wire::error::fail(
            input,
            "RopRelease",
            crate::wire::ErrorKind::Syntax("RopRelease has no response"),
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &NoResponse,
        _ctx: &ResponseContext<'_>,
        _out: &mut B,
    ) -> Result<(), EncodeError> {
        match *response {}
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

/// MS-OXCROPS 2.2.8.13.1 RopProgress request (MS-OXCPRPT 2.2.23): asks how far an
/// asynchronous operation got, or cancels it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex of the Progress object.
    pub input_handle_index: u8,
    /// WantCancel: abort the operation.
    pub want_cancel: bool,
}

/// MS-OXCROPS 2.2.8.13.2 RopProgress response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ProgressResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// LogonId.
        logon_id: u8,
        /// CompletedTaskCount.
        completed_task_count: u32,
        /// TotalTaskCount.
        total_task_count: u32,
    },
    /// Nonzero ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for ProgressRequest {
    const ID: RopId = RopId::PROGRESS;
    type Response = ProgressResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopProgress", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, want_cancel) = bool8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    want_cancel,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(u8::from(self.want_cancel));
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, ProgressResponse> {
        header_then(
            "RopProgress",
            input,
            |input_handle_index, i| {
                let (i, logon_id) = le_u8(i)?;
                let (i, completed_task_count) = le_u32(i)?;
                let (i, total_task_count) = le_u32(i)?;
                Ok((
                    i,
                    ProgressResponse::Success {
                        input_handle_index,
                        logon_id,
                        completed_task_count,
                        total_task_count,
                    },
                ))
            },
            ProgressResponse::Failure,
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &ProgressResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            ProgressResponse::Success {
                input_handle_index,
                logon_id,
                completed_task_count,
                total_task_count,
            } => {
                put_success(out, *input_handle_index);
                out.put_u8(*logon_id);
                out.put_u32_le(*completed_task_count);
                out.put_u32_le(*total_task_count);
                Ok(())
            }
            ProgressResponse::Failure(h) => put_failure(out, h, "RopProgress"),
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

/// One BackoffRopData entry of RopBackoff (MS-OXCROPS 2.2.15.2.1.1): a ROP the client must not
/// send again for Duration milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BackoffRop {
    /// RopIdBackoff.
    pub rop_id: RopId,
    /// Duration in milliseconds.
    pub duration: u32,
}

/// MS-OXCROPS 2.2.15.2 RopBackoff (0xF9), sent by the server without a request: the client
/// must slow down for the logon, or for the listed ROPs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackoffResponse {
    /// LogonId the back-off applies to.
    pub logon_id: u8,
    /// Duration in milliseconds for the whole logon.
    pub duration: u32,
    /// BackoffRopData (BackoffRopCount u8 entries).
    pub backoff_rops: Vec<BackoffRop>,
    /// AdditionalData (AdditionalDataSize u16 bytes).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub additional_data: Vec<u8>,
}

impl BackoffResponse {
    /// The RopId that starts this response.
    pub const ID: RopId = RopId::BACKOFF;

    /// Decodes the fields after the RopId byte.
    pub fn decode(input: &[u8]) -> PResult<'_, Self> {
        named("RopBackoff", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, duration) = le_u32(i)?;
            let (i, n) = le_u8(i)?;
            let (i, backoff_rops) = counted(i, usize::from(n), 5, "BackoffRopCount", |i| {
                let (i, id) = le_u8(i)?;
                let (i, duration) = le_u32(i)?;
                Ok((
                    i,
                    BackoffRop {
                        rop_id: RopId(id),
                        duration,
                    },
                ))
            })?;
            let (i, size) = le_u16(i)?;
            let (i, data) = take_len(i, usize::from(size), "AdditionalDataSize")?;
            Ok((
                i,
                Self {
                    logon_id,
                    duration,
                    backoff_rops,
                    additional_data: data.to_vec(),
                },
            ))
        })
    }

    /// Encodes the fields after the RopId byte.
    pub fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u32_le(self.duration);
        let n = u8::try_from(self.backoff_rops.len()).map_err(|_| EncodeError::TooLong {
            structure: "RopBackoff",
            field: "BackoffRopCount",
            len: self.backoff_rops.len(),
            max: usize::from(u8::MAX),
        })?;
        out.put_u8(n);
        for r in &self.backoff_rops {
            out.put_u8(r.rop_id.0);
            out.put_u32_le(r.duration);
        }
        put_counted_bytes(out, &self.additional_data, CountWidth::U16, "RopBackoff")
    }
}

/// MS-OXCROPS 2.2.15.1 RopBufferTooSmall (0xFF), sent by the server without a request when the
/// response buffer cannot hold the next response: SizeNeeded, then the request ROPs it did not
/// process, as bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BufferTooSmallResponse {
    /// SizeNeeded: the response buffer size the next ROP needs.
    pub size_needed: u16,
    /// RequestBuffers: the unprocessed request ROPs.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub request_buffers: Vec<u8>,
}

impl BufferTooSmallResponse {
    /// The RopId that starts this response.
    pub const ID: RopId = RopId::BUFFER_TOO_SMALL;

    /// Decodes the fields after the RopId byte. RequestBuffers has no length of its own: it
    /// runs to the end of `input`, which the caller bounds to the ROP buffer (RopSize).
    pub fn decode(input: &[u8]) -> PResult<'_, Self> {
        named("RopBufferTooSmall", input, |i| {
            let (i, size_needed) = le_u16(i)?;
            Ok((
                &i[i.len()..],
                Self {
                    size_needed,
                    request_buffers: i.to_vec(),
                },
            ))
        })
    }

    /// Encodes the fields after the RopId byte.
    pub fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u16_le(self.size_needed);
        out.put_slice(&self.request_buffers);
        Ok(())
    }
}

/// MS-OXCROPS 2.2.14.3 RopPending (0x6E), sent by the server without a request: notifications
/// are waiting for the session SessionIndex (MS-OXCNOTIF 2.2.1.4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PendingResponse {
    /// SessionIndex with pending notifications.
    pub session_index: u16,
}

impl PendingResponse {
    /// The RopId that starts this response.
    pub const ID: RopId = RopId::PENDING;

    /// Decodes the fields after the RopId byte.
    pub fn decode(input: &[u8]) -> PResult<'_, Self> {
        named("RopPending", input, |i| {
            let (i, session_index) = le_u16(i)?;
            Ok((i, Self { session_index }))
        })
    }

    /// Encodes the fields after the RopId byte.
    pub fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u16_le(self.session_index);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ErrorCode;
    use crate::wire::ErrorKind;
    use crate::wire::rop::store::tests::{is_error, request_exact, rop_payload, round_trip};
    use proptest::prelude::*;

    #[test]
    fn recorded_release() {
        // session-logon.har entry 4: RopRelease of the logon; the response has no ROPs.
        let req = rop_payload("session-logon/04-execute-request.bin");
        assert_eq!(req[2], RopId::RELEASE.0);
        let r: ReleaseRequest = request_exact(&req[3..5]);
        assert_eq!(
            r,
            ReleaseRequest {
                logon_id: 0,
                input_handle_index: 0
            }
        );
        let resp = rop_payload("session-logon/04-execute-response.bin");
        assert_eq!(resp[..2], [2, 0]);
        assert!(r.decode_response(&ResponseContext::default(), &[]).is_err());
    }

    #[test]
    fn unsolicited_layouts() {
        let b = [
            3, 0xE8, 3, 0, 0, 1, 0x15, 0x10, 0x27, 0, 0, 2, 0, 0xAA, 0xBB,
        ];
        let (rest, r) = BackoffResponse::decode(&b).unwrap();
        assert!(rest.is_empty());
        assert_eq!(r.duration, 1000);
        assert_eq!(
            r.backoff_rops,
            [BackoffRop {
                rop_id: RopId::QUERY_ROWS,
                duration: 10000
            }]
        );
        let mut out = Vec::new();
        r.encode(&mut out).unwrap();
        assert_eq!(out, b);
        let (rest, p) = PendingResponse::decode(&[7, 0]).unwrap();
        assert!(rest.is_empty());
        assert_eq!(p.session_index, 7);
        let (rest, t) = BufferTooSmallResponse::decode(&[0x00, 0x10, 0x15, 0, 1]).unwrap();
        assert!(rest.is_empty());
        assert_eq!(t.size_needed, 0x1000);
        assert_eq!(t.request_buffers, [0x15, 0, 1]);
        assert!(matches!(
            is_error(BackoffResponse::decode(&[0, 0, 0, 0, 0, 9, 1])),
            ErrorKind::LengthExceedsInput { .. }
        ));
        assert!(BufferTooSmallResponse::decode(&[1]).is_err());
    }

    proptest! {
        #[test]
        fn progress_round_trip(
            l in any::<u8>(), h in any::<u8>(), c in any::<bool>(), ok in any::<bool>(),
            done in any::<u32>(), total in any::<u32>(), rv in 1u32..,
        ) {
            let req = ProgressRequest { logon_id: l, input_handle_index: h, want_cancel: c };
            let resp = if ok {
                ProgressResponse::Success { input_handle_index: h, logon_id: l, completed_task_count: done, total_task_count: total }
            } else {
                ProgressResponse::Failure(ResponseHeader { handle_index: h, return_value: ErrorCode(rv) })
            };
            round_trip(&req, &resp);
            let rel = ReleaseRequest { logon_id: l, input_handle_index: h };
            let mut out = Vec::new();
            rel.encode_request(&mut out).unwrap();
            prop_assert_eq!(ReleaseRequest::decode_request(&out).unwrap().1, rel);
        }

        #[test]
        fn unsolicited_round_trip(
            l in any::<u8>(), d in any::<u32>(),
            rops in prop::collection::vec((any::<u8>(), any::<u32>()), 0..5),
            extra in prop::collection::vec(any::<u8>(), 0..30), s in any::<u16>(),
        ) {
            let b = BackoffResponse {
                logon_id: l, duration: d,
                backoff_rops: rops.into_iter().map(|(id, duration)| BackoffRop { rop_id: RopId(id), duration }).collect(),
                additional_data: extra.clone(),
            };
            let mut out = Vec::new();
            b.encode(&mut out).unwrap();
            let (rest, back) = BackoffResponse::decode(&out).unwrap();
            prop_assert!(rest.is_empty());
            prop_assert_eq!(back, b);
            for k in 0..out.len() {
                prop_assert!(BackoffResponse::decode(&out[..k]).is_err());
            }
            let t = BufferTooSmallResponse { size_needed: s, request_buffers: extra };
            let mut out = Vec::new();
            t.encode(&mut out).unwrap();
            prop_assert_eq!(BufferTooSmallResponse::decode(&out).unwrap().1, t);
            let p = PendingResponse { session_index: s };
            let mut out = Vec::new();
            p.encode(&mut out).unwrap();
            prop_assert_eq!(PendingResponse::decode(&out).unwrap().1, p);
        }
    }
}
