//! Extended buffers: RPC_HEADER_EXT + payload (MS-OXCRPC 2.2.2.1, 3.1.4.1.1, 3.1.4.2.1).
//!
//! The ROP buffers of Execute and the auxiliary buffers of Connect/Execute (MS-OXCMAPIHTTP
//! 2.2.4.1, 2.2.4.2) are one or more extended buffers: an 8-byte header, then `Size` payload
//! bytes that may be compressed (LZ77 + DIRECT2, [`super::lz77`]) and then obfuscated (every
//! byte XOR 0xA5, MS-OXCRPC 3.1.4.1.1.3). The receiver undoes the XOR first, then decompresses
//! to `SizeActual` bytes (MS-OXCRPC 3.1.4.2.1.1.1). Buffers follow each other until the one
//! flagged Last; each is interpreted on its own flags only (MS-OXCRPC 3.1.4.2.1).

use std::fmt;

use bytes::BufMut;
use serde::Serialize;

use super::error::{
    DecodeError, EncodeError, ErrorKind, PResult, WireError, decode_all, decode_prefix, fail, named,
};
use super::lz77;
use super::primitives::{Wire, take, u16};

/// The byte every obfuscated payload byte is XORed with (MS-OXCRPC 3.1.4.1.1.3).
pub const XOR_MAGIC_BYTE: u8 = 0xA5;

/// The largest payload one extended buffer may carry: "a single payload MUST NOT exceed 32 KB"
/// (MS-OXCRPC 3.1.4.1.1), and a server "MUST NOT produce more than 32 KB worth of response
/// data" per buffer, packed ones included (MS-OXCRPC 3.1.4.2.1.2.1, 3.1.4.2.1.2.2). Applied to
/// the uncompressed size (`SizeActual`) by [`encode_extended_buffer`].
pub const MAX_PAYLOAD_SIZE: usize = 32 * 1024;

/// Applies (or undoes: it is its own inverse) the XorMagic obfuscation of MS-OXCRPC 3.1.4.1.1.3.
pub fn xor_magic(data: &mut [u8]) {
    for b in data {
        *b ^= XOR_MAGIC_BYTE;
    }
}

/// MS-OXCRPC 2.2.2.1 RPC_HEADER_EXT `Flags`. Unknown bits are kept so that they survive a
/// round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct ExtFlags(pub u16);

impl ExtFlags {
    /// No flag.
    pub const NONE: ExtFlags = ExtFlags(0);
    /// The payload is LZ77 + DIRECT2 compressed; `SizeActual` is its uncompressed size.
    pub const COMPRESSED: ExtFlags = ExtFlags(0x0001);
    /// The payload is obfuscated with XOR 0xA5 (after compression, if both are set).
    pub const XOR_MAGIC: ExtFlags = ExtFlags(0x0002);
    /// No other extended buffer follows this one.
    pub const LAST: ExtFlags = ExtFlags(0x0004);

    /// Whether every bit of `other` is set.
    pub const fn contains(self, other: ExtFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// These flags with `other`'s bits set as well.
    pub const fn with(self, other: ExtFlags) -> ExtFlags {
        ExtFlags(self.0 | other.0)
    }

    /// These flags with `other`'s bits cleared.
    pub const fn without(self, other: ExtFlags) -> ExtFlags {
        ExtFlags(self.0 & !other.0)
    }
}

impl std::ops::BitOr for ExtFlags {
    type Output = ExtFlags;
    fn bitor(self, rhs: ExtFlags) -> ExtFlags {
        self.with(rhs)
    }
}

impl fmt::Display for ExtFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names = Vec::new();
        for (flag, name) in [
            (ExtFlags::COMPRESSED, "Compressed"),
            (ExtFlags::XOR_MAGIC, "XorMagic"),
            (ExtFlags::LAST, "Last"),
        ] {
            if self.contains(flag) {
                names.push(name.to_string());
            }
        }
        let unknown = self.0 & !0x0007;
        if unknown != 0 {
            names.push(format!("0x{unknown:04X}"));
        }
        if names.is_empty() {
            f.write_str("0")
        } else {
            f.write_str(&names.join("|"))
        }
    }
}

/// MS-OXCRPC 2.2.2.1 RPC_HEADER_EXT: Version (must be 0), Flags, Size (payload bytes on the
/// wire after this header), SizeActual (payload bytes once decompressed; equal to Size when
/// not compressed). All little-endian u16.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RpcHeaderExt {
    /// Structure version; MS-OXCRPC 2.2.2.1 says it MUST be 0.
    pub version: u16,
    /// How the payload is to be interpreted.
    pub flags: ExtFlags,
    /// Bytes of payload after the header, as sent (compressed and/or obfuscated).
    pub size: u16,
    /// Bytes of payload after decompression.
    pub size_actual: u16,
}

impl RpcHeaderExt {
    /// Bytes the header occupies.
    pub const SIZE: usize = 8;
}

impl Wire for RpcHeaderExt {
    const NAME: &'static str = "RPC_HEADER_EXT";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (i, version) = u16(i)?;
            let (i, flags) = u16(i)?;
            let (i, size) = u16(i)?;
            let (i, size_actual) = u16(i)?;
            Ok((
                i,
                RpcHeaderExt {
                    version,
                    flags: ExtFlags(flags),
                    size,
                    size_actual,
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u16_le(self.version);
        out.put_u16_le(self.flags.0);
        out.put_u16_le(self.size);
        out.put_u16_le(self.size_actual);
        Ok(())
    }
}

/// One extended buffer (MS-OXCRPC 3.1.4.2.1.1): its header as received and its payload with
/// the obfuscation undone and decompressed.
///
/// Encoding recomputes `Size` and `SizeActual` from the payload: a compressed payload is
/// compressed again by [`lz77::compress`], so a buffer compressed by another implementation
/// re-encodes to equivalent, not necessarily identical, bytes (uncompressed ones are
/// identical). If compression would not make the payload smaller, the Compressed flag is
/// cleared, since MS-OXCRPC 2.2.2.1 requires `Size < SizeActual` when it is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtendedBuffer {
    /// The header as it was on the wire.
    pub header: RpcHeaderExt,
    /// The payload, plain.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub payload: Vec<u8>,
}

impl ExtendedBuffer {
    /// Whether the Last flag ends the chain at this buffer.
    pub fn is_last(&self) -> bool {
        self.header.flags.contains(ExtFlags::LAST)
    }
}

impl Wire for ExtendedBuffer {
    const NAME: &'static str = "ExtendedBuffer";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        let (body_start, header) = RpcHeaderExt::decode(input)?;
        let name = RpcHeaderExt::NAME;
        if header.version != 0 {
            return fail(
                input,
                name,
                ErrorKind::InvalidValue {
                    field: "Version",
                    value: u64::from(header.version),
                },
            );
        }
        let size = usize::from(header.size);
        let Ok((rest, body)) = take(body_start, size) else {
            // Point at the Size field.
            return fail(
                input.get(4..).unwrap_or(input),
                name,
                ErrorKind::LengthExceedsInput {
                    field: "Size",
                    declared: size as u64,
                    available: body_start.len(),
                },
            );
        };
        let compressed = header.flags.contains(ExtFlags::COMPRESSED);
        if !compressed && header.size != header.size_actual {
            return fail(
                input.get(6..).unwrap_or(input),
                name,
                ErrorKind::InvalidValue {
                    field: "SizeActual",
                    value: u64::from(header.size_actual),
                },
            );
        }
        let mut data = body.to_vec();
        if header.flags.contains(ExtFlags::XOR_MAGIC) {
            xor_magic(&mut data);
        }
        let payload = if compressed {
            lz77::decompress(&data, usize::from(header.size_actual)).map_err(|e| {
                nom::Err::Error(WireError {
                    remaining: body_start.len().saturating_sub(e.offset),
                    structure: e.structure,
                    kind: e.kind,
                })
            })?
        } else {
            data
        };
        Ok((rest, ExtendedBuffer { header, payload }))
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        let f = self.header.flags;
        put_buffer(
            out,
            &self.payload,
            self.header.version,
            f.without(ExtFlags::COMPRESSED | ExtFlags::XOR_MAGIC),
            f.contains(ExtFlags::COMPRESSED),
            f.contains(ExtFlags::XOR_MAGIC),
            usize::from(u16::MAX),
        )
        .map(|_| ())
    }
}

/// Writes one extended buffer; `other` holds the flags besides Compressed and XorMagic.
fn put_buffer<B: BufMut>(
    out: &mut B,
    payload: &[u8],
    version: u16,
    other: ExtFlags,
    compress: bool,
    xor: bool,
    max: usize,
) -> Result<RpcHeaderExt, EncodeError> {
    if payload.len() > max {
        return Err(EncodeError::TooLong {
            structure: RpcHeaderExt::NAME,
            field: "SizeActual",
            len: payload.len(),
            max,
        });
    }
    let mut flags = other;
    let mut body = None;
    if compress {
        let c = lz77::compress(payload);
        if c.len() < payload.len() {
            flags = flags | ExtFlags::COMPRESSED;
            body = Some(c);
        }
    }
    let mut body = body.unwrap_or_else(|| payload.to_vec());
    if xor {
        flags = flags | ExtFlags::XOR_MAGIC;
        xor_magic(&mut body);
    }
    // Both fit: `payload.len() <= max <= u16::MAX` and compression only kept when smaller.
    let header = RpcHeaderExt {
        version,
        flags,
        size: body.len() as u16,
        size_actual: payload.len() as u16,
    };
    header.encode(out)?;
    out.put_slice(&body);
    Ok(header)
}

/// How [`encode_extended_buffer`] treats the payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct EncodeOptions {
    /// Compress with LZ77 + DIRECT2, kept only when that makes the payload smaller
    /// (MS-OXCRPC 2.2.2.1: with Compressed set, Size MUST be less than SizeActual).
    pub compress: bool,
    /// Obfuscate with XOR 0xA5 (after compression).
    pub xor_magic: bool,
}

/// Appends one extended buffer (header + payload) to `out` and returns the header written.
///
/// `last` sets the Last flag. Payloads over [`MAX_PAYLOAD_SIZE`] are refused.
pub fn encode_extended_buffer<B: BufMut>(
    payload: &[u8],
    options: EncodeOptions,
    last: bool,
    out: &mut B,
) -> Result<RpcHeaderExt, EncodeError> {
    let other = if last { ExtFlags::LAST } else { ExtFlags::NONE };
    put_buffer(
        out,
        payload,
        0,
        other,
        options.compress,
        options.xor_magic,
        MAX_PAYLOAD_SIZE,
    )
}

/// Appends a chain of extended buffers, one per payload, the last one flagged Last
/// (MS-OXCRPC 3.1.4.2.1.1.1: all headers but the last MUST NOT carry Last). An empty list
/// writes one empty buffer flagged Last.
pub fn encode_chain<B: BufMut>(
    payloads: &[&[u8]],
    options: EncodeOptions,
    out: &mut B,
) -> Result<Vec<RpcHeaderExt>, EncodeError> {
    if payloads.is_empty() {
        return encode_extended_buffer(&[], options, true, out).map(|h| vec![h]);
    }
    let n = payloads.len();
    payloads
        .iter()
        .enumerate()
        .map(|(i, p)| encode_extended_buffer(p, options, i + 1 == n, out))
        .collect()
}

fn chain(input: &[u8]) -> PResult<'_, Vec<ExtendedBuffer>> {
    let mut buffers = Vec::new();
    let mut rest = input;
    loop {
        if rest.is_empty() {
            // The previous buffer was not flagged Last (or there was none).
            return fail(
                rest,
                RpcHeaderExt::NAME,
                ErrorKind::Truncated {
                    needed: RpcHeaderExt::SIZE,
                },
            );
        }
        let (r, buffer) = ExtendedBuffer::decode(rest)?;
        rest = r;
        let last = buffer.is_last();
        buffers.push(buffer);
        if last {
            return Ok((rest, buffers));
        }
    }
}

/// Decodes the extended buffers that fill `input` exactly (a RopBuffer or auxiliary buffer
/// whose length the enclosing body gives): buffers up to and including the one flagged Last,
/// with nothing after it. Error offsets count from the start of `input`.
///
/// Payload sizes are accepted up to what the u16 fields carry; [`MAX_PAYLOAD_SIZE`] is a
/// sender's rule, enforced on encoding.
pub fn decode_chain(input: &[u8]) -> Result<Vec<ExtendedBuffer>, DecodeError> {
    decode_all(input, chain)
}

/// Like [`decode_chain`] for a chain followed by other data: returns the buffers and the
/// number of bytes they used.
pub fn decode_chain_prefix(input: &[u8]) -> Result<(Vec<ExtendedBuffer>, usize), DecodeError> {
    decode_prefix(input, chain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use proptest::prelude::*;

    #[test]
    fn header_layout() {
        let h = RpcHeaderExt {
            version: 0,
            flags: ExtFlags::LAST | ExtFlags::COMPRESSED,
            size: 0x0102,
            size_actual: 0x0304,
        };
        let b = h.to_bytes().unwrap();
        assert_eq!(b, [0, 0, 5, 0, 2, 1, 4, 3]);
        assert_eq!(RpcHeaderExt::from_bytes(&b).unwrap(), h);
        assert_eq!(h.flags.to_string(), "Compressed|Last");
        assert_eq!(ExtFlags(0x0012).to_string(), "XorMagic|0x0010");
    }

    #[test]
    fn xor_magic_is_a5() {
        let mut d = [0x00, 0xA5, 0xFF];
        xor_magic(&mut d);
        assert_eq!(d, [0xA5, 0x00, 0x5A]);
    }

    #[test]
    fn compressed_and_obfuscated_payload_decodes_xor_first() {
        // MS-XCA 3.1: "abc" x 100 compresses to these 13 bytes; XOR them, as a sender does
        // after compressing.
        let mut body = vec![
            0xff, 0xff, 0xff, 0x1f, 0x61, 0x62, 0x63, 0x17, 0x00, 0x0f, 0xff, 0x26, 0x01,
        ];
        xor_magic(&mut body);
        let mut wire = vec![0, 0, 7, 0, 13, 0, 0x2c, 0x01];
        wire.extend_from_slice(&body);
        let chain = decode_chain(&wire).unwrap();
        assert_eq!(chain.len(), 1);
        assert_eq!(chain[0].payload, b"abc".repeat(100));
        assert_eq!(chain[0].header.flags, ExtFlags(7));
        // Re-encoding gives the same bytes: our compressor produces the spec's stream here.
        assert_eq!(chain[0].to_bytes().unwrap(), wire);
    }

    #[test]
    fn errors_have_chain_offsets() {
        // Two buffers; the second claims more payload than there is.
        let mut wire = vec![0, 0, 0, 0, 2, 0, 2, 0, 0xAA, 0xBB];
        wire.extend_from_slice(&[0, 0, 4, 0, 9, 0, 9, 0, 1]);
        let e = decode_chain(&wire).unwrap_err();
        assert_eq!(e.structure, "RPC_HEADER_EXT");
        assert_eq!(e.offset, 14);
        assert!(matches!(
            e.kind,
            ErrorKind::LengthExceedsInput { field: "Size", .. }
        ));
        // No Last flag before the input ends.
        let e = decode_chain(&wire[..10]).unwrap_err();
        assert_eq!(e.offset, 10);
        assert_eq!(e.kind, ErrorKind::Truncated { needed: 8 });
        // Bytes after Last.
        let wire = [0, 0, 4, 0, 1, 0, 1, 0, 0x11, 0x22];
        let e = decode_chain(&wire).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TrailingBytes { count: 1 });
        assert_eq!(e.offset, 9);
        let (bufs, used) = decode_chain_prefix(&wire).unwrap();
        assert_eq!((bufs.len(), used), (1, 9));
        // Version must be 0.
        let e = decode_chain(&[1, 0, 4, 0, 0, 0, 0, 0]).unwrap_err();
        assert_eq!(
            e.kind,
            ErrorKind::InvalidValue {
                field: "Version",
                value: 1
            }
        );
        // Uncompressed with Size != SizeActual.
        let e = decode_chain(&[0, 0, 4, 0, 1, 0, 2, 0, 0]).unwrap_err();
        assert_eq!(e.offset, 6);
        // A compressed payload whose stream is bad: offset inside the second buffer's payload.
        let mut wire = vec![0, 0, 0, 0, 1, 0, 1, 0, 0x42];
        wire.extend_from_slice(&[0, 0, 5, 0, 6, 0, 10, 0, 0xff, 0xff, 0xff, 0xff, 0, 0]);
        let e = decode_chain(&wire).unwrap_err();
        assert_eq!(e.structure, "LZ77");
        assert_eq!(e.offset, 9 + 8 + 4);
        assert_eq!(
            e.kind,
            ErrorKind::Decompression("match reaches before the start of the output")
        );
    }

    #[test]
    fn compression_only_when_it_helps_and_limits() {
        let mut out = Vec::new();
        let h = encode_extended_buffer(
            b"xyz",
            EncodeOptions {
                compress: true,
                xor_magic: false,
            },
            true,
            &mut out,
        )
        .unwrap();
        assert_eq!(h.flags, ExtFlags::LAST);
        assert_eq!(out, [0, 0, 4, 0, 3, 0, 3, 0, b'x', b'y', b'z']);

        let big = vec![0u8; MAX_PAYLOAD_SIZE];
        let mut out = Vec::new();
        let h = encode_extended_buffer(
            &big,
            EncodeOptions {
                compress: true,
                xor_magic: true,
            },
            false,
            &mut out,
        )
        .unwrap();
        assert_eq!(h.flags, ExtFlags::COMPRESSED | ExtFlags::XOR_MAGIC);
        assert!(h.size < 64);
        assert_eq!(usize::from(h.size_actual), MAX_PAYLOAD_SIZE);

        let too_big = vec![0u8; MAX_PAYLOAD_SIZE + 1];
        assert!(matches!(
            encode_extended_buffer(&too_big, EncodeOptions::default(), true, &mut Vec::new()),
            Err(EncodeError::TooLong {
                max: MAX_PAYLOAD_SIZE,
                ..
            })
        ));
    }

    /// The RopBuffers of every Execute request and successful response in the recordings.
    fn recorded_rop_buffers() -> Vec<(String, Vec<u8>)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gromox");
        let b64 = base64::engine::general_purpose::STANDARD;
        let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
        let mut found = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "har"))
            .collect();
        paths.sort();
        for path in paths {
            let har: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            for (i, entry) in har["log"]["entries"].as_array().unwrap().iter().enumerate() {
                let header = |headers: &serde_json::Value, name: &str| {
                    headers.as_array().unwrap().iter().find_map(|h| {
                        (h["name"].as_str().unwrap().eq_ignore_ascii_case(name))
                            .then(|| h["value"].as_str().unwrap().to_string())
                    })
                };
                if header(&entry["request"]["headers"], "X-RequestType").as_deref()
                    != Some("Execute")
                {
                    continue;
                }
                // MS-OXCMAPIHTTP 2.2.4.2.1: Flags, RopBufferSize, RopBuffer, MaxRopOut,
                // AuxiliaryBufferSize, AuxiliaryBuffer.
                let req = b64
                    .decode(entry["request"]["postData"]["text"].as_str().unwrap())
                    .unwrap();
                let n = u32_at(&req, 4) as usize;
                found.push((format!("{file}#{i} request"), req[8..8 + n].to_vec()));
                assert_eq!(u32_at(&req, 8 + n + 4) as usize, req.len() - (8 + n + 8));

                if header(&entry["response"]["headers"], "X-ResponseCode").as_deref() != Some("0") {
                    continue; // an HTML or text error body, no RopBuffer
                }
                // MS-OXCMAPIHTTP 2.2.4.2.2: after the meta-tags and the blank line,
                // StatusCode, ErrorCode, Flags, RopBufferSize, RopBuffer,
                // AuxiliaryBufferSize, AuxiliaryBuffer.
                let resp = b64
                    .decode(entry["response"]["content"]["text"].as_str().unwrap())
                    .unwrap();
                let start = resp.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
                let body = &resp[start..];
                assert_eq!(u32_at(body, 0), 0, "StatusCode");
                let n = u32_at(body, 12) as usize;
                found.push((format!("{file}#{i} response"), body[16..16 + n].to_vec()));
                assert_eq!(u32_at(body, 16 + n) as usize, body.len() - (16 + n + 4));
            }
        }
        found
    }

    #[test]
    fn recorded_rop_buffers_decode_and_re_encode_identically() {
        let buffers = recorded_rop_buffers();
        assert!(buffers.len() >= 25, "{}", buffers.len());
        for (what, rop_buffer) in &buffers {
            let chain = decode_chain(rop_buffer).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert!(chain.last().unwrap().is_last(), "{what}");
            let mut again = Vec::new();
            for b in &chain {
                // RopSize (MS-OXCROPS 2.2.1) opens every payload and counts its own 2 bytes.
                let rop_size = usize::from(u16::from_le_bytes([b.payload[0], b.payload[1]]));
                assert!(rop_size >= 2 && rop_size <= b.payload.len(), "{what}");
                b.encode(&mut again).unwrap();
            }
            assert_eq!(&again, rop_buffer, "{what}");

            // The same payloads survive compression and obfuscation.
            let payloads: Vec<&[u8]> = chain.iter().map(|b| b.payload.as_slice()).collect();
            for (compress, xor_magic) in [(true, false), (false, true), (true, true)] {
                let mut wire = Vec::new();
                encode_chain(
                    &payloads,
                    EncodeOptions {
                        compress,
                        xor_magic,
                    },
                    &mut wire,
                )
                .unwrap();
                let back = decode_chain(&wire).unwrap();
                let got: Vec<&[u8]> = back.iter().map(|b| b.payload.as_slice()).collect();
                assert_eq!(got, payloads, "{what}");
            }
        }
    }

    fn payload() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..600),
            proptest::collection::vec(0u8..3, 0..3000),
        ]
    }

    proptest! {
        #[test]
        fn prop_header_round_trip(version: u16, flags: u16, size: u16, size_actual: u16) {
            let h = RpcHeaderExt { version, flags: ExtFlags(flags), size, size_actual };
            prop_assert_eq!(RpcHeaderExt::from_bytes(&h.to_bytes().unwrap()).unwrap(), h);
        }

        #[test]
        fn prop_extended_buffer_every_flag_combination(
            p in payload(),
            compress: bool,
            xor_magic: bool,
            last: bool,
        ) {
            let mut wire = Vec::new();
            let h = encode_extended_buffer(&p, EncodeOptions { compress, xor_magic }, last, &mut wire)
                .unwrap();
            prop_assert_eq!(h.flags.contains(ExtFlags::LAST), last);
            prop_assert_eq!(h.flags.contains(ExtFlags::XOR_MAGIC), xor_magic);
            prop_assert!(!h.flags.contains(ExtFlags::COMPRESSED) || h.size < h.size_actual);
            let b = ExtendedBuffer::from_bytes(&wire).unwrap();
            prop_assert_eq!(b.header, h);
            prop_assert_eq!(&b.payload, &p);
            prop_assert_eq!(b.to_bytes().unwrap(), wire);
        }

        #[test]
        fn prop_chain_round_trip(
            ps in proptest::collection::vec(payload(), 0..4),
            compress: bool,
            xor_magic: bool,
        ) {
            let refs: Vec<&[u8]> = ps.iter().map(Vec::as_slice).collect();
            let mut wire = Vec::new();
            encode_chain(&refs, EncodeOptions { compress, xor_magic }, &mut wire).unwrap();
            let back = decode_chain(&wire).unwrap();
            prop_assert_eq!(back.len(), ps.len().max(1));
            for (i, b) in back.iter().enumerate() {
                prop_assert_eq!(b.is_last(), i + 1 == back.len());
                prop_assert_eq!(&b.payload, ps.get(i).map(Vec::as_slice).unwrap_or(&[]));
            }
        }

        #[test]
        fn prop_garbage_never_panics(data in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = decode_chain(&data);
        }
    }
}
