//! One registry of every decoder, for the fuzz targets in `fuzz/`, the corpus replay test and
//! the bounded-allocation test (cargo feature `fuzzing`).
//!
//! Each [`Decoder`] takes arbitrary bytes, decodes them, and when decoding succeeds re-encodes
//! the value and decodes the result again: a decoder that accepts input its own encoder cannot
//! reproduce is as much a bug as a crash. Fuzz targets pick a decoder of their [`Family`] with
//! the first input byte, so every decoder is reachable from a small number of targets, and the
//! same registry drives `cargo test` over the committed corpora without a nightly toolchain.

use std::fmt::Debug;

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
        Ok(again) => Outcome::Mismatch(format!("{value:?} re-decoded as {again:?}")),
        Err(e) => Outcome::Mismatch(format!("{value:?} re-encoded to bytes that fail: {e}")),
    }
}

/// Like [`check`] for a [`crate::wire::Wire`] type.
pub fn check_wire<T: crate::wire::Wire + PartialEq + Debug>(input: &[u8], mode: Mode) -> Outcome {
    check(input, mode, T::from_bytes, T::to_bytes)
}

macro_rules! decoders {
    ($($family:ident $name:literal => $run:expr),* $(,)?) => {
        /// Every decoder of the crate.
        pub static DECODERS: &[Decoder] = &[$(Decoder {
            family: Family::$family,
            name: $name,
            run: $run,
        }),*];
    };
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

decoders! {
    Primitives "utf16z" => primitive_strings,
    Primitives "ascii_z" => primitive_ascii,
    Primitives "FileTime" => check_wire::<crate::wire::FileTime>,
    PropertyValues "PropertyTag" => check_wire::<crate::wire::property::PropertyTag>,
}
