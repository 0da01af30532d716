extension Checker {
    /// Checks a call against its ``Builtin`` entry: known name (E307), arity (E307), context (E309), then each
    /// argument by its parameter kind.
    mutating func call(
        _ name: String, nameRange: ExpressionRange, arguments: [Syntax], range: ExpressionRange
    ) -> CheckedSyntax? {
        guard let builtin = Builtin.named(name) else {
            let names = Builtin.all.map(\.name)
            if let match = suggestion(for: name, among: names) {
                report(.badCall, "未知函数“\(name)”。是否想写“\(match)”？", nameRange)
            } else {
                report(.badCall, "未知函数“\(name)”；可用的函数：\(names.joined(separator: "、"))。", nameRange)
            }
            return nil
        }
        guard builtin.accepts(argumentCount: arguments.count) else {
            report(
                .badCall, "“\(name)”\(arityText(builtin))，这里给了 \(arguments.count) 个；用法：\(builtin.signature)。",
                range)
            return nil
        }
        guard builtin.contexts.contains(scope.context) else {
            let order: [ExpressionContext] = [.derived, .condition, .aggregation]
            let allowed = order.filter(builtin.contexts.contains).map(\.displayName).joined(separator: "、")
            report(
                .builtinOutOfContext, "“\(name)”只能用于\(allowed)，不能用于\(scope.context.displayName)。", nameRange)
            return nil
        }
        var checked: [CheckedSyntax] = []
        var failed = false
        for (position, argument) in arguments.enumerated() {
            if let result = checkArgument(argument, builtin.parameter(at: position), position: position, of: builtin) {
                checked.append(result)
            } else {
                failed = true
            }
        }
        if failed { return nil }
        return CheckedSyntax(kind: .call(builtin.id, checked), type: builtin.result, range: range)
    }

    private func arityText(_ builtin: Builtin) -> String {
        if builtin.isVariadic { return "至少需要 \(builtin.minimumArguments) 个参数" }
        if builtin.parameters.count == builtin.minimumArguments { return "需要 \(builtin.minimumArguments) 个参数" }
        return "需要 \(builtin.minimumArguments) 到 \(builtin.parameters.count) 个参数"
    }

    private mutating func checkArgument(
        _ argument: Syntax, _ parameter: Builtin.Parameter, position: Int, of builtin: Builtin
    ) -> CheckedSyntax? {
        let range = argument.range
        switch parameter {
        case .value(let type):
            guard let checked = check(argument) else { return nil }
            guard checked.type == type else {
                report(
                    .typeMismatch,
                    "“\(builtin.name)”的第 \(position + 1) 个参数应是\(type.displayName)，这里是\(checked.type.displayName)。",
                    range)
                return nil
            }
            return checked
        case .integerLiteral:
            guard case .number(let value) = argument.kind, value == value.rounded(), (0...10).contains(value) else {
                report(.badCall, "“\(builtin.name)”的位数应是 0 到 10 的整数，如 round(x, 2)。", range)
                return nil
            }
            return CheckedSyntax(kind: .constant(.number(value)), type: .number, range: range)
        case .name:
            guard case .name(let name) = argument.kind else {
                report(.badCall, "“\(builtin.name)”的参数应是输入项或派生值的名称，如 present(opposition_rate)。", range)
                return nil
            }
            guard let symbol = scope.symbols[name] else {
                reportUnknownName(name, range: range)
                return nil
            }
            return CheckedSyntax(kind: .symbol(symbol), type: symbol.type, range: range)
        case .degree:
            return degree(argument, of: builtin)
        case .surveyFact:
            return surveyFact(argument, of: builtin)
        }
    }

    /// A bare name of a number or percent input (not a derived value: a derived value has no sample).
    private mutating func surveyFact(_ argument: Syntax, of builtin: Builtin) -> CheckedSyntax? {
        let range = argument.range
        guard case .name(let name) = argument.kind else {
            report(.badCall, "“\(builtin.name)”的参数应是由调查得出的输入项名称，如 \(builtin.name)(opposition_rate)。", range)
            return nil
        }
        guard let symbol = scope.symbols[name] else {
            reportUnknownName(name, range: range)
            return nil
        }
        guard symbol.slot < scope.inputCount, symbol.type == .number else {
            report(
                .typeMismatch,
                "“\(builtin.name)”只能用于数值或百分数输入项（调查比率），“\(name)”是\(symbol.slot < scope.inputCount ? symbol.type.displayName : "派生值")。",
                range)
            return nil
        }
        return CheckedSyntax(kind: .symbol(symbol), type: symbol.type, range: range)
    }

    /// A degree written as a bare label, a string or a number 1…n, as an enum constant of the degree domain.
    private mutating func degree(_ argument: Syntax, of builtin: Builtin) -> CheckedSyntax? {
        let range = argument.range
        guard let degrees = scope.degrees, !degrees.values.isEmpty else {
            report(.builtinOutOfContext, "这里没有定义风险程度（degrees），不能使用“\(builtin.name)”。", range)
            return nil
        }
        let index: Int?
        switch argument.kind {
        case .name(let text), .string(let text):
            index = degrees.index(of: text)
            if index == nil {
                report(.unknownEnumValue, "风险程度没有“\(text)”；可选值：\(degrees.valueList)。", range)
            }
        case .number(let value):
            let count = degrees.values.count
            index = value == value.rounded() && value >= 1 && value <= Double(count) ? Int(value) - 1 : nil
            if index == nil {
                report(.unknownEnumValue, "风险程度的序号应是 1 到 \(count) 的整数；可选值：\(degrees.valueList)。", range)
            }
        default:
            index = nil
            report(.badCall, "“\(builtin.name)”的参数应是风险程度，如 \(builtin.name)(较大) 或 \(builtin.name)(4)。", range)
        }
        guard let index else { return nil }
        return CheckedSyntax(kind: .constant(.enumeration(Int32(index))), type: .enumeration(degrees), range: range)
    }
}
