/// Builds a ``Syntax`` tree from tokens by recursive descent; ``Grammar.md`` is its specification.
///
/// Precedence, lowest first: `or`, `and`, prefix `not`, comparisons and `in` / `not in` (non-associative),
/// `+ -`, `* /`, prefix `-`, then calls, parentheses and literals. Lists appear only on the right of `in`. The
/// parser stops at the first syntax error (E303), reported in ``issues``.
struct Parser {
    private let tokens: [Token]
    private var index = 0
    /// How many nesting constructs (parentheses, calls, lists, `not`, `-`) enclose the current position.
    private var nesting = 0
    private(set) var issues: [ExpressionIssue] = []

    /// Creates a parser over tokens that end with ``Token/Kind/end`` (as ``Lexer/tokenize(_:)`` returns them).
    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole expression; nil after reporting a syntax error.
    static func parse(_ tokens: [Token]) -> (syntax: Syntax?, issues: [ExpressionIssue]) {
        var parser = Parser(tokens: tokens)
        let syntax = parser.parseExpression()
        return (syntax, parser.issues)
    }

    private struct SyntaxError: Error {}

    private mutating func parseExpression() -> Syntax? {
        if current.kind == .end {
            fail("表达式为空；请写出条件或计算式，如 households >= 300。", at: current.range)
            return nil
        }
        do {
            let syntax = try binary(minimum: 1)
            if current.kind != .end {
                fail("“\(current.spelling)”前缺少运算符；两个部分之间是否漏写了“and”“or”或比较符号？", at: current.range)
                return nil
            }
            return syntax
        } catch {
            return nil
        }
    }

    /// Parses operators whose precedence is at least `minimum` (precedence climbing).
    private mutating func binary(minimum: Int) throws(SyntaxError) -> Syntax {
        var left = try minimum <= 3 ? prefixNot() : unary()
        while true {
            if minimum <= 4, let negated = membershipAhead() {
                left = try limited(membership(left, negated: negated))
                try rejectChainedComparison()
                continue
            }
            guard let op = binaryOperator(current.kind), op.precedence >= minimum else { return left }
            advance()
            let right = try binary(minimum: op.isComparison ? 5 : op.precedence + 1)
            left = try limited(
                Syntax(kind: .binary(op, left, right), range: left.range.lowerBound..<right.range.upperBound))
            if op.isComparison { try rejectChainedComparison() }
        }
    }

    /// `not` binds looser than comparisons: `not a == b` is `not (a == b)`.
    private mutating func prefixNot() throws(SyntaxError) -> Syntax {
        guard current.kind == .keywordNot else { return try binary(minimum: 4) }
        let start = current.range.lowerBound
        try enter()
        defer { nesting -= 1 }
        advance()
        let operand = try prefixNot()
        return try limited(Syntax(kind: .unary(.not, operand), range: start..<operand.range.upperBound))
    }

    private mutating func unary() throws(SyntaxError) -> Syntax {
        guard current.kind == .minus else { return try primary() }
        let start = current.range.lowerBound
        try enter()
        defer { nesting -= 1 }
        advance()
        let operand = try unary()
        return try limited(Syntax(kind: .unary(.negate, operand), range: start..<operand.range.upperBound))
    }

    private mutating func primary() throws(SyntaxError) -> Syntax {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return Syntax(kind: .number(value), range: token.range)
        case .string(let text):
            advance()
            return Syntax(kind: .string(text), range: token.range)
        case .keywordTrue, .keywordFalse:
            advance()
            return Syntax(kind: .boolean(token.kind == .keywordTrue), range: token.range)
        case .identifier(let name):
            advance()
            guard current.kind == .leftParen else { return Syntax(kind: .name(name), range: token.range) }
            try enter()
            defer { nesting -= 1 }
            advance()
            var arguments: [Syntax] = []
            if current.kind != .rightParen {
                repeat { arguments.append(try binary(minimum: 1)) } while accept(.comma)
            }
            let close = try expect(.rightParen, "调用“\(name)”缺少右括号“)”；请检查括号是否成对。")
            return try limited(
                Syntax(
                    kind: .call(name, nameRange: token.range, arguments: arguments),
                    range: token.range.lowerBound..<close.upperBound))
        case .leftParen:
            try enter()
            defer { nesting -= 1 }
            advance()
            let inner = try binary(minimum: 1)
            let close = try expect(.rightParen, "缺少右括号“)”；请检查括号是否成对。")
            return Syntax(kind: inner.kind, range: token.range.lowerBound..<close.upperBound)
        case .leftBracket:
            throw fail("列表只能写在“in”或“not in”的右边，如 land_type in [基本农田, 一般耕地]。", at: token.range)
        case .end:
            throw fail("表达式不完整：结尾缺少数值或名称。", at: token.range)
        default:
            throw fail("此处应是数值、名称或括号，却遇到了“\(token.spelling)”。", at: token.range)
        }
    }

    /// `in` → false, `not in` → true, anything else → nil (without consuming).
    private func membershipAhead() -> Bool? {
        if current.kind == .keywordIn { return false }
        if current.kind == .keywordNot, index + 1 < tokens.count, tokens[index + 1].kind == .keywordIn { return true }
        return nil
    }

    private mutating func membership(_ subject: Syntax, negated: Bool) throws(SyntaxError) -> Syntax {
        let keyword = negated ? "not in" : "in"
        advance()
        if negated { advance() }
        guard current.kind == .leftBracket else {
            throw fail("“\(keyword)”的右边应是方括号括起的列表，如 [基本农田, 一般耕地]。", at: current.range)
        }
        let open = current.range
        try enter()
        defer { nesting -= 1 }
        advance()
        if current.kind == .rightBracket {
            throw fail("列表不能为空；请在方括号中列出至少一个值。", at: open.lowerBound..<current.range.upperBound)
        }
        var elements: [Syntax] = []
        repeat { elements.append(try binary(minimum: 5)) } while accept(.comma)
        let close = try expect(.rightBracket, "列表缺少右方括号“]”，或两个值之间缺少逗号“,”。")
        return Syntax(
            kind: .membership(subject, elements, negated: negated),
            range: subject.range.lowerBound..<close.upperBound)
    }

    private mutating func rejectChainedComparison() throws(SyntaxError) {
        let isComparison = binaryOperator(current.kind)?.isComparison == true || membershipAhead() != nil
        guard isComparison else { return }
        throw fail("比较不能连写（如 a < b < c）；请用“and”连接两个比较，如 a < b and b < c。", at: current.range)
    }

    /// Enters one more level of nesting, failing (E312) at the current token beyond
    /// ``ExpressionLimits/maximumDepth``, before the recursion could get deep enough to exhaust the stack.
    private mutating func enter() throws(SyntaxError) {
        nesting += 1
        if nesting > ExpressionLimits.maximumDepth { throw tooDeep(at: current.range) }
    }

    /// `node`, or E312 when its tree is deeper than ``ExpressionLimits/maximumDepth`` (long operator chains).
    private mutating func limited(_ node: Syntax) throws(SyntaxError) -> Syntax {
        guard node.depth > ExpressionLimits.maximumDepth else { return node }
        throw tooDeep(at: node.range.upperBound - 1..<node.range.upperBound)
    }

    private mutating func tooDeep(at range: ExpressionRange) -> SyntaxError {
        issues.append(
            ExpressionIssue(
                code: .expressionTooDeep,
                message:
                    "表达式嵌套太深（超过 \(ExpressionLimits.maximumDepth) 层括号、函数调用或连续的运算）；请把其中一部分写成派生值（derived），再在这里引用它。",
                range: range))
        return SyntaxError()
    }

    private func binaryOperator(_ kind: Token.Kind) -> BinaryOperator? {
        switch kind {
        case .keywordOr: return .or
        case .keywordAnd: return .and
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        case .plus: return .add
        case .minus: return .subtract
        case .star: return .multiply
        case .slash: return .divide
        default: return nil
        }
    }

    private var current: Token { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func accept(_ kind: Token.Kind) -> Bool {
        guard current.kind == kind else { return false }
        advance()
        return true
    }

    private mutating func expect(_ kind: Token.Kind, _ message: String) throws(SyntaxError) -> ExpressionRange {
        let range = current.range
        guard accept(kind) else { throw fail(message, at: range) }
        return range
    }

    @discardableResult
    private mutating func fail(_ message: String, at range: ExpressionRange) -> SyntaxError {
        issues.append(ExpressionIssue(code: .expressionSyntax, message: message, range: range))
        return SyntaxError()
    }
}
