//! Stores, folders, tables and messages: Rust values that own server objects. Dropping one
//! queues its RopRelease (MS-OXCROPS 2.2.15.3), which rides along with the next Execute.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use super::conn::{BatchCx, Conn, Executed};
use super::error::ClientError;
use crate::session::{RopBatch, ServerHandle, SessionError};
use crate::wire::ErrorCode;
use crate::wire::entry_id::{FolderId, MessageId};
use crate::wire::property::{
    FlaggedPropertyValue, PropertyRow, PropertyTag, PropertyTagArray, PropertyType, PropertyValue,
    SortOrder, SortOrderSet, TaggedPropertyValue,
};
use crate::wire::restriction::Restriction;
use crate::wire::rop::RopId;
use crate::wire::rop::any::{RopRequest, RopResponse};
use crate::wire::rop::folder::{
    CreateFolderRequest, CreateFolderResponse, DeleteFolderFlags, DeleteFolderRequest, FolderName,
    FolderType, GetContentsTableRequest, GetHierarchyTableRequest, GetTableResponse,
    OpenFolderRequest, OpenFolderResponse, OpenModeFlags, TableFlags,
};
use crate::wire::rop::message::{MessageInfo, OpenMessageRequest, OpenMessageResponse};
use crate::wire::rop::property::{
    GetPropertiesAllRequest, GetPropertiesAllResponse, GetPropertiesListRequest,
    GetPropertiesListResponse, GetPropertiesSpecificRequest, GetPropertiesSpecificResponse,
    ProblemsResponse, SetPropertiesRequest,
};
use crate::wire::rop::store::{GetReceiveFolderRequest, GetReceiveFolderResponse, LogonResponse};
use crate::wire::rop::table::{
    AsyncFlags, BookmarkOrigin, QueryPositionRequest, QueryPositionResponse, QueryRowsFlags,
    QueryRowsRequest, QueryRowsResponse, RestrictRequest, SeekRowRequest, SeekRowResponse,
    SetColumnsRequest, SortTableRequest, TableStatusResponse,
};

/// One row of property values: a table row or the answer of a property read. A property the
/// object lacks comes back as a PtypErrorCode value under the same property ID (MAPI's
/// PT_ERROR convention), so positions never shift.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct PropRow {
    /// The values, in the order asked for.
    pub values: Vec<TaggedPropertyValue>,
}

impl PropRow {
    /// A row from a decoded property row and the columns it answers.
    pub fn from_row(columns: &[PropertyTag], row: PropertyRow) -> Self {
        let values = match row {
            PropertyRow::Standard(r) => columns
                .iter()
                .zip(r.values)
                .map(|(tag, value)| TaggedPropertyValue {
                    tag: tag.with_type(value.prop_type()),
                    value,
                })
                .collect(),
            PropertyRow::Flagged(r) => columns
                .iter()
                .zip(r.values)
                .map(|(tag, v)| match v {
                    FlaggedPropertyValue::Value(value) => TaggedPropertyValue {
                        tag: tag.with_type(value.prop_type()),
                        value,
                    },
                    FlaggedPropertyValue::NoValue(_) => error_value(*tag, ErrorCode::NOT_FOUND),
                    FlaggedPropertyValue::Error(_, code) => error_value(*tag, code),
                })
                .collect(),
        };
        PropRow { values }
    }

    /// The value of the property with `tag`'s ID (any type but an error).
    pub fn get(&self, tag: PropertyTag) -> Option<&PropertyValue> {
        self.values
            .iter()
            .find(|v| v.tag.id() == tag.id() && v.tag.prop_type() != PropertyType::ERROR_CODE)
            .map(|v| &v.value)
    }

    /// The error in place of `tag`'s value, if the server gave one.
    pub fn error(&self, tag: PropertyTag) -> Option<ErrorCode> {
        self.values
            .iter()
            .find(|v| v.tag.id() == tag.id() && v.tag.prop_type() == PropertyType::ERROR_CODE)
            .and_then(|v| v.value.as_error())
    }

    /// A string property as text (PtypString8 read as Windows-1252).
    pub fn text(&self, tag: PropertyTag) -> Option<Cow<'_, str>> {
        match self.get(tag)? {
            PropertyValue::String(s) => Some(Cow::Borrowed(&***s)),
            PropertyValue::String8(s) => Some(s.decode_text(1252)),
            _ => None,
        }
    }

    /// A PtypInteger32 property.
    pub fn i32(&self, tag: PropertyTag) -> Option<i32> {
        self.get(tag).and_then(PropertyValue::as_i32)
    }

    /// A PtypBinary property.
    pub fn bytes(&self, tag: PropertyTag) -> Option<&[u8]> {
        self.get(tag).and_then(PropertyValue::as_bytes)
    }

    /// A PtypBoolean property.
    pub fn bool(&self, tag: PropertyTag) -> Option<bool> {
        self.get(tag).and_then(PropertyValue::as_bool)
    }
}

fn error_value(tag: PropertyTag, code: ErrorCode) -> TaggedPropertyValue {
    TaggedPropertyValue {
        tag: tag.with_type(PropertyType::ERROR_CODE),
        value: PropertyValue::ErrorCode(code),
    }
}

/// The ReturnValue of a failed response, for the ROPs the client sends.
pub(crate) fn failure(response: &RopResponse) -> Option<ErrorCode> {
    let header = match response {
        RopResponse::Logon(LogonResponse::Failure(h))
        | RopResponse::OpenFolder(OpenFolderResponse::Failure(h))
        | RopResponse::CreateFolder(CreateFolderResponse::Failure(h))
        | RopResponse::OpenMessage(OpenMessageResponse::Failure(h))
        | RopResponse::GetHierarchyTable(GetTableResponse::Failure(h))
        | RopResponse::GetContentsTable(GetTableResponse::Failure(h))
        | RopResponse::GetPropertiesSpecific(GetPropertiesSpecificResponse::Failure(h))
        | RopResponse::GetPropertiesAll(GetPropertiesAllResponse::Failure(h))
        | RopResponse::GetPropertiesList(GetPropertiesListResponse::Failure(h))
        | RopResponse::SetProperties(ProblemsResponse::Failure(h))
        | RopResponse::GetReceiveFolder(GetReceiveFolderResponse::Failure(h))
        | RopResponse::SetColumns(TableStatusResponse::Failure(h))
        | RopResponse::SortTable(TableStatusResponse::Failure(h))
        | RopResponse::Restrict(TableStatusResponse::Failure(h))
        | RopResponse::QueryRows(QueryRowsResponse::Failure(h))
        | RopResponse::QueryPosition(QueryPositionResponse::Failure(h))
        | RopResponse::SeekRow(SeekRowResponse::Failure(h)) => h,
        RopResponse::RegisterNotification(h) if h.return_value.0 != 0 => h,
        RopResponse::Logon(LogonResponse::Redirect { .. }) => {
            return Some(ErrorCode::WRONG_SERVER);
        }
        _ => return None,
    };
    Some(header.return_value)
}

/// The answer to request `i`, or the typed failure of that ROP.
pub(crate) fn answer(done: &Executed, i: usize) -> Result<&RopResponse, ClientError> {
    let response = done.answer(i)?;
    match failure(response) {
        Some(code) if code.0 != 0 => Err(ClientError::Rop {
            rop: response.id(),
            code,
        }),
        _ => Ok(response),
    }
}

/// Which object a property or table request starts from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target {
    /// The logon (store) object: its handle is looked up fresh, so it survives reconnects.
    Logon,
    /// A folder, table or message of one session context.
    Object(ServerHandle),
}

/// Whose mailbox a store is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum StoreKind {
    /// A private mailbox (the user's own or another user's), by its legacy DN.
    Private {
        /// The mailbox owner's legacy DN.
        mailbox_dn: String,
    },
    /// The public folders.
    Public,
}

pub(crate) struct StoreInner {
    pub conn: Arc<Conn>,
    pub logon_id: u8,
    pub kind: StoreKind,
    pub logon: LogonResponse,
    pub display_name: String,
    pub is_default: bool,
}

impl Drop for StoreInner {
    fn drop(&mut self) {
        self.conn.drop_logon(self.logon_id);
    }
}

/// A message store (IMsgStore): the logon to a mailbox or to the public folders. Clones share
/// the logon; it is released (RopRelease of the logon handle) when the last clone is dropped.
#[derive(Clone)]
pub struct MsgStore {
    pub(crate) inner: Arc<StoreInner>,
}

impl fmt::Debug for MsgStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MsgStore")
            .field("kind", &self.inner.kind)
            .field("logon_id", &self.inner.logon_id)
            .field("url", &self.inner.conn.url())
            .finish()
    }
}

impl MsgStore {
    /// Private mailbox or public folders.
    pub fn kind(&self) -> &StoreKind {
        &self.inner.kind
    }

    /// Whether this is the session's default store (the user's own mailbox).
    pub fn is_default(&self) -> bool {
        self.inner.is_default
    }

    /// The store's display name (PR_DISPLAY_NAME as the server gave it at logon).
    pub fn display_name(&self) -> &str {
        &self.inner.display_name
    }

    /// The LogonId this store uses on its session context.
    pub fn logon_id(&self) -> u8 {
        self.inner.logon_id
    }

    /// The mailbox URL of the session context the store lives on.
    pub fn url(&self) -> &str {
        self.inner.conn.url()
    }

    /// The RopLogon response (special folder IDs, mailbox GUID, replica IDs).
    pub fn logon_response(&self) -> &LogonResponse {
        &self.inner.logon
    }

    fn folder_ids(&self) -> Option<&[FolderId; 13]> {
        match &self.inner.logon {
            LogonResponse::Private { folder_ids, .. }
            | LogonResponse::Public { folder_ids, .. } => Some(folder_ids),
            _ => None,
        }
    }

    /// The n-th FolderId of the RopLogon response (MS-OXCSTOR 2.2.1.1.3 / 2.2.1.1.4 order).
    fn special(&self, n: usize, name: &str) -> Result<FolderId, ClientError> {
        self.folder_ids()
            .and_then(|ids| ids.get(n).copied())
            .ok_or_else(|| ClientError::NotFound(format!("{name} of this store")))
    }

    /// The root folder (private: Root; public: the Public Root).
    pub fn root_id(&self) -> Result<FolderId, ClientError> {
        self.special(0, "root folder")
    }

    /// The IPM subtree (Top of Information Store / IPM_SUBTREE).
    pub fn ipm_subtree_id(&self) -> Result<FolderId, ClientError> {
        match self.inner.kind {
            StoreKind::Private { .. } => self.special(3, "IPM subtree"),
            StoreKind::Public => self.special(1, "IPM subtree"),
        }
    }

    /// The Inbox (private stores only).
    pub fn inbox_id(&self) -> Result<FolderId, ClientError> {
        self.private_special(4, "Inbox")
    }

    /// The Outbox (private stores only).
    pub fn outbox_id(&self) -> Result<FolderId, ClientError> {
        self.private_special(5, "Outbox")
    }

    /// Sent Items (private stores only).
    pub fn sent_items_id(&self) -> Result<FolderId, ClientError> {
        self.private_special(6, "Sent Items")
    }

    /// Deleted Items (private stores only).
    pub fn deleted_items_id(&self) -> Result<FolderId, ClientError> {
        self.private_special(7, "Deleted Items")
    }

    fn private_special(&self, n: usize, name: &str) -> Result<FolderId, ClientError> {
        match self.inner.kind {
            StoreKind::Private { .. } => self.special(n, name),
            StoreKind::Public => Err(ClientError::NotFound(format!("{name} in public folders"))),
        }
    }

    /// Runs one batch on the store's context; `build` gets the batch cx and this store's
    /// logon slot.
    pub(crate) async fn run<F>(&self, mut build: F) -> Result<Executed, ClientError>
    where
        F: FnMut(&BatchCx<'_>, &mut RopBatch, u8) -> Result<(), ClientError>,
    {
        let logon_id = self.inner.logon_id;
        self.inner
            .conn
            .run(|cx| {
                let mut batch = RopBatch::new();
                build(cx, &mut batch, logon_id)?;
                Ok(batch)
            })
            .await
    }

    fn slot(
        cx: &BatchCx<'_>,
        batch: &mut RopBatch,
        logon_id: u8,
        target: Target,
    ) -> Result<u8, ClientError> {
        match target {
            Target::Logon => cx.logon(batch, logon_id),
            Target::Object(h) => cx.object(batch, h),
        }
    }

    pub(crate) async fn get_props_of(
        &self,
        target: Target,
        tags: &[PropertyTag],
    ) -> Result<PropRow, ClientError> {
        let done = self
            .run(|cx, batch, logon_id| {
                let input_handle_index = Self::slot(cx, batch, logon_id, target)?;
                batch.push(RopRequest::GetPropertiesSpecific(
                    GetPropertiesSpecificRequest {
                        logon_id,
                        input_handle_index,
                        property_size_limit: 0,
                        want_unicode: 1,
                        property_tags: PropertyTagArray(tags.to_vec()),
                    },
                ));
                Ok(())
            })
            .await?;
        match answer(&done, 0)? {
            RopResponse::GetPropertiesSpecific(GetPropertiesSpecificResponse::Success {
                row_data,
                ..
            }) => Ok(PropRow::from_row(tags, row_data.clone())),
            other => Err(ClientError::UnexpectedResponse(other.id())),
        }
    }

    pub(crate) async fn get_all_props_of(&self, target: Target) -> Result<PropRow, ClientError> {
        let done = self
            .run(|cx, batch, logon_id| {
                let input_handle_index = Self::slot(cx, batch, logon_id, target)?;
                batch.push(RopRequest::GetPropertiesAll(GetPropertiesAllRequest {
                    logon_id,
                    input_handle_index,
                    property_size_limit: 0,
                    want_unicode: 1,
                }));
                Ok(())
            })
            .await?;
        match answer(&done, 0)? {
            RopResponse::GetPropertiesAll(GetPropertiesAllResponse::Success {
                property_values,
                ..
            }) => Ok(PropRow {
                values: property_values.clone(),
            }),
            other => Err(ClientError::UnexpectedResponse(other.id())),
        }
    }

    pub(crate) async fn get_prop_list_of(
        &self,
        target: Target,
    ) -> Result<Vec<PropertyTag>, ClientError> {
        let done = self
            .run(|cx, batch, logon_id| {
                let input_handle_index = Self::slot(cx, batch, logon_id, target)?;
                batch.push(RopRequest::GetPropertiesList(GetPropertiesListRequest {
                    logon_id,
                    input_handle_index,
                }));
                Ok(())
            })
            .await?;
        match answer(&done, 0)? {
            RopResponse::GetPropertiesList(GetPropertiesListResponse::Success {
                property_tags,
                ..
            }) => Ok(property_tags.0.clone()),
            other => Err(ClientError::UnexpectedResponse(other.id())),
        }
    }

    pub(crate) async fn set_props_of(
        &self,
        target: Target,
        values: &[TaggedPropertyValue],
    ) -> Result<Vec<(PropertyTag, ErrorCode)>, ClientError> {
        let done = self
            .run(|cx, batch, logon_id| {
                let input_handle_index = Self::slot(cx, batch, logon_id, target)?;
                batch.push(RopRequest::SetProperties(SetPropertiesRequest {
                    logon_id,
                    input_handle_index,
                    property_values: values.to_vec(),
                }));
                Ok(())
            })
            .await?;
        match answer(&done, 0)? {
            RopResponse::SetProperties(ProblemsResponse::Success {
                property_problems, ..
            }) => Ok(property_problems
                .0
                .iter()
                .map(|p| (p.tag, p.error))
                .collect()),
            other => Err(ClientError::UnexpectedResponse(other.id())),
        }
    }

    /// Reads properties of the store (RopGetPropertiesSpecific).
    pub async fn get_props(&self, tags: &[PropertyTag]) -> Result<PropRow, ClientError> {
        self.get_props_of(Target::Logon, tags).await
    }

    /// Reads every property of the store (RopGetPropertiesAll).
    pub async fn get_all_props(&self) -> Result<PropRow, ClientError> {
        self.get_all_props_of(Target::Logon).await
    }

    /// Lists the store's property tags (RopGetPropertiesList).
    pub async fn get_prop_list(&self) -> Result<Vec<PropertyTag>, ClientError> {
        self.get_prop_list_of(Target::Logon).await
    }

    /// Sets store properties (RopSetProperties); returns the per-property problems.
    pub async fn set_props(
        &self,
        values: &[TaggedPropertyValue],
    ) -> Result<Vec<(PropertyTag, ErrorCode)>, ClientError> {
        self.set_props_of(Target::Logon, values).await
    }

    /// The receive folder for `message_class` and the class actually configured for it
    /// (RopGetReceiveFolder, MS-OXCSTOR 2.2.1.2).
    pub async fn receive_folder(
        &self,
        message_class: &str,
    ) -> Result<(FolderId, String), ClientError> {
        let class = message_class.to_owned();
        let done = self
            .run(|cx, batch, logon_id| {
                let input_handle_index = cx.logon(batch, logon_id)?;
                batch.push(RopRequest::GetReceiveFolder(GetReceiveFolderRequest {
                    logon_id,
                    input_handle_index,
                    message_class: class.clone(),
                }));
                Ok(())
            })
            .await?;
        match answer(&done, 0)? {
            RopResponse::GetReceiveFolder(GetReceiveFolderResponse::Success {
                folder_id,
                explicit_message_class,
                ..
            }) => Ok((*folder_id, explicit_message_class.clone())),
            other => Err(ClientError::UnexpectedResponse(other.id())),
        }
    }

    /// Opens the folder `id` (RopOpenFolder).
    pub async fn open_folder(&self, id: FolderId) -> Result<Folder, ClientError> {
        self.open_folder_from(Target::Logon, id).await
    }

    pub(crate) async fn open_folder_from(
        &self,
        from: Target,
        id: FolderId,
    ) -> Result<Folder, ClientError> {
        let mut out = 0;
        let done = self
            .run(|cx, batch, logon_id| {
                let input_handle_index = Self::slot(cx, batch, logon_id, from)?;
                out = batch.new_slot().map_err(SessionError::from)?;
                batch.push(RopRequest::OpenFolder(OpenFolderRequest {
                    logon_id,
                    input_handle_index,
                    output_handle_index: out,
                    folder_id: id,
                    open_mode_flags: OpenModeFlags(0),
                }));
                Ok(())
            })
            .await?;
        answer(&done, 0)?;
        let handle = done
            .handle(out)
            .ok_or(ClientError::UnexpectedResponse(RopId::OPEN_FOLDER))?;
        Ok(Folder::new(self.clone(), handle, id))
    }

    /// Opens message `message_id` in folder `folder_id` (RopOpenMessage, read-only).
    pub async fn open_message(
        &self,
        folder_id: FolderId,
        message_id: MessageId,
    ) -> Result<Message, ClientError> {
        let mut out = 0;
        let done = self
            .run(|cx, batch, logon_id| {
                let input_handle_index = cx.logon(batch, logon_id)?;
                out = batch.new_slot().map_err(SessionError::from)?;
                batch.push(RopRequest::OpenMessage(OpenMessageRequest {
                    logon_id,
                    input_handle_index,
                    output_handle_index: out,
                    code_page_id: 0x0FFF,
                    folder_id,
                    open_mode_flags: crate::wire::rop::message::OpenModeFlags(0),
                    message_id,
                }));
                Ok(())
            })
            .await?;
        let info = match answer(&done, 0)? {
            RopResponse::OpenMessage(OpenMessageResponse::Success { message, .. }) => {
                message.clone()
            }
            other => return Err(ClientError::UnexpectedResponse(other.id())),
        };
        let handle = done
            .handle(out)
            .ok_or(ClientError::UnexpectedResponse(RopId::OPEN_MESSAGE))?;
        Ok(Message {
            store: self.clone(),
            handle,
            folder_id,
            id: message_id,
            info,
            _lease: Lease {
                store: self.clone(),
                handle,
            },
        })
    }

    fn release(&self, handle: ServerHandle) {
        self.inner.conn.drop_object(self.inner.logon_id, handle);
    }
}

/// One server object handle held by a Rust value: dropping the last holder queues its
/// RopRelease. Objects another object owns (MS-OXCROPS 3.1.5.3: a folder's tables) hold
/// their owner's lease too, so the owned object is always released first, as the client
/// must do.
struct Lease {
    store: MsgStore,
    handle: ServerHandle,
}

impl Drop for Lease {
    fn drop(&mut self) {
        self.store.release(self.handle);
    }
}

/// An open folder (IMAPIFolder).
pub struct Folder {
    store: MsgStore,
    handle: ServerHandle,
    id: FolderId,
    lease: Arc<Lease>,
}

impl fmt::Debug for Folder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Folder")
            .field("id", &self.id)
            .field("handle", &self.handle)
            .finish()
    }
}

impl Folder {
    fn new(store: MsgStore, handle: ServerHandle, id: FolderId) -> Self {
        Folder {
            lease: Arc::new(Lease {
                store: store.clone(),
                handle,
            }),
            store,
            handle,
            id,
        }
    }

    /// The folder's ID.
    pub fn id(&self) -> FolderId {
        self.id
    }

    /// The store it belongs to.
    pub fn store(&self) -> &MsgStore {
        &self.store
    }

    /// The server handle (for diagnostics).
    pub fn server_handle(&self) -> ServerHandle {
        self.handle
    }

    /// Reads properties (RopGetPropertiesSpecific).
    pub async fn get_props(&self, tags: &[PropertyTag]) -> Result<PropRow, ClientError> {
        self.store
            .get_props_of(Target::Object(self.handle), tags)
            .await
    }

    /// Reads every property (RopGetPropertiesAll).
    pub async fn get_all_props(&self) -> Result<PropRow, ClientError> {
        self.store
            .get_all_props_of(Target::Object(self.handle))
            .await
    }

    /// Lists the property tags (RopGetPropertiesList).
    pub async fn get_prop_list(&self) -> Result<Vec<PropertyTag>, ClientError> {
        self.store
            .get_prop_list_of(Target::Object(self.handle))
            .await
    }

    /// Sets properties (RopSetProperties); returns the per-property problems.
    pub async fn set_props(
        &self,
        values: &[TaggedPropertyValue],
    ) -> Result<Vec<(PropertyTag, ErrorCode)>, ClientError> {
        self.store
            .set_props_of(Target::Object(self.handle), values)
            .await
    }

    /// Opens a subfolder (or any folder of the store) by ID. The new folder is opened on the
    /// logon, not on this folder, so it lives on when this one is dropped.
    pub async fn open_folder(&self, id: FolderId) -> Result<Folder, ClientError> {
        self.store.open_folder(id).await
    }

    /// Opens a message of this folder.
    pub async fn open_message(&self, id: MessageId) -> Result<Message, ClientError> {
        self.store.open_message(self.id, id).await
    }

    /// Creates a generic subfolder named `name` (RopCreateFolder, MS-OXCFOLD 2.2.1.2); with
    /// `open_existing` an existing folder of that name is opened instead of failing with
    /// ecDuplicateName.
    pub async fn create_folder(
        &self,
        name: &str,
        comment: &str,
        open_existing: bool,
    ) -> Result<Folder, ClientError> {
        let mut out = 0;
        let handle = self.handle;
        let done = self
            .store
            .run(|cx, batch, logon_id| {
                let input_handle_index = cx.object(batch, handle)?;
                out = batch.new_slot().map_err(SessionError::from)?;
                batch.push(RopRequest::CreateFolder(CreateFolderRequest {
                    logon_id,
                    input_handle_index,
                    output_handle_index: out,
                    folder_type: FolderType::GENERIC,
                    use_unicode_strings: true,
                    open_existing,
                    reserved: 0,
                    display_name: FolderName::Unicode(name.to_owned()),
                    comment: FolderName::Unicode(comment.to_owned()),
                }));
                Ok(())
            })
            .await?;
        let id = match answer(&done, 0)? {
            RopResponse::CreateFolder(CreateFolderResponse::Success { folder_id, .. }) => {
                *folder_id
            }
            other => return Err(ClientError::UnexpectedResponse(other.id())),
        };
        let handle = done
            .handle(out)
            .ok_or(ClientError::UnexpectedResponse(RopId::CREATE_FOLDER))?;
        Ok(Folder::new(self.store.clone(), handle, id))
    }

    /// Deletes the subfolder `id` with its messages and subfolders (RopDeleteFolder,
    /// MS-OXCFOLD 2.2.1.3). Returns whether the deletion was only partial.
    pub async fn delete_folder(&self, id: FolderId) -> Result<bool, ClientError> {
        let handle = self.handle;
        let done = self
            .store
            .run(|cx, batch, logon_id| {
                let input_handle_index = cx.object(batch, handle)?;
                batch.push(RopRequest::DeleteFolder(DeleteFolderRequest {
                    logon_id,
                    input_handle_index,
                    delete_folder_flags: DeleteFolderFlags(
                        DeleteFolderFlags::DEL_MESSAGES.0 | DeleteFolderFlags::DEL_FOLDERS.0,
                    ),
                    folder_id: id,
                }));
                Ok(())
            })
            .await?;
        match done.answer(0)? {
            RopResponse::DeleteFolder(r) if r.header.return_value.0 == 0 => {
                Ok(r.partial_completion)
            }
            RopResponse::DeleteFolder(r) => Err(ClientError::Rop {
                rop: RopId::DELETE_FOLDER,
                code: r.header.return_value,
            }),
            other => Err(ClientError::UnexpectedResponse(other.id())),
        }
    }

    /// The hierarchy table (RopGetHierarchyTable); `depth` lists every descendant, not only
    /// the children (TableFlags Depth).
    pub async fn hierarchy_table(&self, depth: bool) -> Result<Table, ClientError> {
        let flags = if depth {
            TableFlags::DEPTH
        } else {
            TableFlags(0)
        };
        self.open_table(true, flags, None, 0).await.map(|(t, _)| t)
    }

    /// The contents table (RopGetContentsTable).
    pub async fn contents_table(&self) -> Result<Table, ClientError> {
        self.open_table(false, TableFlags(0), None, 0)
            .await
            .map(|(t, _)| t)
    }

    /// Opens a table, sets its columns and reads up to `rows` rows, in one Execute.
    pub async fn table_with_rows(
        &self,
        hierarchy: bool,
        depth: bool,
        columns: &[PropertyTag],
        rows: u16,
    ) -> Result<(Table, Vec<PropRow>), ClientError> {
        let flags = if depth {
            TableFlags::DEPTH
        } else {
            TableFlags(0)
        };
        self.open_table(hierarchy, flags, Some(columns), rows).await
    }

    async fn open_table(
        &self,
        hierarchy: bool,
        table_flags: TableFlags,
        columns: Option<&[PropertyTag]>,
        rows: u16,
    ) -> Result<(Table, Vec<PropRow>), ClientError> {
        let mut out = 0;
        let handle = self.handle;
        let done = self
            .store
            .run(|cx, batch, logon_id| {
                let input_handle_index = cx.object(batch, handle)?;
                out = batch.new_slot().map_err(SessionError::from)?;
                batch.push(if hierarchy {
                    RopRequest::GetHierarchyTable(GetHierarchyTableRequest {
                        logon_id,
                        input_handle_index,
                        output_handle_index: out,
                        table_flags,
                    })
                } else {
                    RopRequest::GetContentsTable(GetContentsTableRequest {
                        logon_id,
                        input_handle_index,
                        output_handle_index: out,
                        table_flags,
                    })
                });
                if let Some(columns) = columns {
                    batch.push(RopRequest::SetColumns(SetColumnsRequest {
                        logon_id,
                        input_handle_index: out,
                        flags: AsyncFlags(0),
                        property_tags: columns.to_vec(),
                    }));
                    if rows > 0 {
                        batch.push(query_rows(logon_id, out, rows));
                    }
                }
                Ok(())
            })
            .await?;
        let row_count = match answer(&done, 0)? {
            RopResponse::GetHierarchyTable(GetTableResponse::Success { row_count, .. })
            | RopResponse::GetContentsTable(GetTableResponse::Success { row_count, .. }) => {
                *row_count
            }
            other => return Err(ClientError::UnexpectedResponse(other.id())),
        };
        let handle = done
            .handle(out)
            .ok_or(ClientError::UnexpectedResponse(RopId::GET_CONTENTS_TABLE))?;
        let table = Table {
            store: self.store.clone(),
            handle,
            columns: columns.map(<[_]>::to_vec).unwrap_or_default(),
            row_count,
            at_end: false,
            _lease: Lease {
                store: self.store.clone(),
                handle,
            },
            _owner: Arc::clone(&self.lease),
        };
        let mut found = Vec::new();
        if let Some(columns) = columns {
            answer(&done, 1)?;
            if rows > 0 {
                let (got, end) = rows_of(answer(&done, 2)?, columns)?;
                found = got;
                let mut table = table;
                table.at_end = end;
                return Ok((table, found));
            }
        }
        found.clear();
        Ok((table, found))
    }
}

fn query_rows(logon_id: u8, input_handle_index: u8, row_count: u16) -> RopRequest {
    RopRequest::QueryRows(QueryRowsRequest {
        logon_id,
        input_handle_index,
        flags: QueryRowsFlags(0),
        forward_read: true,
        row_count,
    })
}

fn rows_of(
    response: &RopResponse,
    columns: &[PropertyTag],
) -> Result<(Vec<PropRow>, bool), ClientError> {
    match response {
        RopResponse::QueryRows(QueryRowsResponse::Success { origin, rows, .. }) => Ok((
            rows.rows
                .iter()
                .cloned()
                .map(|r| PropRow::from_row(columns, r))
                .collect(),
            *origin == BookmarkOrigin::END,
        )),
        other => Err(ClientError::UnexpectedResponse(other.id())),
    }
}

/// An open table (IMAPITable): a folder's hierarchy or contents.
pub struct Table {
    store: MsgStore,
    handle: ServerHandle,
    columns: Vec<PropertyTag>,
    row_count: u32,
    at_end: bool,
    // Field order is drop order: the table's release is queued before its folder's.
    _lease: Lease,
    _owner: Arc<Lease>,
}

impl fmt::Debug for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("handle", &self.handle)
            .field("columns", &self.columns)
            .field("row_count", &self.row_count)
            .finish()
    }
}

impl Table {
    /// The columns set last.
    pub fn columns(&self) -> &[PropertyTag] {
        &self.columns
    }

    /// The row count the server gave when the table was opened.
    pub fn row_count_at_open(&self) -> u32 {
        self.row_count
    }

    /// Whether the last read reached the end of the table.
    pub fn at_end(&self) -> bool {
        self.at_end
    }

    async fn simple(&self, make: impl Fn(u8, u8) -> RopRequest) -> Result<Executed, ClientError> {
        let handle = self.handle;
        self.store
            .run(|cx, batch, logon_id| {
                let slot = cx.object(batch, handle)?;
                batch.push(make(logon_id, slot));
                Ok(())
            })
            .await
    }

    /// Sets the columns (RopSetColumns).
    pub async fn set_columns(&mut self, columns: &[PropertyTag]) -> Result<(), ClientError> {
        let done = self
            .simple(|logon_id, slot| {
                RopRequest::SetColumns(SetColumnsRequest {
                    logon_id,
                    input_handle_index: slot,
                    flags: AsyncFlags(0),
                    property_tags: columns.to_vec(),
                })
            })
            .await?;
        answer(&done, 0)?;
        self.columns = columns.to_vec();
        Ok(())
    }

    /// Sorts the table (RopSortTable): `(column, descending)` pairs, most significant first.
    pub async fn sort(&mut self, keys: &[(PropertyTag, bool)]) -> Result<(), ClientError> {
        let set = SortOrderSet {
            categorized_count: 0,
            expanded_count: 0,
            sort_orders: keys
                .iter()
                .map(|(tag, desc)| SortOrder {
                    tag: *tag,
                    order: if *desc {
                        crate::wire::property::SortDirection::DESCEND
                    } else {
                        crate::wire::property::SortDirection::ASCEND
                    },
                })
                .collect(),
        };
        let done = self
            .simple(|logon_id, slot| {
                RopRequest::SortTable(SortTableRequest {
                    logon_id,
                    input_handle_index: slot,
                    flags: AsyncFlags(0),
                    sort_order_set: set.clone(),
                })
            })
            .await?;
        answer(&done, 0)?;
        self.at_end = false;
        Ok(())
    }

    /// Restricts the table (RopRestrict); `None` removes the restriction.
    pub async fn restrict(&mut self, restriction: Option<Restriction>) -> Result<(), ClientError> {
        let done = self
            .simple(|logon_id, slot| {
                RopRequest::Restrict(RestrictRequest {
                    logon_id,
                    input_handle_index: slot,
                    flags: AsyncFlags(0),
                    restriction: restriction.clone(),
                })
            })
            .await?;
        answer(&done, 0)?;
        self.at_end = false;
        Ok(())
    }

    /// Reads up to `count` rows forward from the cursor (RopQueryRows). Fewer rows, or none,
    /// at the end of the table.
    pub async fn query_rows(&mut self, count: u16) -> Result<Vec<PropRow>, ClientError> {
        if self.columns.is_empty() {
            return Err(ClientError::InvalidArgument(
                "set the table's columns before reading rows".into(),
            ));
        }
        let done = self
            .simple(|logon_id, slot| query_rows(logon_id, slot, count))
            .await?;
        let (rows, end) = rows_of(answer(&done, 0)?, &self.columns)?;
        self.at_end = end;
        Ok(rows)
    }

    /// Reads every remaining row, `page` rows per Execute.
    pub async fn query_all(&mut self, page: u16) -> Result<Vec<PropRow>, ClientError> {
        let mut all = Vec::new();
        loop {
            let rows = self.query_rows(page.max(1)).await?;
            let n = rows.len();
            all.extend(rows);
            if n == 0 || self.at_end {
                return Ok(all);
            }
        }
    }

    /// Moves the cursor back to the first row (RopSeekRow from BOOKMARK_BEGINNING).
    pub async fn seek_beginning(&mut self) -> Result<(), ClientError> {
        let done = self
            .simple(|logon_id, slot| {
                RopRequest::SeekRow(SeekRowRequest {
                    logon_id,
                    input_handle_index: slot,
                    origin: BookmarkOrigin::BEGINNING,
                    row_count: 0,
                    want_row_moved_count: false,
                })
            })
            .await?;
        answer(&done, 0)?;
        self.at_end = false;
        Ok(())
    }

    /// The cursor position and the row count (RopQueryPosition).
    pub async fn position(&self) -> Result<(u32, u32), ClientError> {
        let done = self
            .simple(|logon_id, slot| {
                RopRequest::QueryPosition(QueryPositionRequest {
                    logon_id,
                    input_handle_index: slot,
                })
            })
            .await?;
        match answer(&done, 0)? {
            RopResponse::QueryPosition(QueryPositionResponse::Success {
                numerator,
                denominator,
                ..
            }) => Ok((*numerator, *denominator)),
            other => Err(ClientError::UnexpectedResponse(other.id())),
        }
    }
}

/// An open message (IMessage), read-only.
pub struct Message {
    store: MsgStore,
    handle: ServerHandle,
    folder_id: FolderId,
    id: MessageId,
    info: MessageInfo,
    _lease: Lease,
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("folder_id", &self.folder_id)
            .field("id", &self.id)
            .field("handle", &self.handle)
            .finish()
    }
}

impl Message {
    /// The message ID.
    pub fn id(&self) -> MessageId {
        self.id
    }

    /// The folder it was opened in.
    pub fn folder_id(&self) -> FolderId {
        self.folder_id
    }

    /// What RopOpenMessage returned: subject prefix, normalized subject, recipients.
    pub fn info(&self) -> &MessageInfo {
        &self.info
    }

    /// The subject as RopOpenMessage gave it (prefix + normalized subject).
    pub fn subject(&self) -> String {
        let prefix = self.info.subject_prefix.text().unwrap_or_default();
        let normalized = self.info.normalized_subject.text().unwrap_or_default();
        format!("{prefix}{normalized}")
    }

    /// Reads properties (RopGetPropertiesSpecific).
    pub async fn get_props(&self, tags: &[PropertyTag]) -> Result<PropRow, ClientError> {
        self.store
            .get_props_of(Target::Object(self.handle), tags)
            .await
    }

    /// Reads every property (RopGetPropertiesAll).
    pub async fn get_all_props(&self) -> Result<PropRow, ClientError> {
        self.store
            .get_all_props_of(Target::Object(self.handle))
            .await
    }

    /// Lists the property tags (RopGetPropertiesList).
    pub async fn get_prop_list(&self) -> Result<Vec<PropertyTag>, ClientError> {
        self.store
            .get_prop_list_of(Target::Object(self.handle))
            .await
    }
}
