import Foundation
import Mustache
import Testing
import Wenping
import WenpingDocuments

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

    @Test func outlineFieldsReachTheReportAndComeBackForEditing() throws {
        var form = ProjectForm(ruleSet: Self.xian)
        form.values = [
            "id": "P-2", "name": "大纲", "fact.households": "260", "fact.funds_in_place": "true",
            "fact.plan_conformity": "true", "fact.purpose": "affordable_housing",
            "assessor.organisation": "某评估中心", "assessor.role": "承担", "assessor.lead": "张三",
            "assessor.members": "李四：入户调查\n王五\n", "assessor.participants": "区住建局\n群众代表",
            "investigation.0.method": "入户调查", "investigation.0.from": "2025-03-01", "investigation.0.to": "2025-03-20",
            "investigation.0.sample": "1,200", "investigation.0.responses": "1150",
            "investigation.1.method": "", "investigation.1.scope": " ",
            "process.identification": "对照表法\n专家调查法",
            "opinion.0.source": "被征收户", "opinion.0.opinion": "提高补偿", "opinion.0.adopted": "true",
            "opinion.0.response": "已调整补偿标准", "opinion.1.source": "", "opinion.1.opinion": "",
            "emergency.summary": "分三级响应", "emergency.command": "区政府", "emergency.levels": "一级\n二级",
            "environment": "治安总体平稳",
        ]
        let made = form.projectJSON()
        let json = try #require(made, "\(form.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let process = try #require(object["process"] as? [String: Any])
        let investigations = try #require(process["investigations"] as? [[String: Any]])
        #expect(investigations.count == 1, "the empty second row is dropped")
        #expect(investigations.first?["sample"] as? Int == 1200)
        let assessor = try #require(object["assessor"] as? [String: Any])
        #expect((assessor["members"] as? [Any])?.count == 2)
        #expect((object["opinions"] as? [[String: Any]])?.first?["adopted"] as? Bool == true)

        // The core reads every part: the report states them instead of 未提供.
        let loaded = ProjectLoader(catalog: Self.catalog).load(bytes: Array(json.utf8), file: "form")
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        let report = ReportTemplates.builtIn.render(.markdown, Engine.evaluate(try #require(loaded.project)))
        for text in ["某评估中心", "李四", "入户调查", "95.8%", "对照表法", "提高补偿", "已调整补偿标准", "分三级响应", "治安总体平稳"] {
            #expect(report.contains(text), "\(text)")
        }

        let again = try #require(ProjectForm(ruleSet: Self.xian, stored: json))
        #expect(again.values["assessor.members"] == "李四：入户调查\n王五")
        #expect(again.values["investigation.0.sample"] == "1200")
        #expect(again.values["opinion.0.adopted"] == "true")
        #expect(again.values["emergency.levels"] == "一级\n二级")
        let views = again.outlineViews()
        #expect((views["investigations"] as? [[String: Any]])?.count == 2, "one empty row to add another")
    }

    @Test func outlineRowsAreChecked() {
        var form = ProjectForm(ruleSet: Self.xian)
        form.values = [
            "id": "P-3", "name": "有误", "investigation.0.sample": "许多", "investigation.1.from": "2025-13-01",
            "investigation.1.method": "问卷", "opinion.0.opinion": "没有来源",
        ]
        #expect(form.projectJSON() == nil)
        #expect(form.errors["investigation.0.sample"] != nil)
        #expect(form.errors["investigation.0.method"] != nil)
        #expect(form.errors["investigation.1.from"] != nil)
        #expect(form.errors["opinion.0.source"] != nil)
        #expect(form.label(of: "investigation.1.from") == "调查 2：开始日期")
    }

    @Test func explanationMarkupBecomesSegments() {
        let segments = ExplanationView.segments("**补偿**:条件 `a < 1` 成立;**未闭合")
        #expect(segments.map { $0["text"] as? String } == ["补偿", ":条件 ", "a < 1", " 成立;**未闭合"])
        #expect(segments[0]["bold"] as? Bool == true && segments[2]["code"] as? Bool == true)
        #expect(ExplanationView.segments("").isEmpty)
    }

    @Test func emptyTextsAreFalseInSections() throws {
        let template = try MustacheTemplate(string: "{{#unit}}({{unit}}){{/unit}}{{^unit}}无{{/unit}}[{{value}}]")
        let rendered = template.render(EmptyText.replacing(in: ["unit": "", "value": ""]))
        #expect(rendered == "无[]")
        #expect(template.render(EmptyText.replacing(in: ["unit": "户", "value": "1"])) == "(户)[1]")
    }

    @Test func batchArchiveIsTheSameBytesAndLeavesOutHiddenFiles() throws {
        let folder = NSTemporaryDirectory() + "wenping-archive-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in [
            ("summary.json", "{}"), ("reports/B.json", "{\"b\":1}"), ("reports/A.json", "{\"a\":1}"),
            (".summary.json.rows-1", "partial"),
        ] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let first = try #require(BatchArchive.zip(folder: folder))
        let second = try #require(BatchArchive.zip(folder: folder))
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("reports/A.json") && text.contains("summary.json"))
        #expect(!text.contains(".summary.json.rows"))
        #expect(BatchArchive.zip(folder: folder + "/missing") == nil)
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
