//! How a session command finds the mailbox and proves who the user is: a saved profile,
//! autodiscover from an e-mail address, or explicit endpoints; the secret from the
//! environment, a command or a prompt (never from the command line, where `ps` and shell
//! history would keep it).

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use clap::{Args, ValueEnum};
use mapi_http::autodiscover::{self, Discovery, Settings};
use mapi_http::client::{Endpoints, LogonOptions, Session};
use mapi_http::transport::{Credentials, HttpTransport, Secret};

use crate::fail::{CliError, EXIT_CONFIG};

/// Environment variable holding the password for Basic, NTLM and Negotiate.
pub const PASSWORD_ENV: &str = "MAPI_PASSWORD";
/// Environment variable holding the OAuth access token for Bearer.
pub const TOKEN_ENV: &str = "MAPI_TOKEN";

/// Where the mailbox is and how to authenticate; every session command takes these.
#[derive(Args, Debug, Clone, Default)]
pub struct ConnectArgs {
    /// Use the saved profile NAME (see `mapi profile`); other options override its fields.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Find the endpoints by POX autodiscover for this address.
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// With --email: ask this autodiscover URL first (a configured server or a test server).
    #[arg(long, value_name = "URL", requires = "email")]
    pub autodiscover_url: Option<String>,
    /// The mailbox (EMSMDB) endpoint URL, verbatim with its `?MailboxId=`.
    #[arg(long, value_name = "URL")]
    pub mailbox_url: Option<String>,
    /// The address-book (NSPI) endpoint URL.
    #[arg(long = "addressbook-url", value_name = "URL")]
    pub addressbook_url: Option<String>,
    /// Login name for Basic, NTLM and Negotiate (`user`, `DOMAIN\user` or `user@domain`);
    /// defaults to the e-mail address.
    #[arg(long, value_name = "LOGIN")]
    pub user: Option<String>,
    /// The user's legacy DN (`/o=.../cn=Recipients/cn=...`).
    #[arg(long, value_name = "DN")]
    pub user_dn: Option<String>,
    /// Authentication scheme. Default: the profile's; else bearer when a token is given
    /// (MAPI_TOKEN or --token-command), basic when a login is known, anonymous otherwise.
    #[arg(long, value_enum, value_name = "SCHEME")]
    pub auth: Option<AuthKind>,
    /// Allow Basic credentials over plain http:// (only for a test server on this machine).
    #[arg(long)]
    pub insecure_http: bool,
    /// Seconds of silence tolerated in a response before giving up (PENDING keep-alives
    /// count as life). Default: the transport's 60 s, four of Exchange's 15 s
    /// X-PendingPeriods.
    #[arg(long, value_name = "SECS", value_parser = parse_seconds)]
    pub timeout: Option<Duration>,
    /// Run CMD with `sh -c` and use the first line of its output as the password.
    #[arg(long, value_name = "CMD", conflicts_with = "token_command")]
    pub password_command: Option<String>,
    /// Run CMD with `sh -c` and use the first line of its output as the bearer token.
    #[arg(long, value_name = "CMD")]
    pub token_command: Option<String>,
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .parse()
        .map_err(|_| format!("{s:?} is not a number of seconds"))?;
    if !(secs > 0.0 && secs <= 86_400.0) {
        return Err("the timeout must be between 0 and 86400 seconds".into());
    }
    Ok(Duration::from_secs_f64(secs))
}

/// The authentication schemes the command line offers.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthKind {
    /// RFC 7617 Basic (refused over http:// without --insecure-http).
    Basic,
    /// NTLM (MS-NLMP).
    Ntlm,
    /// Negotiate (SPNEGO with NTLM inside).
    Negotiate,
    /// RFC 6750 Bearer (an OAuth access token).
    Bearer,
    /// No credentials (the emulator's anonymous mode).
    Anonymous,
}

impl AuthKind {
    /// The lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            AuthKind::Basic => "basic",
            AuthKind::Ntlm => "ntlm",
            AuthKind::Negotiate => "negotiate",
            AuthKind::Bearer => "bearer",
            AuthKind::Anonymous => "anonymous",
        }
    }

    fn uses_password(self) -> bool {
        matches!(self, AuthKind::Basic | AuthKind::Ntlm | AuthKind::Negotiate)
    }
}

/// Everything a logon needs, resolved.
#[derive(Debug)]
pub struct Target {
    /// The endpoints.
    pub endpoints: Endpoints,
    /// The credentials (their Debug form redacts secrets).
    pub credentials: Credentials,
    /// Transport and session options.
    pub options: LogonOptions,
    /// The scheme.
    pub auth: AuthKind,
    /// The login name, when the scheme has one.
    pub login: Option<String>,
}

/// What the resolution starts from: the options, filled in from a profile where one is named
/// (the profile's fields, where `mapi profile` reads and writes them).
#[derive(Debug, Default)]
pub struct Wanted {
    /// The SMTP address.
    pub email: Option<String>,
    /// The mailbox URL.
    pub mailbox_url: Option<String>,
    /// The address-book URL.
    pub addressbook_url: Option<String>,
    /// The login name.
    pub login: Option<String>,
    /// The legacy DN.
    pub user_dn: Option<String>,
    /// The scheme.
    pub auth: Option<AuthKind>,
    /// Whether Basic may go over http://.
    pub insecure_http: bool,
    /// The command printing the secret.
    pub secret_command: Option<String>,
}

fn from_args(args: &ConnectArgs) -> Result<Wanted, CliError> {
    let mut w = match &args.profile {
        Some(name) => crate::profiles::load(name)?,
        None => Wanted::default(),
    };
    let set = |slot: &mut Option<String>, v: &Option<String>| {
        if let Some(v) = v {
            *slot = Some(v.clone());
        }
    };
    set(&mut w.email, &args.email);
    set(&mut w.mailbox_url, &args.mailbox_url);
    set(&mut w.addressbook_url, &args.addressbook_url);
    set(&mut w.login, &args.user);
    set(&mut w.user_dn, &args.user_dn);
    if args.auth.is_some() {
        w.auth = args.auth;
    }
    w.insecure_http |= args.insecure_http;
    if w.login.is_none() {
        w.login = w.email.clone();
    }
    Ok(w)
}

/// Resolves the options into endpoints and credentials: asks for the secret and runs
/// autodiscover when the endpoints are not given.
pub async fn resolve(args: &ConnectArgs) -> Result<Target, CliError> {
    let w = from_args(args)?;
    let token_given =
        args.token_command.is_some() || std::env::var(TOKEN_ENV).is_ok_and(|v| !v.is_empty());
    let auth = w.auth.unwrap_or(if token_given {
        AuthKind::Bearer
    } else if w.login.is_some() {
        AuthKind::Basic
    } else {
        AuthKind::Anonymous
    });
    tracing::info!(auth = auth.name(), "authentication scheme chosen");
    if auth == AuthKind::Basic && !w.insecure_http {
        for url in [&w.mailbox_url, &args.autodiscover_url]
            .into_iter()
            .flatten()
        {
            refuse_plain_http(url)?;
        }
    }
    let login = if auth.uses_password() {
        Some(w.login.clone().ok_or_else(|| {
            CliError::usage(format!(
                "--auth {} needs a login: give --user LOGIN or --email ADDR",
                auth.name()
            ))
        })?)
    } else {
        None
    };
    let credentials = match auth {
        AuthKind::Anonymous => Credentials::Anonymous,
        AuthKind::Bearer => Credentials::Bearer {
            token: secret(
                "token",
                args.token_command
                    .as_deref()
                    .or(w.secret_command.as_deref()),
                TOKEN_ENV,
                "--token-command",
                "Access token: ",
            )?,
        },
        AuthKind::Basic | AuthKind::Ntlm | AuthKind::Negotiate => {
            let user = login.clone().unwrap_or_default();
            let password = secret(
                "password",
                args.password_command
                    .as_deref()
                    .or(w.secret_command.as_deref()),
                PASSWORD_ENV,
                "--password-command",
                &format!("Password for {user}: "),
            )?;
            match auth {
                AuthKind::Basic => Credentials::Basic { user, password },
                AuthKind::Ntlm => Credentials::Ntlm { user, password },
                _ => Credentials::Negotiate { user, password },
            }
        }
    };

    let mut options = LogonOptions::default();
    options.transport.allow_insecure_basic = w.insecure_http;
    if let Some(t) = args.timeout {
        options.transport.silence_timeout = t;
    }

    let (mailbox_url, user_dn, addressbook_url) = match (&w.mailbox_url, &w.user_dn) {
        (Some(m), Some(d)) => (m.clone(), d.clone(), w.addressbook_url.clone()),
        _ => {
            let Some(email) = &w.email else {
                return Err(CliError::usage(
                    "no mailbox to talk to: give --profile NAME, --email ADDR, or \
                     --mailbox-url URL with --user-dn DN",
                ));
            };
            let settings = discover(
                email,
                args.autodiscover_url.as_deref(),
                &credentials,
                &options.transport,
            )
            .await?;
            let mailbox = w
                .mailbox_url
                .clone()
                .or_else(|| settings.mailbox.preferred().map(str::to_owned))
                .ok_or_else(|| CliError::not_found("autodiscover gave no MAPI/HTTP mailbox URL"))?;
            let dn = w
                .user_dn
                .clone()
                .or(settings.legacy_dn.clone())
                .ok_or_else(|| CliError::not_found("autodiscover gave no legacy DN"))?;
            let book = w
                .addressbook_url
                .clone()
                .or_else(|| settings.address_book.preferred().map(str::to_owned));
            (mailbox, dn, book)
        }
    };
    if auth == AuthKind::Basic && !w.insecure_http {
        refuse_plain_http(&mailbox_url)?;
    }
    let mut endpoints = Endpoints::new(mailbox_url, user_dn);
    endpoints.address_book_url = addressbook_url;
    endpoints.smtp_address = w.email.clone();
    Ok(Target {
        endpoints,
        credentials,
        options,
        auth,
        login,
    })
}

fn refuse_plain_http(url: &str) -> Result<(), CliError> {
    if url
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
    {
        return Err(CliError::new(
            EXIT_CONFIG,
            format!(
                "refusing to send a password with Basic authentication over plain http:// \
                 ({url}); use an https:// URL, or --insecure-http for a test server"
            ),
        ));
    }
    Ok(())
}

/// The password or token: from `command` (run by `sh -c`, first line of its output), else
/// the environment variable `env`, else a prompt when standard input is a terminal.
fn secret(
    what: &str,
    command: Option<&str>,
    env: &str,
    flag: &str,
    prompt: &str,
) -> Result<Secret, CliError> {
    if let Some(cmd) = command {
        tracing::info!("running the {what} command");
        return run_secret_command(what, cmd);
    }
    if let Ok(v) = std::env::var(env)
        && !v.is_empty()
    {
        tracing::info!("{what} taken from {env}");
        return Ok(Secret::new(v));
    }
    if std::io::stdin().is_terminal() {
        let v = rpassword::prompt_password(prompt)
            .map_err(|e| CliError::usage(format!("cannot read the {what}: {e}")))?;
        if v.is_empty() {
            return Err(CliError::usage(format!("no {what} given")));
        }
        return Ok(Secret::new(v));
    }
    Err(CliError::usage(format!(
        "no {what}: set {env}, pass {flag} CMD, or run in a terminal to be asked"
    )))
}

fn run_secret_command(what: &str, cmd: &str) -> Result<Secret, CliError> {
    let output = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::inherit())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| CliError::usage(format!("cannot run the {what} command: {e}")))?;
    if !output.status.success() {
        // The output is not shown: it may hold part of the secret.
        return Err(CliError::usage(format!(
            "the {what} command failed ({})",
            output.status
        )));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| CliError::usage(format!("the {what} command printed non-UTF-8 text")))?;
    let first = text.lines().next().unwrap_or_default().trim();
    if first.is_empty() {
        return Err(CliError::usage(format!(
            "the {what} command printed nothing"
        )));
    }
    Ok(Secret::new(first))
}

/// POX autodiscover for `email`, sending the credentials where the protocol allows (one-leg
/// schemes only: NTLM and Negotiate handshakes are not run for autodiscover), with the
/// transport settings of `transport` (Basic over plain http only where it allows; the
/// silence timeout bounds each whole request). With `--record` the exchanges go to the
/// recording; with `--replay` they come from it.
pub async fn discover(
    email: &str,
    first_url: Option<&str>,
    credentials: &Credentials,
    transport: &mapi_http::transport::TransportConfig,
) -> Result<Settings, CliError> {
    use mapi_http::client::autodiscover_over;
    tracing::info!(email, "autodiscover");
    let mut discovery = Discovery::new(email, autodiscover::DEFAULT_MAX_HOPS);
    if let Some(url) = first_url {
        discovery = discovery.with_first_url(url);
    }
    if let Some(Traffic::Replay(path)) = TRAFFIC.get() {
        let replay = replaying(read_recording(path)?);
        return Ok(autodiscover_over(&replay, &replay, discovery).await?);
    }
    let config = mapi_http::transport::TransportConfig {
        head_timeout: transport.silence_timeout,
        total_timeout: transport.silence_timeout,
        ..transport.clone()
    };
    let one_leg = match credentials {
        Credentials::Basic { .. } | Credentials::Bearer { .. } => credentials.clone(),
        _ => Credentials::Anonymous,
    };
    let network = |c: Credentials| {
        HttpTransport::new(c, config.clone())
            .map_err(|e| CliError::client("starting the transport", e.into()))
    };
    let (authorized, anonymous) = (network(one_leg)?, network(Credentials::Anonymous)?);
    let settings = match TRAFFIC.get() {
        Some(Traffic::Record(path)) => {
            use mapi_http::replay::RecordingTransport;
            let recorder = recorder(path, credentials)?;
            autodiscover_over(
                &RecordingTransport::new(authorized, Arc::clone(&recorder)),
                &RecordingTransport::new(anonymous, recorder),
                discovery,
            )
            .await?
        }
        _ => autodiscover_over(&authorized, &anonymous, discovery).await?,
    };
    tracing::info!(
        mailbox = settings.mailbox.preferred().unwrap_or("-"),
        "autodiscover answered"
    );
    Ok(settings)
}

/// Where the HTTP exchanges of session commands go besides the network (`--record`,
/// `--replay`); set once by `main`.
#[derive(Debug, Clone)]
pub enum Traffic {
    /// Write every exchange to this HAR file.
    Record(PathBuf),
    /// Answer from this HAR file instead of the network.
    Replay(PathBuf),
}

static TRAFFIC: OnceLock<Traffic> = OnceLock::new();

/// The replay being served, kept to report on once the command is done.
static REPLAYING: OnceLock<Arc<mapi_http::replay::ReplayTransport>> = OnceLock::new();

/// The recording of this run: one file for everything the command sends (autodiscover and
/// session alike), created on first use.
static RECORDER: OnceLock<Arc<mapi_http::replay::Recorder>> = OnceLock::new();

/// Whether this run answers from a recording (`--replay`).
pub fn replaying_now() -> bool {
    matches!(TRAFFIC.get(), Some(Traffic::Replay(_)))
}

/// The recorder writing `path`, with the secrets of `credentials` registered so they are
/// scrubbed from anything that might echo them (the transport adds `Authorization` itself,
/// already redacted).
fn recorder(
    path: &Path,
    credentials: &Credentials,
) -> Result<Arc<mapi_http::replay::Recorder>, CliError> {
    use mapi_http::replay::Recorder;
    let recorder = match RECORDER.get() {
        Some(r) => Arc::clone(r),
        None => {
            let r = Arc::new(Recorder::create(path).map_err(|e| {
                CliError::new(
                    EXIT_CONFIG,
                    format!("cannot record to {}: {e}", path.display()),
                )
            })?);
            Arc::clone(RECORDER.get_or_init(|| r))
        }
    };
    match credentials {
        Credentials::Basic { password, .. }
        | Credentials::Ntlm { password, .. }
        | Credentials::Negotiate { password, .. } => recorder.add_secret(password.expose()),
        Credentials::Bearer { token } => recorder.add_secret(token.expose()),
        Credentials::Anonymous => {}
    }
    Ok(recorder)
}

/// The recording at `path`, read whole.
fn read_recording(path: &Path) -> Result<mapi_http::replay::Har, CliError> {
    let unreadable = |e: String| {
        CliError::new(
            crate::EXIT_NO_INPUT,
            format!("cannot replay {}: {e}", path.display()),
        )
    };
    let text = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    mapi_http::replay::Har::from_json(&text).map_err(|e| unreadable(e.to_string()))
}

/// Serves `har`: this tool's own recordings strictly, other clients' semantically; kept for
/// [`replay_leftover`].
fn replaying(har: mapi_http::replay::Har) -> Arc<mapi_http::replay::ReplayTransport> {
    use mapi_http::replay::{ReplayMode, ReplayTransport};
    let mode = if har.log.creator.name == env!("CARGO_PKG_NAME") {
        ReplayMode::Strict
    } else {
        ReplayMode::Semantic
    };
    tracing::info!(?mode, "replaying");
    Arc::clone(REPLAYING.get_or_init(|| Arc::new(ReplayTransport::new(har, mode))))
}

/// After a replayed command: what of the recording the command did not ask for, as a note
/// for stderr (a shorter command may replay a longer recording; saying so keeps a missing
/// step from going unnoticed). `None` when not replaying or when every step was served.
pub fn replay_leftover() -> Option<String> {
    use mapi_http::replay::ReplayError;
    match REPLAYING.get()?.finish() {
        Err(ReplayError::Unused {
            step,
            request_type,
            more,
        }) => Some(format!(
            "note: the recording holds {} step(s) this command did not ask for, from step \
             {step} ({request_type})",
            more + 1
        )),
        // A divergence already failed the request it happened on.
        _ => None,
    }
}

/// Sets where the exchanges go; only the first call counts.
pub fn set_traffic(traffic: Traffic) {
    let _ = TRAFFIC.set(traffic);
}

/// Logs on from a recording: the endpoints are the options' or else the recording's own (its
/// first Connect's URL and UserDn), credentials are not needed. This tool's own recordings
/// replay strictly; other clients' semantically (endpoints, request types, ROP sequence).
async fn logon_from_recording(args: &ConnectArgs, path: &Path) -> Result<Session, CliError> {
    use mapi_http::wire::Wire as _;
    use mapi_http::wire::mapihttp::ConnectRequest;
    let unreadable = |e: String| {
        CliError::new(
            crate::EXIT_NO_INPUT,
            format!("cannot replay {}: {e}", path.display()),
        )
    };
    let har = read_recording(path)?;
    let connect = har
        .log
        .entries
        .iter()
        .find(|e| e.request.header("x-requesttype") == Some("Connect"));
    let w = from_args(args)?;
    let mailbox_url = w
        .mailbox_url
        .or_else(|| connect.map(|e| e.request.url.clone()))
        .ok_or_else(|| unreadable("it holds no Connect and no --mailbox-url was given".into()))?;
    let user_dn = match w.user_dn {
        Some(dn) => dn,
        None => connect
            .and_then(|e| e.request.body().ok())
            .and_then(|b| ConnectRequest::from_bytes(&b).ok())
            .map(|c| c.user_dn)
            .ok_or_else(|| {
                unreadable("its Connect has no readable UserDn; give --user-dn".into())
            })?,
    };
    tracing::info!(file = %path.display(), "replaying a session");
    let mut endpoints = Endpoints::new(mailbox_url, user_dn);
    endpoints.address_book_url = w.addressbook_url;
    endpoints.smtp_address = w.email;
    let replay = replaying(har);
    Session::logon_with_transport(endpoints, replay, LogonOptions::default())
        .await
        .map_err(|e| CliError::client("logon (replayed)", e))
}

/// Resolves the options and logs on.
pub async fn logon(args: &ConnectArgs) -> Result<Session, CliError> {
    if let Some(Traffic::Replay(path)) = TRAFFIC.get() {
        return logon_from_recording(args, path).await;
    }
    let target = resolve(args).await?;
    tracing::info!(
        url = %target.endpoints.mailbox_url,
        user_dn = %target.endpoints.user_dn,
        auth = target.auth.name(),
        "logging on"
    );
    let who = target
        .login
        .clone()
        .unwrap_or_else(|| target.endpoints.user_dn.clone());
    let session = match TRAFFIC.get() {
        Some(Traffic::Record(path)) => {
            use mapi_http::replay::RecordingTransport;
            let recorder = recorder(path, &target.credentials)?;
            let network = HttpTransport::new(target.credentials, target.options.transport.clone())
                .map_err(|e| CliError::client("starting the transport", e.into()))?;
            let transport = RecordingTransport::new(network, recorder);
            Session::logon_with_transport(target.endpoints, transport, target.options).await
        }
        _ => Session::logon(target.endpoints, target.credentials, target.options).await,
    }
    .map_err(|e| CliError::client(&format!("logon as {who}"), e))?;
    tracing::info!(requests = session.stats().http_requests, "logged on");
    Ok(session)
}
