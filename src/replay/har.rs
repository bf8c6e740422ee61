//! The HTTP Archive 1.2 model (the W3C Web Performance working group's HAR 1.2 draft, as
//! Fiddler, browsers and mitmproxy export it), restricted to what a MAPI/HTTP conversation
//! needs and keeping every field it does not know (`_chunks`, `_error`, ...) so a file read and
//! written again loses nothing.
//!
//! Bodies are kept as the HAR `text` plus its `encoding`: `"base64"` for binary bodies (every
//! MAPI/HTTP body), absent for text.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::wire::primitives::civil_from_days;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Unknown members of a HAR object, kept as they were read (custom fields start with `_`).
pub type Extra = Map<String, Value>;

/// The root of a HAR file: `{"log": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Har {
    /// The archive.
    pub log: Log,
}

/// HAR 1.2 `log`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Log {
    /// Format version, `"1.2"`.
    pub version: String,
    /// The program that wrote the file.
    pub creator: Creator,
    /// The program that made the requests, when another one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<Creator>,
    /// Pages (none for MAPI/HTTP; kept when present).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Value>,
    /// The exchanges, in the order they started.
    pub entries: Vec<Entry>,
    /// What the conversation is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Members this model does not name.
    #[serde(flatten)]
    pub extra: Extra,
}

/// HAR 1.2 `creator` / `browser`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Creator {
    /// Program name.
    pub name: String,
    /// Program version.
    pub version: String,
    /// Members this model does not name.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One HTTP exchange (HAR 1.2 `entries[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// When the request started, ISO 8601 with milliseconds and offset.
    pub started_date_time: String,
    /// Total elapsed milliseconds.
    pub time: f64,
    /// The request.
    pub request: Request,
    /// The response (status 0 when none arrived; `_error` then says why).
    pub response: Response,
    /// Cache information (always empty here; HAR 1.2 requires the object).
    #[serde(default = "empty_object")]
    pub cache: Value,
    /// Phase durations.
    pub timings: Timings,
    /// The server's IP address, when known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "serverIPAddress"
    )]
    pub server_ip_address: Option<String>,
    /// Names the TCP connection: equal values mean the same keep-alive connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
    /// What the step is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Members this model does not name.
    #[serde(flatten)]
    pub extra: Extra,
}

/// HAR 1.2 `request`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// `POST` for every MAPI/HTTP request.
    pub method: String,
    /// The absolute URL.
    pub url: String,
    /// `HTTP/1.1`.
    pub http_version: String,
    /// Headers in order, duplicates kept.
    pub headers: Vec<NameValue>,
    /// Cookies sent (parsed from `Cookie`).
    #[serde(default)]
    pub cookies: Vec<Cookie>,
    /// The URL's query parameters.
    #[serde(default)]
    pub query_string: Vec<NameValue>,
    /// The body, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_data: Option<PostData>,
    /// Header bytes, -1 when unknown.
    #[serde(default = "unknown")]
    pub headers_size: i64,
    /// Body bytes, -1 when unknown.
    #[serde(default = "unknown")]
    pub body_size: i64,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Members this model does not name.
    #[serde(flatten)]
    pub extra: Extra,
}

/// HAR 1.2 `response`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    /// HTTP status; 0 when no response arrived.
    pub status: u16,
    /// Reason phrase.
    #[serde(default)]
    pub status_text: String,
    /// `HTTP/1.1`.
    #[serde(default)]
    pub http_version: String,
    /// Headers in wire order, duplicates kept (servers send several `Set-Cookie`).
    pub headers: Vec<NameValue>,
    /// Cookies set (parsed from `Set-Cookie`).
    #[serde(default)]
    pub cookies: Vec<Cookie>,
    /// The de-chunked body as it came on the wire.
    pub content: Content,
    /// The `Location` header, or empty.
    #[serde(default, rename = "redirectURL")]
    pub redirect_url: String,
    /// Header bytes, -1 when unknown.
    #[serde(default = "unknown")]
    pub headers_size: i64,
    /// Body bytes on the wire, -1 when unknown.
    #[serde(default = "unknown")]
    pub body_size: i64,
    /// Notes (other recorders put their own decoding here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Members this model does not name.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A header or query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameValue {
    /// Name as sent.
    pub name: String,
    /// Value as sent (masked where secret).
    pub value: String,
}

/// HAR 1.2 `cookies[]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cookie {
    /// Cookie name.
    pub name: String,
    /// Cookie value (masked by this crate's recorder).
    pub value: String,
    /// `Path` attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `Domain` attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// `HttpOnly` attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_only: Option<bool>,
    /// `Secure` attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure: Option<bool>,
}

/// HAR 1.2 `postData`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostData {
    /// The request's Content-Type.
    pub mime_type: String,
    /// The body: base64 when `encoding` says so, else the text itself.
    #[serde(default)]
    pub text: String,
    /// `"base64"` for binary bodies (a common extension of HAR 1.2 for `postData`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// HAR 1.2 `content`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    /// Length of the decoded body.
    pub size: i64,
    /// The response's Content-Type.
    #[serde(default)]
    pub mime_type: String,
    /// The body: base64 when `encoding` says so, else the text itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `"base64"` for binary bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Members this model does not name.
    #[serde(flatten)]
    pub extra: Extra,
}

/// HAR 1.2 `timings`, in milliseconds; -1 where not applicable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// Waiting for a connection.
    #[serde(default = "unknown_f")]
    pub blocked: f64,
    /// DNS resolution.
    #[serde(default = "unknown_f")]
    pub dns: f64,
    /// TCP connect.
    #[serde(default = "unknown_f")]
    pub connect: f64,
    /// Sending the request.
    pub send: f64,
    /// Waiting for the first response byte.
    pub wait: f64,
    /// Reading the response.
    pub receive: f64,
    /// TLS handshake.
    #[serde(default = "unknown_f")]
    pub ssl: f64,
}

fn empty_object() -> Value {
    Value::Object(Map::new())
}

fn unknown() -> i64 {
    -1
}

fn unknown_f() -> f64 {
    -1.0
}

/// Why a HAR body could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what}: {reason}")]
pub struct BodyError {
    /// Which body.
    pub what: &'static str,
    /// What was wrong.
    pub reason: String,
}

fn decode_text(
    what: &'static str,
    text: &str,
    encoding: Option<&str>,
) -> Result<Vec<u8>, BodyError> {
    match encoding {
        Some(e) if e.eq_ignore_ascii_case("base64") => base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map_err(|err| BodyError {
                what,
                reason: format!("bad base64: {err}"),
            }),
        None | Some("") => Ok(text.as_bytes().to_vec()),
        Some(other) => Err(BodyError {
            what,
            reason: format!("unknown encoding {other:?}"),
        }),
    }
}

/// The base64 text of `bytes`.
pub fn base64_of(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

impl Request {
    /// The raw request body (empty when there is none).
    pub fn body(&self) -> Result<Vec<u8>, BodyError> {
        match &self.post_data {
            None => Ok(Vec::new()),
            Some(p) => decode_text("request body", &p.text, p.encoding.as_deref()),
        }
    }

    /// The value of header `name` (ASCII case-insensitive), the first if repeated.
    pub fn header(&self, name: &str) -> Option<&str> {
        header_in(&self.headers, name)
    }
}

impl Response {
    /// The raw response body as it came on the wire (meta-tags included).
    pub fn body(&self) -> Result<Vec<u8>, BodyError> {
        match &self.content.text {
            None => Ok(Vec::new()),
            Some(t) => decode_text("response body", t, self.content.encoding.as_deref()),
        }
    }

    /// The value of header `name` (ASCII case-insensitive), the last if repeated.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .rev()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }
}

fn header_in<'a>(headers: &'a [NameValue], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

impl Har {
    /// An empty archive written by this crate.
    pub fn new(comment: Option<String>) -> Self {
        Har {
            log: Log {
                version: "1.2".into(),
                creator: Creator {
                    name: env!("CARGO_PKG_NAME").into(),
                    version: env!("CARGO_PKG_VERSION").into(),
                    extra: Extra::new(),
                },
                browser: None,
                pages: Vec::new(),
                entries: Vec::new(),
                comment,
                extra: Extra::new(),
            },
        }
    }

    /// Parses a HAR file's text.
    pub fn from_json(text: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(text)
    }

    /// The file's text, pretty-printed.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

/// `time` as ISO 8601 UTC with milliseconds (`2026-11-22T04:16:18.736Z`), as HAR 1.2 wants
/// `startedDateTime`.
pub fn iso8601(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO);
    let secs = since.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60,
        since.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso8601_utc() {
        let t = UNIX_EPOCH + Duration::from_millis(1_795_321_778_736);
        assert_eq!(iso8601(t), "2026-11-22T04:29:38.736Z");
        assert_eq!(iso8601(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(iso8601(leap), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn a_foreign_recording_reads_and_keeps_its_custom_fields() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/gromox/session-logon.har"
        );
        let text = std::fs::read(path).unwrap();
        let har = Har::from_json(&text).unwrap();
        assert_eq!(har.log.entries.len(), 5);
        let e = &har.log.entries[1];
        assert_eq!(e.request.header("x-requesttype"), Some("Execute"));
        assert_eq!(e.request.body().unwrap().len(), 153);
        assert!(e.response.body().unwrap().starts_with(b"PROCESSING\r\n"));
        assert!(e.response.extra.contains_key("_chunks"));
        // Read, written and read again: nothing lost.
        let again = Har::from_json(har.to_json().unwrap().as_bytes()).unwrap();
        assert_eq!(again, har);
    }
}
