//! The example ROP buffers of the specifications' section 4 (MS-OXCSTOR, MS-OXCPRPT,
//! MS-OXCTABL, MS-OXCFOLD, MS-OXCMSG, MS-OXCNOTIF, MS-OXORULE), in one place, decoded through
//! the typed API (`RopRequest::decode`, `RopRequest::decode_response`) and re-encoded
//! byte-identically. Each test names its spec section and page.
//!
//! Responses are decoded against the request of the same example where the spec gives one,
//! otherwise against a request built from the fields the example's text describes.

use mapi_http::wire::ErrorCode;
use mapi_http::wire::entry_id::MessageId;
use mapi_http::wire::primitives::Wire;
use mapi_http::wire::property::{PropertyTag, PropertyValue, SortDirection};
use mapi_http::wire::rop::any::{RopRequest, RopResponse};
use mapi_http::wire::rop::folder::{
    CreateFolderResponse, DeleteFolderFlags, FolderName, FolderType, GetHierarchyTableRequest,
    GetTableResponse, MoveCopyResponse, PartialCompletionResponse, TableFlags,
};
use mapi_http::wire::rop::property::{
    GetPropertyIdsFromNamesRequest, GetPropertyIdsFromNamesResponse, ProblemsResponse,
};
use mapi_http::wire::rop::special::ProgressResponse;
use mapi_http::wire::rop::table::{
    AsyncFlags, BookmarkOrigin, QueryRowsFlags, QueryRowsRequest, QueryRowsResponse,
    SetColumnsRequest, SortTableRequest, TableStatus, TableStatusResponse,
};
use mapi_http::wire::rop::transport::{
    LockState, SetSpoolerRequest, SpoolerLockMessageRequest, SubmitFlags,
};
use mapi_http::wire::rop::{ResponseContext, ResponseHeader};

/// Decodes a request example (RopId byte included), checks that it uses every byte and that
/// encoding gives the same bytes back.
fn request(bytes: &[u8]) -> RopRequest {
    let (rest, req) = RopRequest::decode(bytes).expect("request decodes");
    assert!(rest.is_empty(), "{} bytes left over", rest.len());
    let mut out = Vec::new();
    req.encode(&mut out).expect("request encodes");
    assert_eq!(out, bytes, "request re-encodes identically");
    req
}

/// Decodes a response example against `req` and `columns`, checks that it uses every byte
/// and that encoding it as the answer to `req` gives the same bytes back.
fn response(req: &RopRequest, columns: Option<&[PropertyTag]>, bytes: &[u8]) -> RopResponse {
    let ctx = ResponseContext {
        table_columns: columns,
    };
    let (rest, resp) = req.decode_response(&ctx, bytes).expect("response decodes");
    assert!(rest.is_empty(), "{} bytes left over", rest.len());
    let mut out = Vec::new();
    req.encode_response(&resp, &ctx, &mut out)
        .expect("response encodes");
    assert_eq!(out, bytes, "response re-encodes identically");
    resp
}

// ---------------------------------------------------------------------------------------------
// MS-OXCTABL 4
// ---------------------------------------------------------------------------------------------

// MS-OXCTABL 4.5.3.1 Client Request Buffer (RopQueryRows).
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxctabl/313b8296-c8f2-49d7-b543-a3a9d486afe8
#[test]
fn ms_oxctabl_4_5_3_1_query_rows_request() {
    let req = request(&[0x15, 0x00, 0x00, 0x00, 0x01, 0x32, 0x00]);
    let RopRequest::QueryRows(r) = &req else {
        panic!("not RopQueryRows: {req:?}")
    };
    assert_eq!(
        *r,
        QueryRowsRequest {
            logon_id: 0,
            input_handle_index: 0,
            flags: QueryRowsFlags::ADVANCE,
            forward_read: true,
            row_count: 50,
        }
    );
}

// MS-OXCTABL 4.3.2 Server Response to Client Request (RopSortTable). The page shows the
// response only; the request is built with InputHandleIndex 0x01 as the response names.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxctabl/f3081605-5915-4133-b394-896b548483e9
#[test]
fn ms_oxctabl_4_3_2_sort_table_response() {
    let req = RopRequest::SortTable(SortTableRequest {
        logon_id: 0,
        input_handle_index: 1,
        flags: AsyncFlags::default(),
        sort_order_set: Default::default(),
    });
    let resp = response(&req, None, &[0x13, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]);
    assert_eq!(
        resp,
        RopResponse::SortTable(TableStatusResponse::Success {
            handle_index: 1,
            table_status: TableStatus::COMPLETE,
        })
    );
}

// ---------------------------------------------------------------------------------------------
// MS-OXORULE 4.2
// ---------------------------------------------------------------------------------------------

// MS-OXORULE 4.2.2 Server Responds to Client Requests: RopSetColumns and RopQueryRows responses
// on the rules table. (The first response, RopGetRulesTable 0x3F, has no layout in this crate
// and is left out.) The page shows responses only; the columns are the ones its single row
// decodes against: PidTagRuleId (PtypInteger64), PidTagRuleProviderData (PtypBinary),
// PidTagRuleName (PtypString), which fill the row's bytes exactly.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxorule/e004a370-e7d8-4a11-b130-fc5fc3c29723
#[test]
fn ms_oxorule_4_2_2_rules_table_responses() {
    let cols = [
        PropertyTag(0x6674_0014),
        PropertyTag(0x6684_0102),
        PropertyTag(0x6682_001F),
    ];
    let set_columns = RopRequest::SetColumns(SetColumnsRequest {
        logon_id: 0,
        input_handle_index: 1,
        flags: AsyncFlags::default(),
        property_tags: cols.to_vec(),
    });
    let resp = response(
        &set_columns,
        None,
        &[0x12, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00],
    );
    assert_eq!(
        resp,
        RopResponse::SetColumns(TableStatusResponse::Success {
            handle_index: 1,
            table_status: TableStatus::COMPLETE,
        })
    );

    let query = RopRequest::QueryRows(QueryRowsRequest {
        logon_id: 0,
        input_handle_index: 1,
        flags: QueryRowsFlags::ADVANCE,
        forward_read: true,
        row_count: 0x10,
    });
    let bytes = [
        0x15, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x3f, 0xf8, 0x56, 0x10, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x55, 0x55,
        0x55, 0x55, 0xd1, 0x44, 0xe3, 0x40, 0x50, 0x00, 0x72, 0x00, 0x6f, 0x00, 0x6a, 0x00, 0x65,
        0x00, 0x63, 0x00, 0x74, 0x00, 0x20, 0x00, 0x58, 0x00, 0x00, 0x00,
    ];
    let resp = response(&query, Some(&cols), &bytes);
    let RopResponse::QueryRows(QueryRowsResponse::Success {
        handle_index,
        origin,
        rows,
    }) = resp
    else {
        panic!("not a RopQueryRows success: {resp:?}")
    };
    assert_eq!(handle_index, 1);
    assert_eq!(origin, BookmarkOrigin::END);
    assert_eq!(rows.rows.len(), 1);
    let row = &rows.rows[0];
    assert_eq!(
        row.get(0).and_then(PropertyValue::as_i64),
        Some(0x56f8_3f01_0000_0001)
    );
    assert_eq!(
        row.get(1)
            .and_then(PropertyValue::as_bytes)
            .map(<[u8]>::len),
        Some(16)
    );
    assert_eq!(
        row.get(2).and_then(PropertyValue::as_str),
        Some("Project X")
    );
}

// ---------------------------------------------------------------------------------------------
// MS-OXCFOLD 4
// ---------------------------------------------------------------------------------------------

// MS-OXCFOLD 4.5.1 Client Request Buffer (RopMoveFolder).
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcfold/f612cd32-561a-4536-8884-0be45db963ca
#[test]
fn ms_oxcfold_4_5_1_move_folder_request() {
    let bytes = [
        0x35, 0x00, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xDF, 0x36, 0x46,
        0x00, 0x6F, 0x00, 0x6C, 0x00, 0x64, 0x00, 0x65, 0x00, 0x72, 0x00, 0x31, 0x00, 0x00, 0x00,
    ];
    let req = request(&bytes);
    let RopRequest::MoveFolder(r) = &req else {
        panic!("not RopMoveFolder: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.source_handle_index, 1);
    assert_eq!(r.dest_handle_index, 2);
    assert!(r.want_asynchronous);
    assert!(r.use_unicode);
    assert_eq!(r.folder_id.replica_id(), 1);
    assert_eq!(
        r.folder_id.global_counter().0,
        [0x00, 0x00, 0x0E, 0x8E, 0xDF, 0x36]
    );
    assert_eq!(r.new_folder_name, FolderName::Unicode("Folder1".into()));
}

// ---------------------------------------------------------------------------------------------
// MS-OXCMSG 4
// ---------------------------------------------------------------------------------------------

// MS-OXCMSG 4.8.1 RopSaveChangesMessage Request Buffer.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmsg/73ad57f9-f3bf-437e-87fd-1f074840af57
#[test]
fn ms_oxcmsg_4_8_1_save_changes_message_request() {
    let req = request(&[0x0c, 0x00, 0x00, 0x01, 0x0a]);
    let RopRequest::SaveChangesMessage(r) = &req else {
        panic!("not RopSaveChangesMessage: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.response_handle_index, 0);
    assert_eq!(r.input_handle_index, 1);
    assert_eq!(r.save_flags.0, 0x0A);
}

// ---------------------------------------------------------------------------------------------
// MS-OXCPRPT 4
// ---------------------------------------------------------------------------------------------

// MS-OXCPRPT 4.1.2 Server Response Buffer (RopGetPropertyIdsFromNames): two names mapped to
// 0x863E and 0x863F. Decoded against a request with InputHandleIndex 0 and Create (0x02).
// https://msdn.microsoft.com/en-us/library/ee201061(v=exchg.80).aspx
#[test]
fn ms_oxcprpt_4_1_2_get_property_ids_from_names_response() {
    let req = RopRequest::GetPropertyIdsFromNames(GetPropertyIdsFromNamesRequest {
        logon_id: 0,
        input_handle_index: 0,
        flags: mapi_http::wire::rop::property::GetPropertyIdsFlags::CREATE,
        property_names: vec![],
    });
    let resp = response(
        &req,
        None,
        &[
            0x56, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x3E, 0x86, 0x3F, 0x86,
        ],
    );
    assert_eq!(
        resp,
        RopResponse::GetPropertyIdsFromNames(GetPropertyIdsFromNamesResponse::Success {
            input_handle_index: 0,
            return_value: ErrorCode(0),
            property_ids: vec![0x863E, 0x863F],
        })
    );
}

// MS-OXCPRPT 4.2.1 / 4.2.2 (RopSetProperties): PidTagSubjectPrefix "" and
// PidTagNormalizedSubject "Hello World"; the response reports no problems.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcprpt/0dfb6edf-c70f-495e-9c35-2470179a5828
#[test]
fn ms_oxcprpt_4_2_set_properties() {
    let req = request(&[
        0x0A, 0x00, 0x00, 0x24, 0x00, 0x02, 0x00, 0x1F, 0x00, 0x3D, 0x00, 0x00, 0x00, 0x1F, 0x00,
        0x1D, 0x0E, 0x48, 0x00, 0x65, 0x00, 0x6C, 0x00, 0x6C, 0x00, 0x6F, 0x00, 0x20, 0x00, 0x57,
        0x00, 0x6F, 0x00, 0x72, 0x00, 0x6C, 0x00, 0x64, 0x00, 0x00, 0x00,
    ]);
    let RopRequest::SetProperties(r) = &req else {
        panic!("not RopSetProperties: {req:?}")
    };
    assert_eq!(r.property_values.len(), 2);
    assert_eq!(r.property_values[0].tag, PropertyTag(0x003D_001F));
    assert_eq!(r.property_values[0].value.as_str(), Some(""));
    assert_eq!(r.property_values[1].tag, PropertyTag(0x0E1D_001F));
    assert_eq!(r.property_values[1].value.as_str(), Some("Hello World"));

    let resp = response(
        &req,
        None,
        &[0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
    );
    let RopResponse::SetProperties(ProblemsResponse::Success {
        input_handle_index,
        property_problems,
    }) = resp
    else {
        panic!("not a RopSetProperties success: {resp:?}")
    };
    assert_eq!(input_handle_index, 0);
    assert!(property_problems.0.is_empty());
}

// MS-OXCPRPT 4.3.1 Client Request Buffer (RopGetPropertiesSpecific): two named properties
// (0x863E PtypBoolean, 0x863F PtypInteger32) and PidTagChangeKey, WantUnicode set.
// https://msdn.microsoft.com/en-us/library/ee160814(v=exchg.80).aspx
#[test]
fn ms_oxcprpt_4_3_1_get_properties_specific_request() {
    let req = request(&[
        0x07, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x03, 0x00, 0x0B, 0x00, 0x3E, 0x86, 0x03, 0x00,
        0x3F, 0x86, 0x02, 0x01, 0xE2, 0x65,
    ]);
    let RopRequest::GetPropertiesSpecific(r) = &req else {
        panic!("not RopGetPropertiesSpecific: {req:?}")
    };
    assert_eq!(r.property_size_limit, 0);
    assert_eq!(r.want_unicode, 1);
    assert_eq!(
        r.property_tags.0,
        vec![
            PropertyTag(0x863E_000B),
            PropertyTag(0x863F_0003),
            PropertyTag(0x65E2_0102),
        ]
    );
}

// MS-OXCPRPT 4.4.1.1 (RopOpenStream): PidTagExtendedRuleMessageCondition opened ReadWrite.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcprpt/b4cb95e7-453a-4efd-ae72-cc98123b617a (index: "Working with streams example")
#[test]
fn ms_oxcprpt_4_4_1_1_open_stream_request() {
    let req = request(&[0x2B, 0x01, 0x00, 0x01, 0x02, 0x01, 0x9A, 0x0E, 0x01]);
    let RopRequest::OpenStream(r) = &req else {
        panic!("not RopOpenStream: {req:?}")
    };
    assert_eq!(r.logon_id, 1);
    assert_eq!(r.input_handle_index, 0);
    assert_eq!(r.output_handle_index, 1);
    assert_eq!(r.property_tag, PropertyTag(0x0E9A_0102));
    assert_eq!(req.output_handle_index(), Some(1));
}

// MS-OXCPRPT 4.5 Asynchronous Progress, step 1: RopEmptyFolder request, asynchronous, without
// FAI messages.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcprpt/ea237285-6a98-4fca-8879-43bebd7b33c3
#[test]
fn ms_oxcprpt_4_5_empty_folder_request() {
    let req = request(&[0x58, 0x00, 0x00, 0x01, 0x00]);
    let RopRequest::EmptyFolder(r) = &req else {
        panic!("not RopEmptyFolder: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 0);
    assert!(r.want_asynchronous);
    assert!(!r.want_delete_associated);
}

/// MS-OXCPRPT 4.5 step 2: the RopProgress response (29 of 729 tasks done).
const PROGRESS_29_OF_729: [u8; 15] = [
    0x50, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1D, 0x00, 0x00, 0x00, 0xD9, 0x02, 0x00, 0x00,
];

// MS-OXCPRPT 4.5 Asynchronous Progress, steps 2 and 3: the RopProgress request (WantCancel
// FALSE) and a RopProgress response, CompletedTaskCount 29, TotalTaskCount 729. The bytes of
// step 2 answer the RopEmptyFolder of step 1; they are decoded here against the RopProgress
// request of step 3, whose response has the same layout (MS-OXCROPS 2.2.8.13.2).
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcprpt/ea237285-6a98-4fca-8879-43bebd7b33c3
#[test]
fn ms_oxcprpt_4_5_progress() {
    let req = request(&[0x50, 0x00, 0x00, 0x00]);
    let RopRequest::Progress(r) = &req else {
        panic!("not RopProgress: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 0);
    assert!(!r.want_cancel);

    let resp = response(&req, None, &PROGRESS_29_OF_729);
    assert_eq!(
        resp,
        RopResponse::Progress(ProgressResponse::Success {
            input_handle_index: 0,
            logon_id: 0,
            completed_task_count: 29,
            total_task_count: 729,
        })
    );
}

// MS-OXCPRPT 4.5 step 2 as the spec shows it: the server answers the asynchronous
// RopEmptyFolder request with a RopProgress response (MS-OXCFOLD 3.1.5.2, 3.2.5.9).
// The decoder takes RopProgress (0x50) as an answer to RopEmptyFolder (0x58), and encodes it back.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcprpt/ea237285-6a98-4fca-8879-43bebd7b33c3
#[test]
fn ms_oxcprpt_4_5_progress_answers_empty_folder() {
    let empty_folder = request(&[0x58, 0x00, 0x00, 0x01, 0x00]);
    let ctx = ResponseContext {
        table_columns: None,
    };
    let (rest, resp) = empty_folder
        .decode_response(&ctx, &PROGRESS_29_OF_729)
        .expect("a RopProgress response answers an asynchronous RopEmptyFolder");
    assert!(rest.is_empty());
    assert!(matches!(
        resp,
        RopResponse::Progress(ProgressResponse::Success {
            completed_task_count: 29,
            total_task_count: 729,
            ..
        })
    ));
    let mut out = Vec::new();
    empty_folder.encode_response(&resp, &ctx, &mut out).unwrap();
    assert_eq!(out, PROGRESS_29_OF_729);
}

/// FID/MID check: replica 0x0001 and the 6-byte global counter the spec text names.
fn assert_id(replica: u16, counter: [u8; 6], got_replica: u16, got_counter: [u8; 6]) {
    assert_eq!(got_replica, replica);
    assert_eq!(got_counter, counter);
}

// MS-OXCFOLD 4.1.1 Client Request Buffer (RopCreateFolder): generic folder "Folder1", Unicode,
// OpenExisting FALSE, empty comment.
// https://msdn.microsoft.com/en-us/library/ee219016(v=exchg.80).aspx
#[test]
fn ms_oxcfold_4_1_1_create_folder_request() {
    let req = request(&[
        0x1C, 0x00, 0x00, 0x01, 0x01, 0x01, 0x00, 0x00, 0x46, 0x00, 0x6F, 0x00, 0x6C, 0x00, 0x64,
        0x00, 0x65, 0x00, 0x72, 0x00, 0x31, 0x00, 0x00, 0x00, 0x00, 0x00,
    ]);
    let RopRequest::CreateFolder(r) = &req else {
        panic!("not RopCreateFolder: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 0);
    assert_eq!(r.output_handle_index, 1);
    assert_eq!(r.folder_type, FolderType::GENERIC);
    assert!(r.use_unicode_strings);
    assert!(!r.open_existing);
    assert_eq!(r.reserved, 0);
    assert_eq!(r.display_name, FolderName::Unicode("Folder1".into()));
    assert_eq!(r.comment, FolderName::Unicode(String::new()));
}

// MS-OXCFOLD 4.1.2 Server Responds to Client Request (RopCreateFolder): FolderId
// 0001-00000E915212, IsExistingFolder FALSE. Decoded against the request of 4.1.1.
// https://msdn.microsoft.com/en-us/library/b629a302-cfc3-409b-bdc2-68d2ec49ccb6
#[test]
fn ms_oxcfold_4_1_2_create_folder_response() {
    let req = request(&[
        0x1C, 0x00, 0x00, 0x01, 0x01, 0x01, 0x00, 0x00, 0x46, 0x00, 0x6F, 0x00, 0x6C, 0x00, 0x64,
        0x00, 0x65, 0x00, 0x72, 0x00, 0x31, 0x00, 0x00, 0x00, 0x00, 0x00,
    ]);
    let resp = response(
        &req,
        None,
        &[
            0x1C, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0E, 0x91, 0x52, 0x12,
            0x00,
        ],
    );
    let RopResponse::CreateFolder(CreateFolderResponse::Success {
        output_handle_index,
        folder_id,
        existing,
    }) = resp
    else {
        panic!("not a RopCreateFolder success: {resp:?}")
    };
    assert_eq!(output_handle_index, 1);
    assert_id(
        1,
        [0x00, 0x00, 0x0E, 0x91, 0x52, 0x12],
        folder_id.replica_id(),
        folder_id.global_counter().0,
    );
    assert_eq!(existing, None);
}

// MS-OXCFOLD 4.2.1 Client Request Buffer (RopDeleteFolder): DEL_MESSAGES | DEL_FOLDERS,
// FolderId 0001-00000E8EDF36.
// http://msdn.microsoft.com/en-us/library/08c39768-a15f-4835-9633-3bdaf9e928b4
// MS-OXCFOLD 4.2.2 Server Responds to Client Request: success, PartialCompletion FALSE.
// http://msdn.microsoft.com/en-us/library/ee220032(v=exchg.80).aspx
#[test]
fn ms_oxcfold_4_2_delete_folder() {
    let req = request(&[
        0x1D, 0x00, 0x01, 0x05, 0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xDF, 0x36,
    ]);
    let RopRequest::DeleteFolder(r) = &req else {
        panic!("not RopDeleteFolder: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 1);
    assert_eq!(
        r.delete_folder_flags.0,
        DeleteFolderFlags::DEL_MESSAGES.0 | DeleteFolderFlags::DEL_FOLDERS.0
    );
    assert_id(
        1,
        [0x00, 0x00, 0x0E, 0x8E, 0xDF, 0x36],
        r.folder_id.replica_id(),
        r.folder_id.global_counter().0,
    );

    let resp = response(&req, None, &[0x1D, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]);
    let RopResponse::DeleteFolder(PartialCompletionResponse {
        header,
        partial_completion,
    }) = resp
    else {
        panic!("not a RopDeleteFolder response: {resp:?}")
    };
    assert_eq!(header.handle_index, 1);
    assert!(header.is_success());
    assert!(!partial_completion);
}

// MS-OXCFOLD 4.3.1 Client Request Buffer (RopDeleteMessages): synchronous, NotifyNonRead,
// MIDs 0001-00000E8EF148 and 0001-00000E8EC302.
// https://docs.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcfold/eaed8781-8c7e-4311-a9c6-0d0488f458ab
// MS-OXCFOLD 4.3.2 Server Responds to Client Request: success, PartialCompletion FALSE.
// https://msdn.microsoft.com/en-us/library/ee204277(v=exchg.80).aspx
#[test]
fn ms_oxcfold_4_3_delete_messages() {
    let req = request(&[
        0x1E, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xF1, 0x48,
        0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xC3, 0x02,
    ]);
    let RopRequest::DeleteMessages(r) = &req else {
        panic!("not RopDeleteMessages: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 0);
    assert!(!r.want_asynchronous);
    assert!(r.notify_non_read);
    assert_eq!(r.message_ids.len(), 2);
    assert_id(
        1,
        [0x00, 0x00, 0x0E, 0x8E, 0xF1, 0x48],
        r.message_ids[0].replica_id(),
        r.message_ids[0].global_counter().0,
    );
    assert_id(
        1,
        [0x00, 0x00, 0x0E, 0x8E, 0xC3, 0x02],
        r.message_ids[1].replica_id(),
        r.message_ids[1].global_counter().0,
    );

    let resp = response(&req, None, &[0x1E, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    let RopResponse::DeleteMessages(PartialCompletionResponse {
        header,
        partial_completion,
    }) = resp
    else {
        panic!("not a RopDeleteMessages response: {resp:?}")
    };
    assert_eq!(header.handle_index, 0);
    assert!(header.is_success());
    assert!(!partial_completion);
}

// MS-OXCTABL 4.2.1 Client Request Buffer (RopSetColumns): six columns on a contents table.
// https://msdn.microsoft.com/en-us/library/ee160628(v=exchg.80).aspx
#[test]
fn ms_oxctabl_4_2_1_set_columns_request() {
    let req = request(&[
        0x12, 0x00, 0x01, 0x00, 0x06, 0x00, 0x14, 0x00, 0x48, 0x67, 0x14, 0x00, 0x4a, 0x67, 0x14,
        0x00, 0x4d, 0x67, 0x03, 0x00, 0x4e, 0x67, 0x1f, 0x00, 0x37, 0x00, 0x40, 0x00, 0x06, 0x0e,
    ]);
    let RopRequest::SetColumns(r) = &req else {
        panic!("not RopSetColumns: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 1);
    assert_eq!(r.flags, AsyncFlags::default());
    assert_eq!(r.property_tags, MS_OXCTABL_4_COLUMNS.to_vec());
}

/// The columns of MS-OXCTABL 4.2.1: PidTagFolderId, PidTagMid, PidTagInstID,
/// PidTagInstanceNum, PidTagSubject, PidTagMessageDeliveryTime.
const MS_OXCTABL_4_COLUMNS: [PropertyTag; 6] = [
    PropertyTag(0x6748_0014),
    PropertyTag(0x674A_0014),
    PropertyTag(0x674D_0014),
    PropertyTag(0x674E_0003),
    PropertyTag(0x0037_001F),
    PropertyTag(0x0E06_0040),
];

// MS-OXCTABL 4.1.1 Client Request Buffer (RopGetContentsTable): InputHandleIndex 0,
// OutputHandleIndex 1, TableFlags 0x00 (standard).
// https://msdn.microsoft.com/en-us/library/ee218288(v=exchg.80).aspx
#[test]
fn ms_oxctabl_4_1_1_get_contents_table_request() {
    let req = request(&[0x05, 0x00, 0x00, 0x01, 0x00]);
    let RopRequest::GetContentsTable(r) = &req else {
        panic!("not RopGetContentsTable: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 0);
    assert_eq!(r.output_handle_index, 1);
    assert_eq!(r.table_flags, TableFlags(0));
}

// MS-OXCTABL 4.3.1 Client Request Buffer (RopSortTable): synchronous, two sort orders, one
// category, expanded: PidTagAddressBookIsMemberOfDistributionList (0x8008301F) ascending,
// PidTagMessageDeliveryTime descending.
// https://msdn.microsoft.com/en-us/library/ee200481(v=exchg.80).aspx
#[test]
fn ms_oxctabl_4_3_1_sort_table_request() {
    let req = request(&[
        0x13, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x00, 0x01, 0x00, 0x1f, 0x30, 0x08, 0x80, 0x00,
        0x40, 0x00, 0x06, 0x0e, 0x01,
    ]);
    let RopRequest::SortTable(r) = &req else {
        panic!("not RopSortTable: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 0);
    assert_eq!(r.flags, AsyncFlags::default());
    let set = &r.sort_order_set;
    assert_eq!(set.categorized_count, 1);
    assert_eq!(set.expanded_count, 1);
    assert_eq!(set.sort_orders.len(), 2);
    assert_eq!(set.sort_orders[0].tag, PropertyTag(0x8008_301F));
    assert_eq!(set.sort_orders[0].order, SortDirection::ASCEND);
    assert_eq!(set.sort_orders[1].tag, PropertyTag(0x0E06_0040));
    assert_eq!(set.sort_orders[1].order, SortDirection::DESCEND);
}

// MS-OXCFOLD 4.7.2 Server Responds to Client Request (RopGetHierarchyTable): OutputHandleIndex
// 2, 21 rows. The request of 4.7.1 was not found in the stored pages; the one used here has
// the OutputHandleIndex the response names.
// https://msdn.microsoft.com/en-us/library/ee217469(v=exchg.80).aspx
#[test]
fn ms_oxcfold_4_7_2_get_hierarchy_table_response() {
    let req = RopRequest::GetHierarchyTable(GetHierarchyTableRequest {
        logon_id: 0,
        input_handle_index: 1,
        output_handle_index: 2,
        table_flags: TableFlags(0),
    });
    let resp = response(
        &req,
        None,
        &[0x04, 0x02, 0x00, 0x00, 0x00, 0x00, 0x15, 0x00, 0x00, 0x00],
    );
    assert_eq!(
        resp,
        RopResponse::GetHierarchyTable(GetTableResponse::Success {
            output_handle_index: 2,
            row_count: 21,
        })
    );
}

// MS-OXCFOLD 4.4.1 Client Request Buffer (RopMoveCopyMessages): one MID, 0001-00000E8EEC5D,
// moved synchronously from the folder at index 0 to the folder at index 1.
// https://msdn.microsoft.com/en-us/library/ee201402(v=exchg.80).aspx
#[test]
fn ms_oxcfold_4_4_1_move_copy_messages_request() {
    let req = request(&[
        0x33, 0x00, 0x00, 0x01, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xEC, 0x5D, 0x00,
        0x00,
    ]);
    let RopRequest::MoveCopyMessages(r) = &req else {
        panic!("not RopMoveCopyMessages: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.source_handle_index, 0);
    assert_eq!(r.dest_handle_index, 1);
    assert_eq!(r.message_ids.len(), 1);
    assert_id(
        1,
        [0x00, 0x00, 0x0E, 0x8E, 0xEC, 0x5D],
        r.message_ids[0].replica_id(),
        r.message_ids[0].global_counter().0,
    );
    assert!(!r.want_asynchronous);
    assert!(!r.want_copy);
}

// MS-OXCFOLD 4.5.2 Server Responds to Client Request (RopMoveFolder): SourceHandleIndex 0x01,
// success, PartialCompletion FALSE. Decoded against the request of 4.5.1.
// https://docs.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcfold/a30ae514-7aa0-4311-9769-38a8848e3705
#[test]
fn ms_oxcfold_4_5_2_move_folder_response() {
    let req = request(&[
        0x35, 0x00, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xDF, 0x36, 0x46,
        0x00, 0x6F, 0x00, 0x6C, 0x00, 0x64, 0x00, 0x65, 0x00, 0x72, 0x00, 0x31, 0x00, 0x00, 0x00,
    ]);
    let resp = response(&req, None, &[0x35, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]);
    let RopResponse::MoveFolder(MoveCopyResponse {
        header,
        dest_handle_index,
        partial_completion,
    }) = resp
    else {
        panic!("not a RopMoveFolder response: {resp:?}")
    };
    assert_eq!(header.handle_index, 1);
    assert!(header.is_success());
    assert_eq!(dest_handle_index, None);
    assert!(!partial_completion);
}

// MS-OXCFOLD 4.6.1 Client Request Buffer (RopCopyFolder): asynchronous, recursive, Unicode,
// FolderId 0001-00000E8EDF36, new name "Folder1".
// https://docs.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcfold/7bdb4004-e1d9-47f4-8d31-a788f459510a
// MS-OXCFOLD 4.6.2 Server Responds to Client Request: SourceHandleIndex 0x00, success,
// PartialCompletion FALSE.
// https://docs.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcfold/03907417-2291-4bb9-81e5-f740ab11953a
#[test]
fn ms_oxcfold_4_6_copy_folder() {
    let req = request(&[
        0x36, 0x00, 0x00, 0x01, 0x01, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xDF, 0x36,
        0x46, 0x00, 0x6F, 0x00, 0x6C, 0x00, 0x64, 0x00, 0x65, 0x00, 0x72, 0x00, 0x31, 0x00, 0x00,
        0x00,
    ]);
    let RopRequest::CopyFolder(r) = &req else {
        panic!("not RopCopyFolder: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.source_handle_index, 0);
    assert_eq!(r.dest_handle_index, 1);
    assert!(r.want_asynchronous);
    assert!(r.want_recursive);
    assert!(r.use_unicode);
    assert_id(
        1,
        [0x00, 0x00, 0x0E, 0x8E, 0xDF, 0x36],
        r.folder_id.replica_id(),
        r.folder_id.global_counter().0,
    );
    assert_eq!(r.new_folder_name, FolderName::Unicode("Folder1".into()));

    let resp = response(&req, None, &[0x36, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    let RopResponse::CopyFolder(MoveCopyResponse {
        header,
        dest_handle_index,
        partial_completion,
    }) = resp
    else {
        panic!("not a RopCopyFolder response: {resp:?}")
    };
    assert_eq!(header.handle_index, 0);
    assert!(header.is_success());
    assert_eq!(dest_handle_index, None);
    assert!(!partial_completion);
}

// ---------------------------------------------------------------------------------------------
// MS-OXOMSG 4
// ---------------------------------------------------------------------------------------------

// MS-OXOMSG 4.1.1 ROP Request Buffer (RopSubmitMessage): InputHandleIndex 0x02, SubmitFlags
// None.
// https://msdn.microsoft.com/en-us/library/ee219125(v=exchg.80).aspx
// MS-OXOMSG 4.1.2 ROP Response Buffer: InputHandleIndex 0x02, ecNone.
// https://msdn.microsoft.com/en-us/library/ee202730(v=exchg.80).aspx
#[test]
fn ms_oxomsg_4_1_submit_message() {
    let req = request(&[0x32, 0x00, 0x02, 0x00]);
    let RopRequest::SubmitMessage(r) = &req else {
        panic!("not RopSubmitMessage: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 2);
    assert_eq!(r.submit_flags, SubmitFlags::NONE);

    let resp = response(&req, None, &[0x32, 0x02, 0x00, 0x00, 0x00, 0x00]);
    assert_eq!(
        resp,
        RopResponse::SubmitMessage(ResponseHeader {
            handle_index: 2,
            return_value: ErrorCode(0),
        })
    );
}

// MS-OXOMSG 4.6.1.2 ROP Response Buffer (RopSetSpooler): InputHandleIndex 0x00, ecNone. The
// request (RopId, LogonId, InputHandleIndex only) is built with the index the response names.
// https://msdn.microsoft.com/en-us/library/ee202820(v=exchg.80).aspx
#[test]
fn ms_oxomsg_4_6_1_2_set_spooler_response() {
    let req = RopRequest::SetSpooler(SetSpoolerRequest {
        logon_id: 0,
        input_handle_index: 0,
    });
    let resp = response(&req, None, &[0x47, 0x00, 0x00, 0x00, 0x00, 0x00]);
    assert_eq!(
        resp,
        RopResponse::SetSpooler(ResponseHeader {
            handle_index: 0,
            return_value: ErrorCode(0),
        })
    );
}

// MS-OXOMSG 4.6.6.2 ROP Response Buffer (RopSpoolerLockMessage): InputHandleIndex 0x00,
// ecNone. The request of 4.6.6.1 was not found in the stored pages; the one used here has the
// InputHandleIndex the response names (the MID and LockState do not shape the response).
// http://msdn.microsoft.com/en-us/library/ee179253(v=exchg.80).aspx
#[test]
fn ms_oxomsg_4_6_6_2_spooler_lock_message_response() {
    let req = RopRequest::SpoolerLockMessage(SpoolerLockMessageRequest {
        logon_id: 0,
        input_handle_index: 0,
        message_id: MessageId::from_bytes(&[0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xEC, 0x5D])
            .expect("MID"),
        lock_state: LockState::LOCK,
    });
    let resp = response(&req, None, &[0x48, 0x00, 0x00, 0x00, 0x00, 0x00]);
    assert_eq!(
        resp,
        RopResponse::SpoolerLockMessage(ResponseHeader {
            handle_index: 0,
            return_value: ErrorCode(0),
        })
    );
}

// MS-OXOMSG 4.3.1 ROP Request Buffer (RopAbortSubmit): FolderId 0001-0003b479ca47, MessageId
// 0001-0003b7e65fa7. The page's hex dump has a stray "4" after "b7" at the end of line 0000;
// the 19 bytes here are the ones the field list spells out (RopId, LogonId, InputHandleIndex,
// FID, MID), which also matches the "0010: e6 5f a7" offset.
// https://msdn.microsoft.com/en-us/library/ee157827(v=exchg.80).aspx
// MS-OXOMSG 4.3.2 ROP Response Buffer: InputHandleIndex 0x00, ecNone.
// https://msdn.microsoft.com/en-us/library/ee179586(v=exchg.80).aspx
#[test]
fn ms_oxomsg_4_3_abort_submit() {
    let req = request(&[
        0x34, 0x00, 0x00, 0x01, 0x00, 0x00, 0x03, 0xb4, 0x79, 0xca, 0x47, 0x01, 0x00, 0x00, 0x03,
        0xb7, 0xe6, 0x5f, 0xa7,
    ]);
    let RopRequest::AbortSubmit(r) = &req else {
        panic!("not RopAbortSubmit: {req:?}")
    };
    assert_eq!(r.logon_id, 0);
    assert_eq!(r.input_handle_index, 0);
    assert_id(
        1,
        [0x00, 0x03, 0xb4, 0x79, 0xca, 0x47],
        r.folder_id.replica_id(),
        r.folder_id.global_counter().0,
    );
    assert_id(
        1,
        [0x00, 0x03, 0xb7, 0xe6, 0x5f, 0xa7],
        r.message_id.replica_id(),
        r.message_id.global_counter().0,
    );

    let resp = response(&req, None, &[0x34, 0x00, 0x00, 0x00, 0x00, 0x00]);
    assert_eq!(
        resp,
        RopResponse::AbortSubmit(ResponseHeader {
            handle_index: 0,
            return_value: ErrorCode(0),
        })
    );
}

// ---------------------------------------------------------------------------------------------
// MS-OXCROPS layouts with no section-4 example: buffers laid out field by field from the
// MS-OXCROPS 2.2.x.y diagrams (and the family spec's field tables), decoded through the typed
// API and re-encoded byte-identically. Each test names the sections it follows.
// ---------------------------------------------------------------------------------------------

use mapi_http::wire::entry_id::{FolderId, LongTermId};
use mapi_http::wire::property::PropertyRow;
use mapi_http::wire::restriction::Restriction;
use mapi_http::wire::rop::Rop;
use mapi_http::wire::rop::folder::SearchFlags;
use mapi_http::wire::rop::message::{
    GetValidAttachmentsResponse, ReadFlags, ReadRecipientsResponse, RecipientFlags,
    RecipientString, RecipientType, SetMessageReadFlagRequest, SetMessageReadFlagResponse,
};
use mapi_http::wire::rop::store::{
    GetPerUserLongTermIdsResponse, GetReceiveFolderTableRequest, GetReceiveFolderTableResponse,
    WritePerUserInformationRequest,
};
use mapi_http::wire::rop::stream::LockFlags;
use mapi_http::wire::rop::table::{
    BookmarkResponse, CollapseRowResponse, FindRowFlags, QueryPositionResponse,
};
use mapi_http::wire::rop::transport::GetTransportFolderResponse;

/// A fixed, recognisable 16-byte GUID as it lies on the wire, and its value.
const GUID_BYTES: [u8; 16] = [
    0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF,
];
fn guid_value() -> uuid::Uuid {
    uuid::Uuid::parse_str("00112233-4455-6677-8899-aabbccddeeff").unwrap()
}

// MS-OXCROPS 2.2.5.13.1 RopFindRow request: FindRowFlags (1), RestrictionDataSize (2),
// RestrictionData, Origin (1), BookmarkSize (2), Bookmark; MS-OXCTABL 2.2.2.14.1 (flags 0x00
// forwards, 0x01 backwards) and 2.2.2.1.2 (BOOKMARK_CUSTOM 0x03 uses BookmarkSize/Bookmark).
#[test]
fn ms_oxcrops_2_2_5_13_1_find_row_request_tail() {
    let bytes = [
        0x4F, 0x00, 0x01, // RopId, LogonId, InputHandleIndex
        0x01, // FindRowFlags: backwards
        0x05, 0x00, // RestrictionDataSize
        0x08, 0x1F, 0x00, 0x37, 0x00, // ExistRestriction(PidTagSubject)
        0x03, // Origin: BOOKMARK_CUSTOM
        0x04, 0x00, // BookmarkSize
        0xDE, 0xAD, 0xBE, 0xEF, // Bookmark
    ];
    let req = request(&bytes);
    let RopRequest::FindRow(r) = &req else {
        panic!("not RopFindRow: {req:?}")
    };
    assert_eq!(r.flags, FindRowFlags::BACKWARD);
    assert_eq!(
        r.restriction,
        Some(Restriction::Exist(PropertyTag(0x0037_001F)))
    );
    assert_eq!(r.origin, BookmarkOrigin::CUSTOM);
    assert_eq!(r.bookmark, [0xDE, 0xAD, 0xBE, 0xEF]);

    // A predefined origin still carries BookmarkSize (0) and no Bookmark.
    let req = request(&[0x4F, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    let RopRequest::FindRow(r) = &req else {
        panic!("not RopFindRow: {req:?}")
    };
    assert_eq!(
        (r.restriction.as_ref(), r.origin),
        (None, BookmarkOrigin::BEGINNING)
    );
    assert!(r.bookmark.is_empty());
}

// MS-OXCROPS 2.2.5.17.1 RopCollapseRow request (CategoryId, 8 bytes) and 2.2.5.17.2 success
// response (CollapsedRowCount, 4 bytes).
#[test]
fn ms_oxcrops_2_2_5_17_collapse_row() {
    let req = request(&[
        0x5A, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80,
    ]);
    let RopRequest::CollapseRow(r) = &req else {
        panic!("not RopCollapseRow: {req:?}")
    };
    assert_eq!(r.category_id, 0x8000_0000_0000_0001);
    let resp = response(
        &req,
        None,
        &[0x5A, 0x01, 0, 0, 0, 0, 0x03, 0x00, 0x00, 0x00],
    );
    assert_eq!(
        resp,
        RopResponse::CollapseRow(CollapseRowResponse::Success {
            handle_index: 1,
            collapsed_row_count: 3,
        })
    );
}

// MS-OXCROPS 2.2.5.7.2 RopQueryPosition success response: Numerator (4 bytes, the current
// row) then Denominator (4 bytes, the row count); MS-OXCTABL 2.2.2.8.
#[test]
fn ms_oxcrops_2_2_5_7_2_query_position_response() {
    let req = request(&[0x17, 0x00, 0x01]);
    let resp = response(
        &req,
        None,
        &[0x17, 0x01, 0, 0, 0, 0, 0x05, 0, 0, 0, 0x0A, 0, 0, 0],
    );
    assert_eq!(
        resp,
        RopResponse::QueryPosition(QueryPositionResponse::Success {
            handle_index: 1,
            numerator: 5,
            denominator: 10,
        })
    );
}

// MS-OXCROPS 2.2.5.19.1 RopSetCollapseState request (CollapseStateSize 2, CollapseState) and
// 2.2.5.19.2 success response (BookmarkSize 2, Bookmark); MS-OXCTABL 2.2.2.20.
#[test]
fn ms_oxcrops_2_2_5_19_set_collapse_state() {
    let req = request(&[0x6C, 0x00, 0x01, 0x03, 0x00, 0xAA, 0xBB, 0xCC]);
    let resp = response(
        &req,
        None,
        &[0x6C, 0x01, 0, 0, 0, 0, 0x02, 0x00, 0x11, 0x22],
    );
    assert_eq!(
        resp,
        RopResponse::SetCollapseState(BookmarkResponse::Success {
            handle_index: 1,
            bookmark: vec![0x11, 0x22],
        })
    );
}

// MS-OXCROPS 2.2.6.6.2 RopReadRecipients success response: RowCount (1 byte) then
// ReadRecipientRows (2.2.6.6.2.1: RowId 4, RecipientType 1, CodePageId 2, Reserved 2,
// RecipientRowSize 2, RecipientRow); the RecipientRow per MS-OXCDATA 2.8.3.2: RecipientFlags,
// the optional standard fields the flags select (here DisplayName, Unicode), then
// RecipientColumnCount and a PropertyRow over that many recipient columns.
#[test]
fn ms_oxcrops_2_2_6_6_2_read_recipients_response() {
    let req = request(&[0x0F, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    let columns = [PropertyTag(0x0C15_0003)]; // PidTagRecipientType
    let bytes = [
        0x0F, 0x01, 0, 0, 0, 0,    // RopId, InputHandleIndex, ReturnValue
        0x01, // RowCount
        0x07, 0x00, 0x00, 0x00, // RowId
        0x01, // RecipientType: To
        0xE4, 0x04, // CodePageId 1252
        0x00, 0x00, // Reserved
        0x0F, 0x00, // RecipientRowSize
        0x13, 0x02, // RecipientFlags: Type SMTP, D, U
        0x41, 0x00, 0x6C, 0x00, 0x00, 0x00, // DisplayName "Al"
        0x01, 0x00, // RecipientColumnCount
        0x00, 0x01, 0x00, 0x00, 0x00, // StandardPropertyRow: PidTagRecipientType 1
    ];
    let resp = response(&req, Some(&columns), &bytes);
    let RopResponse::ReadRecipients(ReadRecipientsResponse::Success {
        input_handle_index,
        recipient_rows,
    }) = resp
    else {
        panic!("not a RopReadRecipients success: {resp:?}")
    };
    assert_eq!(input_handle_index, 1);
    assert_eq!(recipient_rows.len(), 1);
    let r = &recipient_rows[0];
    assert_eq!(r.row_id, 7);
    assert_eq!(r.recipient_type, RecipientType::TO);
    assert_eq!((r.code_page_id, r.reserved), (1252, 0));
    assert_eq!(r.row.flags, RecipientFlags(0x0213));
    assert_eq!(
        r.row.display_name,
        Some(RecipientString::Unicode("Al".into()))
    );
    assert_eq!(r.row.email_address, None);
    assert_eq!(
        r.row.properties.get(0).and_then(PropertyValue::as_i64),
        Some(1)
    );
}

// MS-OXCROPS 2.2.6.11.1 RopSetMessageReadFlag request: ClientData (24 bytes) is present only
// when the logon was created with the Private flag unset (public folders), MS-OXCMSG
// 2.2.3.11.1 (a LongTermID in public folder mode, absent otherwise). The plain decoder assumes
// a private logon; the public form goes through `decode_request_with(true, ..)`.
#[test]
fn ms_oxcrops_2_2_6_11_1_set_message_read_flag_request_forms() {
    let private = request(&[0x11, 0x00, 0x01, 0x02, 0x01]);
    let RopRequest::SetMessageReadFlag(r) = &private else {
        panic!("not RopSetMessageReadFlag: {private:?}")
    };
    assert_eq!((r.response_handle_index, r.input_handle_index), (1, 2));
    assert_eq!(r.read_flags, ReadFlags(0x01));
    assert_eq!(r.client_data, None);

    let mut public = vec![0x11, 0x00, 0x01, 0x02, 0x01];
    let client_data: [u8; 24] = core::array::from_fn(|n| n as u8 + 1);
    public.extend_from_slice(&client_data);
    let (rest, r) = SetMessageReadFlagRequest::decode_request_with(true, &public[1..]).unwrap();
    assert!(rest.is_empty());
    assert_eq!(r.client_data, Some(client_data));
    let mut out = vec![0x11];
    r.encode_request(&mut out).unwrap();
    assert_eq!(out, public);
    // Read as a private logon, the 24 ClientData bytes are left over: the logon kind matters.
    let (rest, _) = RopRequest::decode(&public).unwrap();
    assert_eq!(rest.len(), 24);
}

// MS-OXCROPS 2.2.6.11.2 RopSetMessageReadFlag success response: ReadStatusChanged (1 byte);
// LogonId (1 byte) and ClientData (24 bytes) follow only when it is nonzero.
#[test]
fn ms_oxcrops_2_2_6_11_2_set_message_read_flag_response() {
    let req = request(&[0x11, 0x00, 0x01, 0x02, 0x00]);
    let resp = response(&req, None, &[0x11, 0x01, 0, 0, 0, 0, 0x00]);
    assert_eq!(
        resp,
        RopResponse::SetMessageReadFlag(SetMessageReadFlagResponse::Success {
            response_handle_index: 1,
            read_status_changed: None,
        })
    );
    let mut bytes = vec![0x11, 0x01, 0, 0, 0, 0, 0x01, 0x05];
    bytes.extend_from_slice(&[0xC1; 24]);
    let resp = response(&req, None, &bytes);
    let RopResponse::SetMessageReadFlag(SetMessageReadFlagResponse::Success {
        response_handle_index: 1,
        read_status_changed: Some(change),
    }) = resp
    else {
        panic!("ReadStatusChanged not decoded: {resp:?}")
    };
    assert_eq!((change.logon_id, change.client_data), (5, [0xC1; 24]));
    // Failure: ResponseHandleIndex and ReturnValue only (2.2.6.11.3).
    let resp = response(&req, None, &[0x11, 0x01, 0x05, 0x00, 0x07, 0x80]);
    assert!(matches!(
        resp,
        RopResponse::SetMessageReadFlag(SetMessageReadFlagResponse::Failure(_))
    ));
}

// MS-OXCROPS 2.2.6.18.1 RopGetValidAttachments request and 2.2.6.18.2 success response:
// AttachmentIdCount (2 bytes) then that many 4-byte attachment IDs.
#[test]
fn ms_oxcrops_2_2_6_18_get_valid_attachments() {
    let req = request(&[0x52, 0x00, 0x01]);
    let resp = response(
        &req,
        None,
        &[
            0x52, 0x01, 0, 0, 0, 0, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00,
        ],
    );
    assert_eq!(
        resp,
        RopResponse::GetValidAttachments(GetValidAttachmentsResponse::Success {
            input_handle_index: 1,
            attachment_ids: vec![0, 3],
        })
    );
}

// MS-OXCROPS 2.2.3.4.2 RopGetReceiveFolderTable success response: RowCount (4 bytes) and that
// many rows; MS-OXCSTOR 2.2.1.4.2: each row a StandardPropertyRow (Flag 0x00) or a
// FlaggedPropertyRow (Flag 0x01) over PidTagFolderId, PidTagMessageClass (PtypString8),
// PidTagLastModificationTime, in that order.
#[test]
fn ms_oxcrops_2_2_3_4_2_get_receive_folder_table_response() {
    assert_eq!(
        GetReceiveFolderTableRequest::COLUMNS,
        [
            PropertyTag(0x6748_0014),
            PropertyTag(0x001A_001E),
            PropertyTag(0x3008_0040)
        ]
    );
    let req = request(&[0x68, 0x00, 0x00]);
    let bytes = [
        0x68, 0x00, 0, 0, 0, 0, // header
        0x02, 0x00, 0x00, 0x00, // RowCount (4 bytes)
        0x00, // StandardPropertyRow
        0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, // FolderId
        0x00, // MessageClass "" (the default receive folder)
        0x00, 0x80, 0x3E, 0xD5, 0xDE, 0xB1, 0x9D, 0x01, // LastModificationTime
        0x01, // FlaggedPropertyRow
        0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x22, // flag 0, FolderId
        0x00, b'I', b'P', b'M', 0x00, // flag 0, MessageClass "IPM"
        0x0A, 0x0F, 0x01, 0x04, 0x80, // flag 0x0A (error), ecNotFound
    ];
    let resp = response(&req, None, &bytes);
    let RopResponse::GetReceiveFolderTable(GetReceiveFolderTableResponse::Success {
        input_handle_index: 0,
        rows,
    }) = resp
    else {
        panic!("not a RopGetReceiveFolderTable success: {resp:?}")
    };
    assert_eq!(rows.len(), 2);
    let first: &PropertyRow = &rows[0];
    assert_eq!(
        first.get(0).and_then(PropertyValue::as_i64),
        Some(0x1100_0000_0000_0001)
    );
    assert_eq!(
        rows[1].get(0).and_then(PropertyValue::as_i64),
        Some(0x2200_0000_0000_0001)
    );
}

// MS-OXCROPS 2.2.3.13.1 RopWritePerUserInformation request: FolderId (LongTermID, 24),
// HasFinished (1), DataOffset (4), DataSize (2), Data, then ReplGuid (16) only when DataOffset
// is 0 and the logon is a private mailbox logon (MS-OXCSTOR 2.2.1.13.1). `Rop::decode_request`
// assumes a private logon; `decode_with(false, ..)` reads the public-logon form.
#[test]
fn ms_oxcrops_2_2_3_13_1_write_per_user_information_forms() {
    let mut head = vec![0x64, 0x00, 0x00];
    head.extend_from_slice(&GUID_BYTES); // FolderId: DatabaseGuid
    head.extend_from_slice(&[0, 0, 0, 0, 0, 0x2A, 0x00, 0x00]); // GlobalCounter, Pad
    head.push(0x01); // HasFinished
    head.extend_from_slice(&[0, 0, 0, 0]); // DataOffset 0
    head.extend_from_slice(&[0x02, 0x00, 0xAA, 0xBB]); // DataSize, Data

    let mut private = head.clone();
    private.extend_from_slice(&GUID_BYTES); // ReplGuid
    let req = request(&private);
    let RopRequest::WritePerUserInformation(r) = &req else {
        panic!("not RopWritePerUserInformation: {req:?}")
    };
    assert_eq!(r.folder_id.database_guid, guid_value());
    assert!(r.has_finished);
    assert_eq!(r.data, [0xAA, 0xBB]);
    assert_eq!(r.repl_guid, Some(guid_value()));

    // Public logon: no ReplGuid even at DataOffset 0.
    let (rest, public) = WritePerUserInformationRequest::decode_with(false, &head[1..]).unwrap();
    assert!(rest.is_empty());
    assert_eq!(public.repl_guid, None);
    let mut out = vec![0x64];
    public.encode_request(&mut out).unwrap();
    assert_eq!(out, head);

    // A later chunk (DataOffset 2) on a private logon: no ReplGuid either.
    let mut later = head.clone();
    later[3 + 24 + 1] = 0x02;
    let req = request(&later);
    let RopRequest::WritePerUserInformation(r) = &req else {
        panic!("not RopWritePerUserInformation: {req:?}")
    };
    assert_eq!((r.data_offset, r.repl_guid), (2, None));
}

// MS-OXCROPS 2.2.3.10.1 RopGetPerUserLongTermIds request (DatabaseGuid, 16) and 2.2.3.10.2
// success response: LongTermIdCount (2 bytes) and that many 24-byte LongTermIDs.
#[test]
fn ms_oxcrops_2_2_3_10_get_per_user_long_term_ids() {
    let mut req_bytes = vec![0x60, 0x00, 0x00];
    req_bytes.extend_from_slice(&GUID_BYTES);
    let req = request(&req_bytes);
    let mut bytes = vec![0x60, 0x00, 0, 0, 0, 0, 0x01, 0x00];
    bytes.extend_from_slice(&GUID_BYTES);
    bytes.extend_from_slice(&[0, 0, 0, 0, 0, 0x07, 0x00, 0x00]);
    let resp = response(&req, None, &bytes);
    let RopResponse::GetPerUserLongTermIds(GetPerUserLongTermIdsResponse::Success {
        input_handle_index: 0,
        long_term_ids,
    }) = resp
    else {
        panic!("not a RopGetPerUserLongTermIds success: {resp:?}")
    };
    let expected: LongTermId = LongTermId::from_bytes(&bytes[8..]).unwrap();
    assert_eq!(long_term_ids, vec![expected]);
    assert_eq!(long_term_ids[0].database_guid, guid_value());
}

// MS-OXCROPS 2.2.9.10.1 RopLockRegionStream request: RegionOffset (8), RegionSize (8),
// LockFlags (4); MS-OXCPRPT 2.2.24.1: 0x00000001 lets others read and
// only the owner write, any other value is an exclusive lock and is kept as sent.
#[test]
fn ms_oxcrops_2_2_9_10_1_lock_region_stream_flags() {
    for (flags, exclusive) in [(1u32, false), (0, true), (2, true)] {
        let mut bytes = vec![0x5B, 0x00, 0x01];
        bytes.extend_from_slice(&0x10u64.to_le_bytes());
        bytes.extend_from_slice(&0x20u64.to_le_bytes());
        bytes.extend_from_slice(&flags.to_le_bytes());
        let req = request(&bytes);
        let RopRequest::LockRegions(r) = &req else {
            panic!("not RopLockRegionStream: {req:?}")
        };
        assert_eq!((r.region_offset, r.region_size), (0x10, 0x20));
        assert_eq!(r.lock_flags, LockFlags(flags));
        assert_eq!(r.lock_flags.is_exclusive(), exclusive);
    }
    assert_eq!(LockFlags::WRITE_ONLY_BY_OWNER, LockFlags(1));
}

// MS-OXCROPS 2.2.7.1.1 RopSubmitMessage request: SubmitFlags (1 byte) with the MS-OXOMSG
// values None 0x00, PreProcess 0x01, NeedsSpooler 0x02; other bits survive.
#[test]
fn ms_oxcrops_2_2_7_1_1_submit_message_flags() {
    for (byte, flags) in [
        (0x00, SubmitFlags::NONE),
        (0x01, SubmitFlags::PRE_PROCESS),
        (0x02, SubmitFlags::NEEDS_SPOOLER),
        (0x83, SubmitFlags(0x83)),
    ] {
        let req = request(&[0x32, 0x00, 0x02, byte]);
        let RopRequest::SubmitMessage(r) = &req else {
            panic!("not RopSubmitMessage: {req:?}")
        };
        assert_eq!(r.submit_flags, flags);
    }
    // LockState of RopSpoolerLockMessage (MS-OXOMSG): lstLock 0, lstUnlock 1, lstFinished 2.
    assert_eq!(
        [
            LockState::LOCK.0,
            LockState::UNLOCK.0,
            LockState::FINISHED.0
        ],
        [0, 1, 2]
    );
}

// MS-OXCROPS 2.2.7.8.1 RopGetTransportFolder request (no fields) and 2.2.7.8.2 success
// response: FolderId (8 bytes); MS-OXOMSG 2.2.5.2.
#[test]
fn ms_oxcrops_2_2_7_8_get_transport_folder() {
    let req = request(&[0x6D, 0x00, 0x00]);
    let resp = response(
        &req,
        None,
        &[
            0x6D, 0x00, 0, 0, 0, 0, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0C,
        ],
    );
    assert_eq!(
        resp,
        RopResponse::GetTransportFolder(GetTransportFolderResponse::Success {
            input_handle_index: 0,
            folder_id: FolderId(0x0C00_0000_0000_0001),
        })
    );
}

// MS-OXCROPS 2.2.4.4.1 RopSetSearchCriteria request: RestrictionDataSize (2), RestrictionData,
// FolderIdCount (2), FolderIds, SearchFlags (4); MS-OXCFOLD 2.2.1.4.1 names seven flags:
// STOP_SEARCH 0x1, RESTART_SEARCH 0x2, RECURSIVE_SEARCH 0x4, SHALLOW_SEARCH 0x8,
// CONTENT_INDEXED_SEARCH 0x10000, NON_CONTENT_INDEXED_SEARCH 0x20000, STATIC_SEARCH 0x40000.
#[test]
fn ms_oxcrops_2_2_4_4_1_set_search_criteria_flags() {
    assert_eq!(
        [
            SearchFlags::STOP_SEARCH.0,
            SearchFlags::RESTART_SEARCH.0,
            SearchFlags::RECURSIVE_SEARCH.0,
            SearchFlags::SHALLOW_SEARCH.0,
            SearchFlags::CONTENT_INDEXED_SEARCH.0,
            SearchFlags::NON_CONTENT_INDEXED_SEARCH.0,
            SearchFlags::STATIC_SEARCH.0,
        ],
        [0x1, 0x2, 0x4, 0x8, 0x1_0000, 0x2_0000, 0x4_0000]
    );
    let bytes = [
        0x30, 0x00, 0x01, // RopId, LogonId, InputHandleIndex
        0x00, 0x00, // RestrictionDataSize 0
        0x01, 0x00, // FolderIdCount
        0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, // FolderId
        0x06, 0x00, 0x05, 0x00, // RESTART | RECURSIVE | CONTENT_INDEXED | STATIC
    ];
    let req = request(&bytes);
    let RopRequest::SetSearchCriteria(r) = &req else {
        panic!("not RopSetSearchCriteria: {req:?}")
    };
    assert_eq!(r.folder_ids, vec![FolderId(0x0500_0000_0000_0001)]);
    for f in [
        SearchFlags::RESTART_SEARCH,
        SearchFlags::RECURSIVE_SEARCH,
        SearchFlags::CONTENT_INDEXED_SEARCH,
        SearchFlags::STATIC_SEARCH,
    ] {
        assert_eq!(r.search_flags.0 & f.0, f.0);
    }
    assert_eq!(r.search_flags, SearchFlags(0x0005_0006));
}

// MS-OXCFOLD 2.2.1.13.1 (RopGetHierarchyTable: Depth 0x04, DeferredErrors 0x08,
// NoNotifications 0x10, SoftDeletes 0x20, UseUnicode 0x40, SuppressesNotifications 0x80) and
// 2.2.1.14.1 (RopGetContentsTable: Associated 0x02, DeferredErrors 0x08, NoNotifications 0x10,
// SoftDeletes 0x20, UseUnicode 0x40, ConversationMembers 0x80): every named bit, and the two
// meanings of 0x80, through MS-OXCROPS 2.2.4.13.1 / 2.2.4.14.1.
#[test]
fn ms_oxcfold_2_2_1_13_1_and_14_1_table_flags() {
    assert_eq!(
        [
            TableFlags::ASSOCIATED.0,
            TableFlags::DEPTH.0,
            TableFlags::DEFERRED_ERRORS.0,
            TableFlags::NO_NOTIFICATIONS.0,
            TableFlags::SOFT_DELETES.0,
            TableFlags::USE_UNICODE.0,
            TableFlags::SUPPRESSES_NOTIFICATIONS.0,
            TableFlags::CONVERSATION_MEMBERS.0,
        ],
        [0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x80]
    );
    let req = request(&[0x04, 0x00, 0x00, 0x01, 0xC4]);
    let RopRequest::GetHierarchyTable(r) = &req else {
        panic!("not RopGetHierarchyTable: {req:?}")
    };
    assert!(r.table_flags.contains(TableFlags::DEPTH));
    assert!(r.table_flags.contains(TableFlags::USE_UNICODE));
    assert!(r.table_flags.contains(TableFlags::SUPPRESSES_NOTIFICATIONS));
    let req = request(&[0x05, 0x00, 0x00, 0x01, 0xC2]);
    let RopRequest::GetContentsTable(r) = &req else {
        panic!("not RopGetContentsTable: {req:?}")
    };
    assert!(r.table_flags.contains(TableFlags::ASSOCIATED));
    assert!(r.table_flags.contains(TableFlags::USE_UNICODE));
    assert!(r.table_flags.contains(TableFlags::CONVERSATION_MEMBERS));
}

// A public-folder RopLogon earlier in the buffer makes its LogonId public for the rest of
// the walk: RopSetMessageReadFlag on it then carries ClientData (MS-OXCROPS 2.2.6.11.1),
// and the same bytes on a private logon would leave 24 bytes unexplained.
#[test]
fn logon_kind_from_the_buffer_selects_public_request_layouts() {
    use mapi_http::wire::rop::any::{LogonKinds, decode_requests, decode_requests_in};
    // RopLogon: LogonId 3, OutputHandleIndex 0, LogonFlags 0 (public), OpenFlags PUBLIC |
    // USE_PER_MDB_REPLID_MAPPING, StoreState 0, EssdnSize 0.
    let mut rops = vec![
        0xFE, 0x03, 0x00, 0x00, 0x02, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0x00, 0x00,
    ];
    rops.extend_from_slice(&[0x11, 0x03, 0x01, 0x02, 0x01]);
    let client_data: [u8; 24] = core::array::from_fn(|n| 0xA0 + n as u8);
    rops.extend_from_slice(&client_data);
    let mut logons = LogonKinds::new();
    let requests = decode_requests_in(&rops, &mut logons).unwrap();
    assert_eq!(requests.len(), 2);
    let RopRequest::SetMessageReadFlag(r) = &requests[1] else {
        panic!("{:?}", requests[1])
    };
    assert_eq!(r.client_data, Some(client_data));
    assert!(logons.is_public(3));
    assert!(!logons.is_public(0));
    assert!(
        decode_requests(&rops).is_err(),
        "read as private the buffer does not parse"
    );
    assert_eq!(
        mapi_http::wire::rop::any::encode_requests(&requests).unwrap(),
        rops
    );
}
