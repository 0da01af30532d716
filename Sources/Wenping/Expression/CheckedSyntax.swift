/// A type-checked expression: names resolved to symbols, enum values and degrees to indexes, every node typed.
///
/// The checker only builds trees the evaluator can run; ``Lowering`` turns one into a ``Program``, and
/// ``ConditionAnalysis`` reads it. ``description`` prints it back as valid source, with enum values spelled as
/// string literals of their labels.
struct CheckedSyntax: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        /// A literal or a folded constant: number, boolean or enum value.
        case constant(Value)
        case symbol(Symbol)
        case unary(UnaryOperator, CheckedSyntax)
        case binary(BinaryOperator, CheckedSyntax, CheckedSyntax)
        case membership(CheckedSyntax, [CheckedSyntax], negated: Bool)
        /// Arguments as checked: `present`'s is a ``symbol(_:)``, `round`'s digits a number ``constant(_:)``,
        /// and `count`'s degree an enum ``constant(_:)`` whose type is the scope's degree domain.
        case call(Builtin.ID, [CheckedSyntax])
    }

    let kind: Kind
    let type: ExpressionType
    let range: ExpressionRange

    /// The slots of every symbol the expression reads.
    var references: Set<Int> {
        var slots = Set<Int>()
        collectReferences(into: &slots)
        return slots
    }

    private func collectReferences(into slots: inout Set<Int>) {
        switch kind {
        case .constant: break
        case .symbol(let symbol): slots.insert(symbol.slot)
        case .unary(_, let operand): operand.collectReferences(into: &slots)
        case .binary(_, let left, let right):
            left.collectReferences(into: &slots)
            right.collectReferences(into: &slots)
        case .membership(let subject, let elements, _):
            subject.collectReferences(into: &slots)
            for element in elements { element.collectReferences(into: &slots) }
        case .call(_, let arguments):
            for argument in arguments { argument.collectReferences(into: &slots) }
        }
    }
}

extension CheckedSyntax: CustomStringConvertible {
    var description: String { printed(context: 0) }

    /// Prints with the fewest parentheses that keep the meaning, given the precedence of the enclosing operator.
    private func printed(context: Int) -> String {
        switch kind {
        case .constant(let value):
            switch value {
            case .number(let number): return number.literalText
            case .boolean(let flag): return flag ? "true" : "false"
            case .enumeration(let index):
                if case .enumeration(let domain) = type, domain.values.indices.contains(Int(index)) {
                    return "\"\(domain.values[Int(index)].label)\""
                }
                return String(index)
            default: return "?"
            }
        case .symbol(let symbol): return symbol.name
        case .unary(.not, let operand): return parenthesized("not " + operand.printed(context: 3), 3, context)
        case .unary(.negate, let operand): return parenthesized("-" + operand.printed(context: 7), 7, context)
        case .binary(let op, let left, let right):
            let leftContext = op.isComparison ? op.precedence + 1 : op.precedence
            let text =
                "\(left.printed(context: leftContext)) \(op.spelling) \(right.printed(context: op.precedence + 1))"
            return parenthesized(text, op.precedence, context)
        case .membership(let subject, let elements, let negated):
            let list = elements.map { $0.printed(context: 5) }.joined(separator: ", ")
            let text = "\(subject.printed(context: 5)) \(negated ? "not in" : "in") [\(list)]"
            return parenthesized(text, 4, context)
        case .call(let id, let arguments):
            return "\(id.rawValue)(\(arguments.map { $0.printed(context: 0) }.joined(separator: ", ")))"
        }
    }

    private func parenthesized(_ text: String, _ precedence: Int, _ context: Int) -> String {
        precedence < context ? "(\(text))" : text
    }
}
