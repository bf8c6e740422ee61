//! `mapi`: the command-line tool over the mapi-http library.

mod render;

fn main() {
    let _ = render::text;
    eprintln!("mapi: the decode command is being wired up");
    std::process::exit(2);
}
