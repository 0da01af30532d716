/// A range of an expression's source text, in 0-based Unicode-scalar offsets (half-open).
///
/// Scalar offsets match the columns of ``SourceLocation``, so a caller maps them to a file position by adding
/// the offset to the column where the expression starts (see ``ExpressionCompiler``).
typealias ExpressionRange = Range<Int>

/// One lexical unit of an expression with the text range it came from.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A number literal; `85%` is already divided by 100 (0.85).
        case number(Double)
        /// A double-quoted string literal, without the quotes.
        case string(String)
        case identifier(String)
        case keywordAnd
        case keywordOr
        case keywordNot
        case keywordIn
        case keywordTrue
        case keywordFalse
        case leftParen
        case rightParen
        case leftBracket
        case rightBracket
        case comma
        case plus
        case minus
        case star
        case slash
        case equal
        case notEqual
        case less
        case lessOrEqual
        case greater
        case greaterOrEqual
        /// The end of the expression; always the last token.
        case end
    }

    let kind: Kind
    let range: ExpressionRange

    /// The token as users would write it, for diagnostics.
    var spelling: String {
        switch kind {
        case .number(let value): return value.literalText
        case .string(let text): return "\"\(text)\""
        case .identifier(let name): return name
        case .keywordAnd: return "and"
        case .keywordOr: return "or"
        case .keywordNot: return "not"
        case .keywordIn: return "in"
        case .keywordTrue: return "true"
        case .keywordFalse: return "false"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .comma: return ","
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .end: return "结尾"
        }
    }
}

/// A problem found in an expression, before it is mapped to a file position.
struct ExpressionIssue: Sendable, Hashable {
    let code: DiagnosticCode
    /// Plain Chinese: what is wrong and what would fix it.
    let message: String
    let range: ExpressionRange
}

extension Double {
    /// The number as an expression literal: `300`, `0.85`, without a trailing `.0`.
    var literalText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
