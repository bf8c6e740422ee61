//! What the client API reports.

use crate::session::address_book::AddressBookError;
use crate::session::{ChannelError, SessionError};
use crate::transport::TransportError;
use crate::wire::ErrorCode;
use crate::wire::rop::RopId;

/// Everything a client call can fail with. Credentials never appear in these messages.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// [`Session::logoff`](super::Session::logoff) ran: the session refuses further use.
    #[error("the session has been logged off")]
    LoggedOff,
    /// The object was opened before the session context was replaced (a reconnect); open it
    /// again from its store.
    #[error("the object belongs to a session context that no longer exists; open it again")]
    Stale,
    /// The server refused the credentials (HTTP 401 after the handshake, or Connect's
    /// ecLogonFailed / ecRpcFailed for the wrong user).
    #[error("authentication failed: {0}")]
    Auth(String),
    /// The HTTP exchange failed before the server could have processed the request.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The connection broke after the request went out: the server may or may not have
    /// carried it out, so it is not sent again. The session reconnects on the next call.
    #[error("the outcome of the {request_type} request is unknown: {source}")]
    OutcomeUnknown {
        /// The request type that was in flight.
        request_type: String,
        /// What broke.
        source: TransportError,
    },
    /// The sans-I/O session refused a response or a request (framing, cookies, protocol codes).
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The address book session machine refused a response or a request.
    #[error(transparent)]
    AddressBook(#[from] AddressBookError),
    /// An NSPI call answered with this ErrorCode (MS-OXNSPI 3.1.4.1).
    #[error("{request_type} failed: {code}")]
    Nspi {
        /// The request type.
        request_type: String,
        /// The ErrorCode of its response.
        code: ErrorCode,
    },
    /// A ROP failed with this ReturnValue.
    #[error("{rop} failed: {code}")]
    Rop {
        /// Which ROP.
        rop: RopId,
        /// Its ReturnValue.
        code: ErrorCode,
    },
    /// The whole Execute failed with this ErrorCode (MS-OXCRPC 3.1.4.2).
    #[error("Execute failed: {0}")]
    Execute(ErrorCode),
    /// The server answered a request with a response of the wrong kind, or none.
    #[error("unexpected response to {0}")]
    UnexpectedResponse(RopId),
    /// ecWrongServer redirects went round more often than the limit.
    #[error("too many ecWrongServer redirects (last: {0})")]
    TooManyRedirects(String),
    /// The server asked to back off or was unavailable for longer than the client waits.
    #[error("the server stayed busy ({0})")]
    Busy(String),
    /// IMAPIStatus methods other than ValidateState, and entry IDs this client cannot open.
    #[error("not supported: {0}")]
    NoSupport(String),
    /// The caller passed something unusable (an entry ID of another session, a bad URL).
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// The object is not there (MAPI_E_NOT_FOUND).
    #[error("not found: {0}")]
    NotFound(String),
}

impl ClientError {
    /// The MAPI error code the failure corresponds to, when there is one.
    pub fn error_code(&self) -> Option<ErrorCode> {
        match self {
            ClientError::Rop { code, .. }
            | ClientError::Execute(code)
            | ClientError::Nspi { code, .. } => Some(*code),
            ClientError::NoSupport(_) => Some(ErrorCode::NOT_SUPPORTED),
            ClientError::NotFound(_) => Some(ErrorCode::NOT_FOUND),
            ClientError::LoggedOff => Some(ErrorCode::END_OF_SESSION),
            _ => None,
        }
    }

    /// Whether this is an authentication failure.
    pub fn is_auth(&self) -> bool {
        matches!(self, ClientError::Auth(_))
            || matches!(
                self,
                ClientError::Session(SessionError::Channel(ChannelError::Unauthorized { .. }))
                    | ClientError::AddressBook(AddressBookError::Channel(
                        ChannelError::Unauthorized { .. }
                    ))
            )
    }
}
