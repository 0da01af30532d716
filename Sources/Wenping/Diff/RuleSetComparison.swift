/// Compares two compiled versions of a ruleset item by item and lists what changed.
///
/// Items are matched by id (factors, floors, count rules, measures, grades, inputs); bands, which have no id,
/// are matched by their condition text, and a band whose condition was edited in place (the usual way to move a
/// threshold) shows as changed rather than as one removed and one added. Everything is compared as compiled,
/// after `extends`, so a change in a parent file shows in every ruleset that extends it.
struct RuleSetComparison {
    let old: CompiledRuleSet
    let new: CompiledRuleSet
    private(set) var changes: [RuleChange] = []

    init(old: CompiledRuleSet, new: CompiledRuleSet) {
        self.old = old
        self.new = new
        compareMetadata()
        compareInputs()
        compareScalesAndDegrees()
        compareGradesAndAggregation()
        compareFactors()
        compareFloors()
    }

    private mutating func record(
        _ section: RuleChange.Section, _ item: String, label: String? = nil, _ field: String?, _ old: String?,
        _ new: String?
    ) {
        guard old != new else { return }
        let kind: RuleChange.Kind = old == nil ? .added : new == nil ? .removed : .changed
        changes.append(
            RuleChange(section: section, kind: kind, item: item, label: label, field: field, old: old, new: new))
    }

    private mutating func compareMetadata() {
        record(.metadata, "", "id", old.id, new.id)
        record(.metadata, "", "名称", old.title, new.title)
        record(.metadata, "", "版本", old.version, new.version)
        record(.metadata, "", "生效日期", old.effective ?? "未写", new.effective ?? "未写")
        record(.metadata, "", "停止施行日期", old.expires ?? "未写", new.expires ?? "未写")
        record(.metadata, "", "适用地区", old.jurisdiction, new.jurisdiction)
        record(.metadata, "", "适用项目", old.appliesTo.joined(separator: "、"), new.appliesTo.joined(separator: "、"))
        record(
            .metadata, "", "缺失数据的处理", Self.policy(old.aggregation.unknownPolicy),
            Self.policy(new.aggregation.unknownPolicy))
        record(.metadata, "", "专家评分方法", Self.experts(old.experts), Self.experts(new.experts))
    }

    private static func experts(_ method: CompiledRuleSet.ExpertMethod?) -> String {
        method.map { ExpertPanel.describe($0.method, $0.defuzzify) } ?? "未规定"
    }

    private mutating func compareInputs() {
        for (before, after) in Self.pair(old.inputs, new.inputs, by: \.name) {
            let name = before?.name ?? after?.name ?? ""
            let label = after?.label ?? before?.label
            guard let before, let after else {
                record(.inputs, name, label: label, nil, before.map(Self.describe), after.map(Self.describe))
                continue
            }
            record(.inputs, name, label: label, "名称", before.label, after.label)
            record(.inputs, name, label: label, "类型与取值", Self.type(before), Self.type(after))
            record(.inputs, name, label: label, "范围", Self.range(before), Self.range(after))
            record(.inputs, name, label: label, "必填", before.isRequired ? "必填" : "可选", after.isRequired ? "必填" : "可选")
            record(
                .inputs, name, label: label, "默认值", Self.value(before.defaultValue, before),
                Self.value(after.defaultValue, after))
        }
        for (before, after) in Self.pair(old.derived, new.derived, by: \.name) {
            let name = before?.name ?? after?.name ?? ""
            let label = after?.label ?? before?.label
            record(
                .derived, name, label: label, before == nil || after == nil ? nil : "表达式",
                before?.expression.source, after?.expression.source)
        }
    }

    private mutating func compareScalesAndDegrees() {
        for (name, before, after) in [
            ("风险概率", old.probabilityScale, new.probabilityScale), ("影响程度", old.impactScale, new.impactScale),
        ] {
            let show = { (scale: CompiledRuleSet.Scale) in
                scale.levels.map { "\($0.label)=\(Formatting.number($0.value, digits: 6))" }.joined(separator: " ")
            }
            record(.scales, name, nil, show(before), show(after))
        }
        record(
            .degrees, "风险程度", "等级", old.degrees.labels.joined(separator: "、"), new.degrees.labels.joined(separator: "、")
        )
        let oldP = old.probabilityScale.levels.map(\.label)
        let oldI = old.impactScale.levels.map(\.label)
        guard oldP == new.probabilityScale.levels.map(\.label), oldI == new.impactScale.levels.map(\.label) else {
            return
        }
        for (p, row) in old.degrees.table.enumerated() {
            for (i, degree) in row.enumerated() {
                record(
                    .degrees, "风险程度", "概率 \(oldP[p]) × 影响 \(oldI[i])", old.degrees.labels[degree],
                    new.degrees.labels[new.degrees.table[p][i]])
            }
        }
    }

    private mutating func compareGradesAndAggregation() {
        for (before, after) in Self.pair(old.grades, new.grades, by: \.id) {
            let id = before?.id ?? after?.id ?? ""
            guard let before, let after else {
                record(.grades, id, nil, before.map { $0.label }, after.map { $0.label })
                continue
            }
            record(.grades, id, "名称", before.label, after.label)
            record(.grades, id, "结论", before.decision, after.decision)
            record(.grades, id, "可否实施", before.proceeds ? "可以实施" : "不可实施", after.proceeds ? "可以实施" : "不可实施")
        }
        record(.index, "", nil, Self.cuts(old), Self.cuts(new))
        for (before, after) in Self.pair(old.aggregation.rules, new.aggregation.rules, by: \.id) {
            let id = before?.id ?? after?.id ?? ""
            guard let before, let after else {
                record(.rules, id, nil, before.map { Self.rule($0, old) }, after.map { Self.rule($0, new) })
                continue
            }
            record(.rules, id, "条件", before.condition.source, after.condition.source)
            record(.rules, id, "等级", old.grades[before.grade].id, new.grades[after.grade].id)
        }
    }

    private mutating func compareFloors() {
        for (before, after) in Self.pair(old.floors, new.floors, by: \.id) {
            let id = before?.id ?? after?.id ?? ""
            let label = after?.label ?? before?.label
            guard let before, let after else {
                record(
                    .floors, id, label: label, nil, before.map { Self.floor($0, old) },
                    after.map { Self.floor($0, new) })
                continue
            }
            record(.floors, id, label: label, "名称", before.label ?? "", after.label ?? "")
            record(.floors, id, label: label, "条件", before.condition.source, after.condition.source)
            record(.floors, id, label: label, "至少等级", old.grades[before.grade].id, new.grades[after.grade].id)
            record(
                .floors, id, label: label, "缺失数据的处理", Self.policy(before.unknownPolicy),
                Self.policy(after.unknownPolicy))
            record(.floors, id, label: label, "说明", before.because ?? "", after.because ?? "")
            record(.floors, id, label: label, "依据", Self.basis(before.basis), Self.basis(after.basis))
        }
    }

    private mutating func compareFactors() {
        for (before, after) in Self.pair(old.factors, new.factors, by: \.id) {
            let id = before?.id ?? after?.id ?? ""
            let label = after?.label ?? before?.label
            guard let before, let after else {
                record(
                    .factors, id, label: label, nil, before.map { Self.factor($0, old) },
                    after.map { Self.factor($0, new) })
                continue
            }
            record(.factors, id, label: label, "名称", before.label, after.label)
            record(.factors, id, label: label, "类别", before.category ?? "", after.category ?? "")
            record(.factors, id, label: label, "阶段", before.stage ?? "", after.stage ?? "")
            record(
                .factors, id, label: label, "权重", Formatting.number(before.weight, digits: 6),
                Formatting.number(after.weight, digits: 6))
            record(.factors, id, label: label, "依据", Self.basis(before.basis), Self.basis(after.basis))
            record(
                .factors, id, label: label, "适用条件", before.applicability?.source ?? "总是适用",
                after.applicability?.source ?? "总是适用")
            record(
                .factors, id, label: label, "等级来源", before.fromExperts ? "专家评分" : "分档",
                after.fromExperts ? "专家评分" : "分档")
            compareBands(
                before.probability, after.probability, "风险概率", id, label, old.probabilityScale, new.probabilityScale)
            compareBands(before.impact, after.impact, "影响程度", id, label, old.impactScale, new.impactScale)
            for (was, now) in Self.pair(before.measures, after.measures, by: \.id) {
                let measure = "措施 \(was?.id ?? now?.id ?? "")"
                guard let was, let now else {
                    record(.factors, id, label: label, measure, was.map(Self.measure), now.map(Self.measure))
                    continue
                }
                record(.factors, id, label: label, measure + " 名称", was.label, now.label)
                record(.factors, id, label: label, measure + " 责任主体", was.owner, now.owner)
                record(.factors, id, label: label, measure + " 效果", Self.effect(was), Self.effect(now))
            }
        }
    }

    /// Bands matched by condition text; the unmatched ones between two matches are paired in order (edited in
    /// place), and what is left over was added or removed.
    private mutating func compareBands(
        _ before: [CompiledRuleSet.Band], _ after: [CompiledRuleSet.Band], _ what: String, _ id: String,
        _ label: String?, _ oldScale: CompiledRuleSet.Scale, _ newScale: CompiledRuleSet.Scale
    ) {
        let key = { (band: CompiledRuleSet.Band) in band.condition?.source ?? "else" }
        let show = { (band: CompiledRuleSet.Band, scale: CompiledRuleSet.Scale) in
            "\(band.condition?.source ?? "else") → \(scale.levels[band.level].label)"
        }
        for (oldIndex, newIndex) in Self.align(before.map(key), after.map(key)) {
            let band = newIndex.map { after[$0] } ?? oldIndex.map { before[$0] }
            let place = band?.condition == nil ? " else 档" : "第 \((newIndex ?? oldIndex ?? 0) + 1) 档"
            let was = oldIndex.map { show(before[$0], oldScale) }
            let now = newIndex.map { show(after[$0], newScale) }
            record(.factors, id, label: label, "\(what)\(place)", was, now)
            if let oldIndex, let newIndex, before[oldIndex].because != after[newIndex].because {
                record(
                    .factors, id, label: label, "\(what)\(place)说明", before[oldIndex].because ?? "",
                    after[newIndex].because ?? "")
            }
        }
    }

    /// Pairs of positions in `old` and `new`: equal keys matched as a longest common subsequence, the items
    /// between two matches paired in order, the rest alone.
    static func align(_ old: [String], _ new: [String]) -> [(Int?, Int?)] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [(Int?, Int?)] = []
        var i = 0
        var j = 0
        var gapOld: [Int] = []
        var gapNew: [Int] = []
        func flush() {
            for k in 0..<max(gapOld.count, gapNew.count) {
                result.append((k < gapOld.count ? gapOld[k] : nil, k < gapNew.count ? gapNew[k] : nil))
            }
            gapOld = []
            gapNew = []
        }
        while i < old.count || j < new.count {
            if i < old.count && j < new.count && old[i] == new[j] {
                flush()
                result.append((i, j))
                i += 1
                j += 1
            } else if j < new.count && (i == old.count || table[i][j + 1] >= table[i + 1][j]) {
                gapNew.append(j)
                j += 1
            } else {
                gapOld.append(i)
                i += 1
            }
        }
        flush()
        return result
    }

    /// Items of two lists paired by key, in the new list's order with removed items where they stood.
    static func pair<Item>(_ old: [Item], _ new: [Item], by key: (Item) -> String) -> [(Item?, Item?)] {
        let oldKeys = old.map(key)
        let newKeys = new.map(key)
        var result: [(Item?, Item?)] = []
        var pending = 0
        for item in new {
            if let index = oldKeys.firstIndex(of: key(item)) {
                while pending < index {
                    if !newKeys.contains(oldKeys[pending]) { result.append((old[pending], nil)) }
                    pending += 1
                }
                result.append((old[index], item))
                pending = max(pending, index + 1)
            } else {
                result.append((nil, item))
            }
        }
        for index in pending..<old.count where !newKeys.contains(oldKeys[index]) { result.append((old[index], nil)) }
        return result
    }
}

extension RuleSetComparison {
    static func policy(_ policy: CompiledRuleSet.UnknownPolicy) -> String {
        policy == .cautious ? "从严（cautious）" : "视为不满足（ignore）"
    }

    static func basis(_ citations: [BasisCitation]) -> String { citations.map(\.text).joined(separator: "；") }

    static func describe(_ input: CompiledRuleSet.Input) -> String {
        "\(input.label)，\(type(input))，\(input.isRequired ? "必填" : "可选")"
    }

    /// A default value as a rule file writes it: `35%`, `true`, `旧城区改建`; `无` when there is none.
    static func value(_ value: Value?, _ input: CompiledRuleSet.Input) -> String {
        switch value {
        case nil, .unknown?: "无"
        case .number(let number)?:
            input.kind == .percent
                ? "\(Formatting.number(number * 100, digits: 6))%" : Formatting.number(number, digits: 6)
        case .boolean(let flag)?: flag ? "true" : "false"
        case .enumeration(let index)?: input.domain?.values[Int(index)].label ?? String(index)
        case .date(let days)?: CalendarDate(daysSinceEpoch: Int(days)).description
        case .text?: "（文字）"
        }
    }

    static func type(_ input: CompiledRuleSet.Input) -> String {
        var text = input.kind.rawValue
        if let domain = input.domain { text += "(\(domain.values.map(\.label).joined(separator: "/")))" }
        if let unit = input.unit { text += "，单位 \(unit)" }
        return text
    }

    static func range(_ input: CompiledRuleSet.Input) -> String {
        let show = { (value: Double) in
            input.kind == .percent
                ? "\(Formatting.number(value * 100, digits: 6))%" : Formatting.number(value, digits: 6)
        }
        switch (input.min, input.max) {
        case (nil, nil): return "不限"
        case (let min?, nil): return "≥ \(show(min))"
        case (nil, let max?): return "≤ \(show(max))"
        case (let min?, let max?): return "\(show(min)) ~ \(show(max))"
        }
    }

    /// `≥0.64 高；≥0.36 中；其余 低`.
    static func cuts(_ ruleSet: CompiledRuleSet) -> String {
        let cuts = ruleSet.aggregation.indexCuts.map {
            "≥\(Formatting.number($0.atLeast, digits: 6)) \(ruleSet.grades[$0.grade].id)"
        }
        return (cuts + ["其余 \(ruleSet.grades[ruleSet.aggregation.indexElse].id)"]).joined(separator: "；")
    }

    static func rule(_ rule: CompiledRuleSet.Aggregation.Rule, _ ruleSet: CompiledRuleSet) -> String {
        "\(rule.condition.source) → \(ruleSet.grades[rule.grade].id)"
    }

    static func floor(_ floor: CompiledRuleSet.Floor, _ ruleSet: CompiledRuleSet) -> String {
        "\(floor.condition.source) → 至少\(ruleSet.grades[floor.grade].id)"
    }

    static func factor(_ factor: CompiledRuleSet.Factor, _ ruleSet: CompiledRuleSet) -> String {
        "权重 \(Formatting.number(factor.weight, digits: 6))，\(factor.probability.count) 个概率档，\(factor.impact.count) 个影响档，"
            + "\(factor.measures.count) 项措施"
    }

    static func measure(_ measure: CompiledRuleSet.Measure) -> String { "\(measure.label)（\(effect(measure))）" }

    static func effect(_ measure: CompiledRuleSet.Measure) -> String {
        var parts: [String] = []
        if measure.lowersProbability > 0 { parts.append("概率降 \(measure.lowersProbability) 级") }
        if measure.lowersImpact > 0 { parts.append("影响降 \(measure.lowersImpact) 级") }
        return parts.isEmpty ? "不降低等级" : parts.joined(separator: "，")
    }
}
