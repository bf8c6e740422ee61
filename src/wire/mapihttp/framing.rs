//! Incremental parser for the meta-tag framing of MAPI/HTTP responses (MS-OXCMAPIHTTP 2.2.7,
//! 3.2.5.2).
//!
//! A successful response body (content type `application/mapi-http`) is streamed as:
//! `PROCESSING\r\n`, any number of `PENDING\r\n` keep-alives (one every X-PendingPeriod while
//! the server works), `DONE\r\n`, then header lines `Name: value\r\n` (X-ResponseCode,
//! X-ElapsedTime, X-StartTime), an empty line, and the binary response body of the request
//! type.
//!
//! [`ResponseFramer`] is sans-I/O: feed it whatever chunks the transport receives, in any
//! split (one byte at a time gives the same events and result as all at once), and it reports
//! [`FrameEvent`]s. It tolerates what real servers send (see `fixtures/gromox/README.md`):
//! PENDING without its CRLF, so the text reads `PENDINGPROCESSING\r\nDONE\r\n`; PROCESSING
//! repeated; bare LF line ends. It never buffers more than one meta-tag word while waiting for
//! DONE, however long the server keeps sending PENDING, and it bounds the meta-tag block and
//! the body by [`FramerLimits`], so a hostile or broken server gets a typed error with the byte
//! offset instead of unbounded memory.
//!
//! Error responses (`text/html` with only an X-ResponseCode header) are not meta-tag framed;
//! the caller recognises them by content type and does not feed them here.

use bytes::BufMut;
use serde::Serialize;

use super::headers::{X_ELAPSED_TIME, X_RESPONSE_CODE};
use super::response_code::{ParseResponseCodeError, ResponseCode};
use crate::wire::error::{DecodeError, EncodeError, ErrorKind};

/// Size limits of a [`ResponseFramer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FramerLimits {
    /// Largest meta-tag block after DONE (header lines and their line ends), in bytes.
    pub max_meta_bytes: usize,
    /// Largest binary body, in bytes.
    pub max_body_bytes: usize,
}

impl FramerLimits {
    /// 64 KiB of meta-tag headers: real servers send about 70 bytes.
    pub const DEFAULT_MAX_META_BYTES: usize = 64 * 1024;
    /// 16 MiB of body: an Execute response is bounded by the client's MaxRopOut (0x40000 in
    /// Outlook's requests) plus the auxiliary buffer; NSPI responses by the rows requested.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
}

impl Default for FramerLimits {
    fn default() -> Self {
        FramerLimits {
            max_meta_bytes: Self::DEFAULT_MAX_META_BYTES,
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
        }
    }
}

/// Something the framer recognised in the bytes fed so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum FrameEvent {
    /// A PROCESSING meta-tag: the server accepted the request and is working on it.
    Processing,
    /// A PENDING keep-alive. A caller times out on silence (no event for longer than a few
    /// X-PendingPeriods), not on the total duration of the response.
    Pending,
    /// The DONE meta-tag: header lines follow.
    Done,
    /// One header line of the meta-tag block after DONE.
    Meta {
        /// The header name as sent.
        name: String,
        /// The value without surrounding blanks.
        value: String,
    },
    /// The empty line after the meta-tag block: every further byte is body.
    BodyStart,
}

/// Where the framer is in the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FramerState {
    /// Reading PROCESSING / PENDING meta-tags, waiting for DONE.
    Preamble,
    /// After DONE, reading header lines up to the empty line.
    Meta,
    /// Accumulating the binary body.
    Body,
}

/// A framing failure, with the offset from the first byte fed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FramingError {
    /// Bytes that are not the meta-tag grammar.
    #[error("MAPI/HTTP response framing at byte offset {offset}: {what}")]
    Syntax {
        /// Offset of the offending byte (or of the start of the offending header line).
        offset: usize,
        /// What was expected.
        what: &'static str,
    },
    /// The meta-tag block after DONE grew past [`FramerLimits::max_meta_bytes`].
    #[error(
        "MAPI/HTTP response framing at byte offset {offset}: meta-tag block exceeds {limit} bytes"
    )]
    MetaTooLarge {
        /// Offset of the first byte past the limit.
        offset: usize,
        /// The limit.
        limit: usize,
    },
    /// The body grew past [`FramerLimits::max_body_bytes`].
    #[error("MAPI/HTTP response framing at byte offset {offset}: body exceeds {limit} bytes")]
    BodyTooLarge {
        /// Offset of the first byte past the limit.
        offset: usize,
        /// The limit.
        limit: usize,
    },
    /// The response ended before the body started.
    #[error(
        "MAPI/HTTP response framing at byte offset {offset}: response ended, expected {expected}"
    )]
    Truncated {
        /// Total bytes fed.
        offset: usize,
        /// What was still missing.
        expected: &'static str,
    },
}

impl FramingError {
    /// The byte offset of the failure from the first byte fed.
    pub fn offset(&self) -> usize {
        match self {
            FramingError::Syntax { offset, .. }
            | FramingError::MetaTooLarge { offset, .. }
            | FramingError::BodyTooLarge { offset, .. }
            | FramingError::Truncated { offset, .. } => *offset,
        }
    }
}

impl From<FramingError> for DecodeError {
    fn from(e: FramingError) -> Self {
        let offset = e.offset();
        let kind = match e {
            FramingError::Syntax { what, .. } => ErrorKind::Syntax(what),
            FramingError::MetaTooLarge { limit, .. } => ErrorKind::LengthExceedsInput {
                field: "meta-tag block",
                declared: (limit as u64).saturating_add(1),
                available: limit,
            },
            FramingError::BodyTooLarge { limit, .. } => ErrorKind::LengthExceedsInput {
                field: "response body",
                declared: (limit as u64).saturating_add(1),
                available: limit,
            },
            FramingError::Truncated { .. } => ErrorKind::Truncated { needed: 1 },
        };
        DecodeError {
            structure: "MAPI/HTTP response framing",
            offset,
            kind,
        }
    }
}

/// The meta-tag words of the preamble as they can appear on the wire. DONE needs its line end
/// before the framer moves on, since the header block starts right after it.
const WORDS: [&[u8]; 4] = [b"PROCESSING", b"PENDING", b"DONE\r\n", b"DONE\n"];

/// Incremental, sans-I/O parser of a meta-tag framed response body (MS-OXCMAPIHTTP 2.2.7).
#[derive(Debug, Clone)]
pub struct ResponseFramer {
    limits: FramerLimits,
    state: FramerState,
    /// The preamble word read so far (at most 10 bytes).
    word: Vec<u8>,
    /// The header line read so far, and where it started.
    line: Vec<u8>,
    line_start: usize,
    meta_bytes: usize,
    meta: Vec<(String, String)>,
    body: Vec<u8>,
    pending_count: u64,
    processing_count: u64,
    /// Bytes fed so far: the offset of the next byte.
    offset: usize,
    failed: Option<FramingError>,
}

impl Default for ResponseFramer {
    fn default() -> Self {
        ResponseFramer::new(FramerLimits::default())
    }
}

impl ResponseFramer {
    /// A framer at the start of a response.
    pub fn new(limits: FramerLimits) -> Self {
        ResponseFramer {
            limits,
            state: FramerState::Preamble,
            word: Vec::with_capacity(10),
            line: Vec::new(),
            line_start: 0,
            meta_bytes: 0,
            meta: Vec::new(),
            body: Vec::new(),
            pending_count: 0,
            processing_count: 0,
            offset: 0,
            failed: None,
        }
    }

    /// Feeds the next bytes of the (de-chunked) response body and returns what they completed.
    ///
    /// After an error every further call returns the same error.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<Vec<FrameEvent>, FramingError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let mut events = Vec::new();
        match self.feed_inner(chunk, &mut events) {
            Ok(()) => Ok(events),
            Err(e) => {
                self.failed = Some(e.clone());
                Err(e)
            }
        }
    }

    fn feed_inner(
        &mut self,
        chunk: &[u8],
        events: &mut Vec<FrameEvent>,
    ) -> Result<(), FramingError> {
        let mut rest = chunk;
        while !rest.is_empty() {
            if self.state == FramerState::Body {
                let room = self.limits.max_body_bytes.saturating_sub(self.body.len());
                if rest.len() > room {
                    return Err(FramingError::BodyTooLarge {
                        offset: self.offset.saturating_add(room),
                        limit: self.limits.max_body_bytes,
                    });
                }
                self.body.extend_from_slice(rest);
                self.offset = self.offset.saturating_add(rest.len());
                return Ok(());
            }
            let Some((&b, tail)) = rest.split_first() else {
                break;
            };
            let at = self.offset;
            match self.state {
                FramerState::Preamble => self.preamble_byte(b, at, events)?,
                FramerState::Meta => self.meta_byte(b, at, events)?,
                FramerState::Body => {}
            }
            self.offset = at.saturating_add(1);
            rest = tail;
        }
        Ok(())
    }

    fn preamble_byte(
        &mut self,
        b: u8,
        at: usize,
        events: &mut Vec<FrameEvent>,
    ) -> Result<(), FramingError> {
        // Line ends between words are optional: PENDING arrives without one on some servers.
        if self.word.is_empty() && (b == b'\r' || b == b'\n') {
            return Ok(());
        }
        self.word.push(b);
        match self.word.as_slice() {
            b"PROCESSING" => {
                self.processing_count = self.processing_count.saturating_add(1);
                self.word.clear();
                events.push(FrameEvent::Processing);
            }
            b"PENDING" => {
                self.pending_count = self.pending_count.saturating_add(1);
                self.word.clear();
                events.push(FrameEvent::Pending);
            }
            b"DONE\r\n" | b"DONE\n" => {
                self.word.clear();
                self.state = FramerState::Meta;
                self.line_start = at.saturating_add(1);
                events.push(FrameEvent::Done);
            }
            w if WORDS.iter().any(|k| k.starts_with(w)) => {}
            _ => {
                return Err(FramingError::Syntax {
                    offset: at,
                    what: "expected a PROCESSING, PENDING or DONE meta-tag",
                });
            }
        }
        Ok(())
    }

    fn meta_byte(
        &mut self,
        b: u8,
        at: usize,
        events: &mut Vec<FrameEvent>,
    ) -> Result<(), FramingError> {
        self.meta_bytes = self.meta_bytes.saturating_add(1);
        if self.meta_bytes > self.limits.max_meta_bytes {
            return Err(FramingError::MetaTooLarge {
                offset: at,
                limit: self.limits.max_meta_bytes,
            });
        }
        if b != b'\n' {
            self.line.push(b);
            return Ok(());
        }
        let mut line = std::mem::take(&mut self.line);
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        let start = self.line_start;
        self.line_start = at.saturating_add(1);
        if line.is_empty() {
            self.state = FramerState::Body;
            events.push(FrameEvent::BodyStart);
            return Ok(());
        }
        let (name, value) = parse_meta_line(&line).map_err(|what| FramingError::Syntax {
            offset: start,
            what,
        })?;
        self.meta.push((name.clone(), value.clone()));
        events.push(FrameEvent::Meta { name, value });
        Ok(())
    }

    /// Where the framer is.
    pub fn state(&self) -> FramerState {
        self.state
    }

    /// PENDING keep-alives seen so far.
    pub fn pending_count(&self) -> u64 {
        self.pending_count
    }

    /// Bytes fed so far.
    pub fn bytes_fed(&self) -> usize {
        self.offset
    }

    /// Body bytes received so far.
    pub fn body_len(&self) -> usize {
        self.body.len()
    }

    /// Ends the response: the result, or why it is incomplete.
    pub fn finish(self) -> Result<FramedResponse, FramingError> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        match self.state {
            FramerState::Body => Ok(FramedResponse {
                meta: self.meta,
                body: self.body,
                pending_count: self.pending_count,
                processing_count: self.processing_count,
            }),
            FramerState::Preamble => Err(FramingError::Truncated {
                offset: self.offset,
                expected: "the DONE meta-tag",
            }),
            FramerState::Meta => Err(FramingError::Truncated {
                offset: self.offset,
                expected: "the empty line that ends the meta-tag block",
            }),
        }
    }
}

/// Splits `Name: value`. The name must be a non-empty run of visible ASCII; the value loses
/// surrounding blanks. A CR that does not end the line is refused: meta-tags use HTTP header
/// syntax (MS-OXCMAPIHTTP 2.2.7), where a bare CR is invalid (RFC 9112 2.2), and no framed
/// response could carry it back out.
fn parse_meta_line(line: &[u8]) -> Result<(String, String), &'static str> {
    if line.contains(&b'\r') {
        return Err("meta-tag header line contains a bare CR");
    }
    let text = std::str::from_utf8(line).map_err(|_| "meta-tag header line is not UTF-8")?;
    let (name, value) = text
        .split_once(':')
        .ok_or("meta-tag header line without a colon")?;
    if name.is_empty() || !name.bytes().all(|c| c.is_ascii_graphic()) {
        return Err("meta-tag header name is empty or not a token");
    }
    Ok((
        name.to_owned(),
        value.trim_matches(|c| c == ' ' || c == '\t').to_owned(),
    ))
}

/// Frames a whole response body at once.
pub fn frame_all(bytes: &[u8], limits: FramerLimits) -> Result<FramedResponse, FramingError> {
    let mut f = ResponseFramer::new(limits);
    f.feed(bytes)?;
    f.finish()
}

/// A complete meta-tag framed response (MS-OXCMAPIHTTP 2.2.7).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct FramedResponse {
    /// The header lines after DONE, in order, names as sent.
    pub meta: Vec<(String, String)>,
    /// The binary response body.
    #[serde(serialize_with = "crate::wire::serde_bytes::hex")]
    pub body: Vec<u8>,
    /// PENDING keep-alives received.
    pub pending_count: u64,
    /// PROCESSING meta-tags received (1 normally; some servers repeat it).
    pub processing_count: u64,
}

impl FramedResponse {
    /// The value of the meta header `name` (ASCII case-insensitive); the last one if repeated.
    pub fn meta_value(&self, name: &str) -> Option<&str> {
        self.meta
            .iter()
            .rev()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The X-ResponseCode of the meta block, if it has one.
    pub fn response_code(&self) -> Option<Result<ResponseCode, ParseResponseCodeError>> {
        self.meta_value(X_RESPONSE_CODE)
            .map(ResponseCode::parse_header)
    }

    /// The response code that counts: the meta block's, else the HTTP header's.
    pub fn final_response_code(
        &self,
        http_header: Option<&str>,
    ) -> Option<Result<ResponseCode, ParseResponseCodeError>> {
        ResponseCode::final_code(self.meta_value(X_RESPONSE_CODE), http_header)
    }

    /// X-ElapsedTime as a number. The unit is milliseconds per the specification and seconds
    /// on some servers, so it is for display and logs only.
    pub fn elapsed_time(&self) -> Option<u64> {
        self.meta_value(X_ELAPSED_TIME)?.parse().ok()
    }

    /// Writes the response in the server's form: PROCESSING (at least once), the PENDINGs,
    /// DONE, the meta lines, an empty line, the body. For the emulator and tests.
    pub fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        const NAME: &str = "MAPI/HTTP framed response";
        for _ in 0..self.processing_count.max(1) {
            out.put_slice(b"PROCESSING\r\n");
        }
        for _ in 0..self.pending_count {
            out.put_slice(b"PENDING\r\n");
        }
        out.put_slice(b"DONE\r\n");
        for (name, value) in &self.meta {
            if name.is_empty() || !name.bytes().all(|c| c.is_ascii_graphic()) || name.contains(':')
            {
                return Err(EncodeError::Invalid {
                    structure: NAME,
                    reason: "meta-tag header name must be a non-empty token without ':'",
                });
            }
            if value.contains(['\r', '\n'])
                || value.starts_with([' ', '\t'])
                || value.ends_with([' ', '\t'])
            {
                return Err(EncodeError::Invalid {
                    structure: NAME,
                    reason: "meta-tag header value must be one line without surrounding blanks",
                });
            }
            out.put_slice(name.as_bytes());
            out.put_slice(b": ");
            out.put_slice(value.as_bytes());
            out.put_slice(b"\r\n");
        }
        out.put_slice(b"\r\n");
        out.put_slice(&self.body);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn feed_in_chunks(
        bytes: &[u8],
        sizes: impl IntoIterator<Item = usize>,
    ) -> (Vec<FrameEvent>, Result<FramedResponse, FramingError>) {
        let mut f = ResponseFramer::default();
        let mut events = Vec::new();
        let mut rest = bytes;
        for n in sizes {
            let (head, tail) = rest.split_at(n.min(rest.len()));
            rest = tail;
            match f.feed(head) {
                Ok(e) => events.extend(e),
                Err(e) => return (events, Err(e)),
            }
        }
        if !rest.is_empty() {
            match f.feed(rest) {
                Ok(e) => events.extend(e),
                Err(e) => return (events, Err(e)),
            }
        }
        (events, f.finish())
    }

    /// The response layout MS-OXCMAPIHTTP 4.x shows for Execute (its body is a placeholder
    /// there, so a small one stands in): PROCESSING, PENDING keep-alives, DONE, the meta
    /// headers, an empty line, the body.
    #[test]
    fn spec_layout() {
        let text = b"PROCESSING\r\nPENDING\r\nPENDING\r\nDONE\r\nX-ResponseCode: 0\r\nX-ElapsedTime: 2\r\nX-StartTime: Mon, 01 Jan 2024 00:00:00 GMT\r\n\r\n\x00\x00\x00\x00";
        let (events, r) = feed_in_chunks(text, [text.len()]);
        let r = r.unwrap();
        assert_eq!(
            events,
            vec![
                FrameEvent::Processing,
                FrameEvent::Pending,
                FrameEvent::Pending,
                FrameEvent::Done,
                FrameEvent::Meta {
                    name: "X-ResponseCode".into(),
                    value: "0".into()
                },
                FrameEvent::Meta {
                    name: "X-ElapsedTime".into(),
                    value: "2".into()
                },
                FrameEvent::Meta {
                    name: "X-StartTime".into(),
                    value: "Mon, 01 Jan 2024 00:00:00 GMT".into()
                },
                FrameEvent::BodyStart,
            ]
        );
        assert_eq!(r.pending_count, 2);
        assert_eq!(r.response_code(), Some(Ok(ResponseCode::SUCCESS)));
        assert_eq!(r.meta_value("x-elapsedtime"), Some("2"));
        assert_eq!(r.elapsed_time(), Some(2));
        assert_eq!(r.body, [0, 0, 0, 0]);
        let mut out = Vec::new();
        r.encode(&mut out).unwrap();
        assert_eq!(frame_all(&out, FramerLimits::default()).unwrap(), r);
    }

    #[test]
    fn gromox_notification_wait() {
        // fixtures/gromox/notification.har entry 3, chunk sizes 12, 7, 99.
        let mut text = b"PROCESSING\r\nPENDINGPROCESSING\r\nDONE\r\nX-ElapsedTime: 30\r\nX-StartTime: Sun, 22 Nov 2026 04:16:18 GMT\r\n\r\n".to_vec();
        text.extend([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
        let (events, r) = feed_in_chunks(&text, [12, 7, 99]);
        let r = r.unwrap();
        assert_eq!(
            &events[..4],
            &[
                FrameEvent::Processing,
                FrameEvent::Pending,
                FrameEvent::Processing,
                FrameEvent::Done
            ]
        );
        assert_eq!(r.pending_count, 1);
        assert_eq!(r.processing_count, 2);
        assert_eq!(r.response_code(), None);
        assert_eq!(r.final_response_code(Some("0")), Some(Ok(ResponseCode(0))));
        assert_eq!(r.elapsed_time(), Some(30));
        assert_eq!(r.body.len(), 16);
        let (events1, r1) = feed_in_chunks(&text, std::iter::repeat_n(1, text.len()));
        assert_eq!(events1, events);
        assert_eq!(r1.unwrap(), r);
    }

    #[test]
    fn events_arrive_as_soon_as_complete() {
        let mut f = ResponseFramer::default();
        assert_eq!(f.feed(b"PROCESS").unwrap(), vec![]);
        assert_eq!(f.feed(b"ING\r").unwrap(), vec![FrameEvent::Processing]);
        assert_eq!(f.feed(b"\nPEND").unwrap(), vec![]);
        assert_eq!(f.feed(b"ING").unwrap(), vec![FrameEvent::Pending]);
        assert_eq!(f.pending_count(), 1);
        assert_eq!(f.feed(b"DONE").unwrap(), vec![]);
        assert_eq!(f.feed(b"\r").unwrap(), vec![]);
        assert_eq!(f.feed(b"\n").unwrap(), vec![FrameEvent::Done]);
        assert_eq!(f.state(), FramerState::Meta);
        assert_eq!(f.feed(b"\r\n").unwrap(), vec![FrameEvent::BodyStart]);
        assert_eq!(f.feed(b"abc").unwrap(), vec![]);
        assert_eq!(f.body_len(), 3);
        assert_eq!(f.bytes_fed(), 30);
        let r = f.finish().unwrap();
        assert!(r.meta.is_empty());
        assert_eq!(r.body, b"abc");
    }

    #[test]
    fn garbage_is_an_error_with_offset() {
        let err = frame_all(b"<!DOCTYPE HTML>", FramerLimits::default()).unwrap_err();
        assert_eq!(
            err,
            FramingError::Syntax {
                offset: 0,
                what: "expected a PROCESSING, PENDING or DONE meta-tag"
            }
        );
        let err = frame_all(b"PROCESSING\r\nPENDINX", FramerLimits::default()).unwrap_err();
        assert_eq!(err.offset(), 18);
        let err = frame_all(
            b"PROCESSING\r\nDONE\r\nno colon here\r\n\r\n",
            FramerLimits::default(),
        )
        .unwrap_err();
        assert_eq!(err.offset(), 18);
        let err = frame_all(b"DONE\r\n: empty name\r\n\r\n", FramerLimits::default()).unwrap_err();
        assert!(matches!(err, FramingError::Syntax { offset: 6, .. }));
        let err = frame_all(b"DONEX", FramerLimits::default()).unwrap_err();
        assert_eq!(err.offset(), 4);
        // Errors are sticky and convert to DecodeError with the offset.
        let mut f = ResponseFramer::default();
        let e1 = f.feed(b"XYZ").unwrap_err();
        assert_eq!(f.feed(b"PROCESSING\r\n").unwrap_err(), e1);
        let d: DecodeError = e1.into();
        assert_eq!(d.offset, 0);
        assert_eq!(
            d.kind,
            ErrorKind::Syntax("expected a PROCESSING, PENDING or DONE meta-tag")
        );
    }

    #[test]
    fn truncated_responses() {
        assert!(matches!(
            frame_all(b"PROCESSING\r\nPENDING\r\n", FramerLimits::default()),
            Err(FramingError::Truncated { offset: 21, .. })
        ));
        assert!(matches!(
            frame_all(
                b"PROCESSING\r\nDONE\r\nX-ElapsedTime: 1\r\n",
                FramerLimits::default()
            ),
            Err(FramingError::Truncated { .. })
        ));
        assert!(frame_all(b"", FramerLimits::default()).is_err());
        // An empty body after the meta block is complete.
        assert!(
            frame_all(b"DONE\r\n\r\n", FramerLimits::default())
                .unwrap()
                .body
                .is_empty()
        );
    }

    #[test]
    fn limits_bound_memory() {
        let limits = FramerLimits {
            max_meta_bytes: 32,
            max_body_bytes: 8,
        };
        let mut f = ResponseFramer::new(limits);
        f.feed(b"PROCESSING\r\nDONE\r\n").unwrap();
        let long = [b'a'; 100];
        let err = f.feed(&long).unwrap_err();
        assert_eq!(
            err,
            FramingError::MetaTooLarge {
                offset: 18 + 32,
                limit: 32
            }
        );

        let mut f = ResponseFramer::new(limits);
        f.feed(b"DONE\r\n\r\n12345").unwrap();
        let err = f.feed(b"6789").unwrap_err();
        assert_eq!(
            err,
            FramingError::BodyTooLarge {
                offset: 8 + 8,
                limit: 8
            }
        );

        // Endless keep-alives do not grow the framer.
        let mut f = ResponseFramer::new(limits);
        for _ in 0..10_000 {
            f.feed(b"PENDING\r\n").unwrap();
        }
        assert_eq!(f.pending_count(), 10_000);
        assert_eq!(f.state(), FramerState::Preamble);
    }

    /// Found by `cargo fuzz run framing`: a CR inside a meta-tag value framed, but the value
    /// could not be encoded again. Such a line is a syntax error now.
    #[test]
    fn bare_cr_in_meta_is_refused() {
        let err = frame_all(
            b"PROCESSING\r\nDONE\r\nX-A: a\rb\r\n\r\n",
            FramerLimits::default(),
        )
        .unwrap_err();
        assert!(
            matches!(err, FramingError::Syntax { offset: 18, .. }),
            "{err:?}"
        );
        assert!(frame_all(b"DONE\r\nX-A: a\r\r\n\r\n", FramerLimits::default()).is_err());
        // The line's own CR (or a bare LF ending) is still fine.
        let ok = frame_all(b"DONE\nX-A: a\n\r\n", FramerLimits::default()).unwrap();
        assert_eq!(ok.meta_value("X-A"), Some("a"));
    }

    #[test]
    fn encode_refuses_unframeable_meta() {
        let r = FramedResponse {
            meta: vec![("X-A".into(), "a\r\nb".into())],
            ..Default::default()
        };
        assert!(r.encode(&mut Vec::new()).is_err());
        let r = FramedResponse {
            meta: vec![("X A".into(), "a".into())],
            ..Default::default()
        };
        assert!(r.encode(&mut Vec::new()).is_err());
    }

    /// A preamble in any server's style: words with or without line ends, ending with DONE.
    fn preamble() -> impl Strategy<Value = (Vec<u8>, u64)> {
        let sep = prop_oneof![Just(&b""[..]), Just(&b"\r\n"[..]), Just(&b"\n"[..])];
        let word = (any::<bool>(), sep);
        (
            proptest::collection::vec(word, 0..6),
            prop_oneof![Just(&b"\r\n"[..]), Just(&b"\n"[..])],
        )
            .prop_map(|(words, done_end)| {
                let mut out = b"PROCESSING\r\n".to_vec();
                let mut pending = 0;
                for (is_pending, sep) in words {
                    if is_pending {
                        out.extend(b"PENDING");
                        pending += 1;
                    } else {
                        out.extend(b"PROCESSING");
                    }
                    out.extend(sep);
                }
                out.extend(b"DONE");
                out.extend(done_end);
                (out, pending)
            })
    }

    fn response() -> impl Strategy<Value = Vec<u8>> {
        (
            preamble(),
            proptest::collection::vec(("X-[A-Za-z]{1,12}", "[!-~]([ -~]{0,20}[!-~])?"), 0..4),
            proptest::collection::vec(any::<u8>(), 0..200),
        )
            .prop_map(|((mut out, _), meta, body)| {
                for (n, v) in meta {
                    out.extend(n.as_bytes());
                    out.extend(b": ");
                    out.extend(v.as_bytes());
                    out.extend(b"\r\n");
                }
                out.extend(b"\r\n");
                out.extend(body);
                out
            })
    }

    proptest! {
        #[test]
        fn any_chunking_gives_the_same_result(
            bytes in response(),
            cuts in proptest::collection::vec(0usize..64, 0..40),
        ) {
            let whole = feed_in_chunks(&bytes, [bytes.len()]);
            prop_assert!(whole.1.is_ok());
            let split = feed_in_chunks(&bytes, cuts);
            prop_assert_eq!(&split, &whole);
            let ones = feed_in_chunks(&bytes, std::iter::repeat_n(1, bytes.len()));
            prop_assert_eq!(&ones, &whole);
        }

        #[test]
        fn pending_is_counted((pre, pending) in preamble()) {
            let mut bytes = pre;
            bytes.extend(b"\r\n");
            let r = frame_all(&bytes, FramerLimits::default()).unwrap();
            prop_assert_eq!(r.pending_count, pending);
        }

        #[test]
        fn encode_round_trips(
            meta in proptest::collection::vec(("X-[A-Za-z]{1,12}", "([!-~]([ -~]{0,20}[!-~])?)?"), 0..4),
            body in proptest::collection::vec(any::<u8>(), 0..200),
            pending_count in 0u64..5,
            processing_count in 1u64..3,
        ) {
            let r = FramedResponse { meta, body, pending_count, processing_count };
            let mut out = Vec::new();
            r.encode(&mut out).unwrap();
            prop_assert_eq!(frame_all(&out, FramerLimits::default()).unwrap(), r);
        }

        #[test]
        fn garbage_never_panics_or_hangs(
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
            cuts in proptest::collection::vec(0usize..32, 0..20),
        ) {
            let whole = feed_in_chunks(&bytes, [bytes.len()]);
            let split = feed_in_chunks(&bytes, cuts);
            prop_assert_eq!(whole.1, split.1);
        }
    }
}
