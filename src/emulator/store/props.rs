//! Property bags and the value semantics the store needs: type coercion on read (PtypString
//! served as PtypString8), comparison for sorts and restrictions, and sizes.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::wire::ErrorCode;
use crate::wire::String8;
use crate::wire::primitives::code_page_encoding;
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue, TaggedPropertyValue};

/// The properties of one object, one value per property id.
///
/// Strings are kept as PtypString whatever type the client wrote them with, because Exchange
/// stores Unicode and converts on the way out (MS-OXCPRPT 3.2.5.1: a PtypString8 request of a
/// string property is answered in the logon's code page).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PropBag {
    values: BTreeMap<u16, PropertyValue>,
}

impl PropBag {
    /// An empty bag.
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores `value` under `tag`'s property id. PtypString8 values are widened to PtypString
    /// with `code_page`.
    pub fn set(&mut self, tag: PropertyTag, value: PropertyValue, code_page: u32) {
        self.values.insert(tag.id(), widen(value, code_page));
    }

    /// Stores a value that is already in its stored form (used by the store itself).
    pub fn put(&mut self, tag: PropertyTag, value: impl Into<PropertyValue>) {
        self.values.insert(tag.id(), value.into());
    }

    /// Removes the property with `tag`'s id; whether it was there.
    pub fn remove(&mut self, tag: PropertyTag) -> bool {
        self.values.remove(&tag.id()).is_some()
    }

    /// The stored value with `tag`'s id, in its stored type.
    pub fn raw(&self, id: u16) -> Option<&PropertyValue> {
        self.values.get(&id)
    }

    /// The stored value of `tag` if its type matches (PtypString and PtypString8 both match a
    /// stored string; PtypUnspecified matches anything).
    pub fn get(&self, tag: PropertyTag, code_page: u32) -> Option<PropertyValue> {
        let v = self.values.get(&tag.id())?;
        coerce(v, tag.value_type(), code_page)
    }

    /// A text property as `&str` (stored strings are always PtypString).
    pub fn str(&self, tag: PropertyTag) -> Option<&str> {
        self.values.get(&tag.id()).and_then(PropertyValue::as_str)
    }

    /// A PtypInteger32 property.
    pub fn i32(&self, tag: PropertyTag) -> Option<i32> {
        self.values.get(&tag.id()).and_then(PropertyValue::as_i32)
    }

    /// Whether the bag has a value with `tag`'s id.
    pub fn contains(&self, tag: PropertyTag) -> bool {
        self.values.contains_key(&tag.id())
    }

    /// Every property as a tag with its stored type.
    pub fn tags(&self) -> impl Iterator<Item = PropertyTag> + '_ {
        self.values
            .iter()
            .map(|(id, v)| PropertyTag::from_parts(*id, v.prop_type()))
    }

    /// Every property with its stored value.
    pub fn iter(&self) -> impl Iterator<Item = (PropertyTag, &PropertyValue)> + '_ {
        self.values
            .iter()
            .map(|(id, v)| (PropertyTag::from_parts(*id, v.prop_type()), v))
    }

    /// Number of properties.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether the bag is empty.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Rough bytes of all values, for PidTagMessageSize.
    pub fn byte_size(&self) -> usize {
        self.values.values().map(|v| value_size(v) + 4).sum()
    }

    /// The bag as tagged values in the string type the client asked for (`unicode` false:
    /// strings as PtypString8 in `code_page`).
    pub fn tagged(&self, unicode: bool, code_page: u32) -> Vec<TaggedPropertyValue> {
        self.values
            .iter()
            .map(|(id, v)| {
                let v = if unicode {
                    v.clone()
                } else {
                    narrow(v, code_page)
                };
                TaggedPropertyValue {
                    tag: PropertyTag::from_parts(*id, v.prop_type()),
                    value: v,
                }
            })
            .collect()
    }
}

/// PtypString8 (and its multi-valued form) to PtypString with `code_page`; other values as they
/// are.
pub fn widen(value: PropertyValue, code_page: u32) -> PropertyValue {
    match value {
        PropertyValue::String8(s) => PropertyValue::string(s.decode_text(code_page).into_owned()),
        PropertyValue::MultipleString8(v) => PropertyValue::MultipleString(Box::new(
            v.iter()
                .map(|s| s.decode_text(code_page).into_owned())
                .collect(),
        )),
        other => other,
    }
}

/// PtypString to PtypString8 in `code_page`; other values cloned as they are.
pub fn narrow(value: &PropertyValue, code_page: u32) -> PropertyValue {
    match value {
        PropertyValue::String(s) => PropertyValue::String8(Box::new(to_string8(s, code_page))),
        PropertyValue::MultipleString(v) => PropertyValue::MultipleString8(Box::new(
            v.iter().map(|s| to_string8(s, code_page)).collect(),
        )),
        other => other.clone(),
    }
}

/// Encodes `text` in `code_page`, replacing what the code page cannot hold with `?` as
/// Exchange's WideCharToMultiByte conversion does; unknown code pages fall back to 1252.
pub fn to_string8(text: &str, code_page: u32) -> String8 {
    let enc = code_page_encoding(code_page).unwrap_or(encoding_rs::WINDOWS_1252);
    let (bytes, _, had_errors) = enc.encode(text);
    if !had_errors && !bytes.contains(&0) {
        return String8::from_bytes(bytes.into_owned());
    }
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for ch in text.chars() {
        let (b, _, err) = enc.encode(ch.encode_utf8(&mut buf));
        if err || b.contains(&0) {
            out.push(b'?');
        } else {
            out.extend_from_slice(&b);
        }
    }
    String8::from_bytes(out)
}

/// The stored value `v` as type `want`, if it can be served that way.
pub fn coerce(v: &PropertyValue, want: PropertyType, code_page: u32) -> Option<PropertyValue> {
    let have = v.prop_type();
    if want == PropertyType::UNSPECIFIED || want == have {
        return Some(v.clone());
    }
    match (have, want) {
        (PropertyType::STRING, PropertyType::STRING8)
        | (PropertyType::MULTIPLE_STRING, PropertyType::MULTIPLE_STRING8) => {
            Some(narrow(v, code_page))
        }
        (PropertyType::STRING8, PropertyType::STRING)
        | (PropertyType::MULTIPLE_STRING8, PropertyType::MULTIPLE_STRING) => {
            Some(widen(v.clone(), code_page))
        }
        _ => None,
    }
}

/// Bytes a value occupies, as MS-OXCDATA 2.12.8 SizeRestriction and PidTagMessageSize count
/// them: the data without count prefixes, strings with their terminator.
pub fn value_size(v: &PropertyValue) -> usize {
    match v {
        PropertyValue::Null => 0,
        PropertyValue::Boolean(_) => 1,
        PropertyValue::Integer16(_) => 2,
        PropertyValue::Integer32(_)
        | PropertyValue::Floating32(_)
        | PropertyValue::ErrorCode(_) => 4,
        PropertyValue::Floating64(_)
        | PropertyValue::Currency(_)
        | PropertyValue::FloatingTime(_)
        | PropertyValue::Integer64(_)
        | PropertyValue::Time(_) => 8,
        PropertyValue::Guid(_) => 16,
        PropertyValue::String(s) => (s.encode_utf16().count() + 1) * 2,
        PropertyValue::String8(s) => s.bytes.len() + 1,
        PropertyValue::Binary(b) | PropertyValue::ServerId(b) => b.len(),
        PropertyValue::Restriction(_) | PropertyValue::RuleAction(_) => 0,
        PropertyValue::MultipleInteger16(v) => v.len() * 2,
        PropertyValue::MultipleInteger32(v) => v.len() * 4,
        PropertyValue::MultipleFloating32(v) => v.len() * 4,
        PropertyValue::MultipleFloating64(v) | PropertyValue::MultipleFloatingTime(v) => {
            v.len() * 8
        }
        PropertyValue::MultipleCurrency(v) | PropertyValue::MultipleInteger64(v) => v.len() * 8,
        PropertyValue::MultipleTime(v) => v.len() * 8,
        PropertyValue::MultipleGuid(v) => v.len() * 16,
        PropertyValue::MultipleString(v) => {
            v.iter().map(|s| (s.encode_utf16().count() + 1) * 2).sum()
        }
        PropertyValue::MultipleString8(v) => v.iter().map(|s| s.bytes.len() + 1).sum(),
        PropertyValue::MultipleBinary(v) => v.iter().map(Vec::len).sum(),
    }
}

/// Case-insensitive comparison of two strings, the way the store sorts and compares text.
///
/// Exchange collates with the sort locale of the logon, ignoring case by default; this store
/// approximates that with a comparison of the Unicode lowercase forms, then (only to make the
/// order total) the original strings.
pub fn cmp_text(a: &str, b: &str) -> Ordering {
    let la = a.chars().flat_map(char::to_lowercase);
    let lb = b.chars().flat_map(char::to_lowercase);
    la.cmp(lb)
}

/// Compares two values for sorting and relational restrictions. Values of different types
/// compare only where both are numbers or both are strings; `None` otherwise.
pub fn compare(a: &PropertyValue, b: &PropertyValue) -> Option<Ordering> {
    use PropertyValue as V;
    Some(match (a, b) {
        (V::String(x), V::String(y)) => cmp_text(x, y),
        (V::String8(x), V::String8(y)) => cmp_text(
            &String::from_utf8_lossy(&x.bytes),
            &String::from_utf8_lossy(&y.bytes),
        ),
        (V::String(x), V::String8(y)) => cmp_text(x, &String::from_utf8_lossy(&y.bytes)),
        (V::String8(x), V::String(y)) => cmp_text(&String::from_utf8_lossy(&x.bytes), y),
        (V::Boolean(x), V::Boolean(y)) => x.cmp(y),
        (V::Time(x), V::Time(y)) => x.cmp(y),
        (V::Guid(x), V::Guid(y)) => x.as_bytes().cmp(y.as_bytes()),
        (V::Binary(x), V::Binary(y)) | (V::ServerId(x), V::ServerId(y)) => {
            // MAPI orders binaries by length first, then bytes (as memcmp on equal lengths).
            x.len().cmp(&y.len()).then_with(|| x.cmp(y))
        }
        (V::Floating32(x), V::Floating32(y)) => x.partial_cmp(y)?,
        (V::Floating64(x), V::Floating64(y)) | (V::FloatingTime(x), V::FloatingTime(y)) => {
            x.partial_cmp(y)?
        }
        (V::ErrorCode(x), V::ErrorCode(y)) => x.0.cmp(&y.0),
        (V::MultipleString(x), V::MultipleString(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                let o = cmp_text(p, q);
                if o != Ordering::Equal {
                    return Some(o);
                }
            }
            x.len().cmp(&y.len())
        }
        (V::MultipleInteger32(x), V::MultipleInteger32(y)) => x.cmp(y),
        (V::MultipleBinary(x), V::MultipleBinary(y)) => x.cmp(y),
        _ => match (a.as_i64(), b.as_i64()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => return None,
        },
    })
}

/// Whether a property id is one of the store-computed, read-only properties that
/// RopSetProperties refuses with ecAccessDenied in the PropertyProblem.
pub fn is_read_only(id: u16) -> bool {
    use crate::wire::property::tags as t;
    [
        t::PID_TAG_FOLDER_ID,
        t::PID_TAG_MID,
        t::PID_TAG_PARENT_FOLDER_ID,
        t::PID_TAG_ENTRY_ID,
        t::PID_TAG_PARENT_ENTRY_ID,
        t::PID_TAG_CONTENT_COUNT,
        t::PID_TAG_CONTENT_UNREAD_COUNT,
        t::PID_TAG_ASSOCIATED_CONTENT_COUNT,
        t::PID_TAG_SUBFOLDERS,
        t::PID_TAG_MESSAGE_SIZE,
        t::PID_TAG_INSTANCE_KEY,
        t::PID_TAG_RECORD_KEY,
        t::PID_TAG_STORE_RECORD_KEY,
        t::PID_TAG_STORE_ENTRY_ID,
        t::PID_TAG_OBJECT_TYPE,
        t::PID_TAG_ACCESS,
        t::PID_TAG_ACCESS_LEVEL,
        t::PID_TAG_HAS_ATTACHMENTS,
        t::PID_TAG_CHANGE_NUMBER,
        t::PID_TAG_INST_ID,
        t::PID_TAG_INSTANCE_NUM,
        t::PID_TAG_ROW_TYPE,
        t::PID_TAG_DEPTH,
        t::PID_TAG_SOURCE_KEY,
        t::PID_TAG_PARENT_SOURCE_KEY,
        t::PID_TAG_ASSOCIATED,
        t::PID_TAG_MESSAGE_STATUS,
    ]
    .iter()
    .any(|t| t.id() == id)
}

/// ecNotFound as a flagged column value.
pub const NOT_FOUND: ErrorCode = ErrorCode::NOT_FOUND;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::property::tags as t;

    #[test]
    fn string_is_served_as_string8_in_the_code_page() {
        let mut bag = PropBag::new();
        bag.set(t::PID_TAG_SUBJECT, PropertyValue::string("Grüße"), 1252);
        let s8 = bag
            .get(t::PID_TAG_SUBJECT.with_type(PropertyType::STRING8), 1252)
            .unwrap();
        assert_eq!(s8.as_string8().unwrap().bytes, b"Gr\xfc\xdfe".to_vec());
        // A character 1252 cannot hold becomes '?'.
        bag.set(
            t::PID_TAG_SUBJECT,
            PropertyValue::string("a\u{4e2d}b"),
            1252,
        );
        let s8 = bag
            .get(t::PID_TAG_SUBJECT.with_type(PropertyType::STRING8), 1252)
            .unwrap();
        assert_eq!(s8.as_string8().unwrap().bytes, b"a?b".to_vec());
    }

    #[test]
    fn string8_written_is_stored_as_unicode() {
        let mut bag = PropBag::new();
        bag.set(
            t::PID_TAG_SUBJECT.with_type(PropertyType::STRING8),
            PropertyValue::String8(Box::new(String8::from_bytes(b"caf\xe9".to_vec()))),
            1252,
        );
        assert_eq!(bag.str(t::PID_TAG_SUBJECT), Some("café"));
    }

    #[test]
    fn type_mismatch_is_not_found() {
        let mut bag = PropBag::new();
        bag.put(t::PID_TAG_IMPORTANCE, 1i32);
        assert!(
            bag.get(t::PID_TAG_IMPORTANCE.with_type(PropertyType::BOOLEAN), 1252)
                .is_none()
        );
        assert!(
            bag.get(
                t::PID_TAG_IMPORTANCE.with_type(PropertyType::UNSPECIFIED),
                1252
            )
            .is_some()
        );
    }

    #[test]
    fn text_compares_without_case() {
        assert_eq!(cmp_text("apple", "APPLE"), Ordering::Equal);
        assert_eq!(cmp_text("apple", "Banana"), Ordering::Less);
        assert_eq!(
            compare(&PropertyValue::Integer32(5), &PropertyValue::Integer64(7)),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare(&PropertyValue::Integer32(5), &PropertyValue::string("x")),
            None
        );
    }
}
