//! The server object table of one session context: Server object handles, the logon each
//! object belongs to, and which object owns which (MS-OXCROPS 1.3.1, 3.1.5.3, 3.2.5.1).

use std::collections::HashMap;

/// The handle value that names no object. Clients put it in the handle table slots that a ROP
/// is to fill (MS-OXCROPS 2.2.1), so the server never hands it out.
pub const NULL_HANDLE: u32 = 0xFFFF_FFFF;

struct Entry<O> {
    object: O,
    logon_id: u8,
    parent: Option<u32>,
    children: Vec<u32>,
}

/// Server objects by handle, generic over what the ROP handlers keep in them.
///
/// MS-OXCROPS 3.2.5.1 keeps one Server Object Map per logon; here every object records its
/// LogonId, and a lookup for a ROP checks it ([`ObjectTable::get_in_logon`]), which is the
/// same thing. Each object also records its owner (the object it was opened from), so that
/// releasing an owner releases what hangs under it: MS-OXCROPS 3.1.5.3 tells clients to
/// release owned objects first, and a server that gets the owner first cannot keep objects
/// alive whose owner is gone (a folder's tables, a message's attachments, everything of a
/// logon once the logon is released, MS-OXCROPS 3.2.5.3).
pub struct ObjectTable<O> {
    entries: HashMap<u32, Entry<O>>,
    next: u32,
}

impl<O> Default for ObjectTable<O> {
    fn default() -> Self {
        Self::new()
    }
}

impl<O> std::fmt::Debug for ObjectTable<O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The objects are the handlers' business (and may hold mailbox data): handles only.
        let mut handles: Vec<_> = self.entries.keys().copied().collect();
        handles.sort_unstable();
        f.debug_struct("ObjectTable")
            .field("handles", &handles)
            .finish()
    }
}

impl<O> ObjectTable<O> {
    /// An empty table.
    pub fn new() -> Self {
        ObjectTable {
            entries: HashMap::new(),
            // Handles start at 1: 0 is a plausible uninitialised slot in a client's table.
            next: 1,
        }
    }

    /// Stores `object` for logon `logon_id`, owned by `parent` (`None` for a logon, which owns
    /// itself), and returns its new handle: never [`NULL_HANDLE`] or 0, never one in use.
    /// A `parent` that is not in the table is ignored (the object becomes a root).
    pub fn insert(&mut self, object: O, logon_id: u8, parent: Option<u32>) -> u32 {
        let handle = loop {
            let candidate = self.next;
            self.next = self.next.wrapping_add(1);
            // The table never holds anywhere near 2^32 objects, so this ends quickly.
            if candidate != 0 && candidate != NULL_HANDLE && !self.entries.contains_key(&candidate)
            {
                break candidate;
            }
        };
        let parent = parent.filter(|p| self.entries.contains_key(p));
        if let Some(p) = parent.and_then(|p| self.entries.get_mut(&p)) {
            p.children.push(handle);
        }
        self.entries.insert(
            handle,
            Entry {
                object,
                logon_id,
                parent,
                children: Vec::new(),
            },
        );
        handle
    }

    /// The object with `handle`.
    pub fn get(&self, handle: u32) -> Option<&O> {
        self.entries.get(&handle).map(|e| &e.object)
    }

    /// The object with `handle`, mutably.
    pub fn get_mut(&mut self, handle: u32) -> Option<&mut O> {
        self.entries.get_mut(&handle).map(|e| &mut e.object)
    }

    /// The object with `handle` if it belongs to logon `logon_id` (MS-OXCROPS 3.2.5.1: handles
    /// are looked up in the Server Object Map of the ROP's logon).
    pub fn get_in_logon(&self, handle: u32, logon_id: u8) -> Option<&O> {
        self.entries
            .get(&handle)
            .filter(|e| e.logon_id == logon_id)
            .map(|e| &e.object)
    }

    /// Two different objects mutably at once (RopCopyTo's source and destination, ...).
    /// `None` if either is missing or both handles are the same.
    pub fn get_pair_mut(&mut self, a: u32, b: u32) -> Option<(&mut O, &mut O)> {
        if a == b {
            return None;
        }
        match self.entries.get_disjoint_mut([&a, &b]) {
            [Some(x), Some(y)] => Some((&mut x.object, &mut y.object)),
            _ => None,
        }
    }

    /// Whether `handle` names an object.
    pub fn contains(&self, handle: u32) -> bool {
        self.entries.contains_key(&handle)
    }

    /// The LogonId the object with `handle` belongs to.
    pub fn logon_id(&self, handle: u32) -> Option<u8> {
        self.entries.get(&handle).map(|e| e.logon_id)
    }

    /// The owner of the object with `handle`, if it has one.
    pub fn parent(&self, handle: u32) -> Option<u32> {
        self.entries.get(&handle).and_then(|e| e.parent)
    }

    /// The objects the object with `handle` owns directly, oldest first.
    pub fn children(&self, handle: u32) -> &[u32] {
        self.entries
            .get(&handle)
            .map_or(&[][..], |e| &e.children[..])
    }

    /// The handle of the logon object with LogonId `logon_id`: a root object of that logon.
    pub fn logon_handle(&self, logon_id: u8) -> Option<u32> {
        self.entries
            .iter()
            .filter(|(_, e)| e.parent.is_none() && e.logon_id == logon_id)
            .map(|(h, _)| *h)
            .min()
    }

    /// Every handle in use, ascending.
    pub fn handles(&self) -> Vec<u32> {
        let mut handles: Vec<_> = self.entries.keys().copied().collect();
        handles.sort_unstable();
        handles
    }

    /// How many objects are open.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no object is open.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes the object with `handle` and everything it owns, transitively. Returns the
    /// removed objects with their handles, owned objects before their owners (the order a
    /// well-behaved client would have released them in). Unknown handles remove nothing.
    pub fn release(&mut self, handle: u32) -> Vec<(u32, O)> {
        let Some(root) = self.entries.get(&handle) else {
            return Vec::new();
        };
        if let Some(parent) = root.parent.and_then(|p| self.entries.get_mut(&p)) {
            parent.children.retain(|c| *c != handle);
        }
        // Pre-order walk; reversed, every object comes after all it owns.
        let mut order = Vec::new();
        let mut stack = vec![handle];
        while let Some(h) = stack.pop() {
            if let Some(e) = self.entries.get(&h) {
                order.push(h);
                stack.extend(e.children.iter().copied());
            }
        }
        order
            .into_iter()
            .rev()
            .filter_map(|h| self.entries.remove(&h).map(|e| (h, e.object)))
            .collect()
    }

    /// Removes every object (session end), owned objects before their owners.
    pub fn release_all(&mut self) -> Vec<(u32, O)> {
        let roots: Vec<u32> = self
            .handles()
            .into_iter()
            .filter(|h| self.parent(*h).is_none())
            .collect();
        roots.into_iter().flat_map(|r| self.release(r)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_unique_and_never_null() {
        let mut t = ObjectTable::new();
        t.next = u32::MAX - 1;
        let a = t.insert("a", 0, None);
        let b = t.insert("b", 0, None);
        let c = t.insert("c", 0, None);
        assert_eq!(a, u32::MAX - 1);
        // Wraps past 0xFFFFFFFF and 0.
        assert_eq!((b, c), (1, 2));
        assert!(![a, b, c].contains(&NULL_HANDLE));
        // A handle in use is skipped after a wrap.
        t.next = b;
        let d = t.insert("d", 0, None);
        assert_eq!(d, 3);
    }

    #[test]
    fn release_cascades_children_first_and_spares_siblings() {
        let mut t = ObjectTable::new();
        let logon = t.insert("logon", 0, None);
        let folder = t.insert("folder", 0, Some(logon));
        let table = t.insert("table", 0, Some(folder));
        let message = t.insert("message", 0, Some(folder));
        let attachment = t.insert("attachment", 0, Some(message));
        let other = t.insert("other folder", 0, Some(logon));
        let released = t.release(folder);
        let names: Vec<_> = released.iter().map(|(_, o)| *o).collect();
        assert_eq!(names.len(), 4);
        let pos = |n: &str| names.iter().position(|x| *x == n).unwrap();
        assert!(pos("attachment") < pos("message"));
        assert!(pos("message") < pos("folder"));
        assert!(pos("table") < pos("folder"));
        for h in [folder, table, message, attachment] {
            assert!(!t.contains(h));
        }
        assert_eq!(t.children(logon), [other]);
        assert_eq!(t.get(other), Some(&"other folder"));
        // Releasing the logon takes the rest.
        assert_eq!(t.release(logon).len(), 2);
        assert!(t.is_empty());
        assert!(t.release(logon).is_empty());
    }

    #[test]
    fn logon_lookup_and_pairs() {
        let mut t = ObjectTable::new();
        let l0 = t.insert(10, 0, None);
        let l1 = t.insert(20, 1, None);
        let f = t.insert(30, 1, Some(l1));
        assert_eq!(t.logon_handle(1), Some(l1));
        assert_eq!(t.logon_handle(0), Some(l0));
        assert_eq!(t.get_in_logon(f, 1), Some(&30));
        assert_eq!(t.get_in_logon(f, 0), None);
        let (a, b) = t.get_pair_mut(l0, f).unwrap();
        std::mem::swap(a, b);
        assert_eq!(t.get(l0), Some(&30));
        assert!(t.get_pair_mut(f, f).is_none());
        assert!(t.get_pair_mut(f, 999).is_none());
        assert_eq!(t.release_all().len(), 3);
    }
}
