//! Pure codecs: bytes to typed values and back. No I/O, no state, no async.
//!
//! Every type decodes with nom over `&[u8]` (errors carry the structure and byte offset, see
//! [`error`]) and encodes into a [`bytes::BufMut`]. Layouts whose shape depends on context
//! (property values on their type, rows on their columns, counts on ROP vs NSPI) take that
//! context as an explicit argument.

pub mod auxbuf;
pub mod entry_id;
pub mod error;
pub mod error_code;
pub mod lz77;
pub mod mapihttp;
pub mod nspi;
pub mod primitives;
pub mod property;
pub mod restriction;
pub mod rop;
pub mod rpc_ext;
pub mod serde_bytes;

pub use error::{DecodeError, EncodeError, ErrorKind, PResult, WireError};
pub use error_code::ErrorCode;
pub use primitives::{CountWidth, FileTime, String8, Wire};
pub use rop::buffer::RopBuffer;
