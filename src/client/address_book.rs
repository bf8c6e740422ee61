//! The address book of a session (OpenAddressBook / IAddrBook): NSPI over MAPI/HTTP on the
//! `/mapi/nspi/` endpoint (MS-OXCMAPIHTTP 2.2.5 with the semantics of MS-OXNSPI).
//!
//! [`Session::address_book`](super::Session::address_book) binds on first use and the session
//! unbinds at logoff. From the address book: the hierarchy of containers
//! ([`AddressBook::hierarchy`], GetSpecialTable), browsing a container page by page
//! ([`AddressBook::pages`], QueryRows moving a STAT), ambiguous name resolution
//! ([`AddressBook::resolve_names`]), lookups by DN, SMTP address, Minimal Entry ID or entry ID,
//! the logged-on user's own entry ([`AddressBook::me`]), GetMailboxUrl and GetAddressBookUrl,
//! and [`AddressBook::call`] for any NSPI request.
//!
//! # Retry policy
//!
//! As on the mailbox endpoint (see the [`client`](super) module documentation): a request the
//! server refused before processing (context lost, X-ResponseCode 10 and its siblings) is sent
//! again after a new Bind; HTTP 503 is waited out. NSPI reads change nothing on the server, so
//! a read whose outcome is unknown (the connection broke mid-response) is also sent again after
//! a re-Bind; the two writes, ModProps and ModLinkAtt, are not: they fail with
//! [`ClientError::OutcomeUnknown`]. Minimal Entry IDs belong to one NSPI session (MS-OXNSPI
//! 2.2.9.1); a page cursor that outlives a re-Bind resumes by position instead of by MId.
//!
//! ```no_run
//! # async fn demo(session: mapi_http::client::Session) -> Result<(), mapi_http::client::ClientError> {
//! use mapi_http::client::Resolution;
//!
//! let ab = session.address_book().await?;
//! for c in ab.hierarchy().await? {
//!     println!("{:>width$}{} ({})", "", c.display_name, c.container_id, width = 2 * c.depth as usize);
//! }
//! let mut pages = ab.pages(0, 50); // the GAL, 50 rows at a time
//! while let Some(page) = pages.next_page().await? {
//!     for entry in page {
//!         println!("{:?} <{:?}>", entry.display_name(), entry.smtp_address());
//!     }
//! }
//! match ab.resolve("ali").await? {
//!     Resolution::Resolved(entry) => println!("{:?}", entry.dn()),
//!     Resolution::Ambiguous => println!("more than one match"),
//!     Resolution::Unresolved => println!("no match"),
//! }
//! let me = ab.me().await?;
//! println!("I am {:?}", me.display_name());
//! # Ok(()) }
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::Mutex;
use uuid::Uuid;

use super::conn::Shared;
use super::error::ClientError;
use super::objects::PropRow;
use crate::session::address_book::{
    AddressBookError, AddressBookOptions, AddressBookSession, is_idempotent,
};
use crate::session::{ChannelError, ClientIdentity, HttpRequest, HttpResponse};
use crate::wire::ErrorCode;
use crate::wire::entry_id::{DisplayType, EntryId};
use crate::wire::mapihttp::RequestType;
use crate::wire::nspi::{
    AddressBookFlaggedPropertyValue, AddressBookPropertyRow, AddressBookPropertyValueList,
    AddressBookResponse, AddressBookRowSet, DnToMIdRequest, GetAddressBookUrlRequest,
    GetMailboxUrlRequest, GetMatchesRequest, GetPropListRequest, GetPropsRequest,
    GetSpecialTableRequest, LargePropertyTagArray, NspiRequest, NspiResponse, QueryRowsRequest,
    ResolveNamesRequest, Stat,
};
use crate::wire::property::tags as t;
use crate::wire::property::{PropertyTag, PropertyType, PropertyValue, TaggedPropertyValue};
use crate::wire::restriction::{PropertyRestriction, RelOp, Restriction};

/// MS-OXNSPI 2.2.1.9: ResolveNames reports a name with no match with this MId.
pub const MID_UNRESOLVED: u32 = 0;
/// MS-OXNSPI 2.2.1.9: ResolveNames reports a name with several matches with this MId.
pub const MID_AMBIGUOUS: u32 = 1;

/// GetSpecialTable flags: NspiUnicodeStrings (MS-OXNSPI 2.2.1.4), so container names come as
/// PtypString.
const NSPI_UNICODE_STRINGS: u32 = 0x4;

/// E_NOTIMPL, the StatusCode of a server that does not implement a request type.
const E_NOTIMPL: u32 = 0x8000_4001;

/// Counters of the address book endpoint, shared by the session's [`AddressBook`] clones.
#[derive(Debug, Default)]
pub(crate) struct AbCounters {
    pub nspi_requests: AtomicU64,
    pub binds: AtomicU64,
    pub rebinds: AtomicU64,
}

struct AbState {
    session: AddressBookSession,
    closed: bool,
}

/// The NSPI session context of one address book, driven through the session's transport.
pub(crate) struct AbConn {
    shared: Arc<Shared>,
    counters: Arc<AbCounters>,
    user_dn: String,
    state: Mutex<AbState>,
}

impl AbConn {
    fn count_request(&self) {
        self.shared
            .counters
            .http_requests
            .fetch_add(1, Ordering::Relaxed);
        self.counters.nspi_requests.fetch_add(1, Ordering::Relaxed);
    }

    async fn send(
        &self,
        st: &mut AbState,
        request: &HttpRequest,
    ) -> Result<HttpResponse, ClientError> {
        self.count_request();
        match self.shared.transport.send_dyn(request).await {
            Ok(r) => Ok(r),
            Err(e) => {
                st.session.abandon(&request.request_type);
                if e.request_not_sent() {
                    Err(ClientError::Transport(e))
                } else {
                    Err(ClientError::OutcomeUnknown {
                        request_type: request.request_type.as_str().to_owned(),
                        source: e,
                    })
                }
            }
        }
    }

    /// Bind (a first one, or a re-Bind presenting the lost context's cookies).
    async fn bind_locked(&self, st: &mut AbState) -> Result<(), ClientError> {
        let first = st.session.generation() == 0;
        let mut waited = Duration::ZERO;
        loop {
            let request = st.session.bind(Uuid::new_v4(), Instant::now())?;
            self.counters.binds.fetch_add(1, Ordering::Relaxed);
            let response = self.send(st, &request).await?;
            match st.session.on_bind(response, Instant::now()) {
                Ok(_) => {
                    if !first {
                        self.counters.rebinds.fetch_add(1, Ordering::Relaxed);
                    }
                    return Ok(());
                }
                Err(AddressBookError::Channel(ChannelError::ServiceUnavailable {
                    retry_after,
                })) => {
                    let delay = retry_after.unwrap_or(Duration::from_secs(1));
                    self.shared
                        .wait_within(
                            &mut waited,
                            delay,
                            &self.shared.counters.busy_retries,
                            || "HTTP 503 on Bind".into(),
                        )
                        .await?;
                }
                Err(AddressBookError::Channel(ChannelError::Unauthorized { challenges })) => {
                    return Err(auth_error(&challenges));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Sends one NSPI call built by `build` against the current NSPI session, binding first
    /// when needed and following the retry policy of the module documentation. Returns the
    /// response and the generation it was answered in.
    async fn call<F>(&self, mut build: F) -> Result<(NspiResponse, u64), ClientError>
    where
        F: FnMut(&AddressBookSession) -> NspiRequest,
    {
        let mut st = self.state.lock().await;
        let mut lost = 0u32;
        let mut waited = Duration::ZERO;
        loop {
            if st.closed {
                return Err(ClientError::LoggedOff);
            }
            if st.session.needs_bind(Instant::now()) {
                self.bind_locked(&mut st).await?;
            }
            let call = build(&st.session);
            let request_type = call.request_type();
            let request = st.session.request(&call, Instant::now())?;
            let response = match self.send(&mut st, &request).await {
                Ok(r) => r,
                // Never reached the server, or a read that may be repeated: a new context
                // and the same call again.
                Err(ClientError::Transport(e)) if e.request_not_sent() && lost < 2 => {
                    lost += 1;
                    continue;
                }
                Err(ClientError::OutcomeUnknown { .. })
                    if is_idempotent(&request_type) && lost < 2 =>
                {
                    lost += 1;
                    continue;
                }
                Err(e) => return Err(e),
            };
            match st
                .session
                .on_response(&request_type, response, Instant::now())
            {
                Ok(r) => return Ok((r, st.session.generation())),
                Err(AddressBookError::Channel(ChannelError::ServiceUnavailable {
                    retry_after,
                })) => {
                    let delay = retry_after.unwrap_or(Duration::from_secs(1));
                    self.shared
                        .wait_within(
                            &mut waited,
                            delay,
                            &self.shared.counters.busy_retries,
                            || format!("HTTP 503 on {}", request_type.as_str()),
                        )
                        .await?;
                }
                // Context not found, invalid cookie or sequence: refused before processing,
                // so even a write may go again on a new context.
                Err(AddressBookError::Channel(ChannelError::Protocol { .. }))
                    if st.session.needs_bind(Instant::now()) && lost < 2 =>
                {
                    lost += 1;
                }
                Err(AddressBookError::Channel(ChannelError::Unauthorized { challenges })) => {
                    return Err(auth_error(&challenges));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Unbind (when a context exists on the server); the address book refuses work after.
    async fn close(&self) -> Result<(), ClientError> {
        let mut st = self.state.lock().await;
        if st.closed {
            return Ok(());
        }
        st.closed = true;
        if st.session.needs_bind(Instant::now()) {
            // Nothing lives on the server.
            return Ok(());
        }
        let request = st.session.unbind(Instant::now())?;
        let response = self.send(&mut st, &request).await?;
        st.session.on_unbind(response, Instant::now())?;
        Ok(())
    }
}

fn auth_error(challenges: &[String]) -> ClientError {
    ClientError::Auth(format!(
        "the server refused the credentials (offered: {})",
        challenges.join(", ")
    ))
}

/// The address book endpoint URL for a mailbox endpoint URL: the same server and query
/// (`MailboxId`), `/mapi/nspi/` in place of `/mapi/emsmdb/`, as autodiscover pairs them
/// (MS-OXDSCLI 2.2.4.1.1.2.2: MailStore and AddressBook URLs).
pub(crate) fn address_book_url_for(mailbox_url: &str) -> Result<String, ClientError> {
    let lower = mailbox_url.to_ascii_lowercase();
    let at = lower.find("/mapi/emsmdb").ok_or_else(|| {
        ClientError::InvalidArgument(
            "no address book URL is known and the mailbox URL has no /mapi/emsmdb path to derive it from"
                .into(),
        )
    })?;
    let rest = &mailbox_url[at + "/mapi/emsmdb".len()..];
    Ok(format!("{}/mapi/nspi{rest}", &mailbox_url[..at]))
}

/// The address book of a session (IAddrBook). Clones share one NSPI session context.
#[derive(Clone)]
pub struct AddressBook {
    conn: Arc<AbConn>,
}

impl std::fmt::Debug for AddressBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddressBook")
            .field("user_dn", &self.conn.user_dn)
            .finish_non_exhaustive()
    }
}

impl AddressBook {
    /// An address book at `url`, not bound yet.
    pub(crate) fn new(
        shared: Arc<Shared>,
        counters: Arc<AbCounters>,
        client: ClientIdentity,
        options: AddressBookOptions,
        user_dn: String,
    ) -> Self {
        AddressBook {
            conn: Arc::new(AbConn {
                shared,
                counters,
                user_dn,
                state: Mutex::new(AbState {
                    session: AddressBookSession::new(client, Uuid::new_v4(), options),
                    closed: false,
                }),
            }),
        }
    }

    /// Binds now if the address book has no NSPI session context yet (or lost it).
    pub(crate) async fn ensure_bound(&self) -> Result<(), ClientError> {
        let mut st = self.conn.state.lock().await;
        if st.closed {
            return Err(ClientError::LoggedOff);
        }
        if st.session.needs_bind(Instant::now()) {
            self.conn.bind_locked(&mut st).await?;
        }
        Ok(())
    }

    /// Unbinds (at logoff).
    pub(crate) async fn close(&self) -> Result<(), ClientError> {
        self.conn.close().await
    }

    /// The endpoint URL.
    pub async fn url(&self) -> String {
        self.conn.state.lock().await.session.options().url.clone()
    }

    /// The Bind response's ServerGuid: the ProviderUID of the ephemeral entry IDs this server
    /// hands out (MS-OXNSPI 2.2.9.2). `None` before the first Bind.
    pub async fn server_guid(&self) -> Option<Uuid> {
        self.conn.state.lock().await.session.server_guid()
    }

    /// The NSPI session generation: 1 after the first Bind, one more after each re-Bind.
    pub async fn generation(&self) -> u64 {
        self.conn.state.lock().await.session.generation()
    }

    /// Any NSPI request but Bind and Unbind (which the address book sends itself), with the
    /// session's cookies and retry policy; the response as the server sent it. A failure form
    /// (non-zero StatusCode) is an error; an NSPI ErrorCode in a success form is not.
    pub async fn call(&self, request: NspiRequest) -> Result<NspiResponse, ClientError> {
        Ok(self.conn.call(|_| request.clone()).await?.0)
    }

    /// MS-OXNSPI 3.1.4.1.3 GetSpecialTable: the hierarchy table, one [`AbContainer`] per
    /// container, the Global Address List first.
    pub async fn hierarchy(&self) -> Result<Vec<AbContainer>, ClientError> {
        let (response, _) = self
            .conn
            .call(|s| {
                NspiRequest::GetSpecialTable(GetSpecialTableRequest {
                    flags: NSPI_UNICODE_STRINGS,
                    state: Some(s.stat(0)),
                    version: None,
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::GetSpecialTable(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::GetSpecialTable));
        };
        check(&RequestType::GetSpecialTable, s.error_code)?;
        Ok(s.rows
            .unwrap_or_default()
            .into_iter()
            .map(|row| AbContainer::from_props(value_list(row)))
            .collect())
    }

    /// A cursor over the rows of container `container_id` (0 is the Global Address List; the
    /// others come from [`AddressBook::hierarchy`]), `page_size` rows per QueryRows. Nothing
    /// is sent until [`AbPages::next_page`].
    pub fn pages(&self, container_id: u32, page_size: u32) -> AbPages {
        AbPages {
            ab: self.clone(),
            container_id,
            page_size: page_size.max(1),
            columns: AbEntry::COLUMNS.to_vec(),
            stat: None,
            returned: 0,
            total: None,
            done: false,
        }
    }

    /// The rows of container `container_id`, all of them or the first `limit`, in pages of
    /// up to 100.
    pub async fn list(
        &self,
        container_id: u32,
        limit: Option<usize>,
    ) -> Result<Vec<AbEntry>, ClientError> {
        let page = limit.map_or(100, |l| l.clamp(1, 100)) as u32;
        let mut pages = self.pages(container_id, page);
        let mut out = Vec::new();
        while let Some(rows) = pages.next_page().await? {
            out.extend(rows);
            if let Some(l) = limit
                && out.len() >= l
            {
                out.truncate(l);
                break;
            }
        }
        Ok(out)
    }

    /// MS-OXNSPI 3.1.4.1.17 ResolveNamesW: ambiguous name resolution of each of `names` over
    /// the Global Address List, in the order given.
    pub async fn resolve_names(&self, names: &[&str]) -> Result<Vec<ResolvedName>, ClientError> {
        let owned: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let (response, _) = self
            .conn
            .call(|s| {
                NspiRequest::ResolveNames(ResolveNamesRequest {
                    reserved: 0,
                    state: Some(s.stat(0)),
                    property_tags: Some(LargePropertyTagArray(AbEntry::COLUMNS.to_vec())),
                    names: Some(owned.clone()),
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::ResolveNames(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::ResolveNames));
        };
        check(&RequestType::ResolveNames, s.error_code)?;
        let mids = s.minimal_ids.unwrap_or_default();
        if mids.len() != owned.len() {
            return Err(ClientError::InvalidArgument(format!(
                "ResolveNames answered {} MIds for {} names",
                mids.len(),
                owned.len()
            )));
        }
        let rows = s.rows.map(entries_of).unwrap_or_default();
        // One row per resolved name, in the names' order (MS-OXNSPI 3.1.4.1.17); a server
        // that sends a row for every name is read by index instead.
        let per_name = rows.len() == owned.len();
        let mut rows = rows.into_iter();
        let mut out = Vec::with_capacity(owned.len());
        for (name, mid) in owned.into_iter().zip(mids) {
            let row = if per_name { rows.next() } else { None };
            let resolution = match mid {
                MID_UNRESOLVED => Resolution::Unresolved,
                MID_AMBIGUOUS => Resolution::Ambiguous,
                mid => {
                    let row = if per_name { row } else { rows.next() };
                    match row {
                        Some(mut entry) => {
                            if entry.mid.is_none() && mid > 2 {
                                entry.mid = Some(mid);
                            }
                            Resolution::Resolved(entry)
                        }
                        None => Resolution::Unresolved,
                    }
                }
            };
            out.push(ResolvedName { name, resolution });
        }
        Ok(out)
    }

    /// Ambiguous name resolution of one name.
    pub async fn resolve(&self, name: &str) -> Result<Resolution, ClientError> {
        let mut all = self.resolve_names(&[name]).await?;
        Ok(all
            .pop()
            .map(|r| r.resolution)
            .unwrap_or(Resolution::Unresolved))
    }

    /// The candidates for an ambiguous name: GetMatches on the Global Address List with a
    /// PidTagAnr property restriction (MS-OXOABK 3.1.4.4: how a client lists the matches of a
    /// name ResolveNames reported as MID_AMBIGUOUS), at most `max_rows` of them. A server with
    /// more matches than `max_rows` answers ecTableTooBig ([`ClientError::Nspi`]).
    pub async fn anr_matches(
        &self,
        name: &str,
        max_rows: u32,
    ) -> Result<Vec<AbEntry>, ClientError> {
        let filter = Restriction::Property(PropertyRestriction {
            relop: RelOp::EQ,
            prop_tag: t::PID_TAG_ANR,
            value: TaggedPropertyValue {
                tag: t::PID_TAG_ANR,
                value: PropertyValue::string(name),
            },
        });
        let (response, _) = self
            .conn
            .call(|s| {
                NspiRequest::GetMatches(GetMatchesRequest {
                    reserved: 0,
                    state: Some(s.stat(0)),
                    minimal_ids: None,
                    interface_option_flags: 0,
                    filter: Some(filter.clone()),
                    property_name: None,
                    row_count: max_rows,
                    columns: Some(LargePropertyTagArray(AbEntry::COLUMNS.to_vec())),
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::GetMatches(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::GetMatches));
        };
        if s.error_code == ErrorCode::NOT_FOUND {
            return Ok(Vec::new());
        }
        check(&RequestType::GetMatches, s.error_code)?;
        let mids = s.minimal_ids.unwrap_or_default();
        let mut rows = s.rows.map(entries_of).unwrap_or_default();
        for (row, mid) in rows.iter_mut().zip(&mids) {
            row.mid = row.mid.or(Some(*mid));
        }
        Ok(rows)
    }

    /// MS-OXNSPI 3.1.4.1.13 DNToMId: the Minimal Entry ID of the object with legacy DN `dn`
    /// in this NSPI session; [`ClientError::NotFound`] when there is none.
    pub async fn mid_of_dn(&self, dn: &str) -> Result<u32, ClientError> {
        let names = vec![dn.to_owned()];
        let (response, _) = self
            .conn
            .call(|_| {
                NspiRequest::DnToMId(DnToMIdRequest {
                    reserved: 0,
                    names: Some(names.clone()),
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::DnToMId(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::DnToMId));
        };
        check(&RequestType::DnToMId, s.error_code)?;
        match s.minimal_ids.as_deref() {
            Some([mid]) if *mid != 0 => Ok(*mid),
            _ => Err(ClientError::NotFound(format!(
                "no address book entry has DN {dn}"
            ))),
        }
    }

    /// MS-OXNSPI 3.1.4.1.7 GetProps: the properties `tags` of the object with Minimal Entry ID
    /// `mid`. A property the object lacks comes back as a PtypErrorCode value.
    pub async fn get_props(&self, mid: u32, tags: &[PropertyTag]) -> Result<PropRow, ClientError> {
        let tags = tags.to_vec();
        let (response, _) = self
            .conn
            .call(|s| {
                let mut stat = s.stat(0);
                stat.current_rec = mid;
                NspiRequest::GetProps(GetPropsRequest {
                    flags: 0,
                    state: Some(stat),
                    property_tags: Some(LargePropertyTagArray(tags.clone())),
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::GetProps(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::GetProps));
        };
        // ErrorsReturned: some properties are PtypErrorCode values, the row is still good.
        if s.error_code != ErrorCode::ERRORS_RETURNED {
            check(&RequestType::GetProps, s.error_code)?;
        }
        match s.property_values {
            Some(values) => Ok(value_list(values)),
            None => Err(ClientError::NotFound(format!(
                "no address book entry has MId {mid:#x}"
            ))),
        }
    }

    /// MS-OXNSPI 3.1.4.1.6 GetPropList: the tags of every property the object with Minimal
    /// Entry ID `mid` has (strings as PtypString).
    pub async fn prop_list(&self, mid: u32) -> Result<Vec<PropertyTag>, ClientError> {
        let (response, _) = self
            .conn
            .call(|s| {
                NspiRequest::GetPropList(GetPropListRequest {
                    flags: 0,
                    minimal_id: mid,
                    code_page: s.options().code_page,
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::GetPropList(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::GetPropList));
        };
        check(&RequestType::GetPropList, s.error_code)?;
        Ok(s.property_tags
            .map(|t| t.0)
            .unwrap_or_default()
            .into_iter()
            .map(|tag| {
                if tag.prop_type() == PropertyType::STRING8 {
                    tag.with_type(PropertyType::STRING)
                } else {
                    tag
                }
            })
            .collect())
    }

    /// Every property of the entry with Minimal Entry ID `mid`: GetPropList, then GetProps of
    /// those tags (the details view of an address book entry).
    pub async fn entry_details(&self, mid: u32) -> Result<AbEntry, ClientError> {
        let tags = self.prop_list(mid).await?;
        let props = self.get_props(mid, &tags).await?;
        Ok(AbEntry {
            mid: Some(mid),
            props,
        })
    }

    /// The entry with Minimal Entry ID `mid` (valid in this NSPI session), with
    /// [`AbEntry::COLUMNS`].
    pub async fn entry_by_mid(&self, mid: u32) -> Result<AbEntry, ClientError> {
        let props = self.get_props(mid, AbEntry::COLUMNS).await?;
        Ok(AbEntry {
            mid: Some(mid),
            props,
        })
    }

    /// The entry with legacy DN `dn` (DNToMId, then GetProps).
    pub async fn entry_by_dn(&self, dn: &str) -> Result<AbEntry, ClientError> {
        let mid = self.mid_of_dn(dn).await?;
        self.entry_by_mid(mid).await
    }

    /// The entry whose primary SMTP address is `address`: GetMatches on the Global Address
    /// List with a property restriction PidTagSmtpAddress == `address` (MS-OXNSPI
    /// 3.1.4.1.10). A server that does not take the restriction (not implemented, too
    /// complex) is asked by ambiguous name resolution instead, and the answer is accepted
    /// only when its SMTP address is `address` (case-insensitive, as SMTP domains are).
    pub async fn entry_by_smtp(&self, address: &str) -> Result<AbEntry, ClientError> {
        let filter = Restriction::Property(PropertyRestriction {
            relop: RelOp::EQ,
            prop_tag: t::PID_TAG_SMTP_ADDRESS,
            value: TaggedPropertyValue {
                tag: t::PID_TAG_SMTP_ADDRESS,
                value: PropertyValue::string(address),
            },
        });
        let matched = self
            .conn
            .call(|s| {
                NspiRequest::GetMatches(GetMatchesRequest {
                    reserved: 0,
                    state: Some(s.stat(0)),
                    minimal_ids: None,
                    interface_option_flags: 0,
                    filter: Some(filter.clone()),
                    property_name: None,
                    row_count: 2,
                    columns: Some(LargePropertyTagArray(AbEntry::COLUMNS.to_vec())),
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await;
        let not_found =
            || ClientError::NotFound(format!("no address book entry has SMTP address {address}"));
        match matched {
            Ok((NspiResponse::GetMatches(AddressBookResponse::Success(s)), _)) => {
                match s.error_code {
                    ErrorCode::SUCCESS => {
                        let mids = s.minimal_ids.unwrap_or_default();
                        let mut rows = s.rows.map(entries_of).unwrap_or_default();
                        for (row, mid) in rows.iter_mut().zip(&mids) {
                            row.mid = row.mid.or(Some(*mid));
                        }
                        return rows
                            .into_iter()
                            .find(|e| smtp_equal(e, address))
                            .ok_or_else(not_found);
                    }
                    ErrorCode::NOT_FOUND => return Err(not_found()),
                    // The server does not take this restriction: resolve the name instead.
                    ErrorCode::TOO_COMPLEX | ErrorCode::NOT_SUPPORTED => {}
                    code => {
                        return Err(ClientError::Nspi {
                            request_type: RequestType::GetMatches.as_str().to_owned(),
                            code,
                        });
                    }
                }
            }
            Ok(_) => return Err(unexpected(&RequestType::GetMatches)),
            // The server does not implement GetMatches at all.
            Err(ClientError::AddressBook(AddressBookError::Status { status_code, .. }))
                if status_code == E_NOTIMPL || status_code == ErrorCode::NOT_SUPPORTED.0 => {}
            Err(e) => return Err(e),
        }
        match self.resolve(address).await? {
            Resolution::Resolved(e) if smtp_equal(&e, address) => Ok(e),
            _ => Err(not_found()),
        }
    }

    /// The entry an address book entry ID names (MS-OXNSPI 2.2.9): a permanent entry ID
    /// (MS-OXCDATA 2.2.5.2) by the DN inside it, an ephemeral one by the MId inside it, when
    /// this server issued it (its ProviderUID is the Bind ServerGuid).
    pub async fn entry_by_entry_id(&self, entry_id: &[u8]) -> Result<AbEntry, ClientError> {
        match EntryId::decode_bytes(entry_id) {
            EntryId::AddressBook(p) => self.entry_by_dn(&p.x500_dn).await,
            EntryId::Ephemeral(e) => {
                self.ensure_bound().await?;
                match self.server_guid().await {
                    Some(guid) if guid == e.server_guid() => self.entry_by_mid(e.mid).await,
                    _ => Err(ClientError::InvalidArgument(
                        "the ephemeral entry ID was issued by another address book server".into(),
                    )),
                }
            }
            _ => Err(ClientError::InvalidArgument(
                "not an address book entry ID".into(),
            )),
        }
    }

    /// The entry `key` names: a legacy DN (starts with `/`), an SMTP address (holds `@`), or an
    /// address book entry ID in hex.
    pub async fn lookup(&self, key: &str) -> Result<AbEntry, ClientError> {
        let key = key.trim();
        if key.starts_with('/') {
            self.entry_by_dn(key).await
        } else if key.contains('@') {
            self.entry_by_smtp(key.strip_prefix("SMTP:").unwrap_or(key))
                .await
        } else if let Some(bytes) = hex_bytes(key) {
            self.entry_by_entry_id(&bytes).await
        } else {
            Err(ClientError::InvalidArgument(format!(
                "{key:?} is neither a DN, an SMTP address nor a hex entry ID"
            )))
        }
    }

    /// The logged-on user's own entry (by the user DN the session logged on with).
    pub async fn me(&self) -> Result<AbEntry, ClientError> {
        let dn = self.conn.user_dn.clone();
        self.entry_by_dn(&dn).await
    }

    /// MS-OXCMAPIHTTP 2.2.5.18 GetMailboxUrl: the mailbox endpoint URL of the mailbox server
    /// with DN `server_dn`.
    pub async fn mailbox_url(&self, server_dn: &str) -> Result<String, ClientError> {
        let (response, _) = self
            .conn
            .call(|_| {
                NspiRequest::GetMailboxUrl(GetMailboxUrlRequest {
                    flags: 0,
                    server_dn: server_dn.to_owned(),
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::GetMailboxUrl(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::GetMailboxUrl));
        };
        check(&RequestType::GetMailboxUrl, s.error_code)?;
        Ok(s.server_url)
    }

    /// MS-OXCMAPIHTTP 2.2.5.19 GetAddressBookUrl: the address book endpoint URL for the user
    /// with DN `user_dn`.
    pub async fn address_book_url_for(&self, user_dn: &str) -> Result<String, ClientError> {
        let (response, _) = self
            .conn
            .call(|_| {
                NspiRequest::GetAddressBookUrl(GetAddressBookUrlRequest {
                    flags: 0,
                    user_dn: user_dn.to_owned(),
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::GetAddressBookUrl(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::GetAddressBookUrl));
        };
        check(&RequestType::GetAddressBookUrl, s.error_code)?;
        Ok(s.server_url)
    }

    /// GetAddressBookUrl for the logged-on user.
    pub async fn address_book_url(&self) -> Result<String, ClientError> {
        let dn = self.conn.user_dn.clone();
        self.address_book_url_for(&dn).await
    }
}

/// A cursor over a container's rows (see [`AddressBook::pages`]): QueryRows from the STAT the
/// previous page left (MS-OXNSPI 3.1.4.1.8).
#[derive(Debug)]
pub struct AbPages {
    ab: AddressBook,
    container_id: u32,
    page_size: u32,
    columns: Vec<PropertyTag>,
    /// The STAT the last QueryRows returned and the NSPI generation it belongs to.
    stat: Option<(Stat, u64)>,
    returned: u32,
    total: Option<u32>,
    done: bool,
}

impl AbPages {
    /// Reads other columns than [`AbEntry::COLUMNS`] (before the first page).
    pub fn with_columns(mut self, columns: &[PropertyTag]) -> Self {
        self.columns = columns.to_vec();
        self
    }

    /// The next page of at most the page size, or `None` at the end of the table.
    pub async fn next_page(&mut self) -> Result<Option<Vec<AbEntry>>, ClientError> {
        if self.done {
            return Ok(None);
        }
        let (container_id, page_size, returned) =
            (self.container_id, self.page_size, self.returned);
        let previous = self.stat;
        let columns = self.columns.clone();
        let (response, generation) = self
            .ab
            .conn
            .call(|s| {
                let state = match previous {
                    Some((stat, generation)) if generation == s.generation() => stat,
                    _ => {
                        // A new NSPI session knows none of the old MIds: resume by position.
                        let mut stat = s.stat(container_id);
                        stat.delta = i32::try_from(returned).unwrap_or(i32::MAX);
                        stat
                    }
                };
                NspiRequest::QueryRows(QueryRowsRequest {
                    flags: 0,
                    state: Some(state),
                    explicit_table: Vec::new(),
                    row_count: page_size,
                    columns: Some(LargePropertyTagArray(columns.clone())),
                    auxiliary_buffer: Vec::new(),
                })
            })
            .await?;
        let NspiResponse::QueryRows(AddressBookResponse::Success(s)) = response else {
            return Err(unexpected(&RequestType::QueryRows));
        };
        check(&RequestType::QueryRows, s.error_code)?;
        let rows = s.rows.map(entries_of).unwrap_or_default();
        match s.state {
            Some(stat) => {
                self.total = Some(stat.total_recs);
                self.done = stat.current_rec == Stat::MID_END_OF_TABLE;
                self.stat = Some((stat, generation));
            }
            None => self.done = true,
        }
        if rows.is_empty() {
            self.done = true;
            return Ok(None);
        }
        self.returned = self
            .returned
            .saturating_add(u32::try_from(rows.len()).unwrap_or(u32::MAX));
        Ok(Some(rows))
    }

    /// The number of rows in the container (STAT TotalRecs), known after the first page.
    pub fn total(&self) -> Option<u32> {
        self.total
    }

    /// Rows returned so far.
    pub fn returned(&self) -> u32 {
        self.returned
    }

    /// Whether the end of the table was reached.
    pub fn is_done(&self) -> bool {
        self.done
    }
}

/// One row of the hierarchy table (GetSpecialTable): an address book container.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AbContainer {
    /// PidTagDisplayName; the Global Address List, which servers send without a name, is
    /// called "Global Address List".
    pub display_name: String,
    /// PidTagAddressBookContainerId: the container's Minimal Entry ID, what
    /// [`AddressBook::pages`] takes (0 for the Global Address List).
    pub container_id: u32,
    /// PidTagDepth: 0 for top-level containers, one more per level below.
    pub depth: u32,
    /// PidTagContainerFlags (AB_RECIPIENTS 0x1, AB_SUBCONTAINERS 0x2, AB_UNMODIFIABLE 0x8 ...).
    pub flags: u32,
    /// PidTagEntryId: the container's permanent entry ID.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub entry_id: Vec<u8>,
    /// Every property of the row.
    pub props: PropRow,
}

impl AbContainer {
    fn from_props(props: PropRow) -> Self {
        let container_id = props
            .i32(t::PID_TAG_ADDRESS_BOOK_CONTAINER_ID)
            .map_or(0, |v| v as u32);
        let display_name = props
            .text(t::PID_TAG_DISPLAY_NAME)
            .map(|s| s.into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                if container_id == 0 {
                    "Global Address List".into()
                } else {
                    String::new()
                }
            });
        AbContainer {
            display_name,
            container_id,
            depth: props.i32(t::PID_TAG_DEPTH).map_or(0, |v| v.max(0) as u32),
            flags: props
                .i32(t::PID_TAG_CONTAINER_FLAGS)
                .map_or(0, |v| v as u32),
            entry_id: props
                .bytes(t::PID_TAG_ENTRY_ID)
                .map(<[u8]>::to_vec)
                .unwrap_or_default(),
            props,
        }
    }

    /// Whether this is the Global Address List (container ID 0, MS-OXNSPI 2.2.1.8).
    pub fn is_gal(&self) -> bool {
        self.container_id == 0
    }
}

/// An address book entry: a row of properties with typed accessors. Serializes (for
/// `--json`) as the typed fields, `entry_id` in hex, and every property under `props`.
#[derive(Debug, Clone, PartialEq)]
pub struct AbEntry {
    mid: Option<u32>,
    props: PropRow,
}

impl AbEntry {
    /// The columns the address book reads for entries: display name, SMTP address, account,
    /// title, department, business phone, object type, display type, entry ID, DN
    /// (PidTagEmailAddress), instance key (which carries the MId).
    pub const COLUMNS: &'static [PropertyTag] = &[
        t::PID_TAG_DISPLAY_NAME,
        t::PID_TAG_SMTP_ADDRESS,
        t::PID_TAG_ACCOUNT,
        t::PID_TAG_TITLE,
        t::PID_TAG_DEPARTMENT_NAME,
        t::PID_TAG_BUSINESS_TELEPHONE_NUMBER,
        t::PID_TAG_OBJECT_TYPE,
        t::PID_TAG_DISPLAY_TYPE,
        t::PID_TAG_ENTRY_ID,
        t::PID_TAG_EMAIL_ADDRESS,
        t::PID_TAG_INSTANCE_KEY,
    ];

    /// An entry from a row of properties (MId from PidTagInstanceKey when it holds one).
    pub fn from_props(props: PropRow) -> Self {
        let mid = props
            .bytes(t::PID_TAG_INSTANCE_KEY)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_le_bytes);
        AbEntry { mid, props }
    }

    /// The Minimal Entry ID in the NSPI session that read the entry, when known.
    pub fn mid(&self) -> Option<u32> {
        self.mid
    }

    /// Every property read, errors included (a missing property is a PtypErrorCode value).
    pub fn props(&self) -> &PropRow {
        &self.props
    }

    fn text(&self, tag: PropertyTag) -> Option<String> {
        self.props.text(tag).map(|s| s.into_owned())
    }

    /// PidTagDisplayName.
    pub fn display_name(&self) -> Option<String> {
        self.text(t::PID_TAG_DISPLAY_NAME)
    }

    /// PidTagSmtpAddress: the primary SMTP address.
    pub fn smtp_address(&self) -> Option<String> {
        self.text(t::PID_TAG_SMTP_ADDRESS)
    }

    /// PidTagAccount: the account name (alias).
    pub fn account(&self) -> Option<String> {
        self.text(t::PID_TAG_ACCOUNT)
    }

    /// PidTagTitle.
    pub fn title(&self) -> Option<String> {
        self.text(t::PID_TAG_TITLE)
    }

    /// PidTagDepartmentName.
    pub fn department(&self) -> Option<String> {
        self.text(t::PID_TAG_DEPARTMENT_NAME)
    }

    /// PidTagBusinessTelephoneNumber.
    pub fn business_phone(&self) -> Option<String> {
        self.text(t::PID_TAG_BUSINESS_TELEPHONE_NUMBER)
    }

    /// PidTagObjectType (MAPI_MAILUSER 6, MAPI_DISTLIST 8, MAPI_ABCONT 4 ...).
    pub fn object_type(&self) -> Option<i32> {
        self.props.i32(t::PID_TAG_OBJECT_TYPE)
    }

    /// PidTagDisplayType (DT_MAILUSER, DT_DISTLIST ...).
    pub fn display_type(&self) -> Option<DisplayType> {
        self.props
            .i32(t::PID_TAG_DISPLAY_TYPE)
            .map(|v| DisplayType(v as u32))
    }

    /// PidTagEntryId: the permanent entry ID (MS-OXNSPI 2.2.9.3), or an ephemeral one when
    /// the server sent that.
    pub fn entry_id(&self) -> Option<&[u8]> {
        self.props.bytes(t::PID_TAG_ENTRY_ID)
    }

    /// The legacy DN: PidTagEmailAddress, else the DN inside a permanent entry ID.
    pub fn dn(&self) -> Option<String> {
        self.text(t::PID_TAG_EMAIL_ADDRESS)
            .filter(|s| !s.is_empty())
            .or_else(|| match EntryId::decode_bytes(self.entry_id()?) {
                EntryId::AddressBook(p) => Some(p.x500_dn),
                _ => None,
            })
    }
}

impl Serialize for AbEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("AbEntry", 13)?;
        st.serialize_field("mid", &self.mid)?;
        st.serialize_field("display_name", &self.display_name())?;
        st.serialize_field("smtp_address", &self.smtp_address())?;
        st.serialize_field("account", &self.account())?;
        st.serialize_field("title", &self.title())?;
        st.serialize_field("department", &self.department())?;
        st.serialize_field("business_phone", &self.business_phone())?;
        st.serialize_field("object_type", &self.object_type())?;
        st.serialize_field("display_type", &self.display_type().map(|d| d.0))?;
        st.serialize_field("dn", &self.dn())?;
        st.serialize_field(
            "entry_id",
            &self
                .entry_id()
                .map(|b| b.iter().map(|x| format!("{x:02X}")).collect::<String>()),
        )?;
        st.serialize_field("props", &self.props)?;
        st.end()
    }
}

/// What ambiguous name resolution made of one name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Resolution {
    /// Exactly one entry matches.
    Resolved(AbEntry),
    /// Several entries match (MID_AMBIGUOUS; MAPI_E_AMBIGUOUS_RECIP for the caller).
    Ambiguous,
    /// Nothing matches (MID_UNRESOLVED).
    Unresolved,
}

/// One name of [`AddressBook::resolve_names`] with its resolution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedName {
    /// The name as given.
    pub name: String,
    /// What it resolved to.
    pub resolution: Resolution,
}

fn unexpected(request_type: &RequestType) -> ClientError {
    ClientError::InvalidArgument(format!(
        "the server answered {request_type} with a failure form or another response"
    ))
}

/// An NSPI ErrorCode of a success form: ecNotFound as [`ClientError::NotFound`], any other
/// non-zero code as [`ClientError::Nspi`].
fn check(request_type: &RequestType, code: ErrorCode) -> Result<(), ClientError> {
    match code {
        ErrorCode::SUCCESS => Ok(()),
        ErrorCode::NOT_FOUND => Err(ClientError::NotFound(format!(
            "{request_type} answered ecNotFound"
        ))),
        code => Err(ClientError::Nspi {
            request_type: request_type.as_str().to_owned(),
            code,
        }),
    }
}

fn smtp_equal(entry: &AbEntry, address: &str) -> bool {
    entry
        .smtp_address()
        .is_some_and(|a| a.eq_ignore_ascii_case(address))
}

fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    if s.is_empty() || !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

fn error_value(tag: PropertyTag, code: ErrorCode) -> TaggedPropertyValue {
    TaggedPropertyValue {
        tag: tag.with_type(PropertyType::ERROR_CODE),
        value: PropertyValue::ErrorCode(code),
    }
}

/// A GetProps / GetSpecialTable value list as a [`PropRow`]; a variable-size value sent
/// without a value (HasValue 0) reads as ecNotFound.
fn value_list(list: AddressBookPropertyValueList) -> PropRow {
    PropRow {
        values: list
            .0
            .into_iter()
            .map(|v| match v.value.value {
                Some(value) => TaggedPropertyValue {
                    tag: v.tag.with_type(value.prop_type()),
                    value,
                },
                None => error_value(v.tag, ErrorCode::NOT_FOUND),
            })
            .collect(),
    }
}

/// One AddressBookPropertyRow laid out against `columns` as a [`PropRow`].
fn row_props(columns: &[PropertyTag], row: AddressBookPropertyRow) -> PropRow {
    let values = match row {
        AddressBookPropertyRow::Standard(values) => columns
            .iter()
            .zip(values)
            .map(|(tag, v)| match v.value.value {
                Some(value) => TaggedPropertyValue {
                    tag: tag.with_type(value.prop_type()),
                    value,
                },
                None => error_value(*tag, ErrorCode::NOT_FOUND),
            })
            .collect(),
        AddressBookPropertyRow::Flagged(values) => columns
            .iter()
            .zip(values)
            .map(|(tag, v)| match v.value {
                AddressBookFlaggedPropertyValue::Value(x) => match x.value {
                    Some(value) => TaggedPropertyValue {
                        tag: tag.with_type(value.prop_type()),
                        value,
                    },
                    None => error_value(*tag, ErrorCode::NOT_FOUND),
                },
                AddressBookFlaggedPropertyValue::Missing => error_value(*tag, ErrorCode::NOT_FOUND),
                AddressBookFlaggedPropertyValue::Error(code) => error_value(*tag, code),
            })
            .collect(),
    };
    PropRow { values }
}

fn entries_of(set: AddressBookRowSet) -> Vec<AbEntry> {
    let columns = set.columns.0;
    set.rows
        .into_iter()
        .map(|r| AbEntry::from_props(row_props(&columns, r)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::nspi::{
        AddressBookFlaggedPropertyValueWithType, AddressBookPropertyValue,
        AddressBookTypedPropertyValue,
    };

    #[test]
    fn the_address_book_url_pairs_the_mailbox_url() {
        assert_eq!(
            address_book_url_for("https://mail.contoso.com/mapi/emsmdb/?MailboxId=a@contoso.com")
                .unwrap(),
            "https://mail.contoso.com/mapi/nspi/?MailboxId=a@contoso.com"
        );
        assert!(address_book_url_for("https://mail.contoso.com/other/").is_err());
    }

    #[test]
    fn flagged_rows_keep_their_positions_and_errors() {
        let columns = [
            t::PID_TAG_DISPLAY_NAME,
            t::PID_TAG_TITLE,
            t::PID_TAG_INSTANCE_KEY,
        ];
        let row = AddressBookPropertyRow::Flagged(vec![
            AddressBookFlaggedPropertyValueWithType {
                prop_type: PropertyType::STRING,
                value: AddressBookFlaggedPropertyValue::Value(AddressBookPropertyValue::new(
                    PropertyValue::string("Alice"),
                )),
            },
            AddressBookFlaggedPropertyValueWithType {
                prop_type: PropertyType::STRING,
                value: AddressBookFlaggedPropertyValue::Error(ErrorCode::NOT_FOUND),
            },
            AddressBookFlaggedPropertyValueWithType {
                prop_type: PropertyType::BINARY,
                value: AddressBookFlaggedPropertyValue::Value(AddressBookPropertyValue::new(
                    PropertyValue::binary(0x1_0002u32.to_le_bytes().to_vec()),
                )),
            },
        ]);
        let entry = AbEntry::from_props(row_props(&columns, row));
        assert_eq!(entry.display_name().as_deref(), Some("Alice"));
        assert_eq!(entry.title(), None);
        assert_eq!(
            entry.props().error(t::PID_TAG_TITLE),
            Some(ErrorCode::NOT_FOUND)
        );
        assert_eq!(entry.mid(), Some(0x1_0002));
        let standard = AddressBookPropertyRow::Standard(vec![AddressBookTypedPropertyValue {
            prop_type: PropertyType::STRING,
            value: AddressBookPropertyValue { value: None },
        }]);
        let entry = AbEntry::from_props(row_props(&columns[..1], standard));
        assert_eq!(
            entry.props().error(t::PID_TAG_DISPLAY_NAME),
            Some(ErrorCode::NOT_FOUND)
        );
    }

    #[test]
    fn hex_entry_ids_parse() {
        assert_eq!(hex_bytes("00ff10"), Some(vec![0, 0xff, 0x10]));
        assert_eq!(hex_bytes("0"), None);
        assert_eq!(hex_bytes("zz"), None);
    }
}
