import WenpingYAML

extension RuleSetBuilder {
    /// Stage 3: inputs and derived values, with types and value slots.
    mutating func declareNames() {
        var seen: [String: SourceLocation] = [:]
        let derivedSyntax = syntax.derived ?? []
        for input in syntax.inputs ?? [] {
            seen[input.name.value] = input.name.location
            if let compiled = compileInput(input, slot: inputs.count) {
                inputs.append(compiled)
                symbols[compiled.name] = Symbol(
                    name: compiled.name, type: Self.expressionType(of: compiled),
                    isOptional: !compiled.isRequired
                        && compiled.defaultValue == nil, slot: compiled.slot)
            }
        }
        for item in derivedSyntax {
            if let first = seen[item.name.value] {
                diagnostics.error(
                    .duplicateName, "名称“\(item.name.value)”已用作输入项；派生值要换一个名字", at: item.name.location,
                    length: item.name.length, notes: [Diagnostic.Note("输入项在这里", at: first)])
            }
        }
        for item in orderDerived(derivedSyntax.filter { seen[$0.name.value] == nil }) {
            guard let text = item.expression,
                let expression = compileExpression(text, context: .derived, expected: nil)
            else { continue }
            if expression.type == .boolean || expression.type == .number || expression.type == .date {
                let slot = inputs.count + derived.count
                derived.append(
                    CompiledRuleSet.Derived(
                        name: item.name.value, label: item.label?.value ?? item.name.value, unit: item.unit,
                        expression: expression, slot: slot))
                symbols[item.name.value] = Symbol(
                    name: item.name.value, type: expression.type, isOptional: true, slot: slot)
            } else {
                diagnostics.error(
                    .typeMismatch, "派生值“\(item.name.value)”的结果是\(expression.type.displayName)；派生值只能是数值、真假或日期",
                    at: text.location)
            }
        }
    }

    static func expressionType(of input: CompiledRuleSet.Input) -> ExpressionType {
        switch input.kind {
        case .integer, .number, .percent: .number
        case .boolean: .boolean
        case .enumeration: input.domain.map { .enumeration($0) } ?? .text
        case .text: .text
        case .date: .date
        }
    }

    private mutating func compileInput(_ input: InputSyntax, slot: Int) -> CompiledRuleSet.Input? {
        guard let typeName = input.type?.value, let kind = CompiledRuleSet.Input.Kind(rawValue: typeName) else {
            return nil
        }
        let what = "输入项“\(input.name.value)”"
        var domain: EnumDomain?
        if kind == .enumeration {
            guard let values = input.values, !values.isEmpty else {
                diagnostics.error(.invalidInput, "\(what)是枚举（enum），需要用 values 列出可选值", at: input.location)
                return nil
            }
            checkUnique(values.map(\.key), "\(what)的取值")
            domain = EnumDomain(
                name: input.name.value, values: values.map { EnumValue(key: $0.key.value, label: $0.label) })
        } else if let values = input.values, let first = values.first {
            diagnostics.error(.invalidInput, "只有 enum 类型的输入项才能写 values", at: first.key.location)
        }
        let numeric = [.integer, .number, .percent].contains(kind)
        if !numeric, let bound = input.min ?? input.max {
            diagnostics.error(.invalidInput, "只有数值类型的输入项才能写 min/max", at: bound.location)
        }
        if let min = input.min, let max = input.max, min.value > max.value {
            diagnostics.error(
                .invalidInput, "\(what)的 min（\(min.value)）大于 max(\(max.value))", at: min.location, length: min.length)
        }
        var lower = input.min?.value
        var upper = input.max?.value
        if kind == .percent {
            lower = lower ?? 0
            upper = upper ?? 1
        }
        var defaultValue: Value?
        if let node = input.defaultValue {
            if input.required?.value == true {
                diagnostics.error(
                    .invalidInput, "\(what)是必填项，不需要默认值 default", at: NodeReader(file: syntax.file).location(of: node))
            }
            defaultValue = defaultValueOf(
                node, kind: kind, domain: domain, min: lower, max: upper, what, file: input.location.file)
        }
        return CompiledRuleSet.Input(
            name: input.name.value, label: input.label?.value ?? input.name.value, kind: kind, domain: domain,
            unit: input.unit?.value, min: numeric ? lower : nil, max: numeric ? upper : nil,
            isRequired: input.required?.value ?? false, defaultValue: defaultValue, description: input.description,
            slot: slot, location: input.location)
    }

    private mutating func defaultValueOf(
        _ node: YAMLNode, kind: CompiledRuleSet.Input.Kind, domain: EnumDomain?, min: Double?, max: Double?,
        _ what: String, file: String
    ) -> Value? {
        var reader = NodeReader(file: file)
        defer { diagnostics.append(contentsOf: reader.diagnostics.diagnostics) }
        switch kind {
        case .integer, .number, .percent:
            guard let number = reader.number(node, "\(what)的默认值") else { return nil }
            if let min, number.value < min - 1e-12 {
                reader.diagnostics.error(.invalidInput, "\(what)的默认值小于 min", at: number.location)
            }
            if let max, number.value > max + 1e-12 {
                reader.diagnostics.error(.invalidInput, "\(what)的默认值大于 max", at: number.location)
            }
            return .number(number.value)
        case .boolean:
            return reader.boolean(node, "\(what)的默认值").map { .boolean($0.value) }
        case .enumeration:
            guard let text = reader.string(node, "\(what)的默认值"), let domain else { return nil }
            guard let index = domain.index(of: text.value) else {
                reader.diagnostics.error(
                    .invalidInput,
                    "\(what)的默认值“\(text.value)”不在可选值中；可选：\(domain.values.map(\.label).joined(separator: "、"))",
                    at: text.location)
                return nil
            }
            return .enumeration(Int32(index))
        case .text:
            return reader.string(node, "\(what)的默认值").map { _ in .text(true) }
        case .date:
            guard let text = reader.date(node, "\(what)的默认值"), let date = CalendarDate(text.value) else { return nil }
            return .date(Int32(date.daysSinceEpoch))
        }
    }

    /// Derived values in an order where each comes after the derived values it reads; reports E308 for cycles.
    private mutating func orderDerived(_ items: [DerivedSyntax]) -> [DerivedSyntax] {
        let names = Set(items.map(\.name.value))
        let dependencies = items.map { item in
            Set(Self.identifiers(in: item.expression?.text ?? "")).intersection(names).subtracting([item.name.value])
        }
        var ordered: [DerivedSyntax] = []
        var done: Set<String> = []
        var remaining = Array(items.indices)
        while !remaining.isEmpty {
            let ready = remaining.filter { dependencies[$0].isSubset(of: done) }
            if ready.isEmpty {
                let cycle = remaining.map { items[$0].name.value }
                for index in remaining {
                    diagnostics.error(
                        .derivedCycle,
                        "派生值“\(items[index].name.value)”与其他派生值循环依赖：\(cycle.joined(separator: "、"))；请让其中一个只用输入项计算",
                        at: items[index].name.location, length: items[index].name.length)
                }
                break
            }
            for index in ready {
                ordered.append(items[index])
                done.insert(items[index].name.value)
            }
            remaining.removeAll { ready.contains($0) }
        }
        for (index, item) in items.enumerated() where dependencies[index].contains(item.name.value) {
            diagnostics.error(.derivedCycle, "派生值“\(item.name.value)”引用了自己", at: item.name.location)
        }
        return ordered
    }

    /// The names an expression mentions, outside string literals (a superset of what it reads: enough to order
    /// derived values; the expression checker reports anything unknown).
    static func identifiers(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inString = false
        for scalar in text.unicodeScalars {
            if inString {
                if scalar == "\"" { inString = false }
                continue
            }
            if scalar.properties.isAlphabetic || scalar == "_" || (("0"..."9").contains(scalar) && !current.isEmpty) {
                current.unicodeScalars.append(scalar)
                continue
            }
            if !current.isEmpty { result.append(current) }
            current = ""
            if scalar == "\"" { inString = true }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
