import WenpingYAML

extension RuleTestLoader {
    static let expectFields = [
        "before", "after", "index", "factors", "floors", "floors_include", "rules", "rules_after", "warnings",
    ]
    static let indexFields = ["before", "after", "tolerance"]
    static let factorFields = [
        "applies", "probability", "impact", "degree", "after", "probability_after", "impact_after",
    ]
    /// How far the index may be from an expected value when the case gives no `tolerance`.
    static let defaultTolerance = 0.001

    /// The expectations of a case, checked against `ruleSet`; `nil` after reporting any problem.
    mutating func expectations(_ node: YAMLNode, _ ruleSet: CompiledRuleSet) -> [RuleTestExpectation]? {
        guard let map = reader.mapping(node, "期望 expect") else { return nil }
        let errors = reader.diagnostics.errorCount
        reader.checkKeys(map, allowed: Self.expectFields, "期望 expect")
        if map.entries.isEmpty {
            reader.diagnostics.error(
                .missingField, "期望 expect 是空的；至少写一项，如 after: \(ruleSet.grades[0].id)", at: reader.location(map.mark))
        }
        var out: [RuleTestExpectation] = []
        for (key, after) in [("before", false), ("after", true)] {
            if let grade = grade(map[key], ruleSet, after ? "措施后等级 after" : "措施前等级 before") {
                out.append(
                    .init(
                        check: .grade(afterMeasures: after, grade.value), location: grade.location, length: grade.length
                    ))
            }
        }
        if let node = map["index"] { out += index(node) }
        if let node = map["factors"], let factors = reader.mapping(node, "风险因素 factors") {
            for entry in factors.entries { out += factor(entry, ruleSet) }
        }
        let floors = ruleSet.floors.map(\.id)
        for (key, exact) in [("floors", true), ("floors_include", false)] {
            if let node = map[key], let set = ids(node, among: floors, "兜底条件", key, ruleSet) {
                out.append(
                    .init(check: .floors(set, exact: exact), location: reader.location(of: node), length: width(node)))
            }
        }
        let rules = ruleSet.aggregation.rules.map(\.id)
        for (key, after) in [("rules", false), ("rules_after", true)] {
            if let node = map[key], let set = ids(node, among: rules, "数量规则", key, ruleSet) {
                out.append(
                    .init(
                        check: .rules(set, afterMeasures: after), location: reader.location(of: node),
                        length: width(node)))
            }
        }
        if let node = map["warnings"], let (facts, experts) = warnings(node, ruleSet) {
            out.append(
                .init(
                    check: .missing(facts: facts, experts: experts), location: reader.location(of: node),
                    length: width(node)))
        }
        return reader.diagnostics.errorCount == errors ? out : nil
    }

    /// `index: { before: 0.62, after: 0.34, tolerance: 0.005 }`.
    private mutating func index(_ node: YAMLNode) -> [RuleTestExpectation] {
        guard let map = reader.mapping(node, "综合指数 index") else { return [] }
        reader.checkKeys(map, allowed: Self.indexFields, "综合指数 index")
        var tolerance = Self.defaultTolerance
        if let given = reader.number(map["tolerance"], "允许误差 tolerance") {
            if given.value < 0 {
                reader.diagnostics.error(
                    .valueOutOfRange, "允许误差 tolerance 不能是负数", at: given.location, length: given.length)
            }
            tolerance = given.value
        }
        if map["before"] == nil && map["after"] == nil {
            reader.diagnostics.error(.missingField, "综合指数 index 至少要写 before 或 after", at: reader.location(map.mark))
        }
        var out: [RuleTestExpectation] = []
        for (key, after) in [("before", false), ("after", true)] {
            if let value = reader.number(map[key], after ? "措施后综合指数" : "措施前综合指数") {
                out.append(
                    .init(
                        check: .index(afterMeasures: after, value.value, tolerance: tolerance),
                        location: value.location,
                        length: value.length))
            }
        }
        return out
    }

    /// `factor-id: { probability: 很高, impact: 严重, degree: 重大, after: 较大, applies: true }`.
    private mutating func factor(_ entry: YAMLNode.Mapping.Entry, _ ruleSet: CompiledRuleSet) -> [RuleTestExpectation] {
        let id = entry.key.value
        guard let factor = ruleSet.factors.firstIndex(where: { $0.id == id }) else {
            var message = "规则“\(ruleSet.id)”中没有 id 为“\(id)”的风险因素"
            if let guess = suggestion(for: id, among: ruleSet.factors.map(\.id)) {
                message += "。是否想写“\(guess)”？"
            } else {
                message += "；现有因素：\(ruleSet.factors.map(\.id).joined(separator: "、"))"
            }
            reader.diagnostics.error(
                .testReference, message, at: reader.location(entry.key.mark), length: NodeReader.width(of: entry.key))
            return []
        }
        let what = "风险因素“\(id)”的期望"
        guard let map = reader.mapping(entry.value, what) else { return [] }
        reader.checkKeys(map, allowed: Self.factorFields, what)
        var out: [RuleTestExpectation] = []
        if let applies = reader.boolean(map["applies"], "是否适用 applies") {
            out.append(
                .init(
                    check: .applies(factor: factor, applies.value), location: applies.location, length: applies.length))
        }
        let probability = ruleSet.probabilityScale.levels.map(\.label)
        let impact = ruleSet.impactScale.levels.map(\.label)
        let fields: [(String, RuleTestExpectation.Aspect, Bool, [String], String)] = [
            ("probability", .probability, false, probability, "风险概率"),
            ("impact", .impact, false, impact, "影响程度"),
            ("degree", .degree, false, ruleSet.degrees.labels, "风险程度"),
            ("probability_after", .probability, true, probability, "措施后风险概率"),
            ("impact_after", .impact, true, impact, "措施后影响程度"),
            ("after", .degree, true, ruleSet.degrees.labels, "措施后风险程度"),
        ]
        for (key, aspect, after, labels, label) in fields {
            guard let node = map[key], let level = level(node, labels: labels, "\(label) \(key)") else { continue }
            out.append(
                .init(
                    check: .level(factor: factor, aspect, afterMeasures: after, level.value), location: level.location,
                    length: level.length))
        }
        return out
    }

    /// A grade by id (`高`) or label (`高风险`).
    private mutating func grade(_ node: YAMLNode?, _ ruleSet: CompiledRuleSet, _ what: String) -> Located<Int>? {
        guard let text = reader.string(node, what) else { return nil }
        if let index = ruleSet.grades.firstIndex(where: { $0.id == text.value || $0.label == text.value }) {
            return Located(value: index, location: text.location, length: text.length)
        }
        // Grade ids are usually one character, too short for a useful "did you mean": list them all.
        let message =
            "规则“\(ruleSet.id)”中没有“\(text.value)”这个风险等级；可用：\(ruleSet.gradeIDs.joined(separator: "、"))"
            + "（也可写名称：\(ruleSet.grades.map(\.label).joined(separator: "、"))）"
        reader.diagnostics.error(.unknownGrade, message, at: text.location, length: text.length)
        return nil
    }

    /// A level by number (`4`) or label (`较高`) on a scale with `labels`.
    private mutating func level(_ node: YAMLNode, labels: [String], _ field: String) -> Located<Int>? {
        guard let reference = reader.level(node, field) else { return nil }
        let what = NodeReader.spaced(field)
        switch reference.value {
        case .number(let number):
            if number >= 1 && number <= labels.count {
                return Located(value: number - 1, location: reference.location, length: reference.length)
            }
            reader.diagnostics.error(
                .unknownLevel, "\(what)“\(number)”超出范围：只有 1 到 \(labels.count) 级（\(labels.joined(separator: "、"))）",
                at: reference.location, length: reference.length)
        case .label(let label):
            if let index = labels.firstIndex(of: label) {
                return Located(value: index, location: reference.location, length: reference.length)
            }
            var message = "\(what)中没有“\(label)”"
            if let guess = suggestion(for: label, among: labels) {
                message += "。是否想写“\(guess)”？"
            } else {
                message += "；可用：\(labels.joined(separator: "、"))"
            }
            reader.diagnostics.error(.unknownLevel, message, at: reference.location, length: reference.length)
        }
        return nil
    }

    /// A list of ids (floors, rules, input names), each checked against `known`; `nil` after an error.
    private mutating func ids(
        _ node: YAMLNode, among known: [String], _ kind: String, _ key: String, _ ruleSet: CompiledRuleSet
    ) -> Set<Int>? {
        guard let list = reader.stringList(node, "\(kind)列表 \(key)") else { return nil }
        var set: Set<Int> = []
        var failed = false
        for item in list {
            if let index = known.firstIndex(of: item.value) {
                set.insert(index)
                continue
            }
            failed = true
            var message = "规则“\(ruleSet.id)”中没有“\(item.value)”这个\(kind)"
            if let guess = suggestion(for: item.value, among: known) {
                message += "。是否想写“\(guess)”？"
            } else {
                message += "；现有\(kind)：\(known.isEmpty ? "无" : known.joined(separator: "、"))"
            }
            reader.diagnostics.error(.testReference, message, at: item.location, length: item.length)
        }
        return failed ? nil : set
    }

    /// What `warnings` says is reported missing: input slots and factor indexes, or `nil` after reporting a problem.
    ///
    /// `warnings: [opposition_rate, experts.public-order]` names a fact by its input name and a factor whose expert
    /// scores are missing as `experts.` and its id, the name the JSON report gives it. Only factors the rules
    /// decide by expert scores (`source: experts`) can be named.
    private mutating func warnings(_ node: YAMLNode, _ ruleSet: CompiledRuleSet) -> (Set<Int>, Set<Int>)? {
        guard let list = reader.stringList(node, "缺失的事实列表 warnings") else { return nil }
        let inputs = ruleSet.inputs.map(\.name)
        let panel = ruleSet.factors.indices.filter { ruleSet.factors[$0].fromExperts }
        let panelNames = panel.map { Self.expertsPrefix + ruleSet.factors[$0].id }
        var facts: Set<Int> = []
        var experts: Set<Int> = []
        var failed = false
        for item in list {
            if let index = inputs.firstIndex(of: item.value) {
                facts.insert(index)
                continue
            }
            if let index = panelNames.firstIndex(of: item.value) {
                experts.insert(panel[index])
                continue
            }
            failed = true
            var message: String
            if item.value.hasPrefix(Self.expertsPrefix) {
                let id = String(item.value.dropFirst(Self.expertsPrefix.count))
                message =
                    ruleSet.factors.contains { $0.id == id }
                    ? "规则“\(ruleSet.id)”的风险因素“\(id)”不由专家评分确定（没有写 source: experts），不会报告缺少它的专家评分"
                    : "规则“\(ruleSet.id)”中没有 id 为“\(id)”的风险因素"
                if let guess = suggestion(for: item.value, among: panelNames) {
                    message += "。是否想写“\(guess)”？"
                } else {
                    message += "；由专家评分确定的因素：\(panelNames.isEmpty ? "无" : panelNames.joined(separator: "、"))"
                }
            } else {
                message = "规则“\(ruleSet.id)”中没有“\(item.value)”这个事实项"
                if let guess = suggestion(for: item.value, among: inputs + panelNames) {
                    message += "。是否想写“\(guess)”？"
                } else {
                    message += "；现有事实项：\(inputs.isEmpty ? "无" : inputs.joined(separator: "、"))"
                    if !panelNames.isEmpty { message += "；专家评分写作 \(panelNames.joined(separator: "、"))" }
                }
            }
            reader.diagnostics.error(.testReference, message, at: item.location, length: item.length)
        }
        return failed ? nil : (facts, experts)
    }

    /// How `warnings` names a factor's missing expert scores: `experts.public-order`.
    static let expertsPrefix = "experts."

    /// Columns a node occupies on its first line, for the caret underline.
    private func width(_ node: YAMLNode) -> Int {
        node.mark.line == node.endMark.line ? max(1, node.endMark.column - node.mark.column) : 1
    }
}
