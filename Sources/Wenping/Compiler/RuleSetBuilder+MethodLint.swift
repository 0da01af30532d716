extension RuleSetBuilder {
    /// Warnings about the method: measures that cure nothing they can reach (W507) and texts that state a bound
    /// their condition does not have (W508).
    mutating func lintMethod() {
        lintMeasureCures()
        lintTextBounds()
    }

    // MARK: - W507

    private mutating func lintMeasureCures() {
        for (factor, source) in zip(factors, syntax.factors ?? []) {
            for (measure, written) in zip(factor.measures, source.measures) where measure.namesCures {
                let reachesP =
                    measure.lowersProbability > 0
                    && (measure.curesProbability ?? []).contains { factor.probability[$0].level > 0 }
                let reachesI =
                    measure.lowersImpact > 0
                    && (measure.curesImpact ?? []).contains { factor.impact[$0].level > 0 }
                guard !reachesP && !reachesI else { continue }
                var reasons: [String] = []
                if measure.lowersProbability > 0 {
                    reasons.append(
                        (measure.curesProbability ?? []).isEmpty
                            ? "它降低风险概率,却没有点名任何风险概率分档" : "它点名的风险概率分档已是最低一级")
                }
                if measure.lowersImpact > 0 {
                    reasons.append(
                        (measure.curesImpact ?? []).isEmpty
                            ? "它降低影响程度,却没有点名任何影响程度分档" : "它点名的影响程度分档已是最低一级")
                }
                let location = written.cures?.first?.location ?? written.location
                diagnostics.warning(
                    .measureCuresNothing,
                    "措施“\(measure.id)”对任何项目都不会降低等级:\(reasons.joined(separator: ";"));请在 cures 中写它真正对症的分档,或调整 lowers",
                    at: location)
            }
        }
    }

    // MARK: - W508

    /// Numbers a label or reason states (`33%` as 0.33 and as 33; `300户` as 300), skipping article and document
    /// numbers (`第十二条` has none; `590号`, `〔2012〕`, `DB32/T 4937-2024` are skipped).
    static func statedNumbers(in text: String) -> [(text: String, value: Double)] {
        let characters = Array(text)
        var result: [(String, Double)] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count,
                characters[index].isASCII && (characters[index].isNumber || characters[index] == ".")
            {
                index += 1
            }
            var token = String(characters[start..<index])
            while token.hasSuffix(".") { token.removeLast() }
            let before = start > 0 ? characters[start - 1] : " "
            let after = index < characters.count ? characters[index] : " "
            var next = index
            while next < characters.count, characters[next] == " " { next += 1 }
            let word = next < characters.count ? characters[next] : " "
            let isPercent = after == "%" || after == "％"
            let skipBefore = (before.isASCII && before.isLetter) || "第〔[-/.".contains(before)
            let skipAfter = (after.isASCII && after.isLetter) || "号〕]-/".contains(after) || "号年".contains(word)
            if !skipBefore && !skipAfter, let number = Double(token) {
                result.append((isPercent ? token + "%" : token, isPercent ? number / 100 : number))
            }
            if isPercent { index += 1 }
        }
        return result
    }

    /// Every number constant in `expression` and in the derived values it reads.
    func constants(of expression: CompiledExpression) -> [Double] {
        var result: [Double] = []
        var pending = [expression.syntax]
        var seenDerived: Set<Int> = []
        while let node = pending.popLast() {
            switch node.kind {
            case .constant(.number(let value)): result.append(value)
            case .constant: break
            case .symbol(let symbol):
                if let item = derived.first(where: { $0.slot == symbol.slot }), seenDerived.insert(symbol.slot).inserted
                {
                    pending.append(item.expression.syntax)
                }
            case .unary(_, let operand): pending.append(operand)
            case .binary(_, let left, let right): pending.append(contentsOf: [left, right])
            case .membership(let subject, let elements, _): pending.append(contentsOf: [subject] + elements)
            case .call(_, let arguments): pending.append(contentsOf: arguments)
            }
        }
        return result
    }

    private mutating func checkBound(
        _ text: String?, against conditions: [CompiledExpression], _ what: String, at location: SourceLocation
    ) {
        guard let text else { return }
        let known = conditions.flatMap { constants(of: $0) }
        for stated in Self.statedNumbers(in: text) {
            let matches = known.contains { abs($0 - stated.value) < 1e-9 || abs($0 * 100 - stated.value) < 1e-9 }
            if !matches {
                let shown =
                    known.isEmpty
                    ? "条件中没有数值" : "条件中的数值只有 \(known.map { Formatting.number($0, digits: 6) }.joined(separator: "、"))"
                diagnostics.warning(
                    .textBoundMismatch,
                    "\(what)“\(text)”写了“\(stated.text)”,但条件中没有这个界限(\(shown));报告会把这句话当作项目的事实,请让文字与条件一致",
                    at: location)
                return
            }
        }
    }

    private mutating func lintTextBounds() {
        for (factor, source) in zip(factors, syntax.factors ?? []) {
            let applicability = factor.applicability.map { [$0] } ?? []
            for (bands, written, side) in [
                (factor.probability, source.probability ?? [], "风险概率"), (factor.impact, source.impact ?? [], "影响程度"),
            ] {
                // A band's condition includes the negation of every band before it.
                var earlier: [CompiledExpression] = []
                for (band, syntax) in zip(bands, written) {
                    let conditions = applicability + earlier + (band.condition.map { [$0] } ?? [])
                    checkBound(
                        band.because, against: conditions, "风险因素“\(factor.id)”\(side)分档的理由 because",
                        at: syntax.location)
                    if let condition = band.condition { earlier.append(condition) }
                }
            }
        }
        for (floor, written) in zip(floors, syntax.floors ?? []) {
            checkBound(floor.label, against: [floor.condition], "兜底条件“\(floor.id)”的名称 label", at: written.location)
            checkBound(
                floor.because, against: [floor.condition], "兜底条件“\(floor.id)”的理由 because", at: written.location)
        }
        for (rule, written) in zip(aggregation.rules, syntax.aggregation?.rules ?? []) {
            checkBound(rule.because, against: [rule.condition], "数量规则“\(rule.id)”的理由 because", at: written.location)
        }
    }
}
