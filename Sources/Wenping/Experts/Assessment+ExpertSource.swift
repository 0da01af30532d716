/// How a factor graded by the expert panel (`source: experts`) got its levels, in the words reports and
/// explanations use.
extension Assessment {
    /// `"bands"`, `"experts"` or `"experts_missing"`, as JSON reports write a factor's source.
    static func sourceKey(_ source: LevelSource) -> String {
        switch source {
        case .bands: "bands"
        case .experts: "experts"
        case .expertsMissing: "experts_missing"
        }
    }

    /// Why factor `index`'s probability (or impact) before measures has its level, when the expert panel or
    /// its absence set it; `nil` when the bands did (including a missing panel under `unknown: ignore`).
    func panelReason(factor index: Int, impact: Bool) -> String? {
        let result = factors[index]
        guard result.applicability.isApplicable else { return nil }
        let scale = impact ? ruleSet.impactScale : ruleSet.probabilityScale
        let label = scale.levels[impact ? result.before.impact : result.before.probability].label
        switch result.source {
        case .bands:
            return nil
        case .experts:
            let method = project.experts.map { ExpertPanel.describe($0.method, $0.defuzzify) } ?? ""
            return "按规则规定由专家评分确定：专家评定为“\(label)”（\(method)），未采用规则分档"
        case .expertsMissing:
            guard ruleSet.aggregation.unknownPolicy == .cautious else { return nil }
            return "规则规定由专家评分确定，但项目文件没有该因素的专家评分，按从严原则取最高一级“\(label)”"
        }
    }

    /// The Chinese sentence for the missing-data lists: what a factor without panel scores was given instead.
    func missingPanelEffect(factor index: Int) -> String {
        let factor = ruleSet.factors[index]
        let result = factors[index]
        let p = ruleSet.probabilityScale.levels[result.before.probability].label
        let i = ruleSet.impactScale.levels[result.before.impact].label
        let how =
            ruleSet.aggregation.unknownPolicy == .cautious
            ? "按从严原则取最高一级" : "按规则 unknown: ignore 改用规则分档"
        return "风险因素“\(factor.label)”按规则应由专家评分确定，缺少评分，\(how)：风险概率“\(p)”、影响程度“\(i)”"
    }
}

extension ExpertPanel {
    /// The aggregation method in words: `模糊综合评价，最大隶属度原则`.
    static func describe(_ method: Method, _ defuzzify: Defuzzification) -> String {
        switch (method, defuzzify) {
        case (.mean, _): "等级均值法"
        case (.fuzzy, .maxMembership): "模糊综合评价，最大隶属度原则"
        case (.fuzzy, .weightedAverage): "模糊综合评价，隶属度加权平均"
        }
    }
}
