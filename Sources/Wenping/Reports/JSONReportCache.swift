import Synchronization

/// JSON report text remembered for one compiled ruleset: the runs of a report that depend only on the ruleset
/// (a factor's id, label, citations and weight; a decided level's band text; a measure's owner and deadline …),
/// as bytes ready to copy, pretty or compact.
///
/// A cache only spares work: every copied run is checked against the values it was written for
/// (``JSONFragment``), so a report is byte for byte the same with a cache, without one, or with one filled by
/// other projects. Thread-safe: a writer reads a ``snapshot()`` taken once per report (no lock while it looks
/// runs up) and offers the runs it had to write with ``keep(_:_:)``, under a lock. Bounded by ``budget`` bytes,
/// whatever the number of projects: runs made for one project are not kept, a slot keeps at most
/// ``maxVariants`` runs, slots stop at ``maxSlots``, and a full cache keeps nothing more.
final class JSONReportCache: Sendable {
    /// The kept runs of each ``JSONFragment`` kind, by slot (a place in the report, such as a factor's index).
    struct Storage: Sendable {
        var factorHeads: [[JSONFragmentEntry<JSONReportRenderer.FactorHead>]] = []
        var estimateHeads: [[JSONFragmentEntry<JSONReportRenderer.EstimateHead>]] = []
        var measureHeads: [[JSONFragmentEntry<JSONReportRenderer.MeasureHead>]] = []
        var factHeads: [[JSONFragmentEntry<JSONReportRenderer.FactHead>]] = []
        var ruleSetBlocks: [[JSONFragmentEntry<JSONReportRenderer.RuleSetBlock>]] = []
    }

    /// Bytes one ruleset's cache may hold (runs plus bookkeeping); a report's constant text is about 0.2–0.5 MB
    /// across the variants of every factor, pretty and compact.
    static var budget: Int { 2 << 20 }
    /// Slots at or above this are never kept (a report's places are far fewer).
    static var maxSlots: Int { 4096 }
    /// Runs kept for one slot: one per band combination a factor can show, with room to spare.
    static var maxVariants: Int { 32 }
    /// Bytes counted for an entry besides its run: the fragment's values and the bookkeeping.
    private static var overhead: Int { 128 }

    /// The ruleset the cache was filled for; `nil` once it is gone (the cache is then never used again).
    weak let ruleSet: CompiledRuleSet?
    private let identity: ObjectIdentifier
    private let free: Atomic<Int>
    private let storage = Mutex(Storage())

    /// An empty cache for `ruleSet` (tests use fresh ones; reports use ``shared(for:)``).
    init(for ruleSet: CompiledRuleSet, budget: Int = JSONReportCache.budget) {
        self.ruleSet = ruleSet
        identity = ObjectIdentifier(ruleSet)
        free = Atomic(budget)
    }

    /// The runs kept so far, to look up without a lock (a copy-on-write value: taking it copies no runs).
    func snapshot() -> Storage { storage.withLock { $0 } }

    /// Keeps `entry` at `slot` if it fits the bounds and the budget, and no equal run is kept there already.
    func keep<Fragment: JSONFragment>(_ slot: Int, _ entry: JSONFragmentEntry<Fragment>) {
        guard slot >= 0 && slot < Self.maxSlots else { return }
        let cost = entry.bytes.count + Self.overhead
        guard free.wrappingSubtract(cost, ordering: .relaxed).newValue >= 0 else {
            free.wrappingAdd(cost, ordering: .relaxed)
            return
        }
        var kept = false
        storage.withLock { storage in
            kept = Self.add(entry, at: slot, to: &storage[keyPath: Fragment.slots])
        }
        if !kept { free.wrappingAdd(cost, ordering: .relaxed) }
    }

    /// Adds `entry` to `slots[slot]` unless that slot is full or already holds an equal run; `true` if added.
    private static func add<Fragment: JSONFragment>(
        _ entry: JSONFragmentEntry<Fragment>, at slot: Int, to slots: inout [[JSONFragmentEntry<Fragment>]]
    ) -> Bool {
        if slots.count <= slot { slots.append(contentsOf: repeatElement([], count: slot + 1 - slots.count)) }
        guard slots[slot].count < maxVariants,
            !slots[slot].contains(where: { $0.matches(entry.fragment, entry.start) })
        else { return false }
        slots[slot].append(entry)
        return true
    }

    /// Bytes of the budget still free.
    var freeBytes: Int { free.load(ordering: .relaxed) }

    // MARK: - One cache per ruleset

    /// Caches of the rulesets reports were rendered for lately, oldest first; at most ``maxRuleSets``.
    private static let registry = Mutex<[JSONReportCache]>([])
    /// Rulesets with a cache at a time; the oldest is dropped for a new one.
    static var maxRuleSets: Int { 16 }

    /// The cache every report graded by `ruleSet` shares.
    static func shared(for ruleSet: CompiledRuleSet) -> JSONReportCache {
        let identity = ObjectIdentifier(ruleSet)
        return registry.withLock { caches in
            if let index = caches.firstIndex(where: { $0.identity == identity }) {
                if caches[index].ruleSet === ruleSet { return caches[index] }
                // The ruleset it was made for is gone and another took its address.
                caches.remove(at: index)
            }
            caches.removeAll { $0.ruleSet == nil }
            if caches.count >= maxRuleSets { caches.removeFirst(caches.count + 1 - maxRuleSets) }
            let cache = JSONReportCache(for: ruleSet)
            caches.append(cache)
            return cache
        }
    }
}
