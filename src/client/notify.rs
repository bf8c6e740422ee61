//! Advise: notifications as an async stream (MS-OXCNOTIF). RopRegisterNotification creates a
//! Notification object on the store's logon; a NotificationWait loop on the session context
//! learns when events are pending (MS-OXCMAPIHTTP 2.2.4.4) and collects them with an Execute,
//! whose response carries them as RopNotify.

use std::fmt;
use std::sync::Arc;

use tokio::sync::broadcast;

use super::conn::Conn;
use super::error::ClientError;
use crate::session::ServerHandle;
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::rop::notify::{NotificationData, NotificationFlags, NotifyResponse};

/// What an advise watches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviseTarget {
    /// Every folder and message of the store (WantWholeStore).
    WholeStore,
    /// One folder.
    Folder(FolderId),
    /// One message.
    Message(FolderId, MessageId),
}

/// One event (MS-OXCNOTIF 2.2.1.4.1 NotificationData).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Notification {
    /// The event as the server described it.
    pub data: NotificationData,
}

impl Notification {
    /// The event type's name (NewMail, ObjectCreated, ObjectDeleted, ObjectModified,
    /// ObjectMoved, ObjectCopied, SearchComplete, TableModified, StatusObjectModified,
    /// CriticalError, ...).
    pub fn kind(&self) -> &'static str {
        let ty = self.data.flags.0 & 0x0FFF;
        match ty {
            0x0002 => "NewMail",
            0x0004 => "ObjectCreated",
            0x0008 => "ObjectDeleted",
            0x0010 => "ObjectModified",
            0x0020 => "ObjectMoved",
            0x0040 => "ObjectCopied",
            0x0080 => "SearchComplete",
            0x0100 => "TableModified",
            0x0200 => "StatusObjectModified",
            0x0400 => "Reserved",
            0x0001 => "CriticalError",
            _ => "Unknown",
        }
    }

    /// The flags word (type and which fields follow).
    pub fn flags(&self) -> NotificationFlags {
        self.data.flags
    }
}

/// A registered advise: call [`Advise::next`] for each event. Dropping it releases the
/// Notification object (the server stops sending) with the next Execute.
pub struct Advise {
    pub(crate) conn: Arc<Conn>,
    pub(crate) logon_id: u8,
    pub(crate) handle: ServerHandle,
    pub(crate) url: String,
    pub(crate) events: broadcast::Receiver<std::sync::Arc<(String, NotifyResponse)>>,
    pub(crate) pump: Option<tokio::task::JoinHandle<()>>,
}

impl fmt::Debug for Advise {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Advise")
            .field("url", &self.url)
            .field("handle", &self.handle)
            .finish()
    }
}

impl Advise {
    /// The next event for this advise. `None` once the session is logged off. Events that
    /// came faster than they were read are skipped past, oldest first, and reported as
    /// lost with [`ClientError::Busy`].
    pub async fn next(&mut self) -> Option<Result<Notification, ClientError>> {
        loop {
            match self.events.recv().await {
                Ok(event) => {
                    let (url, n) = &*event;
                    if *url == self.url && n.notification_handle == self.handle.handle {
                        return Some(Ok(Notification {
                            data: n.data.clone(),
                        }));
                    }
                }
                Err(broadcast::error::RecvError::Lagged(k)) => {
                    return Some(Err(ClientError::Busy(format!(
                        "{k} notifications were lost: the reader fell behind"
                    ))));
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

impl Drop for Advise {
    fn drop(&mut self) {
        self.conn.drop_object(self.logon_id, self.handle);
        if let Some(pump) = self.pump.take() {
            pump.abort();
        }
    }
}

/// Keeps a NotificationWait outstanding on `conn` and collects pending events with an empty
/// Execute, until the context is closed.
pub(crate) fn spawn_pump(conn: Arc<Conn>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut failures = 0u32;
        loop {
            match conn.notification_wait().await {
                Ok(true) => {
                    failures = 0;
                    // An empty Execute carries the pending RopNotify back.
                    if let Err(ClientError::LoggedOff) =
                        conn.run(|_| Ok(crate::session::RopBatch::new())).await
                    {
                        return;
                    }
                }
                Ok(false) => failures = 0,
                Err(ClientError::LoggedOff) => return,
                Err(_) => {
                    failures += 1;
                    let delay = std::time::Duration::from_millis(200 * u64::from(failures.min(25)));
                    tokio::time::sleep(delay).await;
                }
            }
        }
    })
}
