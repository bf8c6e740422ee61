//! Taking a recorded conversation apart: every exchange decoded into a JSON value (request
//! type, ROPs in and out, NSPI calls, response codes and errors), with the context a single
//! body lacks carried across the conversation: which logons are public (RopLogon request
//! layouts) and which columns each table has (RopQueryRows response layouts).

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::har::{Entry, Har};
use crate::session::{HttpResponse, ResponseBody};
use crate::wire::auxbuf::AuxiliaryBuffer;
use crate::wire::mapihttp::{
    ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse, ExecuteRequest,
    ExecuteResponse, NotificationWaitRequest, NotificationWaitResponse, RequestId, RequestType,
};
use crate::wire::nspi::{NspiRequest, NspiResponse};
use crate::wire::property::PropertyTag;
use crate::wire::rop::any::{
    ColumnState, LogonKinds, RopRequest, decode_output_buffers, decode_requests_in, join_packed,
};
use crate::wire::rpc_ext::decode_chain;
use crate::wire::{RopBuffer, Wire};

fn to_json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or_else(|e| json!({ "unprintable": e.to_string() }))
}

fn hex(bytes: &[u8]) -> String {
    crate::wire::serde_bytes::to_hex(bytes)
}

/// The ROP requests of an Execute and its request handle table.
pub type ExecuteRops = (Vec<RopRequest>, Vec<u32>);

/// What one session context has established so far, for decoding its later bodies.
#[derive(Debug, Default, Clone)]
pub struct Context {
    logons: LogonKinds,
    /// Columns set on each table, by server object handle.
    columns: HashMap<u32, Vec<PropertyTag>>,
}

/// Decodes the exchanges of a conversation one after another, keeping per-session-context
/// state (by X-RequestId GUID).
#[derive(Debug, Default)]
pub struct Dissector {
    contexts: HashMap<String, Context>,
}

/// The ROP requests of an Execute RopBuffer with its handle table: the first extended
/// buffer's ROP input buffer (further buffers are packed upload data).
pub fn rop_requests(
    rop_buffer: &[u8],
    logons: &mut LogonKinds,
) -> Result<ExecuteRops, crate::wire::DecodeError> {
    let buffers = decode_chain(rop_buffer)?;
    let Some(first) = buffers.first() else {
        return Ok((Vec::new(), Vec::new()));
    };
    let buffer = RopBuffer::from_bytes(&first.payload)?;
    let requests = decode_requests_in(&buffer.rops, logons).map_err(|e| e.offset_by(2))?;
    Ok((requests, buffer.handles))
}

/// An auxiliary buffer: an RPC_HEADER_EXT chain whose payloads are AUX blocks.
pub fn auxiliary(bytes: &[u8]) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    match decode_chain(bytes) {
        Ok(chain) => Value::Array(
            chain
                .iter()
                .map(|b| match AuxiliaryBuffer::from_bytes(&b.payload) {
                    Ok(aux) => {
                        json!({ "header": to_json(&b.header), "blocks": to_json(&aux.blocks) })
                    }
                    Err(e) => json!({
                        "header": to_json(&b.header),
                        "undecodable": e.to_string(),
                        "payload_hex": hex(&b.payload),
                    }),
                })
                .collect(),
        ),
        Err(e) => json!({ "undecodable": e.to_string() }),
    }
}

/// A request body decoded for `request_type`, without conversation context (logons in the
/// body itself decide public layouts; others are taken as private).
pub fn request_json(request_type: &RequestType, body: &[u8]) -> Value {
    Context::default()
        .request(&layout_type(request_type), body)
        .0
}

impl Context {
    /// Decodes a request body; also returns the ROP requests and handle table of an Execute.
    fn request(&mut self, request_type: &RequestType, body: &[u8]) -> (Value, Option<ExecuteRops>) {
        let undecodable = |e: crate::wire::DecodeError| json!({ "undecodable": e.to_string() });
        match request_type {
            RequestType::Connect => match ConnectRequest::from_bytes(body) {
                Ok(r) => (
                    json!({ "connect": to_json(&r), "auxiliary_buffer": auxiliary(&r.auxiliary_buffer) }),
                    None,
                ),
                Err(e) => (undecodable(e), None),
            },
            RequestType::Execute => match ExecuteRequest::from_bytes(body) {
                Ok(r) => match rop_requests(&r.rop_buffer, &mut self.logons) {
                    Ok((rops, handles)) => (
                        json!({
                            "flags": r.flags.0,
                            "max_rop_out": r.max_rop_out,
                            "rops": to_json(&rops),
                            "handles": handles,
                            "auxiliary_buffer": auxiliary(&r.auxiliary_buffer),
                        }),
                        Some((rops, handles)),
                    ),
                    Err(e) => (
                        json!({ "execute": to_json(&r), "rops": { "undecodable": e.to_string() } }),
                        None,
                    ),
                },
                Err(e) => (undecodable(e), None),
            },
            RequestType::Disconnect => (
                DisconnectRequest::from_bytes(body)
                    .map(|r| json!({ "disconnect": to_json(&r) }))
                    .unwrap_or_else(undecodable),
                None,
            ),
            RequestType::NotificationWait => (
                NotificationWaitRequest::from_bytes(body)
                    .map(|r| json!({ "notification_wait": to_json(&r) }))
                    .unwrap_or_else(undecodable),
                None,
            ),
            RequestType::Ping => (json!({ "ping": { "body_length": body.len() } }), None),
            t if t.is_address_book() => (
                NspiRequest::decode(t, body)
                    .map(|r| json!({ "nspi": to_json(&r) }))
                    .unwrap_or_else(undecodable),
                None,
            ),
            RequestType::Other(name) if name == crate::autodiscover::REQUEST_TYPE => (
                json!({ "autodiscover": { "xml": String::from_utf8_lossy(body) } }),
                None,
            ),
            RequestType::Other(name) => (
                json!({ "unknown_request_type": name, "body_hex": hex(body) }),
                None,
            ),
            // Every listed type is mailbox or address book.
            _ => (json!({ "body_hex": hex(body) }), None),
        }
    }

    /// Decodes a response body (meta-tags removed) answering `request_type`.
    fn response(
        &mut self,
        request_type: &RequestType,
        body: &[u8],
        execute: Option<&ExecuteRops>,
    ) -> Value {
        let undecodable = |e: crate::wire::DecodeError| json!({ "undecodable": e.to_string() });
        match request_type {
            RequestType::Connect => ConnectResponse::from_bytes(body)
                .map(|r| {
                    let aux = match &r {
                        ConnectResponse::Success {
                            auxiliary_buffer, ..
                        } => auxiliary(auxiliary_buffer),
                        ConnectResponse::Failure(f) => auxiliary(&f.auxiliary_buffer),
                    };
                    json!({ "connect": to_json(&r), "auxiliary_buffer": aux })
                })
                .unwrap_or_else(undecodable),
            RequestType::Execute => match ExecuteResponse::from_bytes(body) {
                Ok(ExecuteResponse::Success {
                    error_code,
                    flags,
                    rop_buffer,
                    auxiliary_buffer,
                    ..
                }) => json!({
                    "error_code": to_json(&error_code),
                    "flags": flags,
                    "rops": self.rop_responses(&rop_buffer, execute),
                    "auxiliary_buffer": auxiliary(&auxiliary_buffer),
                }),
                Ok(r @ ExecuteResponse::Failure(_)) => json!({ "execute": to_json(&r) }),
                Err(e) => undecodable(e),
            },
            RequestType::Disconnect => DisconnectResponse::from_bytes(body)
                .map(|r| json!({ "disconnect": to_json(&r) }))
                .unwrap_or_else(undecodable),
            RequestType::NotificationWait => NotificationWaitResponse::from_bytes(body)
                .map(|r| json!({ "notification_wait": to_json(&r) }))
                .unwrap_or_else(undecodable),
            RequestType::Ping => json!({ "ping": { "body_length": body.len() } }),
            t if t.is_address_book() => NspiResponse::decode(t, body)
                .map(|r| json!({ "nspi": to_json(&r) }))
                .unwrap_or_else(undecodable),
            _ => json!({ "body_hex": hex(body) }),
        }
    }

    fn rop_responses(&mut self, rop_buffer: &[u8], execute: Option<&ExecuteRops>) -> Value {
        let Some((requests, request_handles)) = execute else {
            return json!({ "undecoded": "the request's ROPs did not decode" });
        };
        let buffers = match decode_chain(rop_buffer) {
            Ok(b) => b,
            Err(e) => return json!({ "undecodable": e.to_string() }),
        };
        let mut known = ColumnState::default();
        for (index, handle) in request_handles.iter().enumerate() {
            if let (Ok(i), Some(cols)) = (u8::try_from(index), self.columns.get(handle)) {
                known.by_index.insert(i, cols.clone());
            }
        }
        known.by_handle = self.columns.clone();
        let payloads: Vec<&[u8]> = buffers.iter().map(|b| &b.payload[..]).collect();
        match decode_output_buffers(requests, &known, &payloads) {
            Ok(decoded) => {
                let handles: Vec<Vec<u32>> = decoded.iter().map(|d| d.handles.clone()).collect();
                // Remember the columns each table now has, by its server handle.
                if let Some(final_handles) = handles.first() {
                    for r in requests {
                        if let RopRequest::SetColumns(set) = r {
                            let i = usize::from(set.input_handle_index);
                            let handle = final_handles
                                .get(i)
                                .copied()
                                .filter(|h| *h != u32::MAX)
                                .or_else(|| request_handles.get(i).copied());
                            if let Some(h) = handle {
                                self.columns.insert(h, set.property_tags.clone());
                            }
                        }
                    }
                }
                let joined = join_packed(decoded);
                json!({
                    "responses": to_json(&joined.responses),
                    "undecoded": to_json(&joined.undecoded),
                    "handles": handles,
                })
            }
            Err(e) => json!({ "undecodable": e.to_string() }),
        }
    }
}

/// The request type an entry was sent with (its `X-RequestType` header).
pub fn entry_request_type(entry: &Entry) -> RequestType {
    match entry.request.header("x-requesttype") {
        Some(t) => RequestType::parse(t),
        // POX Autodiscover sends no X-RequestType; its URL says what it is.
        None if is_autodiscover_url(&entry.request.url) => {
            RequestType::Other(crate::autodiscover::REQUEST_TYPE.into())
        }
        None => RequestType::Other(String::new()),
    }
}

/// Whether `url`'s path is the POX Autodiscover endpoint (`/autodiscover/autodiscover.xml`,
/// MS-OXDSCLI 3.1.5), whatever its host and case.
fn is_autodiscover_url(url: &str) -> bool {
    url.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
        .ends_with("/autodiscover/autodiscover.xml")
}

/// The request type whose body layout a request uses: `QueryColumn`, the spelling some
/// servers (Gromox) accept for `QueryColumns`, carries the QueryColumns body.
fn layout_type(t: &RequestType) -> RequestType {
    match t {
        RequestType::Other(s) if s.trim().eq_ignore_ascii_case("QueryColumn") => {
            RequestType::QueryColumns
        }
        other => other.clone(),
    }
}

/// The X-ResponseCode that counts for a response: the meta block's, else the header's.
fn response_code(response: &HttpResponse) -> Option<String> {
    let header = response.header("x-responsecode");
    match &response.body {
        ResponseBody::Framed(f) => f.meta_value("X-ResponseCode").or(header).map(str::to_owned),
        ResponseBody::Plain(_) => header.map(str::to_owned),
    }
}

impl Dissector {
    /// A dissector at the start of a conversation.
    pub fn new() -> Self {
        Dissector::default()
    }

    /// Decodes entry number `step` (1-based) of a conversation.
    pub fn entry(&mut self, step: usize, entry: &Entry) -> Value {
        let sent_type = entry_request_type(entry);
        let request_type = layout_type(&sent_type);
        let context_key = entry
            .request
            .header("x-requestid")
            .and_then(|v| RequestId::parse(v).ok())
            .map(|id| id.guid.to_string())
            .unwrap_or_default();
        let context = self.contexts.entry(context_key).or_default();
        let (request, execute) = match entry.request.body() {
            Ok(body) => context.request(&request_type, &body),
            Err(e) => (json!({ "undecodable": e.to_string() }), None),
        };
        let mut out = json!({
            "step": step,
            "request_type": sent_type.as_str(),
            "url": entry.request.url,
            "request": request,
        });
        if let Some(c) = &entry.comment {
            out["comment"] = json!(c);
        }
        out["response"] = match entry.response.extra.get(super::record::ERROR) {
            Some(error) => json!({ "transport_error": error }),
            None if entry.response.status == 0 => json!({ "transport_error": "no response" }),
            None => match entry.response.body() {
                Err(e) => json!({ "status": entry.response.status, "undecodable": e.to_string() }),
                Ok(raw) => {
                    let headers = entry
                        .response
                        .headers
                        .iter()
                        .map(|h| (h.name.clone(), h.value.clone()))
                        .collect();
                    let response = HttpResponse::from_raw(entry.response.status, headers, &raw);
                    let code = response_code(&response);
                    let mut v = json!({
                        "status": response.status,
                        "x_response_code": code,
                    });
                    match &response.body {
                        ResponseBody::Framed(f) => {
                            v["framing"] = json!({
                                "processing_count": f.processing_count,
                                "pending_count": f.pending_count,
                                "meta": f.meta.iter().map(|(k, v)| json!({ "name": k, "value": v })).collect::<Vec<_>>(),
                                "body_length": f.body.len(),
                            });
                            if code.as_deref().is_none_or(|c| c.trim() == "0") {
                                v["body"] =
                                    context.response(&request_type, &f.body, execute.as_ref());
                            } else {
                                v["body_hex"] = json!(hex(&f.body));
                            }
                        }
                        ResponseBody::Plain(b) => {
                            v["plain_body"] = json!(String::from_utf8_lossy(b));
                            if matches!(&request_type, RequestType::Other(n) if n == crate::autodiscover::REQUEST_TYPE)
                                && !b.is_empty()
                            {
                                v["autodiscover"] = autodiscover_json(b);
                            }
                        }
                    }
                    v
                }
            },
        };
        let mut summary = summary(&sent_type, execute.as_ref(), &out["response"]);
        if entry.extra.contains_key(super::record::AUTH_LEG) {
            summary.push_str(" (authentication leg)");
        }
        let mut ordered = serde_json::Map::new();
        ordered.insert("summary".into(), json!(summary));
        if let Value::Object(rest) = out {
            ordered.extend(rest);
        }
        Value::Object(ordered)
    }

    /// Decodes every entry of `har`.
    pub fn all(har: &Har) -> Vec<Value> {
        let mut d = Dissector::new();
        har.log
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| d.entry(i + 1, e))
            .collect()
    }
}

/// A POX Autodiscover response as its answer says (MS-OXDSCLI 2.2.4): the settings, a
/// redirect, or why it is not one.
fn autodiscover_json(body: &[u8]) -> Value {
    use crate::autodiscover::{Answer, EndpointUrls, parse_response};
    let urls = |u: &EndpointUrls| json!({ "internal": u.internal, "external": u.external });
    match parse_response(body) {
        Ok(Answer::Settings(s)) => json!({ "settings": {
            "display_name": s.display_name,
            "legacy_dn": s.legacy_dn,
            "smtp_address": s.smtp_address,
            "deployment_id": s.deployment_id,
            "mapi_http_version": s.mapi_http_version,
            "mailbox": urls(&s.mailbox),
            "address_book": urls(&s.address_book),
        } }),
        Ok(Answer::RedirectAddr(a)) => json!({ "redirect_addr": a }),
        Ok(Answer::RedirectUrl(u)) => json!({ "redirect_url": u }),
        Err(e) => json!({ "not_settings": e.to_string() }),
    }
}

/// One line per exchange: `Execute [RopLogon, RopGetPropertiesSpecific] -> 200 X-ResponseCode 0`.
fn summary(request_type: &RequestType, execute: Option<&ExecuteRops>, response: &Value) -> String {
    let mut line = request_type.as_str().to_owned();
    if let Some((rops, _)) = execute {
        let names: Vec<String> = rops.iter().map(|r| r.id().to_string()).collect();
        line.push_str(&format!(" [{}]", names.join(", ")));
    }
    match response.get("transport_error") {
        Some(e) => line.push_str(&format!(
            " -> no response ({})",
            e["kind"].as_str().unwrap_or("error")
        )),
        None => {
            line.push_str(&format!(" -> {}", response["status"]));
            if let Some(code) = response["x_response_code"].as_str() {
                line.push_str(&format!(" X-ResponseCode {code}"));
            }
        }
    }
    line
}

/// Every place in a dissection where something did not decode: the JSON path of each
/// `undecodable` member and each non-null `undecoded` member.
pub fn undecoded_parts(value: &Value) -> Vec<String> {
    fn walk(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let here = format!("{path}.{k}");
                    if (k == "undecodable" || k == "undecoded") && !child.is_null() {
                        out.push(here);
                    } else {
                        walk(child, &here, out);
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

/// The first place two decoded values differ: its path, and both sides rendered briefly.
pub fn first_difference(recorded: &Value, live: &Value) -> Option<(String, String, String)> {
    fn brief(v: Option<&Value>) -> String {
        match v {
            None => "(nothing)".into(),
            Some(v) => {
                let s = v.to_string();
                if s.len() > 160 {
                    let cut = (0..=157)
                        .rev()
                        .find(|i| s.is_char_boundary(*i))
                        .unwrap_or(0);
                    format!("{}...", &s[..cut])
                } else {
                    s
                }
            }
        }
    }
    fn walk(
        a: Option<&Value>,
        b: Option<&Value>,
        path: String,
    ) -> Option<(String, String, String)> {
        match (a, b) {
            (Some(Value::Object(x)), Some(Value::Object(y))) => {
                for (k, va) in x {
                    if let Some(d) = walk(Some(va), y.get(k), format!("{path}.{k}")) {
                        return Some(d);
                    }
                }
                y.iter()
                    .find(|(k, _)| !x.contains_key(*k))
                    .map(|(k, vb)| (format!("{path}.{k}"), brief(None), brief(Some(vb))))
            }
            (Some(Value::Array(x)), Some(Value::Array(y))) => {
                for i in 0..x.len().max(y.len()) {
                    if let Some(d) = walk(x.get(i), y.get(i), format!("{path}[{i}]")) {
                        return Some(d);
                    }
                }
                None
            }
            (a, b) if a == b => None,
            (a, b) => Some((path, brief(a), brief(b))),
        }
    }
    walk(Some(recorded), Some(live), String::new())
        .map(|(p, a, b)| (p.trim_start_matches('.').to_owned(), a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_difference_is_named_by_its_path() {
        let a = json!({ "rops": [{ "SetColumns": { "tags": [1, 2, 3] } }] });
        let b = json!({ "rops": [{ "SetColumns": { "tags": [1, 5, 3] } }] });
        assert_eq!(
            first_difference(&a, &b),
            Some(("rops[0].SetColumns.tags[1]".into(), "2".into(), "5".into()))
        );
        let c = json!({ "rops": [{ "SetColumns": { "tags": [1, 2, 3] } }, { "QueryRows": {} }] });
        assert_eq!(
            first_difference(&a, &c),
            Some((
                "rops[1]".into(),
                "(nothing)".into(),
                "{\"QueryRows\":{}}".into()
            ))
        );
        assert_eq!(first_difference(&a, &a), None);
    }
}
