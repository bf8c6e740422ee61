//! MAPI Extensions for HTTP (MS-OXCMAPIHTTP): headers, response codes, request types, the
//! mailbox endpoint's request and response bodies, and the meta-tag framing of responses.
//!
//! Everything here is pure: the transport hands the framer the bytes it receives, the session
//! reads headers and bodies through these types.

pub mod framing;
pub mod headers;
pub mod mailbox;
pub mod request_type;
pub mod response_code;

pub use framing::{FrameEvent, FramedResponse, FramerLimits, FramingError, ResponseFramer};
pub use headers::{ParseRequestIdError, RequestId};
pub use mailbox::{
    ConnectFlags, ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse,
    ExecuteFlags, ExecuteRequest, ExecuteResponse, FailureResponse, NotificationWaitRequest,
    NotificationWaitResponse,
};
pub use request_type::RequestType;
pub use response_code::{ParseResponseCodeError, ResponseCode};
