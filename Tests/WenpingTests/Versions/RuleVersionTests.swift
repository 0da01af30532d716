import Foundation
import Testing

@testable import Wenping

/// Rules in force on a date: two versions of `demo/opposition` (`Fixtures/dated/rules`: 2023.1 in force
/// 2023-01-01 to 2024-12-31, 2025.1 from 2025-01-01, which lowers the 中 band from 10% to 5% opposition) and a
/// project assessed on 2024-09-30 with 8% opposition.
struct RuleVersionTests {
    static let root = RuleTestSuiteTests.root
    static let rules = root + "/Fixtures/dated/rules"
    static let project = root + "/Fixtures/dated/projects/lanting.yaml"
    static let catalog = RuleSetCatalog(paths: [rules])

    /// Loads `project` with the fixture rules (or `catalog`), `asOf` and `override`.
    static func load(
        _ project: String = project, catalog: RuleSetCatalog = catalog, asOf: String? = nil, override: String? = nil
    ) -> ProjectLoader.Output {
        let date = asOf.map { AsOfDate($0)! } ?? .projectDate
        return ProjectLoader(catalog: catalog, override: override, asOf: date).load(file: project)
    }

    /// A copy of the fixture rules in a temporary folder, with `edit` applied to the text of each version file.
    static func editedRules(_ edit: (_ name: String, _ text: String) -> String) throws -> String {
        let folder = try RuleCheckTests.temporaryFolder()
        for name in ["base.yaml", "opposition-2023.yaml", "opposition-2025.yaml"] {
            let text = try String(contentsOfFile: rules + "/" + name, encoding: .utf8)
            try edit(name, text).write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The fixture project with its `assessment_date` line replaced by `line`, in `folder`.
    static func project(in folder: String, dateLine line: String) throws -> String {
        let text = try String(contentsOfFile: project, encoding: .utf8)
            .replacingOccurrences(of: "assessment_date: 2024-09-30\n", with: line)
        let path = folder + "/project.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func twoVersionsOfOneIdCheckClean() {
        let check = RuleCheck.run(paths: [Self.rules])
        #expect(check.diagnostics.isEmpty, "\(DiagnosticFormatter(sources: check.sources).format(check.diagnostics))")
        #expect(Self.catalog.versions(of: "demo/opposition").map(\.version) == ["2023.1", "2025.1"])
        #expect(Self.catalog.ruleSet(id: "demo/opposition")?.version == "2025.1")
        #expect(Self.catalog.ruleSet(id: "demo/opposition@2023.1")?.expires == "2025-01-01")
    }

    @Test func theProjectsOwnDateChoosesTheVersionInForce() throws {
        let loaded = Self.load()
        #expect(loaded.diagnostics.isEmpty)
        let project = try #require(loaded.project)
        #expect(project.ruleSet.version == "2023.1")
        #expect(
            project.versionChoice
                == VersionChoice(basis: .assessmentDate, date: "2024-09-30", versionCount: 2, isInForce: true))
        let assessment = Engine.evaluate(project)
        #expect(assessment.gradeBefore == "低")
        #expect(assessment.gradeAfter == "低")
    }

    @Test func asOfRegradesUnderTheVersionInForceThatDay() throws {
        let project = try #require(Self.load(asOf: "2025-06-30").project)
        #expect(project.ruleSet.version == "2025.1")
        #expect(project.versionChoice?.basis == .asOf)
        let assessment = Engine.evaluate(project)
        #expect(assessment.gradeBefore == "中")
        #expect(assessment.gradeAfter == "低")
    }

    @Test(arguments: [("2024-12-31", "2023.1"), ("2025-01-01", "2025.1"), ("2023-01-01", "2023.1")])
    func expiresIsTheFirstDayOfTheNextVersion(date: String, version: String) throws {
        #expect(try #require(Self.load(asOf: date).project).ruleSet.version == version)
    }

    @Test func aDateBeforeEveryVersionIsE251AtTheAssessmentDate() throws {
        let folder = try RuleCheckTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.project(in: folder, dateLine: "assessment_date: 2022-05-01\n")
        let loaded = Self.load(path)
        #expect(loaded.project == nil)
        let error = try #require(loaded.diagnostics.first)
        #expect(error.code == .noVersionInForce)
        #expect(error.location == SourceLocation(file: path, line: 6, column: 18))
        #expect(error.message.contains("规则“demo/opposition”在评估日期 2022-05-01 没有施行中的版本"))
        #expect(error.message.contains("2023.1（2023-01-01 起施行，2025-01-01 起停止施行）、2025.1（2025-01-01 起施行）"))
        #expect(error.notes.count == 2)
        // With --as-of the date is the run's, so the problem is pointed at the project's kind.
        let asOf = Self.load(asOf: "2020-01-01")
        #expect(asOf.diagnostics.map(\.code) == [.noVersionInForce])
        #expect(asOf.diagnostics.first?.message.contains("指定日期（--as-of） 2020-01-01") == true)
        #expect(asOf.diagnostics.first?.location.line == 5)
    }

    @Test func overlappingVersionsWarnAtCheckAndRefuseToGuessE252() throws {
        let folder = try Self.editedRules { _, text in text.replacingOccurrences(of: "expires: 2025-01-01\n", with: "")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let check = RuleCheck.run(paths: [folder])
        #expect(check.diagnostics.map(\.code) == [.versionsOverlap])
        let warning = try #require(check.diagnostics.first)
        #expect(warning.location == SourceLocation(file: folder + "/opposition-2025.yaml", line: 7, column: 12))
        #expect(warning.message.contains("请在版本 2023.1 写 expires: 2025-01-01"))
        let loaded = Self.load(catalog: RuleSetCatalog(paths: [folder]), asOf: "2025-06-30")
        #expect(loaded.diagnostics.map(\.code) == [.severalVersionsInForce])
        #expect(loaded.diagnostics.first?.message.contains("有 2 个版本同时施行") == true)
        // Before the newer version both agree: only 2023.1 is in force.
        #expect(
            Self.load(catalog: RuleSetCatalog(paths: [folder]))
                .project?.ruleSet.version == "2023.1")
    }

    @Test func aGapBetweenVersionsWarnsAtCheckAndLeavesItsDaysUngraded() throws {
        let folder = try Self.editedRules { _, text in
            text.replacingOccurrences(of: "expires: 2025-01-01", with: "expires: 2024-07-01")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let check = RuleCheck.run(paths: [folder])
        #expect(check.diagnostics.map(\.code) == [.versionsGap])
        let warning = try #require(check.diagnostics.first)
        #expect(warning.location == SourceLocation(file: folder + "/opposition-2023.yaml", line: 8, column: 10))
        #expect(warning.message.contains("有 184 天空档（2024-07-01 至 2025-01-01 前一天）"))
        #expect(Self.load(catalog: RuleSetCatalog(paths: [folder])).diagnostics.map(\.code) == [.noVersionInForce])
    }

    @Test func aProjectWithoutADateIsGradedByTheNewestVersionAndSaysSo() throws {
        let folder = try RuleCheckTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.project(in: folder, dateLine: "")
        let loaded = Self.load(path)
        #expect(loaded.diagnostics.map(\.code) == [.undatedProject])
        #expect(loaded.diagnostics.first?.severity == .warning)
        let project = try #require(loaded.project)
        #expect(project.ruleSet.version == "2025.1")
        #expect(project.versionChoice?.basis == .newest)
        #expect(project.versionChoice?.sentence == "项目未写评估日期，按最新版本评估（该规则共有 2 个版本）")
    }

    @Test func aNamedVersionIsUsedAsAskedAndTheReportSaysItWasNotInForce() throws {
        let loaded = Self.load(override: "demo/opposition@2025.1")
        #expect(loaded.diagnostics.map(\.code) == [.pinnedVersionNotInForce])
        let project = try #require(loaded.project)
        #expect(project.ruleSet.version == "2025.1")
        #expect(project.versionChoice?.sentence == "按指定的版本评估（该版本在 2024-09-30 不在施行期内；该规则共有 2 个版本）")
        let unknown = Self.load(override: "demo/opposition@2099.1")
        #expect(unknown.diagnostics.map(\.code) == [.noRuleset])
        #expect(unknown.diagnostics.first?.message.contains("没有版本“2099.1”；现有版本：2023.1") == true)
        // The id alone: the version in force on the project's date.
        #expect(Self.load(override: "demo/opposition").project?.ruleSet.version == "2023.1")
    }

    @Test func anUndatedSingleRulesetIsNotChosenByDate() throws {
        let catalog = RuleSetCatalog(paths: [Self.root + "/Fixtures/survey/rules"])
        let output = ProjectLoader(catalog: catalog, asOf: AsOfDate("1999-01-01")!)
            .load(file: Self.root + "/Fixtures/survey/thin-sample.yaml")
        #expect(output.project?.versionChoice == nil)
        #expect(output.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func expiresNotAfterEffectiveIsE250() throws {
        let folder = try Self.editedRules { name, text in
            name == "opposition-2023.yaml"
                ? text.replacingOccurrences(of: "expires: 2025-01-01", with: "expires: 2023-01-01") : text
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let check = RuleCheck.run(paths: [folder])
        #expect(check.diagnostics.map(\.code) == [.emptyValidity])
        #expect(
            check.diagnostics.first?.location
                == SourceLocation(file: folder + "/opposition-2023.yaml", line: 8, column: 10))
    }

    @Test func versionsOfOneIdMustBeDatedAndNumberedApartE253() throws {
        let undated = try Self.editedRules { name, text in
            name == "opposition-2025.yaml" ? text.replacingOccurrences(of: "effective: 2025-01-01\n", with: "") : text
        }
        defer { try? FileManager.default.removeItem(atPath: undated) }
        #expect(RuleCheck.run(paths: [undated]).diagnostics.map(\.code) == [.indistinctVersions])
        let sameVersion = try Self.editedRules { _, text in
            text.replacingOccurrences(of: "version: \"2025.1\"", with: "version: \"2023.1\"")
        }
        defer { try? FileManager.default.removeItem(atPath: sameVersion) }
        let check = RuleCheck.run(paths: [sameVersion])
        #expect(check.diagnostics.map(\.code) == [.indistinctVersions])
        #expect(check.diagnostics.first?.message.contains("都写 version“2023.1”") == true)
    }

    // MARK: - Reports

    @Test func reportsNameTheVersionItsPeriodAndHowItWasChosen() throws {
        let byDate = Engine.evaluate(try #require(Self.load().project))
        let markdown = MarkdownReportRenderer.render(byDate)
        #expect(
            markdown.contains(
                "- 风险等级评判标准：按反对率分档的演示规则（demo/opposition，版本 2023.1，2023-01-01 起施行，2025-01-01 起停止施行）；"
                    + "按评估日期 2024-09-30 施行的版本评估（该规则共有 2 个版本）\n"))
        try assertSnapshot(markdown, named: "lanting.by-date.md")
        let asOf = Engine.evaluate(try #require(Self.load(asOf: "2025-06-30").project))
        try assertSnapshot(MarkdownReportRenderer.render(asOf), named: "lanting.as-of-2025.md")
        let json = JSONReportRenderer.render(asOf)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let ruleset = try #require(object["ruleset"] as? [String: Any])
        #expect(ruleset["version"] as? String == "2025.1")
        #expect(ruleset["expires"] == nil)
        let choice = try #require(ruleset["version_choice"] as? [String: Any])
        #expect(choice["basis"] as? String == "as_of")
        #expect(choice["date"] as? String == "2025-06-30")
        try assertSnapshot(json, named: "lanting.as-of-2025.json")
        #expect(HTMLReportRenderer.render(asOf).contains("按指定日期 2025-06-30 施行的版本评估（该规则共有 2 个版本）"))
    }

    // MARK: - diff across versions

    @Test func diffComparesTwoVersionsOfOneIdWhateverTheProjectsDate() throws {
        let diff = RuleDiff.run(
            old: "demo/opposition@2023.1", new: "demo/opposition@2025.1", projects: [Self.project], rules: [Self.rules])
        #expect(diff.diagnostics.isEmpty)
        #expect(diff.changedProjectCount == 1)
        let comparison = try #require(diff.projects.first)
        #expect(comparison.old?.gradeBefore == "低")
        #expect(comparison.new?.gradeBefore == "中")
        let markdown = RuleTestSuiteTests.relative(RuleDiffMarkdownRenderer.render(diff))
        #expect(markdown.contains("停止施行日期"))
        try assertSnapshot(markdown, named: "opposition-2023-2025.diff.md")
        // The same two versions given as files compare the same way.
        let files = RuleDiff.run(
            old: Self.rules + "/opposition-2023.yaml", new: Self.rules + "/opposition-2025.yaml",
            projects: [Self.project])
        #expect(files.diagnostics.isEmpty)
        #expect(files.changedProjectCount == 1)
        let missing = RuleDiff.run(
            old: "demo/opposition@2023.9", new: "demo/opposition@2025.1", projects: [Self.project], rules: [Self.rules])
        #expect(missing.rulesHaveErrors)
        #expect(missing.diagnostics.first?.message.contains("现有：demo/opposition@2023.1、demo/opposition@2025.1") == true)
    }
}
