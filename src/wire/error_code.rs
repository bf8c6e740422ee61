//! (in progress)
/// MS-OXCDATA 2.4 error code (placeholder until the table lands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct ErrorCode(pub u32);
