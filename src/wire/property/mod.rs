//! MS-OXCDATA property structures: tags, types, values, rows.

pub mod misc;
pub mod row;
pub mod tag;
pub mod tags;
pub mod value;

pub use misc::{
    PropertyName, PropertyNameKind, PropertyProblem, PropertyProblemArray, PropertyTagArray,
    SortDirection, SortOrder, SortOrderSet,
};
pub use row::{FlaggedPropertyRow, PropertyRow, PropertyRowSet, StandardPropertyRow};
pub use tag::{PropertyTag, PropertyType};
pub use value::{
    FlaggedPropertyValue, FlaggedPropertyValueWithType, MAX_DEPTH, PropertyValue, RuleAction,
    ServerId, TaggedPropertyValue, TypedPropertyValue, TypedString,
};

#[cfg(test)]
pub(crate) mod tests;
