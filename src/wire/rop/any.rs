//! Typed ROP lists: every ROP request this crate knows in one enum, its responses in another,
//! and the walk through a ROP buffer that decodes responses against their requests.
//!
//! MS-OXCROPS 3.1.4.1/3.2.5.2: responses come in the order of their requests, one each, except
//! that RopRelease has none, unsolicited RopNotify/RopPending responses may be added, a
//! RopBackoff may be added, and RopBufferTooSmall ends the list when the output did not fit.

use std::collections::HashMap;

use bytes::BufMut;
use serde::Serialize;

use super::notify::NotifyResponse;
use super::special::{BackoffResponse, BufferTooSmallResponse, PendingResponse};
use super::{EncodeError, PResult, ResponseContext, Rop, RopId};
use crate::wire::DecodeError;
use crate::wire::error::{ErrorKind, fail, into_decode_error, named};
use crate::wire::property::PropertyTag;

macro_rules! rop_set {
    ($($variant:ident: $req:ty),* $(,)?) => {
        /// Any ROP request of MS-OXCROPS that this crate has a layout for.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[allow(clippy::large_enum_variant)]
        pub enum RopRequest {
            $(
                #[doc = concat!("`", stringify!($req), "`.")]
                $variant($req),
            )*
        }

        /// A ROP response: the answer to one [`RopRequest`], or an unsolicited response.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[allow(clippy::large_enum_variant)]
        pub enum RopResponse {
            $(
                #[doc = concat!("Answer to `", stringify!($req), "`.")]
                $variant(<$req as Rop>::Response),
            )*
            /// RopNotify (unsolicited).
            Notify(NotifyResponse),
            /// RopPending (unsolicited).
            Pending(PendingResponse),
            /// RopBackoff (unsolicited).
            Backoff(BackoffResponse),
            /// RopBufferTooSmall (unsolicited, ends the list).
            BufferTooSmall(BufferTooSmallResponse),
        }

        impl RopRequest {
            /// The request's RopId.
            pub fn id(&self) -> RopId {
                match self {
                    $(RopRequest::$variant(_) => <$req as Rop>::ID,)*
                }
            }

            /// The handle-table index the request acts on.
            pub fn input_handle_index(&self) -> u8 {
                match self {
                    $(RopRequest::$variant(r) => r.input_handle_index(),)*
                }
            }

            /// The handle-table index the request fills, for ROPs that open or create objects.
            pub fn output_handle_index(&self) -> Option<u8> {
                match self {
                    $(RopRequest::$variant(r) => r.output_handle_index(),)*
                }
            }

            /// Decodes one request, RopId byte included. An unknown RopId is an error: a
            /// request's length is known only from its layout, so nothing after it can be read.
            pub fn decode(input: &[u8]) -> PResult<'_, Self> {
                let (rest, id) = crate::wire::primitives::u8(input)?;
                match RopId(id) {
                    $(
                        <$req as Rop>::ID => named(
                            <$req as Rop>::ID.name().unwrap_or("ROP request"),
                            rest,
                            <$req as Rop>::decode_request,
                        )
                        .map(|(r, v)| (r, RopRequest::$variant(v))),
                    )*
                    other => fail(
                        input,
                        "ROP request",
                        ErrorKind::InvalidValue { field: "RopId", value: u64::from(other.0) },
                    ),
                }
            }

            /// Encodes the request, RopId byte included.
            pub fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                match self {
                    $(
                        RopRequest::$variant(r) => {
                            out.put_u8(<$req as Rop>::ID.0);
                            r.encode_request(out)
                        }
                    )*
                }
            }

            /// Decodes this request's response, RopId byte included. The asynchronous folder
            /// ROPs may be answered with a RopProgress response instead (MS-OXCFOLD 3.1.5.2).
            pub fn decode_response<'a>(
                &self,
                ctx: &ResponseContext<'_>,
                input: &'a [u8],
            ) -> PResult<'a, RopResponse> {
                let (rest, id) = crate::wire::primitives::u8(input)?;
                if id == RopId::PROGRESS.0 && id != self.id().0 {
                    if let Some(progress) = progress_stand_in(self) {
                        return progress.decode_response(ctx, input);
                    }
                }
                if id != self.id().0 {
                    return fail(
                        input,
                        "ROP response",
                        ErrorKind::InvalidValue { field: "RopId (does not answer its request)", value: u64::from(id) },
                    );
                }
                match self {
                    $(
                        RopRequest::$variant(r) => named(
                            <$req as Rop>::ID.name().unwrap_or("ROP response"),
                            rest,
                            |i| r.decode_response(ctx, i),
                        )
                        .map(|(rest, v)| (rest, RopResponse::$variant(v))),
                    )*
                }
            }

            /// Encodes `response` as the answer to this request, RopId byte included.
            pub fn encode_response<B: BufMut>(
                &self,
                response: &RopResponse,
                ctx: &ResponseContext<'_>,
                out: &mut B,
            ) -> Result<(), EncodeError> {
                if let (RopResponse::Progress(_), Some(progress)) = (response, progress_stand_in(self)) {
                    return progress.encode_response(response, ctx, out);
                }
                match (self, response) {
                    $(
                        (RopRequest::$variant(r), RopResponse::$variant(v)) => {
                            out.put_u8(<$req as Rop>::ID.0);
                            r.encode_response(v, ctx, out)
                        }
                    )*
                    _ => Err(EncodeError::Invalid {
                        structure: "ROP response",
                        reason: "the response does not answer this request",
                    }),
                }
            }
        }

        impl RopRequest {
            /// Every RopId that has a [`RopRequest`] variant, in declaration order.
            pub const KNOWN_IDS: &'static [RopId] = &[$(<$req as Rop>::ID,)*];

            /// The failure response of this request's own response type with `header`, or
            /// `None` for a request that has no response (RopRelease).
            fn failure_with(&self, header: super::ResponseHeader) -> Option<RopResponse> {
                match self {
                    $(
                        RopRequest::$variant(_) => {
                            <<$req as Rop>::Response as FailureForm>::failure(header)
                                .map(RopResponse::$variant)
                        }
                    )*
                }
            }
        }

        impl RopResponse {
            /// The response's RopId.
            pub fn id(&self) -> RopId {
                match self {
                    $(RopResponse::$variant(_) => <$req as Rop>::ID,)*
                    RopResponse::Notify(_) => RopId::NOTIFY,
                    RopResponse::Pending(_) => RopId::PENDING,
                    RopResponse::Backoff(_) => RopId::BACKOFF,
                    RopResponse::BufferTooSmall(_) => RopId::BUFFER_TOO_SMALL,
                }
            }
        }
    };
}

impl RopRequest {
    /// Whether the server answers this request (RopRelease has no response).
    pub fn has_response(&self) -> bool {
        self.id() != RopId::RELEASE
    }

    /// Whether the response's layout needs the columns set on the table (MS-OXCTABL).
    pub fn needs_table_columns(&self) -> bool {
        matches!(
            self.id(),
            RopId::QUERY_ROWS | RopId::FIND_ROW | RopId::EXPAND_ROW
        )
    }
}

/// MS-OXCFOLD 3.1.5.2 (and the RopEmptyFolder walk-through of MS-OXCPRPT 4.5): a server may
/// answer the asynchronous folder ROPs with a RopProgress response while it works. Returns the
/// RopProgress request whose response layout then applies.
fn progress_stand_in(request: &RopRequest) -> Option<RopRequest> {
    matches!(
        request.id(),
        RopId::MOVE_COPY_MESSAGES
            | RopId::MOVE_FOLDER
            | RopId::COPY_FOLDER
            | RopId::EMPTY_FOLDER
            | RopId::HARD_DELETE_MESSAGES_AND_SUBFOLDERS
            | RopId::DELETE_MESSAGES
            | RopId::HARD_DELETE_MESSAGES
    )
    .then(|| {
        RopRequest::Progress(super::special::ProgressRequest {
            logon_id: 0,
            input_handle_index: request.input_handle_index(),
            want_cancel: false,
        })
    })
}

/// How a response type answers a failed request: its failure layout built from the response
/// header (handle index and nonzero ReturnValue). `None` for a ROP with no response.
trait FailureForm: Sized {
    fn failure(header: super::ResponseHeader) -> Option<Self>;
}

impl FailureForm for super::NoResponse {
    fn failure(_: super::ResponseHeader) -> Option<Self> {
        None
    }
}

impl FailureForm for super::ResponseHeader {
    fn failure(header: super::ResponseHeader) -> Option<Self> {
        Some(header)
    }
}

/// Response types whose failure layout is the `Failure(ResponseHeader)` variant.
macro_rules! failure_variant {
    ($($t:ty),* $(,)?) => {
        $(
            impl FailureForm for $t {
                fn failure(header: super::ResponseHeader) -> Option<Self> {
                    Some(Self::Failure(header))
                }
            }
        )*
    };
}

failure_variant!(
    super::store::LogonResponse,
    super::store::GetReceiveFolderResponse,
    super::store::GetReceiveFolderTableResponse,
    super::store::GetStoreStateResponse,
    super::store::GetOwningServersResponse,
    super::store::PublicFolderIsGhostedResponse,
    super::store::LongTermIdFromIdResponse,
    super::store::IdFromLongTermIdResponse,
    super::store::GetPerUserLongTermIdsResponse,
    super::store::GetPerUserGuidResponse,
    super::store::ReadPerUserInformationResponse,
    super::folder::OpenFolderResponse,
    super::folder::CreateFolderResponse,
    super::folder::GetSearchCriteriaResponse,
    super::folder::GetTableResponse,
    super::message::OpenMessageResponse,
    super::message::CreateMessageResponse,
    super::message::SaveChangesMessageResponse,
    super::message::ReadRecipientsResponse,
    super::message::ReloadCachedInformationResponse,
    super::message::MessageStatusResponse,
    super::message::SetMessageReadFlagResponse,
    super::message::CreateAttachmentResponse,
    super::message::GetValidAttachmentsResponse,
    super::message::OpenEmbeddedMessageResponse,
    super::property::GetPropertiesSpecificResponse,
    super::property::GetPropertiesAllResponse,
    super::property::GetPropertiesListResponse,
    super::property::ProblemsResponse,
    super::property::QueryNamedPropertiesResponse,
    super::property::GetPropertyIdsFromNamesResponse,
    super::property::GetNamesFromPropertyIdsResponse,
    super::property::CopyResponse,
    super::table::TableStatusResponse,
    super::table::BookmarkResponse,
    super::table::QueryRowsResponse,
    super::table::QueryPositionResponse,
    super::table::SeekRowResponse,
    super::table::SeekRowBookmarkResponse,
    super::table::QueryColumnsAllResponse,
    super::table::FindRowResponse,
    super::table::ExpandRowResponse,
    super::table::CollapseRowResponse,
    super::table::GetCollapseStateResponse,
    super::stream::OpenStreamResponse,
    super::stream::GetStreamSizeResponse,
    super::stream::SeekStreamResponse,
    super::transport::GetAddressTypesResponse,
    super::transport::TransportSendResponse,
    super::transport::GetTransportFolderResponse,
    super::transport::OptionsDataResponse,
    super::special::ProgressResponse,
);

/// RopDeleteFolder, RopEmptyFolder, RopDeleteMessages and kin: PartialCompletion follows the
/// ReturnValue in every response. A request that failed as a whole completed nothing, so
/// nothing completed partially.
impl FailureForm for super::folder::PartialCompletionResponse {
    fn failure(header: super::ResponseHeader) -> Option<Self> {
        Some(Self {
            header,
            partial_completion: false,
        })
    }
}

/// RopSetReadFlags: PartialCompletion follows the ReturnValue in every response.
impl FailureForm for super::message::SetReadFlagsResponse {
    fn failure(header: super::ResponseHeader) -> Option<Self> {
        Some(Self {
            header,
            partial_completion: false,
        })
    }
}

/// RopMoveCopyMessages, RopMoveFolder, RopCopyFolder: DestHandleIndex only with
/// ecDstNullObject, which [`failure_response`] fills from the request.
impl FailureForm for super::folder::MoveCopyResponse {
    fn failure(header: super::ResponseHeader) -> Option<Self> {
        Some(Self {
            header,
            dest_handle_index: None,
            partial_completion: false,
        })
    }
}

/// RopReadStream: DataSize (0 here) and Data come with every ReturnValue.
impl FailureForm for super::stream::ReadStreamResponse {
    fn failure(header: super::ResponseHeader) -> Option<Self> {
        Some(Self {
            header,
            data: Vec::new(),
        })
    }
}

/// RopWriteStream and RopWriteStreamExtended: WrittenSize comes with every ReturnValue.
impl FailureForm for super::stream::WriteStreamResponse {
    fn failure(header: super::ResponseHeader) -> Option<Self> {
        Some(Self {
            header,
            written_size: 0,
        })
    }
}

/// RopCopyToStream: ReadByteCount and WrittenByteCount come with every ReturnValue.
impl FailureForm for super::stream::CopyToStreamResponse {
    fn failure(header: super::ResponseHeader) -> Option<Self> {
        Some(Self {
            header,
            dest_handle_index: None,
            read_byte_count: 0,
            written_byte_count: 0,
        })
    }
}

impl RopRequest {
    /// The request's LogonId: the logon whose Server Object Map its handles are looked up in
    /// (MS-OXCROPS 3.2.5.1). Every request layout starts with RopId then LogonId
    /// (MS-OXCROPS 2.2), so it is read from the encoding, whatever the request's Rust shape.
    pub fn logon_id(&self) -> u8 {
        let mut bytes = Vec::new();
        // Decoded requests always re-encode; a partial encoding still has its first bytes.
        let _ = self.encode(&mut bytes);
        bytes.get(1).copied().unwrap_or_default()
    }

    /// The handle-table index the response names: ResponseHandleIndex for the ROPs that carry
    /// one (RopSaveChangesMessage, RopSetMessageReadFlag, RopSaveChangesAttachment), else
    /// OutputHandleIndex for ROPs that create an object (MS-OXCROPS: their responses, failures
    /// included, echo OutputHandleIndex), else InputHandleIndex.
    pub fn response_handle_index(&self) -> u8 {
        match self {
            RopRequest::SaveChangesMessage(r) => r.response_handle_index,
            RopRequest::SetMessageReadFlag(r) => r.response_handle_index,
            RopRequest::SaveChangesAttachment(r) => r.response_handle_index,
            other => other
                .output_handle_index()
                .unwrap_or_else(|| other.input_handle_index()),
        }
    }
}

/// The response a server gives when `request` fails with `code`: the ROP's failure layout
/// (MS-OXCROPS 2.2.x.y.3 "failure response buffer") with the handle index the response names
/// ([`RopRequest::response_handle_index`]) and ReturnValue `code`. `None` for RopRelease,
/// which has no response (MS-OXCROPS 3.2.5.3).
///
/// Fields that some failure responses carry besides the header get the value that says
/// "nothing was done": PartialCompletion false (RopEmptyFolder, RopDeleteMessages,
/// RopMoveCopyMessages, RopSetReadFlags ...), WrittenSize 0 (RopWriteStream), DataSize 0
/// (RopReadStream), byte counts 0 (RopCopyToStream). With ecDstNullObject (0x00000503)
/// RopCopyTo, RopCopyProperties, RopCopyToStream, RopMoveCopyMessages, RopMoveFolder and
/// RopCopyFolder take the layout that echoes DestHandleIndex from the request
/// (MS-OXCROPS 2.2.8.11.3, 2.2.8.12.3, 2.2.9.8.2, 2.2.4.6.2, 2.2.4.7.2, 2.2.4.8.2).
///
/// RopLogon with ecWrongServer (0x00000478) has the redirect layout, which names the server
/// to go to (MS-OXCSTOR 3.2.5.1.1): a handler that redirects builds
/// `LogonResponse::Redirect` with that name itself; here it gets the request's LogonFlags and
/// an empty ServerName, which at least keeps the output buffer decodable.
///
/// `code` 0 is not a failure; a response built with it would read back as a success layout
/// (or fail to encode), so callers pass a nonzero code.
pub fn failure_response(request: &RopRequest, code: crate::wire::ErrorCode) -> Option<RopResponse> {
    use crate::wire::ErrorCode;
    let header = super::ResponseHeader {
        handle_index: request.response_handle_index(),
        return_value: code,
    };
    if code == ErrorCode::NULL_DESTINATION_OBJECT {
        let dest_null = match request {
            RopRequest::CopyTo(r) => Some(RopResponse::CopyTo(
                super::property::CopyResponse::NullDestinationObject {
                    source_handle_index: r.source_handle_index,
                    dest_handle_index: u32::from(r.dest_handle_index),
                },
            )),
            RopRequest::CopyProperties(r) => Some(RopResponse::CopyProperties(
                super::property::CopyResponse::NullDestinationObject {
                    source_handle_index: r.source_handle_index,
                    dest_handle_index: u32::from(r.dest_handle_index),
                },
            )),
            RopRequest::MoveCopyMessages(r) => Some(RopResponse::MoveCopyMessages(
                move_copy_dest_null(header, r.dest_handle_index),
            )),
            RopRequest::MoveFolder(r) => Some(RopResponse::MoveFolder(move_copy_dest_null(
                header,
                r.dest_handle_index,
            ))),
            RopRequest::CopyFolder(r) => Some(RopResponse::CopyFolder(move_copy_dest_null(
                header,
                r.dest_handle_index,
            ))),
            RopRequest::CopyToStream(r) => Some(RopResponse::CopyToStream(
                super::stream::CopyToStreamResponse {
                    header,
                    dest_handle_index: Some(u32::from(r.dest_handle_index)),
                    read_byte_count: 0,
                    written_byte_count: 0,
                },
            )),
            _ => None,
        };
        if dest_null.is_some() {
            return dest_null;
        }
    }
    if let (RopRequest::Logon(r), ErrorCode::WRONG_SERVER) = (request, code) {
        return Some(RopResponse::Logon(super::store::LogonResponse::Redirect {
            output_handle_index: r.output_handle_index,
            logon_flags: r.logon_flags,
            server_name: String::new(),
        }));
    }
    request.failure_with(header)
}

fn move_copy_dest_null(
    header: super::ResponseHeader,
    dest_handle_index: u8,
) -> super::folder::MoveCopyResponse {
    super::folder::MoveCopyResponse {
        header,
        dest_handle_index: Some(u32::from(dest_handle_index)),
        partial_completion: false,
    }
}

/// Decodes the ROP requests that fill `rops` (the RopsList of a ROP input buffer).
pub fn decode_requests(rops: &[u8]) -> Result<Vec<RopRequest>, DecodeError> {
    let total = rops.len();
    let mut input = rops;
    let mut requests = Vec::new();
    while !input.is_empty() {
        let (rest, r) = RopRequest::decode(input).map_err(|e| into_decode_error(e, total))?;
        requests.push(r);
        input = rest;
    }
    Ok(requests)
}

/// Which LogonIds of a session name public-folder logons. Two request layouts depend on it
/// (RopSetMessageReadFlag carries ClientData only on public logons, MS-OXCROPS 2.2.6.11.1;
/// RopWritePerUserInformation carries ReplGuid only on private ones, 2.2.3.13.1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogonKinds {
    /// One bit per LogonId, set for public logons.
    public: [u64; 4],
}

impl LogonKinds {
    /// Every LogonId private (what [`decode_requests`] assumes).
    pub fn new() -> Self {
        Self::default()
    }

    /// Records whether `logon_id` is a public-folder logon.
    pub fn set_public(&mut self, logon_id: u8, public: bool) {
        let bit = 1u64 << (logon_id % 64);
        if let Some(word) = self.public.get_mut(usize::from(logon_id / 64)) {
            if public {
                *word |= bit;
            } else {
                *word &= !bit;
            }
        }
    }

    /// Whether `logon_id` is a public-folder logon.
    pub fn is_public(&self, logon_id: u8) -> bool {
        self.public
            .get(usize::from(logon_id / 64))
            .is_some_and(|w| w & (1u64 << (logon_id % 64)) != 0)
    }
}

/// Decodes the ROP requests that fill `rops` knowing which logons are public. A RopLogon in
/// the buffer decides the kind of its LogonId for the requests after it, and `logons` is
/// updated with it.
pub fn decode_requests_in(
    rops: &[u8],
    logons: &mut LogonKinds,
) -> Result<Vec<RopRequest>, DecodeError> {
    let total = rops.len();
    let mut input = rops;
    let mut requests = Vec::new();
    while !input.is_empty() {
        let (rest, request) =
            RopRequest::decode_in(input, logons).map_err(|e| into_decode_error(e, total))?;
        requests.push(request);
        input = rest;
    }
    Ok(requests)
}

impl RopRequest {
    /// Decodes one request, RopId byte included, with the layouts of the logon kind its
    /// LogonId has in `logons`; a RopLogon records the kind of its LogonId there.
    pub fn decode_in<'a>(input: &'a [u8], logons: &mut LogonKinds) -> PResult<'a, RopRequest> {
        let (id, body) = match input.split_first() {
            Some((&id, body)) => (id, body),
            None => return RopRequest::decode(input),
        };
        let public = logons.is_public(body.first().copied().unwrap_or(0));
        let (rest, request) = match RopId(id) {
            RopId::SET_MESSAGE_READ_FLAG if public => named("RopSetMessageReadFlag", body, |i| {
                super::message::SetMessageReadFlagRequest::decode_request_with(true, i)
            })
            .map(|(r, v)| (r, RopRequest::SetMessageReadFlag(v)))?,
            RopId::WRITE_PER_USER_INFORMATION if public => {
                named("RopWritePerUserInformation", body, |i| {
                    super::store::WritePerUserInformationRequest::decode_with(false, i)
                })
                .map(|(r, v)| (r, RopRequest::WritePerUserInformation(v)))?
            }
            _ => RopRequest::decode(input)?,
        };
        if let RopRequest::Logon(logon) = &request {
            logons.set_public(
                logon.logon_id,
                !logon
                    .logon_flags
                    .contains(super::store::LogonFlags::PRIVATE),
            );
        }
        Ok((rest, request))
    }
}

/// Encodes requests back to back (the RopsList of a ROP input buffer).
pub fn encode_requests(requests: &[RopRequest]) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::new();
    for r in requests {
        r.encode(&mut out)?;
    }
    Ok(out)
}

/// Table columns known before a ROP output buffer is decoded: set by RopSetColumns in earlier
/// Executes. The walk adds the RopSetColumns it sees in the buffer's own requests.
#[derive(Debug, Clone, Default)]
pub struct ColumnState {
    /// Columns by handle-table index, for RopQueryRows, RopFindRow, RopExpandRow.
    pub by_index: HashMap<u8, Vec<PropertyTag>>,
    /// Columns by server object handle, for the rows inside table notifications.
    pub by_handle: HashMap<u32, Vec<PropertyTag>>,
}

/// Responses that could not be decoded for lack of context: everything from the first such
/// response on, since its length is unknown without its layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UndecodedTail {
    /// Offset of the first undecoded response in the RopsList.
    pub offset: usize,
    /// The ROP whose layout was unknown.
    pub rop_id: RopId,
    /// Why it could not be decoded.
    pub reason: &'static str,
    /// The undecoded bytes.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub bytes: Vec<u8>,
}

/// The decoded RopsList of a ROP output buffer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseList {
    /// Responses in wire order, unsolicited ones included.
    pub responses: Vec<RopResponse>,
    /// The rest of the list when a response needed context nobody had.
    pub undecoded: Option<UndecodedTail>,
}

/// Decodes the responses in `rops` (the RopsList of a ROP output buffer) against the requests
/// that produced them.
///
/// A response whose RopId does not answer the next request, or a response with no request
/// left, is an error; so is anything after RopBufferTooSmall. Requests left without a response
/// are not an error (the server may stop early), nor are unsolicited RopNotify, RopPending and
/// RopBackoff responses anywhere in the list.
pub fn decode_responses(
    requests: &[RopRequest],
    known: &ColumnState,
    rops: &[u8],
) -> Result<ResponseList, DecodeError> {
    let total = rops.len();
    let offset = |rest: &[u8]| total - rest.len();
    let mut by_index: HashMap<u8, &[PropertyTag]> =
        known.by_index.iter().map(|(k, v)| (*k, &v[..])).collect();
    let mut pending = requests.iter().filter(|r| r.has_response());
    let mut responses = Vec::new();
    let mut input = rops;
    while let Some((&id, body)) = input.split_first() {
        let id = RopId(id);
        let step = match id {
            RopId::NOTIFY => {
                // NotificationHandle follows the RopId: the table it names gives row columns.
                let columns = input
                    .get(1..5)
                    .and_then(|h| h.try_into().ok())
                    .map(u32::from_le_bytes)
                    .and_then(|h| known.by_handle.get(&h))
                    .map(|c| &c[..]);
                NotifyResponse::decode(columns, body).map(|(r, v)| (r, RopResponse::Notify(v)))
            }
            RopId::PENDING => {
                PendingResponse::decode(body).map(|(r, v)| (r, RopResponse::Pending(v)))
            }
            RopId::BACKOFF => {
                BackoffResponse::decode(body).map(|(r, v)| (r, RopResponse::Backoff(v)))
            }
            RopId::BUFFER_TOO_SMALL => {
                // MS-OXCROPS 2.2.15.1: RequestBuffers holds the requests the server did not
                // process. With every request answered there are none, so a 0xFF here is not
                // a RopBufferTooSmall but bytes misread (say, a row longer than its columns);
                // since RequestBuffers swallows the rest of the list, accepting it would turn
                // the misread into a silent success.
                if pending.clone().next().is_none() {
                    return Err(DecodeError {
                        structure: "RopBufferTooSmall",
                        offset: offset(input),
                        kind: ErrorKind::InvalidValue {
                            field: "RopId (RopBufferTooSmall with every request answered)",
                            value: u64::from(id.0),
                        },
                    });
                }
                BufferTooSmallResponse::decode(body)
                    .map(|(r, v)| (r, RopResponse::BufferTooSmall(v)))
            }
            _ => {
                let Some(request) = pending.next() else {
                    return Err(DecodeError {
                        structure: "ROP response",
                        offset: offset(input),
                        kind: ErrorKind::InvalidValue {
                            field: "RopId (a response with no request left)",
                            value: u64::from(id.0),
                        },
                    });
                };
                // MS-OXCROPS 2.2.1: every response repeats a handle index of its request
                // (RopRequest::response_handle_index). A response naming another slot answers
                // another request, or a server would have the client file a handle where it
                // does not belong.
                let expected = request.response_handle_index();
                if let Some(&index) = body.first()
                    && index != expected
                {
                    return Err(DecodeError {
                        structure: "ROP response",
                        offset: offset(input) + 1,
                        kind: ErrorKind::InvalidValue {
                            field: "handle index (not the request's)",
                            value: u64::from(index),
                        },
                    });
                }
                if let RopRequest::SetColumns(set) = request {
                    by_index.insert(set.input_handle_index, &set.property_tags[..]);
                }
                let columns = by_index.get(&request.input_handle_index()).copied();
                if request.needs_table_columns() && columns.is_none() {
                    return Ok(ResponseList {
                        responses,
                        undecoded: Some(UndecodedTail {
                            offset: offset(input),
                            rop_id: id,
                            reason: "the table's columns are unknown (its RopSetColumns was in an earlier Execute)",
                            bytes: input.to_vec(),
                        }),
                    });
                }
                let ctx = ResponseContext {
                    table_columns: columns,
                };
                match progress_stand_in(request) {
                    Some(progress) if id == RopId::PROGRESS => {
                        progress.decode_response(&ctx, input)
                    }
                    _ => request.decode_response(&ctx, input),
                }
            }
        };
        let (rest, response) = step.map_err(|e| into_decode_error(e, total))?;
        responses.push(response);
        // RopBufferTooSmall's RequestBuffers runs to the end of the list (MS-OXCROPS 2.2.15.1),
        // so it always ends the walk: `rest` is empty after it.
        input = rest;
    }
    Ok(ResponseList {
        responses,
        undecoded: None,
    })
}

rop_set! {
    Release: super::special::ReleaseRequest,
    OpenFolder: super::folder::OpenFolderRequest,
    OpenMessage: super::message::OpenMessageRequest,
    GetHierarchyTable: super::folder::GetHierarchyTableRequest,
    GetContentsTable: super::folder::GetContentsTableRequest,
    CreateMessage: super::message::CreateMessageRequest,
    GetPropertiesSpecific: super::property::GetPropertiesSpecificRequest,
    GetPropertiesAll: super::property::GetPropertiesAllRequest,
    GetPropertiesList: super::property::GetPropertiesListRequest,
    SetProperties: super::property::SetPropertiesRequest,
    DeleteProperties: super::property::DeletePropertiesRequest,
    SaveChangesMessage: super::message::SaveChangesMessageRequest,
    RemoveAllRecipients: super::message::RemoveAllRecipientsRequest,
    ModifyRecipients: super::message::ModifyRecipientsRequest,
    ReadRecipients: super::message::ReadRecipientsRequest,
    ReloadCachedInformation: super::message::ReloadCachedInformationRequest,
    SetMessageReadFlag: super::message::SetMessageReadFlagRequest,
    SetColumns: super::table::SetColumnsRequest,
    SortTable: super::table::SortTableRequest,
    Restrict: super::table::RestrictRequest,
    QueryRows: super::table::QueryRowsRequest,
    GetStatus: super::table::GetStatusRequest,
    QueryPosition: super::table::QueryPositionRequest,
    SeekRow: super::table::SeekRowRequest,
    SeekRowBookmark: super::table::SeekRowBookmarkRequest,
    SeekRowFractional: super::table::SeekRowFractionalRequest,
    CreateBookmark: super::table::CreateBookmarkRequest,
    CreateFolder: super::folder::CreateFolderRequest,
    DeleteFolder: super::folder::DeleteFolderRequest,
    DeleteMessages: super::folder::DeleteMessagesRequest,
    GetMessageStatus: super::message::GetMessageStatusRequest,
    SetMessageStatus: super::message::SetMessageStatusRequest,
    GetAttachmentTable: super::message::GetAttachmentTableRequest,
    OpenAttachment: super::message::OpenAttachmentRequest,
    CreateAttachment: super::message::CreateAttachmentRequest,
    DeleteAttachment: super::message::DeleteAttachmentRequest,
    SaveChangesAttachment: super::message::SaveChangesAttachmentRequest,
    SetReceiveFolder: super::store::SetReceiveFolderRequest,
    GetReceiveFolder: super::store::GetReceiveFolderRequest,
    RegisterNotification: super::notify::RegisterNotificationRequest,
    OpenStream: super::stream::OpenStreamRequest,
    ReadStream: super::stream::ReadStreamRequest,
    WriteStream: super::stream::WriteStreamRequest,
    SeekStream: super::stream::SeekStreamRequest,
    SetStreamSize: super::stream::SetStreamSizeRequest,
    SetSearchCriteria: super::folder::SetSearchCriteriaRequest,
    GetSearchCriteria: super::folder::GetSearchCriteriaRequest,
    SubmitMessage: super::transport::SubmitMessageRequest,
    MoveCopyMessages: super::folder::MoveCopyMessagesRequest,
    AbortSubmit: super::transport::AbortSubmitRequest,
    MoveFolder: super::folder::MoveFolderRequest,
    CopyFolder: super::folder::CopyFolderRequest,
    QueryColumnsAll: super::table::QueryColumnsAllRequest,
    Abort: super::table::AbortRequest,
    CopyTo: super::property::CopyToRequest,
    CopyToStream: super::stream::CopyToStreamRequest,
    CloneStream: super::stream::CloneStreamRequest,
    GetOwningServers: super::store::GetOwningServersRequest,
    LongTermIdFromId: super::store::LongTermIdFromIdRequest,
    IdFromLongTermId: super::store::IdFromLongTermIdRequest,
    PublicFolderIsGhosted: super::store::PublicFolderIsGhostedRequest,
    OpenEmbeddedMessage: super::message::OpenEmbeddedMessageRequest,
    SetSpooler: super::transport::SetSpoolerRequest,
    SpoolerLockMessage: super::transport::SpoolerLockMessageRequest,
    GetAddressTypes: super::transport::GetAddressTypesRequest,
    TransportSend: super::transport::TransportSendRequest,
    FindRow: super::table::FindRowRequest,
    Progress: super::special::ProgressRequest,
    TransportNewMail: super::transport::TransportNewMailRequest,
    GetValidAttachments: super::message::GetValidAttachmentsRequest,
    GetNamesFromPropertyIds: super::property::GetNamesFromPropertyIdsRequest,
    GetPropertyIdsFromNames: super::property::GetPropertyIdsFromNamesRequest,
    EmptyFolder: super::folder::EmptyFolderRequest,
    ExpandRow: super::table::ExpandRowRequest,
    CollapseRow: super::table::CollapseRowRequest,
    LockRegions: super::stream::LockRegionsRequest,
    UnlockRegions: super::stream::UnlockRegionsRequest,
    CommitStream: super::stream::CommitStreamRequest,
    GetStreamSize: super::stream::GetStreamSizeRequest,
    QueryNamedProperties: super::property::QueryNamedPropertiesRequest,
    GetPerUserLongTermIds: super::store::GetPerUserLongTermIdsRequest,
    GetPerUserGuid: super::store::GetPerUserGuidRequest,
    ReadPerUserInformation: super::store::ReadPerUserInformationRequest,
    WritePerUserInformation: super::store::WritePerUserInformationRequest,
    SetReadFlags: super::message::SetReadFlagsRequest,
    CopyProperties: super::property::CopyPropertiesRequest,
    GetReceiveFolderTable: super::store::GetReceiveFolderTableRequest,
    GetCollapseState: super::table::GetCollapseStateRequest,
    SetCollapseState: super::table::SetCollapseStateRequest,
    GetTransportFolder: super::transport::GetTransportFolderRequest,
    OptionsData: super::transport::OptionsDataRequest,
    SetPropertiesNoReplicate: super::property::SetPropertiesNoReplicateRequest,
    DeletePropertiesNoReplicate: super::property::DeletePropertiesNoReplicateRequest,
    GetStoreState: super::store::GetStoreStateRequest,
    ResetTable: super::table::ResetTableRequest,
    FreeBookmark: super::table::FreeBookmarkRequest,
    WriteAndCommitStream: super::stream::WriteAndCommitStreamRequest,
    HardDeleteMessages: super::folder::HardDeleteMessagesRequest,
    HardDeleteMessagesAndSubfolders: super::folder::HardDeleteMessagesAndSubfoldersRequest,
    Logon: super::store::LogonRequest,
}

/// Encodes `responses` (the RopsList of a ROP output buffer) as answers to `requests`, in the
/// order [`decode_responses`] reads them: each non-unsolicited response answers the next
/// request that has one.
pub fn encode_responses(
    requests: &[RopRequest],
    known: &ColumnState,
    responses: &[RopResponse],
) -> Result<Vec<u8>, EncodeError> {
    let mut by_index: HashMap<u8, &[PropertyTag]> =
        known.by_index.iter().map(|(k, v)| (*k, &v[..])).collect();
    let mut pending = requests.iter().filter(|r| r.has_response());
    let mut out = Vec::new();
    for response in responses {
        match response {
            RopResponse::Notify(n) => {
                out.put_u8(RopId::NOTIFY.0);
                let columns = known.by_handle.get(&n.notification_handle).map(|c| &c[..]);
                n.encode(columns, &mut out)?;
            }
            RopResponse::Pending(p) => {
                out.put_u8(RopId::PENDING.0);
                p.encode(&mut out)?;
            }
            RopResponse::Backoff(b) => {
                out.put_u8(RopId::BACKOFF.0);
                b.encode(&mut out)?;
            }
            RopResponse::BufferTooSmall(b) => {
                out.put_u8(RopId::BUFFER_TOO_SMALL.0);
                b.encode(&mut out)?;
            }
            answer => {
                let request = pending.next().ok_or(EncodeError::Invalid {
                    structure: "ROP output buffer",
                    reason: "more responses than requests",
                })?;
                if let RopRequest::SetColumns(set) = request {
                    by_index.insert(set.input_handle_index, &set.property_tags[..]);
                }
                let ctx = ResponseContext {
                    table_columns: by_index.get(&request.input_handle_index()).copied(),
                };
                request.encode_response(answer, &ctx, &mut out)?;
            }
        }
    }
    Ok(out)
}

/// One ROP output buffer of an Execute response, decoded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecodedOutputBuffer {
    /// The server object handle table of this buffer.
    pub handles: Vec<u32>,
    /// Its responses.
    pub list: ResponseList,
}

/// Decodes the ROP output buffers of an Execute response (one per extended buffer payload).
///
/// The first answers `requests`. With the Chain flag, MS-OXCRPC 3.1.4.2.1.2 lets the server
/// pack further output buffers after it when the last request is RopQueryRows, RopReadStream
/// or RopFastTransferSourceGetBuffer: each of those answers that last request again. Error
/// offsets count from the start of the payload they occur in.
pub fn decode_output_buffers(
    requests: &[RopRequest],
    known: &ColumnState,
    payloads: &[&[u8]],
) -> Result<Vec<DecodedOutputBuffer>, DecodeError> {
    let mut known = known.clone();
    let mut out = Vec::with_capacity(payloads.len());
    for (n, payload) in payloads.iter().enumerate() {
        let buffer = <super::buffer::RopBuffer as crate::wire::Wire>::from_bytes(payload)?;
        let answers: &[RopRequest] = if n == 0 {
            requests
        } else {
            // Columns set in the first buffer stay in force for the repeated RopQueryRows.
            for r in requests {
                if let RopRequest::SetColumns(set) = r {
                    known
                        .by_index
                        .insert(set.input_handle_index, set.property_tags.clone());
                }
            }
            match requests.last() {
                Some(last) if is_packable(last.id()) => std::slice::from_ref(last),
                _ => {
                    return Err(DecodeError {
                        structure: "ROP output buffer",
                        offset: 0,
                        kind: ErrorKind::InvalidValue {
                            field: "packed buffer after a last ROP that cannot pack (RopId)",
                            value: requests.last().map_or(0, |r| u64::from(r.id().0)),
                        },
                    });
                }
            }
        };
        let list = decode_responses(answers, &known, &buffer.rops).map_err(|e| {
            // The RopsList starts after the 2-byte RopSize.
            e.offset_by(2)
        })?;
        out.push(DecodedOutputBuffer {
            handles: buffer.handles,
            list,
        });
    }
    Ok(out)
}

/// The ROPs whose responses a server may pack into further output buffers
/// (MS-OXCRPC 3.1.4.2.1.2).
pub fn is_packable(id: RopId) -> bool {
    matches!(
        id,
        RopId::QUERY_ROWS | RopId::READ_STREAM | RopId::FAST_TRANSFER_SOURCE_GET_BUFFER
    )
}

/// Joins packed continuations into the response they continue: rows of further RopQueryRows
/// answers are appended to the first one's (its Origin becomes the last one's), data of
/// further RopReadStream answers to the first one's. Anything else is appended as it is.
pub fn join_packed(buffers: Vec<DecodedOutputBuffer>) -> ResponseList {
    use super::table::QueryRowsResponse;
    let mut buffers = buffers.into_iter();
    let Some(first) = buffers.next() else {
        return ResponseList {
            responses: Vec::new(),
            undecoded: None,
        };
    };
    let mut joined = first.list;
    for next in buffers {
        for response in next.list.responses {
            match (joined.responses.last_mut(), response) {
                (
                    Some(RopResponse::QueryRows(QueryRowsResponse::Success {
                        origin, rows, ..
                    })),
                    RopResponse::QueryRows(QueryRowsResponse::Success {
                        origin: more_origin,
                        rows: more,
                        ..
                    }),
                ) => {
                    rows.rows.extend(more.rows);
                    *origin = more_origin;
                }
                (Some(RopResponse::ReadStream(first)), RopResponse::ReadStream(more))
                    if first.header.is_success() && more.header.is_success() =>
                {
                    first.data.extend(more.data);
                }
                (_, other) => joined.responses.push(other),
            }
        }
        if joined.undecoded.is_none() {
            joined.undecoded = next.list.undecoded;
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Wire;
    use crate::wire::property::{PropertyRow, PropertyRowSet, PropertyValue, StandardPropertyRow};
    use crate::wire::rop::buffer::RopBuffer;
    use crate::wire::rop::table::{
        BookmarkOrigin, QueryRowsFlags, QueryRowsRequest, QueryRowsResponse,
    };

    const COLUMNS: [PropertyTag; 1] = [PropertyTag::new(0x0E08_0003)];

    fn rows(values: &[i32]) -> PropertyRowSet {
        PropertyRowSet {
            rows: values
                .iter()
                .map(|v| {
                    PropertyRow::Standard(StandardPropertyRow {
                        values: vec![PropertyValue::Integer32(*v)],
                    })
                })
                .collect(),
        }
    }

    fn output_buffer(requests: &[RopRequest], known: &ColumnState, answer: RopResponse) -> Vec<u8> {
        RopBuffer {
            rops: encode_responses(requests, known, &[answer]).unwrap(),
            handles: vec![7],
        }
        .to_bytes()
        .unwrap()
    }

    #[test]
    fn packed_query_rows_continuations_are_joined() {
        let requests = [RopRequest::QueryRows(QueryRowsRequest {
            logon_id: 0,
            input_handle_index: 0,
            flags: QueryRowsFlags(0x02),
            forward_read: true,
            row_count: 100,
        })];
        let mut known = ColumnState::default();
        known.by_index.insert(0, COLUMNS.to_vec());
        let answer = |origin: u8, values: &[i32]| {
            RopResponse::QueryRows(QueryRowsResponse::Success {
                handle_index: 0,
                origin: BookmarkOrigin(origin),
                rows: rows(values),
            })
        };
        let first = output_buffer(&requests, &known, answer(1, &[1, 2]));
        let second = output_buffer(&requests, &known, answer(2, &[3]));
        let decoded = decode_output_buffers(&requests, &known, &[&first, &second]).unwrap();
        assert_eq!(decoded.len(), 2);
        assert_eq!(decoded[1].handles, vec![7]);
        let joined = join_packed(decoded);
        assert_eq!(joined.responses, vec![answer(2, &[1, 2, 3])]);
    }

    #[test]
    fn a_packed_buffer_after_a_rop_that_cannot_pack_is_an_error() {
        let requests = [RopRequest::Release(
            crate::wire::rop::special::ReleaseRequest {
                logon_id: 0,
                input_handle_index: 0,
            },
        )];
        let empty = RopBuffer::default().to_bytes().unwrap();
        let err = decode_output_buffers(&requests, &ColumnState::default(), &[&empty, &empty])
            .unwrap_err();
        assert_eq!(err.structure, "ROP output buffer");
    }
}

/// MS-OXCROPS 2.2.1 / 3.1.4.1: every handle index a request names (its InputHandleIndex and,
/// for ROPs that open or create an object, its OutputHandleIndex) is a slot of the
/// ServerObjectHandleTable sent with it, so an index at or past `handle_count` cannot be
/// resolved by the server. RopLogon's input index is its OutputHandleIndex (it has no input
/// object).
///
/// Only the indexes [`RopRequest::input_handle_index`] and
/// [`RopRequest::output_handle_index`] report are checked; second source/destination indexes
/// (RopMoveCopyMessages, RopCopyTo, ...) are not.
///
/// The error's offset is that of the offending request in the RopsList, found by re-encoding
/// the requests before it (a request that fails to re-encode counts the bytes it wrote).
pub fn check_handle_indexes(
    requests: &[RopRequest],
    handle_count: usize,
) -> Result<(), DecodeError> {
    let bad = requests.iter().enumerate().find_map(|(n, r)| {
        std::iter::once(r.input_handle_index())
            .chain(r.output_handle_index())
            .find(|&index| usize::from(index) >= handle_count)
            .map(|index| (n, index))
    });
    let Some((n, index)) = bad else {
        return Ok(());
    };
    let mut scratch = Vec::new();
    let offset = requests.iter().take(n).fold(0usize, |acc, r| {
        scratch.clear();
        // Decoded requests always re-encode; for others the partial length is the best guess.
        let _ = r.encode(&mut scratch);
        acc.saturating_add(scratch.len())
    });
    Err(DecodeError {
        structure: "ROP request",
        offset,
        kind: ErrorKind::InvalidValue {
            field: "handle index past the handle table",
            value: u64::from(index),
        },
    })
}

#[cfg(test)]
mod buffer_too_small_tests {
    use super::*;
    use crate::wire::rop::special::ReleaseRequest;
    use crate::wire::rop::table::{QueryRowsFlags, QueryRowsRequest};

    fn query_rows() -> RopRequest {
        RopRequest::QueryRows(QueryRowsRequest {
            logon_id: 0,
            input_handle_index: 0,
            flags: QueryRowsFlags::ADVANCE,
            forward_read: true,
            row_count: 1,
        })
    }

    #[test]
    fn buffer_too_small_needs_an_unanswered_request() {
        let mut known = ColumnState::default();
        known
            .by_index
            .insert(0, vec![PropertyTag::new(0x3602_0003)]);
        // QueryRows answered with one row of one PtypInteger32 value...
        let answer = [0x15, 0, 0, 0, 0, 0, 0x02, 1, 0, 0x00, 1, 0, 0, 0];
        let requests = [query_rows()];
        let list = decode_responses(&requests, &known, &answer).unwrap();
        assert_eq!(list.responses.len(), 1);
        // ...and one value too many whose first byte is 0xFF: not a RopBufferTooSmall.
        let mut longer = answer.to_vec();
        longer.extend_from_slice(&[0xFF, 0, 0, 0]);
        let err = decode_responses(&requests, &known, &longer).unwrap_err();
        assert_eq!(err.structure, "RopBufferTooSmall");
        assert_eq!(err.offset, answer.len());
        // With the request unanswered, the same RopBufferTooSmall is genuine.
        let too_small = [0xFF, 0x00, 0x10, 0x15, 0, 0, 0, 1, 1, 0];
        let list = decode_responses(&requests, &known, &too_small).unwrap();
        assert!(matches!(
            list.responses[..],
            [RopResponse::BufferTooSmall(_)]
        ));
        // RopRelease has no response, so it does not count as unanswered.
        let release = RopRequest::Release(ReleaseRequest {
            logon_id: 0,
            input_handle_index: 0,
        });
        assert!(decode_responses(&[release], &known, &too_small).is_err());
    }
}

#[cfg(test)]
mod failure_response_tests {
    use super::*;
    use crate::wire::ErrorCode;

    /// One request of every kind: its RopId, LogonId 0, then handle indexes 1, 2, 3 where the
    /// layout takes them and zeros, or a variation that decodes (RopSetProperties needs a
    /// PropertyValueSize of 2 to hold its zero PropertyValueCount).
    fn samples() -> Vec<RopRequest> {
        RopRequest::KNOWN_IDS
            .iter()
            .map(|id| {
                [[1, 2, 3], [1, 2, 0], [0, 0, 0]]
                    .iter()
                    .find_map(|head| {
                        let mut bytes = vec![id.0, 0];
                        bytes.extend_from_slice(head);
                        bytes.extend_from_slice(&[0; 64]);
                        RopRequest::decode(&bytes).ok().map(|(_, r)| r)
                    })
                    .unwrap_or_else(|| panic!("{id:?} does not decode"))
            })
            .collect()
    }

    #[test]
    fn every_request_has_a_failure_response_that_round_trips() {
        let mut known = ColumnState::default();
        for index in 0..4 {
            known
                .by_index
                .insert(index, vec![PropertyTag::new(0x3001_001F)]);
        }
        let codes = [
            ErrorCode::NULL_OBJECT,
            ErrorCode::NOT_FOUND,
            ErrorCode::NULL_DESTINATION_OBJECT,
            ErrorCode::WRONG_SERVER,
            ErrorCode::RPC_FORMAT,
        ];
        let samples = samples();
        assert_eq!(samples.len(), RopRequest::KNOWN_IDS.len());
        for request in &samples {
            for code in codes {
                let Some(response) = failure_response(request, code) else {
                    assert_eq!(request.id(), RopId::RELEASE);
                    continue;
                };
                assert_eq!(response.id(), request.id());
                let requests = std::slice::from_ref(request);
                let bytes = encode_responses(requests, &known, std::slice::from_ref(&response))
                    .unwrap_or_else(|e| panic!("{:?} {code:?}: {e:?}", request.id()));
                // RopId, the index the response names, then ReturnValue.
                assert_eq!(
                    bytes[1],
                    request.response_handle_index(),
                    "{:?}",
                    request.id()
                );
                assert_eq!(bytes[2..6], code.0.to_le_bytes(), "{:?}", request.id());
                let list = decode_responses(requests, &known, &bytes)
                    .unwrap_or_else(|e| panic!("{:?} {code:?}: {e:?}", request.id()));
                assert!(list.undecoded.is_none());
                assert_eq!(list.responses, [response], "{:?} {code:?}", request.id());
            }
        }
    }

    #[test]
    fn response_handle_index_picks_the_index_the_response_names() {
        let samples = samples();
        let by_id = |id: RopId| samples.iter().find(|r| r.id() == id).unwrap();
        // RopOpenFolder answers with OutputHandleIndex, RopGetPropertiesAll with the input's,
        // RopSaveChangesMessage with ResponseHandleIndex.
        assert_eq!(by_id(RopId::OPEN_FOLDER).response_handle_index(), 2);
        assert_eq!(by_id(RopId::GET_PROPERTIES_ALL).response_handle_index(), 1);
        assert_eq!(
            by_id(RopId::SAVE_CHANGES_MESSAGE).response_handle_index(),
            1
        );
        assert_eq!(by_id(RopId::SAVE_CHANGES_MESSAGE).input_handle_index(), 2);
    }
}
