//! Transport ROPs: MS-OXCROPS 2.2.7 (layouts) with the semantics of MS-OXOMSG.
