//! Test support: a backend with two users and a session that runs ROP requests through the
//! real Execute path (RPC_HEADER_EXT, ROP buffer, engine, handlers) and decodes the answers
//! with the wire walk, as a client would.
//!
//! Compiled only under `#[cfg(test)]` (declared so in `backend/mod.rs`).

use super::Backend;
use crate::emulator::store::Store;
use crate::emulator::{MailboxBackend, SessionContext, User};
use crate::wire::Wire;
use crate::wire::mapihttp::{
    ConnectFlags, ConnectRequest, ExecuteFlags, ExecuteRequest, ExecuteResponse,
};
use crate::wire::property::PropertyTag;
use crate::wire::rop::any::{
    ColumnState, RopRequest, RopResponse, decode_output_buffers, encode_requests, join_packed,
};
use crate::wire::rop::buffer::RopBuffer;
use crate::wire::rop::store::{LogonFlags, LogonRequest, OpenFlags, StoreState};
use crate::wire::rpc_ext::{EncodeOptions, decode_chain, encode_chain};

/// A test user.
pub fn user(login: &str, display: &str) -> User {
    User {
        login: login.into(),
        password: format!("{login}-pw"),
        display_name: display.into(),
        smtp_address: format!("{login}@example.test"),
        legacy_dn: format!(
            "/o=Example/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn={login}"
        ),
        home_server: None,
    }
}

/// Alice and Bob, with populated mailboxes (seed 7).
pub fn backend() -> Backend {
    let users = vec![user("alice", "Alice Example"), user("bob", "Bob Example")];
    let store = Store::new(&users, 7);
    Backend::new(users, store, "EMULATOR")
}

/// One connected session context.
pub struct Session {
    /// The context.
    pub ctx: Box<dyn SessionContext>,
    /// Columns set so far, by server handle, for decoding rows.
    pub columns: std::collections::HashMap<u32, Vec<PropertyTag>>,
}

impl Session {
    /// Connects `login` (alice or bob) with no MailboxId (the default server).
    pub fn connect(backend: &Backend, login: &str) -> Session {
        Session::connect_at(backend, login, None)
    }

    /// Connects `login` as a request to `?MailboxId=<mailbox_id>` would.
    pub fn connect_at(backend: &Backend, login: &str, mailbox_id: Option<&str>) -> Session {
        let dn = user(login, "").legacy_dn;
        let request = ConnectRequest {
            user_dn: dn,
            flags: ConnectFlags::NONE,
            default_code_page: 1252,
            lcid_sort: 1033,
            lcid_string: 1033,
            auxiliary_buffer: Vec::new(),
        };
        let (_, ctx) = backend
            .connect(login, mailbox_id, &request)
            .expect("connect");
        Session {
            ctx,
            columns: Default::default(),
        }
    }

    /// Runs `requests` with handle table `handles`; returns the responses (unsolicited ones
    /// included, packed continuations joined) and the handle table that came back.
    pub fn run(
        &mut self,
        requests: &[RopRequest],
        handles: &[u32],
    ) -> (Vec<RopResponse>, Vec<u32>) {
        let rops = encode_requests(requests).expect("encode requests");
        let payload = RopBuffer {
            rops,
            handles: handles.to_vec(),
        }
        .to_bytes()
        .expect("rop buffer");
        let mut rop_buffer = Vec::new();
        encode_chain(&[&payload], EncodeOptions::default(), &mut rop_buffer).expect("chain");
        let response = self.ctx.execute(&ExecuteRequest {
            flags: ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC | ExecuteFlags::CHAIN,
            rop_buffer,
            max_rop_out: 0x40000,
            auxiliary_buffer: Vec::new(),
        });
        let ExecuteResponse::Success {
            error_code,
            rop_buffer,
            ..
        } = response
        else {
            panic!("Execute failed: {response:?}")
        };
        assert_eq!(error_code.0, 0, "Execute ErrorCode");
        let chain = decode_chain(&rop_buffer).expect("response chain");
        let payloads: Vec<&[u8]> = chain.iter().map(|b| &b.payload[..]).collect();
        let known = ColumnState {
            by_index: handles
                .iter()
                .enumerate()
                .filter_map(|(i, h)| Some((i as u8, self.columns.get(h)?.clone())))
                .collect(),
            by_handle: self.columns.clone(),
        };
        let buffers = decode_output_buffers(requests, &known, &payloads).expect("decode responses");
        let out_handles = buffers
            .first()
            .map(|b| b.handles.clone())
            .unwrap_or_default();
        let list = join_packed(buffers);
        assert!(list.undecoded.is_none(), "undecoded: {:?}", list.undecoded);
        for r in requests {
            if let RopRequest::SetColumns(s) = r
                && let Some(h) = out_handles.get(usize::from(s.input_handle_index))
            {
                self.columns.insert(*h, s.property_tags.clone());
            }
        }
        (list.responses, out_handles)
    }

    /// Logs on to the user's own mailbox (LogonId 0) into slot 0; returns the logon handle
    /// and the response.
    pub fn logon_private(&mut self, login: &str) -> (u32, RopResponse) {
        let request = RopRequest::Logon(LogonRequest {
            logon_id: 0,
            output_handle_index: 0,
            logon_flags: LogonFlags::PRIVATE,
            open_flags: OpenFlags(
                OpenFlags::USE_PER_MDB_REPLID_MAPPING.0
                    | OpenFlags::HOME_LOGON.0
                    | OpenFlags::TAKE_OWNERSHIP.0,
            ),
            store_state: StoreState(0),
            essdn: Some(user(login, "").legacy_dn),
        });
        let (mut responses, handles) = self.run(&[request], &[0xFFFF_FFFF]);
        (handles[0], responses.remove(0))
    }
}
