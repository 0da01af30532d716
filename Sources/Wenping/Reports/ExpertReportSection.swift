/// The expert-panel part of a report's 风险识别和估计 section: the method, each anonymised expert's scores, the
/// memberships, the panel's level beside the level the rule bands gave, the spread and a flag where experts
/// disagree strongly; for the fuzzy method, the synthesis B = A∘R.
///
/// For a factor the ruleset grades by the panel (`source: experts`) the panel's levels are the factor's levels and
/// its bands are not used; for every other factor the panel is shown beside the bands and changes nothing.
struct ExpertReportSection: Sendable {
    struct Row: Sendable {
        let factor: String
        let dimension: String
        let votes: [String]
        let membership: String
        let panelLevel: String
        let ruleLevel: String
        let spread: String
        let disagrees: Bool
    }

    let evaluation: ExpertEvaluation
    let method: String
    let rows: [Row]
    let synthesis: [String]
    let disagreements: [String]

    init?(_ model: ReportModel) {
        let assessment = model.assessment
        let ruleSet = assessment.ruleSet
        guard let panel = assessment.project.experts else { return nil }
        let evaluation = ExpertEvaluation(panel: panel, ruleSet: ruleSet)
        self.evaluation = evaluation
        let count = panel.expertCount
        let equal = panel.weights.allSatisfy { abs($0 - panel.weights[0]) < 1e-12 }
        let weights =
            equal ? "权重相等" : "权重 " + panel.weights.map { Formatting.number($0, digits: 4) }.joined(separator: "、")
        let aggregation =
            switch (panel.method, panel.defuzzify) {
            case (.mean, _): "等级均值法（各专家所评等级序号的加权平均，四舍五入到整级）"
            case (.fuzzy, .maxMembership): "模糊综合评价（由评分得各等级隶属度，按最大隶属度原则取级，并列时取较高一级）"
            case (.fuzzy, .weightedAverage): "模糊综合评价（由评分得各等级隶属度，按隶属度加权平均的等级序号四舍五入取级）"
            }
        let decided = evaluation.factors.filter { assessment.factors[$0.factor].source == .experts }
        let beside = evaluation.factors.count - decided.count
        let prescribed = ruleSet.experts != nil ? "规则规定的" : ""
        var method =
            "专家打分法：\(count) 位专家（匿名记为专家1至专家\(count)，\(weights)）对下列风险因素的风险概率和影响程度评分，"
            + "聚合方法为\(prescribed)\(aggregation)。"
        if !decided.isEmpty {
            let names = decided.map { "“\(ruleSet.factors[$0.factor].label)”" }.joined(separator: "、")
            method +=
                "按规则规定，\(names)的风险概率和影响程度取专家评定，未采用规则分档，并据此计入综合风险指数"
                + (beside > 0 ? "；其余因素的专家评定与规则分档并列列出，不改变按规则得出的等级。" : "。")
        } else {
            method += "专家评定与规则分档得出的等级并列列出，不改变按规则得出的风险等级。"
        }
        self.method = method
        var rows: [Row] = []
        var disagreements: [String] = []
        for factor in evaluation.factors {
            let definition = ruleSet.factors[factor.factor]
            let result = assessment.factors[factor.factor]
            for (dimension, judgement, scale, ruleLevel) in [
                ("风险概率", factor.probability, ruleSet.probabilityScale, result.before.probability),
                ("影响程度", factor.impact, ruleSet.impactScale, result.before.impact),
            ] {
                let labels = scale.levels.map(\.label)
                let membership = zip(labels, judgement.membership).map { "\($0) \(Formatting.number($1, digits: 4))" }
                rows.append(
                    Row(
                        factor: definition.label, dimension: dimension, votes: judgement.votes.map { labels[$0] },
                        membership: membership.joined(separator: "，"), panelLevel: labels[judgement.level],
                        ruleLevel: !result.applicability.isApplicable
                            ? "不适用" : result.source == .experts ? "未采用（取专家评定）" : labels[ruleLevel],
                        spread: "极差 \(judgement.range) 级，标准差 \(Formatting.number(judgement.deviation, digits: 2))",
                        disagrees: judgement.disagrees))
                if judgement.disagrees, let low = judgement.votes.min(), let high = judgement.votes.max() {
                    disagreements.append(
                        "“\(definition.label)”的\(dimension)：专家评分从“\(labels[low])”到“\(labels[high])”，相差 \(high - low) 级")
                }
            }
        }
        self.rows = rows
        self.disagreements = disagreements
        var synthesis: [String] = []
        if let p = evaluation.probabilitySynthesis, let i = evaluation.impactSynthesis {
            let a = zip(evaluation.factors, evaluation.synthesisWeights).map {
                "\(ruleSet.factors[$0.factor].label) \(Formatting.number($1, digits: 4))"
            }
            synthesis.append("因素权重 A（按规则权重在评分因素间归一）：\(a.joined(separator: "，"))。")
            for (dimension, judgement, scale) in [
                ("风险概率", p, ruleSet.probabilityScale), ("影响程度", i, ruleSet.impactScale),
            ] {
                let labels = scale.levels.map(\.label)
                let b = zip(labels, judgement.membership).map { "\($0) \(Formatting.number($1, digits: 4))" }
                synthesis.append(
                    "\(dimension)：B = A∘R（加权平均型算子）=（\(b.joined(separator: "，"))），"
                        + "加权平均等级序号 \(Formatting.number(judgement.mean, digits: 4))，综合评定为“\(labels[judgement.level])”。")
            }
        }
        self.synthesis = synthesis
    }

    private var headers: [String] {
        ["风险因素", "评分项"] + (1...evaluation.panel.expertCount).map { "专家\($0)" }
            + ["隶属度", "专家评定", "规则分档", "离散程度", "分歧"]
    }

    private func cells(_ row: Row) -> [String] {
        [row.factor, row.dimension] + row.votes
            + [row.membership, row.panelLevel, row.ruleLevel, row.spread, row.disagrees ? "分歧大" : "—"]
    }

    private var flagText: String {
        "专家意见分歧大（评分相差 \(ExpertEvaluation.disagreementRange) 级及以上）："
            + disagreements.joined(separator: "；") + "。建议复核评分依据或组织专家再次讨论。"
    }

    func markdown() -> String {
        let cell = MarkdownReportRenderer.cell
        var out = "#### 专家评分\n\n\(cell(method))\n\n"
        out +=
            "| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: headers.count) + "\n"
        for row in rows { out += "| " + cells(row).map(cell).joined(separator: " | ") + " |\n" }
        out += "\n"
        if !synthesis.isEmpty { out += "模糊综合评价：\n\n" + synthesis.map { "- \(cell($0))\n" }.joined() + "\n" }
        if !disagreements.isEmpty { out += "> **\(cell(flagText))**\n\n" }
        return out
    }

    func html() -> String {
        var out = "<h4>专家评分</h4>\n<p>\(HTML.escape(method))</p>\n<table class=\"experts\">\n<thead><tr>"
        out += headers.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr" + (row.disagrees ? " class=\"disagree\"" : "") + ">"
            out += cells(row).map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !synthesis.isEmpty {
            out += "<p>模糊综合评价：</p>\n<ul>\n" + synthesis.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        if !disagreements.isEmpty { out += "<p class=\"missing\"><strong>\(HTML.escape(flagText))</strong></p>\n" }
        return out
    }

    /// Writes `"experts": {…}` (or nothing without a panel) into a JSON report.
    static func writeJSON(_ model: ReportModel, _ json: inout JSONWriter) {
        guard let section = ExpertReportSection(model) else { return }
        let evaluation = section.evaluation
        let ruleSet = model.ruleSet
        json.key("experts")
        json.object { json in
            json.field("method", evaluation.panel.method.rawValue)
            json.field("prescribed_by_rules", ruleSet.experts != nil)
            json.field("defuzzify", evaluation.panel.method == .fuzzy ? evaluation.panel.defuzzify.rawValue : nil)
            json.field("experts", evaluation.panel.expertCount)
            json.key("weights")
            json.array { json in for weight in evaluation.panel.weights { json.number(weight) } }
            json.key("factors")
            json.array { json in
                for factor in evaluation.factors {
                    json.object { json in
                        json.field("id", ruleSet.factors[factor.factor].id)
                        json.field("decides", model.assessment.factors[factor.factor].source == .experts)
                        for (key, judgement, scale) in [
                            ("probability", factor.probability, ruleSet.probabilityScale),
                            ("impact", factor.impact, ruleSet.impactScale),
                        ] {
                            json.key(key)
                            write(judgement, scale, &json)
                        }
                    }
                }
            }
            if let p = evaluation.probabilitySynthesis, let i = evaluation.impactSynthesis {
                json.key("synthesis")
                json.object { json in
                    json.key("weights")
                    json.array { json in for weight in evaluation.synthesisWeights { json.number(weight) } }
                    json.key("probability")
                    write(p, ruleSet.probabilityScale, &json)
                    json.key("impact")
                    write(i, ruleSet.impactScale, &json)
                }
            }
        }
    }

    private static func write(
        _ judgement: ExpertEvaluation.Judgement, _ scale: CompiledRuleSet.Scale, _ json: inout JSONWriter
    ) {
        let labels = scale.levels.map(\.label)
        json.object { json in
            if !judgement.votes.isEmpty { json.field("scores", strings: judgement.votes.map { labels[$0] }) }
            json.key("membership")
            json.array { json in for value in judgement.membership { json.number(value) } }
            json.field("mean_rank", number: judgement.mean)
            json.field("level", labels[judgement.level])
            if !judgement.votes.isEmpty {
                json.field("range", judgement.range)
                json.field("deviation", number: judgement.deviation)
                json.field("disagrees", judgement.disagrees)
            }
        }
    }
}
