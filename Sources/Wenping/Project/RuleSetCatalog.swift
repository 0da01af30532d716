/// The compiled rulesets of a rules folder, and the choice of which one grades a project.
///
/// Compile once, then select for many projects: by the project's kind (a ruleset's `applies_to`) and
/// jurisdiction, the ruleset whose jurisdiction is the longest prefix of the project's winning.
public struct RuleSetCatalog: Sendable {
    /// Every ruleset that compiled, base files included, in file order.
    public let ruleSets: [CompiledRuleSet]
    /// Problems found in the rule files (errors make the affected rulesets unavailable).
    public let diagnostics: [Diagnostic]
    /// Texts of the rule files, for ``DiagnosticFormatter``.
    public let sources: [String: SourceText]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Compiles every rule file under `paths` (folders or files), as `wenping check` does.
    public init(paths: [String]) {
        let check = RuleCheck.run(paths: paths)
        ruleSets = check.ruleSets
        diagnostics = check.diagnostics
        sources = check.sources
    }

    public init(ruleSets: [CompiledRuleSet]) {
        self.ruleSets = ruleSets
        diagnostics = []
        sources = [:]
    }

    public func ruleSet(id: String) -> CompiledRuleSet? { ruleSets.first { $0.id == id } }

    /// The ruleset for a project of `kind` in `jurisdiction`, or a message in Chinese that lists what exists.
    ///
    /// - Parameter override: a ruleset id that replaces the automatic choice (`--ruleset`).
    func select(kind: String, jurisdiction: String, override: String? = nil) -> Result<CompiledRuleSet, Failure> {
        if let override {
            if let ruleSet = ruleSet(id: override) { return .success(ruleSet) }
            let ids = ruleSets.filter { !$0.isBase }.map(\.id)
            var message = "没有 id 为“\(override)”的规则"
            if let guess = suggestion(for: override, among: ids) { message += "。是否想写“\(guess)”?" }
            message += ";现有规则:\(ids.joined(separator: "、"))"
            return .failure(Failure(message: message))
        }
        let path = jurisdiction.split(separator: "/").map(String.init)
        let candidates = ruleSets.filter { ruleSet in
            guard ruleSet.kindKey(for: kind) != nil else { return false }
            let own = ruleSet.jurisdiction.split(separator: "/").map(String.init)
            return own.count <= path.count && Array(path.prefix(own.count)) == own
        }
        let depth = { (ruleSet: CompiledRuleSet) in ruleSet.jurisdiction.split(separator: "/").count }
        guard let best = candidates.map(depth).max() else {
            let available = ruleSets.filter { !$0.isBase }.map { ruleSet in
                let kinds = ruleSet.appliesTo.map { ruleSet.kindLabel(for: $0) ?? $0 }.joined(separator: "/")
                return "\(ruleSet.id)(\(kinds),\(ruleSet.jurisdiction))"
            }
            var message = "没有适用于项目类型“\(kind)”、地区“\(jurisdiction)”的规则"
            let kinds = Array(Set(ruleSets.flatMap { $0.appliesTo + $0.appliesTo.compactMap($0.kindLabel(for:)) }))
                .sorted()
            if !kinds.contains(kind), let guess = suggestion(for: kind, among: kinds) {
                message += "。项目类型是否想写“\(guess)”?"
            }
            message += ";现有规则:\(available.isEmpty ? "无" : available.joined(separator: "、"))"
            return .failure(Failure(message: message))
        }
        let winners = candidates.filter { depth($0) == best }
        if winners.count > 1 {
            return .failure(
                Failure(
                    message: "有多个规则同样适用于项目类型“\(kind)”、地区“\(jurisdiction)”:"
                        + "\(winners.map(\.id).joined(separator: "、"));请用 --ruleset 指定其一"))
        }
        return .success(winners[0])
    }

    struct Failure: Error {
        let message: String
    }
}
