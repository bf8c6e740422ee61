//! The client side of connection-oriented HTTP authentication (MS-NLMP NTLM, and Negotiate
//! (SPNEGO, RFC 4559) with NTLM inside) through sspi, never hand-written: a token in the
//! request's `Authorization`, the server's answer in its 401, until the server accepts.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use sspi::ntlm::NtlmConfig;
use sspi::{
    AcquireCredentialsHandleResult, AuthIdentity, AuthIdentityBuffers, BufferType,
    ClientRequestFlags, CredentialUse, CredentialsBuffers, DataRepresentation, Negotiate,
    NegotiateConfig, Ntlm, SecurityBuffer, Sspi, SspiImpl, Username,
};

/// Which scheme a handshake speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scheme {
    /// `NTLM`.
    Ntlm,
    /// `Negotiate` (SPNEGO; NTLM inside, Kerberos not attempted).
    Negotiate,
}

impl Scheme {
    /// The scheme's name in `Authorization` / `WWW-Authenticate`.
    pub(super) fn name(self) -> &'static str {
        match self {
            Scheme::Ntlm => "NTLM",
            Scheme::Negotiate => "Negotiate",
        }
    }
}

enum Context {
    Ntlm(Box<Ntlm>, Option<AuthIdentityBuffers>),
    Negotiate(Box<Negotiate>, Option<CredentialsBuffers>),
}

/// One handshake in progress.
pub(super) struct Handshake {
    context: Context,
    target: String,
}

const WORKSTATION: &str = "MAPI-HTTP";

impl Handshake {
    /// Starts a handshake for `user` (`user`, `DOMAIN\user` or `user@domain`) towards `host`.
    pub(super) fn new(
        scheme: Scheme,
        user: &str,
        password: &str,
        host: &str,
    ) -> Result<Self, String> {
        let identity = AuthIdentity {
            username: Username::parse(user).map_err(|e| format!("user name: {e}"))?,
            password: sspi::Secret::from(password.to_owned()),
        };
        let context = match scheme {
            Scheme::Ntlm => {
                let mut ctx = Box::new(Ntlm::with_config(NtlmConfig {
                    client_computer_name: Some(WORKSTATION.into()),
                }));
                let AcquireCredentialsHandleResult {
                    credentials_handle, ..
                } = ctx
                    .acquire_credentials_handle()
                    .with_credential_use(CredentialUse::Outbound)
                    .with_auth_data(&identity)
                    .execute(&mut *ctx)
                    .map_err(|e| format!("NTLM credentials: {e}"))?;
                Context::Ntlm(ctx, credentials_handle)
            }
            Scheme::Negotiate => {
                let mut ctx = Box::new(
                    Negotiate::new_client(NegotiateConfig::new(
                        Box::new(NtlmConfig {
                            client_computer_name: Some(WORKSTATION.into()),
                        }),
                        Some("ntlm,!kerberos,!pku2u".into()),
                        WORKSTATION.into(),
                    ))
                    .map_err(|e| format!("Negotiate: {e}"))?,
                );
                let credentials = sspi::Credentials::AuthIdentity(identity);
                let AcquireCredentialsHandleResult {
                    credentials_handle, ..
                } = ctx
                    .acquire_credentials_handle()
                    .with_credential_use(CredentialUse::Outbound)
                    .with_auth_data(&credentials)
                    .execute(&mut *ctx)
                    .map_err(|e| format!("Negotiate credentials: {e}"))?;
                Context::Negotiate(ctx, credentials_handle)
            }
        };
        Ok(Handshake {
            context,
            target: format!("HTTP/{host}"),
        })
    }

    /// The next token for the server's last one (`None` to begin).
    pub(super) fn step(&mut self, from_server: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
        let mut input = vec![SecurityBuffer::new(
            from_server.unwrap_or_default(),
            BufferType::Token,
        )];
        let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
        let result = match &mut self.context {
            Context::Ntlm(ctx, creds) => {
                let mut builder = ctx
                    .initialize_security_context()
                    .with_credentials_handle(creds)
                    .with_context_requirements(ClientRequestFlags::ALLOCATE_MEMORY)
                    .with_target_data_representation(DataRepresentation::Native)
                    .with_target_name(&self.target)
                    .with_input(&mut input)
                    .with_output(&mut output);
                ctx.initialize_security_context_impl(&mut builder)
                    .and_then(|mut r| r.resolve_to_result())
                    .map(|_| ())
            }
            Context::Negotiate(ctx, creds) => {
                let mut builder = ctx
                    .initialize_security_context()
                    .with_credentials_handle(creds)
                    .with_context_requirements(
                        ClientRequestFlags::MUTUAL_AUTH | ClientRequestFlags::INTEGRITY,
                    )
                    .with_target_data_representation(DataRepresentation::Native)
                    .with_target_name(&self.target)
                    .with_input(&mut input)
                    .with_output(&mut output);
                ctx.initialize_security_context_impl(&mut builder)
                    .and_then(|mut r| r.resolve_to_result())
                    .map(|_| ())
            }
        };
        result.map_err(|e| format!("authentication handshake: {e}"))?;
        output
            .pop()
            .map(|b| b.buffer)
            .ok_or_else(|| "the handshake produced no token".to_owned())
    }
}

/// The server's token from `WWW-Authenticate: <scheme> <base64>` values.
pub(super) fn token_from<'a>(
    scheme: Scheme,
    mut values: impl Iterator<Item = &'a str>,
) -> Option<Vec<u8>> {
    values.find_map(|v| {
        let (name, b64) = v.trim().split_once(' ')?;
        if !name.eq_ignore_ascii_case(scheme.name()) {
            return None;
        }
        B64.decode(b64.trim()).ok()
    })
}

/// `Authorization: <scheme> <base64>`.
pub(super) fn header(scheme: Scheme, token: &[u8]) -> String {
    format!("{} {}", scheme.name(), B64.encode(token))
}
