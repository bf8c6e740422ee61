//! Feeding arbitrary bytes to the emulator's Execute dispatcher, for the `emulator_execute`
//! fuzz target and the corpus replay test (features `emulator` and `fuzzing`).
//!
//! Each input gets a fresh backend with two users whose mailboxes hold only the special
//! folders, so a crash reproduces from its input alone.

use super::backend::Backend;
use super::store::Store;
use super::{MailboxBackend, User};
use crate::wire::Wire;
use crate::wire::mapihttp::{
    ConnectFlags, ConnectRequest, ExecuteFlags, ExecuteRequest, ExecuteResponse,
};
use crate::wire::rop::any::{ColumnState, decode_output_buffers, decode_requests};
use crate::wire::rop::buffer::RopBuffer;
use crate::wire::rpc_ext::{EncodeOptions, decode_chain, encode_chain};

fn user(login: &str) -> User {
    User {
        login: login.into(),
        password: format!("{login}-pw"),
        display_name: login.into(),
        smtp_address: format!("{login}@example.test"),
        legacy_dn: format!(
            "/o=Example/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn={login}"
        ),
        home_server: None,
    }
}

/// The legacy DN of the fuzzing user `alice`, for seeds with a RopLogon.
pub fn alice_dn() -> String {
    user("alice").legacy_dn
}

/// Runs one input through Connect + Execute. The first byte picks the form of the rest:
/// even, a whole Execute request body; odd, a ROP input buffer (RopSize, ROPs, handle table)
/// that is wrapped in an RPC_HEADER_EXT, with Execute flags from the selector's upper bits.
///
/// Returns a description of the bug when the emulator answers something a client could not
/// read: an Execute response that does not encode, a response chain that does not decode, or
/// ROP responses that do not decode against the requests that were accepted.
pub fn execute_bytes(data: &[u8]) -> Result<(), String> {
    let Some((&selector, rest)) = data.split_first() else {
        return Ok(());
    };
    let users = vec![user("alice"), user("bob")];
    let mut store = Store::empty(1);
    for u in &users {
        store.add_user(u, false);
    }
    let backend = Backend::new(users, store, "FUZZ");
    let connect = ConnectRequest {
        user_dn: alice_dn(),
        flags: ConnectFlags::NONE,
        default_code_page: 1252,
        lcid_sort: 1033,
        lcid_string: 1033,
        auxiliary_buffer: Vec::new(),
    };
    let Ok((_, mut context)) = backend.connect("alice", None, &connect) else {
        return Err("Connect of the fuzzing user was refused".into());
    };
    let request = if selector % 2 == 0 {
        match ExecuteRequest::from_bytes(rest) {
            Ok(r) => r,
            Err(_) => return Ok(()),
        }
    } else {
        let mut rop_buffer = Vec::new();
        if encode_chain(&[rest], EncodeOptions::default(), &mut rop_buffer).is_err() {
            return Ok(());
        }
        ExecuteRequest {
            flags: ExecuteFlags(u32::from(selector >> 1) & 0x7),
            rop_buffer,
            max_rop_out: 0x40000,
            auxiliary_buffer: Vec::new(),
        }
    };
    let response = context.execute(&request);
    let bytes = response
        .to_bytes()
        .map_err(|e| format!("Execute response does not encode: {e}"))?;
    let decoded = ExecuteResponse::from_bytes(&bytes)
        .map_err(|e| format!("Execute response does not decode: {e}"))?;
    let result = match decoded {
        ExecuteResponse::Success {
            error_code,
            rop_buffer,
            ..
        } if error_code.0 == 0 => check_rops(&request, &rop_buffer),
        _ => Ok(()),
    };
    context.disconnect();
    result
}

/// The ROP responses of an accepted request must decode against its requests.
fn check_rops(request: &ExecuteRequest, response_chain: &[u8]) -> Result<(), String> {
    let chain = decode_chain(response_chain).map_err(|e| format!("response chain: {e}"))?;
    let Ok(request_chain) = decode_chain(&request.rop_buffer) else {
        return Ok(());
    };
    let Some(first) = request_chain.first() else {
        return Ok(());
    };
    let Ok(buffer) = RopBuffer::from_bytes(&first.payload) else {
        return Ok(());
    };
    let Ok(requests) = decode_requests(&buffer.rops) else {
        return Ok(());
    };
    let payloads: Vec<&[u8]> = chain.iter().map(|b| &b.payload[..]).collect();
    decode_output_buffers(&requests, &ColumnState::default(), &payloads)
        .map(|_| ())
        .map_err(|e| format!("ROP responses do not decode against their requests: {e}"))
}
