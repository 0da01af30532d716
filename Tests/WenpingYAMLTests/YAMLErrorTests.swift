import Testing
import WenpingYAML

struct YAMLErrorTests {
    @Test func mappingValueInPlainScalarIsExplained() throws {
        let error = try #require(parseError("a: b: c\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == mark(1, 5, 4))
        #expect(
            error.message
                == "映射值在此处不允许（可能是冒号后缺少空格或缩进不对）；如果值里本来就有“: ”，请给整个值加引号"
                + "(libyaml:mapping values are not allowed in this context)")
        #expect(error.related == nil)
    }

    @Test func unterminatedQuotePointsBackToTheOpeningQuote() throws {
        let error = try #require(parseError("a: \"中x\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == mark(2, 1, 9))
        #expect(error.message == "文件在这里意外结束；请检查引号是否成对(libyaml:found unexpected end of stream)")
        #expect(error.related == mark(1, 4, 3))
        #expect(error.relatedMessage == "这段带引号的文字从这里开始")
    }

    @Test func reservedCharacterCannotStartAValue() throws {
        let error = try #require(parseError("k: @x\n"))
        #expect(error.mark == mark(1, 4, 3))
        #expect(
            error.message
                == "找到了不能开始任何记号的字符；如果它是文字的一部分（如 @、`、%、|、>），请给整个值加引号"
                + "(libyaml:found character that cannot start any token)")
    }

    @Test func badIndentationNamesTheMapping() throws {
        let error = try #require(parseError("a:\n  b: 1\n c: 2\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == mark(3, 2, 11))
        #expect(error.message.hasPrefix("这里应是映射的下一个键，却是别的内容；通常是缩进不对"))
        #expect(error.message.hasSuffix("(libyaml:did not find expected key)"))
        #expect(error.related == mark(1, 1, 0))
        #expect(error.relatedMessage == "这个映射从这里开始")
    }

    @Test func unclosedFlowSequence() throws {
        let error = try #require(parseError("a: [1, 2\n"))
        #expect(error.mark == mark(2, 1, 9))
        #expect(error.message.hasSuffix("(libyaml:did not find expected ',' or ']')"))
        #expect(error.related == mark(1, 4, 3))
        #expect(error.relatedMessage == "这个方括号列表从这里开始")
    }

    @Test func unknownEscapeInDoubleQuotes() throws {
        let error = try #require(parseError(#"path: "C:\temp\q""#))
        #expect(error.kind == .syntax)
        #expect(error.mark == mark(1, 15, 14))
        #expect(error.message.hasPrefix("双引号里有不认识的转义符“\\”"))
    }

    @Test func describesItselfAsLineColonColumn() {
        let error = YAMLError(kind: .depth, message: "嵌套太深", mark: mark(3, 7, 30))
        #expect(error.description == "3:7: 嵌套太深")
        #expect(error.kind.rawValue == "depth")
        #expect(error.related == nil)
    }
}
