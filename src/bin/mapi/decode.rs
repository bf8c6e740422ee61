//! `mapi decode`: take one MAPI/HTTP body apart.

use std::io::Read;
use std::process::ExitCode;

use mapi_http::wire::RopBuffer;
use mapi_http::wire::auxbuf::AuxiliaryBuffer;
use mapi_http::wire::mapihttp::{
    ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse, ExecuteRequest,
    ExecuteResponse, FramedResponse, FramerLimits, NotificationWaitRequest,
    NotificationWaitResponse, framing::frame_all,
};
use mapi_http::wire::rop::any::{
    ColumnState, LogonKinds, RopRequest, decode_output_buffers, decode_requests_in, join_packed,
};
use mapi_http::wire::rpc_ext::decode_chain;
use mapi_http::wire::{DecodeError, Wire};
use serde::Serialize;
use serde_json::{Value, json};

use crate::{EXIT_MALFORMED, EXIT_NO_INPUT, render};

/// Arguments of `mapi decode`.
#[derive(clap::Args)]
pub struct DecodeArgs {
    /// What the input holds.
    kind: Kind,
    /// The file to read; `-` (the default) reads standard input.
    #[arg(default_value = "-")]
    file: String,
    /// The input is hex text (whitespace ignored), not raw bytes.
    #[arg(long)]
    hex: bool,
    /// For execute-response: the Execute request body it answers (read like FILE, --hex
    /// applies). ROP responses are laid out according to their requests; without this they
    /// are shown undecoded.
    #[arg(long, value_name = "REQUEST_FILE")]
    request: Option<String>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Connect request body (MS-OXCMAPIHTTP 2.2.4.1.1).
    ConnectRequest,
    /// Connect response body, bare or with its meta-tags.
    ConnectResponse,
    /// Execute request body (2.2.4.2.1).
    ExecuteRequest,
    /// Execute response body, bare or with its meta-tags.
    ExecuteResponse,
    /// Disconnect request body (2.2.4.3.1).
    DisconnectRequest,
    /// Disconnect response body, bare or with its meta-tags.
    DisconnectResponse,
    /// NotificationWait request body (2.2.4.4.1).
    #[value(name = "notificationwait-request")]
    NotificationWaitRequest,
    /// NotificationWait response body, bare or with its meta-tags.
    #[value(name = "notificationwait-response")]
    NotificationWaitResponse,
    /// A chain of RPC_HEADER_EXT extended buffers (MS-OXCRPC 3.1.4.2.1.1).
    RpcExt,
    /// A whole HTTP response body: PROCESSING/PENDING/DONE, meta headers, binary body.
    ResponseStream,
    /// A HAR 1.2 recording: every exchange decoded (request type, ROPs in and out, NSPI
    /// calls, response codes and errors), ROP responses laid out by their requests and by
    /// the columns earlier Executes set.
    Har,
}

/// Why a decode run failed.
enum Failure {
    Input(String),
    Malformed(String),
}

/// Runs `mapi decode`; `json` is the global `--json`.
pub fn run(args: DecodeArgs, json: bool) -> ExitCode {
    match decode(&args) {
        Ok(value) => {
            if json {
                match serde_json::to_string_pretty(&value) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("mapi: cannot print JSON: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                print!("{}", render::text(&value));
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Input(msg)) => {
            eprintln!("mapi: {msg}");
            ExitCode::from(EXIT_NO_INPUT)
        }
        Err(Failure::Malformed(msg)) => {
            eprintln!("mapi: malformed input: {msg}");
            ExitCode::from(EXIT_MALFORMED)
        }
    }
}

fn read_input(args: &DecodeArgs) -> Result<Vec<u8>, Failure> {
    read_file(args, &args.file)
}

fn read_file(args: &DecodeArgs, file: &str) -> Result<Vec<u8>, Failure> {
    let mut raw = Vec::new();
    let read = if file == "-" {
        std::io::stdin().read_to_end(&mut raw)
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut raw))
    };
    read.map_err(|e| Failure::Input(format!("cannot read {file}: {e}")))?;
    if args.hex {
        parse_hex(&raw).map_err(Failure::Malformed)
    } else {
        Ok(raw)
    }
}

fn parse_hex(text: &[u8]) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = text
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if !digits.len().is_multiple_of(2) {
        return Err(format!(
            "hex input has an odd number of digits ({})",
            digits.len()
        ));
    }
    digits
        .chunks_exact(2)
        .enumerate()
        .map(|(i, pair)| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|s| u8::from_str_radix(s, 16).ok())
                .ok_or_else(|| format!("hex input: not a hex byte at digit {}", i * 2))
        })
        .collect()
}

fn malformed(what: &str, e: DecodeError) -> Failure {
    Failure::Malformed(format!("{what}: {e}"))
}

fn to_json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or_else(|e| json!({ "unprintable": e.to_string() }))
}

fn decode(args: &DecodeArgs) -> Result<Value, Failure> {
    let input = read_input(args)?;
    match args.kind {
        Kind::ConnectRequest => {
            let req =
                ConnectRequest::from_bytes(&input).map_err(|e| malformed("Connect request", e))?;
            let aux = auxiliary(&req.auxiliary_buffer);
            Ok(json!({ "connect_request": to_json(&req), "auxiliary_buffer": aux }))
        }
        Kind::ExecuteRequest => {
            let req =
                ExecuteRequest::from_bytes(&input).map_err(|e| malformed("Execute request", e))?;
            Ok(json!({
                "execute_request": to_json(&req),
                "rop_buffer": extended_buffers(&req.rop_buffer),
                "rops": request_rops(&req.rop_buffer),
                "auxiliary_buffer": auxiliary(&req.auxiliary_buffer),
            }))
        }
        Kind::DisconnectRequest => DisconnectRequest::from_bytes(&input)
            .map(|r| json!({ "disconnect_request": to_json(&r) }))
            .map_err(|e| malformed("Disconnect request", e)),
        Kind::NotificationWaitRequest => NotificationWaitRequest::from_bytes(&input)
            .map(|r| json!({ "notificationwait_request": to_json(&r) }))
            .map_err(|e| malformed("NotificationWait request", e)),
        Kind::RpcExt => Ok(json!({ "extended_buffers": extended_buffers_strict(&input)? })),
        Kind::Har => har(&args.file, &input),
        Kind::ResponseStream => {
            let framed = frame(&input)?;
            Ok(json!({ "framing": framing_json(&framed), "body_hex": to_json(&hex(&framed.body)) }))
        }
        Kind::ConnectResponse
        | Kind::ExecuteResponse
        | Kind::DisconnectResponse
        | Kind::NotificationWaitResponse => {
            let requests = match (&args.request, args.kind) {
                (Some(file), Kind::ExecuteResponse) => {
                    let bytes = read_file(args, file)?;
                    let bytes = if args.hex {
                        parse_hex(&bytes).map_err(Failure::Malformed)?
                    } else {
                        bytes
                    };
                    let req = ExecuteRequest::from_bytes(&bytes)
                        .map_err(|e| malformed("Execute request (--request)", e))?;
                    Some(
                        requests_of(&req.rop_buffer)
                            .map_err(|e| malformed("Execute request (--request) ROPs", e))?,
                    )
                }
                (Some(_), _) => {
                    return Err(Failure::Input(
                        "--request applies to execute-response only".into(),
                    ));
                }
                (None, _) => None,
            };
            decode_response(args.kind, &input, requests.as_deref())
        }
    }
}

/// Every exchange of a HAR recording, decoded; the paths of anything left undecoded are listed
/// up front.
fn har(file: &str, input: &[u8]) -> Result<Value, Failure> {
    use mapi_http::replay::Har;
    use mapi_http::replay::dissect::{Dissector, undecoded_parts};
    let har = Har::from_json(input).map_err(|e| Failure::Malformed(format!("{file}: {e}")))?;
    let exchanges = Dissector::all(&har);
    let undecoded: Vec<String> = exchanges
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            undecoded_parts(e)
                .into_iter()
                .map(move |p| format!("exchanges[{i}]{p}"))
        })
        .collect();
    Ok(json!({
        "har": {
            "creator": format!("{} {}", har.log.creator.name, har.log.creator.version),
            "comment": har.log.comment,
            "entries": har.log.entries.len(),
            "undecoded": undecoded,
        },
        "exchanges": exchanges,
    }))
}

/// A response may be given bare or as the whole HTTP body with its meta-tags.
fn decode_response(
    kind: Kind,
    input: &[u8],
    requests: Option<&[RopRequest]>,
) -> Result<Value, Failure> {
    let framed = looks_framed(input).then(|| frame(input)).transpose()?;
    let (body, base) = match &framed {
        Some(f) => (&f.body[..], input.len() - f.body.len()),
        None => (input, 0),
    };
    let at = |what: &'static str| move |e: DecodeError| malformed(what, e.offset_by(base));
    let decoded = match kind {
        Kind::ConnectResponse => {
            let r = ConnectResponse::from_bytes(body).map_err(at("Connect response"))?;
            let aux = match &r {
                ConnectResponse::Success {
                    auxiliary_buffer, ..
                } => auxiliary(auxiliary_buffer),
                ConnectResponse::Failure(f) => auxiliary(&f.auxiliary_buffer),
            };
            json!({ "connect_response": to_json(&r), "auxiliary_buffer": aux })
        }
        Kind::ExecuteResponse => {
            let r = ExecuteResponse::from_bytes(body).map_err(at("Execute response"))?;
            match &r {
                ExecuteResponse::Success {
                    rop_buffer,
                    auxiliary_buffer,
                    ..
                } => json!({
                    "execute_response": to_json(&r),
                    "rop_buffer": extended_buffers(rop_buffer),
                    "rops": response_rops(rop_buffer, requests),
                    "auxiliary_buffer": auxiliary(auxiliary_buffer),
                }),
                ExecuteResponse::Failure(f) => json!({
                    "execute_response": to_json(&r),
                    "auxiliary_buffer": auxiliary(&f.auxiliary_buffer),
                }),
            }
        }
        Kind::DisconnectResponse => DisconnectResponse::from_bytes(body)
            .map(|r| json!({ "disconnect_response": to_json(&r) }))
            .map_err(at("Disconnect response"))?,
        _ => NotificationWaitResponse::from_bytes(body)
            .map(|r| json!({ "notificationwait_response": to_json(&r) }))
            .map_err(at("NotificationWait response"))?,
    };
    Ok(match framed {
        Some(f) => {
            let mut v = json!({ "framing": framing_json(&f) });
            if let (Some(map), Value::Object(d)) = (v.as_object_mut(), decoded) {
                map.extend(d);
            }
            v
        }
        None => decoded,
    })
}

fn looks_framed(input: &[u8]) -> bool {
    ["PROCESSING", "PENDING", "DONE"]
        .iter()
        .any(|tag| input.starts_with(tag.as_bytes()))
}

fn frame(input: &[u8]) -> Result<FramedResponse, Failure> {
    frame_all(input, FramerLimits::default())
        .map_err(|e| malformed("response stream", DecodeError::from(e)))
}

fn framing_json(f: &FramedResponse) -> Value {
    json!({
        "processing_count": f.processing_count,
        "pending_count": f.pending_count,
        "meta": f.meta.iter().map(|(k, v)| json!({ "name": k, "value": v })).collect::<Vec<_>>(),
        "body_length": f.body.len(),
    })
}

fn hex(bytes: &[u8]) -> String {
    mapi_http::wire::serde_bytes::to_hex(bytes)
}

/// The extended buffers of a RopBuffer, or the reason they do not decode (the enclosing body
/// did decode, so the rest is still worth printing).
fn extended_buffers(bytes: &[u8]) -> Value {
    extended_buffers_strict(bytes).unwrap_or_else(|f| match f {
        Failure::Malformed(m) | Failure::Input(m) => json!({ "undecodable": m }),
    })
}

fn extended_buffers_strict(bytes: &[u8]) -> Result<Value, Failure> {
    let chain = decode_chain(bytes).map_err(|e| malformed("extended buffers", e))?;
    Ok(Value::Array(
        chain
            .iter()
            .map(|b| {
                json!({
                    "header": to_json(&b.header),
                    "payload_hex": hex(&b.payload),
                })
            })
            .collect(),
    ))
}

/// The typed ROP requests of an Execute RopBuffer (first extended buffer's ROP input buffer;
/// further buffers are packed upload data, shown as extended buffers only).
fn requests_of(chain: &[u8]) -> Result<Vec<RopRequest>, DecodeError> {
    let buffers = decode_chain(chain)?;
    let Some(first) = buffers.first() else {
        return Ok(Vec::new());
    };
    let buffer = RopBuffer::from_bytes(&first.payload)?;
    // Logons in the buffer itself decide the public-logon layouts; earlier Executes are not
    // known to a one-body decode, so other LogonIds are taken as private.
    decode_requests_in(&buffer.rops, &mut LogonKinds::new()).map_err(|e| e.offset_by(2))
}

fn request_rops(chain: &[u8]) -> Value {
    let handles = decode_chain(chain)
        .ok()
        .and_then(|b| b.into_iter().next())
        .and_then(|b| RopBuffer::from_bytes(&b.payload).ok())
        .map(|b| b.handles);
    match requests_of(chain) {
        Ok(requests) => json!({ "requests": to_json(&requests), "handles": handles }),
        Err(e) => json!({ "undecodable": e.to_string() }),
    }
}

fn response_rops(chain: &[u8], requests: Option<&[RopRequest]>) -> Value {
    let Some(requests) = requests else {
        return json!({
            "undecoded": "ROP response layouts depend on their requests: pass --request FILE \
                          with the Execute request body this response answers",
        });
    };
    let buffers = match decode_chain(chain) {
        Ok(b) => b,
        Err(e) => return json!({ "undecodable": e.to_string() }),
    };
    let payloads: Vec<&[u8]> = buffers.iter().map(|b| &b.payload[..]).collect();
    match decode_output_buffers(requests, &ColumnState::default(), &payloads) {
        Ok(decoded) => {
            let handles: Vec<&Vec<u32>> = decoded.iter().map(|d| &d.handles).collect();
            let handles = to_json(&handles);
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

/// An auxiliary buffer: RPC_HEADER_EXT chain whose payloads are AUX blocks.
fn auxiliary(bytes: &[u8]) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    let chain = match decode_chain(bytes) {
        Ok(c) => c,
        Err(e) => return json!({ "undecodable": e.to_string() }),
    };
    Value::Array(
        chain
            .iter()
            .map(|b| match AuxiliaryBuffer::from_bytes(&b.payload) {
                Ok(aux) => json!({ "header": to_json(&b.header), "blocks": to_json(&aux.blocks) }),
                Err(e) => json!({
                    "header": to_json(&b.header),
                    "undecodable": e.offset_by(mapi_http::wire::rpc_ext::RpcHeaderExt::SIZE).to_string(),
                    "payload_hex": hex(&b.payload),
                }),
            })
            .collect(),
    )
}
