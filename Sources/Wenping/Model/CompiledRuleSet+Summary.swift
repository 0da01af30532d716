extension CompiledRuleSet {
    /// A plain-text outline of what the ruleset compiled to: names with types, the degree table, thresholds, and every factor's bands and measures, in Chinese.
    ///
    /// Deterministic: used by `wenping check --verbose` and as the expected output of the conformance cases.
    public var summary: String {
        var out = "规则 \(id) 「\(title)」 版本 \(version)\n"
        let kinds = appliesTo.map { kind in kindLabels[kind].map { "\(kind)（\($0)）" } ?? kind }
        out += "  适用地区：\(jurisdiction)；适用项目：\(appliesTo.isEmpty ? "（基础文件）" : kinds.joined(separator: "、"))\n"
        if let statusBanner { out += "  状态：\(statusBanner)\n" }
        if let effective { out += "  生效日期：\(effective)\n" }
        if let expires { out += "  停止施行日期：\(expires)\n" }
        out += "  文件：\(files.joined(separator: " → "))\n"
        out += "  概率等级：\(Self.levels(probabilityScale))；影响等级：\(Self.levels(impactScale))\n"
        out += "  风险程度（行=概率，列=影响）：\n"
        for (p, row) in degrees.table.enumerated() {
            let cells = row.map { degrees.labels[$0] }.joined(separator: " ")
            out += "    \(probabilityScale.levels[p].label)：\(cells)\n"
        }
        out += "  风险等级：\(grades.map { $0.proceeds ? "\($0.id)（可实施）" : $0.id }.joined(separator: " < "))\n"
        for grade in grades where !grade.decisionBasis.isEmpty {
            out += "    \(grade.id)：\(grade.decision)（依据 \(grade.decisionBasis.map(\.text).joined(separator: "、"))）\n"
        }
        let cuts = aggregation.indexCuts.map { "≥\(Formatting.number($0.atLeast, digits: 6)) \(grades[$0.grade].id)" }
        out += "  综合指数：\((cuts + ["其余 \(grades[aggregation.indexElse].id)"]).joined(separator: "；"))\n"
        for rule in aggregation.rules {
            out += "  数量规则 \(rule.id):\(rule.condition.source) → \(grades[rule.grade].id)\n"
        }
        out += "  缺失数据：\(aggregation.unknownPolicy.rawValue)\n"
        if let experts {
            out += "  专家评分：\(experts.method.rawValue)"
            out += experts.method == .fuzzy ? ",\(experts.defuzzify.rawValue)\n" : "\n"
        }
        for input in inputs {
            var traits = [input.kind.rawValue, input.isRequired ? "必填" : "可选"]
            if let domain = input.domain { traits.append(domain.values.map(\.label).joined(separator: "/")) }
            if let min = input.min { traits.append("min \(Formatting.number(min, digits: 6))") }
            if let max = input.max { traits.append("max \(Formatting.number(max, digits: 6))") }
            if input.defaultValue != nil { traits.append("有默认值") }
            out += "  输入 #\(input.slot) \(input.name)「\(input.label)」：\(traits.joined(separator: "，"))\n"
        }
        for item in derived {
            out += "  派生 #\(item.slot) \(item.name)「\(item.label)」= \(item.expression.source)\n"
        }
        for group in weightGroups {
            let items = zip(group.factors, group.weights).map { "\($0) \(Formatting.number($1))" }
            out += "  权重组 \(group.id)（AHP，CR = \(Formatting.number(group.consistencyRatio, digits: 3))，"
            out += "占比 \(Formatting.number(group.share))）：\(items.joined(separator: "、"))\n"
        }
        for factor in factors {
            out += "  因素 \(factor.id)「\(factor.label)」权重 \(Formatting.number(factor.weight, digits: 6))"
            out += factor.applicability.map { "，适用于 \($0.source)" } ?? ""
            out += factor.fromExperts ? "，等级由专家评分确定（分档不用）" : ""
            out += "\n"
            out += "    概率：\(Self.bands(factor.probability, probabilityScale))\n"
            out += "    影响：\(Self.bands(factor.impact, impactScale))\n"
            for measure in factor.measures {
                var effects: [String] = []
                if measure.lowersProbability > 0 { effects.append("概率降 \(measure.lowersProbability) 级") }
                if measure.lowersImpact > 0 { effects.append("影响降 \(measure.lowersImpact) 级") }
                var cures: [String] = []
                for index in (measure.curesProbability ?? []).sorted() {
                    cures.append(factor.probability[index].id ?? "")
                }
                for index in (measure.curesImpact ?? []).sorted() { cures.append(factor.impact[index].id ?? "") }
                if measure.namesCures { effects.append("对症 \(cures.isEmpty ? "（无）" : cures.joined(separator: "、"))") }
                if let satisfied = measure.satisfied { effects.append("已落实条件 \(satisfied.source)") }
                out += "    措施 \(measure.id)「\(measure.label)」\(measure.owner)：\(effects.joined(separator: "，"))\n"
            }
        }
        for floor in floors {
            out += "  兜底 \(floor.id):\(floor.condition.source) → 至少\(grades[floor.grade].id)\n"
        }
        return out
    }

    private static func levels(_ scale: Scale) -> String {
        scale.levels.map { "\($0.label)=\(Formatting.number($0.value, digits: 6))" }.joined(separator: " ")
    }

    private static func bands(_ bands: [Band], _ scale: Scale) -> String {
        bands.map { band in
            let level = scale.levels[band.level].label
            let id = band.id.map { "[\($0)] " } ?? ""
            return id + (band.condition.map { "\($0.source) → \(level)" } ?? "其余 → \(level)")
        }.joined(separator: "；")
    }
}
