//! `mapi decode`: take one MAPI/HTTP body apart.

use std::io::Read;
use std::process::ExitCode;

use mapi_http::wire::auxbuf::AuxiliaryBuffer;
use mapi_http::wire::mapihttp::{
    ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse, ExecuteRequest,
    ExecuteResponse, FramedResponse, FramerLimits, NotificationWaitRequest,
    NotificationWaitResponse, framing::frame_all,
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
    /// Print JSON instead of indented text.
    #[arg(long)]
    json: bool,
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
}

/// Why a decode run failed.
enum Failure {
    Input(String),
    Malformed(String),
}

pub fn run(args: DecodeArgs) -> ExitCode {
    match decode(&args) {
        Ok(value) => {
            if args.json {
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
    let mut raw = Vec::new();
    let read = if args.file == "-" {
        std::io::stdin().read_to_end(&mut raw)
    } else {
        std::fs::File::open(&args.file).and_then(|mut f| f.read_to_end(&mut raw))
    };
    read.map_err(|e| Failure::Input(format!("cannot read {}: {e}", args.file)))?;
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
        Kind::ResponseStream => {
            let framed = frame(&input)?;
            Ok(json!({ "framing": framing_json(&framed), "body_hex": to_json(&hex(&framed.body)) }))
        }
        Kind::ConnectResponse
        | Kind::ExecuteResponse
        | Kind::DisconnectResponse
        | Kind::NotificationWaitResponse => decode_response(args.kind, &input),
    }
}

/// A response may be given bare or as the whole HTTP body with its meta-tags.
fn decode_response(kind: Kind, input: &[u8]) -> Result<Value, Failure> {
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
