/// An operator with one operand.
enum UnaryOperator: Sendable, Hashable {
    /// `not x`, three-valued.
    case not
    /// `-x`.
    case negate
}

/// An operator with two operands; `in` and `not in` are ``Syntax/Kind/membership(_:_:negated:)`` instead.
enum BinaryOperator: Sendable, Hashable {
    case or
    case and
    case equal
    case notEqual
    case less
    case lessOrEqual
    case greater
    case greaterOrEqual
    case add
    case subtract
    case multiply
    case divide

    /// The operator as written in source.
    var spelling: String {
        switch self {
        case .or: return "or"
        case .and: return "and"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        }
    }

    /// Binding strength, higher binds tighter: or 1, and 2, (not 3), comparisons 4, `+ -` 5, `* /` 6.
    var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 4
        case .add, .subtract: return 5
        case .multiply, .divide: return 6
        }
    }

    var isComparison: Bool { precedence == 4 }
}

/// A parsed, not yet checked expression; every node keeps the source range it covers.
struct Syntax: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case boolean(Bool)
        /// A bare name: an input, a derived value, or (decided by the checker) an enum value or degree label.
        case name(String)
        case unary(UnaryOperator, Syntax)
        case binary(BinaryOperator, Syntax, Syntax)
        /// `subject in [elements]`, or `not in` when `negated`.
        case membership(Syntax, [Syntax], negated: Bool)
        /// `name(arguments)`; `nameRange` covers the function name only.
        case call(String, nameRange: ExpressionRange, arguments: [Syntax])
    }

    let kind: Kind
    let range: ExpressionRange
}
