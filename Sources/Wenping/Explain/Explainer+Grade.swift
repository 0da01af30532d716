extension Explainer {
    /// Part one: the index, the count rules and the floors before and after measures, and which of them decided.
    static func gradeSection(_ context: Context) -> String {
        let ruleSet = context.ruleSet
        var out = "## 一、等级是怎么定的\n\n"
        out += "项目风险等级取三者中最严重的：综合风险指数对应的等级、成立的数量规则、触发的兜底条件。"
        out += "综合风险指数 = Σ（权重 × 概率分值 × 影响分值） ÷ Σ权重，只计适用的风险因素；"
        out += "阈值：\(thresholds(ruleSet))。\n\n"
        out += outcome(context, context.assessment.before, afterMeasures: false)
        out += outcome(context, context.assessment.after, afterMeasures: true)
        return out
    }

    /// `不小于 0.64 为高，不小于 0.36 为中，其余为低`.
    private static func thresholds(_ ruleSet: CompiledRuleSet) -> String {
        let aggregation = ruleSet.aggregation
        var parts = aggregation.indexCuts.map { "不小于 \(Formatting.number($0.atLeast)) 为\(ruleSet.grades[$0.grade].id)" }
        parts.append("其余为\(ruleSet.grades[aggregation.indexElse].id)")
        return parts.joined(separator: "，")
    }

    /// How one outcome was decided, as the title (`措施前：高风险`) and the lines of part one's list: the index, the
    /// degrees of the applicable factors, the count rules, the floors and what decided the grade.
    static func outcomeLines(
        _ context: Context, _ outcome: Assessment.Outcome, afterMeasures: Bool
    ) -> (title: String, lines: [String]) {
        let text = self.outcome(context, outcome, afterMeasures: afterMeasures)
        var parts = text.split(separator: "\n").map(String.init)
        // The title is the first line, in bold: `**措施前：高风险**`.
        let title = parts.isEmpty ? "" : String(parts.removeFirst().dropFirst(2).dropLast(2))
        var lines: [String] = []
        for part in parts {
            // A reason written over several lines continues the item it belongs to.
            if part.hasPrefix("- ") || lines.isEmpty {
                lines.append(String(part.dropFirst(part.hasPrefix("- ") ? 2 : 0)))
            } else {
                lines[lines.count - 1] += " " + part
            }
        }
        return (title, lines)
    }

    private static func outcome(_ context: Context, _ outcome: Assessment.Outcome, afterMeasures: Bool) -> String {
        let ruleSet = context.ruleSet
        let assessment = context.assessment
        let when = afterMeasures ? "落实措施后" : "措施前"
        var out = "**\(when)：\(gradeName(outcome.grade, ruleSet))**\n\n"

        let applicable = assessment.factors.indices.filter { assessment.factors[$0].applicability.isApplicable }
        let weights = applicable.reduce(0.0) { $0 + ruleSet.factors[$1].weight }
        out += "- 综合风险指数 \(Formatting.index(outcome.index))"
        if weights > 0 {
            out += " = \(Formatting.number(outcome.index * weights)) ÷ \(Formatting.number(weights))"
        }
        out += "，对应\(gradeName(outcome.indexGrade, ruleSet))\n"

        var byDegree = [[Int]](repeating: [], count: ruleSet.degrees.labels.count)
        for index in applicable {
            let estimate = afterMeasures ? assessment.factors[index].after : assessment.factors[index].before
            byDegree[estimate.degree].append(index)
        }
        var counts: [String] = []
        // The factors at the most severe degree are named, when there are only a few.
        var named = false
        for degree in byDegree.indices.reversed() where !byDegree[degree].isEmpty {
            var text = "\(ruleSet.degrees.labels[degree]) \(byDegree[degree].count) 个"
            if !named && byDegree[degree].count <= 3 {
                text += "（\(byDegree[degree].map { ruleSet.factors[$0].label }.joined(separator: "、"))）"
            }
            named = true
            counts.append(text)
        }
        out += "- 适用风险因素的风险程度：\(counts.isEmpty ? "没有适用的风险因素" : counts.joined(separator: "，"))\n"

        let rules = ruleSet.aggregation.rules.indices.filter { outcome.rules & (1 << UInt64($0)) != 0 }
        if rules.isEmpty {
            out += "- 数量规则：都不成立\n"
        }
        for index in rules {
            let rule = ruleSet.aggregation.rules[index]
            out += "- 数量规则成立：\(rule.because ?? rule.id)（\(code(rule.condition.source))）"
            out += "，至少\(gradeName(rule.grade, ruleSet))\n"
        }

        let floors = assessment.floors
        let undecided = Set(
            assessment.unknowns.compactMap { unknown -> Int? in
                if case .floor(let index) = unknown.place { return index }
                return nil
            })
        if floors.isEmpty {
            out += "- 兜底条件：都未触发\n"
        }
        for index in floors {
            let floor = ruleSet.floors[index]
            if undecided.contains(index) {
                // Its reason states the condition, which the facts did not decide: not printed.
                out += "- 兜底条件“\(floor.label ?? floor.id)”（\(code(floor.condition.source))）"
                out += "因\(floorShortfall(index, assessment))无法判断，按从严原则视为成立，至少\(gradeName(floor.grade, ruleSet))"
            } else {
                out += "- 兜底条件“\(floor.label ?? floor.id)”成立（\(code(floor.condition.source))）"
                out += floor.because.map { "：\($0)" } ?? ""
                out += "，至少\(gradeName(floor.grade, ruleSet))"
            }
            if afterMeasures { out += "；措施不改变兜底条件" }
            out += "\n"
        }
        for index in undecided.sorted() where !floors.contains(index) {
            let floor = ruleSet.floors[index]
            out += "- 兜底条件“\(floor.label ?? floor.id)”（\(code(floor.condition.source))）"
            out += "因\(floorShortfall(index, assessment))无法判断，按不满足处理\n"
        }

        // Factors whose levels the expert panel set, as the ruleset prescribes: the index rests on the panel.
        let panel = applicable.filter { assessment.factors[$0].source == .experts }
        if !panel.isEmpty {
            let names = panel.map { "“\(ruleSet.factors[$0].label)”" }.joined(separator: "、")
            let method = assessment.project.experts.map { ExpertPanel.describe($0.method, $0.defuzzify) } ?? ""
            out += "- 专家评分：\(names)的风险概率和影响程度按规则规定由专家评分确定（\(method)），未采用规则分档\n"
        }
        var deciders: [String] = []
        if outcome.indexGrade == outcome.grade {
            let names = panel.map { "“\(ruleSet.factors[$0].label)”" }.joined(separator: "、")
            deciders.append(panel.isEmpty ? "综合风险指数" : "综合风险指数（其中\(names)的等级由专家评分确定）")
        }
        for index in rules where ruleSet.aggregation.rules[index].grade == outcome.grade {
            let rule = ruleSet.aggregation.rules[index]
            deciders.append("数量规则（\(rule.because ?? rule.id)）")
        }
        for index in floors where ruleSet.floors[index].grade == outcome.grade {
            deciders.append("兜底条件“\(ruleSet.floors[index].label ?? ruleSet.floors[index].id)”")
        }
        out += "- 决定等级的是：\(deciders.joined(separator: "、"))"
        out += deciders.count > 1 ? "（同时达到\(gradeName(outcome.grade, ruleSet))）\n\n" : "\n\n"
        return out
    }

    /// What left floor `index` undecided (missing facts, or a derived value that could not be computed).
    private static func floorShortfall(_ index: Int, _ assessment: Assessment) -> String {
        guard let unknown = assessment.unknowns.first(where: { $0.place == .floor(index) }) else {
            return "缺少数据"
        }
        return assessment.shortfall(unknown)
    }
}
