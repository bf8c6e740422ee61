//! The mailbox endpoint's session machine: Connect, Execute, NotificationWait, PING and
//! Disconnect over one [`Channel`], with the state a MAPI session keeps between Executes
//! (table columns by server handle, releases queued for dropped objects, the generation of
//! the session context that server handles belong to).

use std::collections::HashMap;
use std::fmt;
use std::time::Instant;

use super::channel::{Channel, ChannelError, ClientIdentity, Endpoint, HttpRequest, HttpResponse};
use super::execute::{BatchError, BatchReply, ReplyError, RopBatch};
use crate::wire::mapihttp::{
    ConnectFlags, ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse,
    ExecuteFlags, NotificationWaitRequest, NotificationWaitResponse, RequestType,
};
use crate::wire::property::PropertyTag;
use crate::wire::rop::any::RopRequest;
use crate::wire::rop::special::ReleaseRequest;
use crate::wire::rpc_ext::EncodeOptions;
use crate::wire::{DecodeError, EncodeError, ErrorCode, Wire};

/// How a mailbox session connects and what it asks of the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailboxOptions {
    /// The mailbox URL, verbatim as autodiscover gave it (`.../mapi/emsmdb/?MailboxId=...`).
    pub url: String,
    /// The user's legacy DN (Connect's UserDn).
    pub user_dn: String,
    /// Connect flags; ordinary clients send 0 (MS-OXCRPC 3.1.4.1 ulFlags).
    pub connect_flags: ConnectFlags,
    /// Code page for PtypString8 values.
    pub code_page: u32,
    /// Sort locale.
    pub lcid_sort: u32,
    /// String locale.
    pub lcid_string: u32,
    /// Execute flags: what the response may use (compression, XOR, chained buffers).
    pub execute_flags: ExecuteFlags,
    /// How request payloads are encoded.
    pub request_encoding: EncodeOptions,
    /// MaxRopOut: the largest response RopBuffer accepted (0x40000 as Outlook sends).
    pub max_rop_out: u32,
}

impl MailboxOptions {
    /// Outlook's choices for a user at `url`: code page 1252, locale 1033, responses may be
    /// compressed, obfuscated and chained, 256 KiB of response ROPs.
    pub fn new(url: impl Into<String>, user_dn: impl Into<String>) -> Self {
        MailboxOptions {
            url: url.into(),
            user_dn: user_dn.into(),
            connect_flags: ConnectFlags::NONE,
            code_page: 1252,
            lcid_sort: 1033,
            lcid_string: 1033,
            execute_flags: ExecuteFlags::CHAIN,
            request_encoding: EncodeOptions::default(),
            max_rop_out: 0x40000,
        }
    }
}

/// What a successful Connect told the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectInfo {
    /// Longest interval between client polls, in milliseconds.
    pub max_polling_interval: u32,
    /// How often a failed request may be retried.
    pub max_retry_count: u32,
    /// Milliseconds between retries.
    pub retry_delay: u32,
    /// The server's DN prefix (often empty).
    pub dn_prefix: String,
    /// The user's display name as the server knows it.
    pub display_name: String,
    /// `X-ServerApplication` of the Connect response.
    pub server_application: Option<String>,
}

/// A server object handle together with the session context generation it belongs to, so a
/// handle from before a reconnect is refused instead of naming some other object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ServerHandle {
    /// The handle the server gave.
    pub handle: u32,
    /// The context generation it was given in.
    pub generation: u64,
}

/// What the mailbox session machine reports.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SessionError {
    /// HTTP-level or context-level failure.
    #[error(transparent)]
    Channel(#[from] ChannelError),
    /// The Execute response did not line up with its request.
    #[error(transparent)]
    Reply(#[from] ReplyError),
    /// The ROP batch could not be built.
    #[error(transparent)]
    Batch(#[from] BatchError),
    /// A response body did not decode.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A request body could not be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// Connect succeeded at the HTTP level but the server refused the session (e.g.
    /// ecRpcFailed for a UserDn that is not the authenticated user's).
    #[error("Connect refused: {0}")]
    ConnectRefused(ErrorCode),
    /// A request body's StatusCode was non-zero.
    #[error("{request_type} failed with StatusCode {status_code}")]
    Status {
        /// The request type.
        request_type: String,
        /// StatusCode.
        status_code: u32,
    },
    /// The object was opened in a session context that has since been replaced.
    #[error("the object belongs to a session context that no longer exists")]
    Stale,
    /// The session has not connected yet.
    #[error("not connected")]
    NotConnected,
}

/// The mailbox session machine. See the module documentation.
pub struct MailboxSession {
    client: ClientIdentity,
    options: MailboxOptions,
    channel: Channel,
    info: Option<ConnectInfo>,
    generation: u64,
    columns: HashMap<u32, Vec<PropertyTag>>,
    releases: Vec<(u8, u32)>,
}

impl fmt::Debug for MailboxSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailboxSession")
            .field("url", &self.options.url)
            .field("channel", &self.channel)
            .field("generation", &self.generation)
            .field("queued_releases", &self.releases.len())
            .finish_non_exhaustive()
    }
}

impl MailboxSession {
    /// A session not yet connected. `client` names the client instance (X-ClientInfo);
    /// `context_guid` names the first session context (X-RequestId).
    pub fn new(
        mut client: ClientIdentity,
        context_guid: uuid::Uuid,
        options: MailboxOptions,
    ) -> Self {
        let channel = Channel::new(
            Endpoint::Mailbox,
            options.url.clone(),
            context_guid,
            &mut client,
        );
        MailboxSession {
            client,
            options,
            channel,
            info: None,
            generation: 0,
            columns: HashMap::new(),
            releases: Vec::new(),
        }
    }

    /// The channel (state, cookies, expiry).
    pub fn channel(&self) -> &Channel {
        &self.channel
    }

    /// The options.
    pub fn options(&self) -> &MailboxOptions {
        &self.options
    }

    /// What the last successful Connect said.
    pub fn connect_info(&self) -> Option<&ConnectInfo> {
        self.info.as_ref()
    }

    /// The current session context generation: 1 after the first Connect, one more after each
    /// reconnect.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The Connect request: the first one, or a reconnect after the context was lost (it then
    /// carries the old cookies, MS-OXCMAPIHTTP 4.4, and a fresh X-RequestId GUID).
    pub fn connect(
        &mut self,
        context_guid: uuid::Uuid,
        now: Instant,
    ) -> Result<HttpRequest, SessionError> {
        if self.generation > 0 {
            let cookies = self.channel.cookies().clone();
            self.channel = Channel::new(
                Endpoint::Mailbox,
                self.options.url.clone(),
                context_guid,
                &mut self.client,
            );
            self.channel.restore_cookies(cookies);
        }
        let body = ConnectRequest {
            user_dn: self.options.user_dn.clone(),
            flags: self.options.connect_flags,
            default_code_page: self.options.code_page,
            lcid_sort: self.options.lcid_sort,
            lcid_string: self.options.lcid_string,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()?;
        Ok(self
            .channel
            .begin(RequestType::Connect, body, &self.client, now)?)
    }

    /// Judges the Connect response. On success the server handles of any earlier context are
    /// stale from now on.
    pub fn on_connect(
        &mut self,
        response: HttpResponse,
        now: Instant,
    ) -> Result<&ConnectInfo, SessionError> {
        let reply = self.channel.finish(&RequestType::Connect, response, now)?;
        match ConnectResponse::from_bytes(&reply.body)? {
            ConnectResponse::Success {
                error_code,
                max_polling_interval,
                max_retry_count,
                retry_delay,
                dn_prefix,
                display_name,
                ..
            } => {
                if error_code.0 != 0 {
                    self.channel.reset();
                    return Err(SessionError::ConnectRefused(error_code));
                }
                self.generation += 1;
                self.columns.clear();
                self.releases.clear();
                Ok(self.info.insert(ConnectInfo {
                    max_polling_interval,
                    max_retry_count,
                    retry_delay,
                    dn_prefix,
                    display_name,
                    server_application: reply.server_application,
                }))
            }
            ConnectResponse::Failure(f) => {
                self.channel.reset();
                Err(SessionError::Status {
                    request_type: "Connect".into(),
                    status_code: f.status_code,
                })
            }
        }
    }

    /// Tells the session that the request of `request_type` got no response (the connection
    /// broke, the caller gave up). For anything but NotificationWait the context counts as
    /// lost: the server may have consumed the sequence cookie, so only a reconnect is safe.
    pub fn abandon(&mut self, request_type: &RequestType) {
        self.channel.abandon(request_type);
    }

    /// Whether the session needs a (re)connect before its next Execute: never connected, or
    /// the context is lost or past its X-ExpirationInfo deadline at `now`.
    pub fn needs_connect(&self, now: Instant) -> bool {
        self.generation == 0
            || matches!(
                self.channel.state(now),
                super::channel::ChannelState::Lost(_) | super::channel::ChannelState::New
            )
    }

    /// Checks that `handle` belongs to the current context and puts it in a slot of `batch`.
    pub fn slot(&self, batch: &mut RopBatch, handle: ServerHandle) -> Result<u8, SessionError> {
        if handle.generation != self.generation || self.generation == 0 {
            return Err(SessionError::Stale);
        }
        Ok(batch.slot(handle.handle)?)
    }

    /// Wraps a handle the server returned in the current generation.
    pub fn handle(&self, handle: u32) -> ServerHandle {
        ServerHandle {
            handle,
            generation: self.generation,
        }
    }

    /// Queues a RopRelease for an object the caller dropped; it rides along with the next
    /// Execute (or [`MailboxSession::flush_releases`]). Handles of an old context are dropped
    /// silently: the server freed them with the context.
    pub fn queue_release(&mut self, logon_id: u8, handle: ServerHandle) {
        if handle.generation == self.generation && self.generation > 0 {
            self.releases.push((logon_id, handle.handle));
        }
    }

    /// Releases waiting to be sent.
    pub fn queued_releases(&self) -> usize {
        self.releases.len()
    }

    /// The Execute request for `batch`, with the queued releases appended to it (releases come
    /// last so the batch's own ROPs still see the objects).
    pub fn execute(
        &mut self,
        batch: &mut RopBatch,
        now: Instant,
    ) -> Result<HttpRequest, SessionError> {
        if self.generation == 0 {
            return Err(SessionError::NotConnected);
        }
        for (logon_id, handle) in std::mem::take(&mut self.releases) {
            let index = batch.slot(handle)?;
            batch.push(RopRequest::Release(ReleaseRequest {
                logon_id,
                input_handle_index: index,
            }));
        }
        let body = batch.execute_body(
            self.options.execute_flags,
            self.options.request_encoding,
            self.options.max_rop_out,
        )?;
        Ok(self
            .channel
            .begin(RequestType::Execute, body, &self.client, now)?)
    }

    /// Judges the Execute response and lines it up with `batch`; remembers the columns its
    /// RopSetColumns set and forgets those of released tables.
    pub fn on_execute(
        &mut self,
        batch: &RopBatch,
        response: HttpResponse,
        now: Instant,
    ) -> Result<BatchReply, SessionError> {
        let reply = self.channel.finish(&RequestType::Execute, response, now)?;
        let lined_up = batch.decode_reply(&reply.body, &self.columns)?;
        for (handle, tags) in lined_up.columns_set(batch) {
            self.columns.insert(handle, tags);
        }
        for request in batch.requests() {
            if let RopRequest::Release(r) = request
                && let Some(h) = batch.handles().get(usize::from(r.input_handle_index))
            {
                self.columns.remove(h);
            }
        }
        Ok(lined_up)
    }

    /// An Execute carrying only the queued releases, for logoff.
    pub fn flush_releases(
        &mut self,
        now: Instant,
    ) -> Result<Option<(RopBatch, HttpRequest)>, SessionError> {
        if self.releases.is_empty() {
            return Ok(None);
        }
        let mut batch = RopBatch::new();
        let request = self.execute(&mut batch, now)?;
        Ok(Some((batch, request)))
    }

    /// The columns last set on the table with server handle `handle`.
    pub fn table_columns(&self, handle: u32) -> Option<&[PropertyTag]> {
        self.columns.get(&handle).map(Vec::as_slice)
    }

    /// A NotificationWait request (it may be outstanding beside another request).
    pub fn notification_wait(&mut self, now: Instant) -> Result<HttpRequest, SessionError> {
        let body = NotificationWaitRequest {
            flags: 0,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()?;
        Ok(self
            .channel
            .begin(RequestType::NotificationWait, body, &self.client, now)?)
    }

    /// Judges the NotificationWait response: whether an event is pending (collect it with an
    /// Execute, even an empty one).
    pub fn on_notification_wait(
        &mut self,
        response: HttpResponse,
        now: Instant,
    ) -> Result<bool, SessionError> {
        let reply = self
            .channel
            .finish(&RequestType::NotificationWait, response, now)?;
        match NotificationWaitResponse::from_bytes(&reply.body)? {
            NotificationWaitResponse::Failure(f) => Err(SessionError::Status {
                request_type: "NotificationWait".into(),
                status_code: f.status_code,
            }),
            ok => Ok(ok.has_event_pending()),
        }
    }

    /// A PING request (MS-OXCMAPIHTTP 2.2.6: no body; checks the server and keeps the
    /// context alive).
    pub fn ping(&mut self, now: Instant) -> Result<HttpRequest, SessionError> {
        Ok(self
            .channel
            .begin(RequestType::Ping, Vec::new(), &self.client, now)?)
    }

    /// Judges the PING response.
    pub fn on_ping(&mut self, response: HttpResponse, now: Instant) -> Result<(), SessionError> {
        self.channel.finish(&RequestType::Ping, response, now)?;
        Ok(())
    }

    /// The Disconnect request.
    pub fn disconnect(&mut self, now: Instant) -> Result<HttpRequest, SessionError> {
        let body = DisconnectRequest {
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()?;
        Ok(self
            .channel
            .begin(RequestType::Disconnect, body, &self.client, now)?)
    }

    /// Judges the Disconnect response; the session is finished afterwards.
    pub fn on_disconnect(
        &mut self,
        response: HttpResponse,
        now: Instant,
    ) -> Result<(), SessionError> {
        let reply = self
            .channel
            .finish(&RequestType::Disconnect, response, now)?;
        self.columns.clear();
        self.releases.clear();
        match DisconnectResponse::from_bytes(&reply.body)? {
            DisconnectResponse::Failure(f) => Err(SessionError::Status {
                request_type: "Disconnect".into(),
                status_code: f.status_code,
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::session::HttpResponse;

    fn framed(body: Vec<u8>, cookies: &[&str]) -> HttpResponse {
        let mut raw = b"PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\n\r\n".to_vec();
        raw.extend_from_slice(&body);
        let mut headers = vec![(
            "Content-Type".to_owned(),
            "application/mapi-http".to_owned(),
        )];
        headers.extend(
            cookies
                .iter()
                .map(|c| ("Set-Cookie".to_owned(), (*c).to_owned())),
        );
        HttpResponse::from_raw(200, headers, &raw)
    }

    fn connect_ok(error_code: u32) -> HttpResponse {
        let body = ConnectResponse::Success {
            error_code: ErrorCode(error_code),
            max_polling_interval: 60000,
            max_retry_count: 6,
            retry_delay: 10000,
            dn_prefix: String::new(),
            display_name: "Alice Example".into(),
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()
        .unwrap();
        framed(
            body,
            if error_code == 0 {
                &["ctx=1", "seq=1"]
            } else {
                &[]
            },
        )
    }

    fn session() -> MailboxSession {
        MailboxSession::new(
            ClientIdentity::new(uuid::Uuid::from_u128(9), "Outlook/16.0", "test"),
            uuid::Uuid::from_u128(1),
            MailboxOptions::new(
                "http://127.0.0.1/mapi/emsmdb/?MailboxId=a@b",
                "/o=Org/cn=alice",
            ),
        )
    }

    #[test]
    fn connect_sends_the_user_dn_and_reads_the_display_name() {
        let now = Instant::now();
        let mut s = session();
        let req = s.connect(uuid::Uuid::from_u128(1), now).unwrap();
        let body = ConnectRequest::from_bytes(&req.body).unwrap();
        assert_eq!(body.user_dn, "/o=Org/cn=alice");
        assert_eq!((body.default_code_page, body.lcid_sort), (1252, 1033));
        let info = s.on_connect(connect_ok(0), now).unwrap();
        assert_eq!(info.display_name, "Alice Example");
        assert_eq!(s.generation(), 1);
    }

    #[test]
    fn refused_connect_is_typed_and_leaves_no_context() {
        let now = Instant::now();
        let mut s = session();
        s.connect(uuid::Uuid::from_u128(1), now).unwrap();
        assert_eq!(
            s.on_connect(connect_ok(0x8004_0115), now),
            Err(SessionError::ConnectRefused(ErrorCode(0x8004_0115)))
        );
        assert_eq!(s.generation(), 0);
        let mut batch = RopBatch::new();
        assert_eq!(s.execute(&mut batch, now), Err(SessionError::NotConnected));
    }

    #[test]
    fn releases_ride_along_and_old_handles_go_stale() {
        let now = Instant::now();
        let mut s = session();
        s.connect(uuid::Uuid::from_u128(1), now).unwrap();
        s.on_connect(connect_ok(0), now).unwrap();
        let folder = s.handle(0x42);
        s.queue_release(0, folder);
        assert_eq!(s.queued_releases(), 1);
        let mut batch = RopBatch::new();
        let req = s.execute(&mut batch, now).unwrap();
        assert_eq!(req.header("Cookie"), Some("ctx=1; seq=1"));
        assert!(matches!(batch.requests(), [RopRequest::Release(r)] if r.input_handle_index == 0));
        assert_eq!(batch.handles(), &[0x42]);
        assert_eq!(s.queued_releases(), 0);
        // The server drops the context; a reconnect makes every earlier handle stale.
        s.channel.abandon(&RequestType::Execute);
        let again = s.connect(uuid::Uuid::from_u128(2), now).unwrap();
        assert_eq!(
            again.header("Cookie"),
            Some("ctx=1; seq=1"),
            "MS-OXCMAPIHTTP 4.4"
        );
        s.on_connect(connect_ok(0), now).unwrap();
        assert_eq!(s.generation(), 2);
        assert_eq!(
            s.slot(&mut RopBatch::new(), folder),
            Err(SessionError::Stale)
        );
        s.queue_release(0, folder);
        assert_eq!(
            s.queued_releases(),
            0,
            "the server freed it with the old context"
        );
    }
}
