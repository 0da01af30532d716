extension RuleFileSyntax {
    /// This file's sections laid over `parent`'s: scalars and whole sections the child writes replace the
    /// parent's; items in keyed lists (basis, inputs, derived, grades, factors, floors, count rules) with the same
    /// id replace the parent's item in place, new ids are appended in the child's order.
    func merged(onto parent: RuleFileSyntax) -> RuleFileSyntax {
        var result = self
        result.format = format ?? parent.format
        result.title = title ?? parent.title
        result.version = version ?? parent.version
        result.effective = effective ?? parent.effective
        result.jurisdiction = jurisdiction ?? parent.jurisdiction
        result.appliesTo = appliesTo ?? parent.appliesTo
        result.kindLabels = appliesTo == nil ? parent.kindLabels : kindLabels
        result.status = status ?? parent.status
        result.basis = Self.merge(parent.basis, basis) { $0.key.value }
        result.inputs = Self.merge(parent.inputs, inputs) { $0.name.value }
        result.derived = Self.merge(parent.derived, derived) { $0.name.value }
        var scales = scales ?? parent.scales
        if let own = self.scales, let inherited = parent.scales {
            scales?.probability = own.probability ?? inherited.probability
            scales?.impact = own.impact ?? inherited.impact
        }
        result.scales = scales
        result.degrees = degrees ?? parent.degrees
        result.grades = Self.mergeGrades(parent.grades, grades)
        if let own = aggregation, let inherited = parent.aggregation {
            var aggregation = own
            aggregation.index = own.index ?? inherited.index
            aggregation.rules = Self.merge(inherited.rules, own.rules) { $0.id.value }
            aggregation.unknown = own.unknown ?? inherited.unknown
            result.aggregation = aggregation
        } else {
            result.aggregation = aggregation ?? parent.aggregation
        }
        result.weights = Self.merge(parent.weights, weights) { $0.id.value }
        result.experts = experts ?? parent.experts
        result.factors = Self.merge(parent.factors, factors) { $0.id.value }
        result.floors = Self.merge(parent.floors, floors) { $0.id.value }
        return result
    }

    /// Drops the items named in `child.remove`, reporting E214 for ids that are not there.
    mutating func applyRemovals(from child: RuleFileSyntax, diagnostics: inout [Diagnostic]) {
        guard let remove = child.remove else { return }
        Self.remove(remove.factors, from: &factors, key: { $0.id.value }, "风险因素", &diagnostics)
        Self.remove(remove.floors, from: &floors, key: { $0.id.value }, "兜底条件", &diagnostics)
        Self.remove(remove.inputs, from: &inputs, key: { $0.name.value }, "输入项", &diagnostics)
        Self.remove(remove.derived, from: &derived, key: { $0.name.value }, "派生值", &diagnostics)
        Self.remove(remove.rules, from: &aggregation.rules, key: { $0.id.value }, "数量规则", &diagnostics)
    }

    /// Grades merge field by field: a child's grade with a parent's id replaces only the fields it writes, so a
    /// ruleset can word its own decision sentence and keep the parent's definition of the grade.
    static func mergeGrades(_ parent: [GradeSyntax]?, _ child: [GradeSyntax]?) -> [GradeSyntax]? {
        guard let child else { return parent }
        guard var result = parent else { return child }
        for grade in child {
            if let index = result.firstIndex(where: { $0.id.value == grade.id.value }) {
                var merged = result[index]
                merged.label = grade.label ?? merged.label
                merged.description = grade.description ?? merged.description
                merged.decision = grade.decision ?? merged.decision
                merged.decisionBasis = grade.decisionBasis ?? merged.decisionBasis
                merged.proceed = grade.proceed ?? merged.proceed
                merged.basis = grade.basis ?? merged.basis
                result[index] = merged
            } else {
                result.append(grade)
            }
        }
        return result
    }

    static func merge<Item>(_ parent: [Item]?, _ child: [Item]?, key: (Item) -> String) -> [Item]? {
        guard let child else { return parent }
        guard var result = parent else { return child }
        for item in child {
            if let index = result.firstIndex(where: { key($0) == key(item) }) {
                result[index] = item
            } else {
                result.append(item)
            }
        }
        return result
    }

    private static func remove<Item>(
        _ ids: [Located<String>], from items: inout [Item]?, key: (Item) -> String, _ what: String,
        _ diagnostics: inout [Diagnostic]
    ) {
        for id in ids {
            let before = items?.count ?? 0
            items?.removeAll { key($0) == id.value }
            if (items?.count ?? 0) == before {
                var message = "remove 要删除的\(what)“\(id.value)”在上级规则中不存在"
                if let guess = suggestion(for: id.value, among: items?.map(key) ?? []) {
                    message += "。是否想写“\(guess)”？"
                }
                diagnostics.append(.error(.removeUnknown, message, at: id.location, length: id.length))
            }
        }
    }
}

extension Optional where Wrapped == AggregationSyntax {
    /// The count rules of an optional aggregation section, writable through optional chaining.
    fileprivate var rules: [AggregationRuleSyntax]? {
        get { self?.rules }
        set { self?.rules = newValue }
    }
}
