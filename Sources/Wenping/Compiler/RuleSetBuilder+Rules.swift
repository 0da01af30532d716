extension RuleSetBuilder {
    /// Stage 4: factors, floors and the aggregation method.
    mutating func compileRules() {
        compileAggregation()
        let factorSyntax = syntax.factors ?? []
        if factorSyntax.isEmpty && !isBase {
            diagnostics.error(
                .missingSection, "规则写了 applies_to，却没有任何风险因素 factors；请添加风险因素，或去掉 applies_to 作为基础文件",
                at: fileStart)
        }
        checkUnique(factorSyntax.map(\.id), "风险因素 id")
        let derivedWeights = compileWeightGroups()
        factors = factorSyntax.compactMap { compileFactor($0, derivedWeight: derivedWeights[$0.id.value]) }
        let floorSyntax = syntax.floors ?? []
        checkUnique(floorSyntax.map(\.id), "兜底条件 id")
        if floorSyntax.count > 64, let extra = floorSyntax.dropFirst(64).first {
            diagnostics.error(
                .valueOutOfRange, "兜底条件最多 64 条，这里有 \(floorSyntax.count) 条；请合并条件相近的兜底条件", at: extra.location)
        }
        floors = floorSyntax.compactMap { compileFloor($0) }
    }

    private mutating func compileAggregation() {
        guard let syntax = syntax.aggregation else {
            diagnostics.error(
                .missingSection, "规则缺少汇总方法 aggregation；通常通过 extends: base.yaml 继承", at: fileStart)
            return
        }
        let policy = syntax.unknown.flatMap { CompiledRuleSet.UnknownPolicy(rawValue: $0.value) } ?? .cautious
        var cuts: [CompiledRuleSet.Aggregation.Cut] = []
        var indexElse = 0
        if let index = syntax.index {
            let gradeIDs = grades.map(\.id)
            if let (bounds, otherwise) = resolveCuts(index, labels: gradeIDs, "综合风险指数阈值", at: syntax.location) {
                cuts = bounds.map { CompiledRuleSet.Aggregation.Cut(atLeast: $0.atLeast, grade: $0.target) }
                indexElse = otherwise
            }
        } else {
            diagnostics.error(.missingSection, "汇总方法 aggregation 缺少综合风险指数阈值 index", at: syntax.location)
        }
        let ruleSyntax = syntax.rules ?? []
        checkUnique(ruleSyntax.map(\.id), "数量规则 id")
        if ruleSyntax.count > 64, let extra = ruleSyntax.dropFirst(64).first {
            diagnostics.error(
                .valueOutOfRange, "数量规则最多 64 条，这里有 \(ruleSyntax.count) 条；请合并条件相近的规则", at: extra.location)
        }
        let rules: [CompiledRuleSet.Aggregation.Rule] = ruleSyntax.compactMap { rule in
            let condition = rule.when.flatMap { compileExpression($0, context: .aggregation, expected: .boolean) }
            let grade = rule.grade.flatMap { resolveGrade($0) }
            let basis = resolveBasis(rule.basis)
            guard let condition, let grade else { return nil }
            return CompiledRuleSet.Aggregation.Rule(
                id: rule.id.value, condition: condition, grade: grade, because: rule.because, basis: basis)
        }
        aggregation = CompiledRuleSet.Aggregation(
            indexCuts: cuts, indexElse: indexElse, rules: rules, unknownPolicy: policy)
    }

    private mutating func compileFactor(_ factor: FactorSyntax, derivedWeight: Double?) -> CompiledRuleSet.Factor? {
        let what = "风险因素“\(factor.id.value)”"
        let inGroup = (syntax.weights ?? []).contains { $0.factors.contains { $0.value == factor.id.value } }
        if let weight = factor.weight, inGroup {
            diagnostics.error(
                .invalidWeights, "\(what)的权重由权重组的判断矩阵求得，不要再写 weight", at: weight.location,
                length: weight.length)
        } else if factor.weight == nil && !inGroup {
            diagnostics.error(
                .invalidWeights, "\(what)缺少权重 weight；请写 0 到 1 之间的数，或把它放进 weights 中的 AHP 权重组",
                at: factor.id.location, length: factor.id.length)
        }
        if let weight = factor.weight, weight.value < 0 || weight.value > 1 {
            diagnostics.error(
                .valueOutOfRange, "\(what)的权重 \(weight.value) 超出范围；权重应在 0 到 1 之间", at: weight.location,
                length: weight.length)
        }
        let basis = resolveBasis(factor.basis)
        let applicability = factor.appliesWhen.flatMap {
            compileExpression($0, context: .condition, expected: .boolean)
        }
        let probability = compileBands(
            factor.probability, labels: self.probability.levels.map(\.label), "\(what)的风险概率", at: factor.location)
        let impact = compileBands(
            factor.impact, labels: self.impact.levels.map(\.label), "\(what)的影响程度", at: factor.location)
        checkUnique(factor.measures.map(\.id), "措施 id")
        let bandIDs = ((factor.probability ?? []) + (factor.impact ?? [])).compactMap(\.id)
        checkUnique(bandIDs, "\(what)的分档 id")
        if factor.measures.count > 64, let extra = factor.measures.dropFirst(64).first {
            diagnostics.error(
                .valueOutOfRange, "\(what)的措施最多 64 项，这里有 \(factor.measures.count) 项", at: extra.location)
        }
        let measures = factor.measures.map { compileMeasure($0, of: factor) }
        guard let label = factor.label, let weight = derivedWeight ?? factor.weight?.value, let probability, let impact
        else { return nil }
        if factor.appliesWhen != nil && applicability == nil { return nil }
        let fromExperts = factor.source?.value == "experts"
        if fromExperts, syntax.experts?.method == nil, let source = factor.source {
            diagnostics.error(
                .expertsWithoutMethod,
                "\(what)写了 source: experts（风险概率和影响程度由专家评分确定），但规则没有写专家评分的聚合方法；"
                    + "请在规则文件顶层写 experts: { method: fuzzy }（模糊综合评价）或 experts: { method: mean }（等级均值），"
                    + "或去掉 source 按分档评估",
                at: source.location, length: source.length)
        }
        return CompiledRuleSet.Factor(
            id: factor.id.value, label: label.value, category: factor.category?.value, stage: factor.stage,
            weight: weight, basis: basis, applicability: applicability, fromExperts: fromExperts,
            probability: probability,
            impact: impact, measures: measures, location: factor.location)
    }

    /// A measure with the bands it cures resolved against its factor's band ids (E230 for an unknown id).
    private mutating func compileMeasure(_ measure: MeasureSyntax, of factor: FactorSyntax) -> CompiledRuleSet.Measure {
        var curesProbability: Set<Int>?
        var curesImpact: Set<Int>?
        if let cures = measure.cures {
            curesProbability = []
            curesImpact = []
            let probability = factor.probability ?? []
            let impact = factor.impact ?? []
            for cure in cures {
                if let index = probability.firstIndex(where: { $0.id?.value == cure.value }) {
                    curesProbability?.insert(index)
                } else if let index = impact.firstIndex(where: { $0.id?.value == cure.value }) {
                    curesImpact?.insert(index)
                } else {
                    let ids = (probability + impact).compactMap { $0.id?.value }
                    var message =
                        "措施“\(measure.id.value)”的 cures 写了“\(cure.value)”，但风险因素“\(factor.id.value)”没有这个 id 的分档"
                    if let guess = suggestion(for: cure.value, among: ids) {
                        message += "。是否想写“\(guess)”？"
                    } else if ids.isEmpty {
                        message += "；请先给要对症的分档写上 id，如 { id: comment-short, when: …, level: … }"
                    } else {
                        message += "；可用：\(ids.joined(separator: "、"))"
                    }
                    diagnostics.error(.unknownCure, message, at: cure.location, length: cure.length)
                }
            }
        }
        let satisfied = measure.satisfiedWhen.flatMap {
            compileExpression($0, context: .condition, expected: .boolean)
        }
        return CompiledRuleSet.Measure(
            id: measure.id.value, label: measure.label?.value ?? measure.id.value,
            owner: measure.owner?.value ?? "", assisting: measure.assisting, deadline: measure.deadline,
            lowersProbability: max(0, measure.lowersProbability?.value ?? 0),
            lowersImpact: max(0, measure.lowersImpact?.value ?? 0), curesProbability: curesProbability,
            curesImpact: curesImpact, satisfied: satisfied)
    }

    /// Compiles an ordered band list that must end with `else`.
    private mutating func compileBands(
        _ bands: [BandSyntax]?, labels: [String], _ what: String, at location: SourceLocation
    ) -> [CompiledRuleSet.Band]? {
        guard let bands, !bands.isEmpty else {
            if bands != nil {
                diagnostics.error(.bandsWithoutElse, "\(what)至少要有一个 else 档", at: location)
            }
            return nil
        }
        var result: [CompiledRuleSet.Band] = []
        var failed = false
        for (index, band) in bands.enumerated() {
            if band.isElse && index != bands.count - 1 {
                diagnostics.error(
                    .bandsWithoutElse, "\(what)中 else 档只能放在最后；它后面的档永远不会被用到", at: band.location)
                failed = true
            }
            let level = band.level.flatMap { resolveLevel($0, in: labels, what) }
            let condition = band.when.flatMap { compileExpression($0, context: .condition, expected: .boolean) }
            guard let level, band.isElse || condition != nil else {
                failed = true
                continue
            }
            result.append(
                CompiledRuleSet.Band(
                    id: band.id?.value, condition: condition, level: level, because: band.because,
                    location: band.location)
            )
        }
        if bands.last?.isElse != true {
            diagnostics.error(
                .bandsWithoutElse, "\(what)要以 else 档结尾，写明前面各档都不满足时的等级，如 { else: 较低 }",
                at: bands.last?.location ?? location)
            failed = true
        }
        return failed ? nil : result
    }

    private mutating func compileFloor(_ floor: FloorSyntax) -> CompiledRuleSet.Floor? {
        let condition = floor.when.flatMap { compileExpression($0, context: .condition, expected: .boolean) }
        let grade = floor.grade.flatMap { resolveGrade($0) }
        let basis = resolveBasis(floor.basis)
        guard let condition, let grade else { return nil }
        let policy = floor.unknown.flatMap { CompiledRuleSet.UnknownPolicy(rawValue: $0.value) }
        return CompiledRuleSet.Floor(
            id: floor.id.value, label: floor.label, condition: condition, grade: grade, basis: basis,
            because: floor.because, unknownPolicy: policy ?? aggregation.unknownPolicy, location: floor.location)
    }
}
