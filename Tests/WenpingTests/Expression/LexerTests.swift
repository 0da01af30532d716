import Testing

@testable import Wenping

struct LexerTests {
    private func kinds(_ source: String) -> [Token.Kind] {
        Lexer.tokenize(source).tokens.map(\.kind)
    }

    @Test func tokensCarryScalarRanges() {
        let (tokens, issues) = Lexer.tokenize("households >= 300")
        #expect(issues.isEmpty)
        #expect(
            tokens == [
                Token(kind: .identifier("households"), range: 0..<10),
                Token(kind: .greaterOrEqual, range: 11..<13),
                Token(kind: .number(300), range: 14..<17),
                Token(kind: .end, range: 17..<17),
            ])
    }

    @Test func chineseIdentifiersCountOneColumnPerCharacter() {
        let (tokens, _) = Lexer.tokenize("补偿比 < 0.9")
        #expect(tokens[0] == Token(kind: .identifier("补偿比"), range: 0..<3))
        #expect(tokens[1] == Token(kind: .less, range: 4..<5))
        #expect(tokens[2] == Token(kind: .number(0.9), range: 6..<9))
    }

    @Test(arguments: [("85%", 0.85), ("5%", 0.05), ("0.1%", 0.001), ("12", 12), ("0.85", 0.85), ("100%", 1)])
    func numberLiterals(source: String, value: Double) {
        #expect(kinds(source) == [.number(value), .end])
    }

    @Test func keywordsAndOperators() {
        #expect(
            kinds("not a and b or c in [1] == != < <= > >= + - * / ( ) ,") == [
                .keywordNot, .identifier("a"), .keywordAnd, .identifier("b"), .keywordOr, .identifier("c"),
                .keywordIn, .leftBracket, .number(1), .rightBracket, .equal, .notEqual, .less, .lessOrEqual,
                .greater, .greaterOrEqual, .plus, .minus, .star, .slash, .leftParen, .rightParen, .comma, .end,
            ])
        #expect(kinds("true false") == [.keywordTrue, .keywordFalse, .end])
    }

    @Test func minusIsNeverPartOfAName() {
        #expect(kinds("a-b") == [.identifier("a"), .minus, .identifier("b"), .end])
        #expect(kinds("_x1 名称2") == [.identifier("_x1"), .identifier("名称2"), .end])
    }

    @Test func stringLiterals() {
        let (tokens, issues) = Lexer.tokenize("\"已批准\"")
        #expect(issues.isEmpty)
        #expect(tokens[0] == Token(kind: .string("已批准"), range: 0..<5))
    }

    @Test(
        arguments: [
            ("a = 1", 2..<3, "单个“=”不是运算符；比较是否相等请用“==”。"),
            ("a && b", 2..<4, "“&&”不是运算符；表示“并且”请用“and”。"),
            ("a || b", 2..<4, "“||”不是运算符；表示“或者”请用“or”。"),
            ("!a", 0..<1, "“!”不是运算符；表示“非”请用“not”。"),
            ("f(a)", nil, nil),
            ("（a)", 0..<1, "“（”是全角字符；请改用半角的“(”。"),
            ("a ＜ 1", 2..<3, "“＜”是全角字符；请改用半角的“<”。"),
            ("a ＞ 1", 2..<3, "“＞”是全角字符；请改用半角的“>”。"),
            ("a ＝ 1", 2..<3, "“＝”是全角字符；请改用半角的“==”。"),
            ("min(a，b)", 5..<6, "“，”是全角字符；请改用半角的“,”。"),
            ("a == “x”", 5..<6, "““”是中文引号；字符串请用半角双引号 \" 括起来。"),
            ("a # b", 2..<3, "表达式中不能使用字符“#”；请删除它。"),
        ] as [(String, ExpressionRange?, String?)])
    func friendlyLexicalErrors(source: String, range: ExpressionRange?, message: String?) {
        let issues = Lexer.tokenize(source).issues
        if let range, let message {
            #expect(issues == [ExpressionIssue(code: .unexpectedCharacter, message: message, range: range)])
        } else {
            #expect(issues.isEmpty)
        }
    }

    @Test func fullWidthCharactersRecoverAsTheirHalfWidthForm() {
        let (tokens, issues) = Lexer.tokenize("（a）")
        #expect(issues.count == 2)
        #expect(tokens.map(\.kind) == [.leftParen, .identifier("a"), .rightParen, .end])
    }

    @Test func rejectsUnterminatedString() {
        let issues = Lexer.tokenize("a == \"已批准").issues
        #expect(
            issues == [
                ExpressionIssue(
                    code: .unterminatedString, message: "字符串缺少结束的双引号；请在文字末尾补上半角双引号 \"。",
                    range: 5..<9)
            ])
    }
}
