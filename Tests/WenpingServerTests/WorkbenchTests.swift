import Foundation
import Testing
import Wenping

@testable import WenpingLedger
@testable import WenpingServer

/// The workbench's form reading and the project list's query; the pages themselves are tested in a browser
/// (`Tests/Browser`).
@Suite struct WorkbenchTests {
    static let catalog = RuleSetCatalog(paths: [ServerFixture.root + "/Rules"])
    static var xian: CompiledRuleSet { catalog.ruleSet(id: "shaanxi/xian/house-expropriation")! }

    func field(_ name: String) -> RuleSetForm.Field {
        Self.xian.form.fields.first { $0.name == name }!
    }

    @Test func percentFieldsAcceptThreeSpellings() throws {
        for text in ["35%", "35％", "0.35", " 35 % "] {
            let value = try ProjectForm.parse(text, field: field("opposition_rate")).get()
            #expect(abs((value as! Double) - 0.35) < 1e-12, "\(text)")
        }
        for text in ["35", "abc", "%"] {
            #expect(throws: ProjectForm.Message.self) {
                try ProjectForm.parse(text, field: field("opposition_rate")).get()
            }
        }
    }

    @Test func integersAcceptThousandsSeparators() throws {
        #expect(try ProjectForm.parse("1,200", field: field("households")).get() as? Int == 1200)
        #expect(try ProjectForm.parse("1，200", field: field("households")).get() as? Int == 1200)
        #expect(throws: ProjectForm.Message.self) { try ProjectForm.parse("12.5", field: field("households")).get() }
        #expect(throws: ProjectForm.Message.self) { try ProjectForm.parse("-1", field: field("households")).get() }
    }

    @Test func fieldsNameTheFactorsTheyFeed() {
        #expect(field("opposition_rate").factors.contains { $0.contains("反对率") })
        #expect(!field("opposition_rate").floors.isEmpty)
        // through the derived compensation_ratio
        #expect(field("offered_price").factors.contains { $0.contains("补偿") })
        #expect(Self.xian.form.measures.contains { $0.id == "compensation-adjustment" && !$0.effects.isEmpty })
    }

    @Test func formRoundTripsThroughStoredJSON() throws {
        var form = ProjectForm(ruleSet: Self.xian)
        form.values = [
            "id": "P-1", "name": "测试", "fact.households": "1,200", "fact.opposition_rate": "35%",
            "fact.plan_conformity": "true", "fact.purpose": "affordable_housing", "location": "西安",
            "fact.funds_in_place": "true",
        ]
        form.measures = ["compensation-adjustment"]
        let made = form.projectJSON()
        let json = try #require(made)
        let again = try #require(ProjectForm(ruleSet: Self.xian, stored: json))
        #expect(again.values["fact.households"] == "1200")
        #expect(again.values["fact.opposition_rate"] == "35%")
        #expect(again.values["fact.plan_conformity"] == "true")
        #expect(again.values["location"] == "西安")
        #expect(again.measures == ["compensation-adjustment"])
        let output = ProjectLoader(catalog: Self.catalog).load(bytes: Array(json.utf8), file: "form")
        #expect(output.project?.ruleSet.id == Self.xian.id)
        #expect(output.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func overviewFiltersAndPagesByKeyset() async throws {
        let folder = NSTemporaryDirectory() + "wenping-overview-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = try SQLiteLedger(path: folder + "/l.sqlite")
        for index in 0..<7 {
            let id = "P-\(index)"
            let grade = index % 2 == 0 ? "高" : "低"
            _ = try await ledger.saveAndAssess(projectID: id, name: "项目\(index)", content: "{}", contentDigest: "d") {
                NewAssessment(
                    projectID: id, projectVersion: $0, ruleSetID: index < 5 ? "a" : "b", ruleSetVersion: "1",
                    ruleSetDigest: "x", engineVersion: "0", user: "u", gradeBefore: grade, gradeAfter: grade,
                    indexBefore: 0, indexAfter: 0, reportJSON: "{}")
            }
        }
        let first = try #require(try await ledger.assessments(projectID: "P-1").last)
        _ = try await ledger.recordReview(
            NewReview(assessmentID: first.id, reviewer: "r", decision: .returned, adjustedGrade: nil, comment: "改"))
        let page1 = try await ledger.projectOverview(ProjectFilter(limit: 3))
        #expect(page1.map(\.projectID) == ["P-0", "P-1", "P-2"])
        let page2 = try await ledger.projectOverview(ProjectFilter(after: "P-2", limit: 3))
        #expect(page2.map(\.projectID) == ["P-3", "P-4", "P-5"])
        let high = try await ledger.projectOverview(ProjectFilter(gradeAfter: "高", limit: 50))
        #expect(high.map(\.projectID) == ["P-0", "P-2", "P-4", "P-6"])
        let returned = try await ledger.projectOverview(ProjectFilter(state: .returned, limit: 50))
        #expect(returned.map(\.projectID) == ["P-1"])
        let pending = try await ledger.projectOverview(ProjectFilter(ruleSetIDs: ["b"], state: .pending, limit: 50))
        #expect(pending.map(\.projectID) == ["P-5", "P-6"])
        #expect(page1[1].decision == "退回" && page1[1].name == "项目1")
        try await ledger.close()
    }
}
