import Foundation
import Testing

@testable import Wenping

/// The three summary files of a small fixed batch, as golden files, and their escaping.
struct BatchSummaryTests {
    static let root = FixtureTests.root

    /// The summary files of the fixture batch (a JSON Lines file, a CSV file and an invalid project file), with
    /// the checkout path removed so the golden files do not depend on where the repository is.
    static let files: [String: String] = {
        let output = BatchRunnerTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let inputs = BatchRunnerTests.batch + [root + "/Fixtures/projects/invalid/typo-fact.yaml"]
        let runner = BatchRunner(
            catalog: FixtureTests.catalog, options: .init(output: output, formats: [.json, .markdown], jobs: 2))
        _ = try? runner.run(inputs)
        var files: [String: String] = [:]
        for name in ["summary.csv", "summary.json", "index.html"] {
            // Decoded by hand: Foundation's String(contentsOfFile:) would drop the byte order mark.
            let data = FileManager.default.contents(atPath: output + "/" + name) ?? Data()
            files[name] = String(decoding: data, as: UTF8.self).replacingOccurrences(of: root + "/", with: "")
        }
        return files
    }()

    @Test(arguments: ["summary.csv", "summary.json", "index.html"])
    func summaryFileMatchesGoldenFile(_ name: String) throws {
        // The golden file is read back without its byte order mark, so compare without it (checked below).
        let text = try #require(Self.files[name])
        try assertSnapshot(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, named: "batch-" + name)
    }

    /// The one-pass check that a cell needs no change agrees with the full escaping on every kind of text.
    @Test func plainCellsAreLeftAsTheFullEscapingWouldLeaveThem() {
        let pieces = [
            "", "a", " ", "GEN-1", "生成项目 0", "中国/陕西省", "0.211", "-0.5", "=1+2", "+x", "@a", "-", "a,b", "say \"x\"",
            "a\nb", "a\r", "\tx", "x\t", " lead", "trail ", "＝SUM(A1)", "＋", "－1", "＠", "“引号”", "；", "、",
            "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{202E}", "\u{2066}", "\u{200E}", "\u{061C}", "\u{2028}",
            "e\u{301}", " \u{301}", "😀", "\u{1B}[31m", "Ａ", "‘", "—",
        ]
        for first in pieces {
            for second in ["", "x", " ", "中"] {
                for text in [first + second, second + first] {
                    #expect(
                        SummaryCSV.field(text) == SummaryCSV.escapedField(text),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
    }

    /// The row as bytes (what the batch writes) is the row as text, cell by cell, plain or escaped.
    @Test func csvLineBytesAreTheLineText() {
        let cells = [
            "", "a", " lead", "=1+2", "-0.5", "生成项目 0", "a,b", "say \"x\"", "a\nb", "\u{202E}x", "＝SUM(A1)", "e\u{301}",
            "😀", "\u{1B}[31m", "trail ",
        ]
        for count in [0, 1, 2, cells.count] {
            for start in 0..<cells.count {
                let row = (0..<count).map { cells[($0 + start) % cells.count] }
                #expect(SummaryCSV.lineBytes(row) == Array(SummaryCSV.line(row).utf8), "\(row)")
            }
        }
    }

    @Test func summaryCSVStartsWithAByteOrderMarkAndUsesCRLF() throws {
        let text = try #require(Self.files["summary.csv"])
        #expect(text.hasPrefix("\u{FEFF}序号,项目编号,项目名称,"))
        #expect(text.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func summaryJSONParsesAndItsCountsAddUp() throws {
        let text = try #require(Self.files["summary.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "wenping/batch-summary/1")
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts == ["total": 10, "graded": 5, "invalid": 5, "incomplete": 0])
        #expect((object["rows"] as? [Any])?.count == 10)
        let after = try #require(object["grades_after"] as? [String: Int])
        #expect(after.values.reduce(0, +) == 5)
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"x\"", "\"say \"\"x\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1", "'+1"), ("@x", "'@x"), ("-x", "'-x"), ("-1", "-1"),
        (" pad", "\" pad\""),
    ])
    func csvFieldsAreQuotedAndFormulasDefused(_ text: String, _ field: String) {
        #expect(SummaryCSV.field(text) == field)
    }

    @Test func projectTextIsEscapedInTheIndex() {
        let row = BatchRow(
            sequence: 1, file: "x.csv", line: 2, id: "<b>", name: "<script>alert('x')</script>", kind: "k&k",
            jurisdiction: "\"j\"", grading: nil, reports: [],
            issue: .error("坏的 <tag>", file: "x.csv", line: 2))
        let html = SummaryHTML.row(row)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<td class=\"id\">&lt;b&gt;</td>"))
        #expect(html.contains("<td>k&amp;k</td>"))
        #expect(html.contains("坏的 &lt;tag&gt;"))
    }

    /// A long diagnostic wraps in the index (the message) while the source lines it quotes keep their columns in
    /// a box of their own; nothing in the page may force it wider than the window (checked in a browser by
    /// Tests/Browser/test_batch_index.py).
    @Test func anErrorWrapsItsMessageAndBoxesItsQuotedSource() {
        let message = """
            in.jsonl:5:9: error[E202]: 项目文件中没有“colour”这个字段。可用的字段:id、name、kind、<facts>
               5 | {"id": "X", "colour": "红"}
                 |             ^~~~~~~~
            note: 另见 | 说明
            """
        #expect(
            SummaryHTML.error(message)
                == "<div class=\"message\">in.jsonl:5:9: error[E202]: 项目文件中没有“colour”这个字段。可用的字段:id、name、kind、"
                + "&lt;facts&gt;</div><pre class=\"excerpt\">   5 | {&quot;id&quot;: &quot;X&quot;, &quot;colour&quot;: "
                + "&quot;<span class=\"w\">红</span>&quot;}\n     |             ^~~~~~~~</pre>"
                + "<div class=\"message\">note: 另见 | 说明</div>")
        #expect(SummaryHTML.error("plain") == "<div class=\"message\">plain</div>")
        #expect(SummaryHTML.isExcerptLine("  12 | x") && SummaryHTML.isExcerptLine("     |"))
        #expect(!SummaryHTML.isExcerptLine("| x") && !SummaryHTML.isExcerptLine("12 |x"))
        // The page's CSS: no header or id is kept on one line, the chart shrinks, and a phone gets cards.
        #expect(!SummaryHTML.style.contains("nowrap"))
        #expect(SummaryHTML.style.contains("svg.chart { max-width: 100%"))
        #expect(SummaryHTML.style.contains("td:nth-child(13)::before { content: \"错误\"; }"))
    }

    /// The caret line counts a Chinese character as two columns (``DiagnosticFormatter/cellWidth(of:)``); in the
    /// index each character outside ASCII of the quoted line is a box of exactly that many character widths, so
    /// the caret stands under what it points at whatever font draws the Chinese (checked in a browser by
    /// Tests/Browser/test_batch_index.py).
    @Test func quotedChineseTakesTheColumnsTheCaretLineCounts() {
        let line = "facts: {purpose: 公共事业, note: “无”…, households: 很多户}"
        let source = SourceText(file: "p.yaml", text: line + "\n")
        let column = line.unicodeScalars.firstIndex(of: "很").map { line.unicodeScalars[..<$0].count + 1 } ?? 0
        let excerpt = DiagnosticFormatter(sources: ["p.yaml": source]).excerpt(
            at: SourceLocation(file: "p.yaml", line: 1, column: column), length: 3)
        let html = SummaryHTML.error(excerpt)
        #expect(html.contains("<span class=\"w\">公</span><span class=\"w\">共</span>"))
        #expect(html.contains("<span class=\"n\">“</span><span class=\"w\">无</span><span class=\"n\">”</span>"))
        #expect(html.contains("<span class=\"n\">…</span>"))
        // Columns of the quoted line before 很, counting a box as its width: where the caret line puts `^`.
        let quoted = html.split(separator: "\n")[0]
        let before = quoted[..<quoted.range(of: "<span class=\"w\">很")!.lowerBound]
        let columns =
            before.replacingOccurrences(of: "<pre class=\"excerpt\">", with: "")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: #"<span class="w">.</span>"#, with: "ww", options: .regularExpression)
            .replacingOccurrences(of: #"<span class="n">.</span>"#, with: "n", options: .regularExpression).count
        let caretLine = html.split(separator: "\n")[1]
        #expect(caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) } == columns)
        #expect(caretLine.contains("|" + String(repeating: " ", count: columns - 6) + "^~~~~~</pre>"))
        #expect(SummaryHTML.style.contains("td.error pre.excerpt span.w { width: 2ch; }"))
    }

    @Test func theChartHasOneBarPerGradeScaledToTheLargest() {
        let svg = SummaryHTML.chart([("低", 2), ("中", 0), ("高", 4)])
        #expect(svg.components(separatedBy: "<rect ").count == 4)
        #expect(svg.contains("width=\"400\" height=\"28\"/><text x=\"468\" y=\"111\">4(66%)</text>"))
        #expect(svg.contains("width=\"200\""))
        #expect(svg.contains("width=\"0\""))
    }
}
