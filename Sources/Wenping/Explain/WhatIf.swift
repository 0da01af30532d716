/// "What if" questions about one assessment, each answered by re-evaluating a changed copy of the project.
///
/// Two kinds: the nearest single-fact changes that move a factor's probability or impact level (or whether it
/// applies), and the measures a factor offers that the project has not adopted yet. Both keep every other fact
/// and measure as they are, and both are deterministic (candidates in slot and value order).
struct WhatIf {
    /// What a fact change is about: a factor whose level it moves, or a floor it fires or stops.
    enum Subject: Hashable {
        case factor(Int)
        case floor(Int)
    }

    /// One fact set to another value, and the assessment that gives.
    struct FactChange {
        let subject: Subject
        let slot: Int
        let from: Value
        let to: Value
        let result: Assessment
    }

    /// One measure not yet adopted, and the assessment with it adopted.
    struct MeasureOption {
        let factor: Int
        let measure: CompiledRuleSet.Measure
        let result: Assessment
    }

    let assessment: Assessment
    private var cache: [Key: Assessment] = [:]

    private struct Key: Hashable {
        let slot: Int
        let value: Value
    }

    init(_ assessment: Assessment) {
        self.assessment = assessment
    }

    var project: Project { assessment.project }
    var ruleSet: CompiledRuleSet { assessment.ruleSet }

    /// The project re-evaluated with input `slot` set to `value` (memoized: factors share facts).
    mutating func evaluate(slot: Int, value: Value) -> Assessment {
        let key = Key(slot: slot, value: value)
        if let cached = cache[key] { return cached }
        let result = Engine.evaluate(project.replacing(slot: slot, with: value))
        cache[key] = result
        return result
    }

    /// What the factor looks like in an assessment before measures: whether it applies and its two levels.
    static func state(_ assessment: Assessment, _ factor: Int) -> State {
        let result = assessment.factors[factor]
        return State(
            applies: result.applicability.isApplicable, probability: result.before.probability,
            impact: result.before.impact)
    }

    struct State: Hashable {
        let applies: Bool
        let probability: Int
        let impact: Int
    }

    /// The nearest changes of each fact the factor's conditions read that change its state.
    ///
    /// For a number the project gives: the nearest value below and the nearest above that change the factor. For
    /// a boolean: the other value, if it changes the factor. For an enum: every other value that does. For an
    /// absent fact: the first value (in ascending order) for each different state it leads to. Results are in
    /// slot order, then value order.
    mutating func factChanges(factor index: Int) -> [FactChange] {
        let factor = ruleSet.factors[index]
        let conditions =
            [factor.applicability].compactMap { $0 } + factor.probability.compactMap(\.condition)
            + factor.impact.compactMap(\.condition)
        return changes(.factor(index), conditions) { AnyHashable(Self.state($0, index)) }
    }

    /// The nearest changes of each fact the floor's condition reads that fire it or stop it firing, chosen as
    /// ``factChanges(factor:)`` chooses.
    mutating func factChanges(floor index: Int) -> [FactChange] {
        changes(.floor(index), [ruleSet.floors[index].condition]) { AnyHashable($0.floors.contains(index)) }
    }

    private mutating func changes(
        _ subject: Subject, _ conditions: [CompiledExpression], state: (Assessment) -> AnyHashable
    ) -> [FactChange] {
        let candidates = ChangeCandidates.values(for: conditions, in: project)
        let original = state(assessment)
        var changes: [FactChange] = []
        for slot in candidates.keys.sorted() {
            let current = project.values[slot]
            var moving: [(value: Value, result: Assessment)] = []
            for value in candidates[slot] ?? [] {
                let result = evaluate(slot: slot, value: value)
                if state(result) != original { moving.append((value, result)) }
            }
            var chosen: [(value: Value, result: Assessment)] = []
            if case .number(let now) = current {
                let below = moving.filter { Self.number($0.value) < now }
                let above = moving.filter { Self.number($0.value) > now }
                if let nearest = below.max(by: { Self.number($0.value) < Self.number($1.value) }) {
                    chosen.append(nearest)
                }
                if let nearest = above.min(by: { Self.number($0.value) < Self.number($1.value) }) {
                    chosen.append(nearest)
                }
            } else if current == .unknown,
                moving.contains(where: { if case .number = $0.value { true } else { false } })
            {
                var seen: Set<AnyHashable> = []
                for item in moving where seen.insert(state(item.result)).inserted { chosen.append(item) }
            } else {
                chosen = moving
            }
            for item in chosen {
                changes.append(
                    FactChange(subject: subject, slot: slot, from: current, to: item.value, result: item.result))
            }
        }
        return changes
    }

    /// The factor's measures the project has not adopted, each re-evaluated as if adopted.
    ///
    /// A measure the facts show is already in place (`satisfied_when`) is no option.
    func measureOptions(factor index: Int) -> [MeasureOption] {
        let open = ruleSet.factors[index].measures.filter { !project.measures.contains($0.id) }
        let satisfied = assessment.satisfiedMeasureIDs(among: Set(open.map(\.id)))
        return open.filter { !satisfied.contains($0.id) }.map { measure in
            MeasureOption(factor: index, measure: measure, result: Engine.evaluate(project.adopting(measure.id)))
        }
    }

    private static func number(_ value: Value) -> Double {
        if case .number(let number) = value { return number }
        return 0
    }
}
