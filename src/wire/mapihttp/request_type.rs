//! The X-RequestType header (MS-OXCMAPIHTTP 2.2.3.1).

use std::fmt;

use serde::{Serialize, Serializer};

/// MS-OXCMAPIHTTP 2.2.3.1 X-RequestType: which operation a POST to the mailbox endpoint
/// (2.2.4) or the address book endpoint (2.2.5) carries; PING (2.2.6) is valid on both.
///
/// Parsing ignores ASCII case, because servers echo the value in their own case (the address
/// book endpoint of the fixtures' server lower-cases it). A value the table does not list is
/// kept verbatim in [`RequestType::Other`], so it is sent and shown exactly as received; this
/// includes `QueryColumn`, the spelling one server accepts instead of the table's
/// `QueryColumns`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RequestType {
    /// Mailbox: establish a Session Context (2.2.4.1).
    Connect,
    /// Mailbox: run a ROP buffer (2.2.4.2).
    Execute,
    /// Mailbox: end a Session Context (2.2.4.3).
    Disconnect,
    /// Mailbox: wait for a pending notification (2.2.4.4).
    NotificationWait,
    /// Both endpoints: liveness check without a body (2.2.6).
    Ping,
    /// Address book: NspiBind (2.2.5.1).
    Bind,
    /// Address book: NspiUnbind (2.2.5.2).
    Unbind,
    /// Address book: NspiCompareMIds (2.2.5.3).
    CompareMIds,
    /// Address book: NspiDNToMId (2.2.5.4).
    DnToMId,
    /// Address book: NspiGetMatches (2.2.5).
    GetMatches,
    /// Address book: NspiGetPropList (2.2.5).
    GetPropList,
    /// Address book: NspiGetProps (2.2.5).
    GetProps,
    /// Address book: NspiGetSpecialTable (2.2.5).
    GetSpecialTable,
    /// Address book: NspiGetTemplateInfo (2.2.5).
    GetTemplateInfo,
    /// Address book: NspiModLinkAtt (2.2.5).
    ModLinkAtt,
    /// Address book: NspiModProps (2.2.5).
    ModProps,
    /// Address book: NspiQueryColumns (2.2.5).
    QueryColumns,
    /// Address book: NspiQueryRows (2.2.5).
    QueryRows,
    /// Address book: NspiResolveNames (2.2.5).
    ResolveNames,
    /// Address book: NspiResortRestriction (2.2.5).
    ResortRestriction,
    /// Address book: NspiSeekEntries (2.2.5).
    SeekEntries,
    /// Address book: NspiUpdateStat (2.2.5).
    UpdateStat,
    /// Address book: the mailbox server URL for a user (2.2.5).
    GetMailboxUrl,
    /// Address book: the address book server URL for a user (2.2.5).
    GetAddressBookUrl,
    /// A value the table does not list, exactly as received.
    Other(String),
}

/// Every listed request type with its spelling in the 2.2.3.1 table.
const NAMES: &[(RequestType, &str)] = &[
    (RequestType::Connect, "Connect"),
    (RequestType::Execute, "Execute"),
    (RequestType::Disconnect, "Disconnect"),
    (RequestType::NotificationWait, "NotificationWait"),
    (RequestType::Ping, "PING"),
    (RequestType::Bind, "Bind"),
    (RequestType::Unbind, "Unbind"),
    (RequestType::CompareMIds, "CompareMIds"),
    (RequestType::DnToMId, "DNToMId"),
    (RequestType::GetMatches, "GetMatches"),
    (RequestType::GetPropList, "GetPropList"),
    (RequestType::GetProps, "GetProps"),
    (RequestType::GetSpecialTable, "GetSpecialTable"),
    (RequestType::GetTemplateInfo, "GetTemplateInfo"),
    (RequestType::ModLinkAtt, "ModLinkAtt"),
    (RequestType::ModProps, "ModProps"),
    (RequestType::QueryColumns, "QueryColumns"),
    (RequestType::QueryRows, "QueryRows"),
    (RequestType::ResolveNames, "ResolveNames"),
    (RequestType::ResortRestriction, "ResortRestriction"),
    (RequestType::SeekEntries, "SeekEntries"),
    (RequestType::UpdateStat, "UpdateStat"),
    (RequestType::GetMailboxUrl, "GetMailboxUrl"),
    (RequestType::GetAddressBookUrl, "GetAddressBookUrl"),
];

impl RequestType {
    /// Every request type the table lists.
    pub fn all() -> impl Iterator<Item = RequestType> {
        NAMES.iter().map(|(t, _)| t.clone())
    }

    /// Parses a header value, ignoring ASCII case and surrounding whitespace.
    pub fn parse(value: &str) -> RequestType {
        let v = value.trim();
        NAMES
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(v))
            .map(|(t, _)| t.clone())
            .unwrap_or_else(|| RequestType::Other(value.to_owned()))
    }

    /// The header value to send: the table's spelling, or an unlisted value verbatim.
    pub fn as_str(&self) -> &str {
        match self {
            RequestType::Other(s) => s,
            known => NAMES
                .iter()
                .find(|(t, _)| t == known)
                .map(|(_, n)| *n)
                .unwrap_or_default(),
        }
    }

    /// A request type of the mailbox endpoint (2.2.4), PING included.
    pub fn is_mailbox(&self) -> bool {
        matches!(
            self,
            RequestType::Connect
                | RequestType::Execute
                | RequestType::Disconnect
                | RequestType::NotificationWait
                | RequestType::Ping
        )
    }

    /// A request type of the address book endpoint (2.2.5), PING included.
    pub fn is_address_book(&self) -> bool {
        !matches!(self, RequestType::Other(_)) && (!self.is_mailbox() || *self == RequestType::Ping)
    }

    /// True when `header_value` (as a server echoes it) names this request type.
    pub fn matches_header(&self, header_value: &str) -> bool {
        self.as_str().eq_ignore_ascii_case(header_value.trim())
    }
}

impl fmt::Display for RequestType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for RequestType {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(RequestType::parse(s))
    }
}

impl From<&str> for RequestType {
    fn from(s: &str) -> Self {
        RequestType::parse(s)
    }
}

impl Serialize for RequestType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_listed_value_round_trips() {
        assert_eq!(RequestType::all().count(), 24);
        for t in RequestType::all() {
            assert_eq!(RequestType::parse(t.as_str()), t);
            assert_eq!(RequestType::parse(&t.as_str().to_ascii_lowercase()), t);
            assert_eq!(RequestType::parse(&t.as_str().to_ascii_uppercase()), t);
        }
    }

    #[test]
    fn server_echoes_and_unknown_values() {
        // Values echoed by the address book endpoint in fixtures/gromox/nspi-addressbook.har.
        assert_eq!(RequestType::parse("bind"), RequestType::Bind);
        assert_eq!(
            RequestType::parse("getspecialtable"),
            RequestType::GetSpecialTable
        );
        assert_eq!(RequestType::parse("dntomid"), RequestType::DnToMId);
        assert_eq!(RequestType::parse("ping"), RequestType::Ping);
        assert_eq!(
            RequestType::parse("QueryColumn"),
            RequestType::Other("QueryColumn".into())
        );
        assert_eq!(RequestType::parse("Bogus").as_str(), "Bogus");
        assert!(RequestType::Execute.matches_header("execute"));
        assert!(RequestType::Connect.is_mailbox());
        assert!(!RequestType::Connect.is_address_book());
        assert!(RequestType::Ping.is_mailbox() && RequestType::Ping.is_address_book());
        assert!(RequestType::ResolveNames.is_address_book());
        assert!(!RequestType::Other("x".into()).is_address_book());
        assert_eq!(RequestType::Ping.to_string(), "PING");
    }

    proptest! {
        #[test]
        fn unknown_values_survive(s in "[A-Za-z]{1,20}") {
            let t = RequestType::parse(&s);
            prop_assert!(t.as_str().eq_ignore_ascii_case(&s));
            if let RequestType::Other(v) = &t {
                prop_assert_eq!(v, &s);
            }
        }
    }
}
