import WenpingYAML

extension RuleFileLoader {
    static let weightGroupKeys = ["id", "label", "method", "factors", "matrix", "share"]

    /// One weight group: factors whose weights come from an AHP pairwise comparison matrix.
    ///
    /// ```yaml
    /// weights:
    ///   - id: compensation-group
    ///     method: ahp
    ///     factors: [compensation, resettlement, business-loss]
    ///     matrix:
    ///       - [1, 3, 5]
    ///       - [1/3, 1, 3]
    ///       - [1/5, 1/3, 1]
    ///     share: 0.4
    /// ```
    mutating func loadWeightGroup(_ node: YAMLNode) -> WeightGroupSyntax? {
        guard let body = reader.mapping(node, "权重组") else { return nil }
        reader.checkKeys(
            body, allowed: Self.weightGroupKeys, required: ["id", "method", "factors", "matrix"], "权重组")
        guard let id = reader.identifier(body["id"], "权重组 id") else { return nil }
        var group = WeightGroupSyntax(id: id, location: reader.location(body.mark))
        group.label = reader.text(body["label"], "label")
        group.method = reader.string(body["method"], "method")
        if let method = group.method, method.value != "ahp" {
            reader.diagnostics.error(
                .invalidWeights, "权重组的 method 目前只支持 ahp（层次分析法），这里是“\(method.value)”", at: method.location,
                length: method.length)
        }
        group.factors = reader.stringList(body["factors"], "权重组的因素 factors") ?? []
        group.share = body["share"].flatMap { reader.number($0, "权重组占比 share") }
        if let matrixNode = body["matrix"], let rows = reader.sequence(matrixNode, "判断矩阵 matrix") {
            group.matrixLocation = reader.location(matrixNode.mark)
            group.matrix = rows.map { row in
                guard let cells = reader.sequence(row, "判断矩阵的一行") else { return [] }
                return cells.compactMap { pairwiseValue($0) }
            }
        }
        return group
    }

    /// A matrix entry: a number (`3`, `0.5`) or a fraction (`1/3`).
    private mutating func pairwiseValue(_ node: YAMLNode) -> Located<Double>? {
        guard let scalar = reader.scalar(node, "判断矩阵的元素") else { return nil }
        let location = reader.location(scalar.mark)
        if scalar.style == .plain, let value = scalar.double, value.isFinite {
            return Located(value: value, location: location, length: NodeReader.width(of: scalar))
        }
        let parts = scalar.value.split(separator: "/")
        if parts.count == 2, let numerator = Double(parts[0].trimmingWhitespace),
            let denominator = Double(parts[1].trimmingWhitespace), denominator != 0
        {
            return Located(value: numerator / denominator, location: location, length: NodeReader.width(of: scalar))
        }
        reader.diagnostics.error(
            .invalidWeights, "判断矩阵的元素应是 1–9 的数字或其倒数（如 3 或 1/3），这里是“\(scalar.value)”", at: location,
            length: NodeReader.width(of: scalar))
        return nil
    }
}
