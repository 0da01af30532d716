import Foundation
import Testing

@testable import Wenping
@testable import WenpingDocuments

/// Reports of a project graded by one of several dated versions of a ruleset (`Fixtures/dated`: `demo/opposition`
/// 2023.1 in force 2023-01-01 up to 2024-12-31, 2025.1 from 2025-01-01; the project is assessed on 2024-09-30):
/// the Word report and the office's templates name the version, its period and how it was chosen.
struct DatedRulesetDocumentTests {
    static let catalog = RuleSetCatalog(paths: [DocumentFixtures.root + "/Fixtures/dated/rules"])
    static let project = DocumentFixtures.root + "/Fixtures/dated/projects/lanting.yaml"

    static func assess(asOf: String? = nil) throws -> Assessment {
        let date = asOf.map { AsOfDate($0)! } ?? .projectDate
        let loaded = ProjectLoader(catalog: catalog, asOf: date).load(file: project)
        return Engine.evaluate(try #require(loaded.project, "\(loaded.diagnostics)"))
    }

    /// The text of a Word package's body: every `<w:t>` run joined, tags dropped.
    static func bodyText(_ docx: [UInt8]) throws -> String {
        let document = try #require(try DocumentFixtures.entries(docx).first { $0.path == "word/document.xml" })
        let xml = String(decoding: document.data, as: UTF8.self)
        return xml.matches(of: #/<w:t(?: [^>]*)?>([^<]*)</w:t>/#).map { String($0.1) }.joined()
    }

    @Test func theWordReportNamesTheVersionItsPeriodAndTheChoice() throws {
        let byDate = try Self.bodyText(try DocumentRenderer(templates: .builtIn).docx(try Self.assess()))
        #expect(
            byDate.contains(
                "风险等级评判标准：按反对率分档的演示规则（demo/opposition，版本 2023.1，2023-01-01 起施行，2025-01-01 起停止施行）"
                    + "；按评估日期 2024-09-30 施行的版本评估（该规则共有 2 个版本）"))
        #expect(byDate.contains("规则：demo/opposition 版本 2023.1"))
        let later = try Self.bodyText(
            try DocumentRenderer(templates: .builtIn).docx(try Self.assess(asOf: "2025-06-30")))
        #expect(
            later.contains(
                "（demo/opposition，版本 2025.1，2025-01-01 起施行）；按指定日期 2025-06-30 施行的版本评估（该规则共有 2 个版本）"))
        #expect(!later.contains("2023.1"))
    }

    /// The office's templates (`Fixtures/templates/xa-office`) carry `{{versionClause}}` after the period.
    @Test(arguments: [ReportFormat.markdown, .html])
    func officeTemplatesSayHowTheVersionWasChosen(format: ReportFormat) throws {
        let templates = ReportTemplates(folder: ReportTemplateReportsTests.office)
        #expect(templates.diagnostics.isEmpty, "\(templates.diagnostics)")
        let assessment = try Self.assess()
        let report = templates.render(format, assessment)
        // The whole Markdown report as a golden file (the HTML one would repeat the style sheet of the others).
        if format == .markdown { try assertSnapshot(report, named: "lanting.xa-office.md") }
        #expect(
            report.contains(
                "（demo/opposition，版本 2023.1，2023-01-01 起施行，2025-01-01 起停止施行）；按评估日期 2024-09-30 施行的版本评估"))
        // The office's line is the built-in one.
        let builtIn = ReportTemplates.builtIn.render(format, assessment)
        let line = { (text: String) in text.split(separator: "\n").first { $0.contains("风险等级评判标准") } }
        #expect(line(report) != nil && line(report) == line(builtIn))
    }
}
