//! The address book endpoint's session machine: Bind, the NSPI calls and Unbind over one
//! [`Channel`] of [`Endpoint::AddressBook`], with what an NSPI session keeps between calls
//! (the server GUID of its ephemeral entry IDs, the STAT template, the generation of the
//! context that Minimal Entry IDs belong to).
//!
//! MS-OXCMAPIHTTP 2.2.5: Bind opens a session context on `/mapi/nspi/` and Unbind closes it;
//! every other request carries the context's cookies. When the context is lost (X-ResponseCode
//! 10 and its siblings, or the X-ExpirationInfo deadline passes), a new Bind presenting the old
//! cookies opens another one (MS-OXCMAPIHTTP 4.4); the NSPI reads may then be sent again, the
//! writes (ModProps, ModLinkAtt) only when the server provably did not carry them out
//! ([`is_idempotent`]).
//!
//! ```
//! use std::time::Instant;
//! use mapi_http::session::{ClientIdentity, address_book::{AddressBookOptions, AddressBookSession}};
//! use mapi_http::wire::nspi::{NspiRequest, DnToMIdRequest};
//!
//! let client = ClientIdentity::new(uuid::Uuid::from_u128(1), "Outlook/16.0", "example");
//! let mut ab = AddressBookSession::new(
//!     client,
//!     uuid::Uuid::from_u128(2),
//!     AddressBookOptions::new("https://mail.contoso.com/mapi/nspi/?MailboxId=a@contoso.com"),
//! );
//! let bind = ab.bind(uuid::Uuid::from_u128(3), Instant::now()).unwrap();
//! assert_eq!(bind.header("X-RequestType"), Some("Bind"));
//! // ... send it, then `ab.on_bind(response, now)`, then `ab.request(&NspiRequest::DnToMId(..), now)`.
//! ```

use std::fmt;
use std::time::Instant;

use uuid::Uuid;

use super::channel::{
    Channel, ChannelError, ChannelState, ClientIdentity, Endpoint, HttpRequest, HttpResponse,
};
use crate::wire::mapihttp::RequestType;
use crate::wire::nspi::{
    AddressBookResponse, BindRequest, NspiRequest, NspiResponse, Stat, UnbindRequest,
};
use crate::wire::{DecodeError, EncodeError, ErrorCode, Wire};

/// How an address book session binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressBookOptions {
    /// The address book URL, verbatim as autodiscover gave it (`.../mapi/nspi/?MailboxId=...`).
    pub url: String,
    /// Bind Flags (MS-OXNSPI 3.1.4.1.1: fAnonymousLogin 0x20 is the only one a server reads;
    /// ordinary clients send 0).
    pub bind_flags: u32,
    /// The STAT CodePage: the code page of PtypString8 values. Never CP_WINUNICODE (1200),
    /// which servers refuse in Bind (MS-OXNSPI 3.1.4.1.1).
    pub code_page: u32,
    /// The STAT TemplateLocale.
    pub template_locale: u32,
    /// The STAT SortLocale.
    pub sort_locale: u32,
}

impl AddressBookOptions {
    /// Outlook's choices at `url`: code page 1252, locale 1033 (en-US), no flags.
    pub fn new(url: impl Into<String>) -> Self {
        AddressBookOptions {
            url: url.into(),
            bind_flags: 0,
            code_page: 1252,
            template_locale: 1033,
            sort_locale: 1033,
        }
    }
}

/// What the address book session machine reports.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AddressBookError {
    /// HTTP-level or context-level failure.
    #[error(transparent)]
    Channel(#[from] ChannelError),
    /// A response body did not decode.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A request body could not be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// The response body's StatusCode was non-zero (the failure form, MS-OXCMAPIHTTP
    /// 2.2.5.x.3).
    #[error("{request_type} failed with StatusCode {status_code:#010x}")]
    Status {
        /// The request type.
        request_type: String,
        /// StatusCode.
        status_code: u32,
    },
    /// Bind answered with a non-zero ErrorCode: the server refused the NSPI session.
    #[error("Bind refused: {0}")]
    BindRefused(ErrorCode),
    /// A call was made before a Bind succeeded.
    #[error("the address book is not bound")]
    NotBound,
    /// Bind and Unbind go through [`AddressBookSession::bind`] and
    /// [`AddressBookSession::unbind`], which keep the session's state.
    #[error("{0} is sent with its own method, not as a call")]
    NotACall(String),
}

/// Whether an NSPI request may be sent again when its outcome is unknown: everything but the
/// two writes (ModProps, ModLinkAtt) and the context's own Bind and Unbind only reads the
/// directory (MS-OXNSPI 3.1.4.1), so a repeat changes nothing on the server.
pub fn is_idempotent(request_type: &RequestType) -> bool {
    !matches!(
        request_type,
        RequestType::ModProps | RequestType::ModLinkAtt | RequestType::Bind | RequestType::Unbind
    )
}

/// The address book session machine. See the module documentation.
pub struct AddressBookSession {
    client: ClientIdentity,
    options: AddressBookOptions,
    channel: Channel,
    server_guid: Option<Uuid>,
    generation: u64,
}

impl fmt::Debug for AddressBookSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AddressBookSession")
            .field("url", &self.options.url)
            .field("channel", &self.channel)
            .field("server_guid", &self.server_guid)
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

impl AddressBookSession {
    /// A session not yet bound. `client` names the client instance (X-ClientInfo);
    /// `context_guid` names the first session context (X-RequestId).
    pub fn new(
        mut client: ClientIdentity,
        context_guid: Uuid,
        options: AddressBookOptions,
    ) -> Self {
        let channel = Channel::new(
            Endpoint::AddressBook,
            options.url.clone(),
            context_guid,
            &mut client,
        );
        AddressBookSession {
            client,
            options,
            channel,
            server_guid: None,
            generation: 0,
        }
    }

    /// The channel (state, cookies, expiry).
    pub fn channel(&self) -> &Channel {
        &self.channel
    }

    /// The options.
    pub fn options(&self) -> &AddressBookOptions {
        &self.options
    }

    /// The Bind response's ServerGuid: the ProviderUID of this server's ephemeral entry IDs
    /// (MS-OXNSPI 2.2.9.2). `None` before the first Bind.
    pub fn server_guid(&self) -> Option<Uuid> {
        self.server_guid
    }

    /// The NSPI session generation: 1 after the first Bind, one more after each re-Bind.
    /// Minimal Entry IDs belong to the generation that handed them out (MS-OXNSPI 2.2.9.1).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A STAT for `container_id` at the beginning of the table, with the session's code page
    /// and locales (MS-OXNSPI 2.2.8): SortType 0 (display name), Delta 0.
    pub fn stat(&self, container_id: u32) -> Stat {
        Stat {
            sort_type: 0,
            container_id,
            current_rec: Stat::MID_BEGINNING_OF_TABLE,
            delta: 0,
            num_pos: 0,
            total_recs: 0,
            code_page: self.options.code_page,
            template_locale: self.options.template_locale,
            sort_locale: self.options.sort_locale,
        }
    }

    /// Whether a (re-)Bind must come before the next call: never bound, or the context is lost
    /// or past its X-ExpirationInfo deadline at `now`.
    pub fn needs_bind(&self, now: Instant) -> bool {
        self.generation == 0
            || matches!(
                self.channel.state(now),
                ChannelState::Lost(_) | ChannelState::New
            )
    }

    /// Whether Unbind has closed the session.
    pub fn is_closed(&self, now: Instant) -> bool {
        self.channel.state(now) == ChannelState::Closed
    }

    /// The Bind request: the first one, or a re-Bind after the context was lost (a new
    /// channel with a fresh X-RequestId GUID that presents the old cookies, MS-OXCMAPIHTTP
    /// 4.4).
    pub fn bind(
        &mut self,
        context_guid: Uuid,
        now: Instant,
    ) -> Result<HttpRequest, AddressBookError> {
        if self.generation > 0 {
            let cookies = self.channel.cookies().clone();
            self.channel = Channel::new(
                Endpoint::AddressBook,
                self.options.url.clone(),
                context_guid,
                &mut self.client,
            );
            self.channel.restore_cookies(cookies);
        }
        let body = BindRequest {
            flags: self.options.bind_flags,
            state: Some(self.stat(0)),
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()?;
        Ok(self
            .channel
            .begin(RequestType::Bind, body, &self.client, now)?)
    }

    /// Judges the Bind response: the server's GUID on success. A refusal leaves no context, so
    /// the next Bind starts clean.
    pub fn on_bind(
        &mut self,
        response: HttpResponse,
        now: Instant,
    ) -> Result<Uuid, AddressBookError> {
        let reply = self.channel.finish(&RequestType::Bind, response, now)?;
        match crate::wire::nspi::BindResponse::from_bytes(&reply.body)? {
            AddressBookResponse::Success(s) => {
                if s.error_code.0 != 0 {
                    self.channel.reset();
                    return Err(AddressBookError::BindRefused(s.error_code));
                }
                self.generation += 1;
                self.server_guid = Some(s.server_guid);
                Ok(s.server_guid)
            }
            AddressBookResponse::Failure(f) => {
                self.channel.reset();
                Err(AddressBookError::Status {
                    request_type: "Bind".into(),
                    status_code: f.status_code,
                })
            }
        }
    }

    /// The HTTP request carrying `call` (any NSPI request but Bind and Unbind).
    pub fn request(
        &mut self,
        call: &NspiRequest,
        now: Instant,
    ) -> Result<HttpRequest, AddressBookError> {
        let request_type = call.request_type();
        if matches!(request_type, RequestType::Bind | RequestType::Unbind) {
            return Err(AddressBookError::NotACall(request_type.as_str().to_owned()));
        }
        if self.generation == 0 {
            return Err(AddressBookError::NotBound);
        }
        let body = call.to_bytes()?;
        Ok(self.channel.begin(request_type, body, &self.client, now)?)
    }

    /// Judges the response to the call of `request_type` and decodes its body. The failure
    /// form (non-zero StatusCode) is an error; a success form carries the NSPI result in its
    /// ErrorCode, which the caller reads ([`NspiResponse::error_code`]).
    pub fn on_response(
        &mut self,
        request_type: &RequestType,
        response: HttpResponse,
        now: Instant,
    ) -> Result<NspiResponse, AddressBookError> {
        let reply = self.channel.finish(request_type, response, now)?;
        let decoded = NspiResponse::decode(request_type, &reply.body)?;
        match decoded.status_code() {
            0 => Ok(decoded),
            status_code => Err(AddressBookError::Status {
                request_type: request_type.as_str().to_owned(),
                status_code,
            }),
        }
    }

    /// Tells the session that the request of `request_type` got no response. The context
    /// counts as lost (the server may have consumed the sequence cookie): only a re-Bind is
    /// safe after it.
    pub fn abandon(&mut self, request_type: &RequestType) {
        self.channel.abandon(request_type);
    }

    /// The Unbind request (MS-OXCMAPIHTTP 2.2.5.2).
    pub fn unbind(&mut self, now: Instant) -> Result<HttpRequest, AddressBookError> {
        let body = UnbindRequest {
            reserved: 0,
            auxiliary_buffer: Vec::new(),
        }
        .to_bytes()?;
        Ok(self
            .channel
            .begin(RequestType::Unbind, body, &self.client, now)?)
    }

    /// Judges the Unbind response; the session is finished afterwards (its cookies are
    /// dropped by the channel).
    pub fn on_unbind(
        &mut self,
        response: HttpResponse,
        now: Instant,
    ) -> Result<(), AddressBookError> {
        let reply = self.channel.finish(&RequestType::Unbind, response, now)?;
        match crate::wire::nspi::UnbindResponse::from_bytes(&reply.body)? {
            AddressBookResponse::Failure(f) => Err(AddressBookError::Status {
                request_type: "Unbind".into(),
                status_code: f.status_code,
            }),
            AddressBookResponse::Success(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::nspi::{BindSuccess, DnToMIdRequest, DnToMIdSuccess, UnbindSuccess};

    fn framed(body: Vec<u8>, cookies: &[&str], code: u32) -> HttpResponse {
        let mut raw = format!("PROCESSING\r\nDONE\r\nX-ResponseCode: {code}\r\n\r\n").into_bytes();
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

    fn refused(code: u32) -> HttpResponse {
        HttpResponse::from_raw(
            200,
            vec![
                ("Content-Type".into(), "text/html".into()),
                ("X-ResponseCode".into(), code.to_string()),
            ],
            b"<html>refused</html>",
        )
    }

    fn bind_ok(error_code: u32, guid: u128) -> HttpResponse {
        let body = crate::wire::nspi::BindResponse::Success(BindSuccess {
            error_code: ErrorCode(error_code),
            server_guid: Uuid::from_u128(guid),
            auxiliary_buffer: Vec::new(),
        })
        .to_bytes()
        .unwrap();
        framed(body, &["ctx=ab1", "seq=1"], 0)
    }

    fn session() -> AddressBookSession {
        AddressBookSession::new(
            ClientIdentity::new(Uuid::from_u128(9), "Outlook/16.0", "test"),
            Uuid::from_u128(1),
            AddressBookOptions::new("http://127.0.0.1/mapi/nspi/?MailboxId=a@b"),
        )
    }

    fn dn_to_mid() -> NspiRequest {
        NspiRequest::DnToMId(DnToMIdRequest {
            reserved: 0,
            names: Some(vec!["/o=Org/cn=alice".into()]),
            auxiliary_buffer: Vec::new(),
        })
    }

    fn dn_to_mid_ok() -> HttpResponse {
        let body = NspiResponse::DnToMId(AddressBookResponse::Success(DnToMIdSuccess {
            error_code: ErrorCode::SUCCESS,
            minimal_ids: Some(vec![0x10000]),
            auxiliary_buffer: Vec::new(),
        }))
        .to_bytes()
        .unwrap();
        framed(body, &["seq=2"], 0)
    }

    #[test]
    fn bind_sends_a_stat_with_the_code_page_and_keeps_the_server_guid() {
        let now = Instant::now();
        let mut ab = session();
        assert!(ab.needs_bind(now));
        assert_eq!(
            ab.request(&dn_to_mid(), now),
            Err(AddressBookError::NotBound)
        );
        let req = ab.bind(Uuid::from_u128(1), now).unwrap();
        let body = BindRequest::from_bytes(&req.body).unwrap();
        let stat = body.state.unwrap();
        assert_eq!((stat.code_page, stat.sort_locale), (1252, 1033));
        assert_eq!(ab.on_bind(bind_ok(0, 77), now), Ok(Uuid::from_u128(77)));
        assert_eq!(ab.generation(), 1);
        assert!(!ab.needs_bind(now));
        let req = ab.request(&dn_to_mid(), now).unwrap();
        assert_eq!(req.header("Cookie"), Some("ctx=ab1; seq=1"));
        assert_eq!(req.header("X-RequestType"), Some("DNToMId"));
        let resp = ab
            .on_response(&RequestType::DnToMId, dn_to_mid_ok(), now)
            .unwrap();
        assert!(
            matches!(resp, NspiResponse::DnToMId(AddressBookResponse::Success(s)) if s.minimal_ids == Some(vec![0x10000]))
        );
    }

    #[test]
    fn refused_bind_is_typed_and_leaves_no_context() {
        let now = Instant::now();
        let mut ab = session();
        ab.bind(Uuid::from_u128(1), now).unwrap();
        assert_eq!(
            ab.on_bind(bind_ok(0x8004_0111, 1), now),
            Err(AddressBookError::BindRefused(ErrorCode(0x8004_0111)))
        );
        assert_eq!(ab.generation(), 0);
        assert!(ab.needs_bind(now));
    }

    #[test]
    fn a_lost_context_asks_for_a_rebind_that_presents_the_old_cookies() {
        let now = Instant::now();
        let mut ab = session();
        ab.bind(Uuid::from_u128(1), now).unwrap();
        ab.on_bind(bind_ok(0, 5), now).unwrap();
        ab.request(&dn_to_mid(), now).unwrap();
        assert!(matches!(
            ab.on_response(&RequestType::DnToMId, refused(10), now),
            Err(AddressBookError::Channel(ChannelError::Protocol { .. }))
        ));
        assert!(ab.needs_bind(now));
        let again = ab.bind(Uuid::from_u128(2), now).unwrap();
        assert_eq!(
            again.header("Cookie"),
            Some("ctx=ab1; seq=1"),
            "MS-OXCMAPIHTTP 4.4"
        );
        assert_ne!(again.header("X-RequestId"), None);
        ab.on_bind(bind_ok(0, 5), now).unwrap();
        assert_eq!(ab.generation(), 2);
    }

    #[test]
    fn failure_form_is_a_status_error_and_bind_is_not_a_call() {
        let now = Instant::now();
        let mut ab = session();
        ab.bind(Uuid::from_u128(1), now).unwrap();
        ab.on_bind(bind_ok(0, 5), now).unwrap();
        ab.request(&dn_to_mid(), now).unwrap();
        let failure = NspiResponse::DnToMId(AddressBookResponse::Failure(
            crate::wire::mapihttp::FailureResponse {
                status_code: 0x8000_4001,
                auxiliary_buffer: Vec::new(),
            },
        ))
        .to_bytes()
        .unwrap();
        assert_eq!(
            ab.on_response(&RequestType::DnToMId, framed(failure, &[], 0), now),
            Err(AddressBookError::Status {
                request_type: "DNToMId".into(),
                status_code: 0x8000_4001
            })
        );
        let bind = NspiRequest::Bind(BindRequest {
            flags: 0,
            state: None,
            auxiliary_buffer: Vec::new(),
        });
        assert!(matches!(
            ab.request(&bind, now),
            Err(AddressBookError::NotACall(_))
        ));
    }

    #[test]
    fn unbind_closes_the_session() {
        let now = Instant::now();
        let mut ab = session();
        ab.bind(Uuid::from_u128(1), now).unwrap();
        ab.on_bind(bind_ok(0, 5), now).unwrap();
        ab.unbind(now).unwrap();
        let body = crate::wire::nspi::UnbindResponse::Success(UnbindSuccess {
            error_code: ErrorCode::UNBIND_SUCCESS,
            auxiliary_buffer: Vec::new(),
        })
        .to_bytes()
        .unwrap();
        ab.on_unbind(framed(body, &[], 0), now).unwrap();
        assert!(ab.is_closed(now));
        assert!(ab.channel().cookies().is_empty());
        assert!(matches!(
            ab.request(&dn_to_mid(), now),
            Err(AddressBookError::Channel(ChannelError::Closed))
        ));
    }

    #[test]
    fn only_the_writes_are_not_idempotent() {
        assert!(is_idempotent(&RequestType::QueryRows));
        assert!(is_idempotent(&RequestType::ResolveNames));
        assert!(is_idempotent(&RequestType::GetMatches));
        assert!(!is_idempotent(&RequestType::ModProps));
        assert!(!is_idempotent(&RequestType::ModLinkAtt));
    }
}
