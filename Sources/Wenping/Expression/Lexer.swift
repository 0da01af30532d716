/// Splits an expression into tokens, a cursor over the text's Unicode scalars.
///
/// Offsets are 0-based scalar indexes (see ``ExpressionRange``). Names are letters of any script (so Chinese
/// names work), digits and `_`, not starting with a digit; ASCII `-` is always minus. When a character is a
/// common slip (full-width punctuation, a single `=`, `&&`), the lexer reports it with the fix and goes on as if
/// the intended character had been written, so one pass finds every lexical problem. The token list always ends
/// with ``Token/Kind/end``.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var issues: [ExpressionIssue] = []

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Lexes the whole text.
    static func tokenize(_ source: String) -> (tokens: [Token], issues: [ExpressionIssue]) {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { return (tokens, lexer.issues) }
        }
    }

    /// Full-width forms people type with a Chinese input method, and the ASCII character to use instead.
    private static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [
        "、": ",", "【": "[", "】": "]", "《": "<", "》": ">",
    ]

    /// The next token; ``Token/Kind/end`` once the text is used up.
    ///
    /// A loop, not a recursion, over characters it skips, so any run of bad characters takes constant stack.
    mutating func next() -> Token {
        while true {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
            let start = position
            guard position < scalars.count else { return Token(kind: .end, range: start..<start) }
            let scalar = scalars[position]
            position += 1
            if scalar.isASCIIDigit { return number(from: start) }
            if scalar.isNameStart { return identifier(from: start) }
            if let kind = punctuation(scalar, at: start) { return Token(kind: kind, range: start..<position) }
            if scalar == "\"" { return string(from: start, closing: ["\""]) }
            if scalar == "\u{201C}" || scalar == "\u{201D}" {
                report(.unexpectedCharacter, "“\(scalar)”是中文引号；字符串请用半角双引号 \" 括起来。", start..<position)
                return string(from: start, closing: ["\"", "\u{201D}"])
            }
            if let ascii = Self.halfWidth(of: scalar) {
                let replacement = ascii == "=" ? "==" : String(ascii)
                report(.unexpectedCharacter, "“\(scalar)”是全角字符；请改用半角的“\(replacement)”。", start..<position)
                if ascii.isASCIIDigit { return number(from: start, firstValue: ascii) }
                if ascii == "=" { return Token(kind: .equal, range: start..<position) }
                if !"!&|".unicodeScalars.contains(ascii), let kind = punctuation(ascii, at: start) {
                    return Token(kind: kind, range: start..<position)
                }
                continue
            }
            report(.unexpectedCharacter, "表达式中不能使用字符“\(Self.visible(scalar))”；请删除它。", start..<position)
        }
    }

    /// A scalar as it can be shown in a message: control and invisible characters as `U+001B`.
    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default:
            return String(scalar)
        }
    }

    /// The ASCII character a full-width or Chinese punctuation character stands for, if any.
    private static func halfWidth(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if (0xFF01...0xFF5E).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0) }
        return fullWidth[scalar]
    }

    private mutating func punctuation(_ scalar: Unicode.Scalar, at start: Int) -> Token.Kind? {
        switch scalar {
        case "(": return .leftParen
        case ")": return .rightParen
        case "[": return .leftBracket
        case "]": return .rightBracket
        case ",": return .comma
        case "+": return .plus
        case "-": return .minus
        case "*": return .star
        case "/": return .slash
        case "<": return accept("=") ? .lessOrEqual : .less
        case ">": return accept("=") ? .greaterOrEqual : .greater
        case "=":
            if accept("=") { return .equal }
            report(.unexpectedCharacter, "单个“=”不是运算符；比较是否相等请用“==”。", start..<position)
            return .equal
        case "!":
            if accept("=") { return .notEqual }
            report(.unexpectedCharacter, "“!”不是运算符；表示“非”请用“not”。", start..<position)
            return .keywordNot
        case "&":
            _ = accept("&")
            report(.unexpectedCharacter, "“\(text(start..<position))”不是运算符；表示“并且”请用“and”。", start..<position)
            return .keywordAnd
        case "|":
            _ = accept("|")
            report(.unexpectedCharacter, "“\(text(start..<position))”不是运算符；表示“或者”请用“or”。", start..<position)
            return .keywordOr
        default: return nil
        }
    }

    /// Lexes digits, an optional fraction and an optional `%`; the first digit is already consumed.
    private mutating func number(from start: Int, firstValue: Unicode.Scalar? = nil) -> Token {
        var digits = String(firstValue ?? scalars[start])
        while let scalar = peek(), scalar.isASCIIDigit {
            digits.unicodeScalars.append(scalar)
            position += 1
        }
        if peek() == ".", let after = peek(1), after.isASCIIDigit {
            digits += "."
            position += 1
            while let scalar = peek(), scalar.isASCIIDigit {
                digits.unicodeScalars.append(scalar)
                position += 1
            }
        }
        var value = Double(digits) ?? 0
        if accept("%") { value = Double(digits + "e-2") ?? value / 100 }
        if !value.isFinite {
            report(.expressionSyntax, "数值太大，超出可计算的范围；请检查数字位数。", start..<position)
            value = 0
        }
        return Token(kind: .number(value), range: start..<position)
    }

    private mutating func identifier(from start: Int) -> Token {
        while let scalar = peek(), scalar.isNameStart || scalar.isASCIIDigit {
            position += 1
        }
        let name = text(start..<position)
        let kind: Token.Kind
        switch name {
        case "and": kind = .keywordAnd
        case "or": kind = .keywordOr
        case "not": kind = .keywordNot
        case "in": kind = .keywordIn
        case "true": kind = .keywordTrue
        case "false": kind = .keywordFalse
        default: kind = .identifier(name)
        }
        return Token(kind: kind, range: start..<position)
    }

    /// Lexes a string literal whose opening quote is consumed; it may not span lines.
    private mutating func string(from start: Int, closing: Set<Unicode.Scalar>) -> Token {
        var content = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "\n" {
            position += 1
            if closing.contains(scalar) { return Token(kind: .string(String(content)), range: start..<position) }
            content.append(scalar)
        }
        if !issues.contains(where: { $0.range.lowerBound == start }) {
            report(.unterminatedString, "字符串缺少结束的双引号；请在文字末尾补上半角双引号 \"。", start..<position)
        }
        return Token(kind: .string(String(content)), range: start..<position)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func accept(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    private func text(_ range: ExpressionRange) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, _ range: ExpressionRange) {
        issues.append(ExpressionIssue(code: code, message: message, range: range))
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    /// A letter of any script or `_`: what a name may start with.
    fileprivate var isNameStart: Bool { self == "_" || properties.isAlphabetic }
}
