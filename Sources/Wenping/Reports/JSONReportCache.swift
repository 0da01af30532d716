import Synchronization

/// JSON report text remembered for one compiled ruleset: the runs of a report that depend only on the ruleset
/// (a factor's id, label, citations and weight; a decided level's band text; a measure's owner and deadline …),
/// as bytes ready to copy, pretty or compact.
///
/// A cache only spares work: every copied run is checked against the values it was written for
/// (``JSONFragment``), so a report is byte for byte the same with a cache, without one, or with one filled by
/// other projects. Thread-safe; bounded by ``budget`` bytes, whatever the number of projects (runs made for one
/// project are not kept, and a full cache keeps nothing more).
final class JSONReportCache: Sendable {
    /// Bytes one ruleset's cache may hold (runs plus bookkeeping); a report's constant text is about 0.2–0.5 MB
    /// across the variants of every factor, pretty and compact.
    static var budget: Int { 2 << 20 }

    /// The ruleset the cache was filled for; `nil` once it is gone (the cache is then never used again).
    weak let ruleSet: CompiledRuleSet?
    private let identity: ObjectIdentifier
    private let free: Atomic<Int>

    let factorHeads = JSONFragmentTable<JSONReportRenderer.FactorHead>()
    let estimateHeads = JSONFragmentTable<JSONReportRenderer.EstimateHead>()
    let measureHeads = JSONFragmentTable<JSONReportRenderer.MeasureHead>()
    let factHeads = JSONFragmentTable<JSONReportRenderer.FactHead>()

    /// An empty cache for `ruleSet` (tests use fresh ones; reports use ``shared(for:)``).
    init(for ruleSet: CompiledRuleSet, budget: Int = JSONReportCache.budget) {
        self.ruleSet = ruleSet
        identity = ObjectIdentifier(ruleSet)
        free = Atomic(budget)
    }

    /// Takes `bytes` from the budget; `false` (and nothing taken) when they do not fit.
    func reserve(_ bytes: Int) -> Bool {
        if free.wrappingSubtract(bytes, ordering: .relaxed).newValue >= 0 { return true }
        release(bytes)
        return false
    }

    /// Gives back `bytes` taken by ``reserve(_:)`` for a run that was not kept after all.
    func release(_ bytes: Int) {
        free.wrappingAdd(bytes, ordering: .relaxed)
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
