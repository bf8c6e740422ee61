//! HTTP authentication for the emulator, as IIS in front of Exchange does it.
//!
//! [`EmulatorAuth`] implements [`Authenticator`] with the schemes an Exchange virtual
//! directory can enable:
//! - anonymous: requests without `Authorization` are a fixed login;
//! - Basic (RFC 7617), checked against [`Users`];
//! - Bearer (RFC 6750): opaque tokens from a table the emulator fills ([`EmulatorAuth::issue_token`],
//!   [`EmulatorAuth::insert_token`]);
//! - NTLM (MS-NLMP) and Negotiate (RFC 4559: SPNEGO, RFC 4178, wrapping NTLM; or a raw NTLM
//!   token under the `Negotiate` scheme, which IIS also accepts), through the `sspi` crate's
//!   server-side acceptor. The password check is sspi's; nothing NTLM is computed here.
//!
//! NTLM and Negotiate authenticate the *connection* (MS-NLMP 3.1.5, and IIS's default
//! `authPersistSingleRequest=false`): once the handshake finishes, later requests on the same
//! [`ConnectionId`] without an `Authorization` header stay authenticated as that user, until
//! [`Authenticator::connection_closed`]. Basic and Bearer authenticate one request each.

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use sspi::ntlm::NtlmConfig;
use sspi::{
    AuthIdentity, BufferType, CredentialsBuffers, DataRepresentation, Negotiate, NegotiateConfig,
    Ntlm, SecurityBuffer, SecurityStatus, ServerRequestFlags, Sspi, SspiEx, SspiImpl, Username,
};

use super::users::Users;
use super::{AuthOutcome, Authenticator, ConnectionId};

/// Which schemes a virtual directory accepts (IIS's authentication settings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthSchemes {
    /// Anonymous access: a request without `Authorization` is this login. `None`: off.
    pub anonymous: Option<String>,
    /// HTTP Basic.
    pub basic: bool,
    /// NTLM (`WWW-Authenticate: NTLM`).
    pub ntlm: bool,
    /// Negotiate (SPNEGO with NTLM inside; Kerberos is not offered: the emulator has no KDC).
    pub negotiate: bool,
    /// OAuth bearer tokens.
    pub bearer: bool,
}

impl AuthSchemes {
    /// Every scheme except anonymous: what the emulator serves by default so any client
    /// configuration can be tested. (Exchange 2016's `/mapi` default is Negotiate, NTLM and
    /// OAuth, with Basic off.)
    pub fn all() -> Self {
        AuthSchemes {
            anonymous: None,
            basic: true,
            ntlm: true,
            negotiate: true,
            bearer: true,
        }
    }

    /// No scheme at all (every request is answered 401 with an empty offer); turn fields on.
    pub fn none() -> Self {
        AuthSchemes {
            anonymous: None,
            basic: false,
            ntlm: false,
            negotiate: false,
            bearer: false,
        }
    }
}

impl Default for AuthSchemes {
    fn default() -> Self {
        Self::all()
    }
}

/// Which connection-oriented scheme a handshake runs under (the `WWW-Authenticate` scheme
/// name of its answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConnScheme {
    Ntlm,
    Negotiate,
}

impl ConnScheme {
    fn name(self) -> &'static str {
        match self {
            ConnScheme::Ntlm => "NTLM",
            ConnScheme::Negotiate => "Negotiate",
        }
    }
}

/// Handshake state of one connection.
enum ConnState {
    /// NTLM (under either scheme name) after the CHALLENGE went out.
    Ntlm { ctx: Box<Ntlm>, scheme: ConnScheme },
    /// SPNEGO after the first NegTokenResp went out.
    Spnego(Box<Negotiate>),
    /// The connection is authenticated as `login`; `mutual` is the final server token of a
    /// Negotiate handshake (for the `WWW-Authenticate` header of the 200), if any is pending.
    Authenticated {
        login: String,
        mutual: Option<String>,
    },
}

/// The emulator's [`Authenticator`].
pub struct EmulatorAuth {
    users: Arc<Users>,
    schemes: AuthSchemes,
    realm: String,
    tokens: Mutex<HashMap<String, String>>,
    connections: Mutex<HashMap<ConnectionId, ConnState>>,
}

impl fmt::Debug for EmulatorAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Tokens are credentials: only their count is shown.
        f.debug_struct("EmulatorAuth")
            .field("schemes", &self.schemes)
            .field("realm", &self.realm)
            .field("tokens", &lock(&self.tokens).len())
            .field("connections", &lock(&self.connections).len())
            .finish()
    }
}

/// A poisoned lock only means another request panicked mid-update; the maps stay usable, and
/// the emulator must keep answering.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl EmulatorAuth {
    /// An authenticator over `users` with these schemes; the Basic realm is the users'
    /// domain (IIS uses the host name: set it with [`EmulatorAuth::with_realm`]).
    pub fn new(users: Arc<Users>, schemes: AuthSchemes) -> Self {
        let realm = users.domain().to_owned();
        EmulatorAuth {
            users,
            schemes,
            realm,
            tokens: Mutex::new(HashMap::new()),
            connections: Mutex::new(HashMap::new()),
        }
    }

    /// Sets the Basic realm.
    pub fn with_realm(mut self, realm: impl Into<String>) -> Self {
        self.realm = realm.into();
        self
    }

    /// The enabled schemes.
    pub fn schemes(&self) -> &AuthSchemes {
        &self.schemes
    }

    /// The initial offer of a 401: one `WWW-Authenticate` value per enabled scheme, in IIS's
    /// order (Negotiate, NTLM, Basic, then Bearer).
    pub fn offer(&self) -> Vec<String> {
        let mut v = Vec::new();
        if self.schemes.negotiate {
            v.push("Negotiate".to_owned());
        }
        if self.schemes.ntlm {
            v.push("NTLM".to_owned());
        }
        if self.schemes.basic {
            v.push(format!("Basic realm=\"{}\"", self.realm.replace('"', "")));
        }
        if self.schemes.bearer {
            v.push("Bearer".to_owned());
        }
        v
    }

    /// Issues a new random bearer token for `login` (which must be a known user); `None` for
    /// an unknown login.
    pub fn issue_token(&self, login: &str) -> Option<String> {
        let entry = self.users.find_login(login)?;
        // Two independently seeded SipHash outputs: 128 unpredictable bits per token, enough
        // for a test server, without another dependency.
        let a = RandomState::new().build_hasher().finish();
        let mut h = RandomState::new().build_hasher();
        h.write_u64(a);
        let token = format!("{a:016x}{:016x}", h.finish());
        self.insert_token(&token, &entry.user.login);
        Some(token)
    }

    /// Accepts `token` as `login` from now on (tests pick their own tokens).
    pub fn insert_token(&self, token: &str, login: &str) {
        lock(&self.tokens).insert(token.to_owned(), login.to_owned());
    }

    /// Stops accepting `token`.
    pub fn revoke_token(&self, token: &str) {
        lock(&self.tokens).remove(token);
    }

    /// Takes the final Negotiate token of a handshake that just completed on `connection`:
    /// the `WWW-Authenticate` value (`Negotiate <b64>`) IIS sends with the 200 for mutual
    /// authentication. [`AuthOutcome::Authenticated`] cannot carry it, so the front end asks
    /// here after an `Authenticated` outcome.
    pub fn take_mutual_auth_header(&self, connection: ConnectionId) -> Option<String> {
        match lock(&self.connections).get_mut(&connection) {
            Some(ConnState::Authenticated { mutual, .. }) => mutual.take(),
            _ => None,
        }
    }

    fn basic(&self, credentials: &str) -> AuthOutcome {
        let Ok(raw) = B64.decode(credentials.trim()) else {
            return AuthOutcome::Denied;
        };
        // RFC 7617 2.1: UTF-8 is the only charset a server may announce; IIS decodes the
        // same way for non-ASCII names.
        let Ok(text) = String::from_utf8(raw) else {
            return AuthOutcome::Denied;
        };
        // RFC 7617 2: the user-id cannot contain a colon, the password can.
        let Some((user, password)) = text.split_once(':') else {
            return AuthOutcome::Denied;
        };
        match self.users.find_login(user) {
            Some(e) if constant_time_eq(e.user.password.as_bytes(), password.as_bytes()) => {
                AuthOutcome::Authenticated(e.user.login.clone())
            }
            _ => AuthOutcome::Denied,
        }
    }

    fn bearer(&self, token: &str) -> AuthOutcome {
        let login = lock(&self.tokens).get(token.trim()).cloned();
        match login.and_then(|l| self.users.find_login(&l)) {
            Some(e) => AuthOutcome::Authenticated(e.user.login.clone()),
            None => AuthOutcome::Denied,
        }
    }

    fn connection_oriented(
        &self,
        connection: ConnectionId,
        scheme: ConnScheme,
        token_b64: &str,
    ) -> AuthOutcome {
        let Ok(token) = B64.decode(token_b64.trim()) else {
            lock(&self.connections).remove(&connection);
            return AuthOutcome::Denied;
        };
        let mut conns = lock(&self.connections);
        let previous = conns.remove(&connection);
        // Run sspi with the lock released only in spirit: the state is taken out of the map,
        // so a panic inside sspi (caught below) cannot leave a half-updated context behind.
        drop(conns);
        let is_ntlm_message = token.starts_with(b"NTLMSSP\0");
        let step = match (scheme, previous) {
            // A NEGOTIATE_MESSAGE restarts the handshake, also on an authenticated connection
            // (a client re-authenticating as someone else).
            (_, _) if is_ntlm_message && ntlm_message_type(&token) == Some(1) => {
                self.ntlm_first(scheme, token)
            }
            (
                s,
                Some(ConnState::Ntlm {
                    ctx,
                    scheme: started,
                }),
            ) if s == started => self.ntlm_last(ctx, scheme, token),
            (ConnScheme::Negotiate, Some(ConnState::Spnego(ctx))) => self.spnego_next(ctx, token),
            (ConnScheme::Negotiate, _) if !is_ntlm_message => self.spnego_first(token),
            _ => Step::Denied,
        };
        let mut conns = lock(&self.connections);
        match step {
            Step::Continue(state, answer) => {
                conns.insert(connection, state);
                AuthOutcome::Challenge(vec![answer])
            }
            Step::Done { login, mutual } => {
                conns.insert(
                    connection,
                    ConnState::Authenticated {
                        login: login.clone(),
                        mutual,
                    },
                );
                AuthOutcome::Authenticated(login)
            }
            Step::Denied => AuthOutcome::Denied,
        }
    }

    fn ntlm_first(&self, scheme: ConnScheme, token: Vec<u8>) -> Step {
        let mut ctx = Box::new(Ntlm::with_config(NtlmConfig {
            client_computer_name: None,
        }));
        match guarded(|| accept_ntlm(&mut ctx, token)) {
            Some((SecurityStatus::ContinueNeeded, out)) if !out.is_empty() => {
                let answer = format!("{} {}", scheme.name(), B64.encode(out));
                Step::Continue(ConnState::Ntlm { ctx, scheme }, answer)
            }
            _ => Step::Denied,
        }
    }

    fn ntlm_last(&self, mut ctx: Box<Ntlm>, _scheme: ConnScheme, token: Vec<u8>) -> Step {
        let users = &self.users;
        let verified = guarded(|| -> sspi::Result<Option<String>> {
            let (status, _) = accept_ntlm(&mut ctx, token)?;
            if status != SecurityStatus::CompleteNeeded && status != SecurityStatus::Ok {
                return Ok(None);
            }
            // The AUTHENTICATE_MESSAGE names the user; sspi then checks its NTLMv2 response
            // and MIC against that user's password from the directory.
            let names = ctx.query_context_names()?;
            let Some(entry) = users.find_login(names.username.inner()) else {
                return Ok(None);
            };
            ctx.custom_set_auth_identity(AuthIdentity {
                username: names.username,
                password: entry.user.password.clone().into(),
            })?;
            let status = ctx.complete_auth_token(&mut [])?;
            Ok((status == SecurityStatus::Ok).then(|| entry.user.login.clone()))
        });
        match verified.flatten() {
            Some(login) => Step::Done {
                login,
                mutual: None,
            },
            None => Step::Denied,
        }
    }

    fn spnego_first(&self, token: Vec<u8>) -> Step {
        let Some(mut ctx) = self.new_spnego_server() else {
            return Step::Denied;
        };
        self.spnego_step(&mut ctx, token)
            .map_or(Step::Denied, |r| self.spnego_result(ctx, r))
    }

    fn spnego_next(&self, mut ctx: Box<Negotiate>, token: Vec<u8>) -> Step {
        self.spnego_step(&mut ctx, token)
            .map_or(Step::Denied, |r| self.spnego_result(ctx, r))
    }

    fn spnego_step(
        &self,
        ctx: &mut Negotiate,
        token: Vec<u8>,
    ) -> Option<(SecurityStatus, Vec<u8>, Option<String>)> {
        let users = &self.users;
        guarded(|| -> sspi::Result<_> {
            let (status, out) = accept_negotiate(ctx, token)?;
            let login = if status == SecurityStatus::Ok {
                let names = ctx.query_context_names()?;
                users
                    .find_login(names.username.inner())
                    .map(|e| e.user.login.clone())
            } else {
                None
            };
            Ok((status, out, login))
        })
    }

    fn spnego_result(
        &self,
        ctx: Box<Negotiate>,
        (status, out, login): (SecurityStatus, Vec<u8>, Option<String>),
    ) -> Step {
        match status {
            SecurityStatus::Ok => match login {
                Some(login) => Step::Done {
                    login,
                    mutual: (!out.is_empty()).then(|| format!("Negotiate {}", B64.encode(&out))),
                },
                None => Step::Denied,
            },
            SecurityStatus::ContinueNeeded if !out.is_empty() => Step::Continue(
                ConnState::Spnego(ctx),
                format!("Negotiate {}", B64.encode(&out)),
            ),
            _ => Step::Denied,
        }
    }

    /// An SPNEGO acceptor that knows every user under each name form a client may send
    /// (`DOMAIN\login`, `login@domain`, bare `login`): sspi matches the AUTHENTICATE message's
    /// name against this list format-aware, then checks the password of the match.
    fn new_spnego_server(&self) -> Option<Box<Negotiate>> {
        let mut identities = Vec::with_capacity(self.users.len() * 3);
        for e in self.users.entries() {
            let login = &e.user.login;
            for name in [
                Username::new_down_level_logon_name(login, self.users.netbios_domain()).ok(),
                Username::new_upn(login, self.users.domain()).ok(),
                Username::parse(login).ok(),
            ]
            .into_iter()
            .flatten()
            {
                identities.push(AuthIdentity {
                    username: name,
                    password: e.user.password.clone().into(),
                });
            }
        }
        let config = NegotiateConfig::new(
            Box::new(NtlmConfig {
                client_computer_name: None,
            }),
            Some("ntlm,!kerberos,!pku2u".to_owned()),
            "EMULATOR".to_owned(),
        );
        guarded(|| Negotiate::new_server(config, identities)).map(Box::new)
    }
}

enum Step {
    Continue(ConnState, String),
    Done {
        login: String,
        mutual: Option<String>,
    },
    Denied,
}

/// MS-NLMP 2.2.1: MessageType, the little-endian u32 after the 8-byte signature.
fn ntlm_message_type(token: &[u8]) -> Option<u32> {
    let b = token.get(8..12)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Runs an sspi call on untrusted input: an error or a panic in the library becomes `None`
/// (a 401), never a dead request task. The panic case is real: picky-krb 0.13's SPNEGO
/// decoder (under sspi's Negotiate) unwraps on a truncated NegTokenInit, as
/// `ntlm_garbage_is_denied_not_a_panic` shows. This relies on unwinding (no `panic = "abort"`).
fn guarded<T>(f: impl FnOnce() -> sspi::Result<T>) -> Option<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Some(v),
        _ => None,
    }
}

fn accept_ntlm(ctx: &mut Ntlm, token: Vec<u8>) -> sspi::Result<(SecurityStatus, Vec<u8>)> {
    // No server credentials up front: the user is known only from the AUTHENTICATE_MESSAGE.
    let mut creds: Option<sspi::AuthIdentityBuffers> = None;
    let mut input = vec![SecurityBuffer::new(token, BufferType::Token)];
    let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
    let builder = ctx
        .accept_security_context()
        .with_credentials_handle(&mut creds)
        .with_context_requirements(ServerRequestFlags::ALLOCATE_MEMORY)
        .with_target_data_representation(DataRepresentation::Native)
        .with_input(&mut input)
        .with_output(&mut output);
    let result = ctx
        .accept_security_context_impl(builder)?
        .resolve_to_result()?;
    let out = output.pop().map(|b| b.buffer).unwrap_or_default();
    Ok((result.status, out))
}

fn accept_negotiate(
    ctx: &mut Negotiate,
    token: Vec<u8>,
) -> sspi::Result<(SecurityStatus, Vec<u8>)> {
    let mut creds: Option<CredentialsBuffers> = None;
    let mut input = vec![SecurityBuffer::new(token, BufferType::Token)];
    let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
    let builder = ctx
        .accept_security_context()
        .with_credentials_handle(&mut creds)
        .with_context_requirements(ServerRequestFlags::ALLOCATE_MEMORY)
        .with_target_data_representation(DataRepresentation::Native)
        .with_input(&mut input)
        .with_output(&mut output);
    let result = ctx
        .accept_security_context_impl(builder)?
        .resolve_to_result()?;
    let out = output.pop().map(|b| b.buffer).unwrap_or_default();
    Ok((result.status, out))
}

/// Compares without an early exit, so response time says nothing about the password.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Splits `Scheme credentials`; the scheme is case-insensitive (RFC 9110 11.1).
fn split_scheme(header: &str) -> (&str, &str) {
    let header = header.trim();
    match header.split_once(char::is_whitespace) {
        Some((scheme, rest)) => (scheme, rest.trim()),
        None => (header, ""),
    }
}

impl Authenticator for EmulatorAuth {
    fn authenticate(&self, connection: ConnectionId, authorization: Option<&str>) -> AuthOutcome {
        let Some(header) = authorization.filter(|h| !h.trim().is_empty()) else {
            if let Some(ConnState::Authenticated { login, .. }) =
                lock(&self.connections).get(&connection)
            {
                return AuthOutcome::Authenticated(login.clone());
            }
            if let Some(login) = &self.schemes.anonymous {
                return AuthOutcome::Authenticated(login.clone());
            }
            return AuthOutcome::Challenge(self.offer());
        };
        let (scheme, rest) = split_scheme(header);
        if scheme.eq_ignore_ascii_case("Basic") && self.schemes.basic {
            self.basic(rest)
        } else if scheme.eq_ignore_ascii_case("Bearer") && self.schemes.bearer {
            self.bearer(rest)
        } else if scheme.eq_ignore_ascii_case("NTLM") && self.schemes.ntlm {
            self.connection_oriented(connection, ConnScheme::Ntlm, rest)
        } else if scheme.eq_ignore_ascii_case("Negotiate") && self.schemes.negotiate {
            self.connection_oriented(connection, ConnScheme::Negotiate, rest)
        } else {
            AuthOutcome::Denied
        }
    }

    fn connection_closed(&self, connection: ConnectionId) {
        lock(&self.connections).remove(&connection);
    }
}

#[cfg(test)]
mod tests {
    use sspi::{
        AcquireCredentialsHandleResult, ClientRequestFlags, CredentialUse, Credentials,
        InitializeSecurityContextResult, Secret,
    };

    use super::*;

    fn auth(schemes: AuthSchemes) -> (EmulatorAuth, Arc<Users>) {
        let users = Arc::new(Users::demo_seeded(42));
        (EmulatorAuth::new(users.clone(), schemes), users)
    }

    fn pw(users: &Users, login: &str) -> String {
        users.find_login(login).unwrap().user.password.clone()
    }

    fn basic_header(user: &str, password: &str) -> String {
        format!("Basic {}", B64.encode(format!("{user}:{password}")))
    }

    const C1: ConnectionId = ConnectionId(1);
    const C2: ConnectionId = ConnectionId(2);

    #[test]
    fn no_header_gets_the_offer_in_iis_order() {
        let (a, _) = auth(AuthSchemes::all());
        assert_eq!(
            a.authenticate(C1, None),
            AuthOutcome::Challenge(vec![
                "Negotiate".into(),
                "NTLM".into(),
                "Basic realm=\"contoso.example\"".into(),
                "Bearer".into(),
            ])
        );
        let (a, _) = auth(AuthSchemes {
            basic: true,
            ..AuthSchemes::none()
        });
        assert_eq!(
            a.with_realm("mail.contoso.example")
                .authenticate(C1, Some("  ")),
            AuthOutcome::Challenge(vec!["Basic realm=\"mail.contoso.example\"".into()])
        );
    }

    #[test]
    fn anonymous_is_a_fixed_login_but_headers_still_count() {
        let (a, users) = auth(AuthSchemes {
            anonymous: Some("guest".into()),
            ..AuthSchemes::all()
        });
        assert_eq!(
            a.authenticate(C1, None),
            AuthOutcome::Authenticated("guest".into())
        );
        assert_eq!(
            a.authenticate(C1, Some(&basic_header("bob", &pw(&users, "bob")))),
            AuthOutcome::Authenticated("bob".into())
        );
    }

    #[test]
    fn basic_checks_the_directory() {
        let (a, users) = auth(AuthSchemes::all());
        let alice = pw(&users, "alice");
        for name in ["alice", "CONTOSO\\alice", "Alice@contoso.example"] {
            assert_eq!(
                a.authenticate(C1, Some(&basic_header(name, &alice))),
                AuthOutcome::Authenticated("alice".into()),
                "{name}"
            );
        }
        assert_eq!(
            a.authenticate(C1, Some(&basic_header("alice", "wrong"))),
            AuthOutcome::Denied
        );
        assert_eq!(
            a.authenticate(C1, Some(&basic_header("alice", &alice.to_lowercase()))),
            AuthOutcome::Denied,
            "passwords are case-sensitive"
        );
        assert_eq!(
            a.authenticate(C1, Some(&basic_header("mallory", &alice))),
            AuthOutcome::Denied
        );
        for bad in ["Basic !!!notbase64", "Basic", "basic bm9jb2xvbg=="] {
            assert_eq!(a.authenticate(C1, Some(bad)), AuthOutcome::Denied, "{bad}");
        }
        // Basic never makes a connection authenticated.
        assert_eq!(a.authenticate(C1, None), AuthOutcome::Challenge(a.offer()));
    }

    #[test]
    fn disabled_or_unknown_schemes_are_denied() {
        let (a, users) = auth(AuthSchemes {
            ntlm: true,
            ..AuthSchemes::none()
        });
        assert_eq!(
            a.authenticate(C1, Some(&basic_header("alice", &pw(&users, "alice")))),
            AuthOutcome::Denied
        );
        assert_eq!(a.authenticate(C1, Some("Digest x=1")), AuthOutcome::Denied);
    }

    #[test]
    fn bearer_tokens_from_the_table() {
        let (a, _) = auth(AuthSchemes::all());
        a.insert_token("tok-123", "carol");
        assert_eq!(
            a.authenticate(C1, Some("Bearer tok-123")),
            AuthOutcome::Authenticated("carol".into())
        );
        assert_eq!(
            a.authenticate(C1, Some("bearer tok-999")),
            AuthOutcome::Denied
        );
        let issued = a.issue_token("dave").unwrap();
        assert_ne!(issued, a.issue_token("dave").unwrap());
        assert_eq!(
            a.authenticate(C1, Some(&format!("Bearer {issued}"))),
            AuthOutcome::Authenticated("dave".into())
        );
        a.revoke_token(&issued);
        assert_eq!(
            a.authenticate(C1, Some(&format!("Bearer {issued}"))),
            AuthOutcome::Denied
        );
        assert!(a.issue_token("nobody").is_none());
        a.insert_token("orphan", "nobody");
        assert_eq!(
            a.authenticate(C1, Some("Bearer orphan")),
            AuthOutcome::Denied
        );
        assert!(!format!("{a:?}").contains("tok-123"));
    }

    /// An sspi NTLM client, as the real client uses it.
    struct NtlmClient {
        ctx: Ntlm,
        creds: Option<sspi::AuthIdentityBuffers>,
    }

    impl NtlmClient {
        fn new(user: &str, password: &str) -> Self {
            let mut ctx = Ntlm::with_config(NtlmConfig {
                client_computer_name: Some("WORKSTATION".into()),
            });
            let identity = AuthIdentity {
                username: Username::parse(user).unwrap(),
                password: Secret::from(password.to_owned()),
            };
            let AcquireCredentialsHandleResult {
                credentials_handle, ..
            } = ctx
                .acquire_credentials_handle()
                .with_credential_use(CredentialUse::Outbound)
                .with_auth_data(&identity)
                .execute(&mut ctx)
                .unwrap();
            NtlmClient {
                ctx,
                creds: credentials_handle,
            }
        }

        fn step(&mut self, input: Option<Vec<u8>>) -> Vec<u8> {
            let mut input = vec![SecurityBuffer::new(
                input.unwrap_or_default(),
                BufferType::Token,
            )];
            let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
            let mut builder = self
                .ctx
                .initialize_security_context()
                .with_credentials_handle(&mut self.creds)
                .with_context_requirements(ClientRequestFlags::ALLOCATE_MEMORY)
                .with_target_data_representation(DataRepresentation::Native)
                .with_target_name("HTTP/mail.contoso.example")
                .with_input(&mut input)
                .with_output(&mut output);
            let InitializeSecurityContextResult { .. } = self
                .ctx
                .initialize_security_context_impl(&mut builder)
                .unwrap()
                .resolve_to_result()
                .unwrap();
            output.pop().unwrap().buffer
        }
    }

    fn challenge_token(outcome: AuthOutcome, scheme: &str) -> Vec<u8> {
        let AuthOutcome::Challenge(values) = outcome else {
            panic!("expected a challenge, got {outcome:?}");
        };
        assert_eq!(values.len(), 1);
        let b64 = values[0].strip_prefix(&format!("{scheme} ")).unwrap();
        B64.decode(b64).unwrap()
    }

    fn ntlm_handshake(
        a: &EmulatorAuth,
        c: ConnectionId,
        scheme: &str,
        user: &str,
        password: &str,
    ) -> AuthOutcome {
        let mut client = NtlmClient::new(user, password);
        let negotiate = client.step(None);
        let challenge = challenge_token(
            a.authenticate(c, Some(&format!("{scheme} {}", B64.encode(negotiate)))),
            scheme,
        );
        let authenticate = client.step(Some(challenge));
        a.authenticate(c, Some(&format!("{scheme} {}", B64.encode(authenticate))))
    }

    #[test]
    fn ntlm_handshake_authenticates_the_connection() {
        let (a, users) = auth(AuthSchemes::all());
        let alice = pw(&users, "alice");
        assert_eq!(
            ntlm_handshake(&a, C1, "NTLM", "CONTOSO\\alice", &alice),
            AuthOutcome::Authenticated("alice".into())
        );
        // IIS keeps the connection authenticated: no header needed any more on C1...
        assert_eq!(
            a.authenticate(C1, None),
            AuthOutcome::Authenticated("alice".into())
        );
        // ...but not on another connection.
        assert_eq!(a.authenticate(C2, None), AuthOutcome::Challenge(a.offer()));
        a.connection_closed(C1);
        assert_eq!(a.authenticate(C1, None), AuthOutcome::Challenge(a.offer()));
    }

    #[test]
    fn ntlm_name_forms_and_wrong_passwords() {
        let (a, users) = auth(AuthSchemes::all());
        let bob = pw(&users, "bob");
        assert_eq!(
            ntlm_handshake(&a, C1, "NTLM", "bob@contoso.example", &bob),
            AuthOutcome::Authenticated("bob".into())
        );
        assert_eq!(
            ntlm_handshake(&a, C2, "NTLM", "CONTOSO\\bob", "not-the-password"),
            AuthOutcome::Denied
        );
        assert_eq!(a.authenticate(C2, None), AuthOutcome::Challenge(a.offer()));
        assert_eq!(
            ntlm_handshake(&a, ConnectionId(3), "NTLM", "CONTOSO\\mallory", &bob),
            AuthOutcome::Denied
        );
    }

    #[test]
    fn ntlm_state_is_per_connection() {
        let (a, users) = auth(AuthSchemes::all());
        let mut client = NtlmClient::new("CONTOSO\\carol", &pw(&users, "carol"));
        let negotiate = client.step(None);
        let challenge = challenge_token(
            a.authenticate(C1, Some(&format!("NTLM {}", B64.encode(negotiate)))),
            "NTLM",
        );
        let authenticate = client.step(Some(challenge));
        // The AUTHENTICATE arrives on another connection: that one has no handshake.
        assert_eq!(
            a.authenticate(C2, Some(&format!("NTLM {}", B64.encode(&authenticate)))),
            AuthOutcome::Denied
        );
        // Closing C1 forgets its half-done handshake too.
        a.connection_closed(C1);
        assert_eq!(
            a.authenticate(C1, Some(&format!("NTLM {}", B64.encode(&authenticate)))),
            AuthOutcome::Denied
        );
    }

    #[test]
    fn ntlm_garbage_is_denied_not_a_panic() {
        let (a, _) = auth(AuthSchemes::all());
        for bad in [
            "NTLM",
            "NTLM ###",
            "NTLM AAAA",
            "NTLM TlRMTVNTUAABAAAA",
            "NTLM TlRMTVNTUAADAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "Negotiate YIIBAAAA",
            "Negotiate oQcwBaADCgEA",
        ] {
            let out = a.authenticate(C1, Some(bad));
            assert!(
                matches!(out, AuthOutcome::Denied | AuthOutcome::Challenge(_)),
                "{bad}: {out:?}"
            );
            assert_ne!(
                a.authenticate(C1, None),
                AuthOutcome::Authenticated(String::new())
            );
        }
    }

    #[test]
    fn raw_ntlm_under_negotiate_answers_as_negotiate() {
        let (a, users) = auth(AuthSchemes::all());
        assert_eq!(
            ntlm_handshake(&a, C1, "Negotiate", "CONTOSO\\erin", &pw(&users, "erin")),
            AuthOutcome::Authenticated("erin".into())
        );
        let (a, users) = auth(AuthSchemes {
            negotiate: false,
            ..AuthSchemes::all()
        });
        let mut client = NtlmClient::new("CONTOSO\\erin", &pw(&users, "erin"));
        let negotiate = client.step(None);
        assert_eq!(
            a.authenticate(C1, Some(&format!("Negotiate {}", B64.encode(negotiate)))),
            AuthOutcome::Denied
        );
    }

    fn spnego_handshake(
        a: &EmulatorAuth,
        c: ConnectionId,
        user: &str,
        password: &str,
    ) -> AuthOutcome {
        let credentials = Credentials::AuthIdentity(AuthIdentity {
            username: Username::parse(user).unwrap(),
            password: Secret::from(password.to_owned()),
        });
        let mut client = Negotiate::new_client(NegotiateConfig::new(
            Box::new(NtlmConfig {
                client_computer_name: Some("WORKSTATION".into()),
            }),
            Some("ntlm,!kerberos,!pku2u".into()),
            "WORKSTATION".into(),
        ))
        .unwrap();
        let AcquireCredentialsHandleResult {
            credentials_handle: mut creds,
            ..
        } = client
            .acquire_credentials_handle()
            .with_credential_use(CredentialUse::Outbound)
            .with_auth_data(&credentials)
            .execute(&mut client)
            .unwrap();
        let mut from_server: Option<Vec<u8>> = None;
        for _ in 0..4 {
            let mut input = vec![SecurityBuffer::new(
                from_server.take().unwrap_or_default(),
                BufferType::Token,
            )];
            let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
            let mut builder = client
                .initialize_security_context()
                .with_credentials_handle(&mut creds)
                .with_context_requirements(
                    ClientRequestFlags::MUTUAL_AUTH | ClientRequestFlags::INTEGRITY,
                )
                .with_target_data_representation(DataRepresentation::Native)
                .with_target_name("HTTP/mail.contoso.example")
                .with_input(&mut input)
                .with_output(&mut output);
            client
                .initialize_security_context_impl(&mut builder)
                .unwrap()
                .resolve_to_result()
                .unwrap();
            let token = output.pop().unwrap().buffer;
            match a.authenticate(c, Some(&format!("Negotiate {}", B64.encode(token)))) {
                AuthOutcome::Challenge(v) => {
                    let b64 = v[0].strip_prefix("Negotiate ").unwrap();
                    from_server = Some(B64.decode(b64).unwrap());
                }
                other => return other,
            }
        }
        panic!("SPNEGO took more than 4 legs");
    }

    #[test]
    fn spnego_negotiate_with_ntlm_inside() {
        let (a, users) = auth(AuthSchemes::all());
        assert_eq!(
            spnego_handshake(&a, C1, "CONTOSO\\dave", &pw(&users, "dave")),
            AuthOutcome::Authenticated("dave".into())
        );
        assert_eq!(
            a.authenticate(C1, None),
            AuthOutcome::Authenticated("dave".into())
        );
        assert!(
            a.take_mutual_auth_header(C1)
                .is_some_and(|h| h.starts_with("Negotiate "))
        );
        assert_eq!(a.take_mutual_auth_header(C1), None);
        assert_eq!(
            spnego_handshake(&a, C2, "CONTOSO\\dave", "wrong"),
            AuthOutcome::Denied
        );
        assert_eq!(a.authenticate(C2, None), AuthOutcome::Challenge(a.offer()));
    }
}
