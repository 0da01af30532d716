/// Compiles every rule file under some paths, as `wenping check` does, and gathers all diagnostics.
///
/// A folder is searched recursively for `.yaml`/`.yml` files (rule tests, `*.test.yaml`, are skipped) and is
/// the root that `extends` may not leave; a single file's root is its own folder. Across the files checked,
/// two rulesets with the same `id` are an error unless they are dated versions of one ruleset (``VersionCheck``).
public struct RuleCheck: Sendable {
    /// Every diagnostic, deduplicated and sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// The rulesets that compiled without errors, in file order.
    public var ruleSets: [CompiledRuleSet]
    /// The files checked, in order.
    public var files: [String]
    /// The text of every file read, for ``DiagnosticFormatter``.
    public var sources: [String: SourceText]

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// Checks `paths` (files or folders).
    public static func run(paths: [String]) -> RuleCheck {
        var bag = DiagnosticBag()
        var ruleSets: [CompiledRuleSet] = []
        var files: [String] = []
        var sources: [String: SourceText] = [:]
        var versions: [VersionCheck.Entry] = []
        for path in paths {
            let root: String
            let targets: [String]
            if FileSystem.isDirectory(path) {
                root = path
                targets = FileSystem.ruleFilesRecursively(in: path).filter { !isRuleTest($0) }
            } else {
                root = FilePath.directory(of: path)
                targets = [path]
            }
            var compiler = RuleSetCompiler(root: root)
            for file in targets {
                files.append(file)
                let output = compiler.compile(file: file)
                bag.append(contentsOf: output.diagnostics)
                guard let ruleSet = output.ruleSet else { continue }
                ruleSets.append(ruleSet)
                let location = compiler.idLocation(of: file) ?? SourceLocation(file: file, line: 1, column: 1)
                versions.append(VersionCheck.Entry(ruleSet: ruleSet, idLocation: location))
            }
            sources.merge(compiler.sources) { current, _ in current }
        }
        bag.append(contentsOf: VersionCheck.diagnostics(versions))
        return RuleCheck(diagnostics: bag.sorted, ruleSets: ruleSets, files: files, sources: sources)
    }

    static func isRuleTest(_ file: String) -> Bool {
        file.hasSuffix(".test.yaml") || file.hasSuffix(".test.yml")
    }
}

extension RuleSetCompiler {
    /// Where the `id` of `file` is written, once the file has been compiled.
    func idLocation(of file: String) -> SourceLocation? {
        guard let text = sources[file] else { return nil }
        for (index, line) in text.lines.enumerated() where line.hasPrefix("id:") {
            let value = line.dropFirst(3).prefix { $0 == " " }
            return SourceLocation(file: file, line: index + 1, column: 4 + value.count)
        }
        return nil
    }
}
