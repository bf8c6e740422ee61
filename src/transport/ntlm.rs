//! The client side of NTLM over HTTP (MS-NLMP through sspi, never hand-written): NEGOTIATE in
//! the first request's `Authorization`, the server's CHALLENGE from its 401, AUTHENTICATE in
//! the request sent again on the same keep-alive connection.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use sspi::ntlm::NtlmConfig;
use sspi::{
    AcquireCredentialsHandleResult, AuthIdentity, AuthIdentityBuffers, BufferType,
    ClientRequestFlags, CredentialUse, DataRepresentation, Ntlm, SecurityBuffer, Sspi, SspiImpl,
    Username,
};

/// One NTLM handshake in progress.
pub(super) struct NtlmHandshake {
    ctx: Ntlm,
    credentials: Option<AuthIdentityBuffers>,
    target: String,
}

impl NtlmHandshake {
    /// Starts a handshake for `user` (`user`, `DOMAIN\user` or `user@domain`) towards `host`.
    pub(super) fn new(user: &str, password: &str, host: &str) -> Result<Self, String> {
        let mut ctx = Ntlm::with_config(NtlmConfig {
            client_computer_name: Some("MAPI-HTTP".into()),
        });
        let identity = AuthIdentity {
            username: Username::parse(user).map_err(|e| format!("user name: {e}"))?,
            password: sspi::Secret::from(password.to_owned()),
        };
        let AcquireCredentialsHandleResult {
            credentials_handle, ..
        } = ctx
            .acquire_credentials_handle()
            .with_credential_use(CredentialUse::Outbound)
            .with_auth_data(&identity)
            .execute(&mut ctx)
            .map_err(|e| format!("NTLM credentials: {e}"))?;
        Ok(NtlmHandshake {
            ctx,
            credentials: credentials_handle,
            target: format!("HTTP/{host}"),
        })
    }

    /// The next token: NEGOTIATE for `None`, AUTHENTICATE for the server's CHALLENGE.
    pub(super) fn step(&mut self, challenge: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
        let mut input = vec![SecurityBuffer::new(
            challenge.unwrap_or_default(),
            BufferType::Token,
        )];
        let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
        let mut builder = self
            .ctx
            .initialize_security_context()
            .with_credentials_handle(&mut self.credentials)
            .with_context_requirements(ClientRequestFlags::ALLOCATE_MEMORY)
            .with_target_data_representation(DataRepresentation::Native)
            .with_target_name(&self.target)
            .with_input(&mut input)
            .with_output(&mut output);
        self.ctx
            .initialize_security_context_impl(&mut builder)
            .and_then(|mut r| r.resolve_to_result())
            .map_err(|e| format!("NTLM: {e}"))?;
        output
            .pop()
            .map(|b| b.buffer)
            .ok_or_else(|| "NTLM produced no token".to_owned())
    }
}

/// The server's token from `WWW-Authenticate: NTLM <base64>` values.
pub(super) fn challenge_from<'a>(values: impl Iterator<Item = &'a str>) -> Option<Vec<u8>> {
    values
        .filter_map(|v| v.trim().strip_prefix("NTLM "))
        .find_map(|b64| B64.decode(b64.trim()).ok())
}

/// `Authorization: NTLM <base64>`.
pub(super) fn header(token: &[u8]) -> String {
    format!("NTLM {}", B64.encode(token))
}
