//! Header names and the `{GUID}:counter` values of MS-OXCMAPIHTTP 2.2.3.

use std::fmt;

use serde::{Serialize, Serializer};
use uuid::Uuid;

/// Request and response: the request type (2.2.3.1); see [`super::RequestType`].
pub const X_REQUEST_TYPE: &str = "X-RequestType";
/// Request and response: one GUID per Session Context plus a counter that grows by one per
/// request (2.2.3.1); see [`RequestId`].
pub const X_REQUEST_ID: &str = "X-RequestId";
/// Request and response: one GUID per client instance plus a counter per new Session Context
/// (2.2.3.1); see [`RequestId`].
pub const X_CLIENT_INFO: &str = "X-ClientInfo";
/// Request: the client's name and version, e.g. `Outlook/16.0.18025.20000` (2.2.3.1).
pub const X_CLIENT_APPLICATION: &str = "X-ClientApplication";
/// Request: a description of the client device (2.2.3.1).
pub const X_DEVICE_INFO: &str = "X-DeviceInfo";
/// Response header and meta-tag: the transport-level result (2.2.3.3.3); see
/// [`super::ResponseCode`].
pub const X_RESPONSE_CODE: &str = "X-ResponseCode";
/// Response: milliseconds between PENDING keep-alives, default 30000 (2.2.3.3.5).
pub const X_PENDING_PERIOD: &str = "X-PendingPeriod";
/// Response: milliseconds until the Session Context expires if unused (2.2.3.3).
pub const X_EXPIRATION_INFO: &str = "X-ExpirationInfo";
/// Response: the server's name and version, e.g. `Exchange/15.00.0847.4040` (2.2.3.3).
pub const X_SERVER_APPLICATION: &str = "X-ServerApplication";
/// Meta-tag after DONE: processing time; milliseconds per the specification, seconds on some
/// servers (see `fixtures/gromox/README.md`), so treat the number as advisory.
pub const X_ELAPSED_TIME: &str = "X-ElapsedTime";
/// Meta-tag after DONE: when the server started processing, as an HTTP date.
pub const X_START_TIME: &str = "X-StartTime";
/// The content type of every MAPI/HTTP request body and of meta-tag framed responses.
pub const CONTENT_TYPE_MAPI_HTTP: &str = "application/mapi-http";

/// The `{GUID}:counter` value of X-RequestId (MS-OXCMAPIHTTP 2.2.3.1) and X-ClientInfo
/// (2.2.3.1).
///
/// The GUID is written in braces and upper case, as the specification's examples show
/// (`{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123`); parsing accepts either case and missing
/// braces, since the value is opaque to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequestId {
    /// The per-session-context (X-RequestId) or per-client-instance (X-ClientInfo) GUID.
    pub guid: Uuid,
    /// The decimal counter after the colon.
    pub counter: u64,
}

impl RequestId {
    /// A value from its parts.
    pub fn new(guid: Uuid, counter: u64) -> Self {
        RequestId { guid, counter }
    }

    /// The same GUID with the counter one higher (saturating), for the next request.
    pub fn next(self) -> Self {
        RequestId {
            guid: self.guid,
            counter: self.counter.saturating_add(1),
        }
    }

    /// Parses `{GUID}:n`.
    pub fn parse(value: &str) -> Result<Self, ParseRequestIdError> {
        let err = || ParseRequestIdError {
            value: value.to_owned(),
        };
        let v = value.trim();
        let (g, n) = v.rsplit_once(':').ok_or_else(err)?;
        let g = match (g.strip_prefix('{'), g.strip_suffix('}')) {
            (Some(_), Some(_)) => g.get(1..g.len() - 1).ok_or_else(err)?,
            (None, None) => g,
            _ => return Err(err()),
        };
        // Only the hyphenated 36-character form: the header carries nothing else.
        if g.len() != 36 {
            return Err(err());
        }
        let guid = Uuid::parse_str(g).map_err(|_| err())?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let counter = n.parse::<u64>().map_err(|_| err())?;
        Ok(RequestId { guid, counter })
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{{{}}}:{}",
            self.guid
                .hyphenated()
                .encode_upper(&mut Uuid::encode_buffer()),
            self.counter
        )
    }
}

impl std::str::FromStr for RequestId {
    type Err = ParseRequestIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RequestId::parse(s)
    }
}

impl Serialize for RequestId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A header value that is not `{GUID}:counter`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not of the form {{GUID}}:counter")]
pub struct ParseRequestIdError {
    /// The value as received.
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spec_examples() {
        // MS-OXCMAPIHTTP 2.2.3.1 examples of X-RequestId and X-ClientInfo.
        let r = RequestId::parse("{E2EA6C1C-E61B-49E9-9CFB-38184F907552}:123456").unwrap();
        assert_eq!(r.counter, 123456);
        assert_eq!(r.guid.to_string(), "e2ea6c1c-e61b-49e9-9cfb-38184f907552");
        assert_eq!(
            r.to_string(),
            "{E2EA6C1C-E61B-49E9-9CFB-38184F907552}:123456"
        );
        let c = RequestId::parse("{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123").unwrap();
        assert_eq!(c.to_string(), "{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123");
        assert_eq!(c.next().counter, 124);
    }

    #[test]
    fn tolerant_and_strict_where_it_matters() {
        assert!(RequestId::parse("2ef33c39-49c8-421c-b876-cdf7f2ac3aa0:1").is_ok());
        assert!(RequestId::parse("{2ef33c39-49c8-421c-b876-cdf7f2ac3aa0}:1").is_ok());
        assert!(RequestId::parse("{2ef33c39-49c8-421c-b876-cdf7f2ac3aa0:1").is_err());
        assert!(RequestId::parse("{2ef33c39-49c8-421c-b876-cdf7f2ac3aa0}").is_err());
        assert!(RequestId::parse("{2ef33c39-49c8-421c-b876-cdf7f2ac3aa0}:").is_err());
        assert!(RequestId::parse("{2ef33c39-49c8-421c-b876-cdf7f2ac3aa0}:-1").is_err());
        assert!(RequestId::parse("{2ef33c3949c8421cb876cdf7f2ac3aa0}:1").is_err());
        assert!(RequestId::parse("").is_err());
        assert!(RequestId::parse(":").is_err());
        assert!(RequestId::parse("{}:1").is_err());
    }

    proptest! {
        #[test]
        fn round_trips(g in any::<u128>(), n in any::<u64>()) {
            let r = RequestId::new(Uuid::from_u128(g), n);
            prop_assert_eq!(RequestId::parse(&r.to_string()), Ok(r));
        }

        #[test]
        fn never_panics(s in ".{0,60}") {
            let _ = RequestId::parse(&s);
        }
    }
}
