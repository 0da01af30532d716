extension ExpertPanelSyntax {
    /// Checks the block against `ruleSet` (factor ids, level labels, one score per expert), reporting E466.
    func bind(to ruleSet: CompiledRuleSet, _ reader: inout NodeReader) -> ExpertPanel? {
        var failed = false
        func error(_ message: String, at location: SourceLocation, length: Int = 1) {
            reader.diagnostics.error(.invalidExpertPanel, message, at: location, length: length)
            failed = true
        }
        let written = method.flatMap { text -> ExpertPanel.Method? in
            if let value = ExpertPanel.Method(rawValue: text.value) { return value }
            error(
                "专家评分的 method 应是 mean（等级均值）或 fuzzy（模糊综合评价），这里是“\(text.value)”", at: text.location, length: text.length)
            return nil
        }
        var writtenDefuzzify: ExpertPanel.Defuzzification?
        if let text = self.defuzzify {
            if let value = ExpertPanel.Defuzzification(rawValue: text.value) {
                writtenDefuzzify = value
            } else {
                error(
                    "defuzzify 应是 max_membership（最大隶属度）或 weighted_average（加权平均），这里是“\(text.value)”",
                    at: text.location, length: text.length)
            }
            if written == .mean || (written == nil && ruleSet.experts?.method == .mean) {
                error("defuzzify 只用于 method: fuzzy；等级均值法不需要它", at: text.location, length: text.length)
            }
        }
        let method: ExpertPanel.Method?
        var defuzzify = writtenDefuzzify ?? .maxMembership
        if let prescribed = ruleSet.experts {
            // The ruleset's method governs: a panel may repeat it, never change it.
            method = prescribed.method
            defuzzify = prescribed.defuzzify
            if let written, let text = self.method, written != prescribed.method {
                error(
                    "规则“\(ruleSet.id)”规定专家评分用 method: \(prescribed.method.rawValue)，这里写的是 \(written.rawValue)；"
                        + "请删去 method（按规则的方法）或改为 \(prescribed.method.rawValue)",
                    at: text.location, length: text.length)
            }
            if let writtenDefuzzify, let text = self.defuzzify, writtenDefuzzify != prescribed.defuzzify,
                prescribed.method == .fuzzy
            {
                error(
                    "规则“\(ruleSet.id)”规定 defuzzify: \(prescribed.defuzzify.rawValue)，这里写的是 \(writtenDefuzzify.rawValue)；"
                        + "请删去 defuzzify 或改为 \(prescribed.defuzzify.rawValue)",
                    at: text.location, length: text.length)
            }
        } else {
            method = written
            if self.method == nil {
                error("专家评分缺少 method；请写 method: mean（等级均值）或 method: fuzzy（模糊综合评价）", at: location)
            }
        }
        let count = entries.first.map { $0.probability.count } ?? 0
        var weights = [Double](repeating: 1, count: count)
        if let given = self.weights {
            if given.count != count {
                error("weights 有 \(given.count) 项，但每个因素的评分有 \(count) 项；每位专家一个权重", at: location)
            } else if let bad = given.first(where: { !($0.value > 0) }) {
                error("专家权重应大于 0，这里是 \(Formatting.number(bad.value))", at: bad.location, length: bad.length)
            } else {
                weights = given.map(\.value)
            }
        }
        if count == 0 { error("专家评分没有任何因素的评分；scores 下每个因素写 probability 和 impact 两个列表", at: location) }
        let total = weights.reduce(0, +)
        var scores: [ExpertPanel.Scores] = []
        var seen: Set<String> = []
        for entry in entries {
            guard let factor = ruleSet.factors.firstIndex(where: { $0.id == entry.factor.value }) else {
                var message = "规则“\(ruleSet.id)”没有 id 为“\(entry.factor.value)”的风险因素"
                if let guess = suggestion(for: entry.factor.value, among: ruleSet.factors.map(\.id)) {
                    message += "。是否想写“\(guess)”？"
                }
                error(message, at: entry.factor.location, length: entry.factor.length)
                continue
            }
            guard seen.insert(entry.factor.value).inserted else { continue }
            func levels(_ items: [Located<String>], _ scale: CompiledRuleSet.Scale, _ what: String) -> [Int] {
                if items.count != count {
                    error(
                        "因素“\(entry.factor.value)”的\(what)评分有 \(items.count) 项，应与专家人数 \(count) 相同",
                        at: entry.factor.location, length: entry.factor.length)
                }
                return items.compactMap { item in
                    if let index = scale.levels.firstIndex(where: { $0.label == item.value }) { return index }
                    if let rank = Int(item.value), (1...scale.levels.count).contains(rank) { return rank - 1 }
                    error(
                        "\(what)没有“\(item.value)”这一级；可选：\(scale.levels.map(\.label).joined(separator: "、"))",
                        at: item.location, length: item.length)
                    return nil
                }
            }
            let probability = levels(entry.probability, ruleSet.probabilityScale, "风险概率")
            let impact = levels(entry.impact, ruleSet.impactScale, "影响程度")
            scores.append(ExpertPanel.Scores(factor: factor, probability: probability, impact: impact))
        }
        guard !failed, let method, total > 0 else { return nil }
        return ExpertPanel(
            method: method, defuzzify: defuzzify, weights: weights.map { $0 / total },
            scores: scores.sorted { $0.factor < $1.factor })
    }
}
