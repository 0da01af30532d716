import Foundation
import Testing
import Wenping

@testable import WenpingDocuments

struct ReportTemplatesTests {
    /// Loads a template folder holding `files` (name → text).
    static func load(_ files: [String: String]) throws -> (ReportTemplates, String) {
        let folder = try DocumentFixtures.temporaryFolder()
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return (ReportTemplates(folder: folder), folder)
    }

    static func describe(_ templates: ReportTemplates) -> [String] {
        templates.diagnostics.map { d in
            let file = (d.location.file as NSString).lastPathComponent
            return "\(file):\(d.location.line):\(d.location.column) \(d.code)"
        }
    }

    @Test func builtInTemplatesAreClean() {
        #expect(ReportTemplates.builtIn.diagnostics.isEmpty, "\(ReportTemplates.builtIn.diagnostics)")
    }

    @Test(arguments: [
        ("# {{project.name}}\n= {{#project}}{{id}}\n", "docx-title-page.mustache:2:3 E801"),
        ("{{project.name}\n", "docx-title-page.mustache:1:15 E801"),
        ("ok\n{{#mayProceed}}x{{/project}}\n", "docx-title-page.mustache:2:20 E801"),
        ("line\n  {{project.nmae}}\n", "docx-title-page.mustache:2:3 E804"),
        ("{{{after.gradelabel}}}\n", "docx-title-page.mustache:1:1 E804"),
        ("{{#project.details}}{{label}}:{{valeu}}{{/project.details}}\n", "docx-title-page.mustache:1:31 E804"),
    ])
    func templateErrorsSayWhereAndWhich(text: String, expected: String) throws {
        let (templates, folder) = try Self.load(["docx-title-page.mustache": text])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(templates.hasErrors)
        #expect(Self.describe(templates) == [expected])
    }

    @Test func misspeltNameGetsASuggestion() throws {
        let (templates, folder) = try Self.load(["docx-sign-off.mustache": "{{after.gradelabel}}\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(templates.diagnostics.first?.message.contains("after.gradeLabel") == true)
    }

    @Test func unknownTemplateFileIsAnErrorWithTheNearestName() throws {
        let (templates, folder) = try Self.load(["docx-titlepage.mustache": "x\n", "README.md": "ignored"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Self.describe(templates) == ["docx-titlepage.mustache:1:1 E802"])
        #expect(templates.diagnostics.first?.message.contains("docx-title-page.mustache") == true)
    }

    @Test func missingFolderAndBadEncodingAreReported() throws {
        let missing = ReportTemplates(folder: "/nonexistent/wenping-templates")
        #expect(missing.diagnostics.map(\.code) == [.templateUnreadable])
        let folder = try DocumentFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: folder + "/docx-letterhead.mustache"))
        #expect(ReportTemplates(folder: folder).diagnostics.map(\.code) == [.templateUnreadable])
    }

    /// Exported templates, loaded back, give the same report as the built-in ones.
    @Test func exportedTemplatesReproduceTheBuiltInReport() throws {
        let folder = try DocumentFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try ReportTemplates.export(to: folder, overwrite: false)
        #expect(written.count == ReportTemplate.allCases.count + 1)
        #expect(throws: DocumentError.self) { try ReportTemplates.export(to: folder, overwrite: false) }
        let exported = ReportTemplates(folder: folder)
        #expect(exported.diagnostics.isEmpty)
        let assessment = try DocumentFixtures.assess(WordReportTests.fixture)
        #expect(exported.wordTexts(assessment) == ReportTemplates.builtIn.wordTexts(assessment))
        let readme = try String(contentsOfFile: folder + "/README.md", encoding: .utf8)
        for (name, _) in ReportTemplates.nameDescriptions { #expect(readme.contains("{{\(name)}}")) }
    }

    /// Built-in templates are parsed on first use, not when a value is made: a value without a folder, or with a
    /// folder replacing one template, renders every format exactly as the parsed built-ins do.
    @Test func builtInTemplatesAreLeftToTheSharedParsedOnes() throws {
        let assessment = try DocumentFixtures.assess(WordReportTests.fixture)
        let (replacing, folder) = try Self.load(["docx-sign-off.mustache": "落款 {{project.name}}\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for templates in [ReportTemplates(folder: nil), replacing] {
            #expect(templates.diagnostics.isEmpty)
            for format in [ReportFormat.markdown, .html] {
                #expect(templates.render(format, assessment) == ReportTemplates.builtIn.render(format, assessment))
            }
        }
        let texts = replacing.wordTexts(assessment)
        #expect(texts.signOff == "落款 \(assessment.project.name)\n")
        #expect(texts.titlePage == ReportTemplates.builtIn.wordTexts(assessment).titlePage)
    }

    /// Every name the README documents exists, and every name that exists is documented.
    @Test func documentedNamesAreTheContextNames() {
        let documented = Set(ReportTemplates.nameDescriptions.map(\.name))
        #expect(documented == Set(ReportContext.paths))
    }

    @Test func valuesAreNotHTMLEscaped() throws {
        let (templates, folder) = try Self.load(["docx-letterhead.mustache": "{{project.name}}\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = templates.render(.letterhead, .object([("project", .object([("name", .text("A & <B>"))]))]))
        #expect(text == "A & <B>\n")
    }
}
