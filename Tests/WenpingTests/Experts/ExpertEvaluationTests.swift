import Foundation
import Testing

@testable import Wenping

/// The expert panel of `Fixtures/experts/xa-road-panel.yaml`, whose fuzzy evaluation is worked by hand in
/// `Fixtures/experts/README.md` and `docs/experts.md`.
struct ExpertEvaluationTests {
    static let file = FixtureTests.root + "/Fixtures/experts/xa-road-panel.yaml"

    static func load(_ text: String? = nil) -> ProjectLoader.Output {
        let loader = ProjectLoader(catalog: FixtureTests.catalog)
        guard let text else { return loader.load(file: file) }
        return loader.load(bytes: Array(text.utf8), file: "panel.yaml")
    }

    static func evaluation(_ text: String? = nil) throws -> (ExpertEvaluation, CompiledRuleSet) {
        let loaded = load(text)
        let project = try #require(loaded.project, "\(loaded.diagnostics)")
        return (ExpertEvaluation(panel: try #require(project.experts), ruleSet: project.ruleSet), project.ruleSet)
    }

    static func rounded(_ values: [Double]) -> [String] { values.map { Formatting.number($0, digits: 4) } }

    @Test func membershipsAndLevelsMatchTheHandCalculation() throws {
        let (evaluation, ruleSet) = try Self.evaluation()
        #expect(
            evaluation.factors.map { ruleSet.factors[$0.factor].id } == [
                "compensation-below-market", "resettlement", "funds",
            ])
        let compensation = evaluation.factors[0]
        #expect(Self.rounded(compensation.probability.membership) == ["0", "0", "0.2", "0.6", "0.2"])
        #expect(compensation.probability.level == 3)  // 较高
        #expect(compensation.impact.level == 3)  // 较大
        let funds = evaluation.factors[2]
        #expect(Self.rounded(funds.probability.membership) == ["0.6", "0.2", "0", "0", "0.2"])
        #expect(funds.probability.level == 0)  // 很低 by maximum membership
        #expect(funds.probability.range == 4 && funds.probability.disagrees)
        #expect(Formatting.number(funds.probability.deviation, digits: 2) == "1.55")
        #expect(!funds.impact.disagrees)
    }

    @Test func synthesisIsTheWeightedAverageOfTheRows() throws {
        let (evaluation, _) = try Self.evaluation()
        #expect(Self.rounded(evaluation.synthesisWeights) == ["0.45", "0.3", "0.25"])
        let p = try #require(evaluation.probabilitySynthesis)
        #expect(Self.rounded(p.membership) == ["0.15", "0.11", "0.27", "0.33", "0.14"])
        #expect(Formatting.number(p.mean, digits: 4) == "3.2")
        #expect(p.level == 3)  // 较高: largest membership 0.33
        let i = try #require(evaluation.impactSynthesis)
        #expect(Self.rounded(i.membership) == ["0", "0.06", "0.27", "0.38", "0.29"])
        #expect(i.level == 3)  // 较大
    }

    static func variant(_ from: String, _ to: String) throws -> String {
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: from, with: to)
    }

    @Test func weightedAverageAndMeanRoundTheRank() throws {
        let (fuzzy, _) = try Self.evaluation(
            try Self.variant("defuzzify: max_membership", "defuzzify: weighted_average"))
        // Σ rⱼ·j = 0.15 + 0.22 + 0.81 + 1.32 + 0.70 = 3.2 → 3 (中等); funds: 0.6 + 0.4 + 1.0 = 2.0 → 较低.
        #expect(fuzzy.probabilitySynthesis?.level == 2)
        #expect(fuzzy.factors[2].probability.level == 1)
        let (mean, _) = try Self.evaluation(
            try Self.variant("  method: fuzzy\n  defuzzify: max_membership\n", "  method: mean\n"))
        #expect(mean.probabilitySynthesis == nil)
        #expect(mean.factors.map(\.probability.level) == [3, 2, 1])
    }

    @Test func expertWeightsShiftTheMemberships() throws {
        let (evaluation, _) = try Self.evaluation(
            try Self.variant(
                "  defuzzify: max_membership\n", "  defuzzify: max_membership\n  weights: [2, 1, 1, 0.5, 0.5]\n"))
        // Weights 2, 1, 1, 0.5, 0.5 over 5: 较高 from experts 1, 3, 5 = 0.4 + 0.2 + 0.1 = 0.7; 很高 0.2; 中等 0.1.
        #expect(Self.rounded(evaluation.panel.weights) == ["0.4", "0.2", "0.2", "0.1", "0.1"])
        #expect(Self.rounded(evaluation.factors[0].probability.membership) == ["0", "0", "0.1", "0.7", "0.2"])
    }

    @Test func aPanelThatDoesNotFitTheRulesIsRejectedWhereItIs() throws {
        let wrongLevel = Self.load(try Self.variant("[较高, 很高, 较高, 中等, 较高]", "[较高, 很高, 偏高, 中等, 较高]"))
        #expect(wrongLevel.project == nil)
        let diagnostic = try #require(wrongLevel.diagnostics.first { $0.code == .invalidExpertPanel })
        #expect(diagnostic.message == "风险概率没有“偏高”这一级；可选：很低、较低、中等、较高、很高")
        let unknownFactor = Self.load(try Self.variant("    resettlement:\n", "    resettlment:\n"))
        #expect(unknownFactor.diagnostics.contains { $0.message.hasSuffix("是否想写“resettlement”？") })
        let short = Self.load(try Self.variant("[中等, 中等, 较大, 较小, 中等]", "[中等, 中等, 较大, 较小]"))
        #expect(short.diagnostics.contains { $0.message == "因素“resettlement”的影响程度评分有 4 项，应与专家人数 5 相同" })
        let method = Self.load(try Self.variant("method: fuzzy", "method: delphi"))
        #expect(method.diagnostics.contains { $0.code == .invalidExpertPanel && $0.message.contains("“delphi”") })
    }

    @Test func reportsShowTheSectionBesideTheRuleLevels() throws {
        let loaded = Self.load()
        let assessment = Engine.evaluate(try #require(loaded.project))
        let markdown = MarkdownReportRenderer.render(assessment)
        let start = try #require(markdown.range(of: "#### 专家评分"))
        let end = try #require(markdown.range(of: "### （三）风险防范和化解措施"))
        try assertSnapshot(String(markdown[start.lowerBound..<end.lowerBound]), named: "xa-road-panel.experts.md")
        // The whole reports too, so the section is seen in place.
        try assertSnapshot(markdown, named: "xa-road-panel.report.md")
        try assertSnapshot(JSONReportRenderer.render(assessment), named: "xa-road-panel.report.json")
        // The panel is shown, not graded with: the grade is the one the rules give without it.
        let plain = ProjectLoader(catalog: FixtureTests.catalog).load(
            file: FixtureTests.root + "/Fixtures/projects/house-expropriation/xa-road-low.yaml")
        let without = Engine.evaluate(try #require(plain.project))
        #expect(assessment.gradeAfter == without.gradeAfter && assessment.indexBefore == without.indexBefore)
        let json = JSONReportRenderer.render(assessment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let experts = try #require(object["experts"] as? [String: Any])
        #expect(experts["method"] as? String == "fuzzy")
        #expect(HTMLReportRenderer.render(assessment).contains("<tr class=\"disagree\">"))
    }
}
