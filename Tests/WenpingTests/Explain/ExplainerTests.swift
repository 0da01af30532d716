import Foundation
import Testing

@testable import Wenping

struct ExplainerTests {
    static let root = FixtureTests.root
    static let affordable = "Fixtures/projects/house-expropriation/xa-affordable-medium.yaml"

    static func assess(_ file: String) throws -> Assessment {
        let loaded = ProjectLoader(catalog: FixtureTests.catalog).load(file: file)
        let project = try #require(loaded.project, "\(loaded.diagnostics)")
        return Engine.evaluate(project)
    }

    static func slot(_ name: String, _ ruleSet: CompiledRuleSet) throws -> Int {
        try #require(ruleSet.inputs.first { $0.name == name }).slot
    }

    static func factor(_ id: String, _ ruleSet: CompiledRuleSet) throws -> Int {
        try #require(ruleSet.factors.firstIndex { $0.id == id })
    }

    @Test func explanationOfAffordableHousingProjectMatchesGoldenFile() throws {
        let assessment = try Self.assess(Self.root + "/" + Self.affordable)
        #expect(assessment.gradeBefore == "中" && assessment.gradeAfter == "低")
        try assertSnapshot(Explainer.explain(assessment), named: "xa-affordable-medium.explain.md")
    }

    @Test func explanationOfOneFactorMatchesGoldenFile() throws {
        let assessment = try Self.assess(Self.root + "/" + Self.affordable)
        let text = Explainer.explain(assessment, factor: "compensation-below-market")
        try assertSnapshot(text, named: "xa-affordable-medium.compensation.explain.md")
        #expect(!text.contains("### 2."), "only the chosen factor is explained")
    }

    @Test func explanationNamesWhatDecidedTheGrade() throws {
        let text = Explainer.explain(try Self.assess(Self.root + "/" + Self.affordable))
        #expect(text.contains("- 数量规则成立：有风险因素的风险程度为“较大”（`count(较大) >= 1`），至少中风险\n"))
        #expect(text.contains("- 决定等级的是：数量规则（有风险因素的风险程度为“较大”）\n"))
        #expect(text.contains("- 决定等级的是：综合风险指数\n"))
        #expect(text.contains("第 3 档条件 `compensation_ratio < 1.1` 成立，理由：补偿与市场评估价基本持平"))
        #expect(!text.contains("one-large"))
    }

    @Test func suggestedThresholdsReallyFlipTheFactorLevel() throws {
        let assessment = try Self.assess(Self.root + "/" + Self.affordable)
        let ruleSet = assessment.ruleSet
        let project = assessment.project
        var whatIf = WhatIf(assessment)
        for index in ruleSet.factors.indices where assessment.factors[index].applicability.isApplicable {
            for change in whatIf.factChanges(factor: index) {
                // Re-evaluated from scratch, not through the explainer's cache.
                let result = Engine.evaluate(project.replacing(slot: change.slot, with: change.to))
                #expect(
                    WhatIf.state(result, index) != WhatIf.state(assessment, index),
                    "\(ruleSet.factors[index].id): \(ruleSet.inputs[change.slot].name) = \(change.to)")
                #expect(result.after.grade == change.result.after.grade)
            }
        }

        // Opposition: 4% is below Xi'an's 5% band; 5% is the nearest value that raises the probability.
        let opposition = try Self.factor("opposition", ruleSet)
        let rate = try Self.slot("opposition_rate", ruleSet)
        let raise = try #require(whatIf.factChanges(factor: opposition).first { $0.slot == rate })
        #expect(raise.to == .number(0.05))
        #expect(raise.result.factors[opposition].before.probability == 2)  // 中等
        let justBelow = Engine.evaluate(project.replacing(slot: rate, with: .number(0.049)))
        #expect(justBelow.factors[opposition].before.probability == 0)  // still 很低

        // Compensation: offered 7100 against 7000 is level with the market (较低); 6999 falls below the market
        // price (较高) and 7700 is where the ratio reaches 1.1 (很低).
        let compensation = try Self.factor("compensation-below-market", ruleSet)
        let offered = try Self.slot("offered_price", ruleSet)
        let changes = whatIf.factChanges(factor: compensation).filter { $0.slot == offered }
        #expect(changes.map(\.to) == [.number(6999), .number(7700)])
        #expect(changes.first?.result.factors[compensation].before.probability == 3)  // 较高
        #expect(changes.last?.result.factors[compensation].before.probability == 0)  // 很低
        let oneBelow = Engine.evaluate(project.replacing(slot: offered, with: .number(7699)))
        #expect(oneBelow.factors[compensation].before.probability == 1)  // still 较低
    }

    @Test func aFactorThatDoesNotApplyIsExplainedWithWhatWouldMakeItApply() throws {
        let text = Explainer.explain(try Self.assess(Self.root + "/" + Self.affordable), factor: "business-loss")
        #expect(text.contains("- 停产停业损失补偿（business-loss）：适用条件 `business_units > 0` 不成立"))
        #expect(text.contains("（business_units）由 0 户 改为 1 户：该因素变为适用，风险概率 较高，影响程度 中等，风险程度 较大；"))
        #expect(text.hasSuffix("该风险因素不适用，它的措施不影响等级。\n"))
    }

    @Test func changesThatLowerTheGradeComeFirst() throws {
        let file = Self.root + "/Fixtures/projects/house-expropriation/cd-old-town-consent-fail.yaml"
        let text = Explainer.explain(try Self.assess(file))
        let section = try #require(text.components(separatedBy: "## 三、最近的变化").last)
        let lowers = try #require(section.range(of: "### 能降低落实措施后等级的变化"))
        let keeps = try #require(section.range(of: "### 只改变风险因素等级的变化"))
        #expect(lowers.lowerBound < keeps.lowerBound)
        #expect(section.contains("旧城区改建征收意愿征询同意户数比例（consent_households_rate）由 93% 改为 95.1%"))
    }

    @Test func measureOptionsAreReEvaluatedWithTheMeasureAdopted() throws {
        let assessment = try Self.assess(Self.root + "/" + Self.affordable)
        let index = try Self.factor("compensation-below-market", assessment.ruleSet)
        let options = WhatIf(assessment).measureOptions(factor: index)
        #expect(options.map(\.measure.id) == ["independent-appraisal"])
        let adopted = try #require(options.first)
        #expect(
            adopted.result.project.measures == [
                "compensation-adjustment", "transition-allowance", "independent-appraisal",
            ])
        // 较低: compensation-adjustment does not cure it (no effect), independent-appraisal lowers it one level.
        #expect(adopted.result.factors[index].after.probability == 0)
    }

    @Test func unknownFactorIsAnErrorWithDidYouMean() throws {
        let assessment = try Self.assess(Self.root + "/" + Self.affordable)
        #expect(throws: Explainer.UnknownFactor.self) {
            try Explainer.checkFactor("compensation-below-markt", in: assessment.ruleSet)
        }
        let message =
            "规则“shaanxi/xian/house-expropriation”中没有 id 或名称为“compensation-below-markt”的风险因素。"
            + "是否想写“compensation-below-market”？"
        #expect(Explainer.explain(assessment, factor: "compensation-below-markt").hasPrefix(message))
        #expect(throws: Explainer.UnknownFactor.self) { try Explainer.checkFactor("补偿资金保", in: assessment.ruleSet) }
    }

    @Test func factorMayBeNamedByItsChineseLabel() throws {
        let assessment = try Self.assess(Self.root + "/" + Self.affordable)
        try Explainer.checkFactor("补偿资金保障", in: assessment.ruleSet)
        #expect(Explainer.explain(assessment, factor: "补偿资金保障") == Explainer.explain(assessment, factor: "funds"))
    }

    @Test func explanationIsTheSameEveryTime() throws {
        let file = Self.root + "/Fixtures/projects/house-expropriation/xa-missing-opposition.yaml"
        let first = Explainer.explain(try Self.assess(file))
        #expect(first == Explainer.explain(try Self.assess(file)))
        #expect(first.contains("因缺少入户调查反对率（opposition_rate）无法判断，按从严原则"))
    }
}
