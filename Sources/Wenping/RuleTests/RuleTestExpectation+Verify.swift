extension RuleTestExpectation {
    /// What is wrong with `assessment` for this expectation, in plain Chinese, or `nil` when it holds.
    ///
    /// The text names what was checked, the expected and the actual value: `措施后等级 期望 中，实际 高`.
    func failure(in assessment: Assessment) -> String? {
        let ruleSet = assessment.ruleSet
        switch check {
        case .grade(let after, let expected):
            let actual = after ? assessment.after.grade : assessment.before.grade
            guard actual != expected else { return nil }
            return "\(after ? "措施后" : "措施前")等级 期望 \(ruleSet.grades[expected].id)，实际 \(ruleSet.grades[actual].id)"
        case .index(let after, let expected, let tolerance):
            let actual = after ? assessment.after.index : assessment.before.index
            guard abs(actual - expected) > tolerance + 1e-12 else { return nil }
            return "\(after ? "措施后" : "措施前")综合指数 期望 \(Formatting.number(expected, digits: 6))"
                + "（允许误差 \(Formatting.number(tolerance, digits: 6))），实际 \(Formatting.number(actual))"
        case .applies(let factor, let expected):
            let actual = assessment.factors[factor].applicability.isApplicable
            guard actual != expected else { return nil }
            let show = { (applies: Bool) in applies ? "适用" : "不适用" }
            return "风险因素“\(ruleSet.factors[factor].id)”是否适用 期望 \(show(expected))，实际 \(show(actual))"
        case .level(let factor, let aspect, let after, let expected):
            let result = assessment.factors[factor]
            let what = "风险因素“\(ruleSet.factors[factor].id)”\(after ? "措施后" : "措施前")\(aspect.name)"
            let labels = aspect.labels(ruleSet)
            guard result.applicability.isApplicable else {
                return "\(what) 期望 \(labels[expected])，实际 该因素不适用"
            }
            let estimate = after ? result.after : result.before
            let actual =
                switch aspect {
                case .probability: estimate.probability
                case .impact: estimate.impact
                case .degree: estimate.degree
                }
            guard actual != expected else { return nil }
            return "\(what) 期望 \(labels[expected])，实际 \(labels[actual])\(after ? "" : band(factor, aspect, assessment))"
        case .floors(let expected, let exact):
            let actual = Set(assessment.floors)
            let names = ruleSet.floors.map(\.id)
            if exact {
                guard actual != expected else { return nil }
                return "触发的兜底条件 期望 \(Self.list(expected, names))，实际 \(Self.list(actual, names))"
            }
            let missing = expected.subtracting(actual)
            guard !missing.isEmpty else { return nil }
            return "兜底条件 \(Self.list(missing, names)) 应触发而未触发（实际触发：\(Self.list(actual, names))）"
        case .rules(let expected, let after):
            let bits = after ? assessment.after.rules : assessment.before.rules
            let actual = Set(ruleSet.aggregation.rules.indices.filter { bits & (1 << UInt64($0)) != 0 })
            guard actual != expected else { return nil }
            let names = ruleSet.aggregation.rules.map(\.id)
            return "\(after ? "措施后" : "措施前")成立的数量规则 期望 \(Self.list(expected, names))，"
                + "实际 \(Self.list(actual, names))"
        case .missing(let expectedFacts, let expectedExperts):
            let actualFacts = Set(assessment.unknowns.flatMap { assessment.missing($0) })
            let actualExperts = Set(
                assessment.unknowns.compactMap { unknown -> Int? in
                    if case .experts(let factor) = unknown.place { return factor }
                    return nil
                })
            guard actualFacts != expectedFacts || actualExperts != expectedExperts else { return nil }
            let names = ruleSet.inputs.map(\.name)
            let panel = ruleSet.factors.map { RuleTestLoader.expertsPrefix + $0.id }
            let show = { (facts: Set<Int>, experts: Set<Int>) -> String in
                let all = facts.sorted().map { names[$0] } + experts.sorted().map { panel[$0] }
                return all.isEmpty ? "无" : all.joined(separator: "、")
            }
            return "报告缺失的事实 期望 \(show(expectedFacts, expectedExperts))，实际 \(show(actualFacts, actualExperts))"
        }
    }

    /// `（第 2 档：compensation_ratio < 1.0）`: the band that set a level before measures.
    private func band(_ factor: Int, _ aspect: Aspect, _ assessment: Assessment) -> String {
        let definition = assessment.ruleSet.factors[factor]
        let result = assessment.factors[factor]
        let (bands, index) =
            switch aspect {
            case .probability: (definition.probability, result.probabilityBand)
            case .impact: (definition.impact, result.impactBand)
            case .degree: ([CompiledRuleSet.Band](), -1)
            }
        guard bands.indices.contains(index) else { return "" }
        return "（\(Self.describe(bands[index], number: index))）"
    }

    /// `第 2 档：compensation_ratio < 1.0` or `else 档`.
    static func describe(_ band: CompiledRuleSet.Band, number index: Int) -> String {
        band.condition.map { "第 \(index + 1) 档：\($0.source)" } ?? "else 档"
    }

    /// Names of `indexes` in ruleset order, joined with `、`; `无` when empty.
    static func list(_ indexes: Set<Int>, _ names: [String]) -> String {
        indexes.isEmpty ? "无" : indexes.sorted().map { names[$0] }.joined(separator: "、")
    }
}

extension RuleTestExpectation.Aspect {
    /// `风险概率`, `影响程度` or `风险程度`.
    var name: String {
        switch self {
        case .probability: "风险概率"
        case .impact: "影响程度"
        case .degree: "风险程度"
        }
    }

    func labels(_ ruleSet: CompiledRuleSet) -> [String] {
        switch self {
        case .probability: ruleSet.probabilityScale.levels.map(\.label)
        case .impact: ruleSet.impactScale.levels.map(\.label)
        case .degree: ruleSet.degrees.labels
        }
    }
}
