//! Renders decoded values as indented text, from the same serde form the JSON output uses.

use serde_json::Value;

/// Indented `key: value` text of a JSON value: objects nest, arrays of scalars stay on one line.
pub fn text(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some("(none)".into()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(format!("{s:?}")),
        Value::Array(a) if a.is_empty() => Some("[]".into()),
        Value::Object(o) if o.is_empty() => Some("{}".into()),
        Value::Array(a) if a.len() <= 16 && a.iter().all(|x| x.is_number() || x.is_string()) => {
            Some(format!(
                "[{}]",
                a.iter().filter_map(scalar).collect::<Vec<_>>().join(", ")
            ))
        }
        _ => None,
    }
}

fn write_value(out: &mut String, value: &Value, depth: usize) {
    let pad = "  ".repeat(depth);
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match scalar(v) {
                    Some(s) => out.push_str(&format!("{pad}{k}: {s}\n")),
                    None => {
                        out.push_str(&format!("{pad}{k}:\n"));
                        write_value(out, v, depth + 1);
                    }
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                match scalar(v) {
                    Some(s) => out.push_str(&format!("{pad}[{i}] {s}\n")),
                    None => {
                        out.push_str(&format!("{pad}[{i}]\n"));
                        write_value(out, v, depth + 1);
                    }
                }
            }
        }
        other => {
            if let Some(s) = scalar(other) {
                out.push_str(&format!("{pad}{s}\n"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_objects_and_keeps_short_arrays_inline() {
        let v = serde_json::json!({"a": 1, "b": {"c": "x", "d": [1, 2]}, "e": [{"f": true}]});
        assert_eq!(
            text(&v),
            "a: 1\nb:\n  c: \"x\"\n  d: [1, 2]\ne:\n  [0]\n    f: true\n"
        );
    }
}
