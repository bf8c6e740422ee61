//! MS-OXCROPS 2.2.1 ROP input and output buffers: RopSize, the ROPs, the server object
//! handle table.

use bytes::BufMut;
use serde::Serialize;

use crate::wire::error::{EncodeError, ErrorKind, PResult, fail, named};
use crate::wire::primitives::{Wire, take, u16 as le_u16, u32 as le_u32};

/// MS-OXCROPS 2.2.1 ROP input buffer and ROP output buffer (the layout is the same).
///
/// RopSize counts itself and the ROPs; the handle table is everything after them, four bytes
/// per server object handle. The ROPs stay bytes here: their layouts depend on each other
/// (a response on its request, rows on the table's columns), which the typed layer resolves.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RopBuffer {
    /// The ROP requests or responses, back to back.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub rops: Vec<u8>,
    /// ServerObjectHandleTable: one handle per index the ROPs refer to.
    pub handles: Vec<u32>,
}

impl RopBuffer {
    /// The handle at `index`, if the table has one.
    pub fn handle(&self, index: u8) -> Option<u32> {
        self.handles.get(usize::from(index)).copied()
    }
}

impl Wire for RopBuffer {
    const NAME: &'static str = "ROP buffer";

    fn decode(input: &[u8]) -> PResult<'_, Self> {
        named(Self::NAME, input, |i| {
            let (after_size, rop_size) = le_u16(i)?;
            let Some(rops_len) = usize::from(rop_size).checked_sub(2) else {
                return fail(
                    i,
                    Self::NAME,
                    ErrorKind::InvalidValue {
                        field: "RopSize",
                        value: u64::from(rop_size),
                    },
                );
            };
            if rops_len > after_size.len() {
                return fail(
                    i,
                    Self::NAME,
                    ErrorKind::LengthExceedsInput {
                        field: "RopSize",
                        declared: u64::from(rop_size),
                        available: i.len(),
                    },
                );
            }
            let (table, rops) = take(after_size, rops_len)?;
            if table.len() % 4 != 0 {
                // The table is all that follows, so its length is the only check available.
                return fail(
                    table,
                    "ServerObjectHandleTable",
                    ErrorKind::Truncated {
                        needed: 4 - table.len() % 4,
                    },
                );
            }
            let mut handles = Vec::with_capacity(table.len() / 4);
            let mut rest = table;
            while !rest.is_empty() {
                let (r, h) = le_u32(rest)?;
                handles.push(h);
                rest = r;
            }
            Ok((
                rest,
                RopBuffer {
                    rops: rops.to_vec(),
                    handles,
                },
            ))
        })
    }

    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        let size = self
            .rops
            .len()
            .checked_add(2)
            .filter(|&n| n <= usize::from(u16::MAX))
            .ok_or(EncodeError::TooLong {
                structure: Self::NAME,
                field: "RopSize",
                len: self.rops.len() + 2,
                max: usize::from(u16::MAX),
            })?;
        out.put_u16_le(size as u16);
        out.put_slice(&self.rops);
        for h in &self.handles {
            out.put_u32_le(*h);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn release_response_from_the_recording_has_no_rops() {
        // session-logon.har entry 4: the response to RopRelease is RopSize 2 and the table.
        let bytes = [0x02, 0x00, 0x00, 0x00, 0x00, 0x00];
        let b = RopBuffer::from_bytes(&bytes).unwrap();
        assert!(b.rops.is_empty());
        assert_eq!(b.handles, vec![0]);
        assert_eq!(b.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn ms_oxcrpc_4_2_example_sizes_fit_together() {
        // MS-OXCRPC 4.2 (Issue ROP Commands to the Server): RPC_HEADER_EXT Version 0x0000,
        // Flags 0x0004 (Last), Size = SizeActual = 0x0152; the payload is RopSize 0x0142,
        // 320 bytes of ROPs and a 16-byte server object handle table; cbIn 0x015A.
        use crate::wire::rpc_ext::{RpcHeaderExt, decode_chain};
        let mut rgb_in = vec![0x00, 0x00, 0x04, 0x00, 0x52, 0x01, 0x52, 0x01, 0x42, 0x01];
        rgb_in.extend_from_slice(&[0x01; 320]);
        rgb_in.extend_from_slice(&[0xFF; 16]);
        assert_eq!(rgb_in.len(), 0x015A);
        let header = RpcHeaderExt::from_bytes(&rgb_in[..8]).unwrap();
        assert_eq!(
            (header.version, header.size, header.size_actual),
            (0, 0x152, 0x152)
        );
        let chain = decode_chain(&rgb_in).unwrap();
        let buffer = RopBuffer::from_bytes(&chain[0].payload).unwrap();
        assert_eq!(buffer.rops.len(), 320);
        assert_eq!(buffer.handles, vec![0xFFFF_FFFF; 4]);
        assert_eq!(buffer.to_bytes().unwrap(), chain[0].payload);
    }

    #[test]
    fn lying_rop_size_is_a_typed_error() {
        let err = RopBuffer::from_bytes(&[0x10, 0x00, 0x01]).unwrap_err();
        assert!(matches!(
            err.kind,
            ErrorKind::LengthExceedsInput {
                field: "RopSize",
                ..
            }
        ));
        let err = RopBuffer::from_bytes(&[0x01, 0x00]).unwrap_err();
        assert!(matches!(
            err.kind,
            ErrorKind::InvalidValue {
                field: "RopSize",
                ..
            }
        ));
        let err = RopBuffer::from_bytes(&[0x02, 0x00, 1, 2, 3]).unwrap_err();
        assert_eq!(err.structure, "ServerObjectHandleTable");
        assert_eq!(err.offset, 2);
    }

    proptest! {
        #[test]
        fn round_trips(
            rops in proptest::collection::vec(any::<u8>(), 0..300),
            handles in proptest::collection::vec(any::<u32>(), 0..20),
        ) {
            let b = RopBuffer { rops, handles };
            let bytes = b.to_bytes().unwrap();
            prop_assert_eq!(RopBuffer::from_bytes(&bytes).unwrap(), b);
        }
    }
}
