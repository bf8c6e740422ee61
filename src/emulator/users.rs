//! The emulator's user directory: who may log on, and who the address book lists.
//!
//! A [`Users`] directory is read from a TOML file ([`Users::from_toml`]) or built in
//! ([`Users::demo`]: a handful of demo mailboxes plus a few hundred deterministic GAL entries).
//! Lookups follow what Exchange accepts at its logon prompts and in its protocols: logon names
//! in the plain, down-level (`DOMAIN\login`) and UPN (`login@domain`) forms, SMTP addresses
//! (autodiscover) and legacy DNs (Connect's UserDn, RopLogon's Essdn), all case-insensitive.
//!
//! # File format
//!
//! ```toml
//! # Exchange organization name: the `/o=` of every legacy DN. Default "First Organization".
//! organization = "Contoso"
//! # DNS domain: default SMTP domain and UPN suffix. Required.
//! domain = "contoso.example"
//! # NetBIOS domain for `DOMAIN\login` and NTLM. Default: the first label of `domain`, upper case.
//! netbios_domain = "CONTOSO"
//!
//! [[user]]
//! login = "alice"
//! password = "Alice-Pa55"
//! display_name = "Alice Anders"
//! smtp_address = "alice@contoso.example"
//! # Optional: derived as Exchange forms it when absent (see `derive_legacy_dn`).
//! legacy_dn = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice"
//! # Optional: the mailbox lives on another server. A session context acts as this server
//! # when its URL's MailboxId is the user's `<guid>@<domain>`, SMTP address or this name;
//! # RopLogon on any other server answers ecWrongServer naming it.
//! home_server = "mbx2.contoso.example"
//! # Optional address-book attributes.
//! given_name = "Alice"
//! surname = "Anders"
//! department = "Sales"
//! title = "Account Manager"
//! phone = "+1 425 555 0100"
//! office = "Building 1"
//! ```

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};

use uuid::Uuid;

use super::User;

/// The administrative group every Exchange 2007+ legacy DN names; Exchange fixed it at this
/// value when administrative groups were retired.
pub const ADMIN_GROUP: &str = "Exchange Administrative Group (FYDIBOHF23SPDLT)";

/// Default organization name, as Exchange setup proposes it.
pub const DEFAULT_ORGANIZATION: &str = "First Organization";

/// One directory entry: a mailbox user plus the address-book attributes the GAL shows.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DirectoryEntry {
    /// Logon identity and mailbox (its `Debug` hides the password).
    pub user: User,
    /// PidTagGivenName.
    pub given_name: Option<String>,
    /// PidTagSurname.
    pub surname: Option<String>,
    /// PidTagDepartmentName.
    pub department: Option<String>,
    /// PidTagTitle.
    pub title: Option<String>,
    /// PidTagBusinessTelephoneNumber.
    pub phone: Option<String>,
    /// PidTagOfficeLocation.
    pub office: Option<String>,
    /// The mailbox GUID ([`mailbox_guid`] of the legacy DN), as autodiscover's MailboxId
    /// and the store's mailbox identity use it.
    pub mailbox_guid: Uuid,
}

/// Why a users file was refused.
#[derive(Debug, thiserror::Error)]
pub enum UsersError {
    /// Not TOML, or not the documented shape.
    #[error("users file: {0}")]
    Toml(#[from] toml::de::Error),
    /// A required field is empty.
    #[error("users file: user #{index}: {field} must not be empty")]
    Empty {
        /// Position of the user in the file (0-based).
        index: usize,
        /// Which field.
        field: &'static str,
    },
    /// Two users share a login, SMTP address or legacy DN (lookups would be ambiguous).
    #[error("users file: duplicate {what} {value:?}")]
    Duplicate {
        /// Which key collided.
        what: &'static str,
        /// The colliding value.
        value: String,
    },
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRoot {
    organization: Option<String>,
    domain: String,
    netbios_domain: Option<String>,
    #[serde(default)]
    user: Vec<FileUser>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileUser {
    login: String,
    password: String,
    display_name: String,
    smtp_address: Option<String>,
    legacy_dn: Option<String>,
    home_server: Option<String>,
    given_name: Option<String>,
    surname: Option<String>,
    department: Option<String>,
    title: Option<String>,
    phone: Option<String>,
    office: Option<String>,
}

/// The user directory.
#[derive(Clone)]
pub struct Users {
    organization: String,
    domain: String,
    netbios_domain: String,
    entries: Vec<DirectoryEntry>,
    by_login: HashMap<String, usize>,
    by_smtp: HashMap<String, usize>,
    by_dn: HashMap<String, usize>,
}

impl fmt::Debug for Users {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Entries print through User's own redacting Debug; the count keeps logs short.
        f.debug_struct("Users")
            .field("organization", &self.organization)
            .field("domain", &self.domain)
            .field("netbios_domain", &self.netbios_domain)
            .field("entries", &self.entries.len())
            .finish()
    }
}

/// The legacy DN Exchange 2013 and later give a new recipient:
/// `/o=<org>/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=<hex>-<alias>`,
/// where `<hex>` is a GUID in 32 hex digits and `<alias>` the alias cut to 11 characters
/// (as in DNs Exchange Online hands out, e.g. `cn=46e3...1e33-jeremy.alle`).
///
/// The GUID here is a v5 UUID (namespace X.500) of `<org>/<login>` lowercased, so the same
/// user gets the same DN on every run.
pub fn derive_legacy_dn(organization: &str, login: &str) -> String {
    let login = login.to_lowercase();
    let guid = Uuid::new_v5(
        &Uuid::NAMESPACE_X500,
        format!("{}/{}", organization.to_lowercase(), login).as_bytes(),
    );
    // Legacy DNs are ASCII (an entry ID carries one as an ASCII string, MS-OXCDATA 2.2.5.2):
    // accented letters fold to their base letter, other non-ASCII characters drop out.
    let alias: String = login.chars().filter_map(ascii_fold).take(11).collect();
    format!(
        "/o={organization}/ou={ADMIN_GROUP}/cn=Recipients/cn={}-{alias}",
        guid.simple()
    )
}

/// The ASCII letter an alias keeps for `c` (`ö` -> `o`), if any.
fn ascii_fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    let base = match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => return None,
    };
    Some(base)
}

/// The mailbox GUID of a user: a v5 UUID (RFC 9562) in the X.500 namespace over the
/// lowercased legacy DN (a legacy DN is an X.500 distinguished name, and lookups of it are
/// case-insensitive, so the case must not change the GUID).
///
/// Autodiscover's `MailboxId=<guid>@<domain>` URLs and the store's mailbox identity both use
/// this, so they agree without sharing state.
pub fn mailbox_guid(legacy_dn: &str) -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_X500, legacy_dn.to_lowercase().as_bytes())
}

impl Users {
    /// An empty directory for `domain` (organization [`DEFAULT_ORGANIZATION`]).
    pub fn new(organization: &str, domain: &str, netbios_domain: Option<&str>) -> Self {
        let netbios = netbios_domain.map(str::to_owned).unwrap_or_else(|| {
            domain
                .split('.')
                .next()
                .unwrap_or(domain)
                .to_ascii_uppercase()
        });
        Users {
            organization: organization.to_owned(),
            domain: domain.to_owned(),
            netbios_domain: netbios,
            entries: Vec::new(),
            by_login: HashMap::new(),
            by_smtp: HashMap::new(),
            by_dn: HashMap::new(),
        }
    }

    /// Reads a users file in the format of the module documentation.
    pub fn from_toml(text: &str) -> Result<Self, UsersError> {
        let root: FileRoot = toml::from_str(text)?;
        let organization = root
            .organization
            .unwrap_or_else(|| DEFAULT_ORGANIZATION.to_owned());
        let mut users = Users::new(&organization, &root.domain, root.netbios_domain.as_deref());
        for (index, u) in root.user.into_iter().enumerate() {
            for (field, value) in [
                ("login", &u.login),
                ("password", &u.password),
                ("display_name", &u.display_name),
            ] {
                if value.trim().is_empty() {
                    return Err(UsersError::Empty { index, field });
                }
            }
            let smtp_address = u
                .smtp_address
                .unwrap_or_else(|| format!("{}@{}", u.login, users.domain));
            let legacy_dn = u
                .legacy_dn
                .unwrap_or_else(|| derive_legacy_dn(&users.organization, &u.login));
            users.insert(DirectoryEntry {
                mailbox_guid: mailbox_guid(&legacy_dn),
                user: User {
                    login: u.login,
                    password: u.password,
                    display_name: u.display_name,
                    smtp_address,
                    legacy_dn,
                    home_server: u.home_server,
                },
                given_name: u.given_name,
                surname: u.surname,
                department: u.department,
                title: u.title,
                phone: u.phone,
                office: u.office,
            })?;
        }
        Ok(users)
    }

    /// The built-in directory with fresh random passwords for the demo users (the `mapi serve`
    /// default; it prints them).
    pub fn demo() -> Self {
        // RandomState is seeded from the OS per process: enough for throwaway demo passwords,
        // and it needs no extra dependency.
        let mut h = RandomState::new().build_hasher();
        h.write_u64(0x6d61_7069);
        Self::demo_seeded(h.finish())
    }

    /// The built-in directory, every password derived from `seed` (the same seed gives the
    /// same directory, for tests).
    ///
    /// Organization "Contoso", domain `contoso.example`: the demo users `alice`, `bob`,
    /// `carol`, `dave`, `erin`, then [`GAL_SIZE`] address-book users named from built-in lists.
    pub fn demo_seeded(seed: u64) -> Self {
        let mut users = Users::new("Contoso", "contoso.example", Some("CONTOSO"));
        let mut rng = SplitMix64(seed);
        let demo = [
            ("alice", "Alice", "Anders", "Sales", "Account Manager"),
            ("bob", "Bob", "Brennan", "Engineering", "Software Engineer"),
            ("carol", "Carol", "Castillo", "Finance", "Controller"),
            (
                "dave",
                "Dave",
                "Dubois",
                "Engineering",
                "Site Reliability Engineer",
            ),
            ("erin", "Erin", "Eriksen", "Marketing", "Marketing Director"),
        ];
        for (i, (login, given, sur, dept, title)) in demo.into_iter().enumerate() {
            let entry = users.make_entry(
                login,
                password(&mut rng),
                given,
                sur,
                dept,
                title,
                format!("+1 425 555 01{i:02}"),
                "Building 1".to_owned(),
            );
            // The built-in set has no duplicates by construction; a failure here is a bug in
            // the lists, surfaced by the tests.
            let _ = users.insert(entry);
        }
        let mut n = 0usize;
        let mut k = 0usize;
        while n < GAL_SIZE && k < FIRST_NAMES.len() * LAST_NAMES.len() {
            // Walk the name grid with a stride coprime to its size, so neighbours differ in
            // both names and the list looks like a company, not a multiplication table.
            let idx = (k * 7) % (FIRST_NAMES.len() * LAST_NAMES.len());
            k += 1;
            let given = FIRST_NAMES[idx % FIRST_NAMES.len()];
            let sur = LAST_NAMES[idx / FIRST_NAMES.len()];
            let login = format!("{}.{}", given.to_lowercase(), sur.to_lowercase());
            let dept = DEPARTMENTS[n % DEPARTMENTS.len()];
            let title = TITLES[(n / DEPARTMENTS.len()) % TITLES.len()];
            let entry = users.make_entry(
                &login,
                password(&mut rng),
                given,
                sur,
                dept,
                title,
                format!("+1 425 555 {:04}", 1000 + n),
                format!("Building {}", 2 + n % 5),
            );
            if users.insert(entry).is_ok() {
                n += 1;
            }
        }
        users
    }

    #[allow(clippy::too_many_arguments)]
    fn make_entry(
        &self,
        login: &str,
        password: String,
        given: &str,
        sur: &str,
        dept: &str,
        title: &str,
        phone: String,
        office: String,
    ) -> DirectoryEntry {
        let legacy_dn = derive_legacy_dn(&self.organization, login);
        DirectoryEntry {
            mailbox_guid: mailbox_guid(&legacy_dn),
            user: User {
                login: login.to_owned(),
                password,
                display_name: format!("{given} {sur}"),
                smtp_address: format!("{login}@{}", self.domain),
                legacy_dn,
                home_server: None,
            },
            given_name: Some(given.to_owned()),
            surname: Some(sur.to_owned()),
            department: Some(dept.to_owned()),
            title: Some(title.to_owned()),
            phone: Some(phone),
            office: Some(office),
        }
    }

    /// Adds an entry; refuses one whose login, SMTP address or legacy DN is already taken
    /// (case-insensitively).
    pub fn insert(&mut self, entry: DirectoryEntry) -> Result<(), UsersError> {
        let login = entry.user.login.to_lowercase();
        let smtp = entry.user.smtp_address.to_lowercase();
        let dn = entry.user.legacy_dn.to_lowercase();
        for (what, map, key) in [
            ("login", &self.by_login, &login),
            ("smtp_address", &self.by_smtp, &smtp),
            ("legacy_dn", &self.by_dn, &dn),
        ] {
            if map.contains_key(key) {
                return Err(UsersError::Duplicate {
                    what,
                    value: key.clone(),
                });
            }
        }
        let i = self.entries.len();
        self.entries.push(entry);
        self.by_login.insert(login, i);
        self.by_smtp.insert(smtp, i);
        self.by_dn.insert(dn, i);
        Ok(())
    }

    /// Organization name (the `/o=` of legacy DNs).
    pub fn organization(&self) -> &str {
        &self.organization
    }

    /// DNS domain (SMTP domain, UPN suffix, autodiscover's MailboxId domain).
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// NetBIOS domain (`DOMAIN\login`, NTLM's domain).
    pub fn netbios_domain(&self) -> &str {
        &self.netbios_domain
    }

    /// All entries, in insertion order (demo users first).
    pub fn entries(&self) -> &[DirectoryEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the directory is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Finds a user by a logon name as typed at a Basic or NTLM prompt: `login`,
    /// `DOMAIN\login` (NetBIOS or DNS domain of this directory) or `login@domain` (UPN; when
    /// the suffix is not this directory's domain, the whole name is tried as an SMTP address,
    /// as Exchange accepts the primary address at the prompt). Case-insensitive.
    pub fn find_login(&self, name: &str) -> Option<&DirectoryEntry> {
        let name = name.trim();
        if let Some((domain, account)) = name.split_once('\\') {
            if domain.eq_ignore_ascii_case(&self.netbios_domain)
                || domain.eq_ignore_ascii_case(&self.domain)
            {
                return self.lookup(&self.by_login, account);
            }
            return None;
        }
        if let Some((account, domain)) = name.rsplit_once('@') {
            if domain.eq_ignore_ascii_case(&self.domain)
                && let Some(e) = self.lookup(&self.by_login, account)
            {
                return Some(e);
            }
            return self.find_smtp(name);
        }
        self.lookup(&self.by_login, name)
    }

    /// Finds a user by primary SMTP address (case-insensitive; an `SMTP:` prefix is allowed).
    pub fn find_smtp(&self, address: &str) -> Option<&DirectoryEntry> {
        let address = address.trim();
        let address = address
            .get(..5)
            .filter(|p| p.eq_ignore_ascii_case("smtp:"))
            .map_or(address, |_| &address[5..]);
        self.lookup(&self.by_smtp, address)
    }

    /// Finds a user by legacy DN (case-insensitive, as Exchange compares DNs).
    pub fn find_legacy_dn(&self, dn: &str) -> Option<&DirectoryEntry> {
        self.lookup(&self.by_dn, dn.trim())
    }

    fn lookup(&self, map: &HashMap<String, usize>, key: &str) -> Option<&DirectoryEntry> {
        map.get(&key.to_lowercase())
            .and_then(|&i| self.entries.get(i))
    }
}

/// How many address-book users [`Users::demo_seeded`] adds after the demo users.
pub const GAL_SIZE: usize = 300;

const FIRST_NAMES: [&str; 24] = [
    "Aaron",
    "Beatrice",
    "Carlos",
    "Dana",
    "Elif",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ingrid",
    "Jamal",
    "Katarzyna",
    "Liam",
    "Maya",
    "Nikolai",
    "Olivia",
    "Pedro",
    "Quinn",
    "Rosa",
    "Sanjay",
    "Tamara",
    "Umar",
    "Valentina",
    "Wei",
    "Yasmin",
];

const LAST_NAMES: [&str; 20] = [
    "Abbott",
    "Becker",
    "Chen",
    "Diaz",
    "Ekström",
    "Fischer",
    "García",
    "Hughes",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "O'Brien",
    "Patel",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Williams",
];

const DEPARTMENTS: [&str; 7] = [
    "Sales",
    "Engineering",
    "Finance",
    "Marketing",
    "Human Resources",
    "Legal",
    "Operations",
];

const TITLES: [&str; 6] = [
    "Associate",
    "Specialist",
    "Senior Specialist",
    "Team Lead",
    "Manager",
    "Director",
];

/// SplitMix64: a tiny, well-known PRNG, enough to spread a seed over passwords.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// 16 characters from an alphabet without look-alikes, always with upper, lower and digit
/// (Exchange's default password policy wants three character classes).
fn password(rng: &mut SplitMix64) -> String {
    const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const LOWER: &[u8] = b"abcdefghijkmnpqrstuvwxyz";
    const DIGIT: &[u8] = b"23456789";
    let classes = [UPPER, LOWER, DIGIT];
    (0..16)
        .map(|i| {
            let class = classes[if i < 3 { i } else { (rng.next() % 3) as usize }];
            class[(rng.next() % class.len() as u64) as usize] as char
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
organization = "Fabrikam"
domain = "fabrikam.example"

[[user]]
login = "Ann"
password = "pw-ann"
display_name = "Ann Archer"
smtp_address = "ann.archer@fabrikam.example"
department = "Legal"

[[user]]
login = "ben"
password = "pw-ben"
display_name = "Ben Bell"
legacy_dn = "/o=Fabrikam/ou=First Administrative Group/cn=Recipients/cn=ben"
home_server = "mbx2.fabrikam.example"
"#;

    #[test]
    fn file_users_get_defaults_and_derived_dns() {
        let users = Users::from_toml(FILE).unwrap();
        assert_eq!(users.organization(), "Fabrikam");
        assert_eq!(users.netbios_domain(), "FABRIKAM");
        assert_eq!(users.len(), 2);
        let ann = users.find_login("ann").unwrap();
        assert_eq!(ann.user.smtp_address, "ann.archer@fabrikam.example");
        assert_eq!(ann.department.as_deref(), Some("Legal"));
        let dn = &ann.user.legacy_dn;
        assert!(
            dn.starts_with(
                "/o=Fabrikam/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
            ),
            "{dn}"
        );
        assert!(dn.ends_with("-ann"), "{dn}");
        assert_eq!(ann.mailbox_guid, mailbox_guid(dn));
        let ben = users.find_smtp("BEN@fabrikam.example").unwrap();
        assert_eq!(
            ben.user.home_server.as_deref(),
            Some("mbx2.fabrikam.example")
        );
        assert_eq!(
            users
                .find_legacy_dn("/O=FABRIKAM/OU=First Administrative Group/CN=Recipients/CN=BEN")
                .map(|e| e.user.login.as_str()),
            Some("ben")
        );
    }

    #[test]
    fn logon_name_forms_as_exchange_accepts_them() {
        let users = Users::from_toml(FILE).unwrap();
        for form in [
            "ann",
            "ANN",
            "FABRIKAM\\ann",
            "fabrikam.example\\Ann",
            "ann@fabrikam.example",
            "ann.archer@FABRIKAM.example",
        ] {
            assert_eq!(
                users.find_login(form).map(|e| e.user.login.as_str()),
                Some("Ann"),
                "{form}"
            );
        }
        for form in ["OTHER\\ann", "ann@other.example", "nobody", "", "\\", "@"] {
            assert!(users.find_login(form).is_none(), "{form}");
        }
    }

    #[test]
    fn bad_files_are_refused_with_reasons() {
        assert!(matches!(
            Users::from_toml("domain = 3"),
            Err(UsersError::Toml(_))
        ));
        assert!(matches!(
            Users::from_toml("domain = \"x.example\"\nbogus = 1"),
            Err(UsersError::Toml(_))
        ));
        let empty_pw = "domain = \"x.example\"\n[[user]]\nlogin = \"a\"\npassword = \"\"\ndisplay_name = \"A\"\n";
        assert!(matches!(
            Users::from_toml(empty_pw),
            Err(UsersError::Empty {
                index: 0,
                field: "password"
            })
        ));
        let dup = "domain = \"x.example\"\n[[user]]\nlogin = \"a\"\npassword = \"p\"\ndisplay_name = \"A\"\n[[user]]\nlogin = \"A\"\npassword = \"p\"\ndisplay_name = \"A2\"\n";
        assert!(matches!(
            Users::from_toml(dup),
            Err(UsersError::Duplicate { what: "login", .. })
        ));
    }

    #[test]
    fn demo_directory_is_deterministic_per_seed_and_complete() {
        let a = Users::demo_seeded(7);
        let b = Users::demo_seeded(7);
        let c = Users::demo_seeded(8);
        assert_eq!(a.entries(), b.entries());
        assert_eq!(a.len(), 5 + GAL_SIZE);
        let alice = a.find_login("alice").unwrap();
        assert_ne!(
            alice.user.password,
            c.find_login("alice").unwrap().user.password
        );
        assert_eq!(alice.user.password.len(), 16);
        assert!(alice.user.password.chars().any(|c| c.is_ascii_uppercase()));
        assert!(alice.user.password.chars().any(|c| c.is_ascii_digit()));
        for e in a.entries() {
            assert!(a.find_smtp(&e.user.smtp_address).is_some());
            assert!(a.find_legacy_dn(&e.user.legacy_dn).is_some());
            assert!(e.department.is_some() && e.title.is_some() && e.phone.is_some());
        }
        let depts: std::collections::HashSet<_> = a
            .entries()
            .iter()
            .filter_map(|e| e.department.clone())
            .collect();
        assert!(depts.len() >= DEPARTMENTS.len());
    }

    #[test]
    fn debug_output_never_shows_passwords() {
        let users = Users::demo_seeded(1);
        let pw = users.find_login("bob").unwrap().user.password.clone();
        let dbg = format!("{users:?} {:?}", users.find_login("bob").unwrap());
        assert!(!dbg.contains(&pw), "{dbg}");
    }

    #[test]
    fn mailbox_guid_ignores_dn_case() {
        assert_eq!(mailbox_guid("/o=A/cn=B"), mailbox_guid("/O=a/CN=b"));
        assert_ne!(mailbox_guid("/o=A/cn=B"), mailbox_guid("/o=A/cn=C"));
        assert_eq!(mailbox_guid("/o=A/cn=B").get_version_num(), 5);
    }
}
