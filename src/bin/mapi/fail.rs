//! Errors of the session commands and the exit codes they map to (sysexits.h numbers, so
//! scripts can tell a wrong password from a dead server).

use std::process::ExitCode;

use mapi_http::autodiscover::AutodiscoverError;
use mapi_http::client::ClientError;
use mapi_http::session::{ChannelError, SessionError};
use mapi_http::transport::TransportError;
use mapi_http::wire::ErrorCode;

/// Something went wrong that the user can act on (bad options, a missing secret).
pub const EXIT_USAGE: u8 = 64;
/// A folder, profile or other named thing does not exist.
pub const EXIT_NOT_FOUND: u8 = 66;
/// A name did not resolve to exactly one address book entry (sysexits EX_NOUSER).
pub const EXIT_NO_USER: u8 = 67;
/// The server could not be reached, timed out or broke the connection.
pub const EXIT_NETWORK: u8 = 69;
/// The server refused the credentials.
pub const EXIT_AUTH: u8 = 77;
/// The configuration refuses the request (Basic over plain http:// without --insecure-http).
pub const EXIT_CONFIG: u8 = 78;

/// The exit codes, for `--help`.
pub const EXIT_CODES_HELP: &str = "Exit codes: 0 ok, 1 other failure, 2 bad command line, \
64 unusable options or missing secret, 66 not found, 67 a name did not resolve to one \
address book entry, 69 network failure or timeout, \
77 authentication failed, 78 refused by configuration (e.g. Basic over http://).";

/// A failed command: what to print and how to exit. Messages never contain secrets: they are
/// built from library errors (which redact credentials) and from the command line (which
/// carries none).
#[derive(Debug)]
pub struct CliError {
    /// The exit code.
    pub code: u8,
    /// The message, without the `mapi:` prefix.
    pub message: String,
}

impl CliError {
    /// A failure with `code`.
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        CliError {
            code,
            message: message.into(),
        }
    }

    /// Bad or missing options.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(EXIT_USAGE, message)
    }

    /// Something named does not exist.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(EXIT_NOT_FOUND, message)
    }

    /// Anything else.
    pub fn other(message: impl Into<String>) -> Self {
        Self::new(1, message)
    }

    /// A client error, with what was being done.
    pub fn client(doing: &str, e: ClientError) -> Self {
        let code = exit_code_of(&e);
        let message = match (&e, code) {
            (_, EXIT_AUTH) => format!("{doing}: authentication failed ({e})"),
            (ClientError::Transport(TransportError::InsecureBasic), _) => format!(
                "{doing}: refusing to send a password with Basic authentication over plain \
                 http:// (use an https:// URL, or --insecure-http for a test server)"
            ),
            _ => format!("{doing}: {e}"),
        };
        CliError::new(code, message)
    }
}

impl From<AutodiscoverError> for CliError {
    fn from(e: AutodiscoverError) -> Self {
        let code = match &e {
            AutodiscoverError::Server { code: 500, .. } => EXIT_NOT_FOUND,
            AutodiscoverError::InvalidAddress(_) => EXIT_USAGE,
            AutodiscoverError::Http(401 | 403) => EXIT_AUTH,
            AutodiscoverError::Transport(_) | AutodiscoverError::AllCandidatesFailed(_) => {
                EXIT_NETWORK
            }
            _ => 1,
        };
        let detail = match &e {
            AutodiscoverError::AllCandidatesFailed(tried) if !tried.is_empty() => {
                let each: Vec<String> = tried.iter().map(|(u, e)| format!("{u}: {e}")).collect();
                format!(" [{}]", each.join("; "))
            }
            _ => String::new(),
        };
        CliError::new(code, format!("autodiscover: {e}{detail}"))
    }
}

/// The exit code of a client error.
pub fn exit_code_of(e: &ClientError) -> u8 {
    if e.is_auth() {
        return EXIT_AUTH;
    }
    match e {
        ClientError::Transport(TransportError::InsecureBasic) => EXIT_CONFIG,
        ClientError::Transport(TransportError::Auth(_)) => EXIT_AUTH,
        ClientError::Transport(
            TransportError::Connect(_)
            | TransportError::Timeout(_)
            | TransportError::Interrupted { .. },
        )
        | ClientError::OutcomeUnknown { .. }
        | ClientError::Busy(_) => EXIT_NETWORK,
        ClientError::Session(SessionError::Channel(ChannelError::ServiceUnavailable {
            ..
        })) => EXIT_NETWORK,
        ClientError::Session(SessionError::ConnectRefused(code))
            if *code == ErrorCode::LOGON_FAILED =>
        {
            EXIT_AUTH
        }
        ClientError::NotFound(_) => EXIT_NOT_FOUND,
        ClientError::Rop { code, .. } | ClientError::Execute(code)
            if *code == ErrorCode::NOT_FOUND =>
        {
            EXIT_NOT_FOUND
        }
        ClientError::Rop { code, .. } | ClientError::Execute(code)
            if *code == ErrorCode::LOGON_FAILED =>
        {
            EXIT_AUTH
        }
        _ => 1,
    }
}

/// Prints the error (if any) and turns the result into the process exit code.
pub fn exit(result: Result<(), CliError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::debug!(code = e.code, "command failed");
            eprintln!("mapi: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}
