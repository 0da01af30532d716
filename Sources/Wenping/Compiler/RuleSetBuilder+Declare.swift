extension RuleSetBuilder {
    /// Stage 2: metadata, basis, scales, degrees, grades and the index thresholds.
    mutating func declare() {
        for (field, value) in [("title", syntax.title), ("version", syntax.version)] where value == nil {
            diagnostics.error(.missingField, "规则文件缺少必填字段“\(field)”", at: fileStart)
        }
        for document in syntax.basis ?? [] {
            basis[document.key.value] = BasisDocument(key: document.key.value, title: document.title.value)
        }
        declareScales()
        declareDegrees()
        declareGrades()
    }

    private mutating func declareScales() {
        guard let scales = syntax.scales else {
            diagnostics.error(
                .missingSection, "规则缺少等级表 scales（风险概率和影响程度的分级）；通常通过 extends: base.yaml 继承", at: fileStart)
            return
        }
        probability = scale(scales.probability, "风险概率等级表 scales.probability", at: scales.location)
        impact = scale(scales.impact, "影响程度等级表 scales.impact", at: scales.location)
    }

    private mutating func scale(
        _ levels: [ScaleLevelSyntax]?, _ what: String, at location: SourceLocation
    ) -> CompiledRuleSet.Scale {
        guard let levels, !levels.isEmpty else {
            diagnostics.error(.missingSection, "缺少\(what)", at: location)
            return CompiledRuleSet.Scale(levels: [])
        }
        var result: [CompiledRuleSet.Scale.Level] = []
        var labels: Set<String> = []
        var previous: Double?
        for (index, level) in levels.enumerated() {
            guard let number = level.level, let label = level.label, let value = level.value else { continue }
            if number.value != index + 1 {
                diagnostics.error(
                    .invalidScale, "\(what)的级别要从 1 开始依次编号；第 \(index + 1) 项写的是 \(number.value)",
                    at: number.location, length: number.length)
            }
            if !labels.insert(label.value).inserted {
                diagnostics.error(
                    .invalidScale, "\(what)中的名称“\(label.value)”重复了", at: label.location, length: label.length)
            }
            if let previous, value.value <= previous {
                diagnostics.error(
                    .invalidScale, "\(what)的分值要逐级增大；\(value.value) 不大于上一级的 \(previous)",
                    at: value.location, length: value.length)
            }
            if value.value < 0 {
                diagnostics.error(
                    .valueOutOfRange, "\(what)的分值不能是负数", at: value.location, length: value.length)
            }
            previous = value.value
            result.append(CompiledRuleSet.Scale.Level(label: label.value, value: value.value))
        }
        return CompiledRuleSet.Scale(levels: result)
    }

    private mutating func declareDegrees() {
        guard let syntax = syntax.degrees else {
            diagnostics.error(.missingSection, "规则缺少风险程度 degrees；通常通过 extends: base.yaml 继承", at: fileStart)
            return
        }
        guard let levels = syntax.levels, !levels.isEmpty else {
            diagnostics.error(.invalidDegrees, "degrees 缺少风险程度名称 levels（如 [微小, 较小, 一般, 较大, 重大]）", at: syntax.location)
            return
        }
        checkUnique(levels, "风险程度名称")
        let labels = levels.map(\.value)
        let pCount = probability.levels.count
        let iCount = impact.levels.count
        guard pCount > 0, iCount > 0 else { return }
        switch syntax.by?.value {
        case "product":
            guard let cuts = syntax.cuts else {
                diagnostics.error(.invalidDegrees, "by: product 需要分界点 cuts", at: syntax.location)
                return
            }
            guard let (bounds, otherwise) = resolveCuts(cuts, labels: labels, "风险程度分界点", at: syntax.location)
            else { return }
            let table = probability.levels.map { p in
                impact.levels.map { i in
                    bounds.first { p.value * i.value >= $0.atLeast - 1e-9 }?.target ?? otherwise
                }
            }
            degrees = CompiledRuleSet.DegreeTable(labels: labels, table: table)
        case "matrix":
            guard let matrix = syntax.matrix else {
                diagnostics.error(.invalidDegrees, "by: matrix 需要矩阵 matrix", at: syntax.location)
                return
            }
            var table = [[Int]?](repeating: nil, count: pCount)
            let pLabels = probability.levels.map(\.label)
            for row in matrix {
                guard let p = resolveLevel(row.probability, in: pLabels, "风险概率等级表") else { continue }
                if table[p] != nil {
                    diagnostics.error(
                        .invalidDegrees, "矩阵中概率等级“\(row.probability.value)”的行重复了", at: row.probability.location)
                }
                if row.row.count != iCount {
                    diagnostics.error(
                        .invalidDegrees, "矩阵的每行要有 \(iCount) 个风险程度（对应影响程度 1…\(iCount) 级），这一行有 \(row.row.count) 个",
                        at: row.probability.location)
                    continue
                }
                let cells = row.row.map { resolveLevel($0, in: labels, "风险程度") }
                if cells.allSatisfy({ $0 != nil }) { table[p] = cells.compactMap { $0 } }
            }
            for (p, row) in table.enumerated() where row == nil && !diagnostics.hasErrors {
                diagnostics.error(
                    .invalidDegrees, "矩阵缺少概率等级“\(pLabels[p])”这一行；每个概率等级都要有一行", at: syntax.location)
            }
            degrees = CompiledRuleSet.DegreeTable(labels: labels, table: table.map { $0 ?? [] })
        case let other:
            let location = syntax.by?.location ?? syntax.location
            diagnostics.error(
                .invalidDegrees,
                "degrees.by 只能是 product（按概率分值×影响分值的分界点）或 matrix（矩阵）"
                    + (other.map { "，这里是“\($0)”" } ?? "，这里没有写"), at: location)
        }
    }

    /// Cut-point bands, highest first, ending with `else`.
    ///
    /// Returns the bounds and the `else` target.
    mutating func resolveCuts(
        _ cuts: [CutSyntax], labels: [String], _ what: String, at location: SourceLocation
    ) -> (bounds: [(atLeast: Double, target: Int)], otherwise: Int)? {
        var bounds: [(atLeast: Double, target: Int)] = []
        var otherwise: Int?
        for (index, cut) in cuts.enumerated() {
            if cut.isElse {
                if index != cuts.count - 1 {
                    diagnostics.error(.bandsWithoutElse, "\(what)中 else 只能放在最后一档", at: cut.location)
                }
                if let target = cut.target { otherwise = resolveLevel(target, in: labels, what, code: .unknownLevel) }
                continue
            }
            guard let atLeast = cut.atLeast, let target = cut.target,
                let resolved = resolveLevel(target, in: labels, what, code: .unknownLevel)
            else { continue }
            if let last = bounds.last, atLeast.value >= last.atLeast {
                diagnostics.error(
                    .invalidDegrees, "\(what)要从高到低排列：\(atLeast.value) 不小于上一档的 \(last.atLeast)",
                    at: atLeast.location, length: atLeast.length)
            }
            bounds.append((atLeast.value, resolved))
        }
        guard let otherwise else {
            if cuts.last?.isElse != true {
                diagnostics.error(
                    .bandsWithoutElse, "\(what)要以 else 档结尾（低于所有分界点时的结果）", at: cuts.last?.location ?? location)
            }
            return nil
        }
        return (bounds, otherwise)
    }

    private mutating func declareGrades() {
        guard let list = syntax.grades, !list.isEmpty else {
            diagnostics.error(.missingSection, "规则缺少风险等级 grades；通常通过 extends: base.yaml 继承", at: fileStart)
            return
        }
        checkUnique(list.map(\.id), "风险等级 id")
        grades = list.map { grade in
            if grade.decision == nil {
                diagnostics.error(
                    .missingField, "风险等级“\(grade.id.value)”缺少必填字段“decision”（该等级的决策建议）；请写明，或在上级文件中写",
                    at: grade.location)
            }
            return CompiledRuleSet.Grade(
                id: grade.id.value, label: grade.label?.value ?? grade.id.value, description: grade.description,
                decision: grade.decision?.value ?? "", decisionBasis: resolveBasis(grade.decisionBasis ?? []),
                proceeds: grade.proceed?.value ?? false, basis: resolveBasis(grade.basis ?? []))
        }
        gradeLocations = list.map(\.location)
        if !grades.contains(where: \.proceeds) {
            diagnostics.error(
                .missingField, "至少要有一个风险等级写 proceed: true（通常是“低”），否则任何项目都不能实施",
                at: list[0].location)
        }
    }
}
