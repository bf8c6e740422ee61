//! Feeding arbitrary bytes to the HAR reader, the conversation dissector and the replaying
//! transport, for the `har` fuzz target and the corpus replay test (features `client` and
//! `fuzzing`). A capture is untrusted input: people replay and dissect files they were sent.

use super::dissect::{Dissector, undecoded_parts};
use super::{Har, ReplayMode, ReplayTransport};

/// Runs one input: parsed as a HAR file, every entry dissected, and a replaying transport
/// built over it in both modes. Returns a description of the bug when something that accepted
/// the input then breaks its own rules (a dissection that is not an object, a re-serialised
/// file that no longer parses).
pub fn har_bytes(data: &[u8]) -> Result<(), String> {
    let Ok(har) = Har::from_json(data) else {
        return Ok(());
    };
    for (step, value) in Dissector::all(&har).iter().enumerate() {
        if !value.is_object() {
            return Err(format!("entry {step} dissected to {value}"));
        }
        let _ = undecoded_parts(value);
    }
    let json = har
        .to_json()
        .map_err(|e| format!("a parsed HAR does not serialise: {e}"))?;
    let again =
        Har::from_json(json.as_bytes()).map_err(|e| format!("a re-serialised HAR fails: {e}"))?;
    if again.log.entries.len() != har.log.entries.len() {
        return Err("re-serialising changed the number of entries".into());
    }
    for mode in [ReplayMode::Strict, ReplayMode::Semantic] {
        let _ = ReplayTransport::new(har.clone(), mode);
    }
    Ok(())
}
