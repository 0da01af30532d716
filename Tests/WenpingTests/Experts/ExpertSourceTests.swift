import Foundation
import Testing

@testable import Wenping

/// A factor whose probability and impact come from the expert panel (`source: experts`): the made-up ruleset
/// `demo/panel` (`Fixtures/experts/rules/panel.yaml`) and its two projects, worked by hand in
/// `Fixtures/experts/README.md`.
///
/// By hand (低 0.2 / 中 0.6 / 高 1.0 on both scales, weights 0.5 and 0.5; index ≥ 0.6 高, ≥ 0.3 中):
/// - opposition 3% < 10% → 低; 120 < 300 households → 中: 0.2 × 0.6 = 0.12.
/// - public-order by its bands (no petitions): 低 × 小 = 0.04; index 0.08 → 低.
/// - public-order by the panel: probability votes 高 中 高 高 中 → memberships (0, 0.4, 0.6) → 高; impact votes
///   中 中 大 中 小 → (0.2, 0.6, 0.2) → 中: 1.0 × 0.6 = 0.6; index 0.5 × 0.12 + 0.5 × 0.6 = 0.36 → 中.
///   After `patrol` (probability −1): 中 × 中 = 0.36; index 0.06 + 0.18 = 0.24 → 低.
/// - no panel (cautious): 高 × 大 = 1.0; index 0.06 + 0.5 = 0.56 → 中; after `patrol` 中 × 大 = 0.6, index 0.36 → 中.
struct ExpertSourceTests {
    static let root = FixtureTests.root + "/Fixtures/experts"
    static let rules = root + "/rules"
    static let decides = root + "/projects/panel-decides.yaml"
    static let missing = root + "/projects/panel-missing.yaml"

    static func load(_ project: String, rules: String = rules) -> ProjectLoader.Output {
        ProjectLoader(catalog: RuleSetCatalog(paths: [rules])).load(file: project)
    }

    /// The fixture rules with `edit` applied, in a temporary folder.
    static func editedRules(_ edit: (String) -> String) throws -> String {
        let folder = try RuleCheckTests.temporaryFolder()
        let text = try String(contentsOfFile: rules + "/panel.yaml", encoding: .utf8)
        try edit(text).write(toFile: folder + "/panel.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    /// The project `file` with `edit` applied, in `folder`.
    static func editedProject(_ file: String, in folder: String, _ edit: (String) -> String) throws -> String {
        let path = folder + "/project.yaml"
        try edit(try String(contentsOfFile: file, encoding: .utf8)).write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func assess(_ project: String, rules: String = rules) throws -> Assessment {
        let loaded = load(project, rules: rules)
        return Engine.evaluate(try #require(loaded.project, "\(loaded.diagnostics)"))
    }

    @Test func theRulesCheckClean() {
        let check = RuleCheck.run(paths: [Self.rules])
        #expect(check.diagnostics.isEmpty, "\(DiagnosticFormatter(sources: check.sources).format(check.diagnostics))")
    }

    @Test func thePanelSetsTheLevelsAndChangesTheGrade() throws {
        let loaded = Self.load(Self.decides)
        #expect(loaded.diagnostics.isEmpty)
        let assessment = Engine.evaluate(try #require(loaded.project))
        let order = assessment.factors[1]
        #expect(order.source == .experts)
        #expect(order.before == Assessment.Estimate(probability: 2, impact: 1, degree: 2))  // 高, 中, 重大
        #expect(order.probabilityBand == -1 && order.impactBand == -1)
        #expect(Formatting.index(assessment.indexBefore) == "0.360")
        #expect(Formatting.index(assessment.indexAfter) == "0.240")
        #expect(assessment.gradeBefore == "中" && assessment.gradeAfter == "低")
        #expect(assessment.isComplete)

        // The same project and rules with the factor graded by its bands: 低 before and after.
        let bands = try Self.editedRules { $0.replacingOccurrences(of: "    source: experts\n", with: "") }
        let byBands = try Self.assess(Self.decides, rules: bands)
        #expect(byBands.factors[1].source == .bands)
        #expect(byBands.factors[1].before == Assessment.Estimate(probability: 0, impact: 0, degree: 0))
        #expect(Formatting.index(byBands.indexBefore) == "0.080")
        #expect(byBands.gradeBefore == "低" && byBands.gradeAfter == "低")
    }

    /// `panel.test.yaml` checks the same numbers as rule tests; the bands a panel replaced are reached by no case.
    @Test func ruleTestsRunOnProjectsWithPanels() {
        let suite = RuleTestSuite.run(paths: [Self.rules])
        #expect(suite.failedCount == 0, "\(RuleTestTextRenderer.failures(suite))")
        #expect(suite.results.count == 3)
        // The case on the project without a panel expects the missing scores (`warnings: [experts.public-order]`):
        // no W547 for them.
        #expect(suite.diagnostics.isEmpty, "\(DiagnosticFormatter().format(suite.diagnostics))")
        let unreached = suite.coverage.flatMap(\.unreached).map(\.description)
        #expect(unreached.filter { $0.contains("public-order 风险概率") }.count == 2)
    }

    /// W547 stays for a case that does not say the scores are missing, and for a factor its `warnings` leaves out.
    @Test func ruleTestsWarnOfMissingScoresTheCaseDoesNotExpect() throws {
        let folder = try RuleCheckTests.temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.rules + "/panel.yaml", toPath: folder + "/panel.yaml")
        let test = """
            format: wenping-test/1
            ruleset: demo/panel
            cases:
              - name: 没有专家评分，只看等级
                project: \(Self.missing)
                expect:
                  before: 中
              - name: 没有专家评分，期望写明
                project: \(Self.missing)
                expect:
                  before: 中
                  warnings: [experts.public-order]

            """
        try test.write(toFile: folder + "/panel.test.yaml", atomically: true, encoding: .utf8)
        let suite = RuleTestSuite.run(paths: [folder])
        #expect(suite.failedCount == 0, "\(RuleTestTextRenderer.failures(suite))")
        #expect(suite.results.count == 2)
        // One W547: the first case's (both cases load the same project file, so the location cannot tell them
        // apart; the count does).
        #expect(suite.diagnostics.map(\.code) == [.expertScoresMissing])
    }

    @Test func diffNamesTheChangeOfSource() throws {
        let bands = try Self.editedRules {
            $0.replacingOccurrences(of: "    source: experts\n", with: "")
                .replacingOccurrences(of: "experts:\n  method: fuzzy\n  defuzzify: max_membership\n", with: "")
        }
        let old = try #require(RuleCheck.run(paths: [Self.rules]).ruleSets.first)
        let new = try #require(RuleCheck.run(paths: [bands]).ruleSets.first)
        let changes = RuleSetComparison(old: old, new: new).changes.map {
            "\($0.field ?? ""): \($0.old ?? "") → \($0.new ?? "")"
        }
        #expect(changes == ["专家评分方法: 模糊综合评价，最大隶属度原则 → 未规定", "等级来源: 专家评分 → 分档"])
    }

    @Test func theMeanMethodAgreesHere() throws {
        // Mean rank: probability 0.4 × 2 + 0.6 × 3 = 2.6 → 3 (高); impact 0.2 + 1.2 + 0.6 = 2.0 → 中.
        let mean = try Self.editedRules {
            $0.replacingOccurrences(of: "  method: fuzzy\n  defuzzify: max_membership\n", with: "  method: mean\n")
        }
        let assessment = try Self.assess(Self.decides, rules: mean)
        #expect(assessment.factors[1].before.probability == 2 && assessment.factors[1].before.impact == 1)
        #expect(assessment.gradeBefore == "中")
    }

    @Test func aMissingPanelIsTakenStrictlyAndSaidLoudly() throws {
        let loaded = Self.load(Self.missing)
        let warning = try #require(loaded.diagnostics.first)
        #expect(loaded.diagnostics.count == 1 && warning.code == .expertScoresMissing && warning.severity == .warning)
        #expect(warning.message.contains("“社会治安风险”（public-order）"))
        #expect(warning.message.contains("按从严原则取最高一级"))
        let assessment = Engine.evaluate(try #require(loaded.project))
        #expect(assessment.factors[1].source == .expertsMissing)
        #expect(assessment.factors[1].before == Assessment.Estimate(probability: 2, impact: 2, degree: 2))
        #expect(Formatting.index(assessment.indexBefore) == "0.560")
        #expect(assessment.gradeBefore == "中" && assessment.gradeAfter == "中")
        #expect(!assessment.isComplete)
        #expect(assessment.missingFacts == ["专家评分（社会治安风险）"])
        let markdown = MarkdownReportRenderer.render(assessment)
        #expect(markdown.contains("> - “专家评分（社会治安风险）”未提供：风险因素“社会治安风险”按规则应由专家评分确定，缺少评分，按从严原则取最高一级"))
        try assertSnapshot(markdown, named: "panel-missing.report.md")
    }

    @Test func underIgnoreAMissingPanelFallsBackToTheBands() throws {
        let ignore = try Self.editedRules {
            $0.replacingOccurrences(
                of: "    - { else: 低 }\nexperts:", with: "    - { else: 低 }\n  unknown: ignore\nexperts:")
        }
        let loaded = Self.load(Self.missing, rules: ignore)
        #expect(loaded.diagnostics.first?.message.contains("按规则 unknown: ignore 改用分档") == true)
        let assessment = Engine.evaluate(try #require(loaded.project))
        #expect(assessment.factors[1].source == .expertsMissing)
        #expect(assessment.factors[1].before == Assessment.Estimate(probability: 0, impact: 0, degree: 0))
        #expect(assessment.gradeBefore == "低" && !assessment.isComplete)
        let model = ReportModel(assessment)
        #expect(model.factors[1].before.probability.because == nil)
        #expect(
            model.missingFacts.first?.effects == [
                "风险因素“社会治安风险”按规则应由专家评分确定，缺少评分，按规则 unknown: ignore 改用规则分档：风险概率“低”、影响程度“小”"
            ])
    }

    @Test func aMeasureThatCuresABandDoesNotCureThePanelsLevel() throws {
        let folder = try RuleCheckTests.temporaryFolder()
        let project = try Self.editedProject(Self.decides, in: folder) {
            $0.replacingOccurrences(of: "measures: [patrol]", with: "measures: [mediation]")
        }
        let assessment = try Self.assess(project)
        #expect(assessment.factors[1].after == assessment.factors[1].before)
        let effect = try #require(assessment.effects(ofMeasure: "mediation").first)
        #expect(effect.outcome == .causeUnknown)
        #expect(
            assessment.noEffectReason(effect)
                == "无效果：风险因素“社会治安风险”的等级由专家评分确定，不对应规则中的成因分档，无法认定该措施对症")
    }

    @Test func aFactorFromExpertsNeedsTheRulesetsMethod() throws {
        let folder = try Self.editedRules {
            $0.replacingOccurrences(of: "experts:\n  method: fuzzy\n  defuzzify: max_membership\n", with: "")
        }
        let check = RuleCheck.run(paths: [folder])
        let diagnostic = try #require(check.diagnostics.first { $0.code == .expertsWithoutMethod })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.line == 54 && diagnostic.location.column == 13)
        #expect(diagnostic.message.hasPrefix("风险因素“public-order”写了 source: experts"))
        #expect(diagnostic.message.contains("experts: { method: fuzzy }"))
        let misspelt = try Self.editedRules { $0.replacingOccurrences(of: "source: experts", with: "source: expert") }
        #expect(RuleCheck.run(paths: [misspelt]).diagnostics.contains { $0.message.contains("source 只能是 bands") })
    }

    @Test func aPanelMayNotChangeTheRulesetsMethod() throws {
        let folder = try RuleCheckTests.temporaryFolder()
        let project = try Self.editedProject(Self.decides, in: folder) {
            $0.replacingOccurrences(of: "experts:\n", with: "experts:\n  method: mean\n")
        }
        let loaded = Self.load(project)
        #expect(loaded.project == nil)
        let diagnostic = try #require(loaded.diagnostics.first { $0.code == .invalidExpertPanel })
        #expect(
            diagnostic.message
                == "规则“demo/panel”规定专家评分用 method: fuzzy，这里写的是 mean；请删去 method（按规则的方法）或改为 fuzzy")
        let same = try Self.editedProject(Self.decides, in: folder) {
            $0.replacingOccurrences(of: "experts:\n", with: "experts:\n  method: fuzzy\n")
        }
        #expect(Self.load(same).diagnostics.isEmpty)
    }

    @Test func reportsAndExplanationNameThePanelAsTheDecider() throws {
        let assessment = try Self.assess(Self.decides)
        let markdown = MarkdownReportRenderer.render(assessment)
        try assertSnapshot(markdown, named: "panel-decides.report.md")
        try assertSnapshot(JSONReportRenderer.render(assessment), named: "panel-decides.report.json")
        #expect(markdown.contains("按规则规定，“社会治安风险”的发生概率和影响程度由专家打分法确定（模糊综合评价，最大隶属度原则），不采用按事实分档的结果。"))
        #expect(markdown.contains("| 社会治安风险 | 风险概率 | 高 | 中 | 高 | 高 | 中 | 低 0，中 0.4，高 0.6 | 高 | 未采用（取专家评定） |"))
        let html = HTMLReportRenderer.render(assessment)
        #expect(html.contains("未采用（取专家评定）"))
        // `mediation` names the band it cures, so it cannot lower the panel's level: it is not suggested.
        #expect(!markdown.contains("：信访积案化解（责任主体：区信访局）"))
        let explanation = Explainer.explain(assessment)
        try assertSnapshot(explanation, named: "panel-decides.explain.md")
        #expect(explanation.contains("- 决定等级的是：综合风险指数（其中“社会治安风险”的等级由专家评分确定）"))
        #expect(explanation.contains("- 风险概率 高：按规则规定由专家评分确定：专家评定为“高”（模糊综合评价，最大隶属度原则），未采用规则分档"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(assessment).utf8)) as? [String: Any])
        let factors = try #require(object["factors"] as? [[String: Any]])
        #expect(factors[1]["source"] as? String == "experts")
        #expect(factors[0]["source"] == nil)
        let experts = try #require(object["experts"] as? [String: Any])
        #expect(experts["prescribed_by_rules"] as? Bool == true)
    }
}
