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
        self.init(ruleSets: ruleSets, diagnostics: [], sources: [:])
    }

    init(ruleSets: [CompiledRuleSet], diagnostics: [Diagnostic], sources: [String: SourceText]) {
        self.ruleSets = ruleSets
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// The ruleset `id` (its newest version when there are several), or exactly `id@version`.
    public func ruleSet(id reference: String) -> CompiledRuleSet? {
        let (id, version) = Self.splitReference(reference)
        let versions = versions(of: id)
        guard let version else { return versions.last ?? ruleSets.first { $0.id == reference } }
        return versions.first { $0.version == version } ?? ruleSets.first { $0.id == reference }
    }

    /// The ruleset for a project of `kind` in `jurisdiction`, or a message in Chinese that lists what exists.
    ///
    /// The ruleset id is chosen by kind and jurisdiction (the longest matching jurisdiction wins); among the
    /// versions of that id, `request` picks the one in force on the run's or the project's date.
    /// - Parameter override: a ruleset id (or `ID@VERSION`) that replaces the automatic choice (`--ruleset`).
    func select(
        kind: String, jurisdiction: String, override: String? = nil, request: VersionRequest = VersionRequest()
    ) -> Result<Selection, Failure> {
        if let override {
            let reference = Self.splitReference(override)
            // An id that itself contains “@” is still found whole.
            let (id, version) = versions(of: override).isEmpty ? reference : (override, nil)
            let versions = versions(of: id)
            if !versions.isEmpty { return chooseVersion(versions, named: version, request) }
            var seen: Set<String> = []
            let ids = ruleSets.filter { !$0.isBase && seen.insert($0.id).inserted }.map(\.id)
            var message = "没有 id 为“\(id)”的规则"
            if let guess = suggestion(for: id, among: ids) { message += "。是否想写“\(guess)”？" }
            message += "；现有规则：\(ids.joined(separator: "、"))"
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
            var seen: Set<String> = []
            let available = ruleSets.filter { !$0.isBase && seen.insert($0.id).inserted }.map { ruleSet in
                let kinds = ruleSet.appliesTo.map { ruleSet.kindLabel(for: $0) ?? $0 }.joined(separator: "/")
                return "\(ruleSet.id)（\(kinds)，\(ruleSet.jurisdiction)）"
            }
            var message = "没有适用于项目类型“\(kind)”、地区“\(jurisdiction)”的规则"
            let kinds = Array(Set(ruleSets.flatMap { $0.appliesTo + $0.appliesTo.compactMap($0.kindLabel(for:)) }))
                .sorted()
            if !kinds.contains(kind), let guess = suggestion(for: kind, among: kinds) {
                message += "。项目类型是否想写“\(guess)”？"
            }
            message += "；现有规则：\(available.isEmpty ? "无" : available.joined(separator: "、"))"
            return .failure(Failure(message: message))
        }
        let winners = candidates.filter { depth($0) == best }
        let ids = winners.map(\.id).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if ids.count > 1 {
            return .failure(
                Failure(
                    message: "有多个规则同样适用于项目类型“\(kind)”、地区“\(jurisdiction)”："
                        + "\(ids.joined(separator: "、"))；请用 --ruleset 指定其一"))
        }
        return chooseVersion(versions(of: ids[0]), named: nil, request)
    }

    struct Failure: Error {
        var code: DiagnosticCode = .noRuleset
        let message: String
        var notes: [Diagnostic.Note] = []
        /// True when the date chose no version (E251) or several (E252): located at the date, not at the kind.
        var isAboutDate = false
    }
}
