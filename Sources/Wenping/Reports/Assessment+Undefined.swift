extension Assessment {
    /// Why derived value `index` has no value although none of the facts it reads is missing, in words
    /// (`除数“市场评估价”为 0`), or nil when it has a value or a missing fact explains it.
    ///
    /// The evaluator turns a division by zero or an overflow into unknown, like an absent fact; this tells the
    /// two apart, so a report never says "missing data" when the data was given and the arithmetic failed.
    func arithmeticFailure(derived index: Int) -> String? {
        guard derivedValue(index) == .unknown else { return nil }
        let expression = ruleSet.derived[index].expression
        guard Engine.missing(expression, project).isEmpty else { return nil }
        let environment = EvaluationEnvironment(slots: slots)
        if let divisor = zeroDivisor(in: expression.syntax, environment) { return "除数\(divisor)为 0" }
        // Unknown through another derived value that failed: that one is reported.
        if undefinedDerived(referencedBy: expression.references, excluding: index).isEmpty == false { return nil }
        return "计算结果超出可计算的范围"
    }

    /// The derived values among `references` (followed through other derived values) whose arithmetic failed.
    func undefinedDerived(referencedBy references: Set<Int>, excluding excluded: Int? = nil) -> [Int] {
        let inputs = ruleSet.inputs.count
        var pending = Array(references)
        var visited: Set<Int> = []
        var failed: [Int] = []
        while let slot = pending.popLast() {
            guard visited.insert(slot).inserted, slot >= inputs, slot - inputs < ruleSet.derived.count else {
                continue
            }
            let index = slot - inputs
            if index != excluded, arithmeticFailure(derived: index) != nil { failed.append(index) }
            pending.append(contentsOf: ruleSet.derived[index].expression.references)
        }
        return failed.sorted()
    }

    /// What left the expression of `unknown` undecided, as the start of a report sentence: `缺少“A”、“B”`, and/or
    /// `“补偿单价与市场评估价之比”无法计算（除数“市场评估价”为 0）`.
    func shortfall(_ unknown: Unknown) -> String {
        if case .experts(let factor) = unknown.place { return "缺少风险因素“\(ruleSet.factors[factor].label)”的专家评分" }
        var parts: [String] = []
        let missing = self.missing(unknown)
        if !missing.isEmpty { parts.append("缺少" + ReportModel.list(missing.map(missingLabel))) }
        if let expression = expression(of: unknown) {
            for index in undefinedDerived(referencedBy: expression.references) {
                let reason = arithmeticFailure(derived: index) ?? ""
                parts.append("“\(ruleSet.derived[index].label)”无法计算（\(reason)）")
            }
        }
        return parts.isEmpty ? "缺少所需数据" : parts.joined(separator: "，")
    }

    private func expression(of unknown: Unknown) -> CompiledExpression? {
        switch unknown.place {
        case .applicability(let factor): ruleSet.factors[factor].applicability
        case .probability(let factor, let band): ruleSet.factors[factor].probability[band].condition
        case .impact(let factor, let band): ruleSet.factors[factor].impact[band].condition
        case .floor(let index): ruleSet.floors[index].condition
        case .rule(let index): ruleSet.aggregation.rules[index].condition
        case .experts: nil
        }
    }

    /// The first divisor in `node` that is zero, named for people: a fact or derived value by its label, anything
    /// else as written.
    private func zeroDivisor(in node: CheckedSyntax, _ environment: EvaluationEnvironment) -> String? {
        var pending = [node]
        while let node = pending.popLast() {
            switch node.kind {
            case .constant, .symbol: break
            case .unary(_, let operand): pending.append(operand)
            case .binary(let op, let left, let right):
                if op == .divide, Evaluator.run(Lowering.lower(right), in: environment) == .number(0) {
                    if case .symbol(let symbol) = right.kind { return "“\(label(ofSlot: symbol.slot))”" }
                    return "“\(right.description)”"
                }
                pending.append(right)
                pending.append(left)
            case .membership(let subject, let elements, _): pending.append(contentsOf: [subject] + elements)
            case .call(_, let arguments): pending.append(contentsOf: arguments)
            }
        }
        return nil
    }

    private func label(ofSlot slot: Int) -> String {
        slot < ruleSet.inputs.count ? ruleSet.inputs[slot].label : ruleSet.derived[slot - ruleSet.inputs.count].label
    }
}
