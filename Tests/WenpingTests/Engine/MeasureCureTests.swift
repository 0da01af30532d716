import Foundation
import Testing

@testable import Wenping

/// The rule-language additions of issue 10: kind labels, reference status, notes, decision sentences per
/// ruleset, and measures that cure named bands only (with the effect of each adopted measure recorded).
struct MeasureCureTests {
    static let base = """
        format: wenping/1
        id: t/base
        title: 测试基础
        version: "1"
        note: 作者备注，不进报告
        basis:
          law: { title: 《测试法》, note: 转录自某处，未核对 }
          reg: 《测试条例》
        scales:
          probability:
            - { level: 1, label: 很低, value: 0.2 }
            - { level: 2, label: 较低, value: 0.4 }
            - { level: 3, label: 中等, value: 0.6 }
            - { level: 4, label: 较高, value: 0.8 }
            - { level: 5, label: 很高, value: 1.0 }
          impact:
            - { level: 1, label: 可忽略, value: 0.2 }
            - { level: 2, label: 较小, value: 0.4 }
            - { level: 3, label: 中等, value: 0.6 }
            - { level: 4, label: 较大, value: 0.8 }
            - { level: 5, label: 严重, value: 1.0 }
        degrees:
          levels: [微小, 较小, 一般, 较大, 重大]
          by: product
          cuts:
            - { at_least: 0.64, degree: 重大 }
            - { at_least: 0.36, degree: 较大 }
            - { at_least: 0.16, degree: 一般 }
            - { at_least: 0.08, degree: 较小 }
            - { else: 微小 }
        grades:
          - { id: 低, label: 低风险, decision: 可以审批, proceed: true, basis: law 第四条, note: 原文核对过 }
          - { id: 中, label: 中风险, decision: 不予审批, basis: law 第四条 }
          - { id: 高, label: 高风险, decision: 不予审批, basis: law 第四条 }
        aggregation:
          index:
            - { at_least: 0.48, grade: 高 }
            - { at_least: 0.24, grade: 中 }
            - { else: 低 }
          rules:
            - { id: one-major, when: count(重大) >= 1, grade: 高, note: 默认值 }
            - { id: one-large, when: count(较大) >= 1, grade: 中 }
          unknown: cautious

        """

    static let child = """
        format: wenping/1
        id: t/house
        title: 测试房屋征收
        version: "1"
        status: reference
        extends: base.yaml
        applies_to: { house_expropriation: 房屋征收 }
        grades:
          - { id: 中, decision: 稳评结果作为作出征收决定的重要依据, decision_basis: reg 第十二条 }
        inputs:
          comment_days: { label: 征求意见天数, type: integer, min: 0, note: 第十条 }
          households: { label: 户数, type: integer, min: 0, required: true }
          meeting: { label: 已经常务会议讨论, type: boolean }
        factors:
          - id: procedure
            label: 征收程序
            weight: 1
            basis: reg 第十条
            note: 作者备注
            probability:
              - { id: period-short, when: comment_days < 30, level: 很高, because: 征求意见不足30日 }
              - { id: no-meeting, when: households >= 500 and not meeting, level: 较高, because: 户数较多未经常务会议 }
              - { else: 很低, note: 程序完整 }
            impact:
              - { else: 较大 }
            measures:
              - id: executive-meeting
                label: 提交常务会议讨论
                owner: 政府
                cures: [no-meeting]
                satisfied_when: meeting
                lowers: { probability: 2 }
              - id: republish
                label: 重新公布征求意见不少于30日
                owner: 征收部门
                cures: period-short
                lowers: { probability: 4 }
              - id: explain
                label: 政策解释
                owner: 街道
                lowers: { probability: 1 }

        """

    static func catalog(_ files: [String: String]) throws -> (RuleSetCatalog, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return (RuleSetCatalog(paths: [folder]), folder)
    }

    static func assess(_ facts: String, measures: String, kind: String = "house_expropriation") throws -> Assessment {
        let (catalog, folder) = try catalog(["base.yaml": base, "house.yaml": child])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(!catalog.hasErrors, "\(catalog.diagnostics)")
        let text = """
            id: T-1
            name: 测试项目
            kind: \(kind)
            jurisdiction: 中国
            facts:
            \(facts)
            measures: \(measures)
            """
        let loaded = ProjectLoader(catalog: catalog).load(bytes: Array(text.utf8), file: "t.yaml")
        let project = try #require(loaded.project, "\(loaded.diagnostics)")
        return Engine.evaluate(project)
    }

    @Test func kindLabelsStatusAndDecisionsAreCompiled() throws {
        let (catalog, folder) = try Self.catalog(["base.yaml": Self.base, "house.yaml": Self.child])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(catalog.diagnostics.isEmpty, "\(catalog.diagnostics)")
        let house = try #require(catalog.ruleSet(id: "t/house"))
        #expect(house.kindLabel(for: "house_expropriation") == "房屋征收")
        #expect(house.kindLabel(for: "房屋征收") == "房屋征收")
        #expect(house.kindKey(for: "房屋征收") == "house_expropriation")
        #expect(house.kindLabel(for: "land_requisition") == nil)
        #expect(house.isReference)
        #expect(house.statusBanner == "参考规则，正式使用前应以现行文件原文校核")
        let base = try #require(catalog.ruleSet(id: "t/base"))
        #expect(!base.isReference && base.statusBanner == nil)
        // The child's grade overrides only its decision; the label, definition basis and proceed are inherited.
        let medium = house.grades[1]
        #expect(medium.decision == "稳评结果作为作出征收决定的重要依据")
        #expect(medium.decisionBasis.map(\.text) == ["《测试条例》第十二条"])
        #expect(medium.label == "中风险" && medium.basis.map(\.text) == ["《测试法》第四条"])
        #expect(house.decision(forGrade: "高") == "不予审批")
        #expect(house.grades[0].proceeds)
        // Notes never reach anything that prints: basis titles are the titles alone.
        #expect(house.basis.map(\.title) == ["《测试法》", "《测试条例》"])
    }

    @Test func projectMayWriteTheKindLabel() throws {
        let assessment = try Self.assess(
            "  households: 100\n  comment_days: 30\n  meeting: true", measures: "[]", kind: "房屋征收")
        #expect(assessment.project.kind == "house_expropriation")
    }

    @Test func measureLowersOnlyTheCauseItCures() throws {
        // 很高 comes from a short comment period: the executive meeting does not cure it, re-publishing does.
        let short = try Self.assess(
            "  households: 800\n  comment_days: 20\n  meeting: false", measures: "[executive-meeting, republish]")
        let factor = short.factors[0]
        #expect(factor.before.probability == 4)
        #expect(factor.after.probability == 0)
        let effects = short.measureEffects.map(\.outcome)
        #expect(effects == [.causeNotCured, .lowered])
        #expect(short.measureChangedAnything("executive-meeting") == false)
        #expect(short.measureChangedAnything("republish") == true)
        let reason = try #require(short.noEffectReason(short.measureEffects[0]))
        #expect(reason.contains("征求意见不足30日"))

        let onlyMeeting = try Self.assess(
            "  households: 800\n  comment_days: 20\n  meeting: false", measures: "[executive-meeting]")
        #expect(onlyMeeting.factors[0].after.probability == 4)
    }

    @Test func measureCuresItsOwnCause() throws {
        let noMeeting = try Self.assess(
            "  households: 800\n  comment_days: 30\n  meeting: false", measures: "[executive-meeting]")
        #expect(noMeeting.factors[0].before.probability == 3)
        #expect(noMeeting.factors[0].after.probability == 1)
        #expect(noMeeting.measureEffects.first?.probability == 2)
    }

    @Test func measureAlreadySatisfiedByTheFactsChangesNothing() throws {
        let held = try Self.assess(
            "  households: 800\n  comment_days: 30\n  meeting: true", measures: "[executive-meeting, explain]")
        #expect(held.measureEffects.map(\.outcome) == [.alreadySatisfied, .alreadyLowest])
        #expect(held.isMeasureSatisfied("executive-meeting"))
        #expect(!held.isMeasureSatisfied("republish"))
        #expect(held.noEffectReason(held.measureEffects[0]) == "无效果：项目事实表明该措施已经落实")
        #expect(held.noEffectReason(held.measureEffects[1]) == "无效果：该措施所降低的等级已是最低一级")
    }

    @Test func measuresAddUpAndStopAtTheLowestLevel() throws {
        let noMeeting = try Self.assess(
            "  households: 800\n  comment_days: 30\n  meeting: false", measures: "[explain, executive-meeting]")
        // Factor order: executive-meeting (lowers 2: 较高 → 较低), then explain (lowers 1: 较低 → 很低).
        #expect(noMeeting.measureEffects.map(\.outcome) == [.lowered, .lowered])
        #expect(noMeeting.factors[0].after.probability == 0)
    }

    @Test func levelSetForMissingDataHasNoKnownCause() throws {
        let unknown = try Self.assess("  households: 800\n  meeting: false", measures: "[executive-meeting, explain]")
        #expect(unknown.factors[0].before.probability == 4)
        #expect(unknown.measureEffects.map(\.outcome) == [.causeUnknown, .lowered])
    }

    @Test func unknownCureIsAnErrorAndUselessCureAWarning() throws {
        let broken = Self.child.replacingOccurrences(of: "cures: [no-meeting]", with: "cures: [no-meting]")
        let (catalog, folder) = try Self.catalog(["base.yaml": Self.base, "house.yaml": broken])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(catalog.diagnostics.map(\.code) == [.unknownCure])
        #expect(catalog.diagnostics.first?.message.contains("是否想写“no-meeting”") == true)

        let useless = Self.child.replacingOccurrences(
            of: "cures: period-short", with: "cures: [period-short]\n        lowers: { impact: 1 }"
        ).replacingOccurrences(of: "        lowers: { probability: 4 }\n", with: "")
        let (second, other) = try Self.catalog(["base.yaml": Self.base, "house.yaml": useless])
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(second.diagnostics.map(\.code) == [.measureCuresNothing], "\(second.diagnostics)")
    }

    @Test func statedBoundsAreCheckedAgainstConditions() {
        let numbers = RuleSetBuilder.statedNumbers(in: "反对率在5%至33%之间(2492 号文第四条,DB32/T 4937-2024),300户")
        #expect(numbers.map(\.text) == ["5%", "33%", "300"])
        #expect(numbers.map(\.value) == [0.05, 0.33, 300])
    }
}
