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
    /// Nodes on the longest path from this node down to a leaf (a leaf is 1).
    ///
    /// This is how deep every recursive pass over the tree (checker, lowering, analysis, explain) will go; the
    /// parser keeps it within ``ExpressionLimits/maximumDepth``.
    let depth: Int

    init(kind: Kind, range: ExpressionRange) {
        self.kind = kind
        self.range = range
        switch kind {
        case .number, .string, .boolean, .name:
            depth = 1
        case .unary(_, let operand):
            depth = operand.depth + 1
        case .binary(_, let left, let right):
            depth = max(left.depth, right.depth) + 1
        case .membership(let subject, let elements, _):
            depth = elements.reduce(subject.depth) { max($0, $1.depth) } + 1
        case .call(_, _, let arguments):
            depth = arguments.reduce(0) { max($0, $1.depth) } + 1
        }
    }
}

/// Safety limits on one expression.
///
/// No expression, however written, can then exhaust the stack or take long to compile. Far above what any rule needs: the longest expression in the bundled rules is a few hundred
/// characters and a few levels deep.
enum ExpressionLimits {
    /// The most Unicode scalars one expression may have (E311).
    static let maximumLength = 4_000
    /// The deepest syntax tree accepted (E312): nested parentheses, calls, `not` and `-` each add a level, and so
    /// does every operator of a chain such as `a + b + c` (a chain of n terms is n levels deep).
    static let maximumDepth = 200
    /// The most problems reported for one expression; the rest are counted in one E114 diagnostic.
    static let maximumIssues = 5
}
