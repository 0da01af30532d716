extension RuleSetBuilder {
    /// Derives factor weights from the AHP groups of `weights`, checking each matrix: square and matching its
    /// factors, entries between 1/9 and 9, ones on the diagonal, reciprocal, and consistency ratio below 0.1.
    ///
    /// - Returns: the derived weight of every factor in a valid group, by factor id.
    mutating func compileWeightGroups() -> [String: Double] {
        var derived: [String: Double] = [:]
        var owner: [String: SourceLocation] = [:]
        let factorIDs = (syntax.factors ?? []).map(\.id.value)
        let groups = syntax.weights ?? []
        checkUnique(groups.map(\.id), "权重组 id")
        for group in groups {
            let what = "权重组“\(group.id.value)”"
            var valid = true
            for factor in group.factors {
                if !factorIDs.contains(factor.value) {
                    var message = "\(what)中的风险因素“\(factor.value)”不存在"
                    if let guess = suggestion(for: factor.value, among: factorIDs) { message += "。是否想写“\(guess)”？" }
                    diagnostics.error(.invalidWeights, message, at: factor.location, length: factor.length)
                    valid = false
                } else if let first = owner[factor.value] {
                    diagnostics.error(
                        .invalidWeights, "风险因素“\(factor.value)”已在另一个权重组中；一个因素只能属于一个权重组",
                        at: factor.location, length: factor.length, notes: [Diagnostic.Note("另一个权重组在这里", at: first)])
                    valid = false
                } else {
                    owner[factor.value] = group.location
                }
            }
            let n = group.factors.count
            let matrixLocation = group.matrixLocation ?? group.location
            if n < 2 || n > AHP.maximumSize {
                diagnostics.error(
                    .invalidWeights, "\(what)要有 2 到 \(AHP.maximumSize) 个风险因素，这里有 \(n) 个", at: group.location)
                continue
            }
            if group.matrix.count != n || group.matrix.contains(where: { $0.count != n }) {
                diagnostics.error(
                    .invalidWeights, "\(what)的判断矩阵应是 \(n)×\(n)（行列顺序与 factors 相同）", at: matrixLocation)
                continue
            }
            valid = checkMatrix(group.matrix, what) && valid
            if let share = group.share, share.value <= 0 || share.value > 1 {
                diagnostics.error(
                    .valueOutOfRange, "\(what)的占比 share 应在 0 到 1 之间（不含 0）", at: share.location, length: share.length)
                valid = false
            }
            guard valid else { continue }
            let result = AHP.analyze(group.matrix.map { $0.map(\.value) })
            if result.consistencyRatio >= AHP.consistencyLimit {
                let ri = AHP.randomIndex[n - 1]
                diagnostics.error(
                    .ahpInconsistent,
                    "\(what)的判断矩阵一致性比率 CR = \(Self.format3(result.consistencyRatio))，不小于 0.1"
                        + "（λmax = \(Self.format3(result.lambdaMax))，CI = \(Self.format3(result.consistencyIndex))，"
                        + "RI = \(Self.format3(ri))）；请调整矩阵使判断前后一致：若甲比乙重要、乙比丙重要，甲应比丙更重要",
                    at: matrixLocation)
                continue
            }
            let share = group.share?.value ?? 1
            for (factor, weight) in zip(group.factors, result.weights) { derived[factor.value] = share * weight }
            weightGroups.append(
                CompiledRuleSet.WeightGroup(
                    id: group.id.value, label: group.label, factors: group.factors.map(\.value),
                    weights: result.weights, share: share, lambdaMax: result.lambdaMax,
                    consistencyIndex: result.consistencyIndex, consistencyRatio: result.consistencyRatio))
        }
        return derived
    }

    /// Entries between 1/9 and 9, ones on the diagonal, `a[j][i] == 1 / a[i][j]` (to 1%).
    private mutating func checkMatrix(_ matrix: [[Located<Double>]], _ what: String) -> Bool {
        var valid = true
        for i in matrix.indices {
            for j in matrix.indices {
                let cell = matrix[i][j]
                if cell.value < 1.0 / 9 - 1e-9 || cell.value > 9 + 1e-9 {
                    diagnostics.error(
                        .invalidWeights,
                        "\(what)判断矩阵第 \(i + 1) 行第 \(j + 1) 列的值 \(Self.format3(cell.value)) 超出 1/9 到 9 的标度",
                        at: cell.location, length: cell.length)
                    valid = false
                } else if i == j && abs(cell.value - 1) > 1e-9 {
                    diagnostics.error(
                        .invalidWeights, "\(what)判断矩阵的对角线必须是 1（因素与自身同等重要）", at: cell.location,
                        length: cell.length)
                    valid = false
                } else if j > i && abs(cell.value * matrix[j][i].value - 1) > 0.01 {
                    diagnostics.error(
                        .invalidWeights,
                        "\(what)判断矩阵不互反：第 \(i + 1) 行第 \(j + 1) 列是 \(Self.format3(cell.value))，"
                            + "第 \(j + 1) 行第 \(i + 1) 列应是它的倒数 \(Self.format3(1 / cell.value))",
                        at: matrix[j][i].location, length: matrix[j][i].length)
                    valid = false
                }
            }
        }
        return valid
    }

    /// Three decimals: `0.153`.
    static func format3(_ value: Double) -> String { Formatting.number(value, digits: 3) }
}
