import Foundation
import Testing

@testable import Wenping

/// `wenping diff`: two versions of the national house-expropriation rules (`Fixtures/diff/old` and `new`: the
/// new one tightens the survey-coverage band and the index threshold for 中 and moves weight between two factors)
/// graded on example projects.
struct RuleDiffTests {
    static let root = RuleTestSuiteTests.root
    static let old = root + "/Fixtures/diff/old"
    static let new = root + "/Fixtures/diff/new"
    static let projects = ["bj-comment-period-short", "xa-affordable-medium", "xa-road-low", "zz-old-town-no-hearing"]
        .map { root + "/Fixtures/projects/house-expropriation/\($0).yaml" }
    static let diff = RuleDiff.run(old: old, new: new, projects: projects)

    @Test func tightenedThresholdChangesGradesAndTheFactorResponsibleIsNamed() throws {
        let diff = Self.diff
        #expect(diff.diagnostics.isEmpty)
        #expect(diff.projectCount == 4)
        #expect(diff.changedProjectCount == 2)
        let affordable = try #require(diff.projects.first { $0.id == "XA-2025-003" })
        #expect(affordable.gradeChanged)
        #expect(affordable.old?.gradeAfter == "低")
        #expect(affordable.new?.gradeAfter == "中")
        #expect(affordable.factors.map(\.id) == ["survey-coverage"])
        let unchanged = diff.projects.filter { !$0.isChanged }.map(\.id)
        #expect(unchanged == ["BJ-2025-001", "XA-2025-002"])
    }

    @Test func markdownReportOfAGradeChangingDiff() throws {
        try assertSnapshot(
            RuleTestSuiteTests.relative(RuleDiffMarkdownRenderer.render(Self.diff)), named: "diff-grade-change.md")
    }

    @Test func jsonReportOfAGradeChangingDiff() throws {
        let json = RuleDiffJSONRenderer.render(Self.diff)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "wenping-diff/1")
        try assertSnapshot(RuleTestSuiteTests.relative(json), named: "diff-grade-change.json")
    }

    @Test func identicalRulesChangeNothing() throws {
        let diff = RuleDiff.run(old: Self.old, new: Self.old, projects: Array(Self.projects.prefix(2)))
        #expect(diff.changedProjectCount == 0)
        #expect(diff.ruleSets.allSatisfy { $0.changes.isEmpty })
        try assertSnapshot(
            RuleTestSuiteTests.relative(RuleDiffMarkdownRenderer.render(diff)), named: "diff-no-change.md")
    }

    @Test func projectOnlyOneVersionCanGradeIsListedWithTheReason() throws {
        // Under the national rules alone the Chengdu project's consent facts are unknown (E401); with the full
        // Rules/ folder it is graded by the Chengdu ruleset.
        let file = Self.root + "/Fixtures/projects/house-expropriation/cd-old-town-medium.yaml"
        let diff = RuleDiff.run(old: Self.old, new: Self.root + "/Rules", projects: [file])
        #expect(diff.invalidProjectCount == 1)
        #expect(diff.changedProjectCount == 1)
        let project = try #require(diff.projects.first)
        #expect(project.old == nil)
        #expect(project.oldError?.contains("consent_households_rate") == true)
        #expect(project.new?.ruleSet.id == "sichuan/chengdu/house-expropriation")
        #expect(diff.diagnostics.contains { $0.code == .unknownFact })
        let markdown = RuleDiffMarkdownRenderer.render(diff)
        #expect(markdown.contains("- 原规则下无法评估："))
        #expect(markdown.contains("### sichuan/chengdu/house-expropriation（版本 2026.2）\n\n新增的规则，原规则中没有。"))
    }

    @Test func brokenRulesStopTheComparison() {
        let diff = RuleDiff.run(
            old: Self.root + "/Fixtures/cases/structure/E209-unknown-level", new: Self.new, projects: Self.projects)
        #expect(diff.rulesHaveErrors)
        #expect(diff.projectCount == 0)
    }

    @Test(arguments: [
        // A band edited in place is changed, not removed and added.
        (["a < 1", "a < 2", "else"], ["a < 1", "a < 3", "else"], "0-0 1-1 2-2"),
        // A band inserted before the else band is added.
        (["a < 1", "else"], ["a < 1", "a < 2", "else"], "0-0 _-1 1-2"),
        // A band dropped from the front is removed.
        (["a < 1", "a < 2", "else"], ["a < 2", "else"], "0-_ 1-0 2-1"),
    ])
    func bandsAlignByConditionAndPairEditsInPlace(old: [String], new: [String], expected: String) {
        let pairs = RuleSetComparison.align(old, new).map {
            "\($0.map(String.init) ?? "_")-\($1.map(String.init) ?? "_")"
        }
        #expect(pairs.joined(separator: " ") == expected)
    }

    @Test func structuralSummaryListsEveryKindOfChange() throws {
        let pair = try #require(Self.diff.ruleSets.first)
        let lines = pair.changes.map { "\($0.section.rawValue) \($0.kind.rawValue) \($0.item) \($0.field ?? "")" }
        #expect(
            lines == [
                "metadata changed  版本",
                "index changed  ",
                "factors changed business-loss 权重",
                "factors changed survey-coverage 风险概率第 2 档",
                "factors changed survey-coverage 风险概率第 2 档说明",
                "factors changed vulnerable-groups 权重",
            ])
    }
}
