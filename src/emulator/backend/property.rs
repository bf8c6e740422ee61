//! ROP handlers of this family (filled in by the family's implementation).

use super::{Handlers, Object};
use crate::emulator::engine::{Outcome, RopCx};
use crate::wire::rop::any::RopRequest;

/// Answers the requests of this family; `None` for the others.
pub(super) fn handle(
    _h: &mut Handlers,
    _cx: &mut RopCx<'_, Object>,
    _request: &RopRequest,
) -> Option<Outcome<Object>> {
    None
}
