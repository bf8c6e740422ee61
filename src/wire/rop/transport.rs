//! Transport ROPs: MS-OXCROPS 2.2.7 (layouts) with the semantics of MS-OXOMSG 2.2.4 / 2.2.5.
//!
//! Responses that carry fields on success are `Success { .. } | Failure(ResponseHeader)`;
//! the rest are a bare [`ResponseHeader`] on success and failure alike.

use bytes::BufMut;
use serde::Serialize;

use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::error::{EncodeError, ErrorKind, PResult, WireError, named};
use crate::wire::primitives::{
    CountWidth, String8, Wire, ascii_z, bool8, check_count, cstr8, put_ascii_z, take_len,
    u8 as le_u8, u16 as le_u16, u32 as le_u32,
};
use crate::wire::property::TaggedPropertyValue;
use crate::wire::rop::{ResponseContext, ResponseHeader, Rop, RopId};

/// MS-OXOMSG 2.2.4.1.1 SubmitFlags of RopSubmitMessage. A newtype so unknown bits survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct SubmitFlags(pub u8);

impl SubmitFlags {
    /// None (0x00).
    pub const NONE: Self = Self(0x00);
    /// PreProcess (0x01): the message needs preprocessing.
    pub const PRE_PROCESS: Self = Self(0x01);
    /// NeedsSpooler (0x02): the message goes out through the spooler.
    pub const NEEDS_SPOOLER: Self = Self(0x02);
}

/// MS-OXOMSG 2.2.5.3 LockState of RopSpoolerLockMessage (MS-OXCROPS 2.2.7.5 points there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct LockState(pub u8);

impl LockState {
    /// lstLock (0x00).
    pub const LOCK: Self = Self(0x00);
    /// lstUnlock (0x01).
    pub const UNLOCK: Self = Self(0x01);
    /// lstFinished (0x02).
    pub const FINISHED: Self = Self(0x02);
}

fn put_bool<B: BufMut>(out: &mut B, b: bool) {
    out.put_u8(u8::from(b));
}

/// A failure header must carry a nonzero ReturnValue: a zero one would read back as success.
fn put_failure<B: BufMut>(
    h: &ResponseHeader,
    out: &mut B,
    structure: &'static str,
) -> Result<(), EncodeError> {
    if h.is_success() {
        return Err(EncodeError::Invalid {
            structure,
            reason: "failure response with ReturnValue 0",
        });
    }
    h.encode(out);
    Ok(())
}

/// Reads LogonId and InputHandleIndex, the whole request of several transport ROPs.
fn ids(input: &[u8]) -> PResult<'_, (u8, u8)> {
    let (i, logon_id) = le_u8(input)?;
    let (i, input_handle_index) = le_u8(i)?;
    Ok((i, (logon_id, input_handle_index)))
}

/// The Rop methods of a ROP whose response is a bare [`ResponseHeader`].
macro_rules! header_response {
    ($label:literal) => {
        type Response = ResponseHeader;

        fn decode_response<'a>(
            &self,
            _ctx: &ResponseContext<'_>,
            input: &'a [u8],
        ) -> PResult<'a, Self::Response> {
            named($label, input, ResponseHeader::decode)
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

        fn input_handle_index(&self) -> u8 {
            self.input_handle_index
        }
    };
}

/// A request of just LogonId and InputHandleIndex.
macro_rules! bare_request {
    ($(#[$doc:meta])* $name:ident, $label:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        pub struct $name {
            /// LogonId.
            pub logon_id: u8,
            /// InputHandleIndex.
            pub input_handle_index: u8,
        }

        impl $name {
            fn decode_fields(input: &[u8]) -> PResult<'_, Self> {
                named($label, input, |i| {
                    let (i, (logon_id, input_handle_index)) = ids(i)?;
                    Ok((
                        i,
                        Self {
                            logon_id,
                            input_handle_index,
                        },
                    ))
                })
            }

            fn encode_fields<B: BufMut>(&self, out: &mut B) {
                out.put_u8(self.logon_id);
                out.put_u8(self.input_handle_index);
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// RopSubmitMessage
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.7.1.1 RopSubmitMessage request (MS-OXOMSG 2.2.4.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SubmitMessageRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the message.
    pub input_handle_index: u8,
    /// SubmitFlags.
    pub submit_flags: SubmitFlags,
}

/// MS-OXCROPS 2.2.7.1.2 RopSubmitMessage response.
pub type SubmitMessageResponse = ResponseHeader;

impl Rop for SubmitMessageRequest {
    const ID: RopId = RopId::SUBMIT_MESSAGE;
    header_response!("RopSubmitMessage response");

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSubmitMessage", input, |i| {
            let (i, (logon_id, input_handle_index)) = ids(i)?;
            let (i, flags) = le_u8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    submit_flags: SubmitFlags(flags),
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.submit_flags.0);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// RopAbortSubmit
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.7.2.1 RopAbortSubmit request (MS-OXOMSG 2.2.4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AbortSubmitRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Logon object.
    pub input_handle_index: u8,
    /// FolderId: the folder holding the message.
    pub folder_id: FolderId,
    /// MessageId: the submitted message.
    pub message_id: MessageId,
}

/// MS-OXCROPS 2.2.7.2.2 RopAbortSubmit response.
pub type AbortSubmitResponse = ResponseHeader;

impl Rop for AbortSubmitRequest {
    const ID: RopId = RopId::ABORT_SUBMIT;
    header_response!("RopAbortSubmit response");

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopAbortSubmit", input, |i| {
            let (i, (logon_id, input_handle_index)) = ids(i)?;
            let (i, folder_id) = FolderId::decode(i)?;
            let (i, message_id) = MessageId::decode(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    folder_id,
                    message_id,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u64_le(self.folder_id.0);
        out.put_u64_le(self.message_id.0);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// RopGetAddressTypes
// ---------------------------------------------------------------------------------------------

bare_request!(
    /// MS-OXCROPS 2.2.7.3.1 RopGetAddressTypes request (MS-OXOMSG 2.2.4.3.1).
    GetAddressTypesRequest,
    "RopGetAddressTypes"
);

/// MS-OXCROPS 2.2.7.3.2 (success) / 2.2.7.3.3 (failure) RopGetAddressTypes response
/// (MS-OXOMSG 2.2.4.3.2). AddressTypeCount and AddressTypeSize follow from the strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum GetAddressTypesResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// AddressTypes ("EX", "SMTP", ...), null-terminated ASCII on the wire.
        address_types: Vec<String>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for GetAddressTypesRequest {
    const ID: RopId = RopId::GET_ADDRESS_TYPES;
    type Response = GetAddressTypesResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_fields(input)
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_fields(out);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopGetAddressTypes response", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            if !header.is_success() {
                return Ok((i, GetAddressTypesResponse::Failure(header)));
            }
            let (i, count) = le_u16(i)?;
            let (i, size) = le_u16(i)?;
            let (rest, mut data) = take_len(i, usize::from(size), "AddressTypeSize")?;
            let after = rest.len();
            check_count(data, usize::from(count), 1, "AddressTypeCount").map_err(|e| {
                e.map(|mut w| {
                    w.remaining = w.remaining.saturating_add(after);
                    w
                })
            })?;
            let mut address_types = Vec::with_capacity(usize::from(count));
            for _ in 0..count {
                let (d, s) = ascii_z(data).map_err(|e| {
                    e.map(|mut w| {
                        w.remaining = w.remaining.saturating_add(after);
                        w
                    })
                })?;
                data = d;
                address_types.push(s);
            }
            if !data.is_empty() {
                return Err(nom::Err::Error(WireError {
                    remaining: data.len().saturating_add(after),
                    structure: "RopGetAddressTypes response",
                    kind: ErrorKind::TrailingBytes { count: data.len() },
                }));
            }
            Ok((
                rest,
                GetAddressTypesResponse::Success {
                    input_handle_index: header.handle_index,
                    address_types,
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
        const S: &str = "RopGetAddressTypes response";
        match response {
            GetAddressTypesResponse::Success {
                input_handle_index,
                address_types,
            } => {
                let mut data = Vec::new();
                for t in address_types {
                    put_ascii_z(&mut data, t, S)?;
                }
                out.put_u8(*input_handle_index);
                out.put_u32_le(0);
                CountWidth::U16.put(out, address_types.len(), S, "AddressTypeCount")?;
                CountWidth::U16.put(out, data.len(), S, "AddressTypeSize")?;
                out.put_slice(&data);
                Ok(())
            }
            GetAddressTypesResponse::Failure(h) => put_failure(h, out, S),
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopSetSpooler / RopSpoolerLockMessage
// ---------------------------------------------------------------------------------------------

bare_request!(
    /// MS-OXCROPS 2.2.7.4.1 RopSetSpooler request (MS-OXOMSG 2.2.5.1): the client acts as the
    /// spooler.
    SetSpoolerRequest,
    "RopSetSpooler"
);

/// MS-OXCROPS 2.2.7.4.2 RopSetSpooler response.
pub type SetSpoolerResponse = ResponseHeader;

impl Rop for SetSpoolerRequest {
    const ID: RopId = RopId::SET_SPOOLER;
    header_response!("RopSetSpooler response");

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_fields(input)
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_fields(out);
        Ok(())
    }
}

/// MS-OXCROPS 2.2.7.5.1 RopSpoolerLockMessage request (MS-OXOMSG 2.2.5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpoolerLockMessageRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Logon object.
    pub input_handle_index: u8,
    /// MessageId.
    pub message_id: MessageId,
    /// LockState.
    pub lock_state: LockState,
}

/// MS-OXCROPS 2.2.7.5.2 RopSpoolerLockMessage response.
pub type SpoolerLockMessageResponse = ResponseHeader;

impl Rop for SpoolerLockMessageRequest {
    const ID: RopId = RopId::SPOOLER_LOCK_MESSAGE;
    header_response!("RopSpoolerLockMessage response");

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSpoolerLockMessage", input, |i| {
            let (i, (logon_id, input_handle_index)) = ids(i)?;
            let (i, message_id) = MessageId::decode(i)?;
            let (i, lock) = le_u8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    message_id,
                    lock_state: LockState(lock),
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u64_le(self.message_id.0);
        out.put_u8(self.lock_state.0);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// RopTransportSend
// ---------------------------------------------------------------------------------------------

bare_request!(
    /// MS-OXCROPS 2.2.7.6.1 RopTransportSend request (MS-OXOMSG 2.2.5.4.1).
    TransportSendRequest,
    "RopTransportSend"
);

/// MS-OXCROPS 2.2.7.6.2 (success) / 2.2.7.6.3 (failure) RopTransportSend response
/// (MS-OXOMSG 2.2.5.4.2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TransportSendResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// None when NoPropertiesReturned is nonzero; otherwise PropertyValueCount and the
        /// TaggedPropertyValues (16-bit counts inside).
        property_values: Option<Vec<TaggedPropertyValue>>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for TransportSendRequest {
    const ID: RopId = RopId::TRANSPORT_SEND;
    type Response = TransportSendResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_fields(input)
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_fields(out);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopTransportSend response", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            if !header.is_success() {
                return Ok((i, TransportSendResponse::Failure(header)));
            }
            let (i, none) = bool8(i)?;
            let (i, property_values) = if none {
                (i, None)
            } else {
                let (i, n) = le_u16(i)?;
                // A TaggedPropertyValue is at least its 4-byte tag.
                let (i, v) = crate::wire::primitives::counted(
                    i,
                    usize::from(n),
                    4,
                    "PropertyValueCount",
                    |b| TaggedPropertyValue::decode_with(CountWidth::U16, b),
                )?;
                (i, Some(v))
            };
            Ok((
                i,
                TransportSendResponse::Success {
                    input_handle_index: header.handle_index,
                    property_values,
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
        const S: &str = "RopTransportSend response";
        match response {
            TransportSendResponse::Success {
                input_handle_index,
                property_values,
            } => {
                out.put_u8(*input_handle_index);
                out.put_u32_le(0);
                match property_values {
                    None => out.put_u8(1),
                    Some(v) => {
                        out.put_u8(0);
                        CountWidth::U16.put(out, v.len(), S, "PropertyValueCount")?;
                        for p in v {
                            p.encode_with(CountWidth::U16, out)?;
                        }
                    }
                }
                Ok(())
            }
            TransportSendResponse::Failure(h) => put_failure(h, out, S),
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopTransportNewMail
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.7.7.1 RopTransportNewMail request (MS-OXOMSG 2.2.5.5.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransportNewMailRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Logon object.
    pub input_handle_index: u8,
    /// MessageId of the new message.
    pub message_id: MessageId,
    /// FolderId where it is.
    pub folder_id: FolderId,
    /// MessageClass: a null-terminated ANSI string, kept as its bytes.
    pub message_class: String8,
    /// MessageFlags (PidTagMessageFlags).
    pub message_flags: u32,
}

/// MS-OXCROPS 2.2.7.7.2 RopTransportNewMail response.
pub type TransportNewMailResponse = ResponseHeader;

impl Rop for TransportNewMailRequest {
    const ID: RopId = RopId::TRANSPORT_NEW_MAIL;
    header_response!("RopTransportNewMail response");

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopTransportNewMail", input, |i| {
            let (i, (logon_id, input_handle_index)) = ids(i)?;
            let (i, message_id) = MessageId::decode(i)?;
            let (i, folder_id) = FolderId::decode(i)?;
            let (i, class) = cstr8(i)?;
            let (i, message_flags) = le_u32(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    message_id,
                    folder_id,
                    message_class: String8::from_bytes(class),
                    message_flags,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        if self.message_class.bytes.contains(&0) {
            return Err(EncodeError::Invalid {
                structure: "RopTransportNewMail",
                reason: "MessageClass with an embedded NUL",
            });
        }
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u64_le(self.message_id.0);
        out.put_u64_le(self.folder_id.0);
        out.put_slice(&self.message_class.bytes);
        out.put_u8(0);
        out.put_u32_le(self.message_flags);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// RopGetTransportFolder
// ---------------------------------------------------------------------------------------------

bare_request!(
    /// MS-OXCROPS 2.2.7.8.1 RopGetTransportFolder request (MS-OXOMSG 2.2.5.2).
    GetTransportFolderRequest,
    "RopGetTransportFolder"
);

/// MS-OXCROPS 2.2.7.8.2 (success) / 2.2.7.8.3 (failure) RopGetTransportFolder response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum GetTransportFolderResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// FolderId of the transport folder.
        folder_id: FolderId,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for GetTransportFolderRequest {
    const ID: RopId = RopId::GET_TRANSPORT_FOLDER;
    type Response = GetTransportFolderResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_fields(input)
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_fields(out);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopGetTransportFolder response", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            if !header.is_success() {
                return Ok((i, GetTransportFolderResponse::Failure(header)));
            }
            let (i, folder_id) = FolderId::decode(i)?;
            Ok((
                i,
                GetTransportFolderResponse::Success {
                    input_handle_index: header.handle_index,
                    folder_id,
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
            GetTransportFolderResponse::Success {
                input_handle_index,
                folder_id,
            } => {
                out.put_u8(*input_handle_index);
                out.put_u32_le(0);
                out.put_u64_le(folder_id.0);
                Ok(())
            }
            GetTransportFolderResponse::Failure(h) => {
                put_failure(h, out, "RopGetTransportFolder response")
            }
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopOptionsData
// ---------------------------------------------------------------------------------------------

/// MS-OXCROPS 2.2.7.9.1 RopOptionsData request (MS-OXOMSG 2.2.4.4.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionsDataRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex: the Logon object.
    pub input_handle_index: u8,
    /// AddressType: null-terminated ASCII.
    pub address_type: String,
    /// WantWin32: help file data for 32-bit machines.
    pub want_win32: bool,
}

/// MS-OXCROPS 2.2.7.9.2 (success) / 2.2.7.9.3 (failure) RopOptionsData response
/// (MS-OXOMSG 2.2.4.4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum OptionsDataResponse {
    /// ReturnValue 0.
    Success {
        /// InputHandleIndex.
        input_handle_index: u8,
        /// Reserved (kept for a faithful round trip).
        reserved: u8,
        /// OptionsInfo (OptionsInfoSize bytes, opaque).
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        options_info: Vec<u8>,
        /// HelpFile (HelpFileSize bytes, opaque).
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        help_file: Vec<u8>,
        /// HelpFileName: present exactly when HelpFileSize is nonzero.
        help_file_name: Option<String8>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for OptionsDataRequest {
    const ID: RopId = RopId::OPTIONS_DATA;
    type Response = OptionsDataResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopOptionsData", input, |i| {
            let (i, (logon_id, input_handle_index)) = ids(i)?;
            let (i, address_type) = ascii_z(i)?;
            let (i, want_win32) = bool8(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    address_type,
                    want_win32,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_ascii_z(out, &self.address_type, "RopOptionsData")?;
        put_bool(out, self.want_win32);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopOptionsData response", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            if !header.is_success() {
                return Ok((i, OptionsDataResponse::Failure(header)));
            }
            let (i, reserved) = le_u8(i)?;
            let (i, n) = le_u16(i)?;
            let (i, options_info) = take_len(i, usize::from(n), "OptionsInfoSize")?;
            let (i, n) = le_u16(i)?;
            let (i, help_file) = take_len(i, usize::from(n), "HelpFileSize")?;
            let (i, help_file_name) = if help_file.is_empty() {
                (i, None)
            } else {
                let (i, name) = cstr8(i)?;
                (i, Some(String8::from_bytes(name)))
            };
            Ok((
                i,
                OptionsDataResponse::Success {
                    input_handle_index: header.handle_index,
                    reserved,
                    options_info: options_info.to_vec(),
                    help_file: help_file.to_vec(),
                    help_file_name,
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
        const S: &str = "RopOptionsData response";
        match response {
            OptionsDataResponse::Success {
                input_handle_index,
                reserved,
                options_info,
                help_file,
                help_file_name,
            } => {
                if help_file.is_empty() != help_file_name.is_none() {
                    return Err(EncodeError::Invalid {
                        structure: S,
                        reason: "HelpFileName goes with a nonempty HelpFile and only with it",
                    });
                }
                if help_file_name
                    .as_ref()
                    .is_some_and(|n| n.bytes.contains(&0))
                {
                    return Err(EncodeError::Invalid {
                        structure: S,
                        reason: "HelpFileName with an embedded NUL",
                    });
                }
                out.put_u8(*input_handle_index);
                out.put_u32_le(0);
                out.put_u8(*reserved);
                CountWidth::U16.put(out, options_info.len(), S, "OptionsInfoSize")?;
                out.put_slice(options_info);
                CountWidth::U16.put(out, help_file.len(), S, "HelpFileSize")?;
                out.put_slice(help_file);
                if let Some(n) = help_file_name {
                    out.put_slice(&n.bytes);
                    out.put_u8(0);
                }
                Ok(())
            }
            OptionsDataResponse::Failure(h) => put_failure(h, out, S),
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ErrorCode;
    use crate::wire::property::{PropertyTag, PropertyValue};
    use proptest::prelude::*;
    use std::fmt::Debug;

    const CTX: ResponseContext<'static> = ResponseContext {
        table_columns: None,
    };

    /// Decodes a request whose bytes start with the RopId and checks the re-encoding.
    fn request<R: Rop + PartialEq + Debug>(bytes: &[u8]) -> R {
        assert_eq!(bytes[0], R::ID.0, "RopId");
        let (rest, req) = R::decode_request(&bytes[1..]).unwrap();
        assert!(rest.is_empty());
        let mut out = Vec::new();
        req.encode_request(&mut out).unwrap();
        assert_eq!(out, &bytes[1..]);
        req
    }

    /// Decodes a response whose bytes start with the RopId and checks the re-encoding.
    fn response<R: Rop>(req: &R, bytes: &[u8]) -> R::Response
    where
        R::Response: PartialEq + Debug,
    {
        assert_eq!(bytes[0], R::ID.0, "RopId");
        let (rest, resp) = req.decode_response(&CTX, &bytes[1..]).unwrap();
        assert!(rest.is_empty());
        let mut out = Vec::new();
        req.encode_response(&resp, &CTX, &mut out).unwrap();
        assert_eq!(out, &bytes[1..]);
        resp
    }

    // No capture in fixtures/gromox holds a transport ROP; these are layouts built from
    // MS-OXCROPS 2.2.7 field by field.

    #[test]
    fn submit_message_layout() {
        let req: SubmitMessageRequest = request(&hex::decode("32000100").unwrap());
        assert_eq!(req.submit_flags, SubmitFlags::NONE);
        assert!(response(&req, &hex::decode("320100000000").unwrap()).is_success());
    }

    #[test]
    fn get_address_types_layout() {
        let req: GetAddressTypesRequest = request(&hex::decode("490000").unwrap());
        // Count 2, size 8: "EX\0" "SMTP\0".
        let resp = response(
            &req,
            &hex::decode("49000000000002000800455800534D545000").unwrap(),
        );
        assert_eq!(
            resp,
            GetAddressTypesResponse::Success {
                input_handle_index: 0,
                address_types: vec!["EX".into(), "SMTP".into()]
            }
        );
        // Size larger than the strings: typed trailing-bytes error.
        let err = req
            .decode_response(&CTX, &hex::decode("0000000000010004004558000000").unwrap())
            .unwrap_err();
        assert!(matches!(
            err,
            nom::Err::Error(WireError {
                kind: ErrorKind::TrailingBytes { count: 1 },
                ..
            })
        ));
        // A count the size cannot hold fails before allocating.
        let err = req
            .decode_response(&CTX, &hex::decode("000000000000FF01004500").unwrap())
            .unwrap_err();
        assert!(matches!(
            err,
            nom::Err::Error(WireError {
                kind: ErrorKind::LengthExceedsInput { .. },
                ..
            })
        ));
    }

    #[test]
    fn transport_send_layouts() {
        let req: TransportSendRequest = request(&hex::decode("4A0002").unwrap());
        assert_eq!(
            response(&req, &hex::decode("4A020000000001").unwrap()),
            TransportSendResponse::Success {
                input_handle_index: 2,
                property_values: None
            }
        );
        // NoPropertiesReturned 0, one PtypInteger32 value (PidTagMessageFlags 0x0E070003 = 9).
        let resp = response(
            &req,
            &hex::decode("4A02000000000001000300070E09000000").unwrap(),
        );
        assert_eq!(
            resp,
            TransportSendResponse::Success {
                input_handle_index: 2,
                property_values: Some(vec![TaggedPropertyValue {
                    tag: PropertyTag(0x0E07_0003),
                    value: PropertyValue::Integer32(9)
                }])
            }
        );
        let fail = response(&req, &hex::decode("4A0205000780").unwrap());
        assert_eq!(
            fail,
            TransportSendResponse::Failure(ResponseHeader {
                handle_index: 2,
                return_value: ErrorCode(0x8007_0005)
            })
        );
    }

    #[test]
    fn options_data_layouts() {
        let req: OptionsDataRequest = request(&hex::decode("6F000045580001").unwrap());
        assert_eq!(req.address_type, "EX");
        assert!(req.want_win32);
        // Reserved 1, OptionsInfo [AA], HelpFile [BB CC], HelpFileName "h".
        let resp = response(
            &req,
            &hex::decode("6F00000000000101 00AA 0200BBCC 6800".replace(' ', "")).unwrap(),
        );
        assert_eq!(
            resp,
            OptionsDataResponse::Success {
                input_handle_index: 0,
                reserved: 1,
                options_info: vec![0xAA],
                help_file: vec![0xBB, 0xCC],
                help_file_name: Some(String8::from_bytes(b"h".to_vec()))
            }
        );
        // HelpFileSize 0: no HelpFileName.
        response(&req, &hex::decode("6F00000000000000000000").unwrap());
    }

    #[test]
    fn misc_layouts() {
        let req: AbortSubmitRequest =
            request(&hex::decode("340000010000000000000D0100000000000500").unwrap());
        assert_eq!(req.folder_id, FolderId(0x0D00_0000_0000_0001));
        let req: TransportNewMailRequest = request(
            &hex::decode(
                "510000010000000000050001000000000000 0D 49504D2E4E6F746500 01000000"
                    .replace(' ', ""),
            )
            .unwrap(),
        );
        assert_eq!(req.message_class.bytes, b"IPM.Note");
        assert_eq!(req.message_flags, 1);
        let req: GetTransportFolderRequest = request(&hex::decode("6D0000").unwrap());
        assert_eq!(
            response(&req, &hex::decode("6D00000000000100000000000011").unwrap()),
            GetTransportFolderResponse::Success {
                input_handle_index: 0,
                folder_id: FolderId(0x1100_0000_0000_0001)
            }
        );
        let _: SetSpoolerRequest = request(&hex::decode("470000").unwrap());
        let req: SpoolerLockMessageRequest =
            request(&hex::decode("4800000100000000000500 02".replace(' ', "")).unwrap());
        assert_eq!(req.lock_state, LockState::FINISHED);
    }

    #[test]
    fn truncations_fail() {
        let full = hex::decode(
            "0000010000000000050001000000000000 0D 49504D2E4E6F746500 01000000".replace(' ', ""),
        )
        .unwrap();
        for n in 0..full.len() {
            assert!(TransportNewMailRequest::decode_request(&full[..n]).is_err());
        }
        let req = TransportSendRequest {
            logon_id: 0,
            input_handle_index: 2,
        };
        let full = hex::decode("02000000000001000300070E09000000").unwrap();
        for n in 0..full.len() {
            assert!(req.decode_response(&CTX, &full[..n]).is_err());
        }
        let req = OptionsDataRequest {
            logon_id: 0,
            input_handle_index: 0,
            address_type: "EX".into(),
            want_win32: false,
        };
        let full = hex::decode("000000000001010 0AA0200BBCC6800".replace(' ', "")).unwrap();
        for n in 0..full.len() {
            assert!(req.decode_response(&CTX, &full[..n]).is_err());
        }
    }

    fn failure() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), 1u32..).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }

    fn header() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), any::<u32>()).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }

    fn roundtrip<R>(req: &R, resp: &R::Response) -> Result<(), TestCaseError>
    where
        R: Rop + PartialEq + Debug,
        R::Response: PartialEq + Debug,
    {
        let mut b = Vec::new();
        req.encode_request(&mut b).unwrap();
        let (rest, back) = R::decode_request(&b).unwrap();
        prop_assert!(rest.is_empty());
        prop_assert_eq!(&back, req);
        let mut b = Vec::new();
        req.encode_response(resp, &CTX, &mut b).unwrap();
        let (rest, back) = req.decode_response(&CTX, &b).unwrap();
        prop_assert!(rest.is_empty());
        prop_assert_eq!(&back, resp);
        Ok(())
    }

    proptest! {
        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..48)) {
            let _ = SubmitMessageRequest::decode_request(&bytes);
            let _ = AbortSubmitRequest::decode_request(&bytes);
            let _ = TransportNewMailRequest::decode_request(&bytes);
            let _ = OptionsDataRequest::decode_request(&bytes);
            let _ = SpoolerLockMessageRequest::decode_request(&bytes);
            let b = GetAddressTypesRequest { logon_id: 0, input_handle_index: 0 };
            let _ = b.decode_response(&CTX, &bytes);
            let t = TransportSendRequest { logon_id: 0, input_handle_index: 0 };
            let _ = t.decode_response(&CTX, &bytes);
            let o = OptionsDataRequest { logon_id: 0, input_handle_index: 0, address_type: String::new(), want_win32: false };
            let _ = o.decode_response(&CTX, &bytes);
            let g = GetTransportFolderRequest { logon_id: 0, input_handle_index: 0 };
            let _ = g.decode_response(&CTX, &bytes);
        }

        #[test]
        fn header_only_roundtrips(ids in any::<[u8; 3]>(), f in any::<u64>(), m in any::<u64>(),
                                  class in proptest::collection::vec(1u8..=255, 0..10),
                                  flags in any::<u32>(), resp in header()) {
            roundtrip(&SubmitMessageRequest { logon_id: ids[0], input_handle_index: ids[1], submit_flags: SubmitFlags(ids[2]) }, &resp)?;
            roundtrip(&AbortSubmitRequest { logon_id: ids[0], input_handle_index: ids[1], folder_id: FolderId(f), message_id: MessageId(m) }, &resp)?;
            roundtrip(&SetSpoolerRequest { logon_id: ids[0], input_handle_index: ids[1] }, &resp)?;
            roundtrip(&SpoolerLockMessageRequest { logon_id: ids[0], input_handle_index: ids[1], message_id: MessageId(m), lock_state: LockState(ids[2]) }, &resp)?;
            roundtrip(&TransportNewMailRequest { logon_id: ids[0], input_handle_index: ids[1], message_id: MessageId(m), folder_id: FolderId(f), message_class: String8::from_bytes(class), message_flags: flags }, &resp)?;
        }

        #[test]
        fn get_address_types_roundtrip(ids in any::<[u8; 2]>(), ok in any::<bool>(),
                                       types in proptest::collection::vec("[ -~]{0,8}", 0..5), f in failure()) {
            let req = GetAddressTypesRequest { logon_id: ids[0], input_handle_index: ids[1] };
            let resp = if ok {
                GetAddressTypesResponse::Success { input_handle_index: ids[1], address_types: types }
            } else {
                GetAddressTypesResponse::Failure(f)
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn transport_send_roundtrip(ids in any::<[u8; 2]>(), ok in any::<bool>(),
                                    values in proptest::option::of(proptest::collection::vec(
                                        prop_oneof![
                                            (any::<u16>(), any::<i32>()).prop_map(|(id, v)| TaggedPropertyValue::new(id, PropertyValue::Integer32(v))),
                                            (any::<u16>(), "[a-zA-Zé]{0,8}").prop_map(|(id, s)| TaggedPropertyValue::new(id, PropertyValue::string(s))),
                                            (any::<u16>(), proptest::collection::vec(any::<u8>(), 0..8)).prop_map(|(id, b)| TaggedPropertyValue::new(id, PropertyValue::binary(b))),
                                        ], 0..4)),
                                    f in failure()) {
            let req = TransportSendRequest { logon_id: ids[0], input_handle_index: ids[1] };
            let resp = if ok {
                TransportSendResponse::Success { input_handle_index: ids[1], property_values: values }
            } else {
                TransportSendResponse::Failure(f)
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn get_transport_folder_roundtrip(ids in any::<[u8; 2]>(), ok in any::<bool>(), fid in any::<u64>(), f in failure()) {
            let req = GetTransportFolderRequest { logon_id: ids[0], input_handle_index: ids[1] };
            let resp = if ok {
                GetTransportFolderResponse::Success { input_handle_index: ids[1], folder_id: FolderId(fid) }
            } else {
                GetTransportFolderResponse::Failure(f)
            };
            roundtrip(&req, &resp)?;
        }

        #[test]
        fn options_data_roundtrip(ids in any::<[u8; 3]>(), address_type in "[ -~]{0,8}", want_win32 in any::<bool>(),
                                  ok in any::<bool>(), options_info in proptest::collection::vec(any::<u8>(), 0..8),
                                  help in proptest::option::of((proptest::collection::vec(any::<u8>(), 1..8),
                                                                proptest::collection::vec(1u8..=255, 0..8))),
                                  f in failure()) {
            let req = OptionsDataRequest { logon_id: ids[0], input_handle_index: ids[1], address_type, want_win32 };
            let (help_file, help_file_name) = match help {
                Some((h, n)) => (h, Some(String8::from_bytes(n))),
                None => (Vec::new(), None),
            };
            let resp = if ok {
                OptionsDataResponse::Success { input_handle_index: ids[1], reserved: ids[2], options_info, help_file, help_file_name }
            } else {
                OptionsDataResponse::Failure(f)
            };
            roundtrip(&req, &resp)?;
        }
    }
}
