import Foundation

/// Two versions of the rules compared on the same projects: which projects change grade, index or factor
/// degrees and why, and what changed in the rules themselves.
///
/// This is how a policy office previews a rule change on last year's projects before publishing it.
///
/// ```swift
/// let diff = RuleDiff.run(old: "Rules-2025", new: "Rules", projects: ["Fixtures/projects"])
/// print(RuleDiffMarkdownRenderer.render(diff))
/// ```
///
/// `old` and `new` are each a rule file, a folder of rule files, or a version of a ruleset in `rules` written
/// `ID@VERSION` (two versions of one id side by side, as rules in force on different dates are kept). Rulesets
/// are paired by id (two single files or versions with one ruleset each are paired whatever their ids); base files are not listed on their own, since their
/// changes show in every ruleset that extends them. Each project is loaded with each version as `wenping assess`
/// would load it, so a project may even be graded by different rulesets before and after the change; a side
/// with one version of a ruleset grades every project with it, whatever the project's date (the point is to
/// compare the versions).
public struct RuleDiff: Sendable {
    /// One ruleset present in either version, and what changed in it.
    struct RuleSetPair: Sendable {
        var old: CompiledRuleSet?
        var new: CompiledRuleSet?
        var changes: [RuleChange]

        var id: String { new?.id ?? old?.id ?? "" }
    }

    /// The rules as given on the command line.
    public let oldPath: String
    public let newPath: String
    var ruleSets: [RuleSetPair] = []
    var projects: [ProjectComparison] = []
    /// Problems in the rule files (errors stop the comparison) and in project files that neither version could
    /// load.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Texts of the files read, for ``DiagnosticFormatter``.
    public private(set) var sources: [String: SourceText] = [:]
    /// True when either version's rules have errors: nothing was compared.
    public private(set) var rulesHaveErrors = false

    /// How many project files some version could not grade.
    public var invalidProjectCount: Int { projects.count { $0.old == nil || $0.new == nil } }
    /// How many projects the change affects.
    public var changedProjectCount: Int { projects.count { $0.isChanged } }
    public var projectCount: Int { projects.count }

    /// Compiles both versions, grades every project under `projects` (files, or folders searched recursively
    /// for `.yaml`, `.yml` and `.json`, leaving out `*.expected.yaml` and `*.test.yaml`) with each, and compares.
    ///
    /// - Parameter rules: where `ID@VERSION` arguments are looked up (files or folders); unused for paths.
    public static func run(old: String, new: String, projects: [String], rules: [String] = []) -> RuleDiff {
        var diff = RuleDiff(oldPath: old, newPath: new)
        let library =
            rules.isEmpty || (FileSystem.exists(old) && FileSystem.exists(new)) ? nil : RuleSetCatalog(paths: rules)
        let oldCatalog = side(old, in: library)
        let newCatalog = side(new, in: library)
        diff.sources.merge(oldCatalog.sources) { current, _ in current }
        diff.sources.merge(newCatalog.sources) { current, _ in current }
        for catalog in [oldCatalog, newCatalog] where catalog.hasErrors {
            diff.diagnostics += catalog.diagnostics.filter { $0.severity == .error }
            diff.rulesHaveErrors = true
        }
        guard !diff.rulesHaveErrors else { return diff }
        diff.ruleSets = pairRuleSets(
            oldCatalog, newCatalog, singleFiles: !FileSystem.isDirectory(old) && !FileSystem.isDirectory(new))
        var oldLoader = ProjectLoader(catalog: oldCatalog)
        var newLoader = ProjectLoader(catalog: newCatalog)
        oldLoader.ignoresPeriods = true
        newLoader.ignoresPeriods = true
        for file in projectFiles(projects, diagnostics: &diff.diagnostics) {
            let before = oldLoader.load(file: file)
            let after = newLoader.load(file: file)
            if let source = after.source ?? before.source { diff.sources[file] = source }
            let error = { (output: ProjectLoader.Output) in
                output.project == nil
                    ? output.diagnostics.first { $0.severity == .error }.map(\.message) ?? "无法读取" : nil
            }
            for output in [before, after] where output.project == nil {
                diff.diagnostics += output.diagnostics.filter { $0.severity == .error }
            }
            diff.projects.append(
                ProjectComparison(
                    file: file, old: before.project.map(Engine.evaluate), new: after.project.map(Engine.evaluate),
                    oldError: error(before), newError: error(after)))
        }
        var bag = DiagnosticBag()
        bag.append(contentsOf: diff.diagnostics)
        diff.diagnostics = bag.sorted
        return diff
    }

    private init(oldPath: String, newPath: String) {
        self.oldPath = oldPath
        self.newPath = newPath
    }

    /// The rules of one side: a path compiled, or the version `ID@VERSION` (or the newest version of `ID`) found in
    /// `library`; a catalog with an E101 error when it is neither.
    private static func side(_ argument: String, in library: RuleSetCatalog?) -> RuleSetCatalog {
        guard let library, !FileSystem.exists(argument) else { return RuleSetCatalog(paths: [argument]) }
        if library.hasErrors { return library }
        if let ruleSet = library.ruleSet(id: argument), !ruleSet.isBase {
            return RuleSetCatalog(ruleSets: [ruleSet], diagnostics: [], sources: library.sources)
        }
        let versions = library.ruleSets.filter { !$0.isBase }.map { "\($0.id)@\($0.version)" }
        let message =
            "“\(argument)”既不是规则文件或目录，也不是规则中的版本（ID@版本）；现有："
            + (versions.isEmpty ? "无" : versions.joined(separator: "、"))
        return RuleSetCatalog(
            ruleSets: [],
            diagnostics: [.error(.fileUnreadable, message, at: SourceLocation(file: argument, line: 1, column: 1))],
            sources: library.sources)
    }

    private static func pairRuleSets(
        _ old: RuleSetCatalog, _ new: RuleSetCatalog, singleFiles: Bool
    ) -> [RuleSetPair] {
        let olds = old.ruleSets.filter { !$0.isBase }
        let news = new.ruleSets.filter { !$0.isBase }
        if singleFiles, olds.count == 1, news.count == 1 {
            return [
                RuleSetPair(old: olds[0], new: news[0], changes: RuleSetComparison(old: olds[0], new: news[0]).changes)
            ]
        }
        return RuleSetComparison.pair(olds, news, by: \.id).map { before, after in
            guard let before, let after else { return RuleSetPair(old: before, new: after, changes: []) }
            return RuleSetPair(old: before, new: after, changes: RuleSetComparison(old: before, new: after).changes)
        }
    }

    /// The project files under `paths`, in the order given (folders sorted by path).
    private static func projectFiles(_ paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        for path in paths {
            guard FileSystem.isDirectory(path) else {
                files.append(path)
                continue
            }
            let found = FileSystem.ruleFilesRecursively(in: path).filter {
                !$0.hasSuffix(".expected.yaml") && !RuleCheck.isRuleTest($0)
            }
            let json = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".json") }.map { FilePath.join(path, $0) }
            let all = (found + json).sorted()
            if all.isEmpty {
                diagnostics.append(
                    .error(
                        .fileUnreadable, "目录“\(path)”中没有项目文件（.yaml、.yml 或 .json）",
                        at: SourceLocation(file: path, line: 1, column: 1)))
            }
            files += all
        }
        return files
    }
}
