extension Assessment {
    /// What the adopted measure `id` did, one entry per factor offering it (empty when it was not adopted).
    func effects(ofMeasure id: String) -> [MeasureEffect] {
        measureEffects.filter { ruleSet.factors[$0.factor].measures[$0.measure].id == id }
    }

    /// Whether the measure `id` changed any factor's level; `nil` when the project did not adopt it.
    public func measureChangedAnything(_ id: String) -> Bool? {
        let effects = effects(ofMeasure: id)
        return effects.isEmpty ? nil : effects.contains(where: \.changed)
    }

    /// Whether the facts show the measure `id` is already in place (its `satisfied_when` holds), adopted or not:
    /// such a measure is not to be recommended.
    public func isMeasureSatisfied(_ id: String) -> Bool {
        satisfiedMeasureIDs(among: [id]).contains(id)
    }

    /// The ids of the measures (of `ids`, or of all) that the facts show already in place: ``isMeasureSatisfied(_:)``
    /// for many measures in one pass over the ruleset.
    func satisfiedMeasureIDs(among ids: Set<String>? = nil) -> Set<String> {
        let environment = EvaluationEnvironment(slots: slots)
        var satisfied: Set<String> = []
        let factors = ruleSet.factors
        // By index, reading only the fields needed: iterating the structs would copy every factor and measure.
        for factor in factors.indices {
            let measures = factors[factor].measures
            for index in measures.indices {
                guard let condition = measures[index].satisfied else { continue }
                let id = measures[index].id
                guard ids?.contains(id) ?? true, !satisfied.contains(id) else { continue }
                if condition.evaluate(in: environment) == .boolean(true) { satisfied.insert(id) }
            }
        }
        return satisfied
    }

    /// Why an adopted measure changed nothing, for the reasons whose sentence names only the factor (not the band
    /// that set its level): one sentence per factor and reason, so reports can word them once per ruleset.
    enum FixedNoEffect: Int, CaseIterable, Sendable {
        case factorNotApplicable, alreadySatisfied, alreadyLowest
        /// ``MeasureEffect/Outcome/causeUnknown`` when the expert panel set the level.
        case panelLevel
        /// ``MeasureEffect/Outcome/causeUnknown`` when the panel is missing and the strict rule set the level.
        case panelMissing
        /// ``MeasureEffect/Outcome/causeUnknown`` when missing facts left the band to the strict rule.
        case factsMissing

        /// The sentence for a factor labelled `factor`.
        func sentence(factor: String) -> String {
            switch self {
            case .factorNotApplicable: "无效果：风险因素“\(factor)”不适用于本项目"
            case .alreadySatisfied: "无效果：项目事实表明该措施已经落实"
            case .alreadyLowest: "无效果：该措施所降低的等级已是最低一级"
            case .panelLevel: "无效果：风险因素“\(factor)”的等级由专家评分确定，不对应规则中的成因分档，无法认定该措施对症"
            case .panelMissing: "无效果：风险因素“\(factor)”缺少专家评分，等级按从严原则确定，无法认定该措施对症"
            case .factsMissing: "无效果：风险因素“\(factor)”的等级因缺少事实按从严原则确定，无法认定该措施对症"
            }
        }
    }

    /// Which fixed reason explains `effect`; `nil` when it lowered a level or its reason names bands
    /// (``MeasureEffect/Outcome/causeNotCured``).
    func fixedNoEffect(_ effect: MeasureEffect) -> FixedNoEffect? {
        let result = factors[effect.factor]
        switch effect.outcome {
        case .lowered, .causeNotCured: return nil
        case .factorNotApplicable: return .factorNotApplicable
        case .alreadySatisfied: return .alreadySatisfied
        case .alreadyLowest: return .alreadyLowest
        case .causeUnknown where result.source == .experts: return .panelLevel
        case .causeUnknown where result.source == .expertsMissing && result.probabilityBand < 0: return .panelMissing
        case .causeUnknown: return .factsMissing
        }
    }

    /// Why an adopted measure changed nothing for one factor, in Chinese; `nil` when it lowered a level.
    func noEffectReason(_ effect: MeasureEffect) -> String? {
        let factor = ruleSet.factors[effect.factor]
        if let fixed = fixedNoEffect(effect) { return fixed.sentence(factor: factor.label) }
        guard effect.outcome == .causeNotCured else { return nil }
        let measure = factor.measures[effect.measure]
        let result = factors[effect.factor]
        var causes: [String] = []
        if measure.lowersProbability > 0, result.probabilityBand >= 0 {
            causes.append(cause(factor.probability[result.probabilityBand], scale: probabilityLabel(result)))
        }
        if measure.lowersImpact > 0, result.impactBand >= 0 {
            causes.append(cause(factor.impact[result.impactBand], scale: impactLabel(result)))
        }
        let text = causes.joined(separator: "；")
        return "无效果：该措施不针对本项目的成因" + (text.isEmpty ? "" : "（\(text)）")
    }

    private func probabilityLabel(_ result: FactorResult) -> String {
        "风险概率\(ruleSet.probabilityScale.levels[result.before.probability].label)"
    }

    private func impactLabel(_ result: FactorResult) -> String {
        "影响程度\(ruleSet.impactScale.levels[result.before.impact].label)"
    }

    private func cause(_ band: CompiledRuleSet.Band, scale: String) -> String {
        if let because = band.because { return "\(scale)的成因是“\(because)”" }
        if let condition = band.condition { return "\(scale)由条件“\(condition.source)”确定" }
        return scale
    }
}
