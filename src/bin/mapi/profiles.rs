//! `mapi profile`: saved connection profiles (`mapi_http::profile`), without secrets.

use clap::{Args, Subcommand};
use mapi_http::profile::{AuthMethod, Profile, ProfileError, ProfileStore};
use serde_json::json;

use crate::Global;
use crate::commands::runtime;
use crate::connect::{self, AuthKind, ConnectArgs, Wanted};
use crate::fail::{CliError, EXIT_CONFIG};
use crate::show;

/// `mapi profile ...`.
#[derive(Subcommand, Debug)]
pub enum ProfileCommand {
    /// Save a profile from the connection options (autodiscover fills in what --email finds).
    Create(Box<CreateArgs>),
    /// List the saved profiles.
    List,
    /// Show one profile.
    Show {
        /// The profile's name.
        name: String,
    },
    /// Delete one profile.
    Delete {
        /// The profile's name.
        name: String,
    },
}

/// `mapi profile create NAME`.
#[derive(Args, Debug)]
pub struct CreateArgs {
    /// The profile's name (letters, digits, `-`, `_`, `.`).
    name: String,
    /// The user's display name, for showing.
    #[arg(long, value_name = "TEXT")]
    display_name: Option<String>,
    /// Replace a profile of the same name.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    connect: ConnectArgs,
}

fn store() -> Result<ProfileStore, CliError> {
    ProfileStore::default_location().map_err(profile_error)
}

fn profile_error(e: ProfileError) -> CliError {
    match e {
        ProfileError::NotFound(_) => CliError::not_found(e.to_string()),
        ProfileError::NoConfigDir => CliError::new(EXIT_CONFIG, e.to_string()),
        ProfileError::AlreadyExists(_) => {
            CliError::usage(format!("{e} (use --force to replace it)"))
        }
        ProfileError::Invalid { .. } | ProfileError::InvalidName { .. } => {
            CliError::usage(e.to_string())
        }
        other => CliError::other(other.to_string()),
    }
}

fn to_kind(m: AuthMethod) -> AuthKind {
    match m {
        AuthMethod::Anonymous => AuthKind::Anonymous,
        AuthMethod::Basic => AuthKind::Basic,
        AuthMethod::Ntlm => AuthKind::Ntlm,
        AuthMethod::Negotiate => AuthKind::Negotiate,
        AuthMethod::Bearer => AuthKind::Bearer,
    }
}

fn to_method(k: AuthKind) -> AuthMethod {
    match k {
        AuthKind::Anonymous => AuthMethod::Anonymous,
        AuthKind::Basic => AuthMethod::Basic,
        AuthKind::Ntlm => AuthMethod::Ntlm,
        AuthKind::Negotiate => AuthMethod::Negotiate,
        AuthKind::Bearer => AuthMethod::Bearer,
    }
}

/// The connection options a saved profile holds.
pub fn load(name: &str) -> Result<Wanted, CliError> {
    tracing::info!(profile = name, "loading the profile");
    let p = store()?.load(name).map_err(profile_error)?;
    Ok(Wanted {
        email: p.smtp_address,
        mailbox_url: Some(p.mailbox_url),
        addressbook_url: p.address_book_url,
        login: p.login,
        user_dn: Some(p.user_dn),
        auth: Some(to_kind(p.auth)),
        insecure_http: p.allow_insecure_http,
        secret_command: p.secret_command,
    })
}

/// Runs a profile command.
pub fn run(cmd: ProfileCommand, g: Global) -> Result<(), CliError> {
    match cmd {
        ProfileCommand::Create(args) => create(*args, g),
        ProfileCommand::List => {
            let store = store()?;
            let names = store.list().map_err(profile_error)?;
            if g.json {
                let all: Vec<serde_json::Value> = names
                    .iter()
                    .map(|n| match store.load(n) {
                        Ok(p) => json!(p),
                        Err(e) => json!({ "name": n, "error": e.to_string() }),
                    })
                    .collect();
                show::print_json(&json!(all));
            } else if names.is_empty() {
                println!("No profiles in {}.", store.profiles_dir().display());
            } else {
                let rows: Vec<Vec<String>> = names
                    .iter()
                    .map(|n| match store.load(n) {
                        Ok(p) => vec![
                            p.name,
                            p.smtp_address.or(p.login).unwrap_or_default(),
                            p.auth.to_string(),
                            p.mailbox_url,
                        ],
                        Err(e) => vec![n.clone(), format!("({e})"), String::new(), String::new()],
                    })
                    .collect();
                println!(
                    "{}",
                    show::table(&["Profile", "User", "Auth", "Mailbox URL"], &rows)
                );
            }
            Ok(())
        }
        ProfileCommand::Show { name } => {
            let p = store()?.load(&name).map_err(profile_error)?;
            if g.json {
                show::print_json(&json!(p));
            } else {
                print!("{}", profile_text(&p));
            }
            Ok(())
        }
        ProfileCommand::Delete { name } => {
            store()?.delete(&name).map_err(profile_error)?;
            if g.json {
                show::print_json(&json!({ "deleted": name }));
            } else {
                println!("Deleted profile {name}.");
            }
            Ok(())
        }
    }
}

fn profile_text(p: &Profile) -> String {
    let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    show::fields(&[
        ("Name", p.name.clone()),
        ("SMTP address", o(&p.smtp_address)),
        ("Display name", o(&p.display_name)),
        ("User DN", p.user_dn.clone()),
        ("Mailbox URL", p.mailbox_url.clone()),
        ("Address book URL", o(&p.address_book_url)),
        ("Login", o(&p.login)),
        ("Auth", p.auth.to_string()),
        ("Secret command", o(&p.secret_command)),
        ("Insecure http", p.allow_insecure_http.to_string()),
    ])
}

fn create(args: CreateArgs, g: Global) -> Result<(), CliError> {
    let c = &args.connect;
    if c.profile.is_some() {
        return Err(CliError::usage("profile create takes no --profile"));
    }
    let secret_command = c.password_command.clone().or(c.token_command.clone());
    let (mailbox_url, user_dn, address_book_url, display_name, smtp) =
        match (&c.mailbox_url, &c.user_dn) {
            (Some(m), Some(d)) => (
                m.clone(),
                d.clone(),
                c.addressbook_url.clone(),
                args.display_name.clone(),
                c.email.clone(),
            ),
            _ => {
                // Autodiscover fills in the endpoints: it needs the credentials once.
                let target = runtime()?.block_on(async {
                    let t = connect::resolve(&ConnectArgs {
                        // Placeholders stop resolution before it discovers on its own.
                        mailbox_url: Some(c.mailbox_url.clone().unwrap_or_default()),
                        user_dn: Some(c.user_dn.clone().unwrap_or_default()),
                        ..c.clone()
                    })
                    .await?;
                    let email = c.email.as_deref().ok_or_else(|| {
                        CliError::usage(
                            "give --mailbox-url URL and --user-dn DN, or --email ADDR to \
                             find them by autodiscover",
                        )
                    })?;
                    let settings = connect::discover(
                        email,
                        c.autodiscover_url.as_deref(),
                        &t.credentials,
                        &t.options.transport,
                    )
                    .await?;
                    Ok::<_, CliError>(settings)
                })?;
                (
                    c.mailbox_url
                        .clone()
                        .or_else(|| target.mailbox.preferred().map(str::to_owned))
                        .ok_or_else(|| {
                            CliError::not_found("autodiscover gave no MAPI/HTTP mailbox URL")
                        })?,
                    c.user_dn
                        .clone()
                        .or(target.legacy_dn.clone())
                        .ok_or_else(|| CliError::not_found("autodiscover gave no legacy DN"))?,
                    c.addressbook_url
                        .clone()
                        .or_else(|| target.address_book.preferred().map(str::to_owned)),
                    args.display_name.clone().or(target.display_name.clone()),
                    c.email.clone().or(target.smtp_address.clone()),
                )
            }
        };
    let auth = c.auth.unwrap_or(if c.token_command.is_some() {
        AuthKind::Bearer
    } else if c.user.is_some() || smtp.is_some() {
        AuthKind::Basic
    } else {
        AuthKind::Anonymous
    });
    let profile = Profile {
        name: args.name.clone(),
        smtp_address: smtp,
        display_name,
        user_dn,
        mailbox_url,
        address_book_url,
        login: c.user.clone(),
        auth: to_method(auth),
        secret_command,
        allow_insecure_http: c.insecure_http,
    };
    let store = store()?;
    store.save(&profile, args.force).map_err(profile_error)?;
    if g.json {
        show::print_json(&json!(profile));
    } else {
        println!(
            "Saved profile {} in {}.",
            profile.name,
            store
                .path_of(&profile.name)
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
        print!("{}", profile_text(&profile));
    }
    Ok(())
}
