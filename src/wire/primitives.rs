//! Primitive wire types shared by every structure: little-endian integers, GUIDs, FILETIME,
//! null-terminated and counted strings, counted binaries, code-page strings.
//!
//! MS-OXCDATA 2.11.1 fixes the primitive encodings; every multi-byte integer is little-endian.

use std::borrow::Cow;

use bytes::BufMut;
use serde::Serialize;
use uuid::Uuid;

use super::error::{EncodeError, ErrorKind, PResult, WireError, decode_all, fail};

/// A wire type with both directions: `decode` from the front of a byte slice (nom style,
/// returning the rest) and `encode` into a [`BufMut`].
///
/// Types whose layout depends on context (a property value needs its type, a row its columns)
/// have inherent `decode_with`/`encode_with` functions instead.
pub trait Wire: Sized {
    /// The structure's name as the specification spells it; used in errors.
    const NAME: &'static str;

    /// Decodes one value from the front of `input`.
    fn decode(input: &[u8]) -> PResult<'_, Self>;

    /// Appends the value's wire form to `out`.
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError>;

    /// Decodes a value that must fill `input` exactly.
    fn from_bytes(input: &[u8]) -> Result<Self, super::DecodeError> {
        decode_all(input, Self::decode)
    }

    /// Encodes into a fresh vector.
    fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        let mut out = Vec::new();
        self.encode(&mut out)?;
        Ok(out)
    }
}

/// Takes exactly `n` bytes, or fails with [`ErrorKind::Truncated`] naming how many were missing.
#[inline]
pub fn take(input: &[u8], n: usize) -> PResult<'_, &[u8]> {
    match input.split_at_checked(n) {
        Some((head, rest)) => Ok((rest, head)),
        None => Err(nom::Err::Error(WireError::new(
            input,
            ErrorKind::Truncated {
                needed: n - input.len(),
            },
        ))),
    }
}

/// Takes a fixed-size array.
#[inline]
pub fn take_array<const N: usize>(input: &[u8]) -> PResult<'_, [u8; N]> {
    match input.split_first_chunk::<N>() {
        Some((head, rest)) => Ok((rest, *head)),
        None => Err(nom::Err::Error(WireError::new(
            input,
            ErrorKind::Truncated {
                needed: N - input.len(),
            },
        ))),
    }
}

macro_rules! le_int {
    ($($name:ident: $t:ty),* $(,)?) => {$(
        #[doc = concat!("Reads a little-endian `", stringify!($t), "`.")]
        #[inline]
        pub fn $name(input: &[u8]) -> PResult<'_, $t> {
            let (rest, bytes) = take_array::<{ std::mem::size_of::<$t>() }>(input)?;
            Ok((rest, <$t>::from_le_bytes(bytes)))
        }
    )*};
}
le_int!(u8: u8, u16: u16, u32: u32, u64: u64, i16: i16, i32: i32, i64: i64, f32: f32, f64: f64);

/// Reads a byte that must be 0 (false) or nonzero (true), as MS-OXCDATA PtypBoolean and the
/// `Has...` fields of MS-OXCMAPIHTTP define it. Servers send 0xFF as well as 0x01 for true.
#[inline]
pub fn bool8(input: &[u8]) -> PResult<'_, bool> {
    let (rest, b) = u8(input)?;
    Ok((rest, b != 0))
}

/// Reads a GUID in its mixed-endian wire form (MS-DTYP 2.3.4.2).
#[inline]
pub fn guid(input: &[u8]) -> PResult<'_, Uuid> {
    let (rest, bytes) = take_array::<16>(input)?;
    Ok((rest, Uuid::from_bytes_le(bytes)))
}

/// Writes a GUID in its mixed-endian wire form.
#[inline]
pub fn put_guid<B: BufMut>(out: &mut B, g: &Uuid) {
    out.put_slice(&g.to_bytes_le());
}

/// MS-DTYP 2.3.3 FILETIME: 100-nanosecond intervals since 1601-01-01 UTC, written as a
/// little-endian u64 (PtypTime, MS-OXCDATA 2.11.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct FileTime(pub u64);

impl FileTime {
    /// 100-ns intervals between 1601-01-01 and 1970-01-01.
    pub const UNIX_EPOCH_INTERVALS: u64 = 116_444_736_000_000_000;

    /// The time as seconds and nanoseconds since the Unix epoch; `None` before 1970.
    pub fn to_unix(self) -> Option<(u64, u32)> {
        let since = self.0.checked_sub(Self::UNIX_EPOCH_INTERVALS)?;
        Some((since / 10_000_000, ((since % 10_000_000) * 100) as u32))
    }

    /// A FILETIME from seconds and nanoseconds since the Unix epoch (saturating).
    pub fn from_unix(secs: u64, nanos: u32) -> Self {
        FileTime(
            secs.saturating_mul(10_000_000)
                .saturating_add(u64::from(nanos / 100))
                .saturating_add(Self::UNIX_EPOCH_INTERVALS),
        )
    }

    /// The time as a [`std::time::SystemTime`], if it is representable.
    pub fn to_system_time(self) -> Option<std::time::SystemTime> {
        let (s, n) = self.to_unix()?;
        std::time::UNIX_EPOCH.checked_add(std::time::Duration::new(s, n))
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day): Howard Hinnant's
/// `civil_from_days`, exact for every day a FILETIME can name (about ±58,000 years around
/// 1970), so dates need no calendar crate (logon times, HAR timestamps, displayed PtypTime
/// values).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

impl Wire for FileTime {
    const NAME: &'static str = "FILETIME";
    fn decode(input: &[u8]) -> PResult<'_, Self> {
        let (rest, v) = u64(input)?;
        Ok((rest, FileTime(v)))
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u64_le(self.0);
        Ok(())
    }
}

/// The width of the count fields that precede binaries, strings and multi-valued properties.
///
/// MS-OXCDATA 2.11.1: counts are 16-bit inside ROP buffers and 32-bit in the NSPI bodies of
/// MS-OXCMAPIHTTP / MS-OXNSPI; every codec that has counts takes this from its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountWidth {
    /// 16-bit counts (ROP buffers).
    U16,
    /// 32-bit counts (NSPI bodies).
    U32,
}

impl CountWidth {
    /// The largest count the width can carry.
    pub fn max(self) -> usize {
        match self {
            CountWidth::U16 => usize::from(u16::MAX),
            CountWidth::U32 => u32::MAX as usize,
        }
    }

    /// Bytes the count field occupies.
    pub fn size(self) -> usize {
        match self {
            CountWidth::U16 => 2,
            CountWidth::U32 => 4,
        }
    }

    /// Reads a count of this width.
    #[inline]
    pub fn read(self, input: &[u8]) -> PResult<'_, usize> {
        match self {
            CountWidth::U16 => u16(input).map(|(r, v)| (r, usize::from(v))),
            CountWidth::U32 => u32(input).map(|(r, v)| (r, v as usize)),
        }
    }

    /// Writes `count`, failing if it does not fit this width.
    #[inline]
    pub fn put<B: BufMut>(
        self,
        out: &mut B,
        count: usize,
        structure: &'static str,
        field: &'static str,
    ) -> Result<(), EncodeError> {
        if count > self.max() {
            return Err(EncodeError::TooLong {
                structure,
                field,
                len: count,
                max: self.max(),
            });
        }
        match self {
            CountWidth::U16 => out.put_u16_le(count as u16),
            CountWidth::U32 => out.put_u32_le(count as u32),
        }
        Ok(())
    }
}

/// Fails unless `count` items of at least `min_item_size` bytes each can fit in `input`.
///
/// Every decoder calls this before it allocates for a count read off the wire, so a hostile
/// count of 0xFFFFFFFF fails at once instead of reserving gigabytes.
#[inline]
pub fn check_count(
    input: &[u8],
    count: usize,
    min_item_size: usize,
    field: &'static str,
) -> Result<(), nom::Err<WireError>> {
    if count.saturating_mul(min_item_size.max(1)) > input.len() {
        Err(nom::Err::Error(WireError::new(
            input,
            ErrorKind::LengthExceedsInput {
                field,
                declared: count as u64,
                available: input.len(),
            },
        )))
    } else {
        Ok(())
    }
}

/// Decodes `count` items with `item`, after checking that they can fit (see [`check_count`]).
#[inline]
pub fn counted<'a, T>(
    mut input: &'a [u8],
    count: usize,
    min_item_size: usize,
    field: &'static str,
    mut item: impl FnMut(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, Vec<T>> {
    check_count(input, count, min_item_size, field)?;
    let mut items = Vec::with_capacity(count);
    for _ in 0..count {
        let (rest, v) = item(input)?;
        input = rest;
        items.push(v);
    }
    Ok((input, items))
}

/// Reads `count` bytes, failing with [`ErrorKind::LengthExceedsInput`] naming `field` when the
/// input is shorter.
#[inline]
pub fn take_len<'a>(input: &'a [u8], count: usize, field: &'static str) -> PResult<'a, &'a [u8]> {
    check_count(input, count, 1, field)?;
    take(input, count)
}

/// Reads a binary preceded by its byte count of the given width (MS-OXCDATA PtypBinary).
#[inline]
pub fn counted_bytes(input: &[u8], width: CountWidth) -> PResult<'_, &[u8]> {
    let (rest, n) = width.read(input)?;
    take_len(rest, n, "byte count")
}

/// Writes a binary preceded by its byte count of the given width.
pub fn put_counted_bytes<B: BufMut>(
    out: &mut B,
    bytes: &[u8],
    width: CountWidth,
    structure: &'static str,
) -> Result<(), EncodeError> {
    width.put(out, bytes.len(), structure, "byte count")?;
    out.put_slice(bytes);
    Ok(())
}

/// Reads a null-terminated 8-bit string, returning its bytes without the terminator.
pub fn cstr8(input: &[u8]) -> PResult<'_, &[u8]> {
    match input.iter().position(|&b| b == 0) {
        Some(end) => Ok((
            input.get(end + 1..).unwrap_or_default(),
            input.get(..end).unwrap_or_default(),
        )),
        None => fail(
            input,
            "null-terminated string",
            ErrorKind::UnterminatedString,
        ),
    }
}

/// Reads a null-terminated ASCII string. Bytes above 0x7F are refused: the fields that use this
/// form (DNs, message classes, server names) are ASCII by specification.
pub fn ascii_z(input: &[u8]) -> PResult<'_, String> {
    let (rest, bytes) = cstr8(input)?;
    if let Some(bad) = bytes.iter().position(|b| !b.is_ascii()) {
        let at = input.get(bad..).unwrap_or_default();
        return fail(
            at,
            "ASCII string",
            ErrorKind::InvalidValue {
                field: "ASCII character",
                value: u64::from(bytes.get(bad).copied().unwrap_or_default()),
            },
        );
    }
    // All ASCII, hence valid UTF-8.
    Ok((rest, bytes.iter().map(|&b| char::from(b)).collect()))
}

/// Writes a null-terminated ASCII string.
pub fn put_ascii_z<B: BufMut>(
    out: &mut B,
    s: &str,
    structure: &'static str,
) -> Result<(), EncodeError> {
    if !s.is_ascii() || s.as_bytes().contains(&0) {
        return Err(EncodeError::Invalid {
            structure,
            reason: "ASCII string with a non-ASCII or NUL character",
        });
    }
    out.put_slice(s.as_bytes());
    out.put_u8(0);
    Ok(())
}

/// Reads a null-terminated UTF-16LE string. The terminator is searched at even offsets only:
/// a 0x00 0x00 pair straddling two code units is not one.
pub fn utf16z(input: &[u8]) -> PResult<'_, String> {
    let end = input
        .chunks_exact(2)
        .position(|c| c == [0, 0])
        .map(|units| units * 2);
    let Some(end) = end else {
        return fail(input, "UTF-16 string", ErrorKind::UnterminatedString);
    };
    let (body, rest) = input.split_at(end);
    let s = utf16_to_string(body).map_err(|_| {
        nom::Err::Error(
            WireError::new(input, ErrorKind::InvalidUtf16).in_structure("UTF-16 string"),
        )
    })?;
    Ok((rest.get(2..).unwrap_or_default(), s))
}

/// Decodes UTF-16LE bytes (even length) strictly: unpaired surrogates are an error.
pub fn utf16_to_string(bytes: &[u8]) -> Result<String, std::char::DecodeUtf16Error> {
    let units = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]));
    let mut s = String::with_capacity(bytes.len() / 2);
    for ch in char::decode_utf16(units) {
        s.push(ch?);
    }
    Ok(s)
}

/// Writes a string as UTF-16LE with a two-byte terminator.
pub fn put_utf16z<B: BufMut>(
    out: &mut B,
    s: &str,
    structure: &'static str,
) -> Result<(), EncodeError> {
    if s.contains('\0') {
        return Err(EncodeError::Invalid {
            structure,
            reason: "string with an embedded NUL cannot be null-terminated",
        });
    }
    for unit in s.encode_utf16() {
        out.put_u16_le(unit);
    }
    out.put_u16_le(0);
    Ok(())
}

/// Bytes `s` occupies as null-terminated UTF-16LE.
pub fn utf16z_len(s: &str) -> usize {
    s.encode_utf16().count() * 2 + 2
}

/// An 8-bit string in some code page (MS-OXCDATA PtypString8).
///
/// The bytes are kept as they came off the wire; [`String8::decode_text`] reads them with the
/// code page the session negotiated, because the value itself does not say which it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct String8 {
    /// The bytes without the terminator.
    #[serde(serialize_with = "crate::wire::serde_bytes::lossy_text")]
    pub bytes: Vec<u8>,
}

impl String8 {
    /// A string from raw bytes.
    pub fn from_bytes(bytes: impl Into<Vec<u8>>) -> Self {
        String8 {
            bytes: bytes.into(),
        }
    }

    /// Encodes `text` in `code_page`; fails if a character has no representation there.
    pub fn encode_text(text: &str, code_page: u32) -> Result<Self, EncodeError> {
        let unrepresentable = EncodeError::Unrepresentable {
            structure: "PtypString8",
            code_page,
        };
        let enc = code_page_encoding(code_page).ok_or(unrepresentable.clone())?;
        let (bytes, _, had_errors) = enc.encode(text);
        if had_errors || bytes.contains(&0) {
            return Err(unrepresentable);
        }
        Ok(String8 {
            bytes: bytes.into_owned(),
        })
    }

    /// Reads the bytes with `code_page`. Unknown code pages and malformed sequences are read
    /// with replacement characters: display text is the only use of this conversion.
    pub fn decode_text(&self, code_page: u32) -> Cow<'_, str> {
        match code_page_encoding(code_page) {
            Some(enc) => enc.decode_without_bom_handling(&self.bytes).0,
            None => String::from_utf8_lossy(&self.bytes),
        }
    }
}

/// The encoding of a Windows code page number (1252, 1200, 65001, 932 ...), if known.
pub fn code_page_encoding(code_page: u32) -> Option<&'static encoding_rs::Encoding> {
    u16::try_from(code_page)
        .ok()
        .and_then(codepage::to_encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_from_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        // 2000-02-29 (a leap day in a year divisible by 400) and 2026-11-22.
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_779), (2026, 11, 22));
        // FILETIME 0 is 1601-01-01: 134,774 days before the Unix epoch.
        assert_eq!(civil_from_days(-134_774), (1601, 1, 1));
    }
    use proptest::prelude::*;

    #[test]
    fn truncated_integer_names_the_missing_bytes() {
        let err = u32(&[1, 2][..]).unwrap_err();
        match err {
            nom::Err::Error(e) => assert_eq!(e.kind, ErrorKind::Truncated { needed: 2 }),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn guid_is_mixed_endian() {
        // MS-DTYP 2.3.4.2: Data1..Data3 little-endian, Data4 as bytes.
        let bytes = [
            0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD,
            0xEE, 0xFF,
        ];
        let (_, g) = guid(&bytes).unwrap();
        assert_eq!(g.to_string(), "00112233-4455-6677-8899-aabbccddeeff");
        let mut out = Vec::new();
        put_guid(&mut out, &g);
        assert_eq!(out, bytes);
    }

    #[test]
    fn utf16_terminator_only_at_even_offsets() {
        // "\u{0100}" is 00 01; followed by "\u{0001}" 01 00: the 00 00 never aligns until the end.
        let bytes = [0x00, 0x01, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00];
        let (rest, s) = utf16z(&bytes).unwrap();
        assert_eq!(s, "\u{0100}");
        assert_eq!(rest, &[0x41, 0x00, 0x00, 0x00]);
        let odd = [0x41, 0x00, 0x00, 0x42, 0x00, 0x00];
        let (rest, s) = utf16z(&odd).unwrap();
        assert_eq!(s, "A\u{4200}");
        assert!(rest.is_empty());
    }

    #[test]
    fn unpaired_surrogate_is_an_error() {
        let bytes = [0x00, 0xD8, 0x00, 0x00];
        assert!(utf16z(&bytes).is_err());
    }

    #[test]
    fn hostile_count_fails_without_allocating() {
        let input = [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0];
        let (rest, n) = CountWidth::U32.read(&input).unwrap();
        let err = counted(rest, n, 4, "count", u32).unwrap_err();
        assert!(matches!(
            err,
            nom::Err::Error(WireError {
                kind: ErrorKind::LengthExceedsInput { .. },
                ..
            })
        ));
    }

    #[test]
    fn string8_reads_with_code_page() {
        let s = String8::from_bytes(vec![0x43, 0x61, 0x66, 0xE9]);
        assert_eq!(s.decode_text(1252), "Café");
        assert_eq!(String8::encode_text("Café", 1252).unwrap(), s);
        assert!(String8::encode_text("日本", 1252).is_err());
    }

    #[test]
    fn filetime_unix_epoch() {
        assert_eq!(
            FileTime(FileTime::UNIX_EPOCH_INTERVALS).to_unix(),
            Some((0, 0))
        );
        assert_eq!(
            FileTime::from_unix(1, 500).0,
            FileTime::UNIX_EPOCH_INTERVALS + 10_000_005
        );
    }

    proptest! {
        #[test]
        fn utf16z_round_trips(s in "[^\u{0}]{0,40}") {
            let mut out = Vec::new();
            put_utf16z(&mut out, &s, "t").unwrap();
            prop_assert_eq!(out.len(), utf16z_len(&s));
            let (rest, back) = utf16z(&out).unwrap();
            prop_assert!(rest.is_empty());
            prop_assert_eq!(back, s);
        }

        #[test]
        fn ascii_z_round_trips(s in "[\u{1}-\u{7f}]{0,40}") {
            let mut out = Vec::new();
            put_ascii_z(&mut out, &s, "t").unwrap();
            let (rest, back) = ascii_z(&out).unwrap();
            prop_assert!(rest.is_empty());
            prop_assert_eq!(back, s);
        }

        #[test]
        fn counted_bytes_round_trip(b in proptest::collection::vec(any::<u8>(), 0..300), wide in any::<bool>()) {
            let w = if wide { CountWidth::U32 } else { CountWidth::U16 };
            let mut out = Vec::new();
            put_counted_bytes(&mut out, &b, w, "t").unwrap();
            let (rest, back) = counted_bytes(&out, w).unwrap();
            prop_assert!(rest.is_empty());
            prop_assert_eq!(back, &b[..]);
        }

        #[test]
        fn filetime_round_trips(v in any::<u64>()) {
            let bytes = FileTime(v).to_bytes().unwrap();
            prop_assert_eq!(FileTime::from_bytes(&bytes).unwrap(), FileTime(v));
        }

        #[test]
        fn guid_round_trips(b in any::<[u8; 16]>()) {
            let (_, g) = guid(&b).unwrap();
            let mut out = Vec::new();
            put_guid(&mut out, &g);
            prop_assert_eq!(out, b.to_vec());
        }
    }
}
