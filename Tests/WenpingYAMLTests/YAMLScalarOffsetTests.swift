import Testing
import WenpingYAML

struct YAMLScalarOffsetTests {
    @Test func plainScalarOffsetsAreExact() throws {
        let when = try #require(scalar(parseRoot("when: a < 0.9\n"), "when"))
        #expect(when.hasExactOffsets)
        #expect(when.mark(atOffset: 0) == when.mark)
        #expect(when.mark(atOffset: 4) == mark(1, 11, 10))
    }

    @Test func chineseTextOffsetsCountScalarsAndBytes() throws {
        let condition = try #require(scalar(parseRoot("规则:\n  条件: 金额 > 100\n"), "规则", "条件"))
        #expect(condition.mark == mark(2, 7, 18))
        #expect(condition.mark(atOffset: 5) == mark(2, 12, 27))
    }

    @Test func flowMappingEmbeddedScalarOffsetsAreExact() throws {
        let when = try #require(scalar(parseRoot("rule: { when: a < 0.9, level: 3 }\n"), "rule", "when"))
        #expect(when.hasExactOffsets)
        #expect(when.mark(atOffset: 4) == mark(1, 19, 18))
        #expect(when.mark(atOffset: 6) == mark(1, 21, 20))
    }

    @Test(arguments: ["\"", "'"])
    func quotedScalarOffsetsStartAfterTheQuote(quote: String) throws {
        let when = try #require(scalar(parseRoot("when: \(quote)a < 0.9\(quote)\n"), "when"))
        #expect(when.mark == mark(1, 7, 6))
        #expect(when.hasExactOffsets)
        #expect(when.mark(atOffset: 0) == mark(1, 8, 7))
        #expect(when.mark(atOffset: 4) == mark(1, 12, 11))
    }

    @Test func tagsBeforeTheValueAreSkipped() throws {
        let when = try #require(scalar(parseRoot("when: !!str a < 0.9\nq: !!str \"x y\"\n"), "when"))
        #expect(when.mark == mark(1, 7, 6))
        #expect(when.mark(atOffset: 0) == mark(1, 13, 12))
        let quoted = try #require(scalar(parseRoot("q: !!str \"x y\"\n"), "q"))
        #expect(quoted.mark(atOffset: 2) == mark(1, 13, 12))
    }

    @Test(arguments: [#"when: "a\tb < 1""#, "when: 'it''s'", "when: \"a\nb\"", "when: a\n  b", "when: >\n  a\n  b"])
    func inexactScalarsFallBackToTheirStart(source: String) throws {
        let when = try #require(scalar(parseRoot(source), "when"))
        #expect(!when.hasExactOffsets)
        #expect(when.mark(atOffset: 3) == when.mark)
    }

    @Test func literalBlockOffsetsMapToSourceLines() throws {
        let expr = try #require(scalar(parseRoot("expr: |\n  a > 1\n    and 中b\n\n  c\n"), "expr"))
        #expect(expr.value == "a > 1\n  and 中b\n\nc\n")
        #expect(expr.hasExactOffsets)
        #expect(expr.mark(atOffset: 0) == mark(2, 3, 10))
        #expect(expr.mark(atOffset: 6) == mark(3, 3, 18))
        #expect(expr.mark(atOffset: 8) == mark(3, 5, 20))
        #expect(expr.mark(atOffset: 13) == mark(3, 10, 27))
        #expect(expr.mark(atOffset: 15) == mark(4, 3, 29))
        #expect(expr.mark(atOffset: 16) == mark(5, 3, 32))
        #expect(expr.mark(atOffset: 17) == mark(5, 4, 33))
    }

    @Test func literalBlockWithIndentationIndicatorAndLeadingBlankLine() throws {
        let text = try #require(scalar(parseRoot("- |2\n\n    x\n"), "0"))
        #expect(text.value == "\n  x\n")
        #expect(text.mark(atOffset: 1) == mark(3, 3, 8))
        #expect(text.mark(atOffset: 3) == mark(3, 5, 10))
    }

    @Test func literalBlockWithWindowsLineEnds() throws {
        let text = try #require(scalar(parseRoot("x: |\r\n  ab\r\n  c\r\n"), "x"))
        #expect(text.value == "ab\nc\n")
        #expect(text.mark(atOffset: 1) == mark(2, 4, 9))
        #expect(text.mark(atOffset: 3) == mark(3, 3, 14))
    }

    @Test func literalBlockKeepingTrailingLines() throws {
        let text = try #require(scalar(parseRoot("x: |+\n  a\n\ny: 1\n"), "x"))
        #expect(text.value == "a\n\n")
        #expect(text.hasExactOffsets)
        #expect(text.mark(atOffset: 0) == mark(2, 3, 8))
        #expect(text.mark(atOffset: 2) == mark(3, 3, 10))
    }

    @Test func offsetsClampToTheValue() throws {
        let when = try #require(scalar(parseRoot("when: abc\n"), "when"))
        #expect(when.mark(atOffset: -3) == mark(1, 7, 6))
        #expect(when.mark(atOffset: 3) == mark(1, 10, 9))
        #expect(when.mark(atOffset: 99) == mark(1, 10, 9))
        let block = try #require(scalar(parseRoot("b: |\n  xy\n"), "b"))
        #expect(block.mark(atOffset: 99) == mark(2, 5, 9))
    }

    @Test func handMadeScalarsAssumeNoEscapes() {
        let plain = YAMLNode.Scalar(value: "a+b", style: .plain, mark: mark(4, 3, 20), endMark: mark(4, 6, 23))
        #expect(plain.mark(atOffset: 2) == mark(4, 5, 22))
        let quoted = YAMLNode.Scalar(
            value: "a+b", style: .doubleQuoted, mark: mark(4, 3, 20), endMark: mark(4, 8, 25))
        #expect(quoted.mark(atOffset: 2) == mark(4, 6, 23))
        let folded = YAMLNode.Scalar(value: "a b", style: .folded, mark: mark(4, 3, 20), endMark: mark(6, 1, 30))
        #expect(!folded.hasExactOffsets)
    }
}
