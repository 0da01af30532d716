extension RuleSetBuilder {
    /// Stage 5: warnings for what a rule author would want to know.
    ///
    /// Runs only on an error-free ruleset.
    mutating func lint() {
        lintWeights()
        lintShadowedBands()
        lintUnused()
        for factor in syntax.factors ?? [] where factor.basis.isEmpty {
            diagnostics.warning(
                .factorWithoutBasis, "风险因素“\(factor.id.value)”没有注明依据 basis；报告中的“依据”一栏将为空",
                at: factor.id.location, length: factor.id.length)
        }
        lintReachableGrades()
        lintMethod()
    }

    private mutating func lintWeights() {
        guard !isBase, let first = syntax.factors?.first else { return }
        let location = first.weight?.location ?? first.id.location
        let total = factors.reduce(0) { $0 + $1.weight }
        if abs(total - 1) > 1e-6 {
            diagnostics.warning(
                .weightsDoNotSum,
                "风险因素的权重之和是 \(Formatting.number(total, digits: 6))，不等于 1；综合风险指数按适用因素的权重归一化计算，但权重之和为 1 更便于审核",
                at: location)
        }
    }

    private mutating func lintShadowedBands() {
        for (factor, source) in zip(factors, syntax.factors ?? []) {
            for (bands, bandSyntax) in [(factor.probability, source.probability), (factor.impact, source.impact)] {
                guard let bandSyntax else { continue }
                var earlier: [Constraint?] = []
                for (band, written) in zip(bands, bandSyntax) {
                    guard let condition = band.condition, let when = written.when else { continue }
                    let constraint = ConditionAnalysis.constraint(of: condition.syntax)
                    let repeated = bandSyntax.prefix { $0.location != written.location }
                        .contains { $0.when?.text.trimmingWhitespace == when.text.trimmingWhitespace }
                    if repeated || (!earlier.isEmpty && ConditionAnalysis.covers(earlier, constraint)) {
                        diagnostics.warning(
                            .bandShadowed,
                            "风险因素“\(factor.id)”的这一档永远不会被匹配：满足“\(when.text)”的情况已被前面的档覆盖；请调整顺序或条件",
                            at: when.location, length: max(1, when.text.count))
                    }
                    earlier.append(constraint)
                }
            }
        }
    }

    private mutating func lintUnused() {
        for slot in Set(inputs.map(\.slot)).subtracting(usedSlots).sorted() {
            let input = inputs[slot]
            diagnostics.warning(
                .inputUnused, "输入项“\(input.name)”没有被任何条件或派生值使用；可以删除，或在风险因素中用到它",
                at: input.location, length: input.name.count)
        }
        for item in derived where !usedSlots.contains(item.slot) {
            let location = syntax.derived?.first { $0.name.value == item.name }?.name.location
            if let location {
                diagnostics.warning(
                    .derivedUnused, "派生值“\(item.name)”没有被任何条件使用", at: location, length: item.name.count)
            }
        }
    }

    private mutating func lintReachableGrades() {
        guard !grades.isEmpty else { return }
        var reachable: Set<Int> = [aggregation.indexElse]
        reachable.formUnion(aggregation.indexCuts.map(\.grade))
        reachable.formUnion(aggregation.rules.map(\.grade))
        reachable.formUnion(floors.map(\.grade))
        for (index, grade) in grades.enumerated() where !reachable.contains(index) {
            diagnostics.warning(
                .gradeUnreachable, "风险等级“\(grade.id)”不会被任何综合指数阈值、数量规则或兜底条件得出",
                at: gradeLocations[index])
        }
    }
}
