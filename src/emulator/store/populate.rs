//! Deterministic mailbox content: the same seed gives the same folders, messages, ids and
//! times, so tests can count on them.

use crate::wire::FileTime;
use crate::wire::Wire;
use crate::wire::entry_id::AddressBookEntryId;
use crate::wire::entry_id::DisplayType;
use crate::wire::property::tags as t;

use super::mailbox::{Mailbox, SpecialFolder};
use super::model::{
    Attachment, MessageContent, Recipient, StoredMessage, attach_method, message_flags,
};
use super::props::PropBag;

/// Messages generated per folder: (folder, count, message class).
pub const CONTENT: [(SpecialFolder, usize, &str); 8] = [
    (SpecialFolder::Inbox, 120, "IPM.Note"),
    (SpecialFolder::SentItems, 60, "IPM.Note"),
    (SpecialFolder::DeletedItems, 25, "IPM.Note"),
    (SpecialFolder::Drafts, 8, "IPM.Note"),
    (SpecialFolder::Calendar, 40, "IPM.Appointment"),
    (SpecialFolder::Contacts, 50, "IPM.Contact"),
    (SpecialFolder::Tasks, 15, "IPM.Task"),
    (SpecialFolder::Notes, 10, "IPM.StickyNote"),
];

/// How many messages `populate` puts in `which` (0 for folders it leaves empty).
pub fn message_count(which: SpecialFolder) -> usize {
    CONTENT
        .iter()
        .find(|(f, _, _)| *f == which)
        .map_or(0, |(_, n, _)| *n)
}

/// Every third Inbox message is unread: 40 of 120.
pub const INBOX_UNREAD: usize = 40;
/// Every tenth message of Inbox and Sent Items has attachments (the 6th of those also an
/// embedded message).
pub const ATTACHMENT_EVERY: usize = 10;

/// xorshift64*: small, seeded, good enough for test content.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced, xorshift cannot leave it).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1) ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs.get(self.below(xs.len())).copied().unwrap_or("")
    }
}

const FIRST: &[&str] = &[
    "Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory",
    "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Zoë",
];
const LAST: &[&str] = &[
    "Anderson", "Brown", "Chen", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ivanova",
    "Jensen", "Kowalski", "López", "Müller", "Nakamura", "O'Brien", "Patel",
];
const TOPICS: &[&str] = &[
    "Quarterly report",
    "Budget review",
    "Team offsite",
    "Server migration",
    "Release planning",
    "Customer escalation",
    "Lunch on Friday?",
    "Security training",
    "Invoice 4471",
    "Design review notes",
    "Holiday schedule",
    "Build is broken",
];
const BODY: &[&str] = &[
    "Please find the details below.",
    "Can we discuss this tomorrow morning?",
    "I have attached the latest version for your review.",
    "Thanks for the quick turnaround on this.",
    "Let me know if anything is unclear.",
    "The numbers look good overall, with a few open questions.",
];

struct Person {
    name: String,
    smtp: String,
}

fn person(rng: &mut Rng) -> Person {
    let f = rng.pick(FIRST);
    let l = rng.pick(LAST);
    let smtp = format!(
        "{}.{}@contoso.com",
        f.to_lowercase().replace('ë', "e"),
        l.to_lowercase()
            .replace(['á', 'í'], "i")
            .replace('ó', "o")
            .replace('ü', "u")
            .replace('\'', "")
    );
    Person {
        name: format!("{f} {l}"),
        smtp,
    }
}

fn one_off_entry_id(p: &Person) -> Vec<u8> {
    // Recipients outside the organization are named by SMTP; a GAL-style entry ID keeps the
    // generator free of the one-off encoder's details and is what Exchange stores for users.
    AddressBookEntryId::new(
        DisplayType::MAIL_USER,
        format!("/o=Contoso/ou=External/cn=Recipients/cn={}", p.smtp),
    )
    .to_bytes()
    .unwrap_or_default()
}

fn recipient(row_id: u32, kind: i32, p: &Person) -> Recipient {
    let mut props = PropBag::new();
    props.put(t::PID_TAG_RECIPIENT_TYPE, kind);
    props.put(t::PID_TAG_DISPLAY_NAME, p.name.as_str());
    props.put(t::PID_TAG_EMAIL_ADDRESS, p.smtp.as_str());
    props.put(t::PID_TAG_ADDRESS_TYPE, "SMTP");
    props.put(t::PID_TAG_SMTP_ADDRESS, p.smtp.as_str());
    props.put(t::PID_TAG_ENTRY_ID, one_off_entry_id(p));
    props.put(t::PID_TAG_RECIPIENT_DISPLAY_NAME, p.name.as_str());
    props.put(t::PID_TAG_OBJECT_TYPE, 6i32);
    props.put(t::PID_TAG_DISPLAY_TYPE, 0i32);
    Recipient { row_id, props }
}

fn file_attachment(num: u32, name: &str, bytes: Vec<u8>, mime: &str) -> Attachment {
    let mut props = PropBag::new();
    props.put(t::PID_TAG_ATTACH_METHOD, attach_method::BY_VALUE);
    props.put(t::PID_TAG_ATTACH_LONG_FILENAME, name);
    props.put(t::PID_TAG_ATTACH_FILENAME, name);
    props.put(t::PID_TAG_DISPLAY_NAME, name);
    if let Some(ext) = name.rsplit_once('.').map(|(_, e)| format!(".{e}")) {
        props.put(t::PID_TAG_ATTACH_EXTENSION, ext);
    }
    props.put(t::PID_TAG_ATTACH_MIME_TAG, mime);
    props.put(t::PID_TAG_RENDERING_POSITION, -1i32);
    props.put(t::PID_TAG_ATTACH_DATA_BINARY, bytes);
    Attachment {
        num,
        props,
        embedded: None,
    }
}

impl Mailbox {
    /// Fills the mailbox with [`CONTENT`]; deterministic for a given `seed`.
    pub fn populate(&mut self, seed: u64) {
        let mut rng = Rng::new(seed);
        let (owner_name, owner_smtp, owner_dn) = match &self.kind {
            super::mailbox::StoreKind::Private {
                display_name,
                smtp_address,
                legacy_dn,
            } => (
                display_name.clone(),
                smtp_address.clone(),
                legacy_dn.clone(),
            ),
            super::mailbox::StoreKind::Public => return,
        };
        let owner = Person {
            name: owner_name,
            smtp: owner_smtp,
        };
        let owner_eid = AddressBookEntryId::new(DisplayType::MAIL_USER, owner_dn)
            .to_bytes()
            .unwrap_or_default();
        let base = self.clock;
        for (which, count, class) in CONTENT {
            let Some(fid) = self.special_folder(which) else {
                continue;
            };
            let fc = fid.global_counter().value();
            for i in 0..count {
                let sent = which == SpecialFolder::SentItems || which == SpecialFolder::Drafts;
                let other = person(&mut rng);
                let (from, to) = if sent {
                    (&owner, &other)
                } else {
                    (&other, &owner)
                };
                let topic = rng.pick(TOPICS);
                let prefix = match rng.below(5) {
                    0 => "RE: ",
                    1 => "FW: ",
                    _ => "",
                };
                let subject = match which {
                    SpecialFolder::Contacts => other.name.clone(),
                    SpecialFolder::Calendar => format!("Meeting: {topic}"),
                    SpecialFolder::Tasks => format!("Follow up: {topic}"),
                    SpecialFolder::Notes => format!("Note {}: {topic}", i + 1),
                    _ => format!("{prefix}{topic} #{}", i + 1),
                };
                // Spread over the last 200 days, older first.
                let age = (count - i) as u64 * 86_400 * 200 / count as u64 + rng.below(3600) as u64;
                let when = FileTime(base.0.saturating_sub(age * 10_000_000));
                let mut props = PropBag::new();
                props.put(t::PID_TAG_MESSAGE_CLASS, class);
                props.put(t::PID_TAG_SUBJECT, subject.as_str());
                props.put(
                    t::PID_TAG_NORMALIZED_SUBJECT,
                    subject.trim_start_matches(prefix),
                );
                if !prefix.is_empty() {
                    props.put(t::PID_TAG_SUBJECT_PREFIX, prefix);
                }
                props.put(t::PID_TAG_CONVERSATION_TOPIC, topic);
                let body = format!(
                    "Hi {},\r\n\r\n{} {}\r\n\r\nRegards,\r\n{}",
                    to.name.split(' ').next().unwrap_or(""),
                    rng.pick(BODY),
                    rng.pick(BODY),
                    from.name
                );
                props.put(t::PID_TAG_BODY, body.as_str());
                props.put(t::PID_TAG_IMPORTANCE, [1i32, 1, 1, 2, 0][rng.below(5)]);
                props.put(t::PID_TAG_SENSITIVITY, 0i32);
                props.put(t::PID_TAG_PRIORITY, 0i32);
                props.put(t::PID_TAG_SENDER_NAME, from.name.as_str());
                props.put(t::PID_TAG_SENDER_EMAIL_ADDRESS, from.smtp.as_str());
                props.put(t::PID_TAG_SENDER_ADDRESS_TYPE, "SMTP");
                props.put(t::PID_TAG_SENDER_SMTP_ADDRESS, from.smtp.as_str());
                props.put(
                    t::PID_TAG_SENDER_ENTRY_ID,
                    if sent {
                        owner_eid.clone()
                    } else {
                        one_off_entry_id(from)
                    },
                );
                props.put(t::PID_TAG_SENT_REPRESENTING_NAME, from.name.as_str());
                props.put(
                    t::PID_TAG_SENT_REPRESENTING_EMAIL_ADDRESS,
                    from.smtp.as_str(),
                );
                props.put(t::PID_TAG_SENT_REPRESENTING_ADDRESS_TYPE, "SMTP");
                props.put(t::PID_TAG_CLIENT_SUBMIT_TIME, when);
                props.put(
                    t::PID_TAG_MESSAGE_DELIVERY_TIME,
                    FileTime(when.0 + 20_000_000),
                );
                props.put(t::PID_TAG_CREATION_TIME, when);
                props.put(
                    t::PID_TAG_LAST_MODIFICATION_TIME,
                    FileTime(when.0 + 30_000_000),
                );
                props.put(
                    t::PID_TAG_INTERNET_MESSAGE_ID,
                    format!("<{:016x}.{}@contoso.com>", rng.next_u64(), i).as_str(),
                );
                props.put(t::PID_TAG_MESSAGE_CODEPAGE, 65001i32);
                props.put(t::PID_TAG_MESSAGE_LOCALE_ID, 1033i32);
                props.put(t::PID_TAG_NATIVE_BODY, 1i32);
                let mut flags = message_flags::READ;
                if which == SpecialFolder::Inbox && i % 3 == 0 {
                    flags &= !message_flags::READ;
                }
                if which == SpecialFolder::Drafts {
                    flags |= message_flags::UNSENT;
                }
                if sent {
                    flags |= message_flags::FROM_ME;
                }
                props.put(t::PID_TAG_MESSAGE_FLAGS, flags);
                let mut content = MessageContent {
                    props,
                    ..Default::default()
                };
                if which != SpecialFolder::Contacts && which != SpecialFolder::Notes {
                    content.recipients.push(recipient(0, 1, to));
                    if rng.below(3) == 0 {
                        content.recipients.push(recipient(1, 2, &person(&mut rng)));
                    }
                }
                if which == SpecialFolder::Contacts {
                    content
                        .props
                        .put(t::PID_TAG_DISPLAY_NAME, other.name.as_str());
                    let mut parts = other.name.splitn(2, ' ');
                    content
                        .props
                        .put(t::PID_TAG_GIVEN_NAME, parts.next().unwrap_or(""));
                    content
                        .props
                        .put(t::PID_TAG_SURNAME, parts.next().unwrap_or(""));
                    content.props.put(t::PID_TAG_COMPANY_NAME, "Contoso");
                    content.props.put(
                        t::PID_TAG_BUSINESS_TELEPHONE_NUMBER,
                        format!("+1 425 555 {:04}", rng.below(10_000)).as_str(),
                    );
                }
                let with_attachments = (which == SpecialFolder::Inbox
                    || which == SpecialFolder::SentItems)
                    && i % ATTACHMENT_EVERY == 0;
                if with_attachments {
                    content.attachments.push(file_attachment(
                        0,
                        "report.txt",
                        format!("Report {} for {}\r\n", i, to.name).into_bytes(),
                        "text/plain",
                    ));
                    content.attachments.push(file_attachment(
                        1,
                        "data.bin",
                        (0..64u8)
                            .map(|b| b.wrapping_mul(7).wrapping_add(i as u8))
                            .collect(),
                        "application/octet-stream",
                    ));
                    content.next_attach_num = 2;
                    if i % (ATTACHMENT_EVERY * 6) == 0 {
                        let mut inner = PropBag::new();
                        inner.put(t::PID_TAG_MESSAGE_CLASS, "IPM.Note");
                        inner.put(t::PID_TAG_SUBJECT, format!("Original: {topic}").as_str());
                        inner.put(t::PID_TAG_BODY, "The forwarded original message.");
                        inner.put(t::PID_TAG_SENDER_NAME, other.name.as_str());
                        inner.put(t::PID_TAG_MESSAGE_FLAGS, message_flags::READ);
                        let mut props = PropBag::new();
                        props.put(t::PID_TAG_ATTACH_METHOD, attach_method::EMBEDDED_MESSAGE);
                        props.put(
                            t::PID_TAG_DISPLAY_NAME,
                            format!("Original: {topic}").as_str(),
                        );
                        props.put(t::PID_TAG_RENDERING_POSITION, -1i32);
                        content.attachments.push(Attachment {
                            num: 2,
                            props,
                            embedded: Some(Box::new(MessageContent {
                                props: inner,
                                recipients: vec![recipient(0, 1, &owner)],
                                ..Default::default()
                            })),
                        });
                        content.next_attach_num = 3;
                    }
                }
                let c = self.alloc_counter();
                let cn = self.alloc_counter();
                self.messages.insert(
                    c,
                    StoredMessage {
                        counter: c,
                        folder: fc,
                        associated: false,
                        content,
                        change_number: cn,
                        status: 0,
                    },
                );
                if let Some(f) = self.folders.get_mut(&fc) {
                    f.normal.insert(c);
                }
            }
        }
        // One FAI message (a view definition, as Outlook keeps them) in the Inbox.
        if let Some(inbox) = self.special_folder(SpecialFolder::Inbox) {
            let fc = inbox.global_counter().value();
            let mut props = PropBag::new();
            props.put(
                t::PID_TAG_MESSAGE_CLASS,
                "IPM.Microsoft.FolderDesign.NamedView",
            );
            props.put(t::PID_TAG_SUBJECT, "Compact");
            props.put(
                t::PID_TAG_MESSAGE_FLAGS,
                message_flags::READ | message_flags::FAI,
            );
            let c = self.alloc_counter();
            let cn = self.alloc_counter();
            self.messages.insert(
                c,
                StoredMessage {
                    counter: c,
                    folder: fc,
                    associated: true,
                    content: MessageContent {
                        props,
                        ..Default::default()
                    },
                    change_number: cn,
                    status: 0,
                },
            );
            if let Some(f) = self.folders.get_mut(&fc) {
                f.fai.insert(c);
            }
        }
        self.touch();
    }
}
