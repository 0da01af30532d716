/// Runs the semantic stages of ``RuleSetCompiler`` over one merged ``RuleFileSyntax``.
struct RuleSetBuilder {
    let syntax: RuleFileSyntax
    var diagnostics: DiagnosticBag

    // Results of the declare stage.
    var basis: [String: BasisDocument] = [:]
    var probability = CompiledRuleSet.Scale(levels: [])
    var impact = CompiledRuleSet.Scale(levels: [])
    var degrees = CompiledRuleSet.DegreeTable(labels: [], table: [])
    var grades: [CompiledRuleSet.Grade] = []
    var gradeLocations: [SourceLocation] = []

    // Results of the names stage.
    var inputs: [CompiledRuleSet.Input] = []
    var derived: [CompiledRuleSet.Derived] = []
    var symbols: [String: Symbol] = [:]

    // Results of the rules stage.
    var factors: [CompiledRuleSet.Factor] = []
    var floors: [CompiledRuleSet.Floor] = []
    var weightGroups: [CompiledRuleSet.WeightGroup] = []
    var aggregation = CompiledRuleSet.Aggregation(indexCuts: [], indexElse: 0, rules: [], unknownPolicy: .cautious)
    /// Slots read by any expression, for the unused-input lint.
    var usedSlots: Set<Int> = []

    init(syntax: RuleFileSyntax, diagnostics: DiagnosticBag) {
        self.syntax = syntax
        self.diagnostics = diagnostics
    }

    var isBase: Bool { (syntax.appliesTo ?? []).isEmpty }

    mutating func build(files: [String], digest: String) -> CompiledRuleSet? {
        let period = validityPeriod()
        declare()
        guard !diagnostics.hasErrors else { return nil }
        declareNames()
        compileRules()
        if !diagnostics.hasErrors { lint() }
        guard !diagnostics.hasErrors, let id = syntax.id?.value else { return nil }
        return CompiledRuleSet(
            id: id, title: syntax.title?.value ?? id, version: syntax.version?.value ?? "",
            effective: syntax.effective.flatMap { $0.value.isEmpty ? nil : $0.value },
            jurisdiction: Self.normalizedJurisdiction(syntax.jurisdiction?.value),
            appliesTo: (syntax.appliesTo ?? []).map(\.value), kindLabels: syntax.kindLabels ?? [:],
            isReference: syntax.status?.value == "reference",
            basis: (syntax.basis ?? []).map { BasisDocument(key: $0.key.value, title: $0.title.value) },
            files: files, inputs: inputs, derived: derived, probabilityScale: probability, impactScale: impact,
            degrees: degrees, grades: grades, aggregation: aggregation, weightGroups: weightGroups,
            experts: expertMethod, factors: factors, floors: floors, digest: digest, period: period)
    }

    /// The version's period from `effective` and `expires`, reporting E250 when it holds no day.
    mutating func validityPeriod() -> ValidityPeriod {
        let effective = syntax.effective.flatMap { $0.value.isEmpty ? nil : $0 }
        let expires = syntax.expires
        let period = ValidityPeriod(
            effective: effective.flatMap { CalendarDate($0.value) },
            expires: expires.flatMap { CalendarDate($0.value) },
            effectiveLocation: effective?.location, expiresLocation: expires?.location)
        if let start = period.effective, let end = period.expires, end <= start, let expires {
            diagnostics.error(
                .emptyValidity,
                "停止施行日期 expires（\(end)）应晚于生效日期 effective（\(start)）：这样的版本一天也不施行；"
                    + "expires 是不再施行的第一天，如 2025-01-01 起施行、施行一年则写 expires: 2026-01-01",
                at: expires.location, length: expires.length,
                notes: effective.map { [Diagnostic.Note("生效日期写在这里", at: $0.location)] } ?? [])
        }
        return period
    }

    /// The panel method of the `experts:` block (its values were checked when the file was read).
    var expertMethod: CompiledRuleSet.ExpertMethod? {
        guard let method = syntax.experts?.method.flatMap({ ExpertPanel.Method(rawValue: $0.value) }) else {
            return nil
        }
        let defuzzify = syntax.experts?.defuzzify.flatMap { ExpertPanel.Defuzzification(rawValue: $0.value) }
        return CompiledRuleSet.ExpertMethod(method: method, defuzzify: defuzzify ?? .maxMembership)
    }

    /// `中国 / 陕西省/西安市/` → `中国/陕西省/西安市`; a missing jurisdiction means national (`中国`).
    static func normalizedJurisdiction(_ text: String?) -> String {
        let parts = (text ?? "中国").split(separator: "/").map(\.trimmingWhitespace).filter { !$0.isEmpty }
        return parts.isEmpty ? "中国" : parts.joined(separator: "/")
    }

    // MARK: - Shared helpers

    /// The file position where a section that is missing entirely should be reported.
    var fileStart: SourceLocation { syntax.start }

    /// Resolves a level written by number (1-based) or label against `labels`, reporting E209.
    mutating func resolveLevel(
        _ reference: Located<LevelReference>, in labels: [String], _ what: String, code: DiagnosticCode = .unknownLevel
    ) -> Int? {
        switch reference.value {
        case .number(let number):
            if number >= 1 && number <= labels.count { return number - 1 }
            diagnostics.error(
                code, "\(what)“\(number)”超出范围：只有 1 到 \(labels.count) 级（\(labels.joined(separator: "、"))）",
                at: reference.location, length: reference.length)
        case .label(let label):
            if let index = labels.firstIndex(of: label) { return index }
            var message = "\(what)中没有“\(label)”"
            if let guess = suggestion(for: label, among: labels) {
                message += "。是否想写“\(guess)”？"
            } else {
                message += "；可用：\(labels.joined(separator: "、"))"
            }
            diagnostics.error(code, message, at: reference.location, length: reference.length)
        }
        return nil
    }

    /// Resolves a grade id such as `高`, reporting E217.
    mutating func resolveGrade(_ grade: Located<String>) -> Int? {
        if let index = grades.firstIndex(where: { $0.id == grade.value || $0.label == grade.value }) { return index }
        var message = "没有名为“\(grade.value)”的风险等级"
        if let guess = suggestion(for: grade.value, among: grades.map(\.id)) {
            message += "。是否想写“\(guess)”？"
        } else {
            message += "；可用：\(grades.map(\.id).joined(separator: "、"))"
        }
        diagnostics.error(.unknownGrade, message, at: grade.location, length: grade.length)
        return nil
    }

    /// Resolves basis references against the declared documents, reporting E210.
    mutating func resolveBasis(_ references: [BasisReference]) -> [BasisCitation] {
        references.compactMap { reference in
            if let document = basis[reference.key.value] {
                return BasisCitation(key: document.key, title: document.title, detail: reference.detail)
            }
            var message = "依据“\(reference.key.value)”没有在 basis 中声明"
            if let guess = suggestion(for: reference.key.value, among: basis.keys.sorted()) {
                message += "。是否想写“\(guess)”？"
            } else {
                message += "；请先在文件开头的 basis 下加上“\(reference.key.value): 文件名称”"
            }
            diagnostics.error(
                .unknownBasis, message, at: reference.key.location, length: reference.key.length)
            return nil
        }
    }

    /// Compiles one expression against the ruleset's names.
    mutating func compileExpression(
        _ text: ExpressionText, context: ExpressionContext, expected: ExpressionType?
    ) -> CompiledExpression? {
        var scope = ExpressionScope(
            symbols: symbols, context: context,
            degrees: EnumDomain(name: "风险程度", values: degrees.labels.map { EnumValue(key: $0, label: $0) }))
        scope.inputCount = inputs.count
        let compiled = ExpressionCompiler.compile(
            text.text, scope: scope, expected: expected, locate: { text.location(atOffset: $0) },
            diagnostics: &diagnostics)
        if let compiled { usedSlots.formUnion(compiled.references) }
        return compiled
    }

    /// Reports E207 for items whose id repeats an earlier one.
    mutating func checkUnique(_ ids: [Located<String>], _ what: String) {
        var seen: [String: SourceLocation] = [:]
        for id in ids {
            if let first = seen[id.value] {
                diagnostics.error(
                    .duplicateID, "\(what)“\(id.value)”重复了；同一列表中的 id 不能相同", at: id.location, length: id.length,
                    notes: [Diagnostic.Note("第一次出现在这里", at: first)])
            } else {
                seen[id.value] = id.location
            }
        }
    }
}
