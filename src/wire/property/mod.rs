//! MS-OXCDATA property structures: tags, types, values, rows.

pub mod tag;
pub mod tags;

pub use tag::{PropertyTag, PropertyType};
