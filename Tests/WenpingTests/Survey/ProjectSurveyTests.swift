import Foundation
import Testing

@testable import Wenping

/// Projects whose facts come from a `survey:` block, graded by the test-only ruleset `Fixtures/survey/rules/`.
struct ProjectSurveyTests {
    static let folder = FixtureTests.root + "/Fixtures/survey"
    static let catalog = RuleSetCatalog(paths: [folder + "/rules"])

    static func load(_ name: String) -> ProjectLoader.Output {
        ProjectLoader(catalog: catalog).load(file: folder + "/" + name)
    }

    static func load(text: String) -> ProjectLoader.Output {
        ProjectLoader(catalog: catalog).load(bytes: Array(text.utf8), file: "p.yaml")
    }

    static func assess(_ name: String) throws -> Assessment {
        let loaded = load(name)
        return Engine.evaluate(try #require(loaded.project, "\(loaded.diagnostics)"))
    }

    @Test func theRulesCompileClean() {
        #expect(Self.catalog.diagnostics.isEmpty)
    }

    @Test func surveyFactsFillInputsAndUnusedOnesAreWarned() throws {
        let loaded = Self.load("xingfuli.yaml")
        let project = try #require(loaded.project)
        let slot = try #require(project.ruleSet.inputs.first { $0.name == "opposition_rate" }?.slot)
        #expect(project.values[slot] == .number(169.0 / 1209))
        #expect(loaded.diagnostics.map(\.code) == [.surveyFactUnused, .surveyFactUnused])
        let assessment = Engine.evaluate(project)
        // upper = 16.05% ≥ 5% → 中 (0.6); 1280 households → 大 (1.0); 0.6 → 重大 → 高.
        #expect(assessment.gradeAfter == "高")
    }

    @Test func aThinSampleIsGradedOnItsUpperBoundAndTheMinimumSampleFloor() throws {
        let assessment = try Self.assess("thin-sample.yaml")
        let factor = assessment.factors[0]
        #expect(factor.before.probability == 1)  // 中: upper 12.88% ≥ 5%, though 1/40 = 2.5%
        #expect(assessment.gradeBefore == "中")
        #expect(assessment.after.index < 0.3)  // the measure brings the index to 低 …
        #expect(assessment.gradeAfter == "中")  // … but 40 < 300 questionnaires keeps the project at 中
        #expect(assessment.floors == [0])
    }

    @Test func aTypedRateWithoutSampleIsTreatedCautiouslyAndSaysWhy() throws {
        let assessment = try Self.assess("typed-rate.yaml")
        #expect(assessment.factors[0].before.probability == 2)
        #expect(assessment.gradeAfter == "高")
        let report = MarkdownReportRenderer.render(assessment)
        #expect(report.contains("概率：缺少“入户调查反对率的调查样本”，无法判断，按从严原则取“高”"))
        #expect(report.contains("- 缺少“入户调查反对率的调查样本”，无法判断兜底条件“调查样本不足300户”是否成立"))
    }

    static let small = """
        id: P
        name: 小项目
        kind: survey_demo
        facts:
          households: 10
        survey:
          facts:
            opposition_rate: { count: 2, n: 10, value: 0.2 }

        """

    @Test func aValueThatIsNotCountOverNIsRejected() {
        let loaded = Self.load(text: Self.small.replacingOccurrences(of: "value: 0.2", with: "value: 0.02"))
        #expect(loaded.project == nil)
        let diagnostic = loaded.diagnostics.first { $0.code == .invalidSurveyBlock }
        #expect(diagnostic?.location.line == 8)
        #expect(diagnostic?.message.contains("按 count/n = 2/10 应是 0.2") == true)
    }

    @Test func aFactGivenTwiceIsRejected() {
        let loaded = Self.load(
            text: Self.small.replacingOccurrences(of: "households: 10", with: "households: 10\n  opposition_rate: 20%"))
        #expect(loaded.project == nil)
        #expect(loaded.diagnostics.contains { $0.code == .surveyFactTwice })
    }

    @Test func aCountAboveTheSampleIsRejected() {
        let loaded = Self.load(text: Self.small.replacingOccurrences(of: "count: 2", with: "count: 12"))
        #expect(loaded.diagnostics.contains { $0.code == .invalidSurveyBlock })
    }

    @Test func samplesAreReadByTheBuiltins() throws {
        let project = try #require(Self.load(text: Self.small).project)
        let assessment = Engine.evaluate(project)
        // 2/10: upper = 0.5098 > 33% → 高; sample 10 < 300 fires the floor (and the absent coverage, cautiously,
        // the second one).
        #expect(assessment.factors[0].before.probability == 2)
        #expect(assessment.floors == [0, 1])
    }

    @Test func reportsShowTheSurveyInEveryFormat() throws {
        let assessment = try Self.assess("xingfuli.yaml")
        try assertSnapshot(MarkdownReportRenderer.render(assessment), named: "xingfuli.report.md")
        try assertSnapshot(JSONReportRenderer.render(assessment), named: "xingfuli.report.json")
        let html = HTMLReportRenderer.render(assessment)
        #expect(html.contains("<h4>入户调查</h4>"))
        #expect(html.contains("<td>12.14% – 16.05%</td>"))
    }
}
