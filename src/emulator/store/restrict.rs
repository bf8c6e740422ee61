//! MS-OXCDATA 2.12 restriction evaluation over one row (a folder, message, attachment or
//! recipient), used by RopRestrict, RopFindRow and search folders.
//!
//! MAPI semantics: a comparison with a property the row lacks is false (also for RELOP_NE);
//! strings compare case-insensitively for relational operators (the sort locale of the
//! logon, see [`super::props::cmp_text`]); a multi-valued property with the
//! MultivalueInstance-free tag matches when any value matches.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::wire::ErrorCode;
use crate::wire::property::tags as t;
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue};
use crate::wire::restriction::{
    BitmapRelOp, ContentRestriction, FuzzyLevelHigh, FuzzyLevelLow, RelOp, Restriction,
};

use super::mailbox::Mailbox;
use super::model::{Attachment, Recipient};
use super::objects::MsgCtx;
use super::props::{compare, value_size};

/// Something a restriction can be evaluated on.
pub trait RowSource {
    /// The value of `tag` (type as in the tag, PtypUnspecified for any), if present.
    fn value(&self, tag: PropertyTag) -> Option<PropertyValue>;
    /// Whether any sub-object row (recipients for PidTagMessageRecipients, attachments for
    /// PidTagMessageAttachments) satisfies `r`.
    fn any_sub(
        &self,
        _subobject: PropertyTag,
        _r: &Restriction,
        _st: &mut CountState,
    ) -> Result<bool, ErrorCode> {
        Ok(false)
    }
}

/// Matches counted so far by each CountRestriction (MS-OXCDATA 2.12.12), keyed by the
/// restriction node's address: it is only valid during one pass over a table.
#[derive(Debug, Default)]
pub struct CountState(HashMap<usize, u32>);

/// A message (stored or open) as a row.
pub(super) struct MessageRow<'a> {
    pub mb: &'a Mailbox,
    pub m: &'a MsgCtx<'a>,
}

impl RowSource for MessageRow<'_> {
    fn value(&self, tag: PropertyTag) -> Option<PropertyValue> {
        self.mb.message_value(self.m, tag, 65001)
    }
    fn any_sub(
        &self,
        subobject: PropertyTag,
        r: &Restriction,
        st: &mut CountState,
    ) -> Result<bool, ErrorCode> {
        if subobject.id() == t::PID_TAG_MESSAGE_RECIPIENTS.id() {
            for rc in &self.m.content.recipients {
                if evaluate(r, &RecipientRow(rc), st)? {
                    return Ok(true);
                }
            }
        } else if subobject.id() == t::PID_TAG_MESSAGE_ATTACHMENTS.id() {
            for a in &self.m.content.attachments {
                if evaluate(r, &AttachmentRow(a), st)? {
                    return Ok(true);
                }
            }
        } else {
            return Err(ErrorCode::TOO_COMPLEX);
        }
        Ok(false)
    }
}

/// A recipient as a row.
pub(super) struct RecipientRow<'a>(pub &'a Recipient);

impl RowSource for RecipientRow<'_> {
    fn value(&self, tag: PropertyTag) -> Option<PropertyValue> {
        Mailbox::recipient_value(self.0, tag, 65001)
    }
}

/// An attachment as a row.
pub(super) struct AttachmentRow<'a>(pub &'a Attachment);

impl RowSource for AttachmentRow<'_> {
    fn value(&self, tag: PropertyTag) -> Option<PropertyValue> {
        Mailbox::attachment_value(self.0, tag, 65001)
    }
}

/// A folder as a row.
pub(super) struct FolderRow<'a> {
    pub mb: &'a Mailbox,
    pub c: u64,
}

impl RowSource for FolderRow<'_> {
    fn value(&self, tag: PropertyTag) -> Option<PropertyValue> {
        self.mb.get_prop(
            super::mailbox::ObjectRef::Folder(Mailbox::fid(self.c)),
            tag,
            65001,
        )
    }
}

/// A plain property bag as a row (tests, receive folders).
impl RowSource for super::props::PropBag {
    fn value(&self, tag: PropertyTag) -> Option<PropertyValue> {
        self.get(tag, 65001)
    }
}

fn relop_holds(op: RelOp, o: Ordering) -> Result<bool, ErrorCode> {
    Ok(match op {
        RelOp::LT => o.is_lt(),
        RelOp::LE => o.is_le(),
        RelOp::GT => o.is_gt(),
        RelOp::GE => o.is_ge(),
        RelOp::EQ => o.is_eq(),
        RelOp::NE => o.is_ne(),
        // MS-OXCDATA 2.12.5.1: RELOP_RE and RELOP_MEMBER_OF_DL are not supported by Exchange
        // for property restrictions outside of rules; answer as Exchange does.
        _ => return Err(ErrorCode::TOO_COMPLEX),
    })
}

/// Values to test: a multi-valued property is tested per value when the restriction's value
/// is single-valued.
fn each_value(v: PropertyValue, single_wanted: bool) -> Vec<PropertyValue> {
    if !single_wanted || !v.prop_type().is_multiple() {
        return vec![v];
    }
    match v {
        PropertyValue::MultipleString(x) => x.into_iter().map(PropertyValue::from).collect(),
        PropertyValue::MultipleInteger32(x) => {
            x.into_iter().map(PropertyValue::Integer32).collect()
        }
        PropertyValue::MultipleInteger64(x) => {
            x.into_iter().map(PropertyValue::Integer64).collect()
        }
        PropertyValue::MultipleInteger16(x) => {
            x.into_iter().map(PropertyValue::Integer16).collect()
        }
        PropertyValue::MultipleBinary(x) => x.into_iter().map(PropertyValue::from).collect(),
        PropertyValue::MultipleTime(x) => x.into_iter().map(PropertyValue::Time).collect(),
        PropertyValue::MultipleGuid(x) => x.into_iter().map(PropertyValue::from).collect(),
        PropertyValue::MultipleString8(x) => x.into_iter().map(PropertyValue::from).collect(),
        other => vec![other],
    }
}

fn any_type(tag: PropertyTag) -> PropertyTag {
    // Look the property up by id; the type check happens in the comparison.
    tag.with_type(PropertyType::UNSPECIFIED)
}

fn content_match(c: &ContentRestriction, row: &dyn RowSource) -> bool {
    let Some(v) = row.value(any_type(c.prop_tag)) else {
        return false;
    };
    let low = FuzzyLevelLow(c.fuzzy_level_low.0 & 0x000F);
    let ignore_case =
        c.fuzzy_level_high.0 & (FuzzyLevelHigh::IGNORECASE.0 | FuzzyLevelHigh::LOOSE.0) != 0;
    let needle_v = &c.value.value;
    let single = !needle_v.prop_type().is_multiple();
    each_value(v, single).into_iter().any(|hay| {
        let text = |p: &PropertyValue| -> Option<String> {
            match p {
                PropertyValue::String(s) => Some(s.to_string()),
                PropertyValue::String8(s) => Some(String::from_utf8_lossy(&s.bytes).into_owned()),
                _ => None,
            }
        };
        if let (Some(h), Some(n)) = (text(&hay), text(needle_v)) {
            let (h, n) = if ignore_case {
                (h.to_lowercase(), n.to_lowercase())
            } else {
                (h, n)
            };
            return match low {
                FuzzyLevelLow::FULLSTRING => h == n,
                FuzzyLevelLow::PREFIX => h.starts_with(&n),
                _ => h.contains(&n),
            };
        }
        if let (Some(h), Some(n)) = (hay.as_bytes(), needle_v.as_bytes()) {
            return match low {
                FuzzyLevelLow::FULLSTRING => h == n,
                FuzzyLevelLow::PREFIX => h.starts_with(n),
                _ => n.is_empty() || h.windows(n.len()).any(|w| w == n),
            };
        }
        false
    })
}

/// Whether `row` satisfies `r`. ecTooComplex for operators Exchange does not evaluate
/// (RELOP_RE, RELOP_MEMBER_OF_DL, a SubObject restriction on another property).
pub fn evaluate(
    r: &Restriction,
    row: &dyn RowSource,
    st: &mut CountState,
) -> Result<bool, ErrorCode> {
    Ok(match r {
        Restriction::And(v) => {
            for x in v {
                if !evaluate(x, row, st)? {
                    return Ok(false);
                }
            }
            true
        }
        Restriction::Or(v) => {
            for x in v {
                if evaluate(x, row, st)? {
                    return Ok(true);
                }
            }
            false
        }
        Restriction::Not(x) => !evaluate(x, row, st)?,
        Restriction::Content(c) => content_match(c, row),
        Restriction::Property(p) => {
            let Some(v) = row.value(any_type(p.prop_tag)) else {
                return Ok(false);
            };
            let single = !p.value.value.prop_type().is_multiple();
            for x in each_value(v, single) {
                if let Some(o) = compare(&x, &p.value.value)
                    && relop_holds(p.relop, o)?
                {
                    return Ok(true);
                }
            }
            relop_holds(p.relop, Ordering::Equal)?;
            false
        }
        Restriction::CompareProperties(c) => {
            let (Some(a), Some(b)) = (
                row.value(any_type(c.prop_tag1)),
                row.value(any_type(c.prop_tag2)),
            ) else {
                return Ok(false);
            };
            match compare(&a, &b) {
                Some(o) => relop_holds(c.relop, o)?,
                None => false,
            }
        }
        Restriction::Bitmask(b) => {
            let Some(v) = row.value(any_type(b.prop_tag)).and_then(|v| v.as_i64()) else {
                return Ok(false);
            };
            let hit = (v as u64 as u32) & b.mask;
            match b.relop {
                BitmapRelOp::EQZ => hit == 0,
                BitmapRelOp::NEZ => hit != 0,
                _ => return Err(ErrorCode::TOO_COMPLEX),
            }
        }
        Restriction::Size(s) => {
            let Some(v) = row.value(any_type(s.prop_tag)) else {
                return Ok(false);
            };
            let size = u32::try_from(value_size(&v)).unwrap_or(u32::MAX);
            relop_holds(s.relop, size.cmp(&s.size))?
        }
        Restriction::Exist(tag) => row.value(any_type(*tag)).is_some(),
        Restriction::SubObject(s) => row.any_sub(s.subobject, &s.restriction, st)?,
        Restriction::Comment(c) => match &c.restriction {
            Some(x) => evaluate(x, row, st)?,
            None => true,
        },
        Restriction::Count(c) => {
            let key = std::ptr::from_ref(c) as usize;
            let used = st.0.get(&key).copied().unwrap_or(0);
            if used >= c.count {
                false
            } else if evaluate(&c.restriction, row, st)? {
                st.0.insert(key, used + 1);
                true
            } else {
                false
            }
        }
    })
}
