//! Restrictions (MS-OXCDATA 2.12) over address book objects, as GetMatches applies them
//! (MS-OXNSPI 3.1.4.1.10). PidTagAnr in a property or content restriction runs ANR
//! (MS-OXNSPI 3.1.4.7) instead of comparing a stored value. Restrictions the emulator does not
//! evaluate (sub-object, compare-properties, size, count, RELOP_RE, RELOP_MEMBER_OF_DL)
//! answer MAPI_E_TOO_COMPLEX, as the spec lets a server do.

use std::cmp::Ordering;

use crate::wire::ErrorCode;
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue, tags};
use crate::wire::restriction::{BitmapRelOp, FuzzyLevelHigh, FuzzyLevelLow, RelOp, Restriction};

use super::{Directory, Form};

/// How deep restrictions may nest before the emulator calls them too complex.
const MAX_DEPTH: usize = 32;

impl Directory {
    /// Whether the object `mid` satisfies `r`.
    pub(super) fn matches(&self, mid: u32, r: &Restriction) -> Result<bool, ErrorCode> {
        self.matches_at(mid, r, 0)
    }

    fn matches_at(&self, mid: u32, r: &Restriction, depth: usize) -> Result<bool, ErrorCode> {
        if depth > MAX_DEPTH {
            return Err(ErrorCode::TOO_COMPLEX);
        }
        let form = Form {
            code_page: 1252,
            ephemeral: false,
        };
        match r {
            Restriction::And(rs) => {
                for r in rs {
                    if !self.matches_at(mid, r, depth + 1)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Restriction::Or(rs) => {
                for r in rs {
                    if self.matches_at(mid, r, depth + 1)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Restriction::Not(r) => Ok(!self.matches_at(mid, r, depth + 1)?),
            Restriction::Comment(c) => match &c.restriction {
                Some(r) => self.matches_at(mid, r, depth + 1),
                None => Ok(true),
            },
            Restriction::Exist(tag) => {
                let native = super::native_type(tag.id()).unwrap_or(tag.prop_type());
                Ok(self.value(mid, tag.with_type(native), form).is_some())
            }
            Restriction::Bitmask(b) => {
                let Some(PropertyValue::Integer32(v)) =
                    self.value(mid, b.prop_tag.with_type(PropertyType::INTEGER32), form)
                else {
                    return Ok(false);
                };
                let set = (v as u32) & b.mask != 0;
                Ok(if b.relop == BitmapRelOp::NEZ {
                    set
                } else {
                    !set
                })
            }
            Restriction::Property(p) => {
                let wanted = &p.value.value;
                if p.prop_tag.id() == tags::PID_TAG_ANR.id() {
                    let Some(name) = text_of(wanted) else {
                        return Ok(false);
                    };
                    return Ok(p.relop == RelOp::EQ && self.anr_matches(&name).contains(&mid));
                }
                if p.relop == RelOp::RE || p.relop == RelOp::MEMBER_OF_DL {
                    return Err(ErrorCode::TOO_COMPLEX);
                }
                let ty = value_type(wanted).unwrap_or(p.prop_tag.prop_type());
                let Some(have) = self.value(mid, lookup_tag(p.prop_tag, ty), form) else {
                    return Ok(false);
                };
                Ok(items(&have)
                    .iter()
                    .any(|h| compare(h, wanted).is_some_and(|o| relop_holds(p.relop, o))))
            }
            Restriction::Content(c) => {
                let wanted = &c.value.value;
                if c.prop_tag.id() == tags::PID_TAG_ANR.id() {
                    let Some(name) = text_of(wanted) else {
                        return Ok(false);
                    };
                    return Ok(self.anr_matches(&name).contains(&mid));
                }
                let ty = value_type(wanted).unwrap_or(c.prop_tag.prop_type());
                let Some(have) = self.value(mid, lookup_tag(c.prop_tag, ty), form) else {
                    return Ok(false);
                };
                let fold = c.fuzzy_level_high.0
                    & (FuzzyLevelHigh::IGNORECASE.0 | FuzzyLevelHigh::LOOSE.0)
                    != 0;
                Ok(items(&have)
                    .iter()
                    .any(|h| content_holds(h, wanted, c.fuzzy_level_low, fold)))
            }
            Restriction::CompareProperties(_)
            | Restriction::Size(_)
            | Restriction::SubObject(_)
            | Restriction::Count(_) => Err(ErrorCode::TOO_COMPLEX),
        }
    }
}

/// The tag to read an object's value by: the restriction's property in the type of the value
/// compared with (multi-valued when the property is).
fn lookup_tag(tag: PropertyTag, value_type: PropertyType) -> PropertyTag {
    let native = super::native_type(tag.id());
    match native {
        Some(n) if n.is_multiple() && !value_type.is_multiple() => {
            tag.with_type(PropertyType(value_type.0 | 0x1000))
        }
        _ => tag.with_type(value_type),
    }
}

fn value_type(v: &PropertyValue) -> Option<PropertyType> {
    Some(v.prop_type())
}

/// The single values of a value (the elements of a multi-valued one).
fn items(v: &PropertyValue) -> Vec<PropertyValue> {
    match v {
        PropertyValue::MultipleString(s) => s
            .iter()
            .map(|x| PropertyValue::String(Box::new(x.as_str().into())))
            .collect(),
        PropertyValue::MultipleString8(s) => s
            .iter()
            .map(|x| PropertyValue::String8(Box::new(x.clone())))
            .collect(),
        PropertyValue::MultipleBinary(b) => b
            .iter()
            .map(|x| PropertyValue::Binary(Box::new(x.clone().into_boxed_slice())))
            .collect(),
        other => vec![other.clone()],
    }
}

/// A string value's text (PtypString8 read as Windows-1252, the directory's strings being
/// ASCII in practice).
fn text_of(v: &PropertyValue) -> Option<String> {
    match v {
        PropertyValue::String(s) => Some(s.to_string()),
        PropertyValue::String8(s) => Some(s.decode_text(1252).into_owned()),
        _ => None,
    }
}

/// Orders an object's value against the restriction's: strings case-insensitively (the
/// directory compares them so), integers and binaries by value.
fn compare(have: &PropertyValue, wanted: &PropertyValue) -> Option<Ordering> {
    if let (Some(a), Some(b)) = (text_of(have), text_of(wanted)) {
        return Some(a.to_lowercase().cmp(&b.to_lowercase()));
    }
    match (have, wanted) {
        (PropertyValue::Integer32(a), PropertyValue::Integer32(b)) => Some(a.cmp(b)),
        (PropertyValue::Binary(a), PropertyValue::Binary(b)) => Some(a.cmp(b)),
        (PropertyValue::Boolean(a), PropertyValue::Boolean(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

fn relop_holds(relop: RelOp, o: Ordering) -> bool {
    match relop {
        RelOp::LT => o == Ordering::Less,
        RelOp::LE => o != Ordering::Greater,
        RelOp::GT => o == Ordering::Greater,
        RelOp::GE => o != Ordering::Less,
        RelOp::EQ => o == Ordering::Equal,
        RelOp::NE => o != Ordering::Equal,
        _ => false,
    }
}

/// MS-OXCDATA 2.12.4: full-string, substring or prefix match of a string or binary value.
fn content_holds(
    have: &PropertyValue,
    wanted: &PropertyValue,
    low: FuzzyLevelLow,
    fold: bool,
) -> bool {
    let (h, w): (Vec<u8>, Vec<u8>) = match (text_of(have), text_of(wanted)) {
        (Some(h), Some(w)) if fold => {
            (h.to_lowercase().into_bytes(), w.to_lowercase().into_bytes())
        }
        (Some(h), Some(w)) => (h.into_bytes(), w.into_bytes()),
        _ => match (have, wanted) {
            (PropertyValue::Binary(h), PropertyValue::Binary(w)) => (h.to_vec(), w.to_vec()),
            _ => return false,
        },
    };
    match low.0 & 0x3 {
        0 => h == w,
        1 => w.is_empty() || h.windows(w.len()).any(|x| x == w.as_slice()),
        _ => h.starts_with(&w),
    }
}
