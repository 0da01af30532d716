/// Runs rule tests: the `*.test.yaml` files beside the rules, each case graded and compared with what it expects.
///
/// ```swift
/// let suite = RuleTestSuite.run(paths: ["Rules"])
/// print(RuleTestTextRenderer.render(suite, coverage: true), terminator: "")
/// if suite.hasErrors || suite.failedCount > 0 { /* exit non-zero */ }
/// ```
///
/// A folder is searched recursively for test files and its rule files are compiled, so tests find their
/// rulesets by id; a single test file uses the rules in its own folder. Pass `rules` to compile other rules
/// instead. Problems in rule files or test files are ``diagnostics``; a case with a problem does not run, the
/// others do.
public struct RuleTestSuite: Sendable {
    /// One expectation that did not hold.
    public struct Failure: Sendable, Hashable {
        public let caseName: String
        /// What was checked, expected and found, in Chinese: `措施后等级 期望 中，实际 高`.
        public let message: String
        /// Where the expectation is written in the test file.
        public let location: SourceLocation
        /// Columns the expected value occupies.
        public let length: Int
    }

    /// The result of one case.
    public struct CaseResult: Sendable {
        public let name: String
        public let file: String
        public let ruleSetID: String
        public let failures: [Failure]

        public var passed: Bool { failures.isEmpty }
    }

    /// Problems in rule files and test files, sorted by file and position.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Texts of every file read (rules, tests, projects), for ``DiagnosticFormatter``.
    public private(set) var sources: [String: SourceText] = [:]
    /// The test files found, in the order they ran.
    public private(set) var testFiles: [String] = []
    /// One result per case that ran, in file order.
    public private(set) var results: [CaseResult] = []
    /// Per ruleset graded by the rules compiled (base files left out), what the cases reached.
    public private(set) var coverage: [RuleTestCoverage] = []
    /// True when some rule file failed to compile: no case of those rules ran.
    public private(set) var rulesHaveErrors = false

    /// True when a rule file or test file has an error (exit status 2 for `wenping test`).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var passedCount: Int { results.count { $0.passed } }
    public var failedCount: Int { results.count { !$0.passed } }

    /// Runs the test files under `paths` (folders or `*.test.yaml` files).
    ///
    /// - Parameter rules: rule files or folders to compile for every test; empty: each folder's own rules, or a
    ///   single test file's folder.
    public static func run(paths: [String], rules: [String] = []) -> RuleTestSuite {
        var suite = RuleTestSuite()
        var groups: [(rules: [String], tests: [String])] = []
        func add(_ rules: [String], _ tests: [String]) {
            if let index = groups.firstIndex(where: { $0.rules == rules }) {
                groups[index].tests += tests.filter { !groups[index].tests.contains($0) }
            } else {
                groups.append((rules, tests))
            }
        }
        var bag = DiagnosticBag()
        for path in paths {
            let start = SourceLocation(file: path, line: 1, column: 1)
            if FileSystem.isDirectory(path) {
                let tests = FileSystem.ruleFilesRecursively(in: path).filter(RuleCheck.isRuleTest)
                if tests.isEmpty {
                    bag.error(.fileUnreadable, "目录“\(path)”中没有规则测试文件（文件名以 .test.yaml 结尾）", at: start)
                }
                add(rules.isEmpty ? [path] : rules, tests)
            } else if !FileSystem.isRegularFile(path) {
                bag.error(.fileUnreadable, "找不到“\(path)”；请给出规则测试文件（*.test.yaml）或其所在的目录", at: start)
            } else if !RuleCheck.isRuleTest(path) {
                bag.error(.fileUnreadable, "“\(path)”不是规则测试文件：规则测试文件名以 .test.yaml 结尾", at: start)
            } else {
                add(rules.isEmpty ? [FilePath.directory(of: path)] : rules, [path])
            }
        }
        var recorder = CoverageRecorder()
        var locator = RuleSourceLocator()
        for group in groups {
            let catalog = RuleSetCatalog(paths: group.rules)
            suite.sources.merge(catalog.sources) { current, _ in current }
            if catalog.hasErrors {
                bag.append(contentsOf: catalog.diagnostics.filter { $0.severity == .error })
                suite.rulesHaveErrors = true
                continue
            }
            for file in group.tests {
                suite.testFiles.append(file)
                var loader = RuleTestLoader(catalog: catalog, file: file)
                let cases = loader.load()
                bag.append(contentsOf: loader.diagnostics)
                suite.sources.merge(loader.sources) { current, _ in current }
                for testCase in cases {
                    let assessment = Engine.evaluate(testCase.project)
                    recorder.record(assessment)
                    let failures = testCase.expectations.compactMap { expectation in
                        expectation.failure(in: assessment).map {
                            Failure(
                                caseName: testCase.name, message: $0, location: expectation.location,
                                length: expectation.length)
                        }
                    }
                    suite.results.append(
                        CaseResult(
                            name: testCase.name, file: file, ruleSetID: assessment.ruleSet.id, failures: failures))
                }
            }
            for ruleSet in catalog.ruleSets where !ruleSet.isBase {
                suite.coverage.append(recorder.coverage(of: ruleSet, locator: &locator))
            }
        }
        suite.diagnostics = bag.sorted
        return suite
    }
}
