//! Sans-I/O session machines: they build the HTTP requests a MAPI/HTTP session needs and judge
//! the responses, and never touch a socket or read a clock (time comes in as `now`).
//!
//! Because nothing here does I/O, the same logic runs against the network, a HAR recording or
//! the emulator's handlers, and is tested byte for byte from the recordings in `fixtures/`.

pub mod address_book;
pub mod channel;
pub mod cookies;
pub mod execute;
pub mod identity;
pub mod mailbox;
pub mod status;

pub use channel::{
    Channel, ChannelError, ChannelState, ClientIdentity, Endpoint, HttpRequest, HttpResponse,
    LossReason, Reply, ResponseBody,
};
pub use cookies::{CookieError, CookieJar};
pub use execute::{BatchError, BatchReply, ReplyError, RopBatch};
pub use identity::{Identity, IdentityError};
pub use mailbox::{ConnectInfo, MailboxOptions, MailboxSession, ServerHandle, SessionError};
pub use status::{
    ConnectionStatus, PrimaryIdentity, ResourceFlags, ResourceMethods, ResourceType, StatusCode,
    StatusEntryId, StatusEntryIdError, StatusRow, StatusRowKind, StatusTable,
};
