//! `mapi autodiscover`: POX autodiscover for an address, printed.

use clap::Args;
use mapi_http::autodiscover::Settings;
use serde_json::json;

use crate::Global;
use crate::commands::runtime;
use crate::connect::{self, ConnectArgs};
use crate::fail::CliError;
use crate::show;

/// `mapi autodiscover EMAIL`.
#[derive(Args, Debug)]
pub struct AutodiscoverArgs {
    /// The e-mail address to look up.
    email: String,
    /// Ask this autodiscover URL first (a configured server or a test server).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Authentication for the autodiscover request: basic or bearer (NTLM and Negotiate are
    /// not run for autodiscover). Default: bearer when a token is given, basic otherwise.
    #[arg(long, value_enum, value_name = "SCHEME")]
    auth: Option<connect::AuthKind>,
    /// Login for Basic (default: the address).
    #[arg(long, value_name = "LOGIN")]
    user: Option<String>,
    /// Allow Basic credentials over plain http://.
    #[arg(long)]
    insecure_http: bool,
    /// Run CMD with `sh -c` and use the first line of its output as the password.
    #[arg(long, value_name = "CMD")]
    password_command: Option<String>,
    /// Run CMD with `sh -c` and use the first line of its output as the bearer token.
    #[arg(long, value_name = "CMD")]
    token_command: Option<String>,
}

/// Runs `mapi autodiscover`.
pub fn run(args: AutodiscoverArgs, g: Global) -> Result<(), CliError> {
    let connect_args = ConnectArgs {
        email: Some(args.email.clone()),
        autodiscover_url: args.url.clone(),
        // Endpoints are what is being looked for: give placeholders so resolution stops
        // before discovering, then discover here.
        mailbox_url: Some(args.url.clone().unwrap_or_default()),
        user_dn: Some(String::new()),
        user: args.user.clone(),
        auth: args.auth,
        insecure_http: args.insecure_http,
        password_command: args.password_command.clone(),
        token_command: args.token_command.clone(),
        ..ConnectArgs::default()
    };
    runtime()?.block_on(async move {
        // A replay needs no credentials: the recording answers.
        let (credentials, transport) = if connect::replaying_now() {
            (
                mapi_http::transport::Credentials::Anonymous,
                mapi_http::transport::TransportConfig::default(),
            )
        } else {
            let target = connect::resolve(&connect_args).await?;
            (target.credentials, target.options.transport)
        };
        let settings =
            connect::discover(&args.email, args.url.as_deref(), &credentials, &transport).await;
        if let Some(note) = connect::replay_leftover() {
            eprintln!("{note}");
        }
        let settings = settings?;
        if g.json {
            show::print_json(&settings_json(&settings));
        } else {
            print!("{}", settings_text(&settings));
        }
        Ok(())
    })
}

fn settings_json(s: &Settings) -> serde_json::Value {
    json!({
        "display_name": s.display_name,
        "legacy_dn": s.legacy_dn,
        "smtp_address": s.smtp_address,
        "deployment_id": s.deployment_id,
        "mapi_http_version": s.mapi_http_version,
        "mailbox": { "internal": s.mailbox.internal, "external": s.mailbox.external },
        "address_book": {
            "internal": s.address_book.internal,
            "external": s.address_book.external,
        },
    })
}

fn settings_text(s: &Settings) -> String {
    let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    show::fields(&[
        ("Display name", o(&s.display_name)),
        ("Legacy DN", o(&s.legacy_dn)),
        ("SMTP address", o(&s.smtp_address)),
        ("Mailbox URL (internal)", o(&s.mailbox.internal)),
        ("Mailbox URL (external)", o(&s.mailbox.external)),
        ("Address book URL (internal)", o(&s.address_book.internal)),
        ("Address book URL (external)", o(&s.address_book.external)),
        (
            "MAPI/HTTP version",
            s.mapi_http_version
                .map(|v| v.to_string())
                .unwrap_or_else(|| "-".into()),
        ),
    ])
}
