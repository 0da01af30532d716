import Foundation
import Testing

@testable import Wenping

/// Runs rule test files (`*.test.yaml`): the bundled ones must pass and reach everything; the fixtures under
/// `Fixtures/rule-tests/` show a failing expectation, a broken test file and a partial coverage report.
struct RuleTestSuiteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let rules = root + "/Rules"
    static let fixtures = root + "/Fixtures/rule-tests"
    static let bundled = RuleTestSuite.run(paths: [rules])

    /// Output with the checkout's path removed, so golden files are the same on every machine.
    static func relative(_ text: String) -> String { text.replacingOccurrences(of: root + "/", with: "") }

    @Test func bundledRuleTestsAllPass() {
        let suite = Self.bundled
        #expect(suite.diagnostics.isEmpty, "\(suite.diagnostics)")
        #expect(suite.failedCount == 0, "\(RuleTestTextRenderer.failures(suite))")
        #expect(suite.results.count >= 40)
        #expect(suite.testFiles.count == 6)
    }

    @Test func bundledRuleTestsReachEveryBandFloorCountRuleAndMeasure() {
        let coverage = Self.bundled.coverage
        #expect(
            coverage.map(\.ruleSetID).sorted() == [
                "chongqing/house-expropriation", "national/house-expropriation", "national/land-requisition",
                "national/major-project",
                "shaanxi/xian/house-expropriation", "sichuan/chengdu/house-expropriation",
            ])
        for ruleSet in coverage {
            #expect(ruleSet.count(.band).total > 50)
            let missing = ruleSet.unreached.map(\.description)
            #expect(missing.isEmpty, "\(ruleSet.ruleSetID) leaves unreached: \(missing)")
        }
    }

    @Test func wrongExpectationIsReportedWithItsLineExpectedAndActual() throws {
        let suite = RuleTestSuite.run(paths: [Self.fixtures + "/wrong-expectation.test.yaml"], rules: [Self.rules])
        #expect(suite.diagnostics.isEmpty)
        #expect(suite.passedCount == 1)
        #expect(suite.failedCount == 2)
        try assertSnapshot(Self.relative(RuleTestTextRenderer.render(suite)), named: "wrong-expectation.txt")
    }

    @Test func brokenTestFileReportsEveryProblemWithItsPosition() throws {
        let suite = RuleTestSuite.run(paths: [Self.fixtures + "/invalid.test.yaml"], rules: [Self.rules])
        #expect(suite.hasErrors)
        #expect(!suite.rulesHaveErrors)
        #expect(suite.results.isEmpty)
        let text = DiagnosticFormatter(sources: suite.sources).format(suite.diagnostics)
        try assertSnapshot(Self.relative(text), named: "invalid-test-file.txt")
    }

    @Test func coverageListsWhatNoCaseReachedWithItsPlace() throws {
        let suite = RuleTestSuite.run(paths: [Self.fixtures + "/coverage"])
        #expect(!suite.hasErrors)
        let coverage = try #require(suite.coverage.first)
        #expect(coverage.count(.band) == (4, 8))
        #expect(coverage.count(.floor) == (0, 1))
        #expect(coverage.count(.rule) == (1, 1))
        #expect(coverage.count(.measure) == (1, 2))
        try assertSnapshot(Self.relative(RuleTestTextRenderer.render(suite, coverage: true)), named: "coverage.txt")
    }

    @Test func bandChosenOnlyBecauseOfMissingDataIsNotReached() throws {
        let catalog = RuleSetCatalog(paths: [Self.rules])
        let file = Self.root + "/Fixtures/projects/house-expropriation/xa-missing-opposition.yaml"
        let project = try #require(ProjectLoader(catalog: catalog).load(file: file).project)
        var recorder = CoverageRecorder()
        recorder.record(Engine.evaluate(project))
        var locator = RuleSourceLocator()
        let coverage = recorder.coverage(of: project.ruleSet, locator: &locator)
        let opposition = coverage.items.filter { $0.description.hasPrefix("风险因素 opposition 风险概率") }
        #expect(opposition.count == 3)
        #expect(opposition.allSatisfy { !$0.reached })
        // The floors on opposition_rate fired only through the cautious policy: not reached either.
        #expect(coverage.items.filter { $0.kind == .floor && $0.reached }.isEmpty)
    }

    @Test func locatorFindsInheritedCountRulesAndMeasures() throws {
        let catalog = RuleSetCatalog(paths: [Self.rules])
        let ruleSet = try #require(catalog.ruleSet(id: "shaanxi/xian/house-expropriation"))
        var locator = RuleSourceLocator()
        let foundRule = locator.rule("one-large", in: ruleSet)
        let rule = try #require(foundRule)
        let base = try String(contentsOfFile: Self.rules + "/base.yaml", encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(rule.file.hasSuffix("Rules/base.yaml"))
        #expect(base[rule.line - 1].contains("id: one-large"))
        let factor = try #require(ruleSet.factors.first { $0.id == "funds" })
        let foundMeasure = locator.measure("fund-supervision", of: factor)
        let measure = try #require(foundMeasure)
        let national = try String(contentsOfFile: Self.rules + "/house-expropriation.yaml", encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(national[measure.line - 1].contains("id: fund-supervision"))
    }

    @Test func inlineProjectTakesItsIdNameAndKindFromTheCaseAndRuleset() throws {
        let file = try Self.temporaryTest(
            """
            format: wenping-test/1
            ruleset: demo/coverage
            cases:
              - name: 资金未到位
                project: { facts: { households: 10, ratio: 1.2, funds_ok: false } }
                expect: { before: 高, floors: [no-funds], factors: { funds: { probability: 高 } } }
            """)
        defer { Self.remove(file) }
        let catalog = RuleSetCatalog(paths: [Self.fixtures + "/coverage"])
        var loader = RuleTestLoader(catalog: catalog, file: file)
        let cases = loader.load()
        #expect(loader.diagnostics.isEmpty, "\(loader.diagnostics)")
        let project = try #require(cases.first?.project)
        #expect(project.id == "资金未到位")
        #expect(project.name == "资金未到位")
        #expect(project.kind == "demo")
        let assessment = Engine.evaluate(project)
        #expect(cases[0].expectations.compactMap { $0.failure(in: assessment) }.isEmpty)
    }

    @Test func removingARequiredFactIsReportedWhereTheCaseWritesIt() throws {
        let file = try Self.temporaryTest(
            """
            format: wenping-test/1
            ruleset: national/house-expropriation
            cases:
              - name: 去掉户数
                project: \(Self.root)/Fixtures/projects/house-expropriation/bj-comment-period-short.yaml
                facts: { households: ~, opposition_rate: ~ }
                expect: { after: 高 }
            """)
        defer { Self.remove(file) }
        var loader = RuleTestLoader(catalog: RuleSetCatalog(paths: [Self.rules]), file: file)
        #expect(loader.load().isEmpty)
        let diagnostic = try #require(loader.diagnostics.first)
        #expect(loader.diagnostics.count == 1)
        #expect(diagnostic.code == .missingFact)
        #expect(diagnostic.location == SourceLocation(file: file, line: 6, column: 14))
    }

    @Test func optionalFactRemovedByACaseIsReportedMissing() throws {
        let file = try Self.temporaryTest(
            """
            format: wenping-test/1
            ruleset: national/house-expropriation
            cases:
              - name: 去掉反对率
                project: \(Self.root)/Fixtures/projects/house-expropriation/bj-comment-period-short.yaml
                facts: { opposition_rate: ~ }
                expect: { warnings: [opposition_rate], factors: { opposition: { probability: 很高 } } }
            """)
        defer { Self.remove(file) }
        let suite = RuleTestSuite.run(paths: [file], rules: [Self.rules])
        #expect(suite.diagnostics.isEmpty, "\(suite.diagnostics)")
        #expect(suite.passedCount == 1)
    }

    /// `warnings` names a factor whose expert scores are missing as `experts.<factor id>`, the name the JSON
    /// report gives it; `demo/panel`'s `public-order` is decided by a panel that `panel-missing.yaml` lacks.
    @Test func missingExpertScoresAreStatedAsExpertsDotFactor() throws {
        let project = Self.root + "/Fixtures/experts/projects/panel-missing.yaml"
        let file = try Self.temporaryTest(
            """
            format: wenping-test/1
            ruleset: demo/panel
            cases:
              - name: 缺少专家评分
                project: \(project)
                expect: { warnings: [experts.public-order] }
              - name: 忘了写缺少的专家评分
                project: \(project)
                expect: { warnings: [] }
              - name: 补上专家评分后不再缺少
                project: \(Self.root)/Fixtures/experts/projects/panel-decides.yaml
                expect: { warnings: [experts.public-order] }
            """)
        defer { Self.remove(file) }
        let suite = RuleTestSuite.run(paths: [file], rules: [Self.root + "/Fixtures/experts/rules"])
        #expect(!suite.hasErrors, "\(suite.diagnostics)")
        #expect(suite.results.map(\.passed) == [true, false, false])
        #expect(
            suite.results.flatMap(\.failures).map(\.message) == [
                "报告缺失的事实 期望 无，实际 experts.public-order",
                "报告缺失的事实 期望 experts.public-order，实际 无",
            ])
    }

    /// Only a factor the rules decide by expert scores can be named, and a misspelt one gets a suggestion.
    @Test func expertsDotFactorMustNameAFactorDecidedByExperts() throws {
        let file = try Self.temporaryTest(
            """
            format: wenping-test/1
            ruleset: demo/panel
            cases:
              - name: 名称写错
                project: \(Self.root)/Fixtures/experts/projects/panel-missing.yaml
                expect: { warnings: [experts.opposition, experts.public-ordr, experts.nothing, 反对率] }
            """)
        defer { Self.remove(file) }
        let suite = RuleTestSuite.run(paths: [file], rules: [Self.root + "/Fixtures/experts/rules"])
        let errors = suite.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.testReference, .testReference, .testReference, .testReference])
        #expect(
            errors.map(\.message) == [
                "规则“demo/panel”的风险因素“opposition”不由专家评分确定（没有写 source: experts），不会报告缺少它的专家评分；"
                    + "由专家评分确定的因素：experts.public-order",
                "规则“demo/panel”中没有 id 为“public-ordr”的风险因素。是否想写“experts.public-order”？",
                "规则“demo/panel”中没有 id 为“nothing”的风险因素；由专家评分确定的因素：experts.public-order",
                "规则“demo/panel”中没有“反对率”这个事实项；现有事实项：households、opposition_rate、petitions_5y；"
                    + "专家评分写作 experts.public-order",
            ])
        #expect(errors.map(\.location.column) == [26, 46, 67, 84])
        #expect(suite.results.isEmpty)
    }

    @Test func folderWithoutTestFilesIsAnError() throws {
        let suite = RuleTestSuite.run(paths: [Self.root + "/Fixtures/cases/valid"])
        #expect(suite.hasErrors)
        #expect(suite.diagnostics.first?.message.contains("没有规则测试文件") == true)
    }

    /// Writes `text` to a new `*.test.yaml` in a temporary folder and returns its path.
    static func temporaryTest(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("case.test.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func remove(_ file: String) { try? FileManager.default.removeItem(atPath: FilePath.directory(of: file)) }
}
