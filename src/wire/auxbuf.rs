//! MS-OXCRPC 2.2.2.2 auxiliary buffers: the AUX_HEADER and every auxiliary block structure of
//! sections 2.2.2.2.1 to 2.2.2.2.23.
//!
//! An auxiliary buffer (MS-OXCRPC 3.1.4.1.1.1.1 rgbAuxIn, 3.1.4.1.1.1.2 rgbAuxOut; the
//! `AuxiliaryBuffer` fields of MS-OXCMAPIHTTP 2.2.4) is an RPC_HEADER_EXT followed by a payload
//! that may be XORed and compressed. This module handles only that payload *after* the
//! RPC_HEADER_EXT has been read and the payload de-obfuscated and decompressed (see
//! [`crate::wire::rpc_ext`]): a sequence of blocks, each an AUX_HEADER (Size, Version, Type)
//! followed by the block structure that Version and Type select. The specification gives no
//! alignment or padding between blocks: each block starts where the previous block's Size ends,
//! and the sequence ends with the input.
//!
//! Strings and binaries inside a block are reached through offsets counted from the start of
//! the block's AUX_HEADER (offset 0 means null or empty). They are decoded into owned values;
//! the encoder lays them out right after the fixed part, contiguously and in the order the
//! specification's diagram lists them, so a value this encoder produced round-trips
//! byte-for-byte. A block from elsewhere whose bytes differ from that canonical form (strings in
//! another order or with gaps, non-zero padding fields, a Size larger than the block needs) is
//! decoded as [`AuxBlock::Verbatim`]: the typed reading plus the exact wire bytes, which the
//! encoder writes back unchanged. [`AuxBlock::decoded`] looks through that wrapper.
//!
//! Blocks with a Version/Type pair that the specification does not define are kept verbatim as
//! [`AuxBlock::Unknown`], as MS-OXCRPC 3.1.4.1.2 and 3.2.4.1.2 require receivers to skip them.

use bytes::BufMut;
use serde::Serialize;
use uuid::Uuid;

use super::error::{EncodeError, ErrorKind, PResult, WireError};
use super::primitives::{
    Wire, guid, put_guid, put_utf16z, u8 as le_u8, u16 as le_u16, u32 as le_u32, utf16z,
};

/// Bytes in an AUX_HEADER.
pub const AUX_HEADER_LEN: usize = 4;

/// Largest block the 16-bit AUX_HEADER Size can describe.
pub const MAX_BLOCK_LEN: usize = u16::MAX as usize;

/// MS-OXCRPC 2.2.2.2 AUX_HEADER Version: with Type it selects the block structure that follows.
/// A newtype so that versions this crate does not know survive a round trip.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AuxVersion(pub u8);

impl AuxVersion {
    /// AUX_VERSION_1.
    pub const V1: Self = Self(0x01);
    /// AUX_VERSION_2: the `_V2` block structures (MS-OXCRPC 2.2.2.2, second table).
    pub const V2: Self = Self(0x02);
}

impl std::fmt::Debug for AuxVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Self::V1 => f.write_str("AUX_VERSION_1"),
            Self::V2 => f.write_str("AUX_VERSION_2"),
            Self(v) => write!(f, "AuxVersion(0x{v:02X})"),
        }
    }
}

/// Who sends a block type, from MS-OXCRPC 3.1.4.1.2.1 (server topology information, server to
/// client) and 3.2.4.1.2 (client performance information, client to server).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum AuxDirection {
    /// Sent by the client in rgbAuxIn / the request AuxiliaryBuffer.
    ClientToServer,
    /// Sent by the server in rgbAuxOut / the response AuxiliaryBuffer.
    ServerToClient,
    /// Either way: AUX_PROTOCOL_DEVICE_IDENTIFICATION is added by devices between client and
    /// server (3.1.4.1.2.1 lists it among the blocks returned to the client).
    Both,
}

/// MS-OXCRPC 2.2.2.2 AUX_HEADER Type, a newtype over the wire byte with the specification's
/// names as constants (the `AUX_TYPE_` prefix dropped), so unknown types survive a round trip.
///
/// The same Type value means different structures under [`AuxVersion::V1`] and
/// [`AuxVersion::V2`]; [`AuxBlock`] resolves the pair.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AuxBlockType(pub u8);

impl AuxBlockType {
    /// AUX_TYPE_PERF_REQUESTID (AUX_PERF_REQUESTID, 2.2.2.2.1).
    pub const PERF_REQUESTID: Self = Self(0x01);
    /// AUX_TYPE_PERF_CLIENTINFO (AUX_PERF_CLIENTINFO, 2.2.2.2.4).
    pub const PERF_CLIENTINFO: Self = Self(0x02);
    /// AUX_TYPE_PERF_SERVERINFO (AUX_PERF_SERVERINFO, 2.2.2.2.5).
    pub const PERF_SERVERINFO: Self = Self(0x03);
    /// AUX_TYPE_PERF_SESSIONINFO (AUX_PERF_SESSIONINFO 2.2.2.2.2; version 2: _V2, 2.2.2.2.3).
    pub const PERF_SESSIONINFO: Self = Self(0x04);
    /// AUX_TYPE_PERF_DEFMDB_SUCCESS (AUX_PERF_DEFMDB_SUCCESS, 2.2.2.2.7).
    pub const PERF_DEFMDB_SUCCESS: Self = Self(0x05);
    /// AUX_TYPE_PERF_DEFGC_SUCCESS (AUX_PERF_DEFGC_SUCCESS, 2.2.2.2.8).
    pub const PERF_DEFGC_SUCCESS: Self = Self(0x06);
    /// AUX_TYPE_PERF_MDB_SUCCESS (AUX_PERF_MDB_SUCCESS 2.2.2.2.9; version 2: _V2, 2.2.2.2.10).
    pub const PERF_MDB_SUCCESS: Self = Self(0x07);
    /// AUX_TYPE_PERF_GC_SUCCESS (AUX_PERF_GC_SUCCESS 2.2.2.2.11; version 2: _V2, 2.2.2.2.12).
    pub const PERF_GC_SUCCESS: Self = Self(0x08);
    /// AUX_TYPE_PERF_FAILURE (AUX_PERF_FAILURE 2.2.2.2.13; version 2: _V2, 2.2.2.2.14).
    pub const PERF_FAILURE: Self = Self(0x09);
    /// AUX_TYPE_CLIENT_CONTROL (AUX_CLIENT_CONTROL, 2.2.2.2.15).
    pub const CLIENT_CONTROL: Self = Self(0x0A);
    /// AUX_TYPE_PERF_PROCESSINFO (AUX_PERF_PROCESSINFO, 2.2.2.2.6, both versions).
    pub const PERF_PROCESSINFO: Self = Self(0x0B);
    /// AUX_TYPE_PERF_BG_DEFMDB_SUCCESS (AUX_PERF_DEFMDB_SUCCESS).
    pub const PERF_BG_DEFMDB_SUCCESS: Self = Self(0x0C);
    /// AUX_TYPE_PERF_BG_DEFGC_SUCCESS (AUX_PERF_DEFGC_SUCCESS).
    pub const PERF_BG_DEFGC_SUCCESS: Self = Self(0x0D);
    /// AUX_TYPE_PERF_BG_MDB_SUCCESS (AUX_PERF_MDB_SUCCESS / _V2).
    pub const PERF_BG_MDB_SUCCESS: Self = Self(0x0E);
    /// AUX_TYPE_PERF_BG_GC_SUCCESS (AUX_PERF_GC_SUCCESS / _V2).
    pub const PERF_BG_GC_SUCCESS: Self = Self(0x0F);
    /// AUX_TYPE_PERF_BG_FAILURE (AUX_PERF_FAILURE / _V2).
    pub const PERF_BG_FAILURE: Self = Self(0x10);
    /// AUX_TYPE_PERF_FG_DEFMDB_SUCCESS (AUX_PERF_DEFMDB_SUCCESS).
    pub const PERF_FG_DEFMDB_SUCCESS: Self = Self(0x11);
    /// AUX_TYPE_PERF_FG_DEFGC_SUCCESS (AUX_PERF_DEFGC_SUCCESS).
    pub const PERF_FG_DEFGC_SUCCESS: Self = Self(0x12);
    /// AUX_TYPE_PERF_FG_MDB_SUCCESS (AUX_PERF_MDB_SUCCESS / _V2).
    pub const PERF_FG_MDB_SUCCESS: Self = Self(0x13);
    /// AUX_TYPE_PERF_FG_GC_SUCCESS (AUX_PERF_GC_SUCCESS / _V2).
    pub const PERF_FG_GC_SUCCESS: Self = Self(0x14);
    /// AUX_TYPE_PERF_FG_FAILURE (AUX_PERF_FAILURE / _V2).
    pub const PERF_FG_FAILURE: Self = Self(0x15);
    /// AUX_TYPE_OSVERSIONINFO (AUX_OSVERSIONINFO, 2.2.2.2.16).
    pub const OSVERSIONINFO: Self = Self(0x16);
    /// AUX_TYPE_EXORGINFO (AUX_EXORGINFO, 2.2.2.2.17).
    pub const EXORGINFO: Self = Self(0x17);
    /// AUX_TYPE_PERF_ACCOUNTINFO (AUX_PERF_ACCOUNTINFO, 2.2.2.2.18).
    pub const PERF_ACCOUNTINFO: Self = Self(0x18);
    /// AUX_TYPE_SERVER_CAPABILITIES (AUX_SERVER_CAPABILITIES, 2.2.2.2.19).
    pub const SERVER_CAPABILITIES: Self = Self(0x46);
    /// AUX_TYPE_ENDPOINT_CAPABILITIES (AUX_ENDPOINT_CAPABILITIES, 2.2.2.2.20).
    pub const ENDPOINT_CAPABILITIES: Self = Self(0x48);
    /// AUX_CLIENT_CONNECTION_INFO (2.2.2.2.21).
    pub const CLIENT_CONNECTION_INFO: Self = Self(0x4A);
    /// AUX_SERVER_SESSION_INFO (2.2.2.2.22).
    pub const SERVER_SESSION_INFO: Self = Self(0x4B);
    /// AUX_PROTOCOL_DEVICE_IDENTIFICATION (2.2.2.2.23).
    pub const PROTOCOL_DEVICE_IDENTIFICATION: Self = Self(0x4E);

    /// The specification's name of the type, if it is one the specification lists.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Self::PERF_REQUESTID => "AUX_TYPE_PERF_REQUESTID",
            Self::PERF_CLIENTINFO => "AUX_TYPE_PERF_CLIENTINFO",
            Self::PERF_SERVERINFO => "AUX_TYPE_PERF_SERVERINFO",
            Self::PERF_SESSIONINFO => "AUX_TYPE_PERF_SESSIONINFO",
            Self::PERF_DEFMDB_SUCCESS => "AUX_TYPE_PERF_DEFMDB_SUCCESS",
            Self::PERF_DEFGC_SUCCESS => "AUX_TYPE_PERF_DEFGC_SUCCESS",
            Self::PERF_MDB_SUCCESS => "AUX_TYPE_PERF_MDB_SUCCESS",
            Self::PERF_GC_SUCCESS => "AUX_TYPE_PERF_GC_SUCCESS",
            Self::PERF_FAILURE => "AUX_TYPE_PERF_FAILURE",
            Self::CLIENT_CONTROL => "AUX_TYPE_CLIENT_CONTROL",
            Self::PERF_PROCESSINFO => "AUX_TYPE_PERF_PROCESSINFO",
            Self::PERF_BG_DEFMDB_SUCCESS => "AUX_TYPE_PERF_BG_DEFMDB_SUCCESS",
            Self::PERF_BG_DEFGC_SUCCESS => "AUX_TYPE_PERF_BG_DEFGC_SUCCESS",
            Self::PERF_BG_MDB_SUCCESS => "AUX_TYPE_PERF_BG_MDB_SUCCESS",
            Self::PERF_BG_GC_SUCCESS => "AUX_TYPE_PERF_BG_GC_SUCCESS",
            Self::PERF_BG_FAILURE => "AUX_TYPE_PERF_BG_FAILURE",
            Self::PERF_FG_DEFMDB_SUCCESS => "AUX_TYPE_PERF_FG_DEFMDB_SUCCESS",
            Self::PERF_FG_DEFGC_SUCCESS => "AUX_TYPE_PERF_FG_DEFGC_SUCCESS",
            Self::PERF_FG_MDB_SUCCESS => "AUX_TYPE_PERF_FG_MDB_SUCCESS",
            Self::PERF_FG_GC_SUCCESS => "AUX_TYPE_PERF_FG_GC_SUCCESS",
            Self::PERF_FG_FAILURE => "AUX_TYPE_PERF_FG_FAILURE",
            Self::OSVERSIONINFO => "AUX_TYPE_OSVERSIONINFO",
            Self::EXORGINFO => "AUX_TYPE_EXORGINFO",
            Self::PERF_ACCOUNTINFO => "AUX_TYPE_PERF_ACCOUNTINFO",
            Self::SERVER_CAPABILITIES => "AUX_TYPE_SERVER_CAPABILITIES",
            Self::ENDPOINT_CAPABILITIES => "AUX_TYPE_ENDPOINT_CAPABILITIES",
            Self::CLIENT_CONNECTION_INFO => "AUX_CLIENT_CONNECTION_INFO",
            Self::SERVER_SESSION_INFO => "AUX_SERVER_SESSION_INFO",
            Self::PROTOCOL_DEVICE_IDENTIFICATION => "AUX_PROTOCOL_DEVICE_IDENTIFICATION",
            _ => return None,
        })
    }

    /// Which side sends this type of block, or `None` for types the specification does not
    /// list. Performance, account and connection blocks go from client to server (MS-OXCRPC
    /// 3.2.4.1.2); control, OS version, organization, capability and server session blocks go
    /// from server to client (3.1.4.1.2.1, 2.2.2.2.20).
    pub fn direction(self) -> Option<AuxDirection> {
        match self {
            Self::CLIENT_CONTROL
            | Self::OSVERSIONINFO
            | Self::EXORGINFO
            | Self::SERVER_CAPABILITIES
            | Self::ENDPOINT_CAPABILITIES
            | Self::SERVER_SESSION_INFO => Some(AuxDirection::ServerToClient),
            Self::PROTOCOL_DEVICE_IDENTIFICATION => Some(AuxDirection::Both),
            Self(0x01..=0x09)
            | Self(0x0B..=0x15)
            | Self::PERF_ACCOUNTINFO
            | Self::CLIENT_CONNECTION_INFO => Some(AuxDirection::ClientToServer),
            _ => None,
        }
    }

    /// True for types a client sends (including those that may go either way).
    pub fn is_client_to_server(self) -> bool {
        matches!(
            self.direction(),
            Some(AuxDirection::ClientToServer | AuxDirection::Both)
        )
    }

    /// True for types a server sends (including those that may go either way).
    pub fn is_server_to_client(self) -> bool {
        matches!(
            self.direction(),
            Some(AuxDirection::ServerToClient | AuxDirection::Both)
        )
    }
}

impl std::fmt::Debug for AuxBlockType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "AuxBlockType(0x{:02X})", self.0),
        }
    }
}

/// MS-OXCRPC 2.2.2.2 AUX_HEADER: the 4 bytes in front of every auxiliary block. `size` counts
/// the header itself plus the block that follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct AuxHeader {
    /// Size: header plus block, in bytes; at least [`AUX_HEADER_LEN`].
    pub size: u16,
    /// Version: with `block_type`, selects the block structure.
    pub version: AuxVersion,
    /// Type: with `version`, selects the block structure.
    pub block_type: AuxBlockType,
}

impl Wire for AuxHeader {
    const NAME: &'static str = "AUX_HEADER";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        // Report a short header at its start, not at the field that ran out.
        if input.len() < AUX_HEADER_LEN {
            return Err(error_at(
                input,
                Self::NAME,
                ErrorKind::Truncated {
                    needed: AUX_HEADER_LEN - input.len(),
                },
            ));
        }
        let named = |e: nom::Err<WireError>| e.map(|w| w.in_structure(Self::NAME));
        let (rest, size) = le_u16(input).map_err(named)?;
        let (rest, version) = le_u8(rest).map_err(named)?;
        let (rest, block_type) = le_u8(rest).map_err(named)?;
        Ok((
            rest,
            AuxHeader {
                size,
                version: AuxVersion(version),
                block_type: AuxBlockType(block_type),
            },
        ))
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u16_le(self.size);
        out.put_u8(self.version.0);
        out.put_u8(self.block_type.0);
        Ok(())
    }
}

/// Whether a performance block reports a foreground request, a background request, or neither
/// (MS-OXCRPC 2.2.2.2: the `_FG_`, `_BG_` and unprefixed Type values share one structure).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum PerfScope {
    /// The unprefixed type (e.g. AUX_TYPE_PERF_MDB_SUCCESS).
    Unspecified,
    /// The `_BG_` type: a request made while the client works in cached mode.
    Background,
    /// The `_FG_` type: a request the user waits for.
    Foreground,
}

impl PerfScope {
    fn pick(self, types: [u8; 3]) -> AuxBlockType {
        let [plain, bg, fg] = types;
        AuxBlockType(match self {
            PerfScope::Unspecified => plain,
            PerfScope::Background => bg,
            PerfScope::Foreground => fg,
        })
    }

    fn of(ty: AuxBlockType, types: [u8; 3]) -> Option<Self> {
        let [plain, bg, fg] = types;
        match ty.0 {
            t if t == plain => Some(PerfScope::Unspecified),
            t if t == bg => Some(PerfScope::Background),
            t if t == fg => Some(PerfScope::Foreground),
            _ => None,
        }
    }
}

const DEFMDB_TYPES: [u8; 3] = [0x05, 0x0C, 0x11];
const DEFGC_TYPES: [u8; 3] = [0x06, 0x0D, 0x12];
const MDB_TYPES: [u8; 3] = [0x07, 0x0E, 0x13];
const GC_TYPES: [u8; 3] = [0x08, 0x0F, 0x14];
const FAILURE_TYPES: [u8; 3] = [0x09, 0x10, 0x15];

/// MS-OXCRPC 2.2.2.2.4 AUX_PERF_CLIENTINFO ClientMode, a newtype so unknown modes survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct ClientMode(pub u16);

impl ClientMode {
    /// CLIENTMODE_UNKNOWN.
    pub const UNKNOWN: Self = Self(0x0000);
    /// CLIENTMODE_CLASSIC: online mode.
    pub const CLASSIC: Self = Self(0x0001);
    /// CLIENTMODE_CACHED: cached mode.
    pub const CACHED: Self = Self(0x0002);
}

/// MS-OXCRPC 2.2.2.2.5 AUX_PERF_SERVERINFO ServerType, a newtype so unknown types survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct ServerType(pub u16);

impl ServerType {
    /// SERVERTYPE_UNKNOWN.
    pub const UNKNOWN: Self = Self(0x0000);
    /// Connection servicing private mailbox data.
    pub const PRIVATE: Self = Self(0x0001);
    /// Connection servicing public folder data.
    pub const PUBLIC: Self = Self(0x0002);
    /// Connection servicing directory data.
    pub const DIRECTORY: Self = Self(0x0003);
    /// Connection servicing referrals.
    pub const REFERRAL: Self = Self(0x0004);
}

// ---------------------------------------------------------------------------------------------
// Block structures.

/// MS-OXCRPC 2.2.2.2.1 AUX_PERF_REQUESTID: the request a session's performance data is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfRequestId {
    /// SessionID.
    pub session_id: u16,
    /// RequestID.
    pub request_id: u16,
}

/// MS-OXCRPC 2.2.2.2.2 AUX_PERF_SESSIONINFO (version 1): a client session to associate
/// performance data with. The 2-byte Reserved padding is written as zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfSessionInfo {
    /// SessionID.
    pub session_id: u16,
    /// SessionGuid.
    pub session_guid: Uuid,
}

/// MS-OXCRPC 2.2.2.2.3 AUX_PERF_SESSIONINFO_V2: AUX_PERF_SESSIONINFO plus a connection number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfSessionInfoV2 {
    /// SessionID.
    pub session_id: u16,
    /// SessionGuid.
    pub session_guid: Uuid,
    /// ConnectionID.
    pub connection_id: u32,
}

/// MS-OXCRPC 2.2.2.2.4 AUX_PERF_CLIENTINFO: the client machine and user. MachineName, UserName
/// and AdapterName are null-terminated UTF-16LE; ClientIP, ClientIPMask and MacAddress are
/// binaries with a size field. `None` is an offset of zero (null or empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfClientInfo {
    /// AdapterSpeed, kilobits per second.
    pub adapter_speed: u32,
    /// ClientID.
    pub client_id: u16,
    /// MachineName.
    pub machine_name: Option<String>,
    /// UserName.
    pub user_name: Option<String>,
    /// ClientIP (ClientIPSize bytes).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex_opt")]
    pub client_ip: Option<Vec<u8>>,
    /// ClientIPMask (ClientIPMaskSize bytes).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex_opt")]
    pub client_ip_mask: Option<Vec<u8>>,
    /// AdapterName.
    pub adapter_name: Option<String>,
    /// MacAddress (MacAddressSize bytes).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex_opt")]
    pub mac_address: Option<Vec<u8>>,
    /// ClientMode.
    pub client_mode: ClientMode,
}

/// MS-OXCRPC 2.2.2.2.5 AUX_PERF_SERVERINFO: the server performance data is about. ServerDN and
/// ServerName are null-terminated UTF-16LE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfServerInfo {
    /// ServerID.
    pub server_id: u16,
    /// ServerType.
    pub server_type: ServerType,
    /// ServerDN.
    pub server_dn: Option<String>,
    /// ServerName.
    pub server_name: Option<String>,
}

/// MS-OXCRPC 2.2.2.2.6 AUX_PERF_PROCESSINFO: the client process. ProcessName is
/// null-terminated UTF-16LE; both 2-byte Reserved fields are written as zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfProcessInfo {
    /// ProcessID.
    pub process_id: u16,
    /// ProcessGuid.
    pub process_guid: Uuid,
    /// ProcessName.
    pub process_name: Option<String>,
}

/// MS-OXCRPC 2.2.2.2.7 AUX_PERF_DEFMDB_SUCCESS: a successful call to the messaging server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfDefMdbSuccess {
    /// TimeSinceRequest, milliseconds.
    pub time_since_request: u32,
    /// TimeToCompleteRequest, milliseconds.
    pub time_to_complete_request: u32,
    /// RequestID.
    pub request_id: u16,
}

/// MS-OXCRPC 2.2.2.2.8 AUX_PERF_DEFGC_SUCCESS: a successful call to the directory service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfDefGcSuccess {
    /// ServerID.
    pub server_id: u16,
    /// SessionID.
    pub session_id: u16,
    /// TimeSinceRequest, milliseconds.
    pub time_since_request: u32,
    /// TimeToCompleteRequest, milliseconds.
    pub time_to_complete_request: u32,
    /// RequestOperation (client-defined).
    pub request_operation: u8,
}

/// MS-OXCRPC 2.2.2.2.9 AUX_PERF_MDB_SUCCESS: a successful call to the messaging server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfMdbSuccess {
    /// ClientID.
    pub client_id: u16,
    /// ServerID.
    pub server_id: u16,
    /// SessionID.
    pub session_id: u16,
    /// RequestID.
    pub request_id: u16,
    /// TimeSinceRequest, milliseconds.
    pub time_since_request: u32,
    /// TimeToCompleteRequest, milliseconds.
    pub time_to_complete_request: u32,
}

/// MS-OXCRPC 2.2.2.2.10 AUX_PERF_MDB_SUCCESS_V2: AUX_PERF_MDB_SUCCESS with a process number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfMdbSuccessV2 {
    /// ProcessID.
    pub process_id: u16,
    /// ClientID.
    pub client_id: u16,
    /// ServerID.
    pub server_id: u16,
    /// SessionID.
    pub session_id: u16,
    /// RequestID.
    pub request_id: u16,
    /// TimeSinceRequest, milliseconds.
    pub time_since_request: u32,
    /// TimeToCompleteRequest, milliseconds.
    pub time_to_complete_request: u32,
}

/// MS-OXCRPC 2.2.2.2.11 AUX_PERF_GC_SUCCESS: a successful call to the directory service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfGcSuccess {
    /// ClientID.
    pub client_id: u16,
    /// ServerID.
    pub server_id: u16,
    /// SessionID.
    pub session_id: u16,
    /// TimeSinceRequest, milliseconds.
    pub time_since_request: u32,
    /// TimeToCompleteRequest, milliseconds.
    pub time_to_complete_request: u32,
    /// RequestOperation (client-defined).
    pub request_operation: u8,
}

/// MS-OXCRPC 2.2.2.2.12 AUX_PERF_GC_SUCCESS_V2: AUX_PERF_GC_SUCCESS with a process number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfGcSuccessV2 {
    /// ProcessID.
    pub process_id: u16,
    /// ClientID.
    pub client_id: u16,
    /// ServerID.
    pub server_id: u16,
    /// SessionID.
    pub session_id: u16,
    /// TimeSinceRequest, milliseconds.
    pub time_since_request: u32,
    /// TimeToCompleteRequest, milliseconds.
    pub time_to_complete_request: u32,
    /// RequestOperation (client-defined).
    pub request_operation: u8,
}

/// MS-OXCRPC 2.2.2.2.13 AUX_PERF_FAILURE: a failed call to the messaging server or directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfFailure {
    /// ClientID.
    pub client_id: u16,
    /// ServerID.
    pub server_id: u16,
    /// SessionID.
    pub session_id: u16,
    /// RequestID.
    pub request_id: u16,
    /// TimeSinceRequest, milliseconds.
    pub time_since_request: u32,
    /// TimeToFailRequest, milliseconds.
    pub time_to_fail_request: u32,
    /// ResultCode (implementation-specific error code).
    pub result_code: u32,
    /// RequestOperation (client-defined).
    pub request_operation: u8,
}

/// MS-OXCRPC 2.2.2.2.14 AUX_PERF_FAILURE_V2: AUX_PERF_FAILURE with a process number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfFailureV2 {
    /// ProcessID.
    pub process_id: u16,
    /// ClientID.
    pub client_id: u16,
    /// ServerID.
    pub server_id: u16,
    /// SessionID.
    pub session_id: u16,
    /// RequestID.
    pub request_id: u16,
    /// TimeSinceRequest, milliseconds.
    pub time_since_request: u32,
    /// TimeToFailRequest, milliseconds.
    pub time_to_fail_request: u32,
    /// ResultCode (implementation-specific error code).
    pub result_code: u32,
    /// RequestOperation (client-defined).
    pub request_operation: u8,
}

/// MS-OXCRPC 2.2.2.2.15 AUX_CLIENT_CONTROL: the server tells the client what to switch on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxClientControl {
    /// EnableFlags (`ENABLE_*` constants); a clear flag disables the behaviour.
    pub enable_flags: u32,
    /// ExpiryTime: milliseconds the client keeps unsent performance data.
    pub expiry_time: u32,
}

impl AuxClientControl {
    /// ENABLE_PERF_SENDTOSERVER: send performance information to the server.
    pub const ENABLE_PERF_SENDTOSERVER: u32 = 0x0000_0001;
    /// ENABLE_COMPRESSION: compress data sent to the server.
    pub const ENABLE_COMPRESSION: u32 = 0x0000_0004;
    /// ENABLE_HTTP_TUNNELING.
    pub const ENABLE_HTTP_TUNNELING: u32 = 0x0000_0008;
    /// ENABLE_PERF_SENDGCDATA: include directory-service performance data.
    pub const ENABLE_PERF_SENDGCDATA: u32 = 0x0000_0010;
}

/// MS-OXCRPC 2.2.2.2.16 AUX_OSVERSIONINFO: the server's operating system version. Reserved1
/// (132 bytes) and Reserved2 (4 bytes) are written as zeros.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxOsVersionInfo {
    /// OSVersionInfoSize, as sent (the size of the structure the server filled in).
    pub os_version_info_size: u32,
    /// MajorVersion.
    pub major_version: u32,
    /// MinorVersion.
    pub minor_version: u32,
    /// BuildNumber.
    pub build_number: u32,
    /// ServicePackMajor.
    pub service_pack_major: u16,
    /// ServicePackMinor.
    pub service_pack_minor: u16,
}

/// MS-OXCRPC 2.2.2.2.17 AUX_EXORGINFO: whether the organization has public folders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxExOrgInfo {
    /// OrgFlags (`PUBLIC_FOLDERS_ENABLED`, ...).
    pub org_flags: u32,
}

impl AuxExOrgInfo {
    /// PUBLIC_FOLDERS_ENABLED: the organization has public folders.
    pub const PUBLIC_FOLDERS_ENABLED: u32 = 0x0000_0001;
    /// USE_AUTODISCOVER_FOR_PUBLIC_FOLDER_CONFIGURATION: find public folders by Autodiscover.
    pub const USE_AUTODISCOVER_FOR_PUBLIC_FOLDER_CONFIGURATION: u32 = 0x0000_0002;
}

/// MS-OXCRPC 2.2.2.2.18 AUX_PERF_ACCOUNTINFO: the client account. Reserved is written as zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxPerfAccountInfo {
    /// ClientID (as in AUX_PERF_CLIENTINFO).
    pub client_id: u16,
    /// Account.
    pub account: Uuid,
}

/// MS-OXCRPC 2.2.2.2.19 AUX_SERVER_CAPABILITIES: capabilities of the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxServerCapabilities {
    /// ServerCapabilityFlags.
    pub server_capability_flags: u32,
}

impl AuxServerCapabilities {
    /// PACKED_FAST_TRANSFER_UPLOAD_BUFFERS.
    pub const PACKED_FAST_TRANSFER_UPLOAD_BUFFERS: u32 = 0x0000_0001;
    /// PACKED_WRITE_STREAM_UPLOAD_BUFFERS.
    pub const PACKED_WRITE_STREAM_UPLOAD_BUFFERS: u32 = 0x0000_0002;
    /// ULTRA_LARGE_PACKED_DOWNLOAD_BUFFERS.
    pub const ULTRA_LARGE_PACKED_DOWNLOAD_BUFFERS: u32 = 0x0000_0008;
}

/// MS-OXCRPC 2.2.2.2.20 AUX_ENDPOINT_CAPABILITIES: the server serves several interfaces on one
/// endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxEndpointCapabilities {
    /// EndpointCapabilityFlags.
    pub endpoint_capability_flags: u32,
}

impl AuxEndpointCapabilities {
    /// ENDPOINT_CAPABILITIES_SINGLE_ENDPOINT: RFRI, NSPI and EMSMDB on one HTTP endpoint.
    pub const SINGLE_ENDPOINT: u32 = 0x0000_0001;
}

/// MS-OXCRPC 2.2.2.2.21 AUX_CLIENT_CONNECTION_INFO: connection details for the server's log.
/// ConnectionContextInfo is null-terminated UTF-16LE; Reserved is written as zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxClientConnectionInfo {
    /// ConnectionGUID.
    pub connection_guid: Uuid,
    /// ConnectionAttempts.
    pub connection_attempts: u32,
    /// ConnectionFlags (0x0001: cached mode).
    pub connection_flags: u32,
    /// ConnectionContextInfo.
    pub connection_context_info: Option<String>,
}

/// MS-OXCRPC 2.2.2.2.22 AUX_SERVER_SESSION_INFO: opaque server session information for the
/// client's log, null-terminated UTF-16LE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxServerSessionInfo {
    /// ServerSessionContextInfo.
    pub server_session_context_info: Option<String>,
}

/// MS-OXCRPC 2.2.2.2.23 AUX_PROTOCOL_DEVICE_IDENTIFICATION: a device between client and
/// server. All five strings are null-terminated UTF-16LE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuxProtocolDeviceIdentification {
    /// DeviceManufacturer.
    pub device_manufacturer: Option<String>,
    /// DeviceModel.
    pub device_model: Option<String>,
    /// DeviceSerialNumber.
    pub device_serial_number: Option<String>,
    /// DeviceVersion.
    pub device_version: Option<String>,
    /// DeviceFirmwareVersion.
    pub device_firmware_version: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Block body codec plumbing.

type Res<T> = Result<T, nom::Err<WireError>>;

fn error_at(input: &[u8], structure: &'static str, kind: ErrorKind) -> nom::Err<WireError> {
    nom::Err::Error(WireError::new(input, kind).in_structure(structure))
}

/// Reads fixed fields off the front of a payload.
struct Fields<'a> {
    rest: &'a [u8],
}

impl<'a> Fields<'a> {
    fn u8(&mut self) -> Res<u8> {
        let (rest, v) = le_u8(self.rest)?;
        self.rest = rest;
        Ok(v)
    }
    fn u16(&mut self) -> Res<u16> {
        let (rest, v) = le_u16(self.rest)?;
        self.rest = rest;
        Ok(v)
    }
    fn u32(&mut self) -> Res<u32> {
        let (rest, v) = le_u32(self.rest)?;
        self.rest = rest;
        Ok(v)
    }
    fn guid(&mut self) -> Res<Uuid> {
        let (rest, v) = guid(self.rest)?;
        self.rest = rest;
        Ok(v)
    }
    fn skip(&mut self, n: usize) -> Res<()> {
        let (rest, _) = super::primitives::take(self.rest, n)?;
        self.rest = rest;
        Ok(())
    }
}

/// The whole block (AUX_HEADER included), against which string offsets are resolved.
struct Block<'a> {
    bytes: &'a [u8],
    /// First offset past the fixed part; offsets below it point into the header or fields.
    min: usize,
    structure: &'static str,
}

impl Block<'_> {
    fn utf16(&self, offset: u16, field: &'static str) -> Res<Option<String>> {
        if offset == 0 {
            return Ok(None);
        }
        let at = self.locate(offset, 1, field)?;
        let (_, s) = utf16z(at).map_err(|e| e.map(|w| w.in_structure(self.structure)))?;
        Ok(Some(s))
    }

    fn binary(&self, offset: u16, size: u16, field: &'static str) -> Res<Option<Vec<u8>>> {
        if offset == 0 {
            return Ok(None);
        }
        let at = self.locate(offset, usize::from(size), field)?;
        Ok(Some(
            at.get(..usize::from(size)).unwrap_or_default().to_vec(),
        ))
    }

    /// The bytes from `offset` to the end of the block, after checking that the offset points
    /// past the fixed part and that at least `need` bytes follow it inside the block.
    fn locate(&self, offset: u16, need: usize, field: &'static str) -> Res<&[u8]> {
        let off = usize::from(offset);
        if off < self.min {
            return Err(error_at(
                self.bytes,
                self.structure,
                ErrorKind::InvalidValue {
                    field,
                    value: u64::from(offset),
                },
            ));
        }
        let end = off.saturating_add(need);
        match self.bytes.get(off..) {
            Some(at) if end <= self.bytes.len() => Ok(at),
            _ => Err(error_at(
                self.bytes,
                self.structure,
                ErrorKind::LengthExceedsInput {
                    field,
                    declared: end as u64,
                    available: self.bytes.len(),
                },
            )),
        }
    }
}

/// Lays out the variable part of a block after its fixed part and hands back offsets.
struct Tail {
    base: usize,
    bytes: Vec<u8>,
    structure: &'static str,
}

impl Tail {
    fn new(structure: &'static str, fixed: usize) -> Self {
        Tail {
            base: AUX_HEADER_LEN + fixed,
            bytes: Vec::new(),
            structure,
        }
    }

    fn offset(&self, field: &'static str) -> Result<u16, EncodeError> {
        let at = self.base + self.bytes.len();
        u16::try_from(at).map_err(|_| EncodeError::TooLong {
            structure: self.structure,
            field,
            len: at,
            max: MAX_BLOCK_LEN,
        })
    }

    fn utf16(&mut self, s: &Option<String>, field: &'static str) -> Result<u16, EncodeError> {
        let Some(s) = s else { return Ok(0) };
        let off = self.offset(field)?;
        put_utf16z(&mut self.bytes, s, self.structure)?;
        Ok(off)
    }

    /// Returns (size, offset).
    fn binary(
        &mut self,
        b: &Option<Vec<u8>>,
        size_field: &'static str,
        offset_field: &'static str,
    ) -> Result<(u16, u16), EncodeError> {
        let Some(b) = b else { return Ok((0, 0)) };
        let size = u16::try_from(b.len()).map_err(|_| EncodeError::TooLong {
            structure: self.structure,
            field: size_field,
            len: b.len(),
            max: MAX_BLOCK_LEN,
        })?;
        let off = self.offset(offset_field)?;
        self.bytes.extend_from_slice(b);
        Ok((size, off))
    }
}

/// One block structure's payload codec. `decode_body` gets the whole block (header included)
/// because string offsets count from the AUX_HEADER; `encode_body` writes the payload only.
trait Body: Sized {
    const NAME: &'static str;
    /// Length of the fixed part of the payload.
    const FIXED: usize;
    fn read(fields: &mut Fields<'_>, block: &Block<'_>) -> Res<Self>;
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError>;
}

fn decode_body<T: Body>(block: &[u8]) -> Res<T> {
    let payload = block.get(AUX_HEADER_LEN..).unwrap_or_default();
    if payload.len() < T::FIXED {
        return Err(error_at(
            payload,
            T::NAME,
            ErrorKind::Truncated {
                needed: T::FIXED - payload.len(),
            },
        ));
    }
    let view = Block {
        bytes: block,
        min: AUX_HEADER_LEN + T::FIXED,
        structure: T::NAME,
    };
    let mut fields = Fields { rest: payload };
    T::read(&mut fields, &view).map_err(|e| e.map(|w| w.in_structure(T::NAME)))
}

impl Body for AuxPerfRequestId {
    const NAME: &'static str = "AUX_PERF_REQUESTID";
    const FIXED: usize = 4;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        Ok(AuxPerfRequestId {
            session_id: f.u16()?,
            request_id: f.u16()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.session_id);
        out.put_u16_le(self.request_id);
        Ok(())
    }
}

impl Body for AuxPerfSessionInfo {
    const NAME: &'static str = "AUX_PERF_SESSIONINFO";
    const FIXED: usize = 20;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let session_id = f.u16()?;
        f.skip(2)?;
        Ok(AuxPerfSessionInfo {
            session_id,
            session_guid: f.guid()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.session_id);
        out.put_u16_le(0);
        put_guid(out, &self.session_guid);
        Ok(())
    }
}

impl Body for AuxPerfSessionInfoV2 {
    const NAME: &'static str = "AUX_PERF_SESSIONINFO_V2";
    const FIXED: usize = 24;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let session_id = f.u16()?;
        f.skip(2)?;
        Ok(AuxPerfSessionInfoV2 {
            session_id,
            session_guid: f.guid()?,
            connection_id: f.u32()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.session_id);
        out.put_u16_le(0);
        put_guid(out, &self.session_guid);
        out.put_u32_le(self.connection_id);
        Ok(())
    }
}

impl Body for AuxPerfClientInfo {
    const NAME: &'static str = "AUX_PERF_CLIENTINFO";
    const FIXED: usize = 28;
    fn read(f: &mut Fields<'_>, b: &Block<'_>) -> Res<Self> {
        let adapter_speed = f.u32()?;
        let client_id = f.u16()?;
        let machine_name_offset = f.u16()?;
        let user_name_offset = f.u16()?;
        let client_ip_size = f.u16()?;
        let client_ip_offset = f.u16()?;
        let client_ip_mask_size = f.u16()?;
        let client_ip_mask_offset = f.u16()?;
        let adapter_name_offset = f.u16()?;
        let mac_address_size = f.u16()?;
        let mac_address_offset = f.u16()?;
        let client_mode = ClientMode(f.u16()?);
        f.skip(2)?;
        Ok(AuxPerfClientInfo {
            adapter_speed,
            client_id,
            machine_name: b.utf16(machine_name_offset, "MachineNameOffset")?,
            user_name: b.utf16(user_name_offset, "UserNameOffset")?,
            client_ip: b.binary(client_ip_offset, client_ip_size, "ClientIPOffset")?,
            client_ip_mask: b.binary(
                client_ip_mask_offset,
                client_ip_mask_size,
                "ClientIPMaskOffset",
            )?,
            adapter_name: b.utf16(adapter_name_offset, "AdapterNameOffset")?,
            mac_address: b.binary(mac_address_offset, mac_address_size, "MacAddressOffset")?,
            client_mode,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let mut tail = Tail::new(Self::NAME, Self::FIXED);
        let machine_name = tail.utf16(&self.machine_name, "MachineNameOffset")?;
        let user_name = tail.utf16(&self.user_name, "UserNameOffset")?;
        let (ip_size, ip) = tail.binary(&self.client_ip, "ClientIPSize", "ClientIPOffset")?;
        let (mask_size, mask) = tail.binary(
            &self.client_ip_mask,
            "ClientIPMaskSize",
            "ClientIPMaskOffset",
        )?;
        let adapter_name = tail.utf16(&self.adapter_name, "AdapterNameOffset")?;
        let (mac_size, mac) =
            tail.binary(&self.mac_address, "MacAddressSize", "MacAddressOffset")?;
        out.put_u32_le(self.adapter_speed);
        out.put_u16_le(self.client_id);
        out.put_u16_le(machine_name);
        out.put_u16_le(user_name);
        out.put_u16_le(ip_size);
        out.put_u16_le(ip);
        out.put_u16_le(mask_size);
        out.put_u16_le(mask);
        out.put_u16_le(adapter_name);
        out.put_u16_le(mac_size);
        out.put_u16_le(mac);
        out.put_u16_le(self.client_mode.0);
        out.put_u16_le(0);
        out.extend_from_slice(&tail.bytes);
        Ok(())
    }
}

impl Body for AuxPerfServerInfo {
    const NAME: &'static str = "AUX_PERF_SERVERINFO";
    const FIXED: usize = 8;
    fn read(f: &mut Fields<'_>, b: &Block<'_>) -> Res<Self> {
        let server_id = f.u16()?;
        let server_type = ServerType(f.u16()?);
        let dn = f.u16()?;
        let name = f.u16()?;
        Ok(AuxPerfServerInfo {
            server_id,
            server_type,
            server_dn: b.utf16(dn, "ServerDNOffset")?,
            server_name: b.utf16(name, "ServerNameOffset")?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let mut tail = Tail::new(Self::NAME, Self::FIXED);
        let dn = tail.utf16(&self.server_dn, "ServerDNOffset")?;
        let name = tail.utf16(&self.server_name, "ServerNameOffset")?;
        out.put_u16_le(self.server_id);
        out.put_u16_le(self.server_type.0);
        out.put_u16_le(dn);
        out.put_u16_le(name);
        out.extend_from_slice(&tail.bytes);
        Ok(())
    }
}

impl Body for AuxPerfProcessInfo {
    const NAME: &'static str = "AUX_PERF_PROCESSINFO";
    const FIXED: usize = 24;
    fn read(f: &mut Fields<'_>, b: &Block<'_>) -> Res<Self> {
        let process_id = f.u16()?;
        f.skip(2)?;
        let process_guid = f.guid()?;
        let name = f.u16()?;
        f.skip(2)?;
        Ok(AuxPerfProcessInfo {
            process_id,
            process_guid,
            process_name: b.utf16(name, "ProcessNameOffset")?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let mut tail = Tail::new(Self::NAME, Self::FIXED);
        let name = tail.utf16(&self.process_name, "ProcessNameOffset")?;
        out.put_u16_le(self.process_id);
        out.put_u16_le(0);
        put_guid(out, &self.process_guid);
        out.put_u16_le(name);
        out.put_u16_le(0);
        out.extend_from_slice(&tail.bytes);
        Ok(())
    }
}

impl Body for AuxPerfDefMdbSuccess {
    const NAME: &'static str = "AUX_PERF_DEFMDB_SUCCESS";
    const FIXED: usize = 12;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let v = AuxPerfDefMdbSuccess {
            time_since_request: f.u32()?,
            time_to_complete_request: f.u32()?,
            request_id: f.u16()?,
        };
        f.skip(2)?;
        Ok(v)
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u32_le(self.time_since_request);
        out.put_u32_le(self.time_to_complete_request);
        out.put_u16_le(self.request_id);
        out.put_u16_le(0);
        Ok(())
    }
}

impl Body for AuxPerfDefGcSuccess {
    const NAME: &'static str = "AUX_PERF_DEFGC_SUCCESS";
    const FIXED: usize = 16;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let v = AuxPerfDefGcSuccess {
            server_id: f.u16()?,
            session_id: f.u16()?,
            time_since_request: f.u32()?,
            time_to_complete_request: f.u32()?,
            request_operation: f.u8()?,
        };
        f.skip(3)?;
        Ok(v)
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.server_id);
        out.put_u16_le(self.session_id);
        out.put_u32_le(self.time_since_request);
        out.put_u32_le(self.time_to_complete_request);
        out.put_u8(self.request_operation);
        out.put_bytes(0, 3);
        Ok(())
    }
}

impl Body for AuxPerfMdbSuccess {
    const NAME: &'static str = "AUX_PERF_MDB_SUCCESS";
    const FIXED: usize = 16;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        Ok(AuxPerfMdbSuccess {
            client_id: f.u16()?,
            server_id: f.u16()?,
            session_id: f.u16()?,
            request_id: f.u16()?,
            time_since_request: f.u32()?,
            time_to_complete_request: f.u32()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.client_id);
        out.put_u16_le(self.server_id);
        out.put_u16_le(self.session_id);
        out.put_u16_le(self.request_id);
        out.put_u32_le(self.time_since_request);
        out.put_u32_le(self.time_to_complete_request);
        Ok(())
    }
}

impl Body for AuxPerfMdbSuccessV2 {
    const NAME: &'static str = "AUX_PERF_MDB_SUCCESS_V2";
    const FIXED: usize = 20;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let process_id = f.u16()?;
        let client_id = f.u16()?;
        let server_id = f.u16()?;
        let session_id = f.u16()?;
        let request_id = f.u16()?;
        f.skip(2)?;
        Ok(AuxPerfMdbSuccessV2 {
            process_id,
            client_id,
            server_id,
            session_id,
            request_id,
            time_since_request: f.u32()?,
            time_to_complete_request: f.u32()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.process_id);
        out.put_u16_le(self.client_id);
        out.put_u16_le(self.server_id);
        out.put_u16_le(self.session_id);
        out.put_u16_le(self.request_id);
        out.put_u16_le(0);
        out.put_u32_le(self.time_since_request);
        out.put_u32_le(self.time_to_complete_request);
        Ok(())
    }
}

impl Body for AuxPerfGcSuccess {
    const NAME: &'static str = "AUX_PERF_GC_SUCCESS";
    const FIXED: usize = 20;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let client_id = f.u16()?;
        let server_id = f.u16()?;
        let session_id = f.u16()?;
        f.skip(2)?;
        let v = AuxPerfGcSuccess {
            client_id,
            server_id,
            session_id,
            time_since_request: f.u32()?,
            time_to_complete_request: f.u32()?,
            request_operation: f.u8()?,
        };
        f.skip(3)?;
        Ok(v)
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.client_id);
        out.put_u16_le(self.server_id);
        out.put_u16_le(self.session_id);
        out.put_u16_le(0);
        out.put_u32_le(self.time_since_request);
        out.put_u32_le(self.time_to_complete_request);
        out.put_u8(self.request_operation);
        out.put_bytes(0, 3);
        Ok(())
    }
}

impl Body for AuxPerfGcSuccessV2 {
    const NAME: &'static str = "AUX_PERF_GC_SUCCESS_V2";
    const FIXED: usize = 20;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let v = AuxPerfGcSuccessV2 {
            process_id: f.u16()?,
            client_id: f.u16()?,
            server_id: f.u16()?,
            session_id: f.u16()?,
            time_since_request: f.u32()?,
            time_to_complete_request: f.u32()?,
            request_operation: f.u8()?,
        };
        f.skip(3)?;
        Ok(v)
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.process_id);
        out.put_u16_le(self.client_id);
        out.put_u16_le(self.server_id);
        out.put_u16_le(self.session_id);
        out.put_u32_le(self.time_since_request);
        out.put_u32_le(self.time_to_complete_request);
        out.put_u8(self.request_operation);
        out.put_bytes(0, 3);
        Ok(())
    }
}

impl Body for AuxPerfFailure {
    const NAME: &'static str = "AUX_PERF_FAILURE";
    const FIXED: usize = 24;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let v = AuxPerfFailure {
            client_id: f.u16()?,
            server_id: f.u16()?,
            session_id: f.u16()?,
            request_id: f.u16()?,
            time_since_request: f.u32()?,
            time_to_fail_request: f.u32()?,
            result_code: f.u32()?,
            request_operation: f.u8()?,
        };
        f.skip(3)?;
        Ok(v)
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.client_id);
        out.put_u16_le(self.server_id);
        out.put_u16_le(self.session_id);
        out.put_u16_le(self.request_id);
        out.put_u32_le(self.time_since_request);
        out.put_u32_le(self.time_to_fail_request);
        out.put_u32_le(self.result_code);
        out.put_u8(self.request_operation);
        out.put_bytes(0, 3);
        Ok(())
    }
}

impl Body for AuxPerfFailureV2 {
    const NAME: &'static str = "AUX_PERF_FAILURE_V2";
    const FIXED: usize = 28;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let process_id = f.u16()?;
        let client_id = f.u16()?;
        let server_id = f.u16()?;
        let session_id = f.u16()?;
        let request_id = f.u16()?;
        f.skip(2)?;
        let v = AuxPerfFailureV2 {
            process_id,
            client_id,
            server_id,
            session_id,
            request_id,
            time_since_request: f.u32()?,
            time_to_fail_request: f.u32()?,
            result_code: f.u32()?,
            request_operation: f.u8()?,
        };
        f.skip(3)?;
        Ok(v)
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.process_id);
        out.put_u16_le(self.client_id);
        out.put_u16_le(self.server_id);
        out.put_u16_le(self.session_id);
        out.put_u16_le(self.request_id);
        out.put_u16_le(0);
        out.put_u32_le(self.time_since_request);
        out.put_u32_le(self.time_to_fail_request);
        out.put_u32_le(self.result_code);
        out.put_u8(self.request_operation);
        out.put_bytes(0, 3);
        Ok(())
    }
}

impl Body for AuxClientControl {
    const NAME: &'static str = "AUX_CLIENT_CONTROL";
    const FIXED: usize = 8;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        Ok(AuxClientControl {
            enable_flags: f.u32()?,
            expiry_time: f.u32()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u32_le(self.enable_flags);
        out.put_u32_le(self.expiry_time);
        Ok(())
    }
}

const OSVERSIONINFO_RESERVED1: usize = 132;

impl Body for AuxOsVersionInfo {
    const NAME: &'static str = "AUX_OSVERSIONINFO";
    const FIXED: usize = 16 + OSVERSIONINFO_RESERVED1 + 8;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let os_version_info_size = f.u32()?;
        let major_version = f.u32()?;
        let minor_version = f.u32()?;
        let build_number = f.u32()?;
        f.skip(OSVERSIONINFO_RESERVED1)?;
        let v = AuxOsVersionInfo {
            os_version_info_size,
            major_version,
            minor_version,
            build_number,
            service_pack_major: f.u16()?,
            service_pack_minor: f.u16()?,
        };
        f.skip(4)?;
        Ok(v)
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u32_le(self.os_version_info_size);
        out.put_u32_le(self.major_version);
        out.put_u32_le(self.minor_version);
        out.put_u32_le(self.build_number);
        out.put_bytes(0, OSVERSIONINFO_RESERVED1);
        out.put_u16_le(self.service_pack_major);
        out.put_u16_le(self.service_pack_minor);
        out.put_u32_le(0);
        Ok(())
    }
}

impl Body for AuxExOrgInfo {
    const NAME: &'static str = "AUX_EXORGINFO";
    const FIXED: usize = 4;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        Ok(AuxExOrgInfo {
            org_flags: f.u32()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u32_le(self.org_flags);
        Ok(())
    }
}

impl Body for AuxPerfAccountInfo {
    const NAME: &'static str = "AUX_PERF_ACCOUNTINFO";
    const FIXED: usize = 20;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        let client_id = f.u16()?;
        f.skip(2)?;
        Ok(AuxPerfAccountInfo {
            client_id,
            account: f.guid()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u16_le(self.client_id);
        out.put_u16_le(0);
        put_guid(out, &self.account);
        Ok(())
    }
}

impl Body for AuxServerCapabilities {
    const NAME: &'static str = "AUX_SERVER_CAPABILITIES";
    const FIXED: usize = 4;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        Ok(AuxServerCapabilities {
            server_capability_flags: f.u32()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u32_le(self.server_capability_flags);
        Ok(())
    }
}

impl Body for AuxEndpointCapabilities {
    const NAME: &'static str = "AUX_ENDPOINT_CAPABILITIES";
    const FIXED: usize = 4;
    fn read(f: &mut Fields<'_>, _: &Block<'_>) -> Res<Self> {
        Ok(AuxEndpointCapabilities {
            endpoint_capability_flags: f.u32()?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        out.put_u32_le(self.endpoint_capability_flags);
        Ok(())
    }
}

impl Body for AuxClientConnectionInfo {
    const NAME: &'static str = "AUX_CLIENT_CONNECTION_INFO";
    const FIXED: usize = 28;
    fn read(f: &mut Fields<'_>, b: &Block<'_>) -> Res<Self> {
        let connection_guid = f.guid()?;
        let context = f.u16()?;
        f.skip(2)?;
        Ok(AuxClientConnectionInfo {
            connection_guid,
            connection_attempts: f.u32()?,
            connection_flags: f.u32()?,
            connection_context_info: b.utf16(context, "OffsetConnectionContextInfo")?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let mut tail = Tail::new(Self::NAME, Self::FIXED);
        let context = tail.utf16(&self.connection_context_info, "OffsetConnectionContextInfo")?;
        put_guid(out, &self.connection_guid);
        out.put_u16_le(context);
        out.put_u16_le(0);
        out.put_u32_le(self.connection_attempts);
        out.put_u32_le(self.connection_flags);
        out.extend_from_slice(&tail.bytes);
        Ok(())
    }
}

impl Body for AuxServerSessionInfo {
    const NAME: &'static str = "AUX_SERVER_SESSION_INFO";
    const FIXED: usize = 2;
    fn read(f: &mut Fields<'_>, b: &Block<'_>) -> Res<Self> {
        let context = f.u16()?;
        Ok(AuxServerSessionInfo {
            server_session_context_info: b.utf16(context, "OffsetServerSessionContextInfo")?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let mut tail = Tail::new(Self::NAME, Self::FIXED);
        let context = tail.utf16(
            &self.server_session_context_info,
            "OffsetServerSessionContextInfo",
        )?;
        out.put_u16_le(context);
        out.extend_from_slice(&tail.bytes);
        Ok(())
    }
}

impl Body for AuxProtocolDeviceIdentification {
    const NAME: &'static str = "AUX_PROTOCOL_DEVICE_IDENTIFICATION";
    const FIXED: usize = 10;
    fn read(f: &mut Fields<'_>, b: &Block<'_>) -> Res<Self> {
        let manufacturer = f.u16()?;
        let model = f.u16()?;
        let serial = f.u16()?;
        let version = f.u16()?;
        let firmware = f.u16()?;
        Ok(AuxProtocolDeviceIdentification {
            device_manufacturer: b.utf16(manufacturer, "DeviceManufacturerOffset")?,
            device_model: b.utf16(model, "DeviceModelOffset")?,
            device_serial_number: b.utf16(serial, "DeviceSerialNumberOffset")?,
            device_version: b.utf16(version, "DeviceVersionOffset")?,
            device_firmware_version: b.utf16(firmware, "DeviceFirmwareVersionOffset")?,
        })
    }
    fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let mut tail = Tail::new(Self::NAME, Self::FIXED);
        let manufacturer = tail.utf16(&self.device_manufacturer, "DeviceManufacturerOffset")?;
        let model = tail.utf16(&self.device_model, "DeviceModelOffset")?;
        let serial = tail.utf16(&self.device_serial_number, "DeviceSerialNumberOffset")?;
        let version = tail.utf16(&self.device_version, "DeviceVersionOffset")?;
        let firmware = tail.utf16(&self.device_firmware_version, "DeviceFirmwareVersionOffset")?;
        out.put_u16_le(manufacturer);
        out.put_u16_le(model);
        out.put_u16_le(serial);
        out.put_u16_le(version);
        out.put_u16_le(firmware);
        out.extend_from_slice(&tail.bytes);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// The block enum.

/// One auxiliary block: MS-OXCRPC 2.2.2.2 AUX_HEADER plus the block structure its Version and
/// Type select (the two tables of 2.2.2.2, sections 2.2.2.2.1 to 2.2.2.2.23).
///
/// Variants that several Type values share carry a [`PerfScope`] saying which one. The AUX_HEADER
/// itself is not stored: Size is computed on encoding, Version and Type follow from the variant
/// (see [`AuxBlock::header_fields`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum AuxBlock {
    /// Version 1, AUX_TYPE_PERF_REQUESTID.
    PerfRequestId(AuxPerfRequestId),
    /// Version 1, AUX_TYPE_PERF_CLIENTINFO.
    PerfClientInfo(AuxPerfClientInfo),
    /// Version 1, AUX_TYPE_PERF_SERVERINFO.
    PerfServerInfo(AuxPerfServerInfo),
    /// Version 1, AUX_TYPE_PERF_SESSIONINFO.
    PerfSessionInfo(AuxPerfSessionInfo),
    /// Version 2, AUX_TYPE_PERF_SESSIONINFO.
    PerfSessionInfoV2(AuxPerfSessionInfoV2),
    /// Version 1, AUX_TYPE_PERF_PROCESSINFO.
    PerfProcessInfo(AuxPerfProcessInfo),
    /// Version 2, AUX_TYPE_PERF_PROCESSINFO (same structure as version 1).
    PerfProcessInfoV2(AuxPerfProcessInfo),
    /// Version 1, AUX_TYPE_PERF_{,BG_,FG_}DEFMDB_SUCCESS.
    PerfDefMdbSuccess(PerfScope, AuxPerfDefMdbSuccess),
    /// Version 1, AUX_TYPE_PERF_{,BG_,FG_}DEFGC_SUCCESS.
    PerfDefGcSuccess(PerfScope, AuxPerfDefGcSuccess),
    /// Version 1, AUX_TYPE_PERF_{,BG_,FG_}MDB_SUCCESS.
    PerfMdbSuccess(PerfScope, AuxPerfMdbSuccess),
    /// Version 2, AUX_TYPE_PERF_{,BG_,FG_}MDB_SUCCESS.
    PerfMdbSuccessV2(PerfScope, AuxPerfMdbSuccessV2),
    /// Version 1, AUX_TYPE_PERF_{,BG_,FG_}GC_SUCCESS.
    PerfGcSuccess(PerfScope, AuxPerfGcSuccess),
    /// Version 2, AUX_TYPE_PERF_{,BG_,FG_}GC_SUCCESS.
    PerfGcSuccessV2(PerfScope, AuxPerfGcSuccessV2),
    /// Version 1, AUX_TYPE_PERF_{,BG_,FG_}FAILURE.
    PerfFailure(PerfScope, AuxPerfFailure),
    /// Version 2, AUX_TYPE_PERF_{,BG_,FG_}FAILURE.
    PerfFailureV2(PerfScope, AuxPerfFailureV2),
    /// Version 1, AUX_TYPE_CLIENT_CONTROL.
    ClientControl(AuxClientControl),
    /// Version 1, AUX_TYPE_OSVERSIONINFO.
    OsVersionInfo(AuxOsVersionInfo),
    /// Version 1, AUX_TYPE_EXORGINFO.
    ExOrgInfo(AuxExOrgInfo),
    /// Version 1, AUX_TYPE_PERF_ACCOUNTINFO.
    PerfAccountInfo(AuxPerfAccountInfo),
    /// Version 1, AUX_TYPE_SERVER_CAPABILITIES.
    ServerCapabilities(AuxServerCapabilities),
    /// Version 1, AUX_TYPE_ENDPOINT_CAPABILITIES.
    EndpointCapabilities(AuxEndpointCapabilities),
    /// Version 1, AUX_CLIENT_CONNECTION_INFO.
    ClientConnectionInfo(AuxClientConnectionInfo),
    /// Version 1, AUX_SERVER_SESSION_INFO.
    ServerSessionInfo(AuxServerSessionInfo),
    /// Version 1, AUX_PROTOCOL_DEVICE_IDENTIFICATION.
    ProtocolDeviceIdentification(AuxProtocolDeviceIdentification),
    /// A Version/Type pair the specification does not define, kept verbatim (MS-OXCRPC
    /// 3.1.4.1.2: receivers skip such blocks).
    Unknown {
        /// AUX_HEADER Version.
        version: AuxVersion,
        /// AUX_HEADER Type.
        block_type: AuxBlockType,
        /// The bytes after the AUX_HEADER.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        payload: Vec<u8>,
    },
    /// A known block whose wire bytes differ from this encoder's canonical layout (strings
    /// elsewhere, padding not zero, extra bytes inside Size). `decoded` is the typed reading;
    /// `bytes` is the whole block, AUX_HEADER included, written back unchanged by the encoder.
    Verbatim {
        /// The typed reading (never itself `Verbatim` or `Unknown`).
        decoded: Box<AuxBlock>,
        /// The block exactly as received.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        bytes: Vec<u8>,
    },
}

impl AuxBlock {
    /// The block's meaning: itself, or for [`AuxBlock::Verbatim`] the typed reading inside.
    pub fn decoded(&self) -> &AuxBlock {
        match self {
            AuxBlock::Verbatim { decoded, .. } => decoded,
            other => other,
        }
    }

    /// The AUX_HEADER Version and Type this block is written with.
    pub fn header_fields(&self) -> (AuxVersion, AuxBlockType) {
        use AuxBlockType as T;
        use AuxVersion as V;
        match self {
            AuxBlock::PerfRequestId(_) => (V::V1, T::PERF_REQUESTID),
            AuxBlock::PerfClientInfo(_) => (V::V1, T::PERF_CLIENTINFO),
            AuxBlock::PerfServerInfo(_) => (V::V1, T::PERF_SERVERINFO),
            AuxBlock::PerfSessionInfo(_) => (V::V1, T::PERF_SESSIONINFO),
            AuxBlock::PerfSessionInfoV2(_) => (V::V2, T::PERF_SESSIONINFO),
            AuxBlock::PerfProcessInfo(_) => (V::V1, T::PERF_PROCESSINFO),
            AuxBlock::PerfProcessInfoV2(_) => (V::V2, T::PERF_PROCESSINFO),
            AuxBlock::PerfDefMdbSuccess(s, _) => (V::V1, s.pick(DEFMDB_TYPES)),
            AuxBlock::PerfDefGcSuccess(s, _) => (V::V1, s.pick(DEFGC_TYPES)),
            AuxBlock::PerfMdbSuccess(s, _) => (V::V1, s.pick(MDB_TYPES)),
            AuxBlock::PerfMdbSuccessV2(s, _) => (V::V2, s.pick(MDB_TYPES)),
            AuxBlock::PerfGcSuccess(s, _) => (V::V1, s.pick(GC_TYPES)),
            AuxBlock::PerfGcSuccessV2(s, _) => (V::V2, s.pick(GC_TYPES)),
            AuxBlock::PerfFailure(s, _) => (V::V1, s.pick(FAILURE_TYPES)),
            AuxBlock::PerfFailureV2(s, _) => (V::V2, s.pick(FAILURE_TYPES)),
            AuxBlock::ClientControl(_) => (V::V1, T::CLIENT_CONTROL),
            AuxBlock::OsVersionInfo(_) => (V::V1, T::OSVERSIONINFO),
            AuxBlock::ExOrgInfo(_) => (V::V1, T::EXORGINFO),
            AuxBlock::PerfAccountInfo(_) => (V::V1, T::PERF_ACCOUNTINFO),
            AuxBlock::ServerCapabilities(_) => (V::V1, T::SERVER_CAPABILITIES),
            AuxBlock::EndpointCapabilities(_) => (V::V1, T::ENDPOINT_CAPABILITIES),
            AuxBlock::ClientConnectionInfo(_) => (V::V1, T::CLIENT_CONNECTION_INFO),
            AuxBlock::ServerSessionInfo(_) => (V::V1, T::SERVER_SESSION_INFO),
            AuxBlock::ProtocolDeviceIdentification(_) => (V::V1, T::PROTOCOL_DEVICE_IDENTIFICATION),
            AuxBlock::Unknown {
                version,
                block_type,
                ..
            } => (*version, *block_type),
            AuxBlock::Verbatim { decoded, .. } => decoded.header_fields(),
        }
    }

    /// Decodes the typed structure for a known Version/Type pair from the whole `block`
    /// (AUX_HEADER included); `Ok(None)` for pairs the specification does not define.
    fn decode_typed(version: AuxVersion, ty: AuxBlockType, block: &[u8]) -> Res<Option<Self>> {
        use AuxBlockType as T;
        let b = match version {
            AuxVersion::V1 => match ty {
                T::PERF_REQUESTID => AuxBlock::PerfRequestId(decode_body(block)?),
                T::PERF_CLIENTINFO => AuxBlock::PerfClientInfo(decode_body(block)?),
                T::PERF_SERVERINFO => AuxBlock::PerfServerInfo(decode_body(block)?),
                T::PERF_SESSIONINFO => AuxBlock::PerfSessionInfo(decode_body(block)?),
                T::PERF_PROCESSINFO => AuxBlock::PerfProcessInfo(decode_body(block)?),
                T::CLIENT_CONTROL => AuxBlock::ClientControl(decode_body(block)?),
                T::OSVERSIONINFO => AuxBlock::OsVersionInfo(decode_body(block)?),
                T::EXORGINFO => AuxBlock::ExOrgInfo(decode_body(block)?),
                T::PERF_ACCOUNTINFO => AuxBlock::PerfAccountInfo(decode_body(block)?),
                T::SERVER_CAPABILITIES => AuxBlock::ServerCapabilities(decode_body(block)?),
                T::ENDPOINT_CAPABILITIES => AuxBlock::EndpointCapabilities(decode_body(block)?),
                T::CLIENT_CONNECTION_INFO => AuxBlock::ClientConnectionInfo(decode_body(block)?),
                T::SERVER_SESSION_INFO => AuxBlock::ServerSessionInfo(decode_body(block)?),
                T::PROTOCOL_DEVICE_IDENTIFICATION => {
                    AuxBlock::ProtocolDeviceIdentification(decode_body(block)?)
                }
                _ => {
                    if let Some(s) = PerfScope::of(ty, DEFMDB_TYPES) {
                        AuxBlock::PerfDefMdbSuccess(s, decode_body(block)?)
                    } else if let Some(s) = PerfScope::of(ty, DEFGC_TYPES) {
                        AuxBlock::PerfDefGcSuccess(s, decode_body(block)?)
                    } else if let Some(s) = PerfScope::of(ty, MDB_TYPES) {
                        AuxBlock::PerfMdbSuccess(s, decode_body(block)?)
                    } else if let Some(s) = PerfScope::of(ty, GC_TYPES) {
                        AuxBlock::PerfGcSuccess(s, decode_body(block)?)
                    } else if let Some(s) = PerfScope::of(ty, FAILURE_TYPES) {
                        AuxBlock::PerfFailure(s, decode_body(block)?)
                    } else {
                        return Ok(None);
                    }
                }
            },
            AuxVersion::V2 => match ty {
                T::PERF_SESSIONINFO => AuxBlock::PerfSessionInfoV2(decode_body(block)?),
                T::PERF_PROCESSINFO => AuxBlock::PerfProcessInfoV2(decode_body(block)?),
                _ => {
                    if let Some(s) = PerfScope::of(ty, MDB_TYPES) {
                        AuxBlock::PerfMdbSuccessV2(s, decode_body(block)?)
                    } else if let Some(s) = PerfScope::of(ty, GC_TYPES) {
                        AuxBlock::PerfGcSuccessV2(s, decode_body(block)?)
                    } else if let Some(s) = PerfScope::of(ty, FAILURE_TYPES) {
                        AuxBlock::PerfFailureV2(s, decode_body(block)?)
                    } else {
                        return Ok(None);
                    }
                }
            },
            _ => return Ok(None),
        };
        Ok(Some(b))
    }

    /// Writes the payload (everything after the AUX_HEADER) of a typed block.
    fn write_payload(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        match self {
            AuxBlock::PerfRequestId(b) => b.write(out),
            AuxBlock::PerfClientInfo(b) => b.write(out),
            AuxBlock::PerfServerInfo(b) => b.write(out),
            AuxBlock::PerfSessionInfo(b) => b.write(out),
            AuxBlock::PerfSessionInfoV2(b) => b.write(out),
            AuxBlock::PerfProcessInfo(b) | AuxBlock::PerfProcessInfoV2(b) => b.write(out),
            AuxBlock::PerfDefMdbSuccess(_, b) => b.write(out),
            AuxBlock::PerfDefGcSuccess(_, b) => b.write(out),
            AuxBlock::PerfMdbSuccess(_, b) => b.write(out),
            AuxBlock::PerfMdbSuccessV2(_, b) => b.write(out),
            AuxBlock::PerfGcSuccess(_, b) => b.write(out),
            AuxBlock::PerfGcSuccessV2(_, b) => b.write(out),
            AuxBlock::PerfFailure(_, b) => b.write(out),
            AuxBlock::PerfFailureV2(_, b) => b.write(out),
            AuxBlock::ClientControl(b) => b.write(out),
            AuxBlock::OsVersionInfo(b) => b.write(out),
            AuxBlock::ExOrgInfo(b) => b.write(out),
            AuxBlock::PerfAccountInfo(b) => b.write(out),
            AuxBlock::ServerCapabilities(b) => b.write(out),
            AuxBlock::EndpointCapabilities(b) => b.write(out),
            AuxBlock::ClientConnectionInfo(b) => b.write(out),
            AuxBlock::ServerSessionInfo(b) => b.write(out),
            AuxBlock::ProtocolDeviceIdentification(b) => b.write(out),
            AuxBlock::Unknown { payload, .. } => {
                out.extend_from_slice(payload);
                Ok(())
            }
            AuxBlock::Verbatim { .. } => Err(EncodeError::Invalid {
                structure: "AUX_HEADER",
                reason: "a verbatim block has no separate payload",
            }),
        }
    }

    /// The block's canonical wire form, AUX_HEADER included (for `Verbatim`, the kept bytes).
    fn to_wire(&self) -> Result<Vec<u8>, EncodeError> {
        if let AuxBlock::Verbatim { bytes, .. } = self {
            check_verbatim(bytes)?;
            return Ok(bytes.clone());
        }
        let (version, block_type) = self.header_fields();
        let mut out = Vec::with_capacity(32);
        out.extend_from_slice(&[0, 0, version.0, block_type.0]);
        self.write_payload(&mut out)?;
        let size = u16::try_from(out.len()).map_err(|_| EncodeError::TooLong {
            structure: "AUX_HEADER",
            field: "Size",
            len: out.len(),
            max: MAX_BLOCK_LEN,
        })?;
        out[..2].copy_from_slice(&size.to_le_bytes());
        Ok(out)
    }
}

/// A verbatim block must still be a well-formed block, or the sequence after it is lost.
fn check_verbatim(bytes: &[u8]) -> Result<(), EncodeError> {
    let invalid = |reason| EncodeError::Invalid {
        structure: "AUX_HEADER",
        reason,
    };
    match bytes {
        [lo, hi, ..] if usize::from(u16::from_le_bytes([*lo, *hi])) == bytes.len() => {
            if bytes.len() < AUX_HEADER_LEN {
                Err(invalid("verbatim block shorter than an AUX_HEADER"))
            } else {
                Ok(())
            }
        }
        _ => Err(invalid("verbatim block whose Size is not its length")),
    }
}

fn shift(e: nom::Err<WireError>, extra: usize) -> nom::Err<WireError> {
    e.map(|mut w| {
        w.remaining = w.remaining.saturating_add(extra);
        w
    })
}

impl Wire for AuxBlock {
    const NAME: &'static str = "AUX_HEADER";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        let (_, header) = AuxHeader::decode(input)?;
        let size = usize::from(header.size);
        if size < AUX_HEADER_LEN {
            return Err(error_at(
                input,
                Self::NAME,
                ErrorKind::InvalidValue {
                    field: "Size",
                    value: u64::from(header.size),
                },
            ));
        }
        let Some((block, rest)) = input.split_at_checked(size) else {
            return Err(error_at(
                input,
                Self::NAME,
                ErrorKind::LengthExceedsInput {
                    field: "Size",
                    declared: size as u64,
                    available: input.len(),
                },
            ));
        };
        let typed = Self::decode_typed(header.version, header.block_type, block)
            .map_err(|e| shift(e, rest.len()))?;
        let value = match typed {
            None => AuxBlock::Unknown {
                version: header.version,
                block_type: header.block_type,
                payload: block.get(AUX_HEADER_LEN..).unwrap_or_default().to_vec(),
            },
            Some(typed) => match typed.to_wire() {
                Ok(canonical) if canonical == block => typed,
                _ => AuxBlock::Verbatim {
                    decoded: Box::new(typed),
                    bytes: block.to_vec(),
                },
            },
        };
        Ok((rest, value))
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&self.to_wire()?);
        Ok(())
    }
}

/// The block sequence that fills an auxiliary buffer payload (MS-OXCRPC 3.1.4.1.1.1.1 and
/// 3.1.4.1.1.1.2: "an AUX_HEADER structure ... followed by an auxiliary block structure",
/// repeated). The input is the payload after its RPC_HEADER_EXT, already de-XORed and
/// decompressed; the RPC_HEADER_EXT itself is [`crate::wire::rpc_ext`]'s business.
///
/// Decoding reads blocks until the input ends; a Size below 4 or past the end of the input is
/// an error. No size limit is applied here beyond each block's 16-bit Size: the limits on the
/// whole buffer belong to the RPC_HEADER_EXT and the request type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct AuxiliaryBuffer {
    /// The blocks in wire order.
    pub blocks: Vec<AuxBlock>,
}

/// Another name for [`AuxiliaryBuffer`].
pub type AuxiliaryBlocks = AuxiliaryBuffer;

impl AuxiliaryBuffer {
    /// A buffer holding `blocks`.
    pub fn new(blocks: Vec<AuxBlock>) -> Self {
        AuxiliaryBuffer { blocks }
    }

    /// The typed readings of the blocks (looking through [`AuxBlock::Verbatim`]).
    pub fn decoded(&self) -> impl Iterator<Item = &AuxBlock> {
        self.blocks.iter().map(AuxBlock::decoded)
    }
}

impl Wire for AuxiliaryBuffer {
    const NAME: &'static str = "auxiliary buffer";

    fn decode(mut input: &[u8]) -> PResult<'_, Self> {
        // Every block consumes at least AUX_HEADER_LEN bytes, so the vector is bounded by the
        // input length and needs no separate count check.
        let mut blocks = Vec::new();
        while !input.is_empty() {
            let (rest, block) = AuxBlock::decode(input)?;
            blocks.push(block);
            input = rest;
        }
        Ok((input, AuxiliaryBuffer { blocks }))
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        for block in &self.blocks {
            block.encode(out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::error::decode_all;
    use crate::wire::primitives::ascii_z;
    use proptest::prelude::*;

    /// The binary body of a MAPI/HTTP response: everything after the meta-tag block's empty line.
    fn binary_body(response: &[u8]) -> &[u8] {
        let at = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("meta-tags end with an empty line");
        &response[at + 4..]
    }

    /// MS-OXCMAPIHTTP 2.2.4.1.2 Connect success response body up to the AuxiliaryBuffer, then the
    /// RPC_HEADER_EXT (MS-OXCRPC 2.2.2.1) in front of the payload; returns the payload.
    fn connect_aux_payload(body: &[u8]) -> (u32, String, &[u8]) {
        let (r, status) = le_u32(body).unwrap();
        assert_eq!(status, 0);
        let (r, error_code) = le_u32(r).unwrap();
        let (r, _max_polling) = le_u32(r).unwrap();
        let (r, _max_retry) = le_u32(r).unwrap();
        let (r, _retry_delay) = le_u32(r).unwrap();
        let (r, _dn_prefix) = ascii_z(r).unwrap();
        let (r, display_name) = utf16z(r).unwrap();
        let (r, aux_size) = le_u32(r).unwrap();
        assert_eq!(r.len(), aux_size as usize, "AuxiliaryBuffer fills the body");
        let (p, version) = le_u16(r).unwrap();
        let (p, flags) = le_u16(p).unwrap();
        let (p, size) = le_u16(p).unwrap();
        let (p, size_actual) = le_u16(p).unwrap();
        assert_eq!(version, 0);
        assert_eq!(flags, 0x0004, "Last, neither compressed nor XORed");
        assert_eq!(size, size_actual);
        assert_eq!(p.len(), usize::from(size));
        (error_code, display_name, p)
    }

    fn gromox_blocks() -> Vec<AuxBlock> {
        vec![
            AuxBlock::ExOrgInfo(AuxExOrgInfo {
                org_flags: AuxExOrgInfo::PUBLIC_FOLDERS_ENABLED
                    | AuxExOrgInfo::USE_AUTODISCOVER_FOR_PUBLIC_FOLDER_CONFIGURATION,
            }),
            AuxBlock::ClientControl(AuxClientControl {
                enable_flags: AuxClientControl::ENABLE_COMPRESSION
                    | AuxClientControl::ENABLE_HTTP_TUNNELING,
                // Seven days in milliseconds.
                expiry_time: 604_800_000,
            }),
            AuxBlock::EndpointCapabilities(AuxEndpointCapabilities {
                endpoint_capability_flags: AuxEndpointCapabilities::SINGLE_ENDPOINT,
            }),
        ]
    }

    #[test]
    fn gromox_connect_response_aux_buffer() {
        // fixtures/bodies/session-logon/01-connect-response.bin is entry 1 (Connect) of
        // fixtures/gromox/session-logon.har, base64-decoded.
        let response =
            include_bytes!("../../fixtures/bodies/session-logon/01-connect-response.bin");
        let (error_code, name, payload) = connect_aux_payload(binary_body(response));
        assert_eq!(error_code, 0);
        assert_eq!(name, "Alice Example");
        let buffer = AuxiliaryBuffer::from_bytes(payload).unwrap();
        assert_eq!(buffer.blocks, gromox_blocks());
        for block in &buffer.blocks {
            assert!(block.header_fields().1.is_server_to_client());
        }
        assert_eq!(buffer.to_bytes().unwrap(), payload);
    }

    #[test]
    fn gromox_failed_connect_carries_the_same_aux_buffer() {
        // Entry 4 of fixtures/gromox/errors.har: StatusCode 0 with a MAPI ErrorCode; the body
        // keeps the success layout and the same three blocks.
        let response = include_bytes!("../../fixtures/bodies/errors/04-connect-response.bin");
        let (error_code, name, payload) = connect_aux_payload(binary_body(response));
        assert_eq!(error_code, 0x8004_0115);
        assert_eq!(name, "");
        let buffer = AuxiliaryBuffer::from_bytes(payload).unwrap();
        assert_eq!(buffer.blocks, gromox_blocks());
        assert_eq!(buffer.to_bytes().unwrap(), payload);
    }

    #[test]
    fn block_bytes_by_hand() {
        // AUX_PERF_SERVERINFO with both strings: fixed part 8 bytes, ServerDN at offset 12.
        let block = AuxBlock::PerfServerInfo(AuxPerfServerInfo {
            server_id: 1,
            server_type: ServerType::PRIVATE,
            server_dn: Some("A".into()),
            server_name: Some("B".into()),
        });
        let bytes = block.to_bytes().unwrap();
        assert_eq!(
            bytes,
            [
                0x14, 0x00, 0x01, 0x03, // Size 20, AUX_VERSION_1, AUX_TYPE_PERF_SERVERINFO
                0x01, 0x00, 0x01, 0x00, // ServerID 1, ServerType private
                0x0C, 0x00, 0x10, 0x00, // ServerDNOffset 12, ServerNameOffset 16
                0x41, 0x00, 0x00, 0x00, // "A"
                0x42, 0x00, 0x00, 0x00, // "B"
            ]
        );
        assert_eq!(AuxBlock::from_bytes(&bytes).unwrap(), block);
        // AUX_SERVER_SESSION_INFO: the string follows the offset field, at 6.
        let block = AuxBlock::ServerSessionInfo(AuxServerSessionInfo {
            server_session_context_info: Some("x".into()),
        });
        assert_eq!(
            block.to_bytes().unwrap(),
            [0x0A, 0x00, 0x01, 0x4B, 0x06, 0x00, 0x78, 0x00, 0x00, 0x00]
        );
        // A null string is offset 0 and takes no room.
        let block = AuxBlock::ServerSessionInfo(AuxServerSessionInfo {
            server_session_context_info: None,
        });
        assert_eq!(
            block.to_bytes().unwrap(),
            [0x06, 0x00, 0x01, 0x4B, 0x00, 0x00]
        );
    }

    #[test]
    fn version_selects_the_structure() {
        // Type 0x04 under version 2 is AUX_PERF_SESSIONINFO_V2 (24-byte body).
        let mut bytes = vec![28, 0, 2, 4, 7, 0, 0, 0];
        bytes.extend_from_slice(&[0x11; 16]);
        bytes.extend_from_slice(&9u32.to_le_bytes());
        let block = AuxBlock::from_bytes(&bytes).unwrap();
        assert!(matches!(
            block,
            AuxBlock::PerfSessionInfoV2(AuxPerfSessionInfoV2 {
                session_id: 7,
                connection_id: 9,
                ..
            })
        ));
        // Background and foreground types keep their scope.
        let fg = AuxBlock::PerfFailureV2(
            PerfScope::Foreground,
            AuxPerfFailureV2 {
                process_id: 1,
                client_id: 2,
                server_id: 3,
                session_id: 4,
                request_id: 5,
                time_since_request: 6,
                time_to_fail_request: 7,
                result_code: 8,
                request_operation: 9,
            },
        );
        assert_eq!(
            fg.header_fields(),
            (AuxVersion::V2, AuxBlockType::PERF_FG_FAILURE)
        );
        let bytes = fg.to_bytes().unwrap();
        assert_eq!(bytes.len(), 4 + 28);
        assert_eq!(AuxBlock::from_bytes(&bytes).unwrap(), fg);
    }

    #[test]
    fn unknown_pairs_are_kept_verbatim() {
        // Version 2 has no AUX_EXORGINFO; version 3 does not exist; type 0x99 does not exist.
        for (version, ty) in [(2u8, 0x17u8), (3, 0x01), (1, 0x99)] {
            let bytes = [7, 0, version, ty, 0xAA, 0xBB, 0xCC];
            let block = AuxBlock::from_bytes(&bytes).unwrap();
            assert_eq!(
                block,
                AuxBlock::Unknown {
                    version: AuxVersion(version),
                    block_type: AuxBlockType(ty),
                    payload: vec![0xAA, 0xBB, 0xCC],
                }
            );
            assert_eq!(block.to_bytes().unwrap(), bytes);
        }
    }

    #[test]
    fn foreign_layouts_round_trip_exactly() {
        // AUX_EXORGINFO with four extra bytes inside Size.
        let extra = [12, 0, 1, 0x17, 1, 0, 0, 0, 0xDE, 0xAD, 0xBE, 0xEF];
        // AUX_PERF_REQUESTID is fine, AUX_PERF_ACCOUNTINFO with non-zero Reserved padding.
        let mut padded = vec![24, 0, 1, 0x18, 5, 0, 0xFF, 0xFF];
        padded.extend_from_slice(&[0x22; 16]);
        // AUX_PERF_SERVERINFO with ServerName before ServerDN and a gap byte pair.
        let reversed = [
            0x18, 0x00, 0x01, 0x03, 0x01, 0x00, 0x00, 0x00, 0x14, 0x00, 0x0C, 0x00, //
            0x42, 0x00, 0x00, 0x00, 0xEE, 0xEE, 0xEE, 0xEE, 0x41, 0x00, 0x00, 0x00,
        ];
        for bytes in [&extra[..], &padded[..], &reversed[..]] {
            let block = AuxBlock::from_bytes(bytes).unwrap();
            assert!(matches!(block, AuxBlock::Verbatim { .. }), "{block:?}");
            assert_eq!(block.to_bytes().unwrap(), bytes);
        }
        let block = AuxBlock::from_bytes(&reversed).unwrap();
        assert_eq!(
            block.decoded(),
            &AuxBlock::PerfServerInfo(AuxPerfServerInfo {
                server_id: 1,
                server_type: ServerType::UNKNOWN,
                server_dn: Some("A".into()),
                server_name: Some("B".into()),
            })
        );
        // A whole buffer mixing canonical and foreign blocks also round-trips.
        let mut buffer = extra.to_vec();
        buffer.extend_from_slice(&[8, 0, 1, 0x01, 1, 0, 2, 0]);
        buffer.extend_from_slice(&reversed);
        let decoded = AuxiliaryBuffer::from_bytes(&buffer).unwrap();
        assert_eq!(decoded.blocks.len(), 3);
        assert_eq!(
            decoded.decoded().nth(1),
            Some(&AuxBlock::PerfRequestId(AuxPerfRequestId {
                session_id: 1,
                request_id: 2
            }))
        );
        assert_eq!(decoded.to_bytes().unwrap(), buffer);
    }

    #[test]
    fn verbatim_must_be_a_well_formed_block() {
        let bad = AuxBlock::Verbatim {
            decoded: Box::new(AuxBlock::ExOrgInfo(AuxExOrgInfo { org_flags: 0 })),
            bytes: vec![9, 0, 1, 0x17, 0, 0, 0, 0],
        };
        assert!(bad.to_bytes().is_err());
    }

    fn err_of(input: &[u8]) -> crate::wire::DecodeError {
        decode_all(input, AuxiliaryBuffer::decode).unwrap_err()
    }

    #[test]
    fn hostile_sizes() {
        for size in [0u8, 1, 3] {
            let e = err_of(&[size, 0, 1, 0x17, 0, 0, 0, 0]);
            assert_eq!(e.structure, "AUX_HEADER");
            assert_eq!(
                e.kind,
                ErrorKind::InvalidValue {
                    field: "Size",
                    value: u64::from(size)
                }
            );
            assert_eq!(e.offset, 0);
        }
        // Size past the end.
        let e = err_of(&[0x10, 0, 1, 0x17, 1, 0, 0, 0]);
        assert_eq!(
            e.kind,
            ErrorKind::LengthExceedsInput {
                field: "Size",
                declared: 16,
                available: 8
            }
        );
        // Fewer than four bytes left for the next header.
        let e = err_of(&[8, 0, 1, 0x17, 1, 0, 0, 0, 8, 0]);
        assert_eq!(e.kind, ErrorKind::Truncated { needed: 2 });
        assert_eq!(e.structure, "AUX_HEADER");
        assert_eq!(e.offset, 8);
        // A known block too short for its fixed part, after a good block: offset points into
        // the second block's payload.
        let e = err_of(&[8, 0, 1, 0x17, 1, 0, 0, 0, 6, 0, 1, 0x48, 1, 0]);
        assert_eq!(e.structure, "AUX_ENDPOINT_CAPABILITIES");
        assert_eq!(e.kind, ErrorKind::Truncated { needed: 2 });
        assert_eq!(e.offset, 12);
    }

    #[test]
    fn hostile_string_offsets() {
        // Offset past the block.
        let e = err_of(&[8, 0, 1, 0x4B, 0x40, 0, 0x41, 0]);
        assert_eq!(e.structure, "AUX_SERVER_SESSION_INFO");
        assert!(matches!(
            e.kind,
            ErrorKind::LengthExceedsInput {
                field: "OffsetServerSessionContextInfo",
                declared: 0x41,
                ..
            }
        ));
        // Offset exactly at the end of the block: no room even for a terminator.
        let e = err_of(&[8, 0, 1, 0x4B, 8, 0, 0x41, 0]);
        assert!(matches!(e.kind, ErrorKind::LengthExceedsInput { .. }));
        // Offset into the header or fixed part.
        let e = err_of(&[8, 0, 1, 0x4B, 2, 0, 0, 0]);
        assert_eq!(
            e.kind,
            ErrorKind::InvalidValue {
                field: "OffsetServerSessionContextInfo",
                value: 2
            }
        );
        // Unterminated: the string runs to the end of the block (a terminator after the block,
        // in the next block's bytes, does not count).
        let e = err_of(&[10, 0, 1, 0x4B, 6, 0, 0x41, 0, 0x42, 0, 4, 0, 0, 0]);
        assert_eq!(e.kind, ErrorKind::UnterminatedString);
        assert_eq!(e.offset, 6);
        // Unpaired surrogate.
        let e = err_of(&[10, 0, 1, 0x4B, 6, 0, 0x00, 0xD8, 0, 0]);
        assert_eq!(e.kind, ErrorKind::InvalidUtf16);
        // Binary past the block: ClientIPSize 200 at offset 32.
        let mut ci = vec![32, 0, 1, 0x02];
        ci.extend_from_slice(&[0; 28]);
        ci[4 + 10..4 + 12].copy_from_slice(&200u16.to_le_bytes());
        ci[4 + 12..4 + 14].copy_from_slice(&32u16.to_le_bytes());
        let e = err_of(&ci);
        assert_eq!(e.structure, "AUX_PERF_CLIENTINFO");
        assert!(matches!(
            e.kind,
            ErrorKind::LengthExceedsInput {
                field: "ClientIPOffset",
                declared: 232,
                available: 32
            }
        ));
    }

    #[test]
    fn encoding_refuses_what_the_wire_cannot_carry() {
        let nul = AuxBlock::ServerSessionInfo(AuxServerSessionInfo {
            server_session_context_info: Some("a\0b".into()),
        });
        assert!(nul.to_bytes().is_err());
        let huge = AuxBlock::ServerSessionInfo(AuxServerSessionInfo {
            server_session_context_info: Some("x".repeat(40_000)),
        });
        assert!(matches!(
            huge.to_bytes(),
            Err(EncodeError::TooLong { field: "Size", .. })
        ));
        let unknown = AuxBlock::Unknown {
            version: AuxVersion(9),
            block_type: AuxBlockType(9),
            payload: vec![0; MAX_BLOCK_LEN],
        };
        assert!(unknown.to_bytes().is_err());
    }

    #[test]
    fn directions() {
        assert!(AuxBlockType::PERF_CLIENTINFO.is_client_to_server());
        assert!(!AuxBlockType::PERF_CLIENTINFO.is_server_to_client());
        assert!(AuxBlockType::PERF_FG_FAILURE.is_client_to_server());
        assert!(AuxBlockType::CLIENT_CONNECTION_INFO.is_client_to_server());
        assert!(AuxBlockType::EXORGINFO.is_server_to_client());
        assert!(!AuxBlockType::CLIENT_CONTROL.is_client_to_server());
        assert_eq!(
            AuxBlockType::PROTOCOL_DEVICE_IDENTIFICATION.direction(),
            Some(AuxDirection::Both)
        );
        assert_eq!(AuxBlockType(0x99).direction(), None);
        assert_eq!(
            format!("{:?}", AuxBlockType(0x48)),
            "AUX_TYPE_ENDPOINT_CAPABILITIES"
        );
    }

    #[test]
    fn serializes_to_json() {
        let json = serde_json::to_value(AuxiliaryBuffer::new(gromox_blocks())).unwrap();
        assert_eq!(json[0]["ExOrgInfo"]["org_flags"], 3);
        assert_eq!(
            json[2]["EndpointCapabilities"]["endpoint_capability_flags"],
            1
        );
    }

    // --- proptest strategies -----------------------------------------------------------------

    fn opt_string() -> impl Strategy<Value = Option<String>> {
        proptest::option::of("[^\u{0}]{0,12}")
    }

    fn opt_bytes() -> impl Strategy<Value = Option<Vec<u8>>> {
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..20))
    }

    fn uuid() -> impl Strategy<Value = Uuid> {
        any::<[u8; 16]>().prop_map(Uuid::from_bytes)
    }

    fn scope() -> impl Strategy<Value = PerfScope> {
        prop_oneof![
            Just(PerfScope::Unspecified),
            Just(PerfScope::Background),
            Just(PerfScope::Foreground)
        ]
    }

    fn client_info() -> impl Strategy<Value = AuxPerfClientInfo> {
        (
            any::<u32>(),
            any::<u16>(),
            opt_string(),
            opt_string(),
            opt_bytes(),
            opt_bytes(),
            opt_string(),
            opt_bytes(),
            any::<u16>(),
        )
            .prop_map(|(speed, id, machine, user, ip, mask, adapter, mac, mode)| {
                AuxPerfClientInfo {
                    adapter_speed: speed,
                    client_id: id,
                    machine_name: machine,
                    user_name: user,
                    client_ip: ip,
                    client_ip_mask: mask,
                    adapter_name: adapter,
                    mac_address: mac,
                    client_mode: ClientMode(mode),
                }
            })
    }

    fn perf_block() -> impl Strategy<Value = AuxBlock> {
        prop_oneof![
            (any::<u16>(), any::<u16>()).prop_map(|(session_id, request_id)| {
                AuxBlock::PerfRequestId(AuxPerfRequestId {
                    session_id,
                    request_id,
                })
            }),
            client_info().prop_map(AuxBlock::PerfClientInfo),
            (any::<u16>(), any::<u16>(), opt_string(), opt_string()).prop_map(
                |(server_id, t, server_dn, server_name)| {
                    AuxBlock::PerfServerInfo(AuxPerfServerInfo {
                        server_id,
                        server_type: ServerType(t),
                        server_dn,
                        server_name,
                    })
                }
            ),
            (any::<u16>(), uuid()).prop_map(|(session_id, session_guid)| {
                AuxBlock::PerfSessionInfo(AuxPerfSessionInfo {
                    session_id,
                    session_guid,
                })
            }),
            (any::<u16>(), uuid(), any::<u32>()).prop_map(
                |(session_id, session_guid, connection_id)| {
                    AuxBlock::PerfSessionInfoV2(AuxPerfSessionInfoV2 {
                        session_id,
                        session_guid,
                        connection_id,
                    })
                }
            ),
            (any::<bool>(), any::<u16>(), uuid(), opt_string()).prop_map(
                |(v2, process_id, process_guid, process_name)| {
                    let info = AuxPerfProcessInfo {
                        process_id,
                        process_guid,
                        process_name,
                    };
                    if v2 {
                        AuxBlock::PerfProcessInfoV2(info)
                    } else {
                        AuxBlock::PerfProcessInfo(info)
                    }
                }
            ),
            (scope(), any::<[u32; 2]>(), any::<u16>()).prop_map(|(s, [a, b], r)| {
                AuxBlock::PerfDefMdbSuccess(
                    s,
                    AuxPerfDefMdbSuccess {
                        time_since_request: a,
                        time_to_complete_request: b,
                        request_id: r,
                    },
                )
            }),
            (scope(), any::<[u16; 2]>(), any::<[u32; 2]>(), any::<u8>()).prop_map(
                |(s, [server_id, session_id], [a, b], op)| {
                    AuxBlock::PerfDefGcSuccess(
                        s,
                        AuxPerfDefGcSuccess {
                            server_id,
                            session_id,
                            time_since_request: a,
                            time_to_complete_request: b,
                            request_operation: op,
                        },
                    )
                }
            ),
            (scope(), any::<[u16; 4]>(), any::<[u32; 2]>()).prop_map(
                |(s, [c, sv, se, r], [a, b])| {
                    AuxBlock::PerfMdbSuccess(
                        s,
                        AuxPerfMdbSuccess {
                            client_id: c,
                            server_id: sv,
                            session_id: se,
                            request_id: r,
                            time_since_request: a,
                            time_to_complete_request: b,
                        },
                    )
                }
            ),
            (scope(), any::<[u16; 5]>(), any::<[u32; 2]>()).prop_map(
                |(s, [p, c, sv, se, r], [a, b])| {
                    AuxBlock::PerfMdbSuccessV2(
                        s,
                        AuxPerfMdbSuccessV2 {
                            process_id: p,
                            client_id: c,
                            server_id: sv,
                            session_id: se,
                            request_id: r,
                            time_since_request: a,
                            time_to_complete_request: b,
                        },
                    )
                }
            ),
        ]
    }

    fn other_block() -> impl Strategy<Value = AuxBlock> {
        prop_oneof![
            (scope(), any::<[u16; 3]>(), any::<[u32; 2]>(), any::<u8>()).prop_map(
                |(s, [c, sv, se], [a, b], op)| {
                    AuxBlock::PerfGcSuccess(
                        s,
                        AuxPerfGcSuccess {
                            client_id: c,
                            server_id: sv,
                            session_id: se,
                            time_since_request: a,
                            time_to_complete_request: b,
                            request_operation: op,
                        },
                    )
                }
            ),
            (scope(), any::<[u16; 4]>(), any::<[u32; 2]>(), any::<u8>()).prop_map(
                |(s, [p, c, sv, se], [a, b], op)| {
                    AuxBlock::PerfGcSuccessV2(
                        s,
                        AuxPerfGcSuccessV2 {
                            process_id: p,
                            client_id: c,
                            server_id: sv,
                            session_id: se,
                            time_since_request: a,
                            time_to_complete_request: b,
                            request_operation: op,
                        },
                    )
                }
            ),
            (scope(), any::<[u16; 4]>(), any::<[u32; 3]>(), any::<u8>()).prop_map(
                |(s, [c, sv, se, r], [a, b, rc], op)| {
                    AuxBlock::PerfFailure(
                        s,
                        AuxPerfFailure {
                            client_id: c,
                            server_id: sv,
                            session_id: se,
                            request_id: r,
                            time_since_request: a,
                            time_to_fail_request: b,
                            result_code: rc,
                            request_operation: op,
                        },
                    )
                }
            ),
            (scope(), any::<[u16; 5]>(), any::<[u32; 3]>(), any::<u8>()).prop_map(
                |(s, [p, c, sv, se, r], [a, b, rc], op)| {
                    AuxBlock::PerfFailureV2(
                        s,
                        AuxPerfFailureV2 {
                            process_id: p,
                            client_id: c,
                            server_id: sv,
                            session_id: se,
                            request_id: r,
                            time_since_request: a,
                            time_to_fail_request: b,
                            result_code: rc,
                            request_operation: op,
                        },
                    )
                }
            ),
            any::<[u32; 2]>().prop_map(|[enable_flags, expiry_time]| {
                AuxBlock::ClientControl(AuxClientControl {
                    enable_flags,
                    expiry_time,
                })
            }),
            (any::<[u32; 4]>(), any::<[u16; 2]>()).prop_map(
                |([size, major, minor, build], [a, b])| {
                    AuxBlock::OsVersionInfo(AuxOsVersionInfo {
                        os_version_info_size: size,
                        major_version: major,
                        minor_version: minor,
                        build_number: build,
                        service_pack_major: a,
                        service_pack_minor: b,
                    })
                }
            ),
            any::<u32>().prop_map(|org_flags| AuxBlock::ExOrgInfo(AuxExOrgInfo { org_flags })),
            (any::<u16>(), uuid()).prop_map(|(client_id, account)| {
                AuxBlock::PerfAccountInfo(AuxPerfAccountInfo { client_id, account })
            }),
            any::<u32>().prop_map(|f| {
                AuxBlock::ServerCapabilities(AuxServerCapabilities {
                    server_capability_flags: f,
                })
            }),
            any::<u32>().prop_map(|f| {
                AuxBlock::EndpointCapabilities(AuxEndpointCapabilities {
                    endpoint_capability_flags: f,
                })
            }),
            (uuid(), any::<[u32; 2]>(), opt_string()).prop_map(|(g, [a, f], info)| {
                AuxBlock::ClientConnectionInfo(AuxClientConnectionInfo {
                    connection_guid: g,
                    connection_attempts: a,
                    connection_flags: f,
                    connection_context_info: info,
                })
            }),
            opt_string().prop_map(|info| {
                AuxBlock::ServerSessionInfo(AuxServerSessionInfo {
                    server_session_context_info: info,
                })
            }),
            (
                opt_string(),
                opt_string(),
                opt_string(),
                opt_string(),
                opt_string()
            )
                .prop_map(|(a, b, c, d, e)| {
                    AuxBlock::ProtocolDeviceIdentification(AuxProtocolDeviceIdentification {
                        device_manufacturer: a,
                        device_model: b,
                        device_serial_number: c,
                        device_version: d,
                        device_firmware_version: e,
                    })
                }),
            // Version/Type pairs the specification does not define.
            (
                any::<u8>(),
                any::<u8>(),
                proptest::collection::vec(any::<u8>(), 0..24)
            )
                .prop_filter_map("defined pair", |(v, t, payload)| {
                    let probe = [4, 0, v, t];
                    let defined = AuxBlock::decode_typed(AuxVersion(v), AuxBlockType(t), &probe)
                        .map(|b| b.is_some())
                        .unwrap_or(true);
                    (!defined).then_some(AuxBlock::Unknown {
                        version: AuxVersion(v),
                        block_type: AuxBlockType(t),
                        payload,
                    })
                }),
        ]
    }

    fn any_block() -> impl Strategy<Value = AuxBlock> {
        prop_oneof![perf_block(), other_block()]
    }

    proptest! {
        #[test]
        fn every_block_round_trips(block in any_block()) {
            let bytes = block.to_bytes().unwrap();
            let (version, ty) = block.header_fields();
            prop_assert_eq!(usize::from(u16::from_le_bytes([bytes[0], bytes[1]])), bytes.len());
            prop_assert_eq!(bytes[2], version.0);
            prop_assert_eq!(bytes[3], ty.0);
            let back = AuxBlock::from_bytes(&bytes).unwrap();
            prop_assert_eq!(&back, &block);
            prop_assert_eq!(back.to_bytes().unwrap(), bytes);
        }

        #[test]
        fn buffers_round_trip(blocks in proptest::collection::vec(any_block(), 0..8)) {
            let buffer = AuxiliaryBuffer::new(blocks);
            let bytes = buffer.to_bytes().unwrap();
            let back = AuxiliaryBuffer::from_bytes(&bytes).unwrap();
            prop_assert_eq!(&back, &buffer);
        }

        #[test]
        fn headers_round_trip(size in any::<u16>(), v in any::<u8>(), t in any::<u8>()) {
            let h = AuxHeader { size, version: AuxVersion(v), block_type: AuxBlockType(t) };
            prop_assert_eq!(AuxHeader::from_bytes(&h.to_bytes().unwrap()).unwrap(), h);
        }

        #[test]
        fn arbitrary_bytes_never_panic_and_reencode_exactly(
            bytes in proptest::collection::vec(any::<u8>(), 0..200)
        ) {
            if let Ok(buffer) = AuxiliaryBuffer::from_bytes(&bytes) {
                prop_assert_eq!(buffer.to_bytes().unwrap(), bytes);
            }
        }

        #[test]
        fn framed_garbage_never_panics_and_reencodes_exactly(
            ty in any::<u8>(),
            v in 1u8..=2,
            body in proptest::collection::vec(any::<u8>(), 0..80)
        ) {
            // A correct AUX_HEADER in front of random bodies reaches every block decoder.
            let mut bytes = vec![0, 0, v, ty];
            bytes.extend_from_slice(&body);
            let size = bytes.len() as u16;
            bytes[..2].copy_from_slice(&size.to_le_bytes());
            if let Ok(buffer) = AuxiliaryBuffer::from_bytes(&bytes) {
                prop_assert_eq!(buffer.to_bytes().unwrap(), bytes);
            }
        }
    }
}
