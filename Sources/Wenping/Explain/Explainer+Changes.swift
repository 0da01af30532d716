extension Explainer {
    /// Parts three and four: the nearest single-fact changes and the measures not yet adopted, each re-evaluated,
    /// those that lower the grade after measures first.
    static func changeSections(_ context: Context) -> String {
        let (changes, options) = whatIfs(context)
        return factChanges(context, changes) + measureOptions(context, options)
    }

    /// The nearest fact changes and the measures not yet adopted that parts three and four list (and
    /// ``explainJSON(_:factor:)`` gives), in the order found.
    static func whatIfs(_ context: Context) -> ([WhatIf.FactChange], [WhatIf.MeasureOption]) {
        let assessment = context.assessment
        var whatIf = WhatIf(assessment)
        var changes: [WhatIf.FactChange] = []
        var options: [WhatIf.MeasureOption] = []
        for index in context.factorIndexes {
            // A factor that does not apply is looked at only when asked for: what would make it apply.
            let applies = assessment.factors[index].applicability.isApplicable
            guard applies || context.selected == index else { continue }
            changes += whatIf.factChanges(factor: index)
            if applies { options += whatIf.measureOptions(factor: index) }
        }
        if context.selected == nil {
            // A floor is worth a line when the change stops it firing, or moves the grade after measures.
            for index in context.ruleSet.floors.indices {
                changes += whatIf.factChanges(floor: index).filter { change in
                    assessment.floors.contains(index) || change.result.after.grade != assessment.after.grade
                }
            }
        }
        return (changes, options)
    }

    /// How a re-evaluated grade after measures compares with the actual one.
    enum Direction: Int, CaseIterable {
        case lowers, raises, keeps

        init(_ result: Assessment, comparedWith assessment: Assessment) {
            if result.after.grade < assessment.after.grade {
                self = .lowers
            } else if result.after.grade > assessment.after.grade {
                self = .raises
            } else {
                self = .keeps
            }
        }
    }

    /// Items grouped by direction; within a group, the largest move of the grade after measures first, then the
    /// lowest grade before measures, then in the order given.
    static func grouped<Item>(
        _ items: [Item], _ context: Context, result: (Item) -> Assessment
    ) -> [(Direction, [Item])] {
        let current = context.assessment.after.grade
        let keyed = items.enumerated().map { offset, item in
            let outcome = result(item)
            return (
                item: item, offset: offset, move: abs(outcome.after.grade - current), before: outcome.before.grade,
                direction: Direction(outcome, comparedWith: context.assessment)
            )
        }
        return Direction.allCases.map { direction in
            let members = keyed.filter { $0.direction == direction }
                .sorted { ($0.move, -$0.before, -$0.offset) > ($1.move, -$1.before, -$1.offset) }
                .map(\.item)
            return (direction, members)
        }
    }

    private static func factChanges(_ context: Context, _ changes: [WhatIf.FactChange]) -> String {
        let ruleSet = context.ruleSet
        var out = "## 三、最近的变化\n\n"
        if context.selected == nil {
            out += "逐个适用的风险因素（以及兜底条件），找出条件读到的每项事实：改到哪个值（其他事实不变），"
            out += "该因素的风险概率或影响程度（或兜底条件是否成立）就会改变；"
        } else {
            out += "找出该风险因素的条件读到的每项事实：改到哪个值（其他事实不变），它是否适用、风险概率或影响程度就会改变；"
        }
        out += "再按规则重新评估，看落实措施后的项目等级是否随之改变。"
        out += "数值取离现值最近的一个（向下、向上各一个）。\n\n"
        if context.assessment.after.grade == 0 {
            out += "落实措施后已是最低等级（\(gradeName(0, ruleSet))），没有能再降低等级的变化。\n\n"
        }
        guard !changes.isEmpty else { return out + "没有找到能改变风险因素等级的单项事实变化。\n\n" }
        let titles: [Direction: String] = [
            .lowers: "能降低落实措施后等级的变化", .raises: "会提高落实措施后等级的变化", .keeps: "只改变风险因素等级的变化",
        ]
        for (direction, items) in grouped(changes, context, result: \.result) where !items.isEmpty {
            out += "### \(titles[direction] ?? "")\n\n"
            for (number, line) in merged(context, items).enumerated() { out += "\(number + 1). \(line)\n" }
            out += "\n"
        }
        return out
    }

    /// The changes as lines, those of one fact that differ only in the new value (enum values with the same
    /// effect) merged into one line: `由 旧城区改建 改为 国防和外交、公共事业或保障性安居工程`.
    private static func merged(_ context: Context, _ changes: [WhatIf.FactChange]) -> [String] {
        var lines: [(key: String, values: [String])] = []
        for change in changes {
            let key = describe(context, change, to: "\u{0}")
            let value = display(change.to, slot: change.slot, context.ruleSet)
            if let index = lines.firstIndex(where: { $0.key == key }) {
                lines[index].values.append(value)
            } else {
                lines.append((key, [value]))
            }
        }
        return lines.map { line in
            let values =
                line.values.count == 1
                ? line.values[0]
                : line.values.dropLast().joined(separator: "、") + "或" + line.values[line.values.count - 1]
            return line.key.replacingFirst("\u{0}", with: values)
        }
    }

    /// One fact change: the fact, old and new value, what it does to the factor or floor and to the grade.
    ///
    /// - Parameter to: the new value as text; nil to print it from the change.
    static func describe(_ context: Context, _ change: WhatIf.FactChange, to: String? = nil) -> String {
        let ruleSet = context.ruleSet
        let from = display(change.from, slot: change.slot, ruleSet)
        let to = to ?? display(change.to, slot: change.slot, ruleSet)
        let fact = "\(name(of: change.slot, ruleSet))由 \(from) 改为 \(to)"
        var text: String
        var conditions: [CompiledExpression]
        var changedFactor: Int?
        switch change.subject {
        case .factor(let index):
            let factor = ruleSet.factors[index]
            text = "**\(factor.label)**：\(fact)：\(effect(context, change.result, factor: index))"
            conditions =
                [factor.applicability].compactMap { $0 } + factor.probability.compactMap(\.condition)
                + factor.impact.compactMap(\.condition)
            changedFactor = index
        case .floor(let index):
            let floor = ruleSet.floors[index]
            text = "**兜底条件“\(floor.label ?? floor.id)”**：\(fact)："
            text +=
                change.result.floors.contains(index)
                ? "条件成立，项目至少为\(gradeName(floor.grade, ruleSet))" : "条件不再成立，不再要求至少\(gradeName(floor.grade, ruleSet))"
            conditions = [floor.condition]
        }
        let read = conditions.reduce(into: Set<Int>()) { $0.formUnion($1.references) }
        let derivedChanges = read.filter { derived($0, ruleSet) != nil }.sorted().compactMap { slot -> String? in
            let before = context.assessment.slots[slot]
            let after = change.result.slots[slot]
            guard before != after, let derived = derived(slot, ruleSet) else { return nil }
            return "\(derived.label) \(display(before, slot: slot, ruleSet)) → \(display(after, slot: slot, ruleSet))"
        }
        if !derivedChanges.isEmpty { text += "（\(derivedChanges.joined(separator: "；"))）" }
        let others = ruleSet.factors.indices.filter { index in
            index != changedFactor && WhatIf.state(change.result, index) != WhatIf.state(context.assessment, index)
        }
        if !others.isEmpty {
            text += "；同时改变风险因素：\(others.map { ruleSet.factors[$0].label }.joined(separator: "、"))"
        }
        return text + "；" + grades(context, change.result)
    }

    /// What a re-evaluation did to one factor before measures: `风险概率 较高 → 较低，风险程度 较大 → 一般`.
    private static func effect(_ context: Context, _ result: Assessment, factor index: Int) -> String {
        let ruleSet = context.ruleSet
        let old = context.assessment.factors[index]
        let new = result.factors[index]
        guard new.applicability.isApplicable else { return "该因素不再适用" }
        var effects: [String] = []
        if !old.applicability.isApplicable {
            effects.append("该因素变为适用")
            effects.append("风险概率 \(ruleSet.probabilityScale.levels[new.before.probability].label)")
            effects.append("影响程度 \(ruleSet.impactScale.levels[new.before.impact].label)")
            effects.append("风险程度 \(ruleSet.degrees.labels[new.before.degree])")
            return effects.joined(separator: "，")
        }
        if new.before.probability != old.before.probability {
            effects.append(
                "风险概率 \(ruleSet.probabilityScale.levels[old.before.probability].label) → "
                    + ruleSet.probabilityScale.levels[new.before.probability].label)
        }
        if new.before.impact != old.before.impact {
            effects.append(
                "影响程度 \(ruleSet.impactScale.levels[old.before.impact].label) → "
                    + ruleSet.impactScale.levels[new.before.impact].label)
        }
        let degrees = ruleSet.degrees.labels
        effects.append(
            new.before.degree == old.before.degree
                ? "风险程度仍为\(degrees[old.before.degree])"
                : "风险程度 \(degrees[old.before.degree]) → \(degrees[new.before.degree])")
        return effects.joined(separator: "，")
    }

    /// `落实措施后仍为低风险` or `落实措施后 低风险 → 中风险（措施前 中风险 → 高风险）`.
    private static func grades(_ context: Context, _ result: Assessment) -> String {
        let ruleSet = context.ruleSet
        let assessment = context.assessment
        var text =
            result.after.grade == assessment.after.grade
            ? "落实措施后仍为\(gradeName(result.after.grade, ruleSet))"
            : "落实措施后 \(gradeName(assessment.after.grade, ruleSet)) → \(gradeName(result.after.grade, ruleSet))"
        if result.before.grade != assessment.before.grade {
            text += "（措施前 \(gradeName(assessment.before.grade, ruleSet)) → \(gradeName(result.before.grade, ruleSet))）"
        }
        return text
    }

    private static func measureOptions(_ context: Context, _ options: [WhatIf.MeasureOption]) -> String {
        var out = "## 四、尚未采纳的措施\n\n"
        if let index = context.selected, !context.assessment.factors[index].applicability.isApplicable {
            return out + "该风险因素不适用，它的措施不影响等级。\n"
        }
        guard !options.isEmpty else { return out + "没有尚未采纳的措施。\n" }
        out += "每项措施单独加入已采纳的措施后重新评估；能降低落实措施后等级的排在前面。\n\n"
        var number = 0
        for (_, items) in grouped(options, context, result: \.result) {
            for option in items {
                number += 1
                out += "\(number). " + describe(context, option) + "\n"
            }
        }
        return out
    }

    /// One measure option: the factor, the measure, what adopting it does to the factor and to the grade.
    static func describe(_ context: Context, _ option: WhatIf.MeasureOption) -> String {
        let ruleSet = context.ruleSet
        let factor = ruleSet.factors[option.factor]
        let old = context.assessment.factors[option.factor].after
        let new = option.result.factors[option.factor].after
        var out = "**\(factor.label)**：“\(option.measure.label)”（\(option.measure.id)，"
        out += "责任主体 \(option.measure.owner)，\(lowers(option.measure))）："
        if old == new {
            out += "该因素落实措施后的等级已是最低一级或不受影响，不再改变"
        } else {
            let degrees = ruleSet.degrees.labels
            var effects: [String] = []
            if new.probability != old.probability {
                effects.append(
                    "风险概率 \(ruleSet.probabilityScale.levels[old.probability].label) → "
                        + ruleSet.probabilityScale.levels[new.probability].label)
            }
            if new.impact != old.impact {
                effects.append(
                    "影响程度 \(ruleSet.impactScale.levels[old.impact].label) → "
                        + ruleSet.impactScale.levels[new.impact].label)
            }
            effects.append(
                new.degree == old.degree
                    ? "风险程度仍为\(degrees[old.degree])" : "风险程度 \(degrees[old.degree]) → \(degrees[new.degree])")
            out += "落实措施后" + effects.joined(separator: "，")
        }
        return out + "；" + grades(context, option.result)
    }
}

extension String {
    /// The text with the first occurrence of the character `target` replaced.
    fileprivate func replacingFirst(_ target: Character, with replacement: String) -> String {
        let parts = split(separator: target, maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? parts[0] + replacement + parts[1] : self
    }
}
