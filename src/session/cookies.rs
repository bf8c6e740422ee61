//! The cookies of one session context, kept as the server set them.
//!
//! MS-OXCMAPIHTTP 3.1.5.1: the client stores every cookie a response sets, associates them with
//! the Session Context, and sends all of them on the next request of that context. Servers
//! name them differently (Exchange's `MapiContext`/`MapiSequence`, others `sid`/`sequence`),
//! so the jar knows no names: it replaces by name and sends everything back.

use std::fmt;

/// Most cookies one session context may hold. A server that sets more is hostile or broken;
/// refusing keeps memory bounded.
pub const MAX_COOKIES: usize = 32;
/// Longest `name=value` pair accepted, in bytes (browsers use 4096).
pub const MAX_COOKIE_LEN: usize = 4096;

/// Why a `Set-Cookie` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CookieError {
    /// The header is not `name=value[; attributes]`.
    #[error("Set-Cookie header is not a name=value pair")]
    Malformed,
    /// The pair is longer than [`MAX_COOKIE_LEN`].
    #[error("Set-Cookie pair of {len} bytes exceeds {MAX_COOKIE_LEN}")]
    TooLong {
        /// Its length.
        len: usize,
    },
    /// Storing it would exceed [`MAX_COOKIES`].
    #[error("more than {MAX_COOKIES} cookies set for one session context")]
    TooMany,
}

/// The cookies of one session context, in the order first set.
///
/// Values identify a server session, so `Debug` shows names only.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CookieJar {
    cookies: Vec<(String, String)>,
}

impl fmt::Debug for CookieJar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.cookies.iter().map(|(n, _)| n))
            .finish()
    }
}

impl CookieJar {
    /// An empty jar.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies one `Set-Cookie` header value: sets or replaces the cookie, or removes it when
    /// the server expires it (`Max-Age=0` or a negative Max-Age). Path, Domain and the other
    /// attributes are ignored: the jar belongs to one endpoint and one session context.
    pub fn apply_set_cookie(&mut self, header: &str) -> Result<(), CookieError> {
        let pair = header.split(';').next().unwrap_or_default().trim();
        if pair.len() > MAX_COOKIE_LEN {
            return Err(CookieError::TooLong { len: pair.len() });
        }
        let (name, value) = pair.split_once('=').ok_or(CookieError::Malformed)?;
        let name = name.trim();
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(CookieError::Malformed);
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        if !value.bytes().all(is_cookie_octet) {
            return Err(CookieError::Malformed);
        }
        let expired = header.split(';').skip(1).any(|attr| {
            let (k, v) = attr.split_once('=').unwrap_or((attr, ""));
            k.trim().eq_ignore_ascii_case("max-age")
                && v.trim().parse::<i64>().is_ok_and(|age| age <= 0)
        });
        let existing = self.cookies.iter().position(|(n, _)| n == name);
        match (existing, expired) {
            (Some(i), true) => {
                self.cookies.remove(i);
            }
            (None, true) => {}
            (Some(i), false) => {
                if let Some(slot) = self.cookies.get_mut(i) {
                    slot.1 = value.to_owned();
                }
            }
            (None, false) => {
                if self.cookies.len() >= MAX_COOKIES {
                    return Err(CookieError::TooMany);
                }
                self.cookies.push((name.to_owned(), value.to_owned()));
            }
        }
        Ok(())
    }

    /// The value of cookie `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Number of cookies held.
    pub fn len(&self) -> usize {
        self.cookies.len()
    }

    /// Whether the jar is empty (no Connect/Bind answered yet).
    pub fn is_empty(&self) -> bool {
        self.cookies.is_empty()
    }

    /// Forgets every cookie (the session context is gone).
    pub fn clear(&mut self) {
        self.cookies.clear();
    }

    /// The `Cookie` request header value (`a=1; b=2`), or `None` when the jar is empty.
    pub fn header_value(&self) -> Option<String> {
        if self.cookies.is_empty() {
            return None;
        }
        let mut out = String::new();
        for (i, (name, value)) in self.cookies.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(name);
            out.push('=');
            out.push_str(value);
        }
        Some(out)
    }
}

/// RFC 6265 4.1.1 cookie-name is an RFC 2616 token.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b)
}

/// RFC 6265 4.1.1 cookie-octet.
fn is_cookie_octet(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_by_name_and_sends_all_back() {
        let mut jar = CookieJar::new();
        jar.apply_set_cookie("sid=abc").unwrap();
        jar.apply_set_cookie("sequence=1; path=/").unwrap();
        jar.apply_set_cookie("sequence=2").unwrap();
        assert_eq!(jar.header_value().as_deref(), Some("sid=abc; sequence=2"));
        assert_eq!(jar.get("sequence"), Some("2"));
    }

    #[test]
    fn max_age_zero_removes() {
        let mut jar = CookieJar::new();
        jar.apply_set_cookie("MapiContext=x").unwrap();
        jar.apply_set_cookie("MapiContext=; Max-Age=0").unwrap();
        assert!(jar.is_empty());
        assert_eq!(jar.header_value(), None);
    }

    #[test]
    fn quoted_values_are_unquoted() {
        let mut jar = CookieJar::new();
        jar.apply_set_cookie("a=\"q\"").unwrap();
        assert_eq!(jar.get("a"), Some("q"));
    }

    #[test]
    fn malformed_and_oversized_are_refused() {
        let mut jar = CookieJar::new();
        assert_eq!(jar.apply_set_cookie("novalue"), Err(CookieError::Malformed));
        assert_eq!(jar.apply_set_cookie("=v"), Err(CookieError::Malformed));
        assert_eq!(jar.apply_set_cookie("a=b c"), Err(CookieError::Malformed));
        let long = format!("a={}", "x".repeat(MAX_COOKIE_LEN));
        assert!(matches!(
            jar.apply_set_cookie(&long),
            Err(CookieError::TooLong { .. })
        ));
        assert!(jar.is_empty());
    }

    #[test]
    fn thousands_of_cookies_stay_bounded() {
        let mut jar = CookieJar::new();
        let mut refused = 0;
        for i in 0..5000 {
            if jar.apply_set_cookie(&format!("c{i}=v")) == Err(CookieError::TooMany) {
                refused += 1;
            }
        }
        assert_eq!(jar.len(), MAX_COOKIES);
        assert_eq!(refused, 5000 - MAX_COOKIES);
    }

    #[test]
    fn debug_hides_values() {
        let mut jar = CookieJar::new();
        jar.apply_set_cookie("sid=secret-session").unwrap();
        let shown = format!("{jar:?}");
        assert!(shown.contains("sid"));
        assert!(!shown.contains("secret-session"));
    }
}
