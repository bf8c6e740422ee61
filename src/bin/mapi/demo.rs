//! `mapi demo`: the emulator in-process and a whole session against it through the public
//! client API, printed as a report.

use clap::Args;
use mapi_http::client::{Endpoints, LogonOptions, Session, SessionStats};
use mapi_http::emulator::auth::AuthSchemes;
use mapi_http::emulator::server::{AnonymousPolicy, ServerConfig};
use mapi_http::emulator::users::Users;
use mapi_http::emulator::{Emulator, EmulatorConfig};
use mapi_http::transport::Credentials;
use serde_json::json;

use crate::Global;
use crate::ab;
use crate::commands::{self, runtime};
use crate::fail::CliError;
use crate::show;

/// The demo user: anonymous requests are let in as this login.
const DEMO_LOGIN: &str = "alice";

/// `mapi demo`.
#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Seed of the generated mailbox content.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Inbox rows shown.
    #[arg(long, default_value_t = 10, value_name = "N")]
    limit: u32,
}

/// Runs the demo.
pub fn run(args: DemoArgs, g: Global) -> Result<(), CliError> {
    runtime()?.block_on(demo(args, g))
}

async fn demo(args: DemoArgs, g: Global) -> Result<(), CliError> {
    tracing::info!("starting the emulator");
    let emulator = Emulator::start(EmulatorConfig {
        server: ServerConfig::default().with_anonymous(AnonymousPolicy::Allow {
            login: DEMO_LOGIN.into(),
        }),
        users: Users::demo_seeded(args.seed),
        populated: 1,
        seed: args.seed,
        schemes: AuthSchemes::all(),
        server_name: "EMULATOR".into(),
    })
    .await
    .map_err(|e| CliError::other(format!("cannot start the emulator: {e}")))?;
    let result = session(&emulator, &args, g).await;
    emulator.shutdown().await;
    result
}

async fn session(emulator: &Emulator, args: &DemoArgs, g: Global) -> Result<(), CliError> {
    let user = emulator
        .user(DEMO_LOGIN)
        .ok_or_else(|| CliError::other("the demo directory has no alice"))?;
    let mut endpoints = Endpoints::new(
        emulator
            .mailbox_url(DEMO_LOGIN)
            .ok_or_else(|| CliError::other("no mailbox URL for alice"))?,
        user.legacy_dn.clone(),
    );
    endpoints.address_book_url = emulator.address_book_url(DEMO_LOGIN);
    endpoints.smtp_address = Some(user.smtp_address.clone());
    let text = !g.json;
    if text {
        println!("mapi demo: an in-process Exchange emulator and one session against it");
        print!("{}", show::heading("Server"));
        print!(
            "{}",
            show::fields(&[
                ("Emulator", emulator.base_url()),
                ("Autodiscover", emulator.autodiscover_url()),
                ("Mailbox URL", endpoints.mailbox_url.clone()),
                (
                    "Logging on as",
                    format!("{DEMO_LOGIN} (anonymous, let in as alice)")
                ),
            ])
        );
    }

    tracing::info!("logging on");
    let session = Session::logon(endpoints, Credentials::Anonymous, LogonOptions::default())
        .await
        .map_err(|e| CliError::client("logon", e))?;
    let logon_stats = session.stats();
    let result = report(&session, args, logon_stats, text).await;
    tracing::info!("logging off");
    let logoff = session.logoff().await;
    let total = session.stats();
    let doc = result?;
    logoff.map_err(|e| CliError::client("logoff", e))?;
    if text {
        print!("{}", show::heading("Logoff"));
        println!(
            "Logged off. The session took {} HTTP requests ({} Connect, {} Execute).",
            total.http_requests, total.connects, total.executes
        );
    } else {
        let mut doc = doc;
        doc["logoff"] = json!({ "stats": total });
        show::print_json(&doc);
    }
    Ok(())
}

/// The session's sections; printed as they come in text mode, gathered into one document
/// for `--json`.
async fn report(
    session: &Session,
    args: &DemoArgs,
    logon_stats: SessionStats,
    text: bool,
) -> Result<serde_json::Value, CliError> {
    let logon = commands::logon_info(session)?;
    if text {
        print!("{}", show::heading("Logon"));
        print!("{}", commands::logon_text(&logon));
        println!(
            "The logon took {} HTTP requests: Connect, then one Execute carrying RopLogon and \
             the store properties.",
            logon_stats.http_requests
        );
    }

    let identity = commands::identity(session);
    if text {
        print!("{}", show::heading("Identity (QueryIdentity)"));
        print!("{}", commands::identity_text(&identity));
    }

    tracing::info!("status table");
    let status = commands::status(session)?;
    if text {
        print!("{}", show::heading("Status table"));
        println!("{}", commands::status_text(&status));
    }

    tracing::info!("message stores table");
    let stores = commands::stores(session)?;
    if text {
        print!("{}", show::heading("Message stores"));
        println!("{}", commands::stores_text(&stores));
    }

    tracing::info!("address book");
    let ab = session
        .address_book()
        .await
        .map_err(|e| CliError::client("opening the address book", e))?;
    let containers = ab::containers(&ab).await?;
    let me = ab
        .me()
        .await
        .map_err(|e| CliError::client("the user's address book entry", e))?;
    // QueryIdentity's entry ID is the user's address book entry ID (the identity rule).
    let identity_is_gal_entry =
        me.entry_id() == Some(session.query_identity().entry_id_bytes().as_slice());
    if text {
        print!("{}", show::heading("Address book (NSPI)"));
        println!("{}", ab::hierarchy_text(&containers));
        print!(
            "{}",
            show::fields(&[
                ("Me", me.display_name().unwrap_or_default()),
                ("SMTP", me.smtp_address().unwrap_or_default()),
                ("Title", me.title().unwrap_or_default()),
                ("Department", me.department().unwrap_or_default()),
                (
                    "Identity",
                    if identity_is_gal_entry {
                        "PR_IDENTITY_ENTRYID is this entry's PR_ENTRYID".to_owned()
                    } else {
                        "PR_IDENTITY_ENTRYID differs from this entry's PR_ENTRYID".to_owned()
                    }
                ),
            ])
        );
    }

    tracing::info!("folder tree");
    let store = session
        .default_store()
        .map_err(|e| CliError::client("the default store", e))?;
    let folders = commands::folder_tree(&store).await?;
    if text {
        print!("{}", show::heading("Folders (IPM subtree)"));
        println!("{}", commands::folders_text(&folders));
    }

    tracing::info!("inbox contents");
    let inbox = store
        .open_folder(
            store
                .inbox_id()
                .map_err(|e| CliError::client("the Inbox", e))?,
        )
        .await
        .map_err(|e| CliError::client("opening the Inbox", e))?;
    let listing = commands::contents(&inbox, args.limit, false).await?;
    if text {
        print!("{}", show::heading("Inbox (newest first)"));
        print!("{}", commands::contents_text(&listing));
    }

    Ok(json!({
        "logon": { "info": logon, "stats": logon_stats },
        "identity": identity,
        "status": status,
        "stores": stores,
        "address_book": {
            "containers": containers,
            "me": ab::entry_json(&me),
            "identity_is_gal_entry": identity_is_gal_entry,
        },
        "folders": folders,
        "inbox": listing,
    }))
}
