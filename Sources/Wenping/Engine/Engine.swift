/// Grades projects against their compiled ruleset.
///
/// Evaluation of a valid ``Project`` cannot fail: every name, type and level was checked when the ruleset
/// compiled and when the facts were typed. `evaluate` is a pure function, safe to call from any thread.
///
/// The method, in order: derived values; each factor's applicability; its probability and impact from the
/// first matching band; its degree from the ruleset's table; the weighted index over applicable factors; the
/// count rules; the floors; the grade is the most severe of index grade, rules and floors. Then the same again
/// with the adopted measures lowering levels (never below the lowest). A condition that cannot be decided
/// because an optional fact is absent follows the ruleset's unknown policy and is recorded for the warnings.
public enum Engine {
    public static func evaluate(_ project: Project) -> Assessment {
        let plan = project.ruleSet.plan
        var slots = project.values
        slots.reserveCapacity(slots.count + plan.derived.count)
        var unknowns: [Assessment.Unknown] = []
        var effects: [Assessment.MeasureEffect] = []
        var results: [Assessment.FactorResult] = []
        results.reserveCapacity(plan.factors.count)
        var floors: UInt64 = 0
        var floorGrade = 0
        var before = Assessment.Outcome(index: 0, indexGrade: 0, rules: 0, grade: 0)
        var after = before

        plan.code.withUnsafeBufferPointer { code in
            // A derived value left unknown is reported through the conditions that read it, with its facts.
            for program in plan.derived {
                let value = slots.withUnsafeBufferPointer {
                    run(program, code, $0, UnsafeBufferPointer(start: nil, count: 0))
                }
                slots.append(value)
            }
            if plan.readsEstimates {
                let estimates = project.estimates
                slots.append(
                    contentsOf: estimates.isEmpty ? EstimateLayout.empty(inputCount: project.values.count) : estimates)
            }
            slots.withUnsafeBufferPointer { slots in
                let none = UnsafeBufferPointer<Int>(start: nil, count: 0)
                plan.bands.withUnsafeBufferPointer { bands in
                    plan.factors.withUnsafeBufferPointer { factors in
                        for index in factors.indices {
                            results.append(
                                evaluate(
                                    factors[index], index, project, plan, code, bands, slots, none, &unknowns,
                                    &effects))
                        }
                    }
                }
                for index in plan.floors.indices {
                    let floor = plan.floors[index]
                    var fires = false
                    switch run(floor.program, code, slots, none) {
                    case .boolean(true): fires = true
                    case .unknown:
                        fires = floor.cautious
                        unknowns.append(.init(place: .floor(index)))
                    default: break
                    }
                    if fires {
                        floors |= 1 << UInt64(index)
                        floorGrade = max(floorGrade, Int(floor.grade))
                    }
                }
                withUnsafeTemporaryAllocation(of: Int.self, capacity: plan.degreeCount) { counts in
                    before = outcome(results, afterMeasures: false, plan, code, slots, counts, floorGrade, &unknowns)
                    after = outcome(results, afterMeasures: true, plan, code, slots, counts, floorGrade, &unknowns)
                }
            }
        }
        return Assessment(
            project: project, factors: results, before: before, after: after, firedFloors: floors,
            slots: slots, unknowns: unknowns, measureEffects: effects)
    }

    @inline(__always)
    private static func run(
        _ program: EvaluationPlan.Program, _ code: UnsafeBufferPointer<Instruction>,
        _ slots: UnsafeBufferPointer<Value>, _ counts: UnsafeBufferPointer<Int>
    ) -> Value {
        let start = Int(program.start)
        return Evaluator.run(
            UnsafeBufferPointer(rebasing: code[start..<start + Int(program.count)]), stackCapacity: Int(program.stack),
            slots: slots, counts: counts)
    }

    /// One factor: applicability, the band that sets each level, the degree, and the levels after measures.
    @inline(__always)
    private static func evaluate(
        _ factor: EvaluationPlan.Factor, _ index: Int, _ project: Project, _ plan: EvaluationPlan,
        _ code: UnsafeBufferPointer<Instruction>, _ bands: UnsafeBufferPointer<EvaluationPlan.Band>,
        _ slots: UnsafeBufferPointer<Value>, _ none: UnsafeBufferPointer<Int>, _ unknowns: inout [Assessment.Unknown],
        _ effects: inout [Assessment.MeasureEffect]
    ) -> Assessment.FactorResult {
        let adopted = project.adopted[index]
        var applicability = Assessment.Applicability.applies
        if factor.applicability.count > 0 {
            switch run(factor.applicability, code, slots, none) {
            case .boolean(true): applicability = .applies
            case .unknown:
                applicability = plan.cautious ? .assumedApplicable : .assumedNotApplicable
                unknowns.append(.init(place: .applicability(factor: index)))
            default: applicability = .notApplicable
            }
        }
        guard applicability.isApplicable else {
            // Left out of everything: no band is evaluated, so no missing data is reported for it.
            var bits = adopted
            while bits != 0 {
                let number = bits.trailingZeroBitCount
                bits &= bits - 1
                effects.append(.init(factor: index, measure: number, outcome: .factorNotApplicable))
            }
            let lowest = Assessment.Estimate(probability: 0, impact: 0, degree: Int(plan.degreeTable[0]))
            return Assessment.FactorResult(
                applicability: applicability, probabilityBand: -1, impactBand: -1, before: lowest, after: lowest)
        }
        let first = Int(factor.firstProbability)
        let middle = Int(factor.firstImpact)
        var source = Assessment.LevelSource.bands
        var probability = (level: 0, band: -1, undecided: -1)
        var impact = (level: 0, band: -1, undecided: -1)
        if factor.fromExperts {
            if let levels = project.experts?.levels(ofFactor: index, on: project.ruleSet) {
                source = .experts
                probability.level = levels.probability
                impact.level = levels.impact
            } else {
                source = .expertsMissing
                unknowns.append(.init(place: .experts(factor: index)))
            }
        }
        if source == .expertsMissing && plan.cautious {
            // From the strict rule: no panel, no cause; the highest level of each scale.
            probability.level = plan.probabilityValues.count - 1
            impact.level = plan.impactCount - 1
        } else if source != .experts {
            probability = selectBand(UnsafeBufferPointer(rebasing: bands[first..<middle]), code, slots, plan.cautious)
            if probability.undecided >= 0 {
                unknowns.append(.init(place: .probability(factor: index, band: probability.undecided)))
            }
            impact = selectBand(
                UnsafeBufferPointer(rebasing: bands[middle..<Int(factor.end)]), code, slots, plan.cautious)
            if impact.undecided >= 0 {
                unknowns.append(.init(place: .impact(factor: index, band: impact.undecided)))
            }
        }
        var afterP = probability.level
        var afterI = impact.level
        var bits = adopted
        while bits != 0 {
            let number = bits.trailingZeroBitCount
            bits &= bits - 1
            let measure = plan.measures[Int(factor.firstMeasure) + number]
            var effect = Assessment.MeasureEffect(factor: index, measure: number, outcome: .lowered)
            if measure.satisfied.count > 0, case .boolean(true) = run(measure.satisfied, code, slots, none) {
                effect.outcome = .alreadySatisfied
                effects.append(effect)
                continue
            }
            // A measure that names its cures lowers a level only when the band that set it is one it cures; a
            // level set by the cautious policy for missing data has no known cause, so it is not cured.
            // A level the panel set (or the strict rule for a missing panel) has no band, so no cause to cure.
            let curesP =
                measure.lowersProbability > 0
                && (!measure.namesCures
                    || (probability.undecided < 0 && probability.band >= 0
                        && measure.curesProbability & (1 << UInt64(probability.band)) != 0))
            let curesI =
                measure.lowersImpact > 0
                && (!measure.namesCures
                    || (impact.undecided < 0 && impact.band >= 0
                        && measure.curesImpact & (1 << UInt64(impact.band)) != 0))
            if !curesP && !curesI {
                let unknownCause =
                    probability.undecided >= 0 || impact.undecided >= 0 || probability.band < 0 || impact.band < 0
                effect.outcome = unknownCause ? .causeUnknown : .causeNotCured
                effects.append(effect)
                continue
            }
            let newP = curesP ? max(0, afterP - Int(measure.lowersProbability)) : afterP
            let newI = curesI ? max(0, afterI - Int(measure.lowersImpact)) : afterI
            effect.probability = afterP - newP
            effect.impact = afterI - newI
            if newP == afterP && newI == afterI { effect.outcome = .alreadyLowest }
            afterP = newP
            afterI = newI
            effects.append(effect)
        }
        return Assessment.FactorResult(
            applicability: applicability, probabilityBand: probability.band, impactBand: impact.band,
            before: Assessment.Estimate(
                probability: probability.level, impact: impact.level,
                degree: Int(plan.degreeTable[probability.level * plan.impactCount + impact.level])),
            after: Assessment.Estimate(
                probability: afterP, impact: afterI, degree: Int(plan.degreeTable[afterP * plan.impactCount + afterI])),
            source: source)
    }

    /// The first band whose condition holds.
    ///
    /// An undecided condition under the cautious policy takes the highest level among it and the bands after it;
    /// under ignore it is skipped. `undecided` is the first band whose condition could not be decided, or -1.
    @inline(__always)
    private static func selectBand(
        _ bands: UnsafeBufferPointer<EvaluationPlan.Band>, _ code: UnsafeBufferPointer<Instruction>,
        _ slots: UnsafeBufferPointer<Value>, _ cautious: Bool
    ) -> (level: Int, band: Int, undecided: Int) {
        var undecided = -1
        let none = UnsafeBufferPointer<Int>(start: nil, count: 0)
        for index in bands.indices {
            let band = bands[index]
            if band.program.count == 0 { return (Int(band.level), index, undecided) }
            switch run(band.program, code, slots, none) {
            case .boolean(true):
                return (Int(band.level), index, undecided)
            case .unknown:
                if undecided < 0 { undecided = index }
                if cautious {
                    var level = band.level
                    for later in bands[index...] { level = max(level, later.level) }
                    return (Int(level), index, undecided)
                }
            default:
                continue
            }
        }
        // Unreachable for a compiled ruleset (the last band is `else`); the lowest level keeps this total.
        return (0, bands.count - 1, undecided)
    }

    private static func outcome(
        _ results: [Assessment.FactorResult], afterMeasures: Bool, _ plan: EvaluationPlan,
        _ code: UnsafeBufferPointer<Instruction>, _ slots: UnsafeBufferPointer<Value>,
        _ counts: UnsafeMutableBufferPointer<Int>, _ floorGrade: Int, _ unknowns: inout [Assessment.Unknown]
    ) -> Assessment.Outcome {
        var weighted = 0.0
        var weights = 0.0
        counts.initialize(repeating: 0)
        for index in results.indices where results[index].applicability.isApplicable {
            let estimate = afterMeasures ? results[index].after : results[index].before
            let weight = plan.factors[index].weight
            weighted += weight * plan.probabilityValues[estimate.probability] * plan.impactValues[estimate.impact]
            weights += weight
            counts[estimate.degree] += 1
        }
        let index = weights > 0 ? weighted / weights : 0
        var indexGrade = plan.indexElse
        for cut in plan.indexCuts where index >= cut.atLeast - 1e-9 {
            indexGrade = cut.grade
            break
        }
        var grade = max(indexGrade, floorGrade)
        var rules: UInt64 = 0
        do {
            let counts = UnsafeBufferPointer(counts)
            for ruleIndex in plan.rules.indices {
                let rule = plan.rules[ruleIndex]
                var holds = false
                switch run(rule.program, code, slots, counts) {
                case .boolean(true): holds = true
                case .unknown:
                    if !unknowns.contains(where: { $0.place == .rule(ruleIndex) }) {
                        unknowns.append(.init(place: .rule(ruleIndex)))
                    }
                    holds = rule.cautious
                default: break
                }
                if holds {
                    rules |= 1 << UInt64(ruleIndex)
                    grade = max(grade, Int(rule.grade))
                }
            }
        }
        return Assessment.Outcome(index: index, indexGrade: indexGrade, rules: rules, grade: grade)
    }

    /// The input slots an expression reads that the project left absent (derived values count through theirs).
    static func missing(_ expression: CompiledExpression, _ project: Project) -> [Int] {
        let ruleSet = project.ruleSet
        var slots: Set<Int> = []
        var pending = Array(expression.references)
        var visited: Set<Int> = []
        while let slot = pending.popLast() {
            guard visited.insert(slot).inserted else { continue }
            if slot < ruleSet.inputs.count {
                if !project.given[slot] && project.values[slot] == .unknown { slots.insert(slot) }
            } else if slot - ruleSet.inputs.count < ruleSet.derived.count {
                pending.append(contentsOf: ruleSet.derived[slot - ruleSet.inputs.count].expression.references)
            }
        }
        // A survey fact typed under `facts` has no sample for `lower`/`upper`/`sample` to read.
        for slot in expression.syntax.sampleReferences where !project.hasSample(slot) { slots.insert(slot) }
        return slots.sorted()
    }
}
