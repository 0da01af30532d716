import WenpingYAML

/// Finds where a count rule or a measure is written, for coverage reports.
///
/// The compiled ruleset keeps locations for factors, bands and floors but not for count rules and measures, so
/// this reads the rule files again (each at most once) and looks the item up by id: a measure in the file that
/// defines its factor, a count rule in the ruleset's own file first and then in each file it extends, as
/// `extends` lets the nearest definition win.
struct RuleSourceLocator {
    /// Parsed rule files by name; `nil` when a file could not be read again.
    private var documents: [String: YAMLNode.Mapping?] = [:]

    /// Where the count rule `id` of `ruleSet` is written.
    mutating func rule(_ id: String, in ruleSet: CompiledRuleSet) -> SourceLocation? {
        for file in ruleSet.files {
            guard case .mapping(let aggregation)? = top(of: file)?["aggregation"],
                case .sequence(let rules)? = aggregation["rules"]
            else { continue }
            if let item = Self.item(id, in: rules.items) {
                return SourceLocation(file: file, line: item.line, column: item.column)
            }
        }
        return nil
    }

    /// Where the measure `id` of `factor` is written.
    mutating func measure(_ id: String, of factor: CompiledRuleSet.Factor) -> SourceLocation? {
        let file = factor.location.file
        guard case .sequence(let factors)? = top(of: file)?["factors"],
            let factorMark = Self.item(factor.id, in: factors.items),
            let node = factors.items.first(where: { $0.mark == factorMark }),
            case .mapping(let definition) = node,
            case .sequence(let measures)? = definition["measures"],
            let item = Self.item(id, in: measures.items)
        else { return nil }
        return SourceLocation(file: file, line: item.line, column: item.column)
    }

    private mutating func top(of file: String) -> YAMLNode.Mapping? {
        if let cached = documents[file] { return cached }
        var top: YAMLNode.Mapping?
        if case .mapping(let mapping)? = try? YAMLParser.parse(contentsOfFile: file).root { top = mapping }
        documents[file] = top
        return top
    }

    /// The mark of the list item whose `id` is `id`.
    private static func item(_ id: String, in items: [YAMLNode]) -> YAMLMark? {
        for item in items {
            if case .mapping(let mapping) = item, case .scalar(let value)? = mapping["id"], value.value == id {
                return mapping.mark
            }
        }
        return nil
    }
}
