//! Property ROPs: MS-OXCROPS 2.2.8, semantics in MS-OXCPRPT 2.2.2 - 2.2.13.
//!
//! Getting, setting, deleting and copying properties of Logon, Folder, Message and Attachment
//! objects, and mapping named properties to property IDs. The stream ROPs of the same spec
//! (MS-OXCROPS 2.2.9) are in [`super::stream`].
//!
//! Responses whose layout MS-OXCROPS splits into a success and a failure buffer are enums
//! with a `Success` variant (ReturnValue 0, implied) and a `Failure(ResponseHeader)` variant
//! (any other ReturnValue); an encoder refuses a `Failure` whose ReturnValue is 0, since it
//! would come back as a `Success`.

use bytes::BufMut;
use serde::Serialize;
use uuid::Uuid;

use super::{ResponseContext, ResponseHeader, Rop, RopId};
use crate::wire::ErrorCode;
use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{
    CountWidth, Wire, bool8, check_count, guid, put_guid, take_len, u8 as le_u8, u16 as le_u16,
    u32 as le_u32,
};
use crate::wire::property::{
    PropertyName, PropertyProblemArray, PropertyRow, PropertyTagArray, TaggedPropertyValue,
};

// ---------------------------------------------------------------------------------------------
// Helpers shared with `stream.rs`.

/// Reads LogonId and one handle index, the start of most requests.
pub(super) fn logon_and_handle(input: &[u8]) -> PResult<'_, (u8, u8)> {
    let (i, logon_id) = le_u8(input)?;
    let (i, handle) = le_u8(i)?;
    Ok((i, (logon_id, handle)))
}

/// Refuses a `Failure` response whose ReturnValue is 0 (it would decode as a success).
pub(super) fn check_failure(
    h: &ResponseHeader,
    structure: &'static str,
) -> Result<(), EncodeError> {
    if h.is_success() {
        Err(EncodeError::Invalid {
            structure,
            reason: "a failure response with ReturnValue 0",
        })
    } else {
        Ok(())
    }
}

/// Writes a success response's handle index and a ReturnValue of 0.
pub(super) fn put_success<B: BufMut>(out: &mut B, handle_index: u8) {
    out.put_u8(handle_index);
    out.put_u32_le(0);
}

/// Reads `count` 16-bit property IDs after checking they fit.
fn u16_list<'a>(input: &'a [u8], count: usize, field: &'static str) -> PResult<'a, Vec<u16>> {
    check_count(input, count, 2, field)?;
    let mut v = Vec::with_capacity(count);
    let mut i = input;
    for _ in 0..count {
        let (rest, x) = le_u16(i)?;
        i = rest;
        v.push(x);
    }
    Ok((i, v))
}

fn put_u16_list<B: BufMut>(
    out: &mut B,
    ids: &[u16],
    structure: &'static str,
    field: &'static str,
) -> Result<(), EncodeError> {
    CountWidth::U16.put(out, ids.len(), structure, field)?;
    for id in ids {
        out.put_u16_le(*id);
    }
    Ok(())
}

/// Reads a 16-bit count and that many PropertyNames (MS-OXCDATA 2.6.1, at least 17 bytes each).
fn property_names<'a>(input: &'a [u8], field: &'static str) -> PResult<'a, Vec<PropertyName>> {
    let (mut i, n) = le_u16(input)?;
    let n = usize::from(n);
    check_count(i, n, 17, field)?;
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        let (rest, name) = PropertyName::decode(i)?;
        i = rest;
        v.push(name);
    }
    Ok((i, v))
}

fn put_property_names<B: BufMut>(
    out: &mut B,
    names: &[PropertyName],
    structure: &'static str,
    field: &'static str,
) -> Result<(), EncodeError> {
    CountWidth::U16.put(out, names.len(), structure, field)?;
    for n in names {
        n.encode(out)?;
    }
    Ok(())
}

/// Reads a 16-bit count and that many TaggedPropertyValues (at least 4 bytes each).
fn tagged_values<'a>(
    input: &'a [u8],
    field: &'static str,
) -> PResult<'a, Vec<TaggedPropertyValue>> {
    let (mut i, n) = le_u16(input)?;
    let n = usize::from(n);
    check_count(i, n, 4, field)?;
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        let (rest, tv) = TaggedPropertyValue::decode_with(CountWidth::U16, i)?;
        i = rest;
        v.push(tv);
    }
    Ok((i, v))
}

fn put_tagged_values<B: BufMut>(
    out: &mut B,
    values: &[TaggedPropertyValue],
    structure: &'static str,
    field: &'static str,
) -> Result<(), EncodeError> {
    CountWidth::U16.put(out, values.len(), structure, field)?;
    for v in values {
        v.encode_with(CountWidth::U16, out)?;
    }
    Ok(())
}

/// A response that is a [`ResponseHeader`] and, on success only, a PropertyProblemCount and
/// PropertyProblems (RopSetProperties, RopDeleteProperties and their NoReplicate forms).
fn decode_problems_response<'a>(
    structure: &'static str,
    input: &'a [u8],
) -> PResult<'a, ProblemsResponse> {
    named(structure, input, |i| {
        let (i, h) = ResponseHeader::decode(i)?;
        if !h.is_success() {
            return Ok((i, ProblemsResponse::Failure(h)));
        }
        let (i, problems) = PropertyProblemArray::decode(i)?;
        Ok((
            i,
            ProblemsResponse::Success {
                input_handle_index: h.handle_index,
                property_problems: problems,
            },
        ))
    })
}

fn encode_problems_response<B: BufMut>(
    structure: &'static str,
    response: &ProblemsResponse,
    out: &mut B,
) -> Result<(), EncodeError> {
    match response {
        ProblemsResponse::Success {
            input_handle_index,
            property_problems,
        } => {
            put_success(out, *input_handle_index);
            property_problems.encode(out)
        }
        ProblemsResponse::Failure(h) => {
            check_failure(h, structure)?;
            h.encode(out);
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// RopGetPropertiesSpecific

/// MS-OXCROPS 2.2.8.3.1 RopGetPropertiesSpecific request (MS-OXCPRPT 2.2.2.1): the values of
/// the listed properties.
///
/// The response row is laid out against `property_tags`: a tag of type PtypUnspecified gets
/// its value with the type in front (the server picks PtypString when `want_unicode` is
/// nonzero, PtypString8 otherwise, for string properties), every other tag gets a value of
/// exactly its own type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetPropertiesSpecificRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object.
    pub input_handle_index: u8,
    /// The largest value size the server returns (0: only the buffer size limits it); larger
    /// values come back as NotEnoughMemory errors.
    pub property_size_limit: u16,
    /// Nonzero: PtypUnspecified string properties come back as PtypString (Unicode).
    pub want_unicode: u16,
    /// The properties wanted, in the order their values come back.
    pub property_tags: PropertyTagArray,
}

/// MS-OXCROPS 2.2.8.3.2 / 2.2.8.3.3 RopGetPropertiesSpecific response (MS-OXCPRPT 2.2.2.2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum GetPropertiesSpecificResponse {
    /// ReturnValue 0: one row with a value (or, in a flagged row, an error) per requested tag.
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// The values, against the request's tags.
        row_data: PropertyRow,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for GetPropertiesSpecificRequest {
    const ID: RopId = RopId::GET_PROPERTIES_SPECIFIC;
    type Response = GetPropertiesSpecificResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetPropertiesSpecific", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, property_size_limit) = le_u16(i)?;
            let (i, want_unicode) = le_u16(i)?;
            let (i, property_tags) = PropertyTagArray::decode_with(CountWidth::U16, i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    property_size_limit,
                    want_unicode,
                    property_tags,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u16_le(self.property_size_limit);
        out.put_u16_le(self.want_unicode);
        self.property_tags.encode_with(CountWidth::U16, out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopGetPropertiesSpecific", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, GetPropertiesSpecificResponse::Failure(h)));
            }
            let (i, row_data) =
                PropertyRow::decode_with(&self.property_tags.0, CountWidth::U16, i)?;
            Ok((
                i,
                GetPropertiesSpecificResponse::Success {
                    input_handle_index: h.handle_index,
                    row_data,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            GetPropertiesSpecificResponse::Success {
                input_handle_index,
                row_data,
            } => {
                put_success(out, *input_handle_index);
                row_data.encode_with(&self.property_tags.0, CountWidth::U16, out)
            }
            GetPropertiesSpecificResponse::Failure(h) => {
                check_failure(h, "RopGetPropertiesSpecific")?;
                h.encode(out);
                Ok(())
            }
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopGetPropertiesAll

/// MS-OXCROPS 2.2.8.4.1 RopGetPropertiesAll request (MS-OXCPRPT 2.2.3.1): every property of
/// the object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GetPropertiesAllRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object.
    pub input_handle_index: u8,
    /// The largest value size the server returns (0: only the buffer size limits it).
    pub property_size_limit: u16,
    /// Nonzero: string properties come back as PtypString (Unicode).
    pub want_unicode: u16,
}

/// MS-OXCROPS 2.2.8.4.2 / 2.2.8.4.3 RopGetPropertiesAll response (MS-OXCPRPT 2.2.3.2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum GetPropertiesAllResponse {
    /// ReturnValue 0: the properties with their tags. A value over the size limit comes back
    /// as PtypErrorCode NotEnoughMemory.
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// PropertyValueCount and PropertyValues.
        property_values: Vec<TaggedPropertyValue>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for GetPropertiesAllRequest {
    const ID: RopId = RopId::GET_PROPERTIES_ALL;
    type Response = GetPropertiesAllResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetPropertiesAll", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, property_size_limit) = le_u16(i)?;
            let (i, want_unicode) = le_u16(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    property_size_limit,
                    want_unicode,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u16_le(self.property_size_limit);
        out.put_u16_le(self.want_unicode);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopGetPropertiesAll", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, GetPropertiesAllResponse::Failure(h)));
            }
            let (i, property_values) = tagged_values(i, "PropertyValueCount")?;
            Ok((
                i,
                GetPropertiesAllResponse::Success {
                    input_handle_index: h.handle_index,
                    property_values,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            GetPropertiesAllResponse::Success {
                input_handle_index,
                property_values,
            } => {
                put_success(out, *input_handle_index);
                put_tagged_values(
                    out,
                    property_values,
                    "RopGetPropertiesAll",
                    "PropertyValueCount",
                )
            }
            GetPropertiesAllResponse::Failure(h) => {
                check_failure(h, "RopGetPropertiesAll")?;
                h.encode(out);
                Ok(())
            }
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopGetPropertiesList

/// MS-OXCROPS 2.2.8.5.1 RopGetPropertiesList request (MS-OXCPRPT 2.2.4): the tags of every
/// property the object has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GetPropertiesListRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object.
    pub input_handle_index: u8,
}

/// MS-OXCROPS 2.2.8.5.2 / 2.2.8.5.3 RopGetPropertiesList response (MS-OXCPRPT 2.2.4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum GetPropertiesListResponse {
    /// ReturnValue 0: PropertyTagCount and PropertyTags.
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// The tags on the object.
        property_tags: PropertyTagArray,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for GetPropertiesListRequest {
    const ID: RopId = RopId::GET_PROPERTIES_LIST;
    type Response = GetPropertiesListResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetPropertiesList", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopGetPropertiesList", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, GetPropertiesListResponse::Failure(h)));
            }
            let (i, property_tags) = PropertyTagArray::decode_with(CountWidth::U16, i)?;
            Ok((
                i,
                GetPropertiesListResponse::Success {
                    input_handle_index: h.handle_index,
                    property_tags,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            GetPropertiesListResponse::Success {
                input_handle_index,
                property_tags,
            } => {
                put_success(out, *input_handle_index);
                property_tags.encode_with(CountWidth::U16, out)
            }
            GetPropertiesListResponse::Failure(h) => {
                check_failure(h, "RopGetPropertiesList")?;
                h.encode(out);
                Ok(())
            }
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopSetProperties, RopSetPropertiesNoReplicate

/// MS-OXCROPS 2.2.8.6.1 RopSetProperties request (MS-OXCPRPT 2.2.5.1); the same layout is
/// RopSetPropertiesNoReplicate's (MS-OXCROPS 2.2.8.7.1, MS-OXCPRPT 2.2.6.1), see
/// [`SetPropertiesNoReplicateRequest`].
///
/// PropertyValueSize (the byte size of PropertyValueCount plus PropertyValues) is not stored:
/// the encoder computes it, and the decoder requires the values to fill it exactly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetPropertiesRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object.
    pub input_handle_index: u8,
    /// The values to set.
    pub property_values: Vec<TaggedPropertyValue>,
}

/// MS-OXCROPS 2.2.8.7.1 RopSetPropertiesNoReplicate request (MS-OXCPRPT 2.2.6.1): as
/// [`SetPropertiesRequest`], but the change is not replicated (public folders).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct SetPropertiesNoReplicateRequest(pub SetPropertiesRequest);

/// MS-OXCROPS 2.2.8.6.2 / 2.2.8.6.3 (and 2.2.8.7.2 / 2.2.8.7.3, 2.2.8.8.2 / 2.2.8.8.3,
/// 2.2.8.9.2 / 2.2.8.9.3): the response of RopSetProperties, RopSetPropertiesNoReplicate,
/// RopDeleteProperties and RopDeletePropertiesNoReplicate (MS-OXCPRPT 2.2.5.2 - 2.2.8.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ProblemsResponse {
    /// ReturnValue 0: the properties that could not be set or deleted (often none).
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// PropertyProblemCount and PropertyProblems.
        property_problems: PropertyProblemArray,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

/// The response of RopSetProperties.
pub type SetPropertiesResponse = ProblemsResponse;

impl SetPropertiesRequest {
    fn decode_as<'a>(structure: &'static str, input: &'a [u8]) -> PResult<'a, Self> {
        named(structure, input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, size) = le_u16(i)?;
            let (rest, body) = take_len(i, usize::from(size), "PropertyValueSize")?;
            let (left, property_values) = tagged_values(body, "PropertyValueCount")?;
            if !left.is_empty() {
                return fail(
                    i,
                    structure,
                    ErrorKind::InvalidValue {
                        field: "PropertyValueSize",
                        value: u64::from(size),
                    },
                );
            }
            Ok((
                rest,
                Self {
                    logon_id,
                    input_handle_index,
                    property_values,
                },
            ))
        })
    }

    fn encode_as<B: BufMut>(
        &self,
        structure: &'static str,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        let mut body = Vec::new();
        put_tagged_values(
            &mut body,
            &self.property_values,
            structure,
            "PropertyValueCount",
        )?;
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        CountWidth::U16.put(out, body.len(), structure, "PropertyValueSize")?;
        out.put_slice(&body);
        Ok(())
    }
}

impl Rop for SetPropertiesRequest {
    const ID: RopId = RopId::SET_PROPERTIES;
    type Response = SetPropertiesResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_as("RopSetProperties", input)
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_as("RopSetProperties", out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        decode_problems_response("RopSetProperties", input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_problems_response("RopSetProperties", response, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

impl Rop for SetPropertiesNoReplicateRequest {
    const ID: RopId = RopId::SET_PROPERTIES_NO_REPLICATE;
    type Response = ProblemsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        let (i, r) = SetPropertiesRequest::decode_as("RopSetPropertiesNoReplicate", input)?;
        Ok((i, Self(r)))
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.0.encode_as("RopSetPropertiesNoReplicate", out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        decode_problems_response("RopSetPropertiesNoReplicate", input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_problems_response("RopSetPropertiesNoReplicate", response, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.0.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopDeleteProperties, RopDeletePropertiesNoReplicate

/// MS-OXCROPS 2.2.8.8.1 RopDeleteProperties request (MS-OXCPRPT 2.2.7.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeletePropertiesRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object.
    pub input_handle_index: u8,
    /// PropertyTagCount and PropertyTags: the properties to delete.
    pub property_tags: PropertyTagArray,
}

/// MS-OXCROPS 2.2.8.9.1 RopDeletePropertiesNoReplicate request (MS-OXCPRPT 2.2.8.1): as
/// [`DeletePropertiesRequest`], without replication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DeletePropertiesNoReplicateRequest(pub DeletePropertiesRequest);

impl DeletePropertiesRequest {
    fn decode_as<'a>(structure: &'static str, input: &'a [u8]) -> PResult<'a, Self> {
        named(structure, input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, property_tags) = PropertyTagArray::decode_with(CountWidth::U16, i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    property_tags,
                },
            ))
        })
    }

    fn encode_as<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        self.property_tags.encode_with(CountWidth::U16, out)
    }
}

impl Rop for DeletePropertiesRequest {
    const ID: RopId = RopId::DELETE_PROPERTIES;
    type Response = ProblemsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        Self::decode_as("RopDeleteProperties", input)
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.encode_as(out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        decode_problems_response("RopDeleteProperties", input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_problems_response("RopDeleteProperties", response, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

impl Rop for DeletePropertiesNoReplicateRequest {
    const ID: RopId = RopId::DELETE_PROPERTIES_NO_REPLICATE;
    type Response = ProblemsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        let (i, r) = DeletePropertiesRequest::decode_as("RopDeletePropertiesNoReplicate", input)?;
        Ok((i, Self(r)))
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.0.encode_as(out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        decode_problems_response("RopDeletePropertiesNoReplicate", input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_problems_response("RopDeletePropertiesNoReplicate", response, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.0.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopQueryNamedProperties

/// MS-OXCPRPT 2.2.9.1 QueryFlags of RopQueryNamedProperties. Unknown bits are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct QueryNamedPropertiesFlags(pub u8);

impl QueryNamedPropertiesFlags {
    /// NoStrings (0x01): leave out named properties with a string name.
    pub const NO_STRINGS: Self = Self(0x01);
    /// NoIds (0x02): leave out named properties with a LID.
    pub const NO_IDS: Self = Self(0x02);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

/// MS-OXCROPS 2.2.8.10.1 RopQueryNamedProperties request (MS-OXCPRPT 2.2.9.1): the named
/// properties registered on the object's store, optionally of one property set.
///
/// HasGuid is a Boolean on the wire; it is written as 1 when `property_guid` is present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QueryNamedPropertiesRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object.
    pub input_handle_index: u8,
    /// Which kinds of names to leave out.
    pub query_flags: QueryNamedPropertiesFlags,
    /// HasGuid and PropertyGuid: only names in this property set.
    pub property_guid: Option<Uuid>,
}

/// MS-OXCROPS 2.2.8.10.2 / 2.2.8.10.3 RopQueryNamedProperties response (MS-OXCPRPT 2.2.9.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum QueryNamedPropertiesResponse {
    /// ReturnValue 0: IdCount, then that many property IDs, then as many names.
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// The property IDs.
        property_ids: Vec<u16>,
        /// The name of each ID, in the same order (the same length as `property_ids`).
        property_names: Vec<PropertyName>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for QueryNamedPropertiesRequest {
    const ID: RopId = RopId::QUERY_NAMED_PROPERTIES;
    type Response = QueryNamedPropertiesResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopQueryNamedProperties", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, flags) = le_u8(i)?;
            let (i, has_guid) = bool8(i)?;
            let (i, property_guid) = if has_guid {
                let (i, g) = guid(i)?;
                (i, Some(g))
            } else {
                (i, None)
            };
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    query_flags: QueryNamedPropertiesFlags(flags),
                    property_guid,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.query_flags.0);
        match &self.property_guid {
            Some(g) => {
                out.put_u8(1);
                put_guid(out, g);
            }
            None => out.put_u8(0),
        }
        Ok(())
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopQueryNamedProperties", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, QueryNamedPropertiesResponse::Failure(h)));
            }
            let (i, n) = le_u16(i)?;
            let n = usize::from(n);
            // Each entry is a 2-byte ID plus a PropertyName of at least 17 bytes.
            check_count(i, n, 19, "IdCount")?;
            let (mut i, property_ids) = u16_list(i, n, "IdCount")?;
            let mut property_names = Vec::with_capacity(n);
            for _ in 0..n {
                let (rest, name) = PropertyName::decode(i)?;
                i = rest;
                property_names.push(name);
            }
            Ok((
                i,
                QueryNamedPropertiesResponse::Success {
                    input_handle_index: h.handle_index,
                    property_ids,
                    property_names,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            QueryNamedPropertiesResponse::Success {
                input_handle_index,
                property_ids,
                property_names,
            } => {
                if property_ids.len() != property_names.len() {
                    return Err(EncodeError::Invalid {
                        structure: "RopQueryNamedProperties",
                        reason: "PropertyIds and PropertyNames differ in length",
                    });
                }
                put_success(out, *input_handle_index);
                put_u16_list(out, property_ids, "RopQueryNamedProperties", "IdCount")?;
                for n in property_names {
                    n.encode(out)?;
                }
                Ok(())
            }
            QueryNamedPropertiesResponse::Failure(h) => {
                check_failure(h, "RopQueryNamedProperties")?;
                h.encode(out);
                Ok(())
            }
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopGetPropertyIdsFromNames

/// MS-OXCPRPT 2.2.12.1 Flags of RopGetPropertyIdsFromNames. Unknown bits are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct GetPropertyIdsFlags(pub u8);

impl GetPropertyIdsFlags {
    /// 0x00: only look names up.
    pub const NONE: Self = Self(0x00);
    /// Create (0x02): register names that have no ID yet.
    pub const CREATE: Self = Self(0x02);
}

/// MS-OXCROPS 2.2.8.1.1 RopGetPropertyIdsFromNames request (MS-OXCPRPT 2.2.12.1): maps named
/// properties to property IDs; no names asks for every registered named property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetPropertyIdsFromNamesRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object.
    pub input_handle_index: u8,
    /// Whether to create missing mappings.
    pub flags: GetPropertyIdsFlags,
    /// PropertyNameCount and PropertyNames.
    pub property_names: Vec<PropertyName>,
}

/// MS-OXCROPS 2.2.8.1.2 / 2.2.8.1.3 RopGetPropertyIdsFromNames response (MS-OXCPRPT
/// 2.2.12.2).
///
/// MS-OXCROPS lists only ReturnValue 0 with the IDs, but MS-OXCPRPT 3.2.5.8 has the server
/// answer ErrorsReturned (ecWarnWithErrors, 0x00040380) when some names could not be mapped,
/// with the IDs (0x0000 for those names); so the IDs are read for both values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum GetPropertyIdsFromNamesResponse {
    /// ReturnValue 0 or ErrorsReturned: one ID per requested name, 0 where unmapped.
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// 0 or [`ErrorCode::ERRORS_RETURNED`].
        return_value: ErrorCode,
        /// PropertyIdCount and PropertyIds.
        property_ids: Vec<u16>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

/// Whether a RopGetPropertyIdsFromNames ReturnValue carries the IDs.
fn ids_follow(rv: ErrorCode) -> bool {
    rv.0 == 0 || rv == ErrorCode::ERRORS_RETURNED
}

impl Rop for GetPropertyIdsFromNamesRequest {
    const ID: RopId = RopId::GET_PROPERTY_IDS_FROM_NAMES;
    type Response = GetPropertyIdsFromNamesResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetPropertyIdsFromNames", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, flags) = le_u8(i)?;
            let (i, property_names) = property_names(i, "PropertyNameCount")?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    flags: GetPropertyIdsFlags(flags),
                    property_names,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        out.put_u8(self.flags.0);
        put_property_names(
            out,
            &self.property_names,
            "RopGetPropertyIdsFromNames",
            "PropertyNameCount",
        )
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopGetPropertyIdsFromNames", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !ids_follow(h.return_value) {
                return Ok((i, GetPropertyIdsFromNamesResponse::Failure(h)));
            }
            let (i, n) = le_u16(i)?;
            let (i, property_ids) = u16_list(i, usize::from(n), "PropertyIdCount")?;
            Ok((
                i,
                GetPropertyIdsFromNamesResponse::Success {
                    input_handle_index: h.handle_index,
                    return_value: h.return_value,
                    property_ids,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        const S: &str = "RopGetPropertyIdsFromNames";
        match response {
            GetPropertyIdsFromNamesResponse::Success {
                input_handle_index,
                return_value,
                property_ids,
            } => {
                if !ids_follow(*return_value) {
                    return Err(EncodeError::Invalid {
                        structure: S,
                        reason: "IDs with a ReturnValue other than 0 or ErrorsReturned",
                    });
                }
                out.put_u8(*input_handle_index);
                out.put_u32_le(return_value.0);
                put_u16_list(out, property_ids, S, "PropertyIdCount")
            }
            GetPropertyIdsFromNamesResponse::Failure(h) => {
                if ids_follow(h.return_value) {
                    return Err(EncodeError::Invalid {
                        structure: S,
                        reason: "a failure response with ReturnValue 0 or ErrorsReturned",
                    });
                }
                h.encode(out);
                Ok(())
            }
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopGetNamesFromPropertyIds

/// MS-OXCROPS 2.2.8.2.1 RopGetNamesFromPropertyIds request (MS-OXCPRPT 2.2.13.1): the names
/// of property IDs (IDs below 0x8000 come back as PS_MAPI LIDs, MS-OXCPRPT 3.2.5.9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetNamesFromPropertyIdsRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the object.
    pub input_handle_index: u8,
    /// PropertyIdCount and PropertyIds.
    pub property_ids: Vec<u16>,
}

/// MS-OXCROPS 2.2.8.2.2 / 2.2.8.2.3 RopGetNamesFromPropertyIds response (MS-OXCPRPT
/// 2.2.13.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum GetNamesFromPropertyIdsResponse {
    /// ReturnValue 0: one name per requested ID (Kind 0xFF where there is none).
    Success {
        /// The request's InputHandleIndex.
        input_handle_index: u8,
        /// PropertyNameCount and PropertyNames.
        property_names: Vec<PropertyName>,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

impl Rop for GetNamesFromPropertyIdsRequest {
    const ID: RopId = RopId::GET_NAMES_FROM_PROPERTY_IDS;
    type Response = GetNamesFromPropertyIdsResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopGetNamesFromPropertyIds", input, |i| {
            let (i, (logon_id, input_handle_index)) = logon_and_handle(i)?;
            let (i, n) = le_u16(i)?;
            let (i, property_ids) = u16_list(i, usize::from(n), "PropertyIdCount")?;
            Ok((
                i,
                Self {
                    logon_id,
                    input_handle_index,
                    property_ids,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.input_handle_index);
        put_u16_list(
            out,
            &self.property_ids,
            "RopGetNamesFromPropertyIds",
            "PropertyIdCount",
        )
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        named("RopGetNamesFromPropertyIds", input, |i| {
            let (i, h) = ResponseHeader::decode(i)?;
            if !h.is_success() {
                return Ok((i, GetNamesFromPropertyIdsResponse::Failure(h)));
            }
            let (i, property_names) = property_names(i, "PropertyNameCount")?;
            Ok((
                i,
                GetNamesFromPropertyIdsResponse::Success {
                    input_handle_index: h.handle_index,
                    property_names,
                },
            ))
        })
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        match response {
            GetNamesFromPropertyIdsResponse::Success {
                input_handle_index,
                property_names,
            } => {
                put_success(out, *input_handle_index);
                put_property_names(
                    out,
                    property_names,
                    "RopGetNamesFromPropertyIds",
                    "PropertyNameCount",
                )
            }
            GetNamesFromPropertyIdsResponse::Failure(h) => {
                check_failure(h, "RopGetNamesFromPropertyIds")?;
                h.encode(out);
                Ok(())
            }
        }
    }

    fn input_handle_index(&self) -> u8 {
        self.input_handle_index
    }
}

// ---------------------------------------------------------------------------------------------
// RopCopyProperties, RopCopyTo

/// MS-OXCPRPT 2.2.10.1 / 2.2.11.1 CopyFlags of RopCopyProperties and RopCopyTo. Unknown bits
/// are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct CopyFlags(pub u8);

impl CopyFlags {
    /// Move (0x01): delete the properties from the source after copying.
    pub const MOVE: Self = Self(0x01);
    /// NoOverwrite (0x02): keep properties the destination already has.
    pub const NO_OVERWRITE: Self = Self(0x02);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

/// MS-OXCROPS 2.2.8.11.1 RopCopyProperties request (MS-OXCPRPT 2.2.10.1): copies the listed
/// properties from the source object to the destination object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyPropertiesRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the source object.
    pub source_handle_index: u8,
    /// The handle table index of the destination object.
    pub dest_handle_index: u8,
    /// WantAsynchronous (a Boolean; servers may ignore it).
    pub want_asynchronous: bool,
    /// Move and NoOverwrite.
    pub copy_flags: CopyFlags,
    /// PropertyTagCount and PropertyTags: the properties to copy.
    pub property_tags: PropertyTagArray,
}

/// MS-OXCROPS 2.2.8.11.2 - 2.2.8.11.4 (and 2.2.8.12.2 - 2.2.8.12.4) RopCopyProperties and
/// RopCopyTo response (MS-OXCPRPT 2.2.10.2, 2.2.11.2): three layouts by ReturnValue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CopyResponse {
    /// ReturnValue 0: the properties that could not be copied.
    Success {
        /// The request's SourceHandleIndex.
        source_handle_index: u8,
        /// PropertyProblemCount and PropertyProblems.
        property_problems: PropertyProblemArray,
    },
    /// ReturnValue NullDestinationObject (0x00000503): the destination handle was not valid;
    /// the response names it.
    NullDestinationObject {
        /// The request's SourceHandleIndex.
        source_handle_index: u8,
        /// The request's DestHandleIndex, as a 4-byte field.
        dest_handle_index: u32,
    },
    /// Any other ReturnValue.
    Failure(ResponseHeader),
}

/// The response of RopCopyProperties.
pub type CopyPropertiesResponse = CopyResponse;
/// The response of RopCopyTo.
pub type CopyToResponse = CopyResponse;

fn decode_copy_response<'a>(structure: &'static str, input: &'a [u8]) -> PResult<'a, CopyResponse> {
    named(structure, input, |i| {
        let (i, h) = ResponseHeader::decode(i)?;
        if h.is_success() {
            let (i, property_problems) = PropertyProblemArray::decode(i)?;
            Ok((
                i,
                CopyResponse::Success {
                    source_handle_index: h.handle_index,
                    property_problems,
                },
            ))
        } else if h.return_value == ErrorCode::NULL_DESTINATION_OBJECT {
            let (i, dest_handle_index) = le_u32(i)?;
            Ok((
                i,
                CopyResponse::NullDestinationObject {
                    source_handle_index: h.handle_index,
                    dest_handle_index,
                },
            ))
        } else {
            Ok((i, CopyResponse::Failure(h)))
        }
    })
}

fn encode_copy_response<B: BufMut>(
    structure: &'static str,
    response: &CopyResponse,
    out: &mut B,
) -> Result<(), EncodeError> {
    match response {
        CopyResponse::Success {
            source_handle_index,
            property_problems,
        } => {
            put_success(out, *source_handle_index);
            property_problems.encode(out)
        }
        CopyResponse::NullDestinationObject {
            source_handle_index,
            dest_handle_index,
        } => {
            out.put_u8(*source_handle_index);
            out.put_u32_le(ErrorCode::NULL_DESTINATION_OBJECT.0);
            out.put_u32_le(*dest_handle_index);
            Ok(())
        }
        CopyResponse::Failure(h) => {
            check_failure(h, structure)?;
            if h.return_value == ErrorCode::NULL_DESTINATION_OBJECT {
                return Err(EncodeError::Invalid {
                    structure,
                    reason: "NullDestinationObject needs its DestHandleIndex",
                });
            }
            h.encode(out);
            Ok(())
        }
    }
}

impl Rop for CopyPropertiesRequest {
    const ID: RopId = RopId::COPY_PROPERTIES;
    type Response = CopyPropertiesResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCopyProperties", input, |i| {
            let (i, (logon_id, source_handle_index)) = logon_and_handle(i)?;
            let (i, dest_handle_index) = le_u8(i)?;
            let (i, want_asynchronous) = bool8(i)?;
            let (i, copy_flags) = le_u8(i)?;
            let (i, property_tags) = PropertyTagArray::decode_with(CountWidth::U16, i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    source_handle_index,
                    dest_handle_index,
                    want_asynchronous,
                    copy_flags: CopyFlags(copy_flags),
                    property_tags,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.source_handle_index);
        out.put_u8(self.dest_handle_index);
        out.put_u8(u8::from(self.want_asynchronous));
        out.put_u8(self.copy_flags.0);
        self.property_tags.encode_with(CountWidth::U16, out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        decode_copy_response("RopCopyProperties", input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_copy_response("RopCopyProperties", response, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.source_handle_index
    }
}

/// MS-OXCROPS 2.2.8.12.1 RopCopyTo request (MS-OXCPRPT 2.2.11.1): copies every property of the
/// source object except the excluded ones, optionally with its subobjects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyToRequest {
    /// The logon the operation belongs to.
    pub logon_id: u8,
    /// The handle table index of the source object.
    pub source_handle_index: u8,
    /// The handle table index of the destination object.
    pub dest_handle_index: u8,
    /// WantAsynchronous (a Boolean; servers may ignore it).
    pub want_asynchronous: bool,
    /// WantSubObjects: copy recipients and attachments (messages) or subfolders too.
    pub want_sub_objects: bool,
    /// Move and NoOverwrite.
    pub copy_flags: CopyFlags,
    /// ExcludedTagCount and ExcludedTags: the properties not to copy.
    pub excluded_tags: PropertyTagArray,
}

impl Rop for CopyToRequest {
    const ID: RopId = RopId::COPY_TO;
    type Response = CopyToResponse;

    fn decode_request(input: &[u8]) -> PResult<'_, Self> {
        named("RopCopyTo", input, |i| {
            let (i, (logon_id, source_handle_index)) = logon_and_handle(i)?;
            let (i, dest_handle_index) = le_u8(i)?;
            let (i, want_asynchronous) = bool8(i)?;
            let (i, want_sub_objects) = bool8(i)?;
            let (i, copy_flags) = le_u8(i)?;
            let (i, excluded_tags) = PropertyTagArray::decode_with(CountWidth::U16, i)?;
            Ok((
                i,
                Self {
                    logon_id,
                    source_handle_index,
                    dest_handle_index,
                    want_asynchronous,
                    want_sub_objects,
                    copy_flags: CopyFlags(copy_flags),
                    excluded_tags,
                },
            ))
        })
    }

    fn encode_request<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u8(self.logon_id);
        out.put_u8(self.source_handle_index);
        out.put_u8(self.dest_handle_index);
        out.put_u8(u8::from(self.want_asynchronous));
        out.put_u8(u8::from(self.want_sub_objects));
        out.put_u8(self.copy_flags.0);
        self.excluded_tags.encode_with(CountWidth::U16, out)
    }

    fn decode_response<'a>(
        &self,
        _ctx: &ResponseContext<'_>,
        input: &'a [u8],
    ) -> PResult<'a, Self::Response> {
        decode_copy_response("RopCopyTo", input)
    }

    fn encode_response<B: BufMut>(
        &self,
        response: &Self::Response,
        _ctx: &ResponseContext<'_>,
        out: &mut B,
    ) -> Result<(), EncodeError> {
        encode_copy_response("RopCopyTo", response, out)
    }

    fn input_handle_index(&self) -> u8 {
        self.source_handle_index
    }
}
