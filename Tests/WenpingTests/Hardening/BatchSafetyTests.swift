import Foundation
import Testing

@testable import Wenping

/// Classes 7–11 of issue 8: a batch reads nothing outside its input folders, refuses unusable output folders,
/// and no text from an input reaches a summary, a report or the terminal as a formula, a control sequence or
/// Markdown markup.
struct BatchSafetyTests {
    /// A project YAML with the given name and id.
    static func project(id: String, name: String) -> String {
        """
        id: '\(id.replacingOccurrences(of: "'", with: "''"))'
        name: '\(name.replacingOccurrences(of: "'", with: "''"))'
        kind: demo
        jurisdiction: 中国
        facts: { households: 10, ratio: 0.5 }

        """
    }

    @Test func folderInputsDoNotFollowLinksOutOfTheFolder() throws {
        let rules = try HardeningSupport.rulesFolder()
        let work = try HardeningSupport.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: rules)
            try? FileManager.default.removeItem(atPath: work)
        }
        let inputs = work + "/in"
        let outside = work + "/outside"
        try FileManager.default.createDirectory(atPath: inputs + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "secret: root:x:0:0:SECRET-LINE\n".write(
            toFile: outside + "/secret.yaml", atomically: true, encoding: .utf8)
        try Self.project(id: "P-1", name: "好项目").write(toFile: inputs + "/a.yaml", atomically: true, encoding: .utf8)
        let links = [
            (inputs + "/passwd.yaml", "/etc/passwd"), (inputs + "/secret.yaml", outside + "/secret.yaml"),
            (inputs + "/sub/up.yaml", "../../outside/secret.yaml"), (inputs + "/linked", outside),
            (inputs + "/inside.yaml", "a.yaml"),
        ]
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        }
        let output = work + "/out"
        let runner = BatchRunner(
            catalog: RuleSetCatalog(paths: [rules]), options: .init(output: output, formats: [.json], jobs: 2))
        let summary = try runner.run([inputs])
        let texts = try ["summary.csv", "summary.json", "index.html"].map {
            try String(contentsOfFile: output + "/" + $0, encoding: .utf8)
        }
        for text in texts {
            #expect(!text.contains("SECRET-LINE") && !text.contains("root:x:0"))
        }
        #expect(texts[0].contains("[E115]"))
        // a.yaml is graded; inside.yaml (a link within the folder) is read and is a duplicate id; the three
        // links out (passwd, secret, sub/up) are E115; a linked folder is not walked into, or its files are E115.
        #expect(summary.graded == 1)
        #expect(texts[0].components(separatedBy: "[E115]").count - 1 >= 3)
    }

    @Test func unusableOutputFoldersAreRefused() throws {
        let work = try HardeningSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let inputs = work + "/in"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        #expect(BatchRunner.outputProblem("", inputs: [inputs])?.contains("不能为空") == true)
        #expect(BatchRunner.outputProblem("  ", inputs: [inputs])?.contains("不能为空") == true)
        #expect(BatchRunner.outputProblem("/", inputs: [inputs])?.contains("根目录") == true)
        #expect(BatchRunner.outputProblem("/tmp/../", inputs: [inputs])?.contains("根目录") == true)
        #expect(BatchRunner.outputProblem(inputs, inputs: [inputs])?.contains("就是输入目录") == true)
        #expect(BatchRunner.outputProblem(inputs + "/", inputs: [inputs])?.contains("就是输入目录") == true)
        #expect(BatchRunner.outputProblem(work, inputs: [inputs])?.contains("包含输入目录") == true)
        #expect(BatchRunner.outputProblem(inputs + "/out", inputs: [inputs]) == nil)
        #expect(BatchRunner.outputProblem(work + "/out", inputs: [inputs]) == nil)
        let runner = BatchRunner(catalog: RuleSetCatalog(ruleSets: []), options: .init(output: ""))
        #expect(throws: FileSystem.Failure.self) { _ = try runner.run([inputs]) }
    }

    /// Every leading character a spreadsheet reads as a formula, in ASCII and full width.
    @Test(arguments: [
        "=1+1", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\r=1", "＝1+1", "＋1", "－1+1", "＠SUM(A1)",
        "-1e3", "- 1",
    ])
    func formulaCellsAreNeutralised(_ text: String) {
        let field = SummaryCSV.field(text)
        let unquoted = field.hasPrefix("\"") ? String(field.dropFirst()) : field
        let first = unquoted.unicodeScalars.first!
        #expect(first == "'" || !SummaryCSV.formulaStarts.contains(first), "\(field)")
    }

    @Test(arguments: ["-0.5", "-12", "0.157", "abc", "项目"])
    func plainCellsAreLeftAlone(_ text: String) {
        #expect(SummaryCSV.field(text) == text)
    }

    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\r全部通过\u{0}\u{8}\u{9B}31m\u{202E}"

    @Test func controlCharactersNeverLeaveTheProgram() {
        let csv = SummaryCSV.field(Self.hostile)
        let html = HTML.escape(Self.hostile)
        let markdown = MarkdownReportRenderer.cell(Self.hostile)
        for text in [csv, html, markdown, VisibleText.visible(Self.hostile)] {
            #expect(!text.unicodeScalars.contains { VisibleText.needsReplacing($0, keepingNewlines: true) }, "\(text)")
            #expect(text.contains("pwned␇␛"))
        }
    }

    @Test func markdownMarkupInProjectFieldsIsInert() {
        let cell = MarkdownReportRenderer.cell("[点此核验](http://evil.example) ![x](http://evil.example/a.png) 结尾\\")
        #expect(!cell.contains("](") || cell.contains("\\](") || cell.contains("\\]("))
        #expect(cell.contains("\\[点此核验\\](http://evil.example)"))
        #expect(cell.contains("!\\[x\\]"))
        #expect(cell.hasSuffix("结尾\\\\"), "a trailing backslash cannot escape the cell's closing pipe")
        #expect(MarkdownReportRenderer.cell("a|b") == "a\\|b")
    }

    @Test func hostileProjectFieldsInEveryReportAndSummary() throws {
        let rules = try HardeningSupport.rulesFolder()
        let work = try HardeningSupport.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: rules)
            try? FileManager.default.removeItem(atPath: work)
        }
        // YAML refuses raw control characters, but its double-quoted escapes make them.
        let name = #"=HYPERLINK(\"http://x\")\e]0;pwned\a\e[2J\r全部通过\0\b\x9B31m\u202E[链接](http://evil.example)\\"#
        let project = "id: '-2+3+cmd'\nname: \"\(name)\"\nkind: demo\njurisdiction: 中国\nfacts: { households: 10 }\n"
        try project.write(toFile: work + "/p.yaml", atomically: true, encoding: .utf8)
        let output = work + "/out"
        let runner = BatchRunner(
            catalog: RuleSetCatalog(paths: [rules]), options: .init(output: output, formats: ReportFormat.allCases))
        let summary = try runner.run([work + "/p.yaml"])
        #expect(summary.graded == 1)
        for file in try FileManager.default.subpathsOfDirectory(atPath: output) where file.contains(".") {
            let text = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            #expect(
                !text.unicodeScalars.contains { VisibleText.needsReplacing($0, keepingNewlines: true) && $0 != "\r" },
                "\(file): \(text.unicodeScalars.filter { VisibleText.needsReplacing($0, keepingNewlines: true) }.map { $0.value })"
            )
            #expect(!text.contains("\u{1B}"), "\(file)")
        }
        let csv = try String(contentsOfFile: output + "/summary.csv", encoding: .utf8)
        #expect(csv.contains(",'-2+3+cmd,"))
        #expect(csv.contains("\"'=HYPERLINK("))
        let markdown = try String(contentsOfFile: output + "/reports/-2_3_cmd.md", encoding: .utf8)
        #expect(!markdown.contains("[链接](http"))
    }
}
