import Foundation
import Testing

@testable import Wenping

struct EngineTests {
    static func project(_ facts: String, measures: String = "[]") throws -> Project {
        let text = """
            id: E-1
            name: 引擎测试
            kind: house_expropriation
            jurisdiction: 中国
            facts:
            \(facts)
            measures: \(measures)
            """
        let loaded = ProjectLoader(catalog: FixtureTests.catalog).load(bytes: Array(text.utf8), file: "e.yaml")
        return try #require(loaded.project, "\(loaded.diagnostics)")
    }

    static let complete = """
          households: 1200
          purpose: 旧城区改建
          plan_conformity: true
          in_annual_plan: true
          comment_period_days: 30
          majority_object_plan: false
          funds_in_place: true
          offered_price: 8000
          market_price: 10000
          resettlement_housing_ready: true
          transition_months: 12
          opposition_rate: 10%
          survey_coverage: 100%
          petitions_5y: 0
          media_sentiment: 无负面舆情
          emergency_plan: true
          executive_meeting: true
          hearing_held: false
          same_standard: true
          neighbour_gap: false
          appraiser_selection: 被征收人协商选定
          business_units: 0
          unregistered_buildings: 0
          security_eligible: 0
          public_tenants: 0
          owners_unknown: 0
          signing_rate: 96%
          court_enforcement: true
          vulnerable_households: 0
          incidents_5y: 0
          legacy_disputes: false
          grassroots_attitude: 支持并愿意参与
          similar_projects: 未见矛盾报道
          residents_nearby: false
        """

    @Test func measuresNeverLowerBelowTheLowestLevel() throws {
        let project = try Self.project(Self.complete, measures: "[emergency-drill]")
        let assessment = Engine.evaluate(project)
        for result in assessment.factors where result.applicability.isApplicable {
            #expect(result.after.probability >= 0 && result.after.probability <= result.before.probability)
            #expect(result.after.impact >= 0 && result.after.impact <= result.before.impact)
        }
    }

    @Test func fundsMissingFloorForcesHighWhateverTheScores() throws {
        let project = try Self.project(
            Self.complete.replacingOccurrences(of: "funds_in_place: true", with: "funds_in_place: false"))
        let assessment = Engine.evaluate(project)
        #expect(assessment.gradeBefore == "高")
        #expect(assessment.gradeAfter == "高")
        #expect(assessment.floors.map { project.ruleSet.floors[$0].id }.contains("funds-missing"))
        #expect(!assessment.mayProceed)
    }

    @Test func absentOptionalFactIsCautiousAndWarned() throws {
        let withoutOpposition = Self.complete.replacingOccurrences(of: "  opposition_rate: 10%\n", with: "")
        let assessment = Engine.evaluate(try Self.project(withoutOpposition))
        let model = ReportModel(assessment)
        #expect(model.missingFacts.map(\.name) == ["opposition_rate"])
        #expect(model.banners.contains { $0.kind == "incomplete" && $0.lines.contains { $0.contains("入户调查反对率") } })
        let complete = ReportModel(Engine.evaluate(try Self.project(Self.complete)))
        let factor = try #require(model.factors.first { $0.id == "opposition" })
        let known = try #require(complete.factors.first { $0.id == "opposition" })
        #expect(factor.before.probability.undecided)
        #expect(factor.before.probability.level >= known.before.probability.level)
    }

    @Test func evaluationIsTheSameFromManyThreads() async throws {
        let project = try Self.project(Self.complete, measures: "[independent-appraisal]")
        let expected = JSONReportRenderer.render(Engine.evaluate(project))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { JSONReportRenderer.render(Engine.evaluate(project)) } }
            var all: [String] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func generatedProjectsAreValidAndDeterministic() throws {
        let ruleSet = try #require(FixtureTests.catalog.ruleSet(id: "national/house-expropriation"))
        let generator = ProjectGenerator(ruleSet: ruleSet)
        #expect(generator.jsonLine(7) == generator.jsonLine(7))
        let loader = ProjectLoader(catalog: FixtureTests.catalog, override: ruleSet.id)
        for index in 0..<50 {
            let loaded = loader.load(bytes: Array(generator.jsonLine(index).utf8), file: "gen")
            #expect(loaded.project != nil, "\(loaded.diagnostics)")
        }
    }
}
