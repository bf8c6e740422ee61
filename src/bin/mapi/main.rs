//! `mapi`: the command-line tool over the mapi-http library.

mod decode;
mod render;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code for input that does not decode (sysexits EX_DATAERR), distinct from clap's 2 for
/// usage errors.
pub const EXIT_MALFORMED: u8 = 65;
/// Exit code for input that cannot be read (sysexits EX_NOINPUT).
pub const EXIT_NO_INPUT: u8 = 66;

/// Talk to Microsoft Exchange over MAPI/HTTP, or take its traffic apart.
#[derive(Parser)]
#[command(name = "mapi", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decode a MAPI/HTTP body (raw or hex) and print it as text or JSON.
    Decode(decode::DecodeArgs),
    /// Run the built-in Exchange emulator (mailbox endpoint and autodiscover) until Ctrl-C.
    Serve(serve::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Decode(args) => decode::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
