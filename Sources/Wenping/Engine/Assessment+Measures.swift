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
        for factor in ruleSet.factors {
            for measure in factor.measures where ids?.contains(measure.id) ?? true && !satisfied.contains(measure.id) {
                if let condition = measure.satisfied, condition.evaluate(in: environment) == .boolean(true) {
                    satisfied.insert(measure.id)
                }
            }
        }
        return satisfied
    }

    /// Why an adopted measure changed nothing for one factor, in Chinese; `nil` when it lowered a level.
    func noEffectReason(_ effect: MeasureEffect) -> String? {
        let factor = ruleSet.factors[effect.factor]
        let measure = factor.measures[effect.measure]
        let result = factors[effect.factor]
        switch effect.outcome {
        case .lowered:
            return nil
        case .factorNotApplicable:
            return "无效果：风险因素“\(factor.label)”不适用于本项目"
        case .alreadySatisfied:
            return "无效果：项目事实表明该措施已经落实"
        case .alreadyLowest:
            return "无效果：该措施所降低的等级已是最低一级"
        case .causeUnknown where result.source == .experts:
            return "无效果：风险因素“\(factor.label)”的等级由专家评分确定，不对应规则中的成因分档，无法认定该措施对症"
        case .causeUnknown where result.source == .expertsMissing && result.probabilityBand < 0:
            return "无效果：风险因素“\(factor.label)”缺少专家评分，等级按从严原则确定，无法认定该措施对症"
        case .causeUnknown:
            return "无效果：风险因素“\(factor.label)”的等级因缺少事实按从严原则确定，无法认定该措施对症"
        case .causeNotCured:
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
