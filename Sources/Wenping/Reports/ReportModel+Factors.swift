extension ReportModel {
    /// What every factor of one project shares, worked out once per project instead of once per factor.
    private struct FactorContext {
        /// What left a factor's probability or impact undecided (only factors with such an unknown have one).
        struct Undecided {
            /// Input slots whose absence left the level to the unknown policy, in the order of the unknowns.
            var missingP: [Int] = []
            var missingI: [Int] = []
            /// ``Assessment/shortfall(_:)`` of each such unknown, in the same order.
            var shortfallP: [String] = []
            var shortfallI: [String] = []
        }

        let tables: ReportTables
        let policy: CompiledRuleSet.UnknownPolicy
        /// Σ w over applicable factors (the denominator of every contribution).
        let weightSum: Double
        /// ``Assessment/satisfiedMeasureIDs()``.
        let satisfied: Set<String>
        /// The project's adopted measure ids.
        let adopted: Set<String>
        /// For each measure of each factor (flat, ``ReportTables/Factor/firstMeasure``): the index in
        /// ``Assessment/measureEffects`` of its first effect, or -1; empty when the project has no effects.
        let effects: [Int]
        let undecided: [Int: Undecided]

        init(_ assessment: Assessment, _ tables: ReportTables) {
            let ruleSet = assessment.ruleSet
            self.tables = tables
            policy = ruleSet.aggregation.unknownPolicy
            var weightSum = 0.0
            for (index, result) in assessment.factors.enumerated() where result.applicability.isApplicable {
                weightSum += ruleSet.factors[index].weight
            }
            self.weightSum = weightSum
            satisfied = assessment.satisfiedMeasureIDs()
            adopted = Set(assessment.project.measures)
            var effects: [Int] = []
            if !assessment.measureEffects.isEmpty {
                effects = Array(repeating: -1, count: tables.measureCount)
                for (position, effect) in assessment.measureEffects.enumerated() {
                    let slot = tables.factors[effect.factor].firstMeasure + effect.measure
                    if effects[slot] < 0 { effects[slot] = position }
                }
            }
            self.effects = effects
            var undecided: [Int: Undecided] = [:]
            for unknown in assessment.unknowns {
                switch unknown.place {
                case .probability(let factor, _):
                    undecided[factor, default: Undecided()].missingP += assessment.missing(unknown)
                    undecided[factor, default: Undecided()].shortfallP.append(assessment.shortfall(unknown))
                case .impact(let factor, _):
                    undecided[factor, default: Undecided()].missingI += assessment.missing(unknown)
                    undecided[factor, default: Undecided()].shortfallI.append(assessment.shortfall(unknown))
                default: break
                }
            }
            self.undecided = undecided
        }

        /// The first effect of measure `number` of factor `factor` on the project, if it was adopted.
        func effect(factor: Int, measure number: Int, in assessment: Assessment) -> Assessment.MeasureEffect? {
            guard !effects.isEmpty else { return nil }
            let position = effects[tables.factors[factor].firstMeasure + number]
            return position < 0 ? nil : assessment.measureEffects[position]
        }
    }

    /// The display model of every factor of `assessment`, in ruleset order.
    static func factors(_ assessment: Assessment, _ tables: ReportTables) -> [Factor] {
        let context = FactorContext(assessment, tables)
        var out: [Factor] = []
        out.reserveCapacity(assessment.factors.count)
        for index in assessment.factors.indices { out.append(factor(index, assessment, context)) }
        return out
    }

    private static func factor(_ index: Int, _ assessment: Assessment, _ context: FactorContext) -> Factor {
        let ruleSet = assessment.ruleSet
        let factor = ruleSet.factors[index]
        let table = context.tables.factors[index]
        let result = assessment.factors[index]
        let applies = result.applicability.isApplicable
        let undecided = context.undecided[index] ?? FactorContext.Undecided()
        func level(
            _ point: Int, _ scale: CompiledRuleSet.Scale, _ bands: [CompiledRuleSet.Band], _ bandIndex: Int,
            _ missing: [Int], _ shortfalls: [String], panel: String?
        ) -> Level {
            let label = scale.levels[point].label
            if let panel {
                // The panel (or the strict rule for its absence) set the level: no band, no condition.
                return Level(
                    level: point + 1, label: label, band: -1, because: panel, condition: nil,
                    undecided: result.source == .expertsMissing, missing: [])
            }
            let band = bands[max(0, bandIndex)]
            var because: String? = applies ? band.because : nil
            if applies && !shortfalls.isEmpty {
                let names = unique(shortfalls).joined(separator: "，")
                because =
                    context.policy == .cautious
                    ? "\(names)，无法判断，按从严原则取“\(label)”"
                    : "\(names)，无法判断的条件按不满足处理，取“\(label)”"
            }
            return Level(
                level: point + 1, label: label, band: bandIndex, because: because,
                condition: applies ? band.condition?.source : nil, undecided: !shortfalls.isEmpty,
                missing: missing.isEmpty ? [] : unique(missing).map { ruleSet.inputs[$0].name })
        }
        let panelP = assessment.panelReason(factor: index, impact: false)
        let panelI = assessment.panelReason(factor: index, impact: true)
        func estimate(_ point: Assessment.Estimate) -> Estimate {
            let score =
                ruleSet.probabilityScale.levels[point.probability].value
                * ruleSet.impactScale.levels[point.impact].value
            return Estimate(
                probability: level(
                    point.probability, ruleSet.probabilityScale, factor.probability, result.probabilityBand,
                    undecided.missingP, undecided.shortfallP, panel: panelP),
                impact: level(
                    point.impact, ruleSet.impactScale, factor.impact, result.impactBand, undecided.missingI,
                    undecided.shortfallI, panel: panelI),
                degree: point.degree + 1, degreeLabel: ruleSet.degrees.labels[point.degree], score: score,
                contribution: applies && context.weightSum > 0 ? factor.weight * score / context.weightSum : 0)
        }
        let applicability: String =
            switch result.applicability {
            case .applies: "applies"
            case .notApplicable: "not_applicable"
            case .assumedApplicable: "assumed_applicable"
            case .assumedNotApplicable: "assumed_not_applicable"
            }
        var measures: [Measure] = []
        measures.reserveCapacity(factor.measures.count)
        for (number, measure) in factor.measures.enumerated() {
            let isAdopted = !context.adopted.isEmpty && context.adopted.contains(measure.id)
            let isSatisfied = !context.satisfied.isEmpty && context.satisfied.contains(measure.id)
            let effect = context.effect(factor: index, measure: number, in: assessment)
            var outcome = effect.map { measureOutcome($0, assessment) }
            if !isAdopted && isSatisfied { outcome = "无需采纳：项目事实表明该措施已经落实" }
            measures.append(
                Measure(
                    id: measure.id, label: measure.label, owner: measure.owner, assisting: measure.assisting,
                    deadline: measure.deadline, lowersProbability: measure.lowersProbability,
                    lowersImpact: measure.lowersImpact, adopted: isAdopted, outcome: outcome, isSatisfied: isSatisfied,
                    lowered: effect?.changed ?? false))
        }
        return Factor(
            id: factor.id, label: factor.label, category: table.category, stage: factor.stage, weight: factor.weight,
            basis: table.basis, basisShort: table.basisShort, applicability: applicability, isApplicable: applies,
            source: Assessment.sourceKey(result.source), before: estimate(result.before), after: estimate(result.after),
            measures: measures)
    }

    /// What one adopted measure did to one factor: the levels it lowered, or why it changed nothing.
    static func measureOutcome(_ effect: Assessment.MeasureEffect, _ assessment: Assessment) -> String {
        guard effect.changed else { return assessment.noEffectReason(effect) ?? "无效果" }
        var moved: [String] = []
        if effect.probability > 0 { moved.append("风险概率降低 \(effect.probability) 级") }
        if effect.impact > 0 { moved.append("影响程度降低 \(effect.impact) 级") }
        return moved.joined(separator: "，")
    }

    /// `items` without repeats, in first-seen order.
    private static func unique<Item: Hashable>(_ items: [Item]) -> [Item] {
        var seen: Set<Item> = []
        return items.filter { seen.insert($0).inserted }
    }
}
