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
        /// The project's `id` as written, when the text was read far enough to know it (``writtenID(_:)``), even
        /// if the project has errors: a batch names it in the row of an invalid input.
        public var projectID: String?
    }

    public let catalog: RuleSetCatalog
    /// A ruleset id (or `ID@VERSION`) that replaces the automatic choice.
    public let override: String?
    /// The date that chooses among versions of a ruleset (default: each project's `assessment_date`).
    public let asOf: AsOfDate
    /// `wenping diff`: a ruleset with a single version grades every project, whatever its period.
    var ignoresPeriods = false
    /// Whether projects get their ``Project/inputDigest``; a batch that writes no report skips the hashing.
    let computesDigest: Bool
    /// Whether JSON input goes through ``JSONParser`` first (tests turn it off to compare with libyaml alone).
    var usesJSONFastPath = true
    let limits = YAMLLimits.default
    /// The rulesets chosen so far, by kind, jurisdiction and date (shared by copies of this loader).
    private let choices = RuleSetChoices()

    public init(catalog: RuleSetCatalog, override: String? = nil, asOf: AsOfDate = .projectDate) {
        self.init(catalog: catalog, override: override, asOf: asOf, computesDigest: true)
    }

    init(catalog: RuleSetCatalog, override: String?, asOf: AsOfDate = .projectDate, computesDigest: Bool) {
        self.catalog = catalog
        self.override = override
        self.asOf = asOf
        self.computesDigest = computesDigest
    }

    /// Loads the project file at `file` (a path as the user wrote it).
    public func load(file: String) -> Output {
        do throws(FileSystem.Failure) {
            let bytes = try FileSystem.read(FilePath.absolute(file), limit: limits.maxBytes)
            return load(bytes: bytes, file: file)
        } catch {
            let message = error.isTooLarge ? error.description : "无法读取项目文件：\(error)"
            return Output(
                diagnostics: [.error(error.code, message, at: SourceLocation(file: file, line: 1, column: 1))])
        }
    }

    /// Loads a project from bytes (a file's content, or one line of a JSON Lines file named `file`).
    public func load(bytes: [UInt8], file: String) -> Output {
        load(bytes: bytes, file: file, jsonLine: false)
    }

    /// Loads a project from bytes; with `jsonLine`, the bytes must be JSON (a line of a JSON Lines file): YAML
    /// that is not JSON gets E450 instead of being graded.
    ///
    /// ``Output/source`` is only filled in when there are diagnostics to show it with.
    func load(bytes: [UInt8], file: String, jsonLine: Bool) -> Output {
        let document: YAMLDocument
        switch parse(bytes, file: file, jsonLine: jsonLine) {
        case .document(let parsed): document = parsed
        case .failed(let output): return output
        }
        var output = load(document, bytes: bytes, file: file)
        output.projectID = output.project?.id ?? Self.writtenID(document)
        return output
    }

    /// The `id` of a parsed project document: the top-level `id` when it is a single value that is not null or
    /// empty, whatever else is wrong with the document.
    static func writtenID(_ document: YAMLDocument) -> String? {
        guard case .mapping(let top)? = document.root, case .scalar(let id)? = top["id"], !id.value.isEmpty,
            id.style != .plain || !id.isNull
        else { return nil }
        return id.value
    }

    /// Loads the project of a parsed document.
    private func load(_ document: YAMLDocument, bytes: [UInt8], file: String) -> Output {
        let (loaded, diagnostics) = ProjectFile.load(document, file: file)
        let source = { SourceText(file: file, text: document.text) }
        guard var parsed = loaded else { return Output(diagnostics: diagnostics, source: source()) }
        let request = RuleSetCatalog.VersionRequest(
            asOf: asOf, projectDate: parsed.assessmentDate, ignoresPeriods: ignoresPeriods)
        let key = RuleSetChoices.Key(
            kind: parsed.kind.value, jurisdiction: parsed.jurisdiction?.value, date: parsed.assessmentDate?.value,
            ignoresPeriods: ignoresPeriods)
        let (path, selection) = choices.choice(for: key) { path in
            catalog.select(kind: parsed.kind.value, jurisdiction: path, override: override, request: request)
        }
        parsed.normalizedJurisdiction = path
        // Where a problem with the choice is reported: the date that decided, else the kind (or the file's start
        // when --ruleset named the ruleset).
        let datedAt = asOf.date == nil ? parsed.assessmentDate : nil
        let location = datedAt?.location ?? (override == nil ? parsed.kind.location : parsed.start)
        switch selection {
        case .failure(let failure):
            let at = failure.isAboutDate ? location : (override == nil ? parsed.kind.location : parsed.start)
            let error = Diagnostic.error(
                failure.code, failure.message, at: at, length: failure.isAboutDate ? datedAt?.length ?? 1 : 1,
                notes: failure.notes)
            return Output(diagnostics: diagnostics + [error], source: source())
        case .success(let chosen):
            var binder = FactBinder(ruleSet: chosen.ruleSet, file: parsed)
            binder.versionChoice = chosen.choice
            let project = binder.bind(digest: computesDigest ? SHA256.hex(bytes) : "")
            var all = diagnostics + binder.reader.diagnostics.sorted
            if let warning = chosen.warning {
                all.append(.warning(warning.code, warning.message, at: location, length: datedAt?.length ?? 1))
            }
            return Output(project: project, diagnostics: all, source: all.isEmpty ? nil : source())
        }
    }

    /// The parsed document, or the output that reports why there is none.
    ///
    /// JSON goes through ``JSONParser``; anything it does not take goes through ``YAMLParser``, so errors are
    /// libyaml's, at the same places, as they always were. Only when libyaml reads a JSON Lines line that is not
    /// JSON does the JSON parser's complaint (E450) become the answer.
    private func parse(_ bytes: [UInt8], file: String, jsonLine: Bool) -> Parsed {
        var notJSON: (reason: String, mark: YAMLMark)?
        if usesJSONFastPath, jsonLine || Self.startsLikeJSON(bytes) {
            switch JSONParser.parse(bytes, limits: limits) {
            case .parsed(let document): return .document(document)
            case .notJSON(let reason, let mark): notJSON = (reason, mark)
            case .declined: break
            }
        }
        let document: YAMLDocument
        do {
            document = try YAMLParser.parse(bytes, limits: limits)
        } catch {
            let text = String(decoding: bytes, as: UTF8.self)
            return .failed(
                Output(diagnostics: [Diagnostic(error, file: file)], source: SourceText(file: file, text: text)))
        }
        guard jsonLine, let notJSON else { return .document(document) }
        let location = SourceLocation(file: file, line: notJSON.mark.line, column: notJSON.mark.column)
        let message =
            "这一行不是 JSON：\(notJSON.reason)。JSON Lines 文件的每一行应是一个 JSON 对象，"
            + "如 {\"id\": \"XA-1\", \"facts\": {\"households\": 120}}；键和文字都要用双引号"
        return .failed(
            Output(
                diagnostics: [.error(.notJSON, message, at: location)],
                source: SourceText(file: file, text: document.text)))
    }

    private enum Parsed {
        case document(YAMLDocument)
        case failed(Output)
    }

    /// Whether the first byte that is not whitespace opens a JSON object or array.
    private static func startsLikeJSON(_ bytes: [UInt8]) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }
}
