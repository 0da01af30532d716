import Synchronization

/// The remembered runs of one ``JSONFragment`` kind for one ruleset: for each slot (a place in the report such
/// as a factor's index), the fragments written there, each with the writer state it was written in and the bytes
/// it gave.
///
/// Thread-safe (a lock around the slots; bytes are copied outside it). Bounded: slots below ``maxSlots``, at most
/// ``maxVariants`` runs a slot, and the owning cache's byte budget; a run that does not fit is simply not kept.
final class JSONFragmentTable<Fragment: JSONFragment>: Sendable {
    struct Entry: Sendable {
        let fragment: Fragment
        /// The writer state before the run, and after it.
        let start: JSONWriter.State
        let end: JSONWriter.State
        let bytes: [UInt8]
    }

    /// Slots at or above this are never kept (a report's places are far fewer).
    static var maxSlots: Int { 4096 }
    /// Runs kept for one slot: one per band combination a factor can show, with room to spare.
    static var maxVariants: Int { 32 }

    /// Bytes counted for an entry besides its run: the fragment's values and the bookkeeping.
    private static var overhead: Int { 128 }

    private let slots = Mutex<[[Entry]]>([])

    /// The run written for `fragment` in `state` at `slot`, if one was kept.
    func entry(_ slot: Int, _ fragment: Fragment, _ state: JSONWriter.State) -> Entry? {
        let entries = slots.withLock { slots in slot < slots.count ? slots[slot] : [] }
        return entries.first { $0.start == state && $0.fragment == fragment }
    }

    /// Keeps `entry` at `slot` if it fits the bounds and the byte budget of `cache` (shared by its tables).
    func keep(_ slot: Int, _ entry: Entry, in cache: JSONReportCache) {
        guard slot >= 0 && slot < Self.maxSlots else { return }
        let cost = entry.bytes.count + Self.overhead
        guard cache.reserve(cost) else { return }
        let kept = slots.withLock { slots -> Bool in
            if slots.count <= slot { slots.append(contentsOf: repeatElement([], count: slot + 1 - slots.count)) }
            guard slots[slot].count < Self.maxVariants else { return false }
            guard !slots[slot].contains(where: { $0.start == entry.start && $0.fragment == entry.fragment }) else {
                return false
            }
            slots[slot].append(entry)
            return true
        }
        if !kept { cache.release(cost) }
    }
}
