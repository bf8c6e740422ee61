//! `mapi-http`: Microsoft Exchange at the protocol level, over MAPI Extensions for HTTP.
//!
//! Layers, each using only those before it (see DESIGN.md):
//! - [`wire`]: pure codecs for MS-OXCDATA, MS-OXCRPC, MS-OXCMAPIHTTP structures. Builds with
//!   `--no-default-features`: no tokio, no reqwest.
//! - [`session`]: sans-I/O state machines over the codecs: cookies, request ids, context
//!   state and response judgement. Also builds with `--no-default-features`.
//! - `emulator` (feature `emulator`): an in-process Exchange MAPI/HTTP server on the same codecs.
//!
//! Taking a captured Execute response apart, as it arrives in chunks:
//!
//! ```
//! use mapi_http::wire::Wire;
//! use mapi_http::wire::mapihttp::{ExecuteResponse, FramerLimits, ResponseFramer};
//! use mapi_http::wire::rpc_ext::decode_chain;
//!
//! fn rop_payloads(chunks: &[&[u8]]) -> Result<Vec<Vec<u8>>, mapi_http::wire::DecodeError> {
//!     // Feed the HTTP body as it arrives; PENDING keep-alives only bump a counter.
//!     let mut framer = ResponseFramer::new(FramerLimits::default());
//!     for chunk in chunks {
//!         framer.feed(chunk)?;
//!     }
//!     let framed = framer.finish()?;
//!     match ExecuteResponse::from_bytes(&framed.body)? {
//!         ExecuteResponse::Success { rop_buffer, .. } => Ok(decode_chain(&rop_buffer)?
//!             .into_iter()
//!             .map(|buffer| buffer.payload) // un-XORed and decompressed
//!             .collect()),
//!         ExecuteResponse::Failure(f) => panic!("StatusCode {}", f.status_code),
//!     }
//! }
//!
//! let recorded = include_bytes!("../fixtures/bodies/session-logon/02-execute-response.bin");
//! let (head, tail) = recorded.split_at(82); // the two chunks the server sent
//! let payloads = rop_payloads(&[head, tail]).unwrap();
//! assert_eq!(payloads.len(), 1);
//! assert_eq!(payloads[0][2], 0xFE); // RopLogon's RopId, after the 2-byte RopSize
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod wire;

pub mod session;

#[cfg(feature = "client")]
pub mod transport;

#[cfg(feature = "client")]
pub mod autodiscover;

#[cfg(feature = "client")]
pub mod client;

#[cfg(feature = "client")]
pub mod profile;

#[cfg(feature = "client")]
pub mod replay;

#[cfg(feature = "emulator")]
pub mod emulator;

#[cfg(feature = "fuzzing")]
pub mod fuzzing;
