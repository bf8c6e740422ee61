//! Request and response bodies of the address book endpoint (MS-OXCMAPIHTTP 2.2.5.1 -
//! 2.2.5.19), the `[in]` and `[out]` parameters of the MS-OXNSPI methods they carry.
//!
//! Every response starts with StatusCode. When it is non-zero the server sends the short
//! failure form (StatusCode, AuxiliaryBufferSize, AuxiliaryBuffer; 2.2.5.x.3), the `Failure`
//! variant of [`AddressBookResponse`]; otherwise the success form (2.2.5.x.2), whose ErrorCode
//! carries the NSPI result (Unbind answers UNBIND_SUCCESS = 1 there).
//!
//! Every table response (QueryRows, GetMatches, SeekEntries, ResolveNames) sends its columns
//! in front of its rows, so every body here decodes without context.

use bytes::BufMut;
use serde::Serialize;
use uuid::Uuid;

use super::fields::*;
use super::structures::{
    AddressBookPropertyValueList, AddressBookRowSet, AddressBookTaggedPropertyValue,
    LargePropertyTagArray, PropertyNameR, Stat,
};
use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, PResult, named};
use crate::wire::mapihttp::FailureResponse;
use crate::wire::primitives::{Wire, u32 as le_u32};
use crate::wire::property::PropertyTag;
use crate::wire::restriction::Restriction;

/// Declares a body struct from its fields in wire order, each with its layout.
macro_rules! body {
    (
        $(#[$m:meta])*
        $name:ident = $wire_name:literal {
            $( $(#[$fm:meta])* $f:ident : $t:ty => $layout:ty ),* $(,)?
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct $name {
            $( $(#[$fm])* pub $f: $t, )*
        }

        impl $name {
            /// The structure name used in errors.
            pub const WIRE_NAME: &'static str = $wire_name;

            fn decode_fields(input: &[u8]) -> PResult<'_, Self> {
                named($wire_name, input, |i| {
                    $( let (i, $f) = <$layout as Field<$t>>::dec(i)?; )*
                    Ok((i, $name { $($f,)* }))
                })
            }

            fn encode_fields<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                $( <$layout as Field<$t>>::enc(out, &self.$f)?; )*
                Ok(())
            }
        }
    };
}

/// Declares a request body: every field, Wire implemented directly.
macro_rules! request {
    ($(#[$m:meta])* $name:ident = $wire_name:literal { $($body:tt)* }) => {
        body! { $(#[$m])* $name = $wire_name { $($body)* } }

        impl Wire for $name {
            const NAME: &'static str = $wire_name;
            fn decode(input: &[u8]) -> PResult<'_, Self> {
                Self::decode_fields(input)
            }
            fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                self.encode_fields(out)
            }
        }
    };
}

/// Declares the fields after StatusCode of a success response body.
macro_rules! success {
    ($(#[$m:meta])* $name:ident = $wire_name:literal { $($body:tt)* }) => {
        body! { $(#[$m])* $name = $wire_name { $($body)* } }

        impl SuccessBody for $name {
            const NAME: &'static str = $wire_name;
            fn decode_after_status(input: &[u8]) -> PResult<'_, Self> {
                Self::decode_fields(input)
            }
            fn encode_after_status<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                self.encode_fields(out)
            }
        }
    };
}

/// The fields of a success response body after its StatusCode of 0.
pub trait SuccessBody: Sized {
    /// The response body's name.
    const NAME: &'static str;
    /// Decodes the fields after StatusCode.
    fn decode_after_status(input: &[u8]) -> PResult<'_, Self>;
    /// Encodes the fields after StatusCode.
    fn encode_after_status<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError>;
}

/// MS-OXCMAPIHTTP 2.2.5.x.2 (success) / 2.2.5.x.3 (failure) address book response body:
/// StatusCode selects the layout.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum AddressBookResponse<T> {
    /// StatusCode 0: the NSPI method's `[out]` parameters.
    Success(T),
    /// StatusCode non-zero: StatusCode and the auxiliary buffer only.
    Failure(FailureResponse),
}

impl<T> AddressBookResponse<T> {
    /// The success fields, if the request got that far.
    pub fn success(&self) -> Option<&T> {
        match self {
            Self::Success(t) => Some(t),
            Self::Failure(_) => None,
        }
    }
}

impl<T: SuccessBody> Wire for AddressBookResponse<T> {
    const NAME: &'static str = T::NAME;
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(T::NAME, input, |i| {
            let (rest, status) = le_u32(i)?;
            if status != 0 {
                let (rest, f) = FailureResponse::decode(i)?;
                return Ok((rest, Self::Failure(f)));
            }
            let (rest, t) = T::decode_after_status(rest)?;
            Ok((rest, Self::Success(t)))
        })
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        match self {
            Self::Success(t) => {
                out.put_u32_le(0);
                t.encode_after_status(out)
            }
            Self::Failure(f) => f.encode(out),
        }
    }
}

request! {
    /// MS-OXCMAPIHTTP 2.2.5.1.1 Bind request body (NspiBind, MS-OXNSPI 3.1.4.1.1).
    BindRequest = "BindRequestBody" {
        /// Flags (fAnonymousLogin 0x20 is the only one the server looks at).
        flags: u32 => U32,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.1.2 Bind success response body.
    BindSuccess = "BindResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// ServerGuid: the server's identity, also the ProviderUID of its ephemeral entry IDs.
        server_guid: Uuid => Guid,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.1.2 / 2.2.5.1.3 Bind response body.
pub type BindResponse = AddressBookResponse<BindSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.2.1 Unbind request body (NspiUnbind).
    UnbindRequest = "UnbindRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.2.2 Unbind success response body.
    UnbindSuccess = "UnbindResponseBody" {
        /// The NSPI result: UNBIND_SUCCESS (1) normally.
        error_code: ErrorCode => Error,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.2.2 / 2.2.5.2.3 Unbind response body.
pub type UnbindResponse = AddressBookResponse<UnbindSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.3.1 CompareMIds request body (NspiCompareMIds).
    CompareMIdsRequest = "CompareMIdsRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// HasState + State: the table the two rows are in.
        state: Option<Stat> => Opt,
        /// MinimalId1.
        minimal_id1: u32 => U32,
        /// MinimalId2.
        minimal_id2: u32 => U32,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.3.2 CompareMIds success response body.
    CompareMIdsSuccess = "CompareMIdsResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// Result: negative, zero or positive as row 1 sorts before, with or after row 2.
        result: i32 => I32,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.3.2 / 2.2.5.3.3 CompareMIds response body.
pub type CompareMIdsResponse = AddressBookResponse<CompareMIdsSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.4.1 DNToMId request body (NspiDNToMId).
    DnToMIdRequest = "DNToMIdRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// HasNames + Names: the DNs to map, as a StringsArray of ASCII.
        names: Option<Vec<String>> => OptStrings,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.4.2 DNToMId success response body.
    DnToMIdSuccess = "DNToMIdResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// HasMinimalIds + MinimalIdCount + MinimalIds, one per name (0 for an unknown DN).
        minimal_ids: Option<Vec<u32>> => OptMids,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.4.2 / 2.2.5.4.3 DNToMId response body.
pub type DnToMIdResponse = AddressBookResponse<DnToMIdSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.5.1 GetMatches request body (NspiGetMatches).
    GetMatchesRequest = "GetMatchesRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// HasMinimalIds + MinimalIdCount + MinimalIds: an explicit table to restrict.
        minimal_ids: Option<Vec<u32>> => OptMids,
        /// InterfaceOptionFlags, 0.
        interface_option_flags: u32 => U32,
        /// HasFilter + Filter: the restriction (MS-OXCDATA 2.12, 32-bit counts).
        filter: Option<Restriction> => OptRestriction,
        /// HasPropertyName + PropertyNameGuid + PropertyNameId.
        property_name: Option<PropertyNameR> => Opt,
        /// RowCount: the most rows to return.
        row_count: u32 => U32,
        /// HasColumns + Columns.
        columns: Option<LargePropertyTagArray> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.5.2 GetMatches success response body.
    GetMatchesSuccess = "GetMatchesResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// HasMinimalIds + MinimalIdCount + MinimalIds: the matching rows.
        minimal_ids: Option<Vec<u32>> => OptMids,
        /// HasColumnsAndRows + Columns + RowCount + RowData.
        rows: Option<AddressBookRowSet> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.5.2 / 2.2.5.5.3 GetMatches response body.
pub type GetMatchesResponse = AddressBookResponse<GetMatchesSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.6.1 GetPropList request body (NspiGetPropList).
    GetPropListRequest = "GetPropListRequestBody" {
        /// Flags (fSkipObjects 0x1, fEphID 0x2).
        flags: u32 => U32,
        /// MinimalId: the object whose properties are listed.
        minimal_id: u32 => U32,
        /// CodePage for the PtypString8 tags.
        code_page: u32 => U32,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.6.2 GetPropList success response body.
    GetPropListSuccess = "GetPropListResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// HasPropertyTags + PropertyTags.
        property_tags: Option<LargePropertyTagArray> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.6.2 / 2.2.5.6.3 GetPropList response body.
pub type GetPropListResponse = AddressBookResponse<GetPropListSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.7.1 GetProps request body (NspiGetProps).
    GetPropsRequest = "GetPropsRequestBody" {
        /// Flags (fSkipObjects 0x1, fEphID 0x2).
        flags: u32 => U32,
        /// HasState + State: CurrentRec names the object.
        state: Option<Stat> => Opt,
        /// HasPropertyTags + PropertyTags.
        property_tags: Option<LargePropertyTagArray> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.7.2 GetProps success response body.
    GetPropsSuccess = "GetPropsResponseBody" {
        /// The NSPI result (ErrorsReturned 0x00040380 when some properties are errors).
        error_code: ErrorCode => Error,
        /// CodePage of the PtypString8 values.
        code_page: u32 => U32,
        /// HasPropertyValues + PropertyValues.
        property_values: Option<AddressBookPropertyValueList> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.7.2 / 2.2.5.7.3 GetProps response body.
pub type GetPropsResponse = AddressBookResponse<GetPropsSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.8.1 GetSpecialTable request body (NspiGetSpecialTable).
    GetSpecialTableRequest = "GetSpecialTableRequestBody" {
        /// Flags (NspiAddressCreationTemplates 0x2, NspiUnicodeStrings 0x4).
        flags: u32 => U32,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// HasVersion + Version of the hierarchy table the client has.
        version: Option<u32> => OptU32,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.8.2 GetSpecialTable success response body.
    GetSpecialTableSuccess = "GetSpecialTableResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// CodePage of the PtypString8 values.
        code_page: u32 => U32,
        /// HasVersion + Version of the hierarchy table.
        version: Option<u32> => OptU32,
        /// HasRows + RowsCount + Rows: one AddressBookPropertyValueList per container.
        rows: Option<Vec<AddressBookPropertyValueList>> => OptListArray,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.8.2 / 2.2.5.8.3 GetSpecialTable response body.
pub type GetSpecialTableResponse = AddressBookResponse<GetSpecialTableSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.9.1 GetTemplateInfo request body (NspiGetTemplateInfo).
    GetTemplateInfoRequest = "GetTemplateInfoRequestBody" {
        /// Flags (TI_TEMPLATE 0x1, TI_SCRIPT 0x4, TI_EMT 0x10 ...).
        flags: u32 => U32,
        /// DisplayType of the template.
        display_type: u32 => U32,
        /// HasTemplateDn + TemplateDn (null-terminated ASCII).
        template_dn: Option<String> => OptAscii,
        /// CodePage of the template.
        code_page: u32 => U32,
        /// LocaleId of the template.
        locale_id: u32 => U32,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.9.2 GetTemplateInfo success response body.
    GetTemplateInfoSuccess = "GetTemplateInfoResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// CodePage of the PtypString8 values.
        code_page: u32 => U32,
        /// HasRow + Row.
        row: Option<AddressBookPropertyValueList> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.9.2 / 2.2.5.9.3 GetTemplateInfo response body.
pub type GetTemplateInfoResponse = AddressBookResponse<GetTemplateInfoSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.10.1 ModLinkAtt request body (NspiModLinkAtt).
    ModLinkAttRequest = "ModLinkAttRequestBody" {
        /// Flags (fDelete 0x1).
        flags: u32 => U32,
        /// PropertyTag: the link attribute (PidTagAddressBookMember ...).
        property_tag: PropertyTag => Tag,
        /// MinimalId of the row to modify.
        minimal_id: u32 => U32,
        /// HasEntryIds + EntryIdCount + EntryIds (ephemeral or permanent entry IDs, raw).
        #[serde(serialize_with = "crate::wire::nspi::hex_vec_opt")]
        entry_ids: Option<Vec<Vec<u8>>> => OptEntryIds,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.10.2 ModLinkAtt success response body.
    ModLinkAttSuccess = "ModLinkAttResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.10.2 / 2.2.5.10.3 ModLinkAtt response body.
pub type ModLinkAttResponse = AddressBookResponse<ModLinkAttSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.11.1 ModProps request body (NspiModProps).
    ModPropsRequest = "ModPropsRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// HasState + State: CurrentRec names the object.
        state: Option<Stat> => Opt,
        /// HasPropertyTagsToRemove + PropertyTagsToRemove.
        property_tags_to_remove: Option<LargePropertyTagArray> => Opt,
        /// HasPropertyValues + PropertyValues.
        property_values: Option<AddressBookPropertyValueList> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.11.2 ModProps success response body.
    ModPropsSuccess = "ModPropsResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.11.2 / 2.2.5.11.3 ModProps response body.
pub type ModPropsResponse = AddressBookResponse<ModPropsSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.12.1 QueryColumns request body (NspiQueryColumns).
    QueryColumnsRequest = "QueryColumnsRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// MapiFlags (NspiUnicodeProptypes 0x80000000).
        mapi_flags: u32 => U32,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.12.2 QueryColumns success response body.
    QueryColumnsSuccess = "QueryColumnsResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// HasColumns + Columns.
        columns: Option<LargePropertyTagArray> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.12.2 / 2.2.5.12.3 QueryColumns response body.
pub type QueryColumnsResponse = AddressBookResponse<QueryColumnsSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.13.1 QueryRows request body (NspiQueryRows).
    QueryRowsRequest = "QueryRowsRequestBody" {
        /// Flags (fSkipObjects 0x1, fEphID 0x2).
        flags: u32 => U32,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// ExplicitTableCount + ExplicitTable (no Has... byte: an empty table means none).
        explicit_table: Vec<u32> => Mids,
        /// RowCount: the most rows to return.
        row_count: u32 => U32,
        /// HasColumns + Columns.
        columns: Option<LargePropertyTagArray> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.13.2 QueryRows success response body.
    QueryRowsSuccess = "QueryRowsResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// HasState + State: the position after the rows returned.
        state: Option<Stat> => Opt,
        /// HasColumnsAndRows + Columns + RowCount + RowData.
        rows: Option<AddressBookRowSet> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.13.2 / 2.2.5.13.3 QueryRows response body.
pub type QueryRowsResponse = AddressBookResponse<QueryRowsSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.14.1 ResolveNames request body (NspiResolveNamesW).
    ResolveNamesRequest = "ResolveNamesRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// HasPropertyTags + PropertyTags: the columns of the rows returned.
        property_tags: Option<LargePropertyTagArray> => Opt,
        /// HasNames + Names: the names to resolve, as a WStringsArray (UTF-16).
        names: Option<Vec<String>> => OptWStrings,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.14.2 ResolveNames success response body.
    ResolveNamesSuccess = "ResolveNamesResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// CodePage of the PtypString8 values.
        code_page: u32 => U32,
        /// HasMinimalIds + MinimalIdCount + MinimalIds: MID_UNRESOLVED (0), MID_AMBIGUOUS (1),
        /// MID_RESOLVED (2) per name.
        minimal_ids: Option<Vec<u32>> => OptMids,
        /// HasRowsAndCols + PropertyTags + RowCount + RowData: one row per resolved name.
        rows: Option<AddressBookRowSet> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.14.2 / 2.2.5.14.3 ResolveNames response body.
pub type ResolveNamesResponse = AddressBookResponse<ResolveNamesSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.15.1 ResortRestriction request body (NspiResortRestriction).
    ResortRestrictionRequest = "ResortRestrictionRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// HasState + State: the sort order to apply.
        state: Option<Stat> => Opt,
        /// HasMinimalIds + MinimalIdCount + MinimalIds: the explicit table to sort.
        minimal_ids: Option<Vec<u32>> => OptMids,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.15.2 ResortRestriction success response body.
    ResortRestrictionSuccess = "ResortRestrictionResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// HasMinimalIds + MinimalIdCount + MinimalIds: the sorted table.
        minimal_ids: Option<Vec<u32>> => OptMids,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.15.2 / 2.2.5.15.3 ResortRestriction response body.
pub type ResortRestrictionResponse = AddressBookResponse<ResortRestrictionSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.16.1 SeekEntries request body (NspiSeekEntries).
    SeekEntriesRequest = "SeekEntriesRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// HasTarget + Target: the value sought (an AddressBookTaggedPropertyValue).
        target: Option<AddressBookTaggedPropertyValue> => Opt,
        /// HasExplicitTable + ExplicitTableCount + ExplicitTable.
        explicit_table: Option<Vec<u32>> => OptMids,
        /// HasColumns + Columns.
        columns: Option<LargePropertyTagArray> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.16.2 SeekEntries success response body.
    SeekEntriesSuccess = "SeekEntriesResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// HasColumnsAndRows + Columns + RowCount + RowData.
        rows: Option<AddressBookRowSet> => Opt,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.16.2 / 2.2.5.16.3 SeekEntries response body.
pub type SeekEntriesResponse = AddressBookResponse<SeekEntriesSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.17.1 UpdateStat request body (NspiUpdateStat).
    UpdateStatRequest = "UpdateStatRequestBody" {
        /// Reserved, 0.
        reserved: u32 => U32,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// DeltaRequested: whether the response carries Delta.
        delta_requested: bool => Bool,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.17.2 UpdateStat success response body.
    UpdateStatSuccess = "UpdateStatResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// HasState + State.
        state: Option<Stat> => Opt,
        /// HasDelta + Delta: the movement made.
        delta: Option<i32> => OptI32,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.17.2 / 2.2.5.17.3 UpdateStat response body.
pub type UpdateStatResponse = AddressBookResponse<UpdateStatSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.18.1 GetMailboxUrl request body.
    GetMailboxUrlRequest = "GetMailboxUrlRequestBody" {
        /// Flags, 0.
        flags: u32 => U32,
        /// ServerDn: the mailbox server's DN, null-terminated UTF-16.
        server_dn: String => Utf16,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.18.2 GetMailboxUrl success response body.
    GetMailboxUrlSuccess = "GetMailboxUrlResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// ServerUrl: the mailbox endpoint URL, null-terminated UTF-16.
        server_url: String => Utf16,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.18.2 / 2.2.5.18.3 GetMailboxUrl response body.
pub type GetMailboxUrlResponse = AddressBookResponse<GetMailboxUrlSuccess>;

request! {
    /// MS-OXCMAPIHTTP 2.2.5.19.1 GetAddressBookUrl request body.
    GetAddressBookUrlRequest = "GetAddressBookUrlRequestBody" {
        /// Flags, 0.
        flags: u32 => U32,
        /// UserDn: the user's DN, null-terminated UTF-16.
        user_dn: String => Utf16,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

success! {
    /// MS-OXCMAPIHTTP 2.2.5.19.2 GetAddressBookUrl success response body.
    GetAddressBookUrlSuccess = "GetAddressBookUrlResponseBody" {
        /// The NSPI result.
        error_code: ErrorCode => Error,
        /// ServerUrl: the address book endpoint URL, null-terminated UTF-16.
        server_url: String => Utf16,
        /// AuxiliaryBufferSize + AuxiliaryBuffer.
        #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
        auxiliary_buffer: Vec<u8> => Aux,
    }
}

/// MS-OXCMAPIHTTP 2.2.5.19.2 / 2.2.5.19.3 GetAddressBookUrl response body.
pub type GetAddressBookUrlResponse = AddressBookResponse<GetAddressBookUrlSuccess>;
