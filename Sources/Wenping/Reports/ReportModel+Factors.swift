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
        /// For each measure of each factor (flat, ``ReportTables/Factor/firstMeasure``): ``adoptedFlag`` when the
        /// project adopted its id, ``satisfiedFlag`` when its id is in ``Assessment/satisfiedMeasureIDs()``.
        let flags: [UInt8]
        static let adoptedFlag: UInt8 = 1
        static let satisfiedFlag: UInt8 = 2
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
            var flags = [UInt8](repeating: 0, count: tables.measureCount)
            for id in assessment.project.measures {
                for slot in tables.measureSlots[id] ?? [] { flags[slot] |= Self.adoptedFlag }
            }
            for id in assessment.satisfiedMeasureIDs() {
                for slot in tables.measureSlots[id] ?? [] { flags[slot] |= Self.satisfiedFlag }
            }
            self.flags = flags
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
        // Fields read one by one: a copy of the whole factor would retain every one of its arrays and strings.
        let definitions = ruleSet.factors
        let weight = definitions[index].weight
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
            // The band's fields one by one: a copy of the band would retain all of them.
            let band = max(0, bandIndex)
            var because: String? = applies ? bands[band].because : nil
            if applies && !shortfalls.isEmpty {
                let names = unique(shortfalls).joined(separator: "，")
                because =
                    context.policy == .cautious
                    ? "\(names)，无法判断，按从严原则取“\(label)”"
                    : "\(names)，无法判断的条件按不满足处理，取“\(label)”"
            }
            return Level(
                level: point + 1, label: label, band: bandIndex, because: because,
                condition: applies ? bands[band].condition?.source : nil, undecided: !shortfalls.isEmpty,
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
                    point.probability, ruleSet.probabilityScale, definitions[index].probability, result.probabilityBand,
                    undecided.missingP, undecided.shortfallP, panel: panelP),
                impact: level(
                    point.impact, ruleSet.impactScale, definitions[index].impact, result.impactBand, undecided.missingI,
                    undecided.shortfallI, panel: panelI),
                degree: point.degree + 1, degreeLabel: ruleSet.degrees.labels[point.degree], score: score,
                contribution: applies && context.weightSum > 0 ? weight * score / context.weightSum : 0)
        }
        let applicability: String =
            switch result.applicability {
            case .applies: "applies"
            case .notApplicable: "not_applicable"
            case .assumedApplicable: "assumed_applicable"
            case .assumedNotApplicable: "assumed_not_applicable"
            }
        let definition = definitions[index].measures
        var measures: [Measure] = []
        measures.reserveCapacity(definition.count)
        for number in definition.indices {
            let flags = context.flags[table.firstMeasure + number]
            let isAdopted = flags & FactorContext.adoptedFlag != 0
            let isSatisfied = flags & FactorContext.satisfiedFlag != 0
            let effect = context.effect(factor: index, measure: number, in: assessment)
            var outcome = effect.map { measureOutcome($0, assessment, context.tables) }
            if !isAdopted && isSatisfied { outcome = "无需采纳：项目事实表明该措施已经落实" }
            measures.append(
                Measure(
                    id: definition[number].id, label: definition[number].label, owner: definition[number].owner,
                    assisting: definition[number].assisting, deadline: definition[number].deadline,
                    lowersProbability: definition[number].lowersProbability,
                    lowersImpact: definition[number].lowersImpact, adopted: isAdopted, outcome: outcome,
                    isSatisfied: isSatisfied, lowered: effect?.changed ?? false))
        }
        return Factor(
            id: definitions[index].id, label: definitions[index].label, category: table.category,
            stage: definitions[index].stage, weight: weight,
            basis: table.basis, basisShort: table.basisShort, applicability: applicability, isApplicable: applies,
            source: Assessment.sourceKey(result.source), before: estimate(result.before), after: estimate(result.after),
            measures: measures)
    }

    /// What one adopted measure did to one factor: the levels it lowered, or why it changed nothing (the sentences
    /// that name only the factor come from `tables`).
    static func measureOutcome(
        _ effect: Assessment.MeasureEffect, _ assessment: Assessment, _ tables: ReportTables
    ) -> String {
        guard effect.changed else {
            if let fixed = assessment.fixedNoEffect(effect) {
                return tables.factors[effect.factor].noEffect[fixed.rawValue]
            }
            return tables.noEffectReasons.reason(effect, in: assessment)
        }
        return tables.lowered(effect.probability, effect.impact)
    }

    /// `items` without repeats, in first-seen order.
    private static func unique<Item: Hashable>(_ items: [Item]) -> [Item] {
        var seen: Set<Item> = []
        return items.filter { seen.insert($0).inserted }
    }
}
