//! What a recording must not keep: credentials and session cookies.
//!
//! Credentials become a marker; cookie values become tokens, the same value always the same
//! token (in `Cookie` and `Set-Cookie` alike), so a replay hands the client the tokens and
//! the client sends them back as the recording expects.

use std::collections::HashMap;

/// What replaces a credential in a recording: the transport's marker, so a header it already
/// redacted reads the same.
pub use crate::transport::REDACTED;

/// Headers whose whole value (after the scheme word) is a credential.
const CREDENTIAL_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "www-authenticate",
    "proxy-authenticate",
];

/// Replaces secrets and cookie values; one per recording, so tokens stay consistent.
#[derive(Default)]
pub struct Masker {
    secrets: Vec<String>,
    cookies: HashMap<String, String>,
}

impl std::fmt::Debug for Masker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Masker")
            .field("secrets", &self.secrets.len())
            .field("cookies", &self.cookies.len())
            .finish()
    }
}

impl Masker {
    /// A masker with no secrets known yet.
    pub fn new() -> Self {
        Masker::default()
    }

    /// Also scrub `secret` (a password, a token) wherever it appears: header values, URLs and
    /// bodies (as UTF-8 and as UTF-16LE). Empty strings are ignored.
    pub fn add_secret(&mut self, secret: &str) {
        if !secret.is_empty() && !self.secrets.iter().any(|s| s == secret) {
            self.secrets.push(secret.to_owned());
        }
    }

    /// The token standing for cookie value `value`.
    pub fn cookie_token(&mut self, value: &str) -> String {
        let next = self.cookies.len() + 1;
        self.cookies
            .entry(value.to_owned())
            .or_insert_with(|| format!("masked-{next}"))
            .clone()
    }

    /// Text with every known secret replaced by the marker.
    pub fn scrub_text(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for s in &self.secrets {
            if out.contains(s.as_str()) {
                out = out.replace(s.as_str(), REDACTED);
            }
        }
        out
    }

    /// Bytes with every known secret overwritten by `*` (UTF-8) or `*\0` (UTF-16LE) of the
    /// same length, so binary structures keep their layout.
    pub fn scrub_bytes(&self, bytes: &mut [u8]) {
        for s in &self.secrets {
            overwrite(bytes, s.as_bytes(), b"*");
            let wide: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
            overwrite(bytes, &wide, b"*\0");
        }
    }

    /// The recorded form of a header: credentials become the marker (the scheme word stays,
    /// it says how the client authenticated), cookies become tokens, secrets are scrubbed.
    pub fn header(&mut self, name: &str, value: &str) -> String {
        let lower = name.to_ascii_lowercase();
        if CREDENTIAL_HEADERS.contains(&lower.as_str()) {
            return match value.split_once(' ') {
                Some((scheme, rest)) if !rest.trim().is_empty() => {
                    // A challenge with only parameters (Basic realm=...) is no secret.
                    if scheme.eq_ignore_ascii_case("basic") && rest.contains("realm=") {
                        self.scrub_text(value)
                    } else {
                        format!("{scheme} {REDACTED}")
                    }
                }
                _ if lower.ends_with("authenticate") => self.scrub_text(value),
                _ => REDACTED.to_owned(),
            };
        }
        match lower.as_str() {
            "cookie" => self.cookie_header(value),
            "set-cookie" => self.set_cookie_header(value),
            _ => self.scrub_text(value),
        }
    }

    /// `a=1; b=2` with each value replaced by its token.
    pub fn cookie_header(&mut self, value: &str) -> String {
        value
            .split(';')
            .map(|pair| {
                let pair = pair.trim();
                match pair.split_once('=') {
                    Some((n, v)) => format!("{n}={}", self.cookie_token(v.trim())),
                    None => pair.to_owned(),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// `name=value; Path=/; HttpOnly` with the value replaced by its token.
    pub fn set_cookie_header(&mut self, value: &str) -> String {
        let (first, attributes) = match value.split_once(';') {
            Some((f, a)) => (f, Some(a)),
            None => (value, None),
        };
        let first = match first.split_once('=') {
            Some((n, v)) => format!("{}={}", n.trim(), self.cookie_token(v.trim())),
            None => first.to_owned(),
        };
        match attributes {
            Some(a) => format!("{first};{}", self.scrub_text(a)),
            None => first,
        }
    }
}

fn overwrite(haystack: &mut [u8], needle: &[u8], fill: &[u8]) {
    if needle.is_empty() || needle.len() > haystack.len() {
        return;
    }
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        if haystack.get(i..i + needle.len()) == Some(needle) {
            for (k, b) in haystack.iter_mut().skip(i).take(needle.len()).enumerate() {
                *b = fill.get(k % fill.len()).copied().unwrap_or(b'*');
            }
            i += needle.len();
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_become_the_marker_keeping_the_scheme() {
        let mut m = Masker::new();
        assert_eq!(
            m.header("Authorization", "Basic YWxpY2U6c2VjcmV0"),
            "Basic [REDACTED]"
        );
        assert_eq!(m.header("authorization", "opaque"), REDACTED);
        assert_eq!(
            m.header("WWW-Authenticate", "NTLM TlRMTVNTUAACAAAA"),
            "NTLM [REDACTED]"
        );
        assert_eq!(
            m.header("WWW-Authenticate", "Basic realm=\"x\""),
            "Basic realm=\"x\""
        );
        assert_eq!(m.header("WWW-Authenticate", "NTLM"), "NTLM");
    }

    #[test]
    fn the_same_cookie_value_is_the_same_token_everywhere() {
        let mut m = Masker::new();
        let set = m.set_cookie_header("sid=abc123; path=/; HttpOnly");
        assert_eq!(set, "sid=masked-1; path=/; HttpOnly");
        let set2 = m.set_cookie_header("sequence=xyz");
        assert_eq!(set2, "sequence=masked-2");
        assert_eq!(
            m.cookie_header("sid=abc123; sequence=xyz"),
            "sid=masked-1; sequence=masked-2"
        );
    }

    #[test]
    fn secrets_are_scrubbed_from_text_and_bytes_keeping_lengths() {
        let mut m = Masker::new();
        m.add_secret("hunter2");
        assert_eq!(m.scrub_text("pw=hunter2&x"), "pw=[REDACTED]&x");
        let mut body = b"..hunter2..".to_vec();
        body.extend("hunter2".encode_utf16().flat_map(u16::to_le_bytes));
        let len = body.len();
        m.scrub_bytes(&mut body);
        assert_eq!(body.len(), len);
        assert!(!body.windows(7).any(|w| w == b"hunter2"));
        assert!(body.starts_with(b"..*******.."));
        assert_eq!(&body[11..13], b"*\0");
    }
}
