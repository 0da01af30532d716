import WenpingYAML

/// Reads one rule test file (`*.test.yaml`) against compiled rulesets, reporting every problem with its position.
///
/// The file is read with the same ``NodeReader`` as rule files, so an unknown field gets a "did you mean" hint
/// and every level, grade, factor, floor and rule named in an expectation is checked against the case's
/// ruleset. A case with any problem is left out of the run; the others still run.
///
/// ```yaml
/// format: wenping-test/1
/// ruleset: national/house-expropriation
/// cases:
///   - name: 征求意见不足30日时兜底为高风险
///     project: ../Fixtures/projects/house-expropriation/bj-comment-period-short.yaml
///     expect: { before: 高, floors: [comment-period-short] }
/// ```
struct RuleTestLoader {
    /// The only `format` this version reads.
    static let format = "wenping-test/1"
    static let fileFields = ["format", "ruleset", "cases"]
    static let caseFields = ["name", "ruleset", "project", "facts", "measures", "expect"]

    let catalog: RuleSetCatalog
    /// The test file, as the user named it.
    let file: String
    var reader: NodeReader
    /// Problems found in project files the cases name (their positions are in those files).
    var projectDiagnostics: [Diagnostic] = []
    /// Texts of the test file and of every project file read, for ``DiagnosticFormatter``.
    var sources: [String: SourceText] = [:]

    init(catalog: RuleSetCatalog, file: String) {
        self.catalog = catalog
        self.file = file
        reader = NodeReader(file: file)
    }

    /// Every problem found, in no particular order.
    var diagnostics: [Diagnostic] { reader.diagnostics.diagnostics + projectDiagnostics }

    /// The cases of the file that can run.
    mutating func load() -> [RuleTestCase] {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let bytes: [UInt8]
        do throws(FileSystem.Failure) {
            bytes = try FileSystem.read(FilePath.absolute(file), limit: YAMLLimits.default.maxBytes)
        } catch {
            reader.diagnostics.error(error.code, "无法读取规则测试文件：\(error)", at: start)
            return []
        }
        let document: YAMLDocument
        do {
            document = try YAMLParser.parse(bytes)
        } catch {
            sources[file] = SourceText(file: file, text: String(decoding: bytes, as: UTF8.self))
            projectDiagnostics.append(Diagnostic(error, file: file))
            return []
        }
        sources[file] = SourceText(file: file, text: document.text)
        guard let root = document.root else {
            reader.diagnostics.error(.missingField, "规则测试文件是空的；至少要写 format: \(Self.format) 和 cases", at: start)
            return []
        }
        guard let top = reader.mapping(root, "规则测试文件") else { return [] }
        reader.checkKeys(top, allowed: Self.fileFields, required: ["format", "cases"], "规则测试文件")
        if let format = reader.string(top["format"], "格式 format"), format.value != Self.format {
            reader.diagnostics.error(
                .unsupportedFormat, "规则测试文件的格式应写 format: \(Self.format)，这里是“\(format.value)”",
                at: format.location, length: format.length)
        }
        let ruleSet = reader.string(top["ruleset"], "规则 ruleset")
        guard let node = top["cases"], let items = reader.sequence(node, "用例 cases") else { return [] }
        if items.isEmpty {
            reader.diagnostics.error(.missingField, "用例 cases 是空的；至少写一个用例", at: reader.location(of: node))
        }
        var names: [String: SourceLocation] = [:]
        var cases: [RuleTestCase] = []
        let digest = SHA256.hex(bytes)
        for item in items {
            if let testCase = readCase(item, defaultRuleSet: ruleSet, digest: digest, names: &names) {
                cases.append(testCase)
            }
        }
        return cases
    }

    /// One case, or `nil` after reporting why it cannot run.
    private mutating func readCase(
        _ node: YAMLNode, defaultRuleSet: Located<String>?, digest: String, names: inout [String: SourceLocation]
    ) -> RuleTestCase? {
        guard let map = reader.mapping(node, "用例") else { return nil }
        let errors = reader.diagnostics.errorCount + projectDiagnostics.count { $0.severity == .error }
        reader.checkKeys(map, allowed: Self.caseFields, required: ["name", "project", "expect"], "用例")
        let name = reader.string(map["name"], "用例名称 name")
        if let name {
            if let first = names[name.value] {
                reader.diagnostics.error(
                    .duplicateID, "用例名称“\(name.value)”重复；同一文件中每个用例的名称必须唯一", at: name.location,
                    length: name.length, notes: [Diagnostic.Note("前一个同名用例在这里", at: first)])
            } else {
                names[name.value] = name.location
            }
        }
        var ruleSet: CompiledRuleSet?
        let explicit = reader.string(map["ruleset"], "规则 ruleset") ?? defaultRuleSet
        if let explicit {
            switch catalog.select(kind: "", jurisdiction: "", override: explicit.value) {
            case .success(let found): ruleSet = found.ruleSet
            case .failure(let failure):
                reader.diagnostics.error(failure.code, failure.message, at: explicit.location, length: explicit.length)
            }
        }
        var parsed: (file: ProjectFile, digest: String)?
        if let node = map["project"] {
            parsed = projectFile(node, caseName: name?.value ?? "规则测试用例", ruleSet: ruleSet, digest: digest)
        }
        if explicit == nil, let parsed {
            // No ruleset named: choose one from the project's kind and jurisdiction, as `wenping assess` does.
            let file = parsed.file
            // The version in force on the case's assessment_date, when the ruleset has dated versions.
            let request = RuleSetCatalog.VersionRequest(projectDate: file.assessmentDate)
            switch catalog.select(kind: file.kind.value, jurisdiction: file.jurisdictionPath, request: request) {
            case .success(let found): ruleSet = found.ruleSet
            case .failure(let failure):
                let location =
                    failure.isAboutDate ? file.assessmentDate?.location ?? file.kind.location : file.kind.location
                reader.diagnostics.error(failure.code, failure.message, at: location, length: file.kind.length)
            }
        }
        guard let ruleSet else { return nil }
        let expectations = map["expect"].flatMap { self.expectations($0, ruleSet) }
        var project: Project?
        if let parsed, let file = applyOverrides(map, to: parsed.file, ruleSet) {
            var binder = FactBinder(ruleSet: ruleSet, file: file)
            // Expert scores the case says are missing (`warnings: [experts.…]`) are what it tests: no W547.
            for expectation in expectations ?? [] {
                guard case .missing(_, let experts) = expectation.check else { continue }
                binder.expectedMissingExperts.formUnion(experts)
            }
            project = binder.bind(digest: parsed.digest)
            projectDiagnostics.append(contentsOf: binder.reader.diagnostics.diagnostics)
        }
        return finish(name, project, expectations, errors: errors)
    }

    private func finish(
        _ name: Located<String>?, _ project: Project?, _ expectations: [RuleTestExpectation]?, errors: Int
    ) -> RuleTestCase? {
        let now = reader.diagnostics.errorCount + projectDiagnostics.count { $0.severity == .error }
        guard now == errors, let name, let project, let expectations else { return nil }
        return RuleTestCase(
            name: name.value, location: name.location, file: file, project: project, expectations: expectations)
    }
}
