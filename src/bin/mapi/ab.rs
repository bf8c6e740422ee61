//! `mapi ab`: the address book (NSPI on the address book endpoint) reached through the
//! session: its containers, browsing one, ambiguous name resolution, one entry's details.

use std::io::IsTerminal as _;

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use mapi_http::client::{AbContainer, AbEntry, AddressBook, Resolution};
use serde::Serialize;
use serde_json::{Value, json};

use crate::Global;
use crate::commands::{runtime, with_session};
use crate::connect::ConnectArgs;
use crate::fail::{CliError, EXIT_NO_USER};
use crate::show;

/// `mapi ab`.
#[derive(Subcommand, Debug)]
pub enum AbCommand {
    /// The address book containers (GetSpecialTable): the Global Address List and the lists
    /// below it.
    Hierarchy(HierarchyArgs),
    /// The entries of a container, a page at a time (QueryRows with STAT positions).
    List(ListArgs),
    /// Ambiguous name resolution (ResolveNames): each name resolves to one entry, several
    /// (listed), or none. Exit code 67 when any name does not resolve to exactly one entry.
    Resolve(ResolveArgs),
    /// Every property of one entry, by legacy DN, SMTP address or entry ID in hex; `me` for
    /// the logged-on user.
    Show(ShowArgs),
}

/// `mapi ab hierarchy`.
#[derive(Args, Debug)]
pub struct HierarchyArgs {
    #[command(flatten)]
    connect: ConnectArgs,
}

/// `mapi ab list`.
#[derive(Args, Debug)]
pub struct ListArgs {
    /// The container: its name as `mapi ab hierarchy` shows it (case ignored), or its
    /// container ID. Default: the Global Address List.
    container: Option<String>,
    /// Most entries shown (all when 0).
    #[arg(long, default_value_t = 50, value_name = "N")]
    limit: usize,
    /// Entries asked for per QueryRows.
    #[arg(long, default_value_t = 100, value_name = "N")]
    page_size: u32,
    #[command(flatten)]
    connect: ConnectArgs,
}

/// `mapi ab resolve`.
#[derive(Args, Debug)]
pub struct ResolveArgs {
    /// Names to resolve: display names or parts of them, aliases, SMTP addresses.
    #[arg(required = true)]
    names: Vec<String>,
    /// Most candidates listed for an ambiguous name.
    #[arg(long, default_value_t = 20, value_name = "N")]
    candidates: u32,
    #[command(flatten)]
    connect: ConnectArgs,
}

/// `mapi ab show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// A legacy DN (`/o=...`), an SMTP address, an address book entry ID in hex, or `me`.
    entry: String,
    #[command(flatten)]
    connect: ConnectArgs,
}

/// Runs one `mapi ab` command.
pub fn run(command: AbCommand, g: Global) -> Result<(), CliError> {
    let connect = match &command {
        AbCommand::Hierarchy(a) => &a.connect,
        AbCommand::List(a) => &a.connect,
        AbCommand::Resolve(a) => &a.connect,
        AbCommand::Show(a) => &a.connect,
    }
    .clone();
    runtime()?.block_on(with_session(&connect, |session| async move {
        let ab = session
            .address_book()
            .await
            .map_err(|e| CliError::client("opening the address book", e))?;
        match command {
            AbCommand::Hierarchy(_) => hierarchy(&ab, g).await,
            AbCommand::List(args) => list(&ab, args, g).await,
            AbCommand::Resolve(args) => resolve(&ab, args, g).await,
            AbCommand::Show(args) => show_entry(&ab, &args.entry, g).await,
        }
    }))
}

/// One container as printed.
#[derive(Debug, Serialize)]
pub struct ContainerInfo {
    /// PidTagDisplayName.
    pub name: String,
    /// PidTagAddressBookContainerId (what `mapi ab list` takes).
    pub id: u32,
    /// PidTagDepth.
    pub depth: u32,
    /// PidTagContainerFlags.
    pub flags: u32,
}

impl From<&AbContainer> for ContainerInfo {
    fn from(c: &AbContainer) -> Self {
        ContainerInfo {
            name: c.display_name.clone(),
            id: c.container_id,
            depth: c.depth,
            flags: c.flags,
        }
    }
}

/// The containers as an indented table.
pub fn hierarchy_text(rows: &[ContainerInfo]) -> String {
    show::table(
        &["Container", "ID", "Flags"],
        &rows
            .iter()
            .map(|c| {
                vec![
                    format!("{}{}", "  ".repeat(c.depth as usize), c.name),
                    c.id.to_string(),
                    format!("0x{:X}", c.flags),
                ]
            })
            .collect::<Vec<_>>(),
    )
}

/// The address book's containers.
pub async fn containers(ab: &AddressBook) -> Result<Vec<ContainerInfo>, CliError> {
    let rows = ab
        .hierarchy()
        .await
        .map_err(|e| CliError::client("GetSpecialTable", e))?;
    Ok(rows.iter().map(ContainerInfo::from).collect())
}

async fn hierarchy(ab: &AddressBook, g: Global) -> Result<(), CliError> {
    let rows = containers(ab).await?;
    if g.json {
        show::print_json(&json!({ "containers": rows }));
    } else {
        println!("{}", hierarchy_text(&rows));
    }
    Ok(())
}

/// One entry as a list row.
#[derive(Debug, Serialize)]
pub struct EntryInfo {
    /// PidTagDisplayName.
    pub name: Option<String>,
    /// PidTagSmtpAddress.
    pub smtp: Option<String>,
    /// PidTagTitle.
    pub title: Option<String>,
    /// PidTagDepartmentName.
    pub department: Option<String>,
    /// PidTagBusinessTelephoneNumber.
    pub phone: Option<String>,
    /// The legacy DN.
    pub dn: Option<String>,
}

impl From<&AbEntry> for EntryInfo {
    fn from(e: &AbEntry) -> Self {
        EntryInfo {
            name: e.display_name(),
            smtp: e.smtp_address(),
            title: e.title(),
            department: e.department(),
            phone: e.business_phone(),
            dn: e.dn(),
        }
    }
}

/// Entries as a table.
pub fn entries_text(rows: &[EntryInfo]) -> String {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    show::table(
        &["Name", "SMTP address", "Title", "Department", "Phone"],
        &rows
            .iter()
            .map(|e| {
                vec![
                    s(&e.name),
                    s(&e.smtp),
                    s(&e.title),
                    s(&e.department),
                    s(&e.phone),
                ]
            })
            .collect::<Vec<_>>(),
    )
}

/// The container `which` names (a name or an ID; the GAL when `None`).
async fn container(ab: &AddressBook, which: Option<&str>) -> Result<ContainerInfo, CliError> {
    let all = containers(ab).await?;
    let found = match which {
        None => all.into_iter().find(|c| c.id == 0),
        Some(w) => {
            let by_id = w.parse::<u32>().ok();
            all.into_iter()
                .find(|c| Some(c.id) == by_id || c.name.eq_ignore_ascii_case(w.trim()))
        }
    };
    found.ok_or_else(|| {
        CliError::not_found(format!(
            "no address book container {:?} (see `mapi ab hierarchy`)",
            which.unwrap_or("Global Address List")
        ))
    })
}

async fn list(ab: &AddressBook, args: ListArgs, g: Global) -> Result<(), CliError> {
    let container = container(ab, args.container.as_deref()).await?;
    let limit = (args.limit > 0).then_some(args.limit);
    let mut pages = ab.pages(container.id, args.page_size.clamp(1, 1000));
    let mut rows: Vec<EntryInfo> = Vec::new();
    let bar = (!g.json && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} entries")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    while let Some(page) = pages
        .next_page()
        .await
        .map_err(|e| CliError::client("QueryRows", e))?
    {
        rows.extend(page.iter().map(EntryInfo::from));
        if let (Some(bar), Some(total)) = (&bar, pages.total()) {
            bar.set_length(u64::from(total));
            bar.set_position(rows.len() as u64);
        }
        if limit.is_some_and(|l| rows.len() >= l) {
            break;
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(l) = limit {
        rows.truncate(l);
    }
    let total = pages.total();
    if g.json {
        show::print_json(&json!({
            "container": container,
            "total": total,
            "entries": rows,
        }));
    } else {
        println!(
            "{} ({} entries{})",
            container.name,
            total.map_or_else(|| "?".to_owned(), |t| t.to_string()),
            if rows.len() < total.unwrap_or(0) as usize {
                format!(", first {} shown", rows.len())
            } else {
                String::new()
            }
        );
        println!("{}", entries_text(&rows));
    }
    Ok(())
}

async fn resolve(ab: &AddressBook, args: ResolveArgs, g: Global) -> Result<(), CliError> {
    let names: Vec<&str> = args.names.iter().map(String::as_str).collect();
    let results = ab
        .resolve_names(&names)
        .await
        .map_err(|e| CliError::client("ResolveNames", e))?;
    let mut docs = Vec::new();
    let mut unresolved = 0usize;
    for r in &results {
        let (status, entries) = match &r.resolution {
            Resolution::Resolved(entry) => ("resolved", vec![EntryInfo::from(entry)]),
            Resolution::Ambiguous => {
                unresolved += 1;
                let candidates = ab
                    .anr_matches(&r.name, args.candidates)
                    .await
                    .unwrap_or_default();
                (
                    "ambiguous",
                    candidates.iter().map(EntryInfo::from).collect(),
                )
            }
            Resolution::Unresolved => {
                unresolved += 1;
                ("unresolved", Vec::new())
            }
        };
        if !g.json {
            match status {
                "resolved" => println!("{}: resolved", r.name),
                "ambiguous" => {
                    println!("{}: ambiguous ({} candidates shown)", r.name, entries.len())
                }
                _ => println!("{}: no match", r.name),
            }
            if !entries.is_empty() {
                println!("{}", entries_text(&entries));
            }
        }
        docs.push(json!({ "name": r.name, "status": status, "entries": entries }));
    }
    if g.json {
        show::print_json(&json!({ "names": docs }));
    }
    if unresolved > 0 {
        return Err(CliError::new(
            EXIT_NO_USER,
            format!(
                "{unresolved} of {} names did not resolve to exactly one entry",
                results.len()
            ),
        ));
    }
    Ok(())
}

/// Every property of `entry` as JSON (`{"name": ..., "props": [...]}`).
pub fn entry_json(entry: &AbEntry) -> Value {
    json!({
        "name": entry.display_name(),
        "smtp": entry.smtp_address(),
        "dn": entry.dn(),
        "mid": entry.mid(),
        "entry_id": entry.entry_id().map(show::hex),
        "props": entry.props().values.iter().map(show::prop_json).collect::<Vec<_>>(),
    })
}

async fn show_entry(ab: &AddressBook, key: &str, g: Global) -> Result<(), CliError> {
    let entry = if key.eq_ignore_ascii_case("me") {
        ab.me().await
    } else {
        ab.lookup(key).await
    }
    .map_err(|e| CliError::client(&format!("looking up {key}"), e))?;
    if g.json {
        show::print_json(&entry_json(&entry));
    } else {
        let rows: Vec<Vec<String>> = entry
            .props()
            .values
            .iter()
            .map(|p| vec![show::tag_name(p.tag), show::value_text(&p.value, true)])
            .collect();
        println!("{}", entry.display_name().unwrap_or_default());
        println!("{}", show::table(&["Property", "Value"], &rows));
    }
    Ok(())
}
