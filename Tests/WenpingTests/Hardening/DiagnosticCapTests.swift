import Foundation
import Testing

@testable import Wenping

/// Class 4 of issue 8: diagnostic output is bounded — per file, per expression, per quoted line and per batch
/// row — instead of growing with the square of the input.
struct DiagnosticCapTests {
    /// A one-line JSON project (about 130 KB) with 5,000 unknown facts.
    static func manyUnknownFacts() -> [UInt8] {
        let facts = (0..<5_000).map { "\"unknown_fact_\($0)\": \($0)" }.joined(separator: ", ")
        return Array(
            "{\"id\": \"P-1\", \"name\": \"x\", \"kind\": \"demo\", \"jurisdiction\": \"中国\", \"facts\": {\(facts)}}"
                .utf8)
    }

    @Test func fiveThousandUnknownFactsGiveABoundedReport() throws {
        let folder = try HardeningSupport.rulesFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loader = ProjectLoader(catalog: RuleSetCatalog(paths: [folder]))
        var output: ProjectLoader.Output?
        let seconds = HardeningSupport.seconds { output = loader.load(bytes: Self.manyUnknownFacts(), file: "p.json") }
        let diagnostics = try #require(output?.diagnostics)
        #expect(seconds < 3)
        #expect(diagnostics.count == DiagnosticBag.maximumPerFile + 1)
        let omitted = try #require(diagnostics.first { $0.code == .diagnosticsOmitted })
        #expect(omitted.message.contains("还有 4951 个问题未显示"), "\(omitted.message)")  // 5,000 + E404 − 50
        let text = DiagnosticFormatter(sources: output?.source.map { ["p.json": $0] } ?? [:]).format(diagnostics)
        #expect(text.utf8.count < 60_000, "\(text.utf8.count) bytes")
        #expect(text.hasSuffix("请先改正列出的问题，再重新检查\n"), "the count comes last")
        let row = BatchProcessor.issue(diagnostics, source: output?.source, file: "p.json", lineOffset: 6)
        #expect(row.message.unicodeScalars.count <= BatchProcessor.maximumMessageLength + 20)
        #expect(row.message.contains("另有 45 个问题未在此列出"), "\(row.message)")
        #expect(row.line == 7)
    }

    @Test func longLinesAreQuotedAsAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 50_000) + "BAD" + String(repeating: "b", count: 50_000)
        let source = SourceText(file: "x.yaml", text: "first\n" + line + "\n")
        let diagnostic = Diagnostic.error(
            .yamlSyntax, "坏", at: SourceLocation(file: "x.yaml", line: 2, column: 50_001), length: 3)
        let text = DiagnosticFormatter(sources: ["x.yaml": source]).format([diagnostic])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("   2 | …a") && lines[1].hasSuffix("b…"))
        #expect(lines[1].unicodeScalars.count < DiagnosticFormatter.excerptWidth + 12)
        // The caret is under "BAD".
        let quoted = Array(lines[1].unicodeScalars)
        let caret = Array(lines[2].unicodeScalars)
        let at = caret.firstIndex(of: "^")!
        #expect(String(String.UnicodeScalarView(quoted[at..<at + 3])) == "BAD")
    }

    @Test func quotedUserTextInMessagesIsClipped() {
        let long = String(repeating: "值", count: 100_000)
        let diagnostic = Diagnostic.error(
            .factType, "事实“x”应是整数，这里是“\(long)”", at: SourceLocation(file: "f", line: 1, column: 1))
        #expect(diagnostic.message.count < 200)
        #expect(diagnostic.message.contains("…（共 100000 个字符）…"))
        #expect(diagnostic.message.hasPrefix("事实“x”应是整数，这里是“值值"))
    }

    @Test func oneExpressionReportsAtMostFiveErrors() {
        let (_, diagnostics) = ExpressionFixtures.compile(String(repeating: "§ ", count: 500))
        #expect(diagnostics.count == ExpressionLimits.maximumIssues + 1)
        #expect(diagnostics.last?.code == .diagnosticsOmitted)
        #expect(diagnostics.last?.message.contains("还有 495 个错误未显示") == true)
    }

    @Test func controlCharactersInDiagnosticsAreShownAsSymbols() {
        let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\r全部通过\u{0}\u{8}\u{202E}"
        let source = SourceText(file: "x.yaml", text: "name: \(hostile)\n")
        let diagnostic = Diagnostic.error(
            .unknownField, "没有“\(hostile)”这个字段", at: SourceLocation(file: "x.yaml", line: 1, column: 7), length: 2)
        let text = DiagnosticFormatter(sources: ["x.yaml": source]).format([diagnostic])
        for scalar in text.unicodeScalars where scalar != "\n" {
            #expect(!VisibleText.needsReplacing(scalar, keepingNewlines: false), "U+\(String(scalar.value, radix: 16))")
        }
        #expect(text.contains("␛]0;owned␇␛[2J␍全部通过␀␈�"))
    }
}
