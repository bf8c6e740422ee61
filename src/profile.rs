//! Saved connection profiles: what a client needs to reach one mailbox, minus the secrets.
//!
//! A [`Profile`] is this crate's file-based counterpart of a MAPI profile (the Outlook MAPI
//! reference, "MAPI Profiles"): the user's identity (SMTP address, display name, the user DN
//! that EMSMDB `Connect` takes, MS-OXCMAPIHTTP 2.2.4.1.1), the two MAPI/HTTP endpoints
//! Autodiscover hands out (`MailStore` and `AddressBook` URLs, MS-OXDSCLI 2.2.4.1.1.2.4), and
//! how to authenticate. A [`ProfileStore`] keeps one TOML file per profile:
//!
//! ```text
//! <config dir>/profiles/<name>.toml
//! ```
//!
//! where `<config dir>` is `$MAPI_CONFIG_DIR` when that is set and not empty, else the
//! platform's configuration directory joined with `mapi-http` (`~/.config/mapi-http` on
//! Linux, `~/Library/Application Support/mapi-http` on macOS, `%APPDATA%\mapi-http` on
//! Windows).
//!
//! A profile file (`work.toml`):
//!
//! ```toml
//! name = "work"
//! smtp_address = "alice@contoso.com"
//! display_name = "Alice Example"
//! user_dn = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice"
//! mailbox_url = "https://mail.contoso.com/mapi/emsmdb/?MailboxId=0f6c@contoso.com"
//! address_book_url = "https://mail.contoso.com/mapi/nspi/?MailboxId=0f6c@contoso.com"
//! login = "CONTOSO\\alice"
//! auth = "ntlm"
//! secret_command = "pass show exchange/alice"
//! allow_insecure_http = false
//! ```
//!
//! Secrets are never saved: [`Profile`] has no field for a password or token, and a file
//! that carries a key looking like one (`password`, `token`, `client_secret`, ...) is refused
//! with [`ProfileError::SecretInFile`] rather than read, so a secret typed into a profile by
//! hand is pointed out instead of sitting there unnoticed. The secret comes from the user at
//! connect time, or from the output of [`Profile::secret_command`]; running that command is
//! the caller's business (this module does no process spawning). Any other key this module
//! does not know is refused too ([`ProfileError::Parse`] names it), so a typo such as
//! `mailbox_ulr` is noticed rather than silently ignored.
//!
//! ```
//! use mapi_http::profile::{AuthMethod, Profile, ProfileStore};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = std::env::temp_dir().join(format!("mapi-profile-doc-{}", std::process::id()));
//! let store = ProfileStore::at(&dir); // or ProfileStore::default_location()?
//! let profile = Profile {
//!     name: "work".into(),
//!     smtp_address: Some("alice@contoso.com".into()),
//!     display_name: None,
//!     user_dn: "/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=alice".into(),
//!     mailbox_url: "https://mail.contoso.com/mapi/emsmdb/".into(),
//!     address_book_url: None,
//!     login: Some("alice@contoso.com".into()),
//!     auth: "basic".parse::<AuthMethod>()?, // as `--auth basic` would give it
//!     secret_command: None,
//!     allow_insecure_http: false,
//! };
//! store.save(&profile, false)?;
//! assert_eq!(store.list()?, ["work"]);
//! assert_eq!(store.load("work")?, profile);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok(())
//! # }
//! ```

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// The environment variable that overrides where profiles live (tests, portable setups).
pub const CONFIG_DIR_ENV: &str = "MAPI_CONFIG_DIR";
/// The directory under the platform configuration directory.
pub const APP_DIR_NAME: &str = "mapi-http";
/// The subdirectory of the configuration directory holding one `NAME.toml` per profile.
pub const PROFILES_SUBDIR: &str = "profiles";
/// Longest profile name accepted, in bytes (names are ASCII).
pub const MAX_NAME_LEN: usize = 64;
/// Largest profile file read; real ones are a few hundred bytes.
pub const MAX_FILE_LEN: u64 = 64 * 1024;

/// The keys a profile file may carry, for the secret-key check (a known key is never a secret).
const KNOWN_KEYS: &[&str] = &[
    "name",
    "smtp_address",
    "display_name",
    "user_dn",
    "mailbox_url",
    "address_book_url",
    "login",
    "auth",
    "secret_command",
    "allow_insecure_http",
];

/// How the client authenticates to the MAPI/HTTP endpoints; the credentials themselves are
/// asked for (or produced by [`Profile::secret_command`]) at connect time.
///
/// Written in TOML and parsed from the command line by its lowercase name: `anonymous`,
/// `basic`, `ntlm`, `negotiate`, `bearer` (parsing ignores case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthMethod {
    /// No `Authorization` header (the emulator's anonymous mode).
    Anonymous,
    /// RFC 7617 Basic with [`Profile::login`] and a password.
    Basic,
    /// NTLM (MS-NLMP) with [`Profile::login`] and a password.
    Ntlm,
    /// Negotiate (SPNEGO, RFC 4559; NTLM inside) with [`Profile::login`] and a password.
    Negotiate,
    /// RFC 6750 Bearer with an OAuth access token.
    Bearer,
}

impl AuthMethod {
    /// Every method, in declaration order.
    pub const ALL: [AuthMethod; 5] = [
        AuthMethod::Anonymous,
        AuthMethod::Basic,
        AuthMethod::Ntlm,
        AuthMethod::Negotiate,
        AuthMethod::Bearer,
    ];

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthMethod::Anonymous => "anonymous",
            AuthMethod::Basic => "basic",
            AuthMethod::Ntlm => "ntlm",
            AuthMethod::Negotiate => "negotiate",
            AuthMethod::Bearer => "bearer",
        }
    }

    /// Whether the method takes a user name and password (Basic, NTLM, Negotiate).
    pub fn uses_password(self) -> bool {
        matches!(
            self,
            AuthMethod::Basic | AuthMethod::Ntlm | AuthMethod::Negotiate
        )
    }
}

impl fmt::Display for AuthMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An authentication method name that is none of [`AuthMethod::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown authentication method {0:?} (expected anonymous, basic, ntlm, negotiate or bearer)"
)]
pub struct UnknownAuthMethod(pub String);

impl FromStr for AuthMethod {
    type Err = UnknownAuthMethod;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AuthMethod::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownAuthMethod(s.to_owned()))
    }
}

/// One saved connection profile. Holds no secret: see the module docs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The profile's name, also its file stem; see [`validate_name`] for what is allowed.
    pub name: String,
    /// The mailbox's primary SMTP address (Autodiscover's `AutoDiscoverSMTPAddress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smtp_address: Option<String>,
    /// The user's display name, for showing only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The user's distinguished name (`User/LegacyDN`, MS-OXDSCLI 2.2.4.1.1.1.3), sent as
    /// `UserDn` in the EMSMDB `Connect` request (MS-OXCMAPIHTTP 2.2.4.1.1).
    pub user_dn: String,
    /// The EMSMDB endpoint (`MailStore` URL, MS-OXDSCLI 2.2.4.1.1.2.4.x), verbatim including
    /// any `?MailboxId=`.
    pub mailbox_url: String,
    /// The NSPI endpoint (`AddressBook` URL); `None` when the address book is not used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_book_url: Option<String>,
    /// The user name for Basic, NTLM and Negotiate (`user`, `DOMAIN\user` or a UPN). When
    /// `None`, callers typically fall back to [`Profile::smtp_address`] as the UPN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// How to authenticate.
    pub auth: AuthMethod,
    /// A shell command whose standard output (first line, trimmed) is the password or token,
    /// such as `pass show exchange/alice`. The command is not a secret; what it prints is,
    /// and is never written here. This module only stores it; the caller runs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_command: Option<String>,
    /// Allow plain `http://` endpoint URLs (and so Basic over plain HTTP, as the transport's
    /// `allow_insecure_basic`); meant for a loopback test server such as the emulator.
    #[serde(default)]
    pub allow_insecure_http: bool,
}

/// What can go wrong with profiles. No variant carries a secret: a secret-looking key is
/// named, its value never shown.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// Reading or writing a file or directory failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// A profile file is not valid TOML or does not fit [`Profile`] (unknown key, missing
    /// key, wrong type).
    #[error("{}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line number; never the offending line's text.
        message: String,
    },
    /// A profile file carries a key that looks like a password or token.
    #[error(
        "{}: key `{key}` looks like a secret; secrets are never stored in profiles \
         (remove it, and give the secret when connecting or through `secret_command`)",
        path.display()
    )]
    SecretInFile {
        /// The file.
        path: PathBuf,
        /// The key, dotted when nested (`auth.password`).
        key: String,
    },
    /// A profile name that cannot be a file stem.
    #[error("invalid profile name {name:?}: {reason}")]
    InvalidName {
        /// The name as given.
        name: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A field of a profile has a value it cannot have.
    #[error("invalid profile field `{field}`: {reason}")]
    Invalid {
        /// The field's TOML key.
        field: &'static str,
        /// Why it is refused.
        reason: String,
    },
    /// No profile of that name.
    #[error("no profile named {0:?}")]
    NotFound(String),
    /// Saving without overwrite, and a profile of that name exists.
    #[error("a profile named {0:?} already exists")]
    AlreadyExists(String),
    /// Neither `MAPI_CONFIG_DIR` nor a platform configuration directory is known.
    #[error("no configuration directory: set MAPI_CONFIG_DIR")]
    NoConfigDir,
}

/// Checks that `name` can be a profile name: 1 to [`MAX_NAME_LEN`] ASCII letters, digits,
/// `-`, `_` and `.`, not starting with `.` (which also rules out `.`, `..` and hidden files),
/// and not a Windows device name (`con`, `nul`, `com1`, ...), so that `NAME.toml` is one
/// ordinary file inside the profiles directory on every platform.
pub fn validate_name(name: &str) -> Result<(), ProfileError> {
    let fail = |reason| {
        Err(ProfileError::InvalidName {
            name: name.to_owned(),
            reason,
        })
    };
    if name.is_empty() {
        return fail("empty");
    }
    if name.len() > MAX_NAME_LEN {
        return fail("longer than 64 characters");
    }
    if name.contains(['/', '\\']) {
        return fail("contains a path separator");
    }
    if name.starts_with('.') {
        return fail("starts with '.'");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return fail("only ASCII letters, digits, '-', '_' and '.' are allowed");
    }
    // Windows opens the device for these whatever the extension (`nul.toml` is NUL).
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    let device = matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if device {
        return fail("a reserved device name on Windows");
    }
    Ok(())
}

impl Profile {
    /// Checks the profile before it is saved and after it is loaded: the name (see
    /// [`validate_name`]), a non-empty `user_dn`, URLs that are `https://` (or `http://` with
    /// `allow_insecure_http`) and have a host, and no control characters anywhere.
    pub fn validate(&self) -> Result<(), ProfileError> {
        validate_name(&self.name)?;
        let invalid = |field, reason: &str| ProfileError::Invalid {
            field,
            reason: reason.to_owned(),
        };
        let texts = [
            ("smtp_address", self.smtp_address.as_deref()),
            ("display_name", self.display_name.as_deref()),
            ("user_dn", Some(self.user_dn.as_str())),
            ("mailbox_url", Some(self.mailbox_url.as_str())),
            ("address_book_url", self.address_book_url.as_deref()),
            ("login", self.login.as_deref()),
            ("secret_command", self.secret_command.as_deref()),
        ];
        for (field, value) in texts {
            if value.is_some_and(|v| v.chars().any(char::is_control)) {
                return Err(invalid(field, "contains a control character"));
            }
        }
        if self.user_dn.trim().is_empty() {
            return Err(invalid("user_dn", "empty"));
        }
        if let Some(smtp) = &self.smtp_address {
            match smtp.split_once('@') {
                Some((local, domain))
                    if !local.is_empty() && !domain.is_empty() && !smtp.contains(' ') => {}
                _ => return Err(invalid("smtp_address", "not an address like user@domain")),
            }
        }
        if self.login.as_deref().is_some_and(|l| l.trim().is_empty()) {
            return Err(invalid("login", "empty"));
        }
        if self
            .secret_command
            .as_deref()
            .is_some_and(|c| c.trim().is_empty())
        {
            return Err(invalid("secret_command", "empty"));
        }
        self.check_url("mailbox_url", &self.mailbox_url)?;
        if let Some(url) = &self.address_book_url {
            self.check_url("address_book_url", url)?;
        }
        Ok(())
    }

    fn check_url(&self, field: &'static str, url: &str) -> Result<(), ProfileError> {
        let invalid = |reason: String| Err(ProfileError::Invalid { field, reason });
        let rest = if let Some(rest) = strip_prefix_ignore_case(url, "https://") {
            rest
        } else if let Some(rest) = strip_prefix_ignore_case(url, "http://") {
            if !self.allow_insecure_http {
                return invalid(
                    "plain http:// needs allow_insecure_http = true (only for a test server)"
                        .into(),
                );
            }
            rest
        } else {
            return invalid("must start with https:// (or http://)".into());
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if host.is_empty() || host.starts_with(':') {
            return invalid("has no host".into());
        }
        if url.contains(char::is_whitespace) {
            return invalid("contains whitespace".into());
        }
        Ok(())
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Whether a TOML key that is not one of [`Profile`]'s looks like it holds a secret.
fn looks_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    [
        "password",
        "passwd",
        "passphrase",
        "secret",
        "token",
        "credential",
    ]
    .iter()
    .any(|word| key.contains(word))
        || matches!(key.as_str(), "pass" | "pwd" | "pw" | "apikey" | "api_key")
}

/// The first secret-looking key in `table`, depth first, dotted when nested. Known keys are
/// exempt at the top level only (`secret_command` is fine, `auth.secret_command` is not a
/// profile key at all).
fn find_secret_key(table: &toml::Table, prefix: &str) -> Option<String> {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        let known = prefix.is_empty() && KNOWN_KEYS.contains(&key.as_str());
        if !known && looks_secret(key) {
            return Some(path);
        }
        let nested = match value {
            toml::Value::Table(t) => find_secret_key(t, &path),
            toml::Value::Array(items) => items.iter().find_map(|item| match item {
                toml::Value::Table(t) => find_secret_key(t, &path),
                _ => None,
            }),
            _ => None,
        };
        if nested.is_some() {
            return nested;
        }
    }
    None
}

/// A TOML error as "line N: message". The error's own `Display` quotes the offending line,
/// which could be `password = hunter2`; the message alone never does.
fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim().replace('\n', "; ");
    match error.span() {
        Some(span) => {
            let line = text
                .get(..span.start)
                .map_or(0, |before| before.matches('\n').count())
                + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

/// Parses the text of a profile file. `path` is only for error messages.
fn parse_profile(path: &Path, text: &str) -> Result<Profile, ProfileError> {
    let parse_error = |e: &toml::de::Error| ProfileError::Parse {
        path: path.to_owned(),
        message: describe_toml_error(text, e),
    };
    // Secret keys first, as a table: a specific error beats serde's "unknown field".
    let table: toml::Table = toml::from_str(text).map_err(|e| parse_error(&e))?;
    if let Some(key) = find_secret_key(&table, "") {
        return Err(ProfileError::SecretInFile {
            path: path.to_owned(),
            key,
        });
    }
    toml::from_str(text).map_err(|e| parse_error(&e))
}

/// Where the configuration directory is: `env_value` (the value of `MAPI_CONFIG_DIR`) when
/// set and not empty, else `platform` (the platform configuration directory) joined with
/// [`APP_DIR_NAME`]. Pure, so it can be tested without touching the process environment.
pub fn resolve_dir(
    env_value: Option<OsString>,
    platform: Option<PathBuf>,
) -> Result<PathBuf, ProfileError> {
    match env_value {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => platform
            .map(|p| p.join(APP_DIR_NAME))
            .ok_or(ProfileError::NoConfigDir),
    }
}

/// Profiles saved as `NAME.toml` files under `<config dir>/profiles/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileStore {
    dir: PathBuf,
}

/// Makes temporary file names unique within the process (the pid makes them unique across).
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl ProfileStore {
    /// The store in the configuration directory from `MAPI_CONFIG_DIR`, else the platform's
    /// (see [`resolve_dir`]). Nothing is created until a profile is saved.
    pub fn default_location() -> Result<ProfileStore, ProfileError> {
        resolve_dir(std::env::var_os(CONFIG_DIR_ENV), dirs::config_dir()).map(ProfileStore::at)
    }

    /// The store in configuration directory `dir` (profiles go in `dir/profiles/`), the same
    /// directory `MAPI_CONFIG_DIR` would name.
    pub fn at(dir: impl Into<PathBuf>) -> ProfileStore {
        ProfileStore { dir: dir.into() }
    }

    /// The configuration directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The directory holding the profile files.
    pub fn profiles_dir(&self) -> PathBuf {
        self.dir.join(PROFILES_SUBDIR)
    }

    /// The file profile `name` is (or would be) saved in.
    pub fn path_of(&self, name: &str) -> Result<PathBuf, ProfileError> {
        validate_name(name)?;
        Ok(self.profiles_dir().join(format!("{name}.toml")))
    }

    /// The names of the saved profiles, sorted. Files that are not `NAME.toml` with a valid
    /// name (temporary files, editor backups) are skipped; a missing directory is no
    /// profiles.
    pub fn list(&self) -> Result<Vec<String>, ProfileError> {
        let dir = self.profiles_dir();
        let io_error = |source| ProfileError::Io {
            path: dir.clone(),
            source,
        };
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error(e)),
        };
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io_error)?;
            let file_name = entry.file_name();
            let Some(name) = file_name.to_str().and_then(|f| f.strip_suffix(".toml")) else {
                continue;
            };
            if validate_name(name).is_ok() && entry.file_type().is_ok_and(|t| t.is_file()) {
                names.push(name.to_owned());
            }
        }
        names.sort();
        Ok(names)
    }

    /// Reads and validates profile `name`. A file whose `name` key differs from its file
    /// stem is refused, so that a renamed file is not saved back under its old name.
    pub fn load(&self, name: &str) -> Result<Profile, ProfileError> {
        let path = self.path_of(name)?;
        let io_error = |source| ProfileError::Io {
            path: path.clone(),
            source,
        };
        let file = match fs::File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(ProfileError::NotFound(name.to_owned()));
            }
            Err(e) => return Err(io_error(e)),
        };
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut io::Read::take(file, MAX_FILE_LEN + 1), &mut bytes)
            .map_err(io_error)?;
        if bytes.len() as u64 > MAX_FILE_LEN {
            return Err(ProfileError::Parse {
                path,
                message: format!("larger than {MAX_FILE_LEN} bytes"),
            });
        }
        let text = String::from_utf8(bytes).map_err(|_| ProfileError::Parse {
            path: path.clone(),
            message: "not UTF-8".into(),
        })?;
        let profile = parse_profile(&path, &text)?;
        if profile.name != name {
            return Err(ProfileError::Invalid {
                field: "name",
                reason: format!(
                    "{} says name = {:?}; the name must match the file name",
                    path.display(),
                    profile.name
                ),
            });
        }
        profile.validate()?;
        Ok(profile)
    }

    /// Validates and saves `profile` as `profiles/NAME.toml`, creating the directories. With
    /// `overwrite` false an existing profile of that name is left alone
    /// ([`ProfileError::AlreadyExists`]). The file is written to a temporary file in the
    /// same directory and renamed over the target, so a crash leaves the old file or the
    /// new one, never half of one. (Two processes creating the same new name at once can
    /// both pass the existence check; the later rename wins.)
    pub fn save(&self, profile: &Profile, overwrite: bool) -> Result<(), ProfileError> {
        profile.validate()?;
        let path = self.path_of(&profile.name)?;
        let dir = self.profiles_dir();
        fs::create_dir_all(&dir).map_err(|source| ProfileError::Io {
            path: dir.clone(),
            source,
        })?;
        if !overwrite && fs::symlink_metadata(&path).is_ok() {
            return Err(ProfileError::AlreadyExists(profile.name.clone()));
        }
        let body = toml::to_string(profile).map_err(|e| ProfileError::Invalid {
            field: "name",
            reason: format!("cannot be written as TOML: {e}"),
        })?;
        let text =
            format!("# mapi-http connection profile. Secrets are never stored here.\n{body}");

        // Starts with '.', so `list` never mistakes it for a profile.
        let temp = dir.join(format!(
            ".{}.toml.{}.{}.tmp",
            profile.name,
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let result = write_new_file(&temp, text.as_bytes())
            .and_then(|()| fs::rename(&temp, &path))
            .map_err(|source| ProfileError::Io {
                path: path.clone(),
                source,
            });
        if result.is_err() {
            // Best effort: the temporary file may not even exist.
            let _ = fs::remove_file(&temp);
        }
        result
    }

    /// Deletes profile `name`.
    pub fn delete(&self, name: &str) -> Result<(), ProfileError> {
        let path = self.path_of(name)?;
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Err(ProfileError::NotFound(name.to_owned()))
            }
            Err(source) => Err(ProfileError::Io { path, source }),
        }
    }
}

/// Writes `bytes` to a file that must not exist yet, flushed to disk before returning so
/// the rename that follows publishes complete contents.
fn write_new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Test-only: unit tests of the profile store, on temporary directories.
#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new() -> TempDir {
            static N: AtomicU64 = AtomicU64::new(0);
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let dir = std::env::temp_dir().join(format!(
                "mapi-profile-test-{}-{}-{nanos}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        fn store(&self) -> ProfileStore {
            ProfileStore::at(&self.0)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn sample(name: &str) -> Profile {
        Profile {
            name: name.into(),
            smtp_address: Some("alice@contoso.com".into()),
            display_name: Some("Alice \"Al\" Example".into()),
            user_dn: "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice".into(),
            mailbox_url: "https://mail.contoso.com/mapi/emsmdb/?MailboxId=0f6c@contoso.com".into(),
            address_book_url: Some("https://mail.contoso.com/mapi/nspi/?MailboxId=0f6c@contoso.com".into()),
            login: Some("CONTOSO\\alice".into()),
            auth: AuthMethod::Ntlm,
            secret_command: Some("pass show exchange/alice".into()),
            allow_insecure_http: false,
        }
    }

    fn minimal(name: &str) -> Profile {
        Profile {
            name: name.into(),
            smtp_address: None,
            display_name: None,
            user_dn: "/o=First Organization/cn=Recipients/cn=bob".into(),
            mailbox_url: "http://127.0.0.1:8080/mapi/emsmdb/".into(),
            address_book_url: None,
            login: None,
            auth: AuthMethod::Anonymous,
            secret_command: None,
            allow_insecure_http: true,
        }
    }

    fn write_profile_file(store: &ProfileStore, name: &str, text: &str) -> PathBuf {
        fs::create_dir_all(store.profiles_dir()).unwrap();
        let path = store.path_of(name).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    const VALID_BODY: &str = r#"
name = "work"
user_dn = "/o=Contoso/cn=Recipients/cn=alice"
mailbox_url = "https://mail.contoso.com/mapi/emsmdb/"
auth = "basic"
"#;

    #[test]
    fn round_trip_full_and_minimal() {
        let tmp = TempDir::new();
        let store = tmp.store();
        for profile in [sample("work"), minimal("emulator")] {
            store.save(&profile, false).unwrap();
            assert_eq!(store.load(&profile.name).unwrap(), profile);
        }
        let text = fs::read_to_string(store.path_of("emulator").unwrap()).unwrap();
        // Absent options are left out rather than written as empty strings.
        assert!(!text.contains("smtp_address"), "{text}");
        assert!(text.contains("auth = \"anonymous\""), "{text}");
        assert!(tmp.0.join("profiles").join("work.toml").is_file());
    }

    #[test]
    fn hand_written_file_with_defaults_loads() {
        let tmp = TempDir::new();
        let store = tmp.store();
        write_profile_file(&store, "work", VALID_BODY);
        let p = store.load("work").unwrap();
        assert_eq!(p.auth, AuthMethod::Basic);
        assert!(!p.allow_insecure_http);
        assert_eq!(p.smtp_address, None);
        assert_eq!(p.secret_command, None);
    }

    #[test]
    fn saved_file_holds_no_secret_field() {
        let tmp = TempDir::new();
        let store = tmp.store();
        for auth in AuthMethod::ALL {
            let profile = Profile {
                auth,
                ..sample(auth.as_str())
            };
            store.save(&profile, false).unwrap();
            let text = fs::read_to_string(store.path_of(auth.as_str()).unwrap()).unwrap();
            let table: toml::Table = toml::from_str(&text).unwrap();
            for key in table.keys() {
                assert!(KNOWN_KEYS.contains(&key.as_str()), "unexpected key {key}");
                assert!(
                    !["password", "passwd", "token", "secret"].contains(&key.as_str()),
                    "secret key {key}"
                );
            }
            assert_eq!(find_secret_key(&table, ""), None);
        }
    }

    #[test]
    fn list_is_sorted_and_skips_non_profiles() {
        let tmp = TempDir::new();
        let store = tmp.store();
        assert_eq!(store.list().unwrap(), Vec::<String>::new(), "no dir yet");
        for name in ["zeta", "alpha", "Mid-1", "beta.2"] {
            store.save(&minimal(name), false).unwrap();
        }
        let dir = store.profiles_dir();
        fs::write(dir.join("notes.txt"), "x").unwrap();
        fs::write(dir.join(".hidden.toml.123.0.tmp"), "x").unwrap();
        fs::write(dir.join(".hidden.toml"), "x").unwrap();
        fs::write(dir.join("work.toml~"), "x").unwrap();
        fs::create_dir(dir.join("sub.toml")).unwrap();
        assert_eq!(store.list().unwrap(), ["Mid-1", "alpha", "beta.2", "zeta"]);
    }

    #[test]
    fn save_refuses_to_overwrite_unless_asked() {
        let tmp = TempDir::new();
        let store = tmp.store();
        let first = sample("work");
        store.save(&first, false).unwrap();
        let second = Profile {
            auth: AuthMethod::Bearer,
            ..sample("work")
        };
        match store.save(&second, false) {
            Err(ProfileError::AlreadyExists(name)) => assert_eq!(name, "work"),
            other => panic!("{other:?}"),
        }
        assert_eq!(store.load("work").unwrap(), first, "left alone");
        store.save(&second, true).unwrap();
        assert_eq!(store.load("work").unwrap(), second);
        // No temporary file is left behind.
        let leftovers: Vec<_> = fs::read_dir(store.profiles_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, [OsString::from("work.toml")]);
    }

    #[test]
    fn delete_removes_and_reports_missing() {
        let tmp = TempDir::new();
        let store = tmp.store();
        store.save(&minimal("a"), false).unwrap();
        store.save(&minimal("b"), false).unwrap();
        store.delete("a").unwrap();
        assert_eq!(store.list().unwrap(), ["b"]);
        assert!(matches!(store.delete("a"), Err(ProfileError::NotFound(n)) if n == "a"));
        assert!(matches!(store.load("a"), Err(ProfileError::NotFound(n)) if n == "a"));
    }

    #[test]
    fn invalid_names_are_refused_everywhere() {
        let tmp = TempDir::new();
        let store = tmp.store();
        let long = "x".repeat(MAX_NAME_LEN + 1);
        for name in [
            "",
            ".",
            "..",
            "../x",
            "a/b",
            "a\\b",
            "/abs",
            ".hidden",
            "sp ace",
            "tab\t",
            "nul",
            "CON",
            "com1.x",
            "Lpt9",
            "naïve",
            "a:b",
            long.as_str(),
        ] {
            assert!(
                matches!(validate_name(name), Err(ProfileError::InvalidName { .. })),
                "{name:?} accepted"
            );
            assert!(matches!(
                store.load(name),
                Err(ProfileError::InvalidName { .. })
            ));
            assert!(matches!(
                store.delete(name),
                Err(ProfileError::InvalidName { .. })
            ));
            assert!(matches!(
                store.save(&minimal(name), false),
                Err(ProfileError::InvalidName { .. })
            ));
        }
        // Nothing was written, inside or beside the store.
        assert!(!store.profiles_dir().exists());
        assert!(!tmp.0.join("x.toml").exists());
        for name in [
            "work", "a", "Work_2", "x.y", "com", "com10", "console", "-dash",
        ] {
            validate_name(name).unwrap();
        }
        validate_name(&"x".repeat(MAX_NAME_LEN)).unwrap();
    }

    #[test]
    fn unknown_key_is_a_parse_error_naming_it() {
        let tmp = TempDir::new();
        let store = tmp.store();
        let text = format!("{VALID_BODY}mailbox_ulr = \"https://x.example/\"\n");
        let path = write_profile_file(&store, "work", &text);
        match store.load("work") {
            Err(ProfileError::Parse { path: p, message }) => {
                assert_eq!(p, path);
                assert!(message.contains("mailbox_ulr"), "{message}");
                assert!(message.starts_with("line 6:"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_key_and_bad_values_are_parse_errors() {
        let tmp = TempDir::new();
        let store = tmp.store();
        let no_dn = VALID_BODY.replace("user_dn = \"/o=Contoso/cn=Recipients/cn=alice\"\n", "");
        write_profile_file(&store, "work", &no_dn);
        assert!(matches!(
            store.load("work"),
            Err(ProfileError::Parse { message, .. }) if message.contains("user_dn")
        ));
        let bad_auth = VALID_BODY.replace("\"basic\"", "\"kerberos\"");
        write_profile_file(&store, "work", &bad_auth);
        assert!(matches!(
            store.load("work"),
            Err(ProfileError::Parse { message, .. }) if message.contains("kerberos")
        ));
        write_profile_file(&store, "work", "name = [unclosed\n");
        assert!(matches!(
            store.load("work"),
            Err(ProfileError::Parse { .. })
        ));
    }

    #[test]
    fn secret_looking_keys_are_refused_without_showing_the_value() {
        let tmp = TempDir::new();
        let store = tmp.store();
        for (extra, key) in [
            ("password = \"hunter2\"", "password"),
            ("pasword = \"hunter2\"", ""),
            ("Token = \"hunter2\"", "Token"),
            ("client_secret = \"hunter2\"", "client_secret"),
            ("pwd = \"hunter2\"", "pwd"),
            (
                "[auth_options]\npassword = \"hunter2\"",
                "auth_options.password",
            ),
            (
                "[[creds]]\nuser = \"a\"\naccess_token = \"hunter2\"",
                "creds.access_token",
            ),
        ] {
            let text = format!("{VALID_BODY}{extra}\n");
            write_profile_file(&store, "work", &text);
            let err = store.load("work").unwrap_err();
            let shown = err.to_string();
            assert!(!shown.contains("hunter2"), "{shown}");
            if key.is_empty() {
                // A misspelt key that no secret word matches is still refused, as unknown.
                assert!(matches!(err, ProfileError::Parse { .. }), "{err:?}");
                assert!(shown.contains("pasword"), "{shown}");
            } else {
                match err {
                    ProfileError::SecretInFile { key: k, .. } => assert_eq!(k, key),
                    other => panic!("{other:?}"),
                }
                assert!(shown.contains("never stored"), "{shown}");
            }
        }
        // Broken syntax on a secret line: the message gives the line, not its text.
        write_profile_file(&store, "work", &format!("{VALID_BODY}password = hunter2\n"));
        let shown = store.load("work").unwrap_err().to_string();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("line 6"), "{shown}");
    }

    #[test]
    fn file_name_and_name_key_must_agree() {
        let tmp = TempDir::new();
        let store = tmp.store();
        write_profile_file(&store, "other", VALID_BODY);
        assert!(matches!(
            store.load("other"),
            Err(ProfileError::Invalid { field: "name", .. })
        ));
    }

    #[test]
    fn load_validates_what_it_reads() {
        let tmp = TempDir::new();
        let store = tmp.store();
        let http = VALID_BODY.replace("https://", "http://");
        write_profile_file(&store, "work", &http);
        assert!(matches!(
            store.load("work"),
            Err(ProfileError::Invalid {
                field: "mailbox_url",
                ..
            })
        ));
        write_profile_file(
            &store,
            "work",
            &format!("{http}allow_insecure_http = true\n"),
        );
        assert!(store.load("work").unwrap().allow_insecure_http);
    }

    #[test]
    fn oversized_and_non_utf8_files_are_refused() {
        let tmp = TempDir::new();
        let store = tmp.store();
        let big = format!("{VALID_BODY}# {}\n", "x".repeat(MAX_FILE_LEN as usize));
        write_profile_file(&store, "work", &big);
        assert!(matches!(
            store.load("work"),
            Err(ProfileError::Parse { .. })
        ));
        let path = store.path_of("work").unwrap();
        fs::write(&path, b"name = \"\xff\"\n").unwrap();
        assert!(matches!(
            store.load("work"),
            Err(ProfileError::Parse { .. })
        ));
    }

    #[test]
    fn validate_checks_fields() {
        minimal("ok").validate().unwrap();
        sample("ok").validate().unwrap();
        let cases: Vec<(Profile, &str)> = vec![
            (
                Profile {
                    user_dn: "  ".into(),
                    ..sample("p")
                },
                "user_dn",
            ),
            (
                Profile {
                    mailbox_url: "ftp://x/".into(),
                    ..sample("p")
                },
                "mailbox_url",
            ),
            (
                Profile {
                    mailbox_url: "mail.contoso.com/mapi".into(),
                    ..sample("p")
                },
                "mailbox_url",
            ),
            (
                Profile {
                    mailbox_url: "https:///mapi".into(),
                    ..sample("p")
                },
                "mailbox_url",
            ),
            (
                Profile {
                    mailbox_url: "https://a b/".into(),
                    ..sample("p")
                },
                "mailbox_url",
            ),
            (
                Profile {
                    mailbox_url: "http://127.0.0.1/".into(),
                    ..sample("p")
                },
                "mailbox_url",
            ),
            (
                Profile {
                    address_book_url: Some("http://127.0.0.1/nspi/".into()),
                    ..sample("p")
                },
                "address_book_url",
            ),
            (
                Profile {
                    smtp_address: Some("alice".into()),
                    ..sample("p")
                },
                "smtp_address",
            ),
            (
                Profile {
                    smtp_address: Some("@x".into()),
                    ..sample("p")
                },
                "smtp_address",
            ),
            (
                Profile {
                    login: Some(String::new()),
                    ..sample("p")
                },
                "login",
            ),
            (
                Profile {
                    secret_command: Some(" ".into()),
                    ..sample("p")
                },
                "secret_command",
            ),
            (
                Profile {
                    display_name: Some("a\nb".into()),
                    ..sample("p")
                },
                "display_name",
            ),
        ];
        for (profile, field) in cases {
            match profile.validate() {
                Err(ProfileError::Invalid { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        // Scheme case does not matter; http:// passes once allowed.
        Profile {
            mailbox_url: "HTTPS://mail.contoso.com/mapi/emsmdb/".into(),
            ..sample("p")
        }
        .validate()
        .unwrap();
        Profile {
            address_book_url: Some("http://127.0.0.1:8080/mapi/nspi/".into()),
            ..minimal("p")
        }
        .validate()
        .unwrap();
    }

    #[test]
    fn auth_method_names() {
        for m in AuthMethod::ALL {
            assert_eq!(m.to_string().parse::<AuthMethod>().unwrap(), m);
            assert_eq!(
                m.to_string().to_uppercase().parse::<AuthMethod>().unwrap(),
                m
            );
            // The serde name is the Display name.
            #[derive(Serialize, Deserialize)]
            struct W {
                auth: AuthMethod,
            }
            let text = toml::to_string(&W { auth: m }).unwrap();
            assert_eq!(text.trim(), format!("auth = \"{m}\""));
            assert_eq!(toml::from_str::<W>(&text).unwrap().auth, m);
        }
        assert_eq!(
            ["anonymous", "basic", "ntlm", "negotiate", "bearer"],
            AuthMethod::ALL.map(AuthMethod::as_str)
        );
        let err = "kerberos".parse::<AuthMethod>().unwrap_err();
        assert_eq!(err, UnknownAuthMethod("kerberos".into()));
        assert!(err.to_string().contains("ntlm"));
        assert!(AuthMethod::Ntlm.uses_password());
        assert!(!AuthMethod::Bearer.uses_password());
    }

    #[test]
    fn resolve_dir_prefers_the_env_var() {
        let platform = Some(PathBuf::from("/home/u/.config"));
        assert_eq!(
            resolve_dir(Some(OsString::from("/tmp/cfg")), platform.clone()).unwrap(),
            PathBuf::from("/tmp/cfg")
        );
        assert_eq!(
            resolve_dir(None, platform.clone()).unwrap(),
            PathBuf::from("/home/u/.config").join("mapi-http")
        );
        // Set but empty counts as unset, as shells make `MAPI_CONFIG_DIR=` easy to leave.
        assert_eq!(
            resolve_dir(Some(OsString::new()), platform).unwrap(),
            PathBuf::from("/home/u/.config").join("mapi-http")
        );
        assert_eq!(
            resolve_dir(Some(OsString::from("rel")), None).unwrap(),
            PathBuf::from("rel")
        );
        assert!(matches!(
            resolve_dir(None, None),
            Err(ProfileError::NoConfigDir)
        ));
    }

    #[test]
    fn store_paths() {
        let store = ProfileStore::at("/cfg");
        assert_eq!(store.dir(), Path::new("/cfg"));
        assert_eq!(store.profiles_dir(), Path::new("/cfg").join("profiles"));
        assert_eq!(
            store.path_of("work").unwrap(),
            Path::new("/cfg").join("profiles").join("work.toml")
        );
    }

    #[test]
    fn module_doc_example_loads() {
        // The same text as the example in the module docs.
        let text = r#"name = "work"
smtp_address = "alice@contoso.com"
display_name = "Alice Example"
user_dn = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice"
mailbox_url = "https://mail.contoso.com/mapi/emsmdb/?MailboxId=0f6c@contoso.com"
address_book_url = "https://mail.contoso.com/mapi/nspi/?MailboxId=0f6c@contoso.com"
login = "CONTOSO\\alice"
auth = "ntlm"
secret_command = "pass show exchange/alice"
allow_insecure_http = false
"#;
        let doc = include_str!("profile.rs");
        assert!(
            doc.contains(
                &text
                    .lines()
                    .map(|l| format!("//! {l}\n"))
                    .collect::<String>()
            )
        );
        let tmp = TempDir::new();
        let store = tmp.store();
        write_profile_file(&store, "work", text);
        let loaded = store.load("work").unwrap();
        assert_eq!(
            loaded,
            Profile {
                display_name: Some("Alice Example".into()),
                ..sample("work")
            }
        );
    }

    #[test]
    fn debug_of_profile_is_plain() {
        // Nothing to redact: there is no secret field; the command is shown as configured.
        let shown = format!("{:?}", sample("work"));
        assert!(shown.contains("pass show exchange/alice"));
    }
}
