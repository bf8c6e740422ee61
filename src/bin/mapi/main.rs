//! `mapi`: the command-line tool over the mapi-http library.

mod ab;
mod commands;
mod connect;
mod decode;
mod demo;
mod discover;
mod fail;
mod profiles;
mod render;
mod serve;
mod show;

use std::process::ExitCode;

use clap::{ArgAction, Parser, Subcommand};

/// Exit code for input that does not decode (sysexits EX_DATAERR), distinct from clap's 2 for
/// usage errors.
pub const EXIT_MALFORMED: u8 = 65;
/// Exit code for input that cannot be read (sysexits EX_NOINPUT).
pub const EXIT_NO_INPUT: u8 = 66;

/// Talk to Microsoft Exchange over MAPI/HTTP, or take its traffic apart.
#[derive(Parser)]
#[command(name = "mapi", version, about, after_help = fail::EXIT_CODES_HELP)]
struct Cli {
    /// Print one JSON document on standard output instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// Log what the tool does to standard error (-v steps, -vv details).
    #[arg(short, long, global = true, action = ArgAction::Count)]
    verbose: u8,
    /// Write every HTTP exchange of the session to FILE (HAR 1.2); the password, token and
    /// cookie values are masked before anything reaches the disk.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "replay")]
    record: Option<std::path::PathBuf>,
    /// Answer the session from a HAR recording instead of the network (strictly for this
    /// tool's own recordings, by request types and ROPs for other clients'); the endpoints
    /// default to the recording's.
    #[arg(long, global = true, value_name = "FILE")]
    replay: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the built-in emulator and run a whole session against it: logon, identity,
    /// status, stores, the address book, folders, the Inbox, logoff.
    Demo(demo::DemoArgs),
    /// Log on, say who and where, log off.
    Logon(connect::ConnectArgs),
    /// The session's identity (display name, DN, PR_IDENTITY_ENTRYID, PR_IDENTITY_SEARCH_KEY).
    Whoami(connect::ConnectArgs),
    /// The status table (IMAPISession::GetStatusTable).
    Status(connect::ConnectArgs),
    /// The message stores table (IMAPISession::GetMsgStoresTable).
    Stores(connect::ConnectArgs),
    /// The folder tree of a store's IPM subtree, with item counts.
    Folders(commands::FoldersArgs),
    /// The contents table of a folder (by path such as `Inbox/Sub`, or a hex entry ID).
    Ls(commands::LsArgs),
    /// Every property of the store, or of a folder.
    Props(commands::PropsArgs),
    /// The address book: containers, browsing, name resolution, entry details (NSPI).
    #[command(subcommand)]
    Ab(ab::AbCommand),
    /// Find a mailbox's MAPI/HTTP endpoints from an e-mail address (POX autodiscover).
    Autodiscover(discover::AutodiscoverArgs),
    /// Saved connection profiles (no secrets are stored).
    #[command(subcommand)]
    Profile(profiles::ProfileCommand),
    /// Decode a MAPI/HTTP body (raw or hex) and print it as text or JSON.
    Decode(decode::DecodeArgs),
    /// Run the built-in Exchange emulator (mailbox endpoint and autodiscover) until Ctrl-C.
    Serve(serve::ServeArgs),
}

/// Options every command sees.
#[derive(Clone, Copy, Debug)]
pub struct Global {
    /// `--json`.
    pub json: bool,
}

fn init_tracing(verbose: u8) {
    let level = match verbose {
        0 => return,
        1 => tracing::Level::INFO,
        _ => tracing::Level::DEBUG,
    };
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.verbose);
    let global = Global { json: cli.json };
    let traffic = match (cli.record, cli.replay) {
        (Some(path), _) => Some(connect::Traffic::Record(path)),
        (None, Some(path)) => Some(connect::Traffic::Replay(path)),
        (None, None) => None,
    };
    if let Some(traffic) = traffic {
        // Only the commands that talk to a server go through the recordable transports;
        // saying so beats a recording that silently stays empty.
        let session_command = matches!(
            cli.command,
            Command::Logon(_)
                | Command::Whoami(_)
                | Command::Status(_)
                | Command::Stores(_)
                | Command::Folders(_)
                | Command::Ls(_)
                | Command::Props(_)
                | Command::Ab(_)
                | Command::Autodiscover(_)
        );
        if !session_command {
            return fail::exit(Err(fail::CliError::usage(
                "--record and --replay apply to the commands that talk to a server (logon, \
                 whoami, status, stores, folders, ls, props, ab, autodiscover)",
            )));
        }
        connect::set_traffic(traffic);
    }
    match cli.command {
        Command::Decode(args) => decode::run(args, global.json),
        Command::Serve(args) => serve::run(args),
        Command::Demo(args) => fail::exit(demo::run(args, global)),
        Command::Logon(args) => fail::exit(commands::run(commands::Which::Logon, args, global)),
        Command::Whoami(args) => fail::exit(commands::run(commands::Which::Whoami, args, global)),
        Command::Status(args) => fail::exit(commands::run(commands::Which::Status, args, global)),
        Command::Stores(args) => fail::exit(commands::run(commands::Which::Stores, args, global)),
        Command::Folders(args) => fail::exit(commands::folders(args, global)),
        Command::Ls(args) => fail::exit(commands::ls(args, global)),
        Command::Props(args) => fail::exit(commands::props(args, global)),
        Command::Ab(cmd) => fail::exit(ab::run(cmd, global)),
        Command::Autodiscover(args) => fail::exit(discover::run(args, global)),
        Command::Profile(cmd) => fail::exit(profiles::run(cmd, global)),
    }
}
