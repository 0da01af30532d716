import WenpingYAML

/// Types a project's facts against a ruleset's inputs, reporting every fact that does not fit (E401–E406).
struct FactBinder {
    /// The largest magnitude a numeric fact may have (10¹⁵): far beyond any real count, area, price or sum of
    /// money in yuan, and small enough that sums and products of facts stay exact enough to grade.
    static let maximumMagnitude = 1e15

    let ruleSet: CompiledRuleSet
    let file: ProjectFile
    var reader: NodeReader
    /// How the ruleset's version was chosen, carried into the project for its report.
    var versionChoice: VersionChoice?
    /// Factors (indexes into the ruleset's factors) whose missing expert scores the caller expects, as a rule test
    /// case does that lists them under `warnings`: no W547 for them (the project still records them missing).
    var expectedMissingExperts: Set<Int> = []

    init(ruleSet: CompiledRuleSet, file: ProjectFile) {
        self.ruleSet = ruleSet
        self.file = file
        reader = NodeReader(file: file.file)
    }

    /// The typed project, or `nil` when any error was reported.
    mutating func bind(digest: String) -> Project? {
        var values = [Value](repeating: .unknown, count: ruleSet.inputs.count)
        var given = [Bool](repeating: false, count: ruleSet.inputs.count)
        let inputIndex = ruleSet.binding.inputIndex
        // Facts written but rejected are reported once, for their value, not again as missing.
        var written = [Bool](repeating: false, count: ruleSet.inputs.count)
        // Facts are usually written in the order the ruleset declares its inputs: try the input after the last
        // one found before looking the name up.
        var next = 0
        let inputs = ruleSet.inputs
        let ownsName = ruleSet.binding.ownsName
        // By index, reading single fields: an entry or an input copied whole is a dozen reference counts.
        for position in file.facts.indices {
            let found: Int?
            if next < inputs.count, ownsName[next], inputs[next].name == file.facts[position].key.value {
                found = next
            } else {
                found = inputIndex[file.facts[position].key.value]
            }
            guard let index = found else {
                reportUnknownFact(file.facts[position].key)
                continue
            }
            next = index + 1
            let slot = inputs[index].slot
            guard case .scalar(let scalar) = file.facts[position].value else {
                written[slot] = true
                let node = file.facts[position].value
                reader.diagnostics.error(
                    .factType, "事实“\(inputs[index].name)”应是单个值，这里是\(node.kindName)",
                    at: reader.location(of: node))
                continue
            }
            if scalar.style == .plain, scalar.isNull { continue }
            written[slot] = true
            if let value = typed(scalar, index) {
                values[slot] = value
                given[slot] = true
            }
        }
        let estimates = bindSurvey(&values, &given, written: written)
        let experts = file.experts.flatMap { $0.bind(to: ruleSet, &reader) }
        if file.experts == nil || experts != nil { warnMissingExpertScores(experts) }
        for index in ruleSet.inputs.indices {
            let slot = ruleSet.inputs[index].slot
            guard !given[slot] && !written[slot] else { continue }
            let input = ruleSet.inputs[index]
            if input.isRequired {
                reader.diagnostics.error(
                    .missingFact, "缺少必填事实“\(input.name)”（\(input.label)）；请在 facts 下填写", at: file.start)
            } else if let value = input.defaultValue {
                values[input.slot] = value
            }
        }
        let adopted = bindMeasures()
        guard !reader.diagnostics.hasErrors else { return nil }
        return Project(
            id: file.id.value, name: file.name.value,
            kind: ruleSet.kindKey(for: file.kind.value) ?? file.kind.value, jurisdiction: file.jurisdictionPath,
            file: file.file, inputDigest: digest, ruleSet: ruleSet, details: file.details, values: values,
            given: given, measures: file.measures.map(\.value), adopted: adopted, outline: file.outline,
            survey: file.survey, estimates: estimates, experts: experts, versionChoice: versionChoice)
    }

    /// W547 for each factor the ruleset grades by the expert panel that the project's panel does not score (unless
    /// ``expectedMissingExperts`` has it).
    private mutating func warnMissingExpertScores(_ panel: ExpertPanel?) {
        let scored = Set(panel?.scores.map(\.factor) ?? [])
        let treatment =
            ruleSet.aggregation.unknownPolicy == .cautious
            ? "按从严原则取最高一级的风险概率和影响程度" : "按规则 unknown: ignore 改用分档"
        for (index, factor) in ruleSet.factors.enumerated()
        where factor.fromExperts && !scored.contains(index) && !expectedMissingExperts.contains(index) {
            reader.diagnostics.warning(
                .expertScoresMissing,
                "规则“\(ruleSet.id)”规定风险因素“\(factor.label)”（\(factor.id)）的风险概率和影响程度由专家评分确定，"
                    + "但项目文件\(panel == nil ? "没有专家评分 experts" : "的专家评分没有这一因素")；\(treatment)（该因素适用时）；"
                    + "请在 experts.scores 下补上“\(factor.id)”的评分",
                at: file.experts?.location ?? file.start)
        }
    }

    private mutating func reportUnknownFact(_ key: YAMLNode.Scalar) {
        let location = reader.location(key.mark)
        var message = "规则“\(ruleSet.id)”没有名为“\(key.value)”的事实项"
        if reader.diagnostics.isFull(location.file) {
            // Only counted from here on: skip the hint.
        } else if let input = ruleSet.inputs.first(where: { $0.label == key.value }) {
            message += "；“\(key.value)”是输入项“\(input.name)”的名称，请写 \(input.name)"
        } else if let guess = suggestion(for: key.value, among: ruleSet.inputs.map(\.name)) {
            message += "。是否想写“\(guess)”？"
        } else {
            message += "；可用的事实项见 wenping schema project 或规则文件的 inputs"
        }
        reader.diagnostics.error(.unknownFact, message, at: location, length: NodeReader.width(of: key))
    }

    /// The value of `scalar` for the ruleset's input number `index`, or nil with the error reported.
    private mutating func typed(_ scalar: YAMLNode.Scalar, _ index: Int) -> Value? {
        // The input's fields are read one by one where needed (the whole input is only copied for an error).
        let kind = ruleSet.inputs[index].kind
        var input: CompiledRuleSet.Input { ruleSet.inputs[index] }
        // Locations and message parts are only worked out when there is an error to report.
        var location: SourceLocation { reader.location(scalar.mark) }
        var width: Int { NodeReader.width(of: scalar) }
        var what: String { "事实“\(input.name)”（\(input.label)）" }
        func wrong(_ expected: String) -> Value? {
            var message = "\(what)应是\(expected)，这里是“\(scalar.value)”"
            if scalar.style != .plain && (scalar.double != nil || scalar.bool != nil || isPlainNumber(scalar.value)) {
                message += "（加了引号就成了文字，请去掉引号）"
            }
            reader.diagnostics.error(.factType, message, at: location, length: width)
            return nil
        }
        switch kind {
        case .integer, .number, .percent:
            var number: Double?
            if scalar.style == .plain {
                if kind == .integer {
                    number = scalar.int.map(Double.init)
                } else {
                    number = scalar.double
                }
                if kind == .percent, number == nil { number = NodeReader.percent(scalar.value) }
                // As Chinese users type numbers: full-width digits and ％, thousands separators (`1,200`).
                if number == nil, let typed = NumberText.number(scalar.value, percent: kind == .percent),
                    kind != .integer || typed == typed.rounded()
                {
                    number = typed
                }
            }
            if let value = number, !(abs(value) <= Self.maximumMagnitude) {
                let message =
                    "\(what)的值“\(scalar.value)”超出可计算的范围：数值的绝对值不能超过 10¹⁵，也不能是无穷大或非数值；请检查单位和数字位数"
                reader.diagnostics.error(.factOutOfRange, message, at: location, length: width)
                return nil
            }
            guard let number else {
                switch kind {
                case .integer: return wrong("整数")
                case .percent: return wrong("百分数（如 0.35 或 35%）")
                default: return wrong("数字")
                }
            }
            if let min = ruleSet.inputs[index].min, number < min - 1e-12 {
                return outOfRange(what, scalar, input, location, width)
            }
            if let max = ruleSet.inputs[index].max, number > max + 1e-12 {
                return outOfRange(what, scalar, input, location, width)
            }
            return .number(number)
        case .boolean:
            if scalar.style == .plain, let value = scalar.bool { return .boolean(value) }
            if scalar.value == "是" { return .boolean(true) }
            if scalar.value == "否" { return .boolean(false) }
            return wrong("true 或 false（也可写“是”“否”）")
        case .enumeration:
            guard let domain = ruleSet.inputs[index].domain else { return nil }
            if let index = domain.index(of: scalar.value) { return .enumeration(Int32(index)) }
            var message = "\(what)没有“\(scalar.value)”这个取值"
            if let guess = suggestion(for: scalar.value, among: domain.values.flatMap { [$0.key, $0.label] }) {
                message += "。是否想写“\(guess)”？"
            } else {
                message += "。"
            }
            message += "可选：\(domain.valueList)"
            reader.diagnostics.error(.factType, message, at: location, length: width)
            return nil
        case .text:
            return .text(true)
        case .date:
            guard let date = CalendarDate(scalar.value) else { return wrong("“年-月-日”格式的日期（如 2025-03-01）") }
            return .date(Int32(date.daysSinceEpoch))
        }
    }

    private mutating func outOfRange(
        _ what: String, _ scalar: YAMLNode.Scalar, _ input: CompiledRuleSet.Input, _ location: SourceLocation,
        _ width: Int
    ) -> Value? {
        let show = { (value: Double) in
            input.kind == .percent
                ? "\(Formatting.number(value * 100, digits: 6))%" : Formatting.number(value, digits: 6)
        }
        var range: [String] = []
        if let min = input.min { range.append("不小于 \(show(min))") }
        if let max = input.max { range.append("不大于 \(show(max))") }
        var message = "\(what)的值“\(scalar.value)”超出范围：应\(range.joined(separator: "且"))"
        if input.kind == .percent, let value = scalar.double, value > 1, value <= 100 {
            message += "；百分数请写成 0.35 或 35%，不要写 35"
        }
        reader.diagnostics.error(.factOutOfRange, message, at: location, length: width)
        return nil
    }

    private func isPlainNumber(_ text: String) -> Bool { Double(text) != nil }

    /// Per factor, which of its measures the project adopted; reports E406 for unknown measure ids.
    private mutating func bindMeasures() -> [UInt64] {
        var adopted = [UInt64](repeating: 0, count: ruleSet.factors.count)
        // Repeats: a linear look back for the usual short lists, a set for long ones.
        var seen: Set<String>?
        for (position, measure) in file.measures.enumerated() {
            let effects = ruleSet.binding.measureEffects[measure.value] ?? []
            let repeated: Bool
            if let first = effects.first {
                // A measure the ruleset offers was listed before exactly when its first place is adopted already
                // (no other measure id has that place): no string comparisons.
                repeated = adopted[first.factor] & (1 << UInt64(first.measure)) != 0
            } else if position < 32 {
                repeated = file.measures[..<position].contains { $0.value == measure.value }
            } else {
                if seen == nil { seen = Set(file.measures[..<position].map(\.value)) }
                repeated = seen?.insert(measure.value).inserted == false
            }
            if repeated {
                reader.diagnostics.error(
                    .unknownMeasure, "措施“\(measure.value)”重复列出", at: measure.location, length: measure.length)
                continue
            }
            for effect in effects {
                adopted[effect.factor] |= 1 << UInt64(effect.measure)
            }
            if effects.isEmpty {
                var message = "规则“\(ruleSet.id)”中没有 id 为“\(measure.value)”的措施"
                let ids = ruleSet.factors.flatMap { $0.measures.map(\.id) }
                if let guess = suggestion(for: measure.value, among: ids) { message += "。是否想写“\(guess)”？" }
                reader.diagnostics.error(.unknownMeasure, message, at: measure.location, length: measure.length)
            }
        }
        return adopted
    }
}
