extension RuleSetBuilder {
    /// Warnings about the method: measures that cure nothing they can reach (W507), texts that state a bound
    /// their condition does not have (W508), index thresholds that can never decide a grade (W509) and defaults
    /// on facts that risk bands read (W510).
    mutating func lintMethod() {
        lintMeasureCures()
        lintTextBounds()
        lintIndexDecides()
        lintDefaults()
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
                            ? "它降低风险概率，却没有点名任何风险概率分档" : "它点名的风险概率分档已是最低一级")
                }
                if measure.lowersImpact > 0 {
                    reasons.append(
                        (measure.curesImpact ?? []).isEmpty
                            ? "它降低影响程度，却没有点名任何影响程度分档" : "它点名的影响程度分档已是最低一级")
                }
                let location = written.cures?.first?.location ?? written.location
                diagnostics.warning(
                    .measureCuresNothing,
                    "措施“\(measure.id)”对任何项目都不会降低等级：\(reasons.joined(separator: "；"))；请在 cures 中写它真正对症的分档，或调整 lowers",
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
                    "\(what)“\(text)”写了“\(stated.text)”，但条件中没有这个界限（\(shown)）；报告会把这句话当作项目的事实，请让文字与条件一致",
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

    // MARK: - W509

    /// For each index threshold, whether some project could get that grade from the index alone.
    ///
    /// That needs some degree whose largest probability × impact product reaches the threshold, held by k factors (k ≥ 1) while every
    /// other factor does not apply, such that no count rule gives that grade or a more severe one. When all
    /// factors sit at that product the index equals it whatever the weights, so such a project exists.
    /// Assumes count rules that never relax when a factor gets more severe, as count rules are written.
    private mutating func lintIndexDecides() {
        guard !degrees.labels.isEmpty, !probability.levels.isEmpty, !impact.levels.isEmpty,
            let location = syntax.aggregation?.index?.first?.location
        else { return }
        var largest = [Double](repeating: -1, count: degrees.labels.count)
        for (p, row) in degrees.table.enumerated() {
            for (i, degree) in row.enumerated() {
                largest[degree] = max(largest[degree], probability.levels[p].value * impact.levels[i].value)
            }
        }
        let most = max(1, factors.count, isBase ? 20 : 0)
        for cut in aggregation.indexCuts where cut.grade > aggregation.indexElse {
            var decided = false
            var blocking: (degree: Int, rule: String)?
            for degree in degrees.labels.indices where largest[degree] >= cut.atLeast - 1e-9 {
                for count in 1...most {
                    var counts = [Int](repeating: 0, count: degrees.labels.count)
                    counts[degree] = count
                    let environment = EvaluationEnvironment(slots: [], degreeCounts: counts)
                    let holding = aggregation.rules.filter {
                        $0.grade >= cut.grade && $0.condition.evaluate(in: environment) == .boolean(true)
                    }
                    if holding.isEmpty {
                        decided = true
                        break
                    }
                    if blocking == nil { blocking = (degree, holding[0].id) }
                }
                if decided { break }
            }
            guard !decided else { continue }
            let grade = grades[cut.grade].id
            let threshold = Formatting.number(cut.atLeast, digits: 4)
            var reason = "加权平均数不会超过其中最大的一项，综合风险指数达到 \(threshold) 时至少有一个因素的概率×影响达到 \(threshold)"
            if let blocking {
                reason +=
                    "，其风险程度至少为“\(degrees.labels[blocking.degree])”，而数量规则“\(blocking.rule)”此时已得出\(grade)或更高"
            } else {
                reason += "，而没有任何风险程度的乘积能达到这一阈值"
            }
            diagnostics.warning(
                .indexNeverDecides,
                "综合风险指数阈值 \(threshold)（\(grade)）永远不能单独决定等级：\(reason)。权重因此不会改变任何项目的这一等级；请降低阈值、调整风险程度分界点或数量规则",
                at: location)
        }
    }

    // MARK: - W510

    private mutating func lintDefaults() {
        var read: [Int: String] = [:]
        func mark(_ expression: CompiledExpression?, _ what: String) {
            guard let expression else { return }
            var pending = Array(expression.references)
            var seen: Set<Int> = []
            while let slot = pending.popLast() {
                guard seen.insert(slot).inserted else { continue }
                if slot < inputs.count {
                    if read[slot] == nil { read[slot] = what }
                } else if let item = derived.first(where: { $0.slot == slot }) {
                    pending.append(contentsOf: item.expression.references)
                }
            }
        }
        for factor in factors {
            mark(factor.applicability, "风险因素“\(factor.id)”的适用条件")
            for band in factor.probability + factor.impact { mark(band.condition, "风险因素“\(factor.id)”的分档") }
        }
        for floor in floors { mark(floor.condition, "兜底条件“\(floor.id)”") }
        for input in inputs where input.defaultValue != nil {
            guard let what = read[input.slot] else { continue }
            diagnostics.warning(
                .defaultHidesRisk,
                "输入项“\(input.name)”有默认值，而\(what)读取它：项目没有提供这一事实时会被当作默认值，可能掩盖风险；请去掉 default（缺少时按 unknown 从严处理），或改为 required: true",
                at: input.location, length: input.name.count)
        }
    }
}
