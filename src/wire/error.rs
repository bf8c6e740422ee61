//! Typed decode and encode errors.
//!
//! Parsers run over `&[u8]` with [`WireError`] as their nom error. It records how many bytes
//! were left when the failure happened; the top-level entry points ([`decode_all`],
//! [`decode_prefix`]) turn that into an absolute byte offset, so every error says which
//! structure failed, where, and why, without the parsers threading an offset through.

use std::fmt;

/// Why a decoder stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended inside a structure.
    Truncated {
        /// Bytes the structure still needed at this point.
        needed: usize,
    },
    /// A length or count field promises more than the input can possibly hold.
    LengthExceedsInput {
        /// The field holding the length or count.
        field: &'static str,
        /// The value read from the wire.
        declared: u64,
        /// Bytes left in the input when the field was checked.
        available: usize,
    },
    /// A field holds a value the specification does not allow here.
    InvalidValue {
        /// The field.
        field: &'static str,
        /// The value read, widened.
        value: u64,
    },
    /// A property type this codec cannot lay out; the rest of the buffer is unreadable
    /// because the value's size is unknown.
    UnknownPropertyType(u16),
    /// A null-terminated string with no terminator before the end of its input.
    UnterminatedString,
    /// UTF-16 that does not decode (an unpaired surrogate).
    InvalidUtf16,
    /// Bytes left over after a structure that must fill its input exactly.
    TrailingBytes {
        /// How many bytes were left.
        count: usize,
    },
    /// Structures nested deeper than this codec accepts (restrictions, embedded values).
    TooDeep {
        /// The nesting limit.
        limit: usize,
    },
    /// Compressed data that does not decompress to what its header promises.
    Decompression(&'static str),
    /// A textual field (meta-tag, header) that is not what the grammar allows.
    Syntax(&'static str),
    /// A failure reported by a nom combinator that has no better description.
    Parser(nom::error::ErrorKind),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Truncated { needed } => {
                write!(f, "input ends early ({needed} more byte(s) needed)")
            }
            ErrorKind::LengthExceedsInput {
                field,
                declared,
                available,
            } => write!(
                f,
                "{field} = {declared} exceeds the {available} byte(s) left in the input"
            ),
            ErrorKind::InvalidValue { field, value } => {
                write!(f, "invalid {field} 0x{value:X}")
            }
            ErrorKind::UnknownPropertyType(t) => write!(f, "unknown property type 0x{t:04X}"),
            ErrorKind::UnterminatedString => f.write_str("string has no terminator"),
            ErrorKind::InvalidUtf16 => f.write_str("invalid UTF-16"),
            ErrorKind::TrailingBytes { count } => write!(f, "{count} unexpected trailing byte(s)"),
            ErrorKind::TooDeep { limit } => write!(f, "nested deeper than {limit} levels"),
            ErrorKind::Decompression(why) => write!(f, "decompression failed: {why}"),
            ErrorKind::Syntax(why) => write!(f, "syntax error: {why}"),
            ErrorKind::Parser(k) => write!(f, "parse error ({k:?})"),
        }
    }
}

/// The nom error type of every parser in [`crate::wire`].
///
/// `remaining` is the length of the input at the failure point; [`WireError::at`] turns it into
/// a [`DecodeError`] with an absolute offset once the total input length is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError {
    /// Bytes of input left where the failure happened.
    pub remaining: usize,
    /// The innermost named structure being decoded, `""` until a parser names it.
    pub structure: &'static str,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl WireError {
    /// An error at `input`'s current position.
    pub fn new(input: &[u8], kind: ErrorKind) -> Self {
        WireError {
            remaining: input.len(),
            structure: "",
            kind,
        }
    }

    /// Names the structure if no inner parser already did.
    pub fn in_structure(mut self, structure: &'static str) -> Self {
        if self.structure.is_empty() {
            self.structure = structure;
        }
        self
    }

    /// Converts to a [`DecodeError`] for an input of `total` bytes.
    pub fn at(self, total: usize) -> DecodeError {
        DecodeError {
            structure: if self.structure.is_empty() {
                "input"
            } else {
                self.structure
            },
            offset: total.saturating_sub(self.remaining),
            kind: self.kind,
        }
    }
}

impl<'a> nom::error::ParseError<&'a [u8]> for WireError {
    fn from_error_kind(input: &'a [u8], kind: nom::error::ErrorKind) -> Self {
        let kind = match kind {
            nom::error::ErrorKind::Eof => ErrorKind::Truncated {
                needed: 1usize.saturating_sub(input.len()).max(1),
            },
            other => ErrorKind::Parser(other),
        };
        WireError::new(input, kind)
    }

    fn append(_input: &'a [u8], _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

impl<'a> nom::error::ParseError<&'a str> for WireError {
    fn from_error_kind(input: &'a str, kind: nom::error::ErrorKind) -> Self {
        WireError {
            remaining: input.len(),
            structure: "",
            kind: ErrorKind::Parser(kind),
        }
    }

    fn append(_input: &'a str, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

/// A decoding failure with the structure, byte offset and reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{structure} at byte offset {offset}: {kind}")]
pub struct DecodeError {
    /// The innermost structure being decoded (`"RPC_HEADER_EXT"`, `"PropertyRow"`, ...).
    pub structure: &'static str,
    /// Offset from the start of the input handed to the top-level decoder.
    pub offset: usize,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl DecodeError {
    /// Shifts the offset, for errors from a sub-buffer that started at `base` in a larger input.
    pub fn offset_by(mut self, base: usize) -> Self {
        self.offset = self.offset.saturating_add(base);
        self
    }
}

/// An encoding failure: a value that the wire format cannot represent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// A length or count larger than its wire field.
    #[error("{structure}: {field} is {len}, more than the wire maximum {max}")]
    TooLong {
        /// The structure being encoded.
        structure: &'static str,
        /// The field.
        field: &'static str,
        /// The length or count the value has.
        len: usize,
        /// The largest the field can carry.
        max: usize,
    },
    /// A value that the structure cannot carry at all.
    #[error("{structure}: {reason}")]
    Invalid {
        /// The structure being encoded.
        structure: &'static str,
        /// Why the value cannot be encoded.
        reason: &'static str,
    },
    /// Text that has no representation in the code page it must be written in.
    #[error("{structure}: text is not representable in code page {code_page}")]
    Unrepresentable {
        /// The structure being encoded.
        structure: &'static str,
        /// The code page.
        code_page: u32,
    },
}

/// The result type of every parser in [`crate::wire`].
pub type PResult<'a, T> = nom::IResult<&'a [u8], T, WireError>;

/// Builds a nom failure at `input` with `kind`, named `structure`.
pub fn fail<'a, T>(input: &'a [u8], structure: &'static str, kind: ErrorKind) -> PResult<'a, T> {
    Err(nom::Err::Error(
        WireError::new(input, kind).in_structure(structure),
    ))
}

/// Runs `parser` and names `structure` in any error that no inner parser named.
pub fn named<'a, T>(
    structure: &'static str,
    input: &'a [u8],
    parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, T> {
    parser(input).map_err(|e| e.map(|e| e.in_structure(structure)))
}

/// Decodes a value that must fill `input` exactly.
pub fn decode_all<'a, T>(
    input: &'a [u8],
    parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> Result<T, DecodeError> {
    let total = input.len();
    match parser(input) {
        Ok((rest, value)) if rest.is_empty() => Ok(value),
        Ok((rest, _)) => Err(DecodeError {
            structure: "input",
            offset: total - rest.len(),
            kind: ErrorKind::TrailingBytes { count: rest.len() },
        }),
        Err(e) => Err(into_decode_error(e, total)),
    }
}

/// Decodes a value from the start of `input`, returning it and the number of bytes it used.
pub fn decode_prefix<'a, T>(
    input: &'a [u8],
    parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> Result<(T, usize), DecodeError> {
    let total = input.len();
    match parser(input) {
        Ok((rest, value)) => Ok((value, total - rest.len())),
        Err(e) => Err(into_decode_error(e, total)),
    }
}

/// Converts a nom error from a parser run over `total` bytes.
pub fn into_decode_error(e: nom::Err<WireError>, total: usize) -> DecodeError {
    match e {
        nom::Err::Error(e) | nom::Err::Failure(e) => e.at(total),
        // Our parsers are all `complete`; streaming ones report Incomplete only at the end.
        nom::Err::Incomplete(needed) => DecodeError {
            structure: "input",
            offset: total,
            kind: ErrorKind::Truncated {
                needed: match needed {
                    nom::Needed::Size(n) => n.get(),
                    nom::Needed::Unknown => 1,
                },
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_is_counted_from_the_start() {
        let input = [1u8, 2, 3];
        let err = decode_all(&input[..], |i: &[u8]| {
            let (i, _) = nom::bytes::complete::take(2usize)(i)?;
            fail::<()>(i, "Thing", ErrorKind::InvalidValue { field: "x", value: 3 })
        })
        .unwrap_err();
        assert_eq!(err.offset, 2);
        assert_eq!(err.structure, "Thing");
        assert_eq!(err.to_string(), "Thing at byte offset 2: invalid x 0x3");
    }

    #[test]
    fn trailing_bytes_are_an_error() {
        let err = decode_all(&[0u8, 0][..], |i: &[u8]| Ok((&i[1..], ()))).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TrailingBytes { count: 1 });
        assert_eq!(err.offset, 1);
    }
}
