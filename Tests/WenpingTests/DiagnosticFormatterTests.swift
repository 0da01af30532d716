import Testing

@testable import Wenping

struct DiagnosticFormatterTests {
    @Test func rendersLocationCodeLineAndCaret() {
        let source = SourceText(file: "r.yaml", text: "id: x\n    wieght: 0.2\n")
        let diagnostic = Diagnostic.error(
            .unknownField, "未知字段“wieght”", at: SourceLocation(file: "r.yaml", line: 2, column: 5), length: 6)
        let text = DiagnosticFormatter(sources: ["r.yaml": source]).format(diagnostic)
        #expect(
            text == """
                r.yaml:2:5: error[E202]: 未知字段“wieght”
                   2 |     wieght: 0.2
                     |     ^~~~~~

                """)
    }

    @Test func caretAlignsUnderWideCharacters() {
        let source = SourceText(file: "r.yaml", text: "label: 补偿 x\n")
        let diagnostic = Diagnostic.warning(.inputUnused, "m", at: SourceLocation(file: "r.yaml", line: 1, column: 11))
        let text = DiagnosticFormatter(sources: ["r.yaml": source]).format(diagnostic)
        #expect(text.hasSuffix("    | " + String(repeating: " ", count: 12) + "^\n"))
    }
}
