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
        let ruleSet = project.ruleSet
        var environment = EvaluationEnvironment(slots: project.values)
        var unknowns: [Assessment.Unknown] = []
        let policy = ruleSet.aggregation.unknownPolicy

        environment.slots.reserveCapacity(ruleSet.slotCount)
        // A derived value left unknown is reported through the conditions that read it, with its facts.
        for derived in ruleSet.derived {
            environment.slots.append(derived.expression.evaluate(in: environment))
        }

        var results: [Assessment.FactorResult] = []
        results.reserveCapacity(ruleSet.factors.count)
        for (index, factor) in ruleSet.factors.enumerated() {
            var applicability = Assessment.Applicability.applies
            if let condition = factor.applicability {
                switch condition.evaluate(in: environment) {
                case .boolean(true): applicability = .applies
                case .unknown:
                    applicability = policy == .cautious ? .assumedApplicable : .assumedNotApplicable
                    unknowns.append(.init(place: .applicability(factor: index), missing: missing(condition, project)))
                default: applicability = .notApplicable
                }
            }
            guard applicability.isApplicable else {
                // Left out of everything: no band is evaluated, so no missing data is reported for it.
                let lowest = Assessment.Estimate(probability: 0, impact: 0, degree: ruleSet.degrees.table[0][0])
                results.append(
                    Assessment.FactorResult(
                        applicability: applicability, probabilityBand: -1, impactBand: -1, before: lowest,
                        after: lowest))
                continue
            }
            let probability = selectBand(factor.probability, environment, policy) { band in
                unknowns.append(.init(place: .probability(factor: index, band: band), missing: []))
            }
            let impact = selectBand(factor.impact, environment, policy) { band in
                unknowns.append(.init(place: .impact(factor: index, band: band), missing: []))
            }
            let before = Assessment.Estimate(
                probability: probability.level, impact: impact.level,
                degree: ruleSet.degrees.table[probability.level][impact.level])
            let lowering = project.lowering[index]
            let afterP = max(0, probability.level - lowering.probability)
            let afterI = max(0, impact.level - lowering.impact)
            let after = Assessment.Estimate(
                probability: afterP, impact: afterI, degree: ruleSet.degrees.table[afterP][afterI])
            results.append(
                Assessment.FactorResult(
                    applicability: applicability, probabilityBand: probability.band, impactBand: impact.band,
                    before: before, after: after))
        }
        fillMissing(&unknowns, ruleSet, project)

        var floors: [Int] = []
        var floorGrade = 0
        for (index, floor) in ruleSet.floors.enumerated() {
            var fires = false
            switch floor.condition.evaluate(in: environment) {
            case .boolean(true): fires = true
            case .unknown:
                fires = floor.unknownPolicy == .cautious
                unknowns.append(.init(place: .floor(index), missing: missing(floor.condition, project)))
            default: break
            }
            if fires {
                floors.append(index)
                floorGrade = max(floorGrade, floor.grade)
            }
        }

        let before = outcome(results, \.before, ruleSet, &environment, floorGrade, &unknowns, project)
        let after = outcome(results, \.after, ruleSet, &environment, floorGrade, &unknowns, project)
        let derivedValues = Array(environment.slots[ruleSet.inputs.count...])
        return Assessment(
            project: project, factors: results, before: before, after: after, floors: floors,
            derivedValues: derivedValues, unknowns: unknowns)
    }

    /// The first band whose condition holds.
    ///
    /// An undecided condition under the cautious policy takes the highest level among it and the bands after it; under
    /// ignore it is skipped. `undecided` is told the band index.
    @inline(__always)
    static func selectBand(
        _ bands: [CompiledRuleSet.Band], _ environment: EvaluationEnvironment,
        _ policy: CompiledRuleSet.UnknownPolicy, undecided: (Int) -> Void
    ) -> (level: Int, band: Int) {
        for index in bands.indices {
            let band = bands[index]
            guard let condition = band.condition else { return (band.level, index) }
            switch condition.evaluate(in: environment) {
            case .boolean(true):
                return (band.level, index)
            case .unknown:
                undecided(index)
                if policy == .cautious {
                    var level = band.level
                    for later in bands[index...] { level = max(level, later.level) }
                    return (level, index)
                }
            default:
                continue
            }
        }
        // Unreachable for a compiled ruleset (the last band is `else`); the lowest level keeps this total.
        return (0, bands.count - 1)
    }

    private static func outcome(
        _ results: [Assessment.FactorResult], _ point: KeyPath<Assessment.FactorResult, Assessment.Estimate>,
        _ ruleSet: CompiledRuleSet, _ environment: inout EvaluationEnvironment, _ floorGrade: Int,
        _ unknowns: inout [Assessment.Unknown], _ project: Project
    ) -> Assessment.Outcome {
        var weighted = 0.0
        var weights = 0.0
        var counts = [Int](repeating: 0, count: ruleSet.degrees.labels.count)
        for (index, result) in results.enumerated() where result.applicability.isApplicable {
            let estimate = result[keyPath: point]
            let weight = ruleSet.factors[index].weight
            weighted +=
                weight * ruleSet.probabilityScale.levels[estimate.probability].value
                * ruleSet.impactScale.levels[estimate.impact].value
            weights += weight
            counts[estimate.degree] += 1
        }
        let index = weights > 0 ? weighted / weights : 0
        let aggregation = ruleSet.aggregation
        let indexGrade = aggregation.indexCuts.first { index >= $0.atLeast - 1e-9 }?.grade ?? aggregation.indexElse
        var grade = max(indexGrade, floorGrade)
        var rules: [Int] = []
        environment.degreeCounts = counts
        for (ruleIndex, rule) in aggregation.rules.enumerated() {
            switch rule.condition.evaluate(in: environment) {
            case .boolean(true):
                rules.append(ruleIndex)
                grade = max(grade, rule.grade)
            case .unknown:
                if !unknowns.contains(where: { $0.place == .rule(ruleIndex) }) {
                    unknowns.append(.init(place: .rule(ruleIndex), missing: missing(rule.condition, project)))
                }
                if aggregation.unknownPolicy == .cautious {
                    rules.append(ruleIndex)
                    grade = max(grade, rule.grade)
                }
            default: break
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
        return slots.sorted()
    }

    /// Band unknowns are recorded cheaply in the hot loop; their missing facts are worked out once here.
    private static func fillMissing(
        _ unknowns: inout [Assessment.Unknown], _ ruleSet: CompiledRuleSet, _ project: Project
    ) {
        for index in unknowns.indices {
            switch unknowns[index].place {
            case .probability(let factor, let band):
                if let condition = ruleSet.factors[factor].probability[band].condition {
                    unknowns[index].missing = missing(condition, project)
                }
            case .impact(let factor, let band):
                if let condition = ruleSet.factors[factor].impact[band].condition {
                    unknowns[index].missing = missing(condition, project)
                }
            default: break
            }
        }
    }
}
