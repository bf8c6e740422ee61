//! One registry of every decoder, for the fuzz targets in `fuzz/`, the corpus replay test and
//! the bounded-allocation test (cargo feature `fuzzing`).
//!
//! Each [`Decoder`] takes arbitrary bytes, decodes them, and when decoding succeeds re-encodes
//! the value and decodes the result again: a decoder that accepts input its own encoder cannot
//! reproduce is as much a bug as a crash. Fuzz targets pick a decoder of their [`Family`] with
//! the first input byte, so every decoder is reachable from a small number of targets, and the
//! same registry drives `cargo test` over the committed corpora without a nightly toolchain.

use std::fmt::Debug;

use crate::wire::mapihttp::RequestType;
use crate::wire::{DecodeError, EncodeError};

/// A group of related decoders; one fuzz target per family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Family {
    /// Primitive strings and counted values.
    Primitives,
    /// Property values, tagged/typed/flagged values, tag arrays, names, problems.
    PropertyValues,
    /// Property rows and row sets.
    PropertyRows,
    /// Restrictions and sort orders.
    Restrictions,
    /// Folder/message IDs, long-term IDs and every entry ID form.
    EntryIds,
    /// RPC_HEADER_EXT chains with XOR and LZ77.
    RpcExt,
    /// Raw LZ77 streams.
    Lz77,
    /// Auxiliary buffer blocks.
    AuxBuffers,
    /// Mailbox endpoint request bodies.
    MailboxRequests,
    /// Mailbox endpoint response bodies.
    MailboxResponses,
    /// The incremental response framing parser fed in chunks.
    Framing,
    /// ROP request lists (the RopsList of a ROP input buffer).
    RopRequests,
    /// ROP response lists decoded against their requests.
    RopResponses,
    /// Address book endpoint bodies, both directions of all 19 request types, and the NSPI
    /// structures they share.
    Nspi,
    /// Structure-aware: values built by `arbitrary` from the input, then encoded; the bytes
    /// must decode to the same value (the other families start from bytes instead).
    Structured,
}

impl Family {
    /// Every family, in a stable order.
    pub const ALL: &'static [Family] = &[
        Family::Primitives,
        Family::PropertyValues,
        Family::PropertyRows,
        Family::Restrictions,
        Family::EntryIds,
        Family::RpcExt,
        Family::Lz77,
        Family::AuxBuffers,
        Family::MailboxRequests,
        Family::MailboxResponses,
        Family::Framing,
        Family::RopRequests,
        Family::RopResponses,
        Family::Nspi,
        Family::Structured,
    ];

    /// The family's name as used for fuzz target and corpus directory names.
    pub fn name(self) -> &'static str {
        match self {
            Family::Primitives => "primitives",
            Family::PropertyValues => "property_values",
            Family::PropertyRows => "property_rows",
            Family::Restrictions => "restrictions",
            Family::EntryIds => "entry_ids",
            Family::RpcExt => "rpc_ext",
            Family::Lz77 => "lz77",
            Family::AuxBuffers => "aux_buffers",
            Family::MailboxRequests => "mailbox_requests",
            Family::MailboxResponses => "mailbox_responses",
            Family::Framing => "framing",
            Family::RopRequests => "rop_requests",
            Family::RopResponses => "rop_responses",
            Family::Nspi => "nspi",
            Family::Structured => "structured",
        }
    }

    /// The family with this name.
    pub fn from_name(name: &str) -> Option<Family> {
        Family::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// The decoders of this family.
    pub fn decoders(self) -> impl Iterator<Item = &'static Decoder> {
        DECODERS.iter().filter(move |d| d.family == self)
    }
}

/// What running one decoder on some input found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The input was refused with a typed error.
    Rejected,
    /// The input decoded, and its re-encoding decoded to an equal value.
    RoundTripped,
    /// A bug: the decoded value does not survive encode and decode.
    Mismatch(String),
}

/// One decoder in the registry.
pub struct Decoder {
    /// Its family.
    pub family: Family,
    /// What it decodes.
    pub name: &'static str,
    /// Runs it on arbitrary bytes.
    pub run: fn(&[u8], Mode) -> Outcome,
    /// False for encoders fuzzed here (the LZ77 compressor), whose working memory is fixed
    /// and not bounded by the input-proportional rule decoders obey.
    pub is_decoder: bool,
}

/// How much a [`Decoder`] run does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Decode only (what the allocation bound is measured on).
    DecodeOnly,
    /// Decode, and on success encode and decode again and compare.
    RoundTrip,
}

impl Debug for Decoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}::{}", self.family.name(), self.name)
    }
}

/// Runs the decoder of `family` chosen by the first byte on the remaining bytes.
/// Returns `None` for empty input or a family without decoders.
pub fn run_selected(family: Family, data: &[u8]) -> Option<(&'static Decoder, Outcome)> {
    let (&selector, rest) = data.split_first()?;
    let decoders: Vec<&'static Decoder> = family.decoders().collect();
    let decoder = decoders.get(usize::from(selector) % decoders.len().max(1))?;
    Some((decoder, (decoder.run)(rest, Mode::RoundTrip)))
}

/// Decodes with `decode`; if that succeeds, encodes, decodes again and compares.
pub fn check<T: PartialEq + Debug>(
    input: &[u8],
    mode: Mode,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
    encode: impl Fn(&T) -> Result<Vec<u8>, EncodeError>,
) -> Outcome {
    let Ok(value) = decode(input) else {
        return Outcome::Rejected;
    };
    if mode == Mode::DecodeOnly {
        return Outcome::RoundTripped;
    }
    let bytes = match encode(&value) {
        Ok(b) => b,
        Err(e) => return Outcome::Mismatch(format!("decoded {value:?} but cannot encode it: {e}")),
    };
    match decode(&bytes) {
        Ok(again) if again == value => Outcome::RoundTripped,
        // Floating-point property values compare with `==` (documented on `PropertyValue`), so
        // a NaN is never equal to itself even when every bit survived. Such a pair still round
        // trips if nothing tells the two apart: the same Debug text and the same re-encoding.
        Ok(again)
            if format!("{again:?}") == format!("{value:?}")
                && encode(&again).is_ok_and(|b| b == bytes) =>
        {
            Outcome::RoundTripped
        }
        Ok(again) => Outcome::Mismatch(format!("{value:?} re-decoded as {again:?}")),
        Err(e) => Outcome::Mismatch(format!("{value:?} re-encoded to bytes that fail: {e}")),
    }
}

/// Like [`check`] for a [`crate::wire::Wire`] type.
pub fn check_wire<T: crate::wire::Wire + PartialEq + Debug>(input: &[u8], mode: Mode) -> Outcome {
    check(input, mode, T::from_bytes, T::to_bytes)
}

macro_rules! decoders {
    ($($family:ident $name:literal $(($encoder:ident))? => $run:expr),* $(,)?) => {
        /// Every decoder of the crate.
        pub static DECODERS: &[Decoder] = &[$(Decoder {
            family: Family::$family,
            name: $name,
            run: $run,
            is_decoder: decoders!(@is_decoder $($encoder)?),
        }),*];
    };
    (@is_decoder encoder) => { false };
    (@is_decoder) => { true };
}

fn primitive_strings(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::error::decode_all;
    use crate::wire::primitives::{put_utf16z, utf16z};
    check(
        input,
        mode,
        |i| decode_all(i, utf16z),
        |s| {
            let mut out = Vec::new();
            put_utf16z(&mut out, s, "UTF-16 string")?;
            Ok(out)
        },
    )
}

fn primitive_ascii(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::error::decode_all;
    use crate::wire::primitives::{ascii_z, put_ascii_z};
    check(
        input,
        mode,
        |i| decode_all(i, ascii_z),
        |s| {
            let mut out = Vec::new();
            put_ascii_z(&mut out, s, "ASCII string")?;
            Ok(out)
        },
    )
}

fn rpc_ext_chain(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::rpc_ext::{EncodeOptions, ExtFlags, decode_chain, encode_chain};
    // Buffers compressed by another implementation re-encode equivalently, not identically:
    // compare what the chain means (payloads, obfuscation, Last), not its header sizes.
    let meaning = |bytes: &[u8]| {
        decode_chain(bytes).map(|chain| {
            chain
                .into_iter()
                .map(|b| (b.payload, b.header.flags.contains(ExtFlags::LAST)))
                .collect::<Vec<_>>()
        })
    };
    check(input, mode, meaning, |chain| {
        let payloads: Vec<&[u8]> = chain.iter().map(|(p, _)| &p[..]).collect();
        let mut out = Vec::new();
        encode_chain(
            &payloads,
            EncodeOptions {
                compress: true,
                xor_magic: true,
            },
            &mut out,
        )?;
        Ok(out)
    })
}

fn lz77_stream(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::lz77::{compress, decompress};
    let Some((size, stream)) = input.split_first_chunk::<2>() else {
        return Outcome::Rejected;
    };
    let size_actual = usize::from(u16::from_le_bytes(*size));
    let Ok(plain) = decompress(stream, size_actual) else {
        return Outcome::Rejected;
    };
    if mode == Mode::DecodeOnly {
        return Outcome::RoundTripped;
    }
    match decompress(&compress(&plain), plain.len()) {
        Ok(again) if again == plain => Outcome::RoundTripped,
        Ok(_) => Outcome::Mismatch("LZ77 round trip changed the data".into()),
        Err(e) => Outcome::Mismatch(format!("our own LZ77 stream does not decompress: {e}")),
    }
}

fn lz77_compress(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::lz77::{compress, decompress};
    let stream = compress(input);
    if mode == Mode::DecodeOnly {
        return Outcome::RoundTripped;
    }
    match decompress(&stream, input.len()) {
        Ok(plain) if plain == input => Outcome::RoundTripped,
        Ok(_) => Outcome::Mismatch("compress then decompress changed the data".into()),
        Err(e) => Outcome::Mismatch(format!("our own LZ77 stream does not decompress: {e}")),
    }
}

fn framing_chunked(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::mapihttp::framing::{FramedResponse, FramerLimits, ResponseFramer, frame_all};
    let Some((&chunk, stream)) = input.split_first() else {
        return Outcome::Rejected;
    };
    let limits = FramerLimits::default();
    let whole = frame_all(stream, limits);
    if mode == Mode::DecodeOnly {
        return if whole.is_ok() {
            Outcome::RoundTripped
        } else {
            Outcome::Rejected
        };
    }
    // Fed in chunks of `chunk` bytes, the framer must reach the same result as all at once.
    let mut framer = ResponseFramer::new(limits);
    let mut fed = Ok(());
    for piece in stream.chunks(usize::from(chunk).max(1)) {
        if let Err(e) = framer.feed(piece) {
            fed = Err(e);
            break;
        }
    }
    let chunked = fed.and_then(|()| framer.finish());
    let same = |a: &FramedResponse, b: &FramedResponse| {
        a.meta == b.meta && a.body == b.body && a.pending_count == b.pending_count
    };
    match (&whole, &chunked) {
        (Ok(a), Ok(b)) if !same(a, b) => {
            return Outcome::Mismatch(format!("chunks of {chunk} give {b:?}, whole input {a:?}"));
        }
        (Ok(_), Err(e)) | (Err(e), Ok(_)) => {
            return Outcome::Mismatch(format!("chunks of {chunk} and whole input disagree: {e}"));
        }
        (Err(_), Err(_)) => return Outcome::Rejected,
        _ => {}
    }
    let Ok(framed) = whole else {
        return Outcome::Rejected;
    };
    let mut out = Vec::new();
    if let Err(e) = framed.encode(&mut out) {
        return Outcome::Mismatch(format!("framed {framed:?} but cannot encode it: {e}"));
    }
    match frame_all(&out, limits) {
        Ok(again) if same(&again, &framed) => Outcome::RoundTripped,
        Ok(again) => Outcome::Mismatch(format!("{framed:?} re-framed as {again:?}")),
        Err(e) => Outcome::Mismatch(format!("{framed:?} re-encoded to a stream that fails: {e}")),
    }
}

/// Property codecs need a count width: ROP buffers (16-bit binary lengths) or NSPI (32-bit).
const WIDTHS: [crate::wire::CountWidth; 2] =
    [crate::wire::CountWidth::U16, crate::wire::CountWidth::U32];

fn width_of(selector: u8) -> crate::wire::CountWidth {
    WIDTHS[usize::from(selector & 1)]
}

/// Splits `[width byte][type u16][value...]` and round-trips the value.
fn property_value(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::error::decode_all;
    use crate::wire::property::{PropertyType, PropertyValue};
    let Some(([w, t0, t1], rest)) = input.split_first_chunk::<3>() else {
        return Outcome::Rejected;
    };
    let (width, ty) = (width_of(*w), PropertyType(u16::from_le_bytes([*t0, *t1])));
    check(
        rest,
        mode,
        |i| decode_all(i, |i| PropertyValue::decode_with(ty, width, i)),
        |v| {
            let mut out = Vec::new();
            v.encode_with(width, &mut out)?;
            Ok(out)
        },
    )
}

macro_rules! width_codec {
    ($fn_name:ident, $ty:ty) => {
        fn $fn_name(input: &[u8], mode: Mode) -> Outcome {
            use crate::wire::error::decode_all;
            let Some((w, rest)) = input.split_first() else {
                return Outcome::Rejected;
            };
            let width = width_of(*w);
            check(
                rest,
                mode,
                |i| decode_all(i, |i| <$ty>::decode_with(width, i)),
                |v| {
                    let mut out = Vec::new();
                    v.encode_with(width, &mut out)?;
                    Ok(out)
                },
            )
        }
    };
}
width_codec!(typed_value, crate::wire::property::TypedPropertyValue);
width_codec!(tagged_value, crate::wire::property::TaggedPropertyValue);
width_codec!(
    flagged_value_with_type,
    crate::wire::property::FlaggedPropertyValueWithType
);
width_codec!(tag_array, crate::wire::property::PropertyTagArray);
width_codec!(restriction, crate::wire::restriction::Restriction);

/// Splits `[width byte][column count][columns: u32 each][rows...]`: the fuzzer chooses the
/// columns too, so every property type is reachable inside rows.
macro_rules! row_codec {
    ($fn_name:ident, $ty:ty) => {
        fn $fn_name(input: &[u8], mode: Mode) -> Outcome {
            use crate::wire::error::decode_all;
            use crate::wire::property::PropertyTag;
            let Some(([w, n], rest)) = input.split_first_chunk::<2>() else {
                return Outcome::Rejected;
            };
            let width = width_of(*w);
            let Some((tags, rest)) = rest.split_at_checked(usize::from(*n % 16) * 4) else {
                return Outcome::Rejected;
            };
            let columns: Vec<PropertyTag> = tags
                .chunks_exact(4)
                .map(|c| PropertyTag(u32::from_le_bytes([c[0], c[1], c[2], c[3]])))
                .collect();
            check(
                rest,
                mode,
                |i| decode_all(i, |i| <$ty>::decode_with(&columns, width, i)),
                |v| {
                    let mut out = Vec::new();
                    v.encode_with(&columns, width, &mut out)?;
                    Ok(out)
                },
            )
        }
    };
}
row_codec!(property_row, crate::wire::property::PropertyRow);
row_codec!(property_row_set, crate::wire::property::PropertyRowSet);

fn rop_requests(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::rop::any::{decode_requests, encode_requests};
    check(input, mode, decode_requests, |r| encode_requests(r))
}

/// `[request length u16][requests][responses]`: responses decode only against requests.
fn rop_responses(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::rop::any::{ColumnState, decode_requests, decode_responses, encode_responses};
    let Some((len, rest)) = input.split_first_chunk::<2>() else {
        return Outcome::Rejected;
    };
    let Some((requests, responses)) = rest.split_at_checked(usize::from(u16::from_le_bytes(*len)))
    else {
        return Outcome::Rejected;
    };
    let Ok(requests) = decode_requests(requests) else {
        return Outcome::Rejected;
    };
    let known = ColumnState::default();
    check(
        responses,
        mode,
        |b| decode_responses(&requests, &known, b),
        |list| {
            let mut out = encode_responses(&requests, &known, &list.responses)?;
            if let Some(tail) = &list.undecoded {
                out.extend_from_slice(&tail.bytes);
            }
            Ok(out)
        },
    )
}

/// An address book request body decoded as sent with `request_type`, through the same
/// dispatcher the client and the CLI use.
fn nspi_request(request_type: RequestType, input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::nspi::NspiRequest;
    check(
        input,
        mode,
        |b| NspiRequest::decode(&request_type, b),
        NspiRequest::to_bytes,
    )
}

/// An address book response body (meta-tags removed) answering `request_type`.
fn nspi_response(request_type: RequestType, input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::nspi::NspiResponse;
    check(
        input,
        mode,
        |b| NspiResponse::decode(&request_type, b),
        NspiResponse::to_bytes,
    )
}

/// Splits `[column count][columns: u32 each][row]`: an AddressBookPropertyRow only has a layout
/// against a column set, which the fuzzer chooses too (PtypUnspecified columns included).
fn nspi_property_row(input: &[u8], mode: Mode) -> Outcome {
    use crate::wire::error::decode_all;
    use crate::wire::nspi::AddressBookPropertyRow;
    use crate::wire::property::PropertyTag;
    let Some((n, rest)) = input.split_first() else {
        return Outcome::Rejected;
    };
    let Some((tags, rest)) = rest.split_at_checked(usize::from(*n % 16) * 4) else {
        return Outcome::Rejected;
    };
    let columns: Vec<PropertyTag> = tags
        .chunks_exact(4)
        .map(|c| PropertyTag(u32::from_le_bytes([c[0], c[1], c[2], c[3]])))
        .collect();
    check(
        rest,
        mode,
        |i| decode_all(i, |i| AddressBookPropertyRow::decode_with(&columns, i)),
        |v| {
            let mut out = Vec::new();
            v.encode_with(&columns, &mut out)?;
            Ok(out)
        },
    )
}

/// The NSPI arrays without a type of their own: a parser and its writer.
macro_rules! nspi_array {
    ($fn_name:ident, $decode:path, $encode:path) => {
        fn $fn_name(input: &[u8], mode: Mode) -> Outcome {
            use crate::wire::error::decode_all;
            check(
                input,
                mode,
                |i| decode_all(i, $decode),
                |v| {
                    let mut out = Vec::new();
                    $encode(&mut out, v)?;
                    Ok(out)
                },
            )
        }
    };
}
nspi_array!(
    nspi_minimal_ids,
    crate::wire::nspi::structures::minimal_ids,
    crate::wire::nspi::structures::put_minimal_ids
);
nspi_array!(
    nspi_strings,
    crate::wire::nspi::structures::strings_array,
    crate::wire::nspi::structures::put_strings_array
);
nspi_array!(
    nspi_wstrings,
    crate::wire::nspi::structures::wstrings_array,
    crate::wire::nspi::structures::put_wstrings_array
);
nspi_array!(
    nspi_entry_id,
    crate::wire::nspi::structures::entry_id,
    crate::wire::nspi::structures::put_entry_id
);

/// Builds a value with `arbitrary` from `input`, encodes it, and requires the bytes to decode
/// to that value. An encoder may refuse a value it cannot represent (a string with a NUL
/// inside, a restriction nested too deep); what it writes, its decoder must read back.
fn structured<T: for<'a> arbitrary::Arbitrary<'a> + PartialEq + Debug>(
    input: &[u8],
    mode: Mode,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
    encode: impl Fn(&T) -> Result<Vec<u8>, EncodeError>,
) -> Outcome {
    let mut u = arbitrary::Unstructured::new(input);
    let Ok(value) = T::arbitrary(&mut u) else {
        return Outcome::Rejected;
    };
    let Ok(bytes) = encode(&value) else {
        return Outcome::Rejected;
    };
    if mode == Mode::DecodeOnly {
        return Outcome::RoundTripped;
    }
    match decode(&bytes) {
        Ok(back) if back == value => Outcome::RoundTripped,
        // NaN floats: equal in every observable way but `==` (see `check`).
        Ok(back)
            if format!("{back:?}") == format!("{value:?}")
                && encode(&back).is_ok_and(|b| b == bytes) =>
        {
            Outcome::RoundTripped
        }
        Ok(back) => Outcome::Mismatch(format!(
            "{value:?} encoded to {bytes:02x?} and decoded as {back:?}"
        )),
        Err(e) => Outcome::Mismatch(format!(
            "{value:?} encoded to {bytes:02x?}, which does not decode: {e}"
        )),
    }
}

fn structured_wire<T>(input: &[u8], mode: Mode) -> Outcome
where
    T: for<'a> arbitrary::Arbitrary<'a> + crate::wire::Wire + PartialEq + Debug,
{
    structured(input, mode, T::from_bytes, T::to_bytes)
}

/// [`structured`] for types whose counts have a width: the first byte picks it.
macro_rules! structured_width {
    ($fn_name:ident, $ty:ty) => {
        fn $fn_name(input: &[u8], mode: Mode) -> Outcome {
            use crate::wire::error::decode_all;
            let Some((w, rest)) = input.split_first() else {
                return Outcome::Rejected;
            };
            let width = width_of(*w);
            structured(
                rest,
                mode,
                |i| decode_all(i, |i| <$ty>::decode_with(width, i)),
                |v: &$ty| {
                    let mut out = Vec::new();
                    v.encode_with(width, &mut out)?;
                    Ok(out)
                },
            )
        }
    };
}
structured_width!(
    structured_tagged_value,
    crate::wire::property::TaggedPropertyValue
);
structured_width!(
    structured_typed_value,
    crate::wire::property::TypedPropertyValue
);
structured_width!(
    structured_restriction,
    crate::wire::restriction::Restriction
);
structured_width!(
    structured_tag_array,
    crate::wire::property::PropertyTagArray
);

decoders! {
    Primitives "utf16z" => primitive_strings,
    Primitives "ascii_z" => primitive_ascii,
    Primitives "FileTime" => check_wire::<crate::wire::FileTime>,
    Primitives "ErrorCode" => check_wire::<crate::wire::ErrorCode>,
    PropertyValues "PropertyTag" => check_wire::<crate::wire::property::PropertyTag>,
    PropertyValues "PropertyValue" => property_value,
    PropertyValues "TypedPropertyValue" => typed_value,
    PropertyValues "TaggedPropertyValue" => tagged_value,
    PropertyValues "FlaggedPropertyValueWithType" => flagged_value_with_type,
    PropertyValues "TypedString" => check_wire::<crate::wire::property::TypedString>,
    PropertyValues "PropertyTagArray" => tag_array,
    PropertyValues "PropertyName" => check_wire::<crate::wire::property::PropertyName>,
    PropertyValues "PropertyProblemArray" => check_wire::<crate::wire::property::PropertyProblemArray>,
    PropertyRows "PropertyRow" => property_row,
    PropertyRows "PropertyRowSet" => property_row_set,
    Restrictions "Restriction" => restriction,
    Restrictions "SortOrderSet" => check_wire::<crate::wire::property::SortOrderSet>,
    EntryIds "EntryId" => check_wire::<crate::wire::entry_id::EntryId>,
    EntryIds "FolderEntryId" => check_wire::<crate::wire::entry_id::FolderEntryId>,
    EntryIds "MessageEntryId" => check_wire::<crate::wire::entry_id::MessageEntryId>,
    EntryIds "StoreObjectEntryId" => check_wire::<crate::wire::entry_id::StoreObjectEntryId>,
    EntryIds "AddressBookEntryId" => check_wire::<crate::wire::entry_id::AddressBookEntryId>,
    EntryIds "EphemeralEntryId" => check_wire::<crate::wire::entry_id::EphemeralEntryId>,
    EntryIds "OneOffEntryId" => check_wire::<crate::wire::entry_id::OneOffEntryId>,
    EntryIds "ContactEntryId" => check_wire::<crate::wire::entry_id::ContactEntryId>,
    EntryIds "WrappedEntryId" => check_wire::<crate::wire::entry_id::WrappedEntryId>,
    EntryIds "GlobalIdentifier" => check_wire::<crate::wire::entry_id::GlobalIdentifier>,
    EntryIds "LongTermId" => check_wire::<crate::wire::entry_id::LongTermId>,
    RpcExt "RpcHeaderExt" => check_wire::<crate::wire::rpc_ext::RpcHeaderExt>,
    RpcExt "extended buffer chain" => rpc_ext_chain,
    RpcExt "RopBuffer" => check_wire::<crate::wire::RopBuffer>,
    Lz77 "decompress" => lz77_stream,
    Lz77 "compress" (encoder) => lz77_compress,
    AuxBuffers "AuxiliaryBuffer" => check_wire::<crate::wire::auxbuf::AuxiliaryBuffer>,
    AuxBuffers "AuxBlock" => check_wire::<crate::wire::auxbuf::AuxBlock>,
    AuxBuffers "AuxHeader" => check_wire::<crate::wire::auxbuf::AuxHeader>,
    MailboxRequests "ConnectRequest" => check_wire::<crate::wire::mapihttp::ConnectRequest>,
    MailboxRequests "ExecuteRequest" => check_wire::<crate::wire::mapihttp::ExecuteRequest>,
    MailboxRequests "DisconnectRequest" => check_wire::<crate::wire::mapihttp::DisconnectRequest>,
    MailboxRequests "NotificationWaitRequest" => check_wire::<crate::wire::mapihttp::NotificationWaitRequest>,
    MailboxResponses "ConnectResponse" => check_wire::<crate::wire::mapihttp::ConnectResponse>,
    MailboxResponses "ExecuteResponse" => check_wire::<crate::wire::mapihttp::ExecuteResponse>,
    MailboxResponses "DisconnectResponse" => check_wire::<crate::wire::mapihttp::DisconnectResponse>,
    MailboxResponses "NotificationWaitResponse" => check_wire::<crate::wire::mapihttp::NotificationWaitResponse>,
    Framing "chunked framer" => framing_chunked,
    RopRequests "request list" => rop_requests,
    RopResponses "response list" => rop_responses,
    // NSPI: a request decoder per request type in `NspiRequest` order, then a response decoder
    // each in the same order (selector of a type's request: its index; of its response: index
    // + 19), then the shared structures.
    Nspi "BindRequest" => |i, m| nspi_request(RequestType::Bind, i, m),
    Nspi "UnbindRequest" => |i, m| nspi_request(RequestType::Unbind, i, m),
    Nspi "CompareMIdsRequest" => |i, m| nspi_request(RequestType::CompareMIds, i, m),
    Nspi "DnToMIdRequest" => |i, m| nspi_request(RequestType::DnToMId, i, m),
    Nspi "GetMatchesRequest" => |i, m| nspi_request(RequestType::GetMatches, i, m),
    Nspi "GetPropListRequest" => |i, m| nspi_request(RequestType::GetPropList, i, m),
    Nspi "GetPropsRequest" => |i, m| nspi_request(RequestType::GetProps, i, m),
    Nspi "GetSpecialTableRequest" => |i, m| nspi_request(RequestType::GetSpecialTable, i, m),
    Nspi "GetTemplateInfoRequest" => |i, m| nspi_request(RequestType::GetTemplateInfo, i, m),
    Nspi "ModLinkAttRequest" => |i, m| nspi_request(RequestType::ModLinkAtt, i, m),
    Nspi "ModPropsRequest" => |i, m| nspi_request(RequestType::ModProps, i, m),
    Nspi "QueryColumnsRequest" => |i, m| nspi_request(RequestType::QueryColumns, i, m),
    Nspi "QueryRowsRequest" => |i, m| nspi_request(RequestType::QueryRows, i, m),
    Nspi "ResolveNamesRequest" => |i, m| nspi_request(RequestType::ResolveNames, i, m),
    Nspi "ResortRestrictionRequest" => |i, m| nspi_request(RequestType::ResortRestriction, i, m),
    Nspi "SeekEntriesRequest" => |i, m| nspi_request(RequestType::SeekEntries, i, m),
    Nspi "UpdateStatRequest" => |i, m| nspi_request(RequestType::UpdateStat, i, m),
    Nspi "GetMailboxUrlRequest" => |i, m| nspi_request(RequestType::GetMailboxUrl, i, m),
    Nspi "GetAddressBookUrlRequest" => |i, m| nspi_request(RequestType::GetAddressBookUrl, i, m),
    Nspi "BindResponse" => |i, m| nspi_response(RequestType::Bind, i, m),
    Nspi "UnbindResponse" => |i, m| nspi_response(RequestType::Unbind, i, m),
    Nspi "CompareMIdsResponse" => |i, m| nspi_response(RequestType::CompareMIds, i, m),
    Nspi "DnToMIdResponse" => |i, m| nspi_response(RequestType::DnToMId, i, m),
    Nspi "GetMatchesResponse" => |i, m| nspi_response(RequestType::GetMatches, i, m),
    Nspi "GetPropListResponse" => |i, m| nspi_response(RequestType::GetPropList, i, m),
    Nspi "GetPropsResponse" => |i, m| nspi_response(RequestType::GetProps, i, m),
    Nspi "GetSpecialTableResponse" => |i, m| nspi_response(RequestType::GetSpecialTable, i, m),
    Nspi "GetTemplateInfoResponse" => |i, m| nspi_response(RequestType::GetTemplateInfo, i, m),
    Nspi "ModLinkAttResponse" => |i, m| nspi_response(RequestType::ModLinkAtt, i, m),
    Nspi "ModPropsResponse" => |i, m| nspi_response(RequestType::ModProps, i, m),
    Nspi "QueryColumnsResponse" => |i, m| nspi_response(RequestType::QueryColumns, i, m),
    Nspi "QueryRowsResponse" => |i, m| nspi_response(RequestType::QueryRows, i, m),
    Nspi "ResolveNamesResponse" => |i, m| nspi_response(RequestType::ResolveNames, i, m),
    Nspi "ResortRestrictionResponse" => |i, m| nspi_response(RequestType::ResortRestriction, i, m),
    Nspi "SeekEntriesResponse" => |i, m| nspi_response(RequestType::SeekEntries, i, m),
    Nspi "UpdateStatResponse" => |i, m| nspi_response(RequestType::UpdateStat, i, m),
    Nspi "GetMailboxUrlResponse" => |i, m| nspi_response(RequestType::GetMailboxUrl, i, m),
    Nspi "GetAddressBookUrlResponse" => |i, m| nspi_response(RequestType::GetAddressBookUrl, i, m),
    Nspi "Stat" => check_wire::<crate::wire::nspi::Stat>,
    Nspi "AddressBookTypedPropertyValue" => check_wire::<crate::wire::nspi::AddressBookTypedPropertyValue>,
    Nspi "AddressBookTaggedPropertyValue" => check_wire::<crate::wire::nspi::AddressBookTaggedPropertyValue>,
    Nspi "AddressBookPropertyValueList" => check_wire::<crate::wire::nspi::AddressBookPropertyValueList>,
    Nspi "AddressBookFlaggedPropertyValueWithType" => check_wire::<crate::wire::nspi::AddressBookFlaggedPropertyValueWithType>,
    Nspi "AddressBookPropertyRow" => nspi_property_row,
    Nspi "LargePropertyTagArray" => check_wire::<crate::wire::nspi::LargePropertyTagArray>,
    Nspi "AddressBookRowSet" => check_wire::<crate::wire::nspi::AddressBookRowSet>,
    Nspi "PropertyName_r" => check_wire::<crate::wire::nspi::PropertyNameR>,
    Nspi "MinimalEntryIDArray" => nspi_minimal_ids,
    Nspi "StringsArray" => nspi_strings,
    Nspi "WStringsArray" => nspi_wstrings,
    Nspi "EntryID" => nspi_entry_id,
    Structured "TaggedPropertyValue" (encoder) => structured_tagged_value,
    Structured "TypedPropertyValue" (encoder) => structured_typed_value,
    Structured "Restriction" (encoder) => structured_restriction,
    Structured "PropertyTagArray" (encoder) => structured_tag_array,
    Structured "SortOrderSet" (encoder) => structured_wire::<crate::wire::property::SortOrderSet>,
    Structured "PropertyName" (encoder) => structured_wire::<crate::wire::property::PropertyName>,
    Structured "PropertyProblemArray" (encoder) => structured_wire::<crate::wire::property::PropertyProblemArray>,
    Structured "FileTime" (encoder) => structured_wire::<crate::wire::FileTime>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `cargo fuzz run property_rows` and `restrictions`: a NaN float decoded and
    /// re-encoded bit for bit, but `NaN != NaN` made the check report a mismatch.
    #[test]
    fn nan_values_round_trip() {
        let mut input = vec![0u8, 0x05, 0x00]; // width U16, PtypFloating64
        input.extend_from_slice(&f64::from_bits(0x7FF8_0000_0000_0001).to_le_bytes());
        assert_eq!(
            property_value(&input, Mode::RoundTrip),
            Outcome::RoundTripped
        );
        let mut input = vec![0u8, 0x04, 0x00]; // width U16, PtypFloating32
        input.extend_from_slice(&f32::NAN.to_le_bytes());
        assert_eq!(
            property_value(&input, Mode::RoundTrip),
            Outcome::RoundTripped
        );
    }

    /// NaNs that print alike are still a mismatch when the encoder does not keep their bits.
    #[test]
    fn equal_debug_text_alone_is_not_a_round_trip() {
        let nan = |payload: u8| f64::from_bits(0x7FF8_0000_0000_0000 | u64::from(payload));
        let outcome = check(
            &[1],
            Mode::RoundTrip,
            |i| Ok(nan(i[0])),
            |v| Ok(vec![v.to_bits() as u8 + 1]),
        );
        assert!(matches!(outcome, Outcome::Mismatch(_)), "{outcome:?}");
    }
}
