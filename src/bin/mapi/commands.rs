//! The session commands (`logon`, `whoami`, `status`, `stores`, `folders`, `ls`, `props`) and
//! the pieces of a session report they share with `mapi demo`.

use std::io::IsTerminal as _;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use mapi_http::client::{ClientError, Folder, MsgStore, OpenedEntry, Session, StoreKind, StoreRef};
use mapi_http::session::status::{ResourceFlags, ResourceType, StatusCode};
use mapi_http::wire::entry_id::FolderId;
use mapi_http::wire::property::{PropertyTag, tags as t};
use serde::Serialize;
use serde_json::{Value, json};

use crate::Global;
use crate::connect::{self, ConnectArgs};
use crate::fail::CliError;
use crate::show;

/// Which simple session command.
#[derive(Clone, Copy, Debug)]
pub enum Which {
    /// `mapi logon`.
    Logon,
    /// `mapi whoami`.
    Whoami,
    /// `mapi status`.
    Status,
    /// `mapi stores`.
    Stores,
}

/// `mapi folders`.
#[derive(Args, Debug)]
pub struct FoldersArgs {
    /// Which store: `public` for the public folders, or another mailbox's legacy DN. Default:
    /// the user's own mailbox.
    #[arg(long, value_name = "public|DN")]
    store: Option<String>,
    #[command(flatten)]
    connect: ConnectArgs,
}

/// `mapi ls`.
#[derive(Args, Debug)]
pub struct LsArgs {
    /// The folder: a path under the top of the mailbox (`Inbox`, `Inbox/Projects`, names
    /// compared ignoring case), or a folder entry ID in hex.
    folder: String,
    /// Most rows shown.
    #[arg(long, default_value_t = 50, value_name = "N")]
    limit: u32,
    #[command(flatten)]
    connect: ConnectArgs,
}

/// `mapi props`.
#[derive(Args, Debug)]
pub struct PropsArgs {
    /// A folder (path or hex entry ID, as for `ls`); without it, the store's properties.
    folder: Option<String>,
    #[command(flatten)]
    connect: ConnectArgs,
}

/// A multi-threaded runtime for one command.
pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| CliError::other(format!("cannot start the async runtime: {e}")))
}

/// Logs on, runs `body`, logs off (also when `body` failed), and gives `body`'s result.
pub async fn with_session<F, Fut>(args: &ConnectArgs, body: F) -> Result<(), CliError>
where
    F: FnOnce(Session) -> Fut,
    Fut: std::future::Future<Output = Result<(), CliError>>,
{
    let session = connect::logon(args).await?;
    let result = body(session.clone()).await;
    tracing::info!("logging off");
    let outcome = match session.logoff().await {
        Err(e) if result.is_ok() => Err(CliError::client("logoff", e)),
        _ => result,
    };
    if let Some(note) = connect::replay_leftover() {
        eprintln!("{note}");
    }
    outcome
}

/// Runs `logon`, `whoami`, `status` or `stores`.
pub fn run(which: Which, args: ConnectArgs, g: Global) -> Result<(), CliError> {
    runtime()?.block_on(with_session(&args, |session| async move {
        match which {
            Which::Logon => {
                let info = logon_info(&session)?;
                if g.json {
                    show::print_json(&json!(info));
                } else {
                    print!("{}", logon_text(&info));
                    println!("Logged off.");
                }
            }
            Which::Whoami => {
                let id = identity(&session);
                if g.json {
                    show::print_json(&json!(id));
                } else {
                    print!("{}", identity_text(&id));
                }
            }
            Which::Status => {
                let rows = status(&session)?;
                if g.json {
                    show::print_json(&json!(rows));
                } else {
                    println!("{}", status_text(&rows));
                }
            }
            Which::Stores => {
                let rows = stores(&session)?;
                if g.json {
                    show::print_json(&json!(rows));
                } else {
                    println!("{}", stores_text(&rows));
                }
            }
        }
        Ok(())
    }))
}

/// What `mapi logon` reports.
#[derive(Debug, Serialize)]
pub struct LogonInfo {
    /// The user's display name.
    pub display_name: String,
    /// The user's legacy DN.
    pub user_dn: String,
    /// The server's host name.
    pub server: String,
    /// The mailbox URL.
    pub mailbox_url: String,
    /// The default store's display name.
    pub store: String,
    /// HTTP requests the logon took.
    pub http_requests: u64,
}

/// The logon summary.
pub fn logon_info(session: &Session) -> Result<LogonInfo, CliError> {
    let url = session.endpoints().mailbox_url.clone();
    let server = reqwest::Url::parse(&url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| u.port().map_or(h.to_owned(), |p| format!("{h}:{p}")))
        })
        .unwrap_or_default();
    let store = session
        .default_store()
        .map_err(|e| CliError::client("the default store", e))?;
    Ok(LogonInfo {
        display_name: session.query_identity().display_name().to_owned(),
        user_dn: session.query_identity().user_dn().to_owned(),
        server,
        mailbox_url: url,
        store: store.display_name().to_owned(),
        http_requests: session.stats().http_requests,
    })
}

/// The logon summary as text.
pub fn logon_text(i: &LogonInfo) -> String {
    show::fields(&[
        (
            "Logged on as",
            format!("{} ({})", i.display_name, i.user_dn),
        ),
        ("Server", i.server.clone()),
        ("Mailbox URL", i.mailbox_url.clone()),
        ("Store", i.store.clone()),
        ("HTTP requests", i.http_requests.to_string()),
    ])
}

/// The session's primary identity (IMAPISession::QueryIdentity).
#[derive(Debug, Serialize)]
pub struct IdentityInfo {
    /// PR_IDENTITY_DISPLAY.
    pub display_name: String,
    /// The legacy DN.
    pub user_dn: String,
    /// The SMTP address, when known from the options.
    pub smtp_address: Option<String>,
    /// PR_IDENTITY_ENTRYID, hex.
    pub entry_id: String,
    /// PR_IDENTITY_SEARCH_KEY, hex.
    pub search_key: String,
}

/// The identity of `session`.
pub fn identity(session: &Session) -> IdentityInfo {
    let id = session.query_identity();
    IdentityInfo {
        display_name: id.display_name().to_owned(),
        user_dn: id.user_dn().to_owned(),
        smtp_address: session.endpoints().smtp_address.clone(),
        entry_id: show::hex(&id.entry_id_bytes()),
        search_key: show::hex(&id.search_key()),
    }
}

/// The identity as text.
pub fn identity_text(i: &IdentityInfo) -> String {
    let mut items = vec![
        ("Display name", i.display_name.clone()),
        ("DN", i.user_dn.clone()),
    ];
    if let Some(smtp) = &i.smtp_address {
        items.push(("SMTP address", smtp.clone()));
    }
    items.push(("PR_IDENTITY_ENTRYID", i.entry_id.clone()));
    items.push(("PR_IDENTITY_SEARCH_KEY", i.search_key.clone()));
    show::fields(&items)
}

/// One row of the status table (the Outlook MAPI reference, "Status Tables").
#[derive(Debug, Serialize)]
pub struct StatusInfo {
    /// PR_DISPLAY_NAME.
    pub display_name: String,
    /// PR_PROVIDER_DISPLAY.
    pub provider: String,
    /// PR_PROVIDER_DLL_NAME.
    pub provider_dll: String,
    /// PR_RESOURCE_TYPE, by name (MAPI_STORE_PROVIDER ...).
    pub resource_type: String,
    /// PR_STATUS_CODE.
    pub status_code: u32,
    /// The bits of PR_STATUS_CODE, by name.
    pub status: Vec<&'static str>,
    /// PR_STATUS_STRING.
    pub status_string: String,
    /// PR_RESOURCE_FLAGS.
    pub resource_flags: u32,
    /// The bits of PR_RESOURCE_FLAGS, by name (STATUS_PRIMARY_IDENTITY ...).
    pub flags: Vec<&'static str>,
    /// PR_IDENTITY_DISPLAY, on the row that provides the identity.
    pub identity: Option<String>,
}

const RESOURCE_TYPES: [(ResourceType, &str); 8] = [
    (ResourceType::MAPI_STORE_PROVIDER, "MAPI_STORE_PROVIDER"),
    (ResourceType::MAPI_AB, "MAPI_AB"),
    (ResourceType::MAPI_AB_PROVIDER, "MAPI_AB_PROVIDER"),
    (
        ResourceType::MAPI_TRANSPORT_PROVIDER,
        "MAPI_TRANSPORT_PROVIDER",
    ),
    (ResourceType::MAPI_SPOOLER, "MAPI_SPOOLER"),
    (ResourceType::MAPI_PROFILE_PROVIDER, "MAPI_PROFILE_PROVIDER"),
    (ResourceType::MAPI_SUBSYSTEM, "MAPI_SUBSYSTEM"),
    (ResourceType::MAPI_HOOK_PROVIDER, "MAPI_HOOK_PROVIDER"),
];

const RESOURCE_FLAGS: [(ResourceFlags, &str); 12] = [
    (
        ResourceFlags::STATUS_DEFAULT_OUTBOUND,
        "STATUS_DEFAULT_OUTBOUND",
    ),
    (ResourceFlags::STATUS_DEFAULT_STORE, "STATUS_DEFAULT_STORE"),
    (
        ResourceFlags::STATUS_PRIMARY_IDENTITY,
        "STATUS_PRIMARY_IDENTITY",
    ),
    (ResourceFlags::STATUS_SIMPLE_STORE, "STATUS_SIMPLE_STORE"),
    (
        ResourceFlags::STATUS_XP_PREFER_LAST,
        "STATUS_XP_PREFER_LAST",
    ),
    (
        ResourceFlags::STATUS_NO_PRIMARY_IDENTITY,
        "STATUS_NO_PRIMARY_IDENTITY",
    ),
    (
        ResourceFlags::STATUS_NO_DEFAULT_STORE,
        "STATUS_NO_DEFAULT_STORE",
    ),
    (ResourceFlags::STATUS_TEMP_SECTION, "STATUS_TEMP_SECTION"),
    (ResourceFlags::STATUS_OWN_STORE, "STATUS_OWN_STORE"),
    (ResourceFlags::STATUS_NEED_IPM_TREE, "STATUS_NEED_IPM_TREE"),
    (ResourceFlags::STATUS_PRIMARY_STORE, "STATUS_PRIMARY_STORE"),
    (
        ResourceFlags::STATUS_SECONDARY_STORE,
        "STATUS_SECONDARY_STORE",
    ),
];

const STATUS_CODES: [(StatusCode, &str); 10] = [
    (StatusCode::STATUS_AVAILABLE, "STATUS_AVAILABLE"),
    (StatusCode::STATUS_OFFLINE, "STATUS_OFFLINE"),
    (StatusCode::STATUS_FAILURE, "STATUS_FAILURE"),
    (StatusCode::STATUS_INBOUND_ENABLED, "STATUS_INBOUND_ENABLED"),
    (StatusCode::STATUS_INBOUND_ACTIVE, "STATUS_INBOUND_ACTIVE"),
    (StatusCode::STATUS_INBOUND_FLUSH, "STATUS_INBOUND_FLUSH"),
    (
        StatusCode::STATUS_OUTBOUND_ENABLED,
        "STATUS_OUTBOUND_ENABLED",
    ),
    (StatusCode::STATUS_OUTBOUND_ACTIVE, "STATUS_OUTBOUND_ACTIVE"),
    (StatusCode::STATUS_OUTBOUND_FLUSH, "STATUS_OUTBOUND_FLUSH"),
    (StatusCode::STATUS_REMOTE_ACCESS, "STATUS_REMOTE_ACCESS"),
];

/// The names of the bits of `value` that `names` knows.
fn bit_names<T: Copy>(
    value: u32,
    names: &[(T, &'static str)],
    bits: impl Fn(T) -> u32,
) -> Vec<&'static str> {
    names
        .iter()
        .filter(|(f, _)| bits(*f) != 0 && value & bits(*f) == bits(*f))
        .map(|(_, n)| *n)
        .collect()
}

/// The status table (IMAPISession::GetStatusTable).
pub fn status(session: &Session) -> Result<Vec<StatusInfo>, CliError> {
    Ok(session
        .status_table()
        .iter()
        .map(|r| {
            let rt = r.resource_type();
            StatusInfo {
                display_name: r.display_name().to_owned(),
                provider: r.provider_display().to_owned(),
                provider_dll: r.provider_dll_name().to_owned(),
                resource_type: RESOURCE_TYPES
                    .iter()
                    .find(|(t, _)| *t == rt)
                    .map_or_else(|| rt.0.to_string(), |(_, n)| (*n).to_owned()),
                status_code: r.status_code().0,
                status: bit_names(r.status_code().0, &STATUS_CODES, |c| c.0),
                status_string: r.status_string().to_owned(),
                resource_flags: r.resource_flags().0,
                flags: bit_names(r.resource_flags().0, &RESOURCE_FLAGS, |f| f.0),
                identity: r.identity_display().map(str::to_owned),
            }
        })
        .collect())
}

/// The status table as text.
pub fn status_text(rows: &[StatusInfo]) -> String {
    show::table(
        &[
            "Display name",
            "Provider DLL",
            "Resource type",
            "Status",
            "Flags",
        ],
        &rows
            .iter()
            .map(|r| {
                let code = if r.status.is_empty() {
                    format!("0x{:08X}", r.status_code)
                } else {
                    r.status.join("\n")
                };
                let status = if r.status_string.is_empty() {
                    code
                } else {
                    format!("{code} ({})", r.status_string)
                };
                let flags = if r.flags.is_empty() {
                    format!("0x{:08X}", r.resource_flags)
                } else {
                    r.flags.join("\n")
                };
                let name = match &r.identity {
                    Some(id) => format!("{}\nidentity: {id}", r.display_name),
                    None => r.display_name.clone(),
                };
                vec![
                    name,
                    r.provider_dll.clone(),
                    r.resource_type.clone(),
                    status,
                    flags,
                ]
            })
            .collect::<Vec<_>>(),
    )
}

/// One row of the message stores table.
#[derive(Debug, Serialize)]
pub struct StoreInfo {
    /// PR_DISPLAY_NAME.
    pub display_name: String,
    /// `private` or `public`.
    pub kind: &'static str,
    /// The mailbox owner's DN, for a private store.
    pub mailbox_dn: Option<String>,
    /// PR_DEFAULT_STORE.
    pub default_store: bool,
    /// Whether the session has it open.
    pub open: bool,
    /// PR_RESOURCE_FLAGS.
    pub resource_flags: Option<i32>,
    /// PR_PROVIDER_DISPLAY.
    pub provider: Option<String>,
    /// PR_ENTRYID, hex.
    pub entry_id: Option<String>,
}

/// The message stores table.
pub fn stores(session: &Session) -> Result<Vec<StoreInfo>, CliError> {
    let rows = session
        .msg_stores_table()
        .map_err(|e| CliError::client("the message stores table", e))?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let (kind, mailbox_dn) = match &r.kind {
                StoreKind::Private { mailbox_dn } => ("private", Some(mailbox_dn.clone())),
                StoreKind::Public => ("public", None),
            };
            StoreInfo {
                kind,
                mailbox_dn,
                default_store: r.default_store,
                open: r.open,
                resource_flags: r.props.i32(t::PID_TAG_RESOURCE_FLAGS),
                provider: r
                    .props
                    .text(t::PID_TAG_PROVIDER_DISPLAY)
                    .map(|s| s.into_owned()),
                entry_id: r.entry_id().map(show::hex),
                display_name: r.display_name,
            }
        })
        .collect())
}

/// The stores table as text.
pub fn stores_text(rows: &[StoreInfo]) -> String {
    let yes = |b: bool| if b { "yes" } else { "" }.to_owned();
    show::table(
        &[
            "Store",
            "Kind",
            "Default",
            "Open",
            "Resource flags",
            "Entry ID",
        ],
        &rows
            .iter()
            .map(|r| {
                vec![
                    r.display_name.clone(),
                    r.kind.to_owned(),
                    yes(r.default_store),
                    yes(r.open),
                    r.resource_flags
                        .map(|f| format!("0x{f:08X}"))
                        .unwrap_or_default(),
                    r.entry_id
                        .as_deref()
                        .map(|e| format!("{}…", &e[..e.len().min(24)]))
                        .unwrap_or_default(),
                ]
            })
            .collect::<Vec<_>>(),
    )
}

/// One folder of a hierarchy table.
#[derive(Debug, Serialize)]
pub struct FolderInfo {
    /// PR_DEPTH, relative to the folder whose table it is (its children are at 1).
    pub depth: i32,
    /// PR_DISPLAY_NAME.
    pub name: String,
    /// PR_CONTENT_COUNT.
    pub items: Option<i32>,
    /// PR_CONTENT_UNREAD.
    pub unread: Option<i32>,
    /// PR_SUBFOLDERS.
    pub subfolders: Option<bool>,
    /// PidTagFolderId, hex.
    pub folder_id: Option<String>,
    /// PR_ENTRYID, hex (what `ls` takes).
    pub entry_id: Option<String>,
}

const FOLDER_COLUMNS: [PropertyTag; 7] = [
    t::PID_TAG_DISPLAY_NAME,
    t::PID_TAG_DEPTH,
    t::PID_TAG_CONTENT_COUNT,
    t::PID_TAG_CONTENT_UNREAD_COUNT,
    t::PID_TAG_SUBFOLDERS,
    t::PID_TAG_FOLDER_ID,
    t::PID_TAG_ENTRY_ID,
];

/// The folder tree under the store's IPM subtree (a hierarchy table with the Depth flag).
pub async fn folder_tree(store: &MsgStore) -> Result<Vec<FolderInfo>, CliError> {
    let fail = |e| CliError::client("the folder tree", e);
    let root = store
        .open_folder(store.ipm_subtree_id().map_err(fail)?)
        .await
        .map_err(fail)?;
    let mut table = root.hierarchy_table(true).await.map_err(fail)?;
    table.set_columns(&FOLDER_COLUMNS).await.map_err(fail)?;
    let rows = table.query_all(100).await.map_err(fail)?;
    tracing::info!(folders = rows.len(), "hierarchy table read");
    Ok(rows
        .iter()
        .map(|r| FolderInfo {
            depth: r.i32(t::PID_TAG_DEPTH).unwrap_or(1),
            name: r
                .text(t::PID_TAG_DISPLAY_NAME)
                .map(|s| s.into_owned())
                .unwrap_or_default(),
            items: r.i32(t::PID_TAG_CONTENT_COUNT),
            unread: r.i32(t::PID_TAG_CONTENT_UNREAD_COUNT),
            subfolders: r.bool(t::PID_TAG_SUBFOLDERS),
            folder_id: r
                .get(t::PID_TAG_FOLDER_ID)
                .and_then(|v| v.as_i64())
                .map(|id| format!("0x{:016X}", id as u64)),
            entry_id: r.bytes(t::PID_TAG_ENTRY_ID).map(show::hex),
        })
        .collect())
}

/// The folder tree as text: names indented by PR_DEPTH.
pub fn folders_text(rows: &[FolderInfo]) -> String {
    let top = rows.iter().map(|r| r.depth).min().unwrap_or(1);
    let n = |v: Option<i32>| v.map(|n| n.to_string()).unwrap_or_default();
    show::table(
        &["Folder", "Items", "Unread"],
        &rows
            .iter()
            .map(|r| {
                let indent = "  ".repeat((r.depth - top).max(0) as usize);
                vec![format!("{indent}{}", r.name), n(r.items), n(r.unread)]
            })
            .collect::<Vec<_>>(),
    )
}

/// `mapi folders`.
pub fn folders(args: FoldersArgs, g: Global) -> Result<(), CliError> {
    runtime()?.block_on(with_session(&args.connect, |session| async move {
        let which = match args.store.as_deref() {
            None => StoreRef::Default,
            Some(s) if s.eq_ignore_ascii_case("public") => StoreRef::Public,
            Some(dn) => StoreRef::Mailbox(dn.to_owned()),
        };
        tracing::info!(store = ?which, "opening the store");
        let store = session
            .open_msg_store(which)
            .await
            .map_err(|e| CliError::client("opening the store", e))?;
        let rows = folder_tree(&store).await?;
        if g.json {
            show::print_json(&json!({ "store": store.display_name(), "folders": rows }));
        } else {
            println!("{}", store.display_name());
            println!("{}", folders_text(&rows));
        }
        Ok(())
    }))
}

/// One row of a contents table.
#[derive(Debug, Serialize)]
pub struct MessageInfo {
    /// PR_SUBJECT.
    pub subject: String,
    /// PR_SENDER_NAME, else PR_SENT_REPRESENTING_NAME.
    pub from: Option<String>,
    /// PR_MESSAGE_DELIVERY_TIME, ISO 8601 UTC.
    pub received: Option<String>,
    /// PR_MESSAGE_SIZE.
    pub size: Option<i32>,
    /// MSGFLAG_READ of PR_MESSAGE_FLAGS.
    pub read: Option<bool>,
}

/// A folder's contents table, newest first.
#[derive(Debug, Serialize)]
pub struct Listing {
    /// The table's row count.
    pub total: u32,
    /// The rows read.
    pub rows: Vec<MessageInfo>,
}

const MESSAGE_COLUMNS: [PropertyTag; 5] = [
    t::PID_TAG_SUBJECT,
    t::PID_TAG_SENDER_NAME,
    t::PID_TAG_SENT_REPRESENTING_NAME,
    t::PID_TAG_MESSAGE_DELIVERY_TIME,
    t::PID_TAG_MESSAGE_SIZE,
];

/// Rows asked for per RopQueryRows.
const PAGE: u32 = 100;

/// The first `limit` rows of `folder`'s contents table, newest first, read a page at a time;
/// a progress bar on standard error when `progress` and the listing is long.
pub async fn contents(folder: &Folder, limit: u32, progress: bool) -> Result<Listing, CliError> {
    let fail = |e| CliError::client("the contents table", e);
    let mut table = folder.contents_table().await.map_err(fail)?;
    let mut columns = MESSAGE_COLUMNS.to_vec();
    columns.push(t::PID_TAG_MESSAGE_FLAGS);
    table.set_columns(&columns).await.map_err(fail)?;
    table
        .sort(&[(t::PID_TAG_MESSAGE_DELIVERY_TIME, true)])
        .await
        .map_err(fail)?;
    let total = table.row_count_at_open();
    let want = limit.min(total);
    let bar = if progress && want > 2 * PAGE && std::io::stderr().is_terminal() {
        let b = ProgressBar::new(u64::from(want));
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} rows") {
            b.set_style(style);
        }
        b
    } else {
        ProgressBar::hidden()
    };
    let mut rows = Vec::new();
    while (rows.len() as u32) < limit {
        let page = (limit - rows.len() as u32).min(PAGE) as u16;
        let got = table.query_rows(page).await.map_err(fail)?;
        tracing::debug!(rows = got.len(), "RopQueryRows");
        if got.is_empty() {
            break;
        }
        bar.inc(got.len() as u64);
        rows.extend(got.iter().map(|r| {
            MessageInfo {
                subject: r
                    .text(t::PID_TAG_SUBJECT)
                    .map(|s| s.into_owned())
                    .unwrap_or_default(),
                from: r
                    .text(t::PID_TAG_SENDER_NAME)
                    .or_else(|| r.text(t::PID_TAG_SENT_REPRESENTING_NAME))
                    .map(|s| s.into_owned()),
                received: r
                    .get(t::PID_TAG_MESSAGE_DELIVERY_TIME)
                    .and_then(|v| v.as_time())
                    .map(show::filetime),
                size: r.i32(t::PID_TAG_MESSAGE_SIZE),
                read: r.i32(t::PID_TAG_MESSAGE_FLAGS).map(|f| f & 0x1 != 0),
            }
        }));
        if table.at_end() {
            break;
        }
    }
    bar.finish_and_clear();
    Ok(Listing { total, rows })
}

/// A listing as text.
pub fn contents_text(l: &Listing) -> String {
    let table = show::table(
        &["Received (UTC)", "From", "Subject", "Size"],
        &l.rows
            .iter()
            .map(|r| {
                vec![
                    r.received.clone().unwrap_or_default(),
                    r.from.clone().unwrap_or_default(),
                    format!(
                        "{}{}",
                        if r.read == Some(false) { "* " } else { "" },
                        r.subject
                    ),
                    r.size.map(|s| s.to_string()).unwrap_or_default(),
                ]
            })
            .collect::<Vec<_>>(),
    );
    format!(
        "{table}\n{} of {} messages{}\n",
        l.rows.len(),
        l.total,
        if l.rows.iter().any(|r| r.read == Some(false)) {
            " (* unread)"
        } else {
            ""
        }
    )
}

/// A folder opened by path or entry ID. The folders and tables walked to reach it are
/// dropped on the way: their RopRelease rides along with the next Execute, and the client
/// opens subfolders on the logon, so the folder outlives them.
pub struct Opened {
    /// The folder.
    pub folder: Folder,
}

/// Opens the folder `spec` names: a hex entry ID (44 or more hex digits), else a path of
/// display names under the IPM subtree.
pub async fn open_folder(session: &Session, spec: &str) -> Result<Opened, CliError> {
    let compact: String = spec.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() >= 44
        && let Some(bytes) = show::parse_hex(&compact)
    {
        tracing::info!("opening the folder by entry ID");
        return match session.open_entry(&bytes).await {
            Ok(OpenedEntry::Folder(folder)) => Ok(Opened { folder }),
            Ok(_) => Err(CliError::usage("the entry ID names no folder")),
            Err(e) => Err(CliError::client("opening the entry ID", e)),
        };
    }
    let store = session
        .default_store()
        .map_err(|e| CliError::client("the default store", e))?;
    let fail = |e: ClientError| CliError::client(&format!("opening {spec}"), e);
    let mut folder = store
        .open_folder(store.ipm_subtree_id().map_err(fail)?)
        .await
        .map_err(fail)?;
    let mut walked = Vec::new();
    for name in spec.split('/').filter(|s| !s.is_empty()) {
        tracing::info!(folder = name, "looking up the subfolder");
        let (table, rows) = folder
            .table_with_rows(
                true,
                false,
                &[t::PID_TAG_DISPLAY_NAME, t::PID_TAG_FOLDER_ID],
                1000,
            )
            .await
            .map_err(fail)?;
        let names: Vec<(String, Option<FolderId>)> = rows
            .iter()
            .map(|r| {
                (
                    r.text(t::PID_TAG_DISPLAY_NAME)
                        .map(|s| s.into_owned())
                        .unwrap_or_default(),
                    r.get(t::PID_TAG_FOLDER_ID)
                        .and_then(|v| v.as_i64())
                        .map(|id| FolderId(id as u64)),
                )
            })
            .collect();
        let Some(id) = names
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .and_then(|(_, id)| *id)
        else {
            let place = if walked.is_empty() {
                "the top of the mailbox".to_owned()
            } else {
                walked.join("/")
            };
            let mut have: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
            have.sort_unstable();
            return Err(CliError::not_found(format!(
                "no folder {name:?} in {place} (there: {})",
                have.join(", ")
            )));
        };
        drop(table);
        folder = folder.open_folder(id).await.map_err(fail)?;
        walked.push(name.to_owned());
    }
    Ok(Opened { folder })
}

/// `mapi ls`.
pub fn ls(args: LsArgs, g: Global) -> Result<(), CliError> {
    runtime()?.block_on(with_session(&args.connect, |session| async move {
        let opened = open_folder(&session, &args.folder).await?;
        let listing = contents(&opened.folder, args.limit, !g.json).await?;
        if g.json {
            show::print_json(&json!({ "folder": args.folder, "contents": listing }));
        } else {
            print!("{}", contents_text(&listing));
        }
        Ok(())
    }))
}

/// `mapi props`.
pub fn props(args: PropsArgs, g: Global) -> Result<(), CliError> {
    runtime()?.block_on(with_session(&args.connect, |session| async move {
        let fail = |e| CliError::client("reading the properties", e);
        let mut row = match &args.folder {
            Some(spec) => open_folder(&session, spec)
                .await?
                .folder
                .get_all_props()
                .await
                .map_err(fail)?,
            None => session
                .default_store()
                .map_err(fail)?
                .get_all_props()
                .await
                .map_err(fail)?,
        };
        row.values.sort_by_key(|v| v.tag.id());
        if g.json {
            let props: Vec<Value> = row.values.iter().map(show::prop_json).collect();
            show::print_json(&json!({
                "object": args.folder.as_deref().unwrap_or("store"),
                "properties": props,
            }));
        } else {
            let rows: Vec<Vec<String>> = row
                .values
                .iter()
                .map(|p| {
                    vec![
                        show::tag_name(p.tag),
                        format!("0x{:08X}", p.tag.0),
                        p.tag.prop_type().name().unwrap_or("?").to_owned(),
                        show::value_text(&p.value, true),
                    ]
                })
                .collect();
            println!(
                "{}",
                show::table(&["Property", "Tag", "Type", "Value"], &rows)
            );
        }
        Ok(())
    }))
}
