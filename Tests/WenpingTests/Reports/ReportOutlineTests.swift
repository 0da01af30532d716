import Foundation
import Testing

@testable import Wenping

/// The parts of the official outline a project file may carry (评估主体, 过程和方法, 各方意见, 社会环境概况,
/// 应急处置预案, report number, date, client, sign-off): rendered when given, stated `未提供` when not.
struct ReportOutlineTests {
    static let complete = FixtureTests.root + "/Fixtures/reports/outline-complete.yaml"
    static let none = FixtureTests.root + "/Fixtures/reports/outline-none.yaml"
    static let missing = FixtureTests.root + "/Fixtures/projects/house-expropriation/xa-missing-opposition.yaml"

    @Test(arguments: ReportFormat.allCases)
    func completeOutlineMatchesGoldenFile(_ format: ReportFormat) throws {
        try assertSnapshot(
            format.render(try ReportTests.assess(Self.complete)), named: "outline-complete.\(format.fileExtension)")
    }

    @Test(arguments: [ReportFormat.markdown])
    func emptyOutlineMatchesGoldenFile(_ format: ReportFormat) throws {
        try assertSnapshot(
            format.render(try ReportTests.assess(Self.none)), named: "outline-none.\(format.fileExtension)")
    }

    @Test(arguments: [ReportFormat.markdown, .json])
    func missingDataReportMatchesGoldenFile(_ format: ReportFormat) throws {
        try assertSnapshot(
            format.render(try ReportTests.assess(Self.missing)), named: "xa-missing-opposition.\(format.fileExtension)")
    }

    @Test func everyOutlinePartIsShownWhenGiven() throws {
        let markdown = MarkdownReportRenderer.render(try ReportTests.assess(Self.complete))
        for text in [
            "报告编号：雁稳评〔2025〕101号", "评估日期：2025-06-30", "委托方：雁塔区人民政府", "| 评估机构 | 某某工程咨询有限公司 |",
            "| 入户调查 | 2025-04-01 至 2025-04-20 | 片区全部被征收户 | 1200 | 1152 | 96.0% |", "风险识别方法：对照表法；专家调查法；实地观察法。",
            "| 临街商户 | 要求补偿停产停业损失 | 采纳 | 已制定停产停业损失补偿办法 |", "| 社区居委会 | 困难家庭优先安置 | 未提供 | 未提供 |",
            "#### 社会环境概况\n\n片区常住人口约 4200 人", "| 指挥机构 | 区征收工作应急指挥部(总指挥：分管副区长) |",
            "| 建设必要性 | 片区房屋建成于", "| 编制 | 李某某 | 2025-06-28 |", "| 批准 | 钱某某 | 2025-06-30 |",
        ] {
            #expect(markdown.contains(text), "missing: \(text)")
        }
        #expect(!markdown.contains("：未提供**"), "no part is reported missing")
    }

    @Test func everyOutlinePartSaysNotGivenWhenAbsent() throws {
        let assessment = try ReportTests.assess(Self.none)
        let markdown = MarkdownReportRenderer.render(assessment)
        for text in [
            "报告编号：未提供", "评估日期：未提供", "委托方：未提供", "评估主体（评估机构、成员和参与各方）：未提供",
            "评估过程（开展的调查及其时间、范围、样本和回应）：未提供", "各方意见及采纳情况：未提供",
            "社会环境概况（治安、群体性事件、信访情况等）：未提供", "应急处置预案（指挥机构、响应分级、联系人）：未提供",
            "| 建设必要性 | 未提供 |", "| 编制 | 未提供 | 未提供 |",
        ] {
            #expect(markdown.contains(text), "missing: \(text)")
        }
        let html = HTMLReportRenderer.render(assessment)
        #expect(Self.count("class=\"missing-part\"", in: html) == 5)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(assessment).utf8)) as? [String: Any])
        let outline = try #require(json["outline"] as? [String: Any])
        #expect(outline["assessor"] is NSNull && outline["sign_off"] is NSNull && outline["report_number"] is NSNull)
    }

    @Test func malformedOutlineFieldsAreReportedWithTheirPlace() throws {
        let text = """
            id: X-1
            name: 测试
            kind: house_expropriation
            assessment_date: 2025-02-30
            assessor: { organisation: 某机构, leader: 张三 }
            process: { investigations: [{ method: 问卷, sample: -3 }] }
            sign_off: { prepared: { name: 李四, date: 昨天 } }
            facts: { households: 10, purpose: 公共事业, plan_conformity: true, funds_in_place: true }

            """
        let loaded = ProjectLoader(catalog: FixtureTests.catalog).load(bytes: Array(text.utf8), file: "p.yaml")
        let found = loaded.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
        #expect(found == ["4:18 E219", "5:32 E202", "6:51 E208", "7:41 E219"])
        #expect(loaded.project == nil)
        let messages = loaded.diagnostics.map(\.message).joined(separator: "\n")
        #expect(messages.contains("是否想写“lead”"), "\(messages)")
    }

    @Test(arguments: [complete, none])
    func outlineFixturesPassTheProjectSchema(_ file: String) throws {
        let project = try #require(ProjectLoader(catalog: FixtureTests.catalog).load(file: file).project)
        let instance = try JSONValue(yamlFile: file)
        for schema in [ProjectFileSchema.document(ruleSet: project.ruleSet), ProjectFileSchema.document(ruleSet: nil)] {
            let errors = SchemaValidator(root: schema).errors(instance)
            #expect(errors.isEmpty, "\(file): \(errors)")
        }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
