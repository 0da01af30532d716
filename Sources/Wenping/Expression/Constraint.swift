/// The set of numbers between two bounds, each bound open or closed; infinite bounds are open.
struct Interval: Sendable, Hashable {
    var lower: Double = -.infinity
    var lowerIncluded = false
    var upper: Double = .infinity
    var upperIncluded = false

    /// Every number.
    static let all = Interval()

    var isEmpty: Bool { lower > upper || (lower == upper && !(lowerIncluded && upperIncluded)) }

    /// The interval of `x op constant`; nil for `!=`, which is not one interval.
    init?(_ op: ComparisonOperator, _ constant: Double) {
        switch op {
        case .equal: self.init(lower: constant, lowerIncluded: true, upper: constant, upperIncluded: true)
        case .notEqual: return nil
        case .less: self.init(upper: constant, upperIncluded: false)
        case .lessOrEqual: self.init(upper: constant, upperIncluded: true)
        case .greater: self.init(lower: constant, lowerIncluded: false)
        case .greaterOrEqual: self.init(lower: constant, lowerIncluded: true)
        }
    }

    init(
        lower: Double = -.infinity, lowerIncluded: Bool = false, upper: Double = .infinity, upperIncluded: Bool = false
    ) {
        self.lower = lower
        self.lowerIncluded = lowerIncluded && lower.isFinite
        self.upper = upper
        self.upperIncluded = upperIncluded && upper.isFinite
    }

    func intersection(_ other: Interval) -> Interval {
        var result = self
        if other.lower > lower || (other.lower == lower && !other.lowerIncluded) {
            result.lower = other.lower
            result.lowerIncluded = other.lowerIncluded
        }
        if other.upper < upper || (other.upper == upper && !other.upperIncluded) {
            result.upper = other.upper
            result.upperIncluded = other.upperIncluded
        }
        return result
    }

    /// Whether the union of `parts` contains every number of this interval (a sweep from the lower bound).
    func isCovered(by parts: [Interval]) -> Bool {
        if isEmpty { return true }
        // Points below `reach` are covered; `reach` itself is covered unless `reachNeeded`.
        var reach = lower
        var reachNeeded = lowerIncluded
        for _ in 0...parts.count {
            if reach > upper || (reach == upper && (!reachNeeded || !upperIncluded)) { return true }
            var best: (upper: Double, included: Bool)?
            for part in parts where !part.isEmpty {
                let startsInTime = part.lower < reach || (part.lower == reach && (part.lowerIncluded || !reachNeeded))
                let advances = part.upper > reach || (part.upper == reach && part.upperIncluded && reachNeeded)
                guard startsInTime, advances else { continue }
                if let current = best,
                    current.upper > part.upper
                        || (current.upper == part.upper && (current.included || !part.upperIncluded))
                {
                    continue
                }
                best = (part.upper, part.upperIncluded)
            }
            guard let best else { return false }
            if best.upper == .infinity { return true }
            reach = best.upper
            reachNeeded = !best.included
        }
        return false
    }
}

/// What a simple condition requires of one slot.
enum SlotConstraint: Sendable, Hashable {
    case interval(Interval)
    /// The allowed enum indexes, with the size of the domain (so "every value" is known).
    case enumeration(Set<Int32>, domainSize: Int)
    case boolean(Set<Bool>)

    /// The constraint every value of the same type satisfies.
    var unconstrained: SlotConstraint {
        switch self {
        case .interval: return .interval(.all)
        case .enumeration(_, let size): return .enumeration(Set((0..<Int32(size)).map { $0 }), domainSize: size)
        case .boolean: return .boolean([false, true])
        }
    }

    func intersection(_ other: SlotConstraint) -> SlotConstraint {
        switch (self, other) {
        case (.interval(let a), .interval(let b)): return .interval(a.intersection(b))
        case (.enumeration(let a, let size), .enumeration(let b, _)):
            return .enumeration(a.intersection(b), domainSize: size)
        case (.boolean(let a), .boolean(let b)): return .boolean(a.intersection(b))
        default: return self
        }
    }

    var isEmpty: Bool {
        switch self {
        case .interval(let interval): return interval.isEmpty
        case .enumeration(let values, _): return values.isEmpty
        case .boolean(let values): return values.isEmpty
        }
    }

    /// Whether every value allowed here is allowed by at least one of `parts` (all of the same type).
    func isCovered(by parts: [SlotConstraint]) -> Bool {
        switch self {
        case .interval(let interval):
            return interval.isCovered(by: parts.compactMap { if case .interval(let i) = $0 { i } else { nil } })
        case .enumeration(let values, _):
            let union = parts.reduce(into: Set<Int32>()) { if case .enumeration(let v, _) = $1 { $0.formUnion(v) } }
            return values.isSubset(of: union)
        case .boolean(let values):
            let union = parts.reduce(into: Set<Bool>()) { if case .boolean(let v) = $1 { $0.formUnion(v) } }
            return values.isSubset(of: union)
        }
    }
}

/// What a simple condition requires: the conjunction of one ``SlotConstraint`` per slot it mentions.
///
/// No slots means the condition is `true`.
struct Constraint: Sendable, Hashable {
    var slots: [Int: SlotConstraint] = [:]

    /// Never satisfied: some slot allows no value.
    var isUnsatisfiable: Bool { slots.values.contains(where: \.isEmpty) }

    mutating func require(_ constraint: SlotConstraint, at slot: Int) {
        slots[slot] = slots[slot].map { $0.intersection(constraint) } ?? constraint
    }
}
