//! Property tags by canonical name (MS-OXPROPS), for naming columns and values in logs, JSON
//! and the CLI, and for building requests without magic numbers.
//!
//! Each constant is the tag with the type MS-OXPROPS gives the property (strings as PtypString;
//! servers may answer with PtypString8 or, for a value they cannot return, PtypErrorCode, and
//! [`name_of`] still names those). Properties of the client-side status table and profile
//! (PidTagResourceFlags, PidTagStatusCode, PidTagIdentityEntryId ...) are not in MS-OXPROPS;
//! their canonical names come from the Outlook MAPI reference ("Status Table" columns).
//!
//! [`TAGS`] is sorted by tag value, so a lookup by tag or by property id is a binary search.

use super::tag::PropertyTag;

/// `PidTagAlternateRecipientAllowed`: property id 0x0002, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ALTERNATE_RECIPIENT_ALLOWED: PropertyTag = PropertyTag::new(0x0002000B);
/// `PidTagImportance`: property id 0x0017, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IMPORTANCE: PropertyTag = PropertyTag::new(0x00170003);
/// `PidTagMessageClass`: property id 0x001A, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_CLASS: PropertyTag = PropertyTag::new(0x001A001F);
/// `PidTagOriginatorDeliveryReportRequested`: property id 0x0023, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ORIGINATOR_DELIVERY_REPORT_REQUESTED: PropertyTag = PropertyTag::new(0x0023000B);
/// `PidTagPriority`: property id 0x0026, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PRIORITY: PropertyTag = PropertyTag::new(0x00260003);
/// `PidTagReadReceiptRequested`: property id 0x0029, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_READ_RECEIPT_REQUESTED: PropertyTag = PropertyTag::new(0x0029000B);
/// `PidTagOriginalSensitivity`: property id 0x002E, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ORIGINAL_SENSITIVITY: PropertyTag = PropertyTag::new(0x002E0003);
/// `PidTagSensitivity`: property id 0x0036, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENSITIVITY: PropertyTag = PropertyTag::new(0x00360003);
/// `PidTagSubject`: property id 0x0037, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SUBJECT: PropertyTag = PropertyTag::new(0x0037001F);
/// `PidTagClientSubmitTime`: property id 0x0039, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CLIENT_SUBMIT_TIME: PropertyTag = PropertyTag::new(0x00390040);
/// `PidTagSentRepresentingSearchKey`: property id 0x003B, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_REPRESENTING_SEARCH_KEY: PropertyTag = PropertyTag::new(0x003B0102);
/// `PidTagSubjectPrefix`: property id 0x003D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SUBJECT_PREFIX: PropertyTag = PropertyTag::new(0x003D001F);
/// `PidTagReceivedByEntryId`: property id 0x003F, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_BY_ENTRY_ID: PropertyTag = PropertyTag::new(0x003F0102);
/// `PidTagReceivedByName`: property id 0x0040, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_BY_NAME: PropertyTag = PropertyTag::new(0x0040001F);
/// `PidTagSentRepresentingEntryId`: property id 0x0041, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_REPRESENTING_ENTRY_ID: PropertyTag = PropertyTag::new(0x00410102);
/// `PidTagSentRepresentingName`: property id 0x0042, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_REPRESENTING_NAME: PropertyTag = PropertyTag::new(0x0042001F);
/// `PidTagReceivedRepresentingEntryId`: property id 0x0043, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_REPRESENTING_ENTRY_ID: PropertyTag = PropertyTag::new(0x00430102);
/// `PidTagReceivedRepresentingName`: property id 0x0044, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_REPRESENTING_NAME: PropertyTag = PropertyTag::new(0x0044001F);
/// `PidTagMessageSubmissionId`: property id 0x0047, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_SUBMISSION_ID: PropertyTag = PropertyTag::new(0x00470102);
/// `PidTagOriginalSubject`: property id 0x0049, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ORIGINAL_SUBJECT: PropertyTag = PropertyTag::new(0x0049001F);
/// `PidTagReplyRecipientEntries`: property id 0x004F, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_REPLY_RECIPIENT_ENTRIES: PropertyTag = PropertyTag::new(0x004F0102);
/// `PidTagReplyRecipientNames`: property id 0x0050, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_REPLY_RECIPIENT_NAMES: PropertyTag = PropertyTag::new(0x0050001F);
/// `PidTagReceivedBySearchKey`: property id 0x0051, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_BY_SEARCH_KEY: PropertyTag = PropertyTag::new(0x00510102);
/// `PidTagReceivedRepresentingSearchKey`: property id 0x0052, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_REPRESENTING_SEARCH_KEY: PropertyTag = PropertyTag::new(0x00520102);
/// `PidTagMessageToMe`: property id 0x0057, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_TO_ME: PropertyTag = PropertyTag::new(0x0057000B);
/// `PidTagMessageCcMe`: property id 0x0058, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_CC_ME: PropertyTag = PropertyTag::new(0x0058000B);
/// `PidTagMessageRecipientMe`: property id 0x0059, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_RECIPIENT_ME: PropertyTag = PropertyTag::new(0x0059000B);
/// `PidTagSentRepresentingAddressType`: property id 0x0064, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_REPRESENTING_ADDRESS_TYPE: PropertyTag = PropertyTag::new(0x0064001F);
/// `PidTagSentRepresentingEmailAddress`: property id 0x0065, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_REPRESENTING_EMAIL_ADDRESS: PropertyTag = PropertyTag::new(0x0065001F);
/// `PidTagConversationTopic`: property id 0x0070, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONVERSATION_TOPIC: PropertyTag = PropertyTag::new(0x0070001F);
/// `PidTagConversationIndex`: property id 0x0071, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONVERSATION_INDEX: PropertyTag = PropertyTag::new(0x00710102);
/// `PidTagReceivedByAddressType`: property id 0x0075, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_BY_ADDRESS_TYPE: PropertyTag = PropertyTag::new(0x0075001F);
/// `PidTagReceivedByEmailAddress`: property id 0x0076, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_BY_EMAIL_ADDRESS: PropertyTag = PropertyTag::new(0x0076001F);
/// `PidTagReceivedRepresentingAddressType`: property id 0x0077, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_REPRESENTING_ADDRESS_TYPE: PropertyTag = PropertyTag::new(0x0077001F);
/// `PidTagReceivedRepresentingEmailAddress`: property id 0x0078, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_REPRESENTING_EMAIL_ADDRESS: PropertyTag = PropertyTag::new(0x0078001F);
/// `PidTagTransportMessageHeaders`: property id 0x007D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_TRANSPORT_MESSAGE_HEADERS: PropertyTag = PropertyTag::new(0x007D001F);
/// `PidTagAddressBookRoomCapacity`: property id 0x0807, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_ROOM_CAPACITY: PropertyTag = PropertyTag::new(0x08070003);
/// `PidTagAddressBookRoomDescription`: property id 0x0809, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_ROOM_DESCRIPTION: PropertyTag = PropertyTag::new(0x0809001F);
/// `PidTagRecipientType`: property id 0x0C15, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_TYPE: PropertyTag = PropertyTag::new(0x0C150003);
/// `PidTagReplyRequested`: property id 0x0C17, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_REPLY_REQUESTED: PropertyTag = PropertyTag::new(0x0C17000B);
/// `PidTagSenderEntryId`: property id 0x0C19, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENDER_ENTRY_ID: PropertyTag = PropertyTag::new(0x0C190102);
/// `PidTagSenderName`: property id 0x0C1A, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENDER_NAME: PropertyTag = PropertyTag::new(0x0C1A001F);
/// `PidTagSenderSearchKey`: property id 0x0C1D, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENDER_SEARCH_KEY: PropertyTag = PropertyTag::new(0x0C1D0102);
/// `PidTagSenderAddressType`: property id 0x0C1E, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENDER_ADDRESS_TYPE: PropertyTag = PropertyTag::new(0x0C1E001F);
/// `PidTagSenderEmailAddress`: property id 0x0C1F, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENDER_EMAIL_ADDRESS: PropertyTag = PropertyTag::new(0x0C1F001F);
/// `PidTagDeleteAfterSubmit`: property id 0x0E01, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DELETE_AFTER_SUBMIT: PropertyTag = PropertyTag::new(0x0E01000B);
/// `PidTagDisplayBcc`: property id 0x0E02, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DISPLAY_BCC: PropertyTag = PropertyTag::new(0x0E02001F);
/// `PidTagDisplayCc`: property id 0x0E03, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DISPLAY_CC: PropertyTag = PropertyTag::new(0x0E03001F);
/// `PidTagDisplayTo`: property id 0x0E04, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DISPLAY_TO: PropertyTag = PropertyTag::new(0x0E04001F);
/// `PidTagParentDisplay`: property id 0x0E05, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PARENT_DISPLAY: PropertyTag = PropertyTag::new(0x0E05001F);
/// `PidTagMessageDeliveryTime`: property id 0x0E06, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_DELIVERY_TIME: PropertyTag = PropertyTag::new(0x0E060040);
/// `PidTagMessageFlags`: property id 0x0E07, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_FLAGS: PropertyTag = PropertyTag::new(0x0E070003);
/// `PidTagMessageSize`: property id 0x0E08, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_SIZE: PropertyTag = PropertyTag::new(0x0E080003);
/// `PidTagMessageSizeExtended`: property id 0x0E08, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_SIZE_EXTENDED: PropertyTag = PropertyTag::new(0x0E080014);
/// `PidTagParentEntryId`: property id 0x0E09, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PARENT_ENTRY_ID: PropertyTag = PropertyTag::new(0x0E090102);
/// `PidTagSentMailEntryId`: property id 0x0E0A, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_MAIL_ENTRY_ID: PropertyTag = PropertyTag::new(0x0E0A0102);
/// `PidTagResponsibility`: property id 0x0E0F, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RESPONSIBILITY: PropertyTag = PropertyTag::new(0x0E0F000B);
/// `PidTagMessageRecipients`: property id 0x0E12, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_RECIPIENTS: PropertyTag = PropertyTag::new(0x0E12000D);
/// `PidTagMessageAttachments`: property id 0x0E13, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_ATTACHMENTS: PropertyTag = PropertyTag::new(0x0E13000D);
/// `PidTagSubmitFlags`: property id 0x0E14, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SUBMIT_FLAGS: PropertyTag = PropertyTag::new(0x0E140003);
/// `PidTagRecipientStatus`: property id 0x0E15, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_STATUS: PropertyTag = PropertyTag::new(0x0E150003);
/// `PidTagMessageStatus`: property id 0x0E17, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_STATUS: PropertyTag = PropertyTag::new(0x0E170003);
/// `PidTagHasAttachments`: property id 0x0E1B, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HAS_ATTACHMENTS: PropertyTag = PropertyTag::new(0x0E1B000B);
/// `PidTagNormalizedSubject`: property id 0x0E1D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_NORMALIZED_SUBJECT: PropertyTag = PropertyTag::new(0x0E1D001F);
/// `PidTagRtfInSync`: property id 0x0E1F, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RTF_IN_SYNC: PropertyTag = PropertyTag::new(0x0E1F000B);
/// `PidTagAttachSize`: property id 0x0E20, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_SIZE: PropertyTag = PropertyTag::new(0x0E200003);
/// `PidTagAttachNumber`: property id 0x0E21, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_NUMBER: PropertyTag = PropertyTag::new(0x0E210003);
/// `PidTagInternetArticleNumber`: property id 0x0E23, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INTERNET_ARTICLE_NUMBER: PropertyTag = PropertyTag::new(0x0E230003);
/// `PidTagPrimarySendAccount`: property id 0x0E28, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PRIMARY_SEND_ACCOUNT: PropertyTag = PropertyTag::new(0x0E28001F);
/// `PidTagToDoItemFlags`: property id 0x0E2B, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_TO_DO_ITEM_FLAGS: PropertyTag = PropertyTag::new(0x0E2B0003);
/// `PidTagRead`: property id 0x0E69, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_READ: PropertyTag = PropertyTag::new(0x0E69000B);
/// `PidTagTrustSender`: property id 0x0E79, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_TRUST_SENDER: PropertyTag = PropertyTag::new(0x0E790003);
/// `PidTagAccess`: property id 0x0FF4, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ACCESS: PropertyTag = PropertyTag::new(0x0FF40003);
/// `PidTagRowType`: property id 0x0FF5, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ROW_TYPE: PropertyTag = PropertyTag::new(0x0FF50003);
/// `PidTagInstanceKey`: property id 0x0FF6, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INSTANCE_KEY: PropertyTag = PropertyTag::new(0x0FF60102);
/// `PidTagAccessLevel`: property id 0x0FF7, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ACCESS_LEVEL: PropertyTag = PropertyTag::new(0x0FF70003);
/// `PidTagMappingSignature`: property id 0x0FF8, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MAPPING_SIGNATURE: PropertyTag = PropertyTag::new(0x0FF80102);
/// `PidTagRecordKey`: property id 0x0FF9, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECORD_KEY: PropertyTag = PropertyTag::new(0x0FF90102);
/// `PidTagStoreRecordKey`: property id 0x0FFA, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_STORE_RECORD_KEY: PropertyTag = PropertyTag::new(0x0FFA0102);
/// `PidTagStoreEntryId`: property id 0x0FFB, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_STORE_ENTRY_ID: PropertyTag = PropertyTag::new(0x0FFB0102);
/// `PidTagObjectType`: property id 0x0FFE, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_OBJECT_TYPE: PropertyTag = PropertyTag::new(0x0FFE0003);
/// `PidTagEntryId`: property id 0x0FFF, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ENTRY_ID: PropertyTag = PropertyTag::new(0x0FFF0102);
/// `PidTagBody`: property id 0x1000, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BODY: PropertyTag = PropertyTag::new(0x1000001F);
/// `PidTagReportText`: property id 0x1001, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_REPORT_TEXT: PropertyTag = PropertyTag::new(0x1001001F);
/// `PidTagRtfCompressed`: property id 0x1009, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RTF_COMPRESSED: PropertyTag = PropertyTag::new(0x10090102);
/// `PidTagBodyHtml`: property id 0x1013, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BODY_HTML: PropertyTag = PropertyTag::new(0x1013001F);
/// `PidTagHtml`: property id 0x1013, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HTML: PropertyTag = PropertyTag::new(0x10130102);
/// `PidTagBodyContentLocation`: property id 0x1014, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BODY_CONTENT_LOCATION: PropertyTag = PropertyTag::new(0x1014001F);
/// `PidTagBodyContentId`: property id 0x1015, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BODY_CONTENT_ID: PropertyTag = PropertyTag::new(0x1015001F);
/// `PidTagNativeBody`: property id 0x1016, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_NATIVE_BODY: PropertyTag = PropertyTag::new(0x10160003);
/// `PidTagInternetMessageId`: property id 0x1035, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INTERNET_MESSAGE_ID: PropertyTag = PropertyTag::new(0x1035001F);
/// `PidTagInternetReferences`: property id 0x1039, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INTERNET_REFERENCES: PropertyTag = PropertyTag::new(0x1039001F);
/// `PidTagInReplyToId`: property id 0x1042, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IN_REPLY_TO_ID: PropertyTag = PropertyTag::new(0x1042001F);
/// `PidTagInternetReturnPath`: property id 0x1046, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INTERNET_RETURN_PATH: PropertyTag = PropertyTag::new(0x1046001F);
/// `PidTagIconIndex`: property id 0x1080, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ICON_INDEX: PropertyTag = PropertyTag::new(0x10800003);
/// `PidTagLastVerbExecuted`: property id 0x1081, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LAST_VERB_EXECUTED: PropertyTag = PropertyTag::new(0x10810003);
/// `PidTagLastVerbExecutionTime`: property id 0x1082, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LAST_VERB_EXECUTION_TIME: PropertyTag = PropertyTag::new(0x10820040);
/// `PidTagFlagStatus`: property id 0x1090, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FLAG_STATUS: PropertyTag = PropertyTag::new(0x10900003);
/// `PidTagFlagCompleteTime`: property id 0x1091, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FLAG_COMPLETE_TIME: PropertyTag = PropertyTag::new(0x10910040);
/// `PidTagFollowupIcon`: property id 0x1095, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FOLLOWUP_ICON: PropertyTag = PropertyTag::new(0x10950003);
/// `PidTagBlockStatus`: property id 0x1096, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BLOCK_STATUS: PropertyTag = PropertyTag::new(0x10960003);
/// `PidTagAttributeHidden`: property id 0x10F4, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTRIBUTE_HIDDEN: PropertyTag = PropertyTag::new(0x10F4000B);
/// `PidTagAttributeReadOnly`: property id 0x10F6, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTRIBUTE_READ_ONLY: PropertyTag = PropertyTag::new(0x10F6000B);
/// `PidTagRowid`: property id 0x3000, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ROWID: PropertyTag = PropertyTag::new(0x30000003);
/// `PidTagDisplayName`: property id 0x3001, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DISPLAY_NAME: PropertyTag = PropertyTag::new(0x3001001F);
/// `PidTagAddressType`: property id 0x3002, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_TYPE: PropertyTag = PropertyTag::new(0x3002001F);
/// `PidTagEmailAddress`: property id 0x3003, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_EMAIL_ADDRESS: PropertyTag = PropertyTag::new(0x3003001F);
/// `PidTagComment`: property id 0x3004, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_COMMENT: PropertyTag = PropertyTag::new(0x3004001F);
/// `PidTagDepth`: property id 0x3005, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DEPTH: PropertyTag = PropertyTag::new(0x30050003);
/// `PidTagProviderDisplay`: property id 0x3006, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_PROVIDER_DISPLAY: PropertyTag = PropertyTag::new(0x3006001F);
/// `PidTagCreationTime`: property id 0x3007, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CREATION_TIME: PropertyTag = PropertyTag::new(0x30070040);
/// `PidTagLastModificationTime`: property id 0x3008, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LAST_MODIFICATION_TIME: PropertyTag = PropertyTag::new(0x30080040);
/// `PidTagResourceFlags`: property id 0x3009, PtypInteger32; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_RESOURCE_FLAGS: PropertyTag = PropertyTag::new(0x30090003);
/// `PidTagProviderDllName`: property id 0x300A, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_PROVIDER_DLL_NAME: PropertyTag = PropertyTag::new(0x300A001F);
/// `PidTagSearchKey`: property id 0x300B, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SEARCH_KEY: PropertyTag = PropertyTag::new(0x300B0102);
/// `PidTagProviderUid`: property id 0x300C, PtypBinary; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_PROVIDER_UID: PropertyTag = PropertyTag::new(0x300C0102);
/// `PidTagProviderOrdinal`: property id 0x300D, PtypInteger32; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_PROVIDER_ORDINAL: PropertyTag = PropertyTag::new(0x300D0003);
/// `PidTagTargetEntryId`: property id 0x3010, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_TARGET_ENTRY_ID: PropertyTag = PropertyTag::new(0x30100102);
/// `PidTagConversationId`: property id 0x3013, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONVERSATION_ID: PropertyTag = PropertyTag::new(0x30130102);
/// `PidTagConversationIndexTracking`: property id 0x3016, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONVERSATION_INDEX_TRACKING: PropertyTag = PropertyTag::new(0x3016000B);
/// `PidTagPolicyTag`: property id 0x3019, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_POLICY_TAG: PropertyTag = PropertyTag::new(0x30190102);
/// `PidTagRetentionPeriod`: property id 0x301A, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RETENTION_PERIOD: PropertyTag = PropertyTag::new(0x301A0003);
/// `PidTagDefaultStore`: property id 0x3400, PtypBoolean; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_DEFAULT_STORE: PropertyTag = PropertyTag::new(0x3400000B);
/// `PidTagStoreSupportMask`: property id 0x340D, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_STORE_SUPPORT_MASK: PropertyTag = PropertyTag::new(0x340D0003);
/// `PidTagStoreState`: property id 0x340E, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_STORE_STATE: PropertyTag = PropertyTag::new(0x340E0003);
/// `PidTagStoreUnicodeMask`: property id 0x340F, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_STORE_UNICODE_MASK: PropertyTag = PropertyTag::new(0x340F0003);
/// `PidTagIpmSubtreeSearchKey`: property id 0x3410, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_SUBTREE_SEARCH_KEY: PropertyTag = PropertyTag::new(0x34100102);
/// `PidTagIpmOutboxSearchKey`: property id 0x3411, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_OUTBOX_SEARCH_KEY: PropertyTag = PropertyTag::new(0x34110102);
/// `PidTagIpmWastebasketSearchKey`: property id 0x3412, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_WASTEBASKET_SEARCH_KEY: PropertyTag = PropertyTag::new(0x34120102);
/// `PidTagIpmSentMailSearchKey`: property id 0x3413, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_SENT_MAIL_SEARCH_KEY: PropertyTag = PropertyTag::new(0x34130102);
/// `PidTagStoreProvider`: property id 0x3414, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_STORE_PROVIDER: PropertyTag = PropertyTag::new(0x34140102);
/// `PidTagProviderDisplayName`: property id 0x3418, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_PROVIDER_DISPLAY_NAME: PropertyTag = PropertyTag::new(0x3418001F);
/// `PidTagValidFolderMask`: property id 0x35DF, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_VALID_FOLDER_MASK: PropertyTag = PropertyTag::new(0x35DF0003);
/// `PidTagIpmSubtreeEntryId`: property id 0x35E0, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_SUBTREE_ENTRY_ID: PropertyTag = PropertyTag::new(0x35E00102);
/// `PidTagIpmOutboxEntryId`: property id 0x35E2, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_OUTBOX_ENTRY_ID: PropertyTag = PropertyTag::new(0x35E20102);
/// `PidTagIpmWastebasketEntryId`: property id 0x35E3, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_WASTEBASKET_ENTRY_ID: PropertyTag = PropertyTag::new(0x35E30102);
/// `PidTagIpmSentMailEntryId`: property id 0x35E4, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_SENT_MAIL_ENTRY_ID: PropertyTag = PropertyTag::new(0x35E40102);
/// `PidTagViewsEntryId`: property id 0x35E5, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_VIEWS_ENTRY_ID: PropertyTag = PropertyTag::new(0x35E50102);
/// `PidTagCommonViewsEntryId`: property id 0x35E6, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_COMMON_VIEWS_ENTRY_ID: PropertyTag = PropertyTag::new(0x35E60102);
/// `PidTagFinderEntryId`: property id 0x35E7, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FINDER_ENTRY_ID: PropertyTag = PropertyTag::new(0x35E70102);
/// `PidTagContainerFlags`: property id 0x3600, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTAINER_FLAGS: PropertyTag = PropertyTag::new(0x36000003);
/// `PidTagFolderType`: property id 0x3601, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FOLDER_TYPE: PropertyTag = PropertyTag::new(0x36010003);
/// `PidTagContentCount`: property id 0x3602, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTENT_COUNT: PropertyTag = PropertyTag::new(0x36020003);
/// `PidTagContentUnreadCount`: property id 0x3603, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTENT_UNREAD_COUNT: PropertyTag = PropertyTag::new(0x36030003);
/// `PidTagDetailsTable`: property id 0x3605, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DETAILS_TABLE: PropertyTag = PropertyTag::new(0x3605000D);
/// `PidTagSelectable`: property id 0x3609, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SELECTABLE: PropertyTag = PropertyTag::new(0x3609000B);
/// `PidTagSubfolders`: property id 0x360A, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SUBFOLDERS: PropertyTag = PropertyTag::new(0x360A000B);
/// `PidTagStatus`: property id 0x360B, PtypInteger32; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_STATUS: PropertyTag = PropertyTag::new(0x360B0003);
/// `PidTagAnr`: property id 0x360C, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ANR: PropertyTag = PropertyTag::new(0x360C001F);
/// `PidTagContainerHierarchy`: property id 0x360E, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTAINER_HIERARCHY: PropertyTag = PropertyTag::new(0x360E000D);
/// `PidTagContainerContents`: property id 0x360F, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTAINER_CONTENTS: PropertyTag = PropertyTag::new(0x360F000D);
/// `PidTagFolderAssociatedContents`: property id 0x3610, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FOLDER_ASSOCIATED_CONTENTS: PropertyTag = PropertyTag::new(0x3610000D);
/// `PidTagContainerClass`: property id 0x3613, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTAINER_CLASS: PropertyTag = PropertyTag::new(0x3613001F);
/// `PidTagDefaultViewEntryId`: property id 0x3616, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DEFAULT_VIEW_ENTRY_ID: PropertyTag = PropertyTag::new(0x36160102);
/// `PidTagAssociatedContentCount`: property id 0x3617, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ASSOCIATED_CONTENT_COUNT: PropertyTag = PropertyTag::new(0x36170003);
/// `PidTagIpmAppointmentEntryId`: property id 0x36D0, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_APPOINTMENT_ENTRY_ID: PropertyTag = PropertyTag::new(0x36D00102);
/// `PidTagIpmContactEntryId`: property id 0x36D1, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_CONTACT_ENTRY_ID: PropertyTag = PropertyTag::new(0x36D10102);
/// `PidTagIpmJournalEntryId`: property id 0x36D2, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_JOURNAL_ENTRY_ID: PropertyTag = PropertyTag::new(0x36D20102);
/// `PidTagIpmNoteEntryId`: property id 0x36D3, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_NOTE_ENTRY_ID: PropertyTag = PropertyTag::new(0x36D30102);
/// `PidTagIpmTaskEntryId`: property id 0x36D4, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_TASK_ENTRY_ID: PropertyTag = PropertyTag::new(0x36D40102);
/// `PidTagRemindersOnlineEntryId`: property id 0x36D5, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_REMINDERS_ONLINE_ENTRY_ID: PropertyTag = PropertyTag::new(0x36D50102);
/// `PidTagIpmDraftsEntryId`: property id 0x36D7, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IPM_DRAFTS_ENTRY_ID: PropertyTag = PropertyTag::new(0x36D70102);
/// `PidTagAdditionalRenEntryIds`: property id 0x36D8, PtypMultipleBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDITIONAL_REN_ENTRY_IDS: PropertyTag = PropertyTag::new(0x36D81102);
/// `PidTagAdditionalRenEntryIdsEx`: property id 0x36D9, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDITIONAL_REN_ENTRY_IDS_EX: PropertyTag = PropertyTag::new(0x36D90102);
/// `PidTagExtendedFolderFlags`: property id 0x36DA, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_EXTENDED_FOLDER_FLAGS: PropertyTag = PropertyTag::new(0x36DA0102);
/// `PidTagOrdinalMost`: property id 0x36E2, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ORDINAL_MOST: PropertyTag = PropertyTag::new(0x36E20003);
/// `PidTagFreeBusyEntryIds`: property id 0x36E4, PtypMultipleBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FREE_BUSY_ENTRY_IDS: PropertyTag = PropertyTag::new(0x36E41102);
/// `PidTagDefaultPostMessageClass`: property id 0x36E5, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DEFAULT_POST_MESSAGE_CLASS: PropertyTag = PropertyTag::new(0x36E5001F);
/// `PidTagAttachDataObject`: property id 0x3701, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_DATA_OBJECT: PropertyTag = PropertyTag::new(0x3701000D);
/// `PidTagAttachDataBinary`: property id 0x3701, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_DATA_BINARY: PropertyTag = PropertyTag::new(0x37010102);
/// `PidTagAttachEncoding`: property id 0x3702, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_ENCODING: PropertyTag = PropertyTag::new(0x37020102);
/// `PidTagAttachExtension`: property id 0x3703, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_EXTENSION: PropertyTag = PropertyTag::new(0x3703001F);
/// `PidTagAttachFilename`: property id 0x3704, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_FILENAME: PropertyTag = PropertyTag::new(0x3704001F);
/// `PidTagAttachMethod`: property id 0x3705, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_METHOD: PropertyTag = PropertyTag::new(0x37050003);
/// `PidTagAttachLongFilename`: property id 0x3707, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_LONG_FILENAME: PropertyTag = PropertyTag::new(0x3707001F);
/// `PidTagAttachPathname`: property id 0x3708, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_PATHNAME: PropertyTag = PropertyTag::new(0x3708001F);
/// `PidTagAttachRendering`: property id 0x3709, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_RENDERING: PropertyTag = PropertyTag::new(0x37090102);
/// `PidTagAttachTag`: property id 0x370A, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_TAG: PropertyTag = PropertyTag::new(0x370A0102);
/// `PidTagRenderingPosition`: property id 0x370B, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RENDERING_POSITION: PropertyTag = PropertyTag::new(0x370B0003);
/// `PidTagAttachLongPathname`: property id 0x370D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_LONG_PATHNAME: PropertyTag = PropertyTag::new(0x370D001F);
/// `PidTagAttachMimeTag`: property id 0x370E, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_MIME_TAG: PropertyTag = PropertyTag::new(0x370E001F);
/// `PidTagAttachContentBase`: property id 0x3711, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_CONTENT_BASE: PropertyTag = PropertyTag::new(0x3711001F);
/// `PidTagAttachContentId`: property id 0x3712, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_CONTENT_ID: PropertyTag = PropertyTag::new(0x3712001F);
/// `PidTagAttachContentLocation`: property id 0x3713, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_CONTENT_LOCATION: PropertyTag = PropertyTag::new(0x3713001F);
/// `PidTagAttachFlags`: property id 0x3714, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACH_FLAGS: PropertyTag = PropertyTag::new(0x37140003);
/// `PidTagDisplayType`: property id 0x3900, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DISPLAY_TYPE: PropertyTag = PropertyTag::new(0x39000003);
/// `PidTagTemplateid`: property id 0x3902, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_TEMPLATEID: PropertyTag = PropertyTag::new(0x39020102);
/// `PidTagDisplayTypeEx`: property id 0x3905, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DISPLAY_TYPE_EX: PropertyTag = PropertyTag::new(0x39050003);
/// `PidTagSmtpAddress`: property id 0x39FE, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SMTP_ADDRESS: PropertyTag = PropertyTag::new(0x39FE001F);
/// `PidTagAddressBookDisplayNamePrintable`: property id 0x39FF, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_DISPLAY_NAME_PRINTABLE: PropertyTag = PropertyTag::new(0x39FF001F);
/// `PidTagAccount`: property id 0x3A00, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ACCOUNT: PropertyTag = PropertyTag::new(0x3A00001F);
/// `PidTagCallbackTelephoneNumber`: property id 0x3A02, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CALLBACK_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A02001F);
/// `PidTagGeneration`: property id 0x3A05, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_GENERATION: PropertyTag = PropertyTag::new(0x3A05001F);
/// `PidTagGivenName`: property id 0x3A06, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_GIVEN_NAME: PropertyTag = PropertyTag::new(0x3A06001F);
/// `PidTagGovernmentIdNumber`: property id 0x3A07, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_GOVERNMENT_ID_NUMBER: PropertyTag = PropertyTag::new(0x3A07001F);
/// `PidTagBusinessTelephoneNumber`: property id 0x3A08, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BUSINESS_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A08001F);
/// `PidTagHomeTelephoneNumber`: property id 0x3A09, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HOME_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A09001F);
/// `PidTagInitials`: property id 0x3A0A, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INITIALS: PropertyTag = PropertyTag::new(0x3A0A001F);
/// `PidTagKeyword`: property id 0x3A0B, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_KEYWORD: PropertyTag = PropertyTag::new(0x3A0B001F);
/// `PidTagLanguage`: property id 0x3A0C, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LANGUAGE: PropertyTag = PropertyTag::new(0x3A0C001F);
/// `PidTagLocation`: property id 0x3A0D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LOCATION: PropertyTag = PropertyTag::new(0x3A0D001F);
/// `PidTagMessageHandlingSystemCommonName`: property id 0x3A0F, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_HANDLING_SYSTEM_COMMON_NAME: PropertyTag = PropertyTag::new(0x3A0F001F);
/// `PidTagOrganizationalIdNumber`: property id 0x3A10, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ORGANIZATIONAL_ID_NUMBER: PropertyTag = PropertyTag::new(0x3A10001F);
/// `PidTagSurname`: property id 0x3A11, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SURNAME: PropertyTag = PropertyTag::new(0x3A11001F);
/// `PidTagOriginalEntryId`: property id 0x3A12, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ORIGINAL_ENTRY_ID: PropertyTag = PropertyTag::new(0x3A120102);
/// `PidTagOriginalDisplayName`: property id 0x3A13, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ORIGINAL_DISPLAY_NAME: PropertyTag = PropertyTag::new(0x3A13001F);
/// `PidTagOriginalSearchKey`: property id 0x3A14, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ORIGINAL_SEARCH_KEY: PropertyTag = PropertyTag::new(0x3A140102);
/// `PidTagPostalAddress`: property id 0x3A15, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_POSTAL_ADDRESS: PropertyTag = PropertyTag::new(0x3A15001F);
/// `PidTagCompanyName`: property id 0x3A16, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_COMPANY_NAME: PropertyTag = PropertyTag::new(0x3A16001F);
/// `PidTagTitle`: property id 0x3A17, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_TITLE: PropertyTag = PropertyTag::new(0x3A17001F);
/// `PidTagDepartmentName`: property id 0x3A18, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DEPARTMENT_NAME: PropertyTag = PropertyTag::new(0x3A18001F);
/// `PidTagOfficeLocation`: property id 0x3A19, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_OFFICE_LOCATION: PropertyTag = PropertyTag::new(0x3A19001F);
/// `PidTagPrimaryTelephoneNumber`: property id 0x3A1A, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PRIMARY_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A1A001F);
/// `PidTagBusiness2TelephoneNumber`: property id 0x3A1B, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BUSINESS2_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A1B001F);
/// `PidTagBusiness2TelephoneNumbers`: property id 0x3A1B, PtypMultipleString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BUSINESS2_TELEPHONE_NUMBERS: PropertyTag = PropertyTag::new(0x3A1B101F);
/// `PidTagMobileTelephoneNumber`: property id 0x3A1C, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MOBILE_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A1C001F);
/// `PidTagRadioTelephoneNumber`: property id 0x3A1D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RADIO_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A1D001F);
/// `PidTagCarTelephoneNumber`: property id 0x3A1E, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CAR_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A1E001F);
/// `PidTagOtherTelephoneNumber`: property id 0x3A1F, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_OTHER_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A1F001F);
/// `PidTagTransmittableDisplayName`: property id 0x3A20, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_TRANSMITTABLE_DISPLAY_NAME: PropertyTag = PropertyTag::new(0x3A20001F);
/// `PidTagPagerTelephoneNumber`: property id 0x3A21, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PAGER_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A21001F);
/// `PidTagUserCertificate`: property id 0x3A22, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_USER_CERTIFICATE: PropertyTag = PropertyTag::new(0x3A220102);
/// `PidTagPrimaryFaxNumber`: property id 0x3A23, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PRIMARY_FAX_NUMBER: PropertyTag = PropertyTag::new(0x3A23001F);
/// `PidTagBusinessFaxNumber`: property id 0x3A24, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BUSINESS_FAX_NUMBER: PropertyTag = PropertyTag::new(0x3A24001F);
/// `PidTagHomeFaxNumber`: property id 0x3A25, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HOME_FAX_NUMBER: PropertyTag = PropertyTag::new(0x3A25001F);
/// `PidTagCountry`: property id 0x3A26, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_COUNTRY: PropertyTag = PropertyTag::new(0x3A26001F);
/// `PidTagLocality`: property id 0x3A27, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LOCALITY: PropertyTag = PropertyTag::new(0x3A27001F);
/// `PidTagStateOrProvince`: property id 0x3A28, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_STATE_OR_PROVINCE: PropertyTag = PropertyTag::new(0x3A28001F);
/// `PidTagStreetAddress`: property id 0x3A29, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_STREET_ADDRESS: PropertyTag = PropertyTag::new(0x3A29001F);
/// `PidTagPostalCode`: property id 0x3A2A, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_POSTAL_CODE: PropertyTag = PropertyTag::new(0x3A2A001F);
/// `PidTagPostOfficeBox`: property id 0x3A2B, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_POST_OFFICE_BOX: PropertyTag = PropertyTag::new(0x3A2B001F);
/// `PidTagTelexNumber`: property id 0x3A2C, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_TELEX_NUMBER: PropertyTag = PropertyTag::new(0x3A2C001F);
/// `PidTagIsdnNumber`: property id 0x3A2D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ISDN_NUMBER: PropertyTag = PropertyTag::new(0x3A2D001F);
/// `PidTagAssistantTelephoneNumber`: property id 0x3A2E, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ASSISTANT_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A2E001F);
/// `PidTagHome2TelephoneNumber`: property id 0x3A2F, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HOME2_TELEPHONE_NUMBER: PropertyTag = PropertyTag::new(0x3A2F001F);
/// `PidTagAssistant`: property id 0x3A30, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ASSISTANT: PropertyTag = PropertyTag::new(0x3A30001F);
/// `PidTagSendRichInfo`: property id 0x3A40, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SEND_RICH_INFO: PropertyTag = PropertyTag::new(0x3A40000B);
/// `PidTagWeddingAnniversary`: property id 0x3A41, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_WEDDING_ANNIVERSARY: PropertyTag = PropertyTag::new(0x3A410040);
/// `PidTagBirthday`: property id 0x3A42, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BIRTHDAY: PropertyTag = PropertyTag::new(0x3A420040);
/// `PidTagMiddleName`: property id 0x3A44, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MIDDLE_NAME: PropertyTag = PropertyTag::new(0x3A44001F);
/// `PidTagDisplayNamePrefix`: property id 0x3A45, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DISPLAY_NAME_PREFIX: PropertyTag = PropertyTag::new(0x3A45001F);
/// `PidTagManagerName`: property id 0x3A4E, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MANAGER_NAME: PropertyTag = PropertyTag::new(0x3A4E001F);
/// `PidTagNickname`: property id 0x3A4F, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_NICKNAME: PropertyTag = PropertyTag::new(0x3A4F001F);
/// `PidTagBusinessHomePage`: property id 0x3A51, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_BUSINESS_HOME_PAGE: PropertyTag = PropertyTag::new(0x3A51001F);
/// `PidTagHomeAddressStreet`: property id 0x3A5D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HOME_ADDRESS_STREET: PropertyTag = PropertyTag::new(0x3A5D001F);
/// `PidTagUserX509Certificate`: property id 0x3A70, PtypMultipleBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_USER_X509_CERTIFICATE: PropertyTag = PropertyTag::new(0x3A701102);
/// `PidTagSendInternetEncoding`: property id 0x3A71, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SEND_INTERNET_ENCODING: PropertyTag = PropertyTag::new(0x3A710003);
/// `PidTagServiceName`: property id 0x3D09, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_SERVICE_NAME: PropertyTag = PropertyTag::new(0x3D09001F);
/// `PidTagServiceDllName`: property id 0x3D0A, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_SERVICE_DLL_NAME: PropertyTag = PropertyTag::new(0x3D0A001F);
/// `PidTagServiceUid`: property id 0x3D0C, PtypBinary; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_SERVICE_UID: PropertyTag = PropertyTag::new(0x3D0C0102);
/// `PidTagProfileName`: property id 0x3D12, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_PROFILE_NAME: PropertyTag = PropertyTag::new(0x3D12001F);
/// `PidTagIdentityDisplay`: property id 0x3E00, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_IDENTITY_DISPLAY: PropertyTag = PropertyTag::new(0x3E00001F);
/// `PidTagIdentityEntryId`: property id 0x3E01, PtypBinary; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_IDENTITY_ENTRY_ID: PropertyTag = PropertyTag::new(0x3E010102);
/// `PidTagResourceMethods`: property id 0x3E02, PtypInteger32; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_RESOURCE_METHODS: PropertyTag = PropertyTag::new(0x3E020003);
/// `PidTagResourceType`: property id 0x3E03, PtypInteger32; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_RESOURCE_TYPE: PropertyTag = PropertyTag::new(0x3E030003);
/// `PidTagStatusCode`: property id 0x3E04, PtypInteger32; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_STATUS_CODE: PropertyTag = PropertyTag::new(0x3E040003);
/// `PidTagIdentitySearchKey`: property id 0x3E05, PtypBinary; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_IDENTITY_SEARCH_KEY: PropertyTag = PropertyTag::new(0x3E050102);
/// `PidTagOwnStoreEntryId`: property id 0x3E06, PtypBinary; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_OWN_STORE_ENTRY_ID: PropertyTag = PropertyTag::new(0x3E060102);
/// `PidTagResourcePath`: property id 0x3E07, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_RESOURCE_PATH: PropertyTag = PropertyTag::new(0x3E07001F);
/// `PidTagStatusString`: property id 0x3E08, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_STATUS_STRING: PropertyTag = PropertyTag::new(0x3E08001F);
/// `PidTagRemoteProgress`: property id 0x3E0B, PtypInteger32; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_REMOTE_PROGRESS: PropertyTag = PropertyTag::new(0x3E0B0003);
/// `PidTagRemoteProgressText`: property id 0x3E0C, PtypString; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_REMOTE_PROGRESS_TEXT: PropertyTag = PropertyTag::new(0x3E0C001F);
/// `PidTagRemoteValidateOk`: property id 0x3E0D, PtypBoolean; canonical name and type from the Outlook MAPI reference (status table and profile properties are not in MS-OXPROPS).
pub const PID_TAG_REMOTE_VALIDATE_OK: PropertyTag = PropertyTag::new(0x3E0D000B);
/// `PidTagControlFlags`: property id 0x3F00, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTROL_FLAGS: PropertyTag = PropertyTag::new(0x3F000003);
/// `PidTagControlStructure`: property id 0x3F01, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTROL_STRUCTURE: PropertyTag = PropertyTag::new(0x3F010102);
/// `PidTagControlType`: property id 0x3F02, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTROL_TYPE: PropertyTag = PropertyTag::new(0x3F020003);
/// `PidTagControlId`: property id 0x3F07, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTROL_ID: PropertyTag = PropertyTag::new(0x3F070102);
/// `PidTagInternetCodepage`: property id 0x3FDE, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INTERNET_CODEPAGE: PropertyTag = PropertyTag::new(0x3FDE0003);
/// `PidTagAutoResponseSuppress`: property id 0x3FDF, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_AUTO_RESPONSE_SUPPRESS: PropertyTag = PropertyTag::new(0x3FDF0003);
/// `PidTagAccessControlListTable`: property id 0x3FE0, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ACCESS_CONTROL_LIST_TABLE: PropertyTag = PropertyTag::new(0x3FE0000D);
/// `PidTagAccessControlListData`: property id 0x3FE0, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ACCESS_CONTROL_LIST_DATA: PropertyTag = PropertyTag::new(0x3FE00102);
/// `PidTagRulesTable`: property id 0x3FE1, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULES_TABLE: PropertyTag = PropertyTag::new(0x3FE1000D);
/// `PidTagResolveMethod`: property id 0x3FE7, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RESOLVE_METHOD: PropertyTag = PropertyTag::new(0x3FE70003);
/// `PidTagHasDeferredActionMessages`: property id 0x3FEA, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HAS_DEFERRED_ACTION_MESSAGES: PropertyTag = PropertyTag::new(0x3FEA000B);
/// `PidTagDeferredSendTime`: property id 0x3FEF, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DEFERRED_SEND_TIME: PropertyTag = PropertyTag::new(0x3FEF0040);
/// `PidTagConflictEntryId`: property id 0x3FF0, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONFLICT_ENTRY_ID: PropertyTag = PropertyTag::new(0x3FF00102);
/// `PidTagMessageLocaleId`: property id 0x3FF1, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_LOCALE_ID: PropertyTag = PropertyTag::new(0x3FF10003);
/// `PidTagCreatorName`: property id 0x3FF8, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CREATOR_NAME: PropertyTag = PropertyTag::new(0x3FF8001F);
/// `PidTagCreatorEntryId`: property id 0x3FF9, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CREATOR_ENTRY_ID: PropertyTag = PropertyTag::new(0x3FF90102);
/// `PidTagLastModifierName`: property id 0x3FFA, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LAST_MODIFIER_NAME: PropertyTag = PropertyTag::new(0x3FFA001F);
/// `PidTagLastModifierEntryId`: property id 0x3FFB, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LAST_MODIFIER_ENTRY_ID: PropertyTag = PropertyTag::new(0x3FFB0102);
/// `PidTagMessageCodepage`: property id 0x3FFD, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_CODEPAGE: PropertyTag = PropertyTag::new(0x3FFD0003);
/// `PidTagSentRepresentingFlags`: property id 0x401A, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_REPRESENTING_FLAGS: PropertyTag = PropertyTag::new(0x401A0003);
/// `PidTagReadReceiptAddressType`: property id 0x4029, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_READ_RECEIPT_ADDRESS_TYPE: PropertyTag = PropertyTag::new(0x4029001F);
/// `PidTagReadReceiptEmailAddress`: property id 0x402A, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_READ_RECEIPT_EMAIL_ADDRESS: PropertyTag = PropertyTag::new(0x402A001F);
/// `PidTagReadReceiptName`: property id 0x402B, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_READ_RECEIPT_NAME: PropertyTag = PropertyTag::new(0x402B001F);
/// `PidTagContentFilterSpamConfidenceLevel`: property id 0x4076, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CONTENT_FILTER_SPAM_CONFIDENCE_LEVEL: PropertyTag = PropertyTag::new(0x40760003);
/// `PidTagInternetMailOverrideFormat`: property id 0x5902, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INTERNET_MAIL_OVERRIDE_FORMAT: PropertyTag = PropertyTag::new(0x59020003);
/// `PidTagMessageEditorFormat`: property id 0x5909, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MESSAGE_EDITOR_FORMAT: PropertyTag = PropertyTag::new(0x59090003);
/// `PidTagSenderSmtpAddress`: property id 0x5D01, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENDER_SMTP_ADDRESS: PropertyTag = PropertyTag::new(0x5D01001F);
/// `PidTagSentRepresentingSmtpAddress`: property id 0x5D02, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_REPRESENTING_SMTP_ADDRESS: PropertyTag = PropertyTag::new(0x5D02001F);
/// `PidTagReadReceiptSmtpAddress`: property id 0x5D05, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_READ_RECEIPT_SMTP_ADDRESS: PropertyTag = PropertyTag::new(0x5D05001F);
/// `PidTagReceivedBySmtpAddress`: property id 0x5D07, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_BY_SMTP_ADDRESS: PropertyTag = PropertyTag::new(0x5D07001F);
/// `PidTagReceivedRepresentingSmtpAddress`: property id 0x5D08, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECEIVED_REPRESENTING_SMTP_ADDRESS: PropertyTag = PropertyTag::new(0x5D08001F);
/// `PidTagRecipientOrder`: property id 0x5FDF, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_ORDER: PropertyTag = PropertyTag::new(0x5FDF0003);
/// `PidTagRecipientProposed`: property id 0x5FE1, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_PROPOSED: PropertyTag = PropertyTag::new(0x5FE1000B);
/// `PidTagRecipientDisplayName`: property id 0x5FF6, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_DISPLAY_NAME: PropertyTag = PropertyTag::new(0x5FF6001F);
/// `PidTagRecipientEntryId`: property id 0x5FF7, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_ENTRY_ID: PropertyTag = PropertyTag::new(0x5FF70102);
/// `PidTagRecipientTrackStatusTime`: property id 0x5FFB, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_TRACK_STATUS_TIME: PropertyTag = PropertyTag::new(0x5FFB0040);
/// `PidTagRecipientFlags`: property id 0x5FFD, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_FLAGS: PropertyTag = PropertyTag::new(0x5FFD0003);
/// `PidTagRecipientTrackStatus`: property id 0x5FFF, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RECIPIENT_TRACK_STATUS: PropertyTag = PropertyTag::new(0x5FFF0003);
/// `PidTagReplyTemplateId`: property id 0x65C2, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_REPLY_TEMPLATE_ID: PropertyTag = PropertyTag::new(0x65C20102);
/// `PidTagSourceKey`: property id 0x65E0, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SOURCE_KEY: PropertyTag = PropertyTag::new(0x65E00102);
/// `PidTagParentSourceKey`: property id 0x65E1, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PARENT_SOURCE_KEY: PropertyTag = PropertyTag::new(0x65E10102);
/// `PidTagChangeKey`: property id 0x65E2, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CHANGE_KEY: PropertyTag = PropertyTag::new(0x65E20102);
/// `PidTagPredecessorChangeList`: property id 0x65E3, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PREDECESSOR_CHANGE_LIST: PropertyTag = PropertyTag::new(0x65E30102);
/// `PidTagRuleMessageState`: property id 0x65E9, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_MESSAGE_STATE: PropertyTag = PropertyTag::new(0x65E90003);
/// `PidTagRuleMessageUserFlags`: property id 0x65EA, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_MESSAGE_USER_FLAGS: PropertyTag = PropertyTag::new(0x65EA0003);
/// `PidTagRuleMessageProvider`: property id 0x65EB, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_MESSAGE_PROVIDER: PropertyTag = PropertyTag::new(0x65EB001F);
/// `PidTagRuleMessageName`: property id 0x65EC, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_MESSAGE_NAME: PropertyTag = PropertyTag::new(0x65EC001F);
/// `PidTagRuleMessageLevel`: property id 0x65ED, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_MESSAGE_LEVEL: PropertyTag = PropertyTag::new(0x65ED0003);
/// `PidTagRuleMessageProviderData`: property id 0x65EE, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_MESSAGE_PROVIDER_DATA: PropertyTag = PropertyTag::new(0x65EE0102);
/// `PidTagRuleMessageSequence`: property id 0x65F3, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_MESSAGE_SEQUENCE: PropertyTag = PropertyTag::new(0x65F30003);
/// `PidTagUserEntryId`: property id 0x6619, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_USER_ENTRY_ID: PropertyTag = PropertyTag::new(0x66190102);
/// `PidTagMailboxOwnerEntryId`: property id 0x661B, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MAILBOX_OWNER_ENTRY_ID: PropertyTag = PropertyTag::new(0x661B0102);
/// `PidTagMailboxOwnerName`: property id 0x661C, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MAILBOX_OWNER_NAME: PropertyTag = PropertyTag::new(0x661C001F);
/// `PidTagOutOfOfficeState`: property id 0x661D, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_OUT_OF_OFFICE_STATE: PropertyTag = PropertyTag::new(0x661D000B);
/// `PidTagNonIpmSubtreeEntryId`: property id 0x6620, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_NON_IPM_SUBTREE_ENTRY_ID: PropertyTag = PropertyTag::new(0x66200102);
/// `PidTagSchedulePlusFreeBusyEntryId`: property id 0x6622, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SCHEDULE_PLUS_FREE_BUSY_ENTRY_ID: PropertyTag = PropertyTag::new(0x66220102);
/// `PidTagSerializedReplidGuidMap`: property id 0x6638, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SERIALIZED_REPLID_GUID_MAP: PropertyTag = PropertyTag::new(0x66380102);
/// `PidTagRights`: property id 0x6639, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RIGHTS: PropertyTag = PropertyTag::new(0x66390003);
/// `PidTagHasRules`: property id 0x663A, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HAS_RULES: PropertyTag = PropertyTag::new(0x663A000B);
/// `PidTagAddressBookEntryId`: property id 0x663B, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_ENTRY_ID: PropertyTag = PropertyTag::new(0x663B0102);
/// `PidTagHierarchyChangeNumber`: property id 0x663E, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HIERARCHY_CHANGE_NUMBER: PropertyTag = PropertyTag::new(0x663E0003);
/// `PidTagClientActions`: property id 0x6645, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CLIENT_ACTIONS: PropertyTag = PropertyTag::new(0x66450102);
/// `PidTagDamOriginalEntryId`: property id 0x6646, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DAM_ORIGINAL_ENTRY_ID: PropertyTag = PropertyTag::new(0x66460102);
/// `PidTagDamBackPatched`: property id 0x6647, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DAM_BACK_PATCHED: PropertyTag = PropertyTag::new(0x6647000B);
/// `PidTagRuleError`: property id 0x6648, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_ERROR: PropertyTag = PropertyTag::new(0x66480003);
/// `PidTagRuleActionType`: property id 0x6649, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_ACTION_TYPE: PropertyTag = PropertyTag::new(0x66490003);
/// `PidTagHasNamedProperties`: property id 0x664A, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_HAS_NAMED_PROPERTIES: PropertyTag = PropertyTag::new(0x664A000B);
/// `PidTagRuleActionNumber`: property id 0x6650, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_ACTION_NUMBER: PropertyTag = PropertyTag::new(0x66500003);
/// `PidTagRuleFolderEntryId`: property id 0x6651, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_FOLDER_ENTRY_ID: PropertyTag = PropertyTag::new(0x66510102);
/// `PidTagProhibitReceiveQuota`: property id 0x666A, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PROHIBIT_RECEIVE_QUOTA: PropertyTag = PropertyTag::new(0x666A0003);
/// `PidTagInConflict`: property id 0x666C, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_IN_CONFLICT: PropertyTag = PropertyTag::new(0x666C000B);
/// `PidTagMaximumSubmitMessageSize`: property id 0x666D, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MAXIMUM_SUBMIT_MESSAGE_SIZE: PropertyTag = PropertyTag::new(0x666D0003);
/// `PidTagProhibitSendQuota`: property id 0x666E, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PROHIBIT_SEND_QUOTA: PropertyTag = PropertyTag::new(0x666E0003);
/// `PidTagLongTermEntryIdFromTable`: property id 0x6670, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LONG_TERM_ENTRY_ID_FROM_TABLE: PropertyTag = PropertyTag::new(0x66700102);
/// `PidTagMemberId`: property id 0x6671, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MEMBER_ID: PropertyTag = PropertyTag::new(0x66710014);
/// `PidTagMemberName`: property id 0x6672, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MEMBER_NAME: PropertyTag = PropertyTag::new(0x6672001F);
/// `PidTagMemberRights`: property id 0x6673, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MEMBER_RIGHTS: PropertyTag = PropertyTag::new(0x66730003);
/// `PidTagRuleId`: property id 0x6674, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_ID: PropertyTag = PropertyTag::new(0x66740014);
/// `PidTagRuleIds`: property id 0x6675, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_IDS: PropertyTag = PropertyTag::new(0x66750102);
/// `PidTagRuleSequence`: property id 0x6676, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_SEQUENCE: PropertyTag = PropertyTag::new(0x66760003);
/// `PidTagRuleState`: property id 0x6677, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_STATE: PropertyTag = PropertyTag::new(0x66770003);
/// `PidTagRuleUserFlags`: property id 0x6678, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_USER_FLAGS: PropertyTag = PropertyTag::new(0x66780003);
/// `PidTagRuleCondition`: property id 0x6679, PtypRestriction; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_CONDITION: PropertyTag = PropertyTag::new(0x667900FD);
/// `PidTagRuleActions`: property id 0x6680, PtypRuleAction; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_ACTIONS: PropertyTag = PropertyTag::new(0x668000FE);
/// `PidTagRuleProvider`: property id 0x6681, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_PROVIDER: PropertyTag = PropertyTag::new(0x6681001F);
/// `PidTagRuleName`: property id 0x6682, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_NAME: PropertyTag = PropertyTag::new(0x6682001F);
/// `PidTagRuleLevel`: property id 0x6683, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_LEVEL: PropertyTag = PropertyTag::new(0x66830003);
/// `PidTagRuleProviderData`: property id 0x6684, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_RULE_PROVIDER_DATA: PropertyTag = PropertyTag::new(0x66840102);
/// `PidTagDeletedOn`: property id 0x668F, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DELETED_ON: PropertyTag = PropertyTag::new(0x668F0040);
/// `PidTagLocaleId`: property id 0x66A1, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LOCALE_ID: PropertyTag = PropertyTag::new(0x66A10003);
/// `PidTagFolderFlags`: property id 0x66A8, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FOLDER_FLAGS: PropertyTag = PropertyTag::new(0x66A80003);
/// `PidTagNormalMessageSize`: property id 0x66B3, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_NORMAL_MESSAGE_SIZE: PropertyTag = PropertyTag::new(0x66B30003);
/// `PidTagCodePageId`: property id 0x66C3, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CODE_PAGE_ID: PropertyTag = PropertyTag::new(0x66C30003);
/// `PidTagSortLocaleId`: property id 0x6705, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SORT_LOCALE_ID: PropertyTag = PropertyTag::new(0x67050003);
/// `PidTagUrlName`: property id 0x6707, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_URL_NAME: PropertyTag = PropertyTag::new(0x6707001F);
/// `PidTagSubfolder`: property id 0x6708, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SUBFOLDER: PropertyTag = PropertyTag::new(0x6708000B);
/// `PidTagLocalCommitTime`: property id 0x6709, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LOCAL_COMMIT_TIME: PropertyTag = PropertyTag::new(0x67090040);
/// `PidTagLocalCommitTimeMax`: property id 0x670A, PtypTime; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_LOCAL_COMMIT_TIME_MAX: PropertyTag = PropertyTag::new(0x670A0040);
/// `PidTagDeletedCountTotal`: property id 0x670B, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DELETED_COUNT_TOTAL: PropertyTag = PropertyTag::new(0x670B0003);
/// `PidTagFlatUrlName`: property id 0x670E, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FLAT_URL_NAME: PropertyTag = PropertyTag::new(0x670E001F);
/// `PidTagSentMailSvrEID`: property id 0x6740, PtypServerId; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SENT_MAIL_SVR_EID: PropertyTag = PropertyTag::new(0x674000FB);
/// `PidTagDeferredActionMessageOriginalEntryId`: property id 0x6741, PtypServerId; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_DEFERRED_ACTION_MESSAGE_ORIGINAL_ENTRY_ID: PropertyTag =
    PropertyTag::new(0x674100FB);
/// `PidTagFolderId`: property id 0x6748, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_FOLDER_ID: PropertyTag = PropertyTag::new(0x67480014);
/// `PidTagParentFolderId`: property id 0x6749, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_PARENT_FOLDER_ID: PropertyTag = PropertyTag::new(0x67490014);
/// `PidTagMid`: property id 0x674A, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_MID: PropertyTag = PropertyTag::new(0x674A0014);
/// `PidTagInstID`: property id 0x674D, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INST_ID: PropertyTag = PropertyTag::new(0x674D0014);
/// `PidTagInstanceNum`: property id 0x674E, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_INSTANCE_NUM: PropertyTag = PropertyTag::new(0x674E0003);
/// `PidTagAddressBookMessageId`: property id 0x674F, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_MESSAGE_ID: PropertyTag = PropertyTag::new(0x674F0014);
/// `PidTagChangeNumber`: property id 0x67A4, PtypInteger64; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_CHANGE_NUMBER: PropertyTag = PropertyTag::new(0x67A40014);
/// `PidTagAssociated`: property id 0x67AA, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ASSOCIATED: PropertyTag = PropertyTag::new(0x67AA000B);
/// `PidTagAttachmentLinkId`: property id 0x7FFA, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACHMENT_LINK_ID: PropertyTag = PropertyTag::new(0x7FFA0003);
/// `PidTagAttachmentFlags`: property id 0x7FFD, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACHMENT_FLAGS: PropertyTag = PropertyTag::new(0x7FFD0003);
/// `PidTagAttachmentHidden`: property id 0x7FFE, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACHMENT_HIDDEN: PropertyTag = PropertyTag::new(0x7FFE000B);
/// `PidTagAttachmentContactPhoto`: property id 0x7FFF, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ATTACHMENT_CONTACT_PHOTO: PropertyTag = PropertyTag::new(0x7FFF000B);
/// `PidTagAddressBookFolderPathname`: property id 0x8004, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_FOLDER_PATHNAME: PropertyTag = PropertyTag::new(0x8004001F);
/// `PidTagAddressBookManager`: property id 0x8005, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_MANAGER: PropertyTag = PropertyTag::new(0x8005000D);
/// `PidTagAddressBookManagerDistinguishedName`: property id 0x8005, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_MANAGER_DISTINGUISHED_NAME: PropertyTag =
    PropertyTag::new(0x8005001F);
/// `PidTagAddressBookHomeMessageDatabase`: property id 0x8006, PtypString8; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_HOME_MESSAGE_DATABASE: PropertyTag = PropertyTag::new(0x8006001E);
/// `PidTagAddressBookMember`: property id 0x8009, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_MEMBER: PropertyTag = PropertyTag::new(0x8009000D);
/// `PidTagAddressBookOwner`: property id 0x800C, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_OWNER: PropertyTag = PropertyTag::new(0x800C000D);
/// `PidTagAddressBookReports`: property id 0x800E, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_REPORTS: PropertyTag = PropertyTag::new(0x800E000D);
/// `PidTagAddressBookProxyAddresses`: property id 0x800F, PtypMultipleString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_PROXY_ADDRESSES: PropertyTag = PropertyTag::new(0x800F101F);
/// `PidTagAddressBookTargetAddress`: property id 0x8011, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_TARGET_ADDRESS: PropertyTag = PropertyTag::new(0x8011001F);
/// `PidTagAddressBookPublicDelegates`: property id 0x8015, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_PUBLIC_DELEGATES: PropertyTag = PropertyTag::new(0x8015000D);
/// `PidTagAddressBookOwnerBackLink`: property id 0x8024, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_OWNER_BACK_LINK: PropertyTag = PropertyTag::new(0x8024000D);
/// `PidTagAddressBookExtensionAttribute1`: property id 0x802D, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE1: PropertyTag = PropertyTag::new(0x802D001F);
/// `PidTagAddressBookExtensionAttribute2`: property id 0x802E, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE2: PropertyTag = PropertyTag::new(0x802E001F);
/// `PidTagAddressBookExtensionAttribute3`: property id 0x802F, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE3: PropertyTag = PropertyTag::new(0x802F001F);
/// `PidTagAddressBookExtensionAttribute4`: property id 0x8030, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE4: PropertyTag = PropertyTag::new(0x8030001F);
/// `PidTagAddressBookExtensionAttribute5`: property id 0x8031, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE5: PropertyTag = PropertyTag::new(0x8031001F);
/// `PidTagAddressBookExtensionAttribute6`: property id 0x8032, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE6: PropertyTag = PropertyTag::new(0x8032001F);
/// `PidTagAddressBookExtensionAttribute7`: property id 0x8033, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE7: PropertyTag = PropertyTag::new(0x8033001F);
/// `PidTagAddressBookExtensionAttribute8`: property id 0x8034, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE8: PropertyTag = PropertyTag::new(0x8034001F);
/// `PidTagAddressBookExtensionAttribute9`: property id 0x8035, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE9: PropertyTag = PropertyTag::new(0x8035001F);
/// `PidTagAddressBookExtensionAttribute10`: property id 0x8036, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE10: PropertyTag = PropertyTag::new(0x8036001F);
/// `PidTagAddressBookObjectDistinguishedName`: property id 0x803C, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_OBJECT_DISTINGUISHED_NAME: PropertyTag =
    PropertyTag::new(0x803C001F);
/// `PidTagAddressBookDeliveryContentLength`: property id 0x806A, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_DELIVERY_CONTENT_LENGTH: PropertyTag = PropertyTag::new(0x806A0003);
/// `PidTagAddressBookDistributionListMemberSubmitAccepted`: property id 0x8073, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_MEMBER_SUBMIT_ACCEPTED: PropertyTag =
    PropertyTag::new(0x8073000D);
/// `PidTagAddressBookNetworkAddress`: property id 0x8170, PtypMultipleString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_NETWORK_ADDRESS: PropertyTag = PropertyTag::new(0x8170101F);
/// `PidTagAddressBookExtensionAttribute11`: property id 0x8C57, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE11: PropertyTag = PropertyTag::new(0x8C57001F);
/// `PidTagAddressBookExtensionAttribute12`: property id 0x8C58, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE12: PropertyTag = PropertyTag::new(0x8C58001F);
/// `PidTagAddressBookExtensionAttribute13`: property id 0x8C59, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE13: PropertyTag = PropertyTag::new(0x8C59001F);
/// `PidTagAddressBookExtensionAttribute14`: property id 0x8C60, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE14: PropertyTag = PropertyTag::new(0x8C60001F);
/// `PidTagAddressBookExtensionAttribute15`: property id 0x8C61, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE15: PropertyTag = PropertyTag::new(0x8C61001F);
/// `PidTagAddressBookX509Certificate`: property id 0x8C6A, PtypMultipleBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_X509_CERTIFICATE: PropertyTag = PropertyTag::new(0x8C6A1102);
/// `PidTagAddressBookObjectGuid`: property id 0x8C6D, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_OBJECT_GUID: PropertyTag = PropertyTag::new(0x8C6D0102);
/// `PidTagAddressBookPhoneticGivenName`: property id 0x8C8E, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_PHONETIC_GIVEN_NAME: PropertyTag = PropertyTag::new(0x8C8E001F);
/// `PidTagAddressBookPhoneticSurname`: property id 0x8C8F, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_PHONETIC_SURNAME: PropertyTag = PropertyTag::new(0x8C8F001F);
/// `PidTagAddressBookPhoneticDepartmentName`: property id 0x8C90, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_PHONETIC_DEPARTMENT_NAME: PropertyTag = PropertyTag::new(0x8C90001F);
/// `PidTagAddressBookPhoneticCompanyName`: property id 0x8C91, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_PHONETIC_COMPANY_NAME: PropertyTag = PropertyTag::new(0x8C91001F);
/// `PidTagAddressBookPhoneticDisplayName`: property id 0x8C92, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_PHONETIC_DISPLAY_NAME: PropertyTag = PropertyTag::new(0x8C92001F);
/// `PidTagAddressBookDisplayTypeExtended`: property id 0x8C93, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_DISPLAY_TYPE_EXTENDED: PropertyTag = PropertyTag::new(0x8C930003);
/// `PidTagAddressBookHierarchicalShowInDepartments`: property id 0x8C94, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_HIERARCHICAL_SHOW_IN_DEPARTMENTS: PropertyTag =
    PropertyTag::new(0x8C94000D);
/// `PidTagAddressBookRoomContainers`: property id 0x8C96, PtypMultipleString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_ROOM_CONTAINERS: PropertyTag = PropertyTag::new(0x8C96101F);
/// `PidTagAddressBookHierarchicalDepartmentMembers`: property id 0x8C97, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_HIERARCHICAL_DEPARTMENT_MEMBERS: PropertyTag =
    PropertyTag::new(0x8C97000D);
/// `PidTagAddressBookHierarchicalRootDepartment`: property id 0x8C98, PtypString8; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_HIERARCHICAL_ROOT_DEPARTMENT: PropertyTag =
    PropertyTag::new(0x8C98001E);
/// `PidTagAddressBookHierarchicalParentDepartment`: property id 0x8C99, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_HIERARCHICAL_PARENT_DEPARTMENT: PropertyTag =
    PropertyTag::new(0x8C99000D);
/// `PidTagAddressBookHierarchicalChildDepartments`: property id 0x8C9A, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_HIERARCHICAL_CHILD_DEPARTMENTS: PropertyTag =
    PropertyTag::new(0x8C9A000D);
/// `PidTagThumbnailPhoto`: property id 0x8C9E, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_THUMBNAIL_PHOTO: PropertyTag = PropertyTag::new(0x8C9E0102);
/// `PidTagAddressBookSeniorityIndex`: property id 0x8CA0, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_SENIORITY_INDEX: PropertyTag = PropertyTag::new(0x8CA00003);
/// `PidTagAddressBookOrganizationalUnitRootDistinguishedName`: property id 0x8CA8, PtypString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_ORGANIZATIONAL_UNIT_ROOT_DISTINGUISHED_NAME: PropertyTag =
    PropertyTag::new(0x8CA8001F);
/// `PidTagAddressBookSenderHintTranslations`: property id 0x8CAC, PtypMultipleString; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_SENDER_HINT_TRANSLATIONS: PropertyTag = PropertyTag::new(0x8CAC101F);
/// `PidTagAddressBookModerationEnabled`: property id 0x8CB5, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_MODERATION_ENABLED: PropertyTag = PropertyTag::new(0x8CB5000B);
/// `PidTagSpokenName`: property id 0x8CC2, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_SPOKEN_NAME: PropertyTag = PropertyTag::new(0x8CC20102);
/// `PidTagAddressBookAuthorizedSenders`: property id 0x8CD8, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_AUTHORIZED_SENDERS: PropertyTag = PropertyTag::new(0x8CD8000D);
/// `PidTagAddressBookUnauthorizedSenders`: property id 0x8CD9, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_UNAUTHORIZED_SENDERS: PropertyTag = PropertyTag::new(0x8CD9000D);
/// `PidTagAddressBookDistributionListMemberSubmitRejected`: property id 0x8CDA, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_MEMBER_SUBMIT_REJECTED: PropertyTag =
    PropertyTag::new(0x8CDA000D);
/// `PidTagAddressBookDistributionListRejectMessagesFromDLMembers`: property id 0x8CDB, PtypObject; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_REJECT_MESSAGES_FROM_DL_MEMBERS: PropertyTag =
    PropertyTag::new(0x8CDB000D);
/// `PidTagAddressBookHierarchicalIsHierarchicalGroup`: property id 0x8CDD, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_HIERARCHICAL_IS_HIERARCHICAL_GROUP: PropertyTag =
    PropertyTag::new(0x8CDD000B);
/// `PidTagAddressBookDistributionListMemberCount`: property id 0x8CE2, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_MEMBER_COUNT: PropertyTag =
    PropertyTag::new(0x8CE20003);
/// `PidTagAddressBookDistributionListExternalMemberCount`: property id 0x8CE3, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_EXTERNAL_MEMBER_COUNT: PropertyTag =
    PropertyTag::new(0x8CE30003);
/// `PidTagAddressBookIsMaster`: property id 0xFFFB, PtypBoolean; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_IS_MASTER: PropertyTag = PropertyTag::new(0xFFFB000B);
/// `PidTagAddressBookParentEntryId`: property id 0xFFFC, PtypBinary; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_PARENT_ENTRY_ID: PropertyTag = PropertyTag::new(0xFFFC0102);
/// `PidTagAddressBookContainerId`: property id 0xFFFD, PtypInteger32; canonical name and type from MS-OXPROPS section 2 (properties are listed alphabetically by canonical name).
pub const PID_TAG_ADDRESS_BOOK_CONTAINER_ID: PropertyTag = PropertyTag::new(0xFFFD0003);

/// Every tag this module names, with its canonical name, sorted by tag value (and so by
/// property id). One property id can appear with several types (PidTagHtml and PidTagBodyHtml
/// share 0x1013; PidTagMessageSize and PidTagMessageSizeExtended share 0x0E08).
pub static TAGS: &[(PropertyTag, &str)] = &[
    (
        PID_TAG_ALTERNATE_RECIPIENT_ALLOWED,
        "PidTagAlternateRecipientAllowed",
    ),
    (PID_TAG_IMPORTANCE, "PidTagImportance"),
    (PID_TAG_MESSAGE_CLASS, "PidTagMessageClass"),
    (
        PID_TAG_ORIGINATOR_DELIVERY_REPORT_REQUESTED,
        "PidTagOriginatorDeliveryReportRequested",
    ),
    (PID_TAG_PRIORITY, "PidTagPriority"),
    (PID_TAG_READ_RECEIPT_REQUESTED, "PidTagReadReceiptRequested"),
    (PID_TAG_ORIGINAL_SENSITIVITY, "PidTagOriginalSensitivity"),
    (PID_TAG_SENSITIVITY, "PidTagSensitivity"),
    (PID_TAG_SUBJECT, "PidTagSubject"),
    (PID_TAG_CLIENT_SUBMIT_TIME, "PidTagClientSubmitTime"),
    (
        PID_TAG_SENT_REPRESENTING_SEARCH_KEY,
        "PidTagSentRepresentingSearchKey",
    ),
    (PID_TAG_SUBJECT_PREFIX, "PidTagSubjectPrefix"),
    (PID_TAG_RECEIVED_BY_ENTRY_ID, "PidTagReceivedByEntryId"),
    (PID_TAG_RECEIVED_BY_NAME, "PidTagReceivedByName"),
    (
        PID_TAG_SENT_REPRESENTING_ENTRY_ID,
        "PidTagSentRepresentingEntryId",
    ),
    (PID_TAG_SENT_REPRESENTING_NAME, "PidTagSentRepresentingName"),
    (
        PID_TAG_RECEIVED_REPRESENTING_ENTRY_ID,
        "PidTagReceivedRepresentingEntryId",
    ),
    (
        PID_TAG_RECEIVED_REPRESENTING_NAME,
        "PidTagReceivedRepresentingName",
    ),
    (PID_TAG_MESSAGE_SUBMISSION_ID, "PidTagMessageSubmissionId"),
    (PID_TAG_ORIGINAL_SUBJECT, "PidTagOriginalSubject"),
    (
        PID_TAG_REPLY_RECIPIENT_ENTRIES,
        "PidTagReplyRecipientEntries",
    ),
    (PID_TAG_REPLY_RECIPIENT_NAMES, "PidTagReplyRecipientNames"),
    (PID_TAG_RECEIVED_BY_SEARCH_KEY, "PidTagReceivedBySearchKey"),
    (
        PID_TAG_RECEIVED_REPRESENTING_SEARCH_KEY,
        "PidTagReceivedRepresentingSearchKey",
    ),
    (PID_TAG_MESSAGE_TO_ME, "PidTagMessageToMe"),
    (PID_TAG_MESSAGE_CC_ME, "PidTagMessageCcMe"),
    (PID_TAG_MESSAGE_RECIPIENT_ME, "PidTagMessageRecipientMe"),
    (
        PID_TAG_SENT_REPRESENTING_ADDRESS_TYPE,
        "PidTagSentRepresentingAddressType",
    ),
    (
        PID_TAG_SENT_REPRESENTING_EMAIL_ADDRESS,
        "PidTagSentRepresentingEmailAddress",
    ),
    (PID_TAG_CONVERSATION_TOPIC, "PidTagConversationTopic"),
    (PID_TAG_CONVERSATION_INDEX, "PidTagConversationIndex"),
    (
        PID_TAG_RECEIVED_BY_ADDRESS_TYPE,
        "PidTagReceivedByAddressType",
    ),
    (
        PID_TAG_RECEIVED_BY_EMAIL_ADDRESS,
        "PidTagReceivedByEmailAddress",
    ),
    (
        PID_TAG_RECEIVED_REPRESENTING_ADDRESS_TYPE,
        "PidTagReceivedRepresentingAddressType",
    ),
    (
        PID_TAG_RECEIVED_REPRESENTING_EMAIL_ADDRESS,
        "PidTagReceivedRepresentingEmailAddress",
    ),
    (
        PID_TAG_TRANSPORT_MESSAGE_HEADERS,
        "PidTagTransportMessageHeaders",
    ),
    (
        PID_TAG_ADDRESS_BOOK_ROOM_CAPACITY,
        "PidTagAddressBookRoomCapacity",
    ),
    (
        PID_TAG_ADDRESS_BOOK_ROOM_DESCRIPTION,
        "PidTagAddressBookRoomDescription",
    ),
    (PID_TAG_RECIPIENT_TYPE, "PidTagRecipientType"),
    (PID_TAG_REPLY_REQUESTED, "PidTagReplyRequested"),
    (PID_TAG_SENDER_ENTRY_ID, "PidTagSenderEntryId"),
    (PID_TAG_SENDER_NAME, "PidTagSenderName"),
    (PID_TAG_SENDER_SEARCH_KEY, "PidTagSenderSearchKey"),
    (PID_TAG_SENDER_ADDRESS_TYPE, "PidTagSenderAddressType"),
    (PID_TAG_SENDER_EMAIL_ADDRESS, "PidTagSenderEmailAddress"),
    (PID_TAG_DELETE_AFTER_SUBMIT, "PidTagDeleteAfterSubmit"),
    (PID_TAG_DISPLAY_BCC, "PidTagDisplayBcc"),
    (PID_TAG_DISPLAY_CC, "PidTagDisplayCc"),
    (PID_TAG_DISPLAY_TO, "PidTagDisplayTo"),
    (PID_TAG_PARENT_DISPLAY, "PidTagParentDisplay"),
    (PID_TAG_MESSAGE_DELIVERY_TIME, "PidTagMessageDeliveryTime"),
    (PID_TAG_MESSAGE_FLAGS, "PidTagMessageFlags"),
    (PID_TAG_MESSAGE_SIZE, "PidTagMessageSize"),
    (PID_TAG_MESSAGE_SIZE_EXTENDED, "PidTagMessageSizeExtended"),
    (PID_TAG_PARENT_ENTRY_ID, "PidTagParentEntryId"),
    (PID_TAG_SENT_MAIL_ENTRY_ID, "PidTagSentMailEntryId"),
    (PID_TAG_RESPONSIBILITY, "PidTagResponsibility"),
    (PID_TAG_MESSAGE_RECIPIENTS, "PidTagMessageRecipients"),
    (PID_TAG_MESSAGE_ATTACHMENTS, "PidTagMessageAttachments"),
    (PID_TAG_SUBMIT_FLAGS, "PidTagSubmitFlags"),
    (PID_TAG_RECIPIENT_STATUS, "PidTagRecipientStatus"),
    (PID_TAG_MESSAGE_STATUS, "PidTagMessageStatus"),
    (PID_TAG_HAS_ATTACHMENTS, "PidTagHasAttachments"),
    (PID_TAG_NORMALIZED_SUBJECT, "PidTagNormalizedSubject"),
    (PID_TAG_RTF_IN_SYNC, "PidTagRtfInSync"),
    (PID_TAG_ATTACH_SIZE, "PidTagAttachSize"),
    (PID_TAG_ATTACH_NUMBER, "PidTagAttachNumber"),
    (
        PID_TAG_INTERNET_ARTICLE_NUMBER,
        "PidTagInternetArticleNumber",
    ),
    (PID_TAG_PRIMARY_SEND_ACCOUNT, "PidTagPrimarySendAccount"),
    (PID_TAG_TO_DO_ITEM_FLAGS, "PidTagToDoItemFlags"),
    (PID_TAG_READ, "PidTagRead"),
    (PID_TAG_TRUST_SENDER, "PidTagTrustSender"),
    (PID_TAG_ACCESS, "PidTagAccess"),
    (PID_TAG_ROW_TYPE, "PidTagRowType"),
    (PID_TAG_INSTANCE_KEY, "PidTagInstanceKey"),
    (PID_TAG_ACCESS_LEVEL, "PidTagAccessLevel"),
    (PID_TAG_MAPPING_SIGNATURE, "PidTagMappingSignature"),
    (PID_TAG_RECORD_KEY, "PidTagRecordKey"),
    (PID_TAG_STORE_RECORD_KEY, "PidTagStoreRecordKey"),
    (PID_TAG_STORE_ENTRY_ID, "PidTagStoreEntryId"),
    (PID_TAG_OBJECT_TYPE, "PidTagObjectType"),
    (PID_TAG_ENTRY_ID, "PidTagEntryId"),
    (PID_TAG_BODY, "PidTagBody"),
    (PID_TAG_REPORT_TEXT, "PidTagReportText"),
    (PID_TAG_RTF_COMPRESSED, "PidTagRtfCompressed"),
    (PID_TAG_BODY_HTML, "PidTagBodyHtml"),
    (PID_TAG_HTML, "PidTagHtml"),
    (PID_TAG_BODY_CONTENT_LOCATION, "PidTagBodyContentLocation"),
    (PID_TAG_BODY_CONTENT_ID, "PidTagBodyContentId"),
    (PID_TAG_NATIVE_BODY, "PidTagNativeBody"),
    (PID_TAG_INTERNET_MESSAGE_ID, "PidTagInternetMessageId"),
    (PID_TAG_INTERNET_REFERENCES, "PidTagInternetReferences"),
    (PID_TAG_IN_REPLY_TO_ID, "PidTagInReplyToId"),
    (PID_TAG_INTERNET_RETURN_PATH, "PidTagInternetReturnPath"),
    (PID_TAG_ICON_INDEX, "PidTagIconIndex"),
    (PID_TAG_LAST_VERB_EXECUTED, "PidTagLastVerbExecuted"),
    (
        PID_TAG_LAST_VERB_EXECUTION_TIME,
        "PidTagLastVerbExecutionTime",
    ),
    (PID_TAG_FLAG_STATUS, "PidTagFlagStatus"),
    (PID_TAG_FLAG_COMPLETE_TIME, "PidTagFlagCompleteTime"),
    (PID_TAG_FOLLOWUP_ICON, "PidTagFollowupIcon"),
    (PID_TAG_BLOCK_STATUS, "PidTagBlockStatus"),
    (PID_TAG_ATTRIBUTE_HIDDEN, "PidTagAttributeHidden"),
    (PID_TAG_ATTRIBUTE_READ_ONLY, "PidTagAttributeReadOnly"),
    (PID_TAG_ROWID, "PidTagRowid"),
    (PID_TAG_DISPLAY_NAME, "PidTagDisplayName"),
    (PID_TAG_ADDRESS_TYPE, "PidTagAddressType"),
    (PID_TAG_EMAIL_ADDRESS, "PidTagEmailAddress"),
    (PID_TAG_COMMENT, "PidTagComment"),
    (PID_TAG_DEPTH, "PidTagDepth"),
    (PID_TAG_PROVIDER_DISPLAY, "PidTagProviderDisplay"),
    (PID_TAG_CREATION_TIME, "PidTagCreationTime"),
    (PID_TAG_LAST_MODIFICATION_TIME, "PidTagLastModificationTime"),
    (PID_TAG_RESOURCE_FLAGS, "PidTagResourceFlags"),
    (PID_TAG_PROVIDER_DLL_NAME, "PidTagProviderDllName"),
    (PID_TAG_SEARCH_KEY, "PidTagSearchKey"),
    (PID_TAG_PROVIDER_UID, "PidTagProviderUid"),
    (PID_TAG_PROVIDER_ORDINAL, "PidTagProviderOrdinal"),
    (PID_TAG_TARGET_ENTRY_ID, "PidTagTargetEntryId"),
    (PID_TAG_CONVERSATION_ID, "PidTagConversationId"),
    (
        PID_TAG_CONVERSATION_INDEX_TRACKING,
        "PidTagConversationIndexTracking",
    ),
    (PID_TAG_POLICY_TAG, "PidTagPolicyTag"),
    (PID_TAG_RETENTION_PERIOD, "PidTagRetentionPeriod"),
    (PID_TAG_DEFAULT_STORE, "PidTagDefaultStore"),
    (PID_TAG_STORE_SUPPORT_MASK, "PidTagStoreSupportMask"),
    (PID_TAG_STORE_STATE, "PidTagStoreState"),
    (PID_TAG_STORE_UNICODE_MASK, "PidTagStoreUnicodeMask"),
    (PID_TAG_IPM_SUBTREE_SEARCH_KEY, "PidTagIpmSubtreeSearchKey"),
    (PID_TAG_IPM_OUTBOX_SEARCH_KEY, "PidTagIpmOutboxSearchKey"),
    (
        PID_TAG_IPM_WASTEBASKET_SEARCH_KEY,
        "PidTagIpmWastebasketSearchKey",
    ),
    (
        PID_TAG_IPM_SENT_MAIL_SEARCH_KEY,
        "PidTagIpmSentMailSearchKey",
    ),
    (PID_TAG_STORE_PROVIDER, "PidTagStoreProvider"),
    (PID_TAG_PROVIDER_DISPLAY_NAME, "PidTagProviderDisplayName"),
    (PID_TAG_VALID_FOLDER_MASK, "PidTagValidFolderMask"),
    (PID_TAG_IPM_SUBTREE_ENTRY_ID, "PidTagIpmSubtreeEntryId"),
    (PID_TAG_IPM_OUTBOX_ENTRY_ID, "PidTagIpmOutboxEntryId"),
    (
        PID_TAG_IPM_WASTEBASKET_ENTRY_ID,
        "PidTagIpmWastebasketEntryId",
    ),
    (PID_TAG_IPM_SENT_MAIL_ENTRY_ID, "PidTagIpmSentMailEntryId"),
    (PID_TAG_VIEWS_ENTRY_ID, "PidTagViewsEntryId"),
    (PID_TAG_COMMON_VIEWS_ENTRY_ID, "PidTagCommonViewsEntryId"),
    (PID_TAG_FINDER_ENTRY_ID, "PidTagFinderEntryId"),
    (PID_TAG_CONTAINER_FLAGS, "PidTagContainerFlags"),
    (PID_TAG_FOLDER_TYPE, "PidTagFolderType"),
    (PID_TAG_CONTENT_COUNT, "PidTagContentCount"),
    (PID_TAG_CONTENT_UNREAD_COUNT, "PidTagContentUnreadCount"),
    (PID_TAG_DETAILS_TABLE, "PidTagDetailsTable"),
    (PID_TAG_SELECTABLE, "PidTagSelectable"),
    (PID_TAG_SUBFOLDERS, "PidTagSubfolders"),
    (PID_TAG_STATUS, "PidTagStatus"),
    (PID_TAG_ANR, "PidTagAnr"),
    (PID_TAG_CONTAINER_HIERARCHY, "PidTagContainerHierarchy"),
    (PID_TAG_CONTAINER_CONTENTS, "PidTagContainerContents"),
    (
        PID_TAG_FOLDER_ASSOCIATED_CONTENTS,
        "PidTagFolderAssociatedContents",
    ),
    (PID_TAG_CONTAINER_CLASS, "PidTagContainerClass"),
    (PID_TAG_DEFAULT_VIEW_ENTRY_ID, "PidTagDefaultViewEntryId"),
    (
        PID_TAG_ASSOCIATED_CONTENT_COUNT,
        "PidTagAssociatedContentCount",
    ),
    (
        PID_TAG_IPM_APPOINTMENT_ENTRY_ID,
        "PidTagIpmAppointmentEntryId",
    ),
    (PID_TAG_IPM_CONTACT_ENTRY_ID, "PidTagIpmContactEntryId"),
    (PID_TAG_IPM_JOURNAL_ENTRY_ID, "PidTagIpmJournalEntryId"),
    (PID_TAG_IPM_NOTE_ENTRY_ID, "PidTagIpmNoteEntryId"),
    (PID_TAG_IPM_TASK_ENTRY_ID, "PidTagIpmTaskEntryId"),
    (
        PID_TAG_REMINDERS_ONLINE_ENTRY_ID,
        "PidTagRemindersOnlineEntryId",
    ),
    (PID_TAG_IPM_DRAFTS_ENTRY_ID, "PidTagIpmDraftsEntryId"),
    (
        PID_TAG_ADDITIONAL_REN_ENTRY_IDS,
        "PidTagAdditionalRenEntryIds",
    ),
    (
        PID_TAG_ADDITIONAL_REN_ENTRY_IDS_EX,
        "PidTagAdditionalRenEntryIdsEx",
    ),
    (PID_TAG_EXTENDED_FOLDER_FLAGS, "PidTagExtendedFolderFlags"),
    (PID_TAG_ORDINAL_MOST, "PidTagOrdinalMost"),
    (PID_TAG_FREE_BUSY_ENTRY_IDS, "PidTagFreeBusyEntryIds"),
    (
        PID_TAG_DEFAULT_POST_MESSAGE_CLASS,
        "PidTagDefaultPostMessageClass",
    ),
    (PID_TAG_ATTACH_DATA_OBJECT, "PidTagAttachDataObject"),
    (PID_TAG_ATTACH_DATA_BINARY, "PidTagAttachDataBinary"),
    (PID_TAG_ATTACH_ENCODING, "PidTagAttachEncoding"),
    (PID_TAG_ATTACH_EXTENSION, "PidTagAttachExtension"),
    (PID_TAG_ATTACH_FILENAME, "PidTagAttachFilename"),
    (PID_TAG_ATTACH_METHOD, "PidTagAttachMethod"),
    (PID_TAG_ATTACH_LONG_FILENAME, "PidTagAttachLongFilename"),
    (PID_TAG_ATTACH_PATHNAME, "PidTagAttachPathname"),
    (PID_TAG_ATTACH_RENDERING, "PidTagAttachRendering"),
    (PID_TAG_ATTACH_TAG, "PidTagAttachTag"),
    (PID_TAG_RENDERING_POSITION, "PidTagRenderingPosition"),
    (PID_TAG_ATTACH_LONG_PATHNAME, "PidTagAttachLongPathname"),
    (PID_TAG_ATTACH_MIME_TAG, "PidTagAttachMimeTag"),
    (PID_TAG_ATTACH_CONTENT_BASE, "PidTagAttachContentBase"),
    (PID_TAG_ATTACH_CONTENT_ID, "PidTagAttachContentId"),
    (
        PID_TAG_ATTACH_CONTENT_LOCATION,
        "PidTagAttachContentLocation",
    ),
    (PID_TAG_ATTACH_FLAGS, "PidTagAttachFlags"),
    (PID_TAG_DISPLAY_TYPE, "PidTagDisplayType"),
    (PID_TAG_TEMPLATEID, "PidTagTemplateid"),
    (PID_TAG_DISPLAY_TYPE_EX, "PidTagDisplayTypeEx"),
    (PID_TAG_SMTP_ADDRESS, "PidTagSmtpAddress"),
    (
        PID_TAG_ADDRESS_BOOK_DISPLAY_NAME_PRINTABLE,
        "PidTagAddressBookDisplayNamePrintable",
    ),
    (PID_TAG_ACCOUNT, "PidTagAccount"),
    (
        PID_TAG_CALLBACK_TELEPHONE_NUMBER,
        "PidTagCallbackTelephoneNumber",
    ),
    (PID_TAG_GENERATION, "PidTagGeneration"),
    (PID_TAG_GIVEN_NAME, "PidTagGivenName"),
    (PID_TAG_GOVERNMENT_ID_NUMBER, "PidTagGovernmentIdNumber"),
    (
        PID_TAG_BUSINESS_TELEPHONE_NUMBER,
        "PidTagBusinessTelephoneNumber",
    ),
    (PID_TAG_HOME_TELEPHONE_NUMBER, "PidTagHomeTelephoneNumber"),
    (PID_TAG_INITIALS, "PidTagInitials"),
    (PID_TAG_KEYWORD, "PidTagKeyword"),
    (PID_TAG_LANGUAGE, "PidTagLanguage"),
    (PID_TAG_LOCATION, "PidTagLocation"),
    (
        PID_TAG_MESSAGE_HANDLING_SYSTEM_COMMON_NAME,
        "PidTagMessageHandlingSystemCommonName",
    ),
    (
        PID_TAG_ORGANIZATIONAL_ID_NUMBER,
        "PidTagOrganizationalIdNumber",
    ),
    (PID_TAG_SURNAME, "PidTagSurname"),
    (PID_TAG_ORIGINAL_ENTRY_ID, "PidTagOriginalEntryId"),
    (PID_TAG_ORIGINAL_DISPLAY_NAME, "PidTagOriginalDisplayName"),
    (PID_TAG_ORIGINAL_SEARCH_KEY, "PidTagOriginalSearchKey"),
    (PID_TAG_POSTAL_ADDRESS, "PidTagPostalAddress"),
    (PID_TAG_COMPANY_NAME, "PidTagCompanyName"),
    (PID_TAG_TITLE, "PidTagTitle"),
    (PID_TAG_DEPARTMENT_NAME, "PidTagDepartmentName"),
    (PID_TAG_OFFICE_LOCATION, "PidTagOfficeLocation"),
    (
        PID_TAG_PRIMARY_TELEPHONE_NUMBER,
        "PidTagPrimaryTelephoneNumber",
    ),
    (
        PID_TAG_BUSINESS2_TELEPHONE_NUMBER,
        "PidTagBusiness2TelephoneNumber",
    ),
    (
        PID_TAG_BUSINESS2_TELEPHONE_NUMBERS,
        "PidTagBusiness2TelephoneNumbers",
    ),
    (
        PID_TAG_MOBILE_TELEPHONE_NUMBER,
        "PidTagMobileTelephoneNumber",
    ),
    (PID_TAG_RADIO_TELEPHONE_NUMBER, "PidTagRadioTelephoneNumber"),
    (PID_TAG_CAR_TELEPHONE_NUMBER, "PidTagCarTelephoneNumber"),
    (PID_TAG_OTHER_TELEPHONE_NUMBER, "PidTagOtherTelephoneNumber"),
    (
        PID_TAG_TRANSMITTABLE_DISPLAY_NAME,
        "PidTagTransmittableDisplayName",
    ),
    (PID_TAG_PAGER_TELEPHONE_NUMBER, "PidTagPagerTelephoneNumber"),
    (PID_TAG_USER_CERTIFICATE, "PidTagUserCertificate"),
    (PID_TAG_PRIMARY_FAX_NUMBER, "PidTagPrimaryFaxNumber"),
    (PID_TAG_BUSINESS_FAX_NUMBER, "PidTagBusinessFaxNumber"),
    (PID_TAG_HOME_FAX_NUMBER, "PidTagHomeFaxNumber"),
    (PID_TAG_COUNTRY, "PidTagCountry"),
    (PID_TAG_LOCALITY, "PidTagLocality"),
    (PID_TAG_STATE_OR_PROVINCE, "PidTagStateOrProvince"),
    (PID_TAG_STREET_ADDRESS, "PidTagStreetAddress"),
    (PID_TAG_POSTAL_CODE, "PidTagPostalCode"),
    (PID_TAG_POST_OFFICE_BOX, "PidTagPostOfficeBox"),
    (PID_TAG_TELEX_NUMBER, "PidTagTelexNumber"),
    (PID_TAG_ISDN_NUMBER, "PidTagIsdnNumber"),
    (
        PID_TAG_ASSISTANT_TELEPHONE_NUMBER,
        "PidTagAssistantTelephoneNumber",
    ),
    (PID_TAG_HOME2_TELEPHONE_NUMBER, "PidTagHome2TelephoneNumber"),
    (PID_TAG_ASSISTANT, "PidTagAssistant"),
    (PID_TAG_SEND_RICH_INFO, "PidTagSendRichInfo"),
    (PID_TAG_WEDDING_ANNIVERSARY, "PidTagWeddingAnniversary"),
    (PID_TAG_BIRTHDAY, "PidTagBirthday"),
    (PID_TAG_MIDDLE_NAME, "PidTagMiddleName"),
    (PID_TAG_DISPLAY_NAME_PREFIX, "PidTagDisplayNamePrefix"),
    (PID_TAG_MANAGER_NAME, "PidTagManagerName"),
    (PID_TAG_NICKNAME, "PidTagNickname"),
    (PID_TAG_BUSINESS_HOME_PAGE, "PidTagBusinessHomePage"),
    (PID_TAG_HOME_ADDRESS_STREET, "PidTagHomeAddressStreet"),
    (PID_TAG_USER_X509_CERTIFICATE, "PidTagUserX509Certificate"),
    (PID_TAG_SEND_INTERNET_ENCODING, "PidTagSendInternetEncoding"),
    (PID_TAG_SERVICE_NAME, "PidTagServiceName"),
    (PID_TAG_SERVICE_DLL_NAME, "PidTagServiceDllName"),
    (PID_TAG_SERVICE_UID, "PidTagServiceUid"),
    (PID_TAG_PROFILE_NAME, "PidTagProfileName"),
    (PID_TAG_IDENTITY_DISPLAY, "PidTagIdentityDisplay"),
    (PID_TAG_IDENTITY_ENTRY_ID, "PidTagIdentityEntryId"),
    (PID_TAG_RESOURCE_METHODS, "PidTagResourceMethods"),
    (PID_TAG_RESOURCE_TYPE, "PidTagResourceType"),
    (PID_TAG_STATUS_CODE, "PidTagStatusCode"),
    (PID_TAG_IDENTITY_SEARCH_KEY, "PidTagIdentitySearchKey"),
    (PID_TAG_OWN_STORE_ENTRY_ID, "PidTagOwnStoreEntryId"),
    (PID_TAG_RESOURCE_PATH, "PidTagResourcePath"),
    (PID_TAG_STATUS_STRING, "PidTagStatusString"),
    (PID_TAG_REMOTE_PROGRESS, "PidTagRemoteProgress"),
    (PID_TAG_REMOTE_PROGRESS_TEXT, "PidTagRemoteProgressText"),
    (PID_TAG_REMOTE_VALIDATE_OK, "PidTagRemoteValidateOk"),
    (PID_TAG_CONTROL_FLAGS, "PidTagControlFlags"),
    (PID_TAG_CONTROL_STRUCTURE, "PidTagControlStructure"),
    (PID_TAG_CONTROL_TYPE, "PidTagControlType"),
    (PID_TAG_CONTROL_ID, "PidTagControlId"),
    (PID_TAG_INTERNET_CODEPAGE, "PidTagInternetCodepage"),
    (PID_TAG_AUTO_RESPONSE_SUPPRESS, "PidTagAutoResponseSuppress"),
    (
        PID_TAG_ACCESS_CONTROL_LIST_TABLE,
        "PidTagAccessControlListTable",
    ),
    (
        PID_TAG_ACCESS_CONTROL_LIST_DATA,
        "PidTagAccessControlListData",
    ),
    (PID_TAG_RULES_TABLE, "PidTagRulesTable"),
    (PID_TAG_RESOLVE_METHOD, "PidTagResolveMethod"),
    (
        PID_TAG_HAS_DEFERRED_ACTION_MESSAGES,
        "PidTagHasDeferredActionMessages",
    ),
    (PID_TAG_DEFERRED_SEND_TIME, "PidTagDeferredSendTime"),
    (PID_TAG_CONFLICT_ENTRY_ID, "PidTagConflictEntryId"),
    (PID_TAG_MESSAGE_LOCALE_ID, "PidTagMessageLocaleId"),
    (PID_TAG_CREATOR_NAME, "PidTagCreatorName"),
    (PID_TAG_CREATOR_ENTRY_ID, "PidTagCreatorEntryId"),
    (PID_TAG_LAST_MODIFIER_NAME, "PidTagLastModifierName"),
    (PID_TAG_LAST_MODIFIER_ENTRY_ID, "PidTagLastModifierEntryId"),
    (PID_TAG_MESSAGE_CODEPAGE, "PidTagMessageCodepage"),
    (
        PID_TAG_SENT_REPRESENTING_FLAGS,
        "PidTagSentRepresentingFlags",
    ),
    (
        PID_TAG_READ_RECEIPT_ADDRESS_TYPE,
        "PidTagReadReceiptAddressType",
    ),
    (
        PID_TAG_READ_RECEIPT_EMAIL_ADDRESS,
        "PidTagReadReceiptEmailAddress",
    ),
    (PID_TAG_READ_RECEIPT_NAME, "PidTagReadReceiptName"),
    (
        PID_TAG_CONTENT_FILTER_SPAM_CONFIDENCE_LEVEL,
        "PidTagContentFilterSpamConfidenceLevel",
    ),
    (
        PID_TAG_INTERNET_MAIL_OVERRIDE_FORMAT,
        "PidTagInternetMailOverrideFormat",
    ),
    (PID_TAG_MESSAGE_EDITOR_FORMAT, "PidTagMessageEditorFormat"),
    (PID_TAG_SENDER_SMTP_ADDRESS, "PidTagSenderSmtpAddress"),
    (
        PID_TAG_SENT_REPRESENTING_SMTP_ADDRESS,
        "PidTagSentRepresentingSmtpAddress",
    ),
    (
        PID_TAG_READ_RECEIPT_SMTP_ADDRESS,
        "PidTagReadReceiptSmtpAddress",
    ),
    (
        PID_TAG_RECEIVED_BY_SMTP_ADDRESS,
        "PidTagReceivedBySmtpAddress",
    ),
    (
        PID_TAG_RECEIVED_REPRESENTING_SMTP_ADDRESS,
        "PidTagReceivedRepresentingSmtpAddress",
    ),
    (PID_TAG_RECIPIENT_ORDER, "PidTagRecipientOrder"),
    (PID_TAG_RECIPIENT_PROPOSED, "PidTagRecipientProposed"),
    (PID_TAG_RECIPIENT_DISPLAY_NAME, "PidTagRecipientDisplayName"),
    (PID_TAG_RECIPIENT_ENTRY_ID, "PidTagRecipientEntryId"),
    (
        PID_TAG_RECIPIENT_TRACK_STATUS_TIME,
        "PidTagRecipientTrackStatusTime",
    ),
    (PID_TAG_RECIPIENT_FLAGS, "PidTagRecipientFlags"),
    (PID_TAG_RECIPIENT_TRACK_STATUS, "PidTagRecipientTrackStatus"),
    (PID_TAG_REPLY_TEMPLATE_ID, "PidTagReplyTemplateId"),
    (PID_TAG_SOURCE_KEY, "PidTagSourceKey"),
    (PID_TAG_PARENT_SOURCE_KEY, "PidTagParentSourceKey"),
    (PID_TAG_CHANGE_KEY, "PidTagChangeKey"),
    (
        PID_TAG_PREDECESSOR_CHANGE_LIST,
        "PidTagPredecessorChangeList",
    ),
    (PID_TAG_RULE_MESSAGE_STATE, "PidTagRuleMessageState"),
    (
        PID_TAG_RULE_MESSAGE_USER_FLAGS,
        "PidTagRuleMessageUserFlags",
    ),
    (PID_TAG_RULE_MESSAGE_PROVIDER, "PidTagRuleMessageProvider"),
    (PID_TAG_RULE_MESSAGE_NAME, "PidTagRuleMessageName"),
    (PID_TAG_RULE_MESSAGE_LEVEL, "PidTagRuleMessageLevel"),
    (
        PID_TAG_RULE_MESSAGE_PROVIDER_DATA,
        "PidTagRuleMessageProviderData",
    ),
    (PID_TAG_RULE_MESSAGE_SEQUENCE, "PidTagRuleMessageSequence"),
    (PID_TAG_USER_ENTRY_ID, "PidTagUserEntryId"),
    (PID_TAG_MAILBOX_OWNER_ENTRY_ID, "PidTagMailboxOwnerEntryId"),
    (PID_TAG_MAILBOX_OWNER_NAME, "PidTagMailboxOwnerName"),
    (PID_TAG_OUT_OF_OFFICE_STATE, "PidTagOutOfOfficeState"),
    (
        PID_TAG_NON_IPM_SUBTREE_ENTRY_ID,
        "PidTagNonIpmSubtreeEntryId",
    ),
    (
        PID_TAG_SCHEDULE_PLUS_FREE_BUSY_ENTRY_ID,
        "PidTagSchedulePlusFreeBusyEntryId",
    ),
    (
        PID_TAG_SERIALIZED_REPLID_GUID_MAP,
        "PidTagSerializedReplidGuidMap",
    ),
    (PID_TAG_RIGHTS, "PidTagRights"),
    (PID_TAG_HAS_RULES, "PidTagHasRules"),
    (PID_TAG_ADDRESS_BOOK_ENTRY_ID, "PidTagAddressBookEntryId"),
    (
        PID_TAG_HIERARCHY_CHANGE_NUMBER,
        "PidTagHierarchyChangeNumber",
    ),
    (PID_TAG_CLIENT_ACTIONS, "PidTagClientActions"),
    (PID_TAG_DAM_ORIGINAL_ENTRY_ID, "PidTagDamOriginalEntryId"),
    (PID_TAG_DAM_BACK_PATCHED, "PidTagDamBackPatched"),
    (PID_TAG_RULE_ERROR, "PidTagRuleError"),
    (PID_TAG_RULE_ACTION_TYPE, "PidTagRuleActionType"),
    (PID_TAG_HAS_NAMED_PROPERTIES, "PidTagHasNamedProperties"),
    (PID_TAG_RULE_ACTION_NUMBER, "PidTagRuleActionNumber"),
    (PID_TAG_RULE_FOLDER_ENTRY_ID, "PidTagRuleFolderEntryId"),
    (PID_TAG_PROHIBIT_RECEIVE_QUOTA, "PidTagProhibitReceiveQuota"),
    (PID_TAG_IN_CONFLICT, "PidTagInConflict"),
    (
        PID_TAG_MAXIMUM_SUBMIT_MESSAGE_SIZE,
        "PidTagMaximumSubmitMessageSize",
    ),
    (PID_TAG_PROHIBIT_SEND_QUOTA, "PidTagProhibitSendQuota"),
    (
        PID_TAG_LONG_TERM_ENTRY_ID_FROM_TABLE,
        "PidTagLongTermEntryIdFromTable",
    ),
    (PID_TAG_MEMBER_ID, "PidTagMemberId"),
    (PID_TAG_MEMBER_NAME, "PidTagMemberName"),
    (PID_TAG_MEMBER_RIGHTS, "PidTagMemberRights"),
    (PID_TAG_RULE_ID, "PidTagRuleId"),
    (PID_TAG_RULE_IDS, "PidTagRuleIds"),
    (PID_TAG_RULE_SEQUENCE, "PidTagRuleSequence"),
    (PID_TAG_RULE_STATE, "PidTagRuleState"),
    (PID_TAG_RULE_USER_FLAGS, "PidTagRuleUserFlags"),
    (PID_TAG_RULE_CONDITION, "PidTagRuleCondition"),
    (PID_TAG_RULE_ACTIONS, "PidTagRuleActions"),
    (PID_TAG_RULE_PROVIDER, "PidTagRuleProvider"),
    (PID_TAG_RULE_NAME, "PidTagRuleName"),
    (PID_TAG_RULE_LEVEL, "PidTagRuleLevel"),
    (PID_TAG_RULE_PROVIDER_DATA, "PidTagRuleProviderData"),
    (PID_TAG_DELETED_ON, "PidTagDeletedOn"),
    (PID_TAG_LOCALE_ID, "PidTagLocaleId"),
    (PID_TAG_FOLDER_FLAGS, "PidTagFolderFlags"),
    (PID_TAG_NORMAL_MESSAGE_SIZE, "PidTagNormalMessageSize"),
    (PID_TAG_CODE_PAGE_ID, "PidTagCodePageId"),
    (PID_TAG_SORT_LOCALE_ID, "PidTagSortLocaleId"),
    (PID_TAG_URL_NAME, "PidTagUrlName"),
    (PID_TAG_SUBFOLDER, "PidTagSubfolder"),
    (PID_TAG_LOCAL_COMMIT_TIME, "PidTagLocalCommitTime"),
    (PID_TAG_LOCAL_COMMIT_TIME_MAX, "PidTagLocalCommitTimeMax"),
    (PID_TAG_DELETED_COUNT_TOTAL, "PidTagDeletedCountTotal"),
    (PID_TAG_FLAT_URL_NAME, "PidTagFlatUrlName"),
    (PID_TAG_SENT_MAIL_SVR_EID, "PidTagSentMailSvrEID"),
    (
        PID_TAG_DEFERRED_ACTION_MESSAGE_ORIGINAL_ENTRY_ID,
        "PidTagDeferredActionMessageOriginalEntryId",
    ),
    (PID_TAG_FOLDER_ID, "PidTagFolderId"),
    (PID_TAG_PARENT_FOLDER_ID, "PidTagParentFolderId"),
    (PID_TAG_MID, "PidTagMid"),
    (PID_TAG_INST_ID, "PidTagInstID"),
    (PID_TAG_INSTANCE_NUM, "PidTagInstanceNum"),
    (
        PID_TAG_ADDRESS_BOOK_MESSAGE_ID,
        "PidTagAddressBookMessageId",
    ),
    (PID_TAG_CHANGE_NUMBER, "PidTagChangeNumber"),
    (PID_TAG_ASSOCIATED, "PidTagAssociated"),
    (PID_TAG_ATTACHMENT_LINK_ID, "PidTagAttachmentLinkId"),
    (PID_TAG_ATTACHMENT_FLAGS, "PidTagAttachmentFlags"),
    (PID_TAG_ATTACHMENT_HIDDEN, "PidTagAttachmentHidden"),
    (
        PID_TAG_ATTACHMENT_CONTACT_PHOTO,
        "PidTagAttachmentContactPhoto",
    ),
    (
        PID_TAG_ADDRESS_BOOK_FOLDER_PATHNAME,
        "PidTagAddressBookFolderPathname",
    ),
    (PID_TAG_ADDRESS_BOOK_MANAGER, "PidTagAddressBookManager"),
    (
        PID_TAG_ADDRESS_BOOK_MANAGER_DISTINGUISHED_NAME,
        "PidTagAddressBookManagerDistinguishedName",
    ),
    (
        PID_TAG_ADDRESS_BOOK_HOME_MESSAGE_DATABASE,
        "PidTagAddressBookHomeMessageDatabase",
    ),
    (PID_TAG_ADDRESS_BOOK_MEMBER, "PidTagAddressBookMember"),
    (PID_TAG_ADDRESS_BOOK_OWNER, "PidTagAddressBookOwner"),
    (PID_TAG_ADDRESS_BOOK_REPORTS, "PidTagAddressBookReports"),
    (
        PID_TAG_ADDRESS_BOOK_PROXY_ADDRESSES,
        "PidTagAddressBookProxyAddresses",
    ),
    (
        PID_TAG_ADDRESS_BOOK_TARGET_ADDRESS,
        "PidTagAddressBookTargetAddress",
    ),
    (
        PID_TAG_ADDRESS_BOOK_PUBLIC_DELEGATES,
        "PidTagAddressBookPublicDelegates",
    ),
    (
        PID_TAG_ADDRESS_BOOK_OWNER_BACK_LINK,
        "PidTagAddressBookOwnerBackLink",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE1,
        "PidTagAddressBookExtensionAttribute1",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE2,
        "PidTagAddressBookExtensionAttribute2",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE3,
        "PidTagAddressBookExtensionAttribute3",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE4,
        "PidTagAddressBookExtensionAttribute4",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE5,
        "PidTagAddressBookExtensionAttribute5",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE6,
        "PidTagAddressBookExtensionAttribute6",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE7,
        "PidTagAddressBookExtensionAttribute7",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE8,
        "PidTagAddressBookExtensionAttribute8",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE9,
        "PidTagAddressBookExtensionAttribute9",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE10,
        "PidTagAddressBookExtensionAttribute10",
    ),
    (
        PID_TAG_ADDRESS_BOOK_OBJECT_DISTINGUISHED_NAME,
        "PidTagAddressBookObjectDistinguishedName",
    ),
    (
        PID_TAG_ADDRESS_BOOK_DELIVERY_CONTENT_LENGTH,
        "PidTagAddressBookDeliveryContentLength",
    ),
    (
        PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_MEMBER_SUBMIT_ACCEPTED,
        "PidTagAddressBookDistributionListMemberSubmitAccepted",
    ),
    (
        PID_TAG_ADDRESS_BOOK_NETWORK_ADDRESS,
        "PidTagAddressBookNetworkAddress",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE11,
        "PidTagAddressBookExtensionAttribute11",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE12,
        "PidTagAddressBookExtensionAttribute12",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE13,
        "PidTagAddressBookExtensionAttribute13",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE14,
        "PidTagAddressBookExtensionAttribute14",
    ),
    (
        PID_TAG_ADDRESS_BOOK_EXTENSION_ATTRIBUTE15,
        "PidTagAddressBookExtensionAttribute15",
    ),
    (
        PID_TAG_ADDRESS_BOOK_X509_CERTIFICATE,
        "PidTagAddressBookX509Certificate",
    ),
    (
        PID_TAG_ADDRESS_BOOK_OBJECT_GUID,
        "PidTagAddressBookObjectGuid",
    ),
    (
        PID_TAG_ADDRESS_BOOK_PHONETIC_GIVEN_NAME,
        "PidTagAddressBookPhoneticGivenName",
    ),
    (
        PID_TAG_ADDRESS_BOOK_PHONETIC_SURNAME,
        "PidTagAddressBookPhoneticSurname",
    ),
    (
        PID_TAG_ADDRESS_BOOK_PHONETIC_DEPARTMENT_NAME,
        "PidTagAddressBookPhoneticDepartmentName",
    ),
    (
        PID_TAG_ADDRESS_BOOK_PHONETIC_COMPANY_NAME,
        "PidTagAddressBookPhoneticCompanyName",
    ),
    (
        PID_TAG_ADDRESS_BOOK_PHONETIC_DISPLAY_NAME,
        "PidTagAddressBookPhoneticDisplayName",
    ),
    (
        PID_TAG_ADDRESS_BOOK_DISPLAY_TYPE_EXTENDED,
        "PidTagAddressBookDisplayTypeExtended",
    ),
    (
        PID_TAG_ADDRESS_BOOK_HIERARCHICAL_SHOW_IN_DEPARTMENTS,
        "PidTagAddressBookHierarchicalShowInDepartments",
    ),
    (
        PID_TAG_ADDRESS_BOOK_ROOM_CONTAINERS,
        "PidTagAddressBookRoomContainers",
    ),
    (
        PID_TAG_ADDRESS_BOOK_HIERARCHICAL_DEPARTMENT_MEMBERS,
        "PidTagAddressBookHierarchicalDepartmentMembers",
    ),
    (
        PID_TAG_ADDRESS_BOOK_HIERARCHICAL_ROOT_DEPARTMENT,
        "PidTagAddressBookHierarchicalRootDepartment",
    ),
    (
        PID_TAG_ADDRESS_BOOK_HIERARCHICAL_PARENT_DEPARTMENT,
        "PidTagAddressBookHierarchicalParentDepartment",
    ),
    (
        PID_TAG_ADDRESS_BOOK_HIERARCHICAL_CHILD_DEPARTMENTS,
        "PidTagAddressBookHierarchicalChildDepartments",
    ),
    (PID_TAG_THUMBNAIL_PHOTO, "PidTagThumbnailPhoto"),
    (
        PID_TAG_ADDRESS_BOOK_SENIORITY_INDEX,
        "PidTagAddressBookSeniorityIndex",
    ),
    (
        PID_TAG_ADDRESS_BOOK_ORGANIZATIONAL_UNIT_ROOT_DISTINGUISHED_NAME,
        "PidTagAddressBookOrganizationalUnitRootDistinguishedName",
    ),
    (
        PID_TAG_ADDRESS_BOOK_SENDER_HINT_TRANSLATIONS,
        "PidTagAddressBookSenderHintTranslations",
    ),
    (
        PID_TAG_ADDRESS_BOOK_MODERATION_ENABLED,
        "PidTagAddressBookModerationEnabled",
    ),
    (PID_TAG_SPOKEN_NAME, "PidTagSpokenName"),
    (
        PID_TAG_ADDRESS_BOOK_AUTHORIZED_SENDERS,
        "PidTagAddressBookAuthorizedSenders",
    ),
    (
        PID_TAG_ADDRESS_BOOK_UNAUTHORIZED_SENDERS,
        "PidTagAddressBookUnauthorizedSenders",
    ),
    (
        PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_MEMBER_SUBMIT_REJECTED,
        "PidTagAddressBookDistributionListMemberSubmitRejected",
    ),
    (
        PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_REJECT_MESSAGES_FROM_DL_MEMBERS,
        "PidTagAddressBookDistributionListRejectMessagesFromDLMembers",
    ),
    (
        PID_TAG_ADDRESS_BOOK_HIERARCHICAL_IS_HIERARCHICAL_GROUP,
        "PidTagAddressBookHierarchicalIsHierarchicalGroup",
    ),
    (
        PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_MEMBER_COUNT,
        "PidTagAddressBookDistributionListMemberCount",
    ),
    (
        PID_TAG_ADDRESS_BOOK_DISTRIBUTION_LIST_EXTERNAL_MEMBER_COUNT,
        "PidTagAddressBookDistributionListExternalMemberCount",
    ),
    (PID_TAG_ADDRESS_BOOK_IS_MASTER, "PidTagAddressBookIsMaster"),
    (
        PID_TAG_ADDRESS_BOOK_PARENT_ENTRY_ID,
        "PidTagAddressBookParentEntryId",
    ),
    (
        PID_TAG_ADDRESS_BOOK_CONTAINER_ID,
        "PidTagAddressBookContainerId",
    ),
];

/// The canonical name of a tag: the exact tag first, else the first property listed with the
/// same property id whatever its type, so PidTagDisplayName is named as PtypString8
/// (0x3001001E) and as PtypErrorCode (0x3001000A) too.
pub fn name_of(tag: PropertyTag) -> Option<&'static str> {
    if let Ok(i) = TAGS.binary_search_by_key(&tag.0, |(t, _)| t.0) {
        return TAGS.get(i).map(|(_, n)| *n);
    }
    let id = tag.id();
    let i = TAGS.partition_point(|(t, _)| t.id() < id);
    match TAGS.get(i) {
        Some((t, n)) if t.id() == id => Some(n),
        _ => None,
    }
}

/// The tag of a canonical name (`"PidTagDisplayName"` gives 0x3001001F). Exact match first,
/// then ignoring ASCII case, so `pidtagdisplayname` typed on a command line works.
pub fn by_name(name: &str) -> Option<PropertyTag> {
    TAGS.iter()
        .find(|(_, n)| *n == name)
        .or_else(|| TAGS.iter().find(|(_, n)| n.eq_ignore_ascii_case(name)))
        .map(|(t, _)| *t)
}

/// A display form: the canonical name if known ([`name_of`], so by property id when the type
/// differs), else the tag as `0x%08X`.
pub fn describe(tag: PropertyTag) -> String {
    match name_of(tag) {
        Some(n) => n.to_owned(),
        None => format!("0x{:08X}", tag.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::property::tag::PropertyType;
    use std::collections::HashSet;

    #[test]
    fn table_is_sorted_with_unique_tags_and_names() {
        for w in TAGS.windows(2) {
            if let [(a, an), (b, bn)] = w {
                assert!(a.0 < b.0, "{an} 0x{:08X} / {bn} 0x{:08X}", a.0, b.0);
            }
        }
        let mut names = HashSet::new();
        for (t, n) in TAGS {
            assert!(names.insert(n.to_ascii_lowercase()), "duplicate name {n}");
            assert!(n.starts_with("PidTag"), "{n}");
            assert!(t.prop_type().name().is_some(), "{n} has an unknown type");
        }
        assert!(TAGS.len() >= 250, "{}", TAGS.len());
    }

    #[test]
    fn lookups_both_ways() {
        for (t, n) in TAGS {
            assert_eq!(by_name(n), Some(*t), "{n}");
            assert_eq!(describe(*t), *n);
            // The exact tag wins over another type listed with the same id.
            assert_eq!(name_of(*t), Some(*n));
        }
        assert_eq!(by_name("pidtagdisplayname"), Some(PID_TAG_DISPLAY_NAME));
        assert_eq!(by_name("PidTagNoSuchThing"), None);
        assert_eq!(name_of(PropertyTag::new(0x7ABC001F)), None);
        assert_eq!(describe(PropertyTag::new(0x7ABC001F)), "0x7ABC001F");
    }

    #[test]
    fn name_by_id_ignores_the_type() {
        let string8 = PID_TAG_DISPLAY_NAME.with_type(PropertyType::STRING8);
        assert_eq!(string8, PropertyTag::new(0x3001001E));
        assert_eq!(name_of(string8), Some("PidTagDisplayName"));
        let error = PID_TAG_DISPLAY_NAME.with_type(PropertyType::ERROR_CODE);
        assert_eq!(name_of(error), Some("PidTagDisplayName"));
        assert_eq!(
            describe(PropertyTag::new(0x3613000A)),
            "PidTagContainerClass"
        );
        // Shared ids keep each type's own name.
        assert_eq!(name_of(PropertyTag::new(0x10130102)), Some("PidTagHtml"));
        assert_eq!(
            name_of(PropertyTag::new(0x1013001F)),
            Some("PidTagBodyHtml")
        );
        assert_eq!(
            name_of(PropertyTag::new(0x0E080014)),
            Some("PidTagMessageSizeExtended")
        );
        assert_eq!(
            name_of(PropertyTag::new(0x0E080003)),
            Some("PidTagMessageSize")
        );
        // The first id in the table and the last one.
        assert_eq!(
            name_of(PropertyTag::new(0x0002000A)),
            Some("PidTagAlternateRecipientAllowed")
        );
        assert_eq!(
            name_of(PropertyTag::new(0xFFFD000A)),
            Some("PidTagAddressBookContainerId")
        );
    }

    /// Well-known values, as MS-OXPROPS and the Outlook MAPI reference give them.
    #[test]
    fn spot_checks() {
        let known: [(PropertyTag, u32); 24] = [
            (PID_TAG_DISPLAY_NAME, 0x3001001F),
            (PID_TAG_SUBJECT, 0x0037001F),
            (PID_TAG_MESSAGE_CLASS, 0x001A001F),
            (PID_TAG_ENTRY_ID, 0x0FFF0102),
            (PID_TAG_OBJECT_TYPE, 0x0FFE0003),
            (PID_TAG_EMAIL_ADDRESS, 0x3003001F),
            (PID_TAG_SMTP_ADDRESS, 0x39FE001F),
            (PID_TAG_FOLDER_ID, 0x67480014),
            (PID_TAG_MID, 0x674A0014),
            (PID_TAG_INST_ID, 0x674D0014),
            (PID_TAG_INSTANCE_NUM, 0x674E0003),
            (PID_TAG_CONTENT_COUNT, 0x36020003),
            (PID_TAG_CONTENT_UNREAD_COUNT, 0x36030003),
            (PID_TAG_SUBFOLDERS, 0x360A000B),
            (PID_TAG_CONTAINER_CLASS, 0x3613001F),
            (PID_TAG_MESSAGE_DELIVERY_TIME, 0x0E060040),
            (PID_TAG_STORE_SUPPORT_MASK, 0x340D0003),
            (PID_TAG_MAILBOX_OWNER_ENTRY_ID, 0x661B0102),
            (PID_TAG_IPM_SUBTREE_ENTRY_ID, 0x35E00102),
            (PID_TAG_ADDRESS_BOOK_CONTAINER_ID, 0xFFFD0003),
            (PID_TAG_ADDRESS_BOOK_HOME_MESSAGE_DATABASE, 0x8006001E),
            (PID_TAG_ADDRESS_BOOK_PROXY_ADDRESSES, 0x800F101F),
            (PID_TAG_RESOURCE_FLAGS, 0x30090003),
            (PID_TAG_IDENTITY_ENTRY_ID, 0x3E010102),
        ];
        for (tag, value) in known {
            assert_eq!(tag.0, value, "{}", describe(tag));
        }
        assert_eq!(PID_TAG_STATUS_CODE.0, 0x3E040003);
        assert_eq!(PID_TAG_STATUS_STRING.0, 0x3E08001F);
        assert_eq!(PID_TAG_RESOURCE_TYPE.0, 0x3E030003);
        assert_eq!(PID_TAG_PROVIDER_DISPLAY.0, 0x3006001F);
        assert_eq!(PID_TAG_MESSAGE_SIZE_EXTENDED.0, 0x0E080014);
        assert_eq!(PID_TAG_ATTACH_DATA_BINARY.0, 0x37010102);
        assert_eq!(PID_TAG_ATTACH_DATA_OBJECT.0, 0x3701000D);
    }

    /// Every tag the recorded Gromox sessions name (`PidTagXxx` in the HAR comments, and the
    /// bare `0xXXXXXXXX=` and column lists in them) has a name here.
    #[test]
    fn fixture_tags_are_named() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gromox");
        let mut names = HashSet::new();
        let mut tags = HashSet::new();
        for entry in std::fs::read_dir(&dir).expect("fixtures/gromox") {
            let path = entry.expect("dir entry").path();
            if path.extension().is_none_or(|e| e != "har") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read fixture");
            collect(&text, &mut names, &mut tags);
        }
        assert!(names.len() >= 20, "{names:?}");
        assert!(tags.len() >= 40, "{tags:?}");
        for n in &names {
            assert!(
                by_name(n).is_some(),
                "fixture names {n}, which the table lacks"
            );
        }
        for t in &tags {
            assert!(
                name_of(PropertyTag::new(*t)).is_some(),
                "fixture tag 0x{t:08X} unnamed"
            );
        }
    }

    /// Pulls `PidTag` names and 8-hex-digit tags (`0x0E070003=`, `[3001001F, ...]`) out of the
    /// recordings' comments.
    fn collect(text: &str, names: &mut HashSet<String>, tags: &mut HashSet<u32>) {
        for (i, _) in text.match_indices("PidTag") {
            let rest = text.get(i..).unwrap_or("");
            let end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            names.insert(rest.get(..end).unwrap_or("").to_owned());
        }
        for list in ["Columns(", "PropertyTags("] {
            for (i, _) in text.match_indices(list) {
                let rest = text.get(i..).unwrap_or("");
                let open = rest.find('[').unwrap_or(0);
                let close = rest.find(']').unwrap_or(0);
                for item in rest.get(open + 1..close).unwrap_or("").split(", ") {
                    if let Ok(v) = u32::from_str_radix(item.trim(), 16) {
                        tags.insert(v);
                    }
                }
            }
        }
        for (i, _) in text.match_indices("; 0x").chain(text.match_indices(": 0x")) {
            let hex = text.get(i + 4..i + 12).unwrap_or("");
            let after = text.get(i + 12..i + 13).unwrap_or("");
            if let (true, Ok(v)) = (after == "=", u32::from_str_radix(hex, 16)) {
                tags.insert(v);
            }
        }
    }
}
