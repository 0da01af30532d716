import Testing

@testable import Wenping

struct ParserTests {
    /// Parses and prints the tree fully parenthesized, to make precedence visible.
    private func shape(_ source: String) -> String? {
        let (syntax, issues) = Parser.parse(Lexer.tokenize(source).tokens)
        guard issues.isEmpty, let syntax else { return nil }
        return print(syntax)
    }

    private func print(_ syntax: Syntax) -> String {
        switch syntax.kind {
        case .number(let value): return value.literalText
        case .string(let text): return "\"\(text)\""
        case .boolean(let flag): return String(flag)
        case .name(let name): return name
        case .unary(.not, let operand): return "(not \(print(operand)))"
        case .unary(.negate, let operand): return "(-\(print(operand)))"
        case .binary(let op, let left, let right): return "(\(print(left)) \(op.spelling) \(print(right)))"
        case .membership(let subject, let elements, let negated):
            let list = elements.map(print).joined(separator: ", ")
            return "(\(print(subject)) \(negated ? "not in" : "in") [\(list)])"
        case .call(let name, _, let arguments): return "\(name)(\(arguments.map(print).joined(separator: ", ")))"
        }
    }

    @Test(arguments: [
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c", "((a and b) or c)"),
        ("not a and b", "((not a) and b)"),
        ("not a == b", "(not (a == b))"),
        ("not not a", "(not (not a))"),
        ("a + b * c < d", "((a + (b * c)) < d)"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b * c", "((a / b) * c)"),
        ("-a * b", "((-a) * b)"),
        ("- -a", "(-(-a))"),
        ("(a + b) * c", "((a + b) * c)"),
        ("x in [1, 2] and y not in [基本农田]", "((x in [1, 2]) and (y not in [基本农田]))"),
        ("not x in [1]", "(not (x in [1]))"),
        ("max(a, b + 1) >= 85%", "(max(a, (b + 1)) >= 0.85)"),
        ("present(x)", "present(x)"),
        ("补偿比 < 0.9", "(补偿比 < 0.9)"),
    ])
    func precedence(source: String, expected: String) {
        #expect(shape(source) == expected)
    }

    @Test func nodesCarryTheirRanges() throws {
        let syntax = try #require(Parser.parse(Lexer.tokenize("(a + b) < 3").tokens).syntax)
        #expect(syntax.range == 0..<11)
        guard case .binary(.less, let left, let right) = syntax.kind else {
            Issue.record("expected a comparison")
            return
        }
        #expect(left.range == 0..<7)
        #expect(right.range == 10..<11)
    }

    @Test(arguments: [
        ("", 0..<0, "表达式为空；请写出条件或计算式，如 households >= 300。"),
        ("a <", 3..<3, "表达式不完整：结尾缺少数值或名称。"),
        ("a < b < c", 6..<7, "比较不能连写（如 a < b < c）；请用“and”连接两个比较，如 a < b and b < c。"),
        ("a == b in [1]", 7..<9, "比较不能连写（如 a < b < c）；请用“and”连接两个比较，如 a < b and b < c。"),
        ("(a < b", 6..<6, "缺少右括号“)”；请检查括号是否成对。"),
        ("min(a, b", 8..<8, "调用“min”缺少右括号“)”；请检查括号是否成对。"),
        ("a b", 2..<3, "“b”前缺少运算符；两个部分之间是否漏写了“and”“or”或比较符号？"),
        ("[1, 2]", 0..<1, "列表只能写在“in”或“not in”的右边，如 land_type in [基本农田, 一般耕地]。"),
        ("a in b", 5..<6, "“in”的右边应是方括号括起的列表，如 [基本农田, 一般耕地]。"),
        ("a in []", 5..<7, "列表不能为空；请在方括号中列出至少一个值。"),
        ("a in [1 2]", 8..<9, "列表缺少右方括号“]”，或两个值之间缺少逗号“,”。"),
        ("a < )", 4..<5, "此处应是数值、名称或括号，却遇到了“)”。"),
    ])
    func reportsSyntaxErrors(source: String, range: ExpressionRange, message: String) {
        let (syntax, issues) = Parser.parse(Lexer.tokenize(source).tokens)
        #expect(syntax == nil)
        #expect(issues == [ExpressionIssue(code: .expressionSyntax, message: message, range: range)])
    }
}
