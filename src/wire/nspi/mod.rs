//! The address book endpoint of MAPI/HTTP (MS-OXCMAPIHTTP 2.2.5): the request and response
//! bodies of its 19 request types and the structures they share (MS-OXCMAPIHTTP 2.2.1,
//! MS-OXNSPI 2.2), with [`NspiRequest`] / [`NspiResponse`] choosing the body by the
//! X-RequestType of the request.
//!
//! All counts in these bodies are 32 bits wide (MS-OXCDATA 2.11.1), and variable-size property
//! values carry a HasValue byte (MS-OXCMAPIHTTP 2.2.1.1), so the property structures here wrap
//! [`crate::wire::property::PropertyValue`] instead of reusing the ROP forms.

pub mod bodies;
mod fields;
pub mod structures;

#[cfg(test)]
mod tests;

use bytes::BufMut;
use serde::Serialize;

use crate::wire::error::{DecodeError, EncodeError, ErrorKind, decode_all};
use crate::wire::mapihttp::RequestType;
use crate::wire::primitives::Wire;

pub use bodies::*;
pub use structures::{
    AddressBookFlaggedPropertyValue, AddressBookFlaggedPropertyValueWithType,
    AddressBookPropertyRow, AddressBookPropertyValue, AddressBookPropertyValueList,
    AddressBookRowSet, AddressBookTaggedPropertyValue, AddressBookTypedPropertyValue,
    LargePropertyTagArray, PropertyNameR, Stat,
};

/// Serializes optional lists of byte strings as hex strings or null.
pub(crate) fn hex_vec_opt<S: serde::Serializer>(
    items: &Option<Vec<Vec<u8>>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match items {
        Some(v) => crate::wire::serde_bytes::hex_vec(v, s),
        None => s.serialize_none(),
    }
}

/// The address book request types, as the bodies need them: `QueryColumn` (the spelling one
/// server accepts, see [`RequestType`]) reads as QueryColumns.
fn address_book_kind(request_type: &RequestType) -> Option<RequestType> {
    match request_type {
        RequestType::Other(s) if s.trim().eq_ignore_ascii_case("QueryColumn") => {
            Some(RequestType::QueryColumns)
        }
        RequestType::Ping | RequestType::Other(_) => None,
        t if t.is_address_book() => Some(t.clone()),
        _ => None,
    }
}

fn not_address_book(structure: &'static str) -> DecodeError {
    DecodeError {
        structure,
        offset: 0,
        kind: ErrorKind::Syntax("X-RequestType is not an address book request type with a body"),
    }
}

macro_rules! dispatch {
    ($( $variant:ident => $req:ty, $resp:ty; )*) => {
        /// A request body of the address book endpoint (MS-OXCMAPIHTTP 2.2.5.x.1), chosen by
        /// the request's X-RequestType.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[allow(missing_docs)]
        pub enum NspiRequest {
            $( $variant($req), )*
        }

        /// A response body of the address book endpoint (MS-OXCMAPIHTTP 2.2.5.x.2 / .3),
        /// chosen by the X-RequestType of the request it answers.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[allow(missing_docs)]
        pub enum NspiResponse {
            $( $variant($resp), )*
        }

        impl NspiRequest {
            /// Decodes a whole request body sent with `request_type`.
            pub fn decode(request_type: &RequestType, body: &[u8]) -> Result<Self, DecodeError> {
                let kind = address_book_kind(request_type)
                    .ok_or_else(|| not_address_book("NspiRequest"))?;
                $( if kind == RequestType::$variant {
                    return decode_all(body, <$req>::decode).map(Self::$variant);
                } )*
                Err(not_address_book("NspiRequest"))
            }

            /// The X-RequestType this body is sent with.
            pub fn request_type(&self) -> RequestType {
                match self { $( Self::$variant(_) => RequestType::$variant, )* }
            }

            /// Appends the body's wire form.
            pub fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                match self { $( Self::$variant(b) => b.encode(out), )* }
            }

            /// Encodes into a fresh vector.
            pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
                let mut out = Vec::new();
                self.encode(&mut out)?;
                Ok(out)
            }
        }

        impl NspiResponse {
            /// Decodes a whole response body (meta-tags already removed) answering a request
            /// sent with `request_type`.
            pub fn decode(request_type: &RequestType, body: &[u8]) -> Result<Self, DecodeError> {
                let kind = address_book_kind(request_type)
                    .ok_or_else(|| not_address_book("NspiResponse"))?;
                $( if kind == RequestType::$variant {
                    return decode_all(body, <$resp>::decode).map(Self::$variant);
                } )*
                Err(not_address_book("NspiResponse"))
            }

            /// The X-RequestType of the request this body answers.
            pub fn request_type(&self) -> RequestType {
                match self { $( Self::$variant(_) => RequestType::$variant, )* }
            }

            /// Appends the body's wire form.
            pub fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                match self { $( Self::$variant(b) => b.encode(out), )* }
            }

            /// Encodes into a fresh vector.
            pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
                let mut out = Vec::new();
                self.encode(&mut out)?;
                Ok(out)
            }

            /// StatusCode: 0 unless the server sent the failure form.
            pub fn status_code(&self) -> u32 {
                match self {
                    $( Self::$variant(AddressBookResponse::Failure(f)) => f.status_code,
                       Self::$variant(AddressBookResponse::Success(_)) => 0, )*
                }
            }

            /// ErrorCode of the success form.
            pub fn error_code(&self) -> Option<crate::wire::ErrorCode> {
                match self {
                    $( Self::$variant(AddressBookResponse::Success(s)) => Some(s.error_code),
                       Self::$variant(AddressBookResponse::Failure(_)) => None, )*
                }
            }
        }
    };
}

dispatch! {
    Bind => BindRequest, BindResponse;
    Unbind => UnbindRequest, UnbindResponse;
    CompareMIds => CompareMIdsRequest, CompareMIdsResponse;
    DnToMId => DnToMIdRequest, DnToMIdResponse;
    GetMatches => GetMatchesRequest, GetMatchesResponse;
    GetPropList => GetPropListRequest, GetPropListResponse;
    GetProps => GetPropsRequest, GetPropsResponse;
    GetSpecialTable => GetSpecialTableRequest, GetSpecialTableResponse;
    GetTemplateInfo => GetTemplateInfoRequest, GetTemplateInfoResponse;
    ModLinkAtt => ModLinkAttRequest, ModLinkAttResponse;
    ModProps => ModPropsRequest, ModPropsResponse;
    QueryColumns => QueryColumnsRequest, QueryColumnsResponse;
    QueryRows => QueryRowsRequest, QueryRowsResponse;
    ResolveNames => ResolveNamesRequest, ResolveNamesResponse;
    ResortRestriction => ResortRestrictionRequest, ResortRestrictionResponse;
    SeekEntries => SeekEntriesRequest, SeekEntriesResponse;
    UpdateStat => UpdateStatRequest, UpdateStatResponse;
    GetMailboxUrl => GetMailboxUrlRequest, GetMailboxUrlResponse;
    GetAddressBookUrl => GetAddressBookUrlRequest, GetAddressBookUrlResponse;
}
