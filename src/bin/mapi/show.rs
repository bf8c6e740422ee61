//! Text and JSON forms of property values, and terminal tables.

use comfy_table::{ContentArrangement, Table, presets};
use mapi_http::wire::FileTime;
use mapi_http::wire::property::{PropertyTag, PropertyValue, TaggedPropertyValue, tags};
use serde_json::{Value, json};

/// Upper-case hex of `bytes`, no separators.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Bytes from hex text (whitespace and a `0x` prefix ignored).
pub fn parse_hex(text: &str) -> Option<Vec<u8>> {
    let t = text.trim();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    let digits: Vec<u8> = t.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if digits.is_empty() || !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .chunks_exact(2)
        .map(|p| {
            std::str::from_utf8(p)
                .ok()
                .and_then(|s| u8::from_str_radix(s, 16).ok())
        })
        .collect()
}

/// A FILETIME as `YYYY-MM-DD HH:MM:SS` UTC (ISO 8601 with a space), or the raw number when it
/// falls before 1970.
pub fn filetime(t: FileTime) -> String {
    let Some((secs, _)) = t.to_unix() else {
        return format!("FILETIME {}", t.0);
    };
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = mapi_http::wire::primitives::civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// The longest binary value shown whole in text; longer ones are cut with their length.
const SHORT_BINARY: usize = 32;

/// A value as one line of text; long binaries are shortened when `short`.
pub fn value_text(v: &PropertyValue, short: bool) -> String {
    match v {
        PropertyValue::Null => "(null)".into(),
        PropertyValue::Integer16(n) => n.to_string(),
        PropertyValue::Integer32(n) => n.to_string(),
        PropertyValue::Integer64(n) => n.to_string(),
        PropertyValue::Floating32(n) => n.to_string(),
        PropertyValue::Floating64(n) | PropertyValue::FloatingTime(n) => n.to_string(),
        PropertyValue::Currency(n) => format!("{}.{:04}", n / 10_000, (n % 10_000).abs()),
        PropertyValue::Boolean(b) => b.to_string(),
        PropertyValue::ErrorCode(e) => format!("error {e}"),
        PropertyValue::String(s) => s.to_string(),
        PropertyValue::String8(s) => s.decode_text(1252).into_owned(),
        PropertyValue::Time(t) => filetime(*t),
        PropertyValue::Guid(g) => g.to_string(),
        PropertyValue::Binary(b) | PropertyValue::ServerId(b) => {
            if short && b.len() > SHORT_BINARY {
                format!("{}… ({} bytes)", hex(&b[..SHORT_BINARY]), b.len())
            } else {
                hex(b)
            }
        }
        PropertyValue::MultipleString(v) => v.join("; "),
        PropertyValue::MultipleInteger32(v) => join(v.iter()),
        PropertyValue::MultipleInteger16(v) => join(v.iter()),
        PropertyValue::MultipleInteger64(v) => join(v.iter()),
        PropertyValue::MultipleTime(v) => v
            .iter()
            .map(|t| filetime(*t))
            .collect::<Vec<_>>()
            .join("; "),
        PropertyValue::MultipleBinary(v) => v.iter().map(|b| hex(b)).collect::<Vec<_>>().join("; "),
        other => serde_json::to_string(other).unwrap_or_else(|_| "?".into()),
    }
}

fn join<T: ToString>(it: impl Iterator<Item = T>) -> String {
    it.map(|x| x.to_string()).collect::<Vec<_>>().join("; ")
}

/// A value as JSON: numbers, strings and booleans as themselves, times as ISO 8601 text,
/// binaries as hex, anything else in the library's serde form.
pub fn value_json(v: &PropertyValue) -> Value {
    match v {
        PropertyValue::Integer16(n) => json!(n),
        PropertyValue::Integer32(n) => json!(n),
        PropertyValue::Integer64(n) => json!(n),
        PropertyValue::Boolean(b) => json!(b),
        PropertyValue::String(_) | PropertyValue::String8(_) => json!(value_text(v, false)),
        PropertyValue::Time(t) => json!(format!("{}Z", filetime(*t).replace(' ', "T"))),
        PropertyValue::Binary(b) | PropertyValue::ServerId(b) => json!(hex(b)),
        PropertyValue::ErrorCode(e) => json!({ "error": e.to_string() }),
        other => serde_json::to_value(other).unwrap_or(Value::Null),
    }
}

/// The property's name (PidTag...), or its tag in hex.
pub fn tag_name(tag: PropertyTag) -> String {
    tags::describe(tag)
}

/// One property as a JSON object: tag, name, type, value.
pub fn prop_json(p: &TaggedPropertyValue) -> Value {
    json!({
        "tag": format!("0x{:08X}", p.tag.0),
        "name": tags::name_of(p.tag),
        "type": p.tag.prop_type().name(),
        "value": value_json(&p.value),
    })
}

/// A table for the terminal: a header row and rows of cells.
pub fn table<S: AsRef<str>>(header: &[&str], rows: &[Vec<S>]) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    for r in rows {
        t.add_row(r.iter().map(|c| c.as_ref()));
    }
    t.to_string()
}

/// `label: value` lines, labels padded to one width.
pub fn fields(items: &[(&str, String)]) -> String {
    let width = items.iter().map(|(k, _)| k.len()).max().unwrap_or(0) + 1;
    items
        .iter()
        .map(|(k, v)| format!("{:width$} {v}\n", format!("{k}:")))
        .collect()
}

/// A section heading.
pub fn heading(title: &str) -> String {
    format!("\n== {title} ==\n")
}

/// Prints `value` as pretty JSON.
pub fn print_json(value: &Value) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("mapi: cannot print JSON: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filetimes_print_as_utc_dates() {
        assert_eq!(filetime(FileTime::from_unix(0, 0)), "1970-01-01 00:00:00");
        assert_eq!(
            filetime(FileTime::from_unix(1_709_251_199, 0)),
            "2024-02-29 23:59:59"
        );
        assert_eq!(filetime(FileTime(5)), "FILETIME 5");
    }

    #[test]
    fn hex_round_trips_and_refuses_odd_input() {
        assert_eq!(parse_hex("0x00ab FF"), Some(vec![0, 0xAB, 0xFF]));
        assert_eq!(hex(&[0, 0xAB]), "00AB");
        assert_eq!(parse_hex("abc"), None);
        assert_eq!(parse_hex("zz"), None);
        assert_eq!(parse_hex(""), None);
    }
}
