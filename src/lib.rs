//! `mapi-http`: Microsoft Exchange at the protocol level, over MAPI Extensions for HTTP.
//!
//! Layers, each using only those before it (see DESIGN.md):
//! - [`wire`]: pure codecs for MS-OXCDATA, MS-OXCRPC, MS-OXCROPS, MS-OXCMAPIHTTP and MS-OXNSPI
//!   structures. Builds with `--no-default-features`: no tokio, no reqwest.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod wire;

#[cfg(feature = "fuzzing")]
pub mod fuzzing;
