//! POX Autodiscover, server side (MS-OXDSCLI 2.2 and 3.2): where a mailbox's MAPI/HTTP
//! endpoints are.
//!
//! [`Autodiscover::answer`] is the whole protocol as a pure function (request XML and the
//! `X-MapiHttpCapability` header in, response XML out); [`router`] serves it at
//! `/autodiscover/autodiscover.xml` behind an optional [`Authenticator`].
//!
//! What Exchange does, and so this does:
//! - the request names the mailbox by `EMailAddress` (or `LegacyDN`) and must accept the
//!   Outlook response schema `.../outlook/responseschema/2006a`;
//! - with a valid `X-MapiHttpCapability` (MS-OXDSCLI 2.2.2.1, 3.2.5.1: an integer > 0) the
//!   account carries `<Protocol Type="mapiHttp" Version="1">` with `MailStore` and
//!   `AddressBook` URLs `.../mapi/emsmdb/?MailboxId=<mailbox guid>@<domain>` and
//!   `.../mapi/nspi/?MailboxId=...`, and no `EXCH`/`EXPR` protocol (the same URL form for
//!   a user with a `home_server`: Exchange's front end routes by that MailboxId, and so
//!   does the emulator, see [`crate::emulator::backend::Backend::server_for`]); without it
//!   (or with an invalid value) the answer is the RPC/HTTP-era `EXCH`/`EXPR` form, which
//!   this emulator cannot serve, as an Exchange without MAPI/HTTP clients would;
//! - an unknown address is answered with HTTP 200 and `Error` 500 "The email address can't be
//!   found." directly under `Response`; a request that is not a valid Autodiscover request
//!   gets `Error` 600 "Invalid Request"; an unaccepted response schema gets 601;
//! - `redirectAddr` / `redirectUrl` answers can be configured per address (MS-OXDSCLI
//!   2.2.4.1.1.2.2), so a client's redirect handling and hop limit can be tested.
//!
//! Exchange's Autodiscover virtual directory requires authentication (anonymous access is
//! off; Basic, Windows and OAuth are on), and any authenticated user may look up any mailbox
//! (Outlook does so for shared and delegated mailboxes): [`router`] takes the authenticator as
//! an option to model both that and a pre-auth test setup.
//!
//! Mailbox GUIDs come from [`crate::emulator::users::mailbox_guid`] (v5 UUID of the legacy DN).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use quick_xml::escape::{escape, resolve_predefined_entity};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use uuid::Uuid;

use super::users::{ADMIN_GROUP, DirectoryEntry, Users};
use super::{AuthOutcome, Authenticator, ConnectionId};

/// Namespace of Outlook's Autodiscover request (MS-OXDSCLI 2.2.3).
pub const REQUEST_SCHEMA: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
/// The response schema an Outlook-style request must accept (`AcceptableResponseSchema`).
pub const RESPONSE_SCHEMA: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
/// Namespace of the response's root `Autodiscover` element (MS-OXDSCLI 2.2.4).
pub const ROOT_SCHEMA: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
/// The request header announcing MAPI/HTTP support (MS-OXDSCLI 2.2.2.1).
pub const MAPI_HTTP_CAPABILITY: &str = "X-MapiHttpCapability";
/// Highest `Protocol Type="mapiHttp"` response format this server writes (MS-OXDSCLI 3.2.5.1
/// defines version 1).
pub const MAPI_HTTP_VERSION: u32 = 1;

/// Longest request accepted; Outlook's requests are a few hundred bytes.
const MAX_REQUEST: usize = 64 * 1024;

/// A parsed Autodiscover request (MS-OXDSCLI 2.2.3.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutodiscoverRequest {
    /// `EMailAddress`: the mailbox asked about.
    pub email_address: Option<String>,
    /// `AcceptableResponseSchema`.
    pub acceptable_response_schema: String,
    /// `LegacyDN`: names the mailbox when `EMailAddress` is absent.
    pub legacy_dn: Option<String>,
}

/// Why a request got no settings: each maps to the `Error` response Exchange gives.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AutodiscoverError {
    /// Not a well-formed Autodiscover request (ErrorCode 600).
    #[error("invalid autodiscover request: {0}")]
    Malformed(String),
    /// `AcceptableResponseSchema` names a schema this server has no provider for (601).
    #[error("unsupported response schema {0:?}")]
    UnsupportedSchema(String),
}

impl AutodiscoverError {
    /// The `ErrorCode` Exchange answers with (MS-ASCMD 2.2.3.64 lists 600 and 601).
    pub fn code(&self) -> u32 {
        match self {
            AutodiscoverError::Malformed(_) => 600,
            AutodiscoverError::UnsupportedSchema(_) => 601,
        }
    }

    /// The `Message` text. 600's text is Exchange's; for 601 the text is descriptive (no
    /// Exchange capture of it was at hand).
    pub fn message(&self) -> &'static str {
        match self {
            AutodiscoverError::Malformed(_) => "Invalid Request",
            AutodiscoverError::UnsupportedSchema(_) => "Provider is not available.",
        }
    }
}

/// A configured redirect answer for one address (MS-OXDSCLI 2.2.4.1.1.2.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redirect {
    /// `Action` redirectAddr: ask again for this address.
    Addr(String),
    /// `Action` redirectUrl: ask this Autodiscover URL instead.
    Url(String),
}

/// The Autodiscover service over a user directory.
#[derive(Debug, Clone)]
pub struct Autodiscover {
    users: Arc<Users>,
    redirects: HashMap<String, Redirect>,
    deployment_id: Uuid,
    server_id: u32,
}

impl Autodiscover {
    /// A service answering for `users`. DeploymentId is a v5 UUID (DNS namespace) of the
    /// users' domain, so it is stable across runs.
    pub fn new(users: Arc<Users>) -> Self {
        let deployment_id = Uuid::new_v5(&Uuid::NAMESPACE_DNS, users.domain().as_bytes());
        // Exchange's Error Id is a hash of the CAS name; FNV-1a of the domain plays that role.
        let server_id = users.domain().bytes().fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        Autodiscover {
            users,
            redirects: HashMap::new(),
            deployment_id,
            server_id,
        }
    }

    /// Answers requests for `address` (case-insensitive) with `redirect` from now on; this
    /// takes precedence over a user with that address.
    pub fn set_redirect(&mut self, address: &str, redirect: Redirect) {
        self.redirects.insert(address.to_lowercase(), redirect);
    }

    /// Builder form of [`Autodiscover::set_redirect`].
    pub fn with_redirect(mut self, address: &str, redirect: Redirect) -> Self {
        self.set_redirect(address, redirect);
        self
    }

    /// The directory answered from.
    pub fn users(&self) -> &Arc<Users> {
        &self.users
    }

    /// The `Protocol Type="mapiHttp"` version to answer for an `X-MapiHttpCapability` value:
    /// `None` when the header is absent or invalid (not an integer > 0), which MS-OXDSCLI
    /// 3.2.5.1 says to treat alike; otherwise the highest version supported that is <= it.
    pub fn mapi_http_version(header: Option<&str>) -> Option<u32> {
        let v: u32 = header?.trim().parse().ok()?;
        (v > 0).then(|| v.min(MAPI_HTTP_VERSION))
    }

    /// The mailbox endpoint URL for `entry` under `base_url` (`https://host`, no trailing
    /// slash needed).
    pub fn mail_store_url(&self, base_url: &str, entry: &DirectoryEntry) -> String {
        format!(
            "{}/mapi/emsmdb/?MailboxId={}@{}",
            base_url.trim_end_matches('/'),
            entry.mailbox_guid,
            self.users.domain()
        )
    }

    /// The address-book endpoint URL for `entry` under `base_url`.
    pub fn address_book_url(&self, base_url: &str, entry: &DirectoryEntry) -> String {
        format!(
            "{}/mapi/nspi/?MailboxId={}@{}",
            base_url.trim_end_matches('/'),
            entry.mailbox_guid,
            self.users.domain()
        )
    }

    /// Answers one request. `Ok` is every response Exchange sends with HTTP 200 and a
    /// settings, redirect or "address can't be found" body; `Err` is a request Exchange
    /// answers with Error 600/601 (see [`AutodiscoverError::response_xml`]).
    pub fn answer(
        &self,
        request_xml: &[u8],
        mapi_http_capability: Option<&str>,
        base_url: &str,
    ) -> Result<String, AutodiscoverError> {
        let request = parse_request(request_xml)?;
        if !request
            .acceptable_response_schema
            .trim()
            .eq_ignore_ascii_case(RESPONSE_SCHEMA)
        {
            return Err(AutodiscoverError::UnsupportedSchema(
                request.acceptable_response_schema,
            ));
        }
        if let Some(address) = &request.email_address
            && let Some(redirect) = self.redirects.get(&address.trim().to_lowercase())
        {
            return Ok(redirect_xml(redirect));
        }
        let entry = match (&request.email_address, &request.legacy_dn) {
            (Some(a), _) => self.users.find_smtp(a),
            (None, Some(dn)) => self.users.find_legacy_dn(dn),
            (None, None) => None,
        };
        let Some(entry) = entry else {
            return Ok(error_xml(
                500,
                "The email address can't be found.",
                self.server_id,
            ));
        };
        Ok(self.settings_xml(
            entry,
            Self::mapi_http_version(mapi_http_capability),
            base_url,
        ))
    }

    fn settings_xml(&self, e: &DirectoryEntry, mapi: Option<u32>, base_url: &str) -> String {
        let mut x = String::with_capacity(1536);
        x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n");
        let _ = write!(x, "<Autodiscover xmlns=\"{ROOT_SCHEMA}\">\r\n");
        let _ = write!(x, "  <Response xmlns=\"{RESPONSE_SCHEMA}\">\r\n");
        x.push_str("    <User>\r\n");
        el(&mut x, 6, "DisplayName", &e.user.display_name);
        el(&mut x, 6, "LegacyDN", &e.user.legacy_dn);
        el(&mut x, 6, "AutoDiscoverSMTPAddress", &e.user.smtp_address);
        el(&mut x, 6, "DeploymentId", &self.deployment_id.to_string());
        x.push_str("    </User>\r\n");
        x.push_str("    <Account>\r\n");
        el(&mut x, 6, "AccountType", "email");
        el(&mut x, 6, "Action", "settings");
        el(&mut x, 6, "MicrosoftOnline", "False");
        match mapi {
            Some(version) => {
                let _ = write!(
                    x,
                    "      <Protocol Type=\"mapiHttp\" Version=\"{version}\">\r\n"
                );
                let store = self.mail_store_url(base_url, e);
                let nspi = self.address_book_url(base_url, e);
                x.push_str("        <MailStore>\r\n");
                el(&mut x, 10, "InternalUrl", &store);
                el(&mut x, 10, "ExternalUrl", &store);
                x.push_str("        </MailStore>\r\n");
                x.push_str("        <AddressBook>\r\n");
                el(&mut x, 10, "InternalUrl", &nspi);
                el(&mut x, 10, "ExternalUrl", &nspi);
                x.push_str("        </AddressBook>\r\n");
                x.push_str("      </Protocol>\r\n");
            }
            None => {
                // The pre-MAPI/HTTP answer: the mailbox server as `<guid>@<domain>` (Exchange
                // 2013+) for RPC/HTTP through the host of this URL.
                let org = self.users.organization();
                let server = format!("{}@{}", e.mailbox_guid, self.users.domain());
                let server_dn =
                    format!("/o={org}/ou={ADMIN_GROUP}/cn=Configuration/cn=Servers/cn={server}");
                let host = base_url
                    .split_once("://")
                    .map_or(base_url, |(_, rest)| rest)
                    .split('/')
                    .next()
                    .unwrap_or_default();
                let ssl = if base_url.starts_with("https://") {
                    "On"
                } else {
                    "Off"
                };
                x.push_str("      <Protocol>\r\n");
                el(&mut x, 8, "Type", "EXCH");
                el(&mut x, 8, "Server", &server);
                el(&mut x, 8, "ServerDN", &server_dn);
                el(
                    &mut x,
                    8,
                    "MdbDN",
                    &format!("{server_dn}/cn=Microsoft Private MDB"),
                );
                el(&mut x, 8, "AuthPackage", "Anonymous");
                x.push_str("      </Protocol>\r\n");
                x.push_str("      <Protocol>\r\n");
                el(&mut x, 8, "Type", "EXPR");
                el(&mut x, 8, "Server", host);
                el(&mut x, 8, "SSL", ssl);
                el(&mut x, 8, "AuthPackage", "Ntlm");
                x.push_str("      </Protocol>\r\n");
            }
        }
        x.push_str("    </Account>\r\n");
        x.push_str("  </Response>\r\n");
        x.push_str("</Autodiscover>\r\n");
        x
    }
}

impl AutodiscoverError {
    /// The error response body Exchange sends (HTTP 200) for this error.
    pub fn response_xml(&self, server_id: u32) -> String {
        error_xml(self.code(), self.message(), server_id)
    }
}

/// One `<name>text</name>` line, text escaped.
fn el(x: &mut String, indent: usize, name: &str, text: &str) {
    let _ = write!(x, "{:indent$}<{name}>{}</{name}>\r\n", "", escape(text));
}

fn redirect_xml(redirect: &Redirect) -> String {
    let (action, name, target) = match redirect {
        Redirect::Addr(a) => ("redirectAddr", "RedirectAddr", a),
        Redirect::Url(u) => ("redirectUrl", "RedirectUrl", u),
    };
    let mut x = String::with_capacity(512);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n");
    let _ = write!(x, "<Autodiscover xmlns=\"{ROOT_SCHEMA}\">\r\n");
    let _ = write!(x, "  <Response xmlns=\"{RESPONSE_SCHEMA}\">\r\n");
    x.push_str("    <Account>\r\n");
    el(&mut x, 6, "AccountType", "email");
    el(&mut x, 6, "Action", action);
    el(&mut x, 6, name, target);
    x.push_str("    </Account>\r\n");
    x.push_str("  </Response>\r\n");
    x.push_str("</Autodiscover>\r\n");
    x
}

/// Exchange's error shape: `Response` without its own namespace, `Error` with the time of
/// day (`hh:mm:ss.fffffff`, UTC) and a server id.
fn error_xml(code: u32, message: &str, server_id: u32) -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let day = since.as_secs() % 86_400;
    let time = format!(
        "{:02}:{:02}:{:02}.{:07}",
        day / 3600,
        day / 60 % 60,
        day % 60,
        since.subsec_nanos() / 100
    );
    let mut x = String::with_capacity(384);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n");
    let _ = write!(x, "<Autodiscover xmlns=\"{ROOT_SCHEMA}\">\r\n");
    x.push_str("  <Response>\r\n");
    let _ = write!(x, "    <Error Time=\"{time}\" Id=\"{server_id}\">\r\n");
    el(&mut x, 6, "ErrorCode", &code.to_string());
    el(&mut x, 6, "Message", message);
    x.push_str("      <DebugData />\r\n");
    x.push_str("    </Error>\r\n");
    x.push_str("  </Response>\r\n");
    x.push_str("</Autodiscover>\r\n");
    x
}

/// Parses an Outlook Autodiscover request: root `Autodiscover` and child `Request` in
/// [`REQUEST_SCHEMA`], with `EMailAddress`, `AcceptableResponseSchema` (required) and
/// `LegacyDN`. Unknown elements are skipped, as Exchange's parser does; DTDs are refused
/// (no entity tricks).
pub fn parse_request(xml: &[u8]) -> Result<AutodiscoverRequest, AutodiscoverError> {
    let bad = |why: &str| AutodiscoverError::Malformed(why.to_owned());
    if xml.len() > MAX_REQUEST {
        return Err(bad("request too large"));
    }
    let text = std::str::from_utf8(xml).map_err(|_| bad("not UTF-8"))?;
    // No trim_text: it would also trim around entity references (`a &amp; b`); values are
    // trimmed whole instead.
    let mut reader = NsReader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut email = None;
    let mut schema = None;
    let mut legacy_dn = None;
    let mut saw_root = false;
    loop {
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| AutodiscoverError::Malformed(e.to_string()))?;
        let in_request_ns = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == REQUEST_SCHEMA);
        match event {
            Event::Start(start) => {
                let local = start.local_name().as_ref().to_owned();
                match path.len() {
                    0 if local == "Autodiscover" && in_request_ns => saw_root = true,
                    0 => return Err(bad("root is not an Autodiscover request")),
                    1 if local == "Request" && !in_request_ns => {
                        return Err(bad("Request in the wrong namespace"));
                    }
                    _ => {}
                }
                path.push(local);
                current.clear();
            }
            Event::Empty(start) => {
                if path.is_empty() {
                    return Err(bad("empty root"));
                }
                let _ = start;
            }
            Event::Text(t) => current.push_str(&t.xml10_content()),
            Event::CData(c) => current.push_str(&c.xml10_content()),
            Event::GeneralRef(r) => {
                if let Ok(Some(ch)) = r.resolve_char_ref() {
                    current.push(ch);
                } else if let Some(s) = resolve_predefined_entity(&r) {
                    current.push_str(s);
                } else {
                    return Err(bad("unknown entity"));
                }
            }
            Event::End(_) => {
                let is_field =
                    path.len() == 3 && path.get(1).map(String::as_str) == Some("Request");
                if is_field {
                    let value = std::mem::take(&mut current).trim().to_owned();
                    match path.get(2).map(String::as_str) {
                        Some("EMailAddress") => email = Some(value),
                        Some("AcceptableResponseSchema") => schema = Some(value),
                        Some("LegacyDN") => legacy_dn = Some(value),
                        _ => {}
                    }
                }
                path.pop();
                current.clear();
            }
            Event::DocType(_) => return Err(bad("DTDs are not accepted")),
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(bad("no Autodiscover element"));
    }
    let acceptable_response_schema = schema.ok_or_else(|| bad("no AcceptableResponseSchema"))?;
    let email_address = email.filter(|s| !s.is_empty());
    let legacy_dn = legacy_dn.filter(|s| !s.is_empty());
    if email_address.is_none() && legacy_dn.is_none() {
        return Err(bad("neither EMailAddress nor LegacyDN"));
    }
    Ok(AutodiscoverRequest {
        email_address,
        acceptable_response_schema,
        legacy_dn,
    })
}

/// Authentication in front of the Autodiscover route.
#[derive(Clone)]
pub struct AutodiscoverAuth {
    /// Decides who sends a request (the same authenticator the MAPI endpoints use).
    pub authenticator: Arc<dyn Authenticator>,
    /// `WWW-Authenticate` values of a 401 after [`AuthOutcome::Denied`] (the initial offer;
    /// for [`crate::emulator::auth::EmulatorAuth`], its `offer()`).
    pub offer: Vec<String>,
}

struct RouteState {
    service: Arc<Autodiscover>,
    auth: Option<AutodiscoverAuth>,
    base_url: Option<String>,
}

/// Connection ids for requests whose front end supplied none: unique per request, counted
/// down from the top so they never meet real ones. NTLM cannot finish on them, Basic and
/// Bearer work.
static ANONYMOUS_CONNECTIONS: AtomicU64 = AtomicU64::new(u64::MAX);

/// The Autodiscover routes: `POST` (and `GET`, answered with Error 600 as Exchange does) on
/// `/autodiscover/autodiscover.xml` and `/Autodiscover/Autodiscover.xml`.
///
/// - `auth`: `Some` to require authentication as Exchange does; the handler reads the
///   connection's [`ConnectionId`] from the request extensions (the front end inserts it per
///   connection, as it must for NTLM on the MAPI endpoints).
/// - `base_url`: the scheme and authority put into the MAPI URLs (`http://127.0.0.1:8080`);
///   `None` takes `http://` plus the request's `Host` header.
pub fn router(
    service: Arc<Autodiscover>,
    auth: Option<AutodiscoverAuth>,
    base_url: Option<String>,
) -> Router {
    let state = Arc::new(RouteState {
        service,
        auth,
        base_url,
    });
    Router::new()
        .route(
            "/autodiscover/autodiscover.xml",
            axum::routing::post(handle).get(handle),
        )
        .route(
            "/Autodiscover/Autodiscover.xml",
            axum::routing::post(handle).get(handle),
        )
        .with_state(state)
}

async fn handle(
    State(st): State<Arc<RouteState>>,
    connection: Option<Extension<ConnectionId>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Some(auth) = &st.auth {
        let connection = connection.map_or_else(
            || ConnectionId(ANONYMOUS_CONNECTIONS.fetch_sub(1, Ordering::Relaxed)),
            |Extension(c)| c,
        );
        let authorization = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        match auth.authenticator.authenticate(connection, authorization) {
            AuthOutcome::Authenticated(_) => {}
            AuthOutcome::Challenge(values) => return unauthorized(&values),
            AuthOutcome::Denied => return unauthorized(&auth.offer),
        }
    }
    let base_url = st.base_url.clone().unwrap_or_else(|| {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("localhost");
        format!("http://{host}")
    });
    let capability = headers
        .get(MAPI_HTTP_CAPABILITY)
        .and_then(|v| v.to_str().ok());
    let xml = match st.service.answer(&body, capability, &base_url) {
        Ok(xml) => xml,
        Err(e) => e.response_xml(st.service.server_id),
    };
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/xml; charset=utf-8"),
        )],
        xml,
    )
        .into_response()
}

fn unauthorized(values: &[String]) -> Response {
    let mut response = StatusCode::UNAUTHORIZED.into_response();
    for v in values {
        if let Ok(v) = HeaderValue::from_str(v) {
            response.headers_mut().append(header::WWW_AUTHENTICATE, v);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::auth::{AuthSchemes, EmulatorAuth};
    use crate::emulator::users::mailbox_guid;

    fn request(address: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\
             <Autodiscover xmlns=\"{REQUEST_SCHEMA}\"><Request>\
             <EMailAddress>{address}</EMailAddress>\
             <AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema>\
             </Request></Autodiscover>"
        )
    }

    /// Element paths (`Autodiscover/Response/User/DisplayName`) with their namespace,
    /// attributes and text, read back with quick-xml.
    #[derive(Debug)]
    struct Node {
        path: String,
        ns: String,
        attrs: Vec<(String, String)>,
        text: String,
    }

    fn nodes(xml: &str) -> Vec<Node> {
        let mut r = NsReader::from_str(xml);
        let mut stack: Vec<usize> = Vec::new();
        let mut path: Vec<String> = Vec::new();
        let mut out: Vec<Node> = Vec::new();
        loop {
            let (ns, ev) = r.read_resolved_event().unwrap();
            let ns = match ns {
                ResolveResult::Bound(n) => n.as_ref().to_owned(),
                _ => String::new(),
            };
            let empty = matches!(ev, Event::Empty(_));
            match ev {
                Event::Start(s) | Event::Empty(s) => {
                    path.push(s.local_name().as_ref().to_owned());
                    let attrs = s
                        .attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            (
                                a.key.as_ref().to_owned(),
                                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .unwrap()
                                    .into_owned(),
                            )
                        })
                        .collect();
                    out.push(Node {
                        path: path.join("/"),
                        ns,
                        attrs,
                        text: String::new(),
                    });
                    if empty {
                        path.pop();
                    } else {
                        stack.push(out.len() - 1);
                    }
                }
                Event::Text(t) => {
                    // Whitespace outside the root has no element to belong to.
                    if let Some(&i) = stack.last() {
                        out[i].text.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(g) => {
                    let i = *stack.last().unwrap();
                    out[i].text.push_str(resolve_predefined_entity(&g).unwrap());
                }
                Event::End(_) => {
                    stack.pop();
                    path.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        for n in &mut out {
            n.text = n.text.trim().to_owned();
        }
        out
    }

    fn text<'a>(n: &'a [Node], path: &str) -> Vec<&'a str> {
        n.iter()
            .filter(|x| x.path == path)
            .map(|x| x.text.as_str())
            .collect()
    }

    fn service() -> Autodiscover {
        Autodiscover::new(Arc::new(Users::demo_seeded(3)))
    }

    #[test]
    fn parse_reads_the_three_fields() {
        let r = parse_request(request("alice@contoso.example").as_bytes()).unwrap();
        assert_eq!(r.email_address.as_deref(), Some("alice@contoso.example"));
        assert_eq!(r.acceptable_response_schema, RESPONSE_SCHEMA);
        assert_eq!(r.legacy_dn, None);
        let with_dn = format!(
            "<a:Autodiscover xmlns:a=\"{REQUEST_SCHEMA}\"><a:Request>\
             <a:LegacyDN> /o=X/cn=Recipients/cn=a &amp; b </a:LegacyDN><a:Unknown>z</a:Unknown>\
             <a:AcceptableResponseSchema>{RESPONSE_SCHEMA}</a:AcceptableResponseSchema>\
             </a:Request></a:Autodiscover>"
        );
        let r = parse_request(with_dn.as_bytes()).unwrap();
        assert_eq!(r.email_address, None);
        assert_eq!(r.legacy_dn.as_deref(), Some("/o=X/cn=Recipients/cn=a & b"));
    }

    #[test]
    fn settings_with_mapi_http_capability() {
        let s = service();
        let alice = s.users().find_login("alice").unwrap().clone();
        let xml = s
            .answer(
                request("Alice@Contoso.example").as_bytes(),
                Some("1"),
                "https://mail.contoso.example/",
            )
            .unwrap();
        let n = nodes(&xml);
        assert_eq!(n[0].path, "Autodiscover");
        assert_eq!(n[0].ns, ROOT_SCHEMA);
        let resp = n
            .iter()
            .find(|x| x.path == "Autodiscover/Response")
            .unwrap();
        assert_eq!(resp.ns, RESPONSE_SCHEMA);
        assert_eq!(
            text(&n, "Autodiscover/Response/User/DisplayName"),
            ["Alice Anders"]
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/User/LegacyDN"),
            [alice.user.legacy_dn.as_str()]
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/User/AutoDiscoverSMTPAddress"),
            ["alice@contoso.example"]
        );
        assert_eq!(text(&n, "Autodiscover/Response/User/DeploymentId").len(), 1);
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/AccountType"),
            ["email"]
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/Action"),
            ["settings"]
        );
        let protocols: Vec<_> = n
            .iter()
            .filter(|x| x.path == "Autodiscover/Response/Account/Protocol")
            .collect();
        assert_eq!(protocols.len(), 1, "no EXCH/EXPR beside mapiHttp");
        assert_eq!(
            protocols[0].attrs,
            [
                ("Type".to_owned(), "mapiHttp".to_owned()),
                ("Version".to_owned(), "1".to_owned())
            ]
        );
        let guid = mailbox_guid(&alice.user.legacy_dn);
        let store =
            format!("https://mail.contoso.example/mapi/emsmdb/?MailboxId={guid}@contoso.example");
        let nspi =
            format!("https://mail.contoso.example/mapi/nspi/?MailboxId={guid}@contoso.example");
        for leaf in ["InternalUrl", "ExternalUrl"] {
            assert_eq!(
                text(
                    &n,
                    &format!("Autodiscover/Response/Account/Protocol/MailStore/{leaf}")
                ),
                [store.as_str()]
            );
            assert_eq!(
                text(
                    &n,
                    &format!("Autodiscover/Response/Account/Protocol/AddressBook/{leaf}")
                ),
                [nspi.as_str()]
            );
        }
    }

    #[test]
    fn capability_versions_per_ms_oxdscli_3_2_5_1() {
        assert_eq!(Autodiscover::mapi_http_version(Some("1")), Some(1));
        assert_eq!(Autodiscover::mapi_http_version(Some(" 7 ")), Some(1));
        for bad in [None, Some("0"), Some("-1"), Some("yes"), Some("")] {
            assert_eq!(Autodiscover::mapi_http_version(bad), None, "{bad:?}");
        }
        // An invalid header is answered as if absent: EXCH and EXPR, no mapiHttp.
        let xml = service()
            .answer(
                request("bob@contoso.example").as_bytes(),
                Some("0"),
                "http://127.0.0.1:9000",
            )
            .unwrap();
        let n = nodes(&xml);
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/Protocol/Type"),
            ["EXCH", "EXPR"]
        );
        assert!(n.iter().all(|x| !x.path.ends_with("MailStore")));
        assert!(
            n.iter()
                .filter(|x| x.path == "Autodiscover/Response/Account/Protocol")
                .all(|x| x.attrs.is_empty())
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/Protocol/SSL"),
            ["Off"]
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/Protocol/Server")[1],
            "127.0.0.1:9000"
        );
    }

    #[test]
    fn legacy_dn_names_the_mailbox_when_there_is_no_address() {
        let s = service();
        let carol = s.users().find_login("carol").unwrap().clone();
        let body = format!(
            "<Autodiscover xmlns=\"{REQUEST_SCHEMA}\"><Request><LegacyDN>{}</LegacyDN>\
             <AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema>\
             </Request></Autodiscover>",
            carol.user.legacy_dn.to_uppercase()
        );
        let n = nodes(&s.answer(body.as_bytes(), Some("1"), "http://h").unwrap());
        assert_eq!(
            text(&n, "Autodiscover/Response/User/AutoDiscoverSMTPAddress"),
            ["carol@contoso.example"]
        );
    }

    #[test]
    fn unknown_address_is_exchanges_error_500() {
        let xml = service()
            .answer(
                request("nobody@contoso.example").as_bytes(),
                Some("1"),
                "http://h",
            )
            .unwrap();
        let n = nodes(&xml);
        let resp = n
            .iter()
            .find(|x| x.path == "Autodiscover/Response")
            .unwrap();
        assert_eq!(
            resp.ns, ROOT_SCHEMA,
            "the error Response has no namespace of its own"
        );
        let err = n
            .iter()
            .find(|x| x.path == "Autodiscover/Response/Error")
            .unwrap();
        let keys: Vec<_> = err.attrs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["Time", "Id"]);
        assert_eq!(text(&n, "Autodiscover/Response/Error/ErrorCode"), ["500"]);
        assert_eq!(
            text(&n, "Autodiscover/Response/Error/Message"),
            ["The email address can't be found."]
        );
        assert!(n.iter().all(|x| !x.path.contains("Account")));
    }

    #[test]
    fn configured_redirects() {
        let s = service()
            .with_redirect(
                "old@contoso.example",
                Redirect::Addr("alice@contoso.example".into()),
            )
            .with_redirect(
                "away@fabrikam.example",
                Redirect::Url(
                    "https://autodiscover.fabrikam.example/autodiscover/autodiscover.xml".into(),
                ),
            );
        let n = nodes(
            &s.answer(request("OLD@contoso.example").as_bytes(), None, "http://h")
                .unwrap(),
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/Action"),
            ["redirectAddr"]
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/RedirectAddr"),
            ["alice@contoso.example"]
        );
        let n = nodes(
            &s.answer(
                request("away@fabrikam.example").as_bytes(),
                Some("1"),
                "http://h",
            )
            .unwrap(),
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/Action"),
            ["redirectUrl"]
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/Account/RedirectUrl"),
            ["https://autodiscover.fabrikam.example/autodiscover/autodiscover.xml"]
        );
    }

    #[test]
    fn malformed_requests_are_errors() {
        let s = service();
        let cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"not xml <".to_vec(),
            b"<Autodiscover><Request>".to_vec(),
            b"<Autodiscover xmlns=\"urn:other\"><Request><EMailAddress>a@b</EMailAddress><AcceptableResponseSchema>x</AcceptableResponseSchema></Request></Autodiscover>".to_vec(),
            format!("<!DOCTYPE x [<!ENTITY e \"a\">]><Autodiscover xmlns=\"{REQUEST_SCHEMA}\"/>").into_bytes(),
            format!("<Autodiscover xmlns=\"{REQUEST_SCHEMA}\"><Request><EMailAddress>a@b</EMailAddress></Request></Autodiscover>").into_bytes(),
            format!("<Autodiscover xmlns=\"{REQUEST_SCHEMA}\"><Request><AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema></Request></Autodiscover>").into_bytes(),
            format!("<Autodiscover xmlns=\"{REQUEST_SCHEMA}\"><Request><EMailAddress>&bogus;</EMailAddress><AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema></Request></Autodiscover>").into_bytes(),
            vec![0xff, 0xfe, 0x00],
            vec![b'<'; MAX_REQUEST + 1],
        ];
        for body in cases {
            let r = s.answer(&body, Some("1"), "http://h");
            assert!(
                matches!(r, Err(AutodiscoverError::Malformed(_))),
                "{:?} -> {r:?}",
                String::from_utf8_lossy(&body)
            );
        }
        let other_schema = request("alice@contoso.example").replace(
            RESPONSE_SCHEMA,
            "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006",
        );
        let e = s
            .answer(other_schema.as_bytes(), None, "http://h")
            .unwrap_err();
        assert_eq!(e.code(), 601);
        let n = nodes(&e.response_xml(1));
        assert_eq!(text(&n, "Autodiscover/Response/Error/ErrorCode"), ["601"]);
        let n = nodes(&AutodiscoverError::Malformed(String::new()).response_xml(1));
        assert_eq!(
            text(&n, "Autodiscover/Response/Error/Message"),
            ["Invalid Request"]
        );
    }

    #[test]
    fn xml_special_characters_are_escaped_in_answers() {
        let users = Users::from_toml(
            "domain = \"x.example\"\n[[user]]\nlogin = \"q\"\npassword = \"p\"\n\
             display_name = \"Q <&> \\\"Quote\\\"\"\n",
        )
        .unwrap();
        let s = Autodiscover::new(Arc::new(users));
        let n = nodes(
            &s.answer(request("q@x.example").as_bytes(), Some("1"), "http://h")
                .unwrap(),
        );
        assert_eq!(
            text(&n, "Autodiscover/Response/User/DisplayName"),
            ["Q <&> \"Quote\""]
        );
    }

    async fn http(addr: std::net::SocketAddr, raw: String) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(raw.as_bytes()).await.unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).await.unwrap();
        String::from_utf8(out).unwrap()
    }

    #[tokio::test]
    async fn router_requires_auth_and_answers_over_http() {
        let users = Arc::new(Users::demo_seeded(5));
        let auth = Arc::new(EmulatorAuth::new(users.clone(), AuthSchemes::all()));
        let offer = auth.offer();
        let app = router(
            Arc::new(Autodiscover::new(users.clone())),
            Some(AutodiscoverAuth {
                authenticator: auth,
                offer,
            }),
            None,
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let body = request("dave@contoso.example");
        let post = |auth: &str| {
            format!(
                "POST /Autodiscover/Autodiscover.xml HTTP/1.1\r\nHost: {addr}\r\n{auth}\
                 X-MapiHttpCapability: 1\r\nContent-Type: text/xml\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        };
        let r = http(addr, post("")).await;
        assert!(r.starts_with("HTTP/1.1 401"), "{r}");
        assert!(
            r.to_ascii_lowercase().contains("www-authenticate: ntlm"),
            "{r}"
        );
        let password = users.find_login("dave").unwrap().user.password.clone();
        use base64::Engine as _;
        let basic = base64::engine::general_purpose::STANDARD.encode(format!("dave:{password}"));
        let r = http(addr, post(&format!("Authorization: Basic {basic}\r\n"))).await;
        assert!(r.starts_with("HTTP/1.1 200"), "{r}");
        let xml = &r[r.find("<?xml").unwrap()..];
        let n = nodes(xml);
        let store = &text(
            &n,
            "Autodiscover/Response/Account/Protocol/MailStore/InternalUrl",
        )[0];
        assert!(
            store.starts_with(&format!("http://{addr}/mapi/emsmdb/?MailboxId=")),
            "{store}"
        );
        let wrong = base64::engine::general_purpose::STANDARD.encode("dave:nope");
        let r = http(addr, post(&format!("Authorization: Basic {wrong}\r\n"))).await;
        assert!(r.starts_with("HTTP/1.1 401"), "{r}");
        // GET is answered with Exchange's 600 after authentication.
        let r = http(
            addr,
            format!(
                "GET /autodiscover/autodiscover.xml HTTP/1.1\r\nHost: {addr}\r\n\
                 Authorization: Basic {basic}\r\nConnection: close\r\n\r\n"
            ),
        )
        .await;
        assert!(r.starts_with("HTTP/1.1 200"), "{r}");
        assert!(r.contains("<ErrorCode>600</ErrorCode>"), "{r}");
        server.abort();
    }
}
