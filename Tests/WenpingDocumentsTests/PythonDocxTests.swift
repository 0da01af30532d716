import Foundation
import Testing

@testable import Wenping
@testable import WenpingDocuments

/// Opens every fixture's Word report with python-docx, an independent reader of the format, and checks it finds
/// the chapters, the tables with repeating headers, A4 pages and the page-number footer.
///
/// The interpreter is `WENPING_PYTHON`, else `.venv-docs/bin/python` in the checkout (which `.ci/run` creates);
/// the test is skipped with a note when neither has python-docx, except under `.ci/run`.
struct PythonDocxTests {
    static let python: String? = {
        let candidates = [
            ProcessInfo.processInfo.environment["WENPING_PYTHON"], DocumentFixtures.root + "/.venv-docs/bin/python",
        ].compactMap { $0 }
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path)
                && (try? DocumentFixtures.run(path, ["-c", "import docx"]).status) == 0
        }
    }()

    struct Summary: Decodable {
        struct Table: Decodable {
            let header: [String]
            let rows: Int
            let repeatHeader: Bool
            let style: String?
        }
        let file: String
        let title: String
        let headings1: [String]
        let captions: [String]
        let tables: [Table]
        let pageWidthMm: Int
        let pageHeightMm: Int
        let footer: String
        let footerFields: [String]
        let differentFirstPage: Bool
        let header: String
        let styles: [String]
        let hasToc: Bool
        let hasChart: Bool
    }

    @Test(.enabled(if: python != nil || DocumentFixtures.toolsRequired, "python-docx 不可用,跳过(.ci/run 会安装)"))
    func pythonDocxFindsSectionsAndTablesInEveryFixture() throws {
        let python = try #require(Self.python, "no Python with python-docx although WENPING_REQUIRE_DOCUMENT_TOOLS=1")
        let folder = try DocumentFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [String] = []
        var models: [String: ReportModel] = [:]
        for project in DocumentFixtures.projects {
            let assessment = try DocumentFixtures.assess(project)
            let path = folder + "/" + (project as NSString).lastPathComponent + ".docx"
            try Data(try DocumentRenderer().docx(assessment)).write(to: URL(fileURLWithPath: path))
            files.append(path)
            models[path] = ReportModel(assessment)
        }
        let script = DocumentFixtures.root + "/Tests/WenpingDocumentsTests/check_docx.py"
        let result = try DocumentFixtures.run(python, [script] + files)
        try #require(result.status == 0, "\(result.output)")
        let summaries = try JSONDecoder().decode([Summary].self, from: Data(result.output.utf8))
        #expect(summaries.count == DocumentFixtures.projects.count)
        for summary in summaries {
            let model = try #require(models[summary.file])
            let applicable = model.factors.filter(\.isApplicable).count
            #expect(summary.headings1 == WordReportRenderer.chapterTitles, "\(summary.file)")
            #expect(summary.title == "\(model.project.name) 社会稳定风险评估报告")
            #expect((summary.pageWidthMm, summary.pageHeightMm) == (210, 297))
            #expect(summary.footer == "第 1 页 共 1 页" && summary.footerFields == ["PAGE", "NUMPAGES"])
            #expect(summary.differentFirstPage)
            #expect(summary.header.contains(model.project.name))
            #expect(summary.hasToc && summary.hasChart == (applicable > 0))
            for style in ["Normal", "Heading 1", "Heading 2", "Heading 3", "Caption", "表格"] {
                #expect(summary.styles.contains(style), "style \(style) missing")
            }
            // The notices open the report as one-cell boxes; every other table has a repeating header row.
            let banners = summary.tables.prefix(model.banners.count)
            #expect(zip(banners, model.banners).allSatisfy { $0.header.first?.hasPrefix($1.title) == true })
            let tables = summary.tables.dropFirst(model.banners.count)
            #expect(tables.allSatisfy { $0.repeatHeader && $0.style == "表格" }, "\(summary.file)")
            func table(_ first: String) -> Summary.Table? { tables.first { $0.header.first == first } }
            // Basics, facts, matrix, estimates, measures, after measures, sign-off, in this order.
            let order = ["项目", "事实", "概率 \\ 影响", "序号", "风险因素", "风险因素"] + (model.signOff.isEmpty ? [] : ["环节"])
            var remaining = tables.map { $0.header.first ?? "" }[...]
            for header in order {
                guard let found = remaining.firstIndex(of: header) else {
                    Issue.record("table \(header) missing or out of order in \(summary.file)")
                    break
                }
                remaining = remaining[(found + 1)...]
            }
            #expect(table("事实")?.rows == 1 + model.facts.count + model.derived.count)
            #expect(table("概率 \\ 影响")?.rows == 1 + model.ruleSet.probabilityScale.levels.count)
            #expect(table("序号")?.rows == 1 + applicable)
            #expect(table("序号")?.header.contains("发生阶段") == true)
            #expect(summary.captions.count == 6 + (applicable > 0 ? 1 : 0))
        }
    }
}
