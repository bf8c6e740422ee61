//! Store ROPs (MS-OXCROPS 2.2.3, semantics in MS-OXCSTOR 2.2.1): logon, receive folders,
//! store state, public folder replicas, ID conversion and per-user read state.

use bytes::BufMut;
use serde::Serialize;
use uuid::Uuid;

use crate::wire::ErrorCode;
use crate::wire::entry_id::{FolderId, LongTermId};
use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{
    CountWidth, Wire, ascii_z, bool8, counted, guid, put_ascii_z, put_guid, take_len, u8 as le_u8,
    u16 as le_u16, u32 as le_u32, u64 as le_u64,
};
use crate::wire::property::{PropertyRow, PropertyTag};

use super::{ResponseContext, ResponseHeader, Rop, RopId};

// ---------------------------------------------------------------------------------------------
// Helpers shared by the ROP files of this family (store.rs, special.rs, notify.rs)
// ---------------------------------------------------------------------------------------------

/// Reads the handle index and ReturnValue, then the success fields with `success` when
/// ReturnValue is 0, or builds the failure form with `failure` otherwise.
pub(super) fn header_then<'a, T>(
    structure: &'static str,
    input: &'a [u8],
    success: impl FnOnce(u8, &'a [u8]) -> PResult<'a, T>,
    failure: impl FnOnce(ResponseHeader) -> T,
) -> PResult<'a, T> {
    named(structure, input, |i| {
        let (i, header) = ResponseHeader::decode(i)?;
        if header.is_success() {
            success(header.handle_index, i)
        } else {
            Ok((i, failure(header)))
        }
    })
}

/// Writes a success header (ReturnValue 0).
pub(super) fn put_success<B: BufMut>(out: &mut B, handle_index: u8) {
    out.put_u8(handle_index);
    out.put_u32_le(0);
}

/// Writes a failure header; a failure with ReturnValue 0 would decode as a success.
pub(super) fn put_failure<B: BufMut>(
    out: &mut B,
    header: &ResponseHeader,
    structure: &'static str,
) -> Result<(), EncodeError> {
    if header.is_success() {
        return Err(EncodeError::Invalid {
            structure,
            reason: "a failure response needs a nonzero ReturnValue",
        });
    }
    header.encode(out);
    Ok(())
}

/// Reads exactly `size` bytes holding a null-terminated ASCII string whose size counts the
/// terminator (RopLogon Essdn, ServerName).
pub(super) fn sized_ascii_z<'a>(
    input: &'a [u8],
    size: usize,
    field: &'static str,
) -> PResult<'a, String> {
    let (rest, bytes) = take_len(input, size, field)?;
    let (after, s) = ascii_z(bytes)?;
    if !after.is_empty() {
        return fail(
            after,
            field,
            ErrorKind::TrailingBytes { count: after.len() },
        );
    }
    Ok((rest, s))
}

/// The byte size of a null-terminated ASCII string on the wire.
pub(super) fn ascii_z_size(s: &str) -> usize {
    s.len().saturating_add(1)
}

fn put_id<B: BufMut>(out: &mut B, id: FolderId) {
    out.put_u64_le(id.0);
}

fn folder_id(input: &[u8]) -> PResult<'_, FolderId> {
    le_u64(input).map(|(r, v)| (r, FolderId(v)))
}

// ---------------------------------------------------------------------------------------------
// RopLogon
// ---------------------------------------------------------------------------------------------

flags_newtype!(
    /// MS-OXCSTOR 2.2.1.1.1 LogonFlags; the Private bit selects the response layout.
    LogonFlags(u8) {
        /// Private: a mailbox logon (unset: public folders).
        PRIVATE = 0x01,
        /// Undercover.
        UNDERCOVER = 0x02,
        /// Ghosted.
        GHOSTED = 0x04,
        /// SplProcess.
        SPL_PROCESS = 0x08,
    }
);

flags_newtype!(
    /// MS-OXCSTOR 2.2.1.1.1 OpenFlags.
    OpenFlags(u32) {
        /// USE_ADMIN_PRIVILEGE.
        USE_ADMIN_PRIVILEGE = 0x0000_0001,
        /// PUBLIC.
        PUBLIC = 0x0000_0002,
        /// HOME_LOGON.
        HOME_LOGON = 0x0000_0004,
        /// TAKE_OWNERSHIP.
        TAKE_OWNERSHIP = 0x0000_0008,
        /// ALTERNATE_SERVER.
        ALTERNATE_SERVER = 0x0000_0100,
        /// IGNORE_HOME_MDB.
        IGNORE_HOME_MDB = 0x0000_0200,
        /// NO_MAIL.
        NO_MAIL = 0x0000_0400,
        /// USE_PER_MDB_REPLID_MAPPING.
        USE_PER_MDB_REPLID_MAPPING = 0x0100_0000,
        /// SUPPORT_PROGRESS.
        SUPPORT_PROGRESS = 0x2000_0000,
    }
);

flags_newtype!(
    /// MS-OXCSTOR 2.2.1.1.3 ResponseFlags of a private logon.
    LogonResponseFlags(u8) {
        /// Reserved: always set.
        RESERVED = 0x01,
        /// OwnerRight.
        OWNER_RIGHT = 0x02,
        /// SendAsRight.
        SEND_AS_RIGHT = 0x04,
        /// OOF: the mailbox owner is out of office.
        OOF = 0x10,
    }
);

flags_newtype!(
    /// MS-OXCSTOR 2.2.1.1.1 StoreState.
    StoreState(u32) {
        /// STORE_HAS_SEARCHES.
        STORE_HAS_SEARCHES = 0x0100_0000,
    }
);

/// MS-OXCROPS 2.2.3.1.1 RopLogon request (MS-OXCSTOR 2.2.1.1.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogonRequest {
    /// LogonId the client gives the new logon.
    pub logon_id: u8,
    /// OutputHandleIndex for the Logon object.
    pub output_handle_index: u8,
    /// LogonFlags; Private decides the response layout.
    pub logon_flags: LogonFlags,
    /// OpenFlags.
    pub open_flags: OpenFlags,
    /// StoreState.
    pub store_state: StoreState,
    /// Essdn, the mailbox's ESSDN; `None` when EssdnSize is 0 (public logon).
    pub essdn: Option<String>,
}

/// MS-OXCSTOR 2.2.1.1.6 LogonTime of a private logon response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LogonTime {
    /// Seconds.
    pub seconds: u8,
    /// Minutes.
    pub minutes: u8,
    /// Hour.
    pub hour: u8,
    /// DayOfWeek (0 = Sunday).
    pub day_of_week: u8,
    /// Day of the month.
    pub day: u8,
    /// Month (1 = January).
    pub month: u8,
    /// Year.
    pub year: u16,
}

impl Wire for LogonTime {
    const NAME: &'static str = "LogonTime";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, [seconds, minutes, hour, day_of_week, day, month]) =
                crate::wire::primitives::take_array::<6>(i)?;
            let (i, year) = le_u16(i)?;
            Ok((
                i,
                LogonTime {
                    seconds,
                    minutes,
                    hour,
                    day_of_week,
                    day,
                    month,
                    year,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&[
            self.seconds,
            self.minutes,
            self.hour,
            self.day_of_week,
            self.day,
            self.month,
        ]);
        out.put_u16_le(self.year);
        Ok(())
    }
}

/// MS-OXCROPS 2.2.3.1.2 / 2.2.3.1.3 / 2.2.3.1.4 RopLogon response (MS-OXCSTOR 2.2.1.1.3 -
/// 2.2.1.1.5). Private or public success layout is chosen by the request's LogonFlags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum LogonResponse {
    /// 2.2.3.1.2 success response for a private mailbox.
    Private {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// LogonFlags echoed from the request.
        logon_flags: LogonFlags,
        /// FolderIds: Root, Deferred Action, Spooler Queue, IPM subtree, Inbox, Outbox, Sent
        /// Items, Deleted Items, Common Views, Schedule, Search, Views, Shortcuts.
        folder_ids: [FolderId; 13],
        /// ResponseFlags.
        response_flags: LogonResponseFlags,
        /// MailboxGuid.
        mailbox_guid: Uuid,
        /// ReplId: the replica ID this logon uses for its own store.
        repl_id: u16,
        /// ReplGuid.
        repl_guid: Uuid,
        /// LogonTime (server time of the logon).
        logon_time: LogonTime,
        /// GwartTime: FILETIME of the last address-type table change.
        gwart_time: u64,
        /// StoreState.
        store_state: StoreState,
    },
    /// 2.2.3.1.3 success response for public folders.
    Public {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// LogonFlags echoed from the request.
        logon_flags: LogonFlags,
        /// FolderIds: Public Root, IPM subtree, Non-IPM subtree, EFORMS REGISTRY, FREE BUSY
        /// DATA, OFFLINE ADDRESS BOOK, localized EFORMS, localized free/busy, localized OAB,
        /// then four reserved IDs.
        folder_ids: [FolderId; 13],
        /// ReplId.
        repl_id: u16,
        /// ReplGuid.
        repl_guid: Uuid,
        /// PerUserGuid (reserved).
        per_user_guid: Uuid,
    },
    /// 2.2.3.1.4 redirect response: ReturnValue ecWrongServer (0x00000478).
    Redirect {
        /// OutputHandleIndex.
        output_handle_index: u8,
        /// LogonFlags echoed from the request.
        logon_flags: LogonFlags,
        /// ServerName: the server that hosts the mailbox.
        server_name: String,
    },
    /// Any other failure: OutputHandleIndex and ReturnValue only.
    Failure(ResponseHeader),
}

fn folder_ids13(mut i: &[u8]) -> PResult<'_, [FolderId; 13]> {
    let mut ids = [FolderId(0); 13];
    for id in &mut ids {
        let (rest, v) = folder_id(i)?;
        *id = v;
        i = rest;
    }
    Ok((i, ids))
}

impl Rop for LogonRequest {
    const ID: RopId = RopId::LOGON;
    type Response = LogonResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopLogon", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, output_handle_index) = le_u8(i)?;
            let (i, logon_flags) = le_u8(i)?;
            let (i, open_flags) = le_u32(i)?;
            let (i, store_state) = le_u32(i)?;
            let (i, size) = le_u16(i)?;
            let (i, essdn) = if size == 0 {
                (i, None)
            } else {
                let (i, s) = sized_ascii_z(i, usize::from(size), "EssdnSize")?;
                (i, Some(s))
            };
            Ok((
                i,
                LogonRequest {
                    logon_id,
                    output_handle_index,
                    logon_flags: LogonFlags(logon_flags),
                    open_flags: OpenFlags(open_flags),
                    store_state: StoreState(store_state),
                    essdn,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.output_handle_index);
        out.put_u8(self.logon_flags.0);
        out.put_u32_le(self.open_flags.0);
        out.put_u32_le(self.store_state.0);
        match &self.essdn {
            None => out.put_u16_le(0),
            Some(s) => {
                CountWidth::U16.put(out, ascii_z_size(s), "RopLogon", "EssdnSize")?;
                put_ascii_z(out, s, "RopLogon")?;
            }
        }
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, LogonResponse> {
        let private = self.logon_flags.contains(LogonFlags::PRIVATE);
        named("RopLogon", input, |i| {
            let (i, header) = ResponseHeader::decode(i)?;
            let output_handle_index = header.handle_index;
            if header.return_value == ErrorCode::WRONG_SERVER {
                let (i, logon_flags) = le_u8(i)?;
                let (i, size) = le_u8(i)?;
                let (i, server_name) = sized_ascii_z(i, usize::from(size), "ServerNameSize")?;
                return Ok((
                    i,
                    LogonResponse::Redirect {
                        output_handle_index,
                        logon_flags: LogonFlags(logon_flags),
                        server_name,
                    },
                ));
            }
            if !header.is_success() {
                return Ok((i, LogonResponse::Failure(header)));
            }
            let (i, logon_flags) = le_u8(i)?;
            let logon_flags = LogonFlags(logon_flags);
            let (i, folder_ids) = folder_ids13(i)?;
            if private {
                let (i, response_flags) = le_u8(i)?;
                let (i, mailbox_guid) = guid(i)?;
                let (i, repl_id) = le_u16(i)?;
                let (i, repl_guid) = guid(i)?;
                let (i, logon_time) = LogonTime::decode(i)?;
                let (i, gwart_time) = le_u64(i)?;
                let (i, store_state) = le_u32(i)?;
                Ok((
                    i,
                    LogonResponse::Private {
                        output_handle_index,
                        logon_flags,
                        folder_ids,
                        response_flags: LogonResponseFlags(response_flags),
                        mailbox_guid,
                        repl_id,
                        repl_guid,
                        logon_time,
                        gwart_time,
                        store_state: StoreState(store_state),
                    },
                ))
            } else {
                let (i, repl_id) = le_u16(i)?;
                let (i, repl_guid) = guid(i)?;
                let (i, per_user_guid) = guid(i)?;
                Ok((
                    i,
                    LogonResponse::Public {
                        output_handle_index,
                        logon_flags,
                        folder_ids,
                        repl_id,
                        repl_guid,
                        per_user_guid,
                    },
                ))
            }
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &LogonResponse,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        let private = self.logon_flags.contains(LogonFlags::PRIVATE);
        let wrong_layout = || EncodeError::Invalid {
            structure: "RopLogon",
            reason: "private/public response layout differs from the request's LogonFlags",
        };
        match response {
            LogonResponse::Private {
                output_handle_index,
                logon_flags,
                folder_ids,
                response_flags,
                mailbox_guid,
                repl_id,
                repl_guid,
                logon_time,
                gwart_time,
                store_state,
            } => {
                if !private {
                    return Err(wrong_layout());
                }
                put_success(out, *output_handle_index);
                out.put_u8(logon_flags.0);
                folder_ids.iter().for_each(|f| put_id(out, *f));
                out.put_u8(response_flags.0);
                put_guid(out, mailbox_guid);
                out.put_u16_le(*repl_id);
                put_guid(out, repl_guid);
                logon_time.encode(out)?;
                out.put_u64_le(*gwart_time);
                out.put_u32_le(store_state.0);
            }
            LogonResponse::Public {
                output_handle_index,
                logon_flags,
                folder_ids,
                repl_id,
                repl_guid,
                per_user_guid,
            } => {
                if private {
                    return Err(wrong_layout());
                }
                put_success(out, *output_handle_index);
                out.put_u8(logon_flags.0);
                folder_ids.iter().for_each(|f| put_id(out, *f));
                out.put_u16_le(*repl_id);
                put_guid(out, repl_guid);
                put_guid(out, per_user_guid);
            }
            LogonResponse::Redirect {
                output_handle_index,
                logon_flags,
                server_name,
            } => {
                out.put_u8(*output_handle_index);
                out.put_u32_le(ErrorCode::WRONG_SERVER.0);
                out.put_u8(logon_flags.0);
                let size = ascii_z_size(server_name);
                if size > usize::from(u8::MAX) {
                    return Err(EncodeError::TooLong {
                        structure: "RopLogon",
                        field: "ServerNameSize",
                        len: size,
                        max: usize::from(u8::MAX),
                    });
                }
                out.put_u8(size as u8);
                put_ascii_z(out, server_name, "RopLogon")?;
            }
            LogonResponse::Failure(h) => {
                if h.return_value == ErrorCode::WRONG_SERVER {
                    return Err(EncodeError::Invalid {
                        structure: "RopLogon",
                        reason: "ecWrongServer has the redirect layout",
                    });
                }
                put_failure(out, h, "RopLogon")?;
            }
        }
        Ok(())
    }

    fn input_handle_index(&self) -> u8 {
        // RopLogon has no input object; the handle it fills is its output.
        self.output_handle_index
    }

    fn output_handle_index(&self) -> Option<u8> {
        Some(self.output_handle_index)
    }
}

// ---------------------------------------------------------------------------------------------
// Simple request shapes: LogonId, InputHandleIndex, then fixed fields
// ---------------------------------------------------------------------------------------------

/// Declares a response enum `Success { input_handle_index, fields }` / `Failure(header)`.
macro_rules! response_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $f:ident: $t:ty),* $(,)? } $($derive:ident)?) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize $(, $derive)?)]
        pub enum $name {
            /// ReturnValue 0: the success layout.
            Success {
                /// InputHandleIndex echoed from the request.
                input_handle_index: u8,
                $($(#[$fdoc])* $f: $t,)*
            },
            /// Nonzero ReturnValue: InputHandleIndex and ReturnValue only.
            Failure(ResponseHeader),
        }
    };
}

// ---- RopGetReceiveFolder ----

/// MS-OXCROPS 2.2.3.2.1 RopGetReceiveFolder request (MS-OXCSTOR 2.2.1.2.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetReceiveFolderRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex (a Logon object).
    pub input_handle_index: u8,
    /// MessageClass whose receive folder is wanted (ASCII, null-terminated on the wire).
    pub message_class: String,
}

response_enum!(
    /// MS-OXCROPS 2.2.3.2.2 RopGetReceiveFolder response (MS-OXCSTOR 2.2.1.2.2).
    GetReceiveFolderResponse {
        /// FolderId of the receive folder.
        folder_id: FolderId,
        /// ExplicitMessageClass: the message class actually configured (a prefix of the
        /// requested one, or empty for the default).
        explicit_message_class: String,
    } Eq
);

impl Rop for GetReceiveFolderRequest {
    const ID: RopId = RopId::GET_RECEIVE_FOLDER;
    type Response = GetReceiveFolderResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetReceiveFolder", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, message_class) = ascii_z(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    message_class,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_ascii_z(out, &self.message_class, "RopGetReceiveFolder")
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        header_then(
            "RopGetReceiveFolder",
            input,
            |input_handle_index, i| {
                let (i, folder_id) = folder_id(i)?;
                let (i, explicit_message_class) = ascii_z(i)?;
                Ok((
                    i,
                    GetReceiveFolderResponse::Success {
                        input_handle_index,
                        folder_id,
                        explicit_message_class,
                    },
                ))
            },
            GetReceiveFolderResponse::Failure,
        )
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            GetReceiveFolderResponse::Success {
                input_handle_index,
                folder_id,
                explicit_message_class,
            } => {
                put_success(out, *input_handle_index);
                put_id(out, *folder_id);
                put_ascii_z(out, explicit_message_class, "RopGetReceiveFolder")
            }
            GetReceiveFolderResponse::Failure(h) => put_failure(out, h, "RopGetReceiveFolder"),
        }
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---- RopSetReceiveFolder ----

/// MS-OXCROPS 2.2.3.3.1 RopSetReceiveFolder request (MS-OXCSTOR 2.2.1.3.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetReceiveFolderRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex (a Logon object).
    pub input_handle_index: u8,
    /// FolderId to make the receive folder (0 removes the setting).
    pub folder_id: FolderId,
    /// MessageClass (ASCII, null-terminated on the wire).
    pub message_class: String,
}

impl Rop for SetReceiveFolderRequest {
    const ID: RopId = RopId::SET_RECEIVE_FOLDER;
    /// MS-OXCROPS 2.2.3.3.2: InputHandleIndex and ReturnValue only.
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopSetReceiveFolder", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, folder_id) = folder_id(i)?;
            let (i, message_class) = ascii_z(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    folder_id,
                    message_class,
                },
            ))
        })
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_id(out, self.folder_id);
        put_ascii_z(out, &self.message_class, "RopSetReceiveFolder")
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, ResponseHeader> {
        named("RopSetReceiveFolder", input, ResponseHeader::decode)
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &ResponseHeader,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out);
        Ok(())
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---- Requests of just LogonId + InputHandleIndex (+ one fixed field) ----

macro_rules! small_request {
    ($(#[$doc:meta])* $name:ident, $rop:literal { $($(#[$fdoc:meta])* $f:ident: $t:ty => $dec:expr, $enc:expr;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        pub struct $name {
            /// LogonId.
            pub logon_id: u8,
            /// InputHandleIndex.
            pub input_handle_index: u8,
            $($(#[$fdoc])* pub $f: $t,)*
        }

        impl $name {
            fn decode_fields(input: &[u8]) -> PResult<'_, Self> {
                named($rop, input, |i| {
                    let (i, logon_id) = le_u8(i)?;
                    let (i, input_handle_index) = le_u8(i)?;
                    $(let (i, $f) = ($dec)(i)?;)*
                    Ok((i, Self { logon_id, input_handle_index, $($f,)* }))
                })
            }
            fn encode_fields<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                out.put_u8(self.logon_id);
                out.put_u8(self.input_handle_index);
                $(($enc)(&self.$f, &mut *out)?;)*
                Ok(())
            }
        }
    };
}

fn enc_fid<B: BufMut>(f: &FolderId, out: &mut B) -> Result<(), EncodeError> {
    out.put_u64_le(f.0);
    Ok(())
}
fn enc_u64<B: BufMut>(v: &u64, out: &mut B) -> Result<(), EncodeError> {
    out.put_u64_le(*v);
    Ok(())
}
fn enc_ltid<B: BufMut>(v: &LongTermId, out: &mut B) -> Result<(), EncodeError> {
    v.encode(out)
}
fn enc_guid<B: BufMut>(v: &Uuid, out: &mut B) -> Result<(), EncodeError> {
    put_guid(out, v);
    Ok(())
}

/// Implements `Rop` for a `small_request!` type with a `response_enum!` response whose success
/// fields are decoded by `$dec` and encoded by `$enc`.
macro_rules! simple_rop {
    ($req:ident, $id:expr, $rop:literal, $resp:ident { $($f:ident),* }, $dec:expr, $enc:expr) => {
        impl Rop for $req {
            const ID: RopId = $id;
            type Response = $resp;
            fn decode_request(input: &[u8]) -> PResult<'_, Self> {
                Self::decode_fields(input)
            }
            fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                self.encode_fields(out)
            }
            fn decode_response<'a>(
                &self,
                _ctx: &ResponseContext<'_>,
                input: &'a [u8],
            ) -> PResult<'a, $resp> {
                header_then(
                    $rop,
                    input,
                    |input_handle_index, i| {
                        #[allow(unused_parens)]
                        let (i, ($($f),*)) = ($dec)(i)?;
                        Ok((i, $resp::Success { input_handle_index, $($f),* }))
                    },
                    $resp::Failure,
                )
            }
            fn encode_response<B: BufMut>(
                &self,
                response: &$resp,
                _ctx: &ResponseContext<'_>,
                out: &mut B,
            ) -> Result<(), EncodeError> {
                match response {
                    $resp::Success { input_handle_index, $($f),* } => {
                        put_success(out, *input_handle_index);
                        #[allow(unused_parens)]
                        ($enc)(($($f),*), &mut *out)
                    }
                    $resp::Failure(h) => put_failure(out, h, $rop),
                }
            }
            fn input_handle_index(&self) -> u8 {
                self.input_handle_index
            }
        }
    };
}

// ---- RopGetReceiveFolderTable ----

small_request!(
    /// MS-OXCROPS 2.2.3.4.1 RopGetReceiveFolderTable request (MS-OXCSTOR 2.2.1.4.1).
    GetReceiveFolderTableRequest, "RopGetReceiveFolderTable" {}
);

impl GetReceiveFolderTableRequest {
    /// MS-OXCROPS 2.2.3.4.2: the fixed columns of every row: PidTagFolderId,
    /// PidTagMessageClass as PtypString8, PidTagLastModificationTime.
    pub const COLUMNS: [PropertyTag; 3] = [
        PropertyTag(0x6748_0014),
        PropertyTag(0x001A_001E),
        PropertyTag(0x3008_0040),
    ];
}

response_enum!(
    /// MS-OXCROPS 2.2.3.4.2 RopGetReceiveFolderTable response (MS-OXCSTOR 2.2.1.4.2): a
    /// RowCount (u32) and that many PropertyRows over
    /// [`GetReceiveFolderTableRequest::COLUMNS`].
    GetReceiveFolderTableResponse {
        /// Rows: one per configured message class.
        rows: Vec<PropertyRow>,
    }
);

simple_rop!(
    GetReceiveFolderTableRequest,
    RopId::GET_RECEIVE_FOLDER_TABLE,
    "RopGetReceiveFolderTable",
    GetReceiveFolderTableResponse { rows },
    |i| {
        let cols = &GetReceiveFolderTableRequest::COLUMNS;
        let (i, n) = le_u32(i)?;
        counted(
            i,
            n as usize,
            PropertyRow::min_wire_size(cols, CountWidth::U16),
            "RowCount",
            |i| PropertyRow::decode_with(cols, CountWidth::U16, i),
        )
    },
    |rows: &Vec<PropertyRow>, out: &mut B| {
        let n = u32::try_from(rows.len()).map_err(|_| EncodeError::TooLong {
            structure: "RopGetReceiveFolderTable",
            field: "RowCount",
            len: rows.len(),
            max: u32::MAX as usize,
        })?;
        out.put_u32_le(n);
        rows.iter().try_for_each(|r| {
            r.encode_with(
                &GetReceiveFolderTableRequest::COLUMNS,
                CountWidth::U16,
                &mut *out,
            )
        })
    }
);

// ---- RopGetStoreState ----

small_request!(
    /// MS-OXCROPS 2.2.3.5.1 RopGetStoreState request (MS-OXCSTOR 2.2.1.5.1).
    GetStoreStateRequest, "RopGetStoreState" {}
);

response_enum!(
    /// MS-OXCROPS 2.2.3.5.2 RopGetStoreState response (MS-OXCSTOR 2.2.1.5.2).
    GetStoreStateResponse {
        /// StoreState.
        store_state: StoreState,
    } Eq
);

simple_rop!(
    GetStoreStateRequest,
    RopId::GET_STORE_STATE,
    "RopGetStoreState",
    GetStoreStateResponse { store_state },
    |i| le_u32(i).map(|(r, v)| (r, StoreState(v))),
    |s: &StoreState, out: &mut B| {
        out.put_u32_le(s.0);
        Ok(())
    }
);

// ---- RopGetOwningServers / RopPublicFolderIsGhosted ----

/// MS-OXCROPS 2.2.3.6.2 / 2.2.3.7.2: the replica server list of a public folder:
/// ServersCount (u16), CheapServersCount (u16), then ServersCount null-terminated ASCII names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ReplicaServers {
    /// CheapServersCount: how many of the first servers are cheapest to reach.
    pub cheap_servers_count: u16,
    /// The server names (ASCII DNs).
    pub servers: Vec<String>,
}

impl Wire for ReplicaServers {
    const NAME: &'static str = "ReplicaServers";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, count) = le_u16(i)?;
            let (i, cheap_servers_count) = le_u16(i)?;
            let (i, servers) = counted(i, usize::from(count), 1, "ServersCount", ascii_z)?;
            Ok((
                i,
                ReplicaServers {
                    cheap_servers_count,
                    servers,
                },
            ))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        CountWidth::U16.put(out, self.servers.len(), Self::NAME, "ServersCount")?;
        out.put_u16_le(self.cheap_servers_count);
        for s in &self.servers {
            put_ascii_z(out, s, Self::NAME)?;
        }
        Ok(())
    }
}

small_request!(
    /// MS-OXCROPS 2.2.3.6.1 RopGetOwningServers request (MS-OXCSTOR 2.2.1.6.1).
    GetOwningServersRequest, "RopGetOwningServers" {
        /// FolderId of the public folder.
        folder_id: FolderId => folder_id, enc_fid;
    }
);

response_enum!(
    /// MS-OXCROPS 2.2.3.6.2 RopGetOwningServers response (MS-OXCSTOR 2.2.1.6.2).
    GetOwningServersResponse {
        /// OwningServersCount, CheapServersCount, OwningServers.
        owning_servers: ReplicaServers,
    } Eq
);

simple_rop!(
    GetOwningServersRequest,
    RopId::GET_OWNING_SERVERS,
    "RopGetOwningServers",
    GetOwningServersResponse { owning_servers },
    ReplicaServers::decode,
    |s: &ReplicaServers, out: &mut B| s.encode(out)
);

small_request!(
    /// MS-OXCROPS 2.2.3.7.1 RopPublicFolderIsGhosted request (MS-OXCSTOR 2.2.1.7.1).
    PublicFolderIsGhostedRequest, "RopPublicFolderIsGhosted" {
        /// FolderId of the public folder.
        folder_id: FolderId => folder_id, enc_fid;
    }
);

response_enum!(
    /// MS-OXCROPS 2.2.3.7.2 RopPublicFolderIsGhosted response (MS-OXCSTOR 2.2.1.7.2):
    /// IsGhosted, then the replica servers only when IsGhosted is nonzero.
    PublicFolderIsGhostedResponse {
        /// `Some` (IsGhosted nonzero) with ServersCount, CheapServersCount, Servers.
        ghosted: Option<ReplicaServers>,
    } Eq
);

simple_rop!(
    PublicFolderIsGhostedRequest,
    RopId::PUBLIC_FOLDER_IS_GHOSTED,
    "RopPublicFolderIsGhosted",
    PublicFolderIsGhostedResponse { ghosted },
    |i| {
        let (i, is_ghosted) = bool8(i)?;
        if is_ghosted {
            let (i, s) = ReplicaServers::decode(i)?;
            Ok((i, Some(s)))
        } else {
            Ok((i, None))
        }
    },
    |g: &Option<ReplicaServers>, out: &mut B| match g {
        None => {
            out.put_u8(0);
            Ok(())
        }
        Some(s) => {
            out.put_u8(1);
            s.encode(out)
        }
    }
);

// ---- RopLongTermIdFromId / RopIdFromLongTermId ----

small_request!(
    /// MS-OXCROPS 2.2.3.8.1 RopLongTermIdFromId request (MS-OXCSTOR 2.2.1.8.1).
    LongTermIdFromIdRequest, "RopLongTermIdFromId" {
        /// ObjectId: a Folder ID or Message ID, as the little-endian u64.
        object_id: u64 => le_u64, enc_u64;
    }
);

response_enum!(
    /// MS-OXCROPS 2.2.3.8.2 RopLongTermIdFromId response (MS-OXCSTOR 2.2.1.8.2).
    LongTermIdFromIdResponse {
        /// LongTermId of the object.
        long_term_id: LongTermId,
    } Eq
);

simple_rop!(
    LongTermIdFromIdRequest,
    RopId::LONG_TERM_ID_FROM_ID,
    "RopLongTermIdFromId",
    LongTermIdFromIdResponse { long_term_id },
    LongTermId::decode,
    |v: &LongTermId, out: &mut B| v.encode(out)
);

small_request!(
    /// MS-OXCROPS 2.2.3.9.1 RopIdFromLongTermId request (MS-OXCSTOR 2.2.1.9.1).
    IdFromLongTermIdRequest, "RopIdFromLongTermId" {
        /// LongTermId to convert.
        long_term_id: LongTermId => LongTermId::decode, enc_ltid;
    }
);

response_enum!(
    /// MS-OXCROPS 2.2.3.9.2 RopIdFromLongTermId response (MS-OXCSTOR 2.2.1.9.2).
    IdFromLongTermIdResponse {
        /// ObjectId: the Folder ID or Message ID, as the little-endian u64.
        object_id: u64,
    } Eq
);

simple_rop!(
    IdFromLongTermIdRequest,
    RopId::ID_FROM_LONG_TERM_ID,
    "RopIdFromLongTermId",
    IdFromLongTermIdResponse { object_id },
    le_u64,
    |v: &u64, out: &mut B| {
        out.put_u64_le(*v);
        Ok(())
    }
);

// ---- Per-user information ----

small_request!(
    /// MS-OXCROPS 2.2.3.10.1 RopGetPerUserLongTermIds request (MS-OXCSTOR 2.2.1.10.1).
    GetPerUserLongTermIdsRequest, "RopGetPerUserLongTermIds" {
        /// DatabaseGuid of the public store.
        database_guid: Uuid => guid, enc_guid;
    }
);

response_enum!(
    /// MS-OXCROPS 2.2.3.10.2 RopGetPerUserLongTermIds response (MS-OXCSTOR 2.2.1.10.2):
    /// LongTermIdCount (u16) and the LongTermIds.
    GetPerUserLongTermIdsResponse {
        /// LongTermIds of the public folders with per-user data.
        long_term_ids: Vec<LongTermId>,
    } Eq
);

simple_rop!(
    GetPerUserLongTermIdsRequest,
    RopId::GET_PER_USER_LONG_TERM_IDS,
    "RopGetPerUserLongTermIds",
    GetPerUserLongTermIdsResponse { long_term_ids },
    |i| {
        let (i, n) = le_u16(i)?;
        counted(i, usize::from(n), 24, "LongTermIdCount", LongTermId::decode)
    },
    |ids: &Vec<LongTermId>, out: &mut B| {
        CountWidth::U16.put(
            out,
            ids.len(),
            "RopGetPerUserLongTermIds",
            "LongTermIdCount",
        )?;
        ids.iter().try_for_each(|id| id.encode(&mut *out))
    }
);

small_request!(
    /// MS-OXCROPS 2.2.3.11.1 RopGetPerUserGuid request (MS-OXCSTOR 2.2.1.11.1).
    GetPerUserGuidRequest, "RopGetPerUserGuid" {
        /// LongTermId of the public folder.
        long_term_id: LongTermId => LongTermId::decode, enc_ltid;
    }
);

response_enum!(
    /// MS-OXCROPS 2.2.3.11.2 RopGetPerUserGuid response (MS-OXCSTOR 2.2.1.11.2).
    GetPerUserGuidResponse {
        /// DatabaseGuid of the store that provided the per-user data.
        database_guid: Uuid,
    } Eq
);

simple_rop!(
    GetPerUserGuidRequest,
    RopId::GET_PER_USER_GUID,
    "RopGetPerUserGuid",
    GetPerUserGuidResponse { database_guid },
    guid,
    |g: &Uuid, out: &mut B| enc_guid(g, out)
);

small_request!(
    /// MS-OXCROPS 2.2.3.12.1 RopReadPerUserInformation request (MS-OXCSTOR 2.2.1.12.1).
    ReadPerUserInformationRequest, "RopReadPerUserInformation" {
        /// FolderId: the LongTermId of the public folder.
        folder_id: LongTermId => LongTermId::decode, enc_ltid;
        /// Reserved.
        reserved: u8 => le_u8, |v: &u8, out: &mut B| { out.put_u8(*v); Ok::<(), EncodeError>(()) };
        /// DataOffset into the per-user data.
        data_offset: u32 => le_u32, |v: &u32, out: &mut B| { out.put_u32_le(*v); Ok::<(), EncodeError>(()) };
        /// MaxDataSize to return.
        max_data_size: u16 => le_u16, |v: &u16, out: &mut B| { out.put_u16_le(*v); Ok::<(), EncodeError>(()) };
    }
);

response_enum!(
    /// MS-OXCROPS 2.2.3.12.2 RopReadPerUserInformation response (MS-OXCSTOR 2.2.1.12.2):
    /// HasFinished, DataSize (u16), Data.
    ReadPerUserInformationResponse {
        /// HasFinished: the last chunk.
        has_finished: bool,
        /// Data: a chunk of the per-user data stream.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        data: Vec<u8>,
    } Eq
);

simple_rop!(
    ReadPerUserInformationRequest,
    RopId::READ_PER_USER_INFORMATION,
    "RopReadPerUserInformation",
    ReadPerUserInformationResponse { has_finished, data },
    |i| {
        let (i, has_finished) = bool8(i)?;
        let (i, n) = le_u16(i)?;
        let (i, data) = take_len(i, usize::from(n), "DataSize")?;
        Ok((i, (has_finished, data.to_vec())))
    },
    |(has_finished, data): (&bool, &Vec<u8>), out: &mut B| {
        out.put_u8(u8::from(*has_finished));
        crate::wire::primitives::put_counted_bytes(
            out,
            data,
            CountWidth::U16,
            "RopReadPerUserInformation",
        )
    }
);

/// MS-OXCROPS 2.2.3.13.1 RopWritePerUserInformation request (MS-OXCSTOR 2.2.1.13.1).
///
/// ReplGuid is present only when DataOffset is 0 and the logon the LogonId names is a private
/// mailbox logon (it names the public store the data came from). The request alone cannot tell
/// the logon kind: [`Rop::decode_request`] assumes a private logon (the usual case: per-user
/// data lives in the user's mailbox); use [`WritePerUserInformationRequest::decode_with`] when
/// the session knows better.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WritePerUserInformationRequest {
    /// LogonId.
    pub logon_id: u8,
    /// InputHandleIndex.
    pub input_handle_index: u8,
    /// FolderId: the LongTermId of the public folder.
    pub folder_id: LongTermId,
    /// HasFinished: the last chunk.
    pub has_finished: bool,
    /// DataOffset of this chunk.
    pub data_offset: u32,
    /// Data: the chunk (DataSize u16 on the wire).
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub data: Vec<u8>,
    /// ReplGuid: present for the first chunk (DataOffset 0) on a private logon.
    pub repl_guid: Option<Uuid>,
}

impl WritePerUserInformationRequest {
    /// Decodes the request fields after the RopId for a private (`true`) or public logon.
    pub fn decode_with(private_logon: bool, input: &[u8]) -> PResult<'_, Self> {
        named("RopWritePerUserInformation", input, |i| {
            let (i, logon_id) = le_u8(i)?;
            let (i, input_handle_index) = le_u8(i)?;
            let (i, folder_id) = LongTermId::decode(i)?;
            let (i, has_finished) = bool8(i)?;
            let (i, data_offset) = le_u32(i)?;
            let (i, n) = le_u16(i)?;
            let (i, data) = take_len(i, usize::from(n), "DataSize")?;
            let (i, repl_guid) = if private_logon && data_offset == 0 {
                let (i, g) = guid(i)?;
                (i, Some(g))
            } else {
                (i, None)
            };
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    folder_id,
                    has_finished,
                    data_offset,
                    data: data.to_vec(),
                    repl_guid,
                },
            ))
        })
    }
}

impl Rop for WritePerUserInformationRequest {
    const ID: RopId = RopId::WRITE_PER_USER_INFORMATION;
    /// MS-OXCROPS 2.2.3.13.2: InputHandleIndex and ReturnValue only.
    type Response = ResponseHeader;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_with(true, input)
    }
    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        self.folder_id.encode(out)?;
        out.put_u8(u8::from(self.has_finished));
        out.put_u32_le(self.data_offset);
        crate::wire::primitives::put_counted_bytes(
            out,
            &self.data,
            CountWidth::U16,
            "RopWritePerUserInformation",
        )?;
        match self.repl_guid {
            Some(g) if self.data_offset == 0 => put_guid(out, &g),
            Some(_) => {
                return Err(EncodeError::Invalid {
                    structure: "RopWritePerUserInformation",
                    reason: "ReplGuid is only sent with DataOffset 0",
                });
            }
            None => {}
        }
        Ok(())
    }
    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, ResponseHeader> {
        named("RopWritePerUserInformation", input, ResponseHeader::decode)
    }
    fn encode_response<B: BufMut>(
        &self,
        response: &ResponseHeader,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        response.encode(out);
        Ok(())
    }
    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::wire::Wire;
    use crate::wire::entry_id::GlobalCounter;
    use crate::wire::error::WireError;
    use crate::wire::mapihttp::{ExecuteRequest, ExecuteResponse, FramerLimits, framing};
    use crate::wire::property::{PropertyValue, StandardPropertyRow};
    use proptest::prelude::*;

    /// The ROP buffer payload (RopSize u16, ROPs, handle table) of a recorded Execute body
    /// under fixtures/bodies/.
    pub(crate) fn rop_payload(file: &str) -> Vec<u8> {
        let path = format!("{}/fixtures/bodies/{file}", env!("CARGO_MANIFEST_DIR"));
        let body = std::fs::read(path).unwrap();
        let rop_buffer = if file.ends_with("-request.bin") {
            ExecuteRequest::from_bytes(&body).unwrap().rop_buffer
        } else {
            let framed = framing::frame_all(&body, FramerLimits::default()).unwrap();
            match ExecuteResponse::from_bytes(&framed.body).unwrap() {
                ExecuteResponse::Success { rop_buffer, .. } => rop_buffer,
                other => panic!("not a success: {other:?}"),
            }
        };
        let chain = crate::wire::rpc_ext::decode_chain(&rop_buffer).unwrap();
        assert_eq!(chain.len(), 1);
        chain.into_iter().next().unwrap().payload
    }

    /// The bytes of one ROP at `range` of a payload, checked to start with `id`; returns the
    /// bytes after the RopId.
    pub(crate) fn rop_at(payload: &[u8], range: std::ops::Range<usize>, id: RopId) -> &[u8] {
        let bytes = &payload[range];
        assert_eq!(bytes[0], id.0, "RopId");
        &bytes[1..]
    }

    /// Decodes a request that must fill `bytes` and re-encodes it identically.
    pub(crate) fn request_exact<R: Rop + PartialEq + std::fmt::Debug>(bytes: &[u8]) -> R {
        let (rest, r) = R::decode_request(bytes).unwrap();
        assert!(rest.is_empty(), "{} trailing bytes", rest.len());
        let mut out = Vec::new();
        r.encode_request(&mut out).unwrap();
        assert_eq!(out, bytes);
        r
    }

    /// Decodes a response that must fill `bytes` and re-encodes it identically.
    pub(crate) fn response_exact<R: Rop>(req: &R, bytes: &[u8]) -> R::Response {
        let ctx = ResponseContext::default();
        let (rest, r) = req.decode_response(&ctx, bytes).unwrap();
        assert!(rest.is_empty(), "{} trailing bytes", rest.len());
        let mut out = Vec::new();
        req.encode_response(&r, &ctx, &mut out).unwrap();
        assert_eq!(out, bytes);
        r
    }

    /// Request and response round trip of generated values.
    pub(crate) fn round_trip<R>(req: &R, resp: &R::Response)
    where
        R: Rop + PartialEq + std::fmt::Debug,
        R::Response: PartialEq + std::fmt::Debug,
    {
        let mut out = Vec::new();
        req.encode_request(&mut out).unwrap();
        let (rest, back) = R::decode_request(&out).unwrap();
        assert!(rest.is_empty());
        assert_eq!(&back, req);
        let ctx = ResponseContext::default();
        let mut out = Vec::new();
        req.encode_response(resp, &ctx, &mut out).unwrap();
        let (rest, back) = req.decode_response(&ctx, &out).unwrap();
        assert!(rest.is_empty());
        assert_eq!(&back, resp);
        // Every strict prefix fails with a typed error, never a panic.
        for n in 0..out.len() {
            let _ = req.decode_response(&ctx, &out[..n]);
        }
    }

    pub(crate) fn is_error<T: std::fmt::Debug>(r: PResult<'_, T>) -> ErrorKind {
        match r {
            Err(nom::Err::Error(WireError { kind, .. })) => kind,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    /// MS-OXCSTOR 2.2.1.4.2 (text checked against the spec page): each row is a
    /// StandardPropertyRow (Flag 0x00) or FlaggedPropertyRow (Flag 0x01) whose ValueArray holds
    /// PidTagFolderId (PtypInteger64) then PidTagMessageClass (PtypString8, NUL-terminated
    /// ASCII) then the third column. The third column's name was cut off in the stored copy of
    /// the page; PidTagLastModificationTime (PtypTime) is kept from the earlier reading.
    #[test]
    fn receive_folder_table_row_layout_per_spec_text() {
        let req = GetReceiveFolderTableRequest {
            logon_id: 0,
            input_handle_index: 0,
        };
        #[rustfmt::skip]
        let bytes = [
            0x00, // InputHandleIndex
            0x00, 0x00, 0x00, 0x00, // ReturnValue
            0x02, 0x00, 0x00, 0x00, // RowCount
            // row 1: StandardPropertyRow
            0x00, // Flag
            0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // PidTagFolderId
            b'I', b'P', b'M', 0x00, // PidTagMessageClass "IPM"
            0x00, 0x80, 0x3E, 0xD5, 0xDE, 0xB1, 0x9D, 0x01, // PidTagLastModificationTime
            // row 2: FlaggedPropertyRow, every value present (Flag 0x00 before each)
            0x01, // Flag
            0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
            0x00, b'I', b'P', b'C', 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];
        let r = response_exact(&req, &bytes);
        let GetReceiveFolderTableResponse::Success { rows, .. } = r else {
            panic!("{r:?}")
        };
        assert_eq!(rows.len(), 2);
        let PropertyRow::Standard(row) = &rows[0] else {
            panic!("{:?}", rows[0])
        };
        assert_eq!(
            row.values[0],
            PropertyValue::Integer64(0x0100_0000_0000_0001)
        );
        assert!(matches!(&rows[1], PropertyRow::Flagged(_)));
        assert_eq!(
            GetReceiveFolderTableRequest::COLUMNS[0].0 & 0xFFFF,
            0x0014,
            "PidTagFolderId is PtypInteger64"
        );
        assert_eq!(
            GetReceiveFolderTableRequest::COLUMNS[1].0 & 0xFFFF,
            0x001E,
            "PidTagMessageClass is PtypString8"
        );
    }

    /// MS-OXCROPS 2.2.3.12.1 / 2.2.3.12.2 (checked against the spec pages): the request is
    /// FolderId (LongTermID, 24 bytes), Reserved (1), DataOffset (4), MaxDataSize (2); the
    /// success response is HasFinished (1), DataSize (2), Data. 2.2.3.11.2: the
    /// RopGetPerUserGuid success response is a 16-byte DatabaseGuid.
    #[test]
    fn per_user_layouts_per_spec_text() {
        #[rustfmt::skip]
        let req_bytes = [
            0x00, 0x01, // LogonId, InputHandleIndex
            0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x33, 0x33, // FolderId: DatabaseGuid
            0x44, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x07, // GlobalCounter
            0x00, 0x00, // Pad
            0x00, // Reserved
            0x10, 0x00, 0x00, 0x00, // DataOffset 16
            0x00, 0x10, // MaxDataSize 0x1000
        ];
        let req: ReadPerUserInformationRequest = request_exact(&req_bytes);
        assert_eq!(req.data_offset, 16);
        assert_eq!(req.max_data_size, 0x1000);
        let resp = response_exact(
            &req,
            &[0x01, 0, 0, 0, 0, 0x01, 0x03, 0x00, 0xAA, 0xBB, 0xCC],
        );
        assert_eq!(
            resp,
            ReadPerUserInformationResponse::Success {
                input_handle_index: 1,
                has_finished: true,
                data: vec![0xAA, 0xBB, 0xCC],
            }
        );
        let g = GetPerUserGuidRequest {
            logon_id: 0,
            input_handle_index: 0,
            long_term_id: LongTermId::decode(&req_bytes[2..26]).unwrap().1,
        };
        let mut bytes = vec![0x00, 0, 0, 0, 0];
        bytes.extend_from_slice(&[0x5A; 16]);
        let r = response_exact(&g, &bytes);
        assert!(matches!(r, GetPerUserGuidResponse::Success { .. }));
    }

    const ALICE_DN: &str = "/o=Gromox default/ou=Exchange Administrative Group \
                            (FYDIBOHF23SPDLT)/cn=Recipients/cn=0100000001000000-alice";

    fn fid(counter: u64) -> FolderId {
        FolderId::new(1, GlobalCounter::from_u64(counter).unwrap())
    }

    #[test]
    fn recorded_private_logon() {
        // session-logon.har entry 2: RopSize (2 bytes), RopLogon request, handle table.
        let req = rop_payload("session-logon/02-execute-request.bin");
        let req_bytes = rop_at(&req, 2..req.len() - 4, RopId::LOGON);
        let logon: LogonRequest = request_exact(req_bytes);
        assert_eq!(logon.logon_flags, LogonFlags::PRIVATE);
        assert_eq!(logon.open_flags, OpenFlags(0x0100_000C));
        assert!(logon.open_flags.contains(OpenFlags::HOME_LOGON));
        assert_eq!(logon.essdn.as_deref(), Some(ALICE_DN));
        let resp = rop_payload("session-logon/02-execute-response.bin");
        let resp_bytes = rop_at(&resp, 2..resp.len() - 4, RopId::LOGON);
        let LogonResponse::Private {
            output_handle_index,
            folder_ids,
            response_flags,
            repl_id,
            logon_time,
            ..
        } = response_exact(&logon, resp_bytes)
        else {
            panic!("not a private logon response")
        };
        assert_eq!(output_handle_index, 0);
        assert_eq!(folder_ids[0], FolderId(0x0100_0000_0000_0001));
        assert_eq!(folder_ids[3], FolderId(0x0900_0000_0000_0001));
        assert_eq!(folder_ids[4], fid(0x0D));
        assert_eq!(response_flags, LogonResponseFlags(0x07));
        assert_eq!(repl_id, 5);
        assert_eq!(
            (logon_time.year, logon_time.month, logon_time.day),
            (2026, 11, 22)
        );
    }

    #[test]
    fn recorded_public_logon() {
        let req = rop_payload("session-public/02-execute-request.bin");
        let logon: LogonRequest = request_exact(rop_at(&req, 2..req.len() - 4, RopId::LOGON));
        assert_eq!(logon.logon_flags, LogonFlags(0));
        assert_eq!(logon.open_flags, OpenFlags(0x0100_0002));
        assert_eq!(logon.essdn, None);
        let resp = rop_payload("session-public/02-execute-response.bin");
        let r = response_exact(&logon, rop_at(&resp, 2..resp.len() - 4, RopId::LOGON));
        let LogonResponse::Public {
            folder_ids,
            repl_id,
            per_user_guid,
            ..
        } = r
        else {
            panic!("not a public logon response")
        };
        assert_eq!(folder_ids[0], FolderId(0x0100_0000_0000_0001));
        assert_eq!(folder_ids[3], FolderId(0x0400_0000_0000_0001));
        assert!(folder_ids[4..].iter().all(|f| f.0 == 0));
        assert_eq!(repl_id, 5);
        assert!(per_user_guid.is_nil());
    }

    #[test]
    fn recorded_logon_failure() {
        // errors.har entry 6: ecNotFound, the handle slot stays 0xFFFFFFFF.
        let req = rop_payload("errors/06-execute-request.bin");
        let logon: LogonRequest = request_exact(rop_at(&req, 2..req.len() - 4, RopId::LOGON));
        assert!(logon.essdn.unwrap().ends_with("-nobody"));
        let resp = rop_payload("errors/06-execute-response.bin");
        assert_eq!(resp[resp.len() - 4..], [0xFF; 4]);
        let logon: LogonRequest = request_exact(rop_at(&req, 2..req.len() - 4, RopId::LOGON));
        let r = response_exact(&logon, rop_at(&resp, 2..resp.len() - 4, RopId::LOGON));
        assert_eq!(
            r,
            LogonResponse::Failure(ResponseHeader {
                handle_index: 0,
                return_value: ErrorCode::NOT_FOUND
            })
        );
    }

    #[test]
    fn recorded_get_receive_folder() {
        // session-logon.har entry 3: RopGetPropertiesSpecific first, then RopGetReceiveFolder
        // as the last ROP before the one-handle table (offsets found once).
        let req = rop_payload("session-logon/03-execute-request.bin");
        let rf: GetReceiveFolderRequest =
            request_exact(rop_at(&req, 39..req.len() - 4, RopId::GET_RECEIVE_FOLDER));
        assert_eq!(rf.message_class, "IPM.Note");
        let resp = rop_payload("session-logon/03-execute-response.bin");
        let r = response_exact(
            &rf,
            rop_at(
                &resp,
                resp.len() - 22..resp.len() - 4,
                RopId::GET_RECEIVE_FOLDER,
            ),
        );
        assert_eq!(
            r,
            GetReceiveFolderResponse::Success {
                input_handle_index: 0,
                folder_id: fid(0x0D),
                explicit_message_class: "IPM".into(),
            }
        );
    }

    #[test]
    fn redirect_layout() {
        let logon = LogonRequest {
            logon_id: 0,
            output_handle_index: 0,
            logon_flags: LogonFlags::PRIVATE,
            open_flags: OpenFlags(0),
            store_state: StoreState(0),
            essdn: Some("/o=x".into()),
        };
        let bytes = [0, 0x78, 4, 0, 0, 1, 4, b'a', b'b', b'c', 0];
        let r = response_exact(&logon, &bytes);
        assert_eq!(
            r,
            LogonResponse::Redirect {
                output_handle_index: 0,
                logon_flags: LogonFlags::PRIVATE,
                server_name: "abc".into()
            }
        );
    }

    #[test]
    fn garbage_and_truncation_are_typed_errors() {
        let ctx = ResponseContext::default();
        // EssdnSize larger than the input.
        let bad = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, b'a', 0];
        assert!(matches!(
            is_error(LogonRequest::decode_request(&bad)),
            ErrorKind::LengthExceedsInput { .. }
        ));
        // Essdn without its terminator.
        let bad = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, b'a', b'b'];
        assert_eq!(
            is_error(LogonRequest::decode_request(&bad)),
            ErrorKind::UnterminatedString
        );
        let req = GetOwningServersRequest {
            logon_id: 0,
            input_handle_index: 0,
            folder_id: FolderId(1),
        };
        // ServersCount 0xFFFF with 2 bytes behind it.
        let bad = [0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, b'a', 0];
        assert!(matches!(
            is_error(req.decode_response(&ctx, &bad)),
            ErrorKind::LengthExceedsInput { .. }
        ));
        let t = GetReceiveFolderTableRequest {
            logon_id: 0,
            input_handle_index: 0,
        };
        let bad = [0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0];
        assert!(matches!(
            is_error(t.decode_response(&ctx, &bad)),
            ErrorKind::LengthExceedsInput { .. }
        ));
        for n in 0..11 {
            let _ = LogonRequest::decode_request(&[0u8; 11][..n]);
        }
    }

    fn ascii_s() -> impl Strategy<Value = String> {
        "[ -~]{0,20}"
    }
    fn guid_s() -> impl Strategy<Value = Uuid> {
        any::<u128>().prop_map(Uuid::from_u128)
    }
    fn fid_s() -> impl Strategy<Value = FolderId> {
        any::<u64>().prop_map(FolderId)
    }
    fn ltid_s() -> impl Strategy<Value = LongTermId> {
        (guid_s(), any::<[u8; 6]>(), any::<u16>()).prop_map(|(g, c, pad)| LongTermId {
            database_guid: g,
            global_counter: GlobalCounter(c),
            pad,
        })
    }
    fn failure_s() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), 1u32..).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }
    fn header_s() -> impl Strategy<Value = ResponseHeader> {
        (any::<u8>(), any::<u32>()).prop_map(|(h, rv)| ResponseHeader {
            handle_index: h,
            return_value: ErrorCode(rv),
        })
    }
    fn servers_s() -> impl Strategy<Value = ReplicaServers> {
        (any::<u16>(), prop::collection::vec(ascii_s(), 0..4)).prop_map(|(c, servers)| {
            ReplicaServers {
                cheap_servers_count: c,
                servers,
            }
        })
    }
    fn logon_time_s() -> impl Strategy<Value = LogonTime> {
        (any::<[u8; 6]>(), any::<u16>()).prop_map(|(b, year)| LogonTime {
            seconds: b[0],
            minutes: b[1],
            hour: b[2],
            day_of_week: b[3],
            day: b[4],
            month: b[5],
            year,
        })
    }

    fn logon_s() -> impl Strategy<Value = (LogonRequest, LogonResponse)> {
        let req = (
            any::<u8>(),
            any::<u8>(),
            any::<u8>(),
            any::<u32>(),
            any::<u32>(),
            prop::option::of(ascii_s()),
        )
            .prop_map(|(l, o, f, of, ss, essdn)| LogonRequest {
                logon_id: l,
                output_handle_index: o,
                logon_flags: LogonFlags(f),
                open_flags: OpenFlags(of),
                store_state: StoreState(ss),
                essdn,
            });
        let ids = any::<[u64; 13]>().prop_map(|a| a.map(FolderId));
        req.prop_flat_map(move |req| {
            let private = req.logon_flags.contains(LogonFlags::PRIVATE);
            let success = if private {
                (
                    any::<u8>(),
                    any::<u8>(),
                    ids.clone(),
                    any::<u8>(),
                    guid_s(),
                    any::<u16>(),
                    guid_s(),
                    logon_time_s(),
                    any::<u64>(),
                    any::<u32>(),
                )
                    .prop_map(
                        |(h, f, ids, rf, mg, ri, rg, lt, gw, ss)| LogonResponse::Private {
                            output_handle_index: h,
                            logon_flags: LogonFlags(f),
                            folder_ids: ids,
                            response_flags: LogonResponseFlags(rf),
                            mailbox_guid: mg,
                            repl_id: ri,
                            repl_guid: rg,
                            logon_time: lt,
                            gwart_time: gw,
                            store_state: StoreState(ss),
                        },
                    )
                    .boxed()
            } else {
                (
                    any::<u8>(),
                    any::<u8>(),
                    ids.clone(),
                    any::<u16>(),
                    guid_s(),
                    guid_s(),
                )
                    .prop_map(|(h, f, ids, ri, rg, pu)| LogonResponse::Public {
                        output_handle_index: h,
                        logon_flags: LogonFlags(f),
                        folder_ids: ids,
                        repl_id: ri,
                        repl_guid: rg,
                        per_user_guid: pu,
                    })
                    .boxed()
            };
            let resp = prop_oneof![
                success,
                (any::<u8>(), any::<u8>(), ascii_s()).prop_map(|(h, f, s)| {
                    LogonResponse::Redirect {
                        output_handle_index: h,
                        logon_flags: LogonFlags(f),
                        server_name: s,
                    }
                }),
                failure_s()
                    .prop_filter("not a redirect", |h| h.return_value
                        != ErrorCode::WRONG_SERVER)
                    .prop_map(LogonResponse::Failure),
            ];
            (Just(req), resp)
        })
    }

    fn row_s() -> impl Strategy<Value = PropertyRow> {
        (any::<u64>(), "[ -~]{0,10}", any::<u64>()).prop_map(|(f, c, t)| {
            PropertyRow::Standard(StandardPropertyRow {
                values: vec![
                    PropertyValue::Integer64(f as i64),
                    PropertyValue::String8(Box::new(crate::wire::String8::from_bytes(
                        c.into_bytes(),
                    ))),
                    PropertyValue::Time(crate::wire::FileTime(t)),
                ],
            })
        })
    }

    proptest! {
        #[test]
        fn logon_round_trip((req, resp) in logon_s()) {
            round_trip(&req, &resp);
        }

        #[test]
        fn receive_folder_round_trip(
            l in any::<u8>(), h in any::<u8>(), class in ascii_s(), f in fid_s(),
            explicit in ascii_s(), fail in failure_s(), ok in any::<bool>(), hdr in header_s(),
            rows in prop::collection::vec(row_s(), 0..3),
        ) {
            let req = GetReceiveFolderRequest { logon_id: l, input_handle_index: h, message_class: class.clone() };
            let resp = if ok {
                GetReceiveFolderResponse::Success { input_handle_index: h, folder_id: f, explicit_message_class: explicit }
            } else {
                GetReceiveFolderResponse::Failure(fail)
            };
            round_trip(&req, &resp);
            let set = SetReceiveFolderRequest { logon_id: l, input_handle_index: h, folder_id: f, message_class: class };
            round_trip(&set, &hdr);
            let t = GetReceiveFolderTableRequest { logon_id: l, input_handle_index: h };
            let resp = if ok {
                GetReceiveFolderTableResponse::Success { input_handle_index: h, rows }
            } else {
                GetReceiveFolderTableResponse::Failure(fail)
            };
            round_trip(&t, &resp);
        }

        #[test]
        fn store_state_and_servers_round_trip(
            l in any::<u8>(), h in any::<u8>(), f in fid_s(), ss in any::<u32>(),
            servers in servers_s(), ghosted in prop::option::of(servers_s()),
            fail in failure_s(), ok in any::<bool>(),
        ) {
            let req = GetStoreStateRequest { logon_id: l, input_handle_index: h };
            let resp = if ok { GetStoreStateResponse::Success { input_handle_index: h, store_state: StoreState(ss) } } else { GetStoreStateResponse::Failure(fail) };
            round_trip(&req, &resp);
            let req = GetOwningServersRequest { logon_id: l, input_handle_index: h, folder_id: f };
            let resp = if ok { GetOwningServersResponse::Success { input_handle_index: h, owning_servers: servers } } else { GetOwningServersResponse::Failure(fail) };
            round_trip(&req, &resp);
            let req = PublicFolderIsGhostedRequest { logon_id: l, input_handle_index: h, folder_id: f };
            let resp = if ok { PublicFolderIsGhostedResponse::Success { input_handle_index: h, ghosted } } else { PublicFolderIsGhostedResponse::Failure(fail) };
            round_trip(&req, &resp);
        }

        #[test]
        fn ids_and_per_user_round_trip(
            l in any::<u8>(), h in any::<u8>(), id in any::<u64>(), lt in ltid_s(),
            g in guid_s(), lts in prop::collection::vec(ltid_s(), 0..4),
            fail in failure_s(), ok in any::<bool>(), hdr in header_s(),
            data in prop::collection::vec(any::<u8>(), 0..40), fin in any::<bool>(),
            off in prop_oneof![Just(0u32), any::<u32>()], max in any::<u16>(), r in any::<u8>(),
            with_guid in any::<bool>(),
        ) {
            let req = LongTermIdFromIdRequest { logon_id: l, input_handle_index: h, object_id: id };
            let resp = if ok { LongTermIdFromIdResponse::Success { input_handle_index: h, long_term_id: lt } } else { LongTermIdFromIdResponse::Failure(fail) };
            round_trip(&req, &resp);
            let req = IdFromLongTermIdRequest { logon_id: l, input_handle_index: h, long_term_id: lt };
            let resp = if ok { IdFromLongTermIdResponse::Success { input_handle_index: h, object_id: id } } else { IdFromLongTermIdResponse::Failure(fail) };
            round_trip(&req, &resp);
            let req = GetPerUserLongTermIdsRequest { logon_id: l, input_handle_index: h, database_guid: g };
            let resp = if ok { GetPerUserLongTermIdsResponse::Success { input_handle_index: h, long_term_ids: lts } } else { GetPerUserLongTermIdsResponse::Failure(fail) };
            round_trip(&req, &resp);
            let req = GetPerUserGuidRequest { logon_id: l, input_handle_index: h, long_term_id: lt };
            let resp = if ok { GetPerUserGuidResponse::Success { input_handle_index: h, database_guid: g } } else { GetPerUserGuidResponse::Failure(fail) };
            round_trip(&req, &resp);
            let req = ReadPerUserInformationRequest { logon_id: l, input_handle_index: h, folder_id: lt, reserved: r, data_offset: off, max_data_size: max };
            let resp = if ok { ReadPerUserInformationResponse::Success { input_handle_index: h, has_finished: fin, data: data.clone() } } else { ReadPerUserInformationResponse::Failure(fail) };
            round_trip(&req, &resp);
            let req = WritePerUserInformationRequest {
                logon_id: l, input_handle_index: h, folder_id: lt, has_finished: fin, data_offset: off, data,
                repl_guid: (off == 0).then_some(g),
            };
            round_trip(&req, &hdr);
            // A public logon never sends ReplGuid.
            let public = WritePerUserInformationRequest { repl_guid: None, ..req.clone() };
            let mut out = Vec::new();
            public.encode_request(&mut out).unwrap();
            let (rest, back) = WritePerUserInformationRequest::decode_with(false, &out).unwrap();
            prop_assert!(rest.is_empty());
            prop_assert_eq!(back, public);
            let _ = with_guid;
        }
    }
}
