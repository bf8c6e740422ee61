//! The server side of Execute (MS-OXCMAPIHTTP 2.2.4.2, the EcDoRpcExt2 of MS-OXCRPC 3.1.4.2):
//! ROP input buffer in, ROP output buffer out, with the ROPs themselves handed to a
//! [`RopHandler`].
//!
//! The engine owns what Exchange does around the ROPs, whatever they are:
//! - parsing the request (RPC_HEADER_EXT chain, RopSize, ROPs, handle table), and failing the
//!   whole call with ecRpcFormat when it cannot (MS-OXCROPS 3.2.5.1);
//! - the handle table and the server object table: resolving InputHandleIndex to an object of
//!   the ROP's logon (ecNullObject when it cannot, MS-OXCROPS 3.2.5.1), storing new objects'
//!   handles at OutputHandleIndex, RopRelease with what hangs under the released object
//!   (MS-OXCROPS 3.2.5.3);
//! - the output budget: MaxRopOut and 32 KB per extended buffer, RopBufferTooSmall when a
//!   response does not fit (MS-OXCROPS 3.2.5.2, 2.2.15.1), packed continuation buffers for
//!   the last ROP when the client asked for Chain (MS-OXCRPC 3.1.4.2.1.2);
//! - compression and obfuscation as the Execute flags allow (MS-OXCRPC 3.1.4.2);
//! - the unsolicited responses: queued RopNotify, RopPending when they do not all fit
//!   (MS-OXCNOTIF 3.1.5.7), injected RopBackoff (MS-OXCROPS 2.2.15.2).

mod objects;
#[cfg(test)]
mod tests;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

use crate::wire::auxbuf::AuxiliaryBuffer;
use crate::wire::mapihttp::{ExecuteFlags, ExecuteRequest, ExecuteResponse};
use crate::wire::property::PropertyTag;
use crate::wire::rop::any::{LogonKinds, RopRequest, RopResponse, failure_response, is_packable};
use crate::wire::rop::buffer::RopBuffer;
use crate::wire::rop::notify::NotifyResponse;
use crate::wire::rop::special::{BackoffResponse, BufferTooSmallResponse, PendingResponse};
use crate::wire::rop::{ResponseContext, RopId};
use crate::wire::rpc_ext::{self, EncodeOptions, MAX_PAYLOAD_SIZE, RpcHeaderExt};
use crate::wire::{DecodeError, ErrorCode, ErrorKind, Wire};

pub use objects::{NULL_HANDLE, ObjectTable};

/// What a handler answers to one ROP request.
#[derive(Debug)]
pub struct Outcome<O> {
    /// The response; for a failure, [`failure_response`] builds the right layout.
    pub response: RopResponse,
    /// The object the ROP opened or created, for ROPs with an OutputHandleIndex. The engine
    /// stores it, owned by the ROP's input object (by nothing for RopLogon), and puts its
    /// handle in the handle table.
    pub created: Option<O>,
    /// For the last ROP of a Chain request when it may pack (RopQueryRows with
    /// EnablePackedBuffers, RopReadStream): the response was cut to fit and there is more.
    /// The engine then calls the handler again for a continuation buffer
    /// ([`RopCx::continuation`]) while the output budget allows.
    pub more: bool,
}

impl<O> Outcome<O> {
    /// A response that creates nothing.
    pub fn respond(response: RopResponse) -> Self {
        Outcome {
            response,
            created: None,
            more: false,
        }
    }

    /// A response with a new object to store at the request's OutputHandleIndex.
    pub fn created(response: RopResponse, object: O) -> Self {
        Outcome {
            response,
            created: Some(object),
            more: false,
        }
    }

    /// The failure response to `request` with ReturnValue `code`.
    pub fn fail(request: &RopRequest, code: ErrorCode) -> Self {
        Outcome::respond(failure_or_general(request, code))
    }

    /// This outcome, marked as cut to fit with more to come (see [`Outcome::more`]).
    pub fn with_more(mut self, more: bool) -> Self {
        self.more = more;
        self
    }
}

/// The ROP handlers: everything about ROPs that depends on what the objects are.
///
/// The engine calls [`RopHandler::handle`] for every request but RopRelease, after resolving
/// the request's input object; requests whose input cannot be resolved never reach it (they
/// fail with ecNullObject).
pub trait RopHandler {
    /// What a Server object is for these handlers (logon, folder, table, message, stream...).
    type Object: Send;

    /// Handles one request. `cx` gives the input object, the other objects, the room left in
    /// the output buffer and the notification queue.
    fn handle(
        &mut self,
        cx: &mut RopCx<'_, Self::Object>,
        request: &RopRequest,
    ) -> Outcome<Self::Object>;

    /// Called for every object the engine drops: RopRelease (the object and all it owns,
    /// owned ones first), session end, or an object created by a ROP whose response could
    /// not be sent (RopBufferTooSmall) or that had no OutputHandleIndex to go to.
    fn released(&mut self, handle: u32, object: Self::Object) {
        let _ = (handle, object);
    }

    /// The columns set on a table object (RopSetColumns), which the responses of RopQueryRows,
    /// RopFindRow and RopExpandRow and the rows of table notifications are laid out against.
    /// `None` for objects that are not tables or have no columns yet.
    fn table_columns(&self, object: &Self::Object) -> Option<Vec<PropertyTag>> {
        let _ = object;
        None
    }
}

/// What a handler sees of the engine while it handles one request.
pub struct RopCx<'a, O> {
    objects: &'a mut ObjectTable<O>,
    handles: &'a [u32],
    input: Option<u32>,
    logon_id: u8,
    room: usize,
    continuation: usize,
    can_pack: bool,
    notifications: &'a NotificationQueue,
}

impl<O> RopCx<'_, O> {
    /// The request's LogonId.
    pub fn logon_id(&self) -> u8 {
        self.logon_id
    }

    /// The handle of the input object; `None` for RopLogon, which has none.
    pub fn input_handle(&self) -> Option<u32> {
        self.input
    }

    /// The input object.
    pub fn input(&self) -> Option<&O> {
        self.input.and_then(|h| self.objects.get(h))
    }

    /// The input object, mutably.
    pub fn input_mut(&mut self) -> Option<&mut O> {
        self.input.and_then(|h| self.objects.get_mut(h))
    }

    /// The handle at `index` of the request's handle table if it names an object of this
    /// ROP's logon: for the second indexes some ROPs carry (RopCopyTo's DestHandleIndex,
    /// RopMoveCopyMessages, RopMoveFolder ...). `None` is the handler's ecNullObject (or
    /// ecDstNullObject for a destination).
    pub fn resolve(&self, index: u8) -> Option<u32> {
        let handle = *self.handles.get(usize::from(index))?;
        self.objects
            .get_in_logon(handle, self.logon_id)
            .map(|_| handle)
    }

    /// Every object of the session, for lookups beyond the input (with [`RopCx::resolve`]) and
    /// for ROPs that act on two objects ([`ObjectTable::get_pair_mut`]).
    pub fn objects(&mut self) -> &mut ObjectTable<O> {
        self.objects
    }

    /// Bytes left in the current output buffer for this ROP's response, RopId byte included.
    /// A response longer than this is not sent: the engine answers RopBufferTooSmall instead
    /// (and drops any object the ROP created), so handlers with side effects or variable
    /// output check it first, and RopQueryRows/RopReadStream return fewer rows/bytes to fit,
    /// as Exchange does.
    pub fn room(&self) -> usize {
        self.room
    }

    /// 0 for the first response to a request; n for the n-th packed continuation of the last
    /// request (MS-OXCRPC 3.1.4.2.1.2), in which the handler returns what follows what it
    /// returned before.
    pub fn continuation(&self) -> usize {
        self.continuation
    }

    /// Whether a response cut to fit will be continued in further buffers if the handler says
    /// [`Outcome::more`]: the client asked for Chain and this is the last request, a ROP that
    /// may pack.
    pub fn can_pack(&self) -> bool {
        self.can_pack
    }

    /// The session's queue of unsolicited RopNotify responses.
    pub fn notifications(&self) -> &NotificationQueue {
        self.notifications
    }
}

/// Notifications waiting for the next Execute of one session context (MS-OXCNOTIF 3.1.5.7),
/// shareable with whatever raises events (the store, other sessions). Cloning shares the queue.
#[derive(Debug, Clone)]
pub struct NotificationQueue {
    inner: Arc<Mutex<VecDeque<NotifyResponse>>>,
    signal: Arc<tokio::sync::watch::Sender<u64>>,
}

impl Default for NotificationQueue {
    fn default() -> Self {
        Self::new()
    }
}

impl NotificationQueue {
    /// An empty queue.
    pub fn new() -> Self {
        NotificationQueue {
            inner: Arc::new(Mutex::new(VecDeque::new())),
            signal: Arc::new(tokio::sync::watch::channel(0).0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<NotifyResponse>> {
        // A panic elsewhere while holding the lock leaves a queue that is still consistent.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Queues a notification and wakes whoever waits ([`NotificationQueue::subscribe`]).
    pub fn push(&self, notification: NotifyResponse) {
        self.lock().push_back(notification);
        self.signal.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// How many notifications wait.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether none waits (NotificationWait's EventPending is the opposite).
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    /// A receiver that changes whenever a notification is queued
    /// (for `SessionContext::event_signal`).
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.signal.subscribe()
    }

    fn front(&self) -> Option<NotifyResponse> {
        self.lock().front().cloned()
    }

    fn pop(&self) {
        self.lock().pop_front();
    }
}

/// Why an Execute failed as a whole. The call still answers (HTTP 200, X-ResponseCode 0, the
/// Execute success body with StatusCode 0): the error is the body's ErrorCode, the EcDoRpcExt2
/// return value, as [`ExecuteError::to_response`] builds it. X-ResponseCode 6 (Invalid
/// Request Body) is for a body the front end cannot parse at all, before the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum ExecuteError {
    /// The ROP input buffer could not be parsed: its RPC_HEADER_EXT chain, RopSize, handle
    /// table or one of its ROPs (an unknown or reserved RopId among them). MS-OXCROPS 3.2.5.1:
    /// "the RPC MUST fail by returning 0x000004B6" (ecRpcFormat); MS-OXCROPS 2.2.2 likewise
    /// for reserved RopIds.
    RopFormat(DecodeError),
    /// rgbAuxIn is not a valid extended buffer chain of auxiliary blocks. Treated like a bad
    /// ROP buffer (ecRpcFormat): both are extended buffers of the same call
    /// (MS-OXCRPC 3.1.4.2.1).
    AuxFormat(DecodeError),
    /// MaxRopOut cannot hold even the RopBufferTooSmall that would tell the client to retry
    /// with more: the call fails with ecBufferTooSmall (0x0000047D).
    BufferTooSmall {
        /// The client's MaxRopOut.
        max_rop_out: u32,
        /// Bytes the smallest possible answer needed.
        needed: usize,
    },
}

impl ExecuteError {
    /// The Execute ErrorCode (EcDoRpcExt2 return value) for this failure.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            ExecuteError::RopFormat(_) | ExecuteError::AuxFormat(_) => ErrorCode::RPC_FORMAT,
            ExecuteError::BufferTooSmall { .. } => ErrorCode::BUFFER_TOO_SMALL,
        }
    }

    /// The Execute response body for this failure: StatusCode 0, ErrorCode set, no ROP
    /// output, no auxiliary output.
    pub fn to_response(&self) -> ExecuteResponse {
        ExecuteResponse::Success {
            error_code: self.error_code(),
            flags: 0,
            rop_buffer: Vec::new(),
            auxiliary_buffer: Vec::new(),
        }
    }
}

impl std::fmt::Display for ExecuteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExecuteError::RopFormat(e) => write!(f, "malformed ROP input buffer: {e}"),
            ExecuteError::AuxFormat(e) => write!(f, "malformed auxiliary buffer: {e}"),
            ExecuteError::BufferTooSmall {
                max_rop_out,
                needed,
            } => write!(
                f,
                "MaxRopOut {max_rop_out} cannot hold the {needed} bytes of the smallest answer"
            ),
        }
    }
}

impl std::error::Error for ExecuteError {}

/// One session context's Execute machinery: the handlers, the object table, the queues.
pub struct Engine<H: RopHandler> {
    handler: H,
    objects: ObjectTable<H::Object>,
    notifications: NotificationQueue,
    backoffs: VecDeque<BackoffResponse>,
    session_index: u16,
    /// Which LogonIds are public-folder logons: two request layouts depend on it.
    logons: LogonKinds,
}

/// Bytes of the RopSize field.
const ROP_SIZE_LEN: usize = 2;
/// Bytes of one handle table entry.
const HANDLE_LEN: usize = 4;
/// Bytes of RopBufferTooSmall besides RequestBuffers: RopId and SizeNeeded.
const BUFFER_TOO_SMALL_FIXED: usize = 3;

/// How the output of one Execute is laid out as it is built.
struct Output {
    /// Completed extended buffers' payload RopsLists (all but the one being filled).
    done: Vec<Vec<u8>>,
    /// The RopsList being filled.
    current: Vec<u8>,
    /// Bytes of rgbOut used by the completed buffers (headers included).
    used_total: usize,
    max_total: usize,
    table_len: usize,
}

impl Output {
    /// Bytes one extended buffer costs besides its RopsList.
    fn overhead(&self) -> usize {
        RpcHeaderExt::SIZE + ROP_SIZE_LEN + self.table_len
    }

    /// Room for RopsList bytes in the buffer being filled: 32 KB of payload per buffer
    /// (RopSize, RopsList and handle table, MS-OXCRPC 3.1.4.2.1.1) and MaxRopOut over all
    /// buffers, headers included.
    fn room(&self) -> usize {
        let per_buffer = MAX_PAYLOAD_SIZE.saturating_sub(ROP_SIZE_LEN + self.table_len);
        let total = self
            .max_total
            .saturating_sub(self.used_total + self.overhead());
        per_buffer.min(total).saturating_sub(self.current.len())
    }

    /// Starts a continuation buffer if MaxRopOut leaves room for one with at least
    /// `min_rops` bytes of ROPs.
    fn next_buffer(&mut self, min_rops: usize) -> bool {
        let used = self.used_total + self.overhead() + self.current.len();
        if used + self.overhead() + min_rops > self.max_total {
            return false;
        }
        self.used_total = used;
        self.done.push(std::mem::take(&mut self.current));
        true
    }
}

impl<H: RopHandler> Engine<H> {
    /// An engine with no objects, an empty queue and SessionIndex 0 for RopPending.
    pub fn new(handler: H) -> Self {
        Engine {
            handler,
            objects: ObjectTable::new(),
            notifications: NotificationQueue::new(),
            backoffs: VecDeque::new(),
            session_index: 0,
            logons: LogonKinds::new(),
        }
    }

    /// Sets the SessionIndex that RopPending names (MS-OXCNOTIF 2.2.1.4.2).
    pub fn with_session_index(mut self, session_index: u16) -> Self {
        self.session_index = session_index;
        self
    }

    /// Uses `queue` for notifications (to share it with whatever raises events).
    pub fn with_notifications(mut self, queue: NotificationQueue) -> Self {
        self.notifications = queue;
        self
    }

    /// The handlers.
    pub fn handler(&self) -> &H {
        &self.handler
    }

    /// The handlers, mutably.
    pub fn handler_mut(&mut self) -> &mut H {
        &mut self.handler
    }

    /// The open server objects.
    pub fn objects(&self) -> &ObjectTable<H::Object> {
        &self.objects
    }

    /// The notification queue (clone it to share).
    pub fn notifications(&self) -> &NotificationQueue {
        &self.notifications
    }

    /// Whether a notification waits (NotificationWait's EventPending).
    pub fn event_pending(&self) -> bool {
        !self.notifications.is_empty()
    }

    /// Queues a RopBackoff for the next Execute's output (fault injection: MS-OXCROPS 2.2.15.2
    /// lets the server send it with any response list).
    pub fn inject_backoff(&mut self, backoff: BackoffResponse) {
        self.backoffs.push_back(backoff);
    }

    /// Releases every server object (Disconnect, context expiry).
    pub fn release_all(&mut self) {
        for (handle, object) in self.objects.release_all() {
            self.handler.released(handle, object);
        }
    }

    /// Runs one Execute; a whole-call failure comes back as its body
    /// ([`ExecuteError::to_response`]). What `SessionContext::execute` returns.
    pub fn execute_response(&mut self, request: &ExecuteRequest) -> ExecuteResponse {
        self.execute(request)
            .unwrap_or_else(|error| error.to_response())
    }

    /// Runs one Execute: the ROPs of `request` in order against the handlers, and the
    /// response body with their responses.
    pub fn execute(&mut self, request: &ExecuteRequest) -> Result<ExecuteResponse, ExecuteError> {
        check_aux(&request.auxiliary_buffer).map_err(ExecuteError::AuxFormat)?;
        // Logon kinds change only when the whole buffer parses.
        let mut logons = self.logons.clone();
        let input =
            parse_rop_input(&request.rop_buffer, &mut logons).map_err(ExecuteError::RopFormat)?;
        self.logons = logons;
        let mut handles = input.handles;
        let flags = request.flags;
        let chain = flags.contains(ExecuteFlags::CHAIN);
        let max_rop_out = request.max_rop_out;
        let table_len = handles.len().saturating_mul(HANDLE_LEN);
        let mut out = Output {
            done: Vec::new(),
            current: Vec::new(),
            used_total: 0,
            max_total: usize::try_from(max_rop_out).unwrap_or(usize::MAX),
            table_len,
        };
        let last_answered = input.requests.iter().rposition(RopRequest::has_response);
        let mut ended_early = false;
        for (n, request) in input.requests.iter().enumerate() {
            if let RopRequest::Release(r) = request {
                self.release(&handles, r.logon_id, r.input_handle_index);
                continue;
            }
            let can_pack = chain && Some(n) == last_answered && is_packable(request.id());
            // Keep room for the RopBufferTooSmall that would carry the requests after this one,
            // so that running out of room later can always be said.
            let reserve = input.offsets.get(n + 1).map_or(0, |&next| {
                BUFFER_TOO_SMALL_FIXED + input.rops.len().saturating_sub(next)
            });
            let room = out.room().saturating_sub(reserve);
            let (outcome, bytes) = self.run(request, &handles, room, 0, can_pack);
            if bytes.len() > room {
                if let Some(object) = outcome.created {
                    // Never announced: the client resends the request (RequestBuffers).
                    self.handler.released(NULL_HANDLE, object);
                }
                let rest = input
                    .offsets
                    .get(n)
                    .and_then(|&offset| input.rops.get(offset..))
                    .unwrap_or_default();
                let needed = out.overhead() + bytes.len() + reserve;
                let too_small = RopResponse::BufferTooSmall(BufferTooSmallResponse {
                    size_needed: u16::try_from(needed).unwrap_or(u16::MAX),
                    request_buffers: rest.to_vec(),
                });
                let encoded = encode_unsolicited(&too_small, None);
                if encoded.len() > out.room() {
                    return Err(ExecuteError::BufferTooSmall {
                        max_rop_out,
                        needed: out.overhead() + out.current.len() + encoded.len(),
                    });
                }
                out.current.extend_from_slice(&encoded);
                ended_early = true;
                break;
            }
            out.current.extend_from_slice(&bytes);
            self.place(request, outcome.created, &mut handles);
            if can_pack && outcome.more {
                self.pack_continuations(request, &handles, &mut out);
            }
        }
        if !ended_early {
            self.append_unsolicited(&mut out);
        }
        let mut payloads = Vec::with_capacity(out.done.len() + 1);
        for rops in out.done.into_iter().chain(std::iter::once(out.current)) {
            payloads.push(RopBuffer {
                rops,
                handles: handles.clone(),
            });
        }
        let options = EncodeOptions {
            compress: !flags.contains(ExecuteFlags::NO_COMPRESSION),
            xor_magic: !flags.contains(ExecuteFlags::NO_XOR_MAGIC),
        };
        let mut rop_buffer = Vec::new();
        let count = payloads.len();
        for (i, payload) in payloads.iter().enumerate() {
            // Fails only when the handle table alone overflows a 32 KB payload.
            let too_big = |_| ExecuteError::BufferTooSmall {
                max_rop_out,
                needed: RpcHeaderExt::SIZE + ROP_SIZE_LEN + table_len,
            };
            let bytes = payload.to_bytes().map_err(too_big)?;
            rpc_ext::encode_extended_buffer(&bytes, options, i + 1 == count, &mut rop_buffer)
                .map_err(too_big)?;
        }
        Ok(ExecuteResponse::Success {
            error_code: ErrorCode::SUCCESS,
            flags: 0,
            rop_buffer,
            auxiliary_buffer: Vec::new(),
        })
    }

    /// RopRelease: MS-OXCROPS 3.2.5.3, no response and errors ignored.
    fn release(&mut self, handles: &[u32], logon_id: u8, index: u8) {
        let Some(&handle) = handles.get(usize::from(index)) else {
            return;
        };
        if self.objects.get_in_logon(handle, logon_id).is_none() {
            return;
        }
        for (h, object) in self.objects.release(handle) {
            self.handler.released(h, object);
        }
    }

    /// Resolves, handles and encodes one request. The bytes may exceed `room`; the caller
    /// decides what then.
    fn run(
        &mut self,
        request: &RopRequest,
        handles: &[u32],
        room: usize,
        continuation: usize,
        can_pack: bool,
    ) -> (Outcome<H::Object>, Vec<u8>) {
        let logon_id = request.logon_id();
        let table_has = |index: u8| usize::from(index) < handles.len();
        let outcome = match self.resolve_input(request, handles) {
            Err(code) => Outcome::fail(request, code),
            Ok(_) if !request.output_handle_index().is_none_or(table_has) => {
                Outcome::fail(request, ErrorCode::NULL_OBJECT)
            }
            Ok(input) => {
                let mut cx = RopCx {
                    objects: &mut self.objects,
                    handles,
                    input,
                    logon_id,
                    room,
                    continuation,
                    can_pack,
                    notifications: &self.notifications,
                };
                self.handler.handle(&mut cx, request)
            }
        };
        let bytes = self.encode_answer(request, handles, &outcome.response);
        match bytes {
            Ok(bytes) => (outcome, bytes),
            Err(()) => {
                // The handler built a response its request cannot carry: a handler bug, which
                // the client sees as a failed ROP rather than a broken buffer.
                if let Some(object) = outcome.created {
                    self.handler.released(NULL_HANDLE, object);
                }
                let fallback = Outcome::fail(request, ErrorCode::GENERAL_FAILURE);
                let bytes = self
                    .encode_answer(request, handles, &fallback.response)
                    .unwrap_or_default();
                (fallback, bytes)
            }
        }
    }

    /// The input object's handle (`None` for RopLogon), or ecNullObject: an index past the
    /// table, or a handle that is not an object of the request's logon (MS-OXCROPS 3.2.5.1).
    fn resolve_input(
        &self,
        request: &RopRequest,
        handles: &[u32],
    ) -> Result<Option<u32>, ErrorCode> {
        if request.id() == RopId::LOGON {
            return Ok(None);
        }
        let handle = handles
            .get(usize::from(request.input_handle_index()))
            .copied()
            .ok_or(ErrorCode::NULL_OBJECT)?;
        self.objects
            .get_in_logon(handle, request.logon_id())
            .map(|_| Some(handle))
            .ok_or(ErrorCode::NULL_OBJECT)
    }

    fn encode_answer(
        &self,
        request: &RopRequest,
        handles: &[u32],
        response: &RopResponse,
    ) -> Result<Vec<u8>, ()> {
        let columns = handles
            .get(usize::from(request.input_handle_index()))
            .and_then(|h| self.objects.get(*h))
            .and_then(|o| self.handler.table_columns(o));
        let ctx = ResponseContext {
            table_columns: columns.as_deref(),
        };
        let mut bytes = Vec::new();
        request
            .encode_response(response, &ctx, &mut bytes)
            .map_err(|_| ())?;
        Ok(bytes)
    }

    /// Stores a sent response's new object at OutputHandleIndex. A ROP that opened nothing
    /// leaves NULL_HANDLE there (MS-OXCROPS 1.3.2 leaves a failed slot undefined), so a later
    /// ROP that uses the slot fails with ecNullObject instead of reaching a stale object.
    fn place(&mut self, request: &RopRequest, created: Option<H::Object>, handles: &mut [u32]) {
        let slot = request
            .output_handle_index()
            .map(usize::from)
            .filter(|i| *i < handles.len());
        match (slot, created) {
            (Some(index), Some(object)) => {
                let parent = if request.id() == RopId::LOGON {
                    None
                } else {
                    handles
                        .get(usize::from(request.input_handle_index()))
                        .copied()
                };
                let handle = self.objects.insert(object, request.logon_id(), parent);
                if let Some(slot) = handles.get_mut(index) {
                    *slot = handle;
                }
            }
            (Some(index), None) => {
                if let Some(slot) = handles.get_mut(index) {
                    *slot = NULL_HANDLE;
                }
            }
            (None, Some(object)) => self.handler.released(NULL_HANDLE, object),
            (None, None) => {}
        }
    }

    /// Further output buffers for the last request while the handler has more and MaxRopOut
    /// has room (MS-OXCRPC 3.1.4.2.1.2).
    fn pack_continuations(&mut self, request: &RopRequest, handles: &[u32], out: &mut Output) {
        let mut continuation = 1;
        // A continuation worth sending holds at least a failure-sized response.
        const MIN_RESPONSE: usize = 16;
        while out.next_buffer(MIN_RESPONSE) {
            let room = out.room();
            let (outcome, bytes) = self.run(request, handles, room, continuation, true);
            if let Some(object) = outcome.created {
                self.handler.released(NULL_HANDLE, object);
            }
            if bytes.len() > room {
                // The handler ignored the room; nothing of it can be sent. The buffer stays
                // empty, which the client reads as a continuation with no responses.
                break;
            }
            out.current.extend_from_slice(&bytes);
            if !outcome.more {
                break;
            }
            continuation += 1;
        }
    }

    /// RopBackoff, then as many queued RopNotify as fit, then RopPending if some did not
    /// (MS-OXCNOTIF 3.1.5.7), all after the last response of the last buffer.
    fn append_unsolicited(&mut self, out: &mut Output) {
        while let Some(backoff) = self.backoffs.front() {
            let bytes = encode_unsolicited(&RopResponse::Backoff(backoff.clone()), None);
            if bytes.len() > out.room() {
                break;
            }
            out.current.extend_from_slice(&bytes);
            self.backoffs.pop_front();
        }
        while let Some(notification) = self.notifications.front() {
            let columns = self
                .objects
                .get(notification.notification_handle)
                .and_then(|o| self.handler.table_columns(o));
            let bytes = encode_unsolicited(&RopResponse::Notify(notification), columns.as_deref());
            if bytes.len() > out.room() {
                let pending = encode_unsolicited(
                    &RopResponse::Pending(PendingResponse {
                        session_index: self.session_index,
                    }),
                    None,
                );
                if pending.len() <= out.room() {
                    out.current.extend_from_slice(&pending);
                }
                break;
            }
            out.current.extend_from_slice(&bytes);
            self.notifications.pop();
        }
    }
}

/// The failure response to `request`. Only RopRelease has none, and the engine handles it
/// without a handler; the stand-in keeps this total without a panic path.
fn failure_or_general(request: &RopRequest, code: ErrorCode) -> RopResponse {
    failure_response(request, code)
        .unwrap_or(RopResponse::Pending(PendingResponse { session_index: 0 }))
}

/// Encodes an unsolicited response (RopNotify, RopPending, RopBackoff, RopBufferTooSmall),
/// RopId byte included. These never fail to encode but for counts past their fields' width,
/// which the engine's own values never reach; such a response is dropped (empty bytes).
fn encode_unsolicited(response: &RopResponse, columns: Option<&[PropertyTag]>) -> Vec<u8> {
    let mut out = Vec::new();
    let ok = match response {
        RopResponse::Notify(n) => {
            out.push(RopId::NOTIFY.0);
            n.encode(columns, &mut out).is_ok()
        }
        RopResponse::Pending(p) => {
            out.push(RopId::PENDING.0);
            p.encode(&mut out).is_ok()
        }
        RopResponse::Backoff(b) => {
            out.push(RopId::BACKOFF.0);
            b.encode(&mut out).is_ok()
        }
        RopResponse::BufferTooSmall(b) => {
            out.push(RopId::BUFFER_TOO_SMALL.0);
            b.encode(&mut out).is_ok()
        }
        _ => false,
    };
    if ok { out } else { Vec::new() }
}

/// The parsed ROP input buffer.
struct RopInput {
    rops: Vec<u8>,
    requests: Vec<RopRequest>,
    /// Offset of each request in `rops`, for RopBufferTooSmall's RequestBuffers.
    offsets: Vec<usize>,
    handles: Vec<u32>,
}

/// MS-OXCRPC 3.1.4.2.1.1 / MS-OXCROPS 2.2.1: one extended buffer whose payload is RopSize,
/// the ROPs and the handle table. Packed input buffers exist only for
/// RopWriteStreamExtended and RopFastTransferDestinationPutBuffer(Extended)
/// (MS-OXCRPC 3.1.4.2.1.2.1), which this crate has no layouts for, so a second buffer is as
/// unparseable as an unknown ROP.
fn parse_rop_input(rgb_in: &[u8], logons: &mut LogonKinds) -> Result<RopInput, DecodeError> {
    let mut chain = rpc_ext::decode_chain(rgb_in)?;
    if chain.len() != 1 {
        return Err(DecodeError {
            structure: "ROP input buffer",
            offset: 0,
            kind: ErrorKind::InvalidValue {
                field: "extended buffer count (packed input is not supported)",
                value: chain.len() as u64,
            },
        });
    }
    let payload = chain.pop().map(|b| b.payload).unwrap_or_default();
    let buffer = RopBuffer::from_bytes(&payload)?;
    let mut requests = Vec::new();
    let mut offsets = Vec::new();
    let mut rest = &buffer.rops[..];
    while !rest.is_empty() {
        let offset = buffer.rops.len() - rest.len();
        match RopRequest::decode_in(rest, logons) {
            Ok((after, request)) => {
                offsets.push(offset);
                requests.push(request);
                rest = after;
            }
            Err(_) => {
                // The whole-list decoder reports the failure with its structure and offset.
                return Err(
                    crate::wire::rop::any::decode_requests_in(&buffer.rops, logons)
                        .err()
                        .unwrap_or(DecodeError {
                            structure: "ROP request",
                            offset,
                            kind: ErrorKind::Syntax("undecodable ROP request"),
                        }),
                );
            }
        }
    }
    Ok(RopInput {
        rops: buffer.rops,
        requests,
        offsets,
        handles: buffer.handles,
    })
}

/// rgbAuxIn: empty, or an extended buffer chain whose payloads are auxiliary blocks
/// (MS-OXCRPC 3.1.4.2, 2.2.2.2). Decoded only to reject garbage; the blocks carry client
/// performance data the emulator does not use.
fn check_aux(rgb_aux_in: &[u8]) -> Result<(), DecodeError> {
    if rgb_aux_in.is_empty() {
        return Ok(());
    }
    for buffer in rpc_ext::decode_chain(rgb_aux_in)? {
        AuxiliaryBuffer::from_bytes(&buffer.payload)?;
    }
    Ok(())
}
