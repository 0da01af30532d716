import Foundation
import Testing
import Wenping

@testable import WenpingDocuments

/// The Markdown and HTML reports as templates: an office's own wording, the checks of a report template, and the
/// exported templates reproducing the built-in reports. (The built-in reports against their golden files are
/// checked by the core's report tests, which render through the same templates.)
struct ReportTemplateReportsTests {
    static let office = DocumentFixtures.root + "/Fixtures/templates/xa-office"

    /// `Fixtures/templates/xa-office` changes the title and the wording of the measures section.
    @Test(arguments: [ReportFormat.markdown, .html])
    func officeTemplatesGiveTheirGoldenReport(format: ReportFormat) throws {
        let templates = ReportTemplates(folder: Self.office)
        #expect(templates.diagnostics.isEmpty, "\(templates.diagnostics)")
        let assessment = try DocumentFixtures.assess(WordReportTests.fixture)
        let report = templates.render(format, assessment)
        try assertSnapshot(report, named: "xa-old-town-high.xa-office.\(format.fileExtension)")
        #expect(report.contains("风险防范化解措施及责任落实"))
        #expect(!report.contains("风险防范和化解措施"))
        #expect(report.contains("稳评〔2026〕第 XA-2025-001 号"))
        // Only what the office changed differs from the built-in report.
        let builtIn = ReportTemplates.builtIn.render(format, assessment)
        let added = Set(report.split(separator: "\n")).subtracting(builtIn.split(separator: "\n"))
        #expect(added.count <= 4, "\(added)")
    }

    @Test(
        arguments: [
            ("report.md.mustache", "# {{project.name}}\n{{#facts}}\n| {{label}} |\n", "report.md.mustache:2:1 E801"),
            (
                "report.md.mustache", "# {{project.name}}\n{{#facts}}| {{lable}} |{{/facts}}\n",
                "report.md.mustache:2:13 E804"
            ),
            (
                "report.html.mustache", "<h1>{{project.name}}</h1>\n<p>{{matrixFigur}}</p>\n",
                "report.html.mustache:2:4 E804"
            ),
            ("report.html.mustache", "<p>{{afterTone}}</p>\n", nil),
            ("report.md.mustache", "<p>{{afterTone}}</p>\n", "report.md.mustache:1:4 E804"),
        ] as [(String, String, String?)])
    func reportTemplateErrorsSayWhereAndWhich(file: String, text: String, expected: String?) throws {
        let (templates, folder) = try ReportTemplatesTests.load([file: text])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(ReportTemplatesTests.describe(templates) == (expected.map { [$0] } ?? []))
    }

    /// Exported templates, loaded back, give byte for byte the built-in Markdown and HTML reports.
    @Test func exportedReportTemplatesReproduceTheBuiltInReports() throws {
        let folder = try DocumentFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try ReportTemplates.export(to: folder, overwrite: false)
        let exported = ReportTemplates(folder: folder)
        #expect(exported.diagnostics.isEmpty)
        for project in DocumentFixtures.projects {
            let assessment = try DocumentFixtures.assess(project)
            for format in [ReportFormat.markdown, .html] {
                #expect(exported.render(format, assessment) == ReportTemplates.builtIn.render(format, assessment))
            }
        }
    }

    /// Every name a report template may show is documented in the exported README, and nothing more.
    @Test func reportNamesAreDocumented() {
        let documented = Set(
            ReportTemplates.reportNameDescriptions.flatMap { entry in
                entry.name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            })
        for name in documented where !name.hasPrefix("sections.") {
            #expect(MarkdownReportRenderer.names.contains(name) || HTMLReportRenderer.names.contains(name), "\(name)")
        }
    }
}
