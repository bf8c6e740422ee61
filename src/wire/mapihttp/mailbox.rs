//! Request and response bodies of the mailbox endpoint (MS-OXCMAPIHTTP 2.2.4).
//!
//! Every response body starts with StatusCode. When it is non-zero the server sends the short
//! failure form (StatusCode, AuxiliaryBufferSize, AuxiliaryBuffer; 2.2.4.1.3, 2.2.4.2.3,
//! 2.2.4.3.3, 2.2.4.4.3), modelled here as the `Failure` variant of each response enum. A
//! MAPI-level failure comes instead with StatusCode 0 and a non-zero ErrorCode in the full
//! success layout (the fixtures' Connect with a foreign UserDn), which is the `Success`
//! variant with that `error_code`.
//!
//! ROP buffers and auxiliary buffers stay raw bytes here: `rpc_ext` and `auxbuf` decode the
//! RPC_HEADER_EXT chains and auxiliary blocks they hold.

use std::ops::{BitOr, BitOrAssign};

use bytes::BufMut;
use serde::Serialize;

use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{Wire, ascii_z, put_ascii_z, put_utf16z, take_len, u32, utf16z};

/// Reads a u32 byte count and that many bytes (AuxiliaryBufferSize + AuxiliaryBuffer,
/// RopBufferSize + RopBuffer).
fn sized_bytes<'a>(input: &'a [u8], field: &'static str) -> PResult<'a, Vec<u8>> {
    let (rest, n) = u32(input)?;
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    let (rest, bytes) = take_len(rest, n, field)?;
    Ok((rest, bytes.to_vec()))
}

/// Writes a u32 byte count and the bytes.
fn put_sized_bytes<B: BufMut>(
    out: &mut B,
    bytes: &[u8],
    structure: &'static str,
    field: &'static str,
) -> Result<(), EncodeError> {
    let n = u32::try_from(bytes.len()).map_err(|_| EncodeError::TooLong {
        structure,
        field,
        len: bytes.len(),
        max: u32::MAX as usize,
    })?;
    out.put_u32_le(n);
    out.put_slice(bytes);
    Ok(())
}

/// MS-OXCMAPIHTTP 2.2.4.1.1 Connect request Flags, passed through as the `ulFlags` parameter
/// of EcDoConnectEx (MS-OXCRPC 3.1.4.1).
///
/// In EcDoConnectEx these bits ask for administrator behaviour or relax the public folder
/// check for old clients; they are not capability bits. Ordinary clients send 0 (as every
/// Connect in the fixtures does). Unknown bits are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct ConnectFlags(pub u32);

impl ConnectFlags {
    /// A regular user connection.
    pub const NONE: Self = Self(0x0000_0000);
    /// Administrator behaviour: the server checks that the user has administrator privilege.
    pub const ADMIN_PRIVILEGE: Self = Self(0x0000_0001);
    /// Do not fail an old client version when no public folders are configured.
    pub const IGNORE_NO_PUBLIC_FOLDERS: Self = Self(0x0000_8000);

    /// True if every bit of `other` is set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for ConnectFlags {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        Self(self.0 | rhs.0)
    }
}

/// MS-OXCMAPIHTTP 2.2.4.2.1 Execute request Flags, the `pulFlags` input of EcDoRpcExt2
/// (MS-OXCRPC 3.1.4.2): how the server may build the response RopBuffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct ExecuteFlags(pub u32);

impl ExecuteFlags {
    /// The server must not compress the response payloads.
    pub const NO_COMPRESSION: Self = Self(0x0000_0001);
    /// The server must not XOR-obfuscate the response payloads.
    pub const NO_XOR_MAGIC: Self = Self(0x0000_0002);
    /// The server may chain several extended buffers in the response (MS-OXCRPC 3.1.4.2.1).
    pub const CHAIN: Self = Self(0x0000_0004);

    /// True if every bit of `other` is set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for ExecuteFlags {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        Self(self.0 | rhs.0)
    }
}

impl BitOrAssign for ExecuteFlags {
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}

/// The short failure body shared by every mailbox response: MS-OXCMAPIHTTP 2.2.4.1.3
/// (Connect), 2.2.4.2.3 (Execute), 2.2.4.3.3 (Disconnect), 2.2.4.4.3 (NotificationWait).
///
/// StatusCode MUST NOT be 0 here; a 0 selects the success layout instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailureResponse {
    /// The non-zero status of the request.
    pub status_code: u32,
    /// Auxiliary blocks returned by the server (`rgbAuxOut`).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub auxiliary_buffer: Vec<u8>,
}

impl FailureResponse {
    /// Decodes the fields after a StatusCode already read.
    fn decode_after_status(input: &[u8], status_code: u32) -> PResult<'_, Self> {
        let (rest, auxiliary_buffer) = sized_bytes(input, "AuxiliaryBufferSize")?;
        Ok((
            rest,
            FailureResponse {
                status_code,
                auxiliary_buffer,
            },
        ))
    }

    fn encode_as<B: BufMut>(
        &self,
        out: &mut B,
        structure: &'static str,
    ) -> Result<(), EncodeError> {
        if self.status_code == 0 {
            return Err(EncodeError::Invalid {
                structure,
                reason: "a failure response must have a non-zero StatusCode",
            });
        }
        out.put_u32_le(self.status_code);
        put_sized_bytes(
            out,
            &self.auxiliary_buffer,
            structure,
            "AuxiliaryBufferSize",
        )
    }
}

impl Wire for FailureResponse {
    const NAME: &'static str = "FailureResponseBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (rest, status) = u32(i)?;
            if status == 0 {
                return fail(
                    i,
                    Self::NAME,
                    ErrorKind::InvalidValue {
                        field: "StatusCode",
                        value: 0,
                    },
                );
            }
            Self::decode_after_status(rest, status)
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_as(out, Self::NAME)
    }
}

/// MS-OXCMAPIHTTP 2.2.4.1.1 Connect request body (the `[in]` parameters of EcDoConnectEx,
/// MS-OXCRPC 3.1.4.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectRequest {
    /// The user's legacy DN (ESSDN), null-terminated ASCII.
    pub user_dn: String,
    /// Connection flags (`ulFlags`).
    pub flags: ConnectFlags,
    /// The code page for PtypString8 values in this session (1252 in the fixtures).
    pub default_code_page: u32,
    /// Locale for sorting (`ulLcidSort`).
    pub lcid_sort: u32,
    /// Locale for everything else (`ulLcidString`).
    pub lcid_string: u32,
    /// Auxiliary blocks sent with the request (`rgbAuxIn`).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub auxiliary_buffer: Vec<u8>,
}

impl Wire for ConnectRequest {
    const NAME: &'static str = "ConnectRequestBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, user_dn) = ascii_z(i)?;
            let (i, flags) = u32(i)?;
            let (i, default_code_page) = u32(i)?;
            let (i, lcid_sort) = u32(i)?;
            let (i, lcid_string) = u32(i)?;
            let (i, auxiliary_buffer) = sized_bytes(i, "AuxiliaryBufferSize")?;
            Ok((
                i,
                ConnectRequest {
                    user_dn,
                    flags: ConnectFlags(flags),
                    default_code_page,
                    lcid_sort,
                    lcid_string,
                    auxiliary_buffer,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        put_ascii_z(out, &self.user_dn, Self::NAME)?;
        out.put_u32_le(self.flags.0);
        out.put_u32_le(self.default_code_page);
        out.put_u32_le(self.lcid_sort);
        out.put_u32_le(self.lcid_string);
        put_sized_bytes(
            out,
            &self.auxiliary_buffer,
            Self::NAME,
            "AuxiliaryBufferSize",
        )
    }
}

/// MS-OXCMAPIHTTP 2.2.4.1.2 (success) / 2.2.4.1.3 (failure) Connect response body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ConnectResponse {
    /// StatusCode 0: the `[out]` parameters of EcDoConnectEx.
    Success {
        /// The MAPI result; non-zero (e.g. ecRpcFailed) with the other fields zeroed when the
        /// server refuses the Session Context.
        error_code: ErrorCode,
        /// Longest time in milliseconds between client polls (`pcmsPollsMax`).
        max_polling_interval: u32,
        /// How often to retry a failed request (`pcRetry`).
        max_retry_count: u32,
        /// Milliseconds between retries (`pcmsRetryDelay`).
        retry_delay: u32,
        /// DN prefix for the server, null-terminated ASCII (often empty).
        dn_prefix: String,
        /// The user's display name, null-terminated UTF-16LE.
        display_name: String,
        /// Auxiliary blocks returned by the server (`rgbAuxOut`).
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8>,
    },
    /// StatusCode non-zero: the short form.
    Failure(FailureResponse),
}

impl Wire for ConnectResponse {
    const NAME: &'static str = "ConnectResponseBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, status) = u32(i)?;
            if status != 0 {
                let (i, f) = FailureResponse::decode_after_status(i, status)?;
                return Ok((i, ConnectResponse::Failure(f)));
            }
            let (i, error_code) = u32(i)?;
            let (i, max_polling_interval) = u32(i)?;
            let (i, max_retry_count) = u32(i)?;
            let (i, retry_delay) = u32(i)?;
            let (i, dn_prefix) = ascii_z(i)?;
            let (i, display_name) = utf16z(i)?;
            let (i, auxiliary_buffer) = sized_bytes(i, "AuxiliaryBufferSize")?;
            Ok((
                i,
                ConnectResponse::Success {
                    error_code: ErrorCode(error_code),
                    max_polling_interval,
                    max_retry_count,
                    retry_delay,
                    dn_prefix,
                    display_name,
                    auxiliary_buffer,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            ConnectResponse::Success {
                error_code,
                max_polling_interval,
                max_retry_count,
                retry_delay,
                dn_prefix,
                display_name,
                auxiliary_buffer,
            } => {
                out.put_u32_le(0);
                out.put_u32_le(error_code.0);
                out.put_u32_le(*max_polling_interval);
                out.put_u32_le(*max_retry_count);
                out.put_u32_le(*retry_delay);
                put_ascii_z(out, dn_prefix, Self::NAME)?;
                put_utf16z(out, display_name, Self::NAME)?;
                put_sized_bytes(out, auxiliary_buffer, Self::NAME, "AuxiliaryBufferSize")
            }
            ConnectResponse::Failure(f) => f.encode_as(out, Self::NAME),
        }
    }
}

/// MS-OXCMAPIHTTP 2.2.4.2.1 Execute request body (the `[in]` parameters of EcDoRpcExt2,
/// MS-OXCRPC 3.1.4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExecuteRequest {
    /// How the server may build the response RopBuffer.
    pub flags: ExecuteFlags,
    /// The ROP request payload: RPC_HEADER_EXT + ROP buffer (`rgbIn`).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub rop_buffer: Vec<u8>,
    /// The largest response RopBuffer the client accepts (`pcbOut`; 0x40000 in the fixtures).
    pub max_rop_out: u32,
    /// Auxiliary blocks sent with the request (`rgbAuxIn`).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub auxiliary_buffer: Vec<u8>,
}

impl Wire for ExecuteRequest {
    const NAME: &'static str = "ExecuteRequestBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = u32(i)?;
            let (i, rop_buffer) = sized_bytes(i, "RopBufferSize")?;
            let (i, max_rop_out) = u32(i)?;
            let (i, auxiliary_buffer) = sized_bytes(i, "AuxiliaryBufferSize")?;
            Ok((
                i,
                ExecuteRequest {
                    flags: ExecuteFlags(flags),
                    rop_buffer,
                    max_rop_out,
                    auxiliary_buffer,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u32_le(self.flags.0);
        put_sized_bytes(out, &self.rop_buffer, Self::NAME, "RopBufferSize")?;
        out.put_u32_le(self.max_rop_out);
        put_sized_bytes(
            out,
            &self.auxiliary_buffer,
            Self::NAME,
            "AuxiliaryBufferSize",
        )
    }
}

/// MS-OXCMAPIHTTP 2.2.4.2.2 (success) / 2.2.4.2.3 (failure) Execute response body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ExecuteResponse {
    /// StatusCode 0: the `[out]` parameters of EcDoRpcExt2.
    Success {
        /// The MAPI result of the call as a whole (ROP results are inside the RopBuffer).
        error_code: ErrorCode,
        /// Response flags (`pulFlags` out); 0 from every server seen so far.
        flags: u32,
        /// The ROP response payload: one or more RPC_HEADER_EXT + ROP buffers (`rgbOut`).
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        rop_buffer: Vec<u8>,
        /// Auxiliary blocks returned by the server (`rgbAuxOut`).
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8>,
    },
    /// StatusCode non-zero: the short form.
    Failure(FailureResponse),
}

impl Wire for ExecuteResponse {
    const NAME: &'static str = "ExecuteResponseBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, status) = u32(i)?;
            if status != 0 {
                let (i, f) = FailureResponse::decode_after_status(i, status)?;
                return Ok((i, ExecuteResponse::Failure(f)));
            }
            let (i, error_code) = u32(i)?;
            let (i, flags) = u32(i)?;
            let (i, rop_buffer) = sized_bytes(i, "RopBufferSize")?;
            let (i, auxiliary_buffer) = sized_bytes(i, "AuxiliaryBufferSize")?;
            Ok((
                i,
                ExecuteResponse::Success {
                    error_code: ErrorCode(error_code),
                    flags,
                    rop_buffer,
                    auxiliary_buffer,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            ExecuteResponse::Success {
                error_code,
                flags,
                rop_buffer,
                auxiliary_buffer,
            } => {
                out.put_u32_le(0);
                out.put_u32_le(error_code.0);
                out.put_u32_le(*flags);
                put_sized_bytes(out, rop_buffer, Self::NAME, "RopBufferSize")?;
                put_sized_bytes(out, auxiliary_buffer, Self::NAME, "AuxiliaryBufferSize")
            }
            ExecuteResponse::Failure(f) => f.encode_as(out, Self::NAME),
        }
    }
}

/// MS-OXCMAPIHTTP 2.2.4.3.1 Disconnect request body: only an auxiliary buffer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DisconnectRequest {
    /// Auxiliary blocks sent with the request.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub auxiliary_buffer: Vec<u8>,
}

impl Wire for DisconnectRequest {
    const NAME: &'static str = "DisconnectRequestBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, auxiliary_buffer) = sized_bytes(i, "AuxiliaryBufferSize")?;
            Ok((i, DisconnectRequest { auxiliary_buffer }))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        put_sized_bytes(
            out,
            &self.auxiliary_buffer,
            Self::NAME,
            "AuxiliaryBufferSize",
        )
    }
}

/// MS-OXCMAPIHTTP 2.2.4.3.2 (success) / 2.2.4.3.3 (failure) Disconnect response body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum DisconnectResponse {
    /// StatusCode 0.
    Success {
        /// The MAPI result of EcDoDisconnect.
        error_code: ErrorCode,
        /// Auxiliary blocks returned by the server.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8>,
    },
    /// StatusCode non-zero: the short form.
    Failure(FailureResponse),
}

impl Wire for DisconnectResponse {
    const NAME: &'static str = "DisconnectResponseBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, status) = u32(i)?;
            if status != 0 {
                let (i, f) = FailureResponse::decode_after_status(i, status)?;
                return Ok((i, DisconnectResponse::Failure(f)));
            }
            let (i, error_code) = u32(i)?;
            let (i, auxiliary_buffer) = sized_bytes(i, "AuxiliaryBufferSize")?;
            Ok((
                i,
                DisconnectResponse::Success {
                    error_code: ErrorCode(error_code),
                    auxiliary_buffer,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            DisconnectResponse::Success {
                error_code,
                auxiliary_buffer,
            } => {
                out.put_u32_le(0);
                out.put_u32_le(error_code.0);
                put_sized_bytes(out, auxiliary_buffer, Self::NAME, "AuxiliaryBufferSize")
            }
            DisconnectResponse::Failure(f) => f.encode_as(out, Self::NAME),
        }
    }
}

/// MS-OXCMAPIHTTP 2.2.4.4.1 NotificationWait request body (as EcDoAsyncWaitEx,
/// MS-OXCRPC 3.3.4.1).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct NotificationWaitRequest {
    /// Reserved flags (`ulFlagsIn`); clients send 0.
    pub flags: u32,
    /// Auxiliary blocks sent with the request.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub auxiliary_buffer: Vec<u8>,
}

impl Wire for NotificationWaitRequest {
    const NAME: &'static str = "NotificationWaitRequestBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, flags) = u32(i)?;
            let (i, auxiliary_buffer) = sized_bytes(i, "AuxiliaryBufferSize")?;
            Ok((
                i,
                NotificationWaitRequest {
                    flags,
                    auxiliary_buffer,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u32_le(self.flags);
        put_sized_bytes(
            out,
            &self.auxiliary_buffer,
            Self::NAME,
            "AuxiliaryBufferSize",
        )
    }
}

/// MS-OXCMAPIHTTP 2.2.4.4.2 (success) / 2.2.4.4.3 (failure) NotificationWait response body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum NotificationWaitResponse {
    /// StatusCode 0.
    Success {
        /// The MAPI result of the wait.
        error_code: ErrorCode,
        /// Non-zero when an event is pending (as EcDoAsyncWaitEx's NotificationPending flag):
        /// the client then sends an Execute to collect the RopNotify responses. Kept as the
        /// 4-byte wire value so any non-zero value round-trips.
        event_pending: u32,
        /// Auxiliary blocks returned by the server.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8>,
    },
    /// StatusCode non-zero: the short form.
    Failure(FailureResponse),
}

impl NotificationWaitResponse {
    /// True for a success body that says an event is pending.
    pub fn has_event_pending(&self) -> bool {
        matches!(self, NotificationWaitResponse::Success { event_pending, .. } if *event_pending != 0)
    }
}

impl Wire for NotificationWaitResponse {
    const NAME: &'static str = "NotificationWaitResponseBody";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, status) = u32(i)?;
            if status != 0 {
                let (i, f) = FailureResponse::decode_after_status(i, status)?;
                return Ok((i, NotificationWaitResponse::Failure(f)));
            }
            let (i, error_code) = u32(i)?;
            let (i, event_pending) = u32(i)?;
            let (i, auxiliary_buffer) = sized_bytes(i, "AuxiliaryBufferSize")?;
            Ok((
                i,
                NotificationWaitResponse::Success {
                    error_code: ErrorCode(error_code),
                    event_pending,
                    auxiliary_buffer,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            NotificationWaitResponse::Success {
                error_code,
                event_pending,
                auxiliary_buffer,
            } => {
                out.put_u32_le(0);
                out.put_u32_le(error_code.0);
                out.put_u32_le(*event_pending);
                put_sized_bytes(out, auxiliary_buffer, Self::NAME, "AuxiliaryBufferSize")
            }
            NotificationWaitResponse::Failure(f) => f.encode_as(out, Self::NAME),
        }
    }
}

/// The StatusCode of any response body above, read without decoding the rest: 0 selects the
/// success layout.
pub fn peek_status_code(body: &[u8]) -> Option<u32> {
    body.first_chunk::<4>().map(|b| u32::from_le_bytes(*b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.split_whitespace().collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    const ALICE_DN: &str = "/o=Gromox default/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=0100000001000000-alice";

    /// The auxiliary buffer of the fixtures' Connect responses (RPC_HEADER_EXT + 3 blocks).
    fn connect_aux() -> Vec<u8> {
        hex("000004001c001c0008000117030000000c00010a0c00000000840c240800014801000000")
    }

    #[test]
    fn connect_request_known_answer() {
        // fixtures/gromox/session-logon.har entry 1 request body.
        let mut bytes = ALICE_DN.as_bytes().to_vec();
        bytes.extend(hex("00 00000000 e4040000 09040000 09040000 00000000"));
        let req = ConnectRequest::from_bytes(&bytes).unwrap();
        assert_eq!(
            req,
            ConnectRequest {
                user_dn: ALICE_DN.into(),
                flags: ConnectFlags::NONE,
                default_code_page: 1252,
                lcid_sort: 1033,
                lcid_string: 1033,
                auxiliary_buffer: vec![],
            }
        );
        assert_eq!(req.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn connect_response_known_answer() {
        // fixtures/gromox/session-logon.har entry 1 response body after the meta block.
        let mut bytes = hex("00000000 00000000 60ea0000 06000000 10270000 00");
        for u in "Alice Example".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        bytes.extend([0, 0, 0x24, 0, 0, 0]);
        bytes.extend(connect_aux());
        assert_eq!(
            bytes,
            hex(
                "000000000000000060ea000006000000102700000041006c0069006300650020004500780061006d0070006c006500000024000000000004001c001c0008000117030000000c00010a0c00000000840c240800014801000000"
            )
        );
        let resp = ConnectResponse::from_bytes(&bytes).unwrap();
        match &resp {
            ConnectResponse::Success {
                error_code,
                max_polling_interval,
                max_retry_count,
                retry_delay,
                dn_prefix,
                display_name,
                auxiliary_buffer,
            } => {
                assert_eq!(*error_code, ErrorCode(0));
                assert_eq!(*max_polling_interval, 60000);
                assert_eq!(*max_retry_count, 6);
                assert_eq!(*retry_delay, 10000);
                assert_eq!(dn_prefix, "");
                assert_eq!(display_name, "Alice Example");
                assert_eq!(auxiliary_buffer.len(), 36);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(resp.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn failure_short_form() {
        let bytes = hex("05000000 02000000 abcd");
        let resp = ExecuteResponse::from_bytes(&bytes).unwrap();
        assert_eq!(
            resp,
            ExecuteResponse::Failure(FailureResponse {
                status_code: 5,
                auxiliary_buffer: vec![0xab, 0xcd],
            })
        );
        assert_eq!(resp.to_bytes().unwrap(), bytes);
        assert!(matches!(
            ConnectResponse::from_bytes(&bytes).unwrap(),
            ConnectResponse::Failure(_)
        ));
        assert!(FailureResponse::from_bytes(&hex("00000000 00000000")).is_err());
        let zero = ConnectResponse::Failure(FailureResponse {
            status_code: 0,
            auxiliary_buffer: vec![],
        });
        assert!(zero.to_bytes().is_err());
    }

    #[test]
    fn notification_wait_known_answer() {
        // fixtures/gromox/notification.har entry 3: EventPending 1.
        let bytes = hex("00000000 00000000 01000000 00000000");
        let resp = NotificationWaitResponse::from_bytes(&bytes).unwrap();
        assert!(resp.has_event_pending());
        assert_eq!(resp.to_bytes().unwrap(), bytes);
        let req = NotificationWaitRequest::from_bytes(&[0; 8]).unwrap();
        assert_eq!(req, NotificationWaitRequest::default());
    }

    #[test]
    fn hostile_sizes_fail_cleanly() {
        // RopBufferSize 0xFFFFFFFF with 4 bytes behind it.
        let bytes = hex("03000000 ffffffff 00000000");
        let err = ExecuteRequest::from_bytes(&bytes).unwrap_err();
        assert_eq!(err.structure, "ExecuteRequestBody");
        assert_eq!(err.offset, 8);
        assert!(matches!(
            err.kind,
            ErrorKind::LengthExceedsInput {
                field: "RopBufferSize",
                ..
            }
        ));
        // Truncated everywhere: never a panic.
        let good = ExecuteResponse::Success {
            error_code: ErrorCode(0),
            flags: 0,
            rop_buffer: vec![1, 2, 3],
            auxiliary_buffer: vec![4],
        }
        .to_bytes()
        .unwrap();
        for n in 0..good.len() {
            assert!(ExecuteResponse::from_bytes(&good[..n]).is_err());
        }
        // Non-ASCII UserDn.
        let mut bad = vec![0x80, 0];
        bad.extend([0; 20]);
        assert!(ConnectRequest::from_bytes(&bad).is_err());
    }

    #[test]
    fn flags() {
        let f = ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC;
        assert_eq!(f, ExecuteFlags(3));
        assert!(f.contains(ExecuteFlags::NO_XOR_MAGIC));
        assert!(!f.contains(ExecuteFlags::CHAIN));
        assert!(
            (ConnectFlags::NONE | ConnectFlags::ADMIN_PRIVILEGE)
                .contains(ConnectFlags::ADMIN_PRIVILEGE)
        );
        assert_eq!(peek_status_code(&[1, 0, 0, 0, 9]), Some(1));
        assert_eq!(peek_status_code(&[1, 0]), None);
    }

    #[test]
    fn json_shows_bytes_as_hex() {
        let r = ExecuteResponse::Success {
            error_code: ErrorCode(0x8004_010F),
            flags: 0,
            rop_buffer: vec![0xAB, 0x01],
            auxiliary_buffer: vec![],
        };
        // Only the byte fields are checked: ErrorCode's own JSON form belongs to error_code.rs.
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["Success"]["rop_buffer"], "ab01");
        assert_eq!(json["Success"]["auxiliary_buffer"], "");
        assert_eq!(json["Success"]["flags"], 0);
        let f = serde_json::to_string(&ExecuteFlags::CHAIN).unwrap();
        assert_eq!(f, "4");
    }

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(any::<u8>(), 0..64)
    }

    fn failure() -> impl Strategy<Value = FailureResponse> {
        (1..=u32::MAX, bytes()).prop_map(|(status_code, auxiliary_buffer)| FailureResponse {
            status_code,
            auxiliary_buffer,
        })
    }

    fn connect_request() -> impl Strategy<Value = ConnectRequest> {
        (
            "[\u{1}-\u{7f}]{0,80}",
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            bytes(),
        )
            .prop_map(|(user_dn, f, cp, ls, lst, aux)| ConnectRequest {
                user_dn,
                flags: ConnectFlags(f),
                default_code_page: cp,
                lcid_sort: ls,
                lcid_string: lst,
                auxiliary_buffer: aux,
            })
    }

    fn connect_response() -> impl Strategy<Value = ConnectResponse> {
        prop_oneof![
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                "[\u{1}-\u{7f}]{0,40}",
                "[^\u{0}]{0,40}",
                bytes()
            )
                .prop_map(|(e, p, r, d, dn_prefix, display_name, aux)| {
                    ConnectResponse::Success {
                        error_code: ErrorCode(e),
                        max_polling_interval: p,
                        max_retry_count: r,
                        retry_delay: d,
                        dn_prefix,
                        display_name,
                        auxiliary_buffer: aux,
                    }
                }),
            failure().prop_map(ConnectResponse::Failure),
        ]
    }

    fn execute_request() -> impl Strategy<Value = ExecuteRequest> {
        (any::<u32>(), bytes(), any::<u32>(), bytes()).prop_map(|(f, rop, max, aux)| {
            ExecuteRequest {
                flags: ExecuteFlags(f),
                rop_buffer: rop,
                max_rop_out: max,
                auxiliary_buffer: aux,
            }
        })
    }

    fn execute_response() -> impl Strategy<Value = ExecuteResponse> {
        prop_oneof![
            (any::<u32>(), any::<u32>(), bytes(), bytes()).prop_map(|(e, f, rop, aux)| {
                ExecuteResponse::Success {
                    error_code: ErrorCode(e),
                    flags: f,
                    rop_buffer: rop,
                    auxiliary_buffer: aux,
                }
            }),
            failure().prop_map(ExecuteResponse::Failure),
        ]
    }

    fn disconnect_response() -> impl Strategy<Value = DisconnectResponse> {
        prop_oneof![
            (any::<u32>(), bytes()).prop_map(|(e, aux)| DisconnectResponse::Success {
                error_code: ErrorCode(e),
                auxiliary_buffer: aux,
            }),
            failure().prop_map(DisconnectResponse::Failure),
        ]
    }

    fn notification_wait_response() -> impl Strategy<Value = NotificationWaitResponse> {
        prop_oneof![
            (any::<u32>(), any::<u32>(), bytes()).prop_map(|(e, p, aux)| {
                NotificationWaitResponse::Success {
                    error_code: ErrorCode(e),
                    event_pending: p,
                    auxiliary_buffer: aux,
                }
            }),
            failure().prop_map(NotificationWaitResponse::Failure),
        ]
    }

    fn round_trip<T: Wire + PartialEq + std::fmt::Debug>(v: &T) -> Result<(), TestCaseError> {
        let b = v.to_bytes().unwrap();
        prop_assert_eq!(&T::from_bytes(&b).unwrap(), v);
        Ok(())
    }

    proptest! {
        #[test]
        fn connect_request_round_trips(v in connect_request()) { round_trip(&v)?; }
        #[test]
        fn connect_response_round_trips(v in connect_response()) { round_trip(&v)?; }
        #[test]
        fn execute_request_round_trips(v in execute_request()) { round_trip(&v)?; }
        #[test]
        fn execute_response_round_trips(v in execute_response()) { round_trip(&v)?; }
        #[test]
        fn disconnect_request_round_trips(aux in bytes()) {
            round_trip(&DisconnectRequest { auxiliary_buffer: aux })?;
        }
        #[test]
        fn disconnect_response_round_trips(v in disconnect_response()) { round_trip(&v)?; }
        #[test]
        fn notification_wait_request_round_trips(f in any::<u32>(), aux in bytes()) {
            round_trip(&NotificationWaitRequest { flags: f, auxiliary_buffer: aux })?;
        }
        #[test]
        fn notification_wait_response_round_trips(v in notification_wait_response()) {
            round_trip(&v)?;
        }
        #[test]
        fn failure_round_trips(v in failure()) { round_trip(&v)?; }

        #[test]
        fn decoders_never_panic(b in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = ConnectRequest::from_bytes(&b);
            let _ = ConnectResponse::from_bytes(&b);
            let _ = ExecuteRequest::from_bytes(&b);
            let _ = ExecuteResponse::from_bytes(&b);
            let _ = DisconnectRequest::from_bytes(&b);
            let _ = DisconnectResponse::from_bytes(&b);
            let _ = NotificationWaitRequest::from_bytes(&b);
            let _ = NotificationWaitResponse::from_bytes(&b);
        }
    }
}
