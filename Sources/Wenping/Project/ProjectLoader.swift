import WenpingYAML

/// Reads project files (YAML or JSON), chooses their ruleset and types their facts against its inputs.
///
/// ```swift
/// let catalog = RuleSetCatalog(paths: ["Rules"])
/// let loaded = ProjectLoader(catalog: catalog).load(file: "Fixtures/projects/x.yaml")
/// if let project = loaded.project { let assessment = Engine.evaluate(project) }
/// ```
public struct ProjectLoader: Sendable {
    /// What loading one project gave: the project if it is valid, every problem found, and the file's text.
    public struct Output: Sendable {
        public var project: Project?
        public var diagnostics: [Diagnostic]
        public var source: SourceText?
    }

    public let catalog: RuleSetCatalog
    /// A ruleset id that replaces the automatic choice.
    public let override: String?
    let limits = YAMLLimits.default

    public init(catalog: RuleSetCatalog, override: String? = nil) {
        self.catalog = catalog
        self.override = override
    }

    /// Loads the project file at `file` (a path as the user wrote it).
    public func load(file: String) -> Output {
        do throws(FileSystem.Failure) {
            let bytes = try FileSystem.read(FilePath.absolute(file), limit: limits.maxBytes)
            return load(bytes: bytes, file: file)
        } catch {
            let message = error.isTooLarge ? error.description : "无法读取项目文件:\(error)"
            return Output(
                diagnostics: [.error(error.code, message, at: SourceLocation(file: file, line: 1, column: 1))])
        }
    }

    /// Loads a project from bytes (a file's content, or one line of a JSON Lines file named `file`).
    public func load(bytes: [UInt8], file: String) -> Output {
        let document: YAMLDocument
        do {
            document = try YAMLParser.parse(bytes, limits: limits)
        } catch {
            let text = String(decoding: bytes, as: UTF8.self)
            return Output(diagnostics: [Diagnostic(error, file: file)], source: SourceText(file: file, text: text))
        }
        let source = SourceText(file: file, text: document.text)
        let (parsed, diagnostics) = ProjectFile.load(document, file: file)
        guard let parsed else { return Output(diagnostics: diagnostics, source: source) }
        switch catalog.select(kind: parsed.kind.value, jurisdiction: parsed.jurisdictionPath, override: override) {
        case .failure(let failure):
            let location = override == nil ? parsed.kind.location : parsed.start
            return Output(
                diagnostics: diagnostics + [.error(.noRuleset, failure.message, at: location)], source: source)
        case .success(let ruleSet):
            var binder = FactBinder(ruleSet: ruleSet, file: parsed)
            let project = binder.bind(digest: SHA256.hex(bytes))
            return Output(project: project, diagnostics: diagnostics + binder.reader.diagnostics.sorted, source: source)
        }
    }
}
