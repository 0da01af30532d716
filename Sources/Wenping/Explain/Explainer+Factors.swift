extension Explainer {
    /// Part two: for each factor, the band that set each level and why, its degree and contribution, and what
    /// the adopted measures did; the factors that do not apply, and why not.
    static func factorSection(_ context: Context) -> String {
        let assessment = context.assessment
        var out = "## 二、各风险因素\n\n"
        let indexes = context.factorIndexes
        let applicable = indexes.filter { assessment.factors[$0].applicability.isApplicable }
        for (number, index) in applicable.enumerated() {
            out += factor(context, index, number: number + 1)
        }
        let excluded = indexes.filter { !assessment.factors[$0].applicability.isApplicable }
        if !excluded.isEmpty {
            out += "### 不适用的风险因素\n\n"
            for index in excluded {
                let factor = context.ruleSet.factors[index]
                out += "- \(factor.label)（\(factor.id)）：\(applicability(context, index))\n"
            }
            out += "\n"
        }
        return out
    }

    private static func factor(_ context: Context, _ index: Int, number: Int) -> String {
        let ruleSet = context.ruleSet
        let factor = ruleSet.factors[index]
        let shown = context.model.factors[index]
        var out = "### \(number). \(factor.label)（\(factor.id)）\n\n"
        var about = ["类型 \(shown.category)", "权重 \(Formatting.weight(factor.weight))"]
        if !shown.basis.isEmpty { about.append("依据 \(shown.basis.joined(separator: "；"))") }
        out += about.joined(separator: "，") + "。\n\n"
        if factor.applicability != nil { out += "- 适用：\(applicability(context, index))\n" }
        out += "- " + band(context, index, impact: false) + "\n"
        out += "- " + band(context, index, impact: true) + "\n"
        let before = shown.before
        out +=
            "- 风险程度 \(before.degreeLabel)：概率分值 \(Formatting.number(value(before.probability, ruleSet.probabilityScale)))"
        out += " × 影响分值 \(Formatting.number(value(before.impact, ruleSet.impactScale)))"
        out += " = \(Formatting.number(before.score))；对综合风险指数的贡献 \(Formatting.index(before.contribution))"
        if context.assessment.before.index > 0 {
            out += "（占 \(Formatting.number(before.contribution / context.assessment.before.index * 100, digits: 1))%）"
        }
        out += "\n- " + afterMeasures(context, index) + "\n\n"
        return out
    }

    private static func value(_ level: ReportModel.Level, _ scale: CompiledRuleSet.Scale) -> Double {
        scale.levels[level.level - 1].value
    }

    /// Whether the factor applies and why, with the facts its condition read.
    private static func applicability(_ context: Context, _ index: Int) -> String {
        let ruleSet = context.ruleSet
        let factor = ruleSet.factors[index]
        guard let expression = factor.applicability else { return "总是适用" }
        let facts = "相关事实：\(factList(context, expression.references))"
        let unknown = context.assessment.unknowns.first { $0.place == .applicability(factor: index) }
        let condition = "适用条件 \(code(expression.source))"
        switch context.assessment.factors[index].applicability {
        case .applies: return "\(condition) 成立。\(facts)"
        case .notApplicable: return "\(condition) 不成立，不计入综合风险指数。\(facts)"
        case .assumedApplicable:
            return "\(condition) 因\(missing(context, unknown))无法判断，按从严原则视为适用。\(facts)"
        case .assumedNotApplicable:
            return "\(condition) 因\(missing(context, unknown))无法判断，按不满足处理，视为不适用。\(facts)"
        }
    }

    /// The band that set the probability (or impact) level, why, and the facts the deciding conditions read.
    private static func band(_ context: Context, _ index: Int, impact: Bool) -> String {
        let ruleSet = context.ruleSet
        let factor = ruleSet.factors[index]
        let bands = impact ? factor.impact : factor.probability
        let result = context.assessment.factors[index]
        let chosen = max(0, impact ? result.impactBand : result.probabilityBand)
        let shown =
            impact ? context.model.factors[index].before.impact : context.model.factors[index].before.probability
        if let panel = context.assessment.panelReason(factor: index, impact: impact) {
            return "\(impact ? "影响程度" : "风险概率") \(shown.label)：\(panel)"
        }
        let unknown = context.assessment.unknowns.first { unknown in
            switch unknown.place {
            case .probability(let factor, _) where !impact: factor == index
            case .impact(let factor, _) where impact: factor == index
            default: false
            }
        }
        var undecided: Int?
        if case .probability(_, let band) = unknown?.place { undecided = band }
        if case .impact(_, let band) = unknown?.place { undecided = band }

        var text = "\(impact ? "影响程度" : "风险概率") \(shown.label)："
        let cautious = ruleSet.aggregation.unknownPolicy == .cautious
        if let undecided, cautious, undecided == chosen, let condition = bands[chosen].condition {
            text += "第 \(chosen + 1) 档条件 \(code(condition.source)) 因\(missing(context, unknown))无法判断，"
            text += "按从严原则取该档及其后各档中最高的等级"
        } else {
            if let undecided, let condition = bands[undecided].condition {
                text += "第 \(undecided + 1) 档条件 \(code(condition.source)) 因\(missing(context, unknown))无法判断，按不满足处理；"
            }
            let earlier = bands[..<chosen].compactMap(\.condition).map { code($0.source) }
            let notMet =
                earlier.count == 1
                ? "第 1 档条件 \(earlier[0]) 不成立" : "前 \(chosen) 档条件（\(earlier.joined(separator: "、"))）都不成立"
            if let condition = bands[chosen].condition {
                if chosen > 0 { text += "\(notMet)，" }
                text += "第 \(chosen + 1) 档条件 \(code(condition.source)) 成立"
            } else if chosen == 0 {
                text += "不分档，取 else 档"
            } else {
                text += "\(notMet)，取 else 档"
            }
        }
        if let because = bands[chosen].because { text += "，理由：\(because)" }
        let read = bands[...chosen].compactMap(\.condition).reduce(into: Set<Int>()) { $0.formUnion($1.references) }
        if !read.isEmpty { text += "。相关事实：\(factList(context, read))" }
        return text
    }

    /// What the adopted measures did to the factor.
    private static func afterMeasures(_ context: Context, _ index: Int) -> String {
        let factor = context.ruleSet.factors[index]
        let shown = context.model.factors[index]
        let adopted = factor.measures.filter { context.project.measures.contains($0.id) }
        guard !adopted.isEmpty else { return "落实措施后：本因素没有采纳措施，等级不变" }
        let list = adopted.map { "“\($0.label)”（\($0.id)，\(lowers($0))）" }.joined(separator: "、")
        var text = "落实措施后：已采纳\(list)；"
        text += "风险概率 \(change(shown.before.probability.label, shown.after.probability.label))，"
        text += "影响程度 \(change(shown.before.impact.label, shown.after.impact.label))，"
        text += "风险程度 \(change(shown.before.degreeLabel, shown.after.degreeLabel))，"
        text +=
            "贡献 \(change(Formatting.index(shown.before.contribution), Formatting.index(shown.after.contribution)))"
        if shown.before.probability.level == shown.after.probability.level
            && shown.before.impact.level == shown.after.impact.level
        {
            text += "（已是最低一级，措施不再降低）"
        }
        return text
    }

    /// `风险概率降 2 级`, `风险概率降 1 级、影响程度降 1 级`.
    static func lowers(_ measure: CompiledRuleSet.Measure) -> String {
        var parts: [String] = []
        if measure.lowersProbability > 0 { parts.append("风险概率降 \(measure.lowersProbability) 级") }
        if measure.lowersImpact > 0 { parts.append("影响程度降 \(measure.lowersImpact) 级") }
        return parts.isEmpty ? "不降低等级" : parts.joined(separator: "、")
    }

    /// `被征收户数（households）= 260 户；…` for the slots read, derived values followed by the facts they use.
    static func factList(_ context: Context, _ slots: Set<Int>) -> String {
        let ruleSet = context.ruleSet
        var all = slots
        var pending = Array(slots)
        while let slot = pending.popLast() {
            guard let derived = derived(slot, ruleSet) else { continue }
            for reference in derived.expression.references where all.insert(reference).inserted {
                pending.append(reference)
            }
        }
        return all.sorted().map { slot in
            var text = "\(name(of: slot, ruleSet))= \(display(context.assessment.slots[slot], slot: slot, ruleSet))"
            if slot < ruleSet.inputs.count, !context.project.given[slot], context.project.values[slot] != .unknown {
                text += "（默认值）"
            }
            return text
        }.joined(separator: "；")
    }

    /// What left a condition undecided: the absent facts it needed (`缺少“入户调查反对率”(opposition_rate)`), or
    /// a derived value that could not be computed (`“补偿比”无法计算（除数“市场价”为 0）`).
    private static func missing(_ context: Context, _ unknown: Assessment.Unknown?) -> String {
        guard let unknown else { return "缺少数据" }
        let slots = context.assessment.missing(unknown)
        guard !slots.isEmpty else { return context.assessment.shortfall(unknown) }
        return "缺少" + slots.map { name(of: $0, context.ruleSet) }.joined(separator: "、")
    }
}
