//! POX Autodiscover, client side (MS-OXDSCLI): finding a mailbox's MAPI/HTTP endpoints from
//! an e-mail address.
//!
//! The protocol logic is sans-I/O: [`request_xml`] and [`request_headers`] build what is sent,
//! [`parse_response`] reads what comes back, and [`Discovery`] walks the candidate URLs and
//! redirects, handing out one [`Request`] at a time and taking the answer to it. [`drive`]
//! runs a walk with any way of sending a request; [`run`] is the thin driver over `reqwest`,
//! and `client::autodiscover_over` the one over a transport (which records and replays).
//!
//! What [`Discovery`] does (MS-OXDSCLI 3.1.5, with the URL list of MS-OXDISCO 3.1.5):
//! - tries `https://<domain>/autodiscover/autodiscover.xml`, then
//!   `https://autodiscover.<domain>/autodiscover/autodiscover.xml` (or a first URL injected
//!   with [`Discovery::with_first_url`], as an SCP lookup or a configured server would give);
//! - a candidate that fails at the HTTP level (connection error, a status other than 200, a
//!   body that is not an Autodiscover response) is skipped for the next one;
//! - an `Error` response, or settings without `Protocol Type="mapiHttp"`, is final: an
//!   Autodiscover server answered for the address;
//! - `redirectAddr` restarts the candidate list for the new address, `redirectUrl` and an
//!   HTTP 301/302/307/308 `Location` make that URL the next (and only) candidate; each counts
//!   one hop, more than `max_hops` (default 10, as the POX reference's "stop redirecting after
//!   10 redirects") ends with [`AutodiscoverError::TooManyRedirects`]; asking the same
//!   address at the same URL twice, or being redirected back to an address already asked
//!   for, ends with [`AutodiscoverError::RedirectLoop`].
//!
//! Left out, and why:
//! - the SCP lookup in Active Directory (MS-OXDISCO 3.1.5.1): needs LDAP and a domain-joined
//!   host; pass its result to [`Discovery::with_first_url`];
//! - the DNS SRV lookup of `_autodiscover._tcp.<domain>` (MS-OXDISCO 3.1.5.3): needs a DNS
//!   resolver this crate does not carry; its target can also be injected as a first URL;
//! - the unauthenticated HTTP GET of `http://autodiscover.<domain>/autodiscover/autodiscover.xml`
//!   looking for a 302 (MS-OXDISCO 3.1.5.4): an unencrypted step whose redirect a client must
//!   confirm with the user; not done automatically.
//!
//! Credentials: a [`Request`] says whether the credentials may go with it
//! ([`Request::authorize`]): only to hosts under the address's domain (or the injected first
//! URL's host). A redirect to another host gets the request without them, as browsers drop
//! `Authorization` across origins; such a server typically answers 401, and the next candidate
//! is tried.

use std::collections::{HashSet, VecDeque};

use quick_xml::escape::{escape, resolve_predefined_entity};
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// Namespace of the Outlook Autodiscover request (MS-OXDSCLI 2.2.3).
pub const REQUEST_SCHEMA: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
/// The response schema the request accepts (`AcceptableResponseSchema`, MS-OXDSCLI
/// 2.2.3.1.1.1).
pub const RESPONSE_SCHEMA: &str =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
/// The `X-MapiHttpCapability` value sent: the highest `mapiHttp` response version this client
/// reads (MS-OXDSCLI 2.2.2.1, 3.1.5.1 define version 1).
pub const MAPI_HTTP_CAPABILITY: &str = "1";
/// Default redirect hop limit.
pub const DEFAULT_MAX_HOPS: u32 = 10;
/// Longest response body accepted; real ones are a few KiB.
pub const MAX_RESPONSE: usize = 256 * 1024;
/// Deepest element nesting accepted in a response.
const MAX_DEPTH: usize = 32;

/// Why discovery failed. Never carries credentials.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AutodiscoverError {
    /// The address has no `@domain` part, so there is nowhere to look.
    #[error("not an e-mail address: {0:?}")]
    InvalidAddress(String),
    /// The server's `Error` response (MS-OXDSCLI 2.2.4.1.1.3): `ErrorCode` (500 "The email
    /// address can't be found.", 600 Invalid Request, 601 provider not available ...) and
    /// `Message`.
    #[error("autodiscover error {code}: {message}")]
    Server {
        /// `ErrorCode`.
        code: u32,
        /// `Message`.
        message: String,
    },
    /// The body is not a well-formed Autodiscover response.
    #[error("malformed autodiscover response: {0}")]
    Malformed(String),
    /// The body is larger than [`MAX_RESPONSE`].
    #[error("autodiscover response larger than {MAX_RESPONSE} bytes")]
    TooLarge,
    /// Settings without a `Protocol Type="mapiHttp"` holding a mailbox URL: the server (or
    /// the account) offers no MAPI/HTTP (MS-OXDSCLI 3.2.5.1).
    #[error("the autodiscover settings offer no MAPI/HTTP endpoint")]
    NoMapiHttp,
    /// More than the allowed number of redirects.
    #[error("more than {0} autodiscover redirects")]
    TooManyRedirects(u32),
    /// A redirect led back to an address (or address and URL) already asked.
    #[error("autodiscover redirect loop at {0}")]
    RedirectLoop(String),
    /// A redirect to a URL that is neither `https` nor on the origin that sent it.
    #[error("refused autodiscover redirect to {0}")]
    InsecureRedirect(String),
    /// An HTTP status other than 200 from one candidate.
    #[error("HTTP status {0}")]
    Http(u16),
    /// A connection-level failure from one candidate.
    #[error("transport error: {0}")]
    Transport(String),
    /// Every candidate failed; each URL with its failure, in order.
    #[error("no autodiscover candidate answered ({} tried)", .0.len())]
    AllCandidatesFailed(Vec<(String, AutodiscoverError)>),
    /// [`Discovery::on_response`] (or another `on_*`) without an outstanding request.
    #[error("no autodiscover request is outstanding")]
    NotWaiting,
}

/// The two URLs of one `mapiHttp` endpoint (MS-OXDSCLI 2.2.4.1.1.2.4.x: `InternalUrl`,
/// `ExternalUrl`), verbatim including `?MailboxId=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointUrls {
    /// `InternalUrl`.
    pub internal: Option<String>,
    /// `ExternalUrl`.
    pub external: Option<String>,
}

impl EndpointUrls {
    /// The URL to use from outside the organisation's network: `ExternalUrl`, else
    /// `InternalUrl`.
    pub fn preferred(&self) -> Option<&str> {
        self.external.as_deref().or(self.internal.as_deref())
    }
}

/// A settings answer (MS-OXDSCLI 2.2.4.1.1.1 `User`, 2.2.4.1.1.2 `Account`, and its
/// `Protocol Type="mapiHttp"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// `User/DisplayName`.
    pub display_name: Option<String>,
    /// `User/LegacyDN`.
    pub legacy_dn: Option<String>,
    /// `User/AutoDiscoverSMTPAddress`.
    pub smtp_address: Option<String>,
    /// `User/DeploymentId`.
    pub deployment_id: Option<String>,
    /// The `Version` attribute of the `mapiHttp` `Protocol`.
    pub mapi_http_version: Option<u32>,
    /// `MailStore` URLs (the EMSMDB endpoint).
    pub mailbox: EndpointUrls,
    /// `AddressBook` URLs (the NSPI endpoint).
    pub address_book: EndpointUrls,
}

/// What one Autodiscover response says (MS-OXDSCLI 2.2.4.1.1.2.1 `Action`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `settings`: the endpoints.
    Settings(Settings),
    /// `redirectAddr`: ask again for this address (`RedirectAddr`, 2.2.4.1.1.2.8).
    RedirectAddr(String),
    /// `redirectUrl`: ask this Autodiscover URL (`RedirectUrl`, 2.2.4.1.1.2.9).
    RedirectUrl(String),
}

/// The POX request body for `email` (MS-OXDSCLI 2.2.3): `EMailAddress` and
/// `AcceptableResponseSchema` [`RESPONSE_SCHEMA`] in [`REQUEST_SCHEMA`].
pub fn request_xml(email: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n\
         <Autodiscover xmlns=\"{REQUEST_SCHEMA}\">\r\n  <Request>\r\n    \
         <EMailAddress>{}</EMailAddress>\r\n    \
         <AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema>\r\n  \
         </Request>\r\n</Autodiscover>\r\n",
        escape(email)
    )
}

/// The request headers (MS-OXDSCLI 2.2.2): `Content-Type: text/xml`,
/// `X-MapiHttpCapability: 1` (2.2.2.1: ask for the `mapiHttp` protocol, version 1) and
/// `X-AnchorMailbox: <email>` (2.2.2.2: routes the request to the mailbox's server).
pub fn request_headers(email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", "text/xml".to_owned()),
        ("X-MapiHttpCapability", MAPI_HTTP_CAPABILITY.to_owned()),
        ("X-AnchorMailbox", email.to_owned()),
    ]
}

/// The domain part of `email`, lower-cased, if it has a plausible one.
fn domain_of(email: &str) -> Option<String> {
    let (local, domain) = email.trim().rsplit_once('@')?;
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let plausible = !local.is_empty()
        && !domain.is_empty()
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    plausible.then_some(domain)
}

/// The candidate Autodiscover URLs for `email`, in the order MS-OXDISCO 3.1.5.2 (which
/// MS-OXDSCLI 3.1.5 uses) derives them from the domain:
/// `https://<domain>/autodiscover/autodiscover.xml`, then
/// `https://autodiscover.<domain>/autodiscover/autodiscover.xml`. Empty when `email` has no
/// usable domain. The SCP, DNS SRV and HTTP-redirect steps are not done (see the module
/// documentation).
pub fn candidate_urls(email: &str) -> Vec<String> {
    match domain_of(email) {
        Some(d) => vec![
            format!("https://{d}/autodiscover/autodiscover.xml"),
            format!("https://autodiscover.{d}/autodiscover/autodiscover.xml"),
        ],
        None => Vec::new(),
    }
}

/// Text collected for the element being read.
fn push_ref(
    current: &mut String,
    r: &quick_xml::events::BytesRef<'_>,
) -> Result<(), AutodiscoverError> {
    if let Ok(Some(ch)) = r.resolve_char_ref() {
        current.push(ch);
        Ok(())
    } else if let Some(s) = resolve_predefined_entity(r) {
        current.push_str(s);
        Ok(())
    } else {
        Err(AutodiscoverError::Malformed("unknown entity".into()))
    }
}

/// An attribute's value by local name (prefixes ignored).
fn attribute(start: &BytesStart<'_>, name: &str) -> Result<Option<String>, AutodiscoverError> {
    for a in start.attributes() {
        let a = a.map_err(|e| AutodiscoverError::Malformed(e.to_string()))?;
        if a.key.local_name().as_ref() == name {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| AutodiscoverError::Malformed(e.to_string()))?;
            return Ok(Some(v.trim().to_owned()));
        }
    }
    Ok(None)
}

/// Whether `path` ends with `suffix`.
fn ends(path: &[String], suffix: &[&str]) -> bool {
    path.len() >= suffix.len()
        && path
            .iter()
            .rev()
            .zip(suffix.iter().rev())
            .all(|(a, b)| a == b)
}

/// Reads one Autodiscover response (MS-OXDSCLI 2.2.4).
///
/// Elements are matched by local name, so any namespace prefixes work; the root must be
/// `Autodiscover`. DTDs and entities other than the predefined ones are refused, bodies over
/// [`MAX_RESPONSE`] and nesting deeper than 32 too. An `Error` element (directly under
/// `Response`, or under `Account`) is returned as [`AutodiscoverError::Server`]; settings
/// without a `mapiHttp` `Protocol` holding a `MailStore` URL as
/// [`AutodiscoverError::NoMapiHttp`].
pub fn parse_response(xml: &[u8]) -> Result<Answer, AutodiscoverError> {
    let bad = |why: &str| AutodiscoverError::Malformed(why.to_owned());
    if xml.len() > MAX_RESPONSE {
        return Err(AutodiscoverError::TooLarge);
    }
    let text = std::str::from_utf8(xml).map_err(|_| bad("not UTF-8"))?;
    let mut reader = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut settings = Settings::default();
    let mut saw_root = false;
    // Depth of the `Protocol Type="mapiHttp"` element while inside it.
    let mut mapi_depth: Option<usize> = None;
    let mut saw_mapi = false;
    let mut saw_user = false;
    let mut action: Option<String> = None;
    let mut redirect_addr: Option<String> = None;
    let mut redirect_url: Option<String> = None;
    let mut error_code: Option<String> = None;
    let mut error_message: Option<String> = None;
    let mut saw_error = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| AutodiscoverError::Malformed(e.to_string()))?;
        match event {
            Event::Start(start) => {
                let local = start.local_name().as_ref().to_owned();
                if path.is_empty() {
                    if saw_root || local != "Autodiscover" {
                        return Err(bad("root is not Autodiscover"));
                    }
                    saw_root = true;
                }
                if path.len() >= MAX_DEPTH {
                    return Err(bad("nested too deeply"));
                }
                if local == "Protocol"
                    && mapi_depth.is_none()
                    && attribute(&start, "Type")?
                        .is_some_and(|t| t.eq_ignore_ascii_case("mapiHttp"))
                {
                    mapi_depth = Some(path.len());
                    saw_mapi = true;
                    settings.mapi_http_version =
                        attribute(&start, "Version")?.and_then(|v| v.parse().ok());
                }
                match local.as_str() {
                    "User" => saw_user = true,
                    "Error" => saw_error = true,
                    _ => {}
                }
                path.push(local);
                current.clear();
            }
            Event::Empty(start) => {
                if path.is_empty() {
                    return Err(bad("empty root"));
                }
                if start.local_name().as_ref() == "Error" {
                    saw_error = true;
                }
            }
            Event::Text(t) => current.push_str(&t.xml10_content()),
            Event::CData(c) => current.push_str(&c.xml10_content()),
            Event::GeneralRef(r) => push_ref(&mut current, &r)?,
            Event::End(_) => {
                let value = std::mem::take(&mut current).trim().to_owned();
                let v = || Some(value.clone()).filter(|s| !s.is_empty());
                let p = path.as_slice();
                if ends(p, &["User", "DisplayName"]) {
                    settings.display_name = v();
                } else if ends(p, &["User", "LegacyDN"]) {
                    settings.legacy_dn = v();
                } else if ends(p, &["User", "AutoDiscoverSMTPAddress"]) {
                    settings.smtp_address = v();
                } else if ends(p, &["User", "DeploymentId"]) {
                    settings.deployment_id = v();
                } else if ends(p, &["Account", "Action"]) {
                    action = v();
                } else if ends(p, &["Account", "RedirectAddr"]) {
                    redirect_addr = v();
                } else if ends(p, &["Account", "RedirectUrl"]) {
                    redirect_url = v();
                } else if ends(p, &["Error", "ErrorCode"]) {
                    error_code = v();
                } else if ends(p, &["Error", "Message"]) {
                    error_message = v();
                } else if mapi_depth.is_some() {
                    let slot = if ends(p, &["Protocol", "MailStore", "InternalUrl"]) {
                        Some(&mut settings.mailbox.internal)
                    } else if ends(p, &["Protocol", "MailStore", "ExternalUrl"]) {
                        Some(&mut settings.mailbox.external)
                    } else if ends(p, &["Protocol", "AddressBook", "InternalUrl"]) {
                        Some(&mut settings.address_book.internal)
                    } else if ends(p, &["Protocol", "AddressBook", "ExternalUrl"]) {
                        Some(&mut settings.address_book.external)
                    } else {
                        None
                    };
                    if let Some(slot) = slot {
                        *slot = v();
                    }
                }
                path.pop();
                if mapi_depth == Some(path.len()) {
                    mapi_depth = None;
                }
            }
            Event::DocType(_) => return Err(bad("DTDs are not accepted")),
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(bad("no Autodiscover element"));
    }
    if !path.is_empty() {
        return Err(bad("unclosed elements"));
    }
    if saw_error || error_code.is_some() {
        let code = error_code
            .as_deref()
            .and_then(|c| c.parse().ok())
            .ok_or_else(|| bad("Error without a numeric ErrorCode"))?;
        return Err(AutodiscoverError::Server {
            code,
            message: error_message.unwrap_or_default(),
        });
    }
    match action.as_deref() {
        Some(a) if a.eq_ignore_ascii_case("redirectAddr") => redirect_addr
            .map(Answer::RedirectAddr)
            .ok_or_else(|| bad("redirectAddr without RedirectAddr")),
        Some(a) if a.eq_ignore_ascii_case("redirectUrl") => redirect_url
            .map(Answer::RedirectUrl)
            .ok_or_else(|| bad("redirectUrl without RedirectUrl")),
        Some(a) if a.eq_ignore_ascii_case("settings") => settings_answer(saw_mapi, settings),
        Some(a) => Err(AutodiscoverError::Malformed(format!(
            "unknown Action {a:?}"
        ))),
        None if saw_user => settings_answer(saw_mapi, settings),
        None => Err(bad("neither Action, User nor Error")),
    }
}

fn settings_answer(saw_mapi: bool, settings: Settings) -> Result<Answer, AutodiscoverError> {
    if saw_mapi && settings.mailbox.preferred().is_some() {
        Ok(Answer::Settings(settings))
    } else {
        Err(AutodiscoverError::NoMapiHttp)
    }
}

/// One request [`Discovery`] wants sent: POST `body` to `url` with `headers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The Autodiscover URL.
    pub url: String,
    /// Header names and values ([`request_headers`]).
    pub headers: Vec<(&'static str, String)>,
    /// The XML body ([`request_xml`]).
    pub body: String,
    /// Whether the caller's credentials may be sent with it: the URL's host is the address's
    /// domain, a subdomain of it, or the host of the injected first URL.
    pub authorize: bool,
}

/// What [`Discovery`] says after an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Found: the endpoints.
    Done(Settings),
    /// Send [`Discovery::next_request`].
    Next,
    /// Discovery is over without settings.
    Failed(AutodiscoverError),
}

/// The sans-I/O discovery state machine (see the module documentation).
#[derive(Debug, Clone)]
pub struct Discovery {
    email: String,
    first_url: Option<String>,
    queue: VecDeque<String>,
    outstanding: Option<String>,
    hops: u32,
    max_hops: u32,
    asked: HashSet<(String, String)>,
    addresses: HashSet<String>,
    trusted_hosts: HashSet<String>,
    failures: Vec<(String, AutodiscoverError)>,
    finished: bool,
}

/// The lower-cased `scheme://host[:port]` of `url`, if it has one.
fn origin(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if authority.is_empty() {
        return None;
    }
    Some((scheme.to_ascii_lowercase(), authority.to_ascii_lowercase()))
}

/// The host of `url` without port.
fn host(url: &str) -> Option<String> {
    let (_, authority) = origin(url)?;
    if let Some(rest) = authority.strip_prefix('[') {
        return rest.split_once(']').map(|(h, _)| h.to_owned());
    }
    Some(
        authority
            .rsplit_once(':')
            .map_or(authority.as_str(), |(h, _)| h)
            .to_owned(),
    )
}

impl Discovery {
    /// Discovery for `email` over [`candidate_urls`], at most `max_hops` redirects.
    pub fn new(email: &str, max_hops: u32) -> Self {
        let mut d = Discovery {
            email: email.trim().to_owned(),
            first_url: None,
            queue: VecDeque::new(),
            outstanding: None,
            hops: 0,
            max_hops,
            asked: HashSet::new(),
            addresses: HashSet::new(),
            trusted_hosts: HashSet::new(),
            failures: Vec::new(),
            finished: false,
        };
        d.restart();
        d
    }

    /// Puts `url` before the derived candidates (an SCP result, a configured server, or a
    /// test server); its host is trusted with credentials. Also kept first after a
    /// `redirectAddr`.
    pub fn with_first_url(mut self, url: &str) -> Self {
        self.first_url = Some(url.to_owned());
        self.restart();
        self
    }

    /// The address being looked up now (changes on `redirectAddr`).
    pub fn email(&self) -> &str {
        &self.email
    }

    /// Redirects followed so far.
    pub fn hops(&self) -> u32 {
        self.hops
    }

    fn restart(&mut self) {
        self.addresses.insert(self.email.to_lowercase());
        self.queue.clear();
        self.trusted_hosts.clear();
        if let Some(d) = domain_of(&self.email) {
            self.trusted_hosts.insert(d);
        }
        if let Some(first) = &self.first_url {
            if let Some(h) = host(first) {
                self.trusted_hosts.insert(h);
            }
            self.queue.push_back(first.clone());
        }
        self.queue.extend(candidate_urls(&self.email));
    }

    fn trusted(&self, url: &str) -> bool {
        host(url).is_some_and(|h| {
            self.trusted_hosts
                .iter()
                .any(|t| h == *t || h.ends_with(&format!(".{t}")))
        })
    }

    /// The next request to send, or `None` when discovery has ended (or a request is still
    /// outstanding).
    pub fn next_request(&mut self) -> Option<Request> {
        if self.finished || self.outstanding.is_some() {
            return None;
        }
        while let Some(url) = self.queue.pop_front() {
            let key = (self.email.to_lowercase(), url.clone());
            if !self.asked.insert(key) {
                continue; // already asked there for this address
            }
            self.outstanding = Some(url.clone());
            return Some(Request {
                authorize: self.trusted(&url),
                headers: request_headers(&self.email),
                body: request_xml(&self.email),
                url,
            });
        }
        None
    }

    fn finish(&mut self, e: AutodiscoverError) -> Step {
        self.finished = true;
        self.queue.clear();
        Step::Failed(e)
    }

    /// Records a failure of the outstanding URL and moves on to the next candidate.
    fn skip(&mut self, url: String, e: AutodiscoverError) -> Step {
        self.failures.push((url, e));
        if self.queue.is_empty() {
            let failures = std::mem::take(&mut self.failures);
            self.finish(AutodiscoverError::AllCandidatesFailed(failures))
        } else {
            Step::Next
        }
    }

    fn hop(&mut self) -> Option<Step> {
        self.hops = self.hops.saturating_add(1);
        (self.hops > self.max_hops)
            .then(|| self.finish(AutodiscoverError::TooManyRedirects(self.max_hops)))
    }

    fn redirect_to_url(&mut self, from: &str, to: String) -> Step {
        if let Some(s) = self.hop() {
            return s;
        }
        let secure = origin(&to).is_some_and(|(scheme, _)| scheme == "https");
        if !secure && origin(&to).is_none_or(|o| Some(o) != origin(from)) {
            return self.finish(AutodiscoverError::InsecureRedirect(to));
        }
        if self
            .asked
            .contains(&(self.email.to_lowercase(), to.clone()))
        {
            return self.finish(AutodiscoverError::RedirectLoop(to));
        }
        self.queue.clear();
        self.queue.push_back(to);
        Step::Next
    }

    /// The answer to the outstanding request: HTTP `status` and the body.
    pub fn on_response(&mut self, status: u16, body: &[u8]) -> Step {
        let Some(url) = self.outstanding.take() else {
            return Step::Failed(AutodiscoverError::NotWaiting);
        };
        if self.finished {
            return Step::Failed(AutodiscoverError::NotWaiting);
        }
        if status != 200 {
            return self.skip(url, AutodiscoverError::Http(status));
        }
        match parse_response(body) {
            Ok(Answer::Settings(s)) => {
                self.finished = true;
                Step::Done(s)
            }
            Ok(Answer::RedirectAddr(addr)) => {
                if let Some(s) = self.hop() {
                    return s;
                }
                if self.addresses.contains(&addr.trim().to_lowercase()) {
                    return self.finish(AutodiscoverError::RedirectLoop(addr));
                }
                if domain_of(&addr).is_none() {
                    return self.finish(AutodiscoverError::InvalidAddress(addr));
                }
                self.email = addr.trim().to_owned();
                self.restart();
                Step::Next
            }
            Ok(Answer::RedirectUrl(to)) => self.redirect_to_url(&url, to),
            Err(e @ (AutodiscoverError::Server { .. } | AutodiscoverError::NoMapiHttp)) => {
                self.finish(e)
            }
            Err(e) => self.skip(url, e),
        }
    }

    /// An HTTP redirect (301, 302, 307, 308) of the outstanding request to `location`
    /// (absolute, or a path on the same origin): treated as a `redirectUrl` (MS-OXDSCLI
    /// 3.2.5: servers SHOULD redirect with 302).
    pub fn on_http_redirect(&mut self, location: &str) -> Step {
        let Some(url) = self.outstanding.take() else {
            return Step::Failed(AutodiscoverError::NotWaiting);
        };
        let to = if location.starts_with('/') {
            match origin(&url) {
                Some((scheme, authority)) => format!("{scheme}://{authority}{location}"),
                None => return self.skip(url, AutodiscoverError::Http(302)),
            }
        } else {
            location.to_owned()
        };
        self.redirect_to_url(&url, to)
    }

    /// A connection-level failure of the outstanding request (DNS, TLS, refused, timeout):
    /// the next candidate is tried.
    pub fn on_transport_error(&mut self, error: &str) -> Step {
        let Some(url) = self.outstanding.take() else {
            return Step::Failed(AutodiscoverError::NotWaiting);
        };
        self.skip(url, AutodiscoverError::Transport(error.to_owned()))
    }
}

/// Runs [`Discovery::new`]`(email, max_hops)` over `transport_client`; see [`run`].
pub async fn discover(
    transport_client: &reqwest::Client,
    email: &str,
    authorization: Option<String>,
    max_hops: u32,
) -> Result<Settings, AutodiscoverError> {
    run(
        transport_client,
        Discovery::new(email, max_hops),
        authorization,
    )
    .await
}

/// What came back for one [`Request`], as [`drive`] takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// An HTTP response: its status, its `Location` header, its body (read up to one byte
    /// over [`MAX_RESPONSE`]; empty for a redirect).
    Response {
        /// The HTTP status.
        status: u16,
        /// The `Location` header, if any.
        location: Option<String>,
        /// The body.
        body: Vec<u8>,
    },
    /// No response: why (never with credentials in it).
    Failed(String),
}

/// Drives `discovery` to its end with `send`, which sends one [`Request`] (with the caller's
/// credentials only where [`Request::authorize`] says so) and gives what came back. The walk
/// is the same whatever moves the bytes: [`run`] over reqwest, or any transport of the
/// `client` layer (`mapi_http::client::autodiscover_over`, which records and replays).
pub async fn drive<F, Fut>(
    mut discovery: Discovery,
    mut send: F,
) -> Result<Settings, AutodiscoverError>
where
    F: FnMut(Request) -> Fut,
    Fut: std::future::Future<Output = Reply>,
{
    while let Some(request) = discovery.next_request() {
        let step = match send(request).await {
            Reply::Failed(e) => discovery.on_transport_error(&e),
            Reply::Response {
                status: 301 | 302 | 307 | 308,
                location: Some(location),
                ..
            } => discovery.on_http_redirect(&location),
            Reply::Response { status, body, .. } => discovery.on_response(status, &body),
        };
        match step {
            Step::Done(settings) => return Ok(settings),
            Step::Failed(e) => return Err(e),
            Step::Next => {}
        }
    }
    Err(match domain_of(discovery.email()) {
        None => AutodiscoverError::InvalidAddress(discovery.email().to_owned()),
        Some(_) => AutodiscoverError::AllCandidatesFailed(Vec::new()),
    })
}

/// The request type a [`Request`] travels as over a transport that takes MAPI/HTTP request
/// types (it sends no `X-RequestType` header; recordings and replays tell it by this name).
pub const REQUEST_TYPE: &str = "Autodiscover";

/// Drives `discovery` to its end over reqwest: POSTs each [`Request`], with `authorization`
/// as the `Authorization` header value (marked sensitive, never logged or put in an error)
/// where [`Request::authorize`] allows.
///
/// Build `transport_client` with `reqwest::redirect::Policy::none()`: reqwest's default
/// policy turns a redirected POST into a GET and carries no hop count; with redirects off,
/// 301/302/307/308 reach [`Discovery::on_http_redirect`]. Timeouts are the client's.
pub async fn run(
    transport_client: &reqwest::Client,
    discovery: Discovery,
    authorization: Option<String>,
) -> Result<Settings, AutodiscoverError> {
    let authorization = match authorization {
        Some(a) => {
            let mut v = reqwest::header::HeaderValue::from_str(&a).map_err(|_| {
                AutodiscoverError::Transport("Authorization value is not a valid header".into())
            })?;
            v.set_sensitive(true);
            Some(v)
        }
        None => None,
    };
    let authorization = authorization.as_ref();
    drive(discovery, |request| async move {
        let mut builder = transport_client.post(&request.url);
        for (name, value) in &request.headers {
            builder = builder.header(*name, value.as_str());
        }
        if request.authorize
            && let Some(a) = authorization
        {
            builder = builder.header(reqwest::header::AUTHORIZATION, a.clone());
        }
        let response = match builder.body(request.body).send().await {
            Err(e) => return Reply::Failed(e.without_url().to_string()),
            Ok(r) => r,
        };
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if matches!(status, 301 | 302 | 307 | 308) && location.is_some() {
            return Reply::Response {
                status,
                location,
                body: Vec::new(),
            };
        }
        match read_bounded(response).await {
            Ok(body) => Reply::Response {
                status,
                location,
                body,
            },
            Err(e) => Reply::Failed(e),
        }
    })
    .await
}

/// The body, at most one byte over [`MAX_RESPONSE`] (which the parser then refuses).
async fn read_bounded(mut response: reqwest::Response) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| e.without_url().to_string())?
    {
        let room = (MAX_RESPONSE + 1).saturating_sub(body.len());
        body.extend_from_slice(chunk.get(..room.min(chunk.len())).unwrap_or_default());
        if body.len() > MAX_RESPONSE {
            break;
        }
    }
    Ok(body)
}

#[cfg(feature = "fuzzing")]
pub mod fuzz;

#[cfg(all(test, feature = "emulator"))]
mod tests;
