/// Turns a ``CheckedSyntax`` into a flat ``Program`` for the stack machine in ``Evaluator``.
///
/// Names are already slots and enum values already indexes, so the program does no lookups. Common shapes get
/// one fused instruction: `number_slot op constant`, `enum_slot == value`, `enum_slot in [values]`.
struct Lowering {
    private var code: [Instruction] = []
    private var depth = 0
    private var maximumDepth = 0

    static func lower(_ syntax: CheckedSyntax) -> Program {
        var lowering = Lowering()
        lowering.emit(syntax)
        return Program(instructions: lowering.code, stackCapacity: max(1, lowering.maximumDepth))
    }

    /// Appends an instruction that changes the stack depth by `effect`.
    private mutating func append(_ instruction: Instruction, effect: Int) {
        code.append(instruction)
        depth += effect
        maximumDepth = max(maximumDepth, depth)
    }

    private mutating func emit(_ node: CheckedSyntax) {
        switch node.kind {
        case .constant(let value):
            append(.push(value), effect: 1)
        case .symbol(let symbol):
            append(.load(slot: Int32(symbol.slot)), effect: 1)
        case .unary(let op, let operand):
            emit(operand)
            append(op == .not ? .not : .negate, effect: 0)
        case .binary(let op, let left, let right):
            emitBinary(op, left, right)
        case .membership(let subject, let elements, let negated):
            if case .symbol(let symbol) = subject.kind, case .enumeration = subject.type,
                let mask = Self.enumMask(elements)
            {
                append(.enumSlotIn(slot: Int32(symbol.slot), mask: mask, negated: negated), effect: 1)
                return
            }
            emit(subject)
            for element in elements { emit(element) }
            append(.membership(count: Int32(elements.count), negated: negated), effect: -elements.count)
        case .call(let id, let arguments):
            emitCall(id, arguments)
        }
    }

    private mutating func emitBinary(_ op: BinaryOperator, _ left: CheckedSyntax, _ right: CheckedSyntax) {
        switch op {
        case .and, .or:
            emit(left)
            let jump = code.count
            append(.jumpIfFalse(0), effect: 0)
            emit(right)
            append(op == .and ? .and : .or, effect: -1)
            code[jump] = op == .and ? .jumpIfFalse(Int32(code.count)) : .jumpIfTrue(Int32(code.count))
        case .add, .subtract, .multiply, .divide:
            emit(left)
            emit(right)
            let instruction: Instruction
            switch op {
            case .add: instruction = .add
            case .subtract: instruction = .subtract
            case .multiply: instruction = .multiply
            default: instruction = .divide
            }
            append(instruction, effect: -1)
        default:
            guard let comparison = ComparisonOperator(op) else { return }
            if emitFused(comparison, left, right) { return }
            if emitFused(comparison.flipped, right, left) { return }
            if case .constant(.number(let constant)) = right.kind {
                emit(left)
                append(.compareTop(comparison, constant), effect: 0)
                return
            }
            emit(left)
            emit(right)
            append(.compare(comparison), effect: -1)
        }
    }

    /// Emits one fused instruction for `slot op constant`, if the operands have that shape.
    private mutating func emitFused(_ op: ComparisonOperator, _ left: CheckedSyntax, _ right: CheckedSyntax) -> Bool {
        guard case .symbol(let symbol) = left.kind, case .constant(let constant) = right.kind else { return false }
        let slot = Int32(symbol.slot)
        switch constant {
        case .number(let number):
            append(.compareSlot(slot: slot, op, number), effect: 1)
        case .enumeration(let index) where op == .equal || op == .notEqual:
            append(.enumSlotIs(slot: slot, index: index, negated: op == .notEqual), effect: 1)
        default:
            return false
        }
        return true
    }

    private mutating func emitCall(_ id: Builtin.ID, _ arguments: [CheckedSyntax]) {
        switch id {
        case .min, .max:
            for argument in arguments { emit(argument) }
            let count = Int32(arguments.count)
            append(id == .min ? .minimum(count: count) : .maximum(count: count), effect: 1 - arguments.count)
        case .abs:
            emit(arguments[0])
            append(.absolute, effect: 0)
        case .round:
            emit(arguments[0])
            var digits = 0.0
            if arguments.count > 1, case .constant(.number(let value)) = arguments[1].kind { digits = value }
            append(.round(scale: Self.powerOfTen(Int(digits))), effect: 0)
        case .present:
            guard case .symbol(let symbol) = arguments[0].kind else { return append(.push(.unknown), effect: 1) }
            append(.present(slot: Int32(symbol.slot)), effect: 1)
        case .daysBetween:
            emit(arguments[0])
            emit(arguments[1])
            append(.daysBetween, effect: -1)
        case .count, .countAtLeast:
            guard case .constant(.enumeration(let index)) = arguments[0].kind else {
                return append(.push(.unknown), effect: 1)
            }
            append(id == .count ? .count(degree: index) : .countAtLeast(degree: index), effect: 1)
        case .lower, .upper, .sample:
            guard case .symbol(let symbol) = arguments[0].kind else { return append(.push(.unknown), effect: 1) }
            let part: EstimateLayout.Part = id == .lower ? .lower : id == .upper ? .upper : .sample
            append(.estimate(slot: Int32(symbol.slot), part: part.rawValue), effect: 1)
        }
    }

    /// The bit mask of a list of enum constants, if every element is one and every index is below 64.
    private static func enumMask(_ elements: [CheckedSyntax]) -> UInt64? {
        var mask: UInt64 = 0
        for element in elements {
            guard case .constant(.enumeration(let index)) = element.kind, (0..<64).contains(index) else { return nil }
            mask |= 1 << UInt64(index)
        }
        return mask
    }

    private static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }
}
