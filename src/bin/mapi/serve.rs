//! `mapi serve`: the emulator as a standalone MAPI/HTTP server.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::ServerConfig;
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig};

/// Run the built-in Exchange emulator until interrupted.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    /// Users file (TOML; see the README). Default: the demo users and a generated address
    /// book.
    #[arg(long)]
    users: Option<PathBuf>,
    /// Seed of the generated mailbox content (and of the demo passwords).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Accept requests without credentials as this login (for clients without auth).
    #[arg(long, value_name = "LOGIN")]
    anonymous: Option<String>,
}

pub fn run(args: ServeArgs) -> ExitCode {
    match serve(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mapi serve: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let (users, populated) = match &args.users {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let users =
                Users::from_toml(&text).with_context(|| format!("in {}", path.display()))?;
            let n = users.len();
            (users, n)
        }
        None => (Users::demo_seeded(args.seed), 5),
    };
    let schemes = AuthSchemes {
        anonymous: args.anonymous.clone(),
        ..AuthSchemes::all()
    };
    let config = EmulatorConfig {
        server: ServerConfig {
            listen: args.listen,
            ..ServerConfig::default()
        },
        users,
        populated,
        seed: args.seed,
        schemes,
        server_name: "EMULATOR".into(),
    };
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async move {
        let emulator = Emulator::start(config)
            .await
            .context("starting the emulator")?;
        println!("mapi emulator listening on {}", emulator.base_url());
        println!("autodiscover: {}", emulator.autodiscover_url());
        for entry in emulator.users().entries().iter().take(populated) {
            let user = &entry.user;
            println!();
            println!("user:         {}", user.login);
            println!("password:     {}", user.password);
            println!("smtp:         {}", user.smtp_address);
            println!("legacy DN:    {}", user.legacy_dn);
            if let Some(url) = emulator.mailbox_url(&user.login) {
                println!("mailbox:      {url}");
            }
            if let Some(url) = emulator.address_book_url(&user.login) {
                println!("address book: {url}");
            }
        }
        let rest = emulator.users().len().saturating_sub(populated);
        if rest > 0 {
            println!("\n(+{rest} address-book users without listed passwords)");
        }
        println!("\nPress Ctrl-C to stop.");
        tokio::signal::ctrl_c()
            .await
            .context("waiting for Ctrl-C")?;
        emulator.shutdown().await;
        Ok(())
    })
}
