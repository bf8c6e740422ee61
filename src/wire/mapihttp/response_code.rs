//! The X-ResponseCode header (MS-OXCMAPIHTTP 2.2.3.3.3).

use std::fmt;

use serde::Serialize;

/// MS-OXCMAPIHTTP 2.2.3.3.3 X-ResponseCode: the transport-level result of a request.
///
/// 0 means the server accepted the request and the body is the request type's response body
/// (which can still carry a MAPI failure in StatusCode/ErrorCode). Any other value means the
/// body is diagnostic text (servers send `text/html`). A newtype over the number so codes that
/// the table does not list (and the ones some servers use differently, see
/// `fixtures/gromox/README.md`) survive unchanged.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ResponseCode(pub u32);

/// Name and description of every code in the 2.2.3.3.3 table, indexed by code. Codes 0-13
/// carry the table's own descriptions; for 14-18 (whose retrieved copy of the table was cut
/// short) the names are the table's and the descriptions are paraphrases of them.
const TABLE: &[(&str, &str)] = &[
    (
        "Success",
        "The request was properly formatted and accepted.",
    ),
    (
        "Unknown Failure",
        "The request produced an unknown failure.",
    ),
    ("Invalid Verb", "The request has an invalid verb."),
    ("Invalid Path", "The request has an invalid path."),
    ("Invalid Header", "The request has an invalid header."),
    (
        "Invalid Request Type",
        "The request has an invalid X-RequestType header.",
    ),
    (
        "Invalid Context Cookie",
        "The request has an invalid session context cookie.",
    ),
    (
        "Missing Header",
        "The request has a missing required header.",
    ),
    (
        "Anonymous Not Allowed",
        "The request is anonymous, but anonymous requests are not accepted.",
    ),
    ("Too Large", "The request is too large."),
    ("Context Not Found", "The Session Context is not found."),
    (
        "No Privilege",
        "The client has no privileges to the Session Context.",
    ),
    ("Invalid Request Body", "The request body is invalid."),
    (
        "Missing Cookie",
        "The request is missing a required cookie.",
    ),
    ("Reserved", "This value is reserved."),
    (
        "Invalid Sequence",
        "The request violated the sequencing requirement of one request at a time per Session Context.",
    ),
    ("Endpoint Disabled", "The endpoint is disabled."),
    ("Invalid Response", "The response is invalid."),
    ("Endpoint Shutting Down", "The endpoint is shutting down."),
];

impl ResponseCode {
    /// 0: the request was properly formatted and accepted.
    pub const SUCCESS: Self = Self(0);
    /// 1: the request produced an unknown failure.
    pub const UNKNOWN_FAILURE: Self = Self(1);
    /// 2: the request has an invalid verb.
    pub const INVALID_VERB: Self = Self(2);
    /// 3: the request has an invalid path.
    pub const INVALID_PATH: Self = Self(3);
    /// 4: the request has an invalid header.
    pub const INVALID_HEADER: Self = Self(4);
    /// 5: the request has an invalid X-RequestType header.
    pub const INVALID_REQUEST_TYPE: Self = Self(5);
    /// 6: the request has an invalid session context cookie.
    pub const INVALID_CONTEXT_COOKIE: Self = Self(6);
    /// 7: the request has a missing required header.
    pub const MISSING_HEADER: Self = Self(7);
    /// 8: the request is anonymous, but anonymous requests are not accepted.
    pub const ANONYMOUS_NOT_ALLOWED: Self = Self(8);
    /// 9: the request is too large.
    pub const TOO_LARGE: Self = Self(9);
    /// 10: the Session Context is not found (it expired or the server dropped it).
    pub const CONTEXT_NOT_FOUND: Self = Self(10);
    /// 11: the client has no privileges to the Session Context.
    pub const NO_PRIVILEGE: Self = Self(11);
    /// 12: the request body is invalid.
    pub const INVALID_REQUEST_BODY: Self = Self(12);
    /// 13: the request is missing a required cookie.
    pub const MISSING_COOKIE: Self = Self(13);
    /// 14: reserved.
    pub const RESERVED: Self = Self(14);
    /// 15: a second request on a Session Context while one is outstanding, or a stale
    /// sequence cookie.
    pub const INVALID_SEQUENCE: Self = Self(15);
    /// 16: the endpoint is disabled.
    pub const ENDPOINT_DISABLED: Self = Self(16);
    /// 17: the response is invalid.
    pub const INVALID_RESPONSE: Self = Self(17);
    /// 18: the endpoint is shutting down.
    pub const ENDPOINT_SHUTTING_DOWN: Self = Self(18);

    /// The name the specification's table gives the code (`"Invalid Sequence"`), if listed.
    pub fn name(self) -> Option<&'static str> {
        self.entry().map(|(n, _)| *n)
    }

    /// The specification's description of the code, if listed.
    pub fn description(self) -> Option<&'static str> {
        self.entry().map(|(_, d)| *d)
    }

    fn entry(self) -> Option<&'static (&'static str, &'static str)> {
        usize::try_from(self.0).ok().and_then(|i| TABLE.get(i))
    }

    /// True only for 0. Every other value, listed or not, is a failure.
    pub fn is_success(self) -> bool {
        self.0 == 0
    }

    /// Parses an X-ResponseCode header (or meta-tag) value.
    ///
    /// Surrounding whitespace is ignored. A value that holds several comma-separated numbers is
    /// what an HTTP stack produces when a response carries the header twice (RFC 9110 5.3
    /// allows joining repeated field lines with commas); MS-OXCMAPIHTTP defines the header once
    /// per response, so there is no rule for picking one. We take the **last** value: a server
    /// that repeats the header has most likely appended its final answer, and the last one
    /// matches what a caller reading the header line by line would keep.
    pub fn parse_header(value: &str) -> Result<Self, ParseResponseCodeError> {
        let last = value.rsplit(',').next().unwrap_or(value).trim();
        if last.is_empty() || !last.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseResponseCodeError {
                value: value.to_owned(),
            });
        }
        last.parse::<u32>()
            .map(ResponseCode)
            .map_err(|_| ParseResponseCodeError {
                value: value.to_owned(),
            })
    }

    /// The final response code of a response: the X-ResponseCode in the meta block after
    /// DONE when there is one, else the HTTP header's (MS-OXCMAPIHTTP 2.2.3.3.3, 3.2.5.2).
    pub fn final_code(
        meta_value: Option<&str>,
        header_value: Option<&str>,
    ) -> Option<Result<Self, ParseResponseCodeError>> {
        meta_value.or(header_value).map(Self::parse_header)
    }
}

impl fmt::Debug for ResponseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => write!(f, "ResponseCode({} {n})", self.0),
            None => write!(f, "ResponseCode({})", self.0),
        }
    }
}

impl fmt::Display for ResponseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => write!(f, "{} ({n})", self.0),
            None => write!(f, "{} (unknown response code)", self.0),
        }
    }
}

impl std::str::FromStr for ResponseCode {
    type Err = ParseResponseCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_header(s)
    }
}

/// An X-ResponseCode value that is not a decimal number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("X-ResponseCode {value:?} is not a decimal number")]
pub struct ParseResponseCodeError {
    /// The value as received.
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn table_from_the_spec() {
        assert_eq!(ResponseCode::SUCCESS.name(), Some("Success"));
        assert!(ResponseCode::SUCCESS.is_success());
        assert_eq!(
            ResponseCode::INVALID_REQUEST_TYPE.description(),
            Some("The request has an invalid X-RequestType header.")
        );
        assert_eq!(ResponseCode(13).name(), Some("Missing Cookie"));
        assert_eq!(ResponseCode(15).name(), Some("Invalid Sequence"));
        assert_eq!(ResponseCode(18).name(), Some("Endpoint Shutting Down"));
        assert_eq!(ResponseCode(19).name(), None);
        assert!(!ResponseCode(19).is_success());
        assert_eq!(ResponseCode(10).to_string(), "10 (Context Not Found)");
        assert_eq!(ResponseCode(99).to_string(), "99 (unknown response code)");
    }

    #[test]
    fn parses_header_values() {
        assert_eq!(ResponseCode::parse_header(" 0 "), Ok(ResponseCode(0)));
        assert_eq!(ResponseCode::parse_header("12"), Ok(ResponseCode(12)));
        assert_eq!(ResponseCode::parse_header("0, 7"), Ok(ResponseCode(7)));
        assert_eq!(ResponseCode::parse_header("7,0"), Ok(ResponseCode(0)));
        assert!(ResponseCode::parse_header("").is_err());
        assert!(ResponseCode::parse_header("-1").is_err());
        assert!(ResponseCode::parse_header("+1").is_err());
        assert!(ResponseCode::parse_header("0x1").is_err());
        assert!(ResponseCode::parse_header("99999999999").is_err());
    }

    #[test]
    fn meta_block_wins_over_header() {
        assert_eq!(
            ResponseCode::final_code(Some("10"), Some("0")),
            Some(Ok(ResponseCode(10)))
        );
        assert_eq!(
            ResponseCode::final_code(None, Some("0")),
            Some(Ok(ResponseCode(0)))
        );
        assert_eq!(ResponseCode::final_code(None, None), None);
    }

    proptest! {
        #[test]
        fn display_parse_round_trip(v in any::<u32>()) {
            prop_assert_eq!(ResponseCode::parse_header(&v.to_string()), Ok(ResponseCode(v)));
        }
    }
}
